//! Signatures collected on paper: an editor adds them in the workspace, the
//! public pages show them beside the online count and towards the goal, and
//! every addition and correction is kept in the history and the audit log.

use axum::http::StatusCode;

use crate::backend_test;
use crate::support::{Backend, TestApp};
use crate::workspace::{Browser, editor_of, enrol, invitation};
use svoboda::account::{AuditAction, Grant, Role};
use svoboda::store::AuditFilter;

const PAPER: &str = "/admin/en/campaigns/anna-example/petitions/free-anna/paper";

async fn audit_details(app: &TestApp, action: AuditAction) -> Vec<String> {
    app.store
        .audit_log(&AuditFilter::default(), 1000)
        .await
        .expect("audit")
        .into_iter()
        .filter(|(_, e)| e.action == action)
        .map(|(_, e)| e.detail)
        .collect()
}

/// An entry, and its correction, for pages that show both.
pub async fn add_and_correct(app: &TestApp) {
    let input = svoboda::petition::paper::read_addition(
        "80",
        "2024-02-28",
        "picket at the court",
        crate::support::today(),
    )
    .expect("input");
    let id = app
        .store
        .add_paper("anna-example", "free-anna", &input, "owner", 1_709_000_000)
        .await
        .expect("add")
        .expect("petition");
    let correction = svoboda::petition::paper::read_correction(
        "75",
        "2024-02-28",
        "",
        "five sheets counted twice",
        crate::support::today(),
    )
    .expect("input");
    app.store
        .correct_paper(
            "anna-example",
            "free-anna",
            id,
            &correction,
            "owner",
            1_709_000_100,
        )
        .await
        .expect("correct");
    app.state.reload().await.expect("reload");
}

backend_test! {
    /// 80 signatures from a picket show on the petition and campaign pages
    /// as "online + on paper" and count towards the goal; a correction with
    /// a reason replaces the entry, which stays listed, struck out; both are
    /// audited; a second correction of the same entry is refused.
    async fn paper_signatures_count_and_corrections_are_never_silent(backend: Backend) {
        let Some(app) = TestApp::with_fixtures(backend).await else { return };
        let mut editor = Browser::new(&app, [198, 51, 100, 2]);
        enrol(&mut editor, &invitation(&app, editor_of("anna-example")).await, "editor").await;
        let overview = editor.get("/admin/en/campaigns/anna-example").await.text();
        assert!(overview.contains(PAPER), "the campaign links its paper signatures");
        let page = editor.get(PAPER).await;
        assert_eq!(page.status, StatusCode::OK);
        let page = page.text();
        assert!(page.contains("No paper signatures yet."));

        let added = editor
            .submit(&page, PAPER, &[("count", "80"), ("collected_on", "2024-02-28"), ("note", "picket at the court")])
            .await;
        assert_eq!(added.status, StatusCode::SEE_OTHER);
        assert_eq!(added.header("location"), PAPER);

        let public = app.page("/en/anna-example/petition/free-anna").await;
        assert!(public.contains("80 signatures: 0 online + 80 on paper"), "beside the online count");
        assert!(public.contains(r#"<progress value="80" max="1000">"#), "towards the goal");
        assert!(!public.contains("picket at the court"), "notes stay in the workspace");
        let campaign = app.page("/ru/anna-example").await;
        assert!(campaign.contains("80 подписей: 0 онлайн + 80 на бумаге"), "in Russian too");
        let count = app.get("/en/anna-example/petition/free-anna/count.json").await.text();
        let count: serde_json::Value = serde_json::from_str(&count).expect("json");
        assert_eq!((count["confirmed"].as_i64(), count["paper"].as_i64(), count["total"].as_i64()), (Some(0), Some(80), Some(80)));

        let page = editor.get(PAPER).await.text();
        assert!(page.contains("picket at the court") && page.contains("editor, "), "the entry, its note and who added it");
        let entry = app.store.paper_entries("anna-example", "free-anna").await.expect("entries");
        assert_eq!(entry.len(), 1);
        let correct = format!("{PAPER}/{}/correct", entry[0].id);
        assert!(page.contains(&correct));

        // A correction without a reason loses nothing and says why.
        let silent = editor
            .submit(&page, &correct, &[("count", "75"), ("collected_on", "2024-02-28"), ("note", "picket at the court"), ("reason", " ")])
            .await;
        assert_eq!(silent.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(silent.text().contains("Say why you correct the entry"));
        assert!(app.page("/en/anna-example/petition/free-anna").await.contains("80 on paper"), "nothing changed");

        let corrected = editor
            .submit(&page, &correct, &[("count", "75"), ("collected_on", "2024-02-28"), ("note", "picket at the court"), ("reason", "five sheets counted twice")])
            .await;
        assert_eq!(corrected.status, StatusCode::SEE_OTHER);
        let public = app.page("/en/anna-example/petition/free-anna").await;
        assert!(public.contains("75 signatures: 0 online + 75 on paper"));
        let page = editor.get(PAPER).await.text();
        assert!(page.contains("<del>"), "the old entry is struck out, still listed");
        assert!(page.contains("five sheets counted twice"), "the reason is shown");
        let entries = app.store.paper_entries("anna-example", "free-anna").await.expect("entries");
        assert_eq!(entries.len(), 2);
        assert_eq!(entries[0].replaced_by, Some(entries[1].id));
        assert_eq!((entries[1].count, entries[1].replaces), (75, Some(entries[0].id)));

        // The old entry cannot be corrected again: the newer one can.
        let again = editor
            .submit(&page, &correct, &[("count", "0"), ("collected_on", "2024-02-28"), ("note", ""), ("reason", "lost")])
            .await;
        assert_eq!(again.status, StatusCode::CONFLICT);
        assert!(app.page("/en/anna-example/petition/free-anna").await.contains("75 on paper"));
        let withdraw = format!("{PAPER}/{}/correct", entries[1].id);
        let zero = editor
            .submit(&page, &withdraw, &[("count", "0"), ("collected_on", "2024-02-28"), ("note", ""), ("reason", "the sheets were lost")])
            .await;
        assert_eq!(zero.status, StatusCode::SEE_OTHER);
        let public = app.page("/en/anna-example/petition/free-anna").await;
        assert!(!public.contains("on paper"), "nothing on paper counts any more");

        let added = audit_details(&app, AuditAction::PaperAdded).await;
        assert_eq!(added.len(), 1);
        assert!(added[0].contains("+80") && added[0].contains("2024-02-28"), "{added:?}");
        let corrected = audit_details(&app, AuditAction::PaperCorrected).await;
        assert_eq!(corrected.len(), 2, "{corrected:?}");
        assert!(corrected.iter().any(|d| d.contains("80 →") && d.contains("75: five sheets counted twice")), "{corrected:?}");
    }
}

backend_test! {
    /// What an editor cannot mean is refused in their language, the form
    /// keeping what they typed; people without the editor's role of the
    /// campaign are refused.
    async fn paper_counts_are_checked_and_only_editors_add_them(backend: Backend) {
        let Some(app) = TestApp::with_fixtures(backend).await else { return };
        let mut editor = Browser::new(&app, [198, 51, 100, 2]);
        enrol(&mut editor, &invitation(&app, editor_of("anna-example")).await, "editor").await;
        let page = editor.get(PAPER).await.text();
        for (fields, message) in [
            ([("count", "eighty"), ("collected_on", "2024-02-28"), ("note", "x")], "Write the number of signatures as digits"),
            ([("count", "0"), ("collected_on", "2024-02-28"), ("note", "x")], "Write the number of signatures as digits"),
            ([("count", "80"), ("collected_on", "2024-03-02"), ("note", "x")], "The date is in the future"),
            ([("count", "80"), ("collected_on", "28.02.2024"), ("note", "x")], "year-month-day"),
        ] {
            let refused = editor.submit(&page, PAPER, &fields).await;
            assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY, "{fields:?}");
            let text = refused.text();
            assert!(text.contains(message), "{fields:?}");
            assert!(text.contains(&format!("value=\"{}\"", fields[0].1)), "what was typed is kept");
        }
        let ru = editor.get(&PAPER.replace("/en/", "/ru/")).await.text();
        let refused = editor.submit(&ru, &PAPER.replace("/en/", "/ru/"), &[("count", "-3"), ("collected_on", "2024-02-28")]).await;
        assert!(refused.text().contains("Укажите число подписей цифрами"));
        assert!(app.store.paper_entries("anna-example", "free-anna").await.expect("entries").is_empty());
        let xss = editor
            .submit(&page, PAPER, &[("count", "1 200"), ("collected_on", "2024-02-28"), ("note", "<script>alert(1)</script>")])
            .await;
        assert_eq!(xss.status, StatusCode::SEE_OTHER, "1 200 is read as 1200");
        let page = editor.get(PAPER).await.text();
        assert!(!page.contains("<script>alert") && page.contains("script&#62;alert(1)"), "a note stays text");
        assert!(app.page("/en/anna-example").await.contains("1200 on paper"));

        let mut other = Browser::new(&app, [198, 51, 100, 3]);
        enrol(&mut other, &invitation(&app, editor_of("boris-romanov")).await, "other").await;
        assert_eq!(other.get(PAPER).await.status, StatusCode::FORBIDDEN);
        let mut courier = Browser::new(&app, [198, 51, 100, 4]);
        let grant = Grant { campaign: "anna-example".into(), role: Role::Delivery };
        enrol(&mut courier, &invitation(&app, Some(grant)).await, "courier").await;
        assert_eq!(courier.get(PAPER).await.status, StatusCode::FORBIDDEN);
        let account = courier.get("/admin/en/account").await.text();
        let post = courier.submit(&account, PAPER, &[("count", "5"), ("collected_on", "2024-02-28")]).await;
        assert_eq!(post.status, StatusCode::FORBIDDEN);
        assert!(!courier.get("/admin/en/campaigns/anna-example").await.text().contains(PAPER), "no link either");
        let nowhere = editor.submit(&page, "/admin/en/campaigns/anna-example/petitions/no-such/paper", &[("count", "5"), ("collected_on", "2024-02-28")]).await;
        assert_eq!(nowhere.status, StatusCode::NOT_FOUND);
    }
}
