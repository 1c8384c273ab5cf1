//! The scenario reader: parsed as a scenario and checked against the
//! built-in content, as `play --scenario FILE` does.
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use multivector::content;
use multivector::rules::Book;
use multivector::rules::defs::ScenarioDef;

fn book() -> &'static Book {
    static BOOK: OnceLock<Book> = OnceLock::new();
    BOOK.get_or_init(|| content::builtin().expect("the built-in content loads"))
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = multivector::files::text_from_bytes(data.to_vec(), content::MAX_FILE_BYTES)
    else {
        return;
    };
    let Ok(scenario) = content::parse::<ScenarioDef>("fuzz.ron", &text) else {
        return;
    };
    let _ = content::validate_scenario(book(), &scenario, "fuzz.ron");
});
