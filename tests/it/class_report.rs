//! `multivector report --class DIR`: one row per save of a class, through
//! the binary, with honest, edited, doctored, custom and broken saves side
//! by side, and file names that try to reach the terminal or the
//! spreadsheet.

use std::fs;
use std::path::Path;
use std::process::Output;

use crate::common::*;
use multivector::report::CLASS_CSV_HEADER;
use multivector::rules::defs::{Effect, ScenarioDef};
use multivector::rules::{Book, Game, Power, Raw, Var};
use multivector::save;

fn report(args: &[&str], cwd: &Path) -> Output {
    run_in("report", args, cwd)
}

/// A game of first-steps (seed 2026) played `turns` turns (to its end
/// when more than it has).
fn first_steps(book: &Book, scenario: ScenarioDef<Raw>, turns: u32) -> Game {
    let mut game = Game::new(book, scenario, None, 2026).unwrap();
    play(book, &mut game, turns);
    game
}

/// The student's copy of first-steps from the issue: stability +30 and
/// Russia's tolerance at 90, under the built-in id.
fn doctored(book: &Book) -> ScenarioDef<Raw> {
    let mut s = book.scenario("first-steps").unwrap().clone();
    s.overrides.push(Effect::Add(Var::Stability, 30.0));
    s.overrides
        .push(Effect::Set(Var::Tolerance(Power::Russia), 90.0));
    s
}

/// What each save of the class folder must be reported as: (student, the
/// status or its first words).
const EXPECTED: [(&str, &str); 9] = [
    ("=1+1", "verified"),
    ("alice", "verified"),
    ("bob", "verified"),
    ("carol", "edited"),
    ("dave", "custom scenario (not the built-in one)"),
    ("erin", "custom scenario"),
    ("frank", "edited"),
    ("x]0;PWNED", "verified"),
    ("zed", "unreadable: "),
];

/// A class folder: honest saves (finished, in progress, and two with
/// hostile names), a hand-edited one, one played on a doctored copy of a
/// built-in scenario, one on a teacher's own scenario, one whose scenario
/// was edited inside the save, and a file that is not a save; beside a
/// backup and a note, which are not saves.
fn class_folder(book: &Book, dir: &Path) {
    let built_in = book.scenario("first-steps").unwrap().clone();
    let done = first_steps(book, built_in.clone(), 20);
    assert!(done.state().is_over());
    save::write(book, dir, "alice", &done).unwrap();
    save::write(book, dir, "bob", &first_steps(book, built_in.clone(), 3)).unwrap();
    save::write(book, dir, "=1+1", &done).unwrap();
    fs::copy(dir.join("alice.ron"), dir.join("x\u{1b}]0;PWNED\u{7}.ron")).unwrap();
    let carol = save::write(book, dir, "carol", &first_steps(book, built_in, 5)).unwrap();
    let honest = fs::read_to_string(&carol).unwrap();
    fs::write(&carol, edit_number(&honest, "autonomy: ", true, 30.0)).unwrap();
    save::write(book, dir, "dave", &first_steps(book, doctored(book), 20)).unwrap();
    let lesson =
        multivector::content::scenario_from_file(book, Path::new("tests/fixtures/lesson.ron"))
            .unwrap();
    let mut erin = Game::new(book, lesson, Some("uzbekistan"), 11).unwrap();
    play(book, &mut erin, 4);
    save::write(book, dir, "erin", &erin).unwrap();
    let frank = save::write(book, dir, "frank", &first_steps(book, doctored(book), 2)).unwrap();
    let text = fs::read_to_string(&frank).unwrap();
    let edited = text.replacen("turns: Some(8),", "turns: Some(9),", 1);
    assert_ne!(edited, text);
    fs::write(&frank, edited).unwrap();
    fs::write(dir.join("zed.ron"), "a letter, not a save").unwrap();
    fs::copy(dir.join("bob.ron"), dir.join("bob.bak.ron")).unwrap();
    fs::write(dir.join("notes.txt"), "not a save").unwrap();
}

fn csv_rows(bytes: &[u8]) -> Vec<csv::StringRecord> {
    csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(bytes)
        .records()
        .map(Result::unwrap)
        .collect()
}

#[test]
fn csv_has_one_row_per_save_with_its_status_and_inert_cells() {
    let book = book();
    let dir = tempfile::tempdir().unwrap();
    class_folder(&book, dir.path());
    let out = report(&["--class", ".", "--format", "csv"], dir.path());
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(
        !out.stdout.iter().any(|&b| b < 0x20 && b != b'\n'),
        "a control character reached the output"
    );
    let rows = csv_rows(&out.stdout);
    assert_eq!(rows[0].iter().collect::<Vec<_>>(), CLASS_CSV_HEADER);
    let col = |name: &str| CLASS_CSV_HEADER.iter().position(|h| *h == name).unwrap();
    let students: Vec<&str> = rows[1..].iter().map(|r| &r[col("student")]).collect();
    assert_eq!(
        students,
        [
            "'=1+1",
            "alice",
            "bob",
            "carol",
            "dave",
            "erin",
            "frank",
            "x]0;PWNED",
            "zed"
        ],
        "sorted by file name, no backup, no note; cells cleaned and inert"
    );
    for (row, (student, status)) in rows[1..].iter().zip(EXPECTED) {
        assert!(
            row[col("status")].starts_with(status),
            "{student}: {:?}",
            row
        );
        if status.starts_with("custom scenario") && !status.contains('(') {
            assert_eq!(&row[col("status")], status, "{student}");
        }
    }
    let row = |student: &str| {
        rows.iter()
            .find(|r| &r[col("student")] == student)
            .unwrap_or_else(|| panic!("no row for {student}"))
    };
    // The honest finished game: its numbers, as the game ended.
    let done = first_steps(&book, book.scenario("first-steps").unwrap().clone(), 20);
    let alice = row("alice");
    let outcome = done.state().outcome().unwrap();
    assert_eq!(&alice[col("scenario")], "first-steps");
    assert_eq!(&alice[col("scenario_origin")], "built-in");
    assert_eq!(&alice[col("country")], "kazakhstan");
    assert_eq!(&alice[col("seed")], "2026");
    assert_eq!(
        (&alice[col("turns_played")], &alice[col("turns_total")]),
        ("8", "8")
    );
    let title = &book.ending(outcome.ending).title;
    assert_eq!(&alice[col("outcome")], title.as_str());
    assert_eq!(alice[col("score")], format!("{:.1}", outcome.score));
    let s = done.state();
    assert_eq!(alice[col("autonomy")], format!("{:.1}", s.autonomy()));
    assert_eq!(alice[col("leverage")], format!("{:.1}", s.leverage()));
    assert_eq!(alice[col("stability")], format!("{:.1}", s.stability()));
    assert_eq!(&alice[col("objectives")], "2");
    let met = done
        .objectives(&book)
        .iter()
        .filter(|o| o.met == Some(true))
        .count();
    assert_eq!(alice[col("objectives_met")], met.to_string());
    assert_eq!(&alice[col("difficulty")], "normal");
    // An edited save's objectives are not checked: its numbers are claims.
    assert_eq!(&row("carol")[col("objectives_met")], "");
    assert_eq!(&alice[col("verified")], "true");
    // In progress; edited (it claims 30 more autonomy); doctored; own.
    assert_eq!(&row("bob")[col("outcome")], "in progress");
    assert_eq!(&row("carol")[col("verified")], "false");
    let dave = row("dave");
    assert_eq!(
        &dave[col("scenario_origin")],
        "custom scenario (not the built-in one)"
    );
    assert_eq!(
        &dave[col("verified")],
        "true",
        "it replays, on its own scenario"
    );
    assert_eq!(&row("erin")[col("scenario")], "lesson-any-state");
    assert_eq!(&row("erin")[col("country")], "uzbekistan");
    // Unreadable: the reason, and nothing made up.
    let zed = row("zed");
    assert!(zed[col("status")].contains("line 1, column"), "{zed:?}");
    for c in ["scenario", "seed", "score", "verified"] {
        assert_eq!(&zed[col(c)], "", "{c}");
    }
}

#[test]
fn json_and_markdown_give_the_rows_and_the_summary() {
    let book = book();
    let dir = tempfile::tempdir().unwrap();
    class_folder(&book, dir.path());
    let out = report(&["--class", ".", "--format", "json"], dir.path());
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let rows = json["rows"].as_array().unwrap();
    assert_eq!(rows.len(), EXPECTED.len());
    for (row, (student, status)) in rows.iter().zip(EXPECTED) {
        assert!(
            row["status"].as_str().unwrap().starts_with(status),
            "{student}: {row}"
        );
    }
    assert_eq!(rows[1]["student"], "alice");
    assert_eq!(rows[1]["file"], "alice.ron");
    assert_eq!(rows[1]["objectives"]["count"], 2);
    let each = rows[1]["objectives"]["each"].as_array().unwrap();
    assert_eq!(each.len(), 2);
    let met = each.iter().filter(|o| o["met"] == true).count();
    assert_eq!(rows[1]["objectives"]["met"], met);
    for o in each {
        assert!(o["text"].is_string() && o["checks"].is_array(), "{o}");
    }
    assert_eq!(rows[3]["objectives"]["met"], serde_json::Value::Null);
    assert_eq!(rows[3]["first_difference"], 5);
    assert_eq!(rows[8]["verified"], serde_json::Value::Null);
    assert!(rows[8]["reason"].as_str().unwrap().contains("damaged"));
    let summary = &json["summary"];
    assert_eq!(summary["saves"], 9);
    assert_eq!(summary["verified"], 4);
    assert_eq!(summary["edited"], 2);
    assert_eq!(summary["custom_scenario"], 2);
    assert_eq!(summary["unreadable"], 1);
    let outcomes = summary["outcomes"].as_object().unwrap();
    assert_eq!(outcomes["in_progress"], 3, "bob, carol, erin");
    let counted: u64 = outcomes.values().map(|n| n.as_u64().unwrap()).sum();
    assert_eq!(counted, 7, "every readable save");
    let scores: Vec<f64> = rows.iter().filter_map(|r| r["score"].as_f64()).collect();
    let mean = scores.iter().sum::<f64>() / scores.len() as f64;
    assert!((summary["mean_score"].as_f64().unwrap() - mean).abs() < 1e-9);

    let out = report(&["--class", "."], dir.path());
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let md = text(&out.stdout);
    assert!(md.starts_with("# Multivector class report: ."), "{md}");
    assert!(
        md.contains(
            "9 saves: 4 verified, 2 edited, 2 on a custom scenario, 0 from another version, 1 unreadable."
        ),
        "{md}"
    );
    assert!(
        md.contains("| alice | first-steps | built-in | Kazakhstan | 2026 | normal | 8 of 8 |"),
        "{md}"
    );
    // Markdown's own characters are shown, not read as markup.
    assert!(md.contains("| x\\]0;PWNED | first-steps |"), "{md}");
    assert!(md.contains("| **no** | edited |"), "{md}");
    assert!(!md.contains('\u{1b}') && !md.contains('\u{7}'), "{md}");
    assert!(
        md.contains("## Summary") && md.contains("Mean score: "),
        "{md}"
    );
    assert!(md.contains("| in progress | 3 |"), "{md}");
}

#[test]
fn the_same_folder_gives_the_same_bytes_and_output_goes_to_a_file() {
    let book = book();
    let dir = tempfile::tempdir().unwrap();
    class_folder(&book, dir.path());
    let before = snapshot(dir.path());
    let out = tempfile::tempdir().unwrap();
    let class = dir.path().to_str().unwrap();
    for (format, file) in [("md", "c.md"), ("csv", "c.csv"), ("json", "c.json")] {
        let args = ["--class", class, "--format", format, "-o", file];
        let first = report(&args, out.path());
        assert_eq!(first.status.code(), Some(0), "{}", text(&first.stderr));
        assert!(first.stdout.is_empty());
        assert!(text(&first.stderr).contains("9 saves, 4 verified"));
        let written = fs::read(out.path().join(file)).unwrap();
        let stdout = report(&args[..4], out.path()).stdout;
        assert_eq!(stdout, written, "{format}");
    }
    assert_eq!(snapshot(dir.path()), before, "the class folder changed");
    // Never over one of the saves.
    let args = ["--class", ".", "--format", "csv", "-o", "alice.ron"];
    let refused = report(&args, dir.path());
    assert_eq!(refused.status.code(), Some(2));
    assert!(text(&refused.stderr).contains("one of the saves"));
    assert_eq!(snapshot(dir.path()), before);
}

#[test]
fn a_bad_folder_or_both_a_save_and_a_class_is_bad_input() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("a-file"), "x").unwrap();
    for (args, words) in [
        (vec!["--class", "no-such-folder"], "no such folder"),
        (vec!["--class", "a-file"], "not a folder"),
        (vec!["alice", "--class", "."], "cannot be used with"),
        (vec![], "required"),
    ] {
        let out = report(&args, dir.path());
        let stderr = text(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {stderr}");
        assert!(stderr.contains(words), "{args:?}: {stderr}");
        assert!(out.stdout.is_empty());
    }
    // An empty folder: a report with no rows, and a note.
    fs::create_dir(dir.path().join("empty")).unwrap();
    let out = report(&["--class", "empty", "--format", "csv"], dir.path());
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(csv_rows(&out.stdout).len(), 1, "the header alone");
    assert!(text(&out.stderr).contains("no saves"));
}

/// The five kinds of save a teacher may find in a class's folder, each
/// said for what it is: an honest save; a hand-edited one; one played on a
/// doctored copy of a built-in scenario; one of another version whose
/// decisions no longer replay (never called edited); a file that is not a
/// save.
#[test]
fn five_saves_are_verified_edited_custom_another_version_and_unreadable() {
    let book = book();
    let dir = tempfile::tempdir().unwrap();
    let built_in = book.scenario("first-steps").unwrap().clone();
    let honest = save::write(
        &book,
        dir.path(),
        "a-honest",
        &first_steps(&book, built_in.clone(), 20),
    )
    .unwrap();
    let edited = save::write(
        &book,
        dir.path(),
        "b-edited",
        &first_steps(&book, built_in, 5),
    )
    .unwrap();
    let text_of = |p: &Path| fs::read_to_string(p).unwrap();
    fs::write(
        &edited,
        edit_number(&text_of(&edited), "autonomy: ", true, 30.0),
    )
    .unwrap();
    save::write(
        &book,
        dir.path(),
        "c-doctored",
        &first_steps(&book, doctored(&book), 20),
    )
    .unwrap();
    fs::write(
        dir.path().join("d-older.ron"),
        as_another_version(&text_of(&honest), false),
    )
    .unwrap();
    fs::write(
        dir.path().join("e-letter.ron"),
        "Dear teacher, I lost my save.",
    )
    .unwrap();
    let expected = [
        ("a-honest", "verified"),
        ("b-edited", "edited"),
        ("c-doctored", "custom scenario (not the built-in one)"),
        ("d-older", "another version, not verified"),
        ("e-letter", "unreadable: "),
    ];

    let out = report(&["--class", ".", "--format", "csv"], dir.path());
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let rows = csv_rows(&out.stdout);
    let col = |name: &str| CLASS_CSV_HEADER.iter().position(|h| *h == name).unwrap();
    assert_eq!(rows.len(), 1 + expected.len());
    for (row, (student, status)) in rows[1..].iter().zip(expected) {
        assert_eq!(&row[col("student")], student);
        if status.ends_with(": ") {
            assert!(row[col("status")].starts_with(status), "{row:?}");
            assert!(
                row[col("status")].len() > status.len() + 10,
                "a reason: {row:?}"
            );
        } else {
            assert_eq!(&row[col("status")], status, "{row:?}");
        }
    }
    let older = &rows[4];
    assert_eq!(&older[col("verified")], "false");
    assert_eq!(&older[col("written_by")], "0.0.9");
    assert_eq!(&older[col("objectives_met")], "", "not checked");
    let honest_row = &rows[1];
    assert_eq!(&honest_row[col("written_by")], save::GAME_VERSION);
    assert_eq!(&honest_row[col("difficulty")], "normal");
    let doctored_row = &rows[3];
    assert!(doctored_row[col("scenario_hash")].starts_with("fnv1a64:"));
    assert_ne!(
        doctored_row[col("scenario_hash")],
        honest_row[col("scenario_hash")]
    );

    let out = report(&["--class", ".", "--format", "json"], dir.path());
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let reason = json["rows"][3]["reason"].as_str().unwrap();
    for words in [
        "written by Multivector 0.0.9",
        save::GAME_VERSION,
        "ankara_visit",
    ] {
        assert!(reason.contains(words), "{words}: {reason}");
    }
    assert_eq!(json["summary"]["another_version"], 1);
    assert_eq!(json["summary"]["verified"], 1);
    assert_eq!(json["summary"]["edited"], 1);

    let out = report(&["--class", "."], dir.path());
    let md = text(&out.stdout);
    assert!(
        md.contains("5 saves: 1 verified, 1 edited, 1 on a custom scenario, 1 from another version, 1 unreadable."),
        "{md}"
    );
    assert!(md.contains("| another version, not verified |"), "{md}");
}
