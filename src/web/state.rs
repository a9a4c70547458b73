//! What every handler shares: the store, the snapshot of the public content
//! (see `content`), the page cache, and whole campaigns read on demand.

use std::collections::HashMap;
use std::sync::atomic::{AtomicI64, AtomicU64, Ordering};
use std::sync::{Arc, RwLock};
use std::time::Duration;

use chrono::NaiveDate;

use super::cache::CachedPage;
use super::error::WebError;
use super::page_cache::{PageCache, Scope};
use super::rate_limit::SignLimiter;
use crate::account::Lifetimes;
use crate::account::service::Accounts;
use crate::campaign::{Campaign, Lang};
use crate::config::MailSettings;
use crate::petition::paper::Tally;
use crate::petition::service::PetitionService;
use crate::store::signatures::PetitionRow;
use crate::store::{Store, StoreError};

pub use super::content::Content;
pub use super::page_cache::Freshness;

/// Whole campaigns kept parsed: all of a small instance, else those whose
/// pages are being drawn or signed now. The rest are read from the store
/// when asked.
const PARSED_CAMPAIGNS: usize = 256;

/// Photos kept ready for share cards (264 KB each).
const CARD_PHOTOS: usize = 16;

/// A whole campaign as read from the store.
struct Parsed {
    rev: i64,
    campaign: Arc<Campaign>,
    /// When its organiser keys change (a waiting key applies): it is read
    /// again then.
    keys_change: Option<i64>,
}

/// Settings the web layer needs from the configuration.
#[derive(Debug, Clone)]
pub struct WebSettings {
    /// Absolute base for links that leave the page: feeds, share links, Open Graph.
    pub public_url: String,
    /// Other names of the instance, and its onion address (see `site`).
    pub mirrors: Vec<String>,
    pub onion_url: Option<String>,
    pub default_lang: Lang,
    /// The languages pages are offered in, the language switch's order
    /// (the default among them).
    pub languages: Vec<Lang>,
    /// How often to check whether another process changed the content.
    pub refresh_interval: Duration,
    /// Bytes of rendered pages kept in memory.
    pub page_cache_bytes: u64,
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
    /// The letter checker's lists by language (see `letters::checker`).
    pub letter_words: Arc<HashMap<String, crate::letters::checker::WordList>>,
    /// How long letters and replies are kept.
    pub letters: crate::config::LetterSettings,
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

pub struct AppState {
    pub store: Store,
    pub settings: WebSettings,
    /// The names the instance answers on.
    pub sites: Arc<super::site::Sites>,
    pub clock: Clock,
    pub petitions: Arc<PetitionService>,
    pub accounts: Accounts,
    pub limiter: SignLimiter,
    /// The same limits for sending letters.
    pub letter_limiter: SignLimiter,
    /// Held while a page that changes faster than content is rendered.
    pub render_lock: tokio::sync::Mutex<()>,
    content: RwLock<Arc<Content>>,
    pages: Arc<PageCache>,
    parsed: quick_cache::sync::Cache<String, Arc<Parsed>>,
    /// Confirmed signatures per petition row, refreshed with every poll.
    counts: RwLock<Arc<HashMap<i64, i64>>>,
    /// Changes whenever any count does: cached pages showing counts compare it.
    counts_generation: AtomicU64,
    /// Photos made ready for share cards, by digest: a campaign's cards in
    /// every language and at every count are drawn from one.
    pub card_photos: quick_cache::sync::Cache<String, Arc<crate::web::share_card::PhotoPanel>>,
}

impl AppState {
    /// The offered language whose code is `code`.
    pub fn offered(&self, code: &str) -> Option<Lang> {
        self.settings
            .languages
            .iter()
            .copied()
            .find(|l| l.code() == code)
    }

    /// The languages pages are offered in.
    pub fn languages(&self) -> &[Lang] {
        &self.settings.languages
    }

    /// Loads the first snapshot; fails when the store cannot be read.
    pub async fn new(
        store: Store,
        settings: WebSettings,
        clock: Clock,
        petitions: Arc<PetitionService>,
    ) -> Result<Arc<Self>, StoreError> {
        let pages = Arc::new(PageCache::new(settings.page_cache_bytes));
        let content = Content::load(&store, clock.today(), None, pages.clone()).await?;
        let counts = store.petition_counts().await?;
        let p = &petitions.settings;
        let limiter = SignLimiter::new(
            p.sign_per_minute,
            p.sign_burst,
            p.client_ip_header.clone(),
            p.trusted_proxies.clone(),
        );
        // Letters are limited as signatures are, in a bucket of their own:
        // signing does not use up a writer's letters, nor the reverse.
        let letter_limiter = SignLimiter::new(
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
            settings.languages.clone(),
        ));
        let state = Arc::new(AppState {
            store,
            sites,
            settings,
            clock,
            petitions,
            accounts,
            limiter,
            letter_limiter,
            render_lock: tokio::sync::Mutex::new(()),
            content: RwLock::new(Arc::new(content)),
            pages,
            parsed: quick_cache::sync::Cache::new(PARSED_CAMPAIGNS),
            counts: RwLock::new(Arc::new(counts)),
            counts_generation: AtomicU64::new(0),
            card_photos: quick_cache::sync::Cache::new(CARD_PHOTOS),
        });
        state.keep_small_instance_parsed().await?;
        release_freed_memory();
        Ok(state)
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

    /// Signatures online (live) and on paper (changed with the content).
    pub fn tally(&self, row: PetitionRow) -> Tally {
        Tally {
            online: self.count(row),
            paper: row.paper,
        }
    }

    pub fn counts_generation(&self) -> u64 {
        self.counts_generation.load(Ordering::Acquire)
    }

    /// Pages showing counts are fresh at this.
    /// A page of `scope` showing counts is fresh at this: a campaign's
    /// pages change with its own petitions' counts only (signing elsewhere
    /// leaves them cached), lists with any count.
    pub fn counts_freshness(&self, content: &Content, scope: Scope<'_>) -> Freshness {
        Freshness::Counts(self.counts_version(content, scope))
    }

    /// Pages showing counts and a form are fresh at this, at `now`.
    pub fn form_freshness(&self, content: &Content, scope: Scope<'_>, now: i64) -> Freshness {
        Freshness::CountsAndSlot(
            self.counts_version(content, scope),
            super::public::petition_page::stamp_time(now),
        )
    }

    fn counts_version(&self, content: &Content, scope: Scope<'_>) -> u64 {
        let Scope::Campaign(slug) = scope else {
            return self.counts_generation();
        };
        let counts = self.counts();
        // Each petition's (row, count) mixed, then added: the order of the
        // map does not matter.
        content.entry(slug).map_or(0, |e| {
            e.petitions.values().fold(0u64, |sum, row| {
                let count = counts.get(&row.id).copied().unwrap_or(row.confirmed);
                sum.wrapping_add(mix((row.id as u64) << 40 ^ count as u64))
            })
        })
    }

    /// The cached answer for a GET of the page cached under `key` (a path
    /// without a query, see `Site::cache_key`), when one is cached and still
    /// fresh: the page cache answers before routing.
    pub fn fresh_page(&self, key: &str) -> Option<Arc<CachedPage>> {
        let content = self.content();
        let cached = content.entry_of_page(key)?;
        let scope = cached.scope();
        let current = match cached.freshness {
            Freshness::Content => Freshness::Content,
            Freshness::Counts(_) => self.counts_freshness(&content, scope),
            Freshness::CountsAndSlot(..) => {
                self.form_freshness(&content, scope, chrono::Utc::now().timestamp())
            }
        };
        (cached.freshness == current).then(|| cached.page.clone())
    }

    /// The whole campaign at `slug` in `content`, with the organiser keys in
    /// force now: kept parsed while in use, else read from the store.
    pub async fn campaign(
        &self,
        content: &Content,
        slug: &str,
    ) -> Result<Option<Arc<Campaign>>, StoreError> {
        let Some(entry) = content.entry(slug) else {
            return Ok(None);
        };
        let now = self.clock.now();
        if let Some(parsed) = self.parsed.get(slug)
            && parsed.rev >= entry.rev
            && parsed.keys_change.is_none_or(|at| now < at)
        {
            return Ok(Some(parsed.campaign.clone()));
        }
        let Some((rev, campaign, keys_change)) = self.store.campaign_at(slug, now).await? else {
            return Ok(None);
        };
        let campaign = Arc::new(campaign);
        self.parsed.insert(
            slug.to_string(),
            Arc::new(Parsed {
                rev,
                campaign: campaign.clone(),
                keys_change,
            }),
        );
        Ok(Some(campaign))
    }

    /// The cached page of campaign `slug` under `key`, else drawn by
    /// `render` from the whole campaign, which is read only then.
    pub async fn campaign_page(
        &self,
        content: &Content,
        slug: &str,
        lang: Lang,
        key: &str,
        freshness: Freshness,
        render: impl FnOnce(&Campaign) -> Result<CachedPage, WebError>,
    ) -> Result<Arc<CachedPage>, WebError> {
        content.exists_or_404(slug, lang)?;
        if let Some(page) = content.cached(key, freshness) {
            return Ok(page);
        }
        let campaign = self.campaign_or_404(content, slug, lang).await?;
        content.page_at(key, Scope::Campaign(slug), freshness, || render(&campaign))
    }

    /// An instance of a few hundred campaigns keeps them all parsed, so its
    /// pages stay up through a database outage, as they always did: after
    /// a reload, the changed ones are read again at once.
    async fn keep_small_instance_parsed(&self) -> Result<(), StoreError> {
        let content = self.content();
        if content.len() <= PARSED_CAMPAIGNS {
            for listing in content.listings() {
                self.campaign(&content, listing.slug.as_str()).await?;
            }
        }
        Ok(())
    }

    /// The whole campaign at `slug`, or a 404 page in `lang`.
    pub async fn campaign_or_404(
        &self,
        content: &Content,
        slug: &str,
        lang: Lang,
    ) -> Result<Arc<Campaign>, WebError> {
        self.campaign(content, slug)
            .await
            .map_err(|e| WebError::from(e).in_lang(lang))?
            .ok_or(WebError::not_found(lang))
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
        if revision == current.revision && self.clock.today() == current.today {
            return Ok(false);
        }
        self.reload().await?;
        Ok(true)
    }

    /// Reads what changed since the snapshot, after a write in this process.
    pub async fn reload(&self) -> Result<(), StoreError> {
        let current = self.content();
        let fresh = Arc::new(
            Content::load(
                &self.store,
                self.clock.today(),
                Some(&current),
                self.pages.clone(),
            )
            .await?,
        );
        {
            let mut slot = self.content.write().unwrap_or_else(|e| e.into_inner());
            // Two reloads may race: the newer snapshot wins.
            if fresh.revision >= slot.revision {
                *slot = fresh;
            }
        }
        self.keep_small_instance_parsed().await
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
                state.letter_limiter.forget_idle();
                // Sessions that are over leave the database within a minute.
                if tidied.elapsed() >= Duration::from_secs(60) {
                    tidied = std::time::Instant::now();
                    let now = chrono::Utc::now().timestamp();
                    if let Err(e) = state.accounts.tidy(now, tidied).await {
                        tracing::warn!(error = %e, "could not remove ended sessions");
                    }
                    release_freed_memory();
                }
            }
        })
    }
}

/// Gives memory freed by the allocator back to the system: reading
/// thousands of campaigns at start, and pages the cache let go, leave
/// freed holes that glibc keeps otherwise, and resident memory is what a
/// small server's operator watches.
fn release_freed_memory() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: malloc_trim only walks the allocator's own free lists.
    unsafe {
        libc::malloc_trim(0);
    }
}

/// SplitMix64's finaliser: spreads a number over all 64 bits.
fn mix(mut x: u64) -> u64 {
    x = (x ^ (x >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    x ^ (x >> 31)
}
