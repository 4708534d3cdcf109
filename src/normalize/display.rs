//! The display layer: rules D1–D12 of NORMALIZATION.md.
//!
//! Two engines share the work. [`first_dirty`] is a byte-level scan that
//! finds the first code point some rule might change; text before it is
//! copied (or borrowed) untouched. From there, [`normalize_region`] rewrites
//! one region — the run of text between two hard boundaries (ASCII, danda,
//! whitespace) around the dirty code point — cluster by cluster, and the scan
//! resumes after it. A cluster is a base character with the marks that follow
//! it; no rule reaches across a cluster except the visual-order repair D4,
//! which runs over the region before clustering.
//!
//! The pipeline for one region, in order:
//! D9 (invisibles) and D11 (mojibake) while reading → D4 (visual order) →
//! per cluster, repeated until nothing changes: D10 (identical vowel signs,
//! before and after decomposition) → NFD → D3 (candrabindu inside a two-part
//! vowel) → D5 (অ + া) → D6 (ব + nukta) → D8 (look-alike danda) → D12 options
//! → NFC (D1, D2, D7).

use core::ops::Range;

use unicode_normalization::char::canonical_combining_class;
use unicode_normalization::{is_nfc_quick, IsNormalized, UnicodeNormalization};

use super::mojibake;
use super::offsets::{Edit, OffsetMap};
use super::{DigitStyle, NormalizeOptions};
use crate::script::{self, chars, class_of, BengaliClass, ZWJ, ZWNJ};

/// D9: characters that are removed outright.
pub(crate) fn is_invisible_junk(c: char) -> bool {
    matches!(c, '\u{00AD}' | '\u{200B}' | '\u{2060}' | '\u{FEFF}')
}

const NBSP: char = '\u{00A0}';

/// D12: typographic punctuation and its ASCII replacement.
fn ascii_punctuation(c: char) -> Option<&'static str> {
    Some(match c {
        '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' => "'",
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' => "\"",
        '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' | '\u{2014}' | '\u{2015}' => "-",
        '\u{2026}' => "...",
        _ => return None,
    })
}

/// The Bengali code point whose UTF-8 encoding is `E0 b1 b2`, as an offset
/// into the block, if `b1` is the Bengali lead.
#[inline]
fn bengali_offset(b1: u8, b2: u8) -> Option<u8> {
    match b1 {
        0xA6 => Some(b2.wrapping_sub(0x80)),
        0xA7 => Some(b2.wrapping_sub(0x40)),
        _ => None,
    }
}

/// The Bengali code point that ends just before byte `end`, if any.
#[inline]
fn bengali_before(bytes: &[u8], end: usize) -> Option<char> {
    let start = end.checked_sub(3)?;
    match bytes.get(start..end)? {
        [0xE0, b1, b2] => {
            let offset = bengali_offset(*b1, *b2)?;
            char::from_u32(script::BLOCK_START + u32::from(offset & 0x7F))
        }
        _ => None,
    }
}

fn is_consonant(c: Option<char>) -> bool {
    c.and_then(class_of) == Some(BengaliClass::Consonant)
}

/// A base that an e-kar can belong to: a consonant, or a nukta after one.
fn can_carry_vowel_sign(c: Option<char>) -> bool {
    is_consonant(c) || c == Some(chars::NUKTA)
}

/// What the scan must do with a Bengali code point, given the one before it.
mod action {
    /// Nothing can change here.
    pub const CLEAN: u8 = 0;
    /// Some rule changes this code point.
    pub const DIRTY: u8 = 1;
    /// ঁ then া/ৗ: D3 if the code point before the ঁ is ে.
    pub const CHECK_D3: u8 = 2;
    /// A consonant then া/ৗ: D4 if an orphan ে comes before the consonant.
    pub const CHECK_D4: u8 = 3;
    /// A nukta then া/ৗ: D4 if an orphan ে comes before the consonant + nukta.
    pub const CHECK_D4_NUKTA: u8 = 4;
    /// A Bengali digit: dirty when digits fold to ASCII (D12).
    pub const CHECK_DIGIT: u8 = 5;
}

/// Row of [`ACTIONS`] used when the previous code point is not Bengali.
pub(crate) const NO_PREV: usize = 128;

/// `ACTIONS[prev * 128 + cur]`: the scan's action for Bengali code point
/// `cur` (block offset) after `prev` (block offset, or [`NO_PREV`]). Derived
/// at compile time from the script table and the rules, so the hot loop is
/// one lookup per code point.
// Evaluated at compile time, where an index out of bounds is a build error.
#[allow(clippy::indexing_slicing)]
static ACTIONS: [u8; 129 * 128] = {
    const fn class(offset: usize) -> BengaliClass {
        script::CLASSES[offset]
    }
    const fn is_dv(offset: usize) -> bool {
        matches!(class(offset), BengaliClass::DependentVowel)
    }
    // First and last code point of a vowel sign once decomposed (ো = ে া, ৌ = ে ৗ).
    const fn first(offset: usize) -> usize {
        match offset {
            0x4B | 0x4C => 0x47,
            _ => offset,
        }
    }
    const fn last(offset: usize) -> usize {
        match offset {
            0x4B => 0x3E,
            0x4C => 0x57,
            _ => offset,
        }
    }
    const A: usize = 0x05;
    const BA: usize = 0x2C;
    const NUKTA: usize = 0x3C;
    const AA_SIGN: usize = 0x3E;
    const E_SIGN: usize = 0x47;
    const VIRAMA: usize = 0x4D;
    const AU_LENGTH: usize = 0x57;
    const CANDRABINDU: usize = 0x01;
    const SANDHI_MARK: usize = 0x7E;

    let mut table = [action::CLEAN; 129 * 128];
    let mut prev = 0;
    while prev <= NO_PREV {
        let mut cur = 0;
        while cur < 128 {
            let bengali_prev = prev < NO_PREV;
            let act = match cur {
                // D1: NFC decomposes ড় ঢ় য়; D8: the look-alike danda.
                0x5C | 0x5D | 0x5F | 0x77 => action::DIRTY,
                // D6 (ব ়) and D7 (্ ়); and a second nukta, junk the scan
                // cannot judge (D4's look-back reads one nukta after the
                // consonant, the rewrite any number): the rewrite decides.
                NUKTA if prev == BA || prev == VIRAMA || prev == NUKTA => action::DIRTY,
                // NFC's canonical order: the sandhi mark (combining class 230)
                // goes after a nukta (7) or virama (9).
                NUKTA | VIRAMA if prev == SANDHI_MARK => action::DIRTY,
                // D2 (ে া), D5 (অ া), D10 (repeats).
                AA_SIGN | AU_LENGTH
                    if prev == E_SIGN
                        || (cur == AA_SIGN && prev == A)
                        || (bengali_prev
                            && is_dv(prev)
                            && (prev == cur || last(prev) == first(cur))) =>
                {
                    action::DIRTY
                }
                AA_SIGN | AU_LENGTH if prev == CANDRABINDU => action::CHECK_D3,
                AA_SIGN | AU_LENGTH if prev == NUKTA => action::CHECK_D4_NUKTA,
                AA_SIGN | AU_LENGTH
                    if bengali_prev && matches!(class(prev), BengaliClass::Consonant) =>
                {
                    action::CHECK_D4
                }
                _ if bengali_prev
                    && is_dv(cur)
                    && is_dv(prev)
                    && (prev == cur || last(prev) == first(cur)) =>
                {
                    action::DIRTY
                }
                _ if matches!(class(cur), BengaliClass::Digit) => action::CHECK_DIGIT,
                _ => action::CLEAN,
            };
            table[prev * 128 + cur] = act;
            cur += 1;
        }
        prev += 1;
    }
    table
};

/// What [`bengali_is_dirty`] needs of the code point two back, per
/// (previous, current) pair like [`ACTIONS`]: [`before::ANY`] when the
/// pair may be dirty whatever came before, [`before::E`] or
/// [`before::CONSONANT`] when only after that, [`before::DIGITS`] when
/// only with digits folded to ASCII, 0 when never.
// Evaluated at compile time, where an index out of bounds is a build error.
#[allow(clippy::indexing_slicing)]
static SUSPECT: [u8; 129 * 128] = {
    let mut table = [0u8; 129 * 128];
    let mut i = 0;
    while i < table.len() {
        table[i] = match ACTIONS[i] {
            action::CLEAN => 0,
            action::CHECK_D3 | action::CHECK_D4 => before::E,
            action::CHECK_D4_NUKTA => before::CONSONANT,
            action::CHECK_DIGIT => before::DIGITS,
            _ => before::ANY,
        };
        i += 1;
    }
    table
};

/// The bits of [`SUSPECT`] each code point two back (or [`NO_PREV`])
/// satisfies.
// Evaluated at compile time, where an index out of bounds is a build error.
#[allow(clippy::indexing_slicing)]
static BEFORE: [u8; NO_PREV + 1] = {
    let mut table = [before::ANY; NO_PREV + 1];
    let mut p2 = 0;
    while p2 < NO_PREV {
        if p2 == 0x47 {
            table[p2] |= before::E;
        }
        if matches!(script::CLASSES[p2], BengaliClass::Consonant) {
            table[p2] |= before::CONSONANT;
        }
        p2 += 1;
    }
    table
};

/// Bits of [`SUSPECT`] and [`BEFORE`].
mod before {
    /// Whatever came before.
    pub const ANY: u8 = 1;
    /// The code point two back is ে.
    pub const E: u8 = 2;
    /// The code point two back is a consonant.
    pub const CONSONANT: u8 = 4;
    /// Digits fold to ASCII.
    pub const DIGITS: u8 = 8;
}

/// Decides whether a code point outside ASCII and the Bengali block may change.
pub(crate) fn other_is_dirty(text: &str, at: usize, c: char, options: &NormalizeOptions) -> bool {
    match c {
        // The danda and the punctuation of news text: common, never changed
        // but by the ASCII-punctuation option (the tests check that these have
        // no decomposition and combining class 0).
        chars::DANDA | chars::DOUBLE_DANDA | ZWJ | ZWNJ => false,
        '\u{2010}'..='\u{2027}' if !options.ascii_punctuation => false,
        _ => {
            is_invisible_junk(c)
                || c == NBSP
                || (c == 'à' && text.get(at..).is_some_and(mojibake::starts_mojibake))
                || (options.ascii_punctuation && ascii_punctuation(c).is_some())
                || canonical_combining_class(c) != 0
                || is_nfc_quick(core::iter::once(c)) != IsNormalized::Yes
        }
    }
}

/// True when [`bengali_is_dirty`] can be true for the Bengali code point
/// `cur` (block offset) after some code point: callers may skip the test
/// for the others (most consonants), which nothing before them can make
/// dirty. `digits_to_ascii` as for [`bengali_is_dirty`].
pub(crate) fn may_be_dirty(cur: usize, digits_to_ascii: bool) -> bool {
    // Whatever came two back meets some requirement; digits count only
    // when they fold.
    let mask = if digits_to_ascii {
        u8::MAX
    } else {
        !before::DIGITS
    };
    (0..=NO_PREV).any(|p1| SUSPECT.get(p1 * 128 + cur).is_some_and(|&s| s & mask != 0))
}

/// True when [`bengali_is_dirty`] can be true for the Bengali code point
/// `cur` after the code points `[p1, p2]`, whatever comes before them:
/// callers that know `p1` in advance can tell which `p2` need the test.
///
/// Two loads and no branch: the hot loops test this for every code point
/// (a vowel sign's test depends on the two before it), and nearly every
/// triple of clean text is clear, so the branch on the answer predicts
/// well where one on the action per pair did not.
#[inline(always)]
pub(crate) fn may_be_dirty_after([p1, p2]: [usize; 2], cur: usize, digits_to_ascii: bool) -> bool {
    let suspect = SUSPECT.get(p1 * 128 + cur).copied().unwrap_or(before::ANY);
    let before = BEFORE.get(p2).copied().unwrap_or(before::ANY)
        | if digits_to_ascii { before::DIGITS } else { 0 };
    suspect & before != 0
}

/// True when some display rule might change the Bengali code point `cur`
/// (block offset) that starts at byte `here` of `bytes`, given the block
/// offsets `[p1, p2]` of the one and two code points before it
/// ([`NO_PREV`] when not Bengali). The scans of [`first_dirty`], of the
/// matcher and of ISO 15919 share this test: the branchless
/// [`may_be_dirty_after`] first, then, for the rare suspect triples, the
/// rule itself ([`is_dirty_by_rule`]).
#[inline(always)]
pub(crate) fn bengali_is_dirty(
    bytes: &[u8],
    here: usize,
    prev: [usize; 2],
    cur: usize,
    digits_to_ascii: bool,
) -> bool {
    may_be_dirty_after(prev, cur, digits_to_ascii)
        && is_dirty_by_rule(bytes, here, prev, cur, digits_to_ascii, 0)
}

/// The rule behind [`bengali_is_dirty`]: one [`ACTIONS`] lookup, and a look
/// back for the pairs that need one. `skew` is how many code points fewer
/// the raw bytes before `here` hold than the display text the rules read:
/// 1 right after a precomposed nukta letter taken as its pair (see
/// [`stays_reading_nukta_forms`]), which the D4 look-back counts as one; 0
/// otherwise.
#[inline]
pub(crate) fn is_dirty_by_rule(
    bytes: &[u8],
    here: usize,
    [p1, p2]: [usize; 2],
    cur: usize,
    digits_to_ascii: bool,
    skew: usize,
) -> bool {
    let act = ACTIONS
        .get(p1 * 128 + cur)
        .copied()
        .unwrap_or(action::DIRTY);
    let back = |n: usize| back(bytes, here, n.saturating_sub(skew));
    match act {
        action::CLEAN => false,
        action::CHECK_D3 => p2 == 0x47,
        action::CHECK_D4 => p2 == 0x47 && !can_carry_vowel_sign(back(3)),
        action::CHECK_D4_NUKTA => {
            script::CLASSES.get(p2) == Some(&BengaliClass::Consonant)
                && back(3) == Some(chars::SIGN_E)
                && !can_carry_vowel_sign(back(4))
        }
        action::CHECK_DIGIT => digits_to_ascii,
        _ => true,
    }
}

/// The base consonant of a precomposed nukta letter (ড় ঢ় য়, block offsets
/// 0x5C 0x5D 0x5F), by block offset. The only change display normalization
/// makes to such a letter is D1, which writes it as its base and the
/// nukta, and no rule changes that pair whatever comes before it (a nukta
/// changes only after ব, the virama or the sandhi mark).
pub(crate) fn nukta_form_base(cur: usize) -> Option<usize> {
    let block_start = script::BLOCK_START as usize;
    let letter = char::from_u32(u32::try_from(block_start + cur).ok()?)?;
    Some(script::nukta_base(letter)? as usize - block_start)
}

/// What `prev` holds in [`stays_reading_nukta_forms`] right after a
/// precomposed nukta letter: the nukta's block offset in its low byte,
/// marked above it.
const AFTER_NUKTA_FORM: usize = 0x100 | 0x3C;

/// [`bengali_is_dirty`] reading a precomposed nukta letter as the pair D1
/// makes of it (see [`nukta_form_base`]): true when the Bengali code
/// point `cur` at `here` stays as it is after `prev` (the block offsets
/// of the two code points before it, [`NO_PREV`] when not Bengali) or,
/// for a nukta letter, becomes its pair and nothing else; `prev` then
/// takes it in. The code point after a nukta letter is tested against
/// the pair, the D4 look-back counting the raw letter as one code point.
/// For the scans that read raw text as its display form would read (the
/// matcher's, and the normalizer's for a word whose only change is D1).
#[inline(always)]
pub(crate) fn stays_reading_nukta_forms(
    bytes: &[u8],
    here: usize,
    prev: &mut [usize; 2],
    cur: usize,
    digits_to_ascii: bool,
) -> bool {
    let p1 = prev[0] & 0xFF;
    if may_be_dirty_after([p1, prev[1]], cur, digits_to_ascii) {
        if let Some(base) = nukta_form_base(cur) {
            *prev = [AFTER_NUKTA_FORM, base];
            return true;
        }
        let skew = usize::from(prev[0] == AFTER_NUKTA_FORM);
        if is_dirty_by_rule(bytes, here, [p1, prev[1]], cur, digits_to_ascii, skew) {
            return false;
        }
    }
    *prev = [cur, p1];
    true
}

/// Where the word from the precomposed nukta letter at `at` ends (at the
/// first character that is not a Bengali code point, if that is a hard
/// boundary, or at the text's end), when D1 on its nukta letters is the
/// only change display normalization makes to it from `at` on; `None`
/// otherwise, and the caller normalizes the region. News writes ড় ঢ় য়
/// precomposed in most lines, and a region costs a full rewrite.
pub(crate) fn nukta_forms_only(text: &str, at: usize, options: &NormalizeOptions) -> Option<usize> {
    let bytes = text.as_bytes();
    let digits_to_ascii = options.digits == DigitStyle::Ascii;
    let mut rest = bytes.get(at..)?;
    let mut prev = [NO_PREV; 2];
    let mut first = true;
    loop {
        match rest {
            [0xE0, b1, b2, tail @ ..] if b1 & 0xFE == 0xA6 => {
                let cur = usize::from(((b1 & 1) << 6) | (b2 & 0x3F));
                if first && nukta_form_base(cur).is_none() {
                    return None;
                }
                first = false;
                let here = bytes.len() - rest.len();
                if !stays_reading_nukta_forms(bytes, here, &mut prev, cur, digits_to_ascii) {
                    return None;
                }
                rest = tail;
            }
            [] => return (!first).then_some(bytes.len()),
            _ if first => return None,
            _ => {
                let here = bytes.len() - rest.len();
                let c = text.get(here..)?.chars().next()?;
                return is_hard_boundary(c).then_some(here);
            }
        }
    }
}

/// Appends `text[span]` to `out` with its precomposed nukta letters
/// decomposed (D1), each recorded in `map`.
pub(crate) fn push_decomposing_nukta_forms(
    text: &str,
    span: Range<usize>,
    out: &mut String,
    map: &mut OffsetMap,
) {
    let mut at = span.start;
    for (i, c) in text.get(span.clone()).unwrap_or_default().char_indices() {
        let Some(base) = script::nukta_base(c) else {
            continue;
        };
        let here = span.start + i;
        out.push_str(text.get(at..here).unwrap_or_default());
        let output_start = out.len();
        out.push(base);
        out.push(chars::NUKTA);
        map.push(Edit {
            output: output_start..out.len(),
            input: here..here + c.len_utf8(),
        });
        at = here + c.len_utf8();
    }
    out.push_str(text.get(at..span.end).unwrap_or_default());
}

/// Byte offset of the first code point at or after `from` that some display
/// rule might change, or `None` when the rest of `text` is already normal.
///
/// This is the hot loop of clean text: Bengali code points are recognised
/// from their UTF-8 bytes (`E0 A6 xx` / `E0 A7 xx`) without decoding, and
/// [`ACTIONS`] decides from the pair (previous, current) in one lookup.
pub(crate) fn first_dirty(text: &str, from: usize, options: &NormalizeOptions) -> Option<usize> {
    let bytes = text.as_bytes();
    let ascii_may_change = options.digits == DigitStyle::Bengali;
    let digits_to_ascii = options.digits == DigitStyle::Ascii;
    let mut rest = bytes.get(from..)?;
    let at = |rest: &[u8]| bytes.len() - rest.len();
    // Block offsets of the two code points before `rest` (NO_PREV when not Bengali).
    let mut p1 = NO_PREV;
    let mut p2 = NO_PREV;
    loop {
        match rest {
            [0xE0, b1, b2, tail @ ..] if b1 & 0xFE == 0xA6 => {
                let cur = usize::from(((b1 & 1) << 6) | (b2 & 0x3F));
                let here = at(rest);
                if bengali_is_dirty(bytes, here, [p1, p2], cur, digits_to_ascii) {
                    return Some(here);
                }
                p2 = p1;
                p1 = cur;
                rest = tail;
            }
            [b0, tail @ ..] if *b0 < 0x80 => {
                if ascii_may_change && b0.is_ascii_digit() {
                    return Some(at(rest));
                }
                p1 = NO_PREV;
                p2 = NO_PREV;
                rest = tail;
                // Skip ASCII eight bytes at a time.
                while let [a, b, c, d, e, f, g, h, tail @ ..] = rest {
                    let word = u64::from_le_bytes([*a, *b, *c, *d, *e, *f, *g, *h]);
                    if ascii_may_change || word & 0x8080_8080_8080_8080 != 0 {
                        break;
                    }
                    rest = tail;
                }
            }
            [] => return None,
            _ => {
                let here = at(rest);
                let c = text.get(here..)?.chars().next()?;
                if other_is_dirty(text, here, c, options) {
                    return Some(here);
                }
                p1 = NO_PREV;
                p2 = NO_PREV;
                rest = rest.get(c.len_utf8()..)?;
            }
        }
    }
}

/// The Bengali code point `n` places before the one at `at`, if Bengali.
fn back(bytes: &[u8], at: usize, n: usize) -> Option<char> {
    at.checked_sub(3 * (n - 1))
        .and_then(|end| bengali_before(bytes, end))
}

/// Characters around which no display rule reaches: regions end at them.
fn is_hard_boundary(c: char) -> bool {
    c.is_ascii()
        || c == chars::DANDA
        || c == chars::DOUBLE_DANDA
        || (c.is_whitespace() && c != NBSP)
}

/// The region around the dirty code point at `dirty`, not starting before
/// `floor`: from the last hard boundary before it (included, since an ASCII
/// letter can be the base of a combining mark) to the first hard boundary
/// after it (excluded) that bears no combining mark: NFC may compose an
/// ASCII letter with the mark after it into a char that completes what D11
/// repairs (`à¦` `Y` U+0308 is `à¦Ÿ`, ট as mojibake), so the two stay in the
/// region that D11 reads.
pub(crate) fn region_around(text: &str, floor: usize, dirty: usize) -> Range<usize> {
    let before = text.get(floor..dirty).unwrap_or_default();
    let start = before
        .char_indices()
        .rev()
        .find(|&(_, c)| is_hard_boundary(c))
        .map_or(floor, |(i, _)| floor + i);
    let after = text.get(dirty..).unwrap_or_default();
    let mut chars = after.char_indices();
    // The dirty code point itself always belongs to the region, even when it is
    // a boundary character (an ASCII digit under DigitStyle::Bengali).
    let first_len = chars.next().map_or(0, |(_, c)| c.len_utf8());
    let bears_mark = |i: usize, c: char| {
        c.is_ascii_alphabetic()
            && after
                .get(i + c.len_utf8()..)
                .and_then(|rest| rest.chars().next())
                .is_some_and(|mark| canonical_combining_class(mark) != 0)
    };
    let end = chars
        .find(|&(i, c)| is_hard_boundary(c) && !bears_mark(i, c))
        .map_or(text.len(), |(i, _)| dirty + i);
    start..end.max(dirty + first_len)
}

/// A code point of a region after D9/D11, with the input bytes it came from.
#[derive(Clone, Debug)]
struct Unit {
    c: char,
    input: Range<usize>,
}

/// Reads `text[region]` into units, dropping invisibles (D9, their bytes
/// join the next unit, or the previous one at the end) and repairing
/// mojibake (D11).
fn read_units(text: &str, region: Range<usize>) -> Vec<Unit> {
    let mut units: Vec<Unit> = Vec::new();
    let mut absorbed_from: Option<usize> = None;
    let mut at = region.start;
    while at < region.end {
        let rest = text.get(at..region.end).unwrap_or_default();
        let Some(c) = rest.chars().next() else { break };
        // `à`, or `a` + U+0300, which NFC will make `à`.
        if c == 'à' || c == 'a' {
            if let Some(repaired) = mojibake::repair_prefix(rest) {
                for (d, range) in repaired {
                    let start = absorbed_from.take().unwrap_or(at + range.start);
                    units.push(Unit {
                        c: d,
                        input: start..at + range.end,
                    });
                }
                at = units.last().map_or(at + c.len_utf8(), |u| u.input.end);
                continue;
            }
        }
        let end = at + c.len_utf8();
        if is_invisible_junk(c) {
            absorbed_from.get_or_insert(at);
        } else {
            let start = absorbed_from.take().unwrap_or(at);
            let c = if c == NBSP { ' ' } else { c };
            units.push(Unit {
                c,
                input: start..end,
            });
        }
        at = end;
    }
    // Trailing invisibles join the last unit; a region of nothing but
    // invisibles has no unit, and the caller maps it to empty output.
    if let (Some(_), Some(last)) = (absorbed_from, units.last_mut()) {
        last.input.end = region.end;
    }
    units
}

/// D4: an e-kar with no base, then a consonant (with nukta), then ৗ or া,
/// is rewritten as the consonant (with nukta) and ৌ or ো.
fn repair_visual_order(units: &mut Vec<Unit>) {
    let mut i = 0;
    while i < units.len() {
        let prev = last_after_reordering(units.get(..i).unwrap_or_default());
        let is_orphan_e =
            units.get(i).map(|u| u.c) == Some(chars::SIGN_E) && !can_carry_vowel_sign(prev);
        if is_orphan_e && is_consonant(units.get(i + 1).map(|u| u.c)) {
            let nukta = units.get(i + 2).map(|u| u.c) == Some(chars::NUKTA);
            let sign_at = i + 2 + usize::from(nukta);
            let composed = match units.get(sign_at).map(|u| u.c) {
                Some(chars::AU_LENGTH) => Some(chars::SIGN_AU),
                Some(chars::SIGN_AA) => Some(chars::SIGN_O),
                _ => None,
            };
            if let Some(composed) = composed {
                let e_start = units.get(i).map_or(0, |u| u.input.start);
                units.remove(i);
                if let Some(consonant) = units.get_mut(i) {
                    consonant.input.start = e_start;
                }
                if let Some(sign) = units.get_mut(sign_at - 1) {
                    sign.c = composed;
                }
                i = sign_at;
                continue;
            }
        }
        i += 1;
    }
}

/// The last code point of `units` once NFC has put its trailing combining
/// marks in canonical order: of the marks after the last starter, the last
/// one of the highest combining class. D4 judges an e-kar's base by it, so
/// `ক ্ ় ে` (an orphan e-kar once NFC writes `ক ় ্`) is repaired in the
/// same pass as its reordered spelling.
fn last_after_reordering(units: &[Unit]) -> Option<char> {
    let mut last = None;
    let mut highest = 0;
    for unit in units.iter().rev() {
        let class = canonical_combining_class(unit.c);
        if class == 0 {
            return last.or(Some(unit.c));
        }
        if class > highest {
            highest = class;
            last = Some(unit.c);
        }
    }
    last
}

/// True when `c` continues the cluster of the code point before it.
fn continues_cluster(c: char) -> bool {
    match class_of(c) {
        // The sandhi mark U+09FE is class Other but a combining mark (230).
        Some(class) => class.is_mark() || canonical_combining_class(c) != 0,
        None => {
            c == ZWJ
                || c == ZWNJ
                || (!c.is_ascii()
                    && (canonical_combining_class(c) != 0
                        || is_nfc_quick(core::iter::once(c)) == IsNormalized::Maybe
                        || decomposes_to_non_starter(c)))
        }
    }
}

/// The three characters of combining class 0 whose canonical decomposition
/// starts with a combining mark (Unicode's "non-starter decompositions"):
/// NFD reorders that mark with the marks before it, so the character belongs
/// to the cluster before it. A test checks the list against the UCD.
pub(super) fn decomposes_to_non_starter(c: char) -> bool {
    matches!(c, '\u{0F73}' | '\u{0F75}' | '\u{0F81}')
}

/// D10: collapses runs of identical dependent vowel signs.
fn collapse_repeated_signs(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut prev: Option<char> = None;
    for c in s.chars() {
        let repeat = prev == Some(c) && class_of(c) == Some(BengaliClass::DependentVowel);
        if !repeat {
            out.push(c);
        }
        prev = Some(c);
    }
    out
}

/// One pass of the per-cluster rules over a cluster.
fn cluster_pass(cluster: &str, options: &NormalizeOptions) -> String {
    let decomposed: Vec<char> = collapse_repeated_signs(cluster).nfd().collect();
    let decomposed: String = collapse_repeated_signs(&decomposed.iter().collect::<String>());
    let mut out = String::with_capacity(decomposed.len());
    let mut chars_in = decomposed.chars().peekable();
    while let Some(c) = chars_in.next() {
        let next = chars_in.peek().copied();
        match (c, next) {
            // D3: ে ঁ া → ে া ঁ (and ে ঁ ৗ), so that NFC can compose the vowel.
            (chars::CANDRABINDU, Some(chars::SIGN_AA | chars::AU_LENGTH))
                if out.ends_with(chars::SIGN_E) =>
            {
                out.extend(chars_in.next());
                out.push(chars::CANDRABINDU);
            }
            // D5: অ া → আ.
            (chars::A, Some(chars::SIGN_AA)) => {
                chars_in.next();
                out.push(chars::AA);
            }
            // D6: ব ় → র.
            (chars::BA, Some(chars::NUKTA)) => {
                chars_in.next();
                out.push(chars::RA);
            }
            (chars::NUMERATOR_FOUR, _) => out.push(chars::DANDA), // D8
            _ => push_with_options(&mut out, c, options),
        }
    }
    out.nfc().collect()
}

/// D12: the optional digit and punctuation folds.
fn push_with_options(out: &mut String, c: char, options: &NormalizeOptions) {
    match options.digits {
        DigitStyle::Ascii if class_of(c) == Some(BengaliClass::Digit) => {
            let value = (c as u32) - 0x09E6;
            out.extend(char::from_digit(value, 10));
            return;
        }
        DigitStyle::Bengali if c.is_ascii_digit() => {
            out.extend(char::from_u32(0x09E6 + (c as u32 - '0' as u32)));
            return;
        }
        _ => {}
    }
    if options.ascii_punctuation {
        if let Some(ascii) = ascii_punctuation(c) {
            out.push_str(ascii);
            return;
        }
    }
    out.push(c);
}

/// Applies the per-cluster rules until nothing changes.
fn normalize_cluster(cluster: &str, options: &NormalizeOptions) -> String {
    let mut current = cluster_pass(cluster, options);
    // Each pass only shortens or recomposes, so two more passes always settle;
    // the bound keeps a pathological input from looping.
    for _ in 0..3 {
        let next = cluster_pass(&current, options);
        if next == current {
            break;
        }
        current = next;
    }
    current
}

/// Normalizes `text[region]`, appending to `out` and recording changed
/// clusters in `map`.
pub(crate) fn normalize_region(
    text: &str,
    region: Range<usize>,
    options: &NormalizeOptions,
    out: &mut String,
    map: &mut OffsetMap,
) {
    let out_start = out.len();
    let edits_before = map.edits().len();
    normalize_region_once(text, region.clone(), options, out, map);
    // D11 reads the region before NFC composes it, and composes each char
    // only with the marks right after it; NFC also composes across marks
    // of a lower class (`Y` U+09BC U+0308 is `Ÿ` U+09BC), which can
    // complete mojibake (`à¦Ÿ`, ট) that the first pass left. A second pass
    // over what the first wrote repairs it; the region then maps back as
    // one piece.
    let written = out.get(out_start..).unwrap_or_default();
    if !may_hold_mojibake(written) {
        return;
    }
    let mut again = String::new();
    normalize_region_once(
        written,
        0..written.len(),
        options,
        &mut again,
        &mut OffsetMap::identity(),
    );
    if again == written {
        return;
    }
    out.truncate(out_start);
    map.truncate(edits_before);
    out.push_str(&again);
    map.push(Edit {
        output: out_start..out.len(),
        input: region,
    });
}

/// The bytes of the whole characters that `a` and `b` share at their
/// end, such that what remains of each before them is not empty: the
/// signs after a changed letter keep their own map (a change that only
/// deletes or only inserts maps with the whole cluster).
fn common_end(a: &str, b: &str) -> usize {
    let room = a.len().min(b.len());
    a.chars()
        .rev()
        .zip(b.chars().rev())
        .take_while(|(x, y)| x == y)
        .map(|(x, _)| x.len_utf8())
        .scan(0, |total, len| {
            *total += len;
            (*total < room).then_some(len)
        })
        .sum()
}

/// True when `text` holds the start of Bengali mojibake (`à¦`, `à§`).
fn may_hold_mojibake(text: &str) -> bool {
    text.char_indices()
        .any(|(at, c)| c == 'à' && text.get(at..).is_some_and(mojibake::starts_mojibake))
}

/// One pass of [`normalize_region`].
fn normalize_region_once(
    text: &str,
    region: Range<usize>,
    options: &NormalizeOptions,
    out: &mut String,
    map: &mut OffsetMap,
) {
    let mut units = read_units(text, region.clone());
    if units.is_empty() {
        if !region.is_empty() {
            map.push(Edit {
                output: out.len()..out.len(),
                input: region,
            });
        }
        return;
    }
    if options.visual_order {
        repair_visual_order(&mut units);
    }
    let mut cluster = String::new();
    let mut start = 0;
    while start < units.len() {
        let len = units
            .get(start + 1..)
            .unwrap_or_default()
            .iter()
            .take_while(|u| continues_cluster(u.c))
            .count()
            + 1;
        let members = units.get(start..start + len).unwrap_or_default();
        cluster.clear();
        cluster.extend(members.iter().map(|u| u.c));
        let input =
            members.first().map_or(0, |u| u.input.start)..members.last().map_or(0, |u| u.input.end);
        let normalized = normalize_cluster(&cluster, options);
        let original = text.get(input.clone()).unwrap_or_default();
        if normalized == original {
            out.push_str(original);
        } else {
            // The signs the cluster kept at its end map byte for byte: য়ে
            // written precomposed changes in its য় alone.
            let back = common_end(original, &normalized);
            let output_start = out.len();
            out.push_str(&normalized);
            map.push(Edit {
                output: output_start..out.len() - back,
                input: input.start..input.end - back,
            });
        }
        start += len;
    }
}
