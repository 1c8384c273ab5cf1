//! Multivector: a turn-based strategy game of multi-vector foreign policy.
pub mod map;
pub mod rules;
