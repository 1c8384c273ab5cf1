//! What the load screen shows of a save, read without building the game:
//! only the shown state's country, date, turn and scores are deserialised;
//! the scenario, the decisions and the rest are skipped over, not built,
//! and nothing is replayed.

use std::path::Path;

use serde::Deserialize;
use serde::de::IgnoredAny;

use super::{MAX_SAVE_BYTES, SaveInfo, VERSION, format, store};

/// The part of a save the list needs. Every other field is skipped.
#[derive(Deserialize)]
struct Head {
    version: u32,
    state: Option<StateHead>,
}

/// The part of a saved state the list needs.
#[derive(Deserialize)]
struct StateHead {
    country: String,
    turn: u32,
    turns: u32,
    date: String,
    stability: f64,
    autonomy: f64,
    leverage: f64,
    #[serde(default)]
    outcome: Option<IgnoredAny>,
}

/// Fills `info` from the save at `path`. A save of another version, or one
/// this quick reading cannot make sense of, is read in full (without
/// replaying it) instead, so that the list says what loading it would say.
pub(super) fn fill(info: &mut SaveInfo, path: &Path) {
    if let Some(s) = quick(path) {
        show(info, s);
        return;
    }
    match store::read_text(path).and_then(|text| format::parse(path, &text)) {
        Ok(file) => match file.state {
            Some(s) => {
                info.country = s.country;
                info.date_label = s.date;
                info.turn = s.turn.saturating_add(1).min(s.turns);
                info.turns = s.turns;
                info.ended = s.outcome.is_some();
                info.autonomy = s.autonomy;
                info.leverage = s.leverage;
                info.stability = s.stability;
            }
            // A save of an older format: its decisions are replayed when it
            // is loaded; the list can name only its state and length.
            None => {
                info.country = file.country.or(file.scenario.country).unwrap_or_default();
                info.date_label = "older save".into();
                info.turns = file.scenario.turns.unwrap_or(0);
            }
        },
        Err(e) => info.error = Some(e.to_string()),
    }
}

fn show(info: &mut SaveInfo, s: StateHead) {
    info.country = s.country;
    info.date_label = s.date;
    info.turn = s.turn.saturating_add(1).min(s.turns);
    info.turns = s.turns;
    info.ended = s.outcome.is_some();
    info.autonomy = s.autonomy;
    info.leverage = s.leverage;
    info.stability = s.stability;
}

fn quick(path: &Path) -> Option<StateHead> {
    let text = crate::files::read_text(path, MAX_SAVE_BYTES).ok()?;
    let head: Head = ron::Options::default().from_str(&text).ok()?;
    (head.version == VERSION).then_some(head.state).flatten()
}
