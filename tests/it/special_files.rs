//! Files that are not files: named pipes, devices, directories. Every
//! command that reads a file refuses them at once with exit 2 and a plain
//! message, without opening them (a pipe would block forever, `/dev/zero`
//! would fill the memory); and `report -o` writes to a terminal or a pipe
//! directly.

use crate::common;

use std::path::Path;
use std::process::Command;
use std::time::Duration;

use crate::common::limited::{self, Run};

const LIMIT: Duration = Duration::from_secs(10);

fn mkfifo(path: &Path) {
    let ok = Command::new("mkfifo")
        .arg(path)
        .status()
        .expect("mkfifo runs")
        .success();
    assert!(ok, "mkfifo {}", path.display());
}

fn refused(args: &[&str], cwd: &Path, words: &str) -> Run {
    let run = limited::multivector(args, cwd, LIMIT);
    assert!(!run.timed_out, "{args:?} hung");
    assert_eq!(run.code, Some(2), "{args:?}: {}", run.stderr_text());
    assert!(
        run.stderr_text().contains(words),
        "{args:?}: {}",
        run.stderr_text()
    );
    assert!(!run.stderr_text().contains("panicked"), "{args:?}");
    run
}

#[cfg(unix)]
#[test]
fn a_named_pipe_is_refused_by_every_reader_without_blocking() {
    let dir = tempfile::tempdir().unwrap();
    mkfifo(&dir.path().join("f.ron"));
    std::fs::create_dir(dir.path().join("saves")).unwrap();
    mkfifo(&dir.path().join("saves/pipe.ron"));
    let pipe = "is a named pipe (FIFO), not a";
    for args in [
        &["check", "f.ron"][..],
        &["play", "--scenario", "./f.ron", "--country", "kazakhstan"][..],
        &["play", "--scenario", "./f.ron"][..],
        &[
            "simulate",
            "--policy",
            "random",
            "--games",
            "1",
            "--scenario",
            "./f.ron",
        ][..],
        &["load", "./f.ron"][..],
        &["load", "pipe"][..],
        &["replay", "./f.ron"][..],
        &["report", "./f.ron"][..],
    ] {
        refused(args, dir.path(), pipe);
    }
}

#[cfg(unix)]
#[test]
fn dev_zero_is_refused_before_a_byte_is_read() {
    let dir = tempfile::tempdir().unwrap();
    for args in [
        &["check", "/dev/zero"][..],
        &["play", "--scenario", "/dev/zero", "--country", "kazakhstan"][..],
        &["load", "/dev/zero"][..],
        &["replay", "/dev/zero"][..],
        &["report", "/dev/zero", "--format", "csv"][..],
    ] {
        let run = refused(args, dir.path(), "/dev/zero: is a device, not a");
        assert!(run.stdout.is_empty(), "{args:?}");
    }
    // With little memory to spare: nothing is read at all.
    let bin = env!("CARGO_BIN_EXE_multivector");
    let mut cmd = Command::new("sh");
    cmd.arg("-c")
        .arg(format!("ulimit -v 400000; exec '{bin}' check /dev/zero"));
    let run = limited::run(&mut cmd, LIMIT);
    assert_eq!(run.code, Some(2), "{}", run.stderr_text());
    assert!(
        run.stderr_text().contains("is a device"),
        "{}",
        run.stderr_text()
    );
}

#[test]
fn a_directory_is_refused_by_every_reader() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("d.ron")).unwrap();
    for args in [
        &["check", "d.ron"][..],
        &["play", "--scenario", "./d.ron", "--country", "kazakhstan"][..],
        &[
            "simulate",
            "--policy",
            "random",
            "--games",
            "1",
            "--scenario",
            "./d.ron",
        ][..],
        &["load", "./d.ron"][..],
        &["replay", "./d.ron"][..],
        &["report", "./d.ron"][..],
    ] {
        refused(args, dir.path(), "is a directory, not a");
    }
}

#[test]
fn a_content_folder_with_a_pipe_among_its_scenarios_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    for entry in std::fs::read_dir("assets").unwrap() {
        let p = entry.unwrap().path();
        if p.is_file() {
            std::fs::copy(&p, dir.path().join(p.file_name().unwrap())).unwrap();
        }
    }
    std::fs::create_dir(dir.path().join("scenarios")).unwrap();
    mkfifo(&dir.path().join("scenarios/x.ron"));
    let (tx, rx) = std::sync::mpsc::channel();
    let path = dir.path().to_path_buf();
    std::thread::spawn(move || {
        let said = multivector::content::from_dir(&path)
            .map(|_| ())
            .map_err(|e| e.to_string());
        let _ = tx.send(said);
    });
    let result = rx.recv_timeout(LIMIT).expect("reading the folder blocked");
    let e = result.unwrap_err();
    assert!(e.contains("is a named pipe (FIFO), not a file"), "{e}");
}

#[cfg(unix)]
#[test]
fn a_report_goes_to_a_pipe_or_a_device_directly() {
    let dir = tempfile::tempdir().unwrap();
    let book = common::book();
    multivector::save::write(&book, dir.path(), "alice", &common::played(&book, 2)).unwrap();
    let before = common::snapshot(dir.path());
    // Standard output is a pipe here, as in `report -o /dev/stdout | less`.
    for format in ["md", "csv", "json"] {
        let args = [
            "report",
            "alice",
            "--save-dir",
            ".",
            "--format",
            format,
            "-o",
            "/dev/stdout",
        ];
        let run = limited::multivector(&args, dir.path(), LIMIT);
        assert_eq!(run.code, Some(0), "{format}: {}", run.stderr_text());
        let plain = limited::multivector(&args[..6], dir.path(), LIMIT);
        assert_eq!(run.stdout, plain.stdout, "{format}");
        assert!(!run.stdout.is_empty());
    }
    let run = limited::multivector(
        &["report", "alice", "--save-dir", ".", "-o", "/dev/null"],
        dir.path(),
        LIMIT,
    );
    assert_eq!(run.code, Some(0), "{}", run.stderr_text());
    assert_eq!(common::snapshot(dir.path()), before);
}

#[cfg(unix)]
#[test]
fn a_report_to_dev_stdout_sent_to_a_file_fills_that_file() {
    let dir = tempfile::tempdir().unwrap();
    let book = common::book();
    multivector::save::write(&book, dir.path(), "bob", &common::played(&book, 2)).unwrap();
    let bin = env!("CARGO_BIN_EXE_multivector");
    let mut cmd = Command::new("sh");
    cmd.current_dir(dir.path()).arg("-c").arg(format!(
        "'{bin}' report bob --save-dir . -o /dev/stdout > out.md && '{bin}' report bob --save-dir . > plain.md"
    ));
    let run = limited::run(&mut cmd, LIMIT);
    assert_eq!(run.code, Some(0), "{}", run.stderr_text());
    let out = std::fs::read(dir.path().join("out.md")).unwrap();
    assert!(!out.is_empty());
    assert_eq!(out, std::fs::read(dir.path().join("plain.md")).unwrap());
}

#[cfg(unix)]
#[test]
fn a_report_through_a_link_replaces_the_file_and_keeps_the_link() {
    let dir = tempfile::tempdir().unwrap();
    let book = common::book();
    multivector::save::write(&book, dir.path(), "carol", &common::played(&book, 2)).unwrap();
    std::fs::write(dir.path().join("real.md"), "old").unwrap();
    std::os::unix::fs::symlink("real.md", dir.path().join("link.md")).unwrap();
    let run = limited::multivector(
        &["report", "carol", "--save-dir", ".", "-o", "link.md"],
        dir.path(),
        LIMIT,
    );
    assert_eq!(run.code, Some(0), "{}", run.stderr_text());
    let link = std::fs::symlink_metadata(dir.path().join("link.md")).unwrap();
    assert!(link.file_type().is_symlink(), "the link was replaced");
    let md = std::fs::read_to_string(dir.path().join("real.md")).unwrap();
    assert!(md.starts_with("# "), "{md}");
}
