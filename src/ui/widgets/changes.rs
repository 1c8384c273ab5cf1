//! The changes of one group of effects as the parts the screens show:
//! scores, capital, closeness, strain, shares and the rest, with whether
//! each fades or lasts.

use ratatui::style::Style;
use ratatui::text::Span;

use super::consequences::Part;
use super::{num, signed};
use crate::rules::defs::Effect;
use crate::rules::preview::Preview;
use crate::rules::{Book, Cause, Domain, Holder, Power, Var};
use crate::ui::rules_gaps::{Fade, fade};
use crate::ui::theme::Theme;

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

pub(super) fn group_parts(
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
