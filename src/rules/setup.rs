//! Starting a game: the state a scenario opens on, for a country and a seed.

use thiserror::Error;

use super::book::Book;
use super::defs::ScenarioDef;
use super::ids::{CountryId, IdSet, Raw};
use super::model::{Level, NORMAL};
use super::record::Cause;
use super::resolve::ResolveError;
use super::state::State;
use super::types::{Domain, Power};

/// Errors in starting a game.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum StartError {
    #[error("unknown country `{0}` (known: {1})")]
    UnknownCountry(String, String),
    #[error("scenario `{0}` does not say which country is played: pass --country")]
    NoCountry(String),
    #[error(
        "scenario `{scenario}` is written for `{fixed}`: leave out the country, or choose `{fixed}`"
    )]
    CountryFixed { scenario: String, fixed: String },
    #[error("{0}")]
    Scenario(#[from] ResolveError),
    #[error("unknown difficulty `{0}` (known: {1})")]
    UnknownDifficulty(String, String),
}

/// A level of difficulty by id, or the refusal that names the known ones.
pub fn difficulty_level<'a>(book: &'a Book, difficulty: &str) -> Result<&'a Level, StartError> {
    book.model.level(difficulty).ok_or_else(|| {
        let ids: Vec<&str> = book
            .model
            .difficulty
            .iter()
            .map(|l| l.id.as_str())
            .collect();
        StartError::UnknownDifficulty(difficulty.to_string(), ids.join(", "))
    })
}

/// The state a game of `scenario` is played as: `country`, or the
/// scenario's own when `None`. A scenario written for one state refuses
/// another; any country of the content may be asked for (which ones the
/// menu offers is for `playable` to say).
pub fn country_for(
    book: &Book,
    scenario: &ScenarioDef<Raw>,
    country: Option<&str>,
) -> Result<CountryId, StartError> {
    let name = match (country, scenario.country.as_deref()) {
        (Some(c), Some(fixed)) if c != fixed => {
            return Err(StartError::CountryFixed {
                scenario: scenario.id.clone(),
                fixed: fixed.to_string(),
            });
        }
        (Some(c), _) | (None, Some(c)) => c,
        (None, None) => return Err(StartError::NoCountry(scenario.id.clone())),
    };
    book.country_id(name).ok_or_else(|| {
        let ids: Vec<&str> = book.countries.iter().map(|c| c.id.as_str()).collect();
        StartError::UnknownCountry(name.to_string(), ids.join(", "))
    })
}

/// Starts a game of a scenario (as written) for `country` (the scenario's
/// own when `None`) with `seed`. The scenario is resolved and checked
/// first, wherever it came from.
pub fn new_game(
    book: &Book,
    scenario: &ScenarioDef<Raw>,
    country: Option<&str>,
    seed: u64,
) -> Result<State, StartError> {
    new_game_at(book, scenario, country, seed, NORMAL)
}

/// [`new_game`] at a level of difficulty (one of the model's).
pub fn new_game_at(
    book: &Book,
    scenario: &ScenarioDef<Raw>,
    country: Option<&str>,
    seed: u64,
    difficulty: &str,
) -> Result<State, StartError> {
    Ok(Opening::new(book, scenario, country, difficulty)?.state(book, seed))
}

/// A scenario resolved and checked for a country and a level of
/// difficulty: the opening of any number of games, one seed each.
#[derive(Debug, Clone)]
pub struct Opening {
    scenario: ScenarioDef,
    country: CountryId,
    level: Level,
}

impl Opening {
    /// Checks the level, the country and the scenario (as written), as
    /// [`new_game_at`] does.
    pub fn new(
        book: &Book,
        scenario: &ScenarioDef<Raw>,
        country: Option<&str>,
        difficulty: &str,
    ) -> Result<Opening, StartError> {
        let level = difficulty_level(book, difficulty)?;
        let country = country_for(book, scenario, country)?;
        let scenario = book.resolve_scenario(scenario)?;
        Ok(Opening {
            scenario,
            country,
            level: level.clone(),
        })
    }

    /// The opening state of a game with this seed.
    pub fn state(&self, book: &Book, seed: u64) -> State {
        start(book, &self.scenario, self.country, seed, &self.level)
    }
}

/// The opening state of a resolved scenario.
pub(super) fn start(
    book: &Book,
    scenario: &ScenarioDef,
    country: CountryId,
    seed: u64,
    level: &Level,
) -> State {
    let def = book.country(country);
    let mut s = State::blank(book, country, seed);
    s.severity = level.severity;
    let d = &book.model.defaults;
    s.turns = scenario.turns.unwrap_or(d.turns);
    let e = &book.model.endings;
    let length = (f64::from(s.turns) / f64::from(e.full_turns.max(1))).min(1.0);
    s.ambition = level.ambition * scenario.ambition.unwrap_or(1.0) * length.powf(e.pace);
    s.start_year = scenario.start_year.unwrap_or(d.start_year);
    s.start_quarter = scenario.start_quarter.unwrap_or(d.start_quarter);
    for (w, v) in &book.world.start {
        s.world[w.index()] = *v;
    }
    for p in Power::ALL {
        let ps = &mut s.powers[p.index()];
        ps.proximity = def.proximity.get(p);
        ps.tolerance = (def.tolerance.get(p) + level.tolerance).clamp(0.0, 100.0);
    }
    for d in Domain::ALL {
        s.shares[d.index()] = def.dependence.get(d);
        s.structure[d.index()] = def.dependence.get(d);
    }
    s.stability = def.stability;
    let income = i64::from(def.capital_per_turn) + i64::from(level.income);
    s.capital_per_turn = u32::try_from(income.max(1)).unwrap_or(1);
    s.capital = s.capital_per_turn;
    s.assets = def.assets;
    for f in &def.flags {
        s.flags.insert(f.index());
    }
    for (c, status) in &def.corridors {
        s.corridors[c.index()] = Some(*status);
    }
    s.deck = scenario.deck.as_ref().map(|d| {
        let mut set = IdSet::default();
        for e in d {
            set.insert(e.index());
        }
        set
    });
    s.scripted = scenario.scripted.clone();
    s.compute_scores(book);
    s.apply_all(book, &def.start, Cause::Scenario);
    s.apply_all(book, &scenario.overrides, Cause::Scenario);
    for &(var, value) in &scenario.hold {
        s.set(book, var, value, Cause::Scenario);
    }
    s.held = scenario.hold.clone();
    // The record starts from the opening position.
    s.log.clear();
    s.history.push(s.snapshot());
    s
}
