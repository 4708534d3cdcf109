//! Streaming text input for the CLI: files or stdin, read in bounded chunks,
//! validated as UTF-8 with errors that name the file and byte offset.

use std::fmt;
use std::fs::File;
use std::io::{self, BufRead, BufReader};
use std::path::PathBuf;

/// Lines longer than this are split (after a sentence end, or else after
/// whitespace) so memory stays flat.
pub const MAX_CHUNK: usize = 1 << 20;

/// Hidden override of [`MAX_CHUNK`] for tests: the chunk bound in bytes
/// (at least 8). Not a user option: it exists so that the tests can cross the
/// bound with small files.
pub const MAX_CHUNK_ENV: &str = "BENGALI_NAMES_MAX_CHUNK";

/// The chunk bound: [`MAX_CHUNK`] unless [`MAX_CHUNK_ENV`] holds a number.
pub fn max_chunk() -> usize {
    std::env::var(MAX_CHUNK_ENV)
        .ok()
        .and_then(|v| v.trim().parse::<usize>().ok())
        .unwrap_or(MAX_CHUNK)
}

/// Where input comes from.
#[derive(Clone, Debug)]
pub enum Source {
    /// Standard input.
    Stdin,
    /// A file on disk.
    File(PathBuf),
}

impl Source {
    /// The sources named on the command line, or stdin when there are none.
    pub fn from_args(files: &[PathBuf]) -> Vec<Source> {
        if files.is_empty() {
            vec![Source::Stdin]
        } else {
            files.iter().cloned().map(Source::File).collect()
        }
    }

    /// Opens the source for reading.
    pub fn open(&self) -> Result<Box<dyn BufRead>, InputError> {
        match self {
            Source::Stdin => Ok(Box::new(BufReader::with_capacity(1 << 16, io::stdin()))),
            Source::File(path) => File::open(path)
                .map(|f| Box::new(BufReader::with_capacity(1 << 16, f)) as Box<dyn BufRead>)
                .map_err(|error| InputError::Open {
                    name: self.to_string(),
                    error,
                }),
        }
    }
}

impl fmt::Display for Source {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Source::Stdin => f.write_str("<stdin>"),
            Source::File(path) => write!(f, "{}", path.display()),
        }
    }
}

/// Why input could not be read.
#[derive(Debug)]
pub enum InputError {
    /// The file could not be opened.
    Open {
        /// File name.
        name: String,
        /// The OS error.
        error: io::Error,
    },
    /// Reading failed part way.
    Read {
        /// File name.
        name: String,
        /// The OS error.
        error: io::Error,
    },
    /// The bytes are not UTF-8.
    Utf8 {
        /// File name.
        name: String,
        /// Byte offset of the first invalid byte, from the start of the input.
        offset: u64,
        /// 1-based line number of that byte.
        line: u64,
    },
}

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            InputError::Open { name, error } => write!(f, "{name}: cannot open: {error}"),
            InputError::Read { name, error } => write!(f, "{name}: cannot read: {error}"),
            InputError::Utf8 { name, offset, line } => write!(
                f,
                "{name}:{line}: invalid UTF-8 at byte offset {offset} (use --lossy to replace invalid bytes with U+FFFD)"
            ),
        }
    }
}

impl std::error::Error for InputError {}

/// A piece of input text: a whole line (with its line break), or part of a
/// line too long to hold at once, split after whitespace.
#[derive(Debug)]
pub struct Chunk {
    /// The text, line break included.
    pub text: String,
    /// Byte offset of the chunk in the input.
    pub offset: u64,
    /// With `--lossy`: (offset in `text`, offset in the input bytes of the
    /// chunk) just after each U+FFFD that replaced invalid bytes.
    replaced: Vec<(usize, usize)>,
}

impl Chunk {
    /// The input byte offset of byte offset `at` of the text (a char
    /// boundary): U+FFFD is 3 bytes of text but stood for 1 to 3 input bytes.
    pub fn input_offset(&self, at: usize) -> u64 {
        let before = self
            .replaced
            .partition_point(|&(text_end, _)| text_end <= at);
        let shifted = match before.checked_sub(1).and_then(|i| self.replaced.get(i)) {
            Some(&(text_end, raw_end)) => at - text_end + raw_end,
            None => at,
        };
        self.offset + shifted as u64
    }
}

/// Reads a source chunk by chunk in constant memory.
pub struct Chunks {
    reader: Box<dyn BufRead>,
    name: String,
    lossy: bool,
    max: usize,
    offset: u64,
    line: u64,
    carry: Vec<u8>,
    /// Number of invalid sequences replaced in lossy mode.
    pub replaced: u64,
}

impl Chunks {
    /// Chunks of `source`, opened now.
    pub fn open(source: &Source, lossy: bool) -> Result<Self, InputError> {
        Ok(Self::new(
            source.open()?,
            source.to_string(),
            lossy,
            max_chunk(),
        ))
    }

    /// Chunks of any reader, with `max` the chunk size bound.
    pub fn new(reader: Box<dyn BufRead>, name: String, lossy: bool, max: usize) -> Self {
        Chunks {
            reader,
            name,
            lossy,
            max: max.max(8),
            offset: 0,
            line: 1,
            carry: Vec::new(),
            replaced: 0,
        }
    }

    /// Bytes of input consumed so far (raw bytes, before any lossy
    /// replacement).
    pub fn bytes_read(&self) -> u64 {
        self.offset
    }

    /// The next chunk, or `None` at the end of input.
    pub fn next_chunk(&mut self) -> Result<Option<Chunk>, InputError> {
        let mut buf = std::mem::take(&mut self.carry);
        loop {
            if let Some(pos) = buf.iter().position(|&b| b == b'\n') {
                if pos + 1 < buf.len() {
                    self.carry = buf.split_off(pos + 1);
                }
                break;
            }
            if buf.len() >= self.max {
                let split = split_point(&buf, self.max);
                self.carry = buf.split_off(split);
                break;
            }
            let available = match self.reader.fill_buf() {
                Ok(bytes) => bytes,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(error) => {
                    return Err(InputError::Read {
                        name: self.name.clone(),
                        error,
                    })
                }
            };
            if available.is_empty() {
                break;
            }
            let room = self.max.saturating_sub(buf.len()).max(1);
            let take = match available.iter().take(room).position(|&b| b == b'\n') {
                Some(pos) => pos + 1,
                None => available.len().min(room),
            };
            buf.extend_from_slice(available.get(..take).unwrap_or_default());
            self.reader.consume(take);
        }
        if buf.is_empty() {
            return Ok(None);
        }
        let offset = self.offset;
        self.offset += buf.len() as u64;
        let text = match String::from_utf8(buf) {
            Ok(text) => text,
            Err(e) if self.lossy => {
                let (text, replaced) = replace_invalid(&e.into_bytes());
                self.replaced += replaced.len() as u64;
                self.line += u64::from(text.ends_with('\n'));
                return Ok(Some(Chunk {
                    text,
                    offset,
                    replaced,
                }));
            }
            Err(e) => {
                let valid = e.utf8_error().valid_up_to();
                let line = self.line
                    + e.as_bytes()
                        .get(..valid)
                        .unwrap_or_default()
                        .iter()
                        .filter(|&&b| b == b'\n')
                        .count() as u64;
                return Err(InputError::Utf8 {
                    name: self.name.clone(),
                    offset: offset + valid as u64,
                    line,
                });
            }
        };
        self.line += u64::from(text.ends_with('\n'));
        Ok(Some(Chunk {
            text,
            offset,
            replaced: Vec::new(),
        }))
    }
}

/// `bytes` with each invalid UTF-8 sequence (each maximal invalid part, as
/// [`String::from_utf8_lossy`] cuts them) replaced by U+FFFD, and where the
/// replacements end: (offset in the text, offset in `bytes`) after each.
fn replace_invalid(bytes: &[u8]) -> (String, Vec<(usize, usize)>) {
    let mut text = String::with_capacity(bytes.len() + 8);
    let mut replaced = Vec::new();
    let mut raw = 0;
    for part in bytes.utf8_chunks() {
        text.push_str(part.valid());
        raw += part.valid().len();
        if !part.invalid().is_empty() {
            text.push(char::REPLACEMENT_CHARACTER);
            raw += part.invalid().len();
            replaced.push((text.len(), raw));
        }
    }
    (text, replaced)
}

/// Where to cut a buffer of at least `max` bytes with no line break.
///
/// A multi-word name (উত্তর কোরিয়া) contains spaces, so a cut at any space
/// could split a mention. The cut therefore goes, in order of preference:
/// 1. after the whitespace that follows the last sentence end (danda `।`,
///    double danda `॥`, `?`, `!`) in the window: no alias contains one, so
///    no mention crosses it (a chunk may then be short; the next one starts
///    a full window on);
/// 2. after the last whitespace byte, so no word is cut (a multi-word name
///    may be, in a text with no sentence end in a whole chunk);
/// 3. at the last UTF-8 boundary, when the window has no whitespace at all.
fn split_point(buf: &[u8], max: usize) -> usize {
    let window = buf.get(..max).unwrap_or(buf);
    let is_space = |b: &u8| matches!(*b, b' ' | b'\t' | b'\r');
    let after_sentence_end = (0..window.len()).rev().find(|&i| {
        window.get(i).is_some_and(is_space) && {
            let before = window.get(..i).unwrap_or_default();
            before.ends_with("।".as_bytes())
                || before.ends_with("॥".as_bytes())
                || before.ends_with(b"?")
                || before.ends_with(b"!")
        }
    });
    if let Some(ws) = after_sentence_end {
        return ws + 1;
    }
    if let Some(ws) = window.iter().rposition(is_space) {
        return ws + 1;
    }
    // Never inside a UTF-8 sequence: an incomplete one at the end waits for
    // the next chunk (invalid bytes are left for the decoder to report).
    match core::str::from_utf8(window) {
        Err(e) if e.error_len().is_none() && e.valid_up_to() > 0 => e.valid_up_to(),
        _ => window.len(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chunks_of(bytes: &[u8], max: usize, lossy: bool) -> Result<Vec<Chunk>, InputError> {
        let mut chunks = Chunks::new(
            Box::new(io::Cursor::new(bytes.to_vec())),
            "t".into(),
            lossy,
            max,
        );
        let mut out = Vec::new();
        while let Some(chunk) = chunks.next_chunk()? {
            out.push(chunk);
        }
        Ok(out)
    }

    #[test]
    fn lines_keep_their_breaks_and_offsets() {
        let chunks = chunks_of("ক\nখ\r\n\ngh".as_bytes(), 1 << 10, false).unwrap();
        let texts: Vec<_> = chunks.iter().map(|c| c.text.as_str()).collect();
        assert_eq!(texts, ["ক\n", "খ\r\n", "\n", "gh"]);
        assert_eq!(
            chunks.iter().map(|c| c.offset).collect::<Vec<_>>(),
            [0, 4, 9, 10]
        );
    }

    #[test]
    fn long_lines_split_after_whitespace() {
        let line = "রাশিয়া ".repeat(50);
        let chunks = chunks_of(line.as_bytes(), 64, false).unwrap();
        assert!(chunks.len() > 1);
        assert_eq!(
            chunks.iter().map(|c| c.text.as_str()).collect::<String>(),
            line
        );
        for chunk in &chunks {
            assert!(chunk.text.ends_with(' '), "{:?}", chunk.text);
        }
    }

    #[test]
    fn long_lines_split_after_a_sentence_end_first() {
        // The bound falls inside উত্তর কোরিয়া; the cut goes after the danda.
        let line = "ক খ গ। উত্তর কোরিয়া বলেছে";
        let max = "ক খ গ। উত্তর ক".len();
        let chunks = chunks_of(line.as_bytes(), max, false).unwrap();
        assert_eq!(chunks[0].text, "ক খ গ। ");
        assert_eq!(
            chunks.iter().map(|c| c.text.as_str()).collect::<String>(),
            line
        );
    }

    #[test]
    fn lossy_counts_invalid_sequences_not_replacement_characters() {
        let mut chunks = Chunks::new(
            Box::new(io::Cursor::new(b"\xEF\xBF\xBD a\xFF\xFEb\n".to_vec())),
            "t".into(),
            true,
            1 << 10,
        );
        let chunk = chunks.next_chunk().unwrap().unwrap();
        assert_eq!(chunk.text, "\u{FFFD} a\u{FFFD}\u{FFFD}b\n");
        assert_eq!(chunks.replaced, 2);
        assert_eq!(chunks.bytes_read(), 9);
    }

    #[test]
    fn long_words_split_on_char_boundaries() {
        let line = "ক".repeat(100);
        let chunks = chunks_of(line.as_bytes(), 10, false).unwrap();
        assert_eq!(
            chunks.iter().map(|c| c.text.as_str()).collect::<String>(),
            line
        );
    }

    #[test]
    fn invalid_utf8_names_the_byte_offset() {
        let err = chunks_of(b"ok\nab\xFFcd\n", 1 << 10, false).unwrap_err();
        assert_eq!(err.to_string(), "t:2: invalid UTF-8 at byte offset 5 (use --lossy to replace invalid bytes with U+FFFD)");
        let chunks = chunks_of(b"ok\nab\xFFcd\n", 1 << 10, true).unwrap();
        assert_eq!(chunks[1].text, "ab\u{FFFD}cd\n");
    }
}
