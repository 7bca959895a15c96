//! The `huibian` binary: parse the command line, run, print one line on error.

use clap::Parser;

fn main() {
    let options = huibian::edges::cli::Options::parse();
    huibian::edges::cli::install_panic_hook();
    // Not `stdout.lock()`: the reader's signal thread must be able to reach the terminal while
    // the main thread runs.
    if let Err(e) = huibian::edges::cli::run(&options, &mut std::io::stdout()) {
        // A closed pipe (`huibian --json f | head`) is not an error worth a message.
        if matches!(&e, huibian::edges::cli::Error::Output(io) if io.kind() == std::io::ErrorKind::BrokenPipe)
        {
            std::process::exit(0);
        }
        eprintln!("huibian: {e}");
        std::process::exit(e.exit_code());
    }
}
