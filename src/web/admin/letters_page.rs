//! A campaign's letters, for its letters volunteers (and owners; not its
//! editors or delivery people): the list by number and state, the sealed
//! export of the letters waiting, marks (sent, or not passed on with the
//! reason the writer will read), and replies: a photo or scan, cleaned as
//! every upload is and sealed so that only the writer's receipt opens it.
//! The server sees the letters' numbers and states, never what they say.

use std::sync::Arc;

use askama::Template;
use axum::Form;
use axum::extract::multipart::MultipartRejection;
use axum::extract::{Multipart, Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use serde::Deserialize;

use super::context::{AdminLang, SignedIn, now};
use super::deliver_page::ScriptMessage;
use super::download::attachment;
use super::editing::{Upload, file_with_fields};
use super::layout::{AdminLayout, Section, render, render_with_scripts};
use super::paths;
use crate::account::AuditAction;
use crate::campaign::Lang;
use crate::campaign::photo::PhotoError;
use crate::i18n::{Tr, arg};
use crate::letters::export::{self, Recipient};
use crate::letters::letter::{LetterState, Mark, MarkProblem};
use crate::letters::receipt::seal_reply;
use crate::petition::service::to_the_hour;
use crate::store::letters::Marked;
use crate::web::AppState;
use crate::web::error::WebError;

/// Letters the list shows; older ones are still counted and exported.
const LISTED: i64 = 500;
/// A reply scan's longest side: handwriting stays readable.
const REPLY_SIDE: u32 = 2000;

#[derive(Deserialize)]
pub struct SlugParams {
    slug: String,
}

#[derive(Deserialize)]
pub struct ExportParams {
    slug: String,
    which: String,
}

#[derive(Debug, Default, Deserialize)]
pub struct MarkForm {
    #[serde(default)]
    pub number: String,
    /// "sent" or "not-forwarded".
    #[serde(default)]
    pub outcome: String,
    #[serde(default)]
    pub reason: String,
}

pub struct LetterLine {
    pub number: i64,
    pub received: String,
    pub state: String,
    pub reason: Option<String>,
    pub replies: i64,
    pub deleted: bool,
    pub exported: bool,
}

#[derive(Template)]
#[template(path = "admin/letters.html")]
pub struct LettersPage {
    pub layout: AdminLayout,
    pub campaign_href: String,
    /// The campaign does not take letters through it: the page says so.
    pub not_forwarding: bool,
    pub waiting: String,
    pub new_href: String,
    pub all_href: String,
    pub open_href: String,
    pub command: String,
    pub letters: Vec<LetterLine>,
    pub mark_action: String,
    pub reply_action: String,
    pub form: MarkForm,
    pub done: Option<String>,
    pub problem: Option<String>,
    /// Which form the problem is about: "mark" or "reply".
    pub problem_at: &'static str,
}

/// Letters volunteers and owners only.
fn may_handle(signed: &SignedIn, lang: Lang, slug: &str) -> Result<(), WebError> {
    if signed.0.access.may_handle_letters(slug) {
        Ok(())
    } else {
        Err(WebError::forbidden(lang))
    }
}

/// What the page answers after a form, besides the list.
#[derive(Default)]
struct Outcome {
    form: MarkForm,
    done: Option<String>,
    problem: Option<(&'static str, String)>,
}

impl Outcome {
    /// `text` said of the form `at` ("mark" or "reply"), with what was typed.
    fn refusal(at: &'static str, text: String, form: MarkForm) -> Outcome {
        Outcome {
            form,
            done: None,
            problem: Some((at, text)),
        }
    }
}

async fn page(
    state: &AppState,
    lang: Lang,
    signed: &SignedIn,
    slug: &str,
    outcome: Outcome,
    status: StatusCode,
) -> Result<Response, WebError> {
    let tr = Tr::new(lang);
    let content = state.content();
    let campaign = state.campaign_or_404(&content, slug, lang).await?;
    let rows = state
        .store
        .letters_of(slug, LISTED)
        .await
        .map_err(WebError::store(lang))?;
    let waiting = rows
        .iter()
        .filter(|r| r.state == LetterState::Received && !r.deleted)
        .count();
    let new = rows
        .iter()
        .filter(|r| r.state == LetterState::Received && !r.deleted && !r.exported)
        .count();
    let title = tr.args(
        "admin-letters-title",
        [("name", arg(campaign.person.name.get(lang)))],
    );
    let date = |ts: i64| {
        chrono::DateTime::from_timestamp(ts, 0)
            .map(|t| tr.date_time(t.date_naive(), Some(t.time())))
            .unwrap_or_default()
    };
    let (problem_at, problem) = match outcome.problem {
        Some((at, text)) => (at, Some(text)),
        None => ("", None),
    };
    let page = LettersPage {
        layout: AdminLayout::new(
            state,
            lang,
            Some(&signed.0),
            Section::Campaigns,
            title,
            |l| paths::letters(l, slug),
        ),
        campaign_href: paths::campaign(lang, slug),
        not_forwarding: !campaign.help.letters.as_ref().is_some_and(|l| l.forward),
        waiting: tr.args(
            "admin-letters-waiting",
            [
                ("count", fluent_bundle::FluentValue::from(waiting)),
                ("new", fluent_bundle::FluentValue::from(new)),
            ],
        ),
        new_href: paths::letters_export(lang, slug, false),
        all_href: paths::letters_export(lang, slug, true),
        open_href: paths::letters_open(lang, slug),
        command: format!("svoboda letters pdf --identity KEY.txt {slug}-letters.txt > letters.pdf"),
        letters: rows
            .iter()
            .map(|r| {
                let (state, reason) = match &r.state {
                    LetterState::Received => (tr.t("admin-letters-state-received"), None),
                    LetterState::Sent { on } => (
                        tr.args("admin-letters-state-sent", [("date", arg(tr.date(*on)))]),
                        None,
                    ),
                    LetterState::NotForwarded { reason } => (
                        tr.t("admin-letters-state-not-forwarded"),
                        Some(reason.clone()),
                    ),
                };
                LetterLine {
                    number: r.number,
                    received: date(r.received_at),
                    state,
                    reason,
                    replies: r.replies,
                    deleted: r.deleted,
                    exported: r.exported,
                }
            })
            .collect(),
        mark_action: format!("{}/mark", paths::letters(lang, slug)),
        reply_action: format!(
            "{}/reply?csrf={}",
            paths::letters(lang, slug),
            signed.0.session.csrf
        ),
        form: outcome.form,
        done: outcome.done,
        problem,
        problem_at,
    };
    render(&page, status)
}

pub async fn show(
    State(state): State<Arc<AppState>>,
    AdminLang(lang): AdminLang,
    signed: SignedIn,
    Path(params): Path<SlugParams>,
) -> Result<Response, WebError> {
    may_handle(&signed, lang, &params.slug)?;
    page(
        &state,
        lang,
        &signed,
        &params.slug,
        Outcome::default(),
        StatusCode::OK,
    )
    .await
}

/// The sealed export: the same file `svoboda letters pdf` and the
/// browser page open. Downloading marks the letters downloaded.
pub async fn download(
    State(state): State<Arc<AppState>>,
    AdminLang(lang): AdminLang,
    signed: SignedIn,
    Path(params): Path<ExportParams>,
) -> Result<Response, WebError> {
    may_handle(&signed, lang, &params.slug)?;
    let only_new = match params.which.as_str() {
        "new" => true,
        "all" => false,
        _ => return Err(WebError::not_found(lang)),
    };
    let content = state.content();
    let campaign = state.campaign_or_404(&content, &params.slug, lang).await?;
    let to = Recipient::of(&campaign, &Lang::known()).unwrap_or_default();
    let letters = state
        .store
        .letters_for_export(&params.slug, only_new)
        .await
        .map_err(WebError::store(lang))?;
    signed
        .audit(
            &state,
            lang,
            AuditAction::LettersDownloaded,
            &params.slug,
            format!("{} ({})", letters.len(), params.which),
        )
        .await?;
    let mut text = export::header(&params.slug, &to);
    for letter in &letters {
        text.push_str(&export::line(letter));
    }
    let day = state.clock.today().format("%Y-%m-%d");
    Ok(attachment(
        "text/plain; charset=utf-8",
        &format!("{}-letters-{day}.txt", params.slug),
        text,
    ))
}

pub async fn mark(
    State(state): State<Arc<AppState>>,
    AdminLang(lang): AdminLang,
    signed: SignedIn,
    Path(params): Path<SlugParams>,
    Form(form): Form<MarkForm>,
) -> Result<Response, WebError> {
    may_handle(&signed, lang, &params.slug)?;
    let tr = Tr::new(lang);
    let not_forwarded = form.outcome == "not-forwarded";
    let (number, mark) = match Mark::read(&form.number, not_forwarded, &form.reason) {
        Ok(read) => read,
        Err(problem) => {
            let key = match problem {
                MarkProblem::NoNumber => "admin-letters-no-number",
                MarkProblem::NoReason => "admin-letters-no-reason",
                MarkProblem::ReasonTooLong => "admin-letters-reason-too-long",
            };
            let outcome = Outcome::refusal("mark", tr.t(key), form);
            return page(
                &state,
                lang,
                &signed,
                &params.slug,
                outcome,
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await;
        }
    };
    let marked = state
        .store
        .mark_letter(&params.slug, number, &mark, to_the_hour(now()))
        .await
        .map_err(WebError::store(lang))?;
    if marked == Marked::NotFound {
        let outcome = Outcome::refusal("mark", no_such_letter(&tr, number), form);
        return page(
            &state,
            lang,
            &signed,
            &params.slug,
            outcome,
            StatusCode::NOT_FOUND,
        )
        .await;
    }
    let (detail, done_key) = match &mark {
        Mark::Sent => (format!("No {number}: sent"), "admin-letters-marked-sent"),
        Mark::NotForwarded { .. } => (
            format!("No {number}: not passed on"),
            "admin-letters-marked-not-forwarded",
        ),
    };
    signed
        .audit(
            &state,
            lang,
            AuditAction::LetterMarked,
            &params.slug,
            detail,
        )
        .await?;
    let outcome = Outcome {
        done: Some(tr.args(done_key, [("number", arg(number.to_string()))])),
        ..Outcome::default()
    };
    page(&state, lang, &signed, &params.slug, outcome, StatusCode::OK).await
}

fn no_such_letter(tr: &Tr, number: i64) -> String {
    tr.args(
        "admin-letters-no-such",
        [("number", arg(number.to_string()))],
    )
}

/// A reply's photo or scan: its number comes in the form with the file.
pub async fn reply(
    State(state): State<Arc<AppState>>,
    AdminLang(lang): AdminLang,
    signed: SignedIn,
    Path(params): Path<SlugParams>,
    multipart: Result<Multipart, MultipartRejection>,
) -> Result<Response, WebError> {
    may_handle(&signed, lang, &params.slug)?;
    let tr = Tr::new(lang);
    let refuse = |text: String, status: StatusCode| {
        let outcome = Outcome::refusal("reply", text, MarkForm::default());
        page(&state, lang, &signed, &params.slug, outcome, status)
    };
    let (number, upload) = reply_fields(multipart).await;
    let Some(number) = number else {
        return refuse(
            tr.t("admin-letters-no-number"),
            StatusCode::UNPROCESSABLE_ENTITY,
        )
        .await;
    };
    let bytes = match upload {
        Upload::File(bytes) => bytes,
        Upload::Missing => {
            return refuse(
                tr.t("admin-letters-reply-missing"),
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await;
        }
        Upload::TooLarge => {
            return refuse(
                tr.t("admin-photo-too-large"),
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await;
        }
    };
    let key = state
        .store
        .reply_key(&params.slug, number)
        .await
        .map_err(WebError::store(lang))?;
    let Some(key) = key else {
        return refuse(no_such_letter(&tr, number), StatusCode::NOT_FOUND).await;
    };
    // Re-encoded from its pixels: GPS, camera and every other metadata of
    // the original are gone before anything is stored.
    let cleaned =
        tokio::task::spawn_blocking(move || crate::campaign::photo::prepare_to(&bytes, REPLY_SIDE))
            .await
            .map_err(|e| WebError::internal(format!("reply preparation stopped: {e}")))?;
    let photo = match cleaned {
        Ok(photo) => photo,
        Err(PhotoError::TooLarge) => {
            return refuse(
                tr.t("admin-photo-too-large"),
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await;
        }
        Err(PhotoError::TooManyPixels) => {
            return refuse(
                tr.t("admin-photo-too-many-pixels"),
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await;
        }
        Err(PhotoError::Unreadable(_)) => {
            return refuse(
                tr.t("admin-photo-unreadable"),
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await;
        }
    };
    let sealed = seal_reply(&key, &photo.jpeg)
        .map_err(|e| WebError::internal(format!("sealing a reply failed: {e}")))?;
    let queued = state
        .store
        .add_reply(&params.slug, number, &sealed, to_the_hour(now()))
        .await
        .map_err(WebError::store(lang))?;
    let Some(notice) = queued else {
        return refuse(no_such_letter(&tr, number), StatusCode::NOT_FOUND).await;
    };
    signed
        .audit(
            &state,
            lang,
            AuditAction::LetterReplyUploaded,
            &params.slug,
            format!("No {number}"),
        )
        .await?;
    let key = if notice {
        "admin-letters-reply-done-notice"
    } else {
        "admin-letters-reply-done"
    };
    let outcome = Outcome {
        done: Some(tr.args(key, [("number", arg(number.to_string()))])),
        ..Outcome::default()
    };
    page(&state, lang, &signed, &params.slug, outcome, StatusCode::OK).await
}

/// The letter's number and the file of the reply form.
async fn reply_fields(multipart: Result<Multipart, MultipartRejection>) -> (Option<i64>, Upload) {
    let (fields, upload) = file_with_fields(multipart, "reply").await;
    let number = fields
        .iter()
        .find(|(name, _)| name == "number")
        .and_then(|(_, text)| Mark::read(text, false, "").ok())
        .map(|(n, _)| n);
    (number, upload)
}

#[derive(Template)]
#[template(path = "admin/letters_open.html")]
pub struct LettersOpenPage {
    pub layout: AdminLayout,
    pub letters_href: String,
    pub messages: Vec<ScriptMessage>,
    /// The printed pages' own words, in the facility's language.
    pub print_lang: String,
    pub print_messages: Vec<ScriptMessage>,
}

/// Opening an export in the browser (`static/workspace/letters-open.js`):
/// for volunteers without a shell. The page may run its own scripts and
/// connect nowhere; it also works saved to disk.
pub async fn open(
    State(state): State<Arc<AppState>>,
    AdminLang(lang): AdminLang,
    signed: SignedIn,
    Path(params): Path<SlugParams>,
) -> Result<Response, WebError> {
    may_handle(&signed, lang, &params.slug)?;
    let tr = Tr::new(lang);
    let content = state.content();
    let campaign = state.campaign_or_404(&content, &params.slug, lang).await?;
    let print_lang = Recipient::of(&campaign, &Lang::known())
        .and_then(|to| Lang::known().into_iter().find(|l| l.code() == to.lang))
        .unwrap_or(Lang::RU);
    let print_tr = Tr::new(print_lang);
    let title = tr.args(
        "admin-letters-title",
        [("name", arg(campaign.person.name.get(lang)))],
    );
    let slug = params.slug.as_str();
    let mut layout = AdminLayout::new(
        &state,
        lang,
        Some(&signed.0),
        Section::Campaigns,
        title,
        |l| paths::letters_open(l, slug),
    );
    layout.scripts = crate::web::public::assets::letters_scripts();
    layout.policy_meta = Some(crate::web::security::OWN_SCRIPTS_POLICY_META);
    let page = LettersOpenPage {
        layout,
        letters_href: paths::letters(lang, slug),
        messages: vec![
            ScriptMessage::plain(&tr, "letters-open-bad-identity", &[]),
            ScriptMessage::plain(&tr, "letters-open-not-an-export", &[]),
            ScriptMessage::plain(&tr, "letters-open-bad-line", &["line"]),
            ScriptMessage::plain(&tr, "letters-open-choose-both", &[]),
            ScriptMessage::plain(&tr, "letters-open-failed", &["detail"]),
            ScriptMessage::plain(&tr, "letters-open-progress", &["done", "total"]),
            ScriptMessage::plain(&tr, "letters-open-done", &[]),
            ScriptMessage::plain(&tr, "letters-open-count", &["count"]),
            ScriptMessage::plain(&tr, "letters-open-other-keys", &["count"]),
        ],
        print_lang: print_lang.code().to_string(),
        print_messages: vec![
            ScriptMessage::plain(&print_tr, "letters-pdf-number", &["number"]),
            ScriptMessage::plain(&print_tr, "letters-pdf-return", &["address"]),
            ScriptMessage::plain(&print_tr, "letters-pdf-slip-title", &["number"]),
            ScriptMessage::plain(&print_tr, "letters-pdf-slip-keep-number", &["number"]),
            ScriptMessage::plain(
                &print_tr,
                "letters-pdf-slip-send-to",
                &["number", "address"],
            ),
        ],
    };
    render_with_scripts(&page, StatusCode::OK)
}
