//! The binary: exit codes and output of its subcommands.

use std::path::Path;
use std::process::{Command, Output};

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_multivector"))
        .args(args)
        .output()
        .expect("the binary runs")
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

#[test]
fn simulate_prints_one_json_object_the_same_on_two_runs() {
    let args = [
        "simulate",
        "--policy",
        "hedger",
        "--games",
        "40",
        "--country",
        "kazakhstan",
        "--seed",
        "1",
        "--json",
    ];
    let a = run(&args);
    let b = run(&args);
    assert!(a.status.success(), "{}", text(&a.stderr));
    assert_eq!(a.stdout, b.stdout);
    let v: serde_json::Value = serde_json::from_slice(&a.stdout).unwrap();
    assert_eq!(v["games"], 40);
    assert_eq!(v["policy"], "hedger");
    assert_eq!(v["country"], "kazakhstan");
    for k in [
        "mean_autonomy",
        "mean_leverage",
        "mean_stability",
        "win_rate",
    ] {
        assert!(v[k].is_number(), "{k} missing");
    }
    let outcomes = v["outcomes"].as_object().unwrap();
    assert_eq!(
        outcomes.values().map(|n| n.as_u64().unwrap()).sum::<u64>(),
        40
    );
}

#[test]
fn simulate_without_json_prints_a_table() {
    let out = run(&[
        "simulate",
        "--policy",
        "random",
        "--games",
        "5",
        "--country",
        "tajikistan",
    ]);
    assert!(out.status.success());
    let t = text(&out.stdout);
    assert!(
        t.contains("autonomy") && t.contains("win rate") && t.contains("outcome"),
        "{t}"
    );
}

#[test]
fn simulate_refuses_bad_input_with_exit_2() {
    let out = run(&["simulate", "--policy", "nonsense", "--games", "5"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("unknown policy"));
    let out = run(&[
        "simulate",
        "--policy",
        "hedger",
        "--games",
        "5",
        "--country",
        "narnia",
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("unknown country"));
    let out = run(&["simulate", "--policy", "hedger"]);
    assert_eq!(
        out.status.code(),
        Some(2),
        "a missing flag is a usage error"
    );
    let out = run(&["--no-such-flag"]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn check_accepts_the_built_in_files() {
    for f in [
        "assets/events.ron",
        "assets/countries.ron",
        "assets/scenarios/standard.ron",
    ] {
        let out = run(&["check", f]);
        assert!(out.status.success(), "{f}: {}", text(&out.stderr));
        assert_eq!(text(&out.stdout).trim(), "ok");
    }
}

fn write(dir: &Path, name: &str, body: &str) -> String {
    let p = dir.join(name);
    std::fs::write(&p, body).unwrap();
    p.display().to_string()
}

#[test]
fn check_reports_a_syntax_error_with_line_and_column() {
    let dir = tempfile::tempdir().unwrap();
    let p = write(
        dir.path(),
        "broken.ron",
        "(\n    id: \"x\",\n    name: \"y\"\n    turns: 4,\n)\n",
    );
    let out = run(&["check", &p]);
    assert_eq!(out.status.code(), Some(2));
    let err = text(&out.stderr);
    assert!(err.starts_with(&format!("{p}:4:")), "{err}");
}

#[test]
fn check_names_the_field_of_a_semantic_error() {
    let dir = tempfile::tempdir().unwrap();
    let cases = [
        (
            "scenario.ron",
            "(id: \"s\", name: \"S\", country: \"narnia\")",
            "unknown country `narnia`",
        ),
        (
            "events.ron",
            "[(id: \"e\", title: \"T\", text: \"x\", weight: 1)]",
            "has neither `source`",
        ),
        (
            "events.ron",
            "[(id: \"e\", title: \"T\", text: \"x\", context: \"c\", weight: 1, effects: [Add(Autonomy, 5)])]",
            "cannot be changed",
        ),
        (
            "events.ron",
            "[(id: \"e\", title: \"T\", text: \"x\", context: \"c\", weight: 1, effects: [Add(Proximity(usa), 5)])]",
            "usa",
        ),
        (
            "events.ron",
            "[(id: \"e\", title: \"T\", text: \"x\", context: \"c\", weight: 1, when: [Flag(\"nato\")])]",
            "unknown flag `nato`",
        ),
        (
            "scenario.ron",
            "(id: \"s\", name: \"S\", overrides: [SetFlag(\"csto_member\")])",
            "unknown flag `csto_member`",
        ),
        (
            "events.ron",
            "[(id: \"e\", title: \"T\", text: \"x\", source: \"Not in the essay.\", weight: 1)]",
            "not found verbatim",
        ),
    ];
    for (name, body, want) in cases {
        let p = write(dir.path(), name, body);
        let out = run(&["check", &p]);
        assert_eq!(out.status.code(), Some(2), "{body}");
        let err = text(&out.stderr);
        assert!(err.contains(want), "{body}: {err}");
        assert!(err.starts_with(&p), "{err}");
    }
    // Shares that do not sum to 100.
    let countries = std::fs::read_to_string("assets/countries.ron")
        .unwrap()
        .replacen(
            "security: [60, 5, 5, 0, 30]",
            "security: [60, 5, 5, 0, 31]",
            1,
        );
    let p = write(dir.path(), "countries.ron", &countries);
    let out = run(&["check", &p]);
    assert_eq!(out.status.code(), Some(2));
    // Refused as the file is read, at the row's line and column.
    let err = text(&out.stderr);
    let line = countries
        .lines()
        .position(|l| l.contains("security: [60, 5, 5, 0, 31]"))
        .unwrap()
        + 1;
    assert!(
        err.contains(&format!("countries.ron:{line}:")) && err.contains("sum to 101"),
        "{err}"
    );
}

#[test]
fn check_never_panics_on_garbage() {
    let dir = tempfile::tempdir().unwrap();
    let bodies: [&[u8]; 5] = [
        b"",
        b"\xff\xfe\x00binary",
        b"((((((((",
        b"[1, 2, 3]",
        b"\"just a string\"",
    ];
    for (i, body) in bodies.iter().enumerate() {
        let p = dir.path().join(format!("g{i}.ron"));
        std::fs::write(&p, body).unwrap();
        let out = run(&["check", p.to_str().unwrap()]);
        assert_eq!(out.status.code(), Some(2), "case {i}");
        assert!(!text(&out.stderr).contains("panicked"), "case {i}");
    }
    let out = run(&["check", "/no/such/file.ron"]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn a_file_that_is_not_a_game_file_is_told_so_in_plain_words() {
    let dir = tempfile::tempdir().unwrap();
    let p = write(dir.path(), "passwd", "root:x:0:0:root:/root:/bin/bash\n");
    for args in [
        vec!["check", p.as_str()],
        vec!["play", "--scenario", p.as_str(), "--country", "kazakhstan"],
        vec!["load", p.as_str()],
    ] {
        let out = run(&args);
        let err = text(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {err}");
        assert!(err.contains(&format!("{p}:1:")), "{args:?}: {err}");
        assert!(
            err.contains("not a Multivector file") || err.contains("is this the right file?"),
            "{args:?}: {err}"
        );
        assert!(!err.contains("Non-whitespace"), "{args:?}: {err}");
    }
}

#[test]
fn scenarios_lists_the_built_in_scenarios() {
    let out = run(&["scenarios"]);
    assert!(out.status.success());
    assert!(text(&out.stdout).contains("standard"));
}

#[test]
fn output_into_a_closed_pipe_ends_quietly() {
    // As in `multivector scenarios | head -1`: the reader is gone.
    for args in [
        &["scenarios"][..],
        &["simulate", "--policy", "random", "--games", "20"][..],
    ] {
        let (reader, writer) = std::io::pipe().unwrap();
        drop(reader);
        let out = Command::new(env!("CARGO_BIN_EXE_multivector"))
            .args(args)
            .stdout(writer)
            .stderr(std::process::Stdio::piped())
            .output()
            .unwrap();
        let err = text(&out.stderr);
        assert!(!err.contains("panicked"), "{args:?}: {err}");
        assert_eq!(out.status.code(), Some(0), "{args:?}: {err}");
    }
}

#[test]
fn a_scenario_written_for_one_state_refuses_another() {
    for line in [
        "simulate --policy hedger --games 2 --scenario tajik-squeeze --country uzbekistan",
        "play --scenario first-steps --country kyrgyzstan",
    ] {
        let args: Vec<&str> = line.split(' ').collect();
        let out = run(&args);
        let err = text(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{line}: {err}");
        assert!(err.contains("is written for"), "{line}: {err}");
    }
    // Without --country, simulate plays the scenario's own state.
    let args: Vec<&str> = "simulate --policy hedger --games 2 --scenario tajik-squeeze --json"
        .split(' ')
        .collect();
    let out = run(&args);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(text(&out.stdout).contains("\"country\":\"tajikistan\""));
}
