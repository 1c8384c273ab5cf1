//! A scenario's learning objective: a sentence for the student and the
//! conditions that say, at the end, whether it was met.

use std::fmt;
use std::marker::PhantomData;

use serde::de::{self, Deserializer, MapAccess, Visitor};
use serde::{Deserialize, Serialize};

use super::grammar::Cond;
use super::ids::{Ids, Resolved};

/// An objective, written `(text: "...", when: [conditions])`; a bare text
/// (the form of older scenario files) has no conditions and is not checked.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(bound = "")]
pub struct ObjectiveDef<I: Ids = Resolved> {
    pub text: String,
    /// Met when all hold at the end of the game.
    pub when: Vec<Cond<I>>,
}

impl<'de, I: Ids> Deserialize<'de> for ObjectiveDef<I> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Objective<I>(PhantomData<I>);
        impl<'de, I: Ids> Visitor<'de> for Objective<I> {
            type Value = ObjectiveDef<I>;

            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("an objective: (text: \"...\", when: [conditions])")
            }

            fn visit_str<E: de::Error>(self, s: &str) -> Result<Self::Value, E> {
                Ok(ObjectiveDef {
                    text: s.to_string(),
                    when: Vec::new(),
                })
            }

            fn visit_map<A: MapAccess<'de>>(self, mut m: A) -> Result<Self::Value, A::Error> {
                const FIELDS: &[&str] = &["text", "when"];
                let (mut text, mut when) = (None, None);
                while let Some(key) = m.next_key::<String>()? {
                    match key.as_str() {
                        "text" if text.is_none() => text = Some(m.next_value()?),
                        "when" if when.is_none() => when = Some(m.next_value()?),
                        "text" => return Err(de::Error::duplicate_field(FIELDS[0])),
                        "when" => return Err(de::Error::duplicate_field(FIELDS[1])),
                        other => return Err(de::Error::unknown_field(other, FIELDS)),
                    }
                }
                Ok(ObjectiveDef {
                    text: text.ok_or_else(|| de::Error::missing_field("text"))?,
                    when: when.unwrap_or_default(),
                })
            }
        }
        d.deserialize_any(Objective(PhantomData))
    }
}
