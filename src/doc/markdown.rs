//! Markdown ⇄ Doc: the plain Markdown convention jianghua writes and reads.
