//! Finding gazetteer entities in running Bengali text.
//!
//! A [`Matcher`] is built once from a [`Gazetteer`] and shared (it is `Send`
//! and `Sync`; every search method takes `&self`). Searching a text gives
//! [`Mention`]s with byte and char spans into the caller's original text.
//!
//! ```
//! use bengali_names::Matcher;
//! let matcher = Matcher::embedded();
//! let text = "রাশিয়ার প্রেসিডেন্ট ভ্লাদিমির পুতিনের সঙ্গে দেখা করবেন DPRK-এর নেতা";
//! let found: Vec<_> = matcher
//!     .find_iter(text)
//!     .map(|m| (&text[m.span()], m.entity().name_en()))
//!     .collect();
//! assert_eq!(found, [
//!     ("রাশিয়ার", "Russia"),
//!     ("ভ্লাদিমির পুতিনের", "Vladimir Putin"),
//!     ("DPRK-এর", "North Korea"),
//! ]);
//! ```
//!
//! # How a text is searched
//!
//! 1. Each line is scanned once over its UTF-8 bytes: the scan checks that
//!    display normalization ([`Normalizer`]) would leave it unchanged and
//!    finds where tokens start (a word character after a non-word one). A
//!    line the check flags (or with rare characters) is display-normalized
//!    and folded to the match key (K1–K6 of NORMALIZATION.md) on its own,
//!    keeping the offset map back to the caller's bytes.
//! 2. From every token start, the alias trie is walked in the same pass,
//!    each Bengali letter's key byte read from one table as the scan meets
//!    it (most walks end after a few characters, so the text is never
//!    encoded whole; a walk still alive at a space or a rarer character
//!    reads ahead through the fold), and every alias found is a candidate;
//!    a table of the trie's first two levels skips tokens that start no
//!    alias. A candidate whose token goes on in letters that are no suffix
//!    chain is dropped there; only a token with a candidate left gets its
//!    key written, for the checks below. (With variants, the whole key is
//!    written first: the variant folds need it.)
//! 3. **Tail check**, before any choice: the rest of the candidate's token
//!    must be empty or a chain of Bengali suffixes (`data/suffixes.txt`),
//!    so a rejected longer alias never hides a valid shorter one. A hyphen
//!    or an apostrophe may join the suffixes (DPRK-এর, ইইউ’র). Candidates
//!    are checked against the rules below.
//! 4. **Leftmost-longest**: at each token start the longest valid stem wins
//!    (nested names resolve to the longest: ডেমোক্রেটিক পিপলস রিপাবলিক অফ
//!    কোরিয়ার is one mention); the search goes on after its end. An alias
//!    never contains a line break, so a mention never crosses one.
//!
//! # Rules
//!
//! - **One-letter aliases never fire**: a single letter is an initial or
//!   noise far more often than a name.
//! - **Common words** ([`Gazetteer::is_common_word`]) never fire alone: such
//!   an alias counts only once its entity was named by another alias earlier
//!   in the document, or as part of a longer alias.
//! - **Latin** aliases are case-insensitive with word boundaries; short
//!   all-capital abbreviations need capitals ([`latin`]).
//! - **Ambiguity**: when entities share an alias, the gazetteer's prior
//!   ([`Gazetteer::prior`]) picks the default, unless the document has
//!   named another of them, or something in another one's country and
//!   nothing in the default's (জর্জিয়া after ট্রাম্প is the US state; a
//!   default in no country, such as a sea, gives way only to an entity
//!   named before). The others are [`Mention::alternatives`]. Right after
//!   another country's genitive, a national body is not the one its bare
//!   name defaults to (শ্রীলঙ্কার স্বাস্থ্য মন্ত্রণালয় is no ministry of
//!   Bangladesh); a unit or city several share is the one inside the place
//!   in the genitive before it or in parentheses after it (দিনাজপুরের
//!   নবাবগঞ্জে, শেরপুর (বগুড়া) প্রতিনিধি).
//! - **Abbreviations** spelt letter by letter (এফবিআই, with FBI among the
//!   entity's Latin names) also match with the letters apart: এফ বি আই,
//!   এফ.বি.আই, এফ. বি. আই.
//! - **Demonyms** (রাশিয়ান, Russian; রিপাবলিকান) are mentions only when
//!   asked for ([`MatcherBuilder::demonyms`]); otherwise they are words like
//!   common words, so no variant and no name plus suffix reads them.
//! - **Variants** (spelling differences, several words written as one)
//!   are searched where no exact alias is found and score lower; a word
//!   ending in the adjective suffix ীয় is never one. **Partial names**
//!   (শোইগু) link to a person named fully earlier in the same
//!   [`Document`]; a person of Africa, the Americas, Europe or Oceania
//!   only by the last word of the name (হ্যারিস, never কমলা). See the
//!   builder.
//! - **People no gazetteer lists** are no mentions: [`Matcher::unlisted_names`]
//!   reads them apart, as runs of two or more name parts (মো. আবদুল করিম,
//!   নাসির উদ্দিনের), with a romanized name and no entity.
//!
//! Scores: 1.0 exact and Latin, 0.9 loose variant, 0.85 partial name, 0.75
//! skeleton variant.

mod acronym;
mod automaton;
mod builder;
mod document;
mod encode;
pub mod latin;
mod memo;
mod mention;
mod partial;
mod resolve;
mod romanized;
mod tail;
mod trie;
mod unlisted;
mod variant;

use std::sync::OnceLock;

pub use automaton::AutomatonError;
pub use builder::{BuildError, MatcherBuilder};
pub use document::{Document, Mentions};
pub use mention::{EntityInfo, MatchKind, Mention, UnknownMatchKind};
pub use resolve::Resolution;
pub use tail::SuffixError;
pub use unlisted::{UnlistedName, UnlistedNames};

use automaton::KeyAutomaton;
use encode::Encoder;
use partial::NameParts;
use tail::Suffixes;

use crate::{Gazetteer, Normalizer};

/// Finds gazetteer entities in Bengali text.
///
/// ```
/// use bengali_names::{Gazetteer, Matcher};
/// let matcher = Matcher::new(Gazetteer::embedded())?;
/// let hit = matcher.find_iter("পিয়ংইয়ংয়ের আকাশ").next().unwrap();
/// assert_eq!(hit.entity().name_en(), "Pyongyang");
/// # Ok::<(), bengali_names::matcher::BuildError>(())
/// ```
#[derive(Clone, Debug)]
pub struct Matcher {
    entities: Vec<EntityInfo>,
    exact: Table,
    loose: Table,
    skeleton: Table,
    suffixes: Suffixes,
    /// Name parts read beside a partial name.
    name_parts: NameParts,
    encoder: Encoder,
    normalizer: Normalizer,
    variants: bool,
    /// The entities by the sound of their English names, for `resolve`;
    /// built on its first call.
    romanized: OnceLock<romanized::Romanized>,
}

/// The entities behind one key: which entity, how, with which checks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Entry {
    target: u32,
    kind: MatchKind,
    /// How the text must be written (Latin aliases).
    case: latin::Case,
    /// The bare name of a subdivision outside Bangladesh and India (its
    /// designator dropped: এনা of এনা প্রদেশ), or a name many countries'
    /// bodies share (সিনেট: a word glossed `national body`): it links only
    /// in a document that has named something in its country.
    in_its_country: bool,
}

impl Entry {
    pub(crate) fn new(target: u32, kind: MatchKind, case: latin::Case) -> Self {
        Entry {
            target,
            kind,
            case,
            in_its_country: false,
        }
    }

    /// The entry, linking only where the document has named its country.
    pub(crate) fn in_its_country(self) -> Self {
        Entry {
            in_its_country: true,
            ..self
        }
    }
}

/// An automaton with the entries of each of its keys.
#[derive(Clone, Debug, Default)]
pub(crate) struct Table {
    automaton: Option<KeyAutomaton>,
    /// Pattern `p`'s entries are `entries[bounds[p]..bounds[p + 1]]`, best
    /// first (one bound per pattern and one more: a pair per pattern would
    /// cost 4 more bytes for each of a million keys).
    bounds: Vec<u32>,
    entries: Vec<Entry>,
    /// Per pattern: the key is a common word.
    weak: Vec<bool>,
    /// Per pattern (variant tables): some alias of this key ended in signs
    /// the fold dropped, so a hit may absorb the text's dropped signs.
    open_end: Vec<bool>,
}

impl Table {
    fn memory_usage(&self) -> usize {
        self.automaton
            .as_ref()
            .map_or(0, KeyAutomaton::memory_usage)
            + self.bounds.capacity() * core::mem::size_of::<u32>()
            + self.entries.capacity() * core::mem::size_of::<Entry>()
            + self.weak.capacity()
            + self.open_end.capacity()
    }

    fn len(&self) -> usize {
        self.automaton.as_ref().map_or(0, KeyAutomaton::len)
    }

    /// The entries of `pattern`, best first.
    pub(crate) fn entries_of(&self, pattern: usize) -> &[Entry] {
        let range = self.range(pattern);
        self.entries
            .get(range.start as usize..range.end as usize)
            .unwrap_or_default()
    }

    /// The entries of `pattern`, as indices into `entries`.
    pub(crate) fn range(&self, pattern: usize) -> core::ops::Range<u32> {
        match self.bounds.get(pattern..pattern + 2) {
            Some(&[start, end]) => start..end,
            _ => 0..0,
        }
    }
}

impl Matcher {
    /// A matcher over `gazetteer` with the default options.
    ///
    /// ```
    /// let g = bengali_names::Gazetteer::embedded();
    /// let m = bengali_names::Matcher::new(g)?;
    /// assert_eq!(m.entities().len(), g.len());
    /// # Ok::<(), bengali_names::matcher::BuildError>(())
    /// ```
    pub fn new(gazetteer: &Gazetteer) -> Result<Matcher, BuildError> {
        MatcherBuilder::new().build(gazetteer)
    }

    /// A builder for a matcher with other options.
    ///
    /// ```
    /// let m = bengali_names::Matcher::builder()
    ///     .variants(false)
    ///     .build(bengali_names::Gazetteer::embedded())?;
    /// assert!(m.find_iter("ঢাকা").next().is_some());
    /// # Ok::<(), bengali_names::matcher::BuildError>(())
    /// ```
    pub fn builder() -> MatcherBuilder {
        MatcherBuilder::new()
    }

    /// The matcher over the embedded gazetteer with the default options,
    /// built once on first use.
    ///
    /// ```
    /// let m = bengali_names::Matcher::embedded();
    /// assert!(m.entity("iso:BD").is_some());
    /// ```
    pub fn embedded() -> &'static Matcher {
        static EMBEDDED: OnceLock<Matcher> = OnceLock::new();
        EMBEDDED.get_or_init(|| {
            // The embedded gazetteer is far below the automaton's limits;
            // should the build still fail, an empty matcher finds nothing
            // rather than panicking inside a library.
            Matcher::new(Gazetteer::embedded()).unwrap_or_else(|_| Matcher::empty())
        })
    }

    fn empty() -> Matcher {
        Matcher {
            entities: Vec::new(),
            exact: Table::default(),
            loose: Table::default(),
            skeleton: Table::default(),
            suffixes: Suffixes::shipped(),
            name_parts: NameParts::default(),
            encoder: Encoder::new(),
            normalizer: Normalizer::new(),
            variants: false,
            romanized: OnceLock::new(),
        }
    }

    /// The mentions in `text`, in order, treating `text` as one whole
    /// document.
    ///
    /// ```
    /// let text = "উত্তর কোরিয়াতেই, রাশিয়াকেও এবং ভ্লাদিমির পুতিনেরই";
    /// let n = bengali_names::Matcher::embedded().find_iter(text).count();
    /// assert_eq!(n, 3);
    /// ```
    pub fn find_iter<'m, 't>(&'m self, text: &'t str) -> Mentions<'m, 'static, 't> {
        Mentions::one_off(self, text)
    }

    /// A document: search its pieces in order, and partial names and
    /// common-word aliases see what earlier pieces named.
    ///
    /// ```
    /// let mut doc = bengali_names::Matcher::embedded().document();
    /// doc.find_iter("অ্যাড্রিয়েন ওয়াটসন বলেন").count();
    /// let later: Vec<_> = doc.find_iter("ওয়াটসন আরও বলেন").collect();
    /// assert_eq!(later[0].entity().name_en(), "Adrienne Watson");
    /// ```
    pub fn document(&self) -> Document<'_> {
        Document::new(self)
    }

    /// The entity with this id, if the matcher knows it.
    ///
    /// ```
    /// let m = bengali_names::Matcher::embedded();
    /// assert_eq!(m.entity("iso:JP").unwrap().name_en(), "Japan");
    /// assert!(m.entity("nope").is_none());
    /// ```
    pub fn entity(&self, id: &str) -> Option<&EntityInfo> {
        self.entities.iter().find(|e| e.id() == id)
    }

    /// Every entity, in gazetteer order.
    ///
    /// ```
    /// assert!(!bengali_names::Matcher::embedded().entities().is_empty());
    /// ```
    pub fn entities(&self) -> &[EntityInfo] {
        &self.entities
    }

    pub(crate) fn entity_at(&self, target: u32) -> Option<&EntityInfo> {
        self.entities.get(usize::try_from(target).ok()?)
    }

    /// Number of distinct exact keys (aliases and name parts).
    ///
    /// ```
    /// assert!(bengali_names::Matcher::embedded().alias_count() > 1000);
    /// ```
    pub fn alias_count(&self) -> usize {
        self.exact.len()
    }

    /// Approximate heap memory of the matcher, in bytes.
    ///
    /// ```
    /// assert!(bengali_names::Matcher::embedded().memory_usage() > 0);
    /// ```
    pub fn memory_usage(&self) -> usize {
        self.exact.memory_usage()
            + self.loose.memory_usage()
            + self.skeleton.memory_usage()
            + self
                .entities
                .iter()
                .map(|e| core::mem::size_of::<EntityInfo>() + e.heap_bytes())
                .sum::<usize>()
    }

    /// The core of the search, for benchmarks: folds display-normalized
    /// text to the key and counts the aliases found from token starts,
    /// before the tail check and any choice.
    ///
    /// ```
    /// let m = bengali_names::Matcher::embedded();
    /// assert!(m.count_stem_hits("রাশিয়ার রাশিয়ান") >= 2);
    /// ```
    pub fn count_stem_hits(&self, display: &str) -> usize {
        document::count_stem_hits(self, &mut encode::Key::default(), display)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn public_types_are_send_and_sync() {
        fn check<T: Send + Sync>() {}
        check::<Matcher>();
        check::<MatcherBuilder>();
        check::<Document<'static>>();
        check::<Mentions<'static, 'static, 'static>>();
        check::<Mention<'static>>();
        check::<EntityInfo>();
        check::<MatchKind>();
        check::<Resolution<'static>>();
        check::<BuildError>();
        check::<AutomatonError>();
        check::<SuffixError>();
        check::<UnknownMatchKind>();
        check::<UnlistedName<'static>>();
        check::<UnlistedNames<'static, 'static>>();
    }
}
