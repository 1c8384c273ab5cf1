//! The book's words for what the rules record: conditions and notes in the
//! player's language, from the content.

use super::book::Book;
use super::grammar::Cond;
use super::record::Note;

impl Book {
    /// A condition in the player's words, e.g. "EU proximity at least 35"
    /// or "no permanent neutrality".
    pub fn describe(&self, cond: &Cond) -> String {
        match cond {
            Cond::AtLeast(v, x) => format!("{} at least {x}", self.label(v)),
            Cond::AtMost(v, x) => format!("{} at most {x}", self.label(v)),
            Cond::Flag(f) => self.flag_name(*f).to_string(),
            Cond::NoFlag(f) => format!("no {}", self.flag_name(*f)),
            Cond::Situation(s) => format!("{} in force", self.situation(*s).name),
            Cond::Country(ids) => {
                let names: Vec<&str> = ids
                    .iter()
                    .map(|id| self.country(*id).name.as_str())
                    .collect();
                format!("playing {}", names.join(" or "))
            }
            Cond::Corridor(id, s) => format!("{} {}", self.corridor_name(*id), s.name()),
            Cond::Dominated { count, share } => {
                format!("{count} or more domains with one power over {share}%")
            }
            Cond::Ladder { count, step } => format!(
                "{count} or more powers at {} or beyond on the crisis ladder",
                step.name()
            ),
            Cond::Gained(v, x) => format!("{} up by {x} since the start", self.label(v)),
            Cond::Rose(v, x) => format!("{} up by {x} since last turn", self.label(v)),
            Cond::Any(cs) => {
                let parts: Vec<String> = cs.iter().map(|c| self.describe(c)).collect();
                format!("one of: {}", parts.join(" or "))
            }
            Cond::Not(c) => format!("not ({})", self.describe(c)),
        }
    }

    /// What a note of the log says.
    pub fn note_text(&self, note: &Note) -> String {
        match *note {
            Note::Action(a) => self.action(a).name.clone(),
            Note::ProjectDone(a) => format!("{} completed", self.action(a).name),
            Note::ProjectCancelled(a) => format!("Project cancelled: {}", self.action(a).name),
            Note::Ladder(p, step) => self
                .power(p)
                .ladder
                .iter()
                .find(|l| l.step == step)
                .map_or_else(
                    || format!("{} moves to {}", p.name(), step.name()),
                    |l| l.text.clone(),
                ),
            Note::LetsDrop(p) => format!("{} lets the matter drop", p.name()),
            Note::Yields(p) => format!("{} backs down", p.name()),
            Note::BackDown(p) => format!("We back down before {}", p.name()),
            Note::Hold(p) => format!("We hold firm against {}", p.name()),
            Note::Event(e) => self.event(e).title.clone(),
            Note::Choice(e, i) => self
                .event(e)
                .choices
                .get(usize::from(i))
                .map_or_else(String::new, |c| c.label.clone()),
            Note::Move(_, m) => self.power_move(m).title.clone(),
            Note::Answer(m, i) => self
                .power_move(m)
                .choices
                .get(usize::from(i))
                .map_or_else(String::new, |c| c.label.clone()),
            Note::Flag(f, true) => format!("Now: {}", self.flag_name(f)),
            Note::Flag(f, false) => format!("No longer: {}", self.flag_name(f)),
            Note::Corridor(c, s) => format!("{}: {}", self.corridor_name(c), s.name()),
            Note::Stage(t, stage) => {
                let def = self.track(t);
                match stage {
                    super::types::Stage::At(n) => format!(
                        "{}: {}",
                        def.name,
                        def.stages.get(usize::from(n)).map_or("", String::as_str)
                    ),
                    super::types::Stage::Concluded => format!("{}: concluded", def.name),
                    super::types::Stage::Stalled => format!("{}: stalled", def.name),
                }
            }
            Note::Situation(s, true) => format!("{} begins", self.situation(s).name),
            Note::Situation(s, false) => format!("{} ends", self.situation(s).name),
            Note::Collapse => "The state collapses".into(),
            Note::CarryCapped(lost) => {
                format!("{lost} capital unspent beyond the carry limit is lost")
            }
            Note::Outcome(e) => format!("Outcome: {}", self.ending(e).title),
        }
    }
}

/// A condition checked against the state, in the player's words, with the
/// number it reads and the bar it sets when it has them.
#[derive(Debug, Clone, PartialEq)]
pub struct Check {
    /// The condition in words, e.g. "Autonomy at least 64".
    pub text: String,
    pub held: bool,
    /// The number the condition reads now (for `Gained`, the gain so far).
    pub value: Option<f64>,
    /// The bar it sets.
    pub target: Option<f64>,
    /// Whether the number must reach the bar from below (at least) or stay
    /// under it (at most).
    pub at_least: bool,
}

/// An objective of a scenario, checked.
#[derive(Debug, Clone, PartialEq)]
pub struct ObjectiveResult {
    pub text: String,
    /// `None` for an objective written without conditions, which cannot
    /// be checked.
    pub met: Option<bool>,
    pub checks: Vec<Check>,
}

impl Book {
    /// A condition checked against the state, with its number and bar.
    pub fn check_cond(&self, state: &super::State, cond: &Cond) -> Check {
        let held = state.holds(cond);
        let text = self.describe(cond);
        let (value, target, at_least) = match cond {
            Cond::AtLeast(v, x) => (Some(state.get(*v)), Some(*x), true),
            Cond::AtMost(v, x) => (Some(state.get(*v)), Some(*x), false),
            Cond::Gained(v, x) => (state.gained(*v), Some(*x), true),
            Cond::Rose(v, x) => (state.rose(*v), Some(*x), true),
            Cond::Dominated { count, share } => (
                Some(f64::from(state.dominated_domains(*share))),
                Some(f64::from(*count)),
                true,
            ),
            _ => (None, None, true),
        };
        Check {
            text,
            held,
            value,
            target,
            at_least,
        }
    }

    /// The objectives of a (resolved) scenario, checked against the state.
    pub fn objectives(
        &self,
        state: &super::State,
        scenario: &super::defs::ScenarioDef,
    ) -> Vec<ObjectiveResult> {
        scenario
            .objectives
            .iter()
            .map(|o| {
                let checks: Vec<Check> = o.when.iter().map(|c| self.check_cond(state, c)).collect();
                ObjectiveResult {
                    text: o.text.clone(),
                    met: (!checks.is_empty()).then(|| checks.iter().all(|c| c.held)),
                    checks,
                }
            })
            .collect()
    }
}
