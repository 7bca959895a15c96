//! The sentences of a report's plan part and of its review part, each with the line it starts
//! on and the heading it sits under: the units that plans and reviews are set beside each
//! other in. A sentence ends at `。！？；` (or `;!?`), at a heading, and at a line's end unless
//! the text is hard-wrapped (then a sentence runs on across the soft breaks).

use crate::doc::model::{Compilation, LineNo, Report};

/// One sentence of a plan or review part.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Passage {
    /// The line it starts on.
    pub line: LineNo,
    pub text: String,
    /// The heading it sits under (`（一）狠抓投资和项目建设…`), if any.
    pub under: Option<String>,
}

/// Sentences with fewer Han characters than this say nothing to align (`各位代表：`).
const SHORTEST: usize = 6;

/// The sentences of report `r`'s plan part (its heading line left out: it names the part).
#[must_use]
pub fn plan_passages(doc: &Compilation, r: usize) -> Vec<Passage> {
    let Some(report) = doc.reports.get(r) else {
        return Vec::new();
    };
    let Some(plan) = report.plan.as_deref() else {
        return Vec::new();
    };
    let first = plan.heading_line.map_or(plan.start_line, |h| h + 1);
    passages(doc, report, first, body_end(report).min(plan.end_line))
}

/// The sentences of report `r`'s review: its body before the plan part (all of it when it
/// has none), from under the title, the dateline and the addressee (`各位代表：`).
#[must_use]
pub fn review_passages(doc: &Compilation, r: usize) -> Vec<Passage> {
    let Some(report) = doc.reports.get(r) else {
        return Vec::new();
    };
    let first = report.addressee_line.unwrap_or(report.line) + 1;
    let last = report.plan.as_deref().map_or(body_end(report), |p| {
        p.heading_line.unwrap_or(p.start_line).saturating_sub(1)
    });
    passages(doc, report, first, last.min(body_end(report)))
}

/// The last line of a report's body: before its sign-off.
fn body_end(report: &Report) -> LineNo {
    report
        .signoff_lines
        .first()
        .map_or(report.end_line, |&s| s.saturating_sub(1).max(report.line))
}

/// The sentences of lines `first..=last` of `report`.
fn passages(doc: &Compilation, report: &Report, first: LineNo, last: LineNo) -> Vec<Passage> {
    let wrapped = doc.wrap_width.is_some();
    let mut out = Vec::new();
    let mut under: Option<String> = None;
    let mut open: Option<Passage> = None;
    let mut headings = report.headings.iter().peekable();
    for n in first..=last {
        while headings.next_if(|h| h.line < n).is_some() {}
        let heading = headings.next_if(|h| h.line == n);
        if doc.is_artefact_line(n) {
            continue;
        }
        let line = doc.text.trimmed(n);
        if let Some(h) = heading {
            flush(&mut open, &mut out);
            under = Some(format!("{}{}", h.marker, h.text));
            // A run-in heading's line goes on with its paragraph: that is a passage too.
            if h.run_in {
                sentences(line, n, under.as_ref(), &mut open, &mut out);
                flush(&mut open, &mut out);
            }
            continue;
        }
        if line.is_empty() || is_dateline(line) {
            flush(&mut open, &mut out);
            continue;
        }
        sentences(line, n, under.as_ref(), &mut open, &mut out);
        if !wrapped {
            flush(&mut open, &mut out);
        }
    }
    flush(&mut open, &mut out);
    out
}

/// A dateline under a title (`——2015年2月5日在…会议上`, `（2023年1月10日）`): not a passage.
fn is_dateline(line: &str) -> bool {
    let dashed = line.starts_with(['-', '—', '－', '─', '–']);
    let dated = line.starts_with(['(', '（']) && line.chars().count() < 40;
    (dashed || dated) && crate::doc::parse::lexis::years(line).next().is_some()
}

/// Adds the sentences of `line` (line number `n`), continuing the open one.
fn sentences(
    line: &str,
    n: LineNo,
    under: Option<&String>,
    open: &mut Option<Passage>,
    out: &mut Vec<Passage>,
) {
    for c in line.chars() {
        let passage = open.get_or_insert_with(|| Passage {
            line: n,
            text: String::new(),
            under: under.cloned(),
        });
        if passage.text.is_empty() && c.is_whitespace() {
            continue;
        }
        passage.text.push(c);
        if "。！？；;!?".contains(c) {
            flush(open, out);
        }
    }
}

/// Ends the open sentence: kept when it has enough to say.
fn flush(open: &mut Option<Passage>, out: &mut Vec<Passage>) {
    if let Some(mut p) = open.take() {
        let han = p.text.chars().filter(|&c| is_han(c)).count();
        if han >= SHORTEST {
            p.text.truncate(p.text.trim_end().len());
            out.push(p);
        }
    }
}

/// A CJK ideograph.
pub(super) fn is_han(c: char) -> bool {
    matches!(c, '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}' | '\u{F900}'..='\u{FAFF}')
}
