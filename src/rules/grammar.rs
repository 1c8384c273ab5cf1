//! The grammar of content: conditions on the state and effects on it, the
//! same for every file (actions, events, powers, the world, scenarios).
//! `Cond<Raw>` and `Effect<Raw>` are what a file says; the rules read them
//! resolved (`Cond`, `Effect`).

use serde::{Deserialize, Serialize};

use super::ids::{Ids, Resolved};
use super::types::{CorridorStatus, Domain, Holder, LadderStep, Power, Var};

/// A condition on the state. A list of conditions holds when all hold.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(bound = "")]
pub enum Cond<I: Ids = Resolved> {
    /// The variable is at least the value.
    AtLeast(Var<I>, f64),
    /// The variable is at most the value.
    AtMost(Var<I>, f64),
    /// A flag (membership, standing fact, precedent) is set.
    Flag(I::Flag),
    /// A flag is not set.
    NoFlag(I::Flag),
    /// A situation of the world is in force.
    Situation(I::Situation),
    /// The player governs one of these states.
    Country(Vec<I::Country>),
    /// A corridor is in this status.
    Corridor(I::Corridor, CorridorStatus),
    /// At least `count` domains have one power over `share` percent.
    Dominated { count: u32, share: f64 },
    /// At least `count` powers stand at `step` or higher on their crisis ladder.
    Ladder { count: u32, step: LadderStep },
    /// The variable has risen by at least this much since the start of the
    /// game (Autonomy, Leverage, Stability or a Proximity).
    Gained(Var<I>, f64),
    /// The variable has risen by at least this much since the last turn
    /// ended (a score, a Proximity or a World variable): how a power sees a
    /// rival's gain.
    Rose(Var<I>, f64),
    /// Any one of the conditions holds.
    Any(Vec<Cond<I>>),
    /// The condition does not hold.
    Not(Box<Cond<I>>),
}

/// A change to the state. Numbers are deltas unless the effect says `Set`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(bound = "")]
pub enum Effect<I: Ids = Resolved> {
    /// Add to a number (clamped to its range). Adding to `Leverage` adds to
    /// its fading bonus; closeness is harder to raise the closer it is.
    Add(Var<I>, f64),
    /// Set a number (clamped to its range). Mostly for scenario overrides.
    Set(Var<I>, f64),
    /// Move share points of a domain from one holder to another.
    Shift(Domain, Holder, Holder, f64),
    /// Raise a holder's share, taken from the others in proportion to their
    /// shares (a negative amount gives the points to `other`).
    Gain(Domain, Holder, f64),
    /// As `Gain`, and the dependence binds: the structural level moves too,
    /// so structural pull does not take it back (a customs union, a loan,
    /// a base).
    Bind(Domain, Holder, f64),
    SetFlag(I::Flag),
    ClearFlag(I::Flag),
    /// Change the status of a corridor or pipeline.
    Corridor(I::Corridor, CorridorStatus),
    /// Move a track on by this many stages (negative: back; below the
    /// first stage it stalls).
    Track(I::Track, i32),
    /// Stall a track for good.
    StallTrack(I::Track),
    /// These effects land this many turns later.
    Later(u32, Vec<Effect<I>>),
    /// These effects land spread evenly over this many turns, starting the
    /// next one.
    Over(u32, Vec<Effect<I>>),
    /// Add strain to a power (irritation at the player's drift).
    Strain(Power, f64),
    /// Cancel a running project of the player's, if any.
    CancelProject(I::Action),
    /// These effects, if the conditions hold when it lands.
    When(Vec<Cond<I>>, Vec<Effect<I>>),
}
