//! Multivector: a turn-based strategy game of multi-vector foreign policy.
pub mod content;
pub mod rules;
