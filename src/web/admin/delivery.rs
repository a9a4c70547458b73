//! Delivery: whoever holds the delivery role of a campaign (or an owner)
//! downloads a petition's sealed export, the same file as `svoboda
//! signatures export`, and opens it on their own computer. The server never
//! asks for the organisers' private key.

use std::sync::Arc;

use axum::body::{Body, Bytes};
use axum::extract::{Path, State};
use axum::response::Response;
use serde::Deserialize;

use super::context::{AdminLang, SignedIn, now};
use super::download::attachment;
use crate::account::AuditAction;
use crate::petition::export;
use crate::store::Store;
use crate::web::AppState;
use crate::web::error::WebError;

/// Signatures read from the store per chunk of the download.
const PAGE: i64 = 2000;

#[derive(Deserialize)]
pub struct PetitionParams {
    slug: String,
    petition: String,
}

pub async fn export(
    State(state): State<Arc<AppState>>,
    AdminLang(lang): AdminLang,
    SignedIn(signed): SignedIn,
    Path(params): Path<PetitionParams>,
) -> Result<Response, WebError> {
    if !signed.access.may_deliver(&params.slug) {
        return Err(WebError::forbidden(lang));
    }
    let content = state.content();
    let row = content
        .petition_row(&params.slug, &params.petition)
        .ok_or(WebError::not_found(lang))?;
    let name = format!("{}/{}", params.slug, params.petition);
    let campaign = state.campaign_or_404(&content, &params.slug, lang).await?;
    let text = campaign
        .petition(&params.petition)
        .map(|p| export::PetitionText::of(p, &content.registry, state.languages()))
        .ok_or(WebError::not_found(lang))?;
    state
        .accounts
        .audit(
            Some(&signed.account),
            AuditAction::ExportDownloaded,
            Some(&params.slug),
            params.petition.clone(),
            now(),
        )
        .await
        .map_err(WebError::store(lang))?;
    let body = Body::from_stream(chunks(
        state.store.clone(),
        row.id,
        export::header(&name, &text),
    ));
    Ok(attachment(
        "text/plain; charset=utf-8",
        &format!("{}-{}-signatures.txt", params.slug, params.petition),
        body,
    ))
}

/// The export, page by page: memory stays constant however many signed.
fn chunks(
    store: Store,
    petition: i64,
    first: String,
) -> impl futures_util::Stream<Item = Result<Bytes, crate::store::StoreError>> {
    futures_util::stream::try_unfold(
        (store, Some(first), 0i64, false),
        move |(store, first, after, done)| async move {
            if let Some(header) = first {
                return Ok(Some((Bytes::from(header), (store, None, after, false))));
            }
            if done {
                return Ok(None);
            }
            let page = store.export_page(petition, after, PAGE).await?;
            let Some(last) = page.last().map(|s| s.id) else {
                return Ok(None);
            };
            let finished = (page.len() as i64) < PAGE;
            let mut text = String::new();
            for s in &page {
                text.push_str(&export::line(s).0);
            }
            Ok(Some((Bytes::from(text), (store, None, last, finished))))
        },
    )
}
