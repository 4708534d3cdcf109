//! The entity model: what one gazetteer row describes.

use core::fmt;
use core::str::FromStr;

use crate::quote::Quoted;

/// What kind of thing an entity is.
///
/// ```
/// use bengali_names::Kind;
/// assert_eq!("city".parse::<Kind>(), Ok(Kind::City));
/// assert_eq!(Kind::Organization.to_string(), "organization");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Kind {
    /// A person.
    Person,
    /// A country or territory with an ISO 3166-1 code.
    Country,
    /// A continent or other macro-region that news names as a place.
    Region,
    /// A city or town.
    City,
    /// A first- or lower-level subdivision: province, state, district, upazila.
    Subdivision,
    /// An organization: international body, agency, party, company, newspaper.
    Organization,
}

impl Kind {
    /// Every kind, in declaration order.
    pub const ALL: [Kind; 6] = [
        Kind::Person,
        Kind::Country,
        Kind::Region,
        Kind::City,
        Kind::Subdivision,
        Kind::Organization,
    ];

    /// The kind's name as written in gazetteer files.
    ///
    /// ```
    /// assert_eq!(bengali_names::Kind::Subdivision.as_str(), "subdivision");
    /// ```
    pub const fn as_str(self) -> &'static str {
        match self {
            Kind::Person => "person",
            Kind::Country => "country",
            Kind::Region => "region",
            Kind::City => "city",
            Kind::Subdivision => "subdivision",
            Kind::Organization => "organization",
        }
    }
}

impl fmt::Display for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The error of parsing an unknown [`Kind`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnknownKind(pub String);

impl fmt::Display for UnknownKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "unknown kind {} (expected one of: ", Quoted(&self.0))?;
        for (i, kind) in Kind::ALL.iter().enumerate() {
            if i > 0 {
                f.write_str(", ")?;
            }
            f.write_str(kind.as_str())?;
        }
        f.write_str(")")
    }
}

impl std::error::Error for UnknownKind {}

impl FromStr for Kind {
    type Err = UnknownKind;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Kind::ALL
            .into_iter()
            .find(|kind| kind.as_str() == s)
            .ok_or_else(|| UnknownKind(s.to_owned()))
    }
}

/// One entity of the gazetteer, after loading and merging.
///
/// Names are stored in display form (see [`Normalizer`](crate::Normalizer)).
///
/// ```
/// use bengali_names::{Gazetteer, Kind};
/// let gazetteer = Gazetteer::embedded();
/// let russia = gazetteer.get("iso:RU").unwrap();
/// assert_eq!(russia.kind, Kind::Country);
/// assert_eq!(russia.name_en, "Russia");
/// assert_eq!(russia.code.as_deref(), Some("RU"));
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entity {
    /// Stable ASCII identifier (`iso:RU`, `person:vladimir-putin`).
    pub id: String,
    /// What kind of thing this is.
    pub kind: Kind,
    /// Canonical English name: what `match` reports.
    pub name_en: String,
    /// Canonical Bengali name.
    pub name_bn: String,
    /// Other Bengali spellings and short forms.
    pub aliases_bn: Vec<String>,
    /// Other English (Latin-script) spellings and abbreviations.
    pub aliases_en: Vec<String>,
    /// Bengali demonyms (রাশিয়ান, রুশ).
    pub demonyms_bn: Vec<String>,
    /// English demonyms (Russian).
    pub demonyms_en: Vec<String>,
    /// ISO 3166 code, Bangladesh geocode or M49 code, where there is one.
    pub code: Option<String>,
    /// Id of the containing entity (a city's country).
    pub parent: Option<String>,
    /// Where the facts come from (`cldr-48`, `hand`, a user's label).
    pub source: String,
}

/// Which list of an entity a name comes from.
///
/// ```
/// use bengali_names::NameField;
/// assert_eq!(NameField::DemonymBn.to_string(), "demonym_bn");
/// assert!(NameField::DemonymEn.is_demonym());
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum NameField {
    /// `name_bn`.
    NameBn,
    /// `name_en`.
    NameEn,
    /// One of `aliases_bn`.
    AliasBn,
    /// One of `aliases_en`.
    AliasEn,
    /// One of `demonyms_bn`.
    DemonymBn,
    /// One of `demonyms_en`.
    DemonymEn,
}

impl NameField {
    /// True for the demonym lists.
    ///
    /// ```
    /// assert!(!bengali_names::NameField::AliasBn.is_demonym());
    /// ```
    pub const fn is_demonym(self) -> bool {
        matches!(self, NameField::DemonymBn | NameField::DemonymEn)
    }

    /// True for names written in Latin script.
    ///
    /// ```
    /// assert!(bengali_names::NameField::NameEn.is_latin());
    /// ```
    pub const fn is_latin(self) -> bool {
        matches!(
            self,
            NameField::NameEn | NameField::AliasEn | NameField::DemonymEn
        )
    }

    /// The column name in gazetteer files.
    ///
    /// ```
    /// assert_eq!(bengali_names::NameField::AliasEn.as_str(), "alias_en");
    /// ```
    pub const fn as_str(self) -> &'static str {
        match self {
            NameField::NameBn => "name_bn",
            NameField::NameEn => "name_en",
            NameField::AliasBn => "alias_bn",
            NameField::AliasEn => "alias_en",
            NameField::DemonymBn => "demonym_bn",
            NameField::DemonymEn => "demonym_en",
        }
    }
}

impl fmt::Display for NameField {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Entity {
    /// Every name of the entity with the list it comes from: canonical names
    /// first, then aliases, then demonyms.
    ///
    /// ```
    /// use bengali_names::{Gazetteer, NameField};
    /// let russia = Gazetteer::embedded().get("iso:RU").unwrap();
    /// let first = russia.names().next().unwrap();
    /// assert_eq!(first, (NameField::NameBn, "রাশিয়া"));
    /// ```
    pub fn names(&self) -> impl Iterator<Item = (NameField, &str)> + '_ {
        let lists: [(NameField, &[String]); 4] = [
            (NameField::AliasBn, &self.aliases_bn),
            (NameField::AliasEn, &self.aliases_en),
            (NameField::DemonymBn, &self.demonyms_bn),
            (NameField::DemonymEn, &self.demonyms_en),
        ];
        [
            (NameField::NameBn, self.name_bn.as_str()),
            (NameField::NameEn, self.name_en.as_str()),
        ]
        .into_iter()
        .chain(
            lists
                .into_iter()
                .flat_map(|(field, names)| names.iter().map(move |name| (field, name.as_str()))),
        )
        .filter(|(_, name)| !name.is_empty())
    }
}
