//! The event popup: a pending decision (an event's choices, or a step on a
//! power's crisis ladder), with the article sentence it comes from, where
//! it happens, and under each answer everything it would change, in the
//! words of the action preview; a locked answer says what it needs.

use ratatui::text::{Line, Span};

pub use super::event_popup::render;
use super::event_popup::scroll;

use crate::rules::defs::{ChoiceDef, Cond};
use crate::rules::explain::yield_odds;
use crate::rules::preview::{Preview, preview_answer, preview_climb, preview_yield};
use crate::rules::{Book, Command, Decision, LadderStep, Power, State, decision_choices};
use crate::ui::app::App;
use crate::ui::goals::near;
use crate::ui::keymap::{Msg, key};
use crate::ui::theme::Theme;
use crate::ui::widgets::consequences::{Part, parts, provoked};

pub fn update(app: &mut App, msg: Msg) {
    let Some(play) = app.play.as_mut() else {
        return;
    };
    let n = decision_choices(play.game.state(), &app.book).len();
    match msg {
        Msg::Up => {
            play.choice = play.choice.saturating_sub(1);
            scroll(app, msg);
        }
        Msg::Down => {
            play.choice = (play.choice + 1).min(n.saturating_sub(1));
            scroll(app, msg);
        }
        Msg::PageUp | Msg::PageDown | Msg::Home | Msg::End => scroll(app, msg),
        Msg::Back => play.peek = true,
        Msg::Select => {
            let i = play.choice;
            choose(app, i);
        }
        Msg::Choice(i) if i < n => choose(app, i),
        _ => {}
    }
}

fn choose(app: &mut App, i: usize) {
    if app.command(Command::Choose(i)) {
        if let Some(play) = app.play.as_mut() {
            play.choice = 0;
            play.event_scroll = 0;
        }
    }
}

/// What an unmet requirement needs, with the value now: "Turkey proximity
/// at least 55 (now 53.2)".
pub fn unmet(state: &State, book: &Book, requires: &[Cond]) -> Vec<String> {
    requires
        .iter()
        .filter(|c| !state.holds(c))
        .map(|c| match c {
            Cond::AtLeast(v, x) | Cond::AtMost(v, x) => {
                format!("{} (now {})", book.describe(c), near(state.get(*v), *x))
            }
            other => book.describe(other),
        })
        .collect()
}

/// One numbered answer, a pointer on the selected one so it shows
/// without colour too, and what it would change below it.
fn answer(
    t: &Theme,
    head: String,
    selected: bool,
    available: bool,
    below: Vec<Part>,
    flow: bool,
) -> Vec<Line<'static>> {
    let pointer = if selected { t.pointer() } else { " " };
    let style = if !available {
        t.dim()
    } else if selected {
        t.selected()
    } else {
        t.text()
    };
    let mut lines = vec![Line::styled(format!("{pointer} {head}"), style)];
    if flow {
        // One paragraph: the same parts, run together.
        let mut spans = vec![Span::raw("     ")];
        for (i, p) in below.iter().enumerate() {
            if i > 0 {
                spans.push(Span::styled(" · ", t.dim()));
            }
            spans.extend(p.line(t, "").spans);
        }
        if !below.is_empty() {
            lines.push(Line::from(spans));
        }
    } else {
        lines.extend(below.iter().map(|p| p.line(t, "     ")));
    }
    lines
}

pub(super) struct Content {
    pub title: String,
    pub lines: Vec<Line<'static>>,
    /// The article's sentence, after the lines: left out when the popup has
    /// no room for it (the lines still say "from the article").
    pub quote: Option<Line<'static>>,
    /// Each answer's lines.
    pub choices: Vec<Vec<Line<'static>>>,
}

/// The parts of a preview, and a warning when it may draw a reaction.
fn costs(state: &State, book: &Book, t: &Theme, pv: Option<&Preview>) -> Vec<Part> {
    let mut out = Vec::new();
    if let Some(pv) = pv {
        out = parts(state, book, t, pv, false);
        out.extend(provoked(state, t, pv));
    }
    if out.is_empty() {
        out.push(Part {
            heading: "Likely:".into(),
            spans: vec![Span::styled("little change at once", t.dim())],
        });
    }
    out
}

fn ladder_content(
    state: &State,
    book: &Book,
    t: &Theme,
    (p, step): (Power, LadderStep),
    sel: usize,
    flow: bool,
) -> Content {
    let def = book.power(p);
    let text = def
        .ladder
        .iter()
        .find(|l| l.step == step)
        .map_or("", |l| l.text.as_str());
    let next = step.next();
    let steps: Vec<String> = LadderStep::CLIMB
        .iter()
        .map(|s| {
            if *s == step {
                format!("[{}]", s.name())
            } else {
                s.name().to_string()
            }
        })
        .collect();
    let odds = (yield_odds(state, book, p) * 100.0).round();
    let ps = state.power(p);
    let lines = vec![
        Line::styled(
            format!(
                "{}: {} — back down ({}) or hold ({})",
                p.name(),
                step.name(),
                1,
                2
            ),
            t.heading(),
        ),
        Line::raw(text.to_string()),
        Line::styled(
            format!("Crisis ladder: {}", steps.join(&format!(" {} ", t.arrow()))),
            t.dim(),
        ),
        Line::styled(
            format!(
                "If you hold, {} backs down at the end of the turn with odds of about {odds:.0}% ({} {}), or climbs; it lets the matter drop if its strain falls below {:.0}% of its tolerance (now {} of {}).",
                p.name(),
                def.strength.name(),
                near(state.world(def.strength), 0.0),
                book.model.ladder.calm_below * 100.0,
                near(ps.strain, ps.tolerance * book.model.ladder.calm_below),
                near(ps.tolerance, -1.0)
            ),
            t.warn(),
        ),
    ];
    let back = costs(state, book, t, preview_answer(state, book, 0).as_ref());
    let mut hold = Vec::new();
    if next != step {
        let climb = preview_climb(state, book, p, next);
        let group = format!("If it climbs to {}:", next.name());
        hold.extend(grouped(&group, parts(state, book, t, &climb, false)));
    }
    let group = format!("If it backs down ({odds:.0}%):");
    hold.extend(grouped(
        &group,
        parts(state, book, t, &preview_yield(state, book, p), false),
    ));
    let hold_head = if next == step {
        format!("2  Hold — {} is at its last step", p.name())
    } else {
        format!("2  Hold — risk the next step ({})", next.name())
    };
    let choices = vec![
        answer(
            t,
            format!("1  Back down — give way to {}", p.name()),
            sel == 0,
            true,
            back,
            flow,
        ),
        answer(t, hold_head, sel == 1, true, hold, flow),
    ];
    Content {
        title: format!("{} on the crisis ladder", def.name),
        lines,
        quote: None,
        choices,
    }
}

/// What an event or a power's offer shows: its words and its choices.
struct Card<'a> {
    title: String,
    text: &'a str,
    source: Option<&'a str>,
    context: Option<&'a str>,
    place: Option<&'a str>,
    choices: &'a [ChoiceDef],
}

fn card(book: &Book, d: Decision) -> Option<Card<'_>> {
    match d {
        Decision::Event(id) => {
            let e = book.event(id);
            Some(Card {
                title: e.title.clone(),
                text: &e.text,
                source: e.source.as_deref(),
                context: e.context.as_deref(),
                place: e.place.as_deref(),
                choices: &e.choices,
            })
        }
        Decision::Offer(id) => {
            let m = book.power_move(id);
            Some(Card {
                title: format!("{} offers: {}", m.power.name(), m.title),
                text: &m.text,
                source: m.source.as_deref(),
                context: m.context.as_deref(),
                place: None,
                choices: &m.choices,
            })
        }
        Decision::Ladder(..) => None,
    }
}

fn event_content(
    state: &State,
    book: &Book,
    t: &Theme,
    e: Card<'_>,
    sel: usize,
    flow: bool,
) -> Content {
    let mut lines = vec![Line::raw(e.text.to_string())];
    let quote = e
        .source
        .map(|src| Line::styled(format!("“{src}”"), t.quote()));
    if let (None, Some(ctx)) = (e.source, e.context) {
        lines.push(Line::styled(format!("Context: {ctx}"), t.dim()));
    }
    let whence = if e.source.is_some() {
        "  — from the article"
    } else {
        ""
    };
    let place = e
        .place
        .and_then(|p| crate::map::atlas().place(p))
        .map(|(name, _)| {
            let flag = if t.ascii { "!" } else { "◆" };
            format!(
                "{}where: {name}, {flag} on the map ({} looks)",
                if whence.is_empty() { "" } else { " · " },
                key(Msg::Back)
            )
        })
        .unwrap_or_default();
    if !whence.is_empty() || !place.is_empty() {
        lines.push(Line::styled(format!("{whence}{place}"), t.dim()));
    }
    let avail = decision_choices(state, book);
    let mut choices = Vec::new();
    for (i, c) in e.choices.iter().enumerate() {
        let ok = avail.get(i).is_some_and(|a| a.1.is_none());
        // A locked answer says what it needs, then what it would do.
        let mut below = Vec::new();
        if !ok {
            below.push(Part {
                heading: "Locked:".into(),
                spans: vec![Span::styled(
                    format!("needs {}", unmet(state, book, &c.requires).join("; ")),
                    t.warn(),
                )],
            });
        }
        below.extend(costs(
            state,
            book,
            t,
            preview_answer(state, book, i).as_ref(),
        ));
        choices.push(answer(
            t,
            format!("{}  {}", i + 1, c.label),
            i == sel,
            ok,
            below,
            flow,
        ));
    }
    Content {
        title: e.title,
        lines,
        quote,
        choices,
    }
}

/// What the pending decision shows, its answers line by line or, with
/// `flow`, each answer's changes run together.
pub(super) fn content(app: &App, flow: bool) -> Option<Content> {
    let play = app.play.as_ref()?;
    let state = play.game.state();
    let decision = state.pending().first()?;
    let t = &app.theme;
    Some(match (decision, card(&app.book, *decision)) {
        (_, Some(c)) => event_content(state, &app.book, t, c, play.choice, flow),
        (Decision::Ladder(p, step), None) => {
            ladder_content(state, &app.book, t, (*p, *step), play.choice, flow)
        }
        (_, None) => Content {
            title: String::new(),
            lines: Vec::new(),
            quote: None,
            choices: Vec::new(),
        },
    })
}

/// What one outcome of holding would do: its name once, before the first
/// part, and the parts after it indented beneath, so that "If it backs
/// down" is not said again on every line.
fn grouped(group: &str, parts: Vec<Part>) -> Vec<Part> {
    parts
        .into_iter()
        .enumerate()
        .map(|(i, mut part)| {
            part.heading = if i == 0 {
                format!("{group} {}", part.heading)
            } else {
                format!("  {}", part.heading)
            };
            part
        })
        .collect()
}
