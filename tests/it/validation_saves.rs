//! A save's own scenario goes through the same validation as a scenario
//! file (issue 13, part 2): a crafted save whose scenario holds what
//! `check` refuses is refused by `replay`, `report` and `load` with exit 2
//! and the scenario's problem named, at once, never an abort. And at the
//! bounds a scenario may reach, what the game writes it reads back.

use crate::common;

use std::path::Path;

use crate::common::refusal::{accepted, refused};
use multivector::rules::defs::{Effect, ScenarioDef};
use multivector::rules::{Game, Raw};
use multivector::save::{self, migrate::Document};

/// What a scenario may not hold, and words of its refusal.
const BAD: [(&str, &str); 3] = [
    (
        "Over(4294967295, [Add(Stability, 1)])",
        "a delay of 4294967295 turns, outside 1..=80",
    ),
    (
        "Over(100000, [Add(Stability, 1)])",
        "a delay of 100000 turns, outside 1..=80",
    ),
    ("Strain(russia, NaN)", "NaN is not a finite number"),
];

fn effect(text: &str) -> Effect<Raw> {
    ron::from_str(text).unwrap()
}

/// A save of today's format (three turns of a real game) whose scenario
/// holds `bad` first among its overrides, with its hash made to match, as
/// a student editing the file could.
fn crafted(bad: &str) -> String {
    let book = common::book();
    let dir = tempfile::tempdir().unwrap();
    let path = common::save(&book, dir.path(), "honest", &common::played(&book, 3));
    let mut doc = Document::parse(&std::fs::read_to_string(path).unwrap()).unwrap();
    let mut scenario: ScenarioDef<Raw> = ron::from_str(doc.get("scenario").unwrap()).unwrap();
    scenario.overrides.insert(0, effect(bad));
    doc.set("scenario", ron::to_string(&scenario).unwrap());
    doc.set(
        "scenario_hash",
        format!("{:?}", save::scenario_hash(&scenario).unwrap()),
    );
    doc.to_text()
}

/// The scenario as format 1 wrote it, to rehash an edited one the way the
/// game checks it (`save::migrate`).
#[derive(serde::Serialize, serde::Deserialize)]
struct ScenarioV1 {
    id: String,
    name: String,
    summary: String,
    country: Option<String>,
    turns: u32,
    start_year: u32,
    start_quarter: u32,
    seed: Option<u64>,
    overrides: Vec<Effect<Raw>>,
    deck: Option<Vec<String>>,
    scripted: Vec<(u32, String)>,
    objectives: Vec<String>,
    questions: Vec<String>,
}

/// The same, from the committed save of format 1: the path through
/// migration, and a file that builds from before the format changed read.
fn crafted_v1(bad: &str) -> String {
    let text = std::fs::read_to_string("tests/fixtures/save-v1.ron").unwrap();
    let mut doc = Document::parse(&text).unwrap();
    let mut scenario: ScenarioV1 = ron::from_str(doc.get("scenario").unwrap()).unwrap();
    scenario.overrides.insert(0, effect(bad));
    let compact = ron::to_string(&scenario).unwrap();
    let hash = multivector::text::fnv1a64(compact.as_bytes());
    doc.set("scenario", compact);
    doc.set("scenario_hash", format!("\"fnv1a64:{hash:016x}\""));
    doc.to_text()
}

/// The commands a teacher runs on a save handed in, and `load`, which
/// reads the save before it looks for a terminal.
fn save_commands(path: &str) -> Vec<Vec<&str>> {
    vec![
        vec!["replay", path],
        vec!["replay", path, "--json"],
        vec!["report", path],
        vec!["report", path, "--format", "csv"],
        vec!["report", path, "--format", "json"],
        vec!["report", path, "-o", "report.md"],
        vec!["load", path],
    ]
}

fn refused_by_every_command(dir: &Path, path: &str, word: &str) {
    for args in save_commands(path) {
        let said = refused(dir, &args, &[path, "overrides[0]", word]);
        assert!(
            said.contains("the scenario stored in the save is checked as a scenario file is"),
            "{args:?}: {said}"
        );
    }
    assert!(!dir.join("report.md").exists(), "a report was written");
}

/// Issue 13, failure 3: a save's embedded scenario was never validated, so
/// a crafted save aborted `replay` and `report` (memory exhausted); and
/// failure 5: a NaN in it made an honest game replay as edited (exit 3).
#[test]
fn a_save_whose_scenario_holds_what_check_refuses_is_refused_by_replay_report_and_load() {
    let dir = tempfile::tempdir().unwrap();
    for (i, (bad, word)) in BAD.into_iter().enumerate() {
        let name = format!("crafted{i}.ron");
        std::fs::write(dir.path().join(&name), crafted(bad)).unwrap();
        refused_by_every_command(dir.path(), &format!("./{name}"), word);
    }
}

#[test]
fn a_save_of_format_1_whose_scenario_holds_what_check_refuses_is_refused_too() {
    let dir = tempfile::tempdir().unwrap();
    // The fixture itself is read (written by an older version of the
    // rules, its decisions need not replay, but it is never refused).
    std::fs::copy("tests/fixtures/save-v1.ron", dir.path().join("v1.ron")).unwrap();
    let read = common::refusal::run(dir.path(), &["replay", "./v1.ron"]);
    assert!(
        matches!(read.code, Some(0 | 3 | 4)),
        "the version-1 fixture is refused: {}",
        read.stderr_text()
    );
    for (i, (bad, word)) in BAD.into_iter().enumerate() {
        let name = format!("old{i}.ron");
        std::fs::write(dir.path().join(&name), crafted_v1(bad)).unwrap();
        refused_by_every_command(dir.path(), &format!("./{name}"), word);
    }
}

/// `report --class` on a folder holding such a save: the report is made,
/// the save's row says why it cannot be read, the other saves are read.
#[test]
fn a_class_report_names_the_crafted_save_and_reads_the_others() {
    let dir = tempfile::tempdir().unwrap();
    let class = dir.path().join("class");
    std::fs::create_dir(&class).unwrap();
    std::fs::write(class.join("crafted.ron"), crafted(BAD[0].0)).unwrap();
    let book = common::book();
    common::save(&book, &class, "honest", &common::played(&book, 3));
    let run = accepted(
        dir.path(),
        &["report", "--class", "./class", "--format", "json"],
    );
    let v: serde_json::Value = serde_json::from_slice(&run.stdout).unwrap();
    let rows = v["rows"].as_array().unwrap();
    assert_eq!(rows.len(), 2, "{v}");
    let text = v.to_string();
    assert!(text.contains("a delay of 4294967295 turns"), "{text}");
    assert_eq!(v["summary"]["unreadable"], 1, "{}", v["summary"]);
}

/// What the game writes, it reads back: a game of a scenario at the bounds
/// (just under the size limit, the longest game, the longest delays nested
/// as deeply as they may be, text that the save escapes), played to its
/// end, saves under the read limit and loads.
#[test]
fn a_game_of_a_scenario_at_every_bound_is_saved_and_read_back() {
    let book = common::book();
    let mut nested = effect("Add(Stability, 0.01)");
    for _ in 0..8 {
        nested = Effect::Over(80, vec![nested]);
    }
    let mut scenario = ScenarioDef {
        id: "bounds".into(),
        turns: Some(80),
        start_year: Some(2200),
        overrides: vec![nested],
        ..common::standard(&book)
    };
    let size = |s: &ScenarioDef<Raw>| ron::to_string(s).unwrap().len();
    // Text the save writes escaped, then delays, up to the limit.
    scenario.summary = "\u{200B}\u{1b}".repeat(2_000);
    while size(&scenario) < 60 * 1024 {
        scenario.overrides.push(effect(
            "Over(80, [Gain(trade, other, 1), Later(80, [Strain(eu, 0.5)])])",
        ));
    }
    assert!(size(&scenario) <= 64 * 1024);
    book.resolve_scenario(&scenario).unwrap();
    let mut game = Game::new(&book, scenario, Some("kazakhstan"), 5).unwrap();
    common::play(&book, &mut game, 80);
    let dir = tempfile::tempdir().unwrap();
    let path = common::save(&book, dir.path(), "bounds", &game);
    let bytes = std::fs::metadata(&path).unwrap().len();
    assert!(bytes < save::MAX_SAVE_BYTES / 4, "{bytes} bytes");
    let loaded = save::read(&book, &path).unwrap();
    assert_eq!(loaded.game.state(), game.state());
    assert!(loaded.verified());
}
