//! Match-key folding (K1–K6) of display text.
//!
//! Invariants:
//! - fold_text is idempotent on display text, and folding the folded text
//!   gives the same key bytes;
//! - the key has one byte per folded char: `fold_text(d).chars().count()
//!   == fold(d).bytes().len()`, and every key byte that stands for one char
//!   decodes to that char;
//! - origins are monotonic, on display char boundaries, and the last one is
//!   the display length; no char folds to more than two key bytes;
//! - `span_to_display` gives display spans on char boundaries;
//! - `MatchKey::refill` gives the same key as `MatchKey::new`.
#![no_main]

use std::cell::RefCell;

use bengali_names::normalize::key::{self, fold, fold_text, MatchKey};
use bengali_names::Normalizer;
use bengali_names_fuzz::{as_text, hex};
use libfuzzer_sys::fuzz_target;

thread_local! {
    static REUSED: RefCell<MatchKey> = RefCell::new(MatchKey::new("a reused key ক"));
}

fuzz_target!(|data: &[u8]| {
    let input = as_text(data);
    let display = Normalizer::new().normalize_str(&input).into_owned();
    let ctx = || format!("display {}", hex(&display));

    let once = fold_text(&display);
    let twice = fold_text(&once);
    assert_eq!(
        twice,
        once,
        "fold_text not idempotent\n{}\nonce {}",
        ctx(),
        hex(&once)
    );

    let k = fold(&display);
    let bytes = k.bytes();
    assert_eq!(
        fold(&once).bytes(),
        bytes,
        "folding the folded text changes the key\n{}\nfolded {}",
        ctx(),
        hex(&once)
    );

    // One key byte per folded char, and the bytes say what the chars are.
    let folded_chars: Vec<char> = once.chars().collect();
    assert_eq!(
        folded_chars.len(),
        bytes.len(),
        "key length != folded chars\n{}",
        ctx()
    );
    for (i, (&b, &c)) in bytes.iter().zip(&folded_chars).enumerate() {
        if b != key::OTHER && b != key::OTHER_LETTER {
            let decoded = key::decode(&[b]);
            assert_eq!(
                decoded,
                c.to_string(),
                "key byte {i} ({b:#04x}) decodes to another char\n{}",
                ctx()
            );
        }
    }

    // Origins: monotonic, on char boundaries, end at the display length.
    let chars = display.chars().count();
    assert!(
        bytes.len() <= 2 * chars,
        "key longer than 2 bytes per char\n{}",
        ctx()
    );
    let mut last = 0;
    let mut per_origin = 0;
    for i in 0..=bytes.len() {
        let o = k.origin(i);
        assert!(o >= last, "origin {i} goes back ({last} -> {o})\n{}", ctx());
        assert!(
            display.is_char_boundary(o),
            "origin {i} = {o} inside a char\n{}",
            ctx()
        );
        if i < bytes.len() {
            assert!(
                o < display.len(),
                "origin {i} = {o} at or past the end\n{}",
                ctx()
            );
            per_origin = if o == last && i > 0 {
                per_origin + 1
            } else {
                1
            };
            assert!(
                per_origin <= 2,
                "one char gives more than 2 key bytes at {o}\n{}",
                ctx()
            );
        }
        last = o;
    }
    assert_eq!(
        k.origin(bytes.len()),
        display.len(),
        "last origin\n{}",
        ctx()
    );

    // Key spans map to display spans on char boundaries.
    for i in 0..bytes.len() {
        for j in [i + 1, bytes.len()] {
            let span = k.span_to_display(i..j);
            assert!(
                span.start <= span.end
                    && display.get(span.clone()).is_some()
                    && span.start == k.origin(i),
                "key span {i}..{j} -> {span:?}\n{}",
                ctx()
            );
        }
    }

    REUSED.with(|reused| {
        let mut reused = reused.borrow_mut();
        reused.refill(&display);
        assert_eq!(*reused, k, "refill differs from new\n{}", ctx());
    });
});
