//! Numbers the screens show about a rule that the rules do not expose yet.
//! Each is marked `TODO(rules)` with the signature the rules should offer;
//! once they do, the function here goes and the screens call the rules.
//! Nothing else in the screens repeats a rule's arithmetic.

use crate::rules::scoring::{LeverageParts, leverage_of};
use crate::rules::{Book, Cause, Power, State, Var};

/// What may be carried over from one turn to the next on top of the refill.
// TODO(rules): move to rules as `pub fn capital_cap(state: &State) -> f64`
// (turn.rs, end of a turn: the refill is min(capital + per turn, per turn + 3)).
const CARRY: f64 = 3.0;

/// The most diplomatic capital a turn can start with: the refill plus what
/// may be carried over. Capital left above `carry` is lost at the refill.
pub fn capital_cap(state: &State) -> f64 {
    state.capital_per_turn() + CARRY
}

/// How much unspent capital is carried into the next turn at most.
pub fn capital_carry() -> f64 {
    CARRY
}

/// The chance that a power standing on its crisis ladder backs down at the
/// next end of turn if the player holds, while its strain stays at least
/// `drop_share` of its tolerance (below that it lets the matter drop).
// TODO(rules): move to rules as
// `pub fn yield_odds(state: &State, book: &Book, p: Power) -> f64`
// (turn.rs `react`: resolve = 0.25 + 0.5 × strength / 100 − 0.05 × step).
pub fn yield_odds(state: &State, book: &Book, p: Power) -> f64 {
    let strength = state.world(book.power(p).strength);
    let level = f64::from(state.ladder(p).level());
    let resolve = 0.25 + 0.5 * strength / 100.0 - 0.05 * level;
    (1.0 - resolve).clamp(0.0, 1.0)
}

/// Below this share of its tolerance a power on its ladder lets the matter drop.
// TODO(rules): move to rules as `pub const LADDER_DROP: f64` (turn.rs `react`).
pub fn drop_share() -> f64 {
    0.6
}

/// How a change the player is shown will last.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fade {
    /// Built into the structure (a completed project): it stays.
    Lasts,
    /// A share moved by anything but structure: structural pull takes it
    /// back a point a turn.
    SharePull,
    /// Strain fades by a fifth every turn.
    Strain,
    /// The leverage bonus fades by a tenth every turn.
    Bonus,
}

impl Fade {
    /// In the player's words, e.g. "fades 1 a turn".
    pub fn words(self) -> &'static str {
        match self {
            Fade::Lasts => "lasts",
            Fade::SharePull => "fades 1 a turn",
            Fade::Strain => "fades 20% a turn",
            Fade::Bonus => "fades 10% a turn",
        }
    }
}

/// Whether a change to `var` from `cause` fades, and how; `None` when the
/// rules do not pull it back (world-drift rules, read from the content, say
/// where the other numbers drift: see `ui::widgets::consequences`).
// TODO(rules): move to rules as `pub fn fade(cause: &Cause, var: &Var) -> Option<Fade>`
// (effects.rs `structural_pull`: one point a turn; turn.rs: strain × 0.8 and
// the leverage bonus × 0.9 each turn).
pub fn fade(cause: &Cause, var: &Var) -> Option<Fade> {
    match var {
        Var::Share(..) if cause.is_structural() => Some(Fade::Lasts),
        Var::Share(..) => Some(Fade::SharePull),
        Var::Strain(_) => Some(Fade::Strain),
        Var::Leverage => Some(Fade::Bonus),
        _ => None,
    }
}

/// The turn from which effects delayed by `after` turns are seen, when they
/// are set off now (by a choice, or by an action planned now).
// TODO(rules): move to rules as `pub fn lands(state: &State, after: u32) -> u32`
// (effects.rs `Effect::Later`: due = turn + max(after, 1), landing as the
// turn before it ends).
pub fn lands(state: &State, after: u32) -> u32 {
    state.turn() + after.max(1)
}

/// The leverage score taken apart: each part's name (the powers' stakes,
/// routes and assets, the bridge to Europe, the penalty for embracing one
/// power, the fading bonus), its value, and what it adds to the total
/// (negative for the penalty). What each adds is found by
/// taking it away and recomputing the total with the rules' own formula, so
/// no weight is copied here.
// TODO(rules): move to rules as `impl LeverageParts { pub fn contributions(&self) -> [(&'static str, f64, f64); 5] }`.
pub fn leverage_contributions(state: &State) -> Vec<(&'static str, f64, f64)> {
    let parts = leverage_of(state);
    let total = parts.total();
    let without = |f: fn(&mut LeverageParts)| {
        let mut p = parts;
        f(&mut p);
        total - p.total()
    };
    vec![
        (
            "stakes",
            parts.competition,
            without(|p| p.competition = 0.0),
        ),
        ("routes", parts.assets, without(|p| p.assets = 0.0)),
        ("bridge", parts.bridge, without(|p| p.bridge = 0.0)),
        (
            "embrace",
            parts.embrace_penalty,
            without(|p| p.embrace_penalty = 0.0),
        ),
        ("bonus", parts.bonus, without(|p| p.bonus = 0.0)),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn state() -> (Book, State) {
        let book = crate::content::builtin().unwrap();
        let sc = book.scenario("standard").unwrap().clone();
        let s = crate::rules::new_game(&book, &sc, Some("kazakhstan"), 7).unwrap();
        (book, s)
    }

    #[test]
    fn the_parts_of_leverage_add_up_to_it() {
        let (_, s) = state();
        let sum: f64 = leverage_contributions(&s).iter().map(|p| p.2).sum();
        assert!(
            (sum - s.leverage()).abs() < 1e-9,
            "{sum} vs {}",
            s.leverage()
        );
    }

    #[test]
    fn a_stronger_power_backs_down_less_often() {
        let (book, s) = state();
        let odds = yield_odds(&s, &book, Power::Russia);
        assert!(odds > 0.0 && odds < 1.0, "{odds}");
        // Russia (strength 55) is more resolute than a weaker power would be.
        let china = yield_odds(&s, &book, Power::China);
        assert!(
            china < odds,
            "China's reach 65 makes it firmer: {china} vs {odds}"
        );
    }

    #[test]
    fn only_structure_lasts() {
        use crate::rules::{Domain, Holder};
        let share = Var::Share(Domain::Trade, Holder::Eu);
        assert_eq!(fade(&Cause::Project("x".into()), &share), Some(Fade::Lasts));
        assert_eq!(
            fade(&Cause::Action("x".into()), &share),
            Some(Fade::SharePull)
        );
        assert_eq!(fade(&Cause::Action("x".into()), &Var::Stability), None);
    }
}
