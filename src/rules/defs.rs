//! Content definitions: what `assets/*.ron` describes. Plain data, read by
//! `content` and resolved once at load; the rules only read them.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::types::{CorridorStatus, Domain, Holder, LadderStep, Power, Var, WorldVar};

/// A condition on the state. A list of conditions holds when all hold.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Cond {
    /// The variable is at least the value.
    AtLeast(Var, f64),
    /// The variable is at most the value.
    AtMost(Var, f64),
    /// A flag (membership, situation, precedent) is set.
    Flag(String),
    /// A flag is not set.
    NoFlag(String),
    /// The player governs one of these states.
    Country(Vec<String>),
    /// A corridor is in this status.
    Corridor(String, CorridorStatus),
    /// At least `count` domains have one power over `share` percent.
    Dominated { count: u32, share: f64 },
    /// At least `count` powers stand at `step` or higher on their crisis ladder.
    Ladder { count: u32, step: LadderStep },
    /// The variable has risen by at least this much since the start of the
    /// game (Autonomy, Leverage, Stability or a Proximity).
    Gained(Var, f64),
    /// Any one of the conditions holds.
    Any(Vec<Cond>),
    /// The condition does not hold.
    Not(Box<Cond>),
}

/// A change to the state. Numbers are deltas unless the effect says `Set`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Effect {
    /// Add to a number (clamped to its range).
    Add(Var, f64),
    /// Set a number (clamped to its range). Mostly for scenario overrides.
    Set(Var, f64),
    /// Move share points of a domain from one holder to another.
    Shift(Domain, Holder, Holder, f64),
    /// Raise a holder's share, taken from the others in proportion to their shares
    /// (a negative amount gives the points to `other`).
    Gain(Domain, Holder, f64),
    SetFlag(String),
    ClearFlag(String),
    /// Change the status of a corridor or pipeline.
    Corridor(String, CorridorStatus),
    /// Move a track on by this many stages (negative: back; reaching below 0 stalls it).
    Track(String, i32),
    /// Stall a track for good.
    StallTrack(String),
    /// These effects land this many turns later.
    Later(u32, Vec<Effect>),
    /// These effects land spread evenly over this many turns, starting next turn.
    Over(u32, Vec<Effect>),
    /// Add strain to a power (irritation at the player's drift).
    Strain(Power, f64),
    /// Cancel a running project of the player's, if any.
    CancelProject(String),
}

/// Five shares of a domain (Russia, China, Turkey, EU, other) that sum to 100.
pub type ShareVec = [u8; 5];

/// A share vector as written in content: a list of five whole numbers.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(try_from = "Vec<u8>", into = "Vec<u8>")]
pub struct Shares(pub ShareVec);

impl TryFrom<Vec<u8>> for Shares {
    type Error = String;
    fn try_from(v: Vec<u8>) -> Result<Self, String> {
        <ShareVec>::try_from(v.as_slice()).map(Shares).map_err(|_| {
            format!(
                "expected 5 shares (Russia, China, Turkey, EU, other), found {}",
                v.len()
            )
        })
    }
}

impl From<Shares> for Vec<u8> {
    fn from(s: Shares) -> Vec<u8> {
        s.0.to_vec()
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DependenceDef {
    pub security: Shares,
    pub trade: Shares,
    pub transit_energy: Shares,
    pub finance: Shares,
    pub culture_information: Shares,
}

impl DependenceDef {
    pub fn get(&self, d: Domain) -> ShareVec {
        match d {
            Domain::Security => self.security.0,
            Domain::Trade => self.trade.0,
            Domain::TransitEnergy => self.transit_energy.0,
            Domain::Finance => self.finance.0,
            Domain::CultureInformation => self.culture_information.0,
        }
    }
}

/// Per-power numbers: Russia, China, Turkey, EU.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct PerPower {
    pub russia: f64,
    pub china: f64,
    pub turkey: f64,
    pub eu: f64,
}

impl PerPower {
    pub fn get(&self, p: Power) -> f64 {
        match p {
            Power::Russia => self.russia,
            Power::China => self.china,
            Power::Turkey => self.turkey,
            Power::Eu => self.eu,
        }
    }

    pub fn to_array(&self) -> [f64; 4] {
        Power::ALL.map(|p| self.get(p))
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CountryDef {
    pub id: String,
    pub name: String,
    pub capital: String,
    #[serde(default = "yes")]
    pub playable: bool,
    /// A short profile for the new-game screen.
    pub summary: String,
    /// Memberships and standing situations, as flags (e.g. "csto", "eaeu").
    #[serde(default)]
    pub flags: Vec<String>,
    pub dependence: DependenceDef,
    pub proximity: PerPower,
    pub tolerance: PerPower,
    pub stability: f64,
    pub capital_per_turn: f64,
    pub assets: f64,
    #[serde(default)]
    pub corridors: BTreeMap<String, CorridorStatus>,
    /// Changes to the world at the start, for this state only.
    #[serde(default)]
    pub start: Vec<Effect>,
}

fn yes() -> bool {
    true
}

/// What a power does at one step of its crisis ladder.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LadderDef {
    pub step: LadderStep,
    pub text: String,
    pub effects: Vec<Effect>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PowerDef {
    pub power: Power,
    pub name: String,
    pub capital: String,
    pub summary: String,
    /// How much each rival's gain in proximity irritates this power (0–1).
    pub rivals: BTreeMap<Power, f64>,
    /// The world variable behind this power's resolve on the ladder.
    pub strength: WorldVar,
    pub ladder: Vec<LadderDef>,
    /// What backing down before this power costs the player.
    pub back_down: Vec<Effect>,
    /// What the player gains when this power backs down.
    pub yields: Vec<Effect>,
}

/// A world-drift rule: each turn `var` moves by
/// `base + Σ coef × (term − 50)`, or toward `target` by `rate` of the gap.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DriftDef {
    pub id: String,
    pub text: String,
    pub var: Var,
    #[serde(default)]
    pub when: Vec<Cond>,
    #[serde(default)]
    pub base: f64,
    #[serde(default)]
    pub terms: Vec<(Var, f64)>,
    #[serde(default)]
    pub target: Option<f64>,
    #[serde(default)]
    pub rate: f64,
}

/// A situation that switches on above one threshold and off below a lower
/// one (hysteresis), with effects every turn while it lasts.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SituationDef {
    pub id: String,
    pub name: String,
    pub text: String,
    pub on: Vec<Cond>,
    pub off: Vec<Cond>,
    #[serde(default)]
    pub each_turn: Vec<Effect>,
    #[serde(default)]
    pub source: Option<String>,
    #[serde(default)]
    pub context: Option<String>,
}

/// A multi-stage track (the EU–Turkey customs union talks) that can succeed or stall.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TrackDef {
    pub id: String,
    pub name: String,
    pub stages: Vec<String>,
    #[serde(default)]
    pub on_complete: Vec<Effect>,
    #[serde(default)]
    pub on_stall: Vec<Effect>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ActionDef {
    pub id: String,
    pub name: String,
    pub text: String,
    pub cost: f64,
    /// The power the action courts, if any (for previews and policies).
    #[serde(default)]
    pub power: Option<Power>,
    #[serde(default)]
    pub requires: Vec<Cond>,
    #[serde(default)]
    pub effects: Vec<Effect>,
    /// A multi-turn project when above zero.
    #[serde(default)]
    pub duration: u32,
    #[serde(default)]
    pub each_turn: Vec<Effect>,
    #[serde(default)]
    pub on_complete: Vec<Effect>,
    /// Turns before the action can be taken again.
    #[serde(default)]
    pub cooldown: u32,
    #[serde(default)]
    pub once: bool,
    #[serde(default)]
    pub source: Option<String>,
    #[serde(default)]
    pub context: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ChoiceDef {
    pub label: String,
    #[serde(default)]
    pub effects: Vec<Effect>,
    #[serde(default)]
    pub requires: Vec<Cond>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EventDef {
    pub id: String,
    pub title: String,
    pub text: String,
    /// The article sentence the event comes from, quoted exactly.
    #[serde(default)]
    pub source: Option<String>,
    /// A one-line factual note for an event that extends the article.
    #[serde(default)]
    pub context: Option<String>,
    /// Where it happens on the map (a place id).
    #[serde(default)]
    pub place: Option<String>,
    #[serde(default)]
    pub when: Vec<Cond>,
    pub weight: f64,
    #[serde(default = "yes")]
    pub once: bool,
    /// For an event that can recur: turns before it can fire again.
    #[serde(default = "four")]
    pub cooldown: u32,
    #[serde(default)]
    pub effects: Vec<Effect>,
    #[serde(default)]
    pub choices: Vec<ChoiceDef>,
}

fn four() -> u32 {
    4
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EndingDef {
    pub id: String,
    pub title: String,
    pub text: String,
    /// Checked in order; the first ending whose conditions hold is the outcome.
    pub when: Vec<Cond>,
    /// Whether it can end the game before the last turn.
    #[serde(default)]
    pub early: bool,
    /// The best outcome (counted in the simulator's win rate).
    #[serde(default)]
    pub best: bool,
    #[serde(default)]
    pub bonus: f64,
}

/// A scenario: a country, a length, a start, overrides and a deck.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ScenarioDef {
    pub id: String,
    pub name: String,
    #[serde(default)]
    pub summary: String,
    /// The state played; `None` lets the player choose.
    #[serde(default)]
    pub country: Option<String>,
    #[serde(default = "default_turns")]
    pub turns: u32,
    #[serde(default = "default_year")]
    pub start_year: u32,
    #[serde(default = "one")]
    pub start_quarter: u32,
    #[serde(default)]
    pub seed: Option<u64>,
    /// Changes to the starting state.
    #[serde(default)]
    pub overrides: Vec<Effect>,
    /// Only these events are in the deck (all when `None`).
    #[serde(default)]
    pub deck: Option<Vec<String>>,
    /// Events that fire on a given turn, whatever the deck draws.
    #[serde(default)]
    pub scripted: Vec<(u32, String)>,
    #[serde(default)]
    pub objectives: Vec<String>,
    #[serde(default)]
    pub questions: Vec<String>,
}

fn default_turns() -> u32 {
    24
}
fn default_year() -> u32 {
    2026
}
fn one() -> u32 {
    1
}

/// The world's starting values and the rules of its drift.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct WorldDef {
    pub start: BTreeMap<WorldVar, f64>,
    pub drift: Vec<DriftDef>,
    pub situations: Vec<SituationDef>,
    pub tracks: Vec<TrackDef>,
    /// A readable name for every flag (membership, precedent, standing
    /// situation) the content uses.
    #[serde(default)]
    pub flags: BTreeMap<String, String>,
    /// A readable name for every corridor and pipeline.
    #[serde(default)]
    pub corridors: BTreeMap<String, String>,
}

impl WorldDef {
    /// The readable name of a flag (its id when it has none).
    pub fn flag_name<'a>(&'a self, id: &'a str) -> &'a str {
        self.flags.get(id).map_or(id, String::as_str)
    }
    /// The readable name of a corridor (its id when it has none).
    pub fn corridor_name<'a>(&'a self, id: &'a str) -> &'a str {
        self.corridors.get(id).map_or(id, String::as_str)
    }
}
