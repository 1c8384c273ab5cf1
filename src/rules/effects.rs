//! Applying effects: each kind of effect in one place, every number it
//! moves written through the record.

use super::book::Book;
use super::grammar::Effect;
use super::ids::{ActionId, TrackId};
use super::record::{Note, ShareOp, Src};
use super::state::{Delayed, State};
use super::types::{Stage, Var};

impl State {
    /// Applies one effect, with its cause.
    pub(super) fn apply_effect(&mut self, book: &Book, effect: &Effect, src: Src) {
        match effect {
            Effect::Add(var, by) => match var {
                Var::Share(d, h) => self.move_shares(book, *d, ShareOp::Gain(*h, *by), src),
                Var::Proximity(_) if *by > 0.0 => {
                    // Closeness is harder to raise the closer one already is.
                    let m = &book.model.proximity;
                    let v = self.get(*var);
                    let scale = ((m.gain_ceiling - v) / m.gain_span).clamp(m.gain_floor, 1.0);
                    self.set(book, *var, v + by * scale, src);
                }
                Var::Stability | Var::Capital if *by < 0.0 && src.cause.is_blow() => {
                    // How hard the world hits depends on the difficulty;
                    // capital stays whole.
                    let mut by = by * self.severity;
                    if matches!(var, Var::Capital) {
                        by = by.round();
                    }
                    let v = self.get(*var) + by;
                    self.set(book, *var, v, src);
                }
                _ => {
                    let v = self.get(*var) + by;
                    self.set(book, *var, v, src);
                }
            },
            Effect::Set(var, to) => self.set(book, *var, *to, src),
            Effect::Shift(d, from, to, by) => {
                self.move_shares(book, *d, ShareOp::Shift(*from, *to, *by), src)
            }
            Effect::Gain(d, h, by) => self.move_shares(book, *d, ShareOp::Gain(*h, *by), src),
            Effect::Bind(d, h, by) => self.bind_shares(book, *d, *h, *by, src),
            Effect::SetFlag(f) => {
                if self.flags.insert(f.index()) {
                    self.note(src, Note::Flag(*f, true));
                }
            }
            Effect::ClearFlag(f) => {
                if self.flags.remove(f.index()) {
                    self.note(src, Note::Flag(*f, false));
                }
            }
            Effect::Corridor(id, status) => {
                let old = self.corridors[id.index()].replace(*status);
                if old != Some(*status) {
                    self.note(src, Note::Corridor(*id, *status));
                }
            }
            Effect::Track(id, n) => self.move_track(book, *id, *n, src),
            Effect::StallTrack(id) => self.stall_track(book, *id, src),
            Effect::Later(turns, effects) => self.delayed.push(Delayed {
                due: self.first_end() + turns - 1,
                effects: effects.clone(),
                cause: src.cause,
            }),
            Effect::Over(turns, effects) => {
                let n = *turns;
                for k in 1..=n {
                    self.delayed.push(Delayed {
                        due: self.first_end() + k - 1,
                        effects: effects.iter().map(|e| portion(e, k, n)).collect(),
                        cause: src.cause,
                    });
                }
            }
            Effect::Strain(p, by) => {
                let v = self.strain(*p) + by;
                self.set(book, Var::Strain(*p), v, src);
            }
            Effect::CancelProject(id) => self.cancel_project(*id, src),
            Effect::When(conds, effects) => {
                if self.holds_all(conds) {
                    for e in effects {
                        self.apply_effect(book, e, src);
                    }
                }
            }
        }
    }

    /// The first turn whose end is still to come for an effect applied now:
    /// the next one while a turn ends, else the one being played.
    pub(super) fn first_end(&self) -> u32 {
        if self.ending {
            self.story + 1
        } else {
            self.turn
        }
    }

    pub(super) fn apply_all(&mut self, book: &Book, effects: &[Effect], src: impl Into<Src>) {
        let src = src.into();
        for e in effects {
            self.apply_effect(book, e, src);
        }
    }

    fn cancel_project(&mut self, id: ActionId, src: Src) {
        let before = self.projects.len();
        self.projects.retain(|p| p.action != id);
        if self.projects.len() != before {
            self.note(src, Note::ProjectCancelled(id));
        }
    }

    fn move_track(&mut self, book: &Book, id: TrackId, n: i32, src: Src) {
        let Stage::At(stage) = self.tracks[id.index()] else {
            return;
        };
        let len = book.track(id).stages.len() as i64;
        let next = i64::from(stage) + i64::from(n);
        if next < 0 {
            return self.stall_track(book, id, src);
        }
        if next >= len {
            self.tracks[id.index()] = Stage::Concluded;
            self.note(src, Note::Stage(id, Stage::Concluded));
            let def = book.track(id);
            self.apply_all(book, &def.on_complete, super::record::Cause::Track(id));
        } else if next != i64::from(stage) {
            let at = Stage::At(next as u8);
            self.tracks[id.index()] = at;
            self.note(src, Note::Stage(id, at));
        }
    }

    fn stall_track(&mut self, book: &Book, id: TrackId, src: Src) {
        if !self.tracks[id.index()].open() {
            return;
        }
        self.tracks[id.index()] = Stage::Stalled;
        self.note(src, Note::Stage(id, Stage::Stalled));
        let def = book.track(id);
        self.apply_all(book, &def.on_stall, super::record::Cause::Track(id));
    }
}

/// The `k`-th of `n` parts of an effect's amount, such that the parts add up
/// to the whole; share points and capital are whole numbers. Effects
/// without an amount land whole with the last part.
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
        Effect::Add(v, a) => Effect::Add(*v, part(*a, v.whole())),
        Effect::Shift(d, f, t, a) => Effect::Shift(*d, *f, *t, part(*a, true)),
        Effect::Gain(d, h, a) => Effect::Gain(*d, *h, part(*a, true)),
        Effect::Bind(d, h, a) => Effect::Bind(*d, *h, part(*a, true)),
        Effect::Strain(p, a) => Effect::Strain(*p, part(*a, false)),
        Effect::When(c, inner) => {
            Effect::When(c.clone(), inner.iter().map(|e| portion(e, k, n)).collect())
        }
        other if k == n => other.clone(),
        _ => Effect::Later(1, Vec::new()),
    }
}
