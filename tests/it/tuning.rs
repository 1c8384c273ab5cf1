//! Tuning is data: the rules keep no tuning numbers of their own. Every
//! constant that shapes play is in `assets/model.ron` (or the content);
//! what is left in `src/rules` are named limits of the content format and
//! the numbers of the model's own shape (0, ½, 1, 100, sizes and indices).

use std::path::Path;

/// The float literals the rules may hold outside tests and named constants:
/// the ends and middle of the 0–1 and 0–100 scales.
const ALLOWED: [&str; 4] = ["0.0", "0.5", "1.0", "100.0"];

fn rust_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// Float literals in a line of code, comments and strings left out.
fn floats(line: &str) -> Vec<String> {
    let code = line.split("//").next().unwrap_or("");
    let mut out = Vec::new();
    let mut in_string = false;
    let chars: Vec<char> = code.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c == '"' {
            in_string = !in_string;
        } else if !in_string
            && c.is_ascii_digit()
            && (i == 0
                || !(chars[i - 1].is_alphanumeric() || chars[i - 1] == '_' || chars[i - 1] == '.'))
        {
            let start = i;
            let digits = |i: &mut usize| {
                while *i < chars.len() && chars[*i].is_ascii_digit() {
                    *i += 1;
                }
            };
            digits(&mut i);
            let mut float = false;
            // A fraction: a point followed by a digit (not a range `1..`).
            if i + 1 < chars.len() && chars[i] == '.' && chars[i + 1].is_ascii_digit() {
                i += 1;
                digits(&mut i);
                float = true;
            }
            if i < chars.len() && chars[i] == 'e' {
                i += 1;
                if i < chars.len() && chars[i] == '-' {
                    i += 1;
                }
                digits(&mut i);
                float = true;
            }
            if float {
                out.push(chars[start..i].iter().collect());
            }
            continue;
        }
        i += 1;
    }
    out
}

#[test]
fn the_rules_hold_no_tuning_literals() {
    let mut files = Vec::new();
    rust_files(Path::new("src/rules"), &mut files);
    assert!(files.len() > 10);
    let mut found = Vec::new();
    for path in files {
        let text = std::fs::read_to_string(&path).unwrap();
        let mut in_const = false;
        for (n, line) in text.lines().enumerate() {
            if line.contains("#[cfg(test)]") {
                break;
            }
            let trimmed = line.trim_start();
            // A named constant: a limit or a table of ranges, declared once.
            if trimmed.starts_with("const ") || trimmed.starts_with("pub const ") {
                in_const = !trimmed.ends_with(';');
                continue;
            }
            if in_const {
                in_const = !trimmed.starts_with("];");
                continue;
            }
            for lit in floats(line) {
                if !ALLOWED.contains(&lit.as_str()) {
                    found.push(format!(
                        "{}:{}: {lit}: {}",
                        path.display(),
                        n + 1,
                        line.trim()
                    ));
                }
            }
        }
    }
    assert!(
        found.is_empty(),
        "tuning literals in src/rules:\n{}",
        found.join("\n")
    );
}

#[test]
fn the_literal_finder_finds_them() {
    assert_eq!(floats("let x = 0.25 * y + 1.0; // 3.5"), ["0.25", "1.0"]);
    assert_eq!(floats("format!(\"{:.1}\", 2.5e3)"), ["2.5e3"]);
    assert!(floats("let a = v1.0;").is_empty());
}
