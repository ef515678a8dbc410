//! The `jianghua` binary: parses arguments, runs the command, reports errors in Chinese.

use clap::Parser;
use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = jianghua::cli::Cli::parse();
    match jianghua::commands::run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("错误：{err}");
            ExitCode::FAILURE
        }
    }
}
