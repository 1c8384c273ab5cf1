//! The map of the region: real borders (Natural Earth, see `docs/map.md`),
//! capitals, corridors and the player's ties to the four powers, drawn on a
//! ratatui `Canvas`.
//!
//! Self-contained: it uses ratatui, serde and ron, and nothing else of the
//! crate. The data is embedded from `assets/map/` and parsed once ([`atlas`]).

mod data;
mod labels;
mod shapes;

use std::sync::OnceLock;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier, Style};
use ratatui::symbols::Marker;
use ratatui::text::Line as TextLine;
use ratatui::widgets::Widget;
use ratatui::widgets::canvas::{Canvas, Context};

pub use data::{
    Atlas, Capital, Corridor, CorridorKind, Country, LonLat, Place, Polyline, Power, Water,
};

use labels::{Placer, Spot};
use shapes::{Borders, Dash, DashedLine, DotGrid, Fill, Outline, Pattern, clip_params, scanline};

const BORDERS_RON: &str = include_str!("../../assets/map/borders.ron");
const PLACES_RON: &str = include_str!("../../assets/map/places.ron");

/// The embedded map data, parsed on first use.
///
/// The data is checked by the tests; a parse error here is a bug in the
/// committed assets, not a user error.
pub fn atlas() -> &'static Atlas {
    static ATLAS: OnceLock<Atlas> = OnceLock::new();
    ATLAS.get_or_init(|| {
        Atlas::from_ron_str(BORDERS_RON, PLACES_RON)
            .unwrap_or_else(|e| panic!("embedded map assets do not parse: {e}"))
    })
}

/// The states the player can govern.
pub const PLAYABLE: [&str; 6] = [
    "kazakhstan",
    "uzbekistan",
    "kyrgyzstan",
    "tajikistan",
    "turkmenistan",
    "azerbaijan",
];

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

    fn index(self) -> usize {
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

/// The countries the zoom shows, west to east (by the middle of the part in
/// view), for moving a selection with the arrow keys.
pub fn country_ids_in_view(zoom: Zoom) -> Vec<&'static str> {
    zoom_countries(zoom).iter().map(|c| c.id).collect()
}

/// A country's name, e.g. `"iran"` -> `"Iran"`.
pub fn country_name(id: &str) -> Option<&'static str> {
    atlas().country(id).map(|c| c.name.as_str())
}

/// Okabe-Ito colours: told apart with any common colour blindness; the map
/// never lets colour alone carry a meaning.
mod palette {
    use ratatui::style::Color;

    pub const RUSSIA: Color = Color::Rgb(0, 114, 178); // blue
    pub const CHINA: Color = Color::Rgb(213, 94, 0); // vermillion
    pub const TURKEY: Color = Color::Rgb(204, 121, 167); // reddish purple
    pub const EU: Color = Color::Rgb(240, 228, 66); // yellow
    pub const PLAYER: Color = Color::Rgb(0, 158, 115); // bluish green
    pub const CORRIDOR: Color = Color::Rgb(230, 159, 0); // orange
    pub const CORRIDOR_DIM: Color = Color::Rgb(150, 104, 0);
    pub const WATER: Color = Color::Rgb(86, 180, 233); // sky blue
    pub const BORDER: Color = Color::Rgb(128, 128, 128);
    pub const SELECTED: Color = Color::Rgb(255, 255, 255);
    pub const LABEL: Color = Color::Rgb(220, 220, 220);
    pub const EVENT: Color = Color::Rgb(255, 255, 255);

    /// The background tint of a power's territory: its colour, darkened.
    pub const fn tint(c: Color) -> Color {
        match c {
            Color::Rgb(r, g, b) => Color::Rgb(r / 4, g / 4, b / 4),
            other => other,
        }
    }
}

fn power_color(p: Power) -> Color {
    match p {
        Power::Russia => palette::RUSSIA,
        Power::China => palette::CHINA,
        Power::Turkey => palette::TURKEY,
        Power::Eu => palette::EU,
    }
}

/// The lon/lat bounds to draw `zoom` in `cols` x `rows` cells without
/// squashing it: equirectangular at the zoom's middle latitude, a cell taken
/// as twice as high as wide, the zoom's box widened (never cut) to fit.
fn view_bounds(zoom: Zoom, cols: u16, rows: u16, data: [f64; 4]) -> ([f64; 2], [f64; 2]) {
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

/// A country in a zoom: where its visible part is.
struct InView {
    id: &'static str,
    /// A point inside the country, near the middle of its visible part.
    anchor: LonLat,
}

fn point_in_rings(rings: &[Vec<LonLat>], (x, y): LonLat) -> bool {
    let mut inside = false;
    for ring in rings {
        let n = ring.len();
        let mut j = n.wrapping_sub(1);
        for i in 0..n {
            let ((xi, yi), (xj, yj)) = (ring[i], ring[j % n]);
            if (yi > y) != (yj > y) && x < (xj - xi) * (y - yi) / (yj - yi) + xi {
                inside = !inside;
            }
            j = i;
        }
    }
    inside
}

fn zoom_countries(zoom: Zoom) -> &'static [InView] {
    static ZOOMS: [OnceLock<Vec<InView>>; 2] = [OnceLock::new(), OnceLock::new()];
    ZOOMS[zoom.index()].get_or_init(|| {
        let [lon0, lat0, lon1, lat1] = zoom.bounds();
        let step = match zoom {
            Zoom::Region => 0.3,
            Zoom::Eurasia => 0.6,
        };
        let mut out: Vec<(f64, InView)> = Vec::new();
        for c in &atlas().countries {
            let b = c.bbox;
            if b[2] < lon0 || b[0] > lon1 || b[3] < lat0 || b[1] > lat1 {
                continue;
            }
            let mut inside = Vec::new();
            let (x0, y0) = (b[0].max(lon0), b[1].max(lat0));
            let (x1, y1) = (b[2].min(lon1), b[3].min(lat1));
            let mut y = y0 + step / 2.0;
            while y < y1 {
                let mut x = x0 + step / 2.0;
                while x < x1 {
                    if point_in_rings(&c.rings, (x, y)) {
                        inside.push((x, y));
                    }
                    x += step;
                }
                y += step;
            }
            if inside.is_empty() {
                continue;
            }
            let n = inside.len() as f64;
            let mx = inside.iter().map(|p| p.0).sum::<f64>() / n;
            let my = inside.iter().map(|p| p.1).sum::<f64>() / n;
            let d = |p: &LonLat| (p.0 - mx).powi(2) + (p.1 - my).powi(2);
            let anchor = inside
                .iter()
                .copied()
                .min_by(|a, b| d(a).total_cmp(&d(b)))
                .unwrap_or((mx, my));
            out.push((
                mx,
                InView {
                    id: c.id.as_str(),
                    anchor,
                },
            ));
        }
        out.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.id.cmp(b.1.id)));
        out.into_iter().map(|(_, c)| c).collect()
    })
}

/// The countries that make up each power's territory.
fn territories() -> &'static [Vec<&'static Country>; 4] {
    static T: OnceLock<[Vec<&'static Country>; 4]> = OnceLock::new();
    T.get_or_init(|| Power::ALL.map(|p| atlas().power_territory(p).collect()))
}

/// World <-> cell arithmetic for one render, matching the canvas.
#[derive(Debug, Clone, Copy)]
struct Frame {
    x: [f64; 2],
    y: [f64; 2],
    cols: u16,
    rows: u16,
    /// Dots per cell of the marker: (2, 4) for braille, (1, 1) for ASCII.
    dots: (u16, u16),
}

impl Frame {
    fn contains(&self, (x, y): LonLat) -> bool {
        x >= self.x[0] && x <= self.x[1] && y >= self.y[0] && y <= self.y[1]
    }

    /// The cell a world point's dot falls in (as the canvas rounds it).
    fn cell(&self, (x, y): LonLat) -> (i32, i32) {
        let res_x = f64::from(self.cols) * f64::from(self.dots.0);
        let res_y = f64::from(self.rows) * f64::from(self.dots.1);
        let dx = ((x - self.x[0]) * (res_x - 1.0) / (self.x[1] - self.x[0])).round();
        let dy = ((self.y[1] - y) * (res_y - 1.0) / (self.y[1] - self.y[0])).round();
        (
            (dx / f64::from(self.dots.0)).floor() as i32,
            (dy / f64::from(self.dots.1)).floor() as i32,
        )
    }

    /// A world point that `Context::print` puts in cell `(cx, cy)`.
    fn print_at(&self, cx: u16, cy: u16) -> LonLat {
        let w = self.x[1] - self.x[0];
        let h = self.y[1] - self.y[0];
        let x = self.x[0] + (f64::from(cx) + 0.5) * w / f64::from(self.cols.saturating_sub(1));
        let y = self.y[1] - (f64::from(cy) + 0.5) * h / f64::from(self.rows.saturating_sub(1));
        (x.min(self.x[1]), y.max(self.y[0]))
    }
}

/// A text placed on the map.
struct Text {
    spot: Spot,
    text: String,
    style: Style,
}

fn arrow(dx: f64, dy: f64, ascii: bool) -> char {
    // eight directions; y grows northwards
    let a = dy.atan2(dx).to_degrees();
    let octant = (((a + 360.0 + 22.5) % 360.0) / 45.0).floor() as usize;
    if ascii {
        ['>', '>', '^', '<', '<', '<', 'v', '>'][octant.min(7)]
    } else {
        ['→', '↗', '↑', '↖', '←', '↙', '↓', '↘'][octant.min(7)]
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

impl MapView<'_> {
    fn colour(&self, c: Color) -> Color {
        if self.color { c } else { Color::Reset }
    }

    /// Markers and labels, placed so that none overlaps another.
    fn texts(&self, atlas: &'static Atlas, f: &Frame) -> Vec<Text> {
        let mut placer = Placer::new(f.cols, f.rows);
        let mut out = Vec::new();
        let ascii = self.ascii;
        let style = |c: Color| Style::default().fg(self.colour(c));
        let player_cap = atlas.capital_of(self.player);

        // Event marker first: it is the news of the turn.
        if let Some((_, at)) = self.event_place.and_then(|id| atlas.place(id))
            && f.contains(at)
        {
            let (cx, cy) = f.cell(at);
            if let Some(spot) = placer.mark(cx, cy) {
                let text = if ascii { "!" } else { "◆" };
                let st = style(palette::EVENT).add_modifier(Modifier::BOLD | Modifier::REVERSED);
                out.push(Text {
                    spot,
                    text: text.into(),
                    style: st,
                });
            }
        }

        // Capitals in order of priority: the player's, the powers', the
        // other playable states', the rest.
        let rank = |c: &Capital| {
            if Some(c) == player_cap {
                0
            } else if c.power.is_some() {
                1
            } else if PLAYABLE.contains(&c.country.as_str()) {
                2
            } else {
                3
            }
        };
        let mut caps: Vec<&Capital> = atlas.capitals.iter().filter(|c| f.contains(c.at)).collect();
        caps.sort_by_key(|c| rank(c));
        let mut marked: Vec<(&Capital, (i32, i32))> = Vec::new();
        for c in &caps {
            let (cx, cy) = f.cell(c.at);
            let (sym, st) = match rank(c) {
                0 => (
                    if ascii { "@" } else { "◉" },
                    style(palette::PLAYER).add_modifier(Modifier::BOLD),
                ),
                1 => (
                    if ascii { "O" } else { "●" },
                    style(c.power.map_or(palette::LABEL, power_color)).add_modifier(Modifier::BOLD),
                ),
                _ => (if ascii { "o" } else { "•" }, style(palette::LABEL)),
            };
            if let Some(spot) = placer.mark(cx, cy) {
                out.push(Text {
                    spot,
                    text: sym.into(),
                    style: st,
                });
                marked.push((c, (cx, cy)));
            }
        }

        // The player's capital's name first.
        for (c, (cx, cy)) in marked.iter().filter(|(c, _)| rank(c) == 0) {
            let len = c.name.chars().count() as u16;
            if let Some(spot) = placer.place_beside(*cx, *cy, len) {
                out.push(Text {
                    spot,
                    text: c.name.clone(),
                    style: style(palette::PLAYER).add_modifier(Modifier::BOLD),
                });
            }
        }

        // Arrows at the edge towards the powers' capitals out of view.
        if let Some(pc) = player_cap {
            for p in Power::ALL {
                let Some(cap) = atlas.power_capital(p) else {
                    continue;
                };
                if f.contains(cap.at) {
                    continue;
                }
                let (dx, dy) = (cap.at.0 - pc.at.0, cap.at.1 - pc.at.1);
                let exit = clip_params(f.x[0], f.y[0], f.x[1], f.y[1], pc.at, cap.at)
                    .map(|(_, t1)| (pc.at.0 + t1 * dx, pc.at.1 + t1 * dy))
                    .unwrap_or((
                        cap.at.0.clamp(f.x[0], f.x[1]),
                        cap.at.1.clamp(f.y[0], f.y[1]),
                    ));
                let a = arrow(dx, dy, ascii);
                let (cx, cy) = f.cell(exit);
                let (cx, cy) = (
                    cx.clamp(0, i32::from(f.cols) - 1),
                    cy.clamp(0, i32::from(f.rows) - 1),
                );
                let name = p.name();
                let (text, x0) = if a == '→' || a == '>' || a == '↗' || a == '↘' {
                    let t = format!("{name}{a}");
                    let l = t.chars().count() as i32;
                    (t, (cx - l + 1).min(i32::from(f.cols) - l))
                } else if a == '←' || a == '<' || a == '↖' || a == '↙' {
                    (format!("{a}{name}"), cx.max(0))
                } else {
                    let t = format!("{a}{name}");
                    let l = t.chars().count() as i32;
                    (t, cx - l / 2)
                };
                let len = text.chars().count() as u16;
                let cands: Vec<(i32, i32)> = [0, -1, 1, -2, 2, -3, 3]
                    .iter()
                    .map(|&d| {
                        if matches!(a, '↑' | '↓' | '^' | 'v') {
                            (x0 + d * 2, cy)
                        } else {
                            (x0, cy + d)
                        }
                    })
                    .collect();
                if let Some(spot) = placer.place_first(&cands, len) {
                    out.push(Text {
                        spot,
                        text,
                        style: style(power_color(p)).add_modifier(Modifier::BOLD),
                    });
                }
            }
        }

        // The selected country's name, near the middle of its visible part.
        if let Some(sel) = self.selected.and_then(|id| atlas.country(id)) {
            let anchor = zoom_countries(self.zoom)
                .iter()
                .find(|c| c.id == sel.id)
                .map(|c| c.anchor)
                .unwrap_or((
                    (sel.bbox[0] + sel.bbox[2]) / 2.0,
                    (sel.bbox[1] + sel.bbox[3]) / 2.0,
                ));
            if f.contains(anchor) {
                let text = format!("[{}]", sel.name);
                let len = text.chars().count() as u16;
                let (cx, cy) = f.cell(anchor);
                let l = i32::from(len);
                let cands = [
                    (cx - l / 2, cy),
                    (cx - l / 2, cy - 1),
                    (cx - l / 2, cy + 1),
                    (cx + 1, cy),
                    (cx - l, cy),
                ];
                if let Some(spot) = placer.place_first(&cands, len) {
                    out.push(Text {
                        spot,
                        text,
                        style: style(palette::SELECTED).add_modifier(Modifier::REVERSED),
                    });
                }
            }
        }

        // Capital names.
        for (c, (cx, cy)) in marked.iter().filter(|(c, _)| rank(c) > 0) {
            let len = c.name.chars().count() as u16;
            let st = match rank(c) {
                0 => style(palette::PLAYER).add_modifier(Modifier::BOLD),
                1 => style(c.power.map_or(palette::LABEL, power_color)),
                _ => style(palette::LABEL),
            };
            if let Some(spot) = placer.place_beside(*cx, *cy, len) {
                out.push(Text {
                    spot,
                    text: c.name.clone(),
                    style: st,
                });
            }
        }

        // x marks along blocked corridors, where there is room.
        for &(id, status) in self.corridors {
            if status != CorridorStatus::Blocked {
                continue;
            }
            let Some(co) = atlas.corridor(id) else {
                continue;
            };
            for w in co.points.windows(2) {
                let mid = ((w[0].0 + w[1].0) / 2.0, (w[0].1 + w[1].1) / 2.0);
                if !f.contains(mid) {
                    continue;
                }
                let (cx, cy) = f.cell(mid);
                if let Some(spot) = placer.mark(cx, cy) {
                    out.push(Text {
                        spot,
                        text: "x".into(),
                        style: style(palette::CORRIDOR).add_modifier(Modifier::BOLD),
                    });
                }
            }
        }
        out
    }

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
        let (x, y) = view_bounds(view.zoom, area.width, area.height, atlas.bbox);
        let frame = Frame {
            x,
            y,
            cols: area.width,
            rows: area.height,
            dots: if view.ascii { (1, 1) } else { (2, 4) },
        };
        let texts = view.texts(atlas, &frame);
        let first = if view.ascii {
            Marker::Custom(':')
        } else {
            Marker::Braille
        };
        Canvas::default()
            .x_bounds(x)
            .y_bounds(y)
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
