//! The token-tail check: what may follow a name inside its token.
//!
//! Bengali inflects names by gluing suffixes to them (রাশিয়া**র**,
//! পুতিন**েরই**, কোরিয়া**তেই**). Rather than stem the text, the matcher
//! finds the name and then asks whether the rest of the token is empty or a
//! chain of known suffixes. The inventory is `data/suffixes.txt`, embedded in
//! the library; users add suffixes through
//! [`MatcherBuilder`](super::MatcherBuilder).

use core::fmt;

use crate::normalize::key;
use crate::Normalizer;

/// The shipped suffix inventory.
pub(crate) const SHIPPED: &str = include_str!("../../data/suffixes.txt");

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

/// The suffix inventory as match keys.
#[derive(Clone, Debug, Default)]
pub(crate) struct Suffixes {
    /// Distinct suffix keys, longest first so that the chain search tries
    /// the likelier reading (এর before এ) first.
    keys: Vec<Box<[u8]>>,
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
            let suffix = line.split('\t').next().unwrap_or_default().trim();
            let display = normalizer.normalize_str(suffix);
            let folded = key::fold(&display);
            let bytes = folded.bytes();
            // A suffix is Bengali letters and signs only: anything else
            // (a space, punctuation, Latin) could never sit inside a token
            // after a name, and would hint at a malformed line.
            if bytes.is_empty() || !bytes.iter().all(|&b| b >= 0x80 && key::is_word_byte(b)) {
                return Err(SuffixError {
                    source: source.to_owned(),
                    line: index + 1,
                    reason: format!("{suffix:?} is not a Bengali suffix"),
                });
            }
            if !self.keys.iter().any(|k| **k == *bytes) {
                self.keys.push(bytes.into());
            }
        }
        self.keys
            .sort_by(|a, b| b.len().cmp(&a.len()).then(a.cmp(b)));
        Ok(())
    }

    /// The shipped inventory.
    pub(crate) fn shipped() -> Self {
        let mut suffixes = Suffixes::default();
        // The shipped file is checked by this module's tests; a bad line
        // would leave the inventory short rather than fail every build.
        let _ = suffixes.add_list("data/suffixes.txt", SHIPPED);
        suffixes
    }

    /// Number of distinct suffixes.
    #[cfg(test)]
    pub(crate) fn len(&self) -> usize {
        self.keys.len()
    }

    /// True when `tail` (key bytes) is empty or a chain of suffixes.
    pub(crate) fn accepts(&self, tail: &[u8]) -> bool {
        tail.is_empty() || self.chain(tail, MAX_CHAIN)
    }

    fn chain(&self, tail: &[u8], depth: usize) -> bool {
        if tail.is_empty() {
            return true;
        }
        if depth == 0 {
            return false;
        }
        self.keys.iter().any(|suffix| {
            tail.strip_prefix(&**suffix)
                .is_some_and(|rest| self.chain(rest, depth - 1))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn accepts(suffixes: &Suffixes, tail: &str) -> bool {
        let display = Normalizer::new().normalize_str(tail);
        suffixes.accepts(key::fold(&display).bytes())
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

    #[test]
    fn bad_lines_name_their_line() {
        let err = Suffixes::default().add_list("x", "র\n\nab\n").unwrap_err();
        assert_eq!((err.source_name(), err.line()), ("x", 3));
        assert!(err.to_string().starts_with("x:3: "));
    }
}
