//! Helpers shared by the fuzz targets: readable failure messages and the
//! invariant checks more than one target needs.

use bengali_names::Normalizer;

/// The code points of `s` in hex, for failure messages (inputs are full of
/// invisible and combining characters that a plain `{:?}` hides).
pub fn hex(s: &str) -> String {
    let mut out = String::with_capacity(s.len() * 7);
    for c in s.chars() {
        out.push_str(&format!("U+{:04X} ", c as u32));
    }
    out
}

/// The input as text: valid UTF-8 as is, anything else lossily decoded (so
/// that mutations which break UTF-8 still test something).
pub fn as_text(data: &[u8]) -> std::borrow::Cow<'_, str> {
    String::from_utf8_lossy(data)
}

/// Checks the offset-map contract of `Normalizer::normalize` for one input:
/// the map is monotonic, every output char boundary maps to input char
/// boundaries, the whole output maps to the whole input, and text between
/// edits is copied byte for byte.
pub fn check_offsets(input: &str, normalizer: &Normalizer, what: &str) {
    let out = normalizer.normalize(input);
    let text = out.text();
    let map = out.offsets();
    let ctx = || format!("[{what}] input {}\noutput {}", hex(input), hex(text));

    // Edits are ordered, disjoint, in bounds and on char boundaries; the
    // text between them is identical in input and output.
    let (mut out_at, mut in_at) = (0usize, 0usize);
    for edit in map.edits() {
        assert!(
            edit.output.start >= out_at
                && edit.output.start <= edit.output.end
                && edit.output.end <= text.len(),
            "edit output out of order or bounds {edit:?}\n{}",
            ctx()
        );
        assert!(
            edit.input.start >= in_at
                && edit.input.start <= edit.input.end
                && edit.input.end <= input.len(),
            "edit input out of order or bounds {edit:?}\n{}",
            ctx()
        );
        for b in [edit.output.start, edit.output.end] {
            assert!(
                text.is_char_boundary(b),
                "edit output {edit:?} not on a char boundary\n{}",
                ctx()
            );
        }
        for b in [edit.input.start, edit.input.end] {
            assert!(
                input.is_char_boundary(b),
                "edit input {edit:?} not on a char boundary\n{}",
                ctx()
            );
        }
        assert_eq!(
            text.get(out_at..edit.output.start),
            input.get(in_at..edit.input.start),
            "text between edits differs before {edit:?}\n{}",
            ctx()
        );
        out_at = edit.output.end;
        in_at = edit.input.end;
    }
    assert_eq!(
        text.get(out_at..),
        input.get(in_at..),
        "text after the last edit differs\n{}",
        ctx()
    );
    if out.is_borrowed() {
        assert!(
            map.is_identity() && text == input,
            "borrowed output differs\n{}",
            ctx()
        );
    }

    // Every output char boundary maps to input char boundaries, monotonically.
    let boundaries: Vec<usize> = text
        .char_indices()
        .map(|(i, _)| i)
        .chain([text.len()])
        .collect();
    let (mut last_start, mut last_end) = (0usize, 0usize);
    for &b in &boundaries {
        let start = map.start_to_input(b);
        let end = map.end_to_input(b);
        assert!(
            start <= input.len() && end <= input.len(),
            "offset {b} maps past the input ({start}, {end})\n{}",
            ctx()
        );
        assert!(
            input.is_char_boundary(start) && input.is_char_boundary(end),
            "offset {b} maps inside a char ({start}, {end})\n{}",
            ctx()
        );
        assert!(
            start >= last_start && end >= last_end,
            "offset map not monotonic at {b}: start {last_start}->{start}, end {last_end}->{end}\n{}",
            ctx()
        );
        (last_start, last_end) = (start, end);
    }
    assert_eq!(
        out.span_to_input(0..text.len()),
        0..input.len(),
        "whole output span\n{}",
        ctx()
    );
    // Every span between two char boundaries maps to a valid input span
    // (adjacent pairs, and each boundary to the end).
    for w in boundaries.windows(2) {
        let span = out.span_to_input(w[0]..w[1]);
        assert!(
            span.start <= span.end && input.get(span.clone()).is_some(),
            "span {w:?} -> {span:?}\n{}",
            ctx()
        );
    }
    for &b in boundaries.iter().step_by(7) {
        let span = out.span_to_input(b..text.len());
        assert!(
            input.get(span.clone()).is_some(),
            "span {b}.. -> {span:?}\n{}",
            ctx()
        );
        assert_eq!(
            span.end,
            input.len(),
            "span {b}..end must end at the input end\n{}",
            ctx()
        );
        let span = out.span_to_input(0..b);
        assert!(
            input.get(span.clone()).is_some(),
            "span ..{b} -> {span:?}\n{}",
            ctx()
        );
        assert_eq!(span.start, 0, "span 0..{b} must start at 0\n{}", ctx());
    }
}

/// True when `FUZZ_STRICT` is set: the targets then also fail on the known
/// bugs they otherwise tolerate (see README.md), to check a fix.
pub fn strict() -> bool {
    static STRICT: std::sync::OnceLock<bool> = std::sync::OnceLock::new();
    *STRICT.get_or_init(|| std::env::var_os("FUZZ_STRICT").is_some())
}
