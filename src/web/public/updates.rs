//! News of a campaign: `/{lang}/{slug}/updates`, one page per update, and
//! the Atom feed `/{lang}/{slug}/feed.atom`.

use std::sync::Arc;

use askama::Template;
use atom_syndication::{Content as AtomContent, Entry, Feed, FixedDateTime, Link, Person, Text};
use axum::extract::{Path, State};
use axum::http::HeaderMap;
use axum::response::Response;
use chrono::NaiveDate;

use super::campaign_page::DESCRIPTION_CHARS;
use crate::campaign::markdown::render_plain;
use crate::campaign::{Campaign, Footnotes, Lang, Registry, Update};
use crate::i18n::{Tr, arg};
use crate::web::cache::{CachedPage, PAGE_MAX_AGE};
use crate::web::error::WebError;
use crate::web::layout::{FeedLink, Layout, html_page};
use crate::web::paths;
use crate::web::site::Site;
use crate::web::state::{AppState, Content, Freshness};
use crate::web::text::block_html;
use crate::web::text::{FootnoteView, footnotes};

pub struct UpdateView {
    pub date: String,
    pub iso: String,
    pub title: String,
    pub href: String,
    pub body_html: String,
    pub photo: Option<super::campaign_page::PhotoView>,
}

#[derive(Template)]
#[template(path = "updates.html")]
pub struct UpdatesPage {
    pub layout: Layout,
    pub name: String,
    pub campaign_href: String,
    pub feed_href: String,
    pub updates: Vec<UpdateView>,
    pub footnotes: Vec<FootnoteView>,
}

#[derive(Template)]
#[template(path = "update.html")]
pub struct UpdatePage {
    pub layout: Layout,
    pub name: String,
    pub campaign_href: String,
    pub updates_href: String,
    pub update: UpdateView,
    pub footnotes: Vec<FootnoteView>,
}

fn update_view(
    tr: &Tr,
    c: &Campaign,
    u: &Update,
    content: &Content,
    notes: &mut Footnotes,
) -> UpdateView {
    let registry = &content.registry;
    UpdateView {
        photo: paths::update_photo(content, c.slug.as_str(), u.id.as_str(), String::new()),
        date: tr.date(u.date),
        iso: u.date.to_string(),
        title: u.title.get(tr.lang).to_string(),
        href: paths::update(tr.lang, c.slug.as_str(), u.id.as_str()),
        body_html: block_html(tr, &u.body, registry, notes),
    }
}

fn feed_link(tr: &Tr, c: &Campaign) -> FeedLink {
    FeedLink {
        title: tr.args("feed-title", [("name", arg(c.person.name.get(tr.lang)))]),
        path: paths::feed(tr.lang, c.slug.as_str()),
    }
}

pub async fn list(
    State(state): State<Arc<AppState>>,
    Path((lang, slug)): Path<(String, String)>,
    site: Site,
    headers: HeaderMap,
) -> Result<Response, WebError> {
    let lang = paths::lang(&lang, &state)?;
    let content = state.content();
    let path = paths::updates(lang, &slug);
    let key = site.cache_key(&path);
    let page = state
        .campaign_page(&content, &slug, lang, &key, Freshness::Content, |c| {
            let tr = Tr::new(lang);
            let name = c.person.name.get(lang).to_string();
            let mut notes = Footnotes::default();
            let updates = c
                .updates_newest_first()
                .into_iter()
                .map(|u| update_view(&tr, c, u, &content, &mut notes))
                .collect();
            let mut layout = Layout::new(
                lang,
                &site,
                tr.args("updates-title", [("name", arg(name.as_str()))]),
                tr.args("updates-description", [("name", arg(name.as_str()))]),
                |l| paths::updates(l, &slug),
            );
            layout.feed = Some(feed_link(&tr, c));
            html_page(
                &UpdatesPage {
                    layout,
                    campaign_href: paths::campaign(lang, &slug),
                    feed_href: paths::feed(lang, &slug),
                    name,
                    updates,
                    footnotes: footnotes(&notes, &tr),
                },
                lang,
            )
        })
        .await?;
    Ok(page.respond(&headers))
}

pub async fn one(
    State(state): State<Arc<AppState>>,
    Path((lang, slug, id)): Path<(String, String, String)>,
    site: Site,
    headers: HeaderMap,
) -> Result<Response, WebError> {
    let lang = paths::lang(&lang, &state)?;
    let content = state.content();
    let listed = content
        .exists_or_404(&slug, lang)?
        .listing
        .updates
        .iter()
        .any(|(u, _)| u.as_str() == id);
    if !listed {
        return Err(WebError::not_found(lang));
    }
    let path = paths::update(lang, &slug, &id);
    let key = site.cache_key(&path);
    let page = state
        .campaign_page(&content, &slug, lang, &key, Freshness::Content, |c| {
            let u = c.update(&id).ok_or(WebError::not_found(lang))?;
            let tr = Tr::new(lang);
            let mut notes = Footnotes::default();
            let update = update_view(&tr, c, u, &content, &mut notes);
            let mut layout = Layout::new(
                lang,
                &site,
                update.title.clone(),
                render_plain(u.body.get(lang), lang, &content.registry, DESCRIPTION_CHARS),
                |l| paths::update(l, &slug, &id),
            );
            layout.og_type = "article";
            layout.feed = Some(feed_link(&tr, c));
            html_page(
                &UpdatePage {
                    layout,
                    name: c.person.name.get(lang).to_string(),
                    campaign_href: paths::campaign(lang, &slug),
                    updates_href: paths::updates(lang, &slug),
                    update,
                    footnotes: footnotes(&notes, &tr),
                },
                lang,
            )
        })
        .await?;
    Ok(page.respond(&headers))
}

fn midnight_utc(date: NaiveDate) -> FixedDateTime {
    date.and_time(chrono::NaiveTime::MIN)
        .and_utc()
        .fixed_offset()
}

pub async fn feed(
    State(state): State<Arc<AppState>>,
    Path((lang, slug)): Path<(String, String)>,
    site: Site,
    headers: HeaderMap,
) -> Result<Response, WebError> {
    let lang = paths::lang(&lang, &state)?;
    let content = state.content();
    let path = paths::feed(lang, &slug);
    let key = site.cache_key(&path);
    let page = state
        .campaign_page(&content, &slug, lang, &key, Freshness::Content, |c| {
            Ok(CachedPage::new(
                "application/atom+xml; charset=utf-8",
                PAGE_MAX_AGE,
                atom(site.base(), &content.registry, c, lang).to_string(),
            ))
        })
        .await?;
    Ok(page.respond(&headers))
}

fn atom(base: &str, registry: &Registry, c: &Campaign, lang: Lang) -> Feed {
    let tr = Tr::new(lang);
    let slug = c.slug.as_str();
    let name = c.person.name.get(lang);
    let link = |href: String, rel: &str| Link {
        href,
        rel: rel.to_string(),
        ..Default::default()
    };
    let updates = c.updates_newest_first();
    let mut notes = Footnotes::default();
    let entries: Vec<Entry> = updates
        .iter()
        .map(|u| {
            let url = format!("{base}{}", paths::update(lang, slug, u.id.as_str()));
            let mut body = block_html(&tr, &u.body, registry, &mut notes);
            // A feed reader shows one entry alone, so each carries its own labels.
            for f in footnotes(&std::mem::take(&mut notes), &tr) {
                body.push_str(&format!(
                    "<p><small>{} {}</small></p>",
                    crate::campaign::markdown::escape_html(&f.marker),
                    crate::campaign::markdown::escape_html(&f.text)
                ));
            }
            Entry {
                id: url.clone(),
                title: Text::plain(u.title.get(lang)),
                updated: midnight_utc(u.date),
                published: Some(midnight_utc(u.date)),
                links: vec![link(url, "alternate")],
                content: Some(AtomContent {
                    value: Some(body),
                    content_type: Some("html".to_string()),
                    lang: Some(lang.code().to_string()),
                    ..Default::default()
                }),
                ..Default::default()
            }
        })
        .collect();
    let campaign_url = format!("{base}{}", paths::campaign(lang, slug));
    Feed {
        id: format!("{base}{}", paths::feed(lang, slug)),
        title: Text::plain(tr.args("feed-title", [("name", arg(name))])),
        updated: midnight_utc(
            updates
                .first()
                .map(|u| u.date)
                .unwrap_or(c.updated)
                .max(c.updated),
        ),
        authors: vec![Person {
            name: tr.args("feed-author", [("name", arg(name))]),
            ..Default::default()
        }],
        links: vec![
            link(campaign_url, "alternate"),
            link(format!("{base}{}", paths::feed(lang, slug)), "self"),
        ],
        lang: Some(lang.code().to_string()),
        entries,
        ..Default::default()
    }
}
