//! The world around the player, as the article argues it: each world
//! variable with its value, its trend and a sparkline of its history; the
//! customs-union track's stage; the situations in force and how near the
//! others are, with the thresholds that start and stop them.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Sparkline, Widget};

use super::cache::{RowCache, Version};
use super::{cut, panel, scrolled, wrap_styled};
use crate::rules::defs::Cond;
use crate::rules::{Book, SituationId, Stage, State, TrackId, WorldVar};
use crate::ui::goals::near;
use crate::ui::theme::Theme;

/// A track's stage in words: "Exploratory talks (2 of 5)", "concluded", "stalled".
pub fn track_stage(book: &Book, state: &State, id: TrackId) -> String {
    let def = book.track(id);
    let n = def.stages.len();
    match state.tracks()[id.index()] {
        Stage::Stalled => "stalled".into(),
        Stage::Concluded => "concluded".into(),
        Stage::At(s) => {
            let s = usize::from(s);
            let name = def.stages.get(s).map_or("", String::as_str);
            format!("{name} ({} of {n})", s + 1)
        }
    }
}

/// The first threshold of some conditions, read now: "Russia's strength
/// at most 40 (now 53.8)".
fn threshold(book: &Book, state: &State, conds: &[Cond]) -> String {
    conds
        .iter()
        .map(|c| match c {
            Cond::AtLeast(v, x) => format!(
                "{} ≥ {x} (now {})",
                var_label(book, v),
                near(state.get(*v), *x)
            ),
            Cond::AtMost(v, x) => format!(
                "{} ≤ {x} (now {})",
                var_label(book, v),
                near(state.get(*v), *x)
            ),
            other => book.describe(other),
        })
        .collect::<Vec<_>>()
        .join(" and ")
}

fn var_label(book: &Book, v: &crate::rules::Var) -> String {
    book.label(v)
}

/// The lines below the variables: the tracks, then the situations, those
/// in force first.
pub fn situation_lines(book: &Book, state: &State, t: &Theme) -> Vec<Line<'static>> {
    let mut lines = Vec::new();
    for (i, track) in book.world.tracks.iter().enumerate() {
        lines.push(Line::from(vec![
            Span::styled(format!("{}: ", track.name), t.heading()),
            Span::raw(track_stage(book, state, TrackId::from_index(i))),
        ]));
    }
    // A situation switches as the turn ends: one past its threshold now is
    // said to begin (or end) then, if it still is.
    let sits = &book.world.situations;
    let in_force = |i: usize| state.in_force(SituationId::from_index(i));
    let on: Vec<_> = (0..sits.len()).filter(|&i| in_force(i)).collect();
    let (starting, off): (Vec<_>, Vec<_>) = (0..sits.len())
        .filter(|&i| !in_force(i))
        .partition(|&i| state.holds_all(&sits[i].on));
    if on.is_empty() {
        let yet = if starting.is_empty() { "" } else { " yet" };
        lines.push(Line::styled(
            format!("No situation in force{yet}."),
            t.dim(),
        ));
    }
    for s in on.iter().map(|&i| &sits[i]) {
        let ends = if state.holds_all(&s.off) {
            format!(
                "Ends as this turn ends, if still so: {}.",
                threshold(book, state, &s.off)
            )
        } else {
            format!("Ends at {}.", threshold(book, state, &s.off))
        };
        lines.push(Line::from(vec![
            Span::styled(format!("{} {}", t.pointer(), s.name), t.warn()),
            Span::raw(format!(" in force: {} {ends}", s.text)),
        ]));
    }
    for s in starting.iter().map(|&i| &sits[i]) {
        lines.push(Line::from(vec![
            Span::styled(format!("{} {}", t.pointer(), s.name), t.warn()),
            Span::raw(format!(
                " begins as this turn ends, if still so: {}",
                threshold(book, state, &s.on)
            )),
        ]));
    }
    for s in off.iter().map(|&i| &sits[i]) {
        lines.push(Line::from(vec![
            Span::styled(format!("  {}", s.name), t.heading()),
            Span::styled(format!(" at {}", threshold(book, state, &s.on)), t.dim()),
        ]));
    }
    lines
}

pub struct WorldPanel<'a> {
    pub book: &'a Book,
    pub state: &'a State,
    pub theme: &'a Theme,
    pub scroll: u16,
    pub focused: bool,
    pub cache: Option<(&'a RowCache, &'a Version)>,
}

impl WorldPanel<'_> {
    /// The rows the panel's text takes below the variables at `width`.
    pub fn text_rows(&self, width: u16) -> usize {
        wrap_styled(
            &situation_lines(self.book, self.state, self.theme),
            width,
            usize::MAX,
        )
        .len()
    }
}

impl Widget for WorldPanel<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let (s, t) = (self.state, self.theme);
        let block = panel(t, " World (the article's variables) ", self.focused);
        let inner = block.inner(area);
        block.render(area, buf);
        if inner.height == 0 || inner.width < 12 {
            return;
        }
        let history = s.history();
        let name_w = WorldVar::ALL
            .iter()
            .map(|w| w.name().chars().count())
            .max()
            .unwrap_or(0)
            .min(usize::from(inner.width).saturating_sub(8));
        let mut rows: Vec<Line<'static>> = Vec::new();
        let mut sparks: Vec<(usize, WorldVar)> = Vec::new();
        for w in WorldVar::ALL {
            let now = s.world(w);
            let before = history
                .len()
                .checked_sub(2)
                .map(|i| history[i].world[w.index()]);
            let (arrow, style) = match before.map(|b| now - b) {
                Some(d) if d > 0.05 => (t.up(), t.good()),
                Some(d) if d < -0.05 => (t.down(), t.bad()),
                _ => (if t.ascii { "=" } else { "→" }, t.dim()),
            };
            sparks.push((rows.len(), w));
            rows.push(Line::from(vec![
                Span::raw(format!("{:<name_w$}", cut(w.name(), name_w))),
                Span::styled(format!("{now:>5.1}"), t.heading()),
                Span::styled(format!(" {arrow}"), style),
            ]));
        }
        let make = || wrap_styled(&situation_lines(self.book, s, t), inner.width, usize::MAX);
        match self.cache {
            Some((c, v)) => rows.extend(c.rows("world", 0, inner.width, v, make).iter().cloned()),
            None => rows.extend(make()),
        }
        let win = scrolled(t, &rows, self.scroll, self.focused, inner, buf);
        for i in 0..win.shown {
            let Some(&(_, w)) = sparks.iter().find(|(r, _)| *r == win.first + i) else {
                continue;
            };
            let (x, y) = (inner.x + name_w as u16 + 8, win.top + i as u16);
            if x + 2 < inner.right() {
                let spark = Rect::new(x, y, inner.right() - x, 1);
                let data: Vec<f64> = history.iter().map(|h| h.world[w.index()]).collect();
                trend(&data, t, spark, buf);
            }
        }
    }
}

/// A sparkline of the latest values that fit, scaled to their own range so
/// that a drift of a few points shows.
pub fn trend(data: &[f64], t: &Theme, area: Rect, buf: &mut Buffer) {
    let n = usize::from(area.width);
    let from = data.len().saturating_sub(n);
    let data = &data[from..];
    let lo = data.iter().copied().fold(f64::INFINITY, f64::min).floor() - 1.0;
    let hi = data
        .iter()
        .copied()
        .fold(f64::NEG_INFINITY, f64::max)
        .ceil()
        + 1.0;
    if !lo.is_finite() || !hi.is_finite() {
        return;
    }
    let scaled: Vec<u64> = data
        .iter()
        .map(|v| ((v - lo) * 4.0).round().max(0.0) as u64)
        .collect();
    Sparkline::default()
        .data(&scaled)
        .max(((hi - lo) * 4.0).round() as u64)
        .style(t.dim())
        .render(area, buf);
}
