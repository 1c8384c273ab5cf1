//! `multivector replay`: exit codes and messages, through the binary.

use std::fs;
use std::path::Path;
use std::process::{Command, Output};

use crate::common::*;
use multivector::save;

fn replay(args: &[&str], cwd: &Path) -> Output {
    run_in("replay", args, cwd)
}

#[test]
fn replay_of_an_honest_save_exits_0_and_prints_the_scores() {
    let book = book();
    let dir = tempfile::tempdir().unwrap();
    let game = played(&book, 5);
    save::write(&book, dir.path(), "honest", &game).unwrap();
    let out = replay(&["honest", "--save-dir", "."], dir.path());
    let stdout = text(&out.stdout);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}{}",
        stdout,
        text(&out.stderr)
    );
    assert!(stdout.contains("reproduce the saved game"), "{stdout}");
    let s = game.state();
    for score in [
        format!("autonomy {:.1}", s.autonomy()),
        format!("leverage {:.1}", s.leverage()),
        format!("stability {:.1}", s.stability()),
    ] {
        assert!(stdout.contains(&score), "{score} not in {stdout}");
    }
}

#[test]
fn replay_of_a_finished_game_prints_its_outcome() {
    let book = book();
    let dir = tempfile::tempdir().unwrap();
    let (path, outcome) = finished_save(&book, dir.path());
    let out = replay(&[path.to_str().unwrap(), "--json"], dir.path());
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["outcome"], book.ending(outcome.ending).id.as_str());
    assert_eq!(json["score"], outcome.score);
    let out = replay(&[path.to_str().unwrap()], dir.path());
    assert!(
        text(&out.stdout).contains("outcome: "),
        "{}",
        text(&out.stdout)
    );
}

#[test]
fn replay_json_prints_one_object() {
    let book = book();
    let dir = tempfile::tempdir().unwrap();
    let game = played(&book, 3);
    save::write(&book, dir.path(), "j", &game).unwrap();
    let out = replay(&["j", "--json", "--save-dir", "."], dir.path());
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    assert_eq!(stdout.trim().lines().count(), 1, "{stdout}");
    let json: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(json["matches"], true);
    assert_eq!(json["first_difference"], serde_json::Value::Null);
    assert_eq!(json["country"], "kazakhstan");
    assert_eq!(json["turns"], 3);
    assert_eq!(json["autonomy"], game.state().autonomy());
    for key in ["leverage", "stability", "score", "outcome"] {
        assert!(json.get(key).is_some(), "no {key} in {json}");
    }
}

#[test]
fn replay_of_a_hand_edited_save_exits_3_and_names_the_turn() {
    let book = book();
    let dir = tempfile::tempdir().unwrap();
    let game = played(&book, 5);
    let path = save::write(&book, dir.path(), "g", &game).unwrap();
    let honest = fs::read_to_string(&path).unwrap();
    let last = game.state().history().last().unwrap().turn;
    let now = game.state().turn();
    let cases = [
        // The last autonomy of the history, the state's stability, and an
        // earlier turn's leverage.
        (edit_number(&honest, "autonomy: ", true, 3.0), last),
        (edit_number(&honest, "stability: ", false, -10.0), now),
        (
            {
                let at = honest.find("turn: 2,\n                autonomy").unwrap();
                let (head, tail) = honest.split_at(at);
                format!("{head}{}", edit_number(tail, "leverage: ", false, 1.0))
            },
            2,
        ),
        // A decision the rules refuse.
        (
            honest.replacen("Plan(\"visit_ankara\")", "Plan(\"buy_the_moon\")", 1),
            0,
        ),
    ];
    for (i, (edited, turn)) in cases.iter().enumerate() {
        let name = format!("edited{i}");
        fs::write(dir.path().join(format!("{name}.ron")), edited).unwrap();
        let out = replay(&[&name, "--save-dir", "."], dir.path());
        let stderr = text(&out.stderr);
        assert_eq!(out.status.code(), Some(3), "case {i}: {stderr}");
        assert!(
            stderr.contains(&format!("differs from turn {turn}")),
            "case {i}: {stderr}"
        );
        let out = replay(&[&name, "--save-dir", ".", "--json"], dir.path());
        assert_eq!(out.status.code(), Some(3));
        let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        assert_eq!(json["matches"], false);
        assert_eq!(json["first_difference"], *turn);
    }
}

#[test]
fn replay_of_an_unreadable_file_exits_2_with_its_own_message_and_changes_nothing() {
    let book = book();
    let dir = tempfile::tempdir().unwrap();
    let (cases, before) = bad_saves_in(&book, dir.path());
    for (name, _, expected) in &cases {
        for args in [
            vec![*name, "--save-dir", "."],
            vec![*name, "--json", "--save-dir", "."],
        ] {
            let out = replay(&args, dir.path());
            let stderr = text(&out.stderr);
            assert_eq!(out.status.code(), Some(2), "{name}: {stderr}");
            assert!(stderr.contains(expected), "{name}: {stderr}");
            assert!(!stderr.contains("panicked"), "{name}: {stderr}");
        }
    }
    let out = replay(&["missing", "--save-dir", "."], dir.path());
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("no such save"));
    assert_eq!(snapshot(dir.path()), before, "replay changed the directory");
}

#[test]
fn replay_finds_saves_by_name_in_the_save_directory() {
    let book = book();
    let root = tempfile::tempdir().unwrap();
    let saves = root.path().join("class-saves");
    save::write(&book, &saves, "week 3", &played(&book, 2)).unwrap();
    // From $MULTIVECTOR_SAVE_DIR...
    let out = Command::new(env!("CARGO_BIN_EXE_multivector"))
        .args(["replay", "week 3"])
        .current_dir(root.path())
        .env("MULTIVECTOR_SAVE_DIR", &saves)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    // ...from --save-dir, which wins over it...
    let out = Command::new(env!("CARGO_BIN_EXE_multivector"))
        .args(["replay", "week 3", "--save-dir", "class-saves"])
        .current_dir(root.path())
        .env("MULTIVECTOR_SAVE_DIR", "/nowhere")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    // ...from ./saves by default, and by path.
    save::write(
        &book,
        &root.path().join("saves"),
        "default",
        &played(&book, 1),
    )
    .unwrap();
    assert_eq!(replay(&["default"], root.path()).status.code(), Some(0));
    assert_eq!(
        replay(&["class-saves/week 3.ron"], root.path())
            .status
            .code(),
        Some(0)
    );
}

/// A save written by another version of the game whose decisions no longer
/// replay is neither verified nor called edited: exit 4, and one line
/// naming both versions. One of another version that still replays is
/// verified.
#[test]
fn a_save_of_another_version_exits_4_unless_it_still_replays() {
    let book = book();
    let dir = tempfile::tempdir().unwrap();
    let path = save::write(&book, dir.path(), "honest", &played(&book, 5)).unwrap();
    let honest = fs::read_to_string(&path).unwrap();
    fs::write(
        dir.path().join("older.ron"),
        as_another_version(&honest, false),
    )
    .unwrap();
    fs::write(
        dir.path().join("older-ok.ron"),
        as_another_version(&honest, true),
    )
    .unwrap();
    let out = replay(&["older", "--save-dir", "."], dir.path());
    let stderr = text(&out.stderr);
    assert_eq!(out.status.code(), Some(4), "{stderr}");
    assert!(out.stdout.is_empty());
    assert_eq!(stderr.lines().count(), 1, "one line: {stderr}");
    for words in [
        "written by Multivector 0.0.9 (content fnv1a64:0123456789abcdef)",
        &format!(
            "this version, {} (content {})",
            save::GAME_VERSION,
            book.fingerprint
        ),
        "not verified",
    ] {
        assert!(stderr.contains(words), "{words}: {stderr}");
    }
    assert!(
        !stderr.contains("edited") || stderr.contains("not edited"),
        "{stderr}"
    );
    assert!(!stderr.contains("by hand"), "{stderr}");
    let out = replay(&["older", "--save-dir", ".", "--json"], dir.path());
    assert_eq!(out.status.code(), Some(4));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["verdict"], "another_version");
    assert_eq!(json["matches"], false);
    assert_eq!(json["written_by"], "0.0.9");
    assert_eq!(json["this_version"], save::GAME_VERSION);

    let out = replay(&["older-ok", "--save-dir", "."], dir.path());
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(text(&out.stdout).contains("reproduce the saved game"));
    let out = replay(&["older-ok", "--save-dir", ".", "--json"], dir.path());
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["verdict"], "verified");

    // The same save, its version left as this one's: edited (exit 3).
    let edited = honest.replacen("Plan(\"visit_ankara\")", "Plan(\"ankara_visit\")", 1);
    fs::write(dir.path().join("edited.ron"), edited).unwrap();
    let out = replay(&["edited", "--save-dir", "."], dir.path());
    let stderr = text(&out.stderr);
    assert_eq!(out.status.code(), Some(3), "{stderr}");
    assert!(stderr.contains("changed by hand"), "{stderr}");
}

/// A save on a teacher's own scenario is verified, with the scenario named
/// and its content hash, so that the teacher can see whose file it was.
#[test]
fn a_save_on_a_custom_scenario_is_verified_and_names_it_with_its_hash() {
    let book = book();
    let dir = tempfile::tempdir().unwrap();
    let lesson =
        multivector::content::scenario_from_file(&book, Path::new("tests/fixtures/lesson.ron"))
            .unwrap();
    let hash = save::scenario_hash(&lesson).unwrap();
    let mut game = multivector::rules::Game::new(&book, lesson, Some("uzbekistan"), 11).unwrap();
    play(&book, &mut game, 3);
    save::write(&book, dir.path(), "lesson", &game).unwrap();
    let out = replay(&["lesson", "--save-dir", "."], dir.path());
    let stdout = text(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(
        stdout.contains(&format!(
            "On a custom scenario: `lesson-any-state` \"A lesson for any state\", content hash {hash}."
        )),
        "{stdout}"
    );
    let out = replay(&["lesson", "--save-dir", ".", "--json"], dir.path());
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["scenario_origin"], "custom scenario");
    assert_eq!(json["scenario_hash"], hash.as_str());
}
