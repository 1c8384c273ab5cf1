//! Wrapped text kept between frames. The news, the goals, the world and a
//! preview change only when the game does (a command), so their rows are
//! wrapped once per change of the game and of the panel's width, not once
//! a frame.

use std::cell::RefCell;
use std::rc::Rc;

use ratatui::text::Line;

use crate::rules::Game;

/// What the panels' text depends on in a game: which game, and how far it
/// has gone (every change of the state is a recorded command).
pub type Version = (u64, String, usize, usize, u32);

/// The version of a game's text.
pub fn version(game: &Game) -> Version {
    let s = game.state();
    (
        game.seed,
        game.scenario.id.clone(),
        game.decisions().len(),
        s.log().len(),
        s.turn(),
    )
}

type Key = (&'static str, usize, u16, Version);

/// A few wrapped texts, the least recently used dropped first.
#[derive(Debug, Default)]
pub struct RowCache {
    items: RefCell<Vec<(Key, Rc<Vec<Line<'static>>>)>>,
}

const KEPT: usize = 12;

impl RowCache {
    /// The rows of panel `what` (item `which`, e.g. the selected action) at
    /// `width` for `version`, made by `make` when not kept.
    pub fn rows(
        &self,
        what: &'static str,
        which: usize,
        width: u16,
        version: &Version,
        make: impl FnOnce() -> Vec<Line<'static>>,
    ) -> Rc<Vec<Line<'static>>> {
        let key = (what, which, width, version.clone());
        let mut items = self.items.borrow_mut();
        if let Some(i) = items.iter().position(|(k, _)| *k == key) {
            let item = items.remove(i);
            let rows = Rc::clone(&item.1);
            items.push(item);
            return rows;
        }
        let rows = Rc::new(make());
        if items.len() >= KEPT {
            items.remove(0);
        }
        items.push((key, Rc::clone(&rows)));
        rows
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_are_made_once_per_version_and_width() {
        let cache = RowCache::default();
        let v1: Version = (1, "s".into(), 0, 0, 0);
        let v2: Version = (1, "s".into(), 1, 3, 0);
        let made = std::cell::Cell::new(0);
        let get = |v: &Version, w| {
            cache.rows("news", 0, w, v, || {
                made.set(made.get() + 1);
                vec![Line::raw("x")]
            })
        };
        get(&v1, 40);
        get(&v1, 40);
        assert_eq!(made.get(), 1);
        get(&v2, 40);
        get(&v1, 30);
        assert_eq!(made.get(), 3);
    }
}
