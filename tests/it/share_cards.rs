//! Share cards: the Open Graph image of every campaign and petition page,
//! drawn on the server in the page's language, under an address that
//! changes with what it shows, on the name the page was asked on.

use axum::http::StatusCode;

use crate::backend_test;
use crate::support::{Backend, TestApp};

/// The value of `<meta property|name="{name}" content="...">`.
fn meta<'a>(html: &'a str, name: &str) -> &'a str {
    let marker = format!("=\"{name}\" content=\"");
    let start = html.find(&marker).unwrap_or_else(|| panic!("no {name}")) + marker.len();
    let len = html[start..].find('"').expect("closed");
    &html[start..start + len]
}

fn png_size(png: &[u8]) -> (u32, u32) {
    let image = image::load_from_memory_with_format(png, image::ImageFormat::Png).expect("a PNG");
    (image.width(), image.height())
}

backend_test! {
    /// A campaign page names its card with its size and description; the
    /// card is a 1200×630 PNG under 300 KB, kept for ever at its address;
    /// each language has its own; the page's other Open Graph data.
    async fn campaign_pages_name_a_card_drawn_in_their_language(backend: Backend) {
        let Some(app) = TestApp::with_fixtures(backend).await else { return };
        let html = app.page("/en/anna-example").await;
        assert!(html.contains("<meta property=\"og:title\" content=\"Free Anna Example!\">"));
        assert!(html.contains("<meta property=\"og:url\" content=\"https://svoboda.test/en/anna-example\">"));
        assert!(html.contains("<meta property=\"og:description\" content=\"Teacher and volunteer, detained after a OVD-Info report.\">"));
        assert_eq!(meta(&html, "twitter:card"), "summary_large_image");
        assert_eq!(meta(&html, "og:image:width"), "1200");
        assert_eq!(meta(&html, "og:image:height"), "630");
        assert!(meta(&html, "og:image:alt").starts_with("Free Anna Example! Anna"), "{}", meta(&html, "og:image:alt"));
        let url = meta(&html, "og:image");
        assert!(url.starts_with("https://svoboda.test/en/anna-example/card/") && url.ends_with(".png"), "{url}");
        assert_eq!(meta(&html, "twitter:image"), url);
        let card = app.get(url.trim_start_matches("https://svoboda.test")).await;
        assert_eq!(card.status, StatusCode::OK);
        assert_eq!(card.header("content-type"), "image/png");
        assert!(card.header("cache-control").contains("immutable"));
        assert_eq!(png_size(&card.body), (1200, 630));
        assert!(card.body.len() < 300 * 1024, "{} bytes", card.body.len());

        let ru = app.page("/ru/anna-example").await;
        let ru_url = meta(&ru, "og:image");
        assert!(ru_url.starts_with("https://svoboda.test/ru/anna-example/card/"));
        assert_ne!(ru_url.rsplit('/').next(), url.rsplit('/').next(), "a card per language");
        let ru_card = app.get(ru_url.trim_start_matches("https://svoboda.test")).await;
        assert_ne!(ru_card.body, card.body, "drawn in Russian");

        // The demo campaign has no photo: a designed card all the same.
        let demo = app.page("/ru/boris-romanov").await;
        let demo_card = app.get(meta(&demo, "og:image").trim_start_matches("https://svoboda.test")).await;
        assert_eq!(png_size(&demo_card.body), (1200, 630));
        assert!(meta(&demo, "og:image:alt").starts_with("Свободу Борису Романову!"));
        assert_eq!(app.get("/en/no-such/card/0.png").await.status, StatusCode::NOT_FOUND);
        assert_eq!(app.get("/en/anna-example/card/0.gif").await.status, StatusCode::NOT_FOUND);
    }
}

backend_test! {
    /// A petition's card shows its count: when the count changes, the page
    /// names a new address (networks keep the first image of an address);
    /// the old address still answers, with the current card, briefly cached.
    async fn a_petition_card_changes_address_with_its_count(backend: Backend) {
        let Some(app) = TestApp::with_fixtures(backend).await else { return };
        let page = "/en/anna-example/petition/free-anna";
        let before = app.page(page).await;
        let old = meta(&before, "og:image").trim_start_matches("https://svoboda.test").to_string();
        assert!(old.starts_with("/en/anna-example/petition/free-anna/card/"), "{old}");
        assert!(meta(&before, "og:image:alt").contains("0 signatures"));
        let old_card = app.get(&old).await.body;
        let campaign_card = meta(&app.page("/en/anna-example").await, "og:image").to_string();

        crate::paper_signatures::add_and_correct(&app).await;
        let after = app.page(page).await;
        let new = meta(&after, "og:image").trim_start_matches("https://svoboda.test").to_string();
        assert_ne!(new, old, "a new address for a new count");
        assert!(meta(&after, "og:image:alt").contains("75 signatures"));
        let new_card = app.get(&new).await;
        assert_ne!(new_card.body, old_card);
        let stale = app.get(&old).await;
        assert_eq!(stale.status, StatusCode::OK, "old addresses stay served");
        assert_eq!(stale.body, new_card.body, "with the current card");
        assert!(!stale.header("cache-control").contains("immutable"));
        assert_eq!(
            meta(&app.page("/en/anna-example").await, "og:image"),
            campaign_card,
            "the campaign's card shows no count: unchanged"
        );
    }
}

backend_test! {
    /// On a mirror the card's address is on the mirror, and the card names
    /// the mirror's host.
    async fn on_a_mirror_the_card_is_on_the_mirror(backend: Backend) {
        let Some(app) = TestApp::with_web_settings(backend, |s| {
            s.mirrors = vec!["https://free-anna-mirror.example".into()];
        })
        .await else { return };
        app.load_demo_and_fixture().await;
        let html = app.get_with("/en/anna-example", &[("host", "free-anna-mirror.example")]).await.text();
        let url = meta(&html, "og:image");
        assert!(url.starts_with("https://free-anna-mirror.example/en/anna-example/card/"), "{url}");
        let main = meta(&app.page("/en/anna-example").await, "og:image").to_string();
        assert_ne!(url.rsplit('/').next(), main.rsplit('/').next(), "the host is on the card");
        let card = app.get_with(url.trim_start_matches("https://free-anna-mirror.example"), &[("host", "free-anna-mirror.example")]).await;
        assert_eq!(png_size(&card.body), (1200, 630));
    }
}
