//! The map widget against a bare canvas drawing ratatui's built-in world map.
//!
//! `cargo bench --bench map`: about a minute. The map keeps what only
//! changes with the zoom, the area, the player and the selection between
//! renders, so most of these time a render after the first, as in a game;
//! the "after a resize" ones time a render that paints it again.

use std::hint::black_box;
use std::time::Duration;

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
        ..Default::default()
    }
}

fn bench(c: &mut Criterion) {
    // parse the data and list the zooms' countries once, outside the timing
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
            // nine widths in turn, more than the map keeps: each render is a
            // first one
            let mut width = 0;
            c.bench_function(
                &format!("map widget {zoom:?} {w}x{h} after a resize"),
                |b| {
                    b.iter(|| {
                        width = (width + 1) % 9;
                        let area = Rect::new(0, 0, w - width, h);
                        MapWidget { view: view(zoom) }.render(black_box(area), &mut buf);
                    })
                },
            );
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

criterion_group! {
    name = benches;
    config = Criterion::default()
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(4))
        .sample_size(60);
    targets = bench
}
criterion_main!(benches);
