//! The Bengali block (U+0980–U+09FF) in one table.
//!
//! Every other module asks this table what a code point is; no other module
//! hard-codes Bengali ranges. The table is written out so that a reader can
//! check each row against the Unicode code chart, and it is tested against the
//! Unicode Character Database (general category and name) in this module's
//! tests.

use core::fmt;
use core::str::FromStr;

use crate::quote::Quoted;

/// First code point of the Bengali block.
pub const BLOCK_START: u32 = 0x0980;
/// Last code point of the Bengali block.
pub const BLOCK_END: u32 = 0x09FF;

/// ZERO WIDTH NON-JOINER, kept in display text, folded away in match keys.
pub const ZWNJ: char = '\u{200C}';
/// ZERO WIDTH JOINER, kept in display text, folded away in match keys.
pub const ZWJ: char = '\u{200D}';

/// The class of a code point of the Bengali block.
///
/// ```
/// use bengali_names::script::{class_of, BengaliClass};
/// assert_eq!(class_of('ক'), Some(BengaliClass::Consonant));
/// assert_eq!(class_of('\u{09CD}'), Some(BengaliClass::Virama));
/// assert_eq!(class_of('a'), None);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum BengaliClass {
    /// অ আ ই ... ঔ, ৠ ৡ: a vowel written as its own letter.
    IndependentVowel,
    /// ক খ ... হ, ড় ঢ় য়, ৰ ৱ: a consonant letter.
    Consonant,
    /// া ি ী ... ৌ, ৢ ৣ and the au length mark ৗ: a vowel sign that needs a base.
    DependentVowel,
    /// ্ (hasanta): suppresses the inherent vowel.
    Virama,
    /// ় : the dot below that forms ড় ঢ় য়.
    Nukta,
    /// ঁ ং ঃ: candrabindu, anusvara, visarga (and the Vedic anusvara ৼ).
    VowelModifier,
    /// ৎ: khanda ta, a dead ta.
    KhandaTa,
    /// ০ … ৯.
    Digit,
    /// Avagraha, currency signs and numerators, isshar, abbreviation and sandhi marks.
    Other,
    /// A code point of the block that Unicode has not assigned.
    Unassigned,
}

impl BengaliClass {
    /// Every class, in declaration order.
    ///
    /// ```
    /// use bengali_names::script::{class_of, BengaliClass};
    /// assert!(BengaliClass::ALL.contains(&class_of('ক').unwrap()));
    /// for class in BengaliClass::ALL {
    ///     assert_eq!(class.to_string().parse::<BengaliClass>(), Ok(class));
    /// }
    /// ```
    pub const ALL: [BengaliClass; 10] = [
        BengaliClass::IndependentVowel,
        BengaliClass::Consonant,
        BengaliClass::DependentVowel,
        BengaliClass::Virama,
        BengaliClass::Nukta,
        BengaliClass::VowelModifier,
        BengaliClass::KhandaTa,
        BengaliClass::Digit,
        BengaliClass::Other,
        BengaliClass::Unassigned,
    ];

    /// The class's stable lowercase name, as accepted by [`FromStr`].
    ///
    /// ```
    /// use bengali_names::script::BengaliClass;
    /// assert_eq!(BengaliClass::KhandaTa.as_str(), "khanda-ta");
    /// ```
    pub const fn as_str(self) -> &'static str {
        match self {
            BengaliClass::IndependentVowel => "independent-vowel",
            BengaliClass::Consonant => "consonant",
            BengaliClass::DependentVowel => "dependent-vowel",
            BengaliClass::Virama => "virama",
            BengaliClass::Nukta => "nukta",
            BengaliClass::VowelModifier => "vowel-modifier",
            BengaliClass::KhandaTa => "khanda-ta",
            BengaliClass::Digit => "digit",
            BengaliClass::Other => "other",
            BengaliClass::Unassigned => "unassigned",
        }
    }

    /// True for the classes that continue a word after a base letter
    /// (dependent vowels, virama, nukta, candrabindu/anusvara/visarga).
    ///
    /// ```
    /// use bengali_names::script::BengaliClass;
    /// assert!(BengaliClass::Nukta.is_mark());
    /// assert!(!BengaliClass::Consonant.is_mark());
    /// ```
    pub const fn is_mark(self) -> bool {
        matches!(
            self,
            BengaliClass::DependentVowel
                | BengaliClass::Virama
                | BengaliClass::Nukta
                | BengaliClass::VowelModifier
        )
    }

    /// True for the classes that belong inside a token (see ARCHITECTURE.md):
    /// letters, signs and digits. Punctuation, currency and unassigned code
    /// points separate tokens.
    ///
    /// ```
    /// use bengali_names::script::BengaliClass;
    /// assert!(BengaliClass::Digit.is_word());
    /// assert!(!BengaliClass::Other.is_word());
    /// ```
    pub const fn is_word(self) -> bool {
        !matches!(self, BengaliClass::Other | BengaliClass::Unassigned)
    }
}

impl fmt::Display for BengaliClass {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The error of parsing a [`BengaliClass`] from an unknown name.
///
/// ```
/// use bengali_names::script::BengaliClass;
/// let err = "letter".parse::<BengaliClass>().unwrap_err();
/// assert_eq!(err.to_string(), "unknown Bengali character class \"letter\"");
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnknownClass(pub String);

impl fmt::Display for UnknownClass {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "unknown Bengali character class {}", Quoted(&self.0))
    }
}

impl std::error::Error for UnknownClass {}

impl FromStr for BengaliClass {
    type Err = UnknownClass;

    /// ```
    /// use bengali_names::script::BengaliClass;
    /// assert_eq!("virama".parse(), Ok(BengaliClass::Virama));
    /// assert!("vowel".parse::<BengaliClass>().is_err());
    /// ```
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        BengaliClass::ALL
            .into_iter()
            .find(|class| class.as_str() == s)
            .ok_or_else(|| UnknownClass(s.to_owned()))
    }
}

use BengaliClass::{
    Consonant as C, DependentVowel as DV, Digit as D, IndependentVowel as IV, KhandaTa as KT,
    Nukta as NK, Other as O, Unassigned as U, Virama as VR, VowelModifier as VM,
};

/// The class of each code point U+0980 + i, sixteen to a row as in the code chart.
/// A `const` so that other tables can be derived from it at compile time.
#[rustfmt::skip]
pub(crate) const CLASSES: [BengaliClass; 128] = [
    //  0   1   2   3   4   5   6   7   8   9   A   B   C   D   E   F
    O,  VM, VM, VM, U,  IV, IV, IV, IV, IV, IV, IV, IV, U,  U,  IV, // 098x  ঀ ঁ ং ঃ . অ আ ই ঈ উ ঊ ঋ ঌ . . এ
    IV, U,  U,  IV, IV, C,  C,  C,  C,  C,  C,  C,  C,  C,  C,  C,  // 099x  ঐ . . ও ঔ ক খ গ ঘ ঙ চ ছ জ ঝ ঞ ট
    C,  C,  C,  C,  C,  C,  C,  C,  C,  U,  C,  C,  C,  C,  C,  C,  // 09Ax  ঠ ড ঢ ণ ত থ দ ধ ন . প ফ ব ভ ম য
    C,  U,  C,  U,  U,  U,  C,  C,  C,  C,  U,  U,  NK, O,  DV, DV, // 09Bx  র . ল . . . শ ষ স হ . . ় ঽ া ি
    DV, DV, DV, DV, DV, U,  U,  DV, DV, U,  U,  DV, DV, VR, KT, U,  // 09Cx  ী ু ূ ৃ ৄ . . ে ৈ . . ো ৌ ্ ৎ .
    U,  U,  U,  U,  U,  U,  U,  DV, U,  U,  U,  U,  C,  C,  U,  C,  // 09Dx  . . . . . . . ৗ . . . . ড় ঢ় . য়
    IV, IV, DV, DV, U,  U,  D,  D,  D,  D,  D,  D,  D,  D,  D,  D,  // 09Ex  ৠ ৡ ৢ ৣ . . ০ ১ ২ ৩ ৪ ৫ ৬ ৭ ৮ ৯
    C,  C,  O,  O,  O,  O,  O,  O,  O,  O,  O,  O,  VM, O,  O,  U,  // 09Fx  ৰ ৱ ৲ ৳ ৴ ৵ ৶ ৷ ৸ ৹ ৺ ৻ ৼ ৽ ৾ .
];

static TABLE: [BengaliClass; 128] = CLASSES;

/// The class of `c` if it lies in the Bengali block, `None` otherwise.
///
/// ```
/// use bengali_names::script::{class_of, BengaliClass};
/// assert_eq!(class_of('\u{09CE}'), Some(BengaliClass::KhandaTa));
/// assert_eq!(class_of('\u{0984}'), Some(BengaliClass::Unassigned));
/// assert_eq!(class_of('।'), None); // the danda is shared with Devanagari
/// ```
#[inline]
pub fn class_of(c: char) -> Option<BengaliClass> {
    let offset = (c as u32).wrapping_sub(BLOCK_START);
    TABLE.get(usize::try_from(offset).ok()?).copied()
}

/// The block offset (`0..128`) of the code point whose UTF-8 starts
/// `bytes`, when that code point is in the Bengali block: U+0980..=U+09FF
/// is `E0 A6 80..=E0 A7 BF`, so the offset is the low bit of the second
/// byte and the six payload bits of the third. The byte-level loops of
/// the crate read Bengali through this without decoding.
#[inline(always)]
pub(crate) fn block_offset(bytes: &[u8]) -> Option<u8> {
    match *bytes {
        [0xE0, b1 @ (0xA6 | 0xA7), b2, ..] => Some(((b1 & 1) << 6) | (b2 & 0x3F)),
        _ => None,
    }
}

/// True when `c` lies in the Bengali block (assigned or not).
///
/// ```
/// assert!(bengali_names::script::is_bengali('ক'));
/// assert!(!bengali_names::script::is_bengali('k'));
/// ```
#[inline]
pub fn is_bengali(c: char) -> bool {
    (BLOCK_START..=BLOCK_END).contains(&(c as u32))
}

/// True when `c` belongs inside a token: Bengali letters, signs and digits,
/// ZWJ/ZWNJ, Latin letters (with or without diacritics) and ASCII digits.
///
/// ```
/// use bengali_names::script::is_word_char;
/// assert!(is_word_char('ক') && is_word_char('é') && is_word_char('7'));
/// assert!(!is_word_char('।') && !is_word_char(' ') && !is_word_char('-'));
/// ```
#[inline]
pub fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    match class_of(c) {
        Some(class) => class.is_word(),
        None => c == ZWJ || c == ZWNJ || is_latin_letter(c),
    }
}

/// True for Latin letters outside ASCII (Latin-1 Supplement to Latin Extended
/// Additional) that are alphabetic: José, Łódź.
///
/// ```
/// assert!(bengali_names::script::is_latin_letter('é'));
/// assert!(!bengali_names::script::is_latin_letter('×'));
/// ```
#[inline]
pub fn is_latin_letter(c: char) -> bool {
    c.is_ascii_alphabetic()
        || (matches!(c as u32, 0x00C0..=0x024F | 0x1E00..=0x1EFF) && c.is_alphabetic())
}

/// The nukta letters that NFC keeps decomposed (composition exclusions):
/// ড় ঢ় য় map to their base consonant followed by the nukta.
///
/// ```
/// assert_eq!(bengali_names::script::nukta_base('\u{09DF}'), Some('\u{09AF}'));
/// assert_eq!(bengali_names::script::nukta_base('ক'), None);
/// ```
pub fn nukta_base(c: char) -> Option<char> {
    match c {
        '\u{09DC}' => Some('\u{09A1}'),
        '\u{09DD}' => Some('\u{09A2}'),
        '\u{09DF}' => Some('\u{09AF}'),
        _ => None,
    }
}

/// Named code points the rest of the crate refers to.
pub mod chars {
    /// ঁ candrabindu.
    pub const CANDRABINDU: char = '\u{0981}';
    /// ং anusvara.
    pub const ANUSVARA: char = '\u{0982}';
    /// ঃ visarga.
    pub const VISARGA: char = '\u{0983}';
    /// অ letter a.
    pub const A: char = '\u{0985}';
    /// আ letter aa.
    pub const AA: char = '\u{0986}';
    /// ই letter i.
    pub const I: char = '\u{0987}';
    /// এ letter e.
    pub const E: char = '\u{098F}';
    /// ত letter ta.
    pub const TA: char = '\u{09A4}';
    /// ব letter ba.
    pub const BA: char = '\u{09AC}';
    /// য letter ya.
    pub const YA: char = '\u{09AF}';
    /// র letter ra.
    pub const RA: char = '\u{09B0}';
    /// ় nukta.
    pub const NUKTA: char = '\u{09BC}';
    /// া vowel sign aa.
    pub const SIGN_AA: char = '\u{09BE}';
    /// ে vowel sign e.
    pub const SIGN_E: char = '\u{09C7}';
    /// ো vowel sign o.
    pub const SIGN_O: char = '\u{09CB}';
    /// ৌ vowel sign au.
    pub const SIGN_AU: char = '\u{09CC}';
    /// ্ virama.
    pub const VIRAMA: char = '\u{09CD}';
    /// ৎ khanda ta.
    pub const KHANDA_TA: char = '\u{09CE}';
    /// ৗ au length mark.
    pub const AU_LENGTH: char = '\u{09D7}';
    /// ৰ Assamese ra.
    pub const ASSAMESE_RA: char = '\u{09F0}';
    /// ৱ Assamese wa.
    pub const ASSAMESE_WA: char = '\u{09F1}';
    /// ৷ currency numerator four, a look-alike of the danda.
    pub const NUMERATOR_FOUR: char = '\u{09F7}';
    /// । danda (Devanagari block, shared by Bengali).
    pub const DANDA: char = '\u{0964}';
    /// ॥ double danda.
    pub const DOUBLE_DANDA: char = '\u{0965}';
}

#[cfg(test)]
mod tests {
    use super::*;
    use icu_properties::props::GeneralCategory as Gc;
    use icu_properties::CodePointMapData;

    /// What the Unicode Character Database says the class of `c` must be,
    /// from its general category and its name alone.
    fn class_from_ucd(c: char) -> BengaliClass {
        let gc = CodePointMapData::<Gc>::new().get(c);
        if gc == Gc::Unassigned {
            return BengaliClass::Unassigned;
        }
        let name = unicode_names2::name(c)
            .map(|n| n.to_string())
            .unwrap_or_default();
        let is_vowel_letter = [
            " LETTER A",
            " LETTER AA",
            " LETTER I",
            " LETTER II",
            " LETTER U",
            " LETTER UU",
            " LETTER VOCALIC R",
            " LETTER VOCALIC RR",
            " LETTER VOCALIC L",
            " LETTER VOCALIC LL",
            " LETTER E",
            " LETTER AI",
            " LETTER O",
            " LETTER AU",
        ]
        .iter()
        .any(|suffix| name.ends_with(suffix));
        match gc {
            Gc::DecimalNumber => BengaliClass::Digit,
            Gc::OtherLetter if name.ends_with("KHANDA TA") => BengaliClass::KhandaTa,
            Gc::OtherLetter if name.ends_with("VEDIC ANUSVARA") => BengaliClass::VowelModifier,
            Gc::OtherLetter if is_vowel_letter => BengaliClass::IndependentVowel,
            Gc::OtherLetter if name.contains(" LETTER ") => BengaliClass::Consonant,
            Gc::NonspacingMark | Gc::SpacingMark if name.contains("VOWEL SIGN") => {
                BengaliClass::DependentVowel
            }
            Gc::SpacingMark if name.ends_with("AU LENGTH MARK") => BengaliClass::DependentVowel,
            Gc::NonspacingMark if name.ends_with("SIGN VIRAMA") => BengaliClass::Virama,
            Gc::NonspacingMark if name.ends_with("SIGN NUKTA") => BengaliClass::Nukta,
            Gc::NonspacingMark | Gc::SpacingMark
                if ["CANDRABINDU", "ANUSVARA", "VISARGA"]
                    .iter()
                    .any(|n| name.ends_with(&format!("SIGN {n}"))) =>
            {
                BengaliClass::VowelModifier
            }
            _ => BengaliClass::Other,
        }
    }

    #[test]
    fn every_code_point_of_the_block_agrees_with_the_ucd() {
        for cp in BLOCK_START..=BLOCK_END {
            let c = char::from_u32(cp).unwrap();
            let expected = class_from_ucd(c);
            assert_eq!(
                class_of(c),
                Some(expected),
                "U+{cp:04X} {:?}",
                unicode_names2::name(c).map(|n| n.to_string())
            );
        }
    }

    #[test]
    fn code_points_outside_the_block_have_no_class() {
        for c in [
            '\u{097F}',
            '\u{0A00}',
            'a',
            '\u{0964}',
            '\u{200D}',
            '\u{10FFFF}',
        ] {
            assert_eq!(class_of(c), None, "U+{:04X}", c as u32);
        }
    }

    #[test]
    fn class_names_round_trip() {
        for class in BengaliClass::ALL {
            assert_eq!(class.to_string().parse::<BengaliClass>(), Ok(class));
        }
    }

    #[test]
    fn nukta_letters_decompose_to_their_base() {
        use unicode_normalization::UnicodeNormalization;
        for c in ['\u{09DC}', '\u{09DD}', '\u{09DF}'] {
            let nfc: String = c.to_string().nfc().collect();
            let expected: String = [nukta_base(c).unwrap(), chars::NUKTA].iter().collect();
            assert_eq!(nfc, expected, "U+{:04X}", c as u32);
        }
    }
}
