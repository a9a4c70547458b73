//! What search engines read: `robots.txt` (keep out of the workspace and of
//! personal links) and `sitemap.xml` (every public page in every language,
//! with its translations as hreflang alternates). Readers in a blocked
//! country often find a campaign, or its mirror, through a search engine.

use std::fmt::Write;
use std::sync::Arc;

use axum::extract::State;
use axum::http::header;
use axum::response::{IntoResponse, Response};
use chrono::NaiveDate;

use crate::campaign::Lang;
use crate::campaign::markdown::escape_html;
use crate::web::AppState;
use crate::web::paths;
use crate::web::site::Site;
use crate::web::state::Content;

/// Crawlers may re-read these often; five minutes keeps them cheap.
const CACHE: &str = "public, max-age=300";

pub async fn robots(site: Site) -> Response {
    let text = robots_txt(site.base());
    (
        [
            (header::CONTENT_TYPE, "text/plain; charset=utf-8"),
            (header::CACHE_CONTROL, CACHE),
        ],
        text,
    )
        .into_response()
}

pub async fn sitemap(State(state): State<Arc<AppState>>, site: Site) -> Response {
    let xml = sitemap_xml(site.base(), &state.content());
    (
        [
            (header::CONTENT_TYPE, "application/xml; charset=utf-8"),
            (header::CACHE_CONTROL, CACHE),
        ],
        xml,
    )
        .into_response()
}

/// The workspace and the links that carry a signer's token are no one's to
/// index; everything else is.
pub fn robots_txt(base: &str) -> String {
    let mut text = String::from("User-agent: *\nDisallow: /admin/\n");
    for lang in Lang::ALL {
        let _ = writeln!(text, "Disallow: /{lang}/confirm/");
        let _ = writeln!(text, "Disallow: /{lang}/withdraw/");
    }
    text.push_str("Disallow: /*/thanks/\n");
    let _ = writeln!(
        text,
        "\nSitemap: {}/sitemap.xml",
        base.trim_end_matches('/')
    );
    text
}

/// One page in every language: the path in each, and when it last changed.
struct Page {
    path: Box<dyn Fn(Lang) -> String>,
    modified: Option<NaiveDate>,
}

fn pages(content: &Content) -> Vec<Page> {
    let mut pages = vec![Page {
        path: Box::new(paths::directory),
        modified: content.campaigns.iter().map(|c| c.updated).max(),
    }];
    for c in &content.campaigns {
        let slug = c.slug.to_string();
        let s = slug.clone();
        pages.push(Page {
            path: Box::new(move |l| paths::campaign(l, &s)),
            modified: Some(c.updated),
        });
        if !c.updates.is_empty() {
            let s = slug.clone();
            pages.push(Page {
                path: Box::new(move |l| paths::updates(l, &s)),
                modified: c.updates.iter().map(|u| u.date).max(),
            });
        }
        for u in &c.updates {
            let (s, id) = (slug.clone(), u.id.to_string());
            pages.push(Page {
                path: Box::new(move |l| paths::update(l, &s, &id)),
                modified: Some(u.date),
            });
        }
        for p in &c.petitions {
            let (s, id) = (slug.clone(), p.id.to_string());
            pages.push(Page {
                path: Box::new(move |l| paths::petition(l, &s, &id)),
                modified: Some(c.updated),
            });
        }
    }
    pages
}

/// The sitemap protocol's urlset, with `xhtml:link` alternates per language
/// (as search engines document for multilingual sites).
pub fn sitemap_xml(base: &str, content: &Content) -> String {
    let base = base.trim_end_matches('/');
    let mut xml = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n",
    );
    for page in pages(content) {
        for lang in Lang::ALL {
            let loc = escape_html(&format!("{base}{}", (page.path)(lang)));
            let _ = write!(xml, "<url><loc>{loc}</loc>");
            if let Some(day) = page.modified {
                let _ = write!(xml, "<lastmod>{day}</lastmod>");
            }
            for alternate in Lang::ALL {
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
    xml
}
