//! Messages about a bad file are in plain words, and the same whichever
//! command read it: `check` and `play --scenario` say the same of a
//! cut-short scenario; no message speaks the parser's jargon.

use std::path::Path;
use std::time::Duration;

use crate::common::limited;
use multivector::content;

/// Words of the parser's, not of a player's or a teacher's.
const JARGON: [&str; 8] = [
    "ron::",
    "recursion_limit",
    "serde",
    "RawValue",
    "Non-whitespace",
    "ScenarioDef",
    "SaveFile",
    "Unexpected missing",
];

fn assert_plain(what: &str, message: &str) {
    for word in JARGON {
        assert!(!message.contains(word), "{what}: `{word}` in {message}");
    }
}

#[test]
fn check_and_play_word_a_cut_short_scenario_the_same() {
    let book = content::builtin().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let full = std::fs::read_to_string("assets/scenarios/first-steps.ron").unwrap();
    let mut cuts = 0;
    for cut in (1..full.len()).step_by(7) {
        if !full.is_char_boundary(cut) {
            continue;
        }
        let path = dir.path().join(format!("cut{cut}.ron"));
        std::fs::write(&path, &full[..cut]).unwrap();
        let checked = content::check_file(&path);
        let played = content::resolve_scenario(&book, path.to_str().unwrap());
        match (checked, played) {
            (Err(a), Err(b)) => {
                assert_eq!(a.to_string(), b.to_string(), "cut at {cut}");
                assert_plain(&format!("cut at {cut}"), &a.to_string());
                cuts += 1;
            }
            (Ok(_), Ok(_)) => {}
            (a, b) => panic!("cut at {cut}: check says {a:?}, play says {b:?}"),
        }
    }
    assert!(cuts > 100, "only {cuts} cuts were refused");
}

#[test]
fn the_binary_says_the_same_through_check_play_and_simulate() {
    let dir = tempfile::tempdir().unwrap();
    let full = std::fs::read_to_string("assets/scenarios/first-steps.ron").unwrap();
    // Inside the leading comments, inside a string, after a whole field.
    for cut in [
        40,
        full.find("name:").unwrap() + 9,
        full.find("turns").unwrap(),
    ] {
        std::fs::write(dir.path().join("cut.ron"), &full[..cut]).unwrap();
        let mut said = Vec::new();
        for args in [
            &["check", "./cut.ron"][..],
            &["play", "--scenario", "./cut.ron", "--country", "kazakhstan"][..],
            &[
                "simulate",
                "--policy",
                "random",
                "--games",
                "1",
                "--scenario",
                "./cut.ron",
            ][..],
        ] {
            let run = limited::multivector(args, dir.path(), Duration::from_secs(20));
            assert_eq!(run.code, Some(2), "{args:?}: {}", run.stderr_text());
            said.push(run.stderr_text());
        }
        assert_eq!(said[0], said[1], "cut at {cut}");
        assert_eq!(said[0], said[2], "cut at {cut}");
        assert!(said[0].starts_with("./cut.ron:"), "{}", said[0]);
    }
}

fn check_message(dir: &Path, name: &str, body: &str) -> String {
    let path = dir.join(name);
    std::fs::write(&path, body).unwrap();
    content::check_file(&path).unwrap_err().to_string()
}

#[test]
fn parser_errors_are_told_in_plain_words() {
    let dir = tempfile::tempdir().unwrap();
    let deep = format!("(id: \"a\", name: \"b\", objectives: {})", "[".repeat(300));
    for (body, words) in [
        (deep.as_str(), "nested too deeply"),
        (&"[".repeat(300), "nested too deeply"),
        ("(id: \"a\", name: \"b\") /* note", "comment is not closed"),
        ("(id: \"a\", name: \"b", "not closed"),
        ("(id: \"a\")", "the field `name` is missing in a scenario"),
        (
            "(id: \"a\", id: \"b\", name: \"c\")",
            "the field `id` is given twice",
        ),
        (
            "(id: \"a\", name: \"b\", turns: \"x\")",
            "expected a whole number",
        ),
        (
            "(id: \"a\", name: \"b\", turns: 99999999999999999999)",
            "too large",
        ),
        (
            "(id: \"a\", name: \"b\", overrides: [Frob(1)])",
            "`Frob` is not known here in an effect",
        ),
        (
            "#![enable(nonsense)]\n(id: \"a\")",
            "no RON extension `nonsense`",
        ),
        ("(id: \"a\", name: \"b\") x", "more text after the end"),
    ] {
        let message = check_message(dir.path(), "s.ron", body);
        assert!(message.contains(words), "{body}: {message}");
        assert_plain(body, &message);
    }
}

#[test]
fn save_messages_are_plain_too() {
    let dir = tempfile::tempdir().unwrap();
    let deep = format!("(version: 2, scenario: {})", "(".repeat(300));
    let book = multivector::content::builtin().unwrap();
    for (body, words) in [
        (deep.as_str(), "nested too deeply"),
        ("(version: 2, seed: 2) // end", "missing"),
        (
            "(version: 2, seed: 2)",
            "the field `game` is missing in a saved game",
        ),
        ("(version: 1, seed: 2)", "it has no `scenario` field"),
    ] {
        let path = dir.path().join("s.ron");
        std::fs::write(&path, body).unwrap();
        let message = multivector::save::read(&book, &path)
            .unwrap_err()
            .to_string();
        assert!(message.contains(words), "{body}: {message}");
        assert_plain(body, &message);
    }
}
