//! The loaded gazetteer: entities by id, priors, common words.

use core::fmt;
use std::sync::OnceLock;

use super::builder::GazetteerBuilder;
use super::common_words::CommonWords;
use super::entity::Text;
use super::error::LoadError;
use super::hash::FastMap;
use super::stats::Stats;
use super::{Entity, Kind};
use crate::normalize::key;
use crate::Normalizer;

/// A set of entities merged from one or more gazetteer files.
///
/// ```
/// use bengali_names::{Gazetteer, Kind};
/// let gazetteer = Gazetteer::embedded();
/// let korea = gazetteer.get("iso:KP").unwrap();
/// assert_eq!(korea.kind(), Kind::Country);
/// assert!(gazetteer.iter().any(|e| e.kind() == Kind::City));
/// ```
#[derive(Clone)]
pub struct Gazetteer {
    entities: Vec<Entity>,
    index: FastMap<Text<'static>, usize>,
    /// Per entity: from a hand-written file (shipped or the user's).
    curated: Vec<bool>,
    common_words: CommonWords,
    warnings: Vec<LoadError>,
    files: usize,
}

impl Gazetteer {
    /// `index` maps each entity's id to its position in `entities`.
    pub(crate) fn from_parts(
        entities: Vec<Entity>,
        curated: Vec<bool>,
        index: FastMap<Text<'static>, usize>,
        common_words: CommonWords,
        warnings: Vec<LoadError>,
        files: usize,
    ) -> Self {
        Gazetteer {
            entities,
            index,
            curated,
            common_words,
            warnings,
            files,
        }
    }

    /// The shipped gazetteer, parsed once on first use.
    ///
    /// The shipped files are checked by the crate's tests, so this never
    /// fails; if a row were bad all the same, it would be skipped and its
    /// error kept in [`warnings`](Self::warnings).
    ///
    /// ```
    /// let gazetteer = bengali_names::Gazetteer::embedded();
    /// assert!(gazetteer.len() >= 5_000);
    /// assert!(gazetteer.warnings().is_empty());
    /// ```
    pub fn embedded() -> &'static Gazetteer {
        static EMBEDDED: OnceLock<Gazetteer> = OnceLock::new();
        EMBEDDED.get_or_init(|| {
            GazetteerBuilder::new()
                .lenient(true)
                .build()
                // Only an unreadable file fails a lenient build, and the
                // shipped files are compiled in; keep whatever errors there
                // are visible rather than panic.
                .unwrap_or_else(|errors| {
                    Gazetteer::from_parts(
                        Vec::new(),
                        Vec::new(),
                        FastMap::default(),
                        CommonWords::default(),
                        errors.into_vec(),
                        0,
                    )
                })
        })
    }

    /// A builder to load more files, or other files, than the shipped ones.
    ///
    /// ```
    /// let g = bengali_names::Gazetteer::builder().build().unwrap();
    /// assert!(!g.is_empty());
    /// ```
    pub fn builder() -> GazetteerBuilder {
        GazetteerBuilder::new()
    }

    /// All entities, in load order (file by file, row by row).
    ///
    /// ```
    /// let g = bengali_names::Gazetteer::embedded();
    /// assert_eq!(g.entities().len(), g.len());
    /// ```
    pub fn entities(&self) -> &[Entity] {
        &self.entities
    }

    /// The entity with this id.
    ///
    /// ```
    /// let g = bengali_names::Gazetteer::embedded();
    /// assert_eq!(g.get("iso:BD").map(|e| e.name_en()), Some("Bangladesh"));
    /// assert!(g.get("iso:XX").is_none());
    /// ```
    pub fn get(&self, id: &str) -> Option<&Entity> {
        self.index_of(id).and_then(|i| self.entities.get(i))
    }

    /// The position of the entity with this id in [`entities`](Self::entities).
    ///
    /// ```
    /// let g = bengali_names::Gazetteer::embedded();
    /// let i = g.index_of("iso:BD").unwrap();
    /// assert_eq!(g.entities()[i].id(), "iso:BD");
    /// ```
    pub fn index_of(&self, id: &str) -> Option<usize> {
        self.index.get(id).copied()
    }

    /// How many entities there are.
    ///
    /// ```
    /// assert!(bengali_names::Gazetteer::embedded().len() > 0);
    /// ```
    pub fn len(&self) -> usize {
        self.entities.len()
    }

    /// True when there are no entities.
    ///
    /// ```
    /// assert!(!bengali_names::Gazetteer::embedded().is_empty());
    /// ```
    pub fn is_empty(&self) -> bool {
        self.entities.is_empty()
    }

    /// Iterates over the entities in load order.
    ///
    /// ```
    /// use bengali_names::Kind;
    /// let countries = bengali_names::Gazetteer::embedded().iter().filter(|e| e.kind() == Kind::Country).count();
    /// assert!(countries >= 249);
    /// ```
    pub fn iter(&self) -> core::slice::Iter<'_, Entity> {
        self.entities.iter()
    }

    /// How many gazetteer files were loaded (shipped and the caller's).
    ///
    /// ```
    /// assert_eq!(bengali_names::Gazetteer::builder().embedded(false).build().unwrap().files(), 0);
    /// ```
    pub fn files(&self) -> usize {
        self.files
    }

    /// The errors of rows skipped in lenient mode (empty in strict mode).
    ///
    /// ```
    /// assert!(bengali_names::Gazetteer::embedded().warnings().is_empty());
    /// ```
    pub fn warnings(&self) -> &[LoadError] {
        &self.warnings
    }

    /// Counts by kind and by source.
    ///
    /// ```
    /// use bengali_names::Kind;
    /// let stats = bengali_names::Gazetteer::embedded().stats();
    /// assert_eq!(stats.iso_countries(), 249);
    /// assert!(stats.kind(Kind::Person) >= 300);
    /// ```
    pub fn stats(&self) -> Stats {
        Stats::new(self)
    }

    /// The ambiguity prior of an entity: when several entities share an
    /// alias, the one with the highest prior is the default reading and the
    /// others are alternatives (ties go to the entity loaded first). The
    /// order is the table in the [module documentation](super#ambiguity).
    /// An entity that is not in this gazetteer gets the prior of a generated
    /// entity of its kind.
    ///
    /// ```
    /// let g = bengali_names::Gazetteer::embedded();
    /// let us = g.get("iso:US").unwrap();
    /// let americas = g.get("un:019").unwrap();
    /// assert!(g.prior(us) > g.prior(americas));
    /// ```
    pub fn prior(&self, entity: &Entity) -> u32 {
        let curated = self
            .index_of(entity.id())
            .and_then(|i| self.curated.get(i))
            .copied()
            .unwrap_or(false);
        prior(entity.kind, curated)
    }

    /// True when `name` is also an ordinary word (data/common_words.txt and
    /// any added lists), compared by match key. An alias that is a common
    /// word must not produce a mention on its own.
    ///
    /// ```
    /// let g = bengali_names::Gazetteer::embedded();
    /// assert!(g.is_common_word("আইন"));
    /// assert!(!g.is_common_word("রাশিয়া"));
    /// ```
    pub fn is_common_word(&self, name: &str) -> bool {
        let display = Normalizer::new().normalize_str(name);
        self.common_words
            .contains(key::fold(display.trim()).bytes())
    }

    /// True when a match key (see [`key::fold`]) is a common word: the same
    /// test as [`is_common_word`](Self::is_common_word) for callers that
    /// already hold the key.
    ///
    /// ```
    /// use bengali_names::normalize::key;
    /// let g = bengali_names::Gazetteer::embedded();
    /// assert!(g.is_common_word_key(key::fold("আইন").bytes()));
    /// ```
    pub fn is_common_word_key(&self, key: &[u8]) -> bool {
        self.common_words.contains(key)
    }

    /// True when a match key is a word glossed `national body` in a
    /// common-word file: the name of a body many countries have, which links
    /// only in a document that has named the entity or its country.
    ///
    /// ```
    /// use bengali_names::normalize::key;
    /// let g = bengali_names::Gazetteer::embedded();
    /// assert!(g.is_national_body_key(key::fold("সিনেট").bytes()));
    /// assert!(!g.is_national_body_key(key::fold("আইন").bytes()));
    /// ```
    pub fn is_national_body_key(&self, key: &[u8]) -> bool {
        self.common_words.is_national_body(key)
    }

    /// The common-word set itself, for the matcher's token-tail check.
    pub(crate) fn common_words(&self) -> &CommonWords {
        &self.common_words
    }

    /// How many distinct common words are loaded.
    ///
    /// ```
    /// assert!(bengali_names::Gazetteer::embedded().common_word_count() > 0);
    /// ```
    pub fn common_word_count(&self) -> usize {
        self.common_words.len()
    }
}

/// The prior table of the module documentation, as numbers.
fn prior(kind: Kind, curated: bool) -> u32 {
    let by_kind = match kind {
        Kind::Country => 60,
        Kind::Person => 50,
        Kind::Organization => 40,
        Kind::Region => 30,
        Kind::City => 20,
        Kind::Subdivision => 10,
    };
    if curated {
        100 + by_kind
    } else {
        by_kind
    }
}

impl Default for Gazetteer {
    /// A copy of the shipped gazetteer ([`Gazetteer::embedded`] borrows it
    /// without copying).
    ///
    /// ```
    /// let g = bengali_names::Gazetteer::default();
    /// assert_eq!(g.len(), bengali_names::Gazetteer::embedded().len());
    /// ```
    fn default() -> Self {
        Gazetteer::embedded().clone()
    }
}

impl fmt::Debug for Gazetteer {
    /// A summary: thousands of entities are not a useful debug print.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Gazetteer")
            .field("entities", &self.entities.len())
            .field("files", &self.files)
            .field("common_words", &self.common_words.len())
            .field("warnings", &self.warnings.len())
            .finish()
    }
}

impl<'a> IntoIterator for &'a Gazetteer {
    type Item = &'a Entity;
    type IntoIter = core::slice::Iter<'a, Entity>;

    fn into_iter(self) -> Self::IntoIter {
        self.entities.iter()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn priors_follow_the_documented_order() {
        let order = [
            prior(Kind::Country, true),
            prior(Kind::Person, true),
            prior(Kind::Organization, true),
            prior(Kind::Country, false),
            prior(Kind::Person, false),
            prior(Kind::Organization, false),
            prior(Kind::Region, false),
            prior(Kind::City, false),
            prior(Kind::Subdivision, false),
        ];
        assert!(order.windows(2).all(|w| w.first() > w.get(1)));
    }
}
