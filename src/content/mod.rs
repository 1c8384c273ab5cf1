//! Reads and validates the content under `assets/` into the types `rules`
//! defines. The built-in content is embedded in the binary; a content
//! directory or a scenario file can also be read from a path.

mod message;
pub mod tutorial;
mod validate;

use std::fmt;
use std::path::{Path, PathBuf};

use serde::de::DeserializeOwned;

use crate::rules::defs::ScenarioDef;
use crate::rules::model::Model;
use crate::rules::resolve::ResolveError;
use crate::rules::{Book, Raw, Sources};
use crate::text::clean;

pub use message::ron_message;
pub use validate::{article_contains, validate_book};

/// The essay the game is built from; event sources quote it exactly.
pub const ARTICLE: &str = include_str!("../../assets/article.txt");

/// The content files, by kind: (file name, embedded text).
pub const BUILTIN: [(&str, &str); 7] = [
    ("countries.ron", include_str!("../../assets/countries.ron")),
    ("powers.ron", include_str!("../../assets/powers.ron")),
    ("actions.ron", include_str!("../../assets/actions.ron")),
    ("events.ron", include_str!("../../assets/events.ron")),
    ("endings.ron", include_str!("../../assets/endings.ron")),
    ("world.ron", include_str!("../../assets/world.ron")),
    ("moves.ron", include_str!("../../assets/moves.ron")),
];

/// The model's tuning.
pub const MODEL: &str = include_str!("../../assets/model.ron");

/// The built-in scenarios, in the order `scenarios` lists them and the
/// new-game screen offers them: the standard game, the tutorial, then the
/// lessons, each basic variant before its advanced one.
pub const BUILTIN_SCENARIOS: [(&str, &str); 9] = [
    (
        "scenarios/standard.ron",
        include_str!("../../assets/scenarios/standard.ron"),
    ),
    (
        "scenarios/tutorial.ron",
        include_str!("../../assets/scenarios/tutorial.ron"),
    ),
    (
        "scenarios/first-steps.ron",
        include_str!("../../assets/scenarios/first-steps.ron"),
    ),
    (
        "scenarios/tajik-squeeze.ron",
        include_str!("../../assets/scenarios/tajik-squeeze.ron"),
    ),
    (
        "scenarios/after-karabakh.ron",
        include_str!("../../assets/scenarios/after-karabakh.ron"),
    ),
    (
        "scenarios/after-karabakh-advanced.ron",
        include_str!("../../assets/scenarios/after-karabakh-advanced.ron"),
    ),
    (
        "scenarios/middle-corridor.ron",
        include_str!("../../assets/scenarios/middle-corridor.ron"),
    ),
    (
        "scenarios/middle-corridor-advanced.ron",
        include_str!("../../assets/scenarios/middle-corridor-advanced.ron"),
    ),
    (
        "scenarios/europe-fragments.ron",
        include_str!("../../assets/scenarios/europe-fragments.ron"),
    ),
];

/// Files larger than this are refused before parsing.
pub const MAX_FILE_BYTES: u64 = 4 * 1024 * 1024;

/// What is wrong with a content file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ContentError {
    pub file: String,
    /// 1-based line and column, for syntax errors.
    pub position: Option<(usize, usize)>,
    pub message: String,
}

impl fmt::Display for ContentError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // The file's name and what it holds, cleaned: a message may name an
        // id from the file, and it goes to a terminal.
        let (file, message) = (clean(&self.file), clean(&self.message));
        match self.position {
            Some((l, c)) => write!(f, "{file}:{l}:{c}: {message}"),
            None => write!(f, "{file}: {message}"),
        }
    }
}

impl std::error::Error for ContentError {}

impl ContentError {
    pub fn new(file: &str, message: impl Into<String>) -> ContentError {
        ContentError {
            file: file.to_string(),
            position: None,
            message: message.into(),
        }
    }
}

/// The options every content file is read with: `Some` may be left out.
pub fn ron_options() -> ron::Options {
    ron::Options::default().with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME)
}

/// Parses RON text as `T`, with the file name and position in any error.
///
/// When the text is not a `T`, it is read again as any RON value: a syntax
/// error (a cut-short file, a bracket left open) is reported as such, the
/// same way whatever the file was read for (`check`, `play --scenario`,
/// a content folder).
pub fn parse<T: DeserializeOwned>(file: &str, text: &str) -> Result<T, ContentError> {
    let error = |e: ron::error::SpannedError| ContentError {
        file: file.to_string(),
        position: Some((e.span.start.line, e.span.start.col)),
        message: ron_message(&e.code),
    };
    ron_options()
        .from_str(text)
        .map_err(|typed| match ron_options().from_str::<ron::Value>(text) {
            Err(syntax) => error(syntax),
            Ok(_) => error(typed),
        })
}

/// The raw parts of a content set, before they are checked together.
pub type Parts = Sources<Raw>;

fn parse_parts(read: impl Fn(&str) -> Result<String, ContentError>) -> Result<Parts, ContentError> {
    Ok(Parts {
        countries: parse("countries.ron", &read("countries.ron")?)?,
        powers: parse("powers.ron", &read("powers.ron")?)?,
        actions: parse("actions.ron", &read("actions.ron")?)?,
        events: parse("events.ron", &read("events.ron")?)?,
        endings: parse("endings.ron", &read("endings.ron")?)?,
        world: parse("world.ron", &read("world.ron")?)?,
        moves: parse("moves.ron", &read("moves.ron")?)?,
    })
}

/// A content error from resolving, in the words of the file it is in.
pub fn resolve_error(e: ResolveError, file: Option<&str>) -> ContentError {
    ContentError::new(file.unwrap_or(e.file), format!("{}: {}", e.at, e.message))
}

/// Checks a content set, resolves it with the model and scenarios, and
/// fingerprints what it was made from.
fn build(
    parts: Parts,
    scenarios: Vec<ScenarioDef<Raw>>,
    model: Model,
    texts: &[&str],
) -> Result<Book, ContentError> {
    validate_book(&parts)?;
    let mut book = Book::new(&parts, scenarios, model).map_err(|e| resolve_error(e, None))?;
    book.fingerprint = fingerprint(texts);
    Ok(book)
}

/// A fingerprint of the texts content was read from: FNV-1a (64 bits) of
/// them in order, each ended by a zero byte.
pub fn fingerprint(texts: &[&str]) -> String {
    let mut all = Vec::new();
    for t in texts {
        all.extend_from_slice(t.as_bytes());
        all.push(0);
    }
    format!("fnv1a64:{:016x}", crate::text::fnv1a64(&all))
}

/// Parses and checks a model file's text.
pub fn parse_model(file: &str, text: &str) -> Result<Model, ContentError> {
    let model: Model = parse(file, text)?;
    model.check().map_err(|m| ContentError::new(file, m))?;
    Ok(model)
}

/// The built-in content, with the built-in model.
pub fn builtin() -> Result<Book, ContentError> {
    builtin_with_model(None)
}

/// The built-in content, with the model read from `path` when given.
pub fn builtin_with_model(path: Option<&Path>) -> Result<Book, ContentError> {
    let parts = parse_parts(|name| {
        BUILTIN
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, t)| t.to_string())
            .ok_or_else(|| ContentError::new(name, "missing built-in file"))
    })?;
    let mut scenarios = Vec::new();
    for (name, text) in BUILTIN_SCENARIOS {
        scenarios.push(parse(name, text)?);
    }
    let model_text = match path {
        Some(p) => read_file(p)?,
        None => MODEL.to_string(),
    };
    let model_name = path.map_or("model.ron".to_string(), |p| p.display().to_string());
    let model = parse_model(&model_name, &model_text)?;
    let mut texts: Vec<&str> = BUILTIN.iter().map(|(_, t)| *t).collect();
    texts.push(&model_text);
    build(parts, scenarios, model, &texts)
}

/// A content directory holding the same files as `assets/` (with its own
/// `model.ron`, or the built-in one; and optionally a `scenarios/` folder).
pub fn from_dir(dir: &Path) -> Result<Book, ContentError> {
    let texts: Vec<(String, String)> = BUILTIN
        .iter()
        .map(|(name, _)| Ok((name.to_string(), read_file(&dir.join(name))?)))
        .collect::<Result<_, ContentError>>()?;
    let parts = parse_parts(|name| {
        Ok(texts
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, t)| t.clone())
            .unwrap_or_default())
    })?;
    let model_path = dir.join("model.ron");
    let model_text = if model_path.exists() {
        read_file(&model_path)?
    } else {
        MODEL.to_string()
    };
    let model = parse_model(&model_path.display().to_string(), &model_text)?;
    let mut scenarios = Vec::new();
    let sdir = dir.join("scenarios");
    if let Ok(entries) = std::fs::read_dir(&sdir) {
        let mut paths: Vec<PathBuf> = entries
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "ron"))
            .collect();
        paths.sort();
        for p in paths {
            let text = read_file(&p)?;
            scenarios.push(parse(&p.display().to_string(), &text)?);
        }
    }
    let mut all: Vec<&str> = texts.iter().map(|(_, t)| t.as_str()).collect();
    all.push(&model_text);
    build(parts, scenarios, model, &all)
}

/// Reads a content or scenario file through the game's one file reader
/// ([`crate::files::read_text`]): a regular file of at most
/// [`MAX_FILE_BYTES`] bytes of UTF-8 text.
pub fn read_file(path: &Path) -> Result<String, ContentError> {
    crate::files::read_text(path, MAX_FILE_BYTES)
        .map_err(|e| ContentError::new(&path.display().to_string(), e.to_string()))
}

/// Reads a scenario file and checks it against the book, as a game of it
/// would resolve it.
pub fn scenario_from_file(book: &Book, path: &Path) -> Result<ScenarioDef<Raw>, ContentError> {
    let text = read_file(path)?;
    let name = path.display().to_string();
    let s: ScenarioDef<Raw> = parse(&name, &text)?;
    book.resolve_scenario(&s)
        .map_err(|e| resolve_error(e, Some(&name)))?;
    Ok(s)
}

/// Finds a scenario by built-in id or by path.
pub fn resolve_scenario(book: &Book, id_or_path: &str) -> Result<ScenarioDef<Raw>, ContentError> {
    if let Some(s) = book.scenario(id_or_path) {
        return Ok(s.clone());
    }
    let path = Path::new(id_or_path);
    if path.exists() {
        return scenario_from_file(book, path);
    }
    let ids: Vec<&str> = book.scenarios.iter().map(|s| s.id.as_str()).collect();
    Err(ContentError::new(
        id_or_path,
        format!(
            "no such scenario or file (built-in scenarios: {})",
            ids.join(", ")
        ),
    ))
}

/// Checks one content, model or scenario file, judged by its name:
/// `countries.ron`, `powers.ron`, `actions.ron`, `events.ron`,
/// `endings.ron`, `world.ron`, `model.ron`; anything else is read as a
/// scenario. Other parts come from the built-in set.
pub fn check_file(path: &Path) -> Result<String, ContentError> {
    let text = read_file(path)?;
    check_text(path, &text)
}

/// [`check_file`] of a text already read; `path` names the kind of file
/// (by its file name) and the file in messages.
pub fn check_text(path: &Path, text: &str) -> Result<String, ContentError> {
    let name = path.display().to_string();
    let stem = path.file_name().and_then(|s| s.to_str()).unwrap_or("");
    if stem == "model.ron" {
        parse_model(&name, text)?;
        return Ok("model".into());
    }
    if stem == "tips.ron" {
        tutorial::parse_tips(&name, text)?;
        return Ok("tutorial tips".into());
    }
    let mut parts = parse_parts(|n| {
        BUILTIN
            .iter()
            .find(|(b, _)| *b == n)
            .map(|(_, t)| t.to_string())
            .ok_or_else(|| ContentError::new(n, "missing built-in file"))
    })?;
    let model = parse_model("model.ron", MODEL)?;
    let rename = |e: ContentError| ContentError {
        file: name.clone(),
        ..e
    };
    let kind = match stem {
        "countries.ron" => {
            parts.countries = parse(&name, text)?;
            "countries"
        }
        "powers.ron" => {
            parts.powers = parse(&name, text)?;
            "powers"
        }
        "actions.ron" => {
            parts.actions = parse(&name, text)?;
            "actions"
        }
        "events.ron" => {
            parts.events = parse(&name, text)?;
            "events"
        }
        "endings.ron" => {
            parts.endings = parse(&name, text)?;
            "endings"
        }
        "moves.ron" => {
            parts.moves = parse(&name, text)?;
            "moves"
        }
        "world.ron" => {
            parts.world = parse(&name, text)?;
            "world"
        }
        _ => {
            let s: ScenarioDef<Raw> = parse(&name, text)?;
            let book = build(parts, Vec::new(), model, &[]).map_err(rename)?;
            book.resolve_scenario(&s)
                .map_err(|e| resolve_error(e, Some(&name)))?;
            return Ok(format!("scenario `{}`", s.id));
        }
    };
    build(parts, Vec::new(), model, &[]).map_err(rename)?;
    Ok(kind.to_string())
}
