//! A petition on partner sites: a small page they frame (the count, the
//! progress to the goal and the signing form, or a link to the petition
//! once it is closed), and a counter image. Only the sites in
//! `embed_origins` may frame it (`frame-ancestors`); like every public
//! page it sets no cookie and runs no script, and signing in the frame
//! follows the petition form's rules and limits.

use std::net::SocketAddr;
use std::sync::Arc;

use askama::Template;
use axum::extract::rejection::FormRejection;
use axum::extract::{ConnectInfo, Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use axum::{Extension, Form};

use super::petition_page::{FormView, count_text, privacy_text, progress, render, state_text};
use super::signing::{Answer, answer, retry_later, thanks_kind};
use super::submission::{Submission, submit};
use crate::campaign::{Campaign, Confirmation, Lang, Petition, PetitionState};
use crate::i18n::Tr;
use crate::petition::form::SignForm;
use crate::petition::paper::Tally;
use crate::web::cache::{CachedPage, PAGE_MAX_AGE};
use crate::web::error::WebError;
use crate::web::layout::html_page;
use crate::web::page_cache::Scope;
use crate::web::paths;
use crate::web::public::assets;
use crate::web::security;
use crate::web::site::Site;
use crate::web::state::{AppState, Content};

#[derive(Template)]
#[template(path = "embed.html")]
pub struct EmbedPage {
    pub tr: Tr,
    pub lang: &'static str,
    pub css_href: String,
    pub title: String,
    pub person: String,
    pub petition_href: String,
    pub site_name: String,
    pub count_text: String,
    pub goal_text: Option<String>,
    pub progress: Option<(i64, u64)>,
    pub state_text: Option<String>,
    /// After signing: what happens next.
    pub thanks: Option<(String, String)>,
    pub open: bool,
    pub anonymous: bool,
    pub action: String,
    pub sends_to: Option<String>,
    pub form: FormView,
    pub privacy_text: String,
}

fn embed_path(lang: Lang, slug: &str, id: &str) -> String {
    format!("{}/embed", paths::petition(lang, slug, id))
}

/// The framed page, in one of three moments: the form (maybe with what was
/// entered and what is wrong), or thanks after signing.
fn build(
    state: &AppState,
    content: &Content,
    c: &Campaign,
    p: &Petition,
    lang: Lang,
    form: FormView,
    thanks: Option<(String, String)>,
) -> Result<EmbedPage, WebError> {
    let tr = Tr::new(lang);
    let slug = c.slug.as_str();
    let row = content
        .petition_row(slug, p.id.as_str())
        .ok_or(WebError::not_found(lang))?;
    let tally = state.tally(row);
    let petition_state = p.state(content.today);
    Ok(EmbedPage {
        lang: lang.code(),
        css_href: assets::stylesheet_href(),
        title: p.title.get(lang).to_string(),
        person: c.person.name.get(lang).to_string(),
        petition_href: paths::petition(lang, slug, p.id.as_str()),
        site_name: tr.t("site-name"),
        count_text: count_text(&tr, tally),
        goal_text: p.goal.map(|g| {
            tr.args(
                "petition-goal",
                [("goal", fluent_bundle::FluentValue::from(g))],
            )
        }),
        progress: progress(tally, p.goal),
        state_text: state_text(&tr, p, petition_state, tally),
        open: petition_state == PetitionState::Open && thanks.is_none(),
        thanks,
        anonymous: p.confirmation == Confirmation::Anonymous,
        action: embed_path(lang, slug, p.id.as_str()),
        sends_to: None,
        form,
        privacy_text: privacy_text(state, &tr),
        tr,
    })
}

fn framable_response(
    page: &EmbedPage,
    status: StatusCode,
    state: &AppState,
) -> Result<Response, WebError> {
    let mut response = render(page, status)?;
    let policy = security::embed_policy(&state.petitions.settings.embed_origins);
    security::framable(response.headers_mut(), &policy);
    Ok(response)
}

/// GET `/{lang}/{slug}/petition/{id}/embed`: cached like the petition page
/// (its form's stamp turns over with the same slots).
pub async fn page(
    State(state): State<Arc<AppState>>,
    Path((lang, slug, id)): Path<(String, String, String)>,
    site: Site,
    headers: HeaderMap,
) -> Result<Response, WebError> {
    let lang = paths::lang(&lang, &state)?;
    let content = state.content();
    content.petition_or_404(&slug, &id, lang)?;
    if site.is_static() {
        return Err(WebError::not_found(lang));
    }
    let now = chrono::Utc::now().timestamp();
    let path = embed_path(lang, &slug, &id);
    let key = site.cache_key(&path);
    let freshness = state.form_freshness(&content, Scope::Campaign(&slug), now);
    if let Some(page) = content.cached(&key, freshness) {
        return Ok(page.respond(&headers));
    }
    let campaign = state.campaign_or_404(&content, &slug, lang).await?;
    let petition = campaign.petition(&id).ok_or(WebError::not_found(lang))?;
    let form = FormView {
        stamp: state
            .petitions
            .secret
            .form_stamp(super::petition_page::stamp_time(now)),
        ..FormView::default()
    };
    let page = build(&state, &content, &campaign, petition, lang, form, None)?;
    let policy = security::embed_policy(&state.petitions.settings.embed_origins);
    let page = content.page_at(&key, Scope::Campaign(&slug), freshness, || {
        Ok::<_, WebError>(html_page(&page, lang)?.framable(policy))
    })?;
    Ok(page.respond(&headers))
}

/// POST `/{lang}/{slug}/petition/{id}/embed`: signs within the frame; the
/// answer stays in the frame too.
pub async fn sign(
    State(state): State<Arc<AppState>>,
    Path((lang, slug, id)): Path<(String, String, String)>,
    conn: Option<Extension<ConnectInfo<SocketAddr>>>,
    site: Site,
    headers: HeaderMap,
    form: Result<Form<SignForm>, FormRejection>,
) -> Result<Response, WebError> {
    let lang = paths::lang(&lang, &state)?;
    let tr = Tr::new(lang);
    let content = state.content();
    let campaign = state.campaign_or_404(&content, &slug, lang).await?;
    let petition = campaign.petition(&id).ok_or(WebError::not_found(lang))?;
    let submission = Submission::of_form(&campaign, petition, lang, &site, &conn, &headers, &form);
    let now = chrono::Utc::now().timestamp();
    let refusal = match submit(&state, &content, submission, now).await {
        Ok(outcome) => {
            let kind = thanks_kind(outcome);
            let to = format!("{}/thanks/{kind}", embed_path(lang, &slug, &id));
            return Ok(Redirect::to(&to).into_response());
        }
        Err(refusal) => refusal,
    };
    let with_error = |key: &str| FormView {
        general_error: Some(tr.t(key)),
        ..FormView::default()
    };
    let (mut view, status) = match answer(refusal, &form, &tr) {
        Answer::Form(view, status) => (*view, status),
        Answer::RateLimited => (
            with_error("sign-rate-limited-text"),
            StatusCode::TOO_MANY_REQUESTS,
        ),
        Answer::Closed => (with_error("sign-closed-text"), StatusCode::CONFLICT),
        Answer::Unavailable => return Err(WebError::unavailable().in_lang(lang)),
    };
    view.stamp = state
        .petitions
        .secret
        .form_stamp(super::petition_page::stamp_time(now));
    let page = build(&state, &content, &campaign, petition, lang, view, None)?;
    let response = framable_response(&page, status, &state)?;
    Ok(if status == StatusCode::TOO_MANY_REQUESTS {
        retry_later(response)
    } else {
        response
    })
}

/// GET `/{lang}/{slug}/petition/{id}/embed/thanks/{kind}`.
pub async fn thanks(
    State(state): State<Arc<AppState>>,
    Path((lang, slug, id, kind)): Path<(String, String, String, String)>,
) -> Result<Response, WebError> {
    let lang = paths::lang(&lang, &state)?;
    let tr = Tr::new(lang);
    let content = state.content();
    let campaign = state.campaign_or_404(&content, &slug, lang).await?;
    let petition = campaign.petition(&id).ok_or(WebError::not_found(lang))?;
    let thanks = match kind.as_str() {
        "check-mail" => (tr.t("sign-check-mail-title"), tr.t("sign-check-mail-text")),
        "counted" => (tr.t("sign-counted-title"), tr.t("sign-counted-text")),
        _ => return Err(WebError::not_found(lang)),
    };
    let page = build(
        &state,
        &content,
        &campaign,
        petition,
        lang,
        FormView::default(),
        Some(thanks),
    )?;
    framable_response(&page, StatusCode::OK, &state)
}

/// GET `/{lang}/{slug}/petition/{id}/count.svg`: the count (and the goal)
/// as an image partners may show anywhere, even where frames are not
/// allowed; drawn again when the count changes.
pub async fn count_svg(
    State(state): State<Arc<AppState>>,
    Path((lang, slug, id)): Path<(String, String, String)>,
    site: Site,
    headers: HeaderMap,
) -> Result<Response, WebError> {
    let lang = paths::lang(&lang, &state)?;
    let content = state.content();
    content.exists_or_404(&slug, lang)?;
    let row = content
        .petition_row(&slug, &id)
        .ok_or(WebError::not_found(lang))?;
    let path = format!("{}/count.svg", paths::petition(lang, &slug, &id));
    let key = site.cache_key(&path);
    let freshness = state.counts_freshness(&content, Scope::Campaign(&slug));
    if let Some(page) = content.cached(&key, freshness) {
        return Ok(page.respond(&headers));
    }
    let campaign = state.campaign_or_404(&content, &slug, lang).await?;
    let goal = campaign
        .petition(&id)
        .ok_or(WebError::not_found(lang))?
        .goal;
    let tally = state.tally(row);
    let page = content.page_at(&key, Scope::Campaign(&slug), freshness, || {
        let svg = counter_svg(&Tr::new(lang), tally, goal);
        Ok::<_, WebError>(CachedPage::new("image/svg+xml", PAGE_MAX_AGE, svg).with_language(lang))
    })?;
    Ok(page.respond(&headers))
}

/// The counter: the count in words, a bar to the goal, and the site's name.
/// The image cannot measure its text, so a long count gets a smaller size
/// (a generous 0.6 em a character) rather than running off the edge.
pub fn counter_svg(tr: &Tr, tally: Tally, goal: Option<u64>) -> String {
    const WIDTH: i64 = 320;
    const INNER: f64 = (WIDTH - 24) as f64;
    let escape = crate::campaign::markdown::escape_html;
    let count = count_text(tr, tally);
    let size = (INNER / (count.chars().count().max(1) as f64 * 0.6)).clamp(9.0, 18.0);
    let count = escape(&count);
    let site = escape(&tr.t("site-name"));
    let bar = progress(tally, goal).map_or(String::new(), |(value, max)| {
        let filled = if max == 0 {
            0.0
        } else {
            (value as f64 / max as f64 * INNER).round()
        };
        let label = escape(&tr.args(
            "petition-goal",
            [("goal", fluent_bundle::FluentValue::from(max))],
        ));
        format!(
            r##"<rect x="12" y="38" width="{INNER}" height="10" rx="5" fill="#e5e5e5"/><rect x="12" y="38" width="{filled}" height="10" rx="5" fill="#b3261e"/><text x="{}" y="66" text-anchor="end" font-size="12" fill="#555">{label}</text>"##,
            WIDTH - 12
        )
    });
    format!(
        r##"<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="76" viewBox="0 0 {WIDTH} 76" role="img" aria-label="{count}"><rect x=".5" y=".5" width="{}" height="75" rx="8" fill="#fff" stroke="#ddd"/><g font-family="system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif"><text x="12" y="28" font-size="{size:.1}" font-weight="700" fill="#111">{count}</text>{bar}<text x="12" y="66" font-size="12" fill="#555">{site}</text></g></svg>"##,
        WIDTH - 1
    )
}
