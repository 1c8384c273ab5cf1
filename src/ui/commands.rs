//! The app's side of the game's commands: sending them (a refusal becomes
//! the status line), taking back a planned action, saving.

use super::app::App;
use crate::rules::{ActionId, Command};
use crate::save;

impl App {
    /// Takes back a planned action, wherever it stands in this turn's plan.
    pub fn unplan(&mut self, id: ActionId) -> bool {
        self.command(Command::Unplan(id))
    }

    pub(super) fn save_as(&mut self, name: &str) {
        let Some(play) = &mut self.play else { return };
        let name = if name.is_empty() {
            save::default_name(&self.book, &play.game)
        } else {
            name.to_string()
        };
        match save::write(&self.book, &self.save_dir, &name, &play.game) {
            Ok(path) => {
                play.saved_decisions = Some(play.game.decisions().len());
                self.status = Some(format!("Saved to {}", path.display()));
            }
            Err(e) => self.status = Some(format!("Not saved: {e}")),
        }
    }

    /// Sends a command to the game; a refusal becomes the status line.
    /// After the end of a turn, and after each answer to what it drew (the
    /// last of which may end the game), the autosave is written.
    pub fn command(&mut self, cmd: Command) -> bool {
        let Some(play) = &mut self.play else {
            return false;
        };
        let end = cmd == Command::EndTurn;
        let autosave = end || matches!(cmd, Command::Choose(_));
        match play.game.apply(&self.book, cmd) {
            Ok(_) => {
                self.status = None;
                if end {
                    play.log_scroll = 0;
                }
                if autosave {
                    if let Err(e) = save::write_autosave(&self.book, &self.save_dir, &play.game) {
                        self.status = Some(format!("Autosave failed: {e}"));
                    }
                }
                if autosave && play.game.state().is_over() {
                    // The next game's autosave must not take the finished
                    // one with it: it is kept under its own name too.
                    let name = save::finished_name(&self.book, &play.game);
                    self.status = Some(
                        match save::write(&self.book, &self.save_dir, &name, &play.game) {
                            Ok(_) => format!("The finished game is saved as {name}"),
                            Err(e) => format!("Saving the finished game failed: {e}"),
                        },
                    );
                }
                true
            }
            Err(e) => {
                let why = super::widgets::actions::why_not(play.game.state(), &e);
                self.status = Some(format!("Not now: {why}"));
                false
            }
        }
    }

    /// Writes the autosave (on a hang-up).
    pub fn autosave(&self) {
        if let Some(play) = &self.play {
            let _ = save::write_autosave(&self.book, &self.save_dir, &play.game);
        }
    }
}
