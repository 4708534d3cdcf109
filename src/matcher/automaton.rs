//! The key automaton: every alias key in one anchored trie ([`Trie`]), or
//! on request (benchmarks) an `aho-corasick` automaton, walked by hand from
//! token starts.
//!
//! A mention must start at a token start, so there is no need for an
//! unanchored scan: the matcher walks the anchored automaton (a trie with
//! dead ends) from each token start and collects every alias that ends on
//! the way, longest last. That is what the tail check needs (a rejected
//! longer alias must not hide a valid shorter one), and it skips the inside
//! of words. Most tokens start no alias at all, so a 64 Kbit table of the
//! first two key bytes of every alias rejects them before the walk; see
//! ARCHITECTURE.md for the measurements behind this design.

use aho_corasick::automaton::Automaton;
use aho_corasick::{dfa, nfa, Anchored, MatchKind, StartKind};

use super::trie::{TooLarge, Trie};

/// Above this many key bytes in all, the automaton is a contiguous NFA
/// rather than a DFA: the DFA's memory grows with states × byte classes
/// (50 MB for the embedded gazetteer's ~17k keys, against 3.4 MB for the
/// NFA, with no measurable speed gain on the corpus), so only small user
/// gazetteers get one.
const DFA_LIMIT: usize = 50_000;

/// The compiled automaton behind one interface: the trie, or an
/// aho-corasick DFA or NFA.
#[derive(Clone, Debug)]
enum Engine {
    Trie(Trie),
    Dfa(dfa::DFA),
    Nfa(nfa::contiguous::NFA),
}

/// Why the automaton could not be built (too many states for its IDs).
#[derive(Clone, Debug)]
pub enum AutomatonError {
    /// aho-corasick refused the keys.
    AhoCorasick(aho_corasick::BuildError),
    /// More trie nodes than 32-bit ids can count.
    TooLarge,
}

impl core::fmt::Display for AutomatonError {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        match self {
            AutomatonError::AhoCorasick(e) => e.fmt(f),
            AutomatonError::TooLarge => f.write_str("too many trie nodes for 32-bit ids"),
        }
    }
}

impl std::error::Error for AutomatonError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            AutomatonError::AhoCorasick(e) => Some(e),
            AutomatonError::TooLarge => None,
        }
    }
}

impl From<aho_corasick::BuildError> for AutomatonError {
    fn from(e: aho_corasick::BuildError) -> Self {
        AutomatonError::AhoCorasick(e)
    }
}

impl From<TooLarge> for AutomatonError {
    fn from(_: TooLarge) -> Self {
        AutomatonError::TooLarge
    }
}

/// Distinct key strings, searched from token starts.
#[derive(Clone, Debug)]
pub(crate) struct KeyAutomaton {
    engine: Engine,
    /// Bit `a * 256 + b` is set when some key starts with bytes `a b`.
    bigrams: Box<[u64; 1024]>,
    /// Number of keys.
    len: usize,
}

impl KeyAutomaton {
    /// An automaton over `keys`; pattern `i` is `keys[i]`. Keys are
    /// distinct and non-empty. The trie unless `aho_corasick`.
    pub(crate) fn new<K: AsRef<[u8]>>(
        keys: &[K],
        aho_corasick: bool,
    ) -> Result<Self, AutomatonError> {
        let total: usize = keys.iter().map(|k| k.as_ref().len()).sum();
        let engine = if !aho_corasick {
            Engine::Trie(Trie::new(keys)?)
        } else if total <= DFA_LIMIT {
            Engine::Dfa(
                dfa::Builder::new()
                    // Leftmost-longest keeps each state's own pattern only
                    // (no matches copied along failure links, which would
                    // report keys that do not start at the anchor).
                    .match_kind(MatchKind::LeftmostLongest)
                    .start_kind(StartKind::Anchored)
                    .byte_classes(true)
                    .prefilter(false)
                    .build(keys)?,
            )
        } else {
            Engine::Nfa(
                nfa::contiguous::Builder::new()
                    .match_kind(MatchKind::LeftmostLongest)
                    .prefilter(false)
                    .build(keys)?,
            )
        };
        let mut bigrams = Box::new([0u64; 1024]);
        for key in keys {
            if let [a, b, ..] = key.as_ref() {
                let bit = usize::from(*a) << 8 | usize::from(*b);
                if let Some(word) = bigrams.get_mut(bit >> 6) {
                    *word |= 1 << (bit & 63);
                }
            }
        }
        Ok(KeyAutomaton {
            engine,
            bigrams,
            len: keys.len(),
        })
    }

    /// Number of keys.
    pub(crate) fn len(&self) -> usize {
        self.len
    }

    /// Heap memory of the automaton and its bigram table.
    pub(crate) fn memory_usage(&self) -> usize {
        let engine = match &self.engine {
            Engine::Trie(t) => t.memory_usage(),
            Engine::Dfa(a) => a.memory_usage(),
            Engine::Nfa(a) => a.memory_usage(),
        };
        engine + core::mem::size_of::<[u64; 1024]>()
    }

    /// True when some key starts with the two bytes at `at`.
    #[inline]
    pub(crate) fn may_start(&self, hay: &[u8], at: usize) -> bool {
        match hay.get(at..at + 2) {
            Some(&[a, b]) => self.bigram(a, b),
            _ => false,
        }
    }

    /// True when some key starts with `a b`.
    #[inline]
    fn bigram(&self, a: u8, b: u8) -> bool {
        let bit = usize::from(a) << 8 | usize::from(b);
        self.bigrams
            .get(bit >> 6)
            .is_some_and(|word| word & (1 << (bit & 63)) != 0)
    }

    /// The trie, when that is the engine: the search walks it straight
    /// over the text ([`Encoder::scan_keys`](super::encode::Encoder::scan_keys)).
    pub(crate) fn trie(&self) -> Option<&Trie> {
        match &self.engine {
            Engine::Trie(trie) => Some(trie),
            _ => None,
        }
    }

    /// Calls `found(pattern, end)` for every key that occurs in `hay`
    /// starting at `at`, shortest first.
    #[inline]
    pub(crate) fn prefixes(&self, hay: &[u8], at: usize, found: impl FnMut(usize, usize)) {
        if !self.may_start(hay, at) {
            return;
        }
        match &self.engine {
            Engine::Trie(t) => t.prefixes(hay, at, found),
            Engine::Dfa(a) => walk(a, hay, at, found),
            Engine::Nfa(a) => walk(a, hay, at, found),
        }
    }
}

#[inline]
fn walk<A: Automaton>(aut: &A, hay: &[u8], at: usize, mut found: impl FnMut(usize, usize)) {
    let Ok(mut sid) = aut.start_state(Anchored::Yes) else {
        return;
    };
    let rest = hay.get(at..).unwrap_or_default();
    for (i, &byte) in rest.iter().enumerate() {
        sid = aut.next_state(Anchored::Yes, sid, byte);
        if aut.is_special(sid) {
            if aut.is_dead(sid) {
                return;
            }
            if aut.is_match(sid) {
                // The NFA copies the matches of a state's failure state into
                // it (a key that starts inside the token): keep only the key
                // that spans the whole walk.
                let own = (0..aut.match_len(sid))
                    .map(|k| aut.match_pattern(sid, k))
                    .find(|&p| aut.pattern_len(p) == i + 1);
                if let Some(pattern) = own {
                    found(pattern.as_usize(), at + i + 1);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn all(aut: &KeyAutomaton, hay: &[u8], at: usize) -> Vec<(usize, usize)> {
        let mut out = Vec::new();
        aut.prefixes(hay, at, |p, end| out.push((p, end)));
        out
    }

    #[test]
    fn every_prefix_key_is_reported_and_only_anchored_ones() {
        let keys = [
            b"ab".to_vec(),
            b"abcd".to_vec(),
            b"bc".to_vec(),
            b"abc".to_vec(),
        ];
        let aut = KeyAutomaton::new(&keys, true).unwrap();
        let trie = KeyAutomaton::new(&keys, false).unwrap();
        for at in 0..5 {
            assert_eq!(all(&aut, b"abcde", at), all(&trie, b"abcde", at));
        }
        assert_eq!(all(&aut, b"abcde", 0), [(0, 2), (3, 3), (1, 4)]);
        assert_eq!(all(&aut, b"abcde", 1), [(2, 3)]);
        assert_eq!(all(&aut, b"xabc", 0), []);
        assert_eq!(all(&aut, b"a", 0), []);
    }

    #[test]
    fn keys_starting_after_the_anchor_are_not_reported() {
        // Enough key bytes for the NFA engine.
        let keys: Vec<Vec<u8>> = [b"ab cd xyz".to_vec(), b"ab ce".to_vec(), b"cd".to_vec()]
            .into_iter()
            .chain((0..20_000u32).map(|i| format!("q{i}").into_bytes()))
            .collect();
        for engine in [true, false] {
            let aut = KeyAutomaton::new(&keys, engine).unwrap();
            assert_eq!(all(&aut, b"ab cd q", 0), [], "aho-corasick: {engine}");
            assert_eq!(all(&aut, b"ab cd q", 3), [(2, 5)]);
        }
    }

    #[test]
    fn nfa_and_dfa_agree() {
        let keys: Vec<Vec<u8>> = (0u8..50)
            .map(|i| vec![0x95, 0x80 + i % 7, 0xBE, i])
            .chain([vec![0x95, 0x80, 0xBE]])
            .collect();
        let dfa = KeyAutomaton::new(&keys, true).unwrap();
        let nfa = KeyAutomaton {
            engine: Engine::Nfa(
                nfa::contiguous::Builder::new()
                    .match_kind(MatchKind::LeftmostLongest)
                    .build(&keys)
                    .unwrap(),
            ),
            ..dfa.clone()
        };
        let hay = [0x95, 0x80, 0xBE, 7, 0x95];
        assert_eq!(all(&dfa, &hay, 0), all(&nfa, &hay, 0));
        assert_eq!(all(&dfa, &hay, 0), [(50, 3), (7, 4)]);
        let trie = KeyAutomaton::new(&keys, false).unwrap();
        assert_eq!(all(&trie, &hay, 0), [(50, 3), (7, 4)]);
    }
}
