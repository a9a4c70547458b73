//! `/api/v1/campaigns` and `/api/v1/campaigns/{slug}`: the public data as
//! JSON, for partner sites and mirrors.

use std::sync::Arc;

use axum::extract::{Path, State};
use axum::http::HeaderMap;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde::Serialize;

use crate::campaign::{Campaign, Lang, Localized, StatusKind, file};
use crate::web::cache::{CachedPage, PAGE_MAX_AGE};
use crate::web::error::WebError;
use crate::web::paths;
use crate::web::site::Site;
use crate::web::state::AppState;

#[derive(Serialize)]
struct ListItem<'a> {
    slug: &'a str,
    name: &'a Localized,
    status: StatusKind,
    status_since: chrono::NaiveDate,
    updated: chrono::NaiveDate,
    pages: Vec<(Lang, String)>,
    api: String,
}

#[derive(Serialize)]
struct Full<'a> {
    #[serde(flatten)]
    campaign: &'a Campaign,
    photo_url: Option<String>,
    pages: Vec<(Lang, String)>,
}

fn pages(site: &Site, slug: &str) -> Vec<(Lang, String)> {
    let base = site.base();
    Lang::ALL
        .into_iter()
        .map(|l| (l, format!("{base}{}", paths::campaign(l, slug))))
        .collect()
}

fn json(value: &impl Serialize) -> Result<CachedPage, WebError> {
    let body = serde_json::to_vec(value).map_err(|e| WebError::internal(e.to_string()))?;
    Ok(CachedPage::new("application/json", PAGE_MAX_AGE, body))
}

pub async fn list(
    State(state): State<Arc<AppState>>,
    site: Site,
    headers: HeaderMap,
) -> Result<Response, WebError> {
    let content = state.content();
    let page = content.page(&site.cache_key(paths::API_CAMPAIGNS), || {
        let items: Vec<ListItem> = content
            .campaigns
            .iter()
            .map(|c| ListItem {
                slug: c.slug.as_str(),
                name: &c.person.name,
                status: c.status.kind,
                status_since: c.status.since,
                updated: c.updated,
                pages: pages(&site, c.slug.as_str()),
                api: paths::api_campaign(c.slug.as_str()),
            })
            .collect();
        json(&items)
    })?;
    Ok(page.respond(&headers))
}

pub async fn one(
    State(state): State<Arc<AppState>>,
    Path(slug): Path<String>,
    site: Site,
    headers: HeaderMap,
) -> Result<Response, WebError> {
    let content = state.content();
    let Some(c) = content.campaign(&slug) else {
        let body = serde_json::json!({ "error": "not-found", "slug": slug });
        return Ok((StatusCode::NOT_FOUND, axum::Json(body)).into_response());
    };
    let path = paths::api_campaign(&slug);
    let page = content.page(&site.cache_key(&path), || {
        let campaign = file::with_organisations(c, &content.registry);
        json(&Full {
            campaign: &campaign,
            photo_url: content
                .photos
                .get(c.slug.as_str())
                .map(|m| paths::photo_file(c.slug.as_str(), &m.digest)),
            pages: pages(&site, c.slug.as_str()),
        })
    })?;
    Ok(page.respond(&headers))
}
