//! `Game`: a state with the scenario it runs and every command that made it,
//! so that a game can be saved, replayed and checked.

use serde::{Deserialize, Serialize};

use super::book::Book;
use super::defs::ScenarioDef;
use super::state::State;
use super::turn::{Command, Illegal, StartError, apply, new_game};

/// One command the player gave, with the turn it was given on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Decision {
    pub turn: u32,
    pub command: Command,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Game {
    pub scenario: ScenarioDef,
    /// The country asked for at the start (the scenario's own when `None`).
    pub country: Option<String>,
    pub seed: u64,
    decisions: Vec<Decision>,
    state: State,
}

impl Game {
    pub fn new(
        book: &Book,
        scenario: ScenarioDef,
        country: Option<&str>,
        seed: u64,
    ) -> Result<Game, StartError> {
        let state = new_game(book, &scenario, country, seed)?;
        Ok(Game {
            scenario,
            country: country.map(str::to_string),
            seed,
            decisions: Vec::new(),
            state,
        })
    }

    /// Rebuilds a game from its parts (a loaded save), without checking them;
    /// `replay` checks.
    pub fn from_parts(
        scenario: ScenarioDef,
        country: Option<String>,
        seed: u64,
        decisions: Vec<Decision>,
        state: State,
    ) -> Game {
        Game {
            scenario,
            country,
            seed,
            decisions,
            state,
        }
    }

    pub fn state(&self) -> &State {
        &self.state
    }

    pub fn decisions(&self) -> &[Decision] {
        &self.decisions
    }

    /// Carries out a command and records it when it succeeds.
    pub fn apply(&mut self, book: &Book, command: Command) -> Result<(), Illegal> {
        let turn = self.state.turn();
        apply(&mut self.state, book, &command)?;
        self.decisions.push(Decision { turn, command });
        Ok(())
    }

    /// Plays the recorded decisions again from the start and returns the
    /// resulting game; on the first decision that is refused, or the first
    /// turn whose scores differ from `self`'s history, says which turn.
    pub fn replay(&self, book: &Book) -> Result<Game, ReplayError> {
        let mut fresh = Game::new(
            book,
            self.scenario.clone(),
            self.country.as_deref(),
            self.seed,
        )
        .map_err(|e| ReplayError::Start(e.to_string()))?;
        for d in &self.decisions {
            if fresh.state.turn() != d.turn {
                return Err(ReplayError::Differs {
                    turn: fresh.state.turn().min(d.turn),
                });
            }
            fresh
                .apply(book, d.command.clone())
                .map_err(|e| ReplayError::Refused {
                    turn: d.turn,
                    reason: e.to_string(),
                })?;
        }
        if let Some(turn) = first_difference(&fresh.state, &self.state) {
            return Err(ReplayError::Differs { turn });
        }
        Ok(fresh)
    }
}

/// The first turn at which two games' histories differ, or where their
/// states differ otherwise (the current turn).
pub fn first_difference(a: &State, b: &State) -> Option<u32> {
    let (ha, hb) = (a.history(), b.history());
    for (x, y) in ha.iter().zip(hb) {
        if x != y {
            return Some(x.turn.min(y.turn));
        }
    }
    if ha.len() != hb.len() {
        return Some(ha.len().min(hb.len()) as u32);
    }
    if a != b {
        return Some(a.turn().min(b.turn()));
    }
    None
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ReplayError {
    #[error("the game cannot start: {0}")]
    Start(String),
    #[error("turn {turn}: a recorded decision is refused: {reason}")]
    Refused { turn: u32, reason: String },
    #[error("the replayed game differs from the saved one from turn {turn}")]
    Differs { turn: u32 },
}
