//! Step 5 of a turn's end: events. A scenario's scripted events fire on
//! their turn; otherwise one event is drawn from the deck, among those whose
//! conditions hold, by weight, with the state's generator.

use super::unit;
use crate::rules::book::Book;
use crate::rules::ids::EventId;
use crate::rules::record::{Cause, Note};
use crate::rules::state::{Decision, State};

impl State {
    fn eligible(&self, book: &Book, id: EventId) -> bool {
        let e = book.event(id);
        let ready = match self.fired[id.index()] {
            None => true,
            Some(_) if e.once => false,
            Some(last) => {
                let cooldown = e.cooldown.unwrap_or(book.model.defaults.event_cooldown);
                self.turn >= last + cooldown.max(1)
            }
        };
        ready
            && e.weight > 0.0
            && self.deck.as_ref().is_none_or(|d| d.contains(id.index()))
            && self.holds_all(&e.when)
    }

    pub(super) fn draw_events(&mut self, book: &Book) {
        let turn = self.turn;
        let scripted: Vec<EventId> = self
            .scripted
            .iter()
            .filter(|(t, _)| *t == turn)
            .map(|(_, id)| *id)
            .collect();
        if !scripted.is_empty() {
            for id in scripted {
                self.fire(book, id);
            }
            return;
        }
        let mut total = 0.0;
        let mut candidates: Vec<(EventId, f64)> = Vec::new();
        for id in book.event_ids() {
            if self.eligible(book, id) {
                let w = book.event(id).weight;
                total += w;
                candidates.push((id, w));
            }
        }
        let Some(&(last, _)) = candidates.last() else {
            return;
        };
        let mut x = unit(&mut self.rng) * total;
        let mut pick = last;
        for (id, w) in candidates {
            if x < w {
                pick = id;
                break;
            }
            x -= w;
        }
        self.fire(book, pick);
    }

    fn fire(&mut self, book: &Book, id: EventId) {
        let e = book.event(id);
        self.fired[id.index()] = Some(self.turn);
        self.fired_last.push(id);
        let cause = Cause::Event(id);
        self.note(cause, Note::Event(id));
        self.apply_all(book, &e.effects, cause);
        if !e.choices.is_empty() {
            self.pending.push(Decision::Event(id));
        }
    }
}
