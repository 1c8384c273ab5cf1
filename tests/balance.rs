//! The design's intent, checked with the simulator: hedging across the
//! powers beats aligning with any one of them, for every playable state,
//! and a random player reaches the best ending less often than a hedger.

use multivector::content;
use multivector::rules::Power;
use multivector::sim::{self, Policy};

const GAMES: u32 = 200;

#[test]
fn hedging_beats_alignment_and_chance_for_every_state() {
    let book = content::builtin().unwrap();
    let scenario = book.scenario("standard").unwrap().clone();
    let mut report = String::new();
    let mut failures = Vec::new();
    for country in book.playable() {
        let run = |p| sim::simulate(&book, &scenario, &country.id, p, GAMES, 11);
        let hedger = run(Policy::Hedger);
        let random = run(Policy::Random);
        report.push_str(&format!(
            "{:<13} hedger A{:5.1} win {:.2} | random A{:5.1} win {:.2}",
            country.id,
            hedger.mean_autonomy,
            hedger.win_rate,
            random.mean_autonomy,
            random.win_rate
        ));
        for p in Power::ALL {
            let single = run(Policy::First(p));
            report.push_str(&format!(
                " | {} A{:5.1}",
                single.policy, single.mean_autonomy
            ));
            if single.mean_autonomy >= hedger.mean_autonomy {
                failures.push(format!(
                    "{}: {} autonomy {} >= hedger {}",
                    country.id, single.policy, single.mean_autonomy, hedger.mean_autonomy
                ));
            }
        }
        report.push('\n');
        if random.win_rate >= hedger.win_rate {
            failures.push(format!(
                "{}: random wins {} >= hedger {}",
                country.id, random.win_rate, hedger.win_rate
            ));
        }
        if hedger.win_rate == 0.0 {
            failures.push(format!(
                "{}: the hedger never reaches the best ending",
                country.id
            ));
        }
    }
    assert!(failures.is_empty(), "{}\n{report}", failures.join("\n"));
}

#[test]
fn tajikistan_starts_harder_than_kazakhstan() {
    let book = content::builtin().unwrap();
    let scenario = book.scenario("standard").unwrap().clone();
    let kaz = sim::simulate(&book, &scenario, "kazakhstan", Policy::Hedger, GAMES, 5);
    let taj = sim::simulate(&book, &scenario, "tajikistan", Policy::Hedger, GAMES, 5);
    assert!(
        taj.mean_score < kaz.mean_score,
        "{} vs {}",
        taj.mean_score,
        kaz.mean_score
    );
    assert!(taj.win_rate < kaz.win_rate);
}

#[test]
fn a_simulation_does_not_depend_on_the_thread_count() {
    let book = content::builtin().unwrap();
    let scenario = book.scenario("standard").unwrap().clone();
    let all = sim::simulate(&book, &scenario, "kyrgyzstan", Policy::Random, 64, 3);
    let one = rayon::ThreadPoolBuilder::new()
        .num_threads(1)
        .build()
        .unwrap()
        .install(|| sim::simulate(&book, &scenario, "kyrgyzstan", Policy::Random, 64, 3));
    assert_eq!(all, one);
}
