//! What each subcommand does; `main.rs` only parses arguments and reports the result.

pub mod check;
mod mine;
mod new;
mod profiles;
mod render;
mod serve;
mod templates;

pub use new::scaffold;
pub use render::Format;
pub use templates::check as check_templates;

use crate::cli::{Cli, Command};
use crate::error::Result;

/// Runs one parsed command line.
pub fn run(cli: Cli) -> Result<()> {
    match cli.command {
        Command::Render(args) => render::run(&args),
        Command::New(args) => new::run(&args),
        Command::Templates(args) => templates::run(&args),
        Command::Profiles(args) => profiles::run(&args),
        Command::Mine(args) => mine::run(&args),
        Command::Serve(args) => serve::run(&args),
        Command::Check(args) => match check::run(&args) {
            check::OK => Ok(()),
            code => Err(crate::Error::Usage(format!("检查未通过（退出码 {code}）"))),
        },
    }
}
