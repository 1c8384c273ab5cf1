//! The slow checks: the statistical balance targets, the mutation run and
//! the crash test. `cargo slow` (an alias of
//! `cargo test --release --test slow`) runs them; CI runs them after the
//! fast suite.

#[path = "../common/mod.rs"]
mod common;

mod balance;
mod crash;
mod mutation;
