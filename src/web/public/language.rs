//! Choosing the visitor's language: `/` redirects by Accept-Language.

use std::sync::Arc;

use axum::extract::State;
use axum::http::{HeaderMap, HeaderValue, header};
use axum::response::{IntoResponse, Redirect, Response};

use crate::campaign::Lang;
use crate::web::paths;
use crate::web::state::AppState;

pub async fn root(State(state): State<Arc<AppState>>, headers: HeaderMap) -> Response {
    let lang = from_headers(&headers, state.settings.default_lang);
    let mut response = Redirect::temporary(&paths::directory(lang)).into_response();
    response
        .headers_mut()
        .insert(header::VARY, HeaderValue::from_static("accept-language"));
    response
}

pub fn from_headers(headers: &HeaderMap, default: Lang) -> Lang {
    headers
        .get(header::ACCEPT_LANGUAGE)
        .and_then(|v| v.to_str().ok())
        .and_then(negotiate)
        .unwrap_or(default)
}

/// The supported language the visitor ranks highest, by RFC 9110 q-values;
/// the first listed wins a tie. `None` when nothing supported is acceptable.
pub fn negotiate(accept_language: &str) -> Option<Lang> {
    let mut best: Option<(f32, Lang)> = None;
    for item in accept_language.split(',').take(32) {
        let mut parts = item.split(';');
        let tag = parts.next().unwrap_or("").trim();
        let q = parts
            .find_map(|p| p.trim().strip_prefix("q="))
            .map(|q| q.trim().parse::<f32>().unwrap_or(0.0))
            .unwrap_or(1.0);
        if !(q > 0.0 && q <= 1.0) {
            continue;
        }
        let primary = tag.split('-').next().unwrap_or("").to_ascii_lowercase();
        let Ok(lang) = primary.parse::<Lang>() else {
            continue;
        };
        if best.is_none_or(|(best_q, _)| q > best_q) {
            best = Some((q, lang));
        }
    }
    best.map(|(_, lang)| lang)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn highest_q_wins() {
        assert_eq!(negotiate("ru-RU,ru;q=0.9,en;q=0.8"), Some(Lang::RU));
        assert_eq!(negotiate("de-DE, en;q=0.5, ru;q=0.7"), Some(Lang::RU));
        assert_eq!(negotiate("en-GB"), Some(Lang::EN));
        assert_eq!(negotiate("de, fr"), None);
        assert_eq!(negotiate("ru;q=0, en;q=0.1"), Some(Lang::EN));
        assert_eq!(negotiate(""), None);
    }

    proptest! {
        #[test]
        fn never_panics_and_picks_only_what_was_offered(header in "\\PC{0,120}") {
            if let Some(lang) = negotiate(&header) {
                prop_assert!(header.to_ascii_lowercase().contains(lang.code()));
            }
        }
    }
}
