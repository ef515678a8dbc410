//! jianghua (讲话): drafts Chinese leadership speeches from a TOML spec, typesets them to
//! GB/T 9704-2012, and mines sample speeches into specs and templates.

mod builtin_toml;
pub mod check;
pub mod cli;
pub mod commands;
pub mod diagnostics;
pub mod doc;
pub mod error;
pub mod fsx;
pub mod mine;
pub mod numerals;
pub mod render;
pub mod serve;
pub mod spec;
pub mod template;

pub use doc::{Block, Doc, Heading, Paragraph};
pub use error::{Error, Result, SourceError};
pub use spec::Spec;
