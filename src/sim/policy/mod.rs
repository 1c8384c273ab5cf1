//! Built-in players for the simulator, each a way people play:
//! - `random`: any legal action, any answer;
//! - `hedger`: balances the four powers (autonomy, leverage, stability);
//! - `russia-first`, `china-first`, `turkey-first`, `eu-first`: plays one
//!   power as well as it can (its closeness and its shares);
//! - `article`: follows the essay's advice (Turkey while it is coupled to
//!   Europe, Brussels directly when that stalls, Russia under its red lines,
//!   China's infrastructure without its finance passing half);
//! - `expert`: looks ahead by rollouts, the stand-in for a strong player;
//! - `fixed:ID,ID,…`: a checklist of actions in priority order.

mod article;
mod expert;
mod fixed;
mod greedy;

use std::sync::Arc;

use rand::{Rng, RngCore, SeedableRng};
use rand_chacha::ChaCha8Rng;

pub(crate) use crate::rules::open_choices;
use crate::rules::preview::Bench;
use crate::rules::{ActionId, Book, Decision, Power, State, can_plan};

pub use fixed::Checklist;

/// A policy: how a simulated player plans and answers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Policy {
    Random,
    Hedger,
    First(Power),
    Article,
    Expert,
    Fixed(Checklist),
}

impl Policy {
    /// Every built-in policy (a checklist is not built in: anyone writes one).
    pub const ALL: [Policy; 8] = [
        Policy::Random,
        Policy::Hedger,
        Policy::First(Power::Russia),
        Policy::First(Power::China),
        Policy::First(Power::Turkey),
        Policy::First(Power::Eu),
        Policy::Article,
        Policy::Expert,
    ];

    /// The policies that look no further than the turn being played, from
    /// which the expert takes its candidate plans and its way of playing on.
    pub(crate) const BASES: [Policy; 6] = [
        Policy::Hedger,
        Policy::Article,
        Policy::First(Power::Russia),
        Policy::First(Power::China),
        Policy::First(Power::Turkey),
        Policy::First(Power::Eu),
    ];

    pub fn id(&self) -> &str {
        match self {
            Policy::Random => "random",
            Policy::Hedger => "hedger",
            Policy::First(Power::Russia) => "russia-first",
            Policy::First(Power::China) => "china-first",
            Policy::First(Power::Turkey) => "turkey-first",
            Policy::First(Power::Eu) => "eu-first",
            Policy::Article => "article",
            Policy::Expert => "expert",
            Policy::Fixed(list) => list.id(),
        }
    }

    /// A policy by its id: a built-in one's, or `fixed:` and a
    /// comma-separated list of action ids (not yet checked against the
    /// content: see [`Policy::parse`]).
    pub fn from_id(id: &str) -> Option<Policy> {
        if let Some(list) = id.strip_prefix(fixed::PREFIX) {
            return Checklist::new(list).map(Policy::Fixed);
        }
        Policy::ALL.into_iter().find(|p| p.id() == id)
    }

    /// A policy by its id, with a checklist's actions checked against the
    /// content; the error says what is wrong and what is known.
    pub fn parse(id: &str, book: &Book) -> Result<Policy, String> {
        let Some(policy) = Policy::from_id(id) else {
            let known: Vec<&str> = Policy::ALL.iter().map(Policy::id).collect();
            return Err(format!(
                "unknown policy `{id}` (known: {}, or fixed:ID,ID,… with action ids)",
                known.join(", ")
            ));
        };
        if let Policy::Fixed(list) = &policy {
            list.resolve(book)?;
        }
        Ok(policy)
    }
}

/// A policy playing one game, with its own generator (seeded from the
/// game's seed, so that runs repeat) and what it remembers of the game.
pub struct Player {
    policy: Policy,
    rng: ChaCha8Rng,
    /// A checklist's actions, resolved against the book at the first turn
    /// (an id the book does not know is skipped: [`Policy::parse`] refuses it).
    list: Option<Arc<[ActionId]>>,
    /// The expert's memory of the game (the way of playing on it chose).
    mind: expert::Mind,
    /// Room for the previews the greedy policies read, kept from turn to turn.
    bench: Bench,
}

impl Player {
    pub fn new(policy: Policy, seed: u64) -> Player {
        Player {
            policy,
            rng: ChaCha8Rng::seed_from_u64(seed ^ 0x9e37_79b9_7f4a_7c15),
            list: None,
            mind: expert::Mind::default(),
            bench: Bench::default(),
        }
    }

    pub fn policy(&self) -> &Policy {
        &self.policy
    }

    /// The actions to plan this turn, in order.
    pub fn plan(&mut self, state: &State, book: &Book) -> Vec<ActionId> {
        match &self.policy {
            Policy::Random => self.plan_random(state, book),
            Policy::Hedger => greedy::plan(&mut self.bench, state, book, greedy::Style::Hedger),
            Policy::First(p) => {
                greedy::plan(&mut self.bench, state, book, greedy::Style::First(*p))
            }
            Policy::Article => greedy::plan(&mut self.bench, state, book, greedy::Style::Article),
            Policy::Expert => expert::plan(&mut self.mind, state, book),
            Policy::Fixed(list) => {
                let ids = self.list.get_or_insert_with(|| list.known(book).into());
                fixed::plan(ids, state, book)
            }
        }
    }

    /// The answer to the first pending decision (an open choice's index).
    pub fn choose(&mut self, state: &State, book: &Book) -> usize {
        let open = open_choices(state, book);
        let Some(&first) = open.first() else {
            return 0;
        };
        let bench = &mut self.bench;
        match &self.policy {
            Policy::Random => open[self.rng.random_range(0..open.len())],
            Policy::Fixed(_) => first,
            Policy::Expert => expert::choose(&mut self.mind, state, book, &open),
            Policy::Hedger => greedy::choose(bench, state, book, greedy::Style::Hedger, &open),
            Policy::First(p) => greedy::choose(bench, state, book, greedy::Style::First(*p), &open),
            Policy::Article => greedy::choose(bench, state, book, greedy::Style::Article, &open),
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

/// The power standing on its ladder in the first pending decision, if that
/// is what it is.
pub(crate) fn ladder_of(state: &State) -> Option<(Power, crate::rules::LadderStep)> {
    match state.pending().first() {
        Some(Decision::Ladder(p, step)) => Some((*p, *step)),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_built_in_id_parses_back() {
        for p in Policy::ALL {
            assert_eq!(Policy::from_id(p.id()), Some(p.clone()), "{}", p.id());
        }
        assert_eq!(Policy::from_id("nonsense"), None);
    }

    #[test]
    fn a_checklist_parses_and_keeps_its_id() {
        let p = Policy::from_id("fixed:visit_ankara, consolidate").unwrap();
        assert_eq!(p.id(), "fixed:visit_ankara,consolidate");
        for bad in ["fixed:", "fixed:a,,b", "fixed: ,"] {
            assert_eq!(Policy::from_id(bad), None, "{bad}");
        }
    }

    #[test]
    fn parse_names_an_unknown_action_and_an_unknown_policy() {
        let book = crate::content::builtin().unwrap();
        let err = Policy::parse("fixed:visit_ankara,visit_mars", &book).unwrap_err();
        assert!(err.contains("visit_mars"), "{err}");
        assert!(err.contains("visit_moscow"), "lists the known ones: {err}");
        let err = Policy::parse("best", &book).unwrap_err();
        assert!(err.contains("unknown policy `best`"), "{err}");
        for p in Policy::ALL {
            assert!(err.contains(p.id()), "{err}");
        }
        assert!(Policy::parse("fixed:consolidate", &book).is_ok());
    }
}
