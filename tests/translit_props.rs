//! Property tests: ISO 15919 round-trips exactly.

use bengali_names::translit::Iso15919;
use bengali_names::Normalizer;
use proptest::prelude::*;

fn hex(s: &str) -> String {
    s.chars().map(|c| format!("U+{:04X} ", c as u32)).collect()
}

/// Every consonant of the block, the nukta letters in their display form.
fn consonant() -> impl Strategy<Value = String> {
    let mut all: Vec<String> = (0x0995u32..=0x09B9)
        .filter(|cp| ![0x09A9, 0x09B1, 0x09B3, 0x09B4, 0x09B5].contains(cp))
        .filter_map(char::from_u32)
        .map(String::from)
        .collect();
    all.extend(
        [
            "\u{09A1}\u{09BC}",
            "\u{09A2}\u{09BC}",
            "\u{09AF}\u{09BC}",
            "\u{09F0}",
            "\u{09F1}",
        ]
        .map(String::from),
    );
    prop::sample::select(all)
}

fn vowel_sign() -> impl Strategy<Value = char> {
    prop::sample::select(vec![
        '\u{09BE}', '\u{09BF}', '\u{09C0}', '\u{09C1}', '\u{09C2}', '\u{09C3}', '\u{09C4}',
        '\u{09C7}', '\u{09C8}', '\u{09CB}', '\u{09CC}', '\u{09E2}', '\u{09E3}', '\u{09D7}',
    ])
}

fn modifier() -> impl Strategy<Value = char> {
    prop::sample::select(vec!['\u{0981}', '\u{0982}', '\u{0983}'])
}

fn independent_vowel() -> impl Strategy<Value = char> {
    prop::sample::select(vec![
        '\u{0985}', '\u{0986}', '\u{0987}', '\u{0988}', '\u{0989}', '\u{098A}', '\u{098B}',
        '\u{098C}', '\u{098F}', '\u{0990}', '\u{0993}', '\u{0994}', '\u{09E0}', '\u{09E1}',
    ])
}

/// A joiner between the parts of a conjunct: none, ZWNJ after the virama
/// (ক্‌ষ), or ZWJ before it (র‍্য).
fn joiner() -> impl Strategy<Value = &'static str> {
    prop::sample::select(vec![
        "\u{09CD}",
        "\u{09CD}",
        "\u{09CD}",
        "\u{09CD}\u{200C}",
        "\u{200D}\u{09CD}",
    ])
}

/// One orthographic syllable, or a digit, khanda ta, or a dead consonant.
fn syllable() -> impl Strategy<Value = String> {
    let conjunct = (
        consonant(),
        prop::collection::vec((joiner(), consonant()), 0..3),
        prop::option::of(vowel_sign()),
        prop::option::of(modifier()),
    )
        .prop_map(|(first, rest, sign, m)| {
            let mut s = first;
            for (j, c) in rest {
                s.push_str(j);
                s.push_str(&c);
            }
            s.extend(sign);
            s.extend(m);
            s
        });
    prop_oneof![
        6 => conjunct,
        2 => (independent_vowel(), prop::option::of(modifier())).prop_map(|(v, m)| {
            let mut s = v.to_string();
            s.extend(m);
            s
        }),
        1 => (0x09E6u32..=0x09EF).prop_map(|cp| char::from_u32(cp).map(String::from).unwrap_or_default()),
        1 => Just("\u{09CE}".to_owned()),
        1 => (consonant(), prop::sample::select(vec!["\u{09CD}", "\u{09CD}\u{200D}", "\u{200D}"]))
            .prop_map(|(c, tail)| c + tail),
        1 => Just("\u{0985}\u{09CD}\u{09AF}\u{09BE}".to_owned()),
        1 => Just(" ".to_owned()),
    ]
}

fn bengali_text() -> impl Strategy<Value = String> {
    prop::collection::vec(syllable(), 1..10).prop_map(|v| v.concat())
}

fn mixed_char() -> impl Strategy<Value = char> {
    prop_oneof![
        6 => (0x0980u32..=0x09FF).prop_map(|cp| char::from_u32(cp).unwrap_or(' ')),
        3 => prop::sample::select(vec![
            '\u{200C}', '\u{200D}', '\u{0301}', '\u{0324}', '\u{0325}', '\u{0310}', '\u{0307}',
            '\u{0323}', '\u{02BC}', '{', '}', ':', '~', '_', ' ', '-', '।', 'é', 'ā', 'ṁ', 'ẏ',
            'ṛ', 'ṯ', 'Ł', 'Ж', '東', '🙂', '\u{1100}', '\u{1161}', '\u{0B47}', '\u{0B3E}',
        ]),
        2 => prop::char::range('a', 'z'),
        1 => prop::char::range('0', '9'),
        1 => any::<char>(),
    ]
}

fn mixed_text() -> impl Strategy<Value = String> {
    prop::collection::vec(mixed_char(), 0..30).prop_map(|v| v.into_iter().collect())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(3000))]

    #[test]
    fn bengali_syllables_round_trip(s in bengali_text()) {
        let iso = Iso15919::new();
        let display = Normalizer::new().normalize_str(&s).into_owned();
        let latin = iso.to_latin(&s);
        let back = iso.to_bengali(&latin);
        prop_assert_eq!(&back, &display, "input {}\nlatin {}", hex(&s), latin);
    }

    #[test]
    fn any_text_round_trips(s in mixed_text()) {
        let iso = Iso15919::new();
        let display = Normalizer::new().normalize_str(&s).into_owned();
        let latin = iso.to_latin(&s);
        let back = iso.to_bengali(&latin);
        prop_assert_eq!(&back, &display, "input {}\nlatin {:?} {}", hex(&s), latin, hex(&latin));
    }

    #[test]
    fn any_str_round_trips(s in any::<String>()) {
        let iso = Iso15919::new();
        let display = Normalizer::new().normalize_str(&s).into_owned();
        let back = iso.to_bengali(&iso.to_latin(&s)).into_owned();
        prop_assert_eq!(back, display);
    }

    #[test]
    fn reverse_never_panics(s in "[a-zāīūṛṭḍṇṅñśṣṁḥẏṯ:{}~_ʼ0-9 \u{0300}-\u{0330}]{0,30}") {
        let _ = Iso15919::new().to_bengali(&s);
    }
}
