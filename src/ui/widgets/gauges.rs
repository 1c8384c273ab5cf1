//! The three scores as gauges, each with the best ending's threshold marked
//! on its bar, its change since last turn and its history as a sparkline;
//! leverage opened into its parts on request; and the capital, with how
//! much of it carries over.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Sparkline, Widget, Wrap};

use super::{num, panel, signed};
use crate::rules::{Book, Snapshot, State, Var};
use crate::ui::goals::{near, score_goal};
use crate::ui::keymap::{Msg, key};
use crate::ui::theme::Theme;

pub struct Scores<'a> {
    pub book: &'a Book,
    pub state: &'a State,
    pub theme: &'a Theme,
    pub compact: bool,
    /// Leverage opened into its parts.
    pub parts: bool,
}

/// The capital line: what is left, the refill and the carry cap.
pub fn capital_words(book: &Book, state: &State, short: bool) -> String {
    let carry = book.model.capital.carry;
    if short {
        format!(
            "{} (+{}/turn, carry ≤{carry})",
            state.capital(),
            state.capital_per_turn(),
        )
    } else {
        format!(
            "{} left, +{} a turn; at most {carry} carries over",
            state.capital(),
            state.capital_per_turn(),
        )
    }
}

/// Leverage's parts in a line: "= stakes 12.5 + routes 10 + bridge 0 − …".
pub fn parts_line(book: &Book, state: &State, t: &Theme) -> Line<'static> {
    let mut spans = vec![Span::styled("Leverage = ", t.leverage())];
    let parts = state.leverage_parts().contributions(book, state.assets());
    for (i, (name, _, add)) in parts.into_iter().enumerate() {
        // A penalty is taken off even when it is nothing yet (−0).
        let sign = if add.is_sign_negative() {
            format!(" {} ", t.minus())
        } else if i > 0 {
            " + ".to_string()
        } else {
            String::new()
        };
        spans.push(Span::raw(sign));
        spans.push(Span::raw(format!("{name} {}", num(add.abs()))));
    }
    Line::from(spans)
}

/// The mark of the best ending's threshold on a gauge.
fn goal_mark(t: &Theme) -> &'static str {
    if t.ascii { "|" } else { "╎" }
}

impl Widget for Scores<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let (s, t) = (self.state, self.theme);
        let title = format!(
            " Scores ({} best ending; {} parts) ",
            goal_mark(t),
            key(Msg::Parts)
        );
        let block = panel(t, title, false);
        let inner = block.inner(area);
        block.render(area, buf);
        let history = s.history();
        let prev = history.len().checked_sub(2).map(|i| &history[i]);
        type Get = fn(&Snapshot) -> f64;
        let rows: [(&str, Get, Style, Var); 3] = [
            ("Autonomy", |h| h.autonomy, t.autonomy(), Var::Autonomy),
            ("Leverage", |h| h.leverage, t.leverage(), Var::Leverage),
            ("Stability", |h| h.stability, t.stability(), Var::Stability),
        ];
        let bar_w: u16 = if self.compact || inner.width < 50 {
            10
        } else {
            16
        };
        let now = Snapshot {
            turn: s.turn(),
            autonomy: s.autonomy(),
            leverage: s.leverage(),
            stability: s.stability(),
            capital: f64::from(s.capital()),
            proximity: [0.0; 4],
            world: [0.0; 7],
        };
        let mut y = inner.y;
        for (name, get, style, var) in rows {
            let value = get(&now);
            let before = prev.map(get);
            let data: Vec<u64> = history.iter().map(|h| get(h).round() as u64).collect();
            if y >= inner.bottom() {
                break;
            }
            let filled = ((value / 100.0) * f64::from(bar_w))
                .round()
                .clamp(0.0, f64::from(bar_w)) as usize;
            let (full, empty) = t.bar();
            let mut bar: Vec<Span> = (0..usize::from(bar_w))
                .map(|i| {
                    if i < filled {
                        Span::styled(full, style)
                    } else {
                        Span::styled(empty, t.dim())
                    }
                })
                .collect();
            if let Some(goal) = score_goal(self.book, s, &var) {
                // The mark goes on the cell the threshold falls in.
                let at = ((goal / 100.0) * f64::from(bar_w)).round() as usize;
                if let Some(cell) = bar.get_mut(at.min(usize::from(bar_w) - 1)) {
                    *cell = Span::styled(goal_mark(t), t.heading());
                }
            }
            let goal = score_goal(self.book, s, &var);
            let mut spans = vec![Span::styled(format!("{name:<10}"), t.heading())];
            spans.extend(bar);
            let shown = near(value, goal.unwrap_or(f64::NAN));
            spans.push(Span::styled(format!(" {shown:>4} "), t.heading()));
            match before {
                Some(b) => spans.push(signed(t, value - b)),
                None => spans.push(Span::styled("  ", t.dim())),
            }
            let text_w: u16 = 10 + bar_w + 6 + 7;
            Paragraph::new(Line::from(spans))
                .render(Rect::new(inner.x, y, inner.width.min(text_w), 1), buf);
            if inner.width > text_w + 2 {
                let spark = Rect::new(inner.x + text_w + 1, y, inner.width - text_w - 1, 1);
                // The latest turns, as many as fit.
                let n = usize::from(spark.width);
                let from = data.len().saturating_sub(n);
                Sparkline::default()
                    .data(&data[from..])
                    .max(100)
                    .style(style)
                    .render(spark, buf);
            }
            y += 1;
            if var == Var::Leverage && self.parts {
                let h = 2.min(inner.bottom().saturating_sub(y));
                Paragraph::new(parts_line(self.book, s, t))
                    .wrap(Wrap { trim: true })
                    .render(
                        Rect::new(inner.x + 2, y, inner.width.saturating_sub(2), h),
                        buf,
                    );
                y += h;
            }
        }
        if y < inner.bottom() {
            let short = inner.width < 52;
            let line = Line::from(vec![
                Span::styled("Capital   ", t.heading()),
                Span::raw(capital_words(self.book, s, short)),
            ]);
            Paragraph::new(line).render(Rect::new(inner.x, y, inner.width, 1), buf);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_embrace_penalty_is_taken_off_even_at_nothing() {
        let book = crate::content::builtin().unwrap();
        let sc = book.scenario("standard").unwrap().clone();
        let s = crate::rules::new_game(&book, &sc, Some("uzbekistan"), 1).unwrap();
        let t = Theme::new(false, false);
        let line: String = parts_line(&book, &s, &t)
            .spans
            .iter()
            .map(|x| x.content.to_string())
            .collect();
        assert!(line.contains(&format!(" {} embrace ", t.minus())), "{line}");
        assert!(!line.contains("+ embrace"), "{line}");
    }
}
