//! Each office across a shelf of compilations, year by year: the plan part it wrote for a year
//! beside the review of that year it wrote a year later. Offices are matched by
//! [`Office::key`] (or by the user's aliases); a bare `街道` or `镇` is never matched.

pub mod align;
pub mod passage;
pub mod write;

use crate::doc::model::Compilation;
use crate::doc::office::{self, Office};
pub use align::{Alignment, Match, Row};
pub use passage::Passage;

/// A report of one of the shelf's compilations.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct ReportRef {
    /// The compilation's place on the shelf.
    pub book: usize,
    pub report: usize,
}

/// One report of an office.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Written {
    pub at: ReportRef,
    /// The office as this report names it.
    pub name: String,
    /// The year it reviews.
    pub reviews: Option<u32>,
    /// Whether it has a plan part.
    pub plans: bool,
}

/// An office and every report of it on the shelf.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OfficeReports {
    /// The name offices are matched by.
    pub key: String,
    /// Its reports, by the year they review.
    pub reports: Vec<Written>,
}

impl OfficeReports {
    /// The names its reports give it, each once (`海拉尔区人民政府`, `呼伦贝尔市海拉尔区人民政府`):
    /// what the match was made of.
    #[must_use]
    pub fn names(&self) -> Vec<&str> {
        let mut names: Vec<&str> = Vec::new();
        for w in &self.reports {
            if !names.contains(&w.name.as_str()) {
                names.push(&w.name);
            }
        }
        names
    }

    /// The years it has a plan for or a review of, each with the two reports that speak of it.
    #[must_use]
    pub fn years(&self) -> Vec<Year> {
        let mut years: Vec<Year> = Vec::new();
        for w in &self.reports {
            let Some(reviews) = w.reviews else { continue };
            // The first of several (the same report in two compilations) is the one shown.
            year_entry(&mut years, reviews).review.get_or_insert(w.at);
            if w.plans {
                year_entry(&mut years, reviews + 1).plan.get_or_insert(w.at);
            }
        }
        years.sort_by_key(|y| y.year);
        years
    }
}

/// The entry of `year` in `years`, added when missing.
fn year_entry(years: &mut Vec<Year>, year: u32) -> &mut Year {
    let i = match years.iter().position(|e| e.year == year) {
        Some(i) => i,
        None => {
            years.push(Year {
                year,
                plan: None,
                review: None,
            });
            years.len() - 1
        }
    };
    &mut years[i]
}

/// One year of an office: the report that planned it and the one that reviewed it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Year {
    pub year: u32,
    /// The report whose plan part is for this year.
    pub plan: Option<ReportRef>,
    /// The report that reviews this year.
    pub review: Option<ReportRef>,
}

impl Year {
    /// Its plan part beside its review, when the shelf holds both.
    #[must_use]
    pub fn alignment<'a>(
        &self,
        book: impl Fn(usize) -> Option<&'a Compilation>,
    ) -> Option<Alignment> {
        let (plan, review) = (self.plan?, self.review?);
        let plan_doc = book(plan.book)?;
        let review_doc = book(review.book)?;
        Some(align::align(
            passage::plan_passages(plan_doc, plan.report),
            passage::review_passages(review_doc, review.report),
        ))
    }
}

/// Every named office of the books given (`None`: a book not read yet, or that failed), by
/// key; `aliases` maps a name or key to the key it is to be matched as (the user's overrides).
#[must_use]
pub fn offices<'a>(
    books: impl IntoIterator<Item = Option<&'a Compilation>>,
    aliases: &[(String, String)],
) -> Vec<OfficeReports> {
    let mut out: Vec<OfficeReports> = Vec::new();
    // Where each key's office is in `out` (a generated shelf names thousands of offices).
    let mut index: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    for (b, doc) in books.into_iter().enumerate() {
        let Some(doc) = doc else { continue };
        for (r, report) in doc.reports.iter().enumerate() {
            let Some(office) = office::office(doc, r).filter(|o| o.named) else {
                continue;
            };
            let key = key_of(&office, aliases);
            let written = Written {
                at: ReportRef { book: b, report: r },
                name: office.name,
                reviews: report.reviews,
                plans: report.plan.is_some(),
            };
            match index.get(&key) {
                Some(&i) => out[i].reports.push(written),
                None => {
                    index.insert(key.clone(), out.len());
                    out.push(OfficeReports {
                        key,
                        reports: vec![written],
                    });
                }
            }
        }
    }
    for o in &mut out {
        o.reports.sort_by_key(|w| (w.reviews.is_none(), w.reviews));
    }
    out.sort_by(|a, b| a.key.cmp(&b.key));
    out
}

/// The key `office` is matched by: an alias for its name or its key, else its key.
fn key_of(office: &Office, aliases: &[(String, String)]) -> String {
    let key = office.key();
    aliases
        .iter()
        .find(|(from, _)| *from == office.name || *from == key)
        .map_or(key, |(_, to)| to.clone())
}

/// The offices whose key or any name contains `query` (width and script folded).
#[must_use]
pub fn find<'a>(offices: &'a [OfficeReports], query: &str) -> Vec<&'a OfficeReports> {
    find_at(offices, query)
        .into_iter()
        .map(|i| &offices[i])
        .collect()
}

/// As [`find`], the places of the offices found in `offices`, in order.
#[must_use]
pub fn find_at(offices: &[OfficeReports], query: &str) -> Vec<usize> {
    let fold = |s: &str| -> String {
        s.chars()
            .map(|c| crate::doc::parse::lexis::fold_script(crate::doc::parse::lexis::fold_width(c)))
            .filter(|c| !c.is_whitespace())
            .collect()
    };
    let q = fold(query);
    let exact: Vec<usize> = (0..offices.len())
        .filter(|&i| fold(&offices[i].key) == q)
        .collect();
    if !exact.is_empty() {
        return exact;
    }
    (0..offices.len())
        .filter(|&i| {
            let o = &offices[i];
            fold(&o.key).contains(&q) || o.names().iter().any(|n| fold(n).contains(&q))
        })
        .collect()
}

/// An office's years, each with its plan part beside its review where the shelf holds both.
#[derive(Debug, Clone, PartialEq)]
pub struct Timeline {
    pub office: OfficeReports,
    pub years: Vec<(Year, Option<Alignment>)>,
}

impl Timeline {
    /// Aligns every year of `office` (the books it names must be those `book` gives).
    #[must_use]
    pub fn new<'a>(
        office: &OfficeReports,
        book: impl Fn(usize) -> Option<&'a Compilation> + Copy,
    ) -> Self {
        let years = office
            .years()
            .into_iter()
            .map(|y| (y, y.alignment(book)))
            .collect();
        Self {
            office: office.clone(),
            years,
        }
    }
}
