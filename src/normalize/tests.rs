//! One test per rule of NORMALIZATION.md, inputs written as code points.

use super::key::{decode, fold, fold_text};
use super::*;

/// Code points of `s` in hex, for failure messages.
fn hex(s: &str) -> String {
    s.chars()
        .map(|c| format!("U+{:04X}", c as u32))
        .collect::<Vec<_>>()
        .join(" ")
}

/// Asserts the display form of each `(input, expected)` pair, and that the
/// result is a fixed point.
fn check_display(normalizer: &Normalizer, cases: &[(&str, &str)]) {
    for &(input, expected) in cases {
        let got = normalizer.normalize_str(input);
        assert_eq!(
            got,
            expected,
            "\ninput    {}\nexpected {}\ngot      {}",
            hex(input),
            hex(expected),
            hex(&got)
        );
        let again = normalizer.normalize_str(&got);
        assert_eq!(again, got, "not a fixed point: {}", hex(&got));
    }
}

fn display(cases: &[(&str, &str)]) {
    check_display(&Normalizer::new(), cases);
}

fn key(cases: &[(&str, &str)]) {
    for &(input, expected) in cases {
        let got = decode(fold(input).bytes());
        assert_eq!(
            got,
            expected,
            "\ninput    {}\nexpected {}\ngot      {}",
            hex(input),
            hex(expected),
            hex(&got)
        );
    }
}

#[test]
fn d1_nfc_keeps_nukta_letters_decomposed() {
    display(&[
        ("\u{09DF}", "\u{09AF}\u{09BC}"),
        ("\u{09DC}", "\u{09A1}\u{09BC}"),
        ("\u{09DD}", "\u{09A2}\u{09BC}"),
        (
            "\u{09B0}\u{09BE}\u{09B6}\u{09BF}\u{09DF}\u{09BE}",
            "\u{09B0}\u{09BE}\u{09B6}\u{09BF}\u{09AF}\u{09BC}\u{09BE}",
        ),
        ("e\u{0301}", "\u{00E9}"),
    ]);
}

#[test]
fn d2_two_part_vowel_signs_compose() {
    display(&[
        ("\u{0995}\u{09C7}\u{09BE}", "\u{0995}\u{09CB}"),
        ("\u{0995}\u{09C7}\u{09D7}", "\u{0995}\u{09CC}"),
        ("\u{0995}\u{09CB}", "\u{0995}\u{09CB}"),
    ]);
}

#[test]
fn d3_candrabindu_inside_a_two_part_vowel() {
    display(&[
        (
            "\u{0995}\u{09C7}\u{0981}\u{09BE}",
            "\u{0995}\u{09CB}\u{0981}",
        ),
        (
            "\u{0995}\u{09C7}\u{0981}\u{09D7}",
            "\u{0995}\u{09CC}\u{0981}",
        ),
        // The reference examples, without a base.
        ("\u{09C7}\u{0981}\u{09BE}", "\u{09CB}\u{0981}"),
        ("\u{09C7}\u{0981}\u{09D7}", "\u{09CC}\u{0981}"),
    ]);
}

#[test]
fn d4_e_kar_typed_before_its_consonant() {
    display(&[
        // ে শ ৗ → শৌ at the start of a token.
        ("\u{09C7}\u{09B6}\u{09D7}", "\u{09B6}\u{09CC}"),
        ("\u{09C7}\u{0995}\u{09BE}", "\u{0995}\u{09CB}"),
        // After a space, and with a nukta letter.
        (
            "x \u{09C7}\u{09AF}\u{09BC}\u{09BE}",
            "x \u{09AF}\u{09BC}\u{09CB}",
        ),
        // After another sign.
        (
            "\u{0995}\u{09BE}\u{09C7}\u{0995}\u{09BE}",
            "\u{0995}\u{09BE}\u{0995}\u{09CB}",
        ),
        // The consonant a precomposed য়, after a sign and at the start:
        // not D1 alone, so not the fast path for nukta letters.
        (
            "\u{0995}\u{09C1}\u{09C7}\u{09DF}\u{09BE}",
            "\u{0995}\u{09C1}\u{09AF}\u{09BC}\u{09CB}",
        ),
        ("\u{09C7}\u{09DC}\u{09D7}", "\u{09A1}\u{09BC}\u{09CC}"),
        // কেয়া with a precomposed য়: D1 alone.
        (
            "\u{0995}\u{09C7}\u{09DF}\u{09BE}",
            "\u{0995}\u{09C7}\u{09AF}\u{09BC}\u{09BE}",
        ),
        // After an independent vowel.
        (
            "\u{0985}\u{09C7}\u{0995}\u{09BE}",
            "\u{0985}\u{0995}\u{09CB}",
        ),
        // An e-kar that has its consonant is not touched: কেকা.
        (
            "\u{0995}\u{09C7}\u{0995}\u{09BE}",
            "\u{0995}\u{09C7}\u{0995}\u{09BE}",
        ),
        // After ক ্ ় , which NFC writes ক ় ্: the e-kar has no base, in one
        // pass (fuzz/regressions/normalize/d4-after-unordered-nukta-virama).
        (
            "\u{0995}\u{09CD}\u{09BC}\u{09C7}\u{0995}\u{09BE}",
            "\u{0995}\u{09BC}\u{09CD}\u{0995}\u{09CB}",
        ),
        // The same with a sandhi mark (class 230) after the virama (9).
        (
            "\u{0995}\u{09CD}\u{09FE}\u{09BC}\u{09C7}\u{0995}\u{09BE}",
            "\u{0995}\u{09BC}\u{09CD}\u{09FE}\u{0995}\u{09CB}",
        ),
        // ক ় ্ ় : NFC writes ক ় ় ্, the virama last.
        (
            "\u{0995}\u{09BC}\u{09CD}\u{09BC}\u{09C7}\u{0995}\u{09BE}",
            "\u{0995}\u{09BC}\u{09BC}\u{09CD}\u{0995}\u{09CB}",
        ),
    ]);
    let off = Normalizer::builder().visual_order(false).build();
    check_display(
        &off,
        &[("\u{09C7}\u{0995}\u{09BE}", "\u{09C7}\u{0995}\u{09BE}")],
    );
}

#[test]
fn d5_a_plus_aa_sign_is_aa() {
    display(&[
        ("\u{0985}\u{09BE}", "\u{0986}"),
        ("\u{0985}\u{09BE}\u{09AE}", "\u{0986}\u{09AE}"),
    ]);
}

#[test]
fn d6_ba_with_nukta_is_ra() {
    display(&[
        ("\u{09AC}\u{09BC}", "\u{09B0}"),
        ("\u{09AC}\u{09BC}\u{09BE}", "\u{09B0}\u{09BE}"),
        // D7 then D6: the nukta typed after the virama.
        ("\u{09AC}\u{09CD}\u{09BC}", "\u{09B0}\u{09CD}"),
    ]);
}

#[test]
fn d7_nukta_before_virama() {
    display(&[("\u{09AF}\u{09CD}\u{09BC}", "\u{09AF}\u{09BC}\u{09CD}")]);
}

#[test]
fn d8_look_alike_danda() {
    display(&[
        ("\u{0995}\u{09F7}", "\u{0995}\u{0964}"),
        ("\u{09F7}", "\u{0964}"),
    ]);
}

#[test]
fn d9_invisible_junk() {
    display(&[
        ("\u{0995}\u{00AD}\u{0996}", "\u{0995}\u{0996}"),
        ("\u{0995}\u{200B}\u{0996}", "\u{0995}\u{0996}"),
        ("\u{0995}\u{2060}\u{0996}", "\u{0995}\u{0996}"),
        ("\u{FEFF}\u{0995}", "\u{0995}"),
        ("\u{0995}\u{00A0}\u{0996}", "\u{0995} \u{0996}"),
        ("\u{200B}", ""),
        // Removing a soft hyphen brings ে and া together: NFC composes them.
        ("\u{0995}\u{09C7}\u{00AD}\u{09BE}", "\u{0995}\u{09CB}"),
    ]);
}

#[test]
fn d10_identical_vowel_signs_collapse() {
    display(&[
        ("\u{0995}\u{09C1}\u{09C1}", "\u{0995}\u{09C1}"),
        ("\u{0995}\u{09C1}\u{09C1}\u{09C1}", "\u{0995}\u{09C1}"),
        ("\u{0995}\u{09CB}\u{09CB}", "\u{0995}\u{09CB}"),
        // ে ে া → ে া → ো (D10 feeds NFC).
        ("\u{0995}\u{09C7}\u{09C7}\u{09BE}", "\u{0995}\u{09CB}"),
        // Different signs are not a run.
        ("\u{0995}\u{09BF}\u{09C0}", "\u{0995}\u{09BF}\u{09C0}"),
    ]);
}

#[test]
fn d11_mojibake_is_repaired_only_when_it_yields_bengali() {
    display(&[
        ("à¦¬à¦¾à¦‚à¦²à¦¾", "বাংলা"),
        ("x à¦¬à¦¾à¦‚à¦²à¦¾ y", "x বাংলা y"),
        ("à la carte", "à la carte"),
        ("voilà", "voilà"),
        // An invisible inside the mojibake is removed (D9) and the mojibake
        // repaired in the same pass (fuzz/regressions/normalize/mojibake-split-by-*).
        ("à\u{00AD}¦¬", "\u{09AC}"),
        ("à\u{FEFF}¦¬", "\u{09AC}"),
        ("à¦\u{200B}¬à\u{2060}¦¾", "\u{09AC}\u{09BE}"),
        ("\u{200B}à¦¬\u{00AD}à¦¾\u{FEFF}", "\u{09AC}\u{09BE}"),
        // The soft hyphen is also the byte 0xAD: `à¦` U+00AD is ভ (E0 A6 AD).
        ("à¦\u{00AD}", "\u{09AD}"),
        ("à¦\u{00AD}à\u{00AD}¦¬", "\u{09AD}\u{09AC}"),
        // Not mojibake with or without the invisibles: only they go.
        ("à\u{00AD} la carte", "à la carte"),
        ("à\u{200B}¦x", "à¦x"),
    ]);
    // The repaired text maps to the whole input, invisibles included.
    let input = "x à\u{00AD}¦¬à¦\u{FEFF}•\u{200B} y";
    let out = Normalizer::new().normalize(input);
    assert_eq!(out.text(), "x \u{09AC}\u{0995} y", "{}", hex(out.text()));
    assert_eq!(out.span_to_input(2..8), 2..input.len() - 2);
    assert_eq!(out.span_to_input(2..5), 2..2 + "à\u{00AD}¦¬".len());
}

#[test]
fn nfc_reorders_a_non_starter_hidden_in_a_decomposition() {
    use unicode_normalization::UnicodeNormalization;
    // U+0F81 (class 0) is U+0F71 U+0F80 (classes 129, 130): NFC puts them
    // before the sandhi mark (230), so U+0F81 belongs to its cluster
    // (fuzz/regressions/normalize/sandhi-mark-then-tibetan-vowel-sign).
    let hidden = ['\u{0344}', '\u{0F73}', '\u{0F75}', '\u{0F81}'];
    for base in ["\u{0995}", "a", "\u{0995}\u{09CD}", ""] {
        for mark in ["\u{09FE}", "\u{0301}", "\u{09BC}\u{0301}", "\u{0F71}"] {
            for c in hidden {
                let input = format!("{base}{mark}{c}\u{0995}");
                let nfc: String = input.nfc().collect();
                display(&[(&input, &nfc)]);
            }
        }
    }
}

/// The list of [`display::decomposes_to_non_starter`] is the UCD's.
#[test]
fn non_starter_decompositions_match_the_ucd() {
    use unicode_normalization::char::canonical_combining_class as ccc;
    use unicode_normalization::UnicodeNormalization;
    for c in (0..=0x10FFFF_u32).filter_map(char::from_u32) {
        let expected = ccc(c) == 0
            && core::iter::once(c)
                .nfd()
                .next()
                .is_some_and(|d| ccc(d) != 0);
        assert_eq!(
            display::decomposes_to_non_starter(c),
            expected,
            "U+{:04X}",
            c as u32
        );
    }
}

#[test]
fn d12_options() {
    let n = Normalizer::builder()
        .ascii_punctuation(true)
        .digits(DigitStyle::Ascii)
        .build();
    check_display(&n, &[("“১০”—…", "\"10\"-...")]);
    let n = Normalizer::builder().digits(DigitStyle::Bengali).build();
    check_display(&n, &[("10:30", "১০:৩০")]);
    // Off by default.
    display(&[("“১০”", "“১০”")]);
}

#[test]
fn mistakes_of_other_tools_do_not_happen() {
    display(&[
        // ত + virama + ZWJ keeps its virama.
        ("\u{09A4}\u{09CD}\u{200D}", "\u{09A4}\u{09CD}\u{200D}"),
        // ZWNJ is kept, and so is the virama before it (ক্‌ষ).
        (
            "\u{0995}\u{09CD}\u{200C}\u{09B7}",
            "\u{0995}\u{09CD}\u{200C}\u{09B7}",
        ),
        // র‍্যাব keeps its ZWJ.
        (
            "\u{09B0}\u{200D}\u{09CD}\u{09AF}\u{09BE}\u{09AC}",
            "\u{09B0}\u{200D}\u{09CD}\u{09AF}\u{09BE}\u{09AC}",
        ),
        // Colons and pipes stay.
        ("১০:৩০ | ক: খ", "১০:৩০ | ক: খ"),
        // Non-Bengali words and emoji pass through.
        ("Привет мир 🙂 東京 ঢাকা", "Привет мир 🙂 東京 ঢাকা"),
        // Khanda ta, Assamese letters, visarga stay as written in display text.
        (
            "\u{09CE}\u{09F0}\u{09F1}\u{0983}",
            "\u{09CE}\u{09F0}\u{09F1}\u{0983}",
        ),
    ]);
}

#[test]
fn normal_text_is_borrowed() {
    let n = Normalizer::new();
    for text in [
        "",
        "ঢাকা",
        "উত্তর কোরিয়া ও রাশিয়া।",
        "e\u{0301}\u{0301}x",
        "ASCII only",
    ] {
        let out = n.normalize(text);
        assert!(out.is_borrowed() || out.text() != text, "{}", hex(text));
    }
    assert!(n.normalize("রাশিয়া").is_borrowed());
}

#[test]
fn offsets_map_clusters_back() {
    let input = "ক\u{09C7}\u{09BE}ল \u{00AD}\u{09DF}";
    let out = Normalizer::new().normalize(input);
    assert_eq!(out.text(), "কোল \u{09AF}\u{09BC}");
    // কো came from the cluster ক ে া; ল is copied; য় came from the soft
    // hyphen and U+09DF.
    assert_eq!(out.span_to_input(3..6), 0..9);
    assert_eq!(out.span_to_input(0..3), 0..9);
    assert_eq!(&input[out.span_to_input(6..9)], "ল");
    assert_eq!(&input[out.span_to_input(10..16)], "\u{00AD}\u{09DF}");
    assert_eq!(out.span_to_input(0..out.text().len()), 0..input.len());
}

#[test]
fn k1_joiners_vanish() {
    key(&[
        (
            "\u{09B0}\u{200D}\u{09CD}\u{09AF}\u{09BE}\u{09AC}",
            "\u{09B0}\u{09CD}\u{09AF}\u{09BE}\u{09AC}",
        ),
        (
            "\u{0995}\u{09CD}\u{200C}\u{09B7}",
            "\u{0995}\u{09CD}\u{09B7}",
        ),
    ]);
}

#[test]
fn k2_khanda_ta() {
    let expected = "\u{0989}\u{09A4}\u{09CD}\u{09B8}";
    key(&[
        ("\u{0989}\u{09CE}\u{09B8}", expected),
        ("\u{0989}\u{09A4}\u{09CD}\u{09B8}", expected),
        ("\u{0989}\u{09A4}\u{09CD}\u{200D}\u{09B8}", expected),
    ]);
}

#[test]
fn k3_assamese_letters() {
    key(&[("\u{09F0}\u{09F1}", "\u{09B0}\u{09AC}")]);
}

#[test]
fn k4_latin_case_and_diacritics() {
    key(&[
        ("José", "jose"),
        ("Jose\u{0301}", "jose"),
        ("DPRK", "dprk"),
        ("Łódź Straße", "lodz strasse"),
    ]);
}

#[test]
fn k5_whitespace_and_hyphens() {
    key(&[
        ("উত্তর-কোরিয়া", "উত্তর কোরিয়া"),
        ("উত্তর  \t কোরিয়া", "উত্তর কোরিয়া"),
        ("উত্তর\u{00A0}কোরিয়া", "উত্তর কোরিয়া"),
        ("North-Korea", "north korea"),
        // Line breaks are not horizontal whitespace.
        ("উত্তর\nকোরিয়া", "উত্তর\nকোরিয়া"),
        // A hyphen that joins no two words stays.
        ("- ক", "- ক"),
    ]);
}

#[test]
fn k6_one_byte_per_character() {
    let k = fold("কা, ক। ক॥ Ж");
    assert_eq!(
        k.bytes(),
        &[
            0x95,
            0xBE,
            b',',
            b' ',
            0x95,
            key::DANDA,
            b' ',
            0x95,
            key::DOUBLE_DANDA,
            b' ',
            key::OTHER
        ]
    );
    assert_eq!(decode(k.bytes()), "কা, ক। ক॥ \u{FFFD}");
    // Every byte maps back to the display character it came from.
    assert_eq!(k.span_to_display(0..2), 0..6);
    assert_eq!(fold_text("উৎস-ক"), "উত্স ক");
}

#[test]
fn fast_paths_skip_only_stable_characters() {
    use unicode_normalization::char::canonical_combining_class;
    use unicode_normalization::{is_nfc_quick, IsNormalized};
    let skipped = ('\u{2010}'..='\u{2027}').chain(['\u{0964}', '\u{0965}', '\u{200C}', '\u{200D}']);
    for c in skipped {
        assert_eq!(canonical_combining_class(c), 0, "U+{:04X}", c as u32);
        assert_eq!(
            is_nfc_quick(core::iter::once(c)),
            IsNormalized::Yes,
            "U+{:04X}",
            c as u32
        );
    }
}

mod fast_scan {
    use super::super::display::normalize_region;
    use super::super::{DigitStyle, NormalizeOptions, OffsetMap};
    use super::{hex, Normalizer};
    use proptest::prelude::*;

    fn text() -> impl Strategy<Value = String> {
        let c = prop_oneof![
            6 => (0x0980u32..=0x09FF).prop_map(|cp| char::from_u32(cp).unwrap()),
            2 => prop::sample::select(vec![
                '\u{200C}', '\u{200D}', '\u{00AD}', '\u{00A0}', '\u{0964}', '\u{0301}', 'à', '¦',
                ' ', 'a', '\u{2013}', '\u{2026}',
            ]),
        ];
        prop::collection::vec(c, 0..24).prop_map(|v| v.into_iter().collect())
    }

    /// Text dense in what the fast path for precomposed nukta letters must
    /// get right: the letters, the signs around them (an e-kar typed before
    /// its consonant, two-part vowels, nukta, virama) and word boundaries.
    fn nukta_text() -> impl Strategy<Value = String> {
        let c = prop_oneof![
            8 => prop::sample::select(vec![
                '\u{09DC}', '\u{09DF}', '\u{09C7}', '\u{09BE}', '\u{09D7}', '\u{09C1}', 'ক',
                '\u{09BC}', '\u{09CD}', ' ',
            ]),
            1 => prop::sample::select(vec![
                '\u{09DD}', '\u{09AF}', '\u{09AC}', 'অ', '\u{0981}', '\u{09FE}', '\u{09E6}',
                '\u{0964}', 'a', '1', '\u{200D}', '\u{00AD}', '\u{00A0}',
            ]),
        ];
        prop::collection::vec(c, 0..12).prop_map(|v| v.into_iter().collect())
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(3000))]

        /// Words whose only change is D1 on ড় ঢ় য় are decomposed in place;
        /// the text comes out as the full rewrite writes it, for every
        /// digit style, and every span maps back inside the input.
        #[test]
        fn nukta_forms_agree_with_a_full_rewrite(s in nukta_text()) {
            for digits in [DigitStyle::Keep, DigitStyle::Ascii, DigitStyle::Bengali] {
                for visual_order in [true, false] {
                let options = NormalizeOptions { digits, visual_order, ..NormalizeOptions::default() };
                let mut full = String::new();
                let mut map = OffsetMap::identity();
                normalize_region(&s, 0..s.len(), &options, &mut full, &mut map);
                let normalizer = Normalizer::builder().digits(digits).visual_order(visual_order).build();
                let out = normalizer.normalize(&s);
                prop_assert_eq!(out.text(), &full, "input {}", hex(&s));
                let whole = out.offsets().span_to_input(0..out.text().len());
                prop_assert_eq!(whole, 0..s.len(), "input {}", hex(&s));
                }
            }
        }

        /// Whatever the scan skips, the full rewrite would have left alone.
        #[test]
        fn fast_scan_agrees_with_a_full_rewrite(s in text()) {
            let mut full = String::new();
            let mut map = OffsetMap::identity();
            normalize_region(&s, 0..s.len(), &NormalizeOptions::default(), &mut full, &mut map);
            let fast = Normalizer::new().normalize_str(&s);
            prop_assert_eq!(&fast, &full, "input {}", hex(&s));
        }
    }
}

#[test]
fn d11_mojibake_in_a_form_nfc_composes_is_repaired_in_one_pass() {
    // Found by the fuzzer: U+0387 becomes U+00B7 under NFC, completing
    // `à¦·` (ষ); `a` U+0300 becomes `à`. One pass must see what NFC makes.
    for (input, expected) in [
        ("x à¦\u{0387} y", "x ষ y"),
        ("x a\u{0300}¦\u{0387} y", "x ষ y"),
        (
            "\u{FEFF}ক\u{00AD}1 àS\u{FFFD}à¦\u{0387}\u{07F6}",
            "ক1 àS\u{FFFD}ষ\u{07F6}",
        ),
    ] {
        let once = Normalizer::new().normalize_str(input).into_owned();
        let twice = Normalizer::new().normalize_str(&once).into_owned();
        assert_eq!(hex(&once), hex(expected), "input {}", hex(input));
        assert_eq!(hex(&twice), hex(&once), "input {}", hex(input));
    }
}

#[test]
fn d11_mojibake_completed_by_an_ascii_letter_and_its_mark_is_repaired_in_one_pass() {
    // Found by the fuzzer: `Y` U+0308 is `Ÿ` under NFC, completing `à¦Ÿ`
    // (ট); the region D11 reads used to end at the ASCII `Y`.
    display(&[
        ("\u{00E0}\u{00A6}Y\u{0308}", "\u{099F}"),
        ("x \u{00E0}\u{00A6}Y\u{0308} y", "x \u{099F} y"),
        // A letter with a mark that composes into nothing D11 reads.
        ("\u{00E0}\u{00A6}e\u{0301}", "\u{00E0}\u{00A6}\u{00E9}"),
        // NFC composes `Y` with U+0308 behind the nukta, whose class is
        // lower: the region is read once more, and the nukta stays.
        ("\u{00E0}\u{00A6}Y\u{09BC}\u{0308}", "\u{099F}\u{09BC}"),
        (
            "x \u{00E0}\u{00A6}Y\u{09BC}\u{0308} y",
            "x \u{099F}\u{09BC} y",
        ),
    ]);
}

#[test]
fn the_suspect_test_covers_every_dirty_triple() {
    // `bengali_is_dirty` tests this before the rule itself. The look-back reads bytes before `here`: give it the one
    // byte sequence that can make a triple dirty.
    let bytes = "\u{09C7}\u{09C7}\u{09C7}\u{09C7}".as_bytes();
    // The normalizer's scan asks with digits folded to ASCII too.
    for digits_to_ascii in [false, true] {
        let mut clear = 0;
        for cur in 0..128 {
            for p1 in 0..=display::NO_PREV {
                for p2 in 0..=display::NO_PREV {
                    if display::may_be_dirty_after([p1, p2], cur, digits_to_ascii) {
                        continue;
                    }
                    clear += 1;
                    assert!(
                        !display::is_dirty_by_rule(bytes, 12, [p1, p2], cur, digits_to_ascii, 0),
                        "U+{:04X} after U+{:04X}, U+{:04X} (digits to ASCII: {digits_to_ascii})",
                        crate::script::BLOCK_START as usize + cur,
                        crate::script::BLOCK_START as usize + p2,
                        crate::script::BLOCK_START as usize + p1,
                    );
                }
            }
        }
        // Nearly every triple is clear (all but digits, when they
        // fold), or the test would buy nothing.
        assert!(clear > 129 * 129 * 128 * 17 / 20, "{clear}");
    }
}
