//! The end screen: the outcome, the scores over the game, the scenario's
//! objectives met or not (with the number each condition read), the
//! turning points and why they happened, the final score, and the
//! questions.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::symbols::Marker;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Axis, Chart, Dataset, GraphType, Paragraph, Widget, Wrap};

use crate::report::debrief::{date_of, turning_points};
use crate::rules::{Game, Outcome, State, Var};
use crate::ui::app::{App, Screen};
use crate::ui::goals::{When, best, best_readings, goal, near, score_goal};
use crate::ui::keymap::{Ctx, Msg, key, key_short};
use crate::ui::widgets::{footer, num, panel, scroll_limit, status};

pub fn update(app: &mut App, msg: Msg) {
    let moved = app.play.as_ref().map(|p| app.scroll_by(p.end_scroll, msg));
    let Some(play) = app.play.as_mut() else {
        return;
    };
    match msg {
        Msg::Up | Msg::Down | Msg::PageUp | Msg::PageDown | Msg::Home | Msg::End => {
            play.end_scroll = moved.unwrap_or_default()
        }
        Msg::Select | Msg::Back => {
            app.play = None;
            app.screen = Screen::Title;
        }
        _ => {}
    }
}

fn chart(app: &App, state: &State, area: Rect, buf: &mut Buffer) {
    let t = &app.theme;
    let h = state.history();
    let series = |f: fn(&crate::rules::Snapshot) -> f64| -> Vec<(f64, f64)> {
        h.iter().map(|s| (f64::from(s.turn), f(s))).collect()
    };
    let (a, l, s) = (
        series(|s| s.autonomy),
        series(|s| s.leverage),
        series(|s| s.stability),
    );
    let last = h.last().map_or(1, |s| s.turn).max(1);
    // The last snapshot is the state after the last turn: it is dated by
    // that turn, as the debrief dates it.
    let end = date_of(state, last - 1);
    let datasets = vec![
        Dataset::default()
            .marker(Marker::Braille)
            .graph_type(GraphType::Line)
            .style(t.autonomy())
            .data(&a),
        Dataset::default()
            .marker(Marker::Dot)
            .graph_type(GraphType::Line)
            .style(t.leverage())
            .data(&l),
        Dataset::default()
            .marker(Marker::Block)
            .graph_type(GraphType::Line)
            .style(t.stability())
            .data(&s),
    ];
    // The scale fits the game's range, so a swing of a few points shows.
    let (lo, hi) = a
        .iter()
        .chain(&l)
        .chain(&s)
        .fold((100.0f64, 0.0f64), |(lo, hi), p| (lo.min(p.1), hi.max(p.1)));
    let lo = ((lo - 5.0) / 10.0).floor().clamp(0.0, 9.0) * 10.0;
    let hi = (((hi + 5.0) / 10.0).ceil() * 10.0).clamp(lo + 10.0, 100.0);
    // The legend goes in the title, so it never covers the lines; the
    // names are shortened where the whole of them would not fit.
    let legend = |names: [&'static str; 3]| {
        Line::from(vec![
            Span::raw(" "),
            Span::styled(format!("{} ⣿", names[0]), t.autonomy()),
            Span::raw(" · "),
            Span::styled(format!("{} •", names[1]), t.leverage()),
            Span::raw(" · "),
            Span::styled(format!("{} █", names[2]), t.stability()),
            Span::raw(" "),
        ])
    };
    let mut title = legend(["Autonomy", "Leverage", "Stability"]);
    if title.width() + 2 > usize::from(area.width) {
        title = legend(["Aut.", "Lev.", "Stab."]);
    }
    Chart::new(datasets)
        .block(panel(t, title, false))
        .x_axis(
            Axis::default()
                .title("turn")
                .bounds([0.0, f64::from(last)])
                .labels([date_of(state, 0), end]),
        )
        .y_axis(
            Axis::default()
                .bounds([lo, hi])
                .labels([num(lo), num((lo + hi) / 2.0), num(hi)]),
        )
        .legend_position(None)
        .render(area, buf);
}

/// Which conditions of the best ending held at the end and which did not,
/// with their values.
pub fn best_ending_lines(app: &App, state: &State, outcome: &Outcome) -> Vec<Line<'static>> {
    let (t, book) = (&app.theme, &app.book);
    let Some(e) = best(book) else {
        return Vec::new();
    };
    let reached = book.ending(outcome.ending).id == e.id;
    let head = if reached {
        format!(
            "The best ending, {}, reached: every condition held",
            e.title
        )
    } else {
        format!("The best ending, {}, missed:", e.title)
    };
    let mut lines = vec![Line::styled(head, t.heading())];
    for r in best_readings(state, book, t.minus(), When::Judged) {
        let (m, style) = if r.held {
            (t.check(), t.good())
        } else {
            (t.cross(), t.bad())
        };
        lines.push(Line::from(vec![
            Span::styled(format!("{m} "), style),
            Span::raw(r.text),
        ]));
    }
    lines
}

/// The scenario's objectives, each met or not, with what each of its
/// conditions read at the end; nothing when the scenario sets none.
pub fn objective_lines(app: &App, game: &Game) -> Vec<Line<'static>> {
    let (t, book) = (&app.theme, &app.book);
    let results = game.objectives(book);
    if results.is_empty() {
        return Vec::new();
    }
    let conds: Vec<Vec<crate::rules::defs::Cond>> = book
        .resolve_scenario(&game.scenario)
        .map(|s| s.objectives.into_iter().map(|o| o.when).collect())
        .unwrap_or_default();
    let met = results.iter().filter(|o| o.met == Some(true)).count();
    let mut lines = vec![Line::styled(
        format!("Objectives: {met} of {} met", results.len()),
        t.heading(),
    )];
    let mark = |held: bool| {
        if held {
            Span::styled(format!("{} ", t.check()), t.good())
        } else {
            Span::styled(format!("{} ", t.cross()), t.bad())
        }
    };
    for (i, o) in results.iter().enumerate() {
        let head = match o.met {
            Some(held) => mark(held),
            None => Span::styled("· ", t.dim()),
        };
        let mut text = crate::text::clean(&o.text).into_owned();
        if o.met.is_none() {
            text.push_str(" (not checked)");
        }
        lines.push(Line::from(vec![head, Span::raw(text)]));
        for c in conds.get(i).into_iter().flatten() {
            let r = goal(game.state(), book, c, t.minus(), When::Now);
            // Wrapping trims a leading space: a dim dot sets the
            // conditions under their objective.
            lines.push(Line::from(vec![
                Span::styled("· ", t.dim()),
                mark(r.held),
                Span::styled(r.text, t.dim()),
            ]));
        }
    }
    lines
}

pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let Some(play) = &app.play else { return };
    let (t, book) = (&app.theme, &app.book);
    let state = play.game.state();
    let Some(outcome) = state.outcome() else {
        return;
    };
    let ending = book.ending(outcome.ending);
    let compact = area.width < 110 || area.height < 34;
    let [head, text, middle, st, foot] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(if compact { 3 } else { 4 }),
        Constraint::Fill(1),
        Constraint::Length(1),
        Constraint::Length(1),
    ])
    .areas(area);
    let title = ending.title.as_str();
    Paragraph::new(Line::from(vec![
        Span::styled(format!(" The end: {title} "), t.title()),
        Span::styled(format!("  final score {}", num(outcome.score)), t.heading()),
    ]))
    .render(head, buf);
    Paragraph::new(ending.text.clone())
        .wrap(Wrap { trim: true })
        .render(text.inner(ratatui::layout::Margin::new(1, 0)), buf);
    let [left, right] = Layout::horizontal([
        Constraint::Percentage(if compact { 42 } else { 50 }),
        Constraint::Fill(1),
    ])
    .areas(middle);
    chart(app, state, left, buf);
    let mut lines = vec![Line::raw(format!(
        "By the end of {}, after {} turns: autonomy {}, leverage {}, stability {}.",
        date_of(state, outcome.turn.saturating_sub(1)),
        outcome.turn,
        near(
            state.autonomy(),
            score_goal(book, state, &Var::Autonomy).unwrap_or(f64::NAN)
        ),
        near(
            state.leverage(),
            score_goal(book, state, &Var::Leverage).unwrap_or(f64::NAN)
        ),
        near(
            state.stability(),
            score_goal(book, state, &Var::Stability).unwrap_or(f64::NAN)
        )
    ))];
    if outcome.turn >= state.turns() {
        lines.push(Line::raw(format!(
            "Judged over the last {} turns: autonomy {}, leverage {}, stability {}.",
            book.model.endings.window,
            num(state.judged(book, Var::Autonomy)),
            num(state.judged(book, Var::Leverage)),
            num(state.judged(book, Var::Stability)),
        )));
    }
    lines.push(Line::raw(""));
    lines.extend(best_ending_lines(app, state, outcome));
    lines.push(Line::raw(""));
    let objectives = objective_lines(app, &play.game);
    if !objectives.is_empty() {
        lines.extend(objectives);
        lines.push(Line::raw(""));
    }
    lines.push(Line::styled("Turning points", t.heading()));
    for tp in turning_points(state, book, if compact { 4 } else { 6 }) {
        let d = tp.after - tp.before;
        let arrow = if d > 0.0 { t.up() } else { t.down() };
        lines.push(Line::from(vec![
            Span::styled(format!("{} ", date_of(state, tp.turn)), t.heading()),
            Span::styled(
                format!("{} {arrow}{} ", tp.score, num(d.abs())),
                if d > 0.0 { t.good() } else { t.bad() },
            ),
            Span::raw(format!(
                "({} {} {})",
                num(tp.before),
                t.arrow(),
                num(tp.after)
            )),
        ]));
        if !tp.causes.is_empty() {
            lines.push(Line::styled(
                format!("  because of: {}", tp.causes.join("; ")),
                t.dim(),
            ));
        }
    }
    lines.push(Line::raw(""));
    if !play.game.scenario.questions.is_empty() {
        lines.push(Line::styled("For discussion", t.heading()));
        for (i, q) in play.game.scenario.questions.iter().enumerate() {
            lines.push(Line::raw(format!("{}. {}", i + 1, crate::text::clean(q))));
        }
    }
    let title = format!(
        " Debrief ({}{} {} scroll) ",
        key_short(Msg::Up),
        key_short(Msg::Down),
        key(Msg::PageDown)
    );
    let block = panel(t, title, false);
    let inner = block.inner(right);
    let text = Paragraph::new(lines).wrap(Wrap { trim: true });
    app.scroll_limit
        .set(scroll_limit(text.line_count(inner.width), inner.height));
    app.scroll_page.set(inner.height);
    text.scroll((play.end_scroll, 0))
        .block(block)
        .render(right, buf);
    status(t, app.status.as_deref(), st, buf);
    footer(t, Ctx::End, foot, buf);
}
