//! How long a signed-in session lives: it ends after a time without use
//! (a laptop left open) and after a fixed time in any case (a stolen cookie
//! does not work for ever).

use std::time::Duration;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Lifetimes {
    pub idle: Duration,
    pub absolute: Duration,
}

impl Default for Lifetimes {
    fn default() -> Self {
        Lifetimes {
            idle: Duration::from_secs(30 * 60),
            absolute: Duration::from_secs(12 * 3600),
        }
    }
}

/// Seconds between two records of a session's last use: a page view need
/// not write to the database every time.
pub const SEEN_GRANULARITY: i64 = 60;

impl Lifetimes {
    /// Whether a session started at `created` and last used at `seen` is
    /// still alive at `now` (unix seconds).
    pub fn alive(&self, created: i64, seen: i64, now: i64) -> bool {
        let secs = |d: Duration| i64::try_from(d.as_secs()).unwrap_or(i64::MAX);
        now.saturating_sub(seen) < secs(self.idle)
            && now.saturating_sub(created) < secs(self.absolute)
    }

    /// Sessions last used before this are over, whatever else holds.
    pub fn idle_cutoff(&self, now: i64) -> i64 {
        now.saturating_sub(i64::try_from(self.idle.as_secs()).unwrap_or(i64::MAX))
    }

    /// Sessions created before this are over.
    pub fn absolute_cutoff(&self, now: i64) -> i64 {
        now.saturating_sub(i64::try_from(self.absolute.as_secs()).unwrap_or(i64::MAX))
    }
}

/// A short name of the browser and system, so that a person can tell their
/// sessions apart in the list ("Firefox on Linux"). Nothing finer is kept.
pub fn device_label(user_agent: &str) -> String {
    let browser = [
        ("Edg/", "Edge"),
        ("OPR/", "Opera"),
        ("YaBrowser/", "Yandex Browser"),
        ("Firefox/", "Firefox"),
        ("Chrome/", "Chrome"),
        ("Safari/", "Safari"),
    ]
    .into_iter()
    .find(|(needle, _)| user_agent.contains(needle))
    .map(|(_, name)| name);
    let system = [
        ("Android", "Android"),
        ("iPhone", "iOS"),
        ("iPad", "iOS"),
        ("Windows", "Windows"),
        ("Mac OS X", "macOS"),
        ("CrOS", "ChromeOS"),
        ("Linux", "Linux"),
    ]
    .into_iter()
    .find(|(needle, _)| user_agent.contains(needle))
    .map(|(_, name)| name);
    match (browser, system) {
        (Some(b), Some(s)) => format!("{b}, {s}"),
        (Some(one), None) | (None, Some(one)) => one.to_string(),
        (None, None) => "?".to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sessions_end_when_idle_or_old() {
        let l = Lifetimes::default();
        let t0 = 1_700_000_000;
        assert!(l.alive(t0, t0, t0 + 29 * 60));
        assert!(!l.alive(t0, t0, t0 + 30 * 60), "idle for 30 minutes");
        assert!(l.alive(t0, t0 + 11 * 3600, t0 + 11 * 3600 + 60));
        assert!(
            !l.alive(t0, t0 + 12 * 3600 - 1, t0 + 12 * 3600),
            "12 hours old"
        );
    }

    #[test]
    fn device_labels_are_coarse() {
        let ua = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Safari/537.36";
        assert_eq!(device_label(ua), "Chrome, Linux");
        let ua = "Mozilla/5.0 (Android 14; Mobile; rv:121.0) Gecko/121.0 Firefox/121.0";
        assert_eq!(device_label(ua), "Firefox, Android");
        assert_eq!(device_label(""), "?");
    }
}
