//! A petition of a campaign, as organisers write it in the campaign file.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::ids::Slug;
use super::lang::Localized;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Petition {
    pub id: Slug,
    pub title: Localized,
    /// Markdown.
    pub text: Localized,
    /// To whom it is addressed ("To the Prosecutor General...").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub addressee: Option<Localized>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub goal: Option<u64>,
    #[serde(deserialize_with = "super::date::de")]
    pub opens: NaiveDate,
    /// The last day it takes signatures.
    #[serde(
        default,
        deserialize_with = "super::date::de_opt",
        skip_serializing_if = "Option::is_none"
    )]
    pub closes: Option<NaiveDate>,
    #[serde(default)]
    pub confirmation: Confirmation,
}

/// How a signature comes to count.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Confirmation {
    /// The signer confirms from a link sent by e-mail: one signature per address.
    #[default]
    Email,
    /// No e-mail asked, for when even an address is too dangerous to give;
    /// such signatures are unverified and the page says so.
    Anonymous,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PetitionState {
    NotYetOpen,
    Open,
    Closed,
}

impl Petition {
    /// Stops taking signatures at once: yesterday becomes the last day
    /// (and the first, if it had not opened before).
    pub fn close_now(&mut self, today: NaiveDate) {
        let last = today.pred_opt().unwrap_or(today);
        self.closes = Some(last);
        if self.opens > last {
            self.opens = last;
        }
    }

    /// Takes signatures from today on, with no last day.
    pub fn open_now(&mut self, today: NaiveDate) {
        if self.opens > today {
            self.opens = today;
        }
        self.closes = None;
    }

    pub fn state(&self, today: NaiveDate) -> PetitionState {
        if today < self.opens {
            PetitionState::NotYetOpen
        } else if self.closes.is_some_and(|c| today > c) {
            PetitionState::Closed
        } else {
            PetitionState::Open
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn petition(opens: NaiveDate, closes: Option<NaiveDate>) -> Petition {
        Petition {
            id: super::super::Slug::parse("p").expect("slug"),
            title: Default::default(),
            text: Default::default(),
            addressee: None,
            goal: None,
            opens,
            closes,
            confirmation: Confirmation::Email,
        }
    }

    #[test]
    fn closing_and_opening_now_change_the_state_today() {
        let day = |d: u32| NaiveDate::from_ymd_opt(2026, 3, d).expect("date");
        let today = day(10);
        for (opens, closes) in [(day(1), None), (day(10), Some(day(20))), (day(15), None)] {
            let mut p = petition(opens, closes);
            p.close_now(today);
            assert_eq!(p.state(today), PetitionState::Closed);
            assert!(p.closes >= Some(p.opens), "never closes before it opens");
            p.open_now(today);
            assert_eq!(p.state(today), PetitionState::Open);
            assert_eq!(p.closes, None);
        }
    }
}
