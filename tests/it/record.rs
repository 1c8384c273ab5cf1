//! The record of changes: complete and gapless for every number of the
//! state, one exact turn of it, and previews computed by the same code that
//! applies a command.

use std::collections::HashMap;

use crate::common::{act, book, standard};
use multivector::rules::preview::{preview, preview_action};
use multivector::rules::{
    Book, Cause, Command, Decision, Entry, Game, LogEntry, Power, State, Var, apply, check,
    decision_choices,
};
use proptest::prelude::*;

/// Checks that the record of a game accounts for every number: the first
/// `before` of each is its start value, each `before` the previous `after`,
/// the last `after` its final value, bit for bit.
fn check_gapless(start: &State, end: &State) -> Result<(), String> {
    let mut last: HashMap<Var, f64> = start.numbers().into_iter().collect();
    for e in end.log() {
        if let Entry::Change { var, before, after } = e.entry {
            let was = last
                .get(&var)
                .ok_or(format!("{var:?} is not a number of the state"))?;
            if was.to_bits() != before.to_bits() {
                return Err(format!(
                    "{var:?}: recorded before {before}, but it was {was}: {e:?}"
                ));
            }
            last.insert(var, after);
        }
    }
    for (var, value) in end.numbers() {
        let recorded = last[&var];
        if recorded.to_bits() != value.to_bits() {
            return Err(format!(
                "{var:?}: recorded last {recorded}, but it is {value}"
            ));
        }
    }
    Ok(())
}

/// Whether a cause names something that exists in the content.
fn cause_exists(book: &Book, cause: &Cause) -> bool {
    match *cause {
        Cause::Plan(a) | Cause::Unplan(a) | Cause::Action(a) | Cause::Project(a) => {
            a.index() < book.actions.len()
        }
        Cause::Event(e) => e.index() < book.events.len(),
        Cause::Choice(e, i) => book
            .events
            .get(e.index())
            .is_some_and(|ev| usize::from(i) < ev.choices.len()),
        Cause::Drift(d) => d.index() < book.world.drift.len(),
        Cause::Situation(s) => s.index() < book.world.situations.len(),
        Cause::Track(t) => t.index() < book.world.tracks.len(),
        Cause::Move(power, m) => book
            .moves
            .get(m.index())
            .is_some_and(|mv| mv.power == power),
        Cause::Answer(m, i) => book
            .moves
            .get(m.index())
            .is_some_and(|mv| usize::from(i) < mv.choices.len()),
        Cause::Reaction(..)
        | Cause::BackDown(_)
        | Cause::Yield(_)
        | Cause::Hold(_)
        | Cause::Rivals(_)
        | Cause::StrainFade
        | Cause::StructuralPull
        | Cause::Scenario
        | Cause::Income
        | Cause::CarryCap
        | Cause::BonusFade
        | Cause::Calendar
        | Cause::End => true,
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(40))]

    /// For any sequence of legal commands from any playable state's start,
    /// the record is complete and gapless, and every cause exists.
    #[test]
    fn the_record_accounts_for_every_number_bit_for_bit(
        country in 0usize..5,
        seed in any::<u64>(),
        ops in prop::collection::vec(any::<u16>(), 1..200),
    ) {
        let book = book();
        let playable: Vec<String> = book.playable().map(|c| c.id.clone()).collect();
        let country = &playable[country % playable.len()];
        let mut game = Game::new(&book, standard(&book), Some(country), seed).unwrap();
        let start = game.state().clone();
        for op in ops {
            if game.state().is_over() {
                break;
            }
            let n = book.actions.len() as u16;
            let command = match op % (n + 8) {
                i if i < n => Command::Plan(multivector::rules::ActionId::from_index(usize::from(i))),
                i if i == n => Command::Undo,
                i if i == n + 1 => game
                    .state()
                    .planned()
                    .first()
                    .map_or(Command::Undo, |a| Command::Unplan(*a)),
                i if i < n + 5 => Command::EndTurn,
                i => Command::Choose(usize::from(i - n - 5)),
            };
            if check(game.state(), &book, &command).is_ok() {
                game.apply(&book, command).unwrap();
            }
        }
        let gapless = check_gapless(&start, game.state());
        prop_assert!(gapless.is_ok(), "{}", gapless.unwrap_err());
        for e in game.state().log() {
            prop_assert!(cause_exists(&book, &e.cause), "{:?}", e);
        }
    }
}

/// A line of the record, as the test below spells it.
fn line(book: &Book, e: &LogEntry) -> String {
    let cause = multivector::report::debrief::entry_cause(book, e);
    match e.entry {
        Entry::Change { var, before, after } => {
            format!(
                "t{} {} | {} {before} -> {after}",
                e.turn,
                cause,
                book.label(&var)
            )
        }
        Entry::Note(n) => format!("t{} {} | » {}", e.turn, cause, book.note_text(&n)),
    }
}

/// One fixed turn (seed 1, Kazakhstan): two actions, the turn's end, and
/// the answer to what it drew. Every change is in the record with its cause;
/// leverage is recorded part by part, under each cause that moved it; the
/// capital refill is recorded with its income.
#[test]
fn one_turn_is_recorded_exactly() {
    let book = book();
    let ankara = act(&book, "visit_ankara");
    let consolidate = act(&book, "consolidate");
    // The first seed whose first turn draws an event with a choice.
    let (mut game, mut record, event) = (1..200)
        .find_map(|seed| {
            let mut game = Game::new(&book, standard(&book), Some("kazakhstan"), seed).unwrap();
            let mut record = game.apply(&book, Command::Plan(ankara)).unwrap().to_vec();
            record.extend_from_slice(game.apply(&book, Command::Plan(consolidate)).unwrap());
            record.extend_from_slice(game.apply(&book, Command::EndTurn).unwrap());
            match game.state().pending().first().copied() {
                Some(Decision::Event(event)) => Some((game, record, event)),
                _ => None,
            }
        })
        .expect("some seed draws an event with a choice at the end of turn 1");
    record.extend_from_slice(game.apply(&book, Command::Choose(0)).unwrap());
    assert_eq!(record, game.state().log(), "apply returns what it records");

    // Planning spends capital at once, under the plan.
    let changes = |cause: Cause| -> Vec<(Var, f64, f64)> {
        record
            .iter()
            .filter(|e| e.cause == cause && !e.later)
            .filter_map(|e| match e.entry {
                Entry::Change { var, before, after } => Some((var, before, after)),
                Entry::Note(_) => None,
            })
            .collect()
    };
    assert_eq!(changes(Cause::Plan(ankara)), [(Var::Capital, 6.0, 4.0)]);
    assert_eq!(
        changes(Cause::Plan(consolidate)),
        [(Var::Capital, 4.0, 2.0)]
    );
    // The visit's closeness to Turkey moves leverage through Turkey's stake,
    // the bridge and the EU's stake (access to Europe through Turkey), each
    // recorded under the visit, with the total.
    let visit = changes(Cause::Action(ankara));
    let vars: Vec<Var> = visit.iter().map(|c| c.0).collect();
    for part in [
        Var::Proximity(Power::Turkey),
        Var::Stake(Power::Turkey),
        Var::Stake(Power::Eu),
        Var::Bridge,
        Var::Leverage,
    ] {
        assert!(vars.contains(&part), "{part:?} in {visit:?}");
    }
    let lev = visit.iter().find(|c| c.0 == Var::Leverage).unwrap();
    let parts: f64 = visit
        .iter()
        .map(|(v, b, a)| match v {
            Var::Stake(_) => book.model.leverage.competition / 4.0 * (a - b),
            Var::Bridge => book.model.leverage.bridge * (a - b),
            _ => 0.0,
        })
        .sum();
    assert!(
        ((lev.2 - lev.1) - parts).abs() < 1e-9,
        "the visit's leverage is the sum of its parts"
    );
    // The refill: income, then the carry limit (6 a turn, at most 3 carried).
    let income = changes(Cause::Income);
    assert_eq!(income, [(Var::Capital, 2.0, 8.0)]);
    assert!(changes(Cause::CarryCap).is_empty(), "2 carried is under 3");
    // The bonus fades and says so when there is one; the turn is counted.
    let calendar = changes(Cause::Calendar);
    assert_eq!(calendar.last(), Some(&(Var::Turn, 0.0, 1.0)));
    // Each power gathers initiative for its moves as the quarter turns.
    for p in Power::ALL {
        assert!(
            calendar
                .iter()
                .any(|c| c.0 == Var::Initiative(p) && c.2 > c.1),
            "{p:?} gathers initiative: {calendar:?}"
        );
    }
    // The answer is recorded under its own cause.
    assert!(record.iter().any(|e| e.cause == Cause::Choice(event, 0)));
    let text: Vec<String> = record.iter().map(|e| line(&book, e)).collect();
    insta::assert_snapshot!("one_turn_record", text.join("\n"));
}

/// Sample states: a few games at a few turns, played by the random policy.
fn sample_states(book: &Book) -> Vec<State> {
    use multivector::sim::{Player, Policy};
    let mut out = Vec::new();
    for (seed, country) in [
        (1, "kazakhstan"),
        (2, "tajikistan"),
        (3, "turkmenistan"),
        (4, "azerbaijan"),
    ] {
        let mut game = Game::new(book, standard(book), Some(country), seed).unwrap();
        let mut player = Player::new(Policy::Random, seed);
        for turn in 0..14 {
            if game.state().is_over() {
                break;
            }
            while !game.state().pending().is_empty() {
                out.push(game.state().clone());
                let i = player.choose(game.state(), book);
                if game.apply(book, Command::Choose(i)).is_err() {
                    let open = decision_choices(game.state(), book)
                        .iter()
                        .position(|c| c.1.is_none())
                        .unwrap_or(0);
                    game.apply(book, Command::Choose(open)).unwrap();
                }
            }
            if turn % 3 == 0 {
                out.push(game.state().clone());
            }
            for a in player.plan(game.state(), book) {
                let _ = game.apply(book, Command::Plan(a));
            }
            let _ = game.apply(book, Command::EndTurn);
        }
    }
    out
}

/// For every action and every event choice, on a sample of states, what the
/// preview says lands at once is exactly what the command does when applied.
#[test]
fn previews_are_what_the_command_does() {
    let book = book();
    let mut actions_checked = 0;
    let mut choices_checked = 0;
    for state in sample_states(&book) {
        if state.pending().is_empty() {
            for id in book.action_ids() {
                let command = Command::Plan(id);
                if check(&state, &book, &command).is_err() || !state.planned().is_empty() {
                    continue;
                }
                let pv = preview_action(&state, &book, id);
                let mut s = state.clone();
                apply(&mut s, &book, &command).unwrap();
                let real = apply(&mut s, &book, &Command::EndTurn).unwrap();
                // The action's own landing at the end of this turn: its
                // note, its effects, and (when no other project runs ahead
                // of it) its project's first turn.
                let ours = |e: &&LogEntry| {
                    !e.later
                        && e.turn == state.turn()
                        && (e.cause == Cause::Action(id)
                            || (e.cause == Cause::Project(id) && state.projects().is_empty()))
                };
                let real: Vec<LogEntry> = real.iter().filter(ours).copied().collect();
                let said: Vec<LogEntry> = pv.record.iter().filter(ours).copied().collect();
                assert_eq!(
                    said,
                    real,
                    "action {} on turn {}",
                    book.action(id).id,
                    state.turn()
                );
                actions_checked += 1;
            }
        } else {
            let n = decision_choices(&state, &book).len();
            for i in 0..n {
                let command = Command::Choose(i);
                let Ok(pv) = preview(&state, &book, &command) else {
                    assert!(check(&state, &book, &command).is_err());
                    continue;
                };
                let mut s = state.clone();
                let real = apply(&mut s, &book, &command).unwrap();
                let now: Vec<LogEntry> = pv.record.iter().filter(|e| !e.later).copied().collect();
                assert_eq!(now, real, "choice {i} of {:?}", state.pending()[0]);
                choices_checked += 1;
            }
        }
    }
    assert!(
        actions_checked > 200,
        "{actions_checked} action previews checked"
    );
    assert!(
        choices_checked > 20,
        "{choices_checked} choice previews checked"
    );
}

/// Every event choice in the content is previewed at least once in the
/// sample, or its event never comes up there: name them, so the sample can
/// be widened when content grows.
#[test]
fn the_preview_of_a_project_lists_what_lands_on_each_later_turn() {
    let book = book();
    let game = Game::new(&book, standard(&book), Some("kazakhstan"), 1).unwrap();
    let corridor = act(&book, "middle_corridor");
    let pv = preview_action(game.state(), &book, corridor);
    let duration = book.action(corridor).duration;
    let done: Vec<u32> = pv
        .record
        .iter()
        .filter(|e| matches!(e.entry, Entry::Note(multivector::rules::Note::ProjectDone(a)) if a == corridor))
        .map(|e| e.turn)
        .collect();
    assert_eq!(
        done,
        [duration - 1],
        "completes at the end of its last turn"
    );
    let each_turn: Vec<u32> = pv
        .record
        .iter()
        .filter(|e| e.cause == Cause::Project(corridor))
        .filter(|e| {
            matches!(
                e.entry,
                Entry::Change {
                    var: Var::Proximity(Power::Turkey),
                    ..
                }
            )
        })
        .map(|e| e.turn)
        .collect();
    assert_eq!(each_turn, (0..duration).collect::<Vec<_>>());
}
