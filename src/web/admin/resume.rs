//! When a form comes back after its session ended (the idle time passed
//! while someone wrote), nothing is lost: the workspace asks to sign in
//! again, keeping the form's content sealed in the page, and then offers to
//! send it on, with the new session's token.

use std::sync::Arc;
use std::time::Instant;

use askama::Template;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::{Extension, Form};
use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD as B64URL;
use serde::Deserialize;

use super::context::{AdminLang, client_key, device, now};
use super::cookie;
use super::layout::{AdminLayout, Section, render};
use super::paths;
use crate::account::service::SignInOutcome;
use crate::campaign::Lang;
use crate::i18n::{Tr, arg};
use crate::store::sessions::SessionEnding;
use crate::web::AppState;
use crate::web::error::WebError;

#[derive(Template)]
#[template(path = "admin/resume.html")]
pub struct ResumePage {
    pub layout: AdminLayout,
    pub action: String,
    pub intro: String,
    pub sealed: String,
    pub login: String,
    pub error: Option<String>,
}

#[derive(Template)]
#[template(path = "admin/resume_continue.html")]
pub struct ContinuePage {
    pub layout: AdminLayout,
    pub action: String,
    pub fields: Vec<(String, String)>,
}

/// A form kept while its author signs in again: where it went, and what it held.
#[derive(serde::Serialize, Deserialize)]
struct Kept {
    path: String,
    fields: Vec<(String, String)>,
}

/// The page asking to sign in again, holding the form that came too late.
pub fn ask(
    state: &AppState,
    lang: Lang,
    path: &str,
    body: &[u8],
    ended: Option<SessionEnding>,
) -> Result<Response, WebError> {
    let fields: Vec<(String, String)> = url::form_urlencoded::parse(body)
        .filter(|(k, _)| k != "csrf")
        .map(|(k, v)| (k.into_owned(), v.into_owned()))
        .collect();
    let kept = Kept {
        path: path.to_string(),
        fields,
    };
    let json = serde_json::to_vec(&kept).unwrap_or_default();
    let sealed = B64URL.encode(state.petitions.secret.seal_workspace(&json));
    page(
        state,
        lang,
        Said {
            sealed,
            login: String::new(),
            error: None,
            ended,
        },
        StatusCode::UNAUTHORIZED,
    )
}

/// What the page holds and says.
struct Said {
    sealed: String,
    login: String,
    error: Option<String>,
    /// Not timed out: an owner's change ended the session.
    ended: Option<SessionEnding>,
}

fn page(
    state: &AppState,
    lang: Lang,
    said: Said,
    status: StatusCode,
) -> Result<Response, WebError> {
    let tr = Tr::new(lang);
    let page = ResumePage {
        layout: AdminLayout::new(
            state,
            lang,
            None,
            Section::None,
            tr.t("admin-resume-title"),
            paths::sign_in,
        ),
        action: format!("{}/resume", paths::sign_in(lang)),
        intro: match said.ended {
            Some(why) => tr.t(&format!("admin-ended-{}", why.code())),
            None => tr.t("admin-resume-intro"),
        },
        sealed: said.sealed,
        login: said.login,
        error: said.error,
    };
    render(&page, status)
}

#[derive(Deserialize)]
pub struct ResumeForm {
    #[serde(default)]
    kept: String,
    #[serde(default)]
    login: String,
    #[serde(default)]
    password: String,
    #[serde(default)]
    code: String,
}

/// Signs in again; then the kept form, ready to send with the new token.
pub async fn resume(
    State(state): State<Arc<AppState>>,
    AdminLang(lang): AdminLang,
    conn: Option<Extension<axum::extract::ConnectInfo<std::net::SocketAddr>>>,
    headers: HeaderMap,
    Form(form): Form<ResumeForm>,
) -> Result<Response, WebError> {
    let tr = Tr::new(lang);
    let kept: Option<Kept> = B64URL
        .decode(form.kept.as_bytes())
        .ok()
        .and_then(|raw| state.petitions.secret.open_workspace(&raw))
        .and_then(|json| serde_json::from_slice(&json).ok())
        .filter(|k: &Kept| k.path.starts_with("/admin/"));
    let Some(kept) = kept else {
        return Err(WebError::not_found(lang));
    };
    let device = device(&headers);
    let known = cookie::read_device(&headers, &state.settings.workspace_url);
    let now = now();
    let outcome = state
        .accounts
        .sign_in(
            &form.login,
            &form.password,
            &form.code,
            &client_key(&state, &headers, conn.as_ref()),
            &device,
            known.as_deref(),
            now,
            Instant::now(),
        )
        .await
        .map_err(WebError::store(lang))?;
    let (session_token, device_token) = match outcome {
        SignInOutcome::SignedIn {
            session_token,
            device_token,
            ..
        } => (session_token, device_token),
        SignInOutcome::Refused | SignInOutcome::PasskeyRequired => {
            let error = Some(tr.t("admin-sign-in-refused"));
            let said = Said {
                sealed: form.kept,
                login: form.login,
                error,
                ended: None,
            };
            return page(&state, lang, said, StatusCode::UNAUTHORIZED);
        }
        SignInOutcome::Wait(wait) => {
            let minutes = wait.as_secs().div_ceil(60).max(1);
            let error = Some(tr.args(
                "admin-sign-in-wait",
                [("minutes", arg(minutes.to_string()))],
            ));
            let said = Said {
                sealed: form.kept,
                login: form.login,
                error,
                ended: None,
            };
            return page(&state, lang, said, StatusCode::TOO_MANY_REQUESTS);
        }
    };
    let signed = state
        .accounts
        .session(&session_token, now)
        .await
        .map_err(WebError::store(lang))?
        .ok_or_else(|| WebError::internal("a new session vanished"))?;
    let page = ContinuePage {
        layout: AdminLayout::new(
            &state,
            lang,
            Some(&signed),
            Section::None,
            tr.t("admin-resume-continue-title"),
            paths::home,
        ),
        action: kept.path,
        fields: kept.fields,
    };
    let mut response = render(&page, StatusCode::OK)?;
    let headers = response.headers_mut();
    headers.append(
        header::SET_COOKIE,
        cookie::set(&state.settings.workspace_url, &session_token),
    );
    headers.append(
        header::SET_COOKIE,
        cookie::set_device(&state.settings.workspace_url, &device_token),
    );
    Ok(response.into_response())
}
