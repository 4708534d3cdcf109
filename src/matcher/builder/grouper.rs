//! Keys grouped: each distinct key once, with the entries of every alias
//! that folds to it, in prior order, ready for the automaton.

use std::collections::hash_map;
use std::collections::HashMap;
use std::hash::BuildHasherDefault;

use super::{BuildError, PARALLEL_MIN};
use crate::matcher::automaton::KeyAutomaton;
use crate::matcher::mention::MatchKind;
use crate::matcher::{latin, Entry, Table};

/// Groups entries by key, keeping keys in first-seen order so that builds
/// are reproducible. Keys live in one arena and entries in one list (a
/// million aliases would otherwise mean millions of small allocations).
#[derive(Default)]
pub(super) struct Grouper {
    /// Hash of a key → its slot; a different key with the same hash moves
    /// on to the next hash value.
    index: HashMap<u64, u32, BuildHasherDefault<Prehashed>>,
    arena: Vec<u8>,
    /// Key `s` is `arena[bounds[s]..bounds[s + 1]]`.
    bounds: Vec<u32>,
    /// `(slot, entry)` in the order added.
    entries: Vec<(u32, Entry)>,
    weak: Vec<bool>,
    open_end: Vec<bool>,
}

/// The hasher of [`Grouper::index`], whose keys are hashes already.
#[derive(Default)]
struct Prehashed(u64);

impl core::hash::Hasher for Prehashed {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        self.0 = hash_key(bytes);
    }

    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

/// Key `slot` of a grouper's arena.
fn key_of<'a>(arena: &'a [u8], bounds: &[u32], slot: u32) -> &'a [u8] {
    let lo = bounds.get(slot as usize).copied().unwrap_or(0);
    let hi = bounds.get(slot as usize + 1).copied().unwrap_or(0);
    arena.get(lo as usize..hi as usize).unwrap_or_default()
}

/// A fast non-cryptographic hash of a key: the keys come from the caller's
/// own gazetteer, so nothing is gained from SipHash's resistance to chosen
/// collisions (and colliding keys are still compared).
pub(super) fn hash_key(key: &[u8]) -> u64 {
    let mut hasher = rustc_hash::FxHasher::default();
    core::hash::Hasher::write(&mut hasher, key);
    core::hash::Hasher::finish(&hasher)
}

impl Grouper {
    /// A grouper with room for about `keys` keys and entries.
    pub(super) fn with_capacity(keys: usize) -> Self {
        let mut index = HashMap::default();
        index.reserve(keys);
        Grouper {
            index,
            arena: Vec::with_capacity(keys * 16),
            bounds: Vec::with_capacity(keys + 1),
            entries: Vec::with_capacity(keys),
            weak: Vec::with_capacity(keys),
            open_end: Vec::with_capacity(keys),
        }
    }

    /// Adds `entry` under `key`, whose [`hash_key`] is `hash`; `weak` marks
    /// a common word, `open_end` a variant key whose alias ended in signs
    /// the fold dropped.
    pub(super) fn add_hashed(
        &mut self,
        key: &[u8],
        mut hash: u64,
        entry: Entry,
        weak: bool,
        open_end: bool,
    ) {
        if self.bounds.is_empty() {
            self.bounds.push(0);
        }
        let slot = loop {
            match self.index.entry(hash) {
                hash_map::Entry::Occupied(found) => {
                    let slot = *found.get();
                    if key_of(&self.arena, &self.bounds, slot) == key {
                        break slot;
                    }
                    hash = hash.wrapping_add(1);
                }
                hash_map::Entry::Vacant(free) => {
                    let slot = u32::try_from(self.weak.len()).unwrap_or(u32::MAX);
                    free.insert(slot);
                    self.arena.extend_from_slice(key);
                    self.bounds
                        .push(u32::try_from(self.arena.len()).unwrap_or(u32::MAX));
                    self.weak.push(false);
                    self.open_end.push(false);
                    break slot;
                }
            }
        };
        self.entries.push((slot, entry));
        if let Some(w) = self.weak.get_mut(slot as usize) {
            *w |= weak;
        }
        if let Some(o) = self.open_end.get_mut(slot as usize) {
            *o |= open_end;
        }
    }

    pub(super) fn finish<K: Ord>(
        self,
        order: &impl Fn(&Entry) -> K,
        aho_corasick: bool,
    ) -> Result<Table, BuildError> {
        let Grouper {
            index,
            arena,
            bounds: key_bounds,
            entries,
            mut weak,
            mut open_end,
        } = self;
        drop(index);
        let keys = weak.len();
        let all: Vec<&[u8]> = (0..u32::try_from(keys).unwrap_or(u32::MAX))
            .map(|slot| key_of(&arena, &key_bounds, slot))
            .collect();
        let automaton = || (!all.is_empty()).then(|| KeyAutomaton::new(&all, aho_corasick));
        // The automaton needs only the keys, and the entries only their
        // slots: with many keys, each is built on a thread of its own.
        let (automaton, (bounds, entries)) = if keys >= PARALLEL_MIN {
            std::thread::scope(|scope| {
                let keyed = scope.spawn(automaton);
                let grouped = group_entries(entries, keys, order);
                // The thread died: build the automaton here instead.
                let automaton = keyed.join().unwrap_or_else(|_| automaton());
                (automaton, grouped)
            })
        } else {
            (automaton(), group_entries(entries, keys, order))
        };
        weak.shrink_to_fit();
        open_end.shrink_to_fit();
        Ok(Table {
            automaton: automaton.transpose()?,
            bounds,
            entries,
            weak,
            open_end,
        })
    }
}

/// The entries of `keys` keys, grouped by slot and ranked by `order`, with
/// the bounds of each key's group; `added` is `(slot, entry)` in the order
/// added.
fn group_entries<K: Ord>(
    added: Vec<(u32, Entry)>,
    keys: usize,
    order: &impl Fn(&Entry) -> K,
) -> (Vec<u32>, Vec<Entry>) {
    // A counting sort by slot (stable: within a key, entries stay in
    // the order added).
    let mut starts = vec![0usize; keys + 1];
    for &(slot, _) in &added {
        if let Some(count) = starts.get_mut(slot as usize + 1) {
            *count += 1;
        }
    }
    for i in 1..starts.len() {
        let before = starts.get(i - 1).copied().unwrap_or(0);
        if let Some(count) = starts.get_mut(i) {
            *count += before;
        }
    }
    let mut sorted = vec![(0u32, Entry::new(0, MatchKind::Exact, latin::Case::Any)); added.len()];
    for &(slot, entry) in &added {
        if let Some(next) = starts.get_mut(slot as usize) {
            if let Some(place) = sorted.get_mut(*next) {
                *place = (slot, entry);
            }
            *next += 1;
        }
    }
    drop(added);
    let mut entries: Vec<Entry> = Vec::with_capacity(sorted.len());
    let mut bounds = Vec::with_capacity(keys + 1);
    bounds.push(0);
    let mut rest = sorted.as_slice();
    for slot in 0..u32::try_from(keys).unwrap_or(u32::MAX) {
        let len = rest.iter().take_while(|&&(s, _)| s == slot).count();
        let (group, tail) = rest.split_at(len.min(rest.len()));
        rest = tail;
        let start = entries.len();
        for &(_, entry) in group {
            // One entry per target and kind: the first field wins.
            let seen = entries
                .get(start..)
                .unwrap_or_default()
                .iter()
                .any(|e| e.target == entry.target && e.kind == entry.kind);
            if !seen {
                entries.push(entry);
            }
        }
        if let Some(group) = entries.get_mut(start..) {
            group.sort_by_key(order);
        }
        bounds.push(u32::try_from(entries.len()).unwrap_or(u32::MAX));
    }
    entries.shrink_to_fit();
    (bounds, entries)
}
