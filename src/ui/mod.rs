//! The terminal game (ratatui): the title, new-game, load, game, event,
//! help and end screens. The screens read the game's state and change it
//! only by sending commands to the rules.

pub mod app;
pub mod keymap;
pub mod screens;
pub mod theme;
pub mod widgets;

use std::io;
use std::sync::atomic::Ordering;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use ratatui::crossterm::event::{self, DisableMouseCapture, EnableMouseCapture, Event};
use ratatui::crossterm::execute;

pub use app::{App, Launch, Options};

use crate::rules::Book;
use crate::save;

/// A seed from the clock, short enough to read out to a class.
pub fn clock_seed() -> u64 {
    let nanos = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos());
    (nanos % 1_000_000) as u64
}

/// Runs the game in the terminal until the player quits or the terminal
/// hangs up. The terminal is restored on every way out, panics included.
pub fn run(book: Book, launch: Launch, opts: Options) -> anyhow::Result<()> {
    let hangup = save::install_hangup_flag();
    let mut app = App::new(book, launch, &opts);
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
            terminal.draw(|f| f.render_widget(&app, f.area()))?;
        }
        Ok(())
    })();
    let _ = execute!(io::stdout(), DisableMouseCapture);
    ratatui::restore();
    result
}
