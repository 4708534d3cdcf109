//! The gazetteer: entities (people, places, organizations) with their
//! Bengali and English names, loaded from validated TSV files.
//!
//! The shipped files under `data/` are compiled in, so
//! [`Gazetteer::embedded`] works with no files on disk;
//! [`GazetteerBuilder`] loads more files (or only the caller's). The file
//! format and its extension rows are documented in `data/README.md`.
//!
//! ```
//! use bengali_names::{Gazetteer, Kind};
//! let gazetteer = Gazetteer::embedded();
//! let russia = gazetteer.get("iso:RU").unwrap();
//! assert_eq!((russia.kind(), russia.name_en()), (Kind::Country, "Russia"));
//! ```
//!
//! # Loading and errors
//!
//! Every file is parsed and every row checked on its own (column count, id,
//! kind, empty names, empty `|` elements, names that normalize to nothing,
//! vowel signs with no base letter, duplicate names); then the entity rows
//! of all files are merged, then the extension rows, so an extension may
//! come before or after its entity in any file. Each [`LoadError`] names the
//! file, the 1-based line and the 1-based field number. In strict mode (the
//! default) any error fails the build with *every* error found
//! ([`LoadErrors`]); in lenient mode bad rows are skipped and their errors
//! kept in [`Gazetteer::warnings`]. Names are stored trimmed and in display
//! form ([`Normalizer`](crate::Normalizer)); duplicates are found by match
//! key ([`key::fold`](crate::normalize::key::fold)).
//!
//! # Ambiguity
//!
//! When several entities share an alias, [`Gazetteer::prior`] picks the
//! default reading; the others stay available as alternatives. Higher wins;
//! ties go to the entity loaded first.
//!
//! | prior | entities |
//! |---|---|
//! | 160 / 150 / 140 / 130 / 120 / 110 | curated: from a hand-written shipped file or any file a user loads (country / person / organization / region / city / subdivision) |
//! | 60 | countries and territories (CLDR) |
//! | 50 | people from generated files |
//! | 40 | organizations from generated files |
//! | 30 | macro-regions (continents, South Asia, ...) |
//! | 20 | cities |
//! | 10 | subdivisions (provinces, states, districts, upazilas) |
//!
//! So curated news entities beat countries, countries beat cities and
//! cities beat subdivisions, and a country always beats a macro-region:
//! আমেরিকা is the United States, not CLDR's Americas (019). A matcher reads
//! a shared alias in its document's context as well (see
//! [`matcher`](crate::matcher#rules)).
//!
//! # Common words
//!
//! Some aliases are also ordinary words (আইন "law", সাল "year", মারা, শহর).
//! [`Gazetteer::is_common_word`] tells them apart, by match key, using
//! `data/common_words.txt` and any list added with
//! [`GazetteerBuilder::add_common_words_file`]; a matcher must not report
//! such an alias on its own.

mod builder;
mod common_words;
mod embedded;
mod entity;
mod error;
mod hash;
mod iso3166;
mod load;
mod stats;
mod store;

pub use builder::GazetteerBuilder;
pub(crate) use common_words::CommonWords;
pub use entity::{Entity, Kind, NameField, Names, UnknownKind};
pub use error::{LoadError, LoadErrorKind, LoadErrors};
pub use stats::Stats;
pub use store::Gazetteer;

/// The columns of a gazetteer file, in order.
///
/// ```
/// assert_eq!(bengali_names::gazetteer::COLUMNS[3], "name_bn");
/// ```
pub const COLUMNS: [&str; 11] = [
    "id",
    "kind",
    "name_en",
    "name_bn",
    "aliases_bn",
    "aliases_en",
    "demonyms_bn",
    "demonyms_en",
    "code",
    "parent",
    "source",
];

/// The header row every gazetteer file starts with (after any comments).
///
/// ```
/// use bengali_names::gazetteer::{COLUMNS, HEADER};
/// assert_eq!(HEADER.split('\t').collect::<Vec<_>>(), COLUMNS);
/// ```
pub const HEADER: &str =
    "id\tkind\tname_en\tname_bn\taliases_bn\taliases_en\tdemonyms_bn\tdemonyms_en\tcode\tparent\tsource";
