//! Debriefs and class reports: what a game came to, read from its state
//! without a terminal.
//!
//! [`Report`] is what `multivector report` writes for one save: who played
//! what, the scores turn by turn, the decisions in words, the turning
//! points, the scenario's objectives met or not, and whether the save can
//! be trusted (its decisions replay to its state, on the built-in scenario
//! or a custom one; or it is edited, or another version's). It is built
//! from the save alone and is the same, byte for byte,
//! every time it is built from the same save: no clock, no paths but the
//! name the user gave.

pub mod class;
mod class_text;
pub mod debrief;
mod decisions;
mod markdown;
pub mod objectives;
pub mod scenarios;

use serde::Serialize;

use crate::rules::scoring::final_score;
use crate::rules::{Book, Game, Power, Snapshot, State};
use crate::save::{Origin, ReplayReport, Verdict, scenario_hash};
use crate::text::csv_cell;

use debrief::{date_of, turning_points};
use decisions::decisions;
use objectives::ObjectiveLine;

pub use class::{ClassReport, FolderError, Status};
pub use class_text::CLASS_CSV_HEADER;

/// How many turning points a report lists.
pub const TURNING_POINTS: usize = 6;

/// Whether a save's decisions reproduce its state, as `replay` found.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Verification {
    pub verified: bool,
    /// The first turn that differs, as `multivector replay` counts it.
    pub first_difference: Option<u32>,
    /// When a recorded decision is refused on replay, which and why.
    pub reason: Option<String>,
    /// Verified, edited, or another version's (`None`: not replayed).
    pub verdict: Option<Verdict>,
    /// The version of the game that wrote the save (empty: not known).
    pub written_by: String,
    /// For a save of another version whose decisions no longer replay:
    /// the line that says so, naming both versions.
    pub another_version: Option<String>,
}

impl Verification {
    /// What `replay` found of a save.
    pub fn of(replay: &ReplayReport) -> Verification {
        Verification {
            verified: replay.verdict == Verdict::Verified,
            first_difference: replay.first_difference,
            reason: replay.reason.clone(),
            verdict: Some(replay.verdict),
            written_by: replay.written_by.clone(),
            another_version: (replay.verdict == Verdict::AnotherVersion)
                .then(|| replay.another_version_line()),
        }
    }
}

/// An id with its name, e.g. `kazakhstan` and "Kazakhstan".
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Named {
    pub id: String,
    pub name: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Turns {
    pub played: u32,
    pub total: u32,
}

/// The ending reached.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Outcome {
    pub id: String,
    pub title: String,
    /// The ending's text (Markdown only).
    #[serde(skip)]
    pub text: String,
}

/// The numbers at the end of one turn; the same fields as the CSV columns.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TurnRow {
    /// Counted from 1; 0 is the opening position.
    pub turn: u32,
    /// The quarter played, e.g. "2026 Q1".
    pub date: String,
    pub autonomy: f64,
    pub leverage: f64,
    pub stability: f64,
    pub capital: f64,
    pub proximity_russia: f64,
    pub proximity_china: f64,
    pub proximity_turkey: f64,
    pub proximity_eu: f64,
}

/// The CSV header: [`TurnRow`]'s fields in order, then what holds for the
/// whole game, the same on every row so that a row copied out of the table
/// still says it: whether the save is verified, its status (as the class
/// report words it), the level of difficulty, how many objectives the
/// scenario sets and how many are met (so far, in a game in progress).
pub const CSV_HEADER: [&str; 15] = [
    "turn",
    "date",
    "autonomy",
    "leverage",
    "stability",
    "capital",
    "proximity_russia",
    "proximity_china",
    "proximity_turkey",
    "proximity_eu",
    "verified",
    "status",
    "difficulty",
    "objectives",
    "objectives_met",
];

/// One thing the player decided, in words.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DecisionLine {
    /// The turn it belongs to, counted from 1: the turn an action was
    /// taken in, or the turn whose ending drew what was answered.
    pub turn: u32,
    /// `action`, `planned` (an action of a turn not yet ended), `event` (an
    /// answer to an event), `back_down` or `hold` (on a crisis ladder).
    pub kind: &'static str,
    pub text: String,
}

/// A large swing of one score in one turn, and what caused it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Swing {
    /// Counted from 1.
    pub turn: u32,
    pub date: String,
    /// `autonomy`, `leverage` or `stability`.
    pub score: String,
    pub before: f64,
    pub after: f64,
    pub causes: Vec<String>,
}

/// The report of one save. Serialised as is for `--format json`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Report {
    /// The save as the user named it.
    pub save: String,
    pub scenario: Named,
    /// Whether the save's scenario is the built-in one of its id.
    pub scenario_origin: Origin,
    /// The content hash of the save's scenario: which file it was.
    pub scenario_hash: String,
    pub country: Named,
    pub seed: u64,
    /// The level of difficulty played at.
    pub difficulty: Named,
    pub turns: Turns,
    /// The current quarter.
    pub date: String,
    /// `None` while the game is in progress.
    pub outcome: Option<Outcome>,
    pub autonomy: f64,
    pub leverage: f64,
    pub stability: f64,
    /// The final score once the game is over; before, the score the game
    /// would have if it ended now, without an ending's bonus.
    pub score: f64,
    pub verified: bool,
    /// What the class report would say of the save: `verified`, `edited`,
    /// `custom scenario (not the built-in one)`, `custom scenario`,
    /// `another version, not verified` (`not checked` before a replay).
    pub status: String,
    pub first_difference: Option<u32>,
    pub reason: Option<String>,
    /// The version of the game that wrote the save.
    pub written_by: String,
    /// For a save of another version whose decisions no longer replay:
    /// the line that says so (Markdown only).
    #[serde(skip)]
    pub another_version: Option<String>,
    /// The scenario's objectives, checked at the end (so far, in a game in
    /// progress).
    pub objectives: Vec<ObjectiveLine>,
    /// How many of them are met.
    pub objectives_met: usize,
    /// The opening position (turn 0).
    pub start: Option<TurnRow>,
    /// One row per turn played.
    pub history: Vec<TurnRow>,
    pub decisions: Vec<DecisionLine>,
    pub turning_points: Vec<Swing>,
    /// The scenario's discussion questions (Markdown only).
    #[serde(skip)]
    pub questions: Vec<String>,
}

impl Report {
    /// The report of `game` (as saved), named `save` as the user gave it,
    /// with what its replay found.
    pub fn new(book: &Book, game: &Game, save: &str, check: Verification) -> Report {
        let s = game.state();
        let outcome = s.outcome();
        let country = book.country(s.country());
        let history = s.history();
        let origin = Origin::of(book, &game.scenario);
        let status = check.verdict.map_or_else(
            || "not checked".to_string(),
            |v| Status::of(v, origin).words(),
        );
        let objectives = objectives::objectives(book, game);
        Report {
            save: save.to_string(),
            scenario: Named {
                id: game.scenario.id.clone(),
                name: game.scenario.name.clone(),
            },
            scenario_origin: origin,
            scenario_hash: scenario_hash(&game.scenario).unwrap_or_default(),
            country: Named {
                id: country.id.clone(),
                name: country.name.clone(),
            },
            seed: game.seed,
            difficulty: Named {
                id: game.difficulty.clone(),
                name: book
                    .model
                    .level(&game.difficulty)
                    .map_or_else(|| game.difficulty.clone(), |l| l.name.clone()),
            },
            turns: Turns {
                played: s.turn(),
                total: s.turns(),
            },
            date: s.date_label(),
            outcome: outcome.map(|o| {
                let ending = book.ending(o.ending);
                Outcome {
                    id: ending.id.clone(),
                    title: ending.title.clone(),
                    text: ending.text.clone(),
                }
            }),
            autonomy: s.autonomy(),
            leverage: s.leverage(),
            stability: s.stability(),
            score: outcome.map_or_else(
                || final_score(&book.model, s.autonomy(), s.leverage(), s.stability(), 0.0),
                |o| o.score,
            ),
            verified: check.verified,
            status,
            first_difference: check.first_difference,
            reason: check.reason,
            written_by: check.written_by,
            another_version: check.another_version,
            objectives_met: objectives::met(&objectives),
            objectives,
            start: history.first().map(|snap| row(s, snap)),
            history: history.iter().skip(1).map(|snap| row(s, snap)).collect(),
            decisions: decisions(book, game),
            turning_points: turning_points(s, book, TURNING_POINTS)
                .into_iter()
                .map(|tp| Swing {
                    turn: tp.turn + 1,
                    date: date_of(s, tp.turn),
                    score: tp.score.to_lowercase(),
                    before: tp.before,
                    after: tp.after,
                    causes: tp.causes,
                })
                .collect(),
            questions: game.scenario.questions.clone(),
        }
    }

    /// The report as a Markdown document.
    pub fn markdown(&self) -> String {
        markdown::render(self)
    }

    /// The per-turn table as CSV: one header row ([`CSV_HEADER`]), then one
    /// row per turn played, numbers to one decimal, and on every row
    /// `verified` (`true` or `false`), the status, the difficulty, and the
    /// objectives set and met. Text cells are made inert for spreadsheets.
    pub fn csv(&self) -> Result<String, csv::Error> {
        let mut w = csv::Writer::from_writer(Vec::new());
        w.write_record(CSV_HEADER)?;
        for r in &self.history {
            let mut record = vec![r.turn.to_string(), csv_cell(&r.date)];
            record.extend(r.numbers().iter().map(|x| format!("{x:.1}")));
            record.push(self.verified.to_string());
            record.push(csv_cell(&self.status));
            record.push(csv_cell(&self.difficulty.id));
            record.push(self.objectives.len().to_string());
            record.push(self.objectives_met.to_string());
            w.write_record(&record)?;
        }
        let bytes = w.into_inner().map_err(|e| e.into_error())?;
        Ok(String::from_utf8(bytes).expect("CSV of UTF-8 text is UTF-8"))
    }

    /// The whole report as one pretty-printed JSON object.
    pub fn json(&self) -> serde_json::Result<String> {
        let mut text = serde_json::to_string_pretty(self)?;
        text.push('\n');
        Ok(text)
    }
}

impl TurnRow {
    /// The numbers of the row, in the order of [`CSV_HEADER`] after `date`.
    pub fn numbers(&self) -> [f64; 8] {
        [
            self.autonomy,
            self.leverage,
            self.stability,
            self.capital,
            self.proximity_russia,
            self.proximity_china,
            self.proximity_turkey,
            self.proximity_eu,
        ]
    }
}

fn row(state: &State, snap: &Snapshot) -> TurnRow {
    let p = |power: Power| snap.proximity[power.index()];
    TurnRow {
        turn: snap.turn,
        // A snapshot is taken at the end of the quarter played: the
        // opening position is at the start of the first.
        date: date_of(state, snap.turn.saturating_sub(1)),
        autonomy: snap.autonomy,
        leverage: snap.leverage,
        stability: snap.stability,
        capital: snap.capital,
        proximity_russia: p(Power::Russia),
        proximity_china: p(Power::China),
        proximity_turkey: p(Power::Turkey),
        proximity_eu: p(Power::Eu),
    }
}
