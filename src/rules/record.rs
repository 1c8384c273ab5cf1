//! The record: every change of every number goes through [`State::set`],
//! which writes it, records it with its cause, turn and before/after values,
//! and recomputes what depends on it (autonomy from the shares; leverage,
//! part by part, from closeness, coupling, assets and its bonus), recording
//! those under the same cause. Log entries are never changed afterwards.

use serde::Serialize;

use super::book::Book;
use super::ids::{
    ActionId, CorridorId, DriftId, EndingId, EventId, FlagId, MoveId, SituationId, TrackId,
};
use super::scoring;
use super::shares::Shares;
use super::state::State;
use super::types::{CorridorStatus, Domain, Holder, LadderStep, Power, Stage, Var, WorldVar};

/// Where a change came from, so the player can read why a number moved.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub enum Cause {
    /// Planning an action spends its capital at once.
    Plan(ActionId),
    /// Taking a planned action back refunds it.
    Unplan(ActionId),
    /// An action the player took, landing at the end of the turn.
    Action(ActionId),
    /// A multi-turn project of the player's advancing or completing.
    Project(ActionId),
    /// A power's step on its crisis ladder.
    Reaction(Power, LadderStep),
    /// The player backed down before a power.
    BackDown(Power),
    /// A power backed down before the player.
    Yield(Power),
    /// The player held firm on a power's crisis ladder.
    Hold(Power),
    /// A power's irritation at its rivals' gains with the player.
    Rivals(Power),
    /// Strain fading at the end of a turn.
    StrainFade,
    /// A power's move (pressure, a counter, or the offer itself).
    Move(Power, MoveId),
    /// The player's answer to a power's offer (its choice, by position).
    Answer(MoveId, u8),
    /// An event from the deck.
    Event(EventId),
    /// The player's answer to an event (its choice, by position).
    Choice(EventId, u8),
    /// A world-drift rule.
    Drift(DriftId),
    /// Structural pull: shares drawn back toward their structural level.
    StructuralPull,
    /// A standing situation.
    Situation(SituationId),
    /// A multi-stage track concluding or stalling.
    Track(TrackId),
    /// The scenario's starting overrides.
    Scenario,
    /// The turn's income of diplomatic capital.
    Income,
    /// Capital carried over beyond the carry limit, lost.
    CarryCap,
    /// Leverage's bonus fading.
    BonusFade,
    /// The calendar: a turn ends.
    Calendar,
    /// The game reaching its end.
    End,
}

impl Cause {
    /// Whether this is the player's answer to a decision (an event's
    /// choice, backing down or holding firm), given during a turn rather
    /// than while one ended.
    pub fn is_answer(&self) -> bool {
        matches!(
            self,
            Cause::Choice(..) | Cause::Answer(..) | Cause::BackDown(_) | Cause::Hold(_)
        )
    }

    /// A blow of the world at the player: what events, reactions and
    /// situations do (their losses are scaled by the difficulty).
    pub fn is_blow(&self) -> bool {
        matches!(
            self,
            Cause::Event(_) | Cause::Reaction(..) | Cause::Situation(_) | Cause::Move(..)
        )
    }

    /// Planning or taking back an action during a turn (its capital).
    pub fn is_planning(&self) -> bool {
        matches!(self, Cause::Plan(_) | Cause::Unplan(_))
    }

    /// A cause that moves numbers a little every turn, whatever the player
    /// does: world drift, structural pull, the turn's bookkeeping, rivals'
    /// slow irritation.
    pub fn is_trend(&self) -> bool {
        matches!(
            self,
            Cause::Drift(_)
                | Cause::StructuralPull
                | Cause::Rivals(_)
                | Cause::StrainFade
                | Cause::Income
                | Cause::CarryCap
                | Cause::BonusFade
                | Cause::Calendar
        )
    }

    /// Whether changes of shares from this cause move their structural
    /// level too, so that they last (projects do; visits and events fade
    /// back under structural pull).
    pub fn is_structural(&self) -> bool {
        matches!(self, Cause::Project(_) | Cause::Scenario)
    }
}

/// Something that happened that is not a number.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum Note {
    /// An action was taken.
    Action(ActionId),
    ProjectDone(ActionId),
    ProjectCancelled(ActionId),
    /// A power stepped onto a rung of its ladder.
    Ladder(Power, LadderStep),
    LetsDrop(Power),
    Yields(Power),
    BackDown(Power),
    Hold(Power),
    Event(EventId),
    Choice(EventId, u8),
    /// A power made a move.
    Move(Power, MoveId),
    /// The player answered a power's offer.
    Answer(MoveId, u8),
    /// A flag set (true) or cleared.
    Flag(FlagId, bool),
    Corridor(CorridorId, CorridorStatus),
    Stage(TrackId, Stage),
    /// A situation began (true) or ended.
    Situation(SituationId, bool),
    Collapse,
    /// Capital lost over the carry limit.
    CarryCapped(u32),
    Outcome(EndingId),
}

#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub enum Entry {
    /// A number moved.
    Change { var: Var, before: f64, after: f64 },
    /// Something happened that is not a number.
    Note(Note),
}

/// One line of the game's record. `turn` is the turn whose story it belongs
/// to: what happened while that turn ended (events drawn included), and what
/// the player did during it (plans, answers).
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct LogEntry {
    pub turn: u32,
    pub cause: Cause,
    /// Whether the change is a delayed consequence of its cause landing.
    pub later: bool,
    pub entry: Entry,
}

/// A change of a domain's shares.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) enum ShareOp {
    /// Move up to this many points from one holder to another.
    Shift(Holder, Holder, f64),
    /// Raise (or lower) a holder's share, from (or to) the others.
    Gain(Holder, f64),
    /// Set a holder's share.
    Set(Holder, f64),
}

impl ShareOp {
    fn apply(self, s: Shares) -> Shares {
        match self {
            ShareOp::Shift(from, to, x) => s.shift(from, to, x),
            ShareOp::Gain(h, x) => s.gain(h, x),
            ShareOp::Set(h, x) => s.set(h, x),
        }
    }
}

impl LogEntry {
    /// Whether this records the player's answer to a decision, given
    /// during a turn (what an answer sets off later lands as a turn ends).
    pub fn is_answer(&self) -> bool {
        self.cause.is_answer() && !self.later
    }
}

/// A cause, and whether what it causes lands later.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Src {
    pub cause: Cause,
    pub later: bool,
}

impl From<Cause> for Src {
    fn from(cause: Cause) -> Src {
        Src {
            cause,
            later: false,
        }
    }
}

impl State {
    pub(super) fn note(&mut self, src: impl Into<Src>, note: Note) {
        let src = src.into();
        self.log.push(LogEntry {
            turn: self.story,
            cause: src.cause,
            later: src.later,
            entry: Entry::Note(note),
        });
    }

    pub(super) fn record(&mut self, src: Src, var: Var, before: f64, after: f64) {
        if before.to_bits() != after.to_bits() {
            self.log.push(LogEntry {
                turn: self.story,
                cause: src.cause,
                later: src.later,
                entry: Entry::Change { var, before, after },
            });
        }
    }

    /// The range a number is kept in.
    fn clamp(&self, book: &Book, var: Var, v: f64) -> f64 {
        let m = &book.model;
        match var {
            Var::Capital | Var::CapitalPerTurn => v.round().clamp(0.0, f64::from(m.capital.max)),
            Var::Bonus => v.clamp(-m.leverage.bonus_limit, m.leverage.bonus_limit),
            _ => v.clamp(0.0, 100.0),
        }
    }

    /// Writes a number (clamped to its range) and records the change, with
    /// everything it moves in turn. Numbers a scenario holds do not move;
    /// read-only numbers are moved only through what they are computed from.
    pub(super) fn set(&mut self, book: &Book, var: Var, value: f64, src: impl Into<Src>) {
        let src = src.into();
        if self.held.iter().any(|(v, _)| *v == var) {
            return;
        }
        match var {
            Var::Share(d, h) => return self.move_shares(book, d, ShareOp::Set(h, value), src),
            Var::Leverage => {
                let by = value - self.leverage.total;
                return self.set(book, Var::Bonus, self.leverage.bonus + by, src);
            }
            _ => {}
        }
        let before = self.get(var);
        let v = self.clamp(book, var, value);
        if before.to_bits() == v.to_bits() {
            return;
        }
        match var {
            Var::Proximity(p) => self.powers[p.index()].proximity = v,
            Var::Tolerance(p) => self.powers[p.index()].tolerance = v,
            Var::Strain(p) => self.powers[p.index()].strain = v,
            Var::World(w) => self.world[w.index()] = v,
            Var::Stability => self.stability = v,
            Var::Capital => self.capital = v as u32,
            Var::CapitalPerTurn => self.capital_per_turn = v as u32,
            Var::Assets => self.assets = v,
            Var::Bonus => self.leverage.bonus = v,
            Var::Share(..)
            | Var::Leverage
            | Var::Autonomy
            | Var::Turn
            | Var::Track(_)
            | Var::Structure(..)
            | Var::Stake(_)
            | Var::Bridge
            | Var::Embrace
            | Var::Latitude
            | Var::Initiative(_) => return,
        }
        self.record(src, var, before, v);
        match var {
            Var::Stability if v <= 0.0 && self.flags.insert(book.collapse_flag().index()) => {
                self.note(src, Note::Collapse);
            }
            Var::Proximity(_) => {
                self.refresh_autonomy(book, src);
                self.refresh_leverage(book, src);
            }
            Var::World(WorldVar::TurkeyEuCoupling | WorldVar::TurkeyOverextension)
            | Var::Assets
            | Var::Bonus => self.refresh_leverage(book, src),
            _ => {}
        }
    }

    /// Moves a domain's shares, recording each holder's change and the
    /// autonomy that follows; the structural level moves the same way when
    /// the cause is structural.
    pub(super) fn move_shares(&mut self, book: &Book, d: Domain, op: ShareOp, src: Src) {
        let before = self.shares[d.index()];
        let op = match op {
            ShareOp::Set(h, v) => {
                ShareOp::Gain(h, v.round().clamp(0.0, 100.0) - f64::from(before.get(h)))
            }
            op => op,
        };
        if src.cause.is_structural() {
            self.move_structure(d, op, src);
        }
        let row = op.apply(before);
        if row == before {
            return;
        }
        self.shares[d.index()] = row;
        self.domains[d.index()] = scoring::domain_autonomy(&book.model, row);
        for h in Holder::ALL {
            let (b, a) = (before.get(h), row.get(h));
            self.record(src, Var::Share(d, h), f64::from(b), f64::from(a));
        }
        self.refresh_autonomy(book, src);
    }

    /// Recomputes autonomy from the shares and the closeness of the powers
    /// (a vector closing costs it), recording the change.
    fn refresh_autonomy(&mut self, book: &Book, src: Src) {
        let proximity = Power::ALL.map(|p| self.powers[p.index()].proximity);
        let start = self.history.first().map_or(proximity, |s| s.proximity);
        let before = self.autonomy;
        self.autonomy = scoring::autonomy_of(&book.model, &self.domains, proximity, start);
        self.record(src, Var::Autonomy, before, self.autonomy);
    }

    /// A share change that binds: the shares and their structural level
    /// move alike, whatever the cause.
    pub(super) fn bind_shares(&mut self, book: &Book, d: Domain, h: Holder, by: f64, src: Src) {
        let op = ShareOp::Gain(h, by);
        if !src.cause.is_structural() {
            self.move_structure(d, op, src);
        }
        self.move_shares(book, d, op, src);
    }

    fn move_structure(&mut self, d: Domain, op: ShareOp, src: Src) {
        let s = op.apply(self.structure[d.index()]);
        self.set_structure(d, s, src);
    }

    fn set_structure(&mut self, d: Domain, row: Shares, src: Src) {
        let before = self.structure[d.index()];
        self.structure[d.index()] = row;
        for h in Holder::ALL {
            let (b, a) = (before.get(h), row.get(h));
            self.record(src, Var::Structure(d, h), f64::from(b), f64::from(a));
        }
    }

    /// Recomputes leverage from its parts, recording each part that moved
    /// and the total.
    fn refresh_leverage(&mut self, book: &Book, src: Src) {
        let proximity = Power::ALL.map(|p| self.powers[p.index()].proximity);
        let parts = scoring::leverage_parts(
            &book.model,
            proximity,
            &self.world,
            self.assets,
            self.leverage.bonus,
        );
        let old = self.leverage;
        self.leverage = parts;
        for p in Power::ALL {
            let i = p.index();
            self.record(src, Var::Stake(p), old.stakes[i], parts.stakes[i]);
        }
        self.record(src, Var::Bridge, old.bridge, parts.bridge);
        self.record(src, Var::Embrace, old.embrace, parts.embrace);
        self.record(src, Var::Latitude, old.latitude, parts.latitude);
        self.record(src, Var::Leverage, old.total, parts.total);
    }

    /// Sets the scores from scratch, unrecorded: for a state being set up.
    pub(super) fn compute_scores(&mut self, book: &Book) {
        let proximity = Power::ALL.map(|p| self.powers[p.index()].proximity);
        let start = self.history.first().map_or(proximity, |s| s.proximity);
        self.domains = scoring::domains_autonomy(&book.model, &self.shares);
        self.autonomy = scoring::autonomy_of(&book.model, &self.domains, proximity, start);
        self.leverage = scoring::leverage_parts(
            &book.model,
            proximity,
            &self.world,
            self.assets,
            self.leverage.bonus,
        );
    }
}
