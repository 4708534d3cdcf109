//! The token-tail check: what may follow a name inside its token.
//!
//! Bengali inflects names by gluing suffixes to them (রাশিয়া**র**,
//! পুতিন**েরই**, কোরিয়া**তেই**). Rather than stem the text, the matcher
//! finds the name and then asks whether the rest of the token is empty or a
//! chain of known suffixes. The inventory is `data/suffixes.txt`, embedded in
//! the library; users add suffixes through
//! [`MatcherBuilder`](super::MatcherBuilder).
//!
//! Two rules keep an ordinary word from passing for an inflected name:
//!
//! - **Order.** Suffixes stack in the order of Bengali grammar: a number
//!   marker (plural or classifier), then a case ending, then emphatic
//!   particles, each slot at most once. মালি + কে + রা (case before
//!   plural) or ফিজি + ও + র (emphatic before case) is no inflected name:
//!   the words are মালিকেরা ("the owners") and ফিজিওর ("the physio's").
//!   A suffix given without a class may stand anywhere, as before.
//! - **Common words.** An inflected token that also reads as another
//!   common word plus suffixes (মালিক + ের, or the whole token: চিনতে,
//!   দোহাই) is that word, not the name it starts with; a common word
//!   shorter than the name counts only where the name itself is that word
//!   plus suffixes (সাবানের is সাবান + ের, not a name সাবানে + র; ভারতে is
//!   ভারত + ে, though ভার is a word and তে a suffix). The words are the
//!   gazetteer's common words (the shipped `data/common_words.txt`, whose
//!   header names its sources, plus any list the user loads), installed when
//!   the matcher is built.

use core::fmt;

use super::encode::{Encoder, WORD_KEY};
use super::variant;
use crate::gazetteer::CommonWords;
use crate::normalize::key;
use crate::quote::Quoted;
use crate::script::BengaliClass;
use crate::Normalizer;

/// The shipped suffix inventory.
pub(crate) const SHIPPED: &str = include_str!("../../data/suffixes.txt");

/// Bengali unit words written after a Bangladeshi place name ("ভোলা জেলা",
/// "যশোর সদর উপজেলা"). A place mention's span ends before them: news NER
/// corpora tag the name alone, and the unit is told by the entity found.
const DESIGNATORS: [&str; 7] = ["জেলা", "উপজেলা", "বিভাগ", "থানা", "পৌরসভা", "সদর", "ইউনিয়ন"];

/// Honorifics and ranks written before a person's name ("অধ্যাপক
/// আনিসুজ্জামান", "মেজর জেনারেল জিয়াউল আহসান"). A person mention's span
/// starts after them: news NER corpora mostly tag the name alone (rifat1493
/// leaves বিচারপতি, অধ্যাপক, জেনারেল and মাওলানা outside all 23 names they
/// precede; banglakit leaves প্রকৌশলী, কবি and বিচারপতি outside and is split
/// on অধ্যাপক, 11 outside and 10 inside), as they leave out প্রেসিডেন্ট and
/// মুখপাত্র. Doctors keep their ড. and ডা.: both corpora tag it with the
/// name 8 times of 11. Titles that are part of how a name is said stay in
/// it (প্রিন্স হ্যারি, পোপ ফ্রান্সিস, রাজা চার্লস, শেখ হাসিনা, যুবরাজ সিং,
/// the cricketer Yuvraj Singh).
#[rustfmt::skip]
const TITLES: [&str; 19] = [
    // Teachers.
    "অধ্যাপক", "প্রফেসর",
    // Judges, soldiers, lawyers, engineers.
    "বিচারপতি", "জেনারেল", "মেজর", "লেফটেন্যান্ট", "ব্রিগেডিয়ার", "কর্নেল", "ক্যাপ্টেন",
    "অ্যাডমিরাল", "ব্যারিস্টার", "অ্যাডভোকেট", "এডভোকেট", "প্রকৌশলী",
    // Poets, clerics, knights.
    "কবি", "মাওলানা", "মুফতি", "আল্লামা", "স্যার",
];

/// Which end of a name [`edge_words`] reads.
#[derive(Clone, Copy)]
enum Edge {
    Start,
    End,
}

/// `stem` without the words of `list` (match keys) at its `edge` and the
/// spaces beside them; a word always remains.
fn edge_words<'s>(
    encoder: &Encoder,
    normalizer: &Normalizer,
    stem: &'s str,
    list: &[Box<[u8]>],
    edge: Edge,
) -> &'s str {
    let mut buf = [0; WORD_KEY];
    let mut rest = stem;
    loop {
        let split = match edge {
            Edge::Start => rest.find(char::is_whitespace),
            Edge::End => rest.rfind(char::is_whitespace),
        };
        let Some(space) = split else {
            return rest;
        };
        let (Some(before), Some(after)) = (rest.get(..space), rest.get(space..)) else {
            return rest;
        };
        let (word, remaining) = match edge {
            Edge::Start => (before, after.trim_start()),
            Edge::End => (after.trim_start(), before.trim_end()),
        };
        let key = encoder.word_key(normalizer, word, &mut buf);
        if !list.iter().any(|w| **w == *key) {
            return rest;
        }
        rest = remaining;
    }
}

/// The key of `tail` as it stands after a name in a token, empty when
/// normalization merges it into the name. A suffix never stands alone:
/// normalized alone, a leading vowel sign would read as typed in visual
/// order (D4 makes েরা রো). So it is normalized after a consonant, as in
/// text, and the consonant's key byte is dropped.
fn key_after_name(normalizer: &Normalizer, tail: &str) -> Vec<u8> {
    const CARRIER: &str = "ক";
    let in_text = format!("{CARRIER}{tail}");
    let display = normalizer.normalize_str(&in_text);
    let carrier = key::fold(CARRIER);
    key::fold(&display)
        .bytes()
        .strip_prefix(carrier.bytes())
        .unwrap_or_default()
        .to_vec()
}

/// At most this many suffixes stack on one name: পুতিন + ের + ই is two;
/// real words stop at three (কোরিয়া + গুলো + র + ই is already rare).
const MAX_CHAIN: usize = 4;

/// A line of a suffix list that could not be used.
///
/// ```
/// use bengali_names::matcher::MatcherBuilder;
/// let err = MatcherBuilder::new().suffixes_str("mine.txt", "র\n!\n").unwrap_err();
/// assert_eq!((err.source_name(), err.line()), ("mine.txt", 2));
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SuffixError {
    source: String,
    line: usize,
    reason: String,
}

impl SuffixError {
    /// The file (or label) the list came from.
    ///
    /// ```
    /// # use bengali_names::matcher::MatcherBuilder;
    /// let err = MatcherBuilder::new().suffixes_str("a.txt", "?").unwrap_err();
    /// assert_eq!(err.source_name(), "a.txt");
    /// ```
    pub fn source_name(&self) -> &str {
        &self.source
    }

    /// The 1-based line (0 when the whole file could not be read).
    ///
    /// ```
    /// # use bengali_names::matcher::MatcherBuilder;
    /// let err = MatcherBuilder::new().suffixes_str("a.txt", "#\n?").unwrap_err();
    /// assert_eq!(err.line(), 2);
    /// ```
    pub fn line(&self) -> usize {
        self.line
    }

    pub(crate) fn io(source: &str, error: &std::io::Error) -> Self {
        SuffixError {
            source: source.to_owned(),
            line: 0,
            reason: format!("cannot read: {error}"),
        }
    }
}

impl fmt::Display for SuffixError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}: {}", self.source, self.line, self.reason)
    }
}

impl std::error::Error for SuffixError {}

/// Where a suffix may stand in a chain: slots come in this order, each at
/// most once.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Slot {
    /// Plural markers and classifiers (গুলো, রা, দের, টি).
    Number,
    /// Case endings (র, এ, তে, কে).
    Case,
    /// Emphatic particles (ই, ও).
    Emphatic,
    /// No class given: may stand anywhere, and repeat.
    Free,
}

/// The classes of suffix that a search asks about, beyond their slot.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Mark {
    /// The plural of persons (class `personal`: রা, দের), which no place
    /// takes ([`Suffixes::needs_personal`]).
    Personal,
    /// The genitive (র, এর, ের): the name owns what follows
    /// ([`Suffixes::has_genitive`]).
    Genitive,
    /// Any other class.
    Other,
}

impl Mark {
    fn of_label(label: &str) -> Mark {
        match label {
            "personal" => Mark::Personal,
            "genitive" => Mark::Genitive,
            _ => Mark::Other,
        }
    }
}

impl Slot {
    /// The slot of a class label of `data/suffixes.txt`; `None` for a label
    /// the grammar does not know.
    fn of_label(label: &str) -> Option<Slot> {
        match label {
            "plural" | "personal" | "classifier" => Some(Slot::Number),
            "genitive" | "locative" | "objective" | "instrumental" | "dative" | "comitative" => {
                Some(Slot::Case)
            }
            "emphatic" => Some(Slot::Emphatic),
            "" => Some(Slot::Free),
            _ => None,
        }
    }
}

/// The suffix inventory as match keys.
#[derive(Clone, Debug, Default)]
pub(crate) struct Suffixes {
    /// Distinct (suffix key, slot) pairs, grouped by first byte and longest
    /// key first within a group, so that the chain search tries the
    /// likelier reading (এর before এ) first.
    /// The third field marks the classes a search asks about ([`Mark`]).
    keys: Vec<(Box<[u8]>, Slot, Mark)>,
    /// Suffixes that follow a vowel only (third field `after vowel`): the
    /// genitive র of রাশিয়া|র, where a name that ends in a consonant takes
    /// এর (পুতিন|ের), so সিনেটর is a senator, not the Senate's.
    after_vowel: Vec<Box<[u8]>>,
    /// The group of `keys` starting with each byte: a tail is compared with
    /// the few suffixes that share its first byte, and most split points
    /// of a token fail here, before the common-word lookup.
    by_first: ByFirst,
    /// Common words as match keys: a token that is one of them plus
    /// suffixes is not an inflected shorter name. Empty until the matcher
    /// is built and installs the gazetteer's.
    words: CommonWords,
    /// [`DESIGNATORS`] as match keys.
    designators: Vec<Box<[u8]>>,
    /// [`TITLES`] as match keys.
    titles: Vec<Box<[u8]>>,
}

impl Suffixes {
    /// Adds the suffixes of one list (format of `data/suffixes.txt`).
    pub(crate) fn add_list(&mut self, source: &str, text: &str) -> Result<(), SuffixError> {
        let normalizer = Normalizer::new();
        for (index, line) in text.lines().enumerate() {
            let line = line.trim_start_matches('\u{FEFF}');
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let mut fields = line.split('\t');
            let suffix = fields.next().unwrap_or_default().trim();
            let label = fields.next().unwrap_or_default().trim();
            let after_vowel = match fields.next().map(str::trim) {
                None | Some("") => false,
                Some(AFTER_VOWEL) => true,
                Some(other) => {
                    return Err(SuffixError {
                        source: source.to_owned(),
                        line: index + 1,
                        reason: format!(
                            "unknown third field {} (`{AFTER_VOWEL}`, or none)",
                            Quoted(other)
                        ),
                    })
                }
            };
            let Some(slot) = Slot::of_label(label) else {
                return Err(SuffixError {
                    source: source.to_owned(),
                    line: index + 1,
                    reason: format!(
                        "unknown class {} (plural, personal, classifier, genitive, \
                         locative, objective, comitative, emphatic, or none)",
                        Quoted(label)
                    ),
                });
            };
            let folded = key_after_name(&normalizer, suffix);
            let bytes = folded.as_slice();
            // A suffix is Bengali letters and signs only: anything else
            // (a space, punctuation, Latin) could never sit inside a token
            // after a name, and would hint at a malformed line.
            if bytes.is_empty() || !bytes.iter().all(|&b| b >= 0x80 && key::is_word_byte(b)) {
                return Err(SuffixError {
                    source: source.to_owned(),
                    line: index + 1,
                    reason: format!("{} is not a Bengali suffix", Quoted(suffix)),
                });
            }
            let mark = Mark::of_label(label);
            if after_vowel && !self.after_vowel.iter().any(|k| **k == *bytes) {
                self.after_vowel.push(bytes.into());
            }
            if !self
                .keys
                .iter()
                .any(|(k, s, m)| **k == *bytes && *s == slot && *m == mark)
            {
                self.keys.push((bytes.into(), slot, mark));
            }
        }
        self.keys.sort_by(|a, b| {
            (a.0.first(), b.0.len())
                .cmp(&(b.0.first(), a.0.len()))
                .then(a.cmp(b))
        });
        self.by_first = ByFirst::of(&self.keys);
        Ok(())
    }

    /// The shipped inventory (no common words yet: see
    /// [`set_common_words`](Self::set_common_words)).
    pub(crate) fn shipped() -> Self {
        let mut suffixes = Suffixes::default();
        // The shipped file is checked by this module's tests; a bad line
        // would leave the inventory short rather than fail every build.
        let _ = suffixes.add_list("data/suffixes.txt", SHIPPED);
        let normalizer = Normalizer::new();
        let keys = |words: &[&str]| -> Vec<Box<[u8]>> {
            words
                .iter()
                .map(|word| key::fold(&normalizer.normalize_str(word)).bytes().into())
                .collect()
        };
        suffixes.designators = keys(&DESIGNATORS);
        suffixes.titles = keys(&TITLES);
        suffixes
    }

    /// The length of the leading title words of `stem` (a person's name as
    /// written) with the space after them ("অধ্যাপক আনিসুজ্জামান" → the
    /// bytes of "অধ্যাপক "), or `None` when it starts with none. A name
    /// remains: a title is only taken when a word follows it.
    pub(crate) fn title_len(
        &self,
        encoder: &Encoder,
        normalizer: &Normalizer,
        stem: &str,
    ) -> Option<usize> {
        let rest = edge_words(encoder, normalizer, stem, &self.titles, Edge::Start);
        let skip = stem.len() - rest.len();
        (skip > 0).then_some(skip)
    }

    /// The length of `stem` (a place name as written, several words) without
    /// its trailing designator words ("ভোলা জেলা" → "ভোলা"), or `None` when
    /// it has none or what would remain is a common word or one letter: such
    /// a name needs its designator as evidence, and keeps it.
    pub(crate) fn without_designator(
        &self,
        encoder: &Encoder,
        normalizer: &Normalizer,
        stem: &str,
    ) -> Option<usize> {
        let head = edge_words(encoder, normalizer, stem, &self.designators, Edge::End);
        if head.len() == stem.len() {
            return None;
        }
        let mut buf = [0; WORD_KEY];
        let key = encoder.word_key(normalizer, head, &mut buf);
        let rest_is_name = !self.words.contains(&key) && super::variant::letters(&key) >= 2;
        rest_is_name.then_some(head.len())
    }

    /// Installs the common words that the tail check consults: the
    /// gazetteer's, so that a user's common-word list counts here too.
    pub(crate) fn set_common_words(&mut self, words: CommonWords) {
        self.words = words;
    }

    /// The common words installed by
    /// [`set_common_words`](Self::set_common_words).
    pub(crate) fn common_words(&self) -> &CommonWords {
        &self.words
    }

    /// Number of distinct suffixes.
    #[cfg(test)]
    pub(crate) fn len(&self) -> usize {
        self.keys.len()
    }

    /// True when `tail` (key bytes) is empty or a chain of suffixes.
    pub(crate) fn accepts(&self, tail: &[u8]) -> bool {
        self.chain(tail, Slot::Number, MAX_CHAIN, None)
    }

    /// True when `tail`, a chain of suffixes, reads as one only with the
    /// plural of persons in it: ত্রিপুরা|দের is the Tripura people, আর্মেনীয়|রা
    /// the Armenians, not the place. Bengali puts রা and দের after nouns of
    /// persons, never after a place's name.
    pub(crate) fn needs_personal(&self, tail: &[u8]) -> bool {
        !tail.is_empty() && !self.chain(tail, Slot::Number, MAX_CHAIN, Some(Mark::Personal))
    }

    /// True when `tail`, a chain of suffixes, holds a genitive in every
    /// reading (রাশিয়া|র, শ্রীলঙ্কা|র|ই).
    pub(crate) fn has_genitive(&self, tail: &[u8]) -> bool {
        self.accepts(tail) && !self.chain(tail, Slot::Number, MAX_CHAIN, Some(Mark::Genitive))
    }

    /// True when `token` (key bytes of one whole token, or of its part from
    /// a name's start) is the name `token[..stem]` plus a suffix chain, and
    /// does not read as a longer common word plus suffixes.
    pub(crate) fn accepts_word(&self, token: &[u8], stem: usize) -> bool {
        let Some(tail) = token.get(stem..) else {
            return false;
        };
        let after_consonant = stem
            .checked_sub(1)
            .and_then(|last| token.get(last))
            .is_some_and(|&b| ends_in_consonant(b));
        if !self.chain_from(tail, after_consonant) {
            return false;
        }
        if tail.is_empty() {
            return true;
        }
        // Another split counts where the common word runs past the name
        // (মালিকেরা is মালিক + েরা, not মালি + কেরা), or stops short of it
        // where the name itself reads as that word plus suffixes (সাবানের
        // is সাবান + ের even where a name সাবানে exists); not where the name
        // merely starts with a common word (ভারতে is ভারত + ে, not ভার + তে;
        // ইরাকে is no ই + রা + কে). The whole token (an empty rest) always
        // reads; another split only where a suffix can start.
        !(1..=token.len()).filter(|&end| end != stem).any(|end| {
            let name_reads_so =
                || end > stem || token.get(end..stem).is_some_and(|own| self.accepts(own));
            match (token.get(..end), token.get(end..)) {
                (Some(word), Some(rest)) => {
                    (rest.is_empty() || !self.starting(rest).is_empty())
                        && self.accepts(rest)
                        && self.words.contains(word)
                        && name_reads_so()
                }
                _ => false,
            }
        })
    }

    /// True when `stem` and one suffix make a word `is_word` knows: থেক
    /// (of জাং সং থেক) and the locative ে make থেকে, "from".
    pub(crate) fn inflects_to(&self, stem: &[u8], is_word: impl Fn(&[u8]) -> bool) -> bool {
        let mut word = Vec::with_capacity(stem.len() + 8);
        self.keys.iter().any(|(suffix, ..)| {
            word.clear();
            word.extend_from_slice(stem);
            word.extend_from_slice(suffix);
            is_word(&word)
        })
    }

    /// True when some suffix starts with key byte `first`: a tail that
    /// starts with any other is no chain.
    #[inline]
    pub(crate) fn may_start(&self, first: u8) -> bool {
        self.by_first
            .0
            .get(usize::from(first))
            .is_some_and(|&(start, end)| start < end)
    }

    /// The suffixes that start with `tail`'s first byte.
    fn starting(&self, tail: &[u8]) -> &[(Box<[u8]>, Slot, Mark)] {
        let (start, end) = tail
            .first()
            .and_then(|&b| self.by_first.0.get(usize::from(b)))
            .copied()
            .unwrap_or((0, 0));
        self.keys
            .get(start as usize..end as usize)
            .unwrap_or_default()
    }

    /// True when `tail` is a chain whose slots start at `from` or later
    /// (without the suffixes of mark `without`).
    fn chain(&self, tail: &[u8], from: Slot, depth: usize, without: Option<Mark>) -> bool {
        self.chain_after(tail, from, depth, without, false)
    }

    /// True when `tail` is a chain after a name that ends in a consonant
    /// (`after_consonant`) or not: after a consonant, no
    /// [`after_vowel`](Self::after_vowel) suffix comes first.
    fn chain_from(&self, tail: &[u8], after_consonant: bool) -> bool {
        self.chain_after(tail, Slot::Number, MAX_CHAIN, None, after_consonant)
    }

    fn chain_after(
        &self,
        tail: &[u8],
        from: Slot,
        depth: usize,
        without: Option<Mark>,
        after_consonant: bool,
    ) -> bool {
        if tail.is_empty() {
            return true;
        }
        if depth == 0 {
            return false;
        }
        self.starting(tail).iter().any(|(suffix, slot, mark)| {
            if without == Some(*mark)
                || after_consonant && self.after_vowel.iter().any(|k| k == suffix)
            {
                return false;
            }
            let next = match *slot {
                Slot::Free => from,
                _ if *slot < from => return false,
                // The next suffix must take a later slot.
                Slot::Number => Slot::Case,
                Slot::Case => Slot::Emphatic,
                Slot::Emphatic => Slot::Free,
            };
            tail.strip_prefix(&**suffix)
                .is_some_and(|rest| self.chain(rest, next, depth - 1, without))
        })
    }
}

/// The third field of a suffix line that makes it [`Suffixes::after_vowel`].
const AFTER_VOWEL: &str = "after vowel";

/// True when key byte `b` ends a written syllable without a vowel: a
/// consonant, its nukta, a virama, ৎ. But হ: a name's final হ is silent
/// and takes the vowel's genitive (আবদুল্লাহ|র, হেজবুল্লাহ|র, আচেহ|র).
fn ends_in_consonant(b: u8) -> bool {
    const HA: u8 = 0x80 + 0x39;
    b != HA
        && matches!(
            variant::class(b),
            Some(
                BengaliClass::Consonant
                    | BengaliClass::Nukta
                    | BengaliClass::Virama
                    | BengaliClass::KhandaTa
            )
        )
}

/// Per byte, the range of the sorted suffix keys that start with it.
#[derive(Clone, Debug)]
struct ByFirst(Box<[(u32, u32); 256]>);

impl Default for ByFirst {
    fn default() -> Self {
        ByFirst(Box::new([(0, 0); 256]))
    }
}

impl ByFirst {
    /// The groups of `keys`, sorted by first byte.
    fn of(keys: &[(Box<[u8]>, Slot, Mark)]) -> Self {
        let mut groups = ByFirst::default();
        for (i, (key, ..)) in keys.iter().enumerate() {
            let i = u32::try_from(i).unwrap_or(u32::MAX);
            if let Some(range) = key.first().and_then(|&b| groups.0.get_mut(usize::from(b))) {
                if range.0 == range.1 {
                    range.0 = i;
                }
                range.1 = i.saturating_add(1);
            }
        }
        groups
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The shipped suffixes with the embedded gazetteer's common words, as
    /// a matcher built on it has them.
    fn with_common_words() -> Suffixes {
        let mut s = Suffixes::shipped();
        s.set_common_words(crate::Gazetteer::embedded().common_words().clone());
        s
    }

    /// Whether `tail`, written after a name, is a suffix chain.
    fn accepts(suffixes: &Suffixes, tail: &str) -> bool {
        suffixes.accepts(&key_after_name(&Normalizer::new(), tail))
    }

    #[test]
    fn the_plural_of_persons_and_the_genitive_are_told_apart() {
        let s = Suffixes::shipped();
        for (tail, personal, genitive) in [
            ("রা", true, false),
            ("দের", true, false),
            ("দেরকে", true, false),
            ("রাই", true, false),
            ("েরা", true, false),
            ("র", false, true),
            ("ের", false, true),
            ("য়ের", false, true),
            ("রই", false, true),
            ("গুলো", false, false),
            ("গুলোর", false, true),
            ("তে", false, false),
            ("কে", false, false),
            ("", false, false),
        ] {
            let key = key_after_name(&Normalizer::new(), tail);
            assert!(s.accepts(&key), "{}", hex(tail));
            assert_eq!(s.needs_personal(&key), personal, "{}", hex(tail));
            assert_eq!(s.has_genitive(&key), genitive, "{}", hex(tail));
        }
    }

    #[test]
    fn the_genitive_r_follows_a_vowel_or_a_silent_ha() {
        let s = Suffixes::shipped();
        for (word, stem, passes) in [
            ("রাশিয়ার", "রাশিয়া", true),
            ("পুতিনের", "পুতিন", true),
            ("পুতিনর", "পুতিন", false),
            // সিনেটর is a senator; চাদর a shawl, not Chad's.
            ("সিনেটর", "সিনেট", false),
            ("চাদর", "চাদ", false),
            ("সিনেটরা", "সিনেট", true),
            ("আবদুল্লাহর", "আবদুল্লাহ", true),
            ("হাসিনার", "হাসিনা", true),
        ] {
            let (token, stem) = (key_of(word), key_of(stem).len());
            assert_eq!(s.accepts_word(&token, stem), passes, "{}", hex(word));
        }
    }

    #[test]
    fn a_third_field_is_after_vowel_or_an_error() {
        let mut s = Suffixes::default();
        assert!(s.add_list("a.txt", "র\tgenitive\tafter vowel\n").is_ok());
        let err = s
            .add_list("b.txt", "এর\tgenitive\n\nর\tgenitive\tvowel\n")
            .unwrap_err();
        assert_eq!((err.source_name(), err.line()), ("b.txt", 3));
        assert!(err.to_string().contains("after vowel"), "{err}");
    }

    #[test]
    fn the_comitative_is_a_case() {
        let s = Suffixes::shipped();
        for (tail, passes) in [
            ("সহ", true),
            ("গুলোসহ", true),
            ("সহই", true),
            ("সহকে", false),
            ("রসহ", false),
        ] {
            assert_eq!(accepts(&s, tail), passes, "{}", hex(tail));
        }
    }

    #[test]
    fn a_suffix_that_starts_with_a_vowel_sign_keeps_its_order() {
        // Alone, েরা would be read as typed in visual order and become রো.
        let s = Suffixes::shipped();
        for (tail, passes) in [("েরা", true), ("েরাই", true), ("রো", false), ("রোতে", false)]
        {
            assert_eq!(accepts(&s, tail), passes, "{tail}");
        }
    }

    #[test]
    fn shipped_list_parses_and_covers_the_issue_inventory() {
        let mut s = Suffixes::default();
        s.add_list("data/suffixes.txt", SHIPPED).unwrap();
        assert!(s.len() >= 19);
        for tail in [
            "র",
            "এর",
            "ের",
            "য়ের",
            "এ",
            "ে",
            "য়",
            "তে",
            "য়ে",
            "কে",
            "রে",
            "রা",
            "দের",
            "গুলো",
            "গুলি",
            "টি",
            "টা",
            "ই",
            "ও",
        ] {
            assert!(accepts(&s, tail), "{tail}");
        }
    }

    #[test]
    fn suffixes_stack() {
        let s = Suffixes::shipped();
        for tail in ["েরই", "কেও", "তেই", "দেরকে", "গুলোর", "য়েরও", "টিরই"]
        {
            assert!(accepts(&s, tail), "{tail}");
        }
    }

    #[test]
    fn other_endings_are_refused() {
        let s = Suffixes::shipped();
        for tail in ["ন", "ি", "া", "n", "ক", "কেরা্"] {
            assert!(!accepts(&s, tail), "{tail}");
        }
        assert!(accepts(&s, ""));
    }

    #[test]
    fn nukta_ya_spellings_agree() {
        let s = Suffixes::shipped();
        assert!(accepts(&s, "\u{09DF}\u{09C7}\u{09B0}"));
        assert!(accepts(&s, "\u{09AF}\u{09BC}\u{09C7}\u{09B0}"));
    }

    fn key_of(text: &str) -> Vec<u8> {
        key::fold(&Normalizer::new().normalize_str(text))
            .bytes()
            .to_vec()
    }

    fn hex(s: &str) -> String {
        s.chars().map(|c| format!("{:04X} ", c as u32)).collect()
    }

    #[test]
    fn suffixes_keep_their_grammatical_order() {
        let s = Suffixes::shipped();
        // number → case → emphatic
        for tail in ["গুলোতেই", "দেরকেও", "টিরই", "রাই"] {
            assert!(accepts(&s, tail), "{}", hex(tail));
        }
        // case → number (কে + রা), emphatic → case (ও + র), a slot twice
        for tail in ["কেরা", "ওর", "কের", "ইই"] {
            assert!(!accepts(&s, tail), "{}", hex(tail));
        }
    }

    #[test]
    fn unlabelled_suffixes_go_anywhere_and_unknown_labels_are_errors() {
        let mut s = Suffixes::default();
        s.add_list("a", "কে\tobjective\nরা\tplural\nসহ\n").unwrap();
        assert!(!accepts(&s, "কেসহরা"));
        assert!(accepts(&s, "রাসহকে"));
        let err = Suffixes::default()
            .add_list("b", "সহ\tpostposition\n")
            .unwrap_err();
        assert_eq!(err.line(), 1);
    }

    #[test]
    fn a_token_that_is_an_inflected_common_word_is_refused() {
        let s = with_common_words();
        // (token, name length in the token's key, accepted)
        for (token, name, accepted) in [
            ("চিনের", "চিন", true),
            ("চিনতে", "চিন", false),
            ("মালিতে", "মালি", true),
            ("মালিকের", "মালি", false),
            ("চিন", "চিন", true),
            // A shorter reading counts only where the name itself reads as
            // it: সাবানে is সাবান + ে, ভারত is no ভার + ত, ইরাক no ই + রাক.
            ("সাবানের", "সাবানে", false),
            ("ভারতে", "ভারত", true),
            ("ইরাকে", "ইরাক", true),
        ] {
            let (token_key, name_key) = (key_of(token), key_of(name));
            assert_eq!(
                s.accepts_word(&token_key, name_key.len()),
                accepted,
                "{}",
                hex(token)
            );
        }
    }

    #[test]
    fn designators_leave_the_span_unless_a_common_word_remains() {
        let s = with_common_words();
        let n = Normalizer::new();
        for (stem, kept) in [
            ("হাতীবান্ধা উপজেলা", Some("হাতীবান্ধা")),
            ("যশোর সদর উপজেলা", Some("যশোর")),
            ("বিশ্বনাথ উপজেলা", None),
            ("উত্তর কোরিয়া", None),
            ("জেলা", None),
        ] {
            let got = s
                .without_designator(&Encoder::new(), &n, stem)
                .and_then(|k| stem.get(..k));
            assert_eq!(got, kept, "{}", hex(stem));
        }
    }

    #[test]
    fn bad_lines_name_their_line() {
        let err = Suffixes::default().add_list("x", "র\n\nab\n").unwrap_err();
        assert_eq!((err.source_name(), err.line()), ("x", 3));
        assert!(err.to_string().starts_with("x:3: "));
    }
}
