//! Driving the app in a test: options, keys, and the screen as text.

use std::path::PathBuf;

use multivector::ui::app::{App, Options, Screen};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// A save directory that does not exist: nothing is read or written.
pub fn no_saves() -> PathBuf {
    PathBuf::from("/nonexistent/multivector-test-saves")
}

/// The options of a test run, in colour, saving in `dir`.
pub fn opts(dir: PathBuf) -> Options {
    Options {
        save_dir: dir,
        ascii: false,
        color: true,
        seed_hint: 42,
    }
}

pub fn press(app: &mut App, code: KeyCode) {
    app.on_key(KeyEvent::new(code, KeyModifiers::NONE));
}

/// Each character of `s` as a key.
pub fn keys(app: &mut App, s: &str) {
    for c in s.chars() {
        press(app, KeyCode::Char(c));
    }
}

/// The app drawn on a `w`×`h` terminal, a line of text per row.
pub fn draw(app: &App, w: u16, h: u16) -> String {
    let mut t = Terminal::new(TestBackend::new(w, h)).unwrap();
    t.draw(|f| f.render_widget(app, f.area())).unwrap();
    let buf = t.backend().buffer();
    let mut s = String::new();
    for y in 0..h {
        for x in 0..w {
            s.push_str(buf[(x, y)].symbol());
        }
        s.push('\n');
    }
    s
}

/// Answers the waiting decision with the first choice the game takes
/// (a locked one is passed over).
pub fn answer_first(app: &mut App) {
    let before = app.game().unwrap().decisions().len();
    for c in '1'..='9' {
        keys(app, &c.to_string());
        if app.game().unwrap().decisions().len() > before {
            break;
        }
    }
}

/// Plays to the end: `e` to end each turn, the first choice the game takes
/// for every decision.
pub fn play_to_end(app: &mut App) {
    for _ in 0..200 {
        match app.screen {
            Screen::End => return,
            Screen::Event => answer_first(app),
            _ => press(app, KeyCode::Char('e')),
        }
    }
    panic!("the game did not end");
}
