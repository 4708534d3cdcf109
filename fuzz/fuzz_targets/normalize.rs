//! Display normalization and its offset map, on arbitrary bytes.
//!
//! Invariants (NORMALIZATION.md, "Invariants to test"):
//! - display(display(x)) == display(x), and display text comes back borrowed;
//! - `normalize_str` and `normalize` agree; the output is NFC (D1);
//! - the offset map is monotonic, maps every output char boundary to input
//!   char boundaries, maps the whole output to the whole input, and text
//!   between edits is copied byte for byte;
//! - the same holds for the option set picked by the first input byte.
#![no_main]

use bengali_names::{DigitStyle, Normalizer};
use bengali_names_fuzz::{as_text, check_offsets, hex, strict};
use libfuzzer_sys::fuzz_target;

/// KNOWN BUG (fuzz/regressions/normalize/d4-after-unordered-nukta-virama):
/// D4 looks at the code point before an e-kar before NFC puts a nukta
/// before a virama, so `ক ্ ় ে ক া` needs two passes. Until that is fixed,
/// inputs with a virama directly before a nukta skip the idempotence check;
/// delete each exemption below once its bug is fixed.
fn known_bug(input: &str) -> bool {
    let visible: String = input
        .chars()
        .filter(|c| !matches!(c, '\u{00AD}' | '\u{200B}' | '\u{2060}' | '\u{FEFF}'))
        .collect();
    // KNOWN BUG (fuzz/regressions/normalize/mojibake-split-by-*): an
    // invisible inside mojibake (`à` U+00AD `¦¬`) blocks D11, then D9 removes
    // it and the next pass repairs the mojibake.
    let split_mojibake = input.contains('à')
        && input.contains(['\u{00AD}', '\u{200B}', '\u{2060}', '\u{FEFF}']);
    // KNOWN BUG (fuzz/regressions/normalize/sandhi-mark-then-tibetan-vowel-sign):
    // a char of combining class 0 whose decomposition starts with a
    // non-starter (U+0F81 → U+0F71 U+0F80) starts a new cluster, so it is
    // not reordered with the marks before it (not NFC, not idempotent).
    let hidden_non_starter = input.chars().any(|c| {
        use unicode_normalization::char::canonical_combining_class as ccc;
        use unicode_normalization::UnicodeNormalization;
        ccc(c) == 0 && core::iter::once(c).nfd().next().is_some_and(|d| ccc(d) != 0)
    });
    visible.contains("\u{09CD}\u{09BC}") || split_mojibake || hidden_non_starter
}

fn check(input: &str, n: &Normalizer, what: &str) {
    let out = n.normalize(input);
    let display = out.text();
    if known_bug(input) && !strict() {
        check_offsets(input, n, what);
        return;
    }
    assert_eq!(
        n.normalize_str(input),
        display,
        "[{what}] normalize_str and normalize disagree on {}",
        hex(input)
    );
    let twice = n.normalize(display);
    assert_eq!(
        twice.text(),
        display,
        "[{what}] not idempotent\ninput {}\nonce  {}\ntwice {}",
        hex(input),
        hex(display),
        hex(twice.text())
    );
    assert!(
        twice.is_borrowed() && n.is_normalized(display),
        "[{what}] display text is not borrowed: {}",
        hex(display)
    );
    check_offsets(input, n, what);
}

fuzz_target!(|data: &[u8]| {
    let input = as_text(data);
    let n = Normalizer::new();
    check(&input, &n, "default");
    let display = n.normalize_str(&input);
    assert!(
        (known_bug(&input) && !strict()) || unicode_normalization::is_nfc(&display),
        "display text is not NFC\ninput {}\noutput {}",
        hex(&input),
        hex(&display)
    );

    // One other option set, chosen by the first byte.
    let flags = data.first().copied().unwrap_or(0);
    let digits = match flags % 3 {
        0 => DigitStyle::Keep,
        1 => DigitStyle::Ascii,
        _ => DigitStyle::Bengali,
    };
    let other = Normalizer::builder()
        .visual_order(flags & 0x10 == 0)
        .ascii_punctuation(flags & 0x20 != 0)
        .digits(digits)
        .build();
    check(&input, &other, &format!("options {flags:#04x}"));
});
