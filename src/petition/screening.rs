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

/// The shipped throwaway mail domains, for the delivery page's script.
pub fn disposable_domains() -> impl Iterator<Item = &'static str> {
    let mut all: Vec<&'static str> = DISPOSABLE.iter().copied().collect();
    all.sort_unstable();
    all.into_iter()
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

    /// The vectors the delivery page's script runs too.
    #[derive(serde::Deserialize)]
    struct Vectors {
        disposable: Vec<(String, Option<String>)>,
        screening: Vec<Case>,
    }

    #[derive(serde::Deserialize)]
    struct Case {
        records: Vec<Signer>,
        suspects: Vec<Expected>,
    }

    #[derive(serde::Deserialize)]
    struct Signer {
        name: String,
        city: Option<String>,
        email: Option<String>,
    }

    #[derive(serde::Deserialize)]
    struct Expected {
        index: usize,
        same_as: Option<usize>,
        disposable: Option<String>,
    }

    fn vectors() -> Vectors {
        serde_json::from_str(include_str!("../../tests/fixtures/delivery-rules.json"))
            .expect("the shared vectors parse")
    }

    #[test]
    fn the_shared_vectors_flag_the_same_signatures_as_the_browser() {
        for case in vectors().screening {
            let records: Vec<SealedRecord> = case
                .records
                .iter()
                .map(|s| SealedRecord {
                    city: s.city.clone(),
                    email: s.email.clone(),
                    ..record(&s.name, "", "")
                })
                .collect();
            let refs: Vec<&SealedRecord> = records.iter().collect();
            let expected: Vec<Suspect> = case
                .suspects
                .iter()
                .map(|e| Suspect {
                    index: e.index,
                    reason: match (e.same_as, &e.disposable) {
                        (Some(first), _) => Reason::SameAs(first),
                        (None, Some(domain)) => Reason::Disposable(domain.clone()),
                        (None, None) => panic!("a vector names no reason"),
                    },
                })
                .collect();
            assert_eq!(screen(&refs), expected);
        }
    }

    #[test]
    fn the_shared_vectors_find_the_same_throwaway_domains() {
        for (email, domain) in vectors().disposable {
            assert_eq!(disposable_domain(&email), domain.as_deref(), "{email}");
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
