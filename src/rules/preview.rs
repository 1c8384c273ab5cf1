//! Previews: what an action or a choice would likely do, computed on a
//! scratch copy of the state, for the screens and the simulator's policies.

use super::book::Book;
use super::defs::Effect;
use super::state::{Cause, State};
use super::types::{Domain, Power, Var};

/// The likely direct consequences of some effects.
#[derive(Debug, Clone, PartialEq)]
pub struct Preview {
    pub autonomy: f64,
    pub leverage: f64,
    pub stability: f64,
    /// Change of proximity per power.
    pub proximity: [f64; 4],
    /// Estimated strain per power after the change, against its tolerance.
    pub strain: [f64; 4],
    /// Every number the effects move, with how much (share points, proximity...).
    pub changes: Vec<(Var, f64)>,
}

impl Preview {
    /// Whether the change would likely push a power past its tolerance.
    pub fn provokes(&self, state: &State) -> Vec<Power> {
        Power::ALL
            .into_iter()
            .filter(|p| self.strain[p.index()] > state.tolerance(*p))
            .collect()
    }
}

impl State {
    /// A copy without the log, history and bookkeeping, for trying things out.
    fn scratch(&self) -> State {
        State {
            scenario: self.scenario.clone(),
            country: self.country.clone(),
            seed: self.seed,
            rng: self.rng.clone(),
            turn: self.turn,
            turns: self.turns,
            start_year: self.start_year,
            start_quarter: self.start_quarter,
            powers: self.powers.clone(),
            shares: self.shares,
            structure: self.structure,
            world: self.world,
            stability: self.stability,
            capital: self.capital,
            capital_per_turn: self.capital_per_turn,
            assets: self.assets,
            leverage_bonus: self.leverage_bonus,
            autonomy: self.autonomy,
            leverage: self.leverage,
            flags: self.flags.clone(),
            corridors: self.corridors.clone(),
            tracks: self.tracks.clone(),
            projects: Vec::new(),
            delayed: Vec::new(),
            planned: Vec::new(),
            cooldowns: Default::default(),
            used: Default::default(),
            fired: Default::default(),
            fired_last: Vec::new(),
            pending: Vec::new(),
            history: Vec::new(),
            log: Vec::new(),
            outcome: None,
            deck: None,
            scripted: Vec::new(),
        }
    }
}

/// Expands delayed and spread effects so that a preview shows their whole weight.
fn flatten(effects: &[Effect], out: &mut Vec<Effect>) {
    for e in effects {
        match e {
            Effect::Later(_, inner) | Effect::Over(_, inner) => flatten(inner, out),
            other => out.push(other.clone()),
        }
    }
}

/// What these effects would do if they all landed now.
pub fn preview_effects(state: &State, book: &Book, effects: &[Effect]) -> Preview {
    let mut s = state.scratch();
    let mut flat = Vec::new();
    flatten(effects, &mut flat);
    s.apply_all(book, &flat, &Cause::Turn);
    s.refresh_scores();
    let proximity = Power::ALL.map(|p| s.proximity(p) - state.proximity(p));
    let gains = proximity.map(|g| g.max(0.0));
    let strain = Power::ALL.map(|p| {
        let rivals: f64 = book
            .power(p)
            .rivals
            .iter()
            .map(|(q, w)| w * gains[q.index()])
            .sum();
        // As the turn's end weighs it: in full, before it fades.
        s.power(p).strain + rivals - 0.5 * gains[p.index()]
    });
    let mut changes: Vec<(Var, f64)> = Vec::new();
    for entry in &s.log {
        if let super::state::Entry::Change { var, before, after } = &entry.entry {
            match changes.iter_mut().find(|(v, _)| v == var) {
                Some((_, d)) => *d += after - before,
                None => changes.push((var.clone(), after - before)),
            }
        }
    }
    changes.retain(|(v, d)| d.abs() > 1e-9 && !matches!(v, Var::Leverage));
    Preview {
        autonomy: s.autonomy - state.autonomy,
        leverage: s.leverage - state.leverage,
        stability: s.stability - state.stability,
        proximity,
        strain,
        changes,
    }
}

/// What an action would likely do: its immediate effects and, for a
/// project, what it brings when complete.
pub fn preview_action(state: &State, book: &Book, id: &str) -> Option<Preview> {
    let a = book.action(id)?;
    let mut all = a.effects.clone();
    for _ in 0..a.duration {
        all.extend(a.each_turn.iter().cloned());
    }
    all.extend(a.on_complete.iter().cloned());
    Some(preview_effects(state, book, &all))
}

/// The share points of each domain held by a power, for policies.
pub fn power_shares(state: &State, p: Power) -> u32 {
    Domain::ALL
        .iter()
        .map(|d| u32::from(state.share(*d, p.holder())))
        .sum()
}
