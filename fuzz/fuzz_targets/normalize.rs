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
use bengali_names_fuzz::{as_text, check_offsets, hex};
use libfuzzer_sys::fuzz_target;

fn check(input: &str, n: &Normalizer, what: &str) {
    let out = n.normalize(input);
    let display = out.text();
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
        unicode_normalization::is_nfc(&display),
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
