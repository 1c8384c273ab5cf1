//! The rules: one full game played by a policy, and one turn's resolution.
//!
//! `cargo bench --bench rules`

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use multivector::content;
use multivector::rules::{Command, Game};
use multivector::sim::{self, Policy};

fn bench(c: &mut Criterion) {
    let book = content::builtin().unwrap();
    let scenario = book.scenario("standard").unwrap().clone();
    let mut g = c.benchmark_group("rules");
    g.sample_size(30);
    for policy in [Policy::Random, Policy::Hedger] {
        g.bench_function(format!("game of 24 turns, {}", policy.id()), |b| {
            let mut seed = 0;
            b.iter(|| {
                seed += 1;
                black_box(sim::play_one(
                    &book,
                    &scenario,
                    "kazakhstan",
                    seed,
                    policy.clone(),
                ))
            })
        });
    }
    // The full record stays on: every change is recorded with its cause.
    let start = Game::new(&book, scenario.clone(), Some("kazakhstan"), 7).unwrap();
    let ankara = book.action_id("visit_ankara").unwrap();
    g.bench_function("one end of turn", |b| {
        b.iter(|| {
            let mut game = start.clone();
            game.apply(&book, Command::Plan(ankara)).unwrap();
            game.apply(&book, Command::EndTurn).unwrap();
            black_box(game)
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
