//! Word documents (.docx): the body's paragraphs as lines of text, in order, with the numbers
//! Word shows for automatically numbered paragraphs (`一、`, `（一）`, `1.`) written in, so the
//! text parses exactly as a compilation saved as text does. Tables become a line a row (cells
//! separated by ` | `); a text box's paragraphs come before the paragraph it is anchored in;
//! footnotes, comments, headers and footers are left out (they are other parts of the file).
//!
//! Pure: bytes in, text out. A zip bomb is refused by size before anything is inflated, and
//! inflating stops at the same limit.

use std::collections::HashMap;
use std::io::{Cursor, Read};

use quick_xml::events::{BytesStart, Event};
use quick_xml::reader::Reader;

use crate::doc::parse::lexis::han_numeral;

/// Why a .docx could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DocxError {
    #[error("is a damaged or incomplete .docx (zip): {0}")]
    Zip(String),
    #[error("is a zip file but not a Word document (no word/document.xml)")]
    NotWord,
    #[error(
        "would inflate to more than {0} MB: refused (a .docx of text is rarely over 20 times its size)"
    )]
    TooLarge(u64),
    #[error("is a .docx whose XML cannot be read: {0}")]
    Xml(String),
}

/// What Word's own structure says about the text, for the parser to weigh (never required):
/// the lines that open a new page in a title style, where a report's title usually stands.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Hints {
    /// Lines (1-based) that start a page and are styled as a title or an outline-level-1
    /// heading, in order.
    pub titles: Vec<usize>,
    /// The line where Word's table-of-contents field (`TOC`) starts: the 目录.
    pub toc_field: Option<usize>,
}

impl Hints {
    /// Whether Word marks line `n` as a title on a new page.
    #[must_use]
    pub fn is_title(&self, n: usize) -> bool {
        self.titles.binary_search(&n).is_ok()
    }
}

/// Whether `bytes` start like a zip archive (a .docx is one).
#[must_use]
pub fn is_zip(bytes: &[u8]) -> bool {
    bytes.starts_with(b"PK\x03\x04")
}

/// Most a .docx may inflate to: 40 times its size, and never over 4 GiB.
fn inflate_limit(file_len: usize) -> u64 {
    (u64::try_from(file_len)
        .unwrap_or(u64::MAX)
        .saturating_mul(40))
    .clamp(64 << 20, 4 << 30)
}

/// The document's text: a line a paragraph (a row for a table).
///
/// # Errors
/// See [`DocxError`].
pub fn to_text(bytes: &[u8]) -> Result<String, DocxError> {
    read(bytes, None).map(|(text, _)| text)
}

/// As [`to_text`], stopping after the first paragraph that brings the text to `head` bytes
/// (the beginning of a large document, for its first screen): `document.xml` is inflated and
/// read as a stream, so that costs the beginning only.
///
/// # Errors
/// See [`DocxError`].
pub fn to_text_head(bytes: &[u8], head: Option<usize>) -> Result<String, DocxError> {
    read(bytes, head).map(|(text, _)| text)
}

/// The document's text (all of it, or its first `head` bytes) and Word's [`Hints`] about it.
///
/// # Errors
/// See [`DocxError`].
pub fn read(bytes: &[u8], head: Option<usize>) -> Result<(String, Hints), DocxError> {
    let mut zip =
        zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| DocxError::Zip(e.to_string()))?;
    let limit = inflate_limit(bytes.len());
    let declared: u64 = (0..zip.len())
        .filter_map(|i| zip.by_index_raw(i).ok().map(|f| f.size()))
        .sum();
    if declared > limit {
        return Err(DocxError::TooLarge(limit >> 20));
    }
    let numbering = match part(&mut zip, "word/numbering.xml", limit)? {
        Some(xml) => Numbering::parse(&xml)?,
        None => Numbering::default(),
    };
    let styles = match part(&mut zip, "word/styles.xml", limit)? {
        Some(xml) => Styles::parse(&xml)?,
        None => Styles::default(),
    };
    let document = match zip.by_name("word/document.xml") {
        Ok(f) => f,
        Err(zip::result::ZipError::FileNotFound) => return Err(DocxError::NotWord),
        Err(e) => return Err(DocxError::Zip(e.to_string())),
    };
    // Inflated as it is read, and never past the limit (whatever the archive declared).
    let mut limited = document.take(limit + 1);
    let text = Body::read(
        std::io::BufReader::new(&mut limited),
        &Parts {
            numbering: &numbering,
            styles: &styles,
        },
        head,
    )?;
    if limited.limit() == 0 {
        return Err(DocxError::TooLarge(limit >> 20));
    }
    Ok(text)
}

/// What the body is read with.
struct Parts<'a> {
    numbering: &'a Numbering,
    styles: &'a Styles,
}

/// A part of the archive, inflated (at most `limit` bytes), or `None` when it is not there.
fn part(
    zip: &mut zip::ZipArchive<Cursor<&[u8]>>,
    name: &str,
    limit: u64,
) -> Result<Option<Vec<u8>>, DocxError> {
    let file = match zip.by_name(name) {
        Ok(f) => f,
        Err(zip::result::ZipError::FileNotFound) => return Ok(None),
        Err(e) => return Err(DocxError::Zip(e.to_string())),
    };
    let mut out = Vec::new();
    file.take(limit + 1)
        .read_to_end(&mut out)
        .map_err(|e| DocxError::Zip(e.to_string()))?;
    if out.len() as u64 > limit {
        return Err(DocxError::TooLarge(limit >> 20));
    }
    Ok(Some(out))
}

/// The value of attribute `w:<name>` (or `<name>`) of an element.
fn attr(e: &BytesStart<'_>, name: &[u8]) -> Option<String> {
    e.attributes().flatten().find_map(|a| {
        let key = a.key.as_ref();
        let local = key.rsplit(|&b| b == b':').next().unwrap_or(key);
        (local == name).then(|| String::from_utf8_lossy(&a.value).into_owned())
    })
}

/// An element of a small part met in order: opened (with its attributes) or closed.
enum Tag<'a, 'b> {
    Open(&'a BytesStart<'b>),
    Close(&'a [u8]),
}

/// Calls `f` with every element of `xml` as it is opened and closed.
fn each_tag(xml: &[u8], mut f: impl FnMut(Tag<'_, '_>)) -> Result<(), DocxError> {
    let mut reader = Reader::from_reader(xml);
    let mut buf = Vec::new();
    loop {
        match reader
            .read_event_into(&mut buf)
            .map_err(|e| DocxError::Xml(e.to_string()))?
        {
            Event::Start(e) | Event::Empty(e) => f(Tag::Open(&e)),
            Event::End(e) => f(Tag::Close(e.local_name().as_ref())),
            Event::Eof => return Ok(()),
            _ => {}
        }
        buf.clear();
    }
}

/// An element's name without its namespace prefix.
fn local(e: &BytesStart<'_>) -> Vec<u8> {
    let name = e.name();
    let n = name.as_ref();
    n.rsplit(|&b| b == b':').next().unwrap_or(n).to_vec()
}

/// How one level of a list is numbered.
#[derive(Debug, Clone, Default)]
struct Level {
    format: String,
    text: String,
    start: u32,
}

/// `numbering.xml`: each list (`w:num`) with its levels (from its abstract definition, with its
/// overrides of the start).
#[derive(Debug, Default)]
struct Numbering {
    abstracts: HashMap<String, Vec<Level>>,
    /// num id → (abstract id, level → start override).
    nums: HashMap<String, (String, HashMap<usize, u32>)>,
}

impl Numbering {
    fn parse(xml: &[u8]) -> Result<Self, DocxError> {
        let mut out = Self::default();
        let mut abstract_id: Option<String> = None;
        let mut num: Option<String> = None;
        let mut level: Option<usize> = None;
        each_tag(xml, |tag| match tag {
            Tag::Open(e) => {
                let name = local(e);
                match name.as_slice() {
                    b"abstractNum" => abstract_id = attr(e, b"abstractNumId"),
                    b"num" => {
                        num = attr(e, b"numId");
                        abstract_id = None;
                    }
                    b"lvl" | b"lvlOverride" => {
                        level = attr(e, b"ilvl").and_then(|l| l.parse().ok());
                    }
                    _ => out.level_attr(&name, e, abstract_id.as_deref(), num.as_deref(), level),
                }
            }
            Tag::Close(b"abstractNum") => abstract_id = None,
            Tag::Close(b"num") => num = None,
            Tag::Close(_) => {}
        })?;
        Ok(out)
    }

    /// One setting inside a level (`w:numFmt`, `w:lvlText`, `w:start`), a list's abstract
    /// (`w:abstractNumId`) or a level's start override (`w:startOverride`).
    fn level_attr(
        &mut self,
        name: &[u8],
        e: &BytesStart<'_>,
        abstract_id: Option<&str>,
        num: Option<&str>,
        level: Option<usize>,
    ) {
        let value = attr(e, b"val");
        if let (Some(num), b"abstractNumId", Some(v)) = (num, name, value.clone()) {
            self.nums.entry(num.to_owned()).or_default().0 = v;
            return;
        }
        if let (Some(num), b"startOverride", Some(l), Some(v)) = (num, name, level, value.clone()) {
            let start = v.parse().unwrap_or(1);
            self.nums
                .entry(num.to_owned())
                .or_default()
                .1
                .insert(l, start);
            return;
        }
        let (Some(id), Some(l), Some(v)) = (abstract_id, level, value) else {
            return;
        };
        let levels = self.abstracts.entry(id.to_owned()).or_default();
        if levels.len() <= l {
            // Word counts from 1 where a level says no start.
            let unset = Level {
                start: 1,
                ..Level::default()
            };
            levels.resize(l + 1, unset);
        }
        match name {
            b"numFmt" => levels[l].format = v,
            b"lvlText" => levels[l].text = v,
            b"start" => levels[l].start = v.parse().unwrap_or(1),
            _ => {}
        }
    }

    /// The levels of list `num`, with its start overrides.
    fn levels(&self, num: &str) -> Option<Vec<Level>> {
        let (abstract_id, overrides) = self.nums.get(num)?;
        let mut levels = self.abstracts.get(abstract_id)?.clone();
        for (&l, &start) in overrides {
            if let Some(level) = levels.get_mut(l) {
                level.start = start;
            }
        }
        Some(levels)
    }
}

/// Counters of every list met so far, as Word keeps them: a level counts up, the levels under
/// it start again.
#[derive(Debug, Default)]
struct Counters {
    lists: HashMap<String, Vec<Option<u32>>>,
}

impl Counters {
    /// The marker Word shows for a paragraph of list `num` at level `ilvl`.
    fn marker(&mut self, numbering: &Numbering, num: &str, ilvl: usize) -> Option<String> {
        let levels = numbering.levels(num)?;
        let level = levels.get(ilvl)?;
        let counters = self.lists.entry(num.to_owned()).or_default();
        if counters.len() < levels.len() {
            counters.resize(levels.len(), None);
        }
        let value = counters[ilvl].map_or(level.start, |v| v.saturating_add(1));
        counters[ilvl] = Some(value);
        for deeper in counters.iter_mut().skip(ilvl + 1) {
            *deeper = None;
        }
        let mut text = level.text.clone();
        for (k, l) in levels.iter().enumerate().take(ilvl + 1).rev() {
            let n = counters[k].unwrap_or(l.start);
            text = text.replace(&format!("%{}", k + 1), &format_number(n, &l.format));
        }
        Some(text)
    }
}

/// `n` in one of Word's number formats (`w:numFmt`); letters and Roman numerals only up to
/// where they stay short (a hostile start value must not spell out millions of letters).
fn format_number(n: u32, format: &str) -> String {
    let spelled = n <= 3999;
    match format {
        "chineseCounting" | "chineseCountingThousand" | "chineseLegalSimplified" => han_numeral(n),
        "ideographTraditional" => "甲乙丙丁戊己庚辛壬癸"
            .chars()
            .nth((n.max(1) - 1) as usize % 10)
            .map_or_else(String::new, String::from),
        "decimalEnclosedCircle" | "decimalEnclosedCircleChinese" => char::from_u32(0x245F + n)
            .filter(|_| (1..=20).contains(&n))
            .map_or_else(|| n.to_string(), String::from),
        "decimalFullWidth" | "decimalFullWidth2" => n
            .to_string()
            .chars()
            .filter_map(|d| char::from_u32(u32::from(d) - u32::from('0') + 0xFF10))
            .collect(),
        "lowerLetter" if spelled => letter(n, b'a'),
        "upperLetter" if spelled => letter(n, b'A'),
        "lowerRoman" if spelled => roman(n).to_lowercase(),
        "upperRoman" if spelled => roman(n),
        "bullet" | "none" => String::new(),
        _ => n.to_string(),
    }
}

fn letter(n: u32, base: u8) -> String {
    let k = (n.max(1) - 1) % 26;
    let repeat = (n.max(1) - 1) / 26 + 1;
    char::from(base + u8::try_from(k).unwrap_or(0))
        .to_string()
        .repeat(repeat as usize)
}

fn roman(mut n: u32) -> String {
    const TABLE: [(u32, &str); 13] = [
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ];
    let mut out = String::new();
    for (value, numeral) in TABLE {
        while n >= value {
            out.push_str(numeral);
            n -= value;
        }
    }
    out
}

/// A paragraph style's numbering settings (`w:numPr` in `styles.xml`), and the style it is
/// based on.
#[derive(Debug, Default, Clone)]
struct StyleDef {
    based_on: Option<String>,
    num: Option<String>,
    ilvl: Option<usize>,
    /// `w:outlineLvl` (0 is the outline's top), and the style's name.
    outline: Option<u8>,
    name: Option<String>,
}

impl StyleDef {
    /// One setting of the style, from an element inside it.
    fn set(&mut self, name: &[u8], value: Option<String>) {
        match name {
            b"basedOn" => self.based_on = value,
            b"numId" => self.num = value,
            b"ilvl" => self.ilvl = value.and_then(|v| v.parse().ok()),
            b"outlineLvl" => self.outline = value.and_then(|v| v.parse().ok()),
            b"name" => self.name = value,
            _ => {}
        }
    }
}

/// `styles.xml`: the paragraph styles that number their paragraphs (a "Heading 1" / "标题 1"
/// style numbered `一、` puts no number in the paragraphs' own properties).
#[derive(Debug, Default)]
struct Styles {
    by_id: HashMap<String, StyleDef>,
}

impl Styles {
    fn parse(xml: &[u8]) -> Result<Self, DocxError> {
        let mut out = Self::default();
        let mut current: Option<String> = None;
        each_tag(xml, |tag| match tag {
            Tag::Open(e) => {
                let name = local(e);
                if name == b"style" {
                    current = attr(e, b"styleId");
                } else if let Some(id) = current.as_ref() {
                    out.by_id
                        .entry(id.clone())
                        .or_default()
                        .set(&name, attr(e, b"val"));
                }
            }
            Tag::Close(b"style") => current = None,
            Tag::Close(_) => {}
        })?;
        Ok(out)
    }

    /// Whether style `id` titles a document: named a title, or at the outline's top level
    /// (its own or, through `w:basedOn`, its parent's).
    fn is_title(&self, id: &str) -> bool {
        let mut at = Some(id.to_owned());
        for _ in 0..16 {
            let Some(def) = at.as_ref().and_then(|i| self.by_id.get(i)) else {
                return false;
            };
            let named = def.name.as_deref().is_some_and(|n| {
                let n = n.to_lowercase();
                n == "title" || n == "标题" || n == "heading 1" || n == "标题 1"
            });
            if named || def.outline == Some(0) {
                return true;
            }
            if def.outline.is_some() {
                return false;
            }
            at.clone_from(&def.based_on);
        }
        false
    }

    /// The list and level a paragraph of style `id` is numbered in, following `w:basedOn`
    /// (a few steps at most: a style cannot be based on itself forever).
    fn numbering(&self, id: &str) -> Option<(String, usize)> {
        let mut num = None;
        let mut ilvl = None;
        let mut at = Some(id.to_owned());
        for _ in 0..16 {
            let Some(def) = at.as_ref().and_then(|i| self.by_id.get(i)) else {
                break;
            };
            num = num.or_else(|| def.num.clone());
            ilvl = ilvl.or(def.ilvl);
            at.clone_from(&def.based_on);
        }
        num.filter(|n| n != "0").map(|n| (n, ilvl.unwrap_or(0)))
    }
}

/// The paragraph being read.
#[derive(Debug, Default)]
struct Paragraph {
    text: String,
    /// Its own numbering: `Some(None)` when it turns its style's numbering off (`numId` 0).
    num: Option<Option<String>>,
    ilvl: usize,
    style: Option<String>,
    /// It starts a page (`w:pageBreakBefore`, or a page break just before it).
    new_page: bool,
}

/// `document.xml` read into lines.
#[derive(Default)]
struct Body {
    lines: Vec<String>,
    /// Paragraphs open (a text box's paragraph sits inside its anchor's).
    open: Vec<Paragraph>,
    /// Inside a table cell: the row's cells so far, and the cell's paragraphs.
    rows: Vec<Vec<String>>,
    cell: Option<Vec<String>>,
    /// Inside `w:t` (text to keep), and depth inside parts to skip (deleted text, field
    /// instructions, the fallback copy of a text box).
    in_text: bool,
    skip: usize,
    counters: Counters,
    /// Bytes of the lines so far.
    bytes: usize,
    /// A page break was met since the last paragraph ended.
    page_break: bool,
    /// Fields open (`w:fldChar` begin … end), each with its instruction as read so far.
    fields: Vec<String>,
    in_instr: bool,
    hints: Hints,
}

impl Body {
    fn read(
        xml: impl std::io::BufRead,
        parts: &Parts<'_>,
        head: Option<usize>,
    ) -> Result<(String, Hints), DocxError> {
        let mut body = Self::default();
        let mut reader = Reader::from_reader(xml);
        let mut buf = Vec::new();
        loop {
            let event = reader
                .read_event_into(&mut buf)
                .map_err(|e| DocxError::Xml(e.to_string()))?;
            match event {
                Event::Start(e) => body.start(&e, false),
                Event::Empty(e) => body.start(&e, true),
                Event::End(e) => {
                    let name = e.local_name().as_ref().to_vec();
                    body.end(&name, parts.numbering, parts.styles);
                }
                Event::Text(t) if body.in_instr && body.skip == 0 => {
                    let text = t.unescape().map_err(|e| DocxError::Xml(e.to_string()))?;
                    if let Some(instr) = body.fields.last_mut() {
                        instr.push_str(&text);
                    }
                }
                Event::Text(t) if body.in_text && body.skip == 0 => {
                    let text = t.unescape().map_err(|e| DocxError::Xml(e.to_string()))?;
                    if let Some(p) = body.open.last_mut() {
                        p.text.push_str(&text);
                    }
                }
                Event::Eof => break,
                _ => {}
            }
            buf.clear();
            let between = body.open.is_empty() && body.rows.is_empty();
            if between && head.is_some_and(|h| body.bytes >= h) {
                break;
            }
        }
        let mut text = body.lines.join("\n");
        text.push('\n');
        Ok((text, body.hints))
    }

    fn start(&mut self, e: &BytesStart<'_>, empty: bool) {
        let name = local(e);
        if self.skip > 0 {
            if !empty {
                self.skip += 1;
            }
            return;
        }
        match name.as_slice() {
            b"delText" | b"Fallback" | b"del" if !empty => self.skip = 1,
            b"instrText" => self.in_instr = !empty,
            b"fldChar" => self.field_char(attr(e, b"fldCharType").as_deref()),
            b"p" if !empty => {
                let new_page = std::mem::take(&mut self.page_break) || self.lines.is_empty();
                self.open.push(Paragraph {
                    new_page,
                    ..Paragraph::default()
                });
            }
            b"pageBreakBefore" if attr(e, b"val").is_none_or(|v| v != "0" && v != "false") => {
                if let Some(p) = self.open.last_mut() {
                    p.new_page = true;
                }
            }
            b"p" => self.finish_paragraph(Paragraph::default(), None),
            b"t" => self.in_text = !empty,
            b"tab" | b"ptab" => self.push('\t'),
            b"br" if attr(e, b"type").as_deref() == Some("page") => {
                // Before any text: this paragraph starts the page; after it, the next one does.
                match self.open.last_mut() {
                    Some(p) if p.text.trim().is_empty() => p.new_page = true,
                    _ => self.page_break = true,
                }
            }
            b"br" | b"cr" => self.push(' '),
            b"numId" => {
                if let Some(p) = self.open.last_mut() {
                    p.num = Some(attr(e, b"val").filter(|v| v != "0"));
                }
            }
            b"pStyle" => {
                if let Some(p) = self.open.last_mut() {
                    p.style = attr(e, b"val");
                }
            }
            b"ilvl" => {
                if let Some(p) = self.open.last_mut() {
                    p.ilvl = attr(e, b"val").and_then(|v| v.parse().ok()).unwrap_or(0);
                }
            }
            b"tr" => self.rows.push(Vec::new()),
            b"tc" => self.cell = Some(Vec::new()),
            _ => {}
        }
    }

    /// A field's begin, separator or end: the first `TOC` field's result is the 目录.
    fn field_char(&mut self, kind: Option<&str>) {
        match kind {
            Some("begin") => self.fields.push(String::new()),
            Some("separate") => {
                let toc = self
                    .fields
                    .last()
                    .is_some_and(|i| i.trim_start().starts_with("TOC"));
                if toc && self.hints.toc_field.is_none() {
                    self.hints.toc_field = Some(self.lines.len() + 1);
                }
            }
            Some("end") => {
                self.fields.pop();
            }
            _ => {}
        }
    }

    fn push(&mut self, c: char) {
        if let Some(p) = self.open.last_mut() {
            p.text.push(c);
        }
    }

    fn end(&mut self, name: &[u8], numbering: &Numbering, styles: &Styles) {
        if self.skip > 0 {
            self.skip -= 1;
            return;
        }
        match name {
            b"t" => self.in_text = false,
            b"instrText" => self.in_instr = false,
            b"p" => {
                if let Some(p) = self.open.pop() {
                    self.finish_paragraph(p, Some((numbering, styles)));
                }
            }
            b"tc" => {
                if let (Some(cell), Some(row)) = (self.cell.take(), self.rows.last_mut()) {
                    row.push(cell.join(" "));
                }
            }
            b"tr" => {
                if let Some(row) = self.rows.pop() {
                    self.lines.push(row.join(" | "));
                }
            }
            _ => {}
        }
    }

    /// A paragraph ends: its line, with Word's number in front if it is numbered; inside a
    /// table cell, a piece of the cell.
    fn finish_paragraph(&mut self, p: Paragraph, numbering: Option<(&Numbering, &Styles)>) {
        let marker = numbering
            .and_then(|(n, styles)| {
                // Its own numbering wins over its style's (and `numId` 0 turns it off).
                let (num, ilvl) = match &p.num {
                    Some(own) => (own.clone()?, p.ilvl),
                    None => styles.numbering(p.style.as_deref()?)?,
                };
                self.counters.marker(n, &num, ilvl)
            })
            .unwrap_or_default();
        let line = format!("{marker}{}", p.text);
        let titled = numbering
            .is_some_and(|(_, styles)| p.style.as_deref().is_some_and(|s| styles.is_title(s)));
        if p.new_page && self.cell.is_none() {
            if line.trim().is_empty() {
                // A paragraph that only breaks the page: the next one starts it.
                self.page_break = true;
            } else if titled {
                self.hints.titles.push(self.lines.len() + 1);
            }
        }
        self.bytes += line.len() + 1;
        match self.cell.as_mut() {
            Some(cell) => cell.push(line),
            None => self.lines.push(line),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_as_word_writes_them() {
        assert_eq!(han_numeral(1), "一");
        assert_eq!(han_numeral(10), "十");
        assert_eq!(han_numeral(11), "十一");
        assert_eq!(han_numeral(20), "二十");
        assert_eq!(han_numeral(23), "二十三");
        assert_eq!(han_numeral(101), "一百零一");
        assert_eq!(han_numeral(110), "一百一十");
        assert_eq!(format_number(3, "ideographTraditional"), "丙");
        assert_eq!(format_number(2, "decimalEnclosedCircle"), "②");
        assert_eq!(format_number(12, "decimalFullWidth"), "１２");
        assert_eq!(format_number(4, "upperRoman"), "IV");
        assert_eq!(format_number(28, "lowerLetter"), "bb");
        assert_eq!(format_number(u32::MAX, "upperLetter"), u32::MAX.to_string());
    }

    #[test]
    fn not_a_zip_and_no_document() {
        assert!(matches!(
            to_text(b"PK\x03\x04broken"),
            Err(DocxError::Zip(_))
        ));
        let mut empty = Cursor::new(Vec::new());
        {
            let mut w = zip::ZipWriter::new(&mut empty);
            w.start_file("readme.txt", zip::write::SimpleFileOptions::default())
                .expect("file");
            std::io::Write::write_all(&mut w, b"hello").expect("write");
            w.finish().expect("finish");
        }
        assert_eq!(to_text(empty.get_ref()), Err(DocxError::NotWord));
    }
}
