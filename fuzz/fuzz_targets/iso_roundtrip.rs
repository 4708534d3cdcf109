//! ISO 15919 transliteration.
//!
//! Invariants (the guarantee documented on `translit::iso15919`):
//! - `to_bengali(to_latin(x)) == display(x)` byte for byte, for every x;
//! - `to_latin(display(x)) == to_latin(x)` (it normalizes first), so the
//!   Latin form is a fixed point of a Latin → Bengali → Latin trip;
//! - `to_latin` borrows only when it changed nothing;
//! - `to_bengali` never panics on arbitrary text.
#![no_main]

use std::borrow::Cow;

use bengali_names::translit::Iso15919;
use bengali_names::Normalizer;
use bengali_names_fuzz::{as_text, hex};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let x = as_text(data);
    let iso = Iso15919::new();
    let display = Normalizer::new().normalize_str(&x);
    let latin = iso.to_latin(&x);
    let back = iso.to_bengali(&latin);
    assert_eq!(
        back,
        display,
        "round trip\ninput   {}\ndisplay {}\nlatin   {}\nback    {}",
        hex(&x),
        hex(&display),
        hex(&latin),
        hex(&back)
    );
    assert_eq!(
        iso.to_latin(&display),
        latin,
        "to_latin(display(x)) != to_latin(x): {}",
        hex(&x)
    );
    if let Cow::Borrowed(b) = &latin {
        assert_eq!(
            *b,
            &*x,
            "borrowed Latin differs from the input: {}",
            hex(&x)
        );
    }
    assert_eq!(
        iso.to_latin(&back),
        latin,
        "Latin not a fixed point\ninput {}\nlatin {}",
        hex(&x),
        hex(&latin)
    );
    // The reverse direction on arbitrary text: no panic.
    let _ = iso.to_bengali(&x);
});
