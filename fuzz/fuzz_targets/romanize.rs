//! News-style name romanization.
//!
//! Invariants (from the `NameRomanizer` docs):
//! - `candidates(x, 0)` is empty; for k >= 1 there are 1..=k candidates,
//!   best first (scores non-increasing), scores in (0, 1], texts distinct;
//! - `romanize(x)` is the first of `candidates(x, 1)`, and scores as well
//!   as the best of `candidates(x, 8)`;
//! - text with no Bengali word (letters, signs, digits, joiners) comes
//!   back as its display form; a Bengali letter gives a non-empty result;
//! - no candidate keeps a Bengali letter or sign;
//! - a known-name source's answer is a candidate with score 1.
#![no_main]

use bengali_names::script::{class_of, BengaliClass, ZWJ, ZWNJ};
use bengali_names::translit::NameRomanizer;
use bengali_names::Normalizer;
use bengali_names_fuzz::{as_text, hex};
use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;

fn romanizers() -> &'static (NameRomanizer, NameRomanizer, NameRomanizer) {
    static R: OnceLock<(NameRomanizer, NameRomanizer, NameRomanizer)> = OnceLock::new();
    R.get_or_init(|| {
        // Knows every name of an odd number of chars.
        let known = |bn: &str| (bn.chars().count() % 2 == 1).then(|| "Known Name".to_owned());
        (
            NameRomanizer::new(),
            NameRomanizer::builder().lexicon(false).build(),
            NameRomanizer::builder().known_names(known).build(),
        )
    })
}

fn check(r: &NameRomanizer, x: &str, k: usize, what: &str) {
    let ctx = || format!("[{what}] input {}", hex(x));
    assert!(
        r.candidates(x, 0).is_empty(),
        "k = 0 gives candidates\n{}",
        ctx()
    );
    let list = r.candidates(x, k);
    assert!(
        !list.is_empty() && list.len() <= k,
        "{} candidates for k = {k}\n{}",
        list.len(),
        ctx()
    );
    for (i, c) in list.iter().enumerate() {
        assert!(
            c.score.is_finite() && c.score > 0.0 && c.score <= 1.0,
            "score {} out of (0, 1]\n{}",
            c.score,
            ctx()
        );
        if i > 0 {
            assert!(
                list[i - 1].score >= c.score,
                "candidates not sorted: {list:?}\n{}",
                ctx()
            );
        }
        assert!(
            list[..i].iter().all(|d| d.text != c.text),
            "repeated candidate {:?}\n{}",
            c.text,
            ctx()
        );
        let kept: Vec<char> = c
            .text
            .chars()
            .filter(|&ch| matches!(class_of(ch), Some(class) if class.is_word() && class != BengaliClass::Digit))
            .collect();
        assert!(
            kept.is_empty(),
            "candidate {:?} keeps Bengali {:?}\n{}",
            c.text,
            kept,
            ctx()
        );
    }
    let best = r.romanize(x);
    let one = r.candidates(x, 1);
    assert_eq!(best, one[0].text, "romanize != first candidate\n{}", ctx());
    let eight = r.candidates(x, 8);
    let (a, b) = (one[0].score, eight[0].score);
    assert!(
        (a - b).abs() <= 1e-5 * a.max(b),
        "best score depends on k: {a} ({:?}) vs {b} ({:?})\n{}",
        one[0].text,
        eight[0].text,
        ctx()
    );
}

fuzz_target!(|data: &[u8]| {
    let x = as_text(data);
    let k = data.first().map_or(1, |b| usize::from(b % 12) + 1);
    let (plain, no_lexicon, known) = romanizers();
    check(plain, &x, k, "default");
    check(no_lexicon, &x, k, "no lexicon");
    check(known, &x, k, "known names");

    let display = Normalizer::new().normalize_str(&x);
    let has_word = display
        .chars()
        .any(|c| c == ZWJ || c == ZWNJ || class_of(c).is_some_and(BengaliClass::is_word));
    let has_letter = display.chars().any(|c| {
        matches!(
            class_of(c),
            Some(BengaliClass::Consonant | BengaliClass::IndependentVowel)
        )
    });
    let best = plain.romanize(&x);
    if !has_word {
        assert_eq!(
            best,
            display,
            "text with no Bengali word changed: {}",
            hex(&x)
        );
    }
    if has_letter {
        assert!(
            !best.is_empty(),
            "Bengali letters romanize to nothing: {}",
            hex(&x)
        );
    }
    if display.trim().chars().count() % 2 == 1 {
        let list = known.candidates(&x, k);
        assert!(
            list.iter()
                .any(|c| c.text == "Known Name" && c.score == 1.0)
                || list.iter().all(|c| c.score == 1.0),
            "known name missing: {list:?}\ninput {}",
            hex(&x)
        );
    }
});
