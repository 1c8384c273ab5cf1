//! The save directory: leftover temporary files cleared when it is next
//! opened (never another game's save in progress), saves too large to be
//! read back never written, and a list that reads only what it shows.

use std::fs;
use std::path::Path;
use std::time::{Duration, SystemTime};

use crate::common::*;
use multivector::rules::{Command, Game};
use multivector::save::{self, SaveError, migrate::Document};

fn age(path: &Path, by: Duration) {
    fs::File::open(path)
        .unwrap()
        .set_modified(SystemTime::now() - by)
        .unwrap();
}

fn names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

/// Leftovers of a killed game (old), a save in progress (young), and
/// hidden files that are not the game's.
fn litter(dir: &Path) {
    for (name, old) in [
        (".autosave.Ab12Cd.tmp", true),
        (".week 3.x9Y8z7.tmp", true),
        (".autosave.Zz99Zz.tmp", false),
        (".notes.tmp", true),
        (".autosave.toolong1.tmp", true),
    ] {
        let p = dir.join(name);
        fs::write(&p, "(version: 1").unwrap();
        if old {
            age(&p, Duration::from_secs(61));
        }
    }
    fs::create_dir(dir.join(".folder.Ab12Cd.tmp")).unwrap();
    age(&dir.join(".folder.Ab12Cd.tmp"), Duration::from_secs(3600));
}

const KEPT: [&str; 4] = [
    ".autosave.Zz99Zz.tmp",
    ".autosave.toolong1.tmp",
    ".folder.Ab12Cd.tmp",
    ".notes.tmp",
];

#[test]
fn listing_the_saves_clears_old_leftovers_and_keeps_a_save_in_progress() {
    let book = book();
    let dir = tempfile::tempdir().unwrap();
    save::write(&book, dir.path(), "mine", &played(&book, 1)).unwrap();
    litter(dir.path());
    let saves = save::list(dir.path());
    assert_eq!(saves.len(), 1);
    let mut want: Vec<String> = KEPT.iter().map(|s| s.to_string()).collect();
    want.push("mine.ron".into());
    want.sort();
    assert_eq!(names(dir.path()), want);
}

#[test]
fn writing_a_save_clears_old_leftovers_too() {
    let book = book();
    let dir = tempfile::tempdir().unwrap();
    litter(dir.path());
    save::write_autosave(&book, dir.path(), &played(&book, 1)).unwrap();
    let mut want: Vec<String> = KEPT.iter().map(|s| s.to_string()).collect();
    want.push("autosave.ron".into());
    want.sort();
    assert_eq!(names(dir.path()), want);
}

#[cfg(unix)]
#[test]
fn a_link_named_like_a_leftover_is_not_followed_or_removed() {
    let dir = tempfile::tempdir().unwrap();
    let outside = tempfile::tempdir().unwrap();
    let precious = outside.path().join("precious");
    fs::write(&precious, "keep me").unwrap();
    age(&precious, Duration::from_secs(3600));
    std::os::unix::fs::symlink(&precious, dir.path().join(".autosave.Ab12Cd.tmp")).unwrap();
    assert_eq!(save::remove_stale_temps(dir.path()), 0);
    assert!(dir.path().join(".autosave.Ab12Cd.tmp").exists());
    assert_eq!(fs::read_to_string(&precious).unwrap(), "keep me");
}

/// A game whose save is just over `bytes` long: a scenario cannot hold much
/// text, but a player can plan and take back an action without end, and
/// every decision is kept.
fn huge_game(bytes: usize) -> Game {
    let book = book();
    let scenario = book.scenario("standard").unwrap().clone();
    let mut game = Game::new(&book, scenario, Some("kazakhstan"), 1).unwrap();
    let ankara = book.action_id("visit_ankara").unwrap();
    let size = |g: &Game| save::to_text(&book, g).unwrap().len();
    let base = size(&game);
    for _ in 0..100 {
        game.apply(&book, Command::Plan(ankara)).unwrap();
        game.apply(&book, Command::Unplan(ankara)).unwrap();
    }
    let per_pair = (size(&game) - base) / 100;
    loop {
        let now = size(&game);
        if now >= bytes {
            return game;
        }
        for _ in 0..((bytes - now) / per_pair).max(1) {
            game.apply(&book, Command::Plan(ankara)).unwrap();
            game.apply(&book, Command::Unplan(ankara)).unwrap();
        }
    }
}

#[test]
fn a_save_too_large_to_read_back_is_not_written_and_the_old_one_is_kept() {
    let book = book();
    let dir = tempfile::tempdir().unwrap();
    let old = save::write(&book, dir.path(), "mine", &played(&book, 2)).unwrap();
    save::write_autosave(&book, dir.path(), &played(&book, 3)).unwrap();
    let before = snapshot(dir.path());
    let game = huge_game(save::MAX_SAVE_BYTES as usize + 1);
    for result in [
        save::write(&book, dir.path(), "mine", &game),
        save::write_autosave(&book, dir.path(), &game),
    ] {
        let e = result.unwrap_err();
        assert!(matches!(e, SaveError::TooLargeToWrite { .. }), "{e}");
        let msg = e.to_string();
        assert!(msg.contains("more than a save can be"), "{msg}");
        assert!(msg.contains("it was not saved"), "{msg}");
        assert_eq!(e.exit_code(), 1);
    }
    assert_eq!(snapshot(dir.path()), before, "a file changed");
    assert!(save::read(&book, &old).is_ok());
}

#[test]
fn a_save_just_under_the_limit_is_written_and_read_back() {
    let book = book();
    let dir = tempfile::tempdir().unwrap();
    let game = huge_game(save::MAX_SAVE_BYTES as usize - 4096);
    let path = save::write(&book, dir.path(), "big", &game).unwrap();
    assert!(fs::metadata(&path).unwrap().len() <= save::MAX_SAVE_BYTES);
    assert!(save::read(&book, &path).is_ok());
}

#[test]
fn the_list_shows_what_loading_shows() {
    let book = book();
    let dir = tempfile::tempdir().unwrap();
    for (name, turns) in [("a", 0), ("b", 3), ("c", 9)] {
        save::write(&book, dir.path(), name, &played(&book, turns)).unwrap();
    }
    finished_save(&book, dir.path());
    let listed = save::list(dir.path());
    assert_eq!(listed.len(), 4);
    for info in &listed {
        let game = save::read(&book, &info.path).unwrap().game;
        let s = game.state();
        assert_eq!(info.country, book.country(s.country()).id);
        assert_eq!(info.date_label, s.date_label());
        assert_eq!(info.turn, (s.turn() + 1).min(s.turns()));
        assert_eq!(info.turns, s.turns());
        assert_eq!(info.ended, s.outcome().is_some(), "{}", info.name);
        assert_eq!(info.autonomy, s.autonomy());
        assert_eq!(info.leverage, s.leverage());
        assert_eq!(info.stability, s.stability());
        assert!(info.error.is_none());
    }
    assert!(listed.iter().any(|i| i.ended));
}

#[test]
fn the_list_reads_only_what_it_shows() {
    let book = book();
    let dir = tempfile::tempdir().unwrap();
    let path = save::write(&book, dir.path(), "full", &played(&book, 4)).unwrap();
    let text = fs::read_to_string(&path).unwrap();
    // Decisions the game cannot read: loading says so, the list is not held up.
    let mut doc = Document::parse(&text).unwrap();
    doc.set("decisions", "[(nothing: \"here\")]");
    fs::write(dir.path().join("odd.ron"), doc.to_text()).unwrap();
    assert!(save::read(&book, &dir.path().join("odd.ron")).is_err());

    let listed = save::list(dir.path());
    let full = listed.iter().find(|i| i.name == "full").unwrap();
    {
        let name = "odd";
        let i = listed.iter().find(|i| i.name == name).unwrap();
        assert!(i.error.is_none(), "{name}: {:?}", i.error);
        assert_eq!(
            (&i.country, &i.date_label, i.turn, i.autonomy),
            (&full.country, &full.date_label, full.turn, full.autonomy),
            "{name}"
        );
    }
}

#[test]
fn the_list_gives_the_error_loading_would_give() {
    let book = book();
    let dir = tempfile::tempdir().unwrap();
    let (cases, _) = bad_saves_in(&book, dir.path());
    let listed = save::list(dir.path());
    for (name, _, expected) in &cases {
        let info = listed.iter().find(|i| i.name == *name).unwrap();
        if *name == "wrong-shape" {
            // Its seed is damaged, which the list does not show: loading
            // it says what is wrong (on the load screen's status line).
            assert!(info.error.is_none());
            let read = save::read(&book, &info.path).unwrap_err().to_string();
            assert!(read.contains(expected), "{read}");
            continue;
        }
        let error = info.error.as_deref().unwrap_or_default();
        assert!(error.contains(expected), "{name}: {error}");
        let read = save::read(&book, &info.path).unwrap_err().to_string();
        assert_eq!(error, read, "{name}");
    }
}
