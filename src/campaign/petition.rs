//! A petition of a campaign, as organisers write it in the campaign file.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::ids::Slug;
use super::lang::Localized;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
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
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
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
