use super::*;
use crate::matcher::trie::Trie;
use crate::normalize::display;
use crate::normalize::key::MatchKey;
use proptest::prelude::*;

fn compare(key: &Key, reference: &MatchKey, display: &str, what: &str) {
    let encoder = Encoder::new();
    assert_eq!(
        key.bytes(),
        reference.bytes(),
        "{what} {display:?}: {:?}",
        key::decode(key.bytes())
    );
    let mut prev_word = false;
    let tokens: Vec<u32> = (0u32..)
        .zip(reference.bytes())
        .filter_map(|(i, &b)| {
            let start = key::is_word_byte(b) && !prev_word;
            prev_word = key::is_word_byte(b);
            start.then_some(i)
        })
        .collect();
    assert_eq!(key.tokens(), tokens, "{what} {display:?} tokens");
    for i in 0..=key.bytes().len() {
        assert_eq!(
            key.origin(&encoder, display, i),
            reference.origin(i),
            "{what} {display:?} origin {i}"
        );
    }
    for start in 0..key.bytes().len() {
        for end in start..=key.bytes().len() {
            assert_eq!(
                key.span_to_display(&encoder, display, start..end),
                reference.span_to_display(start..end),
                "{what} {display:?} {start}..{end}"
            );
        }
    }
}

/// Both encoders agree with the reference fold; the fused one on text
/// it takes whole (display text with only the characters it handles).
fn check(display: &str) {
    let reference = MatchKey::new(display);
    let mut key = Key::default();
    key.encode(&Encoder::new(), display);
    compare(&key, &reference, display, "reference encoder");
    // The builder's bytes-only fold, into a buffer holding a key.
    let mut bytes_only = key.clone();
    bytes_only.encode_bytes(&Encoder::new(), display);
    assert_eq!(
        bytes_only.bytes(),
        reference.bytes(),
        "bytes-only fold of {:?}",
        display
            .chars()
            .map(|c| format!("U+{:04X}", c as u32))
            .collect::<Vec<_>>()
    );
    // A word of one-byte letters takes the short way, with the same
    // key, origins and token; anything else is refused.
    let mut letters = key.clone();
    if letters.encode_letters(&Encoder::new(), display) {
        compare(&letters, &reference, display, "letters encoder");
        assert_eq!(letters.tokens(), key.tokens(), "tokens of {display:?}");
        assert_eq!(letters.origins, key.origins, "origins of {display:?}");
    } else {
        let one_byte_letters = !display.is_empty()
            && display.chars().all(|c| {
                let key = key::fold(c.encode_utf8(&mut [0; 4]));
                script::is_bengali(c)
                    && key.bytes().len() == 1
                    && key.bytes().iter().all(|&b| key::is_word_byte(b))
            });
        assert!(!one_byte_letters, "letters encoder refused {display:?}");
    }
    let mut fused = Key::default();
    // Reuse a dirty buffer: stale bytes past the key must not matter.
    fused.encode_raw(&Encoder::new(), &"ক".repeat(40), 0);
    // The fast paths take display text, and raw text whose only change
    // is D1 on precomposed nukta letters (see `Encoder::stays`).
    let display_form = crate::Normalizer::new().normalize_str(display);
    let mut nukta_forms_decomposed = String::new();
    display::push_decomposing_nukta_forms(
        display,
        0..display.len(),
        &mut nukta_forms_decomposed,
        &mut crate::OffsetMap::identity(),
    );
    let clean = display_form == nukta_forms_decomposed;
    match fused.encode_raw(&Encoder::new(), display, 0) {
        None => {
            assert!(clean, "{display:?} is not display text");
            assert_eq!(
                fused.bytes(),
                key::fold(&display_form).bytes(),
                "{display:?}: the key of its display form"
            );
            compare(&fused, &reference, display, "fused encoder");
            scan_agrees(&fused, display);
        }
        Some(line) => {
            let stopped = display.get(line.clone()).unwrap();
            // A second nukta is junk the scans leave to the rewrite.
            let double_nukta = nukta_forms_decomposed.contains("\u{09BC}\u{09BC}");
            assert!(
                !clean || double_nukta || stopped.chars().any(|c| !fused_char(c)),
                "{display:?}: the fused encoder gave up on {stopped:?}"
            );
        }
    }
}

/// The scan without encoding finds the fused key's token starts, line
/// by line, and the key bytes folded on the fly from each are the key's
/// bytes from that token on (up to the first character the fast path
/// does not take: none here).
fn scan_agrees(fused: &Key, display: &str) {
    let encoder = Encoder::new();
    // Keys that every token walks: each token's first 1 to 8 key
    // bytes (across spaces too), and a prefix of one byte more that no
    // text has.
    let mut keys = Vec::new();
    for &k in fused.tokens() {
        let rest = &fused.bytes()[k as usize..];
        for n in 1..=rest.len().min(8) {
            keys.push(rest[..n].to_vec());
            let mut longer = rest[..n].to_vec();
            longer.push(0xFF);
            keys.push(longer);
        }
    }
    let trie = Trie::new(&keys).unwrap();
    let mut scanned = Vec::new();
    let mut at = 0;
    while at < display.len() {
        match encoder.scan_keys::<true>(&trie, display, at, |t, p, e| scanned.push((t, p, e))) {
            Ok(next) => at = next,
            Err(stop) => panic!("{display:?}: the scan stopped at {stop}"),
        }
    }
    // The reference: the token starts of the fused encoder, each walked
    // over the fold's key bytes.
    let mut expected = Vec::new();
    for &t in &fused.token_origins {
        let t = t as usize;
        let mut bytes = encoder.key_bytes(display, t);
        if let (Some(first), Some(second)) = (bytes.next(), bytes.next()) {
            trie.walk(first, second, bytes, |p, e| expected.push((t, p, e)));
        }
    }
    assert_eq!(
        scanned,
        expected,
        "{display:?} {:04X?}",
        display.chars().map(u32::from).collect::<Vec<_>>()
    );
    for (&k, &t) in fused.tokens().iter().zip(&fused.token_origins) {
        let t = t as usize;
        let lazy: Vec<u8> = encoder.key_bytes(display, t).map(|(b, _)| b).collect();
        assert_eq!(
            lazy,
            &fused.bytes()[k as usize..],
            "{display:?} key bytes from {t}"
        );
        // Each position is where the byte's character ends; the span
        // of the byte may also cover what gave no byte after it
        // (joiners, the spaces a space swallowed).
        for ((_, end), i) in encoder.key_bytes(display, t).zip(k as usize..) {
            let span = fused.span_to_display(&encoder, display, i..i + 1);
            assert!(span.start < end && end <= span.end, "{display:?} byte {i}");
            let gap = &display[end..span.end];
            assert!(
                gap.chars()
                    .all(|c| c.is_whitespace() || c == script::ZWJ || c == script::ZWNJ),
                "{display:?} byte {i}: {gap:?}"
            );
        }
    }
}

/// Characters the fused encoder takes.
fn fused_char(c: char) -> bool {
    c.is_ascii()
        || script::class_of(c).is_some()
        || key::folds_to_other(c)
        || matches!(
            c,
            '\u{0964}' | '\u{0965}' | '\u{200C}' | '\u{200D}' | '\u{2010}'..='\u{2027}'
        )
}

#[test]
fn agrees_with_the_reference_on_every_bengali_code_point() {
    for cp in script::BLOCK_START..=script::BLOCK_END {
        let c = char::from_u32(cp).unwrap();
        check(&format!("{c}"));
        check(&format!("ক{c} খ-{c}"));
    }
}

#[test]
fn agrees_on_awkward_text() {
    for text in [
        "উত্তর-কোরিয়া  DPRK",
        "José Ramos-Horta।ঢাকা॥ x",
        "ক\u{200D}খ \u{2009} গ",
        "a\u{0301}b - c",
        "নেতা-স্তরের\n-রাশিয়া-\t\u{00A0}",
        "উৎস ৰ ৱ",
        "ঢাকা\u{2011}র ঢাকা\u{2011} \u{2010}ক “ক” ক—খ…",
        "ক  \t-খ- -গ\r\nঘ\u{200D}\u{200C} ৎ",
        "DPRK-এর  x-y x- -",
        "\u{2028}ক \u{2003}\u{2003}খ",
        "৩০°সে তাপমাত্রা, ৫€ ও 中国-চীন ক°খ ঢাকা‘°’",
        "  x \u{2003}y",
        "",
    ] {
        check(text);
    }
}

proptest! {
    #[test]
    fn agrees_on_random_text(text in "[ক-হ\u{09BE}-\u{09CD}\u{09CE} \\-\t\nA-Za-zé\u{0301}\u{200D}\u{2009}।,\u{2010}\u{2011}\u{2014}\u{2019}\u{0964}\u{0965}°€中ا\u{00AD}\u{2028}\u{09DC}\u{09DF}\u{09BC}\u{09D7}\u{0981}]{0,24}") {
        check(&text);
    }
}
