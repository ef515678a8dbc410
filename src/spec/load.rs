//! Reading a spec file: TOML parsing with file/line/column errors in Chinese.

use super::Spec;
use crate::error::{Error, Result, SourceError};
use std::path::Path;

/// Reads and validates the spec at `path`.
pub fn load(path: &Path) -> Result<Spec> {
    let source = std::fs::read_to_string(path).map_err(|source| Error::Read {
        path: path.to_path_buf(),
        source,
    })?;
    parse(&source, path)
}

/// Parses and validates spec text; `path` is used in error messages.
pub fn parse(source: &str, path: &Path) -> Result<Spec> {
    let spec: Spec = toml::from_str(source).map_err(|e| {
        let err = SourceError::new(path, e.message().to_string());
        match e.span() {
            Some(span) => err.at_offset(source, span.start),
            None => err,
        }
    })?;
    super::validate::validate(&spec, source, path)?;
    Ok(spec)
}
