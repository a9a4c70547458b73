//! The starter campaign a new campaign begins from, and its samples. Its
//! summary, status date and contact address are samples to replace, not
//! facts: the forms show them as placeholders (an empty field), and a
//! campaign that still holds one is not published, each named.

use super::Campaign;
use super::file;

/// The starter campaign file (what "new campaign" begins with).
pub const FILE: &str = file::STARTER;

/// The sample summary, per language, as in `starter.toml`.
const SUMMARY: [(&str, &str); 2] = [
    ("ru", "Кто этот человек и за что его преследуют."),
    ("en", "Who this person is, and why they are persecuted."),
];
const EMAIL: &str = "team@example.org";
/// No status is a century old: the starter's date says "not given yet".
const SINCE: &str = "1900-01-01";

/// The sample a form field holds in the starter (field names as the forms
/// name them: `person.summary.ru`, `status.since`, `contact.email`).
pub fn sample(field: &str) -> Option<&'static str> {
    match field {
        "status.since" => Some(SINCE),
        "contact.email" => Some(EMAIL),
        _ => field
            .strip_prefix("person.summary.")
            .and_then(|lang| SUMMARY.iter().find(|(l, _)| *l == lang))
            .map(|(_, text)| *text),
    }
}

/// The required facts of `campaign` that still hold the starter's samples,
/// as form field names (`person.summary`, `status.since`, `contact.email`).
pub fn unfilled(campaign: &Campaign) -> Vec<&'static str> {
    let mut left = Vec::new();
    if campaign
        .person
        .summary
        .values()
        .any(|text| SUMMARY.iter().any(|(_, sample)| text.trim() == *sample))
    {
        left.push("person.summary");
    }
    if campaign.status.since.to_string() == SINCE {
        left.push("status.since");
    }
    if campaign.contact.email.as_deref() == Some(EMAIL) {
        left.push("contact.email");
    }
    left
}

#[cfg(test)]
mod tests {
    use super::*;

    fn starter() -> Campaign {
        file::parse(FILE, "starter.toml", &|_| false).expect("the starter parses")
    }

    #[test]
    fn the_starter_holds_every_sample_and_nothing_else_does() {
        assert_eq!(
            unfilled(&starter()),
            ["person.summary", "status.since", "contact.email"]
        );
        let demo = file::parse(
            include_str!("../../demo/boris-romanov/campaign.toml"),
            "campaign.toml",
            &|_| true,
        )
        .expect("the demo parses");
        assert!(unfilled(&demo).is_empty());
    }

    #[test]
    fn each_sample_is_what_the_starter_file_says() {
        let text = FILE;
        for field in [
            "person.summary.ru",
            "person.summary.en",
            "status.since",
            "contact.email",
        ] {
            let value = sample(field).expect("a sample");
            assert!(text.contains(value), "{field}: {value}");
        }
        assert_eq!(sample("person.name.ru"), None);
    }
}
