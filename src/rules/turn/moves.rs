//! Step 3b of a turn's end: the powers move. Each power's initiative grows
//! with its strength; with a whole one, it makes the move of its deck it
//! wants most (a deterministic utility of the state, ties broken by the
//! game's generator), if it wants any: an offer the player answers, a
//! pressure, a counter to a rival's gain.

use super::unit;
use crate::rules::book::Book;
use crate::rules::defs::{MoveDef, MoveKind};
use crate::rules::ids::MoveId;
use crate::rules::record::{Cause, Note};
use crate::rules::state::{Decision, State};
use crate::rules::types::{MIDPOINT, Power, Var};

/// Utilities closer than this are a tie.
const TIE: f64 = 1e-9;

/// How much a power wants a move now: its weight plus its terms.
pub fn utility(state: &State, m: &MoveDef) -> f64 {
    m.weight
        + m.utility
            .iter()
            .map(|(v, c)| c * (state.get(*v) - MIDPOINT))
            .sum::<f64>()
}

impl State {
    fn can_move(&self, book: &Book, id: MoveId) -> bool {
        let m = book.power_move(id);
        let ready = match self.moved[id.index()] {
            None => true,
            Some(_) if m.once => false,
            Some(last) => {
                let cooldown = m.cooldown.unwrap_or(book.model.moves.cooldown);
                self.turn >= last + cooldown.max(1)
            }
        };
        // An offer waits for an answer: not two of one power at once.
        let offering = m.kind == MoveKind::Offer
            && self
                .pending
                .iter()
                .any(|d| matches!(d, Decision::Offer(o) if book.power_move(*o).power == m.power));
        // An offer is a bargain for the turns to come: none after the last.
        let too_late = m.kind == MoveKind::Offer && self.last_answer();
        ready && !offering && !too_late && self.holds_all(&m.when)
    }

    /// The move a power wants most now, if it wants any.
    pub(in crate::rules) fn choose_move(&mut self, book: &Book, p: Power) -> Option<MoveId> {
        let mut best: Vec<MoveId> = Vec::new();
        let mut top = 0.0;
        for id in book.move_ids() {
            let m = book.power_move(id);
            if m.power != p || !self.can_move(book, id) {
                continue;
            }
            let u = utility(self, m);
            if u <= 0.0 || u < top - TIE {
                continue;
            }
            if u > top + TIE {
                best.clear();
                top = u;
            }
            best.push(id);
        }
        match best.len() {
            0 => None,
            1 => Some(best[0]),
            n => {
                let k = (unit(&mut self.rng) * n as f64) as usize;
                Some(best[k.min(n - 1)])
            }
        }
    }

    pub(super) fn powers_move(&mut self, book: &Book) {
        self.moved_last.clear();
        let m = &book.model.moves;
        for p in Power::ALL {
            let strength = self.world(book.power(p).strength) / MIDPOINT;
            let gained = (self.initiative[p.index()] + m.initiative * strength).min(m.most);
            self.set_initiative(p, gained, Cause::Calendar);
            if self.initiative[p.index()] < 1.0 {
                continue;
            }
            let Some(id) = self.choose_move(book, p) else {
                continue;
            };
            let cause = Cause::Move(p, id);
            self.set_initiative(p, self.initiative[p.index()] - 1.0, cause);
            self.make_move(book, p, id);
        }
    }

    fn make_move(&mut self, book: &Book, p: Power, id: MoveId) {
        let m = book.power_move(id);
        let cause = Cause::Move(p, id);
        self.moved[id.index()] = Some(self.turn);
        self.moved_last.push(id);
        self.note(cause, Note::Move(p, id));
        self.apply_all(book, &m.effects, cause);
        if m.kind == MoveKind::Offer {
            self.pending.push(Decision::Offer(id));
        }
    }

    fn set_initiative(&mut self, p: Power, value: f64, cause: Cause) {
        let before = self.initiative[p.index()];
        self.initiative[p.index()] = value;
        self.record(cause.into(), Var::Initiative(p), before, value);
    }

    /// The moves made as the last turn ended.
    pub fn moved_last(&self) -> &[MoveId] {
        &self.moved_last
    }
}
