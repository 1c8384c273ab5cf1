//! What the map shows ([`MapView`], [`Zoom`], [`CorridorStatus`]) and where:
//! the lon/lat box of a zoom in a terminal area, and the arithmetic between
//! world points, canvas dots and cells.

use ratatui::style::Color;

use super::data::LonLat;

/// How much of the world the map shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Zoom {
    /// The Caspian to Xinjiang.
    #[default]
    Region,
    /// Brussels to Beijing.
    Eurasia,
}

impl Zoom {
    /// The area the zoom is about, `[lon_min, lat_min, lon_max, lat_max]`;
    /// the map widens it in one direction to fit the terminal's shape.
    pub fn bounds(self) -> [f64; 4] {
        match self {
            Zoom::Region => [46.0, 35.0, 88.0, 56.0],
            Zoom::Eurasia => [0.0, 28.0, 122.0, 62.0],
        }
    }

    pub fn toggle(self) -> Zoom {
        match self {
            Zoom::Region => Zoom::Eurasia,
            Zoom::Eurasia => Zoom::Region,
        }
    }

    pub(crate) fn index(self) -> usize {
        match self {
            Zoom::Region => 0,
            Zoom::Eurasia => 1,
        }
    }
}

/// Where a corridor or pipeline stands. Drawn as: planned, dotted;
/// building, dashed; open, solid and bright; blocked, dashed with `x` marks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum CorridorStatus {
    Planned,
    Building,
    Open,
    Blocked,
}

/// A texture that marks a country, told apart without colour: in braille
/// by the shape of its dots (each light enough for lines and names to read
/// over it), in ASCII by its character.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Texture {
    /// Horizontal hatching: a row of dots every four.
    Rows,
    /// Short vertical ticks.
    Ticks,
    /// One dot in four, on a square lattice.
    Lattice,
    /// Diagonal hatching.
    Diagonal,
    /// One dot in eight.
    Sparse,
}

impl Texture {
    pub const ALL: [Texture; 5] = [
        Texture::Rows,
        Texture::Ticks,
        Texture::Lattice,
        Texture::Diagonal,
        Texture::Sparse,
    ];

    /// Whether dot `(x, y)` of the grid is painted (`ascii`: one dot a cell).
    pub(crate) fn paints(self, x: usize, y: usize, ascii: bool) -> bool {
        if ascii {
            // A character every other cell of every other row: the
            // character tells the textures apart.
            return match self {
                Texture::Sparse => x % 4 == 0 && y % 2 == 0,
                _ => x % 2 == 0 && y % 2 == 0,
            };
        }
        match self {
            Texture::Rows => y % 4 == 0,
            Texture::Ticks => x % 2 == 0 && y % 4 < 2,
            Texture::Lattice => x % 2 == 0 && y % 2 == 0,
            Texture::Diagonal => (x % 2 == 0 && y % 4 == 0) || (x % 2 == 1 && y % 4 == 1),
            Texture::Sparse => x % 2 == 0 && y % 4 == 0 && (x / 2 + y / 4) % 2 == 0,
        }
    }

    /// The character the texture paints in ASCII.
    pub(crate) fn mark(self) -> u8 {
        match self {
            Texture::Rows => b'~',
            Texture::Ticks => b'|',
            Texture::Lattice => b'*',
            Texture::Diagonal => b'/',
            Texture::Sparse => b',',
        }
    }

    /// What a cell of the texture looks like, for a legend.
    pub fn sample(self, ascii: bool) -> char {
        if ascii {
            return char::from(self.mark());
        }
        let mut code = 0u32;
        for y in 0..4 {
            for x in 0..2 {
                if self.paints(x, y, false) {
                    code |= 1 << braille_bit(x, y);
                }
            }
        }
        char::from_u32(0x2800 + code).unwrap_or(' ')
    }
}

/// The bit of the Unicode braille pattern for dot `(x, y)` of a cell.
fn braille_bit(x: usize, y: usize) -> u32 {
    match (x, y) {
        (0, 3) => 6,
        (1, 3) => 7,
        (0, y) => y as u32,
        (_, y) => 3 + y as u32,
    }
}

/// A country marked on the map with a texture in a colour.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Mark<'a> {
    pub country: &'a str,
    pub texture: Texture,
    pub color: Color,
}

/// A short text written at a country's middle ("R 60", "62").
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Tag<'a> {
    pub country: &'a str,
    pub text: &'a str,
    pub color: Color,
}

/// What the map shows. Ids that are not in the atlas are ignored.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct MapView<'a> {
    /// The player's state: kazakhstan, uzbekistan, kyrgyzstan, tajikistan,
    /// turkmenistan or azerbaijan.
    pub player: &'a str,
    pub zoom: Zoom,
    /// Proximity to Russia, China, Turkey and the EU, 0..=100.
    pub proximity: [f64; 4],
    /// Corridors to draw (ids of `assets/map/places.ron`), with their status.
    pub corridors: &'a [(&'a str, CorridorStatus)],
    /// Where this turn's event happens: a place or capital id.
    pub event_place: Option<&'a str>,
    /// A country id, outlined and named.
    pub selected: Option<&'a str>,
    /// ASCII characters only, no braille or block characters.
    pub ascii: bool,
    /// Colours on. Off (`NO_COLOR`), the meaning stays in patterns and marks.
    pub color: bool,
    /// Countries marked with a texture (a map mode).
    pub marks: &'a [Mark<'a>],
    /// Short texts at countries' middles (a map mode).
    pub tags: &'a [Tag<'a>],
    /// Capitals, places and corridors to pick out (what an action touches).
    pub highlight: &'a [&'a str],
    /// Leave the player's state unfilled (a mode marks it instead).
    pub plain_player: bool,
    /// Leave out the lines of closeness to the powers' capitals.
    pub hide_ties: bool,
    /// Name each corridor drawn, with its status.
    pub corridor_labels: bool,
}

impl MapView<'_> {
    /// `c`, or the terminal's default when colours are off.
    pub(crate) fn colour(&self, c: Color) -> Color {
        if self.color { c } else { Color::Reset }
    }
}

/// The map widget.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct MapWidget<'a> {
    pub view: MapView<'a>,
}

impl<'a> MapWidget<'a> {
    pub fn new(view: MapView<'a>) -> MapWidget<'a> {
        MapWidget { view }
    }
}

/// The lon/lat bounds to draw `zoom` in `cols` x `rows` cells without
/// squashing it: equirectangular at the zoom's middle latitude, a cell taken
/// as twice as high as wide, the zoom's box widened (never cut) to fit.
pub(crate) fn view_bounds(
    zoom: Zoom,
    cols: u16,
    rows: u16,
    data: [f64; 4],
) -> ([f64; 2], [f64; 2]) {
    let [lon0, lat0, lon1, lat1] = zoom.bounds();
    if cols == 0 || rows == 0 {
        return ([lon0, lon1], [lat0, lat1]);
    }
    let k = ((lat0 + lat1) / 2.0).to_radians().cos();
    let map_w = (lon1 - lon0) * k;
    let map_h = lat1 - lat0;
    let area = f64::from(cols) / (f64::from(rows) * 2.0);
    if map_w / map_h > area {
        let h = map_w / area;
        let (lo, hi) = fit((lat0 + lat1) / 2.0, h, data[1], data[3]);
        ([lon0, lon1], [lo, hi])
    } else {
        let w = map_h * area / k;
        let (lo, hi) = fit((lon0 + lon1) / 2.0, w, data[0], data[2]);
        ([lo, hi], [lat0, lat1])
    }
}

/// A range of `len` around `mid`, moved inside `lo..hi` as far as it can
/// (the upper end first: the north and east matter more here).
fn fit(mid: f64, len: f64, lo: f64, hi: f64) -> (f64, f64) {
    let (mut a, mut b) = (mid - len / 2.0, mid + len / 2.0);
    if b > hi {
        let s = (b - hi).min((a - lo).max(0.0));
        a -= s;
        b -= s;
    }
    if a < lo {
        let s = (lo - a).min((hi - b).max(0.0));
        a += s;
        b += s;
    }
    (a, b)
}

/// World <-> cell arithmetic for one area, matching the canvas.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Frame {
    pub x: [f64; 2],
    pub y: [f64; 2],
    pub cols: u16,
    pub rows: u16,
    /// Dots per cell of the marker: (2, 4) for braille, (1, 1) for ASCII.
    pub dots: (u16, u16),
}

impl Frame {
    /// The frame of `zoom` in `cols` x `rows` cells.
    pub fn new(zoom: Zoom, cols: u16, rows: u16, ascii: bool, data: [f64; 4]) -> Frame {
        let (x, y) = view_bounds(zoom, cols, rows, data);
        Frame {
            x,
            y,
            cols,
            rows,
            dots: if ascii { (1, 1) } else { (2, 4) },
        }
    }

    pub fn contains(&self, (x, y): LonLat) -> bool {
        x >= self.x[0] && x <= self.x[1] && y >= self.y[0] && y <= self.y[1]
    }

    /// The grid of dots, `(columns, rows)`, as the canvas' grid counts them.
    pub fn resolution(&self) -> (f64, f64) {
        (
            f64::from(self.cols) * f64::from(self.dots.0),
            f64::from(self.rows) * f64::from(self.dots.1),
        )
    }

    /// The cell a world point's dot falls in (as the canvas rounds it).
    pub fn cell(&self, (x, y): LonLat) -> (i32, i32) {
        let (res_x, res_y) = self.resolution();
        let dx = ((x - self.x[0]) * (res_x - 1.0) / (self.x[1] - self.x[0])).round();
        let dy = ((self.y[1] - y) * (res_y - 1.0) / (self.y[1] - self.y[0])).round();
        (
            (dx / f64::from(self.dots.0)).floor() as i32,
            (dy / f64::from(self.dots.1)).floor() as i32,
        )
    }

    /// A world point that `Context::print` puts in cell `(cx, cy)`.
    pub fn print_at(&self, cx: u16, cy: u16) -> LonLat {
        let w = self.x[1] - self.x[0];
        let h = self.y[1] - self.y[0];
        let x = self.x[0] + (f64::from(cx) + 0.5) * w / f64::from(self.cols.saturating_sub(1));
        let y = self.y[1] - (f64::from(cy) + 0.5) * h / f64::from(self.rows.saturating_sub(1));
        (x.min(self.x[1]), y.max(self.y[0]))
    }

    /// The cell `Canvas` writes a label printed at `(x, y)` in, as its
    /// `render` computes it; `None` where it would leave the label out.
    pub fn label_cell(&self, (x, y): LonLat) -> Option<(u16, u16)> {
        let ([left, right], [bottom, top]) = (self.x, self.y);
        if !(x >= left && x <= right && y <= top && y >= bottom) {
            return None;
        }
        let width = (right - left).abs();
        let height = (top - bottom).abs();
        let res_x = f64::from(self.cols - 1);
        let res_y = f64::from(self.rows - 1);
        Some((
            ((x - left) * res_x / width) as u16,
            ((top - y) * res_y / height) as u16,
        ))
    }
}
