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

/// The address two signatures are compared by: what one mailbox receives
/// under many spellings counts once. Lowercased, without a `+tag`, and with
/// the aliases of the large providers folded:
/// - Gmail ignores dots; googlemail.com is gmail.com;
/// - Yandex delivers all its domains to one mailbox and takes `.` and `-` in
///   a login for the same character;
/// - Proton ignores dots, hyphens and underscores; proton.me, protonmail.com,
///   protonmail.ch and pm.me are one account;
/// - iCloud's me.com and mac.com are the same mailbox as icloud.com.
///
/// Mail.ru's domains (mail.ru, inbox.ru, list.ru, bk.ru) are separate
/// mailboxes, as are Outlook's: only their `+tag` is folded.
pub fn normalize(s: &str) -> String {
    let s = s.trim().to_lowercase();
    let Some((local, domain)) = s.rsplit_once('@') else {
        return s;
    };
    let local = local.split('+').next().unwrap_or(local);
    let (local, domain) = match domain {
        "gmail.com" | "googlemail.com" => (local.replace('.', ""), "gmail.com"),
        "yandex.ru" | "ya.ru" | "yandex.com" | "yandex.by" | "yandex.kz" | "yandex.ua"
        | "narod.ru" => (local.replace('.', "-"), "yandex.ru"),
        "proton.me" | "protonmail.com" | "protonmail.ch" | "pm.me" => {
            (local.replace(['.', '-', '_'], ""), "proton.me")
        }
        "icloud.com" | "me.com" | "mac.com" => (local.to_string(), "icloud.com"),
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

    /// One Yandex mailbox, a dozen spellings: it signs once.
    #[test]
    fn one_yandex_mailbox_is_one_address() {
        let spellings = [
            "ivan.petrov@yandex.ru",
            "ivan-petrov@yandex.ru",
            "Ivan.Petrov@ya.ru",
            "ivan-petrov@yandex.com",
            "ivan.petrov@yandex.by",
            "ivan.petrov@yandex.kz",
            "ivan-petrov+news@yandex.ua",
            "IVAN.PETROV@YANDEX.RU",
        ];
        for a in spellings {
            assert_eq!(normalize(a), "ivan-petrov@yandex.ru", "{a}");
        }
        assert_ne!(
            normalize("ivanpetrov@yandex.ru"),
            normalize("ivan.petrov@yandex.ru"),
            "dropping the dot is another login"
        );
    }

    #[test]
    fn proton_and_icloud_aliases_are_one_address() {
        for a in [
            "anna.k@proton.me",
            "anna_k@protonmail.com",
            "ANNA-K@pm.me",
            "annak+x@protonmail.ch",
        ] {
            assert_eq!(normalize(a), "annak@proton.me", "{a}");
        }
        for a in ["anna@me.com", "anna@mac.com", "Anna+x@iCloud.com"] {
            assert_eq!(normalize(a), "anna@icloud.com", "{a}");
        }
        assert_ne!(
            normalize("anna@mail.ru"),
            normalize("anna@bk.ru"),
            "Mail.ru's domains are separate mailboxes"
        );
        assert_ne!(normalize("anna@outlook.com"), normalize("anna@hotmail.com"));
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
