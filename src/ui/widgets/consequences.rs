//! What effects would change, in the same words wherever the player is
//! about to choose: the action preview, an event's answers, the crisis
//! ladder. Effects are grouped by when they land (now, a later turn, over
//! several turns, on a project's completion), and each group lists the
//! scores, capital, closeness, strain, shares and the rest it moves, with
//! whether the change fades or lasts.

use ratatui::style::Style;
use ratatui::text::{Line, Span};

use super::{num, signed};
use crate::report::debrief::date_of;
use crate::rules::defs::Effect;
use crate::rules::preview::{Preview, preview_effects};
use crate::rules::{Book, Cause, Domain, Holder, Power, State, Var};
use crate::ui::rules_gaps::{Fade, fade, lands};
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
    let mut out = parts(state, book, t, &a.effects, &Cause::Action(id.into()), true);
    if a.duration > 0 {
        let mut project = Vec::new();
        for _ in 0..a.duration {
            project.extend(a.each_turn.iter().cloned());
        }
        project.extend(a.on_complete.iter().cloned());
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

/// A signed change for numbers whose rise is neither good nor bad.
fn plain(t: &Theme, d: f64) -> String {
    if d > 0.0 {
        format!("+{}", num(d))
    } else {
        format!("{}{}", t.minus(), num(-d))
    }
}

fn note(t: &Theme, text: &str) -> Span<'static> {
    Span::styled(format!(" ({text})"), t.dim())
}

fn sep(t: &Theme, spans: &mut Vec<Span<'static>>) {
    if !spans.is_empty() {
        spans.push(Span::styled(" · ", t.dim()));
    }
}

/// Whether the content has a drift rule pulling this number back toward a
/// level (ties cool, patience returns, daily life settles).
fn drifts_back(book: &Book, var: &Var) -> bool {
    book.world
        .drift
        .iter()
        .any(|d| &d.var == var && d.target.is_some())
}

fn group_parts(
    book: &Book,
    t: &Theme,
    p: &Preview,
    effects: &[Effect],
    cause: &Cause,
    all_scores: bool,
) -> Vec<Part> {
    let mut out = Vec::new();
    let change = |v: &Var| {
        p.changes
            .iter()
            .find(|(w, _)| w == v)
            .map_or(0.0, |(_, d)| *d)
    };
    // Scores.
    let mut spans = Vec::new();
    for (name, d) in [
        ("Autonomy", p.autonomy),
        ("Leverage", p.leverage),
        ("Stability", p.stability),
    ] {
        if all_scores || d.abs() >= 0.05 {
            sep(t, &mut spans);
            spans.push(Span::raw(format!("{name} ")));
            spans.push(signed(t, d));
        }
    }
    if !spans.is_empty() {
        out.push(Part {
            heading: "Likely:".into(),
            spans,
        });
    }
    // Capital.
    let mut spans = Vec::new();
    for (v, name) in [(Var::Capital, "now"), (Var::CapitalPerTurn, "a turn")] {
        let d = change(&v);
        if d.abs() >= 0.05 {
            sep(t, &mut spans);
            spans.push(signed(t, d));
            spans.push(Span::raw(format!(" {name}")));
        }
    }
    if !spans.is_empty() {
        out.push(Part {
            heading: "Capital:".into(),
            spans,
        });
    }
    // Closeness.
    let mut spans = Vec::new();
    let mut back = false;
    for pw in Power::ALL {
        let d = p.proximity[pw.index()];
        if d.abs() >= 0.05 {
            sep(t, &mut spans);
            spans.push(Span::styled(format!("{} ", pw.name()), t.power(pw)));
            spans.push(signed(t, d));
            back |= drifts_back(book, &Var::Proximity(pw));
        }
    }
    if !spans.is_empty() {
        if back {
            spans.push(note(t, "drifts back"));
        }
        out.push(Part {
            heading: "Closeness:".into(),
            spans,
        });
    }
    // Strain: a rise is bad for the player.
    let mut spans = Vec::new();
    for pw in Power::ALL {
        let d = change(&Var::Strain(pw));
        if d.abs() >= 0.05 {
            sep(t, &mut spans);
            let style: Style = if d > 0.0 { t.bad() } else { t.good() };
            spans.push(Span::styled(format!("{} ", pw.name()), t.power(pw)));
            spans.push(Span::styled(plain(t, d), style));
        }
    }
    if !spans.is_empty() {
        if let Some(f) = fade(cause, &Var::Strain(Power::Russia)) {
            spans.push(note(t, f.words()));
        }
        out.push(Part {
            heading: "Strain:".into(),
            spans,
        });
    }
    // Shares, by domain.
    let mut spans = Vec::new();
    for d in Domain::ALL {
        let moved: Vec<String> = Holder::ALL
            .into_iter()
            .filter_map(|h| {
                let x = change(&Var::Share(d, h));
                (x.abs() >= 0.5).then(|| format!("{} {}", h.name(), plain(t, x)))
            })
            .collect();
        if !moved.is_empty() {
            sep(t, &mut spans);
            spans.push(Span::raw(format!("{} {}", d.name(), moved.join(", "))));
        }
    }
    if !spans.is_empty() {
        let f = fade(cause, &Var::Share(Domain::Trade, Holder::Other)).unwrap_or(Fade::Lasts);
        spans.push(note(t, f.words()));
        out.push(Part {
            heading: "Shares:".into(),
            spans,
        });
    }
    // The rest: the world, tolerance, assets, flags, corridors, tracks.
    let mut spans = Vec::new();
    for (v, d) in &p.changes {
        let shown = !matches!(
            v,
            Var::Proximity(_)
                | Var::Stability
                | Var::Capital
                | Var::CapitalPerTurn
                | Var::Strain(_)
                | Var::Share(..)
        );
        if shown && d.abs() >= 0.05 {
            sep(t, &mut spans);
            spans.push(Span::raw(format!("{} {}", v.label(), plain(t, *d))));
        }
    }
    for e in effects {
        let text = match e {
            Effect::SetFlag(f) => format!("now {}", book.world.flag_name(f)),
            Effect::ClearFlag(f) => format!("no longer {}", book.world.flag_name(f)),
            Effect::Corridor(id, s) => format!("{} {}", book.world.corridor_name(id), s.name()),
            Effect::Track(id, n) => {
                let name = book.track(id).map_or(id.as_str(), |t| t.name.as_str());
                if *n >= 0 {
                    format!("{name} on {n} stage{}", if *n == 1 { "" } else { "s" })
                } else {
                    format!(
                        "{name} back {} stage{}",
                        -n,
                        if *n == -1 { "" } else { "s" }
                    )
                }
            }
            Effect::StallTrack(id) => format!(
                "{} stalled",
                book.track(id).map_or(id.as_str(), |t| t.name.as_str())
            ),
            Effect::CancelProject(id) => format!(
                "cancels {}",
                book.action(id).map_or(id.as_str(), |a| a.name.as_str())
            ),
            _ => continue,
        };
        sep(t, &mut spans);
        spans.push(Span::raw(text));
    }
    if !spans.is_empty() {
        out.push(Part {
            heading: "Also:".into(),
            spans,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

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
            "Strain: Russia +6 (fades a fifth a turn)",
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
        assert!(p.contains("Likely: Autonomy"), "{p}");
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
