//! Organiser keys are power over signers: each new signature is sealed to
//! every key in force, so whoever holds one of their identities reads every
//! signer from then on. The rules of changing them:
//!
//! - a campaign's keys are the recorded ones, never what a campaign file or a
//!   draft lists: publishing, restoring or importing cannot add a key;
//! - only owners change them; adding one takes effect after a waiting period
//!   (so every other owner and delivery person sees it and can cancel it),
//!   unless the campaign has no key in force yet (nothing can be sealed then);
//! - removing one applies at once, while at least one other stays in force.
//!
//! Nothing here knows about HTTP or SQL.

use std::time::Duration;

use super::Campaign;

/// `key_change_delay_hours` when the configuration says nothing.
pub const DEFAULT_DELAY: Duration = Duration::from_secs(48 * 3600);

/// One key of a campaign as recorded, from its proposal to its end.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeyRecord {
    pub id: i64,
    /// The age recipient, `age1…`.
    pub key: String,
    /// The owner's login; `None`: a campaign file imported on the server.
    pub proposed_by: Option<String>,
    pub proposed_at: i64,
    /// From when signatures are sealed to it.
    pub effective_at: i64,
    pub closed_by: Option<String>,
    /// When it was cancelled (before `effective_at`) or removed (after).
    pub closed_at: Option<i64>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeyState {
    InForce,
    /// Proposed, waiting for `effective_at`.
    Pending,
    Cancelled,
    Removed,
}

impl KeyRecord {
    pub fn state(&self, now: i64) -> KeyState {
        match self.closed_at {
            Some(closed) if closed < self.effective_at => KeyState::Cancelled,
            Some(_) => KeyState::Removed,
            None if now >= self.effective_at => KeyState::InForce,
            None => KeyState::Pending,
        }
    }
}

/// Why a change of keys was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeyRefusal {
    /// Not an age public key (`age1…`).
    NotAKey,
    /// The key is in force or waiting already.
    AlreadyThere,
    /// Removing it would leave no key in force.
    LastKey,
    /// No such key in force (removal) or waiting (cancellation).
    NotFound,
}

impl KeyRefusal {
    /// The suffix of its translation key (`admin-keys-refused-…`).
    pub fn code(self) -> &'static str {
        match self {
            KeyRefusal::NotAKey => "not-a-key",
            KeyRefusal::AlreadyThere => "already-there",
            KeyRefusal::LastKey => "last-key",
            KeyRefusal::NotFound => "not-found",
        }
    }
}

/// A campaign's key records, as the rules read them.
#[derive(Debug, Clone, Copy)]
pub struct Keys<'a>(pub &'a [KeyRecord]);

impl<'a> Keys<'a> {
    fn in_state(self, state: KeyState, now: i64) -> impl Iterator<Item = &'a KeyRecord> {
        self.0.iter().filter(move |r| r.state(now) == state)
    }

    /// The records of the keys in force, oldest first.
    pub fn in_force_records(self, now: i64) -> Vec<&'a KeyRecord> {
        let mut records: Vec<&KeyRecord> = self.in_state(KeyState::InForce, now).collect();
        records.sort_by_key(|r| (r.effective_at, r.id));
        records
    }

    /// The keys new signatures are sealed to, oldest first.
    pub fn in_force(self, now: i64) -> Vec<String> {
        self.in_force_records(now)
            .into_iter()
            .map(|r| r.key.clone())
            .collect()
    }

    /// Keys proposed and still waiting, the soonest first.
    pub fn pending(self, now: i64) -> Vec<&'a KeyRecord> {
        let mut records: Vec<&KeyRecord> = self.in_state(KeyState::Pending, now).collect();
        records.sort_by_key(|r| (r.effective_at, r.id));
        records
    }

    /// When the next waiting key takes effect.
    pub fn next_change(self, now: i64) -> Option<i64> {
        self.pending(now).first().map(|r| r.effective_at)
    }

    /// When a key proposed at `now` takes effect: at once while no key is
    /// in force (nothing can have been sealed to anyone), else after `delay`.
    pub fn takes_effect(self, now: i64, delay: Duration) -> i64 {
        if self.in_state(KeyState::InForce, now).next().is_none() {
            now
        } else {
            now.saturating_add(i64::try_from(delay.as_secs()).unwrap_or(i64::MAX))
        }
    }

    /// Whether `key` may be proposed.
    pub fn check_proposal(self, key: &str, now: i64) -> Result<(), KeyRefusal> {
        if !is_age_key(key) {
            return Err(KeyRefusal::NotAKey);
        }
        let open = |r: &&KeyRecord| matches!(r.state(now), KeyState::InForce | KeyState::Pending);
        if self.0.iter().filter(open).any(|r| r.key == key.trim()) {
            return Err(KeyRefusal::AlreadyThere);
        }
        Ok(())
    }

    /// Whether the key recorded as `id` may be removed now.
    pub fn check_removal(self, id: i64, now: i64) -> Result<(), KeyRefusal> {
        let mut in_force = self.in_state(KeyState::InForce, now);
        if !self.in_state(KeyState::InForce, now).any(|r| r.id == id) {
            return Err(KeyRefusal::NotFound);
        }
        match (in_force.next(), in_force.next()) {
            (Some(_), Some(_)) => Ok(()),
            _ => Err(KeyRefusal::LastKey),
        }
    }

    /// Whether the waiting key recorded as `id` may be cancelled.
    pub fn check_cancel(self, id: i64, now: i64) -> Result<(), KeyRefusal> {
        if self.in_state(KeyState::Pending, now).any(|r| r.id == id) {
            Ok(())
        } else {
            Err(KeyRefusal::NotFound)
        }
    }

    /// What importing a campaign file that lists `wanted` changes: keys it
    /// adds are proposed (and wait like any other), keys it leaves out are
    /// removed or cancelled, but the last key in force stays.
    pub fn plan_import(self, wanted: &[&str], now: i64) -> ImportPlan {
        let wanted: Vec<&str> = wanted.iter().map(|k| k.trim()).collect();
        let mut plan = ImportPlan::default();
        for key in &wanted {
            if self.check_proposal(key, now).is_ok() && !plan.add.iter().any(|k| k == key) {
                plan.add.push(key.to_string());
            }
        }
        for r in self.in_state(KeyState::Pending, now) {
            if !wanted.contains(&r.key.as_str()) {
                plan.cancel.push(r.id);
            }
        }
        let in_force = self.in_force_records(now);
        let mut leaving: Vec<&KeyRecord> = in_force
            .iter()
            .copied()
            .filter(|r| !wanted.contains(&r.key.as_str()))
            .collect();
        if leaving.len() == in_force.len() {
            plan.kept_last = leaving.pop().map(|r| r.key.clone());
        }
        plan.remove = leaving.iter().map(|r| r.id).collect();
        plan
    }
}

/// What an imported campaign file does to the recorded keys.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ImportPlan {
    /// Keys to propose.
    pub add: Vec<String>,
    /// Records to remove at once.
    pub remove: Vec<i64>,
    /// Waiting records to cancel.
    pub cancel: Vec<i64>,
    /// The file leaves out every key in force: this one stays, so that
    /// signing goes on until a key of the file takes effect.
    pub kept_last: Option<String>,
}

impl ImportPlan {
    pub fn is_empty(&self) -> bool {
        self.add.is_empty() && self.remove.is_empty() && self.cancel.is_empty()
    }
}

/// Whether `text` is an age public key (`age1…`).
pub fn is_age_key(text: &str) -> bool {
    text.trim().parse::<age::x25519::Recipient>().is_ok()
}

/// Gives `campaign` exactly `keys`; returns whether its file listed other
/// keys (which are not kept: keys change only by the rules above).
pub fn set_in_force(campaign: &mut Campaign, keys: &[String]) -> bool {
    let listed: Vec<&str> = campaign.organiser_keys();
    let differs = listed.len() != keys.len() || listed.iter().zip(keys).any(|(a, b)| a != b);
    campaign.organiser_key = None;
    campaign.organiser_keys = keys.to_vec();
    differs
}

#[cfg(test)]
mod tests {
    use super::*;

    const HOUR: i64 = 3600;
    const DELAY: Duration = Duration::from_secs(48 * 3600);

    fn key(n: u8) -> String {
        let (_, public) = crate::petition::seal::generate_keys(&format!("k{n}"));
        public
    }

    fn record(id: i64, key: &str, effective_at: i64, closed_at: Option<i64>) -> KeyRecord {
        KeyRecord {
            id,
            key: key.to_string(),
            proposed_by: Some("owner".into()),
            proposed_at: 0,
            effective_at,
            closed_by: closed_at.map(|_| "owner".into()),
            closed_at,
        }
    }

    #[test]
    fn a_key_proposed_beside_another_waits_and_the_first_applies_at_once() {
        let (a, b) = (key(1), key(2));
        assert_eq!(
            Keys(&[]).takes_effect(100, DELAY),
            100,
            "no key yet: at once"
        );
        let records = [record(1, &a, 0, None)];
        let at = Keys(&records).takes_effect(100, DELAY);
        assert_eq!(at, 100 + 48 * HOUR);
        let records = [record(1, &a, 0, None), record(2, &b, at, None)];
        let keys = Keys(&records);
        assert_eq!(
            keys.in_force(at - 1),
            vec![a.clone()],
            "not before the wait"
        );
        assert_eq!(keys.pending(at - 1).len(), 1);
        assert_eq!(keys.next_change(at - 1), Some(at));
        assert_eq!(keys.in_force(at), vec![a, b], "after the wait, both");
        assert_eq!(keys.next_change(at), None);
    }

    #[test]
    fn a_cancelled_key_never_applies_and_a_removed_one_stops() {
        let (a, b) = (key(1), key(2));
        let records = [record(1, &a, 0, None), record(2, &b, 500, Some(200))];
        let keys = Keys(&records);
        assert_eq!(records[1].state(1000), KeyState::Cancelled);
        assert_eq!(keys.in_force(1000), vec![a.clone()]);
        let records = [record(1, &a, 0, Some(300)), record(2, &b, 100, None)];
        assert_eq!(records[0].state(400), KeyState::Removed);
        assert_eq!(Keys(&records).in_force(400), vec![b]);
    }

    #[test]
    fn the_last_key_in_force_cannot_be_removed() {
        let (a, b) = (key(1), key(2));
        let records = [record(1, &a, 0, None), record(2, &b, 500, None)];
        let keys = Keys(&records);
        assert_eq!(
            keys.check_removal(1, 100),
            Err(KeyRefusal::LastKey),
            "b still waits"
        );
        assert_eq!(keys.check_removal(2, 100), Err(KeyRefusal::NotFound));
        assert_eq!(keys.check_cancel(2, 100), Ok(()));
        assert_eq!(keys.check_removal(1, 600), Ok(()), "b is in force then");
        assert_eq!(
            keys.check_cancel(2, 600),
            Err(KeyRefusal::NotFound),
            "too late"
        );
    }

    #[test]
    fn proposals_must_be_new_age_keys() {
        let a = key(1);
        let records = [record(1, &a, 0, None)];
        let keys = Keys(&records);
        assert_eq!(
            keys.check_proposal("age1nonsense", 0),
            Err(KeyRefusal::NotAKey)
        );
        assert_eq!(
            keys.check_proposal(&format!(" {a} "), 0),
            Err(KeyRefusal::AlreadyThere)
        );
        assert_eq!(keys.check_proposal(&key(2), 0), Ok(()));
    }

    #[test]
    fn an_imported_file_proposes_removes_and_cancels_but_keeps_the_last_key() {
        let (a, b, c, d) = (key(1), key(2), key(3), key(4));
        let records = [
            record(1, &a, 0, None),
            record(2, &b, 0, None),
            record(3, &c, 900, None),
        ];
        let keys = Keys(&records);
        let plan = keys.plan_import(&[a.as_str(), d.as_str()], 100);
        assert_eq!(plan.add, vec![d.clone()]);
        assert_eq!(plan.remove, vec![2]);
        assert_eq!(plan.cancel, vec![3]);
        assert_eq!(plan.kept_last, None);
        // A file of new keys only: one key in force stays until they apply.
        let plan = keys.plan_import(&[d.as_str()], 100);
        assert_eq!(plan.add, vec![d.clone()]);
        assert_eq!(plan.remove.len(), 1);
        assert!(plan.kept_last.is_some());
        assert!(
            keys.plan_import(&[a.as_str(), b.as_str(), c.as_str()], 100)
                .is_empty()
        );
    }

    #[test]
    fn a_campaign_gets_exactly_the_keys_in_force() {
        let text = crate::demo::DEMO_FILE;
        let mut campaign = super::super::file::parse(text, "demo", &|_| false).expect("demo");
        let listed: Vec<String> = campaign
            .organiser_keys()
            .iter()
            .map(|k| k.to_string())
            .collect();
        assert!(!set_in_force(&mut campaign, &listed), "the same keys");
        let other = vec![key(9)];
        assert!(set_in_force(&mut campaign, &other));
        assert_eq!(campaign.organiser_keys(), vec![other[0].as_str()]);
    }
}
