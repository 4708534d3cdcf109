//! Partial person names: শোইগু, ওয়াটসন, পুতিন alone.
//!
//! News names a person fully once (সের্গেই শোইগু) and then by one part of
//! the name. Each part of a person's multi-word Bengali name goes into the
//! automaton as a *partial* entry; a partial hit becomes a mention only when
//! exactly one person with that part was already named fully (by an exact,
//! Latin or variant mention) earlier in the same [`Document`](super::Document).
//! Parts need at least two letters and three key bytes, and a part that is
//! a common word is never used (সের্গেই শোইগু → শোইগু, সের্গেই; কিম জং উন →
//! কিম only).

use std::collections::HashSet;

use super::variant::letters;

/// The parts of a multi-word alias key that may stand for the whole name.
pub(crate) fn parts(key: &[u8]) -> impl Iterator<Item = &[u8]> {
    let multi_word = key.contains(&b' ');
    key.split(|&b| b == b' ')
        .filter(move |part| multi_word && part.len() >= 3 && letters(part) >= 2)
}

/// Entities named fully so far in one document.
#[derive(Clone, Debug, Default)]
pub(crate) struct Named {
    targets: HashSet<u32>,
}

impl Named {
    pub(crate) fn insert(&mut self, target: u32) {
        self.targets.insert(target);
    }

    pub(crate) fn contains(&self, target: u32) -> bool {
        self.targets.contains(&target)
    }

    pub(crate) fn clear(&mut self) {
        self.targets.clear();
    }

    /// The one target of `candidates` named so far, if exactly one was.
    pub(crate) fn only_one(&self, candidates: impl Iterator<Item = u32>) -> Option<u32> {
        let mut found = None;
        for target in candidates {
            if self.contains(target) {
                if found.is_some_and(|f| f != target) {
                    return None;
                }
                found = Some(target);
            }
        }
        found
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalize::key;

    #[test]
    fn parts_of_multi_word_names_only() {
        let k = key::fold("কিম জং উন");
        let got: Vec<String> = parts(k.bytes()).map(key::decode).collect();
        assert_eq!(got, ["কিম"]); // জং has only two key bytes
        assert_eq!(parts(key::fold("পুতিন").bytes()).count(), 0);
    }

    #[test]
    fn only_one_named_candidate_links() {
        let mut named = Named::default();
        assert_eq!(named.only_one([1, 2].into_iter()), None);
        named.insert(2);
        assert_eq!(named.only_one([1, 2].into_iter()), Some(2));
        named.insert(1);
        assert_eq!(named.only_one([1, 2].into_iter()), None);
    }
}
