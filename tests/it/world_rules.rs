//! The rules of the world and the powers, through their public interface:
//! the crisis ladder, tracks, situations, endings, red lines, scenarios
//! written for one state, objectives and levels of difficulty.

use crate::common::{act, answer_all, book, standard, with_overrides};
use multivector::rules::defs::Effect;
use multivector::rules::{
    Book, Cause, Command, Decision, Domain, Entry, Game, Holder, Illegal, LadderStep, Power, Stage,
    State, Var, WorldVar, apply, new_game,
};

#[test]
fn past_its_tolerance_a_power_climbs_the_ladder_and_backing_down_calms_it() {
    let book = book();
    let sc = with_overrides(
        &book,
        24,
        vec![
            Effect::Set(Var::Tolerance(Power::Russia), 10.0),
            Effect::Set(Var::Strain(Power::Russia), 60.0),
        ],
    );
    let mut s = new_game(&book, &sc, Some("kazakhstan"), 3).unwrap();
    let prox = s.proximity(Power::Russia);
    apply(&mut s, &book, &Command::EndTurn).unwrap();
    assert_eq!(s.ladder(Power::Russia), LadderStep::Protest);
    assert!(
        s.pending()
            .contains(&Decision::Ladder(Power::Russia, LadderStep::Protest))
    );
    assert!(
        s.proximity(Power::Russia) < prox,
        "a protest costs proximity"
    );
    assert_eq!(
        apply(&mut s, &book, &Command::EndTurn),
        Err(Illegal::DecisionPending)
    );
    while s.pending().first() != Some(&Decision::Ladder(Power::Russia, LadderStep::Protest)) {
        apply(&mut s, &book, &Command::Choose(0)).unwrap();
    }
    let before = s.share(Domain::Security, Holder::Russia);
    apply(&mut s, &book, &Command::Choose(0)).unwrap();
    assert_eq!(s.ladder(Power::Russia), LadderStep::Calm);
    assert!(
        s.share(Domain::Security, Holder::Russia) > before,
        "backing down costs autonomy"
    );
}

#[test]
fn holding_firm_leads_to_the_next_step_or_the_power_backing_down() {
    let book = book();
    let sc = with_overrides(
        &book,
        24,
        vec![
            Effect::Set(Var::Tolerance(Power::Russia), 10.0),
            Effect::Set(Var::Strain(Power::Russia), 90.0),
        ],
    );
    let mut escalated = 0;
    let mut yielded = 0;
    for seed in 0..40 {
        let mut s = new_game(&book, &sc, Some("kazakhstan"), seed).unwrap();
        apply(&mut s, &book, &Command::EndTurn).unwrap();
        while let Some(d) = s.pending().first().copied() {
            let hold = usize::from(matches!(d, Decision::Ladder(Power::Russia, _)));
            apply(&mut s, &book, &Command::Choose(hold)).unwrap();
        }
        let leverage_bonus_before = s.leverage();
        apply(&mut s, &book, &Command::EndTurn).unwrap();
        match s.ladder(Power::Russia) {
            LadderStep::Warning => escalated += 1,
            LadderStep::Calm => {
                yielded += 1;
                assert!(s.log_of(1).any(|e| e.cause == Cause::Yield(Power::Russia)));
                let _ = leverage_bonus_before;
            }
            other => panic!("unexpected step {other:?}"),
        }
    }
    assert!(
        escalated > 0 && yielded > 0,
        "{escalated} escalated, {yielded} yielded"
    );
}

#[test]
fn the_customs_union_track_can_conclude_or_stall() {
    let book = book();
    let base = new_game(&book, &standard(&book), Some("kazakhstan"), 1).unwrap();
    let coupling = base.world(WorldVar::TurkeyEuCoupling);
    let done = new_game(
        &book,
        &with_overrides(&book, 24, vec![Effect::Track("customs_union".into(), 5)]),
        Some("kazakhstan"),
        1,
    )
    .unwrap();
    assert_eq!(done.tracks()[0], Stage::Concluded);
    assert!(done.world(WorldVar::TurkeyEuCoupling) > coupling);
    let stalled = new_game(
        &book,
        &with_overrides(
            &book,
            24,
            vec![
                Effect::Track("customs_union".into(), 2),
                Effect::StallTrack("customs_union".into()),
                Effect::Track("customs_union".into(), 3),
            ],
        ),
        Some("kazakhstan"),
        1,
    )
    .unwrap();
    assert_eq!(
        stalled.tracks()[0],
        Stage::Stalled,
        "a stalled track stays stalled"
    );
    assert!(stalled.world(WorldVar::TurkeyEuCoupling) < coupling);
}

fn slump(book: &Book, s: &State) -> bool {
    s.in_force(book.situation_id("russian_slump").unwrap())
}

fn slump_after_one_turn(book: &Book, strength: f64) -> bool {
    let sc = with_overrides(
        book,
        24,
        vec![Effect::Set(Var::World(WorldVar::RussiaStrength), strength)],
    );
    let mut s = new_game(book, &sc, Some("uzbekistan"), 1).unwrap();
    apply(&mut s, book, &Command::EndTurn).unwrap();
    slump(book, &s)
}

#[test]
fn situations_switch_on_past_their_threshold() {
    let book = book();
    assert!(slump_after_one_turn(&book, 38.0));
    assert!(!slump_after_one_turn(&book, 46.0));
}

#[test]
fn one_power_over_sixty_in_three_domains_is_a_client_state() {
    let book = book();
    let sc = with_overrides(
        &book,
        1,
        vec![
            Effect::Set(Var::Share(Domain::Trade, Holder::Russia), 75.0),
            Effect::Set(Var::Share(Domain::Finance, Holder::Russia), 75.0),
        ],
    );
    let mut g = Game::new(&book, sc, Some("kazakhstan"), 1).unwrap();
    g.apply(&book, Command::EndTurn).unwrap();
    answer_all(&mut g, &book);
    let o = g.state().outcome().expect("a one-turn game ends");
    assert_eq!(book.ending(o.ending).id, "client_state");
    assert_eq!(g.apply(&book, Command::EndTurn), Err(Illegal::GameOver));
}

#[test]
fn a_collapse_of_stability_ends_the_game_early_in_crisis() {
    let book = book();
    let sc = with_overrides(&book, 24, vec![Effect::Set(Var::Stability, 3.0)]);
    let mut g = Game::new(&book, sc, Some("kazakhstan"), 1).unwrap();
    // Leaving the EAEU costs 5 stability: the state falls at once, even if
    // daily life would settle later in the turn.
    g.apply(&book, Command::Plan(act(&book, "leave_eaeu")))
        .unwrap();
    g.apply(&book, Command::EndTurn).unwrap();
    answer_all(&mut g, &book);
    let o = g.state().outcome().expect("the game is over");
    assert_eq!(book.ending(o.ending).id, "crisis");
    assert_eq!(o.turn, 1);
}

#[test]
fn a_red_line_crossed_draws_a_reaction_the_same_turn() {
    // Leaving the CSTO strains Russia past its tolerance at once: the strain
    // it adds is weighed in full when the turn ends, before it fades.
    let book = book();
    for seed in [1, 2, 3] {
        let mut game = Game::new(&book, standard(&book), Some("kazakhstan"), seed).unwrap();
        game.apply(&book, Command::Plan(act(&book, "leave_csto")))
            .unwrap();
        game.apply(&book, Command::EndTurn).unwrap();
        let s = game.state();
        assert!(
            s.pending()
                .contains(&Decision::Ladder(Power::Russia, LadderStep::Protest)),
            "seed {seed}: {:?}",
            s.pending()
        );
        // The preview warned of it before the turn ended.
        if seed == 1 {
            let fresh = Game::new(&book, standard(&book), Some("kazakhstan"), seed).unwrap();
            let pv = multivector::rules::preview::preview_action(
                fresh.state(),
                &book,
                act(&book, "leave_csto"),
            );
            assert_eq!(pv.provokes(fresh.state()), vec![Power::Russia]);
        }
        // What is left of the strain fades for the next turn, and says so.
        assert!(s.power(Power::Russia).strain < 40.0);
        assert!(s.news().any(|e| e.cause == Cause::StrainFade
            && matches!(
                e.entry,
                Entry::Change {
                    var: Var::Strain(Power::Russia),
                    ..
                }
            )));
    }
}

#[test]
fn a_scenario_written_for_one_state_cannot_start_another() {
    let book = book();
    let squeeze = book.scenario("tajik-squeeze").unwrap().clone();
    assert!(matches!(
        new_game(&book, &squeeze, Some("uzbekistan"), 1),
        Err(multivector::rules::StartError::CountryFixed { .. })
    ));
    let tajikistan = book.country_id("tajikistan").unwrap();
    assert_eq!(
        new_game(&book, &squeeze, None, 1).unwrap().country(),
        tajikistan
    );
    assert_eq!(
        new_game(&book, &squeeze, Some("tajikistan"), 1)
            .unwrap()
            .country(),
        tajikistan
    );
}

#[test]
fn objectives_are_checked_with_their_numbers() {
    let book = book();
    let squeeze = book.scenario("tajik-squeeze").unwrap().clone();
    let game = Game::new(&book, squeeze, None, 45).unwrap();
    let results = game.objectives(&book);
    assert_eq!(results.len(), 2);
    let stability = &results[0];
    assert_eq!(stability.met, Some(game.state().stability() >= 35.0));
    let check = &stability.checks[0];
    assert_eq!(check.text, "Stability at least 35");
    assert_eq!(check.value, Some(game.state().stability()));
    assert_eq!((check.target, check.at_least), (Some(35.0), true));
    // Russia holds 75% of Tajikistan's security at the start: not met, and
    // the check that fails says by how much.
    let russian = &results[1];
    assert_eq!(russian.met, Some(false));
    let security = russian.checks.iter().find(|c| !c.held).unwrap();
    assert_eq!(security.text, "Security: Russia share at most 70");
    assert_eq!((security.value, security.at_least), (Some(75.0), false));
}

#[test]
fn difficulty_sets_tolerance_income_and_how_hard_blows_hit() {
    let book = book();
    let at = |level: &str| {
        Game::at(&book, standard(&book), Some("kazakhstan"), 5, level)
            .unwrap()
            .state()
            .clone()
    };
    let (easy, normal, hard) = (at("easy"), at("normal"), at("hard"));
    for p in Power::ALL {
        assert!(easy.tolerance(p) > normal.tolerance(p) && normal.tolerance(p) > hard.tolerance(p));
    }
    // Each level's income is added to what a turn brings (at least 1).
    for (s, l) in [(&easy, "easy"), (&normal, "normal"), (&hard, "hard")] {
        let income = i64::from(book.model.level(l).unwrap().income);
        let base = i64::from(normal.capital_per_turn());
        assert_eq!(
            i64::from(s.capital_per_turn()),
            (base + income).max(1),
            "{l}"
        );
    }
    assert!(easy.capital_per_turn() > normal.capital_per_turn());
    assert!(matches!(
        Game::at(&book, standard(&book), Some("kazakhstan"), 5, "brutal"),
        Err(multivector::rules::StartError::UnknownDifficulty(..))
    ));
    // A blow of the world costs more stability the harder the game: the
    // same game (seed, decisions), a scripted remittance shock on turn 1.
    let shock = |level: &str| {
        let sc = multivector::rules::defs::ScenarioDef {
            scripted: vec![(1, "remittance_shock".into())],
            ..with_overrides(&book, 4, vec![])
        };
        let mut g = Game::at(&book, sc, Some("tajikistan"), 5, level).unwrap();
        g.apply(&book, Command::EndTurn).unwrap();
        g.state()
            .log()
            .iter()
            .filter(|e| matches!(e.cause, Cause::Event(_)))
            .filter_map(|e| match e.entry {
                Entry::Change {
                    var: Var::Stability,
                    before,
                    after,
                } => Some(after - before),
                _ => None,
            })
            .sum::<f64>()
    };
    let (soft, hurt, harsh) = (shock("easy"), shock("normal"), shock("hard"));
    assert!(hurt < 0.0, "the shock hurts: {hurt}");
    assert!(soft > hurt && hurt > harsh, "{soft} {hurt} {harsh}");
}
