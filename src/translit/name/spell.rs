//! Units → spelling options, and the k best spellings of a word.

use super::letters::{
    Spelling, CONJUNCTS, CONSONANTS, INHERENT, MODIFIERS, NUKTA_CONSONANTS, VOWELS,
};
use super::syllables::{Unit, Vowel};
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
        cluster(unit, prev, next.is_none(), &mut pieces);
        pieces.push(vowel_options(units, i));
        for &m in &unit.modifiers {
            if let Some(row) = MODIFIERS.iter().find(|row| row.0 == m) {
                pieces.push(row.1.to_vec());
            }
        }
    }
    pieces
}

fn cluster(unit: &Unit, prev: Option<&Unit>, last: bool, pieces: &mut Vec<Options>) {
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
            // loanwords (ম্যাক্স Max, ব্যানার্জি Banerjee).
            ('য', false, Some(_)) if unit.vowel == Vowel::Sign(chars::SIGN_AA) => {
                vec![("", 0.0), ("y", 1.2)]
            }
            ('য', false, Some(_)) => vec![("y", 0.0), ("", 0.8)],
            // ব-phala: Biswas, Swami; a full b after ম and ব (অম্বর).
            ('ব', false, Some(p)) if p != 'ম' && p != 'ব' => {
                vec![("w", 0.0), ("", 0.7), ("b", 0.8)]
            }
            // য় after an i-sound is a glide English does not write (Nadia).
            ('য', true, None)
                if unit.voiced()
                    && prev
                        .and_then(vowel_letter)
                        .is_some_and(|v| matches!(v, 'ই' | 'ঈ')) =>
            {
                vec![("", 0.0), ("y", 0.3)]
            }
            // ওয়া → wa: the w is written for ও, so য় writes nothing.
            ('য', true, None)
                if unit.voiced() && prev.is_some_and(|p| p.vowel == Vowel::Letter('ও')) =>
            {
                vec![("", 0.0), ("y", 0.5)]
            }
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

/// Spellings English gives a single consonant that Bengali cannot show: a
/// doubled letter between vowels (Kettle, Stella, Hassan) and -ck after a
/// short vowel at the end of a word (Patrick, Dick).
fn english_alternatives(
    mut options: Options,
    unit: &Unit,
    prev: Option<&Unit>,
    last: bool,
) -> Options {
    let Some(&(first, _)) = options.first() else {
        return options;
    };
    let between_vowels = prev.is_some_and(Unit::voiced) && unit.voiced();
    if between_vowels && DOUBLES.contains(&first) {
        let doubled = DOUBLED.iter().find(|d| d.0 == first).map(|d| d.1);
        options.extend(doubled.map(|d| (d, DOUBLE_COST)));
    }
    let final_after_vowel = last && !unit.voiced() && prev.is_some_and(Unit::voiced);
    if final_after_vowel && first == "k" {
        options.push(("ck", DOUBLE_COST));
    }
    // English doubles a final consonant after a short vowel (Russell,
    // Scott, Ross, Lynn, Starr, Cliff).
    if final_after_vowel && FINAL_DOUBLES.contains(&first) {
        let doubled = DOUBLED.iter().find(|d| d.0 == first).map(|d| d.1);
        options.extend(doubled.map(|d| (d, FINAL_DOUBLE_COST)));
    }
    options
}

/// Letters English doubles between vowels, and their doubled spellings.
const DOUBLES: &[&str] = &["l", "t", "s", "n", "r", "m", "p", "f", "d", "b", "g"];
const DOUBLED: &[(&str, &str)] = &[
    ("l", "ll"),
    ("t", "tt"),
    ("s", "ss"),
    ("n", "nn"),
    ("r", "rr"),
    ("m", "mm"),
    ("p", "pp"),
    ("f", "ff"),
    ("d", "dd"),
    ("b", "bb"),
    ("g", "gg"),
];
/// Cost of a doubled letter or -ck.
const DOUBLE_COST: f32 = 1.0;
/// Letters English doubles at the end of a name.
const FINAL_DOUBLES: &[&str] = &["l", "t", "s", "n", "r", "f"];
/// Cost of a doubled final letter: rarer than a doubled middle one.
const FINAL_DOUBLE_COST: f32 = 1.3;

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
        // A silent final e is how English ends many names (Dave, Clyde,
        // Lane); a final -a is rarer.
        Vowel::Inherent { silent: true } if last => vec![("", 0.0), ("e", 1.0), ("a", 1.2)],
        Vowel::Inherent { silent: true } => vec![("", 0.0), ("a", 1.0)],
        // Bengali writes the English endings -ton, -son, -don with the
        // inherent vowel (Clinton, Robertson, Gordon).
        Vowel::Inherent { silent: false }
            if before_final('ন')
                && matches!(unit.cluster.last(), Some(('ট' | 'স' | 'ড', false))) =>
        {
            vec![("o", 0.0), ("a", 0.5)]
        }
        Vowel::Inherent { silent: false } if i == 0 => INHERENT.to_vec(),
        Vowel::Inherent { silent: false } => {
            let mut options = INHERENT.to_vec();
            options.push(("", 1.0));
            options
        }
        Vowel::Dead => vec![("", 0.0)],
        // ওয় + vowel → w (ওয়াজেদ Wazed, তিওয়ারি Tiwari).
        Vowel::Letter('ও') if glide_follows => vec![("w", 0.0), ("o", 0.5)],
        // উই at the start of a word or after a vowel → wi (উইলিয়াম William).
        Vowel::Letter('উ')
            if next.is_some_and(|n| n.vowel == Vowel::Letter('ই'))
                && prev.is_none_or(|p| p.cluster.is_empty()) =>
        {
            vec![("w", 0.0), ("u", 0.5)]
        }
        // English names end in -y, -ie, -ey where Bengali writes -ি/-ী
        // (Betty, Healy, Jackie, Rodney).
        Vowel::Sign(s @ ('ি' | 'ী')) if last && i > 0 => {
            let mut options = vowel(s).to_vec();
            options.extend([("y", 0.3), ("ie", 1.0), ("ey", 1.0)]);
            options
        }
        // A final -ে is English -ay, -ey (Ray, Ashley).
        Vowel::Sign('ে') if last && i > 0 => {
            vec![("e", 0.0), ("ay", 1.0), ("ey", 1.2), ("a", 1.2)]
        }
        // The English ending -er is written -ার (Peter, Turner), as are the
        // Bangladeshi surname endings -der, -ker, -ter (Majumder, Sarker,
        // Akter).
        Vowel::Sign(chars::SIGN_AA) if i > 0 && before_final('র') => {
            vec![("a", 0.0), ("e", 0.3), ("aa", 1.6)]
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
