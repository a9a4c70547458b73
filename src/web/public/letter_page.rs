//! `/{lang}/{slug}/letter`: writing a letter to a person in custody, and
//! checking it before it goes. The writer types the letter; pressing the
//! button marks what prison censors are likely to stop (see
//! `letters::checker`), counts the pages and shows the letter as it will
//! be printed, with the facility's address, to copy by hand, print or paste
//! into an e-letter service. Nothing typed is kept: the check runs on the
//! request and the text is gone once the page is sent back. No script.

use std::collections::HashMap;
use std::sync::Arc;

use askama::Template;
use axum::Form;
use axum::extract::rejection::FormRejection;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use serde::Deserialize;

use super::petition_page::render;
use crate::campaign::{Campaign, Lang};
use crate::i18n::{Tr, arg};
use crate::letters::checker::{self, Topic};
use crate::web::error::WebError;
use crate::web::layout::Layout;
use crate::web::paths;
use crate::web::site::Site;
use crate::web::state::AppState;
use crate::web::text::{FootnoteView, block_html, footnotes};

/// The longest letter taken: some ten printed pages.
pub const MAX_CHARS: usize = 20_000;
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

/// POST: the check, and the letter as it will be printed.
pub async fn check(
    State(state): State<Arc<AppState>>,
    Path((lang, slug)): Path<(String, String)>,
    site: Site,
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
    let mut page = page(&state, &site, &campaign, lang, form)?;
    if page.paused.is_some() {
        return render(&page, StatusCode::CONFLICT);
    }
    let text = page.form.text.trim_end().to_string();
    if text.trim().is_empty() {
        page.error = Some(tr.t("letter-empty"));
        return render(&page, StatusCode::UNPROCESSABLE_ENTITY);
    }
    if text.chars().count() > MAX_CHARS || page.form.name.chars().count() > 60 {
        page.error = Some(tr.args(
            "letter-too-long",
            [("max", fluent_bundle::FluentValue::from(MAX_CHARS))],
        ));
        return render(&page, StatusCode::UNPROCESSABLE_ENTITY);
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
        &text,
    ));
    let name = page.form.name.trim();
    page.signature =
        (!name.is_empty() && (!page.risky || page.form.insists())).then(|| name.to_string());
    render(&page, StatusCode::OK)
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
