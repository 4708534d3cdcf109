//! Building a gazetteer from several files: parse each, then merge.

use std::borrow::Cow;
use std::collections::hash_map::Entry;
use std::io::Read;
use std::path::Path;
use std::sync::Arc;

use super::common_words::{self, CommonWords};
use super::embedded;
use super::entity::Text;
use super::error::{LoadError, LoadErrorKind, LoadErrors};
use super::hash::FastMap;
use super::load::{self, col, column_name, column_of, Row};
use super::store::Gazetteer;
use super::Entity;
use crate::normalize::key;
use crate::Normalizer;

/// One input file: its name for messages and its bytes (or why they could
/// not be read).
#[derive(Clone, Debug)]
struct Input {
    name: Arc<str>,
    bytes: Result<Cow<'static, [u8]>, String>,
    /// The same bytes as text, where they are known to be UTF-8 without
    /// checking (the shipped files are `&str`s).
    text: Option<&'static str>,
    /// Hand-written (shipped or the user's) rather than generated from a
    /// registry: decides the ambiguity prior.
    curated: bool,
}

impl Input {
    fn read_file(path: &Path) -> Self {
        Input {
            name: path.display().to_string().into(),
            bytes: std::fs::read(path)
                .map(Cow::Owned)
                .map_err(|e| e.to_string()),
            text: None,
            curated: true,
        }
    }

    fn read(name: &str, mut reader: impl Read) -> Self {
        let mut bytes = Vec::new();
        Input {
            name: name.into(),
            bytes: reader
                .read_to_end(&mut bytes)
                .map(|_| Cow::Owned(bytes))
                .map_err(|e| e.to_string()),
            text: None,
            curated: true,
        }
    }

    fn embedded(file: &embedded::EmbeddedFile) -> Self {
        Input {
            name: file.path.into(),
            bytes: Ok(Cow::Borrowed(file.text.as_bytes())),
            text: Some(file.text),
            curated: file.curated,
        }
    }
}

/// Builds a [`Gazetteer`] from the shipped files and the caller's.
///
/// Entity rows of every file are merged before any extension row, so an
/// extension row may come in an earlier file than the entity it extends.
///
/// ```
/// use bengali_names::Gazetteer;
/// let file = "id\tkind\tname_en\tname_bn\taliases_bn\taliases_en\tdemonyms_bn\tdemonyms_en\tcode\tparent\tsource\n\
///             person:jane-roe\tperson\tJane Roe\tজেন রো\tজেইন রো\tJ. Roe\t\t\t\t\tmy-newsroom\n";
/// let gazetteer = Gazetteer::builder().embedded(false).add_str("mine.tsv", file).build()?;
/// assert_eq!(gazetteer.len(), 1);
/// let jane = gazetteer.get("person:jane-roe").unwrap();
/// assert_eq!(jane.aliases_bn().collect::<Vec<_>>(), ["জেইন রো"]);
/// # Ok::<(), bengali_names::gazetteer::LoadErrors>(())
/// ```
#[derive(Clone, Debug)]
pub struct GazetteerBuilder {
    embedded: bool,
    embedded_common_words: bool,
    lenient: bool,
    files: Vec<Input>,
    common_words: Vec<Input>,
    /// Files loaded in place of the shipped file of the same path.
    replacing: Vec<(&'static str, Input)>,
}

impl Default for GazetteerBuilder {
    fn default() -> Self {
        GazetteerBuilder {
            embedded: true,
            embedded_common_words: true,
            lenient: false,
            files: Vec::new(),
            common_words: Vec::new(),
            replacing: Vec::new(),
        }
    }
}

impl GazetteerBuilder {
    /// A builder with the shipped gazetteer and common words, strict mode.
    ///
    /// ```
    /// let gazetteer = bengali_names::GazetteerBuilder::new().build().unwrap();
    /// assert_eq!(gazetteer.len(), bengali_names::Gazetteer::embedded().len());
    /// ```
    pub fn new() -> Self {
        Self::default()
    }

    /// Whether to load the shipped gazetteer files (default true).
    ///
    /// ```
    /// let empty = bengali_names::Gazetteer::builder().embedded(false).build().unwrap();
    /// assert!(empty.is_empty());
    /// ```
    pub fn embedded(mut self, yes: bool) -> Self {
        self.embedded = yes;
        self
    }

    /// Whether to load the shipped common-word list (default true), whatever
    /// [`embedded`](Self::embedded) says.
    ///
    /// ```
    /// let g = bengali_names::Gazetteer::builder().embedded_common_words(false).build().unwrap();
    /// assert_eq!(g.common_word_count(), 0);
    /// ```
    pub fn embedded_common_words(mut self, yes: bool) -> Self {
        self.embedded_common_words = yes;
        self
    }

    /// Report-and-skip mode (default false). A bad row is skipped and its
    /// errors are kept in [`Gazetteer::warnings`]; an unknown parent id is
    /// reported and the link dropped. A file that cannot be read still fails
    /// the build.
    ///
    /// ```
    /// let bad = "id\tkind\tname_en\tname_bn\taliases_bn\taliases_en\tdemonyms_bn\tdemonyms_en\tcode\tparent\tsource\n\
    ///            x:1\ttown\tX\tএক্স\t\t\t\t\t\t\tme\n\
    ///            x:2\tcity\tY\tওয়াই\t\t\t\t\t\t\tme\n";
    /// let g = bengali_names::Gazetteer::builder().embedded(false).lenient(true).add_str("a.tsv", bad).build().unwrap();
    /// assert_eq!(g.len(), 1);
    /// assert_eq!(g.warnings()[0].line(), 2);
    /// ```
    pub fn lenient(mut self, yes: bool) -> Self {
        self.lenient = yes;
        self
    }

    /// Adds a gazetteer file from disk; it is read now, and a read error is
    /// reported by [`build`](Self::build).
    ///
    /// ```
    /// let errors = bengali_names::Gazetteer::builder().add_file("/no/such.tsv").build().unwrap_err();
    /// assert!(errors.has_io_error());
    /// ```
    pub fn add_file(mut self, path: impl AsRef<Path>) -> Self {
        self.files.push(Input::read_file(path.as_ref()));
        self
    }

    /// Loads the file at `path` in place of the shipped file whose
    /// repository path it ends with (`…/data/gazetteer/people.tsv`), for
    /// checking an edited copy of a shipped file: loaded beside the
    /// shipped copy, every entity would be a duplicate of itself. A path
    /// that ends with no shipped file's is added as by
    /// [`add_file`](Self::add_file).
    ///
    /// ```
    /// let dir = std::env::temp_dir().join("bengali-names-doc-replace").join("data/gazetteer");
    /// std::fs::create_dir_all(&dir).unwrap();
    /// let copy = dir.join("people.tsv");
    /// std::fs::write(&copy, bengali_names::gazetteer::HEADER).unwrap();
    /// // The shipped people are replaced by none.
    /// let g = bengali_names::Gazetteer::builder().replace_embedded(&copy).build().unwrap();
    /// assert!(g.get("person:vladimir-putin").is_none());
    /// assert!(g.get("iso:RU").is_some());
    /// ```
    pub fn replace_embedded(mut self, path: impl AsRef<Path>) -> Self {
        let path = path.as_ref();
        let shipped = embedded::FILES
            .iter()
            .find(|file| path.ends_with(file.path))
            .map(|file| file.path);
        match shipped {
            Some(shipped) => self.replacing.push((shipped, Input::read_file(path))),
            None => self.files.push(Input::read_file(path)),
        }
        self
    }

    /// Adds a gazetteer file given as text; `name` appears in errors.
    ///
    /// ```
    /// let g = bengali_names::Gazetteer::builder()
    ///     .embedded(false)
    ///     .add_str("header-only.tsv", bengali_names::gazetteer::HEADER)
    ///     .build()
    ///     .unwrap();
    /// assert!(g.is_empty());
    /// ```
    pub fn add_str(mut self, name: &str, text: &str) -> Self {
        self.files.push(Input {
            name: name.into(),
            bytes: Ok(Cow::Owned(text.as_bytes().to_vec())),
            text: None,
            curated: true,
        });
        self
    }

    /// Adds a gazetteer file from a reader (read to the end now); `name`
    /// appears in errors. Invalid UTF-8 is reported with its line and byte
    /// offset.
    ///
    /// ```
    /// use bengali_names::gazetteer::LoadErrorKind;
    /// let bytes: &[u8] = b"id\tkind\xFF\n";
    /// let errors = bengali_names::Gazetteer::builder().add_reader("a.tsv", bytes).build().unwrap_err();
    /// assert_eq!(errors.as_slice()[0].kind(), &LoadErrorKind::InvalidUtf8 { byte_offset: 7 });
    /// ```
    pub fn add_reader(mut self, name: &str, reader: impl Read) -> Self {
        self.files.push(Input::read(name, reader));
        self
    }

    /// Adds a common-word file from disk: one word per line, `#` comments.
    ///
    /// ```
    /// let errors = bengali_names::Gazetteer::builder().add_common_words_file("/no/such.txt").build().unwrap_err();
    /// assert!(errors.has_io_error());
    /// ```
    pub fn add_common_words_file(mut self, path: impl AsRef<Path>) -> Self {
        self.common_words.push(Input::read_file(path.as_ref()));
        self
    }

    /// Adds common words given as text in the common-word file format.
    ///
    /// ```
    /// let g = bengali_names::Gazetteer::builder()
    ///     .embedded(false)
    ///     .add_common_words_str("mine.txt", "# my words\nকলম\n")
    ///     .build()
    ///     .unwrap();
    /// assert!(g.is_common_word("কলম"));
    /// ```
    pub fn add_common_words_str(mut self, name: &str, text: &str) -> Self {
        self.common_words.push(Input {
            name: name.into(),
            bytes: Ok(Cow::Owned(text.as_bytes().to_vec())),
            text: None,
            curated: true,
        });
        self
    }

    /// Loads, validates and merges every file. In strict mode any error
    /// fails the build, and every error found is returned, not just the
    /// first.
    ///
    /// ```
    /// let g = bengali_names::Gazetteer::builder().build().unwrap();
    /// assert!(g.warnings().is_empty());
    /// ```
    pub fn build(self) -> Result<Gazetteer, LoadErrors> {
        let normalizer = Normalizer::new();
        let mut errors = Vec::new();
        let mut inputs: Vec<Input> = Vec::new();
        if self.embedded {
            let mut replacing = self.replacing;
            for file in embedded::FILES {
                match replacing.iter().position(|(path, _)| *path == file.path) {
                    Some(i) => inputs.push(replacing.swap_remove(i).1),
                    None => inputs.push(Input::embedded(file)),
                }
            }
            // A second copy of one shipped file is checked as well.
            inputs.extend(replacing.into_iter().map(|(_, input)| input));
        } else {
            inputs.extend(self.replacing.into_iter().map(|(_, input)| input));
        }
        let file_count = inputs.len() + self.files.len();
        inputs.extend(self.files);
        let mut word_inputs: Vec<Input> = Vec::new();
        if self.embedded_common_words {
            word_inputs.push(Input::embedded(&embedded::COMMON_WORDS));
        }
        word_inputs.extend(self.common_words);

        // Rows are at most lines: reserving up front saves copying every
        // entity as the list grows.
        let lines = inputs
            .iter()
            .filter_map(|input| input.bytes.as_ref().ok())
            .map(|bytes| load::count_newlines(bytes))
            .sum();
        let mut merger = Merger::with_capacity(lines);
        // Every file's entities before any extension row, so that the order
        // of files never decides whether an extension finds its entity.
        let mut extending = Vec::new();
        for input in &inputs {
            let curated = input.curated;
            let mut take = |row: Row<'static>| {
                if row.kind.is_some() {
                    merger.define(row, curated);
                } else {
                    extending.push(row);
                }
            };
            match (&input.bytes, input.text) {
                // The shipped files outlive the gazetteer: their rows borrow
                // the names they hold in display form.
                (Ok(_), Some(text)) => load::parse(
                    &input.name,
                    text.as_bytes(),
                    Some(text),
                    &normalizer,
                    &mut errors,
                    take,
                ),
                (Ok(bytes), None) => {
                    load::parse(&input.name, bytes, None, &normalizer, &mut errors, |row| {
                        take(row.into_static())
                    })
                }
                (Err(message), _) => errors.push(io_error(input, message)),
            }
        }
        for row in extending {
            merger.extend(row);
        }
        merger.check_parents();

        let (entities, curated, index, merge_errors) = merger.finish();
        errors.extend(merge_errors);
        let mut words = CommonWords::default();
        for input in &word_inputs {
            match &input.bytes {
                Ok(bytes) => {
                    common_words::parse(&input.name, bytes, &normalizer, &mut words, &mut errors)
                }
                Err(message) => errors.push(io_error(input, message)),
            }
        }

        // Merge errors come after parse errors; put them back in file order.
        let order = |error: &LoadError| {
            let file = inputs
                .iter()
                .chain(&word_inputs)
                .position(|input| *input.name == *error.file())
                .unwrap_or(usize::MAX);
            (file, error.line(), error.column())
        };
        errors.sort_by_cached_key(order);
        let fatal = errors
            .iter()
            .any(|e| matches!(e.kind(), LoadErrorKind::Io { .. }));
        if fatal || (!self.lenient && !errors.is_empty()) {
            return Err(LoadErrors::new(errors));
        }
        Ok(Gazetteer::from_parts(
            entities, curated, index, words, errors, file_count,
        ))
    }
}

fn io_error(input: &Input, message: &str) -> LoadError {
    LoadError::new(
        Arc::clone(&input.name),
        0,
        None,
        LoadErrorKind::Io {
            message: message.to_owned(),
        },
    )
}

/// What the checks remember about an entity while files are merged.
struct Origin {
    /// Where the entity was defined, for conflict messages.
    defined_at: (Arc<str>, u64),
    /// Where the parent link was written, for its error.
    parent_at: (Arc<str>, u64),
    curated: bool,
}

/// The entities merged so far, their origins (same positions), the index by
/// id, and the errors merging found.
struct Merger {
    entities: Vec<Entity>,
    origins: Vec<Origin>,
    index: FastMap<Text<'static>, usize>,
    errors: Vec<LoadError>,
}

impl Merger {
    fn with_capacity(rows: usize) -> Self {
        Merger {
            entities: Vec::with_capacity(rows),
            origins: Vec::with_capacity(rows),
            index: FastMap::with_capacity_and_hasher(rows, Default::default()),
            errors: Vec::new(),
        }
    }

    /// An entity row: a new entity, or the same entity again (identical
    /// kind and canonical names), which merges like an extension row.
    fn define(&mut self, row: Row<'static>, curated: bool) {
        let Some(kind) = row.kind else { return };
        // One lookup for both cases: a new id (the usual row) is inserted
        // by the same hashing that looked for it.
        let at = match self.index.entry(row.id.clone()) {
            Entry::Vacant(vacant) => {
                vacant.insert(self.entities.len());
                None
            }
            Entry::Occupied(occupied) => Some(*occupied.get()),
        };
        if let Some(at) = at {
            let (Some(entity), Some(origin)) =
                (self.entities.get_mut(at), self.origins.get_mut(at))
            else {
                return;
            };
            let conflict = if kind != entity.kind {
                Some(col::KIND)
            } else if row.name_en != entity.name_en {
                Some(col::NAME_EN)
            } else if row.name_bn != entity.name_bn {
                Some(col::NAME_BN)
            } else {
                None
            };
            match conflict {
                Some(column) => self.errors.push(conflict_error(&row, column, origin)),
                None => merge(entity, origin, row, &mut self.errors),
            }
            return;
        }
        let at = (Arc::clone(&row.file), row.line);
        self.entities.push(Entity {
            id: row.id,
            kind,
            name_en: row.name_en,
            name_bn: row.name_bn,
            aliases_bn: row.aliases_bn,
            aliases_en: row.aliases_en,
            demonyms_bn: row.demonyms_bn,
            demonyms_en: row.demonyms_en,
            code: row.code,
            parent: row.parent,
            source: row.source,
        });
        self.origins.push(Origin {
            defined_at: at.clone(),
            parent_at: at,
            curated,
        });
    }

    /// An extension row: its entity must exist by now.
    fn extend(&mut self, row: Row<'static>) {
        let found = self.index.get(&row.id).copied();
        match found.and_then(|at| Some((self.entities.get_mut(at)?, self.origins.get_mut(at)?))) {
            Some((entity, origin)) => merge(entity, origin, row, &mut self.errors),
            None => self.errors.push(LoadError::new(
                Arc::clone(&row.file),
                row.line,
                Some(col::ID),
                LoadErrorKind::UnknownId {
                    id: row.id.into_owned(),
                },
            )),
        }
    }

    /// Every parent link must name a loaded entity; a bad one is reported
    /// and dropped (it only matters in lenient mode, where loading goes on).
    fn check_parents(&mut self) {
        for (entity, origin) in self.entities.iter_mut().zip(&self.origins) {
            let known = entity
                .parent
                .as_ref()
                .is_none_or(|parent| self.index.contains_key(&**parent));
            if known {
                continue;
            }
            if let Some(parent) = entity.parent.take() {
                self.errors.push(LoadError::new(
                    Arc::clone(&origin.parent_at.0),
                    origin.parent_at.1,
                    Some(col::PARENT),
                    LoadErrorKind::UnknownParent {
                        parent: parent.into_owned(),
                    },
                ));
            }
        }
    }

    /// The entities in load order, which of them are curated, the index by
    /// id, and the errors.
    fn finish(
        self,
    ) -> (
        Vec<Entity>,
        Vec<bool>,
        FastMap<Text<'static>, usize>,
        Vec<LoadError>,
    ) {
        let curated = self.origins.iter().map(|origin| origin.curated).collect();
        (self.entities, curated, self.index, self.errors)
    }
}

fn conflict_error(row: &Row<'_>, column: usize, origin: &Origin) -> LoadError {
    let (file, line) = &origin.defined_at;
    LoadError::new(
        Arc::clone(&row.file),
        row.line,
        Some(column),
        LoadErrorKind::Conflict {
            id: row.id.clone().into_owned(),
            field: column_name(column),
            first: format!("{file}:{line}"),
        },
    )
}

/// Adds a row's aliases and demonyms (and a code or parent the entity lacks)
/// to an entity, or nothing if any of them is a problem.
fn merge(entity: &mut Entity, origin: &mut Origin, row: Row<'static>, errors: &mut Vec<LoadError>) {
    let before = errors.len();
    for (column, new, old) in [
        (col::CODE, &row.code, &entity.code),
        (col::PARENT, &row.parent, &entity.parent),
    ] {
        if let (Some(new), Some(old)) = (new, old) {
            if new != old {
                errors.push(conflict_error(&row, column, origin));
            }
        }
    }
    // Merging is the rare path (extension rows), so the entity's keys are
    // folded here rather than kept for every entity: back to back in one
    // buffer, each with its span.
    let mut keys = Vec::new();
    let mut existing = Vec::new();
    for (field, name) in entity.names() {
        let start = keys.len();
        key::fold_into(name, &mut keys);
        existing.push((start..keys.len(), field, name));
    }
    let existing_end = keys.len();
    for (field, name) in row.list_names() {
        keys.truncate(existing_end);
        key::fold_into(name, &mut keys);
        let key = keys.get(existing_end..).unwrap_or_default();
        if let Some((_, first, first_name)) = existing
            .iter()
            .find(|(span, _, _)| keys.get(span.clone()) == Some(key))
        {
            errors.push(LoadError::new(
                Arc::clone(&row.file),
                row.line,
                Some(column_of(field)),
                LoadErrorKind::DuplicateName {
                    name: name.to_owned(),
                    first: (*first_name).to_owned(),
                    first_field: column_name(column_of(*first)),
                },
            ));
        }
    }
    if errors.len() > before {
        return;
    }
    entity.aliases_bn.extend(row.aliases_bn);
    entity.aliases_en.extend(row.aliases_en);
    entity.demonyms_bn.extend(row.demonyms_bn);
    entity.demonyms_en.extend(row.demonyms_en);
    if entity.code.is_none() {
        entity.code = row.code;
    }
    if entity.parent.is_none() && row.parent.is_some() {
        entity.parent = row.parent;
        origin.parent_at = (row.file, row.line);
    }
}
