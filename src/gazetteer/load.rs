//! Reading one gazetteer file into validated rows.
//!
//! Everything that can be checked on a row alone is checked here; what needs
//! the other rows and files (ids, extension targets, parents) is the
//! builder's job. A row with any error is reported and left out, never
//! half-loaded.

use core::ops::Range;
use std::borrow::Cow;
use std::sync::Arc;

use super::entity::{NameList, Text};
use super::error::{LoadError, LoadErrorKind};
use super::{Kind, NameField, COLUMNS};
use crate::normalize::key;
use crate::script::{self, BengaliClass, CLASSES, ZWJ, ZWNJ};
use crate::Normalizer;

/// 1-based column numbers, named for readability at the call sites.
pub(crate) mod col {
    pub const ID: usize = 1;
    pub const KIND: usize = 2;
    pub const NAME_EN: usize = 3;
    pub const NAME_BN: usize = 4;
    pub const CODE: usize = 9;
    pub const PARENT: usize = 10;
    pub const SOURCE: usize = 11;
}

/// The name of a 1-based column.
pub(crate) fn column_name(column: usize) -> &'static str {
    column
        .checked_sub(1)
        .and_then(|i| COLUMNS.get(i))
        .copied()
        .unwrap_or("(past the last column)")
}

/// The column a name field is written in.
pub(crate) fn column_of(field: NameField) -> usize {
    match field {
        NameField::NameEn => 3,
        NameField::NameBn => 4,
        NameField::AliasBn => 5,
        NameField::AliasEn => 6,
        NameField::DemonymBn => 7,
        NameField::DemonymEn => 8,
    }
}

/// One row's 11 cells, borrowed from the file or the record.
#[derive(Debug, PartialEq)]
struct RawRow<'a> {
    id: &'a str,
    kind: &'a str,
    name_en: &'a str,
    name_bn: &'a str,
    aliases_bn: &'a str,
    aliases_en: &'a str,
    demonyms_bn: &'a str,
    demonyms_en: &'a str,
    code: &'a str,
    parent: &'a str,
    source: &'a str,
}

/// A row that passed every check that needs only the row itself, with its
/// names in display form, borrowed from the file where it holds them so.
#[derive(Debug)]
pub(crate) struct Row<'t> {
    pub file: Arc<str>,
    pub line: u64,
    pub id: Text<'t>,
    /// `None` for an extension row.
    pub kind: Option<Kind>,
    /// Empty on an extension row.
    pub name_en: Text<'t>,
    /// Empty on an extension row.
    pub name_bn: Text<'t>,
    pub aliases_bn: NameList<'t>,
    pub aliases_en: NameList<'t>,
    pub demonyms_bn: NameList<'t>,
    pub demonyms_en: NameList<'t>,
    pub code: Option<Text<'t>>,
    pub parent: Option<Text<'t>>,
    pub source: Text<'t>,
}

impl Row<'_> {
    /// The row's aliases and demonyms with their fields.
    pub fn list_names(&self) -> impl Iterator<Item = (NameField, &str)> + '_ {
        [
            (NameField::AliasBn, &self.aliases_bn),
            (NameField::AliasEn, &self.aliases_en),
            (NameField::DemonymBn, &self.demonyms_bn),
            (NameField::DemonymEn, &self.demonyms_en),
        ]
        .into_iter()
        .flat_map(|(field, names)| names.iter().map(move |name| (field, name)))
    }

    /// The same row, owning its text: for files that do not outlive the
    /// build.
    pub fn into_static(self) -> Row<'static> {
        let own = |text: Text<'_>| -> Text<'static> { Cow::Owned(text.into_owned()) };
        Row {
            file: self.file,
            line: self.line,
            id: own(self.id),
            kind: self.kind,
            name_en: own(self.name_en),
            name_bn: own(self.name_bn),
            aliases_bn: self.aliases_bn.into_static(),
            aliases_en: self.aliases_en.into_static(),
            demonyms_bn: self.demonyms_bn.into_static(),
            demonyms_en: self.demonyms_en.into_static(),
            code: self.code.map(own),
            parent: self.parent.map(own),
            source: own(self.source),
        }
    }
}

/// Buffers reused from row to row: loading allocates little more than the
/// strings it keeps.
struct Scratch<'n> {
    normalizer: &'n Normalizer,
    /// Match keys of the current row's names, back to back.
    keys: Vec<u8>,
    /// Display forms of the current row's names, back to back.
    displays: String,
    /// Each name's spans in `keys` and `displays`, with its field.
    spans: Vec<(Range<usize>, Range<usize>, NameField)>,
}

/// Reads one file, handing each row that passes to `each`; every problem is
/// pushed to `errors`. `text` is the file as text when the caller already
/// knows it is valid UTF-8 (the shipped files), which saves validating it.
pub(crate) fn parse<'t>(
    file: &Arc<str>,
    bytes: &'t [u8],
    text: Option<&'t str>,
    normalizer: &Normalizer,
    errors: &mut Vec<LoadError>,
    mut each: impl FnMut(Row<'t>),
) {
    let error = |line: u64, column: Option<usize>, kind: LoadErrorKind| {
        LoadError::new(Arc::clone(file), line, column, kind)
    };
    let (bad_lines, text) = match text {
        Some(text) => (Vec::new(), Some(text)),
        None => invalid_utf8(bytes, |line, column, byte_offset| {
            errors.push(error(
                line,
                Some(column),
                LoadErrorKind::InvalidUtf8 { byte_offset },
            ));
        }),
    };
    // A byte-order mark is not part of the first column's name.
    let body = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let text = text.map(|t| t.strip_prefix('\u{FEFF}').unwrap_or(t));
    let mut scratch = Scratch {
        normalizer,
        keys: Vec::new(),
        displays: String::new(),
        spans: Vec::new(),
    };
    let mut seen_header = false;
    for record in Records::new(body) {
        let line = record.line;
        if bad_lines.binary_search(&line).is_ok() {
            // Reported already; the header is taken to be this line.
            seen_header = true;
            continue;
        }
        if is_blank(record.bytes) {
            continue;
        }
        if !seen_header {
            seen_header = true;
            check_header(record.bytes, |column, kind| {
                errors.push(error(line, Some(column), kind));
            });
            continue;
        }
        let found = record.cells;
        if found != COLUMNS.len() {
            let column = found.min(COLUMNS.len()) + 1;
            errors.push(error(
                line,
                Some(column),
                LoadErrorKind::ColumnCount { found },
            ));
            continue;
        }
        let raw = match cells(&record, text) {
            Some(raw) => raw,
            None => {
                errors.push(error(
                    line,
                    None,
                    LoadErrorKind::InvalidUtf8 {
                        byte_offset: record.start as u64,
                    },
                ));
                continue;
            }
        };
        let before = errors.len();
        let row = check_row(file, line, &raw, &mut scratch, &mut |column, kind| {
            errors.push(error(line, Some(column), kind));
        });
        if errors.len() == before {
            each(row);
        }
    }
    if !seen_header {
        errors.push(error(0, None, LoadErrorKind::MissingHeader));
    }
}

/// One record: the bytes of a line up to its end (or a lone `\r`), without
/// the terminator.
#[derive(Debug, PartialEq)]
struct Record<'a> {
    /// 1-based: one more than the `\n` bytes before the record.
    line: u64,
    /// Byte offset of the record in the body.
    start: usize,
    bytes: &'a [u8],
    /// How many cells the record has (tabs + 1).
    cells: usize,
    /// Offsets in `bytes` of its first ten tabs, which end the first ten
    /// of the eleven cells of a row.
    tabs: [usize; 10],
}

/// The records of a body, read as the format defines them (and as the `csv`
/// crate reads tab-separated text with quoting off and `#` comments): a
/// record ends at `\r` or `\n`; empty records are skipped; a `#` where a
/// record would start makes a comment that runs to the next `\n` (past any
/// `\r`). Cells are split at tabs by the caller.
///
/// Written out rather than using a general CSV reader: with no quoting a
/// record is a slice of the body, so there is nothing to copy, and line
/// numbers are counted on the way.
struct Records<'a> {
    body: &'a [u8],
    at: usize,
    line: u64,
}

impl<'a> Records<'a> {
    fn new(body: &'a [u8]) -> Self {
        Records {
            body,
            at: 0,
            line: 1,
        }
    }
}

impl<'a> Iterator for Records<'a> {
    type Item = Record<'a>;

    fn next(&mut self) -> Option<Record<'a>> {
        loop {
            let rest = self.body.get(self.at..)?;
            match rest.first()? {
                b'\n' => {
                    self.line += 1;
                    self.at += 1;
                }
                b'\r' => self.at += 1,
                b'#' => match memchr::memchr(b'\n', rest) {
                    Some(end) => {
                        self.line += 1;
                        self.at += end + 1;
                    }
                    // A comment that ends the body without a newline reads
                    // as an empty record on its line, as the `csv` crate
                    // reads it (blank, so skipped unless the line is bad).
                    None => {
                        let start = self.at;
                        self.at = self.body.len();
                        return Some(Record {
                            line: self.line,
                            start,
                            bytes: &[],
                            cells: 1,
                            tabs: [0; 10],
                        });
                    }
                },
                _ => {
                    let (len, cells, tabs) = scan_record(rest);
                    let start = self.at;
                    self.at += len;
                    return Some(Record {
                        line: self.line,
                        start,
                        bytes: rest.get(..len)?,
                        cells,
                        tabs,
                    });
                }
            }
        }
    }
}

/// The length of the record that starts `rest` (up to its `\r` or `\n`), its
/// cell count and its first ten tabs. The end is found with one `memchr2`;
/// the tabs by a plain loop over the record, since cells are short: a
/// `memchr` restarted at every tab costs more than it skips.
fn scan_record(rest: &[u8]) -> (usize, usize, [usize; 10]) {
    let len = memchr::memchr2(b'\n', b'\r', rest).unwrap_or(rest.len());
    let (mut cells, mut tabs) = (1, [0; 10]);
    for (at, &byte) in rest.get(..len).unwrap_or_default().iter().enumerate() {
        if byte == b'\t' {
            if let Some(tab) = tabs.get_mut(cells - 1) {
                *tab = at;
            }
            cells += 1;
        }
    }
    (len, cells, tabs)
}

/// How many `\n` bytes there are (the builder sizes its tables by it,
/// before reading any row).
pub(crate) fn count_newlines(bytes: &[u8]) -> usize {
    memchr::memchr_iter(b'\n', bytes).count()
}

/// The 11 cells of `record`, whose column count has been checked.
///
/// Where the whole file is valid UTF-8 (`text`), each cell is sliced from it
/// rather than validated a second time: tabs and line ends are ASCII, so
/// they never split a character. `None` when a cell is not UTF-8.
fn cells<'a>(record: &Record<'a>, text: Option<&'a str>) -> Option<RawRow<'a>> {
    let line = text.and_then(|text| text.get(record.start..record.start + record.bytes.len()));
    let mut cells = [""; 11];
    // Each cell ends at its tab, the last at the end of the record.
    let ends = record.tabs.iter().copied().chain([record.bytes.len()]);
    let cell_at = |span: Range<usize>| match line {
        Some(line) => line.get(span),
        None => core::str::from_utf8(record.bytes.get(span)?).ok(),
    };
    let mut from = 0;
    for (cell, to) in cells.iter_mut().zip(ends) {
        *cell = cell_at(from..to)?;
        from = to + 1;
    }
    let [id, kind, name_en, name_bn, aliases_bn, aliases_en, demonyms_bn, demonyms_en, code, parent, source] =
        cells;
    Some(RawRow {
        id,
        kind,
        name_en,
        name_bn,
        aliases_bn,
        aliases_en,
        demonyms_bn,
        demonyms_en,
        code,
        parent,
        source,
    })
}

/// Finds every invalid UTF-8 sequence, reporting its line, column (field
/// number) and byte offset; returns the bad line numbers in order, and the
/// file as text when it is all valid.
fn invalid_utf8(bytes: &[u8], mut report: impl FnMut(u64, usize, u64)) -> (Vec<u64>, Option<&str>) {
    let mut bad = Vec::new();
    let mut at = 0;
    while let Some(rest) = bytes.get(at..) {
        let error = match core::str::from_utf8(rest) {
            Ok(text) if at == 0 => return (bad, Some(text)),
            Ok(_) => break,
            Err(error) => error,
        };
        let offset = at + error.valid_up_to();
        let before = bytes.get(..offset).unwrap_or_default();
        let line_start = before
            .iter()
            .rposition(|&b| b == b'\n')
            .map_or(0, |i| i + 1);
        let line = 1 + before.iter().filter(|&&b| b == b'\n').count() as u64;
        let column = 1 + before
            .get(line_start..)
            .unwrap_or_default()
            .iter()
            .filter(|&&b| b == b'\t')
            .count();
        report(line, column, offset as u64);
        if bad.last() != Some(&line) {
            bad.push(line);
        }
        // Resume after the bad sequence (or one byte, at a truncated end).
        at = offset + error.error_len().unwrap_or(1);
    }
    (bad, None)
}

/// A line with nothing but whitespace counts as blank.
fn is_blank(record: &[u8]) -> bool {
    !record.contains(&b'\t') && record.trim_ascii().is_empty()
}

fn check_header(record: &[u8], mut report: impl FnMut(usize, LoadErrorKind)) {
    let mut cells = record.split(|&b| b == b'\t');
    for i in 0.. {
        let found = cells
            .next()
            .map(|f| String::from_utf8_lossy(f.trim_ascii()).into_owned());
        if found.is_none() && i >= COLUMNS.len() {
            return;
        }
        let expected = COLUMNS.get(i).copied();
        let found_text = found.as_deref().map(|f| f.trim_start_matches('\u{FEFF}'));
        if found_text != expected {
            report(
                i + 1,
                LoadErrorKind::BadHeader {
                    expected: expected.unwrap_or("(end of row)"),
                    found: found_text.unwrap_or_default().to_owned(),
                },
            );
            return;
        }
    }
}

/// Checks one row of 11 fields; reports every problem with its column.
fn check_row<'t>(
    file: &Arc<str>,
    line: u64,
    raw: &RawRow<'t>,
    scratch: &mut Scratch<'_>,
    report: &mut dyn FnMut(usize, LoadErrorKind),
) -> Row<'t> {
    scratch.keys.clear();
    scratch.displays.clear();
    scratch.spans.clear();
    let id = trim(raw.id);
    if !is_valid_id(id) {
        report(col::ID, LoadErrorKind::InvalidId { id: id.to_owned() });
    }
    let optional = |text: &'t str| {
        Some(trim(text))
            .filter(|t| !t.is_empty())
            .map(Cow::Borrowed)
    };
    let mut row = Row {
        file: Arc::clone(file),
        line,
        id: Cow::Borrowed(id),
        kind: None,
        name_en: Cow::Borrowed(""),
        name_bn: Cow::Borrowed(""),
        aliases_bn: NameList::default(),
        aliases_en: NameList::default(),
        demonyms_bn: NameList::default(),
        demonyms_en: NameList::default(),
        code: optional(raw.code),
        parent: optional(raw.parent),
        source: Cow::Borrowed(trim(raw.source)),
    };
    let kind_text = trim(raw.kind);
    let extension =
        kind_text.is_empty() && trim(raw.name_en).is_empty() && trim(raw.name_bn).is_empty();
    if !extension {
        if kind_text.is_empty() {
            report(col::KIND, LoadErrorKind::EmptyField { field: "kind" });
        } else {
            match kind_text.parse::<Kind>() {
                Ok(kind) => row.kind = Some(kind),
                Err(_) => report(
                    col::KIND,
                    LoadErrorKind::UnknownKind {
                        found: kind_text.to_owned(),
                    },
                ),
            }
        }
        for (field, text) in [
            (NameField::NameEn, raw.name_en),
            (NameField::NameBn, raw.name_bn),
        ] {
            let column = column_of(field);
            if trim(text).is_empty() {
                report(
                    column,
                    LoadErrorKind::EmptyField {
                        field: column_name(column),
                    },
                );
            } else if let Some(name) = scratch.check_name(field, text, report) {
                match field {
                    NameField::NameEn => row.name_en = name,
                    _ => row.name_bn = name,
                }
            }
        }
        if row.source.is_empty() {
            report(col::SOURCE, LoadErrorKind::EmptyField { field: "source" });
        }
    }
    for (field, cell) in [
        (NameField::AliasBn, raw.aliases_bn),
        (NameField::AliasEn, raw.aliases_en),
        (NameField::DemonymBn, raw.demonyms_bn),
        (NameField::DemonymEn, raw.demonyms_en),
    ] {
        if trim(cell).is_empty() {
            continue;
        }
        let mut empty_reported = false;
        // The cell is the list itself while every name is as written.
        let mut as_written = true;
        for element in cell.split('|') {
            if trim(element).is_empty() {
                if !empty_reported {
                    let column = column_of(field);
                    report(
                        column,
                        LoadErrorKind::EmptyListElement {
                            field: column_name(column),
                        },
                    );
                    empty_reported = true;
                }
            } else if let Some(name) = scratch.check_name(field, element, report) {
                as_written &= matches!(name, Cow::Borrowed(name) if name.len() == element.len());
            }
        }
        let list = if as_written {
            NameList::Joined(Cow::Borrowed(cell))
        } else {
            NameList::Separate(scratch.displays_of(field).map(Box::from).collect())
        };
        match field {
            NameField::AliasBn => row.aliases_bn = list,
            NameField::AliasEn => row.aliases_en = list,
            NameField::DemonymBn => row.demonyms_bn = list,
            NameField::DemonymEn | NameField::NameEn | NameField::NameBn => row.demonyms_en = list,
        }
    }
    row
}

/// `str::trim`, with a shortcut for the usual cell: one that starts with a
/// printable ASCII or Bengali-block byte (no whitespace starts with one)
/// and ends in printable ASCII or a character of the Bengali block (which
/// has no whitespace), judged from its last bytes without decoding.
fn trim(text: &str) -> &str {
    let bytes = text.as_bytes();
    let clean_start = bytes
        .first()
        .is_some_and(|&b| (0x21..0x7F).contains(&b) || b == 0xE0);
    let clean_end = match bytes {
        [.., last] if (0x21..0x7F).contains(last) => true,
        // A str ends with whole characters: these are U+0980..=U+09FF.
        [.., 0xE0, 0xA6 | 0xA7, _] => true,
        _ => false,
    };
    if clean_start && clean_end {
        text
    } else {
        text.trim()
    }
}

/// Ids are printable ASCII without spaces: they go into URLs, JSON and
/// command lines unquoted.
fn is_valid_id(id: &str) -> bool {
    !id.is_empty() && id.bytes().all(|b| b.is_ascii_graphic())
}

impl Scratch<'_> {
    /// Normalizes and checks one name of the current row; returns its
    /// display form if it passes, borrowed from `text` where `text` holds it.
    fn check_name<'t>(
        &mut self,
        field: NameField,
        text: &'t str,
        report: &mut dyn FnMut(usize, LoadErrorKind),
    ) -> Option<Text<'t>> {
        let column = column_of(field);
        let display = match self.normalizer.normalize_str(trim(text)) {
            Cow::Borrowed(display) => Cow::Borrowed(trim(display)),
            Cow::Owned(display) if trim(&display).len() == display.len() => Cow::Owned(display),
            Cow::Owned(display) => Cow::Owned(trim(&display).to_owned()),
        };
        // The key goes straight into the row's key buffer, and is taken back
        // out if the name fails.
        let key_start = self.keys.len();
        key::fold_into(&display, &mut self.keys);
        let key = self.keys.get(key_start..).unwrap_or_default();
        if !key.iter().any(|&b| key::is_word_byte(b)) {
            self.keys.truncate(key_start);
            report(
                column,
                LoadErrorKind::NormalizesToNothing {
                    name: text.to_owned(),
                },
            );
            return None;
        }
        if let Some((char_index, sign)) = baseless_sign(&display) {
            self.keys.truncate(key_start);
            report(
                column,
                LoadErrorKind::MalformedBengali {
                    name: display.into_owned(),
                    sign,
                    char_index,
                },
            );
            return None;
        }
        let earlier = self
            .spans
            .iter()
            .find(|(span, _, _)| self.keys.get(span.clone()) == Some(key));
        if let Some((_, first, first_field)) = earlier {
            let error = LoadErrorKind::DuplicateName {
                name: display.into_owned(),
                first: self
                    .displays
                    .get(first.clone())
                    .unwrap_or_default()
                    .to_owned(),
                first_field: column_name(column_of(*first_field)),
            };
            self.keys.truncate(key_start);
            report(column, error);
            return None;
        }
        let display_start = self.displays.len();
        self.displays.push_str(&display);
        self.spans.push((
            key_start..self.keys.len(),
            display_start..self.displays.len(),
            field,
        ));
        Some(display)
    }

    /// The display forms of the current row's names of `field`, in order.
    fn displays_of(&self, field: NameField) -> impl Iterator<Item = &str> + '_ {
        self.spans
            .iter()
            .filter(move |(_, _, of)| *of == field)
            .map(|(_, display, _)| self.displays.get(display.clone()).unwrap_or_default())
    }
}

/// The first sign that needs a base letter (vowel sign, virama, nukta,
/// candrabindu/anusvara/visarga) but follows no Bengali letter: at the start
/// of the name, after a space, a digit, punctuation or a Latin letter.
fn baseless_sign(name: &str) -> Option<(usize, char)> {
    // Every sign is outside ASCII; half the names are English.
    if name.is_ascii() {
        return None;
    }
    // Whether the character before is one a sign may follow: decided once
    // per character, as it goes by. ASCII is neither a sign nor a base, and
    // Bengali-block characters, most of a Bengali name, are looked up by
    // their bytes without decoding.
    let bytes = name.as_bytes();
    let (mut at, mut index, mut after_base) = (0, 0, false);
    while let Some(&b0) = bytes.get(at) {
        if let Some(offset) = script::block_offset(bytes.get(at..).unwrap_or_default()) {
            let sign = SIGNS.get(usize::from(offset)).copied().unwrap_or(0);
            if sign & NEEDS_BASE != 0 && !after_base {
                return char::from_u32(0x980 + u32::from(offset)).map(|c| (index, c));
            }
            after_base = sign & IS_BASE != 0;
            at += 3;
        } else if b0 < 0x80 {
            after_base = false;
            at += 1;
        } else {
            let c = name.get(at..).and_then(|rest| rest.chars().next())?;
            // Outside the block nothing is a sign, and only the joiners
            // carry a base across.
            after_base = c == ZWJ || c == ZWNJ;
            at += c.len_utf8();
        }
        index += 1;
    }
    None
}

/// [`SIGNS`] bit: the character is a sign that needs a base.
const NEEDS_BASE: u8 = 1;
/// [`SIGNS`] bit: a sign may follow the character (a Bengali letter or sign,
/// not a digit).
const IS_BASE: u8 = 2;

/// The two bits of every Bengali-block character, from the script table.
// Evaluated at compile time, where an index out of bounds is a build error.
#[allow(clippy::indexing_slicing)]
static SIGNS: [u8; 128] = {
    let mut table = [0; 128];
    let mut i = 0;
    while i < 128 {
        let class = CLASSES[i];
        let needs_base = if class.is_mark() { NEEDS_BASE } else { 0 };
        let is_base = if class.is_word() && !matches!(class, BengaliClass::Digit) {
            IS_BASE
        } else {
            0
        };
        table[i] = needs_base | is_base;
        i += 1;
    }
    table
};

#[cfg(test)]
mod tests {
    use super::*;

    /// Records, line numbers and cells as the `csv` crate (tab-delimited,
    /// quoting off, `#` comments) and a newline count give them.
    fn reference(body: &[u8]) -> Vec<(u64, Vec<Vec<u8>>)> {
        let mut reader = csv::ReaderBuilder::new()
            .delimiter(b'\t')
            .has_headers(false)
            .flexible(true)
            .quoting(false)
            .comment(Some(b'#'))
            .from_reader(body);
        let mut record = csv::ByteRecord::new();
        let mut found = Vec::new();
        let (mut line, mut counted) = (1, 0);
        while reader.read_byte_record(&mut record).unwrap() {
            // The position is where the reader started: before skipped
            // line ends and comments. The first cell's bytes start the record.
            let from = record.position().unwrap().byte() as usize;
            let mut start = from;
            while start < body.len() {
                match body[start] {
                    b'\n' | b'\r' => start += 1,
                    b'#' => match body[start..].iter().position(|&b| b == b'\n') {
                        Some(end) => start += end + 1,
                        None => start = body.len(),
                    },
                    _ => break,
                }
            }
            line += body[counted..start].iter().filter(|&&b| b == b'\n').count() as u64;
            counted = start;
            found.push((line, record.iter().map(<[u8]>::to_vec).collect()));
        }
        found
    }

    fn split(body: &[u8]) -> Vec<(u64, Vec<Vec<u8>>)> {
        Records::new(body)
            .map(|r| {
                assert_eq!(&body[r.start..r.start + r.bytes.len()], r.bytes);
                let tabs: Vec<usize> = (0..r.bytes.len())
                    .filter(|&i| r.bytes[i] == b'\t')
                    .collect();
                assert_eq!(r.cells, tabs.len() + 1);
                assert!(tabs.iter().zip(&r.tabs).all(|(a, b)| a == b));
                (
                    r.line,
                    r.bytes.split(|&b| b == b'\t').map(<[u8]>::to_vec).collect(),
                )
            })
            .collect()
    }

    #[test]
    fn records_are_read_as_the_csv_crate_reads_them() {
        let tricky: &[&[u8]] = &[
            b"a\tb\nc\td",
            b"a\r\nb\r\n\r\nc\n",
            b"a\rb\n\rc\r\rd\n\n",
            b"# x\r y\na\n#\n\n#z",
            b"a\r#c\rd\ne\n",
            b"\t\n \n\t\t\n#\t\na\t",
            b"\"q\"\t\"r\tx\"\n a # b\n",
            b"",
            b"\n\n\r",
            b"#",
            b"a\xFF\tb\n\xE0\xA6\n",
            b"\x89\x8A\x8D\x0B\x0C abcdefgh\t\x89\x8A\x8D\x08\x0E\r\x8A\t\t\t\t\t\t\t\t\t\t\t\t\n",
            b"0123456789abcdef\t0123456\t\t\t\t\t\t\t\t\t\t\t\t\txyz\n",
            "ঢাকা\tঢাকা বিভাগ\tabcdefghijklmnopq\r\n".as_bytes(),
        ];
        for body in tricky {
            assert_eq!(split(body), reference(body), "{body:?}");
        }
        for file in super::super::embedded::FILES {
            let body = file.text.as_bytes();
            assert_eq!(split(body), reference(body), "{}", file.path);
        }
    }

    #[test]
    fn trim_is_str_trim() {
        for text in [
            "",
            " ",
            "a",
            " a",
            "a ",
            "\u{A0}ক\u{3000}",
            "ক",
            "ক\u{2009}",
            "\u{2003}x",
            "a\tb",
            "ক\u{85}",
            "\u{1680}ক",
            "#",
            "\u{0800}a",
        ] {
            assert_eq!(
                trim(text),
                text.trim(),
                "{:04X?}",
                text.chars().map(u32::from).collect::<Vec<_>>()
            );
        }
    }

    #[test]
    fn newlines_are_counted_in_any_bytes() {
        let bytes: Vec<u8> = (0..=255u8)
            .chain(b"\n\n\x8A\x0A\n".iter().copied())
            .collect();
        for start in 0..9 {
            let part = &bytes[start..];
            let expected = part.iter().filter(|&&b| b == b'\n').count();
            assert_eq!(count_newlines(part), expected, "from {start}");
        }
        assert_eq!(count_newlines(b"\n\n\n\n\n\n\n\n\n"), 9);
    }

    #[test]
    fn cells_are_sliced_or_validated_alike() {
        let body = "a\tক\tb\t\t\t\t\t\t\t\tz\nx\ty";
        let record = Records::new(body.as_bytes()).next().unwrap();
        let fast = cells(&record, Some(body)).unwrap();
        assert_eq!(fast, cells(&record, None).unwrap());
        assert_eq!((fast.kind, fast.name_en, fast.source), ("ক", "b", "z"));
        let bad = Records::new(b"a\t\xFF\tb").next().unwrap();
        assert_eq!(cells(&bad, None), None);
    }

    #[test]
    fn baseless_signs_are_found_at_starts_and_after_spaces() {
        assert_eq!(baseless_sign("\u{09BF}ক"), Some((0, '\u{09BF}')));
        assert_eq!(baseless_sign("ক \u{09CD}খ"), Some((2, '\u{09CD}')));
        assert_eq!(baseless_sign("1\u{09BC}"), Some((1, '\u{09BC}')));
        assert_eq!(baseless_sign("কি খ্র র\u{200D}\u{09CD}য আঁ"), None);
    }

    /// The definition `baseless_sign` implements from bytes: a sign whose
    /// previous character is neither a joiner nor a Bengali letter or sign.
    fn baseless_sign_by_chars(name: &str) -> Option<(usize, char)> {
        let mut previous: Option<char> = None;
        for (index, c) in name.chars().enumerate() {
            if crate::script::class_of(c).is_some_and(BengaliClass::is_mark) {
                let has_base = previous.is_some_and(|p| {
                    p == ZWJ
                        || p == ZWNJ
                        || crate::script::class_of(p)
                            .is_some_and(|class| class.is_word() && class != BengaliClass::Digit)
                });
                if !has_base {
                    return Some((index, c));
                }
            }
            previous = Some(c);
        }
        None
    }

    #[test]
    fn baseless_signs_are_found_as_defined() {
        // Every class of the block, the joiners, ASCII, Latin and a
        // character outside both, in every sequence of up to three.
        let mut alphabet: Vec<char> = ('\u{0980}'..='\u{09FF}').collect();
        alphabet.extend([
            'a', ' ', '1', '-', 'é', '\u{0301}', ZWJ, ZWNJ, '\u{0915}', '€',
        ]);
        let mut checked = 0;
        for &a in &alphabet {
            for &b in &alphabet {
                for c in ['\u{09BF}', '\u{09CD}', '\u{0995}', ZWJ, ' ', '\u{09BC}'] {
                    let name: String = [a, b, c].iter().collect();
                    assert_eq!(
                        baseless_sign(&name),
                        baseless_sign_by_chars(&name),
                        "{:04X?}",
                        name.chars().map(u32::from).collect::<Vec<_>>()
                    );
                    checked += 1;
                }
            }
        }
        assert!(checked > 100_000);
    }

    #[test]
    fn invalid_utf8_is_located() {
        let mut found = Vec::new();
        let (lines, text) =
            invalid_utf8(b"ab\ncd\t\xFFx\xFE\n\xC3", |l, c, o| found.push((l, c, o)));
        assert_eq!(found, vec![(2, 2, 6), (2, 2, 8), (3, 1, 10)]);
        assert_eq!(lines, vec![2, 3]);
        assert_eq!(text, None);
        assert_eq!(
            invalid_utf8(b"ab\tc", |_, _, _| ()),
            (vec![], Some("ab\tc"))
        );
    }

    #[test]
    fn column_names_match_columns() {
        assert_eq!(column_name(col::CODE), "code");
        assert_eq!(column_name(col::PARENT), "parent");
        assert_eq!(column_name(12), "(past the last column)");
        assert_eq!(column_name(column_of(NameField::AliasBn)), "aliases_bn");
        assert_eq!(column_name(column_of(NameField::DemonymEn)), "demonyms_en");
    }
}
