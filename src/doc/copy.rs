//! What a copy holds: a section, a report, a plan part, all plan parts, or a range of lines, as
//! clean source text (artefacts removed, the file's own line breaks, no breaks from wrapping, no
//! trailing white space), after a breadcrumb line naming where it comes from. Pure.
//!
//! Sections are identified by (report, heading), never by heading text: every report repeats
//! the same headings.

use crate::doc::model::{Compilation, Heading, LineNo, Report};

/// A piece of the compilation to copy or print.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Piece {
    /// Short name for messages (`二、2024年工作计划`, `《…》`).
    pub label: String,
    /// `《report》 › 二、… › （一）…`.
    pub breadcrumb: String,
    pub first: LineNo,
    pub last: LineNo,
}

impl Piece {
    /// The text to copy: the breadcrumb line (when wanted), then the clean lines.
    #[must_use]
    pub fn text(&self, doc: &Compilation, breadcrumb: bool) -> String {
        let body = clean(doc, self.first, self.last);
        if breadcrumb {
            format!("{}\n{body}", self.breadcrumb)
        } else {
            body
        }
    }
}

/// Lines `first..=last` without artefact lines, trailing white space, or leading and trailing
/// blank lines; runs of blank lines kept as the file has them.
#[must_use]
pub fn clean(doc: &Compilation, first: LineNo, last: LineNo) -> String {
    let lines: Vec<&str> = (first..=last.min(doc.text.line_count()))
        .filter(|&n| !doc.is_artefact_line(n))
        .map(|n| doc.text.line(n).trim_end())
        .collect();
    let start = lines
        .iter()
        .position(|l| !l.is_empty())
        .unwrap_or(lines.len());
    let end = lines
        .iter()
        .rposition(|l| !l.is_empty())
        .map_or(start, |i| i + 1);
    let mut out = lines[start..end].join("\n");
    out.push('\n');
    out
}

fn heading_label(h: &Heading) -> String {
    format!("{}{}", h.marker, h.text)
}

/// The headings on the path to heading `index` of `report` (its ancestors, then itself).
fn path(report: &Report, index: usize) -> Vec<&Heading> {
    let mut out: Vec<&Heading> = Vec::new();
    for h in &report.headings[..=index] {
        while out.last().is_some_and(|p| p.level >= h.level) {
            out.pop();
        }
        out.push(h);
    }
    out
}

fn crumb(report: &Report, headings: &[&Heading]) -> String {
    std::iter::once(format!("《{}》", report.title))
        .chain(headings.iter().map(|h| heading_label(h)))
        .collect::<Vec<_>>()
        .join(" › ")
}

/// The last line of a report's body: before its sign-off.
fn body_end(report: &Report) -> LineNo {
    report
        .signoff_lines
        .first()
        .map_or(report.end_line, |&s| s.saturating_sub(1).max(report.line))
}

/// Heading `index` of report `r` with everything under it.
#[must_use]
pub fn section(doc: &Compilation, r: usize, index: usize) -> Option<Piece> {
    let report = doc.reports.get(r)?;
    let h = report.headings.get(index)?;
    let next = report.headings[index + 1..]
        .iter()
        .find(|n| n.level <= h.level)
        .map_or(body_end(report), |n| n.line - 1);
    Some(Piece {
        label: heading_label(h),
        breadcrumb: crumb(report, &path(report, index)),
        first: h.line,
        last: next,
    })
}

/// The whole of report `r`, title and sign-off included.
#[must_use]
pub fn report(doc: &Compilation, r: usize) -> Option<Piece> {
    let report = doc.reports.get(r)?;
    Some(Piece {
        label: format!("《{}》", report.title),
        breadcrumb: crumb(report, &[]),
        first: report.line,
        last: report.end_line,
    })
}

/// The plan part of report `r`.
#[must_use]
pub fn plan(doc: &Compilation, r: usize) -> Option<Piece> {
    let report = doc.reports.get(r)?;
    let p = report.plan.as_ref()?;
    // A plan without a heading is named by its first words, in the document's own language
    // (`下一步，我局将继续…`), not by an English placeholder.
    let heading = p.heading.as_deref().map_or_else(
        || {
            let start = doc.text.trimmed(p.start_line);
            let words: String = start.chars().take(12).collect();
            if words.len() < start.len() {
                format!("{words}…")
            } else {
                words
            }
        },
        str::to_owned,
    );
    let headings: Vec<&Heading> = match report
        .headings
        .iter()
        .position(|h| Some(h.line) == p.heading_line)
    {
        Some(i) => path(report, i),
        None => Vec::new(),
    };
    let breadcrumb = if headings.is_empty() {
        format!("{} › {heading}", crumb(report, &[]))
    } else {
        crumb(report, &headings)
    };
    Some(Piece {
        label: heading,
        breadcrumb,
        first: p.start_line,
        last: p.end_line,
    })
}

/// The section at a reading position: the deepest heading at or before `line` in its report, or
/// the report itself before its first heading.
#[must_use]
pub fn section_at(doc: &Compilation, line: LineNo) -> Option<Piece> {
    let r = doc
        .reports
        .partition_point(|rep| rep.line <= line)
        .checked_sub(1)?;
    match doc.reports[r]
        .headings
        .partition_point(|h| h.line <= line)
        .checked_sub(1)
    {
        Some(i) => section(doc, r, i),
        None => report(doc, r),
    }
}

/// Every report's plan part, one after another, each with its breadcrumb.
#[must_use]
pub fn all_plans(doc: &Compilation, breadcrumb: bool) -> (String, usize) {
    let pieces: Vec<Piece> = (0..doc.reports.len())
        .filter_map(|r| plan(doc, r))
        .collect();
    let text = pieces
        .iter()
        .map(|p| p.text(doc, breadcrumb))
        .collect::<Vec<_>>()
        .join("\n");
    (text, pieces.len())
}

/// The title page (title, count, 目录: everything before the first report) when `line` is on
/// it.
#[must_use]
pub fn title_page(doc: &Compilation, line: LineNo) -> Option<Piece> {
    let end = doc
        .reports
        .first()
        .map_or(doc.text.line_count(), |r| r.line.saturating_sub(1));
    let first = (1..=end).find(|&n| !doc.text.is_blank(n))?;
    let last = (first..=end).rev().find(|&n| !doc.text.is_blank(n))?;
    (line <= end).then(|| Piece {
        label: doc
            .name
            .clone()
            .unwrap_or_else(|| format!("lines {first}-{last}")),
        breadcrumb: doc.name.clone().unwrap_or_default(),
        first,
        last,
    })
}

/// Lines `first..=last` chosen by the user, with the breadcrumb of the first one.
#[must_use]
pub fn lines(doc: &Compilation, first: LineNo, last: LineNo) -> Piece {
    let (first, last) = (first.min(last), first.max(last));
    let breadcrumb = section_at(doc, first)
        .map_or_else(|| doc.name.clone().unwrap_or_default(), |p| p.breadcrumb);
    Piece {
        label: format!("lines {first}-{last}"),
        breadcrumb,
        first,
        last,
    }
}

/// Resolves a `--section` SPEC: `3` (report 3), `3/二` (heading 二、 of report 3),
/// `3/二/（一）`, `3/plan`. Numbers are 1-based; heading parts match a marker's numeral with or
/// without its punctuation and in either bracket width.
///
/// # Errors
/// A one-line message naming what exists at the level that did not match.
pub fn resolve_spec(doc: &Compilation, spec: &str) -> Result<Piece, String> {
    let mut parts = spec.split('/').map(str::trim);
    let n: usize = parts
        .next()
        .and_then(|p| p.parse().ok())
        .filter(|&n| n >= 1 && n <= doc.reports.len())
        .ok_or_else(|| {
            format!(
                "no report {spec:?}: reports are numbered 1 to {}",
                doc.reports.len()
            )
        })?;
    let r = n - 1;
    let report = &doc.reports[r];
    let rest: Vec<&str> = parts.collect();
    if rest.is_empty() {
        return report_piece(doc, r);
    }
    if rest == ["plan"] {
        return plan(doc, r)
            .ok_or_else(|| format!("report {n} «{}» has no plan part", report.title));
    }
    // Walk down the outline: each part names a child of the previous heading.
    let mut parent: Option<usize> = None;
    for part in rest {
        let want = key(part);
        let children = children(report, parent);
        let found = children
            .iter()
            .copied()
            .find(|&i| key(&report.headings[i].marker) == want);
        match found {
            Some(i) => parent = Some(i),
            None => {
                let names: Vec<String> = children
                    .iter()
                    .map(|&i| report.headings[i].marker.to_string())
                    .collect();
                let names = if names.is_empty() {
                    "none".to_owned()
                } else {
                    names.join(" ")
                };
                return Err(format!(
                    "no heading {part:?} there in report {n}; headings at that level: {names}"
                ));
            }
        }
    }
    parent
        .and_then(|i| section(doc, r, i))
        .ok_or_else(|| format!("no section {spec:?}"))
}

fn report_piece(doc: &Compilation, r: usize) -> Result<Piece, String> {
    report(doc, r).ok_or_else(|| "no such report".to_owned())
}

/// A marker reduced to its numeral: `（一）`, `(一)`, `一、`, `一` all give `一`.
fn key(s: &str) -> String {
    s.chars()
        .filter(|c| !matches!(c, '（' | '）' | '(' | ')' | '、' | '.' | '．' | ' ' | '　'))
        .collect()
}

/// The headings directly under heading `parent` (the report's top level for `None`): those
/// before the parent's next sibling, at the shallowest level found there.
fn children(report: &Report, parent: Option<usize>) -> Vec<usize> {
    let heads = &report.headings;
    let (start, end) = match parent {
        None => (0, heads.len()),
        Some(p) => (
            p + 1,
            heads[p + 1..]
                .iter()
                .position(|h| h.level <= heads[p].level)
                .map_or(heads.len(), |k| p + 1 + k),
        ),
    };
    let Some(level) = heads[start..end].iter().map(|h| h.level).min() else {
        return Vec::new();
    };
    (start..end).filter(|&i| heads[i].level == level).collect()
}
