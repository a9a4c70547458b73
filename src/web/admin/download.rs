//! A file the browser saves rather than shows: the campaign file, its zip,
//! a sealed signature export.

use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};

/// `body` as a download named `file_name` (a name this program made from
/// slugs, so always a valid header; if not, the browser picks a name).
pub fn attachment(
    content_type: &'static str,
    file_name: &str,
    body: impl IntoResponse,
) -> Response {
    let mut response = ([(header::CONTENT_TYPE, content_type)], body).into_response();
    let disposition = format!("attachment; filename=\"{file_name}\"");
    if let Ok(v) = HeaderValue::from_str(&disposition) {
        response
            .headers_mut()
            .insert(header::CONTENT_DISPOSITION, v);
    }
    response
}
