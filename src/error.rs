//! Typed errors of the library.

use std::path::PathBuf;

/// Everything that can go wrong in the library. Each variant names the file
/// or input it concerns, so a caller can report it and carry on.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A file or directory could not be read.
    #[error("{path}: {source}")]
    Io {
        /// The path that failed.
        path: PathBuf,
        /// The underlying error.
        #[source]
        source: std::io::Error,
    },
    /// A file looks like binary data, not text.
    #[error("{path}: looks like a binary file, skipped")]
    Binary {
        /// The skipped path.
        path: PathBuf,
    },
    /// A file holds no text at all.
    #[error("{path}: empty document, skipped")]
    Empty {
        /// The skipped path.
        path: PathBuf,
    },
    /// A document-named entry of a directory is not a regular file (a pipe,
    /// socket or device): reading it could block or never end.
    #[error("{path}: not a regular file (a pipe, socket or device), skipped")]
    NotAFile {
        /// The skipped path.
        path: PathBuf,
    },
    /// A document is larger than any article could be.
    #[error("{path}: larger than {limit} bytes, skipped")]
    TooLarge {
        /// The skipped path.
        path: PathBuf,
        /// The limit in bytes.
        limit: u64,
    },
    /// A directory links back to itself or to a directory above it.
    #[error("{path}: directory loop (a symbolic link to itself or above), not followed")]
    DirectoryLoop {
        /// The link that closes the loop.
        path: PathBuf,
    },
    /// A path given on the command line holds no document we can read.
    #[error("{path}: no documents found (looked for .txt, .md, .markdown, .html, .htm, .jsonl, .ndjson, .csv, .tsv, .warc)")]
    NoDocuments {
        /// The directory that was searched.
        path: PathBuf,
    },
    /// A record of a multi-document file (JSON Lines, CSV, TSV) is bad:
    /// it is skipped, the rest of the file goes on.
    #[error("{path}:{line}: {reason}")]
    Record {
        /// The file.
        path: PathBuf,
        /// The 1-based line the record starts on.
        line: u64,
        /// What is wrong.
        reason: String,
    },
    /// A multi-document file cannot be read at all (no text column, a
    /// corrupt compressed stream).
    #[error("{path}: {reason}")]
    Records {
        /// The file.
        path: PathBuf,
        /// What is wrong.
        reason: String,
    },
    /// An alias file is malformed.
    #[error("{path}:{line}: {reason}")]
    Aliases {
        /// The alias file.
        path: PathBuf,
        /// The 1-based line of the problem (0 when unknown).
        line: usize,
        /// What is wrong.
        reason: String,
    },
    /// A saved graph could not be read back.
    #[error("{path}: not an actorgraph graph: {reason}")]
    Graph {
        /// The graph file.
        path: PathBuf,
        /// What is wrong.
        reason: String,
    },
    /// A word list (built-in or a user's) is malformed.
    #[error(transparent)]
    Data(#[from] crate::words::DataError),
    /// A name given to a query matches no actor, or several.
    #[error("{0}")]
    Query(String),
}

/// The library's result type.
pub type Result<T, E = Error> = std::result::Result<T, E>;
