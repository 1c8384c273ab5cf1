//! The save reader: any bytes are refused with a message or read as a
//! game, and a game read is written and read back the same (what the game
//! writes, it reads).
#![no_main]

use std::path::Path;
use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use multivector::rules::Book;
use multivector::save;

fn book() -> &'static Book {
    static BOOK: OnceLock<Book> = OnceLock::new();
    BOOK.get_or_init(|| multivector::content::builtin().expect("the built-in content loads"))
}

fuzz_target!(|data: &[u8]| {
    let name = Path::new("fuzz.ron");
    let Ok(loaded) = save::read_bytes(book(), name, data.to_vec()) else {
        return;
    };
    let text = save::to_text(book(), &loaded.game).expect("a game read can be written");
    if text.len() as u64 > save::MAX_SAVE_BYTES {
        // The game refuses to write it (`SaveError::TooLargeToWrite`).
        return;
    }
    let again = save::read_bytes(book(), name, text.into_bytes())
        .unwrap_or_else(|e| panic!("a save the game wrote cannot be read: {e}"));
    assert!(again.game == loaded.game, "the game read back differs");
    assert!(again.verified(), "a save the game wrote does not verify");
});
