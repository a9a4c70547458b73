//! `/{lang}/`: all campaigns, filterable by status and searchable by name,
//! with a "help now" strip of hearings and birthdays.

use std::sync::Arc;

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::HeaderMap;
use axum::response::Response;
use serde::Deserialize;

use super::campaign_page::PhotoView;
use crate::campaign::{Campaign, Lang, StatusKind};
use crate::i18n::{Tr, arg};
use crate::web::error::WebError;
use crate::web::layout::{Layout, html_page};
use crate::web::paths;
use crate::web::site::Site;
use crate::web::state::{AppState, Content};

/// How far ahead the strip looks for expected releases.
const RELEASE_WINDOW_DAYS: i64 = 90;

/// How far ahead the strip looks for birthdays.
const BIRTHDAY_WINDOW_DAYS: i64 = 31;
const HELP_NOW_MAX: usize = 10;
/// Longer searches are cut: names are short, and the page must stay cheap.
const MAX_QUERY_CHARS: usize = 100;

#[derive(Debug, Default, Deserialize)]
pub struct Filter {
    #[serde(default)]
    q: String,
    #[serde(default)]
    status: String,
}

pub async fn handler(
    State(state): State<Arc<AppState>>,
    Path(lang): Path<String>,
    Query(filter): Query<Filter>,
    site: Site,
    headers: HeaderMap,
) -> Result<Response, WebError> {
    let lang = paths::lang(&lang, &state)?;
    let content = state.content();
    let query: String = filter.q.trim().chars().take(MAX_QUERY_CHARS).collect();
    let status = StatusKind::from_code(filter.status.trim());
    if query.is_empty() && status.is_none() {
        // The counters include signatures: a change of count replaces it.
        let path = paths::directory(lang);
        let key = site.cache_key(&path);
        let page = content.page_at(&key, state.counts_freshness(), || {
            html_page(&build(&state, &content, &site, lang, "", None), lang)
        })?;
        return Ok(page.respond(&headers));
    }
    // Filtered views are not cached: their number is unbounded.
    let page = html_page(&build(&state, &content, &site, lang, &query, status), lang)?;
    Ok(page.respond(&headers))
}

pub struct Card {
    pub href: String,
    pub name: String,
    pub photo: PhotoView,
    pub status_code: &'static str,
    pub status: String,
    pub charge: Option<String>,
}

pub struct HearingItem {
    pub date: String,
    pub iso: String,
    pub name: String,
    pub href: String,
    pub kind: String,
    pub place: Option<String>,
}

pub struct BirthdayItem {
    pub date: String,
    pub iso: String,
    pub name: String,
    pub href: String,
}

pub struct StatusOption {
    pub code: &'static str,
    pub label: String,
    pub selected: bool,
}

/// A release expected soon.
pub struct ReleaseItem {
    pub date: String,
    pub iso: String,
    pub name: String,
    pub href: String,
}

#[derive(Template)]
#[template(path = "directory.html")]
pub struct DirectoryPage {
    pub layout: Layout,
    pub releases: Vec<ReleaseItem>,
    /// Campaigns by status, in words ("3 in pre-trial detention"), then
    /// the confirmed signatures of every petition together.
    pub by_status: Vec<String>,
    pub signatures_total: String,
    pub cards: Vec<Card>,
    pub total: usize,
    pub query: String,
    pub filtered: bool,
    pub statuses: Vec<StatusOption>,
    pub hearings: Vec<HearingItem>,
    pub birthdays: Vec<BirthdayItem>,
}

fn matches(c: &Campaign, query_lower: &str, status: Option<StatusKind>) -> bool {
    let status_ok = status.is_none_or(|s| c.status.kind == s);
    let query_ok = query_lower.is_empty()
        || c.person
            .name
            .values()
            .any(|n| n.to_lowercase().contains(query_lower));
    status_ok && query_ok
}

fn build(
    state: &AppState,
    content: &Content,
    site: &Site,
    lang: Lang,
    query: &str,
    status: Option<StatusKind>,
) -> DirectoryPage {
    let tr = Tr::new(lang);
    let query_lower = query.to_lowercase();
    let mut campaigns: Vec<&Campaign> = content
        .campaigns
        .iter()
        .filter(|c| matches(c, &query_lower, status))
        .collect();
    campaigns.sort_by(|a, b| b.updated.cmp(&a.updated).then_with(|| a.slug.cmp(&b.slug)));

    let cards = campaigns
        .iter()
        .map(|c| {
            let name = c.person.name.get(lang).to_string();
            Card {
                href: paths::campaign(lang, c.slug.as_str()),
                photo: paths::photo(content, c, &tr)
                    .unwrap_or_else(|| paths::placeholder_photo(&tr, &name)),
                name,
                status_code: c.status.kind.code(),
                status: tr.args(
                    &format!("status-{}", c.status.kind.code()),
                    [("gender", arg(c.person.gender.map_or("other", |g| g.code())))],
                ),
                charge: c.charges.first().map(|ch| {
                    tr.args(
                        "charge-short",
                        [
                            ("article", arg(ch.article.as_str())),
                            ("code", arg(tr.t(&format!("code-{}", ch.code.code())))),
                        ],
                    )
                }),
            }
        })
        .collect();

    let filtered = !query.is_empty() || status.is_some();
    let today = content.today;
    let mut hearings: Vec<(chrono::NaiveDate, Option<chrono::NaiveTime>, HearingItem)> = content
        .campaigns
        .iter()
        .flat_map(|c| {
            c.upcoming_sittings(today).into_iter().map(move |e| {
                (
                    e.date,
                    e.time,
                    HearingItem {
                        date: tr.date_time(e.date, e.time),
                        iso: e.date.to_string(),
                        name: c.person.name.get(lang).to_string(),
                        href: paths::campaign(lang, c.slug.as_str()),
                        kind: tr.t(&format!("event-{}", e.kind.code())),
                        place: e.place.as_ref().map(|p| p.get(lang).to_string()),
                    },
                )
            })
        })
        .collect();
    hearings.sort_by_key(|(date, time, _)| (*date, *time));

    let mut birthdays: Vec<(chrono::NaiveDate, BirthdayItem)> = content
        .campaigns
        .iter()
        .filter(|c| c.status.kind.is_custody())
        .filter_map(|c| {
            let day = c.next_birthday(today)?;
            ((day - today).num_days() <= BIRTHDAY_WINDOW_DAYS).then(|| {
                (
                    day,
                    BirthdayItem {
                        date: tr.date(day),
                        iso: day.to_string(),
                        name: c.person.name.get(lang).to_string(),
                        href: format!("{}#letters", paths::campaign(lang, c.slug.as_str())),
                    },
                )
            })
        })
        .collect();
    birthdays.sort_by_key(|(day, _)| *day);

    let mut releases: Vec<(chrono::NaiveDate, ReleaseItem)> = content
        .campaigns
        .iter()
        .filter_map(|c| {
            let day = c.status.expected_release?;
            let ahead = (day - today).num_days();
            (0..=RELEASE_WINDOW_DAYS).contains(&ahead).then(|| {
                (
                    day,
                    ReleaseItem {
                        date: tr.date(day),
                        iso: day.to_string(),
                        name: c.person.name.get(lang).to_string(),
                        href: paths::campaign(lang, c.slug.as_str()),
                    },
                )
            })
        })
        .collect();
    releases.sort_by_key(|(day, _)| *day);
    let by_status: Vec<String> = StatusKind::ALL
        .into_iter()
        .filter_map(|kind| {
            let n = content
                .campaigns
                .iter()
                .filter(|c| c.status.kind == kind)
                .count();
            (n > 0).then(|| format!("{}: {n}", tr.t(&format!("status-{}", kind.code()))))
        })
        .collect();
    let signatures: i64 = content
        .campaigns
        .iter()
        .flat_map(|c| {
            c.petitions
                .iter()
                .filter_map(|p| content.petition_row(c.slug.as_str(), p.id.as_str()))
        })
        .map(|row| state.count(row))
        .sum();

    let title = tr.t("directory-title");
    DirectoryPage {
        releases: if filtered {
            Vec::new()
        } else {
            releases
                .into_iter()
                .take(HELP_NOW_MAX)
                .map(|(_, r)| r)
                .collect()
        },
        by_status,
        signatures_total: tr.args(
            "count-signatures-total",
            [("n", fluent_bundle::FluentValue::from(signatures))],
        ),
        layout: Layout::new(
            lang,
            site,
            title,
            tr.t("directory-description"),
            paths::directory,
        ),
        total: content.campaigns.len(),
        cards,
        query: query.to_string(),
        filtered,
        statuses: StatusKind::ALL
            .into_iter()
            .map(|k| StatusOption {
                code: k.code(),
                label: tr.t(&format!("status-{}", k.code())),
                selected: Some(k) == status,
            })
            .collect(),
        // A search is for finding someone: the strip would be in the way.
        hearings: if filtered {
            Vec::new()
        } else {
            hearings
                .into_iter()
                .take(HELP_NOW_MAX)
                .map(|(_, _, h)| h)
                .collect()
        },
        birthdays: if filtered {
            Vec::new()
        } else {
            birthdays
                .into_iter()
                .take(HELP_NOW_MAX)
                .map(|(_, b)| b)
                .collect()
        },
    }
}
