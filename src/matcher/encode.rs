//! A byte-level transcoder from display text to the match key.
//!
//! [`MatchKey::refill`](crate::normalize::key::MatchKey::refill) is the
//! reference implementation of folds K1–K6; it goes through a closure per
//! character and measured about 130–230 MB/s on the Wikipedia corpus, less
//! than the matcher's whole budget. This transcoder handles the common
//! cases (Bengali letters, ASCII, danda, joiners, symbols) in a tight loop
//! over the UTF-8 bytes, and hands any other character to the reference fold for
//! the whitespace-delimited stretch around it, so both always agree (a
//! test compares them on every code point and on random text).

use core::ops::Range;
use std::borrow::Cow;

use crate::normalize::display;
use crate::normalize::key::{self, MatchKey};
use crate::normalize::NormalizeOptions;
use crate::script::{self, chars};
use crate::Normalizer;

use super::trie::Trie;

/// The fold's facts about the code points of the Bengali block, taken from
/// the reference fold and the display rules.
#[derive(Clone, Debug)]
pub(crate) struct Encoder {
    /// For the UTF-8 bytes `b1 b2` of a Bengali code point (after `E0`),
    /// at `(b1 << 8 | b2) - 0xA600`, everything the loops need about it in
    /// one load ([`Encoder::cell`]).
    cells: Box<[Cell; 512]>,
    /// Per half of the Bengali block (`E0 A6`, `E0 A7`), bit `b2 & 0x3F`:
    /// a word character, for the loop that runs to a token's end without
    /// the cell table.
    word_bits: [u64; 2],
    danda: u8,
    double_danda: u8,
}

impl Encoder {
    pub(crate) fn new() -> Self {
        let mut table = [[key::OTHER, 0]; 128];
        for (offset, slot) in (0u32..).zip(table.iter_mut()) {
            if let Some(c) = char::from_u32(script::BLOCK_START + offset) {
                let folded = key::fold(c.encode_utf8(&mut [0; 4]));
                match *folded.bytes() {
                    [one] => *slot = [one, 0],
                    [first, second] => *slot = [first, second],
                    // Never happens for the block; OTHER keeps it a separator.
                    _ => {}
                }
            }
        }
        let single = |c: char| {
            key::fold(c.encode_utf8(&mut [0; 4]))
                .bytes()
                .first()
                .copied()
                .unwrap_or(key::OTHER)
        };
        let word = table.map(|[first, _]| key::is_word_byte(first));
        let simple: [bool; 128] = core::array::from_fn(|cur| {
            word.get(cur) == Some(&true) && table.get(cur).is_some_and(|k| k[1] == 0)
        });
        let mut cells = Box::new([Cell::default(); 512]);
        for (i, slot) in cells.iter_mut().enumerate() {
            // Only continuation bytes follow E0 A6 / E0 A7 in UTF-8.
            let (b1, b2) = (i >> 8, i & 0xFF);
            let cur = (b1 << 6) | (b2 & 0x3F);
            let flag = |set: &[bool; 128], bit: u8| {
                if set.get(cur).copied().unwrap_or(true) {
                    bit
                } else {
                    0
                }
            };
            *slot = Cell {
                key: table.get(cur).copied().unwrap_or([key::OTHER, 0]),
                cur: u8::try_from(cur).unwrap_or(0),
                flags: flag(&word, WORD) | flag(&simple, SIMPLE),
            };
        }
        let mut word_bits = [0u64; 2];
        for (cur, _) in word.iter().enumerate().filter(|(_, &w)| w) {
            if let Some(bits) = word_bits.get_mut(cur / 64) {
                *bits |= 1 << (cur % 64);
            }
        }
        Encoder {
            cells,
            word_bits,
            danda: single(chars::DANDA),
            double_danda: single(chars::DOUBLE_DANDA),
        }
    }
}

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
    fn other_separator<const CHECK_DIRTY: bool>(&self, text: &str, at: usize) -> Option<usize> {
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
    fn stays(&self, bytes: &[u8], at: usize, cell: Cell, prev: &mut [usize; 2]) -> bool {
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
            Some(c) if super::latin::joins_suffix(c) => self.token_end(text, end + c.len_utf8()),
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

    /// The Bengali code point whose UTF-8 starts at `at`, if one does.
    #[inline(always)]
    fn cell(&self, bytes: &[u8], at: usize) -> Option<Cell> {
        let [0xE0, b1, b2, ..] = *bytes.get(at..)? else {
            return None;
        };
        self.cells.get(Self::cell_index(b1, b2)).copied()
    }

    /// Where [`cells`](Self::cells) holds the code point `E0 b1 b2`:
    /// `E0 A6 xx` and `E0 A7 xx` fall inside, anything else outside.
    #[inline(always)]
    fn cell_index(b1: u8, b2: u8) -> usize {
        (usize::from(b1) << 8 | usize::from(b2)).wrapping_sub(0xA600)
    }

    /// The key bytes of the Bengali code point `E0 b1 b2`: `[first,
    /// second]`, `second == 0` for one byte.
    #[inline]
    fn key_of(&self, b1: u8, b2: u8) -> [u8; 2] {
        self.cells
            .get(Self::cell_index(b1, b2))
            .map_or([key::OTHER, 0], |cell| cell.key)
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

/// The longest key [`Encoder::word_key`] writes on the stack.
pub(crate) const WORD_KEY: usize = 32;

/// One Bengali code point, as the hot loops see it.
#[derive(Clone, Copy, Debug, Default)]
struct Cell {
    /// Its key bytes, `[first, second]` (`second == 0` for one byte).
    key: [u8; 2],
    /// Its offset in the Bengali block.
    cur: u8,
    /// [`WORD`] and [`SIMPLE`].
    flags: u8,
}

/// A word character: it starts a token after a non-word character.
const WORD: u8 = 1;
/// A word character of one key byte: a walk in [`Encoder::scan_keys`]
/// goes on over it without the fold.
const SIMPLE: u8 = 2;

/// A match key with the way back to the display offset of every key byte.
///
/// Two kinds: the reference encoder ([`encode`](Key::encode)) keeps an
/// origin per key byte; the fused encoder ([`encode_raw`](Key::encode_raw))
/// keeps only the raw offset of each token start and finds any other origin
/// by re-encoding from the token start before it (done per mention, not per
/// byte).
#[derive(Clone, Debug, Default)]
pub(crate) struct Key {
    /// The key is `bytes[..len]`: the fused encoder keeps the buffer at its
    /// high-water size and writes into it without pushing.
    bytes: Vec<u8>,
    len: usize,
    /// Reference key: `origins[i]` is the display offset of the character
    /// of `bytes[i]`; one more entry holds the display length. The caller
    /// keeps texts under 4 GiB (the matcher searches in blocks). Empty for
    /// a fused key.
    origins: Vec<u32>,
    /// Key indices where a token starts (a word byte after a non-word one).
    tokens: Vec<u32>,
    /// Fused key: the text offset of each token start.
    token_origins: Vec<u32>,
    /// Fused key: the text span the key covers.
    covers: Range<usize>,
    fused: bool,
    /// The byte buffer of the other encoder, kept so that switching
    /// between them reuses both (the fused one is large).
    spare: Vec<u8>,
}

/// Offsets fit in u32 because the matcher searches in blocks far smaller
/// than 4 GiB; saturating keeps a wrong input from wrapping.
#[inline]
fn offset(at: usize) -> u32 {
    u32::try_from(at).unwrap_or(u32::MAX)
}

/// Where the fused encoder stopped for a line it cannot take: the line's
/// start in the text, and the key and token counts there.
type LineStart = (usize, usize, usize);

/// What one character adds to a fused key.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Step {
    /// Key bytes (0, 1 or 2) and the character's length in the text.
    Emit { bytes: [u8; 2], count: u8, len: u8 },
    /// A character the fused encoder does not take.
    Stop,
}

/// The fold's state between characters: runs of spaces collapse, and a
/// hyphen between words is a space.
#[derive(Clone, Copy, Debug, Default)]
struct Fold {
    last_space: bool,
    last_word: bool,
}

impl Fold {
    /// The key bytes of the character at `at`, updating the state. The
    /// one-character reference for [`Key::encode_raw`]'s loop, which
    /// inlines the same rules (the tests compare both with the reference
    /// fold); used to re-walk a token for origins.
    fn step(&mut self, encoder: &Encoder, text: &str, at: usize) -> Step {
        let bytes = text.as_bytes();
        let emit = |fold: &mut Fold, byte: u8, len: u8, space: bool| {
            fold.last_space = space;
            fold.last_word = key::is_word_byte(byte);
            Step::Emit {
                bytes: [byte, 0],
                count: 1,
                len,
            }
        };
        match bytes.get(at..).unwrap_or_default() {
            [0xE0, b1 @ (0xA6 | 0xA7), b2, ..] => {
                let [first, second] = encoder.key_of(*b1, *b2);
                self.last_space = false;
                self.last_word = key::is_word_byte(if second != 0 { second } else { first });
                Step::Emit {
                    bytes: [first, second],
                    count: 1 + u8::from(second != 0),
                    len: 3,
                }
            }
            [b' ' | b'\t', ..] if self.last_space => Step::Emit {
                bytes: [0, 0],
                count: 0,
                len: 1,
            },
            [b' ' | b'\t', ..] => emit(self, b' ', 1, true),
            [b'-', ..] if self.last_word && next_is_word(text, at + 1) => emit(self, b' ', 1, true),
            [b0, ..] if *b0 < 0x80 => emit(self, b0.to_ascii_lowercase(), 1, false),
            [0xE0, 0xA5, 0xA4, ..] => emit(self, encoder.danda, 3, false),
            [0xE0, 0xA5, 0xA5, ..] => emit(self, encoder.double_danda, 3, false),
            [0xE2, 0x80, 0x8C | 0x8D, ..] => Step::Emit {
                bytes: [0, 0],
                count: 0,
                len: 3,
            },
            [0xE2, 0x80, 0x90 | 0x91, ..] if self.last_word && next_is_word(text, at + 3) => {
                emit(self, b' ', 3, true)
            }
            [0xE2, 0x80, 0x90..=0xA7, ..] => emit(self, key::OTHER, 3, false),
            _ => match text.get(at..).and_then(|rest| rest.chars().next()) {
                Some(c) if key::folds_to_other(c) => emit(
                    self,
                    key::OTHER,
                    u8::try_from(c.len_utf8()).unwrap_or(4),
                    false,
                ),
                _ => Step::Stop,
            },
        }
    }
}

impl Key {
    pub(crate) fn bytes(&self) -> &[u8] {
        self.bytes.get(..self.len).unwrap_or_default()
    }

    /// Key indices of the token starts, in order.
    pub(crate) fn tokens(&self) -> &[u32] {
        &self.tokens
    }

    /// Recomputes [`tokens`](Self::tokens) from the key bytes.
    fn find_tokens(&mut self) {
        self.tokens.clear();
        let mut prev_word = false;
        for (i, &byte) in (0u32..).zip(self.bytes.get(..self.len).unwrap_or_default()) {
            let word = key::is_word_byte(byte);
            if word && !prev_word {
                self.tokens.push(i);
            }
            prev_word = word;
        }
    }

    /// The fused fast path: encodes `text[from..]` straight from the raw
    /// bytes, checking on the way that display normalization would leave it
    /// unchanged but for D1 on precomposed ড় ঢ় য়, whose key is their display
    /// form's ([`Encoder::stays`], the test of the normalizer's own scan,
    /// for the default options the matcher uses). Origins are offsets into
    /// `text`.
    ///
    /// Only ASCII, the Bengali block, the dandas, ZWJ/ZWNJ, the punctuation
    /// U+2010–U+2027 and the characters the fold writes as [`key::OTHER`]
    /// whatever surrounds them (°, €, 中) take this path. At the first line
    /// holding anything else, or anything the normalizer might change, the
    /// key is cut back to the start of that line and the line (up to its `\n`)
    /// is returned: the caller normalizes and encodes it the slow way, then
    /// resumes here at its end. `None`: the key covers all of `text[from..]`.
    pub(crate) fn encode_raw(
        &mut self,
        encoder: &Encoder,
        text: &str,
        from: usize,
    ) -> Option<Range<usize>> {
        if !self.fused {
            core::mem::swap(&mut self.bytes, &mut self.spare);
        }
        // A key never has more bytes than the text it encodes.
        let need = text.len().saturating_sub(from);
        if self.bytes.len() < need {
            self.bytes.resize(need, 0);
        }
        self.origins.clear();
        self.tokens.clear();
        self.token_origins.clear();
        self.fused = true;
        let (len, stop) = fused(
            encoder,
            text,
            from,
            &mut self.bytes,
            &mut self.tokens,
            &mut self.token_origins,
        );
        match stop {
            None => {
                self.len = len;
                self.covers = from..text.len();
                None
            }
            Some((start, key_len, tokens_len)) => {
                self.len = key_len;
                self.tokens.truncate(tokens_len);
                self.token_origins.truncate(tokens_len);
                self.covers = from..start;
                let end = text
                    .as_bytes()
                    .get(start..)
                    .and_then(|rest| rest.iter().position(|&b| b == b'\n'))
                    .map_or(text.len(), |p| start + p);
                Some(start..end)
            }
        }
    }

    /// Display offset where key byte `index` starts (the display length
    /// for `index` at or past the end). `display` is the text the key was
    /// encoded from.
    pub(crate) fn origin(&self, encoder: &Encoder, display: &str, index: usize) -> usize {
        if !self.fused {
            return self
                .origins
                .get(index)
                .or(self.origins.last())
                .map_or(0, |&o| o as usize);
        }
        if index >= self.len {
            return self.covers.end;
        }
        // Re-encode from the last token start at or before `index` (or
        // from the start), where the fold's state is known.
        let (mut k, mut at) = self.token_at_or_before(index);
        let mut fold = Fold::default();
        while at < self.covers.end {
            match fold.step(encoder, display, at) {
                Step::Emit { count, len, .. } => {
                    if k + usize::from(count) > index {
                        return at;
                    }
                    k += usize::from(count);
                    at += usize::from(len);
                }
                Step::Stop => break,
            }
        }
        at.min(self.covers.end)
    }

    /// The key index and display offset of the last token start at or
    /// before key index `index` (or of the start), where a re-encoding
    /// can begin: the fold's state is known there.
    fn token_at_or_before(&self, index: usize) -> (usize, usize) {
        let t = self.tokens.partition_point(|&k| k as usize <= index);
        match t.checked_sub(1) {
            Some(t) => (
                self.tokens.get(t).map_or(0, |&k| k as usize),
                self.token_origins.get(t).map_or(0, |&o| o as usize),
            ),
            None => (0, self.covers.start),
        }
    }

    /// Display byte span covered by the key span `span`.
    pub(crate) fn span_to_display(
        &self,
        encoder: &Encoder,
        display: &str,
        span: Range<usize>,
    ) -> Range<usize> {
        if self.fused && span.start < span.end && span.end <= self.len {
            return self.fused_span(encoder, display, span);
        }
        let origin = |i| self.origin(encoder, display, i);
        let start = origin(span.start);
        if span.end <= span.start {
            return start..start;
        }
        let last = origin(span.end - 1);
        // The span ends where the next key byte's character starts, unless
        // that byte comes from the same character (ৎ gives two bytes).
        let mut index = span.end;
        let mut end = origin(index);
        while index < self.len && end <= last {
            index += 1;
            end = origin(index);
        }
        start..end.max(start)
    }

    /// [`span_to_display`](Self::span_to_display) of a fused key for a
    /// non-empty span, in one walk from the token start at or before it.
    fn fused_span(&self, encoder: &Encoder, display: &str, span: Range<usize>) -> Range<usize> {
        let (mut k, mut at) = self.token_at_or_before(span.start);
        let mut fold = Fold::default();
        let mut start = None;
        let mut last = 0;
        while at < self.covers.end {
            let Step::Emit { count, len, .. } = fold.step(encoder, display, at) else {
                break;
            };
            let count = usize::from(count);
            if count > 0 {
                // Key bytes k..k + count come from the character at `at`.
                if k >= span.end && at > last {
                    return start.unwrap_or(at)..at;
                }
                if start.is_none() && k + count > span.start {
                    start = Some(at);
                }
                if k < span.end {
                    last = at;
                }
            }
            k += count;
            at += usize::from(len);
        }
        let end = at.min(self.covers.end);
        start.unwrap_or(end)..end
    }

    #[inline]
    fn push<const ORIGINS: bool>(&mut self, byte: u8, at: usize) {
        self.bytes.push(byte);
        if ORIGINS {
            self.origins.push(offset(at));
        }
    }

    /// Replaces the key with the key of `display` if `display` is all
    /// Bengali letters of one key byte each (a word, so one token); key
    /// byte `i` then comes from `display[3 * i..3 * i + 3]`. False, with
    /// the key left unspecified, for any other text.
    pub(crate) fn encode_letters(&mut self, encoder: &Encoder, display: &str) -> bool {
        if self.fused {
            core::mem::swap(&mut self.bytes, &mut self.spare);
            self.fused = false;
        }
        let text = display.as_bytes();
        if text.is_empty() || text.len() % 3 != 0 {
            return false;
        }
        self.bytes.clear();
        for letter in text.chunks_exact(3) {
            match encoder.cell(letter, 0) {
                Some(cell) if cell.flags & SIMPLE != 0 => self.bytes.push(cell.key[0]),
                _ => return false,
            }
        }
        self.origins.clear();
        self.origins
            .extend((0..offset(self.bytes.len())).map(|letter| 3 * letter));
        self.tokens.clear();
        self.origins.push(offset(display.len()));
        self.tokens.push(0);
        self.len = self.bytes.len();
        true
    }

    /// Replaces the key with the key of `display`.
    pub(crate) fn encode(&mut self, encoder: &Encoder, display: &str) {
        self.encode_with::<true>(encoder, display);
    }

    /// [`encode`](Self::encode) without the way back: the key bytes only,
    /// no origins and no token starts. The matcher's builder folds a
    /// million aliases and reads nothing but their bytes.
    pub(crate) fn encode_bytes(&mut self, encoder: &Encoder, display: &str) {
        self.encode_with::<false>(encoder, display);
    }

    fn encode_with<const ORIGINS: bool>(&mut self, encoder: &Encoder, display: &str) {
        if self.fused {
            core::mem::swap(&mut self.bytes, &mut self.spare);
        }
        self.bytes.clear();
        self.origins.clear();
        self.tokens.clear();
        self.fused = false;
        self.bytes.reserve(display.len() / 2 + 1);
        if ORIGINS {
            self.origins.reserve(display.len() / 2 + 2);
        }
        let text = display.as_bytes();
        let mut at = 0;
        // The fold's state: collapse spaces, hyphens between words.
        let mut last_space = false;
        let mut last_word = false;
        // Where the current whitespace-delimited stretch starts, in display
        // and key bytes: the slow path re-folds from there.
        let mut stretch = (0, 0);
        while let Some(&b0) = text.get(at) {
            if b0 == 0xE0 {
                match (text.get(at + 1), text.get(at + 2)) {
                    (Some(&b1 @ (0xA6 | 0xA7)), Some(&b2)) => {
                        let [first, second] = encoder.key_of(b1, b2);
                        self.push::<ORIGINS>(first, at);
                        if second != 0 {
                            self.push::<ORIGINS>(second, at);
                        }
                        last_space = false;
                        last_word = key::is_word_byte(first);
                        at += 3;
                        continue;
                    }
                    (Some(0xA5), Some(&b2 @ (0xA4 | 0xA5))) => {
                        let byte = if b2 == 0xA4 {
                            encoder.danda
                        } else {
                            encoder.double_danda
                        };
                        self.push::<ORIGINS>(byte, at);
                        last_space = false;
                        last_word = false;
                        at += 3;
                        continue;
                    }
                    _ => {}
                }
            } else if b0 < 0x80 {
                match b0 {
                    b' ' | b'\t' => {
                        if !last_space {
                            self.push::<ORIGINS>(b' ', at);
                        }
                        last_space = true;
                        last_word = false;
                        stretch = (at + 1, self.bytes.len());
                    }
                    b'-' if last_word && next_is_word(display, at + 1) => {
                        self.push::<ORIGINS>(b' ', at);
                        last_space = true;
                        last_word = false;
                    }
                    _ => {
                        let folded = b0.to_ascii_lowercase();
                        self.push::<ORIGINS>(folded, at);
                        last_space = false;
                        last_word = folded.is_ascii_alphanumeric();
                        if b0 == b'\n' || b0 == b'\r' {
                            stretch = (at + 1, self.bytes.len());
                        }
                    }
                }
                at += 1;
                continue;
            } else if b0 == 0xE2
                && text.get(at + 1) == Some(&0x80)
                && matches!(text.get(at + 2), Some(0x8C | 0x8D))
            {
                // K1: ZWNJ and ZWJ vanish and change nothing around them.
                at += 3;
                continue;
            }
            // Anything else: re-fold the stretch with the reference fold.
            let end = text
                .get(at..)
                .and_then(|rest| {
                    rest.iter()
                        .position(|b| matches!(b, b' ' | b'\t' | b'\n' | b'\r'))
                })
                .map_or(text.len(), |p| at + p);
            let (from, key_from) = stretch;
            self.bytes.truncate(key_from);
            self.origins.truncate(key_from);
            let piece = MatchKey::new(display.get(from..end).unwrap_or_default());
            let mut bytes = piece.bytes().iter().enumerate();
            if self.bytes.last() == Some(&b' ') && piece.bytes().first() == Some(&b' ') {
                // The reference fold starts fresh and cannot know a space
                // came just before.
                bytes.next();
            }
            for (i, &byte) in bytes {
                self.push::<ORIGINS>(byte, from + piece.origin(i));
            }
            last_space = self.bytes.last() == Some(&b' ');
            last_word = self.bytes.last().is_some_and(|&b| key::is_word_byte(b));
            at = end;
        }
        self.len = self.bytes.len();
        if ORIGINS {
            self.origins.push(offset(display.len()));
            self.find_tokens();
        }
    }
}

/// The loop of [`Key::encode_raw`]: writes the key of `text[from..]` into
/// `out` (long enough), noting token starts. Returns the key length, and
/// where the line the fused path cannot take starts, if any.
#[inline(never)]
fn fused(
    encoder: &Encoder,
    text: &str,
    from: usize,
    out: &mut [u8],
    tokens: &mut Vec<u32>,
    token_origins: &mut Vec<u32>,
) -> (usize, Option<LineStart>) {
    let bytes = text.as_bytes();
    let mut rest = bytes.get(from..).unwrap_or_default();
    let pos = |rest: &[u8]| bytes.len() - rest.len();
    let mut n = 0usize;
    let mut last_word = false;
    let mut last_space = false;
    // Block offsets of the two code points before `rest` for the
    // normalizer's test (NO_PREV when not Bengali).
    let mut prev = [display::NO_PREV; 2];
    let mut line: LineStart = (from, 0, 0);
    macro_rules! put {
        ($byte:expr, $word:expr) => {{
            let byte = $byte;
            let word = $word;
            if word && !last_word {
                tokens.push(offset(n));
                token_origins.push(offset(pos(rest)));
            }
            if let Some(slot) = out.get_mut(n) {
                *slot = byte;
            }
            n += 1;
            last_word = word;
        }};
    }
    loop {
        match rest {
            [0xE0, b1 @ (0xA6 | 0xA7), b2, tail @ ..] => {
                let cell = encoder
                    .cells
                    .get(Encoder::cell_index(*b1, *b2))
                    .copied()
                    .unwrap_or_default();
                if !encoder.stays(bytes, pos(rest), cell, &mut prev) {
                    return (n, Some(line));
                }
                let [first, second] = cell.key;
                put!(first, key::is_word_byte(first));
                if second != 0 {
                    put!(second, key::is_word_byte(second));
                }
                last_space = false;
                rest = tail;
            }
            [b0, tail @ ..] if *b0 < 0x80 => {
                match *b0 {
                    b' ' | b'\t' => {
                        if !last_space {
                            put!(b' ', false);
                        }
                        last_space = true;
                    }
                    b'-' if last_word && next_is_word(text, pos(rest) + 1) => {
                        put!(b' ', false);
                        last_space = true;
                    }
                    b'\n' => {
                        put!(b'\n', false);
                        last_space = false;
                        line = (pos(tail), n, tokens.len());
                    }
                    b => {
                        let folded = b.to_ascii_lowercase();
                        put!(folded, folded.is_ascii_alphanumeric());
                        last_space = false;
                    }
                }
                prev = [display::NO_PREV; 2];
                rest = tail;
            }
            [] => return (n, None),
            [0xE0, 0xA5, b2 @ (0xA4 | 0xA5), tail @ ..] => {
                put!(
                    if *b2 == 0xA4 {
                        encoder.danda
                    } else {
                        encoder.double_danda
                    },
                    false
                );
                last_space = false;
                prev = [display::NO_PREV; 2];
                rest = tail;
            }
            // K1: ZWNJ and ZWJ vanish and change nothing around them.
            [0xE2, 0x80, 0x8C | 0x8D, tail @ ..] => {
                prev = [display::NO_PREV; 2];
                rest = tail;
            }
            // U+2010 and U+2011 are hyphens: between words, a space.
            [0xE2, 0x80, 0x90 | 0x91, tail @ ..] if last_word && next_is_word(text, pos(tail)) => {
                put!(b' ', false);
                last_space = true;
                prev = [display::NO_PREV; 2];
                rest = tail;
            }
            // Other hyphens, dashes, quotes, bullets, the ellipsis.
            [0xE2, 0x80, 0x90..=0xA7, tail @ ..] => {
                put!(key::OTHER, false);
                last_space = false;
                prev = [display::NO_PREV; 2];
                rest = tail;
            }
            _ => {
                let Some(len) = encoder.other_separator::<true>(text, pos(rest)) else {
                    return (n, Some(line));
                };
                put!(key::OTHER, false);
                last_space = false;
                prev = [display::NO_PREV; 2];
                rest = rest.get(len..).unwrap_or_default();
            }
        }
    }
}

/// True when the display character at byte `at` is a word character.
fn next_is_word(display: &str, at: usize) -> bool {
    display
        .get(at..)
        .and_then(|rest| rest.chars().next())
        .is_some_and(script::is_word_char)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn compare(key: &Key, reference: &MatchKey, display: &str, what: &str) {
        let encoder = Encoder::new();
        assert_eq!(
            key.bytes(),
            reference.bytes(),
            "{what} {display:?}: {:?}",
            key::decode(key.bytes())
        );
        let mut prev_word = false;
        let tokens: Vec<u32> = (0u32..)
            .zip(reference.bytes())
            .filter_map(|(i, &b)| {
                let start = key::is_word_byte(b) && !prev_word;
                prev_word = key::is_word_byte(b);
                start.then_some(i)
            })
            .collect();
        assert_eq!(key.tokens(), tokens, "{what} {display:?} tokens");
        for i in 0..=key.bytes().len() {
            assert_eq!(
                key.origin(&encoder, display, i),
                reference.origin(i),
                "{what} {display:?} origin {i}"
            );
        }
        for start in 0..key.bytes().len() {
            for end in start..=key.bytes().len() {
                assert_eq!(
                    key.span_to_display(&encoder, display, start..end),
                    reference.span_to_display(start..end),
                    "{what} {display:?} {start}..{end}"
                );
            }
        }
    }

    /// Both encoders agree with the reference fold; the fused one on text
    /// it takes whole (display text with only the characters it handles).
    fn check(display: &str) {
        let reference = MatchKey::new(display);
        let mut key = Key::default();
        key.encode(&Encoder::new(), display);
        compare(&key, &reference, display, "reference encoder");
        // The builder's bytes-only fold, into a buffer holding a key.
        let mut bytes_only = key.clone();
        bytes_only.encode_bytes(&Encoder::new(), display);
        assert_eq!(
            bytes_only.bytes(),
            reference.bytes(),
            "bytes-only fold of {:?}",
            display
                .chars()
                .map(|c| format!("U+{:04X}", c as u32))
                .collect::<Vec<_>>()
        );
        // A word of one-byte letters takes the short way, with the same
        // key, origins and token; anything else is refused.
        let mut letters = key.clone();
        if letters.encode_letters(&Encoder::new(), display) {
            compare(&letters, &reference, display, "letters encoder");
            assert_eq!(letters.tokens(), key.tokens(), "tokens of {display:?}");
            assert_eq!(letters.origins, key.origins, "origins of {display:?}");
        } else {
            let one_byte_letters = !display.is_empty()
                && display.chars().all(|c| {
                    let key = key::fold(c.encode_utf8(&mut [0; 4]));
                    script::is_bengali(c)
                        && key.bytes().len() == 1
                        && key.bytes().iter().all(|&b| key::is_word_byte(b))
                });
            assert!(!one_byte_letters, "letters encoder refused {display:?}");
        }
        let mut fused = Key::default();
        // Reuse a dirty buffer: stale bytes past the key must not matter.
        fused.encode_raw(&Encoder::new(), &"ক".repeat(40), 0);
        // The fast paths take display text, and raw text whose only change
        // is D1 on precomposed nukta letters (see `Encoder::stays`).
        let display_form = crate::Normalizer::new().normalize_str(display);
        let mut nukta_forms_decomposed = String::new();
        display::push_decomposing_nukta_forms(
            display,
            0..display.len(),
            &mut nukta_forms_decomposed,
            &mut crate::OffsetMap::identity(),
        );
        let clean = display_form == nukta_forms_decomposed;
        match fused.encode_raw(&Encoder::new(), display, 0) {
            None => {
                assert!(clean, "{display:?} is not display text");
                assert_eq!(
                    fused.bytes(),
                    key::fold(&display_form).bytes(),
                    "{display:?}: the key of its display form"
                );
                compare(&fused, &reference, display, "fused encoder");
                scan_agrees(&fused, display);
            }
            Some(line) => {
                let stopped = display.get(line.clone()).unwrap();
                // A second nukta is junk the scans leave to the rewrite.
                let double_nukta = nukta_forms_decomposed.contains("\u{09BC}\u{09BC}");
                assert!(
                    !clean || double_nukta || stopped.chars().any(|c| !fused_char(c)),
                    "{display:?}: the fused encoder gave up on {stopped:?}"
                );
            }
        }
    }

    /// The scan without encoding finds the fused key's token starts, line
    /// by line, and the key bytes folded on the fly from each are the key's
    /// bytes from that token on (up to the first character the fast path
    /// does not take: none here).
    fn scan_agrees(fused: &Key, display: &str) {
        let encoder = Encoder::new();
        // Keys that every token walks: each token's first 1 to 8 key
        // bytes (across spaces too), and a prefix of one byte more that no
        // text has.
        let mut keys = Vec::new();
        for &k in fused.tokens() {
            let rest = &fused.bytes()[k as usize..];
            for n in 1..=rest.len().min(8) {
                keys.push(rest[..n].to_vec());
                let mut longer = rest[..n].to_vec();
                longer.push(0xFF);
                keys.push(longer);
            }
        }
        let trie = Trie::new(&keys).unwrap();
        let mut scanned = Vec::new();
        let mut at = 0;
        while at < display.len() {
            match encoder.scan_keys::<true>(&trie, display, at, |t, p, e| scanned.push((t, p, e))) {
                Ok(next) => at = next,
                Err(stop) => panic!("{display:?}: the scan stopped at {stop}"),
            }
        }
        // The reference: the token starts of the fused encoder, each walked
        // over the fold's key bytes.
        let mut expected = Vec::new();
        for &t in &fused.token_origins {
            let t = t as usize;
            let mut bytes = encoder.key_bytes(display, t);
            if let (Some(first), Some(second)) = (bytes.next(), bytes.next()) {
                trie.walk(first, second, bytes, |p, e| expected.push((t, p, e)));
            }
        }
        assert_eq!(
            scanned,
            expected,
            "{display:?} {:04X?}",
            display.chars().map(u32::from).collect::<Vec<_>>()
        );
        for (&k, &t) in fused.tokens().iter().zip(&fused.token_origins) {
            let t = t as usize;
            let lazy: Vec<u8> = encoder.key_bytes(display, t).map(|(b, _)| b).collect();
            assert_eq!(
                lazy,
                &fused.bytes()[k as usize..],
                "{display:?} key bytes from {t}"
            );
            // Each position is where the byte's character ends; the span
            // of the byte may also cover what gave no byte after it
            // (joiners, the spaces a space swallowed).
            for ((_, end), i) in encoder.key_bytes(display, t).zip(k as usize..) {
                let span = fused.span_to_display(&encoder, display, i..i + 1);
                assert!(span.start < end && end <= span.end, "{display:?} byte {i}");
                let gap = &display[end..span.end];
                assert!(
                    gap.chars()
                        .all(|c| c.is_whitespace() || c == script::ZWJ || c == script::ZWNJ),
                    "{display:?} byte {i}: {gap:?}"
                );
            }
        }
    }

    /// Characters the fused encoder takes.
    fn fused_char(c: char) -> bool {
        c.is_ascii()
            || script::class_of(c).is_some()
            || key::folds_to_other(c)
            || matches!(
                c,
                '\u{0964}' | '\u{0965}' | '\u{200C}' | '\u{200D}' | '\u{2010}'..='\u{2027}'
            )
    }

    #[test]
    fn agrees_with_the_reference_on_every_bengali_code_point() {
        for cp in script::BLOCK_START..=script::BLOCK_END {
            let c = char::from_u32(cp).unwrap();
            check(&format!("{c}"));
            check(&format!("ক{c} খ-{c}"));
        }
    }

    #[test]
    fn agrees_on_awkward_text() {
        for text in [
            "উত্তর-কোরিয়া  DPRK",
            "José Ramos-Horta।ঢাকা॥ x",
            "ক\u{200D}খ \u{2009} গ",
            "a\u{0301}b - c",
            "নেতা-স্তরের\n-রাশিয়া-\t\u{00A0}",
            "উৎস ৰ ৱ",
            "ঢাকা\u{2011}র ঢাকা\u{2011} \u{2010}ক “ক” ক—খ…",
            "ক  \t-খ- -গ\r\nঘ\u{200D}\u{200C} ৎ",
            "DPRK-এর  x-y x- -",
            "\u{2028}ক \u{2003}\u{2003}খ",
            "৩০°সে তাপমাত্রা, ৫€ ও 中国-চীন ক°খ ঢাকা‘°’",
            "  x \u{2003}y",
            "",
        ] {
            check(text);
        }
    }

    proptest! {
        #[test]
        fn agrees_on_random_text(text in "[ক-হ\u{09BE}-\u{09CD}\u{09CE} \\-\t\nA-Za-zé\u{0301}\u{200D}\u{2009}।,\u{2010}\u{2011}\u{2014}\u{2019}\u{0964}\u{0965}°€中ا\u{00AD}\u{2028}\u{09DC}\u{09DF}\u{09BC}\u{09D7}\u{0981}]{0,24}") {
            check(&text);
        }
    }
}
