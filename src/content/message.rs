//! Parse errors in the words of someone editing a game file or looking at
//! a save, rather than those of the RON parser.

/// A RON parse error in the words of someone editing a game file rather
/// than those of the parser.
pub fn ron_message(code: &ron::Error) -> String {
    fn kind(name: &str) -> String {
        match name {
            "ScenarioDef" => "a scenario".into(),
            "Save" | "SaveFile" => "a saved game".into(),
            "State" => "the saved state".into(),
            "Entry" | "LogEntry" => "a log entry".into(),
            "Decision" => "a decision".into(),
            "Effect" => "an effect".into(),
            "Cond" => "a condition".into(),
            "ChoiceDef" => "a choice".into(),
            "DriftDef" => "a drift rule".into(),
            "TrackDef" => "a track".into(),
            "SituationDef" => "a situation".into(),
            "LadderDef" => "a crisis ladder".into(),
            "DependenceDef" => "a dependence".into(),
            "CountryDef" => "a country".into(),
            "PowerDef" => "a power".into(),
            "ActionDef" => "an action".into(),
            "EventDef" => "an event".into(),
            "EndingDef" => "an ending".into(),
            "WorldDef" => "the world file".into(),
            "Model" => "the model file".into(),
            "MoveDef" => "a power's move".into(),
            "ObjectiveDef" => "an objective".into(),
            "StateView" => "the saved state".into(),
            "DecisionText" => "a decision".into(),
            other => format!("`{other}`"),
        }
    }
    let within = |outer: &Option<String>| match outer {
        Some(o) => format!(" in {}", kind(o)),
        None => String::new(),
    };
    let one_of = |names: &[&str]| {
        let names: Vec<String> = names.iter().map(|n| format!("`{n}`")).collect();
        names.join(", ")
    };
    use ron::Error as E;
    match code {
        E::TrailingCharacters => {
            "more text after the end of the value: a stray character, or not a Multivector file"
                .into()
        }
        E::Eof => "the file ends too soon: cut short, or a bracket left open".into(),
        E::ExpectedStringEnd => {
            "a text in quotes is not closed: a `\"` is missing, or the file is cut short".into()
        }
        E::UnclosedBlockComment => "a `/*` comment is not closed with `*/`".into(),
        E::UnclosedLineComment => "the file ends inside a `//` comment".into(),
        E::ExceededRecursionLimit => {
            "brackets are nested too deeply: not a Multivector file, or a damaged one".into()
        }
        E::ExpectedDifferentStructName { expected, found } => format!(
            "expected {} but found `{found}`: is this the right file?",
            kind(expected)
        ),
        E::ExpectedNamedStructLike(name) if !name.is_empty() => {
            format!("expected `(` to open {}", kind(name))
        }
        E::ExpectedNamedStructLike(_) | E::ExpectedStructLike => "expected `(`".into(),
        E::ExpectedStructName(name) => {
            format!("expected {} to be named before its `(`", kind(name))
        }
        E::MissingStructField { field, outer } => {
            format!("the field `{field}` is missing{}", within(outer))
        }
        E::DuplicateStructField { field, outer } => {
            format!("the field `{field}` is given twice{}", within(outer))
        }
        E::NoSuchStructField {
            expected,
            found,
            outer,
        } => format!(
            "there is no field `{found}`{} (the fields are {})",
            within(outer),
            one_of(expected)
        ),
        E::NoSuchEnumVariant {
            expected,
            found,
            outer,
        } => format!(
            "`{found}` is not known here{} (it can be {})",
            within(outer),
            one_of(expected)
        ),
        E::ExpectedInteger => "expected a whole number".into(),
        E::ExpectedIdentifier => "expected a name".into(),
        E::ExpectedFloat => "expected a number".into(),
        E::ExpectedString => "expected a text in quotes".into(),
        E::ExpectedBoolean => "expected `true` or `false`".into(),
        E::ExpectedComma => "expected a `,` between two items".into(),
        E::ExpectedArray => "expected `[` to open a list".into(),
        E::ExpectedArrayEnd => "expected `]` to close a list".into(),
        E::ExpectedMap => "expected `{` to open a map".into(),
        E::ExpectedMapEnd => "expected `}` to close a map".into(),
        E::ExpectedMapColon => "expected a `:` after a key".into(),
        E::ExpectedOption => "expected `Some(...)` or `None`".into(),
        E::ExpectedOptionEnd | E::ExpectedStructLikeEnd => "expected `)` to close".into(),
        E::IntegerOutOfBounds => "a whole number too large (or too small) for this field".into(),
        E::SuggestRawIdentifier(name) | E::InvalidIdentifier(name) => {
            format!("`{name}` cannot be a name here")
        }
        E::ExpectedRawValue => "expected a value".into(),
        E::NoSuchExtension(name) => format!("there is no RON extension `{name}`"),
        E::ExpectedAttribute | E::ExpectedAttributeEnd => {
            "a `#![enable(...)]` line is not written right".into()
        }
        E::Utf8Error(_) => "not UTF-8 text".into(),
        E::Fmt | E::Io(_) => "the file could not be read".into(),
        other => {
            // The parser's own words, with a lower-case start, as ours have.
            let text = other.to_string();
            let mut chars = text.chars();
            match chars.next() {
                Some(first) => first.to_lowercase().chain(chars).collect(),
                None => text,
            }
        }
    }
}
