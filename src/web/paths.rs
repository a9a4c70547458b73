//! Every public URL, built in one place so pages, feeds and tests agree.

use super::error::WebError;
use super::public::campaign_page::PhotoView;
use super::state::{AppState, Content};
use crate::campaign::{Lang, Localized};
use crate::i18n::{Tr, arg};

/// The language of a path prefix, if the site offers it, or a 404 in the
/// instance's language.
pub fn lang(code: &str, state: &AppState) -> Result<Lang, WebError> {
    state
        .offered(code)
        .ok_or_else(|| WebError::not_found(state.settings.default_lang))
}

pub fn directory(lang: Lang) -> String {
    format!("/{lang}/")
}

pub fn campaign(lang: Lang, slug: &str) -> String {
    format!("/{lang}/{slug}")
}

pub fn updates(lang: Lang, slug: &str) -> String {
    format!("/{lang}/{slug}/updates")
}

pub fn update(lang: Lang, slug: &str, id: &str) -> String {
    format!("/{lang}/{slug}/updates/{id}")
}

pub fn feed(lang: Lang, slug: &str) -> String {
    format!("/{lang}/{slug}/feed.atom")
}

pub fn hearings(lang: Lang, slug: &str) -> String {
    format!("/{lang}/{slug}/hearings.ics")
}

pub fn petition(lang: Lang, slug: &str, id: &str) -> String {
    format!("/{lang}/{slug}/petition/{id}")
}

/// Writing a letter to the person of campaign `slug`.
pub fn letter(lang: Lang, slug: &str) -> String {
    format!("/{lang}/{slug}/letter")
}

/// A letter's receipt: private to its writer (the token opens it).
pub fn receipt(lang: Lang, token: &str) -> String {
    format!("/{lang}/receipt/{token}")
}

/// A reply to the letter of a receipt.
pub fn receipt_reply(lang: Lang, token: &str, reply: i64) -> String {
    format!("/{lang}/receipt/{token}/reply/{reply}")
}

/// "Write to someone": a person who got few letters lately.
pub fn write_to_someone(lang: Lang) -> String {
    format!("/{lang}/write-a-letter")
}

pub const API_CAMPAIGNS: &str = "/api/v1/campaigns";

pub fn api_campaign(slug: &str) -> String {
    format!("/api/v1/campaigns/{slug}")
}

pub fn photo_file(slug: &str, digest: &str) -> String {
    format!("/photos/{slug}.jpg?v={digest}")
}

/// A peer's campaign's photo, as this instance serves it.
pub fn peer_photo(peer: i64, slug: &str, meta: &crate::campaign::photo::PhotoMeta) -> String {
    format!("/photos/peers/{peer}/{slug}.jpg?v={}", meta.digest)
}

/// The photo of a news update, when it has one.
pub fn update_photo(content: &Content, slug: &str, update: &str, alt: String) -> Option<PhotoView> {
    let meta = content.update_photo(slug, update)?;
    Some(PhotoView {
        src: format!("/photos/{slug}/{update}.jpg?v={}", meta.digest),
        width: meta.width,
        height: meta.height,
        alt,
    })
}

/// The stored photo of a campaign, when it has one.
pub fn photo(content: &Content, slug: &str, name: &Localized, tr: &Tr) -> Option<PhotoView> {
    let meta = content.photo(slug)?;
    Some(PhotoView {
        src: photo_file(slug, &meta.digest),
        width: meta.width,
        height: meta.height,
        alt: tr.args("photo-alt", [("name", arg(name.get(tr.lang)))]),
    })
}

/// A neutral silhouette for campaigns without a photo.
pub fn placeholder_photo(tr: &Tr, name: &str) -> PhotoView {
    PhotoView {
        src: super::public::assets::placeholder_href(),
        width: 320,
        height: 400,
        alt: tr.args("photo-placeholder-alt", [("name", arg(name))]),
    }
}
