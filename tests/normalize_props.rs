//! Property tests of the normalization invariants (NORMALIZATION.md).

use bengali_names::normalize::key::{fold, fold_text};
use bengali_names::Normalizer;
use proptest::prelude::*;

/// Code points of `s` in hex, for failure messages.
fn hex(s: &str) -> String {
    s.chars().map(|c| format!("U+{:04X} ", c as u32)).collect()
}

/// Characters that exercise the rules: the whole Bengali block, joiners,
/// invisibles, combining marks, mojibake pieces, ASCII and other scripts.
fn interesting_char() -> impl Strategy<Value = char> {
    prop_oneof![
        6 => prop::char::range('\u{0980}', '\u{09FF}'),
        2 => prop::sample::select(vec![
            '\u{200C}', '\u{200D}', '\u{00AD}', '\u{200B}', '\u{2060}', '\u{FEFF}', '\u{00A0}',
            '\u{0964}', '\u{0965}', '\u{0301}', '\u{0308}', '\u{0334}', 'à', '¦', '§', '€',
            '“', '”', '—', '…', '-', ' ', '\n', '\t', ':', '|', 'é', 'Ł', 'ß', '🙂', '東', 'Ж',
        ]),
        2 => prop::char::range('a', 'z'),
        1 => any::<char>(),
    ]
}

fn interesting_string() -> impl Strategy<Value = String> {
    prop::collection::vec(interesting_char(), 0..40).prop_map(|v| v.into_iter().collect())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(4000))]

    #[test]
    fn display_is_idempotent(s in interesting_string()) {
        let n = Normalizer::new();
        let once = n.normalize_str(&s).into_owned();
        let twice = n.normalize_str(&once).into_owned();
        prop_assert_eq!(&twice, &once, "input {}\nonce  {}\ntwice {}", hex(&s), hex(&once), hex(&twice));
        prop_assert!(n.normalize(&once).is_borrowed(), "normal text not borrowed: {}", hex(&once));
    }

    #[test]
    fn folded_text_is_idempotent(s in interesting_string()) {
        let display = Normalizer::new().normalize_str(&s).into_owned();
        let once = fold_text(&display);
        let twice = fold_text(&once);
        prop_assert_eq!(&twice, &once, "input {}", hex(&s));
    }

    #[test]
    fn offset_map_is_monotonic_and_on_char_boundaries(s in interesting_string()) {
        let out = Normalizer::new().normalize(&s);
        let text = out.text();
        let mut last = 0;
        let boundaries: Vec<usize> = text.char_indices().map(|(i, _)| i).chain([text.len()]).collect();
        for &b in &boundaries {
            let start = out.offsets().start_to_input(b);
            let end = out.offsets().end_to_input(b);
            prop_assert!(start >= last, "start not monotonic at {b}: {}", hex(&s));
            prop_assert!(end >= start && end <= s.len(), "end out of range at {b}: {}", hex(&s));
            prop_assert!(s.is_char_boundary(start) && s.is_char_boundary(end), "not a char boundary at {b}: {}", hex(&s));
            last = start;
        }
        prop_assert_eq!(out.span_to_input(0..text.len()), 0..s.len(), "whole span: {}", hex(&s));
        // Every pair of boundaries maps to a valid input span.
        for w in boundaries.windows(2) {
            let span = out.span_to_input(w[0]..w[1]);
            prop_assert!(s.get(span.clone()).is_some(), "{span:?} {}", hex(&s));
        }
    }

    #[test]
    fn key_origins_are_monotonic(s in interesting_string()) {
        let display = Normalizer::new().normalize_str(&s).into_owned();
        let key = fold(&display);
        let mut last = 0;
        for i in 0..=key.bytes().len() {
            let o = key.origin(i);
            prop_assert!(o >= last && display.is_char_boundary(o), "origin {i}: {}", hex(&display));
            last = o;
        }
    }

    #[test]
    fn any_str_never_panics(s in any::<String>()) {
        let n = Normalizer::new();
        let out = n.normalize(&s);
        let _ = fold(out.text());
        prop_assert_eq!(n.normalize_str(out.text()), out.text());
    }
}
