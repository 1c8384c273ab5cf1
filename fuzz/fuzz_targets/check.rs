//! `multivector check`: the first byte picks which kind of content file the
//! rest is checked as (a scenario, or one of the files of `assets/`).
#![no_main]

use std::path::Path;

use libfuzzer_sys::fuzz_target;
use multivector::content;

const NAMES: [&str; 7] = [
    "scenario.ron",
    "countries.ron",
    "powers.ron",
    "actions.ron",
    "events.ron",
    "endings.ron",
    "world.ron",
];

fuzz_target!(|data: &[u8]| {
    let Some((&kind, rest)) = data.split_first() else {
        return;
    };
    let Ok(text) = multivector::files::text_from_bytes(rest.to_vec(), content::MAX_FILE_BYTES)
    else {
        return;
    };
    let name = NAMES[usize::from(kind) % NAMES.len()];
    let _ = content::check_text(Path::new(name), &text);
});
