//! The sum of a run of games: means and spreads of the scores, the share
//! of each ending, the final Turkey–EU coupling's percentiles, and in how
//! many games each situation of the world began.

use std::collections::BTreeMap;

use serde::Serialize;

use super::{GameResult, Policy};
use crate::rules::Book;

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
    /// Standard deviations over the games (n − 1 in the denominator).
    pub std_autonomy: f64,
    pub std_leverage: f64,
    pub std_stability: f64,
    /// The share of games that reached the best ending (0–1).
    pub win_rate: f64,
    /// How many games ended in each ending.
    pub outcomes: BTreeMap<String, u32>,
    /// The final Turkey–EU coupling: 10th, 50th and 90th percentiles.
    pub coupling_p10: f64,
    pub coupling_p50: f64,
    pub coupling_p90: f64,
    /// For every situation of the world: in how many games it began.
    pub situations_begun: BTreeMap<String, u32>,
    pub turns_played: u64,
}

fn round2(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}

/// The mean and standard deviation (n − 1 in the denominator; 0 for fewer
/// than two values).
pub fn mean_std(xs: impl Iterator<Item = f64> + Clone) -> (f64, f64) {
    let n = xs.clone().count();
    if n == 0 {
        return (0.0, 0.0);
    }
    let mean = xs.clone().sum::<f64>() / n as f64;
    if n < 2 {
        return (mean, 0.0);
    }
    let var = xs.map(|x| (x - mean) * (x - mean)).sum::<f64>() / (n - 1) as f64;
    (mean, var.sqrt())
}

/// The `p`-th percentile (0–100) by nearest rank: the smallest value with
/// at least `p`% of the values at or below it. 0 for no values.
pub fn percentile(values: &[f64], p: f64) -> f64 {
    if values.is_empty() {
        return 0.0;
    }
    let mut sorted = values.to_vec();
    sorted.sort_by(f64::total_cmp);
    let rank = (p / 100.0 * sorted.len() as f64).ceil() as usize;
    sorted[rank.clamp(1, sorted.len()) - 1]
}

pub fn summarize(
    book: &Book,
    results: &[GameResult],
    policy: &Policy,
    country: &str,
    scenario: &str,
    seed: u64,
) -> Summary {
    let n = results.len().max(1) as f64;
    let stats = |f: fn(&GameResult) -> f64| {
        let (m, s) = mean_std(results.iter().map(f));
        (round2(m), round2(s))
    };
    let (mean_autonomy, std_autonomy) = stats(|r| r.autonomy);
    let (mean_leverage, std_leverage) = stats(|r| r.leverage);
    let (mean_stability, std_stability) = stats(|r| r.stability);
    let mut outcomes = BTreeMap::new();
    for r in results {
        *outcomes.entry(r.outcome.clone()).or_insert(0) += 1;
    }
    let coupling: Vec<f64> = results.iter().map(|r| r.coupling).collect();
    let situations_begun = book
        .world
        .situations
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let n = results
                .iter()
                .filter(|r| r.began.get(i).copied().unwrap_or(false))
                .count();
            (s.id.clone(), n as u32)
        })
        .collect();
    Summary {
        games: results.len() as u32,
        policy: policy.id().to_string(),
        country: country.to_string(),
        scenario: scenario.to_string(),
        seed,
        mean_autonomy,
        mean_leverage,
        mean_stability,
        mean_score: stats(|r| r.score).0,
        std_autonomy,
        std_leverage,
        std_stability,
        win_rate: (results.iter().filter(|r| r.best).count() as f64 / n * 10_000.0).round()
            / 10_000.0,
        outcomes,
        coupling_p10: round2(percentile(&coupling, 10.0)),
        coupling_p50: round2(percentile(&coupling, 50.0)),
        coupling_p90: round2(percentile(&coupling, 90.0)),
        situations_begun,
        turns_played: results.iter().map(|r| u64::from(r.turns)).sum(),
    }
}

impl Summary {
    /// The share of games (0–1) that ended in this ending.
    pub fn share(&self, ending: &str) -> f64 {
        f64::from(self.outcomes.get(ending).copied().unwrap_or(0)) / f64::from(self.games.max(1))
    }

    /// The share of games (0–1) in which this situation began.
    pub fn began(&self, situation: &str) -> f64 {
        f64::from(self.situations_begun.get(situation).copied().unwrap_or(0))
            / f64::from(self.games.max(1))
    }

    /// A readable table.
    pub fn table(&self) -> String {
        let mut out = String::new();
        out.push_str(&format!(
            "{} games · policy {} · {} · scenario {} · seed {}\n",
            self.games, self.policy, self.country, self.scenario, self.seed
        ));
        out.push_str(&format!("{:<16}{:>10}{:>10}\n", "measure", "mean", "sd"));
        for (name, mean, sd) in [
            ("autonomy", self.mean_autonomy, self.std_autonomy),
            ("leverage", self.mean_leverage, self.std_leverage),
            ("stability", self.mean_stability, self.std_stability),
        ] {
            out.push_str(&format!("{name:<16}{mean:>10.1}{sd:>10.1}\n"));
        }
        out.push_str(&format!(
            "{:<16}{:>10.1}\n{:<16}{:>9.1}%\n",
            "final score",
            self.mean_score,
            "win rate",
            self.win_rate * 100.0
        ));
        out.push_str(&format!(
            "{:<16}{:>10.1}{:>10.1}{:>10.1}   (p10 p50 p90)\n",
            "coupling", self.coupling_p10, self.coupling_p50, self.coupling_p90
        ));
        out.push_str("\noutcome             games\n");
        let mut rows: Vec<_> = self.outcomes.iter().collect();
        rows.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
        for (id, n) in rows {
            out.push_str(&format!("{id:<18}{n:>7}\n"));
        }
        out.push_str("\nsituation began   games\n");
        for (id, n) in &self.situations_begun {
            out.push_str(&format!("{id:<18}{n:>7}\n"));
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percentiles_by_nearest_rank() {
        let v: Vec<f64> = (1..=10).map(f64::from).collect();
        assert_eq!(percentile(&v, 10.0), 1.0);
        assert_eq!(percentile(&v, 50.0), 5.0);
        assert_eq!(percentile(&v, 90.0), 9.0);
        assert_eq!(percentile(&v, 100.0), 10.0);
        assert_eq!(percentile(&[3.0], 10.0), 3.0);
        assert_eq!(percentile(&[], 50.0), 0.0);
        // Order does not matter.
        assert_eq!(percentile(&[9.0, 1.0, 5.0], 50.0), 5.0);
    }

    #[test]
    fn mean_and_spread() {
        let (m, s) = mean_std([2.0, 4.0, 4.0, 4.0, 5.0, 5.0, 7.0, 9.0].into_iter());
        assert_eq!(m, 5.0);
        assert!((s - (32.0f64 / 7.0).sqrt()).abs() < 1e-12);
        assert_eq!(mean_std([3.0].into_iter()), (3.0, 0.0));
        assert_eq!(mean_std(std::iter::empty()), (0.0, 0.0));
    }
}
