//! Step 4 of a turn's end: the world drifts, structural pull draws shares
//! back toward their structural level, situations switch on and off.

use super::unit;
use crate::rules::book::Book;
use crate::rules::grammar::Effect;
use crate::rules::ids::{DriftId, SituationId};
use crate::rules::record::{Cause, Note, ShareOp};
use crate::rules::state::State;
use crate::rules::types::{Domain, Holder, MIDPOINT};

impl State {
    /// Each drift rule whose conditions hold moves its number by
    /// `base + Σ coef × (term − 50)`, or toward its target by `rate` of the gap.
    pub(super) fn drift(&mut self, book: &Book) {
        for (i, rule) in book.world.drift.iter().enumerate() {
            if !self.holds_all(&rule.when) {
                continue;
            }
            let v = self.get(rule.var);
            let terms: f64 = rule
                .terms
                .iter()
                .map(|(var, c)| c * (self.get(*var) - MIDPOINT))
                .sum();
            let mut delta = match rule.target {
                Some(t) => rule.rate * (t + terms - v),
                None => rule.base + terms,
            };
            if rule.noise > 0.0 {
                delta += rule.noise * (unit(&mut self.rng) - 0.5) / 0.5;
            }
            if delta != 0.0 {
                let cause = Cause::Drift(DriftId::from_index(i));
                self.apply_effect(book, &Effect::Add(rule.var, delta), cause.into());
            }
        }
    }

    /// Structural pull: in each domain, share points move from the holder
    /// furthest above its structural level to the one furthest below it,
    /// when both are far enough off. Geography and habit pull dependence
    /// back unless projects change the structure itself.
    pub(super) fn structural_pull(&mut self, book: &Book) {
        let m = &book.model.pull;
        let gap_needed = i32::try_from(m.gap).unwrap_or(i32::MAX);
        for d in Domain::ALL {
            let row = self.shares(d);
            let base = self.structure(d);
            let gap =
                |i: usize| i32::from(row.get(Holder::ALL[i])) - i32::from(base.get(Holder::ALL[i]));
            let above = (0..5)
                .max_by_key(|&i| (gap(i), std::cmp::Reverse(i)))
                .unwrap_or(0);
            let below = (0..5).min_by_key(|&i| (gap(i), i)).unwrap_or(0);
            if gap(above) >= gap_needed && gap(below) <= -gap_needed {
                let op = ShareOp::Shift(Holder::ALL[above], Holder::ALL[below], f64::from(m.step));
                self.move_shares(book, d, op, Cause::StructuralPull.into());
            }
        }
    }

    /// Situations begin above one threshold and end below another
    /// (hysteresis); while in force, their effects land every turn.
    pub(super) fn situations(&mut self, book: &Book) {
        for (i, sit) in book.world.situations.iter().enumerate() {
            let id = SituationId::from_index(i);
            let cause = Cause::Situation(id);
            let active = self.in_force(id);
            if !active && self.holds_all(&sit.on) {
                self.situations.insert(i);
                self.note(cause, Note::Situation(id, true));
            } else if active && self.holds_all(&sit.off) {
                self.situations.remove(i);
                self.note(cause, Note::Situation(id, false));
            }
            if self.in_force(id) {
                self.apply_all(book, &sit.each_turn, cause);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::types::{Var, WorldVar};

    #[test]
    fn a_situation_stays_on_until_it_falls_below_its_lower_threshold() {
        let book = crate::content::builtin().unwrap();
        let slump = book.situation_id("russian_slump").unwrap();
        let scenario = book.scenario("standard").unwrap().clone();
        let mut s = crate::rules::new_game(&book, &scenario, Some("uzbekistan"), 1).unwrap();
        let strength = Var::World(WorldVar::RussiaStrength);
        let at = |s: &mut crate::rules::State, x: f64| {
            s.set(&book, strength, x, crate::rules::Cause::Scenario);
            s.situations(&book);
            s.in_force(slump)
        };
        assert!(!at(&mut s, 45.0), "not yet: above the threshold to begin");
        assert!(at(&mut s, 39.0), "begins at or below 40");
        assert!(at(&mut s, 45.0), "hysteresis keeps it on between 40 and 48");
        assert!(!at(&mut s, 60.0), "ends at or above 48");
    }
}
