//! Signing, and the confirm and withdraw links. A GET never changes
//! anything (mail scanners open links by themselves): links show a button,
//! and only its POST acts.

use std::net::SocketAddr;
use std::sync::Arc;

use askama::Template;
use axum::extract::rejection::FormRejection;
use axum::extract::{ConnectInfo, Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{MethodRouter, get};
use axum::{Extension, Form};

use super::petition_page::{self, FormView, render};
use super::submission::{Refusal, Submission, submit};
use crate::campaign::{Campaign, Lang, Petition};
use crate::i18n::{Tr, arg};
use crate::petition::form::SignForm;
use crate::petition::secret::LinkKind;
use crate::petition::service::{LinkOutcome, SignOutcome};
use crate::web::error::WebError;
use crate::web::layout::Layout;
use crate::web::paths;
use crate::web::site::Site;
use crate::web::state::AppState;
use crate::web::state::Content;

pub struct NoticeButton {
    pub action: String,
    pub label: String,
}

#[derive(Template)]
#[template(path = "notice.html")]
pub struct NoticePage {
    pub layout: Layout,
    pub heading: String,
    pub message: String,
    pub button: Option<NoticeButton>,
    pub back_href: Option<String>,
}

fn notice(
    site: &Site,
    lang: Lang,
    path: impl Fn(Lang) -> String,
    heading: String,
    message: String,
    button: Option<NoticeButton>,
    back_href: Option<String>,
) -> NoticePage {
    NoticePage {
        layout: Layout::new(lang, site, heading.clone(), String::new(), path),
        heading,
        message,
        button,
        back_href,
    }
}

/// POST `/{lang}/{slug}/petition/{id}`.
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
    let here = paths::petition(lang, &slug, &id);
    let submission = Submission::of_form(&campaign, petition, lang, &site, &conn, &headers, &form);
    let now = chrono::Utc::now().timestamp();
    let refusal = match submit(&state, &content, submission, now).await {
        Ok(outcome) => {
            let kind = thanks_kind(outcome);
            return Ok(Redirect::to(&format!("{here}/thanks/{kind}")).into_response());
        }
        Err(refusal) => refusal,
    };
    let (view, status) = match answer(refusal, &form, &tr) {
        Answer::RateLimited => {
            let page = notice(
                &site,
                lang,
                |l| paths::petition(l, &slug, &id),
                tr.t("sign-rate-limited-title"),
                tr.t("sign-rate-limited-text"),
                None,
                Some(here),
            );
            return Ok(retry_later(render(&page, StatusCode::TOO_MANY_REQUESTS)?));
        }
        Answer::Closed => {
            let page = notice(
                &site,
                lang,
                |l| paths::petition(l, &slug, &id),
                tr.t("sign-closed-title"),
                tr.t("sign-closed-text"),
                None,
                Some(paths::campaign(lang, &slug)),
            );
            return render(&page, StatusCode::CONFLICT);
        }
        Answer::Unavailable => return Err(WebError::unavailable().in_lang(lang)),
        Answer::Form(view, status) => (*view, status),
    };
    page_again(
        &state, &content, &site, &campaign, petition, lang, view, status,
    )
    .await
}

/// The thanks page an accepted signature leads to (`…/thanks/{kind}`).
pub fn thanks_kind(outcome: SignOutcome) -> &'static str {
    match outcome {
        SignOutcome::CheckMail => "check-mail",
        SignOutcome::Counted => "counted",
    }
}

/// How a refused submission is answered, on whichever page has the form.
pub enum Answer {
    RateLimited,
    Closed,
    Unavailable,
    /// The form again, with what was entered and what is wrong.
    Form(Box<FormView>, StatusCode),
}

pub fn answer(refusal: Refusal, form: &Result<Form<SignForm>, FormRejection>, tr: &Tr) -> Answer {
    let entered = |problems: &[_]| match form {
        Ok(Form(form)) => FormView::from_form(form, problems, tr),
        Err(_) => FormView::default(),
    };
    match refusal {
        Refusal::RateLimited => Answer::RateLimited,
        Refusal::Closed => Answer::Closed,
        Refusal::Unavailable => Answer::Unavailable,
        Refusal::Unreadable => {
            let view = FormView {
                general_error: Some(tr.t("form-unreadable")),
                ..Default::default()
            };
            let status = form
                .as_ref()
                .err()
                .map_or(StatusCode::BAD_REQUEST, |r| r.status());
            Answer::Form(Box::new(view), status)
        }
        Refusal::Foreign => {
            // The visitor sees the form, filled in, and decides here.
            let mut view = entered(&[]);
            view.general_error = Some(format!(
                "{} {}",
                tr.t("sign-elsewhere-title"),
                tr.t("sign-elsewhere-text")
            ));
            Answer::Form(Box::new(view), StatusCode::FORBIDDEN)
        }
        Refusal::TooFast => {
            let mut view = entered(&[]);
            view.general_error = Some(tr.t("form-too-fast"));
            Answer::Form(Box::new(view), StatusCode::UNPROCESSABLE_ENTITY)
        }
        Refusal::Invalid(problems) => Answer::Form(
            Box::new(entered(&problems)),
            StatusCode::UNPROCESSABLE_ENTITY,
        ),
    }
}

/// A 429 says when to try again.
pub fn retry_later(mut response: Response) -> Response {
    response.headers_mut().insert(
        axum::http::header::RETRY_AFTER,
        axum::http::HeaderValue::from_static("60"),
    );
    response
}

/// The petition page again, with what was entered and what is wrong.
#[allow(clippy::too_many_arguments)]
async fn page_again(
    state: &AppState,
    content: &Content,
    site: &Site,
    campaign: &Campaign,
    petition: &Petition,
    lang: Lang,
    form: FormView,
    status: StatusCode,
) -> Result<Response, WebError> {
    let now = chrono::Utc::now().timestamp();
    let page = petition_page::build(
        state, content, site, campaign, petition, lang, None, form, now,
    )
    .await?;
    render(&page, status)
}

/// GET `/{lang}/{slug}/petition/{id}/thanks/{kind}`.
pub async fn thanks(
    State(state): State<Arc<AppState>>,
    Path((lang, slug, id, kind)): Path<(String, String, String, String)>,
    site: Site,
) -> Result<Response, WebError> {
    let lang = paths::lang(&lang, &state)?;
    let tr = Tr::new(lang);
    let content = state.content();
    content.exists_or_404(&slug, lang)?;
    let (heading, message) = match kind.as_str() {
        "check-mail" => (tr.t("sign-check-mail-title"), tr.t("sign-check-mail-text")),
        "counted" => (tr.t("sign-counted-title"), tr.t("sign-counted-text")),
        _ => return Err(WebError::not_found(lang)),
    };
    let page = notice(
        &site,
        lang,
        |l| format!("{}/thanks/{kind}", paths::petition(l, &slug, &id)),
        heading,
        message,
        None,
        Some(paths::campaign(lang, &slug)),
    );
    render(&page, StatusCode::OK)
}

/// The link's page: a button, and which petition it is about (the mail
/// does not say, so that a mailbox reader does not learn it).
async fn link_page(
    state: &AppState,
    site: &Site,
    lang: Lang,
    kind: LinkKind,
    token: &str,
) -> Result<NoticePage, WebError> {
    let tr = Tr::new(lang);
    let name = kind.name();
    let path = |l: Lang| kind.path(l, token);
    let mut message = tr.t(&format!("{name}-text"));
    if let Some(signature) = state.petitions.link_signature(kind, token) {
        let found = state
            .store
            .signature_petition(signature)
            .await
            .map_err(WebError::store(lang))?;
        let content = state.content();
        if let Some((campaign, petition)) = found.as_ref().and_then(|(c, p)| {
            let campaign = content.listing(c)?;
            Some((
                campaign,
                campaign.petitions.iter().find(|x| x.id.as_str() == p)?,
            ))
        }) {
            let about = tr.args(
                "link-about",
                [
                    ("petition", arg(petition.title.get(lang).to_string())),
                    ("name", arg(campaign.name.get(lang).to_string())),
                ],
            );
            message = format!("{about} {message}");
        }
    }
    Ok(notice(
        site,
        lang,
        path,
        tr.t(&format!("{name}-title")),
        message,
        Some(NoticeButton {
            action: path(lang),
            label: tr.t(&format!("{name}-button")),
        }),
        None,
    ))
}

async fn act(
    state: &AppState,
    site: &Site,
    lang: Lang,
    kind: LinkKind,
    token: &str,
) -> Result<Response, WebError> {
    let tr = Tr::new(lang);
    let now = chrono::Utc::now().timestamp();
    let outcome = match kind {
        LinkKind::Confirm => state.petitions.confirm(token, now).await,
        LinkKind::Withdraw => state.petitions.withdraw(token).await,
    }
    .map_err(|e| {
        tracing::error!(error = %e, "a link action failed");
        WebError::unavailable().in_lang(lang)
    })?;
    let name = kind.name();
    let (message, status) = match outcome {
        LinkOutcome::Done => (tr.t(&format!("{name}-done")), StatusCode::OK),
        LinkOutcome::AlreadyDone => (tr.t(&format!("{name}-already")), StatusCode::OK),
        LinkOutcome::Expired => (tr.t("link-expired"), StatusCode::GONE),
        LinkOutcome::Invalid => (tr.t("link-invalid"), StatusCode::NOT_FOUND),
    };
    if matches!(outcome, LinkOutcome::Done) {
        // Counts changed: pages showing them should not wait for the poll.
        if let Err(e) = state.refresh_counts().await {
            tracing::warn!(error = %e, "could not refresh counts");
        }
    }
    let page = notice(
        site,
        lang,
        |l| kind.path(l, token),
        tr.t(&format!("{name}-title")),
        message,
        None,
        None,
    );
    render(&page, status)
}

/// The link's page: a button, nothing done yet.
async fn show_link(
    state: Arc<AppState>,
    site: Site,
    lang: String,
    token: String,
    kind: LinkKind,
) -> Result<Response, WebError> {
    let lang = paths::lang(&lang, &state)?;
    render(
        &link_page(&state, &site, lang, kind, &token).await?,
        StatusCode::OK,
    )
}

/// The button's POST: only this acts.
async fn press_link(
    state: Arc<AppState>,
    site: Site,
    lang: String,
    token: String,
    kind: LinkKind,
) -> Result<Response, WebError> {
    let lang = paths::lang(&lang, &state)?;
    act(&state, &site, lang, kind, &token).await
}

/// GET and POST routes of a confirm or withdraw link.
fn link_routes(kind: LinkKind) -> MethodRouter<Arc<AppState>> {
    get(
        move |State(state): State<Arc<AppState>>,
              site: Site,
              Path((lang, token)): Path<(String, String)>| {
            show_link(state, site, lang, token, kind)
        },
    )
    .post(
        move |State(state): State<Arc<AppState>>,
              site: Site,
              Path((lang, token)): Path<(String, String)>| {
            press_link(state, site, lang, token, kind)
        },
    )
}

pub fn confirm_routes() -> MethodRouter<Arc<AppState>> {
    link_routes(LinkKind::Confirm)
}

pub fn withdraw_routes() -> MethodRouter<Arc<AppState>> {
    link_routes(LinkKind::Withdraw)
}
