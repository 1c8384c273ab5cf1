//! Debriefs and class reports: what a game came to, read from its state
//! without a terminal.
//!
//! [`Report`] is what `multivector report` writes for one save: who played
//! what, the scores turn by turn, the decisions in words, the turning
//! points, and whether the save is honest (its decisions replay to its
//! state). It is built from the save alone and is the same, byte for byte,
//! every time it is built from the same save: no clock, no paths but the
//! name the user gave.

pub mod class;
mod class_text;
pub mod debrief;
mod markdown;

use serde::Serialize;

use crate::rules::scoring::final_score;
use crate::rules::{ActionId, Book, Cause, Command, Decision, Game, Power, Snapshot, State};
use crate::text::csv_cell;

use debrief::{cause_label, date_of, turning_points};

pub use class::{ClassReport, FolderError};
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

/// The CSV header: [`TurnRow`]'s fields in order, then whether the save
/// is verified (the same on every row, so that a row copied out of the
/// table still says it).
pub const CSV_HEADER: [&str; 11] = [
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
    pub country: Named,
    pub seed: u64,
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
    pub first_difference: Option<u32>,
    pub reason: Option<String>,
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
        Report {
            save: save.to_string(),
            scenario: Named {
                id: game.scenario.id.clone(),
                name: game.scenario.name.clone(),
            },
            country: Named {
                id: country.id.clone(),
                name: country.name.clone(),
            },
            seed: game.seed,
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
            first_difference: check.first_difference,
            reason: check.reason,
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
    /// row per turn played, numbers to one decimal, and `verified` (`true`
    /// or `false`) on every row. Text cells are made inert for spreadsheets.
    pub fn csv(&self) -> Result<String, csv::Error> {
        let mut w = csv::Writer::from_writer(Vec::new());
        w.write_record(CSV_HEADER)?;
        for r in &self.history {
            let mut record = vec![r.turn.to_string(), csv_cell(&r.date)];
            record.extend(r.numbers().iter().map(|x| format!("{x:.1}")));
            record.push(self.verified.to_string());
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

/// The player's decisions in words, read from the recorded commands. The
/// actions of a turn are those still planned when it ended (an action taken
/// back never happened). What an answer answered is found by playing the
/// decisions again from the start.
fn decisions(book: &Book, game: &Game) -> Vec<DecisionLine> {
    let start = game.start();
    let mut again = Game::at(
        book,
        start.scenario,
        start.country,
        start.seed,
        start.difficulty,
    )
    .ok();
    let mut planned: Vec<(u32, ActionId)> = Vec::new();
    let mut lines = Vec::new();
    let action = |turn, kind, id: ActionId| DecisionLine {
        turn,
        kind,
        text: cause_label(book, &Cause::Action(id)),
    };
    for d in game.decisions() {
        match d.command {
            Command::Plan(id) => planned.push((d.turn.saturating_add(1), id)),
            Command::Unplan(id) => planned.retain(|(_, p)| *p != id),
            Command::Undo => {
                planned.pop();
            }
            Command::EndTurn => {
                lines.extend(
                    planned
                        .drain(..)
                        .map(|(turn, id)| action(turn, "action", id)),
                );
            }
            Command::Choose(i) => {
                let pending = again
                    .as_ref()
                    .and_then(|g| g.state().pending().first().copied());
                lines.push(answer(book, d.turn.max(1), pending.as_ref(), i));
            }
        }
        if let Some(g) = again.as_mut() {
            if g.apply(book, d.command).is_err() {
                again = None;
            }
        }
    }
    lines.extend(planned.into_iter().map(|(turn, id)| {
        let mut line = action(turn, "planned", id);
        line.text.push_str(" (planned; the turn has not ended)");
        line
    }));
    lines
}

fn answer(book: &Book, turn: u32, pending: Option<&Decision>, i: usize) -> DecisionLine {
    let (kind, text) = match pending {
        Some(Decision::Event(id)) => {
            let i = u8::try_from(i).unwrap_or(u8::MAX);
            ("event", cause_label(book, &Cause::Choice(*id, i)))
        }
        Some(Decision::Offer(id)) => {
            let i = u8::try_from(i).unwrap_or(u8::MAX);
            ("offer", cause_label(book, &Cause::Answer(*id, i)))
        }
        Some(Decision::Ladder(p, step)) => {
            let (kind, cause) = if i == 0 {
                ("back_down", Cause::BackDown(*p))
            } else {
                ("hold", Cause::Hold(*p))
            };
            let label = cause_label(book, &cause);
            (kind, format!("{label} (at the {} step)", step.name()))
        }
        None => (
            "event",
            format!(
                "Choice {} of a decision that replaying the save does not reach",
                i + 1
            ),
        ),
    };
    DecisionLine { turn, kind, text }
}
