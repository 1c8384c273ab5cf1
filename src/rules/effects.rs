//! Applying effects and reading conditions. Every change of a number goes
//! through here and is logged with its cause.

use super::book::Book;
use super::defs::{Cond, Effect, ShareVec};
use super::state::{Cause, Delayed, Entry, LogEntry, State};
use super::types::{Domain, Holder, LadderStep, Power, Var};

impl State {
    pub(super) fn note(&mut self, cause: Cause, text: impl Into<String>) {
        self.log.push(LogEntry {
            turn: self.turn,
            cause,
            entry: Entry::Note(text.into()),
        });
    }

    pub(super) fn record(&mut self, cause: &Cause, var: Var, before: f64, after: f64) {
        if before != after {
            self.log.push(LogEntry {
                turn: self.turn,
                cause: cause.clone(),
                entry: Entry::Change { var, before, after },
            });
        }
    }

    /// Writes a number, clamped to its range, and logs the change.
    fn write(&mut self, var: &Var, value: f64, cause: &Cause) {
        let before = self.get(var);
        match var {
            Var::Share(d, h) => {
                let target = value.round().clamp(0.0, 100.0);
                self.gain(*d, *h, target - before, cause);
                return;
            }
            Var::Autonomy | Var::Turn | Var::Track(_) => return,
            _ => {}
        }
        let v = clamp_for(var, value);
        match var {
            Var::Proximity(p) => self.powers[p.index()].proximity = v,
            Var::Tolerance(p) => self.powers[p.index()].tolerance = v,
            Var::Strain(p) => self.powers[p.index()].strain = v,
            Var::World(w) => self.world[w.index()] = v,
            Var::Stability => {
                self.stability = v;
                if v <= 0.0 && self.flags.insert(COLLAPSE.to_string()) {
                    self.note(cause.clone(), "The state collapses");
                }
            }
            Var::Leverage => {
                // Adding to leverage adds to its bonus part.
                self.leverage_bonus = (self.leverage_bonus + (value - before)).clamp(-30.0, 30.0);
                self.refresh_scores();
                let after = self.leverage;
                self.record(cause, var.clone(), before, after);
                return;
            }
            Var::Capital => self.capital = v,
            Var::CapitalPerTurn => self.capital_per_turn = v,
            Var::Assets => self.assets = v,
            Var::Share(..) | Var::Autonomy | Var::Turn | Var::Track(_) => unreachable!(),
        }
        self.record(cause, var.clone(), before, v);
    }

    fn shares_changed(&mut self, d: Domain, before: ShareVec, cause: &Cause) {
        let after = self.shares[d.index()];
        for h in Holder::ALL {
            let (b, a) = (before[h.index()], after[h.index()]);
            self.record(cause, Var::Share(d, h), f64::from(b), f64::from(a));
        }
    }

    /// Moves up to `amount` share points from one holder to another.
    pub(super) fn shift(
        &mut self,
        d: Domain,
        from: Holder,
        to: Holder,
        amount: f64,
        cause: &Cause,
    ) {
        let before = self.shares[d.index()];
        let mut row = before;
        shift_row(&mut row, from, to, amount);
        if cause.is_structural() {
            shift_row(&mut self.structure[d.index()], from, to, amount);
        }
        if row != before {
            self.shares[d.index()] = row;
            self.shares_changed(d, before, cause);
        }
    }

    /// Raises a holder's share, taking from the others in proportion; a
    /// negative amount gives the points to `other` (or, for `other`, to the powers).
    pub(super) fn gain(&mut self, d: Domain, h: Holder, amount: f64, cause: &Cause) {
        let before = self.shares[d.index()];
        let mut row = before;
        gain_row(&mut row, h, amount);
        if cause.is_structural() {
            gain_row(&mut self.structure[d.index()], h, amount);
        }
        if row != before {
            self.shares[d.index()] = row;
            self.shares_changed(d, before, cause);
        }
    }

    /// Structural pull: in each domain, one point moves from the holder
    /// furthest above its structural level to the one furthest below it,
    /// when both gaps are at least two points. Geography and habit pull
    /// dependence back unless infrastructure changes the structure itself.
    pub(super) fn structural_pull(&mut self) {
        let cause = Cause::Drift("structural_pull".into());
        for d in Domain::ALL {
            let row = self.shares[d.index()];
            let base = self.structure[d.index()];
            let gap = |i: usize| i32::from(row[i]) - i32::from(base[i]);
            let above = (0..5)
                .max_by_key(|&i| (gap(i), std::cmp::Reverse(i)))
                .unwrap_or(0);
            let below = (0..5).min_by_key(|&i| (gap(i), i)).unwrap_or(0);
            if gap(above) >= 2 && gap(below) <= -2 {
                self.shift(d, Holder::ALL[above], Holder::ALL[below], 1.0, &cause);
            }
        }
    }

    /// Applies one effect, with its cause.
    pub(super) fn apply_effect(&mut self, book: &Book, effect: &Effect, cause: &Cause) {
        match effect {
            Effect::Add(var, by) => {
                if let Var::Share(d, h) = var {
                    self.gain(*d, *h, *by, cause);
                } else if let (Var::Proximity(_), true) = (var, *by > 0.0) {
                    // Closeness is harder to raise the closer one already is.
                    let v = self.get(var);
                    let gain = by * ((110.0 - v) / 70.0).clamp(0.1, 1.0);
                    self.write(var, v + gain, cause);
                } else {
                    let v = self.get(var) + by;
                    self.write(var, v, cause);
                }
            }
            Effect::Set(var, to) => self.write(var, *to, cause),
            Effect::Shift(d, from, to, by) => self.shift(*d, *from, *to, *by, cause),
            Effect::Gain(d, h, by) => self.gain(*d, *h, *by, cause),
            Effect::SetFlag(f) => {
                if self.flags.insert(f.clone()) {
                    let name = book.world.flag_name(f);
                    self.note(cause.clone(), format!("Now: {name}"));
                }
            }
            Effect::ClearFlag(f) => {
                if self.flags.remove(f) {
                    let name = book.world.flag_name(f);
                    self.note(cause.clone(), format!("No longer: {name}"));
                }
            }
            Effect::Corridor(id, status) => {
                let old = self.corridors.insert(id.clone(), *status);
                if old != Some(*status) {
                    let name = book.world.corridor_name(id);
                    self.note(cause.clone(), format!("{name}: {}", status.name()));
                }
            }
            Effect::Track(id, n) => self.move_track(book, id, *n, cause),
            Effect::StallTrack(id) => self.stall_track(book, id, cause),
            Effect::Later(turns, effects) => self.delayed.push(Delayed {
                due: self.turn + turns.max(&1),
                effects: effects.clone(),
                cause: cause.clone(),
            }),
            Effect::Over(turns, effects) => {
                let n = (*turns).max(1);
                for k in 1..=n {
                    self.delayed.push(Delayed {
                        due: self.turn + k,
                        effects: effects.iter().map(|e| portion(e, k, n)).collect(),
                        cause: cause.clone(),
                    });
                }
            }
            Effect::Strain(p, by) => {
                let v = self.powers[p.index()].strain + by;
                self.write(&Var::Strain(*p), v, cause);
            }
            Effect::CancelProject(id) => {
                let before = self.projects.len();
                self.projects.retain(|p| &p.action != id);
                if self.projects.len() != before {
                    self.note(cause.clone(), format!("project cancelled: {id}"));
                }
            }
        }
    }

    pub(super) fn apply_all(&mut self, book: &Book, effects: &[Effect], cause: &Cause) {
        for e in effects {
            self.apply_effect(book, e, cause);
        }
    }

    fn move_track(&mut self, book: &Book, id: &str, n: i32, cause: &Cause) {
        let Some(def) = book.track(id) else { return };
        let len = def.stages.len() as i32;
        let stage = self.tracks.get(id).copied().unwrap_or(0);
        if stage < 0 || stage >= len {
            return;
        }
        let next = stage + n;
        if next < 0 {
            self.stall_track(book, id, cause);
            return;
        }
        let next = next.min(len);
        self.tracks.insert(id.to_string(), next);
        if next >= len {
            self.note(cause.clone(), format!("{}: concluded", def.name));
            let effects = def.on_complete.clone();
            self.apply_all(book, &effects, &Cause::Track(id.to_string()));
        } else if next != stage {
            self.note(
                cause.clone(),
                format!("{}: {}", def.name, def.stages[next as usize]),
            );
        }
    }

    fn stall_track(&mut self, book: &Book, id: &str, cause: &Cause) {
        let Some(def) = book.track(id) else { return };
        let stage = self.tracks.get(id).copied().unwrap_or(0);
        if stage < 0 || stage >= def.stages.len() as i32 {
            return;
        }
        self.tracks.insert(id.to_string(), -1);
        self.note(cause.clone(), format!("{}: stalled", def.name));
        let effects = def.on_stall.clone();
        self.apply_all(book, &effects, &Cause::Track(id.to_string()));
    }

    /// Whether a condition holds now.
    pub fn holds(&self, cond: &Cond) -> bool {
        match cond {
            Cond::AtLeast(v, x) => self.get(v) >= *x,
            Cond::AtMost(v, x) => self.get(v) <= *x,
            Cond::Flag(f) => self.flags.contains(f),
            Cond::NoFlag(f) => !self.flags.contains(f),
            Cond::Country(ids) => ids.iter().any(|c| c == &self.country),
            Cond::Corridor(id, s) => self.corridors.get(id) == Some(s),
            Cond::Dominated { count, share } => self.dominated_domains(*share) >= *count,
            Cond::Ladder { count, step } => {
                Power::ALL
                    .iter()
                    .filter(|p| self.powers[p.index()].ladder >= *step && *step > LadderStep::Calm)
                    .count() as u32
                    >= *count
            }
            Cond::Gained(v, x) => self.history.first().is_some_and(|start| {
                let then = match v {
                    Var::Autonomy => start.autonomy,
                    Var::Leverage => start.leverage,
                    Var::Stability => start.stability,
                    Var::Proximity(p) => start.proximity[p.index()],
                    _ => return false,
                };
                self.get(v) - then >= *x
            }),
            Cond::Any(cs) => cs.iter().any(|c| self.holds(c)),
            Cond::Not(c) => !self.holds(c),
        }
    }

    pub fn holds_all(&self, conds: &[Cond]) -> bool {
        conds.iter().all(|c| self.holds(c))
    }

    /// How many domains have one power over `share` percent.
    pub fn dominated_domains(&self, share: f64) -> u32 {
        self.shares
            .iter()
            .filter(|row| row[..4].iter().any(|&s| f64::from(s) > share))
            .count() as u32
    }
}

/// Moves up to `amount` (rounded) points of a row from one holder to another.
fn shift_row(row: &mut ShareVec, from: Holder, to: Holder, amount: f64) {
    let (from, to, amount) = if amount < 0.0 {
        (to, from, -amount)
    } else {
        (from, to, amount)
    };
    let moved = (amount.round() as i64).clamp(0, i64::from(row[from.index()])) as u8;
    if moved > 0 && from != to {
        row[from.index()] -= moved;
        row[to.index()] += moved;
    }
}

/// Raises (or lowers) a holder's share of a row, keeping the sum.
fn gain_row(row: &mut ShareVec, h: Holder, amount: f64) {
    let n = amount.round() as i64;
    if n > 0 {
        let room = 100 - i64::from(row[h.index()]);
        take_proportionally(row, h, n.min(room) as u32);
    } else if n < 0 {
        let give = (-n).min(i64::from(row[h.index()])) as u32;
        if h == Holder::Other {
            give_proportionally(row, h, give);
        } else {
            row[h.index()] -= give as u8;
            row[Holder::Other.index()] += give as u8;
        }
    }
}

/// The flag set when stability reaches 0 at any moment of a turn.
pub const COLLAPSE: &str = "collapse";

/// The range of a variable.
fn clamp_for(var: &Var, v: f64) -> f64 {
    match var {
        Var::Leverage => v.clamp(-30.0, 30.0),
        Var::Capital | Var::CapitalPerTurn => v.clamp(0.0, 20.0),
        _ => v.clamp(0.0, 100.0),
    }
}

/// The `k`-th of `n` parts of an effect's amount, such that the parts add up
/// to the whole; share points are whole numbers.
fn portion(effect: &Effect, k: u32, n: u32) -> Effect {
    let part = |a: f64, whole: bool| {
        let (k, n) = (f64::from(k), f64::from(n));
        if whole {
            (a * k / n).round() - (a * (k - 1.0) / n).round()
        } else {
            a * k / n - a * (k - 1.0) / n
        }
    };
    match effect {
        Effect::Add(v, a) => Effect::Add(v.clone(), part(*a, matches!(v, Var::Share(..)))),
        Effect::Shift(d, f, t, a) => Effect::Shift(*d, *f, *t, part(*a, true)),
        Effect::Gain(d, h, a) => Effect::Gain(*d, *h, part(*a, true)),
        Effect::Strain(p, a) => Effect::Strain(*p, part(*a, false)),
        other if k == n => other.clone(),
        _ => Effect::Add(Var::Assets, 0.0),
    }
}

/// Takes `n` points from every holder but `h`, in proportion to their shares
/// (largest remainder, ties to the first), and gives them to `h`.
fn take_proportionally(row: &mut ShareVec, h: Holder, n: u32) {
    let others: u32 = (0..5)
        .filter(|&i| i != h.index())
        .map(|i| u32::from(row[i]))
        .sum();
    let n = n.min(others);
    if n == 0 {
        return;
    }
    let mut taken = [0u32; 5];
    let mut rems = Vec::with_capacity(4);
    for i in (0..5).filter(|&i| i != h.index()) {
        let x = n * u32::from(row[i]);
        taken[i] = x / others;
        rems.push((x % others, i));
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
/// shares (evenly to the powers if they hold none).
fn give_proportionally(row: &mut ShareVec, h: Holder, n: u32) {
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

    #[test]
    fn taking_proportionally_keeps_the_sum() {
        let mut row = [60, 5, 5, 0, 30];
        take_proportionally(&mut row, Holder::Eu, 10);
        assert_eq!(row.iter().map(|&x| u32::from(x)).sum::<u32>(), 100);
        assert_eq!(row[Holder::Eu.index()], 10);
        assert_eq!(row, [54, 4, 5, 10, 27]);
    }

    #[test]
    fn giving_proportionally_keeps_the_sum() {
        let mut row = [0, 0, 0, 0, 100];
        give_proportionally(&mut row, Holder::Other, 9);
        assert_eq!(row.iter().map(|&x| u32::from(x)).sum::<u32>(), 100);
        assert_eq!(row, [3, 2, 2, 2, 91]);
    }
}
