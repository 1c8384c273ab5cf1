//! Pieces the screens are built from.

pub mod actions;
pub mod cache;
mod changes;
pub mod consequences;
pub mod country;
pub mod gauges;
pub mod goals;
pub mod log;
pub mod map_modes;
pub mod map_panel;
pub mod powers;
mod scroll;
pub mod world;

pub use scroll::{
    Window, scroll_cue, scroll_cue_above, scrolled, window, window_cues, window_limit,
};

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
        "Please enlarge the terminal to at least {}×{} (now {}×{}). Until then keys wait; {} quits, the game autosaved.",
        super::app::MIN_WIDTH,
        super::app::MIN_HEIGHT,
        area.width,
        area.height,
        keymap::key(keymap::Msg::Quit)
    );
    if area.width == 0 || area.height == 0 {
        return;
    }
    let text = Paragraph::new(msg)
        .alignment(Alignment::Center)
        .wrap(Wrap { trim: true });
    let lines = rows(&text, area.width).min(area.height);
    let y = area.y + (area.height - lines) / 2;
    text.render(Rect::new(area.x, y, area.width, lines), buf);
}

/// The rows a paragraph takes at `width`, as ratatui will draw it.
pub fn rows(text: &Paragraph<'_>, width: u16) -> u16 {
    u16::try_from(text.line_count(width)).unwrap_or(u16::MAX)
}

/// How far text of `rows` rows can scroll in `height` rows before its last
/// row shows.
pub fn scroll_limit(rows: usize, height: u16) -> u16 {
    u16::try_from(rows.saturating_sub(usize::from(height))).unwrap_or(u16::MAX)
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
    popup_noted(theme, title, "", area, buf)
}

/// A popup whose border carries a note on the right of its title (e.g.
/// "2 more waiting"); the title is cut between words to leave room for
/// the note and a stretch of border, never at the corner.
pub fn popup_noted(theme: &Theme, title: &str, note: &str, area: Rect, buf: &mut Buffer) -> Rect {
    Clear.render(area, buf);
    // The corners, a space each side of the title, and one ═ at least
    // between it and the corner or the note.
    let room = usize::from(area.width).saturating_sub(5);
    let note = if note.is_empty() || note.chars().count() + 12 > room {
        String::new()
    } else {
        format!(" {note} ")
    };
    let title = cut_words(title, room.saturating_sub(note.chars().count()));
    let mut block = Block::bordered()
        .border_type(BorderType::Double)
        .border_style(theme.border_focus())
        .title(Span::styled(format!(" {title} "), theme.title()));
    if !note.is_empty() {
        block = block.title(Line::from(Span::styled(note, theme.title())).right_aligned());
    }
    let inner = block.inner(area);
    block.render(area, buf);
    inner
}

/// Hints the footer leaves out first when it is too narrow for them all:
/// their keys are named in the map panel's title.
const DROPPED_FIRST: [&str; 2] = ["zoom", "map"];

/// The footer: the keys of the context, from the keymap.
pub fn footer(theme: &Theme, ctx: Ctx, area: Rect, buf: &mut Buffer) {
    let mut hints = keymap::hints(ctx);
    let width = |hints: &[(&str, &str)], gap: usize| -> usize {
        hints
            .iter()
            .map(|(k, w)| k.chars().count() + w.chars().count() + 1 + gap)
            .sum::<usize>()
            .saturating_sub(gap)
    };
    for drop in DROPPED_FIRST {
        if width(&hints, 1) > usize::from(area.width) {
            hints.retain(|(_, w)| *w != drop);
        }
    }
    // Two spaces between hints when they fit, one when the line is narrow.
    let gap = if width(&hints, 2) <= usize::from(area.width) {
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
        let zero = if theme.ascii { "0" } else { "±0" };
        return Span::styled(zero.to_string(), theme.dim());
    } else if theme.ascii {
        // `+` and `-` are the arrows already.
        format!("{}{}", if d > 0.0 { "+" } else { "-" }, num(d.abs()))
    } else if d > 0.0 {
        format!("{}+{}", theme.up(), num(d))
    } else {
        format!("{}{}{}", theme.down(), theme.minus(), num(-d))
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

/// A score for a list that shows it without its bar: to a tenth when that
/// rounds it down, to a hundredth (cut) when a tenth would round it up, so
/// that a score short of a bar (89, or 88.9) never shows on it: 88.96 is
/// "88.96", never "89.0"; 88.94 is "88.9".
pub fn tenth(x: f64) -> String {
    let r = (x * 10.0).round() / 10.0;
    if r > x {
        // A hair's allowance: 67.96 is stored as 67.9599…, and stays 67.96.
        format!("{:.2}", ((x * 100.0) + 1e-6).floor() / 100.0)
    } else {
        format!("{r:.1}")
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

/// Cuts a string to `n` characters between words, with `…` when cut; a
/// first word longer than `n` is cut inside it, as [`cut`] does.
pub fn cut_words(s: &str, n: usize) -> String {
    if s.chars().count() <= n {
        return s.to_string();
    }
    let mut kept = String::new();
    for word in s.split(' ') {
        let with = if kept.is_empty() {
            word.to_string()
        } else {
            format!("{kept} {word}")
        };
        if with.chars().count() + 1 > n {
            break;
        }
        kept = with;
    }
    // A cut after a colon or a comma leaves it dangling: drop it.
    let kept = kept.trim_end_matches([':', ',', ';', ' ']);
    if kept.is_empty() {
        cut(s, n)
    } else {
        format!("{kept}…")
    }
}

/// Wraps styled lines at word boundaries to `width` columns, keeping each
/// span's style. Cheaper than a wrapping `Paragraph` for a panel drawn every
/// frame; a word longer than the width is cut. Widths are counted with
/// `Span::width` (Unicode display width).
pub fn wrap_styled(lines: &[Line<'_>], width: u16, max_rows: usize) -> Vec<Line<'static>> {
    let width = usize::from(width.max(1));
    let mut rows: Vec<Line<'static>> = Vec::new();
    for line in lines {
        if rows.len() >= max_rows {
            break;
        }
        let mut row: Vec<Span<'static>> = Vec::new();
        let mut used = 0usize;
        for span in &line.spans {
            let style = line.style.patch(span.style);
            for word in span.content.split_inclusive(' ') {
                let w = Span::raw(word).width();
                if used + w.saturating_sub(usize::from(word.ends_with(' '))) > width && used > 0 {
                    rows.push(Line::from(std::mem::take(&mut row)));
                    used = 0;
                }
                let word = if used == 0 && w > width {
                    word.chars().take(width).collect::<String>()
                } else {
                    word.to_string()
                };
                used += Span::raw(word.as_str()).width();
                match row.last_mut() {
                    Some(last) if last.style == style => last.content.to_mut().push_str(&word),
                    _ => row.push(Span::styled(word, style)),
                }
            }
        }
        rows.push(Line::from(row));
    }
    rows.truncate(max_rows);
    rows
}

/// Writes a line into one row of the buffer, like `Buffer::set_line`, but
/// writes ASCII spans cell by cell without grapheme segmentation, which is
/// most of the cost of text-heavy panels drawn every frame.
pub fn put_line(buf: &mut Buffer, x: u16, y: u16, line: &Line<'_>, width: u16) {
    let area = buf.area;
    if y < area.y || y >= area.bottom() || x < area.x {
        return;
    }
    let end = x.saturating_add(width).min(area.right());
    let mut cx = x;
    for span in &line.spans {
        if cx >= end {
            break;
        }
        let style = line.style.patch(span.style);
        if span.content.is_ascii() {
            for b in span.content.bytes() {
                if cx >= end {
                    break;
                }
                let ch = if b.is_ascii_control() {
                    ' '
                } else {
                    char::from(b)
                };
                buf[(cx, y)].set_char(ch).set_style(style);
                cx += 1;
            }
        } else {
            let (nx, _) = buf.set_stringn(cx, y, &span.content, usize::from(end - cx), style);
            cx = nx;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::style::{Color, Style};

    #[test]
    fn signed_numbers_carry_one_sign() {
        let text = |ascii, d| signed(&Theme::new(false, ascii), d).content.to_string();
        assert_eq!(text(true, 1.1), "+1.1");
        assert_eq!(text(true, -2.0), "-2");
        assert_eq!(text(false, 1.1), "▲+1.1");
        assert_eq!(text(false, -2.0), "▼−2");
        assert_eq!(text(true, 0.01), "0");
        assert_eq!(text(false, 0.01), "±0");
    }

    #[test]
    fn a_listed_score_never_rounds_up_onto_a_bar() {
        assert_eq!(tenth(88.96), "88.96");
        assert_eq!(tenth(88.94), "88.9");
        assert_eq!(tenth(88.9), "88.9");
        assert_eq!(tenth(89.0), "89.0");
        assert_eq!(tenth(56.15), "56.15");
        assert_eq!(tenth(67.96), "67.96");
        assert_eq!(tenth(88.799_999), "88.79");
        assert_eq!(tenth(100.0), "100.0");
    }

    #[test]
    fn titles_are_cut_between_words() {
        let t = "Turkey offers: Turkish investors want a stake in the corridor";
        assert_eq!(cut_words(t, 80), t);
        assert_eq!(cut_words(t, 30), "Turkey offers: Turkish…");
        assert_eq!(cut_words(t, 16), "Turkey offers…");
        assert_eq!(cut_words("Unbreakableword", 6), "Unbre…");
        assert_eq!(cut_words(t, 0), "");
    }

    #[test]
    fn wrapping_keeps_words_and_styles() {
        let red = Style::default().fg(Color::Red);
        let line = Line::from(vec![
            Span::raw("Russia proximity 62 → 56 "),
            Span::styled("(Reaction: Russia warning)", red),
        ]);
        let rows = wrap_styled(&[line], 20, 10);
        let text: Vec<String> = rows
            .iter()
            .map(|r| r.spans.iter().map(|s| s.content.as_ref()).collect())
            .collect();
        assert_eq!(
            text,
            [
                "Russia proximity 62 ",
                "→ 56 (Reaction: ",
                "Russia warning)"
            ]
        );
        assert!(rows.iter().all(|r| r.width() <= 20));
        assert_eq!(rows[2].spans[0].style, red);
        assert_eq!(wrap_styled(&[Line::raw("a b c d")], 3, 1).len(), 1);
        assert_eq!(wrap_styled(&[Line::raw("abcdefgh")], 3, 5)[0].width(), 3);
    }

    #[test]
    fn put_line_writes_what_set_line_writes() {
        let red = Style::default().fg(Color::Red);
        let line = Line::from(vec![
            Span::raw("» Europe "),
            Span::styled("rearms (Turkey–EU coupling 45 → 50.9)", red),
            Span::raw(" and more text than fits"),
        ])
        .style(Style::default().bg(Color::Blue));
        let area = Rect::new(0, 0, 40, 2);
        let (mut a, mut b) = (Buffer::empty(area), Buffer::empty(area));
        a.set_line(1, 1, &line, 30);
        put_line(&mut b, 1, 1, &line, 30);
        assert_eq!(a, b);
    }
}
