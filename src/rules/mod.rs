//! The game itself: state, actions, events, reactions, scoring and the
//! resolution of a turn. Pure and deterministic: no terminal, no files, no
//! clock, no global generator. Knows nothing of the rest of the crate.

mod book;
pub mod defs;
mod effects;
mod game;
pub mod preview;
pub mod scoring;
mod state;
mod turn;
pub mod types;

pub use book::Book;
pub use game::Decision as Recorded;
pub use game::{Game, ReplayError, first_difference};
pub use state::{Cause, Decision, Entry, LogEntry, Outcome, PowerState, Project, Snapshot, State};
pub use turn::{
    Command, Illegal, StartError, apply, check_action, country_for, decision_choices, new_game,
};
pub use types::{CorridorStatus, Domain, Holder, LadderStep, Power, Var, WorldVar};
