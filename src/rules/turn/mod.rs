//! The resolution of a turn, one step per file, in the order they happen:
//! the player's actions land and projects advance (`actions`), the powers
//! react (`reactions`), the world drifts (`world`), events are drawn
//! (`events`), and the turn closes with income, fading and the scores
//! (`close`). A pure function of the state, the book and the state's own
//! seeded generator.

mod actions;
mod close;
mod events;
pub mod moves;
pub mod reactions;
mod world;

use rand::RngCore;

use super::book::Book;
use super::record::Cause;
use super::state::State;
use super::types::{Power, Var};

/// A number from 0 (inclusive) to 1 (exclusive) from the state's generator,
/// built from raw bits so that it does not depend on any library's sampling.
pub(super) fn unit(rng: &mut impl RngCore) -> f64 {
    (rng.next_u64() >> 11) as f64 / (1u64 << 53) as f64
}

impl State {
    /// Ends the turn being played. Everything recorded belongs to its story.
    pub(super) fn end_turn(&mut self, book: &Book) {
        let ended = self.turn;
        self.story = ended;
        self.ending = true;
        let before = Power::ALL.map(|p| self.proximity(p));
        self.fired_last.clear();
        // 1–2. The planned actions take effect; projects advance; what was
        // delayed lands.
        self.take_actions(book);
        self.advance_projects(book);
        self.land_delayed(book);
        // 3. The powers react, then move.
        self.react(book, before);
        self.powers_move(book);
        // 4. The world drifts; shares are pulled back; situations switch.
        self.drift(book);
        self.structural_pull(book);
        self.situations(book);
        // 5. The calendar moves on; events are drawn, unless the game is
        // at its end.
        self.turn = ended + 1;
        let src = Cause::Calendar.into();
        self.record(src, Var::Turn, f64::from(ended), f64::from(self.turn));
        if self.turn < self.turns {
            self.draw_events(book);
        }
        // 6. Income, fading, scores.
        self.close(book);
        self.ending = false;
        self.check_ending(book);
    }
}
