//! The scenario reader: parsed as a scenario and checked against the
//! built-in content, as `play --scenario FILE` does. A scenario accepted
//! starts a game, plays a few turns, and saves a game that is read back.
#![no_main]

use std::path::Path;
use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use multivector::content;
use multivector::rules::defs::ScenarioDef;
use multivector::rules::{Book, Command, Game, Raw};
use multivector::save;

fn book() -> &'static Book {
    static BOOK: OnceLock<Book> = OnceLock::new();
    BOOK.get_or_init(|| content::builtin().expect("the built-in content loads"))
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = multivector::files::text_from_bytes(data.to_vec(), content::MAX_FILE_BYTES)
    else {
        return;
    };
    let Ok(scenario) = content::parse::<ScenarioDef<Raw>>("fuzz.ron", &text) else {
        return;
    };
    let book = book();
    if book.resolve_scenario(&scenario).is_err() {
        return;
    }
    // Accepted: a game of it starts, as the state it names or any other.
    let country = scenario.country.is_none().then_some("kazakhstan");
    let mut game = Game::new(book, scenario, country, 1)
        .unwrap_or_else(|e| panic!("an accepted scenario cannot start: {e}"));
    for _ in 0..3 {
        while !game.state().pending().is_empty() && !game.state().is_over() {
            let answered = (0..9).any(|i| game.apply(book, Command::Choose(i)).is_ok());
            assert!(answered, "no choice of a pending decision is allowed");
        }
        if game.state().is_over() {
            break;
        }
        game.apply(book, Command::EndTurn).expect("a turn ends");
    }
    let text = save::to_text(book, &game).expect("the game can be written");
    assert!(
        text.len() as u64 <= save::MAX_SAVE_BYTES,
        "an accepted scenario makes a save of {} bytes",
        text.len()
    );
    let again = save::read_bytes(book, Path::new("fuzz.ron"), text.into_bytes())
        .unwrap_or_else(|e| panic!("a save of an accepted scenario cannot be read: {e}"));
    assert!(again.game == game, "the game read back differs");
});
