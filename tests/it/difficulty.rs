//! Levels of difficulty as a player and a teacher meet them: `play
//! --difficulty`, the scenario's own level as the default, the new-game
//! screen's field with each level's summary, the game's header, the save,
//! and the reports.

use std::path::PathBuf;

use crate::common::*;
use multivector::rules::Game;
use multivector::save;
use multivector::ui::app::{App, Launch, Options, Screen};
use multivector::ui::launch;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

fn opts() -> Options {
    Options {
        save_dir: PathBuf::from("/nonexistent/multivector-test-saves"),
        ascii: false,
        color: true,
        seed_hint: 42,
    }
}

fn press(app: &mut App, code: KeyCode) {
    app.on_key(KeyEvent::new(code, KeyModifiers::NONE));
}

fn screen_text(app: &App, w: u16, h: u16) -> String {
    let mut t = Terminal::new(TestBackend::new(w, h)).unwrap();
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

fn started(l: launch::PlayError) -> String {
    l.to_string()
}

#[test]
fn an_unknown_level_is_bad_input_naming_the_known_ones() {
    let dir = tempfile::tempdir().unwrap();
    let out = run_in(
        "play",
        &["--scenario", "first-steps", "--difficulty", "nightmare"],
        dir.path(),
    );
    let err = text(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(
        err.contains("unknown difficulty `nightmare` (known: easy, normal, hard)"),
        "{err}"
    );
    // The same for a scenario that leaves the state to choose (the
    // new-game screen would open): refused before anything is drawn.
    let e = launch::play_at(&book(), "standard", None, None, Some("nightmare"), 1)
        .err()
        .map(started)
        .unwrap();
    assert!(e.contains("known: easy, normal, hard"), "{e}");
    // A known level passes the parser and the check (then needs a terminal).
    let out = run_in("play", &["--difficulty", "hard", "--help"], dir.path());
    assert_eq!(out.status.code(), Some(0));
}

#[test]
fn the_level_is_the_one_given_else_the_scenarios_else_normal() {
    let book = book();
    let game = |scenario: &str, level: Option<&str>| match launch::play_at(
        &book,
        scenario,
        Some("kazakhstan"),
        Some(1),
        level,
        1,
    )
    .unwrap()
    {
        Launch::Play(g) => g.difficulty.clone(),
        _ => panic!("not a game"),
    };
    assert_eq!(game("standard", None), "normal");
    assert_eq!(game("standard", Some("hard")), "hard");
    let dir = tempfile::tempdir().unwrap();
    let mut own = book.scenario("standard").unwrap().clone();
    own.id = "gentle".into();
    own.difficulty = Some("easy".into());
    let path = dir.path().join("gentle.ron");
    std::fs::write(&path, ron::to_string(&own).unwrap()).unwrap();
    let path = path.to_str().unwrap();
    assert_eq!(game(path, None), "easy");
    assert_eq!(game(path, Some("hard")), "hard");
    // The level changes the game: a harder level, less tolerant powers.
    let (easy, hard) = (
        Game::at(&book, own.clone(), Some("kazakhstan"), 1, "easy").unwrap(),
        Game::at(&book, own, Some("kazakhstan"), 1, "hard").unwrap(),
    );
    let russia = multivector::rules::Power::Russia;
    assert!(easy.state().tolerance(russia) > hard.state().tolerance(russia));
}

#[test]
fn the_new_game_screen_offers_each_level_with_its_summary_and_starts_at_it() {
    let book = book();
    let mut app = App::new(book.clone(), Launch::Title, &opts());
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.screen, Screen::NewGame);
    let s = screen_text(&app, 80, 24);
    let normal = book.model.level("normal").unwrap();
    assert!(
        s.contains("Difficulty") && s.contains(&format!("◂ {} ▸", normal.name)),
        "{s}"
    );
    // Tab: scenario, seed, difficulty.
    for _ in 0..3 {
        press(&mut app, KeyCode::Tab);
    }
    press(&mut app, KeyCode::Right);
    assert_eq!(app.new_game.difficulty(), "hard");
    let hard = book.model.level("hard").unwrap();
    let s = screen_text(&app, 120, 40);
    assert!(s.contains(&format!("◂ {} ▸", hard.name)), "{s}");
    // Its summary, wrapped in the field: its first words at least.
    let start: String = hard
        .summary
        .split(' ')
        .take(2)
        .collect::<Vec<_>>()
        .join(" ");
    assert!(s.contains(&start), "{start}: {s}");
    press(&mut app, KeyCode::Right);
    assert_eq!(app.new_game.difficulty(), "easy", "round from the hardest");
    press(&mut app, KeyCode::Left);
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.screen, Screen::Game);
    assert_eq!(app.game().unwrap().difficulty, "hard");
    // The header says it, wide and narrow.
    for (w, h) in [(120, 40), (80, 24)] {
        let s = screen_text(&app, w, h);
        let head = s.lines().next().unwrap();
        assert!(head.contains(&hard.name), "{w}x{h}: {head}");
    }
}

#[test]
fn a_level_given_on_the_command_line_is_chosen_on_the_new_game_screen() {
    let launch = launch::play_at(&book(), "standard", None, None, Some("easy"), 1).unwrap();
    let mut app = App::new(book(), launch, &opts());
    assert_eq!(app.screen, Screen::NewGame);
    assert_eq!(app.new_game.difficulty(), "easy");
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.game().unwrap().difficulty, "easy");
}

#[test]
fn the_save_and_the_reports_carry_the_level() {
    let book = book();
    let dir = tempfile::tempdir().unwrap();
    let scenario = book.scenario("first-steps").unwrap().clone();
    let mut game = Game::at(&book, scenario, None, 2026, "hard").unwrap();
    play(&book, &mut game, 3);
    let path = save::write(&book, dir.path(), "hard", &game).unwrap();
    assert!(
        std::fs::read_to_string(&path)
            .unwrap()
            .contains("difficulty: \"hard\"")
    );
    let out = run_in("replay", &["hard.ron"], dir.path());
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(
        text(&out.stdout).contains("seed 2026, hard)"),
        "{}",
        text(&out.stdout)
    );
    let out = run_in("report", &["hard.ron", "--format", "json"], dir.path());
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["difficulty"]["id"], "hard");
    assert_eq!(json["difficulty"]["name"], "Hard");
    let out = run_in("report", &["hard.ron"], dir.path());
    assert!(text(&out.stdout).contains("| Difficulty | Hard — `hard` |"));
    let out = run_in("report", &["--class", ".", "--format", "csv"], dir.path());
    let table = text(&out.stdout);
    let header: Vec<&str> = table.lines().next().unwrap().split(',').collect();
    let row: Vec<&str> = table.lines().nth(1).unwrap().split(',').collect();
    let col = header.iter().position(|h| *h == "difficulty").unwrap();
    assert_eq!(row[col], "hard", "{table}");
}
