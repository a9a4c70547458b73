//! Passwords: a length rule, a list of the most common ones and a strength
//! estimate as guessers see it (zxcvbn: keyboard rows, repeats, sequences,
//! dates, lone words), no composition rules (they make passwords harder to
//! remember, not to guess); Argon2id with OWASP's parameters for what is
//! stored.

use argon2::password_hash::rand_core::OsRng;
use argon2::password_hash::{Output, ParamsString, PasswordHash, SaltString};
use argon2::{Algorithm, Argon2, Block, Params, Version};

/// Characters, at least. Every account also needs a one-time code to sign
/// in; the length still has to hold if the database leaks.
pub const MIN_PASSWORD_CHARS: usize = 10;
/// Characters, at most: hashing is the costly part, and no one types more.
pub const MAX_PASSWORD_CHARS: usize = 256;

const COMMON: &str = include_str!("common-passwords.txt");

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PasswordProblem {
    TooShort,
    TooLong,
    /// On the list of passwords every guesser tries first.
    Common,
    /// Contains the login name, which a guesser knows.
    ContainsLogin,
    /// Guessable by a pattern, though long enough and not on the list.
    Weak(Weakness),
    /// The current password, typed to confirm a change, is not right.
    Wrong,
}

/// Why a password is easy to guess, as the strength estimate sees it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Weakness {
    /// A row or pattern of keys (`qwertyuiop`).
    Keyboard,
    /// The same characters or groups again (`aaaaaaaaaaaa`).
    Repeats,
    /// A sequence (`abcdefghij`, `9876543210`).
    Sequence,
    /// A year or a date.
    Dates,
    /// A word or a name by itself.
    Words,
    /// None of those alone, but short of the strength asked.
    Guessable,
}

impl Weakness {
    /// The suffix of its translation key (`admin-password-weak-…`).
    pub fn code(self) -> &'static str {
        match self {
            Weakness::Keyboard => "keyboard",
            Weakness::Repeats => "repeats",
            Weakness::Sequence => "sequence",
            Weakness::Dates => "dates",
            Weakness::Words => "words",
            Weakness::Guessable => "guessable",
        }
    }
}

/// Characters the strength estimate reads: its cost grows with length, and
/// a password this long is strong for its length alone.
const ESTIMATED_CHARS: usize = 64;

/// Whether zxcvbn would have a guesser try `password` early. A score of 3
/// asks for about 10^10 guesses, beyond an offline attack on Argon2id.
fn weakness(password: &str, login: &str) -> Option<Weakness> {
    use zxcvbn::feedback::Warning;
    let head: String = password.chars().take(ESTIMATED_CHARS).collect();
    let estimate = zxcvbn::zxcvbn(&head, &[login]);
    if estimate.score() >= zxcvbn::Score::Three {
        return None;
    }
    let warning = estimate.feedback().and_then(|f| f.warning());
    Some(match warning {
        Some(Warning::StraightRowsOfKeysAreEasyToGuess)
        | Some(Warning::ShortKeyboardPatternsAreEasyToGuess) => Weakness::Keyboard,
        Some(Warning::RepeatsLikeAaaAreEasyToGuess)
        | Some(Warning::RepeatsLikeAbcAbcAreOnlySlightlyHarderToGuess) => Weakness::Repeats,
        Some(Warning::SequencesLikeAbcAreEasyToGuess) => Weakness::Sequence,
        Some(Warning::RecentYearsAreEasyToGuess) | Some(Warning::DatesAreOftenEasyToGuess) => {
            Weakness::Dates
        }
        Some(Warning::AWordByItselfIsEasyToGuess)
        | Some(Warning::NamesAndSurnamesByThemselvesAreEasyToGuess)
        | Some(Warning::CommonNamesAndSurnamesAreEasyToGuess) => Weakness::Words,
        _ => Weakness::Guessable,
    })
}

/// Checks a new password against the rules.
pub fn check(password: &str, login: &str) -> Result<(), PasswordProblem> {
    let chars = password.chars().count();
    if chars < MIN_PASSWORD_CHARS {
        return Err(PasswordProblem::TooShort);
    }
    if chars > MAX_PASSWORD_CHARS {
        return Err(PasswordProblem::TooLong);
    }
    let lower = password.to_lowercase();
    if is_common(&lower) {
        return Err(PasswordProblem::Common);
    }
    if login.chars().count() >= 3 && lower.contains(&login.to_lowercase()) {
        return Err(PasswordProblem::ContainsLogin);
    }
    match weakness(password, login) {
        Some(w) => Err(PasswordProblem::Weak(w)),
        None => Ok(()),
    }
}

fn is_common(lower: &str) -> bool {
    COMMON
        .lines()
        .filter(|l| !l.starts_with('#'))
        .any(|l| l.trim() == lower)
}

/// Argon2id, m = 19 MiB, t = 2, p = 1: OWASP's recommendation.
fn argon2() -> Argon2<'static> {
    let params = Params::new(19 * 1024, 2, 1, None).unwrap_or_default();
    Argon2::new(Algorithm::Argon2id, Version::V0x13, params)
}

thread_local! {
    /// Argon2's working memory, kept by the thread that hashes: allocated
    /// once and reused by every hash there. Left to the allocator, each
    /// hash's 19 MiB stayed resident after it was freed (5 hashes: +96 MiB).
    static BLOCKS: std::cell::RefCell<Vec<Block>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// Fills `out` with the hash of `password`, in this thread's memory, which
/// is wiped after.
fn hash_into(argon: &Argon2<'_>, password: &[u8], salt: &[u8], out: &mut [u8]) -> bool {
    let count = argon.params().block_count();
    BLOCKS.with(|blocks| {
        let mut blocks = blocks.borrow_mut();
        if blocks.len() < count {
            blocks.resize(count, Block::default());
        }
        let done = argon
            .hash_password_into_with_memory(password, salt, out, &mut blocks[..count])
            .is_ok();
        blocks.fill(Block::default());
        done
    })
}

/// The PHC string to store (algorithm, parameters, salt and hash).
/// CPU-heavy: call it off the async threads.
pub fn hash(password: &str) -> String {
    let salt = SaltString::generate(&mut OsRng);
    let argon = argon2();
    let mut salt_bytes = [0u8; 64];
    let mut out = [0u8; 32];
    let mut phc = || -> Option<String> {
        let raw_salt = salt.as_salt().decode_b64(&mut salt_bytes).ok()?;
        hash_into(&argon, password.as_bytes(), raw_salt, &mut out).then_some(())?;
        let phc = PasswordHash {
            algorithm: Algorithm::Argon2id.ident(),
            version: Some(Version::V0x13.into()),
            params: ParamsString::try_from(argon.params()).ok()?,
            salt: Some(salt.as_salt()),
            hash: Some(Output::new(&out).ok()?),
        };
        Some(phc.to_string())
    };
    // Hashing with valid parameters and a fresh salt does not fail.
    phc().unwrap_or_default()
}

/// Whether `password` matches a stored PHC string. CPU-heavy.
pub fn verify(password: &str, stored: &str) -> bool {
    let matches = || -> Option<bool> {
        let parsed = PasswordHash::new(stored).ok()?;
        let expected = parsed.hash?;
        let algorithm = Algorithm::try_from(parsed.algorithm).ok()?;
        let version = match parsed.version {
            Some(v) => Version::try_from(v).ok()?,
            None => Version::default(),
        };
        let params = Params::try_from(&parsed).ok()?;
        let mut salt_bytes = [0u8; 64];
        let salt = parsed.salt?.decode_b64(&mut salt_bytes).ok()?;
        let mut out = vec![0u8; expected.len()];
        let argon = Argon2::new(algorithm, version, params);
        hash_into(&argon, password.as_bytes(), salt, &mut out).then_some(())?;
        // `Output`'s comparison takes the same time whatever differs.
        Some(Output::new(&out).ok()? == expected)
    };
    matches().unwrap_or(false)
}

/// A stored hash of no one's password: checked when a login name is
/// unknown, so that the answer takes as long as for a known one.
pub fn decoy_hash() -> &'static str {
    static DECOY: std::sync::LazyLock<String> =
        std::sync::LazyLock::new(|| hash("no account has this password"));
    &DECOY
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn guessable_patterns_are_refused_with_their_reason() {
        let weak = |p: &str| match check(p, "anna") {
            Err(PasswordProblem::Weak(w)) => Some(w),
            Ok(()) => None,
            other => panic!("{p}: {other:?}"),
        };
        assert_eq!(weak("aaaaaaaaaaaa"), Some(Weakness::Repeats));
        assert_eq!(weak("abcdefghijklmn"), Some(Weakness::Sequence));
        assert_eq!(weak("zxcvbnm,./asdf"), Some(Weakness::Keyboard));
        assert!(weak("correct horse battery staple").is_none());
        assert!(weak("Мама мыла раму в 1987 под Тверью").is_none());
    }

    #[test]
    fn length_common_list_and_login_are_checked_without_composition_rules() {
        assert_eq!(check("short", "anna"), Err(PasswordProblem::TooShort));
        assert_eq!(check("QwertyUiop", "anna"), Err(PasswordProblem::Common));
        assert_eq!(check("йцукенгшщз", "anna"), Err(PasswordProblem::Common));
        assert_eq!(
            check("anna-is-the-best", "anna"),
            Err(PasswordProblem::ContainsLogin)
        );
        assert_eq!(
            check(&"x".repeat(300), "anna"),
            Err(PasswordProblem::TooLong)
        );
        assert_eq!(check("correct horse battery", "anna"), Ok(()));
        assert_eq!(
            check("всепростоникакихправил", "anna"),
            Ok(()),
            "no composition rules"
        );
    }

    #[test]
    fn hashes_are_argon2id_salted_and_verify() {
        let a = hash("correct horse battery");
        let b = hash("correct horse battery");
        assert!(a.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"), "{a}");
        assert_ne!(a, b, "a fresh salt each time");
        assert!(verify("correct horse battery", &a));
        assert!(!verify("correct horse batterY", &a));
        assert!(!verify("anything", "not a hash"));
        assert!(!verify("anything", decoy_hash()));
        // Hashes stored before (by the crate's own hasher) still verify.
        use argon2::password_hash::PasswordHasher;
        let salt = SaltString::generate(&mut OsRng);
        let stored = argon2()
            .hash_password(b"correct horse battery", &salt)
            .expect("hash")
            .to_string();
        assert!(verify("correct horse battery", &stored));
        assert!(!verify("correct horse batterY", &stored));
    }
}
