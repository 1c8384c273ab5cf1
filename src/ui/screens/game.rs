//! The game screen: the map, the actions and what the selected one would
//! do, the scores and what the best ending needs, the powers, the world,
//! and the news of the last turn. Keys move in the panel with the focus.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget, Wrap};

pub use super::game_input::{click, update};
pub use super::game_layout::{Detail, Focus, GameLayout, layout};
use crate::report::debrief::date_of;
use crate::rules::{Decision, State};
use crate::ui::app::{App, Play};
use crate::ui::keymap::{Ctx, Msg, key, key_short};
use crate::ui::widgets::actions::{ActionList, PreviewPanel};
use crate::ui::widgets::cache::{RowCache, Version, version};
use crate::ui::widgets::country::{CountryPanel, country_lines};
use crate::ui::widgets::gauges::{Scores, capital_words};
use crate::ui::widgets::goals::GoalsPanel;
use crate::ui::widgets::log::LogPanel;
use crate::ui::widgets::map_panel::{MapPanel, action_places, countries_in_view, map_panel};
use crate::ui::widgets::powers::PowersTable;
use crate::ui::widgets::world::WorldPanel;
use crate::ui::widgets::{footer, rows, wrap_styled};

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
                "A decision is waiting: {} answers it, {} shows it again.",
                key(Msg::Choice(0)),
                key(Msg::Select)
            )
        } else {
            format!(
                "Answer with {}, or {}{} and {}; {} looks at the board first.",
                key(Msg::Choice(0)),
                key_short(Msg::Up),
                key_short(Msg::Down),
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

/// The layout of the game screen in `area`: in a wide layout the detail
/// panel takes the rows its text needs (up to half), the news the rest.
pub fn current_layout(app: &App, area: Rect) -> GameLayout {
    let parts = app.play.as_ref().is_some_and(|p| p.parts);
    let status = status_rows(app, area.width);
    let first = layout(area, parts, status, None);
    let Some(play) = app.play.as_ref() else {
        return first;
    };
    if first.compact {
        return first;
    }
    let width = first.detail.width.saturating_sub(2);
    let (state, book, t) = (play.game.state(), &app.book, &app.theme);
    let v = version(&play.game);
    let detail = match first.detail(play.focus) {
        Detail::Preview => (
            PreviewPanel {
                book,
                state,
                theme: t,
                selected: play.selected,
                cache: Some((&app.rows, &v)),
                compact: false,
                scroll: 0,
                focused: false,
            }
            .rows(width),
            // A long preview pushes the news down: both stay in sight.
            true,
        ),
        // Looking at the map, the country's details may push the news down.
        Detail::Country => {
            let lines = country_lines(state, book, t, selected_country(play), play.map_mode);
            let n = wrap_styled(&lines, width, usize::MAX).len();
            (u16::try_from(n).unwrap_or(u16::MAX), true)
        }
        _ => return first,
    };
    layout(area, parts, status, Some(detail))
}

pub(super) fn log_panel<'a>(
    app: &'a App,
    play: &'a Play,
    cache: Option<(&'a RowCache, &'a Version)>,
) -> LogPanel<'a> {
    LogPanel {
        cache,
        book: &app.book,
        state: play.game.state(),
        theme: &app.theme,
        scroll: play.log_scroll,
        limit: &app.scroll_limit,
        focused: play.focus == Focus::Log,
        objectives: &play.game.scenario.objectives,
    }
}

pub(super) fn selected_country(play: &Play) -> Option<&'static str> {
    (play.focus == Focus::Map)
        .then(|| countries_in_view(play.zoom).get(play.map_selected).copied())
        .flatten()
}

fn header(app: &App, play: &Play, l: &GameLayout, buf: &mut Buffer) {
    let (state, t, book) = (play.game.state(), &app.theme, &app.book);
    let name = book.country(state.country()).name.as_str();
    let (date, turn) = shown_turn(state);
    let mut head = vec![
        Span::styled(format!(" {name} "), t.title()),
        Span::raw("  "),
        Span::styled(date, t.heading()),
        Span::raw(format!("  turn {turn}/{}", state.turns())),
    ];
    head.push(Span::styled(
        format!("  capital {}", capital_words(book, state, true)),
        t.leverage(),
    ));
    let level = &play.game.difficulty;
    let level = book.model.level(level).map_or(level.as_str(), |l| &l.name);
    if l.compact {
        head.push(Span::styled(format!("  {level}"), t.dim()));
    } else {
        head.push(Span::styled(
            format!(
                "  {} · seed {} · {level}",
                crate::text::clean(&play.game.scenario.name),
                play.game.seed
            ),
            t.dim(),
        ));
    }
    Paragraph::new(Line::from(head)).render(l.header, buf);
}

pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let Some(play) = &app.play else { return };
    let (state, t, book) = (play.game.state(), &app.theme, &app.book);
    let l = current_layout(app, area);
    let v = version(&play.game);
    let cache = Some((&app.rows, &v));
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
    let on_action = matches!(play.focus, Focus::Actions | Focus::Preview);
    let highlight = if on_action && play.selected < book.actions.len() {
        action_places(book, crate::rules::ActionId::from_index(play.selected))
    } else {
        Vec::new()
    };
    let event_place = state.pending().first().and_then(|d| match d {
        Decision::Event(id) => book.event(*id).place.as_deref(),
        Decision::Offer(..) | Decision::Ladder(..) => None,
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
            cache,
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
            cache,
        }
        .render(area, buf)
    };
    match l.detail(play.focus) {
        Detail::Preview => PreviewPanel {
            book,
            state,
            theme: t,
            selected: play.selected,
            cache,
            compact: l.compact,
            scroll: play.preview_scroll,
            focused: play.focus == Focus::Preview,
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
        Detail::News => log_panel(app, play, cache).render(l.detail, buf),
        Detail::Goals => goals(l.detail, buf),
        Detail::World => world(l.detail, buf),
    }
    if !l.compact {
        log_panel(app, play, cache).render(l.news, buf);
        goals(l.goals, buf);
        world(l.world, buf);
    }
    let msg = status_text(app);
    if let Some(text) = msg {
        Paragraph::new(Span::styled(text, t.status()))
            .wrap(Wrap { trim: true })
            .render(l.status, buf);
    } else {
        let ring: Vec<&str> = Focus::ORDER
            .iter()
            .map(|f| f.name().trim_start_matches("the "))
            .collect();
        let hint = format!(
            "Focus on {}; {} moves it: {}.",
            play.focus.name(),
            key(Msg::Focus),
            ring.join(", ")
        );
        Paragraph::new(Span::styled(hint, t.dim())).render(l.status, buf);
    }
    footer(t, Ctx::Game, l.footer, buf);
}
