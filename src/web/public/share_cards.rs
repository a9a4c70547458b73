//! The share cards of campaign and petition pages, served under addresses
//! that name their content (`…/card/{digest}.png`). A page names its
//! current card; an older address (a network's cache of an old page)
//! still gets an image, the current one, never a 404.

use std::sync::Arc;

use axum::extract::{Path, State};
use axum::http::HeaderMap;
use axum::response::Response;

use super::campaign_page::{call, status_line};
use super::petition_page::{count_text, progress};
use crate::campaign::{Campaign, Lang};
use crate::i18n::Tr;
use crate::web::cache::{CachedPage, IMMUTABLE, PAGE_MAX_AGE};
use crate::web::error::WebError;
use crate::web::layout::Layout;
use crate::web::page_cache::Scope;
use crate::web::paths;
use crate::web::share_card::{self, CardSpec, PhotoPanel};
use crate::web::site::Site;
use crate::web::state::{AppState, Content, Freshness};

/// The card of a campaign's page, or of one of its petitions.
pub fn spec(
    state: &AppState,
    content: &Content,
    site: &Site,
    c: &Campaign,
    petition: Option<&str>,
    lang: Lang,
) -> CardSpec {
    let tr = Tr::new(lang);
    let slug = c.slug.as_str();
    let (title, count) = match petition.and_then(|id| c.petition(id)) {
        Some(p) => {
            let tally = content
                .petition_row(slug, p.id.as_str())
                .map(|row| state.tally(row))
                .unwrap_or_default();
            (
                Some(p.title.get(lang).to_string()),
                Some((count_text(&tr, tally), progress(tally, p.goal))),
            )
        }
        None => (None, None),
    };
    CardSpec {
        call: call(&tr, c),
        status: status_line(&tr, c),
        petition: title,
        count,
        site: host(site.base()),
        name: c.person.name.get(lang).to_string(),
        photo: content.photo(slug).map(|m| m.digest.clone()),
    }
}

/// `svoboda.example` of `https://svoboda.example/`.
fn host(base: &str) -> String {
    url::Url::parse(base)
        .ok()
        .and_then(|u| u.host_str().map(str::to_string))
        .unwrap_or_else(|| base.to_string())
}

/// The page's Open Graph image: the card's address, size and description.
pub fn show_on(layout: &mut Layout, spec: &CardSpec, page_path: &str) {
    layout.og_image = Some(format!("{page_path}/card/{}.png", spec.digest()));
    layout.og_image_alt = Some(spec.alt());
}

/// GET `/{lang}/{slug}/card/{digest}.png`.
pub async fn campaign_card(
    state: State<Arc<AppState>>,
    Path((lang, slug, file)): Path<(String, String, String)>,
    site: Site,
    headers: HeaderMap,
) -> Result<Response, WebError> {
    serve(state, lang, slug, None, file, site, headers).await
}

/// GET `/{lang}/{slug}/petition/{id}/card/{digest}.png`.
pub async fn petition_card(
    state: State<Arc<AppState>>,
    Path((lang, slug, id, file)): Path<(String, String, String, String)>,
    site: Site,
    headers: HeaderMap,
) -> Result<Response, WebError> {
    serve(state, lang, slug, Some(id), file, site, headers).await
}

async fn serve(
    State(state): State<Arc<AppState>>,
    lang: String,
    slug: String,
    petition: Option<String>,
    file: String,
    site: Site,
    headers: HeaderMap,
) -> Result<Response, WebError> {
    let lang = paths::lang(&lang, &state)?;
    let asked = file.strip_suffix(".png").ok_or(WebError::not_found(lang))?;
    let content = state.content();
    let campaign = state.campaign_or_404(&content, &slug, lang).await?;
    let page_path = match &petition {
        Some(id) => {
            campaign.petition(id).ok_or(WebError::not_found(lang))?;
            paths::petition(lang, &slug, id)
        }
        None => paths::campaign(lang, &slug),
    };
    let spec = spec(
        &state,
        &content,
        &site,
        &campaign,
        petition.as_deref(),
        lang,
    );
    let digest = spec.digest();
    let key = site
        .cache_key(&format!("{page_path}/card/{digest}.png"))
        .into_owned();
    let page = match content.cached(&key, Freshness::Content) {
        Some(page) => page,
        None => {
            let panel = match &spec.photo {
                Some(digest) => photo_panel(&state, &slug, digest)
                    .await
                    .map_err(|e| e.in_lang(lang))?,
                None => None,
            };
            // Some tens of milliseconds of drawing: off the request threads.
            let png =
                tokio::task::spawn_blocking(move || share_card::draw(&spec, panel.as_deref()))
                    .await
                    .map_err(|e| WebError::internal(format!("drawing a card stopped: {e}")))?
                    .map_err(|e| WebError::internal(e.to_string()))?;
            content.page_at(&key, Scope::Campaign(&slug), Freshness::Content, || {
                Ok::<_, WebError>(CachedPage::new("image/png", IMMUTABLE, png))
            })?
        }
    };
    let mut response = page.respond(&headers);
    // The current card under its own address never changes; under an old
    // address it is the current one, for a while.
    if asked != digest {
        response.headers_mut().insert(
            axum::http::header::CACHE_CONTROL,
            axum::http::HeaderValue::from_static(PAGE_MAX_AGE),
        );
    }
    Ok(response)
}

/// The campaign's photo made ready for cards: kept by its digest, else
/// read from the store and prepared off the request threads.
async fn photo_panel(
    state: &AppState,
    slug: &str,
    digest: &str,
) -> Result<Option<Arc<PhotoPanel>>, WebError> {
    if let Some(panel) = state.card_photos.get(digest) {
        return Ok(Some(panel));
    }
    let Some(photo) = state.store.photo(slug).await? else {
        return Ok(None);
    };
    let panel = tokio::task::spawn_blocking(move || PhotoPanel::from_jpeg(&photo.jpeg))
        .await
        .map_err(|e| WebError::internal(format!("preparing a photo stopped: {e}")))?
        .map_err(|e| WebError::internal(e.to_string()))?;
    let panel = Arc::new(panel);
    state.card_photos.insert(digest.to_string(), panel.clone());
    Ok(Some(panel))
}
