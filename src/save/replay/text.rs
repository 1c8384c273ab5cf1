//! What `multivector replay` says of a save, in words.

use super::{Origin, ReplayReport, Verdict};

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

/// A content fingerprint, or "unknown" for a save that has none.
fn fp(f: &str) -> &str {
    if f.is_empty() { "unknown" } else { f }
}

/// "1 turn", "3 turns".
fn counted(n: u64, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

#[cfg(test)]
mod tests {
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
