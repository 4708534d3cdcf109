//! Bengali text for search and news monitoring: normalization with offset
//! maps, and (in later modules) transliteration and gazetteer entity matching.
//!
//! # Quick start
//!
//! ```
//! use bengali_names::Normalizer;
//!
//! let normalizer = Normalizer::new();
//! // ে + া typed as two code points, and a soft hyphen inside the word.
//! let input = "রাশিয়া ও ক\u{09C7}\u{09BE}\u{00AD}রিয়া";
//! let out = normalizer.normalize(input);
//! assert_eq!(out.text(), "রাশিয়া ও কোরিয়া");
//! // Every span of the output maps back to the caller's bytes.
//! let korea = out.text().find("কোরিয়া").unwrap();
//! let span = out.span_to_input(korea..out.text().len());
//! assert_eq!(&input[span], "ক\u{09C7}\u{09BE}\u{00AD}রিয়া");
//! ```
//!
//! Read ARCHITECTURE.md in the repository for the map of modules.

#![forbid(unsafe_code)]
#![warn(missing_docs)]

pub mod gazetteer;
pub mod matcher;
pub mod normalize;
mod quote;
pub mod script;
pub mod translit;

pub use gazetteer::{Entity, Gazetteer, GazetteerBuilder, Kind, NameField};
pub use matcher::{Matcher, MatcherBuilder, Mention};
pub use normalize::{
    CharCounter, DigitStyle, Edit, Normalized, Normalizer, NormalizerBuilder, OffsetMap,
};

// The README's Rust examples run as doc tests.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
pub struct ReadmeDoctests;
