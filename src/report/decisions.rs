//! The player's decisions in words, for a report: the actions that took
//! effect each turn, and the answers to events and crisis ladders.

use crate::rules::{ActionId, Book, Cause, Command, Decision, Game};

use super::DecisionLine;
use super::debrief::cause_label;

/// The player's decisions in words, read from the recorded commands. The
/// actions of a turn are those still planned when it ended (an action taken
/// back never happened). What an answer answered is found by playing the
/// decisions again from the start.
pub(super) fn decisions(book: &Book, game: &Game) -> Vec<DecisionLine> {
    let start = game.start();
    let mut again = Game::at(
        book,
        start.scenario,
        start.country,
        start.seed,
        start.difficulty,
    )
    .ok();
    let mut planned: Vec<(u32, ActionId)> = Vec::new();
    let mut lines = Vec::new();
    let action = |turn, kind, id: ActionId| DecisionLine {
        turn,
        kind,
        text: cause_label(book, &Cause::Action(id)),
    };
    for d in game.decisions() {
        match d.command {
            Command::Plan(id) => planned.push((d.turn.saturating_add(1), id)),
            Command::Unplan(id) => planned.retain(|(_, p)| *p != id),
            Command::Undo => {
                planned.pop();
            }
            Command::EndTurn => {
                lines.extend(
                    planned
                        .drain(..)
                        .map(|(turn, id)| action(turn, "action", id)),
                );
            }
            Command::Choose(i) => {
                let pending = again
                    .as_ref()
                    .and_then(|g| g.state().pending().first().copied());
                lines.push(answer(book, d.turn.max(1), pending.as_ref(), i));
            }
        }
        if let Some(g) = again.as_mut() {
            if g.apply(book, d.command).is_err() {
                again = None;
            }
        }
    }
    lines.extend(planned.into_iter().map(|(turn, id)| {
        let mut line = action(turn, "planned", id);
        line.text.push_str(" (planned; the turn has not ended)");
        line
    }));
    lines
}

fn answer(book: &Book, turn: u32, pending: Option<&Decision>, i: usize) -> DecisionLine {
    let (kind, text) = match pending {
        Some(Decision::Event(id)) => {
            let i = u8::try_from(i).unwrap_or(u8::MAX);
            ("event", cause_label(book, &Cause::Choice(*id, i)))
        }
        Some(Decision::Offer(id)) => {
            let i = u8::try_from(i).unwrap_or(u8::MAX);
            ("offer", cause_label(book, &Cause::Answer(*id, i)))
        }
        Some(Decision::Ladder(p, step)) => {
            let (kind, cause) = if i == 0 {
                ("back_down", Cause::BackDown(*p))
            } else {
                ("hold", Cause::Hold(*p))
            };
            let label = cause_label(book, &cause);
            (kind, format!("{label} (at the {} step)", step.name()))
        }
        None => (
            "event",
            format!(
                "Choice {} of a decision that replaying the save does not reach",
                i + 1
            ),
        ),
    };
    DecisionLine { turn, kind, text }
}
