//! The save dialog: a name as long as a save's name can be is typed, shown
//! and saved whole (never cut short into another save's name), and saving
//! over an existing save is said before Enter is pressed.

use std::path::Path;

use multivector::content;
use multivector::rules::Game;
use multivector::save;
use multivector::ui::app::{App, Dialog, Launch, Options};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

fn app_saving_in(dir: &Path) -> App {
    let book = content::builtin().unwrap();
    let scenario = book.scenario("standard").unwrap().clone();
    let game = Game::new(&book, scenario, Some("kazakhstan"), 5).unwrap();
    let opts = Options {
        save_dir: dir.to_path_buf(),
        ascii: false,
        color: false,
        seed_hint: 1,
    };
    App::new(book, Launch::Play(Box::new(game)), &opts)
}

fn press(app: &mut App, code: KeyCode) {
    app.on_key(KeyEvent::new(code, KeyModifiers::NONE));
}

/// Opens the save dialog, erases the proposed name and types `name`.
fn type_name(app: &mut App, name: &str) {
    press(app, KeyCode::Char('s'));
    assert!(matches!(app.dialog, Some(Dialog::SaveAs { .. })));
    for _ in 0..100 {
        press(app, KeyCode::Backspace);
    }
    for c in name.chars() {
        press(app, KeyCode::Char(c));
    }
}

fn typed(app: &App) -> String {
    match &app.dialog {
        Some(Dialog::SaveAs { name }) => name.clone(),
        other => panic!("no save dialog: {other:?}"),
    }
}

fn screen(app: &App) -> String {
    let mut t = Terminal::new(TestBackend::new(80, 24)).unwrap();
    t.draw(|f| f.render_widget(app, f.area())).unwrap();
    let buf = t.backend().buffer();
    let mut s = String::new();
    for y in 0..buf.area.height {
        for x in 0..buf.area.width {
            s.push_str(buf[(x, y)].symbol());
        }
        s.push('\n');
    }
    s
}

#[test]
fn a_name_as_long_as_a_save_name_can_be_is_typed_shown_and_saved_whole() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app_saving_in(dir.path());
    let longest: String = ('a'..='z').cycle().take(save::MAX_NAME_CHARS).collect();
    type_name(&mut app, &format!("{longest}xyz"));
    assert_eq!(typed(&app), longest, "the name stops at the limit");
    let s = screen(&app);
    assert!(s.contains(&longest), "the whole name is shown:\n{s}");
    assert!(s.contains("longest a name can be (64 characters)"), "{s}");
    press(&mut app, KeyCode::Enter);
    assert!(
        dir.path().join(format!("{longest}.ron")).is_file(),
        "{:?}",
        app.status
    );
}

#[test]
fn two_long_names_that_differ_late_are_two_saves() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app_saving_in(dir.path());
    let stem: String = "week-"
        .chars()
        .chain(std::iter::repeat_n('x', 55))
        .collect();
    for end in ["-ann", "-bob"] {
        type_name(&mut app, &format!("{stem}{end}"));
        press(&mut app, KeyCode::Enter);
        assert!(
            app.status.as_deref().unwrap_or("").starts_with("Saved to"),
            "{:?}",
            app.status
        );
    }
    let saves = save::list(dir.path());
    let mut names: Vec<&str> = saves.iter().map(|s| s.name.as_str()).collect();
    names.sort();
    assert_eq!(
        names,
        [format!("{stem}-ann"), format!("{stem}-bob")],
        "one save replaced the other"
    );
}

#[test]
fn saving_over_a_save_of_the_same_name_is_said_first() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app_saving_in(dir.path());
    type_name(&mut app, "homework");
    assert!(!screen(&app).contains("Replaces the save"));
    press(&mut app, KeyCode::Enter);
    type_name(&mut app, "homework");
    let s = screen(&app);
    assert!(s.contains("Replaces the save of this name"), "{s}");
    type_name(&mut app, "homework 2");
    press(&mut app, KeyCode::Esc);
    type_name(&mut app, "homework 2");
    assert!(!screen(&app).contains("Replaces the save"));
}
