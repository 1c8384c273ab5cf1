//! `replay`: plays a saved game again from its scenario, seed and decisions
//! alone, and says whether that gives the state the save holds, and so
//! whether the save can be trusted: verified (on the built-in scenario of
//! its id, or on a custom one, named with its hash), edited, or written by
//! another version of the game whose decisions no longer replay.

use std::path::Path;

use serde::{Serialize, Serializer};

use crate::rules::defs::ScenarioDef;
use crate::rules::scoring::final_score;
use crate::rules::{Book, Raw};

use super::format::{GAME_VERSION, Loaded, SaveFile, scenario_hash};
use super::{SaveError, read};

mod text;

/// Whether a save's scenario is the built-in one it names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Origin {
    /// The built-in scenario of that id, unchanged.
    BuiltIn,
    /// A scenario with a built-in id whose content differs from it.
    Changed,
    /// A scenario whose id is not a built-in one (a teacher's own).
    Unknown,
}

impl Origin {
    /// Compares a save's scenario with the built-in one of the same id.
    pub fn of(book: &Book, scenario: &ScenarioDef<Raw>) -> Origin {
        match book.scenario(&scenario.id) {
            Some(b) if b == scenario => Origin::BuiltIn,
            Some(_) => Origin::Changed,
            None => Origin::Unknown,
        }
    }

    pub fn words(self) -> &'static str {
        match self {
            Origin::BuiltIn => "built-in",
            Origin::Changed => "custom scenario (not the built-in one)",
            Origin::Unknown => "custom scenario",
        }
    }
}

impl Serialize for Origin {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.words())
    }
}

/// What replaying a save says of it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    /// The decisions reproduce the saved game.
    Verified,
    /// Written by this version with this content, and the decisions do not
    /// give the game the save shows: it was changed by hand.
    Edited,
    /// Written by another version of the game (or with other content), and
    /// its decisions no longer replay with this one: not verified, and not
    /// called edited either.
    AnotherVersion,
}

impl Verdict {
    /// The verdict on a save whose decisions do (`matches`) or do not
    /// reproduce it, read by `book`.
    pub fn of(book: &Book, file: &SaveFile, matches: bool) -> Verdict {
        if matches {
            Verdict::Verified
        } else if file.game != GAME_VERSION || file.fingerprint != book.fingerprint {
            Verdict::AnotherVersion
        } else {
            Verdict::Edited
        }
    }

    pub fn words(self) -> &'static str {
        match self {
            Verdict::Verified => "verified",
            Verdict::Edited => "edited",
            Verdict::AnotherVersion => "another version, not verified",
        }
    }
}

/// What `multivector replay` found.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ReplayReport {
    pub path: String,
    pub scenario: String,
    /// The scenario's name, as the save carries it.
    pub scenario_name: String,
    /// Whether the save's scenario is the built-in one of its id.
    pub scenario_origin: Origin,
    /// The content hash of the save's scenario: which file it was.
    pub scenario_hash: String,
    pub country: String,
    pub seed: u64,
    /// The level of difficulty played at.
    pub difficulty: String,
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
    /// Verified, edited, or another version's.
    pub verdict: Verdict,
    /// The first turn at which the replayed game differs from the save.
    pub first_difference: Option<u32>,
    /// When a recorded decision is refused on replay, which and why.
    pub reason: Option<String>,
    /// The version of the game that wrote the save.
    pub written_by: String,
    /// The fingerprint of the content and model the save was played with.
    pub fingerprint: String,
    /// This version of the game, and the fingerprint of its content.
    pub this_version: String,
    pub this_fingerprint: String,
}

/// Reads the save at `path` and replays it. A save that does not match its
/// decisions is not an error: the report says so (`matches: false`, and
/// the verdict). The error is for a file that is not a readable save, or a
/// game that cannot start again with this content.
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
    let matches = loaded.refused.is_none() && loaded.first_difference.is_none();
    let clean = |s: &str| crate::text::clean(s).into_owned();
    let scenario = &loaded.game.scenario;
    ReplayReport {
        path: clean(&path.display().to_string()),
        scenario: clean(&scenario.id),
        scenario_name: clean(&scenario.name),
        scenario_origin: Origin::of(book, scenario),
        scenario_hash: scenario_hash(scenario)
            .unwrap_or_else(|_| clean(&loaded.file.scenario_hash)),
        country: claimed.map_or_else(
            || book.country(s.country()).id.clone(),
            |c| crate::text::clean(&c.country).into_owned(),
        ),
        seed: loaded.game.seed,
        difficulty: clean(&loaded.game.difficulty),
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
        matches,
        verdict: Verdict::of(book, &loaded.file, matches),
        first_difference: loaded.first_difference,
        reason: loaded.refused.as_ref().map(|(turn, reason)| {
            format!(
                "turn {}: a recorded decision is refused: {reason}",
                turn.saturating_add(1)
            )
        }),
        written_by: clean(&loaded.file.game),
        fingerprint: clean(&loaded.file.fingerprint),
        this_version: GAME_VERSION.to_string(),
        this_fingerprint: book.fingerprint.clone(),
    }
}
