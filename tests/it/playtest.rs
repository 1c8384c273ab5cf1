//! Defects found in a play-test at 80×24, each with a test that failed on
//! the code before its fix.

use std::path::PathBuf;

use multivector::content;
use multivector::rules::defs::ScenarioDef;
use multivector::rules::{Book, Game, Raw};
use multivector::save::SaveInfo;
use multivector::ui::app::{App, Launch, Screen};

use crate::common::screen::{draw, keys, no_saves, opts, play_to_end};

fn standard(book: &Book, turns: u32) -> ScenarioDef<Raw> {
    let mut s = book.scenario("standard").unwrap().clone();
    s.turns = Some(turns);
    s
}

fn playing(country: &str, seed: u64, turns: u32) -> App {
    let book = content::builtin().unwrap();
    let game = Game::new(&book, standard(&book, turns), Some(country), seed).unwrap();
    App::new(book, Launch::Play(Box::new(game)), &opts(no_saves()))
}

#[test]
fn the_load_list_never_rounds_a_score_onto_a_bar() {
    let mut app = App::new(
        content::builtin().unwrap(),
        Launch::Title,
        &opts(no_saves()),
    );
    app.load.saves = vec![SaveInfo {
        name: "lost".into(),
        path: PathBuf::from("lost.ron"),
        country: "kazakhstan".into(),
        date_label: "2031 Q4".into(),
        turn: 24,
        turns: 24,
        ended: true,
        autonomy: 67.96,
        leverage: 88.76,
        stability: 40.0,
        modified: None,
        error: None,
    }];
    app.screen = Screen::Load;
    let s = draw(&app, 80, 24);
    let row = s.lines().find(|l| l.contains("lost")).unwrap();
    assert!(
        row.contains("67.96") && row.contains("88.76") && row.contains("40.0"),
        "never rounded up onto a bar: {row}"
    );
    assert!(!row.contains(" 89 ") && !row.contains(" 68 "), "{row}");
}

/// The popup's top border, as drawn at 80×24: the row with `╔`.
fn popup_top(screen: &str) -> Option<String> {
    let line = screen.lines().find(|l| l.contains('╔'))?;
    let from = line.find('╔')?;
    let to = line.rfind('╗')?;
    Some(line[from..to + '╗'.len_utf8()].to_string())
}

#[test]
fn the_event_popup_title_is_never_cut_at_its_corner() {
    let mut seen = 0;
    let mut waiting = 0;
    for seed in 1..=12 {
        let mut app = playing("kazakhstan", seed, 8);
        for _ in 0..8 {
            keys(&mut app, "e");
            let mut guard = 0;
            while app.screen == Screen::Event && guard < 12 {
                guard += 1;
                let s = draw(&app, 80, 24);
                let top = popup_top(&s).unwrap_or_else(|| panic!("no popup:\n{s}"));
                seen += 1;
                waiting += usize::from(top.contains("waiting"));
                // The count of events waiting, if any, on the right; the
                // title, then a stretch of border, on the left.
                let left = match top.strip_suffix(" more waiting ╗") {
                    Some(rest) => rest.trim_end_matches(|c: char| c.is_ascii_digit() || c == ' '),
                    None => top.strip_suffix('╗').unwrap(),
                };
                assert!(
                    left.ends_with("═"),
                    "seed {seed}: the title runs into the corner: {top}"
                );
                keys(&mut app, "1");
            }
            if app.game().unwrap().state().outcome().is_some() {
                break;
            }
        }
    }
    assert!(
        seen > 10 && waiting > 0,
        "popups seen: {seen}, with more waiting: {waiting}"
    );
}

#[test]
fn the_end_chart_legend_names_all_three_scores_at_80x24() {
    let mut app = playing("kazakhstan", 11, 3);
    play_to_end(&mut app);
    for (w, h) in [(80, 24), (120, 40)] {
        let s = draw(&app, w, h);
        let top = s.lines().find(|l| l.contains('⣿')).unwrap();
        for part in ["⣿", "•", "█", "Aut", "Lev", "Stab"] {
            assert!(top.contains(part), "{w}x{h}: {part} missing from {top}");
        }
        // Each label is whole: the legend ends before the panel's corner.
        let legend = top.split('╮').next().unwrap();
        assert!(
            legend.trim_end_matches(['─', ' ']).ends_with('█'),
            "{w}x{h}: {top}"
        );
    }
}

#[test]
fn a_tip_names_the_save_file_where_the_game_really_is() {
    let dir = tempfile::tempdir().unwrap();
    let book = content::builtin().unwrap();
    let sc = book.scenario("tutorial").unwrap().clone();
    let game = Game::new(&book, sc, None, 1).unwrap();
    let mut app = App::new(book, Launch::Play(Box::new(game)), &opts(dir.path().into()));
    // Only the last tip, worded with the file the game is in.
    for tip in &mut app.tutorial.tips {
        if tip.id == "end" {
            tip.text =
                "The game is over. Your game is in {save_file}: a teacher can replay it.".into();
        } else {
            app.tutorial.dismissed.insert(tip.id.clone());
        }
    }
    play_to_end(&mut app);
    let s = draw(&app, 200, 40);
    let game = app.game().unwrap();
    let name = multivector::save::finished_name(&app.book, game);
    let file = dir.path().join(format!("{name}.ron"));
    assert!(file.exists(), "{}", file.display());
    assert!(!s.contains("{save_file}"), "{s}");
    assert!(
        s.contains(&file.display().to_string()),
        "{}\n{s}",
        file.display()
    );
}

/// The preview of an action, as its panel writes it (unwrapped).
fn preview(app: &App, id: &str) -> String {
    use multivector::ui::widgets::actions::PreviewPanel;
    let p = PreviewPanel {
        book: &app.book,
        state: app.game().unwrap().state(),
        theme: &app.theme,
        selected: app.book.action_id(id).unwrap().index(),
        cache: None,
        compact: false,
        scroll: 0,
        focused: false,
    };
    p.lines()
        .iter()
        .map(|l| {
            l.spans
                .iter()
                .map(|s| s.content.as_ref())
                .collect::<String>()
        })
        .collect::<Vec<_>>()
        .join("\n")
}

fn end_turn(app: &mut App) {
    keys(app, "e");
    while app.screen == Screen::Event {
        let before = app.game().unwrap().decisions().len();
        for c in '1'..='9' {
            keys(app, &c.to_string());
            if app.game().unwrap().decisions().len() > before {
                break;
            }
        }
    }
}

fn plan(app: &mut App, id: &str) {
    let a = app.book.action_id(id).unwrap();
    let cmd = multivector::rules::Command::Plan(a);
    assert!(app.command(cmd), "{id}: {:?}", app.status);
}

#[test]
fn a_preview_promises_no_date_for_what_cannot_be_taken_now() {
    let mut app = playing("kazakhstan", 7, 24);
    plan(&mut app, "education_exchange");
    end_turn(&mut app);
    plan(&mut app, "eu_trade_agreement");
    end_turn(&mut app);
    let state = app.game().unwrap().state();
    let latin = app.book.action_id("education_exchange").unwrap();
    let p = state.projects().iter().find(|p| p.action == latin).unwrap();
    let due = multivector::report::debrief::date_of(state, state.turn() + p.duration - p.done);
    let s = preview(&app, "education_exchange");
    assert!(s.contains("Not now"), "{s}");
    assert!(
        s.contains(&format!(
            "Under way: {} of {} turns done",
            p.done, p.duration
        )),
        "{s}"
    );
    assert!(s.contains(&format!("done by {due}")), "{due}: {s}");
    let dated = |l: &&str| l.contains("Done by") || l.contains("From 20") || l.contains("Over 20");
    assert_eq!(
        s.lines().filter(dated).count(),
        0,
        "no other date is promised: {s}"
    );
    // Once, and taken: it says so and promises nothing.
    end_turn(&mut app);
    end_turn(&mut app);
    end_turn(&mut app);
    let s = preview(&app, "eu_trade_agreement");
    assert!(s.contains("only once"), "{s}");
    assert!(
        !s.contains("Done by") && !s.contains("after it is taken"),
        "{s}"
    );
}

#[test]
fn a_cooldown_past_the_last_turn_says_it_cannot_be_taken_again() {
    // An 8-turn game: a cooldown of 4 from turn 6 ends after the game.
    let mut app = playing("kazakhstan", 7, 8);
    for _ in 0..5 {
        end_turn(&mut app);
    }
    plan(&mut app, "ots_summit");
    end_turn(&mut app);
    let s = preview(&app, "ots_summit");
    assert!(s.contains("cannot be taken again in this game"), "{s}");
    assert!(
        !s.contains("available again") && !s.contains("turn 1"),
        "{s}"
    );
    // Its status line when tried says the same.
    app.command(multivector::rules::Command::Plan(
        app.book.action_id("ots_summit").unwrap(),
    ));
    let status = app.status.clone().unwrap_or_default();
    assert!(
        status.contains("cannot be taken again in this game"),
        "{status}"
    );
}

#[test]
fn a_long_name_is_cut_before_the_project_counter() {
    let mut app = playing("kazakhstan", 7, 24);
    plan(&mut app, "eu_trade_agreement");
    end_turn(&mut app);
    plan(&mut app, "china_rail_deal");
    end_turn(&mut app);
    let s = draw(&app, 80, 24);
    let row = |name: &str| {
        s.lines()
            .find(|l| l.contains(name))
            .unwrap_or_else(|| panic!("{name}:\n{s}"))
            .to_string()
    };
    let eu = row("Enhanced partners");
    assert!(eu.contains("[2/3]") && eu.contains('…'), "{eu}");
    let rail = row("China rail or");
    assert!(rail.contains("[1/4]"), "{rail}");
}

#[test]
fn a_situation_past_its_threshold_is_said_to_begin_as_the_turn_ends() {
    use multivector::rules::defs::Effect;
    use multivector::rules::{Var, WorldVar};
    use multivector::ui::widgets::world::situation_lines;
    let book = content::builtin().unwrap();
    let mut sc = standard(&book, 24);
    sc.overrides
        .push(Effect::Set(Var::World(WorldVar::RussiaStrength), 30.0));
    let game = Game::new(&book, sc, Some("kazakhstan"), 7).unwrap();
    let slump = book.situation_id("russian_slump").unwrap();
    assert!(
        !game.state().in_force(slump),
        "not in force before a turn ends"
    );
    let app = App::new(book, Launch::Play(Box::new(game)), &opts(no_saves()));
    let lines: Vec<String> = situation_lines(&app.book, app.game().unwrap().state(), &app.theme)
        .iter()
        .map(|l| l.spans.iter().map(|s| s.content.as_ref()).collect())
        .collect();
    let text = lines.join("\n");
    assert!(!text.contains("No situation in force."), "{text}");
    let slump = lines.iter().find(|l| l.contains("Russian slump")).unwrap();
    assert!(slump.contains("begins as this turn ends"), "{text}");
}
