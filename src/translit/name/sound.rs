//! How a name sounds in Latin letters, spelling aside: the key that lets
//! `resolve` find Wladimir Putin under Vladimir Putin, and that tells a
//! gazetteer's English name part from a translation beside it (রানী is
//! Rani, not the Queen of Queen Victoria).

use unicode_normalization::char::is_combining_mark;
use unicode_normalization::UnicodeNormalization;

/// Consonants a skeleton needs to be compared: shorter ones tell too little.
const MIN_SKELETON: usize = 4;

/// How near (normalized edit similarity of the loose keys) a reading and a
/// spelling must be to be one name, whatever their first sounds.
const NEAR: f64 = 0.5;

/// How near they must be when they begin with one sound (any vowel counts
/// as one): Bandyopadhyay and Banerjee, Haque and Huq are 0.25 to 0.3 apart,
/// a title and the name beside it (Rani, Elizabeth) less.
const NEAR_SAME_START: f64 = 0.25;

/// The loose key of a Latin name, and its skeleton when that has enough
/// consonants.
///
/// ```text
/// Vladimir Putin → ("bladimirputin", Some("bldmrptn"))
/// ```
pub(crate) fn sound_keys(name: &str) -> (String, Option<String>) {
    let letters: Vec<u8> = name
        .nfd()
        .filter(|&c| !is_combining_mark(c))
        .filter(char::is_ascii_alphabetic)
        .map(|c| c.to_ascii_lowercase() as u8)
        .collect();
    // A letter the one before already wrote adds nothing (ck, ss).
    let push_once = |kept: &mut Vec<u8>, b: u8| {
        if kept.last() != Some(&b) {
            kept.push(b);
        }
    };
    let mut sounds: Vec<u8> = Vec::with_capacity(letters.len());
    let mut at = 0;
    while let Some(&letter) = letters.get(at) {
        // ph is f; x is ks; a lone h is dropped, so kh, sh, th … are k,
        // s, t and ch is k (c is k).
        let (sound, len): (&[u8], usize) = match (letter, letters.get(at + 1)) {
            (b'p', Some(b'h')) => (b"f", 2),
            (b'x', _) => (b"ks", 1),
            (b'h', _) => (b"", 1),
            _ => (single(letter), 1),
        };
        for &s in sound {
            push_once(&mut sounds, s);
        }
        at += len;
    }
    let mut consonants: Vec<u8> = Vec::with_capacity(sounds.len());
    for &b in sounds.iter().filter(|b| !b"aeiou".contains(b)) {
        push_once(&mut consonants, b);
    }
    let skeleton = (consonants.len() >= MIN_SKELETON)
        .then(|| String::from_utf8_lossy(&consonants).into_owned());
    (String::from_utf8_lossy(&sounds).into_owned(), skeleton)
}

/// The key letter of a lower-case Latin letter: c and q are k, v and w
/// are b, y is i, z is j, the others themselves.
fn single(letter: u8) -> &'static [u8] {
    const LETTERS: &[u8; 26] = b"abkdefghijklmnopkrstubbxij";
    let i = usize::from(letter.wrapping_sub(b'a'));
    LETTERS.get(i..=i).unwrap_or_default()
}

/// True when `spelling` (a Latin name part) may be how English writes the
/// name part whose rule reading is `reading`: their loose keys are near, or
/// begin with one sound and are not far. Rani and Queen, Da. and Bidhan are
/// not; Bandyopadhyay and Banerjee, Jiani and Gianni are.
///
/// ```text
/// sounds_alike("Rani", "Queen") == false
/// sounds_alike("Bandyopadhyay", "Banerjee") == true
/// ```
pub(crate) fn sounds_alike(reading: &str, spelling: &str) -> bool {
    let (a, b) = (sound_keys(reading).0, sound_keys(spelling).0);
    let (Some(first_a), Some(first_b)) = (a.bytes().next(), b.bytes().next()) else {
        return false;
    };
    let vowel = |b: u8| b"aeiou".contains(&b);
    let same_start = first_a == first_b || (vowel(first_a) && vowel(first_b));
    let near = strsim::normalized_levenshtein(&a, &b);
    near >= NEAR || (same_start && near >= NEAR_SAME_START)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(name: &str) -> (String, Option<String>) {
        sound_keys(name)
    }

    #[test]
    fn spellings_of_one_sound_share_a_key() {
        for (a, b) in [
            ("Wladimir Putin", "Vladimir Putin"),
            ("Chris", "Kris"),
            ("Michael", "Mikael"),
            ("Beckham", "Bekham"),
            ("Zia", "Jia"),
            ("Shakib", "Sakib"),
            ("Bhuiyan", "Buyan"),
            ("Philip", "Filip"),
            ("Khan", "Kan"),
            ("Carragher", "Karagher"),
            ("Dvořák", "Dvorak"),
            ("Kim Jong-un", "Kim Jong Un"),
        ] {
            assert_eq!(keys(a).0, keys(b).0, "{a} / {b}");
        }
        assert_eq!(
            keys("Vladimir Putin"),
            ("bladimirputin".into(), Some("bldmrptn".into()))
        );
    }

    #[test]
    fn the_skeleton_drops_vowels_and_needs_four_consonants() {
        assert_eq!(keys("Vladimir Putn").1, keys("Vladimir Putin").1);
        assert_eq!(keys("Craig").1, None);
        assert_eq!(keys("Ali Bacher").1, Some("lbkr".into()));
        // Nothing Latin: empty.
        assert_eq!(keys("১২৩ —"), (String::new(), None));
    }

    #[test]
    fn a_translation_beside_a_name_does_not_sound_alike() {
        for (reading, spelling, alike) in [
            ("Rani", "Queen", false),
            ("Jubraj", "Prince", false),
            ("Do.", "Muhammad", false),
            ("Da.", "Bidhan", false),
            ("Ramakrishna", "Paramahamsa", false),
            ("Ayatollah", "Ruhollah", false),
            ("K", "Kumar", false),
            ("Bandyopadhyay", "Banerjee", true),
            ("Haque", "Huq", true),
            ("Jiani", "Gianni", true),
            ("Havier", "Javier", true),
            ("Vladimir", "Vladimir", true),
            ("", "Vladimir", false),
        ] {
            assert_eq!(
                sounds_alike(reading, spelling),
                alike,
                "{reading} / {spelling}"
            );
        }
    }
}
