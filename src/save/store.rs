//! Saves on disk: atomic writes that keep a backup, and careful reads that
//! never change a file.

use std::fs::{self, File};
use std::io::{Read, Write};
use std::path::{Path, PathBuf};

use crate::rules::{Book, Game};

use super::name::{AUTOSAVE, sanitize_name};
use super::temp::{remove_stale_temps, temp_in};
use super::{MAX_SAVE_BYTES, SaveError, SaveInfo, format};

/// Writes `game` as `dir/NAME.ron` (the name is checked with
/// [`sanitize_name`]) and returns the path. See [`write_autosave`] for how.
pub fn write(book: &Book, dir: &Path, name: &str, game: &Game) -> Result<PathBuf, SaveError> {
    let name = sanitize_name(name)?;
    write_named(book, dir, &name, game)
}

/// Writes `game` as `dir/autosave.ron`.
///
/// Every write is atomic: the save goes to a temporary file in the same
/// directory, which is flushed and synced to the disk, then the previous
/// `NAME.ron`, if any, is copied to `NAME.bak.ron` (itself written the same
/// way), and only then is the temporary file renamed over `NAME.ron`. At no
/// moment is there a half-written `NAME.ron`, and the save before is kept.
pub fn write_autosave(book: &Book, dir: &Path, game: &Game) -> Result<PathBuf, SaveError> {
    write_named(book, dir, AUTOSAVE, game)
}

fn write_named(book: &Book, dir: &Path, name: &str, game: &Game) -> Result<PathBuf, SaveError> {
    let text = format::to_text(book, game)?;
    let path = dir.join(format!("{name}.ron"));
    // What the game writes, it must be able to read back.
    if text.len() as u64 > MAX_SAVE_BYTES {
        return Err(SaveError::TooLargeToWrite {
            path,
            size: text.len() as u64,
            limit: MAX_SAVE_BYTES,
        });
    }
    fs::create_dir_all(dir)
        .map_err(|e| SaveError::io(dir, "cannot create the save directory", e))?;
    remove_stale_temps(dir);
    let backup = dir.join(format!("{name}.bak.ron"));
    let mut tmp = temp_in(dir, name)?;
    write_synced(tmp.as_file_mut(), text.as_bytes())
        .map_err(|e| SaveError::io(tmp.path(), "cannot write the save", e))?;
    let previous = fs::symlink_metadata(&path).ok().filter(|m| m.is_file());
    set_permissions(tmp.as_file(), previous.as_ref());
    if let Some(previous) = &previous {
        keep_backup(dir, name, &path, &backup, previous)?;
    }
    tmp.persist(&path)
        .map_err(|e| SaveError::io(&path, "cannot put the save in place", e.error))?;
    sync_dir(dir);
    Ok(path)
}

/// Writes `bytes` to the file at `path` (a report, not a save).
///
/// A regular file (or a new one) is written the way saves are: to a hidden
/// temporary file in the same directory, synced, then renamed over it, so
/// that it is never half-written; an existing file keeps its permissions,
/// and a link to a file stays a link (the file it leads to is replaced).
/// Anything else that is not a directory (a terminal, a pipe,
/// `/dev/stdout`, `/dev/null`) is written to directly. No backup is kept.
/// The directory must exist.
pub fn write_file(path: &Path, bytes: &[u8]) -> Result<(), SaveError> {
    let refuse = |at: &Path, why: &str| {
        let e = std::io::Error::new(std::io::ErrorKind::InvalidInput, why.to_string());
        SaveError::io(at, "cannot write there", e)
    };
    let previous = fs::metadata(path).ok();
    match &previous {
        Some(m) if m.is_dir() => return Err(refuse(path, "it is a directory, not a file")),
        Some(m) if !m.is_file() => {
            return fs::OpenOptions::new()
                .write(true)
                .open(path)
                .and_then(|mut f| f.write_all(bytes).and_then(|()| f.flush()))
                .map_err(|e| SaveError::io(path, "cannot write", e));
        }
        _ => {}
    }
    // A link to a file: replace the file, not the link.
    let linked;
    let path = match (&previous, fs::symlink_metadata(path)) {
        (Some(_), Ok(m)) if m.file_type().is_symlink() => {
            linked = fs::canonicalize(path).map_err(|e| SaveError::io(path, "cannot write", e))?;
            linked.as_path()
        }
        _ => path,
    };
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .ok_or_else(|| refuse(path, "it does not end with a file name"))?;
    if !dir.is_dir() {
        return Err(refuse(dir, "no such directory"));
    }
    let mut tmp = temp_in(dir, &name)?;
    write_synced(tmp.as_file_mut(), bytes)
        .map_err(|e| SaveError::io(tmp.path(), "cannot write", e))?;
    set_permissions(tmp.as_file(), previous.as_ref());
    tmp.persist(path)
        .map_err(|e| SaveError::io(path, "cannot put the file in place", e.error))?;
    sync_dir(dir);
    Ok(())
}

fn write_synced(file: &mut File, bytes: &[u8]) -> std::io::Result<()> {
    file.write_all(bytes)?;
    file.flush()?;
    file.sync_all()
}

/// Copies the current save to its backup, atomically too.
fn keep_backup(
    dir: &Path,
    name: &str,
    path: &Path,
    backup: &Path,
    meta: &fs::Metadata,
) -> Result<(), SaveError> {
    let mut previous = Vec::new();
    File::open(path)
        .and_then(|mut f| f.read_to_end(&mut previous))
        .map_err(|e| SaveError::io(path, "cannot read the previous save to back it up", e))?;
    let mut tmp = temp_in(dir, name)?;
    write_synced(tmp.as_file_mut(), &previous)
        .map_err(|e| SaveError::io(tmp.path(), "cannot write the backup", e))?;
    set_permissions(tmp.as_file(), Some(meta));
    tmp.persist(backup)
        .map_err(|e| SaveError::io(backup, "cannot put the backup in place", e.error))?;
    Ok(())
}

/// Gives a new file the permissions of the file it replaces, or the usual
/// ones for a document (a temporary file is readable by its owner only).
fn set_permissions(file: &File, previous: Option<&fs::Metadata>) {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let permissions = previous.map_or_else(
            || fs::Permissions::from_mode(0o644),
            fs::Metadata::permissions,
        );
        let _ = file.set_permissions(permissions);
    }
    #[cfg(not(unix))]
    let _ = (file, previous);
}

/// Makes the renames durable where the system allows it.
fn sync_dir(dir: &Path) {
    #[cfg(unix)]
    if let Ok(d) = File::open(dir) {
        let _ = d.sync_all();
    }
    #[cfg(not(unix))]
    let _ = dir;
}

/// Reads a save. Checks, in order: that the file exists and is a file, its
/// size (at most [`MAX_SAVE_BYTES`], before reading it), that it is not
/// empty, that it is UTF-8 text, its RON syntax, its format version
/// (migrating an older one), its fields, and the scenario's content hash;
/// then rebuilds the game from its decisions and compares it with the
/// state the save shows. Never writes, renames or deletes anything.
pub fn read(book: &Book, path: &Path) -> Result<format::Loaded, SaveError> {
    let text = read_text(path)?;
    from_checked_text(book, path, &text)
}

/// Reads a save from bytes already in memory (a fuzzer's), with the same
/// checks as [`read`] after the file is read; `path` only names it in
/// messages.
pub fn read_bytes(book: &Book, path: &Path, bytes: Vec<u8>) -> Result<format::Loaded, SaveError> {
    let text = crate::files::text_from_bytes(bytes, MAX_SAVE_BYTES)
        .map_err(|e| SaveError::from_read(path, e))?;
    from_checked_text(book, path, &text)
}

/// The text of a save file, read through the game's one file reader.
pub(super) fn read_text(path: &Path) -> Result<String, SaveError> {
    let text =
        crate::files::read_text(path, MAX_SAVE_BYTES).map_err(|e| SaveError::from_read(path, e))?;
    if text.bytes().all(|b| b.is_ascii_whitespace()) {
        return Err(SaveError::Empty {
            path: path.to_path_buf(),
        });
    }
    Ok(text)
}

fn from_checked_text(book: &Book, path: &Path, text: &str) -> Result<format::Loaded, SaveError> {
    if text.bytes().all(|b| b.is_ascii_whitespace()) {
        return Err(SaveError::Empty {
            path: path.to_path_buf(),
        });
    }
    format::from_text(book, path, text)
}

/// Every save in `dir` (`*.ron`, not the `*.bak.ron` backups), newest
/// first. A file that cannot be read is listed with its error. Only what
/// the list shows is read of each save (see [`super::summary`]), several
/// at once. Opening the directory also clears the game's own leftover
/// temporary files (see [`remove_stale_temps`]).
pub fn list(dir: &Path) -> Vec<SaveInfo> {
    use rayon::prelude::*;
    let Ok(entries) = fs::read_dir(dir) else {
        return Vec::new();
    };
    remove_stale_temps(dir);
    let found: Vec<(String, PathBuf)> = entries
        .filter_map(Result::ok)
        .filter_map(|entry| {
            let file_name = entry.file_name().into_string().ok()?;
            let name = file_name.strip_suffix(".ron")?;
            if name.ends_with(".bak") || name.starts_with('.') || name.is_empty() {
                return None;
            }
            if entry.file_type().is_ok_and(|t| t.is_dir()) {
                return None;
            }
            Some((name.to_string(), entry.path()))
        })
        .collect();
    let mut saves: Vec<SaveInfo> = found
        .par_iter()
        .map(|(name, path)| info(name, path))
        .collect();
    saves.sort_by(|a, b| {
        b.modified
            .cmp(&a.modified)
            .then_with(|| a.name.cmp(&b.name))
    });
    saves
}

fn info(name: &str, path: &Path) -> SaveInfo {
    let modified = fs::metadata(path).and_then(|m| m.modified()).ok();
    let mut info = SaveInfo {
        name: name.to_string(),
        path: path.to_path_buf(),
        country: String::new(),
        date_label: String::new(),
        turn: 0,
        turns: 0,
        ended: false,
        autonomy: 0.0,
        leverage: 0.0,
        stability: 0.0,
        modified,
        error: None,
    };
    super::summary::fill(&mut info, path);
    info
}
