//! Keys and clicks on the game screen: they move in the panel with the
//! focus (a row, a page, to either end), plan and take back actions, end
//! the turn.

use ratatui::layout::{Margin, Position, Rect};
use ratatui::text::Line;

use super::game::{current_layout, log_panel, selected_country};
use super::game_layout::{Detail, Focus, GameLayout};
use crate::rules::Command;
use crate::ui::app::{App, Play};
use crate::ui::keymap::Msg;
use crate::ui::listed::listed;
use crate::ui::widgets::actions::{PreviewPanel, list_window};
use crate::ui::widgets::country::country_lines;
use crate::ui::widgets::goals::goal_lines;
use crate::ui::widgets::map_panel::countries_in_view;
use crate::ui::widgets::world::WorldPanel;
use crate::ui::widgets::{window_limit, wrap_styled};

/// How many rows the focused panel's text takes at `width`.
fn text_rows(app: &App, play: &Play, l: &GameLayout, width: u16) -> usize {
    let (state, book, t) = (play.game.state(), &app.book, &app.theme);
    let lines: Vec<Line<'static>> = match l.detail(play.focus) {
        Detail::Country => country_lines(state, book, t, selected_country(play), play.map_mode),
        Detail::Preview if play.focus == Focus::Preview => {
            let p = PreviewPanel {
                book,
                state,
                theme: t,
                selected: play.selected,
                cache: None,
                compact: l.compact,
                scroll: 0,
                focused: true,
            };
            return usize::from(p.rows(width));
        }
        _ => match play.focus {
            Focus::Log => log_panel(app, play, None).lines(),
            Focus::Goals => goal_lines(book, state, t),
            Focus::World => {
                let w = WorldPanel {
                    book,
                    state,
                    theme: t,
                    scroll: 0,
                    focused: false,
                    cache: None,
                };
                return 7 + w.text_rows(width);
            }
            _ => return 0,
        },
    };
    wrap_styled(&lines, width, usize::MAX).len()
}

/// The scroll of the focused panel's text.
fn scroll_of(play: &mut Play, detail: Detail) -> &mut u16 {
    match (detail, play.focus) {
        (Detail::Country, _) => &mut play.country_scroll,
        (_, Focus::Preview) => &mut play.preview_scroll,
        (_, Focus::Goals) => &mut play.goals_scroll,
        (_, Focus::World) => &mut play.world_scroll,
        _ => &mut play.log_scroll,
    }
}

/// Moves the focused panel's text by a key: a row, a page, or to an end.
fn scroll(app: &mut App, msg: Msg) {
    let area = app.area();
    let l = current_layout(app, area);
    let Some(play) = app.play.as_ref() else {
        return;
    };
    let Some(rect) = l.scrolled_area(play.focus) else {
        return;
    };
    let inner = rect.inner(Margin::new(1, 1));
    let n = text_rows(app, play, &l, inner.width);
    let height = usize::from(inner.height);
    let limit = u16::try_from(window_limit(n, height)).unwrap_or(u16::MAX);
    let page = inner.height.saturating_sub(2).max(1);
    let detail = l.detail(play.focus);
    let Some(play) = app.play.as_mut() else {
        return;
    };
    let s = scroll_of(play, detail);
    *s = match msg {
        Msg::Up => s.saturating_sub(1),
        Msg::Down => s.saturating_add(1),
        Msg::PageUp => s.saturating_sub(page),
        Msg::PageDown => s.saturating_add(page),
        Msg::Home => 0,
        Msg::End => limit,
        _ => *s,
    }
    .min(limit);
}

/// Moves the selected action by a key.
fn move_action(app: &mut App, msg: Msg) {
    let area = app.area();
    let l = current_layout(app, area);
    let Some(play) = app.play.as_mut() else {
        return;
    };
    let ids = listed(play.game.state(), &app.book);
    let rows = usize::from(l.actions.height.saturating_sub(2));
    let page = rows.saturating_sub(3).max(1);
    let last = ids.len().saturating_sub(1);
    let at = ids
        .iter()
        .position(|id| id.index() >= play.selected)
        .unwrap_or(last);
    let to = match msg {
        Msg::Up => at.saturating_sub(1),
        Msg::Down => (at + 1).min(last),
        Msg::PageUp => at.saturating_sub(page),
        Msg::PageDown => (at + page).min(last),
        Msg::Home => 0,
        Msg::End => last,
        _ => at,
    };
    if let Some(id) = ids.get(to) {
        if play.selected != id.index() {
            play.preview_scroll = 0;
        }
        play.selected = id.index();
    }
}

/// Moves the selected country on the map.
fn move_country(play: &mut Play, msg: Msg) {
    let n = countries_in_view(play.zoom).len().max(1);
    play.map_selected = match msg {
        Msg::Up | Msg::Left => (play.map_selected + n - 1) % n,
        Msg::Down | Msg::Right => (play.map_selected + 1) % n,
        Msg::Home => 0,
        Msg::End => n - 1,
        _ => play.map_selected,
    };
    play.country_scroll = 0;
}

pub fn update(app: &mut App, msg: Msg) {
    let Some(play) = app.play.as_ref() else {
        return;
    };
    let pending = !play.game.state().pending().is_empty();
    let focus = play.focus;
    let paging = matches!(
        msg,
        Msg::Up | Msg::Down | Msg::PageUp | Msg::PageDown | Msg::Home | Msg::End
    );
    match msg {
        _ if paging && focus == Focus::Actions => return move_action(app, msg),
        _ if paging && focus != Focus::Map => return scroll(app, msg),
        Msg::Select if !pending && matches!(focus, Focus::Actions | Focus::Preview) => {
            let n = app.book.actions.len();
            let id = crate::rules::ActionId::from_index(play.selected.min(n - 1));
            if play.game.state().planned().contains(&id) {
                app.unplan(id);
            } else {
                app.command(Command::Plan(id));
            }
            return;
        }
        // A decision put aside to look at the board: its number answers it
        // (the popup comes back if the answer is refused).
        Msg::Choice(_) if pending => {
            if let Some(play) = app.play.as_mut() {
                play.peek = false;
            }
            return super::event::update(app, msg);
        }
        Msg::Undo => {
            app.command(Command::Undo);
            return;
        }
        Msg::EndTurn if !pending => {
            if app.command(Command::EndTurn)
                && let Some(play) = app.play.as_mut()
            {
                play.log_scroll = 0;
                play.preview_scroll = 0;
                play.goals_scroll = 0;
                play.world_scroll = 0;
            }
            return;
        }
        _ => {}
    }
    let Some(play) = app.play.as_mut() else {
        return;
    };
    match msg {
        Msg::Select | Msg::EndTurn if pending => play.peek = false,
        Msg::Focus => play.focus = play.focus.next(),
        Msg::FocusBack => play.focus = play.focus.back(),
        Msg::Zoom => play.zoom(),
        Msg::MapMode => play.map_mode = play.map_mode.next(),
        Msg::Parts => play.parts = !play.parts,
        Msg::Left | Msg::Right | Msg::Up | Msg::Down | Msg::Home | Msg::End
            if focus == Focus::Map =>
        {
            move_country(play, msg)
        }
        Msg::PageUp | Msg::PageDown if focus == Focus::Map => scroll(app, msg),
        _ => {}
    }
}

/// A left click: on an action, selects it; on the selected one, plans it
/// (or takes it back); on the map, gives the map the focus.
pub fn click(app: &mut App, area: Rect, x: u16, y: u16) {
    let l = current_layout(app, area);
    let Some(play) = app.play.as_mut() else {
        return;
    };
    let ids = listed(play.game.state(), &app.book);
    let at = Position::new(x, y);
    let inner = l.actions.inner(Margin::new(1, 1));
    if !inner.contains(at) {
        if l.map.contains(at) {
            play.focus = Focus::Map;
        } else if l.detail.contains(at) && l.detail(play.focus) == Detail::Preview {
            play.focus = Focus::Preview;
        }
        return;
    }
    let pos = ids
        .iter()
        .position(|id| id.index() == play.selected)
        .unwrap_or(0);
    let w = list_window(pos, ids.len(), usize::from(inner.height));
    let Some(i) = w
        .item_at(usize::from(y - inner.y))
        .and_then(|i| ids.get(i))
        .map(|id| id.index())
    else {
        return;
    };
    play.focus = Focus::Actions;
    if play.selected != i {
        play.preview_scroll = 0;
    }
    if play.selected == i {
        update(app, Msg::Select);
    } else {
        play.selected = i;
    }
}
