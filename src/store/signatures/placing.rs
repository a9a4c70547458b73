//! Storing a batch of new signatures: where each one goes (a new row, or the
//! address's earlier signature), its row, its mail, and the counts.

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};

use sqlx::pool::PoolConnection;
use sqlx::{Postgres, QueryBuilder, Sqlite};
use tokio::sync::oneshot;

use super::address_table::AddressKey;
use super::writer::{AddressIndex, IndexChanges, Reply, day_of};
use super::{IdReservations, NewSignature, Placed, ROWS_PER_STATEMENT, Reserved, SignatureRef};
use crate::store::StoreError;

/// A signature to store, and who waits for its place.
pub(super) type Signing = (NewSignature, oneshot::Sender<Result<Placed, String>>);

/// SQLite's batch script inserts new signatures after this.
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
    ids: &IdReservations,
    stored_epochs: &HashSet<i64>,
    signs: &[Signing],
    changes: &mut IndexChanges,
) -> Result<Vec<Placed>, StoreError> {
    // The index gives candidates (same fingerprint); their stored hashes
    // decide, so the one-address rule is exact.
    let candidate_ids: Vec<i64> = signs
        .iter()
        .filter_map(|(s, _)| {
            let hash = s.email_hash.as_ref()?;
            Some(
                index
                    .by_petition
                    .get(&s.petition)?
                    .candidates(AddressKey::of(hash)),
            )
        })
        .flatten()
        .collect();
    let mut stored: HashMap<i64, (Vec<u8>, i64, bool)> = HashMap::new();
    if !candidate_ids.is_empty() {
        let mut qb = QueryBuilder::<Sqlite>::new(
            "SELECT id, email_hash, epoch, confirmed_at IS NOT NULL FROM signatures WHERE email_hash IS NOT NULL AND id IN (",
        );
        let mut ids = qb.separated(", ");
        for id in &candidate_ids {
            ids.push_bind(*id);
        }
        qb.push(")");
        let rows: Vec<(i64, Vec<u8>, i64, bool)> =
            qb.build_query_as().fetch_all(&mut *conn).await?;
        stored.extend(rows.into_iter().map(|(id, h, e, c)| (id, (h, e, c))));
    }
    let mut here: HashMap<(i64, &[u8]), i64> = HashMap::new();
    let mut slots = Vec::with_capacity(signs.len());
    for (s, _) in signs {
        let hash = s.email_hash.as_ref().map(|h| h.as_slice());
        let earlier = hash.and_then(|hash| {
            let in_index = index.by_petition.get(&s.petition).and_then(|table| {
                table
                    .candidates(AddressKey::of(hash))
                    .into_iter()
                    .find(|id| stored.get(id).is_some_and(|(h, _, _)| h.as_slice() == hash))
            });
            in_index.or_else(|| here.get(&(s.petition, hash)).copied())
        });
        if let Some(id) = earlier {
            slots.push(Slot::Earlier(id));
            continue;
        }
        let id = s
            .reserved
            .as_ref()
            .map(|r| r.id)
            .or_else(|| ids.reserve())
            .ok_or_else(|| StoreError::Corrupt("no id for a new signature".into()))?;
        if let Some(hash) = hash {
            here.insert((s.petition, hash), id);
            changes.added.push((s.petition, AddressKey::of(hash), id));
        }
        slots.push(Slot::New(id));
    }
    // Above every id handed out, whether or not its signature is stored yet.
    let next = ids
        .next()
        .ok_or_else(|| StoreError::Corrupt("SQLite numbers signatures itself".into()))?;

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
    earlier.extend(
        stored
            .iter()
            .map(|(id, (_, epoch, confirmed))| (*id, (*epoch, *confirmed))),
    );
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

/// PostgreSQL: a batch of new signatures (with their seal epochs, mails and
/// the counts of anonymous petitions) in one statement, each column an
/// array. Its text is the same for every batch, so it is prepared once per
/// connection; and alone it needs no BEGIN or COMMIT: one round trip, durable
/// when answered. An address already there (the unique index says so, across
/// processes) is left out and returned for `place_repeats_postgres`.
const INSERT_BATCH_POSTGRES: &str = "
WITH epochs AS (
    INSERT INTO seal_epochs (id, header, recipients, created_at)
    SELECT * FROM UNNEST($1::BIGINT[], $2::TEXT[], $3::TEXT[], $4::BIGINT[])
    ON CONFLICT (id) DO NOTHING
), stored AS (
    INSERT INTO signatures (id, petition, created_at, confirmed_at, public_name, email_hash, epoch, sealed)
    SELECT * FROM UNNEST($5::BIGINT[], $6::BIGINT[], $7::BIGINT[], $8::BIGINT[], $9::TEXT[], $10::BYTEA[], $11::BIGINT[], $12::BYTEA[])
    ON CONFLICT (petition, email_hash) DO NOTHING
    RETURNING id
), mails AS (
    INSERT INTO outbox (sealed, attempts, next_attempt_at, created_at)
    SELECT mail.sealed, 0, 0, $13 FROM UNNEST($14::BIGINT[], $15::BYTEA[]) AS mail (id, sealed)
    JOIN stored USING (id)
), counts AS (
    UPDATE petitions SET confirmed = confirmed + change.delta
    FROM UNNEST($16::BIGINT[], $17::BIGINT[]) AS change (petition, delta)
    WHERE petitions.id = change.petition
), days AS (
    INSERT INTO signature_days (petition, day, confirmed)
    SELECT * FROM UNNEST($18::BIGINT[], $19::TEXT[], $20::BIGINT[])
    ON CONFLICT (petition, day) DO UPDATE SET confirmed = signature_days.confirmed + excluded.confirmed
)
SELECT id FROM stored";

/// PostgreSQL, shared by several processes: numbers the batch (reserved ids,
/// else drawn from the sequence), and stores every signature whose address
/// has not signed. Returns each signature's id, and those stored.
async fn insert_postgres(
    conn: &mut PoolConnection<Postgres>,
    ids: &IdReservations,
    stored_epochs: &HashSet<i64>,
    signs: &[Signing],
    changes: &mut IndexChanges,
) -> Result<(Vec<i64>, HashSet<i64>), StoreError> {
    let numbers = number_postgres(conn, ids, signs).await?;
    // In the order of the unique index, so that batches of several
    // processes wait for each other's addresses in one order, never in a cycle.
    let mut order: Vec<usize> = (0..signs.len()).collect();
    order.sort_unstable_by_key(|&i| (signs[i].0.petition, signs[i].0.email_hash));
    let rows = || order.iter().map(|&i| (numbers[i], &signs[i].0));

    let epochs = new_epochs(signs.iter().map(|(s, _)| s), stored_epochs);
    let mails: Vec<(i64, Cow<'_, [u8]>)> = rows()
        .filter_map(|(id, s)| Some((id, mail_if_new(s, id)?)))
        .collect();
    let (counts, days) = confirmed_at_once(signs.iter().map(|(s, _)| s));
    let mut counts: Vec<(i64, i64)> = counts.into_iter().collect();
    counts.sort_unstable();
    let mut days: Vec<((i64, String), i64)> = days.into_iter().collect();
    days.sort_unstable();

    let stored: Vec<i64> = sqlx::query_scalar(INSERT_BATCH_POSTGRES)
        .bind(epochs.iter().map(|e| e.0).collect::<Vec<_>>())
        .bind(epochs.iter().map(|e| e.1).collect::<Vec<_>>())
        .bind(epochs.iter().map(|e| e.2).collect::<Vec<_>>())
        .bind(epochs.iter().map(|e| e.3).collect::<Vec<_>>())
        .bind(rows().map(|(id, _)| id).collect::<Vec<_>>())
        .bind(rows().map(|(_, s)| s.petition).collect::<Vec<_>>())
        .bind(rows().map(|(_, s)| s.created_at).collect::<Vec<_>>())
        .bind(rows().map(|(_, s)| confirmed_at(s)).collect::<Vec<_>>())
        .bind(
            rows()
                .map(|(_, s)| s.public_name.as_deref())
                .collect::<Vec<_>>(),
        )
        .bind(
            rows()
                .map(|(_, s)| s.email_hash.as_ref().map(|h| h.as_slice()))
                .collect::<Vec<_>>(),
        )
        .bind(rows().map(|(_, s)| s.epoch).collect::<Vec<_>>())
        .bind(rows().map(|(_, s)| s.sealed.as_slice()).collect::<Vec<_>>())
        .bind(outbox_created(signs))
        .bind(mails.iter().map(|(id, _)| *id).collect::<Vec<_>>())
        .bind(mails.iter().map(|(_, m)| &**m).collect::<Vec<_>>())
        .bind(counts.iter().map(|c| c.0).collect::<Vec<_>>())
        .bind(counts.iter().map(|c| c.1).collect::<Vec<_>>())
        .bind(days.iter().map(|d| d.0.0).collect::<Vec<_>>())
        .bind(days.iter().map(|d| d.0.1.as_str()).collect::<Vec<_>>())
        .bind(days.iter().map(|d| d.1).collect::<Vec<_>>())
        .fetch_all(&mut **conn)
        .await?;
    changes.epochs.extend(epochs.iter().map(|e| e.0));
    Ok((numbers, stored.into_iter().collect()))
}

/// PostgreSQL: stores a batch (`insert_postgres`), then places its repeats
/// (`place_repeats_postgres`). Where a signature went, or `None` for the
/// repeats when placing them failed (with that failure: the new signatures
/// are stored all the same).
pub(super) async fn sign_postgres(
    conn: &mut PoolConnection<Postgres>,
    ids: &IdReservations,
    stored_epochs: &HashSet<i64>,
    signs: &[Signing],
    changes: &mut IndexChanges,
) -> Result<(Vec<Option<Placed>>, Option<StoreError>), StoreError> {
    let (numbers, stored) = insert_postgres(conn, ids, stored_epochs, signs, changes).await?;
    let mut placed: Vec<Option<Placed>> = signs
        .iter()
        .zip(&numbers)
        .map(|((s, _), &id)| {
            stored
                .contains(&id)
                .then_some(Placed::New(SignatureRef { id, epoch: s.epoch }))
        })
        .collect();
    if stored.len() == signs.len() {
        return Ok((placed, None));
    }
    match place_repeats_postgres(conn, signs, &numbers, &stored).await {
        Ok(repeats) => {
            for (i, p) in repeats {
                placed[i] = Some(p);
            }
            Ok((placed, None))
        }
        Err(e) => Ok((placed, Some(e))),
    }
}

/// Each signature's id: the one reserved for it, else one of those left
/// for the signing threads, else one drawn here from the sequence; more are
/// drawn for the signing threads when they run low.
async fn number_postgres(
    conn: &mut PoolConnection<Postgres>,
    ids: &IdReservations,
    signs: &[Signing],
) -> Result<Vec<i64>, StoreError> {
    let mut numbers: Vec<Option<i64>> = signs
        .iter()
        .map(|(s, _)| s.reserved.as_ref().map(|r| r.id).or_else(|| ids.reserve()))
        .collect();
    let missing = numbers.iter().filter(|n| n.is_none()).count();
    let to_draw = missing + ids.to_draw();
    if to_draw > 0 {
        let n = i64::try_from(to_draw).unwrap_or(i64::MAX);
        // The sequence is looked up once, not for each of the hundreds of ids.
        let drawn: Vec<i64> = sqlx::query_scalar(
            "WITH s AS MATERIALIZED (SELECT pg_get_serial_sequence('signatures', 'id')::regclass AS seq) \
             SELECT nextval(s.seq) FROM s, generate_series(1, $1)",
        )
        .bind(n)
        .fetch_all(&mut **conn)
        .await?;
        if drawn.len() != to_draw {
            return Err(StoreError::Corrupt(
                "the id sequence gave fewer ids than asked".into(),
            ));
        }
        let mut drawn = drawn.into_iter();
        for number in numbers.iter_mut().filter(|n| n.is_none()) {
            *number = drawn.next();
        }
        ids.add(drawn);
    }
    numbers
        .into_iter()
        .collect::<Option<Vec<i64>>>()
        .ok_or_else(|| StoreError::Corrupt("no id for a new signature".into()))
}

/// PostgreSQL: the signatures `insert_postgres` did not store, because their
/// address had signed, in a transaction of their own: each learns the
/// earlier signature, and its owner gets the mail for a repeat.
async fn place_repeats_postgres(
    conn: &mut PoolConnection<Postgres>,
    signs: &[Signing],
    numbers: &[i64],
    stored: &HashSet<i64>,
) -> Result<Vec<(usize, Placed)>, StoreError> {
    let mut tx = sqlx::Connection::begin(&mut **conn).await?;
    let mut placed = Vec::new();
    for (i, ((s, _), &id)) in signs.iter().zip(numbers).enumerate() {
        if stored.contains(&id) {
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
        placed.push((i, loop {
            attempts += 1;
            let found: Option<(i64, i64, Option<i64>)> = sqlx::query_as(
                "SELECT id, epoch, confirmed_at FROM signatures WHERE petition = $1 AND email_hash = $2",
            )
            .bind(s.petition)
            .bind(hash.as_slice())
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
            .bind(s.public_name.as_deref())
            .bind(hash.as_slice())
            .bind(s.epoch)
            .bind(s.sealed.as_slice())
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
        }));
    }
    let mails: Vec<Cow<'_, [u8]>> = placed
        .iter()
        .filter_map(|&(i, p)| mail_for(&signs[i].0, p))
        .collect();
    for chunk in mails.chunks(ROWS_PER_STATEMENT) {
        let mut qb = QueryBuilder::<Postgres>::new(OUTBOX_COLUMNS);
        push_outbox_values(&mut qb, chunk, signs);
        qb.build().persistent(false).execute(&mut *tx).await?;
    }
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

/// Each placed signature's mail, sealed.
fn seal_mails<'a>(signs: &'a [Signing], placed: &[Placed]) -> Vec<Cow<'a, [u8]>> {
    signs
        .iter()
        .zip(placed)
        .filter_map(|((s, _), p)| mail_for(s, *p))
        .collect()
}

/// A signature's mail for where it was placed, sealed.
fn mail_for(s: &NewSignature, placed: Placed) -> Option<Cow<'_, [u8]>> {
    match placed {
        Placed::New(signature) => mail_if_new(s, signature.id),
        Placed::Existing { .. } => s.mail.as_ref()?.seal(placed).map(Cow::Owned),
    }
}

/// A new signature's mail, sealed: already, if `id` was reserved for it.
fn mail_if_new(s: &NewSignature, id: i64) -> Option<Cow<'_, [u8]>> {
    match &s.reserved {
        Some(Reserved {
            id: reserved,
            mail_if_new: Some(mail),
        }) if *reserved == id => Some(Cow::Borrowed(mail.as_slice())),
        _ => s
            .mail
            .as_ref()?
            .seal(Placed::New(SignatureRef { id, epoch: s.epoch }))
            .map(Cow::Owned),
    }
}

/// SQLite: the rows of new signatures, after `SIGNATURE_COLUMNS`
/// (PostgreSQL passes them as arrays, in `INSERT_BATCH_POSTGRES`).
fn push_signature_values<'a>(qb: &mut QueryBuilder<Sqlite>, rows: &'a [(i64, &'a NewSignature)]) {
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
    let created = outbox_created(signs);
    // Due at once (0): an exact time would date the signature.
    qb.push_values(sealed, |mut row, sealed| {
        row.push_bind(&**sealed)
            .push_bind(0i64)
            .push_bind(0i64)
            .push_bind(created);
    });
}

/// When a batch's mails were queued: its signatures' hour.
fn outbox_created(signs: &[Signing]) -> i64 {
    signs.first().map(|(s, _)| s.created_at).unwrap_or_default()
}

/// Replies for a stored batch: where each signature went, or why it was not
/// stored.
pub(super) fn replies(
    signs: Vec<Signing>,
    placed: Vec<Result<Placed, String>>,
) -> impl Iterator<Item = Reply> {
    signs
        .into_iter()
        .zip(placed)
        .map(|((_, reply), p)| match p {
            Ok(p) => Reply::Sign(reply, p),
            Err(e) => Reply::Refused(reply, e),
        })
}
