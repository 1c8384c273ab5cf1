//! The real binary in a real terminal (tmux): the game screen at 120×40
//! and 80×24, a turn, help, quitting back to a usable shell, and the
//! enlarge message at 40×12. Skipped, with a note, where tmux is missing.

use std::process::Command;
use std::time::{Duration, Instant};

fn have_tmux() -> bool {
    let ok = Command::new("tmux")
        .arg("-V")
        .output()
        .is_ok_and(|o| o.status.success());
    // CI installs tmux: there, a missing tmux is a failure, not a skip.
    assert!(
        ok || std::env::var("CI").is_err(),
        "tmux is missing on CI: .ci/run must install it"
    );
    ok
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
    // The map is on screen at both sizes; m marks it another way.
    assert!(p.contains("Map: closeness"), "{w}x{h}: no map on\n{p}");
    s.send(&["m"]);
    s.wait_for("the map by its security leader", |p| {
        p.contains("Map: Security")
    });
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
    // Keys wait: e does not end a turn blind. q leaves at once (the game
    // autosaved), and the shell is back.
    s.send(&["e"]);
    std::thread::sleep(Duration::from_millis(300));
    assert!(
        !dir.path().join("autosave.ron").exists(),
        "no turn ended under the enlarge message"
    );
    s.send(&["q"]);
    s.wait_for("the shell", |p| {
        p.lines().any(|l| l.starts_with("mvsh$")) && !p.contains("Please enlarge")
    });
    let book = multivector::content::builtin().unwrap();
    let saved = multivector::save::read(&book, &dir.path().join("autosave.ron"))
        .expect("autosave")
        .game;
    assert_eq!(
        saved.state().turn(),
        0,
        "the game as it stood: no turn ended"
    );
}

/// Ends turns, answering every decision with its first choice, until the
/// header shows `date`.
fn end_turns_until(s: &Session, date: &str) {
    let start = Instant::now();
    loop {
        let p = s.pane();
        if p.contains(date) && !p.contains("Your answer:") {
            return;
        }
        if p.contains("Your answer:") {
            s.send(&["1"]);
        } else {
            s.send(&["e"]);
        }
        assert!(
            start.elapsed() < Duration::from_secs(30),
            "never reached {date}:\n{p}"
        );
        std::thread::sleep(Duration::from_millis(200));
    }
}

/// The header and the three score gauges of the game screen.
fn scores(p: &str) -> Vec<String> {
    let mut out: Vec<String> = p
        .lines()
        .filter(|l| l.contains("turn ") && l.contains("capital"))
        .map(|l| l.trim().to_string())
        .collect();
    for w in ["Autonomy  ", "Leverage  ", "Stability "] {
        if let Some(l) = p.lines().find(|l| l.contains(&format!("│{w}"))) {
            let i = l.find(w).unwrap_or(0);
            out.push(l[i..].split('│').next().unwrap_or("").trim().to_string());
        }
    }
    out
}

#[test]
fn a_saved_game_loads_with_the_same_date_and_scores() {
    if !have_tmux() {
        eprintln!("note: tmux is not installed; skipping the terminal test");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let s = Session::new("save", 120, 40);
    s.type_line(&play_line(dir.path()));
    s.wait_for("the game screen", |p| p.contains("2026 Q1"));
    end_turns_until(&s, "2026 Q3");
    let before = scores(&s.pane());
    assert_eq!(before.len(), 4, "{before:?}");
    s.send(&["s"]);
    s.wait_for("the name prompt", |p| p.contains("uzbekistan-2026-q3"));
    s.send(&["Enter"]);
    s.wait_for("the save to be written", |_| {
        dir.path().join("uzbekistan-2026-q3.ron").exists()
    });
    // Just saved: quitting asks nothing.
    s.send(&["q"]);
    s.wait_for("the shell", |p| {
        p.lines().any(|l| l.starts_with("mvsh$")) && !p.contains("Stability")
    });
    s.type_line(&format!(
        "clear; {} load uzbekistan-2026-q3 --save-dir '{}'",
        env!("CARGO_BIN_EXE_multivector"),
        dir.path().display()
    ));
    let p = s.wait_for("the loaded game", |p| {
        p.contains("2026 Q3") && p.contains("Stability ")
    });
    assert_eq!(scores(&p), before);
    // Nothing has happened since it was loaded: quitting asks nothing, as
    // for a game loaded from the title screen.
    s.send(&["q"]);
    s.wait_for("the shell again", |p| {
        p.lines().any(|l| l.starts_with("mvsh$")) && !p.contains("Stability")
    });
}

#[test]
fn a_hang_up_writes_the_autosave_and_restores_the_terminal() {
    if !have_tmux() {
        eprintln!("note: tmux is not installed; skipping the terminal test");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let s = Session::new("hup", 100, 30);
    s.type_line(&format!("{} & echo pid=$!; fg", play_line(dir.path())));
    s.wait_for("the game screen", |p| p.contains("2026 Q1"));
    end_turns_until(&s, "2026 Q3");
    // The end of turn wrote an autosave; take it away, so that only the
    // hang-up can write it again.
    std::fs::remove_file(dir.path().join("autosave.ron")).expect("an autosave after the turn");
    let pids = games_in(dir.path());
    assert_eq!(pids.len(), 1, "found the game's process: {pids:?}");
    for pid in &pids {
        assert!(
            Command::new("kill")
                .args(["-HUP", pid])
                .status()
                .unwrap()
                .success()
        );
    }
    s.wait_for("the shell after the hang-up", |p| {
        p.lines().any(|l| l.starts_with("mvsh$")) && !p.contains("Stability ")
    });
    s.type_line("echo restored-$((40+2))");
    s.wait_for("the shell to answer", |p| p.contains("restored-42"));
    let text = std::fs::read_to_string(dir.path().join("autosave.ron")).expect("autosave written");
    let book = multivector::content::builtin().unwrap();
    let game = multivector::save::read(&book, &dir.path().join("autosave.ron"))
        .expect("the autosave loads")
        .game;
    assert_eq!(
        game.state().date_label(),
        "2026 Q3",
        "the last completed turn"
    );
    assert!(text.contains("version"));
}

/// The process ids of the games started with `dir` as their save directory.
fn games_in(dir: &std::path::Path) -> Vec<String> {
    let dir_text = dir.display().to_string();
    let out = Command::new("pgrep")
        .args(["-f", "play --country uzbekistan --seed 3"])
        .output()
        .expect("pgrep runs");
    String::from_utf8_lossy(&out.stdout)
        .split_whitespace()
        .filter(|pid| {
            std::fs::read_to_string(format!("/proc/{pid}/cmdline"))
                .is_ok_and(|c| c.contains(&dir_text) && c.contains("--save-dir"))
        })
        .map(str::to_string)
        .collect()
}

#[test]
fn a_closed_terminal_ends_the_game_with_its_autosave() {
    // As when an SSH session drops: the terminal itself goes away, not
    // only a signal. The game must not be left running on a dead terminal.
    if !have_tmux() {
        eprintln!("note: tmux is not installed; skipping the terminal test");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let s = Session::new("gone", 100, 30);
    s.type_line(&format!("exec {}", play_line(dir.path())));
    s.wait_for("the game screen", |p| p.contains("2026 Q1"));
    s.send(&["Enter"]); // plan the first action: only a save on hang-up keeps it
    s.wait_for("the planned action", |p| p.contains("1 planned"));
    assert_eq!(games_in(dir.path()).len(), 1, "the game is running");
    drop(s); // tmux kill-session: the terminal is gone
    let start = Instant::now();
    while !games_in(dir.path()).is_empty() {
        assert!(
            start.elapsed() < Duration::from_secs(10),
            "the game is still running on a closed terminal"
        );
        std::thread::sleep(Duration::from_millis(100));
    }
    let book = multivector::content::builtin().unwrap();
    let game = multivector::save::read(&book, &dir.path().join("autosave.ron"))
        .expect("the autosave is written")
        .game;
    assert_eq!(
        game.state().planned().len(),
        1,
        "the planned action is kept"
    );
}
