//! The action list (cost, whether it can be taken now and why not, planned
//! ones marked) and the preview of the selected action's likely effects.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget, Wrap};

use super::{cut, num, panel, put_line, signed};
use crate::rules::preview::preview_action;
use crate::rules::{ActionId, Book, Illegal, State, Var, check_action};
use crate::ui::theme::Theme;

/// The first row shown, so that the selected row is visible.
pub fn list_offset(selected: usize, rows: usize) -> usize {
    if rows == 0 {
        return 0;
    }
    selected.saturating_sub(rows - 1)
}

pub struct ActionList<'a> {
    pub book: &'a Book,
    pub state: &'a State,
    pub theme: &'a Theme,
    pub selected: usize,
    pub focused: bool,
}

impl Widget for ActionList<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let (s, t) = (self.state, self.theme);
        let planned = s.planned().len();
        let title = if area.width >= 44 {
            format!(
                " Actions ({planned} planned, {} capital left) ",
                s.capital()
            )
        } else {
            format!(" Actions ({planned} planned) ")
        };
        let block = panel(t, title, self.focused);
        let inner = block.inner(area);
        block.render(area, buf);
        let rows = usize::from(inner.height);
        let offset = list_offset(self.selected, rows);
        let name_w = usize::from(inner.width).saturating_sub(7);
        for (row, (i, id)) in self
            .book
            .action_ids()
            .enumerate()
            .skip(offset)
            .take(rows)
            .enumerate()
        {
            let a = self.book.action(id);
            let is_planned = s.planned().contains(&id);
            let check = check_action(s, self.book, id);
            let running = s.projects().iter().find(|p| p.action == id);
            let (mark, style) = if is_planned {
                (t.check(), t.good())
            } else if check.is_ok() {
                (" ", t.text())
            } else {
                (t.cross(), t.dim())
            };
            let pointer = if i == self.selected { t.pointer() } else { " " };
            let mut name = a.name.clone();
            if let Some(p) = running {
                name = format!("{name} [{}/{}]", p.done, p.duration);
            }
            let line = Line::from(vec![
                Span::raw(format!("{pointer}{mark} ")),
                Span::styled(format!("{:<name_w$}", cut(&name, name_w)), style),
                Span::styled(format!("{:>3}", a.cost), style),
            ]);
            let line = if i == self.selected && self.focused {
                line.style(t.selected())
            } else {
                line
            };
            // One row, written straight into the buffer: a paragraph per
            // row would cost most of the frame.
            put_line(buf, inner.x, inner.y + row as u16, &line, inner.width);
        }
    }
}

/// Why an action cannot be taken, in the player's words.
pub fn why_not(state: &State, e: &Illegal) -> String {
    match e {
        Illegal::Cooldown(t) => format!(
            "available again in {} (turn {})",
            crate::report::debrief::date_of(state, *t),
            t + 1
        ),
        other => other.to_string(),
    }
}

pub struct PreviewPanel<'a> {
    pub book: &'a Book,
    pub state: &'a State,
    pub theme: &'a Theme,
    pub selected: usize,
}

impl Widget for PreviewPanel<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let (s, t, book) = (self.state, self.theme, self.book);
        if self.selected >= book.actions.len() {
            panel(t, " Preview ", false).render(area, buf);
            return;
        }
        let id = ActionId::from_index(self.selected);
        let a = book.action(id);
        let mut lines: Vec<Line> = Vec::new();
        let is_planned = s.planned().contains(&id);
        if is_planned {
            lines.push(Line::styled(
                format!(
                    "{} Planned this turn (u undoes the last planned)",
                    t.check()
                ),
                t.good(),
            ));
        } else if let Err(e) = check_action(s, book, id) {
            lines.push(Line::styled(
                format!("{} Not now: {}", t.cross(), why_not(s, &e)),
                t.warn(),
            ));
        }
        lines.push(Line::raw(a.text.clone()));
        if a.duration > 0 {
            lines.push(Line::styled(
                format!(
                    "A project of {} turns; its full effect comes on completion.",
                    a.duration
                ),
                t.dim(),
            ));
        }
        {
            let p = preview_action(s, book, id);
            lines.push(Line::from(vec![
                Span::styled("Likely: ", t.heading()),
                Span::raw("Autonomy "),
                signed(t, p.autonomy),
                Span::raw("  Leverage "),
                signed(t, p.leverage),
                Span::raw("  Stability "),
                signed(t, p.stability),
            ]));
            let mut prox = vec![Span::styled("Closeness: ", t.heading())];
            for (i, d) in p.proximity.iter().enumerate() {
                if d.abs() >= 0.05 {
                    let power = crate::rules::Power::ALL[i];
                    prox.push(Span::styled(format!("{} ", power.name()), t.power(power)));
                    prox.push(signed(t, *d));
                    prox.push(Span::raw("  "));
                }
            }
            if prox.len() > 1 {
                lines.push(Line::from(prox));
            }
            let others: Vec<String> = p
                .changes()
                .iter()
                .filter(|(v, _)| {
                    !matches!(
                        v,
                        Var::Proximity(_)
                            | Var::Stability
                            | Var::Capital
                            | Var::Autonomy
                            | Var::Leverage
                            | Var::Structure(..)
                    )
                })
                .take(4)
                .map(|(v, d)| {
                    format!(
                        "{} {}{}",
                        book.label(v),
                        if *d > 0.0 { "+" } else { t.minus() },
                        num(d.abs())
                    )
                })
                .collect();
            if !others.is_empty() {
                lines.push(Line::from(vec![
                    Span::styled("Also: ", t.heading()),
                    Span::raw(others.join(" · ")),
                ]));
            }
            let provoked = p.provokes(s);
            if !provoked.is_empty() {
                let names: Vec<&str> = provoked.iter().map(|p| p.name()).collect();
                lines.push(Line::styled(
                    format!(
                        "{} May provoke: {} (strain past tolerance)",
                        t.risk_mark(),
                        names.join(", ")
                    ),
                    t.bad(),
                ));
            }
        }
        let title = format!(" {} — cost {} ", a.name, a.cost);
        Paragraph::new(lines)
            .block(panel(t, Span::styled(title, t.heading()), false))
            .wrap(Wrap { trim: true })
            .render(area, buf);
    }
}
