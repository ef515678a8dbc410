//! The `jianghua` binary: parses arguments, runs the command, reports errors in Chinese.
//!
//! Exit status: 0 done, 1 an error (reported on stderr in Chinese), 2 a command-line error,
//! 141 (128 + SIGPIPE, what a shell shows for other tools) when the reader of our output went
//! away (`jianghua … | head -1`) — that ends the run quietly.

use clap::FromArgMatches;
use std::io::Write;
use std::process::ExitCode;

/// 128 + SIGPIPE.
const BROKEN_PIPE: u8 = 141;

fn main() -> ExitCode {
    let matches = match jianghua::cli::command().try_get_matches() {
        Ok(m) => m,
        Err(err) => return clap_error(&err),
    };
    let cli = match jianghua::cli::Cli::from_arg_matches(&matches) {
        Ok(cli) => cli,
        Err(err) => return clap_error(&err),
    };
    // `check` has its own exit statuses: 1 for errors found, 2 for a file it cannot read
    if let jianghua::cli::Command::Check(args) = &cli.command {
        return ExitCode::from(jianghua::commands::check::run(args));
    }
    match jianghua::commands::run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(jianghua::Error::BrokenPipe) => ExitCode::from(BROKEN_PIPE),
        Err(err) => {
            // stderr itself may be closed or full: nothing left to tell, the status says it
            let _ = writeln!(
                std::io::stderr().lock(),
                "{}",
                jianghua::diagnostics::report(&err)
            );
            ExitCode::FAILURE
        }
    }
}

/// Help and version go to stdout (status 0); real parse errors in Chinese to stderr (status 2).
fn clap_error(err: &clap::Error) -> ExitCode {
    use clap::error::ErrorKind;
    match err.kind() {
        ErrorKind::DisplayHelp | ErrorKind::DisplayVersion => {
            match jianghua::fsx::out(&err.render().to_string()) {
                Ok(()) => ExitCode::SUCCESS,
                Err(jianghua::Error::BrokenPipe) => ExitCode::from(BROKEN_PIPE),
                Err(e) => {
                    let _ = writeln!(std::io::stderr().lock(), "错误：{e}");
                    ExitCode::FAILURE
                }
            }
        }
        _ => {
            let text = jianghua::cli::error_text(err);
            let _ = writeln!(std::io::stderr().lock(), "错误：{text}");
            ExitCode::from(2)
        }
    }
}
