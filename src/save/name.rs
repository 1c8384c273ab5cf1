//! Save names: what a player may call a save, and where a name or path leads.
//!
//! A name is a file name inside the save directory and nothing else: it can
//! never reach outside it, whatever the player types.

use std::path::{Path, PathBuf};

use crate::rules::{Book, Game};

use super::SaveError;

/// The longest name, in characters.
pub const MAX_NAME_CHARS: usize = 64;

/// The name of the save written at every end of turn and on hang-up; only
/// [`super::write_autosave`] writes it.
pub const AUTOSAVE: &str = "autosave";

/// Names Windows gives to devices, whatever the extension.
const RESERVED: [&str; 22] = [
    "CON", "PRN", "AUX", "NUL", "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8",
    "COM9", "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9",
];

/// Characters no save name may hold: path separators, and what Windows
/// refuses in a file name.
const FORBIDDEN: [char; 9] = ['/', '\\', ':', '*', '?', '"', '<', '>', '|'];

/// Checks a save name and returns it trimmed, without a trailing `.ron`.
///
/// Refused: an empty name, path separators and other characters file systems
/// refuse, control characters, invisible characters (zero-width,
/// right-to-left and other direction marks), `..`, a leading dot, a trailing dot, device
/// names (`CON`, `NUL`, `COM1`, ...), `autosave` (written only by
/// [`super::write_autosave`]), names ending in `.bak` (the backups), and
/// names longer than 64 characters.
pub fn sanitize_name(name: &str) -> Result<String, SaveError> {
    let bad = |reason: &str| SaveError::BadName {
        name: name.escape_debug().to_string(),
        reason: reason.to_string(),
    };
    let mut trimmed = name.trim();
    if let Some(stem) = strip_suffix_ignore_case(trimmed, ".ron") {
        trimmed = stem.trim_end();
    }
    if trimmed.is_empty() {
        return Err(bad("a save needs a name"));
    }
    if let Some(c) = trimmed.chars().find(|c| c.is_control()) {
        return Err(bad(&format!(
            "it holds a control character ({})",
            c.escape_unicode()
        )));
    }
    // Zero-width and right-to-left marks: a name that looks like another,
    // or cannot be typed again on the command line.
    if let Some(c) = trimmed.chars().find(|&c| crate::text::is_unsafe(c)) {
        return Err(bad(&format!(
            "it holds an invisible character ({}) that changes how a name looks",
            c.escape_unicode()
        )));
    }
    if let Some(c) = trimmed.chars().find(|c| FORBIDDEN.contains(c)) {
        return Err(bad(&format!(
            "`{c}` is not allowed (a name is a file in the save directory, not a path)"
        )));
    }
    if trimmed.contains("..") {
        return Err(bad("`..` is not allowed"));
    }
    if trimmed.starts_with('.') {
        return Err(bad("a name cannot start with a dot"));
    }
    if trimmed.ends_with('.') {
        return Err(bad("a name cannot end with a dot"));
    }
    if trimmed.chars().count() > MAX_NAME_CHARS {
        return Err(bad(&format!(
            "it is longer than {MAX_NAME_CHARS} characters"
        )));
    }
    let stem = trimmed.split('.').next().unwrap_or(trimmed).trim_end();
    if RESERVED.iter().any(|r| r.eq_ignore_ascii_case(stem)) {
        return Err(bad("it is a device name on Windows"));
    }
    if trimmed.eq_ignore_ascii_case(AUTOSAVE) {
        return Err(bad("`autosave` is kept for the automatic save"));
    }
    if strip_suffix_ignore_case(trimmed, ".bak").is_some() {
        return Err(bad("names ending in `.bak` are kept for backups"));
    }
    Ok(trimmed.to_string())
}

fn strip_suffix_ignore_case<'a>(s: &'a str, suffix: &str) -> Option<&'a str> {
    let cut = s.len().checked_sub(suffix.len())?;
    let (head, tail) = (s.get(..cut)?, s.get(cut..)?);
    tail.eq_ignore_ascii_case(suffix).then_some(head)
}

/// A name for a new save of this game, e.g. `kazakhstan-2027-q3`.
pub fn default_name(book: &Book, game: &Game) -> String {
    let state = game.state();
    // A finished game is named by its last quarter, as its end screen dates it.
    let turn = state
        .outcome()
        .map_or(state.turn(), |o| o.turn.saturating_sub(1));
    let (year, quarter) = state.date_of(turn);
    let country: String = book
        .country(state.country())
        .id
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .take(40)
        .collect();
    let country = if country.is_empty() {
        "game".to_string()
    } else {
        country
    };
    format!("{country}-{year}-q{quarter}")
}

/// The name a finished game is kept under besides the autosave: its state,
/// last date and seed (`kazakhstan-2031-q4-seed7-end`).
pub fn finished_name(book: &Book, game: &Game) -> String {
    format!("{}-seed{}-end", default_name(book, game), game.start().seed)
}

/// Where a save named on the command line is: the argument itself when it
/// holds a path separator, or when it ends in `.ron` and exists; otherwise
/// `dir/NAME.ron`. Reading never writes, so a path may lead anywhere the
/// player can read.
pub fn resolve(dir: &Path, name_or_path: &str) -> PathBuf {
    let as_path = Path::new(name_or_path);
    let has_separator = name_or_path.contains('/')
        || name_or_path.contains(std::path::MAIN_SEPARATOR)
        || as_path.is_absolute();
    let ends_in_ron = strip_suffix_ignore_case(name_or_path, ".ron").is_some();
    if has_separator {
        if !as_path.exists() && !ends_in_ron {
            let with_ext = PathBuf::from(format!("{name_or_path}.ron"));
            if with_ext.exists() {
                return with_ext;
            }
        }
        return as_path.to_path_buf();
    }
    if ends_in_ron {
        if as_path.exists() {
            return as_path.to_path_buf();
        }
        return dir.join(name_or_path);
    }
    dir.join(format!("{name_or_path}.ron"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_names_pass_trimmed_and_without_extension() {
        assert_eq!(sanitize_name("  my game ").unwrap(), "my game");
        assert_eq!(sanitize_name("week-3.ron").unwrap(), "week-3");
        assert_eq!(sanitize_name("Ålmaty 2027 Q1").unwrap(), "Ålmaty 2027 Q1");
    }

    #[test]
    fn paths_devices_and_reserved_names_are_refused() {
        for name in [
            "",
            "   ",
            ".ron",
            "../../etc/x",
            "/etc/passwd",
            "a/b",
            "a\\b",
            "C:evil",
            "..",
            ".hidden",
            "trailing.",
            "CON",
            "con.txt",
            "Com1",
            "lpt9",
            "nul",
            "autosave",
            "AutoSave.ron",
            "old.bak",
            "tab\there",
            "bell\u{7}",
            "new\nline",
            "zero\u{200B}width",
            "\u{202E}evil.exe",
            "rtl\u{200F}mark",
            "isolate\u{2067}x",
            "\u{FEFF}bom",
            "joiner\u{2060}",
        ] {
            assert!(sanitize_name(name).is_err(), "{name:?} was accepted");
        }
        assert!(sanitize_name(&"x".repeat(64)).is_ok());
        assert!(sanitize_name(&"x".repeat(65)).is_err());
    }

    #[test]
    fn resolve_prefers_the_save_directory_for_bare_names() {
        let dir = Path::new("/nowhere/saves");
        assert_eq!(resolve(dir, "game"), dir.join("game.ron"));
        assert_eq!(resolve(dir, "game.ron"), dir.join("game.ron"));
        assert_eq!(resolve(dir, "x/y.ron"), PathBuf::from("x/y.ron"));
    }
}
