//! Building a [`Matcher`] from a gazetteer: fold every alias, group the
//! entities behind each key, compile the automata.

use core::fmt;
use std::collections::hash_map;
use std::collections::HashMap;
use std::hash::BuildHasherDefault;
use std::path::Path;

use super::acronym::{self, LetterKeys};
use super::automaton::{AutomatonError, KeyAutomaton};
use super::encode::{Encoder, Key};
use super::mention::{EntityInfo, MatchKind};
use super::tail::{SuffixError, Suffixes};
use super::variant::{self, Level};
use super::{latin, partial, Entry, Matcher, Table};
use crate::{Gazetteer, Kind, Normalizer};

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
        let entities = std::thread::scope(|scope| {
            let folder = (!tail.is_empty()).then(|| {
                scope.spawn(|| {
                    let mut folds = Folds::with_capacity(tail.len() * 2);
                    self.fold_all(gazetteer, &encoder, half, tail, &mut folds);
                    (folds, infos(tail))
                })
            });
            self.fold_all(gazetteer, &encoder, 0, head, &mut groups);
            let mut entities = Vec::with_capacity(all.len());
            entities.extend(infos(head));
            match folder.map(std::thread::ScopedJoinHandle::join) {
                Some(Ok((folds, rest))) => {
                    folds.replay(&mut groups);
                    entities.extend(rest);
                }
                // The thread died: fold the second half here instead.
                Some(Err(_)) => {
                    self.fold_all(gazetteer, &encoder, half, tail, &mut groups);
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

impl MatcherBuilder {
    /// Folds the aliases of `entities` (the first is entity number
    /// `first`) into `sink`, in order.
    fn fold_all(
        &self,
        gazetteer: &Gazetteer,
        encoder: &Encoder,
        first: usize,
        entities: &[crate::Entity],
        sink: &mut impl Sink,
    ) {
        let mut folded = Key::default();
        let normalizer = Normalizer::new();
        let letters = LetterKeys::new(|name| {
            folded.encode_bytes(encoder, &normalizer.normalize_str(name));
            folded.bytes().to_vec()
        });
        for (index, entity) in (first..).zip(entities) {
            let target = u32::try_from(index).unwrap_or(u32::MAX);
            // Decided once per entity: the walk up its parents is the same
            // for every one of its names.
            let loose = entity.kind() != Kind::Subdivision || in_bengali_country(gazetteer, entity);
            let by_surname = entity.kind() == Kind::Person
                && country_of(gazetteer, entity)
                    .and_then(|country| country.code())
                    .is_some_and(partial::named_by_surname);
            let abbreviations: Vec<&str> = entity
                .names()
                .filter(|(field, name)| field.is_latin() && acronym::is_abbreviation(name))
                .map(|(_, name)| name)
                .collect();
            for (field, name) in entity.names() {
                if field.is_demonym() && !self.demonyms {
                    continue;
                }
                // The gazetteer keeps every name in display form, trimmed
                // (its loader normalizes them; display normalization is
                // idempotent), so the name is folded as it is.
                let display = name;
                // The matcher's own encoder (tested equal to key::fold);
                // a person's names keep the way back to their letters, for
                // the parts that may stand for the whole.
                let partials = self.partial_names && entity.kind() == Kind::Person;
                if partials {
                    folded.encode(encoder, display);
                } else {
                    folded.encode_bytes(encoder, display);
                }
                let key = trim_spaces(folded.bytes());
                // One-letter aliases never fire: a lone letter is an
                // initial, a numeral or noise far more often than a name.
                // Both counts matter: the key spells a ligature (æ, ß) as
                // two letters, and the key keeps only Bengali and ASCII ones.
                if variant::letters(key) < 2 || !two_written_letters(display) {
                    continue;
                }
                // A line break never belongs to a name, and the search takes
                // each line on its own: no key may reach across one.
                if key.contains(&b'\n') {
                    continue;
                }
                let weak = gazetteer.is_common_word_key(key);
                let how = if field.is_latin() {
                    MatchKind::Latin
                } else {
                    MatchKind::Exact
                };
                let case = if field.is_latin() {
                    latin::Case::of_alias(name, weak)
                } else {
                    latin::Case::Any
                };
                let mut entry = Entry::new(target, how, case);
                // CLDR names the subdivisions of every country by the
                // unit (এনা প্রদেশ, বলকান প্রদেশ); bare, such a name is as
                // often a Bengali word (কোপান "hacked", পনি) or another
                // place (the Balkans) as the unit of a country the text
                // is not about.
                if !loose && !field.is_latin() && is_bare_name(entity.name_bn(), display) {
                    entry = entry.in_its_country();
                }
                sink.add(Group::Exact, key, entry, weak, false);
                if field.is_latin() || field.is_demonym() {
                    continue;
                }
                for latin in &abbreviations {
                    for apart in letters.apart(key, latin) {
                        let entry = Entry::new(target, MatchKind::Exact, latin::Case::Any);
                        let weak = gazetteer.is_common_word_key(&apart);
                        sink.add(Group::Exact, &apart, entry, weak, false);
                    }
                }
                if partials {
                    // Named by surname: by the last word alone, if by any
                    // (not when that is a common word: জুনিয়র, গামা).
                    let surname = partial::parts(folded.bytes()).last().filter(|_| by_surname);
                    for range in partial::parts(folded.bytes()) {
                        let part = folded.bytes().get(range.clone()).unwrap_or_default();
                        let written = folded.span_to_display(encoder, display, range.clone());
                        if surname.as_ref().is_none_or(|s| *s == range)
                            && !gazetteer.is_common_word_key(part)
                            && !letters.spells_initials(part)
                            && display.get(written).is_some_and(two_written_letters)
                        {
                            let entry = Entry::new(target, MatchKind::Partial, latin::Case::Any);
                            sink.add(Group::Exact, part, entry, false, false);
                        }
                    }
                }
                if self.variants && !weak {
                    let common = |k: &[u8]| gazetteer.is_common_word_key(k);
                    add_variants(sink, entity.kind(), loose, key, target, common);
                }
            }
        }
    }
}

/// The three key tables a build fills.
#[derive(Clone, Copy, Debug)]
enum Group {
    Exact,
    Loose,
    Skeleton,
}

/// Where folded keys go: the groupers, or a list to replay into them.
trait Sink {
    fn add(&mut self, group: Group, key: &[u8], entry: Entry, weak: bool, open_end: bool);
}

struct Groups {
    exact: Grouper,
    loose: Grouper,
    skeleton: Grouper,
}

impl Groups {
    fn get(&mut self, group: Group) -> &mut Grouper {
        match group {
            Group::Exact => &mut self.exact,
            Group::Loose => &mut self.loose,
            Group::Skeleton => &mut self.skeleton,
        }
    }
}

impl Sink for Groups {
    fn add(&mut self, group: Group, key: &[u8], entry: Entry, weak: bool, open_end: bool) {
        self.get(group)
            .add_hashed(key, hash_key(key), entry, weak, open_end);
    }
}

/// Keys folded on another thread, in the order folded, with their hashes
/// (the thread that replays them into the groupers does not hash them
/// again); the keys in one arena.
struct Folds {
    arena: Vec<u8>,
    /// Per key: its table, where it ends in `arena`, its hash, its entry,
    /// weak and open end.
    adds: Vec<(Group, usize, u64, Entry, bool, bool)>,
}

impl Sink for Folds {
    fn add(&mut self, group: Group, key: &[u8], entry: Entry, weak: bool, open_end: bool) {
        self.arena.extend_from_slice(key);
        self.adds.push((
            group,
            self.arena.len(),
            hash_key(key),
            entry,
            weak,
            open_end,
        ));
    }
}

impl Folds {
    /// Room for about `keys` keys.
    fn with_capacity(keys: usize) -> Self {
        Folds {
            arena: Vec::with_capacity(keys * 16),
            adds: Vec::with_capacity(keys),
        }
    }

    fn replay(&self, groups: &mut Groups) {
        let mut start = 0;
        for &(group, end, hash, entry, weak, open_end) in &self.adds {
            let key = self.arena.get(start..end).unwrap_or_default();
            groups
                .get(group)
                .add_hashed(key, hash, entry, weak, open_end);
            start = end;
        }
    }
}

/// True when `alias` is `name` without its trailing words (the name with
/// its designator dropped).
fn is_bare_name(name: &str, alias: &str) -> bool {
    name.strip_prefix(alias)
        .is_some_and(|rest| rest.starts_with(char::is_whitespace))
}

/// True for a place in Bangladesh or India, whose names Bengali text spells
/// in more ways than one (কেরানীগঞ্জ for the source's কেরাণীগঞ্জ, উড়িষ্যা).
fn in_bengali_country(gazetteer: &Gazetteer, entity: &crate::Entity) -> bool {
    country_of(gazetteer, entity).is_some_and(|c| matches!(c.code(), Some("BD" | "IN")))
}

/// The country `entity` lies in, by its parents (itself for a country).
fn country_of<'g>(
    gazetteer: &'g Gazetteer,
    entity: &'g crate::Entity,
) -> Option<&'g crate::Entity> {
    let mut at = entity;
    // Parent chains are short (upazila, district, division, country); the
    // bound only guards against a cycle in a user's file.
    for _ in 0..8 {
        if at.kind() == Kind::Country {
            return Some(at);
        }
        at = gazetteer.get(at.parent()?)?;
    }
    None
}

/// The variant keys of the alias `key` of entity `target`: its loose key
/// (for an entity that takes them), the joined and split forms of its words
/// as loose keys, and its skeleton (people, cities, countries), each where
/// the builder's precision guards allow. `common` tells common words.
fn add_variants(
    sink: &mut impl Sink,
    kind: Kind,
    loose: bool,
    key: &[u8],
    target: u32,
    common: impl Fn(&[u8]) -> bool,
) {
    if loose && variant::letters(key) >= LOOSE_MIN_LETTERS {
        add_loose(sink, key, target);
    }
    if loose {
        if let Some(joined) = variant::joined(key).filter(|joined| !common(joined)) {
            add_loose(sink, &joined, target);
        }
    }
    if kind == Kind::Person {
        if let Some(split) = variant::split_at_u(key) {
            add_loose(sink, &split, target);
        }
    }
    if matches!(kind, Kind::Person | Kind::City | Kind::Country) {
        let entry = Entry::new(target, MatchKind::Variant, latin::Case::Any);
        let (folded, open_end) = variant::fold_alias(Level::Skeleton, key);
        let min = if folded.contains(&b' ') {
            SKELETON_MIN_LETTERS_MULTI
        } else {
            SKELETON_MIN_LETTERS
        };
        if variant::letters(&folded) >= min {
            sink.add(Group::Skeleton, &folded, entry, false, open_end);
        }
    }
}

/// `key` folded to its loose key, a variant entry of `target`.
fn add_loose(sink: &mut impl Sink, key: &[u8], target: u32) {
    let entry = Entry::new(target, MatchKind::Variant, latin::Case::Any);
    let (folded, open_end) = variant::fold_alias(Level::Loose, key);
    sink.add(Group::Loose, &folded, entry, false, open_end);
}

fn trim_spaces(key: &[u8]) -> &[u8] {
    let start = key.iter().position(|&b| b != b' ').unwrap_or(key.len());
    let end = key
        .iter()
        .rposition(|&b| b != b' ')
        .map_or(start, |i| i + 1);
    key.get(start..end).unwrap_or_default()
}

/// Groups entries by key, keeping keys in first-seen order so that builds
/// are reproducible. Keys live in one arena and entries in one list (a
/// million aliases would otherwise mean millions of small allocations).
#[derive(Default)]
struct Grouper {
    /// Hash of a key → its slot; a different key with the same hash moves
    /// on to the next hash value.
    index: HashMap<u64, u32, BuildHasherDefault<Prehashed>>,
    arena: Vec<u8>,
    /// Key `s` is `arena[bounds[s]..bounds[s + 1]]`.
    bounds: Vec<u32>,
    /// `(slot, entry)` in the order added.
    entries: Vec<(u32, Entry)>,
    weak: Vec<bool>,
    open_end: Vec<bool>,
}

/// The hasher of [`Grouper::index`], whose keys are hashes already.
#[derive(Default)]
struct Prehashed(u64);

impl core::hash::Hasher for Prehashed {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        self.0 = hash_key(bytes);
    }

    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

/// Key `slot` of a grouper's arena.
fn key_of<'a>(arena: &'a [u8], bounds: &[u32], slot: u32) -> &'a [u8] {
    let lo = bounds.get(slot as usize).copied().unwrap_or(0);
    let hi = bounds.get(slot as usize + 1).copied().unwrap_or(0);
    arena.get(lo as usize..hi as usize).unwrap_or_default()
}

/// A fast non-cryptographic hash of a key: the keys come from the caller's
/// own gazetteer, so nothing is gained from SipHash's resistance to chosen
/// collisions (and colliding keys are still compared).
fn hash_key(key: &[u8]) -> u64 {
    let mut hasher = rustc_hash::FxHasher::default();
    core::hash::Hasher::write(&mut hasher, key);
    core::hash::Hasher::finish(&hasher)
}

impl Grouper {
    /// A grouper with room for about `keys` keys and entries.
    fn with_capacity(keys: usize) -> Self {
        let mut index = HashMap::default();
        index.reserve(keys);
        Grouper {
            index,
            arena: Vec::with_capacity(keys * 16),
            bounds: Vec::with_capacity(keys + 1),
            entries: Vec::with_capacity(keys),
            weak: Vec::with_capacity(keys),
            open_end: Vec::with_capacity(keys),
        }
    }

    /// Adds `entry` under `key`, whose [`hash_key`] is `hash`; `weak` marks
    /// a common word, `open_end` a variant key whose alias ended in signs
    /// the fold dropped.
    fn add_hashed(&mut self, key: &[u8], mut hash: u64, entry: Entry, weak: bool, open_end: bool) {
        if self.bounds.is_empty() {
            self.bounds.push(0);
        }
        let slot = loop {
            match self.index.entry(hash) {
                hash_map::Entry::Occupied(found) => {
                    let slot = *found.get();
                    if key_of(&self.arena, &self.bounds, slot) == key {
                        break slot;
                    }
                    hash = hash.wrapping_add(1);
                }
                hash_map::Entry::Vacant(free) => {
                    let slot = u32::try_from(self.weak.len()).unwrap_or(u32::MAX);
                    free.insert(slot);
                    self.arena.extend_from_slice(key);
                    self.bounds
                        .push(u32::try_from(self.arena.len()).unwrap_or(u32::MAX));
                    self.weak.push(false);
                    self.open_end.push(false);
                    break slot;
                }
            }
        };
        self.entries.push((slot, entry));
        if let Some(w) = self.weak.get_mut(slot as usize) {
            *w |= weak;
        }
        if let Some(o) = self.open_end.get_mut(slot as usize) {
            *o |= open_end;
        }
    }

    fn finish<K: Ord>(
        self,
        order: &impl Fn(&Entry) -> K,
        aho_corasick: bool,
    ) -> Result<Table, BuildError> {
        let Grouper {
            index,
            arena,
            bounds: key_bounds,
            entries,
            mut weak,
            mut open_end,
        } = self;
        drop(index);
        let keys = weak.len();
        let all: Vec<&[u8]> = (0..u32::try_from(keys).unwrap_or(u32::MAX))
            .map(|slot| key_of(&arena, &key_bounds, slot))
            .collect();
        let automaton = || (!all.is_empty()).then(|| KeyAutomaton::new(&all, aho_corasick));
        // The automaton needs only the keys, and the entries only their
        // slots: with many keys, each is built on a thread of its own.
        let (automaton, (bounds, entries)) = if keys >= PARALLEL_MIN {
            std::thread::scope(|scope| {
                let keyed = scope.spawn(automaton);
                let grouped = group_entries(entries, keys, order);
                // The thread died: build the automaton here instead.
                let automaton = keyed.join().unwrap_or_else(|_| automaton());
                (automaton, grouped)
            })
        } else {
            (automaton(), group_entries(entries, keys, order))
        };
        weak.shrink_to_fit();
        open_end.shrink_to_fit();
        Ok(Table {
            automaton: automaton.transpose()?,
            bounds,
            entries,
            weak,
            open_end,
        })
    }
}

/// The entries of `keys` keys, grouped by slot and ranked by `order`, with
/// the bounds of each key's group; `added` is `(slot, entry)` in the order
/// added.
fn group_entries<K: Ord>(
    added: Vec<(u32, Entry)>,
    keys: usize,
    order: &impl Fn(&Entry) -> K,
) -> (Vec<u32>, Vec<Entry>) {
    // A counting sort by slot (stable: within a key, entries stay in
    // the order added).
    let mut starts = vec![0usize; keys + 1];
    for &(slot, _) in &added {
        if let Some(count) = starts.get_mut(slot as usize + 1) {
            *count += 1;
        }
    }
    for i in 1..starts.len() {
        let before = starts.get(i - 1).copied().unwrap_or(0);
        if let Some(count) = starts.get_mut(i) {
            *count += before;
        }
    }
    let mut sorted = vec![(0u32, Entry::new(0, MatchKind::Exact, latin::Case::Any)); added.len()];
    for &(slot, entry) in &added {
        if let Some(next) = starts.get_mut(slot as usize) {
            if let Some(place) = sorted.get_mut(*next) {
                *place = (slot, entry);
            }
            *next += 1;
        }
    }
    drop(added);
    let mut entries: Vec<Entry> = Vec::with_capacity(sorted.len());
    let mut bounds = Vec::with_capacity(keys + 1);
    bounds.push(0);
    let mut rest = sorted.as_slice();
    for slot in 0..u32::try_from(keys).unwrap_or(u32::MAX) {
        let len = rest.iter().take_while(|&&(s, _)| s == slot).count();
        let (group, tail) = rest.split_at(len.min(rest.len()));
        rest = tail;
        let start = entries.len();
        for &(_, entry) in group {
            // One entry per target and kind: the first field wins.
            let seen = entries
                .get(start..)
                .unwrap_or_default()
                .iter()
                .any(|e| e.target == entry.target && e.kind == entry.kind);
            if !seen {
                entries.push(entry);
            }
        }
        if let Some(group) = entries.get_mut(start..) {
            group.sort_by_key(order);
        }
        bounds.push(u32::try_from(entries.len()).unwrap_or(u32::MAX));
    }
    entries.shrink_to_fit();
    (bounds, entries)
}

/// True when `display` has at least two letters as written that the match
/// key keeps as letters: Bengali consonants, independent vowels and
/// digits, and letters or digits of other scripts that fold to key letters (a ligature
/// such as `æ` is one). A letter of a script the key does not spell out
/// (Samaritan ࠍ) folds to the byte that any other character folds to, so
/// `þࠍ` would match `þ` followed by any symbol: it counts as no letter. Stops at
/// the second: every alias is asked, and a million of them made counting
/// them all show.
fn two_written_letters(display: &str) -> bool {
    display
        .chars()
        .filter(|&c| match crate::script::class_of(c) {
            Some(class) => matches!(
                class,
                crate::script::BengaliClass::Consonant
                    | crate::script::BengaliClass::IndependentVowel
                    | crate::script::BengaliClass::Digit
            ),
            None if c.is_ascii() => c.is_ascii_alphanumeric(),
            None if c.is_alphanumeric() => {
                let mut key = Vec::with_capacity(4);
                crate::normalize::key::fold_into(c.encode_utf8(&mut [0; 4]), &mut key);
                variant::letters(&key) > 0
            }
            None => false,
        })
        .nth(1)
        .is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn two_written_letters_counts_letters_as_written() {
        for (text, want) in [
            ("æ", false),
            ("æb", true),
            ("ক", false),
            ("ক্ষ", true),
            ("কা", false),
            ("A.", false),
            ("A.B", true),
            // Digits count as ASCII ones do: জি-২০ is G20.
            ("জি-২০", true),
            ("G2", true),
            ("২", false),
            // Samaritan letters are not in the key: þ alone is left.
            ("\u{FE}\u{80D}", false),
            ("\u{FE}b", true),
        ] {
            let hex: Vec<String> = text
                .chars()
                .map(|c| format!("U+{:04X}", c as u32))
                .collect();
            assert_eq!(two_written_letters(text), want, "{hex:?}");
        }
    }

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
