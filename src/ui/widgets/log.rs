//! The news log: what changed last turn, by how much, and why.

use std::cell::Cell;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use super::{num, panel, put_line, wrap_styled};
use crate::report::debrief::entry_cause;
use crate::rules::defs::ObjectiveDef;
use crate::rules::{Book, Cause, Entry, LogEntry, Raw, State, Var};
use crate::ui::theme::Theme;

/// The log entries of the last turn played: those written while it ended
/// and the answers given since. What the player and the powers did and what
/// happened come first; the slow trends of the world (drift) last.
pub fn last_turn(state: &State) -> Vec<&LogEntry> {
    let mut news: Vec<&LogEntry> = state.news().collect();
    news.sort_by_key(|e| e.cause.is_trend());
    news
}

/// One log entry as a line, or nothing when the change is too small to see.
pub fn entry_line(book: &Book, theme: &Theme, e: &LogEntry) -> Option<Line<'static>> {
    match &e.entry {
        Entry::Note(note) => {
            let text = book.note_text(note);
            let cause = entry_cause(book, e);
            let mut spans = vec![
                Span::styled("» ", theme.key()),
                Span::styled(text.clone(), theme.heading()),
            ];
            if cause != text {
                spans.push(Span::styled(format!(" ({cause})"), theme.dim()));
            }
            Some(Line::from(spans))
        }
        Entry::Change { var, before, after } => {
            // Leverage is shown whole; its parts, the record's bookkeeping.
            if num(*before) == num(*after)
                || matches!(
                    var,
                    Var::Turn
                        | Var::Structure(..)
                        | Var::Stake(_)
                        | Var::Bridge
                        | Var::Embrace
                        | Var::Bonus
                )
            {
                return None;
            }
            let arrow = if after > before {
                theme.up()
            } else {
                theme.down()
            };
            Some(Line::from(vec![
                Span::styled(
                    format!("{arrow} "),
                    if after > before {
                        theme.good()
                    } else {
                        theme.bad()
                    },
                ),
                Span::raw(format!(
                    "{} {} {} {}",
                    book.label(var),
                    num(*before),
                    theme.arrow(),
                    num(*after)
                )),
                Span::styled(format!(" ({})", entry_cause(book, e)), theme.dim()),
            ]))
        }
    }
}

pub struct LogPanel<'a> {
    pub book: &'a Book,
    pub state: &'a State,
    pub theme: &'a Theme,
    pub scroll: u16,
    /// Set to how far the news can scroll, once its end is in sight.
    pub limit: &'a Cell<u16>,
    pub focused: bool,
    pub objectives: &'a [ObjectiveDef<Raw>],
}

impl Widget for LogPanel<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let s = self.state;
        let title = if s.turn() == 0 {
            " News: the start ".to_string()
        } else {
            format!(
                " News: what happened in {} and why ",
                crate::report::debrief::date_of(s, s.turn() - 1)
            )
        };
        let block = panel(self.theme, title, self.focused);
        let mut lines: Vec<Line> = Vec::new();
        if s.turn() == 0 {
            lines.push(Line::styled(
                "Plan actions with Enter, then end the turn with e. Every change will be listed here with its cause.",
                self.theme.dim(),
            ));
            if !self.objectives.is_empty() {
                lines.push(Line::styled("Objectives:", self.theme.heading()));
                for o in self.objectives {
                    lines.push(Line::raw(format!("• {}", o.text)));
                }
            }
        } else {
            let mut trends = false;
            for e in last_turn(s) {
                let line = entry_line(self.book, self.theme, e);
                if line.is_some() && !trends && e.cause.is_trend() {
                    trends = true;
                    lines.push(Line::styled("Slow trends", self.theme.heading()));
                }
                lines.extend(line);
                // News: what an event says, under its title (its first
                // note; the others are what it set off).
                if let (Entry::Note(crate::rules::Note::Event(id)), Cause::Event(_)) =
                    (&e.entry, &e.cause)
                {
                    let ev = self.book.event(*id);
                    lines.push(Line::styled(format!("  {}", ev.text), self.theme.quote()));
                }
            }
            if lines.is_empty() {
                lines.push(Line::styled("A quiet quarter.", self.theme.dim()));
            }
        }
        // Wrap only what can be seen, and write the rows straight into the
        // buffer: a wrapping paragraph would cost much of the frame.
        let inner = block.inner(area);
        block.render(area, buf);
        let scroll = usize::from(self.scroll);
        let rows = wrap_styled(&lines, inner.width, scroll + usize::from(inner.height));
        self.limit
            .set(if rows.len() < scroll + usize::from(inner.height) {
                super::scroll_limit(rows.len(), inner.height)
            } else {
                // More rows than the panel shows: the end is not yet known.
                u16::MAX
            });
        for (i, row) in rows.iter().skip(scroll).enumerate() {
            put_line(buf, inner.x, inner.y + i as u16, row, inner.width);
        }
    }
}
