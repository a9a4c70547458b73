//! Where each workspace page lives: `/admin/{lang}/...`.

use crate::campaign::Lang;

pub fn home(lang: Lang) -> String {
    format!("/admin/{}/", lang.code())
}

pub fn sign_in(lang: Lang) -> String {
    format!("/admin/{}/sign-in", lang.code())
}

pub fn sign_out(lang: Lang) -> String {
    format!("/admin/{}/sign-out", lang.code())
}

pub fn invitation(lang: Lang, token: &str) -> String {
    format!("/admin/{}/invitation/{token}", lang.code())
}

pub fn account(lang: Lang) -> String {
    format!("/admin/{}/account", lang.code())
}

pub fn people(lang: Lang) -> String {
    format!("/admin/{}/people", lang.code())
}

pub fn person(lang: Lang, id: i64) -> String {
    format!("/admin/{}/people/{id}", lang.code())
}

pub fn mail(lang: Lang) -> String {
    format!("/admin/{}/mail", lang.code())
}

pub fn settings(lang: Lang) -> String {
    format!("/admin/{}/settings", lang.code())
}

pub fn audit(lang: Lang) -> String {
    format!("/admin/{}/audit", lang.code())
}

pub fn campaign(lang: Lang, slug: &str) -> String {
    format!("/admin/{}/campaigns/{slug}", lang.code())
}

pub fn export(lang: Lang, slug: &str, petition: &str) -> String {
    format!(
        "/admin/{}/campaigns/{slug}/petitions/{petition}/export",
        lang.code()
    )
}

/// Where a petition is opened (`open`) or closed (`close`) at once.
pub fn petition_control(lang: Lang, slug: &str, petition: &str, what: &str) -> String {
    format!(
        "/admin/{}/campaigns/{slug}/petitions/{petition}/{what}",
        lang.code()
    )
}

/// A petition's paper signatures: the list and the form that adds one.
pub fn paper(lang: Lang, slug: &str, petition: &str) -> String {
    format!(
        "/admin/{}/campaigns/{slug}/petitions/{petition}/paper",
        lang.code()
    )
}

pub fn paper_correct(lang: Lang, slug: &str, petition: &str, id: i64) -> String {
    format!("{}/{id}/correct", paper(lang, slug, petition))
}

pub fn edit(lang: Lang, slug: &str) -> String {
    format!("/admin/{}/campaigns/{slug}/edit", lang.code())
}

pub fn preview(lang: Lang, slug: &str) -> String {
    format!("/admin/{}/campaigns/{slug}/preview", lang.code())
}

pub fn preview_photo(lang: Lang, slug: &str) -> String {
    format!("/admin/{}/campaigns/{slug}/preview/photo.jpg", lang.code())
}

pub fn publish(lang: Lang, slug: &str) -> String {
    format!("/admin/{}/campaigns/{slug}/publish", lang.code())
}

pub fn history(lang: Lang, slug: &str) -> String {
    format!("/admin/{}/campaigns/{slug}/history", lang.code())
}

pub fn campaign_file(lang: Lang, slug: &str) -> String {
    format!("/admin/{}/campaigns/{slug}/campaign.toml", lang.code())
}

pub fn campaign_bundle(lang: Lang, slug: &str) -> String {
    format!("/admin/{}/campaigns/{slug}/campaign.zip", lang.code())
}

pub fn photo(lang: Lang, slug: &str) -> String {
    format!("/admin/{}/campaigns/{slug}/photo", lang.code())
}

pub fn new_campaign(lang: Lang) -> String {
    format!("/admin/{}/campaigns/new", lang.code())
}

pub fn peers(lang: Lang) -> String {
    format!("/admin/{}/peers", lang.code())
}

pub fn peer_remove(lang: Lang, id: i64) -> String {
    format!("/admin/{}/peers/{id}/remove", lang.code())
}

pub fn organisations(lang: Lang) -> String {
    format!("/admin/{}/organisations", lang.code())
}

pub fn organisation(lang: Lang, id: &str) -> String {
    format!("/admin/{}/organisations/{id}", lang.code())
}

pub fn form(lang: Lang, slug: &str, section: &str) -> String {
    format!("/admin/{}/campaigns/{slug}/form/{section}", lang.code())
}

/// A campaign's organiser keys (and where an owner adds one).
/// The page that opens a petition's signatures on the organiser's device.
/// A campaign's letters, for its letters volunteers.
pub fn letters(lang: Lang, slug: &str) -> String {
    format!("/admin/{}/campaigns/{slug}/letters", lang.code())
}

/// The sealed export of the letters waiting (`all`: downloaded ones too).
pub fn letters_export(lang: Lang, slug: &str, all: bool) -> String {
    let which = if all { "all" } else { "new" };
    format!("{}/export/{which}", letters(lang, slug))
}

/// Opening a letters export in the browser.
pub fn letters_open(lang: Lang, slug: &str) -> String {
    format!("{}/open", letters(lang, slug))
}

pub fn deliver(lang: Lang) -> String {
    format!("/admin/{}/deliver", lang.code())
}

pub fn keys(lang: Lang, slug: &str) -> String {
    format!("/admin/{}/campaigns/{slug}/keys", lang.code())
}

/// Where an owner cancels a waiting key or removes one in force.
pub fn key_end(lang: Lang, slug: &str, id: i64) -> String {
    format!("/admin/{}/campaigns/{slug}/keys/{id}/end", lang.code())
}

/// My account's passkeys.
pub fn passkeys(lang: Lang) -> String {
    format!("/admin/{}/account/passkeys", lang.code())
}
