//! `Shares`: the five shares of a dependence domain (Russia, China, Turkey,
//! EU, other), whole points that always sum to 100. The constructor refuses
//! anything else, and every way of changing them keeps the sum.

use std::fmt;

use serde::{Deserialize, Serialize};

use super::types::Holder;

/// Five shares that sum to 100.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "Vec<u8>", into = "Vec<u8>")]
pub struct Shares([u8; 5]);

/// Why five numbers are not shares.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SharesError {
    #[error("expected 5 shares (Russia, China, Turkey, EU, other), found {0}")]
    Count(usize),
    #[error("shares {0:?} sum to {1}, not 100")]
    Sum(Vec<u8>, u32),
}

impl Shares {
    /// All to `other`: no power holds anything.
    pub const DOMESTIC: Shares = Shares([0, 0, 0, 0, 100]);

    pub fn new(row: [u8; 5]) -> Result<Shares, SharesError> {
        let sum: u32 = row.iter().map(|&x| u32::from(x)).sum();
        if sum == 100 {
            Ok(Shares(row))
        } else {
            Err(SharesError::Sum(row.to_vec(), sum))
        }
    }

    pub fn get(self, h: Holder) -> u8 {
        self.0[h.index()]
    }

    /// The five shares in the order of [`Holder::ALL`].
    pub fn row(self) -> [u8; 5] {
        self.0
    }

    /// The four powers' shares.
    pub fn powers(self) -> [u8; 4] {
        [self.0[0], self.0[1], self.0[2], self.0[3]]
    }

    /// Moves up to `amount` (rounded) points from one holder to another; a
    /// negative amount moves them the other way.
    pub fn shift(self, from: Holder, to: Holder, amount: f64) -> Shares {
        let (from, to, amount) = if amount < 0.0 {
            (to, from, -amount)
        } else {
            (from, to, amount)
        };
        let mut row = self.0;
        let moved = (amount.round() as i64).clamp(0, i64::from(row[from.index()])) as u8;
        if moved > 0 && from != to {
            row[from.index()] -= moved;
            row[to.index()] += moved;
        }
        Shares(row)
    }

    /// Raises a holder's share by `amount` (rounded), taking from the others
    /// in proportion to their shares; a negative amount gives a power's
    /// points to `other` (or `other`'s to the powers, in proportion).
    pub fn gain(self, h: Holder, amount: f64) -> Shares {
        let n = amount.round() as i64;
        let mut row = self.0;
        if n > 0 {
            let room = 100 - i64::from(row[h.index()]);
            take_proportionally(&mut row, h, n.min(room) as u32);
        } else if n < 0 {
            let give = (-n).min(i64::from(row[h.index()])) as u32;
            if h == Holder::Other {
                give_proportionally(&mut row, h, give);
            } else {
                row[h.index()] -= give as u8;
                row[Holder::Other.index()] += give as u8;
            }
        }
        Shares(row)
    }

    /// Sets a holder's share, taking from or giving to the others as
    /// [`Shares::gain`] does.
    pub fn set(self, h: Holder, value: f64) -> Shares {
        let target = value.round().clamp(0.0, 100.0);
        self.gain(h, target - f64::from(self.get(h)))
    }
}

impl fmt::Debug for Shares {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

impl TryFrom<Vec<u8>> for Shares {
    type Error = SharesError;
    fn try_from(v: Vec<u8>) -> Result<Self, SharesError> {
        let row = <[u8; 5]>::try_from(v.as_slice()).map_err(|_| SharesError::Count(v.len()))?;
        Shares::new(row)
    }
}

impl From<Shares> for Vec<u8> {
    fn from(s: Shares) -> Vec<u8> {
        s.0.to_vec()
    }
}

/// Takes `n` points from every holder but `h`, in proportion to their shares
/// (largest remainder, ties to the first), and gives them to `h`.
fn take_proportionally(row: &mut [u8; 5], h: Holder, n: u32) {
    let others: u32 = (0..5)
        .filter(|&i| i != h.index())
        .map(|i| u32::from(row[i]))
        .sum();
    let n = n.min(others);
    if n == 0 {
        return;
    }
    let mut taken = [0u32; 5];
    let mut rems = [(0u32, 0usize); 4];
    for (k, i) in (0..5).filter(|&i| i != h.index()).enumerate() {
        let x = n * u32::from(row[i]);
        taken[i] = x / others;
        rems[k] = (x % others, i);
    }
    let mut left = n - taken.iter().sum::<u32>();
    rems.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    for &(_, i) in &rems {
        if left == 0 {
            break;
        }
        if taken[i] < u32::from(row[i]) {
            taken[i] += 1;
            left -= 1;
        }
    }
    for i in 0..5 {
        row[i] -= taken[i] as u8;
    }
    row[h.index()] += n as u8;
}

/// Gives `n` of `h`'s points to the other holders, in proportion to their
/// shares (evenly if they hold none).
fn give_proportionally(row: &mut [u8; 5], h: Holder, n: u32) {
    let n = n.min(u32::from(row[h.index()]));
    let others: u32 = (0..5)
        .filter(|&i| i != h.index())
        .map(|i| u32::from(row[i]))
        .sum();
    let idx: Vec<usize> = (0..5).filter(|&i| i != h.index()).collect();
    let mut given = [0u32; 5];
    if others == 0 {
        for k in 0..n {
            given[idx[(k as usize) % idx.len()]] += 1;
        }
    } else {
        let mut rems = Vec::with_capacity(4);
        for &i in &idx {
            let x = n * u32::from(row[i]);
            given[i] = x.checked_div(others).unwrap_or(0);
            rems.push((x.checked_rem(others).unwrap_or(0), i));
        }
        let mut left = n - given.iter().sum::<u32>();
        rems.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
        for &(_, i) in rems.iter().cycle() {
            if left == 0 {
                break;
            }
            given[i] += 1;
            left -= 1;
        }
    }
    for i in 0..5 {
        row[i] += given[i] as u8;
    }
    row[h.index()] -= n as u8;
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn sum(s: Shares) -> u32 {
        s.row().iter().map(|&x| u32::from(x)).sum()
    }

    #[test]
    fn only_rows_that_sum_to_100_are_shares() {
        assert!(Shares::new([60, 5, 5, 0, 30]).is_ok());
        assert_eq!(
            Shares::new([60, 5, 5, 0, 31]),
            Err(SharesError::Sum(vec![60, 5, 5, 0, 31], 101))
        );
        assert!(Shares::try_from(vec![50, 50]).is_err());
    }

    #[test]
    fn taking_proportionally_keeps_the_sum() {
        let s = Shares::new([60, 5, 5, 0, 30])
            .unwrap()
            .gain(Holder::Eu, 10.0);
        assert_eq!(s.row(), [54, 4, 5, 10, 27]);
    }

    #[test]
    fn giving_proportionally_keeps_the_sum() {
        let s = Shares::DOMESTIC.gain(Holder::Other, -9.0);
        assert_eq!(s.row(), [3, 2, 2, 2, 91]);
    }

    proptest! {
        #[test]
        fn every_change_keeps_the_sum(
            a in 0u8..=100, b in 0u8..=100, c in 0u8..=100, d in 0u8..=100,
            h in 0usize..5, k in 0usize..5, x in -150.0f64..150.0,
        ) {
            let mut row = [0u8; 5];
            let mut left = 100u8;
            for (i, v) in [a, b, c, d].into_iter().enumerate() {
                row[i] = v.min(left);
                left -= row[i];
            }
            row[4] = left;
            let s = Shares::new(row).unwrap();
            prop_assert_eq!(sum(s.gain(Holder::ALL[h], x)), 100);
            prop_assert_eq!(sum(s.shift(Holder::ALL[h], Holder::ALL[k], x)), 100);
            prop_assert_eq!(sum(s.set(Holder::ALL[h], x)), 100);
        }
    }
}
