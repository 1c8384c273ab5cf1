//! Where things are: the country a point lies in, and the countries a
//! corridor passes through.

use super::data::{Atlas, Corridor, LonLat};

impl Atlas {
    /// The countries a corridor passes through, in order along it: its
    /// stations and points between them (eight to a stretch) tested
    /// against the countries' outlines.
    pub fn corridor_countries(&self, id: &str) -> Vec<&str> {
        let Some(co) = self.corridor(id) else {
            return Vec::new();
        };
        let mut out: Vec<&str> = Vec::new();
        for w in co.points.windows(2) {
            for k in 0..8 {
                let f = f64::from(k) / 8.0;
                let p = (
                    w[0].0 + f * (w[1].0 - w[0].0),
                    w[0].1 + f * (w[1].1 - w[0].1),
                );
                if let Some(c) = self.country_at(p)
                    && !out.contains(&c)
                {
                    out.push(c);
                }
            }
        }
        if let Some(c) = co.points.last().and_then(|&p| self.country_at(p))
            && !out.contains(&c)
        {
            out.push(c);
        }
        out
    }

    /// The corridors that pass through a country.
    pub fn corridors_through(&self, country: &str) -> Vec<&Corridor> {
        self.corridors
            .iter()
            .filter(|co| self.corridor_countries(&co.id).contains(&country))
            .collect()
    }

    /// The country a point lies in (even-odd over its rings), if any.
    pub fn country_at(&self, (x, y): LonLat) -> Option<&str> {
        self.countries
            .iter()
            .filter(|c| x >= c.bbox[0] && x <= c.bbox[2] && y >= c.bbox[1] && y <= c.bbox[3])
            .find(|c| inside(&c.rings, (x, y)))
            .map(|c| c.id.as_str())
    }
}

/// Whether a point is inside some rings, even-odd.
fn inside(rings: &[Vec<LonLat>], (x, y): LonLat) -> bool {
    let mut odd = false;
    for ring in rings {
        let n = ring.len();
        for i in 0..n {
            let (a, b) = (ring[i], ring[(i + 1) % n]);
            if (a.1 > y) != (b.1 > y) && x < a.0 + (y - a.1) * (b.0 - a.0) / (b.1 - a.1) {
                odd = !odd;
            }
        }
    }
    odd
}

#[cfg(test)]
mod tests {
    use crate::map::atlas;

    #[test]
    fn corridors_run_through_the_countries_on_their_way() {
        let a = atlas();
        assert_eq!(a.country_at((71.45, 51.17)), Some("kazakhstan"));
        assert_eq!(a.country_at((50.5, 42.0)), None, "the Caspian Sea");
        let mc = a.corridor_countries("middle_corridor");
        for c in ["kazakhstan", "azerbaijan", "georgia", "turkey"] {
            assert!(mc.contains(&c), "{c} not in {mc:?}");
        }
        let cpc = a.corridor_countries("cpc_pipeline");
        assert!(
            cpc.contains(&"russia") && cpc.contains(&"kazakhstan"),
            "{cpc:?}"
        );
        let through: Vec<&str> = a
            .corridors_through("azerbaijan")
            .iter()
            .map(|c| c.id.as_str())
            .collect();
        assert!(through.contains(&"middle_corridor"), "{through:?}");
    }
}
