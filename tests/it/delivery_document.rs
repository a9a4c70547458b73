//! `svoboda signatures pdf`: the delivery document made offline from a
//! demo export, read back with `pdftotext` (poppler): the petition's
//! addressee, title and text, the count, the signers in Russian, page
//! numbers; likely duplicates and throwaway addresses reported, and left
//! out on request.

use std::path::Path;
use std::process::Command;

use axum::http::StatusCode;
use serde_json::json;

use crate::backend_test;
use crate::support::server::command;
use crate::support::{Backend, PUBLIC_URL, TestApp, unavailable};

const SIGN: &str = "/api/v1/campaigns/boris-romanov/petitions/end-the-case/signatures";
pub(crate) const DEMO_IDENTITY: &str = "demo/boris-romanov/organiser-key.DEMO-ONLY.txt";

/// Signs by the API and confirms from the mail, as a signer would.
pub(crate) async fn sign_and_confirm(app: &TestApp, name: &str, city: &str, email: &str, ip: u8) {
    let body = json!({"name": name, "city": city, "country": "Россия", "email": email, "consent": true, "lang": "ru"});
    let r = app
        .post_from(
            SIGN,
            "application/json",
            body.to_string().into_bytes(),
            [198, 51, 100, ip],
            &[],
        )
        .await;
    assert_eq!(r.status, StatusCode::ACCEPTED, "{}", r.text());
    assert_eq!(app.deliver_mail().await, 1);
    let mail = app
        .mailbox()
        .into_iter()
        .find(|m| m.to == email)
        .expect("mail");
    let link = mail.link("/confirm/").expect("confirm link");
    let path = link.strip_prefix(PUBLIC_URL).expect("absolute link");
    assert_eq!(
        app.post_form(path, &[], [198, 51, 100, ip]).await.status,
        StatusCode::OK
    );
}

/// Runs `svoboda signatures pdf` and returns (the PDF's text, stderr).
fn pdf_text(export: &Path, out: &Path, extra: &[&str]) -> (String, String) {
    let identity = Path::new(env!("CARGO_MANIFEST_DIR")).join(DEMO_IDENTITY);
    let run = command()
        .args(["signatures", "pdf", "--identity"])
        .arg(&identity)
        .arg(export)
        .arg("--out")
        .arg(out)
        .args(extra)
        .output()
        .expect("run svoboda");
    let stderr = String::from_utf8_lossy(&run.stderr).into_owned();
    assert!(run.status.success(), "{stderr}");
    let text = Command::new("pdftotext")
        .args(["-layout", "-enc", "UTF-8"])
        .arg(out)
        .arg("-")
        .output()
        .expect("pdftotext");
    assert!(text.status.success(), "pdftotext reads the document");
    // Lines wrap where the page ends them: compare words, not lines.
    let words = String::from_utf8_lossy(&text.stdout)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    (words, stderr)
}

backend_test! {
    async fn the_delivery_document_lists_confirmed_signers_and_reports_suspects(backend: Backend) {
        if Command::new("pdftotext").arg("-v").output().is_err() {
            unavailable("pdftotext (poppler-utils)");
            return;
        }
        let Some(app) = TestApp::with_demo(backend).await else { return };
        // The day of signing, as the document writes it (UTC; a run across
        // midnight may give the next day).
        let ru = svoboda::i18n::Tr::new(svoboda::campaign::Lang::RU);
        let today = chrono::Utc::now().date_naive();
        let signed_on = [ru.date(today), ru.date(today.succ_opt().expect("a next day"))];
        sign_and_confirm(&app, "Пётр Иванов", "Казань", "p1@example.org", 1).await;
        sign_and_confirm(&app, "Иванов Петр", "казань", "p2@example.org", 2).await;
        sign_and_confirm(&app, "Анна Смирнова", "Москва", "anna@mailinator.com", 3).await;
        sign_and_confirm(&app, "Мария Кузнецова", "Тверь", "maria@example.org", 4).await;
        let unconfirmed = json!({"name": "Неподтверждённый Подписант", "email": "late@example.org", "consent": true});
        let r = app.post_from(SIGN, "application/json", unconfirmed.to_string().into_bytes(), [198, 51, 100, 5], &[]).await;
        assert_eq!(r.status, StatusCode::ACCEPTED);

        let dir = tempfile::tempdir().expect("dir");
        let export = dir.path().join("export.txt");
        let config = svoboda::config::Config::resolve(
            svoboda::config::FileConfig { database_url: Some(app.db.url.clone()), ..Default::default() },
            svoboda::config::Overrides::default(),
        );
        svoboda::cli::signatures::export(&config, "boris-romanov/end-the-case", Some(&export))
            .await
            .expect("export");

        let (text, report) = pdf_text(&export, &dir.path().join("all.pdf"), &[]);
        for expected in [
            "Кому: Генеральному прокурору Российской Федерации",
            "Прекратить уголовное дело против Бориса Романова",
            "Оставляя подпись, вы выражаете солидарность",
            "4 подписи",
            "Пётр Иванов",
            "Анна Смирнова",
            "Мария Кузнецова",
            "Страница 1 из 1",
        ] {
            assert!(text.contains(expected), "{expected:?} in:\n{text}");
        }
        assert!(
            signed_on.iter().any(|d| text.contains(&format!("Тверь Россия {d}"))),
            "a row with its date, {signed_on:?}: {text}"
        );
        assert!(!text.contains("Неподтверждённый"), "unconfirmed signatures are not delivered");
        assert!(!text.contains("example.org"), "addresses are not printed");
        assert!(report.contains("the same name and city as signature"), "{report}");
        assert!(report.contains("a throwaway address at mailinator.com"), "{report}");

        let (text, report) = pdf_text(&export, &dir.path().join("clean.pdf"), &["--exclude-suspect"]);
        assert!(text.contains("2 подписи"), "{text}");
        assert!(text.contains("Пётр Иванов") && text.contains("Мария Кузнецова"));
        assert!(!text.contains("Иванов Петр") && !text.contains("Анна Смирнова"), "{text}");
        assert!(report.contains("2 likely duplicates or throwaway addresses left out"), "{report}");

        let (text, _) = pdf_text(&export, &dir.path().join("en.pdf"), &["--lang", "en"]);
        assert!(text.contains("Terminate the criminal case against Boris Romanov"), "{text}");
        assert!(text.contains("4 signatures") && text.contains("Page 1 of 1"), "{text}");
    }
}
