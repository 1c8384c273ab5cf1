//! Semantic checks of content: the errors a parser cannot see, each naming
//! the file, the item and the field.

use std::collections::BTreeSet;

use super::{ARTICLE, ContentError, Parts};
use crate::rules::Book;
use crate::rules::defs::{Cond, Effect, ScenarioDef, ShareVec, WorldDef};
use crate::rules::{Domain, Power, Var};

/// The corridors and pipelines the map knows.
pub const CORRIDORS: [&str; 5] = [
    "middle_corridor",
    "cpc_pipeline",
    "china_gas_pipeline",
    "cku_railway",
    "trans_caspian_pipeline",
];

/// Whether the article contains the sentence, exactly (ignoring runs of white space).
pub fn article_contains(quote: &str) -> bool {
    let norm = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
    !quote.trim().is_empty() && norm(ARTICLE).contains(&norm(quote))
}

struct Checker<'a> {
    file: &'a str,
    world: &'a WorldDef,
}

impl<'a> Checker<'a> {
    fn new(file: &'a str, world: &'a WorldDef) -> Self {
        Checker { file, world }
    }

    fn flag(&self, at: &str, id: &str) -> Result<(), ContentError> {
        if self.world.flags.contains_key(id) {
            return Ok(());
        }
        let known: Vec<&str> = self.world.flags.keys().map(String::as_str).collect();
        Err(self.err(
            at,
            format!(
                "unknown flag `{id}` (known: {}; a new flag needs a name in world.ron's `flags`)",
                known.join(", ")
            ),
        ))
    }

    fn err(&self, at: &str, msg: impl AsRef<str>) -> ContentError {
        ContentError::new(self.file, format!("{at}: {}", msg.as_ref()))
    }

    fn var(&self, at: &str, v: &Var, write: bool) -> Result<(), ContentError> {
        if write && !v.writable() {
            return Err(self.err(
                at,
                format!(
                    "effect on `{}`, which is computed and cannot be changed",
                    v.label()
                ),
            ));
        }
        if let Var::Track(t) = v {
            if !self.world.tracks.iter().any(|x| &x.id == t) {
                return Err(self.err(at, format!("unknown track `{t}`")));
            }
        }
        Ok(())
    }

    fn effects(&self, at: &str, effects: &[Effect]) -> Result<(), ContentError> {
        for (i, e) in effects.iter().enumerate() {
            let at = format!("{at}[{i}]");
            match e {
                Effect::Add(v, x) | Effect::Set(v, x) => {
                    self.var(&at, v, true)?;
                    if !x.is_finite() {
                        return Err(self.err(&at, "amount is not a finite number"));
                    }
                }
                Effect::Shift(_, from, to, _) if from == to => {
                    return Err(self.err(&at, "Shift from a holder to itself"));
                }
                Effect::Corridor(id, _) if !CORRIDORS.contains(&id.as_str()) => {
                    return Err(self.err(
                        &at,
                        format!("unknown corridor `{id}` (known: {})", CORRIDORS.join(", ")),
                    ));
                }
                Effect::SetFlag(f) | Effect::ClearFlag(f) => self.flag(&at, f)?,
                Effect::Track(id, _) | Effect::StallTrack(id)
                    if !self.world.tracks.iter().any(|t| &t.id == id) =>
                {
                    return Err(self.err(&at, format!("unknown track `{id}`")));
                }
                Effect::Later(n, inner) | Effect::Over(n, inner) => {
                    if *n == 0 {
                        return Err(self.err(&at, "a delay of 0 turns"));
                    }
                    self.effects(&at, inner)?;
                }
                _ => {}
            }
        }
        Ok(())
    }

    fn conds(&self, at: &str, conds: &[Cond]) -> Result<(), ContentError> {
        for (i, c) in conds.iter().enumerate() {
            let at = format!("{at}[{i}]");
            match c {
                Cond::AtLeast(v, _) | Cond::AtMost(v, _) => self.var(&at, v, false)?,
                Cond::Corridor(id, _) if !CORRIDORS.contains(&id.as_str()) => {
                    return Err(self.err(&at, format!("unknown corridor `{id}`")));
                }
                Cond::Gained(v, _)
                    if !matches!(
                        v,
                        Var::Autonomy | Var::Leverage | Var::Stability | Var::Proximity(_)
                    ) =>
                {
                    return Err(self.err(
                        &at,
                        format!(
                            "Gained works on Autonomy, Leverage, Stability or a Proximity, not `{}`",
                            v.label()
                        ),
                    ));
                }
                Cond::Flag(f) | Cond::NoFlag(f) => self.flag(&at, f)?,
                Cond::Any(cs) => self.conds(&at, cs)?,
                Cond::Not(c) => self.conds(&at, std::slice::from_ref(c))?,
                _ => {}
            }
        }
        Ok(())
    }
}

fn shares(c: &Checker, at: &str, v: &ShareVec) -> Result<(), ContentError> {
    let sum: u32 = v.iter().map(|&x| u32::from(x)).sum();
    if sum != 100 {
        return Err(c.err(at, format!("shares {v:?} sum to {sum}, not 100")));
    }
    Ok(())
}

fn unique<'a>(
    c: &Checker,
    what: &str,
    ids: impl Iterator<Item = &'a str>,
) -> Result<(), ContentError> {
    let mut seen = BTreeSet::new();
    for id in ids {
        if id.is_empty() {
            return Err(c.err(what, "an empty id"));
        }
        if !seen.insert(id) {
            return Err(c.err(what, format!("the id `{id}` is used twice")));
        }
    }
    Ok(())
}

fn range(c: &Checker, at: &str, x: f64, lo: f64, hi: f64) -> Result<(), ContentError> {
    if !(lo..=hi).contains(&x) {
        return Err(c.err(at, format!("{x} is outside {lo}..={hi}")));
    }
    Ok(())
}

/// Checks a whole content set.
pub fn validate_book(p: &Parts) -> Result<(), ContentError> {
    let c = Checker::new("countries.ron", &p.world);
    unique(&c, "countries", p.countries.iter().map(|x| x.id.as_str()))?;
    if !p.countries.iter().any(|x| x.playable) {
        return Err(c.err("countries", "no playable country"));
    }
    for x in &p.countries {
        let at = format!("country `{}`", x.id);
        for f in &x.flags {
            c.flag(&format!("{at}: flags"), f)?;
        }
        for d in Domain::ALL {
            shares(
                &c,
                &format!("{at}: dependence.{}", d.id()),
                &x.dependence.get(d),
            )?;
        }
        for pw in Power::ALL {
            range(
                &c,
                &format!("{at}: proximity.{}", pw.id()),
                x.proximity.get(pw),
                0.0,
                100.0,
            )?;
            range(
                &c,
                &format!("{at}: tolerance.{}", pw.id()),
                x.tolerance.get(pw),
                0.0,
                100.0,
            )?;
        }
        range(&c, &format!("{at}: stability"), x.stability, 1.0, 100.0)?;
        range(
            &c,
            &format!("{at}: capital_per_turn"),
            x.capital_per_turn,
            1.0,
            20.0,
        )?;
        range(&c, &format!("{at}: assets"), x.assets, 0.0, 100.0)?;
        for id in x.corridors.keys() {
            if !CORRIDORS.contains(&id.as_str()) {
                return Err(c.err(
                    &format!("{at}: corridors"),
                    format!("unknown corridor `{id}`"),
                ));
            }
        }
        c.effects(&format!("{at}: start"), &x.start)?;
    }

    let c = Checker::new("powers.ron", &p.world);
    for pw in Power::ALL {
        let n = p.powers.iter().filter(|d| d.power == pw).count();
        if n != 1 {
            return Err(c.err(
                "powers",
                format!("power `{}` is defined {n} times, not once", pw.id()),
            ));
        }
    }
    for d in &p.powers {
        let at = format!("power `{}`", d.power.id());
        for (i, l) in d.ladder.iter().enumerate() {
            c.effects(&format!("{at}: ladder[{i}].effects"), &l.effects)?;
        }
        c.effects(&format!("{at}: back_down"), &d.back_down)?;
        c.effects(&format!("{at}: yields"), &d.yields)?;
    }

    let c = Checker::new("actions.ron", &p.world);
    unique(&c, "actions", p.actions.iter().map(|x| x.id.as_str()))?;
    for a in &p.actions {
        let at = format!("action `{}`", a.id);
        range(&c, &format!("{at}: cost"), a.cost, 0.0, 20.0)?;
        c.conds(&format!("{at}: requires"), &a.requires)?;
        c.effects(&format!("{at}: effects"), &a.effects)?;
        c.effects(&format!("{at}: each_turn"), &a.each_turn)?;
        c.effects(&format!("{at}: on_complete"), &a.on_complete)?;
        if a.duration == 0 && !(a.each_turn.is_empty() && a.on_complete.is_empty()) {
            return Err(c.err(&at, "each_turn or on_complete given, but duration is 0"));
        }
        if let Some(s) = &a.source {
            if !article_contains(s) {
                return Err(c.err(
                    &format!("{at}: source"),
                    "not found verbatim in the article",
                ));
            }
        }
    }

    let c = Checker::new("events.ron", &p.world);
    unique(&c, "events", p.events.iter().map(|x| x.id.as_str()))?;
    for e in &p.events {
        let at = format!("event `{}`", e.id);
        match (&e.source, &e.context) {
            (None, None) => {
                return Err(c.err(
                    &at,
                    "has neither `source` (a quote from the article) nor `context`",
                ));
            }
            (Some(s), _) if !article_contains(s) => {
                return Err(c.err(
                    &format!("{at}: source"),
                    format!("not found verbatim in the article: \"{s}\""),
                ));
            }
            _ => {}
        }
        if !(e.weight.is_finite() && e.weight >= 0.0) {
            return Err(c.err(&format!("{at}: weight"), "must be a number of at least 0"));
        }
        if e.choices.len() > 9 {
            return Err(c.err(&format!("{at}: choices"), "more than 9 choices"));
        }
        c.conds(&format!("{at}: when"), &e.when)?;
        c.effects(&format!("{at}: effects"), &e.effects)?;
        for (i, ch) in e.choices.iter().enumerate() {
            c.conds(&format!("{at}: choices[{i}].requires"), &ch.requires)?;
            c.effects(&format!("{at}: choices[{i}].effects"), &ch.effects)?;
        }
    }

    let c = Checker::new("endings.ron", &p.world);
    unique(&c, "endings", p.endings.iter().map(|x| x.id.as_str()))?;
    if p.endings.is_empty() || !p.endings.last().is_some_and(|e| e.when.is_empty()) {
        return Err(c.err(
            "endings",
            "the last ending must have no conditions, so that every game has an outcome",
        ));
    }
    for e in &p.endings {
        c.conds(&format!("ending `{}`: when", e.id), &e.when)?;
    }

    let c = Checker::new("world.ron", &p.world);
    for id in CORRIDORS {
        if !p.world.corridors.contains_key(id) {
            return Err(c.err("corridors", format!("no name for the corridor `{id}`")));
        }
    }
    for (i, d) in p.world.drift.iter().enumerate() {
        let at = format!("drift[{i}] `{}`", d.id);
        c.var(&at, &d.var, true)?;
        c.conds(&format!("{at}: when"), &d.when)?;
    }
    for s in &p.world.situations {
        let at = format!("situation `{}`", s.id);
        c.conds(&format!("{at}: on"), &s.on)?;
        c.conds(&format!("{at}: off"), &s.off)?;
        c.effects(&format!("{at}: each_turn"), &s.each_turn)?;
    }
    Ok(())
}

/// Checks a scenario against the content it runs on.
pub fn validate_scenario(book: &Book, s: &ScenarioDef, file: &str) -> Result<(), ContentError> {
    let c = Checker::new(file, &book.world);
    let at = format!("scenario `{}`", s.id);
    if s.id.is_empty() {
        return Err(c.err(&at, "id: empty"));
    }
    if let Some(id) = &s.country {
        if book.country(id).is_none() {
            let ids: Vec<&str> = book.countries.iter().map(|x| x.id.as_str()).collect();
            return Err(c.err(
                &format!("{at}: country"),
                format!("unknown country `{id}` (known: {})", ids.join(", ")),
            ));
        }
    }
    if !(1..=80).contains(&s.turns) {
        return Err(c.err(
            &format!("{at}: turns"),
            format!("{} is outside 1..=80", s.turns),
        ));
    }
    if !(1..=4).contains(&s.start_quarter) {
        return Err(c.err(&format!("{at}: start_quarter"), "must be 1 to 4"));
    }
    c.effects(&format!("{at}: overrides"), &s.overrides)?;
    for id in s.deck.iter().flatten() {
        if book.event(id).is_none() {
            return Err(c.err(&format!("{at}: deck"), format!("unknown event `{id}`")));
        }
    }
    for (t, id) in &s.scripted {
        if book.event(id).is_none() {
            return Err(c.err(&format!("{at}: scripted"), format!("unknown event `{id}`")));
        }
        if *t == 0 || *t > s.turns {
            return Err(c.err(
                &format!("{at}: scripted"),
                format!("event `{id}` on turn {t}, outside 1..={}", s.turns),
            ));
        }
    }
    Ok(())
}
