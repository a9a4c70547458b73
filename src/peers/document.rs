//! The directory an instance publishes for its peers, and what a peer's
//! directory may hold.
//!
//! Served at `/api/v1/directory.json` (and in the static copy) as one signed
//! document: `payload` is the directory's JSON text, `signature` the
//! instance key's Ed25519 signature of exactly those bytes, so no
//! canonical form is needed. The document is always complete: a campaign a
//! peer deletes is gone at the next fetch, and one published before two
//! groups paired is there at the first.
//!
//! A peer is trusted with nothing but its own listings: its document is
//! refused whole (and the refusal logged) when it is signed by another key,
//! names another instance, is too large or too long, links anywhere but the
//! peer's own addresses, or holds markup or control characters in a text.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::key::{PublicKey, SigningKey, decode_signature};
use crate::campaign::listing::ChargeSummary;
use crate::campaign::{Lang, LegalCode, Localized, Slug, StatusKind};

/// The payload's `format`.
pub const FORMAT: &str = "svoboda-directory/1";
/// A peer's document larger than this is not read further.
pub const MAX_DOCUMENT_BYTES: usize = 16 * 1024 * 1024;
/// Campaigns one peer may list.
pub const MAX_CAMPAIGNS: usize = 20_000;
const MAX_TEXT_CHARS: usize = 200;
const MAX_ARTICLES: usize = 20;
const MAX_PETITIONS: usize = 20;
const MAX_URL_BYTES: usize = 500;

/// The document as served.
#[derive(Debug, Clone, Serialize, Deserialize, utoipa::ToSchema)]
pub struct SignedDirectory {
    /// The instance's public key (`ed25519:…`): peers compare it with the
    /// key they pinned, and verify with theirs.
    pub key: String,
    /// The directory (a `Directory` object) as JSON text.
    pub payload: String,
    /// Ed25519 signature of the payload's UTF-8 bytes, base64url.
    pub signature: String,
}

impl SignedDirectory {
    /// `directory` as JSON text, signed with `key`.
    pub fn sign(key: &SigningKey, directory: &Directory) -> Result<Self, serde_json::Error> {
        let payload = serde_json::to_string(directory)?;
        Ok(SignedDirectory {
            key: key.public().to_string(),
            signature: key.sign(payload.as_bytes()),
            payload,
        })
    }
}

/// Every public campaign of an instance.
#[derive(Debug, Clone, Serialize, Deserialize, utoipa::ToSchema)]
pub struct Directory {
    /// `svoboda-directory/1`.
    pub format: String,
    /// The instance's address (`public_url`).
    pub instance: String,
    /// The newest campaign's date (the document changes with what it holds
    /// only, so a static copy of it is rewritten only then).
    pub updated: Option<NaiveDate>,
    pub campaigns: Vec<DirectoryCampaign>,
}

#[derive(Debug, Clone, Serialize, Deserialize, utoipa::ToSchema)]
pub struct DirectoryCampaign {
    pub slug: String,
    /// The campaign's page in each language, by language code.
    pub pages: BTreeMap<String, String>,
    /// The person's name in each language given, by language code.
    pub names: BTreeMap<String, String>,
    /// A status code (`pre-trial-detention`, `sentenced`, …).
    pub status: String,
    /// The first charge.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub charge: Option<DirectoryCharge>,
    /// Every article charged.
    #[serde(default)]
    pub articles: Vec<String>,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub region: BTreeMap<String, String>,
    /// The photo's address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub photo: Option<String>,
    /// Confirmed signatures of each petition.
    #[serde(default)]
    pub petitions: Vec<PetitionCount>,
    pub updated: NaiveDate,
}

#[derive(Debug, Clone, Serialize, Deserialize, utoipa::ToSchema)]
pub struct DirectoryCharge {
    /// A code of law (`criminal-code-rf`, …).
    pub code: String,
    pub article: String,
}

#[derive(Debug, Clone, Serialize, Deserialize, utoipa::ToSchema)]
pub struct PetitionCount {
    pub id: String,
    pub signatures: i64,
}

/// A peer's campaign as this instance lists it.
#[derive(Debug, Clone, PartialEq)]
pub struct PeerCampaign {
    pub slug: Slug,
    pub pages: Vec<(Lang, String)>,
    pub name: Localized,
    pub status: StatusKind,
    pub charge: Option<ChargeSummary>,
    pub articles: Vec<String>,
    pub region: Option<Localized>,
    pub photo: Option<String>,
    pub signatures: i64,
    pub updated: NaiveDate,
}

impl PeerCampaign {
    /// Its page in `lang`, else in the first language it has one in.
    pub fn page(&self, lang: Lang) -> &str {
        self.pages
            .iter()
            .find(|(l, _)| *l == lang)
            .or(self.pages.first())
            .map_or("", |(_, url)| url.as_str())
    }
}

/// Why a peer's document was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Refusal {
    #[error("the document is larger than {MAX_DOCUMENT_BYTES} bytes")]
    TooLarge,
    #[error("the document is not a signed directory: {0}")]
    Unreadable(String),
    #[error("the document is signed by another key ({0}) than the one pinned")]
    OtherKey(String),
    #[error("the signature does not verify with the pinned key")]
    BadSignature,
    #[error("the directory names another instance ({0})")]
    OtherInstance(String),
    #[error("the directory lists more than {MAX_CAMPAIGNS} campaigns")]
    TooMany,
    #[error("campaign {index}: {problem}")]
    Campaign { index: usize, problem: String },
}

/// The peer as its owner configured it.
pub struct Peer<'a> {
    pub address: &'a str,
    pub mirrors: &'a [String],
    pub key: &'a PublicKey,
}

impl Peer<'_> {
    /// `url` written out plainly, if it is an http(s) address on the peer
    /// or one of its mirrors.
    fn owned(&self, url: &str) -> Option<String> {
        if url.len() > MAX_URL_BYTES {
            return None;
        }
        let parsed = url::Url::parse(url.trim()).ok()?;
        let origin = crate::config::normalize_origin(parsed.as_str())?;
        let own = std::iter::once(self.address)
            .chain(self.mirrors.iter().map(String::as_str))
            .any(|own| crate::config::normalize_origin(own).as_deref() == Some(&origin));
        (own && parsed.username().is_empty() && parsed.password().is_none())
            .then(|| parsed.to_string())
    }
}

/// Verifies a fetched document and returns its payload (the text to keep).
pub fn verify(peer: &Peer<'_>, bytes: &[u8]) -> Result<String, Refusal> {
    if bytes.len() > MAX_DOCUMENT_BYTES {
        return Err(Refusal::TooLarge);
    }
    let signed: SignedDirectory =
        serde_json::from_slice(bytes).map_err(|e| Refusal::Unreadable(e.to_string()))?;
    let pinned = peer.key.to_string();
    if signed.key.trim() != pinned {
        return Err(Refusal::OtherKey(signed.key.chars().take(60).collect()));
    }
    let signature = decode_signature(&signed.signature).ok_or(Refusal::BadSignature)?;
    if !peer.key.verifies(signed.payload.as_bytes(), &signature) {
        return Err(Refusal::BadSignature);
    }
    // Read it once now, so that a bad one is refused before it is kept.
    campaigns(peer, &signed.payload)?;
    Ok(signed.payload)
}

/// The campaigns of a verified payload, every one checked.
pub fn campaigns(peer: &Peer<'_>, payload: &str) -> Result<Vec<PeerCampaign>, Refusal> {
    let directory: Directory =
        serde_json::from_str(payload).map_err(|e| Refusal::Unreadable(e.to_string()))?;
    if directory.format != FORMAT {
        return Err(Refusal::Unreadable(format!(
            "format '{}'",
            directory.format.chars().take(40).collect::<String>()
        )));
    }
    if crate::config::normalize_origin(&directory.instance)
        != crate::config::normalize_origin(peer.address)
    {
        return Err(Refusal::OtherInstance(
            directory.instance.chars().take(80).collect(),
        ));
    }
    if directory.campaigns.len() > MAX_CAMPAIGNS {
        return Err(Refusal::TooMany);
    }
    let mut seen = std::collections::HashSet::new();
    directory
        .campaigns
        .into_iter()
        .enumerate()
        .map(|(index, c)| {
            let campaign =
                campaign(peer, c).map_err(|problem| Refusal::Campaign { index, problem })?;
            if !seen.insert(campaign.slug.clone()) {
                return Err(Refusal::Campaign {
                    index,
                    problem: format!("'{}' listed twice", campaign.slug.as_str()),
                });
            }
            Ok(campaign)
        })
        .collect()
}

fn campaign(peer: &Peer<'_>, c: DirectoryCampaign) -> Result<PeerCampaign, String> {
    let slug = Slug::parse(&c.slug).map_err(|_| "a bad slug".to_string())?;
    let mut pages = Vec::new();
    for (code, url) in &c.pages {
        let url = peer
            .owned(url)
            .ok_or_else(|| format!("a page on another host: {}", clip(url)))?;
        // Languages this instance does not know are left out.
        if let Ok(lang) = code.parse::<Lang>() {
            pages.push((lang, url));
        }
    }
    if pages.is_empty() {
        return Err("no page in a language this instance knows".into());
    }
    let name = texts(&c.names)?.ok_or("no name")?;
    let region = texts(&c.region)?;
    let status = StatusKind::from_code(&c.status).unwrap_or(StatusKind::Unknown);
    let charge = match &c.charge {
        Some(ch) => {
            let article = text(&ch.article)?;
            LegalCode::from_code(&ch.code).map(|code| ChargeSummary { code, article })
        }
        None => None,
    };
    if c.articles.len() > MAX_ARTICLES || c.petitions.len() > MAX_PETITIONS {
        return Err("too many articles or petitions".into());
    }
    let articles = c
        .articles
        .iter()
        .map(|a| text(a))
        .collect::<Result<_, _>>()?;
    let photo = match &c.photo {
        Some(photo) => Some(
            peer.owned(photo)
                .ok_or_else(|| format!("a photo on another host: {}", clip(photo)))?,
        ),
        None => None,
    };
    let mut signatures: i64 = 0;
    for p in &c.petitions {
        if !(0..=10_000_000_000).contains(&p.signatures) {
            return Err("an impossible count".into());
        }
        signatures = signatures.saturating_add(p.signatures);
    }
    Ok(PeerCampaign {
        slug,
        pages,
        name,
        status,
        charge,
        articles,
        region,
        photo,
        signatures,
        updated: c.updated,
    })
}

/// Texts by language code, of the languages this instance knows; `None`
/// when none is given.
fn texts(by_code: &BTreeMap<String, String>) -> Result<Option<Localized>, String> {
    let mut pairs = Vec::new();
    for (code, value) in by_code {
        let value = text(value)?;
        if let (Ok(lang), false) = (code.parse::<Lang>(), value.is_empty()) {
            pairs.push((lang, value));
        }
    }
    Ok((!pairs.is_empty()).then(|| Localized::new(pairs)))
}

/// A plain text: short, without markup or control characters.
fn text(value: &str) -> Result<String, String> {
    if value.chars().count() > MAX_TEXT_CHARS {
        return Err(format!("a text longer than {MAX_TEXT_CHARS} characters"));
    }
    if value
        .chars()
        .any(|c| c.is_control() || c == '<' || c == '>')
    {
        return Err(format!("markup or control characters in '{}'", clip(value)));
    }
    Ok(value.trim().to_string())
}

fn clip(s: &str) -> String {
    s.chars().take(60).collect()
}

#[cfg(test)]
mod tests;
