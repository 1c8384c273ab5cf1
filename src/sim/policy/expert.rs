//! `expert`: looks ahead by rollouts, the stand-in for a strong player.
//!
//! At its first decision it chooses a way of playing: each policy that
//! looks no further than the turn (hedger, article, the four
//! `<power>-first`) is played from there to the end [`CHOOSING`] times, and
//! the one whose games end best is followed. Then, at each decision, it
//! weighs candidates against what that way would do: for a turn, the plans
//! of the other policies, two variants of its own (plan nothing and save
//! the capital; its plan without its last action), and each long move it
//! can make now (a project or a once-only step) put first, with its own
//! plan after as far as the capital lasts; for a decision, every open
//! answer. Each candidate is played [`ROLLOUTS`] times to the end,
//! followed by the chosen way, and it replaces the chosen way's own move
//! only when it does better by more than its rollouts' error (one standard
//! error of the paired differences): a rollout improvement that does not
//! chase noise. A game ends best with the best ending, then with the
//! highest final score.
//!
//! Deterministic: the rollouts are seeded from the game's seed, the turn
//! and the rollout's number, and every candidate is played out with the same
//! seeds (common random numbers), so that candidates are compared on the
//! same futures rather than on luck.

use super::{Player, Policy};
use crate::rules::{ActionId, Book, Command, State, apply, can_plan};
use crate::sim::play_out;

/// How many games each candidate is played out.
pub(crate) const ROLLOUTS: u32 = 8;
/// How many games each way of playing is played out when the expert
/// chooses one.
pub(crate) const CHOOSING: u32 = 16;
/// What reaching the best ending is worth, against final score points.
const WIN: f64 = 100.0;

/// What the expert remembers of a game: the way of playing it follows.
#[derive(Debug, Clone, Default)]
pub(crate) struct Mind {
    follow: Option<Policy>,
}

impl Mind {
    /// The way of playing followed, chosen at the first call.
    fn follow(&mut self, state: &State, book: &Book) -> Policy {
        self.follow
            .get_or_insert_with(|| {
                let ways: Vec<Candidate> = Policy::BASES
                    .into_iter()
                    .map(|then| Candidate {
                        now: Vec::new(),
                        then,
                    })
                    .collect();
                let worths = weigh(state, book, &ways, CHOOSING);
                let best = (0..ways.len())
                    .max_by(|&a, &b| {
                        mean(&worths[a])
                            .total_cmp(&mean(&worths[b]))
                            .then(b.cmp(&a))
                    })
                    .unwrap_or(0);
                ways[best].then.clone()
            })
            .clone()
    }
}

/// A candidate: commands to give now, and the policy that plays on.
struct Candidate {
    now: Vec<Command>,
    then: Policy,
}

pub(crate) fn plan(mind: &mut Mind, state: &State, book: &Book) -> Vec<ActionId> {
    let follow = mind.follow(state, book);
    let own = Player::new(follow.clone(), state.seed()).plan(state, book);
    let mut plans = vec![own.clone()];
    for base in Policy::BASES.into_iter().filter(|b| *b != follow) {
        add(
            &mut plans,
            Player::new(base, state.seed()).plan(state, book),
        );
    }
    add(&mut plans, Vec::new());
    if own.len() > 1 {
        add(&mut plans, own[..own.len() - 1].to_vec());
    }
    // Long moves the greedy ways undervalue (projects, once-only steps):
    // each one first, then the own plan as far as the capital lasts.
    for id in book.action_ids() {
        let a = book.action(id);
        if (a.duration > 0 || a.once) && !own.contains(&id) && can_plan(state, book, id) {
            let mut capital = state.capital() - a.cost;
            let mut plan = vec![id];
            for &o in &own {
                let cost = book.action(o).cost;
                if cost <= capital {
                    capital -= cost;
                    plan.push(o);
                }
            }
            add(&mut plans, plan);
        }
    }
    let candidates: Vec<Candidate> = plans
        .iter()
        .map(|plan| Candidate {
            now: plan
                .iter()
                .map(|&a| Command::Plan(a))
                .chain([Command::EndTurn])
                .collect(),
            then: follow.clone(),
        })
        .collect();
    let best = improve(state, book, &candidates);
    plans.swap_remove(best)
}

pub(crate) fn choose(mind: &mut Mind, state: &State, book: &Book, open: &[usize]) -> usize {
    let follow = mind.follow(state, book);
    let own = Player::new(follow.clone(), state.seed()).choose(state, book);
    let mut answers = vec![own];
    answers.extend(open.iter().copied().filter(|&i| i != own));
    let candidates: Vec<Candidate> = answers
        .iter()
        .map(|&i| Candidate {
            now: vec![Command::Choose(i)],
            then: follow.clone(),
        })
        .collect();
    answers[improve(state, book, &candidates)]
}

/// Adds a plan unless the same actions are there already.
fn add(plans: &mut Vec<Vec<ActionId>>, plan: Vec<ActionId>) {
    let sorted = |p: &[ActionId]| {
        let mut k = p.to_vec();
        k.sort_unstable();
        k
    };
    let key = sorted(&plan);
    if !plans.iter().any(|p| sorted(p) == key) {
        plans.push(plan);
    }
}

/// The candidate to take: the first (the chosen way's own move) unless
/// another does better on the same rollouts by more than one standard
/// error of the paired differences.
fn improve(state: &State, book: &Book, candidates: &[Candidate]) -> usize {
    if candidates.len() < 2 {
        return 0;
    }
    let worths = weigh(state, book, candidates, ROLLOUTS);
    let mut best = (0, 0.0);
    for (i, w) in worths.iter().enumerate().skip(1) {
        let diffs: Vec<f64> = w.iter().zip(&worths[0]).map(|(a, b)| a - b).collect();
        let (m, se) = mean_and_error(&diffs);
        if m > se && m > best.1 {
            best = (i, m);
        }
    }
    best.0
}

/// Each candidate's worth in each of `n` rollouts (the same seeds for all).
fn weigh(state: &State, book: &Book, candidates: &[Candidate], n: u32) -> Vec<Vec<f64>> {
    candidates
        .iter()
        .map(|c| {
            (0..n)
                .map(|k| rollout(state, book, c, rollout_seed(state, k)))
                .collect()
        })
        .collect()
}

fn mean(xs: &[f64]) -> f64 {
    xs.iter().sum::<f64>() / xs.len().max(1) as f64
}

/// The mean and its standard error.
fn mean_and_error(xs: &[f64]) -> (f64, f64) {
    let (m, sd) = crate::sim::summary::mean_std(xs.iter().copied());
    (m, sd / (xs.len().max(1) as f64).sqrt())
}

/// The seed of rollout `k` from this point of the game.
fn rollout_seed(state: &State, k: u32) -> u64 {
    let turn = u64::from(state.turn());
    state
        .seed()
        .wrapping_mul(0x2545_F491_4F6C_DD1D)
        .wrapping_add((turn << 32) | u64::from(k))
}

/// One game played out from here: the candidate's commands, then its policy.
fn rollout(state: &State, book: &Book, c: &Candidate, seed: u64) -> f64 {
    let mut s = lookahead(state, seed);
    for command in &c.now {
        if apply(&mut s, book, command).is_err() {
            return -WIN;
        }
    }
    play_out(&mut s, book, &mut Player::new(c.then.clone(), seed));
    worth(&s, book)
}

/// A copy of the game to look ahead in, its chance drawn anew from the
/// rollout's seed: the expert weighs what may happen, never what the game
/// will draw.
fn lookahead(state: &State, seed: u64) -> State {
    state.reseeded(seed)
}

/// How well a game played out ended.
fn worth(state: &State, book: &Book) -> f64 {
    match state.outcome() {
        Some(o) if book.ending(o.ending).best => WIN + o.score,
        Some(o) => o.score,
        None => -WIN,
    }
}
