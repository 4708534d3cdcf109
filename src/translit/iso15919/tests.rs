use super::Iso15919;
use crate::Normalizer;

/// Code points of `s` in hex, for failure messages.
fn hex(s: &str) -> String {
    s.chars()
        .map(|c| format!("U+{:04X}", c as u32))
        .collect::<Vec<_>>()
        .join(" ")
}

fn round_trip(text: &str) {
    let iso = Iso15919::new();
    let latin = iso.to_latin(text);
    let back = iso.to_bengali(&latin);
    let display = Normalizer::new().normalize_str(text);
    assert_eq!(
        back,
        display,
        "\ninput   {}\nlatin   {}\nback    {}\ndisplay {}",
        hex(text),
        hex(&latin),
        hex(&back),
        hex(&display)
    );
}

#[test]
fn letters() {
    let iso = Iso15919::new();
    let cases = [
        ("\u{0995}", "ka"),
        ("\u{0995}\u{09CD}", "k"),
        ("\u{0995}\u{09CD}\u{09B7}", "kṣa"),
        ("\u{0985}\u{0982}\u{09B6}\u{0987}", "aṁśa:i"),
        ("\u{0985}\u{0982}\u{09B6}\u{09C8}", "aṁśai"),
        ("\u{0995}\u{09CD}\u{09B9}", "k:ha"),
        ("\u{0995}\u{09CD}\u{0987}", "k:i"),
        ("\u{0995}\u{0989}", "ka:u"),
        ("\u{0986}\u{0987}", "āi"),
        ("\u{09AF}\u{09BC}", "ẏa"),
        ("\u{09DF}", "ẏa"),
        ("\u{09AF}", "ya"),
        ("\u{0995}\u{09CD}\u{09AF}", "kya"),
        ("\u{0989}\u{09CE}", "uṯ"),
        ("\u{09A4}\u{09CD}\u{200D}", "t~"),
        ("\u{0995}\u{09CD}\u{200C}\u{09B7}", "k_ṣa"),
        ("\u{0995}\u{09BC}", "k\u{0324}a"),
        // A separator after a nukta (fuzz/regressions/iso_roundtrip/nukta-virama-vowel-separator).
        ("\u{0995}\u{09BC}\u{09CD}\u{0989}", "k\u{0324}:u"),
        ("\u{0995}\u{09BC}\u{09CD}\u{09B9}", "k\u{0324}ha"),
        ("\u{0995}\u{09BC}\u{0987}", "k\u{0324}a:i"),
        ("\u{0995}\u{09D7}", "kau̯"),
        ("\u{0995}\u{0981}", "kam̐"),
        ("\u{0995}\u{0983}", "kaḥ"),
        ("\u{0985}\u{09CD}\u{09AF}\u{09BE}", "aʼyā"),
        ("\u{09E7}\u{09EF}\u{09ED}\u{09E7}", "1971"),
        ("\u{09BF}", "{\u{09BF}}"),
        ("1971", "{1971}"),
        ("a:b", "{a}:{b}"),
        ("\u{0995}:\u{0996}", "ka{:}kha"),
        ("\u{09E7}\u{09E6}:\u{09E9}\u{09E6}", "10:30"),
        ("{x}", "{{x}}"),
    ];
    for (bn, latin) in cases {
        assert_eq!(iso.to_latin(bn), latin, "{}", hex(bn));
        round_trip(bn);
    }
}

#[test]
fn reverse_reads_alternatives() {
    let iso = Iso15919::new();
    assert_eq!(iso.to_bengali("Bāṃlā"), "বাংলা");
    assert_eq!(iso.to_bengali("dēśa"), "দেশ");
    // An unclosed brace is a literal brace.
    assert_eq!(iso.to_bengali("ka {"), "ক {");
}

#[test]
fn tricky_round_trips() {
    for text in [
        "র\u{200D}\u{09CD}\u{09AF}\u{09BE}\u{09AC}",
        "\u{0995}\u{09CD}\u{09CD}",
        "\u{0995}\u{09CD}\u{09BE}",
        "\u{09A1}\u{09BC}\u{09BC}",
        "\u{09AF}\u{09BC}\u{09BC}\u{09BF}",
        "\u{09A1}\u{09BC}\u{09CD}\u{09B9}",
        "\u{0995}\u{0301}",
        "\u{0995}\u{09CD}\u{0301}x",
        "উ\u{0325}",
        "\u{0995} \u{0324}",
        "ʼ~_:{}",
        "José ও ঢাকা: উত্তর-কোরিয়া",
        "\u{09FE}\u{0995}\u{09FE}",
        "৳ ১০০ ঽ",
    ] {
        round_trip(text);
    }
}

/// The transcoder's display check agrees with the normalizer on every pair
/// of code points of the block (and a few others around them), and on the
/// triples and quadruples whose test looks further back (D3, D4).
///
/// Each text is also checked with spaces after it: the fast loop reads 8
/// bytes at a time and leaves the end of the text to the general path, so
/// the short text alone goes the general way and the padded one the fast
/// way, and both must write the same Latin.
#[test]
fn fused_display_check_agrees_with_normalizer() {
    use super::{forward, tokens};
    use std::borrow::Cow;
    let t = tokens::tables().unwrap();
    let normalizer = Normalizer::new();
    let fused_check = |s: &str| {
        let clean = matches!(normalizer.normalize_str(s), Cow::Borrowed(_));
        let fused = forward::to_latin_if_display(t, s);
        assert_eq!(fused.is_some(), clean, "{}", hex(s));
        if let Some(latin) = &fused {
            assert_eq!(*latin, forward::to_latin(t, s), "{}", hex(s));
        }
        fused.map(Cow::into_owned)
    };
    let check = |s: &str| {
        let short = fused_check(s);
        let padded = format!("{s}        ");
        let long = fused_check(&padded);
        if let (Some(short), Some(long)) = (short, long) {
            assert_eq!(long, format!("{short}        "), "{}", hex(s));
        }
    };
    let block: Vec<char> = (0x0980..0x0A00).filter_map(char::from_u32).collect();
    let others = [
        ' ', 'a', ':', '{', '\u{200C}', '\u{200D}', '\u{00A0}', '\u{00AD}', '\u{0301}', '\u{0964}',
        'à',
    ];
    let all: Vec<char> = block.iter().chain(&others).copied().collect();
    for &a in &all {
        for &b in &all {
            check(&format!("{a}{b}"));
            check(&format!("\u{0995}{a}{b}"));
        }
        // A nukta letter and what follows it, which the fast loop reads
        // as one syllable.
        for n in ['\u{09A1}', '\u{09A2}', '\u{09AF}'] {
            check(&format!("{n}\u{09BC}{a}"));
            check(&format!("\u{0995}\u{09C7}{n}\u{09BC}{a}"));
        }
    }
    // The look-back rules: ে before a consonant (+ nukta) and া/ৗ, ে ঁ া.
    let some = [
        '\u{0995}', '\u{09AC}', '\u{09A1}', '\u{09BC}', '\u{09C7}', '\u{09BE}', '\u{09D7}',
        '\u{0981}', '\u{09CD}', '\u{0985}', ' ', '\u{09BF}',
    ];
    for &a in &some {
        for &b in &some {
            for &c in &some {
                for &d in &some {
                    check(&format!("{a}{b}{c}{d}"));
                }
            }
        }
    }
}
