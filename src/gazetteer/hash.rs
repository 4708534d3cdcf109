//! The hasher of the gazetteer's own tables (entities by id, common words).
//!
//! The std hasher (SipHash) resists keys chosen to collide, which matters
//! for keys an attacker sends; these keys come from the gazetteer files the
//! caller loads, and SipHash was a tenth of loading the shipped gazetteer.
//! `rustc-hash`'s `FxHasher` (version 2, a folded multiply over eight bytes
//! at a time) is the one the matcher's builder uses too; the tests below
//! check the two properties the tables rely on.

use std::collections::{HashMap, HashSet};

use rustc_hash::FxBuildHasher;

/// A map keyed by gazetteer text.
pub(crate) type FastMap<K, V> = HashMap<K, V, FxBuildHasher>;

/// A set of gazetteer keys.
pub(crate) type FastSet<K> = HashSet<K, FxBuildHasher>;

#[cfg(test)]
mod tests {
    use super::*;
    use core::hash::BuildHasher;

    fn hash(bytes: &[u8]) -> u64 {
        FxBuildHasher.hash_one(bytes)
    }

    #[test]
    fn every_byte_and_the_length_count() {
        let base = b"bd:30261234:x".to_vec();
        let mut seen = std::collections::HashSet::new();
        assert!(seen.insert(hash(&base)));
        for i in 0..base.len() {
            let mut changed = base.clone();
            changed[i] ^= 0x40;
            assert!(seen.insert(hash(&changed)), "byte {i}");
        }
        for len in 0..base.len() {
            assert!(seen.insert(hash(&base[..len])), "prefix {len}");
        }
        assert_ne!(hash(b"a"), hash(b"a\0"));
    }

    #[test]
    fn ids_that_differ_late_spread_over_the_low_bits() {
        // Ids of one file share a long prefix and differ in their last
        // digits; a table of 1024 buckets must still see them spread.
        let buckets: std::collections::HashSet<u64> = (0..1000)
            .map(|i| hash(format!("bd:upazila:{i:04}").as_bytes()) & 1023)
            .collect();
        assert!(buckets.len() > 500, "{} buckets", buckets.len());
    }
}
