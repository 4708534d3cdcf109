//! The curated name-part lexicon, `data/name_parts.tsv`, and the name parts
//! of Arabic origin, `data/arabic_name_parts.txt`, embedded.

use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

use crate::script;
use crate::Normalizer;

/// The file as shipped: a hand-written list of name parts and their usual
/// English spellings, best first.
const NAME_PARTS: &str = include_str!("../../../data/name_parts.tsv");

/// Bengali name part (display form, joiners removed) → English spellings.
#[derive(Debug, Default)]
pub(crate) struct Lexicon {
    parts: HashMap<String, Vec<&'static str>>,
}

static EMBEDDED: OnceLock<Lexicon> = OnceLock::new();

/// One name part per line after the `#` comments.
const ARABIC_NAME_PARTS: &str = include_str!("../../../data/arabic_name_parts.txt");

static ARABIC: OnceLock<HashSet<String>> = OnceLock::new();

/// True when `word` (a [`key`]) is a name part of Arabic or Persian origin,
/// which makes the whole name one (`data/arabic_name_parts.txt` says why
/// that matters).
pub(crate) fn is_arabic_part(word: &str) -> bool {
    ARABIC
        .get_or_init(|| {
            let normalizer = Normalizer::new();
            ARABIC_NAME_PARTS
                .lines()
                .map(str::trim)
                .filter(|line| !line.starts_with('#') && !line.is_empty())
                .map(|part| key(&normalizer, part))
                .collect()
        })
        .contains(word)
}

impl Lexicon {
    /// The embedded lexicon, parsed on first use.
    pub(crate) fn embedded() -> &'static Lexicon {
        EMBEDDED.get_or_init(|| Lexicon::parse(NAME_PARTS))
    }

    /// Reads `bn<TAB>spelling|spelling...` lines after the `#` comments and
    /// the header row. Malformed rows are skipped; a unit test checks that
    /// the shipped file has none.
    fn parse(text: &'static str) -> Lexicon {
        let normalizer = Normalizer::new();
        let mut parts: HashMap<String, Vec<&'static str>> = HashMap::new();
        let rows = text
            .lines()
            .filter(|line| !line.starts_with('#') && !line.trim().is_empty())
            .skip(1);
        for row in rows {
            let Some((bn, en)) = row.split_once('\t') else {
                continue;
            };
            let key = key(&normalizer, bn.trim());
            let entry = parts.entry(key).or_default();
            for spelling in en.split('|').map(str::trim).filter(|s| !s.is_empty()) {
                if !entry.contains(&spelling) {
                    entry.push(spelling);
                }
            }
        }
        Lexicon { parts }
    }

    /// The spellings of a name part, best first.
    pub(crate) fn get(&self, word: &str) -> Option<&[&'static str]> {
        self.parts.get(word).map(Vec::as_slice)
    }

    /// Every name part (display form, joiners removed) with its spellings.
    pub(crate) fn iter(&self) -> impl Iterator<Item = (&str, &[&'static str])> {
        self.parts
            .iter()
            .map(|(word, spellings)| (word.as_str(), spellings.as_slice()))
    }

    /// Number of name parts.
    #[cfg(test)]
    pub(crate) fn len(&self) -> usize {
        self.parts.len()
    }
}

/// The lookup key of a word: display form without ZWJ/ZWNJ.
pub(crate) fn key(normalizer: &Normalizer, word: &str) -> String {
    normalizer
        .normalize_str(word)
        .chars()
        .filter(|&c| c != script::ZWJ && c != script::ZWNJ)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shipped_file_is_well_formed() {
        let mut rows = NAME_PARTS.lines().filter(|l| !l.starts_with('#'));
        assert_eq!(rows.next(), Some("bn\ten"));
        let normalizer = Normalizer::new();
        let mut seen: HashMap<String, usize> = HashMap::new();
        for (n, row) in rows.enumerate() {
            let (bn, en) = row
                .split_once('\t')
                .unwrap_or_else(|| panic!("row {n}: {row:?}"));
            assert!(bn.chars().all(script::is_bengali), "row {n}: {bn:?}");
            assert!(
                en.split('|').all(|s| !s.is_empty() && s.is_ascii()),
                "row {n}: {en:?}"
            );
            // One row a name part: a second row's spellings would be
            // merged after the first's, out of sight of whoever edits it.
            if let Some(first) = seen.insert(key(&normalizer, bn), n) {
                panic!("rows {first} and {n} are both {bn:?}");
            }
        }
        assert!(Lexicon::embedded().len() > 300);
        assert_eq!(
            Lexicon::embedded().get("মোহাম্মদ"),
            Some(&["Mohammad", "Mohammed", "Muhammad"][..])
        );
    }

    #[test]
    fn arabic_name_parts_are_one_bengali_word_a_line() {
        let parts: Vec<&str> = ARABIC_NAME_PARTS
            .lines()
            .filter(|l| !l.starts_with('#'))
            .collect();
        assert!(parts.len() > 50);
        for part in parts {
            assert!(
                !part.is_empty() && part.chars().all(script::is_bengali),
                "{part:?}"
            );
        }
        assert!(is_arabic_part("রহমান"));
        assert!(!is_arabic_part("সুজিত"));
    }
}
