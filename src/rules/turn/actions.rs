//! Steps 1 and 2 of a turn's end: the planned actions land, projects
//! advance and complete, delayed effects land.

use std::borrow::Cow;

use crate::rules::book::Book;
use crate::rules::grammar::Effect;
use crate::rules::ids::ActionId;
use crate::rules::record::{Cause, Note, Src};
use crate::rules::state::{Project, State};
use crate::rules::types::Var;

impl State {
    pub(super) fn take_actions(&mut self, book: &Book) {
        for id in std::mem::take(&mut self.planned) {
            self.take_action(book, id);
        }
    }

    /// One action lands: its effects now, its cooldown, its project.
    pub(in crate::rules) fn take_action(&mut self, book: &Book, id: ActionId) {
        let a = book.action(id);
        let cause = Cause::Action(id);
        self.note(cause, Note::Action(id));
        let scale = repeat_scale(book, self.uses(id));
        for e in &a.effects {
            self.apply_effect(book, &scaled(e, scale), cause.into());
        }
        self.uses[id.index()] = self.uses[id.index()].saturating_add(1);
        if a.cooldown > 0 {
            self.cooldowns[id.index()] = self.story + 1 + a.cooldown;
        }
        if a.duration > 0 {
            self.projects.push(Project {
                action: id,
                done: 0,
                duration: a.duration,
            });
        }
    }

    /// Every project under way advances a turn; those done complete (a
    /// project taken again yields less, as its action's effects do).
    pub(in crate::rules) fn advance_projects(&mut self, book: &Book) {
        let mut finished = Vec::new();
        let running: Vec<ActionId> = self.projects.iter().map(|p| p.action).collect();
        for id in running {
            let cause = Cause::Project(id);
            let scale = repeat_scale(book, self.uses(id).saturating_sub(1));
            for e in &book.action(id).each_turn {
                self.apply_effect(book, &scaled(e, scale), cause.into());
            }
            // Effects may cancel projects: look the project up again.
            let Some(p) = self.projects.iter_mut().find(|p| p.action == id) else {
                continue;
            };
            p.done += 1;
            if p.done >= p.duration {
                finished.push(id);
            }
        }
        for id in finished {
            self.projects.retain(|p| p.action != id);
            let cause = Cause::Project(id);
            self.note(cause, Note::ProjectDone(id));
            let scale = repeat_scale(book, self.uses(id).saturating_sub(1));
            for e in &book.action(id).on_complete {
                self.apply_effect(book, &scaled(e, scale), cause.into());
            }
        }
    }

    /// Delayed effects due by the end of this turn land, with the cause
    /// that set them off.
    pub(in crate::rules) fn land_delayed(&mut self, book: &Book) {
        let story = self.story;
        if !self.delayed.iter().any(|d| d.due <= story) {
            return;
        }
        let (due, later): (Vec<_>, Vec<_>) = std::mem::take(&mut self.delayed)
            .into_iter()
            .partition(|d| d.due <= story);
        self.delayed = later;
        for d in due {
            let src = Src {
                cause: d.cause,
                later: true,
            };
            self.apply_all(book, &d.effects, src);
        }
    }
}

/// What an action yields the time after `before` earlier uses: repeated
/// levers wear (the model's `repeat` per earlier use, never below `floor`).
pub(in crate::rules) fn repeat_scale(book: &Book, before: u16) -> f64 {
    let m = &book.model.actions;
    m.repeat.powi(i32::from(before)).max(m.repeat_floor)
}

/// An effect with its lasting gains scaled: share changes and strategic
/// assets; closeness, stability, strain and the rest are left whole (and
/// an effect with nothing to scale, or scaled by one, is itself).
fn scaled(e: &Effect, k: f64) -> Cow<'_, Effect> {
    if k == 1.0 {
        return Cow::Borrowed(e);
    }
    let all = |inner: &[Effect]| inner.iter().map(|e| scaled(e, k).into_owned()).collect();
    Cow::Owned(match e {
        Effect::Shift(d, f, t, x) => Effect::Shift(*d, *f, *t, x * k),
        Effect::Gain(d, h, x) => Effect::Gain(*d, *h, x * k),
        Effect::Bind(d, h, x) => Effect::Bind(*d, *h, x * k),
        Effect::Add(Var::Assets, x) if *x > 0.0 => Effect::Add(Var::Assets, x * k),
        Effect::Later(n, inner) => Effect::Later(*n, all(inner)),
        Effect::Over(n, inner) => Effect::Over(*n, all(inner)),
        Effect::When(c, inner) => Effect::When(c.clone(), all(inner)),
        other => return Cow::Borrowed(other),
    })
}
