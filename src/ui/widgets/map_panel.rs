//! The map panel: the one place the screens draw the map, in the mode the
//! player chose (closeness, a domain's leading power, corridors), with a
//! legend line, what the selected action touches picked out and the
//! event's place flagged.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Color;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use super::{panel, put_line};
use crate::map::{self, MapView, MapWidget, Mark, Tag, Texture};
use crate::rules::defs::Effect;
use crate::rules::{Book, CorridorStatus, Domain, Power, State};
use crate::ui::keymap::{Msg, key};
use crate::ui::theme::Theme;

pub use crate::map::Zoom;
pub use crate::ui::widgets::country::relation;

/// How the map marks the countries.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum MapMode {
    /// The powers' territories by the player's closeness to them.
    #[default]
    Closeness,
    /// Each state whose dependence is known, by the power that leads in a domain.
    Domain(Domain),
    /// The countries the corridors pass through, by the corridors' status.
    Corridors,
}

impl MapMode {
    pub fn next(self) -> MapMode {
        match self {
            MapMode::Closeness => MapMode::Domain(Domain::ALL[0]),
            MapMode::Domain(d) => match Domain::ALL.get(d.index() + 1) {
                Some(n) => MapMode::Domain(*n),
                None => MapMode::Corridors,
            },
            MapMode::Corridors => MapMode::Closeness,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            MapMode::Closeness => "closeness",
            MapMode::Domain(d) => d.name(),
            MapMode::Corridors => "corridors",
        }
    }
}

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

fn map_power(p: Power) -> map::Power {
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

/// The texture marking a closeness band: close, middling, distant.
pub fn closeness_texture(proximity: f64) -> Texture {
    if proximity >= 60.0 {
        Texture::Rows
    } else if proximity >= 30.0 {
        Texture::Diagonal
    } else {
        Texture::Sparse
    }
}

/// The texture of a power leading a domain.
pub fn power_texture(p: Power) -> Texture {
    match p {
        Power::Russia => Texture::Rows,
        Power::China => Texture::Ticks,
        Power::Turkey => Texture::Diagonal,
        Power::Eu => Texture::Lattice,
    }
}

/// The texture of the countries a corridor in this status passes through.
pub fn corridor_texture(s: CorridorStatus) -> Texture {
    match s {
        CorridorStatus::Open => Texture::Rows,
        CorridorStatus::Building => Texture::Diagonal,
        CorridorStatus::Planned => Texture::Sparse,
        CorridorStatus::Blocked => Texture::Ticks,
    }
}

/// The power leading a domain in a share vector, with its share.
pub fn leader(shares: [u8; 5]) -> (Power, u8) {
    Power::ALL
        .into_iter()
        .map(|p| (p, shares[p.index()]))
        .fold(
            (Power::Russia, 0),
            |best, x| if x.1 > best.1 { x } else { best },
        )
}

/// A state's shares of a domain: the player's now, another's at the start
/// of play (from its profile); `None` where the game does not know them.
pub fn known_shares(state: &State, book: &Book, id: &str, d: Domain) -> Option<[u8; 5]> {
    if id == state.country() {
        return Some(state.shares(d));
    }
    book.country(id).map(|c| c.dependence.get(d))
}

/// The capitals and corridors an action touches: its power's capital, and
/// the corridors its effects build or open.
pub fn action_places(book: &Book, id: &str) -> Vec<String> {
    let Some(a) = book.action(id) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    if let Some(p) = a.power
        && let Some(c) = map::atlas().power_capital(map_power(p))
    {
        out.push(c.id.clone());
    }
    for e in a.effects.iter().chain(&a.each_turn).chain(&a.on_complete) {
        if let Effect::Corridor(c, _) = e
            && !out.contains(c)
        {
            out.push(c.clone());
        }
    }
    out
}

/// What a mode marks: textures, tags, and which of the usual layers it
/// leaves out.
pub struct Marking {
    pub marks: Vec<(String, Texture, Color)>,
    pub tags: Vec<(String, String, Color)>,
    pub plain_player: bool,
    pub hide_ties: bool,
    pub corridor_labels: bool,
}

/// The countries of a power's territory on the map.
fn territory(p: Power) -> Vec<String> {
    map::atlas()
        .power_territory(map_power(p))
        .map(|c| c.id.clone())
        .collect()
}

/// What `mode` marks on the map for this game.
pub fn marking(state: &State, book: &Book, mode: MapMode) -> Marking {
    let mut m = Marking {
        marks: Vec::new(),
        tags: Vec::new(),
        plain_player: false,
        hide_ties: false,
        corridor_labels: false,
    };
    match mode {
        MapMode::Closeness => {
            for p in Power::ALL {
                let prox = state.proximity(p);
                let (tex, color) = (closeness_texture(prox), power_color(p));
                for c in territory(p) {
                    m.marks.push((c, tex, color));
                }
                if let Some(cap) = map::atlas().power_capital(map_power(p)) {
                    m.tags
                        .push((cap.country.clone(), format!("{:.0}", prox.round()), color));
                }
            }
        }
        MapMode::Domain(d) => {
            m.plain_player = true;
            m.hide_ties = true;
            for c in &book.countries {
                let Some(shares) = known_shares(state, book, &c.id, d) else {
                    continue;
                };
                let (p, share) = leader(shares);
                if share == 0 {
                    continue;
                }
                let color = power_color(p);
                m.marks.push((c.id.clone(), power_texture(p), color));
                let initial = p.name().chars().next().unwrap_or('?');
                m.tags
                    .push((c.id.clone(), format!("{initial}{share}"), color));
            }
        }
        MapMode::Corridors => {
            m.plain_player = true;
            m.hide_ties = true;
            m.corridor_labels = true;
            let rank = |s: CorridorStatus| match s {
                CorridorStatus::Open => 3,
                CorridorStatus::Building => 2,
                CorridorStatus::Blocked => 1,
                CorridorStatus::Planned => 0,
            };
            let mut best: Vec<(String, CorridorStatus)> = Vec::new();
            for (id, s) in state.corridors() {
                for c in map::atlas().corridor_countries(id) {
                    match best.iter_mut().find(|(b, _)| b == c) {
                        Some(e) if rank(*s) > rank(e.1) => e.1 = *s,
                        Some(_) => {}
                        None => best.push((c.to_string(), *s)),
                    }
                }
            }
            let color = map::palette::CORRIDOR;
            for (c, s) in best {
                m.marks.push((c, corridor_texture(s), color));
            }
        }
    }
    m
}

/// The legend of a mode, as short lines: the textures and marks it uses.
pub fn legend(mode: MapMode, t: &Theme) -> Vec<Line<'static>> {
    let a = t.ascii;
    let sample = |tex: Texture, style| Span::styled(format!("{} ", tex.sample(a)), style);
    let mut first = vec![Span::styled(format!("{} ", mode_title(mode)), t.heading())];
    match mode {
        MapMode::Closeness => {
            for (tex, words) in [
                (Texture::Rows, "close (60+)  "),
                (Texture::Diagonal, "middling  "),
                (Texture::Sparse, "distant (<30)"),
            ] {
                first.push(sample(tex, t.text()));
                first.push(Span::raw(words));
            }
        }
        MapMode::Domain(_) => {
            for p in Power::ALL {
                first.push(sample(power_texture(p), t.power(p)));
                first.push(Span::styled(format!("{}  ", p.name()), t.power(p)));
            }
        }
        MapMode::Corridors => {
            for s in [
                CorridorStatus::Open,
                CorridorStatus::Building,
                CorridorStatus::Planned,
                CorridorStatus::Blocked,
            ] {
                first.push(sample(corridor_texture(s), t.text()));
                first.push(Span::raw(format!("{}  ", s.name())));
            }
        }
    }
    let marks = if a {
        "@ you  O a power's capital  ! the event  x blocked"
    } else {
        "◉ you  ● a power's capital  ◆ the event  x blocked"
    };
    let second = match mode {
        MapMode::Closeness => format!(
            "Lines to the powers: solid close, dashed middling, dotted distant; numbers: closeness. {marks}"
        ),
        MapMode::Domain(_) => format!(
            "R60: Russia leads with 60%. Your state now; the others as they started. {marks}"
        ),
        MapMode::Corridors => {
            format!("Lines: solid open, long dashes building, dots planned. {marks}")
        }
    };
    vec![Line::from(first), Line::styled(second, t.dim())]
}

/// The legend's textures in one short line, for a narrow map.
pub fn short_legend(mode: MapMode, t: &Theme) -> Line<'static> {
    let a = t.ascii;
    let mut spans = Vec::new();
    let mut item = |tex: Texture, words: String, style| {
        spans.push(Span::styled(format!("{}", tex.sample(a)), style));
        spans.push(Span::styled(format!("{words} "), style));
    };
    match mode {
        MapMode::Closeness => {
            item(Texture::Rows, "60+".into(), t.text());
            item(Texture::Diagonal, "30+".into(), t.text());
            item(Texture::Sparse, "<30 closeness".into(), t.text());
        }
        MapMode::Domain(_) => {
            for p in Power::ALL {
                let initial = p.name().chars().next().unwrap_or('?');
                item(power_texture(p), initial.to_string(), t.power(p));
            }
            spans.push(Span::styled("leads", t.dim()));
        }
        MapMode::Corridors => {
            for (s, w) in [
                (CorridorStatus::Open, "open"),
                (CorridorStatus::Building, "building"),
                (CorridorStatus::Planned, "planned"),
                (CorridorStatus::Blocked, "blocked"),
            ] {
                item(corridor_texture(s), w.into(), t.text());
            }
        }
    }
    Line::from(spans)
}

fn mode_title(mode: MapMode) -> String {
    match mode {
        MapMode::Closeness => "Closeness:".into(),
        MapMode::Domain(d) => format!("{} leader:", d.name()),
        MapMode::Corridors => "Corridors:".into(),
    }
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
    let line = if inner.width >= 56 {
        legend(view.mode, t).swap_remove(0)
    } else {
        short_legend(view.mode, t)
    };
    put_line(buf, inner.x, inner.bottom() - 1, &line, inner.width);
}

fn draw_map(view: &MapPanel<'_>, area: Rect, buf: &mut Buffer) {
    let state = view.state;
    let corridors: Vec<(&str, map::CorridorStatus)> = state
        .corridors()
        .iter()
        .map(|(id, c)| (id.as_str(), corridor_status(*c)))
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
        player: state.country(),
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_modes_cycle_through_every_domain_and_back() {
        let mut m = MapMode::default();
        let mut seen = vec![m];
        for _ in 0..7 {
            m = m.next();
            seen.push(m);
        }
        assert_eq!(seen.last(), Some(&MapMode::Closeness));
        for d in Domain::ALL {
            assert!(seen.contains(&MapMode::Domain(d)));
        }
        assert!(seen.contains(&MapMode::Corridors));
    }

    #[test]
    fn the_leader_is_the_largest_power_not_other() {
        assert_eq!(leader([20, 22, 4, 30, 24]), (Power::Eu, 30));
        assert_eq!(leader([10, 5, 0, 0, 85]), (Power::Russia, 10));
        assert_eq!(crate::rules::Holder::Other.power(), None);
    }

    #[test]
    fn every_texture_in_a_legend_differs() {
        for ascii in [false, true] {
            let samples: Vec<char> = Texture::ALL.iter().map(|t| t.sample(ascii)).collect();
            for (i, a) in samples.iter().enumerate() {
                assert!(!samples[i + 1..].contains(a), "{samples:?}");
            }
        }
    }
}
