//! Units → spelling options, and the k best spellings of a word.

use super::letters::{
    Spelling, CONJUNCTS, CONSONANTS, INHERENT, MODIFIERS, NUKTA_CONSONANTS, VOWELS,
};
use super::syllables::{loan_cluster, Unit, Vowel};
use crate::script::chars;

/// The options for one piece of a word, cheapest first.
pub(crate) type Options = Vec<Spelling>;

/// Bengali digits and the ASCII digits news writes for them.
const DIGITS: [(char, &str); 10] = [
    ('০', "0"),
    ('১', "1"),
    ('২', "2"),
    ('৩', "3"),
    ('৪', "4"),
    ('৫', "5"),
    ('৬', "6"),
    ('৭', "7"),
    ('৮', "8"),
    ('৯', "9"),
];

fn consonant(c: char, nukta: bool) -> &'static [Spelling] {
    let table = if nukta { NUKTA_CONSONANTS } else { CONSONANTS };
    table.iter().find(|row| row.0 == c).map_or(&[], |row| row.1)
}

fn vowel(c: char) -> &'static [Spelling] {
    VOWELS
        .iter()
        .find(|row| row.0 == c || row.1 == Some(c))
        .map_or(&[], |row| row.2)
}

/// The vowel letter a unit's vowel stands for, if it has one.
fn vowel_letter(unit: &Unit) -> Option<char> {
    match unit.vowel {
        Vowel::Sign(s) | Vowel::Letter(s) => VOWELS
            .iter()
            .find(|row| row.0 == s || row.1 == Some(s))
            .map(|row| row.0),
        _ => None,
    }
}

/// The spelling options of a word's units, piece by piece.
pub(crate) fn spell(units: &[Unit]) -> Vec<Options> {
    let mut pieces = Vec::new();
    for (i, unit) in units.iter().enumerate() {
        let prev = i.checked_sub(1).and_then(|p| units.get(p));
        let next = units.get(i + 1);
        if let Some(c) = unit.other {
            if let Some(&(_, ascii)) = DIGITS.iter().find(|d| d.0 == c) {
                pieces.push(vec![(ascii, 0.0)]);
            }
            continue;
        }
        // ইয়া at the start of a word is ya (ইয়াসমিন Yasmin, ইয়েটস Yates).
        let initial_i = i == 1 && units.first().is_some_and(|u| u.vowel == Vowel::Letter('ই'));
        cluster(unit, prev, next.is_none(), initial_i, &mut pieces);
        pieces.push(vowel_options(units, i));
        // ং before ক খ গ ঘ is the n of nk and ng: the g of its usual ng
        // would be written twice (শংকর Shankar, পংকজ Pankaj, সংগীত Sangeet).
        let velar_next = next
            .and_then(|n| n.cluster.first())
            .is_some_and(|&(c, nukta)| !nukta && matches!(c, 'ক' | 'খ' | 'গ' | 'ঘ'));
        for &m in &unit.modifiers {
            if m == chars::ANUSVARA && velar_next {
                pieces.push(vec![("n", 0.0), ("ng", 1.0)]);
            } else if let Some(row) = MODIFIERS.iter().find(|row| row.0 == m) {
                pieces.push(row.1.to_vec());
            }
        }
    }
    pieces
}

fn cluster(
    unit: &Unit,
    prev: Option<&Unit>,
    last: bool,
    initial_i: bool,
    pieces: &mut Vec<Options>,
) {
    let letters = &unit.cluster;
    let final_dead = last && letters.len() == 1 && !unit.voiced();
    let mut j = 0;
    while let Some(&(c, nukta)) = letters.get(j) {
        // Conjuncts spelled as a whole (ক্ষ ksh, জ্ঞ gy, ঙ্গ ng).
        if let Some(&(d, false)) = letters.get(j + 1) {
            let mut pair = String::new();
            pair.extend([c, chars::VIRAMA, d]);
            if let Some(row) = CONJUNCTS.iter().find(|row| row.0 == pair) {
                pieces.push(row.1.to_vec());
                j += 2;
                continue;
            }
        }
        let after = j.checked_sub(1).and_then(|p| letters.get(p)).map(|l| l.0);
        let options = match (c, nukta, after) {
            // য-phala: Aditya, Satya; before া it is the English a of
            // loanwords at the start of a word (ম্যাক্স Max, ব্যানার্জি
            // Banerjee: y once in 38), and as often y as not later in a
            // word (কল্যাণী Kalyani, বিদ্যা Vidya; y 5 times in 10).
            ('য', false, Some(_)) if unit.vowel == Vowel::Sign(chars::SIGN_AA) => {
                if prev.is_some() {
                    vec![("", 0.0), ("y", 0.2)]
                } else {
                    vec![("", 0.0), ("y", 3.0)]
                }
            }
            ('য', false, Some(_)) => vec![("y", 0.0), ("", 0.8)],
            // ব-phala: Biswas, Swami; a full b after ম and ব (অম্বর).
            ('ব', false, Some(p)) if p != 'ম' && p != 'ব' => {
                vec![("w", 0.0), ("", 0.7), ("b", 0.8)]
            }
            // ই + য় at the start of a word is English y (Yasmin, Yates):
            // the ই writes nothing and the glide is the y.
            ('য', true, None) if unit.voiced() && initial_i => vec![("y", 0.0), ("", 1.0)],
            // য় after an i-sound is a glide English does not write (Nadia).
            ('য', true, None)
                if unit.voiced()
                    && prev
                        .and_then(vowel_letter)
                        .is_some_and(|v| matches!(v, 'ই' | 'ঈ')) =>
            {
                vec![("", 0.0), ("y", 0.9)]
            }
            // ওয়া → wa: the w is written for ও, so য় writes nothing.
            ('য', true, None)
                if unit.voiced() && prev.is_some_and(|p| p.vowel == Vowel::Letter('ও')) =>
            {
                vec![("", 0.0), ("y", 2.5)]
            }
            // English c before e, i (Frances, Vincent: 3 times in 19) and
            // g before them (Virgil, Angela: 6 in 33, elsewhere 3 in 91).
            ('স', false, None) if letters.len() == 1 && front_vowel(unit) => {
                vec![("s", 0.0), ("c", 2.3), ("sh", 2.5)]
            }
            ('জ', false, None) if letters.len() == 1 && front_vowel(unit) => {
                vec![("j", 0.0), ("z", 0.1), ("g", 1.0)]
            }
            // A final ক is English q (Ishaq, Razzaq: 5 times in 25), never c.
            ('ক', false, _) if final_dead => vec![("k", 0.0), ("q", 1.1), ("c", 3.0)],
            // স said sh stays s in the clusters of loanwords (Stuart,
            // Kristensen) and at the end of a word (Jenkins, Hopkins).
            ('স', false, _) if letters.len() > 1 || final_dead => vec![("s", 0.0)],
            _ => consonant(c, nukta).to_vec(),
        };
        let options = if letters.len() == 1 {
            english_alternatives(options, unit, prev, last)
        } else {
            options
        };
        pieces.push(options);
        j += 1;
    }
}

/// Whether the unit's vowel is one before which English c and g are soft.
fn front_vowel(unit: &Unit) -> bool {
    matches!(unit.vowel, Vowel::Sign('ি' | 'ী' | 'ে'))
}

/// Spellings English gives a single consonant that Bengali cannot show: a
/// doubled letter between vowels (Kettle, Stella, Hassan, Jackie) and at the
/// end of a word after a short vowel (Russell, Scott, Patrick).
fn english_alternatives(
    mut options: Options,
    unit: &Unit,
    prev: Option<&Unit>,
    last: bool,
) -> Options {
    let Some(&(first, _)) = options.first() else {
        return options;
    };
    let Some(&(_, doubled, middle, end)) = DOUBLED.iter().find(|d| d.0 == first) else {
        return options;
    };
    let after_vowel = prev.is_some_and(Unit::voiced);
    if after_vowel && unit.voiced() {
        options.extend(middle.map(|c| (doubled, c)));
    }
    if after_vowel && last && !unit.voiced() {
        options.extend(end.map(|c| (doubled, c)));
    }
    options
}

/// Letters English doubles, their doubled spelling, and its cost between
/// vowels and at the end of a word (`None`: English does not double it
/// there). The costs are −ln of how often the doubled spelling was the
/// reference's, among the single letters a reference spells either way
/// (counted on half of the dev names, smoothed by ½, rounded, at most 3):
/// s is doubled between vowels 11 times in 40, n 9 in 80, r 7 in 84; a
/// final t 8 times in 18 (Scott, Bartlett), a final l 8 in 67.
#[rustfmt::skip]
const DOUBLED: &[(&str, &str, Option<f32>, Option<f32>)] = &[
    ("l", "ll", Some(1.3), Some(1.9)),
    ("t", "tt", Some(1.4), Some(0.6)),
    ("s", "ss", Some(0.9), Some(2.5)),
    ("n", "nn", Some(2.0), Some(3.0)),
    ("r", "rr", Some(2.3), Some(3.0)),
    ("m", "mm", Some(2.5), None),
    ("p", "pp", Some(1.8), None),
    ("f", "ff", Some(1.4), Some(1.0)),
    ("d", "dd", Some(1.8), None),
    ("b", "bb", Some(2.1), None),
    ("g", "gg", Some(1.4), None),
    ("k", "ck", Some(2.0), Some(1.3)),
];

fn vowel_options(units: &[Unit], i: usize) -> Options {
    let Some(unit) = units.get(i) else {
        return Vec::new();
    };
    let prev = i.checked_sub(1).and_then(|p| units.get(p));
    let next = units.get(i + 1);
    let glide_follows = next.is_some_and(|n| n.cluster == [('য', true)] && n.voiced());
    let last = next.is_none();
    // The unit before a word-final silent consonant: -ার, -টন.
    let before_final = |c: char| {
        next.is_some_and(|n| {
            n.cluster == [(c, false)]
                && n.vowel == (Vowel::Inherent { silent: true })
                && n.modifiers.is_empty()
        }) && i + 2 == units.len()
    };
    match unit.vowel {
        // A silent final e is how English ends some names (Dave, Clyde,
        // Lane), but only 24 times in 576; a final -a is rarer still.
        Vowel::Inherent { silent: true } if last => vec![("", 0.0), ("e", 3.0), ("a", 3.0)],
        Vowel::Inherent { silent: true } => vec![("", 0.0), ("a", 2.3)],
        // Bengali writes the English endings -ton, -son, -don with the
        // inherent vowel (Clinton, Robertson, Gordon).
        Vowel::Inherent { silent: false }
            if before_final('ন')
                && matches!(unit.cluster.last(), Some(('ট' | 'স' | 'ড', false))) =>
        {
            vec![("o", 0.0), ("a", 0.5)]
        }
        // A loanword's first inherent vowel is English o: a word with a
        // loanword's conjunct (গর্ডন Gordon, রবার্টসন Robertson, হপকিন্স
        // Hopkins), or one that begins with ট or ড, as English names do
        // and Bengali ones do not (টম Tom, ডন Don: o 7 times in 8 on the
        // dev names' first syllables).
        Vowel::Inherent { silent: false }
            if i == 0
                && (matches!(unit.cluster.as_slice(), [('ট' | 'ড', false)])
                    || units.iter().any(|u| loan_cluster(&u.cluster))) =>
        {
            vec![("o", 0.0), ("a", 0.6)]
        }
        Vowel::Inherent { silent: false } if i == 0 => INHERENT.to_vec(),
        // Later syllables: o (Jibon) 23 times in 157, unwritten (Handke,
        // Barbra: the deletion rule missed a loanword's) 32 times.
        // Before a vowel letter it is the seam of a compound (আজহার +
        // উদ্দিন Azharuddin, গিয়াস + উদ্দিন Giasuddin) and not said; ও is
        // the exception, a diphthong (নওশের Nousher) or w (তলওয়ার).
        Vowel::Inherent { silent: false }
            if next.is_some_and(|n| {
                !n.is_consonant() && n.other.is_none() && n.vowel != Vowel::Letter('ও')
            }) =>
        {
            vec![("", 0.0), ("a", 1.0), ("o", 1.5)]
        }
        Vowel::Inherent { silent: false } => vec![("a", 0.0), ("o", 1.5), ("", 1.2)],
        Vowel::Dead => vec![("", 0.0)],
        // ইয়া at the start of a word: the য় writes the y (see `cluster`).
        Vowel::Letter('ই') if i == 0 && glide_follows => vec![("", 0.0), ("i", 1.0)],
        // ওয় + vowel → w (ওয়াজেদ Wazed, তিওয়ারি Tiwari).
        Vowel::Letter('ও') if glide_follows => vec![("w", 0.0), ("o", 2.5)],
        // উই at the start of a word or after a vowel → wi (উইলিয়াম William).
        Vowel::Letter('উ')
            if next.is_some_and(|n| n.vowel == Vowel::Letter('ই'))
                && prev.is_none_or(|p| p.cluster.is_empty()) =>
        {
            vec![("w", 0.0), ("u", 2.4)]
        }
        // ি before a vowel letter is English e as often as i (লিও Leo,
        // লিওনার্ড Leonard, থিও Theo: e 6 times in 10).
        Vowel::Sign('ি' | 'ী') if next.is_some_and(|n| !n.is_consonant() && n.other.is_none()) =>
        {
            vec![("i", 0.0), ("e", 0.5), ("ee", 3.0)]
        }
        // English names end in -y, -ie, -ey where Bengali writes -ি/-ী
        // (Betty, Healy, Jackie, Rodney). Short -ি is the usual spelling of
        // those (y 22 times in 89); long -ী mostly stays i (y 4 times in 47).
        Vowel::Sign('ি') if last && i > 0 => {
            vec![("i", 0.0), ("y", 0.8), ("ey", 1.6), ("ie", 1.7), ("e", 3.0)]
        }
        Vowel::Sign('ী') if last && i > 0 => {
            vec![
                ("i", 0.0),
                ("ee", 1.4),
                ("y", 2.2),
                ("ey", 2.8),
                ("ie", 3.0),
            ]
        }
        // A final -ে is English -ay, -ey (Ray, Ashley).
        Vowel::Sign('ে') if last && i > 0 => {
            vec![("e", 0.0), ("ay", 1.4), ("ey", 1.4), ("a", 2.5)]
        }
        // -bert inside a name (অ্যালবার্ট Albert, গিলবার্ট Gilbert,
        // রবার্টসন Robertson), where the word's first syllable is bart
        // (বার্টলেট Bartlett).
        Vowel::Sign(chars::SIGN_AA)
            if i > 0
                && unit.cluster == [('ব', false)]
                && next.is_some_and(|n| n.cluster.starts_with(&[('র', false), ('ট', false)])) =>
        {
            vec![("e", 0.0), ("a", 0.4)]
        }
        // The English ending -er is written -ার (Peter, Turner), as are the
        // Bangladeshi surname endings -der, -ker, -ter (Majumder, Sarker,
        // Akter): e 26 times in 43, a (Sardar, Bashar) 17.
        Vowel::Sign(chars::SIGN_AA) if i > 0 && before_final('র') => {
            vec![("e", 0.0), ("a", 0.4), ("aa", 3.0)]
        }
        Vowel::Sign(s) | Vowel::Letter(s) => vowel(s).to_vec(),
    }
}

/// The `k` cheapest spellings over the pieces, with their costs.
pub(crate) fn k_best(pieces: &[Options], k: usize) -> Vec<(String, f32)> {
    let width = (k * 4).max(16);
    let mut beam: Vec<(String, f32)> = vec![(String::new(), 0.0)];
    for options in pieces {
        if options.is_empty() {
            continue;
        }
        let mut next: Vec<(String, f32)> = Vec::with_capacity(beam.len() * options.len());
        for (text, cost) in &beam {
            for &(o, oc) in options {
                next.push((format!("{text}{o}"), cost + oc));
            }
        }
        sort_dedup(&mut next);
        next.truncate(width);
        beam = next;
    }
    beam.truncate(k);
    beam
}

/// Sorts by cost (then text, for a stable order) and keeps the cheapest of
/// equal texts.
pub(crate) fn sort_dedup(list: &mut Vec<(String, f32)>) {
    list.sort_by(|a, b| a.1.total_cmp(&b.1).then_with(|| a.0.cmp(&b.0)));
    let mut seen = std::collections::HashSet::new();
    list.retain(|(text, _)| seen.insert(text.clone()));
}
