//! The model for scripts: `--json` (docs/export-json.md), `--list` and `--plans`.
//!
//! The JSON schema is declared here as its own serde structs, so the in-memory model can change
//! without changing what scripts see. Absent values are `null`; fields may be added, never renamed.

use std::io::{self, Write};

use serde::Serialize;

use crate::model::{Compilation, LineNo, PlanKind, Report};

#[derive(Serialize)]
struct JsonCompilation<'a> {
    file: &'a str,
    encoding: &'a str,
    title: Option<&'a str>,
    title_line: Option<LineNo>,
    declared_count: Option<usize>,
    declared_count_line: Option<LineNo>,
    toc_header_line: Option<LineNo>,
    toc: Vec<JsonTocEntry<'a>>,
    reports: Vec<JsonReport<'a>>,
    artefact_lines: JsonArtefacts<'a>,
    diagnostics: Vec<JsonDiagnostic<'a>>,
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
    end_line: LineNo,
    chars: usize,
    addressee_line: Option<LineNo>,
    headings: Vec<JsonHeading<'a>>,
    enumeration_lines: Vec<LineNo>,
    plan: Option<JsonPlan<'a>>,
    signoff_lines: &'a [LineNo],
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
    }
}

fn json_report(r: &Report) -> JsonReport<'_> {
    JsonReport {
        title: &r.title,
        line: r.line,
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

/// Writes the whole model as one JSON object (docs/export-json.md), newline-terminated.
///
/// # Errors
/// Only when writing to `out` fails.
pub fn write_json(c: &Compilation, file: &str, out: &mut impl Write) -> io::Result<()> {
    let toc = c.toc.as_ref();
    let doc = JsonCompilation {
        file,
        encoding: c.encoding,
        title: c.title.as_deref(),
        title_line: c.title_line,
        declared_count: c.declared_count,
        declared_count_line: c.declared_count_line,
        toc_header_line: toc.and_then(|t| t.header_line),
        toc: toc
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
            .unwrap_or_default(),
        reports: c.reports.iter().map(json_report).collect(),
        artefact_lines: JsonArtefacts {
            paidend: &c.artefacts.paidend,
            paidbegin: &c.artefacts.paidbegin,
            ads: &c.artefacts.ads,
        },
        diagnostics: c
            .diagnostics
            .iter()
            .map(|d| JsonDiagnostic {
                line: d.line,
                message: &d.message,
            })
            .collect(),
    };
    serde_json::to_writer(&mut *out, &doc)?;
    writeln!(out)
}

/// Writes one tab-separated line per report: number, title, line, characters, `plan` or `-`.
///
/// # Errors
/// Only when writing to `out` fails.
pub fn write_list(c: &Compilation, out: &mut impl Write) -> io::Result<()> {
    for (i, r) in c.reports.iter().enumerate() {
        let plan = if r.plan.is_some() { "plan" } else { "-" };
        writeln!(
            out,
            "{}\t{}\t{}\t{}\t{}",
            i + 1,
            r.title,
            r.line,
            r.char_count,
            plan
        )?;
    }
    Ok(())
}

/// How `--plans` formats its output.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
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
    if let (PlansFormat::Markdown, Some(t)) = (format, &c.title) {
        writeln!(out, "# {t}\n")?;
    }
    for (i, r) in c.reports.iter().enumerate() {
        match format {
            PlansFormat::Text => writeln!(out, "{}. 《{}》 (line {})", i + 1, r.title, r.line)?,
            PlansFormat::Markdown => writeln!(out, "## {}. {}\n", i + 1, r.title)?,
        }
        let Some(p) = &r.plan else {
            match format {
                PlansFormat::Text => writeln!(out, "   (no plan part)\n")?,
                PlansFormat::Markdown => writeln!(out, "*No plan part.*\n")?,
            }
            continue;
        };
        let heading = p.heading.as_deref().unwrap_or("(plan prose, no heading)");
        match format {
            PlansFormat::Text => {
                writeln!(out, "   {heading} (lines {}–{})", p.start_line, p.end_line)?
            }
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
        writeln!(out)?;
    }
    Ok(())
}

/// Writes one line per line with a hit: `report › heading path: L<line>: text` (the line's text,
/// trimmed). Lines with several hits are written once.
///
/// # Errors
/// Only when writing to `out` fails.
pub fn write_search(c: &Compilation, re: &regex::Regex, out: &mut impl Write) -> io::Result<()> {
    let mut last_line = 0;
    for m in re.find_iter(c.text.as_str()).filter(|m| !m.is_empty()) {
        let line = c.text.line_of_offset(m.start());
        if line == last_line || c.is_artefact_line(line) {
            continue;
        }
        last_line = line;
        writeln!(
            out,
            "{}: L{line}: {}",
            crate::search::location(c, line),
            c.text.trimmed(line)
        )?;
    }
    Ok(())
}
