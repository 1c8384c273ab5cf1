//! The best ending's bars of autonomy and leverage: written for a full game,
//! asked in part of a shorter one, more at a harder level, multiplied by a
//! scenario's ambition, and the bars the ending after the last turn judges.

use crate::common;

use multivector::rules::defs::{EndingDef, ScenarioDef};
use multivector::rules::grammar::Cond;
use multivector::rules::{Book, Game, Raw, State, Var, conds_for};
use multivector::sim::{Policy, game_seed, play_one};

fn best(book: &Book) -> &EndingDef {
    book.endings.iter().find(|e| e.best).expect("a best ending")
}

/// The bar of `v` among conditions (the highest `AtLeast` on it).
fn bar_in(conds: &[Cond], v: Var) -> f64 {
    conds
        .iter()
        .filter_map(|c| match c {
            Cond::AtLeast(w, x) if *w == v => Some(*x),
            _ => None,
        })
        .reduce(f64::max)
        .expect("a bar")
}

/// The bars of autonomy and leverage a game asks, and those written.
fn bars(book: &Book, s: &State) -> [(f64, f64); 2] {
    let asked = s.ending_conds(best(book));
    let written = conds_for(&best(book).when, s.country());
    [Var::Autonomy, Var::Leverage].map(|v| (bar_in(&asked, v), bar_in(&written, v)))
}

fn start(book: &Book, sc: ScenarioDef<Raw>, level: &str) -> Game {
    Game::at(book, sc, Some("kazakhstan"), 7, level).expect("the game starts")
}

#[test]
fn a_full_game_at_normal_asks_the_bars_as_written() {
    let book = common::book();
    let game = start(&book, common::standard(&book), "normal");
    let s = game.state();
    assert_eq!(
        s.ending_conds(best(&book)),
        conds_for(&best(&book).when, s.country())
    );
    for (asked, written) in bars(&book, s) {
        assert_eq!(asked, written);
    }
}

#[test]
fn a_shorter_game_asks_part_of_the_way_from_the_start() {
    let book = common::book();
    let e = &book.model.endings;
    let turns = e.full_turns / 4;
    let game = start(
        &book,
        common::with_overrides(&book, turns, vec![]),
        "normal",
    );
    let first = &game.state().history()[0];
    let part = (f64::from(turns) / f64::from(e.full_turns)).powf(e.pace);
    assert!(
        part > 0.0 && part < 1.0,
        "a quarter of a game asks part: {part}"
    );
    let [(a, wa), (l, wl)] = bars(&book, game.state());
    let way = |from: f64, to: f64| ((from + (to - from) * part) * 10.0).round() / 10.0;
    assert!(
        wa > first.autonomy && wl > first.leverage,
        "the bars lie ahead"
    );
    assert_eq!(a, way(first.autonomy, wa));
    assert_eq!(l, way(first.leverage, wl));
    assert!(a < wa && l < wl);
}

#[test]
fn a_harder_level_asks_more_and_a_scenario_can_ask_more_or_less() {
    let book = common::book();
    let sc = common::with_overrides(&book, 12, vec![]);
    let at = |level: &str, sc: ScenarioDef<Raw>| bars(&book, start(&book, sc, level).state());
    let [easy, normal, hard] = ["easy", "normal", "hard"].map(|l| at(l, sc.clone()));
    for i in 0..2 {
        assert!(
            easy[i].0 < normal[i].0,
            "easy asks less: {easy:?} {normal:?}"
        );
        assert!(
            normal[i].0 < hard[i].0,
            "hard asks more: {normal:?} {hard:?}"
        );
    }
    let demanding = at(
        "normal",
        ScenarioDef {
            ambition: Some(1.5),
            ..sc.clone()
        },
    );
    let lenient = at(
        "normal",
        ScenarioDef {
            ambition: Some(0.5),
            ..sc
        },
    );
    for i in 0..2 {
        assert!(lenient[i].0 < normal[i].0 && normal[i].0 < demanding[i].0);
    }
}

#[test]
fn a_scenario_s_ambition_out_of_its_range_is_refused_by_name() {
    let book = common::book();
    for bad in [0.0, 5.0, f64::NAN] {
        let sc = ScenarioDef {
            ambition: Some(bad),
            ..common::standard(&book)
        };
        let err = book.resolve_scenario(&sc).expect_err("refused").to_string();
        assert!(err.contains("ambition"), "{bad}: {err}");
    }
}

#[test]
fn the_ending_judges_the_bars_the_game_asks() {
    let book = common::book();
    let sc = common::with_overrides(&book, 8, vec![]);
    let hedger = Policy::parse("hedger", &book).unwrap();
    let mut below_the_written_bar = 0;
    for i in 0..40 {
        let game = play_one(&book, &sc, "kazakhstan", game_seed(3, i), hedger.clone());
        let s = game.state();
        let outcome = s.outcome().expect("the game ended");
        let won = book.ending(outcome.ending).best;
        let asked = s.ending_conds(best(&book));
        let held = asked.iter().all(|c| s.holds_judged(&book, c));
        if won {
            assert!(held, "game {i} won without its bars: {asked:?}");
            let [(_, written), _] = bars(&book, s);
            if s.judged(&book, Var::Autonomy) < written {
                below_the_written_bar += 1;
            }
        }
    }
    assert!(
        below_the_written_bar > 0,
        "some short game is won below the full game's bar of autonomy"
    );
}
