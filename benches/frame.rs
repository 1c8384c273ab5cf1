//! One full game frame (the game screen with its real map, gauges, powers,
//! actions and news) beside a bare ratatui Canvas drawing its built-in world
//! map in the same area, in the same run.
//!
//! `cargo bench --bench frame`

use std::hint::black_box;
use std::path::PathBuf;
use std::time::Duration;

use criterion::{Criterion, criterion_group, criterion_main};
use multivector::content;
use multivector::rules::{Command, Game};
use multivector::ui::app::{App, Launch, Options};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Color;
use ratatui::symbols::Marker;
use ratatui::widgets::Widget;
use ratatui::widgets::canvas::{Canvas, Map, MapResolution};

/// A game a few turns in, so that the news, the history and the map have content.
fn app() -> App {
    let book = content::builtin().unwrap();
    let scenario = book.scenario("standard").unwrap().clone();
    let mut game = Game::new(&book, scenario, Some("kazakhstan"), 7).unwrap();
    for id in ["visit_ankara", "middle_corridor", "un_abstention"] {
        let _ = game.apply(&book, Command::Plan(book.action_id(id).unwrap()));
    }
    for _ in 0..3 {
        while !game.state().pending().is_empty() {
            if game.apply(&book, Command::Choose(0)).is_err() {
                game.apply(&book, Command::Choose(1)).unwrap();
            }
        }
        game.apply(&book, Command::EndTurn).unwrap();
    }
    while !game.state().pending().is_empty() {
        let _ = game.apply(&book, Command::Choose(0));
    }
    let opts = Options {
        save_dir: PathBuf::from("/nonexistent"),
        ascii: false,
        color: true,
        seed_hint: 7,
    };
    App::new(book, Launch::Play(Box::new(game)), &opts)
}

fn bench(c: &mut Criterion) {
    let app = app();
    let mut g = c.benchmark_group("frame");
    g.sample_size(40).measurement_time(Duration::from_secs(4));
    for (w, h) in [(120u16, 40u16), (200, 60)] {
        let area = Rect::new(0, 0, w, h);
        let mut buf = Buffer::empty(area);
        // The first frame fills the map's cache; the loop draws like the game does.
        (&app).render(area, &mut buf);
        g.bench_function(format!("game frame {w}x{h}"), |b| {
            b.iter(|| {
                buf.reset();
                (&app).render(black_box(area), &mut buf);
            })
        });
        g.bench_function(format!("bare canvas world map {w}x{h}"), |b| {
            b.iter(|| {
                buf.reset();
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
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
