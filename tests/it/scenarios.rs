//! The built-in scenarios as a teacher chooses them: each lesson has a
//! title, a brief that opens on one decision, checkable objectives, a fixed
//! seed, 8–24 turns, discussion questions that quote the essay; basic and
//! advanced variants come in pairs; each passes `check`, is listed by
//! `scenarios`, and starts the same world from the title screen as from
//! `play --scenario`.

use std::path::{Path, PathBuf};

use crate::common::*;
use multivector::content::{ARTICLE, BUILTIN_SCENARIOS};
use multivector::rules::Raw;
use multivector::rules::defs::ScenarioDef;
use multivector::ui::app::{App, Launch, Options, Screen};
use multivector::ui::launch;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// The scenarios that are lessons: all but the standard game and the tutorial.
fn lessons(book: &multivector::rules::Book) -> Vec<&ScenarioDef<Raw>> {
    book.scenarios
        .iter()
        .filter(|s| s.id != "standard" && !s.tutorial)
        .collect()
}

/// The phrases a text quotes between single quotes ('...'), an apostrophe
/// inside a word left alone.
fn quotes(text: &str) -> Vec<String> {
    let chars: Vec<char> = text.chars().collect();
    let mut found = Vec::new();
    let mut open: Option<usize> = None;
    for (i, &c) in chars.iter().enumerate() {
        if c != '\'' {
            continue;
        }
        let before = i.checked_sub(1).map(|j| chars[j]);
        let after = chars.get(i + 1).copied();
        match open {
            None if before.is_none_or(|b| b.is_whitespace() || b == '(') => open = Some(i + 1),
            Some(start) if after.is_none_or(|a| !a.is_alphanumeric()) => {
                found.push(chars[start..i].iter().collect());
                open = None;
            }
            _ => {}
        }
    }
    found
}

/// The essay with its typographic apostrophes and quotes made plain.
fn plain(s: &str) -> String {
    s.replace(['’', '‘'], "'").replace(['“', '”'], "\"")
}

#[test]
fn six_lessons_and_a_tutorial_each_with_a_brief_objectives_a_seed_and_questions() {
    let book = book();
    let lessons = lessons(&book);
    assert!(lessons.len() >= 6, "{} lessons", lessons.len());
    for id in [
        "first-steps",
        "tajik-squeeze",
        "after-karabakh",
        "middle-corridor",
        "europe-fragments",
    ] {
        assert!(lessons.iter().any(|s| s.id == id), "no lesson {id}");
    }
    let article = plain(ARTICLE);
    for s in &lessons {
        let id = &s.id;
        assert!(!s.name.is_empty(), "{id}");
        assert!(
            s.summary.contains("First decision: "),
            "{id}: the brief opens on one decision: {}",
            s.summary
        );
        assert!(s.seed.is_some(), "{id}: a fixed seed");
        let turns = s.turns.unwrap_or(book.model.defaults.turns);
        assert!((8..=24).contains(&turns), "{id}: {turns} turns");
        assert!(s.objectives.len() >= 2, "{id}: objectives");
        for o in &s.objectives {
            assert!(!o.when.is_empty(), "{id}: `{}` cannot be checked", o.text);
        }
        assert!(s.questions.len() >= 3, "{id}: questions");
        let quoted: Vec<String> = s.questions.iter().flat_map(|q| quotes(q)).collect();
        assert!(!quoted.is_empty(), "{id}: no question quotes the essay");
        for q in quoted {
            assert!(
                article.contains(&plain(&q)),
                "{id}: '{q}' is not in the essay"
            );
        }
        assert!(
            matches!(s.variant.as_deref(), Some("basic" | "advanced")),
            "{id}: variant {:?}",
            s.variant
        );
    }
    // The tutorial: short, at its own level, with objectives too.
    let tutorials: Vec<_> = book.scenarios.iter().filter(|s| s.tutorial).collect();
    assert_eq!(tutorials.len(), 1);
    let t = tutorials[0];
    assert!(t.seed.is_some() && t.turns.is_some_and(|n| n <= 8));
    assert!(!t.objectives.is_empty() && t.questions.len() >= 3);
}

#[test]
fn an_advanced_variant_has_its_basic_one() {
    let book = book();
    for s in lessons(&book) {
        if let Some(base) = s.id.strip_suffix("-advanced") {
            assert_eq!(s.variant.as_deref(), Some("advanced"), "{}", s.id);
            let basic = book.scenario(base).unwrap_or_else(|| panic!("no {base}"));
            assert_eq!(basic.variant.as_deref(), Some("basic"), "{base}");
            assert_eq!(basic.country.is_some(), s.country.is_some());
        }
    }
    assert!(book.scenario("after-karabakh-advanced").is_some());
    assert_eq!(
        book.scenario("after-karabakh").unwrap().country.as_deref(),
        Some("azerbaijan")
    );
    let fragments = book.scenario("europe-fragments").unwrap();
    assert_eq!(fragments.hold.len(), 2, "the EU and the coupling held down");
}

#[test]
fn every_built_in_scenario_file_passes_check() {
    for (name, _) in BUILTIN_SCENARIOS {
        let path = Path::new("assets").join(name);
        let out = run_in("check", &[path.to_str().unwrap()], Path::new("."));
        assert_eq!(out.status.code(), Some(0), "{name}: {}", text(&out.stderr));
        assert_eq!(text(&out.stdout), "ok\n");
    }
}

#[test]
fn scenarios_lists_each_with_state_turns_variant_and_difficulty() {
    let book = book();
    let out = run_in("scenarios", &[], Path::new("."));
    assert_eq!(out.status.code(), Some(0));
    let listing = text(&out.stdout);
    let head = listing.lines().next().unwrap();
    for column in [
        "ID",
        "STATE",
        "TURNS",
        "VARIANT",
        "DIFFICULTY",
        "SEED",
        "NAME",
    ] {
        assert!(head.contains(column), "{head}");
    }
    for s in &book.scenarios {
        let row = listing
            .lines()
            .find(|l| l.split_whitespace().next() == Some(s.id.as_str()))
            .unwrap_or_else(|| panic!("{} is not listed:\n{listing}", s.id));
        let cells: Vec<&str> = row.split_whitespace().collect();
        let state = s.country.as_deref().map_or("any", |c| {
            book.country_named(c).map_or(c, |d| d.name.as_str())
        });
        assert_eq!(cells[1], state, "{row}");
        let turns = s.turns.unwrap_or(24).to_string();
        assert!(cells.contains(&turns.as_str()), "{row}");
        let variant = if s.tutorial {
            "tutorial"
        } else {
            s.variant.as_deref().unwrap_or("-")
        };
        assert!(cells.contains(&variant), "{row}");
        let level = s.difficulty.as_deref().unwrap_or("normal");
        assert!(cells.contains(&level), "{row}");
        assert!(row.ends_with(&s.name), "{row}");
    }
    assert!(listing.contains("tutorial") && listing.contains("easy"));
}

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

/// Each scenario that sets a seed and a state, started from the title
/// screen (New game, Tab, → to it, Enter) and from `play --scenario ID`
/// with no seed given: the same game, at the scenario's own seed, state and
/// level.
#[test]
fn each_scenario_starts_the_same_world_from_the_title_screen_and_the_command_line() {
    let book = book();
    for s in book
        .scenarios
        .iter()
        .filter(|s| s.seed.is_some() && s.country.is_some())
    {
        let mut app = App::new(book.clone(), Launch::Title, &opts());
        press(&mut app, KeyCode::Enter);
        press(&mut app, KeyCode::Tab);
        while app.new_game.current().unwrap().def.id != s.id {
            press(&mut app, KeyCode::Right);
        }
        assert_eq!(app.new_game.seed, s.seed.unwrap().to_string(), "{}", s.id);
        press(&mut app, KeyCode::Enter);
        assert_eq!(app.screen, Screen::Game, "{}: {:?}", s.id, app.status);
        let menu = app.game().unwrap().clone();
        let Launch::Play(cli) = launch::play(&book, &s.id, None, None, 7).unwrap() else {
            panic!("{}: not a game", s.id)
        };
        assert_eq!(menu.seed, s.seed.unwrap());
        assert_eq!(
            menu.difficulty,
            s.difficulty.clone().unwrap_or("normal".into())
        );
        assert_eq!(&menu, cli.as_ref(), "{}", s.id);
        assert_eq!(
            book.country(menu.state().country()).id,
            s.country.clone().unwrap()
        );
    }
}

#[test]
fn the_quotes_of_a_question_are_found_as_written() {
    assert_eq!(
        quotes("The essay's 'coupling interface'. Where's 'it', 'Baku's door'?"),
        ["coupling interface", "it", "Baku's door"]
    );
}

/// A scenario written for a state the menu does not offer (Azerbaijan, for
/// After Karabakh, while it is not `playable`) shows that state on the
/// new-game screen, not the one last chosen in the list.
#[test]
fn the_new_game_screen_shows_the_state_a_scenario_is_written_for() {
    let book = book();
    let mut app = App::new(book.clone(), Launch::Title, &opts());
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Tab);
    while app.new_game.current().unwrap().def.id != "after-karabakh" {
        press(&mut app, KeyCode::Right);
    }
    let mut t = ratatui::Terminal::new(ratatui::backend::TestBackend::new(80, 24)).unwrap();
    t.draw(|f| f.render_widget(&app, f.area())).unwrap();
    let buf = t.backend().buffer().clone();
    let rows: Vec<String> = (0..buf.area.height)
        .map(|y| (0..buf.area.width).map(|x| buf[(x, y)].symbol()).collect())
        .collect();
    let screen = rows.join("\n");
    assert!(screen.contains("State (fixed)"), "{screen}");
    assert!(screen.contains("Azerbaijan — capital Baku"), "{screen}");
    let pointed: Vec<&String> = rows.iter().filter(|r| r.contains('▸')).collect();
    assert!(pointed.iter().any(|r| r.contains("Azerbaijan")), "{screen}");
    assert!(
        !pointed.iter().any(|r| r.contains("Uzbekistan")),
        "{screen}"
    );
}

/// The teaching plan's table of scenarios names every built-in scenario,
/// with the variant, state and length it has.
#[test]
fn the_teaching_plan_lists_every_scenario_as_it_is() {
    let book = book();
    let plan = std::fs::read_to_string("docs/TEACHING.md").unwrap();
    let rows: Vec<Vec<String>> = plan
        .lines()
        .filter(|l| l.starts_with("| `"))
        .map(|l| l.split('|').map(|c| c.trim().to_string()).collect())
        .collect();
    for s in &book.scenarios {
        let row = rows
            .iter()
            .find(|r| r[1] == format!("`{}`", s.id))
            .unwrap_or_else(|| panic!("{} is not in the table of docs/TEACHING.md", s.id));
        let variant = if s.tutorial {
            "tutorial"
        } else {
            s.variant.as_deref().unwrap_or("—")
        };
        assert_eq!(row[2], variant, "{}", s.id);
        if let Some(c) = &s.country {
            assert_eq!(row[3], book.country_named(c).unwrap().name, "{}", s.id);
        }
        assert_eq!(row[4], s.turns.unwrap_or(24).to_string(), "{}", s.id);
    }
    assert_eq!(
        rows.len(),
        book.scenarios.len(),
        "no scenario the game lacks"
    );
}
