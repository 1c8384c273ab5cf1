//! Reading the state: every accessor the screens, reports and policies
//! use. Nothing here changes it.

use super::ids::{ActionId, CorridorId, CountryId, EventId, FlagId, SituationId};
use super::record::LogEntry;
use super::scoring::Leverage;
use super::shares::Shares;
use super::state::{Decision, Outcome, PowerState, Project, Snapshot, State};
use super::types::{CorridorStatus, Domain, Holder, LadderStep, Power, Stage, Var, WorldVar};

impl State {
    pub fn country(&self) -> CountryId {
        self.country
    }
    pub fn seed(&self) -> u64 {
        self.seed
    }
    /// Turns played so far (0 at the start).
    pub fn turn(&self) -> u32 {
        self.turn
    }
    /// The length of the game in turns.
    pub fn turns(&self) -> u32 {
        self.turns
    }
    /// The quarter `turn` turns into the game, as (year, quarter 1–4).
    pub fn date_of(&self, turn: u32) -> (u32, u32) {
        let q = self.start_quarter - 1 + turn;
        (self.start_year + q / 4, q % 4 + 1)
    }
    /// The current quarter as (year, quarter 1–4).
    pub fn date(&self) -> (u32, u32) {
        self.date_of(self.turn)
    }
    /// The current quarter, e.g. "2026 Q1".
    pub fn date_label(&self) -> String {
        let (y, q) = self.date();
        format!("{y} Q{q}")
    }
    pub fn power(&self, p: Power) -> &PowerState {
        &self.powers[p.index()]
    }
    pub fn proximity(&self, p: Power) -> f64 {
        self.powers[p.index()].proximity
    }
    pub fn tolerance(&self, p: Power) -> f64 {
        self.powers[p.index()].tolerance
    }
    pub fn strain(&self, p: Power) -> f64 {
        self.powers[p.index()].strain
    }
    pub fn ladder(&self, p: Power) -> LadderStep {
        self.powers[p.index()].ladder
    }
    /// The shares of a domain (Russia, China, Turkey, EU, other); they sum to 100.
    pub fn shares(&self, d: Domain) -> Shares {
        self.shares[d.index()]
    }
    pub fn share(&self, d: Domain, h: Holder) -> u8 {
        self.shares[d.index()].get(h)
    }
    /// The structural level of a domain's shares.
    pub fn structure(&self, d: Domain) -> Shares {
        self.structure[d.index()]
    }
    pub fn world(&self, w: WorldVar) -> f64 {
        self.world[w.index()]
    }
    pub fn stability(&self) -> f64 {
        self.stability
    }
    pub fn autonomy(&self) -> f64 {
        self.autonomy
    }
    pub fn leverage(&self) -> f64 {
        self.leverage.total
    }
    /// Leverage part by part.
    pub fn leverage_parts(&self) -> Leverage {
        self.leverage
    }
    pub fn capital(&self) -> u32 {
        self.capital
    }
    pub fn capital_per_turn(&self) -> u32 {
        self.capital_per_turn
    }
    pub fn assets(&self) -> f64 {
        self.assets
    }
    pub fn has_flag(&self, f: FlagId) -> bool {
        self.flags.contains(f.index())
    }
    pub fn flags(&self) -> impl Iterator<Item = FlagId> + '_ {
        self.flags.iter().map(FlagId::from_index)
    }
    /// Whether a situation of the world is in force.
    pub fn in_force(&self, s: SituationId) -> bool {
        self.situations.contains(s.index())
    }
    pub fn situations_in_force(&self) -> impl Iterator<Item = SituationId> + '_ {
        self.situations.iter().map(SituationId::from_index)
    }
    pub fn corridor(&self, c: CorridorId) -> Option<CorridorStatus> {
        self.corridors[c.index()]
    }
    /// Every corridor with a status, by id.
    pub fn corridors(&self) -> impl Iterator<Item = (CorridorId, CorridorStatus)> + '_ {
        self.corridors
            .iter()
            .enumerate()
            .filter_map(|(i, s)| s.map(|s| (CorridorId::from_index(i), s)))
    }
    /// Every track's stage, by the track's position in the book.
    pub fn tracks(&self) -> &[Stage] {
        &self.tracks
    }
    pub fn projects(&self) -> &[Project] {
        &self.projects
    }
    /// Actions planned for this turn, in order; they take effect when the turn ends.
    pub fn planned(&self) -> &[ActionId] {
        &self.planned
    }
    /// Decisions waiting for the player, first one first.
    pub fn pending(&self) -> &[Decision] {
        &self.pending
    }
    /// Scores at the end of each turn, starting with the opening position.
    pub fn history(&self) -> &[Snapshot] {
        &self.history
    }
    /// The whole record of the game.
    pub fn log(&self) -> &[LogEntry] {
        &self.log
    }
    /// The record of one turn's story.
    pub fn log_of(&self, turn: u32) -> impl Iterator<Item = &LogEntry> {
        self.log.iter().filter(move |e| e.turn == turn)
    }
    /// The news: what happened while the last turn ended, and the answers
    /// given since. Each entry is news exactly once.
    pub fn news(&self) -> impl Iterator<Item = &LogEntry> {
        let now = self.turn;
        let last = now.checked_sub(1);
        self.log.iter().filter(move |e| {
            if e.is_answer() {
                e.turn == now
            } else if e.cause.is_planning() {
                false
            } else {
                Some(e.turn) == last
            }
        })
    }
    /// Events fired in the last turn resolved.
    pub fn fired_last(&self) -> &[EventId] {
        &self.fired_last
    }
    pub fn outcome(&self) -> Option<&Outcome> {
        self.outcome.as_ref()
    }
    pub fn is_over(&self) -> bool {
        self.outcome.is_some()
    }
    /// The turn from which an action with a cooldown can be taken again.
    pub fn cooldown_until(&self, action: ActionId) -> Option<u32> {
        Some(self.cooldowns[action.index()]).filter(|&t| t > self.turn)
    }
    pub fn was_used(&self, action: ActionId) -> bool {
        self.uses(action) > 0
    }
    /// How many times an action has been taken.
    pub fn uses(&self, action: ActionId) -> u16 {
        self.uses[action.index()]
    }

    /// Reads any number.
    pub fn get(&self, var: Var) -> f64 {
        match var {
            Var::Proximity(p) => self.powers[p.index()].proximity,
            Var::Tolerance(p) => self.powers[p.index()].tolerance,
            Var::Strain(p) => self.powers[p.index()].strain,
            Var::Share(d, h) => f64::from(self.shares[d.index()].get(h)),
            Var::World(w) => self.world[w.index()],
            Var::Stability => self.stability,
            Var::Autonomy => self.autonomy,
            Var::Leverage => self.leverage.total,
            Var::Capital => f64::from(self.capital),
            Var::CapitalPerTurn => f64::from(self.capital_per_turn),
            Var::Assets => self.assets,
            Var::Turn => f64::from(self.turn),
            Var::Track(t) => self.tracks[t.index()].number(self.track_stages[t.index()]),
            Var::Structure(d, h) => f64::from(self.structure[d.index()].get(h)),
            Var::Stake(p) => self.leverage.stakes[p.index()],
            Var::Bridge => self.leverage.bridge,
            Var::Embrace => self.leverage.embrace,
            Var::Latitude => self.leverage.latitude,
            Var::Initiative(p) => self.initiative[p.index()],
            Var::Bonus => self.leverage.bonus,
        }
    }

    /// Every number of the state with its value: what the record covers.
    pub fn numbers(&self) -> Vec<(Var, f64)> {
        let mut out = Vec::with_capacity(96);
        for p in Power::ALL {
            out.push(Var::Proximity(p));
            out.push(Var::Tolerance(p));
            out.push(Var::Strain(p));
            out.push(Var::Stake(p));
            out.push(Var::Initiative(p));
        }
        for d in Domain::ALL {
            for h in Holder::ALL {
                out.push(Var::Share(d, h));
                out.push(Var::Structure(d, h));
            }
        }
        out.extend(WorldVar::ALL.map(Var::World));
        out.extend([
            Var::Stability,
            Var::Autonomy,
            Var::Leverage,
            Var::Bridge,
            Var::Embrace,
            Var::Latitude,
            Var::Bonus,
            Var::Capital,
            Var::CapitalPerTurn,
            Var::Assets,
            Var::Turn,
        ]);
        out.into_iter().map(|v| (v, self.get(v))).collect()
    }
}
