//! The pages are valid HTML5 by the Nu Html Checker (vnu.jar from npm, run
//! with the machine's Java), the validator the W3C runs.

use std::process::Command;

use crate::support::{Backend, TestApp, unavailable};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn demo_and_fixture_pages_pass_the_nu_html_checker() {
    let Ok(jar) = std::env::var("SVOBODA_VNU_JAR") else {
        unavailable("the Nu Html Checker (SVOBODA_VNU_JAR)");
        return;
    };
    // Every shipped language offered: its pages, and the marks of texts
    // not yet translated, are valid too.
    let app = TestApp::in_every_language(Backend::Sqlite)
        .await
        .expect("sqlite");
    let pages = [
        "/be/boris-romanov",
        "/uk/anna-example",
        "/be/anna-example/petition/free-anna",
        "/en/boris-romanov",
        "/ru/boris-romanov",
        "/en/anna-example",
        "/ru/anna-example",
        "/en/",
        "/ru/?status=pre-trial-detention&q=%D0%B0",
        "/en/anna-example/updates",
        "/ru/boris-romanov/updates/ban-on-certain-activities",
        "/en/no-such-page",
        "/en/anna-example/petition/free-anna/embed",
        "/be/anna-example/petition/old-appeal/embed",
        "/ru/anna-example/petition/free-anna/embed/thanks/check-mail",
        "/ru/anna-example/letter",
        "/uk/anna-example/letter",
    ];
    let mut bodies = Vec::new();
    for page in pages {
        bodies.push((page.to_string(), app.get(page).await.body));
    }
    let checked = app
        .post_form(
            "/be/anna-example/letter",
            &[
                ("text", "Прывітанне! Пра вайну і war.\n\nАбдымаю."),
                ("name", "Вера"),
            ],
            [198, 51, 100, 50],
        )
        .await;
    bodies.push(("a checked letter".into(), checked.body));
    let sent = app
        .post_form(
            "/uk/anna-example/letter",
            &[
                ("text", "Привіт!"),
                ("send", "1"),
                ("email", "a@example.org"),
            ],
            [198, 51, 100, 51],
        )
        .await
        .text();
    let start = sent.find("/uk/receipt/").expect("a receipt link");
    let receipt = sent[start..].split('"').next().expect("link").to_string();
    bodies.push(("a sent letter".into(), sent.into_bytes()));
    for lang in ["uk", "be"] {
        let path = receipt.replacen("/uk/", &format!("/{lang}/"), 1);
        bodies.push((path.clone(), app.get(&path).await.body));
    }
    check(&jar, &bodies);
}

/// Runs the checker over pages given as (name, HTML); fails with its report.
pub fn check(jar: &str, pages: &[(String, Vec<u8>)]) {
    let dir = tempfile::tempdir().expect("dir");
    let mut files = Vec::new();
    for (i, (_, body)) in pages.iter().enumerate() {
        let path = dir.path().join(format!("page{i}.html"));
        std::fs::write(&path, body).expect("write page");
        files.push(path);
    }
    let output = Command::new("java")
        .arg("-jar")
        .arg(jar)
        .args(["--format", "text", "--also-check-css"])
        .args(&files)
        .output()
        .expect("run java");
    let report = String::from_utf8_lossy(&output.stderr).into_owned()
        + &String::from_utf8_lossy(&output.stdout);
    let problems: Vec<&str> = report
        .lines()
        .filter(|l| l.contains("error:") || l.contains("warning:"))
        .collect();
    assert!(
        output.status.success() && problems.is_empty(),
        "validator findings (page N is {names:?}[N]):\n{report}",
        names = pages.iter().map(|(n, _)| n).collect::<Vec<_>>()
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn workspace_pages_pass_the_nu_html_checker() {
    use crate::workspace::{Browser, enrol, field, invitation};
    let Ok(jar) = std::env::var("SVOBODA_VNU_JAR") else {
        unavailable("the Nu Html Checker (SVOBODA_VNU_JAR)");
        return;
    };
    let app = TestApp::with_fixtures(Backend::Sqlite)
        .await
        .expect("sqlite");
    let mut pages: Vec<(String, Vec<u8>)> = Vec::new();
    let mut anna = Browser::new(&app, [198, 51, 100, 1]);
    pages.push(("sign-in".into(), anna.get("/admin/ru/sign-in").await.body));
    pages.push((
        "gone invitation".into(),
        anna.get("/admin/en/invitation/nothing").await.body,
    ));
    let link = invitation(&app, None).await;
    pages.push(("invitation".into(), anna.get(&link).await.body));
    let first = anna.get(&link).await.text();
    let refused = anna
        .submit(
            &first,
            &link,
            &[("login", "a b"), ("password", "short"), ("repeat", "x")],
        )
        .await;
    pages.push(("invitation with errors".into(), refused.body));
    let enrol_page = anna
        .submit(
            &first,
            &link,
            &[
                ("login", "vera"),
                ("password", "a long enough password"),
                ("repeat", "a long enough password"),
            ],
        )
        .await;
    assert!(field(&enrol_page.text(), "enrolment").is_some());
    pages.push(("enrolment".into(), enrol_page.body));
    let mut owner = Browser::new(&app, [198, 51, 100, 2]);
    enrol(&mut owner, &invitation(&app, None).await, "owner").await;
    // A key waiting to apply, shown on the home and keys pages.
    let (_, waiting) = svoboda::petition::seal::generate_keys("waiting");
    app.store
        .propose_key("anna-example", &waiting, Some("owner"), 0, i64::MAX / 2)
        .await
        .expect("propose");
    crate::paper_signatures::add_and_correct(&app).await;
    for path in [
        "/admin/en/",
        "/admin/ru/",
        "/admin/en/account",
        "/admin/ru/people",
        "/admin/en/audit",
        "/admin/ru/settings",
        "/admin/ru/mail",
        "/admin/ru/campaigns/boris-romanov",
        "/admin/en/campaigns/anna-example",
        "/admin/en/campaigns/anna-example/edit",
        "/admin/ru/campaigns/anna-example/history",
        "/admin/ru/campaigns/anna-example/keys",
        "/admin/en/campaigns/anna-example/keys",
        "/admin/ru/deliver",
        "/admin/en/account/passkeys",
        "/admin/ru/account/passkeys",
        "/admin/en/deliver",
        "/admin/en/campaigns/new",
        "/admin/ru/organisations",
        "/admin/en/organisations/memorial",
        "/admin/en/organisations/new",
        "/admin/en/peers",
        "/admin/en/campaigns/anna-example/petitions/free-anna/paper",
        "/admin/ru/campaigns/anna-example/petitions/free-anna/paper",
    ] {
        pages.push((path.into(), owner.get(path).await.body));
    }
    // Letters: a list with one waiting and one marked, and a mistake.
    for text in ["Привет!", "Держись!"] {
        app.post_form(
            "/ru/anna-example/letter",
            &[("text", text), ("send", "1")],
            [198, 51, 100, 52],
        )
        .await;
    }
    let letters = owner
        .get("/admin/ru/campaigns/anna-example/letters")
        .await
        .text();
    let marked = owner
        .submit(
            &letters,
            "/admin/ru/campaigns/anna-example/letters/mark",
            &[
                ("number", "1"),
                ("outcome", "not-forwarded"),
                ("reason", "Этап"),
            ],
        )
        .await;
    pages.push(("letters, one marked".into(), marked.body));
    let mistaken = owner
        .submit(
            &letters,
            "/admin/en/campaigns/anna-example/letters/mark",
            &[("number", "x")],
        )
        .await;
    pages.push(("letters with a mistake".into(), mistaken.body));
    let edit = owner
        .get("/admin/en/campaigns/anna-example/edit")
        .await
        .text();
    let conflict = owner
        .submit(
            &edit,
            "/admin/en/campaigns/anna-example/edit",
            &[("text", "nonsense = 1"), ("base", "0")],
        )
        .await;
    pages.push(("editor with a mistake".into(), conflict.body));
    // Every part of the campaign in forms, in both languages, and a form
    // with mistakes and Markdown previews.
    for section in svoboda::campaign::fields::SECTIONS {
        for lang in ["en", "ru"] {
            let path = format!("/admin/{lang}/campaigns/anna-example/form/{}", section.id);
            pages.push((path.clone(), owner.get(&path).await.body));
        }
    }
    let action = "/admin/en/campaigns/anna-example/form/timeline";
    let form = owner.get(action).await.text();
    let mut fields = crate::campaign_forms::form_fields(&form, action);
    for (name, value) in fields.iter_mut() {
        if name == "timeline.0.date" {
            *value = "not a date".into();
        }
    }
    let mut posted: Vec<(&str, &str)> = fields
        .iter()
        .map(|(n, v)| (n.as_str(), v.as_str()))
        .collect();
    posted.push(("op", "save"));
    let mistaken = owner.submit(&form, action, &posted).await;
    assert_eq!(
        mistaken.status,
        axum::http::StatusCode::UNPROCESSABLE_ENTITY
    );
    pages.push(("form with a mistake".into(), mistaken.body));
    posted.pop();
    posted.push(("op", "preview"));
    let previewed = owner.submit(&form, action, &posted).await;
    assert!(previewed.text().contains("markdown-preview"));
    pages.push(("form with previews".into(), previewed.body));
    let people = owner.get("/admin/en/people").await.text();
    let invited = owner
        .submit(
            &people,
            "/admin/en/people/invite",
            &[("role", "editor"), ("campaign", "anna-example")],
        )
        .await;
    assert!(invited.text().contains("/admin/en/invitation/"));
    pages.push(("invitation made".into(), invited.body));
    let codes = owner
        .submit(
            &people,
            "/admin/en/account/recovery-codes",
            &[("password", "correct horse battery staple")],
        )
        .await;
    assert!(codes.text().contains("<li><code>"));
    pages.push(("recovery codes".into(), codes.body));
    let mut editor = Browser::new(&app, [198, 51, 100, 3]);
    let editor_link = invitation(
        &app,
        Some(svoboda::account::Grant {
            campaign: "anna-example".into(),
            role: svoboda::account::Role::Editor,
        }),
    )
    .await;
    let enrolled_editor = enrol(&mut editor, &editor_link, "editor").await;
    let edit = editor
        .get("/admin/en/campaigns/anna-example/edit")
        .await
        .text();
    crate::support::run_sql(&app.db, "UPDATE sessions SET seen_at = seen_at - 1860").await;
    let late = editor
        .submit(
            &edit,
            "/admin/en/campaigns/anna-example/edit",
            &[("text", "x = 1"), ("base", "0")],
        )
        .await;
    assert_eq!(late.status, axum::http::StatusCode::UNAUTHORIZED);
    pages.push(("sign in again".into(), late.body.clone()));
    let kept = field(&late.text(), "kept").expect("kept");
    let resumed = editor
        .submit(
            &late.text(),
            "/admin/en/sign-in/resume",
            &[
                ("kept", &kept),
                ("login", "editor"),
                ("password", "correct horse battery staple"),
                ("code", &enrolled_editor.recovery_codes[0]),
            ],
        )
        .await;
    assert_eq!(resumed.status, axum::http::StatusCode::OK);
    pages.push(("send it on".into(), resumed.body));
    let forbidden = editor.get("/admin/en/people").await;
    assert_eq!(forbidden.status, axum::http::StatusCode::FORBIDDEN);
    pages.push(("forbidden".into(), forbidden.body));
    check(&jar, &pages);
}
