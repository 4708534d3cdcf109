//! Text quoted for error messages.
//!
//! `{:?}` escapes every grapheme extender, so a Bengali name comes out as
//! `"ক\u{9be}ন"`, which no user can read. [`Quoted`] escapes only what cannot
//! be seen or would break the quotes: control characters, the invisible
//! format characters that display normalization removes or keeps (ZWJ,
//! ZWNJ, BOM, soft hyphen, bidi marks), the quote and the backslash.

use core::fmt;

/// Displays a string in double quotes, readable in any script.
pub(crate) struct Quoted<'a>(pub(crate) &'a str);

impl fmt::Display for Quoted<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("\"")?;
        for c in self.0.chars() {
            match c {
                '"' => f.write_str("\\\"")?,
                '\\' => f.write_str("\\\\")?,
                '\t' => f.write_str("\\t")?,
                '\n' => f.write_str("\\n")?,
                '\r' => f.write_str("\\r")?,
                c if is_invisible(c) => write!(f, "\\u{{{:04X}}}", c as u32)?,
                c => fmt::Write::write_char(f, c)?,
            }
        }
        f.write_str("\"")
    }
}

/// Control characters, and the format characters (Unicode category Cf)
/// and odd spaces that text in this field carries.
fn is_invisible(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{00A0}'
                | '\u{00AD}'
                | '\u{034F}'
                | '\u{061C}'
                | '\u{180E}'
                | '\u{2000}'..='\u{200F}'
                | '\u{2028}'..='\u{202F}'
                | '\u{205F}'..='\u{206F}'
                | '\u{3000}'
                | '\u{FE00}'..='\u{FE0F}'
                | '\u{FEFF}'
                | '\u{FFF9}'..='\u{FFFB}'
        )
}

#[cfg(test)]
mod tests {
    use super::Quoted;

    #[test]
    fn bengali_stays_readable_and_invisibles_show() {
        for (text, quoted) in [
            ("রাশিয়া", "\"রাশিয়া\""),
            ("কান\u{200B}", "\"কান\\u{200B}\""),
            ("\u{FEFF}a\u{200D}b", "\"\\u{FEFF}a\\u{200D}b\""),
            ("a\"b\\c\td\n", "\"a\\\"b\\\\c\\td\\n\""),
            ("\u{0}\u{7F}", "\"\\u{0000}\\u{007F}\""),
            ("", "\"\""),
        ] {
            assert_eq!(Quoted(text).to_string(), quoted, "{text:?}");
        }
    }
}
