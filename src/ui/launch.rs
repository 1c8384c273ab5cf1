//! What `multivector play` opens: straight into a game, or the new-game
//! screen when the state is still to be chosen. The seed is the one given,
//! else the scenario's own, else a fresh one: the same default as the
//! new-game screen offers, so that a scenario that sets a seed is one world
//! however it is started. The level of difficulty is the one given, else
//! the scenario's own, else `normal`.

use crate::content::{self, ContentError};
use crate::rules::model::NORMAL;
use crate::rules::{Book, Game, StartError};

use super::app::Launch;
use super::screens::new_game::Offered;

/// Why `play` cannot start: both are bad input (exit 2).
#[derive(Debug, thiserror::Error)]
pub enum PlayError {
    #[error(transparent)]
    Scenario(#[from] ContentError),
    #[error(transparent)]
    Start(#[from] StartError),
}

/// The launch for `play [--scenario ID|PATH] [--country ID] [--seed N]`:
/// `scenario` is a built-in id or a file's path; `fresh_seed` is used when
/// neither `seed` nor the scenario sets one. A scenario that leaves the
/// state open, played without `--country`, opens the new-game screen with
/// that very scenario (from its file, when it is one) and the seed given.
pub fn play(
    book: &Book,
    scenario: &str,
    country: Option<&str>,
    seed: Option<u64>,
    fresh_seed: u64,
) -> Result<Launch, PlayError> {
    play_at(book, scenario, country, seed, None, fresh_seed)
}

/// [`play`] at a level of difficulty (`play --difficulty LEVEL`): one of
/// the model's, or the scenario's own when `None`. An unknown level is
/// refused, naming the known ones.
pub fn play_at(
    book: &Book,
    scenario: &str,
    country: Option<&str>,
    seed: Option<u64>,
    difficulty: Option<&str>,
    fresh_seed: u64,
) -> Result<Launch, PlayError> {
    if let Some(d) = difficulty {
        crate::rules::difficulty_level(book, d)?;
    }
    let def = content::resolve_scenario(book, scenario)?;
    if country.is_none() && def.country.is_none() {
        // A built-in id is looked up first: anything else was a file.
        let file = book
            .scenario(scenario)
            .is_none()
            .then(|| scenario.to_string());
        return Ok(Launch::NewGame {
            scenario: Some(Box::new(Offered { def, file })),
            seed,
            difficulty: difficulty.map(str::to_string),
        });
    }
    let seed = seed.or(def.seed).unwrap_or(fresh_seed);
    let level = difficulty
        .or(def.difficulty.as_deref())
        .unwrap_or(NORMAL)
        .to_string();
    let game = Game::at(book, def, country, seed, &level)?;
    Ok(Launch::Play(Box::new(game)))
}
