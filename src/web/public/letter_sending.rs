//! Sending a letter through the campaign (the letter page's "send"): the
//! letter is sealed to the campaign's keys and stored; the writer gets its
//! receipt link, once, on the answer to the POST (never in a redirect, so
//! it stays out of the history unless the writer keeps it).

use askama::Template;
use axum::http::StatusCode;
use axum::response::Response;

use super::letter_page::{LetterPage, problem_text};
use super::petition_page::render;
use crate::campaign::{Campaign, Lang};
use crate::i18n::{Tr, arg};
use crate::letters::sending::{self, Draft, DraftProblem};
use crate::mail::OutgoingMail;
use crate::petition::seal::SealError;
use crate::web::error::WebError;
use crate::web::layout::Layout;
use crate::web::paths;
use crate::web::site::Site;
use crate::web::state::AppState;

#[derive(Template)]
#[template(path = "letter_sent.html")]
pub struct LetterSentPage {
    pub layout: Layout,
    /// "Your letter No 12 to Boris Romanov is received."
    pub intro: String,
    pub receipt_url: String,
    pub notice: bool,
    pub campaign_href: String,
}

/// Seals and stores the letter; the page with its receipt, or the letter
/// page again (nothing lost) when it cannot be stored now.
pub async fn send(
    state: &AppState,
    site: &Site,
    campaign: &Campaign,
    lang: Lang,
    draft: Draft,
    mut page: LetterPage,
) -> Result<Response, WebError> {
    let tr = Tr::new(lang);
    let keys = campaign.organiser_keys().join(" ");
    let notice_to = |to: String| notice_mail(site, lang, to);
    let now = chrono::Utc::now().timestamp();
    let notice = draft.email.is_some();
    let sealed = sending::seal(
        &state.petitions.sealer,
        &state.petitions.secret,
        &keys,
        campaign.slug.as_str(),
        lang.code(),
        draft,
        notice_to,
        now,
    );
    let sealed = match sealed {
        Ok(sealed) => sealed,
        // Only a letter of many four-byte characters outgrows one record.
        Err(SealError::TooLarge) => {
            page.error = Some(problem_text(&tr, DraftProblem::TooLong));
            return render(&page, StatusCode::UNPROCESSABLE_ENTITY);
        }
        Err(e) => {
            tracing::error!(error = %e, "a letter could not be sealed");
            page.error = Some(tr.t("letter-unavailable"));
            return render(&page, StatusCode::SERVICE_UNAVAILABLE);
        }
    };
    let sending::Sealed { letter, receipt } = sealed;
    let number = match state.petitions.writer.add_letter(letter).await {
        Ok(number) => number,
        Err(e) => {
            tracing::error!(error = %e, "a letter could not be stored");
            page.error = Some(tr.t("letter-unavailable"));
            return render(&page, StatusCode::SERVICE_UNAVAILABLE);
        }
    };
    let slug = campaign.slug.as_str();
    let token = receipt.token();
    let sent = LetterSentPage {
        layout: Layout::new(lang, site, tr.t("letter-sent-title"), String::new(), |l| {
            paths::letter(l, slug)
        }),
        intro: tr.args(
            "letter-sent-text",
            [
                ("number", fluent_bundle::FluentValue::from(number)),
                ("name", arg(page.recipient.as_str())),
            ],
        ),
        receipt_url: format!("{}{}", site.base(), paths::receipt(lang, &token)),
        notice,
        campaign_href: paths::campaign(lang, slug),
    };
    render(&sent, StatusCode::OK)
}

/// The notice a writer gets when a reply arrives: it names neither the
/// person nor the campaign, and carries no link (only the writer has it).
fn notice_mail(site: &Site, lang: Lang, to: String) -> OutgoingMail {
    let tr = Tr::new(lang);
    let host = super::petition_page::host_of(site.base());
    OutgoingMail {
        to,
        subject: tr.t("mail-letter-reply-subject"),
        text: tr.args("mail-letter-reply-text", [("site", arg(host))]),
        links: Vec::new(),
    }
}
