//! Saves on disk: atomic writes that keep a backup, and careful reads that
//! never change a file.

use std::fs::{self, File};
use std::io::{Read, Write};
use std::path::{Path, PathBuf};

use crate::rules::{Book, Game};

use super::name::{AUTOSAVE, sanitize_name};
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
    fs::create_dir_all(dir)
        .map_err(|e| SaveError::io(dir, "cannot create the save directory", e))?;
    let path = dir.join(format!("{name}.ron"));
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

/// Writes `bytes` to the file at `path` (a report, not a save) the way
/// saves are written: to a hidden temporary file in the same directory,
/// synced, then renamed over `path`, so that `path` is never half-written.
/// An existing file keeps its permissions; no backup is kept. The directory
/// must exist.
pub fn write_file(path: &Path, bytes: &[u8]) -> Result<(), SaveError> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let refuse = |at: &Path, why: &str| {
        let e = std::io::Error::new(std::io::ErrorKind::InvalidInput, why.to_string());
        SaveError::io(at, "cannot write there", e)
    };
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .ok_or_else(|| refuse(path, "it does not end with a file name"))?;
    if !dir.is_dir() {
        return Err(refuse(dir, "no such directory"));
    }
    let previous = fs::metadata(path).ok();
    if previous.as_ref().is_some_and(|m| !m.is_file()) {
        return Err(refuse(path, "it is a directory or a device, not a file"));
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

/// A temporary file next to the save, hidden so that `list` skips it.
fn temp_in(dir: &Path, name: &str) -> Result<tempfile::NamedTempFile, SaveError> {
    tempfile::Builder::new()
        .prefix(&format!(".{name}."))
        .suffix(".tmp")
        .tempfile_in(dir)
        .map_err(|e| SaveError::io(dir, "cannot create a temporary file", e))
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
    format::from_text(book, path, &text)
}

fn read_text(path: &Path) -> Result<String, SaveError> {
    let meta = match fs::metadata(path) {
        Ok(m) => m,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return Err(SaveError::Missing {
                path: path.to_path_buf(),
            });
        }
        Err(e) => return Err(SaveError::io(path, "cannot read", e)),
    };
    // Not a directory, nor a pipe or a device, which could block or never end.
    if !meta.is_file() {
        return Err(SaveError::NotAFile {
            path: path.to_path_buf(),
        });
    }
    let too_large = |size| SaveError::TooLarge {
        path: path.to_path_buf(),
        size,
        limit: MAX_SAVE_BYTES,
    };
    if meta.len() > MAX_SAVE_BYTES {
        return Err(too_large(meta.len()));
    }
    let mut bytes = Vec::new();
    File::open(path)
        .and_then(|f| f.take(MAX_SAVE_BYTES + 1).read_to_end(&mut bytes))
        .map_err(|e| SaveError::io(path, "cannot read", e))?;
    // The file may have grown since it was measured.
    if bytes.len() as u64 > MAX_SAVE_BYTES {
        return Err(too_large(bytes.len() as u64));
    }
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(SaveError::Empty {
            path: path.to_path_buf(),
        });
    }
    let not_text = |offset| SaveError::NotText {
        path: path.to_path_buf(),
        offset,
    };
    if let Some(offset) = bytes.iter().position(|&b| b == 0) {
        return Err(not_text(offset));
    }
    String::from_utf8(bytes).map_err(|e| not_text(e.utf8_error().valid_up_to()))
}

/// Every save in `dir` (`*.ron`, not the `*.bak.ron` backups), newest
/// first. A file that cannot be read is listed with its error.
pub fn list(dir: &Path) -> Vec<SaveInfo> {
    let Ok(entries) = fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut saves: Vec<SaveInfo> = entries
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
            Some(info(name, &entry.path()))
        })
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
    match read_text(path).and_then(|text| format::parse(path, &text)) {
        Ok(file) => match &file.state {
            Some(s) => {
                info.country = s.country.clone();
                info.date_label = s.date.clone();
                info.turn = (s.turn + 1).min(s.turns);
                info.turns = s.turns;
                info.ended = s.ended();
                info.autonomy = s.autonomy;
                info.leverage = s.leverage;
                info.stability = s.stability;
            }
            None => {
                let country = file.country.or(file.scenario.country).unwrap_or_default();
                info.country = country;
                info.date_label = "older save".into();
                info.turns = file.scenario.turns.unwrap_or(0);
            }
        },
        Err(e) => info.error = Some(e.to_string()),
    }
    info
}
