//! The campaign: everything a case page says about one person, as data.
//!
//! These types are also the campaign file format (TOML): field names here are
//! the keys organisers write, and unknown keys are errors.

use chrono::{NaiveDate, NaiveTime};
use serde::{Deserialize, Serialize};

use super::ids::{OrgId, Slug, WebLink};
use super::lang::Localized;
use super::organisation::Organisation;
use super::petition::Petition;
use super::status::Status;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Campaign {
    pub slug: Slug,
    /// Shown on the page as "last updated"; organisers set it when facts change.
    #[serde(deserialize_with = "super::date::de")]
    pub updated: NaiveDate,
    /// The call at the top of the page; "Free NAME!" in each language when
    /// absent (in Russian with the name in the dative case).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub headline: Option<Localized>,
    pub person: Person,
    pub status: Status,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub charges: Vec<Charge>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub timeline: Vec<Event>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub recognitions: Vec<Recognition>,
    #[serde(default)]
    pub help: Help,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub petitions: Vec<Petition>,
    /// The organisers' public key (an age X25519 recipient, `age1...`):
    /// signers' personal data is sealed to it. Files written before
    /// `organiser_keys` existed have this one key.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub organiser_key: Option<String>,
    /// The organisers' public keys: each signature is sealed to all of them,
    /// and any one identity opens it, so a lost or seized laptop loses
    /// nothing. With petitions, at least one key (here or above) is required.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub organiser_keys: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub publications: Vec<Publication>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub channels: Vec<Channel>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub updates: Vec<Update>,
    /// Where readers report an inaccuracy.
    pub contact: Contact,
    /// Organisations the campaign mentions. On import they join the
    /// instance's registry; on export they are filled in from it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub organisations: Vec<Organisation>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Person {
    pub name: Localized,
    /// How the page addresses the person ("Boris"); the full name when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub short_name: Option<Localized>,
    /// Only for grammar: Russian verbs and adjectives agree with it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub gender: Option<Gender>,
    #[serde(
        default,
        deserialize_with = "super::date::de_opt",
        skip_serializing_if = "Option::is_none"
    )]
    pub born: Option<NaiveDate>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub region: Option<Localized>,
    pub summary: Localized,
    /// Markdown.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub biography: Option<Localized>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub links: Vec<Link>,
    /// Image file next to the campaign file; copied into the instance on import.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub photo: Option<String>,
}

impl Person {
    pub fn short_name(&self) -> &Localized {
        self.short_name.as_ref().unwrap_or(&self.name)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Gender {
    Female,
    Male,
}

impl Gender {
    pub fn code(self) -> &'static str {
        match self {
            Gender::Female => "female",
            Gender::Male => "male",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Link {
    pub title: Localized,
    pub url: WebLink,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Charge {
    pub code: LegalCode,
    pub article: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub part: Option<String>,
    /// Letters differ by language ("д" / "d"), hence localized.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub clause: Option<Localized>,
    pub title: Localized,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_penalty: Option<Localized>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "kebab-case")]
pub enum LegalCode {
    CriminalCodeRf,
    AdministrativeCodeRf,
    CriminalCodeBy,
    AdministrativeCodeBy,
}

impl LegalCode {
    pub const ALL: [LegalCode; 4] = [
        LegalCode::CriminalCodeRf,
        LegalCode::AdministrativeCodeRf,
        LegalCode::CriminalCodeBy,
        LegalCode::AdministrativeCodeBy,
    ];

    pub fn from_code(code: &str) -> Option<LegalCode> {
        LegalCode::ALL.into_iter().find(|c| c.code() == code)
    }

    pub fn code(self) -> &'static str {
        match self {
            LegalCode::CriminalCodeRf => "criminal-code-rf",
            LegalCode::AdministrativeCodeRf => "administrative-code-rf",
            LegalCode::CriminalCodeBy => "criminal-code-by",
            LegalCode::AdministrativeCodeBy => "administrative-code-by",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Event {
    #[serde(deserialize_with = "super::date::de")]
    pub date: NaiveDate,
    /// Local time at the place, for hearings people may attend.
    #[serde(
        default,
        deserialize_with = "super::date::de_time_opt",
        skip_serializing_if = "Option::is_none"
    )]
    pub time: Option<NaiveTime>,
    pub kind: EventKind,
    /// Markdown.
    pub text: Localized,
    /// Court or other place, with its address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub place: Option<Localized>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<WebLink>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "kebab-case")]
pub enum EventKind {
    Search,
    Detention,
    Charge,
    Transfer,
    MeasureOfRestraint,
    Hearing,
    Verdict,
    Appeal,
    Release,
    Other,
}

impl EventKind {
    pub fn code(self) -> &'static str {
        match self {
            EventKind::Search => "search",
            EventKind::Detention => "detention",
            EventKind::Charge => "charge",
            EventKind::Transfer => "transfer",
            EventKind::MeasureOfRestraint => "measure-of-restraint",
            EventKind::Hearing => "hearing",
            EventKind::Verdict => "verdict",
            EventKind::Appeal => "appeal",
            EventKind::Release => "release",
            EventKind::Other => "other",
        }
    }

    /// Events people can come to: court sittings.
    pub fn is_court_sitting(self) -> bool {
        matches!(
            self,
            EventKind::Hearing
                | EventKind::Verdict
                | EventKind::Appeal
                | EventKind::MeasureOfRestraint
        )
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Recognition {
    /// An organisation of the registry, so its legal label follows it.
    pub by: OrgId,
    #[serde(
        default,
        deserialize_with = "super::date::de_opt",
        skip_serializing_if = "Option::is_none"
    )]
    pub date: Option<NaiveDate>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<WebLink>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Help {
    /// Order of the "How can I help?" sections; those not named follow in the
    /// default order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub order: Vec<HelpKind>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub donations: Vec<Donation>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub letters: Option<Letters>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "kebab-case")]
pub enum HelpKind {
    Petition,
    Donate,
    Letters,
    Share,
}

impl HelpKind {
    pub const DEFAULT_ORDER: [HelpKind; 4] = [
        HelpKind::Petition,
        HelpKind::Donate,
        HelpKind::Letters,
        HelpKind::Share,
    ];
}

impl Help {
    /// Every kind exactly once: the organiser's order first, then the rest.
    pub fn ordered_kinds(&self) -> Vec<HelpKind> {
        let mut kinds: Vec<HelpKind> = Vec::with_capacity(4);
        for kind in self.order.iter().chain(HelpKind::DEFAULT_ORDER.iter()) {
            if !kinds.contains(kind) {
                kinds.push(*kind);
            }
        }
        kinds
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(tag = "kind", rename_all = "kebab-case", deny_unknown_fields)]
pub enum Donation {
    BankCard {
        number: String,
        bank: Localized,
        /// MIR, Visa...
        #[serde(default, skip_serializing_if = "Option::is_none")]
        system: Option<String>,
        recipient: Localized,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        note: Option<Localized>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        risk: Option<Localized>,
    },
    BankTransfer {
        /// Account details, shown as given (line breaks kept).
        details: Localized,
        recipient: Localized,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        note: Option<Localized>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        risk: Option<Localized>,
    },
    Crypto {
        currency: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        network: Option<String>,
        address: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        note: Option<Localized>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        risk: Option<Localized>,
    },
    Link {
        title: Localized,
        url: WebLink,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        note: Option<Localized>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        risk: Option<Localized>,
    },
}

impl Donation {
    pub fn note(&self) -> Option<&Localized> {
        match self {
            Donation::BankCard { note, .. }
            | Donation::BankTransfer { note, .. }
            | Donation::Crypto { note, .. }
            | Donation::Link { note, .. } => note.as_ref(),
        }
    }

    pub fn risk(&self) -> Option<&Localized> {
        match self {
            Donation::BankCard { risk, .. }
            | Donation::BankTransfer { risk, .. }
            | Donation::Crypto { risk, .. }
            | Donation::Link { risk, .. } => risk.as_ref(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Letters {
    /// Markdown: what to write about, what not to, how to send.
    pub tips: Localized,
    /// Whether letters reach the person now: a transfer, a punishment cell
    /// or a ban on correspondence stops them for a while.
    #[serde(default = "yes", skip_serializing_if = "is_true")]
    pub can_write: bool,
    /// The languages the facility lets letters through in (ISO 639-1);
    /// Russian when none is given.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub languages: Vec<String>,
    /// Paid services that print and deliver e-letters to the facility
    /// (FSIN-pismo, Zonatelecom): a way for those who can pay.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub services: Vec<LetterService>,
    /// Writing is dangerous for the writer (letters have been used as
    /// evidence against their senders): the letter page says so plainly and
    /// leaves the name off unless the writer insists. Unset: when the person
    /// is held in Belarus.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub risky: Option<bool>,
    /// Letters may be sent through the campaign: the letter page's form
    /// seals them for the campaign's letters volunteers, who print and post
    /// them. Off until the organisers have such volunteers.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub forward: bool,
    /// Where the person sends replies (the volunteers' address), printed on
    /// the reply slip of each letter sent through the campaign.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reply_to: Option<String>,
    /// Letters the volunteers could not pass on stay sealed until the
    /// person's release; `false` deletes them as sent ones are.
    #[serde(default = "yes", skip_serializing_if = "is_true")]
    pub keep_undelivered: bool,
}

fn yes() -> bool {
    true
}

fn is_true(b: &bool) -> bool {
    *b
}

impl Campaign {
    /// Whether writing to this person puts the writer at risk: as the
    /// organisers say, else when the person is held in Belarus (charged
    /// under a Belarusian code, or a facility whose address is there).
    pub fn writing_is_risky(&self) -> bool {
        if let Some(risky) = self.help.letters.as_ref().and_then(|l| l.risky) {
            return risky;
        }
        let charged_in_belarus = self.charges.iter().any(|c| {
            matches!(
                c.code,
                LegalCode::CriminalCodeBy | LegalCode::AdministrativeCodeBy
            )
        });
        let held_in_belarus = self.status.facility.as_ref().is_some_and(|f| {
            f.address.values().any(|a| {
                let a = a.to_lowercase();
                ["беларус", "belarus", "рэспубліка беларусь"]
                    .iter()
                    .any(|w| a.contains(w))
            })
        });
        charged_in_belarus || held_in_belarus
    }
}

impl Letters {
    /// The facility's languages, Russian by default.
    pub fn facility_languages(&self) -> Vec<String> {
        if self.languages.is_empty() {
            vec!["ru".to_string()]
        } else {
            self.languages.clone()
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct LetterService {
    pub name: String,
    pub url: WebLink,
    /// What a letter costs there, as the organisers put it ("from 40 ₽ a page").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cost: Option<Localized>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Publication {
    #[serde(deserialize_with = "super::date::de")]
    pub date: NaiveDate,
    pub outlet: Localized,
    /// When the outlet is in the registry, its legal label is added.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub organisation: Option<OrgId>,
    pub title: String,
    pub url: WebLink,
    /// Language of the article itself, as an ISO 639-1 code.
    pub language: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Channel {
    pub kind: ChannelKind,
    pub url: WebLink,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<Localized>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "kebab-case")]
pub enum ChannelKind {
    Telegram,
    Vk,
    Youtube,
    Instagram,
    X,
    Website,
    Email,
    Other,
}

impl ChannelKind {
    pub fn code(self) -> &'static str {
        match self {
            ChannelKind::Telegram => "telegram",
            ChannelKind::Vk => "vk",
            ChannelKind::Youtube => "youtube",
            ChannelKind::Instagram => "instagram",
            ChannelKind::X => "x",
            ChannelKind::Website => "website",
            ChannelKind::Email => "email",
            ChannelKind::Other => "other",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Update {
    pub id: Slug,
    #[serde(deserialize_with = "super::date::de")]
    pub date: NaiveDate,
    pub title: Localized,
    /// Markdown.
    pub body: Localized,
}

/// How a reader reports an inaccuracy: an address or a link.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Contact {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<WebLink>,
}

impl Contact {
    pub fn href(&self) -> Option<String> {
        match (&self.email, &self.url) {
            (Some(email), _) => Some(format!("mailto:{email}")),
            (None, Some(url)) => Some(url.as_str().to_string()),
            (None, None) => None,
        }
    }
}

impl Campaign {
    /// Court sittings on or after `today`, soonest first.
    pub fn upcoming_sittings(&self, today: NaiveDate) -> Vec<&Event> {
        let mut sittings: Vec<&Event> = self
            .timeline
            .iter()
            .filter(|e| e.kind.is_court_sitting() && e.date >= today)
            .collect();
        sittings.sort_by_key(|e| (e.date, e.time));
        sittings
    }

    /// The whole timeline in date order, oldest first.
    pub fn timeline_in_order(&self) -> Vec<&Event> {
        let mut events: Vec<&Event> = self.timeline.iter().collect();
        events.sort_by_key(|e| (e.date, e.time));
        events
    }

    /// Updates, newest first.
    pub fn updates_newest_first(&self) -> Vec<&Update> {
        let mut updates: Vec<&Update> = self.updates.iter().collect();
        updates.sort_by(|a, b| b.date.cmp(&a.date).then_with(|| a.id.cmp(&b.id)));
        updates
    }

    /// Every organiser key, each once, in the file's order.
    pub fn organiser_keys(&self) -> Vec<&str> {
        let mut keys: Vec<&str> = Vec::new();
        for key in self.organiser_key.iter().chain(&self.organiser_keys) {
            let key = key.trim();
            if !keys.contains(&key) {
                keys.push(key);
            }
        }
        keys
    }

    pub fn petition(&self, id: &str) -> Option<&Petition> {
        self.petitions.iter().find(|p| p.id.as_str() == id)
    }

    pub fn update(&self, id: &str) -> Option<&Update> {
        self.updates.iter().find(|u| u.id.as_str() == id)
    }

    /// The next birthday on or after `today`, when the date of birth is known.
    pub fn next_birthday(&self, today: NaiveDate) -> Option<NaiveDate> {
        super::listing::next_birthday(self.person.born?, today)
    }
}
