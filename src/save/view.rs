//! The state as a save shows it: every number and fact a student may want
//! to read, by name. It is what the player saw; it is never trusted. A
//! loaded game is rebuilt from its decisions, and its view compared with
//! this one.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::rules::{
    Book, CorridorStatus, Decision, Domain, LadderStep, Power, Snapshot, Stage, State,
};

/// A power's standing with the player.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PowerView {
    pub proximity: f64,
    pub tolerance: f64,
    pub strain: f64,
    pub ladder: LadderStep,
}

/// A project under way: done turns of all.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProjectView {
    pub action: String,
    pub done: u32,
    pub duration: u32,
}

/// The state at the moment of saving, by name.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StateView {
    pub country: String,
    /// Turns played (0 at the start).
    pub turn: u32,
    pub turns: u32,
    /// The quarter being played, e.g. "2027 Q3".
    pub date: String,
    /// The ending's id, once the game is over.
    pub outcome: Option<String>,
    pub score: Option<f64>,
    pub autonomy: f64,
    pub leverage: f64,
    pub stability: f64,
    pub capital: u32,
    pub capital_per_turn: u32,
    pub assets: f64,
    pub powers: BTreeMap<Power, PowerView>,
    /// Shares of each domain: Russia, China, Turkey, EU, other.
    pub shares: BTreeMap<Domain, [u8; 5]>,
    pub world: BTreeMap<crate::rules::WorldVar, f64>,
    pub flags: Vec<String>,
    pub situations: Vec<String>,
    pub corridors: BTreeMap<String, CorridorStatus>,
    pub tracks: BTreeMap<String, Stage>,
    pub projects: Vec<ProjectView>,
    pub planned: Vec<String>,
    /// Decisions waiting for the player, in words.
    pub pending: Vec<String>,
    /// The scores at the end of each turn, from the opening position.
    pub history: Vec<Snapshot>,
}

impl StateView {
    pub fn of(book: &Book, s: &State) -> StateView {
        let outcome = s.outcome();
        StateView {
            country: book.country(s.country()).id.clone(),
            turn: s.turn(),
            turns: s.turns(),
            date: s.date_label(),
            outcome: outcome.map(|o| book.ending(o.ending).id.clone()),
            score: outcome.map(|o| o.score),
            autonomy: s.autonomy(),
            leverage: s.leverage(),
            stability: s.stability(),
            capital: s.capital(),
            capital_per_turn: s.capital_per_turn(),
            assets: s.assets(),
            powers: Power::ALL
                .into_iter()
                .map(|p| {
                    let ps = s.power(p);
                    let v = PowerView {
                        proximity: ps.proximity,
                        tolerance: ps.tolerance,
                        strain: ps.strain,
                        ladder: ps.ladder,
                    };
                    (p, v)
                })
                .collect(),
            shares: Domain::ALL
                .into_iter()
                .map(|d| (d, s.shares(d).row()))
                .collect(),
            world: crate::rules::WorldVar::ALL
                .into_iter()
                .map(|w| (w, s.world(w)))
                .collect(),
            flags: s.flags().map(|f| book.flag_key(f).to_string()).collect(),
            situations: s
                .situations_in_force()
                .map(|x| book.situation(x).id.clone())
                .collect(),
            corridors: s
                .corridors()
                .map(|(c, st)| (book.corridor_key(c).to_string(), st))
                .collect(),
            tracks: s
                .tracks()
                .iter()
                .enumerate()
                .map(|(i, st)| (book.world.tracks[i].id.clone(), *st))
                .collect(),
            projects: s
                .projects()
                .iter()
                .map(|p| ProjectView {
                    action: book.action(p.action).id.clone(),
                    done: p.done,
                    duration: p.duration,
                })
                .collect(),
            planned: s
                .planned()
                .iter()
                .map(|a| book.action(*a).id.clone())
                .collect(),
            pending: s
                .pending()
                .iter()
                .map(|d| match d {
                    Decision::Event(e) => format!("event {}", book.event(*e).id),
                    Decision::Offer(m) => format!("offer {}", book.power_move(*m).id),
                    Decision::Ladder(p, step) => format!("{} {}", p.id(), step.name()),
                })
                .collect(),
            history: s.history().to_vec(),
        }
    }

    /// Whether the game it shows is over.
    pub fn ended(&self) -> bool {
        self.outcome.is_some()
    }

    /// The first turn at which two views of a game differ: the first turn
    /// whose scores differ, else the current turn if anything else does.
    pub fn first_difference(&self, other: &StateView) -> Option<u32> {
        for (x, y) in self.history.iter().zip(&other.history) {
            if x != y {
                return Some(x.turn.min(y.turn));
            }
        }
        if self.history.len() != other.history.len() {
            return Some(self.history.len().min(other.history.len()) as u32);
        }
        (self != other).then(|| self.turn.min(other.turn))
    }
}
