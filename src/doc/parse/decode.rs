//! Bytes → clean text: encoding detection, line-break normalisation, control characters.
//!
//! Order (tech-notes §4): a BOM decides; else strict UTF-8; else a UTF-16 guess from zero bytes;
//! else `chardetng` on a 64 KiB prefix, whose guess `encoding_rs` applies to the whole file.
//! Afterwards CRLF and lone CR become LF (one line each, so line numbers stay the file's), and
//! every control character other than TAB and LF becomes a visible Control Picture (U+2400 block)
//! or U+FFFD: document text is data and never reaches a terminal as an escape sequence (the
//! printable characters that still move a terminal's cursor, U+2028 and the bidi controls, are
//! replaced where text leaves for a terminal: [`crate::doc::safe`]).

use encoding_rs::{Encoding, UTF_8, UTF_16BE, UTF_16LE};

/// What decoding could not get past.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DecodeError {
    #[error("empty file")]
    Empty,
    #[error("binary file (NUL bytes), not a text compilation")]
    Binary,
    #[error("cannot decode the text (not UTF-8, UTF-16, GB18030/GBK or Big5)")]
    Undecodable,
    #[error(
        "is a PDF, not text: extract its text first (pdftotext -layout FILE out.txt) and open that"
    )]
    Pdf,
    #[error(
        "is a Word 97-2003 document (.doc, .wps) or an encrypted .docx: save it as .docx \
         (libreoffice --headless --convert-to docx FILE) and open that"
    )]
    WordBinary,
}

/// A file that is not text but a format huibian names: PDF, or an OLE container (Word
/// 97-2003, WPS, an encrypted .docx).
fn known_binary(bytes: &[u8]) -> Option<DecodeError> {
    if bytes.starts_with(b"%PDF") {
        Some(DecodeError::Pdf)
    } else if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
        Some(DecodeError::WordBinary)
    } else {
        None
    }
}

/// The decoded text and the name of the encoding it came from.
#[derive(Debug)]
pub struct Decoded {
    pub text: String,
    pub encoding: &'static str,
}

const SNIFF_PREFIX: usize = 64 * 1024;

/// Legacy encodings a Chinese compilation comes in (chardetng names GB18030 input GBK).
const SUPPORTED: [&Encoding; 3] = [encoding_rs::GBK, encoding_rs::GB18030, encoding_rs::BIG5];

/// Decodes a whole file.
///
/// # Errors
/// Empty input, binary data (NUL bytes outside UTF-16), or bytes that no supported encoding
/// decodes without many errors.
pub fn decode(bytes: &[u8]) -> Result<Decoded, DecodeError> {
    decode_owned(bytes.to_vec())
}

/// Decodes a whole file, reusing the buffer when it already holds UTF-8.
///
/// # Errors
/// As [`decode`].
pub fn decode_owned(mut owned: Vec<u8>) -> Result<Decoded, DecodeError> {
    if let Some(e) = known_binary(&owned) {
        return Err(e);
    }
    if owned.starts_with(&[0xEF, 0xBB, 0xBF]) {
        owned.drain(..3);
    }
    let owned = match utf8_string(owned) {
        // The common case, decided in one pass over the bytes: UTF-8 with nothing to clean.
        Ok((text, false)) if text.trim().is_empty() => return Err(DecodeError::Empty),
        Ok((text, false)) => {
            return Ok(Decoded {
                text,
                encoding: encoding_name(UTF_8),
            });
        }
        // NUL is valid UTF-8, but text with NULs is UTF-16 without a BOM or binary: see below.
        Ok((text, true)) if memchr::memchr(0, text.as_bytes()).is_some() => text.into_bytes(),
        Ok((text, true)) => return finish(text, UTF_8),
        Err(bytes) => bytes,
    };
    let bytes = owned.as_slice();
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(DecodeError::Empty);
    }
    let (text, encoding) = if let Some((enc, bom)) = Encoding::for_bom(bytes) {
        (decode_with(enc, &bytes[bom..])?, enc)
    } else if bytes.contains(&0) {
        // NUL is valid UTF-8, so UTF-16 without a BOM must be recognised before UTF-8.
        let enc = utf16_without_bom(bytes).ok_or(DecodeError::Binary)?;
        (decode_with(enc, bytes)?, enc)
    } else if let Some(enc) = (bytes.len() % 2 == 0)
        .then(|| utf16_without_bom(bytes))
        .flatten()
    {
        // UTF-16 of Chinese text alone (no line feed, no ASCII) has no zero byte at all.
        (decode_with(enc, bytes)?, enc)
    } else if mostly_utf8(bytes) {
        // A damaged UTF-8 file (a cut sequence, a flipped bit) stays UTF-8, with U+FFFD at the
        // damage; guessing a legacy encoding would turn all of it into mojibake.
        (String::from_utf8_lossy(bytes).into_owned(), UTF_8)
    } else {
        let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
        let prefix = &bytes[..bytes.len().min(SNIFF_PREFIX)];
        detector.feed(prefix, prefix.len() == bytes.len());
        let guess = detector.guess(None, chardetng::Utf8Detection::Allow);
        // Compilations are Chinese: a single-byte or Japanese/Korean guess means the bytes are
        // not text we can read, unless they happen to be clean GB18030.
        let enc = if SUPPORTED.contains(&guess) {
            guess
        } else {
            encoding_rs::GB18030
        };
        let text = decode_with(enc, bytes)?;
        if enc != guess && text.contains('\u{FFFD}') {
            return Err(DecodeError::Undecodable);
        }
        (text, enc)
    };
    finish(text, encoding)
}

/// The bytes as a `String` when they are valid UTF-8, with whether they hold anything for
/// [`clean`] to do (a control character, CR, NUL, a C1 code); else the bytes back, uncopied.
///
/// `std`'s validation costs about ten instructions a byte on Chinese text, the largest single
/// cost of opening a file; `simdutf8` validates at memory speed.
#[allow(unsafe_code)]
fn utf8_string(bytes: Vec<u8>) -> Result<(String, bool), Vec<u8>> {
    let halves = in_halves(&bytes, |h| {
        (simdutf8::basic::from_utf8(h).is_ok(), needs_cleaning(h))
    });
    if !halves.iter().all(|&(valid, _)| valid) {
        return Err(bytes);
    }
    let dirty = halves.iter().any(|&(_, dirty)| dirty);
    // SAFETY: simdutf8 has just validated exactly these bytes as UTF-8 (in two halves split
    // before a byte that is not a continuation byte, so no character spans the split and both
    // halves valid means the whole is valid), and nothing changed them.
    Ok((unsafe { String::from_utf8_unchecked(bytes) }, dirty))
}

/// Inputs at least this long are scanned by two threads (the machine has two cores; opening a
/// 100 MB file is bound by these passes over memory).
const PARALLEL_BYTES: usize = 8 << 20;

/// `scan` of `bytes`, or of its two halves on two threads when the input is large. The split is
/// where a UTF-8 character starts, so per-character checks mean the same on the halves as on
/// the whole (UTF-8 validity included: no character spans the split).
fn in_halves<T: Send>(bytes: &[u8], scan: impl Fn(&[u8]) -> T + Sync) -> Vec<T> {
    let mid = bytes.len() / 2;
    let split = (mid..bytes.len().min(mid + 4)).find(|&i| !(0x80..0xC0).contains(&bytes[i]));
    match split {
        Some(split) if bytes.len() >= PARALLEL_BYTES => {
            let (a, b) = bytes.split_at(split);
            std::thread::scope(|s| {
                let first = s.spawn(|| scan(a));
                let second = scan(b);
                match first.join() {
                    Ok(first) => vec![first, second],
                    // (A scan does not panic; if one did, scan the whole here.)
                    Err(_) => vec![scan(bytes)],
                }
            })
        }
        _ => vec![scan(bytes)],
    }
}

fn finish(text: String, encoding: &'static Encoding) -> Result<Decoded, DecodeError> {
    if memchr::memchr(0, text.as_bytes()).is_some() {
        return Err(DecodeError::Binary);
    }
    if text.trim().is_empty() {
        return Err(DecodeError::Empty);
    }
    Ok(Decoded {
        text: clean(text),
        encoding: encoding_name(encoding),
    })
}

fn decode_with(enc: &'static Encoding, bytes: &[u8]) -> Result<String, DecodeError> {
    let (text, had_errors) = enc.decode_without_bom_handling(bytes);
    if had_errors {
        // A stray bad byte in a long file is damage, not a wrong encoding: keep U+FFFD for it.
        // Many of them mean the bytes are not text in this encoding at all.
        let bad = text.chars().filter(|&c| c == '\u{FFFD}').count();
        let total = text.chars().count().max(1);
        if bad * 50 > total {
            return Err(DecodeError::Undecodable);
        }
    }
    Ok(text.into_owned())
}

/// Whether bytes that are not valid UTF-8 are still UTF-8 text with a few damaged sequences:
/// many valid multi-byte characters and at most one bad sequence per 2 000 bytes (at least 4).
fn mostly_utf8(bytes: &[u8]) -> bool {
    let mut bad = 0usize;
    let mut multibyte = 0usize;
    for chunk in bytes.utf8_chunks() {
        multibyte += chunk.valid().chars().filter(|c| !c.is_ascii()).count();
        bad += usize::from(!chunk.invalid().is_empty());
    }
    bad <= (bytes.len() / 2000).max(4) && multibyte >= bad * 20
}

/// UTF-16 without a BOM. Zero bytes, where there are any (line feeds, ASCII), sit mostly at
/// one parity, which gives the likelier byte order; Chinese text has few of them (and Han code
/// points ending in 00 put some at the other parity), so the sample decides, read in each order: nearly every character must be one a Chinese text is made of (Han, CJK and
/// full-width punctuation, ASCII, white space). Bytes of GB18030 or Big5 read as UTF-16 land in
/// Hangul and private-use code points and fail that check.
fn utf16_without_bom(bytes: &[u8]) -> Option<&'static Encoding> {
    let sample = &bytes[..bytes.len().min(8192) & !1];
    if sample.len() < 4 {
        return None;
    }
    let even = sample.iter().step_by(2).filter(|&&b| b == 0).count();
    let odd = sample
        .iter()
        .skip(1)
        .step_by(2)
        .filter(|&&b| b == 0)
        .count();
    // The likelier order first; the sample decides.
    let order = if odd >= even {
        [UTF_16LE, UTF_16BE]
    } else {
        [UTF_16BE, UTF_16LE]
    };
    order
        .iter()
        .copied()
        .find(|&enc| plausible_utf16(enc, sample))
}

/// Whether `sample` read as `enc` is nearly all characters of a Chinese text.
fn plausible_utf16(enc: &'static Encoding, sample: &[u8]) -> bool {
    let (text, _) = enc.decode_without_bom_handling(sample);
    let mut total = 0usize;
    let mut good = 0usize;
    for c in text.chars() {
        total += 1;
        good += usize::from(matches!(c,
            '\u{4E00}'..='\u{9FFF}' | '\u{3000}'..='\u{303F}' | '\u{FF00}'..='\u{FFEF}'
            | '\u{2000}'..='\u{206F}' | '\u{3400}'..='\u{4DBF}' | '\t' | '\n' | '\r'
            | ' '..='~' | '\u{00A0}'..='\u{00FF}' | '\u{2460}'..='\u{24FF}'));
    }
    total >= 2 && good * 10 >= total * 9
}

fn encoding_name(enc: &'static Encoding) -> &'static str {
    // chardetng names GB18030 input "GBK"; encoding_rs decodes GBK with the GB18030 decoder.
    if enc == encoding_rs::GBK || enc == encoding_rs::GB18030 {
        "gb18030"
    } else if enc == UTF_16LE {
        "utf-16le"
    } else if enc == UTF_16BE {
        "utf-16be"
    } else if enc == UTF_8 {
        "utf-8"
    } else if enc == encoding_rs::BIG5 {
        "big5"
    } else {
        enc.name()
    }
}

/// Whether the text holds a CR, a control character other than TAB and LF, DEL, or a C1
/// control (`C2 80`–`C2 9F` in UTF-8). The control test folds u8 lanes with no early exit, which
/// compiles to SIMD compares; C1 controls are found from the few `C2` lead bytes with memchr.
/// (Characters that reorder or break a terminal's line without being controls, such as U+202E,
/// are data here; [`crate::doc::safe`] replaces them where text leaves for a terminal.)
fn needs_cleaning(bytes: &[u8]) -> bool {
    let control = |b: u8| {
        u8::from(b < 0x20) & u8::from(b != b'\n') & u8::from(b != b'\t') | u8::from(b == 0x7f)
    };
    bytes
        .chunks(256)
        .any(|block| block.iter().fold(0u8, |acc, &b| acc | control(b)) != 0)
        || memchr::memchr_iter(0xC2, bytes)
            .any(|i| bytes.get(i + 1).is_some_and(|n| (0x80..0xA0).contains(n)))
}

/// Normalises line breaks and neutralises control characters. Returns the input untouched (no
/// copy) when there is nothing to do, which is the common case.
fn clean(text: String) -> String {
    if !in_halves(text.as_bytes(), needs_cleaning).contains(&true) {
        return text;
    }
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' => {
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                out.push('\n');
            }
            '\n' | '\t' => out.push(c),
            '\u{0}'..='\u{1f}' => {
                out.push(char::from_u32(0x2400 + u32::from(c)).unwrap_or('\u{FFFD}'));
            }
            '\u{7f}' => out.push('\u{2421}'),
            '\u{80}'..='\u{9f}' => out.push('\u{FFFD}'),
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_with_and_without_bom() {
        let d = decode("目录\n".as_bytes()).expect("utf8");
        assert_eq!((d.text.as_str(), d.encoding), ("目录\n", "utf-8"));
        let mut bom = vec![0xEF, 0xBB, 0xBF];
        bom.extend_from_slice("目录".as_bytes());
        let d = decode(&bom).expect("bom");
        assert_eq!((d.text.as_str(), d.encoding), ("目录", "utf-8"));
    }

    #[test]
    fn gb18030_crlf_keeps_one_line_per_break() {
        let (bytes, _, _) =
            encoding_rs::GB18030.encode("一、基本情况\r\n（一）总体\r\n\r\n旧\r新\n");
        let d = decode(&bytes).expect("gb18030");
        assert_eq!(d.encoding, "gb18030");
        assert_eq!(d.text, "一、基本情况\n（一）总体\n\n旧\n新\n");
    }

    #[test]
    fn utf16_le_and_be_with_bom_and_le_without() {
        let s = "2023年工作总结\n一、基本情况";
        let le: Vec<u8> = s.encode_utf16().flat_map(u16::to_le_bytes).collect();
        let be: Vec<u8> = s.encode_utf16().flat_map(u16::to_be_bytes).collect();
        let with_bom = |bom: [u8; 2], body: &[u8]| [&bom[..], body].concat();
        assert_eq!(decode(&with_bom([0xFF, 0xFE], &le)).expect("le").text, s);
        assert_eq!(
            decode(&with_bom([0xFE, 0xFF], &be)).expect("be").encoding,
            "utf-16be"
        );
        let ascii_le: Vec<u8> = "report 2023\nline two"
            .encode_utf16()
            .flat_map(u16::to_le_bytes)
            .collect();
        assert_eq!(decode(&ascii_le).expect("le no bom").encoding, "utf-16le");
    }

    #[test]
    fn big5_detected() {
        let (bytes, _, _) = encoding_rs::BIG5
            .encode("二〇二三年度工作總結彙編，國家統計局發佈的資料顯示經濟穩定增長。");
        let d = decode(&bytes).expect("big5");
        assert_eq!(d.encoding, "big5");
        assert!(d.text.contains("工作總結"));
    }

    #[test]
    fn damaged_utf8_stays_utf8() {
        let mut bytes = "2023年工作总结汇编，一、基本情况，二、2024年工作计划"
            .repeat(3)
            .into_bytes();
        bytes.remove(1 + "2023年工作总结汇编".len());
        bytes.insert(0, 0xE5);
        let d = decode(&bytes).expect("lossy");
        assert_eq!(d.encoding, "utf-8");
        assert!(d.text.contains("基本情况") && d.text.contains('\u{FFFD}'));
    }

    #[test]
    fn control_characters_become_visible() {
        let d = decode(b"a\x1b[2Jb\x07c\x7f").expect("ctl");
        assert_eq!(d.text, "a\u{241b}[2Jb\u{2407}c\u{2421}");
        assert!(!d.text.chars().any(char::is_control));
    }

    #[test]
    fn chinese_utf16_without_a_bom_in_either_order() {
        let text = "某局2023年工作总结\n一、基本情况\n全年工作取得成效。\n";
        let le: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
        let be: Vec<u8> = text.encode_utf16().flat_map(u16::to_be_bytes).collect();
        assert_eq!(
            decode(&le).map(|d| (d.text, d.encoding)),
            Ok((text.into(), "utf-16le"))
        );
        assert_eq!(
            decode(&be).map(|d| (d.text, d.encoding)),
            Ok((text.into(), "utf-16be"))
        );
        // Han alone, no line feed, no ASCII: not one zero byte.
        let han = "全年工作取得成效总结";
        let le: Vec<u8> = han.encode_utf16().flat_map(u16::to_le_bytes).collect();
        assert!(!le.contains(&0));
        assert_eq!(decode(&le).map(|d| d.text), Ok(han.into()));
        // The same words in GB18030 stay GB18030.
        let (gb, _, _) = encoding_rs::GB18030.encode(han);
        assert_eq!(decode(&gb).map(|d| d.encoding), Ok("gb18030"));
    }

    #[test]
    fn line_separators_and_bidi_controls_stay_data() {
        let text = "甲\u{2028}乙\u{202e}丙“丁”…";
        let d = decode(text.as_bytes()).expect("text");
        assert_eq!(
            d.text, text,
            "the model keeps the document's own characters"
        );
        assert!(!needs_cleaning(text.as_bytes()));
    }

    #[test]
    fn bad_input() {
        assert_eq!(decode(b"").unwrap_err(), DecodeError::Empty);
        assert_eq!(decode(b"  \n\n").unwrap_err(), DecodeError::Empty);
        assert_eq!(
            decode(b"\x7fELF\x02\x01\x01\0\0\0\0\0\0\0\0\0\x03\0>\0\x01\0\0\0\xff\xfe\x80")
                .unwrap_err(),
            DecodeError::Binary
        );
    }

    /// Large inputs are scanned in two halves on two threads: whatever sits in either half, and
    /// a character right at the split, must decide exactly as a single pass would.
    #[test]
    fn large_inputs_scanned_in_halves_decide_as_one_pass() {
        let line = "二〇二四年工作总结，全年完成各项任务。\n".repeat(PARALLEL_BYTES / 50);
        let d = decode(line.as_bytes()).expect("utf8");
        assert_eq!(d.text, line);
        let mid = line.len() / 2;
        for at in [
            3,
            mid - 40,
            mid - 2,
            mid - 1,
            mid,
            mid + 1,
            line.len() - 100,
        ] {
            // A control character or CR anywhere is cleaned.
            let mut bytes = line.clone().into_bytes();
            let i = (at..).find(|&i| bytes[i] == b'\n').expect("a line feed");
            bytes.insert(i, 0x1b);
            let d = decode(&bytes).expect("escape");
            assert!(d.text.contains('\u{241b}') && !d.text.contains('\u{1b}'));
            bytes[i] = b'\r';
            let d = decode(&bytes).expect("cr");
            assert!(!d.text.contains('\r'));
            assert_eq!(d.text.len(), line.len());
            // A broken sequence anywhere is not taken for valid UTF-8.
            let mut bytes = line.clone().into_bytes();
            let j = (at..).find(|&j| bytes[j] >= 0xE0).expect("a lead byte");
            bytes[j + 1] = b'x';
            let d = decode(&bytes).expect("damaged");
            assert!(d.text.contains('\u{FFFD}'), "damage at {j} found");
        }
    }
}
