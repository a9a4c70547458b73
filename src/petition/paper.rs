//! Signatures collected on paper (at pickets, at court hearings), which
//! editors add to a petition as counts. An entry is never changed in place:
//! a correction adds a new entry that replaces the old one, with a reason,
//! so the history and the audit log always show what was counted before.

use chrono::NaiveDate;

/// The most one entry may add: more than any picket collects, few enough
/// that a typo of several zeros is refused rather than published.
pub const MAX_COUNT: i64 = 1_000_000;
/// Notes and reasons are a few words for the organisers, not documents.
pub const MAX_NOTE: usize = 200;

/// A petition's signatures: confirmed online, and added from paper.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Tally {
    pub online: i64,
    pub paper: i64,
}

impl Tally {
    pub fn total(self) -> i64 {
        self.online.saturating_add(self.paper)
    }
}

/// One entry of a petition's paper signatures, as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PaperEntry {
    pub id: i64,
    pub count: i64,
    pub collected_on: NaiveDate,
    pub note: String,
    /// The editor's login, kept as it was.
    pub added_by: String,
    pub added_at: i64,
    /// The entry this one corrects, and why.
    pub replaces: Option<i64>,
    pub reason: String,
    /// Set when a later entry corrected this one: it no longer counts.
    pub replaced_by: Option<i64>,
}

impl PaperEntry {
    pub fn counts(&self) -> bool {
        self.replaced_by.is_none()
    }
}

/// What an editor entered, checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PaperInput {
    pub count: i64,
    pub collected_on: NaiveDate,
    pub note: String,
}

/// A correction of an entry: what should count instead, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Correction {
    pub input: PaperInput,
    pub reason: String,
}

/// What is wrong with a form; each names its translation key.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PaperProblem {
    Count,
    Date,
    FutureDate,
    Note,
    Reason,
}

impl PaperProblem {
    pub fn key(self) -> &'static str {
        match self {
            PaperProblem::Count => "admin-paper-bad-count",
            PaperProblem::Date => "admin-paper-bad-date",
            PaperProblem::FutureDate => "admin-paper-future-date",
            PaperProblem::Note => "admin-paper-bad-note",
            PaperProblem::Reason => "admin-paper-bad-reason",
        }
    }
}

/// A new entry: at least one signature.
pub fn read_addition(
    count: &str,
    collected_on: &str,
    note: &str,
    today: NaiveDate,
) -> Result<PaperInput, PaperProblem> {
    read(count, 1, collected_on, note, today)
}

/// A correction: any count down to zero (the sheets were counted twice, or
/// lost), and a reason, which is required: a correction is never silent.
pub fn read_correction(
    count: &str,
    collected_on: &str,
    note: &str,
    reason: &str,
    today: NaiveDate,
) -> Result<Correction, PaperProblem> {
    let input = read(count, 0, collected_on, note, today)?;
    let reason = short_text(reason).ok_or(PaperProblem::Reason)?;
    if reason.is_empty() {
        return Err(PaperProblem::Reason);
    }
    Ok(Correction { input, reason })
}

fn read(
    count: &str,
    least: i64,
    collected_on: &str,
    note: &str,
    today: NaiveDate,
) -> Result<PaperInput, PaperProblem> {
    // People write "1 200" or "1,200": digits are what counts.
    let digits: String = count
        .chars()
        .filter(|c| !matches!(c, ' ' | '\u{a0}' | '\u{202f}' | ',' | '.' | '\''))
        .collect();
    let count = digits
        .parse::<i64>()
        .ok()
        .filter(|n| (least..=MAX_COUNT).contains(n))
        .ok_or(PaperProblem::Count)?;
    let collected_on = NaiveDate::parse_from_str(collected_on.trim(), "%Y-%m-%d")
        .map_err(|_| PaperProblem::Date)?;
    if collected_on > today {
        return Err(PaperProblem::FutureDate);
    }
    let note = short_text(note).ok_or(PaperProblem::Note)?;
    Ok(PaperInput {
        count,
        collected_on,
        note,
    })
}

/// Trimmed, on one line, at most `MAX_NOTE` characters.
fn short_text(text: &str) -> Option<String> {
    let text = text.trim();
    (text.chars().count() <= MAX_NOTE && !text.chars().any(char::is_control))
        .then(|| text.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 3, 10).expect("date")
    }

    #[test]
    fn an_addition_takes_counts_as_people_write_them() {
        for written in ["1200", "1 200", "1,200", "1.200", "1\u{a0}200"] {
            let input = read_addition(written, "2026-03-08", " picket ", today()).expect(written);
            assert_eq!(input.count, 1200);
            assert_eq!(input.note, "picket");
        }
    }

    #[test]
    fn an_addition_refuses_what_cannot_be_meant() {
        let add = |count: &str, date: &str, note: &str| read_addition(count, date, note, today());
        assert_eq!(add("0", "2026-03-08", ""), Err(PaperProblem::Count));
        assert_eq!(add("-5", "2026-03-08", ""), Err(PaperProblem::Count));
        assert_eq!(add("80 sheets", "2026-03-08", ""), Err(PaperProblem::Count));
        assert_eq!(add("10000000", "2026-03-08", ""), Err(PaperProblem::Count));
        assert_eq!(add("80", "08.03.2026", ""), Err(PaperProblem::Date));
        assert_eq!(add("80", "2026-03-11", ""), Err(PaperProblem::FutureDate));
        assert_eq!(
            add("80", "2026-03-08", &"x".repeat(201)),
            Err(PaperProblem::Note)
        );
        assert_eq!(add("80", "2026-03-08", "a\nb"), Err(PaperProblem::Note));
    }

    #[test]
    fn a_correction_may_go_to_zero_but_needs_a_reason() {
        let c = read_correction("0", "2026-03-08", "", " counted twice ", today()).expect("zero");
        assert_eq!(c.input.count, 0);
        assert_eq!(c.reason, "counted twice");
        assert_eq!(
            read_correction("70", "2026-03-08", "", "  ", today()),
            Err(PaperProblem::Reason)
        );
    }

    #[test]
    fn the_total_adds_both() {
        let t = Tally {
            online: 1147,
            paper: 80,
        };
        assert_eq!(t.total(), 1227);
        let huge = Tally {
            online: i64::MAX,
            paper: 1,
        };
        assert_eq!(huge.total(), i64::MAX);
    }

    proptest! {
        #[test]
        fn any_input_is_read_or_refused_without_panic(
            count in "\\PC{0,12}", date in "\\PC{0,12}", note in "\\PC{0,40}", reason in "\\PC{0,20}"
        ) {
            if let Ok(input) = read_addition(&count, &date, &note, today()) {
                prop_assert!((1..=MAX_COUNT).contains(&input.count));
                prop_assert!(input.collected_on <= today());
            }
            let _ = read_correction(&count, &date, &note, &reason, today());
        }
    }
}
