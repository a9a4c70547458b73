//! SQLite only: which addresses signed a petition, in 8 bytes a signature,
//! so that ten million signers fit in some 100 MB (a hash map of 128-bit
//! keys took 156 MB for one million).
//!
//! An open-addressing table with linear probing: the first 32 bits of an
//! address's keyed hash (uniformly random) are its fingerprint, which also
//! gives its home slot; a slot holds the fingerprint and the signature's
//! id. A lookup returns the ids with the same fingerprint: candidates,
//! which the writer checks against the stored hash, so the one-address rule
//! stays exact. Among ten million signers a new address shares its
//! fingerprint with an earlier one about once in 430 times: one indexed
//! read then.

use super::super::StoreError;

/// An address's place in a table: the first 32 bits of its keyed hash.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct AddressKey(u32);

impl AddressKey {
    pub fn of(hash: &[u8]) -> Self {
        let mut first = [0u8; 4];
        for (to, from) in first.iter_mut().zip(hash) {
            *to = *from;
        }
        AddressKey(u32::from_be_bytes(first))
    }
}

/// Slots are at most this full (in sixteenths): about 10 bytes a signature.
const LOAD_SIXTEENTHS: usize = 13;
const SMALLEST: usize = 16;

#[derive(Debug, Clone)]
pub struct AddressTable {
    fingerprints: Vec<u32>,
    /// 0 marks an empty slot (ids start at 1).
    ids: Vec<u32>,
    len: usize,
}

impl Default for AddressTable {
    fn default() -> Self {
        Self::with_capacity(0)
    }
}

impl AddressTable {
    /// A table that takes `n` addresses before it grows.
    pub fn with_capacity(n: usize) -> Self {
        let slots = (n.saturating_mul(16) / LOAD_SIXTEENTHS + 1).max(SMALLEST);
        AddressTable {
            fingerprints: vec![0; slots],
            ids: vec![0; slots],
            len: 0,
        }
    }

    pub fn len(&self) -> usize {
        self.len
    }

    fn slots(&self) -> usize {
        self.ids.len()
    }

    fn home(&self, fingerprint: u32) -> usize {
        // Multiply-shift maps the fingerprint onto any number of slots evenly.
        ((u64::from(fingerprint) * self.slots() as u64) >> 32) as usize
    }

    fn next(&self, slot: usize) -> usize {
        if slot + 1 == self.slots() {
            0
        } else {
            slot + 1
        }
    }

    /// The ids stored with `key`'s fingerprint.
    pub fn candidates(&self, key: AddressKey) -> Vec<i64> {
        let mut found = Vec::new();
        let mut at = self.home(key.0);
        while self.ids[at] != 0 {
            if self.fingerprints[at] == key.0 {
                found.push(i64::from(self.ids[at]));
            }
            at = self.next(at);
        }
        found
    }

    pub fn insert(&mut self, key: AddressKey, id: i64) -> Result<(), StoreError> {
        let id = u32::try_from(id)
            .ok()
            .filter(|id| *id != 0)
            .ok_or_else(|| StoreError::Corrupt(format!("signature id {id} out of range")))?;
        if (self.len + 1) * 16 > self.slots() * LOAD_SIXTEENTHS {
            self.grow();
        }
        self.place(key.0, id);
        self.len += 1;
        Ok(())
    }

    fn place(&mut self, fingerprint: u32, id: u32) {
        let mut at = self.home(fingerprint);
        while self.ids[at] != 0 {
            at = self.next(at);
        }
        self.fingerprints[at] = fingerprint;
        self.ids[at] = id;
    }

    /// Half as large again: the old and the new table exist together only
    /// while entries move.
    fn grow(&mut self) {
        let slots = (self.slots() + self.slots() / 2).max(SMALLEST);
        let fingerprints = std::mem::replace(&mut self.fingerprints, vec![0; slots]);
        let ids = std::mem::replace(&mut self.ids, vec![0; slots]);
        for (fingerprint, id) in fingerprints.into_iter().zip(ids) {
            if id != 0 {
                self.place(fingerprint, id);
            }
        }
    }

    /// Removes the address `key` stored as `id`; whether it was there.
    pub fn remove(&mut self, key: AddressKey, id: i64) -> bool {
        let Ok(id) = u32::try_from(id) else {
            return false;
        };
        let mut at = self.home(key.0);
        loop {
            if self.ids[at] == 0 {
                return false;
            }
            if self.ids[at] == id && self.fingerprints[at] == key.0 {
                break;
            }
            at = self.next(at);
        }
        // Backward-shift deletion: later entries of the run move into the
        // hole when their home allows, so no run is ever broken.
        let mut hole = at;
        let mut next = self.next(hole);
        while self.ids[next] != 0 {
            let home = self.home(self.fingerprints[next]);
            // The entry stays when its home lies cyclically in (hole, next].
            let stays = if hole <= next {
                hole < home && home <= next
            } else {
                hole < home || home <= next
            };
            if !stays {
                self.ids[hole] = self.ids[next];
                self.fingerprints[hole] = self.fingerprints[next];
                hole = next;
            }
            next = self.next(next);
        }
        self.ids[hole] = 0;
        self.fingerprints[hole] = 0;
        self.len -= 1;
        true
    }

    /// Bytes the table holds.
    #[cfg(test)]
    pub fn bytes(&self) -> usize {
        self.slots() * 8
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use std::collections::HashMap;

    #[derive(Debug, Clone)]
    enum Op {
        Insert(u32, i64),
        Remove(u32, i64),
    }

    fn op() -> impl Strategy<Value = Op> {
        // Few fingerprints, so that runs, shared fingerprints and
        // wrap-arounds are common.
        prop_oneof![
            (0u32..40, 1i64..200).prop_map(|(f, id)| Op::Insert(f.wrapping_mul(0x9e37_79b9), id)),
            (0u32..40, 1i64..200).prop_map(|(f, id)| Op::Remove(f.wrapping_mul(0x9e37_79b9), id)),
        ]
    }

    proptest! {
        /// The table answers as a plain map of (fingerprint, id) would,
        /// through inserts, removals and growth.
        #[test]
        fn agrees_with_a_plain_map(ops in prop::collection::vec(op(), 0..300)) {
            let mut table = AddressTable::default();
            let mut model: HashMap<(u32, i64), ()> = HashMap::new();
            for op in ops {
                match op {
                    Op::Insert(f, id) => {
                        if let std::collections::hash_map::Entry::Vacant(e) = model.entry((f, id)) {
                            table.insert(AddressKey(f), id).expect("insert");
                            e.insert(());
                        }
                    }
                    Op::Remove(f, id) => {
                        prop_assert_eq!(table.remove(AddressKey(f), id), model.remove(&(f, id)).is_some());
                    }
                }
                prop_assert_eq!(table.len(), model.len());
            }
            for f in (0u32..40).map(|f| f.wrapping_mul(0x9e37_79b9)) {
                let mut found = table.candidates(AddressKey(f));
                found.sort();
                let mut expected: Vec<i64> = model.keys().filter(|(g, _)| *g == f).map(|(_, id)| *id).collect();
                expected.sort();
                prop_assert_eq!(found, expected);
            }
        }
    }

    #[test]
    fn ten_million_addresses_take_under_a_hundred_megabytes() {
        let table = AddressTable::with_capacity(10_000_000);
        assert!(table.bytes() < 100 * 1024 * 1024, "{}", table.bytes());
    }

    #[test]
    fn ids_beyond_32_bits_are_refused_not_truncated() {
        let mut table = AddressTable::default();
        assert!(table.insert(AddressKey(1), 1 << 33).is_err());
        assert!(table.insert(AddressKey(1), 0).is_err());
    }
}
