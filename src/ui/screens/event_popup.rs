//! Where the event popup goes and what it shows: the event's words, then
//! the answers, in one text that scrolls (PgUp/PgDn/Home/End, and ↑/↓
//! keep the selected answer in view) when the terminal is too short for
//! all of it, with a cue saying how much is hidden and the key that shows it.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Widget, Wrap};

use super::event::{Content, content};
use crate::ui::app::App;
use crate::ui::keymap::{Ctx, Msg};
use crate::ui::widgets::{Window, centered, footer, popup_noted, rows, window, window_cues};

/// The rows these lines take when wrapped to `width`, exactly as drawn.
fn height(lines: &[Line<'static>], width: u16, trim: bool) -> u16 {
    rows(&Paragraph::new(lines.to_vec()).wrap(Wrap { trim }), width)
}

/// The popup laid out in a screen.
struct Laid {
    rect: Rect,
    title: String,
    /// "2 more waiting", on the border's right.
    note: String,
    /// The event's words (wrapped trimmed), then "Your answer:" and the
    /// answers (wrapped as they are), as one text of `body + answers` rows.
    lines: Vec<Line<'static>>,
    answers: Vec<Line<'static>>,
    body: u16,
    /// Each answer's first row and the row after it, in the whole text.
    spans: Vec<(u16, u16)>,
    /// Where the text goes, and the keys' row below it.
    view: Rect,
    keys: Rect,
}

impl Laid {
    fn rows(&self) -> usize {
        usize::from(self.spans.last().map_or(self.body + 1, |s| s.1))
    }
}

fn lay_out(app: &App, area: Rect) -> Option<Laid> {
    let play = app.play.as_ref()?;
    let w = (area.width * 4 / 5).clamp(60, 104).min(area.width);
    let inner_w = w.saturating_sub(2);
    // Each answer's changes line by line where there is room, run together
    // where there is not.
    let room = area.height.saturating_sub(2);
    let need = |c: &Content| {
        let quote: Vec<Line<'static>> = c.quote.iter().cloned().collect();
        height(&c.lines, inner_w, true)
            + height(&quote, inner_w, true)
            + c.choices
                .iter()
                .map(|a| height(a, inner_w, false))
                .sum::<u16>()
            + 4
    };
    let mut c = content(app, false)?;
    if need(&c) > room {
        c = content(app, true)?;
    }
    if need(&c) > room {
        // The answers and where the event happens come first.
        c.quote = None;
    }
    // The article's sentence stands between the event's words and where
    // the event happens.
    if let Some(q) = c.quote.take() {
        c.lines.insert(1.min(c.lines.len()), q);
    }
    let h = need(&c).min(room);
    let rect = centered(area, w, h);
    let more = play.game.state().pending().len() - 1;
    let title = c.title.clone();
    let note = if more > 0 {
        format!("{more} more waiting")
    } else {
        String::new()
    };
    let inner = rect.inner(ratatui::layout::Margin::new(1, 1));
    let [view, keys] = Layout::vertical([Constraint::Fill(1), Constraint::Length(1)]).areas(inner);
    let body = height(&c.lines, inner.width, true);
    // "Your answer:" takes the first row of the answers.
    let mut at = body + 1;
    let mut spans = Vec::new();
    let mut answers = vec![Line::styled("Your answer:", app.theme.heading())];
    for a in c.choices {
        let end = at + height(&a, inner.width, false);
        spans.push((at, end));
        at = end;
        answers.extend(a);
    }
    Some(Laid {
        rect,
        title,
        note,
        lines: c.lines,
        answers,
        body,
        spans,
        view,
        keys,
    })
}

/// The first row shown for a scroll of `scroll`.
fn window_of(l: &Laid, scroll: u16) -> Window {
    window(l.rows(), scroll, l.view)
}

/// Moves the popup's text by a key: a page or to an end; after ↑/↓ (the
/// choice already moved) it scrolls as little as keeps the selected
/// answer in view.
pub fn scroll(app: &mut App, msg: Msg) {
    let area = app.area();
    let Some(l) = lay_out(app, area) else {
        return;
    };
    let Some(play) = app.play.as_mut() else {
        return;
    };
    let limit = window_of(&l, u16::MAX).limit;
    let page = l.view.height.saturating_sub(2).max(1);
    let s = play.event_scroll.min(limit);
    play.event_scroll = match msg {
        Msg::PageUp => s.saturating_sub(page),
        Msg::PageDown => s.saturating_add(page),
        Msg::Home => 0,
        Msg::End => limit,
        Msg::Up | Msg::Down => {
            let (a, b) = l.spans.get(play.choice).copied().unwrap_or((0, 0));
            // Rows shown under a cue above and over one below.
            let rows = l.view.height.saturating_sub(2).max(1);
            if a < s {
                a.saturating_sub(1)
            } else if b > s + rows {
                (b - rows).min(a.saturating_sub(1))
            } else {
                s
            }
        }
        _ => s,
    }
    .min(limit);
}

pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let Some(play) = &app.play else { return };
    let Some(l) = lay_out(app, area) else {
        return;
    };
    let t = &app.theme;
    popup_noted(t, &l.title, &l.note, l.rect, buf);
    let w = window_of(&l, play.event_scroll);
    let (first, shown) = (w.first as u16, w.shown as u16);
    // The part of the event's words in the window, then the answers'.
    let body_rows = l.body.saturating_sub(first).min(shown);
    if body_rows > 0 {
        Paragraph::new(l.lines.clone())
            .wrap(Wrap { trim: true })
            .scroll((first, 0))
            .render(Rect::new(l.view.x, w.top, l.view.width, body_rows), buf);
    }
    let rest = shown - body_rows;
    if rest > 0 {
        Paragraph::new(l.answers.clone())
            .wrap(Wrap { trim: false })
            .scroll((first.saturating_sub(l.body), 0))
            .render(
                Rect::new(l.view.x, w.top + body_rows, l.view.width, rest),
                buf,
            );
    }
    window_cues(t, &w, l.rows(), true, l.view, buf);
    footer(t, Ctx::Event, l.keys, buf);
}
