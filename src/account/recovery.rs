//! Recovery codes: ten one-time codes, shown once at enrolment, for when
//! the phone with the authenticator is lost. Each has 80 random bits, so a
//! plain hash of it is enough to store.

use rand::Rng;
use sha2::{Digest, Sha256};

pub const CODES: usize = 10;
const ALPHABET: &[u8] = b"abcdefghjkmnpqrstuvwxyz23456789";
/// 16 characters of a 31-letter alphabet: 79 bits.
const CODE_CHARS: usize = 16;

/// Ten fresh codes, written in groups of four: `abcd-efgh-jkmn-pqrs`.
pub fn generate() -> Vec<String> {
    let mut rng = rand::rngs::OsRng;
    (0..CODES)
        .map(|_| {
            let chars: Vec<char> = (0..CODE_CHARS)
                .map(|_| ALPHABET[rng.gen_range(0..ALPHABET.len())] as char)
                .collect();
            chars
                .chunks(4)
                .map(|c| c.iter().collect::<String>())
                .collect::<Vec<_>>()
                .join("-")
        })
        .collect()
}

/// A code as typed (any case, with or without dashes and spaces), if it
/// can be a recovery code at all.
pub fn normalize(typed: &str) -> Option<String> {
    let code: String = typed
        .chars()
        .filter(|c| !matches!(c, '-' | ' ' | '\u{a0}'))
        .flat_map(char::to_lowercase)
        .collect();
    (code.len() == CODE_CHARS && code.bytes().all(|b| ALPHABET.contains(&b))).then_some(code)
}

/// What is stored of a code.
pub fn hash(typed: &str) -> Option<Vec<u8>> {
    normalize(typed).map(|code| Sha256::digest(code.as_bytes()).to_vec())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_distinct_and_typed_loosely() {
        let codes = generate();
        assert_eq!(codes.len(), CODES);
        let mut unique = codes.clone();
        unique.sort();
        unique.dedup();
        assert_eq!(unique.len(), CODES);
        let code = &codes[0];
        assert_eq!(code.len(), 19);
        assert_eq!(hash(code), hash(&code.to_uppercase().replace('-', " ")));
        assert!(
            hash("123456").is_none(),
            "a one-time code is not a recovery code"
        );
    }
}
