//! `Game`: a state with the scenario it runs and every command that made it.
//! The decisions are the game: a state can always be rebuilt from the
//! scenario, the country, the seed and the decisions.

use super::book::Book;
use super::command::{Command, Illegal, apply};
use super::defs::ScenarioDef;
use super::ids::Raw;
use super::model::NORMAL;
use super::record::LogEntry;
use super::setup::{Opening, StartError};
use super::state::State;

/// One command the player gave, with the turn it was given on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Decision {
    pub turn: u32,
    pub command: Command,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Game {
    /// The scenario as written (as a save carries it).
    pub scenario: ScenarioDef<Raw>,
    /// The country asked for at the start (the scenario's own when `None`).
    pub country: Option<String>,
    pub seed: u64,
    /// The level of difficulty (a level of the model's).
    pub difficulty: String,
    decisions: Vec<Decision>,
    state: State,
}

/// Games of one scenario, country and level of difficulty, checked and
/// resolved once: each started with its own seed, as [`Game::at`] starts it.
#[derive(Debug, Clone)]
pub struct Openings {
    scenario: ScenarioDef<Raw>,
    country: Option<String>,
    difficulty: String,
    opening: Opening,
}

impl Openings {
    pub fn new(
        book: &Book,
        scenario: ScenarioDef<Raw>,
        country: Option<&str>,
        difficulty: &str,
    ) -> Result<Openings, StartError> {
        let opening = Opening::new(book, &scenario, country, difficulty)?;
        Ok(Openings {
            scenario,
            country: country.map(str::to_string),
            difficulty: difficulty.to_string(),
            opening,
        })
    }

    /// A new game with this seed.
    pub fn game(&self, book: &Book, seed: u64) -> Game {
        Game {
            state: self.opening.state(book, seed),
            scenario: self.scenario.clone(),
            country: self.country.clone(),
            seed,
            difficulty: self.difficulty.clone(),
            decisions: Vec::new(),
        }
    }

    /// The one game with this seed, keeping what was checked.
    fn into_game(self, book: &Book, seed: u64) -> Game {
        Game {
            state: self.opening.state(book, seed),
            scenario: self.scenario,
            country: self.country,
            seed,
            difficulty: self.difficulty,
            decisions: Vec::new(),
        }
    }
}

/// What a game is started with.
#[derive(Debug, Clone)]
pub struct Start<'a> {
    pub scenario: ScenarioDef<Raw>,
    pub country: Option<&'a str>,
    pub seed: u64,
    pub difficulty: &'a str,
}

/// Why recorded decisions do not make a game.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ReplayError {
    #[error("{0}")]
    Start(String),
    #[error("turn {turn}: a recorded decision is refused: {reason}")]
    Refused { turn: u32, reason: String },
}

impl Game {
    pub fn new(
        book: &Book,
        scenario: ScenarioDef<Raw>,
        country: Option<&str>,
        seed: u64,
    ) -> Result<Game, StartError> {
        Game::at(book, scenario, country, seed, NORMAL)
    }

    /// A new game at a level of difficulty.
    pub fn at(
        book: &Book,
        scenario: ScenarioDef<Raw>,
        country: Option<&str>,
        seed: u64,
        difficulty: &str,
    ) -> Result<Game, StartError> {
        Ok(Openings::new(book, scenario, country, difficulty)?.into_game(book, seed))
    }

    /// Plays recorded decisions from the start. On the first that is
    /// refused (or recorded for another turn than the game is at), returns
    /// the game as far as it went with the reason.
    pub fn rebuild(
        book: &Book,
        start: Start<'_>,
        decisions: &[Decision],
    ) -> Result<Game, Box<(Option<Game>, ReplayError)>> {
        let Start {
            scenario,
            country,
            seed,
            difficulty,
        } = start;
        let mut game = Game::at(book, scenario, country, seed, difficulty)
            .map_err(|e| Box::new((None, ReplayError::Start(e.to_string()))))?;
        for d in decisions {
            let now = game.state.turn();
            if now != d.turn {
                let reason = format!(
                    "it was recorded for turn {}, but the game is at turn {}",
                    d.turn.saturating_add(1),
                    now.saturating_add(1)
                );
                let turn = now.min(d.turn);
                return Err(Box::new((
                    Some(game),
                    ReplayError::Refused { turn, reason },
                )));
            }
            if let Err(e) = game.apply(book, d.command) {
                let err = ReplayError::Refused {
                    turn: d.turn,
                    reason: e.to_string(),
                };
                return Err(Box::new((Some(game), err)));
            }
        }
        Ok(game)
    }

    pub fn state(&self) -> &State {
        &self.state
    }

    pub fn decisions(&self) -> &[Decision] {
        &self.decisions
    }

    /// Carries out a command and records it when it succeeds; returns what
    /// it recorded.
    pub fn apply(&mut self, book: &Book, command: Command) -> Result<&[LogEntry], Illegal> {
        let turn = self.state.turn();
        self.decisions.push(Decision { turn, command });
        match apply(&mut self.state, book, &command) {
            Ok(record) => Ok(record),
            Err(e) => {
                self.decisions.pop();
                Err(e)
            }
        }
    }

    /// The scenario's objectives, checked against the game as it stands.
    pub fn objectives(&self, book: &Book) -> Vec<super::words::ObjectiveResult> {
        book.resolve_scenario(&self.scenario)
            .map(|s| book.objectives(&self.state, &s))
            .unwrap_or_default()
    }

    /// The same game played again from its decisions, with this content.
    pub fn replay(&self, book: &Book) -> Result<Game, ReplayError> {
        Game::rebuild(book, self.start(), &self.decisions).map_err(|e| e.1)
    }

    /// What the game was started with.
    pub fn start(&self) -> Start<'_> {
        Start {
            scenario: self.scenario.clone(),
            country: self.country.as_deref(),
            seed: self.seed,
            difficulty: &self.difficulty,
        }
    }
}
