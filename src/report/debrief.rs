//! The debrief of a game, without a terminal: the date of a turn, a cause
//! in the player's words, and the turning points (the largest swings of the
//! scores, with what caused them). The end screen and `multivector report`
//! both read them from here, so they cannot tell different stories.

use std::collections::BTreeMap;

use crate::rules::{Book, Cause, Entry, State, Var};

/// The date of a turn of the game, e.g. "2027 Q3".
pub fn date_of(state: &State, turn: u32) -> String {
    let (y, q) = state.date();
    let now = i64::from(y) * 4 + i64::from(q) - 1;
    let then = now - i64::from(state.turn()) + i64::from(turn);
    format!("{} Q{}", then.div_euclid(4), then.rem_euclid(4) + 1)
}

/// A short, readable name for the cause of a change.
pub fn cause_label(book: &Book, cause: &Cause) -> String {
    match cause {
        Cause::Action(id) => book.action(id).map_or(id.clone(), |a| a.name.clone()),
        Cause::Project(id) => format!(
            "Project: {}",
            book.action(id).map_or(id.as_str(), |a| a.name.as_str())
        ),
        Cause::Reaction(p, step) => format!("Reaction: {} {}", p.name(), step.name()),
        Cause::BackDown(p) => format!("Backed down before {}", p.name()),
        Cause::Yield(p) => format!("{} backed down", p.name()),
        Cause::Hold(p) => format!("Held firm against {}", p.name()),
        Cause::Rivals(p) => format!("{} resents its rivals' gains", p.name()),
        Cause::Event(id) => book.event(id).map_or(id.clone(), |e| e.title.clone()),
        Cause::Choice(id, i) => {
            let e = book.event(id);
            let title = e.map_or(id.as_str(), |e| e.title.as_str());
            match e.and_then(|e| e.choices.get(*i)) {
                Some(c) => format!("{title}: {}", c.label),
                None => title.to_string(),
            }
        }
        Cause::Drift(id) => match book.world.drift.iter().find(|d| &d.id == id) {
            Some(d) => d.text.clone(),
            None if id == "structural_pull" => {
                "Structural pull: habit and geography pull dependence back".into()
            }
            None => id.replace('_', " "),
        },
        Cause::Situation(id) => book
            .world
            .situations
            .iter()
            .find(|s| &s.id == id)
            .map_or(id.clone(), |s| s.name.clone()),
        Cause::Track(id) => book.track(id).map_or(id.clone(), |t| t.name.clone()),
        Cause::Delayed(c) => format!("{} (later)", cause_label(book, c)),
        Cause::Scenario => "Scenario".into(),
        Cause::Turn => "Time passes".into(),
    }
}

/// What moved a number, in words that fit the way it moved: the turn's
/// own bookkeeping is named for what it does to that number ("Irritation
/// fades with time" for strain), everything else as `cause_label` names it.
pub fn change_label(book: &Book, cause: &Cause, var: &Var, rose: bool) -> String {
    match (cause, var, rose) {
        (Cause::Turn, Var::Strain(_), false) => "Irritation fades with time".into(),
        _ => cause_label(book, cause),
    }
}

/// A large swing of one score in one turn, with the causes behind it.
#[derive(Debug, Clone, PartialEq)]
pub struct TurningPoint {
    /// The turn whose ending (and the answers to what it drew) moved it,
    /// counted from 0 as the state counts turns.
    pub turn: u32,
    /// "Autonomy", "Leverage" or "Stability".
    pub score: &'static str,
    pub before: f64,
    pub after: f64,
    pub causes: Vec<String>,
}

/// The largest per-turn swings of the three scores, in the order they came.
pub fn turning_points(state: &State, book: &Book, n: usize) -> Vec<TurningPoint> {
    let h = state.history();
    let mut swings = Vec::new();
    for w in h.windows(2) {
        let (a, b) = (&w[0], &w[1]);
        for (score, x, y) in [
            ("Autonomy", a.autonomy, b.autonomy),
            ("Leverage", a.leverage, b.leverage),
            ("Stability", a.stability, b.stability),
        ] {
            if (y - x).abs() >= 1.0 {
                swings.push((b.turn.saturating_sub(1), score, x, y));
            }
        }
    }
    swings.sort_by(|p, q| (q.3 - q.2).abs().total_cmp(&(p.3 - p.2).abs()));
    swings.truncate(n);
    swings.sort_by_key(|s| s.0);
    swings
        .into_iter()
        .map(|(turn, score, before, after)| TurningPoint {
            turn,
            score,
            before,
            after,
            causes: causes_of(state, book, turn, score, after - before),
        })
        .collect()
}

/// The causes that moved a score's inputs most in the turn ending at `turn`
/// (`swing` is the score's change). What the player, the powers and events
/// did is named before the world's slow trends, which are named only when
/// nothing else moved the score; stability, read directly, counts only the
/// changes that went the way of the swing.
fn causes_of(state: &State, book: &Book, turn: u32, score: &str, swing: f64) -> Vec<String> {
    // An event and the player's answer to it are one cause: weigh them
    // together, under the answer's label when there is one.
    let mut weight: BTreeMap<String, f64> = BTreeMap::new();
    let mut trends: BTreeMap<String, bool> = BTreeMap::new();
    let mut label: BTreeMap<String, String> = BTreeMap::new();
    for e in state.log() {
        // The turn ending, and the answers to what it drew (they amend
        // the same snapshot).
        let belongs = if e.cause.is_answer() {
            e.turn == turn + 1
        } else {
            e.turn == turn
        };
        if !belongs {
            continue;
        }
        let Entry::Change { var, before, after } = &e.entry else {
            continue;
        };
        let counts = match score {
            "Stability" => matches!(var, Var::Stability),
            "Leverage" => matches!(
                var,
                Var::Leverage | Var::Assets | Var::Proximity(_) | Var::World(_)
            ),
            _ => matches!(var, Var::Share(..)),
        };
        let with_swing = !matches!(var, Var::Stability) || (after - before) * swing > 0.0;
        if counts && with_swing {
            let key = match &e.cause {
                Cause::Event(id) | Cause::Choice(id, _) => format!("event:{id}"),
                other => cause_label(book, other),
            };
            *weight.entry(key.clone()).or_default() += (after - before).abs();
            trends.insert(key.clone(), e.cause.is_trend());
            let name = label
                .entry(key)
                .or_insert_with(|| cause_label(book, &e.cause));
            if matches!(e.cause, Cause::Choice(..)) {
                *name = cause_label(book, &e.cause);
            }
        }
    }
    let mut v: Vec<(String, f64)> = weight.into_iter().collect();
    v.sort_by(|a, b| b.1.total_cmp(&a.1));
    if v.iter().any(|(k, _)| !trends[k]) {
        v.retain(|(k, _)| !trends[k]);
    }
    v.into_iter()
        .take(2)
        .map(|(k, _)| label.remove(&k).unwrap_or(k))
        .collect()
}
