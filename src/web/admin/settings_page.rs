//! The instance's settings (owners), read only. They live in the
//! configuration file on the server and take effect at restart: a session
//! taken over in a browser must not be able to redirect mail, trust a new
//! proxy or lengthen sessions. This page shows what the instance runs with,
//! and the warnings it gave at start.

use std::sync::Arc;
use std::time::Duration;

use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;

use super::context::{AdminLang, SignedIn};
use super::layout::{AdminLayout, Section, render};
use super::mail_page::transport_text;
use super::paths;
use crate::i18n::{Tr, arg};
use crate::web::AppState;
use crate::web::error::WebError;

#[derive(Template)]
#[template(path = "admin/settings.html")]
pub struct SettingsPage {
    pub layout: AdminLayout,
    /// (what, its value) as the page lists them.
    pub rows: Vec<(String, String)>,
    pub notes: Vec<String>,
}

fn hours(tr: &Tr, d: Duration) -> String {
    let minutes = d.as_secs() / 60;
    if minutes.is_multiple_of(60) {
        tr.args(
            "admin-settings-hours",
            [("n", arg((minutes / 60).to_string()))],
        )
    } else {
        tr.args("admin-settings-minutes", [("n", arg(minutes.to_string()))])
    }
}

fn days(tr: &Tr, d: Duration) -> String {
    tr.args(
        "admin-settings-days",
        [("n", arg((d.as_secs() / 86_400).to_string()))],
    )
}

pub async fn show(
    State(state): State<Arc<AppState>>,
    AdminLang(lang): AdminLang,
    signed: SignedIn,
) -> Result<Response, WebError> {
    signed.owner(lang)?;
    let tr = Tr::new(lang);
    let web = &state.settings;
    let petitions = &state.petitions.settings;
    let yes_no = |b: bool| {
        tr.t(if b {
            "admin-settings-yes"
        } else {
            "admin-settings-no"
        })
    };
    let list = |items: Vec<String>| {
        if items.is_empty() {
            "—".to_string()
        } else {
            items.join(", ")
        }
    };
    let rows = vec![
        ("public_url", web.public_url.clone()),
        (
            "languages",
            list(web.languages.iter().map(|l| l.native_name()).collect()),
        ),
        (
            "default_language",
            web.default_lang.native_name().to_string(),
        ),
        ("admin_addr", yes_no(web.admin_apart)),
        ("mail", transport_text(&tr, &web.mail)),
        ("session_idle_minutes", hours(&tr, web.sessions.idle)),
        ("session_max_hours", hours(&tr, web.sessions.absolute)),
        ("confirm_link", hours(&tr, petitions.confirm_link)),
        (
            "unconfirmed_removal",
            hours(&tr, petitions.unconfirmed_removal),
        ),
        (
            "retention_after_close",
            days(&tr, petitions.retention_after_close),
        ),
        (
            "sign_per_minute",
            format!(
                "{} ({} {})",
                petitions.sign_per_minute,
                tr.t("admin-settings-burst"),
                petitions.sign_burst
            ),
        ),
        (
            "client_ip_header",
            petitions
                .client_ip_header
                .clone()
                .unwrap_or_else(|| "—".into()),
        ),
        (
            "trusted_proxies",
            list(
                petitions
                    .trusted_proxies
                    .iter()
                    .map(ToString::to_string)
                    .collect(),
            ),
        ),
        ("embed_origins", list(petitions.embed_origins.clone())),
    ]
    .into_iter()
    .map(|(key, value)| {
        (
            tr.t(&format!("admin-settings-{}", key.replace('_', "-"))),
            value,
        )
    })
    .collect();
    let page = SettingsPage {
        layout: AdminLayout::new(
            &state,
            lang,
            Some(&signed.0),
            Section::Settings,
            tr.t("admin-settings-title"),
            paths::settings,
        ),
        rows,
        notes: web.health_notes.clone(),
    };
    render(&page, StatusCode::OK)
}
