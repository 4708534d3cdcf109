//! [`Key`], the match key written out with the way back to display
//! offsets: the reference encoder and the fused one.

use core::ops::Range;

use crate::normalize::display;
use crate::normalize::key::{self, MatchKey};

use super::{next_is_word, Encoder, Fold, Step, SIMPLE};

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
    pub(super) origins: Vec<u32>,
    /// Key indices where a token starts (a word byte after a non-word one).
    tokens: Vec<u32>,
    /// Fused key: the text offset of each token start.
    pub(super) token_origins: Vec<u32>,
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
