//! Running the binary on a bad file as a teacher would, and checking that
//! it is refused the way the game promises: exit 2, a message naming what
//! is wrong, in time, nothing written, no file changed.
//!
//! `MULTIVECTOR_BIN` runs the same commands with another build of the game
//! (one from before a fix, to see the test fail on it); each run gets a
//! bounded address space, so that a build that allocates without end fails
//! at once instead of filling the machine.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Duration;

use super::limited::{self, Run};

/// A bad file is refused at once: this is the bound past which a run is
/// killed and failed (a debug build, on a machine shared with compilers).
pub const LIMIT: Duration = Duration::from_secs(5);

/// The address space of each run, in KiB: plenty for the game, far too
/// little for a scenario that makes it allocate billions of effects.
const MEMORY_KIB: u64 = 2_000_000;

/// The message of a game that found no terminal to play in: what `play`
/// says once its scenario is accepted.
pub const NEEDS_A_TERMINAL: &str = multivector::ui::NEEDS_A_TERMINAL;

/// The binary under test.
pub fn bin() -> PathBuf {
    std::env::var_os("MULTIVECTOR_BIN")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_BIN_EXE_multivector")))
}

/// `multivector ARGS…` in `dir`, without a terminal (standard input
/// closed), with `dir/saves` as the save folder.
pub fn run(dir: &Path, args: &[&str]) -> Run {
    let mut cmd = Command::new("sh");
    cmd.arg("-c")
        .arg(format!("ulimit -v {MEMORY_KIB}; exec \"$0\" \"$@\""))
        .arg(bin())
        .args(args)
        .current_dir(dir)
        .env("MULTIVECTOR_SAVE_DIR", dir.join("saves"))
        .stdin(Stdio::null());
    limited::run(&mut cmd, LIMIT)
}

/// Runs `args` in `dir` and checks that it is refused: exit 2 in time,
/// not by a signal, nothing on standard output, every one of `words` in
/// the message, and no file of `dir` changed. Returns the message.
pub fn refused(dir: &Path, args: &[&str], words: &[&str]) -> String {
    let before = super::snapshot(dir);
    let run = run(dir, args);
    let err = run.stderr_text();
    assert!(!run.timed_out, "{args:?} ran past {LIMIT:?}: {err}");
    assert_eq!(
        (run.code, run.signal),
        (Some(2), None),
        "{args:?} should be refused with exit 2: {err}"
    );
    for word in words {
        assert!(err.contains(word), "{args:?}: `{word}` is not in: {err}");
    }
    assert!(
        !err.contains(NEEDS_A_TERMINAL),
        "{args:?} got as far as looking for a terminal: {err}"
    );
    assert!(
        run.stdout.is_empty(),
        "{args:?} wrote to standard output: {}",
        run.stdout_text()
    );
    assert!(
        super::snapshot(dir) == before,
        "{args:?} changed a file in {}",
        dir.display()
    );
    err
}

/// Runs `args` in `dir` and checks that it succeeds (exit 0, in time).
pub fn accepted(dir: &Path, args: &[&str]) -> Run {
    let run = run(dir, args);
    assert!(!run.timed_out, "{args:?} ran past {LIMIT:?}");
    assert_eq!(
        run.code,
        Some(0),
        "{args:?} should succeed: {}",
        run.stderr_text()
    );
    run
}

/// The three commands that read a scenario file: `check`, `play --scenario`
/// (which, without a terminal, stops after reading it) and `simulate
/// --scenario`.
pub fn scenario_commands(path: &str) -> [Vec<&str>; 3] {
    [
        vec!["check", path],
        vec!["play", "--scenario", path],
        vec![
            "simulate",
            "--policy",
            "random",
            "--games",
            "1",
            "--scenario",
            path,
        ],
    ]
}

/// Writes a scenario file `name` into `dir`; returns its path as given on
/// the command line (`./NAME`).
pub fn write(dir: &Path, name: &str, text: &str) -> String {
    std::fs::write(dir.join(name), text).unwrap();
    format!("./{name}")
}

/// The scenario file is refused by `check`, `play --scenario` and
/// `simulate --scenario` alike: exit 2, in time, the same message from
/// each (one path of validation), holding `words`. Returns the message.
pub fn refused_by_every_command(dir: &Path, path: &str, words: &[&str]) -> String {
    let said: Vec<String> = scenario_commands(path)
        .iter()
        .map(|args| refused(dir, args, words))
        .collect();
    assert_eq!(said[0], said[1], "check and play --scenario differ");
    assert_eq!(said[0], said[2], "check and simulate --scenario differ");
    said[0].clone()
}

/// A scenario of Kazakhstan holding `fields` (RON, each ended by a comma).
pub fn scenario(fields: &str) -> String {
    format!(
        "// A scenario a student could hand in.\n(\n    id: \"handed-in\",\n    name: \"Handed in\",\n    country: \"kazakhstan\",\n    {fields}\n)\n"
    )
}
