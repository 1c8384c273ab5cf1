//! `multivector report`: the report of a save in Markdown, CSV and JSON,
//! through the binary; and the decisions it lists, through the library.

use std::fs;
use std::path::Path;
use std::process::Output;

use crate::common::*;
use multivector::report::{CSV_HEADER, Report, Verification};
use multivector::rules::{Book, Command as Cmd, Game};
use multivector::save;

fn report(args: &[&str], cwd: &Path) -> Output {
    run_in("report", args, cwd)
}

/// The quarter of turn `k` (counted from 1) of a game starting in 2026 Q1.
fn quarter(k: u32) -> String {
    format!("{} Q{}", 2026 + (k - 1) / 4, (k - 1) % 4 + 1)
}

fn action_name(book: &Book, id: &str) -> String {
    book.action(book.action_id(id).unwrap()).name.clone()
}

/// A game of `turns` turns saved as `dir/NAME.ron`.
fn saved(book: &Book, dir: &Path, name: &str, turns: u32) -> (Game, std::path::PathBuf) {
    let game = played(book, turns);
    let path = save::write(book, dir, name, &game).unwrap();
    (game, path)
}

#[test]
fn markdown_names_the_country_the_state_of_the_game_each_turn_and_the_actions() {
    let book = book();
    let dir = tempfile::tempdir().unwrap();
    saved(&book, dir.path(), "alice", 5);
    let out = report(&["alice", "--save-dir", "."], dir.path());
    let md = text(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{md}{}", text(&out.stderr));
    assert!(md.starts_with("# "), "{md}");
    assert!(md.contains("Kazakhstan"), "{md}");
    assert!(md.contains("in progress"), "{md}");
    assert!(md.contains("5 of 24"), "{md}");
    for k in 1..=5 {
        assert!(
            md.contains(&format!("| {k} | {} |", quarter(k))),
            "no row for turn {k} in {md}"
        );
    }
    assert!(md.contains(&action_name(&book, "visit_ankara")), "{md}");
    assert!(md.contains(&action_name(&book, "visit_beijing")), "{md}");
    assert!(md.contains("Turning points"), "{md}");
    let questions = &book.scenario("standard").unwrap().questions;
    assert!(md.contains(&questions[0]), "{md}");
    assert!(!md.contains(&dir.path().display().to_string()), "{md}");
}

#[test]
fn markdown_of_a_finished_game_gives_its_outcome() {
    let book = book();
    let dir = tempfile::tempdir().unwrap();
    let (path, outcome) = finished_save(&book, dir.path());
    let out = report(&[path.to_str().unwrap()], dir.path());
    let md = text(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let title = &book.ending(outcome.ending).title;
    assert!(md.contains(title.as_str()), "{title} not in {md}");
    assert!(!md.contains("in progress"), "{md}");
    assert!(
        md.contains(&format!("| {} | {} |", 24, quarter(24))),
        "{md}"
    );
}

#[test]
fn csv_is_the_table_of_turns_with_one_header_row() {
    let book = book();
    let dir = tempfile::tempdir().unwrap();
    let (game, _) = saved(&book, dir.path(), "bob", 5);
    let out = report(&["bob", "--save-dir", ".", "--format", "csv"], dir.path());
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let mut rows = csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(out.stdout.as_slice());
    let rows: Vec<csv::StringRecord> = rows.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 5 + 1, "{}", text(&out.stdout));
    assert_eq!(rows[0].iter().collect::<Vec<_>>(), CSV_HEADER.to_vec());
    let history = game.state().history();
    for (k, row) in rows.iter().enumerate().skip(1) {
        assert_eq!(&row[0], k.to_string().as_str());
        assert_eq!(&row[1], quarter(k as u32).as_str());
        let autonomy: f64 = row[2].parse().unwrap();
        assert!((autonomy - history[k].autonomy).abs() <= 0.05, "{row:?}");
        let eu: f64 = row[9].parse().unwrap();
        assert!((eu - history[k].proximity[3]).abs() <= 0.05, "{row:?}");
        assert_eq!(&row[10], "true", "verified, on every row: {row:?}");
    }
}

#[test]
fn json_has_every_field_and_an_honest_save_is_verified() {
    let book = book();
    let dir = tempfile::tempdir().unwrap();
    let (game, _) = saved(&book, dir.path(), "carol", 5);
    let out = report(
        &["carol", "--save-dir", ".", "--format", "json"],
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    for key in [
        "scenario",
        "country",
        "seed",
        "turns",
        "outcome",
        "autonomy",
        "leverage",
        "stability",
        "score",
        "verified",
        "first_difference",
        "history",
        "decisions",
        "turning_points",
    ] {
        assert!(json.get(key).is_some(), "no {key} in {json}");
    }
    let s = game.state();
    assert_eq!(json["verified"], true);
    assert_eq!(json["first_difference"], serde_json::Value::Null);
    assert_eq!(json["outcome"], serde_json::Value::Null);
    assert_eq!(json["scenario"]["id"], "standard");
    assert_eq!(json["country"]["id"], "kazakhstan");
    assert_eq!(json["country"]["name"], "Kazakhstan");
    assert_eq!(json["seed"], 7);
    assert_eq!(json["turns"]["played"], 5);
    assert_eq!(json["turns"]["total"], 24);
    assert_eq!(json["autonomy"], s.autonomy());
    assert_eq!(json["stability"], s.stability());
    let history = json["history"].as_array().unwrap();
    assert_eq!(history.len(), 5);
    assert_eq!(history[0]["turn"], 1);
    assert_eq!(history[0]["date"], "2026 Q1");
    assert_eq!(history[4]["leverage"], s.history()[5].leverage);
    let decisions = json["decisions"].as_array().unwrap();
    let ankara = action_name(&book, "visit_ankara");
    assert!(
        decisions
            .iter()
            .any(|d| d["turn"] == 1 && d["kind"] == "action" && d["text"] == ankara.as_str()),
        "{decisions:?}"
    );
    for tp in json["turning_points"].as_array().unwrap() {
        for key in ["turn", "date", "score", "before", "after", "causes"] {
            assert!(tp.get(key).is_some(), "no {key} in {tp}");
        }
    }
}

#[test]
fn a_hand_edited_save_is_reported_unverified_with_exit_3() {
    let book = book();
    let dir = tempfile::tempdir().unwrap();
    let (game, path) = saved(&book, dir.path(), "dave", 5);
    let honest = fs::read_to_string(&path).unwrap();
    let last = game.state().history().last().unwrap().turn;
    let edited = edit_number(&honest, "autonomy: ", true, 3.0);
    fs::write(&path, edited).unwrap();
    let out = report(&["dave", "--save-dir", ".", "--format", "json"], dir.path());
    let stderr = text(&out.stderr);
    assert_eq!(out.status.code(), Some(3), "{stderr}");
    assert!(
        stderr.contains(&format!("differs from turn {last}")),
        "{stderr}"
    );
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["verified"], false);
    assert_eq!(json["first_difference"], last);
    // The report gives the game its decisions make, not the edited numbers.
    let honest = game.state().history()[5].autonomy;
    assert_eq!(json["history"][4]["autonomy"], honest);

    let out = report(&["dave", "--save-dir", "."], dir.path());
    assert_eq!(out.status.code(), Some(3));
    let md = text(&out.stdout);
    assert!(md.contains("**no**"), "{md}");
    assert!(md.contains(&format!("differs from turn {last}")), "{md}");

    // Written to a file, the report is still written, and the exit says 3.
    let out = report(
        &[
            "dave",
            "--save-dir",
            ".",
            "--format",
            "csv",
            "-o",
            "dave.csv",
        ],
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(3));
    let csv = fs::read(dir.path().join("dave.csv")).unwrap();
    let rows: Vec<csv::StringRecord> = csv::Reader::from_reader(csv.as_slice())
        .records()
        .map(Result::unwrap)
        .collect();
    assert_eq!(rows.len(), 5);
    assert!(rows.iter().all(|r| &r[10] == "false"), "{rows:?}");
}

#[test]
fn output_to_a_file_is_the_same_bytes_every_time() {
    let book = book();
    let dir = tempfile::tempdir().unwrap();
    saved(&book, dir.path(), "erin", 6);
    for (format, file) in [
        ("md", "erin.md"),
        ("csv", "erin.csv"),
        ("json", "erin.json"),
    ] {
        let args = ["erin", "--save-dir", ".", "--format", format, "-o", file];
        let out = report(&args, dir.path());
        assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
        assert!(out.stdout.is_empty(), "{}", text(&out.stdout));
        let first = fs::read(dir.path().join(file)).unwrap();
        assert!(!first.is_empty());
        // Over the existing file, then to standard output: the same bytes.
        assert_eq!(report(&args, dir.path()).status.code(), Some(0));
        assert_eq!(fs::read(dir.path().join(file)).unwrap(), first, "{format}");
        let stdout = report(&args[..5], dir.path()).stdout;
        assert_eq!(stdout, first, "{format}");
    }
    // No temporary file is left behind.
    let mut names: Vec<String> = fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(names, ["erin.csv", "erin.json", "erin.md", "erin.ron"]);
}

#[test]
fn output_over_the_save_itself_is_refused_and_the_save_is_unchanged() {
    let book = book();
    let dir = tempfile::tempdir().unwrap();
    let (_, path) = saved(&book, dir.path(), "frank", 3);
    let before = snapshot(dir.path());
    let absolute = path.to_str().unwrap();
    for target in ["frank.ron", "./frank.ron", absolute] {
        for format in ["md", "csv", "json"] {
            let args = ["frank", "--save-dir", ".", "--format", format, "-o", target];
            let out = report(&args, dir.path());
            let stderr = text(&out.stderr);
            assert_eq!(out.status.code(), Some(2), "{target}: {stderr}");
            assert!(stderr.contains("the save being reported on"), "{stderr}");
        }
    }
    let out = report(&[absolute, "-o", absolute], dir.path());
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(snapshot(dir.path()), before, "the save directory changed");
}

#[test]
fn a_bad_save_or_output_exits_2_with_a_message_and_no_panic() {
    let book = book();
    let dir = tempfile::tempdir().unwrap();
    let (cases, before) = bad_saves_in(&book, dir.path());
    for (name, _, expected) in &cases {
        for format in ["md", "csv", "json"] {
            let args = [*name, "--save-dir", ".", "--format", format, "-o", "r.txt"];
            let out = report(&args, dir.path());
            let stderr = text(&out.stderr);
            assert_eq!(out.status.code(), Some(2), "{name}: {stderr}");
            assert!(stderr.contains(expected), "{name}: {stderr}");
            assert!(!stderr.contains("panicked"), "{name}: {stderr}");
            assert!(out.stdout.is_empty());
        }
    }
    let out = report(&["missing", "--save-dir", "."], dir.path());
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("no such save"));
    assert_eq!(
        snapshot(dir.path()),
        before,
        "a refused report wrote a file"
    );

    // Outputs that cannot be written.
    fs::create_dir(dir.path().join("a-dir")).unwrap();
    for (target, expected) in [
        ("no-such-dir/r.md", "no such directory"),
        ("a-dir", "not a file"),
    ] {
        let out = report(&["good", "--save-dir", ".", "-o", target], dir.path());
        let stderr = text(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{target}: {stderr}");
        assert!(stderr.contains(expected), "{target}: {stderr}");
        assert!(!stderr.contains("panicked"), "{stderr}");
    }
    // An unknown format.
    let out = report(&["good", "--save-dir", ".", "--format", "pdf"], dir.path());
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("pdf"));
}

#[test]
fn decisions_are_the_actions_that_took_effect_and_the_answers_in_words() {
    let book = book();
    let mut game = new_game(&book, 7);
    // Planned and taken back: never happened.
    game.apply(&book, Cmd::Plan(book.action_id("visit_moscow").unwrap()))
        .unwrap();
    game.apply(&book, Cmd::Undo).unwrap();
    play(&book, &mut game, 6);
    // Planned in a turn not yet ended.
    answer_pending(&book, &mut game);
    game.apply(
        &book,
        Cmd::Plan(book.action_id("russian_language_media").unwrap()),
    )
    .unwrap();
    let r = Report::new(&book, &game, "x", Verification::default());
    let moscow = action_name(&book, "visit_moscow");
    let texts: Vec<&str> = r.decisions.iter().map(|d| d.text.as_str()).collect();
    assert!(!texts.iter().any(|t| t.contains(&moscow)), "{texts:?}");
    let last = r.decisions.last().unwrap();
    assert_eq!(last.kind, "planned");
    assert_eq!(last.turn, 7);
    assert!(
        last.text
            .starts_with(&action_name(&book, "russian_language_media"))
    );
    // Every answer is named: an event's title and the choice, or a step of
    // a crisis ladder.
    let answers: Vec<_> = r
        .decisions
        .iter()
        .filter(|d| d.kind != "action" && d.kind != "planned")
        .collect();
    let chosen = game
        .decisions()
        .iter()
        .filter(|d| matches!(d.command, Cmd::Choose(_)))
        .count();
    assert!(chosen > 0, "seed 7 raises decisions");
    assert_eq!(answers.len(), chosen);
    for a in answers {
        assert!(!a.text.starts_with("Choice "), "{a:?}");
        match a.kind {
            "event" => assert!(a.text.contains(": "), "{a:?}"),
            // A power's offer: who made it, what, and the answer.
            "offer" => assert!(a.text.contains(": "), "{a:?}"),
            "back_down" | "hold" => assert!(a.text.contains(" step)"), "{a:?}"),
            other => panic!("unknown kind {other}"),
        }
    }
    // Turns are counted from 1, in order.
    assert!(r.decisions.windows(2).all(|w| w[0].turn <= w[1].turn));
    assert_eq!(r.decisions[0].turn, 1);
}

/// The report of a save of another version whose decisions no longer
/// replay is written, says so, and exits 4 with one line naming both
/// versions.
#[test]
fn a_save_of_another_version_is_reported_not_verified_with_exit_4() {
    let book = book();
    let dir = tempfile::tempdir().unwrap();
    let (_, path) = saved(&book, dir.path(), "erin", 5);
    let older = as_another_version(&fs::read_to_string(&path).unwrap(), false);
    fs::write(&path, older).unwrap();
    let out = report(&["erin", "--save-dir", "."], dir.path());
    let stderr = text(&out.stderr);
    assert_eq!(out.status.code(), Some(4), "{stderr}");
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(
        stderr.contains("0.0.9") && stderr.contains(save::GAME_VERSION),
        "{stderr}"
    );
    let md = text(&out.stdout);
    assert!(
        md.contains("**no**: another version, not verified."),
        "{md}"
    );
    assert!(
        md.contains("| Status | another version, not verified |"),
        "{md}"
    );
    assert!(md.contains("| Written by | Multivector 0.0.9 |"), "{md}");
    let out = report(&["erin", "--save-dir", ".", "--format", "csv"], dir.path());
    assert_eq!(out.status.code(), Some(4));
    let rows: Vec<csv::StringRecord> = csv::Reader::from_reader(out.stdout.as_slice())
        .records()
        .map(Result::unwrap)
        .collect();
    let status = CSV_HEADER.iter().position(|h| *h == "status").unwrap();
    assert!(
        rows.iter()
            .all(|r| &r[status] == "another version, not verified")
    );
}

/// The scenario's objectives, met or not with their numbers, in every
/// format: a section of the Markdown, two columns of the CSV, one object
/// each in the JSON.
#[test]
fn every_format_gives_the_objectives_met_or_not_with_their_numbers() {
    let book = book();
    let dir = tempfile::tempdir().unwrap();
    let (path, _) = finished_save(&book, dir.path());
    let game = load(&book, &path);
    let objectives = game.objectives(&book);
    assert_eq!(objectives.len(), 3, "the standard scenario sets three");
    let met = objectives.iter().filter(|o| o.met == Some(true)).count();
    let args = |format: &'static str| {
        [
            path.to_str().unwrap().to_string(),
            "--format".into(),
            format.into(),
        ]
    };
    let run = |format: &'static str| {
        let a = args(format);
        let a: Vec<&str> = a.iter().map(String::as_str).collect();
        let out = report(&a, dir.path());
        assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
        text(&out.stdout)
    };

    let md = run("md");
    assert!(md.contains("## Objectives"), "{md}");
    assert!(
        md.contains(&format!("{met} of 3 met, at the end of the game.")),
        "{md}"
    );
    assert!(
        md.contains(&format!("| Objectives met | {met} of 3 |")),
        "{md}"
    );
    for o in &objectives {
        let mark = if o.met == Some(true) {
            "✓ met"
        } else {
            "✗ not met"
        };
        assert!(
            md.contains(&format!("- **{mark}**: {}", o.text)),
            "{mark} {}: {md}",
            o.text
        );
    }
    for o in multivector::report::objectives::objectives(&book, &game) {
        for c in &o.checks {
            assert!(md.contains(&c.words()), "{}: {md}", c.words());
            assert!(c.value.is_some(), "each condition reads a number: {c:?}");
        }
    }

    let csv = run("csv");
    let rows: Vec<csv::StringRecord> = csv::Reader::from_reader(csv.as_bytes())
        .records()
        .map(Result::unwrap)
        .collect();
    let col = |name: &str| CSV_HEADER.iter().position(|h| *h == name).unwrap();
    assert_eq!(rows.len(), 24);
    for r in &rows {
        assert_eq!(&r[col("objectives")], "3");
        assert_eq!(r[col("objectives_met")], met.to_string());
        assert_eq!(&r[col("difficulty")], "normal");
        assert_eq!(&r[col("status")], "verified");
    }

    let json: serde_json::Value = serde_json::from_str(&run("json")).unwrap();
    assert_eq!(json["objectives_met"], met);
    let each = json["objectives"].as_array().unwrap();
    assert_eq!(each.len(), 3);
    let lines = multivector::report::objectives::objectives(&book, &game);
    for (o, want) in each.iter().zip(&lines) {
        assert_eq!(o["text"], want.text.as_str());
        assert_eq!(o["met"], want.met.unwrap());
        let checks = o["checks"].as_array().unwrap();
        assert_eq!(checks.len(), want.checks.len());
        for (c, w) in checks.iter().zip(&want.checks) {
            assert_eq!(c["held"], w.held);
            assert_eq!(c["value"].as_f64(), w.value);
            assert_eq!(c["target"].as_f64(), w.target);
        }
    }
    assert_eq!(json["difficulty"]["id"], "normal");
    assert_eq!(json["status"], "verified");
    assert_eq!(json["scenario_origin"], "built-in");
}
