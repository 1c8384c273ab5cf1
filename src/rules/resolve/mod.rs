//! Resolving content: string ids become index ids, and every number and
//! bound is checked on the way, once, for content from the built-in assets,
//! a file or a save alike. The rules then never match a string at play.

mod items;
mod moves;
mod scenario;

use std::collections::HashMap;

use super::grammar::{Cond, Effect};
use super::ids::{
    ActionId, CorridorId, CountryId, EventId, FlagId, MAX_ITEMS, Raw, SituationId, TrackId,
};
use super::types::Var;

pub use items::resolve_book;
pub use scenario::resolve_scenario;

/// The longest game, and so the longest delay, in turns.
pub const MAX_TURNS: u32 = 80;
/// How deeply delayed effects may nest in one another.
pub const MAX_NESTING: usize = 8;
/// The largest amount an effect may add, or a condition compare with.
pub const MAX_AMOUNT: f64 = 1000.0;
/// The most stages a track may move at once.
pub const MAX_STAGE_STEP: u32 = 100;

/// What is wrong with a piece of content: where (the item and field) and why.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{at}: {message}")]
pub struct ResolveError {
    /// The content file the item comes from, e.g. "actions.ron".
    pub file: &'static str,
    /// The item and field, e.g. "action `visit_ankara`: effects[1]".
    pub at: String,
    pub message: String,
}

/// The ids of a content set, by name.
#[derive(Debug, Clone, Default)]
pub struct Names {
    pub actions: HashMap<String, ActionId>,
    pub events: HashMap<String, EventId>,
    pub countries: HashMap<String, CountryId>,
    pub flags: HashMap<String, FlagId>,
    pub tracks: HashMap<String, TrackId>,
    pub corridors: HashMap<String, CorridorId>,
    pub situations: HashMap<String, SituationId>,
    /// The number of stages of each track.
    pub stages: Vec<usize>,
}

/// A number as a message shows it: in full, or in scientific notation when
/// it is too long to read (1e308, not 309 digits).
fn readable(x: f64) -> String {
    let plain = x.to_string();
    if plain.len() > MAX_PLAIN_DIGITS {
        format!("{x:e}")
    } else {
        plain
    }
}

/// The longest number a message writes out in full.
const MAX_PLAIN_DIGITS: usize = 16;

/// Builds the map of ids of one kind, refusing empty and repeated ids.
pub(super) fn index<'a, T: Copy>(
    file: &'static str,
    what: &str,
    ids: impl Iterator<Item = &'a str>,
    make: impl Fn(usize) -> T,
) -> Result<HashMap<String, T>, ResolveError> {
    let mut map = HashMap::new();
    for (i, id) in ids.enumerate() {
        let err = |message: String| ResolveError {
            file,
            at: what.to_string(),
            message,
        };
        if id.is_empty() {
            return Err(err("an empty id".into()));
        }
        if i >= MAX_ITEMS {
            return Err(err(format!("more than {MAX_ITEMS}")));
        }
        if map.insert(id.to_string(), make(i)).is_some() {
            return Err(err(format!("the id `{id}` is used twice")));
        }
    }
    Ok(map)
}

/// Resolves the grammar against a set of names, with the place in the file
/// for messages.
pub struct Resolver<'a> {
    pub names: &'a Names,
    pub file: &'static str,
}

fn known(map: &HashMap<String, impl Copy>) -> String {
    let mut ids: Vec<&str> = map.keys().map(String::as_str).collect();
    ids.sort_unstable();
    ids.join(", ")
}

impl Resolver<'_> {
    pub fn err(&self, at: &str, message: impl Into<String>) -> ResolveError {
        ResolveError {
            file: self.file,
            at: at.to_string(),
            message: message.into(),
        }
    }

    fn lookup<T: Copy>(
        &self,
        at: &str,
        what: &str,
        map: &HashMap<String, T>,
        id: &str,
        hint: &str,
    ) -> Result<T, ResolveError> {
        map.get(id).copied().ok_or_else(|| {
            self.err(
                at,
                format!("unknown {what} `{id}` (known: {}){hint}", known(map)),
            )
        })
    }

    pub fn action(&self, at: &str, id: &str) -> Result<ActionId, ResolveError> {
        self.lookup(at, "action", &self.names.actions, id, "")
    }
    pub fn event(&self, at: &str, id: &str) -> Result<EventId, ResolveError> {
        self.lookup(at, "event", &self.names.events, id, "")
    }
    pub fn country(&self, at: &str, id: &str) -> Result<CountryId, ResolveError> {
        self.lookup(at, "country", &self.names.countries, id, "")
    }
    pub fn flag(&self, at: &str, id: &str) -> Result<FlagId, ResolveError> {
        let hint = "; a new flag needs a name in world.ron's `flags`";
        self.lookup(at, "flag", &self.names.flags, id, hint)
    }
    pub fn track(&self, at: &str, id: &str) -> Result<TrackId, ResolveError> {
        self.lookup(at, "track", &self.names.tracks, id, "")
    }
    pub fn corridor(&self, at: &str, id: &str) -> Result<CorridorId, ResolveError> {
        let hint = "; a new corridor needs a name in world.ron's `corridors`";
        self.lookup(at, "corridor", &self.names.corridors, id, hint)
    }
    pub fn situation(&self, at: &str, id: &str) -> Result<SituationId, ResolveError> {
        self.lookup(at, "situation", &self.names.situations, id, "")
    }

    /// A finite number within `lo..=hi`.
    pub fn number(&self, at: &str, x: f64, lo: f64, hi: f64) -> Result<f64, ResolveError> {
        if !x.is_finite() {
            return Err(self.err(at, format!("{x} is not a finite number")));
        }
        if !(lo..=hi).contains(&x) {
            return Err(self.err(at, format!("{} is outside {lo}..={hi}", readable(x))));
        }
        Ok(x)
    }

    pub fn var(&self, at: &str, v: &Var<Raw>, write: bool) -> Result<Var, ResolveError> {
        let label = v.label_with(|t| format!("Track({t})"));
        if write && !v.writable() {
            return Err(self.err(
                at,
                format!("effect on `{label}`, which is computed and cannot be changed"),
            ));
        }
        Ok(match v {
            Var::Proximity(p) => Var::Proximity(*p),
            Var::Tolerance(p) => Var::Tolerance(*p),
            Var::Strain(p) => Var::Strain(*p),
            Var::Share(d, h) => Var::Share(*d, *h),
            Var::World(w) => Var::World(*w),
            Var::Stability => Var::Stability,
            Var::Autonomy => Var::Autonomy,
            Var::Leverage => Var::Leverage,
            Var::Capital => Var::Capital,
            Var::CapitalPerTurn => Var::CapitalPerTurn,
            Var::Assets => Var::Assets,
            Var::Turn => Var::Turn,
            Var::Track(t) => Var::Track(self.track(at, t)?),
            Var::Structure(d, h) => Var::Structure(*d, *h),
            Var::Stake(p) => Var::Stake(*p),
            Var::Bridge => Var::Bridge,
            Var::Embrace => Var::Embrace,
            Var::Latitude => Var::Latitude,
            Var::Initiative(p) => Var::Initiative(*p),
            Var::Bonus => Var::Bonus,
        })
    }

    pub fn conds(&self, at: &str, conds: &[Cond<Raw>]) -> Result<Vec<Cond>, ResolveError> {
        conds
            .iter()
            .enumerate()
            .map(|(i, c)| self.cond(&format!("{at}[{i}]"), c, 0))
            .collect()
    }

    fn cond(&self, at: &str, c: &Cond<Raw>, depth: usize) -> Result<Cond, ResolveError> {
        let bound = |x: f64| self.number(at, x, -MAX_AMOUNT, MAX_AMOUNT);
        if depth > MAX_NESTING {
            return Err(self.err(at, "conditions nested too deeply"));
        }
        Ok(match c {
            Cond::AtLeast(v, x) => Cond::AtLeast(self.var(at, v, false)?, bound(*x)?),
            Cond::AtMost(v, x) => Cond::AtMost(self.var(at, v, false)?, bound(*x)?),
            Cond::Flag(f) => Cond::Flag(self.flag(at, f)?),
            Cond::NoFlag(f) => Cond::NoFlag(self.flag(at, f)?),
            Cond::Situation(s) => Cond::Situation(self.situation(at, s)?),
            Cond::Country(ids) => Cond::Country(
                ids.iter()
                    .map(|id| self.country(at, id))
                    .collect::<Result<_, _>>()?,
            ),
            Cond::Corridor(id, s) => Cond::Corridor(self.corridor(at, id)?, *s),
            Cond::Dominated { count, share } => Cond::Dominated {
                count: *count,
                share: self.number(at, *share, 0.0, 100.0)?,
            },
            Cond::Ladder { count, step } => Cond::Ladder {
                count: *count,
                step: *step,
            },
            Cond::Gained(v, x) => {
                if !matches!(
                    v,
                    Var::Autonomy | Var::Leverage | Var::Stability | Var::Proximity(_)
                ) {
                    return Err(self.err(
                        at,
                        "Gained works on Autonomy, Leverage, Stability or a Proximity",
                    ));
                }
                Cond::Gained(self.var(at, v, false)?, bound(*x)?)
            }
            Cond::Rose(v, x) => {
                if !matches!(
                    v,
                    Var::Autonomy
                        | Var::Leverage
                        | Var::Stability
                        | Var::Proximity(_)
                        | Var::World(_)
                ) {
                    return Err(self.err(
                        at,
                        "Rose works on Autonomy, Leverage, Stability, a Proximity or a World variable",
                    ));
                }
                Cond::Rose(self.var(at, v, false)?, bound(*x)?)
            }
            Cond::Any(cs) => Cond::Any(
                cs.iter()
                    .enumerate()
                    .map(|(i, c)| self.cond(&format!("{at}[{i}]"), c, depth + 1))
                    .collect::<Result<_, _>>()?,
            ),
            Cond::Not(c) => Cond::Not(Box::new(self.cond(at, c, depth + 1)?)),
        })
    }

    pub fn effects(&self, at: &str, effects: &[Effect<Raw>]) -> Result<Vec<Effect>, ResolveError> {
        self.effects_in(at, effects, 0)
    }

    fn effects_in(
        &self,
        at: &str,
        effects: &[Effect<Raw>],
        depth: usize,
    ) -> Result<Vec<Effect>, ResolveError> {
        effects
            .iter()
            .enumerate()
            .map(|(i, e)| self.effect(&format!("{at}[{i}]"), e, depth))
            .collect()
    }

    fn effect(&self, at: &str, e: &Effect<Raw>, depth: usize) -> Result<Effect, ResolveError> {
        let amount = |x: f64| self.number(at, x, -MAX_AMOUNT, MAX_AMOUNT);
        let delay = |n: u32| {
            if n == 0 || n > MAX_TURNS {
                Err(self.err(at, format!("a delay of {n} turns, outside 1..={MAX_TURNS}")))
            } else if depth >= MAX_NESTING {
                Err(self.err(at, "delayed effects nested too deeply"))
            } else {
                Ok(n)
            }
        };
        Ok(match e {
            Effect::Add(v, x) | Effect::Set(v, x) => {
                let var = self.var(at, v, true)?;
                let x = amount(*x)?;
                if matches!(var, Var::Capital | Var::CapitalPerTurn) && x.fract() != 0.0 {
                    return Err(self.err(at, "capital is counted in whole points"));
                }
                if matches!(e, Effect::Add(..)) {
                    Effect::Add(var, x)
                } else {
                    Effect::Set(var, x)
                }
            }
            Effect::Shift(_, from, to, _) if from == to => {
                return Err(self.err(at, "Shift from a holder to itself"));
            }
            Effect::Shift(d, from, to, x) => Effect::Shift(*d, *from, *to, amount(*x)?),
            Effect::Gain(d, h, x) => Effect::Gain(*d, *h, amount(*x)?),
            Effect::Bind(d, h, x) => Effect::Bind(*d, *h, amount(*x)?),
            Effect::SetFlag(f) => Effect::SetFlag(self.flag(at, f)?),
            Effect::ClearFlag(f) => Effect::ClearFlag(self.flag(at, f)?),
            Effect::Corridor(id, s) => Effect::Corridor(self.corridor(at, id)?, *s),
            Effect::Track(id, n) => {
                if n.unsigned_abs() > MAX_STAGE_STEP {
                    let m = MAX_STAGE_STEP;
                    return Err(self.err(at, format!("{n} stages, outside -{m}..={m}")));
                }
                Effect::Track(self.track(at, id)?, *n)
            }
            Effect::StallTrack(id) => Effect::StallTrack(self.track(at, id)?),
            Effect::Later(n, inner) => {
                Effect::Later(delay(*n)?, self.effects_in(at, inner, depth + 1)?)
            }
            Effect::Over(n, inner) => {
                Effect::Over(delay(*n)?, self.effects_in(at, inner, depth + 1)?)
            }
            Effect::Strain(p, x) => Effect::Strain(*p, amount(*x)?),
            Effect::CancelProject(id) => Effect::CancelProject(self.action(at, id)?),
            Effect::When(conds, inner) => {
                if depth >= MAX_NESTING {
                    return Err(self.err(at, "effects nested too deeply"));
                }
                Effect::When(
                    self.conds(at, conds)?,
                    self.effects_in(at, inner, depth + 1)?,
                )
            }
        })
    }
}
