//! Legible play at 80×24: every answer of an event and every line of a
//! preview can be read, by scrolling where the terminal is short; a
//! decision put aside is still answered by its number; the action list
//! offers only what the state played could ever take; the map's legend
//! explains the `x` of a blocked corridor.

use multivector::content;
use multivector::rules::defs::ScenarioDef;
use multivector::rules::{Book, Game, Raw};
use multivector::ui::app::{App, Launch, Screen};
use ratatui::crossterm::event::KeyCode;

use crate::common::screen::{draw, no_saves, opts, press};

fn standard(book: &Book) -> ScenarioDef<Raw> {
    book.scenario("standard").unwrap().clone()
}

fn app_with(book: &Book, scenario: ScenarioDef<Raw>, country: &str) -> App {
    let game = Game::new(book, scenario, Some(country), 7).expect("game starts");
    App::new(
        book.clone(),
        Launch::Play(Box::new(game)),
        &opts(no_saves()),
    )
}

/// A game of `country` in which event `id` comes up after the first turn.
fn scripted(book: &Book, country: &str, id: &str) -> Option<App> {
    let mut s = standard(book);
    s.scripted = vec![(1, id.into())];
    let mut app = app_with(book, s, country);
    press(&mut app, KeyCode::Char('e'));
    (app.screen == Screen::Event).then_some(app)
}

/// The popup's rows: those between its top and bottom borders.
fn popup_rows(s: &str) -> Vec<String> {
    let lines: Vec<&str> = s.lines().collect();
    let top = lines.iter().position(|l| l.contains('╔')).expect("a popup");
    let bottom = lines.iter().position(|l| l.contains('╚')).expect("a popup");
    lines[top + 1..bottom]
        .iter()
        .map(|l| {
            let a = l.find('║').unwrap() + '║'.len_utf8();
            let b = l.rfind('║').unwrap();
            l[a..b].to_string()
        })
        .collect()
}

#[test]
fn every_answer_of_every_event_can_be_read_at_80x24() {
    let book = content::builtin().unwrap();
    let mut scrolled = 0;
    for country in ["kazakhstan", "azerbaijan", "tajikistan"] {
        for e in &book.events {
            let Some(mut app) = scripted(&book, country, &e.id) else {
                continue;
            };
            // Paging from the top to the end shows every answer with what
            // it would change, the last one whole.
            let mut seen = String::new();
            let mut pages = 0;
            loop {
                let rows = popup_rows(&draw(&app, 80, 24));
                seen.push_str(&rows.join("\n"));
                if !rows.iter().any(|r| r.contains("more (PgDn)")) {
                    break;
                }
                press(&mut app, KeyCode::PageDown);
                pages += 1;
                assert!(pages < 20, "{country} {}: PgDn never reaches the end", e.id);
            }
            scrolled += usize::from(pages > 0);
            for (i, c) in e.choices.iter().enumerate() {
                let head = format!("{}  {}", i + 1, c.label);
                assert!(
                    seen.contains(&head),
                    "{country} {}: `{head}` never shown:\n{seen}",
                    e.id
                );
            }
            let end = draw(&app, 80, 24);
            assert!(!end.contains("taller terminal"), "{end}");
            press(&mut app, KeyCode::Home);
            assert_eq!(app.play.as_ref().unwrap().event_scroll, 0);
            // Moving to the last answer brings it into view.
            for _ in 1..e.choices.len() {
                press(&mut app, KeyCode::Down);
            }
            let n = e.choices.len();
            let s = draw(&app, 80, 24);
            let rows = popup_rows(&s).join("\n");
            assert!(
                rows.contains(&format!("▸ {n}  ")),
                "{country} {}: the selected answer is out of view:\n{s}",
                e.id
            );
        }
    }
    assert!(
        scrolled > 0,
        "no event is taller than 80×24: the test shows nothing"
    );
}

#[test]
fn a_decision_put_aside_is_answered_by_its_number() {
    let book = content::builtin().unwrap();
    let mut app = scripted(&book, "kazakhstan", "karabakh_lesson").expect("the event");
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.screen, Screen::Game, "Esc puts the popup aside");
    let s = draw(&app, 80, 24);
    assert!(s.contains("A decision is waiting: 1-9 answers it"), "{s}");
    let before = app.game().unwrap().decisions().len();
    press(&mut app, KeyCode::Char('1'));
    assert_eq!(
        app.game().unwrap().decisions().len(),
        before + 1,
        "the digit answered the decision"
    );
    assert!(app.game().unwrap().state().pending().is_empty());
    // A locked answer picked from the board brings the popup back with
    // the reason.
    let mut app = scripted(&book, "kazakhstan", "karabakh_lesson").unwrap();
    press(&mut app, KeyCode::Esc);
    press(&mut app, KeyCode::Char('2'));
    assert_eq!(app.screen, Screen::Event);
    assert_eq!(app.game().unwrap().decisions().len(), before);
}

/// Selects an action by id in the list.
fn select(app: &mut App, id: &str) {
    let i = app.book.actions.iter().position(|a| a.id == id).unwrap();
    app.play.as_mut().unwrap().selected = i;
}

#[test]
fn the_preview_scrolls_at_80x24() {
    let book = content::builtin().unwrap();
    let mut app = app_with(&book, standard(&book), "azerbaijan");
    select(&mut app, "middle_corridor");
    let text = book
        .action(book.action_id("middle_corridor").unwrap())
        .text
        .clone();
    let tail: String = text
        .split_whitespace()
        .rev()
        .take(2)
        .collect::<Vec<_>>()
        .join(" ");
    let s = draw(&app, 80, 24);
    assert!(
        s.contains("more (Tab)"),
        "the preview says how to read the rest:\n{s}"
    );
    assert!(!s.contains("taller terminal"), "{s}");
    press(&mut app, KeyCode::Tab);
    let s = draw(&app, 80, 24);
    assert!(s.contains("Focus on the preview;"), "{s}");
    assert!(s.contains("more (PgDn)"), "{s}");
    press(&mut app, KeyCode::End);
    let s = draw(&app, 80, 24);
    let preview_cue = |s: &str, cue: &str| s.lines().any(|l| l.starts_with('┃') && l.contains(cue));
    assert!(preview_cue(&s, "more (PgUp)"), "{s}");
    assert!(!preview_cue(&s, "more (PgDn)"), "the end shows:\n{s}");
    let words = s.split_whitespace().collect::<Vec<_>>().join(" ");
    let last = tail.split(' ').next_back().unwrap();
    assert!(
        words.contains(last),
        "the preview's last words `{tail}` show:\n{s}"
    );
    press(&mut app, KeyCode::Home);
    assert_eq!(app.play.as_ref().unwrap().preview_scroll, 0);
    press(&mut app, KeyCode::PageDown);
    assert!(app.play.as_ref().unwrap().preview_scroll > 1);
    // Enter plans the action from the preview too.
    press(&mut app, KeyCode::Enter);
    let id = book.action_id("middle_corridor").unwrap();
    assert!(app.game().unwrap().state().planned().contains(&id));
    // A new selection starts at the top of its preview.
    press(&mut app, KeyCode::BackTab);
    press(&mut app, KeyCode::Down);
    assert_eq!(app.play.as_ref().unwrap().preview_scroll, 0);
}

/// The action names the list shows, from the top to the end.
fn listed_names(app: &mut App, w: u16, h: u16) -> String {
    let mut seen = String::new();
    press(app, KeyCode::Home);
    for _ in 0..40 {
        seen.push_str(&draw(app, w, h));
        press(app, KeyCode::Down);
    }
    seen
}

#[test]
fn actions_that_can_never_apply_are_not_listed() {
    let book = content::builtin().unwrap();
    // Azerbaijan is in neither the CSTO nor the EAEU, and nothing makes it
    // join: it is not offered to leave them.
    let mut az = app_with(&book, standard(&book), "azerbaijan");
    let seen = listed_names(&mut az, 120, 40);
    for never in ["Leave the CSTO", "Leave the EAEU", "CSTO exercises"] {
        assert!(!seen.contains(never), "`{never}` listed for Azerbaijan");
    }
    assert!(seen.contains("Buy Turkish drones"), "{seen}");
    // Kazakhstan is a member of both.
    let mut kz = app_with(&book, standard(&book), "kazakhstan");
    let seen = listed_names(&mut kz, 120, 40);
    for member in ["Leave the CSTO", "Leave the EAEU", "CSTO exercises"] {
        assert!(
            seen.contains(member),
            "`{member}` not listed for Kazakhstan"
        );
    }
}

#[test]
fn the_legend_explains_blocked_corridors() {
    use multivector::rules::CorridorStatus;
    use multivector::rules::defs::Effect;
    let book = content::builtin().unwrap();
    let mut s = standard(&book);
    s.overrides.push(Effect::Corridor(
        "cpc_pipeline".into(),
        CorridorStatus::Blocked,
    ));
    let mut blocked = app_with(&book, s, "kazakhstan");
    let mut open = app_with(&book, standard(&book), "kazakhstan");
    for app in [&mut blocked, &mut open] {
        for (w, h) in [(80u16, 24u16), (120, 40)] {
            for zoom in 0..2 {
                for mode in 0..7 {
                    let s = draw(app, w, h);
                    let legend = s
                        .lines()
                        .find(|l| l.contains("x blocked"))
                        .map(str::to_string);
                    let is_blocked = app
                        .game()
                        .unwrap()
                        .state()
                        .corridors()
                        .any(|(_, c)| c == CorridorStatus::Blocked);
                    assert_eq!(
                        legend.is_some(),
                        is_blocked,
                        "{w}x{h} zoom {zoom} mode {mode}:\n{s}"
                    );
                    press(app, KeyCode::Char('m'));
                }
                press(app, KeyCode::Char('m'));
                press(app, KeyCode::Char('z'));
            }
        }
    }
}

/// No article event pops up after the last turn (its effects would never
/// land), whatever the seed; the header never runs past the last quarter.
#[test]
fn no_event_pops_up_after_the_last_turn() {
    use multivector::rules::Decision;
    let book = content::builtin().unwrap();
    let mut seen_last = 0;
    for seed in 1..=12 {
        let mut s = standard(&book);
        s.turns = Some(3);
        let game = Game::new(&book, s, Some("kazakhstan"), seed).unwrap();
        let mut app = App::new(
            book.clone(),
            Launch::Play(Box::new(game)),
            &opts(no_saves()),
        );
        for _ in 0..60 {
            match app.screen {
                Screen::End => break,
                Screen::Event => {
                    let head = draw(&app, 120, 40).lines().next().unwrap().to_string();
                    assert!(!head.contains("2026 Q4"), "seed {seed}: {head}");
                    for c in ['1', '2', '3'] {
                        if app.screen == Screen::Event {
                            press(&mut app, KeyCode::Char(c));
                        }
                    }
                }
                _ => {
                    let last = app.game().unwrap().state().turn() + 1 == 3;
                    press(&mut app, KeyCode::Char('e'));
                    if last {
                        seen_last += 1;
                        let pending = app.game().unwrap().state().pending().to_vec();
                        assert!(
                            !pending.iter().any(|d| matches!(d, Decision::Event(_))),
                            "seed {seed}: an event after the last turn: {pending:?}"
                        );
                    }
                }
            }
        }
        assert_eq!(app.screen, Screen::End, "seed {seed}");
    }
    assert_eq!(seen_last, 12);
}
