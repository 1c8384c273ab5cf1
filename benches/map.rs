//! The map widget against a bare canvas drawing ratatui's built-in world map.
//!
//! `cargo bench --bench map`

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use multivector::map::{CorridorStatus, MapView, MapWidget, Zoom, atlas, country_ids_in_view};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Color;
use ratatui::symbols::Marker;
use ratatui::widgets::Widget;
use ratatui::widgets::canvas::{Canvas, Map, MapResolution};

const CORRIDORS: &[(&str, CorridorStatus)] = &[
    ("middle_corridor", CorridorStatus::Open),
    ("cpc_pipeline", CorridorStatus::Blocked),
    ("china_gas_pipeline", CorridorStatus::Building),
    ("trans_caspian_pipeline", CorridorStatus::Planned),
];

fn view(zoom: Zoom) -> MapView<'static> {
    MapView {
        player: "kazakhstan",
        zoom,
        proximity: [70.0, 45.0, 20.0, 35.0],
        corridors: CORRIDORS,
        event_place: Some("aktau"),
        selected: Some("uzbekistan"),
        ascii: false,
        color: true,
    }
}

fn bench(c: &mut Criterion) {
    // parse the data and sample the zooms' countries once, outside the timing
    atlas();
    country_ids_in_view(Zoom::Region);
    country_ids_in_view(Zoom::Eurasia);
    for (w, h) in [(120u16, 40u16), (200, 60)] {
        let area = Rect::new(0, 0, w, h);
        let mut buf = Buffer::empty(area);
        for zoom in [Zoom::Region, Zoom::Eurasia] {
            c.bench_function(&format!("map widget {zoom:?} {w}x{h}"), |b| {
                b.iter(|| {
                    MapWidget { view: view(zoom) }.render(black_box(area), &mut buf);
                })
            });
        }
        c.bench_function(&format!("bare canvas Map High {w}x{h}"), |b| {
            b.iter(|| {
                Canvas::default()
                    .marker(Marker::Braille)
                    .x_bounds([-180.0, 180.0])
                    .y_bounds([-90.0, 90.0])
                    .paint(|ctx| {
                        ctx.draw(&Map {
                            resolution: MapResolution::High,
                            color: Color::Gray,
                        })
                    })
                    .render(black_box(area), &mut buf);
            })
        });
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);
