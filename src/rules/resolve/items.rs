//! Resolving each kind of content item, with the checks of its own fields.

use std::collections::BTreeMap;

use super::{MAX_TURNS, Names, ResolveError, Resolver, index};
use crate::rules::book::Sources;
use crate::rules::defs::{
    ActionDef, ChoiceDef, CountryDef, DriftDef, EndingDef, EventDef, LadderDef, PowerDef,
    SituationDef, TrackDef, WorldDef,
};
use crate::rules::ids::{CorridorId, CountryId, FlagId, Raw, SituationId, TrackId};
use crate::rules::model::Model;
use crate::rules::types::{Power, WorldVar};
use crate::rules::{ActionId, EventId};

/// The most choices an event may offer (they are picked with keys 1–9).
pub const MAX_CHOICES: usize = 9;

/// Resolves the choices of an event or an offer.
pub(super) fn choices(
    r: &Resolver,
    at: &str,
    choices: &[ChoiceDef<Raw>],
) -> Result<Vec<ChoiceDef>, ResolveError> {
    if choices.len() > MAX_CHOICES {
        return Err(r.err(
            &format!("{at}: choices"),
            format!("more than {MAX_CHOICES} choices"),
        ));
    }
    choices
        .iter()
        .enumerate()
        .map(|(i, c)| {
            Ok(ChoiceDef {
                label: c.label.clone(),
                effects: r.effects(&format!("{at}: choices[{i}].effects"), &c.effects)?,
                requires: r.conds(&format!("{at}: choices[{i}].requires"), &c.requires)?,
            })
        })
        .collect()
}
/// The most stages a track may have.
const MAX_STAGES: usize = 100;
/// The most a power may weigh a rival's gain of closeness.
const MAX_RIVAL_WEIGHT: f64 = 2.0;
/// The largest weight of an event in the deck.
const MAX_WEIGHT: f64 = 1000.0;
/// The largest random move of a drift rule in a turn.
const MAX_NOISE: f64 = 20.0;
/// The largest coefficient of a drift rule's term.
const MAX_TERM: f64 = 10.0;

/// Resolves a whole content set; returns it with the names of its ids.
pub fn resolve_book(src: &Sources<Raw>, model: &Model) -> Result<(Sources, Names), ResolveError> {
    let w = &src.world;
    let tracks = w.tracks.iter().map(|t| t.id.as_str());
    let mut names = Names {
        actions: index(
            "actions.ron",
            "actions",
            src.actions.iter().map(|a| a.id.as_str()),
            ActionId::from_index,
        )?,
        events: index(
            "events.ron",
            "events",
            src.events.iter().map(|e| e.id.as_str()),
            EventId::from_index,
        )?,
        countries: index(
            "countries.ron",
            "countries",
            src.countries.iter().map(|c| c.id.as_str()),
            CountryId::from_index,
        )?,
        flags: index(
            "world.ron",
            "flags",
            w.flags.keys().map(String::as_str),
            FlagId::from_index,
        )?,
        tracks: index("world.ron", "tracks", tracks, TrackId::from_index)?,
        corridors: index(
            "world.ron",
            "corridors",
            w.corridors.keys().map(String::as_str),
            CorridorId::from_index,
        )?,
        situations: index(
            "world.ron",
            "situations",
            w.situations.iter().map(|s| s.id.as_str()),
            SituationId::from_index,
        )?,
        stages: w.tracks.iter().map(|t| t.stages.len()).collect(),
    };
    names.stages.shrink_to_fit();
    let r = |file| Resolver {
        names: &names,
        file,
    };
    let countries = src
        .countries
        .iter()
        .map(|c| country(&r("countries.ron"), c, model))
        .collect::<Result<_, _>>()?;
    let powers = powers(&r("powers.ron"), &src.powers)?;
    let actions = src
        .actions
        .iter()
        .map(|a| action(&r("actions.ron"), a, model))
        .collect::<Result<_, _>>()?;
    let events = src
        .events
        .iter()
        .map(|e| event(&r("events.ron"), e))
        .collect::<Result<_, _>>()?;
    let endings = endings(&r("endings.ron"), &src.endings)?;
    let world = world(&r("world.ron"), w)?;
    index(
        "moves.ron",
        "moves",
        src.moves.iter().map(|m| m.id.as_str()),
        |i| i,
    )?;
    let moves = src
        .moves
        .iter()
        .map(|m| super::moves::power_move(&r("moves.ron"), m))
        .collect::<Result<_, _>>()?;
    let resolved = Sources {
        countries,
        powers,
        actions,
        events,
        endings,
        world,
        moves,
    };
    Ok((resolved, names))
}

fn country(r: &Resolver, c: &CountryDef<Raw>, model: &Model) -> Result<CountryDef, ResolveError> {
    let at = format!("country `{}`", c.id);
    for p in Power::ALL {
        r.number(
            &format!("{at}: proximity.{}", p.id()),
            c.proximity.get(p),
            0.0,
            100.0,
        )?;
        r.number(
            &format!("{at}: tolerance.{}", p.id()),
            c.tolerance.get(p),
            0.0,
            100.0,
        )?;
    }
    r.number(&format!("{at}: stability"), c.stability, 1.0, 100.0)?;
    r.number(&format!("{at}: assets"), c.assets, 0.0, 100.0)?;
    let max = model.capital.max;
    if !(1..=max).contains(&c.capital_per_turn) {
        return Err(r.err(
            &format!("{at}: capital_per_turn"),
            format!("{} is outside 1..={max}", c.capital_per_turn),
        ));
    }
    let mut corridors = BTreeMap::new();
    for (id, s) in &c.corridors {
        corridors.insert(r.corridor(&format!("{at}: corridors"), id)?, *s);
    }
    Ok(CountryDef {
        id: c.id.clone(),
        name: c.name.clone(),
        capital: c.capital.clone(),
        playable: c.playable,
        summary: c.summary.clone(),
        flags: c
            .flags
            .iter()
            .map(|f| r.flag(&format!("{at}: flags"), f))
            .collect::<Result<_, _>>()?,
        dependence: c.dependence.clone(),
        proximity: c.proximity,
        tolerance: c.tolerance,
        stability: c.stability,
        capital_per_turn: c.capital_per_turn,
        assets: c.assets,
        corridors,
        start: r.effects(&format!("{at}: start"), &c.start)?,
    })
}

/// The powers, one each, in the order of [`Power::ALL`].
fn powers(r: &Resolver, defs: &[PowerDef<Raw>]) -> Result<Vec<PowerDef>, ResolveError> {
    let mut out = Vec::new();
    for p in Power::ALL {
        let mut found = defs.iter().filter(|d| d.power == p);
        let (Some(d), None) = (found.next(), found.next()) else {
            let n = defs.iter().filter(|d| d.power == p).count();
            return Err(r.err(
                "powers",
                format!("power `{}` is defined {n} times, not once", p.id()),
            ));
        };
        let at = format!("power `{}`", p.id());
        for (q, w) in &d.rivals {
            r.number(
                &format!("{at}: rivals.{}", q.id()),
                *w,
                0.0,
                MAX_RIVAL_WEIGHT,
            )?;
        }
        let ladder = d
            .ladder
            .iter()
            .enumerate()
            .map(|(i, l)| {
                Ok(LadderDef {
                    step: l.step,
                    text: l.text.clone(),
                    effects: r.effects(&format!("{at}: ladder[{i}].effects"), &l.effects)?,
                })
            })
            .collect::<Result<_, _>>()?;
        out.push(PowerDef {
            power: p,
            name: d.name.clone(),
            capital: d.capital.clone(),
            summary: d.summary.clone(),
            rivals: d.rivals.clone(),
            strength: d.strength,
            ladder,
            back_down: r.effects(&format!("{at}: back_down"), &d.back_down)?,
            yields: r.effects(&format!("{at}: yields"), &d.yields)?,
        });
    }
    Ok(out)
}

fn action(r: &Resolver, a: &ActionDef<Raw>, model: &Model) -> Result<ActionDef, ResolveError> {
    let at = format!("action `{}`", a.id);
    if a.cost > model.capital.max {
        return Err(r.err(
            &format!("{at}: cost"),
            format!(
                "{} is above the most capital a state can hold ({})",
                a.cost, model.capital.max
            ),
        ));
    }
    for (field, n) in [("duration", a.duration), ("cooldown", a.cooldown)] {
        if n > MAX_TURNS {
            return Err(r.err(
                &format!("{at}: {field}"),
                format!("{n} is outside 0..={MAX_TURNS}"),
            ));
        }
    }
    if a.duration == 0 && !(a.each_turn.is_empty() && a.on_complete.is_empty()) {
        return Err(r.err(&at, "each_turn or on_complete given, but duration is 0"));
    }
    Ok(ActionDef {
        id: a.id.clone(),
        name: a.name.clone(),
        text: a.text.clone(),
        cost: a.cost,
        power: a.power,
        requires: r.conds(&format!("{at}: requires"), &a.requires)?,
        effects: r.effects(&format!("{at}: effects"), &a.effects)?,
        duration: a.duration,
        each_turn: r.effects(&format!("{at}: each_turn"), &a.each_turn)?,
        on_complete: r.effects(&format!("{at}: on_complete"), &a.on_complete)?,
        cooldown: a.cooldown,
        once: a.once,
        source: a.source.clone(),
        context: a.context.clone(),
    })
}

fn event(r: &Resolver, e: &EventDef<Raw>) -> Result<EventDef, ResolveError> {
    let at = format!("event `{}`", e.id);
    r.number(&format!("{at}: weight"), e.weight, 0.0, MAX_WEIGHT)?;
    if let Some(n) = e.cooldown.filter(|n| *n > MAX_TURNS) {
        return Err(r.err(
            &format!("{at}: cooldown"),
            format!("{n} is outside 0..={MAX_TURNS}"),
        ));
    }
    let choices = choices(r, &at, &e.choices)?;
    Ok(EventDef {
        id: e.id.clone(),
        title: e.title.clone(),
        text: e.text.clone(),
        source: e.source.clone(),
        context: e.context.clone(),
        place: e.place.clone(),
        when: r.conds(&format!("{at}: when"), &e.when)?,
        weight: e.weight,
        once: e.once,
        cooldown: e.cooldown,
        effects: r.effects(&format!("{at}: effects"), &e.effects)?,
        choices,
    })
}

fn endings(r: &Resolver, defs: &[EndingDef<Raw>]) -> Result<Vec<EndingDef>, ResolveError> {
    if !defs.last().is_some_and(|e| e.when.is_empty()) {
        return Err(r.err(
            "endings",
            "the last ending must have no conditions, so that every game has an outcome",
        ));
    }
    index(
        "endings.ron",
        "endings",
        defs.iter().map(|e| e.id.as_str()),
        |i| i,
    )?;
    defs.iter()
        .map(|e| {
            let at = format!("ending `{}`", e.id);
            r.number(&format!("{at}: bonus"), e.bonus, -100.0, 100.0)?;
            Ok(EndingDef {
                id: e.id.clone(),
                title: e.title.clone(),
                text: e.text.clone(),
                when: r.conds(&format!("{at}: when"), &e.when)?,
                early: e.early,
                best: e.best,
                bonus: e.bonus,
            })
        })
        .collect()
}

fn world(r: &Resolver, w: &WorldDef<Raw>) -> Result<WorldDef, ResolveError> {
    for v in WorldVar::ALL {
        let Some(x) = w.start.get(&v) else {
            return Err(r.err("start", format!("no starting value for `{}`", v.id())));
        };
        r.number(&format!("start.{}", v.id()), *x, 0.0, 100.0)?;
    }
    let drift = w
        .drift
        .iter()
        .enumerate()
        .map(|(i, d)| {
            let at = format!("drift[{i}] `{}`", d.id);
            r.number(&format!("{at}: base"), d.base, -100.0, 100.0)?;
            r.number(&format!("{at}: rate"), d.rate, -1.0, 1.0)?;
            r.number(&format!("{at}: noise"), d.noise, 0.0, MAX_NOISE)?;
            if let Some(t) = d.target {
                r.number(&format!("{at}: target"), t, 0.0, 100.0)?;
            }
            let terms = d
                .terms
                .iter()
                .map(|(v, c)| {
                    Ok((
                        r.var(&format!("{at}: terms"), v, false)?,
                        r.number(&format!("{at}: terms"), *c, -MAX_TERM, MAX_TERM)?,
                    ))
                })
                .collect::<Result<_, ResolveError>>()?;
            Ok(DriftDef {
                id: d.id.clone(),
                text: d.text.clone(),
                var: r.var(&at, &d.var, true)?,
                when: r.conds(&format!("{at}: when"), &d.when)?,
                base: d.base,
                terms,
                target: d.target,
                rate: d.rate,
                noise: d.noise,
            })
        })
        .collect::<Result<_, ResolveError>>()?;
    let situations = w
        .situations
        .iter()
        .map(|s| {
            let at = format!("situation `{}`", s.id);
            Ok(SituationDef {
                id: s.id.clone(),
                name: s.name.clone(),
                text: s.text.clone(),
                on: r.conds(&format!("{at}: on"), &s.on)?,
                off: r.conds(&format!("{at}: off"), &s.off)?,
                each_turn: r.effects(&format!("{at}: each_turn"), &s.each_turn)?,
                source: s.source.clone(),
                context: s.context.clone(),
            })
        })
        .collect::<Result<_, ResolveError>>()?;
    let tracks = w
        .tracks
        .iter()
        .map(|t| {
            let at = format!("track `{}`", t.id);
            if t.stages.is_empty() || t.stages.len() > MAX_STAGES {
                return Err(r.err(
                    &format!("{at}: stages"),
                    format!("{} stages, outside 1..={MAX_STAGES}", t.stages.len()),
                ));
            }
            Ok(TrackDef {
                id: t.id.clone(),
                name: t.name.clone(),
                stages: t.stages.clone(),
                on_complete: r.effects(&format!("{at}: on_complete"), &t.on_complete)?,
                on_stall: r.effects(&format!("{at}: on_stall"), &t.on_stall)?,
            })
        })
        .collect::<Result<_, ResolveError>>()?;
    Ok(WorldDef {
        start: w.start.clone(),
        drift,
        situations,
        tracks,
        flags: w.flags.clone(),
        corridors: w.corridors.clone(),
    })
}
