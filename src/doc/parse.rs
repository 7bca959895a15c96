//! The parser: bytes in, an immutable [`Compilation`] out. Pure; no terminal, no files.
//!
//! Steps, one module each: [`decode`] (encoding, line breaks, control characters) →
//! [`artefacts`] (`##paidbegin##`, `##paidend##`, ads) → [`title`] (title and `（N篇）`) →
//! [`toc`] (the 目录 block) → [`split`] (report starts) → per report [`signoff`],
//! [`heading`] (numbered outline with relative levels) and [`plan`] (the next-year part).

pub mod artefacts;
pub mod decode;
pub mod flattened;
pub mod heading;
pub mod lexis;
pub mod plan;
pub mod signoff;
pub mod split;
pub mod title;
pub mod toc;
pub mod wrapped;

use crate::doc::docx;
use crate::doc::model::{Compilation, Diagnostic, LineNo, Report, Text};
pub use decode::DecodeError;

/// Why a file could not be turned into a compilation.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ParseError {
    #[error(transparent)]
    Decode(#[from] DecodeError),
    #[error(transparent)]
    Docx(#[from] crate::doc::docx::DocxError),
    #[error("no report found (no table of contents entry or report title matched the text)")]
    NoReports,
}

/// Parses the raw bytes of a file.
///
/// # Errors
/// See [`ParseError`]: empty, binary or undecodable input, or text with no recognisable report.
pub fn parse(bytes: &[u8]) -> Result<Compilation, ParseError> {
    parse_owned(bytes.to_vec())
}

/// Parses the raw bytes of a file, reusing the buffer for the text when it is UTF-8.
///
/// # Errors
/// As [`parse`].
pub fn parse_owned(bytes: Vec<u8>) -> Result<Compilation, ParseError> {
    parse_with_progress(bytes, &mut |_| {})
}

/// What a parse reports while it runs, so a reader can show a large file before it is done.
#[derive(Debug)]
pub enum Stage<'a> {
    /// Percent done: decoding counts for the first tenth, the reports for the rest.
    Percent(u8),
    /// The compilation so far: first the whole text alone, then with every report's title and
    /// lines (no outline or plan yet) and the 目录, both final. The receiver may take the
    /// reports and the 目录 (the parser never reads them again), so a reader holds them once.
    Partial {
        doc: &'a mut Compilation,
        parsed: usize,
    },
    /// Reports `first..first + reports.len()` are complete. The receiver may take them (the
    /// whole vector): a reader gets each report once, by move. Reports not taken go into the
    /// compilation the parse returns.
    Built {
        first: usize,
        reports: &'a mut Vec<Report>,
    },
}

/// As [`parse_owned`], reporting each [`Stage`] to `progress`.
///
/// # Errors
/// As [`parse`].
pub fn parse_with_progress(
    bytes: Vec<u8>,
    progress: &mut dyn FnMut(Stage<'_>),
) -> Result<Compilation, ParseError> {
    // A Word document: its paragraphs as lines, then read as any text, with what Word's own
    // structure says about it as evidence.
    let (bytes, label, hints) = if docx::is_zip(&bytes) {
        let (text, hints) = docx::read(&bytes, None)?;
        (text.into_bytes(), Some("docx"), hints)
    } else {
        (bytes, None, docx::Hints::default())
    };
    let decoded = decode::decode_owned(bytes)?;
    progress(Stage::Percent(10));
    let encoding = label.unwrap_or(decoded.encoding);
    parse_text_with_progress(decoded.text, encoding, &hints, progress)
}

/// Parses text that is already decoded and uses `\n` line breaks.
///
/// # Errors
/// [`ParseError::NoReports`] when no report can be found.
pub fn parse_text(text: String, encoding: &'static str) -> Result<Compilation, ParseError> {
    parse_text_with_progress(text, encoding, &docx::Hints::default(), &mut |_| {})
}

fn parse_text_with_progress(
    text: String,
    encoding: &'static str,
    hints: &docx::Hints,
    progress: &mut dyn FnMut(Stage<'_>),
) -> Result<Compilation, ParseError> {
    let (text, paidbegin) = artefacts::strip_inline(text);
    let mut text = Text::new(text);
    let mut diagnostics = Vec::new();
    // A flattened text (one line holding a report or more) is split back into paragraphs.
    if let Some(split) = flattened::split(&text) {
        text = Text::new(split);
        diagnostics.push(Diagnostic {
            line: None,
            message: "the text was flattened onto long lines; it is split into paragraphs, and \
                      line numbers are the split text's"
                .into(),
        });
    }
    // The text alone is enough to read and search while the reports are being found.
    progress(Stage::Partial {
        doc: &mut Compilation::unparsed(text.clone(), encoding),
        parsed: 0,
    });
    let wrap_width = wrapped::width(&text);
    let artefacts = artefacts::find(&text, paidbegin, wrap_width.is_some());
    let header = title::header(&text);
    let toc = toc::find_with(&text, &header, hints.toc_field);
    let starts = find_starts(
        &text,
        &header,
        toc.as_ref(),
        &artefacts,
        (wrap_width, hints),
        &mut diagnostics,
    )?;
    let ends = report_ends(&text, &starts, &artefacts);
    let mut compilation = skeleton(text, encoding, &header, toc, artefacts, &starts, &ends);
    compilation.wrap_width = wrap_width;
    link_toc(&mut compilation, &mut diagnostics);
    progress(Stage::Partial {
        doc: &mut compilation,
        parsed: 0,
    });
    let year = header.title.as_deref().and_then(|t| lexis::years(t).min());
    build_reports(&mut compilation, &starts, &ends, year, progress);
    if let Some(n) = header.declared_count.filter(|&n| n != starts.len()) {
        diagnostics.push(Diagnostic {
            line: header.declared_count_line,
            message: format!(
                "the title declares {n} reports but {} were found",
                starts.len()
            ),
        });
    }
    compilation.diagnostics = diagnostics;
    Ok(compilation)
}

/// The compilation with every report's title and lines but no outline or plan yet (cheap),
/// so the contents can be shown before each report is read.
fn skeleton(
    text: Text,
    encoding: &'static str,
    header: &title::Header,
    toc: Option<crate::doc::model::Toc>,
    artefacts: crate::doc::model::Artefacts,
    starts: &[split::Start],
    ends: &[LineNo],
) -> Compilation {
    let reports = starts
        .iter()
        .zip(ends)
        .map(|(start, &end)| Report {
            title_match: start.matched,
            toc_entry: start.toc_entry,
            ..Report::outline_only(start.title.clone(), start.line, end)
        })
        .collect();
    Compilation {
        encoding,
        text,
        title: header.title.clone(),
        name: header
            .title
            .as_deref()
            .map(|t| title::split_count(t).map_or(t, |(bare, _)| bare).to_owned()),
        title_line: header.title_line,
        declared_count: header.declared_count,
        declared_count_line: header.declared_count_line,
        toc,
        artefacts,
        reports,
        ..Compilation::default()
    }
}

/// Where each report starts: through the 目录's entries, else from the titles' shape, else the
/// whole text as one document (every text opens).
fn find_starts(
    text: &Text,
    header: &title::Header,
    toc: Option<&crate::doc::model::Toc>,
    artefacts: &crate::doc::model::Artefacts,
    (wrap_width, hints): (Option<usize>, &docx::Hints),
    diagnostics: &mut Vec<Diagnostic>,
) -> Result<Vec<split::Start>, ParseError> {
    let is_artefact = |n: LineNo| artefacts.is_marker_or_ad(n);
    let toc_end = toc.map_or(header.last_line, |t| t.last_line);
    let blocked = |n: LineNo| n <= toc_end || is_artefact(n);
    let mut starts = match toc {
        Some(t) => split::from_toc(text, &t.entries, t.last_line + 1, &blocked),
        None => Vec::new(),
    };
    if starts.is_empty() {
        if toc.is_some() {
            diagnostics.push(Diagnostic {
                line: None,
                message: "no TOC entry was found in the body; reports were found from their titles"
                    .into(),
            });
        }
        starts = split::from_shape(
            text,
            toc_end + 1,
            header.declared_count,
            (&blocked, &|n| hints.is_title(n)),
            wrap_width,
        );
    }
    if starts.is_empty() {
        starts.extend(split::whole(text, &is_artefact));
        if starts.is_empty() {
            return Err(ParseError::NoReports);
        }
        diagnostics.push(Diagnostic {
            line: None,
            message: "no report boundary was recognised: the whole text is one document".into(),
        });
    }
    Ok(starts)
}

/// Each report's last line: the last line before the next report's title that is neither
/// blank nor an artefact.
fn report_ends(
    text: &Text,
    starts: &[split::Start],
    artefacts: &crate::doc::model::Artefacts,
) -> Vec<LineNo> {
    starts
        .iter()
        .enumerate()
        .map(|(i, start)| {
            let next = starts.get(i + 1).map_or(text.line_count() + 1, |s| s.line);
            (start.title_line..next)
                .rev()
                .find(|&n| !text.is_blank(n) && !artefacts.is_marker_or_ad(n))
                .unwrap_or(start.title_line)
        })
        .collect()
}

/// Each TOC entry pointed at the report it names; the entries found nowhere are said.
fn link_toc(compilation: &mut Compilation, diagnostics: &mut Vec<Diagnostic>) {
    let Some(toc) = compilation.toc.as_mut() else {
        return;
    };
    for (r, report) in compilation.reports.iter().enumerate() {
        if let Some(e) = report.toc_entry {
            toc.entries[e].report = Some(r);
        }
    }
    for e in toc
        .entries
        .iter()
        .filter(|e| !e.self_entry && e.report.is_none())
    {
        diagnostics.push(Diagnostic {
            line: Some(e.line),
            message: format!("TOC entry «{}» was not found in the body", e.title),
        });
    }
}

/// Each report's outline and plan, with the progress reported every twentieth of them and the
/// reports built handed over every tenth, for the panes to fill in.
fn build_reports(
    compilation: &mut Compilation,
    starts: &[split::Start],
    ends: &[LineNo],
    year: Option<u32>,
    progress: &mut dyn FnMut(Stage<'_>),
) {
    let text = compilation.text.clone();
    let wrap_width = compilation.wrap_width;
    let count = starts.len();
    let step = (count / 20).max(1);
    let mut batch = Vec::new();
    let mut first = 0;
    for (i, (start, &end)) in starts.iter().zip(ends).enumerate() {
        if i.is_multiple_of(step) && i > 0 {
            progress(Stage::Percent(
                u8::try_from(10 + i * 90 / count).unwrap_or(99),
            ));
            if (i / step).is_multiple_of(2) {
                hand_over(compilation, first, &mut batch, progress);
                first = i;
            }
        }
        batch.push(build_report(&text, start, end, year, wrap_width));
    }
    hand_over(compilation, first, &mut batch, progress);
}

/// Offers reports `first..` to the receiver; those it does not take go into the compilation
/// (into the slots of their titles, or after the reports when those were taken).
fn hand_over(
    compilation: &mut Compilation,
    first: usize,
    batch: &mut Vec<Report>,
    progress: &mut dyn FnMut(Stage<'_>),
) {
    progress(Stage::Built {
        first,
        reports: batch,
    });
    let end = first + batch.len();
    if compilation.reports.len() >= end {
        compilation.reports.splice(first..end, batch.drain(..));
    } else {
        compilation.reports.append(batch);
    }
}

/// Characters of lines `first..=last`, not counting line breaks and ASCII white space: UTF-8
/// lead bytes counted in one pass over the bytes (it vectorises).
fn count_chars(text: &Text, first: LineNo, last: LineNo) -> usize {
    let (Some(a), Some(b)) = (text.line_range(first), text.line_range(last)) else {
        return 0;
    };
    // u8 counters over blocks of at most 255 bytes keep the loop in byte-wide SIMD lanes.
    text.as_str().as_bytes()[a.start..b.end]
        .chunks(255)
        .map(|block| {
            let counted = |b: u8| u8::from(b & 0xC0 != 0x80) & u8::from(!b.is_ascii_whitespace());
            usize::from(block.iter().fold(0u8, |n, &b| n + counted(b)))
        })
        .sum()
}

fn build_report(
    text: &Text,
    start: &split::Start,
    end: LineNo,
    compilation_year: Option<u32>,
    wrap_width: Option<usize>,
) -> Report {
    let signoff_lines = signoff::signoff(text, start.title_line, end);
    let body_last = signoff_lines.first().map_or(end, |&s| {
        (start.title_line..s)
            .rev()
            .find(|&n| !text.is_blank(n))
            .unwrap_or(start.title_line)
    });
    let addressee_line = signoff::addressee(text, start.title_line, body_last);
    // The outline starts past a repeat of the title (a page headline, then the document's title).
    let outline_first = (start.title_line + 1..=body_last)
        .find(|&n| !text.is_blank(n) && text.trimmed(n) != start.title)
        .unwrap_or(start.title_line + 1);
    let (mut headings, mut enumerations) = heading::outline(text, outline_first, body_last);
    // Exactly as long as they are: the model of a 1 GB file holds millions of headings.
    headings.shrink_to_fit();
    enumerations.shrink_to_fit();
    let body_first = addressee_line.unwrap_or(start.title_line) + 1;
    let report_year = plan::reviewed_year(
        text,
        &start.title,
        &headings,
        (body_first, body_last),
        compilation_year,
    );
    let plan = plan::find(&plan::ReportOutline {
        text,
        body_first,
        body_last,
        headings: &headings,
        enumerations: &enumerations,
        report_year,
        title: &start.title,
        wrap: wrap_width,
    });
    let char_count = count_chars(text, start.line, end);
    Report {
        title: start.title.clone(),
        line: start.line,
        end_line: end,
        title_match: start.matched,
        toc_entry: start.toc_entry,
        addressee_line,
        headings,
        enumerations,
        plan: plan.map(Box::new),
        signoff_lines,
        char_count,
        reviews: report_year,
    }
}
