//! A report as a Markdown document, for a teacher to read and grade.

use std::fmt::Write as _;

use super::{Report, TurnRow};
use crate::save::Origin;

/// A number as the report shows it: one decimal.
fn n(x: f64) -> String {
    format!("{x:.1}")
}

/// Text for a table cell: no line breaks, no column separators.
fn cell(s: &str) -> String {
    s.replace('|', "\\|").replace(['\n', '\r'], " ")
}

pub(super) fn render(r: &Report) -> String {
    let mut out = String::new();
    // Writing to a String cannot fail.
    let _ = write_all(r, &mut out);
    out
}

fn write_all(r: &Report, out: &mut String) -> std::fmt::Result {
    writeln!(
        out,
        "# Multivector report: {}, {}",
        r.country.name, r.scenario.name
    )?;
    writeln!(out)?;
    summary(r, out)?;
    if let Some(o) = &r.outcome {
        if !o.text.is_empty() {
            writeln!(out)?;
            writeln!(out, "> **{}.** {}", o.title, o.text.replace('\n', " "))?;
        }
    }
    writeln!(out)?;
    objectives(r, out)?;
    writeln!(out)?;
    history(r, out)?;
    writeln!(out)?;
    decisions(r, out)?;
    writeln!(out)?;
    turning_points(r, out)?;
    if !r.questions.is_empty() {
        writeln!(out)?;
        writeln!(out, "## For discussion")?;
        writeln!(out)?;
        for (i, q) in r.questions.iter().enumerate() {
            writeln!(out, "{}. {q}", i + 1)?;
        }
    }
    Ok(())
}

fn summary(r: &Report, out: &mut String) -> std::fmt::Result {
    let so_far = if r.outcome.is_some() { "" } else { " (so far)" };
    let outcome = r.outcome.as_ref().map_or_else(
        || "in progress".to_string(),
        |o| format!("{} — `{}`", o.title, o.id),
    );
    let verified = if r.verified {
        let on = match r.scenario_origin {
            Origin::BuiltIn => "on the built-in scenario".to_string(),
            Origin::Changed => format!(
                "on a custom scenario (not the built-in one): a changed copy of `{}`, content hash `{}`",
                r.scenario.id, r.scenario_hash
            ),
            Origin::Unknown => format!("on a custom scenario, content hash `{}`", r.scenario_hash),
        };
        format!("yes: the recorded decisions reproduce the saved game, {on}")
    } else if let Some(line) = &r.another_version {
        format!(
            "**no**: another version, not verified. {line} The numbers below are those its decisions give with this version."
        )
    } else {
        let mut s = format!(
            "**no**: edited: the saved game does not follow from its decisions; it differs from turn {}",
            r.first_difference.unwrap_or(0)
        );
        if let Some(reason) = &r.reason {
            let _ = write!(s, " ({reason})");
        }
        s.push_str(". The numbers below are those its decisions give, not what the save claims.");
        s
    };
    let rows = [
        ("Save", format!("`{}`", r.save)),
        (
            "Scenario",
            format!("{} — `{}`", r.scenario.name, r.scenario.id),
        ),
        (
            "Country",
            format!("{} — `{}`", r.country.name, r.country.id),
        ),
        ("Seed", r.seed.to_string()),
        (
            "Difficulty",
            format!("{} — `{}`", r.difficulty.name, r.difficulty.id),
        ),
        (
            "Turns played",
            format!("{} of {}", r.turns.played, r.turns.total),
        ),
        ("Date", r.date.clone()),
        ("Outcome", outcome),
        ("Autonomy", n(r.autonomy)),
        ("Leverage", n(r.leverage)),
        ("Stability", n(r.stability)),
        (&format!("Score{so_far}"), n(r.score)),
        (
            "Objectives met",
            format!("{} of {}{so_far}", r.objectives_met, r.objectives.len()),
        ),
        ("Verified", verified),
        ("Status", r.status.clone()),
        ("Written by", format!("Multivector {}", r.written_by)),
    ];
    writeln!(out, "| | |")?;
    writeln!(out, "|---|---|")?;
    for (k, v) in rows {
        writeln!(out, "| {k} | {} |", cell(&v))?;
    }
    Ok(())
}

fn objectives(r: &Report, out: &mut String) -> std::fmt::Result {
    writeln!(out, "## Objectives")?;
    writeln!(out)?;
    if r.objectives.is_empty() {
        writeln!(out, "The scenario sets none.")?;
        return Ok(());
    }
    let when = if r.outcome.is_some() {
        "at the end of the game"
    } else {
        "so far (the game is in progress)"
    };
    writeln!(
        out,
        "{} of {} met, {when}. Each is met when all its conditions hold; the number each condition read is beside it.",
        r.objectives_met,
        r.objectives.len()
    )?;
    writeln!(out)?;
    for o in &r.objectives {
        let mark = match o.met {
            Some(true) => "✓ met",
            Some(false) => "✗ not met",
            None => "· not checked",
        };
        writeln!(out, "- **{mark}**: {}", o.text)?;
        for c in &o.checks {
            let held = if c.held { "✓" } else { "✗" };
            writeln!(out, "  - {held} {}", c.words())?;
        }
    }
    Ok(())
}

fn history(r: &Report, out: &mut String) -> std::fmt::Result {
    writeln!(out, "## Turn by turn")?;
    writeln!(out)?;
    writeln!(
        out,
        "The position at the start, then at the end of each quarter played: the scores, the diplomatic capital left, and each power's proximity (0–100)."
    )?;
    writeln!(out)?;
    writeln!(
        out,
        "| Turn | Date | Autonomy | Leverage | Stability | Capital | Russia | China | Turkey | EU |"
    )?;
    writeln!(out, "|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|")?;
    let line = |out: &mut String, turn: &str, row: &TurnRow| {
        let numbers: Vec<String> = row.numbers().iter().map(|&x| n(x)).collect();
        writeln!(out, "| {turn} | {} | {} |", row.date, numbers.join(" | "))
    };
    if let Some(start) = &r.start {
        line(out, "start", start)?;
    }
    for row in &r.history {
        line(out, &row.turn.to_string(), row)?;
    }
    Ok(())
}

fn decisions(r: &Report, out: &mut String) -> std::fmt::Result {
    writeln!(out, "## Decisions")?;
    if r.decisions.is_empty() {
        writeln!(out)?;
        writeln!(out, "None yet.")?;
        return Ok(());
    }
    let mut current = None;
    for d in &r.decisions {
        if current != Some(d.turn) {
            current = Some(d.turn);
            let date = r
                .history
                .iter()
                .find(|h| h.turn == d.turn)
                .map(|h| h.date.clone())
                .unwrap_or_else(|| r.date.clone());
            writeln!(out)?;
            writeln!(out, "### Turn {}: {date}", d.turn)?;
            writeln!(out)?;
        }
        let kind = match d.kind {
            "action" => "Action",
            "planned" => "Planned",
            "event" => "Event",
            "offer" => "Offer",
            _ => "Crisis ladder",
        };
        writeln!(out, "- {kind}: {}", d.text)?;
    }
    Ok(())
}

fn turning_points(r: &Report, out: &mut String) -> std::fmt::Result {
    writeln!(out, "## Turning points")?;
    writeln!(out)?;
    if r.turning_points.is_empty() {
        writeln!(out, "No score moved by a point or more in a single turn.")?;
        return Ok(());
    }
    writeln!(
        out,
        "The largest swings of the scores in a single turn, and what caused them."
    )?;
    writeln!(out)?;
    for tp in &r.turning_points {
        let d = tp.after - tp.before;
        let verb = if d > 0.0 { "rose" } else { "fell" };
        let score = match tp.score.as_str() {
            "autonomy" => "Autonomy",
            "leverage" => "Leverage",
            "stability" => "Stability",
            other => other,
        };
        write!(
            out,
            "- **{}** (turn {}): {score} {verb} by {} ({} → {})",
            tp.date,
            tp.turn,
            n(d.abs()),
            n(tp.before),
            n(tp.after)
        )?;
        if tp.causes.is_empty() {
            writeln!(out)?;
        } else {
            writeln!(out, ", because of: {}", tp.causes.join("; "))?;
        }
    }
    Ok(())
}
