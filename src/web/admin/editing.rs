//! Editing a campaign: its file in the browser, saved as a draft revision;
//! a preview exactly as the public page will look; publishing; the history
//! of revisions with a diff between any two, and restoring any of them.
//! Nothing entered is lost: a file with a mistake comes back with the
//! mistake named and the text kept, and when someone else saved first, the
//! editor sees both versions and decides.

use std::sync::Arc;

use askama::Template;
use axum::Form;
use axum::extract::multipart::MultipartRejection;
use axum::extract::{Multipart, Path, Query, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;

use super::context::{AdminLang, SignedIn, now};
use super::download::attachment;
use super::layout::{AdminLayout, Section, render};
use super::paths;
use crate::account::AuditAction;
use crate::account::service::Signed;
use crate::campaign::keys::{self, Keys};
use crate::campaign::photo::PhotoError;
use crate::campaign::revision::{DiffLine, LineChange, Revision, diff};
use crate::campaign::{Campaign, Lang, file, starter};
use crate::i18n::{Tr, arg};
use crate::store::{PhotoChange, SaveMode, SavedRevision};
use crate::web::AppState;
use crate::web::error::WebError;

#[derive(Deserialize)]
pub struct SlugParam {
    slug: String,
}

pub struct DiffView {
    pub class: &'static str,
    pub sign: &'static str,
    pub text: String,
}

pub(super) fn diff_view(old: &str, new: &str) -> Vec<Option<DiffView>> {
    diff(old, new)
        .into_iter()
        .map(|line| {
            line.map(|DiffLine { change, text }| {
                let (class, sign) = match change {
                    LineChange::Same => ("same", " "),
                    LineChange::Removed => ("removed", "-"),
                    LineChange::Added => ("added", "+"),
                };
                DiffView { class, sign, text }
            })
        })
        .collect()
}

#[derive(Template)]
#[template(path = "admin/edit.html")]
pub struct EditPage {
    pub layout: AdminLayout,
    pub action: String,
    pub text: String,
    pub base: i64,
    pub error: Option<String>,
    pub notice: Option<String>,
    /// When someone else saved first: their changes against yours.
    pub conflict: Option<Vec<Option<DiffView>>>,
    pub preview_href: String,
    pub history_href: String,
    pub download_href: String,
    pub bundle_href: String,
    pub publish_action: String,
    pub unpublished: bool,
    /// Where the photo form posts (its token rides in the address: a
    /// multipart body is read by the handler, not the guard).
    /// The Person part, where the photo is chosen.
    pub person_href: String,
    /// The campaign's forms, one per part of the file.
    pub sections: Vec<super::forms::SectionLink>,
}

/// The campaign as the workspace edits it: its newest revision, else the
/// public campaign; with the revision id a save is made from (0: none).
pub(super) async fn current(
    state: &AppState,
    lang: Lang,
    slug: &str,
) -> Result<Option<(Campaign, i64, bool)>, WebError> {
    let head = state
        .store
        .head_revision(slug)
        .await
        .map_err(WebError::store(lang))?;
    let found = match head {
        Some(r) => Some((r.campaign, r.id, r.published_at.is_none())),
        None => state
            .campaign(&state.content(), slug)
            .await
            .map_err(WebError::store(lang))?
            .map(|c| (Campaign::clone(&c), 0, false)),
    };
    let Some((mut campaign, base, unpublished)) = found else {
        return Ok(None);
    };
    keep_recorded_keys(state, &mut campaign)
        .await
        .map_err(WebError::store(lang))?;
    Ok(Some((campaign, base, unpublished)))
}

/// Gives `campaign` the organiser keys recorded for it, in force now,
/// whatever its text lists: keys change only on the keys page (see
/// `campaign::keys`). True when the text listed others.
pub(super) async fn keep_recorded_keys(
    state: &AppState,
    campaign: &mut Campaign,
) -> Result<bool, crate::store::StoreError> {
    let records = state.store.key_records(campaign.slug.as_str()).await?;
    let in_force = Keys(&records).in_force(state.clock.now());
    Ok(keys::set_in_force(campaign, &in_force))
}

pub(super) fn campaign_file(state: &AppState, campaign: &Campaign) -> Result<String, WebError> {
    let registry = &state.content().registry;
    file::to_toml(&file::with_organisations(campaign, registry))
        .map_err(|e| WebError::internal(format!("writing a campaign file: {e}")))
}

#[allow(clippy::too_many_arguments)]
fn edit_page(
    state: &AppState,
    lang: Lang,
    signed: &Signed,
    slug: &str,
    text: String,
    base: i64,
    unpublished: bool,
    error: Option<String>,
    notice: Option<String>,
    conflict: Option<Vec<Option<DiffView>>>,
    status: StatusCode,
) -> Result<Response, WebError> {
    let tr = Tr::new(lang);
    let slug_owned = slug.to_string();
    let page = EditPage {
        layout: AdminLayout::new(
            state,
            lang,
            Some(signed),
            Section::Campaigns,
            tr.args("admin-edit-title", [("slug", arg(slug.to_string()))]),
            |l| paths::edit(l, &slug_owned),
        ),
        action: paths::edit(lang, slug),
        text,
        base,
        error,
        notice,
        conflict,
        preview_href: paths::preview(lang, slug),
        history_href: paths::history(lang, slug),
        download_href: paths::campaign_file(lang, slug),
        bundle_href: paths::campaign_bundle(lang, slug),
        publish_action: paths::publish(lang, slug),
        unpublished,
        person_href: paths::form(lang, slug, "person"),
        sections: super::forms::section_links(&tr, lang, slug, ""),
    };
    render(&page, status)
}

pub(super) fn may_edit(signed: &Signed, lang: Lang, slug: &str) -> Result<(), WebError> {
    if signed.access.may_edit(slug) {
        Ok(())
    } else {
        Err(WebError::forbidden(lang))
    }
}

/// The campaign an account may edit, as `current` gives it; 403 for
/// another's, 404 for none.
pub(super) async fn editable(
    state: &AppState,
    lang: Lang,
    signed: &Signed,
    slug: &str,
) -> Result<(Campaign, i64, bool), WebError> {
    may_edit(signed, lang, slug)?;
    current(state, lang, slug)
        .await?
        .ok_or(WebError::not_found(lang))
}

pub async fn edit(
    State(state): State<Arc<AppState>>,
    AdminLang(lang): AdminLang,
    SignedIn(signed): SignedIn,
    Path(params): Path<SlugParam>,
) -> Result<Response, WebError> {
    let (campaign, base, unpublished) = editable(&state, lang, &signed, &params.slug).await?;
    let photo_waits = state
        .store
        .has_draft_photo(&params.slug)
        .await
        .map_err(WebError::store(lang))?;
    let unpublished = unpublished || photo_waits;
    let text = campaign_file(&state, &campaign)?;
    edit_page(
        &state,
        lang,
        &signed,
        &params.slug,
        text,
        base,
        unpublished,
        None,
        None,
        None,
        StatusCode::OK,
    )
}

#[derive(Deserialize)]
pub struct EditForm {
    #[serde(default)]
    text: String,
    #[serde(default)]
    base: i64,
}

/// The campaign in `text`, or the message saying what is wrong and where.
pub(super) fn parse_campaign(state: &AppState, tr: &Tr, text: &str) -> Result<Campaign, String> {
    let content = state.content();
    let campaign = file::parse(text, "campaign.toml", &|id| content.registry.contains(id))
        .map_err(|e| {
            let place = match (e.line, e.field) {
                (Some(line), Some(field)) => tr.args(
                    "admin-edit-error-at-field",
                    [("line", arg(line.to_string())), ("field", arg(field))],
                ),
                (Some(line), None) => {
                    tr.args("admin-edit-error-at", [("line", arg(line.to_string()))])
                }
                (None, Some(field)) => tr.args("admin-edit-error-field", [("field", arg(field))]),
                (None, None) => String::new(),
            };
            format!("{place} {}", e.message).trim().to_string()
        })?;
    if !state.settings.demo && crate::demo::uses_demo_key(&campaign) {
        return Err(tr.t("admin-edit-demo-key"));
    }
    Ok(campaign)
}

/// What saving a draft came to.
pub(super) struct Draft {
    pub saved: SavedRevision,
    /// The text listed other organiser keys than the recorded ones, which
    /// the draft did not keep.
    pub keys_dropped: bool,
}

impl Draft {
    /// "Saved", and why the keys typed are not there when they were not kept.
    pub fn notice(&self, tr: &Tr, saved: String) -> String {
        if self.keys_dropped {
            format!("{saved} {}", tr.t("admin-keys-not-from-file"))
        } else {
            saved
        }
    }
}

/// Saves `campaign`, with its recorded organiser keys, as a revision made
/// from `parent`, and writes `action` to the audit log when it was saved.
pub(super) async fn save_draft(
    state: &AppState,
    signed: &Signed,
    campaign: &mut Campaign,
    parent: i64,
    action: AuditAction,
    detail: impl Fn(i64) -> String,
) -> Result<Draft, crate::store::StoreError> {
    let keys_dropped = keep_recorded_keys(state, campaign).await?;
    let now = now();
    let author = (signed.account.id, signed.account.login.as_str());
    let saved = state
        .store
        .save_revision(campaign, parent, author, now)
        .await?;
    if let SavedRevision::Saved(id) = saved {
        state
            .accounts
            .audit(
                Some(&signed.account),
                action,
                Some(campaign.slug.as_str()),
                detail(id),
                now,
            )
            .await?;
    }
    Ok(Draft {
        saved,
        keys_dropped,
    })
}

pub async fn save(
    State(state): State<Arc<AppState>>,
    AdminLang(lang): AdminLang,
    SignedIn(signed): SignedIn,
    Path(params): Path<SlugParam>,
    Form(form): Form<EditForm>,
) -> Result<Response, WebError> {
    may_edit(&signed, lang, &params.slug)?;
    let tr = Tr::new(lang);
    let slug = params.slug.as_str();
    let again = |error: Option<String>, conflict, base, status| {
        edit_page(
            &state,
            lang,
            &signed,
            slug,
            form.text.clone(),
            base,
            true,
            error,
            None,
            conflict,
            status,
        )
    };
    let mut campaign = match parse_campaign(&state, &tr, &form.text) {
        Ok(c) if c.slug.as_str() == slug => c,
        Ok(_) => {
            let error = tr.args("admin-edit-slug-changed", [("slug", arg(slug.to_string()))]);
            return again(
                Some(error),
                None,
                form.base,
                StatusCode::UNPROCESSABLE_ENTITY,
            );
        }
        Err(error) => {
            return again(
                Some(error),
                None,
                form.base,
                StatusCode::UNPROCESSABLE_ENTITY,
            );
        }
    };
    let store_err = WebError::store(lang);
    let draft = save_draft(
        &state,
        &signed,
        &mut campaign,
        form.base,
        AuditAction::CampaignSaved,
        |id| format!("#{id}"),
    )
    .await
    .map_err(store_err)?;
    match draft.saved {
        SavedRevision::Saved(id) => {
            let text = campaign_file(&state, &campaign)?;
            edit_page(
                &state,
                lang,
                &signed,
                slug,
                text,
                id,
                true,
                None,
                Some(draft.notice(&tr, tr.t("admin-edit-saved"))),
                None,
                StatusCode::OK,
            )
        }
        SavedRevision::Conflict => {
            let (theirs, head, _) = current(&state, lang, slug)
                .await?
                .ok_or(WebError::not_found(lang))?;
            let theirs = campaign_file(&state, &theirs)?;
            let conflict = diff_view(&theirs, &form.text);
            again(
                Some(tr.t("admin-edit-conflict")),
                Some(conflict),
                head,
                StatusCode::CONFLICT,
            )
        }
    }
}

/// The draft as the public page will show it, at an address only the
/// workspace reaches.
pub async fn preview(
    State(state): State<Arc<AppState>>,
    AdminLang(lang): AdminLang,
    SignedIn(signed): SignedIn,
    Path(params): Path<SlugParam>,
) -> Result<Response, WebError> {
    let (campaign, _, _) = editable(&state, lang, &signed, &params.slug).await?;
    let content = state.content();
    let site = crate::web::site::Site::of_request(&state.sites, &axum::http::HeaderMap::new());
    let mut page =
        crate::web::public::campaign_page::build(&state, &content, &site, &campaign, lang);
    // A photo waiting for publishing is shown from the workspace, as the
    // public page will show it once published.
    let waiting = state
        .store
        .draft_photo(&params.slug)
        .await
        .map_err(WebError::store(lang))?;
    if let Some(photo) = waiting {
        page.photo.src = paths::preview_photo(lang, &params.slug);
        page.photo.width = photo.width;
        page.photo.height = photo.height;
        page.photo.alt = Tr::new(lang).args(
            "photo-alt",
            [("name", arg(campaign.person.name.get(lang).to_string()))],
        );
        page.layout.og_image = None;
    }
    // A draft, said so above the page, with the way back; the language
    // switch stays in the preview (the public page may not exist yet).
    let tr = Tr::new(lang);
    page.layout.preview = Some(crate::web::layout::PreviewBanner {
        text: tr.t("admin-preview-banner"),
        back_href: paths::edit(lang, &params.slug),
        back_label: tr.t("admin-preview-back"),
    });
    for alternate in &mut page.layout.alternates {
        if let Ok(l) = alternate.lang.parse::<Lang>() {
            alternate.path = paths::preview(l, &params.slug);
        }
    }
    let page = crate::web::layout::html_page(&page, lang)?;
    let mut response = page.respond(&axum::http::HeaderMap::new());
    response
        .headers_mut()
        .insert("x-robots-tag", HeaderValue::from_static("noindex"));
    Ok(response)
}

/// The photo waiting to be published, for the preview.
pub async fn preview_photo(
    State(state): State<Arc<AppState>>,
    AdminLang(lang): AdminLang,
    SignedIn(signed): SignedIn,
    Path(params): Path<SlugParam>,
) -> Result<Response, WebError> {
    may_edit(&signed, lang, &params.slug)?;
    let photo = state
        .store
        .draft_photo(&params.slug)
        .await
        .map_err(WebError::store(lang))?
        .ok_or(WebError::not_found(lang))?;
    Ok(([(header::CONTENT_TYPE, "image/jpeg")], photo.jpeg).into_response())
}

#[derive(Deserialize, Default)]
pub struct PublishForm {
    /// `yes` once the editor has seen what publishing changes.
    #[serde(default)]
    confirm: String,
}

#[derive(Template)]
#[template(path = "admin/publish.html")]
pub struct PublishPage {
    pub layout: AdminLayout,
    pub action: String,
    pub back_href: String,
    /// The parts that change, in the forms' words.
    pub parts: Vec<String>,
}

/// Asks before publishing, naming what changes on the public page.
async fn confirm_publishing(
    state: &AppState,
    lang: Lang,
    signed: &Signed,
    slug: &str,
    draft: &Campaign,
) -> Result<Response, WebError> {
    let tr = Tr::new(lang);
    let public = state
        .campaign(&state.content(), slug)
        .await
        .map_err(WebError::store(lang))?;
    let mut parts: Vec<String> = match public.as_deref() {
        Some(public) => crate::campaign::fields::changed_sections(public, draft)
            .into_iter()
            .map(|id| tr.t(&format!("form-section-{id}")))
            .collect(),
        None => vec![tr.t("admin-publish-first-time")],
    };
    let photo_waits = state
        .store
        .has_draft_photo(slug)
        .await
        .map_err(WebError::store(lang))?;
    if photo_waits {
        parts.push(tr.t("admin-publish-photo"));
    }
    let name = draft.person.name.get(lang).to_string();
    let slug_owned = slug.to_string();
    let page = PublishPage {
        layout: AdminLayout::new(
            state,
            lang,
            Some(signed),
            Section::Campaigns,
            tr.args("admin-publish-title", [("name", arg(name))]),
            |l| paths::edit(l, &slug_owned),
        ),
        action: paths::publish(lang, slug),
        back_href: paths::edit(lang, slug),
        parts,
    };
    render(&page, StatusCode::OK)
}

pub async fn publish(
    State(state): State<Arc<AppState>>,
    AdminLang(lang): AdminLang,
    SignedIn(signed): SignedIn,
    Path(params): Path<SlugParam>,
    Form(form): Form<PublishForm>,
) -> Result<Response, WebError> {
    may_edit(&signed, lang, &params.slug)?;
    let store_err = WebError::store(lang);
    let head = state
        .store
        .head_revision(&params.slug)
        .await
        .map_err(store_err)?;
    let (id, mut campaign) = match head {
        Some(Revision { id, campaign, .. }) => (Some(id), campaign),
        // No revision: the public campaign, perhaps with a new photo.
        None => (
            None,
            (*state
                .campaign_or_404(&state.content(), &params.slug, lang)
                .await?)
                .clone(),
        ),
    };
    // Publishing never changes keys (see `campaign::keys`), and a petition
    // cannot take signatures without one.
    keep_recorded_keys(&state, &mut campaign)
        .await
        .map_err(store_err)?;
    // Refused: the whole-file page says why, the text as it is.
    let tr = Tr::new(lang);
    let refuse = |why: String| {
        edit_page(
            &state,
            lang,
            &signed,
            &params.slug,
            campaign_file(&state, &campaign)?,
            id.unwrap_or(0),
            true,
            Some(why),
            None,
            None,
            StatusCode::UNPROCESSABLE_ENTITY,
        )
    };
    if !campaign.petitions.is_empty() && campaign.organiser_keys().is_empty() {
        return refuse(tr.t("admin-publish-needs-key"));
    }
    // A new campaign's samples are not facts: name each still there.
    let unfilled = starter::unfilled(&campaign);
    if !unfilled.is_empty() {
        let fields = unfilled
            .iter()
            .map(|name| super::forms::section_and_field(&tr, name))
            .collect::<Vec<_>>()
            .join("; ");
        return refuse(tr.args("admin-publish-unfilled", [("fields", arg(fields))]));
    }
    if form.confirm != "yes" {
        return confirm_publishing(&state, lang, &signed, &params.slug, &campaign).await;
    }
    // "Last updated" follows publishing.
    campaign.updated = state.clock.today();
    let now = now();
    let photo = state
        .store
        .draft_photo(&params.slug)
        .await
        .map_err(store_err)?;
    let change = photo.as_ref().map_or(PhotoChange::Keep, PhotoChange::Set);
    state
        .store
        .save_campaign(&campaign, change, SaveMode::Replace)
        .await
        .map_err(store_err)?;
    if photo.is_some() {
        state
            .store
            .drop_draft_photo(&params.slug)
            .await
            .map_err(store_err)?;
    }
    if let Some(id) = id {
        state
            .store
            .mark_published(id, now)
            .await
            .map_err(store_err)?;
    }
    state.reload().await.map_err(store_err)?;
    state
        .accounts
        .audit(
            Some(&signed.account),
            AuditAction::CampaignPublished,
            Some(&params.slug),
            id.map(|id| format!("#{id}")).unwrap_or_default(),
            now,
        )
        .await
        .map_err(store_err)?;
    Ok(Redirect::to(&format!(
        "{}?published={now}",
        paths::campaign(lang, &params.slug)
    ))
    .into_response())
}

/// A new photo, from a multipart form: re-encoded at once (so no metadata
/// of the original is ever stored), kept until publishing.
pub async fn upload_photo(
    State(state): State<Arc<AppState>>,
    AdminLang(lang): AdminLang,
    SignedIn(signed): SignedIn,
    Path(params): Path<SlugParam>,
    multipart: Result<Multipart, MultipartRejection>,
) -> Result<Response, WebError> {
    editable(&state, lang, &signed, &params.slug).await?;
    let tr = Tr::new(lang);
    // The Person part, where the photo is chosen, answers.
    let again = |error: String| {
        super::forms::person_after_photo(
            &state,
            lang,
            &signed,
            &params.slug,
            Err(error),
            StatusCode::UNPROCESSABLE_ENTITY,
        )
    };
    let bytes = match file_field(multipart, "photo").await {
        Upload::File(bytes) => bytes,
        Upload::Missing => return again(tr.t("admin-photo-missing")).await,
        Upload::TooLarge => return again(tr.t("admin-photo-too-large")).await,
    };
    let prepared = tokio::task::spawn_blocking(move || crate::campaign::photo::prepare(&bytes))
        .await
        .map_err(|e| WebError::internal(format!("photo preparation stopped: {e}")))?;
    let photo = match prepared {
        Ok(photo) => photo,
        Err(PhotoError::TooLarge) => return again(tr.t("admin-photo-too-large")).await,
        Err(PhotoError::TooManyPixels) => {
            return again(tr.t("admin-photo-too-many-pixels")).await;
        }
        Err(PhotoError::Unreadable(_)) => return again(tr.t("admin-photo-unreadable")).await,
    };
    let now = now();
    let store_err = WebError::store(lang);
    state
        .store
        .save_draft_photo(&params.slug, &photo, now)
        .await
        .map_err(store_err)?;
    state
        .accounts
        .audit(
            Some(&signed.account),
            AuditAction::PhotoUploaded,
            Some(&params.slug),
            format!("{}×{}", photo.width, photo.height),
            now,
        )
        .await
        .map_err(store_err)?;
    super::forms::person_after_photo(
        &state,
        lang,
        &signed,
        &params.slug,
        Ok(tr.t("admin-photo-uploaded")),
        StatusCode::OK,
    )
    .await
}

/// What an upload form brought in its file field.
pub(super) enum Upload {
    File(Vec<u8>),
    /// No file, an empty one, or a body that is no multipart form.
    Missing,
    /// Longer than the route's limit: read no further.
    TooLarge,
}

/// The bytes of a multipart form's field `name`.
pub(super) async fn file_field(
    multipart: Result<Multipart, MultipartRejection>,
    name: &str,
) -> Upload {
    file_with_fields(multipart, name).await.1
}

/// The text fields that come before the file field `name` in a multipart
/// form (a number naming what the file is for, say), and the file.
pub(super) async fn file_with_fields(
    multipart: Result<Multipart, MultipartRejection>,
    name: &str,
) -> (Vec<(String, String)>, Upload) {
    let too_large = |status: StatusCode| status == StatusCode::PAYLOAD_TOO_LARGE;
    let mut fields = Vec::new();
    let mut multipart = match multipart {
        Ok(m) => m,
        Err(e) if too_large(e.status()) => return (fields, Upload::TooLarge),
        Err(_) => return (fields, Upload::Missing),
    };
    loop {
        let upload = match multipart.next_field().await {
            Ok(Some(field)) if field.name() == Some(name) => match field.bytes().await {
                Ok(bytes) if bytes.is_empty() => Upload::Missing,
                Ok(bytes) => Upload::File(bytes.to_vec()),
                Err(e) if too_large(e.status()) => Upload::TooLarge,
                Err(_) => Upload::Missing,
            },
            Ok(Some(field)) => {
                let key = field.name().unwrap_or_default().to_string();
                if let Ok(text) = field.text().await {
                    fields.push((key, text));
                }
                continue;
            }
            Ok(None) => Upload::Missing,
            Err(e) if too_large(e.status()) => Upload::TooLarge,
            Err(_) => Upload::Missing,
        };
        return (fields, upload);
    }
}

pub async fn download(
    State(state): State<Arc<AppState>>,
    AdminLang(lang): AdminLang,
    SignedIn(signed): SignedIn,
    Path(params): Path<SlugParam>,
) -> Result<Response, WebError> {
    let (campaign, _, _) = editable(&state, lang, &signed, &params.slug).await?;
    let text = campaign_file(&state, &campaign)?;
    Ok(attachment(
        "application/toml; charset=utf-8",
        &format!("{}.toml", params.slug),
        text,
    ))
}

/// The campaign file and its photo in one zip: `SLUG/campaign.toml` and
/// `SLUG/photo.jpg`, as `svoboda campaign import SLUG/campaign.toml` reads
/// them. The photo is the one waiting to be published, else the public one.
pub async fn download_bundle(
    State(state): State<Arc<AppState>>,
    AdminLang(lang): AdminLang,
    SignedIn(signed): SignedIn,
    Path(params): Path<SlugParam>,
) -> Result<Response, WebError> {
    let (mut campaign, _, _) = editable(&state, lang, &signed, &params.slug).await?;
    let store_err = WebError::store(lang);
    let photo = match state
        .store
        .draft_photo(&params.slug)
        .await
        .map_err(store_err)?
    {
        Some(photo) => Some(photo),
        None => state.store.photo(&params.slug).await.map_err(store_err)?,
    };
    campaign.person.photo = photo.as_ref().map(|_| "photo.jpg".to_string());
    let text = campaign_file(&state, &campaign)?;
    let slug = params.slug.clone();
    let bytes = tokio::task::spawn_blocking(move || bundle(&slug, &text, photo.as_ref()))
        .await
        .map_err(|e| WebError::internal(format!("zipping stopped: {e}")))?
        .map_err(|e| WebError::internal(format!("zipping the campaign: {e}")))?;
    Ok(attachment(
        "application/zip",
        &format!("{}.zip", params.slug),
        bytes,
    ))
}

fn bundle(
    slug: &str,
    text: &str,
    photo: Option<&crate::campaign::photo::Photo>,
) -> zip::result::ZipResult<Vec<u8>> {
    use std::io::Write;
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Stored)
        .unix_permissions(0o644);
    zip.start_file(format!("{slug}/campaign.toml"), options)?;
    zip.write_all(text.as_bytes())?;
    if let Some(photo) = photo {
        zip.start_file(format!("{slug}/photo.jpg"), options)?;
        zip.write_all(&photo.jpeg)?;
    }
    Ok(zip.finish()?.into_inner())
}

pub struct RevisionLine {
    pub id: i64,
    pub when: String,
    pub who: String,
    /// What it changed from the revision before, in the forms' words.
    pub parts: String,
    pub published: bool,
    pub restore_action: String,
    pub from_checked: bool,
    pub to_checked: bool,
}

#[derive(Template)]
#[template(path = "admin/history.html")]
pub struct HistoryPage {
    pub layout: AdminLayout,
    pub action: String,
    pub revisions: Vec<RevisionLine>,
    pub diff: Option<Vec<Option<DiffView>>>,
    /// The same difference, field by field, as the forms name them.
    pub changes: Vec<ChangeLine>,
    pub edit_href: String,
}

pub struct ChangeLine {
    pub field: String,
    pub before: String,
    pub after: String,
}

/// "Person: Summary (English)", "Timeline 3, Date": a changed field as the
/// forms name it.
fn change_label(tr: &Tr, name: &str) -> String {
    let (field, lang) = match name.rsplit_once('.') {
        Some((rest, code)) => match code.parse::<Lang>() {
            Ok(lang) => (rest, Some(lang)),
            Err(_) => (name, None),
        },
        None => (name, None),
    };
    let label = super::forms::section_and_field(tr, field);
    match lang {
        Some(lang) => format!("{label} ({})", lang.native_name()),
        None => label,
    }
}

#[derive(Deserialize, Default)]
pub struct HistoryQuery {
    #[serde(default)]
    from: Option<i64>,
    #[serde(default)]
    to: Option<i64>,
}

pub async fn history(
    State(state): State<Arc<AppState>>,
    AdminLang(lang): AdminLang,
    SignedIn(signed): SignedIn,
    Path(params): Path<SlugParam>,
    Query(query): Query<HistoryQuery>,
) -> Result<Response, WebError> {
    may_edit(&signed, lang, &params.slug)?;
    let tr = Tr::new(lang);
    let slug = params.slug.as_str();
    let revisions = state
        .store
        .revisions(slug)
        .await
        .map_err(WebError::store(lang))?;
    let to = query.to.or(revisions.first().map(|r| r.id));
    let from = query.from.or(revisions.get(1).map(|r| r.id));
    let find = |id: Option<i64>| id.and_then(|id| revisions.iter().find(|r| r.id == id));
    let (diff, changes) = match (find(from), find(to)) {
        (Some(a), Some(b)) => (
            Some(diff_view(
                &campaign_file(&state, &a.campaign)?,
                &campaign_file(&state, &b.campaign)?,
            )),
            crate::campaign::fields::changed_fields(&a.campaign, &b.campaign)
                .into_iter()
                .map(|c| ChangeLine {
                    field: change_label(&tr, &c.name),
                    before: c.before,
                    after: c.after,
                })
                .collect(),
        ),
        _ => (None, Vec::new()),
    };
    let changed = |i: usize| -> String {
        let Some(older) = revisions.get(i + 1) else {
            return tr.t("admin-history-first");
        };
        let parts: Vec<String> =
            crate::campaign::fields::changed_sections(&older.campaign, &revisions[i].campaign)
                .into_iter()
                .map(|id| tr.t(&format!("form-section-{id}")))
                .collect();
        if parts.is_empty() {
            "—".to_string()
        } else {
            parts.join(", ")
        }
    };
    let lines = revisions
        .iter()
        .enumerate()
        .map(|(i, r)| RevisionLine {
            parts: changed(i),
            id: r.id,
            when: chrono::DateTime::from_timestamp(r.created_at, 0)
                .map(|t| t.format("%Y-%m-%d %H:%M UTC").to_string())
                .unwrap_or_default(),
            who: r.author_login.clone().unwrap_or_else(|| "—".into()),
            published: r.published_at.is_some(),
            restore_action: format!("{}/{}/restore", paths::history(lang, slug), r.id),
            from_checked: Some(r.id) == from,
            to_checked: Some(r.id) == to,
        })
        .collect();
    let slug_owned = slug.to_string();
    let page = HistoryPage {
        layout: AdminLayout::new(
            &state,
            lang,
            Some(&signed),
            Section::Campaigns,
            tr.args("admin-history-title", [("slug", arg(slug.to_string()))]),
            |l| paths::history(l, &slug_owned),
        ),
        action: paths::history(lang, slug),
        revisions: lines,
        diff,
        changes,
        edit_href: paths::edit(lang, slug),
    };
    render(&page, StatusCode::OK)
}

#[derive(Deserialize)]
pub struct RestoreParams {
    slug: String,
    id: i64,
}

/// Makes an old revision the draft again (as a new revision: history
/// only grows).
pub async fn restore(
    State(state): State<Arc<AppState>>,
    AdminLang(lang): AdminLang,
    SignedIn(signed): SignedIn,
    Path(params): Path<RestoreParams>,
) -> Result<Response, WebError> {
    may_edit(&signed, lang, &params.slug)?;
    let tr = Tr::new(lang);
    let store_err = WebError::store(lang);
    let mut old = state
        .store
        .revision(&params.slug, params.id)
        .await
        .map_err(store_err)?
        .ok_or(WebError::not_found(lang))?;
    let (_, head, _) = current(&state, lang, &params.slug)
        .await?
        .ok_or(WebError::not_found(lang))?;
    let restored = params.id;
    let draft = save_draft(
        &state,
        &signed,
        &mut old.campaign,
        head,
        AuditAction::CampaignRestored,
        |id| format!("#{restored} → #{id}"),
    )
    .await
    .map_err(store_err)?;
    let text = campaign_file(&state, &old.campaign)?;
    match draft.saved {
        SavedRevision::Saved(id) => edit_page(
            &state,
            lang,
            &signed,
            &params.slug,
            text,
            id,
            true,
            None,
            Some(draft.notice(
                &tr,
                tr.args("admin-edit-restored", [("id", arg(params.id.to_string()))]),
            )),
            None,
            StatusCode::OK,
        ),
        SavedRevision::Conflict => {
            Ok(Redirect::to(&paths::history(lang, &params.slug)).into_response())
        }
    }
}
