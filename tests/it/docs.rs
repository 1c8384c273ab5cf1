//! The documents' commands, run as a reader would run them: the fenced
//! blocks of `docs/TEACHING.md` marked `sh test` against the built binary
//! in a folder laid out like a clone (with a class's saves in it), its
//! `play` commands through the command line's parser, and the example of
//! `docs/SCENARIOS.md` marked `ron check` through `check`.

use std::fs;
use std::path::Path;
use std::process::Command;

use crate::common::*;
use multivector::rules::Game;
use multivector::save;

/// What a reader types in place of the built binary.
const CARGO_RUN: &str = "cargo run --release --";

/// The fenced blocks of a Markdown text whose info string is `info`.
fn blocks(markdown: &str, info: &str) -> Vec<String> {
    let mut found = Vec::new();
    // Inside a fenced block: `Some(Some(text))` for one of those sought.
    let mut open: Option<Option<String>> = None;
    for line in markdown.lines() {
        match (open.as_mut(), line.trim_start().strip_prefix("```")) {
            (None, Some(rest)) => open = Some((rest.trim() == info).then(String::new)),
            (Some(_), Some(_)) => found.extend(open.take().flatten()),
            (Some(Some(block)), None) => {
                block.push_str(line);
                block.push('\n');
            }
            (Some(None) | None, None) => {}
        }
    }
    assert!(open.is_none(), "a fenced block is not closed");
    found
}

fn doc(name: &str) -> String {
    fs::read_to_string(Path::new("docs").join(name)).unwrap()
}

fn copy_dir(from: &Path, to: &Path) {
    fs::create_dir_all(to).unwrap();
    for entry in fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            fs::copy(entry.path(), target).unwrap();
        }
    }
}

/// Runs a block of shell commands in `cwd`, with the binary for
/// `cargo run --release --`, stopping at the first that fails.
fn run_block(block: &str, cwd: &Path) -> std::process::Output {
    let binary = format!("'{}'", env!("CARGO_BIN_EXE_multivector"));
    let script = block.replace(CARGO_RUN, &binary);
    Command::new("sh")
        .args(["-e", "-c", &script])
        .current_dir(cwd)
        .env_remove("MULTIVECTOR_SAVE_DIR")
        .output()
        .unwrap()
}

#[test]
fn the_teaching_plans_commands_work_as_written() {
    let book = book();
    let plan = doc("TEACHING.md");
    let tested = blocks(&plan, "sh test");
    assert!(tested.len() >= 3, "{tested:?}");
    // A clone's content, and the class's saves as the plan has them
    // collected: alice finished the game, bob did not.
    let dir = tempfile::tempdir().unwrap();
    copy_dir(Path::new("assets"), &dir.path().join("assets"));
    let class = dir.path().join("class-saves");
    let scenario = book.scenario("first-steps").unwrap().clone();
    for (name, turns) in [("alice", 20), ("bob", 3)] {
        let mut game = Game::new(&book, scenario.clone(), None, 2026).unwrap();
        play(&book, &mut game, turns);
        save::write(&book, &class, name, &game).unwrap();
    }
    for block in &tested {
        let out = run_block(block, dir.path());
        assert_eq!(
            out.status.code(),
            Some(0),
            "{block}\n{}{}",
            text(&out.stdout),
            text(&out.stderr)
        );
    }
    for file in ["class.csv", "class.md", "alice.md"] {
        assert!(dir.path().join(file).is_file(), "{file} was not written");
    }
    let table = fs::read_to_string(dir.path().join("class.csv")).unwrap();
    assert_eq!(table.lines().count(), 3, "{table}");
    assert!(
        table.contains("alice") && table.contains("verified"),
        "{table}"
    );
}

#[test]
fn every_play_command_of_the_teaching_plan_is_one_the_game_takes() {
    let book = book();
    let plan = doc("TEACHING.md");
    let mut seen = 0;
    for block in blocks(&plan, "sh").iter().chain(&blocks(&plan, "sh test")) {
        for line in block.lines().filter(|l| l.starts_with(CARGO_RUN)) {
            let args: Vec<&str> = line[CARGO_RUN.len()..].split_whitespace().collect();
            if args.first() != Some(&"play") {
                continue;
            }
            seen += 1;
            // The parser takes the flags (--help stops before the terminal).
            let out = run_in(args[0], &[&args[1..], &["--help"]].concat(), Path::new("."));
            assert_eq!(out.status.code(), Some(0), "{line}: {}", text(&out.stderr));
            // And a built-in scenario named is one the game has.
            if let Some(i) = args.iter().position(|a| *a == "--scenario") {
                let id = args[i + 1];
                assert!(
                    id.ends_with(".ron") || book.scenario(id).is_some(),
                    "{line}: no scenario {id}"
                );
            }
        }
    }
    assert!(seen >= 1, "no play command found in the plan");
}

#[test]
fn the_annotated_scenario_passes_check() {
    let examples = blocks(&doc("SCENARIOS.md"), "ron check");
    assert_eq!(examples.len(), 1, "one annotated example");
    let dir = tempfile::tempdir().unwrap();
    for (i, example) in examples.iter().enumerate() {
        let path = dir.path().join(format!("example-{i}.ron"));
        fs::write(&path, example).unwrap();
        let out = run_in("check", &[path.to_str().unwrap()], dir.path());
        assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
        assert_eq!(text(&out.stdout), "ok\n");
        let scenario = multivector::content::scenario_from_file(&book(), &path).unwrap();
        // The example is not a built-in scenario under another name.
        assert!(book().scenario(&scenario.id).is_none());
    }
}
