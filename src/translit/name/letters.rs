//! How each Bengali letter is spelled in English-language news, with the
//! less usual spellings as scored alternatives (a cost of 0 is the default;
//! higher costs rank lower among the candidates).
//!
//! A cost is −ln(n_alt / n_best): how much rarer the alternative is than the
//! default spelling of the same letter. The counts come from aligning the
//! rule spellings with the English names of the odd-numbered rows of the
//! person-names dev set (the even rows were kept for checking): every
//! option a name's spelling can go through is credited by the share of the
//! alignments that use it, ½ is added to each count, and the result is
//! rounded and capped at 3 so that rarely seen spellings stay reachable.
//! Summed over a name, the costs are then −ln of the spelling's relative
//! probability, which is what the whole-name beam ranks by. Costs with too
//! few observations (fewer than about 10) kept their hand-set values.
//! Examples of the counts: জ was j 58 times and z 54 times (z costs 0.1);
//! ু was u 167 times, oo 13, o once (o costs 3: it was 0.7 and used a
//! top-5 slot in most names with a ু).

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
    ('ক', &[("k", 0.0), ("c", 1.0), ("q", 2.0)]),
    ('খ', &[("kh", 0.0), ("k", 2.5)]),
    ('গ', &[("g", 0.0), ("gh", 2.1)]),
    ('ঘ', &[("gh", 0.0), ("g", 0.9)]),
    ('ঙ', &[("ng", 0.0)]),
    ('চ', &[("ch", 0.0), ("c", 2.5)]),
    ('ছ', &[("ch", 0.0), ("chh", 0.6)]),
    ('জ', &[("j", 0.0), ("z", 0.1), ("g", 2.5)]),
    ('ঝ', &[("jh", 0.0), ("j", 0.8)]),
    ('ঞ', &[("n", 0.0)]),
    ('ট', &[("t", 0.0)]),
    ('ঠ', &[("th", 0.0), ("t", 0.7)]),
    ('ড', &[("d", 0.0)]),
    ('ঢ', &[("dh", 0.0), ("d", 0.9)]),
    ('ণ', &[("n", 0.0)]),
    ('ত', &[("t", 0.0), ("th", 2.5)]),
    ('থ', &[("th", 0.0), ("t", 2.0)]),
    ('দ', &[("d", 0.0), ("dh", 3.0)]),
    ('ধ', &[("dh", 0.0), ("d", 2.5)]),
    ('ন', &[("n", 0.0)]),
    ('প', &[("p", 0.0)]),
    ('ফ', &[("f", 0.0), ("ph", 2.0)]),
    ('ব', &[("b", 0.0), ("v", 1.6)]),
    ('ভ', &[("v", 0.0), ("bh", 1.6)]),
    ('ম', &[("m", 0.0)]),
    ('য', &[("j", 0.0), ("z", 0.5), ("y", 0.8)]),
    ('র', &[("r", 0.0)]),
    ('ল', &[("l", 0.0)]),
    ('শ', &[("sh", 0.0), ("s", 1.9)]),
    ('ষ', &[("sh", 0.0), ("s", 1.5)]),
    ('স', &[("s", 0.0), ("sh", 2.5)]),
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
    ('য', &[("y", 0.0), ("", 0.4)]),    // য়
];

/// Conjuncts spelled as a whole, not letter by letter.
#[rustfmt::skip]
pub(crate) const CONJUNCTS: &[(&str, &[Spelling])] = &[
    ("ক্ষ", &[("ksh", 0.0), ("kh", 0.6), ("x", 1.2)]),
    ("জ্ঞ", &[("gy", 0.0), ("gn", 0.8)]),
    ("ঙ্গ", &[("ng", 0.0), ("ngg", 2.9)]),
    ("ঙ্ক", &[("nk", 0.0)]),
    ("ঞ্জ", &[("nj", 0.0)]),
    ("ঞ্চ", &[("nch", 0.0)]),
    ("হ্ম", &[("hm", 0.0)]),
    ("শ্ব", &[("sw", 0.0), ("shw", 0.8)]),
    ("ক্স", &[("x", 0.0), ("ks", 2.5)]),
];

/// Vowels: the independent letter, its sign, and the spellings.
#[rustfmt::skip]
pub(crate) const VOWELS: &[(char, Option<char>, &[Spelling])] = &[
    ('অ', None,      &[("a", 0.0), ("o", 0.6)]),
    ('আ', Some('া'), &[("a", 0.0), ("aa", 3.0)]),
    ('ই', Some('ি'), &[("i", 0.0), ("e", 2.8), ("ee", 3.0)]),
    ('ঈ', Some('ী'), &[("i", 0.0), ("ee", 1.4), ("y", 3.0)]),
    ('উ', Some('ু'), &[("u", 0.0), ("oo", 2.5), ("ou", 2.9), ("o", 3.0)]),
    ('ঊ', Some('ূ'), &[("u", 0.0), ("oo", 0.7)]),
    ('ঋ', Some('ৃ'), &[("ri", 0.0), ("r", 2.4)]),
    ('এ', Some('ে'), &[("e", 0.0), ("a", 1.7), ("i", 3.0)]),
    ('ঐ', Some('ৈ'), &[("ai", 0.0), ("oi", 0.7)]),
    ('ও', Some('ো'), &[("o", 0.0), ("u", 2.8)]),
    ('ঔ', Some('ৌ'), &[("ou", 0.0), ("au", 0.5)]),
];

/// The inherent vowel of a word's first syllable: `a` in names (Rahman,
/// Anupam), `o` as the Bengali pronunciation (Nipon, Tapon; 43 times in 131).
pub(crate) const INHERENT: &[Spelling] = &[("a", 0.0), ("o", 0.8)];

/// Candrabindu, anusvara, visarga.
#[rustfmt::skip]
pub(crate) const MODIFIERS: &[(char, &[Spelling])] = &[
    ('\u{0981}', &[("", 0.0), ("n", 0.8)]),   // ঁ nasal vowel: Chand, not Chann
    ('\u{0982}', &[("ng", 0.0), ("n", 1.2)]), // ং
    ('\u{0983}', &[("h", 0.0), ("", 0.5)]),   // ঃ
];
