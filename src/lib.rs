//! Multivector: a turn-based strategy game of multi-vector foreign policy.
pub mod cli;
pub mod content;
pub mod files;
pub mod map;
pub mod report;
pub mod rules;
pub mod save;
pub mod sim;
pub mod text;
pub mod ui;
