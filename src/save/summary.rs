//! What the load screen shows of a save, read without building the game:
//! only the state's country, date, turn and scores are deserialised; the
//! scenario, the decisions and the rest of the state (its log above all)
//! are skipped over, not built.

use std::path::Path;

use serde::Deserialize;
use serde::de::IgnoredAny;

use super::{MAX_SAVE_BYTES, SaveInfo, VERSION, store};

/// The part of a save the list needs. Every other field is skipped.
#[derive(Deserialize)]
struct Head {
    version: u32,
    state: StateHead,
}

/// The part of a saved state the list needs.
#[derive(Deserialize)]
struct StateHead {
    country: String,
    turn: u32,
    turns: u32,
    start_year: u32,
    start_quarter: u32,
    stability: f64,
    autonomy: f64,
    leverage: f64,
    #[serde(default)]
    outcome: Option<IgnoredAny>,
}

/// Fills `info` from the save at `path`. A save of another version, or one
/// this quick reading cannot make sense of, is read in full instead, so
/// that the list says exactly what loading it would say.
pub(super) fn fill(info: &mut SaveInfo, path: &Path) {
    match quick(path) {
        Some(head) => {
            let s = head.state;
            info.country = s.country;
            info.date_label = date_label(s.start_year, s.start_quarter, s.turn);
            info.turn = s.turn.saturating_add(1).min(s.turns);
            info.turns = s.turns;
            info.ended = s.outcome.is_some();
            info.autonomy = s.autonomy;
            info.leverage = s.leverage;
            info.stability = s.stability;
        }
        None => match store::read(path) {
            Ok(game) => {
                let s = game.state();
                info.country = s.country().to_string();
                info.date_label = s.date_label();
                info.turn = (s.turn() + 1).min(s.turns());
                info.turns = s.turns();
                info.ended = s.outcome().is_some();
                info.autonomy = s.autonomy();
                info.leverage = s.leverage();
                info.stability = s.stability();
            }
            Err(e) => info.error = Some(e.to_string()),
        },
    }
}

fn quick(path: &Path) -> Option<Head> {
    let text = crate::files::read_text(path, MAX_SAVE_BYTES).ok()?;
    let head: Head = ron::Options::default().from_str(&text).ok()?;
    (head.version == VERSION && (1..=4).contains(&head.state.start_quarter)).then_some(head)
}

/// "2027 Q3": the quarter `turn` turns after the start.
// TODO(rules): the same computation as `State::date`; a
// `rules::date_label(start_year, start_quarter, turn) -> String` would let
// both use one.
fn date_label(start_year: u32, start_quarter: u32, turn: u32) -> String {
    let q = u64::from(start_quarter - 1) + u64::from(turn);
    format!("{} Q{}", u64::from(start_year) + q / 4, q % 4 + 1)
}

#[cfg(test)]
mod tests {
    use super::date_label;

    #[test]
    fn dates_count_quarters_from_the_start() {
        assert_eq!(date_label(2026, 1, 0), "2026 Q1");
        assert_eq!(date_label(2026, 1, 7), "2027 Q4");
        assert_eq!(date_label(2026, 3, 2), "2027 Q1");
    }
}
