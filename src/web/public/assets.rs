//! Files the pages use, compiled into the binary: the stylesheet, the icon,
//! the placeholder photo; and the campaign photos from the store.

use std::sync::{Arc, LazyLock};

use axum::extract::{Path, State};
use axum::http::HeaderMap;
use axum::response::Response;

use crate::campaign::photo::Photo;
use crate::store::StoreError;
use crate::web::cache::{CachedPage, IMMUTABLE};
use crate::web::error::WebError;
use crate::web::state::{AppState, Content, Freshness};

struct Asset {
    page: CachedPage,
    /// The URL with a content hash, so it may be cached for ever.
    href: String,
}

fn asset(name: &str, content_type: &'static str, body: &'static [u8]) -> Asset {
    let page = CachedPage::new(content_type, IMMUTABLE, body);
    let version = page.etag().to_str().unwrap_or("0").trim_matches('"')[..8].to_string();
    Asset {
        href: format!("/static/{name}?v={version}"),
        page,
    }
}

static STYLESHEET: LazyLock<Asset> = LazyLock::new(|| {
    asset(
        "style.css",
        "text/css; charset=utf-8",
        include_bytes!("../../../static/style.css"),
    )
});
static ICON: LazyLock<Asset> = LazyLock::new(|| {
    asset(
        "icon.svg",
        "image/svg+xml",
        include_bytes!("../../../static/icon.svg"),
    )
});
static PLACEHOLDER: LazyLock<Asset> = LazyLock::new(|| {
    asset(
        "placeholder.svg",
        "image/svg+xml",
        include_bytes!("../../../static/placeholder.svg"),
    )
});

pub fn stylesheet_href() -> String {
    STYLESHEET.href.clone()
}

pub fn icon_href() -> String {
    ICON.href.clone()
}

pub fn placeholder_href() -> String {
    PLACEHOLDER.href.clone()
}

pub async fn static_file(
    State(state): State<Arc<AppState>>,
    Path(name): Path<String>,
    headers: HeaderMap,
) -> Result<Response, WebError> {
    let asset = match name.as_str() {
        "style.css" => &*STYLESHEET,
        "icon.svg" => &*ICON,
        "placeholder.svg" => &*PLACEHOLDER,
        _ => return Err(WebError::not_found(state.settings.default_lang)),
    };
    Ok(asset.page.respond(&headers))
}

/// `/photos/{slug}/{update}.jpg`: a news update's photo.
pub async fn update_photo(
    State(state): State<Arc<AppState>>,
    Path((slug, file)): Path<(String, String)>,
    headers: HeaderMap,
) -> Result<Response, WebError> {
    let not_found = || WebError::not_found(state.settings.default_lang);
    let update = file.strip_suffix(".jpg").ok_or_else(not_found)?;
    let content = state.content();
    if !content
        .update_photos
        .contains_key(&(slug.clone(), update.to_string()))
    {
        return Err(not_found());
    }
    let load = state.store.update_photo(&slug, update);
    stored_photo(
        &state,
        &content,
        &format!("photo/{slug}/{update}"),
        load,
        &headers,
    )
    .await
}

/// `/photos/{slug}.jpg`: served from memory after the first request.
pub async fn photo(
    State(state): State<Arc<AppState>>,
    Path(file): Path<String>,
    headers: HeaderMap,
) -> Result<Response, WebError> {
    let not_found = || WebError::not_found(state.settings.default_lang);
    let slug = file.strip_suffix(".jpg").ok_or_else(not_found)?;
    let content = state.content();
    if !content.photos.contains_key(slug) {
        return Err(not_found());
    }
    let load = state.store.photo(slug);
    stored_photo(&state, &content, &format!("photo/{slug}"), load, &headers).await
}

/// A photo the content snapshot knows of, cached under `key`: `load` reads
/// it from the store only when the snapshot has not cached it yet.
async fn stored_photo(
    state: &AppState,
    content: &Content,
    key: &str,
    load: impl Future<Output = Result<Option<Photo>, StoreError>>,
    headers: &HeaderMap,
) -> Result<Response, WebError> {
    if let Some(page) = content.cached(key, Freshness::Content) {
        return Ok(page.respond(headers));
    }
    let photo = load
        .await
        .map_err(|e| WebError::from(e).in_lang(state.settings.default_lang))?
        .ok_or(WebError::not_found(state.settings.default_lang))?;
    let page = content.page(key, || {
        Ok::<_, WebError>(CachedPage::new("image/jpeg", IMMUTABLE, photo.jpeg))
    })?;
    Ok(page.respond(headers))
}
