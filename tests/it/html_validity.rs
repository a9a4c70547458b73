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
    let app = TestApp::with_fixtures(Backend::Sqlite)
        .await
        .expect("sqlite");
    let dir = tempfile::tempdir().expect("dir");
    let pages = [
        "/en/boris-romanov",
        "/ru/boris-romanov",
        "/en/anna-example",
        "/ru/anna-example",
        "/en/",
        "/ru/?status=pre-trial-detention&q=%D0%B0",
        "/en/anna-example/updates",
        "/ru/boris-romanov/updates/ban-on-certain-activities",
        "/en/no-such-page",
    ];
    let mut files = Vec::new();
    for (i, page) in pages.iter().enumerate() {
        let body = app.get(page).await.body;
        let path = dir.path().join(format!("page{i}.html"));
        std::fs::write(&path, body).expect("write page");
        files.push(path);
    }
    let output = Command::new("java")
        .arg("-jar")
        .arg(&jar)
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
        "validator findings (page N is {pages:?}[N]):\n{report}"
    );
}
