//! Making the mutants of `mutation.rs`: seeded byte flips, cuts,
//! duplications, splices of tokens that broke readers before, numbers
//! replaced; the real save and scenario they are made from.

use std::path::Path;

use rand::Rng;
use rand_chacha::ChaCha8Rng;

use super::common;
use multivector::content;
use multivector::rules::Game;
use multivector::save;

/// Tokens spliced into the files.
const TOKENS: [&str; 24] = [
    "NaN",
    "inf",
    "-inf",
    "4294967295",
    "18446744073709551615",
    "-1",
    "0",
    "1e308",
    "(",
    ")",
    "[",
    "]",
    "\"",
    ",",
    "Some(",
    "None",
    "/*",
    "//",
    "\\u{1b}]0;PWNED\\u{7}",
    "\u{1b}[2J",
    "\u{202E}",
    "Over(100000, [Add(Stability, 1)])",
    "r#",
    "#![enable(implicit_some)]",
];

/// Tokens that once made a scenario the game could not play or save: a
/// delay of billions of turns, numbers that are not finite or huge. Every
/// scenario is now bounded where content is resolved, a save's own copy
/// too, so mutants holding them go through `replay` and `report` like any
/// other, and some are put into a save's scenario on purpose.
pub const ONCE_FATAL: [&str; 5] = [
    "4294967295",
    "1e308",
    "inf",
    "NaN",
    "Over(100000, [Add(Stability, 1)])",
];

/// Numbers put in place of a number: the file stays well-formed, and
/// the game has to make sense of the value.
const NUMBERS: [&str; 12] = [
    "NaN",
    "inf",
    "-inf",
    "4294967295",
    "18446744073709551615",
    "1e308",
    "-1",
    "0",
    "-0.5",
    "3.5",
    "99999",
    "7",
];

/// Replaces the number at or after `at`, if any, with `number`; says
/// whether there was one.
fn put_number(bytes: &mut Vec<u8>, at: usize, number: &str) -> bool {
    let Some(start) = (at..bytes.len()).find(|&i| bytes[i].is_ascii_digit()) else {
        return false;
    };
    let end = (start..bytes.len())
        .find(|&i| !(bytes[i].is_ascii_digit() || bytes[i] == b'.'))
        .unwrap_or(bytes.len());
    bytes.splice(start..end, number.bytes());
    true
}

/// Replaces the number at or after `at`, if any, with one of [`NUMBERS`];
/// the number put there.
fn replace_number(bytes: &mut Vec<u8>, at: usize, rng: &mut ChaCha8Rng) -> Option<&'static str> {
    let number = NUMBERS[rng.random_range(0..NUMBERS.len())];
    put_number(bytes, at, number).then_some(number)
}

/// A long run of one thing: a huge string, or brackets nested deeply.
fn big_token(rng: &mut ChaCha8Rng) -> String {
    match rng.random_range(0..3) {
        0 => format!("\"{}\"", "x".repeat(rng.random_range(1_000..300_000))),
        1 => "[".repeat(rng.random_range(100..5_000)),
        _ => "(".repeat(rng.random_range(100..5_000)),
    }
}

/// One mutant of `base`, and the tokens and numbers put into it. Half the
/// mutants only change numbers, so that they get past the parser.
pub fn mutate(base: &[u8], rng: &mut ChaCha8Rng) -> (Vec<u8>, Vec<&'static str>) {
    let mut bytes = base.to_vec();
    let mut put = Vec::new();
    if rng.random_bool(0.5) {
        for _ in 0..rng.random_range(1..=2) {
            let at = rng.random_range(0..bytes.len());
            put.extend(replace_number(&mut bytes, at, rng));
        }
        return (bytes, put);
    }
    for _ in 0..rng.random_range(1..=3) {
        if bytes.is_empty() {
            break;
        }
        let at = rng.random_range(0..bytes.len());
        match rng.random_range(0..10) {
            0 | 1 => bytes[at] ^= 1 << rng.random_range(0..8),
            2 => bytes[at] = rng.random(),
            3 => bytes.truncate(at),
            4 => {
                let len = rng.random_range(1..=64.min(bytes.len() - at));
                let copy = bytes[at..at + len].to_vec();
                let to = rng.random_range(0..=bytes.len());
                bytes.splice(to..to, copy);
            }
            5 => {
                let token = big_token(rng);
                bytes.splice(at..at, token.into_bytes());
            }
            _ => {
                let token = TOKENS[rng.random_range(0..TOKENS.len())];
                put.push(token);
                // In place of a number, when one starts here; else inserted.
                let end = (at..bytes.len())
                    .find(|&i| !bytes[i].is_ascii_digit() && bytes[i] != b'.')
                    .unwrap_or(bytes.len());
                let end = if bytes[at].is_ascii_digit() { end } else { at };
                bytes.splice(at..end, token.bytes());
            }
        }
    }
    (bytes, put)
}

/// A save mutant made honest again where it can be: the hash of its
/// (mutated) scenario recomputed, as a student who edits a save by hand
/// could, so that the mutant reaches the replay instead of being refused
/// for its hash.
pub fn rehash(bytes: Vec<u8>) -> Vec<u8> {
    let Ok(text) = String::from_utf8(bytes.clone()) else {
        return bytes;
    };
    let Ok(mut doc) = save::migrate::Document::parse(&text) else {
        return bytes;
    };
    let scenario = doc.get("scenario").and_then(|raw| {
        ron::from_str::<multivector::rules::defs::ScenarioDef<multivector::rules::Raw>>(raw).ok()
    });
    let Some(Ok(hash)) = scenario.as_ref().map(save::scenario_hash) else {
        return bytes;
    };
    doc.set("scenario_hash", format!("{hash:?}"));
    doc.to_text().into_bytes()
}

/// The save with `token` put into its own scenario, in place of one of the
/// numbers of its overrides (or, an effect, first among them), and the
/// hash made to match: a mutant that reaches the scenario's validation.
pub fn placed(save_text: &str, token: &str, rng: &mut ChaCha8Rng) -> Vec<u8> {
    let mut doc = save::migrate::Document::parse(save_text).unwrap();
    let mut raw = doc.get("scenario").unwrap().as_bytes().to_vec();
    let find = |raw: &[u8], what: &str| {
        raw.windows(what.len())
            .position(|w| w == what.as_bytes())
            .unwrap_or_else(|| panic!("no `{what}` in the saved scenario"))
    };
    let (from, to) = (find(&raw, "overrides:"), find(&raw, "deck:"));
    if token.starts_with("Over(") {
        let at = from + find(&raw[from..], "[") + 1;
        raw.splice(at..at, format!("{token}, ").into_bytes());
    } else {
        let last = (from..to).rev().find(|&i| raw[i].is_ascii_digit()).unwrap();
        assert!(put_number(&mut raw, rng.random_range(from..=last), token));
    }
    doc.set("scenario", String::from_utf8(raw).unwrap());
    rehash(doc.to_text().into_bytes())
}

/// The scenario mutated: a built-in one, with effects of every timing.
pub fn base_scenario() -> String {
    let text = std::fs::read_to_string("assets/scenarios/tajik-squeeze.ron").unwrap();
    let more = "overrides: [Over(3, [Add(Stability, 1)]), Later(2, [Strain(russia, 2.5)]), \
                Shift(trade, russia, eu, 3), Gain(finance, china, -2), ";
    let text = text.replacen("overrides: [", more, 1);
    assert_ne!(
        text,
        std::fs::read_to_string("assets/scenarios/tajik-squeeze.ron").unwrap()
    );
    text
}

/// The save mutated: a few turns of a game of that scenario.
pub fn base_save(dir: &Path) -> String {
    let book = common::book();
    let scenario: multivector::rules::defs::ScenarioDef<multivector::rules::Raw> =
        content::parse("base.ron", &base_scenario()).unwrap();
    book.resolve_scenario(&scenario).unwrap();
    let mut game = Game::new(&book, scenario, None, 45).unwrap();
    common::play(&book, &mut game, 3);
    let path = save::write(&book, dir, "base", &game).unwrap();
    std::fs::read_to_string(path).unwrap()
}
