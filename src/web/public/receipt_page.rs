//! `/{lang}/receipt/{token}`: a letter's receipt, private to its writer.
//! The token is the only key: the store finds the letter by the token's
//! hash, and a reply opens only with the key the token derives. Another
//! token, or none, gets the same "not found" as any missing page.

use std::sync::Arc;

use askama::Template;
use axum::extract::{Path, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};

use super::petition_page::render;
use crate::campaign::Lang;
use crate::i18n::{Tr, arg};
use crate::letters::letter::LetterState;
use crate::letters::receipt::{Receipt, open_reply};
use crate::store::letters::Receipted;
use crate::web::error::WebError;
use crate::web::layout::Layout;
use crate::web::paths;
use crate::web::site::Site;
use crate::web::state::AppState;

pub struct ReplyView {
    pub received: String,
    /// Where the image is; `None` once deleted.
    pub src: Option<String>,
}

#[derive(Template)]
#[template(path = "receipt.html")]
pub struct ReceiptPage {
    pub layout: Layout,
    /// "To Boris Romanov", while the campaign is online.
    pub to: Option<String>,
    pub received: String,
    pub state: String,
    pub reason: Option<String>,
    pub replies: Vec<ReplyView>,
    pub campaign_href: Option<String>,
}

fn date_of(tr: &Tr, ts: i64) -> String {
    chrono::DateTime::from_timestamp(ts, 0)
        .map(|t| tr.date(t.date_naive()))
        .unwrap_or_default()
}

/// The letter a link's token names; 404 for any other text.
async fn letter_of(
    state: &AppState,
    lang: Lang,
    token: &str,
) -> Result<(Receipt, Receipted), WebError> {
    let receipt = Receipt::parse(token).ok_or(WebError::not_found(lang))?;
    let letter = state
        .store
        .letter_by_receipt(&receipt.hash())
        .await
        .map_err(|e| {
            tracing::error!(error = %e, "a receipt could not be read");
            WebError::unavailable().in_lang(lang)
        })?
        .ok_or(WebError::not_found(lang))?;
    Ok((receipt, letter))
}

/// Private: kept out of caches and search engines.
fn private(mut response: Response) -> Response {
    response.headers_mut().insert(
        "x-robots-tag",
        HeaderValue::from_static("noindex, nofollow"),
    );
    response
}

pub async fn show(
    State(state): State<Arc<AppState>>,
    Path((lang, token)): Path<(String, String)>,
    site: Site,
) -> Result<Response, WebError> {
    let lang = paths::lang(&lang, &state)?;
    let tr = Tr::new(lang);
    let (_, letter) = letter_of(&state, lang, &token).await?;
    let content = state.content();
    let campaign = state
        .campaign_or_404(&content, &letter.campaign, lang)
        .await
        .ok();
    let number = fluent_bundle::FluentValue::from(letter.number);
    let (state_text, reason) = match &letter.state {
        LetterState::Received => (tr.t("receipt-state-received"), None),
        LetterState::Sent { on } => (
            tr.args("receipt-state-sent", [("date", arg(tr.date(*on)))]),
            None,
        ),
        LetterState::NotForwarded { reason } => {
            (tr.t("receipt-state-not-forwarded"), Some(reason.clone()))
        }
    };
    let page = ReceiptPage {
        layout: Layout::new(
            lang,
            &site,
            tr.args("receipt-title", [("number", number)]),
            String::new(),
            |l| paths::receipt(l, &token),
        ),
        to: campaign
            .as_ref()
            .map(|c| tr.args("receipt-to", [("name", arg(c.person.name.get(lang)))])),
        received: tr.args(
            "receipt-received",
            [("date", arg(date_of(&tr, letter.received_at)))],
        ),
        state: state_text,
        reason,
        replies: letter
            .replies
            .iter()
            .map(|r| ReplyView {
                received: tr.args(
                    "receipt-reply",
                    [("date", arg(date_of(&tr, r.uploaded_at)))],
                ),
                src: (!r.deleted).then(|| paths::receipt_reply(lang, &token, r.id)),
            })
            .collect(),
        campaign_href: campaign.map(|c| paths::campaign(lang, c.slug.as_str())),
    };
    Ok(private(render(&page, StatusCode::OK)?))
}

/// A reply's image, opened with the link's key.
pub async fn reply(
    State(state): State<Arc<AppState>>,
    Path((lang, token, reply)): Path<(String, String, String)>,
) -> Result<Response, WebError> {
    let lang = paths::lang(&lang, &state)?;
    let (receipt, letter) = letter_of(&state, lang, &token).await?;
    let reply: i64 = reply.parse().map_err(|_| WebError::not_found(lang))?;
    let now = chrono::Utc::now().timestamp();
    let sealed = state
        .store
        .open_reply(
            letter.number,
            reply,
            crate::petition::service::to_the_hour(now),
        )
        .await
        .map_err(|e| {
            tracing::error!(error = %e, "a reply could not be read");
            WebError::unavailable().in_lang(lang)
        })?
        .ok_or(WebError::not_found(lang))?;
    let jpeg = open_reply(&receipt, &sealed).map_err(|_| WebError::not_found(lang))?;
    Ok(private(
        (
            [
                (header::CONTENT_TYPE, "image/jpeg"),
                (header::CACHE_CONTROL, "no-store"),
            ],
            jpeg,
        )
            .into_response(),
    ))
}
