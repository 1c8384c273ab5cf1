//! The scores: autonomy from the dependence shares, leverage from the
//! powers' stakes, the player's assets and the Turkey–EU coupling.

use super::State;
use super::defs::ShareVec;
use super::types::{Domain, Power, WorldVar};

/// Above this share one power dominates a domain (asymmetric dependence).
pub const DOMINANCE: f64 = 50.0;

/// How much autonomy a point of domestic capacity (`other`) is worth,
/// against a point held by a perfectly balanced set of powers (1 − 1/4).
const DOMESTIC: f64 = 0.9;

/// Autonomy of one domain (0–100). The powers' part of the domain counts
/// by how evenly it is spread among them (one minus the Herfindahl index of
/// their shares relative to each other); the domestic part (`other`) counts
/// almost fully. Any power holding more than half costs a penalty on top
/// (asymmetric dependence).
pub fn domain_autonomy(shares: &ShareVec) -> f64 {
    let powers: f64 = shares[..4].iter().map(|&s| f64::from(s)).sum();
    let other = f64::from(shares[4]) / 100.0;
    let balance = if powers > 0.0 {
        1.0 - shares[..4]
            .iter()
            .map(|&s| {
                let x = f64::from(s) / powers;
                x * x
            })
            .sum::<f64>()
    } else {
        0.0
    };
    let penalty: f64 = shares[..4]
        .iter()
        .map(|&s| (f64::from(s) - DOMINANCE).max(0.0))
        .sum();
    (100.0 * (balance * (1.0 - other) + DOMESTIC * other) - penalty).clamp(0.0, 100.0)
}

/// Autonomy (0–100): the weighted mean of the domains' autonomy.
pub fn autonomy(shares: &[ShareVec; 5]) -> f64 {
    Domain::ALL
        .iter()
        .map(|d| d.weight() * domain_autonomy(&shares[d.index()]))
        .sum::<f64>()
        .clamp(0.0, 100.0)
}

/// Effective access to Europe: direct EU proximity plus coupling × proximity
/// to Turkey ("proximity to Turkey now means potential proximity to Europe").
pub fn europe_access(eu: f64, turkey: f64, coupling: f64) -> f64 {
    (eu + coupling / 100.0 * turkey).clamp(0.0, 100.0)
}

/// Below this proximity a power has no stake in the player; at
/// `FULL_STAKE` its stake is full.
const NO_STAKE: f64 = 30.0;
const FULL_STAKE: f64 = 85.0;

/// How much of a stake a power with this proximity has (0–1).
fn stake(proximity: f64) -> f64 {
    ((proximity - NO_STAKE) / (FULL_STAKE - NO_STAKE)).clamp(0.0, 1.0)
}

/// The parts of leverage, for display and tests.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LeverageParts {
    /// How far the powers have a real stake in the player (0–100).
    pub competition: f64,
    /// Strategic assets: routes and resources (0–100).
    pub assets: f64,
    /// The player's place as a bridge between Turkey and Europe (0–100).
    pub bridge: f64,
    /// Lost by embracing one power far beyond the others.
    pub embrace_penalty: f64,
    /// From powers that backed down, and events; fades over time.
    pub bonus: f64,
}

impl LeverageParts {
    pub fn total(&self) -> f64 {
        (0.5 * self.competition + 0.25 * self.assets + 0.25 * self.bridge - self.embrace_penalty
            + self.bonus)
            .clamp(0.0, 100.0)
    }
}

/// Leverage from its inputs: proximities (Russia, China, Turkey, EU),
/// coupling, assets and bonus.
pub fn leverage_parts(
    proximity: [f64; 4],
    coupling: f64,
    assets: f64,
    bonus: f64,
) -> LeverageParts {
    let eu = europe_access(
        proximity[Power::Eu.index()],
        proximity[Power::Turkey.index()],
        coupling,
    );
    let stakes = [
        proximity[Power::Russia.index()],
        proximity[Power::China.index()],
        proximity[Power::Turkey.index()],
        eu,
    ];
    let competition = 100.0 * stakes.iter().map(|&p| stake(p)).sum::<f64>() / 4.0;
    let bridge = 100.0 * stake(proximity[Power::Turkey.index()].min(eu));
    let mut sorted = proximity;
    sorted.sort_by(f64::total_cmp);
    let embrace_penalty = 0.4 * (sorted[3] - sorted[2] - 20.0).max(0.0);
    LeverageParts {
        competition,
        assets,
        bridge,
        embrace_penalty,
        bonus,
    }
}

pub fn leverage_of(state: &State) -> LeverageParts {
    let proximity = Power::ALL.map(|p| state.proximity(p));
    leverage_parts(
        proximity,
        state.world(WorldVar::TurkeyEuCoupling),
        state.assets,
        state.leverage_bonus,
    )
}

/// The final score: autonomy and leverage count double, stability single,
/// plus the ending's bonus.
pub fn final_score(autonomy: f64, leverage: f64, stability: f64, bonus: f64) -> f64 {
    let s = 0.4 * autonomy + 0.4 * leverage + 0.2 * stability + bonus;
    (s * 10.0).round() / 10.0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_dominated_domain_lowers_autonomy() {
        let balanced = [20, 20, 20, 20, 20];
        let dominated = [70, 5, 5, 0, 20];
        assert!(domain_autonomy(&dominated) < domain_autonomy(&balanced));
        let mut shares = [balanced; 5];
        let before = autonomy(&shares);
        shares[Domain::Security.index()] = dominated;
        assert!(autonomy(&shares) < before);
    }

    #[test]
    fn domination_beyond_half_costs_more_than_concentration_alone() {
        // Moving 10 points from other to a power below half costs less than
        // moving them to a power already at half.
        let below = domain_autonomy(&[30, 20, 0, 0, 50]) - domain_autonomy(&[40, 20, 0, 0, 40]);
        let above = domain_autonomy(&[50, 20, 0, 0, 30]) - domain_autonomy(&[60, 20, 0, 0, 20]);
        assert!(above > below + 9.0, "{above} vs {below}");
    }

    #[test]
    fn balance_among_the_powers_counts() {
        let balanced = domain_autonomy(&[20, 20, 20, 20, 20]);
        let lopsided = domain_autonomy(&[65, 5, 5, 5, 20]);
        assert!(balanced > lopsided + 30.0);
    }

    #[test]
    fn full_domestic_capacity_is_full_autonomy() {
        assert_eq!(domain_autonomy(&[0, 0, 0, 0, 100]), 100.0 * DOMESTIC);
        assert_eq!(domain_autonomy(&[100, 0, 0, 0, 0]), 0.0);
    }

    #[test]
    fn coupling_raises_the_value_of_turkey_proximity() {
        let gain = |coupling: f64| {
            let base = leverage_parts([50.0, 50.0, 40.0, 25.0], coupling, 40.0, 0.0).total();
            let closer = leverage_parts([50.0, 50.0, 55.0, 25.0], coupling, 40.0, 0.0).total();
            closer - base
        };
        assert!(gain(80.0) > gain(20.0));
        assert!(gain(20.0) > 0.0);
    }

    #[test]
    fn europe_access_adds_coupled_turkey_proximity() {
        assert_eq!(europe_access(30.0, 50.0, 40.0), 50.0);
        assert_eq!(europe_access(90.0, 90.0, 90.0), 100.0);
    }

    #[test]
    fn embracing_one_power_costs_leverage() {
        let even = leverage_parts([50.0, 50.0, 50.0, 50.0], 45.0, 40.0, 0.0).total();
        let client = leverage_parts([95.0, 40.0, 35.0, 30.0], 45.0, 40.0, 0.0).total();
        assert!(client < even);
    }
}
