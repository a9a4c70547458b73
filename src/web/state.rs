//! What every handler shares: the store, and an in-memory snapshot of the
//! public content with the pages rendered from it.
//!
//! Pages are rendered once per snapshot. A snapshot is replaced when the
//! store's content revision changes (in this process or another one sharing
//! the database) or when the date changes, since "next hearing" depends on it.

use std::collections::HashMap;
use std::sync::atomic::{AtomicI64, AtomicU64, Ordering};
use std::sync::{Arc, RwLock};
use std::time::Duration;

use chrono::NaiveDate;

use super::cache::CachedPage;
use super::error::WebError;
use super::rate_limit::SignLimiter;
use crate::account::Lifetimes;
use crate::account::service::Accounts;
use crate::campaign::keys::Keys;
use crate::campaign::photo::PhotoMeta;
use crate::campaign::{Campaign, Lang, Registry};
use crate::config::MailSettings;
use crate::petition::service::PetitionService;
use crate::store::signatures::PetitionRow;
use crate::store::{Store, StoreError};

/// Settings the web layer needs from the configuration.
#[derive(Debug, Clone)]
pub struct WebSettings {
    /// Absolute base for links that leave the page: feeds, share links, Open Graph.
    pub public_url: String,
    /// Other names of the instance, and its onion address (see `site`).
    pub mirrors: Vec<String>,
    pub onion_url: Option<String>,
    pub default_lang: Lang,
    /// How often to check whether another process changed the content.
    pub refresh_interval: Duration,
    /// Lines `/healthz` adds for operators (e.g. that mail is held).
    pub health_notes: Vec<String>,
    /// How long workspace sessions live.
    pub sessions: Lifetimes,
    /// How long an added organiser key waits before it applies.
    pub key_change_delay: Duration,
    /// `serve --demo`: the published demo key is accepted in campaigns.
    pub demo: bool,
    /// How mail leaves the instance (the workspace's mail page tests it).
    pub mail: MailSettings,
    /// The workspace has a listener of its own (`admin_addr`), and is not
    /// served on the public one.
    pub admin_apart: bool,
    /// Where organisers open the workspace (see `Config::workspace_url`):
    /// its session cookie and invitation links follow it.
    pub workspace_url: String,
}

/// Today's date and the time: the system's, or in tests a fixed date (so
/// pages with "upcoming" sections are stable) and a time a test may move
/// forward (to see a waiting period end).
#[derive(Debug, Clone, Default)]
pub struct Clock {
    date: Option<NaiveDate>,
    ahead: Arc<AtomicI64>,
}

impl Clock {
    pub fn system() -> Clock {
        Clock::default()
    }

    pub fn fixed(date: NaiveDate) -> Clock {
        Clock {
            date: Some(date),
            ahead: Arc::default(),
        }
    }

    pub fn today(&self) -> NaiveDate {
        self.date.unwrap_or_else(|| chrono::Utc::now().date_naive())
    }

    /// Unix seconds.
    pub fn now(&self) -> i64 {
        chrono::Utc::now().timestamp() + self.ahead.load(Ordering::Relaxed)
    }

    /// Moves the time (not the date) forward, as a test's clock.
    pub fn advance(&self, by: Duration) {
        let seconds = i64::try_from(by.as_secs()).unwrap_or(i64::MAX);
        self.ahead.fetch_add(seconds, Ordering::Relaxed);
    }
}

pub struct Content {
    pub revision: i64,
    /// Petition rows by campaign slug, then petition id.
    petition_rows: HashMap<String, HashMap<String, PetitionRow>>,
    pub today: NaiveDate,
    /// When a waiting organiser key takes effect: the snapshot is stale then.
    pub next_key_change: Option<i64>,
    pub campaigns: Vec<Campaign>,
    pub registry: Registry,
    pub photos: HashMap<String, PhotoMeta>,
    /// Photos of news updates, by (campaign, update).
    pub update_photos: HashMap<(String, String), PhotoMeta>,
    pages: RwLock<HashMap<String, (Freshness, Arc<CachedPage>)>>,
}

/// What, besides the content snapshot (whose replacement empties the whole
/// cache), a cached page depends on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Freshness {
    /// Nothing else.
    Content,
    /// Signature counts: the generation of the counts it shows.
    Counts(u64),
    /// Counts, and a form stamp of a time slot (the slot's stamp time).
    CountsAndSlot(u64, i64),
}

impl Content {
    /// The database row of a campaign's petition.
    pub fn petition_row(&self, campaign: &str, petition: &str) -> Option<PetitionRow> {
        self.petition_rows.get(campaign)?.get(petition).copied()
    }

    pub fn campaign(&self, slug: &str) -> Option<&Campaign> {
        self.campaigns.iter().find(|c| c.slug.as_str() == slug)
    }

    /// The campaign at `slug`, or a 404 page in `lang`.
    pub fn campaign_or_404(&self, slug: &str, lang: Lang) -> Result<&Campaign, WebError> {
        self.campaign(slug).ok_or(WebError::not_found(lang))
    }

    /// The cached page under `key`, rendering it on first use. Only pages of
    /// content that exists are cached, so the map is bounded by the content.
    pub fn page<E>(
        &self,
        key: &str,
        render: impl FnOnce() -> Result<CachedPage, E>,
    ) -> Result<Arc<CachedPage>, E> {
        self.page_at(key, Freshness::Content, render)
    }

    /// Like [`Content::page`], for pages that also show something changing
    /// faster than content (signature counts, a form stamp): a page of
    /// another `freshness` replaces the entry, so the map stays bounded.
    pub fn page_at<E>(
        &self,
        key: &str,
        freshness: Freshness,
        render: impl FnOnce() -> Result<CachedPage, E>,
    ) -> Result<Arc<CachedPage>, E> {
        if let Some(page) = self.cached(key, freshness) {
            return Ok(page);
        }
        let page = Arc::new(render()?);
        self.write_pages()
            .insert(key.to_string(), (freshness, page.clone()));
        Ok(page)
    }

    /// The page under `key` if it is cached at `freshness`.
    pub fn cached(&self, key: &str, freshness: Freshness) -> Option<Arc<CachedPage>> {
        match self.read_pages().get(key) {
            Some((f, page)) if *f == freshness => Some(page.clone()),
            _ => None,
        }
    }

    /// The page cached under `key`, whatever its freshness.
    fn entry(&self, key: &str) -> Option<(Freshness, Arc<CachedPage>)> {
        self.read_pages().get(key).cloned()
    }

    fn read_pages(
        &self,
    ) -> std::sync::RwLockReadGuard<'_, HashMap<String, (Freshness, Arc<CachedPage>)>> {
        // A panic while holding the lock cannot leave the map half-written
        // (insert is the only write), so a poisoned lock is still usable.
        self.pages.read().unwrap_or_else(|e| e.into_inner())
    }

    fn write_pages(
        &self,
    ) -> std::sync::RwLockWriteGuard<'_, HashMap<String, (Freshness, Arc<CachedPage>)>> {
        self.pages.write().unwrap_or_else(|e| e.into_inner())
    }
}

pub struct AppState {
    pub store: Store,
    pub settings: WebSettings,
    /// The names the instance answers on.
    pub sites: Arc<super::site::Sites>,
    pub clock: Clock,
    pub petitions: Arc<PetitionService>,
    pub accounts: Accounts,
    pub limiter: SignLimiter,
    /// Held while a page that changes faster than content is rendered.
    pub render_lock: tokio::sync::Mutex<()>,
    content: RwLock<Arc<Content>>,
    /// Confirmed signatures per petition row, refreshed with every poll.
    counts: RwLock<Arc<HashMap<i64, i64>>>,
    /// Changes whenever any count does: cached pages showing counts compare it.
    counts_generation: AtomicU64,
}

impl AppState {
    /// Loads the first snapshot; fails when the store cannot be read.
    pub async fn new(
        store: Store,
        settings: WebSettings,
        clock: Clock,
        petitions: Arc<PetitionService>,
    ) -> Result<Arc<Self>, StoreError> {
        let content = load(&store, &clock).await?;
        let counts = store.petition_counts().await?;
        let p = &petitions.settings;
        let limiter = SignLimiter::new(
            p.sign_per_minute,
            p.sign_burst,
            p.client_ip_header.clone(),
            p.trusted_proxies.clone(),
        );
        let accounts = Accounts::new(store.clone(), petitions.secret.clone(), settings.sessions);
        let sites = Arc::new(super::site::Sites::new(
            &settings.public_url,
            &settings.mirrors,
            settings.onion_url.as_deref(),
        ));
        Ok(Arc::new(AppState {
            store,
            sites,
            settings,
            clock,
            petitions,
            accounts,
            limiter,
            render_lock: tokio::sync::Mutex::new(()),
            content: RwLock::new(Arc::new(content)),
            counts: RwLock::new(Arc::new(counts)),
            counts_generation: AtomicU64::new(0),
        }))
    }

    pub fn counts(&self) -> Arc<HashMap<i64, i64>> {
        self.counts
            .read()
            .unwrap_or_else(|e| e.into_inner())
            .clone()
    }

    /// Confirmed signatures of a petition: the live count, else the stored one.
    pub fn count(&self, row: PetitionRow) -> i64 {
        self.counts().get(&row.id).copied().unwrap_or(row.confirmed)
    }

    pub fn counts_generation(&self) -> u64 {
        self.counts_generation.load(Ordering::Acquire)
    }

    /// Pages showing counts are fresh at this.
    pub fn counts_freshness(&self) -> Freshness {
        Freshness::Counts(self.counts_generation())
    }

    /// Pages showing counts and a form are fresh at this, at `now`.
    pub fn form_freshness(&self, now: i64) -> Freshness {
        Freshness::CountsAndSlot(
            self.counts_generation(),
            super::public::petition_page::stamp_time(now),
        )
    }

    /// The cached answer for a GET of the page cached under `key` (a path
    /// without a query, see `Site::cache_key`), when one is cached and still
    /// fresh: the page cache answers before routing.
    pub fn fresh_page(&self, key: &str) -> Option<Arc<CachedPage>> {
        let content = self.content();
        let (freshness, page) = content.entry(key)?;
        let current = match freshness {
            Freshness::Content => Freshness::Content,
            Freshness::Counts(_) => self.counts_freshness(),
            Freshness::CountsAndSlot(..) => self.form_freshness(chrono::Utc::now().timestamp()),
        };
        (freshness == current).then_some(page)
    }

    /// Reads the signature counters again.
    pub async fn refresh_counts(&self) -> Result<(), StoreError> {
        let fresh = Arc::new(self.store.petition_counts().await?);
        let mut counts = self.counts.write().unwrap_or_else(|e| e.into_inner());
        if *counts != fresh {
            *counts = fresh;
            self.counts_generation.fetch_add(1, Ordering::AcqRel);
        }
        Ok(())
    }

    pub fn content(&self) -> Arc<Content> {
        self.content
            .read()
            .unwrap_or_else(|e| e.into_inner())
            .clone()
    }

    /// Replaces the snapshot when the content or the date changed.
    pub async fn refresh_if_stale(&self) -> Result<bool, StoreError> {
        self.refresh_counts().await?;
        let current = self.content();
        let revision = self.store.content_revision().await?;
        let key_due = current
            .next_key_change
            .is_some_and(|at| self.clock.now() >= at);
        if revision == current.revision && self.clock.today() == current.today && !key_due {
            return Ok(false);
        }
        self.reload().await?;
        Ok(true)
    }

    /// Reloads the snapshot unconditionally, after a write in this process.
    pub async fn reload(&self) -> Result<(), StoreError> {
        let fresh = Arc::new(load(&self.store, &self.clock).await?);
        *self.content.write().unwrap_or_else(|e| e.into_inner()) = fresh;
        Ok(())
    }

    /// Polls the store for changes made by other processes, for ever.
    pub fn spawn_refresher(self: &Arc<Self>) -> tokio::task::JoinHandle<()> {
        let state = Arc::clone(self);
        tokio::spawn(async move {
            let mut tick = tokio::time::interval(state.settings.refresh_interval);
            tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
            let mut tidied = std::time::Instant::now();
            loop {
                tick.tick().await;
                if let Err(e) = state.refresh_if_stale().await {
                    tracing::warn!(error = %e, "could not check for content changes");
                }
                state.limiter.forget_idle();
                // Sessions that are over leave the database within a minute.
                if tidied.elapsed() >= Duration::from_secs(60) {
                    tidied = std::time::Instant::now();
                    let now = chrono::Utc::now().timestamp();
                    if let Err(e) = state.accounts.tidy(now, tidied).await {
                        tracing::warn!(error = %e, "could not remove ended sessions");
                    }
                }
            }
        })
    }
}

async fn load(store: &Store, clock: &Clock) -> Result<Content, StoreError> {
    // The revision is read first: data loaded after it is at least that new,
    // so a change racing with this load is picked up by the next poll.
    let revision = store.content_revision().await?;
    let now = clock.now();
    let keys = store.all_key_records().await?;
    let campaigns = store.campaigns_at(&keys, now).await?;
    let next_key_change = keys
        .values()
        .filter_map(|records| Keys(records).next_change(now))
        .min();
    let registry = store.organisations().await?;
    let photos = store.photo_metas().await?;
    let update_photos = store.update_photo_metas().await?;
    let mut petition_rows: HashMap<String, HashMap<String, PetitionRow>> = HashMap::new();
    for ((campaign, petition), row) in store.petitions().await? {
        petition_rows
            .entry(campaign)
            .or_default()
            .insert(petition, row);
    }
    Ok(Content {
        revision,
        today: clock.today(),
        next_key_change,
        campaigns,
        registry,
        photos,
        update_photos,
        petition_rows,
        pages: RwLock::new(HashMap::new()),
    })
}
