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
/// part; worked out on first use (a millisecond or two) and kept.
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

/// `lo + step / 2`, `lo + step / 2 + step`, ... below `hi`, summed one step
/// at a time.
fn steps(lo: f64, hi: f64, step: f64) -> Vec<f64> {
    let mut out = Vec::new();
    let mut v = lo + step / 2.0;
    while v < hi {
        out.push(v);
        v += step;
    }
    out
}

/// The points of a `step` lattice over `(x0, y0)..(x1, y1)` that lie inside
/// `rings` (even-odd), row by row from the south, west to east in a row.
///
/// The same points a crossing-number test of each point finds, with the same
/// arithmetic, but each edge is met once: it is crossed with the rows it
/// spans, and each row's crossings are sorted and walked along the row.
fn samples_inside(
    rings: &[Vec<LonLat>],
    (x0, y0): LonLat,
    (x1, y1): LonLat,
    step: f64,
) -> Vec<LonLat> {
    let ys = steps(y0, y1, step);
    let xs = steps(x0, x1, step);
    let mut crossings: Vec<Vec<f64>> = vec![Vec::new(); ys.len()];
    for ring in rings {
        let n = ring.len();
        for i in 0..n {
            // the edge from the previous point, as the crossing test takes it
            let ((xi, yi), (xj, yj)) = (ring[i], ring[(i + n - 1) % n]);
            let (lo, hi) = if yi < yj { (yi, yj) } else { (yj, yi) };
            // the rows with (yi > y) != (yj > y): lo <= y < hi
            let first = ys.partition_point(|&y| y < lo);
            for (k, &y) in ys.iter().enumerate().skip(first) {
                if y >= hi {
                    break;
                }
                crossings[k].push((xj - xi) * (y - yi) / (yj - yi) + xi);
            }
        }
    }
    let mut out = Vec::new();
    for (row, &y) in crossings.iter_mut().zip(&ys) {
        if row.is_empty() {
            continue;
        }
        row.sort_unstable_by(f64::total_cmp);
        // a point is inside when an odd number of crossings lie east of it
        let mut west = 0;
        for &x in &xs {
            while west < row.len() && row[west] <= x {
                west += 1;
            }
            if (row.len() - west) % 2 == 1 {
                out.push((x, y));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The crossing-number test, one point at a time.
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

    #[test]
    fn the_row_walk_finds_the_points_the_point_test_finds() {
        for id in ["russia", "kazakhstan", "azerbaijan", "china", "italy"] {
            let Some(c) = atlas().country(id) else {
                continue;
            };
            let b = c.bbox;
            for step in [0.3, 0.6, 0.17] {
                let expected: Vec<LonLat> = steps(b[1], b[3], step)
                    .iter()
                    .flat_map(|&y| steps(b[0], b[2], step).into_iter().map(move |x| (x, y)))
                    .filter(|&p| point_in_rings(&c.rings, p))
                    .collect();
                let got = samples_inside(&c.rings, (b[0], b[1]), (b[2], b[3]), step);
                assert_eq!(got, expected, "{id} at {step}");
            }
        }
    }
}
