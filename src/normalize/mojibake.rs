//! D11: repair of UTF-8 Bengali that was decoded as Windows-1252 (or
//! Latin-1) and re-encoded as UTF-8.
//!
//! Every Bengali code point is three UTF-8 bytes `E0 A6 xx` or `E0 A7 xx`;
//! read as Windows-1252 they become `à¦x` / `à§x`. A run of such characters
//! is mapped back to the bytes it came from and decoded; the repair is kept
//! only when the result is valid UTF-8 made of Bengali-block characters,
//! ZWJ/ZWNJ and nothing else, so ordinary French or Portuguese text is left
//! alone.

use core::ops::Range;

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

/// True when `text` (a suffix of the input) starts like Bengali mojibake:
/// `à` followed by `¦` or `§`.
pub(crate) fn starts_mojibake(text: &str) -> bool {
    let mut chars = text.chars();
    chars.next() == Some('à') && matches!(chars.next(), Some('¦' | '§'))
}

/// If `text` starts with a run of Bengali mojibake, returns each repaired
/// char with the byte range of `text` it was decoded from.
pub(crate) fn repair_prefix(text: &str) -> Option<Vec<(char, Range<usize>)>> {
    if !starts_mojibake(text) {
        return None;
    }
    let mut repaired = Vec::new();
    let mut pending: Vec<u8> = Vec::with_capacity(4);
    let mut pending_start = 0;
    for (at, c) in text.char_indices() {
        let Some(byte) = mojibake_byte(c) else { break };
        if pending.is_empty() {
            pending_start = at;
        }
        pending.push(byte);
        match core::str::from_utf8(&pending) {
            Ok(decoded) => {
                // Keep only Bengali: a run that continues into genuine Latin-1
                // text (a word such as "Zürich" glued to it) ends there.
                let Some(d) = decoded.chars().next() else {
                    break;
                };
                if !(is_bengali(d) || d == ZWJ || d == ZWNJ) {
                    break;
                }
                repaired.push((d, pending_start..at + c.len_utf8()));
                pending.clear();
            }
            Err(e) if e.error_len().is_none() => {} // an incomplete sequence: read on
            Err(_) => break,
        }
    }
    (!repaired.is_empty()).then_some(repaired)
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
    fn stops_at_the_end_of_the_bengali_part() {
        let text = format!("{}é", garble("কখ"));
        let repaired = repair_prefix(&text).unwrap();
        assert_eq!(repaired.iter().map(|(c, _)| c).collect::<String>(), "কখ");
        assert_eq!(&text[repaired[1].1.end..], "é");
    }
}
