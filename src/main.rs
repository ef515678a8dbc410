//! The `jianghua` binary: parses arguments, runs the command, reports errors in Chinese.

use clap::FromArgMatches;
use std::process::ExitCode;

fn main() -> ExitCode {
    let matches = jianghua::cli::command().get_matches();
    let cli = match jianghua::cli::Cli::from_arg_matches(&matches) {
        Ok(cli) => cli,
        Err(err) => err.exit(),
    };
    // `check` has its own exit statuses: 1 for errors found, 2 for a file it cannot read
    if let jianghua::cli::Command::Check(args) = &cli.command {
        return ExitCode::from(jianghua::commands::check::run(args));
    }
    match jianghua::commands::run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("错误：{err}");
            ExitCode::FAILURE
        }
    }
}
