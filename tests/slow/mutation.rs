//! Seeded mutations of a real save and a real scenario: byte flips, cuts,
//! duplications and splices of tokens that have broken readers before
//! (`NaN`, `4294967295`, a huge string, deep brackets, escape sequences).
//! Thousands go through the readers in-process, and a few hundred through
//! the binary (`check`, `replay`, `report`): a mutant may be accepted or
//! refused, but never crash the game, never exit 1 or 101 or by a signal,
//! and never take 5 seconds. Saves whose own scenario holds a token that
//! once made a game unplayable (`ONCE_FATAL`) go through `replay` and
//! `report` too, and are refused (exit 2).
//!
//! The fuzz targets under `fuzz/` search the same readers for longer, on
//! nightly; this test keeps the ground they covered.

use crate::common;
mod mutants;

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::Mutex;
use std::time::{Duration, Instant};

use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;

use crate::common::refusal;
use multivector::content;
use multivector::save;
use mutants::{ONCE_FATAL, base_save, base_scenario, mutate, placed, rehash};

/// Runs `f`, failing on a panic or when it takes 5 seconds.
fn in_time<T>(what: &str, f: impl FnOnce() -> T) -> T {
    let start = Instant::now();
    let out = catch_unwind(AssertUnwindSafe(f)).unwrap_or_else(|_| panic!("{what} panicked"));
    assert!(
        start.elapsed() < Duration::from_secs(5),
        "{what} took {:?}",
        start.elapsed()
    );
    out
}

#[test]
fn thousands_of_mutants_through_the_readers() {
    let dir = tempfile::tempdir().unwrap();
    let book = common::book();
    let save_text = base_save(dir.path());
    let scenario_text = base_scenario();
    let mut rng = ChaCha8Rng::seed_from_u64(2026);
    let (mut loaded, mut refused) = (0, 0);
    for i in 0..2_000 {
        let (mut bytes, _) = mutate(save_text.as_bytes(), &mut rng);
        if i % 2 == 0 {
            bytes = rehash(bytes);
        }
        let path = dir.path().join("m.ron");
        std::fs::write(&path, &bytes).unwrap();
        match in_time(&format!("save mutant {i}"), || save::read(&book, &path)) {
            Ok(_) => loaded += 1,
            Err(e) => {
                assert_eq!(e.exit_code(), 2, "save mutant {i}: {e}");
                refused += 1;
            }
        }
        let (bytes, _) = mutate(scenario_text.as_bytes(), &mut rng);
        let path = dir.path().join("s.ron");
        std::fs::write(&path, &bytes).unwrap();
        let what = format!("scenario mutant {i}");
        match in_time(&what, || content::scenario_from_file(&book, &path)) {
            Ok(_) => loaded += 1,
            Err(e) => {
                assert!(e.to_string().starts_with(&path.display().to_string()));
                refused += 1;
            }
        }
    }
    // Mutants of both kinds, accepted and refused.
    assert!(
        loaded > 100 && refused > 1_000,
        "{loaded} read, {refused} refused"
    );
}

/// One run of the binary on a mutant.
struct Mutant {
    file: String,
    bytes: Vec<u8>,
    args: Vec<String>,
    /// The tokens and numbers put into it.
    put: Vec<&'static str>,
    /// The exit codes it may end with.
    codes: &'static [i32],
}

#[test]
fn hundreds_of_mutants_through_the_binary() {
    let dir = tempfile::tempdir().unwrap();
    let save_text = base_save(dir.path());
    let scenario_text = base_scenario();
    let mut rng = ChaCha8Rng::seed_from_u64(13);
    // Made first, so that the runs can share the two cores.
    let mut runs: Vec<Mutant> = Vec::new();
    for i in 0..240 {
        let (file, base) = if i % 2 == 0 {
            (format!("s{i}.ron"), scenario_text.as_bytes())
        } else {
            (format!("m{i}.ron"), save_text.as_bytes())
        };
        let (mut bytes, put) = mutate(base, &mut rng);
        if i % 4 == 1 {
            bytes = rehash(bytes);
        }
        let path = format!("./{file}");
        let args: Vec<&str> = match i % 8 {
            0 | 2 | 4 | 6 => vec!["check", &path],
            1 | 5 => vec!["replay", &path],
            3 => vec!["report", &path, "--format", "csv"],
            _ => vec!["report", &path],
        };
        let args = args.into_iter().map(String::from).collect();
        runs.push(Mutant {
            file,
            bytes,
            args,
            put,
            codes: &[0, 2, 3],
        });
    }
    // The tokens that once made a scenario fatal, put into the save's own
    // scenario where the replay has to make sense of them: refused.
    for (i, token) in ONCE_FATAL.into_iter().enumerate() {
        for j in 0..2 {
            let bytes = placed(&save_text, token, &mut rng);
            for (k, args) in [
                &["replay"][..],
                &["replay", "--json"],
                &["report", "--format", "json"],
                &["report", "--format", "csv"],
            ]
            .into_iter()
            .enumerate()
            {
                let file = format!("p{i}-{j}-{k}.ron");
                let mut args: Vec<String> = args.iter().map(|a| a.to_string()).collect();
                args.insert(1, format!("./{file}"));
                runs.push(Mutant {
                    file,
                    bytes: bytes.clone(),
                    args,
                    put: vec![token],
                    codes: &[2],
                });
            }
        }
    }
    assert!(runs.len() >= 240, "only {} runs", runs.len());
    let failures = Mutex::new(Vec::new());
    let codes = Mutex::new(std::collections::BTreeMap::new());
    // How many `replay` and `report` runs held each of `ONCE_FATAL`.
    let played = Mutex::new(std::collections::BTreeMap::new());
    let next = Mutex::new(runs.iter());
    std::thread::scope(|scope| {
        for _ in 0..2 {
            scope.spawn(|| {
                loop {
                    let Some(Mutant {
                        file,
                        bytes,
                        args,
                        put,
                        codes: expected,
                    }) = next.lock().unwrap().next()
                    else {
                        return;
                    };
                    std::fs::write(dir.path().join(file), bytes).unwrap();
                    let args: Vec<&str> = args.iter().map(String::as_str).collect();
                    let run = refusal::run(dir.path(), &args);
                    let ok = !run.timed_out && run.code.is_some_and(|c| expected.contains(&c));
                    *codes
                        .lock()
                        .unwrap()
                        .entry((args[0].to_string(), run.code))
                        .or_insert(0) += 1;
                    if args[0] != "check" {
                        let mut seen = played.lock().unwrap();
                        for token in put.iter().filter(|t| ONCE_FATAL.contains(t)) {
                            *seen.entry(*token).or_insert(0) += 1;
                        }
                    }
                    if !ok {
                        let keep = dir.path().join(format!("failed-{file}"));
                        let _ = std::fs::copy(dir.path().join(file), &keep);
                        failures.lock().unwrap().push(format!(
                            "{args:?}: exit {:?}, signal {:?}, {:?}{}: {}",
                            run.code,
                            run.signal,
                            run.took,
                            if run.timed_out { " (timed out)" } else { "" },
                            run.stderr_text().lines().next().unwrap_or("")
                        ));
                    }
                }
            });
        }
    });
    let failures = failures.into_inner().unwrap();
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    // Mutants reach past the first refusal: some are accepted, some replay
    // to a different game.
    let codes = codes.into_inner().unwrap();
    let played = played.into_inner().unwrap();
    eprintln!(
        "exit codes by command: {codes:?}; replays and reports of the once fatal: {played:?}"
    );
    for token in ONCE_FATAL {
        assert!(
            played.get(token).is_some_and(|n| *n >= 8),
            "{token}: {played:?}"
        );
    }
    let count = |cmd: &str, code| {
        codes
            .get(&(cmd.to_string(), Some(code)))
            .copied()
            .unwrap_or(0)
    };
    assert!(count("check", 0) > 0 && count("check", 2) > 0, "{codes:?}");
    assert!(count("replay", 2) > 0, "{codes:?}");
}

/// Found by this test: a save whose first decision is dated turn
/// 4294967295 made `report` overflow while listing the decisions (exit 101).
#[test]
fn a_decision_dated_past_the_last_turn_is_reported_not_crashed_on() {
    let dir = tempfile::tempdir().unwrap();
    let text = base_save(dir.path());
    let mut doc = save::migrate::Document::parse(&text).unwrap();
    let decisions = doc.get("decisions").unwrap().to_string();
    assert!(decisions.contains("turn: 0,"), "{decisions}");
    doc.set(
        "decisions",
        decisions.replacen("turn: 0,", "turn: 4294967295,", 1),
    );
    std::fs::write(dir.path().join("late.ron"), doc.to_text()).unwrap();
    for format in ["md", "csv", "json"] {
        let args = ["report", "./late.ron", "--format", format];
        let run = refusal::run(dir.path(), &args);
        assert!(
            matches!(run.code, Some(2 | 3)),
            "{format}: {:?} {}",
            run.code,
            run.stderr_text()
        );
    }
}
