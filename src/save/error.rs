//! What can go wrong with a save, each with a message a player can act on.

use std::path::PathBuf;

/// Why a save could not be named, written, read or replayed.
#[derive(Debug, thiserror::Error)]
pub enum SaveError {
    #[error("`{name}` cannot be a save's name: {reason}")]
    BadName { name: String, reason: String },
    #[error("{}: no such save", path.display())]
    Missing { path: PathBuf },
    /// A directory, a named pipe, a device: `what` says which.
    #[error("{}: {what}, not a save", path.display())]
    NotAFile { path: PathBuf, what: &'static str },
    #[error("{}: the file is {size} bytes, more than a save can be ({limit} bytes); it was not read", path.display())]
    TooLarge {
        path: PathBuf,
        size: u64,
        limit: u64,
    },
    #[error("{}: the file is empty, so it holds no game (if it was saved over, the .bak.ron file of the same name holds the save before)", path.display())]
    Empty { path: PathBuf },
    #[error("{}: this is not a text file (binary data at byte {offset}), so not a save", path.display())]
    NotText { path: PathBuf, offset: usize },
    #[error("{}:{line}:{column}: the save is damaged or cut short: {message}", path.display())]
    Corrupt {
        path: PathBuf,
        line: usize,
        column: usize,
        message: String,
    },
    #[error("{}: not a Multivector save: {reason}", path.display())]
    NotASave { path: PathBuf, reason: String },
    #[error("{}: save format version {found} is newer than this game understands (supports {})", path.display(), supported_versions())]
    Newer { path: PathBuf, found: u32 },
    #[error("{}: save format version {found} does not exist (supports {})", path.display(), supported_versions())]
    UnknownVersion { path: PathBuf, found: u32 },
    #[error("{}: the save cannot be brought from version {from} to version {to}: {message}", path.display())]
    Migration {
        path: PathBuf,
        from: u32,
        to: u32,
        message: String,
    },
    #[error("{}:{line}:{column}: the save does not hold a game this version can read: {message}", path.display())]
    Invalid {
        path: PathBuf,
        line: usize,
        column: usize,
        message: String,
    },
    #[error("{}: the scenario in the save was changed after it was saved (its content hash is {found}, the save records {recorded})", path.display())]
    ScenarioChanged {
        path: PathBuf,
        recorded: String,
        found: String,
    },
    #[error("{}: the saved game cannot be played again with this game's content (the scenario stored in the save is checked as a scenario file is): {reason}", path.display())]
    Unplayable { path: PathBuf, reason: String },
    #[error("{}: the game would be a save of {size} bytes, more than a save can be ({limit} bytes), so it could not be loaded again; it was not saved, and the file there before is kept", path.display())]
    TooLargeToWrite {
        path: PathBuf,
        size: u64,
        limit: u64,
    },
    #[error("the game could not be written as RON: {0}")]
    Encode(String),
    #[error("{}: {action}: {source}", path.display())]
    Io {
        path: PathBuf,
        action: &'static str,
        #[source]
        source: std::io::Error,
    },
}

impl SaveError {
    /// The process exit code for this error: 2 for a bad name or a file that
    /// is not a readable save, 1 for a failure to write or of the system
    /// (a game too large to save, disk full, permission denied).
    pub fn exit_code(&self) -> u8 {
        match self {
            SaveError::Io { .. } | SaveError::Encode(_) | SaveError::TooLargeToWrite { .. } => 1,
            _ => 2,
        }
    }

    /// A save that could not be read by the game's file reader.
    pub(crate) fn from_read(path: &std::path::Path, e: crate::files::ReadError) -> Self {
        use crate::files::ReadError;
        let path = path.to_path_buf();
        match e {
            ReadError::Missing => SaveError::Missing { path },
            ReadError::NotAFile(what) => SaveError::NotAFile { path, what },
            ReadError::TooLarge { size, limit } => SaveError::TooLarge { path, size, limit },
            ReadError::NotText { offset } => SaveError::NotText { path, offset },
            ReadError::Io(source) => SaveError::io(path, "cannot read", source),
        }
    }

    pub(crate) fn io(
        path: impl Into<PathBuf>,
        action: &'static str,
        source: std::io::Error,
    ) -> Self {
        SaveError::Io {
            path: path.into(),
            action,
            source,
        }
    }
}

fn supported_versions() -> String {
    let versions: Vec<String> = (1..=super::VERSION).map(|v| v.to_string()).collect();
    versions.join(", ")
}
