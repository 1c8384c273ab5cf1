//! The tutorial's tips (`assets/tips.ron`, embedded): what the game
//! explains on screen the first time the player meets each screen, score
//! and mechanic, in a scenario marked `tutorial: true`. This module only
//! reads and checks them; when each is met and how it is shown is the
//! terminal's (`ui::tutorial`).

use std::collections::BTreeSet;

use serde::Deserialize;

use super::{ContentError, parse};

/// The tips, as built into the game.
pub const TUTORIAL: &str = include_str!("../../assets/tips.ron");

/// When a tip is met: the first moment this holds (see the file's header).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
pub enum Moment {
    Board,
    Scores,
    Preview,
    Plan,
    News,
    Event,
    Ladder,
    Project,
    Goals,
    World,
    End,
}

/// One tip: shown once, until dismissed.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Tip {
    pub id: String,
    pub when: Moment,
    pub title: String,
    /// May name keys as `{end_turn}`, `{focus}`, ...: the terminal puts in
    /// the keys its keymap binds.
    pub text: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct TutorialFile {
    tips: Vec<Tip>,
}

/// Reads and checks tips from the text of a tutorial file: every tip has an
/// id of its own, a title and a text.
pub fn parse_tips(file: &str, text: &str) -> Result<Vec<Tip>, ContentError> {
    let tips = parse::<TutorialFile>(file, text)?.tips;
    let mut ids = BTreeSet::new();
    for (i, t) in tips.iter().enumerate() {
        let at = |what: &str| ContentError::new(file, format!("tips[{i}] `{}`: {what}", t.id));
        if t.id.trim().is_empty() {
            return Err(at("id: empty"));
        }
        if !ids.insert(t.id.as_str()) {
            return Err(at("id: given twice"));
        }
        if t.title.trim().is_empty() || t.text.trim().is_empty() {
            return Err(at("a tip needs a title and a text"));
        }
    }
    Ok(tips)
}

/// The built-in tips.
pub fn tips() -> Result<Vec<Tip>, ContentError> {
    parse_tips("tips.ron", TUTORIAL)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_built_in_tips_load_one_for_each_moment() {
        let tips = tips().unwrap();
        for m in [
            Moment::Board,
            Moment::Scores,
            Moment::Preview,
            Moment::Plan,
            Moment::News,
            Moment::Event,
            Moment::Ladder,
            Moment::Project,
            Moment::Goals,
            Moment::World,
            Moment::End,
        ] {
            assert_eq!(tips.iter().filter(|t| t.when == m).count(), 1, "{m:?}");
        }
    }

    #[test]
    fn a_tip_without_text_or_given_twice_is_refused() {
        let one = r#"(id: "a", when: Board, title: "A", text: "Some text.")"#;
        let twice = format!("(tips: [{one}, {one}])");
        let e = parse_tips("t.ron", &twice).unwrap_err();
        assert!(e.to_string().contains("given twice"), "{e}");
        let empty = r#"(tips: [(id: "a", when: Board, title: "A", text: " ")])"#;
        let e = parse_tips("t.ron", empty).unwrap_err();
        assert!(e.to_string().contains("needs a title and a text"), "{e}");
        let unknown = r#"(tips: [(id: "a", when: Never, title: "A", text: "x")])"#;
        assert!(parse_tips("t.ron", unknown).is_err());
    }
}
