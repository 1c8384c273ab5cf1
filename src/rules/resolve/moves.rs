//! Resolving a power's move.

use super::items::choices;
use super::{MAX_TURNS, ResolveError, Resolver};
use crate::rules::defs::{MoveDef, MoveKind};
use crate::rules::ids::Raw;

/// The largest weight of a move, or coefficient of its utility.
const MAX_WEIGHT: f64 = 100.0;

pub(super) fn power_move(r: &Resolver, m: &MoveDef<Raw>) -> Result<MoveDef, ResolveError> {
    let at = format!("move `{}`", m.id);
    r.number(&format!("{at}: weight"), m.weight, -MAX_WEIGHT, MAX_WEIGHT)?;
    if let Some(n) = m.cooldown.filter(|n| *n > MAX_TURNS) {
        return Err(r.err(
            &format!("{at}: cooldown"),
            format!("{n} is outside 0..={MAX_TURNS}"),
        ));
    }
    match (m.kind, m.choices.is_empty()) {
        (MoveKind::Offer, true) => {
            return Err(r.err(
                &format!("{at}: choices"),
                "an offer needs choices to take or refuse it",
            ));
        }
        (MoveKind::Pressure | MoveKind::Counter, false) => {
            return Err(r.err(&format!("{at}: choices"), "only an offer has choices"));
        }
        _ => {}
    }
    let utility = m
        .utility
        .iter()
        .map(|(v, c)| {
            let at = format!("{at}: utility");
            Ok((
                r.var(&at, v, false)?,
                r.number(&at, *c, -MAX_WEIGHT, MAX_WEIGHT)?,
            ))
        })
        .collect::<Result<_, ResolveError>>()?;
    Ok(MoveDef {
        id: m.id.clone(),
        power: m.power,
        kind: m.kind,
        title: m.title.clone(),
        text: m.text.clone(),
        source: m.source.clone(),
        context: m.context.clone(),
        when: r.conds(&format!("{at}: when"), &m.when)?,
        weight: m.weight,
        utility,
        cooldown: m.cooldown,
        once: m.once,
        effects: r.effects(&format!("{at}: effects"), &m.effects)?,
        choices: choices(r, &at, &m.choices)?,
    })
}
