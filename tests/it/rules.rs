//! The rules, through their public interface: determinism, commands,
//! invariants and the news (the world and the powers: `world_rules.rs`).

use crate::common::{act, answer_all, book, standard};
use multivector::rules::{
    Book, Cause, Command, Domain, Entry, Game, Holder, Illegal, Power, State, Var, WorldVar, apply,
    new_game,
};
use proptest::prelude::*;

/// A fixed, varied list of commands: visits, projects, end turns.
fn script(book: &Book) -> Vec<Command> {
    let plans = [
        "visit_ankara",
        "middle_corridor",
        "visit_moscow",
        "eu_reform_package",
        "china_loan",
        "consolidate",
        "joint_exercises",
    ];
    let mut out = Vec::new();
    for t in 0..12 {
        out.push(Command::Plan(act(book, plans[t % plans.len()])));
        out.push(Command::Plan(act(book, plans[(t + 3) % plans.len()])));
        out.push(Command::EndTurn);
    }
    out
}

fn play(book: &Book, seed: u64) -> Game {
    let mut g = Game::new(book, standard(book), Some("kazakhstan"), seed).unwrap();
    for c in script(book) {
        answer_all(&mut g, book);
        let _ = g.apply(book, c);
    }
    g
}

#[test]
fn same_seed_and_decisions_give_the_same_game_bit_for_bit() {
    let book = book();
    let a = play(&book, 42);
    let b = play(&book, 42);
    assert_eq!(a.state(), b.state());
    assert_eq!(a.decisions(), b.decisions());
    let ra = format!("{:?}", a.state());
    let rb = format!("{:?}", b.state());
    assert_eq!(ra, rb);
    assert!(
        a.state().turn() >= 10,
        "the script plays on: {}",
        a.state().turn()
    );
}

#[test]
fn different_seeds_give_different_games() {
    let book = book();
    let logs: Vec<_> = (1..6)
        .map(|s| play(&book, s).state().log().to_vec())
        .collect();
    assert!(logs.windows(2).any(|w| w[0] != w[1]));
}

#[test]
fn the_random_stream_is_stable() {
    // A dependency upgrade that changes ChaCha8's stream would break every
    // saved game and classroom seed: this pins it.
    use rand::{RngCore, SeedableRng};
    let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(7);
    let got: Vec<u64> = (0..3).map(|_| rng.next_u64()).collect();
    let again: Vec<u64> = {
        let mut r = rand_chacha::ChaCha8Rng::seed_from_u64(7);
        (0..3).map(|_| r.next_u64()).collect()
    };
    assert_eq!(got, again);
    assert_eq!(
        got,
        vec![
            2910824217569608635,
            3098856782162503994,
            12991601491111613745
        ],
        "ChaCha8 stream changed: {got:x?}"
    );
}

#[test]
fn a_game_replays_from_its_decisions() {
    let book = book();
    let g = play(&book, 9);
    let again = g.replay(&book).expect("replays");
    assert_eq!(again.state(), g.state());
}

#[test]
fn an_action_takes_effect_at_the_end_of_the_turn_with_its_cause() {
    let book = book();
    let mut s = new_game(&book, &standard(&book), Some("kazakhstan"), 1).unwrap();
    let before = s.proximity(Power::Turkey);
    let capital = s.capital();
    let ankara = act(&book, "visit_ankara");
    apply(&mut s, &book, &Command::Plan(ankara)).unwrap();
    assert_eq!(
        s.proximity(Power::Turkey),
        before,
        "nothing moves before the turn ends"
    );
    assert_eq!(s.capital(), capital - 2);
    apply(&mut s, &book, &Command::EndTurn).unwrap();
    let cause = Cause::Action(ankara);
    let changes: Vec<_> = s
        .log_of(0)
        .filter(|e| e.cause == cause)
        .filter_map(|e| match &e.entry {
            Entry::Change { var, before, after } => Some((*var, *before, *after)),
            Entry::Note(_) => None,
        })
        .collect();
    assert!(matches!(changes[0], (Var::Proximity(Power::Turkey), b, a) if b == before && a > b));
    assert!(changes.contains(&(
        Var::Share(Domain::CultureInformation, Holder::Russia),
        55.0,
        54.0
    )));
    assert!(changes.contains(&(
        Var::Share(Domain::CultureInformation, Holder::Turkey),
        10.0,
        11.0
    )));
    assert_eq!(s.turn(), 1);
    assert_eq!(s.date_label(), "2026 Q2");
}

#[test]
fn undo_takes_back_the_last_action_and_refunds_it() {
    let book = book();
    let mut s = new_game(&book, &standard(&book), Some("kazakhstan"), 1).unwrap();
    let (capital, planned) = (s.capital(), s.planned().to_vec());
    let (ankara, moscow) = (act(&book, "visit_ankara"), act(&book, "visit_moscow"));
    apply(&mut s, &book, &Command::Plan(ankara)).unwrap();
    apply(&mut s, &book, &Command::Plan(moscow)).unwrap();
    apply(&mut s, &book, &Command::Undo).unwrap();
    assert_eq!(s.planned(), [ankara]);
    apply(&mut s, &book, &Command::Undo).unwrap();
    assert_eq!((s.capital(), s.planned().to_vec()), (capital, planned));
    // The spending and the refunds are recorded: nothing moves unrecorded.
    let causes: Vec<Cause> = s.log().iter().map(|e| e.cause).collect();
    assert_eq!(
        causes,
        [
            Cause::Plan(ankara),
            Cause::Plan(moscow),
            Cause::Unplan(moscow),
            Cause::Unplan(ankara)
        ]
    );
    assert_eq!(
        apply(&mut s, &book, &Command::Undo),
        Err(Illegal::NothingToUndo)
    );
}

#[test]
fn enter_on_a_planned_action_takes_it_back_wherever_it_is_in_the_list() {
    let book = book();
    let mut s = new_game(&book, &standard(&book), Some("kazakhstan"), 1).unwrap();
    let capital = s.capital();
    let (ankara, moscow) = (act(&book, "visit_ankara"), act(&book, "visit_moscow"));
    apply(&mut s, &book, &Command::Plan(ankara)).unwrap();
    apply(&mut s, &book, &Command::Plan(moscow)).unwrap();
    apply(&mut s, &book, &Command::Unplan(ankara)).unwrap();
    assert_eq!(s.planned(), [moscow]);
    assert_eq!(s.capital(), capital - 2);
    assert_eq!(
        apply(&mut s, &book, &Command::Unplan(ankara)),
        Err(Illegal::NotPlanned)
    );
}

#[test]
fn illegal_commands_say_why_and_change_nothing() {
    let book = book();
    let mut s = new_game(&book, &standard(&book), Some("tajikistan"), 1).unwrap();
    let start = s.clone();
    // Tajikistan has no Caspian coast: no Trans-Caspian pipeline.
    assert_eq!(
        apply(
            &mut s,
            &book,
            &Command::Plan(act(&book, "trans_caspian_pipeline"))
        ),
        Err(Illegal::Requirements("gas exports".into()))
    );
    assert_eq!(
        apply(&mut s, &book, &Command::Choose(0)),
        Err(Illegal::NoDecision)
    );
    assert_eq!(s, start);
    let ankara = act(&book, "visit_ankara");
    apply(&mut s, &book, &Command::Plan(ankara)).unwrap();
    assert_eq!(
        apply(&mut s, &book, &Command::Plan(ankara)),
        Err(Illegal::AlreadyPlanned)
    );
    // Tajikistan has 4 capital: a 5-point action is out of reach after a visit.
    assert!(matches!(
        apply(&mut s, &book, &Command::Plan(act(&book, "leave_csto"))),
        Err(Illegal::NotEnoughCapital { .. })
    ));
    // A cooldown says the turn as the screen counts it (from 1).
    let mut g = Game::new(&book, standard(&book), Some("tajikistan"), 1).unwrap();
    g.apply(&book, Command::Plan(ankara)).unwrap();
    g.apply(&book, Command::EndTurn).unwrap();
    answer_all(&mut g, &book);
    let e = g.apply(&book, Command::Plan(ankara)).unwrap_err();
    assert_eq!(e, Illegal::Cooldown(2));
    assert_eq!(e.to_string(), "not available until turn 3");
}

fn check_invariants(s: &State) -> Result<(), TestCaseError> {
    for d in Domain::ALL {
        let sum: u32 = s.shares(d).row().iter().map(|&x| u32::from(x)).sum();
        prop_assert_eq!(sum, 100, "{:?} sums to {}", d, sum);
    }
    for v in [s.autonomy(), s.leverage(), s.stability(), s.assets()] {
        prop_assert!((0.0..=100.0).contains(&v), "score out of range: {}", v);
    }
    for p in Power::ALL {
        let ps = s.power(p);
        for v in [ps.proximity, ps.tolerance, ps.strain] {
            prop_assert!((0.0..=100.0).contains(&v), "{:?} out of range: {}", p, v);
        }
    }
    for w in WorldVar::ALL {
        prop_assert!((0.0..=100.0).contains(&s.world(w)));
    }
    prop_assert!(s.capital() <= 20);
    for h in s.history() {
        for v in [h.autonomy, h.leverage, h.stability] {
            prop_assert!((0.0..=100.0).contains(&v));
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    /// Any sequence of commands, legal or not, keeps every share vector at
    /// 100 and every number in range; an illegal command changes nothing.
    #[test]
    fn any_command_sequence_keeps_the_invariants(
        country in prop::sample::select(vec!["kazakhstan", "uzbekistan", "kyrgyzstan", "tajikistan", "turkmenistan", "azerbaijan"]),
        seed in any::<u64>(),
        ops in prop::collection::vec(any::<u8>(), 1..160),
    ) {
        let book = book();
        let mut s = new_game(&book, &standard(&book), Some(country), seed).unwrap();
        check_invariants(&s)?;
        for op in ops {
            let n = book.actions.len() as u8;
            let cmd = match op % (n + 6) {
                i if i < n => Command::Plan(multivector::rules::ActionId::from_index(usize::from(i))),
                i if i == n => Command::Undo,
                i if i < n + 3 => Command::EndTurn,
                i => Command::Choose(usize::from(i - n - 3)),
            };
            let before = s.clone();
            match apply(&mut s, &book, &cmd) {
                Ok(_) => check_invariants(&s)?,
                Err(_) => prop_assert_eq!(&s, &before),
            }
        }
    }
}

/// Every entry of the log is shown as news exactly once, in the turn after
/// it happened (answers: in the turn they were given), and an event drawn at
/// the end of a turn is in the very next news.
#[test]
fn every_log_entry_is_news_exactly_once() {
    let book = book();
    for seed in 0..6 {
        let mut g = Game::new(&book, standard(&book), Some("uzbekistan"), seed).unwrap();
        let mut shown: Vec<u32> = Vec::new();
        let mut fired_events = 0;
        while g.state().outcome().is_none() {
            g.apply(&book, Command::EndTurn).unwrap();
            for id in g.state().fired_last() {
                fired_events += 1;
                let cause = Cause::Event(*id);
                assert!(
                    g.state().news().any(|e| e.cause == cause),
                    "event {} drawn at the end of turn {} is in the news",
                    book.event(*id).id,
                    g.state().turn() - 1
                );
            }
            answer_all(&mut g, &book);
            // Everything in the news now, by position in the log.
            let log = g.state().log();
            shown.resize(log.len(), 0);
            for e in g.state().news() {
                let i = log.iter().position(|x| std::ptr::eq(x, e)).unwrap();
                shown[i] += 1;
            }
        }
        assert!(fired_events > 0, "seed {seed}: some events fired");
        let never: Vec<_> = g
            .state()
            .log()
            .iter()
            .zip(&shown)
            .filter(|(e, n)| **n != 1 && !e.cause.is_planning())
            .map(|(e, n)| format!("{n}× {e:?}"))
            .collect();
        assert!(
            never.is_empty(),
            "seed {seed}: entries not shown exactly once: {never:#?}"
        );
    }
}

#[test]
fn conditions_are_described_in_words() {
    use multivector::rules::defs::Cond;
    let book = book();
    let flag = |f: &str| book.flag_id(f).unwrap();
    let country = |c: &str| book.country_id(c).unwrap();
    let cases = [
        (
            Cond::AtLeast(Var::Proximity(Power::Eu), 35.0),
            "EU proximity at least 35",
        ),
        (Cond::NoFlag(flag("neutral")), "no permanent neutrality"),
        (
            Cond::Any(vec![
                Cond::Flag(flag("eaeu")),
                Cond::Flag(flag("eaeu_observer")),
            ]),
            "one of: membership of the Eurasian Economic Union or observer status in the Eurasian Economic Union",
        ),
        (
            Cond::Country(vec![country("kazakhstan"), country("turkmenistan")]),
            "playing Kazakhstan or Turkmenistan",
        ),
    ];
    for (cond, words) in cases {
        assert_eq!(book.describe(&cond), words);
    }
}
