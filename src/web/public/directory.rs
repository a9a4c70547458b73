//! `/{lang}/`: all campaigns, a page at a time, filterable by status and
//! searchable by name, region or article, with a "help now" strip of
//! hearings, releases and birthdays on the first page. Pages are plain
//! links, so the directory works without JavaScript and crawlers follow it.

use std::sync::Arc;

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::HeaderMap;
use axum::response::Response;
use serde::Deserialize;

use super::campaign_page::PhotoView;
use crate::campaign::{Lang, Listing, StatusKind};
use crate::i18n::{Tr, arg};
use crate::web::cache::{CachedPage, PAGE_MAX_AGE};
use crate::web::content::{Found, PeerEntry};
use crate::web::error::WebError;
use crate::web::layout::{Layout, html_page};
use crate::web::page_cache::Scope;
use crate::web::pagination::{Pagination, href, page_count, pagination};
use crate::web::paths;
use crate::web::site::Site;
use crate::web::state::{AppState, Content, Freshness};

/// How far ahead the strip looks for expected releases.
const RELEASE_WINDOW_DAYS: i64 = 90;

/// How far ahead the strip looks for birthdays.
const BIRTHDAY_WINDOW_DAYS: i64 = 31;
const HELP_NOW_MAX: usize = 10;
/// Longer searches are cut: names are short, and the page must stay cheap.
const MAX_QUERY_CHARS: usize = 100;

/// Cards on one page of the directory: with the strip and the frame, a
/// page stays well under 50 KB of HTML however many campaigns there are.
pub const PER_PAGE: usize = 48;

#[derive(Debug, Default, Deserialize)]
pub struct Filter {
    #[serde(default)]
    q: String,
    #[serde(default)]
    status: String,
    #[serde(default)]
    page: String,
}

/// What a directory page shows: a search, a status, a page of the result.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct View {
    pub query: String,
    pub status: Option<StatusKind>,
    pub page: usize,
}

impl View {
    /// The first page of everyone.
    fn first() -> Self {
        View {
            query: String::new(),
            status: None,
            page: 1,
        }
    }

    fn from_filter(filter: &Filter) -> Self {
        View {
            query: filter.q.trim().chars().take(MAX_QUERY_CHARS).collect(),
            status: StatusKind::from_code(filter.status.trim()),
            // Anything but a page number is the first page.
            page: filter
                .page
                .trim()
                .parse()
                .ok()
                .filter(|p| *p >= 1)
                .unwrap_or(1),
        }
    }

    fn filtered(&self) -> bool {
        !self.query.is_empty() || self.status.is_some()
    }

    /// This view's address in `lang`, the one form every link uses (and the
    /// key of its cached page).
    pub fn href(&self, lang: Lang) -> String {
        self.href_of_page(lang, self.page)
    }

    fn href_of_page(&self, lang: Lang, page: usize) -> String {
        let status = self.status.map_or("", StatusKind::code);
        let query = [("q", self.query.as_str()), ("status", status)];
        href(paths::directory(lang), &query, page)
    }
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
    let view = View::from_filter(&filter);
    if !view.query.is_empty() {
        // Searches are not cached: their number is unbounded. Drawing one
        // costs a pass over the index and one page of cards.
        let page = build(&state, &content, &site, lang, &view)?;
        let page = CachedPage::once(
            "text/html; charset=utf-8",
            PAGE_MAX_AGE,
            page.render()
                .map_err(|e| WebError::internal(e.to_string()).in_lang(lang))?,
            &headers,
        )
        .with_language(lang);
        return Ok(page.respond(&headers));
    }
    // The first page counts signatures: a change of count replaces it.
    let freshness = if view == View::first() {
        state.counts_freshness(&content, Scope::Site)
    } else {
        Freshness::Content
    };
    let href = view.href(lang);
    let key = site.cache_key(&href);
    if let Some(page) = content.cached(&key, freshness) {
        return Ok(page.respond(&headers));
    }
    let page = build(&state, &content, &site, lang, &view)?;
    let page = content.page_at(&key, Scope::Site, freshness, || html_page(&page, lang))?;
    Ok(page.respond(&headers))
}

pub struct Card {
    pub href: String,
    pub name: String,
    pub photo: PhotoView,
    pub status_code: &'static str,
    pub status: String,
    pub charge: Option<String>,
    /// A peer's campaign: its group ("with OVD-Info"), and the date of the
    /// copy it comes from when that is old (the peer did not answer since).
    pub group: Option<String>,
    pub as_of: Option<String>,
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
    /// Only on the first page of everyone.
    pub overview: Option<Overview>,
    pub cards: Vec<Card>,
    /// Campaigns on the instance.
    pub total: usize,
    /// For a search or a filter: how many it found, in words.
    pub found: Option<String>,
    pub pagination: Option<Pagination>,
    pub query: String,
    pub filtered: bool,
    pub statuses: Vec<StatusOption>,
}

pub struct Overview {
    /// Campaigns by status, in words ("3 in pre-trial detention"), then
    /// the confirmed signatures of every petition together.
    pub by_status: Vec<String>,
    pub signatures_total: String,
    pub releases: Vec<ReleaseItem>,
    pub hearings: Vec<HearingItem>,
    pub birthdays: Vec<BirthdayItem>,
    /// "Write to someone who gets few letters", where anyone can get letters.
    pub write_href: Option<String>,
}

fn card(content: &Content, tr: &Tr, lang: Lang, c: &Listing) -> Card {
    let name = c.name.get(lang).to_string();
    Card {
        href: paths::campaign(lang, c.slug.as_str()),
        photo: paths::photo(content, c.slug.as_str(), &c.name, tr)
            .unwrap_or_else(|| paths::placeholder_photo(tr, &name)),
        name,
        status_code: c.status.code(),
        status: tr.args(
            &format!("status-{}", c.status.code()),
            [("gender", arg(c.gender.map_or("other", |g| g.code())))],
        ),
        charge: c.charge.as_ref().map(|ch| charge_text(tr, ch)),
        group: None,
        as_of: None,
    }
}

fn charge_text(tr: &Tr, ch: &crate::campaign::listing::ChargeSummary) -> String {
    tr.args(
        "charge-short",
        [
            ("article", arg(ch.article.as_str())),
            ("code", arg(tr.t(&format!("code-{}", ch.code.code())))),
        ],
    )
}

/// A peer's copy older than this is dated on its cards.
const STALE_SECONDS: i64 = 2 * 3600;

/// A card of a peer's campaign: its page there, its photo from this
/// instance, marked with the group.
fn peer_card(tr: &Tr, lang: Lang, p: &PeerEntry, now: i64) -> Card {
    let c = &p.campaign;
    let name = c.name.get(lang).to_string();
    Card {
        href: c.page(lang).to_string(),
        photo: match &p.photo {
            Some(meta) => PhotoView {
                src: paths::peer_photo(p.peer, c.slug.as_str(), meta),
                width: meta.width,
                height: meta.height,
                alt: tr.args("photo-alt", [("name", arg(name.as_str()))]),
            },
            None => paths::placeholder_photo(tr, &name),
        },
        status_code: c.status.code(),
        status: tr.args(
            &format!("status-{}", c.status.code()),
            [("gender", arg("other"))],
        ),
        charge: c.charge.as_ref().map(|ch| charge_text(tr, ch)),
        group: Some(tr.args("peer-group", [("group", arg(p.group.as_str()))])),
        as_of: p
            .as_of
            .filter(|at| now - at > STALE_SECONDS)
            .and_then(|at| chrono::DateTime::from_timestamp(at, 0))
            .map(|at| tr.args("peer-as-of", [("date", arg(tr.date(at.date_naive())))])),
        name,
    }
}

fn build(
    state: &AppState,
    content: &Content,
    site: &Site,
    lang: Lang,
    view: &View,
) -> Result<DirectoryPage, WebError> {
    let tr = Tr::new(lang);
    let found = content.find_in_directory(&view.query, view.status);
    let now = chrono::Utc::now().timestamp();
    let pages = page_count(found.len(), PER_PAGE);
    // A page past the last is no page: crawlers drop it.
    if view.page > pages {
        return Err(WebError::not_found(lang));
    }
    let cards = found
        .iter()
        .skip((view.page - 1) * PER_PAGE)
        .take(PER_PAGE)
        .map(|found| match found {
            Found::Own(e) => card(content, &tr, lang, &e.listing),
            Found::Peer(p) => peer_card(&tr, lang, p, now),
        })
        .collect();
    let filtered = view.filtered();
    // The strip and the counters are for the first page of everyone: a
    // search is for finding someone, and they would be in the way.
    let overview = (*view == View::first()).then(|| overview(state, content, &tr, lang));

    let title = if view.page > 1 {
        tr.args(
            "directory-title-page",
            [("page", fluent_bundle::FluentValue::from(view.page))],
        )
    } else {
        tr.t("directory-title")
    };
    let canonical = view.clone();
    Ok(DirectoryPage {
        layout: Layout::new(lang, site, title, tr.t("directory-description"), |l| {
            canonical.href(l)
        }),
        overview,
        total: content.len(),
        found: filtered.then(|| {
            tr.args(
                "directory-found",
                [("n", fluent_bundle::FluentValue::from(found.len()))],
            )
        }),
        pagination: pagination(&tr, view.page, pages, |n| view.href_of_page(lang, n)),
        cards,
        query: view.query.clone(),
        filtered,
        statuses: StatusKind::ALL
            .into_iter()
            .map(|k| StatusOption {
                code: k.code(),
                label: tr.t(&format!("status-{}", k.code())),
                selected: Some(k) == view.status,
            })
            .collect(),
    })
}

/// The counters and the "help now" strip, from every campaign.
fn overview(state: &AppState, content: &Content, tr: &Tr, lang: Lang) -> Overview {
    let tr = *tr;
    let today = content.today;
    let mut hearings: Vec<(chrono::NaiveDate, Option<chrono::NaiveTime>, HearingItem)> = content
        .listings()
        .flat_map(|c| {
            c.upcoming_sittings(today).map(move |e| {
                (
                    e.date,
                    e.time,
                    HearingItem {
                        date: tr.date_time(e.date, e.time),
                        iso: e.date.to_string(),
                        name: c.name.get(lang).to_string(),
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
        .listings()
        .filter(|c| c.status.is_custody())
        .filter_map(|c| {
            let day = c.next_birthday(today)?;
            ((day - today).num_days() <= BIRTHDAY_WINDOW_DAYS).then(|| {
                (
                    day,
                    BirthdayItem {
                        date: tr.date(day),
                        iso: day.to_string(),
                        name: c.name.get(lang).to_string(),
                        // Straight to writing, where letters reach the person.
                        href: if c.takes_letters {
                            paths::letter(lang, c.slug.as_str())
                        } else {
                            format!("{}#letters", paths::campaign(lang, c.slug.as_str()))
                        },
                    },
                )
            })
        })
        .collect();
    birthdays.sort_by_key(|(day, _)| *day);

    let mut releases: Vec<(chrono::NaiveDate, ReleaseItem)> = content
        .listings()
        .filter_map(|c| {
            let day = c.expected_release?;
            let ahead = (day - today).num_days();
            (0..=RELEASE_WINDOW_DAYS).contains(&ahead).then(|| {
                (
                    day,
                    ReleaseItem {
                        date: tr.date(day),
                        iso: day.to_string(),
                        name: c.name.get(lang).to_string(),
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
            let n = content.listings().filter(|c| c.status == kind).count();
            (n > 0).then(|| format!("{}: {n}", tr.t(&format!("status-{}", kind.code()))))
        })
        .collect();
    let signatures: i64 = content
        .entries()
        .flat_map(|e| e.petitions.values())
        .map(|row| state.count(*row))
        .sum();
    Overview {
        write_href: content
            .listings()
            .any(|c| c.takes_letters)
            .then(|| paths::write_to_someone(lang)),
        by_status,
        signatures_total: tr.args(
            "count-signatures-total",
            [("n", fluent_bundle::FluentValue::from(signatures))],
        ),
        releases: releases
            .into_iter()
            .take(HELP_NOW_MAX)
            .map(|(_, r)| r)
            .collect(),
        hearings: hearings
            .into_iter()
            .take(HELP_NOW_MAX)
            .map(|(_, _, h)| h)
            .collect(),
        birthdays: birthdays
            .into_iter()
            .take(HELP_NOW_MAX)
            .map(|(_, b)| b)
            .collect(),
    }
}
