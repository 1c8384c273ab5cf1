//! Content definitions: what `assets/*.ron` describes. Plain data, read by
//! `content` and resolved once at load; the rules only read them.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::ids::{Ids, Resolved};
use super::shares::Shares;
use super::types::{CorridorStatus, Domain, LadderStep, Power, Var, WorldVar};

pub use super::grammar::{Cond, Effect};
pub use super::objective::ObjectiveDef;

/// A state's starting shares of each domain.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DependenceDef {
    pub security: Shares,
    pub trade: Shares,
    pub transit_energy: Shares,
    pub finance: Shares,
    pub culture_information: Shares,
}

impl DependenceDef {
    pub fn get(&self, d: Domain) -> Shares {
        match d {
            Domain::Security => self.security,
            Domain::Trade => self.trade,
            Domain::TransitEnergy => self.transit_energy,
            Domain::Finance => self.finance,
            Domain::CultureInformation => self.culture_information,
        }
    }
}

/// Per-power numbers: Russia, China, Turkey, EU.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
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
#[serde(bound = "", deny_unknown_fields)]
pub struct CountryDef<I: Ids = Resolved> {
    pub id: String,
    pub name: String,
    pub capital: String,
    #[serde(default = "yes")]
    pub playable: bool,
    /// A short profile for the new-game screen.
    pub summary: String,
    /// Memberships and standing situations, as flags (e.g. "csto", "eaeu").
    #[serde(default)]
    pub flags: Vec<I::Flag>,
    pub dependence: DependenceDef,
    pub proximity: PerPower,
    pub tolerance: PerPower,
    pub stability: f64,
    pub capital_per_turn: u32,
    pub assets: f64,
    #[serde(default)]
    pub corridors: BTreeMap<I::Corridor, CorridorStatus>,
    /// Changes to the world at the start, for this state only.
    #[serde(default)]
    pub start: Vec<Effect<I>>,
}

fn yes() -> bool {
    true
}

/// What a power does at one step of its crisis ladder.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(bound = "", deny_unknown_fields)]
pub struct LadderDef<I: Ids = Resolved> {
    pub step: LadderStep,
    pub text: String,
    pub effects: Vec<Effect<I>>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(bound = "", deny_unknown_fields)]
pub struct PowerDef<I: Ids = Resolved> {
    pub power: Power,
    pub name: String,
    pub capital: String,
    pub summary: String,
    /// How much each rival's gain in proximity irritates this power (0–1).
    pub rivals: BTreeMap<Power, f64>,
    /// The world variable behind this power's resolve on the ladder.
    pub strength: WorldVar,
    pub ladder: Vec<LadderDef<I>>,
    /// What backing down before this power costs the player.
    pub back_down: Vec<Effect<I>>,
    /// What the player gains when this power backs down.
    pub yields: Vec<Effect<I>>,
}

/// A world-drift rule: each turn `var` moves by `base + Σ coef × (term − 50)`;
/// or, with a `target`, toward an equilibrium `target + Σ coef × (term − 50)`
/// by `rate` of the gap. With `noise`, it also moves by a random amount
/// between −noise and +noise (the game's own generator): the world is not
/// a clockwork.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(bound = "", deny_unknown_fields)]
pub struct DriftDef<I: Ids = Resolved> {
    pub id: String,
    pub text: String,
    pub var: Var<I>,
    #[serde(default)]
    pub when: Vec<Cond<I>>,
    #[serde(default)]
    pub base: f64,
    #[serde(default)]
    pub terms: Vec<(Var<I>, f64)>,
    #[serde(default)]
    pub target: Option<f64>,
    #[serde(default)]
    pub rate: f64,
    #[serde(default)]
    pub noise: f64,
}

/// A situation that switches on above one threshold and off below a lower
/// one (hysteresis), with effects every turn while it lasts.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(bound = "", deny_unknown_fields)]
pub struct SituationDef<I: Ids = Resolved> {
    pub id: String,
    pub name: String,
    pub text: String,
    pub on: Vec<Cond<I>>,
    pub off: Vec<Cond<I>>,
    #[serde(default)]
    pub each_turn: Vec<Effect<I>>,
    #[serde(default)]
    pub source: Option<String>,
    #[serde(default)]
    pub context: Option<String>,
}

/// A multi-stage track (the EU–Turkey customs union talks) that can succeed or stall.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(bound = "", deny_unknown_fields)]
pub struct TrackDef<I: Ids = Resolved> {
    pub id: String,
    pub name: String,
    pub stages: Vec<String>,
    #[serde(default)]
    pub on_complete: Vec<Effect<I>>,
    #[serde(default)]
    pub on_stall: Vec<Effect<I>>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(bound = "", deny_unknown_fields)]
pub struct ActionDef<I: Ids = Resolved> {
    pub id: String,
    pub name: String,
    pub text: String,
    pub cost: u32,
    /// The power the action courts, if any (for previews and policies).
    #[serde(default)]
    pub power: Option<Power>,
    #[serde(default)]
    pub requires: Vec<Cond<I>>,
    #[serde(default)]
    pub effects: Vec<Effect<I>>,
    /// A multi-turn project when above zero.
    #[serde(default)]
    pub duration: u32,
    #[serde(default)]
    pub each_turn: Vec<Effect<I>>,
    #[serde(default)]
    pub on_complete: Vec<Effect<I>>,
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
#[serde(bound = "", deny_unknown_fields)]
pub struct ChoiceDef<I: Ids = Resolved> {
    pub label: String,
    #[serde(default)]
    pub effects: Vec<Effect<I>>,
    #[serde(default)]
    pub requires: Vec<Cond<I>>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(bound = "", deny_unknown_fields)]
pub struct EventDef<I: Ids = Resolved> {
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
    pub when: Vec<Cond<I>>,
    pub weight: f64,
    #[serde(default = "yes")]
    pub once: bool,
    /// For an event that can recur: turns before it can fire again (the
    /// model's default when left out).
    #[serde(default)]
    pub cooldown: Option<u32>,
    #[serde(default)]
    pub effects: Vec<Effect<I>>,
    #[serde(default)]
    pub choices: Vec<ChoiceDef<I>>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(bound = "", deny_unknown_fields)]
pub struct EndingDef<I: Ids = Resolved> {
    pub id: String,
    pub title: String,
    pub text: String,
    /// Checked in order; the first ending whose conditions hold is the outcome.
    pub when: Vec<Cond<I>>,
    /// Whether it can end the game before the last turn.
    #[serde(default)]
    pub early: bool,
    /// The best outcome (counted in the simulator's win rate).
    #[serde(default)]
    pub best: bool,
    #[serde(default)]
    pub bonus: f64,
}

/// What kind of move a power makes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MoveKind {
    /// Something the player may take or refuse (a decision, with choices).
    Offer,
    /// Pressure on the player.
    Pressure,
    /// An answer to a rival's gain with the player.
    Counter,
}

impl MoveKind {
    pub fn name(self) -> &'static str {
        match self {
            MoveKind::Offer => "offer",
            MoveKind::Pressure => "pressure",
            MoveKind::Counter => "counter",
        }
    }
}

/// A move of a power's deck: what the power does in the player's state when
/// it has the initiative and this is what it wants most. How much it wants
/// it is `weight + Σ coef × (var − 50)` over `utility`; it is made only when
/// that is above zero and its conditions hold.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(bound = "", deny_unknown_fields)]
pub struct MoveDef<I: Ids = Resolved> {
    pub id: String,
    pub power: Power,
    pub kind: MoveKind,
    pub title: String,
    pub text: String,
    /// The article sentence the move comes from, quoted exactly.
    #[serde(default)]
    pub source: Option<String>,
    /// A one-line factual note for a move that extends the article.
    #[serde(default)]
    pub context: Option<String>,
    #[serde(default)]
    pub when: Vec<Cond<I>>,
    pub weight: f64,
    #[serde(default)]
    pub utility: Vec<(Var<I>, f64)>,
    /// Turns before the power makes it again (the model's default).
    #[serde(default)]
    pub cooldown: Option<u32>,
    #[serde(default)]
    pub once: bool,
    /// What it does at once.
    #[serde(default)]
    pub effects: Vec<Effect<I>>,
    /// For an offer: the player's choices.
    #[serde(default)]
    pub choices: Vec<ChoiceDef<I>>,
}

/// A scenario: a country, a length, a start, overrides and a deck.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(bound = "", deny_unknown_fields)]
pub struct ScenarioDef<I: Ids = Resolved> {
    pub id: String,
    pub name: String,
    #[serde(default)]
    pub summary: String,
    /// The state played; `None` lets the player choose.
    #[serde(default)]
    pub country: Option<I::Country>,
    /// The length in turns (the model's default when left out).
    #[serde(default)]
    pub turns: Option<u32>,
    #[serde(default)]
    pub start_year: Option<u32>,
    #[serde(default)]
    pub start_quarter: Option<u32>,
    /// The seed every game of the scenario is played with, unless another
    /// is asked for.
    #[serde(default)]
    pub seed: Option<u64>,
    // Fields added after the first format are written only when set, so
    // that a scenario's content hash (of what it writes) stays the same for
    // a scenario that does not use them.
    /// For a lesson: `basic` or `advanced`, when the scenario comes in both.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub variant: Option<String>,
    /// The level of difficulty it is played at unless another is chosen
    /// (a level of the model's; `normal` when left out).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub difficulty: Option<String>,
    /// Whether the game explains each screen, score and mechanic when the
    /// player first meets it.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub tutorial: bool,
    /// How demanding the scenario is: it multiplies the share of the way
    /// from the start to the best ending's bars of autonomy and leverage
    /// that the game asks for (1 when left out; see model.ron `endings`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ambition: Option<f64>,
    /// Changes to the starting state.
    #[serde(default)]
    pub overrides: Vec<Effect<I>>,
    /// Numbers held at a value for the whole game: nothing moves them.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub hold: Vec<(Var<I>, f64)>,
    /// Only these events are in the deck (all when `None`).
    #[serde(default)]
    pub deck: Option<Vec<I::Event>>,
    /// Events that fire on a given turn, whatever the deck draws.
    #[serde(default)]
    pub scripted: Vec<(u32, I::Event)>,
    /// What the player should achieve, checked at the end.
    #[serde(default)]
    pub objectives: Vec<ObjectiveDef<I>>,
    #[serde(default)]
    pub questions: Vec<String>,
}

/// The world's starting values and the rules of its drift.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(bound = "", deny_unknown_fields)]
pub struct WorldDef<I: Ids = Resolved> {
    pub start: BTreeMap<WorldVar, f64>,
    pub drift: Vec<DriftDef<I>>,
    pub situations: Vec<SituationDef<I>>,
    pub tracks: Vec<TrackDef<I>>,
    /// A readable name for every flag (membership, precedent, standing
    /// situation) the content uses.
    #[serde(default)]
    pub flags: BTreeMap<String, String>,
    /// A readable name for every corridor and pipeline.
    #[serde(default)]
    pub corridors: BTreeMap<String, String>,
}

impl<I: Ids> WorldDef<I> {
    /// The readable name of a flag (its id when it has none).
    pub fn flag_name<'a>(&'a self, id: &'a str) -> &'a str {
        self.flags.get(id).map_or(id, String::as_str)
    }
    /// The readable name of a corridor (its id when it has none).
    pub fn corridor_name<'a>(&'a self, id: &'a str) -> &'a str {
        self.corridors.get(id).map_or(id, String::as_str)
    }
}
