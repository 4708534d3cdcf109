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
use unicode_normalization::char::is_combining_mark;
use unicode_normalization::UnicodeNormalization;

use super::EntityInfo;
use crate::script;
use crate::translit::NameRomanizer;

/// Score of a match on the loose key, and on the skeleton.
pub(crate) const LOOSE: f32 = 0.7;
pub(crate) const SKELETON: f32 = 0.6;

/// Most a skeleton match gains for how close its vowels are (the loose
/// keys' normalized edit similarity): among names of one skeleton the
/// nearer comes first (মুন জা-ইন, read Mun Ja-In: Moon Jae-in before
/// Manzini), and none reaches a loose match.
const VOWELS: f32 = 0.05;

/// Consonants a skeleton needs to be compared.
const MIN_SKELETON: usize = 4;

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

/// The loose key of a Latin name, and its skeleton when that has enough
/// consonants.
///
/// ```text
/// Vladimir Putin → ("bladimirputin", Some("bldmrptn"))
/// ```
pub(crate) fn sound_keys(name: &str) -> (String, Option<String>) {
    let letters: Vec<u8> = name
        .nfd()
        .filter(|&c| !is_combining_mark(c))
        .filter(char::is_ascii_alphabetic)
        .map(|c| c.to_ascii_lowercase() as u8)
        .collect();
    // A letter the one before already wrote adds nothing (ck, ss).
    let push_once = |kept: &mut Vec<u8>, b: u8| {
        if kept.last() != Some(&b) {
            kept.push(b);
        }
    };
    let mut sounds: Vec<u8> = Vec::with_capacity(letters.len());
    let mut at = 0;
    while let Some(&letter) = letters.get(at) {
        // ph is f; x is ks; a lone h is dropped, so kh, sh, th … are k,
        // s, t and ch is k (c is k).
        let (sound, len): (&[u8], usize) = match (letter, letters.get(at + 1)) {
            (b'p', Some(b'h')) => (b"f", 2),
            (b'x', _) => (b"ks", 1),
            (b'h', _) => (b"", 1),
            _ => (single(letter), 1),
        };
        for &s in sound {
            push_once(&mut sounds, s);
        }
        at += len;
    }
    let mut consonants: Vec<u8> = Vec::with_capacity(sounds.len());
    for &b in sounds.iter().filter(|b| !b"aeiou".contains(b)) {
        push_once(&mut consonants, b);
    }
    let skeleton = (consonants.len() >= MIN_SKELETON)
        .then(|| String::from_utf8_lossy(&consonants).into_owned());
    (String::from_utf8_lossy(&sounds).into_owned(), skeleton)
}

/// The key letter of a lower-case Latin letter: c and q are k, v and w
/// are b, y is i, z is j, the others themselves.
fn single(letter: u8) -> &'static [u8] {
    const LETTERS: &[u8; 26] = b"abkdefghijklmnopkrstubbxij";
    let i = usize::from(letter.wrapping_sub(b'a'));
    LETTERS.get(i..=i).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(name: &str) -> (String, Option<String>) {
        sound_keys(name)
    }

    #[test]
    fn spellings_of_one_sound_share_a_key() {
        for (a, b) in [
            ("Wladimir Putin", "Vladimir Putin"),
            ("Chris", "Kris"),
            ("Michael", "Mikael"),
            ("Beckham", "Bekham"),
            ("Zia", "Jia"),
            ("Shakib", "Sakib"),
            ("Bhuiyan", "Buyan"),
            ("Philip", "Filip"),
            ("Khan", "Kan"),
            ("Carragher", "Karagher"),
            ("Dvořák", "Dvorak"),
            ("Kim Jong-un", "Kim Jong Un"),
        ] {
            assert_eq!(keys(a).0, keys(b).0, "{a} / {b}");
        }
        assert_eq!(
            keys("Vladimir Putin"),
            ("bladimirputin".into(), Some("bldmrptn".into()))
        );
    }

    #[test]
    fn the_skeleton_drops_vowels_and_needs_four_consonants() {
        assert_eq!(keys("Vladimir Putn").1, keys("Vladimir Putin").1);
        assert_eq!(keys("Craig").1, None);
        assert_eq!(keys("Ali Bacher").1, Some("lbkr".into()));
        // Nothing Latin: empty.
        assert_eq!(keys("১২৩ —"), (String::new(), None));
    }
}
