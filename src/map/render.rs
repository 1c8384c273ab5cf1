//! Drawing the map: the cached base, the lines that change (the selected
//! country's outline, corridors, the proximity lines), then the texts, all
//! written into the buffer as one ratatui `Canvas` would write them.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line as TextLine;
use ratatui::widgets::Widget;

use super::cache::{self, mark};
use super::data::{LonLat, Power};
use super::raster::Raster;
use super::shapes::{Dash, DashedLine, DotGrid};
use super::view::{CorridorStatus, Frame, MapView, MapWidget};
use super::{atlas, palette, power_color};

impl Widget for MapWidget<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        self.render_map(area, buf);
    }
}

impl Widget for &MapWidget<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        self.render_map(area, buf);
    }
}

impl MapWidget<'_> {
    fn render_map(&self, area: Rect, buf: &mut Buffer) {
        let area = area.intersection(buf.area);
        if area.is_empty() {
            return;
        }
        let view = &self.view;
        let atlas = atlas();
        let frame = Frame::new(view.zoom, area.width, area.height, view.ascii, atlas.bbox);
        let base = cache::base(view, &frame, atlas);
        let mut raster = base.raster.clone();
        if !view.marks.is_empty() {
            raster.overlay(&cache::marks(view, &frame, atlas));
        }
        if let Some(sel) = view.selected.and_then(|id| atlas.country(id)) {
            raster.overlay(&cache::outline(view, &frame, sel));
        }
        if let Some(g) = DotGrid::dots(&frame) {
            view.draw_lines(&g, &mut raster);
        }
        raster.write(area, buf, &base.bg);
        for t in view.texts(atlas, &frame) {
            let Some((x, y)) = frame.label_cell(frame.print_at(t.spot.x, t.spot.y)) else {
                continue;
            };
            let (x, y) = (x + area.x, y + area.y);
            buf.set_line(x, y, &TextLine::styled(t.text, t.style), area.right() - x);
        }
    }
}

impl MapView<'_> {
    /// The corridors, then the proximity lines on top.
    fn draw_lines(&self, g: &DotGrid, raster: &mut Raster) {
        let atlas = atlas();
        let ascii = self.ascii;
        for &(id, status) in self.corridors {
            let Some(co) = atlas.corridor(id) else {
                continue;
            };
            let lit = self.highlight.contains(&id);
            let color = match status {
                _ if lit => palette::HIGHLIGHT,
                CorridorStatus::Planned => palette::CORRIDOR_DIM,
                _ => palette::CORRIDOR,
            };
            DashedLine {
                points: &co.points,
                dash: if lit {
                    Dash::SOLID
                } else {
                    corridor_dash(status, ascii)
                },
                color: self.colour(color),
            }
            .draw(g, raster, mark::CORRIDOR);
        }
        if self.hide_ties {
            return;
        }
        if let Some(pc) = atlas.capital_of(self.player) {
            for p in Power::ALL {
                let Some(cap) = atlas.power_capital(p) else {
                    continue;
                };
                let prox = self.proximity.get(p.index()).copied().unwrap_or(0.0);
                let points: [LonLat; 2] = [pc.at, cap.at];
                DashedLine {
                    points: &points,
                    dash: proximity_dash(prox, ascii),
                    color: self.colour(power_color(p)),
                }
                .draw(g, raster, mark::PROXIMITY);
            }
        }
    }
}

fn proximity_dash(p: f64, ascii: bool) -> Dash {
    let p = if p.is_finite() {
        p.clamp(0.0, 100.0)
    } else {
        0.0
    };
    match (p >= 60.0, p >= 30.0, ascii) {
        (true, _, _) => Dash::SOLID,
        (false, true, false) => Dash { on: 2, off: 2 },
        (false, true, true) => Dash { on: 1, off: 1 },
        (false, false, false) => Dash { on: 1, off: 5 },
        (false, false, true) => Dash { on: 1, off: 3 },
    }
}

fn corridor_dash(s: CorridorStatus, ascii: bool) -> Dash {
    match (s, ascii) {
        (CorridorStatus::Open, _) => Dash::SOLID,
        (CorridorStatus::Planned, false) => Dash { on: 1, off: 2 },
        (CorridorStatus::Planned, true) => Dash { on: 1, off: 1 },
        (CorridorStatus::Building, false) => Dash { on: 4, off: 2 },
        (CorridorStatus::Building, true) => Dash { on: 2, off: 1 },
        (CorridorStatus::Blocked, false) => Dash { on: 2, off: 2 },
        (CorridorStatus::Blocked, true) => Dash { on: 1, off: 1 },
    }
}
