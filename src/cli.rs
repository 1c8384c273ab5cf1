//! The command line (clap).

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

#[derive(Debug, Parser)]
#[command(
    name = "multivector",
    version,
    about = "Multivector: balance Russia, China, Turkey and the EU from a Central Asian capital",
    long_about = "A turn-based strategy game for the terminal. Govern a Central Asian state, run a multi-vector foreign policy, and raise your autonomy and leverage. Without a command, opens the title screen."
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Cmd>,
    #[command(flatten)]
    pub display: Display,
    /// Where saves live (default: ./saves, or $MULTIVECTOR_SAVE_DIR).
    #[arg(long, global = true, value_name = "DIR")]
    pub save_dir: Option<PathBuf>,
}

/// How the screens are drawn: only for the commands that draw (the title
/// screen, `play`, `load`), so that the others' help does not offer it.
#[derive(Debug, Clone, Args)]
pub struct Display {
    /// Draw the map with plain ASCII markers instead of braille.
    #[arg(long)]
    pub ascii: bool,
}

impl Cli {
    /// Whether ASCII was asked for, before the command or after it.
    pub fn ascii(&self) -> bool {
        self.display.ascii
            || matches!(
                &self.command,
                Some(Cmd::Play { display, .. } | Cmd::Load { display, .. }) if display.ascii
            )
    }
}

#[derive(Debug, Subcommand)]
pub enum Cmd {
    /// Start a game straight away.
    Play {
        /// The state to govern: kazakhstan, uzbekistan, kyrgyzstan, tajikistan, turkmenistan.
        #[arg(long, value_name = "ID")]
        country: Option<String>,
        /// A built-in scenario id or the path of a scenario file.
        #[arg(long, value_name = "ID|PATH")]
        scenario: Option<String>,
        /// The seed of the game's chance (the same seed and choices give the same game).
        #[arg(long, value_name = "N")]
        seed: Option<u64>,
        /// The level of difficulty: easy, normal, hard (default: the scenario's own, or normal).
        #[arg(long, value_name = "LEVEL")]
        difficulty: Option<String>,
        /// Play with the model's tuning read from FILE (see assets/model.ron).
        #[arg(long, value_name = "FILE")]
        model: Option<PathBuf>,
        #[command(flatten)]
        display: Display,
    },
    /// Resume a saved game.
    Load {
        /// A save's name in the save directory, or a path.
        #[arg(value_name = "NAME|PATH")]
        save: String,
        #[command(flatten)]
        display: Display,
    },
    /// List the built-in scenarios.
    Scenarios,
    /// Validate a content, model or scenario file.
    Check {
        #[arg(value_name = "PATH")]
        path: PathBuf,
    },
    /// Play many games headless with a built-in policy and sum them up; or,
    /// with --matrix, every playable state × built-in policy × scenario.
    Simulate {
        /// random, hedger, russia-first, china-first, turkey-first, eu-first,
        /// article, expert, or fixed:ID,ID,… (a checklist of action ids).
        #[arg(
            long,
            value_name = "P",
            required_unless_present = "matrix",
            conflicts_with = "matrix"
        )]
        policy: Option<String>,
        /// How many games (a cell, with --matrix: 2000 unless given).
        #[arg(long, value_name = "N", required_unless_present = "matrix")]
        games: Option<u32>,
        /// The state played (default: the scenario's, or kazakhstan).
        #[arg(long, value_name = "ID", conflicts_with = "matrix")]
        country: Option<String>,
        #[arg(
            long,
            value_name = "ID|PATH",
            default_value = "standard",
            conflicts_with = "matrix"
        )]
        scenario: String,
        #[arg(long, value_name = "N", default_value_t = 1)]
        seed: u64,
        /// The level of difficulty: easy, normal, hard (default: the
        /// scenario's own, or normal).
        #[arg(long, value_name = "LEVEL", conflicts_with = "matrix")]
        difficulty: Option<String>,
        /// Print one JSON object instead of a table.
        #[arg(long)]
        json: bool,
        /// Play with the model's tuning read from FILE (see assets/model.ron).
        #[arg(long, value_name = "FILE")]
        model: Option<PathBuf>,
        /// Play every playable state × built-in policy × built-in scenario
        /// that allows the state, and print one table (docs/BALANCE.md).
        #[arg(long)]
        matrix: bool,
        /// With --matrix: games a cell for the slow `expert` (200 unless
        /// given; 0 leaves it out).
        #[arg(long, value_name = "N")]
        expert_games: Option<u32>,
    },
    /// Recompute a saved game from its seed and decisions and compare.
    Replay {
        #[arg(value_name = "SAVE")]
        save: String,
        /// Print the result as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Write a report of a saved game, for grading: the game turn by turn,
    /// its decisions and turning points, and whether the save is honest;
    /// or, with --class, one row per save in a folder.
    Report {
        /// A save's name in the save directory, or a path.
        #[arg(
            value_name = "SAVE",
            required_unless_present = "class",
            conflicts_with = "class"
        )]
        save: Option<String>,
        /// A folder of a class's saves (*.ron): one row per save, with a
        /// summary, instead of the report of one save.
        #[arg(long, value_name = "DIR")]
        class: Option<PathBuf>,
        #[arg(long, value_enum, value_name = "FORMAT", default_value_t = Format::Md)]
        format: Format,
        /// Write the report to FILE (atomically) instead of standard output.
        #[arg(short = 'o', long = "output", value_name = "FILE")]
        output: Option<PathBuf>,
    },
}

/// Output formats of reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// A readable Markdown document.
    Md,
    /// A table with one header row: the turns of a save, or the saves of a class.
    Csv,
    /// One JSON object with everything.
    Json,
}

#[cfg(test)]
mod tests {
    use clap::{CommandFactory, Parser};

    use super::Cli;

    fn has_ascii(sub: Option<&str>) -> bool {
        let mut cmd = Cli::command();
        let cmd = match sub {
            Some(name) => cmd.find_subcommand_mut(name).expect("a subcommand").clone(),
            None => cmd,
        };
        cmd.get_arguments().any(|a| a.get_id() == "ascii")
    }

    #[test]
    fn only_the_commands_that_draw_offer_ascii() {
        assert!(has_ascii(None));
        assert!(has_ascii(Some("play")));
        assert!(has_ascii(Some("load")));
        for quiet in ["report", "replay", "simulate", "check", "scenarios"] {
            assert!(!has_ascii(Some(quiet)), "{quiet} offers --ascii");
        }
        assert!(Cli::parse_from(["multivector", "play", "--ascii"]).ascii());
        assert!(Cli::parse_from(["multivector", "--ascii"]).ascii());
        assert!(!Cli::parse_from(["multivector", "load", "x"]).ascii());
        assert!(Cli::try_parse_from(["multivector", "report", "x", "--ascii"]).is_err());
    }
}
