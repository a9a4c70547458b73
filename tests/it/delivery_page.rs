//! Keys and delivery with no shell: in real Chromium an owner makes an
//! organiser key on the keys page (the browser saves the identity, only the
//! public key reaches the server), adds it, the wait passes (a test clock),
//! Cyrillic signers sign; then the export is opened on the delivery page:
//! the CSV equals `svoboda signatures decrypt`'s byte for byte, the print
//! view printed to PDF reads "Страница 1 из 1", nothing the browser sent
//! carried the identity, and the page saved to disk does the same from
//! `file://` with the network cut. Also: the vendored age implementation is
//! the pinned package's, and the page's script and Rust agree on the shared
//! screening vectors.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

use crate::browser::{fill, join, serve};
use crate::delivery_document::sign_and_confirm;
use crate::support::server::command;
use crate::support::webdriver::{Driver, Session};
use crate::support::{Backend, TestApp, unavailable};
use svoboda::campaign::keys::DEFAULT_DELAY;

const PASSWORD: &str = "tea with lemon at five";
const EXPORT: &str = "boris-romanov-end-the-case-signatures.txt";
const CSV: &str = "boris-romanov-end-the-case-signatures.csv";
const KEY_FILE: &str = "organiser-key-boris-romanov.txt";

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Waits (up to ten seconds) until the browser has saved `name` into `dir`
/// completely: Chromium writes into a temporary file (`.crdownload`) and
/// may create the final name empty before it moves the data there.
async fn saved(dir: &Path, name: &str) -> Vec<u8> {
    let path = dir.join(name);
    let writing = || {
        std::fs::read_dir(dir)
            .map(|d| {
                d.filter_map(Result::ok)
                    .any(|e| e.file_name().to_string_lossy().ends_with(".crdownload"))
            })
            .unwrap_or(true)
    };
    for _ in 0..200 {
        if let Ok(bytes) = std::fs::read(&path)
            && !bytes.is_empty()
            && !writing()
        {
            return bytes;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    let listing: Vec<_> = std::fs::read_dir(dir)
        .map(|d| d.filter_map(Result::ok).map(|e| e.file_name()).collect())
        .unwrap_or_default();
    panic!("the browser never saved {name}; the folder holds {listing:?}");
}

/// `svoboda signatures decrypt` of `export` with `identity`, as bytes.
fn decrypted_by_the_command(identity: &Path, export: &Path) -> Vec<u8> {
    let out = command()
        .args(["signatures", "decrypt", "--identity"])
        .arg(identity)
        .arg(export)
        .output()
        .expect("run svoboda");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    out.stdout
}

/// Chooses the export and the identity on the delivery page and opens them.
async fn open_in_page(session: &Session<'_>, export: &Path, identity: &Path, done: &str) -> String {
    session.choose_file("#export-file", export).await;
    session.choose_file("#identity-file", identity).await;
    session.click_css("#deliver-open").await;
    session.wait_for_text(done).await
}

/// The text of a PDF, by `pdftotext`, with whitespace as single spaces.
fn pdf_words(pdf: &[u8], dir: &Path) -> String {
    let path = dir.join("printed.pdf");
    std::fs::write(&path, pdf).expect("write pdf");
    let text = Command::new("pdftotext")
        .args(["-enc", "UTF-8"])
        .arg(&path)
        .arg("-")
        .output()
        .expect("pdftotext");
    assert!(text.status.success(), "pdftotext reads the print");
    String::from_utf8_lossy(&text.stdout)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// The page as the browser's "Save page as…, Webpage, complete" keeps it:
/// its document now, and the files it loaded beside it in `NAME_files/`.
async fn save_page_to_disk(app: &TestApp, session: &Session<'_>, dir: &Path) -> PathBuf {
    let html = session
        .eval("return '<!DOCTYPE html>\\n' + document.documentElement.outerHTML")
        .await;
    let mut html = html.as_str().expect("the page's HTML").to_string();
    let files = dir.join("deliver_files");
    std::fs::create_dir_all(&files).expect("files folder");
    let linked: Vec<String> = html
        .match_indices("\"/static/")
        .map(|(at, _)| {
            let rest = &html[at + 1..];
            rest[..rest.find('"').expect("closing quote")].to_string()
        })
        .collect();
    assert!(linked.len() >= 5, "the scripts and stylesheets: {linked:?}");
    for href in linked {
        let response = app.get(&href.replace("&amp;", "&")).await;
        assert_eq!(response.status, axum::http::StatusCode::OK, "{href}");
        let name = href
            .trim_start_matches("/static/")
            .split('?')
            .next()
            .expect("a name")
            .to_string();
        std::fs::write(files.join(&name), &response.body).expect("write file");
        html = html.replace(&format!("\"{href}\""), &format!("\"deliver_files/{name}\""));
    }
    let page = dir.join("deliver.html");
    std::fs::write(&page, html).expect("write page");
    page
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_owner_makes_a_key_in_the_browser_and_opens_the_signatures_there() {
    let Some(driver) = Driver::start().await else {
        unavailable("chromium and chromedriver");
        return;
    };
    if Command::new("pdftotext").arg("-v").output().is_err() {
        unavailable("pdftotext (poppler-utils)");
        return;
    }
    let app = TestApp::with_demo(Backend::Sqlite).await.expect("sqlite");
    let base = serve(&app).await;
    let downloads = tempfile::tempdir().expect("downloads");
    let work = tempfile::tempdir().expect("work");
    let session = driver.session_saving_to(downloads.path()).await;
    session.resize(360, 800).await;
    let link = crate::workspace::invitation(&app, None).await;
    let totp = join(&session, &base, &link, "mother", PASSWORD).await;

    // A key made on the keys page: the browser saves the identity, the
    // public key goes into the form, the owner confirms.
    let keys = format!("{base}/admin/ru/campaigns/boris-romanov/keys");
    session.goto(&keys).await;
    session
        .wait_for_text("Создать ключ на этом устройстве")
        .await;
    session.click_css("#keygen-create").await;
    session
        .wait_for_text("Браузер сохранил ваш секретный ключ")
        .await;
    session.screenshot("keys-made").await;
    let identity_text = String::from_utf8(saved(downloads.path(), KEY_FILE).await).expect("UTF-8");
    let identity = downloads.path().join(KEY_FILE);
    let public = session
        .eval("return document.getElementById('key').value")
        .await;
    let public = public.as_str().expect("the public key").to_string();
    assert!(public.starts_with("age1"), "{public}");
    assert!(
        identity_text.contains(&format!("# public key: {public}\n")),
        "{identity_text}"
    );
    let secret_line = identity_text
        .lines()
        .find(|l| l.starts_with("AGE-SECRET-KEY-1"))
        .expect("an age identity")
        .to_string();
    // Stock tools read it: svoboda's opener, and the public key it names.
    let opener = svoboda::petition::seal::Opener::from_identity_file(&identity_text);
    assert!(opener.is_ok(), "svoboda reads the saved identity");
    fill(&session, "password", PASSWORD).await;
    let code = svoboda::account::totp::code(&totp, chrono::Utc::now().timestamp() + 30);
    fill(&session, "code", &code).await;
    session
        .click_css("form.admin-form button[type=submit]")
        .await;
    session.wait_for_text("Ключ добавлен").await;
    let records = app
        .store
        .key_records("boris-romanov")
        .await
        .expect("records");
    assert!(records.iter().any(|r| r.key == public), "proposed");

    // The wait passes; Cyrillic signers sign, three confirm.
    app.state
        .clock
        .advance(DEFAULT_DELAY + Duration::from_secs(60));
    sign_and_confirm(&app, "Пётр Иванов", "Казань", "petr@example.org", 21).await;
    sign_and_confirm(&app, "иванов  петр", "казань", "petr2@example.org", 22).await;
    sign_and_confirm(
        &app,
        "Анастасия Черноусова-Длиннофамильная",
        "Нижний Новгород",
        "a@mailinator.com",
        23,
    )
    .await;
    sign_and_confirm(&app, "=Ольга Формулова", "Тверь", "olga@example.org", 24).await;

    // The export, downloaded by the browser.
    let export_url =
        format!("{base}/admin/ru/campaigns/boris-romanov/petitions/end-the-case/export");
    session.goto(&format!("{base}/admin/ru/deliver")).await;
    session.wait_for_text("Открыть подписи").await;
    let download_link = session
        .eval("return [...document.querySelectorAll('a[download]')].map(a => a.href)")
        .await;
    assert!(
        download_link.to_string().contains(&export_url),
        "{download_link}"
    );
    session.goto(&export_url).await;
    saved(downloads.path(), EXPORT).await;
    let export = downloads.path().join(EXPORT);

    // Opened on the delivery page.
    session.goto(&format!("{base}/admin/ru/deliver")).await;
    let shown = open_in_page(&session, &export, &identity, "Готово.").await;
    assert!(
        shown.contains("Подтверждено (входят в документ): 4"),
        "{shown}"
    );
    session.screenshot("delivery-opened").await;
    assert!(shown.contains("Сомнительных: 2"), "{shown}");
    assert!(
        shown.contains("те же имя и город, что у подписи"),
        "{shown}"
    );
    assert!(
        shown.contains("одноразовый адрес на mailinator.com"),
        "{shown}"
    );
    session.click_css("#deliver-save-csv").await;
    let csv = saved(downloads.path(), CSV).await;
    let expected = decrypted_by_the_command(&identity, &export);
    assert_eq!(
        String::from_utf8_lossy(&csv),
        String::from_utf8_lossy(&expected),
        "the browser's CSV is the command's"
    );
    assert!(String::from_utf8_lossy(&csv).contains("'=Ольга Формулова"));

    let fits = session
        .eval("return [document.documentElement.scrollWidth, window.innerWidth]")
        .await;
    assert!(
        fits[0].as_f64() <= fits[1].as_f64(),
        "the delivery page fits a 360-px screen: {fits}"
    );
    let printed = pdf_words(&session.print_pdf().await, work.path());
    // A long name wraps at its hyphen within its column, whole.
    for word in [
        "Генеральному прокурору",
        "Пётр Иванов",
        "Анастасия Черноусова-",
        "Длиннофамильная",
        "Страна",
        "Страница 1 из 1",
    ] {
        assert!(printed.contains(word), "{word}: {printed}");
    }
    assert!(
        !printed.contains("Сохранить таблицей"),
        "only the document prints: {printed}"
    );
    session.click_css("#deliver-leave-out").await;
    let printed = pdf_words(&session.print_pdf().await, work.path());
    assert!(
        !printed.contains("Черноусова"),
        "suspects left out: {printed}"
    );
    assert!(printed.contains("Пётр Иванов"), "{printed}");

    // Nothing that left the browser carried the identity.
    let secret_body = secret_line.trim_start_matches("AGE-SECRET-KEY-1");
    let sent = session.requests_with_bodies().await;
    assert!(
        sent.iter().any(|(url, _)| url.contains("/deliver")),
        "the log was read"
    );
    for (url, body) in &sent {
        assert!(
            !url.contains(secret_body) && !body.to_uppercase().contains(secret_body),
            "a request carried the identity: {url}"
        );
    }

    // The page saved to disk, opened from file:// with the network cut.
    session.goto(&format!("{base}/admin/ru/deliver")).await;
    session.wait_for_text("Открыть подписи").await;
    let saved_page = save_page_to_disk(&app, &session, work.path()).await;
    std::fs::remove_file(downloads.path().join(CSV)).expect("remove the first CSV");
    session.go_offline().await;
    session.requests_with_bodies().await;
    session
        .goto(&format!("file://{}", saved_page.display()))
        .await;
    let shown = open_in_page(&session, &export, &identity, "Готово.").await;
    assert!(
        shown.contains("Подтверждено (входят в документ): 4"),
        "{shown}"
    );
    session.click_css("#deliver-save-csv").await;
    assert_eq!(
        saved(downloads.path(), CSV).await,
        expected,
        "offline, the same CSV"
    );
    let offline: Vec<_> = session
        .requests_with_bodies()
        .await
        .into_iter()
        .filter(|(url, _)| url.starts_with("http"))
        .collect();
    assert!(
        offline.is_empty(),
        "the saved page asked the network: {offline:?}"
    );
    session.close().await;
}

#[tokio::test]
async fn the_delivery_and_keys_pages_may_run_own_scripts_and_connect_nowhere() {
    let app = TestApp::with_demo(Backend::Sqlite).await.expect("sqlite");
    let mut owner = crate::workspace::Browser::new(&app, [198, 51, 100, 1]);
    crate::workspace::enrol(
        &mut owner,
        &crate::workspace::invitation(&app, None).await,
        "owner",
    )
    .await;
    for path in [
        "/admin/en/deliver",
        "/admin/ru/campaigns/boris-romanov/keys",
    ] {
        let page = owner.get(path).await;
        assert_eq!(page.status, axum::http::StatusCode::OK, "{path}");
        let policy = page.headers["content-security-policy"]
            .to_str()
            .expect("ASCII");
        assert!(policy.contains("script-src 'self'"), "{policy}");
        assert!(policy.contains("connect-src 'none'"), "{policy}");
        let html = page.text();
        assert!(
            !html.contains("<script>") && !html.contains(" onclick="),
            "no inline code: {path}"
        );
        assert!(
            html.contains("src=\"/static/age-encryption.js?v="),
            "{path}"
        );
    }
    let public = app.get("/en/boris-romanov").await;
    let policy = public.headers["content-security-policy"]
        .to_str()
        .expect("ASCII");
    assert!(
        !policy.contains("script-src"),
        "public pages run no script: {policy}"
    );
    assert!(
        !public.text().contains("<script"),
        "public pages carry no script"
    );
    let script = app.get("/static/deliver.js").await;
    assert_eq!(
        script.headers["content-type"],
        "text/javascript; charset=utf-8"
    );
}

#[test]
fn the_delivery_page_script_agrees_with_rust_on_the_shared_vectors() {
    let Ok(out) = Command::new("node")
        .arg(root().join("tests/js/delivery-rules.test.cjs"))
        .output()
    else {
        unavailable("node");
        return;
    };
    assert!(
        out.status.success(),
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn vendored_age_encryption_is_the_pinned_package() {
    let vendor = root().join("static/vendor/age-encryption");
    let vendored = std::fs::read(vendor.join("age-encryption.js")).expect("vendored file");
    let sums = std::fs::read_to_string(vendor.join("SHA256SUMS")).expect("SHA256SUMS");
    use sha2::Digest;
    let digest = hex::encode(sha2::Sha256::digest(&vendored));
    assert_eq!(
        sums.split_whitespace().next(),
        Some(digest.as_str()),
        "SHA256SUMS"
    );
    let lock: serde_json::Value =
        serde_json::from_slice(&std::fs::read(vendor.join("package-lock.json")).expect("lock"))
            .expect("the lock is JSON");
    let pinned = &lock["packages"]["node_modules/age-encryption"];
    assert_eq!(pinned["version"], "0.3.1");
    assert_eq!(
        pinned["integrity"],
        "sha512-bYgd7lxM7tEANmb9bXf7xTFB3Qpq+JGKinVSdFh5MV+t2fJJZSTdKhWkvXTFJQGysZd+K9Dt3F+n+4DKazXlnQ==",
        "the lock pins age-encryption 0.3.1 as the registry publishes it"
    );
    if Command::new("npm").arg("--version").output().is_err() {
        unavailable("npm");
        return;
    }
    let work = std::env::var_os("SVOBODA_AGE_BUILD_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| std::env::temp_dir().join("svoboda-age-build"));
    let built = Command::new("sh")
        .arg(vendor.join("build.sh"))
        .arg(&work)
        .output()
        .expect("run build.sh");
    assert!(
        built.status.success(),
        "{}",
        String::from_utf8_lossy(&built.stderr)
    );
    let rebuilt = std::fs::read(work.join("age-encryption.js")).expect("rebuilt file");
    assert!(
        rebuilt == vendored,
        "the vendored file differs from the pinned packages' build"
    );
}
