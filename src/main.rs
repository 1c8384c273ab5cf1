//! `multivector`: parse the command line and call one function per subcommand.

use std::process::ExitCode;

use clap::Parser;
use std::path::Path;

use multivector::cli::{Cli, Cmd, Format};
use multivector::content;
use multivector::report::{Report, Verification};
use multivector::rules::{Book, Game, StartError, country_for};
use multivector::save;
use multivector::sim::{self, Policy};
use multivector::ui::{self, Launch, Options};

/// Exit codes: 0 ok, 1 runtime error, 2 bad input, 3 replay mismatch.
const BAD_INPUT: u8 = 2;
/// The decisions do not reproduce the saved state.
const REPLAY_MISMATCH: u8 = 3;

/// Writes a line to standard output, handing a failure (a closed pipe, as
/// in `multivector scenarios | head -1`) back to `main`.
macro_rules! out {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        writeln!(std::io::stdout().lock(), $($arg)*)?;
    }};
}

/// Like `out!`, without the newline.
macro_rules! out_raw {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        write!(std::io::stdout().lock(), $($arg)*)?;
    }};
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => code,
        // The reader stopped reading: nothing is wrong.
        Err(e)
            if e.downcast_ref::<std::io::Error>()
                .is_some_and(|e| e.kind() == std::io::ErrorKind::BrokenPipe) =>
        {
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("multivector: {e:#}");
            ExitCode::from(1)
        }
    }
}

fn bad_input(msg: impl std::fmt::Display) -> anyhow::Result<ExitCode> {
    eprintln!("{msg}");
    Ok(ExitCode::from(BAD_INPUT))
}

fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    match cli.command {
        Some(Cmd::Check { path }) => match content::check_file(&path) {
            Ok(kind) => {
                out!("ok");
                eprintln!("{}: a valid {kind} file", path.display());
                Ok(ExitCode::SUCCESS)
            }
            Err(e) => bad_input(e),
        },
        Some(Cmd::Scenarios) => {
            let book = content::builtin()?;
            for s in &book.scenarios {
                let country = s.country.as_deref().unwrap_or("any state");
                out!("{:<16} {} — {} turns, {}", s.id, s.name, s.turns, country);
                if !s.summary.is_empty() {
                    out!("{:<16} {}", "", s.summary);
                }
            }
            Ok(ExitCode::SUCCESS)
        }
        Some(Cmd::Simulate {
            policy,
            games,
            country,
            scenario,
            seed,
            json,
        }) => {
            let Some(policy) = Policy::from_id(&policy) else {
                let ids: Vec<&str> = Policy::ALL.iter().map(|p| p.id()).collect();
                return bad_input(format!(
                    "unknown policy `{policy}` (known: {})",
                    ids.join(", ")
                ));
            };
            let book = content::builtin()?;
            let scenario = match content::resolve_scenario(&book, &scenario) {
                Ok(s) => s,
                Err(e) => return bad_input(e),
            };
            let country = match country_for(&scenario, country.as_deref()) {
                Ok(c) => c.to_string(),
                Err(StartError::NoCountry(_)) => "kazakhstan".to_string(),
                Err(e) => return bad_input(e),
            };
            if book.country(&country).is_none() {
                let ids: Vec<&str> = book.countries.iter().map(|c| c.id.as_str()).collect();
                return bad_input(format!(
                    "unknown country `{country}` (known: {})",
                    ids.join(", ")
                ));
            }
            if games == 0 {
                return bad_input("--games must be at least 1");
            }
            let summary = sim::simulate(&book, &scenario, &country, policy, games, seed);
            if json {
                out!("{}", serde_json::to_string(&summary)?);
            } else {
                out_raw!("{}", summary.table());
            }
            Ok(ExitCode::SUCCESS)
        }
        None => {
            let book = content::builtin()?;
            play_ui(book, Launch::Title, &cli)
        }
        Some(Cmd::Play {
            ref country,
            ref scenario,
            seed,
            ..
        }) => {
            let book = content::builtin()?;
            let scenario =
                match content::resolve_scenario(&book, scenario.as_deref().unwrap_or("standard")) {
                    Ok(s) => s,
                    Err(e) => return bad_input(e),
                };
            if country.is_none() && scenario.country.is_none() {
                let launch = Launch::NewGame {
                    scenario: Some(scenario.id.clone()),
                };
                return play_ui(book, launch, &cli);
            }
            let seed = seed.or(scenario.seed).unwrap_or_else(ui::clock_seed);
            let game = match Game::new(&book, scenario, country.as_deref(), seed) {
                Ok(g) => g,
                Err(e) => return bad_input(e),
            };
            play_ui(book, Launch::Play(Box::new(game)), &cli)
        }
        Some(Cmd::Load { save: ref name, .. }) => {
            let book = content::builtin()?;
            let dir = save::save_dir(cli.save_dir.as_deref());
            let path = save::resolve(&dir, name);
            let game = match save::read(&path) {
                Ok(g) => g,
                Err(e) => {
                    eprintln!("{e}");
                    return Ok(ExitCode::from(e.exit_code()));
                }
            };
            play_ui(book, Launch::Play(Box::new(game)), &cli)
        }
        Some(Cmd::Report {
            ref save,
            format,
            ref output,
        }) => report(&cli, save, format, output.as_deref()),
        Some(Cmd::Replay { save: name, json }) => {
            let book = content::builtin()?;
            let path = save::resolve(&save::save_dir(cli.save_dir.as_deref()), &name);
            let report = match save::replay(&book, &path) {
                Ok(report) => report,
                Err(e) => {
                    eprintln!("{e}");
                    return Ok(ExitCode::from(e.exit_code()));
                }
            };
            if json {
                out!("{}", serde_json::to_string(&report)?);
            } else if report.matches {
                out_raw!("{}", report.text());
            }
            if report.matches {
                Ok(ExitCode::SUCCESS)
            } else {
                if !json {
                    eprint!("{}", report.text());
                }
                Ok(ExitCode::from(REPLAY_MISMATCH))
            }
        }
    }
}

/// `multivector report`: the report of a save, to standard output or to a
/// file. A save that does not replay still gets its report (saying
/// `verified: false`), with a warning and exit code 3.
fn report(
    cli: &Cli,
    name: &str,
    format: Format,
    output: Option<&Path>,
) -> anyhow::Result<ExitCode> {
    let book = content::builtin()?;
    let path = save::resolve(&save::save_dir(cli.save_dir.as_deref()), name);
    let checked = save::read(&path).and_then(|game| {
        let replay = save::verify(&book, &path, &game)?;
        Ok((game, replay))
    });
    let (game, replay) = match checked {
        Ok(x) => x,
        Err(e) => {
            eprintln!("{e}");
            return Ok(ExitCode::from(e.exit_code()));
        }
    };
    let check = Verification {
        verified: replay.matches,
        first_difference: replay.first_difference,
        reason: replay.reason.clone(),
    };
    let report = Report::new(&book, &game, name, check);
    let text = match format {
        Format::Md => report.markdown(),
        Format::Csv => report.csv()?,
        Format::Json => report.json()?,
    };
    match output {
        Some(out) => {
            if same_file(out, &path) {
                return bad_input(format!(
                    "{}: this is the save being reported on; write the report to another file",
                    out.display()
                ));
            }
            if let Err(e) = save::write_file(out, text.as_bytes()) {
                return bad_input(e);
            }
        }
        None => out_raw!("{text}"),
    }
    if replay.matches {
        Ok(ExitCode::SUCCESS)
    } else {
        eprintln!(
            "{}: the saved game does not follow from its decisions: it differs from turn {}.",
            replay.path,
            replay.first_difference.unwrap_or(0)
        );
        if let Some(reason) = &replay.reason {
            eprintln!("  {reason}");
        }
        eprintln!("  The report was written all the same; it says `verified: false`.");
        Ok(ExitCode::from(REPLAY_MISMATCH))
    }
}

/// Whether two paths name the same existing file (through links too).
fn same_file(a: &Path, b: &Path) -> bool {
    let (Ok(ma), Ok(mb)) = (std::fs::metadata(a), std::fs::metadata(b)) else {
        return false;
    };
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        ma.dev() == mb.dev() && ma.ino() == mb.ino()
    }
    #[cfg(not(unix))]
    {
        let _ = (ma, mb);
        matches!(
            (std::fs::canonicalize(a), std::fs::canonicalize(b)),
            (Ok(x), Ok(y)) if x == y
        )
    }
}

/// Opens the terminal game.
fn play_ui(book: Book, launch: Launch, cli: &Cli) -> anyhow::Result<ExitCode> {
    let opts = Options {
        save_dir: save::save_dir(cli.save_dir.as_deref()),
        // Plain ASCII on request, or where the locale cannot show braille.
        ascii: cli.ascii() || !ui::locale_is_utf8(|k| std::env::var(k).ok()),
        color: ui::theme::Theme::color_from_env(),
        seed_hint: ui::clock_seed(),
    };
    ui::run(book, launch, opts)?;
    Ok(ExitCode::SUCCESS)
}
