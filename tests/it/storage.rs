//! The store on both backends: migrations, the demo, idempotence, backups.

use crate::backend_test;
use crate::support::{Backend, Database, TestApp};
use svoboda::store::{self, OpenMode};

backend_test! {
    async fn demo_loads_once_and_a_second_load_changes_nothing(backend: Backend) {
        let Some(app) = TestApp::with_demo(backend).await else { return };
        let revision = app.store.content_revision().await.expect("revision");
        assert!(!svoboda::demo::load(&app.store).await.expect("second load"));
        assert_eq!(app.store.content_revision().await.expect("revision"), revision);
        assert_eq!(app.store.campaigns().await.expect("campaigns").len(), 1);
    }
}

backend_test! {
    async fn opening_again_applies_no_migration_twice(backend: Backend) {
        let Some(db) = Database::fresh(backend).await else { return };
        let first = db.open().await;
        svoboda::demo::load(&first).await.expect("demo");
        first.close().await;
        let second = store::connect(&db.url, OpenMode::MustExist).await.expect("reopen");
        assert_eq!(second.campaigns().await.expect("campaigns").len(), 1);
    }
}

backend_test! {
    async fn demo_does_not_overwrite_an_edited_campaign(backend: Backend) {
        let Some(app) = TestApp::with_demo(backend).await else { return };
        let mut edited = app.store.campaign("boris-romanov").await.expect("read").expect("demo");
        edited.updated = chrono::NaiveDate::from_ymd_opt(2025, 1, 1).expect("date");
        app.store.save_campaign(&edited, svoboda::store::PhotoChange::Remove, svoboda::store::SaveMode::Replace).await.expect("save");
        assert!(!svoboda::demo::load(&app.store).await.expect("demo"));
        let kept = app.store.campaign("boris-romanov").await.expect("read").expect("demo");
        assert_eq!(kept.updated, edited.updated);
    }
}

#[tokio::test]
async fn sqlite_runs_in_wal_mode_with_foreign_keys() {
    let db = Database::fresh(Backend::Sqlite)
        .await
        .expect("sqlite is always there");
    let store = db.open().await;
    let svoboda::store::Store::Sqlite(pool) = &store else {
        panic!("sqlite")
    };
    let mode: String = sqlx::query_scalar("PRAGMA journal_mode")
        .fetch_one(pool)
        .await
        .expect("pragma");
    assert_eq!(mode, "wal");
    let fk: i64 = sqlx::query_scalar("PRAGMA foreign_keys")
        .fetch_one(pool)
        .await
        .expect("pragma");
    assert_eq!(fk, 1);
    let sync: i64 = sqlx::query_scalar("PRAGMA synchronous")
        .fetch_one(pool)
        .await
        .expect("pragma");
    assert_eq!(sync, 2, "FULL: commits survive an OS crash");
}

/// Our PostgreSQL sessions write the pages they evict soon, a few at a time:
/// left to the kernel, they were flushed in bursts that stalled the WAL syncs
/// every signer waits for.
#[tokio::test]
async fn postgres_sessions_flush_their_writes_early() {
    let Some(db) = Database::fresh(Backend::Postgres).await else {
        return;
    };
    let store::Store::Postgres(pool) = db.open().await else {
        panic!("a PostgreSQL store")
    };
    let flush: String = sqlx::query_scalar("SHOW backend_flush_after")
        .fetch_one(&pool)
        .await
        .expect("setting");
    assert_eq!(flush, "256kB");
}

#[tokio::test]
async fn postgres_backup_points_to_pg_dump() {
    let Some(db) = Database::fresh(Backend::Postgres).await else {
        return;
    };
    let store = db.open().await;
    let err = store
        .backup(std::path::Path::new("/tmp/x.db"))
        .await
        .expect_err("not for PostgreSQL");
    assert!(err.to_string().contains("pg_dump"));
}

/// A signature as the writer receives it, its address standing for `hash`.
fn sealed_signature(petition: i64, hash: u8) -> svoboda::store::signatures::NewSignature {
    svoboda::store::signatures::NewSignature {
        petition,
        created_at: 1_700_000_000,
        public_name: None,
        email_hash: Some([hash; 32]),
        epoch: 4242,
        epoch_header: std::sync::Arc::from("header"),
        epoch_recipients: std::sync::Arc::from("age1recipient"),
        sealed: vec![hash; 16],
        mail: None,
        reserved: None,
    }
}

/// A writer that lets signatures gather for `0` between commits, as the
/// real one does while readers are a crowd.
struct Paced(std::time::Duration);

impl svoboda::store::signatures::Pacing for Paced {
    fn batch_interval(&mut self) -> std::time::Duration {
        self.0
    }
}

/// The fixtures' e-mail-confirmed petition, by its row id.
fn free_anna(app: &TestApp) -> i64 {
    app.state
        .content()
        .petition_row("anna-example", "free-anna")
        .expect("row")
        .id
}

/// A signature writer of its own, committing at most every `interval`.
async fn paced_writer(
    app: &TestApp,
    interval: std::time::Duration,
) -> svoboda::store::signatures::SignatureWriter {
    svoboda::store::signatures::SignatureWriter::start(app.store.clone(), Box::new(Paced(interval)))
        .await
        .expect("writer")
}

backend_test! {
    /// A paced writer holds what arrives during its interval for the next
    /// commit: no answer comes sooner, nothing is lost, ids go on, and the
    /// one-address rule holds within the gathered batch.
    async fn a_paced_writer_gathers_signatures_for_one_commit_and_loses_nothing(backend: Backend) {
        use std::time::{Duration, Instant};
        use svoboda::store::signatures::Placed;
        let Some(app) = TestApp::with_fixtures(backend).await else { return };
        let petition = free_anna(&app);
        let interval = Duration::from_millis(300);
        let writer = paced_writer(&app, interval).await;
        let signature = |hash: u8| sealed_signature(petition, hash);
        let asked = Instant::now();
        let first = match writer.sign(signature(1)).await.expect("stored") {
            Placed::New(s) => s.id,
            other => panic!("a new signature, not {other:?}"),
        };
        // Sent while the writer waits out its interval: one batch.
        let gathered = futures_util::future::join_all(
            [2, 3, 4, 2].map(|hash| writer.sign(signature(hash))),
        )
        .await;
        assert!(
            asked.elapsed() >= interval,
            "answered before the interval was over: {:?}",
            asked.elapsed()
        );
        let placed: Vec<Placed> = gathered.into_iter().map(|p| p.expect("stored")).collect();
        let new_ids: Vec<i64> = placed[..3]
            .iter()
            .map(|p| match p {
                Placed::New(s) => s.id,
                other => panic!("a new signature, not {other:?}"),
            })
            .collect();
        assert!(
            std::iter::once(first).chain(new_ids.iter().copied()).collect::<Vec<_>>().windows(2).all(|w| w[0] < w[1]),
            "ids go on: {first} then {new_ids:?}"
        );
        match &placed[3] {
            Placed::Existing { signature, .. } => assert_eq!(signature.id, new_ids[0]),
            other => panic!("the address's signature in the same batch, not {other:?}"),
        }
        assert_eq!(app.store.signature_total(petition).await.expect("total"), 4);
    }
}

/// On SQLite a commit lands in the write-ahead log; a thread of the writer's
/// copies it into the database file soon after, so that no signer's commit
/// waits for that copy (SQLite's own would run inside the commit that fills
/// the log to 1,000 pages). Seen here from a copy of the database file alone.
#[tokio::test]
async fn committed_signatures_are_copied_into_the_database_file_in_the_background() {
    use std::time::{Duration, Instant};
    let app = TestApp::with_fixtures(Backend::Sqlite)
        .await
        .expect("sqlite is always there");
    let petition = free_anna(&app);
    let writer = paced_writer(&app, Duration::ZERO).await;
    for hash in 1..=3u8 {
        writer
            .sign(sealed_signature(petition, hash))
            .await
            .expect("stored");
    }
    let file = app.db.url.strip_prefix("sqlite://").expect("a SQLite url");
    let copies = tempfile::tempdir().expect("tempdir");
    let copy = copies.path().join("file-alone.db");
    let in_the_file = || async {
        // The file without its log; while it is being written the copy may
        // be torn, which only means "not yet".
        std::fs::copy(file, &copy).ok()?;
        let store = svoboda::store::connect(
            &format!("sqlite://{}", copy.display()),
            svoboda::store::OpenMode::MustExist,
        )
        .await
        .ok()?;
        let total = store.signature_total(petition).await.ok();
        store.close().await;
        let _ = std::fs::remove_file(copy.with_extension("db-wal"));
        let _ = std::fs::remove_file(copy.with_extension("db-shm"));
        total
    };
    let deadline = Instant::now() + Duration::from_secs(20);
    loop {
        if in_the_file().await == Some(3) {
            break;
        }
        assert!(
            Instant::now() < deadline,
            "the signatures stayed in the log only"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

/// PostgreSQL, shared by several processes: each process's writer draws
/// ids from the sequence for its signing threads, so that their mail is made
/// before the writer sees them. Two writers never hand out the same id; a
/// reserved id is the signature's id, and left unused when the address had
/// signed.
#[tokio::test]
async fn writers_sharing_postgresql_reserve_ids_from_the_sequence_and_never_the_same() {
    use svoboda::store::signatures::{Placed, Reserved};
    let Some(app) = TestApp::with_fixtures(Backend::Postgres).await else {
        return;
    };
    let petition = free_anna(&app);
    let writers = [
        paced_writer(&app, std::time::Duration::ZERO).await,
        paced_writer(&app, std::time::Duration::ZERO).await,
    ];
    // Nothing is at hand before a writer's first batch draws.
    for (hash, writer) in [1u8, 2].into_iter().zip(&writers) {
        assert_eq!(writer.id_reservations().reserve(), None);
        assert!(matches!(
            writer.sign(sealed_signature(petition, hash)).await,
            Ok(Placed::New(_))
        ));
    }
    let mut ids = std::collections::HashMap::new();
    for hash in 10..70u8 {
        let writer = &writers[usize::from(hash % 2)];
        let id = writer
            .id_reservations()
            .reserve()
            .expect("an id at hand after a draw");
        assert!(
            !ids.values().any(|&taken| taken == id),
            "id {id} handed out twice"
        );
        ids.insert(hash, id);
        let signature = svoboda::store::signatures::NewSignature {
            reserved: Some(Reserved {
                id,
                mail_if_new: None,
            }),
            ..sealed_signature(petition, hash)
        };
        match writer.sign(signature).await.expect("stored") {
            Placed::New(s) => assert_eq!(s.id, id, "the reserved id is the signature's"),
            other => panic!("a new signature, not {other:?}"),
        }
    }
    // A repeat leaves its reserved id unused and names the first signature.
    let repeat_id = writers[0].id_reservations().reserve().expect("id");
    let repeat = svoboda::store::signatures::NewSignature {
        reserved: Some(Reserved {
            id: repeat_id,
            mail_if_new: None,
        }),
        ..sealed_signature(petition, 10)
    };
    match writers[0].sign(repeat).await.expect("placed") {
        Placed::Existing { signature, .. } => assert_eq!(signature.id, ids[&10]),
        other => panic!("the address's first signature, not {other:?}"),
    }
    assert_eq!(
        app.store.signature_total(petition).await.expect("total"),
        62
    );
}

/// Mail for every placement, whatever it is: the writer queues bytes.
struct AnyMail;

impl svoboda::store::signatures::MailDraft for AnyMail {
    fn seal(&self, _: svoboda::store::signatures::Placed) -> Option<Vec<u8>> {
        Some(b"mail".to_vec())
    }
}

/// On PostgreSQL a batch's new signatures are stored by one statement, and
/// its repeats afterwards in a transaction of their own. When that second
/// part fails, the new signatures stay stored with their mail and their
/// signers are told so; only the repeats get the error, and the writer goes
/// on with a fresh connection.
#[tokio::test]
async fn postgresql_repeats_failing_leave_the_batch_new_signatures_stored() {
    use std::time::Duration;
    use svoboda::store::signatures::{NewSignature, Placed};
    let Some(app) = TestApp::with_fixtures(Backend::Postgres).await else {
        return;
    };
    let petition = free_anna(&app);
    let writer = paced_writer(&app, Duration::from_millis(300)).await;
    let with_mail = |hash: u8| NewSignature {
        mail: Some(Box::new(AnyMail)),
        ..sealed_signature(petition, hash)
    };
    let first = match writer.sign(with_mail(1)).await.expect("stored") {
        Placed::New(s) => s.id,
        other => panic!("a new signature, not {other:?}"),
    };
    // Mail queued by anything but the batch statement is refused: the
    // repeats' transaction fails.
    crate::support::run_sql(
        &app.db,
        "CREATE FUNCTION refuse_lone_outbox() RETURNS trigger LANGUAGE plpgsql AS $$
         BEGIN
           IF current_query() NOT ILIKE '%unnest%' THEN RAISE EXCEPTION 'refused by the test'; END IF;
           RETURN NULL;
         END $$",
    )
    .await;
    crate::support::run_sql(
        &app.db,
        "CREATE TRIGGER refuse_lone_outbox BEFORE INSERT ON outbox
         FOR EACH STATEMENT EXECUTE FUNCTION refuse_lone_outbox()",
    )
    .await;
    let [new, repeat] =
        futures_util::future::join(writer.sign(with_mail(2)), writer.sign(with_mail(1)))
            .await
            .into();
    let new = match new.expect("the new signature is stored") {
        Placed::New(s) => s.id,
        other => panic!("a new signature, not {other:?}"),
    };
    assert!(new > first);
    assert!(repeat.is_err(), "the repeat gets the error: {repeat:?}");
    assert_eq!(app.store.signature_total(petition).await.expect("total"), 2);
    assert_eq!(
        app.store.outbox_len().await.expect("outbox"),
        2,
        "both new signatures' mail, not the repeat's"
    );
    assert!(
        matches!(writer.sign(with_mail(3)).await, Ok(Placed::New(_))),
        "the writer goes on"
    );
}
