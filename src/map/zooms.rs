//! The countries each zoom shows, and a point near the middle of each one's
//! visible part (where the selected country's name goes).

use std::sync::OnceLock;

use super::atlas;
use super::data::{Country, LonLat};
use super::view::Zoom;

/// A country in a zoom: where its visible part is.
pub(crate) struct InView {
    pub id: &'static str,
    /// A point inside the country, near the middle of its visible part.
    pub anchor: LonLat,
}

/// The countries `zoom` shows, west to east by the middle of their visible
/// part; worked out on first use and kept.
pub(crate) fn zoom_countries(zoom: Zoom) -> &'static [InView] {
    static ZOOMS: [OnceLock<Vec<InView>>; 2] = [OnceLock::new(), OnceLock::new()];
    ZOOMS[zoom.index()].get_or_init(|| in_view(zoom, &atlas().countries))
}

fn in_view(zoom: Zoom, countries: &'static [Country]) -> Vec<InView> {
    let [lon0, lat0, lon1, lat1] = zoom.bounds();
    let step = match zoom {
        Zoom::Region => 0.3,
        Zoom::Eurasia => 0.6,
    };
    let mut out: Vec<(f64, InView)> = Vec::new();
    for c in countries {
        let b = c.bbox;
        if b[2] < lon0 || b[0] > lon1 || b[3] < lat0 || b[1] > lat1 {
            continue;
        }
        let inside = samples_inside(
            &c.rings,
            (b[0].max(lon0), b[1].max(lat0)),
            (b[2].min(lon1), b[3].min(lat1)),
            step,
        );
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

/// The points of a `step` lattice over `(x0, y0)..(x1, y1)` that lie inside
/// `rings` (even-odd), row by row from the south, west to east in a row.
fn samples_inside(
    rings: &[Vec<LonLat>],
    (x0, y0): LonLat,
    (x1, y1): LonLat,
    step: f64,
) -> Vec<LonLat> {
    let mut inside = Vec::new();
    let mut y = y0 + step / 2.0;
    while y < y1 {
        let mut x = x0 + step / 2.0;
        while x < x1 {
            if point_in_rings(rings, (x, y)) {
                inside.push((x, y));
            }
            x += step;
        }
        y += step;
    }
    inside
}
