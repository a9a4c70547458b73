//! Signatures, their counts, and the outbox.
//!
//! Every change to signatures goes through one writer task that commits
//! whatever has queued up in one transaction (group commit): one fsync for
//! hundreds of signatures, and a request is answered only after its commit.
//! The one-signature-per-address rule is kept by that writer in memory on
//! SQLite (one process; the index is rebuilt from the table at start) and by
//! a unique index on PostgreSQL (shared by several processes). On
//! PostgreSQL a batch of new signatures is one statement (its own
//! transaction); the repeats among them, if any, follow in a second.

mod address_table;
mod checkpointer;
mod placing;
mod writer;

use crate::store::BeginWrite;
use std::collections::HashMap;

use futures_util::TryStreamExt;
use sqlx::Row;
use tokio::sync::{mpsc, oneshot};

use super::letters::NewLetter;
use super::{Store, StoreError, on_pool};
use writer::{AddressIndex, Job};

/// Largest number of signatures in one INSERT statement (SQLite allows
/// 32,766 bound values; eight per row).
pub(super) const ROWS_PER_STATEMENT: usize = 400;
/// Largest number of jobs committed together.
pub(super) const MAX_BATCH: usize = 4000;

/// Signatures sealed to the same organiser keys, one after another.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SealingPeriod {
    pub keys: Option<Vec<String>>,
    /// Hours (Unix seconds) of the first and last of them.
    pub from: i64,
    pub until: i64,
    pub signatures: i64,
}

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
    /// The organiser keys that header opens to, space-separated.
    pub epoch_recipients: std::sync::Arc<str>,
    pub sealed: Vec<u8>,
    /// What to send once the signature has its place: opaque to the store.
    pub mail: Option<Box<dyn MailDraft>>,
    /// The id reserved for it, and its mail for that place already sealed,
    /// used if the address had not signed (see `IdReservations`).
    pub reserved: Option<Reserved>,
}

pub struct Reserved {
    pub id: i64,
    pub mail_if_new: Option<Vec<u8>>,
}

/// Ids handed out before the writer sees a signature, so that its mail (the
/// costliest part of storing it: text, links, sealing) is made on the
/// signing threads in parallel instead of in the one writer. An id whose
/// signature turns out to be a repeat is left unused; ids are never reused.
#[derive(Clone)]
pub struct IdReservations(std::sync::Arc<Ids>);

enum Ids {
    /// SQLite: this process alone numbers signatures; the writer stores the
    /// counter with every batch.
    Counter(std::sync::atomic::AtomicI64),
    /// PostgreSQL: ids drawn by the writer from the shared sequence, a block
    /// at a time, so that processes sharing the database never hand out the
    /// same id.
    Drawn(std::sync::Mutex<std::collections::VecDeque<i64>>),
}

/// PostgreSQL: the writer draws this many ids when fewer than half are left.
const DRAWN_AT_ONCE: usize = 512;

impl IdReservations {
    fn starting_at(next: i64) -> Self {
        IdReservations(std::sync::Arc::new(Ids::Counter(
            std::sync::atomic::AtomicI64::new(next),
        )))
    }

    fn drawn() -> Self {
        IdReservations(std::sync::Arc::new(Ids::Drawn(Default::default())))
    }

    /// An id for a signature about to be stored; `None` while none is at
    /// hand (the writer then numbers the signature itself).
    pub fn reserve(&self) -> Option<i64> {
        match &*self.0 {
            Ids::Counter(next) => Some(next.fetch_add(1, std::sync::atomic::Ordering::Relaxed)),
            // A poisoned lock only costs the reservation.
            Ids::Drawn(ids) => ids.lock().ok()?.pop_front(),
        }
    }

    /// SQLite: the next id to hand out, above every id reserved so far.
    fn next(&self) -> Option<i64> {
        match &*self.0 {
            Ids::Counter(next) => Some(next.load(std::sync::atomic::Ordering::Relaxed)),
            Ids::Drawn(_) => None,
        }
    }

    /// PostgreSQL: how many ids to draw for the signing threads now; zero
    /// while enough are left.
    fn to_draw(&self) -> usize {
        match &*self.0 {
            Ids::Counter(_) => 0,
            Ids::Drawn(ids) => {
                let left = ids.lock().map_or(0, |ids| ids.len());
                if left < DRAWN_AT_ONCE / 2 {
                    DRAWN_AT_ONCE
                } else {
                    0
                }
            }
        }
    }

    /// PostgreSQL: ids drawn for the signing threads.
    fn add(&self, drawn: impl IntoIterator<Item = i64>) {
        if let Ids::Drawn(ids) = &*self.0
            && let Ok(mut ids) = ids.lock()
        {
            ids.extend(drawn);
        }
    }
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
pub trait MailDraft: Send + Sync {
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

/// Asked by the writer after each batch how long to let signatures gather
/// before the next (see `petition::background`).
pub trait Pacing: Send {
    /// The shortest time from the start of one batch to the start of the
    /// next; zero commits as soon as there is work.
    fn batch_interval(&mut self) -> std::time::Duration;
}

/// The handle through which everything writes signatures.
#[derive(Clone)]
pub struct SignatureWriter {
    jobs: mpsc::Sender<Job>,
    ids: IdReservations,
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

/// Unconfirmed signatures one writer job deletes at most.
pub(super) const EXPIRE_AT_ONCE: u64 = 10_000;

impl SignatureWriter {
    /// Starts the writer on the caller's runtime. On SQLite the writer
    /// first rebuilds the address index (seconds for ten million signers):
    /// pages are served meanwhile, and signatures wait for it in the queue.
    pub async fn start(
        store: Store,
        pacing: Box<dyn Pacing>,
    ) -> Result<SignatureWriter, StoreError> {
        let ids = match &store {
            Store::Sqlite(_) => AddressIndex::first_ids(&store).await?,
            Store::Postgres(_) => IdReservations::drawn(),
        };
        // Bounded: under overload, requests wait here instead of eating memory.
        let (jobs, rx) = mpsc::channel(MAX_BATCH * 4);
        drop(tokio::spawn(writer::run(store, ids.clone(), pacing, rx)));
        Ok(SignatureWriter { jobs, ids })
    }

    /// Where ids can be reserved ahead of the writer.
    pub fn id_reservations(&self) -> IdReservations {
        self.ids.clone()
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

    /// The same from a thread outside any runtime, such as a signing
    /// thread: queues the signature (waiting while the queue is full);
    /// `reply` hears where it was placed once it is committed, or is
    /// dropped if the writer has stopped.
    pub fn sign_blocking(
        &self,
        signature: NewSignature,
        reply: oneshot::Sender<Result<Placed, String>>,
    ) {
        // A refused send returns the job, and with it `reply`, dropped here.
        drop(self.jobs.blocking_send(Job::Sign(signature, reply)));
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

    /// Deletes unconfirmed signatures made before `cutoff`, a bounded
    /// number at a time (a flood of a million that never confirmed would
    /// otherwise pass through memory at once, and hold the writer).
    pub async fn expire_pending(&self, cutoff: i64) -> Result<u64, WriteError> {
        let mut removed = 0;
        loop {
            let n = self.ask(|tx| Job::ExpirePending(cutoff, tx)).await?;
            removed += n;
            if n < EXPIRE_AT_ONCE {
                return Ok(removed);
            }
        }
    }

    /// Stores a sealed letter durably, in the writer's next batch; its number.
    pub async fn add_letter(&self, letter: NewLetter) -> Result<i64, WriteError> {
        self.ask(|reply| Job::Letter(Box::new(letter), reply)).await
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

/// A petition's row id, and its counter.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PetitionRow {
    pub id: i64,
    pub confirmed: i64,
    /// Signatures added from paper (see `petition::paper`).
    pub paper: i64,
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

type ExportRow = (i64, i64, Option<i64>, Option<String>, Option<Vec<u8>>);

/// One signature as exported for the organisers: the age file of its data.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExportedSignature {
    pub id: i64,
    pub created_at: i64,
    pub confirmed_at: Option<i64>,
    pub header: Option<String>,
    pub sealed: Option<Vec<u8>>,
}

/// How many messages wait to be sent for the first time, wait for another
/// attempt after failing, and were given up since the database was made.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OutboxState {
    pub waiting: i64,
    pub retrying: i64,
    pub given_up: i64,
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
        self.petitions_since(-1).await
    }

    /// The petitions of campaigns changed after content revision `since`.
    pub async fn petitions_since(
        &self,
        since: i64,
    ) -> Result<HashMap<(String, String), PetitionRow>, StoreError> {
        /// campaign, slug, id, confirmed, paper, purged_at, hashes_cleared_at
        type Columns = (String, String, i64, i64, i64, Option<i64>, Option<i64>);
        let rows: Vec<Columns> = on_pool!(self, |pool| {
            sqlx::query_as(
                "SELECT p.campaign, p.slug, p.id, p.confirmed, p.paper, p.purged_at,
                 p.hashes_cleared_at
                 FROM petitions p JOIN campaigns c ON c.slug = p.campaign WHERE c.rev > $1",
            )
            .bind(since)
            .fetch_all(pool)
            .await?
        });
        Ok(rows
            .into_iter()
            .map(|(campaign, slug, id, confirmed, paper, purged, cleared)| {
                (
                    (campaign, slug),
                    PetitionRow {
                        id,
                        confirmed,
                        paper,
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

    /// Which organiser keys a petition's signatures are sealed to, period by
    /// period, oldest first: consecutive hours sealed to the same keys make
    /// one period. `None` keys: sealed before epochs recorded their keys.
    pub async fn sealing_periods(&self, petition: i64) -> Result<Vec<SealingPeriod>, StoreError> {
        let rows: Vec<(Option<String>, i64, i64)> = on_pool!(self, |pool| {
            sqlx::query_as(
                "SELECT e.recipients, s.created_at, COUNT(*) FROM signatures s
                 LEFT JOIN seal_epochs e ON e.id = s.epoch
                 WHERE s.petition = $1 AND s.sealed IS NOT NULL
                 GROUP BY e.recipients, s.created_at ORDER BY s.created_at",
            )
            .bind(petition)
            .fetch_all(pool)
            .await?
        });
        let mut periods: Vec<SealingPeriod> = Vec::new();
        for (keys, at, n) in rows {
            let keys = keys.map(|k| k.split_whitespace().map(str::to_string).collect());
            match periods.last_mut() {
                Some(last) if last.keys == keys => {
                    last.until = at;
                    last.signatures += n;
                }
                _ => periods.push(SealingPeriod {
                    keys,
                    from: at,
                    until: at,
                    signatures: n,
                }),
            }
        }
        Ok(periods)
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

    /// Up to `limit` of a petition's signatures with ids above `after`, in
    /// id order: a download streams the export page by page.
    pub async fn export_page(
        &self,
        petition: i64,
        after: i64,
        limit: i64,
    ) -> Result<Vec<ExportedSignature>, StoreError> {
        let rows: Vec<ExportRow> = on_pool!(self, |pool| {
            sqlx::query_as(
                "SELECT s.id, s.created_at, s.confirmed_at, e.header, s.sealed FROM signatures s
                 LEFT JOIN seal_epochs e ON e.id = s.epoch
                 WHERE s.petition = $1 AND s.id > $2 ORDER BY s.id LIMIT $3",
            )
            .bind(petition)
            .bind(after)
            .bind(limit)
            .fetch_all(pool)
            .await?
        });
        Ok(rows
            .into_iter()
            .map(
                |(id, created_at, confirmed_at, header, sealed)| ExportedSignature {
                    id,
                    created_at,
                    confirmed_at,
                    header,
                    sealed,
                },
            )
            .collect())
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

    /// Gives a message up: it is deleted, and only the count of such
    /// messages grows.
    pub async fn give_up_outbox(&self, id: i64) -> Result<(), StoreError> {
        on_pool!(self, |pool| {
            let mut tx = pool.begin_write().await?;
            let gone = sqlx::query("DELETE FROM outbox WHERE id = $1")
                .bind(id)
                .execute(&mut *tx)
                .await?
                .rows_affected();
            sqlx::query("UPDATE mail_counters SET value = value + $1 WHERE name = 'given_up'")
                .bind(i64::try_from(gone).unwrap_or_default())
                .execute(&mut *tx)
                .await?;
            tx.commit().await?;
        });
        Ok(())
    }

    /// Counts of the outbox for the workspace: never an address.
    pub async fn outbox_state(&self) -> Result<OutboxState, StoreError> {
        let (waiting, retrying): (i64, i64) = on_pool!(self, |pool| {
            sqlx::query_as(
                "SELECT COALESCE(SUM(CASE WHEN attempts = 0 THEN 1 ELSE 0 END), 0),
                        COALESCE(SUM(CASE WHEN attempts > 0 THEN 1 ELSE 0 END), 0)
                 FROM outbox",
            )
            .fetch_one(pool)
            .await?
        });
        let given_up: i64 = on_pool!(self, |pool| {
            sqlx::query_scalar("SELECT value FROM mail_counters WHERE name = 'given_up'")
                .fetch_optional(pool)
                .await?
                .unwrap_or_default()
        });
        Ok(OutboxState {
            waiting,
            retrying,
            given_up,
        })
    }

    pub async fn outbox_len(&self) -> Result<i64, StoreError> {
        Ok(on_pool!(self, |pool| {
            sqlx::query_scalar("SELECT COUNT(*) FROM outbox")
                .fetch_one(pool)
                .await?
        }))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_counter_hands_out_each_id_once_and_knows_the_next() {
        let ids = IdReservations::starting_at(7);
        assert_eq!((ids.reserve(), ids.reserve()), (Some(7), Some(8)));
        assert_eq!(ids.next(), Some(9));
        assert_eq!(ids.to_draw(), 0, "SQLite never draws");
    }

    #[test]
    fn drawn_ids_go_out_in_order_and_are_topped_up_when_half_are_gone() {
        let ids = IdReservations::drawn();
        assert_eq!(ids.reserve(), None, "none at hand before the first draw");
        assert_eq!(ids.to_draw(), DRAWN_AT_ONCE);
        let first = 1000;
        ids.add(first..first + DRAWN_AT_ONCE as i64);
        assert_eq!(ids.to_draw(), 0);
        assert_eq!(ids.next(), None, "no counter: other processes draw too");
        let taken: Vec<i64> = (0..=DRAWN_AT_ONCE / 2)
            .map_while(|_| ids.reserve())
            .collect();
        assert_eq!(taken.first(), Some(&first));
        assert!(
            taken.windows(2).all(|w| w[1] == w[0] + 1),
            "in the sequence's order"
        );
        assert_eq!(ids.to_draw(), DRAWN_AT_ONCE, "fewer than half left");
    }
}
