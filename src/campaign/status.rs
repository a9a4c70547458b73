//! Where the person stands now: the banner at the top of the page.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::lang::Localized;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Status {
    pub kind: StatusKind,
    /// The date the status holds since.
    #[serde(deserialize_with = "super::date::de")]
    pub since: NaiveDate,
    /// For a sentence: what it is ("6 years in a general-regime colony").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sentence: Option<Localized>,
    /// The day the current measure of restraint runs to, as last set or
    /// extended by the court ("custody extended until ...").
    #[serde(
        default,
        deserialize_with = "super::date::de_opt",
        skip_serializing_if = "Option::is_none"
    )]
    pub until: Option<NaiveDate>,
    /// When the person is expected to walk free (the end of a sentence).
    #[serde(
        default,
        deserialize_with = "super::date::de_opt",
        skip_serializing_if = "Option::is_none"
    )]
    pub expected_release: Option<NaiveDate>,
    /// Where the person is held, for letters and parcels.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub facility: Option<Facility>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Facility {
    pub name: Localized,
    /// Postal address, lines as they go on an envelope.
    pub address: Localized,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "kebab-case")]
pub enum StatusKind {
    PreTrialDetention,
    HouseArrest,
    BanOnCertainActivities,
    TravelRestriction,
    Sentenced,
    ServingSentence,
    Released,
    Emigrated,
    Wanted,
    SentencedInAbsentia,
    Deceased,
    Unknown,
}

impl StatusKind {
    pub const ALL: [StatusKind; 12] = [
        StatusKind::PreTrialDetention,
        StatusKind::HouseArrest,
        StatusKind::BanOnCertainActivities,
        StatusKind::TravelRestriction,
        StatusKind::Sentenced,
        StatusKind::ServingSentence,
        StatusKind::Released,
        StatusKind::Emigrated,
        StatusKind::Wanted,
        StatusKind::SentencedInAbsentia,
        StatusKind::Deceased,
        StatusKind::Unknown,
    ];

    pub fn code(self) -> &'static str {
        match self {
            StatusKind::PreTrialDetention => "pre-trial-detention",
            StatusKind::HouseArrest => "house-arrest",
            StatusKind::BanOnCertainActivities => "ban-on-certain-activities",
            StatusKind::TravelRestriction => "travel-restriction",
            StatusKind::Sentenced => "sentenced",
            StatusKind::ServingSentence => "serving-sentence",
            StatusKind::Released => "released",
            StatusKind::Emigrated => "emigrated",
            StatusKind::Wanted => "wanted",
            StatusKind::SentencedInAbsentia => "sentenced-in-absentia",
            StatusKind::Deceased => "deceased",
            StatusKind::Unknown => "unknown",
        }
    }

    pub fn from_code(code: &str) -> Option<StatusKind> {
        Self::ALL.into_iter().find(|k| k.code() == code)
    }

    /// Behind bars: letters reach the person only through the facility.
    pub fn is_custody(self) -> bool {
        matches!(
            self,
            StatusKind::PreTrialDetention | StatusKind::Sentenced | StatusKind::ServingSentence
        )
    }
}

impl Status {
    /// Letters make sense only while the person is held somewhere we can write to.
    pub fn accepts_letters(&self) -> bool {
        self.kind.is_custody() && self.facility.is_some()
    }
}
