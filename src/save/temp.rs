//! The game's temporary files: each save is first written to a hidden
//! `.NAME.XXXXXX.tmp` beside it, then renamed into place. A game killed
//! in between leaves that file behind; the next time the save directory
//! is opened, it is removed once it is old enough that no running game can
//! still be writing it.

use std::fs;
use std::path::Path;
use std::time::{Duration, SystemTime};

use super::SaveError;

/// How many random characters stand between the name and `.tmp`.
const RANDOM_CHARS: usize = 6;

/// A temporary file older than this is a leftover: a save takes a moment,
/// not a minute. A younger one may be another game's save in progress, and
/// is never touched.
pub const STALE_TEMP_AGE: Duration = Duration::from_secs(60);

/// A temporary file next to the save, hidden so that `list` skips it:
/// `.NAME.XXXXXX.tmp`.
pub(super) fn temp_in(dir: &Path, name: &str) -> Result<tempfile::NamedTempFile, SaveError> {
    tempfile::Builder::new()
        .prefix(&format!(".{name}."))
        .rand_bytes(RANDOM_CHARS)
        .suffix(".tmp")
        .tempfile_in(dir)
        .map_err(|e| SaveError::io(dir, "cannot create a temporary file", e))
}

/// Whether a file name is one [`temp_in`] makes.
fn is_own_temp(file_name: &str) -> bool {
    let Some(rest) = file_name
        .strip_prefix('.')
        .and_then(|r| r.strip_suffix(".tmp"))
    else {
        return false;
    };
    let Some((name, random)) = rest.rsplit_once('.') else {
        return false;
    };
    !name.is_empty()
        && random.len() == RANDOM_CHARS
        && random.bytes().all(|b| b.is_ascii_alphanumeric())
}

/// Removes the game's own temporary files in `dir` that were last written
/// [`STALE_TEMP_AGE`] ago or more; returns how many. Other files, younger
/// temporary files, links and folders are left alone; failures are ignored
/// (a leftover costs only disk space).
pub fn remove_stale_temps(dir: &Path) -> usize {
    let Ok(entries) = fs::read_dir(dir) else {
        return 0;
    };
    let now = SystemTime::now();
    let mut removed = 0;
    for entry in entries.filter_map(Result::ok) {
        let Ok(name) = entry.file_name().into_string() else {
            continue;
        };
        if !is_own_temp(&name) {
            continue;
        }
        // The entry itself, not what a link leads to.
        let Ok(meta) = entry.metadata() else { continue };
        if !meta.file_type().is_file() {
            continue;
        }
        let old = meta
            .modified()
            .ok()
            .and_then(|m| now.duration_since(m).ok())
            .is_some_and(|age| age >= STALE_TEMP_AGE);
        if old && fs::remove_file(entry.path()).is_ok() {
            removed += 1;
        }
    }
    removed
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_names_the_game_makes_are_its_temporary_files() {
        for yes in [".autosave.a1B2c3.tmp", ".week 3.v2.XyZ123.tmp"] {
            assert!(is_own_temp(yes), "{yes}");
        }
        for no in [
            "autosave.a1B2c3.tmp",
            ".autosave.a1B2c.tmp",
            ".autosave.a1B2c3d.tmp",
            "..a1B2c3.tmp",
            ".notes.tmp",
            ".autosave.a1-2c3.tmp",
            ".autosave.a1B2c3.ron",
        ] {
            assert!(!is_own_temp(no), "{no}");
        }
    }

    #[test]
    fn the_temporary_files_made_match_the_pattern() {
        let dir = tempfile::tempdir().unwrap();
        let tmp = temp_in(dir.path(), "game.1").unwrap();
        let name = tmp.path().file_name().unwrap().to_str().unwrap();
        assert!(is_own_temp(name), "{name}");
    }
}
