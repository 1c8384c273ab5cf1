//! A save is old or new, never torn: a process saving games as fast as it
//! can (the game's own save code: a temporary file, synced, the backup,
//! the rename) is killed with SIGKILL at seeded random moments, over a
//! hundred times; after every kill, every save in the folder loads and is
//! one of the games that were being saved, and once the folder is opened
//! again later no temporary file is left.
//!
//! The saving process is this test binary run again (the ignored test
//! `crash::save_loop_child`, which refuses to run on its own), so that what is killed is exactly the library's
//! save code, with no terminal in between.

#![cfg(unix)]

use crate::common;

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant, SystemTime};

use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

use crate::common::*;
use multivector::save;

/// Where the child saves; set only for the child.
const CHILD_DIR: &str = "MULTIVECTOR_TEST_SAVE_LOOP_DIR";
const KILLS: usize = 120;
/// The child stops by itself after this, should its parent be gone.
const CHILD_LIFETIME: Duration = Duration::from_secs(30);

/// The games the child saves, by their number of decisions.
fn games() -> Vec<multivector::rules::Game> {
    let book = book();
    vec![played(&book, 2), played(&book, 7), played(&book, 12)]
}

#[test]
#[ignore = "the saving process of `saves_survive_being_killed_while_saving`"]
fn save_loop_child() {
    let Some(dir) = std::env::var_os(CHILD_DIR) else {
        panic!(
            "save_loop_child is the saving process of \
             saves_survive_being_killed_while_saving and runs only as its child \
             (with {CHILD_DIR} set); run that test instead"
        );
    };
    let dir = Path::new(&dir);
    let book = book();
    let games = games();
    println!("ready");
    let start = Instant::now();
    let mut i = 0usize;
    while start.elapsed() < CHILD_LIFETIME {
        let game = &games[i % games.len()];
        save::write_autosave(&book, dir, game).unwrap();
        save::write(&book, dir, "named", game).unwrap();
        i += 1;
    }
}

/// The saving process, killed when dropped whatever happens to the test;
/// its output is kept open (and unread) until then.
struct Killed(
    Child,
    Option<std::io::Lines<BufReader<std::process::ChildStdout>>>,
);

impl Drop for Killed {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn start_child(dir: &Path) -> Killed {
    let mut child = Command::new(std::env::current_exe().unwrap())
        .args([
            "crash::save_loop_child",
            "--exact",
            "--ignored",
            "--nocapture",
        ])
        .env(CHILD_DIR, dir)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("the saving process starts");
    let out = child.stdout.take().unwrap();
    let mut lines = BufReader::new(out).lines();
    let mut child = Killed(child, None);
    loop {
        match lines.next() {
            Some(Ok(line)) if line.trim() == "ready" => break,
            Some(Ok(_)) => continue,
            _ => panic!("the saving process ended before it was ready"),
        }
    }
    child.1 = Some(lines);
    child
}

fn temp_files(dir: &Path) -> Vec<std::path::PathBuf> {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| {
            let name = p.file_name().unwrap().to_string_lossy();
            name.starts_with('.') && name.ends_with(".tmp")
        })
        .collect()
}

#[test]
fn saves_survive_being_killed_while_saving() {
    let book = book();
    let dir = tempfile::tempdir().unwrap();
    let wanted: Vec<usize> = games().iter().map(|g| g.decisions().len()).collect();
    let mut rng = ChaCha8Rng::seed_from_u64(13);
    let start = Instant::now();
    let mut checked = 0;
    for kill in 0..KILLS {
        let mut child = start_child(dir.path());
        std::thread::sleep(Duration::from_micros(rng.random_range(0..40_000)));
        child.0.kill().unwrap();
        let status = child.0.wait().unwrap();
        assert!(
            std::os::unix::process::ExitStatusExt::signal(&status) == Some(9),
            "kill {kill}: the saving process ended by itself: {status:?}"
        );
        for entry in std::fs::read_dir(dir.path()).unwrap() {
            let path = entry.unwrap().path();
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            if name.starts_with('.') {
                continue;
            }
            let game = save::read(&book, &path)
                .unwrap_or_else(|e| panic!("kill {kill}: {name} does not load: {e}"))
                .game;
            assert!(
                wanted.contains(&game.decisions().len()),
                "kill {kill}: {name} holds a game that was never saved"
            );
            checked += 1;
        }
    }
    let took = start.elapsed();
    assert!(checked >= KILLS, "only {checked} saves were checked");
    for name in ["autosave", "autosave.bak", "named", "named.bak"] {
        assert!(
            dir.path().join(format!("{name}.ron")).is_file(),
            "no {name}.ron was ever written: the kills came too soon"
        );
    }
    // A minute later (the leftovers made old by hand), the next opening of
    // the folder clears them.
    let leftovers = temp_files(dir.path());
    for p in &leftovers {
        std::fs::File::open(p)
            .unwrap()
            .set_modified(SystemTime::now() - Duration::from_secs(120))
            .unwrap();
    }
    assert_eq!(save::list(dir.path()).len(), 2);
    assert_eq!(temp_files(dir.path()), Vec::<std::path::PathBuf>::new());
    eprintln!(
        "{KILLS} kills in {:.1} s, {checked} saves loaded, {} leftover temporary files cleared",
        took.as_secs_f64(),
        leftovers.len()
    );
}
