//! Output writers: Word (.docx) with layout profiles.

pub mod docx;
pub mod profile;

pub use docx::{DocxMeta, write_docx};
pub use profile::Profile;
