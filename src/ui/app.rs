//! The app: which screen is up, what the player has selected, and the one
//! `update` that changes them. Drawing (`impl Widget for &App`) only reads.

use std::cell::Cell;
use std::path::PathBuf;

use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{
    KeyCode, KeyEvent, KeyEventKind, MouseButton, MouseEvent, MouseEventKind,
};
use ratatui::layout::Rect;
use ratatui::widgets::Widget;

use super::keymap::{self, Ctx, Msg};
use super::screens::{self, game::Focus};
use super::theme::Theme;
use super::widgets::map_panel::Zoom;
use crate::rules::{Book, Command, Game};
use crate::save;

/// The smallest terminal the game draws in.
pub const MIN_WIDTH: u16 = 80;
pub const MIN_HEIGHT: u16 = 24;

/// How the game was started from the command line.
#[derive(Debug, Clone)]
pub enum Launch {
    /// The title screen.
    Title,
    /// The new-game screen, with a scenario (built-in or from a file)
    /// chosen already, and the seed given on the command line.
    NewGame {
        scenario: Option<Box<screens::new_game::Offered>>,
        seed: Option<u64>,
    },
    /// Straight into a game (started or loaded).
    Play(Box<Game>),
    /// Into a loaded game, with what to tell the player about the save.
    Loaded(Box<Game>, Option<String>),
}

/// Settings of the session.
#[derive(Debug, Clone)]
pub struct Options {
    pub save_dir: PathBuf,
    pub ascii: bool,
    pub color: bool,
    /// The seed offered on the new-game screen (the UI derives it from the clock).
    pub seed_hint: u64,
}

/// The base screens. Dialogs (help, quit, save) open over them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Screen {
    Title,
    NewGame,
    Load,
    Game,
    /// A pending decision of the game, in a popup over the board.
    Event,
    End,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Dialog {
    Help { scroll: u16 },
    ConfirmQuit,
    SaveAs { name: String },
}

/// A game being played, with what the player has selected on its screen.
#[derive(Debug, Clone)]
pub struct Play {
    pub game: Game,
    /// Index into the book's actions.
    pub selected: usize,
    pub focus: Focus,
    pub zoom: Zoom,
    /// Index into the map's countries in view.
    pub map_selected: usize,
    pub log_scroll: u16,
    /// The event popup is put aside to look at the board.
    pub peek: bool,
    pub choice: usize,
    pub end_scroll: u16,
    /// How many decisions the game had when last saved by the player.
    pub saved_decisions: Option<usize>,
}

impl Play {
    pub fn new(game: Game) -> Play {
        Play {
            game,
            selected: 0,
            focus: Focus::Actions,
            zoom: Zoom::default(),
            map_selected: 0,
            log_scroll: 0,
            peek: false,
            choice: 0,
            end_scroll: 0,
            saved_decisions: None,
        }
    }

    pub fn just_saved(&self) -> bool {
        self.saved_decisions == Some(self.game.decisions().len())
    }
}

pub struct App {
    pub book: Book,
    pub theme: Theme,
    pub save_dir: PathBuf,
    pub screen: Screen,
    pub dialog: Option<Dialog>,
    pub play: Option<Play>,
    pub title: screens::title::TitleState,
    pub new_game: screens::new_game::NewGameState,
    pub load: screens::load::LoadState,
    /// A one-line message for the player (a refusal, a save).
    pub status: Option<String>,
    pub quit: bool,
    /// The terminal's size, as last drawn, for mouse clicks.
    pub size: (u16, u16),
    /// How far the scrolling text drawn last (news, debrief, help) can
    /// scroll before its end shows: the end stop for ↓.
    pub scroll_limit: Cell<u16>,
}

impl App {
    pub fn new(book: Book, launch: Launch, opts: &Options) -> App {
        let new_game = screens::new_game::NewGameState::new(&book, opts.seed_hint);
        let mut app = App {
            theme: Theme::new(opts.color, opts.ascii),
            save_dir: opts.save_dir.clone(),
            screen: Screen::Title,
            dialog: None,
            play: None,
            title: Default::default(),
            new_game,
            load: Default::default(),
            status: None,
            quit: false,
            size: (120, 40),
            scroll_limit: Cell::new(u16::MAX),
            book,
        };
        match launch {
            Launch::Title => {}
            Launch::NewGame { scenario, seed } => {
                if let Some(o) = scenario {
                    app.new_game.offer(o.def, o.file);
                }
                if let Some(seed) = seed {
                    app.new_game.set_seed(seed);
                }
                app.screen = Screen::NewGame;
            }
            Launch::Play(game) => app.start(*game),
            Launch::Loaded(game, warning) => {
                app.start(*game);
                app.status = warning;
                if let Some(p) = app.play.as_mut() {
                    p.saved_decisions = Some(p.game.decisions().len());
                }
            }
        }
        app
    }

    /// Starts playing a game.
    pub fn start(&mut self, game: Game) {
        self.play = Some(Play::new(game));
        self.screen = Screen::Game;
        self.dialog = None;
        self.sync();
    }

    pub fn game(&self) -> Option<&Game> {
        self.play.as_ref().map(|p| &p.game)
    }

    /// The context the keys are read in: the dialog in front, or the screen.
    pub fn ctx(&self) -> Ctx {
        match &self.dialog {
            Some(Dialog::Help { .. }) => Ctx::Help,
            Some(Dialog::ConfirmQuit) => Ctx::Confirm,
            Some(Dialog::SaveAs { .. }) => Ctx::SaveAs,
            None => match self.screen {
                Screen::Title => Ctx::Title,
                Screen::NewGame => Ctx::NewGame,
                Screen::Load => Ctx::Load,
                Screen::Game => Ctx::Game,
                Screen::Event => Ctx::Event,
                Screen::End => Ctx::End,
            },
        }
    }

    pub fn on_key(&mut self, key: KeyEvent) {
        if key.kind != KeyEventKind::Press {
            return;
        }
        // Text fields take characters before the keymap does.
        if let Some(Dialog::SaveAs { name }) = &mut self.dialog {
            match key.code {
                KeyCode::Char(c)
                    if !key
                        .modifiers
                        .contains(ratatui::crossterm::event::KeyModifiers::CONTROL) =>
                {
                    screens::dialogs::type_name(name, c);
                    return;
                }
                KeyCode::Backspace => {
                    name.pop();
                    return;
                }
                _ => {}
            }
        } else if self.dialog.is_none()
            && ((self.screen == Screen::NewGame && self.new_game.handle_text(&key))
                || (self.screen == Screen::Title && screens::title::handle_text(self, &key)))
        {
            return;
        }
        if let Some(msg) = keymap::lookup(self.ctx(), &key) {
            self.update(msg);
        }
    }

    pub fn on_mouse(&mut self, m: MouseEvent) {
        if self.dialog.is_some() || !matches!(m.kind, MouseEventKind::Down(MouseButton::Left)) {
            return;
        }
        if self.screen == Screen::Game {
            let area = Rect::new(0, 0, self.size.0, self.size.1);
            screens::game::click(self, area, m.column, m.row);
        }
    }

    pub fn on_resize(&mut self, w: u16, h: u16) {
        self.size = (w, h);
    }

    pub fn update(&mut self, msg: Msg) {
        if let Some(dialog) = self.dialog.clone() {
            self.update_dialog(dialog, msg);
            return;
        }
        match msg {
            Msg::Help => {
                self.dialog = Some(Dialog::Help { scroll: 0 });
                return;
            }
            Msg::Quit => {
                self.ask_quit();
                return;
            }
            Msg::Save if self.play.is_some() => {
                let name =
                    save::default_name(&self.book, &self.play.as_ref().expect("a game").game);
                self.dialog = Some(Dialog::SaveAs { name });
                return;
            }
            _ => {}
        }
        match self.screen {
            Screen::Title => screens::title::update(self, msg),
            Screen::NewGame => screens::new_game::update(self, msg),
            Screen::Load => screens::load::update(self, msg),
            Screen::Game => screens::game::update(self, msg),
            Screen::Event => screens::event::update(self, msg),
            Screen::End => screens::end::update(self, msg),
        }
        self.sync();
    }

    fn update_dialog(&mut self, dialog: Dialog, msg: Msg) {
        match (dialog, msg) {
            (Dialog::Help { scroll }, Msg::Down) => {
                self.dialog = Some(Dialog::Help {
                    scroll: self.scroll_down(scroll),
                })
            }
            (Dialog::Help { scroll }, Msg::Up) => {
                self.dialog = Some(Dialog::Help {
                    scroll: scroll.saturating_sub(1),
                })
            }
            (Dialog::Help { .. }, Msg::Back) => self.dialog = None,
            (Dialog::Help { .. }, Msg::Quit) => {
                self.dialog = None;
                self.ask_quit();
            }
            (Dialog::ConfirmQuit, Msg::Yes) => self.quit = true,
            (Dialog::ConfirmQuit, Msg::No | Msg::Back) => self.dialog = None,
            (Dialog::SaveAs { .. }, Msg::Back) => self.dialog = None,
            (Dialog::SaveAs { name }, Msg::Select) => {
                self.dialog = None;
                self.save_as(name.trim());
            }
            _ => {}
        }
    }

    /// One row further down a scrolling text, but not past its end.
    pub fn scroll_down(&self, scroll: u16) -> u16 {
        let limit = self.scroll_limit.get();
        scroll.saturating_add(1).min(limit.max(scroll))
    }

    fn ask_quit(&mut self) {
        let unsaved = self.play.as_ref().is_some_and(|p| !p.just_saved());
        // A game being set up is work too: ask before dropping it.
        if unsaved || self.screen == Screen::NewGame {
            self.dialog = Some(Dialog::ConfirmQuit);
        } else {
            self.quit = true;
        }
    }

    fn save_as(&mut self, name: &str) {
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
                true
            }
            Err(e) => {
                self.status = Some(format!("Not now: {e}"));
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

    /// Puts the screen in line with the game: a pending decision opens the
    /// event popup, an outcome the end screen.
    pub fn sync(&mut self) {
        let Some(play) = &mut self.play else { return };
        if !matches!(self.screen, Screen::Game | Screen::Event | Screen::End) {
            return;
        }
        let state = play.game.state();
        if state.outcome().is_some() {
            self.screen = Screen::End;
        } else if !state.pending().is_empty() && !play.peek {
            if self.screen != Screen::Event {
                play.choice = 0;
            }
            self.screen = Screen::Event;
        } else {
            self.screen = Screen::Game;
        }
        if state.pending().is_empty() {
            play.peek = false;
        }
    }
}

impl Widget for &App {
    fn render(self, area: Rect, buf: &mut Buffer) {
        if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
            super::widgets::enlarge(area, buf);
            return;
        }
        match self.screen {
            Screen::Title => screens::title::render(self, area, buf),
            Screen::NewGame => screens::new_game::render(self, area, buf),
            Screen::Load => screens::load::render(self, area, buf),
            Screen::Game => screens::game::render(self, area, buf),
            Screen::Event => {
                screens::game::render(self, area, buf);
                screens::event::render(self, area, buf);
            }
            Screen::End => screens::end::render(self, area, buf),
        }
        match &self.dialog {
            Some(Dialog::Help { scroll }) => screens::help::render(self, *scroll, area, buf),
            Some(Dialog::ConfirmQuit) => screens::dialogs::render_confirm(self, area, buf),
            Some(Dialog::SaveAs { name }) => {
                screens::dialogs::render_save_as(self, name, area, buf)
            }
            None => {}
        }
    }
}
