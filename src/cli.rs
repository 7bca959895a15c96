//! Command-line options and the entry point the binary calls.

use std::io::{self, Write};
use std::path::{Path, PathBuf};

use clap::Parser;

use crate::export::{self, PlansFormat};
use crate::model::Compilation;
use crate::parse;

/// A terminal reader for compilations of Chinese annual work reports (工作总结汇编).
///
/// Parses FILE (UTF-8, UTF-16, GB18030/GBK or Big5; LF, CRLF or CR) into reports, their numbered
/// headings and each report's plans for next year. The export flags print the model for scripts.
#[derive(Debug, Parser)]
#[command(name = "huibian", version, about, long_about)]
pub struct Options {
    /// The compilation to open (a plain-text file).
    pub file: Option<PathBuf>,
    /// Print the parsed model as one JSON object (see docs: export-json).
    #[arg(long, group = "export")]
    pub json: bool,
    /// Print one tab-separated line per report: number, title, line, characters, plan or -.
    #[arg(long, group = "export")]
    pub list: bool,
    /// Print every report's plan part: report title, plan heading, items.
    #[arg(long, group = "export")]
    pub plans: bool,
    /// Output format of --plans.
    #[arg(long, value_enum, default_value_t = PlansFormat::Text, requires = "plans")]
    pub format: PlansFormat,
}

/// A failure that ends the program: printed as one line, `huibian: <file>: <reason>`.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("{file}: {reason}")]
    Input { file: String, reason: String },
    #[error("{0}")]
    Usage(String),
    #[error("cannot write output: {0}")]
    Output(#[from] io::Error),
}

impl Error {
    /// The process exit code: 2 for usage errors, 1 otherwise.
    #[must_use]
    pub fn exit_code(&self) -> i32 {
        match self {
            Self::Usage(_) => 2,
            _ => 1,
        }
    }
}

fn read_reason(e: &io::Error) -> String {
    match e.kind() {
        io::ErrorKind::NotFound => "no such file".into(),
        io::ErrorKind::PermissionDenied => "permission denied".into(),
        io::ErrorKind::IsADirectory => "is a directory, not a file".into(),
        _ => format!("cannot read: {e}"),
    }
}

/// Reads and parses a file. The file is opened read-only and never written.
///
/// # Errors
/// A one-line reason naming the file: missing, a directory, unreadable, empty, binary,
/// undecodable, or without any recognisable report.
pub fn load(path: &Path) -> Result<Compilation, Error> {
    let file = path.display().to_string();
    let input = |reason: String| Error::Input {
        file: file.clone(),
        reason,
    };
    if path.is_dir() {
        return Err(input("is a directory, not a file".into()));
    }
    let bytes = std::fs::read(path).map_err(|e| input(read_reason(&e)))?;
    parse::parse_owned(bytes).map_err(|e| input(e.to_string()))
}

/// Runs the command line: parses the file and prints what was asked for.
///
/// # Errors
/// See [`Error`]; nothing is written to `out` when the input is bad.
pub fn run(options: &Options, out: &mut impl Write) -> Result<(), Error> {
    let Some(path) = options.file.as_deref() else {
        return Err(Error::Usage(
            "no FILE given (the terminal reader is not built yet; try --help)".into(),
        ));
    };
    let compilation = load(path)?;
    let name = path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    );
    let mut buffered = io::BufWriter::new(out);
    if options.json {
        export::write_json(&compilation, &name, &mut buffered)?;
    } else if options.list {
        export::write_list(&compilation, &mut buffered)?;
    } else if options.plans {
        export::write_plans(&compilation, options.format, &mut buffered)?;
    } else {
        return Err(Error::Usage(
            "the terminal reader is not built yet; use --json, --list or --plans".into(),
        ));
    }
    buffered.flush()?;
    Ok(())
}
