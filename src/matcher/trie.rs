//! A compact anchored trie over the alias keys.
//!
//! Every search starts at a token start, so the automaton needs no failure
//! links: a plain trie, walked from the root until it dead-ends, reports
//! every key that is a prefix of the text there (shortest first). Building
//! one from the sorted keys takes two passes over them (count the nodes of
//! each depth, then write each node in its place), with no comparison past
//! the sort; aho-corasick's builders spend most of their time on the
//! failure links (BENCHMARKS.md has the numbers).
//!
//! Layout: nodes in breadth-first order, so the children of a node are
//! consecutive. `labels[n]` is the byte on the edge into node `n`;
//! `first[n]..first[n + 1]` are its children, sorted by label (the top bit
//! of `first[n]` flags a node where a key ends). Bit `n` of `ends` repeats
//! that flag, and the keys are listed in node order, found by rank. That is 5 bytes and 1.5 bits per node, and 4
//! bytes per key: with a million keys most nodes end no key (a pattern
//! number in every node made the trie a third larger).
//! The root's children are looked up in a 256-entry table, the
//! grandchildren in a table by (child, class of the second byte), and the
//! third level in a table of bytes by (second-level node, class of the
//! third byte): nearly every walk passes the first two levels, and the
//! second level's nodes are the widest (dozens of children, where deeper
//! nodes have one or two), so a binary search there mispredicted its way
//! through most walks. At most (letters)² nodes are on that level however
//! many keys there are. Deeper, up to eight sorted labels are compared at
//! once as one word.

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
    classes: Box<[u16; 256]>,
    /// Number of classes.
    width: usize,
    /// `second[(child - 1) * width + class]`: the child of the root's
    /// child `child` (nodes 1, 2, … in breadth-first order) on the bytes of
    /// `class`, 0 for none.
    second: Vec<u32>,
    /// The third level's table: the first node of the second level and
    /// the number of rows (all its nodes, or none if one of them has 256
    /// children or more), the classes of the bytes into the third level
    /// (one more than the class, 0 for none) and their number, and per
    /// second-level node and class one more than the child's place among
    /// its children (0 for none).
    third_from: u32,
    third_rows: u32,
    third_classes: Box<[u16; 256]>,
    third_width: usize,
    third: Vec<u8>,
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
        let unsorted: Vec<(u64, u32)> = (0u32..)
            .zip(keys)
            .filter(|(_, k)| !k.as_ref().is_empty())
            .map(|(i, k)| (prefix(k.as_ref()), i))
            .collect();
        let mut order = sorted(&unsorted);
        drop(unsorted);
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
        // Breadth-first order within a depth is sorted order, and a key adds
        // one node per depth past the prefix it shares with the key before
        // it. So one pass counts the nodes of every depth and a second
        // writes each node straight into its place. The first pass keeps
        // each key's new bytes (front coding) for the second to read in a
        // row: the keys themselves lie scattered over the heap.
        let mut tails: Vec<u8> = Vec::new();
        // Per key: the length of the prefix it shares, where its new bytes
        // end in `tails`, its index. Duplicates add nothing.
        let mut runs: Vec<(u32, u32, u32)> = Vec::with_capacity(order.len());
        // Keys whose nodes begin / end at each depth (the root is depth 0).
        let mut begin: Vec<u32> = Vec::new();
        let mut finish: Vec<u32> = Vec::new();
        let mut prev: &[u8] = &[];
        for &(_, i) in &order {
            let k = key(i);
            let shared = prev.iter().zip(k).take_while(|(a, b)| a == b).count();
            prev = k;
            // Sorted, so a key that is a prefix of the one before is equal
            // to it: the first index keeps the node.
            let Some(new) = k.get(shared..).filter(|new| !new.is_empty()) else {
                continue;
            };
            if begin.len() <= k.len() {
                begin.resize(k.len() + 1, 0);
                finish.resize(k.len() + 1, 0);
            }
            if let Some(b) = begin.get_mut(shared + 1) {
                *b += 1;
            }
            if let Some(f) = finish.get_mut(k.len()) {
                *f += 1;
            }
            tails.extend_from_slice(new);
            runs.push((
                u32::try_from(shared).map_err(|_| TooLarge)?,
                u32::try_from(tails.len()).map_err(|_| TooLarge)?,
                i,
            ));
        }
        // `cursor[d]`: the next free node of depth `d`, from the first; one
        // more depth holds the end of the last.
        let mut cursor: Vec<u32> = Vec::with_capacity(begin.len() + 2);
        cursor.push(0);
        // Nodes so far, and keys that reach the current depth.
        let (mut nodes, mut live) = (1u64, 0u64);
        for (b, f) in begin
            .iter()
            .zip(core::iter::once(&0).chain(&finish))
            .skip(1)
        {
            cursor.push(u32::try_from(nodes).map_err(|_| TooLarge)?);
            live = live + u64::from(*b) - u64::from(*f);
            nodes += live;
        }
        // The walk tests the flag beside the child range it reads anyway;
        // node numbers stay below it.
        let nodes = usize::try_from(nodes)
            .ok()
            .filter(|&n| n <= ENDS as usize)
            .ok_or(TooLarge)?;
        cursor.push(u32::try_from(nodes).map_err(|_| TooLarge)?);
        let mut first = vec![0u32; nodes + 1];
        // Eight bytes of padding: a node's labels are read as one word.
        let mut labels = vec![0u8; nodes + 8];
        let mut ends = vec![0u64; nodes.div_ceil(64)];
        if let (Some(root), Some(&children)) = (first.first_mut(), cursor.get(1)) {
            *root = children;
        }
        if let Some(last) = first.last_mut() {
            *last = u32::try_from(nodes).map_err(|_| TooLarge)?;
        }
        // The node where each key ends, and the key.
        let mut keyed: Vec<(u32, u32)> = Vec::with_capacity(runs.len());
        let mut from = 0usize;
        for &(shared, to, i) in &runs {
            let new = tails.get(from..to as usize).unwrap_or_default();
            from = to as usize;
            let last = shared as usize + new.len();
            for (depth, &byte) in (shared as usize + 1..).zip(new) {
                let Some(&[id, children]) = cursor.get(depth..depth + 2) else {
                    return Err(TooLarge);
                };
                if let Some(c) = cursor.get_mut(depth) {
                    *c += 1;
                }
                let n = id as usize;
                if let Some(l) = labels.get_mut(n) {
                    *l = byte;
                }
                // The node's children are the nodes of the next depth made
                // from here until the next node of this depth.
                let mut child = children;
                if depth == last {
                    child |= ENDS;
                    if let Some(word) = ends.get_mut(n / 64) {
                        *word |= 1 << (n % 64);
                    }
                    keyed.push((id, i));
                }
                if let Some(f) = first.get_mut(n) {
                    *f = child;
                }
            }
        }
        drop(tails);
        drop(runs);
        // The bitmap gives the key's rank.
        let mut ranks = Vec::with_capacity(ends.len());
        let mut total = 0u32;
        for word in &ends {
            ranks.push(total);
            total += word.count_ones();
        }
        let mut patterns = vec![0u32; keyed.len()];
        for &(id, i) in &keyed {
            let n = id as usize;
            let word = ends.get(n / 64).copied().unwrap_or(0);
            let rank = ranks.get(n / 64).copied().unwrap_or(0)
                + (word & ((1u64 << (n % 64)) - 1)).count_ones();
            if let Some(p) = patterns.get_mut(rank as usize) {
                *p = i;
            }
        }
        drop(keyed);
        let child_start = |n: u32| first.get(n as usize).map_or(0, |&f| f & !ENDS);
        let mut root = Box::new([0u32; 256]);
        let (start, end) = (child_start(0), child_start(1));
        for child in start..end {
            if let Some(&label) = labels.get(child as usize) {
                if let Some(slot) = root.get_mut(usize::from(label)) {
                    *slot = child;
                }
            }
        }
        // The second level's table: one row per child of the root, holding
        // the grandchild on each class of the bytes into the second level.
        let level_two = child_start(start)..child_start(end);
        let (classes, width) = classes_of(&labels, level_two.clone());
        let second = level_table(
            &labels,
            start..end,
            &child_start,
            &classes,
            width,
            |_, child| Some(child),
        );
        // The third level's: one row per second-level node, holding one
        // more than the child's place among its children (a byte, where
        // all its children fit one).
        let level_three = child_start(level_two.start)..child_start(level_two.end);
        let (third_classes, third_width) = classes_of(&labels, level_three);
        let narrow = level_two
            .clone()
            .all(|node| child_start(node + 1) - child_start(node) < 256);
        let third_rows = if narrow {
            level_two.end - level_two.start
        } else {
            0
        };
        let parents = level_two.start..level_two.start + third_rows;
        let third = level_table(
            &labels,
            parents,
            &child_start,
            &third_classes,
            third_width,
            |lo, child| u8::try_from(child - lo + 1).ok(),
        );
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
            third_from: level_two.start,
            third_rows,
            third_classes,
            third_width,
            third,
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
            + self.third.capacity()
            + 256 * 8
    }

    /// Number of nodes, the root included.
    #[cfg(test)]
    pub(crate) fn nodes(&self) -> usize {
        self.labels.len() - 8
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

    /// Calls `found(pattern, end)` for every key that is a prefix of
    /// `hay[at..]`, shortest first; `end` is an index into `hay`.
    #[inline]
    pub(crate) fn prefixes(&self, hay: &[u8], at: usize, mut found: impl FnMut(usize, usize)) {
        let rest = hay.get(at..).unwrap_or_default();
        let mut bytes = rest.iter();
        let Some(&b0) = bytes.next() else {
            return;
        };
        let child = self.root.get(usize::from(b0)).copied().unwrap_or(0);
        if child == 0 {
            return;
        }
        if let Some(p) = self.key_at(child) {
            found(p, at + 1);
        }
        // The second step through the level's table, as in `walk`: the
        // root's children are the widest nodes, and a search among their
        // children was most of this function's time.
        let Some(node) = bytes.next().and_then(|&b1| self.second_child(child, b1)) else {
            return;
        };
        if let Some(p) = self.key_at(node) {
            found(p, at + 2);
        }
        let rest = bytes.zip(at + 3..).map(|(&b, end)| (b, end));
        self.walk_on(node, rest, found);
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
        (b1, end1): (u8, usize),
        rest: impl Iterator<Item = (u8, usize)>,
        mut found: impl FnMut(usize, usize),
    ) {
        let Some((child, node)) = self.enter(b0, b1) else {
            return;
        };
        if let Some(p) = self.key_at(child) {
            found(p, end0);
        }
        if let Some(p) = self.key_at(node) {
            found(p, end1);
        }
        self.walk_on(node, rest, found);
    }

    /// Goes on with a walk that has reached `node` (whose key, if any, is
    /// reported): every key ending further along `rest`.
    #[inline]
    pub(crate) fn walk_on(
        &self,
        mut node: u32,
        mut rest: impl Iterator<Item = (u8, usize)>,
        mut found: impl FnMut(usize, usize),
    ) {
        while self.has_children(node) {
            let Some((byte, end)) = rest.next() else {
                return;
            };
            let Some(child) = self.child_on(node, byte) else {
                return;
            };
            node = child;
            if let Some(p) = self.key_at(node) {
                found(p, end);
            }
        }
    }

    /// The nodes after the key bytes `b0` and `b0 b1`, found through the
    /// root's table and the second level's; `None` when no key starts
    /// with both (the second-level table is the bigram prefilter).
    #[inline]
    pub(crate) fn enter(&self, b0: u8, b1: u8) -> Option<(u32, u32)> {
        let child = self.root.get(usize::from(b0)).copied().unwrap_or(0);
        if child == 0 {
            return None;
        }
        Some((child, self.second_child(child, b1)?))
    }

    /// The child on `byte` of the root's child `child` (not 0), through
    /// the second level's table.
    #[inline]
    fn second_child(&self, child: u32, byte: u8) -> Option<u32> {
        let class = usize::from(*self.classes.get(usize::from(byte))?).checked_sub(1)?;
        // The root's children are nodes 1, 2, … (the root is node 0).
        let row = (child as usize).checked_sub(1)? * self.width;
        let node = *self.second.get(row + class)?;
        (node != 0).then_some(node)
    }

    /// The key that ends at `node`, if one does.
    #[inline]
    pub(crate) fn key_at(&self, node: u32) -> Option<usize> {
        let flags = *self.first.get(node as usize)?;
        if flags & ENDS == 0 {
            return None;
        }
        self.pattern(node)
    }

    /// True when some key goes on past `node`.
    #[inline]
    fn has_children(&self, node: u32) -> bool {
        match self.first.get(node as usize..node as usize + 2) {
            Some(&[lo, hi]) => lo & !ENDS != hi & !ENDS,
            _ => false,
        }
    }

    /// The child of `node` on `byte`, if some key goes on that way: for a
    /// node of the second level through the third level's table (when it
    /// has one), for any other through [`deep_child`](Self::deep_child).
    /// Always inlined: left to itself the compiler called it out of line
    /// from the search's scan (3 % of the pipeline's instructions).
    #[inline(always)]
    pub(crate) fn child_on(&self, node: u32, byte: u8) -> Option<u32> {
        let Some(row) = node
            .checked_sub(self.third_from)
            .filter(|&row| row < self.third_rows)
        else {
            return self.deep_child(node, byte);
        };
        let lo = *self.first.get(node as usize)? & !ENDS;
        let class = usize::from(*self.third_classes.get(usize::from(byte))?).checked_sub(1)?;
        let place = usize::from(*self.third.get(row as usize * self.third_width + class)?);
        // Places are counted from 1; 0 is no child.
        Some(lo + u32::try_from(place.checked_sub(1)?).ok()?)
    }

    /// [`child_on`](Self::child_on) for a node past the second level (or
    /// any node, without the third level's table).
    #[inline]
    pub(crate) fn deep_child(&self, node: u32, byte: u8) -> Option<u32> {
        let Some(&[lo, hi]) = self.first.get(node as usize..node as usize + 2) else {
            return None;
        };
        let (lo, hi) = (lo & !ENDS, hi & !ENDS);
        let len = hi.checked_sub(lo)? as usize;
        let at = if len <= 8 {
            // Up to eight labels compared at once, without a branch per
            // label: where a walk dies is data the predictor cannot learn.
            let word = self.labels.get(lo as usize..lo as usize + 8)?;
            let word = u64::from_le_bytes(word.try_into().ok()?);
            let x = word ^ (u64::from(byte) * 0x0101_0101_0101_0101);
            // The lowest flagged byte is the first zero byte of `x` (a
            // borrow can only flag bytes above a zero one); none gives 8.
            let zero = x.wrapping_sub(0x0101_0101_0101_0101) & !x & 0x8080_8080_8080_8080;
            let at = (zero.trailing_zeros() / 8) as usize;
            // Bytes past this node's labels are other nodes'.
            if at >= len {
                return None;
            }
            at
        } else {
            let labels = self.labels.get(lo as usize..hi as usize)?;
            labels.binary_search(&byte).ok()?
        };
        Some(lo + at as u32)
    }
}

/// The classes of the bytes labelling the nodes `level` (one more than
/// the class, 0 for bytes that label none), and their number.
fn classes_of(labels: &[u8], level: core::ops::Range<u32>) -> (Box<[u16; 256]>, usize) {
    let mut classes = Box::new([0u16; 256]);
    let mut width = 0usize;
    for node in level {
        if let Some(&label) = labels.get(node as usize) {
            if let Some(class) = classes.get_mut(usize::from(label)) {
                if *class == 0 {
                    width += 1;
                    // At most 256 classes, so `u16` holds one more.
                    *class = u16::try_from(width).unwrap_or(u16::MAX);
                }
            }
        }
    }
    (classes, width)
}

/// A level's table: for each node of `parents`, a row of `width` entries
/// holding `entry(first child, child)` for its child on each class of
/// `classes`, and the default for classes it has no child on.
fn level_table<T: Copy + Default>(
    labels: &[u8],
    parents: core::ops::Range<u32>,
    child_start: &impl Fn(u32) -> u32,
    classes: &[u16; 256],
    width: usize,
    entry: impl Fn(u32, u32) -> Option<T>,
) -> Vec<T> {
    let mut table = vec![T::default(); parents.len() * width];
    for (row, parent) in parents.enumerate() {
        let lo = child_start(parent);
        for child in lo..child_start(parent + 1) {
            let class = labels
                .get(child as usize)
                .and_then(|&l| classes.get(usize::from(l)))
                .map_or(0, |&c| usize::from(c));
            let slot = class
                .checked_sub(1)
                .and_then(|c| table.get_mut(row * width + c));
            if let (Some(slot), Some(value)) = (slot, entry(lo, child)) {
                *slot = value;
            }
        }
    }
    table
}

/// `items` sorted: a counting sort on the first two bytes, then a
/// comparison sort within each of the 65,536 buckets, whose few rounds
/// cost half those of one sort of a million keys.
fn sorted(items: &[(u64, u32)]) -> Vec<(u64, u32)> {
    let bucket = |p: u64| (p >> 48) as usize;
    let mut next = vec![0usize; 1 << 16];
    for &(p, _) in items {
        if let Some(count) = next.get_mut(bucket(p)) {
            *count += 1;
        }
    }
    let mut start = 0;
    for slot in next.iter_mut() {
        let count = *slot;
        *slot = start;
        start += count;
    }
    let mut out = vec![(0u64, 0u32); items.len()];
    for &item in items {
        if let Some(at) = next.get_mut(bucket(item.0)) {
            if let Some(place) = out.get_mut(*at) {
                *place = item;
            }
            *at += 1;
        }
    }
    // Each bucket now ends where `next` points.
    let mut lo = 0;
    for &hi in &next {
        if hi > lo + 1 {
            if let Some(bucket) = out.get_mut(lo..hi) {
                bucket.sort_unstable();
            }
        }
        lo = hi;
    }
    out
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

    /// What the lazy walk (through the level tables) finds from the start
    /// of `hay`, with the index after each byte as its position.
    fn walked(trie: &Trie, hay: &[u8]) -> Vec<(usize, usize)> {
        let mut out = Vec::new();
        let mut bytes = hay.iter().enumerate().map(|(i, &b)| (b, i + 1));
        if let (Some(first), Some(second)) = (bytes.next(), bytes.next()) {
            trie.walk(first, second, bytes, |p, end| out.push((p, end)));
        }
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
    fn levels_of_every_width_tell_all_bytes_apart() {
        // 256 children on the second level (its table), the third (its
        // table) and the fourth (a binary search); then once more with a
        // second-level node of 256 children, too many for the third
        // level's table.
        let keys: Vec<Vec<u8>> = (0u8..=255)
            .flat_map(|b| [vec![b, b], vec![7, b, b], vec![9, 8, 9, b]])
            .collect();
        let wide: Vec<Vec<u8>> = keys
            .iter()
            .cloned()
            .chain((0u8..=255).map(|b| vec![5, 4, b]))
            .collect();
        for keys in [keys, wide] {
            let trie = Trie::new(&keys).unwrap();
            for b in 0u8..=255 {
                let mut hays = vec![
                    vec![b, b],
                    vec![7, b, b, 1],
                    vec![9, 8, 9, b],
                    // A byte that labels an edge on this level, but not
                    // from here.
                    vec![7, b, b.wrapping_add(1)],
                ];
                if keys.len() > 3 * 256 {
                    hays.push(vec![5, 4, b]);
                }
                for hay in hays {
                    let found = all(&trie, &hay, 0);
                    assert_eq!(found, naive(&keys, &hay, 0), "{hay:02X?}");
                    assert_eq!(walked(&trie, &hay), found, "{hay:02X?}");
                    let whole = keys.iter().any(|k| hay.starts_with(k) && k.len() >= 3);
                    assert_eq!(found.iter().any(|&(_, end)| end >= 3), whole, "{hay:02X?}");
                }
            }
        }
    }

    #[test]
    fn a_byte_that_labels_no_edge_of_a_level_ends_the_walk() {
        // 2 labels nothing on the third level: a table per level must
        // not read it as another byte's class.
        let trie = Trie::new(&[vec![0, 0, 1], vec![0, 2, 1]]).unwrap();
        assert_eq!(all(&trie, &[0, 2, 2], 0), []);
        assert_eq!(walked(&trie, &[0, 2, 2]), []);
        assert_eq!(all(&trie, &[0, 2, 1], 0), [(1, 3)]);
        assert_eq!(walked(&trie, &[0, 2, 1]), [(1, 3)]);
    }

    #[test]
    fn bucket_sort_sorts_across_and_within_buckets() {
        let items = [
            (0x0102_0000_0000_0005, 3),
            (0x0001_0000_0000_0000, 9),
            (0x0102_0000_0000_0001, 4),
            (0xFFFF_0000_0000_0000, 0),
            (0x0102_0000_0000_0001, 2),
            (0x0001_0000_0000_0000, 1),
        ];
        let mut want = items.to_vec();
        want.sort_unstable();
        assert_eq!(sorted(&items), want);
        assert_eq!(sorted(&[]), []);
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
