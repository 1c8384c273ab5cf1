//! The save format's versions: a save is its decisions, a loaded state is
//! never trusted, a finished save stays small, older saves still load.

use std::fs;
use std::path::Path;

use crate::common::*;
use multivector::save;
use multivector::sim::{self, Policy};

/// The first save format: a real save of a game played a few turns (the
/// whole state and log were stored), kept so that a change which stops
/// version-1 saves from loading is caught.
const FIXTURE_V1: &str = "tests/fixtures/save-v1.ron";
/// The second: the scenario, the seed, the decisions, and a view of the state.
const FIXTURE_V2: &str = "tests/fixtures/save-v2.ron";
/// A save of the second format written by game 0.1.0, whose rules had no
/// moves of the powers: kept so that a save of an older game stays
/// readable as far as its decisions go.
const FIXTURE_V2_OLDER: &str = "tests/fixtures/save-v2-game-0.1.0.ron";

fn fixture(name: &str) -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(name)
}

#[test]
fn a_version_1_save_still_loads() {
    let book = book();
    let loaded = save::read(&book, &fixture(FIXTURE_V1))
        .unwrap_or_else(|e| panic!("version-1 saves no longer load ({e})"));
    let game = &loaded.game;
    assert_eq!(book.country(game.state().country()).id, "kazakhstan");
    assert!(!game.decisions().is_empty());
    assert!(game.state().turn() >= 1, "its decisions are played again");
    // It shows no state of the current format, so it is not verified as one.
    assert!(loaded.file.state.is_none());
    assert!(!loaded.verified());
    // Saved again, it is a current save.
    let dir = tempfile::tempdir().unwrap();
    let again = save(&book, dir.path(), "again", game);
    assert!(fs::read_to_string(again).unwrap().contains("version: 2,"));
}

#[test]
fn a_version_2_save_loads_and_replays() {
    let book = book();
    let report = save::replay(&book, &fixture(FIXTURE_V2)).unwrap();
    assert!(
        report.matches,
        "the version-2 save no longer replays: {:?}. If the content or the rules \
         changed on purpose, players' saves from before will not replay either; \
         regenerate the fixture with `cargo run --example save_fixture -- \
         tests/fixtures/save-v2.ron`",
        report.reason
    );
}

/// A save of an older game loads: its decisions are played again as far as
/// the current rules take them, and it is never verified.
#[test]
fn a_save_of_an_older_game_loads_as_far_as_its_decisions_go() {
    let book = book();
    let loaded = save::read(&book, &fixture(FIXTURE_V2_OLDER)).unwrap();
    assert_eq!(loaded.file.game, "0.1.0");
    assert_ne!(loaded.file.game, save::GAME_VERSION);
    assert!(!loaded.verified());
    let game = &loaded.game;
    assert!(game.state().turn() >= 3, "its first turns are played again");
    assert!(
        game.decisions().len() < loaded.file.decisions.len() || loaded.first_difference.is_some()
    );
    let report = save::replay(&book, &fixture(FIXTURE_V2_OLDER)).unwrap();
    assert!(!report.matches);
}

/// A save whose shown state was edited, but not its decisions, loads as the
/// decisions say, with a warning; `replay` says it does not follow.
#[test]
fn an_edited_state_is_loaded_as_the_decisions_say() {
    let book = book();
    let dir = tempfile::tempdir().unwrap();
    let game = played(&book, 5);
    let path = save(&book, dir.path(), "honest", &game);
    let text = fs::read_to_string(&path).unwrap();
    let edited = dir.path().join("edited.ron");
    // The current autonomy, and the last turn's in the history, raised by 30.
    let raised = edit_number(&text, "\n        autonomy: ", false, 30.0);
    let raised = edit_number(&raised, "autonomy: ", true, 30.0);
    fs::write(&edited, &raised).unwrap();
    let loaded = save::read(&book, &edited).unwrap();
    assert_eq!(loaded.game.state(), game.state(), "the decisions rule");
    assert!(!loaded.verified());
    assert_eq!(loaded.first_difference, Some(5));
    let warning = multivector::ui::load_warning(&loaded).expect("a warning");
    assert!(warning.contains("loaded as the decisions say"), "{warning}");
    let out = run_in("replay", &[edited.to_str().unwrap()], dir.path());
    assert_eq!(out.status.code(), Some(3), "{}", text_of(&out.stderr));
    // The honest one loads without a word.
    let honest = save::read(&book, &path).unwrap();
    assert!(honest.verified());
    assert_eq!(multivector::ui::load_warning(&honest), None);
}

fn text_of(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// A finished 24-turn game stays small whoever played it: the log is
/// rebuilt, not stored.
#[test]
fn a_finished_save_is_at_most_64_kb_whatever_the_policy() {
    let book = book();
    let scenario = standard(&book);
    let dir = tempfile::tempdir().unwrap();
    for policy in Policy::ALL {
        let game = sim::play_one(&book, &scenario, "kazakhstan", 11, policy.clone());
        assert!(game.state().is_over());
        let path = save(&book, dir.path(), policy.id(), &game);
        let size = fs::metadata(&path).unwrap().len();
        assert!(size <= 64 * 1024, "{}: {size} bytes", policy.id());
        // And it holds the game: loading it gives the same state.
        assert_eq!(load(&book, &path).state(), game.state());
    }
}
