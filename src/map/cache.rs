//! The parts of the map that only change with the zoom, the area's size, the
//! player, the selection and the ASCII and colour settings: the filled state
//! and the borders, the selected country's outline, and the tints. Each is
//! painted once per key and kept in a small cache shared by all renders, so
//! a render mostly copies cells.

use std::sync::{Arc, Mutex};

use ratatui::style::Color;
use ratatui::symbols::Marker;

use super::data::{Atlas, Country, Power};
use super::raster::{Px, Raster, capture};
use super::shapes::{Borders, DotGrid, Fill, Outline, Pattern, scanline};
use super::view::{Frame, MapView, Texture, Zoom};
use super::{palette, power_color, territories};

/// The ASCII markers of the map's layers, bottom to top.
pub(crate) mod mark {
    pub const FILL: u8 = b':';
    pub const BORDER: u8 = b'.';
    pub const SELECTED: u8 = b'#';
    pub const CORRIDOR: u8 = b'=';
    pub const PROXIMITY: u8 = b'+';
}

/// A few values by key, the least recently used dropped first. Values are
/// made outside the lock; two threads that miss at once both make one.
pub(crate) struct Lru<K, V> {
    items: Mutex<Vec<(K, Arc<V>)>>,
    cap: usize,
}

impl<K: PartialEq, V> Lru<K, V> {
    pub const fn new(cap: usize) -> Lru<K, V> {
        Lru {
            items: Mutex::new(Vec::new()),
            cap,
        }
    }

    pub fn get_or_make(&self, key: K, make: impl FnOnce() -> V) -> Arc<V> {
        {
            let mut items = self.items.lock().unwrap_or_else(|e| e.into_inner());
            if let Some(i) = items.iter().position(|(k, _)| *k == key) {
                let item = items.remove(i);
                let value = Arc::clone(&item.1);
                items.push(item);
                return value;
            }
        }
        let value = Arc::new(make());
        let mut items = self.items.lock().unwrap_or_else(|e| e.into_inner());
        if items.len() >= self.cap {
            items.remove(0);
        }
        items.push((key, Arc::clone(&value)));
        value
    }
}

/// What the base of a map depends on.
#[derive(Debug, Clone, Copy, PartialEq)]
struct BaseKey {
    zoom: Zoom,
    cols: u16,
    rows: u16,
    /// The player's country, if the atlas has it.
    player: Option<&'static str>,
    /// Whether the player's state is filled.
    fill: bool,
    ascii: bool,
    color: bool,
}

/// The map under everything that changes during a game.
pub(crate) struct Base {
    /// The player's state filled, and the borders.
    pub raster: Raster,
    /// The background of each cell (the powers' territory and the Caspian
    /// tinted), or empty when colours are off.
    pub bg: Vec<Color>,
}

/// The base of `view` in `frame`'s area, painted on first use.
pub(crate) fn base(view: &MapView, frame: &Frame, atlas: &'static Atlas) -> Arc<Base> {
    static CACHE: Lru<BaseKey, Base> = Lru::new(8);
    let player = atlas.country(view.player);
    let key = BaseKey {
        zoom: view.zoom,
        cols: frame.cols,
        rows: frame.rows,
        player: player.map(|c| c.id.as_str()),
        fill: !view.plain_player,
        ascii: view.ascii,
        color: view.color,
    };
    CACHE.get_or_make(key, || {
        let ascii = view.ascii;
        let filled = if view.plain_player { None } else { player };
        let raster = capture(frame, ascii, mark::FILL, |ctx| {
            ctx.draw(&Fill {
                countries: filled.as_slice(),
                color: view.colour(palette::PLAYER),
                pattern: if ascii {
                    Pattern::Checker
                } else {
                    Pattern::Lattice
                },
            });
            if ascii {
                ctx.marker(Marker::Custom(char::from(mark::BORDER)));
            }
            ctx.draw(&Borders {
                lines: &atlas.borders,
                color: view.colour(palette::BORDER),
            });
        });
        let bg = if view.color {
            tints(frame, atlas)
        } else {
            Vec::new()
        };
        Base { raster, bg }
    })
}

/// What the textures of a map mode depend on.
#[derive(Debug, Clone, PartialEq)]
struct MarksKey {
    zoom: Zoom,
    cols: u16,
    rows: u16,
    ascii: bool,
    color: bool,
    marks: Vec<(String, Texture, Color)>,
}

/// The cells the marked countries' textures paint, to lay over the base.
pub(crate) fn marks(view: &MapView, frame: &Frame, atlas: &Atlas) -> Arc<Vec<(u32, Px)>> {
    static CACHE: Lru<MarksKey, Vec<(u32, Px)>> = Lru::new(8);
    let key = MarksKey {
        zoom: view.zoom,
        cols: frame.cols,
        rows: frame.rows,
        ascii: view.ascii,
        color: view.color,
        marks: view
            .marks
            .iter()
            .map(|m| (m.country.to_string(), m.texture, m.color))
            .collect(),
    };
    CACHE.get_or_make(key, || {
        let mut layer = Raster::new(frame.cols, frame.rows, view.ascii);
        let Some(g) = DotGrid::dots(frame) else {
            return Vec::new();
        };
        for m in view.marks {
            let Some(c) = atlas.country(m.country).filter(|c| g.intersects(&c.bbox)) else {
                continue;
            };
            let color = view.colour(m.color);
            let (tex, ascii) = (m.texture, view.ascii);
            scanline(&g, c.rings.iter(), 1, |x, y| {
                if tex.paints(x, y, ascii) {
                    layer.paint(x, y, color, tex.mark());
                }
            });
        }
        layer.painted()
    })
}

/// What the outline of a selected country depends on.
#[derive(Debug, Clone, Copy, PartialEq)]
struct OutlineKey {
    zoom: Zoom,
    cols: u16,
    rows: u16,
    country: &'static str,
    ascii: bool,
    color: bool,
}

/// The cells the outline of `country` paints, to lay over the base.
pub(crate) fn outline(
    view: &MapView,
    frame: &Frame,
    country: &'static Country,
) -> Arc<Vec<(u32, Px)>> {
    static CACHE: Lru<OutlineKey, Vec<(u32, Px)>> = Lru::new(8);
    let key = OutlineKey {
        zoom: view.zoom,
        cols: frame.cols,
        rows: frame.rows,
        country: country.id.as_str(),
        ascii: view.ascii,
        color: view.color,
    };
    CACHE.get_or_make(key, || {
        capture(frame, view.ascii, mark::SELECTED, |ctx| {
            ctx.draw(&Outline {
                rings: &country.rings,
                color: view.colour(palette::SELECTED),
            });
        })
        .painted()
    })
}

/// The background of each cell: each power's territory in its colour,
/// darkened, and the Caspian Sea; the terminal's default elsewhere. Cells
/// are taken whole, by their middle.
fn tints(frame: &Frame, atlas: &Atlas) -> Vec<Color> {
    let (cols, rows) = (usize::from(frame.cols), usize::from(frame.rows));
    let mut bg = vec![Color::Reset; cols * rows];
    let Some(g) = DotGrid::cells(frame.x, frame.y, frame.cols, frame.rows, frame.dots) else {
        return bg;
    };
    let set = |color: Color| {
        move |bg: &mut Vec<Color>, x: usize, y: usize| {
            if x < cols
                && let Some(cell) = bg.get_mut(y * cols + x)
            {
                *cell = color;
            }
        }
    };
    for (p, countries) in Power::ALL.iter().zip(territories()) {
        let rings = countries
            .iter()
            .filter(|c| g.intersects(&c.bbox))
            .flat_map(|c| c.rings.iter());
        let tint = set(palette::tint(power_color(*p)));
        scanline(&g, rings, 1, |x, y| tint(&mut bg, x, y));
    }
    for w in &atlas.water {
        let tint = set(palette::tint(palette::WATER));
        scanline(&g, w.rings.iter(), 1, |x, y| tint(&mut bg, x, y));
    }
    bg
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_cache_keeps_the_last_used() {
        let lru: Lru<u8, u8> = Lru::new(2);
        assert_eq!(*lru.get_or_make(1, || 10), 10);
        assert_eq!(*lru.get_or_make(2, || 20), 20);
        assert_eq!(*lru.get_or_make(1, || 11), 10, "kept");
        assert_eq!(*lru.get_or_make(3, || 30), 30);
        assert_eq!(*lru.get_or_make(1, || 12), 10, "used last, kept");
        assert_eq!(*lru.get_or_make(2, || 21), 21, "dropped, made again");
    }
}
