//! The web layer's one error type: every handler returns it with `?`, and it
//! becomes an error page in the visitor's language. Internals go to the log,
//! never to the page.

use askama::Template;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};

use super::layout::Layout;
use crate::campaign::Lang;
use crate::i18n::Tr;
use crate::store::StoreError;

#[derive(Debug)]
pub enum ErrorKind {
    NotFound,
    /// Signed in, but this account may not do this.
    Forbidden,
    /// The request's body is longer than this route takes.
    TooLarge,
    /// The database is unreachable or busy: worth retrying.
    Unavailable,
    Internal(String),
}

/// Left on an error page's response: the workspace's guard shows the same
/// message in the workspace's own frame (its menu, its way back).
#[derive(Debug, Clone, Copy)]
pub struct ErrorShown {
    /// The message's key: `{key}-title` and `{key}-text`.
    pub key: &'static str,
    pub lang: Lang,
}

#[derive(Debug)]
pub struct WebError {
    pub kind: ErrorKind,
    lang: Option<Lang>,
}

impl WebError {
    pub fn not_found(lang: Lang) -> Self {
        WebError {
            kind: ErrorKind::NotFound,
            lang: Some(lang),
        }
    }

    pub fn forbidden(lang: Lang) -> Self {
        WebError {
            kind: ErrorKind::Forbidden,
            lang: Some(lang),
        }
    }

    /// A body longer than the route takes: a page, never a bare 413.
    pub fn too_large(lang: Lang) -> Self {
        WebError {
            kind: ErrorKind::TooLarge,
            lang: Some(lang),
        }
    }

    /// Something this request needs is down; the visitor may retry.
    pub fn unavailable() -> Self {
        WebError {
            kind: ErrorKind::Unavailable,
            lang: None,
        }
    }

    pub fn internal(detail: impl Into<String>) -> Self {
        WebError {
            kind: ErrorKind::Internal(detail.into()),
            lang: None,
        }
    }

    /// Turns a store error into the error page in `lang`: for `map_err`.
    pub fn store(lang: Lang) -> impl Fn(StoreError) -> WebError + Copy {
        move |e| WebError::from(e).in_lang(lang)
    }

    /// Shows the error page in `lang`.
    pub fn in_lang(mut self, lang: Lang) -> Self {
        self.lang = Some(lang);
        self
    }

    fn status(&self) -> StatusCode {
        match self.kind {
            ErrorKind::NotFound => StatusCode::NOT_FOUND,
            ErrorKind::Forbidden => StatusCode::FORBIDDEN,
            ErrorKind::TooLarge => StatusCode::PAYLOAD_TOO_LARGE,
            ErrorKind::Unavailable => StatusCode::SERVICE_UNAVAILABLE,
            ErrorKind::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }
}

impl From<StoreError> for WebError {
    fn from(e: StoreError) -> Self {
        let kind = if e.is_transient() {
            tracing::warn!(error = %e, "database unavailable");
            ErrorKind::Unavailable
        } else {
            ErrorKind::Internal(e.to_string())
        };
        WebError { kind, lang: None }
    }
}

#[derive(Template)]
#[template(path = "error.html")]
struct ErrorPage {
    layout: Layout,
    heading: String,
    message: String,
}

impl IntoResponse for WebError {
    fn into_response(self) -> Response {
        if let ErrorKind::Internal(detail) = &self.kind {
            tracing::error!(%detail, "request failed");
        }
        let lang = self.lang.unwrap_or(Lang::EN);
        let tr = Tr::new(lang);
        let key = match self.kind {
            ErrorKind::NotFound => "error-not-found",
            ErrorKind::Forbidden => "error-forbidden",
            ErrorKind::TooLarge => "error-too-large",
            ErrorKind::Unavailable => "error-unavailable",
            ErrorKind::Internal(_) => "error-internal",
        };
        let heading = tr.t(&format!("{key}-title"));
        let page = ErrorPage {
            // An error knows no site: its switch names its own language.
            layout: Layout::bare(lang, "", &[lang], heading.clone(), String::new(), |l| {
                format!("/{}/", l.code())
            }),
            heading,
            message: tr.t(&format!("{key}-text")),
        };
        let status = self.status();
        let mut response = match page.render() {
            Ok(html) => (
                status,
                [
                    (header::CONTENT_TYPE, "text/html; charset=utf-8"),
                    (header::CACHE_CONTROL, "no-store"),
                ],
                html,
            )
                .into_response(),
            // The error page itself failed: plain text in both languages.
            Err(_) => (status, "Ошибка / Error").into_response(),
        };
        if status == StatusCode::SERVICE_UNAVAILABLE {
            response
                .headers_mut()
                .insert(header::RETRY_AFTER, HeaderValue::from_static("30"));
        }
        response.extensions_mut().insert(ErrorShown { key, lang });
        response
    }
}
