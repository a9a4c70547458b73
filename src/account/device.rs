//! Device cookies (OWASP's defence against lockout by strangers): a browser
//! that signed in to an account carries a sealed note saying so. Guessers
//! who lock an account's name out do not lock out such a browser: its
//! attempts are throttled under its own key instead.

use serde::{Deserialize, Serialize};

/// How long a browser stays known without signing in again.
pub const DEVICE_SECONDS: i64 = 180 * 24 * 3600;

/// What the sealed cookie holds: whose browser, which one, since when.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DeviceNote {
    pub login: String,
    /// Random, so each browser has a throttle of its own.
    pub id: String,
    pub issued: i64,
}

impl DeviceNote {
    pub fn new(login: &str, now: i64) -> DeviceNote {
        DeviceNote {
            login: login.to_string(),
            id: super::token::generate(),
            issued: now,
        }
    }

    /// The throttle key of this browser, when it is known for the name
    /// typed (as signing in compares names) and still fresh.
    pub fn key_for(&self, typed_name: &str, now: i64) -> Option<String> {
        let fresh = now >= self.issued && now - self.issued < DEVICE_SECONDS;
        let same = self.login == typed_name.trim().to_lowercase();
        (fresh && same).then(|| format!("device:{}", self.id))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_note_vouches_for_its_own_name_while_fresh() {
        let note = DeviceNote::new("anna", 1000);
        let key = note.key_for(" Anna ", 2000).expect("known");
        assert!(key.starts_with("device:"));
        assert_eq!(note.key_for("boris", 2000), None);
        assert_eq!(note.key_for("anna", 1000 + DEVICE_SECONDS), None, "too old");
        assert_ne!(
            DeviceNote::new("anna", 1000).id,
            note.id,
            "each browser its own"
        );
    }
}
