//! The game screen: the map, the actions and what the selected one would
//! do, the scores and what the best ending needs, the powers, the world,
//! and the news of the last turn. Keys move in the panel with the focus.

use ratatui::buffer::Buffer;
use ratatui::layout::{Margin, Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget, Wrap};

pub use super::game_layout::{Detail, Focus, GameLayout, layout};
use crate::report::debrief::date_of;
use crate::rules::{Command, Decision, State};
use crate::ui::app::{App, Play};
use crate::ui::keymap::{Ctx, Msg, key};
use crate::ui::widgets::actions::{ActionList, PreviewPanel, list_window};
use crate::ui::widgets::country::{CountryPanel, country_lines};
use crate::ui::widgets::gauges::{Scores, capital_words};
use crate::ui::widgets::goals::{GoalsPanel, goal_lines};
use crate::ui::widgets::log::LogPanel;
use crate::ui::widgets::map_panel::{MapPanel, action_places, countries_in_view, map_panel};
use crate::ui::widgets::powers::PowersTable;
use crate::ui::widgets::world::WorldPanel;
use crate::ui::widgets::{footer, rows, window_limit, wrap_styled};

/// The turn and date the header shows: after the last turn, the last one
/// (the game ended with it), not the quarter after.
pub fn shown_turn(state: &State) -> (String, u32) {
    let last = state.turns().saturating_sub(1);
    let turn = state.turn().min(last);
    (date_of(state, turn), turn + 1)
}

/// The status message, if any: a refusal or a save, or what a waiting
/// decision asks.
fn status_text(app: &App) -> Option<String> {
    let play = app.play.as_ref()?;
    let state = play.game.state();
    if app.status.is_some() {
        return app.status.clone();
    }
    if !state.pending().is_empty() {
        return Some(if play.peek {
            format!(
                "A decision is waiting: press {} to answer it.",
                key(Msg::Select)
            )
        } else {
            format!(
                "Answer with {}, or {} and {}; {} looks at the board first.",
                key(Msg::Choice(0)),
                key(Msg::Down),
                key(Msg::Select),
                key(Msg::Back)
            )
        });
    }
    None
}

/// The rows the status message takes (at most three).
fn status_rows(app: &App, width: u16) -> u16 {
    status_text(app).map_or(1, |s| {
        rows(&Paragraph::new(s).wrap(Wrap { trim: true }), width).clamp(1, 3)
    })
}

/// The layout of the game screen as last drawn.
pub fn current_layout(app: &App, area: Rect) -> GameLayout {
    let parts = app.play.as_ref().is_some_and(|p| p.parts);
    layout(area, parts, status_rows(app, area.width))
}

/// How many rows the focused panel's text takes at `width`.
fn text_rows(app: &App, play: &Play, l: &GameLayout, width: u16) -> usize {
    let (state, book, t) = (play.game.state(), &app.book, &app.theme);
    let lines: Vec<Line<'static>> = match l.detail(play.focus) {
        Detail::Country => country_lines(state, book, t, selected_country(play), play.map_mode),
        _ => match play.focus {
            Focus::Log => log_panel(app, play).lines(),
            Focus::Goals => goal_lines(book, state, t),
            Focus::World => {
                let w = WorldPanel {
                    book,
                    state,
                    theme: t,
                    scroll: 0,
                    focused: false,
                };
                return 7 + w.text_rows(width);
            }
            _ => return 0,
        },
    };
    wrap_styled(&lines, width, usize::MAX).len()
}

fn log_panel<'a>(app: &'a App, play: &'a Play) -> LogPanel<'a> {
    LogPanel {
        book: &app.book,
        state: play.game.state(),
        theme: &app.theme,
        scroll: play.log_scroll,
        limit: &app.scroll_limit,
        focused: play.focus == Focus::Log,
        objectives: &play.game.scenario.objectives,
    }
}

fn selected_country(play: &Play) -> Option<&'static str> {
    (play.focus == Focus::Map)
        .then(|| countries_in_view(play.zoom).get(play.map_selected).copied())
        .flatten()
}

/// The scroll of the focused panel's text.
fn scroll_of(play: &mut Play, detail: Detail) -> &mut u16 {
    match (detail, play.focus) {
        (Detail::Country, _) => &mut play.country_scroll,
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
    let n = app.book.actions.len();
    let Some(play) = app.play.as_mut() else {
        return;
    };
    let rows = usize::from(l.actions.height.saturating_sub(2));
    let page = rows.saturating_sub(3).max(1);
    let last = n.saturating_sub(1);
    play.selected = match msg {
        Msg::Up => play.selected.saturating_sub(1),
        Msg::Down => (play.selected + 1).min(last),
        Msg::PageUp => play.selected.saturating_sub(page),
        Msg::PageDown => (play.selected + page).min(last),
        Msg::Home => 0,
        Msg::End => last,
        _ => play.selected,
    };
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
        Msg::Select if !pending && focus == Focus::Actions => {
            let n = app.book.actions.len();
            let id = app.book.actions[play.selected.min(n - 1)].id.clone();
            if play.game.state().planned().contains(&id) {
                app.unplan(&id);
            } else {
                app.command(Command::Plan(id));
            }
            return;
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
    let n = app.book.actions.len();
    let Some(play) = app.play.as_mut() else {
        return;
    };
    let at = Position::new(x, y);
    let inner = l.actions.inner(Margin::new(1, 1));
    if !inner.contains(at) {
        if l.map.contains(at) {
            play.focus = Focus::Map;
        }
        return;
    }
    let w = list_window(play.selected, n, usize::from(inner.height));
    let Some(i) = w.item_at(usize::from(y - inner.y)) else {
        return;
    };
    play.focus = Focus::Actions;
    if play.selected == i {
        update(app, Msg::Select);
    } else {
        play.selected = i;
    }
}

fn header(app: &App, play: &Play, l: &GameLayout, buf: &mut Buffer) {
    let (state, t, book) = (play.game.state(), &app.theme, &app.book);
    let name = book
        .country(state.country())
        .map_or(state.country(), |c| c.name.as_str());
    let (date, turn) = shown_turn(state);
    let mut head = vec![
        Span::styled(format!(" {name} "), t.title()),
        Span::raw("  "),
        Span::styled(date, t.heading()),
        Span::raw(format!("  turn {turn}/{}", state.turns())),
    ];
    if l.compact {
        head.push(Span::styled(
            format!("  capital {}", capital_words(state, true)),
            t.leverage(),
        ));
    } else {
        head.push(Span::styled(
            format!("  {} · seed {}", play.game.scenario.name, play.game.seed),
            t.dim(),
        ));
    }
    Paragraph::new(Line::from(head)).render(l.header, buf);
}

pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let Some(play) = &app.play else { return };
    let (state, t, book) = (play.game.state(), &app.theme, &app.book);
    let l = current_layout(app, area);
    header(app, play, &l, buf);
    Scores {
        book,
        state,
        theme: t,
        compact: l.compact,
        parts: play.parts,
    }
    .render(l.scores, buf);
    PowersTable { state, theme: t }.render(l.powers, buf);
    let selected_action = book.actions.get(play.selected);
    let highlight = match (play.focus, selected_action) {
        (Focus::Actions, Some(a)) => action_places(book, &a.id),
        _ => Vec::new(),
    };
    let event_place = state.pending().first().and_then(|d| match d {
        Decision::Event(id) => book.event(id).and_then(|e| e.place.as_deref()),
        Decision::Ladder(..) => None,
    });
    map_panel(
        MapPanel {
            state,
            book,
            theme: t,
            zoom: play.zoom,
            mode: play.map_mode,
            selected: selected_country(play),
            event_place,
            highlight: &highlight,
            focused: play.focus == Focus::Map,
        },
        l.map,
        buf,
    );
    ActionList {
        book,
        state,
        theme: t,
        selected: play.selected,
        focused: play.focus == Focus::Actions,
    }
    .render(l.actions, buf);
    let goals = |area: Rect, buf: &mut Buffer| {
        GoalsPanel {
            book,
            state,
            theme: t,
            scroll: play.goals_scroll,
            focused: play.focus == Focus::Goals,
        }
        .render(area, buf)
    };
    let world = |area: Rect, buf: &mut Buffer| {
        WorldPanel {
            book,
            state,
            theme: t,
            scroll: play.world_scroll,
            focused: play.focus == Focus::World,
        }
        .render(area, buf)
    };
    match l.detail(play.focus) {
        Detail::Preview => PreviewPanel {
            book,
            state,
            theme: t,
            selected: play.selected,
        }
        .render(l.detail, buf),
        Detail::Country => CountryPanel {
            book,
            state,
            theme: t,
            selected: selected_country(play),
            mode: play.map_mode,
            scroll: play.country_scroll,
        }
        .render(l.detail, buf),
        Detail::News => log_panel(app, play).render(l.detail, buf),
        Detail::Goals => goals(l.detail, buf),
        Detail::World => world(l.detail, buf),
    }
    if !l.compact {
        log_panel(app, play).render(l.news, buf);
        goals(l.goals, buf);
        world(l.world, buf);
    }
    let msg = status_text(app);
    if let Some(text) = msg {
        Paragraph::new(Span::styled(text, t.status()))
            .wrap(Wrap { trim: true })
            .render(l.status, buf);
    } else {
        let hint = format!(
            "{} moves the focus (now {}): actions, map, news, goals, world.",
            key(Msg::Focus),
            play.focus.name()
        );
        Paragraph::new(Span::styled(hint, t.dim())).render(l.status, buf);
    }
    footer(t, Ctx::Game, l.footer, buf);
}
