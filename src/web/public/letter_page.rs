//! `/{lang}/{slug}/letter`: writing a letter to a person in custody,
//! checking it, and sending it through the campaign. "Check" marks what
//! prison censors are likely to stop (see `letters::checker`), counts the
//! pages and shows the letter as it will be printed, with the facility's
//! address, to copy by hand, print or paste into an e-letter service:
//! nothing of it is kept. "Send" (where the campaign's volunteers pass
//! letters on) seals the letter to the campaign's keys and answers with the
//! receipt link, shown once (see `letters::sending`). No script.

use std::collections::HashMap;
use std::net::SocketAddr;
use std::sync::Arc;

use askama::Template;
use axum::extract::rejection::FormRejection;
use axum::extract::{ConnectInfo, Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use axum::{Extension, Form};
use serde::Deserialize;

use super::petition_page::render;
use super::signing::retry_later;
use crate::campaign::{Campaign, Lang};
use crate::i18n::{Tr, arg};
use crate::letters::checker::{self, Topic};
use crate::letters::pick;
use crate::letters::sending::{Draft, DraftProblem};
use crate::web::error::WebError;
use crate::web::layout::Layout;
use crate::web::origin::{PostSource, post_source};
use crate::web::paths;
use crate::web::site::Site;
use crate::web::state::AppState;
use crate::web::text::{FootnoteView, block_html, footnotes};

pub use crate::letters::sending::MAX_CHARS;
/// Characters of a printed page, as e-letter services count them.
const PAGE_CHARS: usize = 1800;
/// Beyond this, a letter waits longer at the censor.
const SHORT_PAGES: usize = 2;

#[derive(Debug, Default, Deserialize)]
pub struct LetterForm {
    #[serde(default)]
    pub text: String,
    #[serde(default)]
    pub name: String,
    /// Where writing is risky, the name is used only when this is ticked.
    #[serde(default)]
    pub sign: Option<String>,
    #[serde(default)]
    pub return_address: String,
    /// For a notice when a reply arrives; never printed.
    #[serde(default)]
    pub email: String,
    /// Present when "send" was pressed, rather than "check".
    #[serde(default)]
    pub send: Option<String>,
}

impl LetterForm {
    fn insists(&self) -> bool {
        self.sign.is_some()
    }
}

/// Words of one topic in the letter, and what the topic means.
pub struct FindingGroup {
    pub explanation: String,
    pub words: String,
}

/// A run of the letter's text, marked when a censor may stop it.
pub struct Segment {
    pub text: String,
    pub marked: bool,
}

#[derive(Template)]
#[template(path = "letter.html")]
pub struct LetterPage {
    pub layout: Layout,
    pub campaign_href: String,
    pub recipient: String,
    pub facility: String,
    pub address: String,
    pub tips_html: String,
    pub languages: String,
    /// "Letters do not reach Anna now": then no form.
    pub paused: Option<String>,
    /// Writing puts the writer at risk: the page says so, and the name is
    /// left off unless the writer insists.
    pub risky: bool,
    /// The name that signs the preview, if any.
    pub signature: Option<String>,
    /// The return address under it, if any.
    pub return_address: Option<String>,
    /// The campaign's volunteers pass letters on: the form can send.
    pub can_send: bool,
    /// Footnotes of the guide (organisations' legal labels).
    pub footnotes: Vec<FootnoteView>,
    pub action: String,
    /// On a static copy: which address checks the letter.
    pub sends_to: Option<String>,
    pub form: LetterForm,
    pub error: Option<String>,
    /// After a check: what was found, the marked text and the page count.
    pub checked: Option<Checked>,
}

pub struct Checked {
    pub findings: Vec<FindingGroup>,
    pub segments: Vec<Segment>,
    pub pages: String,
    pub long: bool,
}

/// The page, for a campaign that takes letters; 404 for one that does not.
fn page(
    state: &AppState,
    site: &Site,
    c: &Campaign,
    lang: Lang,
    form: LetterForm,
) -> Result<LetterPage, WebError> {
    let tr = Tr::new(lang);
    let slug = c.slug.as_str();
    let (Some(letters), Some(facility)) = (&c.help.letters, &c.status.facility) else {
        return Err(WebError::not_found(lang));
    };
    if !c.status.accepts_letters() {
        return Err(WebError::not_found(lang));
    }
    let content = state.content();
    let mut notes = crate::campaign::Footnotes::default();
    let recipient = c.person.name.get(lang).to_string();
    // In Russian "Письмо Анне Пример": a name written in Russian is
    // declined; any other stays as written, as Russian does with foreign names.
    let shown = c.person.name.shown(lang);
    let dative = if lang == Lang::RU && shown.fallback.is_none() {
        crate::campaign::grammar::dative(shown.text, c.person.gender)
    } else {
        shown.text.to_string()
    };
    let title = tr.args(
        "letter-title",
        [("name", arg(recipient.as_str())), ("dative", arg(dative))],
    );
    let tips_html = block_html(&tr, &letters.tips, &content.registry, &mut notes);
    Ok(LetterPage {
        footnotes: footnotes(&notes, &tr),
        tips_html,
        layout: Layout::new(lang, site, title, String::new(), |l| paths::letter(l, slug)),
        campaign_href: paths::campaign(lang, slug),
        facility: facility.name.get(lang).to_string(),
        address: facility.address.get(lang).to_string(),
        languages: super::campaign_page::letter_languages(&tr, letters),
        paused: super::campaign_page::letters_paused(&tr, c),
        // A static copy sends the check to the live site, as it does signatures.
        action: site.form_action(&paths::letter(lang, slug)),
        sends_to: site.is_static().then(|| {
            let host = super::petition_page::host_of(&site.form_action(""));
            tr.args("letter-sends-to", [("host", arg(host))])
        }),
        risky: c.writing_is_risky(),
        signature: None,
        return_address: None,
        // A static copy's form cannot send: its page is another origin.
        can_send: letters.forward && !site.is_static() && !c.organiser_keys().is_empty(),
        recipient,
        form,
        error: None,
        checked: None,
    })
}

/// GET: the empty form.
pub async fn show(
    State(state): State<Arc<AppState>>,
    Path((lang, slug)): Path<(String, String)>,
    site: Site,
) -> Result<Response, WebError> {
    let lang = paths::lang(&lang, &state)?;
    let content = state.content();
    let campaign = state.campaign_or_404(&content, &slug, lang).await?;
    let page = page(&state, &site, &campaign, lang, LetterForm::default())?;
    render(&page, StatusCode::OK)
}

/// POST: the check, and the letter as it will be printed; or sending it.
pub async fn post(
    State(state): State<Arc<AppState>>,
    Path((lang, slug)): Path<(String, String)>,
    site: Site,
    conn: Option<Extension<ConnectInfo<SocketAddr>>>,
    headers: HeaderMap,
    form: Result<Form<LetterForm>, FormRejection>,
) -> Result<Response, WebError> {
    let lang = paths::lang(&lang, &state)?;
    let tr = Tr::new(lang);
    let content = state.content();
    let campaign = state.campaign_or_404(&content, &slug, lang).await?;
    let Ok(Form(form)) = form else {
        let mut page = page(&state, &site, &campaign, lang, LetterForm::default())?;
        page.error = Some(tr.t("letter-unreadable"));
        return render(&page, StatusCode::BAD_REQUEST);
    };
    let sending = form.send.is_some();
    let mut page = page(&state, &site, &campaign, lang, form)?;
    if sending {
        let ip = state
            .letter_limiter
            .client_ip(&headers, conn.as_ref().map(|Extension(c)| c));
        if !state.letter_limiter.check(ip) {
            // The letter comes back in the form: nothing typed is lost.
            page.error = Some(tr.t("letter-rate-limited"));
            return Ok(retry_later(render(&page, StatusCode::TOO_MANY_REQUESTS)?));
        }
    }
    if page.paused.is_some() {
        return render(&page, StatusCode::CONFLICT);
    }
    let draft = Draft::read(
        &page.form.text,
        &page.form.name,
        &page.form.return_address,
        &page.form.email,
        page.risky,
        page.form.insists(),
    );
    let draft = match draft {
        Ok(draft) => draft,
        Err(problem) => {
            page.error = Some(problem_text(&tr, problem));
            return render(&page, StatusCode::UNPROCESSABLE_ENTITY);
        }
    };
    if sending && page.can_send {
        let source = post_source(&headers, site.base(), &[]);
        if source == PostSource::Foreign {
            page.error = Some(tr.t("letter-elsewhere"));
            return render(&page, StatusCode::FORBIDDEN);
        }
        return super::letter_sending::send(&state, &site, &campaign, lang, draft, page).await;
    }
    let languages = campaign
        .help
        .letters
        .as_ref()
        .map(|l| l.facility_languages())
        .unwrap_or_default();
    page.checked = Some(checked(
        &tr,
        &state.settings.letter_words,
        &languages,
        &draft.text,
    ));
    page.signature = draft.name;
    page.return_address = draft.return_address;
    render(&page, StatusCode::OK)
}

/// What is wrong with a letter, in the writer's language.
pub fn problem_text(tr: &Tr, problem: DraftProblem) -> String {
    match problem {
        DraftProblem::Empty => tr.t("letter-empty"),
        DraftProblem::TooLong | DraftProblem::NameTooLong => tr.args(
            "letter-too-long",
            [("max", fluent_bundle::FluentValue::from(MAX_CHARS))],
        ),
        DraftProblem::ReturnAddressTooLong => tr.t("letter-return-address-too-long"),
        DraftProblem::BadEmail => tr.t("letter-email-invalid"),
    }
}

/// What the checker finds in `text`, for the page.
fn checked(
    tr: &Tr,
    lists: &HashMap<String, checker::WordList>,
    languages: &[String],
    text: &str,
) -> Checked {
    // Only the lists of the languages the facility reads.
    let lists: HashMap<String, checker::WordList> = languages
        .iter()
        .filter_map(|l| Some((l.clone(), lists.get(l)?.clone())))
        .collect();
    let findings = checker::check(text, &lists, languages);
    let mut groups: Vec<(Topic, Vec<&str>)> = Vec::new();
    for f in &findings {
        let word = &text[f.range.clone()];
        match groups.iter_mut().find(|(t, _)| *t == f.topic) {
            Some((_, words)) if !words.contains(&word) => words.push(word),
            Some(_) => {}
            None => groups.push((f.topic, vec![word])),
        }
    }
    let mut segments = Vec::new();
    let mut at = 0;
    for f in &findings {
        if f.range.start > at {
            segments.push(Segment {
                text: text[at..f.range.start].to_string(),
                marked: false,
            });
        }
        segments.push(Segment {
            text: text[f.range.clone()].to_string(),
            marked: true,
        });
        at = f.range.end;
    }
    if at < text.len() {
        segments.push(Segment {
            text: text[at..].to_string(),
            marked: false,
        });
    }
    let pages = checker::pages(text, PAGE_CHARS);
    Checked {
        findings: groups
            .into_iter()
            .map(|(topic, words)| FindingGroup {
                explanation: tr.t(&format!("letter-topic-{}", topic.code())),
                words: words
                    .iter()
                    .map(|w| format!("«{w}»"))
                    .collect::<Vec<_>>()
                    .join(", "),
            })
            .collect(),
        segments,
        pages: tr.args(
            "letter-pages",
            [("pages", fluent_bundle::FluentValue::from(pages))],
        ),
        long: pages > SHORT_PAGES,
    }
}

/// GET `/{lang}/write-a-letter`: to the letter page of someone who can get
/// letters now, picked with a weight towards those who got the fewest
/// through this site in the last 30 days. A fresh pick each time (`no-store`).
pub async fn someone(
    State(state): State<Arc<AppState>>,
    Path(lang): Path<String>,
    site: Site,
) -> Result<Response, WebError> {
    let lang = paths::lang(&lang, &state)?;
    let content = state.content();
    let now = chrono::Utc::now().timestamp();
    let counts = state
        .store
        .letter_counts_since(now - pick::WINDOW_DAYS * 86_400)
        .await
        .map_err(|e| {
            tracing::error!(error = %e, "letter counts could not be read");
            WebError::unavailable().in_lang(lang)
        })?;
    let candidates: Vec<(&str, u64)> = content
        .listings()
        .filter(|c| c.takes_letters)
        .map(|c| {
            let slug = c.slug.as_str();
            (slug, counts.get(slug).copied().unwrap_or(0))
        })
        .collect();
    let Some(slug) = pick::pick(&candidates, &mut rand::thread_rng()) else {
        let tr = Tr::new(lang);
        let page = super::signing::NoticePage {
            layout: Layout::new(lang, &site, tr.t("write-to-someone"), String::new(), |l| {
                paths::write_to_someone(l)
            }),
            heading: tr.t("write-to-someone"),
            message: tr.t("write-to-someone-none"),
            button: None,
            back_href: None,
        };
        return render(&page, StatusCode::OK);
    };
    let mut response = Redirect::to(&paths::letter(lang, slug)).into_response();
    response.headers_mut().insert(
        axum::http::header::CACHE_CONTROL,
        axum::http::HeaderValue::from_static("no-store"),
    );
    Ok(response)
}
