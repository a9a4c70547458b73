//! What a seized server reveals about signers, what survives a crash, and
//! what the organisers get back: the whole program, over real sockets.

use std::collections::BTreeSet;
use std::path::Path;

use crate::backend_test;
use crate::support::server::{Server, SmtpServer, svoboda, write_config};
use crate::support::{
    Backend, Database, fixture, fixture_dir_with_photo, stored_bytes, unavailable,
};

const FREE_ANNA: &str = "/en/anna-example/petition/free-anna";
const QUIET: &str = "/en/anna-example/petition/quiet-support";

fn import_fixture(db: &str, config: &Path) {
    let source = fixture_dir_with_photo();
    let out = svoboda(
        db,
        config,
        &[
            "campaign",
            "import",
            &source.path().join("campaign.toml").display().to_string(),
        ],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// Exports a petition and decrypts it with the fixture's organiser identity.
fn export_and_decrypt(db: &str, config: &Path, petition: &str, dir: &Path) -> Vec<Vec<String>> {
    let out = svoboda(db, config, &["signatures", "export", petition]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let export = dir.join("export.tsv");
    std::fs::write(&export, &out.stdout).expect("write export");
    let identity = fixture("full/organiser-key.txt");
    let out = svoboda(
        db,
        config,
        &[
            "signatures",
            "decrypt",
            "--identity",
            &identity.display().to_string(),
            &export.display().to_string(),
        ],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let csv = String::from_utf8(out.stdout).expect("UTF-8 CSV");
    csv.lines()
        .skip(1)
        .map(|l| l.split(',').map(str::to_string).collect())
        .collect()
}

fn contains(haystack: &[u8], needle: &str) -> bool {
    let needle = needle.as_bytes();
    haystack
        .windows(needle.len())
        .any(|w| w.eq_ignore_ascii_case(needle))
}

backend_test! {
    /// After signing with known names and addresses (confirming, signing
    /// again, withdrawing), no signer's address or private name is readable
    /// in the database files, the outbox or the logs; and mail went through a
    /// real SMTP server.
    async fn seized_storage_and_logs_hold_no_signer_in_readable_form(backend: Backend) {
        let Some(smtp) = SmtpServer::start().await else {
            unavailable("an SMTP server for tests (SVOBODA_TEST_PYTHON with aiosmtpd)");
            return;
        };
        let Some(db) = Database::fresh(backend).await else { return };
        let dir = tempfile::tempdir().expect("dir");
        let config = write_config(
            dir.path(),
            &format!("mail_transport = \"smtp\"\nsmtp_host = \"127.0.0.1\"\nsmtp_port = {}\nsmtp_tls = \"none\"\nmail_from = \"Svoboda <noreply@svoboda.test>\"", smtp.port),
        );
        import_fixture(&db.url, &config);
        let mut server = Server::start(&db.url, &config, dir.path(), "server.log").await;

        let signers = [
            ("Zinaida Secretova", "zinaida.secretova@example.org"),
            ("Leonid Hiddenov", "Leonid.Hiddenov+petition@gmail.com"),
            ("Marfa Quietova", "marfa.quietova@example.net"),
        ];
        for (name, email) in signers {
            let r = server
                .post_form(FREE_ANNA, &[("name", name), ("email", email), ("city", "Tver"), ("consent", "on")])
                .await
                .expect("answer");
            assert_eq!(r.status, 303, "{}", r.body);
        }
        let again = server
            .post_form(FREE_ANNA, &[("name", "Zinaida Secretova"), ("email", "ZINAIDA.SECRETOVA@example.org"), ("consent", "on")])
            .await
            .expect("answer");
        assert_eq!(again.status, 303);
        let mails = smtp.wait_for(4).await;
        assert!(mails.iter().all(|m| m.subject == "About your request"), "one neutral subject");
        let path_of = |link: String| link.strip_prefix("http://svoboda.test").expect("public URL").to_string();
        let to_zinaida = mails.iter().find(|m| m.to.contains("zinaida")).expect("mail to Zinaida");
        let confirm = path_of(to_zinaida.link("/confirm/").expect("confirm link"));
        assert_eq!(server.post_form(&confirm, &[]).await.expect("answer").status, 200);
        let to_leonid = mails.iter().find(|m| m.to.to_lowercase().contains("leonid")).expect("mail to Leonid");
        let withdraw = path_of(to_leonid.link("/withdraw/").expect("withdraw link"));
        assert_eq!(server.post_form(&withdraw, &[]).await.expect("answer").status, 200);

        let check = |bytes: &[u8], what: &str| {
            for (name, email) in signers {
                for secret in [email.to_string(), email.to_lowercase(), svoboda::petition::email::normalize(email), name.to_string(), name.split(' ').nth(1).unwrap_or(name).to_string()] {
                    assert!(!contains(bytes, &secret), "{what} holds {secret:?}");
                }
            }
        };
        check(&stored_bytes(&db).await, "the store, while serving");
        server.stop();
        check(&stored_bytes(&db).await, "the store, stopped");
        check(server.log_text().as_bytes(), "the log");
        let store = svoboda::store::connect(&db.url, svoboda::store::OpenMode::MustExist).await.expect("open");
        assert_eq!(store.outbox_len().await.expect("outbox"), 0, "sent mail leaves the outbox");
        store.close().await;

        // And the organisers get exactly what was signed back.
        let rows = export_and_decrypt(&db.url, &config, "anna-example/free-anna", dir.path());
        let names: BTreeSet<&str> = rows.iter().map(|r| r[3].as_str()).collect();
        assert_eq!(names, BTreeSet::from(["Zinaida Secretova", "Marfa Quietova"]), "withdrawn data is gone");
        let zinaida = rows.iter().find(|r| r[3] == "Zinaida Secretova").expect("row");
        assert_eq!(zinaida[2], "confirmed");
        assert_eq!(zinaida[4], "zinaida.secretova@example.org");
        assert_eq!(zinaida[5], "Tver");
        let marfa = rows.iter().find(|r| r[3] == "Marfa Quietova").expect("row");
        assert_eq!(marfa[2], "pending");
    }
}

backend_test! {
    /// While signatures stream in, the server is killed with SIGKILL; after a
    /// restart every signature that was acknowledged is there.
    async fn acknowledged_signatures_survive_sigkill(backend: Backend) {
        let Some(db) = Database::fresh(backend).await else { return };
        let dir = tempfile::tempdir().expect("dir");
        let config = write_config(dir.path(), "mail_transport = \"directory\"");
        import_fixture(&db.url, &config);
        let mut server = Server::start(&db.url, &config, dir.path(), "first.log").await;
        let acked = std::sync::Arc::new(std::sync::Mutex::new(Vec::<String>::new()));
        let mut clients = Vec::new();
        let base = server.base.clone();
        for c in 0..8 {
            let acked = acked.clone();
            let base = base.clone();
            clients.push(tokio::spawn(async move {
                let client = hyper_util::client::legacy::Client::builder(hyper_util::rt::TokioExecutor::new())
                    .build_http::<http_body_util::Full<axum::body::Bytes>>();
                for i in 0..100_000 {
                    let name = format!("Signer {c}-{i}");
                    let body = format!("name={}&consent=on", name.replace(' ', "+"));
                    let request = hyper::Request::builder()
                        .method("POST")
                        .uri(format!("{base}{QUIET}"))
                        .header("content-type", "application/x-www-form-urlencoded")
                        .body(http_body_util::Full::new(axum::body::Bytes::from(body)))
                        .expect("request");
                    match client.request(request).await {
                        Ok(r) if r.status().as_u16() == 303 => acked.lock().expect("lock").push(name),
                        _ => return,
                    }
                }
            }));
        }
        // Let a few hundred through, then pull the plug mid-stream.
        for _ in 0..400 {
            if acked.lock().expect("lock").len() >= 300 {
                break;
            }
            tokio::time::sleep(std::time::Duration::from_millis(10)).await;
        }
        server.kill9();
        for c in clients {
            let _ = c.await;
        }
        let acked = acked.lock().expect("lock").clone();
        assert!(acked.len() >= 50, "signatures were acknowledged before the kill: {}", acked.len());

        let mut again = Server::start(&db.url, &config, dir.path(), "second.log").await;
        let after = again.get("/en/anna-example/petition/quiet-support/count.json").await.expect("answer");
        again.stop();
        let rows = export_and_decrypt(&db.url, &config, "anna-example/quiet-support", dir.path());
        let stored: BTreeSet<&str> = rows.iter().map(|r| r[3].as_str()).collect();
        let lost: Vec<&String> = acked.iter().filter(|n| !stored.contains(n.as_str())).collect();
        assert!(lost.is_empty(), "{} acknowledged signatures lost, e.g. {:?}", lost.len(), &lost[..lost.len().min(5)]);
        let count: serde_json::Value = serde_json::from_str(&after.body).expect("JSON");
        assert_eq!(count["confirmed"].as_i64(), Some(rows.len() as i64), "the counter matches the rows after the crash");
    }
}
