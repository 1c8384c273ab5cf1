//! `replay`: plays a saved game again from its scenario, seed and decisions
//! alone, and says whether that gives the state the save holds, and so
//! whether the save can be trusted: verified (on the built-in scenario of
//! its id, or on a custom one, named with its hash), edited, or written by
//! another version of the game whose decisions no longer replay.

use std::path::Path;

use serde::{Serialize, Serializer};

use crate::rules::defs::ScenarioDef;
use crate::rules::scoring::final_score;
use crate::rules::{Book, Raw};

use super::format::{GAME_VERSION, Loaded, SaveFile, scenario_hash};
use super::{SaveError, read};

/// Whether a save's scenario is the built-in one it names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Origin {
    /// The built-in scenario of that id, unchanged.
    BuiltIn,
    /// A scenario with a built-in id whose content differs from it.
    Changed,
    /// A scenario whose id is not a built-in one (a teacher's own).
    Unknown,
}

impl Origin {
    /// Compares a save's scenario with the built-in one of the same id.
    pub fn of(book: &Book, scenario: &ScenarioDef<Raw>) -> Origin {
        match book.scenario(&scenario.id) {
            Some(b) if b == scenario => Origin::BuiltIn,
            Some(_) => Origin::Changed,
            None => Origin::Unknown,
        }
    }

    pub fn words(self) -> &'static str {
        match self {
            Origin::BuiltIn => "built-in",
            Origin::Changed => "custom scenario (not the built-in one)",
            Origin::Unknown => "custom scenario",
        }
    }
}

impl Serialize for Origin {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.words())
    }
}

/// What replaying a save says of it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    /// The decisions reproduce the saved game.
    Verified,
    /// Written by this version with this content, and the decisions do not
    /// give the game the save shows: it was changed by hand.
    Edited,
    /// Written by another version of the game (or with other content), and
    /// its decisions no longer replay with this one: not verified, and not
    /// called edited either.
    AnotherVersion,
}

impl Verdict {
    /// The verdict on a save whose decisions do (`matches`) or do not
    /// reproduce it, read by `book`.
    pub fn of(book: &Book, file: &SaveFile, matches: bool) -> Verdict {
        if matches {
            Verdict::Verified
        } else if file.game != GAME_VERSION || file.fingerprint != book.fingerprint {
            Verdict::AnotherVersion
        } else {
            Verdict::Edited
        }
    }

    pub fn words(self) -> &'static str {
        match self {
            Verdict::Verified => "verified",
            Verdict::Edited => "edited",
            Verdict::AnotherVersion => "another version, not verified",
        }
    }
}

/// What `multivector replay` found.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ReplayReport {
    pub path: String,
    pub scenario: String,
    /// The scenario's name, as the save carries it.
    pub scenario_name: String,
    /// Whether the save's scenario is the built-in one of its id.
    pub scenario_origin: Origin,
    /// The content hash of the save's scenario: which file it was.
    pub scenario_hash: String,
    pub country: String,
    pub seed: u64,
    /// The level of difficulty played at.
    pub difficulty: String,
    pub decisions: usize,
    /// Turns played.
    pub turns: u32,
    pub date: String,
    /// The ending's id, when the game is over.
    pub outcome: Option<String>,
    /// The ending's name, when the game is over.
    pub outcome_name: Option<String>,
    /// The scores the save shows (those of the rebuilt game for a save that
    /// shows none).
    pub autonomy: f64,
    pub leverage: f64,
    pub stability: f64,
    /// The final score when the game is over; otherwise the score the game
    /// would have if it ended now, without an ending's bonus.
    pub score: f64,
    /// Whether the decisions reproduce the saved state.
    pub matches: bool,
    /// Verified, edited, or another version's.
    pub verdict: Verdict,
    /// The first turn at which the replayed game differs from the save.
    pub first_difference: Option<u32>,
    /// When a recorded decision is refused on replay, which and why.
    pub reason: Option<String>,
    /// The version of the game that wrote the save.
    pub written_by: String,
    /// The fingerprint of the content and model the save was played with.
    pub fingerprint: String,
    /// This version of the game, and the fingerprint of its content.
    pub this_version: String,
    pub this_fingerprint: String,
}

/// Reads the save at `path` and replays it. A save that does not match its
/// decisions is not an error: the report says so (`matches: false`, and
/// the verdict). The error is for a file that is not a readable save, or a
/// game that cannot start again with this content.
pub fn replay(book: &Book, path: &Path) -> Result<ReplayReport, SaveError> {
    let loaded = read(book, path)?;
    Ok(report_of(book, path, &loaded))
}

/// The replay report of a save already read from `path` (which only names
/// it in the report).
pub fn report_of(book: &Book, path: &Path, loaded: &Loaded) -> ReplayReport {
    let s = loaded.game.state();
    let claimed = loaded.file.state.as_ref();
    let outcome = claimed.map_or_else(
        || s.outcome().map(|o| book.ending(o.ending).id.clone()),
        |c| c.outcome.clone(),
    );
    let outcome_name = outcome.as_ref().map(|id| {
        book.ending_id(id).map_or_else(
            || crate::text::clean(id).into_owned(),
            |e| book.ending(e).title.clone(),
        )
    });
    let (autonomy, leverage, stability) = claimed
        .map_or((s.autonomy(), s.leverage(), s.stability()), |c| {
            (c.autonomy, c.leverage, c.stability)
        });
    let score = match (claimed, s.outcome()) {
        (Some(c), _) => c
            .score
            .unwrap_or_else(|| final_score(&book.model, autonomy, leverage, stability, 0.0)),
        (None, Some(o)) => o.score,
        (None, None) => final_score(&book.model, autonomy, leverage, stability, 0.0),
    };
    let matches = loaded.refused.is_none() && loaded.first_difference.is_none();
    let clean = |s: &str| crate::text::clean(s).into_owned();
    let scenario = &loaded.game.scenario;
    ReplayReport {
        path: clean(&path.display().to_string()),
        scenario: clean(&scenario.id),
        scenario_name: clean(&scenario.name),
        scenario_origin: Origin::of(book, scenario),
        scenario_hash: scenario_hash(scenario)
            .unwrap_or_else(|_| clean(&loaded.file.scenario_hash)),
        country: claimed.map_or_else(
            || book.country(s.country()).id.clone(),
            |c| crate::text::clean(&c.country).into_owned(),
        ),
        seed: loaded.game.seed,
        difficulty: clean(&loaded.game.difficulty),
        decisions: loaded.file.decisions.len(),
        turns: claimed.map_or(s.turn(), |c| c.turn),
        date: claimed.map_or_else(
            || s.date_label(),
            |c| crate::text::clean(&c.date).into_owned(),
        ),
        outcome: outcome.map(|o| crate::text::clean(&o).into_owned()),
        outcome_name,
        autonomy,
        leverage,
        stability,
        score,
        matches,
        verdict: Verdict::of(book, &loaded.file, matches),
        first_difference: loaded.first_difference,
        reason: loaded.refused.as_ref().map(|(turn, reason)| {
            format!(
                "turn {}: a recorded decision is refused: {reason}",
                turn.saturating_add(1)
            )
        }),
        written_by: clean(&loaded.file.game),
        fingerprint: clean(&loaded.file.fingerprint),
        this_version: GAME_VERSION.to_string(),
        this_fingerprint: book.fingerprint.clone(),
    }
}

impl ReplayReport {
    /// The report as the lines `multivector replay` prints. For a save of
    /// another version whose decisions no longer replay, one line: see
    /// [`ReplayReport::another_version_line`].
    pub fn text(&self) -> String {
        let mut out = String::new();
        match self.verdict {
            Verdict::AnotherVersion => {
                out.push_str(&self.another_version_line());
                out.push('\n');
                return out;
            }
            Verdict::Verified => {
                out.push_str(&format!(
                    "{}: the {} reproduce{} the saved game.\n",
                    self.path,
                    counted(
                        self.decisions as u64,
                        "recorded decision",
                        "recorded decisions"
                    ),
                    if self.decisions == 1 { "s" } else { "" }
                ));
                out.push_str(&format!("  {}\n", self.scenario_line()));
            }
            Verdict::Edited => {
                out.push_str(&format!(
                    "{}: the saved game does not follow from its decisions: it differs from turn {}.\n",
                    self.path,
                    self.first_difference.unwrap_or(0)
                ));
                if let Some(reason) = &self.reason {
                    out.push_str(&format!("  {reason}\n"));
                }
                out.push_str(&format!(
                    "  The save was changed by hand: it was written by this version of the game ({}), with the same content.\n",
                    self.this_version
                ));
            }
        }
        out.push_str(&format!(
            "{} ({} scenario, seed {}, {}): {} played, now {}\n",
            self.country,
            self.scenario,
            self.seed,
            self.difficulty,
            counted(u64::from(self.turns), "turn", "turns"),
            self.date
        ));
        out.push_str(&format!(
            "{}autonomy {:.1}  leverage {:.1}  stability {:.1}  score {:.1}{}\n",
            if self.matches {
                ""
            } else {
                "the save claims: "
            },
            self.autonomy,
            self.leverage,
            self.stability,
            self.score,
            if self.outcome.is_some() {
                ""
            } else {
                " (so far)"
            }
        ));
        if let Some(id) = &self.outcome {
            let name = self.outcome_name.as_deref().unwrap_or(id);
            out.push_str(&format!("outcome: {name}\n"));
        }
        out
    }

    /// Which scenario the save was played on, in words: the built-in one,
    /// or a custom one named with its content hash (so that a teacher can
    /// tell whose file it was).
    pub fn scenario_line(&self) -> String {
        match self.scenario_origin {
            Origin::BuiltIn => format!("On the built-in scenario `{}`.", self.scenario),
            Origin::Changed => format!(
                "On a custom scenario (not the built-in one): a changed copy of `{}`, content hash {}.",
                self.scenario, self.scenario_hash
            ),
            Origin::Unknown => format!(
                "On a custom scenario: `{}` \"{}\", content hash {}.",
                self.scenario, self.scenario_name, self.scenario_hash
            ),
        }
    }

    /// Which version wrote the save and which reads it, with the content
    /// each was played with, and where the replay parted from the save.
    pub fn versions(&self) -> String {
        let fp = |f: &str| if f.is_empty() { "unknown" } else { f }.to_string();
        let mut s = format!(
            "written by Multivector {} (content {}); this is {} (content {})",
            self.written_by,
            fp(&self.fingerprint),
            self.this_version,
            fp(&self.this_fingerprint)
        );
        if let Some(reason) = &self.reason {
            s.push_str(&format!("; {reason}"));
        } else if let Some(t) = self.first_difference {
            s.push_str(&format!("; the replay differs from turn {t}"));
        }
        s
    }

    /// The one line said of a save written by another version of the game
    /// (or with other content) whose decisions no longer replay: both
    /// versions, both fingerprints, and what to do.
    pub fn another_version_line(&self) -> String {
        let fp = |f: &str| {
            if f.is_empty() {
                "unknown".to_string()
            } else {
                f.to_string()
            }
        };
        let first = self
            .first_difference
            .map_or_else(String::new, |t| format!(" (from turn {t})"));
        if self.written_by == self.this_version {
            format!(
                "{}: written by Multivector {} with other content ({}), whose decisions no longer replay{first} with this build's content ({}): not verified, not edited; replay it with the build that wrote it.",
                self.path,
                self.written_by,
                fp(&self.fingerprint),
                fp(&self.this_fingerprint)
            )
        } else {
            format!(
                "{}: written by Multivector {} (content {}), whose decisions no longer replay{first} with this version, {} (content {}): not verified, not edited; replay it with version {}.",
                self.path,
                self.written_by,
                fp(&self.fingerprint),
                self.this_version,
                fp(&self.this_fingerprint),
                self.written_by
            )
        }
    }
}

/// "1 turn", "3 turns".
fn counted(n: u64, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

#[cfg(test)]
mod text_tests {
    use super::*;

    fn report(turns: u32, decisions: usize) -> ReplayReport {
        ReplayReport {
            path: "s.ron".into(),
            scenario: "standard".into(),
            scenario_name: "Multi-vector (standard)".into(),
            scenario_origin: Origin::BuiltIn,
            scenario_hash: "fnv1a64:0000000000000001".into(),
            country: "Kazakhstan".into(),
            seed: 1,
            difficulty: "normal".into(),
            decisions,
            turns,
            date: "2026 Q2".into(),
            outcome: None,
            outcome_name: None,
            autonomy: 50.0,
            leverage: 50.0,
            stability: 50.0,
            score: 50.0,
            matches: true,
            verdict: Verdict::Verified,
            first_difference: None,
            reason: None,
            written_by: "0.2.0".into(),
            fingerprint: "fnv1a64:00000000000000aa".into(),
            this_version: "0.2.0".into(),
            this_fingerprint: "fnv1a64:00000000000000aa".into(),
        }
    }

    #[test]
    fn one_turn_is_a_turn() {
        let one = report(1, 1).text();
        assert!(one.contains("): 1 turn played, now"), "{one}");
        assert!(one.contains("the 1 recorded decision reproduces"), "{one}");
        let many = report(3, 5).text();
        assert!(many.contains("): 3 turns played"), "{many}");
        assert!(
            many.contains("the 5 recorded decisions reproduce "),
            "{many}"
        );
    }

    #[test]
    fn a_custom_scenario_is_named_with_its_hash() {
        let mut r = report(3, 5);
        assert!(r.text().contains("On the built-in scenario `standard`."));
        r.scenario_origin = Origin::Changed;
        let changed = r.text();
        assert!(
            changed.contains("custom scenario (not the built-in one)")
                && changed.contains("fnv1a64:0000000000000001"),
            "{changed}"
        );
        r.scenario_origin = Origin::Unknown;
        r.scenario = "my-lesson".into();
        r.scenario_name = "My lesson".into();
        let own = r.text();
        assert!(
            own.contains("On a custom scenario: `my-lesson` \"My lesson\", content hash fnv1a64:0000000000000001."),
            "{own}"
        );
    }

    #[test]
    fn another_versions_save_is_one_line_naming_both_versions() {
        let mut r = report(3, 5);
        r.matches = false;
        r.verdict = Verdict::AnotherVersion;
        r.first_difference = Some(2);
        r.written_by = "0.1.0".into();
        r.fingerprint = "fnv1a64:00000000000000bb".into();
        let line = r.text();
        assert_eq!(line.lines().count(), 1, "{line}");
        for words in [
            "written by Multivector 0.1.0 (content fnv1a64:00000000000000bb)",
            "no longer replay (from turn 2) with this version, 0.2.0 (content fnv1a64:00000000000000aa)",
            "not verified, not edited",
        ] {
            assert!(line.contains(words), "{words}: {line}");
        }
        assert!(!line.contains("changed by hand"), "{line}");
        // The same version with other content (another build, another model).
        r.written_by = "0.2.0".into();
        let line = r.another_version_line();
        assert!(
            line.contains("with other content (fnv1a64:00000000000000bb)"),
            "{line}"
        );
    }
}
