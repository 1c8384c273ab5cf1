//! A simple label placer: each label tries the right, left, top and bottom of
//! its point, in that order, and takes the first spot that stays inside the
//! map and clear of every text already placed. Labels are offered in order of
//! priority, so when there is no room the less important ones are left out.

/// A text cell-rectangle one row high.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Spot {
    pub x: u16,
    pub y: u16,
    pub len: u16,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Held {
    Free,
    Marker,
    Label,
}

pub(crate) struct Placer {
    width: u16,
    height: u16,
    /// What holds each cell.
    taken: Vec<Held>,
}

impl Placer {
    pub fn new(width: u16, height: u16) -> Placer {
        Placer {
            width,
            height,
            taken: vec![Held::Free; usize::from(width) * usize::from(height)],
        }
    }

    fn index(&self, x: i32, y: i32) -> Option<usize> {
        (x >= 0 && y >= 0 && x < i32::from(self.width) && y < i32::from(self.height))
            .then(|| y as usize * usize::from(self.width) + x as usize)
    }

    fn held(&self, x: i32, y: i32) -> Held {
        self.index(x, y)
            .and_then(|i| self.taken.get(i).copied())
            .unwrap_or(Held::Free)
    }

    /// Whether `len` cells from `(x, y)` are inside and free, with no other
    /// label right beside them, so two labels never read as one.
    pub fn fits(&self, x: i32, y: i32, len: u16) -> bool {
        let len = i32::from(len);
        if len == 0 || x < 0 || y < 0 || y >= i32::from(self.height) {
            return false;
        }
        if x + len > i32::from(self.width) {
            return false;
        }
        (x..x + len).all(|cx| self.held(cx, y) == Held::Free)
            && self.held(x - 1, y) != Held::Label
            && self.held(x + len, y) != Held::Label
    }

    fn take(&mut self, spot: Spot, what: Held) {
        for cx in 0..spot.len {
            if let Some(i) = self.index(i32::from(spot.x) + i32::from(cx), i32::from(spot.y)) {
                if let Some(t) = self.taken.get_mut(i) {
                    *t = what;
                }
            }
        }
    }

    /// Takes a one-cell marker at `(x, y)` if it is inside and free.
    pub fn mark(&mut self, x: i32, y: i32) -> Option<Spot> {
        let i = self.index(x, y)?;
        if self.taken.get(i).copied() != Some(Held::Free) {
            return None;
        }
        let spot = Spot {
            x: x as u16,
            y: y as u16,
            len: 1,
        };
        self.take(spot, Held::Marker);
        Some(spot)
    }

    /// Finds a spot for `len` cells beside the point `(x, y)`: right, left,
    /// above, below. Takes it and returns it, or `None` if none is free.
    pub fn place_beside(&mut self, x: i32, y: i32, len: u16) -> Option<Spot> {
        let l = i32::from(len);
        let candidates = [
            (x + 1, y),
            (x - l, y),
            (x - l / 2, y - 1),
            (x - l / 2, y + 1),
            (x + 1, y - 1),
            (x - l, y + 1),
        ];
        self.place_first(&candidates, len)
    }

    /// Takes the first of `candidates` where `len` cells fit.
    pub fn place_first(&mut self, candidates: &[(i32, i32)], len: u16) -> Option<Spot> {
        let &(cx, cy) = candidates
            .iter()
            .find(|&&(cx, cy)| self.fits(cx, cy, len))?;
        let spot = Spot {
            x: cx as u16,
            y: cy as u16,
            len,
        };
        self.take(spot, Held::Label);
        Some(spot)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_do_not_overlap_and_stay_inside() {
        let mut p = Placer::new(20, 5);
        let a = p.place_beside(5, 2, 6).unwrap();
        assert_eq!((a.x, a.y), (6, 2));
        let b = p.place_beside(5, 2, 6).unwrap();
        assert!(b.y != a.y || b.x + b.len < a.x || a.x + a.len < b.x);
        assert!(p.place_beside(19, 0, 30).is_none());
        let c = p.place_beside(19, 4, 4).unwrap();
        assert!(c.x + c.len <= 20);
    }

    #[test]
    fn a_zero_sized_placer_places_nothing() {
        let mut p = Placer::new(0, 0);
        assert!(p.place_beside(0, 0, 1).is_none());
        assert!(p.mark(0, 0).is_none());
    }
}
