//! The state of one game. Fields are private to `rules`: everything outside
//! reads through accessors and changes the state only through `apply`.

use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;
use serde::Serialize;

use super::book::Book;
use super::ids::{ActionId, CountryId, EndingId, EventId, IdSet, MoveId};
use super::record::LogEntry;
use super::scoring::Leverage;
use super::shares::Shares;
use super::types::{CorridorStatus, LadderStep, Power, Stage, Var};

/// A decision the player must take before the game goes on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Decision {
    /// Pick one of an event's choices.
    Event(EventId),
    /// Take or refuse a power's offer (pick one of its choices).
    Offer(MoveId),
    /// Back down (choice 0) or hold (choice 1) before a power on its ladder.
    Ladder(Power, LadderStep),
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PowerState {
    pub proximity: f64,
    pub tolerance: f64,
    pub strain: f64,
    pub ladder: LadderStep,
}

/// A multi-turn project under way.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Project {
    pub action: ActionId,
    pub done: u32,
    pub duration: u32,
}

/// Effects waiting to land.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Delayed {
    pub due: u32,
    pub effects: Vec<super::grammar::Effect>,
    pub cause: super::record::Cause,
}

/// The scores and main numbers at the end of one turn.
#[derive(Debug, Clone, PartialEq, Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Snapshot {
    pub turn: u32,
    pub autonomy: f64,
    pub leverage: f64,
    pub stability: f64,
    pub capital: f64,
    pub proximity: [f64; 4],
    pub world: [f64; 7],
}

/// How the game ended.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Outcome {
    pub ending: EndingId,
    pub score: f64,
    pub turn: u32,
}

#[derive(Debug, Clone, PartialEq)]
pub struct State {
    pub(super) country: CountryId,
    pub(super) seed: u64,
    pub(super) rng: ChaCha8Rng,
    pub(super) turn: u32,
    pub(super) turns: u32,
    pub(super) start_year: u32,
    pub(super) start_quarter: u32,
    pub(super) powers: [PowerState; 4],
    pub(super) shares: [Shares; 5],
    /// The structural level of each share, toward which dependence is
    /// pulled back; moved only by completed projects and the like.
    pub(super) structure: [Shares; 5],
    pub(super) world: [f64; 7],
    pub(super) stability: f64,
    pub(super) capital: u32,
    pub(super) capital_per_turn: u32,
    pub(super) assets: f64,
    pub(super) autonomy: f64,
    /// By domain: its autonomy, kept with the shares it is computed from
    /// (closeness moves autonomy far more often than the shares do).
    pub(super) domains: [f64; 5],
    pub(super) leverage: Leverage,
    pub(super) flags: IdSet,
    pub(super) situations: IdSet,
    pub(super) corridors: Vec<Option<CorridorStatus>>,
    pub(super) tracks: Vec<Stage>,
    /// By track: how many stages it has.
    pub(super) track_stages: Vec<usize>,
    pub(super) projects: Vec<Project>,
    pub(super) delayed: Vec<Delayed>,
    pub(super) planned: Vec<ActionId>,
    /// By action: the turn from which it can be taken again.
    pub(super) cooldowns: Vec<u32>,
    /// By action: how many times it has been taken.
    pub(super) uses: Vec<u16>,
    /// By event: the turn it last fired on.
    pub(super) fired: Vec<Option<u32>>,
    pub(super) fired_last: Vec<EventId>,
    pub(super) pending: Vec<Decision>,
    pub(super) history: Vec<Snapshot>,
    pub(super) log: Vec<LogEntry>,
    pub(super) outcome: Option<Outcome>,
    pub(super) deck: Option<IdSet>,
    pub(super) scripted: Vec<(u32, EventId)>,
    /// Numbers the scenario holds at a value: nothing moves them.
    pub(super) held: Vec<(Var, f64)>,
    /// The turn whose story the record is writing now.
    pub(super) story: u32,
    /// Whether a turn is ending (its resolution under way).
    pub(super) ending: bool,
    /// How hard the world's blows hit (the level of difficulty).
    pub(super) severity: f64,
    /// How much of the way from the start to the best ending's bars of
    /// autonomy and leverage this game asks for (its level and length).
    pub(super) ambition: f64,
    /// Each power's initiative: it makes a move when it has a whole one.
    pub(super) initiative: [f64; 4],
    /// By move: the turn it was last made on.
    pub(super) moved: Vec<Option<u32>>,
    /// The moves made as the last turn ended.
    pub(super) moved_last: Vec<MoveId>,
}

impl State {
    pub(super) fn blank(book: &Book, country: CountryId, seed: u64) -> State {
        State {
            country,
            seed,
            rng: ChaCha8Rng::seed_from_u64(seed),
            turn: 0,
            turns: book.model.defaults.turns,
            start_year: book.model.defaults.start_year,
            start_quarter: book.model.defaults.start_quarter,
            powers: std::array::from_fn(|_| PowerState {
                proximity: 0.0,
                tolerance: 0.0,
                strain: 0.0,
                ladder: LadderStep::Calm,
            }),
            shares: [Shares::DOMESTIC; 5],
            structure: [Shares::DOMESTIC; 5],
            world: [0.0; 7],
            stability: 0.0,
            capital: 0,
            capital_per_turn: 0,
            assets: 0.0,
            autonomy: 0.0,
            domains: [0.0; 5],
            leverage: Leverage::default(),
            flags: IdSet::default(),
            situations: IdSet::default(),
            corridors: vec![None; book.corridor_count()],
            tracks: vec![Stage::At(0); book.world.tracks.len()],
            track_stages: book.world.tracks.iter().map(|t| t.stages.len()).collect(),
            projects: Vec::new(),
            delayed: Vec::new(),
            planned: Vec::new(),
            cooldowns: vec![0; book.actions.len()],
            uses: vec![0; book.actions.len()],
            fired: vec![None; book.events.len()],
            fired_last: Vec::new(),
            pending: Vec::new(),
            history: Vec::new(),
            log: Vec::new(),
            outcome: None,
            deck: None,
            scripted: Vec::new(),
            held: Vec::new(),
            story: 0,
            ending: false,
            severity: 1.0,
            ambition: 1.0,
            initiative: [0.0; 4],
            moved: vec![None; book.moves.len()],
            moved_last: Vec::new(),
        }
    }

    /// A copy of the game whose chance is drawn anew from `seed`: what may
    /// happen from here, not what will (a look-ahead must not see the
    /// game's own future draws).
    pub fn reseeded(&self, seed: u64) -> State {
        State {
            rng: ChaCha8Rng::seed_from_u64(seed),
            ..self.clone()
        }
    }
}
