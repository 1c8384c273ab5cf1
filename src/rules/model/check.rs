//! The model's numbers checked: every field against one table of ranges,
//! and the few that must agree with each other.

use super::{AMBITION_LIMITS, Domain, Model, NORMAL};

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

/// How far the domain weights' sum may be from 1, for rounding.
const WEIGHTS_TOLERANCE: f64 = 1e-6;

impl Model {
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
        let text = include_str!("../../../assets/model.ron");
        let model: Model = ron::from_str(text).expect("the built-in model parses");
        let paths: Vec<&str> = model.numbers().iter().map(|n| n.0).collect();
        let ranged: Vec<&str> = RANGES.iter().map(|r| r.0).collect();
        assert_eq!(paths, ranged);
        model.check().expect("the built-in model is in range");
    }
}
