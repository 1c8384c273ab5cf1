//! The map panel: the one place the screens draw the map, with the selected
//! country's name and relation beside it.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};

use super::{num, panel};
use crate::map::{self, MapView, MapWidget};
use crate::rules::{Book, CorridorStatus, Power, State};
use crate::ui::theme::Theme;

pub use crate::map::Zoom;

/// The countries the zoom shows, west to east, for moving a selection.
pub fn countries_in_view(zoom: Zoom) -> Vec<&'static str> {
    map::country_ids_in_view(zoom)
}

pub fn country_name(id: &str) -> Option<&'static str> {
    map::country_name(id)
}

/// The power a country belongs to on the map, if any.
fn power_of(id: &str) -> Option<Power> {
    match id {
        "russia" => Some(Power::Russia),
        "china" => Some(Power::China),
        "turkey" => Some(Power::Turkey),
        _ => map::atlas().country(id).filter(|c| c.eu).map(|_| Power::Eu),
    }
}

fn corridor_status(c: CorridorStatus) -> map::CorridorStatus {
    match c {
        CorridorStatus::Planned => map::CorridorStatus::Planned,
        CorridorStatus::Building => map::CorridorStatus::Building,
        CorridorStatus::Open => map::CorridorStatus::Open,
        CorridorStatus::Blocked => map::CorridorStatus::Blocked,
    }
}

/// How a country stands to the player, in a few words.
pub fn relation(state: &State, book: &Book, id: &str) -> String {
    let player = book.country(state.country());
    if id == player.id {
        return format!("you (capital {})", player.capital);
    }
    let border = if map::atlas().borders_with(id, &player.id) {
        "borders you"
    } else {
        "no common border"
    };
    if let Some(p) = power_of(id) {
        let ps = state.power(p);
        return format!(
            "{}: closeness {}, tolerance {}, ladder {}; {border}",
            p.name(),
            num(ps.proximity.round()),
            num(ps.tolerance.round()),
            ps.ladder.name()
        );
    }
    match book.country_named(id) {
        Some(_) => format!("{border}; balancing the same four powers"),
        None => border.to_string(),
    }
}

/// Everything the map panel shows.
pub struct MapPanel<'a> {
    pub state: &'a State,
    pub book: &'a Book,
    pub theme: &'a Theme,
    pub zoom: Zoom,
    pub selected: Option<&'a str>,
    pub event_place: Option<&'a str>,
    pub focused: bool,
}

/// Draws the map with the selected country's name and relation.
pub fn map_panel(view: MapPanel<'_>, area: Rect, buf: &mut Buffer) {
    let t = view.theme;
    let zoom_name = match view.zoom {
        Zoom::Region => "region",
        Zoom::Eurasia => "Eurasia",
    };
    let block = panel(t, format!(" Map ({zoom_name}, z to zoom) "), view.focused);
    let inner = block.inner(area);
    block.render(area, buf);
    if inner.height < 3 {
        return;
    }
    let text_h = 1;
    let map_area = Rect::new(inner.x, inner.y, inner.width, inner.height - text_h);
    let info = Rect::new(inner.x, inner.bottom() - text_h, inner.width, text_h);
    draw_map(&view, map_area, buf);
    let line = match view.selected {
        Some(id) => Line::from(vec![
            Span::styled(country_name(id).unwrap_or(id).to_string(), t.heading()),
            Span::raw(" — "),
            Span::raw(relation(view.state, view.book, id)),
        ]),
        None => Line::styled("Tab to the map, then ←→ to pick a country", t.dim()),
    };
    Paragraph::new(line).render(info, buf);
}

fn draw_map(view: &MapPanel<'_>, area: Rect, buf: &mut Buffer) {
    let state = view.state;
    let corridors: Vec<(&str, map::CorridorStatus)> = state
        .corridors()
        .map(|(id, c)| (view.book.corridor_key(id), corridor_status(c)))
        .collect();
    MapWidget::new(MapView {
        player: &view.book.country(state.country()).id,
        zoom: view.zoom,
        proximity: Power::ALL.map(|p| state.proximity(p)),
        corridors: &corridors,
        event_place: view.event_place,
        selected: view.selected,
        ascii: view.theme.ascii,
        color: view.theme.color,
    })
    .render(area, buf);
}
