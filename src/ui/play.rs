//! A game being played, with what the player has selected on its screen.

use super::screens::game::Focus;
use super::widgets::map_panel::{MapMode, Zoom, countries_in_view};
use crate::rules::{Book, Game};

/// A game being played, with what the player has selected on its screen.
#[derive(Debug, Clone)]
pub struct Play {
    pub game: Game,
    /// Index into the book's actions.
    pub selected: usize,
    pub focus: Focus,
    pub zoom: Zoom,
    /// What the map marks.
    pub map_mode: MapMode,
    /// Index into the map's countries in view.
    pub map_selected: usize,
    pub log_scroll: u16,
    /// The selected action's preview.
    pub preview_scroll: u16,
    pub goals_scroll: u16,
    pub world_scroll: u16,
    /// The selected country's details.
    pub country_scroll: u16,
    /// The leverage gauge opened into its parts.
    pub parts: bool,
    /// The event popup is put aside to look at the board.
    pub peek: bool,
    pub choice: usize,
    /// How far the event popup's text is scrolled.
    pub event_scroll: u16,
    pub end_scroll: u16,
    /// How many decisions the game had when last saved by the player.
    pub saved_decisions: Option<usize>,
    /// The id of the state played, as the map names it.
    pub country: String,
}

impl Play {
    pub fn new(book: &Book, game: Game) -> Play {
        let country = book.country(game.state().country()).id.clone();
        let map_selected = home(Zoom::default(), &country);
        Play {
            country,
            game,
            selected: 0,
            focus: Focus::Actions,
            zoom: Zoom::default(),
            map_mode: MapMode::default(),
            map_selected,
            log_scroll: 0,
            preview_scroll: 0,
            goals_scroll: 0,
            world_scroll: 0,
            country_scroll: 0,
            parts: false,
            peek: false,
            choice: 0,
            event_scroll: 0,
            end_scroll: 0,
            saved_decisions: None,
        }
    }

    /// Zooms the map, the selection back on the player's state.
    pub fn zoom(&mut self) {
        self.zoom = self.zoom.toggle();
        self.map_selected = home(self.zoom, &self.country);
    }

    /// Keeps the selection on an action the list offers.
    pub fn keep_listed(&mut self, book: &Book) {
        let ids = super::listed::listed(self.game.state(), book);
        if let Some(i) = super::listed::nearest(&ids, self.selected) {
            self.selected = i;
        }
    }

    pub fn just_saved(&self) -> bool {
        self.saved_decisions == Some(self.game.decisions().len())
    }
}

/// Where the player's state is among the countries a zoom shows.
fn home(zoom: Zoom, country: &str) -> usize {
    countries_in_view(zoom)
        .iter()
        .position(|c| *c == country)
        .unwrap_or(0)
}
