//! What every workspace request passes first: answers are never cached;
//! a POST must come from a page of this site (`Origin`, else `Referer`) and
//! carry the token of its form: the session's, or, for the forms used
//! before signing in, a stamp this instance made. A POST with a stamp but
//! not the session's token acts without the session. A form whose session
//! ended meanwhile is kept while its author signs in again.

use std::sync::Arc;

use axum::body::{Body, to_bytes};
use axum::extract::{Request, State};
use axum::http::{HeaderMap, HeaderValue, Method, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use super::context::{EndedBy, MaybeSigned, lang_of_path, now};
use super::cookie;
use crate::account::token::constant_time_eq;
use crate::config::normalize_origin;
use crate::web::AppState;
use crate::web::error::{ErrorShown, WebError};

/// The purpose of the stamp on forms shown before signing in.
pub const STAMP_PURPOSE: &str = "workspace-form";
/// Seconds such a stamp stays good: a sign-in page left open a whole day.
const STAMP_SECONDS: i64 = 24 * 3600;
/// Workspace forms are text, at most this long (any POST but an upload).
pub const FORM_LIMIT: usize = 1024 * 1024;
/// A multipart upload (a photo) may be this long.
pub const UPLOAD_LIMIT: usize = crate::campaign::photo::MAX_FILE_BYTES + 64 * 1024;

pub async fn guard(State(state): State<Arc<AppState>>, request: Request, next: Next) -> Response {
    let (mut response, signed) = match admit(&state, request).await {
        Ok(request) => {
            let signed = request
                .extensions()
                .get::<MaybeSigned>()
                .and_then(|m| m.0.clone());
            (next.run(request).await, signed)
        }
        Err(refusal) => (refusal, None),
    };
    if let Some(shown) = response.extensions().get::<ErrorShown>().copied() {
        response = super::error_page::in_workspace(&state, shown, signed.as_ref(), response);
    }
    let headers = response.headers_mut();
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    response
}

async fn admit(state: &AppState, request: Request) -> Result<Request, Response> {
    let lang = lang_of_path(request.uri().path(), state);
    let now = now();
    let token = cookie::read(request.headers(), &state.settings.workspace_url);
    let signed = match &token {
        Some(token) => state
            .accounts
            .session(token, now)
            .await
            .map_err(|e| WebError::store(lang)(e).into_response())?,
        None => None,
    };
    // A session an owner's change ended is told so, not taken for timed out.
    let ended = match (&token, &signed) {
        (Some(token), None) => state
            .accounts
            .session_ending(token, now)
            .await
            .map_err(|e| WebError::store(lang)(e).into_response())?,
        _ => None,
    };
    let mut request = request;
    if let Some(ending) = ended {
        request.extensions_mut().insert(EndedBy(ending));
    }
    if request.method() != Method::POST {
        request.extensions_mut().insert(MaybeSigned(signed));
        return Ok(request);
    }
    if !same_origin(request.headers(), &state.settings.workspace_url) {
        return Err(WebError::forbidden(lang).into_response());
    }
    // Uploads alone may be large, and are read by their handler (within
    // its own limit) only once the session and the form's token, which
    // rides in the address, are checked: nobody makes the server read
    // megabytes before that.
    if takes_upload(request.uri().path()) && !is_form(request.headers()) {
        let token = form_token(request.uri().query(), &[]);
        let session_token = signed.as_ref().map(|s| s.session.csrf.as_bytes());
        let with_session = matches!((&token, session_token), (Some(t), Some(s)) if constant_time_eq(t.as_bytes(), s));
        if !with_session {
            return Err(WebError::forbidden(lang).into_response());
        }
        let mut request = request;
        request.extensions_mut().insert(MaybeSigned(signed));
        return Ok(request);
    }
    let (parts, body) = request.into_parts();
    let bytes = to_bytes(body, FORM_LIMIT)
        .await
        .map_err(|_| WebError::too_large(lang).into_response())?;
    let token = form_token(parts.uri.query(), &bytes);
    let session_token = signed.as_ref().map(|s| s.session.csrf.as_bytes());
    let with_session =
        matches!((&token, session_token), (Some(t), Some(s)) if constant_time_eq(t.as_bytes(), s));
    let stamped = token.as_deref().is_some_and(|t| {
        state
            .petitions
            .secret
            .verify_workspace_stamp(STAMP_PURPOSE, t)
            .is_some_and(|made| made <= now + 60 && now - made < STAMP_SECONDS)
    });
    if !with_session && !stamped {
        // A form of a session that ended meanwhile (its author was writing):
        // keep what it holds and ask to sign in again. Anything else is refused.
        let late = token.is_some() && signed.is_none() && is_form(&parts.headers);
        if late {
            return Err(
                super::resume::ask(state, lang, parts.uri.path(), &bytes, ended)
                    .unwrap_or_else(|e| e.into_response()),
            );
        }
        return Err(WebError::forbidden(lang).into_response());
    }
    let mut request = Request::from_parts(parts, Body::from(bytes));
    let signed = if with_session { signed } else { None };
    request.extensions_mut().insert(MaybeSigned(signed));
    Ok(request)
}

/// The routes that take a file (multipart, token in the address).
fn takes_upload(path: &str) -> bool {
    path.starts_with("/admin/")
        && (path.ends_with("/photo")
            || path.ends_with("/campaigns/new/upload")
            || path.ends_with("/letters/reply"))
}

fn is_form(headers: &HeaderMap) -> bool {
    headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("application/x-www-form-urlencoded"))
}

/// The `csrf` field of a form: from the query (multipart uploads), else
/// from the URL-encoded body.
fn form_token(query: Option<&str>, body: &[u8]) -> Option<String> {
    let find = |bytes: &[u8]| {
        url::form_urlencoded::parse(bytes)
            .find(|(k, _)| k == "csrf")
            .map(|(_, v)| v.into_owned())
    };
    query
        .and_then(|q| find(q.as_bytes()))
        .or_else(|| find(body))
}

/// Whether the browser says the POST comes from a page of this site: the
/// configured public address, or the host the request was sent to (the
/// workspace may have a listener of its own).
pub fn same_origin(headers: &HeaderMap, public_url: &str) -> bool {
    let claimed = headers
        .get(header::ORIGIN)
        .or_else(|| headers.get(header::REFERER))
        .and_then(|v| v.to_str().ok())
        .and_then(normalize_origin);
    let Some(claimed) = claimed else {
        return false;
    };
    if normalize_origin(public_url).as_deref() == Some(claimed.as_str()) {
        return true;
    }
    let Some(host) = headers.get(header::HOST).and_then(|v| v.to_str().ok()) else {
        return false;
    };
    let authority = claimed
        .split_once("://")
        .map(|(_, rest)| rest)
        .unwrap_or_default();
    authority.eq_ignore_ascii_case(host.trim())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(pairs: &[(header::HeaderName, &'static str)]) -> HeaderMap {
        let mut h = HeaderMap::new();
        for (n, v) in pairs {
            h.insert(n.clone(), HeaderValue::from_static(v));
        }
        h
    }

    #[test]
    fn only_this_sites_pages_may_post() {
        let url = "https://svoboda.example";
        assert!(same_origin(
            &headers(&[(header::ORIGIN, "https://svoboda.example")]),
            url
        ));
        assert!(same_origin(
            &headers(&[
                (header::ORIGIN, "http://127.0.0.1:9090"),
                (header::HOST, "127.0.0.1:9090")
            ]),
            url
        ));
        assert!(same_origin(
            &headers(&[(header::REFERER, "https://svoboda.example/admin/en/")]),
            url
        ));
        assert!(!same_origin(
            &headers(&[(header::ORIGIN, "https://evil.example")]),
            url
        ));
        assert!(!same_origin(
            &headers(&[(header::ORIGIN, "null"), (header::HOST, "svoboda.example")]),
            url
        ));
        assert!(
            !same_origin(&headers(&[(header::HOST, "svoboda.example")]), url),
            "no origin at all"
        );
    }

    #[test]
    fn the_token_comes_from_the_query_or_the_form() {
        assert_eq!(form_token(Some("csrf=a"), b"csrf=b").as_deref(), Some("a"));
        assert_eq!(form_token(None, b"x=1&csrf=b%2B").as_deref(), Some("b+"));
        assert_eq!(form_token(None, b"x=1"), None);
    }
}
