//! Text that leaves the program: one sanitiser for everything read from a
//! file (a scenario, a save, a content file) before it reaches a terminal,
//! a Markdown or a CSV report. JSON output escapes on its own.

use std::borrow::Cow;

/// Whether a character must not reach a terminal or a report: control
/// characters (escape sequences start with one), and the invisible
/// characters that reorder or hide text (bidirectional overrides and
/// isolates, zero-width characters, the byte-order mark).
pub fn is_unsafe(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{200B}'..='\u{200F}'
                | '\u{202A}'..='\u{202E}'
                | '\u{2060}'..='\u{2064}'
                | '\u{2066}'..='\u{2069}'
                | '\u{FEFF}'
        )
}

/// The text with every unsafe character removed; tabs and newlines become
/// spaces, so one field stays on one line.
pub fn clean(s: &str) -> Cow<'_, str> {
    if !s.chars().any(is_unsafe) {
        return Cow::Borrowed(s);
    }
    Cow::Owned(
        s.chars()
            .filter_map(|c| match c {
                '\t' | '\n' | '\r' => Some(' '),
                c if is_unsafe(c) => None,
                c => Some(c),
            })
            .collect(),
    )
}

/// A text of several lines (a message, a report) with every line passed
/// through [`clean`]: the line breaks stay, nothing else unsafe does.
pub fn clean_lines(s: &str) -> Cow<'_, str> {
    if !s.chars().any(|c| c != '\n' && is_unsafe(c)) {
        return Cow::Borrowed(s);
    }
    let lines: Vec<Cow<'_, str>> = s.split('\n').map(clean).collect();
    Cow::Owned(lines.join("\n"))
}

/// A CSV cell: cleaned, and made inert when a spreadsheet would read it as
/// a formula (it starts with `=`, `+`, `-` or `@`), by a leading apostrophe.
/// Numbers the program writes itself do not go through here.
pub fn csv_cell(s: &str) -> String {
    let s = clean(s);
    match s.chars().next() {
        Some('=' | '+' | '-' | '@') => format!("'{s}"),
        _ => s.into_owned(),
    }
}

/// FNV-1a (64 bits): a small, stable hash for fingerprints of content
/// (not a defence against a forger).
pub fn fnv1a64(bytes: &[u8]) -> u64 {
    const OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
    const PRIME: u64 = 0x0000_0100_0000_01b3;
    bytes
        .iter()
        .fold(OFFSET, |h, &b| (h ^ u64::from(b)).wrapping_mul(PRIME))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fnv1a64_matches_the_reference_values() {
        assert_eq!(fnv1a64(b""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(fnv1a64(b"a"), 0xaf63_dc4c_8601_ec8c);
        assert_eq!(fnv1a64(b"foobar"), 0x8594_4171_f739_67e8);
    }

    #[test]
    fn escape_sequences_are_removed() {
        let id = "x\u{1b}]0;PWNED\u{7}\u{1b}[2J";
        assert_eq!(clean(id), "x]0;PWNED[2J");
        assert!(!clean(id).chars().any(|c| c.is_control()));
    }

    #[test]
    fn clean_text_is_borrowed_unchanged() {
        assert!(matches!(clean("Kazakhstan — 2026 Q1"), Cow::Borrowed(_)));
    }

    #[test]
    fn invisible_and_reordering_characters_are_removed() {
        assert_eq!(clean("a\u{200B}b\u{202E}c\u{2066}d"), "abcd");
        assert_eq!(clean("two\nlines\tand a tab"), "two lines and a tab");
    }

    #[test]
    fn lines_keep_their_breaks_and_lose_the_rest() {
        assert_eq!(clean_lines("a\u{1b}[2J\nb\tc\r\n\n"), "a[2J\nb c \n\n");
        assert!(matches!(clean_lines("two\nlines\n"), Cow::Borrowed(_)));
    }

    #[test]
    fn formulas_are_made_inert_in_csv() {
        assert_eq!(csv_cell("=1+1"), "'=1+1");
        assert_eq!(csv_cell("+cmd"), "'+cmd");
        assert_eq!(csv_cell("-2"), "'-2");
        assert_eq!(csv_cell("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(csv_cell("alice"), "alice");
        assert_eq!(csv_cell("\u{1b}=1"), "'=1");
    }
}
