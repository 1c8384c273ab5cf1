//! The save format, its files and its reader, through the library.

use std::fs;
use std::path::Path;

use crate::common::*;
use multivector::rules::Command;
use multivector::save::{self, SaveError};

#[test]
fn save_load_save_gives_the_same_bytes() {
    let book = book();
    let mut game = played(&book, 6);
    answer_pending(&book, &mut game);
    plan_turn(&book, &mut game);
    let dir = tempfile::tempdir().unwrap();
    let first = save::write(&book, dir.path(), "round trip", &game).unwrap();
    let loaded = save::read(&book, &first).unwrap().game;
    assert_eq!(loaded, game, "the loaded game differs from the saved one");
    let second = save::write(&book, dir.path(), "round trip again", &loaded).unwrap();
    assert_eq!(fs::read(&first).unwrap(), fs::read(&second).unwrap());
    let text = fs::read_to_string(&first).unwrap();
    assert!(text.starts_with("(\n    version: 2,\n"), "{}", &text[..40]);
}

#[test]
fn a_game_saved_mid_turn_plays_on_like_one_never_saved() {
    let book = book();
    let dir = tempfile::tempdir().unwrap();
    let mut game = new_game(&book, 7);
    let (mut with_pending, mut with_plans) = (0, 0);
    for _ in 0..12 {
        // Save and load at every stop of a turn: after its end (perhaps with
        // a decision waiting), and with actions planned.
        game = load(&book, &save(&book, dir.path(), "mid", &game));
        if !game.state().pending().is_empty() {
            with_pending += 1;
        }
        answer_pending(&book, &mut game);
        plan_turn(&book, &mut game);
        if !game.state().planned().is_empty() {
            with_plans += 1;
        }
        game = load(&book, &save(&book, dir.path(), "mid", &game));
        game.apply(&book, Command::EndTurn).unwrap();
    }
    assert!(with_pending > 0, "no decision was ever pending at a save");
    assert!(with_plans > 0, "no action was ever planned at a save");

    let mut never_saved = new_game(&book, 7);
    play(&book, &mut never_saved, 12);
    assert_eq!(game.decisions(), never_saved.decisions());
    assert_eq!(game.state(), never_saved.state());

    // And on from there: the generator was restored where it was.
    play(&book, &mut game, 4);
    play(&book, &mut never_saved, 4);
    assert_eq!(game.state(), never_saved.state());
}

#[test]
fn write_keeps_the_previous_save_as_a_backup() {
    let book = book();
    let dir = tempfile::tempdir().unwrap();
    let early = played(&book, 1);
    let late = played(&book, 3);
    let path = save::write(&book, dir.path(), "mine", &early).unwrap();
    assert_eq!(path, dir.path().join("mine.ron"));
    assert!(!dir.path().join("mine.bak.ron").exists());
    let early_bytes = fs::read(&path).unwrap();
    save::write(&book, dir.path(), "mine", &late).unwrap();
    assert_eq!(
        fs::read(dir.path().join("mine.bak.ron")).unwrap(),
        early_bytes
    );
    assert_eq!(save::read(&book, &path).unwrap().game, late);
    // Only the save and its backup are left: no temporary file.
    let names: Vec<String> = fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    assert_eq!(names.len(), 2, "{names:?}");
}

#[test]
fn the_autosave_is_written_only_by_write_autosave() {
    let book = book();
    let dir = tempfile::tempdir().unwrap();
    let game = played(&book, 2);
    let err = save::write(&book, dir.path(), "autosave", &game).unwrap_err();
    assert_eq!(err.exit_code(), 2);
    let path = save::write_autosave(&book, dir.path(), &game).unwrap();
    assert_eq!(path, dir.path().join("autosave.ron"));
    save::write_autosave(&book, dir.path(), &played(&book, 3)).unwrap();
    assert_eq!(load(&book, &dir.path().join("autosave.bak.ron")), game);
}

#[test]
fn write_creates_the_save_directory() {
    let book = book();
    let root = tempfile::tempdir().unwrap();
    let dir = root.path().join("a").join("saves");
    let path = save::write(&book, &dir, "first", &played(&book, 1)).unwrap();
    assert_eq!(path, dir.join("first.ron"));
    assert!(path.is_file());
}

#[test]
fn names_that_would_leave_the_directory_are_refused_and_write_nothing() {
    let book = book();
    let game = played(&book, 1);
    let root = tempfile::tempdir().unwrap();
    let dir = root.path().join("saves");
    fs::create_dir(&dir).unwrap();
    let before = snapshot(root.path());
    for name in [
        "../../etc/x",
        "../x",
        "..",
        "/etc/passwd",
        "/tmp/x",
        "a/b",
        "a\\b",
        "C:\\x",
        "CON",
        "nul.ron",
        "com1",
        "tab\there",
        "esc\u{1b}[2J",
        "nul\0byte",
        "",
        "   ",
        &"x".repeat(65),
    ] {
        let err = save::write(&book, &dir, name, &game).unwrap_err();
        assert!(matches!(err, SaveError::BadName { .. }), "{name:?}: {err}");
        assert_eq!(err.exit_code(), 2);
        assert!(err.to_string().contains("cannot be a save's name"), "{err}");
    }
    assert_eq!(snapshot(root.path()), before, "something was written");

    // A name with spaces around it is trimmed, and stays in the directory.
    let path = save::write(&book, &dir, "  my game  ", &game).unwrap();
    assert_eq!(path, dir.join("my game.ron"));
}

#[test]
fn default_names_are_valid_names() {
    let book = book();
    let game = played(&book, 6);
    let name = save::default_name(&book, &game);
    assert_eq!(name, "kazakhstan-2027-q3");
    assert_eq!(save::sanitize_name(&name).unwrap(), name);
}

#[test]
fn bad_files_are_refused_each_with_its_own_message_and_nothing_changes() {
    let book = book();
    let dir = tempfile::tempdir().unwrap();
    let good_path = save::write(&book, dir.path(), "good", &played(&book, 3)).unwrap();
    let good = fs::read_to_string(&good_path).unwrap();
    let cases = bad_files(&good);
    for (name, bytes, _) in &cases {
        fs::write(dir.path().join(format!("{name}.ron")), bytes).unwrap();
    }
    let before = snapshot(dir.path());
    let mut messages = Vec::new();
    for (name, _, expected) in &cases {
        let path = dir.path().join(format!("{name}.ron"));
        let err = save::read(&book, &path).unwrap_err();
        let message = err.to_string();
        assert!(message.contains(expected), "{name}: {message}");
        assert!(message.contains(&path.display().to_string()), "{message}");
        assert_eq!(err.exit_code(), 2, "{name}: {message}");
        messages.push(message);
        // Replaying gives the same refusal.
        let err = save::replay(&book, &path).unwrap_err();
        assert_eq!(err.to_string(), *messages.last().unwrap());
    }
    let truncated = &messages[0];
    let position = truncated
        .split(':')
        .skip(1)
        .take(2)
        .map(|s| s.parse::<usize>())
        .collect::<Result<Vec<_>, _>>();
    assert!(
        matches!(position.as_deref(), Ok([line, _]) if *line > 1),
        "no line and column in {truncated}"
    );
    assert_eq!(
        save::read(&book, &dir.path().join("missing.ron"))
            .unwrap_err()
            .exit_code(),
        2
    );
    assert_eq!(snapshot(dir.path()), before, "a read changed the directory");
}

#[test]
fn a_scenario_edited_in_the_save_is_refused() {
    let book = book();
    let dir = tempfile::tempdir().unwrap();
    let path = save::write(&book, dir.path(), "s", &played(&book, 2)).unwrap();
    let text = fs::read_to_string(&path).unwrap();
    let edited = text.replacen("turns: Some(24),", "turns: Some(99),", 1);
    assert_ne!(edited, text);
    fs::write(&path, edited).unwrap();
    let err = save::read(&book, &path).unwrap_err();
    assert!(matches!(err, SaveError::ScenarioChanged { .. }), "{err}");
    assert_eq!(err.exit_code(), 2);
}

#[test]
fn list_shows_saves_newest_first_and_broken_files_with_their_error() {
    let book = book();
    let dir = tempfile::tempdir().unwrap();
    let old = save::write(&book, dir.path(), "old", &played(&book, 1)).unwrap();
    save::write(&book, dir.path(), "old", &played(&book, 2)).unwrap(); // leaves old.bak.ron
    let new = save::write(&book, dir.path(), "new", &played(&book, 6)).unwrap();
    fs::write(dir.path().join("broken.ron"), "(version: 1, scenario").unwrap();
    fs::write(dir.path().join("notes.txt"), "not a save").unwrap();
    fs::create_dir(dir.path().join("folder.ron")).unwrap();
    let hour = std::time::Duration::from_secs(3600);
    let now = std::time::SystemTime::now();
    let set = |path: &Path, t| {
        fs::File::options()
            .write(true)
            .open(path)
            .unwrap()
            .set_modified(t)
            .unwrap()
    };
    set(&old, now - 2 * hour);
    set(&new, now - hour);
    set(&dir.path().join("broken.ron"), now - 3 * hour);

    let saves = save::list(dir.path());
    let names: Vec<&str> = saves.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(names, ["new", "old", "broken"]);
    let new = &saves[0];
    assert_eq!(new.country, "kazakhstan");
    assert_eq!(new.date_label, "2027 Q3");
    // Six turns played: the seventh is on the board, as the game shows it.
    assert_eq!((new.turn, new.turns, new.ended), (7, 24, false));
    assert!(new.autonomy > 0.0 && new.leverage > 0.0 && new.stability > 0.0);
    assert!(new.error.is_none());
    let broken = &saves[2];
    let error = broken.error.as_deref().expect("the broken save's error");
    assert!(error.contains("damaged or cut short"), "{error}");
    assert!(save::list(&dir.path().join("nowhere")).is_empty());
}

#[test]
fn save_dir_prefers_the_flag() {
    assert_eq!(
        save::save_dir(Some(Path::new("/x/y"))),
        Path::new("/x/y").to_path_buf()
    );
}

#[test]
fn an_honest_save_replays_and_an_edited_one_names_the_turn() {
    let book = book();
    let dir = tempfile::tempdir().unwrap();
    let game = played(&book, 5);
    let path = save::write(&book, dir.path(), "honest", &game).unwrap();
    let report = save::replay(&book, &path).unwrap();
    assert!(report.matches, "{report:?}");
    assert_eq!(report.first_difference, None);
    assert_eq!(report.turns, 5);
    assert_eq!(report.autonomy, game.state().autonomy());

    let text = fs::read_to_string(&path).unwrap();
    let last_turn = game.state().history().last().unwrap().turn;
    let edited = dir.path().join("edited.ron");
    fs::write(&edited, edit_number(&text, "autonomy: ", true, 5.0)).unwrap();
    let report = save::replay(&book, &edited).unwrap();
    assert!(!report.matches);
    assert_eq!(report.first_difference, Some(last_turn));
}
