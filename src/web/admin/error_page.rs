//! A workspace page that went wrong (not allowed, not found, too large,
//! unavailable) says so in the workspace's frame: its menu and a way back to
//! the campaigns, not the public site's directory.

use askama::Template;
use axum::response::Response;

use super::layout::{AdminLayout, Section, render};
use super::paths;
use crate::account::service::Signed;
use crate::i18n::Tr;
use crate::web::AppState;
use crate::web::error::ErrorShown;

#[derive(Template)]
#[template(path = "admin/error.html")]
struct ErrorPage {
    layout: AdminLayout,
    message: String,
    home: String,
}

/// `public`, the public site's error page, redrawn in the workspace's frame
/// with the same status and headers.
pub fn in_workspace(
    state: &AppState,
    shown: ErrorShown,
    signed: Option<&Signed>,
    public: Response,
) -> Response {
    let tr = Tr::new(shown.lang);
    let page = ErrorPage {
        layout: AdminLayout::new(
            state,
            shown.lang,
            signed,
            Section::None,
            tr.t(&format!("{}-title", shown.key)),
            paths::home,
        ),
        message: tr.t(&format!("{}-text", shown.key)),
        home: paths::home(shown.lang),
    };
    let Ok(mut response) = render(&page, public.status()) else {
        return public;
    };
    for (name, value) in public.headers() {
        if name != axum::http::header::CONTENT_LENGTH {
            response.headers_mut().insert(name.clone(), value.clone());
        }
    }
    response
}
