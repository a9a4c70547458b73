//! The public content a process holds: a listing of every campaign (what
//! lists and the directory need, a few hundred bytes each), in the
//! directory's order, with a search index over it. Whole campaigns are read
//! from the store when a page of one is drawn (see `AppState::campaign`).
//!
//! A snapshot is replaced when the store's content revision changes (in
//! this process or another sharing the database) or the date changes.
//! Only the campaigns changed since the last snapshot are read again, so
//! publishing one campaign costs a few milliseconds with thousands on the
//! instance, and keeps every other campaign's cached pages.

use std::collections::HashMap;
use std::sync::Arc;

use chrono::NaiveDate;

use super::cache::CachedPage;
use super::error::WebError;
use super::page_cache::{Entry as CachedEntry, Freshness, PageCache, Scope, Stamp};
use crate::campaign::photo::PhotoMeta;
use crate::campaign::search::{SearchIndex, searchable};
use crate::campaign::{Lang, Listing, Registry, StatusKind};
use crate::peers::document::PeerCampaign;
use crate::store::signatures::PetitionRow;
use crate::store::{Store, StoreError};

/// One campaign in the snapshot.
pub struct Entry {
    /// The content revision at which the campaign last changed.
    pub rev: i64,
    pub listing: Listing,
    pub photo: Option<PhotoMeta>,
    /// Photos of its news updates, by update.
    pub update_photos: HashMap<String, PhotoMeta>,
    /// Its petitions' rows, by petition.
    pub petitions: HashMap<String, PetitionRow>,
    /// Its searchable texts, normalised (see `campaign::search`).
    search: String,
}

/// A peer's campaign in the snapshot: what its card shows.
pub struct PeerEntry {
    pub peer: i64,
    /// The group, as the owner named the peer.
    pub group: String,
    pub campaign: PeerCampaign,
    pub photo: Option<PhotoMeta>,
    /// When the copy it comes from was fetched (unix seconds).
    pub as_of: Option<i64>,
    search: String,
}

/// A card of the directory: a campaign of this instance, or of a peer.
#[derive(Clone)]
enum Item {
    Own(Arc<Entry>),
    Peer(Arc<PeerEntry>),
}

/// A campaign a directory search found.
#[derive(Clone, Copy)]
pub enum Found<'a> {
    Own(&'a Entry),
    Peer(&'a PeerEntry),
}

impl Item {
    fn updated(&self) -> NaiveDate {
        match self {
            Item::Own(e) => e.listing.updated,
            Item::Peer(p) => p.campaign.updated,
        }
    }

    fn status(&self) -> StatusKind {
        match self {
            Item::Own(e) => e.listing.status,
            Item::Peer(p) => p.campaign.status,
        }
    }

    fn search(&self) -> &str {
        match self {
            Item::Own(e) => &e.search,
            Item::Peer(p) => &p.search,
        }
    }
}

/// The peers' campaigns, read again only when a peer's copy changes.
struct Peers {
    stamp: (i64, i64),
    entries: Vec<Arc<PeerEntry>>,
}

pub struct Content {
    pub revision: i64,
    pub today: NaiveDate,
    /// Changes when something any page may show changes besides one
    /// campaign: the registry of organisations, the date.
    pub generation: u64,
    pub registry: Registry,
    entries: HashMap<String, Arc<Entry>>,
    /// The directory's order: last updated first.
    order: Vec<Arc<Entry>>,
    search: SearchIndex,
    peers: Arc<Peers>,
    /// Own and peers' campaigns together, the directory's order, and its
    /// search (only when there are peers' campaigns: else `order`'s).
    directory: Option<(Vec<Item>, SearchIndex)>,
    pages: Arc<PageCache>,
}

impl Content {
    /// Reads the content: everything when there is no `previous` snapshot,
    /// else only the campaigns changed since it.
    pub async fn load(
        store: &Store,
        today: NaiveDate,
        previous: Option<&Content>,
        pages: Arc<PageCache>,
    ) -> Result<Content, StoreError> {
        // The revision is read first: data read after it is at least that
        // new, so a change racing with this load is picked up next time.
        let revision = store.content_revision().await?;
        let since = previous.map_or(-1, |p| p.revision);
        let mut entries = previous.map(|p| p.entries.clone()).unwrap_or_default();
        if previous.is_none_or(|p| p.revision != revision) {
            let mut photos = store.photo_metas_since(since).await?;
            let mut update_photos: HashMap<String, HashMap<String, PhotoMeta>> = HashMap::new();
            for ((campaign, update), meta) in store.update_photo_metas_since(since).await? {
                update_photos
                    .entry(campaign)
                    .or_default()
                    .insert(update, meta);
            }
            let mut petitions: HashMap<String, HashMap<String, PetitionRow>> = HashMap::new();
            for ((campaign, petition), row) in store.petitions_since(since).await? {
                petitions.entry(campaign).or_default().insert(petition, row);
            }
            store
                .campaigns_changed_since(since, |slug, rev, campaign| {
                    let listing = Listing::from(&campaign);
                    let entry = Entry {
                        rev,
                        search: searchable(listing.search_texts()),
                        listing,
                        photo: photos.remove(&slug),
                        update_photos: update_photos.remove(&slug).unwrap_or_default(),
                        petitions: petitions.remove(&slug).unwrap_or_default(),
                    };
                    entries.insert(slug, Arc::new(entry));
                    Ok(())
                })
                .await?;
        }
        let registry = store.organisations().await?;
        let generation = match previous {
            None => 0,
            Some(p) if p.registry == registry && p.today == today => p.generation,
            Some(p) => p.generation + 1,
        };
        let mut order: Vec<Arc<Entry>> = entries.values().cloned().collect();
        order.sort_by(|a, b| {
            (b.listing.updated)
                .cmp(&a.listing.updated)
                .then_with(|| a.listing.slug.cmp(&b.listing.slug))
        });
        let search = SearchIndex::from_normalized(order.iter().map(|e| e.search.as_str()));
        let stamp = store.peers_stamp().await?;
        let peers = match previous {
            Some(p) if p.peers.stamp == stamp => p.peers.clone(),
            _ => Arc::new(Peers {
                stamp,
                entries: peer_entries(store).await?,
            }),
        };
        let directory = (!peers.entries.is_empty()).then(|| {
            let mut items: Vec<Item> = order
                .iter()
                .cloned()
                .map(Item::Own)
                .chain(peers.entries.iter().cloned().map(Item::Peer))
                .collect();
            items.sort_by_key(|i| std::cmp::Reverse(i.updated()));
            let search = SearchIndex::from_normalized(items.iter().map(Item::search));
            (items, search)
        });
        Ok(Content {
            revision,
            today,
            generation,
            registry,
            entries,
            order,
            search,
            peers,
            directory,
            pages,
        })
    }

    /// The directory's cards whose names, region or articles contain
    /// `query`, of `status` when given: this instance's campaigns and its
    /// peers', newest first.
    pub fn find_in_directory(&self, query: &str, status: Option<StatusKind>) -> Vec<Found<'_>> {
        match &self.directory {
            None => self
                .find(query, status)
                .into_iter()
                .map(Found::Own)
                .collect(),
            Some((items, search)) => search
                .find(query)
                .into_iter()
                .filter_map(|i| items.get(i))
                .filter(|i| status.is_none_or(|s| i.status() == s))
                .map(|i| match i {
                    Item::Own(e) => Found::Own(e),
                    Item::Peer(p) => Found::Peer(p),
                })
                .collect(),
        }
    }

    /// How many campaigns of `peer` the directory shows.
    pub fn peer_campaigns(&self, peer: i64) -> usize {
        self.peers.entries.iter().filter(|e| e.peer == peer).count()
    }

    /// A peer's campaign's photo, if stored.
    pub fn peer_photo(&self, peer: i64, slug: &str) -> Option<&PhotoMeta> {
        self.peers
            .entries
            .iter()
            .find(|e| e.peer == peer && e.campaign.slug.as_str() == slug)?
            .photo
            .as_ref()
    }

    /// The campaign at `slug`, found without a scan.
    pub fn entry(&self, slug: &str) -> Option<&Entry> {
        self.entries.get(slug).map(Arc::as_ref)
    }

    pub fn listing(&self, slug: &str) -> Option<&Listing> {
        self.entry(slug).map(|e| &e.listing)
    }

    /// Whether a campaign is at `slug`, else a 404 page in `lang`.
    pub fn exists_or_404(&self, slug: &str, lang: Lang) -> Result<&Entry, WebError> {
        self.entry(slug).ok_or(WebError::not_found(lang))
    }

    /// 404 unless campaign `slug` has petition `id`: answered from the
    /// snapshot, without reading the campaign.
    pub fn petition_or_404(&self, slug: &str, id: &str, lang: Lang) -> Result<(), WebError> {
        let listed = self
            .exists_or_404(slug, lang)?
            .listing
            .petitions
            .iter()
            .any(|p| p.id.as_str() == id);
        listed.then_some(()).ok_or(WebError::not_found(lang))
    }

    /// Every campaign, last updated first.
    pub fn entries(&self) -> impl ExactSizeIterator<Item = &Entry> {
        self.order.iter().map(Arc::as_ref)
    }

    pub fn listings(&self) -> impl ExactSizeIterator<Item = &Listing> {
        self.entries().map(|e| &e.listing)
    }

    pub fn len(&self) -> usize {
        self.order.len()
    }

    pub fn is_empty(&self) -> bool {
        self.order.is_empty()
    }

    /// The campaigns whose names, region or articles contain `query`, of
    /// `status` when given, in the directory's order. The cost is one pass
    /// over the index, whatever the query.
    pub fn find(&self, query: &str, status: Option<StatusKind>) -> Vec<&Entry> {
        self.search
            .find(query)
            .into_iter()
            .filter_map(|i| self.order.get(i))
            .map(Arc::as_ref)
            .filter(|e| status.is_none_or(|s| e.listing.status == s))
            .collect()
    }

    /// The database row of a campaign's petition.
    pub fn petition_row(&self, campaign: &str, petition: &str) -> Option<PetitionRow> {
        self.entry(campaign)?.petitions.get(petition).copied()
    }

    pub fn photo(&self, slug: &str) -> Option<&PhotoMeta> {
        self.entry(slug)?.photo.as_ref()
    }

    pub fn update_photo(&self, slug: &str, update: &str) -> Option<&PhotoMeta> {
        self.entry(slug)?.update_photos.get(update)
    }

    /// The version of `scope` in this snapshot; `None` when the campaign is
    /// gone.
    pub fn stamp(&self, scope: Scope<'_>) -> Option<Stamp> {
        let rev = match scope {
            Scope::Site => self.revision,
            Scope::Campaign(slug) => self.entry(slug)?.rev,
        };
        Some((self.generation, rev))
    }

    /// The cached page under `key`, rendering it on first use.
    pub fn page<E>(
        &self,
        key: &str,
        scope: Scope<'_>,
        render: impl FnOnce() -> Result<CachedPage, E>,
    ) -> Result<Arc<CachedPage>, E> {
        self.page_at(key, scope, Freshness::Content, render)
    }

    /// Like [`Content::page`], for pages that also show something changing
    /// faster than content (signature counts, a form stamp).
    pub fn page_at<E>(
        &self,
        key: &str,
        scope: Scope<'_>,
        freshness: Freshness,
        render: impl FnOnce() -> Result<CachedPage, E>,
    ) -> Result<Arc<CachedPage>, E> {
        if let Some(page) = self.cached(key, freshness) {
            return Ok(page);
        }
        let page = Arc::new(render()?);
        if let Some(stamp) = self.stamp(scope) {
            self.pages.insert(
                key.to_string(),
                CachedEntry {
                    campaign: match scope {
                        Scope::Campaign(slug) => Some(slug.into()),
                        Scope::Site => None,
                    },
                    stamp,
                    freshness,
                    page: page.clone(),
                },
            );
        }
        Ok(page)
    }

    /// The page under `key` if it is cached, drawn from this snapshot's
    /// version of what it shows, at `freshness`.
    pub fn cached(&self, key: &str, freshness: Freshness) -> Option<Arc<CachedPage>> {
        self.entry_of_page(key)
            .filter(|cached| cached.freshness == freshness)
            .map(|cached| cached.page.clone())
    }

    /// The page cached under `key` and drawn from this snapshot's content,
    /// whatever its freshness.
    pub fn entry_of_page(&self, key: &str) -> Option<Arc<CachedEntry>> {
        let cached = self.pages.get(key)?;
        (self.stamp(cached.scope()) == Some(cached.stamp)).then_some(cached)
    }
}

/// Every peer's campaigns from its last good copy. A copy that no longer
/// reads (its key changed since, say) is left out and logged.
async fn peer_entries(store: &Store) -> Result<Vec<Arc<PeerEntry>>, StoreError> {
    let mut photos = store.peer_photo_metas().await?;
    let mut entries = Vec::new();
    for row in store.peers().await? {
        let Some(payload) = &row.payload else {
            continue;
        };
        let Ok(key) = crate::peers::key::PublicKey::parse(&row.public_key) else {
            continue;
        };
        let peer = crate::peers::document::Peer {
            address: &row.address,
            mirrors: &row.mirrors,
            key: &key,
        };
        match crate::peers::document::campaigns(&peer, payload) {
            Ok(campaigns) => {
                for campaign in campaigns {
                    let texts = campaign
                        .name
                        .values()
                        .chain(campaign.region.iter().flat_map(|r| r.values()))
                        .chain(std::iter::once(row.name.as_str()))
                        .chain(campaign.articles.iter().map(String::as_str));
                    entries.push(Arc::new(PeerEntry {
                        peer: row.id,
                        group: row.name.clone(),
                        photo: photos.remove(&(row.id, campaign.slug.to_string())),
                        search: searchable(texts),
                        campaign,
                        as_of: row.fetched_at,
                    }));
                }
            }
            Err(e) => {
                tracing::warn!(peer = %row.address, error = %e, "a kept peer directory no longer reads")
            }
        }
    }
    Ok(entries)
}
