//! A letter sent through the campaign: what is sealed to the campaign's
//! keys on arrival, and the states the writer's receipt shows.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// Longest first name, return address and reply reason, in characters.
pub const MAX_NAME: usize = 60;
pub const MAX_RETURN_ADDRESS: usize = 300;
pub const MAX_REASON: usize = 300;

/// What the writer wrote, sealed: only the campaign's keys open it. Times
/// outside it are rounded to the hour; the exact one is here.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LetterRecord {
    pub written_at: String,
    /// The language of the page it was written on.
    pub lang: String,
    pub text: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub return_address: Option<String>,
    /// The writer left an address for a notice when a reply arrives (the
    /// address itself is not here: volunteers do not need it).
    #[serde(default)]
    pub notice: bool,
}

/// Where a letter is, as its receipt shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LetterState {
    Received,
    Sent {
        on: NaiveDate,
    },
    /// The volunteers could not pass it on, and say why.
    NotForwarded {
        reason: String,
    },
}

impl LetterState {
    pub fn code(&self) -> &'static str {
        match self {
            LetterState::Received => "received",
            LetterState::Sent { .. } => "sent",
            LetterState::NotForwarded { .. } => "not-forwarded",
        }
    }

    /// From the stored columns; `None` for a state this program does not know.
    pub fn from_row(code: &str, at: Option<i64>, reason: Option<String>) -> Option<LetterState> {
        match code {
            "received" => Some(LetterState::Received),
            "sent" => Some(LetterState::Sent {
                on: chrono::DateTime::from_timestamp(at?, 0)?.date_naive(),
            }),
            "not-forwarded" => Some(LetterState::NotForwarded {
                reason: reason.unwrap_or_default(),
            }),
            _ => None,
        }
    }
}

/// A volunteer's mark on a letter, by its number.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Mark {
    Sent,
    NotForwarded { reason: String },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MarkProblem {
    NoNumber,
    NoReason,
    ReasonTooLong,
}

impl Mark {
    /// From the workspace form: the number and, for a letter not passed
    /// on, the reason the writer will read.
    pub fn read(
        number: &str,
        not_forwarded: bool,
        reason: &str,
    ) -> Result<(i64, Mark), MarkProblem> {
        let number = number
            .trim()
            .trim_start_matches(['№', '#', 'N'])
            .trim()
            .parse::<i64>()
            .ok()
            .filter(|n| *n > 0)
            .ok_or(MarkProblem::NoNumber)?;
        if !not_forwarded {
            return Ok((number, Mark::Sent));
        }
        let reason = reason.trim();
        if reason.is_empty() {
            return Err(MarkProblem::NoReason);
        }
        if reason.chars().count() > MAX_REASON {
            return Err(MarkProblem::ReasonTooLong);
        }
        Ok((
            number,
            Mark::NotForwarded {
                reason: reason.to_string(),
            },
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_read_as_volunteers_write_them() {
        for n in ["12", " 12 ", "№12", "№ 12", "#12"] {
            assert_eq!(Mark::read(n, false, ""), Ok((12, Mark::Sent)), "{n}");
        }
        for bad in ["", "0", "-3", "twelve", "1.5"] {
            assert_eq!(
                Mark::read(bad, false, ""),
                Err(MarkProblem::NoNumber),
                "{bad}"
            );
        }
    }

    #[test]
    fn a_letter_not_passed_on_needs_a_reason_the_writer_can_read() {
        assert_eq!(Mark::read("3", true, "  "), Err(MarkProblem::NoReason));
        assert_eq!(
            Mark::read("3", true, &"x".repeat(MAX_REASON + 1)),
            Err(MarkProblem::ReasonTooLong)
        );
        assert_eq!(
            Mark::read("3", true, " Transferred, new address unknown "),
            Ok((
                3,
                Mark::NotForwarded {
                    reason: "Transferred, new address unknown".into()
                }
            ))
        );
    }

    proptest::proptest! {
        /// Whatever a volunteer types, it is read or refused, never a panic.
        #[test]
        fn any_mark_is_read_or_refused(number in "\\PC{0,20}", reason in "\\PC{0,400}", not in proptest::bool::ANY) {
            if let Ok((n, mark)) = Mark::read(&number, not, &reason) {
                proptest::prop_assert!(n > 0);
                if let Mark::NotForwarded { reason } = mark {
                    proptest::prop_assert!(!reason.is_empty() && reason.chars().count() <= MAX_REASON);
                }
            }
        }
    }

    #[test]
    fn states_round_trip_through_their_columns() {
        let day = NaiveDate::from_ymd_opt(2026, 5, 4).expect("date");
        let at = day
            .and_hms_opt(0, 0, 0)
            .expect("time")
            .and_utc()
            .timestamp();
        assert_eq!(
            LetterState::from_row("sent", Some(at), None),
            Some(LetterState::Sent { on: day })
        );
        assert_eq!(
            LetterState::from_row("received", None, None),
            Some(LetterState::Received)
        );
        assert_eq!(LetterState::from_row("lost", None, None), None);
    }
}
