//! The event popup: a pending decision (an event's choices, or a step on a
//! power's crisis ladder), with the article sentence it comes from.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Widget, Wrap};

use crate::rules::preview::{Preview, preview, preview_choices, preview_yield};
use crate::rules::{Book, Command, Decision, EventId, LadderStep, Power, State, decision_choices};
use crate::ui::app::App;
use crate::ui::keymap::{Ctx, Msg};
use crate::ui::theme::Theme;
use crate::ui::widgets::{centered, footer, num, popup, rows};

pub fn update(app: &mut App, msg: Msg) {
    let Some(play) = app.play.as_mut() else {
        return;
    };
    let n = decision_choices(play.game.state(), &app.book).len();
    match msg {
        Msg::Up => play.choice = play.choice.saturating_sub(1),
        Msg::Down => play.choice = (play.choice + 1).min(n.saturating_sub(1)),
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
        }
    }
}

/// A short summary of a preview: the scores and the closeness it moves.
fn summary(t: &Theme, p: &Preview) -> String {
    let mut parts = Vec::new();
    for (name, d) in [
        ("Autonomy", p.autonomy),
        ("Leverage", p.leverage),
        ("Stability", p.stability),
    ] {
        if d.abs() >= 0.5 {
            parts.push(format!(
                "{name} {}{}",
                if d > 0.0 { "+" } else { t.minus() },
                num(d.abs())
            ));
        }
    }
    for pw in Power::ALL {
        let d = p.proximity[pw.index()];
        if d.abs() >= 0.5 {
            parts.push(format!(
                "{} {}{}",
                pw.name(),
                if d > 0.0 { "+" } else { t.minus() },
                num(d.abs())
            ));
        }
    }
    if parts.is_empty() {
        "little change at once".into()
    } else {
        parts.join(", ")
    }
}

/// One numbered answer, with a pointer on the selected one so it shows
/// without colour too.
fn choice_line(t: &Theme, text: String, selected: bool, available: bool) -> Line<'static> {
    let pointer = if selected { t.pointer() } else { " " };
    let style = if !available {
        t.dim()
    } else if selected {
        t.selected()
    } else {
        t.text()
    };
    Line::styled(format!("{pointer} {text}"), style)
}

struct Content {
    title: String,
    lines: Vec<Line<'static>>,
    choices: Vec<Line<'static>>,
}

fn ladder_content(
    state: &State,
    book: &Book,
    t: &Theme,
    p: Power,
    step: LadderStep,
    sel: usize,
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
    let back = preview(state, book, &Command::Choose(0))
        .map(|pv| summary(t, &pv))
        .unwrap_or_default();
    let hold = summary(t, &preview_yield(state, book, p));
    let lines = vec![
        Line::styled(
            format!("{}: {} — back down (1) or hold (2)", p.name(), step.name()),
            t.heading(),
        ),
        Line::raw(text.to_string()),
        Line::styled(format!("Crisis ladder: {}", steps.join(" → ")), t.dim()),
    ];
    let hold_text = if next == step {
        format!(
            "2  Hold — {} is at its last step; if it backs down you gain leverage ({hold})",
            p.name()
        )
    } else {
        format!(
            "2  Hold — risk the next step ({}); if {} backs down instead, you gain leverage ({hold})",
            next.name(),
            p.name()
        )
    };
    let choices = [
        format!("1  Back down — lose autonomy, keep stability ({back})"),
        hold_text,
    ];
    Content {
        title: format!("{} on the crisis ladder", def.name),
        lines,
        choices: choices
            .into_iter()
            .enumerate()
            .map(|(i, c)| choice_line(t, c, i == sel, true))
            .collect(),
    }
}

fn event_content(state: &State, book: &Book, t: &Theme, id: EventId, sel: usize) -> Content {
    let e = book.event(id);
    let mut lines = vec![Line::raw(e.text.clone())];
    if let Some(src) = &e.source {
        lines.push(Line::styled(format!("“{src}”"), t.quote()));
        lines.push(Line::styled("  — from the article", t.dim()));
    } else if let Some(ctx) = &e.context {
        lines.push(Line::styled(format!("Context: {ctx}"), t.dim()));
    }
    let avail = decision_choices(state, book);
    let previews = preview_choices(state, book);
    let choices = e
        .choices
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let locked = avail.get(i).and_then(|a| a.1.clone());
            let ok = locked.is_none();
            let text = match (locked, previews.get(i).and_then(Option::as_ref)) {
                (None, Some(pv)) => format!("{}  {} ({})", i + 1, c.label, summary(t, pv)),
                (Some(why), _) => format!("{}  {} (requires {why})", i + 1, c.label),
                (None, None) => format!("{}  {}", i + 1, c.label),
            };
            choice_line(t, text, i == sel, ok)
        })
        .collect();
    Content {
        title: e.title.clone(),
        lines,
        choices,
    }
}

/// The rows these lines take when wrapped to `width`, exactly as drawn.
fn height(lines: &[Line<'static>], width: u16, trim: bool) -> u16 {
    rows(&Paragraph::new(lines.to_vec()).wrap(Wrap { trim }), width)
}

pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let Some(play) = &app.play else { return };
    let state = play.game.state();
    let Some(decision) = state.pending().first() else {
        return;
    };
    let t = &app.theme;
    let c = match decision {
        Decision::Event(id) => event_content(state, &app.book, t, *id, play.choice),
        Decision::Ladder(p, step) => ladder_content(state, &app.book, t, *p, *step, play.choice),
    };
    let w = (area.width * 4 / 5).clamp(60, 100).min(area.width);
    let inner_w = w.saturating_sub(2);
    let text_h = height(&c.lines, inner_w, true) + height(&c.choices, inner_w, false);
    let h = (text_h + 6).min(area.height.saturating_sub(2));
    let rect = centered(area, w, h);
    let more = state.pending().len() - 1;
    let title = if more > 0 {
        format!("{} ({} more waiting)", c.title, more)
    } else {
        c.title.clone()
    };
    let inner = popup(t, &title, rect, buf);
    let choices_h = height(&c.choices, inner.width, false);
    let [body, choices, keys] = Layout::vertical([
        Constraint::Fill(1),
        Constraint::Length(choices_h + 1),
        Constraint::Length(1),
    ])
    .areas(inner);
    Paragraph::new(c.lines)
        .wrap(Wrap { trim: true })
        .render(body, buf);
    let mut cl = vec![Line::styled("Your answer:", t.heading())];
    cl.extend(c.choices);
    Paragraph::new(cl)
        .wrap(Wrap { trim: false })
        .render(choices, buf);
    footer(t, Ctx::Event, keys, buf);
}
