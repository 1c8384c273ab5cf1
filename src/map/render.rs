//! Drawing the map on a ratatui `Canvas`: the player's state filled, the
//! borders, the selected country's outline, corridors, the proximity lines
//! and the texts, then the tints.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Color;
use ratatui::symbols::Marker;
use ratatui::text::Line as TextLine;
use ratatui::widgets::Widget;
use ratatui::widgets::canvas::{Canvas, Context};

use super::data::{Atlas, Power};
use super::shapes::{Borders, Dash, DashedLine, DotGrid, Fill, Outline, Pattern, scanline};
use super::view::{CorridorStatus, Frame, MapView, MapWidget};
use super::{atlas, palette, power_color, territories};

impl MapView<'_> {
    fn draw(&self, ctx: &mut Context, atlas: &'static Atlas) {
        let ascii = self.ascii;
        let player = atlas.country(self.player);
        let player_fill = player.as_slice();

        if ascii {
            ctx.marker(Marker::Custom(':'));
        }
        ctx.draw(&Fill {
            countries: player_fill,
            color: self.colour(palette::PLAYER),
            pattern: if ascii {
                Pattern::Checker
            } else {
                Pattern::Lattice
            },
        });
        if ascii {
            ctx.marker(Marker::Custom('.'));
        }
        ctx.draw(&Borders {
            lines: &atlas.borders,
            color: self.colour(palette::BORDER),
        });
        if let Some(sel) = self.selected.and_then(|id| atlas.country(id)) {
            if ascii {
                ctx.marker(Marker::Custom('#'));
            }
            ctx.draw(&Outline {
                rings: &sel.rings,
                color: self.colour(palette::SELECTED),
            });
        }

        // Corridors, then the proximity lines on top.
        if ascii {
            ctx.marker(Marker::Custom('='));
        }
        for &(id, status) in self.corridors {
            let Some(co) = atlas.corridor(id) else {
                continue;
            };
            let color = match status {
                CorridorStatus::Planned => palette::CORRIDOR_DIM,
                _ => palette::CORRIDOR,
            };
            ctx.draw(&DashedLine {
                points: &co.points,
                dash: corridor_dash(status, ascii),
                color: self.colour(color),
            });
        }
        if ascii {
            ctx.marker(Marker::Custom('+'));
        }
        if let Some(pc) = atlas.capital_of(self.player) {
            for p in Power::ALL {
                let Some(cap) = atlas.power_capital(p) else {
                    continue;
                };
                let prox = self.proximity.get(p.index()).copied().unwrap_or(0.0);
                ctx.draw(&DashedLine {
                    points: &[pc.at, cap.at],
                    dash: proximity_dash(prox, ascii),
                    color: self.colour(power_color(p)),
                });
            }
        }
    }
}

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
        let texts = view.texts(atlas, &frame);
        let first = if view.ascii {
            Marker::Custom(':')
        } else {
            Marker::Braille
        };
        Canvas::default()
            .x_bounds(frame.x)
            .y_bounds(frame.y)
            .marker(first)
            .paint(|ctx| {
                view.draw(ctx, atlas);
                for t in &texts {
                    let (px, py) = frame.print_at(t.spot.x, t.spot.y);
                    ctx.print(px, py, TextLine::styled(t.text.clone(), t.style));
                }
            })
            .render(area, buf);
        if view.color {
            tint(&frame, area, buf, atlas);
        }
    }
}

/// Background tints, after the canvas (which clears the background): each
/// power's territory in its colour, darkened, and the Caspian Sea. Cells are
/// taken whole, by their middle.
fn tint(frame: &Frame, area: Rect, buf: &mut Buffer, atlas: &Atlas) {
    let Some(g) = DotGrid::cells(frame.x, frame.y, frame.cols, frame.rows, frame.dots) else {
        return;
    };
    let paint_in = |color: Color| {
        move |x: usize, y: usize, buf: &mut Buffer| {
            let (x, y) = (usize::from(area.x) + x, usize::from(area.y) + y);
            if let (Ok(x), Ok(y)) = (u16::try_from(x), u16::try_from(y))
                && let Some(cell) = buf.cell_mut((x, y))
            {
                cell.set_bg(color);
            }
        }
    };
    for (p, countries) in Power::ALL.iter().zip(territories()) {
        let rings = countries
            .iter()
            .filter(|c| g.intersects(&c.bbox))
            .flat_map(|c| c.rings.iter());
        let paint = paint_in(palette::tint(power_color(*p)));
        scanline(&g, rings, 1, |x, y| paint(x, y, buf));
    }
    for w in &atlas.water {
        let paint = paint_in(palette::tint(palette::WATER));
        scanline(&g, w.rings.iter(), 1, |x, y| paint(x, y, buf));
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
