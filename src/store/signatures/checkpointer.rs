//! SQLite only: copying the write-ahead log back into the database file on
//! a thread of its own, off the writer's path.
//!
//! SQLite's own checkpoint runs inside the commit that crosses 1,000 logged
//! pages: scattered writes across the file and an fsync, while every signer
//! waits. On a petition of a million signatures that was more than half of
//! the writer's SQLite thread's time under a crowd. Here a low-priority
//! thread copies what is logged soon after each commit, concurrently with
//! the writer (a PASSIVE checkpoint takes no lock the writer needs). The
//! writer's own checkpoint still runs, but finds the pages already copied:
//! it copies the few left and lets the log start over, so the log stays
//! small even when this thread gets no CPU.

use std::time::Duration;

use sqlx::sqlite::SqliteConnectOptions;
use sqlx::{ConnectOptions, Connection};
use tokio::sync::mpsc;

use crate::priority::{YIELDING, set_this_threads_nice};

/// The shortest time between two checkpoints: one copies what a few
/// hundred commits logged, and a page changed by several is written once.
const PAUSE: Duration = Duration::from_millis(100);

/// The writer's side: a nudge after each commit.
pub(super) struct Checkpointer {
    nudge: mpsc::Sender<()>,
}

impl Checkpointer {
    /// Starts the thread; it ends when this is dropped (with the writer).
    pub(super) fn start(options: SqliteConnectOptions) -> std::io::Result<Checkpointer> {
        let (nudge, nudged) = mpsc::channel(1);
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_time()
            .build()?;
        std::thread::Builder::new()
            .name("svoboda-checkpoint".into())
            .spawn(move || {
                // Before connecting: SQLite's thread, started by this one,
                // inherits the priority.
                set_this_threads_nice(YIELDING);
                runtime.block_on(run(options, nudged));
            })?;
        Ok(Checkpointer { nudge })
    }

    /// Something was committed; never waits.
    pub(super) fn nudge(&self) {
        // Full: a checkpoint is already due.
        let _ = self.nudge.try_send(());
    }
}

async fn run(options: SqliteConnectOptions, mut nudged: mpsc::Receiver<()>) {
    let mut conn: Option<sqlx::SqliteConnection> = None;
    while nudged.recv().await.is_some() {
        if conn.is_none() {
            conn = options.connect().await.ok();
        }
        if let Some(c) = conn.as_mut()
            && let Err(e) = sqlx::query("PRAGMA wal_checkpoint(PASSIVE)")
                .execute(&mut *c)
                .await
        {
            // The writer's own checkpoint covers for this one.
            tracing::debug!(error = %e, "background checkpoint failed; reconnecting");
            if let Some(c) = conn.take() {
                let _ = c.close().await;
            }
        }
        tokio::time::sleep(PAUSE).await;
    }
}
