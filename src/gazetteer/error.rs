//! Load errors: every problem names its file, line and column.

use core::fmt;
use std::sync::Arc;

use crate::quote::Quoted;

/// Why a gazetteer (or common-word) file, or one of its lines, was rejected.
///
/// ```
/// use bengali_names::gazetteer::LoadErrorKind;
/// let kind = LoadErrorKind::UnknownKind { found: "town".into() };
/// assert!(kind.to_string().starts_with("unknown kind \"town\""));
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum LoadErrorKind {
    /// The file could not be opened or read.
    Io {
        /// The operating system's message.
        message: String,
    },
    /// The bytes at `byte_offset` (from the start of the file) are not UTF-8.
    InvalidUtf8 {
        /// Offset of the first invalid byte from the start of the file.
        byte_offset: u64,
    },
    /// The file has no header row.
    MissingHeader,
    /// The header row is not the documented one.
    BadHeader {
        /// The column name expected at the reported column.
        expected: &'static str,
        /// What the file has there (empty when the row is too short).
        found: String,
    },
    /// The row does not have exactly 11 tab-separated fields.
    ColumnCount {
        /// How many fields the row has.
        found: usize,
    },
    /// The id is empty, or not printable ASCII without spaces.
    InvalidId {
        /// The id as written.
        id: String,
    },
    /// The kind is not one of the documented kinds.
    UnknownKind {
        /// The kind as written.
        found: String,
    },
    /// A required field is empty or only whitespace on a row that is not an
    /// extension row.
    EmptyField {
        /// The column name.
        field: &'static str,
    },
    /// A `|` list has an empty element (`a||b`, a leading or trailing `|`).
    EmptyListElement {
        /// The column name.
        field: &'static str,
    },
    /// A name that is empty once normalized and folded (only ZWJ, soft hyphens, ...).
    NormalizesToNothing {
        /// The name as written.
        name: String,
    },
    /// A dependent vowel sign, virama, nukta or vowel modifier with no base
    /// letter before it.
    MalformedBengali {
        /// The name (display form).
        name: String,
        /// The sign that has no base.
        sign: char,
        /// Its position in the name, in characters from 0.
        char_index: usize,
    },
    /// Two names of one entity fold to the same match key.
    DuplicateName {
        /// The repeated name.
        name: String,
        /// The earlier name it folds to the same key as (maybe spelled
        /// differently: `São Paulo` for `Sao Paulo`).
        first: String,
        /// The column of the earlier name.
        first_field: &'static str,
    },
    /// An extension row (kind and canonical names empty) for an id that no
    /// loaded file defines.
    UnknownId {
        /// The id.
        id: String,
    },
    /// An id defined twice with different values in a column.
    Conflict {
        /// The id.
        id: String,
        /// The column that differs.
        field: &'static str,
        /// `file:line` of the earlier definition.
        first: String,
    },
    /// The `parent` column names an id that no loaded file defines.
    UnknownParent {
        /// The parent id.
        parent: String,
    },
}

impl fmt::Display for LoadErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LoadErrorKind::Io { message } => write!(f, "cannot read file: {message}"),
            LoadErrorKind::InvalidUtf8 { byte_offset } => {
                write!(f, "invalid UTF-8 at byte offset {byte_offset}")
            }
            LoadErrorKind::MissingHeader => {
                write!(f, "missing header row (expected: {})", super::HEADER)
            }
            LoadErrorKind::BadHeader { expected, found } => {
                write!(
                    f,
                    "bad header: expected column {}, found {}",
                    Quoted(expected),
                    Quoted(found)
                )
            }
            LoadErrorKind::ColumnCount { found } => write!(
                f,
                "expected {} tab-separated fields, found {found}",
                super::COLUMNS.len()
            ),
            LoadErrorKind::InvalidId { id } if id.trim().is_empty() => f.write_str("empty id"),
            LoadErrorKind::InvalidId { id } => write!(
                f,
                "invalid id {}: ids are printable ASCII without spaces",
                Quoted(id)
            ),
            LoadErrorKind::UnknownKind { found } => {
                write!(f, "{}", crate::gazetteer::UnknownKind(found.clone()))
            }
            LoadErrorKind::EmptyField { field } => write!(
                f,
                "empty {field} on a row that is not an extension row \
                 (an extension row leaves kind, name_en and name_bn all empty)"
            ),
            LoadErrorKind::EmptyListElement { field } => {
                write!(f, "empty element in the {field} list (`||` or a `|` at an end)")
            }
            LoadErrorKind::NormalizesToNothing { name } => {
                write!(f, "name {} is empty once normalized", Quoted(name))
            }
            LoadErrorKind::MalformedBengali {
                name,
                sign,
                char_index,
            } => write!(
                f,
                "malformed Bengali in {}: sign U+{:04X} at character {char_index} has no base letter",
                Quoted(name),
                u32::from(*sign)
            ),
            LoadErrorKind::DuplicateName {
                name,
                first,
                first_field,
            } if name == first => write!(
                f,
                "duplicate name {}: the entity already has it (in {first_field})",
                Quoted(name)
            ),
            LoadErrorKind::DuplicateName {
                name,
                first,
                first_field,
            } => write!(
                f,
                "duplicate name {}: it matches exactly what {} \
                 (in {first_field}) matches (same match key)",
                Quoted(name),
                Quoted(first)
            ),
            LoadErrorKind::UnknownId { id } => write!(
                f,
                "extension row for unknown id {} (no loaded file defines it)",
                Quoted(id)
            ),
            LoadErrorKind::Conflict { id, field, first } => write!(
                f,
                "id {} is already defined at {first} with a different {field}",
                Quoted(id)
            ),
            LoadErrorKind::UnknownParent { parent } => {
                write!(f, "unknown parent id {}", Quoted(parent))
            }
        }
    }
}

/// One located load error: `file:line:column: message`.
///
/// `line` is 1-based (0 when the error concerns the whole file), `column` is
/// the 1-based field number, when the error is about one field.
///
/// ```
/// use bengali_names::Gazetteer;
/// let text = "id\tkind\tname_en\tname_bn\taliases_bn\taliases_en\tdemonyms_bn\tdemonyms_en\tcode\tparent\tsource\n\
///             x:1\ttown\tX\tএক্স\t\t\t\t\t\t\tme\n";
/// let errors = Gazetteer::builder().embedded(false).add_str("my.tsv", text).build().unwrap_err();
/// let error = &errors.as_slice()[0];
/// assert_eq!((error.file(), error.line(), error.column()), ("my.tsv", 2, Some(2)));
/// assert!(error.to_string().starts_with("my.tsv:2:2: unknown kind"));
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LoadError {
    file: Arc<str>,
    line: u64,
    column: Option<usize>,
    kind: LoadErrorKind,
}

impl LoadError {
    pub(crate) fn new(
        file: Arc<str>,
        line: u64,
        column: Option<usize>,
        kind: LoadErrorKind,
    ) -> Self {
        LoadError {
            file,
            line,
            column,
            kind,
        }
    }

    /// The file's name as given to the builder (its path, or the name passed
    /// to [`add_str`](super::GazetteerBuilder::add_str)).
    ///
    /// ```
    /// # use bengali_names::Gazetteer;
    /// let errors = Gazetteer::builder().embedded(false).add_str("a.tsv", "").build().unwrap_err();
    /// assert_eq!(errors.as_slice()[0].file(), "a.tsv");
    /// ```
    pub fn file(&self) -> &str {
        &self.file
    }

    /// The 1-based line number; 0 when the error concerns the whole file.
    ///
    /// ```
    /// # use bengali_names::Gazetteer;
    /// let errors = Gazetteer::builder().embedded(false).add_str("a.tsv", "\n\nid\n").build().unwrap_err();
    /// assert_eq!(errors.as_slice()[0].line(), 3);
    /// ```
    pub fn line(&self) -> u64 {
        self.line
    }

    /// The 1-based field number, when the error is about one field.
    ///
    /// ```
    /// # use bengali_names::Gazetteer;
    /// let errors = Gazetteer::builder().embedded(false).add_str("a.tsv", "id\tkind\n").build().unwrap_err();
    /// assert_eq!(errors.as_slice()[0].column(), Some(3));
    /// ```
    pub fn column(&self) -> Option<usize> {
        self.column
    }

    /// What is wrong.
    ///
    /// ```
    /// # use bengali_names::Gazetteer;
    /// use bengali_names::gazetteer::LoadErrorKind;
    /// let errors = Gazetteer::builder().embedded(false).add_str("a.tsv", "").build().unwrap_err();
    /// assert_eq!(errors.as_slice()[0].kind(), &LoadErrorKind::MissingHeader);
    /// ```
    pub fn kind(&self) -> &LoadErrorKind {
        &self.kind
    }
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.file, self.line)?;
        if let Some(column) = self.column {
            write!(f, ":{column}")?;
        }
        write!(f, ": {}", self.kind)
    }
}

impl std::error::Error for LoadError {}

/// Every error found while building a gazetteer, in file and line order.
///
/// ```
/// use bengali_names::Gazetteer;
/// let errors = Gazetteer::builder()
///     .embedded(false)
///     .add_str("a.tsv", "")
///     .add_str("b.tsv", "")
///     .build()
///     .unwrap_err();
/// assert_eq!(errors.len(), 2);
/// assert_eq!(errors.to_string(), "a.tsv:0: missing header row (expected: id\tkind\tname_en\tname_bn\taliases_bn\taliases_en\tdemonyms_bn\tdemonyms_en\tcode\tparent\tsource)\n\
///                                 b.tsv:0: missing header row (expected: id\tkind\tname_en\tname_bn\taliases_bn\taliases_en\tdemonyms_bn\tdemonyms_en\tcode\tparent\tsource)");
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LoadErrors(Vec<LoadError>);

impl LoadErrors {
    pub(crate) fn new(errors: Vec<LoadError>) -> Self {
        LoadErrors(errors)
    }

    /// The errors.
    ///
    /// ```
    /// # use bengali_names::Gazetteer;
    /// let errors = Gazetteer::builder().embedded(false).add_str("a.tsv", "").build().unwrap_err();
    /// assert_eq!(errors.as_slice().len(), 1);
    /// ```
    pub fn as_slice(&self) -> &[LoadError] {
        &self.0
    }

    /// How many errors there are (at least one).
    ///
    /// ```
    /// # use bengali_names::Gazetteer;
    /// let errors = Gazetteer::builder().embedded(false).add_str("a.tsv", "").build().unwrap_err();
    /// assert_eq!(errors.len(), 1);
    /// ```
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// Always false for errors returned by a build; here for completeness.
    ///
    /// ```
    /// # use bengali_names::Gazetteer;
    /// let errors = Gazetteer::builder().embedded(false).add_str("a.tsv", "").build().unwrap_err();
    /// assert!(!errors.is_empty());
    /// ```
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Iterates over the errors.
    ///
    /// ```
    /// # use bengali_names::Gazetteer;
    /// let errors = Gazetteer::builder().embedded(false).add_str("a.tsv", "").build().unwrap_err();
    /// assert!(errors.iter().all(|e| e.file() == "a.tsv"));
    /// ```
    pub fn iter(&self) -> core::slice::Iter<'_, LoadError> {
        self.0.iter()
    }

    /// True when some file could not be read at all (the CLI exits 2 then).
    ///
    /// ```
    /// # use bengali_names::Gazetteer;
    /// let errors = Gazetteer::builder().embedded(false).add_file("/no/such/file.tsv").build().unwrap_err();
    /// assert!(errors.has_io_error());
    /// ```
    pub fn has_io_error(&self) -> bool {
        self.0
            .iter()
            .any(|e| matches!(e.kind, LoadErrorKind::Io { .. }))
    }

    /// The errors, by value.
    ///
    /// ```
    /// # use bengali_names::Gazetteer;
    /// let errors = Gazetteer::builder().embedded(false).add_str("a.tsv", "").build().unwrap_err();
    /// assert_eq!(errors.into_vec().len(), 1);
    /// ```
    pub fn into_vec(self) -> Vec<LoadError> {
        self.0
    }
}

impl fmt::Display for LoadErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, error) in self.0.iter().enumerate() {
            if i > 0 {
                f.write_str("\n")?;
            }
            write!(f, "{error}")?;
        }
        Ok(())
    }
}

impl std::error::Error for LoadErrors {}

impl IntoIterator for LoadErrors {
    type Item = LoadError;
    type IntoIter = std::vec::IntoIter<LoadError>;

    fn into_iter(self) -> Self::IntoIter {
        self.0.into_iter()
    }
}

impl<'a> IntoIterator for &'a LoadErrors {
    type Item = &'a LoadError;
    type IntoIter = core::slice::Iter<'a, LoadError>;

    fn into_iter(self) -> Self::IntoIter {
        self.0.iter()
    }
}
