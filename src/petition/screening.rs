//! Cleaning a petition before delivery, on the organisers' computer: the
//! server cannot read signers' data, so this is where likely duplicates
//! (the same name and city) and throwaway mail addresses are found.

use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

use super::service::SealedRecord;

/// The shipped list of throwaway mail domains (`data/disposable-domains.txt`).
static DISPOSABLE: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    include_str!("../../data/disposable-domains.txt")
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .collect()
});

/// Why a signature looks doubtful.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reason {
    /// The same name and city as the signature at this index, which stays.
    SameAs(usize),
    /// Its address is at a throwaway mail domain.
    Disposable(String),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Suspect {
    /// Index into the signatures screened.
    pub index: usize,
    pub reason: Reason,
}

/// The throwaway domain of `email`, if it is at one (or a subdomain of one).
pub fn disposable_domain(email: &str) -> Option<&'static str> {
    let domain = email.rsplit_once('@')?.1.trim().trim_end_matches('.');
    let domain = domain.to_lowercase();
    let mut rest = domain.as_str();
    loop {
        if let Some(found) = DISPOSABLE.get(rest) {
            return Some(found);
        }
        rest = rest.split_once('.')?.1;
    }
}

/// A name or city as people write it in different ways: case, `ё`,
/// punctuation, spacing; a name's words in any order.
fn comparable(text: &str, sort_words: bool) -> String {
    let lowered = text.to_lowercase().replace('ё', "е");
    let mut words: Vec<&str> = lowered
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    if sort_words {
        words.sort_unstable();
    }
    words.join(" ")
}

/// Every doubtful signature, in order: for each group of the same name and
/// city, all but the first; and every address at a throwaway domain.
pub fn screen(records: &[&SealedRecord]) -> Vec<Suspect> {
    let mut first_of: HashMap<(String, String), usize> = HashMap::new();
    let mut suspects = Vec::new();
    for (index, r) in records.iter().enumerate() {
        let key = (
            comparable(&r.name, true),
            comparable(r.city.as_deref().unwrap_or(""), false),
        );
        if !key.0.is_empty() {
            if let Some(&first) = first_of.get(&key) {
                suspects.push(Suspect {
                    index,
                    reason: Reason::SameAs(first),
                });
                continue;
            }
            first_of.insert(key, index);
        }
        if let Some(domain) = r.email.as_deref().and_then(disposable_domain) {
            suspects.push(Suspect {
                index,
                reason: Reason::Disposable(domain.to_string()),
            });
        }
    }
    suspects
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn record(name: &str, city: &str, email: &str) -> SealedRecord {
        SealedRecord {
            signed_at: "2026-11-01T10:00:00+00:00".into(),
            name: name.into(),
            email: Some(email.into()),
            city: (!city.is_empty()).then(|| city.into()),
            country: None,
            public: false,
        }
    }

    #[test]
    fn the_same_person_written_differently_is_a_likely_duplicate() {
        let records = [
            record("Пётр Иванов", "Казань", "p1@example.org"),
            record("иванов  петр", "казань", "p2@example.org"),
            record("Пётр Иванов", "Москва", "p3@example.org"),
            record("Anna", "", "a@MAILINATOR.com"),
            record("Boris", "Tver", "b@inbox.sharklasers.com"),
        ];
        let refs: Vec<&SealedRecord> = records.iter().collect();
        assert_eq!(
            screen(&refs),
            [
                Suspect {
                    index: 1,
                    reason: Reason::SameAs(0)
                },
                Suspect {
                    index: 3,
                    reason: Reason::Disposable("mailinator.com".into())
                },
                Suspect {
                    index: 4,
                    reason: Reason::Disposable("sharklasers.com".into())
                },
            ]
        );
    }

    #[test]
    fn ordinary_addresses_are_not_throwaway() {
        for email in [
            "a@gmail.com",
            "b@yandex.ru",
            "c@mail.ru",
            "not-an-address",
            "d@com",
        ] {
            assert_eq!(disposable_domain(email), None, "{email}");
        }
        assert!(DISPOSABLE.len() > 50, "the list is read");
    }

    proptest! {
        #[test]
        fn screening_never_flags_the_first_of_anything(
            names in proptest::collection::vec("[a-cё ]{0,6}", 1..20),
        ) {
            let records: Vec<SealedRecord> = names.iter().map(|n| record(n, "x", "s@example.org")).collect();
            let refs: Vec<&SealedRecord> = records.iter().collect();
            let suspects = screen(&refs);
            prop_assert!(suspects.iter().all(|s| s.index > 0 || !matches!(s.reason, Reason::SameAs(_))));
            for s in &suspects {
                if let Reason::SameAs(first) = s.reason {
                    prop_assert!(first < s.index);
                }
            }
        }
    }
}
