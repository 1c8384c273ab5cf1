//! Helpers shared by the integration tests.
#![allow(dead_code)]

pub mod games;
pub mod limited;
pub mod refusal;
pub mod screen;

pub use games::*;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command as Process, Output};

use multivector::rules::defs::{Effect, ScenarioDef};
use multivector::rules::{Book, Command, Game, Outcome, Raw};

pub fn standard(book: &Book) -> ScenarioDef<Raw> {
    book.scenario("standard").unwrap().clone()
}

/// The standard scenario, `turns` long, with these starting overrides.
pub fn with_overrides(book: &Book, turns: u32, overrides: Vec<Effect<Raw>>) -> ScenarioDef<Raw> {
    ScenarioDef {
        id: "test".into(),
        turns: Some(turns),
        overrides,
        ..standard(book)
    }
}

/// Answers every pending decision with its first open choice.
pub fn answer_all(game: &mut Game, book: &Book) {
    while !game.state().pending().is_empty() {
        let choices = multivector::rules::decision_choices(game.state(), book);
        let i = choices.iter().position(|c| c.1.is_none()).unwrap_or(0);
        game.apply(book, Command::Choose(i)).unwrap();
    }
}

/// Writes a save of `game` named `name` in `dir`.
pub fn save(book: &Book, dir: &Path, name: &str, game: &Game) -> PathBuf {
    multivector::save::write(book, dir, name, game).unwrap()
}

/// Reads a save back: the game its decisions make.
pub fn load(book: &Book, path: &Path) -> Game {
    multivector::save::read(book, path).unwrap().game
}

/// Every file under `dir`, with its contents, to compare a directory
/// before and after.
pub fn snapshot(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    let mut files = BTreeMap::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else {
                files.insert(path.clone(), std::fs::read(&path).unwrap());
            }
        }
    }
    files
}

/// Adds `delta` to the number after the last (or first) `key` in `text`.
pub fn edit_number(text: &str, key: &str, last: bool, delta: f64) -> String {
    let at = if last {
        text.rfind(key)
    } else {
        text.find(key)
    }
    .expect("key in the save");
    let start = at + key.len();
    let len = text[start..]
        .find(|c: char| !(c.is_ascii_digit() || c == '.' || c == '-' || c == 'e'))
        .unwrap();
    let value: f64 = text[start..start + len].parse().unwrap();
    format!(
        "{}{:?}{}",
        &text[..start],
        value + delta,
        &text[start + len..]
    )
}

/// The bad files every reader must refuse, by kind, with a word its message
/// must hold. `good` is the text of a real save.
pub fn bad_files(good: &str) -> Vec<(&'static str, Vec<u8>, &'static str)> {
    let future = good.replacen("version: 2,", "version: 7,", 1);
    assert_ne!(future, good);
    let mut oversized = good.as_bytes().to_vec();
    oversized.resize(9 * 1024 * 1024, b' ');
    vec![
        (
            "truncated",
            good.as_bytes()[..good.len() / 2].to_vec(),
            "damaged or cut short",
        ),
        ("empty", Vec::new(), "is empty"),
        (
            "binary",
            vec![0x89, b'P', b'N', b'G', 0, 0xff, 0xfe, 0x10, 0x80],
            "not a text file",
        ),
        ("oversized", oversized, "more than a save can be"),
        (
            "future",
            future.into_bytes(),
            "save format version 7 is newer than this game understands (supports 1, 2)",
        ),
        (
            "no-version",
            b"(name: \"x\")".to_vec(),
            "no `version` field",
        ),
        (
            "wrong-shape",
            good.replacen("seed: 7,", "seed: \"seven\",", 1)
                .into_bytes(),
            "does not hold a game",
        ),
    ]
}

/// Runs `multivector SUBCOMMAND ARGS…` in `cwd`, with no save directory
/// from the environment.
pub fn run_in(subcommand: &str, args: &[&str], cwd: &Path) -> Output {
    Process::new(env!("CARGO_BIN_EXE_multivector"))
        .arg(subcommand)
        .args(args)
        .current_dir(cwd)
        .env_remove("MULTIVECTOR_SAVE_DIR")
        .output()
        .unwrap()
}

/// Output bytes as text.
pub fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// A game played to its end (seed 3), saved as `done` in `dir`: its path
/// and its outcome.
pub fn finished_save(book: &Book, dir: &Path) -> (PathBuf, Outcome) {
    let mut game = new_game(book, 3);
    play(book, &mut game, 40);
    let outcome = *game.state().outcome().expect("the game ended");
    let path = save(book, dir, "done", &game);
    (path, outcome)
}

/// A bad file: its kind, its bytes, a word its message must hold.
pub type BadFile = (&'static str, Vec<u8>, &'static str);
/// The files of a directory and their bytes.
pub type Files = BTreeMap<PathBuf, Vec<u8>>;

/// A good save (3 turns) beside one bad file of each kind, named by its
/// kind, in `dir`: the bad cases (name, bytes, expected message) and the
/// directory's files as they were before any command ran.
pub fn bad_saves_in(book: &Book, dir: &Path) -> (Vec<BadFile>, Files) {
    let good_path = save(book, dir, "good", &played(book, 3));
    let good = std::fs::read_to_string(&good_path).unwrap();
    let cases = bad_files(&good);
    for (name, bytes, _) in &cases {
        std::fs::write(dir.join(format!("{name}.ron")), bytes).unwrap();
    }
    let before = snapshot(dir);
    (cases, before)
}

/// The text of a save as another version of the game would have written
/// it: another `game` version and content fingerprint; and, unless
/// `still_replays`, a decision this version's rules refuse (an action
/// since renamed).
pub fn as_another_version(save: &str, still_replays: bool) -> String {
    let line = |key: &str| {
        save.lines()
            .find(|l| l.trim_start().starts_with(key))
            .unwrap_or_else(|| panic!("no {key} in the save"))
            .to_string()
    };
    let mut text = save
        .replacen(&line("game: "), "    game: \"0.0.9\",", 1)
        .replacen(
            &line("fingerprint: "),
            "    fingerprint: \"fnv1a64:0123456789abcdef\",",
            1,
        );
    if !still_replays {
        let renamed = text.replacen("Plan(\"visit_ankara\")", "Plan(\"ankara_visit\")", 1);
        assert_ne!(renamed, text, "the save plans no visit to Ankara");
        text = renamed;
    }
    text
}
