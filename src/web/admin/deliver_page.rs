//! Opening a petition's signatures in the browser, for organisers without a
//! shell: the page reads the export and the organiser's identity file on
//! their device (`static/workspace/deliver.js`, with the vendored age
//! implementation), saves the CSV of `svoboda signatures decrypt` and shows
//! the delivery document as a print view. Its policy forbids every
//! connection; it also works saved to disk and opened with no network, so
//! everything its script says is in the page.

use std::sync::Arc;

use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;
use fluent_bundle::FluentValue;

use super::context::{AdminLang, SignedIn};
use super::layout::{AdminLayout, Section, render_with_scripts};
use super::paths;
use crate::i18n::{Tr, arg};
use crate::petition::screening;
use crate::web::AppState;
use crate::web::error::WebError;
use crate::web::public::assets;
use crate::web::security::OWN_SCRIPTS_POLICY_META;

/// A message the script shows, in the page's language.
pub struct ScriptMessage {
    pub id: String,
    /// `{name}` marks where the script puts a value.
    pub text: Option<String>,
    /// For a message with a count: its forms for 1, 2 and 5, which cover
    /// every plural category of whole numbers in Svoboda's languages; the
    /// script picks by `Intl.PluralRules`.
    pub forms: Option<[String; 3]>,
}

impl ScriptMessage {
    pub(super) fn plain(tr: &Tr, id: &str, placeholders: &[&'static str]) -> Self {
        let args: Vec<(&str, FluentValue)> = placeholders
            .iter()
            .map(|name| (*name, arg(format!("{{{name}}}"))))
            .collect();
        ScriptMessage {
            id: id.to_string(),
            text: Some(tr.args(id, args)),
            forms: None,
        }
    }

    pub(super) fn counted(tr: &Tr, id: &str) -> Self {
        let form = |n: u32| {
            tr.args(id, [("count", FluentValue::from(n))])
                .replace(&n.to_string(), "{count}")
        };
        ScriptMessage {
            id: id.to_string(),
            text: None,
            forms: Some([form(1), form(2), form(5)]),
        }
    }
}

pub struct DownloadLink {
    pub href: String,
    pub label: String,
}

#[derive(Template)]
#[template(path = "admin/deliver.html")]
pub struct DeliverPage {
    pub layout: AdminLayout,
    pub downloads: Vec<DownloadLink>,
    pub messages: Vec<ScriptMessage>,
    /// The throwaway mail domains, space-separated, for the screening.
    pub disposable: String,
}

fn messages(tr: &Tr) -> Vec<ScriptMessage> {
    let mut all = vec![
        ScriptMessage::plain(tr, "deliver-bad-identity", &[]),
        ScriptMessage::plain(tr, "deliver-not-an-export", &[]),
        ScriptMessage::plain(tr, "deliver-bad-line", &["line"]),
        ScriptMessage::plain(tr, "deliver-choose-both", &[]),
        ScriptMessage::plain(tr, "deliver-failed", &["detail"]),
        ScriptMessage::plain(tr, "deliver-progress", &["done", "total"]),
        ScriptMessage::plain(tr, "deliver-done", &[]),
        ScriptMessage::plain(tr, "deliver-suspect-same", &["id"]),
        ScriptMessage::plain(tr, "deliver-suspect-throwaway", &["domain"]),
        ScriptMessage::plain(tr, "date-format", &["day", "month", "year"]),
        ScriptMessage::counted(tr, "pdf-signatures"),
    ];
    for id in [
        "deliver-count-opened",
        "deliver-count-confirmed",
        "deliver-count-pending",
        "deliver-count-other-keys",
        "deliver-count-purged",
        "deliver-count-suspects",
    ] {
        all.push(ScriptMessage::plain(tr, id, &["count"]));
    }
    for id in [
        "pdf-to",
        "pdf-col-number",
        "pdf-col-name",
        "pdf-col-city",
        "pdf-col-country",
        "pdf-col-date",
    ] {
        all.push(ScriptMessage::plain(tr, id, &[]));
    }
    for month in 1..=12 {
        all.push(ScriptMessage::plain(tr, &format!("month-{month}"), &[]));
    }
    all
}

pub async fn show(
    State(state): State<Arc<AppState>>,
    AdminLang(lang): AdminLang,
    SignedIn(signed): SignedIn,
) -> Result<Response, WebError> {
    if !signed.access.may_deliver_any() {
        return Err(WebError::forbidden(lang));
    }
    let tr = Tr::new(lang);
    let content = state.content();
    let downloads = content
        .listings()
        .filter(|c| signed.access.may_deliver(c.slug.as_str()))
        .flat_map(|c| {
            let person = c.name.get(lang).to_string();
            c.petitions
                .iter()
                .map(move |p| (c.slug.as_str(), person.clone(), p))
        })
        .map(|(slug, person, p)| DownloadLink {
            href: paths::export(lang, slug, p.id.as_str()),
            label: format!("{person}: {}", p.title.get(lang)),
        })
        .collect();
    let mut layout = AdminLayout::new(
        &state,
        lang,
        Some(&signed),
        Section::Campaigns,
        tr.t("deliver-title"),
        paths::deliver,
    );
    layout.scripts = assets::deliver_scripts();
    layout.stylesheets = vec![assets::page_numbers_href(lang)];
    layout.policy_meta = Some(OWN_SCRIPTS_POLICY_META);
    let page = DeliverPage {
        layout,
        downloads,
        messages: messages(&tr),
        disposable: screening::disposable_domains()
            .collect::<Vec<_>>()
            .join(" "),
    };
    render_with_scripts(&page, StatusCode::OK)
}
