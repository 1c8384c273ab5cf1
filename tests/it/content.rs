//! The built-in content loads, and its promises hold.

use std::path::Path;

use multivector::content::{self, ARTICLE, article_contains};

#[test]
fn builtin_content_loads() {
    if let Err(e) = content::builtin() {
        panic!("{e}");
    }
}

#[test]
fn every_asset_file_passes_check() {
    for entry in std::fs::read_dir("assets")
        .unwrap()
        .chain(std::fs::read_dir("assets/scenarios").unwrap())
    {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|x| x == "ron") {
            if let Err(e) = content::check_file(&path) {
                panic!("{e}");
            }
        }
    }
}

#[test]
fn the_article_is_the_seed_essay() {
    let shared = Path::new("../shared/seeds/000_227fb2cdd1ede686.txt");
    if let Ok(text) = std::fs::read_to_string(shared) {
        assert_eq!(
            text, ARTICLE,
            "assets/article.txt differs from the seed essay"
        );
    }
    assert!(ARTICLE.contains("proximity to Turkey now means potential proximity to Europe"));
}

#[test]
fn every_event_source_is_found_verbatim_in_the_article() {
    let book = content::builtin().unwrap();
    let mut sourced = 0;
    for e in &book.events {
        match (&e.source, &e.context) {
            (Some(s), _) => {
                assert!(
                    article_contains(s),
                    "event {}: source not in the article: {s}",
                    e.id
                );
                assert!(
                    ARTICLE.contains(s.as_str()),
                    "event {}: source differs in spacing: {s}",
                    e.id
                );
                sourced += 1;
            }
            (None, Some(c)) => assert!(!c.trim().is_empty(), "event {}: empty context", e.id),
            (None, None) => panic!("event {} has neither source nor context", e.id),
        }
    }
    assert!(sourced >= 15, "only {sourced} events quote the article");
}

#[test]
fn a_source_that_is_not_in_the_article_is_refused() {
    assert!(!article_contains(
        "Turkey is a peripheral country knocking at the EU's door."
    ));
    assert!(article_contains("Europe has noticed."));
}

#[test]
fn the_content_is_rich_enough() {
    let book = content::builtin().unwrap();
    let playable: Vec<_> = book.playable().map(|c| c.id.as_str()).collect();
    assert_eq!(
        playable,
        [
            "kazakhstan",
            "uzbekistan",
            "kyrgyzstan",
            "tajikistan",
            "turkmenistan",
            "azerbaijan"
        ]
    );
    assert!(book.country_named("azerbaijan").is_some());
    assert!(book.actions.len() >= 15);
    assert!(book.actions.iter().filter(|a| a.duration > 0).count() >= 4);
    assert!(book.events.len() >= 30, "{} events", book.events.len());
    assert!(book.events.iter().filter(|e| !e.choices.is_empty()).count() >= 10);
    assert!(book.endings.len() >= 5);
    assert!(book.endings.iter().any(|e| e.best));
}
