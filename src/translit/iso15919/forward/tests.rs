use super::precomputed::{Kind, FIRST_SIGN, SLOW};
use super::*;

#[test]
fn padded_tokens_fit() {
    let t = crate::translit::iso15919::tokens::tables().unwrap();
    let c = codes(t);
    let fits = |latin: &str, len: usize, pad: usize| {
        assert_eq!(latin.len(), pad, "{latin:?}");
        assert!(latin.is_char_boundary(len), "{latin:?}");
        assert!(
            latin.get(len..).unwrap().bytes().all(|b| b == 0),
            "{latin:?}"
        );
    };
    assert!(!c.syllables.is_empty());
    for syllable in &c.syllables {
        fits(&syllable.latin, syllable.latin_len, SYLLABLE_PAD);
    }
    for (i, compact) in c.compact.iter().enumerate() {
        fits(compact.latin, usize::from(compact.latin_len), SYLLABLE_PAD);
        if compact.flags & COMPACT_SLOW == 0 {
            // The input a syllable covers: the general path's.
            let len = c.syllables.get(i).map_or(3, |s| s.len);
            assert_eq!(usize::from(compact.step), len, "{compact:?}");
            assert!([3, 6, 9].contains(&len), "{compact:?}");
        }
    }
    assert!(c.compact.iter().any(|e| e.flags & COMPACT_SLOW == 0));
}

#[test]
fn fast_rows_match_the_general_table() {
    // The fast loop's columns are the general table's, with the nukta
    // moved to the column after the signs.
    let t = crate::translit::iso15919::tokens::tables().unwrap();
    let c = codes(t);
    for (i, (&k, &f)) in c.class.iter().zip(&c.fast_class).enumerate() {
        if k == SLOW {
            assert_eq!(u8::try_from(i).ok(), Some(NUKTA));
            assert!(f > FIRST_SIGN);
        } else {
            assert_eq!(k, f, "U+{:04X}", 0x980 + i);
        }
    }
    // Every consonant of the fast loop has a full row; everything else
    // takes one entry.
    for (i, &(row, mask)) in c.rows.iter().enumerate() {
        let entry = &c.block[i];
        let fast = entry.kind == Kind::Consonant && !entry.may_be_dirty;
        assert_eq!(mask == u8::MAX, fast, "U+{:04X}", 0x980 + i);
        if fast {
            assert_eq!(usize::from(row), entry.row);
            let nukta = c.fast_class[usize::from(NUKTA)];
            let slow = c.compact.get(usize::from(row) + usize::from(nukta));
            assert_eq!(
                slow.map(|s| s.flags & COMPACT_SLOW),
                Some(COMPACT_SLOW),
                "U+{:04X}",
                0x980 + i
            );
        }
    }
}

#[test]
fn the_check_before_a_sign_is_conservative() {
    // `may_be_dirty_after` must be true wherever `bengali_is_dirty` is,
    // for the (consonant, sign) pairs of the fast loop, whatever came
    // before: here, every code point before, and any two before that.
    let t = crate::translit::iso15919::tokens::tables().unwrap();
    let c = codes(t);
    let cp = |o: usize| char::from_u32(0x980 + o as u32).unwrap();
    let consonants = (0..128).filter(|&i| c.rows[i].1 == u8::MAX);
    let contexts = ["", "\u{09C7}", "\u{0995}\u{09C7}", " \u{09C7}"];
    for cons in consonants {
        for (&k, next) in c.fast_class.iter().zip(0..) {
            if k == INHERENT || k == c.fast_class[usize::from(NUKTA)] {
                continue;
            }
            for p2 in 0..=NO_PREV {
                for context in contexts {
                    let mut text = String::from(context);
                    if p2 < NO_PREV {
                        text.push(cp(p2));
                    }
                    text.push(cp(cons));
                    let here = text.len();
                    text.push(cp(next));
                    let prev = prev_at(text.as_bytes(), here);
                    if display::bengali_is_dirty(text.as_bytes(), here, prev, next, false) {
                        let (row, _) = c.rows[cons];
                        let flags = c.compact[usize::from(row) + usize::from(k)].flags;
                        assert!(
                            c.check_after[prev[1]] & flags != 0,
                            "U+{:04X} U+{:04X} after {:04X?}",
                            0x980 + cons,
                            0x980 + next,
                            text.chars().map(|c| c as u32).collect::<Vec<_>>()
                        );
                    }
                }
            }
        }
    }
}
