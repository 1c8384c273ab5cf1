//! The three scores as gauges, with their change since last turn and their
//! history as a sparkline.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Sparkline, Widget};

use super::{num, panel, signed};
use crate::rules::{Snapshot, State};
use crate::ui::theme::Theme;

pub struct Scores<'a> {
    pub state: &'a State,
    pub theme: &'a Theme,
    pub compact: bool,
}

impl Widget for Scores<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let s = self.state;
        let t = self.theme;
        let block = panel(t, " Scores ", false);
        let inner = block.inner(area);
        block.render(area, buf);
        let history = s.history();
        let prev = history.len().checked_sub(2).map(|i| &history[i]);
        type Get = fn(&Snapshot) -> f64;
        let rows: [(&str, Get, Style); 3] = [
            ("Autonomy", |h| h.autonomy, t.autonomy()),
            ("Leverage", |h| h.leverage, t.leverage()),
            ("Stability", |h| h.stability, t.stability()),
        ];
        let bar_w: u16 = if self.compact { 10 } else { 16 };
        let now = Snapshot {
            turn: s.turn(),
            autonomy: s.autonomy(),
            leverage: s.leverage(),
            stability: s.stability(),
            capital: f64::from(s.capital()),
            proximity: [0.0; 4],
            world: [0.0; 7],
        };
        for (i, (name, get, style)) in rows.into_iter().enumerate() {
            let value = get(&now);
            let before = prev.map(get);
            let data: Vec<u64> = history.iter().map(|h| get(h).round() as u64).collect();
            let y = inner.y + i as u16;
            if y >= inner.bottom() {
                break;
            }
            let filled = ((value / 100.0) * f64::from(bar_w))
                .round()
                .clamp(0.0, f64::from(bar_w)) as usize;
            let (full, empty) = t.bar();
            let mut spans = vec![
                Span::styled(format!("{name:<10}"), t.heading()),
                Span::styled(full.repeat(filled), style),
                Span::styled(empty.repeat(usize::from(bar_w) - filled), t.dim()),
                Span::styled(format!(" {:>3} ", num(value.round())), t.heading()),
            ];
            match before {
                Some(b) => spans.push(signed(t, value - b)),
                None => spans.push(Span::styled("  ", t.dim())),
            }
            let text_w: u16 = 10 + bar_w + 5 + 7;
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
        }
        let y = inner.y + 3;
        if y < inner.bottom() {
            let line = Line::from(vec![
                Span::styled("Capital   ", t.heading()),
                Span::raw(format!(
                    "{} left (+{} a turn)",
                    s.capital(),
                    s.capital_per_turn()
                )),
            ]);
            Paragraph::new(line).render(Rect::new(inner.x, y, inner.width, 1), buf);
        }
    }
}
