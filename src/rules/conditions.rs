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

    /// How many domains have one power over `share` percent.
    pub fn dominated_domains(&self, share: f64) -> u32 {
        self.shares
            .iter()
            .filter(|row| row.powers().iter().any(|&s| f64::from(s) > share))
            .count() as u32
    }
}
