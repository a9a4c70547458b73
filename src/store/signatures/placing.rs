//! Storing a batch of new signatures: where each one goes (a new row, or the
//! address's earlier signature), its row, its mail, and the counts.

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};

use sqlx::pool::PoolConnection;
use sqlx::{Postgres, QueryBuilder, Sqlite};
use tokio::sync::oneshot;

use super::writer::{AddressIndex, IndexChanges, Reply, day_of, hash_key, record_counts_postgres};
use super::{NewSignature, Placed, ROWS_PER_STATEMENT, Reserved, SignatureRef};
use crate::store::StoreError;

/// A signature to store, and who waits for its place.
pub(super) type Signing = (NewSignature, oneshot::Sender<Result<Placed, String>>);

const SIGNATURE_COLUMNS: &str = "INSERT INTO signatures (id, petition, created_at, confirmed_at, public_name, email_hash, epoch, sealed) ";
const OUTBOX_COLUMNS: &str = "INSERT INTO outbox (sealed, attempts, next_attempt_at, created_at) ";

/// Where the in-memory index puts a signature.
#[derive(Clone, Copy)]
enum Slot {
    New(i64),
    /// The address signed before, as this id.
    Earlier(i64),
}

/// SQLite. The in-memory index decides every place before the database is
/// touched, so the whole batch (id counter, epochs, rows, mails, counts)
/// goes as one script in one transaction: one round trip to the database
/// thread. Under load each round trip waited about a quarter of a
/// millisecond for a CPU, and a batch used to make five.
pub(super) async fn sign_sqlite(
    conn: &mut sqlx::SqliteConnection,
    index: &AddressIndex,
    stored_epochs: &HashSet<i64>,
    signs: &[Signing],
    changes: &mut IndexChanges,
) -> Result<Vec<Placed>, StoreError> {
    let mut here: HashMap<(i64, u128), i64> = HashMap::new();
    let mut slots = Vec::with_capacity(signs.len());
    for (s, _) in signs {
        let key = s.email_hash.as_ref().map(|h| hash_key(h));
        if let Some(key) = key
            && let Some(&id) = (index.by_petition.get(&s.petition))
                .and_then(|m| m.get(&key))
                .or_else(|| here.get(&(s.petition, key)))
        {
            slots.push(Slot::Earlier(id));
            continue;
        }
        let id = s
            .reserved
            .as_ref()
            .map_or_else(|| index.ids.reserve(), |r| r.id);
        if let Some(key) = key {
            here.insert((s.petition, key), id);
            changes.added.push((s.petition, key, id));
        }
        slots.push(Slot::New(id));
    }
    // Above every id handed out, whether or not its signature is stored yet.
    let next = index.ids.next();

    // Earlier signatures: whether one is confirmed decides what its owner is
    // told. Those of this batch are known; others are read (only this
    // writer changes signatures, so the read cannot be stale).
    let mut earlier: HashMap<i64, (i64, bool)> = signs
        .iter()
        .zip(&slots)
        .filter_map(|((s, _), slot)| match slot {
            Slot::New(id) => Some((*id, (s.epoch, s.email_hash.is_none()))),
            Slot::Earlier(_) => None,
        })
        .collect();
    let unknown: Vec<i64> = slots
        .iter()
        .filter_map(|slot| match slot {
            Slot::Earlier(id) if !earlier.contains_key(id) => Some(*id),
            _ => None,
        })
        .collect();
    if !unknown.is_empty() {
        let mut qb = QueryBuilder::<Sqlite>::new(
            "SELECT id, epoch, confirmed_at IS NOT NULL FROM signatures WHERE id IN (",
        );
        let mut ids = qb.separated(", ");
        for id in &unknown {
            ids.push_bind(*id);
        }
        qb.push(")");
        let rows: Vec<(i64, i64, bool)> = qb.build_query_as().fetch_all(&mut *conn).await?;
        earlier.extend(rows.into_iter().map(|(id, epoch, c)| (id, (epoch, c))));
    }
    let placed = slots
        .iter()
        .zip(signs)
        .map(|(slot, (s, _))| match *slot {
            Slot::New(id) => Ok(Placed::New(SignatureRef { id, epoch: s.epoch })),
            Slot::Earlier(id) => earlier
                .get(&id)
                .map(|&(epoch, confirmed)| Placed::Existing {
                    signature: SignatureRef { id, epoch },
                    confirmed,
                })
                .ok_or_else(|| {
                    StoreError::Corrupt("an address's earlier signature is missing".into())
                }),
        })
        .collect::<Result<Vec<_>, _>>()?;
    let fresh: Vec<(i64, &NewSignature)> = slots
        .iter()
        .zip(signs)
        .filter_map(|(slot, (s, _))| match slot {
            Slot::New(id) => Some((*id, s)),
            Slot::Earlier(_) => None,
        })
        .collect();
    let outbox = seal_mails(signs, &placed);

    let mut script = QueryBuilder::<Sqlite>::new("BEGIN IMMEDIATE; UPDATE id_counters SET next = ");
    script.push_bind(next).push(" WHERE name = 'signatures'; ");
    for (id, header, recipients, created) in
        new_epochs(fresh.iter().map(|(_, s)| *s), stored_epochs)
    {
        script
            .push("INSERT INTO seal_epochs (id, header, recipients, created_at) VALUES (")
            .push_bind(id)
            .push(", ")
            .push_bind(header.to_string())
            .push(", ")
            .push_bind(recipients.to_string())
            .push(", ")
            .push_bind(created)
            .push(") ON CONFLICT (id) DO NOTHING; ");
        changes.epochs.push(id);
    }
    for chunk in fresh.chunks(ROWS_PER_STATEMENT) {
        script.push(SIGNATURE_COLUMNS);
        push_signature_values(&mut script, chunk);
        script.push("; ");
    }
    for chunk in outbox.chunks(ROWS_PER_STATEMENT) {
        script.push(OUTBOX_COLUMNS);
        push_outbox_values(&mut script, chunk, signs);
        script.push("; ");
    }
    let (counts, days) = confirmed_at_once(fresh.iter().map(|(_, s)| *s));
    for (petition, delta) in counts {
        script
            .push("UPDATE petitions SET confirmed = confirmed + ")
            .push_bind(delta)
            .push(" WHERE id = ")
            .push_bind(petition)
            .push("; ");
    }
    for ((petition, day), delta) in days {
        script
            .push("INSERT INTO signature_days (petition, day, confirmed) VALUES (")
            .push_bind(petition)
            .push(", ")
            .push_bind(day)
            .push(", ")
            .push_bind(delta)
            .push(
                ") ON CONFLICT (petition, day) DO UPDATE SET confirmed = signature_days.confirmed + excluded.confirmed; ",
            );
    }
    script.push("COMMIT");
    // Not kept prepared: each batch's script differs.
    if let Err(e) = script.build().persistent(false).execute(&mut *conn).await {
        // The script stopped at its first error, perhaps inside the
        // transaction. The writer closes this connection after any failure,
        // so a failed rollback (none begun) changes nothing: the first
        // error is the one to report.
        if let Err(rollback) = sqlx::query("ROLLBACK").execute(&mut *conn).await {
            tracing::debug!(error = %rollback, "no rollback after a failed batch");
        }
        return Err(e.into());
    }
    Ok(placed)
}

/// PostgreSQL, shared by several processes: ids come from the sequence and
/// an address already there from the unique index, in one transaction.
pub(super) async fn sign_postgres(
    conn: &mut PoolConnection<Postgres>,
    stored_epochs: &HashSet<i64>,
    signs: &[Signing],
    changes: &mut IndexChanges,
) -> Result<Vec<Placed>, StoreError> {
    let mut tx = sqlx::Connection::begin(&mut **conn).await?;
    let n = i64::try_from(signs.len()).unwrap_or(i64::MAX);
    let ids: Vec<i64> = sqlx::query_scalar(
        "SELECT nextval(pg_get_serial_sequence('signatures', 'id')) FROM generate_series(1, $1)",
    )
    .bind(n)
    .fetch_all(&mut *tx)
    .await?;
    if ids.len() != signs.len() {
        return Err(StoreError::Corrupt(
            "the id sequence gave fewer ids than asked".into(),
        ));
    }
    for (id, header, recipients, created) in new_epochs(signs.iter().map(|(s, _)| s), stored_epochs)
    {
        sqlx::query("INSERT INTO seal_epochs (id, header, recipients, created_at) VALUES ($1, $2, $3, $4) ON CONFLICT (id) DO NOTHING")
            .bind(id)
            .bind(header)
            .bind(recipients)
            .bind(created)
            .execute(&mut *tx)
            .await?;
        changes.epochs.push(id);
    }
    let mut inserted: HashSet<i64> = HashSet::new();
    let numbered: Vec<(i64, &NewSignature)> = ids
        .iter()
        .copied()
        .zip(signs.iter().map(|(s, _)| s))
        .collect();
    for chunk in numbered.chunks(ROWS_PER_STATEMENT) {
        let mut qb = QueryBuilder::<Postgres>::new(SIGNATURE_COLUMNS);
        push_signature_values(&mut qb, chunk);
        qb.push(" ON CONFLICT (petition, email_hash) DO NOTHING RETURNING id");
        let returned: Vec<i64> = qb.build_query_scalar().fetch_all(&mut *tx).await?;
        inserted.extend(returned);
    }
    let mut placed = Vec::with_capacity(signs.len());
    let mut fresh = Vec::new();
    for &(id, s) in &numbered {
        if inserted.contains(&id) {
            placed.push(Placed::New(SignatureRef { id, epoch: s.epoch }));
            fresh.push(s);
            continue;
        }
        let Some(hash) = s.email_hash else {
            return Err(StoreError::Corrupt(
                "a signature without address was refused".into(),
            ));
        };
        // Another signature with this address got there first. Another
        // process may withdraw it meanwhile: then this one takes the place
        // after all, tried again a few times.
        let mut attempts = 0;
        placed.push(loop {
            attempts += 1;
            let found: Option<(i64, i64, Option<i64>)> = sqlx::query_as(
                "SELECT id, epoch, confirmed_at FROM signatures WHERE petition = $1 AND email_hash = $2",
            )
            .bind(s.petition)
            .bind(hash.to_vec())
            .fetch_optional(&mut *tx)
            .await?;
            if let Some((id, epoch, confirmed_at)) = found {
                break Placed::Existing {
                    signature: SignatureRef { id, epoch },
                    confirmed: confirmed_at.is_some(),
                };
            }
            let taken: Option<i64> = sqlx::query_scalar(
                "INSERT INTO signatures (id, petition, created_at, confirmed_at, public_name, email_hash, epoch, sealed)
                 VALUES ($1, $2, $3, NULL, $4, $5, $6, $7)
                 ON CONFLICT (petition, email_hash) DO NOTHING RETURNING id",
            )
            .bind(id)
            .bind(s.petition)
            .bind(s.created_at)
            .bind(s.public_name.clone())
            .bind(hash.to_vec())
            .bind(s.epoch)
            .bind(s.sealed.clone())
            .fetch_optional(&mut *tx)
            .await?;
            if taken.is_some() {
                break Placed::New(SignatureRef { id, epoch: s.epoch });
            }
            if attempts >= 5 {
                return Err(StoreError::Corrupt(
                    "a signature's address kept changing hands".into(),
                ));
            }
        });
    }
    let outbox = seal_mails(signs, &placed);
    for chunk in outbox.chunks(ROWS_PER_STATEMENT) {
        let mut qb = QueryBuilder::<Postgres>::new(OUTBOX_COLUMNS);
        push_outbox_values(&mut qb, chunk, signs);
        qb.build().execute(&mut *tx).await?;
    }
    let (counts, days) = confirmed_at_once(fresh.into_iter());
    record_counts_postgres(&mut tx, counts, days).await?;
    tx.commit().await?;
    Ok(placed)
}

/// Anonymous petitions' signatures count from the start.
fn confirmed_at(s: &NewSignature) -> Option<i64> {
    s.email_hash.is_none().then_some(s.created_at)
}

/// The counter and per-day changes of the new signatures counted at once.
type CountChanges = (HashMap<i64, i64>, HashMap<(i64, String), i64>);

fn confirmed_at_once<'a>(fresh: impl Iterator<Item = &'a NewSignature>) -> CountChanges {
    let mut counts: HashMap<i64, i64> = HashMap::new();
    let mut days: HashMap<(i64, String), i64> = HashMap::new();
    for s in fresh.filter(|s| s.email_hash.is_none()) {
        *counts.entry(s.petition).or_default() += 1;
        *days.entry((s.petition, day_of(s.created_at))).or_default() += 1;
    }
    (counts, days)
}

/// The seal epochs of these signatures not yet stored.
fn new_epochs<'a>(
    signs: impl Iterator<Item = &'a NewSignature>,
    stored: &HashSet<i64>,
) -> Vec<(i64, &'a str, &'a str, i64)> {
    let mut seen = HashSet::new();
    signs
        .filter(|s| !stored.contains(&s.epoch) && seen.insert(s.epoch))
        .map(|s| {
            (
                s.epoch,
                &*s.epoch_header,
                &*s.epoch_recipients,
                s.created_at,
            )
        })
        .collect()
}

/// Each placed signature's mail, sealed: a new one's was sealed already if
/// its id was reserved.
fn seal_mails<'a>(signs: &'a [Signing], placed: &[Placed]) -> Vec<Cow<'a, [u8]>> {
    signs
        .iter()
        .zip(placed)
        .filter_map(|((s, _), p)| match (p, &s.reserved) {
            (
                Placed::New(signature),
                Some(Reserved {
                    id,
                    mail_if_new: Some(mail),
                }),
            ) if *id == signature.id => Some(Cow::Borrowed(mail.as_slice())),
            _ => s.mail.as_ref()?.seal(*p).map(Cow::Owned),
        })
        .collect()
}

/// The rows of new signatures, after `SIGNATURE_COLUMNS`.
fn push_signature_values<'a, DB: sqlx::Database>(
    qb: &mut QueryBuilder<DB>,
    rows: &'a [(i64, &'a NewSignature)],
) where
    i64: sqlx::Encode<'a, DB> + sqlx::Type<DB>,
    Option<i64>: sqlx::Encode<'a, DB> + sqlx::Type<DB>,
    Option<&'a str>: sqlx::Encode<'a, DB> + sqlx::Type<DB>,
    Option<&'a [u8]>: sqlx::Encode<'a, DB> + sqlx::Type<DB>,
    &'a [u8]: sqlx::Encode<'a, DB> + sqlx::Type<DB>,
{
    qb.push_values(rows, |mut row, (id, s)| {
        row.push_bind(*id)
            .push_bind(s.petition)
            .push_bind(s.created_at)
            .push_bind(confirmed_at(s))
            .push_bind(s.public_name.as_deref())
            .push_bind(s.email_hash.as_ref().map(|h| h.as_slice()))
            .push_bind(s.epoch)
            .push_bind(s.sealed.as_slice());
    });
}

fn push_outbox_values<'a, DB: sqlx::Database>(
    qb: &mut QueryBuilder<DB>,
    sealed: &'a [Cow<'a, [u8]>],
    signs: &[Signing],
) where
    &'a [u8]: sqlx::Encode<'a, DB> + sqlx::Type<DB>,
    i64: sqlx::Encode<'a, DB> + sqlx::Type<DB>,
{
    let created = signs.first().map(|(s, _)| s.created_at).unwrap_or_default();
    // Due at once (0): an exact time would date the signature.
    qb.push_values(sealed, |mut row, sealed| {
        row.push_bind(&**sealed)
            .push_bind(0i64)
            .push_bind(0i64)
            .push_bind(created);
    });
}

/// Replies for a stored batch.
pub(super) fn replies(signs: Vec<Signing>, placed: Vec<Placed>) -> impl Iterator<Item = Reply> {
    signs
        .into_iter()
        .zip(placed)
        .map(|((_, reply), p)| Reply::Sign(reply, p))
}
