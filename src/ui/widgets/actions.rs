//! The action list (those the state played could ever take: cost, whether
//! it can be taken now and why not, planned ones marked, a cue for those
//! above or below the edge) and the preview of the selected action:
//! everything it would change, in the words event answers use too.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use std::rc::Rc;

use super::cache::{RowCache, Version};
use super::consequences::{Dated, action_parts};
use super::{cut, panel, put_line, scroll_cue, scroll_cue_above, scrolled, wrap_styled};
use crate::report::debrief::date_of;
use crate::rules::{ActionId, Book, Illegal, Project, State, check_action};
use crate::ui::keymap::{Msg, key};
use crate::ui::listed::listed;
use crate::ui::theme::Theme;

/// Which items of a list of `n` show in `rows` rows with `selected` in
/// view: the first shown, how many, and whether a cue row says that some
/// are hidden above or below.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ListWindow {
    pub offset: usize,
    pub count: usize,
    pub above: bool,
    pub below: bool,
}

impl ListWindow {
    /// The item at row `row` of the list's area, if any.
    pub fn item_at(&self, row: usize) -> Option<usize> {
        let row = row.checked_sub(usize::from(self.above))?;
        (row < self.count).then_some(self.offset + row)
    }
}

/// The window of a list: the selected item kept in view, as low as it
/// needs to be.
pub fn list_window(selected: usize, n: usize, rows: usize) -> ListWindow {
    if n <= rows {
        return ListWindow {
            offset: 0,
            count: n,
            above: false,
            below: false,
        };
    }
    let mut offset = 0;
    loop {
        let above = offset > 0 && rows >= 3;
        let avail = rows - usize::from(above);
        let below = offset + avail < n && rows >= 3;
        let count = avail - usize::from(below);
        if selected < offset + count || count == 0 || offset + count >= n {
            return ListWindow {
                offset,
                count,
                above,
                below,
            };
        }
        offset += 1;
    }
}

pub struct ActionList<'a> {
    pub book: &'a Book,
    pub state: &'a State,
    pub theme: &'a Theme,
    pub selected: usize,
    pub focused: bool,
}

impl Widget for ActionList<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let (s, t) = (self.state, self.theme);
        let planned = s.planned().len();
        let title = if area.width >= 44 {
            format!(
                " Actions ({planned} planned, {} capital left) ",
                s.capital()
            )
        } else {
            format!(" Actions ({planned} planned) ")
        };
        let block = panel(t, title, self.focused);
        let inner = block.inner(area);
        block.render(area, buf);
        let ids = listed(s, self.book);
        let n = ids.len();
        let at = ids.iter().position(|id| id.index() == self.selected);
        let w = list_window(at.unwrap_or(0), n, usize::from(inner.height));
        let name_w = usize::from(inner.width).saturating_sub(7);
        let top = inner.y + u16::from(w.above);
        for (row, &id) in ids.iter().skip(w.offset).take(w.count).enumerate() {
            let i = id.index();
            let a = self.book.action(id);
            let is_planned = s.planned().contains(&id);
            let check = check_action(s, self.book, id);
            let running = s.projects().iter().find(|p| p.action == id);
            let (mark, style) = if is_planned {
                (t.check(), t.good())
            } else if check.is_ok() {
                (" ", t.text())
            } else {
                (t.cross(), t.dim())
            };
            let pointer = if i == self.selected { t.pointer() } else { " " };
            // A project's counter stays whole: the name is cut before it.
            let name = match running {
                Some(p) => {
                    let counter = format!(" [{}/{}]", p.done, p.duration);
                    let room = name_w.saturating_sub(counter.chars().count());
                    format!("{}{counter}", cut(&a.name, room))
                }
                None => a.name.clone(),
            };
            let line = Line::from(vec![
                Span::raw(format!("{pointer}{mark} ")),
                Span::styled(format!("{:<name_w$}", cut(&name, name_w)), style),
                Span::styled(format!("{:>3}", a.cost), style),
            ]);
            let line = if i == self.selected && self.focused {
                line.style(t.selected())
            } else {
                line
            };
            // One row, written straight into the buffer: a paragraph per
            // row would cost most of the frame.
            put_line(buf, inner.x, top + row as u16, &line, inner.width);
        }
        if w.above {
            scroll_cue_above(t, w.offset, self.focused, inner, buf);
        }
        if w.below {
            scroll_cue(t, n - w.offset - w.count, self.focused, inner, buf);
        }
    }
}

/// Why an action cannot be taken, in the player's words; turns are
/// counted from 1, as the screen counts them.
pub fn why_not(state: &State, e: &Illegal) -> String {
    match e {
        Illegal::Cooldown(_) if never_again(state, e) => {
            "cannot be taken again in this game: its pause outlasts the last turn".into()
        }
        Illegal::Cooldown(t) => {
            format!("available again in {} (turn {})", date_of(state, *t), t + 1)
        }
        other => other.to_string(),
    }
}

/// Whether a refusal holds for the rest of the game: used up, over, or a
/// pause that ends after the last turn.
pub fn never_again(state: &State, e: &Illegal) -> bool {
    match e {
        Illegal::AlreadyUsed | Illegal::GameOver => true,
        Illegal::Cooldown(t) => *t >= state.turns(),
        _ => false,
    }
}

/// A project under way, and when it will be done: its last turn ends
/// the quarter before the date said.
pub fn under_way(state: &State, p: &Project) -> String {
    let left = p.duration.saturating_sub(p.done);
    let due = state.turn() + left;
    let when = if due > state.turns() {
        "not done before the game ends".to_string()
    } else {
        format!("done by {} (lasts)", date_of(state, due))
    };
    format!("Under way: {} of {} turns done; {when}", p.done, p.duration)
}

pub struct PreviewPanel<'a> {
    pub book: &'a Book,
    pub state: &'a State,
    pub theme: &'a Theme,
    pub selected: usize,
    pub cache: Option<(&'a RowCache, &'a Version)>,
    /// A small screen: what the action does before what it is.
    pub compact: bool,
    /// The first row shown, when the preview is taller than its panel.
    pub scroll: u16,
    pub focused: bool,
}

impl PreviewPanel<'_> {
    /// The preview's lines, before wrapping.
    pub fn lines(&self) -> Vec<Line<'static>> {
        let (s, t, book) = (self.state, self.theme, self.book);
        if self.selected >= book.actions.len() {
            return Vec::new();
        }
        let id = ActionId::from_index(self.selected);
        let a = book.action(id);
        let mut lines: Vec<Line<'static>> = Vec::new();
        let planned = s.planned().contains(&id);
        let check = check_action(s, book, id);
        if planned {
            lines.push(Line::styled(
                format!(
                    "{} Planned this turn ({} takes it back)",
                    t.check(),
                    key(Msg::Select)
                ),
                t.good(),
            ));
        } else if let Err(e) = &check {
            lines.push(Line::styled(
                format!("{} Not now: {}", t.cross(), why_not(s, e)),
                t.warn(),
            ));
        }
        // A project under way: when it will really be done.
        if let Some(p) = s.projects().iter().find(|p| p.action == id) {
            lines.push(Line::styled(under_way(s, p), t.heading()));
        }
        if !self.compact {
            lines.push(Line::raw(a.text.clone()));
        }
        // What it would do, by when it lands, with a warning when it may
        // draw a reaction.
        // What cannot be taken now is not dated: a date would be a promise.
        // What can never be taken again is not previewed at all.
        let dated = if planned || check.is_ok() {
            Dated::Calendar
        } else {
            Dated::Relative
        };
        if planned || !check.as_ref().is_err_and(|e| never_again(s, e)) {
            for part in action_parts(s, book, t, id, dated) {
                lines.push(part.line(t, ""));
            }
        }
        if self.compact {
            lines.push(Line::styled(a.text.clone(), t.dim()));
        }
        lines
    }
}

impl PreviewPanel<'_> {
    /// The preview wrapped to `width`.
    pub fn wrapped(&self, width: u16) -> Rc<Vec<Line<'static>>> {
        let make = || wrap_styled(&self.lines(), width, usize::MAX);
        match self.cache {
            Some((c, v)) => c.rows(
                if self.compact {
                    "preview-small"
                } else {
                    "preview"
                },
                self.selected,
                width,
                v,
                make,
            ),
            None => Rc::new(make()),
        }
    }

    /// The rows the preview takes wrapped to `width`.
    pub fn rows(&self, width: u16) -> u16 {
        u16::try_from(self.wrapped(width).len()).unwrap_or(u16::MAX)
    }
}

impl Widget for PreviewPanel<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let t = self.theme;
        let title = match self.book.actions.get(self.selected) {
            // The cost stays in view: a long name is cut to leave it room
            // between the panel's corners.
            Some(a) => {
                let cost = format!(" — cost {} ", a.cost);
                let room = usize::from(area.width).saturating_sub(3 + cost.chars().count());
                format!(" {}{cost}", super::cut(&a.name, room))
            }
            None => " Preview ".into(),
        };
        let block = panel(t, Span::styled(title, t.heading()), self.focused);
        let inner = block.inner(area);
        block.render(area, buf);
        scrolled(
            t,
            &self.wrapped(inner.width),
            self.scroll,
            self.focused,
            inner,
            buf,
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_long_name_in_a_narrow_preview_keeps_its_cost_in_view() {
        let book = crate::content::builtin().unwrap();
        let sc = book.scenario("standard").unwrap().clone();
        let state = crate::rules::new_game(&book, &sc, Some("kazakhstan"), 7).unwrap();
        let theme = Theme::new(false, false);
        let selected = book
            .actions
            .iter()
            .position(|a| a.id == "education_exchange")
            .unwrap();
        let panel = PreviewPanel {
            book: &book,
            state: &state,
            theme: &theme,
            selected,
            cache: None,
            compact: true,
            scroll: 0,
            focused: false,
        };
        let area = Rect::new(0, 0, 40, 6);
        let mut buf = Buffer::empty(area);
        panel.render(area, &mut buf);
        let top: String = (0..40).map(|x| buf[(x, 0)].symbol().to_string()).collect();
        assert!(top.contains("— cost 2"), "{top}");
        assert!(top.contains("Latin script and education…"), "{top}");
    }

    #[test]
    fn the_window_keeps_the_selection_and_counts_what_it_hides() {
        let w = list_window(0, 25, 20);
        assert_eq!((w.offset, w.count, w.above, w.below), (0, 19, false, true));
        let w = list_window(24, 25, 20);
        assert!(w.above && !w.below, "{w:?}");
        assert_eq!(w.offset + w.count, 25);
        assert!(w.offset <= 24 && 24 < w.offset + w.count);
        let w = list_window(3, 5, 20);
        assert_eq!((w.offset, w.count, w.above, w.below), (0, 5, false, false));
        for sel in 0..25 {
            let w = list_window(sel, 25, 10);
            assert!(w.offset <= sel && sel < w.offset + w.count, "{sel}: {w:?}");
            assert_eq!(w.count + usize::from(w.above) + usize::from(w.below), 10);
            assert_eq!(w.item_at(usize::from(w.above)), Some(w.offset));
        }
    }
}
