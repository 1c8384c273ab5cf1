//! The title screen: new game, load game, help, quit.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget, Wrap};

use crate::ui::app::{App, Dialog, Screen};
use crate::ui::keymap::{Ctx, Msg};
use crate::ui::widgets::{centered, footer, status};

pub const ITEMS: [&str; 4] = ["New game", "Load game", "Help", "Quit"];

#[derive(Debug, Clone, Default)]
pub struct TitleState {
    pub selected: usize,
}

pub fn update(app: &mut App, msg: Msg) {
    match msg {
        Msg::Up => app.title.selected = app.title.selected.saturating_sub(1),
        Msg::Down => app.title.selected = (app.title.selected + 1).min(ITEMS.len() - 1),
        Msg::Select => match app.title.selected {
            0 => app.screen = Screen::NewGame,
            1 => {
                app.load.refresh(&app.save_dir);
                app.screen = Screen::Load;
            }
            2 => app.dialog = Some(Dialog::Help { scroll: 0 }),
            _ => app.quit = true,
        },
        _ => {}
    }
}

pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let t = &app.theme;
    let [body, st, foot] = Layout::vertical([
        Constraint::Fill(1),
        Constraint::Length(1),
        Constraint::Length(1),
    ])
    .areas(area);
    let box_ = centered(body, 72, 20);
    let mut lines: Vec<Line> = vec![
        Line::styled("M U L T I V E C T O R", t.title()),
        Line::styled("a game of multi-vector foreign policy", t.dim()),
        Line::raw(""),
    ];
    lines.push(Line::styled(
        "Govern a Central Asian state between Russia, China, Turkey and the EU.",
        t.heading(),
    ));
    lines.push(Line::styled(
        "“proximity to Turkey now means potential proximity to Europe.”",
        t.quote(),
    ));
    lines.push(Line::raw(""));
    for (i, item) in ITEMS.iter().enumerate() {
        let line = if i == app.title.selected {
            Line::from(Span::styled(
                format!("{} {item} ", t.pointer()),
                t.selected(),
            ))
        } else {
            Line::raw(format!("  {item} "))
        };
        lines.push(line);
    }
    Paragraph::new(lines)
        .centered()
        .wrap(Wrap { trim: false })
        .render(box_, buf);
    status(t, app.status.as_deref(), st, buf);
    footer(t, Ctx::Title, foot, buf);
}
