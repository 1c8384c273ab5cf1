//! Writes the fixture of the current save format: a game of the standard
//! scenario played four turns with the test suite's own plan, one decision
//! answered and the next turn planned. Only for a deliberate change of the
//! format (a new fixture beside the old ones) or of the rules (the old
//! fixture no longer replays):
//!
//! ```sh
//! cargo run --example save_fixture -- tests/fixtures/save-v2.ron
//! ```

#[path = "../tests/common/games.rs"]
mod games;

use std::path::PathBuf;

use games::{answer_pending, book, plan_turn, played};

fn main() {
    let Some(out) = std::env::args_os().nth(1).map(PathBuf::from) else {
        eprintln!("usage: cargo run --example save_fixture -- FILE.ron");
        std::process::exit(2);
    };
    let book = book();
    let mut game = played(&book, 4);
    answer_pending(&book, &mut game);
    plan_turn(&book, &mut game);
    let dir = tempfile::tempdir().expect("a temporary folder");
    let written = multivector::save::write(&book, dir.path(), "fixture", &game)
        .unwrap_or_else(|e| panic!("the game saves: {e}"));
    std::fs::copy(&written, &out).unwrap_or_else(|e| panic!("{} is written: {e}", out.display()));
    println!(
        "{}: save format {} written",
        out.display(),
        multivector::save::VERSION
    );
}
