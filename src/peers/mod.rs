//! Many groups' instances, one directory. An owner adds peers (their
//! address and public key, exchanged out of band); every few minutes this
//! instance fetches each peer's signed directory with a conditional
//! request, verifies it against the pinned key and keeps it as the last good
//! copy, with its age: a peer that is down or blocked keeps showing, dated.
//! Their photos are fetched by the server and re-encoded like uploads.

pub mod document;
pub mod fetch;
pub mod key;

use std::time::Duration;

use crate::campaign::photo;
use crate::store::peers::PeerRow;
use crate::store::{Store, StoreError};
use document::{MAX_DOCUMENT_BYTES, Peer};
use fetch::{Answer, Validators};
use key::PublicKey;

/// Where an instance serves its directory.
pub const DIRECTORY_PATH: &str = "/api/v1/directory.json";
/// Bytes of a peer's photo before re-encoding.
const MAX_PHOTO_BYTES: usize = 8 * 1024 * 1024;
/// Photos fetched from one peer in one round, and the time they may take:
/// the rest come in the next, and a slow peer cannot hold up the others.
const PHOTOS_PER_ROUND: usize = 200;
const PHOTOS_TIME: Duration = Duration::from_secs(60);

/// Fetches every peer's directory once, and the photos it names.
pub async fn fetch_all(store: &Store) -> Result<(), StoreError> {
    for row in store.peers().await? {
        fetch_one(store, &row).await?;
    }
    Ok(())
}

/// Fetches on a timer, for as long as the server runs.
pub async fn run(store: Store, every: Duration) {
    loop {
        if let Err(e) = fetch_all(&store).await {
            tracing::warn!(error = %e, "fetching peers' directories failed");
        }
        tokio::time::sleep(every).await;
    }
}

fn now() -> i64 {
    chrono::Utc::now().timestamp()
}

async fn fetch_one(store: &Store, row: &PeerRow) -> Result<(), StoreError> {
    let key = match PublicKey::parse(&row.public_key) {
        Ok(key) => key,
        Err(e) => return store.peer_failed(row.id, &e.to_string(), now()).await,
    };
    let peer = Peer {
        address: &row.address,
        mirrors: &row.mirrors,
        key: &key,
    };
    let url = format!("{}{DIRECTORY_PATH}", row.address.trim_end_matches('/'));
    // Conditions only with a copy to fall back on.
    let conditions = match row.payload {
        Some(_) => row.validators.clone(),
        None => Validators::default(),
    };
    match fetch::get(&url, &conditions, MAX_DOCUMENT_BYTES).await {
        Ok(Answer::NotModified) => store.peer_unchanged(row.id, now()).await?,
        Ok(Answer::Body { bytes, validators }) => match document::verify(&peer, &bytes) {
            Ok(payload) => {
                if row.payload.as_deref() == Some(payload.as_str()) {
                    store.peer_unchanged(row.id, now()).await?;
                } else {
                    store
                        .peer_fetched(row.id, &payload, &validators, now())
                        .await?;
                }
                photos(store, row.id, &peer, &payload).await?;
            }
            Err(refusal) => {
                tracing::warn!(peer = %row.address, %refusal, "a peer's directory was refused");
                store
                    .peer_failed(row.id, &format!("refused: {refusal}"), now())
                    .await?;
            }
        },
        Err(e) => {
            tracing::info!(peer = %row.address, error = %e, "a peer's directory could not be fetched");
            store.peer_failed(row.id, &e.to_string(), now()).await?;
        }
    }
    Ok(())
}

/// Fetches the photos a verified directory names that are not stored yet
/// (or changed), and drops those of campaigns it no longer lists.
async fn photos(store: &Store, id: i64, peer: &Peer<'_>, payload: &str) -> Result<(), StoreError> {
    let Ok(campaigns) = document::campaigns(peer, payload) else {
        return Ok(());
    };
    let stored = store.peer_photo_sources(id).await?;
    for slug in stored.keys() {
        if !campaigns
            .iter()
            .any(|c| c.slug.as_str() == slug && c.photo.is_some())
        {
            store.drop_peer_photo(id, slug).await?;
        }
    }
    let wanted = campaigns.iter().filter_map(|c| {
        let source = c.photo.as_ref()?;
        (stored.get(c.slug.as_str()) != Some(source)).then_some((c.slug.as_str(), source))
    });
    let deadline = tokio::time::Instant::now() + PHOTOS_TIME;
    for (slug, source) in wanted.take(PHOTOS_PER_ROUND) {
        if tokio::time::Instant::now() > deadline {
            break;
        }
        let bytes = match fetch::get(source, &Validators::default(), MAX_PHOTO_BYTES).await {
            Ok(Answer::Body { bytes, .. }) => bytes,
            Ok(Answer::NotModified) => continue,
            Err(e) => {
                tracing::info!(peer = %peer.address, slug, error = %e, "a peer's photo could not be fetched");
                continue;
            }
        };
        // Decoding is CPU work: off the async threads, one at a time (the
        // upload's own budget applies).
        let prepared = tokio::task::spawn_blocking(move || photo::prepare(&bytes)).await;
        match prepared {
            Ok(Ok(photo)) => store.save_peer_photo(id, slug, source, &photo).await?,
            Ok(Err(e)) => {
                tracing::warn!(peer = %peer.address, slug, error = %e, "a peer's photo was refused")
            }
            Err(e) => tracing::warn!(error = %e, "re-encoding a peer's photo failed"),
        }
    }
    Ok(())
}
