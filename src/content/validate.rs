//! Checks of content that only the whole content set can make: quotes from
//! the article, sources, what the map needs named. Ids, numbers, ranges and
//! bounds are checked where content is resolved (`rules::resolve`), the
//! same way for every file, scenario and save.

use super::{ARTICLE, ContentError, Parts};

/// The corridors and pipelines the map draws; each needs a name in
/// `world.ron`.
pub const CORRIDORS: [&str; 5] = [
    "middle_corridor",
    "cpc_pipeline",
    "china_gas_pipeline",
    "cku_railway",
    "trans_caspian_pipeline",
];

/// Whether the article contains the sentence, exactly (ignoring runs of white space).
pub fn article_contains(quote: &str) -> bool {
    let norm = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
    !quote.trim().is_empty() && norm(ARTICLE).contains(&norm(quote))
}

fn err(file: &str, at: &str, msg: impl AsRef<str>) -> ContentError {
    ContentError::new(file, format!("{at}: {}", msg.as_ref()))
}

/// A `source` must quote the article exactly.
fn quote(file: &str, at: &str, source: &Option<String>) -> Result<(), ContentError> {
    match source {
        Some(s) if !article_contains(s) => Err(err(
            file,
            &format!("{at}: source"),
            format!("not found verbatim in the article: \"{s}\""),
        )),
        _ => Ok(()),
    }
}

/// Checks a whole content set.
pub fn validate_book(p: &Parts) -> Result<(), ContentError> {
    if !p.countries.iter().any(|x| x.playable) {
        return Err(err("countries.ron", "countries", "no playable country"));
    }
    for a in &p.actions {
        quote("actions.ron", &format!("action `{}`", a.id), &a.source)?;
    }
    for e in &p.events {
        let at = format!("event `{}`", e.id);
        if e.source.is_none() && e.context.is_none() {
            return Err(err(
                "events.ron",
                &at,
                "has neither `source` (a quote from the article) nor `context`",
            ));
        }
        quote("events.ron", &at, &e.source)?;
    }
    for m in &p.moves {
        let at = format!("move `{}`", m.id);
        if m.source.is_none() && m.context.is_none() {
            return Err(err(
                "moves.ron",
                &at,
                "has neither `source` (a quote from the article) nor `context`",
            ));
        }
        quote("moves.ron", &at, &m.source)?;
    }
    for s in &p.world.situations {
        quote("world.ron", &format!("situation `{}`", s.id), &s.source)?;
    }
    for id in CORRIDORS {
        if !p.world.corridors.contains_key(id) {
            return Err(err(
                "world.ron",
                "corridors",
                format!("no name for the corridor `{id}`"),
            ));
        }
    }
    Ok(())
}
