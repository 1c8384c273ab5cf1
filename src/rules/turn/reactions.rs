//! Step 3 of a turn's end: the powers react. Rivals' gains of closeness
//! strain a power; past its tolerance it climbs its crisis ladder one step;
//! a player who held last time faces the next step or sees the power back
//! down. Strain fades after.

use super::unit;
use crate::rules::book::Book;
use crate::rules::record::{Cause, Note};
use crate::rules::state::{Decision, State};
use crate::rules::types::{LadderStep, Power, Var};

/// How much a power's strain moves with these gains of closeness (Russia,
/// China, Turkey, EU; losses count as 0): its rivals' gains, weighted as the
/// power weighs them, less the relief of its own gain.
pub fn irritation(book: &Book, p: Power, gains: [f64; 4]) -> f64 {
    let rivals: f64 = book
        .power(p)
        .rivals
        .iter()
        .map(|(q, w)| w * gains[q.index()])
        .sum();
    rivals - book.model.strain.self_relief * gains[p.index()]
}

/// The chance (0–1) that a power standing on its ladder climbs the next
/// step, rather than backing down, if the player holds firm.
pub fn resolve(state: &State, book: &Book, p: Power) -> f64 {
    let m = &book.model.ladder;
    let strength = state.world(book.power(p).strength);
    let step = f64::from(state.ladder(p).level());
    (m.resolve_base + m.resolve_strength * strength / 100.0 - m.resolve_per_step * step)
        .clamp(0.0, 1.0)
}

impl State {
    pub(super) fn react(&mut self, book: &Book, before: [f64; 4]) {
        let gains = Power::ALL.map(|p| (self.proximity(p) - before[p.index()]).max(0.0));
        for p in Power::ALL {
            // Everything that strained the power since it last looked,
            // this turn's actions included, counts in full now; what is
            // left fades after (below).
            let strain = self.strain(p) + irritation(book, p, gains);
            self.set(book, Var::Strain(p), strain, Cause::Rivals(p));
            let (ladder, strain, tolerance) = (self.ladder(p), self.strain(p), self.tolerance(p));
            if ladder == LadderStep::Calm {
                if strain > tolerance {
                    self.climb(book, p, LadderStep::Protest);
                }
                continue;
            }
            // The player held at the last step.
            if strain < book.model.ladder.calm_below * tolerance {
                self.powers[p.index()].ladder = LadderStep::Calm;
                self.note(Cause::Reaction(p, ladder), Note::LetsDrop(p));
                continue;
            }
            if unit(&mut self.rng) < resolve(self, book, p) {
                self.climb(book, p, ladder.next());
            } else {
                self.power_backs_down(book, p);
            }
        }
        for p in Power::ALL {
            let faded = self.strain(p) * book.model.strain.fade;
            self.set(book, Var::Strain(p), faded, Cause::StrainFade);
        }
    }

    /// A power on its ladder backs down before the player.
    pub(in crate::rules) fn power_backs_down(&mut self, book: &Book, p: Power) {
        let cause = Cause::Yield(p);
        self.note(cause, Note::Yields(p));
        self.powers[p.index()].ladder = LadderStep::Calm;
        let kept = self.strain(p) * book.model.ladder.yield_keep;
        self.set(book, Var::Strain(p), kept, cause);
        self.apply_all(book, &book.power(p).yields, cause);
    }

    pub(in crate::rules) fn climb(&mut self, book: &Book, p: Power, step: LadderStep) {
        self.powers[p.index()].ladder = step;
        let cause = Cause::Reaction(p, step);
        self.note(cause, Note::Ladder(p, step));
        if let Some(l) = book.power(p).ladder.iter().find(|l| l.step == step) {
            self.apply_all(book, &l.effects, cause);
        }
        // After the last turn the step lands, but no game is left in which
        // to hold or back down: nothing is asked.
        if !self.last_answer() {
            self.pending.push(Decision::Ladder(p, step));
        }
    }

    /// Whether the turn ending is the game's last: the powers still answer
    /// it (their steps and pressure land, and the ending judges them), but
    /// they ask the player nothing that only a next turn would play out.
    pub(in crate::rules) fn last_answer(&self) -> bool {
        self.ending && self.turn + 1 >= self.turns
    }

    /// The player backs down before a power on its ladder.
    pub(in crate::rules) fn back_down(&mut self, book: &Book, p: Power) {
        let cause = Cause::BackDown(p);
        self.note(cause, Note::BackDown(p));
        self.powers[p.index()].ladder = LadderStep::Calm;
        let strain = book.model.ladder.back_down_strain * self.tolerance(p);
        self.set(book, Var::Strain(p), strain, cause);
        self.apply_all(book, &book.power(p).back_down, cause);
    }
}
