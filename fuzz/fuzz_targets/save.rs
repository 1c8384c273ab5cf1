//! The save reader: any bytes are refused with a message or read as a
//! game, and a game read is written and read back the same.
#![no_main]

use std::path::Path;

use libfuzzer_sys::fuzz_target;
use multivector::save;

fuzz_target!(|data: &[u8]| {
    let name = Path::new("fuzz.ron");
    let Ok(game) = save::read_bytes(name, data.to_vec()) else {
        return;
    };
    let text = save::to_text(&game).expect("a game read can be written");
    let again = save::read_bytes(name, text.into_bytes());
    if let Err(e) = again {
        // Too large to read back is the one refusal allowed: the game
        // refuses to write such a save (it is bounded in part 2).
        assert!(matches!(e, save::SaveError::TooLarge { .. }), "{e}");
    }
});
