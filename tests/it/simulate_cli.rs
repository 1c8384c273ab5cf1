//! `simulate` through the binary: the balance matrix, the new policies and
//! the new fields of the summary.

use std::process::{Command, Output};

use multivector::content;
use multivector::sim::Policy;

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_multivector"))
        .args(args)
        .output()
        .expect("the binary runs")
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

fn json(out: &Output) -> serde_json::Value {
    assert!(out.status.success(), "{}", text(&out.stderr));
    serde_json::from_slice(&out.stdout).expect("one JSON object")
}

/// The number of cells the matrix should have without `expert`: every open
/// scenario × every playable state, and each scenario written for a
/// playable state once, × the built-in policies but `expert`.
fn expected_cells() -> usize {
    let book = content::builtin().unwrap();
    let playable: Vec<String> = book.playable().map(|c| c.id.clone()).collect();
    let pairs: usize = book
        .scenarios
        .iter()
        .map(|s| match &s.country {
            None => playable.len(),
            Some(c) => usize::from(playable.contains(c)),
        })
        .sum();
    pairs * (Policy::ALL.len() - 1)
}

#[test]
fn the_matrix_in_json_has_every_cell_with_its_spreads_percentiles_and_time() {
    let out = run(&[
        "simulate",
        "--matrix",
        "--games",
        "3",
        "--expert-games",
        "0",
        "--seed",
        "4",
        "--json",
    ]);
    let v = json(&out);
    assert_eq!(v["games"], 3);
    assert_eq!(v["seed"], 4);
    assert!(v["wall_seconds"].as_f64().unwrap() >= 0.0);
    let cells = v["cells"].as_array().unwrap();
    assert_eq!(cells.len(), expected_cells());
    assert!(cells.iter().all(|c| c["policy"] != "expert"));
    for c in cells {
        assert_eq!(c["games"], 3);
        for k in [
            "mean_autonomy",
            "std_autonomy",
            "std_leverage",
            "std_stability",
            "coupling_p10",
            "coupling_p50",
            "coupling_p90",
            "win_rate",
        ] {
            assert!(c[k].is_number(), "{k} missing in {c}");
        }
        let (p10, p50, p90) = (
            c["coupling_p10"].as_f64().unwrap(),
            c["coupling_p50"].as_f64().unwrap(),
            c["coupling_p90"].as_f64().unwrap(),
        );
        assert!(p10 <= p50 && p50 <= p90, "{c}");
        let played: u64 = c["outcomes"]
            .as_object()
            .unwrap()
            .values()
            .map(|n| n.as_u64().unwrap())
            .sum();
        assert_eq!(played, 3);
    }
    // A scenario written for one state has that state's cells only.
    assert!(
        cells
            .iter()
            .filter(|c| c["scenario"] == "tajik-squeeze")
            .all(|c| c["country"] == "tajikistan")
    );
    // The same arguments give the same numbers (the wall time aside).
    let again = json(&run(&[
        "simulate",
        "--matrix",
        "--games",
        "3",
        "--expert-games",
        "0",
        "--seed",
        "4",
        "--json",
    ]));
    assert_eq!(v["cells"], again["cells"]);
}

#[test]
fn the_matrix_table_has_a_row_per_cell_and_its_wall_time_on_stderr() {
    let out = run(&[
        "simulate",
        "--matrix",
        "--games",
        "2",
        "--expert-games",
        "0",
    ]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let table = text(&out.stdout);
    let lines: Vec<&str> = table.lines().collect();
    // A header, its rule, then the cells.
    assert_eq!(lines.len(), 2 + expected_cells(), "{table}");
    let book = content::builtin().unwrap();
    for e in &book.endings {
        assert!(lines[0].contains(&format!("{} %", e.id)), "{}", lines[0]);
    }
    for s in &book.world.situations {
        assert!(lines[0].contains(&format!("{} %", s.id)), "{}", lines[0]);
    }
    assert!(lines[0].contains("coupling p10/p50/p90"));
    assert!(lines.iter().all(|l| l.starts_with('|') && l.ends_with('|')));
    let err = text(&out.stderr);
    assert!(
        err.contains("Wall time: ") && err.contains(" s for "),
        "{err}"
    );
    // Not a terminal: no progress lines.
    assert!(!err.contains("[1/"), "{err}");
}

#[test]
fn the_matrix_refuses_flags_of_one_run() {
    for args in [
        &["simulate", "--matrix", "--policy", "hedger"][..],
        &["simulate", "--matrix", "--country", "kazakhstan"][..],
        &["simulate", "--matrix", "--games", "0"][..],
        &[
            "simulate",
            "--policy",
            "hedger",
            "--games",
            "2",
            "--expert-games",
            "3",
        ][..],
    ] {
        let out = run(args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(out.stdout.is_empty(), "{args:?}");
    }
}

#[test]
fn one_run_reports_spreads_percentiles_and_situations() {
    let v = json(&run(&[
        "simulate",
        "--policy",
        "article",
        "--games",
        "20",
        "--country",
        "uzbekistan",
        "--json",
    ]));
    assert_eq!(v["policy"], "article");
    for k in [
        "games",
        "policy",
        "country",
        "mean_autonomy",
        "mean_leverage",
        "win_rate",
        "outcomes",
        "std_autonomy",
        "coupling_p10",
        "coupling_p50",
        "coupling_p90",
    ] {
        assert!(!v[k].is_null(), "{k} missing");
    }
    let book = content::builtin().unwrap();
    let begun = v["situations_begun"].as_object().unwrap();
    assert_eq!(begun.len(), book.world.situations.len());
    for s in &book.world.situations {
        let n = begun[&s.id].as_u64().unwrap();
        assert!(n <= 20, "{}: {n}", s.id);
    }
}

#[test]
fn a_checklist_is_a_policy_and_an_unknown_action_in_it_is_refused() {
    let v = json(&run(&[
        "simulate",
        "--policy",
        "fixed:visit_ankara,consolidate",
        "--games",
        "5",
        "--json",
    ]));
    assert_eq!(v["policy"], "fixed:visit_ankara,consolidate");
    assert_eq!(v["games"], 5);
    let out = run(&["simulate", "--policy", "fixed:visit_mars", "--games", "5"]);
    assert_eq!(out.status.code(), Some(2));
    let err = text(&out.stderr);
    assert!(err.contains("unknown action `visit_mars`"), "{err}");
    let out = run(&["simulate", "--policy", "nonsense", "--games", "5"]);
    assert_eq!(out.status.code(), Some(2));
    let err = text(&out.stderr);
    for p in Policy::ALL {
        assert!(err.contains(p.id()), "{err}");
    }
    assert!(err.contains("fixed:"), "{err}");
}

/// `simulate --difficulty LEVEL` plays at that level, as `play` would: the
/// same games hit harder on hard than on easy. An unknown level is bad input
/// naming the known ones.
#[test]
fn a_simulation_plays_at_the_level_asked() {
    let at = |level: &str| {
        json(&run(&[
            "simulate",
            "--policy",
            "random",
            "--games",
            "60",
            "--country",
            "tajikistan",
            "--difficulty",
            level,
            "--json",
        ]))
    };
    let (easy, hard) = (at("easy"), at("hard"));
    let stability = |v: &serde_json::Value| v["mean_stability"].as_f64().unwrap();
    assert!(
        stability(&easy) > stability(&hard) + 3.0,
        "easy {} vs hard {}",
        stability(&easy),
        stability(&hard)
    );
    let bad = run(&[
        "simulate",
        "--policy",
        "random",
        "--games",
        "1",
        "--difficulty",
        "brutal",
    ]);
    assert_eq!(bad.status.code(), Some(2));
    let err = text(&bad.stderr);
    assert!(
        err.contains("brutal") && err.contains("easy, normal, hard"),
        "{err}"
    );
}

#[test]
fn the_expert_plays_a_game_through_the_binary() {
    let v = json(&run(&[
        "simulate",
        "--policy",
        "expert",
        "--games",
        "1",
        "--scenario",
        "first-steps",
        "--json",
    ]));
    assert_eq!(v["policy"], "expert");
    assert_eq!(v["turns_played"], 8);
}

/// docs/BALANCE.md ends with a matrix of today's shape: the header the
/// binary prints now, and a row for every cell (the expert's included), in
/// order. A change of the content's states, scenarios, endings or
/// situations needs the table regenerated by the doc's one-line command.
#[test]
fn the_balance_doc_ends_with_a_matrix_of_the_current_shape() {
    const MARKER: &str = "<!-- The matrix: generated, do not edit below this line -->";
    let doc = std::fs::read_to_string("docs/BALANCE.md").unwrap();
    let (before, table) = doc.rsplit_once(MARKER).expect("the marker line");
    assert!(
        before.contains(&format!("sed -i '/^{MARKER}$/q' docs/BALANCE.md")),
        "the regenerating command cuts at the marker"
    );
    assert!(before.contains("simulate --matrix --seed 1 >> docs/BALANCE.md"));
    let now = run(&[
        "simulate",
        "--matrix",
        "--games",
        "1",
        "--expert-games",
        "1",
    ]);
    assert!(now.status.success(), "{}", text(&now.stderr));
    let now = text(&now.stdout);
    let rows = |t: &str| -> Vec<String> {
        t.lines()
            .filter(|l| l.starts_with('|'))
            .map(|l| {
                let cells: Vec<&str> = l.split('|').map(str::trim).collect();
                cells[1..4].join(" ")
            })
            .collect()
    };
    let header = |t: &str| -> Vec<String> {
        let line = t.lines().find(|l| l.starts_with('|')).unwrap_or("");
        line.split('|').map(|c| c.trim().to_string()).collect()
    };
    assert_eq!(header(table), header(&now), "the columns");
    assert_eq!(rows(table), rows(&now), "the cells");
    assert!(
        table.contains("Wall time: "),
        "the wall time under the table"
    );
}
