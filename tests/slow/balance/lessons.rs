//! The lessons and the levels (issue 12): every lesson's best ending can be
//! reached by strong play and none is reached by a plain policy every time,
//! since a shorter game asks for part of the way to the bars, as its length
//! and its own `ambition` say.

use multivector::sim::Policy;

use super::sample::{book, results, share};

/// Every built-in scenario but the standard one, with the state it plays.
fn lessons() -> Vec<(String, String)> {
    book()
        .scenarios
        .iter()
        .filter(|s| s.id != "standard")
        .map(|s| {
            (
                s.id.clone(),
                s.country.clone().expect("a lesson sets its state"),
            )
        })
        .collect()
}

#[test]
fn every_lesson_can_be_won_and_none_is_won_every_time() {
    let mut failures = Vec::new();
    for (id, state) in lessons() {
        let expert = results(&id, &state, &Policy::Expert);
        let won = share(&expert, |g| g.best);
        if won == 0.0 {
            failures.push(format!(
                "{id}: the expert never wins ({} games)",
                expert.len()
            ));
        }
        let hedger = results(&id, &state, &Policy::Hedger);
        let plain = share(&hedger, |g| g.best);
        if plain > 0.9 {
            failures.push(format!("{id}: the hedger wins {:.1}%", plain * 100.0));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
