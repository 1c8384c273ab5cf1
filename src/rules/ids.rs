//! Ids of the content, resolved once when the content loads.
//!
//! Content files name things by string ids ("visit_ankara", "csto"). The
//! rules never match strings at play: every reference is resolved, when the
//! content loads or a scenario starts, to a small index newtype. The same
//! grammar of conditions and effects serves both stages, through the [`Ids`]
//! family: `Effect<Raw>` as written in a file, `Effect` (= `Effect<Resolved>`)
//! as the rules read it.

use std::fmt::Debug;

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

macro_rules! id {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(
            Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
        )]
        #[serde(transparent)]
        pub struct $name(u16);

        impl $name {
            /// The position of the item in its list in the book.
            pub fn index(self) -> usize {
                usize::from(self.0)
            }

            /// The id of the item at this position. Content lists are
            /// bounded when they load, so the position always fits.
            pub fn from_index(i: usize) -> Self {
                $name(u16::try_from(i).unwrap_or(u16::MAX))
            }
        }
    };
}

id!(
    /// An action of the player's.
    ActionId
);
id!(
    /// An event of the deck.
    EventId
);
id!(
    /// A country of `countries.ron`.
    CountryId
);
id!(
    /// A flag: a membership, a standing fact, a precedent.
    FlagId
);
id!(
    /// A multi-stage track (the customs-union talks).
    TrackId
);
id!(
    /// A corridor or pipeline.
    CorridorId
);
id!(
    /// A standing situation of the world.
    SituationId
);
id!(
    /// A world-drift rule.
    DriftId
);
id!(
    /// An ending.
    EndingId
);
id!(
    /// A move of a power's deck.
    MoveId
);

/// The most items of one kind a content set may hold.
pub const MAX_ITEMS: usize = 4096;

/// What an id is in one stage of the content.
pub trait IdType:
    Clone + Debug + Eq + Ord + std::hash::Hash + Serialize + DeserializeOwned + 'static
{
}
impl<T: Clone + Debug + Eq + Ord + std::hash::Hash + Serialize + DeserializeOwned + 'static> IdType
    for T
{
}

/// A family of id types: how content refers to its items.
pub trait Ids: Clone + Copy + Debug + PartialEq + Eq + std::hash::Hash + 'static {
    type Action: IdType;
    type Event: IdType;
    type Country: IdType;
    type Flag: IdType;
    type Track: IdType;
    type Corridor: IdType;
    type Situation: IdType;
}

/// Ids as written in content files: strings.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Raw;

/// Ids resolved to the items of a book.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Resolved;

impl Ids for Raw {
    type Action = String;
    type Event = String;
    type Country = String;
    type Flag = String;
    type Track = String;
    type Corridor = String;
    type Situation = String;
}

impl Ids for Resolved {
    type Action = ActionId;
    type Event = EventId;
    type Country = CountryId;
    type Flag = FlagId;
    type Track = TrackId;
    type Corridor = CorridorId;
    type Situation = SituationId;
}

/// A set of ids of one kind, as bits.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct IdSet {
    words: Vec<u64>,
}

impl IdSet {
    pub fn contains(&self, i: usize) -> bool {
        self.words
            .get(i / 64)
            .is_some_and(|w| w & (1 << (i % 64)) != 0)
    }

    /// Adds an index; says whether it was new.
    pub fn insert(&mut self, i: usize) -> bool {
        if self.words.len() <= i / 64 {
            self.words.resize(i / 64 + 1, 0);
        }
        let bit = 1 << (i % 64);
        let new = self.words[i / 64] & bit == 0;
        self.words[i / 64] |= bit;
        new
    }

    /// Removes an index; says whether it was there.
    pub fn remove(&mut self, i: usize) -> bool {
        let was = self.contains(i);
        if was {
            self.words[i / 64] &= !(1 << (i % 64));
        }
        was
    }

    pub fn iter(&self) -> impl Iterator<Item = usize> + '_ {
        self.words.iter().enumerate().flat_map(|(k, &w)| {
            (0..64)
                .filter(move |b| w & (1 << b) != 0)
                .map(move |b| k * 64 + b)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_id_set_holds_what_was_put_in() {
        let mut s = IdSet::default();
        assert!(s.insert(3));
        assert!(!s.insert(3));
        assert!(s.insert(130));
        assert!(s.contains(3) && s.contains(130) && !s.contains(4));
        assert_eq!(s.iter().collect::<Vec<_>>(), [3, 130]);
        assert!(s.remove(3));
        assert!(!s.remove(3));
        assert_eq!(s.iter().collect::<Vec<_>>(), [130]);
    }
}
