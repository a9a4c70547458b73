//! The mail page (owners): how the outbox stands, in counts only (never an
//! address), how mail leaves this instance, and a test message to an
//! address the owner types, sent at once and not kept.

use std::sync::Arc;

use askama::Template;
use axum::Form;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;
use serde::Deserialize;

use super::context::{AdminLang, SignedIn, now};
use super::layout::{AdminLayout, Section, render};
use super::paths;
use crate::account::AuditAction;
use crate::campaign::Lang;
use crate::config::MailSettings;
use crate::i18n::{Tr, arg};
use crate::mail::OutgoingMail;
use crate::mail::outbox::redact_addresses;
use crate::mail::transport::Transport;
use crate::web::AppState;
use crate::web::error::WebError;

#[derive(Template)]
#[template(path = "admin/mail.html")]
pub struct MailPage {
    pub layout: AdminLayout,
    pub waiting: i64,
    pub retrying: i64,
    pub given_up: i64,
    pub transport: String,
    pub can_test: bool,
    pub action: String,
    pub address: String,
    pub result: Option<(bool, String)>,
}

pub(super) fn transport_text(tr: &Tr, mail: &MailSettings) -> String {
    match mail {
        MailSettings::Hold => tr.t("admin-mail-held"),
        MailSettings::Directory { path, .. } => tr.args(
            "admin-mail-directory",
            [("path", arg(path.display().to_string()))],
        ),
        MailSettings::Smtp { host, port, .. } => tr.args(
            "admin-mail-smtp",
            [("server", arg(format!("{host}:{port}")))],
        ),
    }
}

async fn page(
    state: &AppState,
    lang: Lang,
    signed: &SignedIn,
    address: String,
    result: Option<(bool, String)>,
    status: StatusCode,
) -> Result<Response, WebError> {
    let tr = Tr::new(lang);
    let outbox = state
        .store
        .outbox_state()
        .await
        .map_err(WebError::store(lang))?;
    let page = MailPage {
        layout: AdminLayout::new(
            state,
            lang,
            Some(&signed.0),
            Section::Mail,
            tr.t("admin-mail-title"),
            paths::mail,
        ),
        waiting: outbox.waiting,
        retrying: outbox.retrying,
        given_up: outbox.given_up,
        transport: transport_text(&tr, &state.settings.mail),
        can_test: state.settings.mail != MailSettings::Hold,
        action: paths::mail(lang),
        address,
        result,
    };
    render(&page, status)
}

pub async fn show(
    State(state): State<Arc<AppState>>,
    AdminLang(lang): AdminLang,
    signed: SignedIn,
) -> Result<Response, WebError> {
    signed.owner(lang)?;
    page(&state, lang, &signed, String::new(), None, StatusCode::OK).await
}

#[derive(Deserialize)]
pub struct TestForm {
    #[serde(default)]
    address: String,
}

pub async fn send_test(
    State(state): State<Arc<AppState>>,
    AdminLang(lang): AdminLang,
    signed: SignedIn,
    Form(form): Form<TestForm>,
) -> Result<Response, WebError> {
    signed.owner(lang)?;
    let tr = Tr::new(lang);
    let address = form.address.trim().to_string();
    if !crate::petition::email::is_valid(&address) {
        let result = Some((false, tr.t("field-error-invalid-email")));
        return page(
            &state,
            lang,
            &signed,
            address,
            result,
            StatusCode::UNPROCESSABLE_ENTITY,
        )
        .await;
    }
    let outcome = match Transport::from_settings(&state.settings.mail) {
        Ok(transport) => {
            let mail = OutgoingMail {
                to: address.clone(),
                subject: tr.t("admin-mail-test-subject"),
                text: tr.t("admin-mail-test-text"),
                links: Vec::new(),
            };
            transport.send(&mail).await.map_err(|e| e.to_string())
        }
        Err(e) => Err(e.to_string()),
    };
    state
        .accounts
        .audit(
            Some(&signed.0.account),
            AuditAction::MailTested,
            None,
            if outcome.is_ok() { "sent" } else { "failed" },
            now(),
        )
        .await
        .map_err(WebError::store(lang))?;
    let (result, status) = match outcome {
        Ok(()) => ((true, tr.t("admin-mail-test-sent")), StatusCode::OK),
        Err(reason) => (
            (
                false,
                tr.args(
                    "admin-mail-test-failed",
                    [("reason", arg(redact_addresses(&reason)))],
                ),
            ),
            StatusCode::BAD_GATEWAY,
        ),
    };
    page(&state, lang, &signed, address, Some(result), status).await
}
