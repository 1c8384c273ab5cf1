//! The tutorial, walked with keys as a new player would: each tip comes
//! over the screen it explains the first time the player meets it, once;
//! a dismissed tip never comes back; a game that is not a tutorial shows
//! none; every tip's text is there, names only keys the keymap binds, and
//! fits the smallest screen.

use std::collections::BTreeMap;
use std::path::PathBuf;

use multivector::content::{self, tutorial::tips};
use multivector::rules::{Book, CorridorStatus};
use multivector::ui::app::{App, Launch, Options, Screen};
use multivector::ui::keymap::Ctx;
use multivector::ui::{launch, tutorial};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

fn book() -> Book {
    content::builtin().expect("built-in content loads")
}

fn opts() -> Options {
    Options {
        save_dir: PathBuf::from("/nonexistent/multivector-test-saves"),
        ascii: false,
        color: true,
        seed_hint: 1,
    }
}

fn press(app: &mut App, code: KeyCode) {
    app.on_key(KeyEvent::new(code, KeyModifiers::NONE));
}

fn screen(app: &App, w: u16, h: u16) -> String {
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

/// The text inside the tip's box (the box titled "Tutorial: ..."), its
/// rows joined, so that wrapped words can be found.
fn in_the_box(s: &str) -> String {
    let rows: Vec<Vec<char>> = s.lines().map(|l| l.chars().collect()).collect();
    let top = rows
        .iter()
        .position(|r| r.iter().collect::<String>().contains("╔ Tutorial: "))
        .expect("a tip's box");
    let row = &rows[top];
    let title = row.iter().collect::<String>().find("╔ Tutorial: ").unwrap();
    let left = row.iter().collect::<String>()[..title].chars().count();
    let right = left + 1 + row[left + 1..].iter().position(|&c| c == '╗').unwrap();
    rows[top + 1..]
        .iter()
        .take_while(|r| r.get(left) == Some(&'║'))
        .map(|r| {
            r[left + 1..right]
                .iter()
                .collect::<String>()
                .trim()
                .to_string()
        })
        .collect::<Vec<_>>()
        .join(" ")
}

fn start(id: &str) -> App {
    let Launch::Play(game) = launch::play(&book(), id, None, None, 1).unwrap() else {
        panic!("{id} fixes its state: straight into the game")
    };
    App::new(book(), Launch::Play(game), &opts())
}

/// Plays the tutorial to its end with keys: on the first turn the cursor
/// moves to the Middle Corridor (a project) and plans it; on the others
/// the selected action is planned; each turn is ended with `e`; each
/// decision is answered with the first choice the game takes. Each tip
/// met is read on the screen and dismissed (Enter, or Esc every other
/// time). Returns how many times each tip was shown.
fn walk(app: &mut App) -> BTreeMap<String, usize> {
    let corridor = app.book.action_id("middle_corridor").unwrap().index();
    let mut shown: BTreeMap<String, usize> = BTreeMap::new();
    for _ in 0..3000 {
        if app.ctx() == Ctx::Tip {
            let tip = tutorial::due(app).unwrap().clone();
            for (w, h) in [(80, 24), (120, 40)] {
                let s = screen(app, w, h);
                assert!(s.contains(&tip.title), "{}: {w}x{h}\n{s}", tip.id);
                let words: Vec<String> = tutorial::shown(app, &tip)
                    .split_whitespace()
                    .map(String::from)
                    .collect();
                let end = words[words.len() - 3..].join(" ");
                assert!(
                    in_the_box(&s).contains(&end),
                    "{}: `{end}` at {w}x{h}\n{s}",
                    tip.id
                );
            }
            let n = shown.entry(tip.id.clone()).or_default();
            *n += 1;
            let key = if *n % 2 == 0 || shown.len() % 2 == 0 {
                KeyCode::Esc
            } else {
                KeyCode::Enter
            };
            press(app, key);
            assert_ne!(
                tutorial::due(app).map(|t| t.id.clone()),
                Some(tip.id.clone()),
                "{} is still up",
                tip.id
            );
            continue;
        }
        let play = app.play.as_ref().unwrap();
        match app.screen {
            Screen::End => return shown,
            Screen::Event => {
                let before = play.game.decisions().len();
                for c in '1'..='9' {
                    press(app, KeyCode::Char(c));
                    if app.game().unwrap().decisions().len() > before {
                        break;
                    }
                }
            }
            _ if play.game.state().turn() == 0 && play.game.state().planned().is_empty() => {
                while app.play.as_ref().unwrap().selected < corridor {
                    press(app, KeyCode::Down);
                    if app.ctx() == Ctx::Tip {
                        break;
                    }
                }
                if app.ctx() != Ctx::Tip {
                    press(app, KeyCode::Enter);
                }
            }
            _ => {
                if app.game().unwrap().state().planned().is_empty() {
                    press(app, KeyCode::Enter);
                }
                if app.ctx() != Ctx::Tip {
                    press(app, KeyCode::Char('e'));
                }
            }
        }
    }
    panic!("the tutorial did not end; tips shown: {shown:?}");
}

#[test]
fn walking_the_tutorial_shows_each_tip_once_over_what_it_explains() {
    let mut app = start("tutorial");
    assert_eq!(app.ctx(), Ctx::Tip, "the first tip greets the player");
    assert_eq!(tutorial::due(&app).unwrap().id, "board");
    let shown = walk(&mut app);
    let all: Vec<String> = tips().unwrap().into_iter().map(|t| t.id).collect();
    let seen: Vec<String> = shown.keys().cloned().collect();
    let mut expected = all.clone();
    expected.sort();
    assert_eq!(seen, expected, "every tip, met in the game");
    for (id, n) in &shown {
        assert_eq!(*n, 1, "{id} was shown {n} times");
    }
    // The project was met as a project: the corridor is under way or open.
    let corridor = app.book.corridor_id("middle_corridor").unwrap();
    let status = app.game().unwrap().state().corridor(corridor);
    assert!(
        matches!(
            status,
            Some(CorridorStatus::Building | CorridorStatus::Open)
        ),
        "{status:?}"
    );
    // Dismissed for the session: a new game of the tutorial shows none.
    let Launch::Play(again) = launch::play(&app.book, "tutorial", None, None, 1).unwrap() else {
        panic!()
    };
    app.start(*again);
    assert_eq!(app.ctx(), Ctx::Game);
    assert!(tutorial::due(&app).is_none());
}

#[test]
fn a_dismissed_tip_does_not_come_back() {
    let mut app = start("tutorial");
    assert_eq!(tutorial::due(&app).unwrap().id, "board");
    press(&mut app, KeyCode::Enter);
    assert_eq!(tutorial::due(&app).unwrap().id, "scores");
    press(&mut app, KeyCode::Esc);
    // Help opens over a tip and closes back to it; the tip stays until
    // dismissed, and other keys wait.
    assert_eq!(app.ctx(), Ctx::Game, "nothing due until the player acts");
    press(&mut app, KeyCode::Down);
    assert_eq!(tutorial::due(&app).unwrap().id, "preview");
    press(&mut app, KeyCode::Char('?'));
    assert_eq!(app.ctx(), Ctx::Help);
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.ctx(), Ctx::Tip);
    let selected = app.play.as_ref().unwrap().selected;
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Char('e'));
    assert_eq!(
        app.play.as_ref().unwrap().selected,
        selected,
        "a tip is modal"
    );
    assert_eq!(app.game().unwrap().state().turn(), 0);
    press(&mut app, KeyCode::Enter);
    // Back and forth over the same moment: the board, the preview, again.
    for _ in 0..3 {
        press(&mut app, KeyCode::Up);
        press(&mut app, KeyCode::Down);
        for _ in 0..5 {
            let _ = screen(&app, 80, 24);
        }
        let due = tutorial::due(&app).map(|t| t.id.clone());
        assert!(
            !matches!(due.as_deref(), Some("board" | "scores" | "preview")),
            "{due:?} came back"
        );
    }
}

#[test]
fn a_game_that_is_not_a_tutorial_shows_no_tip() {
    let mut app = start("first-steps");
    for _ in 0..4 {
        assert_ne!(app.ctx(), Ctx::Tip);
        press(&mut app, KeyCode::Down);
        press(&mut app, KeyCode::Enter);
        press(&mut app, KeyCode::Char('e'));
        while app.screen == Screen::Event {
            assert_ne!(app.ctx(), Ctx::Tip);
            press(&mut app, KeyCode::Char('1'));
            press(&mut app, KeyCode::Char('3'));
        }
    }
    assert!(app.game().unwrap().state().turn() >= 2);
}

#[test]
fn every_tip_has_its_text_names_known_keys_and_fits_the_smallest_screen() {
    let app = start("tutorial");
    let tips = tips().unwrap();
    assert!(tips.len() >= 11);
    for tip in &tips {
        let text = tutorial::shown(&app, tip);
        assert!(text.len() > 80, "{}: too short to explain anything", tip.id);
        assert!(
            !text.contains('{') && !text.contains('}'),
            "{}: {text}",
            tip.id
        );
        let h = tutorial::height(&app, tip, 80);
        assert!(h <= 20, "{}: {h} rows at 80 columns", tip.id);
    }
}

#[test]
fn the_first_tip_over_the_game_screen() {
    let app = start("tutorial");
    for (w, h) in [(120, 40), (80, 24)] {
        let mut t = Terminal::new(TestBackend::new(w, h)).unwrap();
        t.draw(|f| f.render_widget(&app, f.area())).unwrap();
        insta::assert_snapshot!(format!("tutorial_first_tip_{w}x{h}"), t.backend());
    }
}
