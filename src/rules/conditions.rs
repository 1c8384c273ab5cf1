//! Reading conditions on the state.

use super::grammar::Cond;
use super::state::State;
use super::types::{LadderStep, Power, Var};

impl State {
    /// Whether a condition holds now.
    pub fn holds(&self, cond: &Cond) -> bool {
        match cond {
            Cond::AtLeast(v, x) => self.get(*v) >= *x,
            Cond::AtMost(v, x) => self.get(*v) <= *x,
            Cond::Flag(f) => self.has_flag(*f),
            Cond::NoFlag(f) => !self.has_flag(*f),
            Cond::Situation(s) => self.in_force(*s),
            Cond::Country(ids) => ids.contains(&self.country),
            Cond::Corridor(id, s) => self.corridor(*id) == Some(*s),
            Cond::Dominated { count, share } => self.dominated_domains(*share) >= *count,
            Cond::Ladder { count, step } => {
                *step > LadderStep::Calm
                    && Power::ALL
                        .iter()
                        .filter(|p| self.ladder(**p) >= *step)
                        .count() as u32
                        >= *count
            }
            Cond::Gained(v, x) => self.gained(*v).is_some_and(|g| g >= *x),
            Cond::Rose(v, x) => self.rose(*v).is_some_and(|g| g >= *x),
            Cond::Any(cs) => cs.iter().any(|c| self.holds(c)),
            Cond::Not(c) => !self.holds(c),
        }
    }

    pub fn holds_all(&self, conds: &[Cond]) -> bool {
        conds.iter().all(|c| self.holds(c))
    }

    /// How far a score or a closeness has risen since the start of the game
    /// (for Autonomy, Leverage, Stability and the Proximities).
    pub fn gained(&self, v: Var) -> Option<f64> {
        let start = self.history.first()?;
        let then = match v {
            Var::Autonomy => start.autonomy,
            Var::Leverage => start.leverage,
            Var::Stability => start.stability,
            Var::Proximity(p) => start.proximity[p.index()],
            _ => return None,
        };
        Some(self.get(v) - then)
    }

    /// A score as the ending after the last turn judges it: autonomy,
    /// leverage and stability by their mean over the model's window of last
    /// turns; anything else as it is now.
    pub fn judged(&self, book: &super::book::Book, v: Var) -> f64 {
        let n = (book.model.endings.window as usize).min(self.history.len());
        let last = &self.history[self.history.len() - n..];
        let mean = |f: fn(&super::state::Snapshot) -> f64| {
            last.iter().map(f).sum::<f64>() / n.max(1) as f64
        };
        match v {
            _ if n == 0 => self.get(v),
            Var::Autonomy => mean(|s| s.autonomy),
            Var::Leverage => mean(|s| s.leverage),
            Var::Stability => mean(|s| s.stability),
            other => self.get(other),
        }
    }

    /// Whether a condition holds as the ending after the last turn judges
    /// it (the scores by [`State::judged`]).
    pub fn holds_judged(&self, book: &super::book::Book, cond: &Cond) -> bool {
        let score = |v: &Var| matches!(v, Var::Autonomy | Var::Leverage | Var::Stability);
        match cond {
            Cond::AtLeast(v, x) if score(v) => self.judged(book, *v) >= *x,
            Cond::AtMost(v, x) if score(v) => self.judged(book, *v) <= *x,
            Cond::Gained(v, x) if score(v) => self
                .gained(*v)
                .is_some_and(|g| g - self.get(*v) + self.judged(book, *v) >= *x),
            Cond::Any(cs) => cs.iter().any(|c| self.holds_judged(book, c)),
            Cond::Not(c) => !self.holds_judged(book, c),
            other => self.holds(other),
        }
    }

    /// How far a score, a closeness or a world variable has moved since the
    /// last turn ended (the last snapshot of the history).
    pub fn rose(&self, v: Var) -> Option<f64> {
        let last = self.history.last()?;
        let then = match v {
            Var::Autonomy => last.autonomy,
            Var::Leverage => last.leverage,
            Var::Stability => last.stability,
            Var::Proximity(p) => last.proximity[p.index()],
            Var::World(w) => last.world[w.index()],
            _ => return None,
        };
        Some(self.get(v) - then)
    }

    /// How many domains have one power over `share` percent.
    pub fn dominated_domains(&self, share: f64) -> u32 {
        self.shares
            .iter()
            .filter(|row| row.powers().iter().any(|&s| f64::from(s) > share))
            .count() as u32
    }
}
