//! What a command would change, in the same words wherever the player is
//! about to choose: the action preview, an event's answers, the crisis
//! ladder. The rules' preview gives every change with the turn it lands;
//! here they are grouped by when they land (now, a later turn, over several
//! turns, a project's completion), and each group lists the scores,
//! capital, closeness, strain, shares and the rest it moves, with whether
//! the change fades or lasts.

use ratatui::text::{Line, Span};

use super::changes::group_parts;
use crate::report::debrief::date_of;
use crate::rules::preview::{Preview, preview_action};
use crate::rules::{ActionId, Book, Entry, LogEntry, Note, State};
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

/// Everything a preview says, as parts to draw: what lands first (at once,
/// or as this turn ends), then what lands later, by the turns it lands in.
/// `all_scores` shows the three scores even when they do not move.
pub fn parts(state: &State, book: &Book, t: &Theme, pv: &Preview, all_scores: bool) -> Vec<Part> {
    dated_parts(state, book, t, pv, all_scores, Dated::Calendar)
}

/// How a preview dates what lands later.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dated {
    /// By the calendar: for what is chosen now ("Done by 2027 Q2").
    Calendar,
    /// Counted from when it is taken, for an action that cannot be taken
    /// now ("Done 3 turns after it is taken"): a date would be a promise.
    Relative,
}

/// "a turn", "3 turns".
fn turns(n: u32) -> String {
    if n == 1 {
        "a turn".into()
    } else {
        format!("{n} turns")
    }
}

fn dated_parts(
    state: &State,
    book: &Book,
    t: &Theme,
    pv: &Preview,
    all_scores: bool,
    dated: Dated,
) -> Vec<Part> {
    let now = state.turn();
    let first: Vec<LogEntry> = pv
        .record
        .iter()
        .filter(|e| !e.later && e.turn <= now && !is_project(e))
        .copied()
        .collect();
    let rest: Vec<LogEntry> = pv
        .record
        .iter()
        .filter(|e| e.later || e.turn > now || is_project(e))
        .copied()
        .collect();
    let mut out = group_parts(book, t, &first, all_scores);
    if let (Some(a), Some(b)) = (
        rest.iter().map(|e| e.turn).min(),
        rest.iter().map(|e| e.turn).max(),
    ) {
        let done = rest
            .iter()
            .any(|e| matches!(e.entry, Entry::Note(Note::ProjectDone(_))));
        // A turn's end lands what is due; it is seen from the next turn.
        let (from, to) = (a + 1, b + 1);
        let heading = match dated {
            Dated::Calendar if done => format!("Done by {} (lasts):", date_of(state, to)),
            Dated::Calendar if from == to => format!("From {}:", date_of(state, from)),
            Dated::Calendar => format!("Over {}–{}:", date_of(state, from), date_of(state, to)),
            Dated::Relative if done => {
                format!("Done {} after it is taken (lasts):", turns(to - now))
            }
            Dated::Relative if from == to => {
                format!("From {} after it is taken:", turns(from - now))
            }
            Dated::Relative => format!("Over {}–{} turns after it is taken:", from - now, to - now),
        };
        // A delayed group reads as one line: its date, then its changes.
        let mut spans = Vec::new();
        for part in group_parts(book, t, &rest, false) {
            if !spans.is_empty() {
                spans.push(Span::styled(" · ", t.dim()));
            }
            if part.heading != "Likely:" {
                spans.push(Span::styled(format!("{} ", part.heading), t.heading()));
            }
            spans.extend(part.spans);
        }
        // After the last turn's end, nothing lands any more.
        if dated == Dated::Calendar && b >= state.turns() {
            spans.push(Span::styled(
                " (after the last turn: never lands)",
                t.warn(),
            ));
        }
        if !spans.is_empty() {
            out.push(Part { heading, spans });
        }
    }
    out
}

fn is_project(e: &LogEntry) -> bool {
    matches!(e.cause, crate::rules::Cause::Project(_))
}

/// The parts of an action: what it does when the turn ends and, for a
/// project, what it brings by its completion.
pub fn action_parts(
    state: &State,
    book: &Book,
    t: &Theme,
    id: ActionId,
    dated: Dated,
) -> Vec<Part> {
    // The three scores are shown even unmoved, unless a project's
    // completion says what it does to them.
    let all = book.action(id).duration == 0;
    let pv = preview_action(state, book, id);
    let mut out = dated_parts(state, book, t, &pv, all, dated);
    out.extend(provoked(state, t, &pv));
    out
}

/// A warning when a preview may draw a reaction.
pub fn provoked(state: &State, t: &Theme, pv: &Preview) -> Option<Part> {
    let provoked = pv.provokes(state);
    (!provoked.is_empty()).then(|| {
        let names: Vec<&str> = provoked.iter().map(|p| p.name()).collect();
        Part {
            heading: t.risk_mark().to_string(),
            spans: vec![Span::styled(
                // Said of the state it leaves, not as its cause: the strain
                // may have passed the tolerance before this choice.
                format!("leaves {} past tolerance: may react", names.join(", ")),
                t.bad(),
            )],
        }
    })
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
        // Buying drones: capital, strain, shares, closeness, a flag.
        let drones = book.action_id("joint_exercises").unwrap();
        let text_of = |id| text(&action_parts(&s, &book, &t, id, Dated::Calendar));
        let p = text_of(drones);
        for want in [
            "Capital: ▼−2 now",
            "Strain: Russia +",
            "(fades 20% a turn)",
            "Closeness: Turkey ▲+",
            "(drifts back)",
        ] {
            assert!(p.contains(want), "no `{want}` in\n{p}");
        }
        let leave = text_of(book.action_id("leave_csto").unwrap());
        assert!(
            leave.contains("no longer membership of the CSTO"),
            "{leave}"
        );
    }

    #[test]
    fn a_project_lasts_and_says_when_it_is_done() {
        let (book, s) = game();
        let t = Theme::new(false, false);
        let corridor = book.action_id("middle_corridor").unwrap();
        let p = text(&action_parts(&s, &book, &t, corridor, Dated::Calendar));
        assert!(p.contains("Strain: Russia +6"), "what it does at once: {p}");
        let done = p.lines().find(|l| l.starts_with("Done by")).expect(&p);
        assert!(
            done.contains("(lasts)") && done.contains("Transit & energy"),
            "{done}"
        );
        assert!(!done.contains("fades 1 a turn"), "{done}");
    }

    /// Every answer that binds a share, in ten games of two states, previews
    /// its shares as lasting.
    #[test]
    fn a_share_an_offer_binds_lasts() {
        use crate::rules::grammar::Effect;
        use crate::rules::{Command, Decision, apply, preview::preview_answer};
        let book = crate::content::builtin().unwrap();
        let sc = book.scenario("standard").unwrap().clone();
        let t = Theme::new(false, false);
        let mut seen = 0;
        for seed in 0..10 {
            for c in ["kazakhstan", "uzbekistan"] {
                let mut s = crate::rules::new_game(&book, &sc, Some(c), seed).unwrap();
                while s.outcome().is_none() {
                    if let Some(Decision::Offer(id)) = s.pending().first() {
                        let m = book.power_move(*id);
                        for (i, ch) in m.choices.iter().enumerate() {
                            let binds = ch.effects.iter().any(|e| matches!(e, Effect::Bind(..)));
                            let Some(pv) = preview_answer(&s, &book, i).filter(|_| binds) else {
                                continue;
                            };
                            let p = text(&parts(&s, &book, &t, &pv, false));
                            let shares = p.lines().find(|l| l.starts_with("Shares:")).expect(&p);
                            assert!(
                                shares.ends_with("(lasts)"),
                                "{c} seed {seed}, {}: {shares}",
                                m.id
                            );
                            seen += 1;
                        }
                    }
                    let command = if s.pending().is_empty() {
                        Command::EndTurn
                    } else {
                        Command::Choose(0)
                    };
                    apply(&mut s, &book, &command).unwrap();
                }
            }
        }
        assert!(seen > 20, "only {seen} binding answers were previewed");
    }

    #[test]
    fn an_effect_after_the_last_turn_is_said_never_to_land() {
        let book = crate::content::builtin().unwrap();
        let mut sc = book.scenario("standard").unwrap().clone();
        sc.turns = Some(2);
        let s = crate::rules::new_game(&book, &sc, Some("kazakhstan"), 7).unwrap();
        let t = Theme::new(false, false);
        let corridor = book.action_id("middle_corridor").unwrap();
        let p = text(&action_parts(&s, &book, &t, corridor, Dated::Calendar));
        assert!(p.contains("never lands"), "{p}");
    }
}
