//! The shipped data files, compiled into the library so that a dependency
//! works with no files on disk.

/// One shipped file.
pub(crate) struct EmbeddedFile {
    /// Its path in the repository, used in messages.
    pub path: &'static str,
    pub text: &'static str,
    /// Hand-written rather than generated from a registry package.
    pub curated: bool,
}

macro_rules! embed {
    ($path:literal, curated: $curated:literal) => {
        EmbeddedFile {
            path: $path,
            text: include_str!(concat!("../../", $path)),
            curated: $curated,
        }
    };
}

/// The gazetteer files, generated ones first. Order decides the order of
/// entities and of messages, and ties of the ambiguity prior (the entity
/// loaded first wins): Bangladesh's own units come before CLDR's
/// subdivisions, so a district's bare name (যশোর) is the unit whose English
/// name is the current one (Jashore), not CLDR 41's (Jessore), and a name a
/// Bangladeshi upazila shares with a province abroad is the upazila.
pub(crate) const FILES: &[EmbeddedFile] = &[
    embed!("data/gazetteer/generated/countries.tsv", curated: false),
    embed!("data/gazetteer/generated/regions.tsv", curated: false),
    embed!("data/gazetteer/generated/cities.tsv", curated: false),
    embed!("data/gazetteer/generated/bangladesh.tsv", curated: false),
    embed!("data/gazetteer/generated/subdivisions.tsv", curated: false),
    embed!("data/gazetteer/people.tsv", curated: true),
    embed!("data/gazetteer/organizations.tsv", curated: true),
    embed!("data/gazetteer/places.tsv", curated: true),
    embed!("data/gazetteer/extra_aliases.tsv", curated: true),
    embed!("data/gazetteer/news_spellings.tsv", curated: true),
];

/// The shipped common-word list.
pub(crate) const COMMON_WORDS: EmbeddedFile = embed!("data/common_words.txt", curated: true);
