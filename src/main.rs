//! `multivector`: parse the command line and call one function per subcommand.

use std::process::ExitCode;

use clap::Parser;
use std::path::Path;

use multivector::cli::{Cli, Cmd, Format};
use multivector::content;
use multivector::report::{ClassReport, Report, Verification};
use multivector::rules::{Book, StartError, country_for};
use multivector::save::{self, Verdict};
use multivector::sim::{self, Policy};
use multivector::text::{clean, clean_lines};
use multivector::ui::{self, Launch, Options, launch};

/// Exit codes: 0 ok, 1 runtime error, 2 bad input, 3 replay mismatch, 4 a
/// save of another version that no longer replays.
const BAD_INPUT: u8 = 2;
/// The decisions do not reproduce the saved state: the save was edited.
const REPLAY_MISMATCH: u8 = 3;
/// A save written by another version of the game (or with other content)
/// whose decisions no longer replay with this one: not verified, not edited.
const ANOTHER_VERSION: u8 = 4;

/// The exit code of a replay's verdict.
fn verdict_code(verdict: Verdict) -> ExitCode {
    match verdict {
        Verdict::Verified => ExitCode::SUCCESS,
        Verdict::Edited => ExitCode::from(REPLAY_MISMATCH),
        Verdict::AnotherVersion => ExitCode::from(ANOTHER_VERSION),
    }
}

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
            warn(format!("multivector: {e:#}"));
            ExitCode::from(1)
        }
    }
}

/// Writes a message to standard error. Messages name files and what is
/// in them: nothing from a file reaches the terminal unclean.
fn warn(msg: impl std::fmt::Display) {
    eprintln!("{}", clean_lines(&msg.to_string()));
}

fn bad_input(msg: impl std::fmt::Display) -> anyhow::Result<ExitCode> {
    warn(msg);
    Ok(ExitCode::from(BAD_INPUT))
}

fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    match cli.command {
        Some(Cmd::Check { path }) => match content::check_file(&path) {
            Ok(kind) => {
                out!("ok");
                warn(format!("{}: a valid {kind} file", path.display()));
                Ok(ExitCode::SUCCESS)
            }
            Err(e) => bad_input(e),
        },
        Some(Cmd::Scenarios) => {
            let book = content::builtin()?;
            out_raw!(
                "{}",
                clean_lines(&multivector::report::scenarios::table(&book))
            );
            Ok(ExitCode::SUCCESS)
        }
        Some(Cmd::Simulate {
            ref policy,
            games,
            ref country,
            ref scenario,
            seed,
            json,
            ref model,
            matrix,
            expert_games,
            ref difficulty,
        }) => {
            let book = match content::builtin_with_model(model.as_deref()) {
                Ok(b) => b,
                Err(e) => return bad_input(e),
            };
            if games == Some(0) {
                return bad_input("--games must be at least 1");
            }
            if !matrix && expert_games.is_some() {
                return bad_input("--expert-games goes with --matrix");
            }
            if matrix {
                let opts = sim::MatrixOptions {
                    games: games.unwrap_or(2000),
                    expert_games: expert_games.unwrap_or(200),
                    seed,
                };
                return simulate_matrix(&book, &opts, json);
            }
            // clap requires both without --matrix.
            let (Some(policy), Some(games)) = (policy, games) else {
                return bad_input("simulate: give --policy and --games, or --matrix");
            };
            let policy = match Policy::parse(policy, &book) {
                Ok(p) => p,
                Err(e) => return bad_input(e),
            };
            let mut scenario = match content::resolve_scenario(&book, scenario) {
                Ok(s) => s,
                Err(e) => return bad_input(e),
            };
            if let Some(d) = difficulty {
                if let Err(e) = multivector::rules::difficulty_level(&book, d) {
                    return bad_input(e);
                }
                scenario.difficulty = Some(d.clone());
            }
            let country = match country_for(&book, &scenario, country.as_deref()) {
                Ok(c) => book.country(c).id.clone(),
                Err(StartError::NoCountry(_)) => "kazakhstan".to_string(),
                Err(e) => return bad_input(e),
            };
            let summary = sim::simulate(&book, &scenario, &country, policy, games, seed);
            if json {
                out!("{}", serde_json::to_string(&summary)?);
            } else {
                out_raw!("{}", clean_lines(&summary.table()));
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
            ref difficulty,
            ref model,
            ..
        }) => {
            let book = match content::builtin_with_model(model.as_deref()) {
                Ok(b) => b,
                Err(e) => return bad_input(e),
            };
            let scenario = scenario.as_deref().unwrap_or("standard");
            let launch = match launch::play_at(
                &book,
                scenario,
                country.as_deref(),
                seed,
                difficulty.as_deref(),
                ui::clock_seed(),
            ) {
                Ok(l) => l,
                Err(e) => return bad_input(e),
            };
            play_ui(book, launch, &cli)
        }
        Some(Cmd::Load { save: ref name, .. }) => {
            let book = content::builtin()?;
            let dir = save::save_dir(cli.save_dir.as_deref());
            let path = save::resolve(&dir, name);
            let loaded = match save::read(&book, &path) {
                Ok(g) => g,
                Err(e) => {
                    warn(&e);
                    return Ok(ExitCode::from(e.exit_code()));
                }
            };
            let warning = ui::load_warning(&loaded);
            play_ui(book, Launch::Loaded(Box::new(loaded.game), warning), &cli)
        }
        Some(Cmd::Report {
            ref save,
            ref class,
            format,
            ref output,
        }) => match (save, class) {
            (_, Some(dir)) => report_class(dir, format, output.as_deref()),
            (Some(save), None) => report(&cli, save, format, output.as_deref()),
            // clap requires one of the two.
            (None, None) => bad_input("report: give a SAVE or --class DIR"),
        },
        Some(Cmd::Replay { save: name, json }) => {
            let book = content::builtin()?;
            let path = save::resolve(&save::save_dir(cli.save_dir.as_deref()), &name);
            let report = match save::replay(&book, &path) {
                Ok(report) => report,
                Err(e) => {
                    warn(&e);
                    return Ok(ExitCode::from(e.exit_code()));
                }
            };
            if json {
                out!("{}", serde_json::to_string(&report)?);
            } else if report.verdict == Verdict::Verified {
                out_raw!("{}", clean_lines(&report.text()));
            } else {
                eprint!("{}", clean_lines(&report.text()));
            }
            Ok(verdict_code(report.verdict))
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
    let checked = save::read(&book, &path).map(|loaded| {
        let replay = save::report_of(&book, &path, &loaded);
        (loaded.game, replay)
    });
    let (game, replay) = match checked {
        Ok(x) => x,
        Err(e) => {
            warn(&e);
            return Ok(ExitCode::from(e.exit_code()));
        }
    };
    let check = Verification::of(&replay);
    let report = Report::new(&book, &game, name, check);
    // Markdown and CSV carry text from the save: cleaned (JSON escapes it).
    let text = match format {
        Format::Md => clean_lines(&report.markdown()).into_owned(),
        Format::Csv => clean_lines(&report.csv()?).into_owned(),
        Format::Json => report.json()?,
    };
    match output {
        Some(out) => {
            if multivector::files::same_path(out, &path) {
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
    match replay.verdict {
        Verdict::Verified => {}
        Verdict::AnotherVersion => warn(replay.another_version_line()),
        Verdict::Edited => {
            warn(format!(
                "{}: the saved game does not follow from its decisions: it differs from turn {}.",
                replay.path,
                replay.first_difference.unwrap_or(0)
            ));
            if let Some(reason) = &replay.reason {
                warn(format!("  {reason}"));
            }
            eprintln!("  The report was written all the same; it says `verified: false`.");
        }
    }
    Ok(verdict_code(replay.verdict))
}

/// `multivector report --class DIR`: one row per save in the folder, to
/// standard output or to a file. Exit 0 once the report is written, even
/// with rows for saves that are edited or unreadable (the rows say so); 2
/// for a folder that cannot be read or an output that cannot be written.
fn report_class(dir: &Path, format: Format, output: Option<&Path>) -> anyhow::Result<ExitCode> {
    let book = content::builtin()?;
    let class = match ClassReport::from_dir(&book, dir) {
        Ok(c) => c,
        Err(e) => return bad_input(e),
    };
    let text = match format {
        Format::Md => class.markdown(),
        Format::Csv => class.csv()?,
        Format::Json => class.json()?,
    };
    match output {
        Some(out) => {
            if class
                .rows
                .iter()
                .any(|r| multivector::files::same_path(out, &dir.join(&r.file)))
            {
                return bad_input(format!(
                    "{}: this is one of the saves being reported on; write the report to another file",
                    clean(&out.display().to_string())
                ));
            }
            if let Err(e) = save::write_file(out, text.as_bytes()) {
                return bad_input(e);
            }
            let s = &class.summary;
            eprintln!(
                "{}: {} saves, {} verified, {} edited, {} on a custom scenario, {} from another version, {} unreadable",
                clean(&out.display().to_string()),
                s.saves,
                s.verified,
                s.edited,
                s.custom_scenario,
                s.another_version,
                s.unreadable
            );
        }
        None => out_raw!("{text}"),
    }
    if class.rows.is_empty() {
        eprintln!("{}: no saves (*.ron) in this folder", class.folder);
    }
    Ok(ExitCode::SUCCESS)
}

/// Opens the terminal game, if there is a terminal to open it in.
fn play_ui(book: Book, launch: Launch, cli: &Cli) -> anyhow::Result<ExitCode> {
    if !ui::has_terminal() {
        return bad_input(ui::NEEDS_A_TERMINAL);
    }
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

/// `simulate --matrix`: the table (or JSON) on standard output, a line per
/// cell on standard error while it runs (when that is a terminal), and the
/// wall time on standard error after the table.
fn simulate_matrix(book: &Book, opts: &sim::MatrixOptions, json: bool) -> anyhow::Result<ExitCode> {
    use std::io::IsTerminal as _;
    let tell = std::io::stderr().is_terminal();
    let m = sim::matrix(book, opts, |i, n, s, secs| {
        if tell {
            warn(format!(
                "[{i}/{n}] {} · {} · {}: {} games in {secs:.1} s",
                s.scenario, s.country, s.policy, s.games
            ));
        }
    });
    if json {
        out!("{}", serde_json::to_string(&m)?);
    } else {
        out_raw!("{}", clean_lines(&m.table()));
        // A blank line first, so that in Markdown the line is not read as
        // one more row of the table.
        warn(format!("\n{}", m.timing()));
    }
    Ok(ExitCode::SUCCESS)
}
