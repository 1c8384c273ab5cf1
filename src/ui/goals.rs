//! The endings' conditions read against the state: what the best ending
//! needs and how far the game is from it, and how near the bad endings are.
//! Everything here is generated from `endings.ron` (through `Book::describe`
//! and `State::get`), never written out by hand, so a change of the endings
//! changes the screens with it.

use crate::rules::defs::{Cond, EndingDef};
use crate::rules::{Book, Domain, LadderStep, Power, State, Var};

/// One condition, read now.
#[derive(Debug, Clone, PartialEq)]
pub struct Reading {
    pub held: bool,
    /// In the player's words, with the value now and the threshold, e.g.
    /// "Autonomy 61.2 of 64 needed" or "Stability 63.8 (at least 40)".
    pub text: String,
}

/// A value shown beside a threshold: one decimal, or as many more as it
/// takes to stay on its own side of the threshold (63.9996 against 64 is
/// "63.9996", never "64.0").
pub fn near(v: f64, x: f64) -> String {
    let side = |a: f64| a.partial_cmp(&x);
    for d in 1..=8usize {
        let s = format!("{v:.d$}");
        if s.parse::<f64>().ok().map(side) == Some(side(v)) {
            return s;
        }
    }
    format!("{v}")
}

/// A threshold as the content writes it ("64", "0.5").
fn threshold(x: f64) -> String {
    format!("{x}")
}

/// A signed amount near a threshold: "+3.1", "−0.4".
fn signed_near(v: f64, x: f64, minus: &str) -> String {
    let s = near(v.abs(), x.abs());
    if v < 0.0 {
        format!("{minus}{s}")
    } else {
        format!("+{s}")
    }
}

fn var_name(book: &Book, v: &Var) -> String {
    book.label(v)
}

/// The domains with one power over `share`.
fn dominated(state: &State, share: f64) -> Vec<&'static str> {
    Domain::ALL
        .into_iter()
        .filter(|d| {
            Power::ALL
                .iter()
                .any(|p| f64::from(state.share(*d, p.holder())) > share)
        })
        .map(Domain::name)
        .collect()
}

fn at_step(state: &State, step: LadderStep) -> usize {
    Power::ALL
        .iter()
        .filter(|p| step > LadderStep::Calm && state.ladder(**p) >= step)
        .count()
}

fn domains(n: usize) -> &'static str {
    if n == 1 { "domain" } else { "domains" }
}

/// When a condition is read: now, or as the ending after the last turn
/// judges it (the scores by their mean over the last turns).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum When {
    Now,
    Judged,
    /// As judged if the game ended now, with the last turn's value beside
    /// each score (the Goals panel, during the game).
    SoFar,
}

/// A condition of an ending the player aims for, read now or as judged.
pub fn goal(state: &State, book: &Book, cond: &Cond, minus: &str, when: When) -> Reading {
    let held = match when {
        When::Now => state.holds(cond),
        When::Judged | When::SoFar => state.holds_judged(book, cond),
    };
    let value = |v: &Var| match when {
        When::Now => state.get(*v),
        When::Judged | When::SoFar => state.judged(book, *v),
    };
    // A score as judged is the mean of the last turns: the value of the
    // last turn goes beside it, so that neither surprises.
    // It is read against the same threshold, so it rounds like the main
    // value: one decimal unless that would put it on the bar.
    let last = |v: &Var, x: f64| match (when, v) {
        (When::SoFar, Var::Autonomy | Var::Leverage | Var::Stability) => {
            format!(" · last turn {}", near(state.get(*v), x))
        }
        _ => String::new(),
    };
    let text = match cond {
        Cond::AtLeast(v, x) => {
            let (name, now) = (var_name(book, v), near(value(v), *x));
            if held {
                format!("{name} {now} (at least {}){}", threshold(*x), last(v, *x))
            } else {
                format!("{name} {now} of {} needed{}", threshold(*x), last(v, *x))
            }
        }
        Cond::AtMost(v, x) => {
            let (name, now) = (var_name(book, v), near(value(v), *x));
            if held {
                format!("{name} {now} (at most {}){}", threshold(*x), last(v, *x))
            } else {
                format!(
                    "{name} {now}, at most {} needed{}",
                    threshold(*x),
                    last(v, *x)
                )
            }
        }
        Cond::Gained(v, x) => match state.gained(*v) {
            Some(g) => {
                let name = var_name(book, v);
                let g = signed_near(g - state.get(*v) + value(v), *x, minus);
                if held {
                    format!("{name} {g} since the start (+{} needed)", threshold(*x))
                } else {
                    format!("{name} {g} since the start, +{} needed", threshold(*x))
                }
            }
            None => book.describe(cond),
        },
        Cond::Not(inner) => match inner.as_ref() {
            Cond::Dominated { count, share } => {
                let names = dominated(state, *share);
                let most = count.saturating_sub(1);
                let n = names.len();
                let list = if names.is_empty() {
                    String::new()
                } else {
                    format!(": {}", names.join(", "))
                };
                format!(
                    "{n} {} with one power over {}%{list} (at most {most})",
                    domains(n),
                    threshold(*share)
                )
            }
            _ => book.describe(cond),
        },
        Cond::Dominated { count, share } => {
            let n = dominated(state, *share).len();
            format!(
                "{n} {} with one power over {}% ({count} needed)",
                domains(n),
                threshold(*share)
            )
        }
        Cond::Ladder { count, step } => format!(
            "{} powers at {} or beyond on the crisis ladder ({count} needed)",
            at_step(state, *step),
            step.name()
        ),
        other => book.describe(other),
    };
    Reading { held, text }
}

/// What a condition of a bad ending stands at now, in words that do not
/// take sides: "Stability 63.8 (at 0 or below)".
pub fn danger(state: &State, book: &Book, cond: &Cond) -> String {
    match cond {
        Cond::AtMost(v, x) => format!(
            "{} {} ({} or below)",
            var_name(book, v),
            near(state.get(*v), *x),
            threshold(*x)
        ),
        Cond::AtLeast(v, x) => format!(
            "{} {} ({} or above)",
            var_name(book, v),
            near(state.get(*v), *x),
            threshold(*x)
        ),
        Cond::Dominated { count, share } => {
            let n = dominated(state, *share).len();
            format!(
                "{n} of {count} {} with one power over {}%",
                domains(*count as usize),
                threshold(*share)
            )
        }
        Cond::Ladder { count, step } => format!(
            "{} of {count} powers at {} or beyond",
            at_step(state, *step),
            step.name()
        ),
        Cond::Flag(f) => {
            let name = book.flag_name(*f);
            if state.has_flag(*f) {
                format!("{name} (now)")
            } else {
                name.to_string()
            }
        }
        Cond::Any(cs) => cs
            .iter()
            .map(|c| danger(state, book, c))
            .collect::<Vec<_>>()
            .join(" or "),
        other => book.describe(other),
    }
}

/// The best ending (the first marked best), if the content has one.
pub fn best(book: &Book) -> Option<&EndingDef> {
    book.endings.iter().find(|e| e.best)
}

/// The bad endings: those that cost score.
pub fn bad(book: &Book) -> impl Iterator<Item = &EndingDef> {
    book.endings.iter().filter(|e| e.bonus < 0.0)
}

/// An ending's conditions as they read for the game played: a clause
/// written for other states is left out, one for this state is its bar, at
/// what this game's level and length ask ([`State::ending_conds`]).
pub fn conditions(state: &State, e: &EndingDef) -> Vec<Cond> {
    state.ending_conds(e)
}

/// The best ending's conditions, read now or as judged.
pub fn best_readings(state: &State, book: &Book, minus: &str, when: When) -> Vec<Reading> {
    best(book).map_or_else(Vec::new, |e| {
        conditions(state, e)
            .iter()
            .map(|c| goal(state, book, c, minus, when))
            .collect()
    })
}

/// A bad ending read now: whether it holds, and its conditions' values.
pub fn bad_reading(state: &State, book: &Book, e: &EndingDef) -> Reading {
    let text = conditions(state, e)
        .iter()
        .map(|c| danger(state, book, c))
        .collect::<Vec<_>>()
        .join(" and ");
    Reading {
        held: state.holds_all(&e.when),
        text,
    }
}

/// The threshold the best ending sets on a score for the state played, to
/// mark on its gauge (the highest, when it sets several).
pub fn score_goal(book: &Book, state: &State, var: &Var) -> Option<f64> {
    conditions(state, best(book)?)
        .iter()
        .filter_map(|c| match c {
            Cond::AtLeast(v, x) if v == var => Some(*x),
            _ => None,
        })
        .reduce(f64::max)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_value_never_rounds_onto_its_threshold() {
        assert_eq!(near(63.9996, 64.0), "63.9996");
        assert_eq!(near(61.24, 64.0), "61.2");
        assert_eq!(near(64.04, 64.0), "64.04");
        assert_eq!(near(64.06, 64.0), "64.1");
        assert_eq!(near(64.0, 64.0), "64.0");
        assert_eq!(near(64.0004, 64.0), "64.0004");
        assert_eq!(near(39.96, 40.0), "39.96");
    }

    #[test]
    fn the_best_ending_is_read_from_the_content() {
        let book = crate::content::builtin().unwrap();
        let sc = book.scenario("standard").unwrap().clone();
        let s = crate::rules::new_game(&book, &sc, Some("kazakhstan"), 7).unwrap();
        let r = best_readings(&s, &book, "−", When::Now);
        let e = best(&book).unwrap();
        assert_eq!(r.len(), conditions(&s, e).len());
        assert!(
            r.len() < e.when.len(),
            "the other states' bars are left out"
        );
        let autonomy = r.iter().find(|r| r.text.starts_with("Autonomy ")).unwrap();
        assert!(!autonomy.held);
        assert!(autonomy.text.ends_with("of 68 needed"), "{}", autonomy.text);
        assert_eq!(score_goal(&book, &s, &Var::Leverage), Some(91.0));
        let tj = crate::rules::new_game(&book, &sc, Some("tajikistan"), 7).unwrap();
        assert_eq!(score_goal(&book, &tj, &Var::Leverage), Some(72.0));
        assert_eq!(score_goal(&book, &tj, &Var::Autonomy), Some(66.0));
        let crisis = book.ending(book.ending_id("crisis").unwrap());
        let c = bad_reading(&s, &book, crisis);
        assert!(!c.held);
        assert!(c.text.starts_with("Stability "), "{}", c.text);
    }

    #[test]
    fn the_goals_read_the_judged_mean_with_the_last_turn_beside_it() {
        let book = crate::content::builtin().unwrap();
        let sc = book.scenario("standard").unwrap().clone();
        let mut s = crate::rules::new_game(&book, &sc, Some("kazakhstan"), 7).unwrap();
        for _ in 0..3 {
            while !s.pending().is_empty() {
                crate::rules::apply(&mut s, &book, &crate::rules::Command::Choose(0)).unwrap();
            }
            crate::rules::apply(&mut s, &book, &crate::rules::Command::EndTurn).unwrap();
        }
        let judged = s.judged(&book, Var::Autonomy);
        assert_ne!(
            judged,
            s.autonomy(),
            "the mean differs from the last turn here"
        );
        let r = best_readings(&s, &book, "−", When::SoFar);
        let autonomy = r.iter().find(|r| r.text.starts_with("Autonomy ")).unwrap();
        let want = format!("Autonomy {} of 68 needed · last turn ", near(judged, 68.0));
        assert!(autonomy.text.starts_with(&want), "{}", autonomy.text);
        for when in [When::Now, When::Judged] {
            let r = best_readings(&s, &book, "−", when);
            assert!(r.iter().all(|r| !r.text.contains("last turn")));
        }
    }

    #[test]
    fn the_last_turn_is_rounded_against_the_threshold_like_the_mean() {
        let book = crate::content::builtin().unwrap();
        let sc = book.scenario("standard").unwrap().clone();
        let s = crate::rules::new_game(&book, &sc, Some("kazakhstan"), 7).unwrap();
        let r = best_readings(&s, &book, "−", When::SoFar);
        let lasts: Vec<&str> = r
            .iter()
            .filter_map(|r| r.text.split(" · last turn ").nth(1))
            .collect();
        assert!(!lasts.is_empty(), "{r:?}");
        for last in lasts {
            let decimals = last.split('.').nth(1).map_or(0, str::len);
            assert_eq!(decimals, 1, "one decimal away from the bar: {last}");
        }
        let autonomy = r.iter().find(|r| r.text.starts_with("Autonomy ")).unwrap();
        let want = format!(" · last turn {}", near(s.autonomy(), 68.0));
        assert!(autonomy.text.ends_with(&want), "{}", autonomy.text);
    }
}
