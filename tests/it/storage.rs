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
