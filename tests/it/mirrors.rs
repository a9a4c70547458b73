//! One instance under several names: a second domain and an onion address.
//! A reader keeps the name they came on, in every link a page or a mail
//! gives, and every page tells where else it is.

use axum::http::StatusCode;

use crate::backend_test;
use crate::support::{Backend, PUBLIC_URL, TestApp};

const MIRROR: &str = "https://free-boris-mirror.example";
const ONION: &str = "http://svobodaabcdefghijklmnop.onion";
const PAGE: &str = "/en/anna-example";

async fn app(backend: Backend) -> Option<TestApp> {
    let app = TestApp::with_web_settings(backend, |s| {
        s.mirrors = vec![MIRROR.to_string()];
        s.onion_url = Some(ONION.to_string());
    })
    .await?;
    app.load_demo_and_fixture().await;
    Some(app)
}

fn host(base: &str) -> &str {
    base.split_once("://").map(|(_, h)| h).unwrap_or(base)
}

backend_test! {
    async fn links_stay_on_the_name_the_reader_came_on(backend: Backend) {
        let Some(app) = app(backend).await else { return };
        for (base, others) in [
            (PUBLIC_URL, [MIRROR, ONION]),
            (MIRROR, [PUBLIC_URL, ONION]),
            (ONION, [PUBLIC_URL, MIRROR]),
        ] {
            // Twice: the second answer comes from the page cache.
            for _ in 0..2 {
                let r = app.get_with(PAGE, &[("host", host(base))]).await;
                assert_eq!(r.status, StatusCode::OK);
                let html = r.text();
                assert!(html.contains(&format!(r#"<link rel="canonical" href="{base}{PAGE}">"#)), "{base}");
                assert!(html.contains(&format!(r#"<meta property="og:url" content="{base}{PAGE}">"#)));
                for other in others {
                    assert!(!html.contains(&format!("canonical\" href=\"{other}")));
                    assert!(html.contains(&format!(r#"<a href="{other}{PAGE}">{}</a>"#, host(other))), "{base} lists {other}");
                }
                assert!(!html.contains(&format!(r#"<a href="{base}{PAGE}">"#)), "a page does not list its own name");
                let onion_location = r.header("onion-location");
                if base == ONION {
                    assert_eq!(onion_location, "", "the onion does not offer itself");
                } else {
                    assert_eq!(onion_location, format!("{ONION}{PAGE}"));
                }
            }
            let feed = app.get_with("/en/anna-example/feed.atom", &[("host", host(base))]).await.text();
            assert!(feed.contains(&format!("{base}/en/anna-example/updates/")), "{feed}");
            assert!(!feed.contains(&format!("href=\"{}", if base == PUBLIC_URL { MIRROR } else { PUBLIC_URL })));
            let sitemap = app.get_with("/sitemaps/1.xml", &[("host", host(base))]).await.text();
            assert!(sitemap.contains(&format!("<loc>{base}{PAGE}</loc>")));
            let api = app.get_with("/api/v1/campaigns", &[("host", host(base))]).await.text();
            assert!(api.contains(&format!("{base}{PAGE}")), "{api}");
        }
        // Any other name gets public_url's links, and the feed no header.
        let r = app.get_with(PAGE, &[("host", "evil.example")]).await;
        assert!(r.text().contains(&format!(r#"<link rel="canonical" href="{PUBLIC_URL}{PAGE}">"#)));
        let feed = app.get_with("/en/anna-example/feed.atom", &[("host", host(MIRROR))]).await;
        assert_eq!(feed.header("onion-location"), "", "only pages carry the header");
    }
}

backend_test! {
    async fn a_signer_on_a_mirror_gets_links_on_that_mirror(backend: Backend) {
        let Some(app) = app(backend).await else { return };
        let petition = "/en/anna-example/petition/free-anna";
        let body = crate::support::form_body(&[
            ("name", "Mirror Reader"),
            ("email", "reader@example.org"),
            ("consent", "on"),
        ]);
        let r = app
            .post_with_headers(petition, body, &[("host", host(MIRROR)), ("origin", MIRROR)])
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text());
        assert_eq!(app.deliver_mail().await, 1);
        let mail = app.mailbox().pop().expect("mail");
        let confirm = mail.link("/confirm/").expect("confirm link");
        assert!(confirm.starts_with(&format!("{MIRROR}/en/confirm/")), "{confirm}");
        let withdraw = mail.link("/withdraw/").expect("withdraw link");
        assert!(withdraw.starts_with(MIRROR), "{withdraw}");
    }
}

backend_test! {
    async fn without_mirrors_pages_list_nothing_and_offer_no_onion(backend: Backend) {
        let Some(app) = TestApp::with_fixtures(backend).await else { return };
        let r = app.get(PAGE).await;
        assert_eq!(r.header("onion-location"), "");
        assert!(!r.text().contains("class=\"small mirrors\""));
    }
}
