//! Steps 1 and 2 of a turn's end: the planned actions land, projects
//! advance and complete, delayed effects land.

use crate::rules::book::Book;
use crate::rules::ids::ActionId;
use crate::rules::record::{Cause, Note, Src};
use crate::rules::state::{Project, State};

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
        self.apply_all(book, &a.effects, cause);
        self.used.insert(id.index());
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

    /// Every project under way advances a turn; those done complete.
    pub(in crate::rules) fn advance_projects(&mut self, book: &Book) {
        let mut finished = Vec::new();
        let running: Vec<ActionId> = self.projects.iter().map(|p| p.action).collect();
        for id in running {
            let cause = Cause::Project(id);
            self.apply_all(book, &book.action(id).each_turn, cause);
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
            self.apply_all(book, &book.action(id).on_complete, cause);
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
