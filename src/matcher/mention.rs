//! What a search reports: [`Mention`], the entity it links to
//! ([`EntityInfo`]) and how it matched ([`MatchKind`]).

use core::fmt;
use core::ops::Range;
use core::str::FromStr;

use crate::quote::Quoted;
use crate::Kind;

/// How a mention was found.
///
/// ```
/// use bengali_names::matcher::MatchKind;
/// assert_eq!("variant".parse::<MatchKind>(), Ok(MatchKind::Variant));
/// assert_eq!(MatchKind::Latin.to_string(), "latin");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum MatchKind {
    /// A Bengali alias, through the exact match key.
    Exact,
    /// A spelling variant, through a looser key (see the module docs).
    Variant,
    /// A Latin-script alias inside the text (DPRK, North Korea).
    Latin,
    /// Part of a person's name, linked to the person named fully earlier in
    /// the same document.
    Partial,
}

impl MatchKind {
    /// Every kind, in declaration order.
    ///
    /// ```
    /// use bengali_names::matcher::MatchKind;
    /// for kind in MatchKind::ALL {
    ///     assert_eq!(kind.as_str().parse::<MatchKind>(), Ok(kind));
    /// }
    /// ```
    pub const ALL: [MatchKind; 4] = [
        MatchKind::Exact,
        MatchKind::Variant,
        MatchKind::Latin,
        MatchKind::Partial,
    ];

    /// The kind's lowercase name, as printed by the CLI.
    ///
    /// ```
    /// assert_eq!(bengali_names::matcher::MatchKind::Partial.as_str(), "partial");
    /// ```
    pub const fn as_str(self) -> &'static str {
        match self {
            MatchKind::Exact => "exact",
            MatchKind::Variant => "variant",
            MatchKind::Latin => "latin",
            MatchKind::Partial => "partial",
        }
    }

    /// Rank among candidates of the same length: lower wins. Evidence from
    /// a whole alias beats a loose spelling, which beats a name part.
    pub(crate) const fn rank(self) -> u8 {
        match self {
            MatchKind::Exact | MatchKind::Latin => 0,
            MatchKind::Variant => 1,
            MatchKind::Partial => 2,
        }
    }
}

impl fmt::Display for MatchKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The error of parsing an unknown [`MatchKind`].
///
/// ```
/// let err = "fuzzy".parse::<bengali_names::matcher::MatchKind>().unwrap_err();
/// assert!(err.to_string().contains("fuzzy"));
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnknownMatchKind(pub String);

impl fmt::Display for UnknownMatchKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "unknown match kind {} (expected exact, variant, latin or partial)",
            Quoted(&self.0)
        )
    }
}

impl std::error::Error for UnknownMatchKind {}

impl FromStr for MatchKind {
    type Err = UnknownMatchKind;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        MatchKind::ALL
            .into_iter()
            .find(|kind| kind.as_str() == s)
            .ok_or_else(|| UnknownMatchKind(s.to_owned()))
    }
}

/// The facts of a gazetteer entity that a mention reports, copied into the
/// matcher so that a built [`Matcher`](super::Matcher) stands on its own.
///
/// ```
/// use bengali_names::Matcher;
/// let matcher = Matcher::embedded();
/// let russia = matcher.entity("iso:RU").unwrap();
/// assert_eq!((russia.name_en(), russia.code()), ("Russia", Some("RU")));
/// ```
#[derive(Clone, PartialEq, Eq)]
pub struct EntityInfo {
    /// The id, English name, Bengali name and code, one after the other:
    /// one allocation per entity, where a matcher may hold a million.
    text: Box<str>,
    /// Where the id, the English and the Bengali name end in `text`.
    /// (u32: a gazetteer line is far shorter, and a matcher may hold a
    /// million of these.)
    ends: [u32; 3],
    kind: Kind,
    has_code: bool,
    /// The matcher's number of the country the entity lies in (itself for
    /// a country), [`NONE`] for none. The parents give it too; kept here
    /// because every shared name's choice asks for it.
    country: u32,
    /// The matcher's number of the entity's parent, [`NONE`] for none.
    parent: u32,
}

/// No entity: the country or parent of an entity that has none.
const NONE: u32 = u32::MAX;

impl fmt::Debug for EntityInfo {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("EntityInfo")
            .field("id", &self.id())
            .field("kind", &self.kind)
            .field("name_en", &self.name_en())
            .field("name_bn", &self.name_bn())
            .field("code", &self.code())
            .finish()
    }
}

impl EntityInfo {
    /// The facts of one entity.
    pub(crate) fn new(
        id: &str,
        kind: Kind,
        name_en: &str,
        name_bn: &str,
        code: Option<&str>,
        country: Option<u32>,
        parent: Option<u32>,
    ) -> Self {
        let mut text = String::with_capacity(
            id.len() + name_en.len() + name_bn.len() + code.map_or(0, str::len),
        );
        let mut ends = [0; 3];
        for (end, part) in ends.iter_mut().zip([id, name_en, name_bn]) {
            text.push_str(part);
            *end = u32::try_from(text.len()).unwrap_or(u32::MAX);
        }
        text.push_str(code.unwrap_or_default());
        EntityInfo {
            text: text.into_boxed_str(),
            ends,
            kind,
            has_code: code.is_some(),
            country: country.unwrap_or(NONE),
            parent: parent.unwrap_or(NONE),
        }
    }

    /// The matcher's number of the entity's parent (a district's division,
    /// a city's country), if it has one.
    pub(crate) fn parent(&self) -> Option<u32> {
        (self.parent != NONE).then_some(self.parent)
    }

    /// The matcher's number of the country the entity lies in, by its
    /// parents (itself for a country).
    pub(crate) fn country(&self) -> Option<u32> {
        (self.country != NONE).then_some(self.country)
    }

    /// Bytes on the heap.
    pub(crate) fn heap_bytes(&self) -> usize {
        self.text.len()
    }

    /// Part `i` of `text`: 0 the id, 1 and 2 the names, 3 the code.
    fn part(&self, i: usize) -> &str {
        let at = |j: usize| self.ends.get(j).map(|&end| end as usize);
        let start = i.checked_sub(1).and_then(at).unwrap_or(0);
        let end = at(i).unwrap_or(self.text.len());
        self.text.get(start..end).unwrap_or_default()
    }

    /// The entity's id (`iso:RU`, `person:vladimir-putin`).
    ///
    /// ```
    /// let m = bengali_names::Matcher::embedded();
    /// assert_eq!(m.entity("iso:KP").unwrap().id(), "iso:KP");
    /// ```
    pub fn id(&self) -> &str {
        self.part(0)
    }

    /// What kind of thing it is.
    ///
    /// ```
    /// let m = bengali_names::Matcher::embedded();
    /// assert_eq!(m.entity("iso:KP").unwrap().kind(), bengali_names::Kind::Country);
    /// ```
    pub fn kind(&self) -> Kind {
        self.kind
    }

    /// Canonical English name.
    ///
    /// ```
    /// let m = bengali_names::Matcher::embedded();
    /// assert_eq!(m.entity("iso:KP").unwrap().name_en(), "North Korea");
    /// ```
    pub fn name_en(&self) -> &str {
        self.part(1)
    }

    /// Canonical Bengali name.
    ///
    /// ```
    /// let m = bengali_names::Matcher::embedded();
    /// assert_eq!(m.entity("iso:RU").unwrap().name_bn(), "রাশিয়া");
    /// ```
    pub fn name_bn(&self) -> &str {
        self.part(2)
    }

    /// ISO 3166, Bangladesh geocode or M49 code, where there is one.
    ///
    /// ```
    /// let m = bengali_names::Matcher::embedded();
    /// assert_eq!(m.entity("iso:RU").unwrap().code(), Some("RU"));
    /// ```
    pub fn code(&self) -> Option<&str> {
        self.has_code.then(|| self.part(3))
    }
}

/// One entity mention in the caller's text.
///
/// Every span is a range of the text given to the search, in bytes and in
/// chars (Unicode scalar values), even when the text needed normalization;
/// the span covers the whole inflected word (`রাশিয়ার`), the stem span the
/// name itself (`রাশিয়া`) and the rest is the suffix (`র`). As news NER
/// corpora tag names, a place's span ends before a unit word written after
/// it (ভোলা জেলার → ভোলা) and a person's starts after an honorific or rank
/// (অধ্যাপক, বিচারপতি, জেনারেল) that an alias included.
///
/// ```
/// use bengali_names::Matcher;
/// use bengali_names::matcher::MatchKind;
/// let matcher = Matcher::embedded();
/// let text = "আজ রাশিয়ার খবর";
/// let m = matcher.find_iter(text).next().unwrap();
/// assert_eq!(&text[m.span()], "রাশিয়ার");
/// assert_eq!(&text[m.stem_span()], "রাশিয়া");
/// assert_eq!(&text[m.suffix_span()], "র");
/// assert_eq!(m.char_span(), 3..11);
/// assert_eq!((m.entity().name_en(), m.match_kind()), ("Russia", MatchKind::Exact));
/// ```
#[derive(Clone, Debug, PartialEq)]
pub struct Mention<'m> {
    pub(crate) span: Range<usize>,
    pub(crate) char_span: Range<usize>,
    pub(crate) stem_end: usize,
    pub(crate) stem_char_end: usize,
    pub(crate) entity: &'m EntityInfo,
    pub(crate) alternatives: Vec<&'m EntityInfo>,
    pub(crate) kind: MatchKind,
    pub(crate) score: f32,
}

impl<'m> Mention<'m> {
    /// Byte span of the whole inflected word.
    ///
    /// ```
    /// # let m = bengali_names::Matcher::embedded();
    /// let hit = m.find_iter("x রাশিয়াকে").next().unwrap();
    /// assert_eq!(hit.span(), 2..29);
    /// ```
    pub fn span(&self) -> Range<usize> {
        self.span.clone()
    }

    /// Char span of the whole inflected word.
    ///
    /// ```
    /// # let m = bengali_names::Matcher::embedded();
    /// let hit = m.find_iter("x রাশিয়াকে").next().unwrap();
    /// assert_eq!(hit.char_span(), 2..11);
    /// ```
    pub fn char_span(&self) -> Range<usize> {
        self.char_span.clone()
    }

    /// Byte span of the stem: the name as the gazetteer knows it.
    ///
    /// ```
    /// # let m = bengali_names::Matcher::embedded();
    /// let text = "রাশিয়াকে";
    /// let hit = m.find_iter(text).next().unwrap();
    /// assert_eq!(&text[hit.stem_span()], "রাশিয়া");
    /// ```
    pub fn stem_span(&self) -> Range<usize> {
        self.span.start..self.stem_end
    }

    /// Char span of the stem.
    ///
    /// ```
    /// # let m = bengali_names::Matcher::embedded();
    /// let hit = m.find_iter("রাশিয়াকে").next().unwrap();
    /// assert_eq!(hit.stem_char_span(), 0..7);
    /// ```
    pub fn stem_char_span(&self) -> Range<usize> {
        self.char_span.start..self.stem_char_end
    }

    /// Byte span of the suffix chain after the stem (empty when none; a
    /// hyphen joining a suffix to a Latin name belongs to the suffix).
    ///
    /// ```
    /// # let m = bengali_names::Matcher::embedded();
    /// let text = "DPRK-এর";
    /// let hit = m.find_iter(text).next().unwrap();
    /// assert_eq!(&text[hit.suffix_span()], "-এর");
    /// ```
    pub fn suffix_span(&self) -> Range<usize> {
        self.stem_end..self.span.end
    }

    /// Char span of the suffix chain.
    ///
    /// ```
    /// # let m = bengali_names::Matcher::embedded();
    /// let hit = m.find_iter("রাশিয়াকে").next().unwrap();
    /// assert_eq!(hit.suffix_char_span(), 7..9);
    /// ```
    pub fn suffix_char_span(&self) -> Range<usize> {
        self.stem_char_end..self.char_span.end
    }

    /// The entity the mention links to (the default reading when the name
    /// is ambiguous).
    ///
    /// ```
    /// # let m = bengali_names::Matcher::embedded();
    /// let hit = m.find_iter("রাশিয়া").next().unwrap();
    /// assert_eq!(hit.entity().id(), "iso:RU");
    /// ```
    pub fn entity(&self) -> &'m EntityInfo {
        self.entity
    }

    /// Other entities that share the matched name, best first by the
    /// gazetteer's prior.
    ///
    /// ```
    /// # let m = bengali_names::Matcher::embedded();
    /// let hit = m.find_iter("রাশিয়া").next().unwrap();
    /// assert!(hit.alternatives().iter().all(|e| e.id() != "iso:RU"));
    /// ```
    pub fn alternatives(&self) -> &[&'m EntityInfo] {
        &self.alternatives
    }

    /// How the mention was found.
    ///
    /// ```
    /// # let m = bengali_names::Matcher::embedded();
    /// let hit = m.find_iter("DPRK").next().unwrap();
    /// assert_eq!(hit.match_kind(), bengali_names::matcher::MatchKind::Latin);
    /// ```
    pub fn match_kind(&self) -> MatchKind {
        self.kind
    }

    /// Confidence in (0, 1]: 1 for an exact or Latin alias; lower for
    /// variants and partial names (see the module docs for the scale).
    ///
    /// ```
    /// # let m = bengali_names::Matcher::embedded();
    /// assert_eq!(m.find_iter("রাশিয়া").next().unwrap().score(), 1.0);
    /// ```
    pub fn score(&self) -> f32 {
        self.score
    }

    /// The same mention with its spans moved `bytes` and `chars` further
    /// on: for callers that search a long input piece by piece.
    ///
    /// ```
    /// # let m = bengali_names::Matcher::embedded();
    /// let hit = m.find_iter("রাশিয়া").next().unwrap().shifted(10, 4);
    /// assert_eq!((hit.span(), hit.char_span()), (10..31, 4..11));
    /// ```
    pub fn shifted(mut self, bytes: usize, chars: usize) -> Self {
        self.span = self.span.start + bytes..self.span.end + bytes;
        self.char_span = self.char_span.start + chars..self.char_span.end + chars;
        self.stem_end += bytes;
        self.stem_char_end += chars;
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entity_info_keeps_its_parts_apart() {
        let with_code = EntityInfo::new(
            "iso:RU",
            Kind::Country,
            "Russia",
            "রাশিয়া",
            Some("RU"),
            Some(0),
            None,
        );
        assert_eq!(
            (
                with_code.id(),
                with_code.name_en(),
                with_code.name_bn(),
                with_code.code()
            ),
            ("iso:RU", "Russia", "রাশিয়া", Some("RU"))
        );
        // Empty parts and an empty code stay distinct from no code.
        let bare = EntityInfo::new("x", Kind::City, "", "", None, None, None);
        assert_eq!(
            (bare.id(), bare.name_en(), bare.name_bn(), bare.code()),
            ("x", "", "", None)
        );
        let empty_code = EntityInfo::new("y", Kind::City, "Y", "", Some(""), None, None);
        assert_eq!((empty_code.name_en(), empty_code.code()), ("Y", Some("")));
        assert!(format!("{bare:?}").contains("name_en: \"\""));
        assert_eq!((with_code.country(), bare.country()), (Some(0), None));
    }
}
