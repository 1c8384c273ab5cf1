//! Pieces the screens are built from.

pub mod actions;
pub mod gauges;
pub mod log;
pub mod map_panel;
pub mod powers;

use ratatui::buffer::Buffer;
use ratatui::layout::{Alignment, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Clear, Paragraph, Widget, Wrap};

use super::keymap::{self, Ctx};
use super::theme::Theme;

/// Below the minimum size: only a centred request to enlarge.
pub fn enlarge(area: Rect, buf: &mut Buffer) {
    let msg = format!(
        "Please enlarge the terminal to at least {}×{} (now {}×{})",
        super::app::MIN_WIDTH,
        super::app::MIN_HEIGHT,
        area.width,
        area.height
    );
    if area.width == 0 || area.height == 0 {
        return;
    }
    let lines = wrapped_height(&msg, area.width).min(area.height);
    let y = area.y + (area.height - lines) / 2;
    Paragraph::new(msg)
        .alignment(Alignment::Center)
        .wrap(Wrap { trim: true })
        .render(Rect::new(area.x, y, area.width, lines), buf);
}

/// Roughly how many lines a text takes wrapped at `width`.
pub fn wrapped_height(text: &str, width: u16) -> u16 {
    let w = usize::from(width.max(1));
    let mut lines = 0usize;
    for para in text.split('\n') {
        let mut len = 0usize;
        let mut n = 1usize;
        for word in para.split_whitespace() {
            let wl = word.chars().count();
            if len == 0 {
                len = wl;
            } else if len + 1 + wl <= w {
                len += 1 + wl;
            } else {
                n += 1 + (wl.saturating_sub(1)) / w;
                len = wl.min(w);
            }
        }
        lines += n;
    }
    u16::try_from(lines).unwrap_or(u16::MAX)
}

/// A rectangle of at most `w`×`h` in the middle of `area`.
pub fn centered(area: Rect, w: u16, h: u16) -> Rect {
    let w = w.min(area.width);
    let h = h.min(area.height);
    Rect::new(
        area.x + (area.width - w) / 2,
        area.y + (area.height - h) / 2,
        w,
        h,
    )
}

/// A bordered panel with a title.
pub fn panel<'a>(theme: &Theme, title: impl Into<Line<'a>>, focused: bool) -> Block<'a> {
    Block::bordered()
        .border_type(if focused {
            BorderType::Thick
        } else {
            BorderType::Rounded
        })
        .border_style(if focused {
            theme.border_focus()
        } else {
            theme.border()
        })
        .title(title)
}

/// Clears the area and draws a popup frame; returns the inside.
pub fn popup(theme: &Theme, title: &str, area: Rect, buf: &mut Buffer) -> Rect {
    Clear.render(area, buf);
    let block = Block::bordered()
        .border_type(BorderType::Double)
        .border_style(theme.border_focus())
        .title(Span::styled(format!(" {title} "), theme.title()));
    let inner = block.inner(area);
    block.render(area, buf);
    inner
}

/// The footer: the keys of the context, from the keymap.
pub fn footer(theme: &Theme, ctx: Ctx, area: Rect, buf: &mut Buffer) {
    let hints = keymap::hints(ctx);
    let full: usize = hints
        .iter()
        .map(|(k, w)| k.chars().count() + w.chars().count() + 3)
        .sum();
    // Two spaces between hints when they fit, one when the line is narrow.
    let gap = if full <= usize::from(area.width) + 2 {
        "  "
    } else {
        " "
    };
    let mut spans = Vec::new();
    for (key, what) in hints {
        if !spans.is_empty() {
            spans.push(Span::raw(gap));
        }
        spans.push(Span::styled(key, theme.key()));
        spans.push(Span::styled(format!(" {what}"), theme.dim()));
    }
    Paragraph::new(Line::from(spans)).render(area, buf);
}

/// A status message line (empty when there is none).
pub fn status(theme: &Theme, text: Option<&str>, area: Rect, buf: &mut Buffer) {
    if let Some(t) = text {
        Paragraph::new(Span::styled(t.to_string(), theme.status())).render(area, buf);
    }
}

/// A signed number with an arrow, e.g. `▲+2.5` or `▼−3`.
pub fn signed(theme: &Theme, d: f64) -> Span<'static> {
    let style: Style = if d > 0.0 { theme.good() } else { theme.bad() };
    let text = if d.abs() < 0.05 {
        return Span::styled("±0".to_string(), theme.dim());
    } else if d > 0.0 {
        format!("{}+{}", theme.up(), num(d))
    } else {
        format!("{}−{}", theme.down(), num(-d))
    };
    Span::styled(text, style)
}

/// A number with no decimals when whole enough, else one.
pub fn num(x: f64) -> String {
    if (x - x.round()).abs() < 0.05 {
        format!("{:.0}", x.round())
    } else {
        format!("{x:.1}")
    }
}

/// Cuts a string to `n` characters, with `…` when cut.
pub fn cut(s: &str, n: usize) -> String {
    if s.chars().count() <= n {
        s.to_string()
    } else if n == 0 {
        String::new()
    } else {
        let mut t: String = s.chars().take(n - 1).collect();
        t.push('…');
        t
    }
}
