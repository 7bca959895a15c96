//! The model for scripts: `--json` (docs/export-json.md), `--list` and `--plans`.
//!
//! The JSON schema is declared here as its own serde structs, so the in-memory model can change
//! without changing what scripts see. Absent values are `null`; fields may be added, never renamed.

use std::io::{self, Write};

use serde::Serialize;

use crate::doc::model::{Compilation, LineNo, PlanKind, Report};

/// The fields before `reports`, in the documented order.
#[derive(Serialize)]
struct JsonHead<'a> {
    file: &'a str,
    encoding: &'a str,
    title: Option<&'a str>,
    /// The title without a count on its line.
    name: Option<&'a str>,
    title_line: Option<LineNo>,
    declared_count: Option<usize>,
    declared_count_line: Option<LineNo>,
    toc_header_line: Option<LineNo>,
    /// The width a hard-wrapped text is cut at, when it is one.
    hard_wrap_width: Option<usize>,
    toc: Vec<JsonTocEntry<'a>>,
}

#[derive(Serialize)]
struct JsonTocEntry<'a> {
    line: LineNo,
    number: Option<u32>,
    title: &'a str,
    page: Option<u32>,
    self_entry: bool,
    report: Option<usize>,
}

#[derive(Serialize)]
struct JsonReport<'a> {
    title: &'a str,
    line: LineNo,
    /// How the start was found: toc, toc-normalized, toc-similar, marker, title-shape, whole-text.
    found_by: &'static str,
    end_line: LineNo,
    chars: usize,
    addressee_line: Option<LineNo>,
    headings: Vec<JsonHeading<'a>>,
    enumeration_lines: Vec<LineNo>,
    plan: Option<JsonPlan<'a>>,
    signoff_lines: &'a [LineNo],
    /// The office that wrote it (from the title, or a 政府工作报告's dateline), when named.
    office: Option<JsonOffice>,
    /// The year it reviews, and the year its plans are for.
    reviews: Option<u32>,
    plans_for: Option<u32>,
}

#[derive(Serialize)]
struct JsonOffice {
    name: String,
    /// False for a bare unit (`街道`, `镇`), which says nothing of which one.
    named: bool,
}

#[derive(Serialize)]
struct JsonHeading<'a> {
    line: LineNo,
    level: u8,
    marker: &'a str,
    text: &'a str,
    run_in: bool,
}

#[derive(Serialize)]
struct JsonPlan<'a> {
    kind: &'static str,
    heading_line: Option<LineNo>,
    heading: Option<&'a str>,
    start_line: LineNo,
    end_line: LineNo,
    items: Vec<JsonItem<'a>>,
}

#[derive(Serialize)]
struct JsonItem<'a> {
    line: LineNo,
    text: &'a str,
}

#[derive(Serialize)]
struct JsonArtefacts<'a> {
    paidend: &'a [LineNo],
    paidbegin: &'a [LineNo],
    ads: &'a [LineNo],
}

#[derive(Serialize)]
struct JsonDiagnostic<'a> {
    line: Option<LineNo>,
    message: &'a str,
}

fn plan_kind(kind: PlanKind) -> &'static str {
    match kind {
        PlanKind::Section => "section",
        PlanKind::Combined => "combined",
        PlanKind::Nested => "nested",
        PlanKind::Prose => "prose",
        PlanKind::Whole => "whole",
    }
}

fn json_report(c: &Compilation, i: usize) -> JsonReport<'_> {
    let r = &c.reports[i];
    let (reviews, plans_for) = crate::doc::office::years_of(r);
    JsonReport {
        office: crate::doc::office::office(c, i).map(|o| JsonOffice {
            name: o.name,
            named: o.named,
        }),
        reviews,
        plans_for,
        title: &r.title,
        line: r.line,
        found_by: r.title_match.name(),
        end_line: r.end_line,
        chars: r.char_count,
        addressee_line: r.addressee_line,
        headings: r
            .headings
            .iter()
            .map(|h| JsonHeading {
                line: h.line,
                level: h.level,
                marker: &h.marker,
                text: &h.text,
                run_in: h.run_in,
            })
            .collect(),
        enumeration_lines: r.enumerations.iter().map(|e| e.line).collect(),
        plan: r.plan.as_ref().map(|p| JsonPlan {
            kind: plan_kind(p.kind),
            heading_line: p.heading_line,
            heading: p.heading.as_deref(),
            start_line: p.start_line,
            end_line: p.end_line,
            items: p
                .items
                .iter()
                .map(|i| JsonItem {
                    line: i.line,
                    text: &i.text,
                })
                .collect(),
        }),
        signoff_lines: &r.signoff_lines,
    }
}

/// What to print for a script.
#[derive(Debug, Clone, Copy)]
pub enum Export<'a> {
    /// The whole model as one JSON object (docs/export-json.md); `file` is the file's name.
    Json { file: &'a str },
    /// One tab-separated line per report.
    List,
    /// Every report's plan part.
    Plans(PlansFormat),
    /// Every line with a hit, with its place.
    Search(&'a regex::Regex),
}

/// Prints an export while the compilation is being parsed, each piece as soon as what it needs
/// is known: the head once every report's title and lines are (JSON: up to the `reports` array;
/// search: the hits before the first report), each report once it is complete, the tail with the
/// final model. The whole-model writers below are this with everything known at once, so a
/// streamed export and a whole one are the same bytes.
pub struct Streamer<'a, W: Write> {
    what: Export<'a>,
    out: W,
    begun: bool,
    /// Reports written so far.
    sent: usize,
}

impl<'a, W: Write> Streamer<'a, W> {
    pub fn new(what: Export<'a>, out: W) -> Self {
        Self {
            what,
            out,
            begun: false,
            sent: 0,
        }
    }

    /// Whether anything has been written.
    #[must_use]
    pub fn begun(&self) -> bool {
        self.begun
    }

    /// The head: `c` knows every report's title and lines (not yet their contents).
    ///
    /// # Errors
    /// Only when writing fails.
    pub fn outline(&mut self, c: &Compilation) -> io::Result<()> {
        if self.begun {
            return Ok(());
        }
        self.begun = true;
        match self.what {
            Export::Json { file } => json_head(c, file, &mut self.out),
            Export::Plans(PlansFormat::Markdown) => match &c.name {
                Some(t) => writeln!(self.out, "# {t}\n"),
                None => Ok(()),
            },
            Export::Search(re) => {
                let first = c
                    .reports
                    .first()
                    .map_or(c.text.line_count() + 1, |r| r.line);
                search_lines(c, re, 1, first, &mut self.out)
            }
            Export::List | Export::Plans(PlansFormat::Text) => Ok(()),
        }
    }

    /// Reports from where the last call stopped up to `upto` (exclusive) are complete in `c`.
    ///
    /// # Errors
    /// Only when writing fails.
    pub fn reports(&mut self, c: &Compilation, upto: usize) -> io::Result<()> {
        self.outline(c)?;
        for i in self.sent..upto.min(c.reports.len()) {
            let r = &c.reports[i];
            match self.what {
                Export::Json { .. } => {
                    if i > 0 {
                        self.out.write_all(b",")?;
                    }
                    serde_json::to_writer(&mut self.out, &json_report(c, i))?;
                }
                Export::List => list_line(i, r, &mut self.out)?,
                Export::Plans(format) => plan_block(i, r, format, &mut self.out)?,
                Export::Search(re) => {
                    let next = c
                        .reports
                        .get(i + 1)
                        .map_or(c.text.line_count() + 1, |n| n.line);
                    search_lines(c, re, r.line, next, &mut self.out)?;
                }
            }
            self.sent = i + 1;
        }
        // Whoever reads a pipe sees each batch as it is done.
        self.out.flush()
    }

    /// The rest, from the final model.
    ///
    /// # Errors
    /// Only when writing fails.
    pub fn finish(&mut self, c: &Compilation) -> io::Result<()> {
        self.reports(c, c.reports.len())?;
        if let Export::Json { .. } = self.what {
            json_tail(c, &mut self.out)?;
        }
        self.out.flush()
    }
}

fn json_head(c: &Compilation, file: &str, out: &mut impl Write) -> io::Result<()> {
    let toc = c.toc.as_ref();
    let entries: Vec<JsonTocEntry> = toc
        .map(|t| {
            t.entries
                .iter()
                .map(|e| JsonTocEntry {
                    line: e.line,
                    number: e.number,
                    title: &e.title,
                    page: e.page,
                    self_entry: e.self_entry,
                    report: e.report,
                })
                .collect()
        })
        .unwrap_or_default();
    let head = JsonHead {
        file,
        encoding: c.encoding,
        title: c.title.as_deref(),
        name: c.name.as_deref(),
        title_line: c.title_line,
        declared_count: c.declared_count,
        declared_count_line: c.declared_count_line,
        toc_header_line: toc.and_then(|t| t.header_line),
        hard_wrap_width: c.wrap_width,
        toc: entries,
    };
    // The head object, left open (without its `}`) for the reports that follow.
    let bytes = serde_json::to_vec(&head)?;
    out.write_all(&bytes[..bytes.len() - 1])?;
    out.write_all(b",\"reports\":[")
}

fn json_tail(c: &Compilation, out: &mut impl Write) -> io::Result<()> {
    let artefacts = JsonArtefacts {
        paidend: &c.artefacts.paidend,
        paidbegin: &c.artefacts.paidbegin,
        ads: &c.artefacts.ads,
    };
    let diagnostics: Vec<JsonDiagnostic> = c
        .diagnostics
        .iter()
        .map(|d| JsonDiagnostic {
            line: d.line,
            message: &d.message,
        })
        .collect();
    out.write_all(b"],\"artefact_lines\":")?;
    serde_json::to_writer(&mut *out, &artefacts)?;
    out.write_all(b",\"diagnostics\":")?;
    serde_json::to_writer(&mut *out, &diagnostics)?;
    out.write_all(b"}\n")
}

/// Writes `what` for a parsed compilation. The text exports are made terminal-safe on the way
/// ([`crate::doc::safe`]: no line separator or bidi control reaches a terminal); the JSON keeps the
/// document's characters (escaped where JSON requires).
///
/// # Errors
/// Only when writing to `out` fails.
pub fn write(c: &Compilation, what: Export<'_>, out: &mut impl Write) -> io::Result<()> {
    if let Export::Json { .. } = what {
        let mut streamer = Streamer::new(what, out);
        streamer.outline(c)?;
        return streamer.finish(c);
    }
    let mut streamer = Streamer::new(what, crate::doc::safe::TerminalSafe(out));
    streamer.outline(c)?;
    streamer.finish(c)
}

/// Writes the whole model as one JSON object (docs/export-json.md), newline-terminated.
///
/// # Errors
/// Only when writing to `out` fails.
pub fn write_json(c: &Compilation, file: &str, out: &mut impl Write) -> io::Result<()> {
    write(c, Export::Json { file }, out)
}

/// Writes one tab-separated line per report: number, title, line, characters, `plan` or `-`.
///
/// # Errors
/// Only when writing to `out` fails.
pub fn write_list(c: &Compilation, out: &mut impl Write) -> io::Result<()> {
    write(c, Export::List, out)
}

fn list_line(i: usize, r: &Report, out: &mut impl Write) -> io::Result<()> {
    let plan = if r.plan.is_some() { "plan" } else { "-" };
    writeln!(
        out,
        "{}\t{}\t{}\t{}\t{}",
        i + 1,
        r.title,
        r.line,
        r.char_count,
        plan
    )
}

/// How `--plans` formats its output.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum PlansFormat {
    #[default]
    Text,
    Markdown,
}

/// Writes every report's plan part: the report title, the plan heading, the items.
///
/// # Errors
/// Only when writing to `out` fails.
pub fn write_plans(c: &Compilation, format: PlansFormat, out: &mut impl Write) -> io::Result<()> {
    write(c, Export::Plans(format), out)
}

fn plan_block(i: usize, r: &Report, format: PlansFormat, out: &mut impl Write) -> io::Result<()> {
    match format {
        PlansFormat::Text => writeln!(out, "{}. 《{}》 (line {})", i + 1, r.title, r.line)?,
        PlansFormat::Markdown => writeln!(out, "## {}. {}\n", i + 1, r.title)?,
    }
    let Some(p) = &r.plan else {
        return match format {
            PlansFormat::Text => writeln!(out, "   (no plan part)\n"),
            PlansFormat::Markdown => writeln!(out, "*No plan part.*\n"),
        };
    };
    let heading = p.heading.as_deref().unwrap_or("(plan prose, no heading)");
    match format {
        PlansFormat::Text => writeln!(out, "   {heading} (lines {}–{})", p.start_line, p.end_line)?,
        PlansFormat::Markdown => writeln!(
            out,
            "**{heading}** (lines {}–{})\n",
            p.start_line, p.end_line
        )?,
    }
    for item in &p.items {
        match format {
            PlansFormat::Text => writeln!(out, "   · {}", item.text)?,
            PlansFormat::Markdown => writeln!(out, "- {}", item.text)?,
        }
    }
    writeln!(out)
}

/// Writes one line per line with a hit: `report › heading path: L<line>: text` (the line's text,
/// trimmed). Lines with several hits are written once.
///
/// # Errors
/// Only when writing to `out` fails.
pub fn write_search(c: &Compilation, re: &regex::Regex, out: &mut impl Write) -> io::Result<()> {
    write(c, Export::Search(re), out)
}

/// The hits on lines `first..next` (a report and the blank lines after it, or the title page).
fn search_lines(
    c: &Compilation,
    re: &regex::Regex,
    first: LineNo,
    next: LineNo,
    out: &mut impl Write,
) -> io::Result<()> {
    let text = c.text.as_str();
    let start = c.text.line_range(first).map_or(text.len(), |r| r.start);
    let end = c.text.line_range(next).map_or(text.len(), |r| r.start);
    let mut last_line = 0;
    let mut locator = crate::doc::search::Locator::new(c);
    for m in re
        .find_iter(&text[start..end.max(start)])
        .filter(|m| !m.is_empty())
    {
        let line = c.text.line_of_offset(start + m.start());
        if line == last_line || c.is_artefact_line(line) {
            continue;
        }
        last_line = line;
        writeln!(
            out,
            "{}: L{line}: {}",
            locator.location(line),
            c.text.trimmed(line)
        )?;
    }
    Ok(())
}
