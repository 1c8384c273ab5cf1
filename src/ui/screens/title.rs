//! The title screen: new game, load game, a scenario from a file (a
//! teacher's own), help, quit.

use std::path::PathBuf;

use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget, Wrap};

use crate::content::{self, ContentError};
use crate::text::clean;
use crate::ui::app::{App, Dialog, Screen};
use crate::ui::keymap::{Ctx, Msg};
use crate::ui::widgets::{centered, footer, popup, status};

pub const ITEMS: [&str; 5] = [
    "New game",
    "Load game",
    "Open a scenario file",
    "Help",
    "Quit",
];

/// The longest path the scenario-file field takes.
const MAX_PATH_CHARS: usize = 1024;

#[derive(Debug, Clone, Default)]
pub struct TitleState {
    pub selected: usize,
    /// The path being typed, while the scenario-file field is open.
    pub path: Option<String>,
    /// Why the last path typed was refused.
    pub error: Option<String>,
}

pub fn update(app: &mut App, msg: Msg) {
    match msg {
        Msg::Up => app.title.selected = app.title.selected.saturating_sub(1),
        Msg::Down => app.title.selected = (app.title.selected + 1).min(ITEMS.len() - 1),
        Msg::Select => match app.title.selected {
            0 => app.screen = Screen::NewGame,
            1 => {
                app.load.refresh(&app.save_dir);
                app.screen = Screen::Load;
            }
            2 => {
                app.title.path = Some(String::new());
                app.title.error = None;
            }
            3 => app.dialog = Some(Dialog::Help { scroll: 0 }),
            _ => app.quit = true,
        },
        _ => {}
    }
}

/// Keys typed into the scenario-file field, while it is open: characters
/// and Backspace edit the path, Enter opens the file, Esc closes the field.
/// Returns whether the key was taken.
pub fn handle_text(app: &mut App, key: &KeyEvent) -> bool {
    let Some(path) = app.title.path.as_mut() else {
        return false;
    };
    match key.code {
        KeyCode::Char(_) if key.modifiers.contains(KeyModifiers::CONTROL) => return false,
        KeyCode::Char(c) if path.chars().count() < MAX_PATH_CHARS => path.push(c),
        KeyCode::Char(_) => {}
        KeyCode::Backspace => {
            path.pop();
        }
        KeyCode::Esc => {
            app.title.path = None;
            app.title.error = None;
        }
        KeyCode::Enter => open(app),
        _ => {}
    }
    true
}

/// Reads and checks the scenario file typed, and offers it on the new-game
/// screen; or says, in the field, why it cannot be used.
fn open(app: &mut App) {
    let typed = app.title.path.as_deref().unwrap_or("").trim().to_string();
    if typed.is_empty() {
        app.title.error = Some("Type the path of a scenario file (.ron) first.".into());
        return;
    }
    let path = expand_home(&typed, std::env::var_os("HOME").map(PathBuf::from));
    let refused = if !path.exists() {
        Some(format!("There is no file at {typed}."))
    } else if path.is_dir() {
        Some(format!(
            "{typed} is a folder: type the path of a file in it."
        ))
    } else {
        None
    };
    if let Some(why) = refused {
        app.title.error = Some(why);
        return;
    }
    match content::scenario_from_file(&app.book, &path) {
        Ok(def) => {
            app.new_game.offer(def, Some(typed));
            app.title.path = None;
            app.title.error = None;
            app.status = None;
            app.screen = Screen::NewGame;
        }
        Err(e) => app.title.error = Some(in_plain_words(&e)),
    }
}

/// A refused scenario file's error, without the path the player just typed.
fn in_plain_words(e: &ContentError) -> String {
    let why = match e.position {
        Some((line, column)) => format!("line {line}, column {column}: {}", e.message),
        None => e.message.clone(),
    };
    format!("This file cannot be played: {why}")
}

/// A path typed by the player, with a leading `~` for the home folder.
pub fn expand_home(typed: &str, home: Option<PathBuf>) -> PathBuf {
    match (typed.strip_prefix('~'), home) {
        (Some(""), Some(home)) => home,
        (Some(rest), Some(home)) if rest.starts_with('/') => home.join(&rest[1..]),
        _ => PathBuf::from(typed),
    }
}

pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let t = &app.theme;
    let [body, st, foot] = Layout::vertical([
        Constraint::Fill(1),
        Constraint::Length(1),
        Constraint::Length(1),
    ])
    .areas(area);
    let box_ = centered(body, 72, 20);
    let mut lines: Vec<Line> = vec![
        Line::styled("M U L T I V E C T O R", t.title()),
        Line::styled("a game of multi-vector foreign policy", t.dim()),
        Line::raw(""),
    ];
    lines.push(Line::styled(
        "Govern a Central Asian state between Russia, China, Turkey and the EU.",
        t.heading(),
    ));
    lines.push(Line::styled(
        "“proximity to Turkey now means potential proximity to Europe.”",
        t.quote(),
    ));
    lines.push(Line::raw(""));
    for (i, item) in ITEMS.iter().enumerate() {
        let line = if i == app.title.selected {
            Line::from(Span::styled(
                format!("{} {item} ", t.pointer()),
                t.selected(),
            ))
        } else {
            Line::raw(format!("  {item} "))
        };
        lines.push(line);
    }
    Paragraph::new(lines)
        .centered()
        .wrap(Wrap { trim: false })
        .render(box_, buf);
    status(t, app.status.as_deref(), st, buf);
    // While a path is typed, the keys are the field's (shown in it).
    match &app.title.path {
        Some(path) => render_path(app, path, area, buf),
        None => footer(t, Ctx::Title, foot, buf),
    }
}

/// The scenario-file field, over the title.
fn render_path(app: &App, path: &str, area: Rect, buf: &mut Buffer) {
    let t = &app.theme;
    let inner = popup(t, "Open a scenario file", centered(area, 72, 11), buf);
    let mut lines = vec![
        Line::raw(
            "The path of a scenario file (.ron), from the folder the game was started in; ~ is your home folder.",
        ),
        Line::from(vec![
            Span::styled(format!(" {}", clean(path)), t.heading()),
            Span::styled("_", t.key()),
        ]),
        Line::raw(""),
    ];
    match &app.title.error {
        Some(e) => lines.push(Line::styled(clean(e).into_owned(), t.bad())),
        None => lines.push(Line::styled(
            "How to write one: docs/SCENARIOS.md. Backspace erases.",
            t.dim(),
        )),
    }
    Paragraph::new(lines)
        .wrap(Wrap { trim: false })
        .render(inner, buf);
    let keys = Rect::new(inner.x, inner.bottom().saturating_sub(1), inner.width, 1);
    footer(t, Ctx::SaveAs, keys, buf);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_leading_tilde_is_the_home_folder() {
        let home = Some(PathBuf::from("/home/teacher"));
        assert_eq!(
            expand_home("~/lessons/a.ron", home.clone()),
            PathBuf::from("/home/teacher/lessons/a.ron")
        );
        assert_eq!(
            expand_home("~", home.clone()),
            PathBuf::from("/home/teacher")
        );
        assert_eq!(
            expand_home("~bob/a.ron", home.clone()),
            PathBuf::from("~bob/a.ron")
        );
        assert_eq!(
            expand_home("lessons/a.ron", home),
            PathBuf::from("lessons/a.ron")
        );
        assert_eq!(expand_home("~/a.ron", None), PathBuf::from("~/a.ron"));
    }
}
