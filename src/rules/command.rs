//! Commands: what the player can do. Each is checked first ([`check`], which
//! says why it is illegal), then applied ([`apply`], which returns what it
//! recorded). A refused command changes nothing.

use serde::{Deserialize, Serialize};
use thiserror::Error;

use super::book::Book;
use super::defs::ChoiceDef;
use super::grammar::Cond;
use super::ids::{ActionId, Ids, Resolved};
use super::record::{Cause, LogEntry, Note};
use super::state::{Decision, State};
use super::types::Var;

/// What the player can do.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(bound = "")]
pub enum Command<I: Ids = Resolved> {
    /// Plan an action for this turn: its capital is spent now, its effects
    /// land when the turn ends.
    Plan(I::Action),
    /// Take back a planned action (its capital is refunded).
    Unplan(I::Action),
    /// Take back the last action planned this turn.
    Undo,
    /// End the turn: projects, reactions, drift, events, scores.
    EndTurn,
    /// Answer the first pending decision with the choice of this index.
    Choose(usize),
}

impl Copy for Command<Resolved> {}

/// Why a command cannot be carried out now.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum Illegal {
    #[error("the game is over")]
    GameOver,
    #[error("a decision is waiting: answer it first")]
    DecisionPending,
    #[error("no decision is waiting")]
    NoDecision,
    #[error("no such choice: {0}")]
    NoSuchChoice(usize),
    /// The first unmet condition of the choice, described.
    #[error("that choice requires {0}")]
    ChoiceUnavailable(String),
    #[error("not enough diplomatic capital: needs {need}, {have} left")]
    NotEnoughCapital { need: u32, have: u32 },
    #[error("already planned this turn")]
    AlreadyPlanned,
    #[error("not planned this turn")]
    NotPlanned,
    /// The turn, counted from 0, from which the action can be taken again.
    #[error("not available until turn {}", .0 + 1)]
    Cooldown(u32),
    #[error("can be done only once, and it has been")]
    AlreadyUsed,
    #[error("this project is already under way")]
    ProjectRunning,
    /// The first unmet condition, described.
    #[error("requires {0}")]
    Requirements(String),
    #[error("nothing to undo")]
    NothingToUndo,
}

/// Checks whether a command can be carried out now, and why not.
pub fn check(state: &State, book: &Book, command: &Command) -> Result<(), Illegal> {
    if state.outcome.is_some() {
        return Err(Illegal::GameOver);
    }
    match *command {
        Command::Plan(id) => check_action(state, book, id),
        Command::Unplan(id) => {
            no_decision(state)?;
            if state.planned.contains(&id) {
                Ok(())
            } else {
                Err(Illegal::NotPlanned)
            }
        }
        Command::Undo => {
            no_decision(state)?;
            state
                .planned
                .last()
                .map(|_| ())
                .ok_or(Illegal::NothingToUndo)
        }
        Command::EndTurn => no_decision(state),
        Command::Choose(i) => check_choice(state, book, i),
    }
}

fn no_decision(state: &State) -> Result<(), Illegal> {
    if state.pending.is_empty() {
        Ok(())
    } else {
        Err(Illegal::DecisionPending)
    }
}

/// Whether an action can be planned now (what [`check_action`] says,
/// without the words).
pub fn can_plan(state: &State, book: &Book, id: ActionId) -> bool {
    let a = book.action(id);
    state.outcome.is_none()
        && state.pending.is_empty()
        && !state.planned.contains(&id)
        && !(a.once && state.was_used(id))
        && state.cooldown_until(id).is_none()
        && !(a.duration > 0 && state.projects.iter().any(|p| p.action == id))
        && a.cost <= state.capital
        && state.holds_all(&a.requires)
}

/// Checks whether an action can be planned now, and why not.
pub fn check_action(state: &State, book: &Book, id: ActionId) -> Result<(), Illegal> {
    if state.outcome.is_some() {
        return Err(Illegal::GameOver);
    }
    no_decision(state)?;
    let a = book.action(id);
    if state.planned.contains(&id) {
        return Err(Illegal::AlreadyPlanned);
    }
    if a.once && state.was_used(id) {
        return Err(Illegal::AlreadyUsed);
    }
    if let Some(t) = state.cooldown_until(id) {
        return Err(Illegal::Cooldown(t));
    }
    if a.duration > 0 && state.projects.iter().any(|p| p.action == id) {
        return Err(Illegal::ProjectRunning);
    }
    if let Some(c) = a.requires.iter().find(|c| !state.holds(c)) {
        return Err(Illegal::Requirements(book.describe(c)));
    }
    if a.cost > state.capital {
        return Err(Illegal::NotEnoughCapital {
            need: a.cost,
            have: state.capital,
        });
    }
    Ok(())
}

/// The choices of an event or a power's offer (a ladder's are not content).
pub(super) fn choices_of(book: &Book, d: Decision) -> Option<&[ChoiceDef]> {
    match d {
        Decision::Event(id) => Some(&book.event(id).choices),
        Decision::Offer(id) => Some(&book.power_move(id).choices),
        Decision::Ladder(..) => None,
    }
}

/// The first condition of a choice that does not hold now: what locks it.
fn unmet<'c>(state: &State, choice: &'c ChoiceDef) -> Option<&'c Cond> {
    choice.requires.iter().find(|c| !state.holds(c))
}

fn check_choice(state: &State, book: &Book, i: usize) -> Result<(), Illegal> {
    let Some(&d) = state.pending.first() else {
        return Err(Illegal::NoDecision);
    };
    match choices_of(book, d) {
        Some(choices) => {
            let c = choices.get(i).ok_or(Illegal::NoSuchChoice(i))?;
            match unmet(state, c) {
                Some(unmet) => Err(Illegal::ChoiceUnavailable(book.describe(unmet))),
                None => Ok(()),
            }
        }
        None if i > 1 => Err(Illegal::NoSuchChoice(i)),
        None => Ok(()),
    }
}

/// The indices of the open (not locked) choices of the first pending
/// decision: those of [`decision_choices`] without a reason, without
/// their words.
pub fn open_choices(state: &State, book: &Book) -> Vec<usize> {
    let Some(&d) = state.pending.first() else {
        return Vec::new();
    };
    match choices_of(book, d) {
        Some(choices) => (0..choices.len())
            .filter(|&i| unmet(state, &choices[i]).is_none())
            .collect(),
        None if matches!(d, Decision::Ladder(..)) => vec![0, 1],
        None => Vec::new(),
    }
}

/// The choices open in the first pending decision, as (label, why it is
/// locked: `None` when it is open).
pub fn decision_choices(state: &State, book: &Book) -> Vec<(String, Option<String>)> {
    let Some(&d) = state.pending.first() else {
        return Vec::new();
    };
    match (choices_of(book, d), d) {
        (Some(choices), _) => choices
            .iter()
            .map(|c| {
                let locked = unmet(state, c);
                (c.label.clone(), locked.map(|c| book.describe(c)))
            })
            .collect(),
        (None, Decision::Ladder(p, _)) => vec![
            (format!("Back down before {}", p.name()), None),
            ("Hold firm".to_string(), None),
        ],
        (None, _) => Vec::new(),
    }
}

/// Checks, then carries out a command. On success the state has moved on
/// and the record has grown by what is returned; on error nothing changed.
pub fn apply<'s>(
    state: &'s mut State,
    book: &Book,
    command: &Command,
) -> Result<&'s [LogEntry], Illegal> {
    check(state, book, command)?;
    let mark = state.log.len();
    state.story = state.turn;
    match *command {
        Command::Plan(id) => {
            let cost = book.action(id).cost;
            let left = state.capital - cost;
            state.set(book, Var::Capital, f64::from(left), Cause::Plan(id));
            state.planned.push(id);
        }
        Command::Unplan(id) => state.unplan(book, id),
        Command::Undo => {
            if let Some(&id) = state.planned.last() {
                state.unplan(book, id);
            }
        }
        Command::EndTurn => state.end_turn(book),
        Command::Choose(i) => state.choose(book, i),
    }
    Ok(&state.log[mark..])
}

impl State {
    fn unplan(&mut self, book: &Book, id: ActionId) {
        self.planned.retain(|&p| p != id);
        let refund = self.capital + book.action(id).cost;
        self.set(book, Var::Capital, f64::from(refund), Cause::Unplan(id));
    }

    pub(super) fn choose(&mut self, book: &Book, i: usize) {
        let Some(decision) = self.pending.first().copied() else {
            return;
        };
        self.pending.remove(0);
        match decision {
            Decision::Event(id) => {
                let index = u8::try_from(i).unwrap_or(u8::MAX);
                let cause = Cause::Choice(id, index);
                self.note(cause, Note::Choice(id, index));
                if let Some(c) = book.event(id).choices.get(i) {
                    self.apply_all(book, &c.effects, cause);
                }
            }
            Decision::Offer(id) => {
                let index = u8::try_from(i).unwrap_or(u8::MAX);
                let cause = Cause::Answer(id, index);
                self.note(cause, Note::Answer(id, index));
                if let Some(c) = book.power_move(id).choices.get(i) {
                    self.apply_all(book, &c.effects, cause);
                }
            }
            Decision::Ladder(p, _) if i == 0 => self.back_down(book, p),
            Decision::Ladder(p, _) => self.note(Cause::Hold(p), Note::Hold(p)),
        }
        self.amend_snapshot();
        self.check_ending(book);
    }
}
