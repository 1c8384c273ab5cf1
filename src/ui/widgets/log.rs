//! The news log: what changed last turn, by how much, and why.

use std::cell::Cell;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use super::cache::{RowCache, Version};
use super::{num, panel, scrolled, wrap_styled};
use crate::report::debrief::{change_label, entry_cause};
use crate::rules::defs::ObjectiveDef;
use crate::rules::{Book, Cause, Entry, LogEntry, Raw, State, Var};
use crate::ui::keymap::{Msg, key};
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
            // A cause that already says the note ("Russia: Russian media
            // answer our turn west") is the line itself.
            let whole = cause != text && cause.ends_with(&text);
            let mut spans = vec![
                Span::styled("» ", theme.key()),
                Span::styled(
                    if whole { cause.clone() } else { text.clone() },
                    theme.heading(),
                ),
            ];
            // The game's own notes (the outcome) need no cause.
            if cause != text && !whole && e.cause != Cause::End {
                spans.push(Span::styled(format!(" ({cause})"), theme.dim()));
            }
            Some(Line::from(spans))
        }
        Entry::Change { var, before, after } => {
            // Leverage is shown whole; its parts and the calendar are the
            // record's bookkeeping.
            // The slow trends' share of the scores is left to the gauges:
            // each trend already names the number it moves.
            let trend_score = e.cause.is_trend() && matches!(var, Var::Autonomy | Var::Leverage);
            if num(*before) == num(*after)
                || trend_score
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
                Span::styled(
                    format!(" ({})", change_label(book, e, var, after > before)),
                    theme.dim(),
                ),
            ]))
        }
    }
}

pub struct LogPanel<'a> {
    pub book: &'a Book,
    pub state: &'a State,
    pub theme: &'a Theme,
    pub scroll: u16,
    /// Set to how far the news can scroll.
    pub limit: &'a Cell<u16>,
    pub focused: bool,
    pub objectives: &'a [ObjectiveDef<Raw>],
    /// Where the wrapped news is kept between frames, and for which game.
    pub cache: Option<(&'a RowCache, &'a Version)>,
}

impl LogPanel<'_> {
    /// The news as lines, before wrapping.
    pub fn lines(&self) -> Vec<Line<'static>> {
        let s = self.state;
        let mut lines: Vec<Line<'static>> = Vec::new();
        if s.turn() == 0 {
            lines.push(Line::styled(
                format!(
                    "Plan actions with {}, then end the turn with {}. Every change will be listed here with its cause.",
                    key(Msg::Select),
                    key(Msg::EndTurn)
                ),
                self.theme.dim(),
            ));
            if !self.objectives.is_empty() {
                lines.push(Line::styled("Objectives:", self.theme.heading()));
                for o in self.objectives {
                    lines.push(Line::raw(format!("• {}", o.text)));
                }
            }
            return lines;
        }
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
            if let Entry::Note(crate::rules::Note::Event(id)) = &e.entry {
                let ev = self.book.event(*id);
                lines.push(Line::styled(format!("  {}", ev.text), self.theme.quote()));
            }
        }
        if lines.is_empty() {
            lines.push(Line::styled("A quiet quarter.", self.theme.dim()));
        }
        lines
    }

    /// The news wrapped to `width`, as drawn.
    pub fn rows(&self, width: u16) -> Vec<Line<'static>> {
        wrap_styled(&self.lines(), width, usize::MAX)
    }
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
        // Wrapped once and written straight into the buffer: a wrapping
        // paragraph would cost much of the frame.
        let inner = block.inner(area);
        block.render(area, buf);
        let rows = match self.cache {
            Some((c, v)) => c.rows("news", 0, inner.width, v, || self.rows(inner.width)),
            None => std::rc::Rc::new(self.rows(inner.width)),
        };
        let w = scrolled(self.theme, &rows, self.scroll, self.focused, inner, buf);
        self.limit.set(w.limit);
    }
}
