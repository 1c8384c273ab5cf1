//! The fast, deterministic tests: one binary, a module per area, so that the
//! crate links once. `cargo test` runs them.

#[path = "../common/mod.rs"]
mod common;

mod board;
mod class_report;
mod classroom_ui;
mod cli;
mod content;
mod defects;
mod difficulty;
mod docs;
mod ending_bars;
mod escapes;
mod headless;
mod last_turn;
mod legible;
mod map;
mod map_modes;
mod messages;
mod model_cli;
mod playtest;
mod record;
mod reliability_doc;
mod replay_cli;
mod report_cli;
mod rules;
mod save;
mod save_dialog;
mod save_dir;
mod save_format;
mod scenarios;
mod simulate_cli;
mod special_files;
mod tmux;
mod tuning;
mod tutorial;
mod tutorial_tmux;
mod ui;
mod validation;
mod validation_content;
mod validation_saves;
mod world_rules;
