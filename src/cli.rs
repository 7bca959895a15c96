//! Command-line options and the entry point the binary calls.

use std::io::{self, Write};
use std::path::{Path, PathBuf};

use clap::Parser;

use crate::export::{self, PlansFormat};
use crate::load::{LoadEvent, PREVIEW_BYTES};
use crate::model::Compilation;
use crate::parse;

/// A terminal reader for compilations of Chinese annual work reports (工作总结汇编).
///
/// Opens FILE (UTF-8, UTF-16, GB18030/GBK or Big5; LF, CRLF or CR) in a three-pane reader:
/// contents, text, and each report's plans for next year. Without FILE it opens a built-in
/// sample. The export flags print the parsed model for scripts instead. Press ? for the keys.
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
    /// Print every hit of PATTERN as `report › heading path: line`, with the reader's rules:
    /// literal, full/half-width insensitive, smart case (see --regex).
    #[arg(long, value_name = "PATTERN", group = "export")]
    pub search: Option<String>,
    /// Print one section: `3` (report 3), `3/二` (its heading 二、), `3/二/（一）`, `3/plan`.
    #[arg(long, value_name = "SPEC", group = "export")]
    pub section: Option<String>,
    /// How the reader copies: auto (tmux inside tmux, else OSC 52, or the system clipboard on a
    /// local desktop), tmux, osc52, system.
    #[arg(long, value_enum, default_value_t = crate::clipboard::Method::Auto)]
    pub clipboard: crate::clipboard::Method,
    /// Leave the breadcrumb line (`《report》 › 二、…`) out of copies and --section.
    #[arg(long)]
    pub no_breadcrumb: bool,
    /// Read the --search PATTERN as a regular expression.
    #[arg(long, requires = "search")]
    pub regex: bool,
    /// Output format of --plans.
    #[arg(long, value_enum, default_value_t = PlansFormat::Text, requires = "plans")]
    pub format: PlansFormat,
    /// Colour theme: default, light or mono (t cycles them in the reader).
    #[arg(long, default_value = "default")]
    pub theme: String,
    /// When to use colours: auto (off under NO_COLOR; 24-bit only when COLORTERM says so),
    /// always, never (modifiers only).
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,
    /// Count East Asian Ambiguous characters (“ ” … — ①) as two columns; use it when the
    /// terminal is set to draw them wide.
    #[arg(long)]
    pub ambiguous_wide: bool,
}

/// `--color` values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
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
    let bytes = crate::load::read_file(path).map_err(|e| input(crate::load::read_reason(&e)))?;
    parse::parse_owned(bytes).map_err(|e| input(e.to_string()))
}

/// Runs the command line: parses the file and prints what was asked for.
///
/// # Errors
/// See [`Error`]; nothing is written to `out` when the input is bad.
pub fn run(options: &Options, out: &mut impl Write) -> Result<(), Error> {
    let exporting = options.json
        || options.list
        || options.plans
        || options.search.is_some()
        || options.section.is_some();
    let Some(path) = options.file.as_deref() else {
        if exporting {
            return Err(Error::Usage("the export flags need a FILE".into()));
        }
        let sample = parse::parse(crate::sample::SAMPLE)
            .map_err(|e| Error::Usage(format!("the built-in sample: {e}")))?;
        return read(sample, crate::sample::SAMPLE_NAME.into(), options);
    };
    let name = path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    );
    let large = std::fs::metadata(path).is_ok_and(|m| m.is_file() && m.len() > PREVIEW_BYTES);
    if !exporting && large {
        // A large file: show its beginning at once and parse the whole of it in the background
        // (started first, so the whole text is there as early as possible).
        let loader = crate::load::spawn(path.to_path_buf());
        if let Ok(Some(preview)) = crate::load::preview(path) {
            return read_with(preview, name, options, Some(loader));
        }
        // No preview (UTF-16, one huge line): wait for the whole file.
        let input = |reason: String| Error::Input {
            file: path.display().to_string(),
            reason,
        };
        for news in loader {
            if let LoadEvent::Done(done) = news {
                return read(*done.map_err(input)?, name, options);
            }
        }
        return Err(input("the reading thread stopped".into()));
    }
    let compilation = load(path)?;
    if !exporting {
        return read(compilation, name, options);
    }
    let mut buffered = io::BufWriter::new(out);
    if options.json {
        export::write_json(&compilation, &name, &mut buffered)?;
    } else if options.list {
        export::write_list(&compilation, &mut buffered)?;
    } else if let Some(spec) = &options.section {
        let piece = crate::copy::resolve_spec(&compilation, spec).map_err(Error::Usage)?;
        buffered.write_all(piece.text(&compilation, !options.no_breadcrumb).as_bytes())?;
    } else if let Some(pattern) = &options.search {
        let query = crate::search::Query {
            text: pattern.clone(),
            regex: options.regex,
        };
        let re = crate::search::compile(&query).map_err(Error::Usage)?;
        export::write_search(&compilation, &re, &mut buffered)?;
    } else {
        export::write_plans(&compilation, options.format, &mut buffered)?;
    }
    buffered.flush()?;
    Ok(())
}

/// Opens the terminal reader on a parsed compilation.
fn read(compilation: Compilation, file_name: String, options: &Options) -> Result<(), Error> {
    read_with(compilation, file_name, options, None)
}

/// Opens the reader; `loader` delivers the whole file when `compilation` is only its beginning.
fn read_with(
    compilation: Compilation,
    file_name: String,
    options: &Options,
    loader: Option<std::sync::mpsc::Receiver<crate::load::LoadEvent>>,
) -> Result<(), Error> {
    use std::io::IsTerminal;
    if !io::stdout().is_terminal() {
        return Err(Error::Usage("stdout is not a terminal: the reader needs one (for scripts use --json, --list or --plans)".into()));
    }
    if !crate::theme::BUILTIN
        .iter()
        .any(|(n, _)| *n == options.theme)
    {
        return Err(Error::Usage(format!(
            "unknown theme {:?} (built-in: default, light, mono)",
            options.theme
        )));
    }
    let flag = match options.color {
        ColorChoice::Auto => "auto",
        ColorChoice::Always => "always",
        ColorChoice::Never => "never",
    };
    let env = |k: &str| std::env::var(k).ok();
    let color = crate::theme::ColorMode::detect(
        flag,
        env("NO_COLOR").as_deref(),
        env("COLORTERM").as_deref(),
    );
    // Under NO_COLOR or --color never the mono theme is the one that shows.
    let theme = if color == crate::theme::ColorMode::Never {
        "mono".to_owned()
    } else {
        options.theme.clone()
    };
    let settings = crate::app::Settings {
        theme,
        color,
        ambiguous_wide: options.ambiguous_wide,
        file_name,
        breadcrumb: !options.no_breadcrumb,
    };
    let mut app = crate::app::App::new(compilation, settings);
    if loader.is_some() {
        app.loading = Some(0);
        // The preview's last report may be cut off at the end of the first MiB.
        app.parsed = app.parsed.saturating_sub(1);
    }
    crate::terminal::run(app, options.clipboard, loader).map_err(Error::Output)
}
