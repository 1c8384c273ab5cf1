//! The fixed-seed sample the balance tests share: each (scenario, state,
//! policy) is played once per test run, whichever test asks first, and the
//! games' results are kept for the others.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, OnceLock};

use multivector::content;
use multivector::rules::defs::ScenarioDef;
use multivector::rules::{Book, Raw, Var, WorldVar};
use multivector::sim::{GameResult, Policy, play_many};

/// Games a cell for every policy but the expert, and for the expert (slow).
pub const GAMES: u32 = 600;
pub const EXPERT_GAMES: u32 = 40;
/// The seed of every run.
pub const SEED: u64 = 1;
/// Standard errors allowed by every check (see the file's comment).
pub const Z: f64 = 2.0;

pub fn book() -> &'static Book {
    static BOOK: OnceLock<Book> = OnceLock::new();
    BOOK.get_or_init(|| content::builtin().unwrap())
}

/// The playable states, as the content says.
pub fn states() -> Vec<String> {
    book().playable().map(|c| c.id.clone()).collect()
}

/// The name of a standard scenario that holds a world variable at a value
/// (for [`results`]).
pub fn held(var: WorldVar, value: f64) -> String {
    format!("held:{}={value}", var.id())
}

/// A scenario by the name [`results`] takes: a built-in one's id, or a
/// name from [`held`].
fn scenario(name: &str) -> ScenarioDef<Raw> {
    if let Some(rest) = name.strip_prefix("held:") {
        let (id, value) = rest.rsplit_once('=').unwrap();
        let var = WorldVar::ALL
            .into_iter()
            .find(|w| w.id() == id)
            .map(Var::World)
            .expect("a world variable");
        let mut s = book().scenario("standard").unwrap().clone();
        s.id = name.to_string();
        s.hold = vec![(var, value.parse().unwrap())];
        return s;
    }
    book().scenario(name).unwrap().clone()
}

type Key = (String, String, String);
/// A cell's games, played once by whichever test asks first.
type Cell = Arc<OnceLock<Arc<Vec<GameResult>>>>;

/// The results of a cell, played on the first call.
pub fn results(scenario_name: &str, state: &str, policy: &Policy) -> Arc<Vec<GameResult>> {
    static CELLS: OnceLock<Mutex<HashMap<Key, Cell>>> = OnceLock::new();
    let key = (
        scenario_name.to_string(),
        state.to_string(),
        policy.id().to_string(),
    );
    let cell = CELLS
        .get_or_init(Default::default)
        .lock()
        .unwrap()
        .entry(key)
        .or_default()
        .clone();
    cell.get_or_init(|| {
        let games = if *policy == Policy::Expert {
            EXPERT_GAMES
        } else {
            GAMES
        };
        let s = scenario(scenario_name);
        Arc::new(play_many(book(), &s, state, policy, games, SEED))
    })
    .clone()
}

pub fn mean(xs: &[f64]) -> f64 {
    xs.iter().sum::<f64>() / xs.len().max(1) as f64
}

/// The standard deviation (n − 1 in the denominator).
pub fn sd(xs: &[f64]) -> f64 {
    if xs.len() < 2 {
        return 0.0;
    }
    let m = mean(xs);
    (xs.iter().map(|x| (x - m) * (x - m)).sum::<f64>() / (xs.len() - 1) as f64).sqrt()
}

/// The share (0–1) of games for which `f` holds.
pub fn share(games: &[GameResult], f: impl Fn(&GameResult) -> bool) -> f64 {
    games.iter().filter(|g| f(g)).count() as f64 / games.len().max(1) as f64
}

/// The binomial standard error of a share `p` measured on `n` games.
pub fn share_error(p: f64, n: usize) -> f64 {
    (p * (1.0 - p) / n.max(1) as f64).sqrt()
}

/// The standard error of the difference of two means.
pub fn diff_error(sd_a: f64, n_a: usize, sd_b: f64, n_b: usize) -> f64 {
    (sd_a * sd_a / n_a.max(1) as f64 + sd_b * sd_b / n_b.max(1) as f64).sqrt()
}
