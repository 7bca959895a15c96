//! An office's plans beside what it reported a year later, for scripts and for pasting:
//! Markdown (`--track OFFICE --format markdown`, the default), plain text, and JSON.

use std::io::{self, Write};

use serde::Serialize;

use super::{Alignment, Passage, ReportRef, Timeline, Year};
use crate::doc::model::{Compilation, LineNo};

/// What the writers need of the shelf: each book's file name and model.
pub struct Books<'a> {
    pub names: &'a [String],
    pub docs: &'a [Option<&'a Compilation>],
}

impl Books<'_> {
    fn name(&self, at: ReportRef) -> &str {
        self.names.get(at.book).map_or("?", String::as_str)
    }

    fn title(&self, at: ReportRef) -> &str {
        self.docs
            .get(at.book)
            .copied()
            .flatten()
            .and_then(|d| d.reports.get(at.report))
            .map_or("?", |r| r.title.as_str())
    }

    /// `2015.txt 《政府工作报告》`.
    fn report(&self, at: ReportRef) -> String {
        format!("{} 《{}》", self.name(at), self.title(at))
    }
}

/// One line of what a year's pages say about where its two parts come from.
fn sources(year: &Year, books: &Books<'_>) -> String {
    let y = year.year;
    match (year.plan, year.review) {
        (Some(p), Some(r)) => format!(
            "planned in {}; reported in {}",
            books.report(p),
            books.report(r)
        ),
        (Some(p), None) => format!(
            "planned in {}; no review of {y} on the shelf",
            books.report(p)
        ),
        (None, Some(r)) => format!(
            "reported in {}; no plan for {y} on the shelf",
            books.report(r)
        ),
        (None, None) => String::new(),
    }
}

/// `62 of 155 plan sentences answered, 93 planned and not mentioned, 37 reported and not planned`.
#[must_use]
pub fn tally(a: &Alignment) -> String {
    let answered = a.rows.iter().filter(|r| !r.matches.is_empty()).count();
    format!(
        "{answered} of {} plan sentences answered; {} planned, not mentioned a year later; {} reported, not planned",
        a.rows.len(),
        a.rows.len() - answered,
        a.reported_only.len()
    )
}

/// The Markdown page of a timeline.
///
/// # Errors
/// When `out` cannot be written.
pub fn markdown(t: &Timeline, books: &Books<'_>, out: &mut impl Write) -> io::Result<()> {
    writeln!(
        out,
        "# {}: plans, and what was reported a year later\n",
        t.office.key
    )?;
    writeln!(out, "Matched as: {}\n", t.office.names().join(", "))?;
    for (year, alignment) in &t.years {
        writeln!(out, "## {}\n\n{}\n", year.year, sources(year, books))?;
        let Some(a) = alignment else { continue };
        writeln!(out, "{}\n\n### Planned and reported\n", tally(a))?;
        let mut under: Option<&str> = None;
        for row in a.rows.iter().filter(|r| !r.matches.is_empty()) {
            if row.plan.under.as_deref() != under {
                under = row.plan.under.as_deref();
                if let Some(h) = under {
                    writeln!(out, "\n**{h}**\n")?;
                }
            }
            writeln!(out, "- L{} {}", row.plan.line, row.plan.text)?;
            for m in &row.matches {
                writeln!(
                    out,
                    "  - → L{} {} *({})*",
                    m.review.line,
                    m.review.text,
                    m.shared.join("、")
                )?;
            }
        }
        writeln!(out, "\n### Planned, not mentioned a year later\n")?;
        list(a.planned_only(), out)?;
        writeln!(out, "\n### Reported, not planned\n")?;
        list(a.reported_only.iter(), out)?;
        writeln!(out)?;
    }
    Ok(())
}

fn list<'a>(passages: impl Iterator<Item = &'a Passage>, out: &mut impl Write) -> io::Result<()> {
    for p in passages {
        writeln!(out, "- L{} {}", p.line, p.text)?;
    }
    Ok(())
}

/// The plain-text page of a timeline: one line per sentence, `planned`/`reported` in front.
///
/// # Errors
/// When `out` cannot be written.
pub fn text(t: &Timeline, books: &Books<'_>, out: &mut impl Write) -> io::Result<()> {
    writeln!(out, "{} ({})", t.office.key, t.office.names().join(", "))?;
    for (year, alignment) in &t.years {
        writeln!(out, "\n{}: {}", year.year, sources(year, books))?;
        let Some(a) = alignment else { continue };
        writeln!(out, "{}", tally(a))?;
        for row in &a.rows {
            writeln!(out, "planned\tL{}\t{}", row.plan.line, row.plan.text)?;
            for m in &row.matches {
                writeln!(
                    out,
                    "reported\tL{}\t{}\t{}",
                    m.review.line,
                    m.review.text,
                    m.shared.join("、")
                )?;
            }
            if row.matches.is_empty() {
                writeln!(out, "not mentioned")?;
            }
        }
        for p in &a.reported_only {
            writeln!(out, "not planned\tL{}\t{}", p.line, p.text)?;
        }
    }
    Ok(())
}

#[derive(Serialize)]
struct JsonTimeline<'a> {
    office: &'a str,
    names: Vec<&'a str>,
    years: Vec<JsonYear<'a>>,
}

#[derive(Serialize)]
struct JsonYear<'a> {
    year: u32,
    plan: Option<JsonSource<'a>>,
    review: Option<JsonSource<'a>>,
    pairs: Vec<JsonPair<'a>>,
    planned_only: Vec<JsonPassage<'a>>,
    reported_only: Vec<JsonPassage<'a>>,
}

#[derive(Serialize)]
struct JsonSource<'a> {
    file: &'a str,
    report: usize,
    title: &'a str,
}

#[derive(Serialize)]
struct JsonPair<'a> {
    plan: JsonPassage<'a>,
    review: JsonPassage<'a>,
    shared: &'a [String],
    score: f32,
}

#[derive(Serialize)]
struct JsonPassage<'a> {
    line: LineNo,
    text: &'a str,
    under: Option<&'a str>,
}

impl<'a> From<&'a Passage> for JsonPassage<'a> {
    fn from(p: &'a Passage) -> Self {
        Self {
            line: p.line,
            text: &p.text,
            under: p.under.as_deref(),
        }
    }
}

/// The JSON object of a timeline (one line).
///
/// # Errors
/// When `out` cannot be written.
pub fn json(t: &Timeline, books: &Books<'_>, out: &mut impl Write) -> io::Result<()> {
    let source = |at: Option<ReportRef>| {
        at.map(|at| JsonSource {
            file: books.name(at),
            report: at.report + 1,
            title: books.title(at),
        })
    };
    let empty = Alignment::default();
    let years = t
        .years
        .iter()
        .map(|(year, alignment)| {
            let a = alignment.as_ref().unwrap_or(&empty);
            JsonYear {
                year: year.year,
                plan: source(year.plan),
                review: source(year.review),
                pairs: a
                    .pairs()
                    .map(|(p, m)| JsonPair {
                        plan: p.into(),
                        review: (&m.review).into(),
                        shared: &m.shared,
                        score: (m.score * 100.0).round() / 100.0,
                    })
                    .collect(),
                planned_only: a.planned_only().map(Into::into).collect(),
                reported_only: a.reported_only.iter().map(Into::into).collect(),
            }
        })
        .collect();
    let page = JsonTimeline {
        office: &t.office.key,
        names: t.office.names(),
        years,
    };
    serde_json::to_writer(&mut *out, &page).map_err(io::Error::other)?;
    writeln!(out)
}
