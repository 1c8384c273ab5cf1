//! Small dialogs over any screen: confirm quitting, save under a name.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget, Wrap};

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

pub fn render_save_as(app: &App, name: &str, area: Rect, buf: &mut Buffer) {
    let t = &app.theme;
    let inner = popup(t, "Save the game", centered(area, 60, 7), buf);
    let lines = vec![
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
    Paragraph::new(lines).render(inner, buf);
    let keys = Rect::new(inner.x, inner.bottom().saturating_sub(1), inner.width, 1);
    footer(t, Ctx::SaveAs, keys, buf);
}
