//! Which actions the action list offers: every one that could ever be
//! taken by the state played. An action whose conditions can never hold
//! in this game (leaving a bloc the state is not in, with nothing in the
//! content that could make it a member; an action for other states) is
//! left out rather than shown locked.

use crate::rules::defs::{Cond, Effect};
use crate::rules::ids::FlagId;
use crate::rules::{ActionId, Book, State};

/// What the content can do to flags, from any effect anywhere in it.
#[derive(Debug, Default)]
struct FlagMoves {
    set: Vec<FlagId>,
    cleared: Vec<FlagId>,
}

impl FlagMoves {
    fn of(book: &Book) -> FlagMoves {
        let mut m = FlagMoves::default();
        let mut lists: Vec<&[Effect]> = Vec::new();
        for p in &book.powers {
            lists.extend(p.ladder.iter().map(|l| l.effects.as_slice()));
            lists.push(&p.back_down);
            lists.push(&p.yields);
        }
        for a in &book.actions {
            lists.extend([&a.effects[..], &a.each_turn, &a.on_complete]);
        }
        for e in &book.events {
            lists.push(&e.effects);
            lists.extend(e.choices.iter().map(|c| c.effects.as_slice()));
        }
        for mv in &book.moves {
            lists.push(&mv.effects);
            lists.extend(mv.choices.iter().map(|c| c.effects.as_slice()));
        }
        for s in &book.world.situations {
            lists.push(&s.each_turn);
        }
        for t in &book.world.tracks {
            lists.extend([&t.on_complete[..], &t.on_stall]);
        }
        for list in lists {
            m.walk(list);
        }
        m
    }

    fn walk(&mut self, effects: &[Effect]) {
        for e in effects {
            match e {
                Effect::SetFlag(f) => self.set.push(*f),
                Effect::ClearFlag(f) => self.cleared.push(*f),
                Effect::Later(_, inner) | Effect::Over(_, inner) | Effect::When(_, inner) => {
                    self.walk(inner)
                }
                _ => {}
            }
        }
    }

    /// Whether `cond` can never hold again in this game: the state played
    /// does not change, and a flag nothing sets (or clears) stays as it is.
    fn never(&self, state: &State, cond: &Cond) -> bool {
        match cond {
            Cond::Country(ids) => !ids.contains(&state.country()),
            Cond::Flag(f) => !state.has_flag(*f) && !self.set.contains(f),
            Cond::NoFlag(f) => state.has_flag(*f) && !self.cleared.contains(f),
            Cond::Any(cs) => cs.iter().all(|c| self.never(state, c)),
            Cond::Not(c) => match c.as_ref() {
                Cond::Country(ids) => ids.contains(&state.country()),
                Cond::Flag(f) => self.never(state, &Cond::NoFlag(*f)),
                Cond::NoFlag(f) => self.never(state, &Cond::Flag(*f)),
                _ => false,
            },
            _ => false,
        }
    }
}

/// The actions the list offers, in the book's order: all but those that
/// can never be taken in this game. One planned or running stays listed.
pub fn listed(state: &State, book: &Book) -> Vec<ActionId> {
    let moves = FlagMoves::of(book);
    book.action_ids()
        .filter(|id| {
            let busy =
                state.planned().contains(id) || state.projects().iter().any(|p| p.action == *id);
            busy || !book
                .action(*id)
                .requires
                .iter()
                .any(|c| moves.never(state, c))
        })
        .collect()
}

/// The listed action nearest to the book's `selected` (itself if listed):
/// the next one down, else the last.
pub fn nearest(listed: &[ActionId], selected: usize) -> Option<usize> {
    listed
        .iter()
        .map(|id| id.index())
        .find(|i| *i >= selected)
        .or_else(|| listed.last().map(|id| id.index()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::Game;

    fn game(country: &str) -> (Book, Game) {
        let book = crate::content::builtin().unwrap();
        let s = book.scenario("standard").unwrap().clone();
        let game = Game::new(&book, s, Some(country), 7).unwrap();
        (book, game)
    }

    fn names(book: &Book, ids: &[ActionId]) -> Vec<String> {
        ids.iter().map(|id| book.action(*id).id.clone()).collect()
    }

    #[test]
    fn a_state_outside_a_bloc_is_not_offered_to_leave_it() {
        let (book, g) = game("azerbaijan");
        let ids = names(&book, &listed(g.state(), &book));
        assert!(!ids.contains(&"leave_csto".into()), "{ids:?}");
        assert!(!ids.contains(&"leave_eaeu".into()), "{ids:?}");
        // Latin script is Azerbaijan's already.
        assert!(!ids.contains(&"education_exchange".into()), "{ids:?}");
        assert!(ids.contains(&"visit_moscow".into()), "{ids:?}");
    }

    #[test]
    fn a_member_is_offered_to_leave_and_locked_actions_that_may_open_stay() {
        let (book, g) = game("kazakhstan");
        let ids = names(&book, &listed(g.state(), &book));
        assert!(ids.contains(&"leave_csto".into()), "{ids:?}");
        assert!(ids.contains(&"leave_eaeu".into()), "{ids:?}");
        // Locked now by a score, a cost or a cooldown is not "never".
        let all = book.actions.len();
        let never = book
            .action_ids()
            .filter(|id| book.action(*id).requires.is_empty())
            .filter(|id| !listed(g.state(), &book).contains(id))
            .count();
        assert_eq!(never, 0, "an action without conditions is always listed");
        assert!(ids.len() <= all);
    }

    #[test]
    fn the_nearest_listed_action_is_the_next_one_down() {
        let ids: Vec<ActionId> = [1, 4, 6].map(ActionId::from_index).to_vec();
        assert_eq!(nearest(&ids, 4), Some(4));
        assert_eq!(nearest(&ids, 2), Some(4));
        assert_eq!(nearest(&ids, 9), Some(6));
        assert_eq!(nearest(&[], 0), None);
    }
}
