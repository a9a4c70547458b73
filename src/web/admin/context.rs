//! What workspace handlers take from a request: its language (from the
//! path, `/admin/{lang}/...`) and the signed-in account, if any.

use std::sync::Arc;

use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use axum::response::{IntoResponse, Redirect, Response};

use crate::account::service::Signed;
use crate::campaign::Lang;
use crate::store::sessions::SessionEnding;
use crate::web::AppState;
use crate::web::error::WebError;

/// Set by the guard on every workspace request.
#[derive(Clone)]
pub struct MaybeSigned(pub Option<Signed>);

/// The request's session was ended by an owner's change (a role taken away,
/// the account removed): said on the sign-in page.
#[derive(Clone, Copy)]
pub struct EndedBy(pub SessionEnding);

pub fn now() -> i64 {
    chrono::Utc::now().timestamp()
}

/// The language of a workspace path, else the instance's default.
pub fn lang_of_path(path: &str, state: &AppState) -> Lang {
    path.trim_start_matches('/')
        .split('/')
        .nth(1)
        .and_then(|code| state.offered(code))
        .unwrap_or(state.settings.default_lang)
}

/// The language of the page: a path with an unknown language is a 404.
pub struct AdminLang(pub Lang);

impl FromRequestParts<Arc<AppState>> for AdminLang {
    type Rejection = WebError;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &Arc<AppState>,
    ) -> Result<Self, Self::Rejection> {
        parts
            .uri
            .path()
            .trim_start_matches('/')
            .split('/')
            .nth(1)
            .and_then(|code| state.offered(code))
            .map(AdminLang)
            .ok_or_else(|| WebError::not_found(state.settings.default_lang))
    }
}

/// A signed-in account; without one, the request goes to the sign-in page.
pub struct SignedIn(pub Signed);

impl FromRequestParts<Arc<AppState>> for SignedIn {
    type Rejection = Response;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &Arc<AppState>,
    ) -> Result<Self, Self::Rejection> {
        match parts.extensions.get::<MaybeSigned>() {
            Some(MaybeSigned(Some(signed))) => Ok(SignedIn(signed.clone())),
            _ => {
                let lang = lang_of_path(parts.uri.path(), state);
                let to = match parts.extensions.get::<EndedBy>() {
                    Some(EndedBy(why)) => {
                        format!("{}?ended={}", super::paths::sign_in(lang), why.code())
                    }
                    None => super::paths::sign_in(lang),
                };
                Err(Redirect::to(&to).into_response())
            }
        }
    }
}

impl SignedIn {
    /// Refuses (403) unless the account may manage the instance.
    pub fn owner(&self, lang: Lang) -> Result<(), WebError> {
        if self.0.access.may_manage_instance() {
            Ok(())
        } else {
            Err(WebError::forbidden(lang))
        }
    }

    /// Records `action` on campaign `slug` by this account, now.
    pub async fn audit(
        &self,
        state: &AppState,
        lang: Lang,
        action: crate::account::AuditAction,
        slug: &str,
        detail: String,
    ) -> Result<(), WebError> {
        state
            .accounts
            .audit(Some(&self.0.account), action, Some(slug), detail, now())
            .await
            .map_err(WebError::store(lang))
    }
}

/// A short name of the browser that sent `headers`, for the session list.
pub fn device(headers: &axum::http::HeaderMap) -> String {
    crate::account::session::device_label(
        headers
            .get(axum::http::header::USER_AGENT)
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default(),
    )
}

/// The key the sign-in throttle counts a client's failures under (IPv6 by /64).
pub fn client_key(
    state: &AppState,
    headers: &axum::http::HeaderMap,
    conn: Option<&axum::Extension<axum::extract::ConnectInfo<std::net::SocketAddr>>>,
) -> String {
    let ip = state
        .limiter
        .client_ip(headers, conn.map(|axum::Extension(c)| c));
    crate::web::rate_limit::visitor_key(ip).to_string()
}
