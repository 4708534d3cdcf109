//! Table-driven tests of transliteration through the public API.

use bengali_names::translit::{Iso15919, Scheme};

/// (Bengali, ISO 15919) pairs, written with explicit code points where an
/// editor could change them.
const ISO_CASES: &[(&str, &str)] = &[
    ("বাংলাদেশ", "bāṁlādeśa"),
    ("ঢাকা", "ḍhākā"),
    ("অংশই", "aṁśa:i"),
    ("অংশৈ", "aṁśai"),
    ("বউ", "ba:u"),
    ("বৌ", "bau"),
    ("বান্দা", "bāndā"),
    ("বাংদা", "bāṁdā"),
    ("উৎসব", "uṯsaba"),
    (
        "\u{0989}\u{09A4}\u{09CD}\u{200D}\u{09B8}\u{09AC}",
        "ut~saba",
    ),
    ("\u{09AF}\u{09BE}\u{09AF}\u{09BC}", "yāẏa"),
    ("\u{09AF}\u{09BE}\u{09DF}", "yāẏa"),
    ("\u{09AC}\u{09CD}\u{09AF}\u{09BE}\u{0982}\u{0995}", "byāṁka"),
    (
        "\u{0985}\u{09CD}\u{09AF}\u{09BE}\u{09B8}\u{09BF}\u{09A1}",
        "aʼyāsiḍa",
    ),
    (
        "\u{09B0}\u{200D}\u{09CD}\u{09AF}\u{09BE}\u{09AC}",
        "ra~ʼyāba",
    ),
    ("\u{0995}\u{09CD}\u{200C}\u{09B7}", "k_ṣa"),
    ("চাঁদ", "cām̐da"),
    ("দুঃখ", "duḥkha"),
    ("পড়া", "paṛā"),
    ("আষাঢ়", "āṣāṛha"),
    ("ঋষি", "r̥ṣi"),
    ("কৃষ্ণ", "kr̥ṣṇa"),
    ("১৯৭১ সালে", "1971 sāle"),
    ("1971 সালে", "{1971} sāle"),
    ("পুতিন (Putin)", "putina ({Putin})"),
    ("সময় ১০:৩০", "samaẏa 10:30"),
    ("ক:খ", "ka{:}kha"),
];

#[test]
fn iso_both_ways() {
    let iso = Iso15919::new();
    for &(bn, latin) in ISO_CASES {
        assert_eq!(iso.to_latin(bn), latin, "to_latin({bn:?})");
        let display = bengali_names::Normalizer::new()
            .normalize_str(bn)
            .into_owned();
        assert_eq!(iso.to_bengali(latin), display, "to_bengali({latin:?})");
    }
}

#[test]
fn latin_input_may_be_decomposed_or_capitalized() {
    let iso = Iso15919::new();
    for latin in [
        "ḍhākā",
        "d\u{0323}ha\u{0304}ka\u{0304}",
        "Ḍhākā",
        "D\u{0323}HĀKĀ",
    ] {
        assert_eq!(iso.to_bengali(latin), "ঢাকা", "{latin:?}");
    }
}

#[test]
fn schemes_parse_and_print() {
    for scheme in [Scheme::Iso15919, Scheme::Name] {
        assert_eq!(scheme.to_string().parse::<Scheme>(), Ok(scheme));
    }
    assert!("latin".parse::<Scheme>().is_err());
}

#[test]
fn gazetteer_names_whole_and_in_parts() {
    use bengali_names::translit::{GazetteerNames, KnownNames, NameRomanizer};
    let with = NameRomanizer::builder().gazetteer().build();
    let without = NameRomanizer::new();
    assert_eq!(with.romanize("ভ্লাদিমির পুতিন"), "Vladimir Putin");
    assert_eq!(with.romanize("পিয়ংইয়ং"), "Pyongyang");
    // An alias spelling maps to the canonical name too.
    assert_eq!(with.romanize("ভ্লাদিমির পুটিন"), "Vladimir Putin");
    // Without the gazetteer the rules spell it as written.
    assert_ne!(without.romanize("পিয়ংইয়ং"), "Pyongyang");
    // A person's name part helps in a name the gazetteer does not know,
    // and the curated lexicon still wins for its own parts.
    let names = GazetteerNames::embedded();
    assert_eq!(names.english_name("ভ্লাদিমির রহমান"), None);
    assert_eq!(with.romanize("ভ্লাদিমির রহমান"), "Vladimir Rahman");
    // The whole name comes first among the candidates.
    let top = with.candidates("ভ্লাদিমির পুতিন", 3);
    assert_eq!(top[0].text, "Vladimir Putin");
    assert!((top[0].score - 1.0).abs() < 1e-6);
}

#[test]
fn cli_uses_the_gazetteer_unless_told_not_to() {
    use std::io::Write;
    use std::process::{Command, Stdio};
    let run = |extra: &[&str]| {
        let mut child = Command::new(env!("CARGO_BIN_EXE_bengali-names"))
            .args(["translit", "--scheme", "name"])
            .args(extra)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .spawn()
            .unwrap();
        child
            .stdin
            .take()
            .unwrap()
            .write_all("পিয়ংইয়ং\nরহমান\n".as_bytes())
            .unwrap();
        let out = child.wait_with_output().unwrap();
        assert!(out.status.success());
        String::from_utf8(out.stdout).unwrap()
    };
    assert_eq!(run(&[]), "Pyongyang\nRahman\n");
    let alone = run(&["--no-gazetteer"]);
    assert!(alone.ends_with("\nRahman\n") && !alone.starts_with("Pyongyang"));
    let top = run(&["--top", "2"]);
    assert!(top.starts_with("Pyongyang\t"), "{top}");
}
