//! The board as a new player reads it: the goals, the world, what every
//! answer costs, the map's modes and legend, at 120×40 and 80×24; and the
//! small defects of the game screen, each with a test that failed before.

use std::path::PathBuf;

use multivector::content;
use multivector::rules::defs::{Cond, ScenarioDef};
use multivector::rules::{Book, Decision, Game, Raw, Var};
use multivector::ui::app::{App, Dialog, Launch, Options, Screen};
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

fn no_saves() -> PathBuf {
    PathBuf::from("/nonexistent/multivector-test-saves")
}

fn standard(book: &Book, turns: u32) -> ScenarioDef<Raw> {
    let mut s = book.scenario("standard").unwrap().clone();
    s.turns = Some(turns);
    s
}

fn app_with(book: Book, scenario: ScenarioDef<Raw>, country: &str, seed: u64) -> App {
    let game = Game::new(&book, scenario, Some(country), seed).expect("game starts");
    App::new(book, Launch::Play(Box::new(game)), &opts(no_saves()))
}

fn playing(country: &str, seed: u64) -> App {
    let book = content::builtin().unwrap();
    let s = standard(&book, 24);
    app_with(book, s, country, seed)
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
    let mut t = Terminal::new(TestBackend::new(w, h)).unwrap();
    t.draw(|f| f.render_widget(app, f.area())).unwrap();
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

/// The screen's words in order, borders and line breaks dropped: a text
/// wrapped over several rows of one panel reads whole.
fn words(s: &str, x0: usize, x1: usize) -> String {
    s.lines()
        .map(|l| l.chars().skip(x0).take(x1 - x0).collect::<String>())
        .collect::<Vec<_>>()
        .join(" ")
        .split(|c: char| c.is_whitespace() || "│┃║".contains(c))
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Answers every decision with its first open choice, by keys.
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

/// Ends `n` turns, planning a visit to Ankara where it can, answering
/// what comes.
fn turns(app: &mut App, n: u32) {
    for _ in 0..n {
        let _ = app.play.as_mut().map(|p| p.selected = 2);
        press(app, KeyCode::Enter);
        keys(app, "e");
        answer_all(app);
    }
}

#[test]
fn goals_mid_game() {
    let mut app = playing("kazakhstan", 7);
    turns(&mut app, 4);
    let t = draw(&app, 120, 40);
    let s = text(&t);
    for want in [
        "Goals",
        "Best: Eurasian agency",
        "of 68 needed",
        "of 91 needed",
        "Avoid:",
    ] {
        assert!(s.contains(want), "no `{want}` at 120x40:\n{s}");
    }
    insta::assert_snapshot!("goals_120x40", t.backend());
    // At 80×24 the goals are a Tab away (actions, preview, map, news,
    // goals).
    for _ in 0..4 {
        press(&mut app, KeyCode::Tab);
    }
    let t = draw(&app, 80, 24);
    let s = text(&t);
    assert!(s.contains("Goals") && s.contains("of 68 needed"), "{s}");
    insta::assert_snapshot!("goals_80x24", t.backend());
    // The rest of the goals, pages down.
    press(&mut app, KeyCode::PageDown);
    assert!(app.play.as_ref().unwrap().goals_scroll > 0);
    press(&mut app, KeyCode::End);
    let s = words(&text(&draw(&app, 80, 24)), 0, 46);
    assert!(
        s.contains("Client state") && s.contains("Overextended"),
        "{s}"
    );
    assert!(!s.contains("more (PgDn)"), "the end shows: {s}");
}

#[test]
fn the_world_panel() {
    let mut app = playing("kazakhstan", 7);
    turns(&mut app, 5);
    // Actions, preview, map, news, goals, world.
    for _ in 0..5 {
        press(&mut app, KeyCode::Tab);
    }
    for (w, h) in [(120, 40), (80, 24)] {
        let t = draw(&app, w, h);
        let s = text(&t);
        for want in ["World", "Russia's strength", "Turkey–EU coupling"] {
            assert!(s.contains(want), "no `{want}` at {w}x{h}:\n{s}");
        }
        insta::assert_snapshot!(format!("world_{w}x{h}"), t.backend());
    }
    // Every variable, the track's stage and the situations, page by page.
    let mut seen = String::new();
    for _ in 0..6 {
        seen.push_str(&words(&text(&draw(&app, 80, 24)), 0, 46));
        press(&mut app, KeyCode::PageDown);
    }
    for want in [
        "US attention to Europe",
        "customs union talks:",
        "Russian slump at Russia's strength ≤ 40",
        "Domestic unrest at Stability ≤ 35",
    ] {
        assert!(seen.contains(want), "no `{want}` in {seen}");
    }
}

/// A game in which the Karabakh precedent comes up after the first turn:
/// its answers cost capital and strain, and one is locked below Turkey
/// closeness 55 (Kazakhstan starts at 48).
fn karabakh() -> App {
    let book = content::builtin().unwrap();
    let mut s = standard(&book, 24);
    s.scripted = vec![(1, "karabakh_lesson".into())];
    let mut app = app_with(book, s, "kazakhstan", 7);
    keys(&mut app, "e");
    assert_eq!(app.screen, Screen::Event);
    match app.game().unwrap().state().pending().first() {
        Some(Decision::Event(id)) => assert_eq!(app.book.event(*id).id, "karabakh_lesson"),
        other => panic!("{other:?}"),
    }
    app
}

#[test]
fn an_event_says_what_each_answer_costs_and_why_one_is_locked() {
    let app = karabakh();
    for (w, h) in [(120u16, 40u16), (80, 24)] {
        let t = draw(&app, w, h);
        // The popup's columns, as the screen centres it.
        let pw = (w * 4 / 5).clamp(60, 104);
        let x0 = usize::from((w - pw) / 2);
        let s = words(&text(&t), x0, x0 + usize::from(pw));
        for want in [
            "Strain: Russia +4",
            "Capital: ▼−1 now",
            "Strain: Russia +8",
            "Locked: needs Turkey proximity at least 55 (now 4",
            "Shares: Security Russia −2, Turkey +2 (fades 1 a turn)",
            "where: Karabakh, ◆ on the map",
        ] {
            assert!(s.contains(want), "no `{want}` at {w}x{h}:\n{}", text(&t));
        }
        // The article's sentence where there is room; where there is not,
        // the answers and the place keep theirs, and the popup still says
        // where the event comes from.
        assert!(s.contains("from the article"), "{s}");
        assert_eq!(s.contains("Bayraktar TB2"), w >= 120, "{s}");
        insta::assert_snapshot!(format!("event_costs_{w}x{h}"), t.backend());
    }
}

#[test]
fn the_ladder_shows_the_odds_of_the_power_backing_down() {
    // Leaving the CSTO crosses Moscow's red line: it climbs its ladder.
    let mut app = playing("kazakhstan", 7);
    let i = app
        .book
        .actions
        .iter()
        .position(|a| a.id == "leave_csto")
        .unwrap();
    app.play.as_mut().unwrap().selected = i;
    press(&mut app, KeyCode::Enter);
    keys(&mut app, "e");
    let mut seen = false;
    for _ in 0..6 {
        let ladder = matches!(
            app.game().unwrap().state().pending().first(),
            Some(Decision::Ladder(..))
        );
        if ladder {
            let s = words(&text(&draw(&app, 120, 40)), 0, 120);
            assert!(
                s.contains("backs down at the end of the turn with odds of about"),
                "{s}"
            );
            assert!(s.contains("If it backs down ("), "{s}");
            // Each outcome of holding is named once, its parts beneath it.
            assert_eq!(s.matches("If it backs down (").count(), 1, "{s}");
            assert!(s.matches("If it climbs to").count() <= 1, "{s}");
            seen = true;
            break;
        }
        if app.screen == Screen::Event {
            keys(&mut app, "1");
        } else {
            keys(&mut app, "e");
        }
    }
    assert!(seen, "no step on the ladder came");
}

/// The best ending's conditions with a threshold a fraction above where
/// the game ends: the end screen names the miss with the exact value.
#[test]
fn an_ending_missed_by_a_fraction_names_the_condition_and_its_value() {
    // Play a short game once to learn its final autonomy.
    let book = content::builtin().unwrap();
    let mut first = app_with(book.clone(), standard(&book, 3), "kazakhstan", 11);
    to_the_end(&mut first);
    // The ending after the last turn judges its mean over the last turns.
    let a = first.game().unwrap().state().judged(&book, Var::Autonomy);
    // A threshold that one decimal would round the value onto (or past).
    let shown = (a * 10.0).round() / 10.0;
    // The value as precisely as it takes to stay on its side of the
    // threshold, and never less than two decimals here.
    let exact = (2..9)
        .map(|d| format!("{a:.d$}"))
        .find(|s| {
            let v: f64 = s.parse().unwrap();
            v != shown && (v < shown) == (a < shown)
        })
        .unwrap();
    let (cond, want) = if shown > a {
        (
            Cond::AtLeast(Var::Autonomy, shown),
            format!("Autonomy {exact} of {shown} needed"),
        )
    } else {
        (
            Cond::AtMost(Var::Autonomy, shown),
            format!("Autonomy {exact}, at most {shown} needed"),
        )
    };
    let mut changed = book.clone();
    let best = changed.endings.iter().position(|e| e.best).unwrap();
    changed.endings[best].when = vec![cond, Cond::AtLeast(Var::Stability, 0.0)];
    let mut app = app_with(changed, standard(&book, 3), "kazakhstan", 11);
    to_the_end(&mut app);
    assert_eq!(
        app.game().unwrap().state().judged(&book, Var::Autonomy),
        a,
        "the same game"
    );
    for (w, h) in [(120, 40), (80, 24)] {
        let s = words(&text(&draw(&app, w, h)), 0, usize::from(w));
        assert!(
            s.contains("The best ending, Eurasian agency, missed:"),
            "{s}"
        );
        assert!(
            s.contains(&format!("✗ {want}")),
            "no `{want}` at {w}x{h}:\n{s}"
        );
        assert!(s.contains("✓ Stability"), "{s}");
        assert!(
            s.contains("Judged over the last 4 turns: autonomy"),
            "the end screen says the scores are judged over the last turns: {s}"
        );
        // Never the rounded value the threshold reads as.
        assert!(!s.contains(&format!("Autonomy {shown:.1} ")), "{s}");
    }
}

fn to_the_end(app: &mut App) {
    for _ in 0..200 {
        match app.screen {
            Screen::End => return,
            Screen::Event => answer_all(app),
            _ => keys(app, "e"),
        }
    }
    panic!("the game did not end");
}

#[test]
fn the_help_names_the_new_keys_and_the_mechanisms() {
    // The help opens over the board and lists the new keys from the keymap,
    // and its glossary every mechanism the news names.
    let mut app = playing("kazakhstan", 7);
    keys(&mut app, "?");
    assert!(matches!(app.dialog, Some(Dialog::Help { .. })));
    let s = text(&draw(&app, 120, 40));
    for want in ["PgDn", "mark the map", "leverage gauge"] {
        assert!(s.contains(want), "no `{want}` in the help:\n{s}");
    }
    let mut seen = String::new();
    for _ in 0..12 {
        seen.push_str(&text(&draw(&app, 120, 40)));
        press(&mut app, KeyCode::PageDown);
    }
    for term in [
        "Structural pull",
        "Strain",
        "Patience",
        "Crisis ladder",
        "Turkey–EU coupling",
        "Situations",
    ] {
        assert!(
            seen.contains(&format!("{term}:")),
            "no {term} in the glossary"
        );
    }
}
