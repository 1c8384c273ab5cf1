//! The save format: what a save file holds, and how a game becomes RON text
//! and back.
//!
//! A save is one RON struct, pretty-printed so that a student can open it:
//!
//! ```text
//! (
//!     version: 1,
//!     scenario_id: "standard",
//!     scenario_hash: "fnv1a64:89c1e3f0a2b4d6e8",
//!     scenario: ( ...the whole scenario... ),
//!     country: Some("kazakhstan"),
//!     seed: 7,
//!     decisions: [ (turn: 0, command: Plan("visit_ankara")), ... ],
//!     state: ( ...the current state, its generator included... ),
//! )
//! ```
//!
//! The scenario, the country, the seed and the decisions are enough to play
//! the game again; the state is what the player saw, and `replay` checks
//! the one against the other.

use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::rules::defs::ScenarioDef;
use crate::rules::{Game, Recorded, State};

use super::migrate::{self, Document};
use super::{SaveError, VERSION};

/// A save as written: borrowed from the game.
#[derive(Serialize)]
struct SaveRef<'a> {
    version: u32,
    scenario_id: &'a str,
    scenario_hash: String,
    scenario: &'a ScenarioDef,
    country: &'a Option<String>,
    seed: u64,
    decisions: &'a [Recorded],
    state: &'a State,
}

/// A save as read. The fields are those of [`SaveRef`], in the same order.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SaveFile {
    version: u32,
    scenario_id: String,
    scenario_hash: String,
    scenario: ScenarioDef,
    country: Option<String>,
    seed: u64,
    decisions: Vec<Recorded>,
    state: State,
}

/// The content hash of a scenario: FNV-1a (64 bits) of its compact RON.
pub fn scenario_hash(scenario: &ScenarioDef) -> Result<String, SaveError> {
    let canonical = ron::to_string(scenario).map_err(|e| SaveError::Encode(e.to_string()))?;
    Ok(format!("fnv1a64:{:016x}", fnv1a64(canonical.as_bytes())))
}

fn fnv1a64(bytes: &[u8]) -> u64 {
    const OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
    const PRIME: u64 = 0x0000_0100_0000_01b3;
    bytes
        .iter()
        .fold(OFFSET, |h, &b| (h ^ u64::from(b)).wrapping_mul(PRIME))
}

fn pretty() -> ron::ser::PrettyConfig {
    ron::ser::PrettyConfig::new()
        .indentor("    ")
        .new_line("\n")
        .struct_names(false)
}

/// The text of a save of this game.
pub fn to_text(game: &Game) -> Result<String, SaveError> {
    let save = SaveRef {
        version: VERSION,
        scenario_id: &game.scenario.id,
        scenario_hash: scenario_hash(&game.scenario)?,
        scenario: &game.scenario,
        country: &game.country,
        seed: game.seed,
        decisions: game.decisions(),
        state: game.state(),
    };
    let mut text = ron::Options::default()
        .to_string_pretty(&save, pretty())
        .map_err(|e| SaveError::Encode(e.to_string()))?;
    text.push('\n');
    Ok(text)
}

/// Reads the text of a save (already checked to be non-empty UTF-8 text);
/// `path` only names the file in messages.
pub fn from_text(path: &Path, text: &str) -> Result<Game, SaveError> {
    let mut doc = Document::parse(text).map_err(|e| SaveError::Corrupt {
        path: path.to_path_buf(),
        line: e.span.start.line,
        column: e.span.start.col,
        message: crate::content::ron_message(&e.code),
    })?;
    let found = doc.version().map_err(|reason| SaveError::NotASave {
        path: path.to_path_buf(),
        reason,
    })?;
    if found > VERSION {
        return Err(SaveError::Newer {
            path: path.to_path_buf(),
            found,
        });
    }
    if found == 0 {
        return Err(SaveError::UnknownVersion {
            path: path.to_path_buf(),
            found,
        });
    }
    // A current save is read from its own text, so that positions in
    // messages are those of the file; an older one from its migrated text.
    let migrated;
    let typed_text = if found < VERSION {
        migrate::apply_steps(&mut doc, found, &migrate::STEPS).map_err(|(from, message)| {
            SaveError::Migration {
                path: path.to_path_buf(),
                from,
                to: from + 1,
                message,
            }
        })?;
        migrated = doc.to_text();
        migrated.as_str()
    } else {
        text
    };
    let save: SaveFile =
        ron::Options::default()
            .from_str(typed_text)
            .map_err(|e| SaveError::Invalid {
                path: path.to_path_buf(),
                line: e.span.start.line,
                column: e.span.start.col,
                message: crate::content::ron_message(&e.code),
            })?;
    debug_assert_eq!(save.version, VERSION);
    let hash = scenario_hash(&save.scenario)?;
    if hash != save.scenario_hash || save.scenario_id != save.scenario.id {
        return Err(SaveError::ScenarioChanged {
            path: path.to_path_buf(),
            recorded: format!("{} {}", save.scenario_id, save.scenario_hash),
            found: format!("{} {hash}", save.scenario.id),
        });
    }
    Ok(Game::from_parts(
        save.scenario,
        save.country,
        save.seed,
        save.decisions,
        save.state,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fnv1a64_matches_the_reference_values() {
        assert_eq!(fnv1a64(b""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(fnv1a64(b"a"), 0xaf63_dc4c_8601_ec8c);
        assert_eq!(fnv1a64(b"foobar"), 0x8594_4171_f739_67e8);
    }
}
