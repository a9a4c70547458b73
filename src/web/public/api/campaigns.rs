//! `/api/v1/campaigns` and `/api/v1/campaigns/{slug}`: the public data as
//! JSON, for partner sites and mirrors.

use std::sync::Arc;

use axum::extract::{Path, State};
use axum::http::HeaderMap;
use axum::response::{IntoResponse, Response};
use serde::Serialize;
use utoipa::ToSchema;

use super::ApiError;
use crate::campaign::{Campaign, Lang, Localized, StatusKind, file};
use crate::web::cache::{CachedPage, PAGE_MAX_AGE};
use crate::web::error::WebError;
use crate::web::page_cache::Scope;
use crate::web::paths;
use crate::web::site::Site;
use crate::web::state::AppState;

/// A campaign in the list.
#[derive(Serialize, ToSchema)]
pub struct ListItem {
    slug: String,
    /// The person's name by language.
    name: Localized,
    status: StatusKind,
    status_since: chrono::NaiveDate,
    updated: chrono::NaiveDate,
    /// The campaign's page in each language, as `[language, URL]`.
    pages: Vec<(Lang, String)>,
    /// This campaign's document in the API (a path).
    api: String,
}

/// A whole campaign: every field of the campaign file, with the
/// organisations it mentions, its photo and its pages.
#[derive(Serialize, ToSchema)]
pub struct Full {
    #[serde(flatten)]
    campaign: Campaign,
    /// The photo (a path), when the campaign has one.
    photo_url: Option<String>,
    /// The campaign's page in each language, as `[language, URL]`.
    pages: Vec<(Lang, String)>,
}

fn pages(site: &Site, slug: &str) -> Vec<(Lang, String)> {
    let base = site.base();
    site.languages()
        .iter()
        .map(|&l| (l, format!("{base}{}", paths::campaign(l, slug))))
        .collect()
}

fn json(value: &impl Serialize) -> Result<CachedPage, WebError> {
    let body = serde_json::to_vec(value).map_err(|e| WebError::internal(e.to_string()))?;
    Ok(CachedPage::new("application/json", PAGE_MAX_AGE, body))
}

/// Every campaign of the instance.
#[utoipa::path(
    get,
    path = "/api/v1/campaigns",
    tag = "campaigns",
    responses((status = 200, description = "The campaigns, in the directory's order", body = Vec<ListItem>))
)]
pub async fn list(
    State(state): State<Arc<AppState>>,
    site: Site,
    headers: HeaderMap,
) -> Result<Response, WebError> {
    let content = state.content();
    let key = site.cache_key(paths::API_CAMPAIGNS);
    let page = content.page(&key, Scope::Site, || {
        let items: Vec<ListItem> = content
            .listings()
            .map(|c| ListItem {
                slug: c.slug.to_string(),
                name: c.name.clone(),
                status: c.status,
                status_since: c.status_since,
                updated: c.updated,
                pages: pages(&site, c.slug.as_str()),
                api: paths::api_campaign(c.slug.as_str()),
            })
            .collect();
        json(&items)
    })?;
    Ok(page.respond(&headers))
}

/// One campaign, whole.
#[utoipa::path(
    get,
    path = "/api/v1/campaigns/{slug}",
    tag = "campaigns",
    params(("slug" = String, Path, description = "The campaign's slug, e.g. boris-romanov")),
    responses(
        (status = 200, description = "The campaign", body = Full),
        (status = 404, description = "No campaign has this slug", body = ApiError)
    )
)]
pub async fn one(
    State(state): State<Arc<AppState>>,
    Path(slug): Path<String>,
    site: Site,
    headers: HeaderMap,
) -> Result<Response, WebError> {
    let content = state.content();
    let Some(c) = state.campaign(&content, &slug).await? else {
        let lang = crate::web::public::language::from_headers(&headers, &state);
        return Ok(ApiError::not_found(lang).into_response());
    };
    let path = paths::api_campaign(&slug);
    let page = content.page(&site.cache_key(&path), Scope::Campaign(&slug), || {
        json(&Full {
            campaign: file::with_organisations(&c, &content.registry),
            photo_url: content
                .photo(c.slug.as_str())
                .map(|m| paths::photo_file(c.slug.as_str(), &m.digest)),
            pages: pages(&site, c.slug.as_str()),
        })
    })?;
    Ok(page.respond(&headers))
}
