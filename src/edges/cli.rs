//! Command-line options and the entry point the binary calls.

use std::io::{self, Write};
use std::path::{Path, PathBuf};

use clap::Parser;

use crate::doc::export::{self, PlansFormat};
use crate::doc::model::Compilation;
use crate::doc::parse;
use crate::edges::load::PREVIEW_BYTES;

/// A terminal reader for compilations of Chinese annual work reports (工作总结汇编).
///
/// Opens FILE (text in UTF-8, UTF-16, GB18030/GBK or Big5, LF, CRLF or CR; or a Word .docx)
/// in a three-pane reader: contents, text, and each report's plans for next year. Without FILE it opens a built-in
/// sample. The export flags print the parsed model for scripts instead. Press ? for the keys.
#[derive(Debug, Parser)]
#[command(name = "huibian", version, about, long_about)]
pub struct Options {
    /// The compilation to open (a text file or a Word .docx); several files, or a folder (its
    /// .txt, .text and .docx files), open a shelf of compilations.
    pub files: Vec<PathBuf>,
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
    /// Print every office and year found in the files and folders given (their .txt, .text and
    /// .docx files): a line per report, `office  reviews  plans_for  file  title`, by office
    /// then year. A file that cannot be read is named on stderr; the others are still listed.
    #[arg(long, value_name = "PATH", num_args = 1.., group = "export", conflicts_with = "files")]
    pub years: Option<Vec<PathBuf>>,
    /// Print OFFICE's plan part for each year beside its review of that year a year later,
    /// from the files and folders given: the sentences set side by side, the plans not
    /// mentioned a year later, what was reported but not planned (--format markdown, text or
    /// json). OFFICE is matched against each office's name (`海拉尔区`, `市统计局`).
    #[arg(long, value_name = "OFFICE", group = "export")]
    pub track: Option<String>,
    /// How the reader copies: auto (tmux inside tmux, else OSC 52, or the system clipboard on a
    /// local desktop), tmux, osc52, system.
    #[arg(long, value_enum)]
    pub clipboard: Option<ClipboardArg>,
    /// Leave the breadcrumb line (`《report》 › 二、…`) out of copies and --section.
    #[arg(long)]
    pub no_breadcrumb: bool,
    /// Read the --search PATTERN as a regular expression.
    #[arg(long, requires = "search")]
    pub regex: bool,
    /// Output format of --plans (text, markdown) and --track (markdown, text, json).
    #[arg(long, value_enum)]
    pub format: Option<FormatArg>,
    /// Colour theme: default, light, mono, or one of the config directory's themes/*.toml
    /// (t cycles them in the reader).
    #[arg(long)]
    pub theme: Option<String>,
    /// When to use colours: auto (off under NO_COLOR; 24-bit only when COLORTERM says so),
    /// always, never (modifiers only).
    #[arg(long, value_enum)]
    pub color: Option<ColorChoice>,
    /// Interface language (default: Chinese when LC_ALL/LC_MESSAGES/LANG start with zh).
    #[arg(long, value_enum)]
    pub lang: Option<LangArg>,
    /// Read this config file instead of looking for config.toml in $HUIBIAN_CONFIG_HOME,
    /// $XDG_CONFIG_HOME/huibian or ~/.config/huibian.
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// Print the whole default config (every setting and key binding) and exit.
    #[arg(long)]
    pub print_config: bool,
    /// Start at the top instead of where this file was left last time.
    #[arg(long)]
    pub no_resume: bool,
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

impl ColorChoice {
    fn name(self) -> &'static str {
        match self {
            Self::Auto => "auto",
            Self::Always => "always",
            Self::Never => "never",
        }
    }
}

/// `--clipboard` values (the clap derive stays here, in the CLI; the reader's own type is
/// [`crate::reader::settings::ClipboardMethod`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ClipboardArg {
    Auto,
    Tmux,
    Osc52,
    System,
}

impl From<ClipboardArg> for crate::reader::settings::ClipboardMethod {
    fn from(a: ClipboardArg) -> Self {
        match a {
            ClipboardArg::Auto => Self::Auto,
            ClipboardArg::Tmux => Self::Tmux,
            ClipboardArg::Osc52 => Self::Osc52,
            ClipboardArg::System => Self::System,
        }
    }
}

/// `--lang` values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum LangArg {
    En,
    Zh,
}

impl From<LangArg> for crate::reader::i18n::Lang {
    fn from(a: LangArg) -> Self {
        match a {
            LangArg::En => Self::En,
            LangArg::Zh => Self::Zh,
        }
    }
}

/// `--format` values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum FormatArg {
    Text,
    Markdown,
    Json,
}

/// The file being read, for the panic hook's message.
static OPENED_FILE: std::sync::OnceLock<String> = std::sync::OnceLock::new();

/// Makes any panic, on any thread, end the program cleanly: the terminal given back once (if
/// the reader holds it), one line on stderr naming the file, exit status 101. A panic is a bug;
/// this is what keeps it from leaving a broken terminal, a reader drawing over the shell after
/// its loader died, or a half-written export that exits 0.
pub fn install_panic_hook() {
    std::panic::set_hook(Box::new(|info| {
        crate::edges::terminal::give_back_from_any_thread();
        let payload = info.payload();
        let what = payload
            .downcast_ref::<&str>()
            .map(|s| (*s).to_owned())
            .or_else(|| payload.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "panic".into());
        let what = what.split_whitespace().collect::<Vec<_>>().join(" ");
        let place = info
            .location()
            .map(|l| format!(" at {}:{}", l.file(), l.line()))
            .unwrap_or_default();
        let file = OPENED_FILE.get().map_or("huibian", String::as_str);
        eprintln!("huibian: {file}: internal error ({what}{place}); please report it");
        std::process::exit(101);
    }));
}

/// The config file's contents (or why it could not be used) and the user's themes.
struct UserConfig {
    config: crate::edges::config::Config,
    themes: Vec<(String, String)>,
    themes_dir: Option<PathBuf>,
    /// Why the config file was not used (then everything is default).
    problem: Option<String>,
}

fn user_config(options: &Options) -> UserConfig {
    let env = |k: &str| std::env::var(k).ok();
    let explicit = options.config.as_deref();
    let dir = crate::edges::config::dir(explicit, &env);
    let (config, problem) = match crate::edges::config::file(explicit, &env) {
        None => (crate::edges::config::Config::default(), None),
        Some(file) => match crate::edges::config::load(&file, explicit.is_some()) {
            Ok(c) => (c, None),
            Err(e) => (crate::edges::config::Config::default(), Some(e.to_string())),
        },
    };
    UserConfig {
        config,
        themes: dir
            .as_deref()
            .map(crate::edges::config::user_themes)
            .unwrap_or_default(),
        themes_dir: dir.map(|d| d.join("themes")),
        problem,
    }
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
    parse::parse_owned(read_input(path)?).map_err(|e| input_error(path, e.to_string()))
}

/// A bad input file, as the one-line error names it.
fn input_error(path: &Path, reason: String) -> Error {
    Error::Input {
        file: path.display().to_string(),
        reason,
    }
}

/// The file's bytes, or why they cannot be had.
fn read_input(path: &Path) -> Result<Vec<u8>, Error> {
    if path.is_dir() {
        return Err(input_error(path, "is a directory, not a file".into()));
    }
    crate::edges::load::read_file(path)
        .map_err(|e| input_error(path, crate::edges::load::read_reason(&e)))
}

/// Runs the command line: parses the file and prints what was asked for.
///
/// # Errors
/// See [`Error`]; nothing is written to `out` when the input is bad.
pub fn run(options: &Options, out: &mut impl Write) -> Result<(), Error> {
    if options.print_config {
        out.write_all(crate::edges::config::default_toml().as_bytes())?;
        return Ok(());
    }
    if let Some(paths) = options.years.as_deref() {
        return years(paths, out);
    }
    if let Some(office) = options.track.as_deref() {
        return track(office, options, out);
    }
    let exporting = options.json
        || options.list
        || options.plans
        || options.search.is_some()
        || options.section.is_some();
    check_format(options)?;
    if exporting && options.files.len() > 1 {
        return Err(Error::Usage(
            "the export flags read one FILE (--track and --years read several)".into(),
        ));
    }
    let shelf = options.files.len() > 1 || options.files.first().is_some_and(|p| p.is_dir());
    if shelf && !exporting {
        let named: Vec<String> = options
            .files
            .iter()
            .map(|p| p.display().to_string())
            .collect();
        let _ = OPENED_FILE.set(named.join(" "));
        return read_shelf(&options.files, options);
    }
    let _ = OPENED_FILE.set(options.files.first().map_or_else(
        || crate::edges::sample::SAMPLE_NAME.to_owned(),
        |p| p.display().to_string(),
    ));
    let Some(path) = options.files.first().map(PathBuf::as_path) else {
        if exporting {
            return Err(Error::Usage("the export flags need a FILE".into()));
        }
        let sample = parse::parse(crate::edges::sample::SAMPLE)
            .map_err(|e| Error::Usage(format!("the built-in sample: {e}")))?;
        return read(sample, Opened::sample(), options);
    };
    let name = Opened::file(path);
    let large = std::fs::metadata(path).is_ok_and(|m| m.is_file() && m.len() > PREVIEW_BYTES);
    match options.section.as_deref() {
        _ if !exporting && large => read_large(path, name, options),
        _ if !exporting => read(load(path)?, name, options),
        Some(spec) => print_section(path, spec, options, out),
        None => export(path, &name, options, out),
    }
}

/// `--format` goes with --plans (text, markdown) and --track (any).
fn check_format(options: &Options) -> Result<(), Error> {
    match options.format {
        Some(FormatArg::Json) => Err(Error::Usage(
            "--format json is for --track (the model: --json)".into(),
        )),
        Some(_) if !options.plans => {
            Err(Error::Usage("--format is for --plans and --track".into()))
        }
        _ => Ok(()),
    }
}

/// The files `paths` name: each file as given, and a folder's .txt, .text and .docx files in
/// name order (a file named on the command line is read whatever its name).
fn compilation_files(paths: &[PathBuf]) -> Vec<PathBuf> {
    let mut files = Vec::new();
    for path in paths {
        match std::fs::read_dir(path) {
            Ok(entries) => {
                let compilation = |p: &Path| {
                    p.extension().and_then(|e| e.to_str()).is_some_and(|e| {
                        ["txt", "text", "docx"].contains(&e.to_ascii_lowercase().as_str())
                    })
                };
                let mut inside: Vec<PathBuf> = entries
                    .flatten()
                    .map(|e| e.path())
                    .filter(|p| p.is_file() && compilation(p))
                    .collect();
                inside.sort();
                files.extend(inside);
            }
            Err(_) => files.push(path.clone()),
        }
    }
    files
}

/// `--years`: every report of every file under `paths` with its office and years, by office
/// (matched by [`crate::doc::office::Office::key`]) then year. Unreadable files are said on
/// stderr and skipped; none found at all is an error.
fn years(paths: &[PathBuf], out: &mut impl Write) -> Result<(), Error> {
    let files = compilation_files(paths);
    let mut rows = Vec::new();
    for file in &files {
        let doc = match load(file) {
            Ok(doc) => doc,
            Err(e) => {
                eprintln!("huibian: {e}");
                continue;
            }
        };
        for (r, report) in doc.reports.iter().enumerate() {
            let office = crate::doc::office::office(&doc, r);
            let (reviews, plans) = crate::doc::office::years_of(report);
            let key = office
                .as_ref()
                .filter(|o| o.named)
                .map(crate::doc::office::Office::key);
            rows.push((
                key,
                reviews,
                office.map(|o| o.name),
                plans,
                file,
                report.title.clone(),
            ));
        }
    }
    if rows.is_empty() {
        return Err(Error::Usage(
            "--years found no report in the files given".into(),
        ));
    }
    // Offices named alike together, by year; unnamed and unknown ones last, in file order.
    rows.sort_by(|a, b| (a.0.is_none(), &a.0, a.1).cmp(&(b.0.is_none(), &b.0, b.1)));
    let mut buffered = io::BufWriter::new(out);
    let year = |y: Option<u32>| y.map_or_else(|| "-".to_owned(), |y| y.to_string());
    for (_, reviews, name, plans, file, title) in rows {
        let line = format!(
            "{}\t{}\t{}\t{}\t{}\n",
            name.as_deref().unwrap_or("-"),
            year(reviews),
            year(plans),
            file.display(),
            title
        );
        buffered.write_all(crate::doc::safe::terminal_safe(&line).as_bytes())?;
    }
    Ok(buffered.flush()?)
}

/// Every file parsed, in order; one that cannot be is named on stderr and left out (`None`).
fn load_all(files: &[PathBuf]) -> Vec<Option<Compilation>> {
    files
        .iter()
        .map(|file| load(file).map_err(|e| eprintln!("huibian: {e}")).ok())
        .collect()
}

/// `--track OFFICE`: the office's years across the files and folders given, each plan part
/// beside the next year's review. An office name that matches none, or several, is a usage
/// error naming the offices found.
fn track(office: &str, options: &Options, out: &mut impl Write) -> Result<(), Error> {
    use crate::doc::track;
    let files = compilation_files(&options.files);
    let docs = load_all(&files);
    let aliases = user_config(options).config.offices;
    let offices = track::offices(docs.iter().map(Option::as_ref), &aliases);
    let found = track::find(&offices, office);
    let one = match found.as_slice() {
        [one] => *one,
        [] => {
            let known: Vec<&str> = offices.iter().map(|o| o.key.as_str()).collect();
            return Err(Error::Usage(format!(
                "no office matches {office:?} (offices found: {})",
                if known.is_empty() {
                    "none".to_owned()
                } else {
                    known.join(", ")
                }
            )));
        }
        many => {
            let names: Vec<&str> = many.iter().map(|o| o.key.as_str()).collect();
            return Err(Error::Usage(format!(
                "{office:?} matches several offices: {}",
                names.join(", ")
            )));
        }
    };
    let book = |b: usize| docs.get(b).and_then(Option::as_ref);
    let timeline = track::Timeline::new(one, book);
    let names: Vec<String> = files
        .iter()
        .map(|f| {
            f.file_name().map_or_else(
                || f.display().to_string(),
                |n| n.to_string_lossy().into_owned(),
            )
        })
        .collect();
    let refs: Vec<Option<&Compilation>> = docs.iter().map(Option::as_ref).collect();
    let books = track::write::Books {
        names: &names,
        docs: &refs,
    };
    let mut page = Vec::new();
    match options.format {
        Some(FormatArg::Json) => track::write::json(&timeline, &books, &mut page)?,
        Some(FormatArg::Text) => track::write::text(&timeline, &books, &mut page)?,
        Some(FormatArg::Markdown) | None => track::write::markdown(&timeline, &books, &mut page)?,
    }
    let page = String::from_utf8_lossy(&page);
    let mut buffered = io::BufWriter::new(out);
    buffered.write_all(crate::doc::safe::terminal_safe(&page).as_bytes())?;
    Ok(buffered.flush()?)
}

/// A large file: its beginning shown at once, then the whole of it read and parsed in the
/// background (started once the first screen is out, so nothing competes with it).
fn read_large(path: &Path, name: Opened, options: &Options) -> Result<(), Error> {
    if let Ok(Some(preview)) = crate::edges::load::preview(path) {
        let loader = crate::edges::load::Loader::new(path.to_path_buf());
        return read_with(preview, name, options, Some(loader));
    }
    // No preview (UTF-16, one huge line): the whole file before the first screen.
    read(load(path)?, name, options)
}

/// `--section SPEC`: one section's text, with the breadcrumb the config asks for.
fn print_section(
    path: &Path,
    spec: &str,
    options: &Options,
    out: &mut impl Write,
) -> Result<(), Error> {
    let compilation = load(path)?;
    let piece = crate::doc::copy::resolve_spec(&compilation, spec).map_err(Error::Usage)?;
    let user = user_config(options);
    // The config decides the breadcrumb: one that cannot be used is said, not ignored.
    if let Some(problem) = &user.problem {
        let env = |k: &str| std::env::var(k).ok();
        let lang = options
            .lang
            .map(Into::into)
            .unwrap_or_else(|| crate::reader::i18n::Lang::from_env(&env));
        eprintln!(
            "huibian: {}",
            crate::reader::i18n::config_ignored(lang, problem)
        );
    }
    let breadcrumb = !options.no_breadcrumb && user.config.breadcrumb.unwrap_or(true);
    let mut buffered = io::BufWriter::new(out);
    let text = piece.text(&compilation, breadcrumb);
    buffered.write_all(crate::doc::safe::terminal_safe(&text).as_bytes())?;
    buffered.flush()?;
    Ok(())
}

/// `--json`, `--list`, `--plans`, `--search`. The whole file is parsed before the first byte
/// is written, so a bad input (or a bug) never leaves a partial result behind: the output is
/// the whole export or nothing.
fn export(
    path: &Path,
    name: &Opened,
    options: &Options,
    out: &mut impl Write,
) -> Result<(), Error> {
    let query = options
        .search
        .as_ref()
        .map(|pattern| crate::doc::search::Query {
            text: pattern.clone(),
            regex: options.regex,
        });
    // A bad pattern is a usage error before the file is read.
    if let Some(q) = &query {
        crate::doc::search::compile(q).map_err(Error::Usage)?;
    }
    let whole = load(path)?;
    // Compiled for the document: a hard-wrapped text is searched across its soft breaks.
    let regex = query
        .map(|q| crate::doc::search::compile_in(&whole, &q).map_err(Error::Usage))
        .transpose()?;
    let what = match (&regex, options.json, options.list) {
        (Some(re), _, _) => export::Export::Search(re),
        (None, true, _) => export::Export::Json { file: &name.name },
        (None, false, true) => export::Export::List,
        (None, false, false) => export::Export::Plans(match options.format {
            Some(FormatArg::Markdown) => PlansFormat::Markdown,
            _ => PlansFormat::Text,
        }),
    };
    let mut buffered = io::BufWriter::new(out);
    export::write(&whole, what, &mut buffered)?;
    Ok(buffered.flush()?)
}

/// What was opened: the name for the status line, and the key of its saved state.
struct Opened {
    name: String,
    /// The canonical path (or a fixed name for the built-in sample).
    document: String,
}

impl Opened {
    fn sample() -> Self {
        Self {
            name: crate::edges::sample::SAMPLE_NAME.into(),
            document: format!("(built-in sample) {}", crate::edges::sample::SAMPLE_NAME),
        }
    }

    fn file(path: &Path) -> Self {
        Self {
            name: path.file_name().map_or_else(
                || path.display().to_string(),
                |n| n.to_string_lossy().into_owned(),
            ),
            document: std::fs::canonicalize(path)
                .unwrap_or_else(|_| path.to_path_buf())
                .display()
                .to_string(),
        }
    }
}

/// The reader's settings from the flags, the config file and the environment; what could not
/// be used is added to `problems`.
fn settings(
    options: &Options,
    user: &UserConfig,
    lang: crate::reader::i18n::Lang,
    file_name: String,
    problems: &mut Vec<String>,
) -> Result<crate::reader::app::Settings, Error> {
    let env = |k: &str| std::env::var(k).ok();
    let config = &user.config;
    let known = crate::reader::theme::names(&user.themes);
    if let Some(theme) = options.theme.as_ref().filter(|t| !known.contains(t)) {
        return Err(Error::Usage(format!(
            "unknown theme {theme:?} (there are: {})",
            known.join(", ")
        )));
    }
    let flag = options
        .color
        .map(ColorChoice::name)
        .or(config.color.as_deref())
        .unwrap_or("auto");
    let color = crate::reader::theme::ColorMode::detect(
        flag,
        env("NO_COLOR").as_deref(),
        env("COLORTERM").as_deref(),
        env("TERM").as_deref(),
    );
    let mut theme = options
        .theme
        .clone()
        .or_else(|| config.theme.clone())
        .unwrap_or_else(|| "default".to_owned());
    if let Err(e) = crate::reader::theme::load(&theme, color, &user.themes) {
        let dir = user.themes_dir.as_deref().unwrap_or(Path::new("themes"));
        problems.push(crate::reader::i18n::theme_ignored(
            lang,
            &format!("{}: {e}", dir.display()),
        ));
        theme = "default".into();
    }
    // Under NO_COLOR or --color never the mono theme is the one that shows.
    if color == crate::reader::theme::ColorMode::Never {
        theme = "mono".to_owned();
    }
    Ok(crate::reader::app::Settings {
        theme,
        color,
        ambiguous_wide: options.ambiguous_wide || config.ambiguous_wide.unwrap_or(false),
        file_name,
        breadcrumb: !options.no_breadcrumb && config.breadcrumb.unwrap_or(true),
        lang,
        user_themes: user.themes.clone(),
        clipboard: options
            .clipboard
            .map(Into::into)
            .or(config.clipboard)
            .unwrap_or_default(),
        keymap: std::sync::Arc::new(crate::reader::keymap::Keymap::with_overrides(&config.keys)),
    })
}

/// Where reading states are kept, if anywhere.
fn state_dir() -> Option<crate::edges::terminal::StateDir> {
    let env = |k: &str| std::env::var(k).ok();
    crate::edges::resume::dir(&env).map(crate::edges::terminal::StateDir)
}

/// What was saved for `document` last time (a state file that cannot be read is said in
/// `problems`).
fn saved_state(
    dir: Option<&crate::edges::terminal::StateDir>,
    document: &str,
    lang: crate::reader::i18n::Lang,
    problems: &mut Vec<String>,
) -> Option<crate::reader::app::Saved> {
    let path = crate::edges::resume::file(&dir?.0, document);
    match crate::edges::resume::read(&path, document) {
        Ok(saved) => saved,
        Err(e) => {
            problems.push(crate::reader::i18n::state_ignored(lang, &e));
            None
        }
    }
}

/// Puts back what was saved for this document (`--no-resume` starts at the top but keeps the
/// marks: they are saved again on quit).
fn resume(
    app: &mut crate::reader::app::App,
    opened: &Opened,
    options: &Options,
    dir: Option<&crate::edges::terminal::StateDir>,
    problems: &mut Vec<String>,
) {
    let lang = app.settings().lang;
    if let Some(saved) = saved_state(dir, &opened.document, lang, problems) {
        app.update(crate::reader::app::Msg::Resume {
            saved,
            position: !options.no_resume,
        });
    }
}

/// Opens the terminal reader on a parsed compilation.
fn read(compilation: Compilation, opened: Opened, options: &Options) -> Result<(), Error> {
    read_with(compilation, opened, options, None)
}

/// Opens the reader; `loader` delivers the whole file when `compilation` is only its beginning.
fn read_with(
    compilation: Compilation,
    opened: Opened,
    options: &Options,
    loader: Option<crate::edges::load::Loader>,
) -> Result<(), Error> {
    use std::io::IsTerminal;
    if !io::stdout().is_terminal() {
        return Err(Error::Usage("stdout is not a terminal: the reader needs one (for scripts use --json, --list or --plans)".into()));
    }
    let ReaderStart {
        settings,
        lang,
        mut problems,
        ..
    } = reader_start(options, opened.name.clone())?;
    // (A preview is never one document: the whole file says so when it is in.)
    if compilation.is_whole_text() {
        problems.push(crate::reader::i18n::whole_text(lang).to_owned());
    }
    use crate::reader::app::Msg;
    let mut app =
        crate::reader::app::App::new(compilation, settings).with_document(opened.document.clone());
    if loader.is_some() {
        let file_size = options
            .files
            .first()
            .and_then(|f| std::fs::metadata(f).ok())
            .map_or(0, |m| m.len());
        app.update(Msg::Preview { file_size });
    }
    let state = state_dir();
    resume(&mut app, &opened, options, state.as_ref(), &mut problems);
    if !problems.is_empty() {
        app.update(Msg::Say(problems.join("; ")));
    }
    let background = crate::edges::terminal::Background {
        loader,
        shelf: None,
    };
    run_reader(app, background, state, &problems)
}

/// What every reader starts from: its settings from the flags, the config file and the
/// environment, the language, the problems found so far (said in the status line and again on
/// the way out), and the config's office aliases.
struct ReaderStart {
    settings: crate::reader::app::Settings,
    lang: crate::reader::i18n::Lang,
    problems: Vec<String>,
    offices: Vec<(String, String)>,
}

fn reader_start(options: &Options, file_name: String) -> Result<ReaderStart, Error> {
    let env = |k: &str| std::env::var(k).ok();
    let user = user_config(options);
    let lang = options
        .lang
        .map(Into::into)
        .or(user.config.lang)
        .unwrap_or_else(|| crate::reader::i18n::Lang::from_env(&env));
    let mut problems: Vec<String> = user
        .problem
        .iter()
        .map(|p| crate::reader::i18n::config_ignored(lang, p))
        .collect();
    let settings = settings(options, &user, lang, file_name, &mut problems)?;
    Ok(ReaderStart {
        settings,
        lang,
        problems,
        offices: user.config.offices,
    })
}

/// Runs the reader until the user quits; then the start-up problems once more, in full (the
/// status line may have been too narrow for all of them).
fn run_reader(
    app: crate::reader::app::App,
    background: crate::edges::terminal::Background,
    state: Option<crate::edges::terminal::StateDir>,
    problems: &[String],
) -> Result<(), Error> {
    let clipboard = app.settings().clipboard;
    crate::edges::terminal::run(app, clipboard, background, state).map_err(Error::Output)?;
    for problem in problems {
        eprintln!("huibian: {problem}");
    }
    Ok(())
}

/// Several compilations (files, or a folder's): the shelf opens at once, each book read in
/// the background; one that cannot be read is listed with its reason.
fn read_shelf(paths: &[PathBuf], options: &Options) -> Result<(), Error> {
    use std::io::IsTerminal;
    if !io::stdout().is_terminal() {
        return Err(Error::Usage(
            "stdout is not a terminal: the reader needs one (for scripts use --track or --years)"
                .into(),
        ));
    }
    let files = compilation_files(paths);
    if files.is_empty() {
        return Err(Error::Usage(
            "no compilation found there (.txt, .text or .docx files)".into(),
        ));
    }
    let ReaderStart {
        settings,
        lang,
        mut problems,
        offices,
    } = reader_start(options, String::new())?;
    let state = state_dir();
    let books: Vec<crate::reader::app::shelf::BookFile> = files
        .iter()
        .map(|path| {
            let opened = Opened::file(path);
            crate::reader::app::shelf::BookFile {
                path: path.clone(),
                size: std::fs::metadata(path).map_or(0, |m| m.len()),
                saved: saved_state(state.as_ref(), &opened.document, lang, &mut problems),
                name: opened.name,
                document: opened.document,
            }
        })
        .collect();
    let loader = crate::edges::shelf::ShelfLoader::new(&books);
    let shelf = crate::reader::app::shelf::Shelf::new(books, !options.no_resume, offices);
    let mut app = crate::reader::app::App::with_shelf(settings, shelf);
    if !problems.is_empty() {
        app.update(crate::reader::app::Msg::Say(problems.join("; ")));
    }
    let background = crate::edges::terminal::Background {
        loader: None,
        shelf: Some(loader),
    };
    run_reader(app, background, state, &problems)
}
