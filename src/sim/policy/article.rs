//! `article`: the essay's advice as a way of playing. It hedges like the
//! hedger, and on top:
//! - builds ties with Turkey while Turkey is coupled to Europe ("proximity
//!   to Turkey now means potential proximity to Europe"), and courts
//!   Brussels directly when that stalls: coupling low, or the EU paralysed,
//!   or Ankara overstretched ("Should the EU fragment further, or should
//!   Ankara overplay its hand, the momentum could stall");
//! - keeps Russia under its red lines: no plan that would push Russia's
//!   strain near its tolerance, and it backs down early on Russia's ladder;
//! - takes China's infrastructure, but never lets China's share of finance
//!   pass half.

use super::greedy::{Footprint, share_change};
use crate::rules::preview::Preview;
use crate::rules::{Book, Domain, Holder, LadderStep, Power, State, WorldVar};

/// Below this Turkey–EU coupling the Turkish route to Europe has stalled.
pub(crate) const COUPLING_LOW: f64 = 40.0;
/// The situations that stall the momentum, as the content names them.
pub(crate) const STALLS: [&str; 2] = ["eu_paralysis", "turkish_overstretch"];
/// How much a point of closeness to the favoured vector is worth on top of
/// the hedger's measure.
const VECTOR: f64 = 0.6;
/// How much a point of strategic assets from China is worth on top.
const INFRASTRUCTURE: f64 = 0.5;
/// The share of Russia's tolerance a plan may fill with strain.
const RED_LINE: f64 = 0.9;
/// China's share of finance that must not be passed.
const FINANCE_CAP: f64 = 50.0;

/// Whether the Turkish route to Europe has stalled: coupling low, or one of
/// the stalling situations in force (a content set without one never
/// stalls through it).
pub(crate) fn stalled(state: &State, book: &Book) -> bool {
    state.world(WorldVar::TurkeyEuCoupling) < COUPLING_LOW
        || STALLS
            .iter()
            .filter_map(|id| book.situation_id(id))
            .any(|id| state.in_force(id))
}

/// What the article's advice adds to the hedger's measure of a preview.
pub(crate) fn preference(state: &State, book: &Book, pv: &Preview) -> f64 {
    let favoured = if stalled(state, book) {
        Power::Eu
    } else {
        Power::Turkey
    };
    let mut v = VECTOR * pv.proximity[favoured.index()];
    let assets = pv
        .changes()
        .iter()
        .find(|(var, _)| *var == crate::rules::Var::Assets)
        .map_or(0.0, |(_, d)| *d);
    if pv.proximity[Power::China.index()] > 0.0 && assets > 0.0 {
        v += INFRASTRUCTURE * assets;
    }
    v
}

/// Whether an action may join a plan whose other actions add `total`:
/// Russia's strain kept under its red line, China's finance under half.
pub(crate) fn admits(state: &State, total: Footprint, add: Footprint) -> bool {
    let russia = state.strain(Power::Russia) + total.russia_strain + add.russia_strain;
    let red_line_ok =
        add.russia_strain <= 0.0 || russia <= RED_LINE * state.tolerance(Power::Russia);
    let finance = f64::from(state.share(Domain::Finance, Holder::China))
        + total.china_finance
        + add.china_finance;
    let finance_ok = add.china_finance <= 0.0 || finance <= FINANCE_CAP;
    red_line_ok && finance_ok
}

/// What an answer costs against the same two limits (an answer must be
/// given, so the limits weigh rather than forbid).
pub(crate) fn answer_penalty(state: &State, pv: &Preview) -> f64 {
    let russia = (pv.strain[Power::Russia.index()] - state.tolerance(Power::Russia)).max(0.0);
    let finance = f64::from(state.share(Domain::Finance, Holder::China))
        + share_change(pv, |d, h| d == Domain::Finance && h == Holder::China);
    2.0 * russia + 2.0 * (finance - FINANCE_CAP).max(0.0)
}

/// Whether to back down before a power on its ladder: early before Russia
/// (its red lines), late before the others, as the hedger does.
pub(crate) fn backs_down(_state: &State, p: Power, step: LadderStep) -> bool {
    match p {
        Power::Russia => step >= LadderStep::Warning,
        _ => step >= LadderStep::Pressure,
    }
}
