//! `/{lang}/{slug}/hearings.ics`: upcoming court sittings as an iCalendar
//! feed, so supporters can subscribe and come to court.

use std::sync::Arc;

use axum::extract::{Path, State};
use axum::http::HeaderMap;
use axum::response::Response;
use icalendar::{Calendar, Component, EventLike};

use crate::campaign::markdown::render_plain;
use crate::campaign::{Campaign, Lang, Registry};
use crate::i18n::{Tr, arg};
use crate::web::cache::{CachedPage, PAGE_MAX_AGE};
use crate::web::error::WebError;
use crate::web::paths;
use crate::web::site::Site;
use crate::web::state::{AppState, Freshness};

pub async fn handler(
    State(state): State<Arc<AppState>>,
    Path((lang, slug)): Path<(String, String)>,
    site: Site,
    headers: HeaderMap,
) -> Result<Response, WebError> {
    let lang = paths::lang(&lang, &state)?;
    let content = state.content();
    let path = paths::hearings(lang, &slug);
    let key = site.cache_key(&path);
    let page = state
        .campaign_page(&content, &slug, lang, &key, Freshness::Content, |c| {
            Ok(CachedPage::new(
                "text/calendar; charset=utf-8",
                PAGE_MAX_AGE,
                calendar(site.base(), &content.registry, c, lang, content.today).to_string(),
            ))
        })
        .await?;
    Ok(page.respond(&headers))
}

/// Times are local to the court and written without a zone ("floating"):
/// supporters who go are in the court's zone, and the campaign file states
/// the time as the court announced it.
fn calendar(
    public_url: &str,
    registry: &Registry,
    c: &Campaign,
    lang: Lang,
    today: chrono::NaiveDate,
) -> Calendar {
    let tr = Tr::new(lang);
    let base = public_url.trim_end_matches('/');
    let host = url::Url::parse(base)
        .ok()
        .and_then(|u| u.host_str().map(str::to_string))
        .unwrap_or_else(|| "svoboda".to_string());
    let name = c.person.name.get(lang);
    let page = format!("{base}{}", paths::campaign(lang, c.slug.as_str()));
    let mut cal = Calendar::new();
    cal.name(&tr.args("hearings-calendar-title", [("name", arg(name))]));
    for e in c.upcoming_sittings(today) {
        let kind = tr.t(&format!("event-{}", e.kind.code()));
        let mut event = icalendar::Event::new();
        event
            .uid(&format!("{}-{}-{}@{host}", c.slug, e.date, e.kind.code()))
            .summary(&format!("{name}: {kind}"))
            .description(&format!(
                "{}\n{page}",
                render_plain(e.text.get(lang), lang, registry, usize::MAX)
            ))
            .url(&page);
        match e.time {
            Some(time) => event.starts(e.date.and_time(time)),
            None => event.all_day(e.date),
        };
        if let Some(place) = &e.place {
            event.location(place.get(lang));
        }
        cal.push(event.done());
    }
    cal.done()
}
