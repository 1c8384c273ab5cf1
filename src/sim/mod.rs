//! The headless simulator: plays many games with a built-in policy and sums
//! up their outcomes.

pub mod policy;

use std::collections::BTreeMap;

use rayon::prelude::*;
use serde::Serialize;

use crate::rules::Raw;
use crate::rules::defs::ScenarioDef;
use crate::rules::{Book, Command, Game};
pub use policy::{Player, Policy};

/// One finished game, as the simulator sees it.
#[derive(Debug, Clone, PartialEq)]
pub struct GameResult {
    pub outcome: String,
    pub best: bool,
    pub autonomy: f64,
    pub leverage: f64,
    pub stability: f64,
    pub score: f64,
    pub turns: u32,
}

/// Plays one game to its end with a policy.
pub fn play_one(
    book: &Book,
    scenario: &ScenarioDef<Raw>,
    country: &str,
    seed: u64,
    policy: Policy,
) -> Game {
    let mut game = Game::new(book, scenario.clone(), Some(country), seed)
        .expect("the country and scenario were checked before the simulation started");
    let mut player = Player::new(policy, seed);
    // A bound well past any scenario's length, so that a content bug cannot hang the run.
    let turns = game.state().turns() as usize;
    for _ in 0..(turns + 1) * 64 {
        if game.state().is_over() {
            break;
        }
        if !game.state().pending().is_empty() {
            let choice = player.choose(game.state(), book);
            if game.apply(book, Command::Choose(choice)).is_err() {
                // Fall back on the first available choice.
                let n = crate::rules::decision_choices(game.state(), book).len();
                let ok = (0..n).find(|&i| {
                    crate::rules::check(game.state(), book, &Command::Choose(i)).is_ok()
                });
                let _ = game.apply(book, Command::Choose(ok.unwrap_or(0)));
            }
            continue;
        }
        for id in player.plan(game.state(), book) {
            let _ = game.apply(book, Command::Plan(id));
        }
        let _ = game.apply(book, Command::EndTurn);
    }
    game
}

fn result_of(book: &Book, game: &Game) -> GameResult {
    let s = game.state();
    let ending = s.outcome().map(|o| book.ending(o.ending));
    let outcome = ending.map_or_else(|| "unfinished".into(), |e| e.id.clone());
    GameResult {
        best: ending.is_some_and(|e| e.best),
        score: s.outcome().map_or(0.0, |o| o.score),
        outcome,
        autonomy: s.autonomy(),
        leverage: s.leverage(),
        stability: s.stability(),
        turns: s.turn(),
    }
}

/// The summary printed by `simulate`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Summary {
    pub games: u32,
    pub policy: String,
    pub country: String,
    pub scenario: String,
    pub seed: u64,
    pub mean_autonomy: f64,
    pub mean_leverage: f64,
    pub mean_stability: f64,
    pub mean_score: f64,
    pub win_rate: f64,
    pub outcomes: BTreeMap<String, u32>,
    pub turns_played: u64,
}

/// The seed of game `i` in a run started with `seed`.
pub fn game_seed(seed: u64, i: u32) -> u64 {
    seed.wrapping_mul(0x9E37_79B9_7F4A_7C15)
        .wrapping_add(u64::from(i))
}

/// Plays `games` games in parallel; the result does not depend on the
/// number of threads.
pub fn simulate(
    book: &Book,
    scenario: &ScenarioDef<Raw>,
    country: &str,
    policy: Policy,
    games: u32,
    seed: u64,
) -> Summary {
    let results: Vec<GameResult> = (0..games)
        .into_par_iter()
        .map(|i| {
            result_of(
                book,
                &play_one(book, scenario, country, game_seed(seed, i), policy),
            )
        })
        .collect();
    summarize(&results, policy, country, &scenario.id, seed)
}

fn round2(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}

pub fn summarize(
    results: &[GameResult],
    policy: Policy,
    country: &str,
    scenario: &str,
    seed: u64,
) -> Summary {
    let n = results.len().max(1) as f64;
    let mean = |f: fn(&GameResult) -> f64| round2(results.iter().map(f).sum::<f64>() / n);
    let mut outcomes = BTreeMap::new();
    for r in results {
        *outcomes.entry(r.outcome.clone()).or_insert(0) += 1;
    }
    Summary {
        games: results.len() as u32,
        policy: policy.id().to_string(),
        country: country.to_string(),
        scenario: scenario.to_string(),
        seed,
        mean_autonomy: mean(|r| r.autonomy),
        mean_leverage: mean(|r| r.leverage),
        mean_stability: mean(|r| r.stability),
        mean_score: mean(|r| r.score),
        win_rate: (results.iter().filter(|r| r.best).count() as f64 / n * 10_000.0).round()
            / 10_000.0,
        outcomes,
        turns_played: results.iter().map(|r| u64::from(r.turns)).sum(),
    }
}

impl Summary {
    /// A readable table.
    pub fn table(&self) -> String {
        let mut out = String::new();
        out.push_str(&format!(
            "{} games · policy {} · {} · scenario {} · seed {}\n",
            self.games, self.policy, self.country, self.scenario, self.seed
        ));
        out.push_str(&format!(
            "{:<16}{:>10}\n{:<16}{:>10.1}\n{:<16}{:>10.1}\n{:<16}{:>10.1}\n{:<16}{:>10.1}\n{:<16}{:>9.1}%\n",
            "measure", "mean",
            "autonomy", self.mean_autonomy,
            "leverage", self.mean_leverage,
            "stability", self.mean_stability,
            "final score", self.mean_score,
            "win rate", self.win_rate * 100.0
        ));
        out.push_str("\noutcome             games\n");
        let mut rows: Vec<_> = self.outcomes.iter().collect();
        rows.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
        for (id, n) in rows {
            out.push_str(&format!("{id:<18}{n:>7}\n"));
        }
        out
    }
}
