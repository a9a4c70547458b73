//! `/api/v1/openapi.json`: the OpenAPI 3.1 description of `/api/v1`,
//! generated from the handlers' annotations and the types they answer
//! with, so it changes with the code.

use std::sync::Arc;

use axum::extract::State;
use axum::http::HeaderMap;
use axum::response::Response;
use utoipa::OpenApi;
use utoipa::openapi::server::Server;

use super::{campaigns, directory, signatures};
use crate::web::cache::{CachedPage, PAGE_MAX_AGE};
use crate::web::error::WebError;
use crate::web::page_cache::Scope;
use crate::web::site::Site;
use crate::web::state::AppState;

pub const PATH: &str = "/api/v1/openapi.json";

#[derive(OpenApi)]
#[openapi(
    info(
        title = "Svoboda",
        description = "Campaigns for people persecuted for their civic activity: the public data of every campaign, and signing its petitions. Signing follows the petition form's rules and limits; browsers may call it only from the sites the instance lists in embed_origins."
    ),
    paths(campaigns::list, campaigns::one, signatures::sign, directory::handler),
    components(schemas(
        crate::peers::document::Directory,
        crate::peers::document::DirectoryCampaign
    )),
    tags(
        (name = "campaigns", description = "The public case pages, as data"),
        (name = "petitions", description = "Signing")
    )
)]
struct ApiDoc;

/// The description, naming the address it was asked on as its server.
pub fn document(base: &str) -> serde_json::Value {
    let mut doc = ApiDoc::openapi();
    doc.info.version = env!("CARGO_PKG_VERSION").to_string();
    doc.servers = Some(vec![Server::new(base)]);
    let mut doc = serde_json::to_value(doc).unwrap_or_default();
    merge_flattened(&mut doc, "Full", "Campaign");
    doc
}

/// `Full` flattens a campaign into itself; utoipa describes that as
/// `allOf: [Campaign, {pages, photo_url}]`. The campaign file refuses
/// unknown keys (`additionalProperties: false`), which inside `allOf`
/// would refuse `pages` and `photo_url` too, so the two are made one object.
fn merge_flattened(doc: &mut serde_json::Value, name: &str, flattened: &str) {
    let schemas = &mut doc["components"]["schemas"];
    let mut merged = schemas[flattened].clone();
    let parts = schemas[name]["allOf"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    for part in parts.iter().filter(|p| p.get("$ref").is_none()) {
        if let (Some(into), Some(from)) = (
            merged["properties"].as_object_mut(),
            part["properties"].as_object(),
        ) {
            into.extend(from.clone());
        }
        if let (Some(into), Some(from)) = (
            merged["required"].as_array_mut(),
            part["required"].as_array(),
        ) {
            into.extend(from.iter().cloned());
        }
    }
    merged["description"] = schemas[name]["description"].clone();
    if merged.get("properties").is_some() {
        schemas[name] = merged;
    }
}

pub async fn handler(
    State(state): State<Arc<AppState>>,
    site: Site,
    headers: HeaderMap,
) -> Result<Response, WebError> {
    let content = state.content();
    let page = content.page(&site.cache_key(PATH), Scope::Site, || {
        let body = serde_json::to_vec(&document(site.base()))
            .map_err(|e| WebError::internal(e.to_string()))?;
        Ok::<_, WebError>(CachedPage::new("application/json", PAGE_MAX_AGE, body))
    })?;
    Ok(page.respond(&headers))
}
