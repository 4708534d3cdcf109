//! Latin-script names inside Bengali text (DPRK, North Korea, Russia).
//!
//! Latin aliases (`name_en`, `aliases_en`) go into the same automaton as
//! the Bengali ones: the match key lowercases Latin and strips diacritics
//! (fold K4), so matching is case-insensitive, and the token rules give
//! word boundaries (a mention starts at a token start, and the rest of its
//! token must be empty or a Bengali suffix chain, so `Russia` never fires
//! inside `Russian`). Two more rules:
//!
//! - **Short abbreviations need capitals.** An alias written in capitals
//!   with at most [`CAPS_MAX`] letters (US, UN, UK, EU, AFP, DPRK) matches
//!   only text written in capitals: "us" and "un" are English words, and a
//!   line of English prose must not light up.
//! - **English words need a capital.** An alias that is a common word
//!   (West, Lot, Malé, LeT) fires only where the entity was named before,
//!   as every common-word alias, and then only written with a capital:
//!   "let" and "male" are words, not names.
//! - **Joined suffixes.** A Bengali suffix chain may follow the name
//!   directly (DPRKএর, TPUSAর), after a hyphen (DPRK-এর) or after an
//!   apostrophe (BBC’র, the way news joins a suffix to an abbreviation or
//!   a foreign name); the hyphen or apostrophe belongs to the suffix span.
//!   The rule applies to Bengali names too (ইউএস-এর, ইইউ’র), since the next
//!   token must be nothing but suffixes.

/// Longest all-capitals alias that requires capitals in the text.
///
/// ```
/// use bengali_names::matcher::latin::CAPS_MAX;
/// let m = bengali_names::Matcher::embedded();
/// assert!("DPRK".len() <= CAPS_MAX);
/// assert_eq!(m.find_iter("DPRK-এর").count(), 1);
/// assert_eq!(m.find_iter("dprk-এর").count(), 0, "a short abbreviation needs capitals");
/// ```
pub const CAPS_MAX: usize = 4;

/// True when a Latin alias is a short abbreviation in capitals, which
/// matches only text written in capitals.
///
/// ```
/// use bengali_names::matcher::latin::needs_capitals;
/// assert!(needs_capitals("US") && needs_capitals("DPRK") && needs_capitals("U.N."));
/// assert!(!needs_capitals("Russia") && !needs_capitals("NATOS-X"));
/// ```
pub fn needs_capitals(alias: &str) -> bool {
    let letters = alias.chars().filter(char::is_ascii_alphabetic).count();
    (1..=CAPS_MAX).contains(&letters)
        && alias
            .chars()
            .all(|c| c.is_ascii_uppercase() || c == '.' || c == ' ')
}

/// How a Latin alias must be written in the text to count.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Case {
    /// Any way: the match key is case-folded.
    Any,
    /// In capitals only (a short abbreviation, see [`needs_capitals`]).
    Capitals,
    /// With a capital somewhere (an alias that is an English word).
    Capitalized,
}

impl Case {
    /// The case rule of a Latin alias that is, or is not, a common word.
    pub(crate) fn of_alias(alias: &str, common_word: bool) -> Case {
        if needs_capitals(alias) {
            Case::Capitals
        } else if common_word {
            Case::Capitalized
        } else {
            Case::Any
        }
    }

    /// True when `text` is written as this rule asks.
    pub(crate) fn fits(self, text: &str) -> bool {
        match self {
            Case::Any => true,
            Case::Capitals => written_in_capitals(text),
            Case::Capitalized => text.chars().any(char::is_uppercase),
        }
    }
}

/// True when every letter of `text` is a capital.
///
/// ```
/// use bengali_names::matcher::latin::written_in_capitals;
/// assert!(written_in_capitals("UN"));
/// assert!(!written_in_capitals("Un"));
/// ```
pub fn written_in_capitals(text: &str) -> bool {
    text.chars()
        .filter(|c| c.is_alphabetic())
        .all(char::is_uppercase)
}

/// True for the hyphens that may join a suffix to a name.
///
/// ```
/// assert!(bengali_names::matcher::latin::is_hyphen('-'));
/// assert!(!bengali_names::matcher::latin::is_hyphen('—'));
/// ```
pub fn is_hyphen(c: char) -> bool {
    matches!(c, '-' | '\u{2010}' | '\u{2011}')
}

/// True for the characters that may join a suffix chain to a name: the
/// hyphens, and the apostrophes ' and ’ (U+2019).
///
/// ```
/// use bengali_names::matcher::latin::joins_suffix;
/// assert!(joins_suffix('-') && joins_suffix('’') && joins_suffix('\''));
/// assert!(!joins_suffix('‘') && !joins_suffix('"'));
/// let m = bengali_names::Matcher::embedded();
/// let text = "ইইউ’র সঙ্গে";
/// let hit = m.find_iter(text).next().unwrap();
/// assert_eq!((&text[hit.span()], &text[hit.suffix_span()]), ("ইইউ’র", "’র"));
/// ```
pub fn joins_suffix(c: char) -> bool {
    is_hyphen(c) || matches!(c, '\'' | '\u{2019}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_case_rule_follows_the_alias() {
        assert_eq!(Case::of_alias("DPRK", false), Case::Capitals);
        assert_eq!(Case::of_alias("DPRK", true), Case::Capitals);
        assert_eq!(Case::of_alias("LeT", true), Case::Capitalized);
        assert_eq!(Case::of_alias("Russia", false), Case::Any);
        for (case, text, fits) in [
            (Case::Any, "russia", true),
            (Case::Capitals, "DPRK", true),
            (Case::Capitals, "Dprk", false),
            (Case::Capitalized, "LeT", true),
            (Case::Capitalized, "Male", true),
            (Case::Capitalized, "male", false),
        ] {
            assert_eq!(case.fits(text), fits, "{case:?} {text}");
        }
    }
}
