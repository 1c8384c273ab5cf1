//! The one way the game reads a file it is given: content, scenarios,
//! saves. Only regular files are read (a named pipe, a device or a
//! directory is refused before it is opened, so nothing blocks or reads
//! forever), never more than a limit (a file that grows while it is read
//! is cut off at the limit and refused), and only UTF-8 text without NUL
//! bytes.

use std::fs::{self, File, Metadata};
use std::io::Read;
use std::path::Path;

/// Why a file could not be read as text. The messages name no path: the
/// caller's error puts the path in front.
#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    #[error("no such file")]
    Missing,
    /// A directory, a named pipe, a device or a socket.
    #[error("{0}, not a file")]
    NotAFile(&'static str),
    /// The file holds more than `limit` bytes (`size` is at least this).
    #[error("the file is {size} bytes, more than the limit of {limit} bytes")]
    TooLarge { size: u64, limit: u64 },
    /// NUL bytes or bytes that are not UTF-8, from byte `offset` on.
    #[error("not a text file (binary data at byte {offset})")]
    NotText { offset: usize },
    #[error("{0}")]
    Io(std::io::Error),
}

/// Reads the file at `path` as text, at most `limit` bytes of it.
///
/// The file's type is checked before it is opened, and again on the open
/// file (in case another file was put in its place between the two): a
/// named pipe or a device is never read. The size is checked before
/// reading, and the reading itself stops one byte past the limit, so a
/// file that lies about its size (`/proc`, a file still being written)
/// cannot make the game read more.
pub fn read_text(path: &Path, limit: u64) -> Result<String, ReadError> {
    let meta = fs::metadata(path).map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound => ReadError::Missing,
        _ => ReadError::Io(e),
    })?;
    check_regular(&meta)?;
    if meta.len() > limit {
        return Err(ReadError::TooLarge {
            size: meta.len(),
            limit,
        });
    }
    let file = File::open(path).map_err(ReadError::Io)?;
    let opened = file.metadata().map_err(ReadError::Io)?;
    check_regular(&opened)?;
    if !same_file(&meta, &opened) {
        return Err(ReadError::Io(std::io::Error::other(
            "the file was replaced while it was being read",
        )));
    }
    let mut bytes = Vec::new();
    file.take(limit.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(ReadError::Io)?;
    text_from_bytes(bytes, limit)
}

/// The checks [`read_text`] makes of what it read: at most `limit` bytes,
/// no NUL byte, UTF-8. For bytes that come from elsewhere (a fuzzer).
pub fn text_from_bytes(bytes: Vec<u8>, limit: u64) -> Result<String, ReadError> {
    if bytes.len() as u64 > limit {
        return Err(ReadError::TooLarge {
            size: bytes.len() as u64,
            limit,
        });
    }
    if let Some(offset) = bytes.iter().position(|&b| b == 0) {
        return Err(ReadError::NotText { offset });
    }
    String::from_utf8(bytes).map_err(|e| ReadError::NotText {
        offset: e.utf8_error().valid_up_to(),
    })
}

/// Refuses anything but a regular file, saying what it is.
fn check_regular(meta: &Metadata) -> Result<(), ReadError> {
    let t = meta.file_type();
    if t.is_file() {
        return Ok(());
    }
    if t.is_dir() {
        return Err(ReadError::NotAFile("is a directory"));
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if t.is_fifo() {
            return Err(ReadError::NotAFile("is a named pipe (FIFO)"));
        }
        if t.is_char_device() || t.is_block_device() {
            return Err(ReadError::NotAFile("is a device"));
        }
        if t.is_socket() {
            return Err(ReadError::NotAFile("is a socket"));
        }
    }
    Err(ReadError::NotAFile("is not a regular file"))
}

/// Whether two descriptions are of the same file.
fn same_file(a: &Metadata, b: &Metadata) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        a.dev() == b.dev() && a.ino() == b.ino()
    }
    #[cfg(not(unix))]
    {
        let _ = (a, b);
        true
    }
}

/// Whether two paths name the same existing file (through links too).
pub fn same_path(a: &Path, b: &Path) -> bool {
    let (Ok(ma), Ok(mb)) = (fs::metadata(a), fs::metadata(b)) else {
        return false;
    };
    #[cfg(unix)]
    {
        same_file(&ma, &mb)
    }
    #[cfg(not(unix))]
    {
        let _ = (ma, mb);
        matches!(
            (fs::canonicalize(a), fs::canonicalize(b)),
            (Ok(x), Ok(y)) if x == y
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_text_file_within_the_limit_is_read() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("a.ron");
        fs::write(&p, "(id: \"é\")").unwrap();
        assert_eq!(read_text(&p, 100).unwrap(), "(id: \"é\")");
        assert!(matches!(
            read_text(&p, 5),
            Err(ReadError::TooLarge { size: 10, limit: 5 })
        ));
    }

    #[test]
    fn binary_missing_and_directories_are_refused() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("b.ron");
        fs::write(&p, b"ab\0cd").unwrap();
        assert!(matches!(
            read_text(&p, 100),
            Err(ReadError::NotText { offset: 2 })
        ));
        fs::write(&p, b"ab\xffcd").unwrap();
        assert!(matches!(
            read_text(&p, 100),
            Err(ReadError::NotText { offset: 2 })
        ));
        assert!(matches!(
            read_text(&dir.path().join("none"), 100),
            Err(ReadError::Missing)
        ));
        let e = read_text(dir.path(), 100).unwrap_err();
        assert_eq!(e.to_string(), "is a directory, not a file");
    }

    #[cfg(unix)]
    #[test]
    fn devices_are_refused_without_reading() {
        let e = read_text(Path::new("/dev/zero"), 100).unwrap_err();
        assert_eq!(e.to_string(), "is a device, not a file");
    }
}
