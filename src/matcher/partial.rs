//! Partial person names: শোইগু, ওয়াটসন, পুতিন alone.
//!
//! News names a person fully once (সের্গেই শোইগু) and then by one part of
//! the name. Each part of a person's multi-word Bengali name goes into the
//! automaton as a *partial* entry; a partial hit becomes a mention only when
//! exactly one person with that part was already named fully (by an exact,
//! Latin or variant mention) earlier in the same [`Document`](super::Document).
//! Parts need at least two letters and three key bytes, and a part that is
//! a common word is never used (সের্গেই শোইগু → শোইগু, সের্গেই; কিম জং উন →
//! কিম only).
//!
//! A part is no partial name where it is part of *another* person's name:
//! [`NameParts::fit`] reads the words beside it (আনোয়ার হোসেন is not Anwar
//! Ibrahim, মো. নজরুল ইসলাম খান not the poet Kazi Nazrul Islam).

use std::collections::VecDeque;
use std::ops::Range;
use std::sync::{Arc, Mutex, OnceLock, PoisonError};

use rustc_hash::FxHashSet;

use super::variant::{self, letters, Level};
use super::{MatchKind, Matcher};
use crate::gazetteer::{CommonWords, Kind};
use crate::normalize::key;
use crate::script;

/// Where the parts of a multi-word alias key that may stand for the whole
/// name lie in the key. (The caller also asks for two letters as written:
/// the key spells æ as two.)
pub(crate) fn parts(key: &[u8]) -> impl Iterator<Item = Range<usize>> + '_ {
    let multi_word = key.contains(&b' ');
    let mut start = 0;
    key.split(|&b| b == b' ').filter_map(move |part| {
        let range = start..start + part.len();
        start = range.end + 1;
        (multi_word && part.len() >= 3 && letters(part) >= 2).then_some(range)
    })
}

/// The countries whose people news names by surname
/// (`data/surname_countries.txt`, generated from CLDR's continents): a
/// person of one of them is named alone by the last word of their name
/// only, never by another (জেন for Jane Austen, কমলা for Kamala Harris),
/// where a Bangladeshi is often named by a given name (মুজিব) and a
/// Chinese person by the family name written first (শি).
const SURNAME_COUNTRIES: &str = include_str!("../../data/surname_countries.txt");

/// True when the people of the country with ISO 3166-1 code `code` are
/// named by surname (see [`SURNAME_COUNTRIES`]).
pub(crate) fn named_by_surname(code: &str) -> bool {
    // Read once: a build asks for every person of a gazetteer.
    static CODES: OnceLock<FxHashSet<&'static str>> = OnceLock::new();
    CODES
        .get_or_init(|| {
            SURNAME_COUNTRIES
                .lines()
                .filter(|line| !line.is_empty() && !line.starts_with('#'))
                .collect()
        })
        .contains(code)
}

/// Words that are parts of people's names without naming anyone alone: the
/// curated name-part lexicon (`data/name_parts.tsv`) less its common words,
/// and the common words glossed as name parts (আলম, খান, হোসেন). Match
/// keys. The gazetteer's people add their own parts through the partial
/// entries of the exact table.
#[derive(Clone, Debug, Default)]
pub(crate) struct NameParts {
    parts: FxHashSet<Box<[u8]>>,
    /// The lexicon's parts that are common words too (বেগম): no part
    /// beside a partial name, but part of a name among other parts.
    ordinary: FxHashSet<Box<[u8]>>,
    /// The Bengali names of letters, read as initials (এ কে এম).
    initials: FxHashSet<Box<[u8]>>,
    /// Bit per key byte: a name part many people share (a common word
    /// glossed `name part`) starts with it. Most words after a place do not.
    shared_first: [u64; 4],
}

/// How many words on each side of a partial name [`NameParts::fit`] reads
/// at most: more than a name has (and a bound on the work, where a line
/// repeats a name's parts thousands of times).
const NAME_WORDS: usize = 6;

/// What a word beside a partial name is; a word read several ways is the
/// greatest of its readings.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Beside {
    /// Not a name part: the name ends before it.
    Other,
    /// A part of somebody else's name.
    Foreign,
    /// A mention of its own (an alias of a person, or a part of a person
    /// named before in the document and not this one): a list of names.
    Mention,
    /// A part of the person's own name: the name goes on.
    Own,
}

impl NameParts {
    pub(crate) fn new(common: &CommonWords) -> NameParts {
        let (mut parts, mut ordinary) = (FxHashSet::default(), FxHashSet::default());
        for word in crate::translit::lexicon_words() {
            let folded = key::fold(word);
            let part = folded.bytes();
            if part.is_empty() {
                continue;
            }
            if !common.contains(part) || common.is_name_part(part) {
                parts.insert(part.into());
            } else {
                ordinary.insert(part.into());
            }
        }
        let mut shared_first = [0u64; 4];
        for part in common.name_parts() {
            // Glossed name parts are parts whether or not the romanization
            // lexicon lists them (সালাম of জাহানারা সালাম).
            parts.insert(part.into());
            if let Some(&b) = part.first() {
                if let Some(word) = shared_first.get_mut(usize::from(b >> 6)) {
                    *word |= 1 << (b & 63);
                }
            }
        }
        let initials = crate::translit::lexicon_initials()
            .map(|(word, _)| key::fold(word).bytes().into())
            .collect();
        NameParts {
            parts,
            ordinary,
            initials,
            shared_first,
        }
    }

    /// Whether `key` (a match key) is a name part, uninflected.
    pub(crate) fn contains(&self, key: &[u8]) -> bool {
        self.parts.contains(key)
    }

    /// Whether `key` (a match key) is a part of the lexicon that is also a
    /// common word.
    pub(crate) fn is_ordinary(&self, key: &[u8]) -> bool {
        self.ordinary.contains(key)
    }

    /// Whether `key` (a match key) is the Bengali name of a letter.
    pub(crate) fn is_initial(&self, key: &[u8]) -> bool {
        self.initials.contains(key)
    }

    /// Whether the word after `word_end` in `text` is a name part that
    /// many people share, perhaps inflected (চৌধুরী, আক্তার, খানের): a
    /// place name before it is somebody's given name (বনানী চৌধুরী).
    pub(crate) fn shared_part_after(&self, matcher: &Matcher, text: &str, word_end: usize) -> bool {
        // Only a space joins the parts of a name; most places are followed
        // by something else, or by a word of one-byte letters read here.
        let spaces = text
            .as_bytes()
            .get(word_end..)
            .map_or(0, |rest| rest.iter().take_while(|&&b| b == b' ').count());
        if spaces == 0 {
            return false;
        }
        let (mut letters, mut folded) = ([0; 24], Vec::new());
        let bytes: &[u8] = match matcher
            .encoder
            .tail_key(text, word_end + spaces, &mut letters)
        {
            Some(key) => key,
            None => {
                let Some(word) = word_after(text, word_end).and_then(|next| text.get(next)) else {
                    return false;
                };
                key::fold_into(word, &mut folded);
                &folded
            }
        };
        // The word cannot be a shared part unless one starts with its letter.
        if !bytes.first().is_some_and(|&b| self.shared_first_byte(b)) {
            return false;
        }
        let common = matcher.suffixes.common_words();
        // The suffix test first: most splits leave no suffix chain.
        (1..=bytes.len()).any(|end| match (bytes.get(..end), bytes.get(end..)) {
            (Some(part), Some(rest)) => matcher.suffixes.accepts(rest) && common.is_name_part(part),
            _ => false,
        })
    }

    fn shared_first_byte(&self, byte: u8) -> bool {
        self.shared_first
            .get(usize::from(byte >> 6))
            .is_some_and(|word| word >> (byte & 63) & 1 != 0)
    }

    /// Whether a partial name of `target` over `word` of `text` (display
    /// text; the stem ends at `stem_end`) may stand for that person: false
    /// when the run of name parts it belongs to holds a part of another
    /// person's name. The run goes on through words separated by spaces
    /// on one line; a `.` may end the word before (মো. for মোহাম্মদ). Only
    /// a name's last word takes suffixes: an inflected partial ends its
    /// name, and the words before it are read uninflected (ধরে is no name
    /// ধর + এ).
    pub(crate) fn fit(
        &self,
        matcher: &Matcher,
        named: &Named,
        target: u32,
        text: &str,
        word: Range<usize>,
        stem_end: usize,
    ) -> bool {
        let inflected = stem_end < word.end;
        let mut at = word.end;
        for _ in 0..if inflected { 0 } else { NAME_WORDS } {
            let Some(next) = word_after(text, at) else {
                break;
            };
            match self.beside(matcher, named, target, text.get(next.clone()), true) {
                Beside::Own => at = next.end,
                Beside::Foreign => return false,
                Beside::Other | Beside::Mention => break,
            }
        }
        let mut at = word.start;
        for _ in 0..NAME_WORDS {
            let Some(before) = word_before(text, at) else {
                break;
            };
            match self.beside(matcher, named, target, text.get(before.clone()), false) {
                Beside::Own => at = before.start,
                Beside::Foreign => return false,
                Beside::Other | Beside::Mention => break,
            }
        }
        true
    }

    /// What `word` (a whole token; `inflected` if it may carry suffixes)
    /// is to a partial name of `target`.
    fn beside(
        &self,
        matcher: &Matcher,
        named: &Named,
        target: u32,
        word: Option<&str>,
        inflected: bool,
    ) -> Beside {
        let Some(word) = word else {
            return Beside::Other;
        };
        let (mut letters, mut folded) = ([0; 24], Vec::new());
        let bytes = word_key(matcher, word, &mut letters, &mut folded);
        let common = matcher.suffixes.common_words();
        if common.contains(bytes) && !common.is_name_part(bytes) {
            return Beside::Other;
        }
        // A part of a name before suffixes has three key bytes at least:
        // shorter ones are mostly ordinary words' stems (কর in করে).
        let stems = |end: usize| {
            end == bytes.len()
                || (inflected
                    && end >= 3
                    && bytes
                        .get(end..)
                        .is_some_and(|t| matcher.suffixes.accepts(t)))
        };
        let mut what = Beside::Other;
        if let Some(automaton) = &matcher.exact.automaton {
            automaton.prefixes(bytes, 0, |pattern, end| {
                if stems(end) {
                    what = what.max(matcher.read_part(named, target, pattern));
                }
            });
        }
        if what == Beside::Other
            && (1..=bytes.len()).any(|end| {
                stems(end)
                    && bytes
                        .get(..end)
                        .is_some_and(|part| self.parts.contains(part))
            })
        {
            what = Beside::Foreign;
        }
        // A part that is a common word makes no partial entry (ইসলাম of
        // কাজী নজরুল ইসলাম), but is the person's own all the same, and so is
        // its spelling with the other vowel length or sibilant (আলী, আলি).
        let own = || {
            let loose = |key: &[u8]| variant::fold_alias(Level::Loose, key).0;
            let readings: Vec<Vec<u8>> = (1..=bytes.len())
                .filter(|&end| stems(end))
                .filter_map(|end| bytes.get(..end))
                .map(loose)
                .collect();
            usize::try_from(target)
                .ok()
                .and_then(|i| matcher.entities.get(i))
                .is_some_and(|person| {
                    let name = key::fold(person.name_bn());
                    let mut parts = name.bytes().split(|&b| b == b' ');
                    parts.any(|part| readings.contains(&loose(part)))
                })
        };
        if what == Beside::Foreign && own() {
            what = Beside::Own;
        }
        what
    }
}

impl Matcher {
    /// What the exact key `pattern`, read beside a partial name of
    /// `target`, makes of the word.
    fn read_part(&self, named: &Named, target: u32, pattern: usize) -> Beside {
        let entries = self.exact.entries_of(pattern);
        let partials = || entries.iter().filter(|e| e.kind == MatchKind::Partial);
        if partials().any(|e| e.target == target) {
            return Beside::Own;
        }
        let person = |e: &&super::Entry| {
            usize::try_from(e.target)
                .ok()
                .and_then(|i| self.entities.get(i))
                .is_some_and(|entity| entity.kind() == Kind::Person)
        };
        if entries
            .iter()
            .filter(person)
            .any(|e| e.kind != MatchKind::Partial)
        {
            return Beside::Mention;
        }
        if partials().next().is_none() {
            return Beside::Other;
        }
        match named.only_one(partials().map(|e| e.target)) {
            Some(other) if other != target => Beside::Mention,
            _ => Beside::Foreign,
        }
    }
}

/// The token after `at` past one or more spaces.
pub(super) fn word_after(text: &str, at: usize) -> Option<Range<usize>> {
    let rest = text.get(at..)?;
    let start = at + (rest.len() - rest.trim_start_matches(' ').len());
    token_at(text, start).filter(|_| start > at)
}

/// The token that starts at `at`, if one does.
pub(super) fn token_at(text: &str, at: usize) -> Option<Range<usize>> {
    let len: usize = text
        .get(at..)?
        .chars()
        .take_while(|&c| script::is_word_char(c))
        .map(char::len_utf8)
        .sum();
    (len > 0).then_some(at..at + len)
}

/// The match key of one word: in `letters` when it is Bengali letters of
/// one key byte each (nearly every word, read without the general fold),
/// else folded into `folded`.
pub(super) fn word_key<'b>(
    matcher: &Matcher,
    word: &str,
    letters: &'b mut [u8; 24],
    folded: &'b mut Vec<u8>,
) -> &'b [u8] {
    match matcher.encoder.tail_key(word, 0, letters) {
        Some(key) if 3 * key.len() == word.len() => key,
        _ => {
            key::fold_into(word, folded);
            folded.as_slice()
        }
    }
}

/// The token before `at` past one or more spaces, and perhaps a `.` right
/// after it.
pub(super) fn word_before(text: &str, at: usize) -> Option<Range<usize>> {
    let spaced = text.get(..at)?.trim_end_matches(' ');
    if spaced.len() == at {
        return None;
    }
    let word = spaced.strip_suffix('.').unwrap_or(spaced);
    let len: usize = word
        .chars()
        .rev()
        .take_while(|&c| script::is_word_char(c))
        .map(char::len_utf8)
        .sum();
    (len > 0).then_some(word.len() - len..word.len())
}

/// Entities named fully so far in one document.
///
/// A document forked to search ahead of the text before it (for parallel
/// search) also keeps a log, piece by piece, of what it asked ("was this
/// person named?") with the answer it got, and whom it named. A piece's
/// mentions depend on the document only through those answers, so replaying
/// its log against the real document tells exactly whether the real
/// document would have found the same mentions. The log sits behind a mutex
/// because the checks ask through a shared reference; only forks have one.
#[derive(Debug, Default)]
pub(crate) struct Named {
    /// Shared with forks until either side names someone new.
    targets: Arc<FxHashSet<u32>>,
    log: Option<Mutex<Log>>,
}

/// A fork's record, piece by piece.
#[derive(Clone, Debug, Default)]
struct Log {
    events: Vec<Event>,
    /// Where each piece's events start in `events`; the first is the oldest
    /// piece not yet joined.
    pieces: VecDeque<usize>,
}

#[derive(Clone, Copy, Debug)]
enum Event {
    Asked { target: u32, named: bool },
    Named(u32),
}

impl Clone for Named {
    fn clone(&self) -> Self {
        Named {
            targets: Arc::clone(&self.targets),
            log: self.log.as_ref().map(|log| Mutex::new(lock(log).clone())),
        }
    }
}

fn lock(log: &Mutex<Log>) -> std::sync::MutexGuard<'_, Log> {
    // Nothing panics while holding the lock; if something did, the log is
    // still a valid prefix of what happened.
    log.lock().unwrap_or_else(PoisonError::into_inner)
}

impl Named {
    pub(crate) fn insert(&mut self, target: u32) {
        if !self.targets.contains(&target) {
            Arc::make_mut(&mut self.targets).insert(target);
        }
        if let Some(log) = &mut self.log {
            let log = log.get_mut().unwrap_or_else(PoisonError::into_inner);
            log.events.push(Event::Named(target));
        }
    }

    pub(crate) fn contains(&self, target: u32) -> bool {
        let named = self.targets.contains(&target);
        if let Some(log) = &self.log {
            lock(log).events.push(Event::Asked { target, named });
        }
        named
    }

    pub(crate) fn clear(&mut self) {
        self.targets = Arc::default();
    }

    /// The one target of `candidates` named so far, if exactly one was.
    pub(crate) fn only_one(&self, candidates: impl Iterator<Item = u32>) -> Option<u32> {
        let mut found = None;
        let mut ambiguous = false;
        for target in candidates {
            // Every candidate is asked about, so a fork's log holds all the
            // answers this one depends on.
            if self.contains(target) {
                ambiguous |= found.is_some_and(|f| f != target);
                found = Some(target);
            }
        }
        found.filter(|_| !ambiguous)
    }

    /// A copy that logs what it is asked and whom it names (see [`Named`]).
    pub(crate) fn fork(&self) -> Named {
        Named {
            targets: Arc::clone(&self.targets),
            log: Some(Mutex::default()),
        }
    }

    /// Starts the log of a new piece (a fork's next search).
    pub(crate) fn start_piece(&mut self) {
        if let Some(log) = &mut self.log {
            let log = log.get_mut().unwrap_or_else(PoisonError::into_inner);
            let start = log.events.len();
            log.pieces.push_back(start);
        }
    }

    /// Replays the oldest piece of `fork`'s log not yet joined: if every
    /// answer it got is what `self` answers now, `self` names whom the piece
    /// named and this returns `true`; otherwise `self` is unchanged. Either
    /// way the piece is consumed; `false` when there is none.
    pub(crate) fn join_piece(&mut self, fork: &mut Named) -> bool {
        let Some(log) = &mut fork.log else {
            return false;
        };
        let log = log.get_mut().unwrap_or_else(PoisonError::into_inner);
        let Some(start) = log.pieces.pop_front() else {
            return false;
        };
        let end = log.pieces.front().copied().unwrap_or(log.events.len());
        let events = log.events.get(start..end).unwrap_or_default();
        let mut named_here = Vec::new();
        for event in events {
            match *event {
                Event::Named(target) => named_here.push(target),
                Event::Asked { target, named } => {
                    let now = self.targets.contains(&target) || named_here.contains(&target);
                    if now != named {
                        return false;
                    }
                }
            }
        }
        for target in named_here {
            self.insert(target);
        }
        // Events of joined pieces are never read again.
        if log.pieces.is_empty() {
            log.events.clear();
        }
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalize::key;

    #[test]
    fn surname_countries_are_those_of_africa_the_americas_europe_and_oceania() {
        for (code, by_surname) in [
            ("US", true),
            ("GB", true),
            ("RU", true),
            ("ZA", true),
            ("AU", true),
            ("BR", true),
            // Asia's naming is mixed; Ethiopians go by their given name.
            ("BD", false),
            ("CN", false),
            ("MY", false),
            ("ET", false),
            ("", false),
        ] {
            assert_eq!(named_by_surname(code), by_surname, "{code:?}");
        }
    }

    #[test]
    fn parts_of_multi_word_names_only() {
        let k = key::fold("কিম জং উন");
        let got: Vec<String> = parts(k.bytes())
            .map(|part| key::decode(&k.bytes()[part]))
            .collect();
        assert_eq!(got, ["কিম"]); // জং has only two key bytes
        assert_eq!(parts(key::fold("পুতিন").bytes()).count(), 0);
    }

    #[test]
    fn words_beside_are_tokens_past_spaces_on_the_line() {
        let text = "মো. নজরুল ইসলামের, খান\nআলম";
        let word = |r: Option<Range<usize>>| r.and_then(|r| text.get(r));
        let nazrul = text.find("নজরুল").unwrap();
        assert_eq!(word(word_before(text, nazrul)), Some("মো"));
        assert_eq!(
            word(word_after(text, nazrul + "নজরুল".len())),
            Some("ইসলামের")
        );
        // Punctuation, a line break or no space at all ends the run.
        let comma = text.find(',').unwrap();
        assert_eq!(word_after(text, comma), None);
        assert_eq!(
            word_after(text, comma + 1).and_then(|r| text.get(r)),
            Some("খান")
        );
        assert_eq!(word_after(text, text.find('\n').unwrap()), None);
        assert_eq!(word_before(text, text.find("আলম").unwrap()), None);
        assert_eq!(word_before(text, 0), None);
        assert_eq!(word_after(text, text.len()), None);
    }

    #[test]
    fn only_one_named_candidate_links() {
        let mut named = Named::default();
        assert_eq!(named.only_one([1, 2].into_iter()), None);
        named.insert(2);
        assert_eq!(named.only_one([1, 2].into_iter()), Some(2));
        named.insert(1);
        assert_eq!(named.only_one([1, 2].into_iter()), None);
    }

    #[test]
    fn a_forked_piece_joins_only_while_its_answers_hold() {
        let mut doc = Named::default();
        doc.insert(1);
        let mut fork = doc.fork();
        fork.start_piece();
        assert!(fork.contains(1));
        assert!(!fork.contains(2));
        fork.insert(3);
        fork.start_piece();
        assert!(fork.contains(3)); // named by the piece before
        fork.start_piece();
        assert_eq!(fork.only_one([2, 5].into_iter()), None);

        doc.insert(4); // named meanwhile; no piece asked about 4
        assert!(doc.join_piece(&mut fork));
        assert!(doc.contains(3) && doc.contains(4));
        assert!(doc.join_piece(&mut fork));
        doc.insert(5); // the third piece's "nobody" is now wrong
        assert!(!doc.join_piece(&mut fork));
        assert!(!doc.join_piece(&mut fork), "no pieces left");
    }

    #[test]
    fn a_piece_that_relied_on_a_rejected_piece_is_rejected() {
        let doc = Named::default();
        let mut fork = doc.fork();
        fork.start_piece();
        fork.insert(7);
        fork.start_piece();
        assert!(fork.contains(7));
        let mut doc = doc;
        doc.insert(9);
        // Pretend the first piece is redone on `doc` and names nobody: the
        // second piece's "7 was named" no longer holds.
        let mut skipped = doc.clone();
        assert!(skipped.join_piece(&mut fork));
        assert!(skipped.contains(7));
        assert!(!doc.join_piece(&mut fork));
        assert!(!doc.contains(7));
        assert!(
            !Named::default().join_piece(&mut doc.clone()),
            "only forks join"
        );
    }
}
