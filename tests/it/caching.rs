//! Pages come from memory, compressed, with validators; a change of content
//! in this or another process replaces them.

use crate::backend_test;
use crate::support::{Backend, TestApp, fixture_dir_with_photo};
use axum::http::StatusCode;
use std::io::Read;

backend_test! {
    async fn repeat_visit_with_etag_gets_304(backend: Backend) {
        let Some(app) = TestApp::with_demo(backend).await else { return };
        let first = app.get("/en/boris-romanov").await;
        let etag = first.header("etag").to_string();
        assert!(etag.starts_with('"') && etag.len() > 4, "{etag}");
        assert_eq!(first.header("cache-control"), "public, max-age=60");
        let again = app.get_with("/en/boris-romanov", &[("if-none-match", &etag)]).await;
        assert_eq!(again.status, StatusCode::NOT_MODIFIED);
        assert!(again.body.is_empty());
        let changed = app.get_with("/en/boris-romanov", &[("if-none-match", "\"old\"")]).await;
        assert_eq!(changed.status, StatusCode::OK);
    }
}

backend_test! {
    async fn pages_are_served_with_brotli_or_gzip_as_accepted(backend: Backend) {
        let Some(app) = TestApp::with_demo(backend).await else { return };
        let plain = app.get("/en/boris-romanov").await;
        let br = app.get_with("/en/boris-romanov", &[("accept-encoding", "gzip, deflate, br")]).await;
        assert_eq!(br.header("content-encoding"), "br");
        assert_eq!(br.header("vary"), "accept-encoding");
        let mut decoded = Vec::new();
        brotli::Decompressor::new(&br.body[..], 4096).read_to_end(&mut decoded).expect("valid brotli");
        assert_eq!(decoded, plain.body);
        let gz = app.get_with("/en/boris-romanov", &[("accept-encoding", "gzip")]).await;
        assert_eq!(gz.header("content-encoding"), "gzip");
        let mut decoded = Vec::new();
        flate2::read::GzDecoder::new(&gz.body[..]).read_to_end(&mut decoded).expect("valid gzip");
        assert_eq!(decoded, plain.body);
        assert!(br.body.len() < plain.body.len() / 2);
    }
}

backend_test! {
    async fn static_files_are_immutable_and_versioned(backend: Backend) {
        let Some(app) = TestApp::with_demo(backend).await else { return };
        let href = svoboda::web::public::assets::stylesheet_href();
        assert!(href.starts_with("/static/style.css?v="));
        let css = app.get(&href).await;
        assert_eq!(css.status, StatusCode::OK);
        assert_eq!(css.header("content-type"), "text/css; charset=utf-8");
        assert!(css.header("cache-control").contains("immutable"));
    }
}

backend_test! {
    /// Another process (here: a second store and app on the same database)
    /// imports a campaign; this one notices on its next poll.
    async fn change_by_another_process_replaces_cached_pages(backend: Backend) {
        let Some(app) = TestApp::with_demo(backend).await else { return };
        assert_eq!(app.get("/en/anna-example").await.status, StatusCode::NOT_FOUND);
        let before = app.page("/en/").await;
        assert!(!before.contains("anna-example"));

        let other = app.db.open().await;
        let dir = fixture_dir_with_photo();
        svoboda::cli::campaign::import(&other, &dir.path().join("campaign.toml"), svoboda::campaign::keys::DEFAULT_DELAY).await.expect("import");
        other.close().await;

        assert!(app.state.refresh_if_stale().await.expect("poll"), "the revision changed");
        assert!(app.page("/en/").await.contains("anna-example"));
        assert_eq!(app.get("/en/anna-example").await.status, StatusCode::OK);
        assert!(!app.state.refresh_if_stale().await.expect("poll"), "nothing new");
    }
}

backend_test! {
    async fn photos_are_served_from_the_store(backend: Backend) {
        let Some(app) = TestApp::with_fixtures(backend).await else { return };
        let html = app.page("/en/anna-example").await;
        let start = html.find("/photos/anna-example.jpg?v=").expect("photo URL");
        let end = html[start..].find('"').expect("end of URL") + start;
        let photo = app.get(&html[start..end]).await;
        assert_eq!(photo.status, StatusCode::OK);
        assert_eq!(photo.header("content-type"), "image/jpeg");
        assert!(photo.header("cache-control").contains("immutable"));
        let img = image::load_from_memory(&photo.body).expect("a JPEG");
        assert_eq!((img.width(), img.height()), (480, 640), "scaled to fit 640 px, proportions kept");
        assert!(html.contains("width=\"480\" height=\"640\""));
    }
}

backend_test! {
    /// The second visit is answered by the page cache before routing: the
    /// same bytes and every header, security headers included; a page that
    /// went stale (a new count) is rendered again, not served old.
    async fn cached_answers_before_routing_are_the_same_answers(backend: Backend) {
        let Some(app) = TestApp::with_fixtures(backend).await else { return };
        for path in ["/en/anna-example", "/en/", "/en/anna-example/petition/quiet-support"] {
            let first = app.get(path).await;
            let second = app.get(path).await;
            assert_eq!(first.status, StatusCode::OK, "{path}");
            assert_eq!(second.status, StatusCode::OK, "{path}");
            for name in ["content-type", "content-language", "cache-control", "vary", "content-security-policy", "x-frame-options", "referrer-policy", "x-content-type-options", "permissions-policy", "cross-origin-opener-policy"] {
                assert!(!second.header(name).is_empty(), "{path}: {name}");
                assert_eq!(first.header(name), second.header(name), "{path}: {name}");
            }
        }
        let before = app.page("/en/anna-example").await;
        assert!(before.contains("0 signatures"), "{before}");
        let r = app.post_form("/en/anna-example/petition/quiet-support", &[("name", "New"), ("consent", "on")], [198, 51, 100, 7]).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER);
        app.state.refresh_counts().await.expect("counts");
        assert!(app.page("/en/anna-example").await.contains("1 signature"), "a new count is shown at once");
        assert!(app.page("/en/anna-example/petition/quiet-support").await.contains("1 signature"));
    }
}
