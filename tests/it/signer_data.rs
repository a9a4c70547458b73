//! What is stored about a signer, for how long, and what is left in the
//! database files after it is deleted: through the real app and store, on
//! both backends.

use axum::http::StatusCode;
use chrono::NaiveDate;

use crate::backend_test;
use crate::support::{
    Backend, Database, PUBLIC_URL, TestApp, fixture, form_stamp, stored_bytes, stored_contains,
    test_petition_settings,
};
use svoboda::petition::secret::{LinkClaim, LinkKind};
use svoboda::petition::service::{LinkOutcome, PetitionService};

const FREE_ANNA: &str = "/en/anna-example/petition/free-anna";
const QUIET: &str = "/en/anna-example/petition/quiet-support";
const IP: [u8; 4] = [198, 51, 100, 7];

/// One signature row as the disk holds it.
#[derive(Debug, Clone, sqlx::FromRow)]
struct Row {
    id: i64,
    epoch: i64,
    created_at: i64,
    confirmed_at: Option<i64>,
    email_hash: Option<Vec<u8>>,
    sealed: Option<Vec<u8>>,
}

async fn rows(app: &TestApp) -> Vec<Row> {
    crate::on_pool!(app.store, |pool| sqlx::query_as::<_, Row>(
        "SELECT id, epoch, created_at, confirmed_at, email_hash, sealed FROM signatures ORDER BY id"
    )
    .fetch_all(pool)
    .await
    .expect("rows"))
}

fn form<'a>(name: &'a str, email: &'a str) -> Vec<(&'a str, &'a str)> {
    vec![
        ("name", name),
        ("email", email),
        ("city", "Kazan"),
        ("country", "Atlantis-Republic"),
        ("consent", "on"),
    ]
}

/// Signs and returns the (confirm, withdraw) link paths of the mail it got.
async fn sign(app: &TestApp, petition: &str, name: &str, email: &str) -> (String, String) {
    let r = app.post_form(petition, &form(name, email), IP).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text());
    assert_eq!(app.deliver_mail().await, 1);
    let mail = app.mailbox().pop().expect("mail");
    let path = |l: String| l.strip_prefix(PUBLIC_URL).expect("absolute").to_string();
    (
        path(mail.link("/confirm/").expect("confirm link")),
        path(mail.link("/withdraw/").expect("withdraw link")),
    )
}

/// The fixture campaign with `free-anna` closing on 2024-06-01.
async fn with_closing_petition(backend: Backend) -> Option<TestApp> {
    let app = TestApp::with_demo(backend).await?;
    let dir = crate::support::fixture_dir_with_photo();
    let path = dir.path().join("campaign.toml");
    let text = std::fs::read_to_string(&path).expect("fixture");
    let text = text.replacen("goal = 1000", "goal = 1000\ncloses = 2024-06-01", 1);
    assert!(text.contains("closes = 2024-06-01"));
    std::fs::write(&path, text).expect("write");
    app.import(&path).await.expect("imports");
    Some(app)
}

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("date")
}

backend_test! {
    /// The country lives only in the sealed record, and plain times are
    /// hours: the exact time is sealed too.
    async fn country_and_exact_times_are_only_in_the_sealed_record(backend: Backend) {
        let Some(app) = TestApp::with_fixtures(backend).await else { return };
        let (confirm, _) = sign(&app, FREE_ANNA, "Vera", "vera@example.org").await;
        assert_eq!(app.post_form(&confirm, &[], IP).await.status, StatusCode::OK);
        let pending = app.post_form(FREE_ANNA, &form("Lev", "lev@example.org"), IP).await;
        assert_eq!(pending.status, StatusCode::SEE_OTHER);

        let no_column: Result<Vec<(Option<String>,)>, _> =
            crate::on_pool!(app.store, |pool| sqlx::query_as("SELECT country FROM signatures").fetch_all(pool).await);
        assert!(no_column.is_err(), "there is no plain country column");
        assert!(!stored_contains(&stored_bytes(&app.db).await, b"Atlantis-Republic"));

        for r in rows(&app).await {
            assert_eq!(r.created_at % 3600, 0, "{r:?}");
            assert_eq!(r.confirmed_at.unwrap_or(0) % 3600, 0, "{r:?}");
        }
        let epochs: Vec<i64> = crate::on_pool!(app.store, |pool| sqlx::query_scalar("SELECT created_at FROM seal_epochs").fetch_all(pool).await.expect("epochs"));
        assert!(!epochs.is_empty() && epochs.iter().all(|t| t % 3600 == 0), "{epochs:?}");
        let outbox: Vec<(i64, i64)> = crate::on_pool!(app.store, |pool| sqlx::query_as("SELECT created_at, next_attempt_at FROM outbox").fetch_all(pool).await.expect("outbox"));
        assert_eq!(outbox, vec![(outbox[0].0, 0)], "one waiting mail, due at once, no exact time");
        assert_eq!(outbox[0].0 % 3600, 0);

        // The organisers still get the country and the exact time.
        let identity = std::fs::read_to_string(fixture("full/organiser-key.txt")).expect("identity");
        let mut opener = svoboda::petition::seal::Opener::from_identity_file(&identity).expect("identity");
        let row = app.state.content().petition_row("anna-example", "free-anna").expect("row");
        let mut records = Vec::new();
        app.store
            .export_signatures(row.id, |s| {
                let plain = opener.open(s.header.as_deref().expect("header"), s.sealed.as_deref().expect("sealed")).expect("opens");
                records.push(serde_json::from_slice::<svoboda::petition::service::SealedRecord>(&plain).expect("record"));
                Ok(())
            })
            .await
            .expect("export");
        assert_eq!(records.len(), 2);
        assert!(records.iter().all(|r| r.country.as_deref() == Some("Atlantis-Republic")));
        let exact = chrono::DateTime::parse_from_rfc3339(&records[0].signed_at).expect("time");
        assert!((chrono::Utc::now().timestamp() - exact.timestamp()).abs() < 120, "the sealed time is exact");
    }
}

backend_test! {
    /// A database made before this version loses its plain countries and
    /// exact times when it is opened.
    async fn migration_removes_plain_countries_and_exact_times(backend: Backend) {
        let Some(db) = Database::fresh(backend).await else { return };
        let insert = [
            "INSERT INTO campaigns (slug, doc, created_at, modified_at) VALUES ('old', '{}', '2024-01-01', '2024-01-01')",
            "INSERT INTO petitions (id, campaign, slug, confirmed) VALUES (1, 'old', 'p', 1)",
            "INSERT INTO seal_epochs (id, header, created_at) VALUES (5, 'h', 1700001234)",
            "INSERT INTO signatures (id, petition, created_at, confirmed_at, country, epoch, sealed) VALUES (7, 1, 1700001234, 1700005678, 'Atlantis-Republic', 5, x'00')",
        ];
        match backend {
            Backend::Sqlite => {
                let path = db.url.trim_start_matches("sqlite://");
                let pool = sqlx::SqlitePool::connect_with(
                    sqlx::sqlite::SqliteConnectOptions::new().filename(path).create_if_missing(true),
                )
                .await
                .expect("open");
                sqlx::migrate!("src/store/migrations/sqlite").run_to(2, &pool).await.expect("old schema");
                for q in insert {
                    sqlx::query(q).execute(&pool).await.expect("old data");
                }
                pool.close().await;
            }
            Backend::Postgres => {
                let pool = sqlx::PgPool::connect(&db.url).await.expect("connect");
                sqlx::migrate!("src/store/migrations/postgres").run_to(2, &pool).await.expect("old schema");
                for q in insert {
                    sqlx::query(sqlx::AssertSqlSafe(q.replace("x'00'", "'\\x00'::bytea"))).execute(&pool).await.expect("old data");
                }
                pool.close().await;
            }
        }
        assert!(stored_contains(&stored_bytes(&db).await, b"Atlantis-Republic"), "the old data is there before");
        let store = db.open().await;
        let times: Vec<(i64, Option<i64>)> = crate::on_pool!(store, |pool| sqlx::query_as("SELECT created_at, confirmed_at FROM signatures").fetch_all(pool).await.expect("rows"));
        assert_eq!(times, vec![(1_699_999_200, Some(1_700_002_800))]);
        store.close().await;
        assert!(!stored_contains(&stored_bytes(&db).await, b"Atlantis-Republic"), "and gone from the files after");
    }
}

backend_test! {
    /// After a restart an old withdrawal link must not delete a newer
    /// signer's signature: ids are never reused, and a link names one row.
    async fn ids_are_never_reused_and_old_links_cannot_touch_new_signers(backend: Backend) {
        let Some(app) = TestApp::with_fixtures(backend).await else { return };
        sign(&app, FREE_ANNA, "First", "first@example.org").await;
        let (_, withdraw_second) = sign(&app, FREE_ANNA, "Second", "second@example.org").await;
        assert_eq!(app.post_form(&withdraw_second, &[], IP).await.status, StatusCode::OK);
        let second_id = rows(&app).await.iter().map(|r| r.id).max().expect("a row") + 1;

        // A restart: a new writer over the same database.
        let restarted = PetitionService::start(
            app.store.clone(),
            app.state.petitions.secret.clone(),
            test_petition_settings(),
        )
        .await
        .expect("restart");
        let content = app.state.content();
        let campaign = app.campaign("anna-example").await;
        let petition = campaign.petition("free-anna").expect("petition");
        let row = content.petition_row("anna-example", "free-anna").expect("row");
        let signer = svoboda::petition::form::Signer {
            name: "Third".into(),
            email: Some("third@example.org".into()),
            city: None,
            country: None,
            public: false,
        };
        let now = chrono::Utc::now().timestamp();
        restarted
            .sign(
                &campaign,
                petition,
                row.id,
                signer,
                svoboda::campaign::Lang::EN,
                PUBLIC_URL,
                content.today,
                now,
            )
            .await
            .expect("signs");
        let third = rows(&app).await.into_iter().max_by_key(|r| r.id).expect("third");
        assert!(third.id >= second_id, "id {} was handed out before", third.id);

        let token = withdraw_second.rsplit('/').next().expect("token");
        assert_eq!(restarted.withdraw(token).await.expect("withdraw"), LinkOutcome::AlreadyDone);
        // A genuine link with the third row's id but another row's epoch, or
        // issued before the row existed, acts on nothing.
        let secret = &app.state.petitions.secret;
        let claim = secret.verify_link(LinkKind::Withdraw, token).expect("genuine");
        for forged in [
            LinkClaim { signature: third.id, ..claim },
            LinkClaim { signature: third.id, epoch: third.epoch, issued: third.created_at - 1 },
        ] {
            let t = secret.link_token(LinkKind::Withdraw, forged);
            assert_eq!(restarted.withdraw(&t).await.expect("withdraw"), LinkOutcome::AlreadyDone);
        }
        // The restarted writer rebuilt its address index from the database
        // (in its own task, after the service answered): the first address
        // signing again is found, and adds no row.
        let again = svoboda::petition::form::Signer {
            name: "First Again".into(),
            email: Some("FIRST@example.org".into()),
            city: None,
            country: None,
            public: false,
        };
        restarted
            .sign(&campaign, petition, row.id, again, svoboda::campaign::Lang::EN, PUBLIC_URL, content.today, now)
            .await
            .expect("signs");
        assert_eq!(rows(&app).await.len(), 2, "the first and the third signature are there");
        assert!(rows(&app).await.iter().any(|r| r.id == third.id));
    }
}

backend_test! {
    /// The keyed address hashes serve only while a petition takes
    /// signatures; once it closed they are cleared, from the files too.
    async fn closing_a_petition_clears_its_address_hashes(backend: Backend) {
        let Some(app) = with_closing_petition(backend).await else { return };
        sign(&app, FREE_ANNA, "Ira", "ira@example.org").await;
        sign(&app, FREE_ANNA, "Oleg", "oleg@example.org").await;
        let hashes: Vec<Vec<u8>> = rows(&app).await.into_iter().filter_map(|r| r.email_hash).collect();
        assert_eq!(hashes.len(), 2);
        app.state.petitions.maintain(&app.store, date(2024, 5, 31)).await.expect("maintain");
        assert_eq!(rows(&app).await.iter().filter(|r| r.email_hash.is_some()).count(), 2, "kept while open");
        app.state.petitions.maintain(&app.store, date(2024, 6, 2)).await.expect("maintain");
        assert!(rows(&app).await.iter().all(|r| r.email_hash.is_none()), "cleared once closed");
        let bytes = stored_bytes(&app.db).await;
        for h in &hashes {
            assert!(!stored_contains(&bytes, h), "a cleared hash is not left in the files");
        }
        let petitions = app.store.petitions().await.expect("rows");
        assert!(petitions.values().any(|p| p.hashes_cleared));
    }
}

backend_test! {
    /// A seized disk after a withdrawal and after a retention purge holds
    /// neither the sealed bytes nor the hash of those signatures; and a
    /// withdrawal link stops acting once the petition's data was purged.
    async fn withdrawn_and_purged_signers_leave_nothing_in_the_files(backend: Backend) {
        let Some(app) = with_closing_petition(backend).await else { return };
        let (_, withdraw) = sign(&app, FREE_ANNA, "Gone", "gone@example.org").await;
        let gone = rows(&app).await.pop().expect("row");
        assert_eq!(app.post_form(&withdraw, &[], IP).await.status, StatusCode::OK);
        let bytes = stored_bytes(&app.db).await;
        let sealed = gone.sealed.expect("sealed");
        assert!(!stored_contains(&bytes, &sealed[..48]), "withdrawn sealed bytes are gone from the files");
        assert!(!stored_contains(&bytes, &gone.email_hash.expect("hash")), "and so is the hash");

        let (confirm, withdraw_kept) = sign(&app, FREE_ANNA, "Kept", "kept@example.org").await;
        assert_eq!(app.post_form(&confirm, &[], IP).await.status, StatusCode::OK);
        let kept = rows(&app).await.pop().expect("row");
        // Closed on 2024-06-01; 183 days of retention later the data goes.
        app.state.petitions.maintain(&app.store, date(2024, 12, 3)).await.expect("maintain");
        let after = rows(&app).await;
        assert!(after.iter().all(|r| r.sealed.is_none() && r.email_hash.is_none()), "{after:?}");
        let bytes = stored_bytes(&app.db).await;
        assert!(!stored_contains(&bytes, &kept.sealed.expect("sealed")[..48]));
        assert!(!stored_contains(&bytes, &kept.email_hash.expect("hash")));
        let late = app.post_form(&withdraw_kept, &[], IP).await;
        assert_eq!(late.status, StatusCode::GONE, "withdrawal links expire with the purge");
        assert_eq!(rows(&app).await.len(), 1, "the count's row stays");
    }
}

backend_test! {
    /// A page of another site that makes a visitor's browser post our form
    /// gets nothing counted; the visitor sees the form filled in and decides.
    async fn signing_posted_from_another_site_is_not_counted(backend: Backend) {
        let Some(app) = TestApp::with_fixtures(backend).await else { return };
        let body = crate::support::form_body(&form("Lured", "lured@example.org"));
        let r = app
            .post_with_headers(FREE_ANNA, body.clone(), &[("origin", "https://hostile.example"), ("host", "svoboda.test")])
            .await;
        assert_eq!(r.status, StatusCode::FORBIDDEN);
        let html = r.text();
        assert!(html.contains("Please sign here"), "{html}");
        assert!(html.contains("value=\"lured@example.org\""), "what was entered is kept");
        assert!(rows(&app).await.is_empty(), "nothing stored");
        assert_eq!(app.deliver_mail().await, 0, "nobody is mailed");

        let ours = app
            .post_with_headers(FREE_ANNA, body, &[("origin", "https://svoboda.test"), ("host", "svoboda.test")])
            .await;
        assert_eq!(ours.status, StatusCode::SEE_OTHER, "our own page signs");
        assert_eq!(rows(&app).await.len(), 1);
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn listed_embedding_sites_may_post_the_form() {
    let mut settings = test_petition_settings();
    settings.embed_origins = vec!["https://partner.example".into()];
    let app = TestApp::with_settings(Backend::Sqlite, settings)
        .await
        .expect("sqlite");
    let dir = crate::support::fixture_dir_with_photo();
    app.import(&dir.path().join("campaign.toml"))
        .await
        .expect("fixture");
    let body = crate::support::form_body(&form("Partner", "partner.signer@example.org"));
    let r = app
        .post_with_headers(
            FREE_ANNA,
            body,
            &[
                ("origin", "https://partner.example"),
                ("host", "svoboda.test"),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
}

backend_test! {
    /// On an anonymous petition nothing confirms a signature: a public name
    /// arriving without our form's stamp is counted but not shown.
    async fn public_names_without_our_stamp_are_not_shown_on_anonymous_petitions(backend: Backend) {
        let Some(app) = TestApp::with_fixtures(backend).await else { return };
        let r = app.post_form(QUIET, &[("name", "Unstamped Name"), ("public", "on"), ("consent", "on")], IP).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER);
        let stamp = form_stamp(&app.page(QUIET).await);
        let r = app.post_form(QUIET, &[("name", "Stamped Name"), ("public", "on"), ("consent", "on"), ("stamp", &stamp)], IP).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER);
        app.state.refresh_counts().await.expect("counts");
        let html = app.page(QUIET).await;
        assert!(html.contains("2 signatures"));
        assert!(html.contains("Stamped Name"));
        assert!(!html.contains("Unstamped Name"));
    }
}

backend_test! {
    /// Public signers are paged by id: every name once, newest first, and
    /// a page never walks the private signatures.
    async fn public_signers_are_paged_by_id(backend: Backend) {
        let Some(app) = TestApp::with_fixtures(backend).await else { return };
        let stamp = form_stamp(&app.page(QUIET).await);
        for i in 0..120 {
            let name = format!("Signer {i:03}");
            let mut fields = vec![("name", name.as_str()), ("consent", "on"), ("stamp", stamp.as_str())];
            if i % 3 != 0 {
                fields.push(("public", "on"));
            }
            assert_eq!(app.post_form(QUIET, &fields, IP).await.status, StatusCode::SEE_OTHER);
        }
        app.state.refresh_counts().await.expect("counts");
        let mut seen = Vec::new();
        let mut path = QUIET.to_string();
        for _ in 0..5 {
            let html = app.page(&path).await;
            let names: Vec<String> = html.match_indices("Signer ").map(|(i, _)| html[i..i + 10].to_string()).collect();
            seen.extend(names);
            let Some(at) = html.find("?before=") else { break };
            let end = html[at..].find('#').expect("anchor") + at;
            path = format!("{QUIET}{}", &html[at..end]);
        }
        let expected: Vec<String> = (0..120).rev().filter(|i| i % 3 != 0).map(|i| format!("Signer {i:03}")).collect();
        assert_eq!(seen, expected);
        if let svoboda::store::Store::Sqlite(pool) = &app.store {
            let plan: Vec<(i64, i64, i64, String)> = sqlx::query_as(
                "EXPLAIN QUERY PLAN SELECT id, public_name, confirmed_at FROM signatures
                 WHERE petition = 1 AND confirmed_at IS NOT NULL AND public_name IS NOT NULL AND id < 99 ORDER BY id DESC LIMIT 51",
            )
            .fetch_all(pool)
            .await
            .expect("plan");
            assert!(plan.iter().any(|p| p.3.contains("signatures_public")), "{plan:?}");
        }
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn concurrent_withdrawal_of_a_duplicate_never_fails_a_batch_on_postgres() {
    let Some(app) = TestApp::with_fixtures(Backend::Postgres).await else {
        return;
    };
    // A second process sharing the database: its own writer.
    let other = PetitionService::start(
        app.store.clone(),
        app.state.petitions.secret.clone(),
        test_petition_settings(),
    )
    .await
    .expect("second writer");
    let app = std::sync::Arc::new(app);
    for round in 0..40 {
        let email = format!("racer{round}@example.org");
        let (_, withdraw) = sign(&app, FREE_ANNA, "Racer", &email).await;
        let token = withdraw.rsplit('/').next().expect("token").to_string();
        let signing = {
            let app = app.clone();
            let email = email.clone();
            tokio::spawn(async move { app.post_form(FREE_ANNA, &form("Racer", &email), IP).await })
        };
        let withdrawn = other
            .withdraw(&token)
            .await
            .expect("the withdrawal never fails");
        assert_eq!(withdrawn, LinkOutcome::Done);
        let r = signing.await.expect("task");
        assert_eq!(
            r.status,
            StatusCode::SEE_OTHER,
            "round {round}: {}",
            r.text()
        );
        app.deliver_mail().await;
    }
}
