//! The changes of one group of recorded changes (what lands at one time) as
//! the parts the screens show: scores, capital, closeness, strain, shares
//! and the rest, with whether each fades or lasts, as the rules say.

use ratatui::style::Style;
use ratatui::text::Span;

use super::consequences::Part;
use super::{num, signed};
use crate::rules::explain::{Fade, fade};
use crate::rules::{Book, Cause, Domain, Entry, Holder, LogEntry, Note, Power, Stage, Var};
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

/// A fade in the player's words, e.g. "fades 1 a turn".
pub fn fade_words(f: Fade) -> String {
    match f {
        Fade::Lasts => "lasts".into(),
        Fade::Pull(n) => format!("fades {n} a turn"),
        Fade::Keeps(k) => format!("fades {}% a turn", num(((1.0 - k) * 100.0).round())),
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

/// The net change of each number in the group, in the order each first moves.
fn net(entries: &[LogEntry]) -> Vec<(Var, f64)> {
    let mut out: Vec<(Var, f64)> = Vec::new();
    for e in entries {
        if let Entry::Change { var, before, after } = e.entry {
            match out.iter_mut().find(|(v, _)| *v == var) {
                Some((_, d)) => *d += after - before,
                None => out.push((var, after - before)),
            }
        }
    }
    out
}

/// How the share changes of the group last: they last only if every one
/// of them does. A domain's shares whose structural level moves with them,
/// from the same cause (an offer or an event that binds), last whatever the
/// cause (a holder's rounded structural share may not move at all).
fn share_fade(book: &Book, entries: &[LogEntry]) -> Fade {
    let share = Var::Share(Domain::Trade, Holder::Other);
    let bound = |cause: &Cause, d: Domain| {
        entries.iter().any(|e| {
            e.cause == *cause
                && matches!(e.entry, Entry::Change { var: Var::Structure(sd, _), .. } if sd == d)
        })
    };
    entries
        .iter()
        .filter(|e| match e.entry {
            Entry::Change {
                var: Var::Share(d, _),
                ..
            } => !bound(&e.cause, d),
            _ => false,
        })
        .filter_map(|e| fade(book, &e.cause, &share))
        .find(|f| *f != Fade::Lasts)
        .unwrap_or(Fade::Lasts)
}

/// What a note of the group says as a change, if it is one the player
/// should see beside the numbers.
fn note_words(book: &Book, n: &Note) -> Option<String> {
    Some(match *n {
        Note::Flag(f, true) => format!("now {}", book.flag_name(f)),
        Note::Flag(f, false) => format!("no longer {}", book.flag_name(f)),
        Note::Corridor(c, s) => format!("{} {}", book.corridor_name(c), s.name()),
        Note::Stage(t, Stage::At(n)) => {
            let def = book.track(t);
            let stage = def.stages.get(usize::from(n)).map_or("", String::as_str);
            format!("{}: {stage}", def.name)
        }
        Note::Stage(t, Stage::Concluded) => format!("{} concluded", book.track(t).name),
        Note::Stage(t, Stage::Stalled) => format!("{} stalled", book.track(t).name),
        Note::ProjectCancelled(a) => format!("cancels {}", book.action(a).name),
        Note::Situation(s, true) => format!("{} begins", book.situation(s).name),
        Note::Situation(s, false) => format!("{} ends", book.situation(s).name),
        _ => return None,
    })
}

pub(super) fn group_parts(
    book: &Book,
    t: &Theme,
    entries: &[LogEntry],
    all_scores: bool,
) -> Vec<Part> {
    let mut out = Vec::new();
    let changes = net(entries);
    let change = |v: Var| {
        changes
            .iter()
            .find(|(w, _)| *w == v)
            .map_or(0.0, |(_, d)| *d)
    };
    // Scores.
    let mut spans = Vec::new();
    for (name, v) in [
        ("Autonomy", Var::Autonomy),
        ("Leverage", Var::Leverage),
        ("Stability", Var::Stability),
    ] {
        let d = change(v);
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
        let d = change(v);
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
        let d = change(Var::Proximity(pw));
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
    let mut strain_fade = None;
    for pw in Power::ALL {
        let d = change(Var::Strain(pw));
        if d.abs() >= 0.05 {
            sep(t, &mut spans);
            let style: Style = if d > 0.0 { t.bad() } else { t.good() };
            spans.push(Span::styled(format!("{} ", pw.name()), t.power(pw)));
            spans.push(Span::styled(plain(t, d), style));
            strain_fade = entries
                .iter()
                .find_map(|e| fade(book, &e.cause, &Var::Strain(pw)));
        }
    }
    if !spans.is_empty() {
        if let Some(f) = strain_fade {
            spans.push(note(t, &fade_words(f)));
        }
        out.push(Part {
            heading: "Strain:".into(),
            spans,
        });
    }
    // The leverage bonus (a refusal, a power backing down): it fades.
    let bonus = change(Var::Bonus);
    if bonus >= 0.05 {
        let mut spans = vec![Span::raw("Leverage "), signed(t, bonus)];
        if let Some(f) = entries
            .iter()
            .find_map(|e| fade(book, &e.cause, &Var::Bonus))
        {
            spans.push(note(t, &fade_words(f)));
        }
        out.push(Part {
            heading: "Bonus:".into(),
            spans,
        });
    }
    // Shares, by domain.
    let mut spans = Vec::new();
    for d in Domain::ALL {
        let moved: Vec<String> = Holder::ALL
            .into_iter()
            .filter_map(|h| {
                let x = change(Var::Share(d, h));
                (x.abs() >= 0.5).then(|| format!("{} {}", h.name(), plain(t, x)))
            })
            .collect();
        if !moved.is_empty() {
            sep(t, &mut spans);
            spans.push(Span::raw(format!("{} {}", d.name(), moved.join(", "))));
        }
    }
    if !spans.is_empty() {
        spans.push(note(t, &fade_words(share_fade(book, entries))));
        out.push(Part {
            heading: "Shares:".into(),
            spans,
        });
    }
    // The rest: the world, tolerance, assets; flags, corridors, tracks.
    let mut spans = Vec::new();
    for (v, d) in &changes {
        let shown = matches!(v, Var::World(_) | Var::Tolerance(_) | Var::Assets);
        if shown && d.abs() >= 0.05 {
            sep(t, &mut spans);
            spans.push(Span::raw(format!("{} {}", book.label(v), plain(t, *d))));
        }
    }
    for e in entries {
        if let Entry::Note(n) = &e.entry {
            if let Some(text) = note_words(book, n) {
                sep(t, &mut spans);
                spans.push(Span::raw(text));
            }
        }
    }
    if !spans.is_empty() {
        out.push(Part {
            heading: "Also:".into(),
            spans,
        });
    }
    out
}
