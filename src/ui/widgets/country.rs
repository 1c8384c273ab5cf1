//! The map's legend, and the selected country in words: how it stands to
//! the player, the powers' shares there where the game knows them, the
//! corridors through it.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use super::map_panel::{MapMode, known_shares, legend};
use super::{num, panel, scrolled, wrap_styled};
use crate::map;
use crate::rules::{Book, Domain, Holder, Power, State};
use crate::ui::keymap::{Msg, key, key_short};
use crate::ui::theme::Theme;

/// The power a country belongs to on the map, if any.
fn power_of(id: &str) -> Option<Power> {
    match id {
        "russia" => Some(Power::Russia),
        "china" => Some(Power::China),
        "turkey" => Some(Power::Turkey),
        _ => map::atlas().country(id).filter(|c| c.eu).map(|_| Power::Eu),
    }
}

/// How a country stands to the player, in a few words.
pub fn relation(state: &State, book: &Book, id: &str) -> String {
    if id == book.country(state.country()).id {
        let cap = book.country_named(id).map_or("", |c| c.capital.as_str());
        return format!("you (capital {cap})");
    }
    let border = if map::atlas().borders_with(id, &book.country(state.country()).id) {
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

/// A share vector in one line: "Russia 60 · China 5 · Turkey 5 · EU 0 · other 30".
fn shares_line(t: &Theme, shares: [u8; 5]) -> Vec<Span<'static>> {
    let mut spans = Vec::new();
    for h in Holder::ALL {
        if !spans.is_empty() {
            spans.push(Span::styled(" · ", t.dim()));
        }
        let s = shares[h.index()];
        let style = match h.power() {
            Some(p) if s > 50 => t.power(p).add_modifier(ratatui::style::Modifier::BOLD),
            Some(p) => t.power(p),
            None => t.text(),
        };
        let mark = if s > 50 { t.risk_mark() } else { "" };
        spans.push(Span::styled(format!("{} {mark}{s}", h.name()), style));
    }
    spans
}

/// The map's legend, then the selected country's details.
pub fn country_lines(
    state: &State,
    book: &Book,
    t: &Theme,
    selected: Option<&str>,
    mode: MapMode,
) -> Vec<Line<'static>> {
    // The country's name and relation, then the legend (what the map
    // marks in this mode), then the rest of the country.
    let mut lines = Vec::new();
    let mut legend_lines = legend(mode, t);
    legend_lines.push(Line::raw(""));
    match selected {
        None => {
            lines.push(Line::styled(
                format!(
                    "{}{} pick a country; {} changes what the map marks.",
                    key_short(Msg::Left),
                    key_short(Msg::Right),
                    key(Msg::MapMode)
                ),
                t.dim(),
            ));
            lines.append(&mut legend_lines);
        }
        Some(id) => {
            let name = map::country_name(id).unwrap_or(id).to_string();
            lines.push(Line::from(vec![
                Span::styled(name, t.title()),
                Span::raw(format!(" — {}", relation(state, book, id))),
            ]));
            lines.append(&mut legend_lines);
            if let Some(p) = power_of(id) {
                lines.push(Line::styled(
                    format!("{}'s share of your dependence, by domain:", p.name()),
                    t.heading(),
                ));
                let parts: Vec<String> = Domain::ALL
                    .iter()
                    .map(|d| format!("{} {}", d.name(), state.share(*d, p.holder())))
                    .collect();
                lines.push(Line::raw(parts.join(" · ")));
            } else if book.country_named(id).is_some() {
                let when = if id == book.country(state.country()).id {
                    "now"
                } else {
                    "at the start of play (not followed during the game)"
                };
                lines.push(Line::styled(format!("Shares {when}:"), t.heading()));
                for d in Domain::ALL {
                    if let Some(s) = known_shares(state, book, id, d) {
                        let mut spans = vec![Span::styled(format!("{}: ", d.name()), t.heading())];
                        spans.extend(shares_line(t, s));
                        lines.push(Line::from(spans));
                    }
                }
            } else {
                lines.push(Line::styled(
                    "The game does not follow its dependence.",
                    t.dim(),
                ));
            }
            let through = map::atlas().corridors_through(id);
            if through.is_empty() {
                lines.push(Line::styled("No corridor through it.", t.dim()));
            } else {
                let parts: Vec<String> = through
                    .iter()
                    .map(|co| {
                        let status = book
                            .corridor_id(&co.id)
                            .and_then(|c| state.corridor(c))
                            .map_or("not in this game", |s| s.name());
                        format!("{} ({status})", co.name)
                    })
                    .collect();
                lines.push(Line::from(vec![
                    Span::styled("Corridors: ", t.heading()),
                    Span::raw(parts.join(", ")),
                ]));
            }
        }
    }
    lines
}

/// The country panel (where the preview goes while the map has the focus).
pub struct CountryPanel<'a> {
    pub book: &'a Book,
    pub state: &'a State,
    pub theme: &'a Theme,
    pub selected: Option<&'a str>,
    pub mode: MapMode,
    pub scroll: u16,
}

impl Widget for CountryPanel<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let t = self.theme;
        let block = panel(t, " Country and legend ", false);
        let inner = block.inner(area);
        block.render(area, buf);
        let lines = country_lines(self.state, self.book, t, self.selected, self.mode);
        let rows = wrap_styled(&lines, inner.width, usize::MAX);
        scrolled(t, &rows, self.scroll, true, inner, buf);
    }
}
