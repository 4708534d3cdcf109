//! The ISO 15919 tables for Bengali, in both directions.
//!
//! The forward direction looks each Bengali code point up in these rows; the
//! reverse direction builds its longest-match automaton from the very same
//! rows, so the two can never disagree. Latin strings are written in NFC
//! (what the reverse direction compares against after NFC-ing its input);
//! `r̥`, `l̥` and `m̐` have no precomposed form and stay as base + mark.

/// Consonants: Bengali (one code point, or a consonant + nukta for the
/// nukta letters that NFC keeps decomposed) → Latin.
#[rustfmt::skip]
pub(crate) const CONSONANTS: &[(&str, &str)] = &[
    ("\u{0995}", "k"),  ("\u{0996}", "kh"), ("\u{0997}", "g"),  ("\u{0998}", "gh"), ("\u{0999}", "ṅ"),  // ক খ গ ঘ ঙ
    ("\u{099A}", "c"),  ("\u{099B}", "ch"), ("\u{099C}", "j"),  ("\u{099D}", "jh"), ("\u{099E}", "ñ"),  // চ ছ জ ঝ ঞ
    ("\u{099F}", "ṭ"),  ("\u{09A0}", "ṭh"), ("\u{09A1}", "ḍ"),  ("\u{09A2}", "ḍh"), ("\u{09A3}", "ṇ"),  // ট ঠ ড ঢ ণ
    ("\u{09A4}", "t"),  ("\u{09A5}", "th"), ("\u{09A6}", "d"),  ("\u{09A7}", "dh"), ("\u{09A8}", "n"),  // ত থ দ ধ ন
    ("\u{09AA}", "p"),  ("\u{09AB}", "ph"), ("\u{09AC}", "b"),  ("\u{09AD}", "bh"), ("\u{09AE}", "m"),  // প ফ ব ভ ম
    ("\u{09AF}", "y"),  ("\u{09B0}", "r"),  ("\u{09B2}", "l"),                                          // য র ল
    ("\u{09B6}", "ś"),  ("\u{09B7}", "ṣ"),  ("\u{09B8}", "s"),  ("\u{09B9}", "h"),                      // শ ষ স হ
    ("\u{09A1}\u{09BC}", "ṛ"), ("\u{09A2}\u{09BC}", "ṛh"), ("\u{09AF}\u{09BC}", "ẏ"),                  // ড় ঢ় য়
    ("\u{09F0}", "ṟ"),  ("\u{09F1}", "w"),                                                              // ৰ ৱ (Assamese)
];

/// Vowels: the independent letter (if any), the dependent sign (if any), Latin.
/// After a consonant the Latin stands for the sign; `a` after a consonant is
/// the inherent vowel and writes nothing. ৗ (the au length mark, a sign with
/// no letter) is `au̯` so that a consonant + ৗ stays distinct from ৌ.
#[rustfmt::skip]
pub(crate) const VOWELS: &[(Option<char>, Option<char>, &str)] = &[
    (Some('\u{0985}'), None,             "a"),    // অ  (inherent)
    (Some('\u{0986}'), Some('\u{09BE}'), "ā"),    // আ া
    (Some('\u{0987}'), Some('\u{09BF}'), "i"),    // ই ি
    (Some('\u{0988}'), Some('\u{09C0}'), "ī"),    // ঈ ী
    (Some('\u{0989}'), Some('\u{09C1}'), "u"),    // উ ু
    (Some('\u{098A}'), Some('\u{09C2}'), "ū"),    // ঊ ূ
    (Some('\u{098B}'), Some('\u{09C3}'), "r̥"),    // ঋ ৃ
    (Some('\u{09E0}'), Some('\u{09C4}'), "r̥̄"),    // ৠ ৄ
    (Some('\u{098C}'), Some('\u{09E2}'), "l̥"),    // ঌ ৢ
    (Some('\u{09E1}'), Some('\u{09E3}'), "l̥̄"),    // ৡ ৣ
    (Some('\u{098F}'), Some('\u{09C7}'), "e"),    // এ ে
    (Some('\u{0990}'), Some('\u{09C8}'), "ai"),   // ঐ ৈ
    (Some('\u{0993}'), Some('\u{09CB}'), "o"),    // ও ো
    (Some('\u{0994}'), Some('\u{09CC}'), "au"),   // ঔ ৌ
    (None,             Some('\u{09D7}'), "au̯"),   //   ৗ
];

/// Signs and marks that are written the same wherever they stand.
#[rustfmt::skip]
pub(crate) const MARKS: &[(char, &str, MarkKind)] = &[
    ('\u{0981}', "m̐", MarkKind::Modifier),  // ঁ candrabindu
    ('\u{0982}', "ṁ", MarkKind::Modifier),  // ং anusvara: ṁ whatever follows (বান্দা ≠ বাংদা)
    ('\u{0983}', "ḥ", MarkKind::Modifier),  // ঃ visarga
    ('\u{09CE}', "ṯ", MarkKind::Modifier),  // ৎ khanda ta (ত্ is `t`)
    ('\u{09CD}', "ʼ", MarkKind::Virama),    // ্ where no consonant precedes it (অ্যা = aʼyā)
    ('\u{09BC}', "\u{0324}", MarkKind::Nukta), // ় on a consonant other than ড ঢ য: k̤
    ('\u{200D}', "~", MarkKind::Joiner),    // ZWJ  (র‍্যাব = ra~ʼyāba)
    ('\u{200C}', "_", MarkKind::Joiner),    // ZWNJ (ক্‌ষ = k_ṣa)
];

/// What a row of [`MARKS`] does in the reverse direction.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum MarkKind {
    /// Stands alone; ends a consonant's syllable (which then takes a virama).
    Modifier,
    /// An explicit virama. After a consonant the virama is implicit (no vowel
    /// written), so this only appears where no consonant precedes.
    Virama,
    /// Belongs to the consonant before it.
    Nukta,
    /// ZWJ / ZWNJ.
    Joiner,
}

/// Bengali digits ০–৯ are written as ASCII digits, so ASCII digits of the
/// source are escaped (see the module docs).
pub(crate) const DIGITS: [(char, &str); 10] = [
    ('\u{09E6}', "0"),
    ('\u{09E7}', "1"),
    ('\u{09E8}', "2"),
    ('\u{09E9}', "3"),
    ('\u{09EA}', "4"),
    ('\u{09EB}', "5"),
    ('\u{09EC}', "6"),
    ('\u{09ED}', "7"),
    ('\u{09EE}', "8"),
    ('\u{09EF}', "9"),
];

/// Spellings the reverse direction also accepts, never produced by the
/// forward direction: common alternatives in other romanizations.
#[rustfmt::skip]
pub(crate) const REVERSE_ALIASES: &[(&str, &str)] = &[
    ("ṃ", "ṁ"),   // anusvara with dot below (IAST)
    ("ē", "e"),   // ISO 15919's long e / o, for readers who write them
    ("ō", "o"),
];

/// Between two letters, stops the reverse direction from reading them as one
/// (`ka:i` কই, not `kai` কৈ; `k:ha` ক্হ, not `kha` খ; `k:i` ক্ই, not `ki` কি).
pub(crate) const SEPARATOR: char = ':';
/// Opens a verbatim run: everything up to [`ESCAPE_CLOSE`] is copied as is.
pub(crate) const ESCAPE_OPEN: char = '{';
/// Closes a verbatim run.
pub(crate) const ESCAPE_CLOSE: char = '}';
