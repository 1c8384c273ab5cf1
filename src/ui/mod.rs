//! The terminal game (ratatui): the title, new-game, load, game, event,
//! help and end screens. The screens read the game's state and change it
//! only by sending commands to the rules.

pub mod app;
mod commands;
pub mod goals;
pub mod keymap;
pub mod launch;
pub mod listed;
pub mod play;
pub mod screens;
pub mod theme;
pub mod tutorial;
pub mod widgets;

use std::io;
use std::path::PathBuf;
use std::sync::atomic::Ordering;
use std::sync::{Arc, Mutex};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use ratatui::crossterm::event::{self, DisableMouseCapture, EnableMouseCapture, Event};
use ratatui::crossterm::execute;

pub use app::{App, Launch, Options};

use crate::rules::{Book, Game};
use crate::save;
pub use screens::load::warning as load_warning;

/// Whether the locale can show braille: false when the first of `LC_ALL`,
/// `LC_CTYPE` and `LANG` that is set names a non-UTF-8 locale (`C`,
/// `POSIX`, `en_US.ISO-8859-1`...). With none set, the terminal is trusted.
pub fn locale_is_utf8(var: impl Fn(&str) -> Option<String>) -> bool {
    let Some(locale) = ["LC_ALL", "LC_CTYPE", "LANG"]
        .iter()
        .filter_map(|k| var(k))
        .find(|v| !v.is_empty())
    else {
        return true;
    };
    let l = locale.to_ascii_lowercase();
    l.contains("utf-8") || l.contains("utf8")
}

/// A seed from the clock, short enough to read out to a class.
pub fn clock_seed() -> u64 {
    let nanos = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos());
    (nanos % 1_000_000) as u64
}

/// What a player who starts the game without a terminal is told.
pub const NEEDS_A_TERMINAL: &str =
    "multivector needs a terminal; for headless use see `simulate`, `replay`, `report`";

/// Whether the game has a terminal to play in: standard input to read
/// keys from and standard output to draw on. Without one (a pipe, a file,
/// `/dev/null`, no controlling terminal), nothing must be drawn: not even
/// the escape codes that set up or restore a screen.
pub fn has_terminal() -> bool {
    use std::io::IsTerminal;
    io::stdin().is_terminal() && io::stdout().is_terminal()
}

/// Runs the game in the terminal until the player quits or the terminal
/// hangs up. The terminal is restored on every way out, panics included.
/// Check [`has_terminal`] first: without a terminal this is an error.
pub fn run(book: Book, launch: Launch, opts: Options) -> anyhow::Result<()> {
    anyhow::ensure!(has_terminal(), NEEDS_A_TERMINAL);
    let hangup = save::install_hangup_flag();
    let watcher_book = book.clone();
    let mut app = App::new(book, launch, &opts);
    let latest = Arc::new(Mutex::new(app.game().cloned()));
    watch_for_a_lost_terminal(watcher_book, Arc::clone(&latest), opts.save_dir.clone());
    let mut seen = progress(&app);
    let mut terminal = ratatui::init();
    // ratatui's hook restores the screen; this one also releases the mouse.
    let hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let _ = execute!(io::stdout(), DisableMouseCapture);
        hook(info);
    }));
    let _ = execute!(io::stdout(), EnableMouseCapture);
    let result = (|| -> anyhow::Result<()> {
        let size = terminal.size()?;
        app.on_resize(size.width, size.height);
        terminal.draw(|f| f.render_widget(&app, f.area()))?;
        while !app.quit {
            if hangup.load(Ordering::Relaxed) {
                app.autosave();
                break;
            }
            // Wait for input; wake up only to check the hang-up flag.
            if !event::poll(Duration::from_millis(250))? {
                continue;
            }
            match event::read()? {
                Event::Key(k) => app.on_key(k),
                Event::Mouse(m) => app.on_mouse(m),
                Event::Resize(w, h) => app.on_resize(w, h),
                _ => continue,
            }
            if app.quit {
                break;
            }
            // The game as it stands, for the watch on the terminal.
            if progress(&app) != seen {
                seen = progress(&app);
                if let Ok(mut g) = latest.lock() {
                    *g = app.game().cloned();
                }
            }
            terminal.draw(|f| f.render_widget(&app, f.area()))?;
        }
        Ok(())
    })();
    let _ = execute!(io::stdout(), DisableMouseCapture);
    ratatui::restore();
    result
}

/// How far the game in hand has got: which game, and how many decisions.
fn progress(app: &App) -> Option<(u64, String, usize)> {
    app.game().map(|g| {
        (
            g.seed,
            g.state().country().index().to_string(),
            g.decisions().len(),
        )
    })
}

/// When the terminal hangs up (a closed SSH session) or the process is told
/// to stop, the main loop saves and restores the terminal. But once the
/// terminal is gone, waiting for input can spin forever without returning
/// (crossterm-rs/crossterm#793), so the loop never sees the signal. This
/// thread, asleep until a signal comes, gives the loop a second to end in
/// order; if it has not, it writes the autosave of the game as it last
/// stood and ends the process.
fn watch_for_a_lost_terminal(book: Book, latest: Arc<Mutex<Option<Game>>>, save_dir: PathBuf) {
    #[cfg(unix)]
    {
        use signal_hook::consts::{SIGHUP, SIGTERM};
        let Ok(mut signals) = signal_hook::iterator::Signals::new([SIGHUP, SIGTERM]) else {
            return;
        };
        std::thread::spawn(move || {
            if signals.forever().next().is_none() {
                return;
            }
            std::thread::sleep(Duration::from_secs(1));
            if let Ok(g) = latest.lock() {
                if let Some(game) = g.as_ref() {
                    let _ = save::write_autosave(&book, &save_dir, game);
                }
            }
            std::process::exit(0);
        });
    }
    #[cfg(not(unix))]
    let _ = (book, latest, save_dir);
}

#[cfg(test)]
mod tests {
    use super::locale_is_utf8;

    fn env(pairs: &[(&str, &str)]) -> impl Fn(&str) -> Option<String> {
        let pairs: Vec<(String, String)> = pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        move |k| pairs.iter().find(|(n, _)| n == k).map(|(_, v)| v.clone())
    }

    #[test]
    fn a_non_utf8_locale_asks_for_ascii() {
        assert!(locale_is_utf8(env(&[])));
        assert!(locale_is_utf8(env(&[("LANG", "en_GB.UTF-8")])));
        assert!(locale_is_utf8(env(&[("LC_ALL", "C.utf8"), ("LANG", "C")])));
        assert!(!locale_is_utf8(env(&[("LANG", "C")])));
        assert!(!locale_is_utf8(env(&[
            ("LC_ALL", "POSIX"),
            ("LANG", "en_US.UTF-8")
        ])));
        assert!(!locale_is_utf8(env(&[("LC_CTYPE", "de_DE.ISO-8859-1")])));
        assert!(locale_is_utf8(env(&[
            ("LC_ALL", ""),
            ("LANG", "uz_UZ.UTF-8")
        ])));
    }
}
