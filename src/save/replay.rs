//! `replay`: plays a saved game again from its scenario, seed and decisions
//! alone, and says whether that gives the state the save holds.

use std::path::Path;

use serde::Serialize;

use crate::rules::Book;
use crate::rules::scoring::final_score;

use super::format::Loaded;
use super::{SaveError, read};

/// What `multivector replay` found.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ReplayReport {
    pub path: String,
    pub scenario: String,
    pub country: String,
    pub seed: u64,
    pub decisions: usize,
    /// Turns played.
    pub turns: u32,
    pub date: String,
    /// The ending's id, when the game is over.
    pub outcome: Option<String>,
    /// The ending's name, when the game is over.
    pub outcome_name: Option<String>,
    /// The scores the save shows (those of the rebuilt game for a save that
    /// shows none).
    pub autonomy: f64,
    pub leverage: f64,
    pub stability: f64,
    /// The final score when the game is over; otherwise the score the game
    /// would have if it ended now, without an ending's bonus.
    pub score: f64,
    /// Whether the decisions reproduce the saved state.
    pub matches: bool,
    /// The first turn at which the replayed game differs from the save.
    pub first_difference: Option<u32>,
    /// When a recorded decision is refused on replay, which and why.
    pub reason: Option<String>,
    /// The version of the game that wrote the save.
    pub written_by: String,
}

/// Reads the save at `path` and replays it. A save that does not match its
/// decisions is not an error: the report says so (`matches: false`). The
/// error is for a file that is not a readable save, or a game that cannot
/// start again with this content.
pub fn replay(book: &Book, path: &Path) -> Result<ReplayReport, SaveError> {
    let loaded = read(book, path)?;
    Ok(report_of(book, path, &loaded))
}

/// The replay report of a save already read from `path` (which only names
/// it in the report).
pub fn report_of(book: &Book, path: &Path, loaded: &Loaded) -> ReplayReport {
    let s = loaded.game.state();
    let claimed = loaded.file.state.as_ref();
    let outcome = claimed.map_or_else(
        || s.outcome().map(|o| book.ending(o.ending).id.clone()),
        |c| c.outcome.clone(),
    );
    let outcome_name = outcome.as_ref().map(|id| {
        book.ending_id(id).map_or_else(
            || crate::text::clean(id).into_owned(),
            |e| book.ending(e).title.clone(),
        )
    });
    let (autonomy, leverage, stability) = claimed
        .map_or((s.autonomy(), s.leverage(), s.stability()), |c| {
            (c.autonomy, c.leverage, c.stability)
        });
    let score = match (claimed, s.outcome()) {
        (Some(c), _) => c
            .score
            .unwrap_or_else(|| final_score(&book.model, autonomy, leverage, stability, 0.0)),
        (None, Some(o)) => o.score,
        (None, None) => final_score(&book.model, autonomy, leverage, stability, 0.0),
    };
    ReplayReport {
        path: crate::text::clean(&path.display().to_string()).into_owned(),
        scenario: crate::text::clean(&loaded.game.scenario.id).into_owned(),
        country: claimed.map_or_else(
            || book.country(s.country()).id.clone(),
            |c| crate::text::clean(&c.country).into_owned(),
        ),
        seed: loaded.game.seed,
        decisions: loaded.file.decisions.len(),
        turns: claimed.map_or(s.turn(), |c| c.turn),
        date: claimed.map_or_else(
            || s.date_label(),
            |c| crate::text::clean(&c.date).into_owned(),
        ),
        outcome: outcome.map(|o| crate::text::clean(&o).into_owned()),
        outcome_name,
        autonomy,
        leverage,
        stability,
        score,
        matches: loaded.refused.is_none() && loaded.first_difference.is_none(),
        first_difference: loaded.first_difference,
        reason: loaded.refused.as_ref().map(|(turn, reason)| {
            format!(
                "turn {}: a recorded decision is refused: {reason}",
                turn.saturating_add(1)
            )
        }),
        written_by: crate::text::clean(&loaded.file.game).into_owned(),
    }
}

impl ReplayReport {
    /// The report as the lines `multivector replay` prints.
    pub fn text(&self) -> String {
        let mut out = String::new();
        if self.matches {
            out.push_str(&format!(
                "{}: the {} reproduce{} the saved game.\n",
                self.path,
                counted(
                    self.decisions as u64,
                    "recorded decision",
                    "recorded decisions"
                ),
                if self.decisions == 1 { "s" } else { "" }
            ));
        } else {
            out.push_str(&format!(
                "{}: the saved game does not follow from its decisions: it differs from turn {}.\n",
                self.path,
                self.first_difference.unwrap_or(0)
            ));
            if let Some(reason) = &self.reason {
                out.push_str(&format!("  {reason}\n"));
            }
            out.push_str("  The save was changed by hand, or written by a different version of the game's content.\n");
        }
        out.push_str(&format!(
            "{} ({} scenario, seed {}): {} played, now {}\n",
            self.country,
            self.scenario,
            self.seed,
            counted(u64::from(self.turns), "turn", "turns"),
            self.date
        ));
        out.push_str(&format!(
            "{}autonomy {:.1}  leverage {:.1}  stability {:.1}  score {:.1}{}\n",
            if self.matches {
                ""
            } else {
                "the save claims: "
            },
            self.autonomy,
            self.leverage,
            self.stability,
            self.score,
            if self.outcome.is_some() {
                ""
            } else {
                " (so far)"
            }
        ));
        if let Some(id) = &self.outcome {
            let name = self.outcome_name.as_deref().unwrap_or(id);
            out.push_str(&format!("outcome: {name}\n"));
        }
        out
    }
}

/// "1 turn", "3 turns".
fn counted(n: u64, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

#[cfg(test)]
mod text_tests {
    use super::*;

    fn report(turns: u32, decisions: usize) -> ReplayReport {
        ReplayReport {
            path: "s.ron".into(),
            scenario: "standard".into(),
            country: "Kazakhstan".into(),
            seed: 1,
            decisions,
            turns,
            date: "2026 Q2".into(),
            outcome: None,
            outcome_name: None,
            autonomy: 50.0,
            leverage: 50.0,
            stability: 50.0,
            score: 50.0,
            matches: true,
            first_difference: None,
            reason: None,
            written_by: "0.2.0".into(),
        }
    }

    #[test]
    fn one_turn_is_a_turn() {
        let one = report(1, 1).text();
        assert!(one.contains("): 1 turn played, now"), "{one}");
        assert!(one.contains("the 1 recorded decision reproduces"), "{one}");
        let many = report(3, 5).text();
        assert!(many.contains("): 3 turns played"), "{many}");
        assert!(
            many.contains("the 5 recorded decisions reproduce "),
            "{many}"
        );
    }
}
