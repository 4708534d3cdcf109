//! A compact anchored trie over the alias keys.
//!
//! Every search starts at a token start, so the automaton needs no failure
//! links: a plain trie, walked from the root until it dead-ends, reports
//! every key that is a prefix of the text there (shortest first). Building
//! one from the sorted keys is a single level-by-level pass, which is what
//! makes a million aliases build in well under two seconds; aho-corasick's
//! builders spend most of their time on the failure links (BENCHMARKS.md
//! has the numbers).
//!
//! Layout: nodes in breadth-first order, so the children of a node are
//! consecutive. `labels[n]` is the byte on the edge into node `n`;
//! `nodes[n][0]..nodes[n + 1][0]` are its children, sorted by label;
//! `nodes[n][1]` is one more than the key ending at `n`, or 0. That is 9
//! bytes per node.
//! The root's children are looked up in a 256-entry table.

/// Distinct byte-string keys in an anchored trie.
#[derive(Clone, Debug)]
pub(crate) struct Trie {
    /// Per node `[first child, pattern + 1 or 0]`, interleaved so that a
    /// step of the walk reads one cache line of nodes; one more entry holds
    /// the end of the last node's children.
    nodes: Vec<[u32; 2]>,
    labels: Vec<u8>,
    /// The root's child for each byte, 0 for none.
    root: Box<[u32; 256]>,
}

/// Why a trie could not be built: more nodes or keys than `u32` counts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct TooLarge;

impl Trie {
    /// A trie over `keys`; pattern `i` is `keys[i]`. Duplicate keys keep
    /// the first index; empty keys are ignored.
    pub(crate) fn new<K: AsRef<[u8]>>(keys: &[K]) -> Result<Trie, TooLarge> {
        u32::try_from(keys.len()).map_err(|_| TooLarge)?;
        let key = |i: u32| -> &[u8] { keys.get(i as usize).map(AsRef::as_ref).unwrap_or_default() };
        // Sort by an 8-byte prefix first: a million keys scattered over the
        // heap would otherwise cost a cache miss per comparison. Equal keys
        // stay in index order, so the first index wins.
        let prefix = |k: &[u8]| {
            let mut head = [0u8; 8];
            for (slot, &b) in head.iter_mut().zip(k) {
                *slot = b;
            }
            u64::from_be_bytes(head)
        };
        let mut order: Vec<(u64, u32)> = (0u32..)
            .zip(keys)
            .filter(|(_, k)| !k.as_ref().is_empty())
            .map(|(i, k)| (prefix(k.as_ref()), i))
            .collect();
        order.sort_unstable();
        // Keys that share their first eight bytes: order them in full.
        let mut run = 0;
        while run < order.len() {
            let head = order.get(run).map_or(0, |&(p, _)| p);
            let len = order
                .get(run..)
                .unwrap_or_default()
                .iter()
                .take_while(|&&(p, _)| p == head)
                .count();
            if len > 1 {
                if let Some(tied) = order.get_mut(run..run + len) {
                    tied.sort_unstable_by(|a, b| key(a.1).cmp(key(b.1)).then(a.1.cmp(&b.1)));
                }
            }
            run += len.max(1);
        }
        // The sorted keys, packed: the level passes below read them in order.
        let total: usize = order.iter().map(|&(_, i)| key(i).len()).sum();
        let mut arena = Vec::with_capacity(total);
        let mut bounds = Vec::with_capacity(order.len() + 1);
        bounds.push(0u32);
        for &(_, i) in &order {
            arena.extend_from_slice(key(i));
            bounds.push(u32::try_from(arena.len()).map_err(|_| TooLarge)?);
        }
        let sorted = |j: u32| -> &[u8] {
            let (lo, hi) = (
                bounds.get(j as usize).copied().unwrap_or(0),
                bounds.get(j as usize + 1).copied().unwrap_or(0),
            );
            arena.get(lo as usize..hi as usize).unwrap_or_default()
        };
        let index = |j: u32| order.get(j as usize).map_or(0, |&(_, i)| i);
        let mut first = Vec::new();
        let mut labels = vec![0u8];
        let mut pattern = vec![0u32];
        // The key ranges (in sorted order) of the nodes of the current
        // level, in node order; a node's range excludes a key ending at it.
        let mut level: Vec<(u32, u32)> =
            vec![(0, u32::try_from(order.len()).map_err(|_| TooLarge)?)];
        let mut next: Vec<(u32, u32)> = Vec::new();
        let mut depth = 0usize;
        while !level.is_empty() {
            next.clear();
            for &(lo, hi) in &level {
                first.push(u32::try_from(labels.len()).map_err(|_| TooLarge)?);
                let mut i = lo;
                while i < hi {
                    let byte_at = |j: u32| sorted(j).get(depth).copied();
                    let Some(byte) = byte_at(i) else {
                        // A duplicate of a key that ended above.
                        i += 1;
                        continue;
                    };
                    let mut j = i + 1;
                    while j < hi && byte_at(j) == Some(byte) {
                        j += 1;
                    }
                    let ends_here = sorted(i).len() == depth + 1;
                    labels.push(byte);
                    pattern.push(if ends_here { index(i) + 1 } else { 0 });
                    let mut from = i + u32::from(ends_here);
                    // Later duplicates of the key ending here.
                    while from < j && sorted(from).len() == depth + 1 {
                        from += 1;
                    }
                    next.push((from, j));
                    i = j;
                }
            }
            core::mem::swap(&mut level, &mut next);
            depth += 1;
        }
        first.push(u32::try_from(labels.len()).map_err(|_| TooLarge)?);
        let mut root = Box::new([0u32; 256]);
        let (start, end) = (
            first.first().copied().unwrap_or(0),
            first.get(1).copied().unwrap_or(0),
        );
        for child in start..end {
            if let Some(&label) = labels.get(child as usize) {
                if let Some(slot) = root.get_mut(usize::from(label)) {
                    *slot = child;
                }
            }
        }
        let mut nodes: Vec<[u32; 2]> = first
            .iter()
            .enumerate()
            .map(|(n, &f)| [f, pattern.get(n).copied().unwrap_or(0)])
            .collect();
        nodes.shrink_to_fit();
        labels.shrink_to_fit();
        Ok(Trie {
            nodes,
            labels,
            root,
        })
    }

    /// Heap memory in bytes.
    pub(crate) fn memory_usage(&self) -> usize {
        self.nodes.capacity() * 8 + self.labels.capacity() + 256 * 4
    }

    /// Number of nodes, the root included.
    #[cfg(test)]
    pub(crate) fn nodes(&self) -> usize {
        self.labels.len()
    }

    /// The child of `node` on `byte`.
    #[inline]
    fn child(&self, node: u32, byte: u8) -> Option<u32> {
        let lo = self.nodes.get(node as usize)?[0];
        let hi = self.nodes.get(node as usize + 1)?[0];
        let labels = self.labels.get(lo as usize..hi as usize)?;
        let found = if labels.len() <= 8 {
            labels.iter().position(|&l| l == byte)
        } else {
            labels.binary_search(&byte).ok()
        };
        found.map(|i| lo + i as u32)
    }

    /// Calls `found(pattern, end)` for every key that is a prefix of
    /// `hay[at..]`, shortest first; `end` is an index into `hay`.
    #[inline]
    pub(crate) fn prefixes(&self, hay: &[u8], at: usize, mut found: impl FnMut(usize, usize)) {
        let rest = hay.get(at..).unwrap_or_default();
        let mut bytes = rest.iter();
        let Some(&b0) = bytes.next() else {
            return;
        };
        let mut node = self.root.get(usize::from(b0)).copied().unwrap_or(0);
        if node == 0 {
            return;
        }
        let mut end = at + 1;
        loop {
            if let Some(&[_, p]) = self.nodes.get(node as usize) {
                if p != 0 {
                    found(p as usize - 1, end);
                }
            }
            let Some(&byte) = bytes.next() else {
                return;
            };
            match self.child(node, byte) {
                Some(child) => node = child,
                None => return,
            }
            end += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn all(trie: &Trie, hay: &[u8], at: usize) -> Vec<(usize, usize)> {
        let mut out = Vec::new();
        trie.prefixes(hay, at, |p, end| out.push((p, end)));
        out
    }

    /// Every key that is a prefix of `hay[at..]`, by brute force.
    fn naive(keys: &[Vec<u8>], hay: &[u8], at: usize) -> Vec<(usize, usize)> {
        let mut out: Vec<(usize, usize)> = Vec::new();
        for (i, k) in keys.iter().enumerate() {
            if !k.is_empty() && hay[at..].starts_with(k) && !out.iter().any(|&(p, _)| keys[p] == *k)
            {
                out.push((i, at + k.len()));
            }
        }
        out.sort_by_key(|&(_, end)| end);
        out
    }

    #[test]
    fn reports_every_prefix_key_shortest_first() {
        let keys = [
            b"ab".to_vec(),
            b"abcd".to_vec(),
            b"bc".to_vec(),
            b"abc".to_vec(),
        ];
        let trie = Trie::new(&keys).unwrap();
        assert_eq!(all(&trie, b"abcde", 0), [(0, 2), (3, 3), (1, 4)]);
        assert_eq!(all(&trie, b"abcde", 1), [(2, 3)]);
        assert_eq!(all(&trie, b"xabc", 0), []);
        assert_eq!(all(&trie, b"a", 0), []);
        assert_eq!(all(&trie, b"ab", 5), []);
        assert_eq!(trie.nodes(), 7); // root, a, b, ab, bc, abc, abcd
    }

    #[test]
    fn duplicates_keep_the_first_index_and_empty_keys_are_ignored() {
        let keys = [b"x".to_vec(), Vec::new(), b"xy".to_vec(), b"x".to_vec()];
        let trie = Trie::new(&keys).unwrap();
        assert_eq!(all(&trie, b"xyz", 0), [(0, 1), (2, 2)]);
        let empty: [Vec<u8>; 0] = [];
        assert_eq!(all(&Trie::new(&empty).unwrap(), b"x", 0), []);
    }

    #[test]
    fn wide_nodes_use_binary_search() {
        let keys: Vec<Vec<u8>> = (0u8..=255).map(|b| vec![7, b, b]).collect();
        let trie = Trie::new(&keys).unwrap();
        for b in 0u8..=255 {
            assert_eq!(all(&trie, &[7, b, b, 1], 0), [(usize::from(b), 3)]);
        }
    }

    proptest! {
        #[test]
        fn agrees_with_brute_force(
            keys in proptest::collection::vec(proptest::collection::vec(0u8..4, 0..5), 0..30),
            hay in proptest::collection::vec(0u8..4, 0..8),
        ) {
            let trie = Trie::new(&keys).unwrap();
            for at in 0..=hay.len() {
                prop_assert_eq!(all(&trie, &hay, at), naive(&keys, &hay, at));
            }
        }
    }
}
