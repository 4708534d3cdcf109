//! D11: repair of UTF-8 Bengali that was decoded as Windows-1252 (or
//! Latin-1) and re-encoded as UTF-8.
//!
//! Every Bengali code point is three UTF-8 bytes `E0 A6 xx` or `E0 A7 xx`;
//! read as Windows-1252 they become `à¦x` / `à§x`. A run of such characters
//! is mapped back to the bytes it came from and decoded; the repair is kept
//! only when the result is valid UTF-8 made of Bengali-block characters,
//! ZWJ/ZWNJ and nothing else, so ordinary French or Portuguese text is left
//! alone. Invisibles that D9 removes are skipped inside a run (and join the
//! repaired char after them), so that one pass repairs what the next pass
//! would otherwise find once D9 has removed them.

use core::ops::Range;

use super::display::is_invisible_junk;
use crate::script::{is_bengali, ZWJ, ZWNJ};

/// Windows-1252 bytes 0x80–0x9F that differ from Latin-1, as (byte, char).
/// The five undefined bytes (81, 8D, 8F, 90, 9D) decode to the C1 control of
/// the same value in Latin-1 and are covered by the Latin-1 rule.
#[rustfmt::skip]
const CP1252_HIGH: [(u8, char); 27] = [
    (0x80, '€'), (0x82, '‚'), (0x83, 'ƒ'), (0x84, '„'), (0x85, '…'), (0x86, '†'),
    (0x87, '‡'), (0x88, 'ˆ'), (0x89, '‰'), (0x8A, 'Š'), (0x8B, '‹'), (0x8C, 'Œ'),
    (0x8E, 'Ž'), (0x91, '‘'), (0x92, '’'), (0x93, '“'), (0x94, '”'), (0x95, '•'),
    (0x96, '–'), (0x97, '—'), (0x98, '˜'), (0x99, '™'), (0x9A, 'š'), (0x9B, '›'),
    (0x9C, 'œ'), (0x9E, 'ž'), (0x9F, 'Ÿ'),
];

/// The byte ≥ 0x80 that `c` stands for in Windows-1252 / Latin-1 mojibake.
fn mojibake_byte(c: char) -> Option<u8> {
    match c as u32 {
        cp @ 0x80..=0xFF => u8::try_from(cp).ok(),
        _ => CP1252_HIGH
            .iter()
            .find(|&&(_, ch)| ch == c)
            .map(|&(byte, _)| byte),
    }
}

/// The mojibake byte that `text` starts with, and how many bytes of `text`
/// spell it, in any canonically equivalent form: display normalization
/// composes (NFC) after D11, so D11 must see what NFC will make of the text,
/// or a second pass would find mojibake the first left (`a` U+0300 is `à`,
/// `S` U+030C is `Š`, U+0387 is `·`).
fn next_byte(text: &str) -> Option<(u8, usize)> {
    let mut chars = text.char_indices();
    let (_, first) = chars.next()?;
    let mut c = singleton(first);
    let mut len = first.len_utf8();
    for (at, mark) in chars {
        match unicode_normalization::char::compose(c, mark) {
            Some(composed) => {
                c = composed;
                len = at + mark.len_utf8();
            }
            None => break,
        }
    }
    mojibake_byte(c).map(|byte| (byte, len))
}

/// The one char `c` decomposes to canonically (U+0387 → U+00B7), or `c`.
fn singleton(c: char) -> char {
    let mut parts = [None; 2];
    let mut n = 0;
    unicode_normalization::char::decompose_canonical(c, |d| {
        if let Some(slot) = parts.get_mut(n) {
            *slot = Some(d);
        }
        n += 1;
    });
    match parts {
        [Some(d), None] if n == 1 => d,
        _ => c,
    }
}

/// True when `text` (a suffix of the input) starts like Bengali mojibake:
/// `à` followed by `¦` or `§`, maybe with invisibles (D9) between them.
pub(crate) fn starts_mojibake(text: &str) -> bool {
    let Some((0xE0, len)) = next_byte(text) else {
        return false;
    };
    let rest = text.get(len..).unwrap_or_default();
    matches!(
        rest.chars().find(|&c| !is_invisible_junk(c)),
        Some('¦' | '§')
    )
}

/// If `text` starts with a run of Bengali mojibake, returns each repaired
/// char with the byte range of `text` it was decoded from.
pub(crate) fn repair_prefix(text: &str) -> Option<Vec<(char, Range<usize>)>> {
    if !starts_mojibake(text) {
        return None;
    }
    let mut repaired = Vec::new();
    let mut pending: Vec<u8> = Vec::with_capacity(4);
    // Where the next repaired char's bytes start: right after the previous
    // one, so invisibles before a char join it, as D9 has them join the
    // next unit.
    let mut pending_start = 0;
    let mut at = 0;
    while let Some(c) = text.get(at..).and_then(|rest| rest.chars().next()) {
        let next = text.get(at..).and_then(next_byte);
        let byte = next.map(|(byte, _)| byte);
        if is_invisible_junk(c) && byte.and_then(|b| complete(&pending, b)).is_none() {
            // An invisible that D9 removes: skip it, so that one pass repairs
            // `à` U+00AD `¦¬`. The soft hyphen is also the byte 0xAD, the last
            // byte of ভ (E0 A6 AD) and ৭ (E0 A7 AD): as that it is kept.
            at += c.len_utf8();
            continue;
        }
        let Some((byte, len)) = next else { break };
        at += len;
        pending.push(byte);
        match core::str::from_utf8(&pending) {
            Ok(decoded) => {
                // Keep only Bengali: a run that continues into genuine Latin-1
                // text (a word such as "Zürich" glued to it) ends there.
                let Some(d) = decoded.chars().next() else {
                    break;
                };
                if !is_repairable(d) {
                    break;
                }
                let end = at;
                repaired.push((d, pending_start..end));
                pending_start = end;
                pending.clear();
            }
            Err(e) if e.error_len().is_none() => {} // an incomplete sequence: read on
            Err(_) => break,
        }
    }
    (!repaired.is_empty()).then_some(repaired)
}

/// What a repair may yield: Bengali and the joiners written with it.
fn is_repairable(d: char) -> bool {
    is_bengali(d) || d == ZWJ || d == ZWNJ
}

/// The char that `pending` + `byte` completes, if it completes one that a
/// repair may yield.
fn complete(pending: &[u8], byte: u8) -> Option<char> {
    let mut bytes = [0; 4];
    let len = pending.len() + 1;
    bytes.get_mut(..pending.len())?.copy_from_slice(pending);
    *bytes.get_mut(pending.len())? = byte;
    let d = core::str::from_utf8(bytes.get(..len)?)
        .ok()?
        .chars()
        .next()?;
    is_repairable(d).then_some(d)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Encodes `s` as UTF-8 and decodes the bytes as Windows-1252.
    fn garble(s: &str) -> String {
        s.bytes()
            .map(|b| {
                CP1252_HIGH
                    .iter()
                    .find(|&&(byte, _)| byte == b)
                    .map(|&(_, c)| c)
                    .unwrap_or(char::from(b))
            })
            .collect()
    }

    #[test]
    fn repairs_the_reference_example() {
        let garbled = "à¦¬à¦¾à¦‚à¦²à¦¾";
        assert_eq!(garble("বাংলা"), garbled);
        let repaired = repair_prefix(garbled).unwrap();
        assert_eq!(repaired.iter().map(|(c, _)| c).collect::<String>(), "বাংলা");
        assert_eq!(repaired.last().unwrap().1.end, garbled.len());
    }

    #[test]
    fn repairs_every_bengali_code_point() {
        for cp in 0x0980..=0x09FF_u32 {
            let c = char::from_u32(cp).unwrap();
            let garbled = garble(&c.to_string());
            let repaired = repair_prefix(&garbled).unwrap();
            assert_eq!(repaired, vec![(c, 0..garbled.len())], "U+{cp:04X}");
        }
    }

    #[test]
    fn leaves_latin_text_alone() {
        for text in ["à la carte", "àé", "voilà", "à§", "Zürich"] {
            assert_eq!(repair_prefix(text), None, "{text:?}");
        }
    }

    #[test]
    fn sees_the_text_as_nfc_will_compose_it() {
        // U+0387 is canonically U+00B7 (the byte B7 of ষ, E0 A6 B7); `a`
        // U+0300 is `à`; `S` U+030C is `Š` (the byte 8A of ঊ, E0 A6 8A).
        for (garbled, bengali) in [
            ("à¦\u{0387}", "ষ"),
            ("a\u{0300}¦\u{0387}", "ষ"),
            ("à¦S\u{030C}", "ঊ"),
        ] {
            let repaired = repair_prefix(garbled);
            let hex: String = garbled
                .chars()
                .map(|c| format!("U+{:04X} ", c as u32))
                .collect();
            let repaired = repaired.unwrap_or_else(|| panic!("{hex}"));
            assert_eq!(
                repaired.iter().map(|(c, _)| c).collect::<String>(),
                bengali,
                "{hex}"
            );
            assert_eq!(repaired.last().unwrap().1.end, garbled.len(), "{hex}");
        }
        assert_eq!(repair_prefix("a\u{0301}¦¬"), None, "á is not à");
    }

    #[test]
    fn stops_at_the_end_of_the_bengali_part() {
        let text = format!("{}é", garble("কখ"));
        let repaired = repair_prefix(&text).unwrap();
        assert_eq!(repaired.iter().map(|(c, _)| c).collect::<String>(), "কখ");
        assert_eq!(&text[repaired[1].1.end..], "é");
    }
}
