//! One's own account: sessions (and ending them), the password, the
//! authenticator and the recovery codes. Changing the authenticator or the
//! codes asks for the password again: a session left open on a shared
//! computer must not be enough to take the account for good.

use std::sync::Arc;

use askama::Template;
use axum::Form;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;

use super::context::{AdminLang, SignedIn, now};
use super::enrolment::{EnrolStep, enrol_page, password_problem, recovery_codes_page};
use super::layout::{AdminLayout, Section, render};
use super::paths;
use super::reauth::{self, Asked};
use crate::account::AuditAction;
use crate::account::password::MIN_PASSWORD_CHARS;
use crate::account::service::Signed;
use crate::campaign::Lang;
use crate::i18n::Tr;
use crate::web::AppState;
use crate::web::error::WebError;

pub struct SessionLine {
    pub device: String,
    pub started: String,
    pub seen: String,
    pub current: bool,
    pub end_action: String,
}

#[derive(Template)]
#[template(path = "admin/account.html")]
pub struct AccountPage {
    pub layout: AdminLayout,
    pub sessions: Vec<SessionLine>,
    pub end_others_action: String,
    pub password_action: String,
    pub password_error: Option<String>,
    pub password_changed: bool,
    pub codes_left: i64,
    pub recovery_action: String,
    pub authenticator_action: String,
    pub confirm_error: Option<String>,
    pub min_password: usize,
}

fn time_text(tr: &Tr, unix: i64) -> String {
    chrono::DateTime::from_timestamp(unix, 0)
        .map(|t| tr.date_time(t.date_naive(), Some(t.time())) + " UTC")
        .unwrap_or_default()
}

#[derive(Default)]
struct Notes {
    password_error: Option<String>,
    password_changed: bool,
    confirm_error: Option<String>,
}

async fn page(
    state: &AppState,
    lang: Lang,
    signed: &Signed,
    notes: Notes,
    status: StatusCode,
) -> Result<Response, WebError> {
    let tr = Tr::new(lang);
    let store_err = WebError::store(lang);
    let sessions = state
        .store
        .sessions_of(signed.account.id)
        .await
        .map_err(store_err)?
        .into_iter()
        .map(|s| SessionLine {
            started: time_text(&tr, s.created_at),
            seen: time_text(&tr, s.seen_at),
            current: s.id == signed.session.id,
            end_action: format!("{}/sessions/{}/end", paths::account(lang), s.id),
            device: s.device,
        })
        .collect();
    let codes_left = state
        .store
        .recovery_codes_left(signed.account.id)
        .await
        .map_err(store_err)?;
    let base = paths::account(lang);
    let page = AccountPage {
        layout: AdminLayout::new(
            state,
            lang,
            Some(signed),
            Section::Account,
            tr.t("admin-account-title"),
            paths::account,
        ),
        sessions,
        end_others_action: format!("{base}/sessions/end-others"),
        password_action: format!("{base}/password"),
        password_error: notes.password_error,
        password_changed: notes.password_changed,
        codes_left,
        recovery_action: format!("{base}/recovery-codes"),
        authenticator_action: format!("{base}/authenticator"),
        confirm_error: notes.confirm_error,
        min_password: MIN_PASSWORD_CHARS,
    };
    render(&page, status)
}

pub async fn show(
    State(state): State<Arc<AppState>>,
    AdminLang(lang): AdminLang,
    SignedIn(signed): SignedIn,
) -> Result<Response, WebError> {
    page(&state, lang, &signed, Notes::default(), StatusCode::OK).await
}

#[derive(Deserialize)]
pub struct SessionParam {
    id: i64,
}

pub async fn end_session(
    State(state): State<Arc<AppState>>,
    AdminLang(lang): AdminLang,
    SignedIn(signed): SignedIn,
    Path(params): Path<SessionParam>,
) -> Result<Response, WebError> {
    let store_err = WebError::store(lang);
    let ended = state
        .store
        .end_session(signed.account.id, params.id)
        .await
        .map_err(store_err)?;
    if !ended {
        return Err(WebError::not_found(lang));
    }
    state
        .accounts
        .audit(
            Some(&signed.account),
            AuditAction::SessionEnded,
            None,
            "",
            now(),
        )
        .await
        .map_err(store_err)?;
    let to = if params.id == signed.session.id {
        paths::sign_in(lang)
    } else {
        paths::account(lang)
    };
    Ok(Redirect::to(&to).into_response())
}

pub async fn end_others(
    State(state): State<Arc<AppState>>,
    AdminLang(lang): AdminLang,
    SignedIn(signed): SignedIn,
) -> Result<Response, WebError> {
    let store_err = WebError::store(lang);
    let ended = state
        .store
        .end_sessions(signed.account.id, Some(signed.session.id))
        .await
        .map_err(store_err)?;
    state
        .accounts
        .audit(
            Some(&signed.account),
            AuditAction::SessionsEndedAll,
            None,
            ended.to_string(),
            now(),
        )
        .await
        .map_err(store_err)?;
    Ok(Redirect::to(&paths::account(lang)).into_response())
}

#[derive(Deserialize)]
pub struct PasswordForm {
    #[serde(default)]
    current: String,
    #[serde(default)]
    password: String,
    #[serde(default)]
    repeat: String,
}

pub async fn change_password(
    State(state): State<Arc<AppState>>,
    AdminLang(lang): AdminLang,
    SignedIn(signed): SignedIn,
    Form(form): Form<PasswordForm>,
) -> Result<Response, WebError> {
    let tr = Tr::new(lang);
    let refused = |reason: String| Notes {
        password_error: Some(reason),
        ..Default::default()
    };
    if let Err(reason) =
        reauth::confirm(&state, lang, &signed, Asked::Password(&form.current)).await?
    {
        return page(
            &state,
            lang,
            &signed,
            refused(reason),
            StatusCode::UNPROCESSABLE_ENTITY,
        )
        .await;
    }
    let changed = state
        .accounts
        .change_password(&signed, &form.password, &form.repeat, now())
        .await
        .map_err(WebError::store(lang))?;
    let (notes, status) = match changed {
        Ok(()) => (
            Notes {
                password_changed: true,
                ..Default::default()
            },
            StatusCode::OK,
        ),
        Err(problems) => (
            refused(
                problems
                    .iter()
                    .find_map(|p| password_problem(&tr, p))
                    .unwrap_or_default(),
            ),
            StatusCode::UNPROCESSABLE_ENTITY,
        ),
    };
    page(&state, lang, &signed, notes, status).await
}

#[derive(Deserialize)]
pub struct ConfirmWithPassword {
    #[serde(default)]
    password: String,
}

/// Whether the typed password is the account's; else the account page
/// with the reason.
async fn password_confirmed(
    state: &AppState,
    lang: Lang,
    signed: &Signed,
    password: &str,
) -> Result<Result<(), Response>, WebError> {
    match reauth::confirm(state, lang, signed, Asked::Password(password)).await? {
        Ok(()) => Ok(Ok(())),
        Err(reason) => {
            let notes = Notes {
                confirm_error: Some(reason),
                ..Default::default()
            };
            Ok(Err(page(
                state,
                lang,
                signed,
                notes,
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await?))
        }
    }
}

pub async fn renew_recovery_codes(
    State(state): State<Arc<AppState>>,
    AdminLang(lang): AdminLang,
    SignedIn(signed): SignedIn,
    Form(form): Form<ConfirmWithPassword>,
) -> Result<Response, WebError> {
    if let Err(page) = password_confirmed(&state, lang, &signed, &form.password).await? {
        return Ok(page);
    }
    let codes = state
        .accounts
        .renew_recovery_codes(&signed, now())
        .await
        .map_err(WebError::store(lang))?;
    recovery_codes_page(&state, lang, Some(&signed), codes)
}

/// First step of a new authenticator: after the password, its secret.
pub async fn new_authenticator(
    State(state): State<Arc<AppState>>,
    AdminLang(lang): AdminLang,
    SignedIn(signed): SignedIn,
    Form(form): Form<ConfirmWithPassword>,
) -> Result<Response, WebError> {
    if let Err(page) = password_confirmed(&state, lang, &signed, &form.password).await? {
        return Ok(page);
    }
    let (enrolment, sealed) = state
        .accounts
        .start_new_authenticator(&signed.account, now());
    enrol_page(
        &state,
        lang,
        Some(&signed),
        EnrolStep {
            action: format!("{}/authenticator/confirm", paths::account(lang)),
            enrolment: &enrolment,
            sealed,
            error: None,
        },
        StatusCode::OK,
    )
}

#[derive(Deserialize)]
pub struct ConfirmAuthenticator {
    #[serde(default)]
    enrolment: String,
    #[serde(default)]
    code: String,
}

pub async fn confirm_authenticator(
    State(state): State<Arc<AppState>>,
    AdminLang(lang): AdminLang,
    SignedIn(signed): SignedIn,
    Form(form): Form<ConfirmAuthenticator>,
) -> Result<Response, WebError> {
    let tr = Tr::new(lang);
    let now = now();
    let replaced = state
        .accounts
        .replace_authenticator(&signed, &form.enrolment, &form.code, now)
        .await
        .map_err(WebError::store(lang))?;
    if replaced {
        return Ok(Redirect::to(&paths::account(lang)).into_response());
    }
    let bound = signed.account.id.to_be_bytes();
    match state.accounts.open_enrolment(&form.enrolment, &bound, now) {
        Some(enrolment) => enrol_page(
            &state,
            lang,
            Some(&signed),
            EnrolStep {
                action: format!("{}/authenticator/confirm", paths::account(lang)),
                enrolment: &enrolment,
                sealed: form.enrolment,
                error: Some(tr.t("admin-enrol-wrong-code")),
            },
            StatusCode::UNPROCESSABLE_ENTITY,
        ),
        None => {
            let notes = Notes {
                confirm_error: Some(tr.t("admin-enrol-expired")),
                ..Default::default()
            };
            page(
                &state,
                lang,
                &signed,
                notes,
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await
        }
    }
}
