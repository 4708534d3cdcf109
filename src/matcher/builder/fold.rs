//! Every alias folded to its keys (exact, loose, skeleton, name parts),
//! in parallel for a large gazetteer, and sent to the groupers.

use super::grouper::{hash_key, Grouper};
use super::{MatcherBuilder, LOOSE_MIN_LETTERS, SKELETON_MIN_LETTERS, SKELETON_MIN_LETTERS_MULTI};
use crate::matcher::acronym::{self, LetterKeys};
use crate::matcher::encode::{Encoder, Key};
use crate::matcher::mention::MatchKind;
use crate::matcher::variant::{self, Level};
use crate::matcher::{latin, partial, Entry};
use crate::{Gazetteer, Kind, Normalizer};
use rustc_hash::FxHashSet;

impl MatcherBuilder {
    /// Folds the aliases of `entities` (the first is entity number
    /// `first`) into `sink`, in order; `demonyms` are the match keys of
    /// every demonym, which no name part may be.
    pub(super) fn fold_all(
        &self,
        gazetteer: &Gazetteer,
        encoder: &Encoder,
        demonyms: &FxHashSet<Box<[u8]>>,
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
                // সিনেট, স্বরাষ্ট্র মন্ত্রণালয়: every country has one; the
                // text tells whose by the country it is about.
                let national = gazetteer.is_national_body_key(key);
                if national {
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
                    // (not when that is a common word: জুনিয়র, গামা, nor a
                    // demonym: ইরানি). A part that inflects into a common
                    // word (থেক + ে is থেকে, "from") is left out too: the
                    // tail check would refuse it all over the text, but
                    // only after finding it there.
                    let surname = partial::parts(folded.bytes()).last().filter(|_| by_surname);
                    for range in partial::parts(folded.bytes()) {
                        let part = folded.bytes().get(range.clone()).unwrap_or_default();
                        let written = folded.span_to_display(encoder, display, range.clone());
                        if surname.as_ref().is_none_or(|s| *s == range)
                            && !gazetteer.is_common_word_key(part)
                            && !demonyms.contains(part)
                            && !self
                                .suffixes
                                .inflects_to(part, |word| gazetteer.is_common_word_key(word))
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
                    let variant = Entry::new(target, MatchKind::Variant, latin::Case::Any);
                    // A variant of a national body's name needs its country too.
                    let variant = if national {
                        variant.in_its_country()
                    } else {
                        variant
                    };
                    add_variants(sink, entity.kind(), loose, key, variant, common);
                }
            }
        }
    }
}

/// The three key tables a build fills.
#[derive(Clone, Copy, Debug)]
pub(super) enum Group {
    Exact,
    Loose,
    Skeleton,
}

/// Where folded keys go: the groupers, or a list to replay into them.
pub(super) trait Sink {
    fn add(&mut self, group: Group, key: &[u8], entry: Entry, weak: bool, open_end: bool);
}

pub(super) struct Groups {
    pub(super) exact: Grouper,
    pub(super) loose: Grouper,
    pub(super) skeleton: Grouper,
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
pub(super) struct Folds {
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
    pub(super) fn with_capacity(keys: usize) -> Self {
        Folds {
            arena: Vec::with_capacity(keys * 16),
            adds: Vec::with_capacity(keys),
        }
    }

    pub(super) fn replay(&self, groups: &mut Groups) {
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
pub(super) fn country_of<'g>(
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

/// The variant keys of the alias `key`, each with `entry` (a variant entry of
/// its entity): its loose key
/// (for an entity that takes them), the joined and split forms of its words
/// as loose keys, and its skeleton (people, cities, countries), each where
/// the builder's precision guards allow. `common` tells common words.
fn add_variants(
    sink: &mut impl Sink,
    kind: Kind,
    loose: bool,
    key: &[u8],
    entry: Entry,
    common: impl Fn(&[u8]) -> bool,
) {
    if loose && variant::letters(key) >= LOOSE_MIN_LETTERS {
        add_loose(sink, key, entry);
    }
    if loose {
        if let Some(joined) = variant::joined(key).filter(|joined| !common(joined)) {
            add_loose(sink, &joined, entry);
        }
    }
    if kind == Kind::Person {
        if let Some(split) = variant::split_at_u(key) {
            add_loose(sink, &split, entry);
        }
    }
    if matches!(kind, Kind::Person | Kind::City | Kind::Country) {
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

/// `key` folded to its loose key, with `entry` (a variant entry).
fn add_loose(sink: &mut impl Sink, key: &[u8], entry: Entry) {
    let (folded, open_end) = variant::fold_alias(Level::Loose, key);
    sink.add(Group::Loose, &folded, entry, false, open_end);
}

pub(super) fn trim_spaces(key: &[u8]) -> &[u8] {
    let start = key.iter().position(|&b| b != b' ').unwrap_or(key.len());
    let end = key
        .iter()
        .rposition(|&b| b != b' ')
        .map_or(start, |i| i + 1);
    key.get(start..end).unwrap_or_default()
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
}
