//! Bringing an older save up to the current format, one version at a time.
//!
//! When the format changes: raise [`super::VERSION`], add one function to
//! [`STEPS`] that turns a version-N document into a version-N+1 one, and
//! commit a real save of the old version under `tests/fixtures/` (next to
//! `save-v1.ron`), whose test then checks that it still loads.
//!
//! - Version 1 → 2 ([`v1_to_v2`]): the save became its decisions. The
//!   stored state (with its whole log) is dropped: a loaded game is rebuilt
//!   from its decisions, and version 2 stores only a readable view of the
//!   state, to compare. The scenario moved to the new scenario format
//!   (objectives with conditions, optional lengths), and the save records
//!   the game version, the content's fingerprint (unknown for a version-1
//!   save) and the level of difficulty (version 1 knew only what is now
//!   `normal`).
//!
//! The steps work on a [`Document`]: the save's top-level fields, in order,
//! each kept as its raw RON text. `ron::Value` cannot be used here: it drops
//! struct and enum variant names (`Plan("visit_ankara")` comes back as a
//! bare sequence), so a value that went through it no longer deserialises
//! as a `Game`. A step may parse and rewrite a field's text with its own
//! types of the old version.

use std::fmt;

use serde::de::{self, Deserializer, MapAccess, Visitor};

/// One step: turns a document of version N into one of version N + 1.
pub type Step = fn(&mut Document) -> Result<(), String>;

/// `STEPS[i]` brings a save of version `i + 1` to version `i + 2`.
pub const STEPS: [Step; (super::VERSION - 1) as usize] = [v1_to_v2];

/// The scenario as version 1 wrote it: the same fields, in the same order,
/// with the types of the time, so that its content hash can be checked.
#[derive(serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct ScenarioV1 {
    id: String,
    name: String,
    summary: String,
    country: Option<String>,
    turns: u32,
    start_year: u32,
    start_quarter: u32,
    seed: Option<u64>,
    overrides: Vec<crate::rules::grammar::Effect<crate::rules::Raw>>,
    deck: Option<Vec<String>>,
    scripted: Vec<(u32, String)>,
    objectives: Vec<String>,
    questions: Vec<String>,
}

/// Version 1 → 2: see the module's documentation.
pub fn v1_to_v2(doc: &mut Document) -> Result<(), String> {
    let raw = doc.get("scenario").ok_or("it has no `scenario` field")?;
    let old: ScenarioV1 = ron::Options::default().from_str(raw).map_err(|e| {
        format!(
            "its scenario cannot be read: {}",
            crate::content::ron_message(&e.code)
        )
    })?;
    let canonical = ron::to_string(&old).map_err(|e| e.to_string())?;
    let hash = format!(
        "fnv1a64:{:016x}",
        crate::text::fnv1a64(canonical.as_bytes())
    );
    let recorded = doc
        .get("scenario_hash")
        .map(|h| h.trim().trim_matches('"').to_string());
    if recorded.as_deref() != Some(hash.as_str()) {
        return Err("its scenario was changed after it was saved".into());
    }
    let new = crate::rules::defs::ScenarioDef::<crate::rules::Raw> {
        id: old.id,
        name: old.name,
        summary: old.summary,
        country: old.country,
        turns: Some(old.turns),
        start_year: Some(old.start_year),
        start_quarter: Some(old.start_quarter),
        seed: old.seed,
        variant: None,
        difficulty: None,
        tutorial: false,
        ambition: None,
        overrides: old.overrides,
        hold: Vec::new(),
        deck: old.deck,
        scripted: old.scripted,
        objectives: old
            .objectives
            .into_iter()
            .map(|text| crate::rules::defs::ObjectiveDef {
                text,
                when: Vec::new(),
            })
            .collect(),
        questions: old.questions,
    };
    let text = ron::to_string(&new).map_err(|e| e.to_string())?;
    let hash = format!("fnv1a64:{:016x}", crate::text::fnv1a64(text.as_bytes()));
    doc.set("scenario", text);
    doc.set("scenario_hash", format!("\"{hash}\""));
    doc.set("game", "\"before 0.2 (save format 1)\"");
    doc.set("fingerprint", "\"\"");
    doc.set("difficulty", "\"normal\"");
    doc.set("state", "None");
    Ok(())
}

/// A save parsed into its top-level fields, each as raw RON text.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Document {
    fields: Vec<(String, String)>,
}

impl Document {
    /// Parses the top-level struct of a save, checking the syntax of the
    /// whole text.
    pub fn parse(text: &str) -> Result<Document, ron::error::SpannedError> {
        let mut de = ron::Deserializer::from_str(text)?;
        let doc = de
            .deserialize_struct("Save", &[], DocumentVisitor)
            .map_err(|e| de.span_error(e))?;
        de.end().map_err(|e| de.span_error(e))?;
        Ok(doc)
    }

    /// The raw text of a field.
    pub fn get(&self, key: &str) -> Option<&str> {
        self.fields
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    }

    /// Sets a field's raw text, adding the field at the end if it is new.
    pub fn set(&mut self, key: &str, raw: impl Into<String>) {
        let raw = raw.into();
        match self.fields.iter_mut().find(|(k, _)| k == key) {
            Some((_, v)) => *v = raw,
            None => self.fields.push((key.to_string(), raw)),
        }
    }

    /// Removes a field and returns its raw text.
    pub fn remove(&mut self, key: &str) -> Option<String> {
        let i = self.fields.iter().position(|(k, _)| k == key)?;
        Some(self.fields.remove(i).1)
    }

    /// Renames a field in place.
    pub fn rename(&mut self, from: &str, to: &str) {
        if let Some((k, _)) = self.fields.iter_mut().find(|(k, _)| k == from) {
            *k = to.to_string();
        }
    }

    /// The save's format version, if the document has a readable one.
    pub fn version(&self) -> Result<u32, String> {
        let raw = self
            .get("version")
            .ok_or_else(|| "it has no `version` field".to_string())?;
        ron::from_str::<u32>(raw.trim())
            .map_err(|_| format!("its version `{}` is not a whole number", raw.trim()))
    }

    /// The document as RON text again.
    pub fn to_text(&self) -> String {
        let mut out = String::from("(\n");
        for (k, v) in &self.fields {
            out.push_str(&format!("    {k}: {},\n", v.trim()));
        }
        out.push(')');
        out
    }
}

struct DocumentVisitor;

impl<'de> Visitor<'de> for DocumentVisitor {
    type Value = Document;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a save: `(version: ..., ...)`")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Document, A::Error> {
        let mut doc = Document::default();
        while let Some(key) = map.next_key::<String>()? {
            let raw: Box<ron::value::RawValue> = map.next_value()?;
            if doc.get(&key).is_some() {
                return Err(de::Error::custom(format!(
                    "the field `{key}` appears twice"
                )));
            }
            doc.fields.push((key, raw.get_ron().to_string()));
        }
        Ok(doc)
    }
}

/// Applies `steps[from - 1..]` in turn and sets the document's version to
/// `from + steps taken`. On failure, says which step failed.
pub fn apply_steps(doc: &mut Document, from: u32, steps: &[Step]) -> Result<u32, (u32, String)> {
    let mut version = from;
    for step in steps.iter().skip(from.saturating_sub(1) as usize) {
        step(doc).map_err(|e| (version, e))?;
        version += 1;
        doc.set("version", version.to_string());
    }
    Ok(version)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_document_keeps_fields_in_order_and_verbatim() {
        let text = "(version: 1, name: \"x\", command: Plan(\"visit_ankara\"), n: 0.1)";
        let doc = Document::parse(text).unwrap();
        assert_eq!(doc.version(), Ok(1));
        assert_eq!(doc.get("command"), Some("Plan(\"visit_ankara\")"));
        let again = Document::parse(&doc.to_text()).unwrap();
        assert_eq!(again, doc);
    }

    #[test]
    fn a_syntax_error_has_a_position() {
        let e = Document::parse("(version: 1,\n name: \"x").unwrap_err();
        assert_eq!(e.span.start.line, 2);
    }

    #[test]
    fn steps_run_in_order_from_the_document_version() {
        // The machinery only: no real past version is described here.
        fn add_b(doc: &mut Document) -> Result<(), String> {
            doc.set("b", "2");
            Ok(())
        }
        fn rename_b(doc: &mut Document) -> Result<(), String> {
            doc.rename("b", "c");
            Ok(())
        }
        let steps: [Step; 2] = [add_b, rename_b];
        let mut doc = Document::parse("(version: 1, a: 1)").unwrap();
        assert_eq!(apply_steps(&mut doc, 1, &steps), Ok(3));
        assert_eq!(doc.to_text(), "(\n    version: 3,\n    a: 1,\n    c: 2,\n)");
        let mut doc = Document::parse("(version: 2, b: 5)").unwrap();
        assert_eq!(apply_steps(&mut doc, 2, &steps), Ok(3));
        assert_eq!(doc.get("c"), Some("5"));
    }

    #[test]
    fn there_is_one_step_per_version_after_the_first() {
        assert_eq!(STEPS.len() as u32, super::super::VERSION - 1);
    }
}
