//! Slowing down password guessers: after a few failures under one key (a
//! login name as typed, or a client address), each next attempt must wait:
//! half a minute, then twice as long each time, up to a quarter of an hour.
//! Kept in memory: a restart forgives, and nothing about who tried is
//! written down.

use std::collections::HashMap;
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// Failures allowed before waiting starts.
const FREE_FAILURES: u32 = 5;
/// The first wait; each further failure doubles it.
const FIRST_WAIT: Duration = Duration::from_secs(30);
const MAX_WAIT: Duration = Duration::from_secs(15 * 60);
/// A key with no failure for this long is forgotten.
const FORGET_AFTER: Duration = Duration::from_secs(3600);
/// Keys kept at most: a flood of names cannot grow memory without bound.
const MAX_KEYS: usize = 100_000;

#[derive(Debug, Clone, Copy)]
struct Failures {
    count: u32,
    last: Instant,
}

#[derive(Debug, Default)]
pub struct Throttle {
    keys: Mutex<HashMap<String, Failures>>,
}

impl Throttle {
    pub fn new() -> Self {
        Self::default()
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<String, Failures>> {
        // Every update leaves the map whole, so a poisoned lock is usable.
        self.keys.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// How long `key` must still wait before its next attempt (zero: go on).
    pub fn wait(&self, key: &str, now: Instant) -> Duration {
        match self.lock().get(key) {
            Some(f) if f.count >= FREE_FAILURES => {
                let doubling = (f.count - FREE_FAILURES).min(10);
                let wait = (FIRST_WAIT * (1u32 << doubling)).min(MAX_WAIT);
                wait.saturating_sub(now.saturating_duration_since(f.last))
            }
            _ => Duration::ZERO,
        }
    }

    pub fn fail(&self, key: &str, now: Instant) {
        let mut keys = self.lock();
        if keys.len() >= MAX_KEYS && !keys.contains_key(key) {
            keys.retain(|_, f| now.saturating_duration_since(f.last) < FORGET_AFTER);
            if keys.len() >= MAX_KEYS {
                return;
            }
        }
        let entry = keys.entry(key.to_string()).or_insert(Failures {
            count: 0,
            last: now,
        });
        entry.count = entry.count.saturating_add(1);
        entry.last = now;
    }

    /// A success forgives the key's failures.
    pub fn succeed(&self, key: &str) {
        self.lock().remove(key);
    }

    pub fn forget_idle(&self, now: Instant) {
        self.lock()
            .retain(|_, f| now.saturating_duration_since(f.last) < FORGET_AFTER);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn waiting_grows_after_a_few_failures_and_success_forgives() {
        let t = Throttle::new();
        let now = Instant::now();
        for _ in 0..FREE_FAILURES {
            assert_eq!(t.wait("anna", now), Duration::ZERO);
            t.fail("anna", now);
        }
        assert_eq!(t.wait("anna", now), Duration::from_secs(30));
        t.fail("anna", now);
        assert_eq!(t.wait("anna", now), Duration::from_secs(60));
        assert_eq!(
            t.wait("anna", now + Duration::from_secs(50)),
            Duration::from_secs(10)
        );
        assert_eq!(
            t.wait("anna", now + Duration::from_secs(60)),
            Duration::ZERO
        );
        assert_eq!(t.wait("boris", now), Duration::ZERO, "per key");
        for _ in 0..40 {
            t.fail("anna", now);
        }
        assert_eq!(t.wait("anna", now), MAX_WAIT);
        t.succeed("anna");
        assert_eq!(t.wait("anna", now), Duration::ZERO);
    }
}
