//! E-mail addresses as the one-signature-per-address rule sees them.

/// Longest address SMTP carries (RFC 5321).
pub const MAX_EMAIL_LEN: usize = 254;

/// Whether `s` is plausibly an address a confirmation can reach. Strict
/// enough to catch typos, loose enough for real addresses with `+`, dots,
/// subdomains and international domains.
pub fn is_valid(s: &str) -> bool {
    let Some((local, domain)) = s.rsplit_once('@') else {
        return false;
    };
    s.len() <= MAX_EMAIL_LEN
        && !local.is_empty()
        && local.len() <= 64
        && !local.contains('@')
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !domain.contains("..")
        && !s
            .chars()
            .any(|c| c.is_whitespace() || c.is_control() || c == '<' || c == '>' || c == ',')
}

/// The address two signatures are compared by: case-insensitive, without a
/// `+tag`, and without dots for Gmail, which ignores them.
pub fn normalize(s: &str) -> String {
    let s = s.trim().to_lowercase();
    let Some((local, domain)) = s.rsplit_once('@') else {
        return s;
    };
    let local = local.split('+').next().unwrap_or(local);
    let (local, domain) = match domain {
        "gmail.com" | "googlemail.com" => (local.replace('.', ""), "gmail.com"),
        _ => (local.to_string(), domain),
    };
    format!("{local}@{domain}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn the_usual_disguises_are_one_address() {
        let same = [
            "Ivan.Petrov@Gmail.com",
            "ivanpetrov@gmail.com",
            "ivan.petrov+petition@googlemail.com",
            " IVANPETROV@GMAIL.COM ",
        ];
        for a in same {
            assert_eq!(normalize(a), "ivanpetrov@gmail.com", "{a}");
        }
        assert_eq!(
            normalize("Anna.K+x@Mail.ru"),
            "anna.k@mail.ru",
            "dots matter outside Gmail"
        );
    }

    #[test]
    fn validity() {
        for ok in [
            "a@b.ru",
            "ivan.petrov+tag@mail.example.org",
            "анна@почта.рф",
        ] {
            assert!(is_valid(ok), "{ok}");
        }
        for bad in [
            "",
            "a",
            "a@b",
            "@b.ru",
            "a@.ru",
            "a@b.",
            "a b@c.ru",
            "a@b..ru",
            "<a@b.ru>",
            "a@b.ru,c@d.ru",
        ] {
            assert!(!is_valid(bad), "{bad}");
        }
        assert!(!is_valid(&format!("{}@b.ru", "a".repeat(65))));
    }

    proptest! {
        #[test]
        fn normalizing_is_idempotent(s in "\\PC{0,60}") {
            let once = normalize(&s);
            prop_assert_eq!(normalize(&once), once);
        }

        #[test]
        fn case_and_tags_never_make_a_new_address(
            local in "[a-z][a-z0-9.]{0,10}", tag in "[a-z0-9]{0,6}", domain in "(gmail\\.com|mail\\.ru|example\\.org)"
        ) {
            let plain = format!("{local}@{domain}");
            let dressed = format!("{}+{tag}@{}", local.to_uppercase(), domain.to_uppercase());
            prop_assert_eq!(normalize(&plain), normalize(&dressed));
        }
    }
}
