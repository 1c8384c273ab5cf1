//! The map's grid of dots, kept between renders: what a ratatui `Canvas`
//! holds while it is painted, and how it writes it into a buffer.
//!
//! A `Canvas` cannot be kept or copied, so the parts of the map that do not
//! change from turn to turn are painted once on a real canvas ([`capture`]),
//! read back from the cells it wrote, and stored as a [`Raster`]. A render
//! copies the raster, paints the few lines that change on it and writes it
//! as the canvas would ([`Raster::write`]): the same cells, to the character.

use std::sync::OnceLock;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Color;
use ratatui::symbols::Marker;
use ratatui::symbols::braille::BRAILLE;
use ratatui::widgets::Widget;
use ratatui::widgets::canvas::{Canvas, Context};

use super::view::Frame;

/// One cell of the grid: which dots are painted, and the colour of the last
/// one. `code` is the braille pattern (bit `x + 2 * y` for the dot in column
/// `x`, row `y` of the cell), or the ASCII character of the last layer that
/// painted the cell; 0 when nothing did.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub(crate) struct Px {
    pub code: u8,
    pub color: Color,
}

/// A canvas' grid for `cols` x `rows` cells: braille (2 x 4 dots a cell), or
/// one ASCII character a cell whose character is the layer's marker.
///
/// Painting follows ratatui's grids: in braille the dots of a cell add up and
/// the cell takes the colour of the last dot; in ASCII, where each marker is a
/// layer of its own, the last layer to paint a cell gives it its character
/// and colour.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Raster {
    pub cols: u16,
    pub rows: u16,
    pub ascii: bool,
    pub px: Vec<Px>,
}

impl Raster {
    pub fn new(cols: u16, rows: u16, ascii: bool) -> Raster {
        Raster {
            cols,
            rows,
            ascii,
            px: vec![Px::default(); usize::from(cols) * usize::from(rows)],
        }
    }

    /// Paints dot `(x, y)` in `color`; `mark` is the ASCII layer's marker.
    /// A dot off the grid is ignored, as the canvas does.
    pub fn paint(&mut self, x: usize, y: usize, color: Color, mark: u8) {
        let cols = usize::from(self.cols);
        if self.ascii {
            if let Some(px) = self.px.get_mut(y.saturating_mul(cols).saturating_add(x)) {
                *px = Px { code: mark, color };
            }
        } else {
            let i = (y / 4).saturating_mul(cols).saturating_add(x / 2);
            if let Some(px) = self.px.get_mut(i) {
                px.code |= 1 << (x % 2 + 2 * (y % 4));
                px.color = color;
            }
        }
    }

    /// Paints, over this raster, the cells of `layer` that hold anything.
    pub fn overlay(&mut self, layer: &[(u32, Px)]) {
        for &(i, p) in layer {
            if let Some(px) = self.px.get_mut(i as usize) {
                px.code = if self.ascii { p.code } else { px.code | p.code };
                px.color = p.color;
            }
        }
    }

    /// The cells that hold anything, by index.
    pub fn painted(&self) -> Vec<(u32, Px)> {
        (0u32..)
            .zip(&self.px)
            .filter(|(_, p)| p.code != 0)
            .map(|(i, p)| (i, *p))
            .collect()
    }

    /// Writes the raster into `area` of `buf` (of the raster's size, inside
    /// the buffer) as `Canvas::render` does: every cell's background is set
    /// (`bg`, by cell, or the terminal's default), and a painted cell takes
    /// its character and colour; other cells keep what they held.
    pub fn write(&self, area: Rect, buf: &mut Buffer, bg: &[Color]) {
        let cols = usize::from(self.cols);
        for (y, row) in self.px.chunks_exact(cols).enumerate() {
            let start = buf.index_of(area.x, area.y + y as u16);
            let cells = &mut buf.content[start..start + cols];
            let bgs = bg.get(y * cols..(y + 1) * cols);
            for (x, (cell, px)) in cells.iter_mut().zip(row).enumerate() {
                cell.set_bg(bgs.map_or(Color::Reset, |b| b[x]));
                if px.code != 0 {
                    cell.set_char(self.glyph(px.code));
                    cell.set_fg(px.color);
                }
            }
        }
    }

    fn glyph(&self, code: u8) -> char {
        if self.ascii {
            char::from(code)
        } else {
            BRAILLE[usize::from(code)]
        }
    }
}

/// The braille pattern of a character of ratatui's braille table.
fn braille_code(c: char) -> Option<u8> {
    static CODES: OnceLock<[u8; 256]> = OnceLock::new();
    let codes = CODES.get_or_init(|| {
        let mut codes = [0; 256];
        for (code, &ch) in (0u8..=255).zip(BRAILLE.iter()) {
            if let Some(slot) = (ch as u32)
                .checked_sub(0x2800)
                .and_then(|i| codes.get_mut(i as usize))
            {
                *slot = code;
            }
        }
        codes
    });
    let i = (c as u32).checked_sub(0x2800)?;
    codes.get(i as usize).copied().filter(|&code| code != 0)
}

/// Paints `paint` on a real canvas of `frame` (first marker braille, or
/// `first` in ASCII) and reads the grid back from the cells it wrote.
pub(crate) fn capture(
    frame: &Frame,
    ascii: bool,
    first: u8,
    paint: impl Fn(&mut Context),
) -> Raster {
    let (cols, rows) = (frame.cols, frame.rows);
    let area = Rect::new(0, 0, cols, rows);
    let mut buf = Buffer::empty(area);
    let marker = if ascii {
        Marker::Custom(char::from(first))
    } else {
        Marker::Braille
    };
    Canvas::default()
        .x_bounds(frame.x)
        .y_bounds(frame.y)
        .marker(marker)
        .paint(paint)
        .render(area, &mut buf);
    let mut raster = Raster::new(cols, rows, ascii);
    for (px, cell) in raster.px.iter_mut().zip(&buf.content) {
        let mut chars = cell.symbol().chars();
        let (Some(c), None) = (chars.next(), chars.next()) else {
            continue;
        };
        let code = if ascii {
            u8::try_from(c)
                .ok()
                .filter(|&b| b != b' ' && b.is_ascii_graphic())
        } else {
            braille_code(c)
        };
        if let Some(code) = code {
            *px = Px {
                code,
                color: cell.fg,
            };
        }
    }
    raster
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::widgets::canvas::{Line, Points};

    fn frame(cols: u16, rows: u16, ascii: bool) -> Frame {
        Frame {
            x: [0.0, 10.0],
            y: [0.0, 5.0],
            cols,
            rows,
            dots: if ascii { (1, 1) } else { (2, 4) },
        }
    }

    /// A raster painted dot by dot writes what the canvas writes, and a
    /// captured canvas reads back as the same raster.
    #[test]
    fn a_raster_writes_what_the_canvas_writes() {
        for ascii in [false, true] {
            let f = frame(13, 7, ascii);
            let (res_x, res_y) = f.resolution();
            let dots: Vec<(usize, usize)> = (0..200)
                .map(|i| ((i * 7) % res_x as usize, (i * 11 + i / 5) % res_y as usize))
                .collect();
            let color = |i: usize| Color::Indexed((i % 5) as u8);
            let mut raster = Raster::new(f.cols, f.rows, ascii);
            for (i, &(x, y)) in dots.iter().enumerate() {
                raster.paint(x, y, color(i), b'*');
            }
            let captured = capture(&f, ascii, b'*', |ctx| {
                for (i, &(x, y)) in dots.iter().enumerate() {
                    // a point exactly on dot (x, y)
                    let wx = f.x[0] + x as f64 * (f.x[1] - f.x[0]) / (res_x - 1.0);
                    let wy = f.y[1] - y as f64 * (f.y[1] - f.y[0]) / (res_y - 1.0);
                    ctx.draw(&Points {
                        coords: &[(wx, wy)],
                        color: color(i),
                    });
                }
                ctx.draw(&Line::new(0.0, 0.0, 0.0, 0.0, color(0)));
            });
            let mut expected = raster.clone();
            expected.paint(0, res_y as usize - 1, color(0), b'*');
            assert_eq!(captured, expected, "ascii {ascii}");

            let area = Rect::new(2, 1, f.cols, f.rows);
            let mut a = Buffer::empty(Rect::new(0, 0, 20, 10));
            for c in &mut a.content {
                c.set_char('z').set_bg(Color::Red);
            }
            let mut b = a.clone();
            expected.write(area, &mut a, &[]);
            Canvas::default()
                .x_bounds(f.x)
                .y_bounds(f.y)
                .marker(if ascii {
                    Marker::Custom('*')
                } else {
                    Marker::Braille
                })
                .paint(|ctx| {
                    ctx.draw(&CaptureShape(&expected));
                })
                .render(area, &mut b);
            assert_eq!(a, b, "ascii {ascii}");
        }
    }

    /// Repaints a raster's dots on a canvas.
    struct CaptureShape<'a>(&'a Raster);

    impl ratatui::widgets::canvas::Shape for CaptureShape<'_> {
        fn draw(&self, painter: &mut ratatui::widgets::canvas::Painter) {
            let r = self.0;
            for (i, px) in r.px.iter().enumerate() {
                let (cx, cy) = (i % usize::from(r.cols), i / usize::from(r.cols));
                if r.ascii {
                    if px.code != 0 {
                        painter.paint(cx, cy, px.color);
                    }
                } else {
                    for bit in 0..8 {
                        if px.code & (1 << bit) != 0 {
                            painter.paint(cx * 2 + bit % 2, cy * 4 + bit / 2, px.color);
                        }
                    }
                }
            }
        }
    }
}
