//! Abbreviations spelt letter by letter, written with the letters apart.
//!
//! Bengali writes an English abbreviation as the names of its letters:
//! FBI is এফবিআই. News also writes the names apart (এফ বি আই, ই ইউ) or with
//! dots (এফ.বি.আই.). An entity whose Bengali alias spells, letter by
//! letter, one of its own Latin abbreviations (`aliases_en` has FBI) gets
//! those forms as keys too. Asking for the entity's own abbreviation keeps
//! ordinary words that happen to split into letter names (এমন, এসে) out.
//! The same names tell initials (এমএস of এমএস ধোনি) from name parts.
//! They are the initials of the name-part lexicon, `data/name_parts.tsv`.

use core::ops::Range;

/// The letter names' match keys, A to Z.
#[derive(Clone, Debug)]
pub(crate) struct LetterKeys {
    keys: Vec<Vec<Vec<u8>>>,
}

/// The separators written between the letters: a space, a dot, a dot and
/// a space (a final dot falls outside the key, after the last letter).
const SEPARATORS: [&[u8]; 3] = [b" ", b".", b". "];

/// Fewest and most letters of an abbreviation that gets the forms.
const LETTERS: Range<usize> = 2..7;

impl LetterKeys {
    /// The keys of the letters' Bengali names, folded by `fold`: the
    /// initials of the name-part lexicon (`data/name_parts.tsv`, এফ F),
    /// which the name romanizer spells the other way.
    pub(crate) fn new(mut fold: impl FnMut(&str) -> Vec<u8>) -> Self {
        let mut keys = vec![Vec::new(); 26];
        for (name, letter) in crate::translit::lexicon_initials() {
            if let Some(names) = keys.get_mut(usize::from(letter - b'A')) {
                names.push(fold(name));
            }
        }
        // The lexicon is a hash map: a fixed order keeps the split's first
        // answer the same from run to run.
        for names in &mut keys {
            names.sort_unstable();
        }
        LetterKeys { keys }
    }

    /// The keys of `key` (a Bengali alias's, in one token) written with
    /// its letters apart, when it spells the Latin abbreviation `latin`
    /// (capitals, dots ignored: U.K. is UK) letter by letter.
    pub(crate) fn apart(&self, key: &[u8], latin: &str) -> Vec<Vec<u8>> {
        let letters: Vec<usize> = latin
            .bytes()
            .filter(|&b| b != b'.')
            .map(|b| usize::from(b.wrapping_sub(b'A')))
            .collect();
        if !LETTERS.contains(&letters.len()) || letters.iter().any(|&l| l >= 26) {
            return Vec::new();
        }
        let mut cuts = Vec::with_capacity(letters.len());
        if !self.split(key, &letters, &mut cuts) {
            return Vec::new();
        }
        SEPARATORS
            .iter()
            .map(|sep| {
                let mut out = Vec::with_capacity(key.len() + sep.len() * cuts.len());
                let mut from = 0;
                for &cut in &cuts {
                    if from > 0 {
                        out.extend_from_slice(sep);
                    }
                    out.extend_from_slice(key.get(from..cut).unwrap_or_default());
                    from = cut;
                }
                out
            })
            .collect()
    }

    /// True when `key` is the names of Latin letters run together (এমএস is
    /// M S, ডব্লিউ is W): initials, which stand for no one alone as a part
    /// of a person's name (এমএস ধোনি's এমএস is no partial name).
    pub(crate) fn spells_initials(&self, key: &[u8]) -> bool {
        !key.is_empty()
            && self.keys.iter().flatten().any(|name| {
                !name.is_empty()
                    && key
                        .strip_prefix(name.as_slice())
                        .is_some_and(|rest| rest.is_empty() || self.spells_initials(rest))
            })
    }

    /// Splits `key` into the names of `letters`, pushing where each ends.
    fn split(&self, key: &[u8], letters: &[usize], cuts: &mut Vec<usize>) -> bool {
        let Some((&letter, rest)) = letters.split_first() else {
            return key.is_empty();
        };
        let done = cuts.last().copied().unwrap_or(0);
        for name in self.keys.get(letter).into_iter().flatten() {
            if key.starts_with(name) {
                cuts.push(done + name.len());
                if self.split(key.get(name.len()..).unwrap_or_default(), rest, cuts) {
                    return true;
                }
                cuts.pop();
            }
        }
        false
    }
}

/// True for a Latin alias that may be an abbreviation: capital letters,
/// perhaps with dots (FBI, U.K.).
pub(crate) fn is_abbreviation(latin: &str) -> bool {
    latin.bytes().any(|b| b.is_ascii_uppercase())
        && latin.bytes().all(|b| b.is_ascii_uppercase() || b == b'.')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn letters() -> LetterKeys {
        // The identity fold: the table's own UTF-8 stands for the keys.
        LetterKeys::new(|name| name.as_bytes().to_vec())
    }

    fn apart(key: &str, latin: &str) -> Vec<String> {
        letters()
            .apart(key.as_bytes(), latin)
            .into_iter()
            .map(|k| String::from_utf8(k).unwrap())
            .collect()
    }

    #[test]
    fn an_abbreviation_spelt_out_gets_its_letters_apart() {
        for (key, latin, want) in [
            ("এফবিআই", "FBI", ["এফ বি আই", "এফ.বি.আই", "এফ. বি. আই"]),
            ("ইইউ", "EU", ["ই ইউ", "ই.ইউ", "ই. ইউ"]),
            ("ইউকে", "U.K.", ["ইউ কে", "ইউ.কে", "ইউ. কে"]),
            // A letter with several names: the one the alias uses.
            (
                "ডাব্লিউএইচও",
                "WHO",
                ["ডাব্লিউ এইচ ও", "ডাব্লিউ.এইচ.ও", "ডাব্লিউ. এইচ. ও"],
            ),
            // এ or এই for A: the split backs up when the short one fails.
            ("এইএস", "AS", ["এই এস", "এই.এস", "এই. এস"]),
        ] {
            assert_eq!(apart(key, latin), want, "{key} {latin}");
        }
    }

    #[test]
    fn anything_else_gets_nothing() {
        for (key, latin) in [
            // Not this abbreviation's letters.
            ("এফবিআই", "CIA"),
            ("ন্যাটো", "NATO"),
            // Letters left over, or missing.
            ("এফবিআইয়ে", "FBI"),
            ("এফবি", "FBI"),
            // Too short, too long, not capitals.
            ("এ", "A"),
            ("এবিসিডিইএফজি", "ABCDEFG"),
            ("এফবিআই", "Fbi"),
        ] {
            assert!(apart(key, latin).is_empty(), "{key} {latin}");
        }
    }

    #[test]
    fn initials_are_letter_names_run_together() {
        let letters = letters();
        for (key, initials) in [
            ("এমএস", true),
            ("এসএম", true),
            ("এবিএম", true),
            ("ডব্লিউবি", true),
            ("ডব্লিউ", true),
            // Letters left over: a name.
            ("এমন", false),
            ("ধোনি", false),
            ("এমএসে", false),
        ] {
            assert_eq!(letters.spells_initials(key.as_bytes()), initials, "{key}");
        }
    }

    #[test]
    fn abbreviations_are_capitals_and_dots() {
        assert!(is_abbreviation("FBI") && is_abbreviation("U.K."));
        assert!(!is_abbreviation("Russia") && !is_abbreviation("...") && !is_abbreviation("F-16"));
    }
}
