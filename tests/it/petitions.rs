//! Petitions, driven through the real HTTP app and store on both backends.

use std::time::Duration;

use axum::http::StatusCode;

use crate::backend_test;
use crate::support::{Backend, TestApp, TestResponse, test_petition_settings};
use svoboda::petition::secret::{LinkClaim, LinkKind};

const FREE_ANNA: &str = "/en/anna-example/petition/free-anna";
const QUIET: &str = "/en/anna-example/petition/quiet-support";
const OLD: &str = "/en/anna-example/petition/old-appeal";
const IP: [u8; 4] = [198, 51, 100, 7];

fn form<'a>(name: &'a str, email: &'a str) -> Vec<(&'a str, &'a str)> {
    vec![
        ("name", name),
        ("email", email),
        ("city", "Kazan"),
        ("consent", "on"),
    ]
}

async fn count(app: &TestApp, petition: &str) -> i64 {
    app.state.refresh_counts().await.expect("counts");
    let r = app.get(&format!("{petition}/count.json")).await;
    assert_eq!(r.status, StatusCode::OK);
    let v: serde_json::Value = serde_json::from_slice(&r.body).expect("JSON");
    v["confirmed"].as_i64().expect("a count")
}

fn assert_thanks(r: &TestResponse, petition: &str, kind: &str) {
    assert_eq!(
        r.status,
        StatusCode::SEE_OTHER,
        "{}",
        String::from_utf8_lossy(&r.body)
    );
    assert_eq!(r.header("location"), format!("{petition}/thanks/{kind}"));
}

/// Signs, delivers the mail, and returns the confirmation link's path.
async fn sign_and_get_link(app: &TestApp, name: &str, email: &str, kind: &str) -> String {
    let r = app.post_form(FREE_ANNA, &form(name, email), IP).await;
    assert_thanks(&r, FREE_ANNA, "check-mail");
    assert_eq!(app.deliver_mail().await, 1);
    let mail = app.mailbox().pop().expect("a message");
    let link = mail
        .link(kind)
        .unwrap_or_else(|| panic!("a {kind} link in {}", mail.text));
    link.strip_prefix(crate::support::PUBLIC_URL)
        .expect("absolute link")
        .to_string()
}

backend_test! {
    /// A mail scanner opening the link must not confirm: only the button's POST does.
    async fn signature_counts_only_after_confirming_by_post(backend: Backend) {
        let Some(app) = TestApp::with_fixtures(backend).await else { return };
        assert_eq!(count(&app, FREE_ANNA).await, 0);
        let link = sign_and_get_link(&app, "Anna Signer", "anna.signer@example.org", "/confirm/").await;
        let mail = app.mailbox().pop().expect("mail");
        assert_eq!(mail.to, "anna.signer@example.org");
        assert_eq!(mail.subject, "About your request", "one neutral subject");
        for told in ["Free Anna", "Anna Example", "free-anna", "anna-example"] {
            assert!(!mail.subject.contains(told) && !mail.text.contains(told), "the mail names neither petition nor person: {told}");
        }
        assert!(mail.text.contains("To confirm your signature"), "the body says what to do");
        assert!(mail.link("/withdraw/").is_some(), "every mail offers withdrawal");

        let page = app.get(&link).await;
        assert_eq!(page.status, StatusCode::OK);
        assert!(page.text().contains("<form method=\"post\""), "the link shows a button");
        assert!(
            page.text().contains("This link is about the petition") && page.text().contains("Free Anna Example"),
            "the link's page, not the mail, says what it is about"
        );
        assert_eq!(count(&app, FREE_ANNA).await, 0, "a GET confirms nothing");

        let done = app.post_form(&link, &[], IP).await;
        assert_eq!(done.status, StatusCode::OK);
        assert!(done.text().contains("Your signature is confirmed"));
        assert_eq!(count(&app, FREE_ANNA).await, 1);
        let again = app.post_form(&link, &[], IP).await;
        assert!(again.text().contains("already confirmed"));
        assert_eq!(count(&app, FREE_ANNA).await, 1);

        let html = app.page(FREE_ANNA).await;
        assert!(html.contains("1 signature"), "the page shows the live count");
        let campaign = app.page("/en/anna-example").await;
        assert!(campaign.contains("1 signature"), "and so does the campaign page");
    }
}

backend_test! {
    /// Signing again with the same address, however disguised, is answered
    /// exactly as the first time; the mailbox owner learns it by mail.
    async fn duplicate_signature_does_not_reveal_that_address_signed(backend: Backend) {
        let Some(app) = TestApp::with_fixtures(backend).await else { return };
        let link = sign_and_get_link(&app, "Ivan", "ivan.petrov@gmail.com", "/confirm/").await;
        app.post_form(&link, &[], IP).await;
        for disguise in ["Ivan.Petrov@Gmail.com", "ivanpetrov+again@googlemail.com", " IVAN.PETROV@gmail.com"] {
            let r = app.post_form(FREE_ANNA, &form("Someone", disguise), IP).await;
            assert_thanks(&r, FREE_ANNA, "check-mail");
        }
        assert_eq!(app.deliver_mail().await, 1, "one 'already signed' mail a day, however often the form is sent");
        let mails = app.mailbox();
        assert_eq!(mails.len(), 2);
        let repeat = &mails[1];
        assert_eq!(repeat.subject, "About your request", "the same subject as a confirmation");
        assert!(repeat.text.contains("already counted"), "{}", repeat.text);
        assert!(repeat.link("/withdraw/").is_some());
        assert!(repeat.link("/confirm/").is_none(), "a confirmed signature needs no confirming");
        assert_eq!(count(&app, FREE_ANNA).await, 1);
        let row = app.state.content().petition_row("anna-example", "free-anna").expect("row");
        assert_eq!(app.store.signature_total(row.id).await.expect("total"), 1);

        // One Yandex mailbox under its many names signs once.
        for spelling in ["olga.s@yandex.ru", "Olga-S@ya.ru", "olga.s@yandex.com", "olga-s+x@yandex.kz"] {
            let r = app.post_form(FREE_ANNA, &form("Olga", spelling), IP).await;
            assert_thanks(&r, FREE_ANNA, "check-mail");
        }
        assert_eq!(app.store.signature_total(row.id).await.expect("total"), 2);
    }
}

backend_test! {
    async fn unconfirmed_duplicate_gets_a_fresh_confirmation_link(backend: Backend) {
        let Some(app) = TestApp::with_fixtures(backend).await else { return };
        sign_and_get_link(&app, "Olga", "olga@example.org", "/confirm/").await;
        app.post_form(FREE_ANNA, &form("Olga", "olga@example.org"), IP).await;
        app.deliver_mail().await;
        let second = app.mailbox().pop().expect("mail");
        let link = second.link("/confirm/").expect("a confirmation link again");
        let path = link.strip_prefix(crate::support::PUBLIC_URL).expect("absolute");
        app.post_form(path, &[], IP).await;
        assert_eq!(count(&app, FREE_ANNA).await, 1);
    }
}

backend_test! {
    /// A hundred simultaneous requests with one address give one signature.
    async fn concurrent_signing_with_one_address_gives_one_signature(backend: Backend) {
        let Some(app) = TestApp::with_fixtures(backend).await else { return };
        let app = std::sync::Arc::new(app);
        let mut tasks = Vec::new();
        for i in 0..100 {
            let app = app.clone();
            tasks.push(tokio::spawn(async move {
                let email = if i % 2 == 0 { "same@example.org" } else { "Same+x@Example.org" };
                app.post_form(FREE_ANNA, &form("Same", email), IP).await
            }));
        }
        for t in tasks {
            let r = t.await.expect("task");
            assert_thanks(&r, FREE_ANNA, "check-mail");
        }
        let row = app.state.content().petition_row("anna-example", "free-anna").expect("row");
        assert_eq!(app.store.signature_total(row.id).await.expect("total"), 1);
        assert_eq!(app.deliver_mail().await, 2, "one confirmation, and one 'already signed' for the day: the form cannot flood a mailbox");
        let mail = app.mailbox();
        let links: Vec<String> = mail.iter().filter_map(|m| m.link("/confirm/")).collect();
        assert!(!links.is_empty());
        // Every confirmation link names the one stored signature, whichever
        // request's id was reserved for it.
        for link in &links {
            let path = link.strip_prefix(crate::support::PUBLIC_URL).expect("absolute");
            app.post_form(path, &[], IP).await;
        }
        assert_eq!(count(&app, FREE_ANNA).await, 1, "confirmed, once");
    }
}

backend_test! {
    async fn withdrawal_by_post_deletes_the_signature(backend: Backend) {
        let Some(app) = TestApp::with_fixtures(backend).await else { return };
        let confirm = sign_and_get_link(&app, "Petr", "petr@example.org", "/confirm/").await;
        app.post_form(&confirm, &[], IP).await;
        assert_eq!(count(&app, FREE_ANNA).await, 1);
        let mail = app.mailbox().pop().expect("mail");
        let withdraw = mail.link("/withdraw/").expect("withdraw link");
        let withdraw = withdraw.strip_prefix(crate::support::PUBLIC_URL).expect("absolute");
        let page = app.get(withdraw).await;
        assert!(page.text().contains("Withdraw my signature"));
        assert_eq!(count(&app, FREE_ANNA).await, 1, "a GET withdraws nothing");
        let done = app.post_form(withdraw, &[], IP).await;
        assert!(done.text().contains("withdrawn and your data deleted"));
        assert_eq!(count(&app, FREE_ANNA).await, 0);
        let row = app.state.content().petition_row("anna-example", "free-anna").expect("row");
        assert_eq!(app.store.signature_total(row.id).await.expect("total"), 0);
        // The address may sign again, as a new signature.
        sign_and_get_link(&app, "Petr", "petr@example.org", "/confirm/").await;
        assert!(app.mailbox().pop().expect("mail").text.contains("To confirm your signature"));
    }
}

backend_test! {
    async fn expired_links_and_unconfirmed_signatures_go_away(backend: Backend) {
        let Some(app) = TestApp::with_fixtures(backend).await else { return };
        let link = sign_and_get_link(&app, "Late", "late@example.org", "/confirm/").await;
        let token = link.rsplit('/').next().expect("token");
        let claim = app.state.petitions.secret.verify_link(LinkKind::Confirm, token).expect("valid");
        let old = app.state.petitions.secret.link_token(
            LinkKind::Confirm,
            LinkClaim { issued: claim.issued - 73 * 3600, ..claim },
        );
        let r = app.post_form(&format!("/en/confirm/{old}"), &[], IP).await;
        assert_eq!(r.status, StatusCode::GONE);
        assert!(r.text().contains("expired"));
        let forged = app.post_form("/en/confirm/AAAAAAAAAAEAAAAAawc6-jdOGc5EKTwy5uijcUBBSFs", &[], IP).await;
        assert_eq!(forged.status, StatusCode::NOT_FOUND);

        let removed = app
            .state
            .petitions
            .writer
            .expire_pending(chrono::Utc::now().timestamp() + 1)
            .await
            .expect("expire");
        assert_eq!(removed, 1);
        let r = app.post_form(&link, &[], IP).await;
        assert_eq!(r.status, StatusCode::GONE, "nothing left to confirm");
        assert_eq!(count(&app, FREE_ANNA).await, 0);
    }
}

backend_test! {
    async fn anonymous_petition_counts_at_once_and_says_it_is_unverified(backend: Backend) {
        let Some(app) = TestApp::with_fixtures(backend).await else { return };
        let page = app.page(QUIET).await;
        assert!(page.contains("signatures are not verified"));
        assert!(!page.contains("name=\"email\""), "no address asked");
        let r = app.post_form(QUIET, &[("name", "Quiet One"), ("consent", "on")], IP).await;
        assert_thanks(&r, QUIET, "counted");
        assert_eq!(count(&app, QUIET).await, 1);
        assert_eq!(app.deliver_mail().await, 0);
        let thanks = app.page(&format!("{QUIET}/thanks/counted")).await;
        assert!(thanks.contains("Your signature is counted"));
    }
}

backend_test! {
    async fn closed_petition_shows_its_final_count_and_takes_no_signatures(backend: Backend) {
        let Some(app) = TestApp::with_fixtures(backend).await else { return };
        let page = app.page(OLD).await;
        assert!(page.contains("The petition is closed. Final count: 0 signatures."), "{page}");
        assert!(!page.contains("name=\"consent\""), "no form on a closed petition");
        let r = app.post_form(OLD, &form("Too Late", "late@example.org"), IP).await;
        assert_eq!(r.status, StatusCode::CONFLICT);
        assert!(r.text().contains("closed or not open yet"));
        let row = app.state.content().petition_row("anna-example", "old-appeal").expect("row");
        assert_eq!(app.store.signature_total(row.id).await.expect("total"), 0);
    }
}

backend_test! {
    async fn invalid_fields_are_explained_in_the_visitors_language_keeping_values(backend: Backend) {
        let Some(app) = TestApp::with_fixtures(backend).await else { return };
        let long = "x".repeat(300);
        let r = app
            .post_form(FREE_ANNA, &[("name", ""), ("email", "nobody-at-example"), ("city", &long)], IP)
            .await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        let html = r.text();
        assert!(html.contains("Please fill this in."));
        assert!(html.contains("This does not look like an e-mail address."));
        assert!(html.contains("Please use at most 100 characters."));
        assert!(html.contains("Please agree to the privacy notice to sign."));
        assert!(html.contains("value=\"nobody-at-example\""), "what was typed stays");
        let ru = app
            .post_form("/ru/anna-example/petition/free-anna", &[("name", "Анна"), ("email", "")], IP)
            .await;
        let html = ru.text();
        assert!(html.contains("Заполните это поле."));
        assert!(html.contains("value=\"Анна\""));
        // A body that is not a form at all gets the page back, not a bare error.
        let junk = app.post_raw(FREE_ANNA, "application/json", b"{\"name\":1}".to_vec(), IP).await;
        assert_eq!(junk.status, StatusCode::UNSUPPORTED_MEDIA_TYPE);
        assert!(junk.text().contains("The form could not be read"));
        let dup = app.post_raw(FREE_ANNA, "application/x-www-form-urlencoded", b"name=a&name=b&email=%FF".to_vec(), IP).await;
        assert!(!dup.status.is_server_error());
        let huge = app.post_raw(FREE_ANNA, "application/x-www-form-urlencoded", vec![b'a'; 100_000], IP).await;
        assert_eq!(huge.status, StatusCode::PAYLOAD_TOO_LARGE);
        let row = app.state.content().petition_row("anna-example", "free-anna").expect("row");
        assert_eq!(app.store.signature_total(row.id).await.expect("total"), 0);
    }
}

backend_test! {
    async fn honeypot_is_answered_like_a_person_and_stores_nothing(backend: Backend) {
        let Some(app) = TestApp::with_fixtures(backend).await else { return };
        let mut fields = form("Bot", "bot@example.org");
        fields.push(("website", "http://spam.example"));
        let r = app.post_form(FREE_ANNA, &fields, IP).await;
        assert_thanks(&r, FREE_ANNA, "check-mail");
        let row = app.state.content().petition_row("anna-example", "free-anna").expect("row");
        assert_eq!(app.store.signature_total(row.id).await.expect("total"), 0);
        assert_eq!(app.deliver_mail().await, 0);
    }
}

backend_test! {
    async fn rate_limit_and_minimum_form_time_are_explained(backend: Backend) {
        let mut settings = test_petition_settings();
        settings.sign_per_minute = 1;
        settings.sign_burst = 2;
        settings.min_form = Duration::from_secs(60);
        let Some(app) = TestApp::with_settings(backend, settings).await else { return };
        let dir = crate::support::fixture_dir_with_photo();
        svoboda::demo::load(&app.store).await.expect("demo");
        app.import(&dir.path().join("campaign.toml")).await.expect("fixture");

        // A form stamped just now is too quick.
        let page = app.page(FREE_ANNA).await;
        let stamp_at = page.find("name=\"stamp\" value=\"").expect("stamp") + 20;
        let stamp = &page[stamp_at..stamp_at + page[stamp_at..].find('"').expect("end")];
        let mut fields = form("Quick", "quick@example.org");
        fields.push(("stamp", stamp));
        let r = app.post_form(FREE_ANNA, &fields, [203, 0, 113, 1]).await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(r.text().contains("That was very quick"));

        // Two at once are fine from one address; the third is refused.
        for i in 0..2 {
            let r = app.post_form(FREE_ANNA, &form("A", &format!("a{i}@example.org")), IP).await;
            assert_thanks(&r, FREE_ANNA, "check-mail");
        }
        let r = app.post_form("/ru/anna-example/petition/free-anna", &form("A", "a3@example.org"), IP).await;
        assert_eq!(r.status, StatusCode::TOO_MANY_REQUESTS);
        assert_eq!(r.header("retry-after"), "60");
        assert!(r.text().contains("Подождите минуту"));
        let other = app.post_form(FREE_ANNA, &form("B", "b@example.org"), [203, 0, 113, 9]).await;
        assert_thanks(&other, FREE_ANNA, "check-mail");
    }
}

backend_test! {
    async fn public_names_are_listed_newest_first_and_private_ones_never(backend: Backend) {
        let Some(app) = TestApp::with_fixtures(backend).await else { return };
        for (name, public) in [("Public First", true), ("Private Person", false), ("Public Second", true)] {
            let stamp = crate::support::form_stamp(&app.page(QUIET).await);
            let mut fields = vec![("name", name), ("consent", "on"), ("stamp", stamp.as_str())];
            if public {
                fields.push(("public", "on"));
            }
            let r = app.post_form(QUIET, &fields, IP).await;
            assert_thanks(&r, QUIET, "counted");
        }
        app.state.refresh_counts().await.expect("counts");
        let html = app.page(QUIET).await;
        let first = html.find("Public First").expect("public name");
        let second = html.find("Public Second").expect("public name");
        assert!(second < first, "newest first");
        assert!(!html.contains("Private Person"));
        assert!(html.contains("3 signatures"));
    }
}

backend_test! {
    async fn recount_finds_and_fixes_drift(backend: Backend) {
        let Some(app) = TestApp::with_fixtures(backend).await else { return };
        app.post_form(QUIET, &[("name", "One"), ("consent", "on")], IP).await;
        assert!(app.store.recount().await.expect("recount").is_empty());
        let row = app.state.content().petition_row("anna-example", "quiet-support").expect("row");
        match &app.store {
            svoboda::store::Store::Sqlite(pool) => {
                sqlx::query("UPDATE petitions SET confirmed = 42 WHERE id = $1").bind(row.id).execute(pool).await.expect("drift");
            }
            svoboda::store::Store::Postgres(pool) => {
                sqlx::query("UPDATE petitions SET confirmed = 42 WHERE id = $1").bind(row.id).execute(pool).await.expect("drift");
            }
        }
        let drifts = app.store.recount().await.expect("recount");
        assert_eq!(drifts.len(), 1);
        assert_eq!((drifts[0].stored, drifts[0].counted), (42, 1));
        assert_eq!(count(&app, QUIET).await, 1);
    }
}

backend_test! {
    async fn retention_deletes_sealed_data_of_long_closed_petitions(backend: Backend) {
        let Some(app) = TestApp::with_fixtures(backend).await else { return };
        let row = app.state.content().petition_row("anna-example", "old-appeal").expect("row");
        // Closed on 2023-12-31: 183 days later the data must go, counts stay.
        let early = chrono::NaiveDate::from_ymd_opt(2024, 3, 1).expect("date");
        app.state.petitions.maintain(&app.store, early).await.expect("maintain");
        assert!(!app.store.petitions().await.expect("rows").values().any(|r| r.purged));
        let late = chrono::NaiveDate::from_ymd_opt(2024, 7, 10).expect("date");
        app.state.petitions.maintain(&app.store, late).await.expect("maintain");
        let rows = app.store.petitions().await.expect("rows");
        assert!(rows.values().any(|r| r.id == row.id && r.purged));
        assert!(rows.values().filter(|r| r.id != row.id).all(|r| !r.purged), "open petitions keep their data");
    }
}

backend_test! {
    async fn petition_page_shows_goal_chart_and_addressee(backend: Backend) {
        let Some(app) = TestApp::with_fixtures(backend).await else { return };
        // Two days of data draw a line.
        let row = app.state.content().petition_row("anna-example", "free-anna").expect("row");
        match &app.store {
            svoboda::store::Store::Sqlite(pool) => {
                sqlx::query("INSERT INTO signature_days (petition, day, confirmed) VALUES ($1, '2024-01-01', 3), ($1, '2024-01-02', 5)")
                    .bind(row.id).execute(pool).await.expect("days");
            }
            svoboda::store::Store::Postgres(pool) => {
                sqlx::query("INSERT INTO signature_days (petition, day, confirmed) VALUES ($1, '2024-01-01', 3), ($1, '2024-01-02', 5)")
                    .bind(row.id).execute(pool).await.expect("days");
            }
        }
        let html = app.page(FREE_ANNA).await;
        assert!(html.contains("<svg class=\"chart\""), "{html}");
        assert!(html.contains("To: The Prosecutor General"));
        assert!(html.contains("<progress value=\"0\" max=\"1000\">"));
        assert!(html.contains("Goal: 1000"));
        assert!(html.contains("<strong>release</strong>"));
        assert!(html.contains("#label-memorial"), "labels apply in petition text");
        for field in ["name=\"name\"", "name=\"email\"", "name=\"city\"", "name=\"country\"", "name=\"public\"", "name=\"consent\""] {
            assert!(html.contains(field), "{field}");
        }
        assert!(html.contains("only the campaign organisers hold"), "the privacy notice says who can read");
        let ru = app.page("/ru/anna-example/petition/free-anna").await;
        assert!(ru.contains("0 подписей"));
    }
}

backend_test! {
    /// A mail server that does not answer loses nothing: the message waits in
    /// the outbox for its next try, and the signature is stored regardless.
    async fn failing_mail_server_keeps_the_message_for_a_retry(backend: Backend) {
        let Some(app) = TestApp::with_fixtures(backend).await else { return };
        let r = app.post_form(FREE_ANNA, &form("Retry", "retry@example.org"), IP).await;
        assert_thanks(&r, FREE_ANNA, "check-mail");
        let closed_port = crate::support::server::free_port();
        let sender = svoboda::mail::outbox::Sender {
            store: app.store.clone(),
            secret: app.state.petitions.secret.clone(),
            transport: svoboda::mail::transport::Transport::from_settings(&svoboda::config::MailSettings::Smtp {
                host: "127.0.0.1".into(),
                port: closed_port,
                tls: svoboda::config::SmtpTls::None,
                username: None,
                password: None,
                from: "Svoboda <noreply@svoboda.test>".into(),
            })
            .expect("transport"),
            poll: Duration::from_secs(1),
        };
        assert_eq!(sender.send_due().await.expect("outbox"), 0);
        assert_eq!(app.store.outbox_len().await.expect("outbox"), 1, "kept for the next try");
        let row = app.state.content().petition_row("anna-example", "free-anna").expect("row");
        assert_eq!(app.store.signature_total(row.id).await.expect("total"), 1);
        assert_eq!(app.deliver_mail().await, 0, "not due again before its backoff");
    }
}

backend_test! {
    /// The outbox holds a small notice per message, not the written mail:
    /// less to write for every signature. The sender writes it out with
    /// links that act; a message queued whole (before an upgrade) still goes.
    async fn the_outbox_holds_notices_and_older_whole_mail_is_still_sent(backend: Backend) {
        let Some(app) = TestApp::with_fixtures(backend).await else { return };
        let r = app.post_form(FREE_ANNA, &form("Vera", "vera@example.org"), IP).await;
        assert_thanks(&r, FREE_ANNA, "check-mail");
        let sizes: Vec<i64> = crate::on_pool!(app.store, |pool| sqlx::query_scalar("SELECT CAST(length(sealed) AS BIGINT) FROM outbox").fetch_all(pool).await.expect("outbox"));
        assert_eq!(sizes.len(), 1);
        assert!(sizes[0] < 256, "a notice of {} bytes", sizes[0]);

        let whole = svoboda::mail::OutgoingMail {
            to: "lev@example.org".into(),
            subject: "About your request".into(),
            text: "Queued whole before the upgrade".into(),
            links: Vec::new(),
        };
        let sealed = app.state.petitions.secret.seal_outbox(&serde_json::to_vec(&whole).expect("json"));
        crate::on_pool!(app.store, |pool| sqlx::query("INSERT INTO outbox (sealed, next_attempt_at, created_at) VALUES ($1, 0, 0)").bind(&sealed).execute(pool).await.map(|_| ()).expect("queued"));

        assert_eq!(app.deliver_mail().await, 2);
        let mails = app.mailbox();
        let vera = mails.iter().find(|m| m.to == "vera@example.org").expect("Vera's mail");
        let confirm = vera.link("/en/confirm/").expect("a confirm link");
        let path = confirm.strip_prefix(crate::support::PUBLIC_URL).expect("absolute link");
        let page = app.post_form(path, &[], IP).await;
        assert_eq!(page.status, StatusCode::OK, "the link confirms");
        assert_eq!(count(&app, FREE_ANNA).await, 1);
        let lev = mails.iter().find(|m| m.to == "lev@example.org").expect("the older mail");
        assert_eq!(lev.text.trim(), "Queued whole before the upgrade");
    }
}
