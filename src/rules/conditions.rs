//! Reading conditions on the state.

use super::defs::EndingDef;
use super::grammar::Cond;
use super::ids::CountryId;
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

    /// The bar a score must reach in this game for a bar of the best ending
    /// written as `x`: autonomy and leverage ask for the game's ambition
    /// (its level of difficulty and its length, model.ron `endings`) of the
    /// way from where the state started, to a tenth; anything else, and a
    /// bar the state started above, as written.
    pub fn bar(&self, v: Var, x: f64) -> f64 {
        let start = match (v, self.history.first()) {
            (Var::Autonomy, Some(s)) => s.autonomy,
            (Var::Leverage, Some(s)) => s.leverage,
            _ => return x,
        };
        if x <= start {
            return x;
        }
        super::scoring::to_tenth(start + (x - start) * self.ambition)
    }

    /// An ending's conditions as this game reads them: a clause written for
    /// other states is left out and one for this state is its bar (see
    /// [`Cond::for_country`]); the best ending's bars of autonomy and
    /// leverage are those this game asks for ([`State::bar`]).
    pub fn ending_conds(&self, e: &EndingDef) -> Vec<Cond> {
        let conds = conds_for(&e.when, self.country);
        if !e.best {
            return conds;
        }
        conds.iter().map(|c| self.asked(c)).collect()
    }

    fn asked(&self, c: &Cond) -> Cond {
        match c {
            Cond::AtLeast(v, x) => Cond::AtLeast(*v, self.bar(*v, *x)),
            Cond::Any(cs) => Cond::Any(cs.iter().map(|c| self.asked(c)).collect()),
            other => other.clone(),
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

impl Cond {
    /// The condition as it reads for one state: `Country` clauses are
    /// decided, so that a condition written for several states
    /// (`Any([Not(Country(["kazakhstan"])), AtLeast(Autonomy, 67)])`)
    /// becomes the one that state must meet. `None` when it holds for this
    /// state whatever happens (a clause for another state).
    pub fn for_country(&self, me: CountryId) -> Option<Cond> {
        match self.decide(me) {
            Ok(c) => Some(c),
            Err(true) => None,
            Err(false) => Some(Cond::Any(Vec::new())),
        }
    }

    /// `Err(b)`: the condition is `b` for this state whatever the game.
    fn decide(&self, me: CountryId) -> Result<Cond, bool> {
        match self {
            Cond::Country(ids) => Err(ids.contains(&me)),
            Cond::Not(c) => match c.decide(me) {
                Ok(c) => Ok(Cond::Not(Box::new(c))),
                Err(b) => Err(!b),
            },
            Cond::Any(cs) => {
                let mut open = Vec::new();
                for c in cs {
                    match c.decide(me) {
                        Err(true) => return Err(true),
                        Err(false) => {}
                        Ok(c) => open.push(c),
                    }
                }
                match open.len() {
                    0 => Err(false),
                    1 => Ok(open.remove(0)),
                    _ => Ok(Cond::Any(open)),
                }
            }
            other => Ok(other.clone()),
        }
    }
}

/// The conditions of a list as they read for one state (see
/// [`Cond::for_country`]): those that hold whatever happens are left out.
pub fn conds_for(conds: &[Cond], me: CountryId) -> Vec<Cond> {
    conds.iter().filter_map(|c| c.for_country(me)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::Var;

    #[test]
    fn a_clause_for_other_states_is_left_out_and_ones_own_is_its_bar() {
        let (me, other) = (CountryId::from_index(0), CountryId::from_index(1));
        let bar = Cond::AtLeast(Var::Autonomy, 68.0);
        let clause = Cond::Any(vec![
            Cond::Not(Box::new(Cond::Country(vec![me]))),
            bar.clone(),
        ]);
        assert_eq!(clause.for_country(me), Some(bar.clone()));
        assert_eq!(clause.for_country(other), None);
        let only_others = Cond::Country(vec![other]);
        assert_eq!(only_others.for_country(me), Some(Cond::Any(Vec::new())));
        let kept = Cond::Not(Box::new(bar.clone()));
        assert_eq!(kept.for_country(me), Some(kept.clone()));
        let list = [clause, bar.clone()];
        assert_eq!(conds_for(&list, other), vec![bar]);
    }
}
