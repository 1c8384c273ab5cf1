//! The game without a terminal (a pipe, a file, `/dev/null`, a script, a
//! cron job): the commands that open the terminal game refuse at once with
//! exit 2 and one plain line, write nothing to standard output (not even
//! the escape codes that set up or restore a screen) and change no file.

use crate::common;

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use crate::common::limited;

const MESSAGE: &str =
    "multivector needs a terminal; for headless use see `simulate`, `replay`, `report`";

#[test]
fn the_terminal_game_without_a_terminal_exits_2_and_draws_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let book = common::book();
    multivector::save::write(
        &book,
        &dir.path().join("saves"),
        "mine",
        &common::played(&book, 2),
    )
    .unwrap();
    std::fs::copy(
        "assets/scenarios/first-steps.ron",
        dir.path().join("class.ron"),
    )
    .unwrap();
    let before = common::snapshot(dir.path());
    for args in [
        &[][..],
        &["play", "--country", "kazakhstan"][..],
        &["play", "--scenario", "standard"][..],
        &["play", "--scenario", "./class.ron", "--seed", "4"][..],
        &["load", "mine"][..],
        &["--ascii", "play", "--country", "tajikistan"][..],
    ] {
        let run = limited::multivector(args, dir.path(), Duration::from_secs(10));
        assert!(!run.timed_out, "{args:?} hung");
        assert_eq!(run.code, Some(2), "{args:?}: {}", run.stderr_text());
        assert_eq!(run.stderr_text().trim_end(), MESSAGE, "{args:?}");
        assert!(
            run.stdout.is_empty(),
            "{args:?} wrote {:?}",
            run.stdout_text()
        );
        assert_eq!(
            common::snapshot(dir.path()),
            before,
            "{args:?} changed a file"
        );
    }
}

#[test]
fn bad_input_is_still_named_before_the_missing_terminal() {
    // A teacher checking a file in a script learns what is wrong with it.
    let dir = tempfile::tempdir().unwrap();
    let run = limited::multivector(
        &["play", "--scenario", "./nowhere.ron"],
        dir.path(),
        Duration::from_secs(10),
    );
    assert_eq!(run.code, Some(2));
    assert!(
        run.stderr_text().contains("no such scenario"),
        "{}",
        run.stderr_text()
    );
}

fn have_tmux() -> bool {
    let ok = Command::new("tmux")
        .arg("-V")
        .output()
        .is_ok_and(|o| o.status.success());
    assert!(
        ok || std::env::var("CI").is_err(),
        "tmux is missing on CI: .ci/run must install it"
    );
    ok
}

/// Runs `shell` in a fresh tmux terminal (so that whatever the line does
/// not redirect is a real terminal) and waits for the file `done` in `dir`.
fn in_tmux(tag: &str, dir: &Path, shell: &str) {
    let name = format!("mvheadless-{tag}-{}", std::process::id());
    let ok = Command::new("tmux")
        .args(["new-session", "-d", "-s", &name, "-x", "80", "-y", "24"])
        .arg(format!("cd '{}' && {shell}; touch done", dir.display()))
        .status()
        .expect("tmux runs")
        .success();
    assert!(ok, "tmux starts");
    let start = Instant::now();
    while !dir.join("done").exists() {
        if start.elapsed() > Duration::from_secs(20) {
            let _ = Command::new("tmux")
                .args(["kill-session", "-t", &name])
                .stderr(std::process::Stdio::null())
                .status();
            panic!("`{shell}` did not finish in a terminal");
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    let _ = Command::new("tmux")
        .args(["kill-session", "-t", &name])
        .stderr(std::process::Stdio::null())
        .status();
}

#[test]
fn half_a_terminal_is_no_terminal() {
    if !have_tmux() {
        eprintln!("tmux is missing: skipped");
        return;
    }
    let bin = env!("CARGO_BIN_EXE_multivector");
    // Keys but no screen: drawing into /dev/null would be playing blind.
    // A screen but no keys: nothing could be played.
    for (tag, redirect) in [("stdout", ">/dev/null"), ("stdin", "</dev/null >out")] {
        let dir = tempfile::tempdir().unwrap();
        in_tmux(
            tag,
            dir.path(),
            &format!("{bin} play --country kazakhstan {redirect} 2>err; echo $? >code"),
        );
        let code = std::fs::read_to_string(dir.path().join("code")).unwrap();
        let err = std::fs::read_to_string(dir.path().join("err")).unwrap();
        assert_eq!(code.trim(), "2", "{tag}: {err}");
        assert_eq!(err.trim_end(), MESSAGE, "{tag}");
        if let Ok(out) = std::fs::read(dir.path().join("out")) {
            assert!(out.is_empty(), "{tag}: wrote {out:?}");
        }
        assert!(!dir.path().join("saves").exists(), "{tag}: saved a game");
    }
}
