//! Choosing the visitor's language: `/` redirects by Accept-Language.

use std::sync::Arc;

use axum::extract::State;
use axum::http::{HeaderMap, HeaderValue, header};
use axum::response::{IntoResponse, Redirect, Response};

use crate::campaign::Lang;
use crate::web::paths;
use crate::web::state::AppState;

pub async fn root(State(state): State<Arc<AppState>>, headers: HeaderMap) -> Response {
    let lang = from_headers(&headers, &state);
    let mut response = Redirect::temporary(&paths::directory(lang)).into_response();
    response
        .headers_mut()
        .insert(header::VARY, HeaderValue::from_static("accept-language"));
    response
}

/// The offered language the visitor's Accept-Language ranks highest, else
/// the instance's default.
pub fn from_headers(headers: &HeaderMap, state: &AppState) -> Lang {
    headers
        .get(header::ACCEPT_LANGUAGE)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| negotiate(v, state.languages()))
        .unwrap_or(state.settings.default_lang)
}

/// The offered language the visitor ranks highest, by RFC 9110 q-values;
/// the first listed wins a tie. A tag matches a language of its own code
/// ("pt-br") or of its primary subtag ("ru" for "ru-RU"). `None` when
/// nothing offered is acceptable.
pub fn negotiate(accept_language: &str, offered: &[Lang]) -> Option<Lang> {
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
        let tag = tag.to_ascii_lowercase();
        let primary = tag.split('-').next().unwrap_or("");
        let Some(lang) = offered
            .iter()
            .find(|l| l.code() == tag)
            .or_else(|| offered.iter().find(|l| l.code() == primary))
            .copied()
        else {
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

    const OFFERED: &[Lang] = &[Lang::RU, Lang::EN];

    #[test]
    fn only_offered_languages_are_chosen() {
        assert_eq!(negotiate("be, ru;q=0.5", OFFERED), Some(Lang::RU));
        assert_eq!(
            negotiate("be, ru;q=0.5", &[Lang::RU, Lang::BE]),
            Some(Lang::BE)
        );
        assert_eq!(negotiate("uk-UA", &[Lang::UK]), Some(Lang::UK));
    }

    #[test]
    fn highest_q_wins() {
        assert_eq!(
            negotiate("ru-RU,ru;q=0.9,en;q=0.8", OFFERED),
            Some(Lang::RU)
        );
        assert_eq!(
            negotiate("de-DE, en;q=0.5, ru;q=0.7", OFFERED),
            Some(Lang::RU)
        );
        assert_eq!(negotiate("en-GB", OFFERED), Some(Lang::EN));
        assert_eq!(negotiate("de, fr", OFFERED), None);
        assert_eq!(negotiate("ru;q=0, en;q=0.1", OFFERED), Some(Lang::EN));
        assert_eq!(negotiate("", OFFERED), None);
    }

    proptest! {
        #[test]
        fn never_panics_and_picks_only_what_was_offered(header in "\\PC{0,120}") {
            if let Some(lang) = negotiate(&header, OFFERED) {
                prop_assert!(header.to_ascii_lowercase().contains(lang.code()));
            }
        }
    }
}
