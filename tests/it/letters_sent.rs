//! Letters sent through the campaign: sealed on arrival, passed on by the
//! campaign's letters volunteers (export, stock `age`, `svoboda letters
//! pdf`, marks), answered by a reply only the writer's receipt link opens,
//! and deleted by retention. Editors and delivery people never reach them.

use std::path::Path;
use std::process::Command;

use axum::http::StatusCode;
use base64::Engine;

use crate::backend_test;
use crate::support::server::command;
use crate::support::{
    Backend, PUBLIC_URL, TestApp, fixture, stored_bytes, stored_contains, unavailable,
};
use crate::workspace::{Browser, enrol, invitation, phone_photo};
use svoboda::account::{AuditAction, Grant, Role};
use svoboda::store::AuditFilter;

const LETTER: &str = "/ru/anna-example/letter";
const LETTERS: &str = "/admin/en/campaigns/anna-example/letters";
/// Only in the letter: found nowhere on disk while it is sealed.
const PHRASE: &str = "Дорогая Аня, помню наш поход на Волгу летом";

fn grant(role: Role) -> Option<Grant> {
    Some(Grant {
        campaign: "anna-example".into(),
        role,
    })
}

/// Sends a letter from `ip`; the receipt link's path.
async fn send(app: &TestApp, fields: &[(&str, &str)], ip: u8) -> String {
    let mut all = vec![("send", "1")];
    all.extend_from_slice(fields);
    let sent = app.post_form(LETTER, &all, [198, 51, 100, ip]).await;
    assert_eq!(sent.status, StatusCode::OK, "{}", sent.text());
    assert_eq!(sent.header("cache-control"), "no-store");
    receipt_path(&sent.text())
}

fn receipt_path(html: &str) -> String {
    let start = html
        .find(&format!("{PUBLIC_URL}/ru/receipt/"))
        .expect("the receipt link")
        + PUBLIC_URL.len();
    html[start..].split('"').next().expect("link").to_string()
}

/// A letters volunteer of anna-example, signed in.
async fn volunteer(app: &TestApp) -> Browser<'_> {
    let mut browser = Browser::new(app, [198, 51, 100, 90]);
    enrol(
        &mut browser,
        &invitation(app, grant(Role::Letters)).await,
        "letters",
    )
    .await;
    browser
}

/// Uploads `image` as the reply to letter `number`, as the page's form does.
async fn upload_reply(
    app: &TestApp,
    browser: &mut Browser<'_>,
    number: &str,
    image: &[u8],
) -> crate::support::TestResponse {
    let page = browser.get(LETTERS).await.text();
    let start = page
        .find("enctype=\"multipart/form-data\"")
        .expect("the reply form");
    let action_start = page[..start].rfind("action=\"").expect("its action") + 8;
    let action = page[action_start..]
        .split('"')
        .next()
        .expect("action")
        .replace("&amp;", "&");
    let boundary = "letterboundary";
    let mut body = format!(
        "--{boundary}\r\nContent-Disposition: form-data; name=\"number\"\r\n\r\n{number}\r\n--{boundary}\r\nContent-Disposition: form-data; name=\"reply\"; filename=\"reply.jpg\"\r\nContent-Type: image/jpeg\r\n\r\n"
    )
    .into_bytes();
    body.extend(image);
    body.extend(format!("\r\n--{boundary}--\r\n").as_bytes());
    let cookie = browser.cookie_header();
    app.post_from(
        &action,
        &format!("multipart/form-data; boundary={boundary}"),
        body,
        [198, 51, 100, 90],
        &[("cookie", &cookie), ("origin", PUBLIC_URL)],
    )
    .await
}

/// Runs `svoboda letters pdf`; the words of its text, by `pdftotext`.
fn pdf_words(export: &Path, out: &Path) -> String {
    let run = command()
        .args(["letters", "pdf", "--identity"])
        .arg(fixture("full/organiser-key.txt"))
        .arg(export)
        .arg("--out")
        .arg(out)
        .output()
        .expect("run svoboda");
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let text = Command::new("pdftotext")
        .args(["-enc", "UTF-8"])
        .arg(out)
        .arg("-")
        .output()
        .expect("pdftotext");
    assert!(text.status.success());
    String::from_utf8_lossy(&text.stdout)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

backend_test! {
    /// The whole way of a letter: written and sent in Russian; the disk
    /// holds none of it; a letters volunteer downloads it, opens it with
    /// stock age and with `svoboda letters pdf`, marks it sent and uploads
    /// a phone photo of the reply (with GPS in it); the writer's receipt
    /// shows "sent" and the reply, cleaned, and the writer's address gets
    /// one neutral notice and is deleted. Another receipt opens nothing.
    async fn a_letter_is_sealed_passed_on_and_answered(backend: Backend) {
        if Command::new("pdftotext").arg("-v").output().is_err() || Command::new("age").arg("--version").output().is_err() {
            unavailable("pdftotext (poppler-utils) and age");
            return;
        }
        let Some(app) = TestApp::with_fixtures(backend).await else { return };
        let page = app.page(LETTER).await;
        assert!(page.contains(r#"<button type="submit" name="send" value="1">Отправить через кампанию</button>"#));
        assert!(page.contains(r#"name="email" type="email""#) && page.contains(r#"name="return_address""#));

        let text = format!("{PHRASE}. Держись!\n<script>alert('x')</script>");
        let receipt = send(&app, &[("text", &text), ("name", "Вероника"), ("return_address", "Казань, а/я 12"), ("email", "writer@example.org")], 60).await;
        assert!(receipt.starts_with("/ru/receipt/") && receipt.len() == "/ru/receipt/".len() + 43, "{receipt}");

        // What a seized server holds: neither the letter nor its writer.
        let dump = stored_bytes(&app.db).await;
        for secret in [PHRASE, "Вероника", "Казань, а/я 12", "writer@example.org", &receipt["/ru/receipt/".len()..]] {
            assert!(!stored_contains(&dump, secret.as_bytes()), "{secret} is not stored in plain");
        }

        let shown = app.get(&receipt).await;
        assert_eq!(shown.status, StatusCode::OK);
        assert_eq!(shown.header("cache-control"), "no-store");
        assert_eq!(shown.header("x-robots-tag"), "noindex, nofollow");
        let html = shown.text();
        assert!(html.contains("<h1>Письмо № 1</h1>") && html.contains("Адресат: Анна Пример"), "{html}");
        assert!(html.contains("Ждёт, когда волонтёры распечатают и отправят его."));
        let other = format!("/ru/receipt/{}", "A".repeat(43));
        for path in [other.as_str(), "/ru/receipt/nothing", "/ru/receipt/"] {
            assert_eq!(app.get(path).await.status, StatusCode::NOT_FOUND, "{path}");
        }

        // The letters volunteer.
        let mut volunteer = volunteer(&app).await;
        let list = volunteer.get(LETTERS).await;
        assert_eq!(list.status, StatusCode::OK);
        assert!(list.text().contains("Waiting to be posted: 1; not downloaded yet: 1."), "{}", list.text());
        assert!(!list.text().contains(PHRASE), "the workspace shows numbers, not letters");
        let export = volunteer.get(&format!("{LETTERS}/export/new")).await;
        assert_eq!(export.status, StatusCode::OK);
        assert!(export.header("content-disposition").starts_with("attachment; filename=\"anna-example-letters-"));
        let export_text = export.text();
        assert!(export_text.starts_with("# svoboda letters v1 campaign=anna-example\n# letters-to "));
        assert!(!export_text.contains(PHRASE), "sealed in the export too");

        // Stock age opens the letter.
        let dir = tempfile::tempdir().expect("dir");
        let line = export_text.lines().find(|l| l.starts_with("1\t")).expect("letter No 1");
        let file = base64::engine::general_purpose::STANDARD.decode(line.split('\t').nth(2).expect("data")).expect("base64");
        std::fs::write(dir.path().join("1.age"), &file).expect("write");
        let opened = Command::new("age")
            .args(["-d", "-i"])
            .arg(fixture("full/organiser-key.txt"))
            .arg(dir.path().join("1.age"))
            .output()
            .expect("age");
        assert!(opened.status.success(), "{}", String::from_utf8_lossy(&opened.stderr));
        let record: serde_json::Value = serde_json::from_slice(&opened.stdout).expect("JSON");
        assert_eq!(record["text"], text.as_str());
        assert_eq!(record["name"], "Вероника");
        assert_eq!(record["return_address"], "Казань, а/я 12");
        assert_eq!(record["notice"], true);
        assert!(record.get("email").is_none(), "volunteers do not get the writer's address");

        // And `svoboda letters pdf` lays it out for printing.
        std::fs::write(dir.path().join("letters.txt"), &export_text).expect("write");
        let words = pdf_words(&dir.path().join("letters.txt"), &dir.path().join("letters.pdf"));
        for expected in ["420000, Kazan, Example st., 1", "СИЗО-2 г. Казани", "Анна Пример", "Письмо № 1", "Дорогая Аня, помню наш поход на Волгу летом.", "<script>alert('x')</script>", "Вероника", "Обратный адрес: Казань, а/я 12", "Бланк для ответа · письмо № 1", "101000, Москва, а/я 7"] {
            assert!(words.contains(expected), "{expected:?} in {words}");
        }

        assert!(!volunteer.get(&format!("{LETTERS}/export/new")).await.text().contains("\n1\t"), "new: only what was not downloaded");
        assert!(volunteer.get(&format!("{LETTERS}/export/all")).await.text().contains("\n1\t"), "all: every letter waiting");

        let page = volunteer.get(LETTERS).await.text();
        let marked = volunteer.submit(&page, &format!("{LETTERS}/mark"), &[("number", "№ 1"), ("outcome", "sent")]).await;
        assert_eq!(marked.status, StatusCode::OK);
        assert!(marked.text().contains("Letter No 1 is marked posted"));
        let today = svoboda::i18n::Tr::new(svoboda::campaign::Lang::RU).date(chrono::Utc::now().date_naive());
        assert!(app.page(&receipt).await.contains(&format!("Отправлено {today}.")), "the writer sees it sent");

        // A reply, photographed by a phone that wrote where it was.
        let photo = phone_photo(600, 400);
        assert!(photo.windows(3).any(|w| w == b"GPS") || photo.windows(4).any(|w| w == b"Exif"));
        let uploaded = upload_reply(&app, &mut volunteer, "1", &photo).await;
        assert_eq!(uploaded.status, StatusCode::OK, "{}", uploaded.text());
        assert!(uploaded.text().contains("sealed for its writer, who gets a short notice by e-mail"));
        assert_eq!(app.deliver_mail().await, 1);
        let mail = app.mailbox().into_iter().find(|m| m.to == "writer@example.org").expect("the notice");
        assert_eq!(mail.subject, "Пришёл ответ");
        for named in ["Анна", "anna-example", "Пример", "/receipt/"] {
            assert!(!mail.text.contains(named), "the notice names nobody and carries no link: {}", mail.text);
        }
        let dump = stored_bytes(&app.db).await;
        assert!(!stored_contains(&dump, b"writer@example.org"), "the address served once and is gone");

        let html = app.page(&receipt).await;
        let src_start = html.find(&format!("src=\"{receipt}/reply/")).expect("the reply's image") + 5;
        let src = html[src_start..].split('"').next().expect("src").to_string();
        let image = app.get(&src).await;
        assert_eq!(image.status, StatusCode::OK);
        assert_eq!(image.header("content-type"), "image/jpeg");
        assert_eq!(image.header("cache-control"), "no-store");
        for marker in [&b"Exif"[..], b"GPS"] {
            assert!(!image.body.windows(marker.len()).any(|w| w == marker), "cleaned of {marker:?}");
        }
        let decoded = image::load_from_memory(&image.body).expect("a JPEG");
        assert_eq!((decoded.width(), decoded.height()), (400, 600), "turned upright as the phone said");

        // Another writer's link opens neither the reply nor the letter.
        let second = send(&app, &[("text", "Привет, Аня!")], 61).await;
        let reply_id = src.rsplit('/').next().expect("id");
        assert_eq!(app.get(&format!("{second}/reply/{reply_id}")).await.status, StatusCode::NOT_FOUND);
        assert!(!app.page(&second).await.contains("/reply/"));

        // Not passed on, with a reason the writer reads as text.
        let page = volunteer.get(LETTERS).await.text();
        let number = second_number(&app, &second).await;
        let reason = "Переведена, новый адрес неизвестен <script>alert(1)</script>";
        let r = volunteer.submit(&page, &format!("{LETTERS}/mark"), &[("number", &number), ("outcome", "not-forwarded"), ("reason", reason)]).await;
        assert_eq!(r.status, StatusCode::OK);
        let html = app.page(&second).await;
        assert!(html.contains("Волонтёры не смогли передать это письмо."));
        assert!(html.contains("Переведена, новый адрес неизвестен &#60;script&#62;alert(1)&#60;/script&#62;"), "{html}");

        let actions: Vec<AuditAction> = app.store.audit_log(&AuditFilter::default(), 1000).await.expect("audit").into_iter().map(|(_, e)| e.action).collect();
        for action in [AuditAction::LettersDownloaded, AuditAction::LetterMarked, AuditAction::LetterReplyUploaded] {
            assert!(actions.contains(&action), "{action:?} audited");
        }
    }
}

/// The number a receipt page names ("Письмо № 2").
async fn second_number(app: &TestApp, receipt: &str) -> String {
    let html = app.page(receipt).await;
    let start = html.find("<h1>Письмо № ").expect("heading") + "<h1>Письмо № ".len();
    html[start..].split('<').next().expect("number").to_string()
}

backend_test! {
    /// Editors and delivery people of the campaign, and letters volunteers
    /// of another, reach none of the letters' pages; the volunteer's own
    /// mistakes come back in their language with what they typed.
    async fn only_letters_volunteers_reach_letters(backend: Backend) {
        let Some(app) = TestApp::with_fixtures(backend).await else { return };
        send(&app, &[("text", PHRASE)], 62).await;
        for (role, ip) in [(Role::Editor, 91), (Role::Delivery, 92)] {
            let mut someone = Browser::new(&app, [198, 51, 100, ip]);
            enrol(&mut someone, &invitation(&app, grant(role)).await, role.as_str()).await;
            for path in [LETTERS.to_string(), format!("{LETTERS}/export/new"), format!("{LETTERS}/export/all")] {
                assert_eq!(someone.get(&path).await.status, StatusCode::FORBIDDEN, "{role:?} {path}");
            }
            let page = someone.get("/admin/en/account").await.text();
            let r = someone.submit(&page, &format!("{LETTERS}/mark"), &[("number", "1"), ("outcome", "sent")]).await;
            assert_eq!(r.status, StatusCode::FORBIDDEN, "{role:?} marks nothing");
            let overview = someone.get("/admin/en/campaigns/anna-example").await.text();
            assert!(!overview.contains("/letters"), "{role:?} sees no link to letters");
        }
        let mut other = Browser::new(&app, [198, 51, 100, 93]);
        let link = invitation(&app, Some(Grant { campaign: "boris-romanov".into(), role: Role::Letters })).await;
        enrol(&mut other, &link, "other-letters").await;
        assert_eq!(other.get(LETTERS).await.status, StatusCode::FORBIDDEN);

        let mut volunteer = volunteer(&app).await;
        let overview = volunteer.get("/admin/en/campaigns/anna-example").await.text();
        assert!(overview.contains(&format!("href=\"{LETTERS}\"")), "the volunteer's way in");
        let opener = volunteer.get(&format!("{LETTERS}/open")).await;
        assert_eq!(opener.status, StatusCode::OK);
        let policy = opener.header("content-security-policy").to_string();
        assert!(policy.contains("script-src 'self'") && policy.contains("connect-src 'none'"), "{policy}");
        assert!(!opener.text().contains("<script>") && opener.text().contains("src=\"/static/letters-open.js?v="));
        let page = volunteer.get(LETTERS).await.text();
        let no_reason = volunteer.submit(&page, &format!("{LETTERS}/mark"), &[("number", "1"), ("outcome", "not-forwarded")]).await;
        assert_eq!(no_reason.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(no_reason.text().contains("Please say why the letter was not passed on"));
        let unknown = volunteer.submit(&page, &format!("{LETTERS}/mark"), &[("number", "999"), ("outcome", "sent")]).await;
        assert_eq!(unknown.status, StatusCode::NOT_FOUND);
        assert!(unknown.text().contains("This campaign has no letter No 999."));
        let ru = volunteer.get("/admin/ru/campaigns/anna-example/letters").await.text();
        let garbage = volunteer.submit(&ru, "/admin/ru/campaigns/anna-example/letters/mark", &[("number", "двенадцать")]).await;
        assert!(garbage.text().contains("Укажите номер письма"), "in the volunteer's language");
        assert!(garbage.text().contains("value=\"двенадцать\""), "what was typed is kept");
        let not_image = upload_reply(&app, &mut volunteer, "1", b"not an image").await;
        assert_eq!(not_image.status, StatusCode::UNPROCESSABLE_ENTITY);
        let to_nobody = upload_reply(&app, &mut volunteer, "999", &phone_photo(40, 20)).await;
        assert_eq!(to_nobody.status, StatusCode::NOT_FOUND);
    }
}

backend_test! {
    /// Sending is refused clearly and loses nothing: from another site's
    /// page, with a bad e-mail address, beyond the rate limit; a campaign
    /// whose volunteers do not pass letters on offers no sending.
    async fn sending_is_refused_clearly_and_loses_nothing(backend: Backend) {
        let settings = svoboda::config::PetitionSettings { sign_per_minute: 1, sign_burst: 2, ..crate::support::test_petition_settings() };
        let Some(app) = TestApp::with_settings(backend, settings).await else { return };
        app.load_demo_and_fixture().await;
        let body = crate::support::form_body(&[("text", PHRASE), ("send", "1")]);
        let foreign = app.post_from_ip(LETTER, body, &[("origin", "https://evil.example")], [198, 51, 100, 70]).await;
        assert_eq!(foreign.status, StatusCode::FORBIDDEN);
        assert!(foreign.text().contains("пришло к нам со страницы другого сайта"));
        assert!(foreign.text().contains(PHRASE), "the letter is still in the form");

        let xss = "<script>alert(1)</script>";
        let bad = app.post_form(LETTER, &[("text", PHRASE), ("email", xss), ("return_address", xss), ("name", xss), ("send", "1")], [198, 51, 100, 71]).await;
        assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
        let html = bad.text();
        assert!(html.contains("Это не похоже на адрес электронной почты") && html.contains(PHRASE));
        assert!(!html.contains(xss) && html.matches("&#60;script&#62;alert(1)&#60;/script&#62;").count() == 3, "every field kept, as text");
        let checked = app.post_form(LETTER, &[("text", xss), ("return_address", xss), ("name", xss)], [198, 51, 100, 71]).await.text();
        assert!(!checked.contains(xss), "the preview shows markup as text");

        let ip = [198, 51, 100, 72];
        for _ in 0..2 {
            assert_eq!(app.post_form(LETTER, &[("text", "Привет"), ("send", "1")], ip).await.status, StatusCode::OK);
        }
        let limited = app.post_form(LETTER, &[("text", PHRASE), ("send", "1")], ip).await;
        assert_eq!(limited.status, StatusCode::TOO_MANY_REQUESTS);
        assert_eq!(limited.header("retry-after"), "60");
        assert!(limited.text().contains("Слишком много писем"));
        assert!(limited.text().contains(PHRASE), "the letter is still in the form");
        assert_eq!(app.post_form(LETTER, &[("text", "Привет")], ip).await.status, StatusCode::OK, "checking is not limited");
        assert_eq!(app.store.letters_of("anna-example", 10).await.expect("letters").len(), 2, "nothing refused was kept");

        let mut campaign = app.store.campaign("anna-example").await.expect("read").expect("campaign");
        campaign.help.letters.as_mut().expect("letters").forward = false;
        app.store.save_campaign(&campaign, svoboda::store::PhotoChange::Keep, svoboda::store::SaveMode::Replace).await.expect("save");
        app.state.reload().await.expect("reload");
        let page = app.page(LETTER).await;
        assert!(!page.contains("name=\"send\"") && !page.contains("name=\"email\""), "no sending offered");
        let checked = app.post_form(LETTER, &[("text", "Привет"), ("send", "1")], [198, 51, 100, 73]).await;
        assert_eq!(checked.status, StatusCode::OK);
        assert!(checked.text().contains("Письмо, каким оно будет напечатано"), "checked, not sent");
        assert_eq!(app.store.letters_of("anna-example", 10).await.expect("letters").len(), 2);
    }
}

backend_test! {
    /// Retention: a sent letter's text goes a while after it was marked,
    /// a reply a while after its writer opened it; the receipt still shows
    /// the state. Letters not passed on stay sealed unless the organisers
    /// choose otherwise.
    async fn retention_deletes_what_was_passed_on_and_keeps_what_waits(backend: Backend) {
        let Some(app) = TestApp::with_fixtures(backend).await else { return };
        let sent = send(&app, &[("text", "Первое")], 80).await;
        let undelivered = send(&app, &[("text", "Второе")], 81).await;
        let waiting = send(&app, &[("text", "Третье")], 82).await;
        let mut volunteer = volunteer(&app).await;
        let page = volunteer.get(LETTERS).await.text();
        volunteer.submit(&page, &format!("{LETTERS}/mark"), &[("number", &second_number(&app, &sent).await), ("outcome", "sent")]).await;
        volunteer.submit(&page, &format!("{LETTERS}/mark"), &[("number", &second_number(&app, &undelivered).await), ("outcome", "not-forwarded"), ("reason", "Этап")]).await;
        let number = second_number(&app, &sent).await;
        assert_eq!(upload_reply(&app, &mut volunteer, &number, &phone_photo(40, 20)).await.status, StatusCode::OK);

        let settings = svoboda::config::LetterSettings::default();
        let now = chrono::Utc::now().timestamp();
        let sweep = |at: i64| svoboda::letters::retention::sweep(&app.store, &settings, at);
        assert_eq!(sweep(now).await.expect("sweep"), (0, 0), "nothing is due yet");
        let month = 31 * 86_400;
        assert_eq!(sweep(now + month).await.expect("sweep"), (1, 0), "the sent letter; the reply was never opened");
        let html = app.page(&sent).await;
        assert!(html.contains("Отправлено"), "the receipt keeps the state");
        let src = format!("{sent}/reply/");
        let start = html.find(&src).expect("the reply");
        let reply_path = html[start..].split('"').next().expect("path").to_string();
        assert_eq!(app.get(&reply_path).await.status, StatusCode::OK);
        assert_eq!(sweep(now + 10 * 86_400).await.expect("sweep"), (0, 0), "opened just now: kept a while");
        assert_eq!(sweep(now + month).await.expect("sweep"), (0, 1), "and deleted a month after");
        assert!(app.page(&sent).await.contains("Удалён через некоторое время после того, как вы его открыли"));
        assert_eq!(app.get(&reply_path).await.status, StatusCode::NOT_FOUND);
        let all = volunteer.get(&format!("{LETTERS}/export/all")).await.text();
        assert_eq!(all.lines().filter(|l| !l.starts_with('#')).count(), 1, "only the waiting letter: {all}");
        assert!(app.page(&waiting).await.contains("Ждёт"));

        let rows = app.store.letters_of("anna-example", 10).await.expect("letters");
        assert_eq!(rows.iter().filter(|r| r.deleted).count(), 1, "the letter not passed on stays sealed");
        let mut campaign = app.store.campaign("anna-example").await.expect("read").expect("campaign");
        campaign.help.letters.as_mut().expect("letters").keep_undelivered = false;
        app.store.save_campaign(&campaign, svoboda::store::PhotoChange::Keep, svoboda::store::SaveMode::Replace).await.expect("save");
        assert_eq!(sweep(now + month).await.expect("sweep"), (1, 0), "unless the organisers choose otherwise");
    }
}

backend_test! {
    /// "Write to someone" leads to the letter page of someone who can get
    /// letters now; with nobody, it says so. The directory links to it.
    async fn write_to_someone_leads_to_whoever_can_get_letters(backend: Backend) {
        let Some(app) = TestApp::with_fixtures(backend).await else { return };
        assert!(app.page("/ru/").await.contains(r#"<a href="/ru/write-a-letter">Написать тому, кому мало пишут</a>"#));
        let to = app.get("/ru/write-a-letter").await;
        assert_eq!(to.status, StatusCode::SEE_OTHER);
        assert_eq!(to.header("location"), LETTER, "the only one who can get letters");
        assert_eq!(to.header("cache-control"), "no-store", "a fresh pick each time");

        let mut campaign = app.store.campaign("anna-example").await.expect("read").expect("campaign");
        campaign.help.letters.as_mut().expect("letters").can_write = false;
        app.store.save_campaign(&campaign, svoboda::store::PhotoChange::Keep, svoboda::store::SaveMode::Replace).await.expect("save");
        app.state.reload().await.expect("reload");
        let none = app.get("/ru/write-a-letter").await;
        assert_eq!(none.status, StatusCode::OK);
        assert!(none.text().contains("Сейчас никому на этом сайте нельзя написать."));
        assert!(!app.page("/ru/").await.contains("/ru/write-a-letter"));
    }
}

/// In real Chromium a letters volunteer opens the export on the letters
/// page's opener, with the campaign's key file: the letters appear as
/// text (a writer's markup stays text), print with the address and the
/// reply slip, the page fits a phone, and nothing the browser sent carried
/// the key.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_volunteer_opens_and_prints_letters_in_the_browser() {
    use crate::browser::{join, serve};
    use crate::support::webdriver::Driver;
    let Some(driver) = Driver::start().await else {
        unavailable("chromium and chromedriver");
        return;
    };
    if Command::new("pdftotext").arg("-v").output().is_err() {
        unavailable("pdftotext (poppler-utils)");
        return;
    }
    let app = TestApp::with_fixtures(Backend::Sqlite)
        .await
        .expect("sqlite");
    let xss = "<img src=x onerror=alert(1)><script>alert(2)</script>";
    send(
        &app,
        &[
            ("text", &format!("{PHRASE}\n{xss}")),
            ("name", xss),
            ("return_address", "Казань, а/я 12"),
        ],
        100,
    )
    .await;
    send(&app, &[("text", "Второе письмо: обнимаю!")], 101).await;
    let base = serve(&app).await;
    let work = tempfile::tempdir().expect("work");
    let session = driver.session().await;
    session.resize(360, 800).await;
    let link = invitation(&app, grant(Role::Letters)).await;
    join(
        &session,
        &base,
        &link,
        "volunteer",
        "tea with lemon at five",
    )
    .await;

    // The export, as the letters page gives it.
    let mut volunteer = volunteer(&app).await;
    let export = volunteer.get(&format!("{LETTERS}/export/new")).await.text();
    std::fs::write(work.path().join("letters.txt"), &export).expect("write");

    session
        .goto(&format!(
            "{base}/admin/ru/campaigns/anna-example/letters/open"
        ))
        .await;
    session.wait_for_text("Открыть письма").await;
    session
        .choose_file("#export-file", &work.path().join("letters.txt"))
        .await;
    session
        .choose_file("#identity-file", &fixture("full/organiser-key.txt"))
        .await;
    session.click_css("#letters-open").await;
    let shown = session.wait_for_text("Готово.").await;
    assert!(shown.contains("Открыто писем: 2"), "{shown}");
    assert!(
        shown.contains(PHRASE) && shown.contains("Второе письмо: обнимаю!"),
        "{shown}"
    );
    assert!(
        shown.contains(xss),
        "a writer's markup shows as text: {shown}"
    );
    let injected = session
        .eval(
            "return document.querySelectorAll('#letters-print img, #letters-print script').length",
        )
        .await;
    assert_eq!(
        injected,
        serde_json::json!(0),
        "nothing the writer typed became markup"
    );
    let fits = session
        .eval("return document.documentElement.scrollWidth <= window.innerWidth")
        .await;
    assert_eq!(
        fits,
        serde_json::json!(true),
        "the opener fits a 360-px screen"
    );

    let pdf = work.path().join("printed.pdf");
    std::fs::write(&pdf, session.print_pdf().await).expect("write");
    let text = Command::new("pdftotext")
        .args(["-enc", "UTF-8"])
        .arg(&pdf)
        .arg("-")
        .output()
        .expect("pdftotext");
    let words = String::from_utf8_lossy(&text.stdout)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    for expected in [
        "420000, Kazan, Example st., 1",
        "Анна Пример",
        "Письмо № 1",
        "Письмо № 2",
        "Обратный адрес: Казань, а/я 12",
        "Бланк для ответа · письмо № 2",
        "а/я 7",
    ] {
        assert!(words.contains(expected), "{expected:?} in {words}");
    }
    assert!(
        !words.contains("Открыть письма"),
        "only the letters print: {words}"
    );

    let key = std::fs::read_to_string(fixture("full/organiser-key.txt")).expect("key");
    let secret = key
        .lines()
        .find(|l| l.starts_with("AGE-SECRET-KEY-1"))
        .expect("secret")
        .trim_start_matches("AGE-SECRET-KEY-1")
        .to_string();
    for (url, body) in session.requests_with_bodies().await {
        assert!(
            !url.contains(&secret) && !body.to_uppercase().contains(&secret),
            "a request carried the key: {url}"
        );
        assert!(!body.contains(PHRASE), "a request carried a letter: {url}");
    }
    session.close().await;
}
