//! Signatures, their counts, and the outbox.
//!
//! Every change to signatures goes through one writer task that commits
//! whatever has queued up in one transaction (group commit): one fsync for
//! hundreds of signatures, and a request is answered only after its commit.
//! The one-signature-per-address rule is kept by that writer in memory on
//! SQLite (one process; the index is rebuilt from the table at start) and by
//! a unique index on PostgreSQL (shared by several processes).

use std::collections::HashMap;

use futures_util::TryStreamExt;
use sqlx::{QueryBuilder, Row};
use tokio::sync::{mpsc, oneshot};

use super::{Erase, Store, StoreError, on_pool};

/// Largest number of signatures in one INSERT statement (SQLite allows
/// 32,766 bound values; eight per row).
const ROWS_PER_STATEMENT: usize = 400;
/// Largest number of jobs committed together.
const MAX_BATCH: usize = 4000;

pub struct NewSignature {
    pub petition: i64,
    /// Rounded by the caller (to the hour): stored times are coarse.
    pub created_at: i64,
    pub public_name: Option<String>,
    /// Keyed hash of the normalised address; `None` on anonymous petitions,
    /// which are confirmed from the start.
    pub email_hash: Option<[u8; 32]>,
    pub epoch: i64,
    pub epoch_header: std::sync::Arc<str>,
    pub sealed: Vec<u8>,
    /// What to send once the signature has its place: opaque to the store.
    pub mail: Option<Box<dyn MailDraft>>,
}

/// A stored signature as a link names it: its id and its epoch (random, so
/// a link cannot name another row that got the same id).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SignatureRef {
    pub id: i64,
    pub epoch: i64,
}

/// Where a signature ended up.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Placed {
    New(SignatureRef),
    /// The address had signed this petition already.
    Existing {
        signature: SignatureRef,
        confirmed: bool,
    },
}

/// A message the writer turns into an outbox row once it knows the
/// signature's place, so links can name it; `None` when nothing is to be sent.
pub trait MailDraft: Send {
    fn seal(&self, placed: Placed) -> Option<Vec<u8>>;
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Confirmed {
    Now,
    Already,
    NotFound,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Withdrawn {
    Now,
    /// Already withdrawn or removed.
    Gone,
    /// The petition's data was purged by retention: links no longer act.
    Expired,
}

/// What a link may act on: the signature, and when the link was issued (a
/// row created after that is not the one the link was made for).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LinkTarget {
    pub signature: SignatureRef,
    pub issued: i64,
}

enum Job {
    Sign(NewSignature, oneshot::Sender<Result<Placed, String>>),
    Confirm(LinkTarget, i64, oneshot::Sender<Result<Confirmed, String>>),
    Withdraw(LinkTarget, oneshot::Sender<Result<Withdrawn, String>>),
    ExpirePending(i64, oneshot::Sender<Result<u64, String>>),
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
            Job::Sign(..) | Job::Confirm(..) => None,
        }
    }
}

/// The handle through which everything writes signatures.
#[derive(Clone)]
pub struct SignatureWriter {
    jobs: mpsc::Sender<Job>,
}

#[derive(Debug, thiserror::Error)]
pub enum WriteError {
    #[error("the signature writer has stopped")]
    Stopped,
    #[error("saving failed: {0}")]
    Failed(String),
}

impl From<StoreError> for WriteError {
    fn from(e: StoreError) -> Self {
        WriteError::Failed(e.to_string())
    }
}

impl SignatureWriter {
    /// Starts the writer on `runtime`; on SQLite it first rebuilds the
    /// address index.
    pub async fn start(
        store: Store,
        runtime: &tokio::runtime::Handle,
    ) -> Result<SignatureWriter, StoreError> {
        let dedup = match &store {
            Store::Sqlite(_) => Some(AddressIndex::load(&store).await?),
            Store::Postgres(_) => None,
        };
        // Bounded: under overload, requests wait here instead of eating memory.
        let (jobs, rx) = mpsc::channel(MAX_BATCH * 4);
        drop(runtime.spawn(run(store, dedup, rx)));
        Ok(SignatureWriter { jobs })
    }

    async fn ask<T>(
        &self,
        job: impl FnOnce(oneshot::Sender<Result<T, String>>) -> Job,
    ) -> Result<T, WriteError> {
        let (tx, rx) = oneshot::channel();
        self.jobs
            .send(job(tx))
            .await
            .map_err(|_| WriteError::Stopped)?;
        rx.await
            .map_err(|_| WriteError::Stopped)?
            .map_err(WriteError::Failed)
    }

    /// Stores a signature durably; returns once it is committed.
    pub async fn sign(&self, signature: NewSignature) -> Result<Placed, WriteError> {
        self.ask(|tx| Job::Sign(signature, tx)).await
    }

    /// Confirms at `now` (rounded by the caller).
    pub async fn confirm(&self, target: LinkTarget, now: i64) -> Result<Confirmed, WriteError> {
        self.ask(|tx| Job::Confirm(target, now, tx)).await
    }

    /// Deletes a signature and its data.
    pub async fn withdraw(&self, target: LinkTarget) -> Result<Withdrawn, WriteError> {
        self.ask(|tx| Job::Withdraw(target, tx)).await
    }

    /// Clears the keyed address hashes of a petition that no longer takes
    /// signatures; returns how many were cleared.
    pub async fn clear_hashes(&self, petition: i64, now: i64) -> Result<u64, WriteError> {
        self.ask(|reply| Job::Forget {
            petition,
            now,
            sealed_too: false,
            reply,
        })
        .await
    }

    /// Deletes unconfirmed signatures made before `cutoff`.
    pub async fn expire_pending(&self, cutoff: i64) -> Result<u64, WriteError> {
        self.ask(|tx| Job::ExpirePending(cutoff, tx)).await
    }

    /// Deletes the sealed data of a petition's signatures (retention).
    pub async fn purge_sealed(&self, petition: i64, now: i64) -> Result<u64, WriteError> {
        self.ask(|reply| Job::Forget {
            petition,
            now,
            sealed_too: true,
            reply,
        })
        .await
    }
}

/// SQLite only: which addresses signed which petition, and the next id.
struct AddressIndex {
    by_petition: HashMap<i64, HashMap<u128, i64>>,
    next_id: i64,
}

fn hash_key(hash: &[u8]) -> u128 {
    let mut first = [0u8; 16];
    first.copy_from_slice(&hash[..16.min(hash.len())]);
    u128::from_be_bytes(first)
}

impl AddressIndex {
    async fn load(store: &Store) -> Result<Self, StoreError> {
        let Store::Sqlite(pool) = store else {
            return Err(StoreError::Unsupported(
                "the address index is for SQLite".into(),
            ));
        };
        let mut by_petition: HashMap<i64, HashMap<u128, i64>> = HashMap::new();
        let mut rows = sqlx::query(
            "SELECT petition, email_hash, id FROM signatures WHERE email_hash IS NOT NULL",
        )
        .fetch(pool);
        while let Some(row) = rows.try_next().await? {
            let hash: Vec<u8> = row.try_get(1)?;
            by_petition
                .entry(row.try_get(0)?)
                .or_default()
                .insert(hash_key(&hash), row.try_get(2)?);
        }
        // Never below an id once handed out, even if its row was deleted.
        let max: Option<i64> = sqlx::query_scalar("SELECT MAX(id) FROM signatures")
            .fetch_one(pool)
            .await?;
        let counter: Option<i64> =
            sqlx::query_scalar("SELECT next FROM id_counters WHERE name = 'signatures'")
                .fetch_optional(pool)
                .await?;
        Ok(AddressIndex {
            by_petition,
            next_id: (max.unwrap_or(0) + 1).max(counter.unwrap_or(1)),
        })
    }
}

async fn run(store: Store, mut dedup: Option<AddressIndex>, mut rx: mpsc::Receiver<Job>) {
    let mut buffer = Vec::with_capacity(MAX_BATCH);
    while rx.recv_many(&mut buffer, MAX_BATCH).await > 0 {
        let jobs = std::mem::take(&mut buffer);
        commit_batch(&store, &mut dedup, jobs).await;
    }
}

/// Replies held until the batch's fate is known.
enum Reply {
    Sign(oneshot::Sender<Result<Placed, String>>, Placed),
    Confirm(oneshot::Sender<Result<Confirmed, String>>, Confirmed),
    Withdraw(oneshot::Sender<Result<Withdrawn, String>>, Withdrawn),
    Count(oneshot::Sender<Result<u64, String>>, u64),
}

impl Reply {
    fn send(self) {
        // A client that went away no longer needs its answer.
        match self {
            Reply::Sign(tx, v) => drop(tx.send(Ok(v))),
            Reply::Confirm(tx, v) => drop(tx.send(Ok(v))),
            Reply::Withdraw(tx, v) => drop(tx.send(Ok(v))),
            Reply::Count(tx, v) => drop(tx.send(Ok(v))),
        }
    }

    fn fail(self, e: &str) {
        match self {
            Reply::Sign(tx, _) => drop(tx.send(Err(e.to_string()))),
            Reply::Confirm(tx, _) => drop(tx.send(Err(e.to_string()))),
            Reply::Withdraw(tx, _) => drop(tx.send(Err(e.to_string()))),
            Reply::Count(tx, _) => drop(tx.send(Err(e.to_string()))),
        }
    }
}

/// Changes to the address index, applied only if the batch commits.
#[derive(Default)]
struct IndexChanges {
    added: Vec<(i64, u128, i64)>,
    removed: Vec<(i64, u128)>,
    /// Petitions whose hashes were all cleared.
    cleared: Vec<i64>,
    next_id: Option<i64>,
}

fn day_of(ts: i64) -> String {
    chrono::DateTime::from_timestamp(ts, 0)
        .map(|t| t.date_naive().to_string())
        .unwrap_or_else(|| "1970-01-01".to_string())
}

async fn commit_batch(store: &Store, dedup: &mut Option<AddressIndex>, jobs: Vec<Job>) {
    let erase = jobs.iter().filter_map(Job::erases).max();
    let mut changes = IndexChanges::default();
    let mut replies = Vec::with_capacity(jobs.len());
    let result = match store {
        Store::Sqlite(pool) => {
            apply_sqlite(pool, dedup.as_ref(), jobs, &mut changes, &mut replies).await
        }
        Store::Postgres(pool) => {
            apply_postgres(pool, dedup.as_ref(), jobs, &mut changes, &mut replies).await
        }
    };
    match result {
        Ok(()) => {
            if let Some(index) = dedup.as_mut() {
                for (petition, key, id) in changes.added {
                    index
                        .by_petition
                        .entry(petition)
                        .or_default()
                        .insert(key, id);
                }
                for (petition, key) in changes.removed {
                    if let Some(m) = index.by_petition.get_mut(&petition) {
                        m.remove(&key);
                    }
                }
                for petition in changes.cleared {
                    index.by_petition.remove(&petition);
                }
                if let Some(next) = changes.next_id {
                    index.next_id = next;
                }
            }
            // Deleted data leaves the files before anyone is told it is gone.
            if let Some(how) = erase
                && let Err(e) = store.erase(how).await
            {
                tracing::warn!(error = %e, "could not erase deleted data from the database files; will try after the next deletion");
            }
            replies.into_iter().for_each(Reply::send);
        }
        Err(e) => {
            tracing::error!(error = %e, "a batch of signature changes failed; nothing of it was saved");
            let message = e.to_string();
            replies.into_iter().for_each(|r| r.fail(&message));
        }
    }
}

/// Everything of one batch, in one transaction: one body, compiled for each
/// backend, differing only in how an address already there is detected.
macro_rules! batch_fn {
    ($name:ident, $pool:ty, $db:ty) => {
        async fn $name(
            pool: &$pool,
            dedup: Option<&AddressIndex>,
            jobs: Vec<Job>,
            changes: &mut IndexChanges,
            replies: &mut Vec<Reply>,
        ) -> Result<(), StoreError> {
    let mut tx = pool.begin().await?;
    let mut signs = Vec::new();
    let mut others = Vec::new();
    for job in jobs {
        match job {
            Job::Sign(s, reply) => signs.push((s, reply)),
            other => others.push(other),
        }
    }
    // Counter and per-day changes of confirmed signatures, applied at the end.
    let mut counts: HashMap<i64, i64> = HashMap::new();
    let mut days: HashMap<(i64, String), i64> = HashMap::new();

    if !signs.is_empty() {
        // Decide each signature's place. SQLite: from the in-memory index.
        // PostgreSQL: ids from the sequence, conflicts from the unique index.
        let mut placed: Vec<Option<Placed>> = vec![None; signs.len()];
        // Earlier signatures of the same address, by id, to be looked up.
        let mut existing: Vec<Option<i64>> = vec![None; signs.len()];
        let ids: Vec<i64> = match dedup {
            Some(index) => {
                let mut next = index.next_id;
                let mut seen_here: HashMap<(i64, u128), i64> = HashMap::new();
                let mut ids = Vec::with_capacity(signs.len());
                for (i, (s, _)) in signs.iter().enumerate() {
                    if let Some(hash) = &s.email_hash {
                        let key = hash_key(hash);
                        let known = index
                            .by_petition
                            .get(&s.petition)
                            .and_then(|m| m.get(&key))
                            .or_else(|| seen_here.get(&(s.petition, key)))
                            .copied();
                        if let Some(id) = known {
                            existing[i] = Some(id);
                            ids.push(0);
                            continue;
                        }
                        seen_here.insert((s.petition, key), next);
                        changes.added.push((s.petition, key, next));
                    }
                    ids.push(next);
                    next += 1;
                }
                changes.next_id = Some(next);
                sqlx::query("UPDATE id_counters SET next = $1 WHERE name = 'signatures'")
                    .bind(next)
                    .execute(&mut *tx)
                    .await?;
                ids
            }
            None => {
                let n = i64::try_from(signs.len()).unwrap_or(i64::MAX);
                sqlx::query_scalar(
                    "SELECT nextval(pg_get_serial_sequence('signatures', 'id')) FROM generate_series(1, $1)",
                )
                .bind(n)
                .fetch_all(&mut *tx)
                .await?
            }
        };

        let fresh: Vec<usize> = (0..signs.len()).filter(|i| existing[*i].is_none()).collect();
        let epochs: HashMap<i64, (&str, i64)> = fresh
            .iter()
            .map(|&i| &signs[i].0)
            .map(|s| (s.epoch, (&*s.epoch_header, s.created_at)))
            .collect();
        for (id, (header, created)) in &epochs {
            sqlx::query("INSERT INTO seal_epochs (id, header, created_at) VALUES ($1, $2, $3) ON CONFLICT (id) DO NOTHING")
                .bind(*id)
                .bind(*header)
                .bind(*created)
                .execute(&mut *tx)
                .await?;
        }

        let mut inserted: std::collections::HashSet<i64> = std::collections::HashSet::new();
        for chunk in fresh.chunks(ROWS_PER_STATEMENT) {
            let mut qb: QueryBuilder<$db> = QueryBuilder::new(
                "INSERT INTO signatures (id, petition, created_at, confirmed_at, public_name, email_hash, epoch, sealed) ",
            );
            qb.push_values(chunk.iter(), |mut row, &i| {
                let s = &signs[i].0;
                row.push_bind(ids[i])
                    .push_bind(s.petition)
                    .push_bind(s.created_at)
                    .push_bind(if s.email_hash.is_none() { Some(s.created_at) } else { None })
                    .push_bind(s.public_name.clone())
                    .push_bind(s.email_hash.map(|h| h.to_vec()))
                    .push_bind(s.epoch)
                    .push_bind(s.sealed.clone());
            });
            if dedup.is_none() {
                qb.push(" ON CONFLICT (petition, email_hash) DO NOTHING RETURNING id");
                let returned: Vec<i64> = qb.build_query_scalar().fetch_all(&mut *tx).await?;
                inserted.extend(returned);
            } else {
                qb.build().execute(&mut *tx).await?;
                inserted.extend(chunk.iter().map(|&i| ids[i]));
            }
        }
        for &i in &fresh {
            let s = &signs[i].0;
            if inserted.contains(&ids[i]) {
                placed[i] = Some(Placed::New(SignatureRef { id: ids[i], epoch: s.epoch }));
                if s.email_hash.is_none() {
                    *counts.entry(s.petition).or_default() += 1;
                    *days.entry((s.petition, day_of(s.created_at))).or_default() += 1;
                }
            } else if let Some(hash) = s.email_hash {
                // PostgreSQL: another signature with this address got there
                // first. Another process may withdraw it meanwhile: then this
                // one takes the place after all, tried again a few times.
                let (petition, created_at, epoch) = (s.petition, s.created_at, s.epoch);
                let (public_name, sealed) = (s.public_name.clone(), s.sealed.clone());
                let mut attempts = 0;
                placed[i] = loop {
                    attempts += 1;
                    let found: Option<(i64, i64, Option<i64>)> = sqlx::query_as(
                        "SELECT id, epoch, confirmed_at FROM signatures WHERE petition = $1 AND email_hash = $2",
                    )
                    .bind(petition)
                    .bind(hash.to_vec())
                    .fetch_optional(&mut *tx)
                    .await?;
                    if let Some((id, epoch, confirmed_at)) = found {
                        break Some(Placed::Existing {
                            signature: SignatureRef { id, epoch },
                            confirmed: confirmed_at.is_some(),
                        });
                    }
                    let taken: Option<i64> = sqlx::query_scalar(
                        "INSERT INTO signatures (id, petition, created_at, confirmed_at, public_name, email_hash, epoch, sealed)
                         VALUES ($1, $2, $3, NULL, $4, $5, $6, $7)
                         ON CONFLICT (petition, email_hash) DO NOTHING RETURNING id",
                    )
                    .bind(ids[i])
                    .bind(petition)
                    .bind(created_at)
                    .bind(public_name.clone())
                    .bind(hash.to_vec())
                    .bind(epoch)
                    .bind(sealed.clone())
                    .fetch_optional(&mut *tx)
                    .await?;
                    if taken.is_some() {
                        break Some(Placed::New(SignatureRef { id: ids[i], epoch }));
                    }
                    if attempts >= 5 {
                        return Err(StoreError::Corrupt("a signature's address kept changing hands".into()));
                    }
                };
            }
        }
        // SQLite: what the index named. Whether the earlier signature is
        // confirmed decides what its owner is told.
        for (i, id) in existing.iter().enumerate() {
            if let Some(id) = id {
                let (epoch, confirmed_at): (i64, Option<i64>) =
                    sqlx::query_as("SELECT epoch, confirmed_at FROM signatures WHERE id = $1")
                        .bind(*id)
                        .fetch_one(&mut *tx)
                        .await?;
                placed[i] = Some(Placed::Existing {
                    signature: SignatureRef { id: *id, epoch },
                    confirmed: confirmed_at.is_some(),
                });
            }
        }

        let mut outbox: Vec<Vec<u8>> = Vec::new();
        for (i, (s, _)) in signs.iter().enumerate() {
            if let (Some(draft), Some(p)) = (&s.mail, placed[i])
                && let Some(sealed) = draft.seal(p)
            {
                outbox.push(sealed);
            }
        }
        let created = signs.first().map(|(s, _)| s.created_at).unwrap_or_default();
        for chunk in outbox.chunks(ROWS_PER_STATEMENT) {
            let mut qb: QueryBuilder<$db> =
                QueryBuilder::new("INSERT INTO outbox (sealed, attempts, next_attempt_at, created_at) ");
            // Due at once (0): an exact time would date the signature.
            qb.push_values(chunk.iter(), |mut row, sealed| {
                row.push_bind(sealed.clone()).push_bind(0i64).push_bind(0i64).push_bind(created);
            });
            qb.build().execute(&mut *tx).await?;
        }
        for ((_, reply), p) in signs.into_iter().zip(placed) {
            let p = p.ok_or_else(|| StoreError::Corrupt("a signature was not placed".into()))?;
            replies.push(Reply::Sign(reply, p));
        }
    }

    for job in others {
        match job {
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
                            changes.removed.push((petition, hash_key(&hash)));
                        }
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
                    "DELETE FROM signatures WHERE confirmed_at IS NULL AND created_at < $1 RETURNING petition, email_hash",
                )
                .bind(cutoff)
                .fetch_all(&mut *tx)
                .await?;
                for row in &rows {
                    let petition: i64 = row.try_get(0)?;
                    let hash: Option<Vec<u8>> = row.try_get(1)?;
                    if let Some(hash) = hash {
                        changes.removed.push((petition, hash_key(&hash)));
                    }
                }
                replies.push(Reply::Count(reply, rows.len() as u64));
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
                replies.push(Reply::Count(reply, done.rows_affected()));
            }
        }
    }

    for (petition, delta) in counts.into_iter().filter(|(_, d)| *d != 0) {
        sqlx::query("UPDATE petitions SET confirmed = confirmed + $1 WHERE id = $2")
            .bind(delta)
            .bind(petition)
            .execute(&mut *tx)
            .await?;
    }
    for ((petition, day), delta) in days.into_iter().filter(|(_, d)| *d != 0) {
        sqlx::query(
            "INSERT INTO signature_days (petition, day, confirmed) VALUES ($1, $2, $3)
             ON CONFLICT (petition, day) DO UPDATE SET confirmed = signature_days.confirmed + excluded.confirmed",
        )
        .bind(petition)
        .bind(day)
        .bind(delta)
        .execute(&mut *tx)
        .await?;
    }
    tx.commit().await?;
    Ok(())
}
    };
}

batch_fn!(apply_sqlite, sqlx::SqlitePool, sqlx::Sqlite);
batch_fn!(apply_postgres, sqlx::PgPool, sqlx::Postgres);

/// A petition's row id, and its counter.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PetitionRow {
    pub id: i64,
    pub confirmed: i64,
    pub purged: bool,
    /// Its keyed address hashes were cleared (it closed).
    pub hashes_cleared: bool,
}

/// A public name in the list of signers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PublicSigner {
    /// For the next page's cursor.
    pub id: i64,
    pub name: String,
    pub confirmed_at: i64,
}

/// One signature as exported for the organisers: the age file of its data.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExportedSignature {
    pub id: i64,
    pub created_at: i64,
    pub confirmed_at: Option<i64>,
    pub header: Option<String>,
    pub sealed: Option<Vec<u8>>,
}

/// A message taken from the outbox for sending.
pub struct OutboxItem {
    pub id: i64,
    pub sealed: Vec<u8>,
    pub attempts: i64,
}

/// A counter that disagreed with its rows, and was fixed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Drift {
    pub petition: i64,
    pub stored: i64,
    pub counted: i64,
}

impl Store {
    /// Petition rows by (campaign, petition slug).
    pub async fn petitions(&self) -> Result<HashMap<(String, String), PetitionRow>, StoreError> {
        /// campaign, slug, id, confirmed, purged_at, hashes_cleared_at
        type Columns = (String, String, i64, i64, Option<i64>, Option<i64>);
        let rows: Vec<Columns> = on_pool!(self, |pool| {
            sqlx::query_as(
                "SELECT campaign, slug, id, confirmed, purged_at, hashes_cleared_at FROM petitions",
            )
            .fetch_all(pool)
            .await?
        });
        Ok(rows
            .into_iter()
            .map(|(campaign, slug, id, confirmed, purged, cleared)| {
                (
                    (campaign, slug),
                    PetitionRow {
                        id,
                        confirmed,
                        purged: purged.is_some(),
                        hashes_cleared: cleared.is_some(),
                    },
                )
            })
            .collect())
    }

    /// Confirmed signatures per petition id: cheap, for live counts.
    pub async fn petition_counts(&self) -> Result<HashMap<i64, i64>, StoreError> {
        let rows: Vec<(i64, i64)> = on_pool!(self, |pool| {
            sqlx::query_as("SELECT id, confirmed FROM petitions")
                .fetch_all(pool)
                .await?
        });
        Ok(rows.into_iter().collect())
    }

    /// Newest first: up to `limit` public names with ids below `before`.
    /// Walks only the index of public signers, so its cost does not grow
    /// with the number of signatures (nor with how deep the page is).
    pub async fn public_signers(
        &self,
        petition: i64,
        before: Option<i64>,
        limit: i64,
    ) -> Result<Vec<PublicSigner>, StoreError> {
        let rows: Vec<(i64, String, i64)> = on_pool!(self, |pool| {
            sqlx::query_as(
                "SELECT id, public_name, confirmed_at FROM signatures
                 WHERE petition = $1 AND confirmed_at IS NOT NULL AND public_name IS NOT NULL AND id < $2
                 ORDER BY id DESC LIMIT $3",
            )
            .bind(petition)
            .bind(before.unwrap_or(i64::MAX))
            .bind(limit)
            .fetch_all(pool)
            .await?
        });
        Ok(rows
            .into_iter()
            .map(|(id, name, confirmed_at)| PublicSigner {
                id,
                name,
                confirmed_at,
            })
            .collect())
    }

    /// The campaign and petition slugs of the signature a link names.
    pub async fn signature_petition(
        &self,
        signature: SignatureRef,
    ) -> Result<Option<(String, String)>, StoreError> {
        Ok(on_pool!(self, |pool| {
            sqlx::query_as(
                "SELECT p.campaign, p.slug FROM signatures s JOIN petitions p ON p.id = s.petition
                 WHERE s.id = $1 AND s.epoch = $2",
            )
            .bind(signature.id)
            .bind(signature.epoch)
            .fetch_optional(pool)
            .await?
        }))
    }

    /// Confirmed signatures per day, oldest first.
    pub async fn signature_days(
        &self,
        petition: i64,
    ) -> Result<Vec<(chrono::NaiveDate, i64)>, StoreError> {
        let rows: Vec<(String, i64)> = on_pool!(self, |pool| {
            sqlx::query_as(
                "SELECT day, confirmed FROM signature_days WHERE petition = $1 ORDER BY day",
            )
            .bind(petition)
            .fetch_all(pool)
            .await?
        });
        rows.into_iter()
            .map(|(day, n)| {
                day.parse()
                    .map(|d| (d, n))
                    .map_err(|_| StoreError::Corrupt(format!("signature day '{day}'")))
            })
            .collect()
    }

    /// Streams a petition's signatures to `sink` in id order, in constant memory.
    pub async fn export_signatures(
        &self,
        petition: i64,
        mut sink: impl FnMut(ExportedSignature) -> Result<(), StoreError>,
    ) -> Result<u64, StoreError> {
        let mut n = 0u64;
        on_pool!(self, |pool| {
            let mut rows = sqlx::query(
                "SELECT s.id, s.created_at, s.confirmed_at, e.header, s.sealed FROM signatures s
                 LEFT JOIN seal_epochs e ON e.id = s.epoch WHERE s.petition = $1 ORDER BY s.id",
            )
            .bind(petition)
            .fetch(pool);
            while let Some(row) = rows.try_next().await? {
                sink(ExportedSignature {
                    id: row.try_get(0)?,
                    created_at: row.try_get(1)?,
                    confirmed_at: row.try_get(2)?,
                    header: row.try_get(3)?,
                    sealed: row.try_get(4)?,
                })?;
                n += 1;
            }
        });
        Ok(n)
    }

    /// How many signatures a petition has, confirmed or not.
    pub async fn signature_total(&self, petition: i64) -> Result<i64, StoreError> {
        Ok(on_pool!(self, |pool| {
            sqlx::query_scalar("SELECT COUNT(*) FROM signatures WHERE petition = $1")
                .bind(petition)
                .fetch_one(pool)
                .await?
        }))
    }

    /// Compares every stored counter with its rows and fixes those that drifted.
    pub async fn recount(&self) -> Result<Vec<Drift>, StoreError> {
        let rows: Vec<(i64, i64, i64)> = on_pool!(self, |pool| {
            sqlx::query_as(
                "SELECT p.id, p.confirmed,
                        (SELECT COUNT(*) FROM signatures s WHERE s.petition = p.id AND s.confirmed_at IS NOT NULL)
                 FROM petitions p",
            )
            .fetch_all(pool)
            .await?
        });
        let drifts: Vec<Drift> = rows
            .into_iter()
            .filter(|(_, stored, counted)| stored != counted)
            .map(|(petition, stored, counted)| Drift {
                petition,
                stored,
                counted,
            })
            .collect();
        for d in &drifts {
            on_pool!(self, |pool| {
                sqlx::query("UPDATE petitions SET confirmed = $1 WHERE id = $2")
                    .bind(d.counted)
                    .bind(d.petition)
                    .execute(pool)
                    .await?;
            });
        }
        Ok(drifts)
    }

    /// Takes up to `limit` due messages, leasing them until `lease_until` so
    /// that another process does not send them too.
    pub async fn claim_outbox(
        &self,
        now: i64,
        lease_until: i64,
        limit: i64,
    ) -> Result<Vec<OutboxItem>, StoreError> {
        let rows: Vec<(i64, Vec<u8>, i64)> = match self {
            Store::Sqlite(pool) => {
                sqlx::query_as(
                    "UPDATE outbox SET next_attempt_at = $1 WHERE id IN
                       (SELECT id FROM outbox WHERE next_attempt_at <= $2 ORDER BY id LIMIT $3)
                     RETURNING id, sealed, attempts",
                )
                .bind(lease_until)
                .bind(now)
                .bind(limit)
                .fetch_all(pool)
                .await?
            }
            // SKIP LOCKED: processes sharing the outbox never take the same rows.
            Store::Postgres(pool) => {
                sqlx::query_as(
                    "UPDATE outbox SET next_attempt_at = $1 WHERE id IN
                       (SELECT id FROM outbox WHERE next_attempt_at <= $2 ORDER BY id LIMIT $3 FOR UPDATE SKIP LOCKED)
                     RETURNING id, sealed, attempts",
                )
                .bind(lease_until)
                .bind(now)
                .bind(limit)
                .fetch_all(pool)
                .await?
            }
        };
        Ok(rows
            .into_iter()
            .map(|(id, sealed, attempts)| OutboxItem {
                id,
                sealed,
                attempts,
            })
            .collect())
    }

    /// Sent, or given up: the message and the address in it are gone.
    pub async fn delete_outbox(&self, id: i64) -> Result<(), StoreError> {
        on_pool!(self, |pool| {
            sqlx::query("DELETE FROM outbox WHERE id = $1")
                .bind(id)
                .execute(pool)
                .await?;
        });
        Ok(())
    }

    pub async fn retry_outbox(
        &self,
        id: i64,
        attempts: i64,
        next_attempt_at: i64,
    ) -> Result<(), StoreError> {
        on_pool!(self, |pool| {
            sqlx::query("UPDATE outbox SET attempts = $1, next_attempt_at = $2 WHERE id = $3")
                .bind(attempts)
                .bind(next_attempt_at)
                .bind(id)
                .execute(pool)
                .await?;
        });
        Ok(())
    }

    pub async fn outbox_len(&self) -> Result<i64, StoreError> {
        Ok(on_pool!(self, |pool| {
            sqlx::query_scalar("SELECT COUNT(*) FROM outbox")
                .fetch_one(pool)
                .await?
        }))
    }
}
