//! Ordinary Bengali words that are also entity aliases.
//!
//! A common-word file has one word per line; `#` starts a comment line, blank
//! lines are ignored, and anything after a tab on a line (a gloss, a source)
//! is ignored too, except two glosses:
//! - [`NAME_PART`]: the word is also a part of many people's names (আলম,
//!   খান, হোসেন), which the matcher reads beside a partial name;
//! - [`NATIONAL_BODY`]: the word names a body that many countries have
//!   (সিনেট, স্বরাষ্ট্র মন্ত্রণালয়, সুপ্রিম কোর্ট). Such a word is no common
//!   word: an alias equal to it links, but only in a document that has named
//!   the entity or something in the entity's country, so that a Senate is
//!   the US one in a story about Washington and nobody's in a story about a
//!   university senate in Dhaka.
//!
//! Words are compared by match key, so spelling variants that fold together
//! count as the same word.

use std::sync::Arc;

use super::error::{LoadError, LoadErrorKind};
use super::hash::FastSet;
use crate::normalize::key;
use crate::Normalizer;

/// The gloss that marks a common word as a person-name part.
pub(crate) const NAME_PART: &str = "name part";

/// The gloss that marks a word as the name of a body many countries have.
pub(crate) const NATIONAL_BODY: &str = "national body";

/// A set of match keys, those of them glossed [`NAME_PART`], and the words
/// glossed [`NATIONAL_BODY`] (kept apart: they are not common words).
#[derive(Clone, Debug, Default)]
pub(crate) struct CommonWords {
    words: FastSet<Box<[u8]>>,
    name_parts: FastSet<Box<[u8]>>,
    national_bodies: FastSet<Box<[u8]>>,
}

impl CommonWords {
    /// True when `key` (a match key) is a common word.
    pub fn contains(&self, key: &[u8]) -> bool {
        self.words.contains(key)
    }

    /// True when `key` is a common word glossed as a person-name part.
    pub fn is_name_part(&self, key: &[u8]) -> bool {
        self.name_parts.contains(key)
    }

    /// True when `key` is a word glossed as a body many countries have.
    pub fn is_national_body(&self, key: &[u8]) -> bool {
        self.national_bodies.contains(key)
    }

    /// The common words glossed as person-name parts (match keys).
    pub(crate) fn name_parts(&self) -> impl Iterator<Item = &[u8]> {
        self.name_parts.iter().map(|part| &**part)
    }

    /// Adds the match key `key`.
    pub(crate) fn insert(&mut self, key: &[u8]) {
        self.words.insert(key.into());
    }

    /// How many distinct words the set holds.
    pub fn len(&self) -> usize {
        self.words.len()
    }
}

/// Reads one common-word file into `words`, reporting bad lines.
pub(crate) fn parse(
    file: &Arc<str>,
    bytes: &[u8],
    normalizer: &Normalizer,
    words: &mut CommonWords,
    errors: &mut Vec<LoadError>,
) {
    let mut offset = 0u64;
    for (index, line) in bytes.split(|&b| b == b'\n').enumerate() {
        let number = index as u64 + 1;
        let line_offset = offset;
        offset += line.len() as u64 + 1;
        let text = match core::str::from_utf8(line) {
            Ok(text) => text,
            Err(e) => {
                errors.push(LoadError::new(
                    Arc::clone(file),
                    number,
                    Some(1),
                    LoadErrorKind::InvalidUtf8 {
                        byte_offset: line_offset + e.valid_up_to() as u64,
                    },
                ));
                continue;
            }
        };
        let mut fields = text.split('\t');
        let word = fields
            .next()
            .unwrap_or_default()
            .trim_start_matches('\u{FEFF}')
            .trim();
        let gloss = fields.next().map(str::trim);
        if word.is_empty() || word.starts_with('#') {
            continue;
        }
        // Trimmed again after normalizing: display normalization drops
        // invisible characters (ZWSP, ...) that can hide whitespace from the
        // first trim, and `is_common_word` trims the normalized text.
        let display = normalizer.normalize_str(word);
        let mut key = Vec::new();
        key::fold_into(display.trim(), &mut key);
        if key.iter().any(|&b| key::is_word_byte(b)) {
            let key = key.into_boxed_slice();
            match gloss {
                Some(NATIONAL_BODY) => {
                    words.national_bodies.insert(key);
                }
                Some(NAME_PART) => {
                    words.name_parts.insert(key.clone());
                    words.words.insert(key);
                }
                _ => {
                    words.words.insert(key);
                }
            }
        } else {
            errors.push(LoadError::new(
                Arc::clone(file),
                number,
                Some(1),
                LoadErrorKind::NormalizesToNothing {
                    name: word.to_owned(),
                },
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_comments_glosses_and_bad_lines() {
        let mut words = CommonWords::default();
        let mut errors = Vec::new();
        let file: Arc<str> = "w.txt".into();
        let text = b"# header\n\n\xEF\xBB\xBF\nmara\t# die\n  \xE0\xA6\x95  \r\n\xFF\n\xC2\xAD\nkhan\tname part\nalam\tnamepart\nsenate\tnational body\n";
        parse(&file, text, &Normalizer::new(), &mut words, &mut errors);
        assert_eq!(words.len(), 4);
        assert!(words.contains(b"mara") && words.contains(&[0x95]));
        assert!(words.is_name_part(b"khan") && words.contains(b"khan"));
        assert!(!words.is_name_part(b"alam") && !words.is_name_part(b"mara"));
        // A national body is no common word.
        assert!(words.is_national_body(b"senate") && !words.contains(b"senate"));
        assert!(!words.is_national_body(b"mara"));
        let found: Vec<_> = errors
            .iter()
            .map(|e| (e.line(), e.kind().clone()))
            .collect();
        assert_eq!(
            found,
            vec![
                (6, LoadErrorKind::InvalidUtf8 { byte_offset: 34 }),
                (
                    7,
                    LoadErrorKind::NormalizesToNothing {
                        name: "\u{AD}".into()
                    }
                ),
            ]
        );
    }
}
