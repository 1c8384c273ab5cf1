//! The checklist search of docs/BALANCE.md: for every playable state, 300
//! random lists of up to ten actions and the hand-built recipes that won
//! before (repeatable projects in every order, with or without one red-line
//! move), each played 200 games; the best eight improved on by 160 small
//! changes (an action replaced, inserted, dropped or moved), then played
//! again for 2,000 games on other seeds. The issue's target: no list wins more than 25%,
//! and none more often than the strongest built-in policy.
//!
//! Slow (minutes); run it in release:
//!
//! ```sh
//! cargo run --release --example fixed_search
//! ```
//!
//! It prints the table of docs/BALANCE.md and exits 1 if a list breaks a
//! target.

use multivector::content;
use multivector::sim::search::{SearchOptions, search};
use multivector::sim::{self, Policy};

/// Games a cell for the built-in policies, and for the slow expert.
const GAMES: u32 = 2000;
const EXPERT_GAMES: u32 = 200;

fn main() {
    let book = content::builtin().unwrap();
    let scenario = book.scenario("standard").unwrap().clone();
    let opts = SearchOptions::default();
    let mut failures = Vec::new();
    println!("| state | best list | its win % | strongest policy | its win % |");
    println!("| --- | --- | ---: | --- | ---: |");
    let mut details = String::new();
    for country in book.playable() {
        let found = search(&book, &scenario, &country.id, &opts);
        let (best_policy, best_rate) = Policy::ALL
            .into_iter()
            .map(|p| {
                let n = if p == Policy::Expert {
                    EXPERT_GAMES
                } else {
                    GAMES
                };
                let s = sim::simulate(&book, &scenario, &country.id, p.clone(), n, 1);
                (p, s.win_rate)
            })
            .max_by(|a, b| a.1.total_cmp(&b.1))
            .unwrap();
        let top = &found[0];
        println!(
            "| {} | `{}` | {:.1} | {} | {:.1} |",
            country.id,
            top.list.id(),
            top.win_rate * 100.0,
            best_policy.id(),
            best_rate * 100.0
        );
        details.push_str(&format!("\n{}:\n", country.id));
        for f in &found {
            details.push_str(&format!("  {:5.1}%  {}\n", f.win_rate * 100.0, f.list.id()));
        }
        if top.win_rate > 0.25 {
            failures.push(format!(
                "{}: `{}` wins {:.1}% > 25%",
                country.id,
                top.list.id(),
                top.win_rate * 100.0
            ));
        }
        if top.win_rate > best_rate {
            failures.push(format!(
                "{}: `{}` wins {:.1}%, more than {} ({:.1}%)",
                country.id,
                top.list.id(),
                top.win_rate * 100.0,
                best_policy.id(),
                best_rate * 100.0
            ));
        }
    }
    println!("\nThe finalists of each state (win % over {GAMES} games):{details}");
    if !failures.is_empty() {
        eprintln!("{}", failures.join("\n"));
        std::process::exit(1);
    }
}
