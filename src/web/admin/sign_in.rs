//! Signing in and out. One form asks for the name, the password and a code
//! at once, so the answer to a wrong one never tells which was wrong, nor
//! whether the name exists.

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Instant;

use askama::Template;
use axum::extract::{ConnectInfo, RawQuery, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use axum::{Extension, Form};
use serde::Deserialize;

use super::context::{AdminLang, MaybeSigned, SignedIn, client_key, device, now};
use super::cookie;
use super::layout::{AdminLayout, Section, render};
use super::paths;
use crate::account::service::SignInOutcome;
use crate::i18n::arg;
use crate::store::sessions::SessionEnding;
use crate::web::AppState;
use crate::web::error::WebError;

#[derive(Template)]
#[template(path = "admin/sign_in.html")]
pub struct SignInPage {
    pub layout: AdminLayout,
    pub action: String,
    pub login: String,
    pub error: Option<String>,
    /// Why the last session ended, when an owner's change ended it.
    pub notice: Option<String>,
    /// Signing in with a passkey, where the workspace's address allows it.
    pub passkey_action: Option<String>,
}

#[derive(Deserialize)]
pub struct SignInForm {
    #[serde(default)]
    login: String,
    #[serde(default)]
    password: String,
    #[serde(default)]
    code: String,
}

fn page(
    state: &AppState,
    lang: crate::campaign::Lang,
    login: String,
    error: Option<String>,
    notice: Option<String>,
    status: StatusCode,
) -> Result<Response, WebError> {
    let tr = crate::i18n::Tr::new(lang);
    let page = SignInPage {
        layout: AdminLayout::new(
            state,
            lang,
            None,
            Section::None,
            tr.t("admin-sign-in-title"),
            paths::sign_in,
        ),
        action: paths::sign_in(lang),
        login,
        error,
        notice,
        passkey_action: crate::account::passkey::RelyingParty::for_workspace(
            &state.settings.workspace_url,
        )
        .map(|_| format!("{}/passkey", paths::sign_in(lang))),
    };
    render(&page, status)
}

/// GET: the form, or the workspace for whoever is signed in already.
pub async fn form(
    State(state): State<Arc<AppState>>,
    AdminLang(lang): AdminLang,
    Extension(MaybeSigned(signed)): Extension<MaybeSigned>,
    RawQuery(query): RawQuery,
) -> Result<Response, WebError> {
    if signed.is_some() {
        return Ok(Redirect::to(&paths::home(lang)).into_response());
    }
    let tr = crate::i18n::Tr::new(lang);
    let query = query.unwrap_or_default();
    let said = |name: &str| {
        url::form_urlencoded::parse(query.as_bytes())
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.into_owned())
    };
    // `?ended=roles-changed`: where a session an owner ended is sent.
    let notice = said("ended")
        .and_then(|v| SessionEnding::parse(&v))
        .map(|why| tr.t(&format!("admin-ended-{}", why.code())));
    // `?passkey=refused`: a passkey sign-in that did not prove itself.
    let error =
        (said("passkey").as_deref() == Some("refused")).then(|| tr.t("admin-passkeys-refused"));
    page(&state, lang, String::new(), error, notice, StatusCode::OK)
}

pub async fn submit(
    State(state): State<Arc<AppState>>,
    AdminLang(lang): AdminLang,
    conn: Option<Extension<ConnectInfo<SocketAddr>>>,
    headers: HeaderMap,
    Form(form): Form<SignInForm>,
) -> Result<Response, WebError> {
    let tr = crate::i18n::Tr::new(lang);
    let client = client_key(&state, &headers, conn.as_ref());
    let device = device(&headers);
    let known = cookie::read_device(&headers, &state.settings.workspace_url);
    // The code left empty: the passkey is the second factor.
    let passkeys =
        crate::account::passkey::RelyingParty::for_workspace(&state.settings.workspace_url);
    if form.code.trim().is_empty() && passkeys.is_some() {
        let checked = state
            .accounts
            .password_before_passkey(
                &form.login,
                &form.password,
                &client,
                known.as_deref(),
                now(),
                Instant::now(),
            )
            .await
            .map_err(WebError::store(lang))?;
        return match checked {
            Ok(account) => super::passkeys_page::after_password(&state, lang, account).await,
            Err(wait) => waiting(&state, lang, form.login, &tr, wait),
        };
    }
    let outcome = state
        .accounts
        .sign_in(
            &form.login,
            &form.password,
            &form.code,
            &client,
            &device,
            known.as_deref(),
            now(),
            Instant::now(),
        )
        .await
        .map_err(WebError::store(lang))?;
    match outcome {
        SignInOutcome::SignedIn {
            session_token,
            device_token,
            ..
        } => Ok(cookie::signed_in(
            &state.settings.workspace_url,
            lang,
            &session_token,
            &device_token,
        )),
        SignInOutcome::Refused => page(
            &state,
            lang,
            form.login,
            Some(tr.t("admin-sign-in-refused")),
            None,
            StatusCode::UNAUTHORIZED,
        ),
        SignInOutcome::PasskeyRequired => page(
            &state,
            lang,
            form.login,
            Some(tr.t("admin-sign-in-passkey-required")),
            None,
            StatusCode::UNAUTHORIZED,
        ),
        SignInOutcome::Wait(wait) => waiting(&state, lang, form.login, &tr, wait),
    }
}

pub async fn sign_out(
    State(state): State<Arc<AppState>>,
    AdminLang(lang): AdminLang,
    SignedIn(signed): SignedIn,
) -> Result<Response, WebError> {
    state
        .accounts
        .sign_out(&signed, now())
        .await
        .map_err(WebError::store(lang))?;
    let mut response = Redirect::to(&paths::sign_in(lang)).into_response();
    response.headers_mut().insert(
        header::SET_COOKIE,
        cookie::clear(&state.settings.workspace_url),
    );
    Ok(response)
}

/// Too many failures: the page says how long to wait, and so does the header.
fn waiting(
    state: &AppState,
    lang: crate::campaign::Lang,
    login: String,
    tr: &crate::i18n::Tr,
    wait: std::time::Duration,
) -> Result<Response, WebError> {
    let minutes = wait.as_secs().div_ceil(60).max(1);
    let mut response = page(
        state,
        lang,
        login,
        Some(tr.args(
            "admin-sign-in-wait",
            [("minutes", arg(minutes.to_string()))],
        )),
        None,
        StatusCode::TOO_MANY_REQUESTS,
    )?;
    if let Ok(v) = wait.as_secs().max(1).to_string().parse() {
        response.headers_mut().insert(header::RETRY_AFTER, v);
    }
    Ok(response)
}
