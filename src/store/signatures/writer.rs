//! The one writer task: it takes whatever jobs have queued up and commits
//! them together (group commit), keeping the SQLite address index in memory.

use std::collections::{HashMap, HashSet};

use futures_util::TryStreamExt;
use sqlx::ConnectOptions;
use sqlx::Row;
use sqlx::pool::PoolConnection;
use tokio::sync::{mpsc, oneshot};

use super::address_table::{AddressKey, AddressTable};
use super::checkpointer::Checkpointer;
use super::placing::{self, Signing};
use super::{
    Confirmed, IdReservations, LinkTarget, MAX_BATCH, NewSignature, Pacing, Placed, Withdrawn,
};
use crate::store::letters::NewLetter;
use crate::store::{Erase, Store, StoreError};

pub(super) enum Job {
    Sign(NewSignature, oneshot::Sender<Result<Placed, String>>),
    Confirm(LinkTarget, i64, oneshot::Sender<Result<Confirmed, String>>),
    Withdraw(LinkTarget, oneshot::Sender<Result<Withdrawn, String>>),
    ExpirePending(i64, oneshot::Sender<Result<u64, String>>),
    /// A letter sent through a campaign, sealed: it shares the batch (and
    /// its one commit) with the signatures' other changes, so letters never
    /// wait on SQLite's lock behind the writer.
    Letter(Box<NewLetter>, oneshot::Sender<Result<i64, String>>),
    /// Clears a petition's address hashes, and with `sealed_too` its sealed
    /// data (retention), at `now`.
    Forget {
        petition: i64,
        now: i64,
        sealed_too: bool,
        reply: oneshot::Sender<Result<u64, String>>,
    },
}

impl Job {
    /// How a batch holding this job must erase afterwards, if at all.
    fn erases(&self) -> Option<Erase> {
        match self {
            Job::Withdraw(..) | Job::ExpirePending(..) => Some(Erase::Rows),
            Job::Forget { .. } => Some(Erase::Bulk),
            Job::Sign(..) | Job::Confirm(..) | Job::Letter(..) => None,
        }
    }
}

/// SQLite only: which addresses signed which petition.
pub(super) struct AddressIndex {
    pub(super) by_petition: HashMap<i64, AddressTable>,
}

impl AddressIndex {
    /// The ids to number new signatures from.
    pub(super) async fn first_ids(store: &Store) -> Result<IdReservations, StoreError> {
        let Store::Sqlite(pool) = store else {
            return Err(StoreError::Unsupported(
                "the address index is for SQLite".into(),
            ));
        };
        // Never below an id once handed out, even if its row was deleted.
        let max: Option<i64> = sqlx::query_scalar("SELECT MAX(id) FROM signatures")
            .fetch_one(pool)
            .await?;
        let counter: Option<i64> =
            sqlx::query_scalar("SELECT next FROM id_counters WHERE name = 'signatures'")
                .fetch_optional(pool)
                .await?;
        Ok(IdReservations::starting_at(
            (max.unwrap_or(0) + 1).max(counter.unwrap_or(1)),
        ))
    }

    /// The index of every stored address.
    pub(super) async fn load(store: &Store) -> Result<Self, StoreError> {
        let Store::Sqlite(pool) = store else {
            return Err(StoreError::Unsupported(
                "the address index is for SQLite".into(),
            ));
        };
        // Each table sized once, with room for a quarter more: ten million
        // rows are placed without the table growing while they load.
        let sizes: Vec<(i64, i64)> = sqlx::query_as(
            "SELECT petition, COUNT(*) FROM signatures WHERE email_hash IS NOT NULL GROUP BY petition",
        )
        .fetch_all(pool)
        .await?;
        let mut by_petition: HashMap<i64, AddressTable> = sizes
            .into_iter()
            .map(|(petition, n)| {
                let n = usize::try_from(n).unwrap_or(0);
                (petition, AddressTable::with_capacity(n + n / 4))
            })
            .collect();
        let mut rows = sqlx::query(
            "SELECT petition, email_hash, id FROM signatures WHERE email_hash IS NOT NULL",
        )
        .fetch(pool);
        while let Some(row) = rows.try_next().await? {
            let hash: Vec<u8> = row.try_get(1)?;
            by_petition
                .entry(row.try_get(0)?)
                .or_default()
                .insert(AddressKey::of(&hash), row.try_get(2)?)?;
        }
        Ok(AddressIndex { by_petition })
    }

    /// Loads the index, trying again while the database does not answer:
    /// the writer takes no signature without it.
    async fn load_until_loaded(store: &Store) -> Self {
        loop {
            let started = std::time::Instant::now();
            match Self::load(store).await {
                Ok(index) => {
                    let addresses: usize = index.by_petition.values().map(AddressTable::len).sum();
                    tracing::info!(
                        addresses,
                        seconds = started.elapsed().as_secs_f32(),
                        "address index loaded"
                    );
                    return index;
                }
                Err(e) => {
                    tracing::error!(error = %e, "could not load the address index; trying again");
                    tokio::time::sleep(std::time::Duration::from_secs(1)).await;
                }
            }
        }
    }
}

pub(super) async fn run(
    store: Store,
    ids: IdReservations,
    mut pacing: Box<dyn Pacing>,
    mut rx: mpsc::Receiver<Job>,
) {
    let dedup = match &store {
        Store::Sqlite(_) => Some(AddressIndex::load_until_loaded(&store).await),
        Store::Postgres(_) => None,
    };
    let checkpointer = match &store {
        Store::Sqlite(pool) => Checkpointer::start((*pool.connect_options()).clone())
            .map_err(|e| tracing::warn!(error = %e, "no background checkpoints: the writer checkpoints alone"))
            .ok(),
        Store::Postgres(_) => None,
    };
    let mut writer = Writer {
        store,
        dedup,
        ids,
        held: None,
        stored_epochs: HashSet::new(),
        checkpointer,
    };
    let mut buffer = Vec::with_capacity(MAX_BATCH);
    while rx.recv_many(&mut buffer, MAX_BATCH).await > 0 {
        let jobs = std::mem::take(&mut buffer);
        let started = tokio::time::Instant::now();
        writer.commit_batch(jobs).await;
        let interval = pacing.batch_interval();
        if !interval.is_zero() {
            // What arrives meanwhile gathers for the next commit.
            tokio::time::sleep_until(started + interval).await;
        }
    }
}

/// The writer's state between batches.
struct Writer {
    store: Store,
    /// SQLite only.
    dedup: Option<AddressIndex>,
    ids: IdReservations,
    /// A connection kept from one batch to the next: taking one from the
    /// pool for every batch cost a health check and its wake-ups, a tenth of
    /// a batch's time under load. Closed after a failed batch.
    held: Option<Held>,
    /// Seal epochs already committed, whose rows need no insert again.
    stored_epochs: HashSet<i64>,
    /// SQLite only: copies the log into the database file off this path.
    checkpointer: Option<Checkpointer>,
}

enum Held {
    /// SQLite: a connection of the writer's own, outside the pool, whose
    /// few connections all stay for readers.
    Sqlite(sqlx::SqliteConnection),
    Postgres(PoolConnection<sqlx::Postgres>),
}

/// Replies held until the batch's fate is known.
pub(super) enum Reply {
    Sign(oneshot::Sender<Result<Placed, String>>, Placed),
    /// A signature that was not stored, and why.
    Refused(oneshot::Sender<Result<Placed, String>>, String),
    Confirm(oneshot::Sender<Result<Confirmed, String>>, Confirmed),
    Withdraw(oneshot::Sender<Result<Withdrawn, String>>, Withdrawn),
    Count(oneshot::Sender<Result<u64, String>>, u64),
    /// A stored row's id.
    Stored(oneshot::Sender<Result<i64, String>>, i64),
}

impl Reply {
    pub(super) fn send(self) {
        // A client that went away no longer needs its answer.
        match self {
            Reply::Sign(tx, v) => drop(tx.send(Ok(v))),
            Reply::Refused(tx, e) => drop(tx.send(Err(e))),
            Reply::Confirm(tx, v) => drop(tx.send(Ok(v))),
            Reply::Withdraw(tx, v) => drop(tx.send(Ok(v))),
            Reply::Count(tx, v) => drop(tx.send(Ok(v))),
            Reply::Stored(tx, v) => drop(tx.send(Ok(v))),
        }
    }

    fn fail(self, e: &str) {
        match self {
            Reply::Sign(tx, _) | Reply::Refused(tx, _) => drop(tx.send(Err(e.to_string()))),
            Reply::Confirm(tx, _) => drop(tx.send(Err(e.to_string()))),
            Reply::Withdraw(tx, _) => drop(tx.send(Err(e.to_string()))),
            Reply::Count(tx, _) => drop(tx.send(Err(e.to_string()))),
            Reply::Stored(tx, _) => drop(tx.send(Err(e.to_string()))),
        }
    }
}

/// Changes to the address index, applied only if the batch commits.
#[derive(Default)]
pub(super) struct IndexChanges {
    pub(super) added: Vec<(i64, AddressKey, i64)>,
    removed: Vec<(i64, AddressKey, i64)>,
    /// Petitions whose hashes were all cleared.
    cleared: Vec<i64>,
    /// Rows deleted or cleared: only then do the files need erasing (a
    /// closed petition with nothing left to clear costs no VACUUM).
    deleted: u64,
    /// Seal epochs inserted by the batch.
    pub(super) epochs: Vec<i64>,
}

pub(super) fn day_of(ts: i64) -> String {
    chrono::DateTime::from_timestamp(ts, 0)
        .map(|t| t.date_naive().to_string())
        .unwrap_or_else(|| "1970-01-01".to_string())
}

impl Held {
    /// The held connection; when there is none, one is opened (SQLite) or
    /// taken from the pool (PostgreSQL).
    async fn take_or_get<'a>(
        held: &'a mut Option<Held>,
        store: &Store,
    ) -> Result<&'a mut Held, StoreError> {
        if held.is_none() {
            *held = Some(match store {
                Store::Sqlite(pool) => Held::Sqlite(pool.connect_options().connect().await?),
                Store::Postgres(pool) => Held::Postgres(pool.acquire().await?),
            });
        }
        held.as_mut()
            .ok_or_else(|| StoreError::Corrupt("the writer lost its connection".into()))
    }
}

impl Writer {
    /// Commits a batch: the new signatures, then the other jobs, each part in
    /// its own transaction. Replies go out once their part is durable.
    async fn commit_batch(&mut self, jobs: Vec<Job>) {
        let mut signs = Vec::new();
        let mut others = Vec::new();
        for job in jobs {
            match job {
                Job::Sign(s, reply) => signs.push((s, reply)),
                other => others.push(other),
            }
        }
        if !signs.is_empty() {
            let mut changes = IndexChanges::default();
            match self.sign(&signs, &mut changes).await {
                Ok(placed) => {
                    self.committed(changes);
                    placing::replies(signs, placed).for_each(Reply::send);
                }
                Err(e) => {
                    let message = self.failed(e);
                    for (_, reply) in signs {
                        drop(reply.send(Err(message.clone())));
                    }
                }
            }
        }
        if !others.is_empty() {
            let erase = others.iter().filter_map(Job::erases).max();
            let mut changes = IndexChanges::default();
            let mut replies = Vec::with_capacity(others.len());
            match self.other_jobs(others, &mut changes, &mut replies).await {
                Ok(()) => {
                    let deleted = changes.deleted;
                    self.committed(changes);
                    // Deleted data leaves the files before anyone is told it is gone.
                    if deleted > 0
                        && let Some(how) = erase
                        && let Err(e) = self.store.erase(how).await
                    {
                        tracing::warn!(error = %e, "could not erase deleted data from the database files; will try after the next deletion");
                    }
                    replies.into_iter().for_each(Reply::send);
                }
                Err(e) => {
                    let message = self.failed(e);
                    replies.into_iter().for_each(|r| r.fail(&message));
                }
            }
        }
        if let Some(checkpointer) = &self.checkpointer {
            checkpointer.nudge();
        }
    }

    /// Where each signature went, or why it alone was not stored; an error
    /// when none was.
    async fn sign(
        &mut self,
        signs: &[Signing],
        changes: &mut IndexChanges,
    ) -> Result<Vec<Result<Placed, String>>, StoreError> {
        let epochs = &self.stored_epochs;
        match Held::take_or_get(&mut self.held, &self.store).await? {
            Held::Sqlite(conn) => {
                let index = self
                    .dedup
                    .as_ref()
                    .ok_or_else(|| StoreError::Corrupt("the address index is missing".into()))?;
                let placed =
                    placing::sign_sqlite(conn, index, &self.ids, epochs, signs, changes).await?;
                Ok(placed.into_iter().map(Ok).collect())
            }
            Held::Postgres(conn) => {
                let (placed, failure) =
                    placing::sign_postgres(conn, &self.ids, epochs, signs, changes).await?;
                let message = failure
                    .map(|e| {
                        tracing::error!(error = %e, "placing the repeats of a batch of signatures failed; its new signatures were saved");
                        self.close_connection();
                        e.to_string()
                    })
                    .unwrap_or_default();
                Ok(placed
                    .into_iter()
                    .map(|p| p.ok_or_else(|| message.clone()))
                    .collect())
            }
        }
    }

    async fn other_jobs(
        &mut self,
        jobs: Vec<Job>,
        changes: &mut IndexChanges,
        replies: &mut Vec<Reply>,
    ) -> Result<(), StoreError> {
        match Held::take_or_get(&mut self.held, &self.store).await? {
            Held::Sqlite(conn) => other_jobs_sqlite(conn, jobs, changes, replies).await,
            Held::Postgres(conn) => other_jobs_postgres(conn, jobs, changes, replies).await,
        }
    }

    /// What a committed part changed, applied to the writer's memory.
    fn committed(&mut self, changes: IndexChanges) {
        if self.stored_epochs.len() > 10_000 {
            self.stored_epochs.clear();
        }
        self.stored_epochs.extend(changes.epochs);
        if let Some(index) = self.dedup.as_mut() {
            for (petition, key, id) in changes.added {
                let table = index.by_petition.entry(petition).or_default();
                if let Err(e) = table.insert(key, id) {
                    tracing::error!(error = %e, "the address index cannot hold a signature");
                }
            }
            for (petition, key, id) in changes.removed {
                if let Some(table) = index.by_petition.get_mut(&petition) {
                    table.remove(key, id);
                }
            }
            for petition in changes.cleared {
                index.by_petition.remove(&petition);
            }
        }
    }

    /// Logs a failed part and closes the connection it used, whose state is
    /// unknown; returns what its clients are told.
    fn failed(&mut self, e: StoreError) -> String {
        tracing::error!(error = %e, "a batch of signature changes failed; nothing of it was saved");
        self.close_connection();
        e.to_string()
    }

    /// Closes the held connection, whose state is unknown after a failure.
    fn close_connection(&mut self) {
        match self.held.take() {
            // Dropped, an own connection closes.
            Some(Held::Sqlite(_)) | None => {}
            Some(Held::Postgres(mut conn)) => conn.close_on_drop(),
        }
    }
}

/// Confirmations, withdrawals and maintenance, in one transaction: one body,
/// compiled for each backend.
macro_rules! other_jobs_fn {
    ($name:ident, $db:ty, $record:ident) => {
        async fn $name(
            conn: &mut <$db as sqlx::Database>::Connection,
            jobs: Vec<Job>,
            changes: &mut IndexChanges,
            replies: &mut Vec<Reply>,
        ) -> Result<(), StoreError> {
    let mut tx = sqlx::Connection::begin(conn).await?;
    // Counter and per-day changes of confirmed signatures, applied at the end.
    let mut counts: HashMap<i64, i64> = HashMap::new();
    let mut days: HashMap<(i64, String), i64> = HashMap::new();

    for job in jobs {
        match job {
            // Taken out by `commit_batch`.
            Job::Sign(..) => {}
            Job::Confirm(target, now, reply) => {
                let petition: Option<i64> = sqlx::query_scalar(
                    "UPDATE signatures SET confirmed_at = $1
                     WHERE id = $2 AND epoch = $3 AND created_at <= $4 AND confirmed_at IS NULL
                       AND petition IN (SELECT id FROM petitions WHERE purged_at IS NULL)
                     RETURNING petition",
                )
                .bind(now)
                .bind(target.signature.id)
                .bind(target.signature.epoch)
                .bind(target.issued)
                .fetch_optional(&mut *tx)
                .await?;
                let outcome = match petition {
                    Some(p) => {
                        *counts.entry(p).or_default() += 1;
                        *days.entry((p, day_of(now))).or_default() += 1;
                        Confirmed::Now
                    }
                    None => {
                        let confirmed: Option<Option<i64>> = sqlx::query_scalar(
                            "SELECT confirmed_at FROM signatures WHERE id = $1 AND epoch = $2 AND created_at <= $3",
                        )
                        .bind(target.signature.id)
                        .bind(target.signature.epoch)
                        .bind(target.issued)
                        .fetch_optional(&mut *tx)
                        .await?;
                        match confirmed {
                            Some(Some(_)) => Confirmed::Already,
                            _ => Confirmed::NotFound,
                        }
                    }
                };
                replies.push(Reply::Confirm(reply, outcome));
            }
            Job::Withdraw(target, reply) => {
                let row = sqlx::query(
                    "DELETE FROM signatures
                     WHERE id = $1 AND epoch = $2 AND created_at <= $3
                       AND petition IN (SELECT id FROM petitions WHERE purged_at IS NULL)
                     RETURNING petition, email_hash, confirmed_at",
                )
                .bind(target.signature.id)
                .bind(target.signature.epoch)
                .bind(target.issued)
                .fetch_optional(&mut *tx)
                .await?;
                let outcome = match row {
                    Some(row) => {
                        let petition: i64 = row.try_get(0)?;
                        let hash: Option<Vec<u8>> = row.try_get(1)?;
                        let confirmed_at: Option<i64> = row.try_get(2)?;
                        if let Some(at) = confirmed_at {
                            *counts.entry(petition).or_default() -= 1;
                            *days.entry((petition, day_of(at))).or_default() -= 1;
                        }
                        if let Some(hash) = hash {
                            changes.removed.push((
                                petition,
                                AddressKey::of(&hash),
                                target.signature.id,
                            ));
                        }
                        changes.deleted += 1;
                        Withdrawn::Now
                    }
                    None => {
                        let purged: Option<i64> = sqlx::query_scalar(
                            "SELECT s.id FROM signatures s JOIN petitions p ON p.id = s.petition
                             WHERE s.id = $1 AND s.epoch = $2 AND p.purged_at IS NOT NULL",
                        )
                        .bind(target.signature.id)
                        .bind(target.signature.epoch)
                        .fetch_optional(&mut *tx)
                        .await?;
                        if purged.is_some() { Withdrawn::Expired } else { Withdrawn::Gone }
                    }
                };
                replies.push(Reply::Withdraw(reply, outcome));
            }
            Job::ExpirePending(cutoff, reply) => {
                let rows = sqlx::query(
                    "DELETE FROM signatures WHERE id IN (
                         SELECT id FROM signatures WHERE confirmed_at IS NULL AND created_at < $1 LIMIT $2
                     ) RETURNING petition, email_hash, id",
                )
                .bind(cutoff)
                .bind(super::EXPIRE_AT_ONCE as i64)
                .fetch_all(&mut *tx)
                .await?;
                for row in &rows {
                    let petition: i64 = row.try_get(0)?;
                    let hash: Option<Vec<u8>> = row.try_get(1)?;
                    if let Some(hash) = hash {
                        changes.removed.push((petition, AddressKey::of(&hash), row.try_get(2)?));
                    }
                }
                changes.deleted += rows.len() as u64;
                replies.push(Reply::Count(reply, rows.len() as u64));
            }
            Job::Letter(letter, reply) => {
                let id: i64 = sqlx::query_scalar(
                    "INSERT INTO letters (campaign, received_at, header, sealed, token_hash, reply_key, notice)
                     VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
                )
                .bind(&letter.campaign)
                .bind(letter.received_at)
                .bind(&letter.header)
                .bind(&letter.sealed)
                .bind(&letter.token_hash[..])
                .bind(&letter.reply_key)
                .bind(&letter.notice)
                .fetch_one(&mut *tx)
                .await?;
                replies.push(Reply::Stored(reply, id));
            }
            Job::Forget { petition, now, sealed_too, reply } => {
                // Retention deletes the sealed data too; closing only the hashes.
                let done = sqlx::query(if sealed_too {
                    "UPDATE signatures SET sealed = NULL, email_hash = NULL WHERE petition = $1 AND (sealed IS NOT NULL OR email_hash IS NOT NULL)"
                } else {
                    "UPDATE signatures SET email_hash = NULL WHERE petition = $1 AND email_hash IS NOT NULL"
                })
                .bind(petition)
                .execute(&mut *tx)
                .await?;
                sqlx::query(
                    "UPDATE petitions SET hashes_cleared_at = COALESCE(hashes_cleared_at, $1),
                            purged_at = CASE WHEN $3 THEN $1 ELSE purged_at END
                     WHERE id = $2",
                )
                .bind(now)
                .bind(petition)
                .bind(sealed_too)
                .execute(&mut *tx)
                .await?;
                changes.cleared.push(petition);
                changes.deleted += done.rows_affected();
                replies.push(Reply::Count(reply, done.rows_affected()));
            }
        }
    }

    $record(&mut tx, counts, days).await?;
    tx.commit().await?;
    Ok(())
}
    };
}

other_jobs_fn!(other_jobs_sqlite, sqlx::Sqlite, record_counts_sqlite);
other_jobs_fn!(other_jobs_postgres, sqlx::Postgres, record_counts_postgres);

/// Applies counter and per-day changes of confirmed signatures.
macro_rules! record_counts_fn {
    ($name:ident, $db:ty) => {
        pub(super) async fn $name(
            tx: &mut sqlx::Transaction<'_, $db>,
            counts: HashMap<i64, i64>,
            days: HashMap<(i64, String), i64>,
        ) -> Result<(), StoreError> {
            // In one order, so that processes sharing a database never wait
            // for each other's rows in a cycle.
            let mut counts: Vec<_> = counts.into_iter().filter(|(_, d)| *d != 0).collect();
            counts.sort_unstable();
            let mut days: Vec<_> = days.into_iter().filter(|(_, d)| *d != 0).collect();
            days.sort_unstable();
            for (petition, delta) in counts {
                sqlx::query("UPDATE petitions SET confirmed = confirmed + $1 WHERE id = $2")
                    .bind(delta)
                    .bind(petition)
                    .execute(&mut **tx)
                    .await?;
            }
            for ((petition, day), delta) in days {
                sqlx::query(
                    "INSERT INTO signature_days (petition, day, confirmed) VALUES ($1, $2, $3)
                     ON CONFLICT (petition, day) DO UPDATE SET confirmed = signature_days.confirmed + excluded.confirmed",
                )
                .bind(petition)
                .bind(day)
                .bind(delta)
                .execute(&mut **tx)
                .await?;
            }
            Ok(())
        }
    };
}

record_counts_fn!(record_counts_sqlite, sqlx::Sqlite);
record_counts_fn!(record_counts_postgres, sqlx::Postgres);
