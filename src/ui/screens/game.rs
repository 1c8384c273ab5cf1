//! The game screen: the map, the scores, the powers, the actions with their
//! preview, and the news of the last turn.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};

use crate::rules::{ActionId, Command, Decision};
use crate::ui::app::{App, Play};
use crate::ui::keymap::{Ctx, Msg};
use crate::ui::widgets::actions::{ActionList, PreviewPanel, list_offset};
use crate::ui::widgets::gauges::Scores;
use crate::ui::widgets::log::LogPanel;
use crate::ui::widgets::map_panel::{MapPanel, countries_in_view, map_panel};
use crate::ui::widgets::powers::PowersTable;
use crate::ui::widgets::{footer, status};

/// Which panel the arrows move in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    Actions,
    Map,
    Log,
}

impl Focus {
    fn next(self) -> Focus {
        match self {
            Focus::Actions => Focus::Map,
            Focus::Map => Focus::Log,
            Focus::Log => Focus::Actions,
        }
    }
}

/// Where each panel goes; the same for drawing and for mouse clicks.
#[derive(Debug, Clone, Copy, Default)]
pub struct GameLayout {
    pub compact: bool,
    pub header: Rect,
    pub map: Rect,
    pub scores: Rect,
    pub powers: Rect,
    pub actions: Rect,
    pub preview: Rect,
    pub log: Rect,
    pub status: Rect,
    pub footer: Rect,
}

pub fn layout(area: Rect, focus: Focus) -> GameLayout {
    let compact = area.width < 110 || area.height < 34;
    let [header, body, status, footer] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Fill(1),
        Constraint::Length(1),
        Constraint::Length(1),
    ])
    .areas(area);
    let mut l = GameLayout {
        compact,
        header,
        status,
        footer,
        ..Default::default()
    };
    if compact {
        let [left, right] =
            Layout::horizontal([Constraint::Length(46), Constraint::Fill(1)]).areas(body);
        [l.scores, l.powers, l.log] = Layout::vertical([
            Constraint::Length(5),
            Constraint::Length(7),
            Constraint::Fill(1),
        ])
        .areas(left);
        if focus == Focus::Map {
            l.map = right;
        } else {
            [l.actions, l.preview] =
                Layout::vertical([Constraint::Fill(1), Constraint::Length(9)]).areas(right);
        }
    } else {
        let [left, right] =
            Layout::horizontal([Constraint::Percentage(48), Constraint::Fill(1)]).areas(body);
        [l.map, l.actions] =
            Layout::vertical([Constraint::Percentage(45), Constraint::Fill(1)]).areas(left);
        [l.scores, l.powers, l.preview, l.log] = Layout::vertical([
            Constraint::Length(6),
            Constraint::Length(7),
            Constraint::Length(9),
            Constraint::Fill(1),
        ])
        .areas(right);
    }
    l
}

pub fn update(app: &mut App, msg: Msg) {
    let n_actions = app.book.actions.len();
    let log_down = app.play.as_ref().map(|p| app.scroll_down(p.log_scroll));
    let Some(play) = app.play.as_mut() else {
        return;
    };
    let pending = !play.game.state().pending().is_empty();
    match msg {
        Msg::Select if pending => play.peek = false,
        Msg::Focus => play.focus = play.focus.next(),
        Msg::Zoom => {
            play.zoom = play.zoom.toggle();
            play.map_selected = 0;
        }
        Msg::Up | Msg::Down | Msg::Left | Msg::Right => {
            move_selection(play, msg, n_actions, log_down.unwrap_or_default())
        }
        Msg::Select if play.focus == Focus::Actions => {
            let id = ActionId::from_index(play.selected.min(n_actions - 1));
            app.command(Command::Plan(id));
        }
        Msg::Undo => {
            app.command(Command::Undo);
        }
        Msg::EndTurn => {
            if pending {
                play.peek = false;
            } else {
                app.command(Command::EndTurn);
            }
        }
        _ => {}
    }
}

fn move_selection(play: &mut Play, msg: Msg, n_actions: usize, log_down: u16) {
    let back = matches!(msg, Msg::Up | Msg::Left);
    match play.focus {
        Focus::Actions if matches!(msg, Msg::Up | Msg::Down) => {
            play.selected = if back {
                play.selected.saturating_sub(1)
            } else {
                (play.selected + 1).min(n_actions.saturating_sub(1))
            }
        }
        Focus::Map => {
            let n = countries_in_view(play.zoom).len().max(1);
            play.map_selected = if back {
                (play.map_selected + n - 1) % n
            } else {
                (play.map_selected + 1) % n
            };
        }
        Focus::Log if matches!(msg, Msg::Up | Msg::Down) => {
            play.log_scroll = if back {
                play.log_scroll.saturating_sub(1)
            } else {
                log_down
            };
        }
        _ => {}
    }
}

/// A left click: on an action, selects it; on the selected one, plans it.
pub fn click(app: &mut App, area: Rect, x: u16, y: u16) {
    let Some(play) = app.play.as_mut() else {
        return;
    };
    let l = layout(area, play.focus);
    let inner = l.actions.inner(ratatui::layout::Margin::new(1, 1));
    if !inner.contains(ratatui::layout::Position::new(x, y)) {
        if l.map.contains(ratatui::layout::Position::new(x, y)) {
            play.focus = Focus::Map;
        }
        return;
    }
    let offset = list_offset(play.selected, usize::from(inner.height));
    let i = offset + usize::from(y - inner.y);
    if i >= app.book.actions.len() {
        return;
    }
    play.focus = Focus::Actions;
    if play.selected == i {
        update(app, Msg::Select);
    } else {
        play.selected = i;
    }
}

pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let Some(play) = &app.play else { return };
    let (state, t, book) = (play.game.state(), &app.theme, &app.book);
    let l = layout(area, play.focus);
    // Header: who, when, how far.
    let name = book.country(state.country()).name.as_str();
    let mut head = vec![
        Span::styled(format!(" {name} "), t.title()),
        Span::raw("  "),
        Span::styled(state.date_label(), t.heading()),
        Span::raw(format!(
            "  turn {}/{}",
            (state.turn() + 1).min(state.turns()),
            state.turns()
        )),
        Span::styled(format!("  capital {}", state.capital()), t.leverage()),
    ];
    if !l.compact {
        head.push(Span::styled(
            format!("  {} · seed {}", play.game.scenario.name, play.game.seed),
            t.dim(),
        ));
    }
    Paragraph::new(Line::from(head)).render(l.header, buf);

    Scores {
        state,
        theme: t,
        compact: l.compact,
    }
    .render(l.scores, buf);
    PowersTable {
        state,
        theme: t,
        compact: l.compact,
    }
    .render(l.powers, buf);
    LogPanel {
        book,
        state,
        theme: t,
        scroll: play.log_scroll,
        limit: &app.scroll_limit,
        focused: play.focus == Focus::Log,
        objectives: &play.game.scenario.objectives,
    }
    .render(l.log, buf);
    if l.map.area() > 0 {
        let ids = countries_in_view(play.zoom);
        let selected = (play.focus == Focus::Map)
            .then(|| ids.get(play.map_selected).copied())
            .flatten();
        let event_place = state.pending().first().and_then(|d| match d {
            Decision::Event(id) => book.event(*id).place.as_deref(),
            Decision::Ladder(..) => None,
        });
        map_panel(
            MapPanel {
                state,
                book,
                theme: t,
                zoom: play.zoom,
                selected,
                event_place,
                focused: play.focus == Focus::Map,
            },
            l.map,
            buf,
        );
    }
    if l.actions.area() > 0 {
        ActionList {
            book,
            state,
            theme: t,
            selected: play.selected,
            focused: play.focus == Focus::Actions,
        }
        .render(l.actions, buf);
        PreviewPanel {
            book,
            state,
            theme: t,
            selected: play.selected,
        }
        .render(l.preview, buf);
    }
    let msg = if app.status.is_some() {
        app.status.clone()
    } else if !state.pending().is_empty() && play.peek {
        Some("A decision is waiting: press Enter to answer it.".to_string())
    } else if !state.pending().is_empty() {
        Some("Answer with 1–9 or ↑↓ and Enter; Esc looks at the board first.".to_string())
    } else if l.compact && play.focus == Focus::Map {
        Some("The map (Tab: the log, then the actions again)".to_string())
    } else {
        None
    };
    status(t, msg.as_deref(), l.status, buf);
    footer(t, Ctx::Game, l.footer, buf);
}
