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
fn is_invisible_junk(c: char) -> bool {
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

/// First and last code point of a dependent vowel sign after canonical
/// decomposition (ো is ে + া, ৌ is ে + ৗ).
fn vowel_sign_ends(c: char) -> (char, char) {
    match c {
        chars::SIGN_O => (chars::SIGN_E, chars::SIGN_AA),
        chars::SIGN_AU => (chars::SIGN_E, chars::AU_LENGTH),
        _ => (c, c),
    }
}

/// True when a vowel sign `prev` directly followed by vowel sign `cur` forms
/// a run of identical signs once decomposed (D10).
fn repeats_vowel_sign(prev: Option<char>, cur: char) -> bool {
    match prev {
        Some(p) if class_of(p) == Some(BengaliClass::DependentVowel) => {
            p == cur || vowel_sign_ends(p).1 == vowel_sign_ends(cur).0
        }
        _ => false,
    }
}

/// Decides, for a Bengali code point at `at` (3 bytes), whether a rule may
/// change it, looking back at the code points before it.
fn bengali_is_dirty(bytes: &[u8], at: usize, c: char, options: &NormalizeOptions) -> bool {
    let class = class_of(c);
    let p1 = bengali_before(bytes, at);
    match c {
        '\u{09DC}' | '\u{09DD}' | '\u{09DF}' => true, // D1: NFC decomposes them
        chars::NUMERATOR_FOUR => true,                // D8
        chars::NUKTA => p1 == Some(chars::BA) || p1 == Some(chars::VIRAMA), // D6, D7
        chars::SIGN_AA | chars::AU_LENGTH => {
            let p2 = p1.and_then(|_| bengali_before(bytes, at - 3));
            // The code point n + 1 places back (before(1) is p2).
            let before = |n: usize| at.checked_sub(3 * n).and_then(|e| bengali_before(bytes, e));
            p1 == Some(chars::SIGN_E) // D2
                || (c == chars::SIGN_AA && p1 == Some(chars::A)) // D5
                || (p1 == Some(chars::CANDRABINDU) && p2 == Some(chars::SIGN_E)) // D3
                || repeats_vowel_sign(p1, c) // D10
                // D4: an orphan e-kar, a consonant (with nukta), then this sign.
                || (is_consonant(p1) && p2 == Some(chars::SIGN_E) && !can_carry_vowel_sign(before(2)))
                || (p1 == Some(chars::NUKTA)
                    && is_consonant(p2)
                    && before(2) == Some(chars::SIGN_E)
                    && !can_carry_vowel_sign(before(3)))
        }
        _ => match class {
            Some(BengaliClass::DependentVowel) => repeats_vowel_sign(p1, c),
            Some(BengaliClass::Digit) => options.digits == DigitStyle::Ascii,
            _ => false,
        },
    }
}

/// Decides whether a code point outside ASCII and the Bengali block may change.
fn other_is_dirty(text: &str, at: usize, c: char, options: &NormalizeOptions) -> bool {
    is_invisible_junk(c)
        || c == NBSP
        || (c == 'à' && text.get(at..).is_some_and(mojibake::starts_mojibake))
        || (options.ascii_punctuation && ascii_punctuation(c).is_some())
        || canonical_combining_class(c) != 0
        || is_nfc_quick(core::iter::once(c)) != IsNormalized::Yes
}

/// Byte offset of the first code point at or after `from` that some display
/// rule might change, or `None` when the rest of `text` is already normal.
pub(crate) fn first_dirty(text: &str, from: usize, options: &NormalizeOptions) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut at = from;
    while let Some(&b0) = bytes.get(at) {
        if b0 < 0x80 {
            if options.digits == DigitStyle::Bengali && b0.is_ascii_digit() {
                return Some(at);
            }
            at += 1;
            continue;
        }
        if b0 == 0xE0 {
            if let (Some(&b1), Some(&b2)) = (bytes.get(at + 1), bytes.get(at + 2)) {
                if let Some(offset) = bengali_offset(b1, b2) {
                    let c = char::from_u32(script::BLOCK_START + u32::from(offset & 0x7F))
                        .unwrap_or(char::REPLACEMENT_CHARACTER);
                    if bengali_is_dirty(bytes, at, c, options) {
                        return Some(at);
                    }
                    at += 3;
                    continue;
                }
            }
        }
        let c = text.get(at..)?.chars().next()?;
        if other_is_dirty(text, at, c, options) {
            return Some(at);
        }
        at += c.len_utf8();
    }
    None
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
/// after it (excluded).
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
    let end = chars
        .find(|&(_, c)| is_hard_boundary(c))
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
        if c == 'à' {
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
        let prev = i.checked_sub(1).and_then(|p| units.get(p)).map(|u| u.c);
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

/// True when `c` continues the cluster of the code point before it.
fn continues_cluster(c: char) -> bool {
    match class_of(c) {
        Some(class) => class.is_mark(),
        None => {
            c == ZWJ
                || c == ZWNJ
                || (!c.is_ascii()
                    && (canonical_combining_class(c) != 0
                        || is_nfc_quick(core::iter::once(c)) == IsNormalized::Maybe))
        }
    }
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
            let output_start = out.len();
            out.push_str(&normalized);
            map.push(Edit {
                output: output_start..out.len(),
                input,
            });
        }
        start += len;
    }
}
