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
//! `first[n]..first[n + 1]` are its children, sorted by label (the top bit
//! of `first[n]` flags a node where a key ends). Bit `n` of `ends` repeats
//! that flag, and the keys are listed in node order, found by rank. That is 5 bytes and 1.5 bits per node, and 4
//! bytes per key: with a million keys most nodes end no key (a pattern
//! number in every node made the trie a third larger).
//! The root's children are looked up in a 256-entry table, and the
//! grandchildren in a table by (child, class of the second byte): nearly
//! every walk passes the first two levels, where nodes are widest.

/// Distinct byte-string keys in an anchored trie.
#[derive(Clone, Debug)]
pub(crate) struct Trie {
    /// Per node its first child; one more entry holds the end of the last
    /// node's children.
    first: Vec<u32>,
    labels: Vec<u8>,
    /// Bit `n % 64` of word `n / 64`: a key ends at node `n`.
    ends: Vec<u64>,
    /// Per word of `ends`: the bits set in the words before it.
    ranks: Vec<u32>,
    /// The keys ending at nodes, in node order.
    patterns: Vec<u32>,
    /// The root's child for each byte, 0 for none.
    root: Box<[u32; 256]>,
    /// One more than the class of each byte that labels an edge into the
    /// second level, 0 for the others.
    classes: Box<[u8; 256]>,
    /// Number of classes.
    width: usize,
    /// `second[(child - 1) * width + class]`: the child of the root's
    /// child `child` (nodes 1, 2, … in breadth-first order) on the bytes of
    /// `class`, 0 for none.
    second: Vec<u32>,
}

/// The flag in `first[n]` of a node where a key ends (node numbers stay
/// below it).
const ENDS: u32 = 1 << 31;

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
        // The second level's table: classes of the bytes into it, then one
        // row per child of the root.
        let mut classes = Box::new([0u8; 256]);
        let mut width = 0usize;
        let level_two = first.get(start as usize).copied().unwrap_or(0)
            ..first.get(end as usize).copied().unwrap_or(0);
        for node in level_two {
            if let Some(&label) = labels.get(node as usize) {
                if let Some(class) = classes.get_mut(usize::from(label)) {
                    if *class == 0 {
                        width += 1;
                        *class = u8::try_from(width).unwrap_or(u8::MAX);
                    }
                }
            }
        }
        let children = (end - start) as usize;
        let mut second = vec![0u32; children * width];
        for child in start..end {
            let (lo, hi) = (
                first.get(child as usize).copied().unwrap_or(0),
                first.get(child as usize + 1).copied().unwrap_or(0),
            );
            for grandchild in lo..hi {
                let class = labels
                    .get(grandchild as usize)
                    .and_then(|&l| classes.get(usize::from(l)))
                    .map_or(0, |&c| usize::from(c));
                let row = (child - start) as usize;
                if let Some(slot) = class
                    .checked_sub(1)
                    .and_then(|c| second.get_mut(row * width + c))
                {
                    *slot = grandchild;
                }
            }
        }
        let mut ends = vec![0u64; pattern.len().div_ceil(64)];
        let mut ranks = Vec::with_capacity(ends.len());
        let mut patterns = Vec::new();
        for (word, chunk) in ends.iter_mut().zip(pattern.chunks(64)) {
            ranks.push(u32::try_from(patterns.len()).map_err(|_| TooLarge)?);
            for (bit, &p) in chunk.iter().enumerate() {
                if p != 0 {
                    *word |= 1 << bit;
                    patterns.push(p - 1);
                }
            }
        }
        // The walk tests the flag beside the child range it reads anyway;
        // the bitmap gives the key's rank.
        if labels.len() > ENDS as usize {
            return Err(TooLarge);
        }
        for (f, &p) in first.iter_mut().zip(&pattern) {
            if p != 0 {
                *f |= ENDS;
            }
        }
        drop(pattern);
        first.shrink_to_fit();
        labels.shrink_to_fit();
        Ok(Trie {
            first,
            labels,
            ends,
            ranks,
            patterns,
            root,
            classes,
            width,
            second,
        })
    }

    /// Heap memory in bytes.
    pub(crate) fn memory_usage(&self) -> usize {
        (self.first.capacity()
            + self.ranks.capacity()
            + self.patterns.capacity()
            + self.second.capacity())
            * 4
            + self.ends.capacity() * 8
            + self.labels.capacity()
            + 256 * 5
    }

    /// Number of nodes, the root included.
    #[cfg(test)]
    pub(crate) fn nodes(&self) -> usize {
        self.labels.len()
    }

    /// The key ending at `node`, a node whose [`ENDS`] flag is set.
    #[cold]
    fn pattern(&self, node: u32) -> Option<usize> {
        let n = node as usize;
        let word = *self.ends.get(n / 64)?;
        let bit = 1u64 << (n % 64);
        let rank = *self.ranks.get(n / 64)? + (word & (bit - 1)).count_ones();
        self.patterns.get(rank as usize).map(|&p| p as usize)
    }

    /// The child of `node` on `byte`.
    #[inline]
    fn child(&self, node: u32, byte: u8) -> Option<u32> {
        let lo = *self.first.get(node as usize)? & !ENDS;
        let hi = *self.first.get(node as usize + 1)? & !ENDS;
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
            if self
                .first
                .get(node as usize)
                .is_some_and(|&f| f & ENDS != 0)
            {
                if let Some(p) = self.pattern(node) {
                    found(p, end);
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

impl Trie {
    /// [`prefixes`](Self::prefixes) over key bytes made on the fly: the
    /// key bytes are `first`, `second`, then `rest`, each with a position
    /// (the text offset where its character ends), and `found(pattern,
    /// position)` gets the position of the key's last byte. Like the
    /// matcher's prefilter, finds nothing unless some key starts with the
    /// first two bytes. Reads no byte past the walk's dead end.
    #[inline]
    pub(crate) fn walk(
        &self,
        (b0, end0): (u8, usize),
        (b1, mut end): (u8, usize),
        mut rest: impl Iterator<Item = (u8, usize)>,
        mut found: impl FnMut(usize, usize),
    ) {
        let child = self.root.get(usize::from(b0)).copied().unwrap_or(0);
        let class = self.classes.get(usize::from(b1)).copied().unwrap_or(0);
        if child == 0 || class == 0 {
            return;
        }
        // The root's children are nodes 1, 2, … (the root is node 0).
        let row = (child as usize - 1) * self.width;
        let mut node = self
            .second
            .get(row + usize::from(class) - 1)
            .copied()
            .unwrap_or(0);
        if node == 0 {
            return;
        }
        if self
            .first
            .get(child as usize)
            .is_some_and(|&f| f & ENDS != 0)
        {
            if let Some(p) = self.pattern(child) {
                found(p, end0);
            }
        }
        loop {
            let Some(&[lo, hi]) = self.first.get(node as usize..node as usize + 2) else {
                return;
            };
            if lo & ENDS != 0 {
                if let Some(p) = self.pattern(node) {
                    found(p, end);
                }
            }
            let (lo, hi) = (lo & !ENDS, hi & !ENDS);
            if lo == hi {
                return;
            }
            let Some((byte, next_end)) = rest.next() else {
                return;
            };
            let Some(labels) = self.labels.get(lo as usize..hi as usize) else {
                return;
            };
            // Labels are sorted: a short scan stops at the first larger one.
            let at = if labels.len() <= 8 {
                match labels.iter().position(|&l| l >= byte) {
                    Some(i) if labels.get(i) == Some(&byte) => i,
                    _ => return,
                }
            } else {
                match labels.binary_search(&byte) {
                    Ok(i) => i,
                    Err(_) => return,
                }
            };
            node = lo + at as u32;
            end = next_end;
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
                let expected = naive(&keys, &hay, at);
                prop_assert_eq!(all(&trie, &hay, at), expected.clone());
                // The lazy walk, with the index after each byte as its position.
                let mut walked = Vec::new();
                let mut bytes = hay.iter().enumerate().skip(at).map(|(i, &b)| (b, i + 1));
                // The lazy walk starts with two bytes in hand and, like the
                // matcher's prefilter, finds nothing unless some key starts
                // with both.
                if let (Some(first), Some(second)) = (bytes.next(), bytes.next()) {
                    trie.walk(first, second, bytes, |p, end| walked.push((p, end)));
                    let pair = &hay[at..at + 2];
                    let gated = if keys.iter().any(|k| k.starts_with(pair)) {
                        expected
                    } else {
                        Vec::new()
                    };
                    prop_assert_eq!(walked, gated);
                }
            }
        }
    }
}
