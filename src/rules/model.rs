//! The model's tuning: every constant that shapes play, read from
//! `assets/model.ron` (documented there field by field) and checked against
//! one table of ranges. The rules keep no tuning of their own.

use serde::{Deserialize, Serialize};

use super::types::Domain;

mod check;
pub use check::RANGES;

/// Weights of the domains in the autonomy score (they sum to 1).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DomainWeights {
    pub security: f64,
    pub trade: f64,
    pub transit_energy: f64,
    pub finance: f64,
    pub culture_information: f64,
}

impl DomainWeights {
    pub fn get(&self, d: Domain) -> f64 {
        match d {
            Domain::Security => self.security,
            Domain::Trade => self.trade,
            Domain::TransitEnergy => self.transit_energy,
            Domain::Finance => self.finance,
            Domain::CultureInformation => self.culture_information,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AutonomyModel {
    pub weights: DomainWeights,
    /// Above this share one power dominates a domain.
    pub dominance: f64,
    /// What a point of domestic capacity is worth against a point held by a
    /// perfectly balanced set of powers.
    pub domestic: f64,
    /// A vector closing: each point a power's closeness is below `open_from`
    /// costs `closing` autonomy (a door shut narrows the room to choose).
    pub open_from: f64,
    pub closing: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LeverageModel {
    /// Below this proximity a power has no stake in the player.
    pub no_stake: f64,
    /// At this proximity a power's stake is full.
    pub full_stake: f64,
    /// Weight of the powers' competition (the mean of their stakes).
    pub competition: f64,
    /// Weight of strategic assets.
    pub assets: f64,
    /// Weight of the bridge between Turkey and Europe.
    pub bridge: f64,
    /// How much Turkey–EU coupling moves the bridge: it counts at
    /// 1 + bridge_coupling × (coupling − 50) / 50 of itself, at most 100.
    pub bridge_coupling: f64,
    /// How far the closest power may lead the next before embracing it costs.
    pub embrace_gap: f64,
    /// Leverage lost per point of lead beyond that gap.
    pub embrace_rate: f64,
    /// The bonus stays within plus or minus this.
    pub bonus_limit: f64,
    /// The share of the bonus kept from one turn to the next.
    pub bonus_fade: f64,
    /// Turkey's latitude: coupling beyond `absorption_from` takes up to
    /// `absorption` of it (at 100), overextension beyond `overreach_from`
    /// up to `overreach`; it never falls below `latitude_floor`.
    pub absorption_from: f64,
    pub absorption: f64,
    pub overreach_from: f64,
    pub overreach: f64,
    pub latitude_floor: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProximityModel {
    /// A gain of closeness is scaled by (ceiling − proximity) / span ...
    pub gain_ceiling: f64,
    pub gain_span: f64,
    /// ... but never below this share of it.
    pub gain_floor: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StrainModel {
    /// The share of strain kept from one turn to the next.
    pub fade: f64,
    /// How much a power's own gain of closeness soothes its strain, per point.
    pub self_relief: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LadderModel {
    /// A power on its ladder lets the matter drop once its strain falls
    /// below this share of its tolerance.
    pub calm_below: f64,
    /// A power's resolve to climb a step: base + strength × (its strength /
    /// 100) − per_step × (the step it stands on).
    pub resolve_base: f64,
    pub resolve_strength: f64,
    pub resolve_per_step: f64,
    /// The share of its strain a power keeps after it backs down.
    pub yield_keep: f64,
    /// A power's strain after the player backs down, as a share of its tolerance.
    pub back_down_strain: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CapitalModel {
    /// Capital carried into a new turn beyond its income is capped at this;
    /// the excess is lost.
    pub carry: u32,
    /// Capital and capital per turn never exceed this.
    pub max: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PullModel {
    /// Structural pull moves shares back only when both the holder above its
    /// structural level and the one below are at least this far off.
    pub gap: u32,
    /// Share points moved back per domain and turn.
    pub step: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ScoreModel {
    /// Weights of the final score (plus the ending's bonus).
    pub autonomy: f64,
    pub leverage: f64,
    pub stability: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Defaults {
    /// A scenario's length when it does not say.
    pub turns: u32,
    pub start_year: u32,
    pub start_quarter: u32,
    /// Turns before a recurring event can fire again, when it does not say.
    pub event_cooldown: u32,
}

/// A level of difficulty: an overlay of the model for one game.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Level {
    pub id: String,
    pub name: String,
    /// A line for the new-game screen.
    pub summary: String,
    /// Added to every power's tolerance at the start.
    pub tolerance: f64,
    /// How hard events, reactions and the powers' moves hit: their losses
    /// of stability and capital are multiplied by this.
    pub severity: f64,
    /// Added to the state's capital per turn (it stays at least 1).
    pub income: i32,
    /// How much of the way from the start to the best ending's bars of
    /// autonomy and leverage is asked (1: the bars as written).
    pub ambition: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ActionsModel {
    /// An action taken again yields this share of its lasting gains (share
    /// changes, strategic assets) per earlier use...
    pub repeat: f64,
    /// ... but never less than this share.
    pub repeat_floor: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EndingsModel {
    /// The ending after the last turn judges the three scores by their mean
    /// over this many last turns, so that a last-turn splurge does not
    /// decide a game.
    pub window: u32,
    /// The length of game the best ending's bars of autonomy and leverage
    /// are set for (endings.ron).
    pub full_turns: u32,
    /// A shorter game asks for part of the way from where the state started
    /// to those bars: (turns / `full_turns`) to this power. 0 asks for the
    /// whole way however short the game; 1, a share in proportion.
    pub pace: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MovesModel {
    /// The initiative a power gains each turn at strength 50 (in proportion
    /// to its strength); it makes a move with each whole point.
    pub initiative: f64,
    /// A power holds at most this much initiative.
    pub most: f64,
    /// Turns before a power makes a move again, when the move does not say.
    pub cooldown: u32,
}

/// The whole tuning of the model.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Model {
    pub autonomy: AutonomyModel,
    pub leverage: LeverageModel,
    pub proximity: ProximityModel,
    pub strain: StrainModel,
    pub ladder: LadderModel,
    pub capital: CapitalModel,
    pub pull: PullModel,
    pub actions: ActionsModel,
    pub moves: MovesModel,
    pub endings: EndingsModel,
    pub score: ScoreModel,
    pub defaults: Defaults,
    /// The levels of difficulty, easiest first; one is `normal`.
    pub difficulty: Vec<Level>,
}

/// The bounds of a level's or a scenario's ambition.
pub const AMBITION_LIMITS: (f64, f64) = (0.25, 2.0);

/// The level of difficulty a game has unless another is chosen.
pub const NORMAL: &str = "normal";

impl Model {
    /// A level of difficulty by id.
    pub fn level(&self, id: &str) -> Option<&Level> {
        self.difficulty.iter().find(|l| l.id == id)
    }
}
