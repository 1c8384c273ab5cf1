//! The real binary in a real terminal (tmux): the game screen at 120×40
//! and 80×24, a turn, help, quitting back to a usable shell, and the
//! enlarge message at 40×12. Skipped, with a note, where tmux is missing.

use std::process::Command;
use std::time::{Duration, Instant};

fn have_tmux() -> bool {
    Command::new("tmux")
        .arg("-V")
        .output()
        .is_ok_and(|o| o.status.success())
}

/// A tmux session running a plain shell, killed when dropped.
struct Session {
    name: String,
}

impl Session {
    fn new(tag: &str, w: u16, h: u16) -> Session {
        let name = format!("mvtest-{tag}-{}", std::process::id());
        let ok = Command::new("tmux")
            .args([
                "new-session",
                "-d",
                "-s",
                &name,
                "-x",
                &w.to_string(),
                "-y",
                &h.to_string(),
            ])
            .arg("env PS1='mvsh$ ' TERM=xterm-256color bash --norc --noprofile")
            .status()
            .expect("tmux runs")
            .success();
        assert!(ok, "tmux session {name} starts");
        let s = Session { name };
        s.wait_for("the shell prompt", |p| p.contains("mvsh$"));
        s
    }

    fn send(&self, keys: &[&str]) {
        let mut cmd = Command::new("tmux");
        cmd.args(["send-keys", "-t", &self.name]);
        cmd.args(keys);
        assert!(cmd.status().expect("tmux send-keys").success());
    }

    fn type_line(&self, line: &str) {
        let mut cmd = Command::new("tmux");
        cmd.args(["send-keys", "-t", &self.name, "-l", line]);
        assert!(cmd.status().expect("tmux send-keys").success());
        self.send(&["Enter"]);
    }

    fn pane(&self) -> String {
        let out = Command::new("tmux")
            .args(["capture-pane", "-p", "-t", &self.name])
            .output()
            .expect("tmux capture-pane");
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    fn command(&self) -> String {
        let out = Command::new("tmux")
            .args([
                "display-message",
                "-p",
                "-t",
                &self.name,
                "#{pane_current_command}",
            ])
            .output()
            .expect("tmux display-message");
        String::from_utf8_lossy(&out.stdout).trim().to_string()
    }

    fn wait_for(&self, what: &str, pred: impl Fn(&str) -> bool) -> String {
        let start = Instant::now();
        loop {
            let p = self.pane();
            if pred(&p) {
                return p;
            }
            if start.elapsed() > Duration::from_secs(20) {
                panic!("timed out waiting for {what}; the pane shows:\n{p}");
            }
            std::thread::sleep(Duration::from_millis(100));
        }
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        let _ = Command::new("tmux")
            .args(["kill-session", "-t", &self.name])
            .status();
    }
}

fn play_line(dir: &std::path::Path) -> String {
    format!(
        "{} play --country uzbekistan --seed 3 --save-dir '{}'",
        env!("CARGO_BIN_EXE_multivector"),
        dir.display()
    )
}

fn a_turn_help_and_quit(w: u16, h: u16) {
    let dir = tempfile::tempdir().unwrap();
    let s = Session::new(&format!("{w}x{h}"), w, h);
    s.type_line(&play_line(dir.path()));
    let p = s.wait_for("the game screen", |p| {
        p.contains("2026 Q1") && p.contains("Stability")
    });
    for word in [
        "Uzbekistan",
        "Autonomy",
        "Leverage",
        "Stability",
        "Russia",
        "China",
        "Turkey",
        "EU",
        "2026 Q1",
    ] {
        assert!(p.contains(word), "{w}x{h}: no {word} on\n{p}");
    }
    s.send(&["e"]);
    // Answer any decision with its first choice until the date moves on.
    let start = Instant::now();
    loop {
        let p = s.pane();
        if p.contains("2026 Q2") && !p.contains("Your answer:") {
            break;
        }
        if p.contains("Your answer:") {
            s.send(&["1"]);
        }
        assert!(
            start.elapsed() < Duration::from_secs(20),
            "the turn did not end:\n{p}"
        );
        std::thread::sleep(Duration::from_millis(150));
    }
    s.send(&["?"]);
    s.wait_for("the help", |p| {
        p.contains("Help") && p.contains("end the turn")
    });
    s.send(&["Escape"]);
    s.wait_for("the help to close", |p| {
        !p.contains("end the turn: planned")
    });
    s.send(&["q"]);
    s.wait_for("the quit question", |p| p.contains("Quit now?"));
    s.send(&["y"]);
    s.wait_for("the shell after quitting", |p| {
        p.lines().any(|l| l.starts_with("mvsh$")) && !p.contains("Stability")
    });
    // The terminal is back to normal: the shell echoes what it is given.
    s.type_line("echo restored-$((20+22))");
    s.wait_for("the shell to answer", |p| p.contains("restored-42"));
    assert_eq!(s.command(), "bash");
    // The autosave of the end of turn is there.
    assert!(
        dir.path().join("autosave.ron").exists(),
        "autosave written at the end of the turn"
    );
}

#[test]
fn plays_a_turn_at_120x40() {
    if !have_tmux() {
        eprintln!("note: tmux is not installed; skipping the terminal test");
        return;
    }
    a_turn_help_and_quit(120, 40);
}

#[test]
fn plays_a_turn_at_80x24() {
    if !have_tmux() {
        eprintln!("note: tmux is not installed; skipping the terminal test");
        return;
    }
    a_turn_help_and_quit(80, 24);
}

#[test]
fn a_small_terminal_asks_to_be_enlarged() {
    if !have_tmux() {
        eprintln!("note: tmux is not installed; skipping the terminal test");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let s = Session::new("40x12", 40, 12);
    s.type_line(&play_line(dir.path()));
    s.wait_for("the enlarge message", |p| {
        p.contains("Please enlarge") && p.contains("40×12")
    });
    std::thread::sleep(Duration::from_millis(500));
    assert_eq!(s.command(), "multivector", "the game is still running");
    // q and y leave (the question is not drawn, but asked), then the shell is back.
    s.send(&["q"]);
    s.send(&["y"]);
    s.wait_for("the shell", |p| {
        p.lines().any(|l| l.starts_with("mvsh$")) && !p.contains("Please enlarge")
    });
}
