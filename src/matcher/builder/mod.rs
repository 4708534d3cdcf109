//! Building a [`Matcher`] from a gazetteer: fold every alias, group the
//! entities behind each key, compile the automata.

use core::fmt;
use std::path::Path;

use super::automaton::AutomatonError;
use super::encode::{Encoder, Key};
use super::mention::EntityInfo;
use super::tail::{SuffixError, Suffixes};
use super::{partial, Entry, Matcher};
use crate::normalize::key;
use crate::{Gazetteer, Normalizer};
use fold::{country_of, trim_spaces, Folds, Groups};
use grouper::Grouper;
use rustc_hash::FxHashSet;

mod fold;
mod grouper;

/// Why a matcher could not be built.
///
/// ```
/// use bengali_names::matcher::BuildError;
/// fn describe(e: &BuildError) -> String { e.to_string() }
/// ```
#[derive(Debug)]
#[non_exhaustive]
pub enum BuildError {
    /// The automaton library refused the keys (too many states for its IDs).
    Automaton(AutomatonError),
}

impl fmt::Display for BuildError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            BuildError::Automaton(e) => write!(f, "cannot build the alias automaton: {e}"),
        }
    }
}

impl std::error::Error for BuildError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            BuildError::Automaton(e) => Some(e),
        }
    }
}

impl From<AutomatonError> for BuildError {
    fn from(e: AutomatonError) -> Self {
        BuildError::Automaton(e)
    }
}

/// Configures and builds a [`Matcher`].
///
/// | option | default | what |
/// |---|---|---|
/// | [`variants`](Self::variants) | on | spelling-variant search |
/// | [`partial_names`](Self::partial_names) | on | person name parts after a full mention |
/// | [`demonyms`](Self::demonyms) | off | রাশিয়ান, Russian as mentions of the country |
/// | [`suffixes_str`](Self::suffixes_str) / [`suffixes_file`](Self::suffixes_file) | shipped list | more suffixes for the tail check |
///
/// ```
/// use bengali_names::{Gazetteer, Matcher};
/// let matcher = Matcher::builder()
///     .variants(false)
///     .suffixes_str("mine.txt", "খানার\tgenitive\n")?
///     .build(Gazetteer::embedded())?;
/// let text = "রাশিয়াখানার";
/// assert_eq!(matcher.find_iter(text).next().unwrap().span(), 0..text.len());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug)]
pub struct MatcherBuilder {
    variants: bool,
    partial_names: bool,
    demonyms: bool,
    suffixes: Suffixes,
    aho_corasick: bool,
}

impl Default for MatcherBuilder {
    fn default() -> Self {
        MatcherBuilder {
            variants: true,
            partial_names: true,
            demonyms: false,
            suffixes: Suffixes::shipped(),
            aho_corasick: false,
        }
    }
}

/// Loose variant keys need this many letters: short names have too many
/// look-alike words (মালি / মালা).
const LOOSE_MIN_LETTERS: usize = 3;
/// A one-word skeleton needs this many letters (ভ্লাদিভস্তোক has 7).
const SKELETON_MIN_LETTERS: usize = 5;
/// A multi-word skeleton needs this many letters.
const SKELETON_MIN_LETTERS_MULTI: usize = 4;

impl MatcherBuilder {
    /// A builder with the default options.
    ///
    /// ```
    /// let m = bengali_names::matcher::MatcherBuilder::new()
    ///     .build(bengali_names::Gazetteer::embedded())?;
    /// assert!(m.find_iter("ঢাকা").next().is_some());
    /// # Ok::<(), bengali_names::matcher::BuildError>(())
    /// ```
    pub fn new() -> Self {
        Self::default()
    }

    /// Search for spelling variants where no exact alias is found (on by
    /// default). Loose variants need an alias of at least 3 letters and
    /// are used for subdivisions only in Bangladesh and India (whose
    /// names Bengali text spells in more ways); skeletons only for people, cities and
    /// countries, with at least 5 letters (4 for a multi-word name). Common
    /// words never get variants, and a word of the text spelt as a common
    /// word, or as a demonym while [`demonyms`](Self::demonyms) are off, is
    /// never read as one.
    ///
    /// ```
    /// use bengali_names::{Gazetteer, Matcher};
    /// let exact_only = Matcher::builder().variants(false).build(Gazetteer::embedded())?;
    /// assert!(exact_only.find_iter("অ্যাড্রিয়ান ওয়াটসন").next().is_none());
    /// let with_variants = Matcher::builder().build(Gazetteer::embedded())?;
    /// assert!(with_variants.find_iter("অ্যাড্রিয়ান ওয়াটসন").next().is_some());
    /// # Ok::<(), bengali_names::matcher::BuildError>(())
    /// ```
    pub fn variants(mut self, yes: bool) -> Self {
        self.variants = yes;
        self
    }

    /// Link a part of a person's name (শোইগু) to the person named fully
    /// earlier in the document (on by default).
    ///
    /// ```
    /// use bengali_names::{Gazetteer, Matcher};
    /// let m = Matcher::builder().partial_names(false).build(Gazetteer::embedded())?;
    /// assert_eq!(m.find_iter("সের্গেই শোইগু এলেন। শোইগু বলেন").count(), 1);
    /// # Ok::<(), bengali_names::matcher::BuildError>(())
    /// ```
    pub fn partial_names(mut self, yes: bool) -> Self {
        self.partial_names = yes;
        self
    }

    /// Report demonyms (রাশিয়ান, Russian; a party's members, রিপাবলিকান,
    /// Republicans) as mentions of their country or party (off by default:
    /// NER corpora and most users do not count them).
    ///
    /// ```
    /// use bengali_names::{Gazetteer, Matcher};
    /// let m = Matcher::builder().demonyms(true).build(Gazetteer::embedded())?;
    /// let hit = m.find_iter("রাশিয়ান সেনা").next().unwrap();
    /// assert_eq!(hit.entity().id(), "iso:RU");
    /// # Ok::<(), bengali_names::matcher::BuildError>(())
    /// ```
    pub fn demonyms(mut self, yes: bool) -> Self {
        self.demonyms = yes;
        self
    }

    /// Use aho-corasick automata for the keys instead of the anchored trie
    /// (off by default; for the benchmarks that compare the two, see
    /// BENCHMARKS.md). Results are identical.
    ///
    /// ```
    /// let m = bengali_names::Matcher::builder()
    ///     .aho_corasick_keys(true)
    ///     .build(bengali_names::Gazetteer::embedded())?;
    /// assert!(m.find_iter("ঢাকা").next().is_some());
    /// # Ok::<(), bengali_names::matcher::BuildError>(())
    /// ```
    #[doc(hidden)]
    pub fn aho_corasick_keys(mut self, yes: bool) -> Self {
        self.aho_corasick = yes;
        self
    }

    /// Adds the suffixes of a list in the format of `data/suffixes.txt`
    /// (one suffix per line, optional tab and class, `#` comments).
    ///
    /// ```
    /// let b = bengali_names::matcher::MatcherBuilder::new().suffixes_str("x", "গণ\tplural\n");
    /// assert!(b.is_ok());
    /// ```
    pub fn suffixes_str(mut self, source: &str, text: &str) -> Result<Self, SuffixError> {
        self.suffixes.add_list(source, text)?;
        Ok(self)
    }

    /// Adds the suffixes of a file (see [`suffixes_str`](Self::suffixes_str)).
    ///
    /// ```
    /// let err = bengali_names::matcher::MatcherBuilder::new()
    ///     .suffixes_file("/no/such/file.txt")
    ///     .unwrap_err();
    /// assert_eq!(err.line(), 0);
    /// ```
    pub fn suffixes_file(self, path: impl AsRef<Path>) -> Result<Self, SuffixError> {
        let path = path.as_ref();
        let name = path.display().to_string();
        let text = std::fs::read_to_string(path).map_err(|e| SuffixError::io(&name, &e))?;
        self.suffixes_str(&name, &text)
    }

    /// Builds the matcher over every entity of `gazetteer`.
    ///
    /// ```
    /// let m = bengali_names::Matcher::builder().build(bengali_names::Gazetteer::embedded())?;
    /// assert!(m.alias_count() > 1000);
    /// # Ok::<(), bengali_names::matcher::BuildError>(())
    /// ```
    pub fn build(self, gazetteer: &Gazetteer) -> Result<Matcher, BuildError> {
        let normalizer = Normalizer::new();
        let encoder = Encoder::new();
        let all = gazetteer.entities();
        let infos = |entities: &[crate::Entity]| -> Vec<EntityInfo> {
            entities
                .iter()
                .map(|entity| {
                    EntityInfo::new(
                        entity.id(),
                        entity.kind(),
                        entity.name_en(),
                        entity.name_bn(),
                        entity.code(),
                        country_of(gazetteer, entity)
                            .and_then(|c| gazetteer.index_of(c.id()))
                            .and_then(|i| u32::try_from(i).ok()),
                        entity
                            .parent()
                            .and_then(|parent| gazetteer.index_of(parent))
                            .and_then(|i| u32::try_from(i).ok()),
                    )
                })
                .collect()
        };
        // Most entities have a name and a Latin id of their own: about two
        // exact keys each. Reserving spares the index its rehashes.
        let mut groups = Groups {
            exact: Grouper::with_capacity(all.len() * 2),
            loose: Grouper::default(),
            skeleton: Grouper::default(),
        };
        // Folding is most of a large build and needs nothing but the
        // entity: the second half is folded on another thread, then
        // replayed after the first so that keys keep their order. Each
        // thread also copies out its entities' names (three allocations
        // each).
        let half = if all.len() >= PARALLEL_MIN {
            all.len() / 2
        } else {
            all.len()
        };
        let (head, tail) = all.split_at(half);
        // A person's name part that is a demonym (ইরানি, Iranian, of স্মৃতি
        // ইরানি) never stands for the person alone.
        let demonyms: FxHashSet<Box<[u8]>> = all
            .iter()
            .flat_map(|entity| entity.names())
            .filter(|(field, _)| field.is_demonym())
            .map(|(_, name)| key::fold(name).bytes().into())
            .collect();
        let entities = std::thread::scope(|scope| {
            let folder = (!tail.is_empty()).then(|| {
                scope.spawn(|| {
                    let mut folds = Folds::with_capacity(tail.len() * 2);
                    self.fold_all(gazetteer, &encoder, &demonyms, half, tail, &mut folds);
                    (folds, infos(tail))
                })
            });
            self.fold_all(gazetteer, &encoder, &demonyms, 0, head, &mut groups);
            let mut entities = Vec::with_capacity(all.len());
            entities.extend(infos(head));
            match folder.map(std::thread::ScopedJoinHandle::join) {
                Some(Ok((folds, rest))) => {
                    folds.replay(&mut groups);
                    entities.extend(rest);
                }
                // The thread died: fold the second half here instead.
                Some(Err(_)) => {
                    self.fold_all(gazetteer, &encoder, &demonyms, half, tail, &mut groups);
                    entities.extend(infos(tail));
                }
                None => {}
            }
            entities
        });
        let Groups {
            exact,
            loose,
            skeleton,
        } = groups;
        // Priors are asked only to order a key's entries, and most keys
        // have one: a lookup per entity up front cost a hash of its id each.
        let by_prior = |entry: &Entry| {
            let prior = usize::try_from(entry.target)
                .ok()
                .and_then(|i| all.get(i))
                .map_or(0, |entity| gazetteer.prior(entity));
            (entry.kind.rank(), core::cmp::Reverse(prior), entry.target)
        };
        let mut suffixes = self.suffixes;
        let mut words = gazetteer.common_words().clone();
        if !self.demonyms {
            // Not read as names, demonyms are words like any other: আর্জেন্টাইন
            // is no spelling variant of আর্জেন্টিনা.
            let mut folded = Key::default();
            let demonyms = gazetteer
                .iter()
                .flat_map(|e| e.names())
                .filter(|(field, _)| field.is_demonym() && !field.is_latin());
            for (_, name) in demonyms {
                folded.encode_bytes(&encoder, name);
                words.insert(trim_spaces(folded.bytes()));
            }
        }
        suffixes.set_common_words(words);
        let name_parts = partial::NameParts::new(gazetteer.common_words());
        Ok(Matcher {
            entities,
            exact: exact.finish(&by_prior, self.aho_corasick)?,
            loose: loose.finish(&by_prior, self.aho_corasick)?,
            skeleton: skeleton.finish(&by_prior, self.aho_corasick)?,
            suffixes,
            name_parts,
            encoder,
            normalizer,
            variants: self.variants,
            romanized: std::sync::OnceLock::new(),
        })
    }
}

/// A gazetteer at least this large is folded on two threads.
const PARALLEL_MIN: usize = 1 << 16;

#[cfg(test)]
mod tests {
    use super::*;

    /// Mentions in `text` of a one-city gazetteer whose `name_bn` is `name`
    /// (`usize::MAX` when the gazetteer or matcher cannot be built).
    fn count_with_one_city(name: &str, builder: MatcherBuilder, text: &str) -> usize {
        let tsv = format!(
            "{}\ns:1\tcity\tX\t{name}\t\t\t\t\t\t\tt\n",
            crate::gazetteer::HEADER
        );
        Gazetteer::builder()
            .embedded(false)
            .add_str("t.tsv", &tsv)
            .build()
            .ok()
            .and_then(|gazetteer| builder.build(&gazetteer).ok())
            .map_or(usize::MAX, |m| m.find_iter(text).count())
    }

    #[test]
    fn an_alias_with_one_key_letter_never_fires() {
        // þ + a Samaritan letter: the key keeps þ and a byte that any
        // symbol also folds to, so the text's "þ¦" would be a one-letter hit.
        let found = count_with_one_city("\u{FE}\u{80D}", MatcherBuilder::new(), "\u{FE}\u{A6} x");
        assert_eq!(found, 0);
    }

    #[test]
    fn names_are_folded_as_the_gazetteer_stores_them() {
        // The builder skips normalization because the loader stores names
        // normalized: a name written in a non-normal form still matches.
        let text = "\u{09A8}\u{09DF}\u{09BE}\u{09AA}\u{09C1}\u{09B0}";
        let found = count_with_one_city(
            "\u{09A8}\u{09AF}\u{09BC}\u{09BE}\u{09AA}\u{09C1}\u{09B0}",
            MatcherBuilder::new().variants(false),
            text,
        );
        assert_eq!(
            found,
            1,
            "no mention in {:?}",
            text.chars()
                .map(|c| format!("U+{:04X}", c as u32))
                .collect::<Vec<_>>()
        );
    }
}
