//! A class's way into a game, driven with keys as a student would: a
//! scenario that sets a seed is one world from the menu and from the
//! command line, and a teacher's scenario file (from the title screen or
//! `play --scenario PATH`) is the scenario played.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use multivector::content;
use multivector::rules::defs::ScenarioDef;
use multivector::rules::{Book, Cause, EventId, Game, Raw};
use multivector::ui::app::{App, Launch, Options, Screen};
use multivector::ui::launch;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use crate::common::screen::answer_first;

/// The teacher's scenario of these tests: any state, seed 11, six turns.
const LESSON: &str = "tests/fixtures/lesson.ron";

/// The seed the clock would offer, in these tests.
const CLOCK: u64 = 42;

fn book() -> Book {
    content::builtin().expect("built-in content loads")
}

fn opts() -> Options {
    Options {
        save_dir: PathBuf::from("/nonexistent/multivector-test-saves"),
        ascii: false,
        color: true,
        seed_hint: CLOCK,
    }
}

fn press(app: &mut App, code: KeyCode) {
    app.on_key(KeyEvent::new(code, KeyModifiers::NONE));
}

fn keys(app: &mut App, s: &str) {
    for c in s.chars() {
        press(app, KeyCode::Char(c));
    }
}

fn screen(app: &App, w: u16, h: u16) -> Terminal<TestBackend> {
    let mut t = Terminal::new(TestBackend::new(w, h)).expect("terminal");
    t.draw(|f| f.render_widget(app, f.area())).expect("draw");
    t
}

fn text(t: &Terminal<TestBackend>) -> String {
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

/// From the title to the new-game screen, with the scenario `id` chosen
/// by →.
fn menu_with_scenario(id: &str) -> App {
    let mut app = App::new(book(), Launch::Title, &opts());
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.screen, Screen::NewGame);
    press(&mut app, KeyCode::Tab);
    for _ in 0..app.new_game.scenarios.len() {
        if app.new_game.current().unwrap().def.id == id {
            return app;
        }
        press(&mut app, KeyCode::Right);
    }
    panic!("no scenario {id} on the new-game screen");
}

/// The same keys for every turn: plan the action under the cursor, move
/// the cursor down, end the turn, answer each decision with the first
/// choice the game takes; until the end screen.
fn play_to_end(app: &mut App) {
    for _ in 0..400 {
        match app.screen {
            Screen::End => return,
            Screen::Event => answer_first(app),
            _ => {
                press(app, KeyCode::Enter);
                press(app, KeyCode::Down);
                press(app, KeyCode::Char('e'));
            }
        }
    }
    panic!("the game did not end");
}

/// The events the game met, by the turn they came on.
fn events(game: &Game) -> BTreeSet<(u32, EventId)> {
    game.state()
        .log()
        .iter()
        .filter_map(|e| match &e.cause {
            Cause::Event(id) => Some((e.turn, *id)),
            _ => None,
        })
        .collect()
}

#[test]
fn a_scenario_that_sets_a_seed_is_one_world_from_the_menu_and_the_command_line() {
    // From the menu: first-steps, the seed left as offered.
    let mut menu = menu_with_scenario("first-steps");
    let s = text(&screen(&menu, 80, 24));
    assert!(
        s.contains("2026") && s.contains("The scenario's own seed"),
        "{s}"
    );
    press(&mut menu, KeyCode::Enter);
    assert_eq!(menu.screen, Screen::Game);
    // From the command line, no seed given (the clock would offer another).
    let cli = launch::play(&book(), "first-steps", None, None, CLOCK + 1).unwrap();
    let mut cli = App::new(book(), cli, &opts());
    assert_eq!(cli.screen, Screen::Game);
    for app in [&menu, &cli] {
        assert_eq!(app.game().unwrap().seed, 2026);
    }
    play_to_end(&mut menu);
    play_to_end(&mut cli);
    let (a, b) = (menu.game().unwrap(), cli.game().unwrap());
    assert_eq!(a.decisions(), b.decisions(), "the same decisions");
    let seen = events(a);
    // Scripted on turn 1: drawn as the first turn ends (the log counts from 0).
    assert!(
        seen.contains(&(0, menu.book.event_id("karabakh_lesson").unwrap())),
        "{seen:?}"
    );
    assert!(seen.len() > 3, "{seen:?}");
    assert_eq!(seen, events(b), "the same events on the same turns");
    assert_eq!(a.state(), b.state());
}

#[test]
fn the_seed_field_follows_the_scenario_and_takes_a_typed_seed() {
    let mut app = menu_with_scenario("standard");
    assert_eq!(app.new_game.seed, CLOCK.to_string(), "no seed of its own");
    press(&mut app, KeyCode::Right);
    let id = app.new_game.current().unwrap().def.id.clone();
    let own = app.book.scenario(&id).unwrap().seed;
    assert_eq!(app.new_game.seed, own.unwrap_or(CLOCK).to_string(), "{id}");
    // first-steps sets 2026; the player types 7 instead.
    let mut app = menu_with_scenario("first-steps");
    press(&mut app, KeyCode::Tab);
    for _ in 0..4 {
        press(&mut app, KeyCode::Backspace);
    }
    keys(&mut app, "7");
    let s = text(&screen(&app, 80, 24));
    assert!(s.contains("Scenario's seed: 2026."), "{s}");
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.game().unwrap().seed, 7);
}

#[test]
fn play_without_a_state_hands_its_seed_to_the_new_game_screen() {
    let launch = launch::play(&book(), "standard", None, Some(5), CLOCK).unwrap();
    let mut app = App::new(book(), launch, &opts());
    assert_eq!(app.screen, Screen::NewGame);
    assert_eq!(app.new_game.seed, "5");
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.game().unwrap().seed, 5);
    // A state given: straight into the game, with the fresh seed.
    let launch = launch::play(&book(), "standard", Some("kyrgyzstan"), None, CLOCK).unwrap();
    let Launch::Play(game) = launch else {
        panic!("not a game")
    };
    let country = app.book.country(game.state().country()).id.as_str();
    assert_eq!((game.seed, country), (CLOCK, "kyrgyzstan"));
}

fn lesson(book: &Book) -> ScenarioDef<Raw> {
    content::scenario_from_file(book, Path::new(LESSON)).unwrap()
}

/// The new-game screen has `lesson.ron` chosen, from its file: Uzbekistan
/// is picked and the game started. It must be the file's scenario.
fn start_lesson_as_uzbekistan(mut app: App) -> Game {
    assert_eq!(app.screen, Screen::NewGame);
    let offered = app.new_game.current().unwrap().clone();
    assert_eq!(offered.def, lesson(&app.book));
    assert_eq!(offered.file.as_deref(), Some(LESSON));
    assert_eq!(app.new_game.seed, "11", "the file's seed");
    let s = text(&screen(&app, 80, 24));
    assert!(s.contains("A lesson for any state") && s.contains("From the file"));
    press(&mut app, KeyCode::Down);
    assert_eq!(app.new_game.countries[app.new_game.country], "uzbekistan");
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.screen, Screen::Game);
    let game = app.game().unwrap().clone();
    let book = book();
    let expected = Game::new(&book, lesson(&book), Some("uzbekistan"), 11).unwrap();
    assert_eq!(game.scenario, expected.scenario);
    assert_eq!(game.state(), expected.state());
    assert_eq!(
        (game.state().turns(), game.state().date_label()),
        (6, "2027 Q1".into())
    );
    game
}

#[test]
fn play_with_a_scenario_file_that_leaves_the_state_open_plays_that_file() {
    let launch = launch::play(&book(), LESSON, None, None, CLOCK).unwrap();
    start_lesson_as_uzbekistan(App::new(book(), launch, &opts()));
}

#[test]
fn a_doctored_copy_of_a_built_in_scenario_is_played_as_written_not_as_built_in() {
    let book = book();
    let mut doctored = book.scenario("standard").unwrap().clone();
    doctored.turns = Some(5);
    doctored
        .overrides
        .push(multivector::rules::defs::Effect::Add(
            multivector::rules::Var::Stability,
            30.0,
        ));
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("standard.ron");
    std::fs::write(&path, ron::to_string(&doctored).unwrap()).unwrap();
    let launch = launch::play(&book, path.to_str().unwrap(), None, None, CLOCK).unwrap();
    let mut app = App::new(multivector::content::builtin().unwrap(), launch, &opts());
    assert_eq!(app.new_game.scenarios.len(), app.book.scenarios.len() + 1);
    press(&mut app, KeyCode::Enter);
    let game = app.game().unwrap();
    assert_eq!(game.scenario, doctored);
    assert_eq!(game.state().turns(), 5);
}

/// The title's "Open a scenario file", with `path` typed and Enter.
fn open_from_title(path: &str) -> App {
    let mut app = App::new(book(), Launch::Title, &opts());
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Enter);
    assert!(app.title.path.is_some(), "the path field is open");
    // Keys that mean something elsewhere are letters of the path here.
    keys(&mut app, path);
    press(&mut app, KeyCode::Enter);
    app
}

#[test]
fn a_teachers_scenario_file_opens_from_the_title_screen() {
    let app = open_from_title(LESSON);
    assert_eq!(app.title.path, None, "the field is closed");
    insta::assert_snapshot!("new_game_from_a_file_80x24", screen(&app, 80, 24).backend());
    start_lesson_as_uzbekistan(app);
}

#[test]
fn a_file_that_is_not_a_scenario_is_refused_in_plain_words_and_the_title_stays() {
    let mut app = open_from_title("no-such-lesson.ron");
    assert_eq!(app.screen, Screen::Title);
    assert_eq!(
        app.title.error.as_deref(),
        Some("There is no file at no-such-lesson.ron.")
    );
    insta::assert_snapshot!(
        "title_scenario_file_refused_80x24",
        screen(&app, 80, 24).backend()
    );
    // Esc closes the field; the title's keys work again.
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.title.path, None);
    press(&mut app, KeyCode::Up);
    assert_eq!(app.title.selected, 1);

    let dir = tempfile::tempdir().unwrap();
    let cut = dir.path().join("cut.ron");
    let lesson_text = std::fs::read_to_string(LESSON).unwrap();
    std::fs::write(&cut, &lesson_text[..lesson_text.len() / 2]).unwrap();
    let wrong = dir.path().join("wrong.ron");
    std::fs::write(
        &wrong,
        lesson_text.replace("karabakh_lesson", "no_such_event"),
    )
    .unwrap();
    for (path, words) in [
        (&cut, "line "),
        (&wrong, "unknown event `no_such_event`"),
        (&dir.path().to_path_buf(), "is a folder"),
    ] {
        let app = open_from_title(path.to_str().unwrap());
        assert_eq!(app.screen, Screen::Title);
        let error = app.title.error.clone().unwrap_or_default();
        assert!(error.contains(words), "{error}");
        let s = text_of(&app);
        assert!(s.contains(words), "{s}");
    }
}

fn text_of(app: &App) -> String {
    text(&screen(app, 120, 40))
}
