//! `docs/RELIABILITY.md` names the tests that hold each promise: every test
//! and every test file it names exists, so that the page cannot go on
//! promising what a renamed or removed test no longer checks.

use std::fs;
use std::path::Path;

/// The Rust sources under `dir`, recursively, as one text.
fn sources(dir: &Path, all: &mut String) {
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            sources(&path, all);
        } else if path.extension().is_some_and(|x| x == "rs") {
            all.push_str(&fs::read_to_string(&path).unwrap());
        }
    }
}

/// The spans of `text` between backticks.
fn quoted(text: &str) -> Vec<&str> {
    text.split('`').skip(1).step_by(2).collect()
}

#[test]
fn every_test_the_page_names_exists() {
    let page = fs::read_to_string("docs/RELIABILITY.md").unwrap();
    let mut code = String::new();
    sources(Path::new("tests"), &mut code);
    sources(Path::new("src"), &mut code);
    let names: Vec<&str> = quoted(&page)
        .into_iter()
        .filter(|q| q.matches('_').count() >= 3)
        .filter(|q| {
            q.chars()
                .all(|c| c.is_ascii_lowercase() || c == '_' || c.is_ascii_digit())
        })
        .collect();
    assert!(names.len() > 30, "only {} test names found", names.len());
    for name in names {
        assert!(
            code.contains(&format!("fn {name}(")),
            "docs/RELIABILITY.md names `{name}`, which is no test"
        );
    }
}

#[test]
fn every_test_file_the_page_names_exists() {
    let page = fs::read_to_string("docs/RELIABILITY.md").unwrap();
    let files: Vec<&str> = quoted(&page)
        .into_iter()
        .filter(|q| q.ends_with(".rs") && !q.contains(' '))
        .collect();
    assert!(files.len() > 10, "only {} files found", files.len());
    for file in files {
        let found = ["", "tests", "tests/it", "tests/slow"]
            .iter()
            .any(|dir| Path::new(dir).join(file).is_file());
        assert!(
            found,
            "docs/RELIABILITY.md names `{file}`, which does not exist"
        );
    }
}
