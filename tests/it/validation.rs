//! What a scenario file may hold, through the real binary (issue 13, part
//! 2): every count, delay and number bounded, every number finite, every
//! field known, any country of `countries.ron`; a scenario that breaks one
//! of these is refused by `check`, `play --scenario` and `simulate
//! --scenario` alike, with exit 2 and the same message naming the field, in
//! time and with no file changed. Content files: `validation_content.rs`;
//! saves holding such a scenario: `validation_saves.rs`.

use crate::common;

use crate::common::refusal::{
    NEEDS_A_TERMINAL, accepted, refused, refused_by_every_command, run, scenario,
    scenario_commands, write,
};
use multivector::rules::Power;
use multivector::ui::Launch;

/// A scenario that `check` accepts, as its output says.
fn check_accepts(dir: &std::path::Path, path: &str) {
    let run = accepted(dir, &["check", path]);
    assert_eq!(run.stdout_text(), "ok\n");
}

/// Issue 13, failure 3: this scenario passed `check`, then `play` and
/// `simulate` pushed 4.3 billion delayed effects until memory ran out.
#[test]
fn a_delay_of_4294967295_turns_is_refused_by_every_command() {
    let dir = tempfile::tempdir().unwrap();
    let text = scenario("overrides: [Over(4294967295, [Add(Stability, 1)])],");
    let path = write(dir.path(), "endless.ron", &text);
    let said = refused_by_every_command(
        dir.path(),
        &path,
        &[
            "overrides[0]",
            "a delay of 4294967295 turns, outside 1..=80",
        ],
    );
    assert!(said.starts_with("./endless.ron: "), "{said}");
    let later = scenario("overrides: [Later(4294967295, [Add(Stability, 1)])],");
    let path = write(dir.path(), "later.ron", &later);
    refused_by_every_command(dir.path(), &path, &["overrides[0]", "4294967295 turns"]);
}

/// Issue 13, failure 4: `Over(100000, …)` passed `check` and made every
/// autosave 19.5 MB, which the game then refused to load.
#[test]
fn a_delay_of_100000_turns_is_refused_so_that_no_save_outgrows_the_reader() {
    let dir = tempfile::tempdir().unwrap();
    let text = scenario("overrides: [Over(100000, [Add(Stability, 1)])],");
    let path = write(dir.path(), "long.ron", &text);
    refused_by_every_command(
        dir.path(),
        &path,
        &["overrides[0]", "a delay of 100000 turns, outside 1..=80"],
    );
}

/// The bounds of delays and their nesting, and their edges accepted: the
/// limits refuse what is too much, not what a teacher would write.
#[test]
fn delays_and_their_nesting_are_bounded_and_their_edges_accepted() {
    let dir = tempfile::tempdir().unwrap();
    let nested = |depth: usize| {
        let mut effect = "Add(Stability, 1)".to_string();
        for _ in 0..depth {
            effect = format!("Later(1, [{effect}])");
        }
        scenario(&format!("overrides: [{effect}],"))
    };
    for (name, text, words) in [
        (
            "zero.ron",
            scenario("overrides: [Later(0, [Add(Stability, 1)])],"),
            "a delay of 0 turns",
        ),
        (
            "over81.ron",
            scenario("overrides: [Over(81, [Add(Stability, 1)])],"),
            "a delay of 81 turns",
        ),
        ("deep.ron", nested(9), "nested too deeply"),
    ] {
        let path = write(dir.path(), name, &text);
        refused_by_every_command(dir.path(), &path, &["overrides[0]", words]);
    }
    let edges = scenario(
        "turns: 80,\n    overrides: [Over(80, [Add(Stability, 1)]), Later(80, [Add(Stability, 1)]), Later(1, [Over(1, [Add(Stability, 1)])])],",
    );
    check_accepts(dir.path(), &write(dir.path(), "edges.ron", &edges));
    check_accepts(dir.path(), &write(dir.path(), "deep8.ron", &nested(8)));
    // Conditions inside `Any` and `Not` likewise.
    let negated = |depth: usize| {
        let mut cond = "AtLeast(Stability, 40)".to_string();
        for _ in 0..depth {
            cond = format!("Not({cond})");
        }
        scenario(&format!("objectives: [(text: \"Calm\", when: [{cond}])],"))
    };
    let path = write(dir.path(), "not9.ron", &negated(9));
    refused_by_every_command(
        dir.path(),
        &path,
        &["objectives[0].when[0]", "conditions nested too deeply"],
    );
    check_accepts(dir.path(), &write(dir.path(), "not8.ron", &negated(8)));
}

/// Issue 13, failure 4: a 3.9 MB scenario of zero-width spaces passed and
/// escaped to a 10.4 MB save. A scenario travels in every save of its
/// games, so it is bounded (64 KiB, written as a save writes it).
#[test]
fn a_scenario_of_zero_width_spaces_too_large_for_a_save_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let spaces = "\u{200B}".repeat(1_300_000);
    let text = scenario(&format!("summary: \"{spaces}\","));
    assert!(text.len() > 3_900_000 && text.len() < 4 * 1024 * 1024);
    let path = write(dir.path(), "wide.ron", &text);
    refused_by_every_command(
        dir.path(),
        &path,
        &["scenario `handed-in`", "more than the limit of 65536"],
    );
    // A long summary under the limit is a scenario like any other.
    let long = scenario(&format!("summary: \"{}\",", "word ".repeat(12_000)));
    check_accepts(dir.path(), &write(dir.path(), "long.ron", &long));
}

/// Issue 13, failure 5: `Strain(russia, NaN)` passed `check`, and three
/// turns later `replay` called the honest game edited (NaN is not NaN).
/// Every number a scenario holds is finite and in its range.
#[test]
fn numbers_that_are_not_finite_are_refused_wherever_a_scenario_holds_one() {
    let dir = tempfile::tempdir().unwrap();
    for (i, (fields, words)) in [
        (
            "overrides: [Strain(russia, NaN)],",
            &["overrides[0]", "NaN is not a finite number"][..],
        ),
        (
            "overrides: [Shift(trade, russia, eu, NaN)],",
            &["overrides[0]", "NaN is not a finite number"],
        ),
        (
            "overrides: [Gain(finance, china, inf)],",
            &["overrides[0]", "inf is not a finite number"],
        ),
        (
            "overrides: [Add(Stability, -inf)],",
            &["overrides[0]", "-inf is not a finite number"],
        ),
        (
            "overrides: [Later(2, [Set(Proximity(eu), NaN)])],",
            &["overrides[0][0]", "NaN is not"],
        ),
        (
            "overrides: [Over(3, [Strain(china, inf)])],",
            &["overrides[0][0]", "inf is not"],
        ),
        (
            "overrides: [Add(Stability, 1e308)],",
            &["overrides[0]", "outside -1000..=1000"],
        ),
        (
            "hold: [(Stability, NaN)],",
            &["hold", "NaN is not a finite number"],
        ),
        (
            "objectives: [(text: \"Calm\", when: [AtLeast(Stability, NaN)])],",
            &["objectives[0].when[0]", "NaN is not"],
        ),
        (
            "objectives: [(text: \"Free\", when: [Any([AtMost(Autonomy, inf)])])],",
            &["objectives[0].when[0][0]", "inf is not"],
        ),
        (
            "objectives: [(text: \"Up\", when: [Gained(Leverage, -inf)])],",
            &["objectives[0].when[0]", "-inf is not"],
        ),
        (
            "objectives: [(text: \"Spread\", when: [Dominated(count: 0, share: NaN)])],",
            &["objectives[0].when[0]", "NaN is not"],
        ),
    ]
    .into_iter()
    .enumerate()
    {
        let path = write(dir.path(), &format!("n{i}.ron"), &scenario(fields));
        refused_by_every_command(dir.path(), &path, words);
    }
}

/// Issue 13, failure 7: `turns: 8, objectivs: […]` passed `check` and the
/// game ran 24 turns without objectives. An unknown field is refused with
/// its name and its line, by every command.
#[test]
fn a_misspelled_field_is_refused_with_its_name_and_line() {
    let dir = tempfile::tempdir().unwrap();
    // The fields start on line 6 of `scenario`'s text.
    for (name, fields, word, line) in [
        (
            "objectivs.ron",
            "turns: 8,\n    objectivs: [\"Keep every share under 50%\"],",
            "`objectivs`",
            7,
        ),
        ("turn.ron", "turn: 8,", "`turn`", 6),
        (
            "whn.ron",
            "objectives: [\n        (text: \"Calm\", whn: [AtLeast(Stability, 40)]),\n    ],",
            "`whn`",
            7,
        ),
    ] {
        let path = write(dir.path(), name, &scenario(fields));
        let at = format!("{path}:{line}:");
        let said = refused_by_every_command(dir.path(), &path, &[&at, "there is no field", word]);
        assert!(said.contains("(the fields are "), "{said}");
    }
}

/// Issue 13, failure 8: `country: "azerbaijan"` passed `check`, and
/// `play --scenario` refused it. A scenario may name any country of
/// `countries.ron`; `playable` is only what the menu offers.
#[test]
fn a_scenario_of_azerbaijan_is_accepted_by_check_play_and_simulate_alike() {
    let dir = tempfile::tempdir().unwrap();
    let text = scenario("").replace("kazakhstan", "azerbaijan");
    let path = write(dir.path(), "baku.ron", &text);
    check_accepts(dir.path(), &path);
    // `play` reads the scenario, starts the game, and only then finds no
    // terminal to show it in.
    let run = run(dir.path(), &scenario_commands(&path)[1]);
    assert_eq!(run.code, Some(2), "{}", run.stderr_text());
    assert_eq!(run.stderr_text().trim(), NEEDS_A_TERMINAL);
    let json = accepted(
        dir.path(),
        &[&scenario_commands(&path)[2][..], &["--json"]].concat(),
    );
    let v: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    assert_eq!(v["country"], "azerbaijan", "{v}");
    // And what `play` starts, in-process: a game of Azerbaijan.
    let book = common::book();
    let file = dir.path().join("baku.ron");
    let launch = multivector::ui::launch::play(&book, file.to_str().unwrap(), None, None, 1);
    let Ok(Launch::Play(game)) = launch else {
        panic!("play --scenario did not start the game");
    };
    let country = book.country(game.state().country());
    assert_eq!(country.id, "azerbaijan");
    // Its own numbers, not another state's.
    assert_eq!(
        game.state().proximity(Power::Turkey),
        country.proximity.get(Power::Turkey)
    );
}

/// Smaller items of issue 13: `start_year: 4294967295` passed and the date
/// wrapped to "0 Q3". The start, the length and the scripted turns of a
/// scenario are bounded, and their edges accepted.
#[test]
fn the_start_the_length_and_the_scripted_turns_are_bounded() {
    let dir = tempfile::tempdir().unwrap();
    for (i, (fields, words)) in [
        (
            "start_year: 4294967295,",
            &["start_year", "4294967295 is outside 1900..=2200"][..],
        ),
        ("start_year: 2201,", &["start_year", "outside 1900..=2200"]),
        ("start_year: 1899,", &["start_year", "outside 1900..=2200"]),
        ("start_quarter: 5,", &["start_quarter", "must be 1 to 4"]),
        ("turns: 0,", &["turns", "0 is outside 1..=80"]),
        ("turns: 4294967295,", &["turns", "outside 1..=80"]),
        (
            "turns: 8,\n    scripted: [(9, \"trump_second_term\")],",
            &["scripted", "on turn 9, outside 1..=8"],
        ),
        (
            "scripted: [(0, \"trump_second_term\")],",
            &["scripted", "on turn 0"],
        ),
        ("turns: 99999999999,", &["too large"]),
    ]
    .into_iter()
    .enumerate()
    {
        let path = write(dir.path(), &format!("b{i}.ron"), &scenario(fields));
        refused_by_every_command(dir.path(), &path, words);
    }
    let edges = scenario(
        "start_year: 2200,\n    start_quarter: 4,\n    turns: 80,\n    scripted: [(80, \"trump_second_term\")],",
    );
    check_accepts(dir.path(), &write(dir.path(), "edges.ron", &edges));
    let first = scenario("start_year: 1900,\n    start_quarter: 1,\n    turns: 1,");
    check_accepts(dir.path(), &write(dir.path(), "first.ron", &first));
}

/// A bad scenario is named before the missing terminal, and is never
/// mistaken for a built-in one.
#[test]
fn play_names_the_scenario_problem_before_it_looks_for_a_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let text =
        scenario("overrides: [Strain(russia, NaN)],").replace("    country: \"kazakhstan\",\n", "");
    let path = write(dir.path(), "open.ron", &text);
    // No state named: `play` would open the new-game screen with it.
    let said = refused(
        dir.path(),
        &["play", "--scenario", &path, "--country", "tajikistan"],
        &["./open.ron", "overrides[0]", "NaN"],
    );
    let plain = refused(dir.path(), &["play", "--scenario", &path], &[]);
    assert_eq!(said, plain);
}

/// Finding: an objective that gives `when` twice is refused, but the
/// message says `text` is given twice (`rules::objective`'s own reader
/// names the first field whichever is doubled).
#[test]
fn a_doubled_field_of_an_objective_is_named() {
    let dir = tempfile::tempdir().unwrap();
    let text = scenario("objectives: [(text: \"Calm\", when: [], when: [])],");
    let path = write(dir.path(), "twice.ron", &text);
    refused_by_every_command(dir.path(), &path, &["the field `when` is given twice"]);
}
