//! ISO 15919 for Bengali, both ways, lossless.
//!
//! # The scheme
//!
//! Letters follow ISO 15919 ([`table`](self) rows are in `table.rs`): the
//! inherent vowel is written (`ka` ক), a consonant with no vowel after it has
//! a virama (`k` ক্), `ṁ` is the anusvara whatever follows it (`bānda`
//! বান্দ vs `bāṁda` বাংদ), `m̐` candrabindu, `ḥ` visarga, `ṯ` khanda ta
//! (`t` is ত্), `y` য and `ẏ` য়, `ṛ` ড়, `ṛh` ঢ়, Bengali digits are ASCII
//! digits.
//!
//! What ISO 15919 leaves open, or what plain text needs for an exact round
//! trip:
//!
//! | written | means | example |
//! |---|---|---|
//! | `:` between two letters | the letters do not join | `aṁśa:i` অংশই (`aṁśai` is অংশৈ), `k:ha` ক্হ, `k:i` ক্ই |
//! | `ʼ` (U+02BC) | a virama with no consonant before it | `aʼyā` অ্যা |
//! | `~`, `_` | ZWJ, ZWNJ | `ra~ʼyāba` র‍্যাব, `k_ṣa` ক্‌ষ |
//! | `̤` (U+0324) after a consonant | a nukta other than ড় ঢ় য় | `k̤a` ক় |
//! | `au̯` | the au length mark ৗ on its own | `kau̯` কৗ |
//! | `{…}` | copied as is | `{DPRK}` `{2024}` `{ি}` (a sign with no base) |
//!
//! Text that is not Bengali passes through unchanged, except what the
//! reverse direction would misread: every Latin letter, ASCII digit, `{`,
//! `~`, `_`, `ʼ`, a combining mark right after a Latin token, and a `:`
//! between two letters go into braces. A `}` never needs escaping (an escape
//! holds no `}`), and `:` elsewhere (`১০:৩০` → `10:30`) stays as it is.
//! Signs of the block with no Latin form (৳, ঽ, ...) pass through unchanged.
//!
//! The guarantee: for every string `x`,
//! `to_bengali(to_latin(x)) == display(x)` byte for byte, where `display` is
//! [`Normalizer::normalize_str`](crate::Normalizer::normalize_str).
//!
//! The reverse direction NFCs its input first, so precomposed and decomposed
//! diacritics read alike, and reads capital letters as small ones outside
//! braces (`Bāṁlā`). It also accepts `ṃ` for `ṁ` and `ē`, `ō` for `e`, `o`.

mod forward;
mod reverse;
mod table;
mod tokens;

use std::borrow::Cow;

use crate::Normalizer;

/// ISO 15919 transliteration between Bengali and Latin script.
///
/// ```
/// use bengali_names::translit::Iso15919;
/// let iso = Iso15919::new();
/// assert_eq!(iso.to_latin("বাংলাদেশ"), "bāṁlādeśa");
/// assert_eq!(iso.to_bengali("bāṁlādeśa"), "বাংলাদেশ");
/// // Vowel hiatus is marked, so অংশই and অংশৈ stay apart.
/// assert_eq!(iso.to_latin("অংশই"), "aṁśa:i");
/// assert_eq!(iso.to_latin("অংশৈ"), "aṁśai");
/// // Latin text is escaped so that the round trip is exact.
/// let text = "DPRK-এর ২০২৪ সালে";
/// assert_eq!(iso.to_latin(text), "{DPRK}-era 2024 sāle");
/// assert_eq!(iso.to_bengali(&iso.to_latin(text)), text);
/// ```
#[derive(Clone, Debug, Default)]
pub struct Iso15919 {
    normalizer: Normalizer,
}

impl Iso15919 {
    /// The transliterator (its tables are built once per process).
    ///
    /// ```
    /// let iso = bengali_names::translit::Iso15919::new();
    /// assert_eq!(iso.to_latin("ক্ষ"), "kṣa");
    /// ```
    pub fn new() -> Self {
        Self::default()
    }

    /// Bengali → Latin. The text is display-normalized first; text with
    /// nothing to transliterate or escape comes back borrowed.
    ///
    /// ```
    /// use std::borrow::Cow;
    /// let iso = bengali_names::translit::Iso15919::new();
    /// assert_eq!(iso.to_latin("অ্যাডাম"), "aʼyāḍāma");
    /// assert_eq!(iso.to_latin("বান্দা"), "bāndā");
    /// assert_eq!(iso.to_latin("বাংদা"), "bāṁdā");
    /// assert_eq!(iso.to_latin("উৎসব"), "uṯsaba");
    /// assert!(matches!(iso.to_latin("— ।"), Cow::Borrowed(_)));
    /// ```
    pub fn to_latin<'t>(&self, text: &'t str) -> Cow<'t, str> {
        let Some(tables) = tokens::tables() else {
            return self.normalizer.normalize_str(text);
        };
        // Usually the text is already in display form, which the transcoder
        // checks as it goes: one pass instead of two.
        if let Some(latin) = forward::to_latin_if_display(tables, text) {
            return latin;
        }
        match self.normalizer.normalize_str(text) {
            Cow::Borrowed(display) => forward::to_latin(tables, display),
            Cow::Owned(display) => match forward::to_latin(tables, &display) {
                Cow::Borrowed(_) => Cow::Owned(display),
                Cow::Owned(latin) => Cow::Owned(latin),
            },
        }
    }

    /// Latin → Bengali: the inverse of [`to_latin`](Self::to_latin). Input
    /// that the scheme does not cover (other letters, punctuation, an
    /// unclosed `{`) is copied, so this never fails.
    ///
    /// ```
    /// let iso = bengali_names::translit::Iso15919::new();
    /// assert_eq!(iso.to_bengali("ḍhākā"), "ঢাকা");
    /// // Decomposed diacritics (d + U+0323) read like precomposed ones.
    /// assert_eq!(iso.to_bengali("d\u{0323}hākā"), "ঢাকা");
    /// assert_eq!(iso.to_bengali("ẏ"), "\u{09AF}\u{09BC}\u{09CD}");
    /// assert_eq!(iso.to_bengali("{Dhaka} ḍhākā"), "Dhaka ঢাকা");
    /// ```
    pub fn to_bengali<'t>(&self, latin: &'t str) -> Cow<'t, str> {
        match tokens::tables() {
            Some(tables) => reverse::to_bengali(tables, latin),
            None => Cow::Borrowed(latin),
        }
    }
}

#[cfg(test)]
mod tests;
