//! Step 6 of a turn's end, and the end of the game: income and its carry
//! limit, the fading of leverage's bonus, the scores' history, the ending.

use crate::rules::book::Book;
use crate::rules::record::{Cause, Note};
use crate::rules::scoring;
use crate::rules::state::{Outcome, Snapshot, State};
use crate::rules::types::{Power, Var};

impl State {
    /// The capital a state holds at the start of the next turn: what is left
    /// plus its income, of which at most `carry` beyond the income is kept.
    pub fn capital_cap(&self, book: &Book) -> u32 {
        self.capital_per_turn + book.model.capital.carry
    }

    pub(super) fn close(&mut self, book: &Book) {
        let gross = self.capital + self.capital_per_turn;
        self.set(book, Var::Capital, f64::from(gross), Cause::Income);
        let cap = self.capital_cap(book);
        if self.capital > cap {
            let lost = self.capital - cap;
            self.note(Cause::CarryCap, Note::CarryCapped(lost));
            self.set(book, Var::Capital, f64::from(cap), Cause::CarryCap);
        }
        let faded = self.leverage.bonus * book.model.leverage.bonus_fade;
        self.set(book, Var::Bonus, faded, Cause::BonusFade);
        self.history.push(self.snapshot());
    }

    pub(in crate::rules) fn snapshot(&self) -> Snapshot {
        Snapshot {
            turn: self.turn,
            autonomy: self.autonomy,
            leverage: self.leverage.total,
            stability: self.stability,
            capital: f64::from(self.capital),
            proximity: Power::ALL.map(|p| self.proximity(p)),
            world: self.world,
        }
    }

    /// Answers given after a turn ended amend the scores it closed on.
    pub(in crate::rules) fn amend_snapshot(&mut self) {
        let snap = self.snapshot();
        if let Some(last) = self.history.last_mut() {
            *last = Snapshot {
                turn: last.turn,
                ..snap
            };
        }
    }

    /// Ends the game when an early ending holds, or after the last turn
    /// once no decision is waiting. The outcome closes the story of the turn
    /// that last ended.
    pub(in crate::rules) fn check_ending(&mut self, book: &Book) {
        if !self.pending.is_empty() || self.outcome.is_some() {
            return;
        }
        let last = self.turn >= self.turns;
        // Early endings read the moment; after the last turn, the scores
        // are judged over the last turns.
        let holds = |e: &crate::rules::defs::EndingDef| {
            if last {
                let conds = self.ending_conds(e);
                conds.iter().all(|c| self.holds_judged(book, c))
            } else {
                e.early && self.holds_all(&e.when)
            }
        };
        let Some((i, e)) = book.endings.iter().enumerate().find(|(_, e)| holds(e)) else {
            return;
        };
        let ending = crate::rules::ids::EndingId::from_index(i);
        let score = if last {
            scoring::final_score(
                &book.model,
                self.judged(book, Var::Autonomy),
                self.judged(book, Var::Leverage),
                self.judged(book, Var::Stability),
                e.bonus,
            )
        } else {
            scoring::final_score(
                &book.model,
                self.autonomy,
                self.leverage.total,
                self.stability,
                e.bonus,
            )
        };
        self.story = self.turn.saturating_sub(1);
        self.note(Cause::End, Note::Outcome(ending));
        self.outcome = Some(Outcome {
            ending,
            score,
            turn: self.turn,
        });
    }
}
