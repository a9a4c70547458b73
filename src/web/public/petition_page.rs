//! `/{lang}/{slug}/petition/{id}`: the text, the live count, progress to the
//! goal, a chart, the public signers, and the signing form.
//!
//! The first page comes from the page cache like the campaign page, so a
//! flash crowd costs a hash lookup per view: the form's stamp is per time
//! slot, and a new count or slot replaces the entry. Older signers are
//! paged by id (`?before=ID`) through an index of public signers only, so
//! no view's cost grows with the number of signatures.

use std::collections::HashMap;
use std::sync::Arc;

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::Deserialize;

use crate::campaign::{Campaign, Confirmation, Footnotes, Lang, Petition, PetitionState};
use crate::i18n::{Tr, arg};
use crate::petition::form::{Field, Problem, SignForm};
use crate::petition::paper::Tally;
use crate::web::error::WebError;
use crate::web::layout::{Layout, html_page};
use crate::web::page_cache::Scope;
use crate::web::paths;
use crate::web::site::Site;
use crate::web::state::{AppState, Content};
use crate::web::text::block_html;
use crate::web::text::{FootnoteView, footnotes};

/// Public signers per page.
pub const SIGNERS_PER_PAGE: i64 = 50;

/// The form stamp's slot: the page is re-rendered at most this often.
pub const STAMP_SLOT_SECONDS: i64 = 2;

/// The stamp a form handed out at `now` carries: the end of its slot, so a
/// cached form is never taken for older than it is (the minimum form time
/// counts from no earlier than the moment it was shown).
pub fn stamp_time(now: i64) -> i64 {
    (now.div_euclid(STAMP_SLOT_SECONDS) + 1) * STAMP_SLOT_SECONDS
}

#[derive(Debug, Default, Deserialize)]
pub struct PageQuery {
    #[serde(default)]
    before: Option<String>,
}

#[derive(Default)]
pub struct FormView {
    pub stamp: String,
    pub name: String,
    pub email: String,
    pub city: String,
    pub country: String,
    pub public: bool,
    pub consent: bool,
    pub errors: HashMap<&'static str, String>,
    pub general_error: Option<String>,
}

impl FormView {
    pub fn error(&self, field: &str) -> Option<&String> {
        self.errors.get(field)
    }

    /// The entered values and the problems with them, shown again.
    pub fn from_form(form: &SignForm, problems: &[(Field, Problem)], tr: &Tr) -> Self {
        FormView {
            name: form.name.clone(),
            email: form.email.clone(),
            city: form.city.clone(),
            country: form.country.clone(),
            public: form.is_public(),
            consent: form.has_consent(),
            errors: problems
                .iter()
                .map(|(field, problem)| (field.code(), problem_text(tr, *problem)))
                .collect(),
            general_error: (!problems.is_empty()).then(|| tr.t("form-errors")),
            ..Default::default()
        }
    }
}

/// What is wrong with a field, for people.
pub fn problem_text(tr: &Tr, problem: Problem) -> String {
    match problem {
        Problem::TooLong(max) => tr.args(
            "field-error-too-long",
            [("max", fluent_bundle::FluentValue::from(max))],
        ),
        other => tr.t(&format!("field-error-{}", other.code())),
    }
}

#[derive(Template)]
#[template(path = "petition.html")]
pub struct PetitionPage {
    pub layout: Layout,
    pub person: String,
    pub campaign_href: String,
    pub action: String,
    /// On a static copy: which address receives the form.
    pub sends_to: Option<String>,
    pub title: String,
    pub addressee: Option<String>,
    pub text_html: String,
    pub count_text: String,
    pub goal_text: Option<String>,
    pub progress: Option<(i64, u64)>,
    pub open: bool,
    pub state_text: Option<String>,
    pub anonymous: bool,
    pub chart_svg: Option<String>,
    pub signers: Vec<(String, String)>,
    pub newest_href: Option<String>,
    pub older_href: Option<String>,
    pub form: FormView,
    pub privacy_text: String,
    pub footnotes: Vec<FootnoteView>,
}

/// A number of signatures as people say it: "1 signature", "5 подписей".
pub fn signatures_text(tr: &Tr, count: i64) -> String {
    tr.args(
        "petition-count",
        [("count", fluent_bundle::FluentValue::from(count))],
    )
}

/// A petition's count: the total, and how much of it is on paper when some
/// is ("1227 signatures: 1147 online + 80 on paper").
pub fn count_text(tr: &Tr, tally: Tally) -> String {
    let total = signatures_text(tr, tally.total());
    if tally.paper == 0 {
        return total;
    }
    tr.args(
        "petition-count-paper",
        [
            ("count", arg(total)),
            ("online", fluent_bundle::FluentValue::from(tally.online)),
            ("paper", fluent_bundle::FluentValue::from(tally.paper)),
        ],
    )
}

/// Progress towards a goal, paper signatures included.
pub fn progress(tally: Tally, goal: Option<u64>) -> Option<(i64, u64)> {
    goal.map(|g| (tally.total().clamp(0, g as i64), g))
}

/// What a petition's state means for the visitor, when it is not simply open.
pub fn state_text(tr: &Tr, p: &Petition, state: PetitionState, count: Tally) -> Option<String> {
    match state {
        PetitionState::Open => p
            .closes
            .map(|d| tr.args("petition-closes", [("date", arg(tr.date(d)))])),
        PetitionState::Closed => {
            Some(tr.args("petition-closed", [("count", arg(count_text(tr, count)))]))
        }
        PetitionState::NotYetOpen => {
            Some(tr.args("petition-not-yet-open", [("date", arg(tr.date(p.opens)))]))
        }
    }
}

pub async fn handler(
    State(state): State<Arc<AppState>>,
    Path((lang, slug, id)): Path<(String, String, String)>,
    Query(query): Query<PageQuery>,
    site: Site,
    headers: axum::http::HeaderMap,
) -> Result<Response, WebError> {
    let lang = paths::lang(&lang, &state)?;
    let content = state.content();
    content.petition_or_404(&slug, &id, lang)?;
    let before = query
        .before
        .as_deref()
        .and_then(|p| p.parse::<i64>().ok())
        .filter(|p| *p > 0);
    let now = chrono::Utc::now().timestamp();
    // Older signers (`before`) are a keyset page, cheap, and not cached, so
    // that arbitrary cursors cannot fill the cache.
    let path = paths::petition(lang, &slug, &id);
    let key = site.cache_key(&path);
    let freshness = state.form_freshness(&content, Scope::Campaign(&slug), now);
    let _rendering = match before {
        Some(_) => None,
        None => {
            if let Some(page) = content.cached(&key, freshness) {
                return Ok(page.respond(&headers));
            }
            // One render at a time: when a slot or count turns over, a crowd
            // of readers waits for one render instead of each doing it.
            let guard = state.render_lock.lock().await;
            if let Some(page) = content.cached(&key, freshness) {
                return Ok(page.respond(&headers));
            }
            Some(guard)
        }
    };
    let campaign = state.campaign_or_404(&content, &slug, lang).await?;
    let petition = campaign.petition(&id).ok_or(WebError::not_found(lang))?;
    let form = FormView::default();
    let page = build(
        &state, &content, &site, &campaign, petition, lang, before, form, now,
    )
    .await?;
    let page = match before {
        Some(_) => Arc::new(html_page(&page, lang)?),
        None => content.page_at(&key, Scope::Campaign(&slug), freshness, || {
            html_page(&page, lang)
        })?,
    };
    Ok(page.respond(&headers))
}

/// The page with a form; `form` carries values and errors after a failed
/// submit; `before` pages back through the public signers.
#[allow(clippy::too_many_arguments)]
pub async fn build(
    state: &AppState,
    content: &Content,
    site: &Site,
    c: &Campaign,
    p: &Petition,
    lang: Lang,
    before: Option<i64>,
    mut form: FormView,
    now: i64,
) -> Result<PetitionPage, WebError> {
    let tr = Tr::new(lang);
    let row = content
        .petition_row(c.slug.as_str(), p.id.as_str())
        .ok_or(WebError::not_found(lang))?;
    let count = state.tally(row);
    let petition_state = p.state(content.today);
    let mut notes = Footnotes::default();
    let text_html = block_html(&tr, &p.text, &content.registry, &mut notes);
    let in_lang = WebError::store(lang);
    let days = state.store.signature_days(row.id).await.map_err(in_lang)?;
    let mut signers = state
        .store
        .public_signers(row.id, before, SIGNERS_PER_PAGE + 1)
        .await
        .map_err(in_lang)?;
    let has_older = signers.len() as i64 > SIGNERS_PER_PAGE;
    signers.truncate(SIGNERS_PER_PAGE as usize);
    let oldest_shown = signers.last().map(|s| s.id);
    let here = paths::petition(lang, c.slug.as_str(), p.id.as_str());
    let title = p.title.get(lang).to_string();
    // A static copy's stamp would be old by the time it is read: it has none.
    if !site.is_static() {
        form.stamp = state.petitions.secret.form_stamp(stamp_time(now));
    }
    let total_label = days
        .last()
        .map(|(d, _)| {
            tr.args(
                "petition-chart-label",
                [
                    ("count", arg(signatures_text(&tr, count.online))),
                    ("date", arg(tr.date(*d))),
                ],
            )
        })
        .unwrap_or_default();
    let mut layout = Layout::new(
        lang,
        site,
        title.clone(),
        crate::campaign::markdown::render_plain(p.text.get(lang), lang, &content.registry, 200),
        |l| paths::petition(l, c.slug.as_str(), p.id.as_str()),
    );
    let card = super::share_cards::spec(state, content, site, c, Some(p.id.as_str()), lang);
    super::share_cards::show_on(&mut layout, &card, &here);
    Ok(PetitionPage {
        person: c.person.name.get(lang).to_string(),
        campaign_href: paths::campaign(lang, c.slug.as_str()),
        action: site.form_action(&here),
        // A static copy sends the form elsewhere: the reader is told where.
        sends_to: site.is_static().then(|| {
            tr.args(
                "petition-sends-to",
                [("host", arg(host_of(&site.form_action(""))))],
            )
        }),
        title,
        addressee: p.addressee.as_ref().map(|a| a.get(lang).to_string()),
        text_html,
        count_text: count_text(&tr, count),
        goal_text: p.goal.map(|g| {
            tr.args(
                "petition-goal",
                [("goal", fluent_bundle::FluentValue::from(g))],
            )
        }),
        progress: progress(count, p.goal),
        open: petition_state == PetitionState::Open,
        state_text: state_text(&tr, p, petition_state, count),
        anonymous: p.confirmation == Confirmation::Anonymous,
        chart_svg: crate::web::chart::cumulative_svg(&days, &total_label),
        signers: signers
            .into_iter()
            .map(|s| {
                let date = chrono::DateTime::from_timestamp(s.confirmed_at, 0)
                    .map(|t| tr.date(t.date_naive()))
                    .unwrap_or_default();
                (s.name, date)
            })
            .collect(),
        newest_href: before.map(|_| format!("{here}#signers")),
        // Older signers are pages of the live site only.
        older_href: (has_older && !site.is_static())
            .then_some(oldest_shown)
            .flatten()
            .map(|id| format!("{here}?before={id}#signers")),
        form,
        privacy_text: privacy_text(state, &tr),
        footnotes: footnotes(&notes, &tr),
        layout,
    })
}

/// What the form keeps and for how long, beside every signing form.
pub fn privacy_text(state: &AppState, tr: &Tr) -> String {
    let months =
        (state.petitions.settings.retention_after_close.as_secs() / (30 * 24 * 3600)).max(1);
    tr.args(
        "privacy-text",
        [("months", fluent_bundle::FluentValue::from(months))],
    )
}

/// `host[:port]` of an absolute URL.
pub fn host_of(url: &str) -> String {
    url::Url::parse(url)
        .ok()
        .and_then(|u| {
            let host = u.host_str()?.to_string();
            Some(match u.port() {
                Some(port) => format!("{host}:{port}"),
                None => host,
            })
        })
        .unwrap_or_else(|| url.to_string())
}

/// Rendered fresh, never stored: the form's stamp is for this visitor.
pub fn render(page: &impl Template, status: StatusCode) -> Result<Response, WebError> {
    let html = page
        .render()
        .map_err(|e| WebError::internal(format!("rendering a page failed: {e}")))?;
    Ok((
        status,
        [
            (header::CONTENT_TYPE, "text/html; charset=utf-8"),
            (header::CACHE_CONTROL, "no-store"),
        ],
        html,
    )
        .into_response())
}

/// `/{lang}/{slug}/petition/{id}/count.json`: for live counters and partners.
pub async fn count_json(
    State(state): State<Arc<AppState>>,
    Path((lang, slug, id)): Path<(String, String, String)>,
) -> Result<Response, WebError> {
    let lang = paths::lang(&lang, &state)?;
    let content = state.content();
    let campaign = state.campaign_or_404(&content, &slug, lang).await?;
    let petition = campaign.petition(&id).ok_or(WebError::not_found(lang))?;
    let row = content
        .petition_row(&slug, &id)
        .ok_or(WebError::not_found(lang))?;
    let count = state.tally(row);
    let body = serde_json::json!({
        "confirmed": count.online,
        "paper": count.paper,
        "total": count.total(),
        "goal": petition.goal,
        "open": petition.state(content.today) == PetitionState::Open,
    });
    Ok((
        [
            (header::CONTENT_TYPE, "application/json"),
            (header::CACHE_CONTROL, "public, max-age=5"),
        ],
        body.to_string(),
    )
        .into_response())
}
