//! Two-layer normalization: display text and match keys.
//!
//! The **display** layer ([`Normalizer`]) turns any `&str` into the one byte
//! spelling this crate prints and matches on, keeping every meaning-bearing
//! mark; [`Normalized::offsets`] maps it back to the caller's bytes. The
//! **match-key** layer ([`key`]) folds display text further, for comparison
//! only. NORMALIZATION.md in the design documents lists every rule.

pub(crate) mod display;
pub mod key;
mod mojibake;
mod offsets;

use core::fmt;
use core::ops::Range;
use core::str::FromStr;
use std::borrow::Cow;

pub use offsets::{CharCounter, Edit, OffsetMap};

/// What the display layer does with digits (rule D12, off by default).
///
/// ```
/// use bengali_names::{DigitStyle, Normalizer};
/// let n = Normalizer::builder().digits(DigitStyle::Ascii).build();
/// assert_eq!(n.normalize_str("১৯৭১"), "1971");
/// assert_eq!("bengali".parse::<DigitStyle>(), Ok(DigitStyle::Bengali));
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum DigitStyle {
    /// Digits stay as written.
    #[default]
    Keep,
    /// Bengali digits ০–৯ become ASCII 0–9.
    Ascii,
    /// ASCII digits 0–9 become Bengali ০–৯.
    Bengali,
}

impl fmt::Display for DigitStyle {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            DigitStyle::Keep => "keep",
            DigitStyle::Ascii => "ascii",
            DigitStyle::Bengali => "bengali",
        })
    }
}

/// The error of parsing an unknown [`DigitStyle`] name.
///
/// ```
/// use bengali_names::DigitStyle;
/// assert!("roman".parse::<DigitStyle>().is_err());
/// assert_eq!("ascii".parse::<DigitStyle>(), Ok(DigitStyle::Ascii));
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnknownDigitStyle(pub String);

impl fmt::Display for UnknownDigitStyle {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "unknown digit style {:?} (expected keep, ascii or bengali)",
            self.0
        )
    }
}

impl std::error::Error for UnknownDigitStyle {}

impl FromStr for DigitStyle {
    type Err = UnknownDigitStyle;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "keep" => Ok(DigitStyle::Keep),
            "ascii" => Ok(DigitStyle::Ascii),
            "bengali" => Ok(DigitStyle::Bengali),
            _ => Err(UnknownDigitStyle(s.to_owned())),
        }
    }
}

/// The switches of the display layer. Rules D1–D3 and D5–D11 are always on;
/// D4 can be turned off; D12 is off by default.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct NormalizeOptions {
    pub(crate) visual_order: bool,
    pub(crate) ascii_punctuation: bool,
    pub(crate) digits: DigitStyle,
}

impl Default for NormalizeOptions {
    fn default() -> Self {
        NormalizeOptions {
            visual_order: true,
            ascii_punctuation: false,
            digits: DigitStyle::Keep,
        }
    }
}

/// Builds a [`Normalizer`] with non-default options.
///
/// ```
/// use bengali_names::Normalizer;
/// let n = Normalizer::builder().ascii_punctuation(true).build();
/// assert_eq!(n.normalize_str("“ঢাকা”"), "\"ঢাকা\"");
/// ```
#[derive(Clone, Debug, Default)]
pub struct NormalizerBuilder {
    options: NormalizeOptions,
}

impl NormalizerBuilder {
    /// A builder with the default options.
    ///
    /// ```
    /// let n = bengali_names::NormalizerBuilder::new().build();
    /// assert_eq!(n.normalize_str("ঢাকা"), "ঢাকা");
    /// ```
    pub fn new() -> Self {
        Self::default()
    }

    /// D4, on by default: repair an e-kar typed before its consonant
    /// (`ে ক া` → `কো`).
    ///
    /// ```
    /// let n = bengali_names::Normalizer::builder().visual_order(false).build();
    /// assert_eq!(n.normalize_str("\u{09C7}ক\u{09BE}"), "\u{09C7}ক\u{09BE}");
    /// ```
    pub fn visual_order(mut self, yes: bool) -> Self {
        self.options.visual_order = yes;
        self
    }

    /// D12, off by default: curly quotes, dashes and the ellipsis become ASCII.
    ///
    /// ```
    /// let n = bengali_names::Normalizer::builder().ascii_punctuation(true).build();
    /// assert_eq!(n.normalize_str("ক—খ…"), "ক-খ...");
    /// ```
    pub fn ascii_punctuation(mut self, yes: bool) -> Self {
        self.options.ascii_punctuation = yes;
        self
    }

    /// D12, [`DigitStyle::Keep`] by default: fold digits to one script.
    ///
    /// ```
    /// use bengali_names::{DigitStyle, Normalizer};
    /// let n = Normalizer::builder().digits(DigitStyle::Bengali).build();
    /// assert_eq!(n.normalize_str("2024"), "২০২৪");
    /// ```
    pub fn digits(mut self, style: DigitStyle) -> Self {
        self.options.digits = style;
        self
    }

    /// The configured normalizer.
    ///
    /// ```
    /// let n = bengali_names::Normalizer::builder().build();
    /// assert!(n.is_normalized("ঢাকা"));
    /// ```
    pub fn build(self) -> Normalizer {
        Normalizer {
            options: self.options,
        }
    }
}

/// The display layer: rules D1–D11 of NORMALIZATION.md (D12 on request).
///
/// Text that is already normal costs one fast scan and comes back borrowed.
///
/// ```
/// use std::borrow::Cow;
/// use bengali_names::Normalizer;
/// let n = Normalizer::new();
/// // য় typed as one code point (U+09DF) is written decomposed, as NFC does.
/// assert_eq!(n.normalize_str("\u{09DF}"), "\u{09AF}\u{09BC}");
/// assert!(matches!(n.normalize_str("রাশিয়া"), Cow::Borrowed(_)));
/// ```
#[derive(Clone, Debug, Default)]
pub struct Normalizer {
    options: NormalizeOptions,
}

impl Normalizer {
    /// The normalizer with default options.
    ///
    /// ```
    /// let n = bengali_names::Normalizer::new();
    /// assert_eq!(n.normalize_str("অ\u{09BE}"), "আ");
    /// ```
    pub fn new() -> Self {
        Self::default()
    }

    /// A builder for a normalizer with other options.
    ///
    /// ```
    /// let n = bengali_names::Normalizer::builder().build();
    /// assert_eq!(n.normalize_str("x"), "x");
    /// ```
    pub fn builder() -> NormalizerBuilder {
        NormalizerBuilder::new()
    }

    /// True when `text` is already in display form.
    ///
    /// ```
    /// let n = bengali_names::Normalizer::new();
    /// assert!(n.is_normalized("উত্তর কোরিয়া"));
    /// assert!(!n.is_normalized("ক\u{00AD}খ"));
    /// ```
    pub fn is_normalized(&self, text: &str) -> bool {
        matches!(self.normalize_str(text), Cow::Borrowed(_))
    }

    /// The display form of `text`, without an offset map.
    ///
    /// ```
    /// let n = bengali_names::Normalizer::new();
    /// assert_eq!(n.normalize_str("ক\u{09C7}\u{09BE}"), "কো");
    /// ```
    pub fn normalize_str<'t>(&self, text: &'t str) -> Cow<'t, str> {
        self.run(text, &mut OffsetMap::identity())
    }

    /// The display form of `text` with the map back to `text`'s bytes.
    ///
    /// ```
    /// let input = "\u{FEFF}ঢাকা";
    /// let out = bengali_names::Normalizer::new().normalize(input);
    /// assert_eq!(out.text(), "ঢাকা");
    /// // The byte order mark is part of the word's span in the input.
    /// assert_eq!(out.span_to_input(0..12), 0..15);
    /// ```
    pub fn normalize<'t>(&self, text: &'t str) -> Normalized<'t> {
        let mut map = OffsetMap::identity();
        let text = self.run(text, &mut map);
        Normalized { text, map }
    }

    fn run<'t>(&self, text: &'t str, map: &mut OffsetMap) -> Cow<'t, str> {
        let Some(mut dirty) = display::first_dirty(text, 0, &self.options) else {
            return Cow::Borrowed(text);
        };
        let edits_before = map.edits().len();
        let mut out = String::with_capacity(text.len());
        let mut copied_to = 0;
        loop {
            if let Some(end) = display::nukta_forms_only(text, dirty, &self.options) {
                // A word whose only change is D1 on ড় ঢ় য় (as news writes
                // them): decomposed in place, without a region's rewrite.
                out.push_str(text.get(copied_to..dirty).unwrap_or_default());
                display::push_decomposing_nukta_forms(text, dirty..end, &mut out, map);
                copied_to = end;
            } else {
                let region = display::region_around(text, copied_to, dirty);
                out.push_str(text.get(copied_to..region.start).unwrap_or_default());
                let region_end = region.end;
                display::normalize_region(text, region, &self.options, &mut out, map);
                copied_to = region_end;
            }
            match display::first_dirty(text, copied_to, &self.options) {
                Some(next) => dirty = next,
                None => break,
            }
        }
        out.push_str(text.get(copied_to..).unwrap_or_default());
        // The scan is conservative (a combining mark is worth a closer look
        // even when it is in order): with no edit, the text was normal.
        if map.edits().len() == edits_before {
            Cow::Borrowed(text)
        } else {
            Cow::Owned(out)
        }
    }
}

/// Display text together with its map back to the original bytes.
///
/// ```
/// let out = bengali_names::Normalizer::new().normalize("ঢাকা");
/// assert!(out.is_borrowed());
/// assert_eq!(out.into_text(), "ঢাকা");
/// ```
#[derive(Clone, Debug)]
pub struct Normalized<'t> {
    text: Cow<'t, str>,
    map: OffsetMap,
}

impl<'t> Normalized<'t> {
    /// The normalized text.
    ///
    /// ```
    /// assert_eq!(bengali_names::Normalizer::new().normalize("a").text(), "a");
    /// ```
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The normalized text, borrowed from the input when nothing changed.
    ///
    /// ```
    /// let text = bengali_names::Normalizer::new().normalize("a").into_text();
    /// assert_eq!(text, "a");
    /// ```
    pub fn into_text(self) -> Cow<'t, str> {
        self.text
    }

    /// True when nothing changed and the text borrows the input.
    ///
    /// ```
    /// assert!(!bengali_names::Normalizer::new().normalize("\u{00A0}").is_borrowed());
    /// ```
    pub fn is_borrowed(&self) -> bool {
        matches!(self.text, Cow::Borrowed(_))
    }

    /// The map from byte offsets of [`text`](Self::text) to the input.
    ///
    /// ```
    /// let out = bengali_names::Normalizer::new().normalize("abc");
    /// assert!(out.offsets().is_identity());
    /// ```
    pub fn offsets(&self) -> &OffsetMap {
        &self.map
    }

    /// Maps a byte span of the normalized text to the input's bytes.
    ///
    /// ```
    /// let out = bengali_names::Normalizer::new().normalize("\u{200B}ক");
    /// assert_eq!(out.span_to_input(0..3), 0..6);
    /// ```
    pub fn span_to_input(&self, span: Range<usize>) -> Range<usize> {
        self.map.span_to_input(span)
    }
}

#[cfg(test)]
mod tests;
