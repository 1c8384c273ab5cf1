//! The policies that judge one turn at a time by the previews: `hedger`,
//! the four `<power>-first` and `article`. Each values what a preview says
//! an action or an answer will do, plans the actions worth most per point
//! of capital while they are worth anything, and answers with the choice
//! worth most.

use super::article;
use crate::rules::grammar::Cond;
use crate::rules::preview::{Bench, Preview};
use crate::rules::{
    ActionId, Book, Command, Domain, Holder, LadderStep, Power, State, Var, can_plan,
};

/// Which of the greedy policies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Style {
    Hedger,
    First(Power),
    Article,
}

/// Below this stability a policy starts to value stability highly.
const FRAGILE: f64 = 40.0;
/// Below this stability every policy backs down on a ladder rather than
/// risk the next rung.
const BREAKING: f64 = 35.0;
/// An action worth less than this per point of capital is not worth planning.
const WORTH_PLANNING: f64 = 0.05;
/// The leverage a policy aims for when the best ending asks for none.
const NO_BAR: f64 = 75.0;

/// The leverage the best ending asks of this game (its state's bar, at the
/// game's level and length: [`State::ending_conds`]).
fn leverage_bar(state: &State, book: &Book) -> f64 {
    let asked = |c: &Cond| match c {
        Cond::AtLeast(Var::Leverage, x) => Some(*x),
        _ => None,
    };
    book.endings
        .iter()
        .find(|e| e.best)
        .and_then(|e| state.ending_conds(e).iter().find_map(asked))
        .unwrap_or(NO_BAR)
}

/// What an action planned alone would add to a turn's totals, for the
/// limits the article's policy keeps across the whole plan.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Footprint {
    /// Russia's strain at the end of the turn, above what it holds now.
    pub russia_strain: f64,
    /// China's share of finance, in points.
    pub china_finance: f64,
}

impl Footprint {
    fn of(state: &State, pv: &Preview) -> Footprint {
        Footprint {
            russia_strain: pv.strain[Power::Russia.index()] - state.strain(Power::Russia),
            china_finance: share_change(pv, |d, h| d == Domain::Finance && h == Holder::China),
        }
    }
}

/// The net change of the shares that match, over a preview.
pub(crate) fn share_change(pv: &Preview, matches: impl Fn(Domain, Holder) -> bool) -> f64 {
    pv.changes()
        .iter()
        .filter_map(|(v, d)| match v {
            Var::Share(dom, h) if matches(*dom, *h) => Some(*d),
            _ => None,
        })
        .sum()
}

/// The net change of the structural shares (those that last) that match.
fn structure_change(pv: &Preview, matches: impl Fn(Holder) -> bool) -> f64 {
    pv.changes()
        .iter()
        .filter_map(|(v, d)| match v {
            Var::Structure(_, h) if matches(*h) => Some(*d),
            _ => None,
        })
        .sum()
}

/// How much a policy values what a preview says will happen.
pub(crate) fn value(state: &State, book: &Book, pv: &Preview, style: Style, bar: f64) -> f64 {
    let stability_weight = if state.stability() < FRAGILE {
        1.2
    } else {
        0.25
    };
    match style {
        Style::Hedger => hedger_value(state, pv, stability_weight, bar),
        Style::Article => {
            hedger_value(state, pv, stability_weight, bar) + article::preference(state, book, pv)
        }
        Style::First(p) => {
            // Closeness, and shares: those that last (projects) count in
            // full, those that structural pull will wear away in part.
            let mine = |h: Holder| h == p.holder();
            let shares = share_change(pv, |_, h| mine(h));
            let lasting = structure_change(pv, mine);
            // Pushing the chosen power past its own tolerance sets it
            // against the player: a power-first player avoids that too.
            let own_strain = (pv.strain[p.index()] - state.tolerance(p)).max(0.0);
            pv.proximity[p.index()] + 0.5 * shares + lasting + stability_weight * pv.stability
                - 0.5 * own_strain
        }
    }
}

/// The hedger's measure: autonomy first, leverage until the best ending's
/// bar (`bar`), stability when it is fragile, and no power pushed near its
/// limit.
fn hedger_value(state: &State, pv: &Preview, stability_weight: f64, bar: f64) -> f64 {
    let provocation: f64 = Power::ALL
        .iter()
        .map(|p| (pv.strain[p.index()] - 0.85 * state.tolerance(*p)).max(0.0))
        .sum();
    // Leverage past the best ending's bar is worth little; autonomy always counts.
    let leverage_weight = if state.leverage() < bar { 0.8 } else { 0.2 };
    1.5 * pv.autonomy + leverage_weight * pv.leverage + stability_weight * pv.stability
        - 0.6 * provocation
}

/// What an action is worth to a policy, per point of its cost.
fn action_value(
    state: &State,
    book: &Book,
    id: ActionId,
    pv: &Preview,
    style: Style,
    bar: f64,
) -> f64 {
    let a = book.action(id);
    let mut v = value(state, book, pv, style, bar);
    if let Style::First(p) = style {
        if a.power == Some(p) {
            v += 3.0;
        } else if a.power.is_some() {
            v -= 2.0;
        }
    }
    v / f64::from(a.cost.max(1))
}

/// Greedy planning (previewing on `bench`): the actions worth most per point of capital, while
/// they are worth anything and the capital lasts (and, for the article's
/// policy, while the plan keeps within its limits).
pub(crate) fn plan(bench: &mut Bench, state: &State, book: &Book, style: Style) -> Vec<ActionId> {
    let bar = leverage_bar(state, book);
    let mut scored: Vec<(f64, ActionId, Footprint)> = book
        .action_ids()
        .filter(|&a| can_plan(state, book, a))
        .filter_map(|id| {
            let pv = bench.action(state, book, id);
            let v = action_value(state, book, id, &pv, style, bar);
            // Only the article's policy keeps limits across the plan.
            let footprint = |pv: &Preview| match style {
                Style::Article => Footprint::of(state, pv),
                _ => Footprint::default(),
            };
            (v > WORTH_PLANNING).then(|| (v, id, footprint(&pv)))
        })
        .collect();
    scored.sort_by(|a, b| {
        b.0.total_cmp(&a.0)
            .then_with(|| book.action(a.1).id.cmp(&book.action(b.1).id))
    });
    let mut capital = state.capital();
    let mut total = Footprint::default();
    let mut planned = Vec::new();
    for (_, id, footprint) in scored {
        let cost = book.action(id).cost;
        if cost > capital {
            continue;
        }
        if style == Style::Article && !article::admits(state, total, footprint) {
            continue;
        }
        capital -= cost;
        total.russia_strain += footprint.russia_strain;
        total.china_finance += footprint.china_finance;
        planned.push(id);
    }
    planned
}

/// The open choice worth most to the policy (the first on a tie); on a
/// crisis ladder, the policy's rule for backing down.
pub(crate) fn choose(
    bench: &mut Bench,
    state: &State,
    book: &Book,
    style: Style,
    open: &[usize],
) -> usize {
    if let Some((p, step)) = super::ladder_of(state) {
        let answer = ladder_answer(state, style, p, step);
        return if open.contains(&answer) {
            answer
        } else {
            open[0]
        };
    }
    let bar = leverage_bar(state, book);
    let mut best = (open[0], f64::NEG_INFINITY);
    for &i in open {
        let Ok(pv) = bench.preview(state, book, &Command::Choose(i)) else {
            continue;
        };
        let mut v = value(state, book, &pv, style, bar);
        if style == Style::Article {
            v -= article::answer_penalty(state, &pv);
        }
        if v > best.1 {
            best = (i, v);
        }
    }
    best.0
}

/// Back down (0) or hold firm (1) before a power on its crisis ladder.
fn ladder_answer(state: &State, style: Style, p: Power, step: LadderStep) -> usize {
    let breaking = state.stability() < BREAKING;
    let back_down = match style {
        // In the chosen power's favour: give it what it asks.
        Style::First(q) if q == p => true,
        // Against its rivals: hold, unless the state would break.
        Style::First(_) => breaking,
        Style::Hedger => breaking || step >= LadderStep::Pressure,
        Style::Article => article::backs_down(state, p, step) || breaking,
    };
    usize::from(!back_down)
}
