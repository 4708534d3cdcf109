//! Which entity a stem that passed the tail check names: the prior's pick
//! among the entities sharing its key, unless the document's context (who
//! was named, in which country) or the words around it say otherwise.

use core::ops::Range;

use super::Which;
use crate::gazetteer::Kind;
use crate::matcher::latin::Case;
use crate::matcher::mention::{EntityInfo, MatchKind};
use crate::matcher::partial::Named;
use crate::matcher::{Entry, Matcher, Table};

/// A validated candidate at one token start, in key indices.
#[derive(Clone, Debug)]
pub(super) struct Candidate {
    pub(super) stem_end: usize,
    pub(super) end: usize,
    pub(super) target: u32,
    pub(super) alternatives: Range<u32>,
    pub(super) table: Which,
    pub(super) kind: MatchKind,
    pub(super) score: f32,
}

impl Candidate {
    /// Longer stems win; at equal length, exact evidence beats a variant,
    /// which beats a name part. But an exact reading and a variant one of
    /// the same word (the same end) only split it differently: the exact
    /// one wins, whatever its stem. A loose spelling may swallow a
    /// suffix's vowel sign (যুক্তরাজ্যে|র read loosely against যুক্তরাজ্য|ের
    /// as written).
    fn beats(&self, other: &Candidate) -> bool {
        let exact = |c: &Candidate| c.kind.rank() == MatchKind::Exact.rank();
        let variant = |c: &Candidate| c.kind == MatchKind::Variant;
        if self.end == other.end && (exact(self) && variant(other) || variant(self) && exact(other))
        {
            return exact(self);
        }
        (self.stem_end, core::cmp::Reverse(self.kind.rank()))
            > (other.stem_end, core::cmp::Reverse(other.kind.rank()))
    }
}

/// Where a stem that passed the tail check ends, and where its word ends
/// (key indices, or byte offsets in a window for [`Passing`] keys).
#[derive(Clone, Copy, Debug)]
pub(super) struct Stem {
    pub(super) end: usize,
    pub(super) word_end: usize,
    /// The suffixes hold the plural of persons: no place is named.
    pub(super) personal: bool,
}

/// What [`choose`] asks of the text around a stem.
pub(super) struct Around<C, S, P> {
    /// Whether the stem is written as a Latin alias's case rule asks.
    pub(super) written_as: C,
    /// Whether a partial name of this person here is not part of another
    /// person's name (see `NameParts::fit`).
    pub(super) stands_alone: S,
    /// Whether a name part many people share follows the word (see
    /// `NameParts::shared_part_after`).
    pub(super) before_shared_part: P,
}

/// The entry of pattern `pattern` of `which` that `stem` names, given who
/// was `named` before (common-word aliases and partial names ask) and
/// what is `around` it.
pub(super) fn choose(
    matcher: &Matcher,
    named: &Named,
    which: Which,
    pattern: usize,
    stem: Stem,
    score: f32,
    around: Around<impl Fn(Case) -> bool, impl Fn(u32) -> bool, impl Fn() -> bool>,
) -> Option<Candidate> {
    let table = matcher.table(which);
    let range = table.range(pattern);
    let entries = table.entries_of(pattern);
    let weak = table.weak.get(pattern).copied().unwrap_or(false);
    let make = |entry: &Entry, score: f32| Candidate {
        stem_end: stem.end,
        end: stem.word_end,
        target: entry.target,
        alternatives: range.clone(),
        table: which,
        kind: entry.kind,
        score,
    };
    // The prior's pick among the entries that pass, unless the document
    // has named another one, or something in another one's country and
    // nothing in the pick's (পাঞ্জাব after লাহোর is Pakistan's). A pick in
    // no country (a sea, a continent) gives way only to an entity named
    // before: the Red Sea stays a sea after a mention of Egypt.
    let mut pick: Option<&Entry> = None;
    for entry in entries {
        match entry.kind {
            // Name parts rank last: after a pick they are alternatives.
            MatchKind::Partial if pick.is_some() => break,
            MatchKind::Partial => {
                let partials = entries.iter().filter(|e| e.kind == MatchKind::Partial);
                let target = named.only_one(partials.map(|e| e.target))?;
                if !(around.stands_alone)(target) {
                    return None;
                }
                return Some(Candidate {
                    target,
                    ..make(entry, PARTIAL_SCORE)
                });
            }
            _ if weak && !named.contains(entry.target) => continue,
            _ if entry.in_its_country && !in_context(matcher, named, entry.target, true) => {
                continue
            }
            // ত্রিপুরাদের, আর্মেনীয়রা: people, not the place or country.
            _ if stem.personal
                && matches!(
                    kind_of(matcher, entry.target),
                    Some(Kind::Country | Kind::City | Kind::Subdivision | Kind::Region)
                ) =>
            {
                continue
            }
            // বনানী চৌধুরী is a woman, not Dhaka's Banani.
            MatchKind::Exact | MatchKind::Variant
                if stem.end == stem.word_end
                    && is_place(matcher, entry.target)
                    && (around.before_shared_part)() =>
            {
                continue
            }
            _ if entry.case != Case::Any && !(around.written_as)(entry.case) => continue,
            _ if entries.len() == 1 => return Some(make(entry, score)),
            _ => {
                let by_country = pick.is_none_or(|p| country_mark(matcher, p.target).is_some());
                if in_context(matcher, named, entry.target, by_country) {
                    return Some(make(entry, score));
                }
                pick.get_or_insert(entry);
            }
        }
    }
    pick.map(|entry| make(entry, score))
}

/// What a document records of a mention of `target`: the entity, and
/// that it has named something in the entity's country.
pub(super) fn note_named(matcher: &Matcher, named: &mut Named, target: u32) {
    named.insert(target);
    if let Some(mark) = country_mark(matcher, target) {
        named.insert(mark);
    }
}

/// True when the document has named `target` or, if `by_country`,
/// something in its country.
fn in_context(matcher: &Matcher, named: &Named, target: u32, by_country: bool) -> bool {
    named.contains(target)
        || by_country && country_mark(matcher, target).is_some_and(|m| named.contains(m))
}

/// The mark [`Named`] keeps for a country named in the document: the
/// country's number with the top bit set, which no entity's number has
/// (a matcher of 2³¹ entities would need hundreds of gigabytes).
fn country_mark(matcher: &Matcher, target: u32) -> Option<u32> {
    const MARK: u32 = 1 << 31;
    let country = matcher.entity_at(target)?.country()?;
    (country < MARK).then_some(country | MARK)
}

/// Score of a partial-name mention.
const PARTIAL_SCORE: f32 = 0.85;

/// The kind of entity `target`.
fn kind_of(matcher: &Matcher, target: u32) -> Option<Kind> {
    matcher.entity_at(target).map(EntityInfo::kind)
}

/// A city, subdivision or region: places whose names are also given names.
fn is_place(matcher: &Matcher, target: u32) -> bool {
    matches!(
        kind_of(matcher, target),
        Some(Kind::City | Kind::Subdivision | Kind::Region)
    )
}

/// Keeps `candidate` in `best` if it beats what is there.
pub(super) fn keep_better(best: &mut Option<Candidate>, candidate: Option<Candidate>) {
    if let Some(c) = candidate {
        if best.as_ref().is_none_or(|b| c.beats(b)) {
            *best = Some(c);
        }
    }
}

impl Matcher {
    pub(super) fn table(&self, which: Which) -> &Table {
        match which {
            Which::Exact => &self.exact,
            Which::Loose => &self.loose,
            Which::Skeleton => &self.skeleton,
        }
    }
}
