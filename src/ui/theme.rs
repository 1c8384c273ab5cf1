//! The one palette of the game's screens.
//!
//! Colours are Okabe–Ito, told apart with any common colour blindness, and
//! colour never carries a meaning alone: risk is also `▲` and bold, the
//! selection is also reversed and marked `▸`. With `NO_COLOR` set (or no
//! colour asked for) every style keeps only its modifiers.

use ratatui::style::{Color, Modifier, Style};

use crate::rules::Power;

/// Okabe–Ito colours.
pub mod okabe_ito {
    use ratatui::style::Color;
    pub const ORANGE: Color = Color::Rgb(230, 159, 0);
    pub const SKY_BLUE: Color = Color::Rgb(86, 180, 233);
    pub const BLUISH_GREEN: Color = Color::Rgb(0, 158, 115);
    pub const YELLOW: Color = Color::Rgb(240, 228, 66);
    pub const BLUE: Color = Color::Rgb(0, 114, 178);
    pub const VERMILLION: Color = Color::Rgb(213, 94, 0);
    pub const REDDISH_PURPLE: Color = Color::Rgb(204, 121, 167);
    pub const GREY: Color = Color::Rgb(140, 140, 140);
}

use okabe_ito::*;

/// The styles of every screen, with or without colour, and the symbols.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    pub color: bool,
    pub ascii: bool,
}

impl Theme {
    pub fn new(color: bool, ascii: bool) -> Theme {
        Theme { color, ascii }
    }

    /// Colour unless `NO_COLOR` is set to anything non-empty.
    pub fn color_from_env() -> bool {
        std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
    }

    fn fg(&self, c: Color) -> Style {
        if self.color {
            Style::new().fg(c)
        } else {
            Style::new()
        }
    }

    pub fn text(&self) -> Style {
        Style::new()
    }
    pub fn title(&self) -> Style {
        self.fg(SKY_BLUE).add_modifier(Modifier::BOLD)
    }
    pub fn heading(&self) -> Style {
        Style::new().add_modifier(Modifier::BOLD)
    }
    pub fn dim(&self) -> Style {
        if self.color {
            Style::new().fg(GREY)
        } else {
            Style::new().add_modifier(Modifier::DIM)
        }
    }
    pub fn key(&self) -> Style {
        self.fg(ORANGE).add_modifier(Modifier::BOLD)
    }
    pub fn border(&self) -> Style {
        self.fg(GREY)
    }
    pub fn border_focus(&self) -> Style {
        self.fg(SKY_BLUE).add_modifier(Modifier::BOLD)
    }
    pub fn selected(&self) -> Style {
        Style::new().add_modifier(Modifier::REVERSED)
    }
    /// Something good for the player: a gain (with `+`/`▲`).
    pub fn good(&self) -> Style {
        self.fg(BLUISH_GREEN)
    }
    /// Something bad: a loss, a risk (with `−`/`▼`, bold).
    pub fn bad(&self) -> Style {
        self.fg(VERMILLION).add_modifier(Modifier::BOLD)
    }
    pub fn warn(&self) -> Style {
        self.fg(YELLOW).add_modifier(Modifier::BOLD)
    }
    pub fn quote(&self) -> Style {
        self.fg(SKY_BLUE).add_modifier(Modifier::ITALIC)
    }
    pub fn status(&self) -> Style {
        self.fg(YELLOW)
    }
    pub fn power(&self, p: Power) -> Style {
        self.fg(match p {
            Power::Russia => BLUE,
            Power::China => VERMILLION,
            Power::Turkey => REDDISH_PURPLE,
            Power::Eu => YELLOW,
        })
    }
    pub fn autonomy(&self) -> Style {
        self.fg(SKY_BLUE)
    }
    pub fn leverage(&self) -> Style {
        self.fg(ORANGE)
    }
    pub fn stability(&self) -> Style {
        self.fg(BLUISH_GREEN)
    }

    /// Marks a share over half of a domain (asymmetric dependence).
    pub fn risk_mark(&self) -> &'static str {
        if self.ascii { "^" } else { "▲" }
    }
    pub fn up(&self) -> &'static str {
        if self.ascii { "+" } else { "▲" }
    }
    pub fn down(&self) -> &'static str {
        if self.ascii { "-" } else { "▼" }
    }
    /// The minus sign: a true minus where the terminal can show it.
    pub fn minus(&self) -> &'static str {
        if self.ascii { "-" } else { "−" }
    }
    /// More rows or items below what a panel shows.
    pub fn more_below(&self) -> &'static str {
        if self.ascii { "v" } else { "▼" }
    }
    /// More rows or items above what a panel shows.
    pub fn more_above(&self) -> &'static str {
        if self.ascii { "^" } else { "▲" }
    }
    pub fn pointer(&self) -> &'static str {
        if self.ascii { ">" } else { "▸" }
    }
    pub fn check(&self) -> &'static str {
        if self.ascii { "*" } else { "✓" }
    }
    pub fn cross(&self) -> &'static str {
        if self.ascii { "x" } else { "✗" }
    }
    pub fn arrow(&self) -> &'static str {
        if self.ascii { "->" } else { "→" }
    }
    pub fn bar(&self) -> (&'static str, &'static str) {
        if self.ascii {
            ("#", "-")
        } else {
            ("█", "░")
        }
    }
}
