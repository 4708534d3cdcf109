//! Resolving one name (Bengali or Latin) to ranked entities.
//!
//! | how | score |
//! |---|---|
//! | the whole name is an alias (exact key; Latin aliases case-insensitive) | 1.0 |
//! | an alias plus a suffix chain (রাশিয়ার) | 0.95 |
//! | loose variant key | 0.9 |
//! | skeleton key | 0.75 |
//! | the English name sounds the same, vowels and all (Wladimir Putin) | 0.7 |
//! | the English name's consonants are the same (Vladimir Putn); up to 0.05 more the nearer its vowels | 0.6–0.65 |
//! | one part of a person's name (পুতিন) | 0.5 |
//!
//! Entities sharing a name keep the gazetteer's prior order at equal
//! score. The sound comparison (see `romanized.rs`) romanizes a Bengali
//! name first, so it also finds a person the gazetteer spells another way
//! in Bengali but whose English name reads the same.

use super::encode::Key;
use super::mention::{EntityInfo, MatchKind};
use super::variant::{self, Folded, Level, Side};
use super::{Matcher, Table};
use crate::normalize::key::is_word_byte;

/// One entity a name may refer to, with a score in (0, 1].
///
/// ```
/// let best = &bengali_names::Matcher::embedded().resolve("রাশিয়ার")[0];
/// assert_eq!((best.entity().id(), best.score()), ("iso:RU", 0.95));
/// ```
#[derive(Clone, Debug, PartialEq)]
pub struct Resolution<'m> {
    entity: &'m EntityInfo,
    score: f32,
    kind: MatchKind,
}

impl<'m> Resolution<'m> {
    /// The entity.
    ///
    /// ```
    /// let r = bengali_names::Matcher::embedded().resolve("Russia");
    /// assert_eq!(r[0].entity().name_bn(), "রাশিয়া");
    /// ```
    pub fn entity(&self) -> &'m EntityInfo {
        self.entity
    }

    /// How well the name fits (see the module docs for the scale).
    ///
    /// ```
    /// let r = bengali_names::Matcher::embedded().resolve("russia");
    /// assert_eq!(r[0].score(), 1.0);
    /// ```
    pub fn score(&self) -> f32 {
        self.score
    }

    /// Which key found it.
    ///
    /// ```
    /// use bengali_names::matcher::MatchKind;
    /// let r = bengali_names::Matcher::embedded().resolve("DPRK");
    /// assert_eq!(r[0].match_kind(), MatchKind::Latin);
    /// ```
    pub fn match_kind(&self) -> MatchKind {
        self.kind
    }
}

const SUFFIXED: f32 = 0.95;
const PART: f32 = 0.5;

impl Matcher {
    /// Entities `name` may refer to, best first; empty when nothing fits.
    ///
    /// Unlike a search in running text, a name given alone may be a common
    /// word alias (আইন) and need not be written in capitals (`us`), since
    /// the caller says it is a name.
    ///
    /// ```
    /// let matcher = bengali_names::Matcher::embedded();
    /// let found = matcher.resolve("ভ্লাদিভোস্টক");
    /// assert_eq!(found[0].entity().name_en(), "Vladivostok");
    /// assert!(matcher.resolve("টেবিল").is_empty());
    /// // No alias spells it so: the English name sounds the same.
    /// let obama = &matcher.resolve("Barak Obama")[0];
    /// assert_eq!((obama.entity().name_en(), obama.score()), ("Barack Obama", 0.7));
    /// ```
    pub fn resolve(&self, name: &str) -> Vec<Resolution<'_>> {
        let display = self.normalizer.normalize_str(name.trim());
        let mut key = Key::default();
        key.encode(&self.encoder, &display);
        let bytes = key.bytes();
        let mut out: Vec<Resolution<'_>> = Vec::new();
        self.resolve_in(&self.exact, bytes, 1.0, &mut out);
        if self.variants {
            let (mut folded, mut scratch) = (Folded::default(), Folded::default());
            for (level, table) in [
                (Level::Loose, &self.loose),
                (Level::Skeleton, &self.skeleton),
            ] {
                variant::fold(level, Side::Name, bytes, &mut folded, &mut scratch);
                self.resolve_in(table, &folded.bytes, level.score(), &mut out);
            }
        }
        let romanized = self
            .romanized
            .get_or_init(|| super::romanized::Romanized::new(&self.entities));
        for (target, score) in romanized.lookup(&display, &self.entities) {
            let Some(entity) = self.entity_at(target) else {
                continue;
            };
            if !out.iter().any(|r| core::ptr::eq(r.entity, entity)) {
                out.push(Resolution {
                    entity,
                    score,
                    kind: MatchKind::Variant,
                });
            }
        }
        // Best score first; the order found (prior order) breaks ties.
        out.sort_by(|a, b| b.score.total_cmp(&a.score));
        out
    }

    fn resolve_in<'m>(
        &'m self,
        table: &Table,
        key: &[u8],
        score: f32,
        out: &mut Vec<Resolution<'m>>,
    ) {
        let Some(automaton) = &table.automaton else {
            return;
        };
        let mut hits = Vec::new();
        automaton.prefixes(key, 0, |pattern, end| hits.push((pattern, end)));
        // Longest first: the whole name before a stem with a suffix.
        for &(pattern, end) in hits.iter().rev() {
            let rest = key.get(end..).unwrap_or_default();
            let whole = rest.is_empty();
            if !whole
                && (rest.iter().any(|&b| !is_word_byte(b)) || !self.suffixes.accepts_word(key, end))
            {
                continue;
            }
            let range = table.range(pattern);
            let entries = table
                .entries
                .get(range.start as usize..range.end as usize)
                .unwrap_or_default();
            for entry in entries {
                let mut s = if whole { score } else { score * SUFFIXED };
                if entry.kind == MatchKind::Partial {
                    s *= PART;
                }
                let Some(entity) = self.entity_at(entry.target) else {
                    continue;
                };
                let kind = if score < 1.0 {
                    MatchKind::Variant
                } else {
                    entry.kind
                };
                match out.iter_mut().find(|r| core::ptr::eq(r.entity, entity)) {
                    Some(r) if r.score >= s => {}
                    Some(r) => {
                        *r = Resolution {
                            entity,
                            score: s,
                            kind,
                        }
                    }
                    None => out.push(Resolution {
                        entity,
                        score: s,
                        kind,
                    }),
                }
            }
        }
    }
}
