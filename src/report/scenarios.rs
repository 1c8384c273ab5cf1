//! The list of built-in scenarios that `multivector scenarios` prints.

use crate::rules::Book;
use crate::rules::model::NORMAL;

/// `multivector scenarios`: one row per built-in scenario (its id, the
/// state it is written for, its length, variant, level of difficulty and
/// seed, and its name), each followed by its summary.
pub fn table(book: &Book) -> String {
    let rows: Vec<[String; 7]> = book
        .scenarios
        .iter()
        .map(|s| {
            let state = s.country.as_deref().map_or("any state".to_string(), |c| {
                book.country_named(c)
                    .map_or(c.to_string(), |d| d.name.clone())
            });
            let variant = match (s.tutorial, s.variant.as_deref()) {
                (true, _) => "tutorial",
                (false, Some(v)) => v,
                (false, None) => "-",
            };
            [
                s.id.clone(),
                state,
                s.turns.unwrap_or(book.model.defaults.turns).to_string(),
                variant.to_string(),
                s.difficulty.clone().unwrap_or_else(|| NORMAL.to_string()),
                s.seed.map_or("-".to_string(), |n| n.to_string()),
                s.name.clone(),
            ]
        })
        .collect();
    let head = [
        "ID",
        "STATE",
        "TURNS",
        "VARIANT",
        "DIFFICULTY",
        "SEED",
        "NAME",
    ];
    let width = |i: usize| {
        rows.iter()
            .map(|r| r[i].chars().count())
            .chain([head[i].len()])
            .max()
            .unwrap_or(0)
    };
    let widths: Vec<usize> = (0..head.len()).map(width).collect();
    let line = |cells: [&str; 7]| {
        let mut l = String::new();
        for (i, c) in cells.iter().enumerate() {
            if i + 1 == cells.len() {
                l.push_str(c);
            } else if i == 2 {
                l.push_str(&format!("{c:>w$}  ", w = widths[i]));
            } else {
                l.push_str(&format!("{c:<w$}  ", w = widths[i]));
            }
        }
        l.trim_end().to_string() + "\n"
    };
    let mut out = line(head);
    for (r, s) in rows.iter().zip(&book.scenarios) {
        out.push_str(&line([&r[0], &r[1], &r[2], &r[3], &r[4], &r[5], &r[6]]));
        if !s.summary.is_empty() {
            out.push_str(&format!("    {}\n", s.summary));
        }
    }
    out
}
