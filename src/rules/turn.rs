//! Commands and the resolution of a turn: a pure function of the state, the
//! player's command and the state's own seeded generator.

use rand::RngCore;
use serde::{Deserialize, Serialize};
use thiserror::Error;

use super::book::Book;
use super::defs::{ActionDef, ScenarioDef};
use super::scoring;
use super::state::{Cause, Decision, Outcome, Project, Snapshot, State};
use super::types::{Domain, LadderStep, Power, Var};

/// What the player can do.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Command {
    /// Plan an action for this turn (it takes effect when the turn ends).
    Plan(String),
    /// Take back the last action planned this turn.
    Undo,
    /// End the turn: projects, reactions, drift, events, scores.
    EndTurn,
    /// Answer the first pending decision with the choice of this index.
    Choose(usize),
}

/// Why a command cannot be carried out now.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum Illegal {
    #[error("the game is over")]
    GameOver,
    #[error("a decision is waiting: answer it first")]
    DecisionPending,
    #[error("no decision is waiting")]
    NoDecision,
    #[error("no such choice: {0}")]
    NoSuchChoice(usize),
    #[error("that choice's conditions are not met")]
    ChoiceUnavailable,
    #[error("unknown action: {0}")]
    UnknownAction(String),
    #[error("not enough diplomatic capital: needs {need}, {have} left")]
    NotEnoughCapital { need: String, have: String },
    #[error("already planned this turn")]
    AlreadyPlanned,
    #[error("not available until turn {0}")]
    Cooldown(u32),
    #[error("can be done only once, and it has been")]
    AlreadyUsed,
    #[error("this project is already under way")]
    ProjectRunning,
    /// The first unmet condition, described.
    #[error("requires {0}")]
    Requirements(String),
    #[error("nothing to undo")]
    NothingToUndo,
}

/// Errors in starting a game.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum StartError {
    #[error("unknown country `{0}` (playable: {1})")]
    UnknownCountry(String, String),
    #[error("scenario `{0}` does not say which country is played: pass --country")]
    NoCountry(String),
    #[error(
        "scenario `{scenario}` is written for `{fixed}`: leave out the country, or choose `{fixed}`"
    )]
    CountryFixed { scenario: String, fixed: String },
}

/// The state a game of `scenario` is played as: `country`, or the
/// scenario's own when `None`; a scenario written for one state refuses
/// another.
pub fn country_for<'a>(
    scenario: &'a ScenarioDef,
    country: Option<&'a str>,
) -> Result<&'a str, StartError> {
    match (country, scenario.country.as_deref()) {
        (Some(c), Some(fixed)) if c != fixed => Err(StartError::CountryFixed {
            scenario: scenario.id.clone(),
            fixed: fixed.to_string(),
        }),
        (Some(c), _) | (None, Some(c)) => Ok(c),
        (None, None) => Err(StartError::NoCountry(scenario.id.clone())),
    }
}

/// Starts a game of `scenario` for `country` (the scenario's own country
/// when `None`) with `seed`.
pub fn new_game(
    book: &Book,
    scenario: &ScenarioDef,
    country: Option<&str>,
    seed: u64,
) -> Result<State, StartError> {
    let country_id = country_for(scenario, country)?.to_string();
    let Some(def) = book
        .country(&country_id)
        .filter(|c| c.playable || country.is_some())
    else {
        let ids: Vec<&str> = book.playable().map(|c| c.id.as_str()).collect();
        return Err(StartError::UnknownCountry(country_id, ids.join(", ")));
    };
    let mut s = State::blank(&scenario.id, &def.id, seed);
    s.turns = scenario.turns.max(1);
    s.start_year = scenario.start_year;
    s.start_quarter = scenario.start_quarter.clamp(1, 4);
    for (w, v) in &book.world.start {
        s.world[w.index()] = *v;
    }
    for p in Power::ALL {
        let ps = &mut s.powers[p.index()];
        ps.proximity = def.proximity.get(p);
        ps.tolerance = def.tolerance.get(p);
    }
    for d in Domain::ALL {
        s.shares[d.index()] = def.dependence.get(d);
        s.structure[d.index()] = def.dependence.get(d);
    }
    s.stability = def.stability;
    s.capital_per_turn = def.capital_per_turn;
    s.capital = def.capital_per_turn;
    s.assets = def.assets;
    s.flags = def.flags.iter().cloned().collect();
    s.corridors = def.corridors.clone();
    for t in &book.world.tracks {
        s.tracks.insert(t.id.clone(), 0);
    }
    s.deck = scenario.deck.clone();
    s.scripted = scenario.scripted.clone();
    let start = def.start.clone();
    s.apply_all(book, &start, &Cause::Scenario);
    s.apply_all(book, &scenario.overrides, &Cause::Scenario);
    s.log.clear();
    s.refresh_scores();
    s.history.push(s.snapshot());
    Ok(s)
}

/// Carries out a command. On success the state has moved on and the log has
/// grown; on error nothing has changed.
pub fn apply(state: &mut State, book: &Book, command: &Command) -> Result<(), Illegal> {
    if state.outcome.is_some() {
        return Err(Illegal::GameOver);
    }
    match command {
        Command::Plan(id) => {
            let action = check_action(state, book, id)?;
            state.capital -= action.cost;
            state.planned.push(id.clone());
            Ok(())
        }
        Command::Undo => {
            if !state.pending.is_empty() {
                return Err(Illegal::DecisionPending);
            }
            let id = state.planned.pop().ok_or(Illegal::NothingToUndo)?;
            if let Some(a) = book.action(&id) {
                state.capital += a.cost;
            }
            Ok(())
        }
        Command::EndTurn => {
            if !state.pending.is_empty() {
                return Err(Illegal::DecisionPending);
            }
            state.end_turn(book);
            Ok(())
        }
        Command::Choose(i) => state.choose(book, *i),
    }
}

/// Checks whether an action can be planned now, and why not.
pub fn check_action<'b>(state: &State, book: &'b Book, id: &str) -> Result<&'b ActionDef, Illegal> {
    if state.outcome.is_some() {
        return Err(Illegal::GameOver);
    }
    if !state.pending.is_empty() {
        return Err(Illegal::DecisionPending);
    }
    let a = book
        .action(id)
        .ok_or_else(|| Illegal::UnknownAction(id.to_string()))?;
    if state.planned.iter().any(|p| p == id) {
        return Err(Illegal::AlreadyPlanned);
    }
    if a.once && state.used.contains(id) {
        return Err(Illegal::AlreadyUsed);
    }
    if let Some(t) = state.cooldown_until(id) {
        return Err(Illegal::Cooldown(t));
    }
    if a.duration > 0 && state.projects.iter().any(|p| p.action == id) {
        return Err(Illegal::ProjectRunning);
    }
    if let Some(c) = a.requires.iter().find(|c| !state.holds(c)) {
        return Err(Illegal::Requirements(book.describe(c)));
    }
    if a.cost > state.capital + 1e-9 {
        return Err(Illegal::NotEnoughCapital {
            need: format!("{}", a.cost),
            have: format!("{}", state.capital),
        });
    }
    Ok(a)
}

/// The choices open in the first pending decision, as (label, available).
pub fn decision_choices(state: &State, book: &Book) -> Vec<(String, bool)> {
    match state.pending.first() {
        Some(Decision::Event(id)) => book
            .event(id)
            .map(|e| {
                e.choices
                    .iter()
                    .map(|c| (c.label.clone(), state.holds_all(&c.requires)))
                    .collect()
            })
            .unwrap_or_default(),
        Some(Decision::Ladder(p, _)) => vec![
            (format!("Back down before {}", p.name()), true),
            ("Hold firm".to_string(), true),
        ],
        None => Vec::new(),
    }
}

/// A number from 0 (inclusive) to 1 (exclusive) from the state's generator,
/// built from raw bits so that it does not depend on any library's sampling.
fn unit(rng: &mut impl RngCore) -> f64 {
    (rng.next_u64() >> 11) as f64 / (1u64 << 53) as f64
}

impl State {
    pub(super) fn snapshot(&self) -> Snapshot {
        Snapshot {
            turn: self.turn,
            autonomy: self.autonomy,
            leverage: self.leverage,
            stability: self.stability,
            capital: self.capital,
            proximity: Power::ALL.map(|p| self.proximity(p)),
            world: self.world,
        }
    }

    pub(super) fn refresh_scores(&mut self) {
        self.autonomy = scoring::autonomy(&self.shares);
        self.leverage = scoring::leverage_of(self).total();
    }

    fn end_turn(&mut self, book: &Book) {
        let before = Power::ALL.map(|p| self.proximity(p));
        self.fired_last.clear();
        // 1. The planned actions take effect.
        for id in std::mem::take(&mut self.planned) {
            let Some(a) = book.action(&id) else { continue };
            let cause = Cause::Action(id.clone());
            self.note(cause.clone(), a.name.clone());
            self.apply_all(book, &a.effects, &cause);
            self.used.insert(id.clone());
            if a.cooldown > 0 {
                self.cooldowns
                    .insert(id.clone(), self.turn + 1 + a.cooldown);
            }
            if a.duration > 0 {
                self.projects.push(Project {
                    action: id.clone(),
                    done: 0,
                    duration: a.duration,
                });
            }
        }
        // 2. Projects advance; delayed effects land.
        self.advance_projects(book);
        self.land_delayed(book);
        // 3. The powers react.
        self.react(book, before);
        // 4. The world drifts; situations switch on and off.
        self.drift(book);
        self.structural_pull();
        self.situations(book);
        // 5. Events.
        self.turn += 1;
        let mark = self.log.len();
        self.draw_events(book);
        // 6. Capital, scores, history.
        let refill = (self.capital + self.capital_per_turn).min(self.capital_per_turn + 3.0);
        self.capital = refill;
        self.leverage_bonus *= 0.9;
        self.refresh_scores();
        self.history.push(self.snapshot());
        self.check_ending(book);
        // What was drawn and decided while this turn ended is its story.
        for e in &mut self.log[mark..] {
            e.turn = self.turn - 1;
        }
    }

    fn advance_projects(&mut self, book: &Book) {
        let mut finished = Vec::new();
        for i in 0..self.projects.len() {
            let id = self.projects[i].action.clone();
            let Some(a) = book.action(&id) else { continue };
            let cause = Cause::Project(id.clone());
            self.apply_all(book, &a.each_turn, &cause);
            // Effects may cancel projects: look the project up again.
            let Some(p) = self.projects.iter_mut().find(|p| p.action == id) else {
                continue;
            };
            p.done += 1;
            if p.done >= p.duration {
                finished.push(id);
            }
        }
        for id in finished {
            self.projects.retain(|p| p.action != id);
            let Some(a) = book.action(&id) else { continue };
            let cause = Cause::Project(id.clone());
            self.note(cause.clone(), format!("{} completed", a.name));
            self.apply_all(book, &a.on_complete, &cause);
        }
    }

    fn land_delayed(&mut self, book: &Book) {
        let turn = self.turn + 1;
        let (due, later): (Vec<_>, Vec<_>) = std::mem::take(&mut self.delayed)
            .into_iter()
            .partition(|d| d.due <= turn);
        self.delayed = later;
        for d in due {
            let cause = Cause::Delayed(Box::new(d.cause));
            self.apply_all(book, &d.effects, &cause);
        }
    }

    /// Tolerance checks: rivals' gains irritate a power; past its tolerance
    /// it climbs its crisis ladder one step; a player who held last time
    /// faces the next step or sees the power back down.
    fn react(&mut self, book: &Book, before: [f64; 4]) {
        let gains = Power::ALL.map(|p| (self.proximity(p) - before[p.index()]).max(0.0));
        for p in Power::ALL {
            let def = book.power(p);
            let irritation: f64 = def
                .rivals
                .iter()
                .map(|(q, w)| w * gains[q.index()])
                .sum::<f64>()
                - 0.5 * gains[p.index()];
            // Everything that strained the power since it last looked,
            // this turn's actions included, counts in full now; what is
            // left fades after (below).
            let before = self.powers[p.index()].strain;
            let strain = (before + irritation).clamp(0.0, 100.0);
            self.powers[p.index()].strain = strain;
            let cause = if irritation > 0.0 {
                Cause::Rivals(p)
            } else {
                Cause::Turn
            };
            self.record(&cause, Var::Strain(p), before, strain);
            let ps = self.powers[p.index()].clone();
            if ps.ladder == LadderStep::Calm {
                if ps.strain > ps.tolerance {
                    self.climb(book, p, LadderStep::Protest);
                }
                continue;
            }
            // The player held at the last step.
            if ps.strain < 0.6 * ps.tolerance {
                self.powers[p.index()].ladder = LadderStep::Calm;
                self.note(
                    Cause::Reaction(p, ps.ladder),
                    format!("{} lets the matter drop", p.name()),
                );
                continue;
            }
            let strength = self.world(def.strength);
            let resolve = 0.25 + 0.5 * strength / 100.0 - 0.05 * f64::from(ps.ladder.level());
            if unit(&mut self.rng) < resolve {
                self.climb(book, p, ps.ladder.next());
            } else {
                let cause = Cause::Yield(p);
                self.note(cause.clone(), format!("{} backs down", p.name()));
                self.powers[p.index()].ladder = LadderStep::Calm;
                self.powers[p.index()].strain = ps.strain * 0.3;
                self.apply_all(book, &def.yields, &cause);
            }
        }
        for p in Power::ALL {
            let before = self.powers[p.index()].strain;
            let faded = before * 0.8;
            self.powers[p.index()].strain = faded;
            self.record(&Cause::Turn, Var::Strain(p), before, faded);
        }
    }

    fn climb(&mut self, book: &Book, p: Power, step: LadderStep) {
        self.powers[p.index()].ladder = step;
        let cause = Cause::Reaction(p, step);
        if let Some(l) = book.power(p).ladder.iter().find(|l| l.step == step) {
            self.note(cause.clone(), l.text.clone());
            self.apply_all(book, &l.effects, &cause);
        }
        self.pending.push(Decision::Ladder(p, step));
    }

    fn drift(&mut self, book: &Book) {
        for rule in &book.world.drift {
            if !self.holds_all(&rule.when) {
                continue;
            }
            let v = self.get(&rule.var);
            let delta = match rule.target {
                Some(t) => rule.rate * (t - v),
                None => {
                    rule.base
                        + rule
                            .terms
                            .iter()
                            .map(|(var, c)| c * (self.get(var) - 50.0))
                            .sum::<f64>()
                }
            };
            if delta != 0.0 {
                self.apply_effect(
                    book,
                    &super::defs::Effect::Add(rule.var.clone(), delta),
                    &Cause::Drift(rule.id.clone()),
                );
            }
        }
    }

    fn situations(&mut self, book: &Book) {
        for sit in &book.world.situations {
            let flag = format!("situation:{}", sit.id);
            let cause = Cause::Situation(sit.id.clone());
            let active = self.flags.contains(&flag);
            if !active && self.holds_all(&sit.on) {
                self.flags.insert(flag.clone());
                self.note(cause.clone(), format!("{} begins", sit.name));
            } else if active && self.holds_all(&sit.off) {
                self.flags.remove(&flag);
                self.note(cause.clone(), format!("{} ends", sit.name));
            }
            if self.flags.contains(&flag) {
                self.apply_all(book, &sit.each_turn, &cause);
            }
        }
    }

    fn eligible(&self, book: &Book, id: &str) -> bool {
        let Some(e) = book.event(id) else {
            return false;
        };
        let ready = match self.fired.get(id) {
            None => true,
            Some(_) if e.once => false,
            Some(&last) => self.turn >= last + e.cooldown.max(1),
        };
        ready && self.holds_all(&e.when)
    }

    fn draw_events(&mut self, book: &Book) {
        let scripted: Vec<String> = self
            .scripted
            .iter()
            .filter(|(t, _)| *t == self.turn)
            .map(|(_, id)| id.clone())
            .collect();
        for id in &scripted {
            self.fire(book, id);
        }
        if !scripted.is_empty() {
            return;
        }
        let candidates: Vec<(usize, f64)> = book
            .events
            .iter()
            .enumerate()
            .filter(|(_, e)| e.weight > 0.0)
            .filter(|(_, e)| self.deck.as_ref().is_none_or(|d| d.contains(&e.id)))
            .filter(|(_, e)| self.eligible(book, &e.id))
            .map(|(i, e)| (i, e.weight))
            .collect();
        let total: f64 = candidates.iter().map(|c| c.1).sum();
        if total <= 0.0 {
            return;
        }
        let mut x = unit(&mut self.rng) * total;
        let mut pick = candidates[candidates.len() - 1].0;
        for (i, w) in &candidates {
            if x < *w {
                pick = *i;
                break;
            }
            x -= w;
        }
        let id = book.events[pick].id.clone();
        self.fire(book, &id);
    }

    fn fire(&mut self, book: &Book, id: &str) {
        let Some(e) = book.event(id) else { return };
        self.fired.insert(id.to_string(), self.turn);
        self.fired_last.push(id.to_string());
        let cause = Cause::Event(id.to_string());
        self.note(cause.clone(), e.title.clone());
        self.apply_all(book, &e.effects, &cause);
        if !e.choices.is_empty() {
            self.pending.push(Decision::Event(id.to_string()));
        }
    }

    fn choose(&mut self, book: &Book, i: usize) -> Result<(), Illegal> {
        let decision = self.pending.first().cloned().ok_or(Illegal::NoDecision)?;
        match &decision {
            Decision::Event(id) => {
                let e = book
                    .event(id)
                    .ok_or_else(|| Illegal::UnknownAction(id.clone()))?;
                let c = e.choices.get(i).ok_or(Illegal::NoSuchChoice(i))?;
                if !self.holds_all(&c.requires) {
                    return Err(Illegal::ChoiceUnavailable);
                }
                self.pending.remove(0);
                let cause = Cause::Choice(id.clone(), i);
                self.note(cause.clone(), c.label.clone());
                self.apply_all(book, &c.effects, &cause);
            }
            Decision::Ladder(p, _) => {
                if i > 1 {
                    return Err(Illegal::NoSuchChoice(i));
                }
                self.pending.remove(0);
                if i == 0 {
                    let cause = Cause::BackDown(*p);
                    self.note(cause.clone(), format!("We back down before {}", p.name()));
                    let ps = &mut self.powers[p.index()];
                    ps.ladder = LadderStep::Calm;
                    ps.strain = 0.4 * ps.tolerance;
                    self.apply_all(book, &book.power(*p).back_down, &cause);
                } else {
                    self.note(
                        Cause::Hold(*p),
                        format!("We hold firm against {}", p.name()),
                    );
                }
            }
        }
        self.refresh_scores();
        if let Some(last) = self.history.last_mut() {
            let snap = Snapshot {
                turn: last.turn,
                autonomy: self.autonomy,
                leverage: self.leverage,
                stability: self.stability,
                capital: self.capital,
                proximity: Power::ALL.map(|p| self.powers[p.index()].proximity),
                world: self.world,
            };
            *last = snap;
        }
        self.check_ending(book);
        Ok(())
    }

    /// Ends the game when an early ending holds, or after the last turn
    /// once no decision is waiting.
    fn check_ending(&mut self, book: &Book) {
        if !self.pending.is_empty() || self.outcome.is_some() {
            return;
        }
        let last = self.turn >= self.turns;
        let ending = book
            .endings
            .iter()
            .filter(|e| last || e.early)
            .find(|e| self.holds_all(&e.when));
        if let Some(e) = ending {
            let score = scoring::final_score(self.autonomy, self.leverage, self.stability, e.bonus);
            self.note(Cause::Turn, format!("Outcome: {}", e.title));
            // The outcome closes the story of the turn that last ended.
            if let Some(last) = self.log.last_mut() {
                last.turn = self.turn.saturating_sub(1);
            }
            self.outcome = Some(Outcome {
                ending: e.id.clone(),
                score,
                turn: self.turn,
            });
        }
    }
}
