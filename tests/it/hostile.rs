//! Campaign content is written by people, and a campaign file can come from
//! anywhere: nothing in it may put script on a page.

use crate::backend_test;
use crate::support::{Backend, TestApp};

/// What sits between `<` and `>`: escaped text has no raw `<`, so these are
/// exactly the tags a browser parses, lowercased.
fn real_tags(html: &str) -> Vec<String> {
    html.split('<')
        .skip(1)
        .map(|rest| rest.split('>').next().unwrap_or("").to_ascii_lowercase())
        .filter(|tag| !tag.starts_with('!'))
        .collect()
}

const HOSTILE: &str = r##"
slug = "hostile"
updated = 2024-01-01

[person]
name = "<script>alert('name')</script>"
summary = "<script>alert(1)</script> [click](javascript:alert(2)) <img src=x onerror=alert(3)> ![pixel](https://tracker.example/p.gif)"
biography = "<a href=\"#\" onclick=\"alert(4)\">x</a> <iframe src=\"https://evil.example\"></iframe> [ok](https://fine.example) [data](data:text/html;base64,PHNjcmlwdD4=) <svg onload=alert(5)>"

[status]
kind = "unknown"
since = 2024-01-01

[[timeline]]
date = 2023-01-01
kind = "other"
text = "<style>body{display:none}</style>\"><script>alert(6)</script>"

[[updates]]
id = "x"
date = 2023-02-01
title = "</title><script>alert(7)</script>"
body = "[x](JaVaScRiPt:alert(8)) <object data=x></object>"

[contact]
email = "team@example.org"
"##;

backend_test! {
    async fn hostile_markdown_is_rendered_harmless(backend: Backend) {
        let Some(app) = TestApp::with_demo(backend).await else { return };
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("campaign.toml");
        std::fs::write(&path, HOSTILE).expect("write");
        app.import(&path).await.expect("hostile text is still valid text");
        for page in ["/en/hostile", "/en/hostile/updates", "/en/hostile/updates/x", "/en/"] {
            let html = app.page(page).await;
            for tag in real_tags(&html) {
                let name = tag.trim_start_matches('/').split_whitespace().next().unwrap_or("");
                assert!(!["script", "iframe", "object", "embed", "svg", "style", "base"].contains(&name), "{page}: <{tag}>");
                for bad in [" on", "javascript:", "data:", "tracker.example", "evil.example"] {
                    assert!(!tag.contains(bad), "{page}: {bad} in <{tag}>");
                }
                if name == "img" {
                    assert!(tag.contains("src=\"/"), "{page}: image from elsewhere: <{tag}>");
                }
            }
        }
        let html = app.page("/en/hostile").await;
        assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "raw HTML is shown as text");
        assert!(html.contains("href=\"https://fine.example\""), "safe links stay");
        // The feed carries HTML escaped once more, as Atom's type="html" wants.
        let feed = app.get("/en/hostile/feed.atom").await.text().to_ascii_lowercase();
        assert!(!feed.contains("href=\"javascript") && !feed.contains("href=&quot;javascript"));
        assert!(!feed.contains("<script"));
    }
}
