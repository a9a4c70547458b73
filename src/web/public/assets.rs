//! Files the pages use, compiled into the binary: the stylesheet, the icon,
//! the placeholder photo, the two workspace pages' scripts (public pages
//! carry none) and their page-numbering stylesheets; and the campaign photos
//! from the store.

use std::sync::{Arc, LazyLock};

use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::HeaderMap;
use axum::response::Response;

use crate::campaign::Lang;
use crate::campaign::photo::Photo;
use crate::i18n::{Tr, arg};
use crate::store::StoreError;
use crate::web::cache::{CachedPage, IMMUTABLE};
use crate::web::error::WebError;
use crate::web::page_cache::Scope;
use crate::web::state::{AppState, Content, Freshness};

struct Asset {
    page: CachedPage,
    /// The URL with a content hash, so it may be cached for ever.
    href: String,
}

fn asset(name: &str, content_type: &'static str, body: &'static [u8]) -> Asset {
    built(name, content_type, Bytes::from_static(body))
}

fn built(name: &str, content_type: &'static str, body: Bytes) -> Asset {
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

/// A script of the workspace's key and delivery pages.
fn script(name: &str, body: &'static [u8]) -> Asset {
    asset(name, "text/javascript; charset=utf-8", body)
}

static AGE_ENCRYPTION: LazyLock<Asset> = LazyLock::new(|| {
    script(
        "age-encryption.js",
        include_bytes!("../../../static/vendor/age-encryption/age-encryption.js"),
    )
});
static SAVE_FILE: LazyLock<Asset> = LazyLock::new(|| {
    script(
        "save-file.js",
        include_bytes!("../../../static/workspace/save-file.js"),
    )
});
static KEYGEN: LazyLock<Asset> = LazyLock::new(|| {
    script(
        "keygen.js",
        include_bytes!("../../../static/workspace/keygen.js"),
    )
});
static DELIVERY_RULES: LazyLock<Asset> = LazyLock::new(|| {
    script(
        "delivery-rules.js",
        include_bytes!("../../../static/workspace/delivery-rules.js"),
    )
});
static SEALED_EXPORT: LazyLock<Asset> = LazyLock::new(|| {
    script(
        "sealed-export.js",
        include_bytes!("../../../static/workspace/sealed-export.js"),
    )
});
static LETTERS_OPEN: LazyLock<Asset> = LazyLock::new(|| {
    script(
        "letters-open.js",
        include_bytes!("../../../static/workspace/letters-open.js"),
    )
});
static DELIVER: LazyLock<Asset> = LazyLock::new(|| {
    script(
        "deliver.js",
        include_bytes!("../../../static/workspace/deliver.js"),
    )
});

static PASSKEY: LazyLock<Asset> = LazyLock::new(|| {
    script(
        "passkey.js",
        include_bytes!("../../../static/workspace/passkey.js"),
    )
});

/// "Page N of M" at the foot of each printed page of the delivery document,
/// in each language: a margin box of CSS paged media, whose words cannot
/// come from the page (an inline style would break the policy).
/// (Made at first use: languages added by files are loaded by then.)
static PAGE_NUMBERS: LazyLock<Vec<(Lang, Asset)>> = LazyLock::new(|| {
    Lang::known()
        .into_iter()
        .map(|lang| {
            let name = format!("page-numbers-{}.css", lang.code());
            let css = page_numbers_css(lang);
            (lang, built(&name, "text/css; charset=utf-8", css.into()))
        })
        .collect()
});

fn page_numbers_css(lang: Lang) -> String {
    const PAGE: &str = "\u{1}";
    const PAGES: &str = "\u{2}";
    let words = Tr::new(lang).args("pdf-page", [("page", arg(PAGE)), ("pages", arg(PAGES))]);
    let quoted = |s: &str| format!("\"{}\"", s.replace('\\', "\\\\").replace('"', "\\\""));
    let content = words
        .split(PAGE)
        .map(|part| {
            part.split(PAGES)
                .map(quoted)
                .collect::<Vec<_>>()
                .join(" counter(pages) ")
        })
        .collect::<Vec<_>>()
        .join(" counter(page) ");
    format!(
        "@page {{ margin: 18mm 15mm 20mm; @bottom-center {{ content: {content}; font: 9pt sans-serif; }} }}\n"
    )
}

/// The scripts of the page that makes organiser keys.
pub fn keygen_scripts() -> Vec<String> {
    [&*AGE_ENCRYPTION, &*SAVE_FILE, &*KEYGEN]
        .map(|a| a.href.clone())
        .to_vec()
}

/// The scripts of the page that opens signatures.
pub fn deliver_scripts() -> Vec<String> {
    [
        &*AGE_ENCRYPTION,
        &*SAVE_FILE,
        &*SEALED_EXPORT,
        &*DELIVERY_RULES,
        &*DELIVER,
    ]
    .map(|a| a.href.clone())
    .to_vec()
}

/// The scripts of the page that opens letters for printing.
pub fn letters_scripts() -> Vec<String> {
    [&*AGE_ENCRYPTION, &*SEALED_EXPORT, &*LETTERS_OPEN]
        .map(|a| a.href.clone())
        .to_vec()
}

/// The script of a passkey step (the browser's WebAuthn, nothing vendored).
pub fn passkey_scripts() -> Vec<String> {
    vec![PASSKEY.href.clone()]
}

pub fn page_numbers_href(lang: Lang) -> String {
    PAGE_NUMBERS
        .iter()
        .find(|(l, _)| *l == lang)
        .map(|(_, a)| a.href.clone())
        .unwrap_or_default()
}

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
        "age-encryption.js" => &*AGE_ENCRYPTION,
        "save-file.js" => &*SAVE_FILE,
        "keygen.js" => &*KEYGEN,
        "delivery-rules.js" => &*DELIVERY_RULES,
        "deliver.js" => &*DELIVER,
        "sealed-export.js" => &*SEALED_EXPORT,
        "letters-open.js" => &*LETTERS_OPEN,
        "passkey.js" => &*PASSKEY,
        other => PAGE_NUMBERS
            .iter()
            .map(|(_, a)| a)
            .find(|a| {
                a.href
                    .strip_prefix("/static/")
                    .and_then(|h| h.split('?').next())
                    == Some(other)
            })
            .ok_or(WebError::not_found(state.settings.default_lang))?,
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
    if content.update_photo(&slug, update).is_none() {
        return Err(not_found());
    }
    let load = state.store.update_photo(&slug, update);
    stored_photo(
        &state,
        &content,
        &slug,
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
    if content.photo(slug).is_none() {
        return Err(not_found());
    }
    let load = state.store.photo(slug);
    stored_photo(
        &state,
        &content,
        slug,
        &format!("photo/{slug}"),
        load,
        &headers,
    )
    .await
}

/// `/photos/peers/{peer}/{slug}.jpg`: a peer's campaign's photo, fetched and
/// re-encoded by this instance, so pages load nothing from the peer.
pub async fn peer_photo(
    State(state): State<Arc<AppState>>,
    Path((peer, file)): Path<(String, String)>,
    headers: HeaderMap,
) -> Result<Response, WebError> {
    let not_found = || WebError::not_found(state.settings.default_lang);
    let peer: i64 = peer.parse().map_err(|_| not_found())?;
    let slug = file.strip_suffix(".jpg").ok_or_else(not_found)?;
    let content = state.content();
    if content.peer_photo(peer, slug).is_none() {
        return Err(not_found());
    }
    let key = format!("peer-photo/{peer}/{slug}");
    if let Some(page) = content.cached(&key, Freshness::Content) {
        return Ok(page.respond(&headers));
    }
    let photo = state
        .store
        .peer_photo(peer, slug)
        .await
        .map_err(|e| WebError::from(e).in_lang(state.settings.default_lang))?
        .ok_or_else(not_found)?;
    let page = content.page(&key, Scope::Site, || {
        Ok::<_, WebError>(CachedPage::new("image/jpeg", IMMUTABLE, photo.jpeg))
    })?;
    Ok(page.respond(&headers))
}

/// A photo the content snapshot knows of, cached under `key`: `load` reads
/// it from the store only when the snapshot has not cached it yet.
async fn stored_photo(
    state: &AppState,
    content: &Content,
    campaign: &str,
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
    let page = content.page(key, Scope::Campaign(campaign), || {
        Ok::<_, WebError>(CachedPage::new("image/jpeg", IMMUTABLE, photo.jpeg))
    })?;
    Ok(page.respond(headers))
}
