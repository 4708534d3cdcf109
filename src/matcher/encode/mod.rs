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
//!
//! Here: the table of the Bengali block ([`Encoder`]) and the one-character
//! fold; `scan` walks the trie from token starts without writing the key,
//! `encoded` writes it ([`Key`]) with the way back to display offsets.

use crate::normalize::key;
use crate::script::{self, chars};

mod encoded;
mod scan;
#[cfg(test)]
mod tests;

pub(crate) use encoded::Key;

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

/// True when the display character at byte `at` is a word character.
fn next_is_word(display: &str, at: usize) -> bool {
    display
        .get(at..)
        .and_then(|rest| rest.chars().next())
        .is_some_and(script::is_word_char)
}
