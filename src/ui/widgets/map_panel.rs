//! The map panel: the one place the screens draw the map, with the selected
//! country's name and relation beside it.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Modifier;
use ratatui::symbols::Marker;
use ratatui::text::{Line, Span};
use ratatui::widgets::canvas::{Canvas, Line as CanvasLine, Points};
use ratatui::widgets::{Paragraph, Widget};

use super::{num, panel};
use crate::rules::{Book, Power, State};
use crate::ui::theme::Theme;

/// How much of the world the map shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Zoom {
    #[default]
    Region,
    Eurasia,
}

impl Zoom {
    pub fn toggle(self) -> Zoom {
        match self {
            Zoom::Region => Zoom::Eurasia,
            Zoom::Eurasia => Zoom::Region,
        }
    }
    fn bounds(self) -> [f64; 4] {
        match self {
            Zoom::Region => [46.0, 35.0, 88.0, 56.0],
            Zoom::Eurasia => [0.0, 28.0, 122.0, 62.0],
        }
    }
}

/// (country id, name, capital, lon, lat), west to east.
const PLACES: [(&str, &str, &str, f64, f64); 10] = [
    ("belgium", "EU (Brussels)", "Brussels", 4.4, 50.8),
    ("turkey", "Turkey", "Ankara", 32.9, 39.9),
    ("russia", "Russia", "Moscow", 37.6, 55.8),
    ("azerbaijan", "Azerbaijan", "Baku", 49.9, 40.4),
    ("turkmenistan", "Turkmenistan", "Ashgabat", 58.4, 37.9),
    ("tajikistan", "Tajikistan", "Dushanbe", 68.8, 38.6),
    ("uzbekistan", "Uzbekistan", "Tashkent", 69.2, 41.3),
    ("kazakhstan", "Kazakhstan", "Astana", 71.4, 51.2),
    ("kyrgyzstan", "Kyrgyzstan", "Bishkek", 74.6, 42.9),
    ("china", "China", "Beijing", 116.4, 39.9),
];

fn in_view(zoom: Zoom, lon: f64, lat: f64) -> bool {
    let [x0, y0, x1, y1] = zoom.bounds();
    (x0..=x1).contains(&lon) && (y0..=y1).contains(&lat)
}

/// The countries the zoom shows, west to east, for moving a selection.
pub fn countries_in_view(zoom: Zoom) -> Vec<&'static str> {
    PLACES
        .iter()
        .filter(|p| in_view(zoom, p.3, p.4))
        .map(|p| p.0)
        .collect()
}

pub fn country_name(id: &str) -> Option<&'static str> {
    PLACES.iter().find(|p| p.0 == id).map(|p| p.1)
}

/// The power a country belongs to on the map, if any.
fn power_of(id: &str) -> Option<Power> {
    match id {
        "russia" => Some(Power::Russia),
        "china" => Some(Power::China),
        "turkey" => Some(Power::Turkey),
        "belgium" | "germany" | "france" | "poland" | "italy" | "netherlands" | "austria"
        | "hungary" | "romania" | "bulgaria" | "greece" | "czechia" | "slovakia" | "spain"
        | "portugal" | "denmark" | "sweden" | "finland" | "estonia" | "latvia" | "lithuania"
        | "croatia" | "slovenia" | "luxembourg" | "ireland" | "cyprus" | "malta" => Some(Power::Eu),
        _ => None,
    }
}

/// How a country stands to the player, in a few words.
pub fn relation(state: &State, book: &Book, id: &str) -> String {
    if id == state.country() {
        let cap = book.country(id).map_or("", |c| c.capital.as_str());
        return format!("you (capital {cap})");
    }
    if let Some(p) = power_of(id) {
        let ps = state.power(p);
        return format!(
            "{}: closeness {}, tolerance {}, ladder {}",
            p.name(),
            num(ps.proximity.round()),
            num(ps.tolerance.round()),
            ps.ladder.name()
        );
    }
    match book.country(id) {
        Some(_) => "a neighbour, balancing the same powers".into(),
        None => "a neighbour".into(),
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
    draw_placeholder(&view, map_area, buf);
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

fn draw_placeholder(view: &MapPanel<'_>, area: Rect, buf: &mut Buffer) {
    let t = view.theme;
    let [x0, y0, x1, y1] = view.zoom.bounds();
    let player = view.state.country();
    let home = PLACES.iter().find(|p| p.0 == player).map(|p| (p.3, p.4));
    let powers: Vec<(Power, f64, f64)> = PLACES
        .iter()
        .filter_map(|p| power_of(p.0).map(|pw| (pw, p.3, p.4)))
        .collect();
    Canvas::default()
        .x_bounds([x0, x1])
        .y_bounds([y0, y1])
        .marker(if t.ascii {
            Marker::Dot
        } else {
            Marker::Braille
        })
        .paint(|ctx| {
            if let Some((hx, hy)) = home {
                for (p, x, y) in &powers {
                    // Closer powers get a bolder line; distant ones only a dotted hint.
                    if view.state.proximity(*p) >= 40.0 {
                        ctx.draw(&CanvasLine::new(
                            hx,
                            hy,
                            *x,
                            *y,
                            t.power(*p).fg.unwrap_or_default(),
                        ));
                    }
                }
            }
            ctx.layer();
            for (id, _, capital, lon, lat) in PLACES {
                if !in_view(view.zoom, lon, lat) {
                    continue;
                }
                ctx.draw(&Points {
                    coords: &[(lon, lat)],
                    color: ratatui::style::Color::Reset,
                });
                let mut style = match power_of(id) {
                    Some(p) => t.power(p),
                    None => t.text(),
                };
                if id == player {
                    style = style.add_modifier(Modifier::BOLD | Modifier::UNDERLINED);
                }
                if Some(id) == view.selected {
                    style = style.add_modifier(Modifier::REVERSED);
                }
                let label = if Some(id) == view.event_place {
                    format!("! {capital}")
                } else {
                    capital.to_string()
                };
                ctx.print(lon, lat, Span::styled(label, style));
            }
        })
        .render(area, buf);
}
