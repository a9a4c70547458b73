//! Rendered pages kept in memory within a byte budget. A page remembers
//! what it was drawn from (one campaign, or the whole site) and at which
//! revision of it, so publishing one campaign leaves every other
//! campaign's pages cached, and a crowd of one-off searches cannot push out
//! the pages people read (quick_cache's S3-FIFO keeps those).

use std::sync::Arc;

use quick_cache::Weighter;
use quick_cache::sync::Cache;

use super::cache::CachedPage;

/// What, besides the content it was drawn from, a cached page depends on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Freshness {
    /// Nothing else.
    Content,
    /// Signature counts: the generation of the counts it shows.
    Counts(u64),
    /// Counts, and a form stamp of a time slot (the slot's stamp time).
    CountsAndSlot(u64, i64),
}

/// What a page was drawn from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope<'a> {
    /// One campaign (its pages, feeds, photos).
    Campaign(&'a str),
    /// Many campaigns or none (the directory, lists, the sitemap).
    Site,
}

/// The version of a scope a page was drawn at: the snapshot's generation
/// (the registry, the date) and the revision of the campaign or the site.
pub type Stamp = (u64, i64);

pub struct Entry {
    /// The campaign the page was drawn from, `None` for the whole site.
    pub campaign: Option<Box<str>>,
    pub stamp: Stamp,
    pub freshness: Freshness,
    pub page: Arc<CachedPage>,
}

impl Entry {
    pub fn scope(&self) -> Scope<'_> {
        match &self.campaign {
            Some(slug) => Scope::Campaign(slug),
            None => Scope::Site,
        }
    }
}

#[derive(Clone)]
struct ByBytes;

impl Weighter<String, Arc<Entry>> for ByBytes {
    fn weight(&self, key: &String, entry: &Arc<Entry>) -> u64 {
        (key.len() + entry.page.size()) as u64
    }
}

/// The page cache shared by every content snapshot of a process.
pub struct PageCache {
    pages: Cache<String, Arc<Entry>, ByBytes>,
}

/// A typical page with its compressed forms, to size the cache's table.
const TYPICAL_PAGE: u64 = 48 * 1024;

impl PageCache {
    /// A cache holding at most `budget` bytes of pages.
    pub fn new(budget: u64) -> Self {
        let items = usize::try_from(budget / TYPICAL_PAGE)
            .unwrap_or(1024)
            .max(16);
        PageCache {
            pages: Cache::with_weighter(items, budget.max(1), ByBytes),
        }
    }

    pub fn get(&self, key: &str) -> Option<Arc<Entry>> {
        self.pages.get(key)
    }

    pub fn insert(&self, key: String, entry: Entry) {
        self.pages.insert(key, Arc::new(entry));
    }

    /// Bytes held.
    #[cfg(test)]
    pub fn weight(&self) -> u64 {
        self.pages.weight()
    }

    #[cfg(test)]
    pub fn len(&self) -> usize {
        self.pages.len()
    }

    #[cfg(test)]
    pub fn is_empty(&self) -> bool {
        self.pages.len() == 0
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::web::cache::PAGE_MAX_AGE;

    fn entry(body: Vec<u8>) -> Entry {
        Entry {
            campaign: None,
            stamp: (0, 0),
            freshness: Freshness::Content,
            page: Arc::new(CachedPage::new("text/plain", PAGE_MAX_AGE, body)),
        }
    }

    #[test]
    fn stays_within_its_byte_budget() {
        let cache = PageCache::new(1024 * 1024);
        for i in 0..200 {
            // Incompressible-ish bodies of 20 KB each: 4 MB offered.
            let body: Vec<u8> = (0..20_000u32).map(|n| (n * 7 + i) as u8).collect();
            cache.insert(format!("/page/{i}"), entry(body));
        }
        assert!(cache.weight() <= 1024 * 1024, "holds {}", cache.weight());
        assert!(!cache.is_empty());
    }
}
