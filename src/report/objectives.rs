//! A scenario's learning objectives, checked against a game: met or not,
//! with the number each condition reads and the bar it sets. Reports of
//! every format read them from here.

use serde::Serialize;

use crate::rules::defs::Cond;
use crate::rules::{Book, Check, Game};

/// One condition of an objective, checked.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CheckLine {
    /// The condition in words, e.g. "Autonomy at least 64".
    pub text: String,
    pub held: bool,
    /// The number it reads (for a gain, the gain so far), when it has one.
    pub value: Option<f64>,
    /// The bar it sets, when it has one.
    pub target: Option<f64>,
}

/// One objective of the scenario, checked.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ObjectiveLine {
    pub text: String,
    /// `None` for an objective written without conditions: not checked.
    pub met: Option<bool>,
    pub checks: Vec<CheckLine>,
}

impl CheckLine {
    fn of(c: Check) -> CheckLine {
        CheckLine {
            text: c.text,
            held: c.held,
            value: c.value,
            target: c.target,
        }
    }

    /// The condition with the number it read: "Autonomy at least 64:
    /// 48.8" (never rounded onto the other side of its bar: 59.96 against
    /// 60 is "59.96"); the words alone when it reads none.
    pub fn words(&self) -> String {
        match (self.value, self.target) {
            (Some(v), Some(x)) => format!("{}: {}", self.text, beside(v, x)),
            (Some(v), None) => format!("{}: {v:.1}", self.text),
            _ => self.text.clone(),
        }
    }
}

impl ObjectiveLine {
    /// "met", "not met" or "not checked".
    pub fn verdict(&self) -> &'static str {
        match self.met {
            Some(true) => "met",
            Some(false) => "not met",
            None => "not checked",
        }
    }
}

/// A number beside a bar: one decimal, or as many more as it takes to stay
/// on its own side of the bar.
fn beside(v: f64, x: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 1e9 {
        // A count (of domains, of powers) or a round number.
        return format!("{v:.0}");
    }
    let side = |a: f64| a.partial_cmp(&x);
    (1..=6usize)
        .map(|d| format!("{v:.d$}"))
        .find(|s| s.parse::<f64>().ok().map(side) == Some(side(v)))
        .unwrap_or_else(|| format!("{v}"))
}

/// The scenario's objectives, checked against the game as it stands (its
/// end, once it is over). A condition that is the negation of one that
/// reads a number (`Not(Dominated(...))`) is shown with that number.
pub fn objectives(book: &Book, game: &Game) -> Vec<ObjectiveLine> {
    let conds: Vec<Vec<Cond>> = book
        .resolve_scenario(&game.scenario)
        .map(|s| s.objectives.into_iter().map(|o| o.when).collect())
        .unwrap_or_default();
    game.objectives(book)
        .into_iter()
        .enumerate()
        .map(|(i, o)| ObjectiveLine {
            text: o.text,
            met: o.met,
            checks: o
                .checks
                .into_iter()
                .enumerate()
                .map(|(j, c)| {
                    let mut line = CheckLine::of(c);
                    if let Some(Cond::Not(inner)) = conds.get(i).and_then(|w| w.get(j)) {
                        if line.value.is_none() {
                            let read = book.check_cond(game.state(), inner);
                            (line.value, line.target) = (read.value, read.target);
                        }
                    }
                    line
                })
                .collect(),
        })
        .collect()
}

/// How many objectives were met.
pub fn met(lines: &[ObjectiveLine]) -> usize {
    lines.iter().filter(|o| o.met == Some(true)).count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_objective_is_met_or_not_with_its_numbers() {
        let book = crate::content::builtin().unwrap();
        let scenario = book.scenario("standard").unwrap().clone();
        let game = Game::new(&book, scenario, Some("kazakhstan"), 7).unwrap();
        let lines = objectives(&book, &game);
        assert_eq!(lines.len(), 3);
        let stability = lines.iter().find(|o| o.text.contains("stability")).unwrap();
        assert_eq!(stability.met, Some(true), "{stability:?}");
        let check = &stability.checks[0];
        assert_eq!(check.target, Some(40.0));
        assert_eq!(check.value, Some(game.state().stability()));
        assert_eq!(
            check.words(),
            format!(
                "Stability at least 40: {}",
                beside(game.state().stability(), 40.0)
            )
        );
        let turkey = lines.iter().find(|o| o.text.contains("Turkey")).unwrap();
        assert_eq!(turkey.met, Some(false), "{turkey:?}");
        assert_eq!(turkey.verdict(), "not met");
        assert_eq!(
            met(&lines),
            lines.iter().filter(|o| o.met == Some(true)).count()
        );
        // Not(Dominated(...)) reads how many domains are dominated.
        let spread = &lines[0].checks[0];
        assert_eq!(
            spread.value,
            Some(f64::from(game.state().dominated_domains(50.0)))
        );
        assert_eq!(beside(59.96, 60.0), "59.96");
        assert_eq!(beside(59.94, 60.0), "59.9");
        assert_eq!(beside(60.0, 60.0), "60");
        assert_eq!(beside(3.0, 1.0), "3");
    }
}
