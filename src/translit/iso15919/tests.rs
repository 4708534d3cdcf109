use super::Iso15919;
use crate::Normalizer;

fn round_trip(text: &str) {
    let iso = Iso15919::new();
    let latin = iso.to_latin(text);
    let back = iso.to_bengali(&latin);
    let display = Normalizer::new().normalize_str(text);
    assert_eq!(back, display, "latin {latin:?}");
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
        assert_eq!(iso.to_latin(bn), latin, "{bn:?}");
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
