//! What search engines read: `robots.txt` (keep out of the workspace and of
//! personal links) and `sitemap.xml`, an index of files that list every
//! public page in every language, with its translations as hreflang
//! alternates. Readers in a blocked country often find a campaign, or its
//! mirror, through a search engine.

use std::fmt::Write;
use std::sync::Arc;

use axum::extract::{Path, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use chrono::NaiveDate;

use crate::campaign::markdown::escape_html;
use crate::campaign::{Lang, Listing};
use crate::web::AppState;
use crate::web::error::WebError;
use crate::web::paths;
use crate::web::site::Site;
use crate::web::state::Content;

/// Crawlers may re-read these often; five minutes keeps them cheap.
const CACHE: &str = "public, max-age=300";

pub async fn robots(site: Site) -> Response {
    let text = robots_txt(site.base(), site.languages());
    (
        [
            (header::CONTENT_TYPE, "text/plain; charset=utf-8"),
            (header::CACHE_CONTROL, CACHE),
        ],
        text,
    )
        .into_response()
}

/// `/sitemap.xml`: a sitemap index naming the files of every public page.
pub async fn sitemap(State(state): State<Arc<AppState>>, site: Site) -> Response {
    let xml = sitemap_index(
        site.base(),
        &state.content(),
        site.languages(),
        URLS_PER_FILE,
    );
    xml_response(xml)
}

/// `/sitemaps/{n}.xml`: one file of the sitemap.
pub async fn sitemap_file(
    State(state): State<Arc<AppState>>,
    Path(file): Path<String>,
    site: Site,
) -> Result<Response, WebError> {
    let not_found = || WebError::not_found(state.settings.default_lang);
    let number: usize = file
        .strip_suffix(".xml")
        .and_then(|n| n.parse().ok())
        .ok_or_else(not_found)?;
    let xml = sitemap_xml(
        site.base(),
        &state.content(),
        site.languages(),
        number,
        URLS_PER_FILE,
    )
    .ok_or_else(not_found)?;
    Ok(xml_response(xml))
}

fn xml_response(xml: String) -> Response {
    (
        [
            (header::CONTENT_TYPE, "application/xml; charset=utf-8"),
            (header::CACHE_CONTROL, CACHE),
        ],
        xml,
    )
        .into_response()
}

/// The workspace and the links that carry a signer's or a writer's token
/// are no one's to index, nor the random "write to someone"; everything
/// else is.
pub fn robots_txt(base: &str, languages: &[Lang]) -> String {
    let mut text = String::from("User-agent: *\nDisallow: /admin/\n");
    for lang in languages {
        let _ = writeln!(text, "Disallow: /{lang}/confirm/");
        let _ = writeln!(text, "Disallow: /{lang}/withdraw/");
        let _ = writeln!(text, "Disallow: /{lang}/receipt/");
        let _ = writeln!(text, "Disallow: /{lang}/write-a-letter");
    }
    text.push_str("Disallow: /*/thanks/\n");
    let _ = writeln!(
        text,
        "\nSitemap: {}/sitemap.xml",
        base.trim_end_matches('/')
    );
    text
}

/// Addresses per sitemap file: the protocol allows 50,000 (and 50 MB);
/// 10,000 keep a file near 5 MB, drawn in a few milliseconds.
pub const URLS_PER_FILE: usize = 10_000;

/// One page in every language: the path in each, and when it last changed.
struct Page {
    path: Box<dyn Fn(Lang) -> String>,
    modified: Option<NaiveDate>,
}

/// The pages of one campaign.
fn campaign_pages(c: &Listing) -> impl Iterator<Item = Page> + '_ {
    let slug = c.slug.to_string();
    let s = slug.clone();
    let main = Page {
        path: Box::new(move |l| paths::campaign(l, &s)),
        modified: Some(c.updated),
    };
    let s = slug.clone();
    let updates = (!c.updates.is_empty()).then(|| Page {
        path: Box::new(move |l| paths::updates(l, &s)),
        modified: c.updates.iter().map(|(_, date)| *date).max(),
    });
    let each_update = c.updates.iter().map({
        let slug = slug.clone();
        move |(id, date)| {
            let (s, id) = (slug.clone(), id.to_string());
            Page {
                path: Box::new(move |l| paths::update(l, &s, &id)),
                modified: Some(*date),
            }
        }
    });
    let petitions = c.petitions.iter().map(move |p| {
        let (s, id) = (slug.clone(), p.id.to_string());
        Page {
            path: Box::new(move |l| paths::petition(l, &s, &id)),
            modified: Some(c.updated),
        }
    });
    std::iter::once(main)
        .chain(updates)
        .chain(each_update)
        .chain(petitions)
}

/// How many pages [`campaign_pages`] gives, without making them.
fn campaign_page_count(c: &Listing) -> usize {
    1 + usize::from(!c.updates.is_empty()) + c.updates.len() + c.petitions.len()
}

/// Every public page, the directory first.
fn page_count(content: &Content) -> usize {
    1 + content.listings().map(campaign_page_count).sum::<usize>()
}

/// Pages `skip..skip + take`: whole campaigns before `skip` are passed
/// over by their count, so a file costs its own pages only.
fn pages(content: &Content, skip: usize, take: usize) -> Vec<Page> {
    let mut out = Vec::with_capacity(take.min(4096));
    let mut at = 0;
    if skip == 0 {
        out.push(Page {
            path: Box::new(paths::directory),
            modified: content.listings().map(|c| c.updated).max(),
        });
    }
    at += 1;
    for c in content.listings() {
        if out.len() >= take {
            break;
        }
        let n = campaign_page_count(c);
        if at + n <= skip {
            at += n;
            continue;
        }
        for page in campaign_pages(c) {
            if at >= skip && out.len() < take {
                out.push(page);
            }
            at += 1;
        }
    }
    out
}

/// Pages per file: every language of a page goes in the same file.
fn pages_per_file(urls_per_file: usize, languages: &[Lang]) -> usize {
    (urls_per_file / languages.len().max(1)).max(1)
}

/// The sitemap index (the protocol's `sitemapindex`): one file per
/// `urls_per_file` addresses.
pub fn sitemap_index(
    base: &str,
    content: &Content,
    languages: &[Lang],
    urls_per_file: usize,
) -> String {
    let base = base.trim_end_matches('/');
    let files = file_count(content, languages, urls_per_file);
    let modified = content.listings().map(|c| c.updated).max();
    let mut xml = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    for n in 1..=files {
        let loc = escape_html(&format!("{base}{}", sitemap_file_path(n)));
        let _ = write!(xml, "<sitemap><loc>{loc}</loc>");
        if let Some(day) = modified {
            let _ = write!(xml, "<lastmod>{day}</lastmod>");
        }
        xml.push_str("</sitemap>\n");
    }
    xml.push_str("</sitemapindex>\n");
    xml
}

/// The path of sitemap file `n` (from 1).
pub fn sitemap_file_path(n: usize) -> String {
    format!("/sitemaps/{n}.xml")
}

/// The sitemap files an index names.
pub fn sitemap_file_count(content: &Content, languages: &[Lang]) -> usize {
    file_count(content, languages, URLS_PER_FILE)
}

fn file_count(content: &Content, languages: &[Lang], urls_per_file: usize) -> usize {
    page_count(content).div_ceil(pages_per_file(urls_per_file, languages))
}

/// File `number` (from 1) of the sitemap: the protocol's urlset, with
/// `xhtml:link` alternates per language (as search engines document for
/// multilingual sites). `None` past the last file.
pub fn sitemap_xml(
    base: &str,
    content: &Content,
    languages: &[Lang],
    number: usize,
    urls_per_file: usize,
) -> Option<String> {
    let per_file = pages_per_file(urls_per_file, languages);
    let skip = number.checked_sub(1)?.checked_mul(per_file)?;
    if skip >= page_count(content) {
        return None;
    }
    let base = base.trim_end_matches('/');
    let mut xml = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n",
    );
    for page in pages(content, skip, per_file) {
        for &lang in languages {
            let loc = escape_html(&format!("{base}{}", (page.path)(lang)));
            let _ = write!(xml, "<url><loc>{loc}</loc>");
            if let Some(day) = page.modified {
                let _ = write!(xml, "<lastmod>{day}</lastmod>");
            }
            for &alternate in languages {
                let href = escape_html(&format!("{base}{}", (page.path)(alternate)));
                let _ = write!(
                    xml,
                    "<xhtml:link rel=\"alternate\" hreflang=\"{alternate}\" href=\"{href}\"/>"
                );
            }
            xml.push_str("</url>\n");
        }
    }
    xml.push_str("</urlset>\n");
    Some(xml)
}
