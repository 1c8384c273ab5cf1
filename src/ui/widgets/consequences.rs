//! What effects would change, in the same words wherever the player is
//! about to choose: the action preview, an event's answers, the crisis
//! ladder. Effects are grouped by when they land (now, a later turn, over
//! several turns, on a project's completion), and each group lists the
//! scores, capital, closeness, strain, shares and the rest it moves, with
//! whether the change fades or lasts.

use ratatui::text::{Line, Span};

use super::changes::group_parts;
use crate::report::debrief::date_of;
use crate::rules::defs::Effect;
use crate::rules::preview::preview_effects;
use crate::rules::{Book, Cause, Power, State};
use crate::ui::rules_gaps::lands;
use crate::ui::theme::Theme;

/// One line of consequences: a heading ("Likely:", "Shares:", "From
/// 2026 Q4:") and what follows it.
#[derive(Debug, Clone)]
pub struct Part {
    pub heading: String,
    pub spans: Vec<Span<'static>>,
}

impl Part {
    /// The part as one line, heading in bold, indented by `indent`.
    pub fn line(&self, t: &Theme, indent: &str) -> Line<'static> {
        let mut spans = vec![Span::styled(
            format!("{indent}{} ", self.heading),
            t.heading(),
        )];
        spans.extend(self.spans.iter().cloned());
        Line::from(spans)
    }
}

/// When a group of effects lands, and what caused it (for what fades).
#[derive(Debug, Clone)]
pub enum When {
    /// At the end of this turn (an action), or at once (an answer).
    Now,
    /// Seen from this turn on.
    From(u32),
    /// Spread over turns, seen from the first to the last.
    Over(u32, u32),
    /// On a project's completion, seen from this turn.
    Complete(u32),
}

/// Everything `effects` would change, as parts to draw: what lands first,
/// then each delayed group. `cause` says what sets them off (an action, a
/// choice, a project), for whether shares fade; `all_scores` shows the
/// three scores even when they do not move.
pub fn parts(
    state: &State,
    book: &Book,
    t: &Theme,
    effects: &[Effect],
    cause: &Cause,
    all_scores: bool,
) -> Vec<Part> {
    let mut out = Vec::new();
    for (when, group) in split(state, effects) {
        let p = preview_effects(state, book, &group);
        let mut items = group_parts(
            book,
            t,
            &p,
            &group,
            cause,
            all_scores && matches!(when, When::Now),
        );
        if !matches!(when, When::Now) {
            // A delayed group reads as one line: its date, then its changes.
            let mut spans = Vec::new();
            for part in items.drain(..) {
                if !spans.is_empty() {
                    spans.push(Span::styled(" · ", t.dim()));
                }
                if part.heading != "Likely:" {
                    spans.push(Span::styled(format!("{} ", part.heading), t.heading()));
                }
                spans.extend(part.spans);
            }
            if spans.is_empty() {
                continue;
            }
            let (heading, late) = when_heading(state, &when);
            if late {
                spans.push(Span::styled(
                    " (after the last turn: never lands)",
                    t.warn(),
                ));
            }
            out.push(Part { heading, spans });
        } else {
            out.append(&mut items);
        }
    }
    out
}

/// The parts of an action: what it does when the turn ends and, for a
/// project, what it brings by its completion (which lasts).
pub fn action_parts(state: &State, book: &Book, t: &Theme, id: &str) -> Vec<Part> {
    let Some(a) = book.action(id) else {
        return Vec::new();
    };
    // The three scores are shown even unmoved, unless a project's
    // completion says what it does to them.
    let all = a.duration == 0;
    let mut out = parts(state, book, t, &a.effects, &Cause::Action(id.into()), all);
    if a.duration > 0 {
        let mut project = Vec::new();
        for _ in 0..a.duration {
            project.extend(a.each_turn.iter().cloned());
        }
        project.extend(a.on_complete.iter().cloned());
        // A project of n turns is done as the n-th turn from now ends.
        let done = state.turn() + a.duration;
        let group = vec![Effect::Later(a.duration, project)];
        let cause = Cause::Project(id.into());
        for mut part in parts(state, book, t, &group, &cause, false) {
            part.heading = when_heading(state, &When::Complete(done)).0;
            out.push(part);
        }
    }
    out
}

/// The powers these effects would likely push past their tolerance.
pub fn provokes(state: &State, book: &Book, effects: &[Effect]) -> Vec<Power> {
    preview_effects(state, book, effects).provokes(state)
}

fn when_heading(state: &State, when: &When) -> (String, bool) {
    let last = state.turns();
    match *when {
        When::Now => ("Likely:".into(), false),
        When::From(turn) => (format!("From {}:", date_of(state, turn)), turn > last),
        When::Over(a, b) => (
            format!("Over {}–{}:", date_of(state, a), date_of(state, b)),
            b > last,
        ),
        When::Complete(turn) => (
            format!("Done by {} (lasts):", date_of(state, turn)),
            turn > last,
        ),
    }
}

/// The effects that land now, then the delayed ones by when they land.
fn split(state: &State, effects: &[Effect]) -> Vec<(When, Vec<Effect>)> {
    let mut now = Vec::new();
    let mut later: Vec<(When, Vec<Effect>)> = Vec::new();
    for e in effects {
        match e {
            Effect::Later(n, inner) => later.push((When::From(lands(state, *n)), inner.clone())),
            Effect::Over(n, inner) => {
                later.push((When::Over(lands(state, 1), lands(state, *n)), inner.clone()))
            }
            other => now.push(other.clone()),
        }
    }
    let mut out = vec![(When::Now, now)];
    out.extend(later);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::{Domain, Holder, Var};

    fn text(parts: &[Part]) -> String {
        let t = Theme::new(false, false);
        parts
            .iter()
            .map(|p| {
                p.line(&t, "")
                    .spans
                    .iter()
                    .map(|s| s.content.to_string())
                    .collect::<String>()
            })
            .collect::<Vec<_>>()
            .join("\n")
    }

    fn game() -> (Book, State) {
        let book = crate::content::builtin().unwrap();
        let sc = book.scenario("standard").unwrap().clone();
        let s = crate::rules::new_game(&book, &sc, Some("kazakhstan"), 7).unwrap();
        (book, s)
    }

    #[test]
    fn every_kind_of_change_is_named() {
        let (book, s) = game();
        let t = Theme::new(false, false);
        let effects = vec![
            Effect::Add(Var::Capital, -2.0),
            Effect::Strain(Power::Russia, 6.0),
            Effect::Shift(Domain::Security, Holder::Russia, Holder::Turkey, 3.0),
            Effect::Add(Var::Proximity(Power::Turkey), 4.0),
            Effect::SetFlag("karabakh_precedent".into()),
            Effect::Later(2, vec![Effect::Add(Var::Stability, -3.0)]),
        ];
        let s_text = text(&parts(
            &s,
            &book,
            &t,
            &effects,
            &Cause::Choice("x".into(), 0),
            false,
        ));
        for want in [
            "Capital: ▼−2 now",
            "Strain: Russia +6 (fades 20% a turn)",
            "Shares: Security Russia −3, Turkey +3 (fades 1 a turn)",
            "Closeness: Turkey ▲+",
            "(drifts back)",
            "now the Karabakh precedent in mind",
            "From 2026 Q3: Stability ▼−3",
        ] {
            assert!(s_text.contains(want), "no `{want}` in\n{s_text}");
        }
    }

    #[test]
    fn a_project_lasts_and_says_when_it_is_done() {
        let (book, s) = game();
        let t = Theme::new(false, false);
        let p = text(&action_parts(&s, &book, &t, "middle_corridor"));
        assert!(p.contains("Strain: Russia +6"), "what it does at once: {p}");
        let done = p.lines().find(|l| l.starts_with("Done by")).expect(&p);
        assert!(
            done.contains("(lasts)") && done.contains("Transit & energy"),
            "{done}"
        );
        assert!(!done.contains("fades 1 a turn"), "{done}");
    }

    #[test]
    fn an_effect_after_the_last_turn_is_said_never_to_land() {
        let (book, s) = game();
        let t = Theme::new(false, false);
        let late = vec![Effect::Later(40, vec![Effect::Add(Var::Stability, 2.0)])];
        let p = text(&parts(
            &s,
            &book,
            &t,
            &late,
            &Cause::Choice("x".into(), 0),
            false,
        ));
        assert!(p.contains("never lands"), "{p}");
    }
}
