//! Resolving a scenario: the same path for a built-in scenario, a file and
//! a save's own copy, with every field and bound checked.

use super::{MAX_TURNS, Names, ResolveError, Resolver};
use crate::rules::defs::{ObjectiveDef, ScenarioDef};
use crate::rules::ids::Raw;
use crate::rules::model::{AMBITION_LIMITS, Model};

/// The years a game may start in.
const YEARS: (f64, f64) = (1900.0, 2200.0);

/// The most bytes a scenario may hold, written compactly: it travels in
/// every save of its games.
pub const MAX_SCENARIO_BYTES: usize = 64 * 1024;

/// Resolves a scenario against a book's names, with every bound checked:
/// the same path for a built-in scenario, a file and a save's own copy.
pub fn resolve_scenario(
    names: &Names,
    model: &Model,
    s: &ScenarioDef<Raw>,
    file: &'static str,
) -> Result<ScenarioDef, ResolveError> {
    let r = Resolver { names, file };
    let at = format!("scenario `{}`", s.id);
    if s.id.is_empty() {
        return Err(r.err(&at, "id: empty"));
    }
    let size = ron::to_string(s).map_or(usize::MAX, |t| t.len());
    if size > MAX_SCENARIO_BYTES {
        return Err(r.err(
            &at,
            format!("{size} bytes, more than the limit of {MAX_SCENARIO_BYTES}"),
        ));
    }
    if let Some(v) = s
        .variant
        .as_deref()
        .filter(|v| !matches!(*v, "basic" | "advanced"))
    {
        return Err(r.err(
            &format!("{at}: variant"),
            format!("`{v}` is not `basic` or `advanced`"),
        ));
    }
    if let Some(d) = s.difficulty.as_deref().filter(|d| model.level(d).is_none()) {
        let ids: Vec<&str> = model.difficulty.iter().map(|l| l.id.as_str()).collect();
        return Err(r.err(
            &format!("{at}: difficulty"),
            format!("unknown level `{d}` (known: {})", ids.join(", ")),
        ));
    }
    let turns = s.turns.unwrap_or(model.defaults.turns);
    if !(1..=MAX_TURNS).contains(&turns) {
        return Err(r.err(
            &format!("{at}: turns"),
            format!("{turns} is outside 1..={MAX_TURNS}"),
        ));
    }
    if let Some(y) = s.start_year {
        r.number(&format!("{at}: start_year"), f64::from(y), YEARS.0, YEARS.1)?;
    }
    if s.start_quarter.is_some_and(|q| !(1..=4).contains(&q)) {
        return Err(r.err(&format!("{at}: start_quarter"), "must be 1 to 4"));
    }
    if let Some(a) = s.ambition {
        let (lo, hi) = AMBITION_LIMITS;
        r.number(&format!("{at}: ambition"), a, lo, hi)?;
    }
    let mut scripted = Vec::new();
    for (t, id) in &s.scripted {
        if *t == 0 || *t > turns {
            return Err(r.err(
                &format!("{at}: scripted"),
                format!("event `{id}` on turn {t}, outside 1..={turns}"),
            ));
        }
        scripted.push((*t, r.event(&format!("{at}: scripted"), id)?));
    }
    let hold = s
        .hold
        .iter()
        .map(|(v, x)| {
            Ok((
                r.var(&format!("{at}: hold"), v, true)?,
                r.number(&format!("{at}: hold"), *x, 0.0, 100.0)?,
            ))
        })
        .collect::<Result<_, ResolveError>>()?;
    let objectives = s
        .objectives
        .iter()
        .enumerate()
        .map(|(i, o)| {
            Ok(ObjectiveDef {
                text: o.text.clone(),
                when: r.conds(&format!("{at}: objectives[{i}].when"), &o.when)?,
            })
        })
        .collect::<Result<_, ResolveError>>()?;
    Ok(ScenarioDef {
        id: s.id.clone(),
        name: s.name.clone(),
        summary: s.summary.clone(),
        country: s
            .country
            .as_deref()
            .map(|c| r.country(&format!("{at}: country"), c))
            .transpose()?,
        turns: Some(turns),
        start_year: Some(s.start_year.unwrap_or(model.defaults.start_year)),
        start_quarter: Some(s.start_quarter.unwrap_or(model.defaults.start_quarter)),
        seed: s.seed,
        variant: s.variant.clone(),
        difficulty: s.difficulty.clone(),
        tutorial: s.tutorial,
        ambition: s.ambition,
        overrides: r.effects(&format!("{at}: overrides"), &s.overrides)?,
        hold,
        deck: s
            .deck
            .as_ref()
            .map(|d| {
                d.iter()
                    .map(|id| r.event(&format!("{at}: deck"), id))
                    .collect()
            })
            .transpose()?,
        scripted,
        objectives,
        questions: s.questions.clone(),
    })
}
