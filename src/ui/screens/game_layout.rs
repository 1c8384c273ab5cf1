//! Where the game screen's panels go, for drawing and for keys and clicks
//! alike. Wide (110×34 and up): three columns, the board (map, actions),
//! the player (scores, powers, the detail of what is selected, the news)
//! and the stakes (goals, world). Small: the map beside the actions, and
//! one panel below the scores that shows what has the focus.

use ratatui::layout::{Constraint, Layout, Rect};

/// Which panel the arrows move in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Focus {
    #[default]
    Actions,
    /// The selected action's preview, to scroll it.
    Preview,
    Map,
    Log,
    Goals,
    World,
}

impl Focus {
    pub const ORDER: [Focus; 6] = [
        Focus::Actions,
        Focus::Preview,
        Focus::Map,
        Focus::Log,
        Focus::Goals,
        Focus::World,
    ];

    pub fn next(self) -> Focus {
        let i = Focus::ORDER.iter().position(|f| *f == self).unwrap_or(0);
        Focus::ORDER[(i + 1) % Focus::ORDER.len()]
    }

    pub fn back(self) -> Focus {
        let i = Focus::ORDER.iter().position(|f| *f == self).unwrap_or(0);
        Focus::ORDER[(i + Focus::ORDER.len() - 1) % Focus::ORDER.len()]
    }

    pub fn name(self) -> &'static str {
        match self {
            Focus::Actions => "the actions",
            Focus::Preview => "the preview",
            Focus::Map => "the map",
            Focus::Log => "the news",
            Focus::Goals => "the goals",
            Focus::World => "the world",
        }
    }
}

/// What the detail panel shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Detail {
    /// The selected action's preview.
    Preview,
    /// The selected country and the map's legend.
    Country,
    News,
    Goals,
    World,
}

/// Where each panel goes; an empty rectangle for a panel not shown.
#[derive(Debug, Clone, Copy, Default)]
pub struct GameLayout {
    pub compact: bool,
    pub header: Rect,
    pub map: Rect,
    pub scores: Rect,
    pub powers: Rect,
    pub actions: Rect,
    pub detail: Rect,
    pub news: Rect,
    pub goals: Rect,
    pub world: Rect,
    pub status: Rect,
    pub footer: Rect,
}

impl GameLayout {
    /// What the detail panel shows with this focus.
    pub fn detail(&self, focus: Focus) -> Detail {
        match focus {
            Focus::Map => Detail::Country,
            Focus::Log if self.compact => Detail::News,
            Focus::Goals if self.compact => Detail::Goals,
            Focus::World if self.compact => Detail::World,
            _ => Detail::Preview,
        }
    }

    /// Where a focused panel's scrolled text is drawn, if it has one.
    pub fn scrolled_area(&self, focus: Focus) -> Option<Rect> {
        match focus {
            Focus::Actions => None,
            Focus::Preview | Focus::Map => Some(self.detail),
            _ if self.compact => Some(self.detail),
            Focus::Log => Some(self.news),
            Focus::Goals => Some(self.goals),
            Focus::World => Some(self.world),
        }
    }
}

/// Whether `area` gets the small layout.
pub fn is_compact(area: Rect) -> bool {
    area.width < 110 || area.height < 34
}

/// The panels of the game screen in `area`. `parts` opens the leverage
/// gauge into its parts (two more rows); `status_rows` is the height of
/// the status message; `detail`, when known, the rows the detail panel's
/// text takes in a wide layout and whether it may take all but a few rows
/// of the news (else half at most).
pub fn layout(
    area: Rect,
    parts: bool,
    status_rows: u16,
    detail: Option<(u16, bool)>,
) -> GameLayout {
    let compact = is_compact(area);
    let [header, body, status, footer] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Fill(1),
        Constraint::Length(status_rows.max(1)),
        Constraint::Length(1),
    ])
    .areas(area);
    let mut l = GameLayout {
        compact,
        header,
        status,
        footer,
        ..Default::default()
    };
    let extra = if parts { 2 } else { 0 };
    if compact {
        let left_w = (body.width * 46 / 80)
            .max(44)
            .min(body.width.saturating_sub(30));
        let [left, right] =
            Layout::horizontal([Constraint::Length(left_w), Constraint::Fill(1)]).areas(body);
        [l.scores, l.powers, l.detail] = Layout::vertical([
            Constraint::Length(5 + extra),
            Constraint::Length(7),
            Constraint::Fill(1),
        ])
        .areas(left);
        [l.map, l.actions] =
            Layout::vertical([Constraint::Percentage(45), Constraint::Fill(1)]).areas(right);
    } else {
        let c2 = (body.width * 34 / 100).max(41);
        let [c1, mid, c3] = Layout::horizontal([
            Constraint::Percentage(34),
            Constraint::Length(c2),
            Constraint::Fill(1),
        ])
        .areas(body);
        [l.map, l.actions] =
            Layout::vertical([Constraint::Percentage(40), Constraint::Fill(1)]).areas(c1);
        let [scores, powers, rest] = Layout::vertical([
            Constraint::Length(6 + extra),
            Constraint::Length(7),
            Constraint::Fill(1),
        ])
        .areas(mid);
        (l.scores, l.powers) = (scores, powers);
        let half = rest.height / 2;
        let detail = detail.map_or(half, |(rows, greedy)| {
            let most = if greedy {
                rest.height.saturating_sub(6)
            } else {
                half
            };
            (rows + 2).clamp(6, most.max(6))
        });
        [l.detail, l.news] =
            Layout::vertical([Constraint::Length(detail), Constraint::Fill(1)]).areas(rest);
        [l.goals, l.world] =
            Layout::vertical([Constraint::Percentage(50), Constraint::Fill(1)]).areas(c3);
    }
    l
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_focus_goes_round_both_ways() {
        let mut f = Focus::Actions;
        for _ in 0..Focus::ORDER.len() {
            assert_eq!(f.next().back(), f);
            f = f.next();
        }
        assert_eq!(f, Focus::Actions);
    }

    #[test]
    fn panels_stay_inside_the_screen_and_do_not_overlap() {
        for (w, h) in [(80, 24), (100, 30), (120, 40), (200, 60), (110, 34)] {
            for parts in [false, true] {
                let area = Rect::new(0, 0, w, h);
                let l = layout(area, parts, 1, None);
                let panels = [
                    l.header, l.map, l.scores, l.powers, l.actions, l.detail, l.news, l.goals,
                    l.world, l.status, l.footer,
                ];
                for (i, a) in panels.iter().enumerate() {
                    assert!(area.contains(a.as_position()) || a.is_empty(), "{w}x{h}");
                    assert!(a.right() <= w && a.bottom() <= h, "{w}x{h}: {a:?}");
                    for b in &panels[i + 1..] {
                        assert!(
                            !a.intersects(*b) || a.is_empty() || b.is_empty(),
                            "{a:?} {b:?}"
                        );
                    }
                }
                assert!(l.map.height >= 8, "{w}x{h}: the map keeps its place");
                assert!(l.actions.height >= 8, "{w}x{h}");
            }
        }
    }
}
