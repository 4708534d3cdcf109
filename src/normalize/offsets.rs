//! Maps from positions in normalized text back to the caller's original bytes.

use core::ops::Range;

/// One changed cluster: `output` bytes of the normalized text came from
/// `input` bytes of the original. Text between edits was copied unchanged.
///
/// ```
/// use bengali_names::normalize::Edit;
/// let out = bengali_names::Normalizer::new().normalize("ab\u{00AD}c");
/// assert_eq!(out.text(), "abc");
/// // The soft hyphen was deleted with the cluster before it.
/// assert_eq!(out.offsets().edits(), [Edit { output: 1..2, input: 1..4 }]);
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Edit {
    /// Byte range in the normalized text.
    pub output: Range<usize>,
    /// Byte range in the original text.
    pub input: Range<usize>,
}

/// Maps byte offsets of a normalized text back to the original text.
///
/// Unchanged text maps byte for byte; a changed cluster maps to the whole
/// input cluster it came from (rules such as NFC and visual-order repair
/// reorder or merge code points, so nothing finer is meaningful), except
/// for the signs it ends with unchanged, which keep their own map: in
/// য়ের written with a precomposed য় (U+09DF), only য় changed, and the
/// suffix ের after a name maps to itself. The map is monotonic, and a span
/// of the output maps to a span of the input that starts and ends on char
/// boundaries.
///
/// ```
/// use bengali_names::Normalizer;
/// // U+09C7 U+09BE (e-kar + aa-kar, two code points) composes into ো U+09CB.
/// let input = "ক\u{09C7}\u{09BE}ল";
/// let out = Normalizer::new().normalize(input);
/// assert_eq!(out.text(), "ক\u{09CB}ল");
/// let map = out.offsets();
/// // কো is one changed cluster: any part of it maps to the whole input cluster.
/// assert_eq!(map.span_to_input(3..6), 0..9);
/// assert_eq!(&input[map.span_to_input(6..9)], "ল");
/// // য় ে: the precomposed য় became য ়, the e-kar after it is its own.
/// let input = "\u{09DF}\u{09C7}র";
/// let out = Normalizer::new().normalize(input);
/// assert_eq!(out.text(), "\u{09AF}\u{09BC}\u{09C7}র");
/// assert_eq!(out.offsets().span_to_input(0..6), 0..3);
/// assert_eq!(out.offsets().span_to_input(6..12), 3..9);
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct OffsetMap {
    edits: Vec<Edit>,
}

impl OffsetMap {
    /// The identity map (nothing changed).
    ///
    /// ```
    /// let map = bengali_names::OffsetMap::identity();
    /// assert!(map.is_identity());
    /// assert_eq!(map.span_to_input(2..5), 2..5);
    /// ```
    pub const fn identity() -> Self {
        OffsetMap { edits: Vec::new() }
    }

    /// True when output offsets equal input offsets everywhere.
    ///
    /// ```
    /// assert!(bengali_names::OffsetMap::identity().is_identity());
    /// ```
    pub fn is_identity(&self) -> bool {
        self.edits.is_empty()
    }

    /// The changed clusters, in order.
    ///
    /// ```
    /// let out = bengali_names::Normalizer::new().normalize("a\u{00AD}b");
    /// assert_eq!(out.offsets().edits().len(), 1);
    /// ```
    pub fn edits(&self) -> &[Edit] {
        &self.edits
    }

    pub(crate) fn push(&mut self, edit: Edit) {
        debug_assert!(self.edits.last().is_none_or(|last| {
            last.output.end <= edit.output.start && last.input.end <= edit.input.start
        }));
        // A deletion directly followed by a change is one change: otherwise two
        // edits would start at the same output offset.
        if let Some(last) = self.edits.last_mut() {
            if last.output.is_empty()
                && last.output.end == edit.output.start
                && last.input.end == edit.input.start
            {
                last.output.end = edit.output.end;
                last.input.end = edit.input.end;
                return;
            }
        }
        self.edits.push(edit);
    }

    /// Index of the last edit whose output starts at or before `out`.
    /// Drops the edits after the first `len`, to replace what they mapped.
    pub(crate) fn truncate(&mut self, len: usize) {
        self.edits.truncate(len);
    }

    fn last_edit_at_or_before(&self, out: usize) -> Option<&Edit> {
        let after = self.edits.partition_point(|e| e.output.start <= out);
        after.checked_sub(1).and_then(|i| self.edits.get(i))
    }

    /// Where the output byte offset `out`, taken as the *start* of a span,
    /// begins in the input.
    ///
    /// ```
    /// let out = bengali_names::Normalizer::new().normalize("\u{00AD}ab");
    /// assert_eq!(out.text(), "ab");
    /// assert_eq!(out.offsets().start_to_input(1), 3);
    /// ```
    pub fn start_to_input(&self, out: usize) -> usize {
        match self.last_edit_at_or_before(out) {
            None => out,
            Some(e) if out < e.output.end => e.input.start,
            Some(e) if out == e.output.start => e.input.start,
            Some(e) => out - e.output.end + e.input.end,
        }
    }

    /// Where the output byte offset `out`, taken as the *end* of a span, ends
    /// in the input.
    ///
    /// ```
    /// let out = bengali_names::Normalizer::new().normalize("ab\u{00AD}");
    /// assert_eq!(out.text(), "ab");
    /// assert_eq!(out.offsets().end_to_input(2), 4);
    /// ```
    pub fn end_to_input(&self, out: usize) -> usize {
        // The last edit that starts strictly before `out` decides: an edit
        // starting exactly at `out` lies after the span's end, unless it is a
        // deletion there (text that vanished at the end of the span).
        let before = self.edits.partition_point(|e| {
            e.output.start < out || (e.output.is_empty() && e.output.start == out)
        });
        match before.checked_sub(1).and_then(|i| self.edits.get(i)) {
            None => out,
            Some(e) if out <= e.output.end => e.input.end,
            Some(e) => out - e.output.end + e.input.end,
        }
    }

    /// Maps a byte span of the output to the byte span of the input it came
    /// from.
    ///
    /// ```
    /// let input = "\u{09AF}\u{09CD}\u{09BC}x";
    /// let out = bengali_names::Normalizer::new().normalize(input);
    /// assert_eq!(out.offsets().span_to_input(0..9), 0..9);
    /// assert_eq!(out.offsets().span_to_input(9..10), 9..10);
    /// ```
    pub fn span_to_input(&self, span: Range<usize>) -> Range<usize> {
        let start = self.start_to_input(span.start);
        let end = self.end_to_input(span.end).max(start);
        start..end
    }
}

/// Counts chars (Unicode scalar values) up to byte offsets of one text,
/// for offsets given in increasing order, in time linear in the text.
///
/// ```
/// use bengali_names::CharCounter;
/// let text = "aক b";
/// let mut counter = CharCounter::new(text);
/// assert_eq!(counter.char_offset(1), 1);
/// assert_eq!(counter.char_offset(4), 2);
/// assert_eq!(counter.char_offset(6), 4);
/// ```
#[derive(Clone, Debug)]
pub struct CharCounter<'t> {
    text: &'t str,
    byte: usize,
    chars: usize,
}

impl<'t> CharCounter<'t> {
    /// A counter positioned at the start of `text`.
    ///
    /// ```
    /// let mut counter = bengali_names::CharCounter::new("abc");
    /// assert_eq!(counter.char_offset(3), 3);
    /// ```
    pub fn new(text: &'t str) -> Self {
        CharCounter {
            text,
            byte: 0,
            chars: 0,
        }
    }

    /// The number of chars before byte offset `byte`. Offsets past the end
    /// count to the end; an offset inside a char counts that char. An offset
    /// smaller than the previous one restarts from the beginning.
    ///
    /// ```
    /// let mut counter = bengali_names::CharCounter::new("কখ");
    /// assert_eq!(counter.char_offset(6), 2);
    /// assert_eq!(counter.char_offset(3), 1);
    /// ```
    pub fn char_offset(&mut self, byte: usize) -> usize {
        if byte < self.byte {
            self.byte = 0;
            self.chars = 0;
        }
        let end = byte.min(self.text.len());
        let slice = self.text.as_bytes().get(self.byte..end).unwrap_or_default();
        // Counts the bytes that are no UTF-8 continuation byte: one per
        // char, and one for a char cut by `end`.
        self.chars += bytecount::num_chars(slice);
        self.byte = end;
        self.chars
    }
}

#[cfg(test)]
mod tests {
    use super::CharCounter;

    #[test]
    fn chars_are_counted_like_char_indices() {
        // Long texts take the counter's vector loops, short ones its tail.
        for text in [
            "",
            "a",
            "ক",
            "aক b\u{1F600}xyzউত্তর কোরিয়া",
            &"কোরিয়া a".repeat(9),
            &"\u{1F600}ক্ষ b".repeat(200),
        ] {
            let mut counter = CharCounter::new(text);
            for (n, (i, _)) in text.char_indices().enumerate() {
                assert_eq!(counter.char_offset(i), n, "{text:?} {i}");
                assert_eq!(CharCounter::new(text).char_offset(i), n, "{text:?} {i}");
            }
            assert_eq!(counter.char_offset(text.len()), text.chars().count());
            assert_eq!(counter.char_offset(0), 0);
        }
    }
}
