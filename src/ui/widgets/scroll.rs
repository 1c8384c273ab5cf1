//! Text and lists taller than their panel: drawing the part that shows,
//! with a cue saying how much is hidden above or below and the key that
//! shows it.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;

use super::put_line;
use crate::ui::keymap;
use crate::ui::theme::Theme;

/// Where scrolled rows went: how far they can scroll, the first row
/// shown and its place, and how many are shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Window {
    pub limit: u16,
    pub first: usize,
    pub top: u16,
    pub shown: usize,
}

/// How far `n` rows can scroll in `height` rows: with a cue above, one row
/// fewer shows, so the end is one row further.
pub fn window_limit(n: usize, height: usize) -> usize {
    if n <= height {
        0
    } else {
        n - height + usize::from(height >= 3)
    }
}

/// The window `n` rows scrolled to `scroll` (held within the rows) show
/// in `area`: a cue takes the first row while some are hidden above and
/// the last while more are hidden below.
pub fn window(n: usize, scroll: u16, area: Rect) -> Window {
    let height = usize::from(area.height);
    let limit = window_limit(n, height);
    let first = usize::from(scroll).min(limit);
    let above = first > 0 && height >= 3;
    let avail = height - usize::from(above);
    let below = n > first + avail && height >= 3;
    Window {
        limit: u16::try_from(limit).unwrap_or(u16::MAX),
        first,
        top: area.y + u16::from(above),
        shown: avail.saturating_sub(usize::from(below)).min(n - first),
    }
}

/// Draws the cues of a window of `n` rows in `area`: how many rows are
/// hidden above and below it, and the key that shows them.
pub fn window_cues(
    theme: &Theme,
    w: &Window,
    n: usize,
    focused: bool,
    area: Rect,
    buf: &mut Buffer,
) {
    if w.top > area.y {
        scroll_cue_above(theme, w.first, focused, area, buf);
    }
    let hidden = n - w.first - w.shown;
    if hidden > 0 && area.height >= 3 {
        scroll_cue(theme, hidden, focused, area, buf);
    }
}

/// Draws `rows` in `area` from row `scroll` (held within the rows), with
/// a cue on the first row while some are hidden above and on the last
/// while more are hidden below. The cue names the key that scrolls when
/// the panel has the focus, and the one that gives it the focus when not.
pub fn scrolled(
    theme: &Theme,
    rows: &[Line<'_>],
    scroll: u16,
    focused: bool,
    area: Rect,
    buf: &mut Buffer,
) -> Window {
    let w = window(rows.len(), scroll, area);
    for (i, row) in rows.iter().skip(w.first).take(w.shown).enumerate() {
        put_line(buf, area.x, w.top + i as u16, row, area.width);
    }
    window_cues(theme, &w, rows.len(), focused, area, buf);
    w
}

/// The last row of `area`, saying how many rows or items are hidden below
/// and the key that shows them: "▼ 4 more (PgDn)".
pub fn scroll_cue(theme: &Theme, hidden: usize, focused: bool, area: Rect, buf: &mut Buffer) {
    let how = if focused {
        keymap::key(keymap::Msg::PageDown)
    } else {
        keymap::key(keymap::Msg::Focus)
    };
    let text = format!("{} {hidden} more ({how})", theme.more_below());
    cue_row(theme, &text, area, area.bottom().saturating_sub(1), buf);
}

/// The first row of `area`, saying how many rows or items are hidden above.
pub fn scroll_cue_above(theme: &Theme, hidden: usize, focused: bool, area: Rect, buf: &mut Buffer) {
    let how = if focused {
        keymap::key(keymap::Msg::PageUp)
    } else {
        keymap::key(keymap::Msg::Focus)
    };
    let text = format!("{} {hidden} more ({how})", theme.more_above());
    cue_row(theme, &text, area, area.y, buf);
}

/// Clears row `y` of `area` and writes `text` at its right end.
fn cue_row(theme: &Theme, text: &str, area: Rect, y: u16, buf: &mut Buffer) {
    if area.height == 0 || area.width == 0 {
        return;
    }
    for x in area.x..area.right() {
        buf[(x, y)].reset();
    }
    let line = Line::styled(text.to_string(), theme.key());
    let w = u16::try_from(line.width())
        .unwrap_or(u16::MAX)
        .min(area.width);
    put_line(buf, area.right() - w, y, &line, w);
}
