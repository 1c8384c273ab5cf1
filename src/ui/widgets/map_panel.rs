//! The map panel: the one place the screens draw the map, in the mode the
//! player chose (`map_modes`), with a legend line, what the selected action
//! touches picked out and the event's place flagged.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Color;
use ratatui::text::{Line, Span};

use ratatui::widgets::Widget;

use super::{panel, put_line};
use crate::map::{self, MapView, MapWidget, Mark, Tag};

use crate::rules::{Book, CorridorStatus, Power, State};
use crate::ui::keymap::{Msg, key};
use crate::ui::theme::Theme;

pub use super::map_modes::*;
pub use crate::map::Zoom;
pub use crate::ui::widgets::country::relation;

/// The countries the zoom shows, west to east, for moving a selection.
pub fn countries_in_view(zoom: Zoom) -> Vec<&'static str> {
    map::country_ids_in_view(zoom)
}

pub fn country_name(id: &str) -> Option<&'static str> {
    map::country_name(id)
}

pub(crate) fn corridor_status(c: CorridorStatus) -> map::CorridorStatus {
    match c {
        CorridorStatus::Planned => map::CorridorStatus::Planned,
        CorridorStatus::Building => map::CorridorStatus::Building,
        CorridorStatus::Open => map::CorridorStatus::Open,
        CorridorStatus::Blocked => map::CorridorStatus::Blocked,
    }
}

pub(super) fn map_power(p: Power) -> map::Power {
    match p {
        Power::Russia => map::Power::Russia,
        Power::China => map::Power::China,
        Power::Turkey => map::Power::Turkey,
        Power::Eu => map::Power::Eu,
    }
}

/// The colour of a power on the map (the map's own palette).
pub fn power_color(p: Power) -> Color {
    map::power_color(map_power(p))
}

/// The colour of corridors on the map.
pub fn corridor_color() -> Color {
    map::palette::CORRIDOR
}

/// Everything the map panel shows.
pub struct MapPanel<'a> {
    pub state: &'a State,
    pub book: &'a Book,
    pub theme: &'a Theme,
    pub zoom: Zoom,
    pub mode: MapMode,
    pub selected: Option<&'a str>,
    pub event_place: Option<&'a str>,
    /// Capitals and corridors to pick out (the selected action's).
    pub highlight: &'a [String],
    pub focused: bool,
}

/// Draws the map with the mode's legend on its last row.
pub fn map_panel(view: MapPanel<'_>, area: Rect, buf: &mut Buffer) {
    let t = view.theme;
    let zoom_name = match view.zoom {
        Zoom::Region => "region",
        Zoom::Eurasia => "Eurasia",
    };
    let title = if area.width >= 50 {
        format!(
            " Map: {} ({zoom_name}; {} mode, {} zoom) ",
            view.mode.name(),
            key(Msg::MapMode),
            key(Msg::Zoom)
        )
    } else {
        format!(
            " Map: {} ({}, {}) ",
            view.mode.name(),
            key(Msg::MapMode),
            key(Msg::Zoom)
        )
    };
    let block = panel(t, title, view.focused);
    let inner = block.inner(area);
    block.render(area, buf);
    if inner.height < 3 {
        return;
    }
    let map_area = Rect::new(inner.x, inner.y, inner.width, inner.height - 1);
    draw_map(&view, map_area, buf);
    let mut line = if inner.width >= 56 {
        legend(view.mode, t).swap_remove(0)
    } else {
        short_legend(view.mode, t)
    };
    let blocked = view
        .state
        .corridors()
        .any(|(_, c)| c == CorridorStatus::Blocked);
    if blocked {
        line = with_blocked(line, t, inner.width);
    }
    put_line(buf, inner.x, inner.bottom() - 1, &line, inner.width);
}

/// A legend line with the `x` of a blocked corridor explained at its end,
/// its last words shortened to make room.
fn with_blocked(mut line: Line<'static>, t: &Theme, width: u16) -> Line<'static> {
    let words = " blocked";
    let need = 1 + words.len();
    while line.width() + need > usize::from(width) {
        let Some(last) = line.spans.last_mut() else {
            break;
        };
        let first = last.content.split_whitespace().next().unwrap_or("");
        let short = format!("{first} ");
        if short.len() < last.content.len() {
            last.content = short.into();
        } else {
            line.spans.pop();
        }
    }
    line.spans.push(Span::styled("x", t.heading()));
    line.spans.push(Span::styled(words, t.text()));
    line
}

fn draw_map(view: &MapPanel<'_>, area: Rect, buf: &mut Buffer) {
    let state = view.state;
    let corridors: Vec<(&str, map::CorridorStatus)> = state
        .corridors()
        .map(|(id, c)| (view.book.corridor_key(id), corridor_status(c)))
        .collect();
    let m = marking(state, view.book, view.mode);
    let marks: Vec<Mark> = m
        .marks
        .iter()
        .map(|(c, texture, color)| Mark {
            country: c,
            texture: *texture,
            color: *color,
        })
        .collect();
    let tags: Vec<Tag> = m
        .tags
        .iter()
        .map(|(c, text, color)| Tag {
            country: c,
            text,
            color: *color,
        })
        .collect();
    let highlight: Vec<&str> = view.highlight.iter().map(String::as_str).collect();
    MapWidget::new(MapView {
        player: &view.book.country(state.country()).id,
        zoom: view.zoom,
        proximity: Power::ALL.map(|p| state.proximity(p)),
        corridors: &corridors,
        event_place: view.event_place,
        selected: view.selected,
        ascii: view.theme.ascii,
        color: view.theme.color,
        marks: &marks,
        tags: &tags,
        highlight: &highlight,
        plain_player: m.plain_player,
        hide_ties: m.hide_ties,
        corridor_labels: m.corridor_labels,
    })
    .render(area, buf);
}
