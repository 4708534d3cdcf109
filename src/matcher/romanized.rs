//! The romanized-key comparison of
//! [`Matcher::resolve`](super::Matcher::resolve): a name matched by how it
//! sounds in Latin letters, for spellings no alias covers.
//!
//! Both sides become a *sound key*: the Latin letters of the whole name
//! (accents dropped, words run together, lower case), with the spellings
//! English and Bengali romanization disagree on made one (ph f; c ch k q
//! kh; sh s; z j; w v bh b; th t; dh d; y i; a lone h dropped) and doubled
//! letters made single. A name in Bengali is romanized first
//! ([`NameRomanizer`], its best three readings). The key with its vowels
//! (*loose*) is compared, then without them (*skeleton*, at least four
//! consonants: shorter ones tell too little):
//!
//! | query | entity's English name | loose | skeleton |
//! |---|---|---|---|
//! | Wladimir Putin | Vladimir Putin | `bladimirputin` = | |
//! | Vladimir Putn | Vladimir Putin | | `bldmrptn` = |
//! | ডেভিড বেকহাম (romanized David Bekham) | David Beckham | `dabidbekam` = | |
//!
//! The index of the entities' keys is built on the first call, so that a
//! matcher that never resolves pays nothing for it.

use rustc_hash::FxHashMap;

use super::EntityInfo;
use crate::script;
use crate::translit::{sound_keys, NameRomanizer};

/// Score of a match on the loose key, and on the skeleton.
pub(crate) const LOOSE: f32 = 0.7;
pub(crate) const SKELETON: f32 = 0.6;

/// Most a skeleton match gains for how close its vowels are (the loose
/// keys' normalized edit similarity): among names of one skeleton the
/// nearer comes first (মুন জা-ইন, read Mun Ja-In: Moon Jae-in before
/// Manzini), and none reaches a loose match.
const VOWELS: f32 = 0.05;

/// Readings of a Bengali name compared.
const READINGS: usize = 3;

/// The entities by the sound keys of their English names.
#[derive(Clone, Debug, Default)]
pub(crate) struct Romanized {
    loose: FxHashMap<Box<str>, Vec<u32>>,
    skeleton: FxHashMap<Box<str>, Vec<u32>>,
    romanizer: NameRomanizer,
}

impl Romanized {
    pub(crate) fn new(entities: &[EntityInfo]) -> Romanized {
        let mut index = Romanized::default();
        for (target, entity) in (0u32..).zip(entities) {
            let (loose, skeleton) = sound_keys(entity.name_en());
            if !loose.is_empty() {
                index.loose.entry(loose.into()).or_default().push(target);
            }
            if let Some(skeleton) = skeleton {
                index
                    .skeleton
                    .entry(skeleton.into())
                    .or_default()
                    .push(target);
            }
        }
        index
    }

    /// The entities (of `entities`, those the index was built from) whose
    /// English name sounds like `name` (Latin or Bengali), with the score
    /// of the closer key, in entity order.
    pub(crate) fn lookup(&self, name: &str, entities: &[EntityInfo]) -> Vec<(u32, f32)> {
        let readings: Vec<String> = if name.chars().any(script::is_bengali) {
            self.romanizer
                .candidates(name, READINGS)
                .into_iter()
                .map(|c| c.text)
                .collect()
        } else {
            vec![name.to_owned()]
        };
        let mut found: Vec<(u32, f32)> = Vec::new();
        let mut add = |target: u32, score: f32| match found.iter_mut().find(|(t, _)| *t == target) {
            Some(seen) => seen.1 = seen.1.max(score),
            None => found.push((target, score)),
        };
        for reading in &readings {
            let (loose, skeleton) = sound_keys(reading);
            for &target in self.loose.get(loose.as_str()).into_iter().flatten() {
                add(target, LOOSE);
            }
            let Some(skeleton) = skeleton else {
                continue;
            };
            for &target in self.skeleton.get(skeleton.as_str()).into_iter().flatten() {
                // The few entities of one skeleton: their loose keys are
                // made again rather than kept for every entity.
                let theirs = entities
                    .get(target as usize)
                    .map(|e| sound_keys(e.name_en()).0)
                    .unwrap_or_default();
                let near = strsim::normalized_levenshtein(&loose, &theirs) as f32;
                add(target, SKELETON + VOWELS * near);
            }
        }
        found.sort_by_key(|&(target, _)| target);
        found
    }
}
