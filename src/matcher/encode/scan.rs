//! The scan of a line without encoding it: token starts found and the
//! trie walked from each over key bytes folded as they are read.

use std::borrow::Cow;

use crate::normalize::display;
use crate::normalize::key::{self};
use crate::normalize::NormalizeOptions;
use crate::Normalizer;

use super::{Cell, Encoder, Fold, Step, SIMPLE, WORD, WORD_KEY};
use crate::matcher::trie::Trie;

impl Encoder {
    /// Scans the line of `text` starting at `from` without encoding it,
    /// and walks `trie` from every token start (a character whose key byte
    /// is a word byte after one whose is not, joiners being transparent):
    /// `on_key(token, pattern, end)` for every key that is a prefix of the
    /// key from the token start `token`, shortest first, with `end` the
    /// text offset where the key's last character ends. A token's keys
    /// all come before the next token's.
    ///
    /// The walk rides along with the scan while the token goes on in
    /// Bengali letters of one key byte each (nearly every walk dies there),
    /// so those are read once; anything else in a live walk (a space, a
    /// joiner, ৎ, Latin) hands it to the fold ([`KeyBytes`]), which reads
    /// ahead as far as the walk goes.
    ///
    /// The characters taken, and with `CHECK_DIRTY` the display-dirtiness
    /// test, are exactly those of [`Key::encode_raw`], so a line is fast
    /// here exactly when it is fast there. `Ok`: the line (up to and
    /// including its `\n`) was all fast, and the next one starts at the
    /// offset given; `Err`: the line holds a character the fast path does
    /// not take (or that display normalization may change) at the offset
    /// given, and keys reported so far must be dropped.
    #[inline]
    pub(crate) fn scan_keys<const CHECK_DIRTY: bool>(
        &self,
        trie: &Trie,
        text: &str,
        from: usize,
        mut on_key: impl FnMut(usize, usize, usize),
    ) -> Result<usize, usize> {
        let bytes = text.as_bytes();
        let mut at = from;
        let mut last_word = false;
        let mut prev = [display::NO_PREV; 2];
        loop {
            // The hot loop: a run of Bengali code points, read off a slice
            // so that one length test covers a code point's three bytes.
            let mut rest = bytes.get(at..).unwrap_or_default();
            loop {
                let (b1, b2, tail) = match *rest {
                    [0xE0, b1, b2, ref tail @ ..] => (b1, b2, tail),
                    // The space between words, here rather than below.
                    [b' ', ref tail @ ..] => {
                        last_word = false;
                        prev = [display::NO_PREV; 2];
                        rest = tail;
                        continue;
                    }
                    _ => break,
                };
                let Some(&cell) = self.cells.get(Self::cell_index(b1, b2)) else {
                    break;
                };
                at = bytes.len() - rest.len();
                if !self.take::<CHECK_DIRTY>(bytes, at, cell, &mut prev) {
                    return Err(at);
                }
                let word = cell.flags & WORD != 0;
                if word && !last_word {
                    at = self.walk_token::<CHECK_DIRTY>(
                        trie,
                        text,
                        at,
                        cell,
                        &mut prev,
                        &mut on_key,
                    )?;
                    rest = bytes.get(at..).unwrap_or_default();
                    rest = if CHECK_DIRTY {
                        self.token_rest_checked(bytes, rest, &mut prev)?
                    } else {
                        self.token_rest(rest)
                    };
                } else {
                    rest = tail;
                }
                last_word = word;
            }
            at = bytes.len() - rest.len();
            match bytes.get(at..).unwrap_or_default() {
                [b'\n', ..] => return Ok(at + 1),
                [b0, ..] if *b0 < 0x80 => {
                    let word = b0.is_ascii_alphanumeric();
                    if word && !last_word {
                        // A copy: a closure must not pin `at` in memory.
                        let token = at;
                        self.walk_folding(trie, text, token, |p, e| on_key(token, p, e));
                    }
                    last_word = word;
                    prev = [display::NO_PREV; 2];
                    at += 1;
                }
                [] => return Ok(bytes.len()),
                // Dandas, and the dashes and quotes of U+2010–U+2027
                // (a hyphen between words folds to a space): no word.
                [0xE0, 0xA5, 0xA4 | 0xA5, ..] | [0xE2, 0x80, 0x90..=0xA7, ..] => {
                    last_word = false;
                    prev = [display::NO_PREV; 2];
                    at += 3;
                }
                // K1: joiners vanish; a token goes on across them.
                [0xE2, 0x80, 0x8C | 0x8D, ..] => {
                    prev = [display::NO_PREV; 2];
                    at += 3;
                }
                // Symbols and other scripts (°, €, 中): a separator, if
                // display normalization leaves it alone.
                _ => {
                    let len = self.other_separator::<CHECK_DIRTY>(text, at).ok_or(at)?;
                    last_word = false;
                    prev = [display::NO_PREV; 2];
                    at += len;
                }
            }
        }
    }

    /// The length of the character at `at` when it is one the fold writes
    /// as [`key::OTHER`] ([`key::folds_to_other`]) and, with `CHECK_DIRTY`,
    /// display normalization leaves it alone; `None` for any other.
    #[cold]
    pub(super) fn other_separator<const CHECK_DIRTY: bool>(
        &self,
        text: &str,
        at: usize,
    ) -> Option<usize> {
        let c = text.get(at..)?.chars().next()?;
        let clean =
            !CHECK_DIRTY || !display::other_is_dirty(text, at, c, &NormalizeOptions::default());
        (key::folds_to_other(c) && clean).then(|| c.len_utf8())
    }

    /// With `CHECK_DIRTY`, the display-dirtiness test of the Bengali code
    /// point `cell` at `at` after `prev`, which it then joins: false when
    /// display normalization might change it.
    #[inline(always)]
    fn take<const CHECK_DIRTY: bool>(
        &self,
        bytes: &[u8],
        at: usize,
        cell: Cell,
        prev: &mut [usize; 2],
    ) -> bool {
        !CHECK_DIRTY || self.stays(bytes, at, cell, prev)
    }

    /// True when display normalization leaves the Bengali code point
    /// `cell` at `at` as it is, given `prev`, the block offsets of the
    /// two code points before it ([`display::NO_PREV`] when not
    /// Bengali), which it then joins. The normalizer's own test
    /// ([`display::bengali_is_dirty`]) but for a precomposed nukta letter
    /// (ড় ঢ় য়), which news writes everywhere: display text holds it as its
    /// base and the nukta, and so does its key, so it is taken as that
    /// pair, the code point after it tested against the pair. The key
    /// and offsets of the raw text are then those the display text would
    /// give, spans already in the raw text.
    #[inline(always)]
    pub(super) fn stays(&self, bytes: &[u8], at: usize, cell: Cell, prev: &mut [usize; 2]) -> bool {
        display::stays_reading_nukta_forms(bytes, at, prev, usize::from(cell.cur), false)
    }

    /// `rest` past its leading Bengali word characters: the rest of a
    /// token whose walk has died, taken as the scan takes it without the
    /// dirtiness test, each word bit read off a mask rather than the cell
    /// table. (With the test, the scan's own loop measured faster.)
    #[inline(always)]
    fn token_rest<'b>(&self, mut rest: &'b [u8]) -> &'b [u8] {
        while let [0xE0, b1, b2, ref tail @ ..] = *rest {
            // `E0 A6` / `E0 A7`: the two halves of the block; text is
            // `str`, so `b2` is a continuation byte.
            let Some(&bits) = self.word_bits.get(usize::from(b1.wrapping_sub(0xA6))) else {
                break;
            };
            if (bits >> (b2 & 0x3F)) & 1 == 0 {
                break;
            }
            rest = tail;
        }
        rest
    }

    /// [`token_rest`](Self::token_rest) with the display-dirtiness test of
    /// each code point taken (`prev` as in [`take`](Self::take)); `Err`
    /// with the offset of the first that may change.
    #[inline(always)]
    fn token_rest_checked<'b>(
        &self,
        bytes: &[u8],
        mut rest: &'b [u8],
        prev: &mut [usize; 2],
    ) -> Result<&'b [u8], usize> {
        while let [0xE0, b1, b2, ref tail @ ..] = *rest {
            let Some(&cell) = self.cells.get(Self::cell_index(b1, b2)) else {
                break;
            };
            if cell.flags & WORD == 0 {
                break;
            }
            let at = bytes.len() - rest.len();
            if !self.take::<true>(bytes, at, cell, prev) {
                return Err(at);
            }
            rest = tail;
        }
        Ok(rest)
    }

    /// The walk of [`scan_keys`](Self::scan_keys) from the token start
    /// `token`, whose first code point `first` has been taken. Returns the
    /// offset of the first code point not taken, every one before it being
    /// a word character; `Err` as `scan_keys`.
    #[inline(always)]
    fn walk_token<const CHECK_DIRTY: bool>(
        &self,
        trie: &Trie,
        text: &str,
        token: usize,
        first: Cell,
        prev: &mut [usize; 2],
        on_key: &mut impl FnMut(usize, usize, usize),
    ) -> Result<usize, usize> {
        let bytes = text.as_bytes();
        let mut at = token + 3;
        let second = match self.cell(bytes, at) {
            Some(cell) if first.flags & cell.flags & SIMPLE != 0 => cell,
            // Not two letters of one key byte: the fold reads the token.
            _ => {
                self.walk_folding(trie, text, token, |p, e| on_key(token, p, e));
                return Ok(at);
            }
        };
        if !self.take::<CHECK_DIRTY>(bytes, at, second, prev) {
            return Err(at);
        }
        at += 3;
        let Some((child, mut node)) = trie.enter(first.key[0], second.key[0]) else {
            return Ok(at);
        };
        if let Some(p) = trie.key_at(child) {
            on_key(token, p, token + 3);
        }
        if let Some(p) = trie.key_at(node) {
            on_key(token, p, at);
        }
        while let Some(cell) = self.cell(bytes, at) {
            if cell.flags & SIMPLE == 0 {
                break;
            }
            if !self.take::<CHECK_DIRTY>(bytes, at, cell, prev) {
                return Err(at);
            }
            at += 3;
            // The first step leaves the second level, whose nodes are wide.
            let child = if at == token + 9 {
                trie.child_on(node, cell.key[0])
            } else {
                trie.deep_child(node, cell.key[0])
            };
            let Some(child) = child else {
                return Ok(at);
            };
            node = child;
            if let Some(p) = trie.key_at(node) {
                on_key(token, p, at);
            }
        }
        // The walk is alive at a code point this loop does not take (a
        // space, a joiner, ৎ, Latin): the fold reads on from there, after
        // a word letter.
        let rest = KeyBytes {
            encoder: self,
            text,
            at,
            fold: Fold {
                last_space: false,
                last_word: true,
            },
            pending: None,
        };
        trie.walk_on(node, rest, |p, e| on_key(token, p, e));
        Ok(at)
    }

    /// The key byte of the character at `at` when it is a Bengali letter
    /// of one key byte (the first byte [`tail_key`](Self::tail_key) would
    /// write).
    #[inline]
    pub(crate) fn letter_key(&self, text: &str, at: usize) -> Option<u8> {
        self.cell(text.as_bytes(), at)
            .filter(|cell| cell.flags & SIMPLE != 0)
            .map(|cell| cell.key[0])
    }

    /// The key of the rest of the token at `at` (the letters up to the
    /// next non-word character), written into `out`, when it is all
    /// Bengali letters of one key byte each and fits; `None` otherwise,
    /// for the caller to decide the long way.
    #[inline]
    pub(crate) fn tail_key<'o>(
        &self,
        text: &str,
        at: usize,
        out: &'o mut [u8],
    ) -> Option<&'o [u8]> {
        let bytes = text.as_bytes();
        let mut at = at;
        let mut len = 0;
        loop {
            match self.cell(bytes, at) {
                Some(cell) if cell.flags & SIMPLE != 0 => {
                    *out.get_mut(len)? = cell.key[0];
                    len += 1;
                    at += 3;
                }
                Some(cell) if cell.flags & WORD != 0 => return None,
                Some(_) => break,
                None => match bytes.get(at) {
                    // A joiner, Latin letter or digit continues the token.
                    Some(&b) if b.is_ascii_alphanumeric() || b == 0xE2 => return None,
                    _ => break,
                },
            }
        }
        out.get(..len)
    }

    /// The match key of `word`, a short piece of input text: written into
    /// `buf` when `word` is display text of Bengali letters of one key
    /// byte each (nearly every word), else the reference fold of its
    /// display form.
    pub(crate) fn word_key<'b>(
        &self,
        normalizer: &Normalizer,
        word: &str,
        buf: &'b mut [u8; WORD_KEY],
    ) -> Cow<'b, [u8]> {
        let fast = self
            .tail_key(word, 0, buf)
            .filter(|key| key.len() * 3 == word.len() && normalizer.is_normalized(word));
        match fast {
            Some(key) => Cow::Borrowed(key),
            None => Cow::Owned(key::fold(&normalizer.normalize_str(word)).bytes().to_vec()),
        }
    }

    /// Every key of `trie` that is a prefix of the key of `text` from the
    /// token start `at`, through the fold: `found(pattern, end)`.
    fn walk_folding(&self, trie: &Trie, text: &str, at: usize, found: impl FnMut(usize, usize)) {
        let mut bytes = self.key_bytes(text, at);
        if let (Some(first), Some(second)) = (bytes.next(), bytes.next()) {
            trie.walk(first, second, bytes, found);
        }
    }

    /// Where the window searched for a key ending at `at` ends: after the
    /// rest of that token and, when a hyphen or an apostrophe follows, it
    /// and the token after it (they may join suffixes: DPRK-এর, ইইউ’র).
    /// Only characters of a fast line are read.
    pub(crate) fn window_end(&self, text: &str, at: usize) -> usize {
        let end = self.token_end(text, at);
        match text.get(end..).and_then(|rest| rest.chars().next()) {
            // What the tail check looks past.
            Some(c) if crate::matcher::latin::joins_suffix(c) => {
                self.token_end(text, end + c.len_utf8())
            }
            _ => end,
        }
    }

    /// The end of the run of word characters (and joiners) at `at`.
    fn token_end(&self, text: &str, mut at: usize) -> usize {
        let bytes = text.as_bytes();
        loop {
            match bytes.get(at..).unwrap_or_default() {
                [0xE0, b1, b2, ..]
                    if self
                        .cells
                        .get(Self::cell_index(*b1, *b2))
                        .is_some_and(|cell| cell.flags & WORD != 0) =>
                {
                    at += 3;
                }
                [0xE2, 0x80, 0x8C | 0x8D, ..] => at += 3,
                [b0, ..] if b0.is_ascii_alphanumeric() => at += 1,
                _ => return at,
            }
        }
    }

    /// The key bytes of `text` from the token start `at` on, folded as
    /// they are read (see [`KeyBytes`]).
    #[inline]
    pub(crate) fn key_bytes<'a>(&'a self, text: &'a str, at: usize) -> KeyBytes<'a> {
        KeyBytes {
            encoder: self,
            text,
            at,
            fold: Fold::default(),
            pending: None,
        }
    }
}

/// The match key of a text from a token start on, one byte at a time,
/// with the text offset where the character of each byte ends; it stops
/// at the first character the fast path does not take. The fold needs no
/// state from before a token start, so this yields exactly the bytes of
/// the whole text's key from that token on. A trie walk reads only the
/// first few: most walks end after one to three characters.
#[derive(Clone, Debug)]
pub(crate) struct KeyBytes<'a> {
    encoder: &'a Encoder,
    text: &'a str,
    at: usize,
    fold: Fold,
    /// The second byte of a character that gives two (ৎ).
    pending: Option<u8>,
}

impl Iterator for KeyBytes<'_> {
    type Item = (u8, usize);

    // Inlined into the trie walk, where it runs for every byte read.
    #[inline(always)]
    fn next(&mut self) -> Option<(u8, usize)> {
        if let Some(byte) = self.pending.take() {
            return Some((byte, self.at));
        }
        let bytes = self.text.as_bytes();
        // The common characters inline, as in Fold::step (which the tests
        // hold to the reference fold); the rest through it.
        if let Some(cell) = self.encoder.cell(bytes, self.at) {
            let [first, second] = cell.key;
            self.fold.last_space = false;
            // Both bytes of a two-byte character (ৎ) are word bytes.
            self.fold.last_word = cell.flags & WORD != 0;
            self.at += 3;
            if second != 0 {
                self.pending = Some(second);
            }
            return Some((first, self.at));
        }
        if let Some(&b0) = bytes.get(self.at).filter(|b| b.is_ascii_alphanumeric()) {
            self.fold.last_space = false;
            self.fold.last_word = true;
            self.at += 1;
            return Some((b0.to_ascii_lowercase(), self.at));
        }
        // The space between the words of a name (a second one collapses,
        // through the fold).
        if bytes.get(self.at) == Some(&b' ') && !self.fold.last_space {
            self.fold.last_space = true;
            self.fold.last_word = false;
            self.at += 1;
            return Some((b' ', self.at));
        }
        loop {
            let Step::Emit { bytes, count, len } = self.fold.step(self.encoder, self.text, self.at)
            else {
                return None;
            };
            self.at += usize::from(len);
            match (count, bytes) {
                (0, _) => {}
                (1, [first, _]) => return Some((first, self.at)),
                (_, [first, second]) => {
                    self.pending = Some(second);
                    return Some((first, self.at));
                }
            }
        }
    }
}
