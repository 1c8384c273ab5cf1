//! The load screen: the saves in the save directory, with their state,
//! turn, date and scores; broken ones shown with their error.

use std::path::Path;

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Cell, Paragraph, Row, Table, Widget};

use crate::save::{self, SaveInfo};
use crate::ui::app::{App, Screen};
use crate::ui::keymap::{Ctx, Msg};
use crate::ui::widgets::{cut, footer, panel, status, tenth};

#[derive(Debug, Clone, Default)]
pub struct LoadState {
    pub saves: Vec<SaveInfo>,
    pub selected: usize,
}

impl LoadState {
    pub fn refresh(&mut self, dir: &Path) {
        self.saves = save::list(dir);
        self.selected = self.selected.min(self.saves.len().saturating_sub(1));
    }
}

pub fn update(app: &mut App, msg: Msg) {
    let n = app.load.saves.len();
    match msg {
        Msg::Up => app.load.selected = app.load.selected.saturating_sub(1),
        Msg::Down => app.load.selected = (app.load.selected + 1).min(n.saturating_sub(1)),
        Msg::Back => app.screen = Screen::Title,
        Msg::Select => {
            let Some(info) = app.load.saves.get(app.load.selected) else {
                return;
            };
            if let Some(err) = &info.error {
                app.status = Some(format!("{} cannot be loaded: {err}", info.name));
                return;
            }
            match save::read(&app.book, &info.path) {
                Ok(loaded) => {
                    // The game is what its decisions make it; say so when
                    // the save shows something else.
                    app.status = warning(&loaded);
                    app.start(loaded.game);
                    if let Some(p) = app.play.as_mut() {
                        p.saved_decisions = Some(p.game.decisions().len());
                    }
                }
                Err(e) => app.status = Some(format!("{} cannot be loaded: {e}", info.name)),
            }
        }
        _ => {}
    }
}

/// What to tell the player about a loaded save that its decisions do not
/// bear out.
pub fn warning(loaded: &save::Loaded) -> Option<String> {
    if let Some((turn, reason)) = &loaded.refused {
        return Some(format!(
            "Loaded up to turn {}: a recorded decision is refused by this version ({reason})",
            turn.saturating_add(1)
        ));
    }
    loaded.first_difference.map(|turn| {
        format!(
            "The save's numbers differ from its decisions from turn {turn}: loaded as the decisions say"
        )
    })
}

pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let t = &app.theme;
    let [body, st, foot] = Layout::vertical([
        Constraint::Fill(1),
        Constraint::Length(1),
        Constraint::Length(1),
    ])
    .areas(area);
    let title = format!(" Load a game from {} ", app.save_dir.display());
    if app.load.saves.is_empty() {
        Paragraph::new(vec![
            Line::raw(""),
            Line::raw("  No saves here yet. Press s during a game to save it;"),
            Line::raw("  a game is also saved automatically at the end of every turn."),
        ])
        .block(panel(t, title, true))
        .render(body, buf);
    } else {
        let rows = app.load.saves.iter().enumerate().map(|(i, s)| {
            let pointer = if i == app.load.selected {
                t.pointer()
            } else {
                " "
            };
            let name = Cell::from(format!("{pointer} {}", cut(&s.name, 28)));
            let row = match &s.error {
                Some(e) => Row::new(vec![
                    name,
                    Cell::from(Line::styled(format!("broken: {e}"), t.bad())),
                ]),
                None => Row::new(vec![
                    name,
                    Cell::from(app.book.country_named(&s.country).map_or_else(
                        || crate::text::clean(&s.country).into_owned(),
                        |c| c.name.clone(),
                    )),
                    Cell::from(s.date_label.clone()),
                    Cell::from(if s.ended {
                        "ended".to_string()
                    } else {
                        format!("{}/{}", s.turn, s.turns)
                    }),
                    Cell::from(tenth(s.autonomy)),
                    Cell::from(tenth(s.leverage)),
                    Cell::from(tenth(s.stability)),
                ]),
            };
            if i == app.load.selected {
                row.style(t.selected())
            } else {
                row
            }
        });
        let widths = [
            Constraint::Length(30),
            Constraint::Length(13),
            Constraint::Length(8),
            Constraint::Length(6),
            Constraint::Length(5),
            Constraint::Length(5),
            Constraint::Length(5),
        ];
        Table::new(rows, widths)
            .header(
                Row::new(["  Save", "State", "Date", "Turn", "Aut.", "Lev.", "Stab."])
                    .style(t.heading()),
            )
            .block(panel(t, title, true))
            .render(body, buf);
    }
    status(t, app.status.as_deref(), st, buf);
    footer(t, Ctx::Load, foot, buf);
}
