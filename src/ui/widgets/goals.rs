//! The Goals panel: the best ending's conditions, each ticked or with its
//! distance, and how near the bad endings are. Generated from the endings
//! (`ui::goals`).

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use super::cache::{RowCache, Version};
use super::{panel, scrolled, wrap_styled};
use crate::report::debrief::date_of;
use crate::rules::{Book, State};
use crate::ui::goals::{When, bad, bad_reading, best, best_readings};
use crate::ui::theme::Theme;

/// A ticked or crossed line.
fn mark(t: &Theme, held: bool, text: String) -> Line<'static> {
    let (m, style) = if held {
        (t.check(), t.good())
    } else {
        (t.cross(), t.bad())
    };
    Line::from(vec![Span::styled(format!("{m} "), style), Span::raw(text)])
}

/// The panel's text: the best ending's conditions, then the bad endings.
pub fn goal_lines(book: &Book, state: &State, t: &Theme) -> Vec<Line<'static>> {
    let mut lines = Vec::new();
    if let Some(e) = best(book) {
        let last = state.turns().saturating_sub(1);
        let when = if e.early {
            "as soon as all hold".to_string()
        } else {
            format!(
                "if all hold at the end of {}, scores averaged over the last {} turns",
                date_of(state, last),
                book.model.endings.window
            )
        };
        lines.push(Line::from(vec![
            Span::styled("Best: ", t.heading()),
            Span::styled(e.title.clone(), t.title()),
            Span::styled(format!(", {when}"), t.dim()),
        ]));
        for r in best_readings(state, book, t.minus(), When::SoFar) {
            lines.push(mark(t, r.held, r.text));
        }
    }
    let bad: Vec<_> = bad(book).collect();
    if !bad.is_empty() {
        lines.push(Line::styled("Avoid:", t.heading()));
    }
    for e in bad {
        let r = bad_reading(state, book, e);
        let title = if e.early {
            format!("{} (at once)", e.title)
        } else {
            e.title.clone()
        };
        let (m, style) = if r.held {
            (t.cross(), t.bad())
        } else {
            (t.check(), t.good())
        };
        lines.push(Line::from(vec![
            Span::styled(format!("{m} "), style),
            Span::styled(format!("{title}: "), t.heading()),
            Span::raw(r.text),
        ]));
    }
    lines
}

pub struct GoalsPanel<'a> {
    pub book: &'a Book,
    pub state: &'a State,
    pub theme: &'a Theme,
    pub scroll: u16,
    pub focused: bool,
    pub cache: Option<(&'a RowCache, &'a Version)>,
}

impl GoalsPanel<'_> {
    /// The rows the panel's text takes at `width`.
    pub fn rows(&self, width: u16) -> usize {
        wrap_styled(
            &goal_lines(self.book, self.state, self.theme),
            width,
            usize::MAX,
        )
        .len()
    }
}

impl Widget for GoalsPanel<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let t = self.theme;
        let block = panel(t, " Goals ", self.focused);
        let inner = block.inner(area);
        block.render(area, buf);
        if inner.height == 0 {
            return;
        }
        let make = || {
            wrap_styled(
                &goal_lines(self.book, self.state, t),
                inner.width,
                usize::MAX,
            )
        };
        let rows = match self.cache {
            Some((c, v)) => c.rows("goals", 0, inner.width, v, make),
            None => std::rc::Rc::new(make()),
        };
        scrolled(t, &rows, self.scroll, self.focused, inner, buf);
    }
}
