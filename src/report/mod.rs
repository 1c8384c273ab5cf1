//! Debriefs and class reports: what a game came to, read from its state
//! without a terminal.

pub mod debrief;
