//! The set of documents a graph holds, kept compactly so that a saved
//! graph knows which documents it already counts.
//!
//! Each document id (and the id of each copy counted with it) is held as
//! its 64-bit FNV-1a hash. In the JSON the set is
//! `"held": {"hash": "fnv1a64", "ids": "…"}`: the hashes sorted, each
//! written as 16 lower-case hex digits, end to end (16 bytes per
//! document). Two different ids share a hash with probability about
//! n²/2⁶⁵ for n documents (one in ten million for a million).

use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;

/// The name of the hash, as written in the JSON.
pub const HASH_NAME: &str = "fnv1a64";

/// The 64-bit FNV-1a hash of a document id.
pub fn id_hash(id: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in id.as_bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

/// The documents a graph holds, by id hash.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct HeldDocs {
    hashes: BTreeSet<u64>,
}

impl HeldDocs {
    /// Hold the document `id`.
    pub fn insert(&mut self, id: &str) {
        self.hashes.insert(id_hash(id));
    }

    /// True when the document `id` is held.
    pub fn contains(&self, id: &str) -> bool {
        self.hashes.contains(&id_hash(id))
    }

    /// How many documents are held.
    pub fn len(&self) -> usize {
        self.hashes.len()
    }

    /// True when no document is held.
    pub fn is_empty(&self) -> bool {
        self.hashes.is_empty()
    }

    /// Hold every document `other` holds.
    pub fn extend(&mut self, other: &HeldDocs) {
        self.hashes.extend(other.hashes.iter().copied());
    }

    /// How many documents both hold.
    pub fn common(&self, other: &HeldDocs) -> usize {
        self.hashes.intersection(&other.hashes).count()
    }

    /// The JSON form.
    pub fn to_json(&self) -> HeldJson {
        let mut ids = String::with_capacity(16 * self.hashes.len());
        for h in &self.hashes {
            use std::fmt::Write;
            let _ = write!(ids, "{h:016x}");
        }
        HeldJson {
            hash: HASH_NAME.into(),
            ids,
        }
    }

    /// The set from its JSON form.
    pub fn from_json(j: &HeldJson) -> Result<HeldDocs, String> {
        if j.hash != HASH_NAME {
            return Err(format!(
                "held documents hashed with {:?}, not {HASH_NAME:?}",
                j.hash
            ));
        }
        if j.ids.len() % 16 != 0 || !j.ids.is_ascii() {
            return Err("held document ids are not 16-digit hex hashes".into());
        }
        let mut hashes = BTreeSet::new();
        for k in (0..j.ids.len()).step_by(16) {
            let h = u64::from_str_radix(&j.ids[k..k + 16], 16)
                .map_err(|_| format!("held document hash {:?} is not hex", &j.ids[k..k + 16]))?;
            hashes.insert(h);
        }
        Ok(HeldDocs { hashes })
    }
}

/// [`HeldDocs`] in the JSON.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct HeldJson {
    /// The hash of the ids: `fnv1a64`.
    pub hash: String,
    /// The sorted hashes, 16 hex digits each, end to end.
    pub ids: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn held_round_trip() {
        let mut h = HeldDocs::default();
        for id in ["harbor-wire/001", "a.txt", ""] {
            h.insert(id);
        }
        assert!(h.contains("a.txt") && !h.contains("b.txt"));
        let j = h.to_json();
        assert_eq!(j.ids.len(), 48);
        assert_eq!(HeldDocs::from_json(&j).unwrap(), h);
        // The known FNV-1a value of the empty string.
        assert!(j.ids.contains("cbf29ce484222325"));
        let bad = HeldJson {
            hash: HASH_NAME.into(),
            ids: "xyz".into(),
        };
        assert!(HeldDocs::from_json(&bad).is_err());
    }
}
