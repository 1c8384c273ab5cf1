//! The game itself: state, actions, events, reactions, scoring and the
//! resolution of a turn. Pure and deterministic: no terminal, no files, no
//! clock, no global generator. Knows nothing of the rest of the crate.
//!
//! A command is checked ([`check`]), then applied ([`apply`]); every change
//! of a number goes through one place (`record`) that records it with its
//! cause, so that the log the player reads, the previews, replays and
//! reports all read the same record. The tuning lives in [`model::Model`].

mod book;
mod command;
mod conditions;
pub use conditions::conds_for;
pub mod defs;
mod effects;
pub mod explain;
mod game;
pub mod grammar;
pub mod ids;
pub mod model;
mod objective;
pub mod preview;
mod read;
mod record;
pub mod resolve;
pub mod scoring;
mod setup;
pub mod shares;
mod state;
mod turn;
pub mod types;
mod words;

pub use book::{Book, Sources};
pub use command::{
    Command, Illegal, apply, can_plan, check, check_action, decision_choices, open_choices,
};
pub use game::{Decision as Recorded, Game, Openings, ReplayError, Start};
pub use ids::{
    ActionId, CorridorId, CountryId, DriftId, EndingId, EventId, FlagId, Raw, Resolved,
    SituationId, TrackId,
};
pub use record::{Cause, Entry, LogEntry, Note};
pub use setup::{StartError, country_for, difficulty_level, new_game, new_game_at};
pub use state::{Decision, Outcome, PowerState, Project, Snapshot, State};
pub use turn::reactions::{irritation, resolve as ladder_resolve};
pub use types::{CorridorStatus, Domain, Holder, LadderStep, Power, Stage, Var, WorldVar};
pub use words::{Check, ObjectiveResult};
