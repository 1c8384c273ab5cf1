//! Class results: one row per save in a folder, for a teacher who handed
//! out one scenario and collected the saves. Each save is read and replayed
//! (in parallel), and its scenario compared with the built-in one of the
//! same id, so that the row says whether it can be trusted. A save that
//! cannot be read gets a row with the reason; the others still come out. A
//! save written by another version of the game, whose decisions no longer
//! replay with this one, is said to be so: not verified, and not called
//! edited.
//!
//! Every text in a row came from a file (a file name, a save's scenario):
//! each is cleaned with [`text::clean`](crate::text::clean) when the row is
//! built, so no format can carry it raw.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use rayon::prelude::*;
use serde::{Serialize, Serializer};

use crate::rules::Book;
use crate::save::{self, SaveError, Verdict};
use crate::text::clean;

use super::objectives::{self, ObjectiveLine};
use super::{Named, Outcome, Turns};

pub use crate::save::Origin;

/// What a row says of its save, in one word or phrase.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Status {
    /// The decisions replay to the saved game, on the built-in scenario.
    Verified,
    /// The saved game does not follow from its decisions, or its scenario
    /// was changed inside the save.
    Edited,
    /// The decisions replay, but on a scenario that is not the built-in one.
    Custom(Origin),
    /// Written by another version of the game (or with other content), and
    /// its decisions no longer replay with this one.
    AnotherVersion,
    /// Not a save this version can read or play again.
    Unreadable(String),
}

impl Status {
    /// The status of a save that replay judged so, on a scenario of that
    /// origin.
    pub fn of(verdict: Verdict, origin: Origin) -> Status {
        match (verdict, origin) {
            (Verdict::Verified, Origin::BuiltIn) => Status::Verified,
            (Verdict::Verified, origin) => Status::Custom(origin),
            (Verdict::Edited, _) => Status::Edited,
            (Verdict::AnotherVersion, _) => Status::AnotherVersion,
        }
    }

    pub fn words(&self) -> String {
        match self {
            Status::Verified => "verified".into(),
            Status::Edited => "edited".into(),
            Status::Custom(origin) => origin.words().into(),
            Status::AnotherVersion => Verdict::AnotherVersion.words().into(),
            Status::Unreadable(reason) => format!("unreadable: {reason}"),
        }
    }
}

impl Serialize for Status {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.words())
    }
}

/// How many objectives the scenario sets, and how many were met (so far,
/// in a game in progress), each with its verdict. For a save that is not
/// verified they are not checked (`met` is `None` and the list empty): its
/// numbers are what it claims, not what was played.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Objectives {
    pub count: usize,
    pub met: Option<usize>,
    pub each: Vec<ObjectiveLine>,
}

/// One save of the class. Every field but `student`, `file` and `status`
/// is `None` for a save that cannot be read.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ClassRow {
    /// The file name without `.ron`.
    pub student: String,
    /// The file name.
    pub file: String,
    pub status: Status,
    /// Whether the decisions reproduce the saved game (as `replay` finds).
    pub verified: Option<bool>,
    /// Why a save is unreadable or does not replay, when known.
    pub reason: Option<String>,
    /// The first turn that differs from the replay.
    pub first_difference: Option<u32>,
    pub scenario: Option<Named>,
    pub scenario_origin: Option<Origin>,
    /// The content hash of the save's scenario: which file it was.
    pub scenario_hash: Option<String>,
    pub country: Option<Named>,
    pub seed: Option<u64>,
    /// The level of difficulty played at (its id).
    pub difficulty: Option<String>,
    /// The version of the game that wrote the save.
    pub written_by: Option<String>,
    pub turns: Option<Turns>,
    /// `None` while the game is in progress (and for an unreadable save).
    pub outcome: Option<Outcome>,
    /// The final score, or the score so far of a game in progress.
    pub score: Option<f64>,
    pub autonomy: Option<f64>,
    pub leverage: Option<f64>,
    pub stability: Option<f64>,
    pub objectives: Option<Objectives>,
}

/// The class in numbers.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ClassSummary {
    pub saves: usize,
    /// Rows by status.
    pub verified: usize,
    pub edited: usize,
    pub custom_scenario: usize,
    pub another_version: usize,
    pub unreadable: usize,
    /// Readable saves by outcome id; `in_progress` for unfinished games.
    pub outcomes: BTreeMap<String, usize>,
    /// The mean score of the readable saves.
    pub mean_score: Option<f64>,
    /// The mean score of the verified saves.
    pub mean_score_verified: Option<f64>,
}

/// The outcome key of a game in progress, in [`ClassSummary::outcomes`].
pub const IN_PROGRESS: &str = "in_progress";

/// The report of a folder of saves. Serialised as is for `--format json`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ClassReport {
    /// The folder as the user named it.
    pub folder: String,
    pub rows: Vec<ClassRow>,
    pub summary: ClassSummary,
}

/// Why a folder cannot be reported on (bad input, exit 2).
#[derive(Debug, thiserror::Error)]
pub enum FolderError {
    #[error("{0}: no such folder")]
    Missing(String),
    #[error("{0}: not a folder (give the folder that holds the saves)")]
    NotAFolder(String),
    #[error("{0}: the folder cannot be read: {1}")]
    Unreadable(String, std::io::Error),
}

impl ClassReport {
    /// Reads and replays every save (`*.ron`, not `*.bak.ron`) in `dir`,
    /// sorted by file name.
    pub fn from_dir(book: &Book, dir: &Path) -> Result<ClassReport, FolderError> {
        let shown = clean(&dir.display().to_string()).into_owned();
        let entries = match std::fs::read_dir(dir) {
            Ok(entries) => entries,
            Err(_) if !dir.exists() => return Err(FolderError::Missing(shown)),
            Err(_) if !dir.is_dir() => return Err(FolderError::NotAFolder(shown)),
            Err(e) => return Err(FolderError::Unreadable(shown, e)),
        };
        let mut saves: Vec<(String, PathBuf)> = entries
            .filter_map(Result::ok)
            .map(|e| (e.file_name().to_string_lossy().into_owned(), e.path()))
            .filter(|(name, _)| name.ends_with(".ron") && !name.ends_with(".bak.ron"))
            .collect();
        saves.sort();
        let rows: Vec<ClassRow> = saves
            .par_iter()
            .map(|(name, path)| row(book, name, path))
            .collect();
        let summary = summary(&rows);
        Ok(ClassReport {
            folder: shown,
            rows,
            summary,
        })
    }

    /// The report as a Markdown document: the rows, the summary, and what
    /// the columns say.
    pub fn markdown(&self) -> String {
        super::class_text::markdown(self)
    }

    /// The rows as CSV: one header row ([`CLASS_CSV_HEADER`]), one row per
    /// save, numbers to one decimal, no summary (a spreadsheet sums).
    ///
    /// [`CLASS_CSV_HEADER`]: super::CLASS_CSV_HEADER
    pub fn csv(&self) -> Result<String, csv::Error> {
        super::class_text::csv(self)
    }

    /// The whole report as one pretty-printed JSON object.
    pub fn json(&self) -> serde_json::Result<String> {
        let mut text = serde_json::to_string_pretty(self)?;
        text.push('\n');
        Ok(text)
    }
}

/// The row of the save `name` at `path`.
fn row(book: &Book, name: &str, path: &Path) -> ClassRow {
    let file = clean(name).into_owned();
    let student = file.strip_suffix(".ron").unwrap_or(&file).to_string();
    let blank = |status: Status, reason: String| ClassRow {
        student: student.clone(),
        file: file.clone(),
        status,
        verified: None,
        reason: Some(reason),
        first_difference: None,
        scenario: None,
        scenario_origin: None,
        scenario_hash: None,
        country: None,
        seed: None,
        difficulty: None,
        written_by: None,
        turns: None,
        outcome: None,
        score: None,
        autonomy: None,
        leverage: None,
        stability: None,
        objectives: None,
    };
    let checked = save::read(book, path).map(|loaded| {
        let replay = save::report_of(book, path, &loaded);
        (loaded.game, replay)
    });
    let (game, replay) = match checked {
        Ok(x) => x,
        // The scenario inside the save no longer matches its own hash.
        Err(e @ SaveError::ScenarioChanged { .. }) => {
            let reason = reason(&e, path);
            return ClassRow {
                verified: Some(false),
                ..blank(Status::Edited, reason)
            };
        }
        Err(e) => {
            let reason = reason(&e, path);
            return blank(Status::Unreadable(reason.clone()), reason);
        }
    };
    let origin = replay.scenario_origin;
    let status = Status::of(replay.verdict, origin);
    let checked = replay.verdict == Verdict::Verified;
    let each = if checked {
        objectives::objectives(book, &game)
    } else {
        Vec::new()
    };
    let s = game.state();
    let def = book.country(s.country());
    let country = clean(&def.id).into_owned();
    ClassRow {
        student,
        file,
        status,
        verified: Some(checked),
        reason: match replay.verdict {
            Verdict::AnotherVersion => Some(replay.versions()),
            _ => replay.reason.clone(),
        },
        first_difference: replay.first_difference,
        scenario: Some(Named {
            id: clean(&game.scenario.id).into_owned(),
            name: clean(&game.scenario.name).into_owned(),
        }),
        scenario_origin: Some(origin),
        scenario_hash: Some(replay.scenario_hash.clone()),
        country: Some(Named {
            name: clean(&def.name).into_owned(),
            id: country,
        }),
        seed: Some(game.seed),
        difficulty: Some(replay.difficulty.clone()),
        written_by: Some(replay.written_by.clone()),
        turns: Some(Turns {
            played: s.turn(),
            total: s.turns(),
        }),
        outcome: replay.outcome.map(|id| Outcome {
            title: clean(replay.outcome_name.as_deref().unwrap_or(&id)).into_owned(),
            id: clean(&id).into_owned(),
            text: String::new(),
        }),
        score: Some(replay.score),
        autonomy: Some(replay.autonomy),
        leverage: Some(replay.leverage),
        stability: Some(replay.stability),
        objectives: Some(Objectives {
            count: game.scenario.objectives.len(),
            met: checked.then(|| objectives::met(&each)),
            each,
        }),
    }
}

/// An error's message without the save's path, which the row names already
/// (`PATH: message`, or `PATH:LINE:COLUMN: message`).
fn reason(e: &SaveError, path: &Path) -> String {
    let msg = e.to_string();
    let rest = msg
        .strip_prefix(&path.display().to_string())
        .unwrap_or(&msg);
    let plain = if let Some(rest) = rest.strip_prefix(": ") {
        rest.to_string()
    } else if let Some(rest) = rest.strip_prefix(':') {
        let mut parts = rest.splitn(3, ':');
        match (parts.next(), parts.next(), parts.next()) {
            (Some(line), Some(column), Some(tail)) if is_number(line) && is_number(column) => {
                format!("line {line}, column {column}:{tail}")
            }
            _ => rest.to_string(),
        }
    } else {
        rest.to_string()
    };
    clean(&plain).into_owned()
}

fn is_number(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit())
}

fn summary(rows: &[ClassRow]) -> ClassSummary {
    let count = |f: fn(&Status) -> bool| rows.iter().filter(|r| f(&r.status)).count();
    let mut outcomes = BTreeMap::new();
    for r in rows.iter().filter(|r| r.score.is_some()) {
        let id = r.outcome.as_ref().map_or(IN_PROGRESS, |o| o.id.as_str());
        *outcomes.entry(id.to_string()).or_insert(0) += 1;
    }
    let mean = |keep: fn(&ClassRow) -> bool| {
        let scores: Vec<f64> = rows
            .iter()
            .filter(|r| keep(r))
            .filter_map(|r| r.score)
            .collect();
        (!scores.is_empty()).then(|| scores.iter().sum::<f64>() / scores.len() as f64)
    };
    ClassSummary {
        saves: rows.len(),
        verified: count(|s| *s == Status::Verified),
        edited: count(|s| *s == Status::Edited),
        custom_scenario: count(|s| matches!(s, Status::Custom(_))),
        another_version: count(|s| *s == Status::AnotherVersion),
        unreadable: count(|s| matches!(s, Status::Unreadable(_))),
        outcomes,
        mean_score: mean(|_| true),
        mean_score_verified: mean(|r| r.status == Status::Verified),
    }
}
