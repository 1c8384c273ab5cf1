//! Games played by the test suite's own plan: used by the tests and by the
//! fixture writer (`examples/save_fixture.rs`), so it names no binary.

use multivector::rules::{ActionId, Book, Command, Game};

pub fn book() -> Book {
    multivector::content::builtin().expect("built-in content loads")
}

/// The id of an action, by name.
pub fn act(book: &Book, name: &str) -> ActionId {
    book.action_id(name)
        .unwrap_or_else(|| panic!("no action `{name}`"))
}

pub fn new_game(book: &Book, seed: u64) -> Game {
    let scenario = book.scenario("standard").unwrap().clone();
    Game::new(book, scenario, Some("kazakhstan"), seed).unwrap()
}

/// The actions planned on turn `t`, in a fixed rotation.
pub fn plan_for(t: u32) -> &'static [&'static str] {
    const PLANS: [&[&str]; 5] = [
        &["visit_ankara"],
        &["consolidate", "un_abstention"],
        &["visit_beijing"],
        &["visit_brussels", "csto_exercises"],
        &["joint_exercises"],
    ];
    PLANS[t as usize % PLANS.len()]
}

/// Answers every pending decision (the first choice that is allowed).
pub fn answer_pending(book: &Book, game: &mut Game) {
    while !game.state().pending().is_empty() {
        let ok = (0..8).any(|i| game.apply(book, Command::Choose(i)).is_ok());
        assert!(ok, "no choice of the pending decision is allowed");
    }
}

/// Plans this turn's actions (those the rules refuse are skipped).
pub fn plan_turn(book: &Book, game: &mut Game) {
    let t = game.state().turn();
    for id in plan_for(t) {
        let _ = game.apply(book, Command::Plan(act(book, id)));
    }
}

/// Plays `turns` whole turns from wherever the game is.
pub fn play(book: &Book, game: &mut Game, turns: u32) {
    for _ in 0..turns {
        if game.state().is_over() {
            return;
        }
        answer_pending(book, game);
        // The last turn's decisions may end the game.
        if game.state().is_over() {
            return;
        }
        if game.state().planned().is_empty() {
            plan_turn(book, game);
        }
        game.apply(book, Command::EndTurn).unwrap();
    }
}

/// A game played for a few turns with a seed that raises decisions.
pub fn played(book: &Book, turns: u32) -> Game {
    let mut game = new_game(book, 7);
    play(book, &mut game, turns);
    game
}
