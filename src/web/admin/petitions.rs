//! Opening and closing a petition at once, from the campaign's page. Unlike
//! other edits this does not wait for publishing (a petition that must stop
//! taking signatures must stop now), and it does not publish anyone's
//! unfinished draft either: the public campaign and the draft both get the
//! same change, and the history records it.

use std::sync::Arc;

use axum::extract::{Path, State};
use axum::response::{IntoResponse, Redirect, Response};
use chrono::NaiveDate;
use serde::Deserialize;

use super::context::{AdminLang, SignedIn, now};
use super::editing::may_edit;
use super::paths;
use crate::account::AuditAction;
use crate::campaign::{Campaign, Petition};
use crate::store::{PhotoChange, SaveMode, SavedRevision};
use crate::web::AppState;
use crate::web::error::WebError;

#[derive(Deserialize)]
pub struct PetitionParams {
    slug: String,
    petition: String,
}

pub async fn close(
    state: State<Arc<AppState>>,
    lang: AdminLang,
    signed: SignedIn,
    params: Path<PetitionParams>,
) -> Result<Response, WebError> {
    change(
        state,
        lang,
        signed,
        params,
        AuditAction::PetitionClosed,
        Petition::close_now,
    )
    .await
}

pub async fn open(
    state: State<Arc<AppState>>,
    lang: AdminLang,
    signed: SignedIn,
    params: Path<PetitionParams>,
) -> Result<Response, WebError> {
    change(
        state,
        lang,
        signed,
        params,
        AuditAction::PetitionOpened,
        Petition::open_now,
    )
    .await
}

async fn change(
    State(state): State<Arc<AppState>>,
    AdminLang(lang): AdminLang,
    SignedIn(signed): SignedIn,
    Path(params): Path<PetitionParams>,
    action: AuditAction,
    rule: fn(&mut Petition, NaiveDate),
) -> Result<Response, WebError> {
    may_edit(&signed, lang, &params.slug)?;
    let today = state.clock.today();
    let apply = |c: &mut Campaign| -> bool {
        match c
            .petitions
            .iter_mut()
            .find(|p| p.id.as_str() == params.petition)
        {
            Some(p) => {
                rule(p, today);
                true
            }
            None => false,
        }
    };
    let mut live = (*state
        .campaign_or_404(&state.content(), &params.slug, lang)
        .await?)
        .clone();
    if !apply(&mut live) {
        return Err(WebError::not_found(lang));
    }
    live.updated = today;
    let store_err = WebError::store(lang);
    let now = now();
    let author = (signed.account.id, signed.account.login.as_str());
    state
        .store
        .save_campaign(&live, PhotoChange::Keep, SaveMode::Replace)
        .await
        .map_err(store_err)?;
    let head = state
        .store
        .head_revision(&params.slug)
        .await
        .map_err(store_err)?;
    let saved = match head {
        // A draft in progress keeps its other changes and gets this one.
        Some(draft) if draft.published_at.is_none() => {
            let mut campaign = draft.campaign;
            apply(&mut campaign);
            state
                .store
                .save_revision(&campaign, draft.id, author, now)
                .await
                .map_err(store_err)?
        }
        other => {
            let parent = other.map_or(0, |r| r.id);
            let saved = state
                .store
                .save_revision(&live, parent, author, now)
                .await
                .map_err(store_err)?;
            if let SavedRevision::Saved(id) = saved {
                state
                    .store
                    .mark_published(id, now)
                    .await
                    .map_err(store_err)?;
            }
            saved
        }
    };
    if saved == SavedRevision::Conflict {
        // Someone saved in the same instant: the public page has the
        // change; their draft is theirs to publish or redo.
        tracing::warn!(slug = %params.slug, "a draft was saved while a petition changed");
    }
    state.reload().await.map_err(store_err)?;
    state
        .accounts
        .audit(
            Some(&signed.account),
            action,
            Some(&params.slug),
            params.petition.clone(),
            now,
        )
        .await
        .map_err(store_err)?;
    Ok(Redirect::to(&paths::campaign(lang, &params.slug)).into_response())
}
