//! `multivector`: parse the command line and call one function per subcommand.

use std::process::ExitCode;

use clap::Parser;
use multivector::cli::{Cli, Cmd};
use multivector::content;
use multivector::sim::{self, Policy};

/// Exit codes: 0 ok, 1 runtime error, 2 bad input, 3 replay mismatch.
const BAD_INPUT: u8 = 2;

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => code,
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
                println!("ok");
                eprintln!("{}: a valid {kind} file", path.display());
                Ok(ExitCode::SUCCESS)
            }
            Err(e) => bad_input(e),
        },
        Some(Cmd::Scenarios) => {
            let book = content::builtin()?;
            for s in &book.scenarios {
                let country = s.country.as_deref().unwrap_or("any state");
                println!("{:<16} {} ({} turns, {})", s.id, s.name, s.turns, country);
                if !s.summary.is_empty() {
                    println!("{:<16} {}", "", s.summary);
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
                println!("{}", serde_json::to_string(&summary)?);
            } else {
                print!("{}", summary.table());
            }
            Ok(ExitCode::SUCCESS)
        }
        Some(Cmd::Play { .. }) | Some(Cmd::Load { .. }) | None => {
            eprintln!(
                "The terminal game is not built yet. Try: multivector simulate --policy hedger --games 100"
            );
            Ok(ExitCode::from(1))
        }
        Some(Cmd::Replay { save: name, json }) => {
            use multivector::save;
            /// The decisions do not reproduce the saved state.
            const REPLAY_MISMATCH: u8 = 3;
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
                println!("{}", serde_json::to_string(&report)?);
            } else if report.matches {
                print!("{}", report.text());
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
