//! How each Bengali letter is spelled in English-language news, with the
//! less usual spellings as scored alternatives (a cost of 0 is the default;
//! higher costs rank lower among the candidates).

/// One spelling and its cost.
pub(crate) type Spelling = (&'static str, f32);

/// Consonants. Foreign-name conventions are alternatives: ফ → ph
/// (Bengali names write ফ as f far more often), জ/য → z, ব → v, ক → c.
/// ভ is v first: English-language news writes it so for foreign names
/// (Victor, David) and for most Indian ones (Vikram, Javed); bh is the
/// Bengali reading (Bhabani). স is s: Bengali says it sh, but names are
/// written with s (Sumon, Hasan), so sh is a distant alternative.
#[rustfmt::skip]
pub(crate) const CONSONANTS: &[(char, &[Spelling])] = &[
    ('ক', &[("k", 0.0), ("c", 0.6), ("q", 1.2)]),
    ('খ', &[("kh", 0.0), ("k", 0.9)]),
    ('গ', &[("g", 0.0)]),
    ('ঘ', &[("gh", 0.0), ("g", 0.9)]),
    ('ঙ', &[("ng", 0.0)]),
    ('চ', &[("ch", 0.0), ("c", 1.0)]),
    ('ছ', &[("ch", 0.0), ("chh", 0.6)]),
    ('জ', &[("j", 0.0), ("z", 0.4), ("g", 1.2)]),
    ('ঝ', &[("jh", 0.0), ("j", 0.8)]),
    ('ঞ', &[("n", 0.0)]),
    ('ট', &[("t", 0.0)]),
    ('ঠ', &[("th", 0.0), ("t", 0.7)]),
    ('ড', &[("d", 0.0)]),
    ('ঢ', &[("dh", 0.0), ("d", 0.9)]),
    ('ণ', &[("n", 0.0)]),
    ('ত', &[("t", 0.0), ("th", 0.9)]),
    ('থ', &[("th", 0.0), ("t", 0.9)]),
    ('দ', &[("d", 0.0), ("dh", 1.0)]),
    ('ধ', &[("dh", 0.0), ("d", 0.9)]),
    ('ন', &[("n", 0.0)]),
    ('প', &[("p", 0.0)]),
    ('ফ', &[("f", 0.0), ("ph", 0.5)]),
    ('ব', &[("b", 0.0), ("v", 0.7)]),
    ('ভ', &[("v", 0.0), ("bh", 0.4)]),
    ('ম', &[("m", 0.0)]),
    ('য', &[("j", 0.0), ("z", 0.5), ("y", 0.8)]),
    ('র', &[("r", 0.0)]),
    ('ল', &[("l", 0.0)]),
    ('শ', &[("sh", 0.0), ("s", 0.5)]),
    ('ষ', &[("sh", 0.0), ("s", 0.7)]),
    ('স', &[("s", 0.0), ("sh", 1.2)]),
    ('হ', &[("h", 0.0)]),
    ('ৎ', &[("t", 0.0)]),
    ('ৰ', &[("r", 0.0)]),
    ('ৱ', &[("w", 0.0)]),
];

/// The nukta letters (display form: base + U+09BC).
#[rustfmt::skip]
pub(crate) const NUKTA_CONSONANTS: &[(char, &[Spelling])] = &[
    ('ড', &[("r", 0.0), ("d", 1.0)]),   // ড়
    ('ঢ', &[("rh", 0.0), ("r", 0.6)]),  // ঢ়
    ('য', &[("y", 0.0), ("", 1.0)]),    // য়
];

/// Conjuncts spelled as a whole, not letter by letter.
#[rustfmt::skip]
pub(crate) const CONJUNCTS: &[(&str, &[Spelling])] = &[
    ("ক্ষ", &[("ksh", 0.0), ("kh", 0.6), ("x", 1.2)]),
    ("জ্ঞ", &[("gy", 0.0), ("gn", 0.8)]),
    ("ঙ্গ", &[("ng", 0.0), ("ngg", 1.0)]),
    ("ঙ্ক", &[("nk", 0.0)]),
    ("ঞ্জ", &[("nj", 0.0)]),
    ("ঞ্চ", &[("nch", 0.0)]),
    ("হ্ম", &[("hm", 0.0)]),
    ("শ্ব", &[("sw", 0.0), ("shw", 0.6)]),
    ("ক্স", &[("x", 0.0), ("ks", 0.5)]),
];

/// Vowels: the independent letter, its sign, and the spellings.
#[rustfmt::skip]
pub(crate) const VOWELS: &[(char, Option<char>, &[Spelling])] = &[
    ('অ', None,      &[("a", 0.0), ("o", 0.6)]),
    ('আ', Some('া'), &[("a", 0.0), ("aa", 1.6)]),
    ('ই', Some('ি'), &[("i", 0.0), ("e", 1.0), ("ee", 1.2)]),
    ('ঈ', Some('ী'), &[("i", 0.0), ("ee", 0.7), ("y", 1.0)]),
    ('উ', Some('ু'), &[("u", 0.0), ("o", 0.7), ("oo", 1.0), ("ou", 1.2)]),
    ('ঊ', Some('ূ'), &[("u", 0.0), ("oo", 0.7)]),
    ('ঋ', Some('ৃ'), &[("ri", 0.0), ("r", 1.0)]),
    ('এ', Some('ে'), &[("e", 0.0), ("a", 0.9), ("i", 1.1)]),
    ('ঐ', Some('ৈ'), &[("oi", 0.0), ("ai", 0.5)]),
    ('ও', Some('ো'), &[("o", 0.0), ("u", 1.0)]),
    ('ঔ', Some('ৌ'), &[("ou", 0.0), ("au", 0.5)]),
];

/// The inherent vowel where it is pronounced: `a` in names (Rahman, Anupam),
/// `o` as the Bengali pronunciation (Nipon, Tapon).
pub(crate) const INHERENT: &[Spelling] = &[("a", 0.0), ("o", 0.6)];

/// Candrabindu, anusvara, visarga.
#[rustfmt::skip]
pub(crate) const MODIFIERS: &[(char, &[Spelling])] = &[
    ('\u{0981}', &[("", 0.0), ("n", 0.8)]),   // ঁ nasal vowel: Chand, not Chann
    ('\u{0982}', &[("ng", 0.0), ("n", 0.9)]), // ং
    ('\u{0983}', &[("h", 0.0), ("", 0.5)]),   // ঃ
];
