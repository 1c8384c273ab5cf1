//! What the screens show about a rule, computed by the rules: the odds on
//! a crisis ladder, how a change fades, what each part of leverage adds.
//! The screens call these and never repeat a rule's arithmetic.

use super::book::Book;
use super::record::Cause;
use super::scoring::Leverage;
use super::state::State;
use super::turn::reactions::resolve;
use super::types::{Power, Var};

/// The chance (0–1) that a power standing on its crisis ladder backs down
/// at the next end of turn if the player holds firm (while its strain stays
/// above the level at which it lets the matter drop).
pub fn yield_odds(state: &State, book: &Book, p: Power) -> f64 {
    1.0 - resolve(state, book, p)
}

/// How a change lasts.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Fade {
    /// Built into the structure (a completed project, a binding tie): it stays.
    Lasts,
    /// A share moved by anything but structure: structural pull takes this
    /// many points a turn back.
    Pull(u32),
    /// The number keeps this share of itself each turn (strain, the
    /// leverage bonus).
    Keeps(f64),
}

/// Whether a change of `var` caused by `cause` fades, and how; `None` for
/// numbers that no rule of the model pulls back (drift rules in the
/// content may: see `book.world.drift`).
pub fn fade(book: &Book, cause: &Cause, var: &Var) -> Option<Fade> {
    match var {
        Var::Share(..) if cause.is_structural() => Some(Fade::Lasts),
        Var::Share(..) => Some(Fade::Pull(book.model.pull.step)),
        Var::Strain(_) => Some(Fade::Keeps(book.model.strain.fade)),
        Var::Leverage | Var::Bonus => Some(Fade::Keeps(book.model.leverage.bonus_fade)),
        _ => None,
    }
}

impl Leverage {
    /// Each part of leverage with its value and what it adds to the total
    /// (the penalty negative): the powers' stakes (their mean), strategic
    /// assets, the bridge to Europe, the embrace penalty, the bonus. The
    /// total is clamped to 0–100, so the parts add up to it only inside.
    pub fn contributions(&self, book: &Book, assets: f64) -> [(&'static str, f64, f64); 5] {
        let m = &book.model.leverage;
        [
            (
                "stakes",
                self.competition(),
                m.competition * self.competition(),
            ),
            ("assets", assets, m.assets * assets),
            ("bridge", self.bridge, m.bridge * self.bridge),
            ("embrace", self.embrace, -self.embrace),
            ("bonus", self.bonus, self.bonus),
        ]
    }
}
