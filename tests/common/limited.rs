//! Running the binary with a time limit: a command that hangs is killed
//! and reported, instead of hanging the tests.

use std::io::Read;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// How a limited run ended.
#[derive(Debug)]
pub struct Run {
    /// The exit code, when the process exited.
    pub code: Option<i32>,
    /// The signal that ended it, when one did (unix).
    pub signal: Option<i32>,
    /// Killed for running past the limit.
    pub timed_out: bool,
    pub took: Duration,
    pub stdout: Vec<u8>,
    pub stderr: Vec<u8>,
}

impl Run {
    pub fn stderr_text(&self) -> String {
        String::from_utf8_lossy(&self.stderr).into_owned()
    }
    pub fn stdout_text(&self) -> String {
        String::from_utf8_lossy(&self.stdout).into_owned()
    }
}

/// `multivector ARGS…` in `cwd` with standard input closed and no save
/// directory from the environment, killed after `limit`.
pub fn multivector(args: &[&str], cwd: &Path, limit: Duration) -> Run {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_multivector"));
    cmd.args(args)
        .current_dir(cwd)
        .env_remove("MULTIVECTOR_SAVE_DIR")
        .stdin(Stdio::null());
    run(&mut cmd, limit)
}

/// Runs `cmd` with its output captured, killing it after `limit`.
pub fn run(cmd: &mut Command, limit: Duration) -> Run {
    let start = Instant::now();
    let mut child = cmd
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the command starts");
    let mut out = child.stdout.take().unwrap();
    let mut err = child.stderr.take().unwrap();
    let out = std::thread::spawn(move || {
        let mut b = Vec::new();
        let _ = out.read_to_end(&mut b);
        b
    });
    let err = std::thread::spawn(move || {
        let mut b = Vec::new();
        let _ = err.read_to_end(&mut b);
        b
    });
    let mut timed_out = false;
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if start.elapsed() > limit {
            timed_out = true;
            let _ = child.kill();
            break child.wait().unwrap();
        }
        std::thread::sleep(Duration::from_millis(5));
    };
    let took = start.elapsed();
    #[cfg(unix)]
    let signal = std::os::unix::process::ExitStatusExt::signal(&status);
    #[cfg(not(unix))]
    let signal = None;
    Run {
        code: status.code(),
        signal,
        timed_out,
        took,
        stdout: out.join().unwrap(),
        stderr: err.join().unwrap(),
    }
}
