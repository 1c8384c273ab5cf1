//! Saved games: the save format and its versions, atomic writes that keep a
//! backup, careful reads, the save directory's listing, and `replay`.
//!
//! The terminal UI calls [`write`], [`write_autosave`] (at every end of
//! turn, and on hang-up: see [`install_hangup_flag`]), [`list`] and
//! [`read`]; the command line calls [`resolve`], [`replay`] (or [`verify`])
//! and, for reports, [`write_file`].

mod error;
mod format;
pub mod migrate;
mod name;
mod replay;
mod store;
mod summary;
mod temp;
mod view;

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::AtomicBool;

pub use error::SaveError;
pub use format::{
    GAME_VERSION, Loaded, SaveFile, from_text, parse, rebuild, scenario_hash, to_text,
};
pub use name::{AUTOSAVE, MAX_NAME_CHARS, default_name, finished_name, resolve, sanitize_name};
pub use replay::{Origin, ReplayReport, Verdict, replay, report_of};
pub use store::{list, read, read_bytes, write, write_autosave, write_file};
pub use temp::{STALE_TEMP_AGE, remove_stale_temps};
pub use view::{PowerView, ProjectView, StateView};

/// The current save format version. See [`migrate`] for older ones.
pub const VERSION: u32 = 2;

/// Saves larger than this are refused before they are parsed.
pub const MAX_SAVE_BYTES: u64 = 8 * 1024 * 1024;

/// The environment variable naming the save directory.
pub const SAVE_DIR_ENV: &str = "MULTIVECTOR_SAVE_DIR";

/// The save directory: `--save-dir` if given, else `$MULTIVECTOR_SAVE_DIR`
/// if set and not empty, else `saves` under the current directory.
pub fn save_dir(flag: Option<&Path>) -> PathBuf {
    if let Some(dir) = flag {
        return dir.to_path_buf();
    }
    match std::env::var_os(SAVE_DIR_ENV) {
        Some(dir) if !dir.is_empty() => PathBuf::from(dir),
        _ => PathBuf::from("saves"),
    }
}

/// One save in the save directory, as the load screen shows it.
#[derive(Debug, Clone, PartialEq)]
pub struct SaveInfo {
    /// The file name without `.ron`.
    pub name: String,
    pub path: PathBuf,
    pub country: String,
    /// The game's current quarter, e.g. "2027 Q3".
    pub date_label: String,
    /// The turn being played, counted from 1 as the game screen shows it.
    pub turn: u32,
    pub turns: u32,
    /// The game has reached its ending.
    pub ended: bool,
    pub autonomy: f64,
    pub leverage: f64,
    pub stability: f64,
    pub modified: Option<std::time::SystemTime>,
    /// Why the file cannot be loaded; the other fields are empty then.
    pub error: Option<String>,
}

/// A flag raised when the terminal hangs up (`SIGHUP`) or the process is
/// asked to stop (`SIGTERM`); Ctrl-C reaches the UI as a key, not a signal.
///
/// The UI loop polls it between events (with `event::poll` and a timeout:
/// a blocking `event::read` does not return on a signal) and, when it is
/// raised, writes the autosave with [`write_autosave`] *before* restoring
/// the terminal, since after a hang-up the terminal may be gone and
/// restoring it may fail; then it exits. A second signal of the same kind,
/// once the flag is up, ends the process at once (exit code 1), so a game
/// that hangs while saving can still be stopped.
///
/// On systems without these signals, or if they cannot be registered, the
/// flag is simply never raised.
pub fn install_hangup_flag() -> Arc<AtomicBool> {
    let flag = Arc::new(AtomicBool::new(false));
    #[cfg(unix)]
    {
        use signal_hook::consts::{SIGHUP, SIGTERM};
        for signal in [SIGHUP, SIGTERM] {
            // The first registration ends the process only if the flag is
            // already up; the second raises it.
            let _ = signal_hook::flag::register_conditional_shutdown(signal, 1, Arc::clone(&flag));
            let _ = signal_hook::flag::register(signal, Arc::clone(&flag));
        }
    }
    flag
}
