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
pub use super::play::Play;
use super::screens;
use super::theme::Theme;
use crate::rules::{Book, Game};
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
    /// chosen already, and the seed and level of difficulty given on the
    /// command line.
    NewGame {
        scenario: Option<Box<screens::new_game::Offered>>,
        seed: Option<u64>,
        difficulty: Option<String>,
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
    /// How many rows of that text show at once: a page for PgUp/PgDn.
    pub scroll_page: Cell<u16>,
    /// The area last drawn: the screen keys and clicks are read against.
    pub drawn: Cell<Rect>,
    /// Wrapped text kept between frames.
    pub rows: super::widgets::cache::RowCache,
    /// The tutorial's tips, and those dismissed this session.
    pub tutorial: super::tutorial::Tutorial,
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
            scroll_page: Cell::new(1),
            drawn: Cell::new(Rect::default()),
            rows: Default::default(),
            tutorial: Default::default(),
            book,
        };
        match launch {
            Launch::Title => {}
            Launch::NewGame {
                scenario,
                seed,
                difficulty,
            } => {
                if let Some(o) = scenario {
                    app.new_game.offer(o.def, o.file);
                }
                if let Some(seed) = seed {
                    app.new_game.set_seed(seed);
                }
                if let Some(level) = difficulty {
                    app.new_game.set_difficulty(&level);
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
        self.play = Some(Play::new(&self.book, game));
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
            // A tutorial's tip, over the screen it explains.
            None if super::tutorial::due(self).is_some() => Ctx::Tip,
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

    /// The screen as last drawn (its size as last reported before any
    /// drawing).
    pub fn area(&self) -> Rect {
        let drawn = self.drawn.get();
        if drawn.is_empty() {
            Rect::new(0, 0, self.size.0, self.size.1)
        } else {
            drawn
        }
    }

    /// Whether the screen shows only the request to enlarge it.
    pub fn too_small(&self) -> bool {
        let a = self.area();
        a.width < MIN_WIDTH || a.height < MIN_HEIGHT
    }

    pub fn on_key(&mut self, key: KeyEvent) {
        if key.kind != KeyEventKind::Press {
            return;
        }
        // While only the request to enlarge shows, nothing is answered or
        // planned blind: the one key that acts is quitting, at once, with
        // the game autosaved so that nothing is lost.
        if self.too_small() {
            if keymap::lookup(self.ctx(), &key) == Some(Msg::Quit) {
                self.autosave();
                self.quit = true;
            }
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
        if self.dialog.is_some()
            || self.ctx() == Ctx::Tip
            || self.too_small()
            || !matches!(m.kind, MouseEventKind::Down(MouseButton::Left))
        {
            return;
        }
        if self.screen == Screen::Game {
            let area = self.area();
            screens::game::click(self, area, m.column, m.row);
        }
    }

    pub fn on_resize(&mut self, w: u16, h: u16) {
        self.size = (w, h);
        self.drawn.set(Rect::new(0, 0, w, h));
    }

    pub fn update(&mut self, msg: Msg) {
        if let Some(dialog) = self.dialog.clone() {
            self.update_dialog(dialog, msg);
            return;
        }
        // A tutorial's tip waits to be dismissed; help and quit still work.
        if self.ctx() == Ctx::Tip {
            match msg {
                Msg::Select | Msg::Back => return super::tutorial::dismiss(self),
                Msg::Help | Msg::Quit => {}
                _ => return,
            }
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
            // Shift-Tab goes round the new game's fields as Tab does.
            Screen::NewGame if msg == Msg::FocusBack => screens::new_game::update(self, Msg::Focus),
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
            (
                Dialog::Help { scroll },
                Msg::Up | Msg::Down | Msg::PageUp | Msg::PageDown | Msg::Home | Msg::End,
            ) => {
                self.dialog = Some(Dialog::Help {
                    scroll: self.scroll_by(scroll, msg),
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

    /// A scrolling text drawn last (help, debrief) moved by a key: a row,
    /// a page, or to either end.
    pub fn scroll_by(&self, scroll: u16, msg: Msg) -> u16 {
        let limit = self.scroll_limit.get();
        let page = self.scroll_page.get().saturating_sub(1).max(1);
        match msg {
            Msg::Up => scroll.saturating_sub(1),
            Msg::Down => self.scroll_down(scroll),
            Msg::PageUp => scroll.saturating_sub(page),
            Msg::PageDown => scroll.saturating_add(page).min(limit.max(scroll)),
            Msg::Home => 0,
            Msg::End => limit,
            _ => scroll,
        }
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

    /// Puts the screen in line with the game: a pending decision opens the
    /// event popup, an outcome the end screen.
    pub fn sync(&mut self) {
        let Some(play) = &mut self.play else { return };
        play.keep_listed(&self.book);
        if !matches!(self.screen, Screen::Game | Screen::Event | Screen::End) {
            return;
        }
        let state = play.game.state();
        if state.outcome().is_some() {
            self.screen = Screen::End;
        } else if !state.pending().is_empty() && !play.peek {
            if self.screen != Screen::Event {
                play.choice = 0;
                play.event_scroll = 0;
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
        self.drawn.set(area);
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
            None => super::tutorial::render(self, area, buf),
        }
    }
}
