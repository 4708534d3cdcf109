//! Transliteration: ISO 15919 (lossless, both ways) and news-style name
//! romanization.

pub mod iso15919;
mod name;

use core::fmt;
use core::str::FromStr;

pub use iso15919::Iso15919;
pub(crate) use name::{lexicon_initials, lexicon_words, sound_keys};
pub use name::{Candidate, GazetteerNames, KnownNames, NameRomanizer, NameRomanizerBuilder};

/// A romanization scheme, as the CLI's `--scheme` names it.
///
/// ```
/// use bengali_names::translit::Scheme;
/// assert_eq!("iso15919".parse(), Ok(Scheme::Iso15919));
/// assert_eq!(Scheme::Name.to_string(), "name");
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Scheme {
    /// ISO 15919, lossless and reversible.
    #[default]
    Iso15919,
    /// Names as English-language news spells them (lossy, one way).
    Name,
}

impl Scheme {
    /// The scheme's name, as accepted by [`FromStr`].
    ///
    /// ```
    /// assert_eq!(bengali_names::translit::Scheme::Iso15919.as_str(), "iso15919");
    /// ```
    pub const fn as_str(self) -> &'static str {
        match self {
            Scheme::Iso15919 => "iso15919",
            Scheme::Name => "name",
        }
    }
}

impl fmt::Display for Scheme {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The error of parsing an unknown [`Scheme`] name.
///
/// ```
/// let err = "iast".parse::<bengali_names::translit::Scheme>().unwrap_err();
/// assert_eq!(err.to_string(), "unknown scheme \"iast\" (expected iso15919 or name)");
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnknownScheme(pub String);

impl fmt::Display for UnknownScheme {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "unknown scheme {} (expected iso15919 or name)",
            crate::quote::Quoted(&self.0)
        )
    }
}

impl std::error::Error for UnknownScheme {}

impl FromStr for Scheme {
    type Err = UnknownScheme;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "iso15919" | "iso" => Ok(Scheme::Iso15919),
            "name" => Ok(Scheme::Name),
            _ => Err(UnknownScheme(s.to_owned())),
        }
    }
}
