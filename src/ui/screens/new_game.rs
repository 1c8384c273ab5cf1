//! The new-game screen: the state to govern (with its profile), the
//! scenario (a built-in one, or one read from a file), the seed of the
//! game's chance: the scenario's own when it sets one, so that a class
//! starting from the menu plays the same world as from the command line;
//! and the level of difficulty (the scenario's own, or normal), each
//! level with its summary from the model.

use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{KeyCode, KeyEvent};
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget, Wrap};

use crate::rules::Raw;
use crate::rules::defs::ScenarioDef;
use crate::rules::model::NORMAL;
use crate::rules::{Book, Game};
use crate::text::clean;
use crate::ui::app::{App, Screen};
use crate::ui::keymap::{Ctx, Msg, key, key_short};
use crate::ui::widgets::{footer, panel, status};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    Country,
    Scenario,
    Seed,
    Difficulty,
}

/// A scenario the screen offers: a built-in one, or one read from a file.
#[derive(Debug, Clone, PartialEq)]
pub struct Offered {
    pub def: ScenarioDef<Raw>,
    /// The file it was read from, as the player named it; `None` for a
    /// built-in scenario.
    pub file: Option<String>,
}

#[derive(Debug, Clone)]
pub struct NewGameState {
    /// Ids of the playable states, in the book's order.
    pub countries: Vec<String>,
    pub country: usize,
    /// The built-in scenarios, then those opened from files.
    pub scenarios: Vec<Offered>,
    pub scenario: usize,
    pub seed: String,
    /// The seed offered with a scenario that sets none (from the clock).
    pub fresh_seed: u64,
    /// The model's levels of difficulty (ids), easiest first.
    pub levels: Vec<String>,
    pub level: usize,
    pub field: Field,
}

impl NewGameState {
    /// The screen with the standard scenario chosen.
    pub fn new(book: &Book, fresh_seed: u64) -> NewGameState {
        let mut ng = NewGameState {
            countries: book.playable().map(|c| c.id.clone()).collect(),
            country: 0,
            scenarios: book
                .scenarios
                .iter()
                .map(|s| Offered {
                    def: s.clone(),
                    file: None,
                })
                .collect(),
            scenario: book
                .scenarios
                .iter()
                .position(|s| s.id == "standard")
                .unwrap_or(0),
            seed: String::new(),
            fresh_seed,
            levels: book.model.difficulty.iter().map(|l| l.id.clone()).collect(),
            level: 0,
            field: Field::Country,
        };
        ng.follow_scenario();
        ng
    }

    /// The scenario chosen.
    pub fn current(&self) -> Option<&Offered> {
        self.scenarios.get(self.scenario)
    }

    /// Offers a scenario and chooses it. One with the same content as a
    /// scenario already offered is that one; one read again from the same
    /// file replaces what was read before; any other is added.
    pub fn offer(&mut self, def: ScenarioDef<Raw>, file: Option<String>) {
        let same = self.scenarios.iter().position(|o| o.def == def);
        let refreshed = || {
            file.as_ref().and_then(|f| {
                self.scenarios
                    .iter()
                    .position(|o| o.file.as_ref() == Some(f))
            })
        };
        self.scenario = match same.or_else(refreshed) {
            Some(i) => {
                self.scenarios[i].def = def;
                i
            }
            None => {
                self.scenarios.push(Offered { def, file });
                self.scenarios.len() - 1
            }
        };
        self.follow_scenario();
    }

    /// Sets the seed field (a seed given on the command line).
    pub fn set_seed(&mut self, seed: u64) {
        self.seed = seed.to_string();
    }

    /// Chooses a level of difficulty by id (one given on the command line);
    /// an unknown one leaves the choice as it is.
    pub fn set_difficulty(&mut self, id: &str) {
        if let Some(i) = self.levels.iter().position(|l| l == id) {
            self.level = i;
        }
    }

    /// The level of difficulty chosen (its id).
    pub fn difficulty(&self) -> &str {
        self.levels.get(self.level).map_or(NORMAL, String::as_str)
    }

    /// The state the chosen scenario is written for, when it fixes one.
    fn fixed_country(&self) -> Option<&str> {
        self.current()?.def.country.as_deref()
    }

    /// The state the game will be played as: the scenario's own when it
    /// fixes one (even a state the menu does not offer), else the one
    /// chosen in the list.
    pub fn shown_country(&self) -> Option<&str> {
        self.fixed_country()
            .or_else(|| self.countries.get(self.country).map(String::as_str))
    }

    /// The seed the chosen scenario sets, if any.
    fn scenario_seed(&self) -> Option<u64> {
        self.current()?.def.seed
    }

    /// Puts the other fields in line with the chosen scenario: the state it
    /// is written for, its own seed (or a fresh one when it sets none), and
    /// its own level of difficulty (or normal).
    fn follow_scenario(&mut self) {
        if let Some(c) = self.fixed_country() {
            if let Some(i) = self.countries.iter().position(|id| id == c) {
                self.country = i;
            }
        }
        self.set_seed(self.scenario_seed().unwrap_or(self.fresh_seed));
        let level = self
            .current()
            .and_then(|o| o.def.difficulty.clone())
            .unwrap_or_else(|| NORMAL.to_string());
        self.set_difficulty(&level);
    }

    /// Digits and Backspace edit the seed while it has the focus.
    pub fn handle_text(&mut self, key: &KeyEvent) -> bool {
        if self.field != Field::Seed {
            return false;
        }
        match key.code {
            KeyCode::Char(c) if c.is_ascii_digit() => {
                if self.seed.len() < 19 {
                    self.seed.push(c);
                }
                true
            }
            KeyCode::Backspace => {
                self.seed.pop();
                true
            }
            _ => false,
        }
    }
}

pub fn update(app: &mut App, msg: Msg) {
    let ng = &mut app.new_game;
    let n_scen = ng.scenarios.len().max(1);
    let n_levels = ng.levels.len().max(1);
    match (msg, ng.field) {
        (Msg::Focus, f) => {
            ng.field = match f {
                Field::Country => Field::Scenario,
                Field::Scenario => Field::Seed,
                Field::Seed => Field::Difficulty,
                Field::Difficulty => Field::Country,
            }
        }
        (Msg::Up | Msg::Down, Field::Country) if ng.fixed_country().is_some() => {
            app.status = Some(format!(
                "This scenario is written for this state: {}{} on the scenario to change it.",
                key_short(Msg::Left),
                key_short(Msg::Right)
            ));
        }
        (Msg::Up, Field::Country) => ng.country = ng.country.saturating_sub(1),
        (Msg::Down, Field::Country) => {
            ng.country = (ng.country + 1).min(ng.countries.len().saturating_sub(1))
        }
        (Msg::Up | Msg::Down, _) => {
            ng.field = if msg == Msg::Up {
                Field::Country
            } else {
                Field::Seed
            }
        }
        (Msg::Left | Msg::Right, Field::Scenario) => {
            ng.scenario = if msg == Msg::Left {
                (ng.scenario + n_scen - 1) % n_scen
            } else {
                (ng.scenario + 1) % n_scen
            };
            ng.follow_scenario();
        }
        (Msg::Left, Field::Difficulty) => ng.level = (ng.level + n_levels - 1) % n_levels,
        (Msg::Right, Field::Difficulty) => ng.level = (ng.level + 1) % n_levels,
        (Msg::Back, _) => app.screen = Screen::Title,
        (Msg::Select, _) => start(app),
        _ => {}
    }
}

/// Starts the game set up on the screen. A scenario written for one state
/// is started as the command line starts it, without naming the state, so
/// that both give the same game.
fn start(app: &mut App) {
    let ng = &app.new_game;
    let Some(offered) = ng.current() else {
        return;
    };
    let country = match offered.def.country {
        Some(_) => None,
        None => match ng.countries.get(ng.country) {
            Some(c) => Some(c.as_str()),
            None => return,
        },
    };
    let Ok(seed) = ng.seed.parse::<u64>() else {
        app.status = Some("The seed must be a whole number.".into());
        return;
    };
    let level = ng.difficulty().to_string();
    match Game::at(&app.book, offered.def.clone(), country, seed, &level) {
        Ok(game) => {
            app.status = None;
            app.start(game);
        }
        Err(e) => app.status = Some(clean(&e.to_string()).into_owned()),
    }
}

pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let (t, ng, book) = (&app.theme, &app.new_game, &app.book);
    let [head, body, bottom, st, foot] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Fill(1),
        Constraint::Length(7),
        Constraint::Length(1),
        Constraint::Length(1),
    ])
    .areas(area);
    Paragraph::new(Line::styled(
        format!(
            " New game: state, scenario, seed, level ({} between them; {} starts)",
            key(Msg::Focus),
            key(Msg::Select)
        ),
        t.title(),
    ))
    .render(head, buf);
    let [left, profile] =
        Layout::horizontal([Constraint::Length(24), Constraint::Fill(1)]).areas(body);
    let [list, level] = Layout::vertical([Constraint::Fill(1), Constraint::Length(6)]).areas(left);
    render_difficulty(app, level, buf);
    // A scenario written for a state the menu does not offer shows that
    // state, after the others.
    let shown = ng.shown_country();
    let extra = shown.filter(|id| !ng.countries.iter().any(|c| c == id));
    let lines: Vec<Line> = ng
        .countries
        .iter()
        .map(String::as_str)
        .chain(extra)
        .map(|id| {
            let name = book.country_named(id).map_or(id, |c| c.name.as_str());
            if Some(id) == shown {
                Line::styled(format!("{} {name}", t.pointer()), t.selected())
            } else {
                Line::raw(format!("  {name}"))
            }
        })
        .collect();
    Paragraph::new(lines)
        .block(panel(
            t,
            if ng.fixed_country().is_some() {
                " State (fixed) "
            } else {
                " State "
            },
            ng.field == Field::Country,
        ))
        .render(list, buf);
    if let Some(c) = shown.and_then(|id| book.country_named(id)) {
        let mut lines = vec![
            Line::styled(format!("{} — capital {}", c.name, c.capital), t.heading()),
            Line::raw(c.summary.clone()),
            Line::raw(""),
        ];
        if !c.flags.is_empty() {
            lines.push(Line::from(vec![
                Span::styled("Starts with: ", t.heading()),
                Span::raw(
                    c.flags
                        .iter()
                        .map(|f| book.flag_name(*f))
                        .collect::<Vec<_>>()
                        .join("; "),
                ),
            ]));
        }
        Paragraph::new(lines)
            .wrap(Wrap { trim: true })
            .block(panel(t, " Profile ", false))
            .render(profile, buf);
    }
    let [scen, seed] =
        Layout::horizontal([Constraint::Fill(1), Constraint::Length(28)]).areas(bottom);
    if let Some(o) = ng.current() {
        // A scenario from a file is the player's text: cleaned before it is drawn.
        let s = &o.def;
        let mut lines = vec![Line::from(vec![
            Span::styled(format!("◂ {} ▸", clean(&s.name)), t.heading()),
            Span::styled(
                format!("  {} turns", s.turns.unwrap_or(book.model.defaults.turns)),
                t.dim(),
            ),
        ])];
        if let Some(file) = &o.file {
            lines.push(Line::styled(
                format!("From the file {}", clean(file)),
                t.dim(),
            ));
        }
        lines.push(Line::raw(clean(&s.summary).into_owned()));
        Paragraph::new(lines)
            .wrap(Wrap { trim: true })
            .block(panel(
                t,
                format!(
                    " Scenario ({}{}) ",
                    key_short(Msg::Left),
                    key_short(Msg::Right)
                ),
                ng.field == Field::Scenario,
            ))
            .render(scen, buf);
    }
    let cursor = if ng.field == Field::Seed { "_" } else { "" };
    let note = match ng.scenario_seed() {
        Some(s) if ng.seed == s.to_string() => [
            "The scenario's own seed:".to_string(),
            "everyone who keeps it".to_string(),
            "plays the same world.".to_string(),
        ],
        Some(s) => [
            format!("Scenario's seed: {s}."),
            "The same seed and choices".to_string(),
            "give the same game.".to_string(),
        ],
        None => [
            "The same seed and choices".to_string(),
            "give the same game.".to_string(),
            String::new(),
        ],
    };
    let mut lines = vec![Line::styled(format!("{}{cursor}", ng.seed), t.heading())];
    lines.extend(note.into_iter().map(|l| Line::styled(l, t.dim())));
    Paragraph::new(lines)
        .block(panel(t, " Seed (type digits) ", ng.field == Field::Seed))
        .render(seed, buf);
    status(t, app.status.as_deref(), st, buf);
    footer(t, Ctx::NewGame, foot, buf);
}

/// The level of difficulty chosen, with its summary from the model.
fn render_difficulty(app: &App, area: Rect, buf: &mut Buffer) {
    let (t, ng) = (&app.theme, &app.new_game);
    let level = app.book.model.level(ng.difficulty());
    let name = level.map_or(ng.difficulty(), |l| l.name.as_str());
    let mut lines = vec![Line::styled(format!("◂ {name} ▸"), t.heading())];
    if let Some(l) = level {
        lines.push(Line::styled(l.summary.clone(), t.dim()));
    }
    Paragraph::new(lines)
        .wrap(Wrap { trim: true })
        .block(panel(
            t,
            format!(
                " Difficulty ({}{}) ",
                key_short(Msg::Left),
                key_short(Msg::Right)
            ),
            ng.field == Field::Difficulty,
        ))
        .render(area, buf);
}
