//! The entity model: what one gazetteer row describes.

use core::fmt;
use core::str::FromStr;
use std::borrow::Cow;

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

/// Text an entity keeps: borrowed from a shipped file where the file already
/// has it in display form (most names: nothing to copy), owned otherwise.
pub(crate) type Text<'t> = Cow<'t, str>;

/// One entity of the gazetteer, after loading and merging.
///
/// Names are stored trimmed and in display form (see
/// [`Normalizer`](crate::Normalizer)).
///
/// ```
/// use bengali_names::{Gazetteer, Kind};
/// let gazetteer = Gazetteer::embedded();
/// let russia = gazetteer.get("iso:RU").unwrap();
/// assert_eq!(russia.kind(), Kind::Country);
/// assert_eq!(russia.name_en(), "Russia");
/// assert_eq!(russia.code(), Some("RU"));
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entity {
    pub(super) id: Text<'static>,
    pub(super) kind: Kind,
    pub(super) name_en: Text<'static>,
    pub(super) name_bn: Text<'static>,
    pub(super) aliases_bn: NameList<'static>,
    pub(super) aliases_en: NameList<'static>,
    pub(super) demonyms_bn: NameList<'static>,
    pub(super) demonyms_en: NameList<'static>,
    pub(super) code: Option<Text<'static>>,
    pub(super) parent: Option<Text<'static>>,
    pub(super) source: Text<'static>,
}

impl Entity {
    /// Stable ASCII identifier (`iso:RU`, `person:vladimir-putin`).
    ///
    /// ```
    /// let g = bengali_names::Gazetteer::embedded();
    /// assert_eq!(g.get("iso:BD").unwrap().id(), "iso:BD");
    /// ```
    pub fn id(&self) -> &str {
        &self.id
    }

    /// What kind of thing this is.
    ///
    /// ```
    /// let g = bengali_names::Gazetteer::embedded();
    /// assert_eq!(g.get("iso:BD").unwrap().kind(), bengali_names::Kind::Country);
    /// ```
    pub fn kind(&self) -> Kind {
        self.kind
    }

    /// Canonical English name: what `match` reports.
    ///
    /// ```
    /// let g = bengali_names::Gazetteer::embedded();
    /// assert_eq!(g.get("iso:BD").unwrap().name_en(), "Bangladesh");
    /// ```
    pub fn name_en(&self) -> &str {
        &self.name_en
    }

    /// Canonical Bengali name.
    ///
    /// ```
    /// let g = bengali_names::Gazetteer::embedded();
    /// assert_eq!(g.get("iso:BD").unwrap().name_bn(), "বাংলাদেশ");
    /// ```
    pub fn name_bn(&self) -> &str {
        &self.name_bn
    }

    /// Other Bengali spellings and short forms, in file order.
    ///
    /// ```
    /// let russia = bengali_names::Gazetteer::embedded().get("iso:RU").unwrap();
    /// assert!(russia.aliases_bn().any(|alias| alias == "রুশ ফেডারেশন"));
    /// ```
    pub fn aliases_bn(&self) -> Names<'_> {
        self.aliases_bn.iter()
    }

    /// Other English (Latin-script) spellings and abbreviations.
    ///
    /// ```
    /// let korea = bengali_names::Gazetteer::embedded().get("iso:KP").unwrap();
    /// assert!(korea.aliases_en().any(|alias| alias == "DPRK"));
    /// ```
    pub fn aliases_en(&self) -> Names<'_> {
        self.aliases_en.iter()
    }

    /// Bengali demonyms (রাশিয়ান, রুশ).
    ///
    /// ```
    /// let russia = bengali_names::Gazetteer::embedded().get("iso:RU").unwrap();
    /// assert!(russia.demonyms_bn().any(|demonym| demonym == "রুশ"));
    /// ```
    pub fn demonyms_bn(&self) -> Names<'_> {
        self.demonyms_bn.iter()
    }

    /// English demonyms (Russian).
    ///
    /// ```
    /// let russia = bengali_names::Gazetteer::embedded().get("iso:RU").unwrap();
    /// assert_eq!(russia.demonyms_en().collect::<Vec<_>>(), ["Russian"]);
    /// ```
    pub fn demonyms_en(&self) -> Names<'_> {
        self.demonyms_en.iter()
    }

    /// ISO 3166 code, Bangladesh geocode or M49 code, where there is one.
    ///
    /// ```
    /// let g = bengali_names::Gazetteer::embedded();
    /// assert_eq!(g.get("un:019").unwrap().code(), Some("019"));
    /// ```
    pub fn code(&self) -> Option<&str> {
        self.code.as_deref()
    }

    /// Id of the containing entity (a city's country), where there is one.
    ///
    /// ```
    /// let g = bengali_names::Gazetteer::embedded();
    /// assert_eq!(g.get("iso:BD").unwrap().parent(), None);
    /// assert_eq!(g.get("tz:Asia/Dhaka").unwrap().parent(), Some("iso:BD"));
    /// ```
    pub fn parent(&self) -> Option<&str> {
        self.parent.as_deref()
    }

    /// Where the facts come from (`cldr-48`, `hand`, a user's label).
    ///
    /// ```
    /// let g = bengali_names::Gazetteer::embedded();
    /// assert!(!g.get("iso:BD").unwrap().source().is_empty());
    /// ```
    pub fn source(&self) -> &str {
        &self.source
    }

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
        let lists = [
            (NameField::AliasBn, &self.aliases_bn),
            (NameField::AliasEn, &self.aliases_en),
            (NameField::DemonymBn, &self.demonyms_bn),
            (NameField::DemonymEn, &self.demonyms_en),
        ];
        [
            (NameField::NameBn, &*self.name_bn),
            (NameField::NameEn, &*self.name_en),
        ]
        .into_iter()
        .chain(
            lists
                .into_iter()
                .flat_map(|(field, names)| names.iter().map(move |name| (field, name))),
        )
        .filter(|(_, name)| !name.is_empty())
    }
}

/// One list of names (aliases or demonyms) of an entity or a row.
///
/// Most cells of a file already hold their names trimmed and in display
/// form, `|`-separated: then the cell itself is the list, and loading copies
/// nothing. Names that loading changed are kept one by one, so no character
/// a name may hold is ever read as a separator.
#[derive(Clone)]
pub(crate) enum NameList<'t> {
    /// The names joined by `|` (none when empty); no name is empty.
    Joined(Text<'t>),
    /// The names, one by one.
    Separate(Vec<Box<str>>),
}

impl Default for NameList<'_> {
    fn default() -> Self {
        NameList::Joined(Cow::Borrowed(""))
    }
}

impl<'t> NameList<'t> {
    pub(crate) fn iter(&self) -> Names<'_> {
        Names(match self {
            NameList::Joined(text) => NamesInner::Joined(text.split_terminator('|')),
            NameList::Separate(names) => NamesInner::Separate(names.iter()),
        })
    }

    /// Appends `more`'s names (an extension row's).
    pub(crate) fn extend(&mut self, more: NameList<'t>) {
        match (&mut *self, more) {
            (_, NameList::Joined(more)) if more.is_empty() => {}
            (NameList::Joined(text), NameList::Joined(more)) => {
                if text.is_empty() {
                    *text = more;
                } else {
                    let text = text.to_mut();
                    text.push('|');
                    text.push_str(&more);
                }
            }
            (this, more) => {
                let names = this.iter().chain(more.iter()).map(Box::from).collect();
                *this = NameList::Separate(names);
            }
        }
    }

    /// The same list, owning its text.
    pub(crate) fn into_static(self) -> NameList<'static> {
        match self {
            NameList::Joined(text) => NameList::Joined(Cow::Owned(text.into_owned())),
            NameList::Separate(names) => NameList::Separate(names),
        }
    }
}

/// Lists are equal when their names are, however they are stored.
impl PartialEq for NameList<'_> {
    fn eq(&self, other: &Self) -> bool {
        self.iter().eq(other.iter())
    }
}

impl Eq for NameList<'_> {}

impl fmt::Debug for NameList<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list().entries(self.iter()).finish()
    }
}

/// The names of one list of an [`Entity`], in file order: see
/// [`Entity::aliases_bn`].
///
/// ```
/// let korea = bengali_names::Gazetteer::embedded().get("iso:KP").unwrap();
/// let aliases: Vec<&str> = korea.aliases_en().collect();
/// assert!(aliases.contains(&"DPRK"));
/// assert_eq!(korea.aliases_en().rev().next(), aliases.last().copied());
/// ```
#[derive(Clone, Debug)]
pub struct Names<'a>(NamesInner<'a>);

#[derive(Clone, Debug)]
enum NamesInner<'a> {
    Joined(core::str::SplitTerminator<'a, char>),
    Separate(core::slice::Iter<'a, Box<str>>),
}

impl<'a> Iterator for Names<'a> {
    type Item = &'a str;

    fn next(&mut self) -> Option<&'a str> {
        match &mut self.0 {
            NamesInner::Joined(split) => split.next(),
            NamesInner::Separate(names) => names.next().map(|name| &**name),
        }
    }
}

impl DoubleEndedIterator for Names<'_> {
    fn next_back(&mut self) -> Option<Self::Item> {
        match &mut self.0 {
            NamesInner::Joined(split) => split.next_back(),
            NamesInner::Separate(names) => names.next_back().map(|name| &**name),
        }
    }
}

impl core::iter::FusedIterator for Names<'_> {}

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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_compare_and_extend_by_their_names() {
        let joined = NameList::Joined(Cow::Borrowed("ক|খ"));
        let separate = NameList::Separate(vec!["ক".into(), "খ".into()]);
        assert_eq!(joined, separate);
        assert_eq!(format!("{joined:?}"), format!("{separate:?}"));
        let mut list = NameList::default();
        assert_eq!(list.iter().count(), 0);
        list.extend(NameList::Joined(Cow::Borrowed("a")));
        list.extend(NameList::Joined(Cow::Borrowed("b|c")));
        list.extend(NameList::Joined(Cow::Borrowed("")));
        assert_eq!(list.iter().collect::<Vec<_>>(), ["a", "b", "c"]);
        list.extend(NameList::Separate(vec!["d|e".into()]));
        assert_eq!(
            list.iter().rev().collect::<Vec<_>>(),
            ["d|e", "c", "b", "a"]
        );
    }
}
