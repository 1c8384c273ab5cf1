//! Text from a file never reaches the terminal raw: an id or a name that
//! holds escape sequences (here one that would set the terminal's title
//! and clear the screen) is printed without its control characters by
//! `check`, `scenarios`-like listings, `replay`, `report` (Markdown and
//! CSV; JSON escapes them), and in every error message.

use std::path::Path;
use std::time::Duration;

use crate::common::limited::{self, Run};
use crate::common::*;
use multivector::rules::Game;
use multivector::save::{self, migrate::Document};

const EVIL: &str = "x\u{1b}]0;PWNED\u{7}\u{1b}[2J";
/// `EVIL` as it must come out: its visible characters only.
const SHOWN: &str = "x]0;PWNED[2J";

fn raw_controls(bytes: &[u8]) -> Vec<u8> {
    bytes
        .iter()
        .copied()
        .filter(|&b| b == 0x1b || b == 0x07 || b == 0x9b)
        .collect()
}

fn assert_clean(what: &str, run: &Run) {
    assert!(!run.timed_out, "{what} hung");
    for (stream, bytes) in [("stdout", &run.stdout), ("stderr", &run.stderr)] {
        assert!(
            raw_controls(bytes).is_empty(),
            "{what} wrote control characters to {stream}: {:?}",
            String::from_utf8_lossy(bytes)
        );
    }
}

fn mv(args: &[&str], cwd: &Path) -> Run {
    limited::multivector(args, cwd, Duration::from_secs(20))
}

/// `text` with RON's escape for each control character of `EVIL`.
fn ron_string(s: &str) -> String {
    s.chars()
        .map(|c| {
            if c.is_control() {
                format!("\\u{{{:x}}}", c as u32)
            } else {
                c.to_string()
            }
        })
        .collect()
}

#[test]
fn check_prints_a_scenario_id_and_an_unknown_country_cleaned() {
    let dir = tempfile::tempdir().unwrap();
    let evil = ron_string(EVIL);
    std::fs::write(
        dir.path().join("id.ron"),
        format!("(id: \"{evil}\", name: \"S\")"),
    )
    .unwrap();
    std::fs::write(
        dir.path().join("country.ron"),
        format!("(id: \"s\", name: \"S\", country: \"{evil}\")"),
    )
    .unwrap();
    std::fs::write(
        dir.path().join("raw.ron"),
        format!("(id: \"{EVIL}\", name: \"S\")"),
    )
    .unwrap();
    let run = mv(&["check", "id.ron"], dir.path());
    assert_clean("check id.ron", &run);
    assert_eq!(run.code, Some(0), "{}", run.stderr_text());
    assert!(run.stderr_text().contains(SHOWN), "{}", run.stderr_text());
    for args in [
        &["check", "country.ron"][..],
        &["play", "--scenario", "./country.ron"][..],
        &[
            "simulate",
            "--policy",
            "random",
            "--games",
            "1",
            "--scenario",
            "./country.ron",
        ][..],
    ] {
        let run = mv(args, dir.path());
        assert_clean(&format!("{args:?}"), &run);
        assert_eq!(run.code, Some(2), "{args:?}: {}", run.stderr_text());
    }
    // Raw control characters in the file: refused or not, never echoed.
    let run = mv(&["check", "raw.ron"], dir.path());
    assert_clean("check raw.ron", &run);
    assert!(matches!(run.code, Some(0 | 2)), "{}", run.stderr_text());
    // A path typed on the command line is cleaned too.
    let run = mv(&["check", &format!("{EVIL}.ron")], dir.path());
    assert_clean("check of an escape path", &run);
    assert_eq!(run.code, Some(2));
}

/// A save whose state names the country `EVIL` (changed by hand), and one
/// whose scenario has the id `EVIL` (an honest game of an odd scenario).
fn evil_saves(dir: &Path) {
    let book = book();
    let path = save::write(&book, dir, "country", &played(&book, 3)).unwrap();
    let text = std::fs::read_to_string(&path).unwrap();
    let mut doc = Document::parse(&text).unwrap();
    let shown = doc.get("state").unwrap().trim();
    let inner = shown
        .strip_prefix("Some(")
        .and_then(|s| s.strip_suffix(')'));
    let mut state = Document::parse(inner.expect("a shown state")).unwrap();
    state.set("country", format!("\"{}\"", ron_string(EVIL)));
    doc.set("state", format!("Some({})", state.to_text()));
    std::fs::write(&path, doc.to_text()).unwrap();
    let claimed = save::read(&book, &path).unwrap().file.state.unwrap();
    assert_eq!(claimed.country, EVIL);

    let mut scenario = book.scenario("standard").unwrap().clone();
    scenario.id = EVIL.to_string();
    scenario.name = EVIL.to_string();
    let mut game = Game::new(&book, scenario, Some("kazakhstan"), 7).unwrap();
    play(&book, &mut game, 3);
    save::write(&book, dir, "scenario", &game).unwrap();
}

#[test]
fn replay_and_report_print_a_saved_name_cleaned() {
    let dir = tempfile::tempdir().unwrap();
    evil_saves(dir.path());
    for name in ["country", "scenario"] {
        for args in [
            &["replay", name, "--save-dir", "."][..],
            &["report", name, "--save-dir", "."][..],
            &["report", name, "--save-dir", ".", "--format", "csv"][..],
            &["report", name, "--save-dir", ".", "--format", "json"][..],
            &["replay", name, "--save-dir", ".", "--json"][..],
            &["load", name, "--save-dir", "."][..],
        ] {
            let run = mv(args, dir.path());
            assert_clean(&format!("{args:?}"), &run);
            assert!(
                matches!(run.code, Some(0 | 2 | 3)),
                "{args:?}: {:?} {}",
                run.code,
                run.stderr_text()
            );
        }
    }
    // The name is still there to read, only without its escapes.
    let run = mv(&["replay", "country", "--save-dir", "."], dir.path());
    assert!(
        run.stderr_text().contains(SHOWN) || run.stdout_text().contains(SHOWN),
        "{}{}",
        run.stdout_text(),
        run.stderr_text()
    );
    let run = mv(&["report", "scenario", "--save-dir", "."], dir.path());
    assert_eq!(run.code, Some(0), "{}", run.stderr_text());
    assert!(run.stdout_text().contains(SHOWN), "{}", run.stdout_text());
    // A report written to a file is cleaned the same way.
    let run = mv(
        &["report", "scenario", "--save-dir", ".", "-o", "r.md"],
        dir.path(),
    );
    assert_eq!(run.code, Some(0), "{}", run.stderr_text());
    let md = std::fs::read(dir.path().join("r.md")).unwrap();
    assert!(raw_controls(&md).is_empty());
    // JSON keeps the name exactly, escaped.
    let run = mv(
        &["report", "scenario", "--save-dir", ".", "--format", "json"],
        dir.path(),
    );
    let v: serde_json::Value = serde_json::from_slice(&run.stdout).unwrap();
    assert!(v.to_string().contains("\\u001b"), "{v}");
}
