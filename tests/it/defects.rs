//! The small defects found playing as a new player, each with a test that
//! failed on the code before its fix.

use std::path::PathBuf;

use multivector::content;
use multivector::rules::defs::ScenarioDef;
use multivector::rules::{Book, Command, Game, Raw};
use multivector::ui::app::{App, Dialog, Launch, Options, Screen};
use multivector::ui::screens::game::shown_turn;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

fn opts(dir: PathBuf) -> Options {
    Options {
        save_dir: dir,
        ascii: false,
        color: true,
        seed_hint: 42,
    }
}

fn standard(book: &Book, turns: u32) -> ScenarioDef<Raw> {
    let mut s = book.scenario("standard").unwrap().clone();
    s.turns = Some(turns);
    s
}

fn playing_in(country: &str, seed: u64, turns: u32, dir: PathBuf) -> App {
    let book = content::builtin().unwrap();
    let game = Game::new(&book, standard(&book, turns), Some(country), seed).unwrap();
    App::new(book, Launch::Play(Box::new(game)), &opts(dir))
}

fn playing(country: &str, seed: u64, turns: u32) -> App {
    playing_in(
        country,
        seed,
        turns,
        PathBuf::from("/nonexistent/multivector-test-saves"),
    )
}

fn press(app: &mut App, code: KeyCode) {
    app.on_key(KeyEvent::new(code, KeyModifiers::NONE));
}

fn keys(app: &mut App, s: &str) {
    for c in s.chars() {
        press(app, KeyCode::Char(c));
    }
}

fn draw(app: &App, w: u16, h: u16) -> String {
    let mut t = Terminal::new(TestBackend::new(w, h)).unwrap();
    t.draw(|f| f.render_widget(app, f.area())).unwrap();
    let buf = t.backend().buffer().clone();
    let mut s = String::new();
    for y in 0..h {
        for x in 0..w {
            s.push_str(buf[(x, y)].symbol());
        }
        s.push('\n');
    }
    s
}

fn answer_all(app: &mut App) {
    for _ in 0..20 {
        if app.screen != Screen::Event {
            return;
        }
        let before = app.game().unwrap().decisions().len();
        for c in '1'..='9' {
            keys(app, &c.to_string());
            if app.game().unwrap().decisions().len() > before {
                break;
            }
        }
    }
}

fn select(app: &mut App, id: &str) {
    let i = app.book.actions.iter().position(|a| a.id == id).unwrap();
    app.play.as_mut().unwrap().selected = i;
}

#[test]
fn the_status_line_counts_turns_as_the_panel_does() {
    let mut app = playing("kazakhstan", 7, 24);
    select(&mut app, "visit_moscow");
    press(&mut app, KeyCode::Enter);
    keys(&mut app, "e");
    answer_all(&mut app);
    // Turn 2 on the board; the visit may come again from turn 3.
    assert_eq!(app.game().unwrap().state().turn(), 1);
    select(&mut app, "visit_moscow");
    press(&mut app, KeyCode::Enter);
    let status = app.status.clone().unwrap_or_default();
    assert!(status.contains("(turn 3)"), "{status}");
    let s = draw(&app, 120, 40);
    assert!(s.contains("available again in 2026 Q3 (turn 3)"), "{s}");
    assert!(!status.contains("turn 2"), "{status}");
}

#[test]
fn keys_wait_while_the_enlarge_message_shows() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = playing_in("uzbekistan", 3, 24, dir.path().to_path_buf());
    for _ in 0..30 {
        if app.screen == Screen::Event {
            break;
        }
        keys(&mut app, "e");
    }
    assert_eq!(app.screen, Screen::Event);
    let decisions = app.game().unwrap().decisions().len();
    // The terminal shrinks: only the request to enlarge shows.
    let s = draw(&app, 60, 20);
    assert!(s.contains("Please enlarge"), "{s}");
    keys(&mut app, "12e");
    press(&mut app, KeyCode::Enter);
    assert_eq!(
        app.game().unwrap().decisions().len(),
        decisions,
        "nothing answered blind"
    );
    assert!(!app.quit);
    // Enlarged again, the keys act.
    draw(&app, 80, 24);
    answer_all(&mut app);
    assert!(app.game().unwrap().decisions().len() > decisions);
    // Small again: q leaves at once, with the game autosaved as it stands.
    draw(&app, 60, 20);
    keys(&mut app, "q");
    assert!(app.quit);
    let saved = multivector::save::read(&app.book, &dir.path().join("autosave.ron"))
        .unwrap()
        .game;
    assert!(&saved == app.game().unwrap());
}

#[test]
fn the_end_is_dated_by_the_last_turn() {
    let mut app = playing("kazakhstan", 11, 24);
    for _ in 0..200 {
        match app.screen {
            Screen::End => break,
            Screen::Event => answer_all(&mut app),
            _ => keys(&mut app, "e"),
        }
    }
    assert_eq!(app.screen, Screen::End);
    let state = app.game().unwrap().state();
    assert_eq!(state.turn(), 24);
    assert_eq!(shown_turn(state), ("2031 Q4".to_string(), 24));
    for (w, h) in [(120, 40), (80, 24)] {
        let s = draw(&app, w, h);
        assert!(s.contains("2031 Q4"), "the chart ends with the game:\n{s}");
        assert!(s.contains("By the end of 2031 Q4"), "{s}");
        assert!(!s.contains("2032"), "no quarter after the last:\n{s}");
    }
}

#[test]
fn the_action_list_says_how_many_are_below_its_edge() {
    let mut app = playing("kazakhstan", 7, 24);
    // Every action the list offers (those Kazakhstan could ever take).
    let n = multivector::ui::listed::listed(app.game().unwrap().state(), &app.book).len();
    for (w, h) in [(120, 40), (80, 24)] {
        app.play.as_mut().unwrap().selected = 0;
        let s = draw(&app, w, h);
        let cue = s
            .lines()
            .find_map(|l| {
                let i = l.find("▼ ")?;
                let rest = &l[i + "▼ ".len()..];
                let k: usize = rest.split_whitespace().next()?.parse().ok()?;
                rest.contains("more (PgDn)").then_some(k)
            })
            .unwrap_or_else(|| panic!("no cue at {w}x{h}:\n{s}"));
        // The names shown and the cue count every action.
        let shown = app
            .book
            .actions
            .iter()
            .filter(|a| s.contains(&a.name[..a.name.len().min(14)]))
            .count();
        assert_eq!(shown + cue, n, "{w}x{h}: {shown} shown, {cue} said below");
        // At the end of the list: a cue above, none below.
        press(&mut app, KeyCode::End);
        let s = draw(&app, w, h);
        assert!(s.contains("▲ ") && s.contains("more (PgUp)"), "{s}");
        assert!(!s.contains("more (PgDn)") || w == 120, "{s}");
        press(&mut app, KeyCode::Home);
        assert_eq!(app.play.as_ref().unwrap().selected, 0);
        press(&mut app, KeyCode::PageDown);
        assert!(app.play.as_ref().unwrap().selected > 1);
    }
}

#[test]
fn the_news_pages_with_pgup_pgdn_home_end() {
    let mut app = playing("kazakhstan", 7, 24);
    select(&mut app, "visit_ankara");
    press(&mut app, KeyCode::Enter);
    keys(&mut app, "e");
    answer_all(&mut app);
    press(&mut app, KeyCode::Tab); // the preview
    press(&mut app, KeyCode::Tab); // the map
    press(&mut app, KeyCode::Tab); // the news
    for (w, h) in [(120, 40), (80, 24)] {
        draw(&app, w, h);
        let scroll = |a: &App| a.play.as_ref().unwrap().log_scroll;
        press(&mut app, KeyCode::PageDown);
        let page = scroll(&app);
        assert!(page > 1, "{w}x{h}: a page is more than a row ({page})");
        press(&mut app, KeyCode::End);
        let end = scroll(&app);
        assert!(end >= page, "{w}x{h}");
        let s = draw(&app, w, h);
        assert!(!s.contains("more (PgDn)"), "{w}x{h}: the end shows:\n{s}");
        press(&mut app, KeyCode::Down);
        assert_eq!(scroll(&app), end, "{w}x{h}: not past the end");
        press(&mut app, KeyCode::PageUp);
        assert!(scroll(&app) < end);
        press(&mut app, KeyCode::Home);
        assert_eq!(scroll(&app), 0);
    }
}

#[test]
fn the_preview_shows_every_change_or_says_what_is_cut() {
    let mut app = playing("kazakhstan", 7, 24);
    let ids: Vec<String> = app.book.actions.iter().map(|a| a.id.clone()).collect();
    for id in ids {
        select(&mut app, &id);
        let action = app.book.action_id(&id).unwrap();
        let p = multivector::rules::preview::preview_action(
            app.game().unwrap().state(),
            &app.book,
            action,
        );
        let s = draw(&app, 120, 40);
        // At 120×40 every preview fits, with every share it moves named.
        let lines: Vec<&str> = s.lines().collect();
        let news = lines.iter().position(|l| l.contains("╭ News")).unwrap();
        // The preview's last row, in the middle column, has no cue.
        let last: String = lines[news - 2].chars().skip(40).take(41).collect();
        assert!(!last.contains("more ("), "{id}:\n{s}");
        for (var, _) in &p.changes() {
            if let multivector::rules::Var::Share(d, _) = var {
                assert!(s.contains(d.name()), "{id}: {} not named:\n{s}", d.name());
            }
        }
        // At 80×24 what does not fit is said, with the key that shows it.
        let s = draw(&app, 80, 24);
        let shown_done = s.contains("Done by") || !s.contains("A project of");
        assert!(shown_done || s.contains("more (Tab)"), "{id}:\n{s}");
    }
}

#[test]
fn a_save_error_is_shown_whole() {
    // The save directory is a file: nothing can be written in it.
    let file = tempfile::NamedTempFile::new().unwrap();
    let mut app = playing_in("kazakhstan", 7, 24, file.path().join("saves"));
    keys(&mut app, "s");
    assert!(matches!(app.dialog, Some(Dialog::SaveAs { .. })));
    press(&mut app, KeyCode::Enter);
    let status = app.status.clone().unwrap();
    assert!(status.starts_with("Not saved:"), "{status}");
    let s: String = draw(&app, 80, 24)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    let whole: String = status.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(s.contains(&whole), "`{whole}` not whole in:\n{s}");
}

#[test]
fn causes_are_named_in_words_that_fit_the_change() {
    let mut app = playing("kazakhstan", 7, 24);
    for _ in 0..3 {
        select(&mut app, "visit_ankara");
        press(&mut app, KeyCode::Enter);
        keys(&mut app, "e");
        answer_all(&mut app);
    }
    let state = app.game().unwrap().state();
    let book = &app.book;
    let theme = multivector::ui::theme::Theme::new(false, false);
    let lines: Vec<String> = state
        .log()
        .iter()
        .filter_map(|e| multivector::ui::widgets::log::entry_line(book, &theme, e))
        .map(|l| l.spans.iter().map(|s| s.content.to_string()).collect())
        .collect();
    assert!(!lines.is_empty());
    for l in &lines {
        assert!(!l.contains("(The turn)"), "{l}");
        assert!(!l.contains("settles)") || l.starts_with('▼'), "{l}");
        assert!(!l.contains("cool without attention"), "{l}");
    }
    assert!(
        lines
            .iter()
            .any(|l| l.contains("strain") && l.contains("(Irritation fades with time)")),
        "{lines:#?}"
    );
    // A drift toward a level is named the same whichever way it went.
    assert!(
        lines
            .iter()
            .any(|l| l.contains("Stability") && l.contains("drifts back toward its usual level")),
        "{lines:#?}"
    );
}

#[test]
fn enter_on_a_planned_action_takes_it_back() {
    let mut app = playing("kazakhstan", 7, 24);
    let capital = app.game().unwrap().state().capital();
    for id in ["visit_moscow", "visit_beijing", "csto_exercises"] {
        select(&mut app, id);
        press(&mut app, KeyCode::Enter);
    }
    assert_eq!(app.game().unwrap().state().planned().len(), 3);
    select(&mut app, "visit_beijing");
    let s = draw(&app, 120, 40);
    assert!(s.contains("Planned this turn (Enter takes"), "{s}");
    press(&mut app, KeyCode::Enter);
    let state = app.game().unwrap().state();
    let names: Vec<&str> = state
        .planned()
        .iter()
        .map(|a| app.book.action(*a).id.as_str())
        .collect();
    assert_eq!(names, ["visit_moscow", "csto_exercises"]);
    let costs: u32 = ["visit_moscow", "csto_exercises"]
        .iter()
        .map(|id| app.book.action(app.book.action_id(id).unwrap()).cost)
        .sum();
    assert_eq!(state.capital(), capital - costs);
    // The save replays: the taking back is a command in the record.
    let game = app.game().unwrap();
    assert_eq!(game.replay(&app.book).unwrap().state(), game.state());
    let beijing = app.book.action_id("visit_beijing").unwrap();
    assert!(
        game.decisions()
            .iter()
            .any(|d| d.command == Command::Unplan(beijing))
    );
}

/// Key names are written in the screens' prose only through `key`:
/// no string in the screens spells one out.
#[test]
fn no_screen_spells_a_key_out() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/ui");
    let mut files = vec![dir.clone()];
    let mut sources = Vec::new();
    while let Some(d) = files.pop() {
        for e in std::fs::read_dir(&d).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                files.push(p);
            } else if p.extension().is_some_and(|x| x == "rs") && !p.ends_with("keymap.rs") {
                sources.push((p.clone(), std::fs::read_to_string(&p).unwrap()));
            }
        }
    }
    let spelled = [
        "press Enter",
        "Enter to",
        "with Enter",
        "Esc looks",
        "Esc back",
        "↑↓",
        "←→",
        "with e.",
        "(u ",
        "z to zoom",
        "Tab to",
        "Tab:",
        "Tab between",
        "Backspace to",
        "\"y\"",
        "1–9",
    ];
    for (path, text) in sources {
        // Tests and comments may name keys; the strings drawn may not.
        let code: String = text
            .split("#[cfg(test)]")
            .next()
            .unwrap_or("")
            .lines()
            .filter(|l| !l.trim_start().starts_with("//"))
            .collect::<Vec<_>>()
            .join("\n");
        for s in spelled {
            assert!(!code.contains(s), "{} spells out `{s}`", path.display());
        }
    }
}

/// A power's move is said once in the news, with the power's name: not
/// its title again as its own cause.
#[test]
fn a_powers_move_is_news_once_with_its_power() {
    let mut app = playing("kazakhstan", 7, 24);
    for _ in 0..12 {
        keys(&mut app, "e");
        answer_all(&mut app);
    }
    let state = app.game().unwrap().state();
    let book = &app.book;
    let theme = multivector::ui::theme::Theme::new(false, false);
    let moves: Vec<String> = state
        .log()
        .iter()
        .filter(|e| {
            matches!(e.cause, multivector::rules::Cause::Move(..))
                && matches!(e.entry, multivector::rules::Entry::Note(_))
        })
        .filter_map(|e| multivector::ui::widgets::log::entry_line(book, &theme, e))
        .map(|l| l.spans.iter().map(|s| s.content.to_string()).collect())
        .collect();
    assert!(!moves.is_empty(), "the powers moved in twelve turns");
    for l in &moves {
        let names = ["Russia: ", "China: ", "Turkey: ", "EU: "];
        assert!(
            names.iter().any(|n| l.starts_with(&format!("» {n}"))),
            "{l}"
        );
        assert!(!l.contains(" ("), "said twice: {l}");
    }
}
