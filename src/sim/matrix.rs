//! The balance matrix (`simulate --matrix`): every playable state × every
//! built-in policy × every built-in scenario that allows the state, in one
//! table.

use std::collections::BTreeMap;
use std::time::Instant;

use serde::Serialize;

use super::{Policy, Summary, simulate};
use crate::rules::Book;

/// How to run the matrix.
#[derive(Debug, Clone, PartialEq)]
pub struct MatrixOptions {
    /// Games a cell.
    pub games: u32,
    /// Games a cell for `expert`, which is slow (0 leaves it out).
    pub expert_games: u32,
    pub seed: u64,
}

/// One cell of the matrix, before it is played.
#[derive(Debug, Clone, PartialEq)]
pub struct Cell {
    pub scenario: String,
    pub country: String,
    pub policy: Policy,
    pub games: u32,
}

/// The cells, in order: by scenario (as the book lists them), by state (as
/// the content lists them), by policy (as [`Policy::ALL`] lists them). A
/// scenario written for one state has only that state's cells.
pub fn cells(book: &Book, opts: &MatrixOptions) -> Vec<Cell> {
    let mut out = Vec::new();
    for scenario in &book.scenarios {
        for country in book.playable() {
            if scenario.country.as_ref().is_some_and(|c| *c != country.id) {
                continue;
            }
            for policy in Policy::ALL {
                let games = if policy == Policy::Expert {
                    opts.expert_games
                } else {
                    opts.games
                };
                if games > 0 {
                    out.push(Cell {
                        scenario: scenario.id.clone(),
                        country: country.id.clone(),
                        policy,
                        games,
                    });
                }
            }
        }
    }
    out
}

/// The matrix, played.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Matrix {
    pub games: u32,
    pub expert_games: u32,
    pub seed: u64,
    /// The endings and situations, in the content's order (the columns).
    pub endings: Vec<String>,
    pub situations: Vec<String>,
    pub cells: Vec<Summary>,
    /// The wall time of the whole run, and of each policy's cells, in seconds.
    pub wall_seconds: f64,
    pub policy_seconds: BTreeMap<String, f64>,
}

/// Plays every cell; `progress` hears of each cell as it is done (its
/// number from 1, the number of cells, its summary and its seconds).
pub fn matrix(
    book: &Book,
    opts: &MatrixOptions,
    mut progress: impl FnMut(usize, usize, &Summary, f64),
) -> Matrix {
    let start = Instant::now();
    let cells = cells(book, opts);
    let mut summaries = Vec::with_capacity(cells.len());
    let mut policy_seconds: BTreeMap<String, f64> = BTreeMap::new();
    for (i, cell) in cells.iter().enumerate() {
        let t = Instant::now();
        let scenario = book
            .scenario(&cell.scenario)
            .expect("the cells come from the book's scenarios");
        let summary = simulate(
            book,
            scenario,
            &cell.country,
            cell.policy.clone(),
            cell.games,
            opts.seed,
        );
        let seconds = t.elapsed().as_secs_f64();
        *policy_seconds
            .entry(cell.policy.id().to_string())
            .or_default() += seconds;
        progress(i + 1, cells.len(), &summary, seconds);
        summaries.push(summary);
    }
    for s in policy_seconds.values_mut() {
        *s = (*s * 10.0).round() / 10.0;
    }
    Matrix {
        games: opts.games,
        expert_games: opts.expert_games,
        seed: opts.seed,
        endings: book.endings.iter().map(|e| e.id.clone()).collect(),
        situations: book.world.situations.iter().map(|s| s.id.clone()).collect(),
        cells: summaries,
        wall_seconds: (start.elapsed().as_secs_f64() * 10.0).round() / 10.0,
        policy_seconds,
    }
}

/// A share (0–1) as a whole percentage, or a dot for none at all (easier
/// to scan than a column of zeros).
fn percent(share: f64) -> String {
    let whole = (share * 100.0).round();
    if share == 0.0 {
        "·".into()
    } else if whole < 1.0 {
        "<1".into()
    } else {
        format!("{whole:.0}")
    }
}

impl Matrix {
    /// The matrix as one Markdown table (aligned, so it reads in a terminal).
    pub fn table(&self) -> String {
        let mut header: Vec<String> = [
            "scenario",
            "state",
            "policy",
            "games",
            "win %",
            "autonomy",
            "leverage",
            "stability",
        ]
        .map(String::from)
        .to_vec();
        header.extend(self.endings.iter().map(|e| format!("{e} %")));
        header.push("coupling p10/p50/p90".into());
        header.extend(self.situations.iter().map(|s| format!("{s} %")));
        let mut rows = vec![header];
        for c in &self.cells {
            let mut row = vec![
                c.scenario.clone(),
                c.country.clone(),
                c.policy.clone(),
                c.games.to_string(),
                format!("{:.1}", c.win_rate * 100.0),
                format!("{:.1} ± {:.1}", c.mean_autonomy, c.std_autonomy),
                format!("{:.1} ± {:.1}", c.mean_leverage, c.std_leverage),
                format!("{:.1} ± {:.1}", c.mean_stability, c.std_stability),
            ];
            row.extend(self.endings.iter().map(|e| percent(c.share(e))));
            row.push(format!(
                "{:.0} / {:.0} / {:.0}",
                c.coupling_p10, c.coupling_p50, c.coupling_p90
            ));
            row.extend(self.situations.iter().map(|s| percent(c.began(s))));
            rows.push(row);
        }
        markdown(&rows)
    }

    /// The wall times, on one line (for standard error, and for the
    /// paragraph under the table in docs/BALANCE.md).
    pub fn timing(&self) -> String {
        let each: Vec<String> = self
            .policy_seconds
            .iter()
            .map(|(policy, s)| format!("{policy} {s:.1} s"))
            .collect();
        format!(
            "Wall time: {:.1} s for {} cells, seed {}, {} games a cell ({} for expert); by policy: {}.",
            self.wall_seconds,
            self.cells.len(),
            self.seed,
            self.games,
            self.expert_games,
            each.join(", ")
        )
    }
}

/// Rows (the first the header) as a Markdown table, columns padded to one
/// width; text columns to the left, numbers to the right.
fn markdown(rows: &[Vec<String>]) -> String {
    let cols = rows.first().map_or(0, Vec::len);
    let width = |j: usize| {
        rows.iter()
            .map(|r| r[j].chars().count())
            .max()
            .unwrap_or(0)
            .max(3)
    };
    let widths: Vec<usize> = (0..cols).map(width).collect();
    let text = |j: usize| j < 3;
    let mut out = String::new();
    for (i, row) in rows.iter().enumerate() {
        out.push('|');
        for (j, cell) in row.iter().enumerate() {
            let w = widths[j];
            if text(j) || i == 0 {
                out.push_str(&format!(" {cell:<w$} |"));
            } else {
                out.push_str(&format!(" {cell:>w$} |"));
            }
        }
        out.push('\n');
        if i == 0 {
            out.push('|');
            for (j, w) in widths.iter().enumerate() {
                let dashes = "-".repeat(*w);
                if text(j) {
                    out.push_str(&format!(" {dashes} |"));
                } else {
                    out.push_str(&format!(" {}: |", &dashes[1..]));
                }
            }
            out.push('\n');
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_scenario_for_one_state_has_only_its_cells() {
        let book = crate::content::builtin().unwrap();
        let opts = MatrixOptions {
            games: 10,
            expert_games: 2,
            seed: 1,
        };
        let cells = cells(&book, &opts);
        let playable = book.playable().count();
        let open = book
            .scenarios
            .iter()
            .filter(|s| s.country.is_none())
            .count();
        let fixed = book
            .scenarios
            .iter()
            .filter(|s| {
                s.country
                    .as_ref()
                    .is_some_and(|c| book.playable().any(|p| p.id == *c))
            })
            .count();
        assert_eq!(cells.len(), (open * playable + fixed) * Policy::ALL.len());
        for c in &cells {
            let s = book.scenario(&c.scenario).unwrap();
            assert!(s.country.as_ref().is_none_or(|f| *f == c.country));
            assert_eq!(c.games, if c.policy == Policy::Expert { 2 } else { 10 });
        }
        let no_expert = MatrixOptions {
            expert_games: 0,
            ..opts
        };
        assert!(
            super::cells(&book, &no_expert)
                .iter()
                .all(|c| c.policy != Policy::Expert)
        );
    }

    #[test]
    fn shares_read_as_whole_percentages_and_none_as_a_dot() {
        assert_eq!(percent(0.0), "·");
        assert_eq!(percent(0.004), "<1");
        assert_eq!(percent(0.005), "1");
        assert_eq!(percent(0.2549), "25");
        assert_eq!(percent(1.0), "100");
    }

    #[test]
    fn markdown_pads_text_left_and_numbers_right() {
        let rows = vec![
            vec!["a".to_string(), "bb".into(), "c".into(), "1".into()],
            vec!["x".to_string(), "y".into(), "z".into(), "12.5".into()],
        ];
        let t = markdown(&rows);
        let lines: Vec<&str> = t.lines().collect();
        assert_eq!(lines.len(), 3);
        assert_eq!(lines[0], "| a   | bb  | c   | 1    |");
        assert_eq!(lines[1], "| --- | --- | --- | ---: |");
        assert_eq!(lines[2], "| x   | y   | z   | 12.5 |");
    }
}
