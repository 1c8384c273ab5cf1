//! The state of one game. Fields are private to `rules`: everything outside
//! reads through accessors and changes the state only through `apply`.

use std::collections::{BTreeMap, BTreeSet};

use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;
use serde::{Deserialize, Serialize};

use super::defs::ShareVec;
use super::types::{CorridorStatus, Domain, Holder, LadderStep, Power, Var, WorldVar};

/// Where a change came from, so the player can read why a number moved.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Cause {
    /// An action the player took (by id).
    Action(String),
    /// A multi-turn project of the player's advancing or completing.
    Project(String),
    /// A power's reaction on its crisis ladder.
    Reaction(Power, LadderStep),
    /// The player backed down before a power.
    BackDown(Power),
    /// A power backed down before the player.
    Yield(Power),
    /// The player held firm on a power's crisis ladder.
    Hold(Power),
    /// A power's irritation at its rivals' gains with the player.
    Rivals(Power),
    /// An event from the deck (by id).
    Event(String),
    /// The player's choice in an event (event id, choice index).
    Choice(String, usize),
    /// A world-drift rule (by id).
    Drift(String),
    /// A standing situation (by id).
    Situation(String),
    /// A multi-stage track (by id).
    Track(String),
    /// A delayed effect landing, with what set it off.
    Delayed(Box<Cause>),
    /// The scenario's starting overrides.
    Scenario,
    /// Bookkeeping of the turn itself (capital refill, strain fading).
    Turn,
}

impl Cause {
    /// Whether this is the player's answer to a decision (an event's
    /// choice, backing down or holding firm), given during a turn rather
    /// than while one ended.
    pub fn is_answer(&self) -> bool {
        matches!(
            self,
            Cause::Choice(..) | Cause::BackDown(_) | Cause::Hold(_)
        )
    }

    /// A cause that moves numbers a little every turn, whatever the player
    /// does: world drift, the turn's bookkeeping, rivals' slow irritation.
    pub fn is_trend(&self) -> bool {
        matches!(self, Cause::Drift(_) | Cause::Turn | Cause::Rivals(_))
    }
}

/// One line of the game's log. `turn` is the turn whose story it belongs
/// to: what happened while that turn ended (events drawn included), and the
/// answers given during it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LogEntry {
    pub turn: u32,
    pub cause: Cause,
    pub entry: Entry,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Entry {
    /// A number moved.
    Change { var: Var, before: f64, after: f64 },
    /// Something happened that is not a number: an event, a step on a ladder.
    Note(String),
}

/// A decision the player must take before the game goes on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Decision {
    /// Pick one of an event's choices.
    Event(String),
    /// Back down (choice 0) or hold (choice 1) before a power on its ladder.
    Ladder(Power, LadderStep),
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PowerState {
    pub proximity: f64,
    pub tolerance: f64,
    pub strain: f64,
    pub ladder: LadderStep,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Project {
    pub action: String,
    pub done: u32,
    pub duration: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub(super) struct Delayed {
    pub due: u32,
    pub effects: Vec<super::defs::Effect>,
    pub cause: Cause,
}

/// The scores and main numbers at the end of one turn.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Snapshot {
    pub turn: u32,
    pub autonomy: f64,
    pub leverage: f64,
    pub stability: f64,
    pub capital: f64,
    pub proximity: [f64; 4],
    pub world: [f64; 7],
}

/// How the game ended.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Outcome {
    pub ending: String,
    pub score: f64,
    pub turn: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct State {
    pub(super) scenario: String,
    pub(super) country: String,
    pub(super) seed: u64,
    pub(super) rng: ChaCha8Rng,
    pub(super) turn: u32,
    pub(super) turns: u32,
    pub(super) start_year: u32,
    pub(super) start_quarter: u32,
    pub(super) powers: [PowerState; 4],
    pub(super) shares: [ShareVec; 5],
    /// The structural level of each share, toward which dependence is pulled
    /// back; moved only by completed infrastructure and the like.
    pub(super) structure: [ShareVec; 5],
    pub(super) world: [f64; 7],
    pub(super) stability: f64,
    pub(super) capital: f64,
    pub(super) capital_per_turn: f64,
    pub(super) assets: f64,
    pub(super) leverage_bonus: f64,
    pub(super) autonomy: f64,
    pub(super) leverage: f64,
    pub(super) flags: BTreeSet<String>,
    pub(super) corridors: BTreeMap<String, CorridorStatus>,
    pub(super) tracks: BTreeMap<String, i32>,
    pub(super) projects: Vec<Project>,
    pub(super) delayed: Vec<Delayed>,
    pub(super) planned: Vec<String>,
    pub(super) cooldowns: BTreeMap<String, u32>,
    pub(super) used: BTreeSet<String>,
    /// Events fired, with the turn each last fired on.
    pub(super) fired: BTreeMap<String, u32>,
    pub(super) fired_last: Vec<String>,
    pub(super) pending: Vec<Decision>,
    pub(super) history: Vec<Snapshot>,
    pub(super) log: Vec<LogEntry>,
    pub(super) outcome: Option<Outcome>,
    pub(super) deck: Option<Vec<String>>,
    pub(super) scripted: Vec<(u32, String)>,
}

impl Cause {
    /// Whether changes from this cause move the structure of dependence
    /// too (completed projects do; visits and events do not).
    pub fn is_structural(&self) -> bool {
        match self {
            Cause::Project(_) | Cause::Scenario => true,
            Cause::Delayed(c) => c.is_structural(),
            _ => false,
        }
    }
}

impl State {
    /// The structural level of a domain's shares.
    pub fn structure(&self, d: Domain) -> ShareVec {
        self.structure[d.index()]
    }

    pub(super) fn blank(scenario: &str, country: &str, seed: u64) -> State {
        State {
            scenario: scenario.to_string(),
            country: country.to_string(),
            seed,
            rng: ChaCha8Rng::seed_from_u64(seed),
            turn: 0,
            turns: 24,
            start_year: 2026,
            start_quarter: 1,
            powers: std::array::from_fn(|_| PowerState {
                proximity: 50.0,
                tolerance: 50.0,
                strain: 0.0,
                ladder: LadderStep::Calm,
            }),
            shares: [[0, 0, 0, 0, 100]; 5],
            structure: [[0, 0, 0, 0, 100]; 5],
            world: [50.0; 7],
            stability: 50.0,
            capital: 0.0,
            capital_per_turn: 5.0,
            assets: 30.0,
            leverage_bonus: 0.0,
            autonomy: 0.0,
            leverage: 0.0,
            flags: BTreeSet::new(),
            corridors: BTreeMap::new(),
            tracks: BTreeMap::new(),
            projects: Vec::new(),
            delayed: Vec::new(),
            planned: Vec::new(),
            cooldowns: BTreeMap::new(),
            used: BTreeSet::new(),
            fired: BTreeMap::new(),
            fired_last: Vec::new(),
            pending: Vec::new(),
            history: Vec::new(),
            log: Vec::new(),
            outcome: None,
            deck: None,
            scripted: Vec::new(),
        }
    }

    pub fn scenario(&self) -> &str {
        &self.scenario
    }
    pub fn country(&self) -> &str {
        &self.country
    }
    pub fn seed(&self) -> u64 {
        self.seed
    }
    /// Turns played so far (0 at the start).
    pub fn turn(&self) -> u32 {
        self.turn
    }
    /// The length of the game in turns.
    pub fn turns(&self) -> u32 {
        self.turns
    }
    /// The current quarter as (year, quarter 1–4).
    pub fn date(&self) -> (u32, u32) {
        let q = self.start_quarter - 1 + self.turn;
        (self.start_year + q / 4, q % 4 + 1)
    }
    /// The current quarter, e.g. "2026 Q1".
    pub fn date_label(&self) -> String {
        let (y, q) = self.date();
        format!("{y} Q{q}")
    }
    pub fn power(&self, p: Power) -> &PowerState {
        &self.powers[p.index()]
    }
    pub fn proximity(&self, p: Power) -> f64 {
        self.powers[p.index()].proximity
    }
    pub fn tolerance(&self, p: Power) -> f64 {
        self.powers[p.index()].tolerance
    }
    pub fn ladder(&self, p: Power) -> LadderStep {
        self.powers[p.index()].ladder
    }
    /// The share vector of a domain (Russia, China, Turkey, EU, other); sums to 100.
    pub fn shares(&self, d: Domain) -> ShareVec {
        self.shares[d.index()]
    }
    pub fn share(&self, d: Domain, h: Holder) -> u8 {
        self.shares[d.index()][h.index()]
    }
    pub fn world(&self, w: WorldVar) -> f64 {
        self.world[w.index()]
    }
    pub fn stability(&self) -> f64 {
        self.stability
    }
    pub fn autonomy(&self) -> f64 {
        self.autonomy
    }
    pub fn leverage(&self) -> f64 {
        self.leverage
    }
    pub fn capital(&self) -> f64 {
        self.capital
    }
    pub fn capital_per_turn(&self) -> f64 {
        self.capital_per_turn
    }
    pub fn assets(&self) -> f64 {
        self.assets
    }
    pub fn has_flag(&self, f: &str) -> bool {
        self.flags.contains(f)
    }
    pub fn flags(&self) -> impl Iterator<Item = &str> {
        self.flags.iter().map(String::as_str)
    }
    pub fn corridors(&self) -> &BTreeMap<String, CorridorStatus> {
        &self.corridors
    }
    pub fn tracks(&self) -> &BTreeMap<String, i32> {
        &self.tracks
    }
    pub fn projects(&self) -> &[Project] {
        &self.projects
    }
    /// Actions planned for this turn, in order; they take effect when the turn ends.
    pub fn planned(&self) -> &[String] {
        &self.planned
    }
    /// Decisions waiting for the player, first one first.
    pub fn pending(&self) -> &[Decision] {
        &self.pending
    }
    /// Scores at the end of each turn, starting with the opening position.
    pub fn history(&self) -> &[Snapshot] {
        &self.history
    }
    pub fn log(&self) -> &[LogEntry] {
        &self.log
    }
    /// The log of one turn.
    pub fn log_of(&self, turn: u32) -> impl Iterator<Item = &LogEntry> {
        self.log.iter().filter(move |e| e.turn == turn)
    }
    /// The news: what happened while the last turn ended, and the answers
    /// given since. Each entry is news exactly once.
    pub fn news(&self) -> impl Iterator<Item = &LogEntry> {
        let now = self.turn;
        let last = now.checked_sub(1);
        self.log.iter().filter(move |e| {
            if e.cause.is_answer() {
                e.turn == now
            } else {
                Some(e.turn) == last
            }
        })
    }
    /// Events fired in the last turn resolved.
    pub fn fired_last(&self) -> &[String] {
        &self.fired_last
    }
    pub fn outcome(&self) -> Option<&Outcome> {
        self.outcome.as_ref()
    }
    pub fn is_over(&self) -> bool {
        self.outcome.is_some()
    }
    /// The turn from which an action with a cooldown can be taken again.
    pub fn cooldown_until(&self, action: &str) -> Option<u32> {
        self.cooldowns
            .get(action)
            .copied()
            .filter(|&t| t > self.turn)
    }
    pub fn was_used(&self, action: &str) -> bool {
        self.used.contains(action)
    }

    /// Reads any variable.
    pub fn get(&self, var: &Var) -> f64 {
        match var {
            Var::Proximity(p) => self.powers[p.index()].proximity,
            Var::Tolerance(p) => self.powers[p.index()].tolerance,
            Var::Strain(p) => self.powers[p.index()].strain,
            Var::Share(d, h) => f64::from(self.shares[d.index()][h.index()]),
            Var::World(w) => self.world[w.index()],
            Var::Stability => self.stability,
            Var::Autonomy => self.autonomy,
            Var::Leverage => self.leverage,
            Var::Capital => self.capital,
            Var::CapitalPerTurn => self.capital_per_turn,
            Var::Assets => self.assets,
            Var::Turn => f64::from(self.turn),
            Var::Track(id) => f64::from(self.tracks.get(id).copied().unwrap_or(0)),
        }
    }
}
