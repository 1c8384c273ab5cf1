//! The map of the region: real borders (Natural Earth, see `docs/map.md`),
//! capitals, corridors and the player's ties to the four powers, drawn as a
//! ratatui `Canvas` draws. What changes only with the zoom, the area, the
//! player and the selection is painted once and kept (`cache.rs`); a render
//! copies it and adds the lines and texts of the turn (`render.rs`).
//!
//! Self-contained: it uses ratatui, serde and ron, and nothing else of the
//! crate. The data is embedded from `assets/map/` and parsed once ([`atlas`]).

mod cache;
mod data;
mod labels;
mod lookup;
mod raster;
mod render;
mod shapes;
mod texts;
mod view;
mod zooms;

use std::sync::OnceLock;

use ratatui::style::Color;

pub use data::{
    Atlas, Capital, Corridor, CorridorKind, Country, LonLat, Place, Polyline, Power, Water,
};
pub use view::{CorridorStatus, MapView, MapWidget, Mark, Tag, Texture, Zoom};

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

/// The countries the zoom shows, west to east (by the middle of the part in
/// view), for moving a selection with the arrow keys.
pub fn country_ids_in_view(zoom: Zoom) -> Vec<&'static str> {
    zooms::zoom_countries(zoom).iter().map(|c| c.id).collect()
}

/// A country's name, e.g. `"iran"` -> `"Iran"`.
pub fn country_name(id: &str) -> Option<&'static str> {
    atlas().country(id).map(|c| c.name.as_str())
}

/// Okabe-Ito colours: told apart with any common colour blindness; the map
/// never lets colour alone carry a meaning.
pub(crate) mod palette {
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
    /// What an action touches, picked out.
    pub const HIGHLIGHT: Color = Color::Rgb(255, 255, 255);

    /// The background tint of a power's territory: its colour, darkened.
    pub const fn tint(c: Color) -> Color {
        match c {
            Color::Rgb(r, g, b) => Color::Rgb(r / 4, g / 4, b / 4),
            other => other,
        }
    }
}

pub(crate) fn power_color(p: Power) -> Color {
    match p {
        Power::Russia => palette::RUSSIA,
        Power::China => palette::CHINA,
        Power::Turkey => palette::TURKEY,
        Power::Eu => palette::EU,
    }
}

/// The countries that make up each power's territory.
pub(crate) fn territories() -> &'static [Vec<&'static Country>; 4] {
    static T: OnceLock<[Vec<&'static Country>; 4]> = OnceLock::new();
    T.get_or_init(|| Power::ALL.map(|p| atlas().power_territory(p).collect()))
}
