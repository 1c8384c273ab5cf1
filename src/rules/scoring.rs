//! The scores: autonomy from the dependence shares, leverage from the
//! powers' stakes, the player's assets and the Turkey–EU coupling.

use serde::Serialize;

use super::State;
use super::model::Model;
use super::shares::Shares;
use super::types::{Domain, MIDPOINT, Power, WorldVar};

/// Autonomy of one domain (0–100). The powers' part of the domain counts
/// by how evenly it is spread among them (one minus the Herfindahl index of
/// their shares relative to each other); the domestic part (`other`) counts
/// almost fully. Any power holding more than the dominance share costs a
/// penalty on top (asymmetric dependence).
pub fn domain_autonomy(model: &Model, shares: Shares) -> f64 {
    let powers = shares.powers().map(f64::from);
    let total: f64 = powers.iter().sum();
    let other = f64::from(shares.get(super::types::Holder::Other)) / 100.0;
    let balance = if total > 0.0 {
        1.0 - powers
            .iter()
            .map(|&s| (s / total) * (s / total))
            .sum::<f64>()
    } else {
        0.0
    };
    let dominance = model.autonomy.dominance;
    let penalty: f64 = powers.iter().map(|&s| (s - dominance).max(0.0)).sum();
    (100.0 * (balance * (1.0 - other) + model.autonomy.domestic * other) - penalty)
        .clamp(0.0, 100.0)
}

/// Autonomy (0–100): the weighted mean of the domains' autonomy, less what
/// closing vectors cost (see [`closing`]).
pub fn autonomy(model: &Model, shares: &[Shares; 5], proximity: [f64; 4], start: [f64; 4]) -> f64 {
    autonomy_of(model, &domains_autonomy(model, shares), proximity, start)
}

/// Each domain's autonomy, by domain (see [`domain_autonomy`]).
pub fn domains_autonomy(model: &Model, shares: &[Shares; 5]) -> [f64; 5] {
    Domain::ALL.map(|d| domain_autonomy(model, shares[d.index()]))
}

/// [`autonomy`] from each domain's autonomy (by domain, as
/// [`domain_autonomy`] gives it), for a state that keeps those while its
/// shares stand still.
pub fn autonomy_of(model: &Model, domains: &[f64; 5], proximity: [f64; 4], start: [f64; 4]) -> f64 {
    let weighted: f64 = Domain::ALL
        .iter()
        .map(|d| model.autonomy.weights.get(*d) * domains[d.index()])
        .sum();
    (weighted - closing(model, proximity, start)).clamp(0.0, 100.0)
}

/// What closing vectors cost autonomy: for each power (Russia, China,
/// Turkey, the EU), `closing` a point its closeness has fallen below where
/// it stood at the start, counted from `open_from` down (a door that was
/// open and is shut; one never open costs nothing).
pub fn closing(model: &Model, proximity: [f64; 4], start: [f64; 4]) -> f64 {
    let m = &model.autonomy;
    proximity
        .iter()
        .zip(start)
        .map(|(p, s)| m.closing * (s.min(m.open_from) - p).max(0.0))
        .sum()
}

/// Effective access to Europe: direct EU proximity plus coupling × proximity
/// to Turkey ("proximity to Turkey now means potential proximity to Europe").
pub fn europe_access(eu: f64, turkey: f64, coupling: f64) -> f64 {
    (eu + coupling / 100.0 * turkey).clamp(0.0, 100.0)
}

/// How much of a stake a power with this proximity has (0–100).
fn stake(model: &Model, proximity: f64) -> f64 {
    let m = &model.leverage;
    100.0 * ((proximity - m.no_stake) / (m.full_stake - m.no_stake)).clamp(0.0, 1.0)
}

/// Leverage and its parts, each a number of the state recorded when it moves.
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize)]
pub struct Leverage {
    /// How much of a stake each power has in the player (0–100), the EU's
    /// through effective access to Europe.
    pub stakes: [f64; 4],
    /// The player's place as a bridge between Turkey and Europe (0–100).
    pub bridge: f64,
    /// Lost by embracing one power far beyond the others.
    pub embrace: f64,
    /// Turkey's latitude (0–100): the share at which Turkey's stake, the
    /// bridge and the Turkish route to Europe count.
    pub latitude: f64,
    /// From powers that backed down, and events; fades over time.
    pub bonus: f64,
    /// The whole (0–100).
    pub total: f64,
}

impl Leverage {
    /// How far the powers have a real stake in the player (0–100): the mean
    /// of their stakes.
    pub fn competition(&self) -> f64 {
        self.stakes.iter().sum::<f64>() / self.stakes.len() as f64
    }
}

/// Turkey's latitude (0–100): worth most to its partners when it is coupled
/// to Europe *and* autonomous ("proximity to Europe amplifies, rather than
/// constrains, its regional partnerships"). Coupling beyond a point absorbs
/// it into Europe's constraints; overextension stretches it thin.
pub fn latitude(model: &Model, coupling: f64, overextension: f64) -> f64 {
    let m = &model.leverage;
    let past = |x: f64, from: f64| ((x - from) / (100.0 - from)).clamp(0.0, 1.0);
    let free = 1.0
        - m.absorption * past(coupling, m.absorption_from)
        - m.overreach * past(overextension, m.overreach_from);
    100.0 * free.clamp(m.latitude_floor, 1.0)
}

/// Leverage from its inputs: proximities (Russia, China, Turkey, EU), the
/// world (Turkey–EU coupling, Turkey's overextension), assets and bonus.
pub fn leverage_parts(
    model: &Model,
    proximity: [f64; 4],
    world: &[f64; 7],
    assets: f64,
    bonus: f64,
) -> Leverage {
    let m = &model.leverage;
    let coupling = world[WorldVar::TurkeyEuCoupling.index()];
    let latitude = latitude(
        model,
        coupling,
        world[WorldVar::TurkeyOverextension.index()],
    );
    let free = latitude / 100.0;
    let turkey = proximity[Power::Turkey.index()];
    let eu = europe_access(proximity[Power::Eu.index()], turkey * free, coupling);
    let stakes = [
        stake(model, proximity[Power::Russia.index()]),
        stake(model, proximity[Power::China.index()]),
        stake(model, turkey) * free,
        stake(model, eu),
    ];
    // The bridge is worth what the coupling makes it: "proximity to Turkey
    // now means potential proximity to Europe" only while the two are close.
    let carries = 1.0 + m.bridge_coupling * (coupling - MIDPOINT) / MIDPOINT;
    let bridge = (stake(model, turkey.min(eu)) * free * carries).clamp(0.0, 100.0);
    // The closest power's lead over the next.
    let (mut first, mut second) = (f64::NEG_INFINITY, f64::NEG_INFINITY);
    for p in proximity {
        if p > first {
            (first, second) = (p, first);
        } else if p > second {
            second = p;
        }
    }
    let embrace = m.embrace_rate * (first - second - m.embrace_gap).max(0.0);
    let mut parts = Leverage {
        stakes,
        bridge,
        embrace,
        latitude,
        bonus,
        total: 0.0,
    };
    parts.total = (m.competition * parts.competition() + m.assets * assets + m.bridge * bridge
        - embrace
        + bonus)
        .clamp(0.0, 100.0);
    parts
}

/// The state's leverage, part by part.
pub fn leverage_of(state: &State) -> Leverage {
    state.leverage
}

/// Scores are given to one decimal.
const TENTHS: f64 = 10.0;

/// The final score: the model's weights of autonomy, leverage and
/// stability, plus the ending's bonus, to one decimal.
pub fn final_score(model: &Model, autonomy: f64, leverage: f64, stability: f64, bonus: f64) -> f64 {
    let w = &model.score;
    let s = w.autonomy * autonomy + w.leverage * leverage + w.stability * stability + bonus;
    to_tenth(s)
}

/// A number to one decimal, as scores and bars are given.
pub fn to_tenth(x: f64) -> f64 {
    (x * TENTHS).round() / TENTHS
}

#[cfg(test)]
mod tests {
    use super::*;

    fn model() -> Model {
        ron::from_str(include_str!("../../assets/model.ron")).unwrap()
    }

    fn sh(row: [u8; 5]) -> Shares {
        Shares::new(row).unwrap()
    }

    #[test]
    fn a_dominated_domain_lowers_autonomy() {
        let balanced = [20, 20, 20, 20, 20];
        let dominated = [70, 5, 5, 0, 20];
        assert!(domain_autonomy(&model(), sh(dominated)) < domain_autonomy(&model(), sh(balanced)));
        let mut shares = [sh(balanced); 5];
        let even = [50.0; 4];
        let before = autonomy(&model(), &shares, even, even);
        shares[Domain::Security.index()] = sh(dominated);
        assert!(autonomy(&model(), &shares, even, even) < before);
    }

    #[test]
    fn domination_beyond_half_costs_more_than_concentration_alone() {
        // Moving 10 points from other to a power below half costs less than
        // moving them to a power already at half.
        let below = domain_autonomy(&model(), sh([30, 20, 0, 0, 50]))
            - domain_autonomy(&model(), sh([40, 20, 0, 0, 40]));
        let above = domain_autonomy(&model(), sh([50, 20, 0, 0, 30]))
            - domain_autonomy(&model(), sh([60, 20, 0, 0, 20]));
        assert!(above > below + 9.0, "{above} vs {below}");
    }

    #[test]
    fn balance_among_the_powers_counts() {
        let balanced = domain_autonomy(&model(), sh([20, 20, 20, 20, 20]));
        let lopsided = domain_autonomy(&model(), sh([65, 5, 5, 5, 20]));
        assert!(balanced > lopsided + 30.0);
    }

    #[test]
    fn full_domestic_capacity_is_full_autonomy() {
        assert_eq!(
            domain_autonomy(&model(), sh([0, 0, 0, 0, 100])),
            100.0 * model().autonomy.domestic
        );
        assert_eq!(domain_autonomy(&model(), sh([100, 0, 0, 0, 0])), 0.0);
    }

    /// The world with this coupling and overextension, the rest at 50.
    fn world(coupling: f64, overextension: f64) -> [f64; 7] {
        let mut w = [50.0; 7];
        w[WorldVar::TurkeyEuCoupling.index()] = coupling;
        w[WorldVar::TurkeyOverextension.index()] = overextension;
        w
    }

    #[test]
    fn coupling_raises_the_value_of_turkey_proximity() {
        let gain = |coupling: f64| {
            let w = world(coupling, 35.0);
            let base = leverage_parts(&model(), [50.0, 50.0, 40.0, 25.0], &w, 40.0, 0.0).total;
            let closer = leverage_parts(&model(), [50.0, 50.0, 55.0, 25.0], &w, 40.0, 0.0).total;
            closer - base
        };
        assert!(gain(75.0) > gain(20.0));
        assert!(gain(20.0) > 0.0);
    }

    /// "Proximity to Europe amplifies, rather than constrains": a Turkey
    /// absorbed into Europe (coupling near 100) or overstretched is worth
    /// less to its partners than one coupled and autonomous.
    #[test]
    fn turkey_is_worth_most_coupled_and_autonomous() {
        let m = model();
        let worth = |coupling: f64, over: f64| {
            let w = world(coupling, over);
            let with = leverage_parts(&m, [50.0, 50.0, 70.0, 40.0], &w, 40.0, 0.0).total;
            let without = leverage_parts(&m, [50.0, 50.0, 30.0, 40.0], &w, 40.0, 0.0).total;
            with - without
        };
        let coupled = worth(75.0, 35.0);
        assert!(coupled > worth(30.0, 35.0), "coupling adds");
        assert!(coupled > worth(100.0, 35.0), "absorption takes away");
        assert!(coupled > worth(75.0, 90.0), "overstretch takes away");
        assert_eq!(latitude(&m, 75.0, 35.0), 100.0);
        assert!(latitude(&m, 100.0, 100.0) >= 100.0 * m.leverage.latitude_floor);
    }

    #[test]
    fn europe_access_adds_coupled_turkey_proximity() {
        assert_eq!(europe_access(30.0, 50.0, 40.0), 50.0);
        assert_eq!(europe_access(90.0, 90.0, 90.0), 100.0);
    }

    #[test]
    fn embracing_one_power_costs_leverage() {
        let w = world(45.0, 35.0);
        let even = leverage_parts(&model(), [50.0, 50.0, 50.0, 50.0], &w, 40.0, 0.0).total;
        let client = leverage_parts(&model(), [95.0, 40.0, 35.0, 30.0], &w, 40.0, 0.0).total;
        assert!(client < even);
    }

    #[test]
    fn a_vector_that_closes_costs_autonomy_and_one_never_open_does_not() {
        let m = model();
        let start = [62.0, 52.0, 48.0, 30.0];
        assert_eq!(closing(&m, start, start), 0.0);
        let open_from = m.autonomy.open_from;
        let russia_cold = [open_from - 10.0, 52.0, 48.0, 30.0];
        assert_eq!(closing(&m, russia_cold, start), m.autonomy.closing * 10.0);
        let eu_colder = [62.0, 52.0, 48.0, 20.0];
        assert_eq!(closing(&m, eu_colder, start), m.autonomy.closing * 10.0);
        let warmer = [70.0, 60.0, 60.0, 40.0];
        assert_eq!(closing(&m, warmer, start), 0.0);
    }
}
