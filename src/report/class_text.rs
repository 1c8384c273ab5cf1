//! A class report as Markdown (rows, summary, what the columns say) and as
//! CSV (the rows only, one header row, so that a spreadsheet reads it as
//! is). The texts in rows are clean already (see `class`); here Markdown's
//! own characters are escaped, and CSV cells are made inert.

use std::fmt::Write as _;

use super::class::{ClassReport, ClassRow, IN_PROGRESS, Origin};
use crate::text::csv_cell;

/// The class CSV's header, in the order of the cells of [`csv_record`].
pub const CLASS_CSV_HEADER: [&str; 19] = [
    "student",
    "scenario",
    "scenario_origin",
    "scenario_hash",
    "country",
    "seed",
    "difficulty",
    "turns_played",
    "turns_total",
    "outcome",
    "score",
    "autonomy",
    "leverage",
    "stability",
    "objectives",
    "objectives_met",
    "verified",
    "status",
    "written_by",
];

/// A number as reports show it: one decimal; empty when unknown.
fn n(x: Option<f64>) -> String {
    x.map_or_else(String::new, |x| format!("{x:.1}"))
}

fn int(x: Option<impl ToString>) -> String {
    x.map_or_else(String::new, |x| x.to_string())
}

fn outcome_title(r: &ClassRow) -> String {
    match (&r.outcome, r.score) {
        (Some(o), _) => o.title.clone(),
        (None, Some(_)) => "in progress".into(),
        (None, None) => String::new(),
    }
}

/// The cells of one row, in the order of [`CLASS_CSV_HEADER`]: texts
/// through [`csv_cell`], numbers as written here.
fn csv_record(r: &ClassRow) -> Vec<String> {
    vec![
        csv_cell(&r.student),
        csv_cell(r.scenario.as_ref().map_or("", |s| s.id.as_str())),
        csv_cell(r.scenario_origin.map_or("", |o| o.words())),
        csv_cell(r.scenario_hash.as_deref().unwrap_or("")),
        csv_cell(r.country.as_ref().map_or("", |c| c.id.as_str())),
        int(r.seed),
        csv_cell(r.difficulty.as_deref().unwrap_or("")),
        int(r.turns.as_ref().map(|t| t.played)),
        int(r.turns.as_ref().map(|t| t.total)),
        csv_cell(&outcome_title(r)),
        n(r.score),
        n(r.autonomy),
        n(r.leverage),
        n(r.stability),
        int(r.objectives.as_ref().map(|o| o.count)),
        int(r.objectives.as_ref().and_then(|o| o.met)),
        int(r.verified),
        csv_cell(&r.status.words()),
        csv_cell(r.written_by.as_deref().unwrap_or("")),
    ]
}

pub(super) fn csv(report: &ClassReport) -> Result<String, csv::Error> {
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record(CLASS_CSV_HEADER)?;
    for r in &report.rows {
        w.write_record(csv_record(r))?;
    }
    let bytes = w.into_inner().map_err(|e| e.into_error())?;
    Ok(String::from_utf8(bytes).expect("CSV of UTF-8 text is UTF-8"))
}

/// Text for a Markdown table cell: characters Markdown would read as
/// markup (emphasis, links, HTML, code, the column separator) are escaped,
/// so that a file name is shown as it is.
pub(super) fn md(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if matches!(
            c,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '~' | '&' | '#' | '!'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

pub(super) fn markdown(report: &ClassReport) -> String {
    let mut out = String::new();
    // Writing to a String cannot fail.
    let _ = write_all(report, &mut out);
    out
}

fn write_all(r: &ClassReport, out: &mut String) -> std::fmt::Result {
    let s = &r.summary;
    writeln!(out, "# Multivector class report: {}", md(&r.folder))?;
    writeln!(out)?;
    writeln!(
        out,
        "{} saves: {} verified, {} edited, {} on a custom scenario, {} from another version, {} unreadable.",
        s.saves, s.verified, s.edited, s.custom_scenario, s.another_version, s.unreadable
    )?;
    writeln!(out)?;
    writeln!(
        out,
        "| Student | Scenario | Scenario origin | Country | Seed | Difficulty | Turns | Outcome | Score | Autonomy | Leverage | Stability | Objectives met | Verified | Status |"
    )?;
    writeln!(
        out,
        "|---|---|---|---|---:|---|---:|---|---:|---:|---:|---:|---:|---|---|"
    )?;
    for row in &r.rows {
        let turns = row
            .turns
            .as_ref()
            .map_or_else(String::new, |t| format!("{} of {}", t.played, t.total));
        let verified = match row.verified {
            Some(true) => "yes",
            Some(false) => "**no**",
            None => "",
        };
        let cells = [
            md(&row.student),
            scenario_cell(row),
            row.scenario_origin
                .map_or_else(String::new, |o| o.words().into()),
            row.country
                .as_ref()
                .map_or_else(String::new, |c| md(&c.name)),
            int(row.seed),
            md(row.difficulty.as_deref().unwrap_or("")),
            turns,
            md(&outcome_title(row)),
            n(row.score),
            n(row.autonomy),
            n(row.leverage),
            n(row.stability),
            objectives_cell(row),
            verified.into(),
            md(&row.status.words()),
        ];
        writeln!(out, "| {} |", cells.join(" | "))?;
    }
    writeln!(out)?;
    writeln!(out, "## Summary")?;
    writeln!(out)?;
    if !s.outcomes.is_empty() {
        writeln!(out, "| Outcome | Saves |")?;
        writeln!(out, "|---|---:|")?;
        for (id, count) in &s.outcomes {
            let title = if id == IN_PROGRESS {
                "in progress".to_string()
            } else {
                r.rows
                    .iter()
                    .filter_map(|row| row.outcome.as_ref())
                    .find(|o| &o.id == id)
                    .map_or_else(|| id.clone(), |o| o.title.clone())
            };
            writeln!(out, "| {} | {count} |", md(&title))?;
        }
        writeln!(out)?;
    }
    let readable = s.saves - s.unreadable;
    match s.mean_score {
        Some(mean) => write!(out, "Mean score: {mean:.1} over {readable} readable saves")?,
        None => write!(out, "Mean score: none (no readable save)")?,
    }
    match s.mean_score_verified {
        Some(mean) => writeln!(out, "; {mean:.1} over the {} verified.", s.verified)?,
        None => writeln!(out, "; no save is verified.")?,
    }
    writeln!(out)?;
    writeln!(out, "## What the columns say")?;
    writeln!(out)?;
    for line in LEGEND {
        writeln!(out, "- {line}")?;
    }
    Ok(())
}

const LEGEND: [&str; 6] = [
    "**Scenario origin**: *built-in* when the save's scenario is the built-in one of that id, unchanged; *custom scenario (not the built-in one)* when it has a built-in id but other content (a changed copy); *custom scenario* when no built-in scenario has its id (a teacher's own). A custom scenario is named with the start of its content hash: the same hash, the same file.",
    "**Difficulty**: the level the game was played at (easy, normal, hard).",
    "**Turns**: played, of the scenario's total. **Score** is the final score, or the score so far of a game in progress; Autonomy, Leverage and Stability are the save's last.",
    "**Objectives met**: how many of the scenario's objectives held at the end (so far, in a game in progress), of how many it sets; not checked for a save that is not verified.",
    "**Verified**: whether the recorded decisions, replayed from the seed, reproduce the saved game.",
    "**Status**: *verified* (it replays, on the built-in scenario); *edited* (written by this version, it does not replay, or its scenario was changed inside the save: the numbers are what the save claims); *custom scenario* (it replays, on a scenario that is not the built-in one); *another version, not verified* (written by another version of the game, whose decisions no longer replay with this one: grade it with that version, or not at all); *unreadable* (not a save this version can read, and why).",
];

/// The scenario's id, with the start of its content hash when it is not
/// the built-in one.
fn scenario_cell(row: &ClassRow) -> String {
    let Some(s) = &row.scenario else {
        return String::new();
    };
    match (row.scenario_origin, &row.scenario_hash) {
        (Some(o), Some(hash)) if o != Origin::BuiltIn => {
            let short = hash.strip_prefix("fnv1a64:").unwrap_or(hash);
            let short: String = short.chars().take(8).collect();
            format!("{} ({})", md(&s.id), md(&short))
        }
        _ => md(&s.id),
    }
}

/// "2 of 3", or the count alone when they were not checked.
fn objectives_cell(row: &ClassRow) -> String {
    match &row.objectives {
        Some(o) => match o.met {
            Some(met) => format!("{met} of {}", o.count),
            None => format!("– of {}", o.count),
        },
        None => String::new(),
    }
}
