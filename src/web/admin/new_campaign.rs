//! A new campaign (owners): from a name and an address, from an uploaded
//! campaign file, or from a file typed in. It is a draft until published.

use std::sync::Arc;

use askama::Template;
use axum::Form;
use axum::extract::multipart::MultipartRejection;
use axum::extract::{Multipart, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;

use super::context::{AdminLang, SignedIn};
use super::editing::{Upload, file_field, parse_campaign, save_draft};
use super::layout::{AdminLayout, Section, render};
use super::names;
use super::paths;
use crate::account::AuditAction;
use crate::account::service::Signed;
use crate::campaign::{Campaign, Lang, Localized, Slug, file};
use crate::i18n::{Tr, arg};
use crate::store::SavedRevision;
use crate::web::AppState;
use crate::web::error::WebError;

#[derive(Template)]
#[template(path = "admin/new_campaign.html")]
pub struct NewCampaignPage {
    pub layout: AdminLayout,
    pub start_action: String,
    pub start: Start,
    pub action: String,
    pub upload_action: String,
    pub text: String,
    pub error: Option<String>,
}

/// The short form: a new campaign from its address and the person's name
/// in each language the site offers (fields `name_ru`, `name_be`…).
#[derive(Default)]
pub struct Start {
    pub slug: String,
    pub names: Vec<names::NameField>,
    pub slug_error: Option<String>,
    pub name_error: Option<String>,
}

impl Start {
    fn blank(state: &AppState) -> Start {
        Start {
            names: names::blank(state),
            ..Start::default()
        }
    }

    fn from_pairs(state: &AppState, pairs: &[(String, String)]) -> Start {
        let value = |key: &str| {
            pairs
                .iter()
                .find(|(k, _)| k == key)
                .map(|(_, v)| v.clone())
                .unwrap_or_default()
        };
        Start {
            slug: value("slug"),
            names: names::from_fields(state, |k| {
                pairs.iter().find(|(n, _)| n == k).map(|(_, v)| v.as_str())
            }),
            ..Start::default()
        }
    }
}

#[allow(clippy::too_many_arguments)]
fn new_page(
    state: &AppState,
    lang: Lang,
    signed: &Signed,
    text: String,
    error: Option<String>,
    start: Start,
    status: StatusCode,
) -> Result<Response, WebError> {
    let tr = Tr::new(lang);
    let page = NewCampaignPage {
        layout: AdminLayout::new(
            state,
            lang,
            Some(signed),
            Section::Campaigns,
            tr.t("admin-new-title"),
            paths::new_campaign,
        ),
        start_action: format!("{}/start", paths::new_campaign(lang)),
        start,
        action: paths::new_campaign(lang),
        upload_action: format!(
            "{}/upload?csrf={}",
            paths::new_campaign(lang),
            signed.session.csrf
        ),
        text,
        error,
    };
    render(&page, status)
}

/// GET: a new campaign (owners), from the starter file.
pub async fn new_campaign(
    State(state): State<Arc<AppState>>,
    AdminLang(lang): AdminLang,
    signed: SignedIn,
) -> Result<Response, WebError> {
    signed.owner(lang)?;
    new_page(
        &state,
        lang,
        &signed.0,
        file::STARTER.to_string(),
        None,
        Start::blank(&state),
        StatusCode::OK,
    )
}

#[derive(Deserialize)]
pub struct NewForm {
    #[serde(default)]
    text: String,
}

/// POST: the new campaign's file, typed or pasted.
pub async fn create(
    State(state): State<Arc<AppState>>,
    AdminLang(lang): AdminLang,
    signed: SignedIn,
    Form(form): Form<NewForm>,
) -> Result<Response, WebError> {
    signed.owner(lang)?;
    create_from(&state, lang, &signed.0, form.text).await
}

/// POST: the new campaign from an uploaded file (multipart, field `file`).
pub async fn create_from_upload(
    State(state): State<Arc<AppState>>,
    AdminLang(lang): AdminLang,
    signed: SignedIn,
    multipart: Result<Multipart, MultipartRejection>,
) -> Result<Response, WebError> {
    signed.owner(lang)?;
    let (text, problem) = match file_field(multipart, "file").await {
        Upload::File(bytes) => (String::from_utf8(bytes).ok(), "admin-new-upload-unreadable"),
        Upload::Missing => (None, "admin-new-upload-unreadable"),
        Upload::TooLarge => (None, "admin-new-upload-too-large"),
    };
    match text {
        Some(text) => create_from(&state, lang, &signed.0, text).await,
        None => {
            let error = Some(Tr::new(lang).t(problem));
            new_page(
                &state,
                lang,
                &signed.0,
                file::STARTER.to_string(),
                error,
                Start::blank(&state),
                StatusCode::UNPROCESSABLE_ENTITY,
            )
        }
    }
}

async fn create_from(
    state: &AppState,
    lang: Lang,
    signed: &Signed,
    text: String,
) -> Result<Response, WebError> {
    let tr = Tr::new(lang);
    let campaign = match parse_campaign(state, &tr, &text) {
        Ok(c) => c,
        Err(error) => {
            return new_page(
                state,
                lang,
                signed,
                text,
                Some(error),
                Start::blank(state),
                StatusCode::UNPROCESSABLE_ENTITY,
            );
        }
    };
    let slug = campaign.slug.to_string();
    match save_new(state, lang, signed, &campaign).await? {
        SavedRevision::Saved(_) => Ok(Redirect::to(&paths::edit(lang, &slug)).into_response()),
        SavedRevision::Conflict => {
            let error = tr.args("admin-new-slug-taken", [("slug", arg(slug))]);
            new_page(
                state,
                lang,
                signed,
                text,
                Some(error),
                Start::blank(state),
                StatusCode::CONFLICT,
            )
        }
    }
}

/// Saves a new campaign as its first draft; `Conflict` when its slug is
/// taken, by a public campaign, a draft, or this very page:
/// `/admin/{lang}/campaigns/new` could not reach a campaign named `new`.
async fn save_new(
    state: &AppState,
    lang: Lang,
    signed: &Signed,
    campaign: &Campaign,
) -> Result<SavedRevision, WebError> {
    let slug = campaign.slug.as_str();
    let store_err = WebError::store(lang);
    let taken = slug == "new"
        || state.content().entry(slug).is_some()
        || state
            .store
            .head_revision(slug)
            .await
            .map_err(store_err)?
            .is_some();
    if taken {
        return Ok(SavedRevision::Conflict);
    }
    // A file's keys are not kept (see `campaign::keys`): the edit page
    // then asks for a key where petitions need one.
    let mut campaign = campaign.clone();
    let draft = save_draft(
        state,
        signed,
        &mut campaign,
        0,
        AuditAction::CampaignSaved,
        |id| format!("#{id}"),
    )
    .await
    .map_err(store_err)?;
    Ok(draft.saved)
}

/// POST: a new campaign from its address and the person's name; the rest
/// is filled in the forms it opens on.
pub async fn start(
    State(state): State<Arc<AppState>>,
    AdminLang(lang): AdminLang,
    signed: SignedIn,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Result<Response, WebError> {
    signed.owner(lang)?;
    let mut start = Start::from_pairs(&state, &pairs);
    let tr = Tr::new(lang);
    let signed = &signed.0;
    start.slug = start.slug.trim().to_ascii_lowercase();
    let slug = Slug::parse(&start.slug)
        .ok()
        .filter(|s| s.as_str() != "new");
    if slug.is_none() {
        start.slug_error = Some(tr.t("problem-slug"));
    }
    let names = names::given(&start.names);
    if names.is_empty() {
        start.name_error = Some(tr.t("problem-required"));
    }
    let Some(slug) = slug.filter(|_| !names.is_empty()) else {
        return new_page(
            &state,
            lang,
            signed,
            file::STARTER.to_string(),
            None,
            start,
            StatusCode::UNPROCESSABLE_ENTITY,
        );
    };
    let mut campaign: Campaign = file::parse(file::STARTER, "starter.toml", &|_| false)
        .map_err(|e| WebError::internal(format!("the starter file: {e}")))?;
    campaign.slug = slug.clone();
    campaign.updated = state.clock.today();
    campaign.person.name = Localized::new(names);
    match save_new(&state, lang, signed, &campaign).await? {
        SavedRevision::Saved(_) => {
            Ok(Redirect::to(&paths::form(lang, slug.as_str(), "person")).into_response())
        }
        SavedRevision::Conflict => {
            start.slug_error =
                Some(tr.args("admin-new-slug-taken", [("slug", arg(slug.to_string()))]));
            new_page(
                &state,
                lang,
                signed,
                file::STARTER.to_string(),
                None,
                start,
                StatusCode::CONFLICT,
            )
        }
    }
}
