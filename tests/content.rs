//! The built-in content loads, and its promises hold.

use multivector::content;

#[test]
fn builtin_content_loads() {
    if let Err(e) = content::builtin() {
        panic!("{e}");
    }
}
