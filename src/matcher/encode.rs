//! A byte-level transcoder from display text to the match key.
//!
//! [`MatchKey::refill`](crate::normalize::key::MatchKey::refill) is the
//! reference implementation of folds K1–K6; it goes through a closure per
//! character and measured about 130–230 MB/s on the Wikipedia corpus, less
//! than the matcher's whole budget. This transcoder handles the common
//! cases (Bengali letters, ASCII, danda, joiners) in a tight loop over the
//! UTF-8 bytes, and hands any other character to the reference fold for
//! the whitespace-delimited stretch around it, so both always agree (a
//! test compares them on every code point and on random text).

use core::ops::Range;

use crate::normalize::key::{self, MatchKey};
use crate::script::{self, chars};

/// Key bytes of the 128 code points of the Bengali block, taken from the
/// reference fold: `[first, second]`, with `second == 0` for one byte.
#[derive(Clone, Debug)]
pub(crate) struct Encoder {
    table: [[u8; 2]; 128],
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
        Encoder {
            table,
            danda: single(chars::DANDA),
            double_danda: single(chars::DOUBLE_DANDA),
        }
    }
}

/// A match key with the display offset of every key byte.
#[derive(Clone, Debug, Default)]
pub(crate) struct Key {
    bytes: Vec<u8>,
    /// `origins[i]`: display offset of the character of `bytes[i]`; one
    /// more entry holds the display length. The caller keeps texts under
    /// 4 GiB (the matcher searches in blocks).
    origins: Vec<u32>,
}

/// Offsets fit in u32 because the matcher searches in blocks far smaller
/// than 4 GiB; saturating keeps a wrong input from wrapping.
#[inline]
fn offset(at: usize) -> u32 {
    u32::try_from(at).unwrap_or(u32::MAX)
}

impl Key {
    pub(crate) fn bytes(&self) -> &[u8] {
        &self.bytes
    }

    /// Display offset where key byte `index` starts.
    #[inline]
    pub(crate) fn origin(&self, index: usize) -> usize {
        self.origins
            .get(index)
            .or(self.origins.last())
            .map_or(0, |&o| o as usize)
    }

    /// Display byte span covered by the key span `span`.
    pub(crate) fn span_to_display(&self, span: Range<usize>) -> Range<usize> {
        let start = self.origin(span.start);
        if span.end <= span.start {
            return start..start;
        }
        let last = self.origin(span.end - 1);
        // The span ends where the next key byte's character starts, unless
        // that byte comes from the same character (ৎ gives two bytes).
        let mut index = span.end;
        while index < self.origins.len().saturating_sub(1) && self.origin(index) <= last {
            index += 1;
        }
        start..self.origin(index).max(start)
    }

    #[inline]
    fn push(&mut self, byte: u8, at: usize) {
        self.bytes.push(byte);
        self.origins.push(offset(at));
    }

    /// Replaces the key with the key of `display`.
    pub(crate) fn encode(&mut self, encoder: &Encoder, display: &str) {
        self.bytes.clear();
        self.origins.clear();
        self.bytes.reserve(display.len() / 2 + 1);
        self.origins.reserve(display.len() / 2 + 2);
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
                        let index = usize::from(((b1 & 1) << 6) | (b2 & 0x3F));
                        let [first, second] = self.encoder_entry(encoder, index);
                        self.push(first, at);
                        if second != 0 {
                            self.push(second, at);
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
                        self.push(byte, at);
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
                            self.push(b' ', at);
                        }
                        last_space = true;
                        last_word = false;
                        stretch = (at + 1, self.bytes.len());
                    }
                    b'-' if last_word && next_is_word(display, at + 1) => {
                        self.push(b' ', at);
                        last_space = true;
                        last_word = false;
                    }
                    _ => {
                        let folded = b0.to_ascii_lowercase();
                        self.push(folded, at);
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
                self.push(byte, from + piece.origin(i));
            }
            last_space = self.bytes.last() == Some(&b' ');
            last_word = self.bytes.last().is_some_and(|&b| key::is_word_byte(b));
            at = end;
        }
        self.origins.push(offset(display.len()));
    }

    #[inline]
    fn encoder_entry(&self, encoder: &Encoder, index: usize) -> [u8; 2] {
        encoder.table.get(index).copied().unwrap_or([key::OTHER, 0])
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

    fn check(display: &str) {
        let reference = MatchKey::new(display);
        let mut key = Key::default();
        key.encode(&Encoder::new(), display);
        assert_eq!(
            key.bytes(),
            reference.bytes(),
            "{display:?}: {:?}",
            key::decode(key.bytes())
        );
        for i in 0..=key.bytes().len() {
            assert_eq!(key.origin(i), reference.origin(i), "{display:?} origin {i}");
        }
        for start in 0..key.bytes().len() {
            for end in start..=key.bytes().len() {
                assert_eq!(
                    key.span_to_display(start..end),
                    reference.span_to_display(start..end),
                    "{display:?} {start}..{end}"
                );
            }
        }
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
            "\u{2028}ক \u{2003}\u{2003}খ",
            "  x \u{2003}y",
            "",
        ] {
            check(text);
        }
    }

    proptest! {
        #[test]
        fn agrees_on_random_text(text in "[ক-হ\u{09BE}-\u{09CD}\u{09CE} \\-\t\nA-Za-zé\u{0301}\u{200D}\u{2009}।,]{0,24}") {
            check(&text);
        }
    }
}
