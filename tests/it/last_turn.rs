//! The last turn's end: the powers still answer it (a ladder step and its
//! blow land, and the ending judges them), but they ask the player nothing
//! that only a next turn would play out: no offer, no hold-or-back-down.

use crate::common;

use multivector::rules::defs::{Effect, MoveKind};
use multivector::rules::{Book, Command, Decision, Entry, Game, LadderStep, Note, Power, Raw};

fn effect(text: &str) -> Effect<Raw> {
    ron::from_str(text).unwrap()
}

/// A game of `turns` in which Russia is already past its tolerance.
fn provoked(book: &Book, turns: u32) -> Game {
    let sc = common::with_overrides(
        book,
        turns,
        vec![
            effect("Set(Tolerance(russia), 20)"),
            effect("Set(Strain(russia), 60)"),
        ],
    );
    Game::new(book, sc, Some("kazakhstan"), 3).unwrap()
}

fn climbed(game: &Game) -> bool {
    game.state()
        .log()
        .iter()
        .any(|e| matches!(e.entry, Entry::Note(Note::Ladder(Power::Russia, _))))
}

#[test]
fn a_power_past_its_tolerance_on_the_last_turn_climbs_and_asks_nothing() {
    let book = common::book();
    // Not the last turn: the step is a question.
    let mut game = provoked(&book, 2);
    game.apply(&book, Command::EndTurn).unwrap();
    assert!(climbed(&game));
    assert!(
        game.state()
            .pending()
            .iter()
            .any(|d| matches!(d, Decision::Ladder(Power::Russia, _))),
        "a step before the end asks: {:?}",
        game.state().pending()
    );
    // The last turn: the step lands, nothing is asked, the game is over.
    let mut last = provoked(&book, 1);
    last.apply(&book, Command::EndTurn).unwrap();
    assert!(climbed(&last), "the powers answer the last turn");
    assert!(last.state().ladder(Power::Russia) > LadderStep::Calm);
    assert!(
        last.state().pending().is_empty(),
        "{:?}",
        last.state().pending()
    );
    assert!(last.state().outcome().is_some(), "the ending comes at once");
}

#[test]
fn no_offer_is_made_as_the_last_turn_ends() {
    let book = common::book();
    let mut before_the_end = 0;
    for seed in 0..40 {
        let sc = common::with_overrides(&book, 6, vec![]);
        let mut game = Game::new(&book, sc, Some("kyrgyzstan"), seed).unwrap();
        for turn in 1..=6 {
            common::answer_all(&mut game, &book);
            game.apply(&book, Command::EndTurn).unwrap();
            let offers = game
                .state()
                .moved_last()
                .iter()
                .filter(|m| book.power_move(**m).kind == MoveKind::Offer)
                .count();
            if turn == 6 {
                assert_eq!(offers, 0, "seed {seed}: an offer after the last turn");
                assert!(game.state().pending().is_empty());
                assert!(game.state().outcome().is_some());
            } else {
                before_the_end += offers;
            }
        }
    }
    assert!(
        before_the_end > 0,
        "the powers do make offers during a game"
    );
}
