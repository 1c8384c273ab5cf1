//! `fixed:ID,ID,…`: a checklist. Each turn it plans the listed actions in
//! priority order, each one that is legal and still affordable, and it
//! answers every decision with its first open choice. A way for anyone to
//! test whether a fixed recipe beats the game.

use std::sync::Arc;

use crate::rules::{ActionId, Book, State, can_plan};

/// How a checklist's id begins.
pub const PREFIX: &str = "fixed:";

/// A checklist of action ids, as written (checked against the content by
/// [`Checklist::resolve`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Checklist(Arc<Written>);

#[derive(Debug, PartialEq, Eq)]
struct Written {
    id: String,
    actions: Vec<String>,
}

impl Checklist {
    /// A checklist from its comma-separated action ids (spaces around them
    /// ignored); `None` when it is empty or has an empty entry.
    pub fn new(list: &str) -> Option<Checklist> {
        let actions: Vec<String> = list.split(',').map(|a| a.trim().to_string()).collect();
        if actions.iter().any(String::is_empty) {
            return None;
        }
        Some(Checklist::of(actions))
    }

    /// A checklist of these action ids.
    pub fn of(actions: Vec<String>) -> Checklist {
        let id = format!("{PREFIX}{}", actions.join(","));
        Checklist(Arc::new(Written { id, actions }))
    }

    pub fn id(&self) -> &str {
        &self.0.id
    }

    pub fn actions(&self) -> &[String] {
        &self.0.actions
    }

    /// The actions as the book knows them; the error names the first
    /// unknown one and lists the known.
    pub fn resolve(&self, book: &Book) -> Result<Vec<ActionId>, String> {
        self.0
            .actions
            .iter()
            .map(|a| {
                book.action_id(a).ok_or_else(|| {
                    let known: Vec<&str> = book.actions.iter().map(|a| a.id.as_str()).collect();
                    format!(
                        "unknown action `{a}` in the checklist (known: {})",
                        known.join(", ")
                    )
                })
            })
            .collect()
    }
}

impl Checklist {
    /// The actions the book knows, in the list's order.
    pub(super) fn known(&self, book: &Book) -> Vec<ActionId> {
        self.0
            .actions
            .iter()
            .filter_map(|a| book.action_id(a))
            .collect()
    }
}

/// The listed actions that can be planned now, in the list's order, while
/// the capital lasts.
pub(super) fn plan(list: &[ActionId], state: &State, book: &Book) -> Vec<ActionId> {
    let mut capital = state.capital();
    let mut planned = Vec::new();
    for &id in list {
        let cost = book.action(id).cost;
        if cost <= capital && !planned.contains(&id) && can_plan(state, book, id) {
            capital -= cost;
            planned.push(id);
        }
    }
    planned
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::{Command, Game, apply};

    #[test]
    fn a_checklist_plans_what_it_can_afford_in_its_order() {
        let book = crate::content::builtin().unwrap();
        let scenario = book.scenario("standard").unwrap().clone();
        let game = Game::new(&book, scenario, Some("kazakhstan"), 1).unwrap();
        let list = Checklist::new("leave_csto,visit_ankara,consolidate,visit_moscow,consolidate")
            .unwrap()
            .resolve(&book)
            .unwrap();
        // Kazakhstan starts with 6 capital: leave_csto (5) leaves 1, too
        // little for the rest.
        let ids = |names: &[&str]| -> Vec<ActionId> {
            names.iter().map(|n| book.action_id(n).unwrap()).collect()
        };
        assert_eq!(game.state().capital(), 6);
        assert_eq!(plan(&list, game.state(), &book), ids(&["leave_csto"]));
        // Without the red-line move: visit (2), consolidate (2), visit (2).
        let rest = &list[1..];
        assert_eq!(
            plan(rest, game.state(), &book),
            ids(&["visit_ankara", "consolidate", "visit_moscow"])
        );
        // Once the visit has been made, its cooldown keeps it off the plan.
        let mut s = game.state().clone();
        apply(&mut s, &book, &Command::Plan(rest[0])).unwrap();
        apply(&mut s, &book, &Command::EndTurn).unwrap();
        while !s.pending().is_empty() {
            let first = super::super::open_choices(&s, &book)[0];
            apply(&mut s, &book, &Command::Choose(first)).unwrap();
        }
        assert!(!plan(rest, &s, &book).contains(&rest[0]));
    }
}
