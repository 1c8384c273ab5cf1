//! The tutorial on screen: in a scenario marked `tutorial: true`, each tip
//! of `assets/tips.ron` is shown over the screen it explains the first
//! time the player meets it, until dismissed (Enter or Esc); a dismissed
//! tip never comes back in the session.
//!
//! When a tip is met is read from the game and the screen (the first turn
//! an event waits, the first power on its ladder, a project under way...),
//! not stored in the save: nothing of the tutorial changes the save format.

use std::collections::BTreeSet;

use ratatui::buffer::Buffer;
use ratatui::layout::{Margin, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget, Wrap};

use super::app::{App, Play, Screen};
use super::keymap::{Msg, key};
use super::screens::game::Focus;
use super::widgets::{centered, popup};
use crate::content::tutorial::{Moment, Tip, tips};
use crate::rules::Decision;

/// The keys a tip's text may name, by the word it uses for them.
pub const KEYS: [(&str, Msg); 9] = [
    ("focus", Msg::Focus),
    ("help", Msg::Help),
    ("select", Msg::Select),
    ("back", Msg::Back),
    ("undo", Msg::Undo),
    ("end_turn", Msg::EndTurn),
    ("choice", Msg::Choice(0)),
    ("map", Msg::MapMode),
    ("save", Msg::Save),
];

/// The widest a tip's box is drawn.
const WIDTH: u16 = 68;

/// The tips, and those the player has dismissed this session.
#[derive(Debug, Clone)]
pub struct Tutorial {
    pub tips: Vec<Tip>,
    pub dismissed: BTreeSet<String>,
}

impl Default for Tutorial {
    /// The built-in tips (none, should they not load: the tests see to it
    /// that they do).
    fn default() -> Tutorial {
        Tutorial {
            tips: tips().unwrap_or_default(),
            dismissed: BTreeSet::new(),
        }
    }
}

/// A tip's text with the keys it names put in, as the keymap binds them.
pub fn text(tip: &Tip) -> String {
    KEYS.iter().fold(tip.text.clone(), |s, (word, msg)| {
        s.replace(&format!("{{{word}}}"), key(*msg))
    })
}

/// The file the game is kept in, for a tip's `{save_file}`: the finished
/// game's own save once it is over, the autosave before.
pub fn save_file(app: &App) -> String {
    let name = match &app.play {
        Some(p) if p.game.state().is_over() => crate::save::finished_name(&app.book, &p.game),
        _ => crate::save::AUTOSAVE.to_string(),
    };
    app.save_dir
        .join(format!("{name}.ron"))
        .display()
        .to_string()
}

/// A tip's text as shown: the keys put in, and `{save_file}` the file
/// this game is kept in (under `--save-dir`, when given).
pub fn shown(app: &App, tip: &Tip) -> String {
    text(tip).replace("{save_file}", &save_file(app))
}

/// Whether the moment of a tip has come, on the screen now up.
fn met(moment: Moment, screen: Screen, play: &Play) -> bool {
    let s = play.game.state();
    let on_board = screen == Screen::Game;
    match moment {
        Moment::Board | Moment::Scores => on_board,
        Moment::Preview => {
            on_board && (play.selected != 0 || !s.planned().is_empty() || s.turn() >= 1)
        }
        Moment::Plan => on_board && !s.planned().is_empty(),
        Moment::News => on_board && s.turn() >= 1,
        Moment::Event => {
            screen == Screen::Event && matches!(s.pending().first(), Some(Decision::Event(_)))
        }
        Moment::Ladder => {
            screen == Screen::Event && matches!(s.pending().first(), Some(Decision::Ladder(..)))
        }
        Moment::Project => on_board && !s.projects().is_empty(),
        Moment::Goals => on_board && (s.turn() >= 2 || play.focus == Focus::Goals),
        Moment::World => on_board && (s.turn() >= 3 || play.focus == Focus::World),
        Moment::End => screen == Screen::End,
    }
}

/// The tip to show now, if any: the first not yet dismissed whose moment
/// has come, in a tutorial game, with no dialog open.
pub fn due(app: &App) -> Option<&Tip> {
    let play = app.play.as_ref()?;
    if !play.game.scenario.tutorial || app.dialog.is_some() {
        return None;
    }
    app.tutorial
        .tips
        .iter()
        .find(|t| !app.tutorial.dismissed.contains(&t.id) && met(t.when, app.screen, play))
}

/// Dismisses the tip shown now, for the rest of the session.
pub fn dismiss(app: &mut App) {
    if let Some(id) = due(app).map(|t| t.id.clone()) {
        app.tutorial.dismissed.insert(id);
    }
}

/// The lines of a tip's box, and the keys that close it.
fn lines(app: &App, tip: &Tip) -> Vec<Line<'static>> {
    let t = &app.theme;
    vec![
        Line::raw(shown(app, tip)),
        Line::raw(""),
        Line::from(vec![
            Span::styled(
                format!("{} or {}", key(Msg::Select), key(Msg::Back)),
                t.key(),
            ),
            Span::styled(" got it (shown once)  ", t.dim()),
            Span::styled(key(Msg::Help), t.key()),
            Span::styled(" all the keys", t.dim()),
        ]),
    ]
}

/// The box of the tip due now, over the screen (nothing when none is).
pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let Some(tip) = due(app) else { return };
    let width = WIDTH.min(area.width.saturating_sub(4));
    let text = Paragraph::new(lines(app, tip)).wrap(Wrap { trim: true });
    let inner_width = width.saturating_sub(4);
    let height = super::widgets::rows(&text, inner_width).saturating_add(2);
    let middle = centered(area, width, height);
    // Out of the way of what the tip explains, where it can be.
    let y = match tip.when {
        Moment::Scores => area.bottom().saturating_sub(height + 2).max(area.y),
        Moment::Preview | Moment::Plan | Moment::News | Moment::Project => area.y + 1,
        _ => middle.y,
    };
    let outer = Rect { y, ..middle };
    let inner = popup(&app.theme, &format!("Tutorial: {}", tip.title), outer, buf);
    text.render(inner.inner(Margin::new(1, 0)), buf);
}

/// How many rows a tip's box takes at a screen's width: for the test that
/// every tip fits the smallest screen.
pub fn height(app: &App, tip: &Tip, screen_width: u16) -> u16 {
    let width = WIDTH.min(screen_width.saturating_sub(4));
    let text = Paragraph::new(lines(app, tip)).wrap(Wrap { trim: true });
    super::widgets::rows(&text, width.saturating_sub(4)).saturating_add(2)
}
