//! The signing form: its fields (named so other sites can embed the form),
//! their limits, and the errors shown next to each.

use serde::{Deserialize, Serialize};

use super::email;
use crate::campaign::Confirmation;

pub const MAX_NAME: usize = 100;
pub const MAX_CITY: usize = 100;
pub const MAX_COUNTRY: usize = 60;

/// The form as posted. Every field is optional here so that a missing one
/// is an error next to that field, not a rejected request.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct SignForm {
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub email: String,
    #[serde(default)]
    pub city: String,
    #[serde(default)]
    pub country: String,
    #[serde(default)]
    pub public: Option<String>,
    #[serde(default)]
    pub consent: Option<String>,
    /// Honeypot: hidden from people, filled by naive bots.
    #[serde(default)]
    pub website: String,
    /// When the form was handed out (signed), absent on embedded forms.
    #[serde(default)]
    pub stamp: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    Name,
    Email,
    City,
    Country,
    Consent,
}

impl Field {
    pub fn code(self) -> &'static str {
        match self {
            Field::Name => "name",
            Field::Email => "email",
            Field::City => "city",
            Field::Country => "country",
            Field::Consent => "consent",
        }
    }
}

/// What is wrong with a field; the page translates the code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Problem {
    Required,
    TooLong(usize),
    InvalidEmail,
    ConsentRequired,
}

impl Problem {
    pub fn code(self) -> &'static str {
        match self {
            Problem::Required => "required",
            Problem::TooLong(_) => "too-long",
            Problem::InvalidEmail => "invalid-email",
            Problem::ConsentRequired => "consent-required",
        }
    }
}

/// A signature that passed every check, with text cleaned.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Signer {
    pub name: String,
    /// As typed (trimmed); `None` on anonymous petitions.
    pub email: Option<String>,
    pub city: Option<String>,
    pub country: Option<String>,
    pub public: bool,
}

fn clean(s: &str) -> String {
    // Control characters have no place in a name and break CSV and mail headers.
    s.chars()
        .filter(|c| !c.is_control())
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

fn optional(s: &str) -> Option<String> {
    let s = clean(s);
    (!s.is_empty()).then_some(s)
}

impl SignForm {
    pub fn is_bot(&self) -> bool {
        !self.website.trim().is_empty()
    }

    pub fn validate(&self, mode: Confirmation) -> Result<Signer, Vec<(Field, Problem)>> {
        let mut problems = Vec::new();
        let name = clean(&self.name);
        let email = self.email.trim().to_string();
        let city = optional(&self.city);
        let country = optional(&self.country);
        let mut check_len = |field: Field, value: &str, max: usize| {
            if value.chars().count() > max {
                problems.push((field, Problem::TooLong(max)));
            }
        };
        check_len(Field::Name, &name, MAX_NAME);
        check_len(Field::City, city.as_deref().unwrap_or(""), MAX_CITY);
        check_len(
            Field::Country,
            country.as_deref().unwrap_or(""),
            MAX_COUNTRY,
        );
        if name.is_empty() {
            problems.push((Field::Name, Problem::Required));
        }
        if mode == Confirmation::Email {
            if email.is_empty() {
                problems.push((Field::Email, Problem::Required));
            } else if email.len() > email::MAX_EMAIL_LEN {
                problems.push((Field::Email, Problem::TooLong(email::MAX_EMAIL_LEN)));
            } else if !email::is_valid(&email) {
                problems.push((Field::Email, Problem::InvalidEmail));
            }
        }
        if !self.has_consent() {
            problems.push((Field::Consent, Problem::ConsentRequired));
        }
        if !problems.is_empty() {
            problems.sort_by_key(|(f, _)| *f as u8);
            return Err(problems);
        }
        Ok(Signer {
            name,
            email: (mode == Confirmation::Email).then_some(email),
            city,
            country,
            public: self.is_public(),
        })
    }

    /// "Show my name publicly" was ticked.
    pub fn is_public(&self) -> bool {
        is_checked(&self.public)
    }

    /// The privacy notice was agreed to.
    pub fn has_consent(&self) -> bool {
        is_checked(&self.consent)
    }
}

fn is_checked(value: &Option<String>) -> bool {
    value
        .as_deref()
        .is_some_and(|v| matches!(v, "on" | "1" | "true" | "yes"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn form(name: &str, email: &str) -> SignForm {
        SignForm {
            name: name.into(),
            email: email.into(),
            consent: Some("on".into()),
            ..Default::default()
        }
    }

    #[test]
    fn a_complete_form_passes_with_text_cleaned() {
        let signer = form("  Anna \t Petrova\u{7} ", "anna@example.org")
            .validate(Confirmation::Email)
            .expect("valid");
        assert_eq!(signer.name, "Anna Petrova");
        assert!(
            !signer.public,
            "names are private unless the signer opts in"
        );
    }

    #[test]
    fn each_problem_is_reported_for_its_field() {
        let mut f = form("", "not-an-address");
        f.consent = None;
        f.city = "x".repeat(101);
        let problems = f.validate(Confirmation::Email).expect_err("invalid");
        assert_eq!(
            problems,
            vec![
                (Field::Name, Problem::Required),
                (Field::Email, Problem::InvalidEmail),
                (Field::City, Problem::TooLong(MAX_CITY)),
                (Field::Consent, Problem::ConsentRequired),
            ]
        );
    }

    #[test]
    fn anonymous_petitions_ask_no_address() {
        let signer = form("Anna", "")
            .validate(Confirmation::Anonymous)
            .expect("valid");
        assert_eq!(signer.email, None);
    }

    proptest! {
        #[test]
        fn validation_never_panics_and_bounds_hold(name in "\\PC{0,150}", email in "\\PC{0,300}", city in "\\PC{0,150}") {
            let f = SignForm { name, email, city, consent: Some("on".into()), ..Default::default() };
            if let Ok(s) = f.validate(Confirmation::Email) {
                prop_assert!(s.name.chars().count() <= MAX_NAME && !s.name.is_empty());
                prop_assert!(s.city.map_or(0, |c| c.chars().count()) <= MAX_CITY);
                prop_assert!(!s.name.chars().any(char::is_control));
            }
        }
    }
}
