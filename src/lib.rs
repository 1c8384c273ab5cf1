//! Multivector: a turn-based strategy game of multi-vector foreign policy.
pub mod cli;
pub mod content;
pub mod rules;
pub mod sim;
pub mod ui;
