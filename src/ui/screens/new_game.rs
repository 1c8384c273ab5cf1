//! The new-game screen: the state to govern (with its profile), the
//! scenario, and the seed of the game's chance.

use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{KeyCode, KeyEvent};
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget, Wrap};

use crate::rules::{Book, Game};
use crate::ui::app::{App, Screen};
use crate::ui::keymap::{Ctx, Msg, key, key_short};
use crate::ui::widgets::{footer, panel, status};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    Country,
    Scenario,
    Seed,
}

#[derive(Debug, Clone)]
pub struct NewGameState {
    /// Ids of the playable states, in the book's order.
    pub countries: Vec<String>,
    pub country: usize,
    pub scenario: usize,
    pub seed: String,
    pub field: Field,
}

impl NewGameState {
    pub fn new(book: &Book, seed: u64) -> NewGameState {
        NewGameState {
            countries: book.playable().map(|c| c.id.clone()).collect(),
            country: 0,
            scenario: book
                .scenarios
                .iter()
                .position(|s| s.id == "standard")
                .unwrap_or(0),
            seed: seed.to_string(),
            field: Field::Country,
        }
    }

    pub fn pick_scenario(&mut self, book: &Book, id: &str) {
        if let Some(i) = book.scenarios.iter().position(|s| s.id == id) {
            self.scenario = i;
            self.follow_scenario(book);
        }
    }

    /// The state a scenario is written for, when it fixes one.
    fn fixed_country<'a>(&self, book: &'a Book) -> Option<&'a str> {
        book.scenarios.get(self.scenario)?.country.as_deref()
    }

    /// Selects the state the chosen scenario is written for.
    fn follow_scenario(&mut self, book: &Book) {
        if let Some(c) = self.fixed_country(book) {
            if let Some(i) = self.countries.iter().position(|id| id == c) {
                self.country = i;
            }
        }
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
    let n_scen = app.book.scenarios.len().max(1);
    match (msg, ng.field) {
        (Msg::Focus, f) => {
            ng.field = match f {
                Field::Country => Field::Scenario,
                Field::Scenario => Field::Seed,
                Field::Seed => Field::Country,
            }
        }
        (Msg::Up | Msg::Down, Field::Country) if ng.fixed_country(&app.book).is_some() => {
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
            ng.follow_scenario(&app.book);
        }
        (Msg::Back, _) => app.screen = Screen::Title,
        (Msg::Select, _) => start(app),
        _ => {}
    }
}

fn start(app: &mut App) {
    let ng = &app.new_game;
    let Some(country) = ng.countries.get(ng.country).cloned() else {
        return;
    };
    let Some(scenario) = app.book.scenarios.get(ng.scenario).cloned() else {
        return;
    };
    let Ok(seed) = ng.seed.parse::<u64>() else {
        app.status = Some("The seed must be a whole number.".into());
        return;
    };
    match Game::new(&app.book, scenario, Some(&country), seed) {
        Ok(game) => {
            app.status = None;
            app.start(game);
        }
        Err(e) => app.status = Some(e.to_string()),
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
            " New game: a state, a scenario, a seed ({} between them; {} starts)",
            key(Msg::Focus),
            key(Msg::Select)
        ),
        t.title(),
    ))
    .render(head, buf);
    let [list, profile] =
        Layout::horizontal([Constraint::Length(24), Constraint::Fill(1)]).areas(body);
    let lines: Vec<Line> = ng
        .countries
        .iter()
        .enumerate()
        .map(|(i, id)| {
            let name = book.country(id).map_or(id.as_str(), |c| c.name.as_str());
            if i == ng.country {
                Line::styled(format!("{} {name}", t.pointer()), t.selected())
            } else {
                Line::raw(format!("  {name}"))
            }
        })
        .collect();
    Paragraph::new(lines)
        .block(panel(
            t,
            if ng.fixed_country(book).is_some() {
                " State (fixed) "
            } else {
                " State "
            },
            ng.field == Field::Country,
        ))
        .render(list, buf);
    if let Some(c) = ng.countries.get(ng.country).and_then(|id| book.country(id)) {
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
                        .map(|f| book.world.flag_name(f))
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
    if let Some(s) = book.scenarios.get(ng.scenario) {
        let lines = vec![
            Line::from(vec![
                Span::styled(format!("◂ {} ▸", s.name), t.heading()),
                Span::styled(format!("  {} turns", s.turns), t.dim()),
            ]),
            Line::raw(s.summary.clone()),
        ];
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
    Paragraph::new(vec![
        Line::styled(format!("{}{cursor}", ng.seed), t.heading()),
        Line::styled("The same seed and choices", t.dim()),
        Line::styled("give the same game.", t.dim()),
    ])
    .block(panel(t, " Seed (type digits) ", ng.field == Field::Seed))
    .render(seed, buf);
    status(t, app.status.as_deref(), st, buf);
    footer(t, Ctx::NewGame, foot, buf);
}
