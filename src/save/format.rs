//! The save format: what a save file holds, and how a game becomes RON text
//! and back.
//!
//! A save is one RON struct, pretty-printed so that a student can open it:
//!
//! ```text
//! (
//!     version: 2,
//!     game: "0.2.0",
//!     fingerprint: "fnv1a64:…",        // the content and model played with
//!     scenario_id: "standard",
//!     scenario_hash: "fnv1a64:89c1e3f0a2b4d6e8",
//!     scenario: ( ...the whole scenario... ),
//!     country: Some("kazakhstan"),
//!     seed: 7,
//!     difficulty: "normal",
//!     decisions: [ (turn: 0, command: Plan("visit_ankara")), ... ],
//!     state: Some(( ...what the player saw, by name... )),
//! )
//! ```
//!
//! The decisions are the game: the scenario, the country, the seed and the
//! decisions rebuild it, and a loaded game is always rebuilt so. The state
//! is what the player saw, for reading; it is compared with the rebuilt
//! game, never trusted. The log is not stored: it is rebuilt too.

use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::rules::defs::ScenarioDef;
use crate::rules::{Book, Command, Game, Raw, Recorded, Start};

use super::migrate::{self, Document};
use super::view::StateView;
use super::{SaveError, VERSION};

/// A decision as a save writes it: the command with ids by name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DecisionText {
    pub turn: u32,
    pub command: Command<Raw>,
}

/// A save as written and read. The fields are in the order of the file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SaveFile {
    pub version: u32,
    /// The version of the game that wrote the save.
    pub game: String,
    /// A fingerprint of the content and model the game was played with.
    pub fingerprint: String,
    pub scenario_id: String,
    pub scenario_hash: String,
    pub scenario: ScenarioDef<Raw>,
    pub country: Option<String>,
    pub seed: u64,
    /// The level of difficulty played at.
    pub difficulty: String,
    pub decisions: Vec<DecisionText>,
    /// What the player saw (`None` in a save brought from an older format).
    pub state: Option<StateView>,
}

/// The version of the game, as saves record it.
pub const GAME_VERSION: &str = env!("CARGO_PKG_VERSION");

/// The content hash of a scenario: FNV-1a (64 bits) of its compact RON.
pub fn scenario_hash(scenario: &ScenarioDef<Raw>) -> Result<String, SaveError> {
    let canonical = ron::to_string(scenario).map_err(|e| SaveError::Encode(e.to_string()))?;
    Ok(format!(
        "fnv1a64:{:016x}",
        crate::text::fnv1a64(canonical.as_bytes())
    ))
}

fn pretty() -> ron::ser::PrettyConfig {
    ron::ser::PrettyConfig::new()
        .indentor("    ")
        .new_line("\n")
        .struct_names(false)
}

/// A command with its ids by name.
fn named(book: &Book, c: Command) -> Command<Raw> {
    match c {
        Command::Plan(a) => Command::Plan(book.action(a).id.clone()),
        Command::Unplan(a) => Command::Unplan(book.action(a).id.clone()),
        Command::Undo => Command::Undo,
        Command::EndTurn => Command::EndTurn,
        Command::Choose(i) => Command::Choose(i),
    }
}

/// A command with its ids resolved, or why not.
fn resolved(book: &Book, c: &Command<Raw>) -> Result<Command, String> {
    let action = |name: &str| {
        book.action_id(name)
            .ok_or_else(|| format!("unknown action `{}`", crate::text::clean(name)))
    };
    Ok(match c {
        Command::Plan(a) => Command::Plan(action(a)?),
        Command::Unplan(a) => Command::Unplan(action(a)?),
        Command::Undo => Command::Undo,
        Command::EndTurn => Command::EndTurn,
        Command::Choose(i) => Command::Choose(*i),
    })
}

/// The save of a game, as a value.
pub fn save_of(book: &Book, game: &Game) -> Result<SaveFile, SaveError> {
    Ok(SaveFile {
        version: VERSION,
        game: GAME_VERSION.to_string(),
        fingerprint: book.fingerprint.clone(),
        scenario_id: game.scenario.id.clone(),
        scenario_hash: scenario_hash(&game.scenario)?,
        scenario: game.scenario.clone(),
        country: game.country.clone(),
        seed: game.seed,
        difficulty: game.difficulty.clone(),
        decisions: game
            .decisions()
            .iter()
            .map(|d| DecisionText {
                turn: d.turn,
                command: named(book, d.command),
            })
            .collect(),
        state: Some(StateView::of(book, game.state())),
    })
}

/// The text of a save of this game.
pub fn to_text(book: &Book, game: &Game) -> Result<String, SaveError> {
    let save = save_of(book, game)?;
    let mut text = ron::Options::default()
        .to_string_pretty(&save, pretty())
        .map_err(|e| SaveError::Encode(e.to_string()))?;
    text.push('\n');
    Ok(text)
}

/// Reads the text of a save (already checked to be non-empty UTF-8 text)
/// into its fields, migrating an older format; `path` only names the file
/// in messages. Nothing is replayed yet.
pub fn parse(path: &Path, text: &str) -> Result<SaveFile, SaveError> {
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
    let hash = scenario_hash(&save.scenario)?;
    if hash != save.scenario_hash || save.scenario_id != save.scenario.id {
        return Err(SaveError::ScenarioChanged {
            path: path.to_path_buf(),
            recorded: format!(
                "{} {}",
                crate::text::clean(&save.scenario_id),
                crate::text::clean(&save.scenario_hash)
            ),
            found: format!("{} {hash}", crate::text::clean(&save.scenario.id)),
        });
    }
    Ok(save)
}

/// What the decisions of a save make of it, and whether that is what it
/// claims.
#[derive(Debug, Clone, PartialEq)]
pub struct Loaded {
    /// The game as its decisions make it: all of them, or as far as they
    /// go with this content.
    pub game: Game,
    /// The save's fields as read.
    pub file: SaveFile,
    /// The first decision refused, if any, with the reason.
    pub refused: Option<(u32, String)>,
    /// Where the state the save shows first differs from the rebuilt one
    /// (`None` when it agrees, or when the save shows none).
    pub first_difference: Option<u32>,
}

impl Loaded {
    /// The decisions rebuild the state the save shows.
    pub fn verified(&self) -> bool {
        self.refused.is_none() && self.first_difference.is_none() && self.file.state.is_some()
    }
}

/// Rebuilds a read save's game from its decisions with this content. The
/// save's own scenario goes through the same checks as a scenario file.
pub fn rebuild(book: &Book, path: &Path, file: SaveFile) -> Result<Loaded, SaveError> {
    let mut decisions = Vec::with_capacity(file.decisions.len());
    let mut refused = None;
    for d in &file.decisions {
        match resolved(book, &d.command) {
            Ok(command) => decisions.push(Recorded {
                turn: d.turn,
                command,
            }),
            Err(reason) => {
                refused = Some((d.turn, reason));
                break;
            }
        }
    }
    let start = Start {
        scenario: file.scenario.clone(),
        country: file.country.as_deref(),
        seed: file.seed,
        difficulty: &file.difficulty,
    };
    let game = match Game::rebuild(book, start, &decisions) {
        Ok(game) => game,
        Err(e) => match *e {
            (Some(game), crate::rules::ReplayError::Refused { turn, reason }) => {
                refused = refused.or(Some((turn, reason)));
                game
            }
            (_, e) => {
                return Err(SaveError::Unplayable {
                    path: path.to_path_buf(),
                    reason: crate::text::clean(&e.to_string()).into_owned(),
                });
            }
        },
    };
    let first_difference = refused.as_ref().map(|r| r.0).or_else(|| {
        file.state
            .as_ref()
            .and_then(|claimed| StateView::of(book, game.state()).first_difference(claimed))
    });
    Ok(Loaded {
        game,
        file,
        refused,
        first_difference,
    })
}

/// Reads and rebuilds the text of a save.
pub fn from_text(book: &Book, path: &Path, text: &str) -> Result<Loaded, SaveError> {
    let file = parse(path, text)?;
    rebuild(book, path, file)
}
