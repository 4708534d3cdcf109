use super::*;
use proptest::prelude::*;

type Row = (Range<usize>, usize, u32, MatchKind, u32, Range<u32>, Which);

fn rows(run: impl FnOnce(&mut dyn FnMut(Found))) -> Vec<Row> {
    let mut out = Vec::new();
    run(&mut |f: Found| {
        out.push((
            f.span,
            f.stem_end,
            f.target,
            f.kind,
            f.score.to_bits(),
            f.alternatives,
            f.table,
        ));
    });
    out
}

/// The fused fast path and the reference path (normalize the whole
/// text, then encode, then search) give identical mentions.
fn same_both_ways(matcher: &Matcher, text: &str) {
    let fast = rows(|emit| search_block(matcher, &mut State::default(), text, emit));
    let slow = rows(|emit| search_slow(matcher, &mut State::default(), text, 0..text.len(), emit));
    assert_eq!(fast, slow, "{text:?}");
    let mut key = Key::default();
    let display = matcher.normalizer.normalize_str(text);
    let mut reference = Key::default();
    reference.encode(&matcher.encoder, &display);
    let mut hits = 0;
    if let Some(automaton) = &matcher.exact.automaton {
        for &start in reference.tokens() {
            automaton.prefixes(reference.bytes(), start as usize, |_, _| hits += 1);
        }
    }
    assert_eq!(
        count_stem_hits(matcher, &mut key, &display),
        hits,
        "{text:?}"
    );
}

fn matchers() -> [&'static Matcher; 2] {
    static EXACT: std::sync::OnceLock<Matcher> = std::sync::OnceLock::new();
    let exact = EXACT.get_or_init(|| {
        Matcher::builder()
            .variants(false)
            .build(crate::Gazetteer::embedded())
            .unwrap()
    });
    [Matcher::embedded(), exact]
}

const TABLE: &[&str] = &[
    "",
    "রাশিয়ার প্রেসিডেন্ট ভ্লাদিমির পুতিনের সঙ্গে দেখা করবেন DPRK-এর নেতা",
    "উত্তর কোরিয়াতেই, রাশিয়াকেও এবং ভ্লাদিমির পুতিনেরই।\nঢাকা॥ চীন",
    // Dirty: U+09DF য় as one code point, a soft hyphen, e-kar before its consonant.
    "রাশি\u{09DF}ার নেতা\nঢাকা\u{00AD}র মেয়র\n\u{09C7}কা\u{09BE}রিয়া ও চীন",
    "ঢাকা\nরাশি\u{09DF}া\nঢাকা\n",
    "সের্গেই শোইগু এলেন।\nশো\u{200B}ইগু বলেন। শোইগু\u{200D}র কথা",
    "DPRK\u{2011}এর নেতা “উত্তর কোরিয়া” — North Korea’s ঢাকা–চট্টগ্রাম",
    "José Ramos-Horta ও পূর্ব তিমুর\n中国 ও চীন; ঢাকা\u{00A0}শহর",
    "অ\u{09BE}মেরিকা ও যুক্তরাষ্ট্র\r\nভ্লাদিভোস্টকের ভ্লাদিভস্তোক",
    // A nukta on nothing at a line's start, in a line the display
    // rules change (the no-break space): the loose fold must not read
    // the line break before it (found by the property test below).
    "\n\u{09BC}রাশিয়া\u{00A0}",
    "ঢাকা-",
    "-ঢাকা ‑ঢাকা\u{2010}র",
    "ক\u{09CD}\u{09BC} ব\u{09BC}াংলাদেশ বাংলাদেশ\u{0301}",
    "উৎস ৰাশিয়া ৱ ১৯৭১ সালে বাংলাদেশ",
    // Words met again, before and after the full name they part.
    "শোইগু বলেন। সের্গেই শোইগু এলেন। শোইগু বলেন। শোইগুর কথা, শোইগু।",
    // News writes ড় ঢ় য় precomposed; the e-kar before a য় then া is
    // typed in visual order (D4) and sends the line the slow way.
    "ঢাকা বিশ্ববিদ্যাল\u{09DF}ের ছাত্র, কোরি\u{09DF}া\u{09DF} ও পঞ্চগ\u{09DC}ে গেলেন\nকে\u{09DF}া \u{09C7}\u{09DF}\u{09BE}রা রাশি\u{09DF}া",
    // A walk that dies inside a word, whose rest then runs into a
    // Bengali character that is no word character (৳, ৺): a token
    // starts right after it.
    "রাশিয়ানকারী৳রাশিয়া ঢাকাবাসী৺ঢাকা",
];

#[test]
fn a_word_met_again_is_decided_again_for_the_document() {
    // The memory of words keeps which keys passed the tail check, not
    // whom they named: the surname alone links only once the full
    // name came, however often the word was met before.
    let text = "শোইগু বলেন। শোইগু বলেন। সের্গেই শোইগু এলেন। শোইগু বলেন। শোইগুর কথা।";
    for matcher in matchers() {
        let kinds: Vec<(&str, MatchKind)> = matcher
            .find_iter(text)
            .map(|m| (&text[m.span()], m.match_kind()))
            .collect();
        assert_eq!(
            kinds,
            [
                ("সের্গেই শোইগু", MatchKind::Exact),
                ("শোইগু", MatchKind::Partial),
                ("শোইগুর", MatchKind::Partial),
            ],
            "{text}"
        );
    }
}

#[test]
fn a_place_takes_no_plural_of_persons() {
    // ত্রিপুরাদের is the Tripura people; ত্রিপুরার the state. A person
    // takes the plural: পুতিনরা is Putin and those with him.
    for matcher in matchers() {
        let found = |text: &str| -> Vec<String> {
            matcher
                .find_iter(text)
                .map(|m| text[m.span()].to_owned())
                .collect()
        };
        assert_eq!(found("ত্রিপুরাদের গ্রাম"), Vec::<String>::new());
        assert_eq!(found("ত্রিপুরার রাজধানী"), ["ত্রিপুরার"]);
        assert_eq!(found("ভ্লাদিমির পুতিনরা এলেন"), ["ভ্লাদিমির পুতিনরা"]);
    }
}

#[test]
fn precomposed_nukta_letters_read_as_their_display_form() {
    // The same sentence with ড় and য় precomposed (as news writes them)
    // and decomposed (as display text holds them): the same entities,
    // and stems and suffixes split at the same letters.
    let precomposed = "ঢাকা বিশ্ববিদ্যাল\u{09DF}ের ছাত্র পঞ্চগ\u{09DC}ে, রাশি\u{09DF}া\u{09DF}";
    let mut decomposed = String::new();
    crate::normalize::display::push_decomposing_nukta_forms(
        precomposed,
        0..precomposed.len(),
        &mut decomposed,
        &mut OffsetMap::identity(),
    );
    for matcher in matchers() {
        let read = |text: &str| -> Vec<(String, String, String)> {
            matcher
                .find_iter(text)
                .map(|m| {
                    let stem = matcher.normalizer.normalize_str(&text[m.stem_span()]);
                    let suffix = matcher.normalizer.normalize_str(&text[m.suffix_span()]);
                    (
                        m.entity().id().to_owned(),
                        stem.into_owned(),
                        suffix.into_owned(),
                    )
                })
                .collect()
        };
        let got = read(precomposed);
        assert_eq!(got, read(&decomposed), "{precomposed}");
        let suffixes: Vec<&str> = got.iter().map(|(_, _, s)| s.as_str()).collect();
        assert_eq!(suffixes, ["ের", "ে", "য\u{09BC}"], "{got:?}");
    }
}

#[test]
fn fused_and_reference_paths_agree_on_a_table() {
    for matcher in matchers() {
        for text in TABLE {
            same_both_ways(matcher, text);
        }
    }
}

#[test]
fn no_key_reaches_across_a_line_break() {
    // U+2028 folds to a line break: such an alias is dropped, since the
    // fast path takes each line on its own.
    let tsv = format!(
        "{}\ns:1\tcity\tS1\tঢাকা\u{2028}শহর\t\t\t\t\t\t\tsynthetic\n",
        crate::gazetteer::HEADER
    );
    let gazetteer = crate::Gazetteer::builder()
        .embedded(false)
        .lenient(true)
        .add_str("t.tsv", &tsv)
        .build()
        .unwrap();
    let matcher = Matcher::builder()
        .variants(false)
        .build(&gazetteer)
        .unwrap();
    let spans: Vec<Range<usize>> = matcher.find_iter("ঢাকা\nশহর").map(|m| m.span()).collect();
    assert!(spans.is_empty(), "{spans:?}");
}

/// Lines the fast path takes and lines it hands to the slow one, from
/// random characters rather than words.
#[test]
fn fast_and_reference_paths_agree_on_mixed_lines() {
    for text in [
        "ঢাকা-র রাশিয়া\u{2011}কে\nউত্তর কোরিয়া।ঢাকা\u{200D}র",
        "DPRK-এর DPRK- -DPRK north korea NORTH KOREA\n",
        "ঢাকা\u{09DF}\nঢাকা ঢাকা\n\né ঢাকা",
        "উত্তর \u{2003}কোরিয়া উত্তর\tকোরিয়া উত্তর  কোরিয়া\r\nঢাকা",
        "ক্রিয়া\u{0981}ঢাকা ৎঢাকা",
    ] {
        for matcher in matchers() {
            same_both_ways(matcher, text);
        }
    }
}

proptest! {
    #[test]
    fn fast_and_reference_paths_agree_on_random_chars(
        text in "[ঢাকারশিয়উত্তরকোঃংঁ \\-\t\nA-Za-z\u{09DF}\u{09C7}\u{09BE}\u{200D}\u{200C}\u{2011}\u{2019}।é\u{0301}°€中\u{09DC}\u{09DD}\u{09D7}\u{0981}\u{09BC}\u{09CD}]{0,40}",
    ) {
        for matcher in matchers() {
            same_both_ways(matcher, &text);
        }
    }

    #[test]
    fn fused_and_reference_paths_agree_on_random_text(
        pieces in proptest::collection::vec(prop_oneof![
            Just("রাশিয়া"), Just("র"), Just("কে"), Just("ের"), Just("ঢাকা"),
            Just("উত্তর"), Just(" "), Just("কোরিয়া"), Just("পুতিন"), Just("ভ্লাদিমির"),
            Just("\n"), Just("।"), Just("-"), Just("\u{2011}"), Just("DPRK"), Just("dprk"),
            Just("\u{09DF}"), Just("\u{09C7}"), Just("\u{09BE}"), Just("\u{09BC}"),
            Just("\u{00AD}"), Just("\u{200D}"), Just("\u{200C}"), Just("\u{2019}"),
            Just("\u{00A0}"), Just("\u{0301}"), Just("é"), Just("中"), Just("অ"),
            Just("ৎ"), Just("শোইগু"), Just("সের্গেই"), Just("\t"), Just("\r"), Just("৭"),
            Just("°"), Just("€"), Just("ا"), Just("\u{09DC}"), Just("য\u{09BC}"),
            Just("\u{09C7}য\u{09BC}\u{09BE}"), Just("ক\u{09C7}\u{09DF}\u{09BE}"),
            Just("\u{09DF}\u{09BE}"), Just("\u{09DF}\u{09D7}"), Just("\u{09DF}\u{09CD}"),
        ], 0..24),
    ) {
        let text: String = pieces.concat();
        for matcher in matchers() {
            same_both_ways(matcher, &text);
        }
    }
}
