//! The debrief of a game, without a terminal: the date of a turn, a cause
//! in the player's words, and the turning points (the largest swings of the
//! scores, with what caused them). The end screen and `multivector report`
//! both read them from here, so they cannot tell different stories.

use std::collections::BTreeMap;

use crate::rules::{Book, Cause, Entry, LogEntry, State, Var};

/// The date of a turn of the game, e.g. "2027 Q3".
pub fn date_of(state: &State, turn: u32) -> String {
    let (y, q) = state.date_of(turn);
    format!("{y} Q{q}")
}

/// A short, readable name for the cause of a change.
pub fn cause_label(book: &Book, cause: &Cause) -> String {
    match *cause {
        Cause::Plan(id) => format!("Planned: {}", book.action(id).name),
        Cause::Unplan(id) => format!("Taken back: {}", book.action(id).name),
        Cause::Action(id) => book.action(id).name.clone(),
        Cause::Project(id) => format!("Project: {}", book.action(id).name),
        Cause::Reaction(p, step) => format!("Reaction: {} {}", p.name(), step.name()),
        Cause::BackDown(p) => format!("Backed down before {}", p.name()),
        Cause::Yield(p) => format!("{} backed down", p.name()),
        Cause::Hold(p) => format!("Held firm against {}", p.name()),
        Cause::Rivals(p) => format!("{} weighs its rivals' gains", p.name()),
        Cause::StrainFade => "Irritation fades".into(),
        Cause::Move(p, id) => format!("{}: {}", p.name(), book.power_move(id).title),
        Cause::Answer(id, i) => {
            let m = book.power_move(id);
            match m.choices.get(usize::from(i)) {
                Some(c) => format!("{}: {}", m.title, c.label),
                None => m.title.clone(),
            }
        }
        Cause::Event(id) => book.event(id).title.clone(),
        Cause::Choice(id, i) => {
            let e = book.event(id);
            match e.choices.get(usize::from(i)) {
                Some(c) => format!("{}: {}", e.title, c.label),
                None => e.title.clone(),
            }
        }
        Cause::Drift(id) => book.world.drift[id.index()].text.clone(),
        Cause::StructuralPull => "Structural pull".into(),
        Cause::Situation(id) => book.situation(id).name.clone(),
        Cause::Track(id) => book.track(id).name.clone(),
        Cause::Scenario => "Scenario".into(),
        Cause::Income => "Income".into(),
        Cause::CarryCap => "Carry limit".into(),
        Cause::BonusFade => "Leverage bonus fades".into(),
        Cause::Calendar => "The calendar".into(),
        Cause::End => "The end of the game".into(),
    }
}

/// The cause of a log entry in words, "(later)" when it is a delayed
/// consequence landing.
pub fn entry_cause(book: &Book, e: &LogEntry) -> String {
    let label = cause_label(book, &e.cause);
    if e.later {
        format!("{label} (later)")
    } else {
        label
    }
}

/// What moved a number, in words that fit the way it moved: the turn's
/// own bookkeeping is named for what it does to that number, everything
/// else as `cause_label` names it.
pub fn change_label(book: &Book, e: &LogEntry, var: &Var, rose: bool) -> String {
    match (&e.cause, var, rose) {
        (Cause::StrainFade, Var::Strain(_), false) => "Irritation fades with time".into(),
        (Cause::Rivals(p), Var::Strain(_), false) => {
            format!("{} is eased by closer ties", p.name())
        }
        _ => entry_cause(book, e),
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

/// The causes that moved a score most, the way it swung, in the turn
/// ending at `turn` (`swing` is the score's change). What the player, the
/// powers and events did is named before the world's slow trends, which
/// are named only when nothing else moved the score.
fn causes_of(state: &State, book: &Book, turn: u32, score: &str, swing: f64) -> Vec<String> {
    // An event and the player's answer to it are one cause: weigh them
    // together, under the answer's label when there is one.
    let mut weight: BTreeMap<String, f64> = BTreeMap::new();
    let mut trends: BTreeMap<String, bool> = BTreeMap::new();
    let mut label: BTreeMap<String, String> = BTreeMap::new();
    for e in state.log() {
        // The turn ending, and the answers to what it drew (they amend
        // the same snapshot).
        let belongs = if e.is_answer() {
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
        if e.cause.is_planning() {
            continue;
        }
        // Each score is recorded with every cause that moved it; only the
        // changes that went the swing's way explain it.
        let counts = match score {
            "Stability" => matches!(var, Var::Stability),
            "Leverage" => matches!(var, Var::Leverage),
            _ => matches!(var, Var::Autonomy),
        };
        let with_swing = (after - before) * swing > 0.0;
        if counts && with_swing {
            let key = match &e.cause {
                Cause::Event(id) | Cause::Choice(id, _) => format!("event:{}", id.index()),
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
