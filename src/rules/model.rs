//! The model's tuning: every constant that shapes play, read from
//! `assets/model.ron` (documented there field by field) and checked against
//! one table of ranges. The rules keep no tuning of their own.

use serde::{Deserialize, Serialize};

use super::types::Domain;

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

/// The range of every field of the model: one table, checked by
/// [`Model::check`] and `multivector check`.
pub const RANGES: &[(&str, f64, f64)] = &[
    ("autonomy.weights.security", 0.0, 1.0),
    ("autonomy.weights.trade", 0.0, 1.0),
    ("autonomy.weights.transit_energy", 0.0, 1.0),
    ("autonomy.weights.finance", 0.0, 1.0),
    ("autonomy.weights.culture_information", 0.0, 1.0),
    ("autonomy.dominance", 25.0, 100.0),
    ("autonomy.domestic", 0.0, 1.0),
    ("autonomy.open_from", 0.0, 100.0),
    ("autonomy.closing", 0.0, 2.0),
    ("leverage.no_stake", 0.0, 90.0),
    ("leverage.full_stake", 10.0, 100.0),
    ("leverage.competition", 0.0, 1.0),
    ("leverage.assets", 0.0, 1.0),
    ("leverage.bridge", 0.0, 1.0),
    ("leverage.bridge_coupling", 0.0, 1.0),
    ("leverage.embrace_gap", 0.0, 100.0),
    ("leverage.embrace_rate", 0.0, 2.0),
    ("leverage.bonus_limit", 0.0, 50.0),
    ("leverage.bonus_fade", 0.0, 1.0),
    ("leverage.absorption_from", 0.0, 99.0),
    ("leverage.absorption", 0.0, 1.0),
    ("leverage.overreach_from", 0.0, 99.0),
    ("leverage.overreach", 0.0, 1.0),
    ("leverage.latitude_floor", 0.0, 1.0),
    ("proximity.gain_ceiling", 100.0, 200.0),
    ("proximity.gain_span", 10.0, 200.0),
    ("proximity.gain_floor", 0.0, 1.0),
    ("strain.fade", 0.0, 1.0),
    ("strain.self_relief", 0.0, 2.0),
    ("ladder.calm_below", 0.0, 1.0),
    ("ladder.resolve_base", 0.0, 1.0),
    ("ladder.resolve_strength", 0.0, 1.0),
    ("ladder.resolve_per_step", 0.0, 0.25),
    ("ladder.yield_keep", 0.0, 1.0),
    ("ladder.back_down_strain", 0.0, 1.0),
    ("capital.carry", 0.0, 20.0),
    ("capital.max", 1.0, 40.0),
    ("pull.gap", 1.0, 20.0),
    ("pull.step", 0.0, 10.0),
    ("actions.repeat", 0.0, 1.0),
    ("actions.repeat_floor", 0.0, 1.0),
    ("moves.initiative", 0.0, 2.0),
    ("moves.most", 1.0, 4.0),
    ("moves.cooldown", 1.0, 80.0),
    ("endings.window", 1.0, 12.0),
    ("endings.full_turns", 1.0, 80.0),
    ("endings.pace", 0.0, 1.0),
    ("score.autonomy", 0.0, 1.0),
    ("score.leverage", 0.0, 1.0),
    ("score.stability", 0.0, 1.0),
    ("defaults.turns", 1.0, 80.0),
    ("defaults.start_year", 1900.0, 2200.0),
    ("defaults.start_quarter", 1.0, 4.0),
    ("defaults.event_cooldown", 1.0, 80.0),
];

/// The bounds of a level's tolerance, severity and income.
const LEVEL_LIMITS: (f64, f64, i32) = (50.0, 3.0, 10);

/// The bounds of a level's or a scenario's ambition.
pub const AMBITION_LIMITS: (f64, f64) = (0.25, 2.0);

/// The level of difficulty a game has unless another is chosen.
pub const NORMAL: &str = "normal";

/// How far the domain weights' sum may be from 1, for rounding.
const WEIGHTS_TOLERANCE: f64 = 1e-6;

impl Model {
    /// A level of difficulty by id.
    pub fn level(&self, id: &str) -> Option<&Level> {
        self.difficulty.iter().find(|l| l.id == id)
    }

    /// Every number of the model with its path, in the order of [`RANGES`].
    pub fn numbers(&self) -> Vec<(&'static str, f64)> {
        let (a, l, p, s, d) = (
            &self.autonomy,
            &self.leverage,
            &self.proximity,
            &self.strain,
            &self.ladder,
        );
        vec![
            ("autonomy.weights.security", a.weights.security),
            ("autonomy.weights.trade", a.weights.trade),
            ("autonomy.weights.transit_energy", a.weights.transit_energy),
            ("autonomy.weights.finance", a.weights.finance),
            (
                "autonomy.weights.culture_information",
                a.weights.culture_information,
            ),
            ("autonomy.dominance", a.dominance),
            ("autonomy.domestic", a.domestic),
            ("autonomy.open_from", a.open_from),
            ("autonomy.closing", a.closing),
            ("leverage.no_stake", l.no_stake),
            ("leverage.full_stake", l.full_stake),
            ("leverage.competition", l.competition),
            ("leverage.assets", l.assets),
            ("leverage.bridge", l.bridge),
            ("leverage.bridge_coupling", l.bridge_coupling),
            ("leverage.embrace_gap", l.embrace_gap),
            ("leverage.embrace_rate", l.embrace_rate),
            ("leverage.bonus_limit", l.bonus_limit),
            ("leverage.bonus_fade", l.bonus_fade),
            ("leverage.absorption_from", l.absorption_from),
            ("leverage.absorption", l.absorption),
            ("leverage.overreach_from", l.overreach_from),
            ("leverage.overreach", l.overreach),
            ("leverage.latitude_floor", l.latitude_floor),
            ("proximity.gain_ceiling", p.gain_ceiling),
            ("proximity.gain_span", p.gain_span),
            ("proximity.gain_floor", p.gain_floor),
            ("strain.fade", s.fade),
            ("strain.self_relief", s.self_relief),
            ("ladder.calm_below", d.calm_below),
            ("ladder.resolve_base", d.resolve_base),
            ("ladder.resolve_strength", d.resolve_strength),
            ("ladder.resolve_per_step", d.resolve_per_step),
            ("ladder.yield_keep", d.yield_keep),
            ("ladder.back_down_strain", d.back_down_strain),
            ("capital.carry", f64::from(self.capital.carry)),
            ("capital.max", f64::from(self.capital.max)),
            ("pull.gap", f64::from(self.pull.gap)),
            ("pull.step", f64::from(self.pull.step)),
            ("actions.repeat", self.actions.repeat),
            ("actions.repeat_floor", self.actions.repeat_floor),
            ("moves.initiative", self.moves.initiative),
            ("moves.most", self.moves.most),
            ("moves.cooldown", f64::from(self.moves.cooldown)),
            ("endings.window", f64::from(self.endings.window)),
            ("endings.full_turns", f64::from(self.endings.full_turns)),
            ("endings.pace", self.endings.pace),
            ("score.autonomy", self.score.autonomy),
            ("score.leverage", self.score.leverage),
            ("score.stability", self.score.stability),
            ("defaults.turns", f64::from(self.defaults.turns)),
            ("defaults.start_year", f64::from(self.defaults.start_year)),
            (
                "defaults.start_quarter",
                f64::from(self.defaults.start_quarter),
            ),
            (
                "defaults.event_cooldown",
                f64::from(self.defaults.event_cooldown),
            ),
        ]
    }

    /// Checks every number against its range, and the few that must agree
    /// with each other; the error names the field.
    pub fn check(&self) -> Result<(), String> {
        for (path, x) in self.numbers() {
            let Some(&(_, lo, hi)) = RANGES.iter().find(|r| r.0 == path) else {
                return Err(format!("{path}: no range is known for this field"));
            };
            if !x.is_finite() || !(lo..=hi).contains(&x) {
                return Err(format!("{path}: {x} is outside {lo}..={hi}"));
            }
        }
        let w: f64 = Domain::ALL
            .iter()
            .map(|d| self.autonomy.weights.get(*d))
            .sum();
        if (w - 1.0).abs() > WEIGHTS_TOLERANCE {
            return Err(format!("autonomy.weights: they sum to {w}, not 1"));
        }
        if self.leverage.full_stake <= self.leverage.no_stake {
            return Err(format!(
                "leverage.full_stake: {} is not above leverage.no_stake ({})",
                self.leverage.full_stake, self.leverage.no_stake
            ));
        }
        if !self.difficulty.iter().any(|l| l.id == NORMAL) {
            return Err(format!("difficulty: no level `{NORMAL}`"));
        }
        for (i, l) in self.difficulty.iter().enumerate() {
            let at = format!("difficulty[{i}] `{}`", l.id);
            if self.difficulty[..i].iter().any(|m| m.id == l.id) {
                return Err(format!("{at}: the id is used twice"));
            }
            let (t, s, i) = LEVEL_LIMITS;
            if !l.tolerance.is_finite() || !(-t..=t).contains(&l.tolerance) {
                return Err(format!(
                    "{at}: tolerance {} is outside -{t}..={t}",
                    l.tolerance
                ));
            }
            if !l.severity.is_finite() || !(0.0..=s).contains(&l.severity) {
                return Err(format!("{at}: severity {} is outside 0..={s}", l.severity));
            }
            if !(-i..=i).contains(&l.income) {
                return Err(format!("{at}: income {} is outside -{i}..={i}", l.income));
            }
            let (lo, hi) = AMBITION_LIMITS;
            if !l.ambition.is_finite() || !(lo..=hi).contains(&l.ambition) {
                return Err(format!(
                    "{at}: ambition {} is outside {lo}..={hi}",
                    l.ambition
                ));
            }
        }
        if self.capital.carry > self.capital.max {
            return Err(format!(
                "capital.carry: {} is above capital.max ({})",
                self.capital.carry, self.capital.max
            ));
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_field_has_one_range_and_every_range_a_field() {
        let text = include_str!("../../assets/model.ron");
        let model: Model = ron::from_str(text).expect("the built-in model parses");
        let paths: Vec<&str> = model.numbers().iter().map(|n| n.0).collect();
        let ranged: Vec<&str> = RANGES.iter().map(|r| r.0).collect();
        assert_eq!(paths, ranged);
        model.check().expect("the built-in model is in range");
    }
}
