//! Built-in players for the simulator: a random one, a hedger that balances
//! the powers, and one that aligns with each single power.

use rand::{Rng, RngCore, SeedableRng};
use rand_chacha::ChaCha8Rng;

use crate::rules::preview::{Preview, preview, preview_action};
use crate::rules::{
    ActionId, Book, Command, Decision, LadderStep, Power, State, can_plan, decision_choices,
};

/// A built-in policy.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Policy {
    Random,
    Hedger,
    First(Power),
}

impl Policy {
    pub const ALL: [Policy; 6] = [
        Policy::Random,
        Policy::Hedger,
        Policy::First(Power::Russia),
        Policy::First(Power::China),
        Policy::First(Power::Turkey),
        Policy::First(Power::Eu),
    ];

    pub fn id(self) -> &'static str {
        match self {
            Policy::Random => "random",
            Policy::Hedger => "hedger",
            Policy::First(Power::Russia) => "russia-first",
            Policy::First(Power::China) => "china-first",
            Policy::First(Power::Turkey) => "turkey-first",
            Policy::First(Power::Eu) => "eu-first",
        }
    }

    pub fn from_id(id: &str) -> Option<Policy> {
        Policy::ALL.into_iter().find(|p| p.id() == id)
    }
}

/// A policy playing one game, with its own generator (seeded from the
/// game's seed, so that runs repeat).
pub struct Player {
    policy: Policy,
    rng: ChaCha8Rng,
}

impl Player {
    pub fn new(policy: Policy, seed: u64) -> Player {
        Player {
            policy,
            rng: ChaCha8Rng::seed_from_u64(seed ^ 0x9e37_79b9_7f4a_7c15),
        }
    }

    /// The actions to plan this turn, in order.
    pub fn plan(&mut self, state: &State, book: &Book) -> Vec<ActionId> {
        match self.policy {
            Policy::Random => self.plan_random(state, book),
            policy => plan_greedy(state, book, policy),
        }
    }

    /// The answer to the first pending decision.
    pub fn choose(&mut self, state: &State, book: &Book) -> usize {
        let options: Vec<usize> = decision_choices(state, book)
            .iter()
            .enumerate()
            .filter(|(_, (_, locked))| locked.is_none())
            .map(|(i, _)| i)
            .collect();
        if options.is_empty() {
            return 0;
        }
        match (self.policy, state.pending().first()) {
            (Policy::Random, _) => options[self.rng.random_range(0..options.len())],
            (policy, Some(Decision::Ladder(p, step))) => ladder_answer(state, policy, *p, *step),
            (policy, Some(Decision::Event(_) | Decision::Offer(_))) => {
                options
                    .into_iter()
                    .filter_map(|i| {
                        let pv = preview(state, book, &Command::Choose(i)).ok()?;
                        Some((i, value(state, &pv, policy)))
                    })
                    .fold((0, f64::NEG_INFINITY), |best, (i, v)| {
                        if v > best.1 { (i, v) } else { best }
                    })
                    .0
            }
            (_, None) => 0,
        }
    }

    fn plan_random(&mut self, state: &State, book: &Book) -> Vec<ActionId> {
        let mut capital = state.capital();
        let mut planned = Vec::new();
        for _ in 0..4 {
            if self.rng.next_u32() % 4 == 0 {
                break;
            }
            let legal: Vec<ActionId> = book
                .action_ids()
                .filter(|&a| book.action(a).cost <= capital && !planned.contains(&a))
                .filter(|&a| can_plan(state, book, a))
                .collect();
            if legal.is_empty() {
                break;
            }
            let pick = legal[self.rng.random_range(0..legal.len())];
            capital -= book.action(pick).cost;
            planned.push(pick);
        }
        planned
    }
}

/// How a policy values a previewed change.
fn value(state: &State, pv: &Preview, policy: Policy) -> f64 {
    let stability_weight = if state.stability() < 40.0 { 1.2 } else { 0.25 };
    match policy {
        Policy::Hedger | Policy::Random => {
            let provocation: f64 = Power::ALL
                .iter()
                .map(|p| (pv.strain[p.index()] - 0.85 * state.tolerance(*p)).max(0.0))
                .sum();
            // Leverage past the best ending's bar is worth little; autonomy always counts.
            let leverage_weight = if state.leverage() < 75.0 { 0.8 } else { 0.2 };
            1.5 * pv.autonomy + leverage_weight * pv.leverage + stability_weight * pv.stability
                - 0.6 * provocation
        }
        Policy::First(p) => {
            let share: f64 = pv
                .changes()
                .iter()
                .filter(|(v, _)| matches!(v, crate::rules::Var::Share(_, h) if *h == p.holder()))
                .map(|(_, d)| d)
                .sum();
            pv.proximity[p.index()] + 0.8 * share + stability_weight * pv.stability
        }
    }
}

/// Greedy planning: take the action worth most per capital point, while it is worth anything.
fn plan_greedy(state: &State, book: &Book, policy: Policy) -> Vec<ActionId> {
    let mut capital = state.capital();
    let mut planned = Vec::new();
    let mut scored: Vec<(f64, ActionId, u32)> = book
        .action_ids()
        .filter(|&a| can_plan(state, book, a))
        .map(|id| {
            let a = book.action(id);
            let pv = preview_action(state, book, id);
            let mut v = value(state, &pv, policy);
            if let Policy::First(p) = policy {
                if a.power == Some(p) {
                    v += 3.0;
                } else if a.power.is_some() {
                    v -= 2.0;
                }
            }
            (v / f64::from(a.cost.max(1)), id, a.cost)
        })
        .filter(|(v, _, _)| *v > 0.05)
        .collect();
    scored.sort_by(|a, b| {
        b.0.total_cmp(&a.0)
            .then_with(|| book.action(a.1).id.cmp(&book.action(b.1).id))
    });
    for (_, id, cost) in scored {
        if cost <= capital {
            capital -= cost;
            planned.push(id);
        }
    }
    planned
}

/// Back down (0) or hold (1).
fn ladder_answer(state: &State, policy: Policy, p: Power, step: LadderStep) -> usize {
    match policy {
        Policy::First(q) if q == p => 0,
        Policy::First(_) => 1,
        _ => {
            if state.stability() < 35.0 || step >= LadderStep::Pressure {
                0
            } else {
                1
            }
        }
    }
}
