//! The model's tuning as data: `assets/model.ron` is checked field by field,
//! and `--model` plays with another one, no rebuild needed.

use std::path::Path;
use std::process::{Command, Output};

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_multivector"))
        .args(args)
        .output()
        .unwrap()
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

const MODEL: &str = include_str!("../../assets/model.ron");

/// A copy of the model with one text replaced, written as `model.ron` in `dir`.
fn model_with(dir: &Path, from: &str, to: &str) -> String {
    let text = MODEL.replacen(from, to, 1);
    assert!(MODEL.contains(from), "`{from}` is in the model");
    let path = dir.join("model.ron");
    std::fs::write(&path, text).unwrap();
    path.to_str().unwrap().to_string()
}

#[test]
fn the_built_in_model_checks_ok() {
    let out = run(&["check", "assets/model.ron"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert_eq!(text(&out.stdout), "ok\n");
    assert!(text(&out.stderr).contains("a valid model file"));
}

#[test]
fn a_model_out_of_range_or_with_an_unknown_field_is_refused_naming_it() {
    let dir = tempfile::tempdir().unwrap();
    let cases = [
        (
            "fade: 0.8,",
            "fade: 1.8,",
            "strain.fade: 1.8 is outside 0..=1",
        ),
        (
            "carry: 3,",
            "carry: 3, cary: 4,",
            "there is no field `cary`",
        ),
        ("dominance: 50,", "", "the field `dominance` is missing"),
        (
            "security: 0.25,",
            "security: 0.35,",
            "autonomy.weights: they sum to",
        ),
    ];
    for (from, to, want) in cases {
        let path = model_with(dir.path(), from, to);
        for args in [
            vec!["check", path.as_str()],
            vec![
                "simulate",
                "--policy",
                "random",
                "--games",
                "2",
                "--model",
                path.as_str(),
            ],
        ] {
            let out = run(&args);
            let err = text(&out.stderr);
            assert_eq!(out.status.code(), Some(2), "{args:?}: {err}");
            assert!(err.contains(want), "{args:?}: {err}");
            assert!(err.contains("model.ron"), "{args:?}: {err}");
            assert!(out.stdout.is_empty(), "nothing on standard output");
        }
    }
    // An unknown field is named with its line.
    let path = model_with(dir.path(), "carry: 3,", "carry: 3,\n        cary: 4,");
    let err = text(&run(&["check", &path]).stderr);
    let line = std::fs::read_to_string(&path)
        .unwrap()
        .lines()
        .position(|l| l.contains("cary:"))
        .unwrap()
        + 1;
    assert!(err.contains(&format!("model.ron:{line}:")), "{err}");
}

/// A change of one field of the model, through `--model`, changes what
/// `simulate` finds: here, a carry limit of 0 leaves less capital to spend.
#[test]
fn a_model_given_with_model_changes_a_simulation() {
    let dir = tempfile::tempdir().unwrap();
    let simulate = |model: Option<&str>| {
        let mut args = vec![
            "simulate", "--policy", "hedger", "--games", "40", "--seed", "3", "--json",
        ];
        if let Some(m) = model {
            args.extend(["--model", m]);
        }
        let out = run(&args);
        assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
        serde_json::from_slice::<serde_json::Value>(&out.stdout).unwrap()
    };
    let built_in = simulate(None);
    let same = model_with(dir.path(), "carry: 3,", "carry: 3,");
    assert_eq!(
        simulate(Some(&same)),
        built_in,
        "the same model, the same games"
    );
    let stingy = model_with(dir.path(), "carry: 3,", "carry: 0,");
    let changed = simulate(Some(&stingy));
    assert_ne!(changed["mean_autonomy"], built_in["mean_autonomy"]);
    assert_ne!(changed["mean_leverage"], built_in["mean_leverage"]);
}
