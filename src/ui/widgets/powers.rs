//! The powers: proximity, tolerance, strain, crisis ladder, and each one's
//! share of every dependence domain, shares over half marked as a risk.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Cell, Row, Table, Widget};

use super::{num, panel};
use crate::rules::{Domain, LadderStep, Power, State};
use crate::ui::theme::Theme;

pub struct PowersTable<'a> {
    pub state: &'a State,
    pub theme: &'a Theme,
}

fn short_domain(d: Domain, compact: bool) -> &'static str {
    match (d, compact) {
        (Domain::Security, false) => "Sec.",
        (Domain::Security, true) => "Sec",
        (Domain::Trade, false) => "Trade",
        (Domain::Trade, true) => "Trd",
        (Domain::TransitEnergy, false) => "Tran",
        (Domain::TransitEnergy, true) => "Trn",
        (Domain::Finance, false) => "Fin.",
        (Domain::Finance, true) => "Fin",
        (Domain::CultureInformation, false) => "Cult.",
        (Domain::CultureInformation, true) => "Cul",
    }
}

/// The inner width the full table needs; narrower, the compact one shows.
const FULL_WIDTH: u16 = 58;

fn short_step(step: LadderStep) -> &'static str {
    match step {
        LadderStep::Calm => "calm",
        LadderStep::Protest => "prot",
        LadderStep::Warning => "warn",
        LadderStep::Pressure => "pres",
        LadderStep::Coercion => "coer",
    }
}

impl Widget for PowersTable<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let (s, t) = (self.state, self.theme);
        let compact = area.width < FULL_WIDTH + 2;
        let mut header = vec![
            Cell::from("Power"),
            Cell::from(if compact { "Prx" } else { "Prox" }),
            // Compact: one column for tolerance and strain, the room left
            // before the power climbs its crisis ladder.
            Cell::from(if compact { "Pat" } else { "Tol" }),
        ];
        if !compact {
            header.push(Cell::from("Str"));
        }
        header.push(Cell::from(if compact { "Ladr" } else { "Ladder" }));
        for d in Domain::ALL {
            header.push(Cell::from(
                Line::from(short_domain(d, compact)).right_aligned(),
            ));
        }
        let rows = Power::ALL.into_iter().map(|p| {
            let ps = s.power(p);
            let mut cells = vec![
                Cell::from(Span::styled(
                    p.name(),
                    t.power(p).add_modifier(ratatui::style::Modifier::BOLD),
                )),
                Cell::from(Line::from(num(ps.proximity.round())).right_aligned()),
                if compact {
                    let patience = ps.tolerance - ps.strain;
                    Cell::from(
                        Line::styled(
                            num(patience.round()),
                            if patience < 0.0 {
                                t.bad()
                            } else if ps.strain > 0.6 * ps.tolerance {
                                t.warn()
                            } else {
                                t.text()
                            },
                        )
                        .right_aligned(),
                    )
                } else {
                    Cell::from(Line::from(num(ps.tolerance.round())).right_aligned())
                },
            ];
            if !compact {
                let strained = ps.strain > ps.tolerance;
                cells.push(Cell::from(
                    Line::styled(
                        num(ps.strain.round()),
                        if strained { t.bad() } else { t.text() },
                    )
                    .right_aligned(),
                ));
            }
            let step = if compact {
                short_step(ps.ladder)
            } else {
                ps.ladder.name()
            };
            cells.push(Cell::from(Span::styled(
                step,
                if ps.ladder == LadderStep::Calm {
                    t.dim()
                } else {
                    t.bad()
                },
            )));
            for d in Domain::ALL {
                let share = s.share(d, p.holder());
                let cell = if share > 50 {
                    Line::styled(format!("{}{share}", t.risk_mark()), t.bad())
                } else {
                    Line::raw(format!("{share}"))
                };
                cells.push(Cell::from(cell.right_aligned()));
            }
            Row::new(cells)
        });
        let prx = if compact { 3 } else { 4 };
        let mut widths = vec![
            Constraint::Length(6),
            Constraint::Length(prx),
            Constraint::Length(3),
        ];
        if !compact {
            widths.push(Constraint::Length(3));
        }
        widths.push(Constraint::Length(if compact { 4 } else { 8 }));
        widths.extend([Constraint::Length(if compact { 3 } else { 5 }); 5]);
        let title = if compact {
            " Powers (shares %, ▲ over half) "
        } else {
            " Powers, and their share % of each domain (▲ over half) "
        };
        let title = if t.ascii {
            title.replace('▲', "^")
        } else {
            title.to_string()
        };
        Table::new(rows, widths)
            .header(Row::new(header).style(t.heading()))
            .column_spacing(1)
            .block(panel(t, title, false))
            .render(area, buf);
    }
}
