//! Names as English-language news spells them: রহমান → Rahman,
//! বন্দ্যোপাধ্যায় → Bandyopadhyay, ডেভিড → David.
//!
//! In order of trust: a [`KnownNames`] lookup of the whole name (the
//! gazetteer, when one is plugged in: [`GazetteerNames`]), the curated
//! name-part lexicon (`data/name_parts.tsv`, embedded), the known-name
//! source's name parts (a gazetteer person's ভ্লাদিমির → Vladimir; below the
//! curated lexicon, which measured better than above it on the dev set:
//! full 0.2582 vs 0.2489), then letter rules with inherent-vowel deletion
//! (see `syllables.rs`) and scored alternative spellings for the
//! other conventions (ভ → bh, জ → z, ফ → ph) and for what English
//! writes and Bengali cannot show (doubled letters, -ck).
//!
//! Each word keeps `k + 3` candidates, and a beam over the words ranks the
//! whole-name combinations by their summed cost.

mod gazetteer;
mod letters;
mod lexicon;
mod sound;
mod spell;
mod syllables;

use core::fmt;
use std::sync::Arc;

use crate::script;
use crate::Normalizer;
use lexicon::Lexicon;

pub use gazetteer::GazetteerNames;
pub(crate) use sound::sound_keys;

/// The name parts of the curated lexicon (`data/name_parts.tsv`) but its
/// initials (এম, spelled M): the matcher reads them beside partial names.
pub(crate) fn lexicon_words() -> impl Iterator<Item = &'static str> {
    Lexicon::embedded()
        .iter()
        .filter(|(_, spellings)| !is_initial(spellings))
        .map(|(word, _)| word)
}

/// The initials of the curated lexicon: the Bengali name of a Latin letter
/// and the letter (এম, b'M'; ডব্লিউ and ডাব্লিউ, b'W'). The matcher spells
/// abbreviations with them.
pub(crate) fn lexicon_initials() -> impl Iterator<Item = (&'static str, u8)> {
    Lexicon::embedded()
        .iter()
        .filter(|(_, spellings)| is_initial(spellings))
        .flat_map(|(word, spellings)| {
            spellings
                .iter()
                .filter_map(|s| s.bytes().next().filter(u8::is_ascii_uppercase))
                .map(move |letter| (word, letter))
        })
}

/// A lexicon entry spelled as single letters only: an initial.
fn is_initial(spellings: &[&str]) -> bool {
    spellings.iter().all(|s| s.chars().count() == 1)
}

/// A source of canonical English names for whole Bengali names (for
/// example a gazetteer). Any `Fn(&str) -> Option<String>` is one.
///
/// ```
/// use bengali_names::translit::{KnownNames, NameRomanizer};
/// let known = |bn: &str| (bn == "শেখ হাসিনা").then(|| "Sheikh Hasina".to_owned());
/// assert_eq!(known.english_name("শেখ হাসিনা").as_deref(), Some("Sheikh Hasina"));
/// let r = NameRomanizer::builder().known_names(known).build();
/// assert_eq!(r.romanize("শেখ হাসিনা"), "Sheikh Hasina");
/// ```
pub trait KnownNames: Send + Sync {
    /// The English name of `bengali` (display-normalized, trimmed), if known.
    fn english_name(&self, bengali: &str) -> Option<String>;

    /// Spellings of one name part (display form, joiners removed), best
    /// first; none by default. They rank between the curated name-part
    /// lexicon and the rules.
    ///
    /// ```
    /// use bengali_names::translit::KnownNames;
    /// let known = |_: &str| None;
    /// assert!(known.part_spellings("পুতিন").is_empty());
    /// ```
    fn part_spellings(&self, part: &str) -> Vec<String> {
        let _ = part;
        Vec::new()
    }
}

impl<F> KnownNames for F
where
    F: Fn(&str) -> Option<String> + Send + Sync,
{
    fn english_name(&self, bengali: &str) -> Option<String> {
        self(bengali)
    }
}

/// A romanization with its score in (0, 1]; higher is better.
///
/// ```
/// let r = bengali_names::translit::NameRomanizer::new();
/// let best = &r.candidates("রহমান", 1)[0];
/// assert_eq!(best.text, "Rahman");
/// assert!(best.score > 0.0 && best.score <= 1.0);
/// ```
#[derive(Clone, Debug, PartialEq)]
pub struct Candidate {
    /// The romanized text.
    pub text: String,
    /// exp(−cost): 1 for a known name or a lexicon's first spelling.
    pub score: f32,
}

impl fmt::Display for Candidate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text)
    }
}

/// Builds a [`NameRomanizer`].
///
/// ```
/// let r = bengali_names::translit::NameRomanizer::builder().lexicon(false).build();
/// assert_eq!(r.romanize("রহমান"), "Rahman");
/// ```
#[derive(Clone, Default)]
pub struct NameRomanizerBuilder {
    no_lexicon: bool,
    known: Option<Arc<dyn KnownNames>>,
}

impl fmt::Debug for NameRomanizerBuilder {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("NameRomanizerBuilder")
            .field("lexicon", &!self.no_lexicon)
            .field("known_names", &self.known.is_some())
            .finish()
    }
}

impl NameRomanizerBuilder {
    /// A builder with the defaults: lexicon on, no known-name source.
    ///
    /// ```
    /// let r = bengali_names::translit::NameRomanizerBuilder::new().build();
    /// assert_eq!(r.romanize("ঠাকুর"), "Tagore");
    /// ```
    pub fn new() -> Self {
        Self::default()
    }

    /// Use the embedded name-part lexicon (on by default).
    ///
    /// ```
    /// let r = bengali_names::translit::NameRomanizer::builder().lexicon(false).build();
    /// assert_eq!(r.romanize("ঠাকুর"), "Thakur");
    /// ```
    pub fn lexicon(mut self, yes: bool) -> Self {
        self.no_lexicon = !yes;
        self
    }

    /// Use the embedded gazetteer ([`GazetteerNames::embedded`]) for whole
    /// names and person-name parts.
    ///
    /// ```
    /// let r = bengali_names::translit::NameRomanizer::builder().gazetteer().build();
    /// assert_eq!(r.romanize("ভ্লাদিমির পুতিন"), "Vladimir Putin");
    /// assert_eq!(r.romanize("পিয়ংইয়ং"), "Pyongyang");
    /// ```
    pub fn gazetteer(self) -> Self {
        self.known_names(GazetteerNames::embedded())
    }

    /// Ask `known` for whole names first (the gazetteer plugs in here).
    ///
    /// ```
    /// let known = |bn: &str| (bn == "ঢাকা").then(|| "Dhaka".to_owned());
    /// let r = bengali_names::translit::NameRomanizer::builder().known_names(known).build();
    /// assert_eq!(r.romanize("ঢাকা"), "Dhaka");
    /// ```
    pub fn known_names(mut self, known: impl KnownNames + 'static) -> Self {
        self.known = Some(Arc::new(known));
        self
    }

    /// The configured romanizer.
    ///
    /// ```
    /// let r = bengali_names::translit::NameRomanizer::builder().build();
    /// assert_eq!(r.romanize("হোসেন"), "Hossain");
    /// ```
    pub fn build(self) -> NameRomanizer {
        NameRomanizer {
            normalizer: Normalizer::new(),
            lexicon: (!self.no_lexicon).then(Lexicon::embedded),
            known: self.known,
        }
    }
}

/// Romanizes Bengali names the way English-language news spells them.
///
/// ```
/// use bengali_names::translit::NameRomanizer;
/// let r = NameRomanizer::new();
/// assert_eq!(r.romanize("মোহাম্মদ আবদুর রহমান"), "Mohammad Abdur Rahman");
/// let top: Vec<String> = r.candidates("হোসেন", 2).into_iter().map(|c| c.text).collect();
/// assert_eq!(top, ["Hossain", "Hussain"]);
/// ```
#[derive(Clone)]
pub struct NameRomanizer {
    normalizer: Normalizer,
    lexicon: Option<&'static Lexicon>,
    known: Option<Arc<dyn KnownNames>>,
}

impl fmt::Debug for NameRomanizer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("NameRomanizer")
            .field("lexicon", &self.lexicon.is_some())
            .field("known_names", &self.known.is_some())
            .finish()
    }
}

impl Default for NameRomanizer {
    fn default() -> Self {
        NameRomanizerBuilder::new().build()
    }
}

/// Cost added to rule spellings so that every lexicon spelling ranks first.
/// It also matches how often a lexicon entry has none of the right spelling:
/// 42 of the 435 name parts of the odd half of the dev set that the
/// lexicon knows (−ln(42/271) ≈ 1.9).
const RULE_COST: f32 = 2.0;
/// Cost of each later spelling of a lexicon entry. The same count has the
/// second spelling right 26 times against 55 for the first (−ln ≈ 0.7);
/// 0.7 lost one name of that half against 0.5, so 0.5 it is.
const LEXICON_STEP: f32 = 0.5;
/// Candidates kept per word beyond `k`, for the whole-name beam.
const WORD_EXTRA: usize = 3;
/// Cost of the first spelling a [`KnownNames`] source gives for a name part.
const KNOWN_PART_COST: f32 = 1.0;

impl NameRomanizer {
    /// The romanizer with the defaults (lexicon on, no known names).
    ///
    /// ```
    /// let r = bengali_names::translit::NameRomanizer::new();
    /// assert_eq!(r.romanize("চৌধুরী"), "Chowdhury");
    /// ```
    pub fn new() -> Self {
        Self::default()
    }

    /// A builder for other options.
    ///
    /// ```
    /// let r = bengali_names::translit::NameRomanizer::builder().build();
    /// assert_eq!(r.romanize("ইসলাম"), "Islam");
    /// ```
    pub fn builder() -> NameRomanizerBuilder {
        NameRomanizerBuilder::new()
    }

    /// The best romanization of `text`: each Bengali word is romanized and
    /// capitalized, everything else is kept.
    ///
    /// ```
    /// let r = bengali_names::translit::NameRomanizer::new();
    /// assert_eq!(r.romanize("জন (১৯৭১)"), "John (1971)");
    /// ```
    pub fn romanize(&self, text: &str) -> String {
        self.candidates(text, 1)
            .into_iter()
            .next()
            .map(|c| c.text)
            .unwrap_or_default()
    }

    /// Up to `k` romanizations of `text`, best first.
    ///
    /// ```
    /// let r = bengali_names::translit::NameRomanizer::new();
    /// let c = r.candidates("ভিক্টর", 3);
    /// assert!(c.iter().any(|c| c.text == "Victor"));
    /// assert!(c.windows(2).all(|w| w[0].score >= w[1].score));
    /// ```
    pub fn candidates(&self, text: &str, k: usize) -> Vec<Candidate> {
        if k == 0 {
            return Vec::new();
        }
        let display = self.normalizer.normalize_str(text);
        let mut whole: Vec<(String, f32)> = Vec::new();
        if let Some(known) = &self.known {
            if let Some(name) = known.english_name(display.trim()) {
                whole.push((name, 0.0));
            }
        }
        let mut owned: Vec<Vec<(String, f32)>> = Vec::new();
        // Each word's lexicon key; the text between words as it is.
        let pieces: Vec<Result<String, &str>> = split_words(&display)
            .into_iter()
            .map(|(is_word, piece)| match is_word {
                true => Ok(lexicon::key(&self.normalizer, piece)),
                false => Err(piece),
            })
            .collect();
        let arabic = pieces
            .iter()
            .any(|piece| piece.as_ref().is_ok_and(|key| lexicon::is_arabic_part(key)));
        for (i, piece) in pieces.iter().enumerate() {
            owned.push(match piece {
                Ok(key) => {
                    let mut list = self.word_candidates(key, k, arabic);
                    // English writes an initial with its period (এম এ
                    // ওয়াজেদ: M. A. Wazed), where Bengali often leaves it
                    // out; a name's last word is no initial.
                    let next = pieces.get(i + 1);
                    let bare = next.is_some_and(|n| !matches!(n, Err(t) if t.starts_with('.')));
                    if bare && self.is_initial(key) {
                        // The letter only: other readings of the word (সি
                        // as Xi, from the known names) stay as they are.
                        list.iter_mut()
                            .filter(|(spelling, _)| spelling.chars().count() == 1)
                            .for_each(|(spelling, _)| spelling.push('.'));
                    }
                    if !bare && next.is_some() {
                        // The text's own period follows: an abbreviation
                        // spelled with one (মো. Md.) takes no second.
                        list.iter_mut().for_each(|(spelling, _)| {
                            if spelling.len() > 1 && spelling.ends_with('.') {
                                spelling.pop();
                            }
                        });
                    }
                    list
                }
                Err(between) => vec![((*between).to_owned(), 0.0)],
            });
        }
        // Combine the words' lists into whole-text candidates.
        let mut beam: Vec<(String, f32)> = vec![(String::new(), 0.0)];
        for list in &owned {
            let mut next = Vec::with_capacity(beam.len() * list.len());
            for (text, cost) in &beam {
                for (w, wc) in list {
                    next.push((format!("{text}{w}"), cost + wc));
                }
            }
            spell::sort_dedup(&mut next);
            next.truncate((k * 4).max(8));
            beam = next;
        }
        whole.extend(beam);
        spell::sort_dedup(&mut whole);
        whole.truncate(k);
        whole
            .into_iter()
            .map(|(text, cost)| Candidate {
                text,
                score: (-cost).exp(),
            })
            .collect()
    }

    /// The best reading of one word, given by its lexicon key: the
    /// lexicon's first spelling, else the rules'.
    fn word_reading(&self, key: &str) -> String {
        self.word_candidates(key, 1, false)
            .into_iter()
            .next()
            .map(|(spelling, _)| spelling)
            .unwrap_or_default()
    }

    /// True when the lexicon spells the word of lexicon key `key` as a
    /// Latin letter only (এম M): an initial.
    fn is_initial(&self, key: &str) -> bool {
        self.lexicon
            .and_then(|lexicon| lexicon.get(key))
            .is_some_and(is_initial)
    }

    /// The candidates of one Bengali word, given by its lexicon key
    /// (`lexicon::key`): the lexicon's spellings, a two-part compound of
    /// lexicon entries (দাশগুপ্ত), then the rules (with z for a j inside the
    /// word of a name of Arabic or Persian origin: `data/arabic_name_parts.txt`).
    fn word_candidates(&self, key: &str, k: usize, arabic: bool) -> Vec<(String, f32)> {
        let mut list: Vec<(String, f32)> = Vec::new();
        if let Some(lexicon) = self.lexicon {
            if let Some(spellings) = lexicon.get(key) {
                list.extend(
                    spellings
                        .iter()
                        .zip(0..)
                        .map(|(s, i)| (s.to_string(), i as f32 * LEXICON_STEP)),
                );
            } else {
                list.extend(compound(lexicon, key));
            }
        }
        if let Some(known) = &self.known {
            list.extend(
                known
                    .part_spellings(key)
                    .into_iter()
                    .zip(0..)
                    .map(|(s, i)| (s, KNOWN_PART_COST + i as f32 * LEXICON_STEP)),
            );
        }
        let units = syllables::units(key);
        // য at the start of an Arabic name's word is z too (যাকের Zaker).
        let initial_ya =
            arabic && key.starts_with('য') && key.chars().nth(1) != Some(script::chars::NUKTA);
        let rules = spell::k_best(&spell::spell(&units), k);
        for (spelling, cost) in rules {
            let cost = cost + RULE_COST;
            match arabic.then(|| medial_z(&spelling, initial_ya)).flatten() {
                Some(z) => {
                    list.push((capitalize(&z), cost));
                    list.push((capitalize(&spelling), cost + ARABIC_J_COST));
                }
                None => list.push((capitalize(&spelling), cost)),
            }
        }
        list.extend(gaelic_prefix(key, k));
        spell::sort_dedup(&mut list);
        // More than k per word: the whole-name beam picks the combinations.
        list.truncate(if k > 1 { k + WORD_EXTRA } else { 1 });
        list
    }
}

/// What a rule spelling with j costs more than its z spelling in a name
/// of Arabic origin.
const ARABIC_J_COST: f32 = 0.5;

/// `spelling` with z for each j inside the word (not its first letter
/// unless `initial_ya`, the word's য, and not the j of jh); `None` when it
/// has no such j.
fn medial_z(spelling: &str, initial_ya: bool) -> Option<String> {
    let bytes = spelling.as_bytes();
    let mut changed = false;
    let z: String = spelling
        .char_indices()
        .map(|(i, c)| {
            let inside = (i > 0 || initial_ya) && bytes.get(i + 1) != Some(&b'h');
            if c == 'j' && inside {
                changed = true;
                'z'
            } else {
                c
            }
        })
        .collect();
    changed.then_some(z)
}

/// ম্যাক at the start of a word is the Gaelic prefix of McGuire and
/// Maclean, not a syllable of its own: the rest of the word is spelled by
/// the rules after Mc or Mac, a little ahead of the plain rule spellings.
fn gaelic_prefix(key: &str, k: usize) -> Vec<(String, f32)> {
    let Some(rest) = key.strip_prefix(GAELIC_PREFIX) else {
        return Vec::new();
    };
    // ম্যাক্স is Max: the prefix must end a syllable.
    let starts_syllable = rest
        .chars()
        .next()
        .and_then(script::class_of)
        .is_some_and(|c| c == script::BengaliClass::Consonant);
    if !starts_syllable {
        return Vec::new();
    }
    let units = syllables::units(rest);
    let mut out = Vec::new();
    for (s, c) in spell::k_best(&spell::spell(&units), k) {
        let cost = c + RULE_COST - GAELIC_BONUS;
        out.push((format!("Mc{}", capitalize(&s)), cost));
        out.push((format!("Mac{s}"), cost + GAELIC_MAC_COST));
    }
    out
}

/// ম্যাক, the Bengali spelling of Mc/Mac.
const GAELIC_PREFIX: &str = "\u{09AE}\u{09CD}\u{09AF}\u{09BE}\u{0995}";
/// How far a Gaelic-prefix spelling ranks ahead of the plain rules.
const GAELIC_BONUS: f32 = 0.3;
/// Mac ranks just after Mc.
const GAELIC_MAC_COST: f32 = 0.1;

/// A word made of two lexicon parts, written as one word (দাশ + গুপ্ত →
/// Dasgupta), cost just above a direct lexicon hit.
fn compound(lexicon: &Lexicon, key: &str) -> Option<(String, f32)> {
    let mut splits = key.char_indices().map(|(i, _)| i).skip(2);
    splits.find_map(|i| {
        let (head, tail) = (key.get(..i)?, key.get(i..)?);
        // Never split before a sign or virama: the part must be a whole syllable.
        if tail
            .chars()
            .next()
            .and_then(script::class_of)
            .is_some_and(|c| c.is_mark())
        {
            return None;
        }
        // Initials, particles and abbreviations (আর R, আল Al, মো Md.) are
        // no compound parts: মোবিন is no Md. + bin.
        let part = |k: &str| {
            lexicon
                .get(k)?
                .first()
                .filter(|s| s.len() >= 3 && !s.ends_with('.'))
        };
        let head_en = part(head)?;
        let tail_en = part(tail)?;
        Some((format!("{head_en}{}", tail_en.to_lowercase()), 1.0))
    })
}

/// Splits display text into Bengali words (`true`) and the text between.
fn split_words(text: &str) -> Vec<(bool, &str)> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut in_word = false;
    for (i, c) in text.char_indices() {
        let is_word = is_word_char(c);
        if is_word != in_word && i > start {
            out.extend(text.get(start..i).map(|s| (in_word, s)));
            start = i;
        }
        in_word = is_word;
    }
    out.extend(
        text.get(start..)
            .filter(|s| !s.is_empty())
            .map(|s| (in_word, s)),
    );
    out
}

fn is_word_char(c: char) -> bool {
    script::class_of(c).is_some_and(|class| class.is_word())
        || c == script::ZWJ
        || c == script::ZWNJ
}

/// Upper-cases the first letter of a name part.
fn capitalize(word: &str) -> String {
    let mut chars = word.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests;
