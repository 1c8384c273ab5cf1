//! The world-turns targets: the contingency happens (coupling spreads, the
//! momentum stalls and the stall costs), every ending happens, alignment can
//! end as a client state, and no checklist wins. All await calibration.

use multivector::sim::{Checklist, Policy};

use super::sample::{GAMES, Z, book, diff_error, mean, results, sd, share, share_error, states};

/// The article's games of every state, pooled.
fn article_games() -> Vec<multivector::sim::GameResult> {
    states()
        .iter()
        .flat_map(|s| results("standard", s, &Policy::Article).to_vec())
        .collect()
}

/// Target: under `article`, final coupling's 10th percentile is at most 40
/// and its 90th at least 75: at least a tenth of the games end at or
/// below 40, and at least a tenth at or above 75.
#[test]
fn coupling_spreads_under_the_article() {
    let games = article_games();
    let n = games.len();
    let low = share(&games, |g| g.coupling <= 40.0);
    let high = share(&games, |g| g.coupling >= 75.0);
    let bar = 0.10 - Z * share_error(0.10, n);
    let per_state: Vec<String> = states()
        .iter()
        .map(|s| {
            let r = results("standard", s, &Policy::Article);
            let c: Vec<f64> = r.iter().map(|g| g.coupling).collect();
            format!(
                "{s}: p10 {:.0}, p90 {:.0}",
                multivector::sim::percentile(&c, 10.0),
                multivector::sim::percentile(&c, 90.0)
            )
        })
        .collect();
    assert!(
        low >= bar && high >= bar,
        "{:.1}% of games end at or below 40, {:.1}% at or above 75 ({})",
        low * 100.0,
        high * 100.0,
        per_state.join("; ")
    );
}

/// Target: under `article`, for each state, `turkish_overstretch` and
/// `eu_paralysis` each begin in 10–60% of games.
#[test]
fn under_the_article_each_stall_begins_in_10_to_60_percent_of_games() {
    let book = book();
    let mut failures = Vec::new();
    for state in states() {
        let r = results("standard", &state, &Policy::Article);
        for id in ["turkish_overstretch", "eu_paralysis"] {
            let Some(i) = book.situation_id(id).map(|s| s.index()) else {
                failures.push(format!("no situation `{id}` in the content"));
                continue;
            };
            let began = share(&r, |g| g.began[i]);
            let low = 0.10 - Z * share_error(0.10, r.len());
            let high = 0.60 + Z * share_error(0.60, r.len());
            if !(low..=high).contains(&began) {
                failures.push(format!("{state}: {id} begins in {:.1}%", began * 100.0));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// Target: the article's games in which the momentum stalled (the EU
/// paralysed or Ankara overstretched) end with less leverage on average.
#[test]
fn a_stall_costs_the_article_leverage() {
    let book = book();
    let stalls: Vec<usize> = ["turkish_overstretch", "eu_paralysis"]
        .iter()
        .filter_map(|id| book.situation_id(id).map(|s| s.index()))
        .collect();
    let (stalled, calm): (Vec<_>, Vec<_>) = article_games()
        .into_iter()
        .partition(|g| stalls.iter().any(|&i| g.began[i]));
    let lev = |gs: &[multivector::sim::GameResult]| -> Vec<f64> {
        gs.iter().map(|g| g.leverage).collect()
    };
    let (s, c) = (lev(&stalled), lev(&calm));
    // Too few games of one kind say nothing either way.
    assert!(
        s.len() >= 30 && c.len() >= 30,
        "{} games stalled, {} did not",
        s.len(),
        c.len()
    );
    let margin = Z * diff_error(sd(&s), s.len(), sd(&c), c.len());
    assert!(
        mean(&s) < mean(&c) + margin,
        "stalled {:.1} vs not {:.1}",
        mean(&s),
        mean(&c)
    );
}

/// Target: every ending is reached in at least 1% of games by some built-in
/// policy in some state, and single-power play ends as a client state in at
/// least 20% of `russia-first` or `china-first` games for some state.
#[test]
fn every_ending_happens_and_alignment_can_end_as_a_client_state() {
    let book = book();
    let cells: Vec<(String, Policy)> = states()
        .into_iter()
        .flat_map(|s| Policy::ALL.into_iter().map(move |p| (s.clone(), p)))
        .collect();
    let mut failures = Vec::new();
    for e in &book.endings {
        let (best, n) = cells
            .iter()
            .map(|(s, p)| {
                let r = results("standard", s, p);
                (share(&r, |g| g.outcome == e.id), r.len())
            })
            .max_by(|a, b| a.0.total_cmp(&b.0))
            .unwrap();
        if best < 0.01 - Z * share_error(0.01, n) {
            failures.push(format!("{}: at most {:.2}% of a cell", e.id, best * 100.0));
        }
    }
    let client = states()
        .iter()
        .flat_map(|s| {
            [
                Policy::First(multivector::rules::Power::Russia),
                Policy::First(multivector::rules::Power::China),
            ]
            .map(|p| share(&results("standard", s, &p), |g| g.outcome == "client_state"))
        })
        .fold(0.0, f64::max);
    if client < 0.20 - Z * share_error(0.20, GAMES as usize) {
        failures.push(format!(
            "client_state: at most {:.1}% of russia-first or china-first games",
            client * 100.0
        ));
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// The checklists that won most in the searches of docs/BALA9CE.md, each
/// with the state it won in: the winners before offers bound and refusals
/// counted (they won 44–66% then), and the best found since. The full search
/// is the ignored test in `tests/fixed_search.rs`; this keeps its winners
/// from winning again.
const CHECKLISTS: [(&str, &str); 9] = [
    (
        "kazakhstan",
        "middle_corridor,visit_beijing,visit_ankara,china_loan,un_abstention,reexport_trade,russian_language_media,education_exchange,diversify_domestic",
    ),
    (
        "kazakhstan",
        "csto_exercises,education_exchange,diversify_domestic,un_abstention,visit_ankara,consolidate,visit_moscow,china_loan,reexport_trade,middle_corridor",
    ),
    (
        "uzbekistan",
        "visit_moscow,un_abstention,turkish_drones,middle_corridor,eu_trade_agreement,visit_beijing,close_foreign_base,visit_ankara,education_exchange",
    ),
    (
        "uzbekistan",
        "diversify_domestic,middle_corridor,education_exchange,un_abstention,visit_ankara,eu_reform_package,russian_language_media,reexport_trade,visit_beijing",
    ),
    (
        "kyrgyzstan",
        "eu_trade_agreement,education_exchange,eu_reform_package,middle_corridor,diversify_domestic,un_abstention,russian_language_media,visit_ankara,reexport_trade",
    ),
    (
        "kyrgyzstan",
        "diversify_domestic,education_exchange,china_loan,eu_reform_package,middle_corridor,un_abstention,visit_ankara,reexport_trade",
    ),
    (
        "tajikistan",
        "leave_eaeu,diversify_domestic,education_exchange,eu_reform_package,russian_language_media,un_abstention,visit_ankara,china_loan,consolidate,joint_exercises",
    ),
    (
        "turkmenistan",
        "education_exchange,eu_trade_agreement,diversify_domestic,un_abstention,trans_caspian_pipeline,eu_reform_package,visit_beijing,visit_ankara",
    ),
    (
        "azerbaijan",
        "visit_beijing,un_abstention,reexport_trade,visit_ankara,visit_moscow,diversify_domestic",
    ),
];

/// Target: no checklist wins more than 25% in its state, nor more often
/// than the strongest built-in policy there.
#[test]
fn the_winning_checklists_win_no_more() {
    let mut failures = Vec::new();
    for (state, list) in CHECKLISTS {
        let policy = Policy::Fixed(Checklist::new(list).unwrap());
        let r = results("standard", state, &policy);
        let w = share(&r, |g| g.best);
        let n = r.len();
        if w > 0.25 + Z * share_error(0.25, n) {
            failures.push(format!("{state}: `{list}` wins {:.1}%", w * 100.0));
        }
        let (best, bn) = Policy::ALL
            .iter()
            .map(|p| {
                let r = results("standard", state, p);
                (share(&r, |g| g.best), r.len())
            })
            .max_by(|a, b| a.0.total_cmp(&b.0))
            .unwrap();
        let margin = Z * (share_error(w, n).powi(2) + share_error(best, bn).powi(2)).sqrt();
        if w > best + margin {
            failures.push(format!(
                "{state}: `{list}` wins {:.1}%, the best policy {:.1}%",
                w * 100.0,
                best * 100.0
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
