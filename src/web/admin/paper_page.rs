//! Signatures collected on paper (editors): a petition's entries with their
//! history, a form that adds one, and a correction for each entry that
//! counts. A correction replaces an entry with a reason; both stay listed
//! and both are audited, so no count ever changes silently.

use std::sync::Arc;

use askama::Template;
use axum::Form;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;

use super::context::{AdminLang, SignedIn, now};
use super::editing::may_edit;
use super::layout::{AdminLayout, Section, render};
use super::paths;
use crate::account::AuditAction;
use crate::campaign::Lang;
use crate::i18n::{Tr, arg};
use crate::petition::paper::{PaperEntry, PaperProblem, read_addition, read_correction};
use crate::store::paper::Corrected;
use crate::web::AppState;
use crate::web::error::WebError;

#[derive(Deserialize)]
pub struct PaperParams {
    slug: String,
    petition: String,
}

#[derive(Deserialize)]
pub struct EntryParams {
    slug: String,
    petition: String,
    id: i64,
}

#[derive(Debug, Default, Deserialize)]
pub struct PaperForm {
    #[serde(default)]
    pub count: String,
    #[serde(default)]
    pub collected_on: String,
    #[serde(default)]
    pub note: String,
    #[serde(default)]
    pub reason: String,
}

pub struct EntryLine {
    pub number: i64,
    /// "No 3: 80"
    pub heading: String,
    pub count: i64,
    pub collected_on: String,
    pub iso_date: String,
    pub note: String,
    /// "alice, 2026-03-08 14:00 UTC"
    pub added: String,
    /// "corrects No 2: counted twice"
    pub corrects: Option<String>,
    /// "replaced by No 4": struck out, it no longer counts.
    pub replaced: Option<String>,
    pub correct_action: Option<String>,
}

#[derive(Template)]
#[template(path = "admin/paper.html")]
pub struct PaperPage {
    pub layout: AdminLayout,
    pub campaign_href: String,
    pub summary: String,
    pub entries: Vec<EntryLine>,
    pub action: String,
    pub form: PaperForm,
    pub today: String,
    /// The entry whose correction failed, and why; or the new entry's problem.
    pub problem: Option<(Option<i64>, String)>,
}

#[allow(clippy::too_many_arguments)]
async fn page(
    state: &AppState,
    lang: Lang,
    signed: &SignedIn,
    params: &PaperParams,
    form: PaperForm,
    problem: Option<(Option<i64>, &str)>,
    status: StatusCode,
) -> Result<Response, WebError> {
    let tr = Tr::new(lang);
    let content = state.content();
    let campaign = state.campaign_or_404(&content, &params.slug, lang).await?;
    let petition = campaign
        .petition(&params.petition)
        .ok_or(WebError::not_found(lang))?;
    let row = content
        .petition_row(&params.slug, &params.petition)
        .ok_or(WebError::not_found(lang))?;
    let entries = state
        .store
        .paper_entries(&params.slug, &params.petition)
        .await
        .map_err(WebError::store(lang))?;
    let tally = state.tally(row);
    let title = tr.args(
        "admin-paper-title",
        [("petition", arg(petition.title.get(lang).to_string()))],
    );
    let page = PaperPage {
        layout: AdminLayout::new(
            state,
            lang,
            Some(&signed.0),
            Section::Campaigns,
            title,
            |l| paths::paper(l, &params.slug, &params.petition),
        ),
        campaign_href: paths::campaign(lang, &params.slug),
        summary: crate::web::public::petition_page::count_text(&tr, tally),
        entries: entries
            .iter()
            .rev()
            .map(|e| entry_line(&tr, lang, params, e))
            .collect(),
        action: paths::paper(lang, &params.slug, &params.petition),
        form,
        today: state.clock.today().format("%Y-%m-%d").to_string(),
        problem: problem.map(|(id, key)| (id, tr.t(key))),
    };
    render(&page, status)
}

fn entry_line(tr: &Tr, lang: Lang, params: &PaperParams, e: &PaperEntry) -> EntryLine {
    let at = chrono::DateTime::from_timestamp(e.added_at, 0)
        .map(|t| tr.date_time(t.date_naive(), Some(t.time())))
        .unwrap_or_default();
    EntryLine {
        number: e.id,
        heading: tr.args(
            "admin-paper-entry",
            [
                ("number", arg(e.id.to_string())),
                ("count", fluent_bundle::FluentValue::from(e.count)),
            ],
        ),
        count: e.count,
        collected_on: tr.date(e.collected_on),
        iso_date: e.collected_on.format("%Y-%m-%d").to_string(),
        note: e.note.clone(),
        added: format!("{}, {at}", e.added_by),
        corrects: e.replaces.map(|old| {
            tr.args(
                "admin-paper-corrects",
                [
                    ("number", arg(old.to_string())),
                    ("reason", arg(e.reason.clone())),
                ],
            )
        }),
        replaced: e
            .replaced_by
            .map(|new| tr.args("admin-paper-replaced", [("number", arg(new.to_string()))])),
        correct_action: e
            .counts()
            .then(|| paths::paper_correct(lang, &params.slug, &params.petition, e.id)),
    }
}

pub async fn show(
    State(state): State<Arc<AppState>>,
    AdminLang(lang): AdminLang,
    signed: SignedIn,
    Path(params): Path<PaperParams>,
) -> Result<Response, WebError> {
    may_edit(&signed.0, lang, &params.slug)?;
    page(
        &state,
        lang,
        &signed,
        &params,
        PaperForm::default(),
        None,
        StatusCode::OK,
    )
    .await
}

pub async fn add(
    State(state): State<Arc<AppState>>,
    AdminLang(lang): AdminLang,
    signed: SignedIn,
    Path(params): Path<PaperParams>,
    Form(form): Form<PaperForm>,
) -> Result<Response, WebError> {
    may_edit(&signed.0, lang, &params.slug)?;
    let today = state.clock.today();
    let input = match read_addition(&form.count, &form.collected_on, &form.note, today) {
        Ok(input) => input,
        Err(problem) => return refused(&state, lang, &signed, &params, form, None, problem).await,
    };
    let account = &signed.0.account;
    let added = state
        .store
        .add_paper(
            &params.slug,
            &params.petition,
            &input,
            account.login.as_str(),
            now(),
        )
        .await
        .map_err(WebError::store(lang))?;
    let Some(id) = added else {
        return Err(WebError::not_found(lang));
    };
    signed
        .audit(
            &state,
            lang,
            AuditAction::PaperAdded,
            &params.slug,
            format!(
                "{}: #{id} +{} ({})",
                params.petition,
                input.count,
                input.collected_on.format("%Y-%m-%d")
            ),
        )
        .await?;
    done(&state, lang, &params).await
}

pub async fn correct(
    State(state): State<Arc<AppState>>,
    AdminLang(lang): AdminLang,
    signed: SignedIn,
    Path(entry): Path<EntryParams>,
    Form(form): Form<PaperForm>,
) -> Result<Response, WebError> {
    let params = PaperParams {
        slug: entry.slug,
        petition: entry.petition,
    };
    may_edit(&signed.0, lang, &params.slug)?;
    let today = state.clock.today();
    let correction = match read_correction(
        &form.count,
        &form.collected_on,
        &form.note,
        &form.reason,
        today,
    ) {
        Ok(read) => read,
        Err(problem) => {
            return refused(
                &state,
                lang,
                &signed,
                &params,
                form,
                Some(entry.id),
                problem,
            )
            .await;
        }
    };
    let account = &signed.0.account;
    let corrected = state
        .store
        .correct_paper(
            &params.slug,
            &params.petition,
            entry.id,
            &correction,
            account.login.as_str(),
            now(),
        )
        .await
        .map_err(WebError::store(lang))?;
    let (was, new_id) = match corrected {
        Corrected::Done { was, id } => (was, id),
        Corrected::NotFound => return Err(WebError::not_found(lang)),
        Corrected::AlreadyCorrected => {
            return page(
                &state,
                lang,
                &signed,
                &params,
                PaperForm::default(),
                Some((Some(entry.id), "admin-paper-already-corrected")),
                StatusCode::CONFLICT,
            )
            .await;
        }
    };
    signed
        .audit(
            &state,
            lang,
            AuditAction::PaperCorrected,
            &params.slug,
            format!(
                "{}: #{} {was} → #{new_id} {}: {}",
                params.petition, entry.id, correction.input.count, correction.reason
            ),
        )
        .await?;
    done(&state, lang, &params).await
}

async fn refused(
    state: &AppState,
    lang: Lang,
    signed: &SignedIn,
    params: &PaperParams,
    form: PaperForm,
    entry: Option<i64>,
    problem: PaperProblem,
) -> Result<Response, WebError> {
    page(
        state,
        lang,
        signed,
        params,
        form,
        Some((entry, problem.key())),
        StatusCode::UNPROCESSABLE_ENTITY,
    )
    .await
}

/// Public pages show the change at once; the editor sees the list again.
async fn done(state: &AppState, lang: Lang, params: &PaperParams) -> Result<Response, WebError> {
    state.reload().await.map_err(WebError::store(lang))?;
    Ok(Redirect::to(&paths::paper(lang, &params.slug, &params.petition)).into_response())
}
