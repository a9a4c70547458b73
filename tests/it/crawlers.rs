//! What search engines read: robots.txt and a sitemap of every public page
//! in every language, each with its translations as alternates.

use axum::http::StatusCode;

use crate::backend_test;
use crate::support::{Backend, PUBLIC_URL, TestApp};

backend_test! {
    async fn robots_txt_keeps_crawlers_out_of_the_workspace_and_personal_links(backend: Backend) {
        let Some(app) = TestApp::with_fixtures(backend).await else { return };
        let r = app.get("/robots.txt").await;
        assert_eq!(r.status, StatusCode::OK);
        assert!(r.header("content-type").starts_with("text/plain"));
        let text = r.text();
        for line in ["User-agent: *", "Disallow: /admin/", "Disallow: /ru/confirm/", "Disallow: /en/withdraw/", "Disallow: /ru/receipt/"] {
            assert!(text.lines().any(|l| l == line), "{line} in {text}");
        }
        assert!(text.contains(&format!("Sitemap: {PUBLIC_URL}/sitemap.xml")));
    }
}

/// The `<loc>`s of a sitemap document and the number of its alternates.
fn locs_of(xml: &str) -> (Vec<String>, usize) {
    let mut reader = quick_xml::Reader::from_str(xml);
    let mut locs = Vec::new();
    let mut alternates = 0usize;
    let mut in_loc = false;
    loop {
        match reader.read_event().expect("well-formed XML") {
            quick_xml::events::Event::Start(e) if e.name().as_ref() == "loc" => in_loc = true,
            quick_xml::events::Event::End(e) if e.name().as_ref() == "loc" => in_loc = false,
            quick_xml::events::Event::Text(t) if in_loc => {
                locs.push(AsRef::<str>::as_ref(&t).to_string())
            }
            quick_xml::events::Event::Empty(e) if e.name().as_ref() == "xhtml:link" => {
                alternates += 1
            }
            quick_xml::events::Event::Eof => break,
            _ => {}
        }
    }
    (locs, alternates)
}

backend_test! {
    /// `/sitemap.xml` is a sitemap index; every page of its files answers
    /// 200, in both languages, and names its translation; every campaign,
    /// update and petition is in them.
    async fn the_sitemap_lists_every_public_page_in_every_language(backend: Backend) {
        let Some(app) = TestApp::with_fixtures(backend).await else { return };
        let r = app.get("/sitemap.xml").await;
        assert_eq!(r.status, StatusCode::OK);
        assert!(r.header("content-type").starts_with("application/xml"));
        let index = r.text();
        assert!(index.contains("<sitemapindex "), "{index}");
        let (files, _) = locs_of(&index);
        assert!(!files.is_empty());
        let mut locs = Vec::new();
        let mut alternates = 0;
        for file in &files {
            let path = file.strip_prefix(PUBLIC_URL).expect("on the instance");
            let r = app.get(path).await;
            assert_eq!(r.status, StatusCode::OK, "{path}");
            let (mut l, a) = locs_of(&r.text());
            assert!(l.len() <= svoboda::web::public::crawlers::URLS_PER_FILE);
            locs.append(&mut l);
            alternates += a;
        }
        assert_eq!(app.get("/sitemaps/99.xml").await.status, StatusCode::NOT_FOUND);
        assert_eq!(app.get("/sitemaps/0.xml").await.status, StatusCode::NOT_FOUND);
        assert_eq!(alternates, locs.len() * 2, "each page names both languages");
        let content = app.state.content();
        for c in content.listings() {
            for lang in ["ru", "en"] {
                let page = format!("{PUBLIC_URL}/{lang}/{}", c.slug);
                assert!(locs.contains(&page), "{page}");
                for p in &c.petitions {
                    assert!(locs.contains(&format!("{page}/petition/{}", p.id)));
                }
                for (u, _) in &c.updates {
                    assert!(locs.contains(&format!("{page}/updates/{u}")));
                }
            }
        }
        for loc in &locs {
            let path = loc.strip_prefix(PUBLIC_URL).expect("on the instance");
            assert_eq!(app.get(path).await.status, StatusCode::OK, "{path}");
        }
    }
}
