//! The gazetteer as a [`KnownNames`] source: whole names by match key, and
//! person-name parts as a second name-part lexicon.

use std::collections::HashMap;
use std::sync::OnceLock;

use super::{lexicon, sound, KnownNames, NameRomanizer};
use crate::gazetteer::{Gazetteer, Kind};
use crate::normalize::key;
use crate::Normalizer;

/// What the romanizer takes from a [`Gazetteer`], built once.
///
/// * Whole names: the match key (`normalize::key::fold`) of every Bengali
///   name and alias → the entity's English name. ভ্লাদিমির পুতিন and its
///   alias ভ্লাদিমির পুটিন both give Vladimir Putin.
/// * Name parts: for each person whose Bengali name (or alias) has as many
///   space-separated parts as the English name, part *i* ↔ part *i*
///   (ভ্লাদিমির → Vladimir) when the two sound alike (রানী is not Queen),
///   spellings ranked by how many people use them.
///
/// ```
/// use bengali_names::translit::{GazetteerNames, KnownNames};
/// let names = GazetteerNames::embedded();
/// assert_eq!(names.english_name("ভ্লাদিমির পুতিন").as_deref(), Some("Vladimir Putin"));
/// assert_eq!(names.english_name("পিয়ংইয়ং").as_deref(), Some("Pyongyang"));
/// assert_eq!(names.part_spellings("ভ্লাদিমির").first().map(String::as_str), Some("Vladimir"));
/// ```
#[derive(Debug, Default)]
pub struct GazetteerNames {
    whole: HashMap<Vec<u8>, String>,
    parts: HashMap<String, Vec<String>>,
}

impl GazetteerNames {
    /// The lookup tables of `gazetteer`.
    ///
    /// ```
    /// let g = bengali_names::Gazetteer::embedded();
    /// let names = bengali_names::translit::GazetteerNames::new(g);
    /// assert!(names.len() > 1_000);
    /// ```
    pub fn new(gazetteer: &Gazetteer) -> Self {
        let normalizer = Normalizer::new();
        let mut whole: HashMap<Vec<u8>, String> = HashMap::new();
        // Part key → spelling → (people using it, first seen).
        let mut counts: HashMap<String, Vec<(String, usize)>> = HashMap::new();
        let rules = NameRomanizer::new();
        let lexicon = lexicon::Lexicon::embedded();
        let mut readings: HashMap<String, String> = HashMap::new();
        for entity in gazetteer.entities() {
            let bengali = std::iter::once(entity.name_bn()).chain(entity.aliases_bn());
            for bn in bengali {
                let display = normalizer.normalize_str(bn);
                let folded = key::fold(display.trim());
                if !folded.bytes().is_empty() {
                    whole
                        .entry(folded.bytes().to_vec())
                        .or_insert_with(|| entity.name_en().to_owned());
                }
                if entity.kind() != Kind::Person {
                    continue;
                }
                let bn_parts: Vec<&str> = display.split_whitespace().collect();
                let en_parts: Vec<&str> = entity.name_en().split_whitespace().collect();
                if bn_parts.len() != en_parts.len() {
                    continue;
                }
                for (b, e) in bn_parts.into_iter().zip(en_parts) {
                    if !e.chars().all(|c| c.is_ascii_alphabetic() || c == '-') {
                        continue;
                    }
                    // Parts side by side need not be one name: a title
                    // (রানী ভিক্টোরিয়া, Queen Victoria) or a part only one
                    // side writes (ড. ইউনূস, Muhammad Yunus) pairs a name
                    // with another word. A spelling the lexicon gives the
                    // part needs no test.
                    let part = lexicon::key(&normalizer, b);
                    let listed = lexicon.get(&part).is_some_and(|s| s.contains(&e));
                    if !listed {
                        let reading = readings
                            .entry(part.clone())
                            .or_insert_with(|| rules.word_reading(&part));
                        if !sound::sounds_alike(reading, e) {
                            continue;
                        }
                    }
                    let spellings = counts.entry(part).or_default();
                    match spellings.iter_mut().find(|(s, _)| s == e) {
                        Some((_, n)) => *n += 1,
                        None => spellings.push((e.to_owned(), 1)),
                    }
                }
            }
        }
        let parts = counts
            .into_iter()
            .map(|(k, mut spellings)| {
                // Most used first; the sort is stable, so ties keep load order.
                spellings.sort_by_key(|s| std::cmp::Reverse(s.1));
                (k, spellings.into_iter().map(|(s, _)| s).collect())
            })
            .collect();
        GazetteerNames { whole, parts }
    }

    /// The tables of [`Gazetteer::embedded`], built on first use.
    ///
    /// ```
    /// let names = bengali_names::translit::GazetteerNames::embedded();
    /// assert!(!names.is_empty());
    /// ```
    pub fn embedded() -> &'static GazetteerNames {
        static EMBEDDED: OnceLock<GazetteerNames> = OnceLock::new();
        EMBEDDED.get_or_init(|| GazetteerNames::new(Gazetteer::embedded()))
    }

    /// Number of whole names (match keys) known.
    ///
    /// ```
    /// assert!(bengali_names::translit::GazetteerNames::default().len() == 0);
    /// ```
    pub fn len(&self) -> usize {
        self.whole.len()
    }

    /// True when no name is known.
    ///
    /// ```
    /// assert!(bengali_names::translit::GazetteerNames::default().is_empty());
    /// ```
    pub fn is_empty(&self) -> bool {
        self.whole.is_empty()
    }
}

impl KnownNames for GazetteerNames {
    fn english_name(&self, bengali: &str) -> Option<String> {
        self.whole.get(key::fold(bengali).bytes()).cloned()
    }

    fn part_spellings(&self, part: &str) -> Vec<String> {
        self.parts.get(part).cloned().unwrap_or_default()
    }
}

impl KnownNames for &'static GazetteerNames {
    fn english_name(&self, bengali: &str) -> Option<String> {
        (**self).english_name(bengali)
    }

    fn part_spellings(&self, part: &str) -> Vec<String> {
        (**self).part_spellings(part)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whole_names_and_parts() {
        let names = GazetteerNames::embedded();
        assert_eq!(
            names.english_name("ভ্লাদিমির পুটিন").as_deref(),
            Some("Vladimir Putin")
        );
        assert_eq!(names.english_name("ঢাকা").as_deref(), Some("Dhaka"));
        assert_eq!(names.english_name("অজানা নাম"), None);
        assert!(names.part_spellings("পুতিন").iter().any(|s| s == "Putin"));
        assert!(names.part_spellings("অজানা").is_empty());
        // Queen Victoria is রানী ভিক্টোরিয়া, but রানী is no Queen.
        assert!(names
            .part_spellings("ভিক্টোরিয়া")
            .iter()
            .any(|s| s == "Victoria"));
        assert!(!names.part_spellings("রানী").iter().any(|s| s == "Queen"));
    }
}
