//! The petition on partner sites: the framed page and the counter image.
//! Only the sites in `embed_origins` may frame it; it sets no cookie, runs
//! no script, and signing in the frame follows the form's rules. The
//! browser's side (framed from a listed site it shows and signs, from
//! another the browser refuses) is in `browser::a_listed_partner_frames_the_petition_and_signs`.

use axum::http::StatusCode;

use crate::backend_test;
use crate::support::{Backend, TestApp, test_petition_settings};
use crate::workspace::{Browser, editor_of, enrol, invitation};

const EMBED: &str = "/en/anna-example/petition/free-anna/embed";
const PARTNER: &str = "https://partner.example";

async fn app(backend: Backend, origins: &[&str]) -> Option<TestApp> {
    let mut settings = test_petition_settings();
    settings.embed_origins = origins.iter().map(|o| o.to_string()).collect();
    let app = TestApp::with_settings(backend, settings).await?;
    app.load_demo_and_fixture().await;
    Some(app)
}

fn csp(response: &crate::support::TestResponse) -> String {
    response.header("content-security-policy").to_string()
}

backend_test! {
    /// The framed page: count, progress, the form posting to itself; only
    /// the listed partner may frame it; no cookie, no script; signing in
    /// it ends in the frame, and a mistake comes back in the frame with
    /// what was typed.
    async fn the_embed_is_framed_only_by_listed_partners_and_signs(backend: Backend) {
        let Some(app) = app(backend, &[PARTNER]).await else { return };
        let page = app.get(EMBED).await;
        assert_eq!(page.status, StatusCode::OK);
        assert_eq!(csp(&page).matches("frame-ancestors").count(), 1);
        assert!(csp(&page).ends_with(&format!("frame-ancestors {PARTNER}")), "{}", csp(&page));
        assert!(csp(&page).contains("default-src 'none'") && !csp(&page).contains("script-src"));
        assert_eq!(page.header("x-frame-options"), "", "frame-ancestors decides");
        assert_eq!(page.header("set-cookie"), "");
        assert_eq!(page.header("x-content-type-options"), "nosniff", "the other headers stay");
        let html = page.text();
        assert!(!html.contains("<script"), "no script");
        assert!(html.contains("0 signatures") && html.contains(r#"<progress value="0" max="1000">"#));
        assert!(html.contains(&format!(r#"action="{EMBED}""#)), "the form posts to the frame");
        assert!(html.contains(r#"href="/en/anna-example/petition/free-anna" target="_blank" rel="noopener""#));
        let again = app.get(EMBED).await;
        assert_eq!(csp(&again), csp(&page), "the cached page keeps its policy");
        assert_eq!(again.header("x-frame-options"), "");
        // Every other page may be framed by nobody.
        let petition = app.get("/en/anna-example/petition/free-anna").await;
        assert!(csp(&petition).ends_with("frame-ancestors 'none'"));
        assert_eq!(petition.header("x-frame-options"), "DENY");

        let stamp = crate::support::form_stamp(&html);
        let wrong = app
            .post_form(EMBED, &[("stamp", &stamp), ("name", "Vera"), ("email", "not an address"), ("consent", "on")], [198, 51, 100, 30])
            .await;
        assert_eq!(wrong.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(csp(&wrong).ends_with(&format!("frame-ancestors {PARTNER}")), "the answer shows in the frame");
        let text = wrong.text();
        assert!(text.contains(r#"value="Vera""#) && text.contains(r#"aria-invalid="true""#), "kept, and named");

        let signed = app
            .post_form(EMBED, &[("stamp", &stamp), ("name", "Vera"), ("email", "vera@example.org"), ("consent", "on")], [198, 51, 100, 31])
            .await;
        assert_eq!(signed.status, StatusCode::SEE_OTHER);
        let thanks_path = signed.header("location").to_string();
        assert_eq!(thanks_path, format!("{EMBED}/thanks/check-mail"));
        let thanks = app.get(&thanks_path).await;
        assert_eq!(thanks.status, StatusCode::OK);
        assert!(csp(&thanks).ends_with(&format!("frame-ancestors {PARTNER}")));
        assert!(thanks.text().contains("Check your mailbox"));
        assert_eq!(app.deliver_mail().await, 1, "the confirmation mail is on its way");

        // A page elsewhere posting to the frame's form is refused, as on the petition page.
        let forged = app
            .post_with_headers(EMBED, crate::support::form_body(&[("stamp", &stamp), ("name", "Forged"), ("email", "f@example.org"), ("consent", "on")]), &[("origin", "https://evil.example"), ("sec-fetch-site", "cross-site")])
            .await;
        assert_eq!(forged.status, StatusCode::FORBIDDEN);
        assert_eq!(app.deliver_mail().await, 0, "nothing was taken");

        let ru = app.page("/ru/anna-example/petition/free-anna/embed").await;
        assert!(ru.contains("Подписать") || ru.contains("подпис"), "in Russian");
        assert_eq!(app.get("/en/anna-example/petition/no-such/embed").await.status, StatusCode::NOT_FOUND);
    }
}

backend_test! {
    /// With no partner listed nobody may frame it; a closed petition's
    /// embed shows its result and a link instead of the form.
    async fn without_partners_nobody_frames_it_and_a_closed_one_links(backend: Backend) {
        let Some(app) = app(backend, &[]).await else { return };
        let page = app.get(EMBED).await;
        assert!(csp(&page).ends_with("frame-ancestors 'none'"), "{}", csp(&page));
        let closed = app.page("/en/anna-example/petition/old-appeal/embed").await;
        assert!(!closed.contains("<form"), "no form on a closed petition");
        assert!(closed.contains("Open the petition") && closed.contains("The petition is closed"));
    }
}

backend_test! {
    /// The counter image: SVG with the count (paper included) and the goal,
    /// its text escaped, redrawn when the count changes; the workspace
    /// shows editors what to paste.
    async fn the_counter_image_follows_the_count_and_the_workspace_gives_the_snippets(backend: Backend) {
        let Some(app) = app(backend, &[PARTNER]).await else { return };
        let svg = app.get("/en/anna-example/petition/free-anna/count.svg").await;
        assert_eq!(svg.status, StatusCode::OK);
        assert_eq!(svg.header("content-type"), "image/svg+xml");
        let text = svg.text();
        assert!(text.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""));
        assert!(text.contains(">0 signatures</text>") && text.contains("Goal: 1000"), "{text}");
        assert!(text.contains(r#"width="0""#), "an empty bar");
        let ru = app.get("/ru/anna-example/petition/free-anna/count.svg").await.text();
        assert!(ru.contains("0 подписей"), "{ru}");

        crate::paper_signatures::add_and_correct(&app).await;
        let text = app.get("/en/anna-example/petition/free-anna/count.svg").await.text();
        assert!(text.contains("75 signatures: 0 online + 75 on paper"), "redrawn: {text}");
        assert!(text.contains(r#"width="22""#), "75 of 1000 of 296 px: {text}");
        assert_eq!(app.get("/en/anna-example/petition/no-such/count.svg").await.status, StatusCode::NOT_FOUND);

        let mut editor = Browser::new(&app, [198, 51, 100, 2]);
        enrol(&mut editor, &invitation(&app, editor_of("anna-example")).await, "editor").await;
        let overview = editor.get("/admin/en/campaigns/anna-example").await.text();
        assert!(overview.contains("&#60;iframe src=&#34;https://svoboda.test/en/anna-example/petition/free-anna/embed&#34;"), "the frame to paste");
        assert!(overview.contains("https://svoboda.test/en/anna-example/petition/free-anna/count.svg"), "the counter to paste");
        assert!(overview.contains(PARTNER), "which partners may frame it");
    }
}
