//! Passkeys in real Chromium with WebDriver's virtual authenticator: an
//! owner adds one (after the password and a code again), signs in with it
//! alone, requires passkeys of owners and delivery people, and is then
//! refused a sign-in by password and code; a name with no passkey gets a
//! challenge nothing answers. Every page also at 360 px.

use crate::browser::{fill, join, serve_on};
use crate::support::webdriver::{Driver, Session};
use crate::support::{Backend, TestApp, unavailable};
use svoboda::account::AuditAction;
use svoboda::store::AuditFilter;

const PASSWORD: &str = "tea with lemon at five";

async fn fits(session: &Session<'_>, what: &str) {
    let width = session
        .eval("return [document.documentElement.scrollWidth, window.innerWidth]")
        .await;
    assert!(width[0].as_f64() <= width[1].as_f64(), "{what}: {width}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_owner_adds_a_passkey_signs_in_with_it_and_requires_passkeys() {
    let Some(driver) = Driver::start().await else {
        unavailable("chromium and chromedriver");
        return;
    };
    // Passkeys are bound to a domain name: the workspace is at localhost.
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind");
    let port = listener.local_addr().expect("addr").port();
    let workspace = format!("http://localhost:{port}");
    let url = workspace.clone();
    let app = TestApp::with_web_settings(Backend::Sqlite, move |s| s.workspace_url = url)
        .await
        .expect("sqlite");
    app.load_demo_and_fixture().await;
    serve_on(&app, listener).await;
    let base = workspace;
    let session = driver.session().await;
    session.resize(360, 800).await;
    session.add_virtual_authenticator().await;
    let link = crate::workspace::invitation(&app, None).await;
    let totp = join(&session, &base, &link, "owner", PASSWORD).await;
    let code =
        |offset: i64| svoboda::account::totp::code(&totp, chrono::Utc::now().timestamp() + offset);
    // A recovery code, for a sign-in after the authenticator's next code is used.
    let shown = session.wait_for_text("Your recovery codes").await;
    let recovery = shown
        .lines()
        .find(|l| l.split('-').map(str::len).collect::<Vec<_>>() == [4, 4, 4, 4])
        .expect("a recovery code")
        .to_string();

    // Adding one asks the password and a code again.
    session
        .goto(&format!("{base}/admin/en/account/passkeys"))
        .await;
    session.wait_for_text("You have no passkey yet.").await;
    fits(&session, "the passkeys page").await;
    fill(&session, "name", "my laptop").await;
    fill(&session, "password", PASSWORD).await;
    fill(&session, "code", &code(30)).await;
    session
        .click_css("form.admin-form button[type=submit]")
        .await;
    session
        .wait_for_text("let your device make the passkey")
        .await;
    fits(&session, "the step").await;
    session.click_css("#passkey-go").await;
    session
        .wait_for_text("The passkey \"my laptop\" was added.")
        .await;

    // Signing in with it alone.
    session.click_css("form.sign-out button").await;
    session.wait_for_text("Sign in with a passkey").await;
    fits(&session, "the sign-in page").await;
    fill(&session, "passkey-login", "owner").await;
    session
        .click_css("form[action$='/sign-in/passkey'] button")
        .await;
    session
        .wait_for_text("let your device confirm it is you")
        .await;
    session.click_css("#passkey-go").await;
    session.wait_for_url(&format!("{base}/admin/en/")).await;
    session.wait_for_text("owner").await;

    // As the second factor: the password, the code left empty, the passkey.
    session.click_css("form.sign-out button").await;
    session.wait_for_text("Sign in with a passkey").await;
    fill(&session, "login", "owner").await;
    fill(&session, "password", PASSWORD).await;
    session
        .click_css("form[action$='/sign-in'] button[type=submit]")
        .await;
    session
        .wait_for_text("let your device confirm it is you")
        .await;
    session.click_css("#passkey-go").await;
    session.wait_for_url(&format!("{base}/admin/en/")).await;
    // A wrong password gets the same page, and the passkey cannot help.
    session.click_css("form.sign-out button").await;
    session.wait_for_text("Sign in with a passkey").await;
    fill(&session, "login", "owner").await;
    fill(&session, "password", "not the password at all").await;
    session
        .click_css("form[action$='/sign-in'] button[type=submit]")
        .await;
    session
        .wait_for_text("let your device confirm it is you")
        .await;
    session.click_css("#passkey-go").await;
    session.wait_for_text("The passkey was not used").await;

    // A name with no passkey: a challenge nothing on this device answers.
    session.goto(&format!("{base}/admin/en/sign-in")).await;
    session.wait_for_text("Sign in with a passkey").await;
    fill(&session, "passkey-login", "nobody-here").await;
    session
        .click_css("form[action$='/sign-in/passkey'] button")
        .await;
    session
        .wait_for_text("let your device confirm it is you")
        .await;
    session.click_css("#passkey-go").await;
    session.wait_for_text("The passkey was not used").await;

    // Requiring passkeys: the password and a code are no longer enough.
    session.goto(&format!("{base}/admin/en/sign-in")).await;
    fill(&session, "passkey-login", "owner").await;
    session
        .click_css("form[action$='/sign-in/passkey'] button")
        .await;
    session
        .wait_for_text("let your device confirm it is you")
        .await;
    session.click_css("#passkey-go").await;
    session.wait_for_url(&format!("{base}/admin/en/")).await;
    session
        .goto(&format!("{base}/admin/en/account/passkeys"))
        .await;
    session
        .click_css("form[action$='/passkeys/required'] button")
        .await;
    session
        .wait_for_text("who have a passkey must sign in with it")
        .await;
    session.click_css("form.sign-out button").await;
    session.wait_for_text("Sign in with a passkey").await;
    fill(&session, "login", "owner").await;
    fill(&session, "password", PASSWORD).await;
    fill(&session, "code", &recovery).await;
    session
        .click_css("form[action$='/sign-in'] button[type=submit]")
        .await;
    session
        .wait_for_text("This account signs in with its passkey")
        .await;

    let actions: Vec<AuditAction> = app
        .store
        .audit_log(&AuditFilter::default(), 1000)
        .await
        .expect("audit")
        .into_iter()
        .map(|(_, e)| e.action)
        .collect();
    for wanted in [
        AuditAction::PasskeyAdded,
        AuditAction::SignInWithPasskey,
        AuditAction::PasskeysRequirement,
    ] {
        assert!(actions.contains(&wanted), "{wanted:?}: {actions:?}");
    }
    session.close().await;
}
