//! Bringing an older save up to the current format, one version at a time.
//!
//! Version 1 is the first format and the only one so far, so there are no
//! steps yet and no older saves to keep loading. When the format changes:
//! raise [`super::VERSION`], add one function to [`STEPS`] that turns a
//! version-N document into a version-N+1 one, and commit a real save of the
//! old version under `tests/fixtures/` next to `save-v1.ron`, whose test
//! then checks that it still loads.
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
pub const STEPS: [Step; (super::VERSION - 1) as usize] = [];

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
