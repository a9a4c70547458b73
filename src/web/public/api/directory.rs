//! `/api/v1/directory.json`: this instance's directory for its peers, signed
//! with the instance's key (see `peers::document`). Cached like a page, with
//! an ETag, so a peer's conditional request costs a lookup.

use std::collections::BTreeMap;
use std::sync::Arc;

use axum::extract::State;
use axum::http::HeaderMap;
use axum::response::Response;

use crate::campaign::{Lang, Localized};
use crate::peers::document::{
    Directory, DirectoryCampaign, DirectoryCharge, FORMAT, PetitionCount, SignedDirectory,
};
use crate::web::cache::{CachedPage, PAGE_MAX_AGE};
use crate::web::error::WebError;
use crate::web::page_cache::Scope;
use crate::web::paths;
use crate::web::site::Site;
use crate::web::state::{AppState, Content};

pub const PATH: &str = "/api/v1/directory.json";

/// Every public campaign, signed, for peer instances.
#[utoipa::path(
    get,
    path = "/api/v1/directory.json",
    tag = "campaigns",
    responses((status = 200, description = "The instance's directory: `payload` is a `Directory` as JSON text, `signature` the Ed25519 signature (base64url) of its UTF-8 bytes by the instance key `key` (`svoboda peers key` prints it). Always complete; answered with an ETag for conditional requests.", body = SignedDirectory))
)]
pub async fn handler(
    State(state): State<Arc<AppState>>,
    site: Site,
    headers: HeaderMap,
) -> Result<Response, WebError> {
    let content = state.content();
    if state.petitions.secret.directory_key().is_none() {
        return Err(WebError::not_found(state.settings.default_lang));
    }
    let freshness = state.counts_freshness(&content, Scope::Site);
    // The same document on every name: it names `public_url`.
    let page = content.page_at(&site.cache_key(PATH), Scope::Site, freshness, || {
        let body = signed(&state, &content)?;
        Ok::<_, WebError>(CachedPage::new("application/json", PAGE_MAX_AGE, body))
    })?;
    Ok(page.respond(&headers))
}

/// The signed document's bytes.
pub fn signed(state: &AppState, content: &Content) -> Result<Vec<u8>, WebError> {
    let key = state
        .petitions
        .secret
        .directory_key()
        .ok_or_else(|| WebError::internal("the directory key cannot be made"))?;
    SignedDirectory::sign(&key, &directory(state, content))
        .and_then(|document| serde_json::to_vec(&document))
        .map_err(|e| WebError::internal(e.to_string()))
}

fn directory(state: &AppState, content: &Content) -> Directory {
    let base = state.settings.public_url.trim_end_matches('/');
    let languages = state.languages();
    let campaigns = content
        .entries()
        .map(|e| {
            let c = &e.listing;
            let slug = c.slug.as_str();
            DirectoryCampaign {
                slug: slug.to_string(),
                pages: languages
                    .iter()
                    .map(|&l| {
                        (
                            l.code().to_string(),
                            format!("{base}{}", paths::campaign(l, slug)),
                        )
                    })
                    .collect(),
                names: texts(&c.name, languages),
                status: c.status.code().to_string(),
                charge: c.charge.as_ref().map(|ch| DirectoryCharge {
                    code: ch.code.code().to_string(),
                    article: ch.article.clone(),
                }),
                articles: c.articles.clone(),
                region: c
                    .region
                    .as_ref()
                    .map(|r| texts(r, languages))
                    .unwrap_or_default(),
                photo: e
                    .photo
                    .as_ref()
                    .map(|m| format!("{base}{}", paths::photo_file(slug, &m.digest))),
                petitions: c
                    .petitions
                    .iter()
                    .filter_map(|p| {
                        let row = e.petitions.get(p.id.as_str())?;
                        Some(PetitionCount {
                            id: p.id.to_string(),
                            signatures: state.count(*row),
                        })
                    })
                    .collect(),
                updated: c.updated,
            }
        })
        .collect();
    Directory {
        format: FORMAT.to_string(),
        instance: base.to_string(),
        updated: content.listings().map(|c| c.updated).max(),
        campaigns,
    }
}

/// A text in the offered languages and any other it is given in.
fn texts(text: &Localized, languages: &[Lang]) -> BTreeMap<String, String> {
    languages
        .iter()
        .copied()
        .chain(text.languages())
        .filter_map(|l| Some((l.code().to_string(), text.exactly(l)?.to_string())))
        .collect()
}
