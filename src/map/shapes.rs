//! Canvas shapes for the map: borders, filled territories, outlines; and
//! patterned lines, painted on a [`Raster`].

use ratatui::style::Color;
use ratatui::widgets::canvas::{Line, Painter, Shape};

use super::data::{Country, LonLat, Polyline};
use super::raster::Raster;
use super::view::Frame;

/// The canvas' mapping from world coordinates to grid dots, as
/// `Painter::get_point` does it (same formula, without the rounding).
#[derive(Debug, Clone, Copy)]
pub(crate) struct DotGrid {
    pub left: f64,
    pub right: f64,
    pub bottom: f64,
    pub top: f64,
    /// The largest point index.
    pub max_x: f64,
    pub max_y: f64,
    /// World to grid: `col = (x - left) * sx + ox`, `row = (top - y) * sy + oy`.
    pub sx: f64,
    pub sy: f64,
    pub ox: f64,
    pub oy: f64,
}

impl DotGrid {
    pub fn from_painter(painter: &Painter) -> Option<DotGrid> {
        let (x, y) = painter.bounds();
        let (max_x, max_y) = painter.get_point(x[1], y[0])?;
        DotGrid::with_max(*x, *y, (max_x as f64, max_y as f64))
    }

    /// The grid of a canvas over `frame`, as [`DotGrid::from_painter`] finds it.
    pub fn dots(frame: &Frame) -> Option<DotGrid> {
        let ([left, right], [bottom, top]) = (frame.x, frame.y);
        let (w, h) = (right - left, top - bottom);
        if w <= 0.0 || h <= 0.0 {
            return None;
        }
        // `Painter::get_point(right, bottom)`
        let (res_x, res_y) = frame.resolution();
        let max_x = ((right - left) * (res_x - 1.0) / w).round() as usize;
        let max_y = ((top - bottom) * (res_y - 1.0) / h).round() as usize;
        DotGrid::with_max(frame.x, frame.y, (max_x as f64, max_y as f64))
    }

    fn with_max(
        [left, right]: [f64; 2],
        [bottom, top]: [f64; 2],
        (max_x, max_y): (f64, f64),
    ) -> Option<DotGrid> {
        if right - left <= 0.0 || top - bottom <= 0.0 {
            return None;
        }
        Some(DotGrid {
            left,
            right,
            bottom,
            top,
            max_x,
            max_y,
            sx: max_x / (right - left),
            sy: max_y / (top - bottom),
            ox: 0.0,
            oy: 0.0,
        })
    }

    /// The grid of terminal cells under a canvas of `cols` x `rows` cells with
    /// `dots` per cell: a cell's point is the middle of its dots.
    pub fn cells(
        x: [f64; 2],
        y: [f64; 2],
        cols: u16,
        rows: u16,
        dots: (u16, u16),
    ) -> Option<DotGrid> {
        let (w, h) = (x[1] - x[0], y[1] - y[0]);
        if cols == 0 || rows == 0 || w <= 0.0 || h <= 0.0 {
            return None;
        }
        let (dx, dy) = (f64::from(dots.0), f64::from(dots.1));
        let res_x = f64::from(cols) * dx;
        let res_y = f64::from(rows) * dy;
        Some(DotGrid {
            left: x[0],
            right: x[1],
            bottom: y[0],
            top: y[1],
            max_x: f64::from(cols - 1),
            max_y: f64::from(rows - 1),
            sx: (res_x - 1.0) / w / dx,
            sy: (res_y - 1.0) / h / dy,
            ox: -(dx - 1.0) / 2.0 / dx,
            oy: -(dy - 1.0) / 2.0 / dy,
        })
    }

    pub fn col(&self, x: f64) -> f64 {
        (x - self.left) * self.sx + self.ox
    }

    pub fn row(&self, y: f64) -> f64 {
        (self.top - y) * self.sy + self.oy
    }

    pub fn intersects(&self, b: &[f64; 4]) -> bool {
        b[0] <= self.right && b[2] >= self.left && b[1] <= self.top && b[3] >= self.bottom
    }
}

/// `x.round()` for the grid's range (|x| < 2^52), without a libm call: the
/// hot loops below would otherwise spend a tenth of their time in `round`.
#[inline]
fn round(x: f64) -> i64 {
    let t = x as i64; // towards zero
    let f = x - t as f64;
    if f >= 0.5 {
        t + 1
    } else if f <= -0.5 {
        t - 1
    } else {
        t
    }
}

/// `x.ceil()` as above.
#[inline]
fn ceil(x: f64) -> f64 {
    let t = x as i64 as f64;
    if t < x { t + 1.0 } else { t }
}

/// `x.floor()` as above.
#[inline]
fn floor(x: f64) -> f64 {
    let t = x as i64 as f64;
    if t > x { t - 1.0 } else { t }
}

/// Which dots of a filled area are painted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Pattern {
    /// One dot in four, on a square lattice: reads as shading, and the
    /// lines drawn over it stay readable.
    Lattice,
    /// Every other dot, a checkerboard: for the coarse ASCII grid.
    Checker,
}

/// Territories filled by scanline, even-odd over all their rings: for each
/// row of dots, the crossings of the rings' edges with the row's centre are
/// sorted and the dots between pairs of crossings are painted. The same as
/// testing every dot against the polygons, at the cost of the edges.
pub(crate) struct Fill<'a> {
    pub countries: &'a [&'a Country],
    pub color: Color,
    pub pattern: Pattern,
}

impl Shape for Fill<'_> {
    fn draw(&self, painter: &mut Painter) {
        let Some(g) = DotGrid::from_painter(painter) else {
            return;
        };
        let rings = self
            .countries
            .iter()
            .filter(|c| g.intersects(&c.bbox))
            .flat_map(|c| c.rings.iter());
        match self.pattern {
            Pattern::Lattice => scanline(&g, rings, 2, |x, y| painter.paint(x, y, self.color)),
            Pattern::Checker => scanline(&g, rings, 1, |x, y| {
                if (x + y) % 2 == 0 {
                    painter.paint(x, y, self.color);
                }
            }),
        }
    }
}

/// Calls `paint(x, y)` for every grid point of `g` inside `rings` (even-odd).
///
/// With `step` 2, only the points whose row and column are both even: the
/// lattice pattern, at a quarter of the cost.
pub(crate) fn scanline<'r>(
    g: &DotGrid,
    rings: impl Iterator<Item = &'r Vec<LonLat>>,
    step: usize,
    mut paint: impl FnMut(usize, usize),
) {
    let step = step.max(1);
    let fstep = step as f64;
    let mut crossings: Vec<(u32, f64)> = Vec::new();
    for ring in rings {
        let n = ring.len();
        for i in 0..n {
            let (ax, ay) = ring[i];
            let (bx, by) = ring[(i + 1) % n];
            let (ra, rb) = (g.row(ay), g.row(by));
            if ra == rb {
                continue;
            }
            let (ca, cb) = (g.col(ax), g.col(bx));
            let (r0, r1) = if ra < rb { (ra, rb) } else { (rb, ra) };
            // rows k with r0 <= k < r1, within the grid
            let k0 = ceil(r0.max(0.0) / fstep) * fstep;
            let k1 = (ceil(r1) - 1.0).min(g.max_y);
            let mut k = k0;
            while k <= k1 {
                crossings.push((k as u32, ca + (k - ra) * (cb - ca) / (rb - ra)));
                k += fstep;
            }
        }
    }
    crossings.sort_unstable_by(|a, b| a.0.cmp(&b.0).then(a.1.total_cmp(&b.1)));
    for pair in crossings.chunks_exact(2) {
        let ((row, c0), (row1, c1)) = (pair[0], pair[1]);
        if row != row1 {
            // an odd count on a row can only come from a broken ring
            continue;
        }
        let x0 = ceil(c0.max(0.0) / fstep) * fstep;
        let x1 = floor(c1).min(g.max_x);
        if x0 > x1 {
            continue;
        }
        for x in (x0 as usize..=x1 as usize).step_by(step) {
            paint(x, row as usize);
        }
    }
}

/// Border lines; runs outside the view are skipped by their bounding box.
/// A segment that crosses the view's edge is a `canvas::Line` (which clips
/// it); one wholly inside is rasterised here (Bresenham) from points
/// projected once, which costs about half as much.
pub(crate) struct Borders<'a> {
    pub lines: &'a [Polyline],
    pub color: Color,
}

impl Shape for Borders<'_> {
    fn draw(&self, painter: &mut Painter) {
        let Some(g) = DotGrid::from_painter(painter) else {
            return;
        };
        let inside = |(x, y): LonLat| x >= g.left && x <= g.right && y >= g.bottom && y <= g.top;
        let dot = |(x, y): LonLat| (round(g.col(x)), round(g.row(y)));
        for line in self.lines.iter().filter(|l| g.intersects(&l.bbox)) {
            let Some(&first) = line.points.first() else {
                continue;
            };
            let (mut a, mut a_in, mut a_dot) = (first, inside(first), dot(first));
            for &b in line.points.iter().skip(1) {
                let (b_in, b_dot) = (inside(b), dot(b));
                if a_in && b_in {
                    if a_dot != b_dot {
                        bresenham(a_dot.0, a_dot.1, b_dot.0, b_dot.1, |x, y| {
                            painter.paint(x as usize, y as usize, self.color);
                        });
                    } else {
                        painter.paint(a_dot.0 as usize, a_dot.1 as usize, self.color);
                    }
                } else {
                    Line::new(a.0, a.1, b.0, b.1, self.color).draw(painter);
                }
                (a, a_in, a_dot) = (b, b_in, b_dot);
            }
        }
    }
}

/// The outline of some rings (the selected country).
pub(crate) struct Outline<'a> {
    pub rings: &'a [Vec<LonLat>],
    pub color: Color,
}

impl Shape for Outline<'_> {
    fn draw(&self, painter: &mut Painter) {
        for ring in self.rings {
            let n = ring.len();
            for i in 0..n {
                let ((x1, y1), (x2, y2)) = (ring[i], ring[(i + 1) % n]);
                Line::new(x1, y1, x2, y2, self.color).draw(painter);
            }
        }
    }
}

/// A dash pattern in dots: `on` dots painted, then `off` dots skipped.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Dash {
    pub on: u16,
    pub off: u16,
}

impl Dash {
    pub const SOLID: Dash = Dash { on: 1, off: 0 };
}

/// A polyline drawn with a dash pattern that runs on across its vertices.
pub(crate) struct DashedLine<'a> {
    pub points: &'a [LonLat],
    pub dash: Dash,
    pub color: Color,
}

impl DashedLine<'_> {
    /// Paints the line on `raster` (grid `g`), with the ASCII marker `mark`.
    pub fn draw(&self, g: &DotGrid, raster: &mut Raster, mark: u8) {
        let period = u32::from(self.dash.on) + u32::from(self.dash.off);
        if period == 0 || self.dash.on == 0 {
            return;
        }
        let mut step = 0u32;
        for w in self.points.windows(2) {
            let Some((a, b)) = clip_segment(g, w[0], w[1]) else {
                continue;
            };
            let p = |(x, y): LonLat| {
                (
                    g.col(x).round().clamp(0.0, g.max_x) as i64,
                    g.row(y).round().clamp(0.0, g.max_y) as i64,
                )
            };
            let ((x0, y0), (x1, y1)) = (p(a), p(b));
            bresenham(x0, y0, x1, y1, |x, y| {
                if step % period < u32::from(self.dash.on) {
                    raster.paint(x as usize, y as usize, self.color, mark);
                }
                step = step.wrapping_add(1);
            });
        }
    }
}

/// Liang-Barsky: the part of segment `a`-`b` inside the view, if any.
pub(crate) fn clip_segment(g: &DotGrid, a: LonLat, b: LonLat) -> Option<(LonLat, LonLat)> {
    let (t0, t1) = clip_params(g.left, g.bottom, g.right, g.top, a, b)?;
    let d = (b.0 - a.0, b.1 - a.1);
    Some((
        (a.0 + t0 * d.0, a.1 + t0 * d.1),
        (a.0 + t1 * d.0, a.1 + t1 * d.1),
    ))
}

/// The parameters `t0 <= t1` in 0..=1 of the part of `a`-`b` inside the box.
pub(crate) fn clip_params(
    left: f64,
    bottom: f64,
    right: f64,
    top: f64,
    a: LonLat,
    b: LonLat,
) -> Option<(f64, f64)> {
    let (dx, dy) = (b.0 - a.0, b.1 - a.1);
    let mut t0: f64 = 0.0;
    let mut t1: f64 = 1.0;
    for (p, q) in [
        (-dx, a.0 - left),
        (dx, right - a.0),
        (-dy, a.1 - bottom),
        (dy, top - a.1),
    ] {
        if p == 0.0 {
            if q < 0.0 {
                return None;
            }
        } else {
            let r = q / p;
            if p < 0.0 {
                t0 = t0.max(r);
            } else {
                t1 = t1.min(r);
            }
        }
    }
    (t0 <= t1 && t0.is_finite() && t1.is_finite()).then_some((t0, t1))
}

fn bresenham(x0: i64, y0: i64, x1: i64, y1: i64, mut f: impl FnMut(i64, i64)) {
    let dx = (x1 - x0).abs();
    let dy = -(y1 - y0).abs();
    let sx = if x0 < x1 { 1 } else { -1 };
    let sy = if y0 < y1 { 1 } else { -1 };
    let (mut x, mut y, mut err) = (x0, y0, dx + dy);
    loop {
        f(x, y);
        if x == x1 && y == y1 {
            break;
        }
        let e2 = 2 * err;
        if e2 >= dy {
            err += dy;
            x += sx;
        }
        if e2 <= dx {
            err += dx;
            y += sy;
        }
    }
}
