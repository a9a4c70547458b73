//! Organiser keys are power over signers. Only owners change them, on the
//! keys page: adding asks the password and a code again, is audited, and
//! applies after a waiting period that every owner and delivery person sees
//! (a test clock passes it); cancelling and removing apply at once. No
//! other path changes them: forms, the whole-file editor, restoring a
//! revision, publishing, an imported campaign file.

use std::time::Duration;

use axum::http::StatusCode;

use crate::backend_test;
use crate::support::{Backend, TestApp, fixture};
use crate::workspace::{Browser, PASSWORD, editor_of, enrol, invitation, textarea};
use svoboda::account::{AuditAction, Grant, Role};
use svoboda::campaign::keys::DEFAULT_DELAY;
use svoboda::store::AuditFilter;

const KEYS: &str = "/admin/en/campaigns/anna-example/keys";
const FIXTURE_KEY: &str = "age1zhwsg4vcau726erfr89k0ckpjaj2a9u0uukwe2du75c66hxrcq7qxx5r0u";

/// Signs the fixture's anonymous petition as `name`, from its own address.
async fn sign(app: &TestApp, name: &str, ip: u8) {
    let r = app
        .post_form(
            "/en/anna-example/petition/quiet-support",
            &[("name", name), ("consent", "on")],
            [198, 51, 100, ip],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text());
}

async fn keys_in_force(app: &TestApp) -> Vec<String> {
    let campaign = app.campaign("anna-example").await;
    campaign
        .organiser_keys()
        .iter()
        .map(|k| k.to_string())
        .collect()
}

/// An owner adds `key` on the keys page, confirming with the password and
/// `code` (of the authenticator, or a recovery code).
async fn add_key(browser: &mut Browser<'_>, key: &str, code: &str) -> crate::support::TestResponse {
    let page = browser.get(KEYS).await.text();
    browser
        .submit(
            &page,
            KEYS,
            &[("key", key), ("password", PASSWORD), ("code", code)],
        )
        .await
}

/// The export of the anonymous petition, decrypted with `identity`:
/// (what it printed, what it said on standard error).
async fn decrypt(
    browser: &mut Browser<'_>,
    dir: &std::path::Path,
    identity: &std::path::Path,
) -> (String, String) {
    let export = browser
        .get("/admin/en/campaigns/anna-example/petitions/quiet-support/export")
        .await;
    assert_eq!(export.status, StatusCode::OK);
    let path = dir.join("signatures.txt");
    std::fs::write(&path, export.text()).expect("write export");
    let out = crate::support::server::command()
        .args(["signatures", "decrypt", "--identity"])
        .arg(identity)
        .arg(&path)
        .output()
        .expect("run svoboda");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    (
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

backend_test! {
    /// An owner adds a second key: it waits 48 hours, shown to every owner
    /// and delivery person, and signatures meanwhile open only with the
    /// first key; after the wait they open with either. A key cancelled
    /// while it waits never applies; a removed one stops at once.
    async fn an_added_key_applies_after_the_wait_and_a_cancelled_one_never(backend: Backend) {
        let Some(app) = TestApp::with_fixtures(backend).await else { return };
        let mut owner = Browser::new(&app, [198, 51, 100, 1]);
        let owner_id = enrol(&mut owner, &invitation(&app, None).await, "owner").await;
        let courier_grant = Grant { campaign: "anna-example".into(), role: Role::Delivery };
        let mut courier = Browser::new(&app, [198, 51, 100, 3]);
        enrol(&mut courier, &invitation(&app, Some(courier_grant)).await, "courier").await;
        sign(&app, "Vera Before", 10).await;

        let dir = tempfile::tempdir().expect("temp dir");
        let (identity, second) = svoboda::petition::seal::generate_keys("second organiser");
        let second_identity = dir.path().join("second.txt");
        std::fs::write(&second_identity, identity).expect("write identity");
        let added = add_key(&mut owner, &second, &owner_id.code(1)).await;
        assert_eq!(added.status, StatusCode::OK, "{}", added.text());
        assert!(added.text().contains("until then any owner can cancel it"), "{}", added.text());
        assert_eq!(keys_in_force(&app).await, vec![FIXTURE_KEY], "not before the wait");
        for browser in [&mut owner, &mut courier] {
            let home = browser.get("/admin/en/").await.text();
            assert!(home.contains("Organiser keys waiting to apply"), "{home}");
            assert!(home.contains("a key added by owner applies from"), "{home}");
        }
        sign(&app, "Olga Waiting", 11).await;

        // A third key, cancelled while it waits.
        let (_, third) = svoboda::petition::seal::generate_keys("third");
        assert_eq!(add_key(&mut owner, &third, &owner_id.recovery_codes[0]).await.status, StatusCode::OK);
        let records = app.store.key_records("anna-example").await.expect("records");
        let third_id = records.iter().find(|r| r.key == third).expect("recorded").id;
        let page = owner.get(KEYS).await.text();
        let cancelled = owner.submit(&page, &format!("{KEYS}/{third_id}/end"), &[]).await;
        assert_eq!(cancelled.status, StatusCode::OK);
        assert!(cancelled.text().contains("nothing was ever sealed to it"));

        // The campaign is read again when its waiting key is due: no
        // change of content, no reload of the others.
        app.state.clock.advance(DEFAULT_DELAY + Duration::from_secs(60));
        assert_eq!(keys_in_force(&app).await, vec![FIXTURE_KEY.to_string(), second.clone()]);
        sign(&app, "Pavel After", 12).await;

        let (text, _) = decrypt(&mut owner, dir.path(), &fixture("full/organiser-key.txt")).await;
        for name in ["Vera Before", "Olga Waiting", "Pavel After"] {
            assert!(text.contains(name), "{name}: {text}");
        }
        let (text, said) = decrypt(&mut owner, dir.path(), &second_identity).await;
        assert!(text.contains("Pavel After"), "{text}");
        assert!(!text.contains("Olga Waiting") && !text.contains("Vera Before"), "{text}");
        assert!(said.contains("2 signature(s) were not sealed to this identity"), "{said}");
        let row = app.state.content().petition_row("anna-example", "quiet-support").expect("row").id;
        let periods = app.store.sealing_periods(row).await.expect("periods");
        assert!(periods.iter().flat_map(|p| p.keys.clone().unwrap_or_default()).all(|k| k != third), "{periods:?}");

        // Removing: the first key stops at once; the last one cannot go.
        let first_id = records.iter().find(|r| r.key == FIXTURE_KEY).expect("first").id;
        let second_id = records.iter().find(|r| r.key == second).expect("second").id;
        let page = owner.get(KEYS).await.text();
        assert_eq!(owner.submit(&page, &format!("{KEYS}/{first_id}/end"), &[]).await.status, StatusCode::OK);
        assert_eq!(keys_in_force(&app).await, vec![second.clone()]);
        let page = owner.get(KEYS).await.text();
        let refused = owner.submit(&page, &format!("{KEYS}/{second_id}/end"), &[]).await;
        assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(refused.text().contains("The last key in force cannot be removed"));

        let log = app.store.audit_log(&AuditFilter::default(), 100).await.expect("audit");
        let keyed = |action| log.iter().filter(|(_, e)| e.action == action).map(|(_, e)| e.detail.clone()).collect::<Vec<_>>();
        assert!(keyed(AuditAction::OrganiserKeyProposed).iter().any(|d| d.contains(&second)));
        assert_eq!(keyed(AuditAction::OrganiserKeyCancelled), vec![third.clone()]);
        assert_eq!(keyed(AuditAction::OrganiserKeyRemoved), vec![FIXTURE_KEY.to_string()]);
    }
}

backend_test! {
    /// Adding a key asks the password and a code again: a wrong one is
    /// refused in the person's language and audited, and guessing is
    /// throttled like signing in. Nothing is recorded.
    async fn adding_a_key_asks_the_password_and_code_again(backend: Backend) {
        let Some(app) = TestApp::with_fixtures(backend).await else { return };
        let mut owner = Browser::new(&app, [198, 51, 100, 1]);
        let enrolled = enrol(&mut owner, &invitation(&app, None).await, "owner").await;
        let (_, key) = svoboda::petition::seal::generate_keys("k");
        let ru = "/admin/ru/campaigns/anna-example/keys";
        let page = owner.get(ru).await.text();
        let wrong = owner.submit(&page, ru, &[("key", &key), ("password", PASSWORD), ("code", "000000")]).await;
        assert_eq!(wrong.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(wrong.text().contains("Пароль или код неверны"), "{}", wrong.text());
        assert!(wrong.text().contains(&key), "the key typed is kept");
        let bad_key = owner.submit(&page, ru, &[("key", "age1nonsense"), ("password", PASSWORD), ("code", &enrolled.code(1))]).await;
        assert!(bad_key.text().contains("Это не открытый ключ age"));
        let mut waited = false;
        for _ in 0..8 {
            let r = owner.submit(&page, ru, &[("key", &key), ("password", "not the password"), ("code", &enrolled.code(1))]).await;
            waited |= r.text().contains("Слишком много попыток");
        }
        assert!(waited, "guessing is throttled");
        assert_eq!(app.store.key_records("anna-example").await.expect("records").len(), 1);
        let log = app.store.audit_log(&AuditFilter::default(), 100).await.expect("audit");
        assert!(log.iter().any(|(_, e)| e.action == AuditAction::ConfirmationFailed));
    }
}

backend_test! {
    /// An editor changes the keys by every path an editor has, and by a
    /// file imported on the server: nothing a signature is sealed to changes.
    async fn an_editor_cannot_change_keys_by_any_path(backend: Backend) {
        let Some(app) = TestApp::with_fixtures(backend).await else { return };
        let mut editor = Browser::new(&app, [198, 51, 100, 2]);
        enrol(&mut editor, &invitation(&app, editor_of("anna-example")).await, "editor").await;
        let (_, informer) = svoboda::petition::seal::generate_keys("informer");
        let base = "/admin/en/campaigns/anna-example";

        // The keys page: seen, not changed.
        let page = editor.get(KEYS).await;
        assert_eq!(page.status, StatusCode::OK);
        assert!(!page.text().contains("name=\"password\""), "no form to add a key");
        let page = page.text();
        let r = editor.submit(&page, KEYS, &[("key", &informer), ("password", PASSWORD), ("code", "123456")]).await;
        assert_eq!(r.status, StatusCode::FORBIDDEN);
        let r = editor.submit(&page, &format!("{KEYS}/1/end"), &[]).await;
        assert_eq!(r.status, StatusCode::FORBIDDEN);

        // The whole-file editor: saved, but without the key, and said so.
        let html = editor.get(&format!("{base}/edit")).await.text();
        let file = textarea(&html);
        let with_informer = file.replace(FIXTURE_KEY, &format!("{FIXTURE_KEY}\",\n    \"{informer}"));
        assert_ne!(with_informer, file, "{file}");
        let saved = editor.submit(&html, &format!("{base}/edit"), &[("text", &with_informer), ("base", "0")]).await;
        assert_eq!(saved.status, StatusCode::OK, "{}", saved.text());
        assert!(saved.text().contains("Organiser keys change only on the keys page"));
        assert!(!textarea(&saved.text()).contains(&informer));
        let published = editor.submit(&saved.text(), &format!("{base}/publish"), &[("confirm", "yes")]).await;
        assert_eq!(published.status, StatusCode::SEE_OTHER);
        assert_eq!(keys_in_force(&app).await, vec![FIXTURE_KEY]);

        // An old revision that lists the key (as drafts made before keys
        // were recorded could), restored and published.
        let head = app.store.head_revision("anna-example").await.expect("head").expect("a revision");
        let mut planted = head.campaign.clone();
        planted.organiser_keys.push(informer.clone());
        let svoboda::store::SavedRevision::Saved(id) = app.store.save_revision(&planted, head.id, (0, "old"), 0).await.expect("save") else {
            panic!("saved");
        };
        let history = editor.get(&format!("{base}/history")).await.text();
        let restored = editor.submit(&history, &format!("{base}/history/{id}/restore"), &[]).await;
        assert_eq!(restored.status, StatusCode::OK);
        assert!(!textarea(&restored.text()).contains(&informer));
        assert_eq!(editor.submit(&restored.text(), &format!("{base}/publish"), &[("confirm", "yes")]).await.status, StatusCode::SEE_OTHER);
        assert_eq!(keys_in_force(&app).await, vec![FIXTURE_KEY]);

        // A campaign file imported on the server: the key only waits, for
        // the owners to see and cancel.
        let dir = crate::support::fixture_dir_with_photo();
        let text = std::fs::read_to_string(dir.path().join("campaign.toml")).expect("fixture");
        let line = format!("organiser_key = \"{FIXTURE_KEY}\"");
        assert!(text.contains(&line));
        let text = text.replace(&line, &format!("organiser_keys = [\"{FIXTURE_KEY}\", \"{informer}\"]"));
        std::fs::write(dir.path().join("campaign.toml"), &text).expect("write");
        app.import(&dir.path().join("campaign.toml")).await.expect("import");
        assert_eq!(keys_in_force(&app).await, vec![FIXTURE_KEY]);
        let records = app.store.key_records("anna-example").await.expect("records");
        let waiting = records.iter().find(|r| r.key == informer).expect("proposed");
        assert!(waiting.effective_at > chrono::Utc::now().timestamp() + 47 * 3600);
        sign(&app, "Nina Signer", 30).await;
        let row = app.state.content().petition_row("anna-example", "quiet-support").expect("row").id;
        let periods = app.store.sealing_periods(row).await.expect("periods");
        assert!(periods.iter().flat_map(|p| p.keys.clone().unwrap_or_default()).all(|k| k != informer));
    }
}
