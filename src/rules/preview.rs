//! Previews: every change a command will cause, with the turn it lands,
//! computed by the code that applies it. A preview runs the command on a
//! scratch copy of the state, then lets what the command set in motion (its
//! project, its delayed effects) land turn by turn, alone; the rest of the
//! world (drift, the powers, events) is left out, so later landings are
//! estimates on today's numbers.

use super::book::Book;
use super::command::{Command, Illegal, apply, check};
use super::ids::ActionId;
use super::record::{Entry, LogEntry};
use super::resolve::MAX_TURNS;
use super::state::State;
use super::turn::reactions::irritation;
use super::types::{Domain, Power, Var};

/// A net change smaller than this is none (rounding of sums).
const NEGLIGIBLE: f64 = 1e-9;

/// What a command will do.
#[derive(Debug, Clone, PartialEq)]
pub struct Preview {
    /// Every change and note, in the order it lands; each entry's `turn` is
    /// the turn whose end it lands at (for what a command does at once, the
    /// turn being played).
    pub record: Vec<LogEntry>,
    /// The net change of each score over every landing.
    pub autonomy: f64,
    pub leverage: f64,
    pub stability: f64,
    /// The net change of closeness per power.
    pub proximity: [f64; 4],
    /// Each power's strain as the end of this turn will weigh it (before it
    /// fades), against its tolerance.
    pub strain: [f64; 4],
}

impl Preview {
    /// The powers this would likely push past their tolerance.
    pub fn provokes(&self, state: &State) -> Vec<Power> {
        Power::ALL
            .into_iter()
            .filter(|p| self.strain[p.index()] > state.tolerance(*p))
            .collect()
    }

    /// Every number the command moves, with its net change, in the order
    /// each first moves; leverage's parts and the turn counter left out.
    pub fn changes(&self) -> Vec<(Var, f64)> {
        let mut out: Vec<(Var, f64)> = Vec::new();
        for e in &self.record {
            let Entry::Change { var, before, after } = e.entry else {
                continue;
            };
            if matches!(
                var,
                Var::Stake(_) | Var::Bridge | Var::Embrace | Var::Bonus | Var::Turn
            ) {
                continue;
            }
            match out.iter_mut().find(|(v, _)| *v == var) {
                Some((_, d)) => *d += after - before,
                None => out.push((var, after - before)),
            }
        }
        out.retain(|(_, d)| d.abs() > NEGLIGIBLE);
        out
    }
}

impl State {
    /// A copy for trying a command out (see [`State::scratch_into`]).
    fn scratch(&self, book: &Book) -> State {
        let mut s = State::blank(book, self.country, self.seed);
        self.scratch_into(&mut s);
        s
    }

    /// Makes `s` a copy for trying a command out, in the room `s` already
    /// has: the record, the history after the opening position, the
    /// projects and what is waiting to land are left behind, so that only
    /// the command's own consequences unfold.
    fn scratch_into(&self, s: &mut State) {
        let State {
            rng,
            powers,
            flags,
            situations,
            corridors,
            tracks,
            track_stages,
            projects,
            delayed,
            planned,
            cooldowns,
            uses,
            fired,
            fired_last,
            pending,
            history,
            log,
            deck,
            scripted,
            held,
            country,
            seed,
            turn,
            turns,
            start_year,
            start_quarter,
            shares,
            structure,
            world,
            stability,
            capital,
            capital_per_turn,
            assets,
            autonomy,
            domains,
            leverage,
            outcome,
            story,
            ending,
            severity,
            ambition,
            initiative,
            moved,
            moved_last,
        } = s;
        rng.clone_from(&self.rng);
        powers.clone_from(&self.powers);
        flags.clone_from(&self.flags);
        situations.clone_from(&self.situations);
        corridors.clone_from(&self.corridors);
        tracks.clone_from(&self.tracks);
        track_stages.clone_from(&self.track_stages);
        projects.clear();
        delayed.clear();
        planned.clone_from(&self.planned);
        cooldowns.clone_from(&self.cooldowns);
        uses.clone_from(&self.uses);
        // Previews draw no events.
        fired.clear();
        fired_last.clear();
        pending.clone_from(&self.pending);
        history.clear();
        history.extend(self.history.first().cloned());
        log.clear();
        log.reserve(64);
        *deck = None;
        scripted.clear();
        held.clone_from(&self.held);
        *country = self.country;
        *seed = self.seed;
        *turn = self.turn;
        *turns = self.turns;
        *start_year = self.start_year;
        *start_quarter = self.start_quarter;
        *shares = self.shares;
        *structure = self.structure;
        *world = self.world;
        *stability = self.stability;
        *capital = self.capital;
        *capital_per_turn = self.capital_per_turn;
        *assets = self.assets;
        *autonomy = self.autonomy;
        *domains = self.domains;
        *leverage = self.leverage;
        *outcome = self.outcome;
        *story = self.story;
        *ending = false;
        *severity = self.severity;
        *ambition = self.ambition;
        *initiative = self.initiative;
        moved.clear();
        moved_last.clear();
    }
}

/// Room for previewing many commands on a state one after another: each
/// preview runs on the same scratch copy, made anew for it.
#[derive(Default)]
pub struct Bench {
    scratch: Option<State>,
}

impl Bench {
    /// The scratch copy of `state`, in the room of the last one.
    fn scratch(&mut self, state: &State, book: &Book) -> &mut State {
        match &mut self.scratch {
            Some(s) => {
                state.scratch_into(s);
                s
            }
            none => none.insert(state.scratch(book)),
        }
    }

    /// What a command will do, or why it cannot be done (see [`preview`]).
    pub fn preview(
        &mut self,
        state: &State,
        book: &Book,
        command: &Command,
    ) -> Result<Preview, Illegal> {
        check(state, book, command)?;
        if let Command::Plan(id) = *command {
            return Ok(self.action(state, book, id));
        }
        let s = self.scratch(state, book);
        let before = Power::ALL.map(|p| state.proximity(p));
        if !matches!(command, Command::EndTurn) {
            apply(s, book, command)?;
        }
        let strain = strain_at_turn_end(s, book, before);
        let from = s.turn;
        unfold(s, book, from);
        Ok(summarise(state, s, strain))
    }

    /// What an action will do (see [`preview_action`]).
    pub fn action(&mut self, state: &State, book: &Book, id: ActionId) -> Preview {
        let s = self.scratch(state, book);
        if check(state, book, &Command::Plan(id)).is_ok() {
            let _ = apply(s, book, &Command::Plan(id));
            s.planned.clear();
        }
        s.story = s.turn;
        s.ending = true;
        s.take_action(book, id);
        s.advance_projects(book);
        s.land_delayed(book);
        let strain = strain_at_turn_end(s, book, Power::ALL.map(|p| state.proximity(p)));
        unfold(s, book, state.turn + 1);
        summarise(state, s, strain)
    }
}

/// What a command will do, or why it cannot be done. Ending the turn
/// previews nothing of its own (an empty record).
pub fn preview(state: &State, book: &Book, command: &Command) -> Result<Preview, Illegal> {
    Bench::default().preview(state, book, command)
}

/// What an action will do: what planning it costs now (when it can be
/// planned), then what lands at the end of this turn, taken as the turn's
/// end takes it (by the same steps), then its project and delayed effects.
/// An action that cannot be planned now is previewed all the same, for the
/// screens to say what it would do.
pub fn preview_action(state: &State, book: &Book, id: ActionId) -> Preview {
    Bench::default().action(state, book, id)
}

/// Lets the command's project and delayed effects land, turn end by turn
/// end, from `from` on.
fn unfold(s: &mut State, book: &Book, from: u32) {
    let mut story = from;
    while !(s.projects.is_empty() && s.delayed.is_empty()) && story <= from + MAX_TURNS * 2 {
        s.story = story;
        s.ending = true;
        s.advance_projects(book);
        s.land_delayed(book);
        story += 1;
    }
}

/// Each power's strain as the end of the turn will weigh it: what it holds
/// now plus the irritation of the gains of closeness since `before`.
fn strain_at_turn_end(s: &State, book: &Book, before: [f64; 4]) -> [f64; 4] {
    let gains = Power::ALL.map(|p| (s.proximity(p) - before[p.index()]).max(0.0));
    Power::ALL.map(|p| s.strain(p) + irritation(book, p, gains))
}

/// What the scratch copy `s` says against `state` (a copy of its record:
/// `s` keeps its room for the next preview).
fn summarise(state: &State, s: &State, strain: [f64; 4]) -> Preview {
    Preview {
        autonomy: s.autonomy - state.autonomy,
        leverage: s.leverage.total - state.leverage.total,
        stability: s.stability - state.stability,
        proximity: Power::ALL.map(|p| s.proximity(p) - state.proximity(p)),
        strain,
        record: s.log.clone(),
    }
}

/// The share points of each domain held by a power, for policies.
pub fn power_shares(state: &State, p: Power) -> u32 {
    Domain::ALL
        .iter()
        .map(|d| u32::from(state.share(*d, p.holder())))
        .sum()
}

/// What the player gains if a power on its ladder backs down before them,
/// as the turn's end would carry it out.
pub fn preview_yield(state: &State, book: &Book, p: Power) -> Preview {
    let mut s = state.scratch(book);
    s.story = s.turn;
    s.ending = true;
    s.power_backs_down(book, p);
    summarise(state, &s, Power::ALL.map(|q| state.strain(q)))
}

/// What the next step of a power's crisis ladder would do, as the turn's
/// end would carry it out.
pub fn preview_climb(
    state: &State,
    book: &Book,
    p: Power,
    step: super::types::LadderStep,
) -> Preview {
    let mut s = state.scratch(book);
    s.story = s.turn;
    s.ending = true;
    s.climb(book, p, step);
    summarise(state, &s, Power::ALL.map(|q| state.strain(q)))
}

/// What answering the pending decision with choice `i` would do, whether or
/// not the choice is open now (for the screens to say what a locked one
/// would do); `None` when there is no such choice.
pub fn preview_answer(state: &State, book: &Book, i: usize) -> Option<Preview> {
    let n = super::command::choices_of(book, *state.pending().first()?).map_or(2, <[_]>::len);
    if i >= n {
        return None;
    }
    let mut s = state.scratch(book);
    s.story = s.turn;
    s.choose(book, i);
    let strain = strain_at_turn_end(&s, book, Power::ALL.map(|p| state.proximity(p)));
    let from = s.turn;
    unfold(&mut s, book, from);
    Some(summarise(state, &s, strain))
}

/// The choices of the pending decision, previewed (`None` for a locked one).
pub fn preview_choices(state: &State, book: &Book) -> Vec<Option<Preview>> {
    let n = match state.pending().first() {
        Some(d) => super::command::choices_of(book, *d).map_or(2, <[_]>::len),
        None => 0,
    };
    (0..n)
        .map(|i| preview(state, book, &Command::Choose(i)).ok())
        .collect()
}
