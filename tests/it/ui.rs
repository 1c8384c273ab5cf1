//! The terminal screens, drawn on a test backend and driven with keys:
//! snapshots at 120×40 and 80×24, and whole short games to the end screen.

use std::path::PathBuf;

use multivector::content;
use multivector::rules::defs::ScenarioDef;
use multivector::rules::{Book, Command, Game, Power, Raw};
use multivector::ui::app::{App, Dialog, Launch, Options, Screen};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use crate::common::screen::play_to_end;

fn book() -> Book {
    content::builtin().expect("built-in content loads")
}

fn opts(dir: PathBuf) -> Options {
    Options {
        save_dir: dir,
        ascii: false,
        color: true,
        seed_hint: 42,
    }
}

fn no_saves() -> PathBuf {
    PathBuf::from("/nonexistent/multivector-test-saves")
}

fn scenario(book: &Book, turns: u32) -> ScenarioDef<Raw> {
    let mut s = book
        .scenario("standard")
        .expect("standard scenario")
        .clone();
    s.turns = Some(turns);
    s
}

fn playing(country: &str, seed: u64, turns: u32) -> App {
    let book = book();
    let game = Game::new(&book, scenario(&book, turns), Some(country), seed).expect("game starts");
    App::new(book, Launch::Play(Box::new(game)), &opts(no_saves()))
}

fn press(app: &mut App, code: KeyCode) {
    app.on_key(KeyEvent::new(code, KeyModifiers::NONE));
}

fn keys(app: &mut App, s: &str) {
    for c in s.chars() {
        press(app, KeyCode::Char(c));
    }
}

fn draw(app: &App, w: u16, h: u16) -> Terminal<TestBackend> {
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

/// Ends turns (answering every decision with its first available choice)
/// until a decision is waiting on screen.
fn until_event(app: &mut App) {
    for _ in 0..30 {
        if app.screen == Screen::Event {
            return;
        }
        press(app, KeyCode::Char('e'));
    }
    panic!("no event in 30 turns");
}

#[test]
fn title_screen() {
    let app = App::new(book(), Launch::Title, &opts(no_saves()));
    for (w, h) in [(120, 40), (80, 24)] {
        let t = draw(&app, w, h);
        let s = text(&t);
        assert!(s.contains("New game") && s.contains("Load game") && s.contains("Quit"));
        insta::assert_snapshot!(format!("title_{w}x{h}"), t.backend());
    }
}

#[test]
fn new_game_screen_starts_the_chosen_state_with_the_typed_seed() {
    let mut app = App::new(book(), Launch::Title, &opts(no_saves()));
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.screen, Screen::NewGame);
    press(&mut app, KeyCode::Down);
    let t = draw(&app, 120, 40);
    insta::assert_snapshot!("new_game_120x40", t.backend());
    let t = draw(&app, 80, 24);
    insta::assert_snapshot!("new_game_80x24", t.backend());
    // Seed field: erase the offered seed, type 77.
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Tab);
    for _ in 0..5 {
        press(&mut app, KeyCode::Backspace);
    }
    keys(&mut app, "77");
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.screen, Screen::Game);
    let game = app.game().unwrap();
    assert_eq!(game.seed, 77);
    let second = app.new_game.countries[1].clone();
    assert_eq!(app.book.country(game.state().country()).id, second);
}

#[test]
fn a_scenario_written_for_one_state_starts_that_state() {
    let mut app = App::new(book(), Launch::Title, &opts(no_saves()));
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Down); // Uzbekistan
    press(&mut app, KeyCode::Tab); // to the scenario
    let squeeze = app
        .book
        .scenarios
        .iter()
        .position(|s| s.id == "tajik-squeeze")
        .unwrap();
    for _ in 0..squeeze {
        press(&mut app, KeyCode::Right);
    }
    let s = text(&draw(&app, 80, 24));
    assert!(s.contains("State (fixed)"), "{s}");
    // The state list does not move away from the scenario's state (Tab
    // goes round the seed and the difficulty back to it).
    for _ in 0..3 {
        press(&mut app, KeyCode::Tab);
    }
    press(&mut app, KeyCode::Up);
    assert!(app.status.is_some());
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.screen, Screen::Game);
    let country = app.game().unwrap().state().country();
    assert_eq!(app.book.country(country).id, "tajikistan");
}

#[test]
fn game_screen() {
    let app = playing("uzbekistan", 3, 24);
    for (w, h) in [(120, 40), (80, 24)] {
        let t = draw(&app, w, h);
        let s = text(&t);
        for word in [
            "Uzbekistan",
            "Autonomy",
            "Leverage",
            "Stability",
            "Russia",
            "China",
            "Turkey",
            "EU",
            "2026 Q1",
            "1/24",
        ] {
            assert!(s.contains(word), "{w}x{h}: no {word} in\n{s}");
        }
        insta::assert_snapshot!(format!("game_{w}x{h}"), t.backend());
    }
}

#[test]
fn game_screen_after_a_turn_shows_the_log_with_causes() {
    let mut app = playing("kazakhstan", 7, 24);
    press(&mut app, KeyCode::Enter); // plan the first action
    let planned = app.game().unwrap().state().planned().to_vec();
    assert_eq!(planned.len(), 1);
    let name = app.book.action(planned[0]).name.clone();
    press(&mut app, KeyCode::Char('e'));
    if app.screen == Screen::Event {
        press(&mut app, KeyCode::Esc); // look at the board
    }
    let s = text(&draw(&app, 120, 40));
    assert!(s.contains("2026 Q2"), "{s}");
    // Wide enough for the news' lines to hold a cause whole.
    let s = text(&draw(&app, 200, 60));
    assert!(
        s.contains(&format!("({name})")),
        "the log names the action: {s}"
    );
    assert!(s.contains("→"), "changes are shown as before → after: {s}");
    // The player's doing comes before the world's slow trends.
    let news = multivector::ui::widgets::log::last_turn(app.game().unwrap().state());
    let drift = |e: &&multivector::rules::LogEntry| e.cause.is_trend();
    let first_trend = news.iter().position(drift).expect("drift in the news");
    assert!(first_trend > 0, "the action's effects lead");
    assert!(news[first_trend..].iter().all(drift), "{news:?}");
}

#[test]
fn undo_takes_back_the_last_planned_action() {
    let mut app = playing("kazakhstan", 7, 24);
    let capital = app.game().unwrap().state().capital();
    press(&mut app, KeyCode::Enter);
    assert!(app.game().unwrap().state().capital() < capital);
    keys(&mut app, "u");
    assert!(app.game().unwrap().state().planned().is_empty());
    assert_eq!(app.game().unwrap().state().capital(), capital);
    keys(&mut app, "u");
    assert!(
        app.status
            .as_deref()
            .unwrap_or("")
            .contains("nothing to undo")
    );
}

#[test]
fn event_popup() {
    let mut app = playing("uzbekistan", 3, 24);
    until_event(&mut app);
    for (w, h) in [(120, 40), (80, 24)] {
        let t = draw(&app, w, h);
        let s = text(&t);
        assert!(s.contains("Your answer:") && s.contains("1  "), "{s}");
        insta::assert_snapshot!(format!("event_{w}x{h}"), t.backend());
    }
    // Esc puts the popup aside; Enter brings it back; a number answers it.
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.screen, Screen::Game);
    // The news tells what the event says once, under its title, not again
    // under each thing it set off.
    let event = match app.game().unwrap().state().pending().first() {
        Some(multivector::rules::Decision::Event(id)) => app.book.event(*id).clone(),
        other => panic!("an event is pending: {other:?}"),
    };
    let board = text(&draw(&app, 200, 80)).replace('\n', " ");
    let start: String = event
        .text
        .split_whitespace()
        .take(6)
        .collect::<Vec<_>>()
        .join(" ");
    let board_words = board.split_whitespace().collect::<Vec<_>>().join(" ");
    assert_eq!(board_words.matches(&start).count(), 1, "{board}");
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.screen, Screen::Event);
    let before = app.game().unwrap().state().pending().len();
    let choices = multivector::rules::decision_choices(app.game().unwrap().state(), &app.book);
    let first = choices.iter().position(|c| c.1.is_none()).unwrap();
    keys(&mut app, &(first + 1).to_string());
    assert_eq!(app.game().unwrap().state().pending().len(), before - 1);
}

#[test]
fn help_screen() {
    let mut app = playing("uzbekistan", 3, 24);
    keys(&mut app, "?");
    assert!(matches!(app.dialog, Some(Dialog::Help { .. })));
    for (w, h) in [(120, 40), (80, 24)] {
        let t = draw(&app, w, h);
        let s = text(&t);
        assert!(s.contains("end the turn"), "{s}");
        insta::assert_snapshot!(format!("help_{w}x{h}"), t.backend());
    }
    let s = text(&draw(&app, 120, 40));
    for term in [
        "Strategic hedging",
        "Demonstration effect",
        "Coupling interface",
        "Asymmetric dependence",
        "Relative autonomy",
    ] {
        assert!(s.contains(term), "no {term}");
    }
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.dialog, None);
}

/// Presses ↓ many more times than the text is long, drawing after each
/// key as the terminal would; returns the scroll reached and the screen.
fn scroll_to_the_end(app: &mut App, w: u16, h: u16, scroll: impl Fn(&App) -> u16) -> (u16, String) {
    for _ in 0..300 {
        draw(app, w, h);
        press(app, KeyCode::Down);
    }
    (scroll(app), text(&draw(app, w, h)))
}

#[test]
fn scrolling_stops_where_the_text_ends() {
    // The help at 80×24: the glossary's last entry (overextension, with
    // its quote) shows, and no further.
    let mut app = playing("uzbekistan", 3, 24);
    keys(&mut app, "?");
    let help = |a: &App| match a.dialog {
        Some(Dialog::Help { scroll }) => scroll,
        _ => panic!("help closed"),
    };
    let (at, s) = scroll_to_the_end(&mut app, 80, 24, help);
    assert!(at > 0 && at < 150, "help scrolled to {at}");
    assert!(s.contains("momentum could stall"), "{s}");
    // One ↑ moves at once: no hidden overshoot to scroll back through.
    press(&mut app, KeyCode::Up);
    assert_eq!(help(&app), at - 1);

    // The debrief at 80×24 ends on its discussion questions.
    let mut app = playing("kazakhstan", 11, 3);
    play_to_end(&mut app);
    let (at, s) = scroll_to_the_end(&mut app, 80, 24, |a| a.play.as_ref().unwrap().end_scroll);
    assert!(at > 0 && at < 100, "debrief scrolled to {at}");
    let last = app
        .game()
        .unwrap()
        .scenario
        .questions
        .last()
        .unwrap()
        .clone();
    let tail: String = last.split_whitespace().last().unwrap().to_string();
    assert!(
        s.contains(&tail),
        "last question's end `{tail}` not shown:\n{s}"
    );

    // The news, focused with Tab three times, after a turn.
    let mut app = playing("kazakhstan", 7, 24);
    press(&mut app, KeyCode::Char('e'));
    if app.screen == Screen::Event {
        keys(&mut app, "1");
    }
    // Actions, preview, map, news.
    for _ in 0..3 {
        press(&mut app, KeyCode::Tab);
    }
    let (at, _) = scroll_to_the_end(&mut app, 80, 24, |a| a.play.as_ref().unwrap().log_scroll);
    assert!(at < 100, "news scrolled to {at}");
    press(&mut app, KeyCode::Up);
    assert_eq!(app.play.as_ref().unwrap().log_scroll, at.saturating_sub(1));
}

#[test]
fn a_short_game_reaches_the_end_screen() {
    let mut app = playing("kazakhstan", 11, 3);
    play_to_end(&mut app);
    assert_eq!(app.screen, Screen::End);
    let outcome = *app.game().unwrap().state().outcome().unwrap();
    let title = app.book.ending(outcome.ending).title.clone();
    for (w, h) in [(120, 40), (80, 24)] {
        let t = draw(&app, w, h);
        let s = text(&t);
        assert!(
            s.contains(&title),
            "{w}x{h}: outcome {title} not shown:\n{s}"
        );
        assert!(s.contains("final score"), "{s}");
        // The best ending's conditions, then the scenario's objectives, met
        // or not, with their numbers; the turning points after them (at
        // 80x24, a scroll away).
        let objectives = app.game().unwrap().objectives(&app.book);
        let met = objectives.iter().filter(|o| o.met == Some(true)).count();
        let head = format!("Objectives: {met} of {} met", objectives.len());
        assert!(s.contains(&head), "{head}: {s}");
        let turkey = app.game().unwrap().state().proximity(Power::Turkey);
        let want = format!("Turkey proximity {turkey:.1} of 60 needed");
        if w >= 110 {
            assert!(s.contains(&want), "{want}: {s}");
            assert!(s.contains("Turning points"), "{s}");
        }
        insta::assert_snapshot!(format!("end_{w}x{h}"), t.backend());
        // The questions end the debrief: End scrolls to them.
        press(&mut app, KeyCode::End);
        let s = text(&draw(&app, w, h));
        assert!(s.contains("For discussion"), "{s}");
        press(&mut app, KeyCode::Home);
    }
    // Enter goes back to the title.
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.screen, Screen::Title);
}

#[test]
fn a_full_game_with_keys_only_ends() {
    let mut app = playing("tajikistan", 5, 24);
    play_to_end(&mut app);
    assert!(app.game().unwrap().state().outcome().is_some());
    assert!(text(&draw(&app, 80, 24)).contains("The end:"));
}

#[test]
fn the_autosave_holds_the_finished_game_and_loads_at_its_end() {
    let dir = tempfile::tempdir().unwrap();
    let book = book();
    let game = Game::new(&book, scenario(&book, 4), Some("kyrgyzstan"), 9).unwrap();
    let mut app = App::new(
        book.clone(),
        Launch::Play(Box::new(game)),
        &opts(dir.path().to_path_buf()),
    );
    play_to_end(&mut app);
    let saved = multivector::save::read(&book, &dir.path().join("autosave.ron"))
        .expect("autosave")
        .game;
    assert!(
        &saved == app.game().unwrap(),
        "the autosave is not the finished game: {} of {} decisions",
        saved.decisions().len(),
        app.game().unwrap().decisions().len()
    );
    assert!(saved.state().outcome().is_some());
    // Kept under its own name too, so that the next game's autosave does
    // not take it away.
    let name = multivector::save::finished_name(&book, app.game().unwrap());
    assert!(name.ends_with("-seed9-end"), "{name}");
    let kept = multivector::save::read(&book, &dir.path().join(format!("{name}.ron")))
        .expect("the finished game under its own name")
        .game;
    assert!(&kept == app.game().unwrap());
    let again = App::new(
        book,
        Launch::Play(Box::new(saved)),
        &opts(dir.path().to_path_buf()),
    );
    assert_eq!(again.screen, Screen::End);
}

#[test]
fn the_ui_changes_the_game_only_through_commands() {
    let mut app = playing("kyrgyzstan", 9, 4);
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Enter);
    play_to_end(&mut app);
    let game = app.game().unwrap();
    let replayed = game
        .replay(&app.book)
        .expect("the recorded commands replay");
    assert_eq!(replayed.state(), game.state());
    assert!(
        game.decisions()
            .iter()
            .any(|d| matches!(d.command, Command::Plan(_)))
    );
}

#[test]
fn quitting_asks_first_unless_just_saved() {
    let dir = tempfile::tempdir().unwrap();
    let book = book();
    let game = Game::new(&book, scenario(&book, 24), Some("uzbekistan"), 3).unwrap();
    let mut app = App::new(
        book,
        Launch::Play(Box::new(game)),
        &opts(dir.path().to_path_buf()),
    );
    keys(&mut app, "q");
    assert_eq!(app.dialog, Some(Dialog::ConfirmQuit));
    keys(&mut app, "n");
    assert_eq!(app.dialog, None);
    assert!(!app.quit);
    // Save under a name, then q quits at once.
    keys(&mut app, "s");
    assert!(matches!(app.dialog, Some(Dialog::SaveAs { .. })));
    let t = draw(&app, 80, 24);
    assert!(text(&t).contains("Save the game"));
    press(&mut app, KeyCode::Enter);
    assert!(
        app.status.as_deref().unwrap_or("").starts_with("Saved to"),
        "{:?}",
        app.status
    );
    keys(&mut app, "q");
    assert!(app.quit);

    // On the new-game screen, a game being set up is not dropped unasked.
    let mut app = App::new(
        content::builtin().unwrap(),
        Launch::Title,
        &opts(no_saves()),
    );
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.screen, Screen::NewGame);
    keys(&mut app, "q");
    assert_eq!(app.dialog, Some(Dialog::ConfirmQuit));
    assert!(text(&draw(&app, 80, 24)).contains("not been started"));
    keys(&mut app, "n");
    assert!(!app.quit && app.dialog.is_none());
    assert_eq!(app.screen, Screen::NewGame);
}

#[test]
fn saves_are_listed_and_loaded_from_the_title_screen() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = playing("uzbekistan", 3, 24);
    app.save_dir = dir.path().to_path_buf();
    keys(&mut app, "e");
    if app.screen == Screen::Event {
        keys(&mut app, "1");
    }
    keys(&mut app, "s");
    if let Some(Dialog::SaveAs { name }) = &mut app.dialog {
        *name = "week three".into();
    }
    press(&mut app, KeyCode::Enter);
    std::fs::write(dir.path().join("broken.ron"), "(not a save").unwrap();
    let mut title = App::new(
        multivector::content::builtin().unwrap(),
        Launch::Title,
        &opts(dir.path().to_path_buf()),
    );
    press(&mut title, KeyCode::Down);
    press(&mut title, KeyCode::Enter);
    assert_eq!(title.screen, Screen::Load);
    let s = text(&draw(&title, 120, 40));
    assert!(s.contains("week three") && s.contains("broken"), "{s}");
    // The state by name, and the turn on the board as the game counts it.
    assert!(
        s.contains("2026 Q2") && s.contains("Uzbekistan") && s.contains("2/24"),
        "{s}"
    );
    let i = title
        .load
        .saves
        .iter()
        .position(|s| s.name == "week three")
        .unwrap();
    title.load.selected = i;
    press(&mut title, KeyCode::Enter);
    assert_eq!(title.screen, Screen::Game);
    assert_eq!(title.game().unwrap().state().date_label(), "2026 Q2");
}

#[test]
fn small_terminals_get_the_enlarge_message_and_never_panic() {
    let mut app = playing("uzbekistan", 3, 24);
    for (w, h) in [(1, 1), (2, 1), (10, 3), (40, 12), (79, 24), (80, 23)] {
        let s = text(&draw(&app, w, h));
        if w >= 40 {
            assert!(s.contains("Please enlarge"), "{w}x{h}: {s}");
            assert!(s.contains(&format!("{w}×{h}")), "{w}x{h}: {s}");
        }
    }
    // Every screen at the smallest size and a few odd ones.
    draw(&app, 80, 24);
    until_event(&mut app);
    for (w, h) in [(80, 24), (81, 25), (100, 30), (200, 60)] {
        draw(&app, w, h);
        keys(&mut app, "?");
        draw(&app, w, h);
        press(&mut app, KeyCode::Esc);
    }
}

#[test]
fn no_color_draws_without_colours() {
    let book = book();
    let game = Game::new(&book, scenario(&book, 24), Some("uzbekistan"), 3).unwrap();
    let mut o = opts(no_saves());
    o.color = false;
    let app = App::new(book, Launch::Play(Box::new(game)), &o);
    let t = draw(&app, 120, 40);
    let buf = t.backend().buffer();
    let coloured = buf
        .content()
        .iter()
        .filter(|c| c.fg != ratatui::style::Color::Reset || c.bg != ratatui::style::Color::Reset)
        .count();
    assert_eq!(coloured, 0, "NO_COLOR: no cell has a colour");
    // Risk still shows, by symbol.
    assert!(text(&t).contains('▲'));
}

#[test]
fn the_map_says_how_a_selected_country_stands_to_the_player() {
    use multivector::ui::widgets::map_panel::relation;
    let app = playing("uzbekistan", 3, 24);
    let state = app.game().unwrap().state();
    let rel = |id| relation(state, &app.book, id);
    assert_eq!(rel("georgia"), "no common border");
    assert_eq!(rel("afghanistan"), "borders you");
    assert_eq!(
        rel("kazakhstan"),
        "borders you; balancing the same four powers"
    );
    assert!(
        rel("china").starts_with("China: closeness"),
        "{}",
        rel("china")
    );
    assert!(
        rel("china").ends_with("no common border"),
        "{}",
        rel("china")
    );
    assert!(
        rel("uzbekistan").starts_with("you (capital Tashkent"),
        "{}",
        rel("uzbekistan")
    );
}
