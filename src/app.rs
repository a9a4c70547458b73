//! `app(state)`: the whole HTTP application, used by `serve` and by every test.

use std::sync::Arc;

use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode, Uri};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::get;

use crate::web::AppState;
use crate::web::error::WebError;
use crate::web::public::{
    api, assets, calendar, campaign_page, crawlers, directory, embed, language, letter_page,
    petition_page, receipt_page, share_cards, signing, updates,
};
use crate::web::security;

/// The signing form is a few short fields; nothing bigger is read.
const FORM_BODY_LIMIT: usize = 16 * 1024;
/// A letter of `letter_page::MAX_CHARS` Cyrillic characters, form-encoded
/// (six bytes each), with room to spare.
const LETTER_BODY_LIMIT: usize = 160 * 1024;

/// The whole application: the page cache in front of the router.
pub type App = crate::web::cached_first::CachedFirst;

pub fn app(state: Arc<AppState>) -> App {
    let cache_state = state.clone();
    let public = public_routes();
    let router = if state.settings.admin_apart {
        public
    } else {
        public.merge(crate::web::admin::routes(state.clone()))
    };
    let mut router = router.fallback(not_found);
    if state.settings.onion_url.is_some() {
        router = router.layer(axum::middleware::from_fn_with_state(
            state.clone(),
            crate::web::site::add_onion_location,
        ));
    }
    let router = router.with_state(state);
    crate::web::cached_first::CachedFirst::new(cache_state, security::add_headers(router))
}

/// The workspace alone, for its own listener (`admin_addr`).
pub fn admin_app(state: Arc<AppState>) -> Router {
    let router = Router::new()
        .route("/static/{name}", get(assets::static_file))
        .route("/healthz", get(health))
        .merge(crate::web::admin::routes(state.clone()))
        .fallback(not_found)
        .with_state(state);
    security::add_headers(router)
}

fn public_routes() -> Router<Arc<AppState>> {
    Router::new()
        .route("/", get(language::root))
        .route("/robots.txt", get(crawlers::robots))
        .route("/sitemap.xml", get(crawlers::sitemap))
        .route("/sitemaps/{file}", get(crawlers::sitemap_file))
        .route("/healthz", get(health))
        .route("/static/{name}", get(assets::static_file))
        .route("/photos/{file}", get(assets::photo))
        .route("/photos/{slug}/{file}", get(assets::update_photo))
        .route("/api/v1/campaigns", get(api::campaigns::list))
        .route("/api/v1/campaigns/{slug}", get(api::campaigns::one))
        .route(api::openapi::PATH, get(api::openapi::handler))
        .route(api::directory::PATH, get(api::directory::handler))
        .route("/photos/peers/{peer}/{file}", get(assets::peer_photo))
        .route(
            "/api/v1/campaigns/{slug}/petitions/{id}/signatures",
            axum::routing::post(api::signatures::sign)
                .options(api::signatures::preflight)
                .layer(DefaultBodyLimit::max(FORM_BODY_LIMIT)),
        )
        .route("/{lang}", get(lang_root))
        .route("/{lang}/", get(directory::handler))
        .route("/{lang}/{slug}", get(campaign_page::handler))
        .route("/{lang}/{slug}/updates", get(updates::list))
        .route("/{lang}/{slug}/updates/{id}", get(updates::one))
        .route("/{lang}/{slug}/feed.atom", get(updates::feed))
        .route("/{lang}/{slug}/hearings.ics", get(calendar::handler))
        .route(
            "/{lang}/{slug}/petition/{id}",
            get(petition_page::handler)
                .post(signing::sign)
                .layer(DefaultBodyLimit::max(FORM_BODY_LIMIT)),
        )
        .route(
            "/{lang}/{slug}/petition/{id}/count.json",
            get(petition_page::count_json),
        )
        .route(
            "/{lang}/{slug}/petition/{id}/thanks/{kind}",
            get(signing::thanks),
        )
        .route(
            "/{lang}/{slug}/petition/{id}/embed",
            get(embed::page)
                .post(embed::sign)
                .layer(DefaultBodyLimit::max(FORM_BODY_LIMIT)),
        )
        .route(
            "/{lang}/{slug}/petition/{id}/embed/thanks/{kind}",
            get(embed::thanks),
        )
        .route(
            "/{lang}/{slug}/card/{file}",
            get(share_cards::campaign_card),
        )
        .route(
            "/{lang}/{slug}/letter",
            get(letter_page::show)
                .post(letter_page::post)
                .layer(DefaultBodyLimit::max(LETTER_BODY_LIMIT)),
        )
        .route(
            "/{lang}/{slug}/petition/{id}/card/{file}",
            get(share_cards::petition_card),
        )
        .route(
            "/{lang}/{slug}/petition/{id}/count.svg",
            get(embed::count_svg),
        )
        .route("/{lang}/write-a-letter", get(letter_page::someone))
        .route("/{lang}/receipt/{token}", get(receipt_page::show))
        .route(
            "/{lang}/receipt/{token}/reply/{reply}",
            get(receipt_page::reply),
        )
        .route(
            "/{lang}/confirm/{token}",
            signing::confirm_routes().layer(DefaultBodyLimit::max(FORM_BODY_LIMIT)),
        )
        .route(
            "/{lang}/withdraw/{token}",
            signing::withdraw_routes().layer(DefaultBodyLimit::max(FORM_BODY_LIMIT)),
        )
}

/// `/ru` → `/ru/`.
async fn lang_root(
    State(state): State<Arc<AppState>>,
    Path(lang): Path<String>,
) -> Result<Redirect, WebError> {
    let lang = crate::web::paths::lang(&lang, &state)?;
    Ok(Redirect::permanent(&crate::web::paths::directory(lang)))
}

/// A 404 in the language of the path, or else of the visitor.
async fn not_found(State(state): State<Arc<AppState>>, uri: Uri, headers: HeaderMap) -> WebError {
    let from_path = uri
        .path()
        .trim_start_matches('/')
        .split('/')
        .next()
        .and_then(|seg| state.offered(seg));
    let lang = from_path.unwrap_or_else(|| language::from_headers(&headers, &state));
    WebError::not_found(lang)
}

/// For load balancers: 200 when the store answers.
async fn health(State(state): State<Arc<AppState>>) -> Response {
    match state.store.content_revision().await {
        Ok(_) => {
            let mut body = String::from("ok\n");
            for note in &state.settings.health_notes {
                body.push_str(note);
                body.push('\n');
            }
            (StatusCode::OK, body).into_response()
        }
        Err(e) => {
            tracing::warn!(error = %e, "health check failed");
            (StatusCode::SERVICE_UNAVAILABLE, "database unavailable").into_response()
        }
    }
}
