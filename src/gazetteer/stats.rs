//! Counts over a gazetteer, for `bengali-names gazetteer stats` and tests.

use core::fmt;
use std::collections::{BTreeMap, BTreeSet};

use super::iso3166::ISO_3166_1;
use super::store::Gazetteer;
use super::Kind;

/// Counts by kind and by source, and ISO 3166-1 coverage.
///
/// ```
/// use bengali_names::{Gazetteer, Kind};
/// let stats = Gazetteer::embedded().stats();
/// assert_eq!(stats.total(), Gazetteer::embedded().len());
/// assert!(stats.kind(Kind::Country) >= 249);
/// assert!(stats.missing_iso_countries().is_empty());
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Stats {
    total: usize,
    by_kind: BTreeMap<Kind, usize>,
    by_source: BTreeMap<String, usize>,
    iso_countries: usize,
    missing_iso: Vec<&'static str>,
}

impl Stats {
    pub(crate) fn new(gazetteer: &Gazetteer) -> Self {
        let mut by_kind = BTreeMap::new();
        let mut by_source = BTreeMap::new();
        for entity in gazetteer {
            *by_kind.entry(entity.kind()).or_insert(0) += 1;
            // Entities are few thousand; a lookup before the clone keeps
            // this from allocating per entity.
            match by_source.get_mut(entity.source()) {
                Some(count) => *count += 1,
                None => {
                    by_source.insert(entity.source().to_owned(), 1);
                }
            }
        }
        let country_codes: BTreeSet<&str> = gazetteer
            .iter()
            .filter(|e| e.kind() == Kind::Country)
            .filter_map(|e| e.code())
            .collect();
        let missing_iso: Vec<&'static str> = ISO_3166_1
            .iter()
            .copied()
            .filter(|code| !country_codes.contains(code))
            .collect();
        Stats {
            total: gazetteer.len(),
            by_kind,
            by_source,
            iso_countries: ISO_3166_1.len() - missing_iso.len(),
            missing_iso,
        }
    }

    /// How many entities there are.
    ///
    /// ```
    /// assert!(bengali_names::Gazetteer::embedded().stats().total() >= 5_000);
    /// ```
    pub fn total(&self) -> usize {
        self.total
    }

    /// How many entities are of `kind`.
    ///
    /// ```
    /// use bengali_names::Kind;
    /// assert!(bengali_names::Gazetteer::embedded().stats().kind(Kind::Organization) >= 150);
    /// ```
    pub fn kind(&self, kind: Kind) -> usize {
        self.by_kind.get(&kind).copied().unwrap_or(0)
    }

    /// Counts per source label (`cldr-48`, `hand`, ...), in label order.
    ///
    /// ```
    /// let stats = bengali_names::Gazetteer::embedded().stats();
    /// assert_eq!(stats.sources().map(|(_, n)| n).sum::<usize>(), stats.total());
    /// ```
    pub fn sources(&self) -> impl Iterator<Item = (&str, usize)> + '_ {
        self.by_source
            .iter()
            .map(|(source, &n)| (source.as_str(), n))
    }

    /// How many of the 249 ISO 3166-1 alpha-2 codes have a country entity
    /// carrying that code.
    ///
    /// ```
    /// assert_eq!(bengali_names::Gazetteer::embedded().stats().iso_countries(), 249);
    /// ```
    pub fn iso_countries(&self) -> usize {
        self.iso_countries
    }

    /// The ISO 3166-1 alpha-2 codes with no country entity.
    ///
    /// ```
    /// let stats = bengali_names::Gazetteer::builder().embedded(false).build().unwrap().stats();
    /// assert_eq!(stats.missing_iso_countries().len(), 249);
    /// ```
    pub fn missing_iso_countries(&self) -> &[&'static str] {
        &self.missing_iso
    }
}

impl fmt::Display for Stats {
    /// The report `bengali-names gazetteer stats` prints.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "by kind:")?;
        for kind in Kind::ALL {
            writeln!(f, "  {:<14}{:>7}", kind.as_str(), self.kind(kind))?;
        }
        writeln!(f, "by source:")?;
        for (source, n) in self.sources() {
            writeln!(f, "  {source:<30}{n:>7}")?;
        }
        writeln!(f, "total entities: {}", self.total)?;
        write!(
            f,
            "ISO 3166-1 countries with codes: {} of {}",
            self.iso_countries,
            ISO_3166_1.len()
        )?;
        if !self.missing_iso.is_empty() {
            write!(f, " (missing: {})", self.missing_iso.join(" "))?;
        }
        Ok(())
    }
}
