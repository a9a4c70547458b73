//! A campaign's organiser keys: which seal new signatures, which wait, and
//! (for owners) adding, cancelling and removing one. The rules are
//! `campaign::keys`; adding asks the owner's password and second factor
//! again, and every change is written to the audit log with the key.

use std::sync::Arc;

use askama::Template;
use axum::Form;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use serde::Deserialize;

use super::context::{self, AdminLang, SignedIn};
use super::editing::current;
use super::layout::{AdminLayout, Section, render_with_scripts};
use super::paths;
use super::reauth::{self, Asked};
use crate::account::AuditAction;
use crate::account::service::Signed;
use crate::campaign::Lang;
use crate::campaign::keys::{KeyRecord, KeyRefusal, KeyState, Keys};
use crate::i18n::{Tr, arg};
use crate::web::AppState;
use crate::web::error::WebError;
use crate::web::public::assets;

pub struct KeyLine {
    pub key: String,
    /// "since …", "from …", or "cancelled …" in words.
    pub when: String,
    pub who: String,
    /// An owner's button that ends it: (where it posts, its label).
    pub end: Option<(String, String)>,
}

#[derive(Template)]
#[template(path = "admin/keys.html")]
pub struct KeysPage {
    pub layout: AdminLayout,
    /// The name the browser saves a key made on this page under.
    pub key_file_name: String,
    /// What is said once the browser saved it.
    pub keygen_saved: String,
    /// The page that opens signatures, for those who deliver them.
    pub deliver_href: Option<String>,
    pub overview_href: String,
    pub in_force: Vec<KeyLine>,
    pub pending: Vec<KeyLine>,
    pub ended: Vec<KeyLine>,
    /// Owners: where a new key is added.
    pub add_action: Option<String>,
    /// How long a new key waits, in words.
    pub add_explain: String,
    pub typed_key: String,
    pub error: Option<String>,
    pub notice: Option<String>,
}

#[derive(Deserialize)]
pub struct SlugParam {
    slug: String,
}

#[derive(Deserialize)]
pub struct KeyParams {
    slug: String,
    id: i64,
}

#[derive(Deserialize)]
pub struct AddForm {
    #[serde(default)]
    key: String,
    #[serde(default)]
    password: String,
    #[serde(default)]
    code: String,
}

/// `2024-03-01 14:00 UTC`.
pub fn utc_minute(unix: i64) -> String {
    chrono::DateTime::from_timestamp(unix, 0)
        .map(|t| t.format("%Y-%m-%d %H:%M UTC").to_string())
        .unwrap_or_default()
}

fn proposer(tr: &Tr, record: &KeyRecord) -> String {
    record
        .proposed_by
        .clone()
        .unwrap_or_else(|| tr.t("admin-keys-by-file"))
}

/// A campaign's person's name and its key records: 403 unless the account
/// sees the campaign, 404 when there is no such campaign (published or
/// draft).
async fn records(
    state: &AppState,
    lang: Lang,
    signed: &Signed,
    slug: &str,
) -> Result<(String, Vec<KeyRecord>), WebError> {
    if !signed.access.may_see(slug) {
        return Err(WebError::forbidden(lang));
    }
    let (campaign, _, _) = current(state, lang, slug)
        .await?
        .ok_or(WebError::not_found(lang))?;
    let records = state
        .store
        .key_records(slug)
        .await
        .map_err(WebError::store(lang))?;
    Ok((campaign.person.name.get(lang).to_string(), records))
}

fn only_owners(signed: &Signed, lang: Lang) -> Result<(), WebError> {
    if signed.access.owner {
        Ok(())
    } else {
        Err(WebError::forbidden(lang))
    }
}

struct Said {
    error: Option<String>,
    notice: Option<String>,
    typed_key: String,
}

async fn page(
    state: &AppState,
    lang: Lang,
    signed: &Signed,
    slug: &str,
    said: Said,
    status: StatusCode,
) -> Result<Response, WebError> {
    let tr = Tr::new(lang);
    let (name, records) = records(state, lang, signed, slug).await?;
    let now = state.clock.now();
    let keys = Keys(&records);
    let owner = signed.access.owner;
    let end =
        |r: &KeyRecord, label: &str| owner.then(|| (paths::key_end(lang, slug, r.id), tr.t(label)));
    let removable = keys.in_force_records(now).len() > 1;
    let in_force = keys
        .in_force_records(now)
        .into_iter()
        .map(|r| KeyLine {
            key: r.key.clone(),
            when: tr.args(
                "admin-keys-since",
                [("time", arg(utc_minute(r.effective_at)))],
            ),
            who: proposer(&tr, r),
            end: if removable {
                end(r, "admin-keys-remove")
            } else {
                None
            },
        })
        .collect();
    let pending = keys
        .pending(now)
        .into_iter()
        .map(|r| KeyLine {
            key: r.key.clone(),
            when: tr.args(
                "admin-keys-applies",
                [("time", arg(utc_minute(r.effective_at)))],
            ),
            who: proposer(&tr, r),
            end: end(r, "admin-keys-cancel"),
        })
        .collect();
    let ended = records
        .iter()
        .rev()
        .filter_map(|r| {
            let label = match r.state(now) {
                KeyState::Cancelled => "admin-keys-cancelled",
                KeyState::Removed => "admin-keys-removed",
                _ => return None,
            };
            let closed = r.closed_at.unwrap_or_default();
            Some(KeyLine {
                key: r.key.clone(),
                when: tr.args(
                    label,
                    [
                        ("time", arg(utc_minute(closed))),
                        (
                            "who",
                            arg(r
                                .closed_by
                                .clone()
                                .unwrap_or_else(|| tr.t("admin-keys-by-file"))),
                        ),
                    ],
                ),
                who: proposer(&tr, r),
                end: None,
            })
        })
        .collect();
    let slug_owned = slug.to_string();
    let mut layout = AdminLayout::new(
        state,
        lang,
        Some(signed),
        Section::Campaigns,
        tr.args("admin-keys-page-title", [("name", arg(name))]),
        |l| paths::keys(l, &slug_owned),
    );
    layout.scripts = assets::keygen_scripts();
    let page = KeysPage {
        layout,
        keygen_saved: tr.args(
            "admin-keygen-saved",
            [("file", arg(format!("organiser-key-{slug}.txt")))],
        ),
        key_file_name: format!("organiser-key-{slug}.txt"),
        deliver_href: signed
            .access
            .may_deliver(slug)
            .then(|| paths::deliver(lang)),
        overview_href: paths::campaign(lang, slug),
        in_force,
        pending,
        ended,
        add_action: owner.then(|| paths::keys(lang, slug)),
        add_explain: tr.args(
            "admin-keys-add-explain",
            [(
                "hours",
                arg((state.settings.key_change_delay.as_secs() / 3600).to_string()),
            )],
        ),
        typed_key: said.typed_key,
        error: said.error,
        notice: said.notice,
    };
    render_with_scripts(&page, status)
}

pub async fn show(
    State(state): State<Arc<AppState>>,
    AdminLang(lang): AdminLang,
    SignedIn(signed): SignedIn,
    Path(params): Path<SlugParam>,
) -> Result<Response, WebError> {
    let said = Said {
        error: None,
        notice: None,
        typed_key: String::new(),
    };
    page(&state, lang, &signed, &params.slug, said, StatusCode::OK).await
}

fn refusal_text(tr: &Tr, refusal: KeyRefusal) -> String {
    tr.t(&format!("admin-keys-refused-{}", refusal.code()))
}

/// An owner proposes a key: checked, then the password and a code are
/// asked again; it applies after the waiting period (at once while the
/// campaign has no key).
pub async fn add(
    State(state): State<Arc<AppState>>,
    AdminLang(lang): AdminLang,
    SignedIn(signed): SignedIn,
    Path(params): Path<SlugParam>,
    Form(form): Form<AddForm>,
) -> Result<Response, WebError> {
    only_owners(&signed, lang)?;
    let slug = params.slug.as_str();
    let tr = Tr::new(lang);
    let (_, records) = records(&state, lang, &signed, slug).await?;
    let key = form.key.trim();
    let now = state.clock.now();
    let refused = |error: String| Said {
        error: Some(error),
        notice: None,
        typed_key: key.to_string(),
    };
    let unprocessable = StatusCode::UNPROCESSABLE_ENTITY;
    if let Err(refusal) = Keys(&records).check_proposal(key, now) {
        let said = refused(refusal_text(&tr, refusal));
        return page(&state, lang, &signed, slug, said, unprocessable).await;
    }
    let asked = Asked::PasswordAndCode(&form.password, &form.code);
    if let Err(reason) = reauth::confirm(&state, lang, &signed, asked).await? {
        return page(&state, lang, &signed, slug, refused(reason), unprocessable).await;
    }
    let effective_at = Keys(&records).takes_effect(now, state.settings.key_change_delay);
    let store_err = WebError::store(lang);
    state
        .store
        .propose_key(
            slug,
            key,
            Some(signed.account.login.as_str()),
            now,
            effective_at,
        )
        .await
        .map_err(store_err)?;
    state
        .accounts
        .audit(
            Some(&signed.account),
            AuditAction::OrganiserKeyProposed,
            Some(slug),
            format!("{key} · {}", utc_minute(effective_at)),
            context::now(),
        )
        .await
        .map_err(store_err)?;
    state.reload().await.map_err(store_err)?;
    let notice = if effective_at <= now {
        tr.t("admin-keys-added-now")
    } else {
        tr.args(
            "admin-keys-added-later",
            [("time", arg(utc_minute(effective_at)))],
        )
    };
    let said = Said {
        error: None,
        notice: Some(notice),
        typed_key: String::new(),
    };
    page(&state, lang, &signed, slug, said, StatusCode::OK).await
}

/// An owner cancels a waiting key or removes one in force (never the last).
pub async fn end(
    State(state): State<Arc<AppState>>,
    AdminLang(lang): AdminLang,
    SignedIn(signed): SignedIn,
    Path(params): Path<KeyParams>,
) -> Result<Response, WebError> {
    only_owners(&signed, lang)?;
    let slug = params.slug.as_str();
    let tr = Tr::new(lang);
    let (_, records) = records(&state, lang, &signed, slug).await?;
    let now = state.clock.now();
    let keys = Keys(&records);
    let (checked, action, notice) = match keys.0.iter().find(|r| r.id == params.id) {
        Some(r) if r.state(now) == KeyState::Pending => (
            keys.check_cancel(r.id, now),
            AuditAction::OrganiserKeyCancelled,
            "admin-keys-cancel-done",
        ),
        _ => (
            keys.check_removal(params.id, now),
            AuditAction::OrganiserKeyRemoved,
            "admin-keys-remove-done",
        ),
    };
    let said = |error: Option<String>, notice: Option<String>| Said {
        error,
        notice,
        typed_key: String::new(),
    };
    if let Err(refusal) = checked {
        let error = Some(refusal_text(&tr, refusal));
        let status = StatusCode::UNPROCESSABLE_ENTITY;
        return page(&state, lang, &signed, slug, said(error, None), status).await;
    }
    let store_err = WebError::store(lang);
    let login = signed.account.login.as_str();
    let closed = state
        .store
        .close_key(slug, params.id, Some(login), now)
        .await
        .map_err(store_err)?;
    if !closed {
        // Another owner ended a key at the same moment.
        let error = Some(refusal_text(&tr, KeyRefusal::LastKey));
        let status = StatusCode::CONFLICT;
        return page(&state, lang, &signed, slug, said(error, None), status).await;
    }
    let key = keys
        .0
        .iter()
        .find(|r| r.id == params.id)
        .map(|r| r.key.clone())
        .unwrap_or_default();
    state
        .accounts
        .audit(
            Some(&signed.account),
            action,
            Some(slug),
            key,
            context::now(),
        )
        .await
        .map_err(store_err)?;
    state.reload().await.map_err(store_err)?;
    let notice = Some(tr.t(notice));
    page(
        &state,
        lang,
        &signed,
        slug,
        said(None, notice),
        StatusCode::OK,
    )
    .await
}
