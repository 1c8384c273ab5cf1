//! The headless simulator: plays many games with a built-in policy and sums
//! up their outcomes (`simulate`), or every state × policy × scenario at
//! once (`simulate --matrix`, [`matrix`]).

mod matrix;
pub mod policy;
pub mod search;
mod summary;

use rayon::prelude::*;

use crate::rules::defs::ScenarioDef;
use crate::rules::model::NORMAL;
use crate::rules::{Book, Command, Game, Note, Openings, Raw, State, WorldVar, apply};
pub use matrix::{Cell, Matrix, MatrixOptions, cells, matrix};
pub use policy::{Checklist, Player, Policy};
pub use summary::{Summary, percentile, summarize};

/// One finished game, as the simulator sees it.
#[derive(Debug, Clone, PartialEq)]
pub struct GameResult {
    pub outcome: String,
    pub best: bool,
    pub autonomy: f64,
    pub leverage: f64,
    pub stability: f64,
    pub score: f64,
    pub turns: u32,
    /// Turkey–EU coupling at the end.
    pub coupling: f64,
    /// By situation (in the book's order): whether it began during the game.
    pub began: Vec<bool>,
}

/// Something a policy can play on: a game, which keeps its decisions, or a
/// bare state (a rollout).
pub(crate) trait Table {
    fn state(&self) -> &State;
    /// Carries out a command; says whether it was legal.
    fn act(&mut self, book: &Book, command: Command) -> bool;
}

impl Table for Game {
    fn state(&self) -> &State {
        Game::state(self)
    }
    fn act(&mut self, book: &Book, command: Command) -> bool {
        self.apply(book, command).is_ok()
    }
}

impl Table for State {
    fn state(&self) -> &State {
        self
    }
    fn act(&mut self, book: &Book, command: Command) -> bool {
        apply(self, book, &command).is_ok()
    }
}

/// Plays a game on to its end with a player.
pub(crate) fn play_out(table: &mut impl Table, book: &Book, player: &mut Player) {
    // A bound well past any scenario's length, so that a content bug cannot hang the run.
    let turns = table.state().turns() as usize;
    for _ in 0..(turns + 1) * 64 {
        if table.state().is_over() {
            break;
        }
        if !table.state().pending().is_empty() {
            let choice = player.choose(table.state(), book);
            if !table.act(book, Command::Choose(choice)) {
                // Fall back on the first open choice.
                let open = policy::open_choices(table.state(), book);
                table.act(book, Command::Choose(open.first().copied().unwrap_or(0)));
            }
            continue;
        }
        for id in player.plan(table.state(), book) {
            table.act(book, Command::Plan(id));
        }
        table.act(book, Command::EndTurn);
    }
}

/// Plays one game to its end with a policy, at the scenario's level of
/// difficulty (normal when it sets none), as `play` would start it.
pub fn play_one(
    book: &Book,
    scenario: &ScenarioDef<Raw>,
    country: &str,
    seed: u64,
    policy: Policy,
) -> Game {
    play_opened(book, &openings(book, scenario, country), seed, policy)
}

/// The games a simulation of a scenario plays, at the scenario's level of
/// difficulty (normal when it sets none).
fn openings(book: &Book, scenario: &ScenarioDef<Raw>, country: &str) -> Openings {
    let level = scenario.difficulty.as_deref().unwrap_or(NORMAL);
    Openings::new(book, scenario.clone(), Some(country), level)
        .expect("the country, scenario and level were checked before the simulation started")
}

/// Plays one game of `openings` to its end with a policy.
fn play_opened(book: &Book, openings: &Openings, seed: u64, policy: Policy) -> Game {
    let mut game = openings.game(book, seed);
    play_out(&mut game, book, &mut Player::new(policy, seed));
    game
}

/// What the simulator keeps of a finished game.
pub fn result_of(book: &Book, state: &State) -> GameResult {
    let ending = state.outcome().map(|o| book.ending(o.ending));
    let outcome = ending.map_or_else(|| "unfinished".into(), |e| e.id.clone());
    let mut began = vec![false; book.world.situations.len()];
    for e in state.log() {
        if let crate::rules::Entry::Note(Note::Situation(id, true)) = e.entry {
            began[id.index()] = true;
        }
    }
    GameResult {
        best: ending.is_some_and(|e| e.best),
        score: state.outcome().map_or(0.0, |o| o.score),
        outcome,
        autonomy: state.autonomy(),
        leverage: state.leverage(),
        stability: state.stability(),
        turns: state.turn(),
        coupling: state.world(WorldVar::TurkeyEuCoupling),
        began,
    }
}

/// The seed of game `i` in a run started with `seed`.
pub fn game_seed(seed: u64, i: u32) -> u64 {
    seed.wrapping_mul(0x9E37_79B9_7F4A_7C15)
        .wrapping_add(u64::from(i))
}

/// Plays `games` games in parallel and keeps each one's result, in the
/// order of their seeds; the results do not depend on the number of threads.
pub fn play_many(
    book: &Book,
    scenario: &ScenarioDef<Raw>,
    country: &str,
    policy: &Policy,
    games: u32,
    seed: u64,
) -> Vec<GameResult> {
    let openings = openings(book, scenario, country);
    (0..games)
        .into_par_iter()
        .map(|i| {
            let game = play_opened(book, &openings, game_seed(seed, i), policy.clone());
            result_of(book, game.state())
        })
        .collect()
}

/// Plays `games` games in parallel and sums them up.
pub fn simulate(
    book: &Book,
    scenario: &ScenarioDef<Raw>,
    country: &str,
    policy: Policy,
    games: u32,
    seed: u64,
) -> Summary {
    let results = play_many(book, scenario, country, &policy, games, seed);
    summarize(book, &results, &policy, country, &scenario.id, seed)
}
