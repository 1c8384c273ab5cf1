//! Small dialogs over any screen: confirm quitting, save under a name.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget, Wrap};

use crate::save;
use crate::ui::app::App;
use crate::ui::keymap::{Ctx, Msg, key};
use crate::ui::widgets::{centered, footer, popup};

pub fn render_confirm(app: &App, area: Rect, buf: &mut Buffer) {
    let t = &app.theme;
    let inner = popup(t, "Quit?", centered(area, 54, 7), buf);
    let (what, note) = if app.play.is_some() {
        (
            "The game has changed since it was last saved.",
            "(The autosave keeps the last end of turn.)",
        )
    } else {
        ("The new game has not been started.", "")
    };
    let lines = vec![
        Line::raw(what),
        Line::raw(note),
        Line::from(vec![
            Span::raw("Quit now? "),
            Span::styled(key(Msg::Yes), t.key()),
            Span::raw(" yes / "),
            Span::styled(key(Msg::No), t.key()),
            Span::raw(" no"),
        ]),
    ];
    Paragraph::new(lines)
        .wrap(Wrap { trim: true })
        .render(inner, buf);
    let keys = Rect::new(inner.x, inner.bottom().saturating_sub(1), inner.width, 1);
    footer(t, Ctx::Confirm, keys, buf);
}

/// Types a character into the save dialog's name. Past the longest name
/// a save can have, nothing is added (and the dialog says so): a name is
/// never cut after it was typed, so two long names cannot end up as one.
pub fn type_name(name: &mut String, c: char) {
    if name.chars().count() < save::MAX_NAME_CHARS {
        name.push(c);
    }
}

/// What the dialog says under the name: that it is as long as a name can
/// be, or that saving will replace a save of the same name.
fn name_note(app: &App, name: &str) -> Option<String> {
    if name.chars().count() >= save::MAX_NAME_CHARS {
        return Some(format!(
            "That is the longest a name can be ({} characters).",
            save::MAX_NAME_CHARS
        ));
    }
    let name = save::sanitize_name(name).ok()?;
    app.save_dir
        .join(format!("{name}.ron"))
        .is_file()
        .then(|| "Replaces the save of this name (the old one is kept as .bak.ron).".into())
}

pub fn render_save_as(app: &App, name: &str, area: Rect, buf: &mut Buffer) {
    let t = &app.theme;
    // Wide enough for the longest name, its cursor and a margin.
    let width = save::MAX_NAME_CHARS as u16 + 6;
    let inner = popup(t, "Save the game", centered(area, width, 7), buf);
    let mut lines = vec![
        Line::raw(format!("Name (in {}):", app.save_dir.display())),
        Line::from(vec![
            Span::styled(format!(" {name}"), t.heading()),
            Span::styled("_", t.key()),
        ]),
        Line::styled(
            format!("Type a name, {} to erase.", key(Msg::Erase)),
            t.dim(),
        ),
    ];
    if let Some(note) = name_note(app, name) {
        lines.push(Line::styled(note, t.warn()));
    }
    Paragraph::new(lines).render(inner, buf);
    let keys = Rect::new(inner.x, inner.bottom().saturating_sub(1), inner.width, 1);
    footer(t, Ctx::SaveAs, keys, buf);
}
