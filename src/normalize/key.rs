//! The match-key layer: folds K1–K6 of NORMALIZATION.md.
//!
//! A match key is display text folded so that spellings a reader calls the
//! same compare equal, then encoded one byte per character (K6): ASCII as
//! itself, a Bengali code point `cp` as `0x80 + (cp - 0x980)`. The Bengali
//! block fills the upper half of the byte space, so the few other things the
//! matcher must see are put in slots the block leaves unassigned:
//!
//! | byte | slot | stands for |
//! |---|---|---|
//! | [`DANDA`] 0x84 | U+0984 | danda । |
//! | [`DOUBLE_DANDA`] 0x8D | U+098D | double danda ॥ |
//! | [`OTHER`] 0x8E | U+098E | any other character: a token separator |
//! | [`OTHER_LETTER`] 0x91 | U+0991 | a Latin letter with no ASCII base (ø with no fold, Ŋ) |
//!
//! Unassigned Bengali code points in the input encode as [`OTHER`], so a slot
//! byte never means two things. The precomposed nukta letters ড় ঢ় য়, which
//! display text never holds (D1 decomposes them), encode as their display
//! form, base consonant then nukta: raw text folds as its display form
//! would. The encoding is lossy by design; [`decode`] is for humans and
//! tests.
//!
//! ```
//! use bengali_names::normalize::key;
//! let k = key::fold("উত্তর-কোরিয়া");
//! assert_eq!(key::decode(k.bytes()), "উত্তর কোরিয়া");
//! assert_eq!(k.bytes().len(), 13); // one byte per code point
//! ```

use core::ops::Range;

use unicode_normalization::char::canonical_combining_class;
use unicode_normalization::UnicodeNormalization;

use crate::script::{self, chars, is_latin_letter, BengaliClass};

/// Key byte of the danda ।.
///
/// ```
/// use bengali_names::normalize::key::{fold, DANDA, DOUBLE_DANDA};
/// assert_eq!(fold("।॥").bytes(), [DANDA, DOUBLE_DANDA]);
/// ```
pub const DANDA: u8 = 0x84;
/// Key byte of the double danda ॥.
///
/// ```
/// use bengali_names::normalize::key::{fold, DOUBLE_DANDA};
/// assert_eq!(fold("॥").bytes(), [DOUBLE_DANDA]);
/// ```
pub const DOUBLE_DANDA: u8 = 0x8D;
/// Key byte of every character with no key of its own; separates tokens.
///
/// ```
/// use bengali_names::normalize::key::{fold, OTHER};
/// assert_eq!(fold("ক€খ").bytes()[1], OTHER);
/// ```
pub const OTHER: u8 = 0x8E;
/// Key byte of a Latin letter that has no ASCII base letter.
///
/// ```
/// use bengali_names::normalize::key::{fold, OTHER_LETTER};
/// assert!(fold("ŋ").bytes().iter().all(|&b| b == OTHER_LETTER));
/// ```
pub const OTHER_LETTER: u8 = 0x91;

/// Key bytes of the whole block, derived from the script table at compile
/// time: the encoder's hot loop is a table lookup.
// Evaluated at compile time, where an index out of bounds is a build error.
#[allow(clippy::indexing_slicing)]
static BENGALI_KEYS: [u8; 128] = {
    let mut table = [0u8; 128];
    let mut i = 0;
    while i < 128 {
        table[i] = match script::CLASSES[i] {
            // The slots of unassigned code points carry other meanings.
            BengaliClass::Unassigned => OTHER,
            _ => 0x80 | i as u8,
        };
        i += 1;
    }
    // K3: Assamese ৰ ৱ fold to র ব.
    table[0x70] = 0x80 + 0x30;
    table[0x71] = 0x80 + 0x2C;
    table
};

const KHANDA_TA_OFFSET: u8 = 0x4E;
const KEY_TA: u8 = 0x80 + 0x24;
const KEY_VIRAMA: u8 = 0x80 + 0x4D;
const KEY_NUKTA: u8 = 0x80 + 0x3C;

/// The key bytes of a precomposed nukta letter (ড় ঢ় য়, U+09DC U+09DD
/// U+09DF), given its block offset: those of its display form, the base
/// consonant and the nukta (D1). Display text never holds one; the
/// matcher's scans read raw text, where news writes them precomposed.
fn nukta_form_key(offset: u8) -> Option<[u8; 2]> {
    let base = super::display::nukta_form_base(usize::from(offset))?;
    Some([0x80 | u8::try_from(base).ok()?, KEY_NUKTA])
}

/// True when `byte` of a key belongs inside a token: ASCII letters and
/// digits, Bengali letters, signs and digits, and [`OTHER_LETTER`].
///
/// ```
/// use bengali_names::normalize::key;
/// assert!(key::is_word_byte(b'a') && key::is_word_byte(0x95)); // a, ক
/// assert!(!key::is_word_byte(b' ') && !key::is_word_byte(key::DANDA));
/// ```
#[inline]
pub fn is_word_byte(byte: u8) -> bool {
    WORD_BYTES.get(usize::from(byte)).copied().unwrap_or(false)
}

// Evaluated at compile time, where an index out of bounds is a build error.
#[allow(clippy::indexing_slicing)]
static WORD_BYTES: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 256 {
        let byte = b as u8;
        table[b] = byte.is_ascii_alphanumeric();
        b += 1;
    }
    let mut i = 0;
    while i < 128 {
        table[0x80 + i] = script::CLASSES[i].is_word();
        i += 1;
    }
    table[OTHER_LETTER as usize] = true;
    table
};

/// One folded unit: a key byte for ASCII and Bengali, a char for the rest.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Folded {
    Byte(u8),
    Char(char),
}

impl Folded {
    /// The K6 key byte of this unit.
    fn key_byte(self) -> u8 {
        match self {
            Folded::Byte(b) => b,
            Folded::Char(c) => encode_char(c),
        }
    }
}

fn is_hyphen(c: char) -> bool {
    matches!(c, '-' | '\u{2010}' | '\u{2011}')
}

fn is_horizontal_space(c: char) -> bool {
    c.is_whitespace()
        && !matches!(
            c,
            '\n' | '\r' | '\u{0B}' | '\u{0C}' | '\u{85}' | '\u{2028}' | '\u{2029}'
        )
}

/// K4 for a non-ASCII Latin letter: its lowercase ASCII spelling.
fn latin_base(c: char, push: &mut impl FnMut(Folded)) {
    let special = match c {
        'ß' | 'ẞ' => Some("ss"),
        'æ' | 'Æ' => Some("ae"),
        'œ' | 'Œ' => Some("oe"),
        'ø' | 'Ø' => Some("o"),
        'đ' | 'Đ' | 'ð' | 'Ð' => Some("d"),
        'ł' | 'Ł' => Some("l"),
        'þ' | 'Þ' => Some("th"),
        'ı' => Some("i"),
        _ => None,
    };
    if let Some(ascii) = special {
        ascii.bytes().for_each(|b| push(Folded::Byte(b)));
        return;
    }
    match c.nfd().next() {
        Some(base) if base.is_ascii_alphabetic() => {
            push(Folded::Byte(base.to_ascii_lowercase() as u8));
        }
        _ => push(Folded::Char(c)),
    }
}

/// The folding core: K1–K5 over display text, calling `emit` with each
/// folded unit and the byte offset of the display character it came from.
fn fold_with(display: &str, mut emit: impl FnMut(Folded, usize)) {
    let bytes = display.as_bytes();
    let mut at = 0;
    // The last unit emitted, to collapse spaces and judge hyphens.
    let mut last_space = false;
    let mut last_word = false;
    let mut after_latin = false;
    while let Some(&b0) = bytes.get(at) {
        if b0.is_ascii_alphanumeric() {
            // A run of ASCII letters and digits: word characters, each as
            // itself lowercased (as the ASCII branch below would fold them).
            while let Some(&b) = bytes.get(at).filter(|b| b.is_ascii_alphanumeric()) {
                emit(Folded::Byte(b.to_ascii_lowercase()), at);
                after_latin = b.is_ascii_alphabetic();
                at += 1;
            }
            last_space = false;
            last_word = true;
            continue;
        }
        if b0 < 0x80 {
            let c = char::from(b0);
            if is_horizontal_space(c) {
                if !last_space {
                    emit(Folded::Byte(b' '), at);
                }
                last_space = true;
                last_word = false;
            } else if c == '-' && last_word && next_is_word(display, at + 1) {
                emit(Folded::Byte(b' '), at);
                last_space = true;
                last_word = false;
            } else {
                let folded = b0.to_ascii_lowercase();
                emit(Folded::Byte(folded), at);
                last_space = false;
                last_word = folded.is_ascii_alphanumeric();
            }
            after_latin = c.is_ascii_alphabetic();
            at += 1;
            continue;
        }
        if b0 == 0xE0 {
            // A run of Bengali-block characters, most of a Bengali name: one
            // table lookup each, in a loop of its own.
            let mut run = false;
            while let Some(offset) = script::block_offset(bytes.get(at..).unwrap_or_default()) {
                let key = BENGALI_KEYS
                    .get(usize::from(offset))
                    .copied()
                    .unwrap_or(OTHER);
                if offset == KHANDA_TA_OFFSET {
                    // K2: ৎ ≡ ত্.
                    emit(Folded::Byte(KEY_TA), at);
                    emit(Folded::Byte(KEY_VIRAMA), at);
                } else if let Some([base, nukta]) = nukta_form_key(offset) {
                    emit(Folded::Byte(base), at);
                    emit(Folded::Byte(nukta), at);
                } else {
                    emit(Folded::Byte(key), at);
                }
                last_word = is_word_byte(key);
                at += 3;
                run = true;
            }
            if run {
                last_space = false;
                after_latin = false;
                continue;
            }
        }
        let Some(c) = display.get(at..).and_then(|rest| rest.chars().next()) else {
            break;
        };
        let len = c.len_utf8();
        if c == script::ZWJ || c == script::ZWNJ {
            // K1: joiners vanish and change nothing around them.
            at += len;
            continue;
        }
        if is_horizontal_space(c) {
            if !last_space {
                emit(Folded::Byte(b' '), at);
            }
            last_space = true;
            last_word = false;
        } else if is_hyphen(c) && last_word && next_is_word(display, at + len) {
            emit(Folded::Byte(b' '), at);
            last_space = true;
            last_word = false;
        } else if is_latin_letter(c) {
            latin_base(c, &mut |f| emit(f, at));
            last_space = false;
            last_word = true;
            after_latin = true;
            at += len;
            continue;
        } else if after_latin && canonical_combining_class(c) != 0 {
            // K4: a combining diacritic on a Latin letter is dropped.
            at += len;
            continue;
        } else {
            let folded = match c {
                chars::DANDA => Folded::Byte(DANDA),
                chars::DOUBLE_DANDA => Folded::Byte(DOUBLE_DANDA),
                '\u{2028}' | '\u{2029}' | '\u{85}' => Folded::Byte(b'\n'),
                _ => Folded::Char(c),
            };
            emit(folded, at);
            last_space = false;
            last_word = false;
        }
        after_latin = false;
        at += len;
    }
}

/// True when the display character at byte `at` is a word character.
fn next_is_word(display: &str, at: usize) -> bool {
    display
        .get(at..)
        .and_then(|rest| rest.chars().next())
        .is_some_and(script::is_word_char)
}

/// True when the fold writes `c`, a character outside ASCII and the
/// Bengali block, as [`OTHER`] wherever it stands in display text (display
/// text holds no combining mark on a Latin letter that K4 would drop):
/// no space, hyphen, line break, Latin letter, danda or joiner, which have
/// keys or rules of their own. The matcher's fast scans take such a
/// character as a token separator.
pub(crate) fn folds_to_other(c: char) -> bool {
    !c.is_ascii()
        && script::class_of(c).is_none()
        && !c.is_whitespace()
        && !is_hyphen(c)
        && !is_latin_letter(c)
        && !matches!(
            c,
            chars::DANDA | chars::DOUBLE_DANDA | script::ZWJ | script::ZWNJ
        )
        && canonical_combining_class(c) == 0
}

/// The key byte of a character that [`fold_with`] passed through as a char.
fn encode_char(c: char) -> u8 {
    if is_latin_letter(c) {
        OTHER_LETTER
    } else {
        OTHER
    }
}

/// A match key: the folded, one-byte-per-character encoding of a display
/// text, with the display byte offset each key byte came from.
///
/// ```
/// use bengali_names::normalize::key::MatchKey;
/// let display = "ক\u{200D}খ";
/// let key = MatchKey::new(display);
/// assert_eq!(key.bytes(), &[0x95, 0x96]);
/// assert_eq!(key.span_to_display(1..2), 6..9);
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct MatchKey {
    bytes: Vec<u8>,
    /// `origins[i]` is the display offset of the character that produced
    /// `bytes[i]`; one more entry holds the display length.
    origins: Vec<u32>,
}

impl MatchKey {
    /// The key of `display` (which should already be in display form).
    ///
    /// ```
    /// let key = bengali_names::normalize::key::MatchKey::new("DPRK");
    /// assert_eq!(key.bytes(), b"dprk");
    /// ```
    pub fn new(display: &str) -> Self {
        let mut key = MatchKey::default();
        key.refill(display);
        key
    }

    /// Replaces this key with the key of `display`, reusing its buffers.
    ///
    /// ```
    /// let mut key = bengali_names::normalize::key::MatchKey::new("a");
    /// key.refill("B c");
    /// assert_eq!(key.bytes(), b"b c");
    /// ```
    pub fn refill(&mut self, display: &str) {
        self.bytes.clear();
        self.origins.clear();
        self.bytes.reserve(display.len() / 2);
        self.origins.reserve(display.len() / 2);
        // Offsets past u32::MAX saturate; the CLI feeds bounded chunks, and a
        // saturated origin only widens a span, never leaves the text.
        let origin = |at: usize| u32::try_from(at).unwrap_or(u32::MAX);
        fold_with(display, |folded, at| {
            self.bytes.push(folded.key_byte());
            self.origins.push(origin(at));
        });
        self.origins.push(origin(display.len()));
    }

    /// The encoded key.
    ///
    /// ```
    /// assert!(bengali_names::normalize::key::MatchKey::new("").bytes().is_empty());
    /// ```
    pub fn bytes(&self) -> &[u8] {
        &self.bytes
    }

    /// Display byte offset of the character that produced key byte `index`
    /// (the display length for `index == bytes().len()`).
    ///
    /// ```
    /// let key = bengali_names::normalize::key::MatchKey::new("ক খ");
    /// assert_eq!(key.origin(2), 4);
    /// assert_eq!(key.origin(3), 7);
    /// ```
    pub fn origin(&self, index: usize) -> usize {
        self.origins
            .get(index)
            .or(self.origins.last())
            .map_or(0, |&o| o as usize)
    }

    /// Maps a span of key bytes to the span of display bytes it covers.
    ///
    /// ```
    /// let key = bengali_names::normalize::key::MatchKey::new("উৎস");
    /// assert_eq!(key.bytes().len(), 4); // উ ত ্ স
    /// assert_eq!(key.span_to_display(1..3), 3..6); // ত্ came from ৎ
    /// ```
    pub fn span_to_display(&self, span: Range<usize>) -> Range<usize> {
        let start = self.origin(span.start);
        // The end is where the next key byte's character starts, unless that
        // byte comes from the same character (ৎ gives two bytes).
        let end = if span.end > span.start {
            let last = self.origin(span.end - 1);
            let next = self.origin(span.end);
            if next > last {
                next
            } else {
                self.end_of_char_at(last)
            }
        } else {
            start
        };
        start..end.max(start)
    }

    fn end_of_char_at(&self, at: usize) -> usize {
        // Only reached inside a multi-byte fold; the next distinct origin
        // (or the display end) closes it.
        self.origins
            .iter()
            .map(|&o| o as usize)
            .find(|&o| o > at)
            .unwrap_or(at)
    }
}

/// The match key of `display`.
///
/// ```
/// use bengali_names::normalize::key;
/// assert_eq!(key::fold("José").bytes(), b"jose");
/// ```
pub fn fold(display: &str) -> MatchKey {
    MatchKey::new(display)
}

/// Appends the key bytes of `display` to `out`: [`fold`] without the display
/// offsets, for callers that only compare keys (the gazetteer loader folds
/// every name once and keeps nothing but the bytes).
pub(crate) fn fold_into(display: &str, out: &mut Vec<u8>) {
    fold_with(display, |folded, _| out.push(folded.key_byte()));
}

/// Folds K1–K5 without the K6 encoding: the text a key stands for, with
/// characters that have no key of their own kept as they are.
///
/// ```
/// use bengali_names::normalize::key::fold_text;
/// assert_eq!(fold_text("উত্তর-কোরিয়া  DPRK"), "উত্তর কোরিয়া dprk");
/// assert_eq!(fold_text("উৎস"), "উত্স");
/// ```
pub fn fold_text(display: &str) -> String {
    let mut out = String::with_capacity(display.len());
    fold_with(display, |folded, _| match folded {
        Folded::Byte(b) => out.push(decode_byte(b)),
        Folded::Char(c) => out.push(c),
    });
    out
}

/// The character a key byte stands for, for humans and tests.
fn decode_byte(byte: u8) -> char {
    match byte {
        0..=0x7F => char::from(byte),
        DANDA => chars::DANDA,
        DOUBLE_DANDA => chars::DOUBLE_DANDA,
        OTHER => char::REPLACEMENT_CHARACTER,
        OTHER_LETTER => '\u{FFFD}',
        _ => char::from_u32(script::BLOCK_START + u32::from(byte - 0x80))
            .unwrap_or(char::REPLACEMENT_CHARACTER),
    }
}

/// Decodes a key for humans: Bengali and ASCII as themselves, danda slots as
/// dandas, everything else as U+FFFD.
///
/// ```
/// use bengali_names::normalize::key;
/// assert_eq!(key::decode(key::fold("রাশিয়া। X").bytes()), "রাশিয়া। x");
/// ```
pub fn decode(key: &[u8]) -> String {
    key.iter().map(|&b| decode_byte(b)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::script::class_of;

    #[test]
    fn fold_into_appends_the_bytes_of_fold() {
        let mut out = b"x".to_vec();
        for text in ["উত্তর-কোরিয়া  DPRK", "José ŋ €", "উৎস।", "ক\u{200D}খ", ""]
        {
            let before = out.len();
            fold_into(text, &mut out);
            assert_eq!(&out[before..], fold(text).bytes(), "{text:?}");
        }
        assert_eq!(out.first(), Some(&b'x'));
    }

    #[test]
    fn bengali_keys_follow_the_script_table() {
        for offset in 0u8..128 {
            let c = char::from_u32(0x980 + u32::from(offset)).unwrap();
            let class = class_of(c).unwrap();
            let key = fold(&c.to_string());
            let expected: &[u8] = match c {
                chars::KHANDA_TA => &[KEY_TA, KEY_VIRAMA],
                '\u{09DC}' => &[0x80 | 0x21, KEY_NUKTA],
                '\u{09DD}' => &[0x80 | 0x22, KEY_NUKTA],
                '\u{09DF}' => &[0x80 | 0x2F, KEY_NUKTA],
                chars::ASSAMESE_RA => &[0xB0],
                chars::ASSAMESE_WA => &[0xAC],
                _ if class == BengaliClass::Unassigned => &[OTHER],
                _ => &[0x80 | offset],
            };
            assert_eq!(key.bytes(), expected, "U+{:04X}", c as u32);
            assert_eq!(
                is_word_byte(key.bytes()[0]),
                class.is_word(),
                "U+{:04X} {class}",
                c as u32
            );
        }
    }

    #[test]
    fn slot_bytes_are_unassigned_code_points() {
        for slot in [DANDA, DOUBLE_DANDA, OTHER, OTHER_LETTER] {
            let c = char::from_u32(0x980 + u32::from(slot - 0x80)).unwrap();
            assert_eq!(
                class_of(c),
                Some(BengaliClass::Unassigned),
                "slot 0x{slot:02X}"
            );
            assert!(
                !BENGALI_KEYS.contains(&slot) || slot == OTHER,
                "0x{slot:02X}"
            );
        }
    }
}
