//! The screens' door to saved games. Until the save layer lands, it says
//! that saving is not available; the screens call only these functions.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::AtomicBool;

use crate::rules::Game;

/// Why a save could not be written or read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SaveError {
    #[error("saving is not available yet")]
    NotAvailable,
}

impl SaveError {
    pub fn exit_code(&self) -> u8 {
        1
    }
}

/// One save in the save directory, for the load screen.
#[derive(Debug, Clone, PartialEq)]
pub struct SaveInfo {
    pub name: String,
    pub path: PathBuf,
    pub country: String,
    pub date_label: String,
    pub turn: u32,
    pub autonomy: f64,
    pub leverage: f64,
    pub stability: f64,
    pub error: Option<String>,
}

pub fn save_dir(flag: Option<&Path>) -> PathBuf {
    if let Some(dir) = flag {
        return dir.to_path_buf();
    }
    match std::env::var_os("MULTIVECTOR_SAVE_DIR") {
        Some(d) if !d.is_empty() => PathBuf::from(d),
        _ => PathBuf::from("saves"),
    }
}

pub fn default_name(game: &Game) -> String {
    let s = game.state();
    format!(
        "{}-{}",
        s.country(),
        s.date_label().replace(' ', "-").to_lowercase()
    )
}

pub fn write(_dir: &Path, _name: &str, _game: &Game) -> Result<PathBuf, SaveError> {
    Err(SaveError::NotAvailable)
}

pub fn write_autosave(_dir: &Path, _game: &Game) -> Result<PathBuf, SaveError> {
    Err(SaveError::NotAvailable)
}

pub fn resolve(dir: &Path, name_or_path: &str) -> PathBuf {
    let p = Path::new(name_or_path);
    if p.components().count() > 1 || p.extension().is_some() {
        p.to_path_buf()
    } else {
        dir.join(format!("{name_or_path}.ron"))
    }
}

pub fn read(_path: &Path) -> Result<Game, SaveError> {
    Err(SaveError::NotAvailable)
}

pub fn list(_dir: &Path) -> Vec<SaveInfo> {
    Vec::new()
}

/// A flag set on SIGHUP or SIGTERM, polled by the event loop.
pub fn install_hangup_flag() -> Arc<AtomicBool> {
    let flag = Arc::new(AtomicBool::new(false));
    #[cfg(unix)]
    for sig in [signal_hook::consts::SIGHUP, signal_hook::consts::SIGTERM] {
        let _ = signal_hook::flag::register(sig, Arc::clone(&flag));
    }
    flag
}
