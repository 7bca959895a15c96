//! Small lexical helpers shared by the parsing steps: width folding, Chinese numerals, the
//! normalised form of a title used to compare a TOC entry with the body, report markers.

/// Folds a full-width form to its half-width twin (`（`→`(`, `２`→`2`, U+3000→space); any other
/// character is returned as it is.
#[must_use]
pub fn fold_width(c: char) -> char {
    match c {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        '\u{3000}' => ' ',
        _ => c,
    }
}

/// Traditional characters of the words the parser reads (report kinds, plan and review words,
/// problems, commitments), paired with their simplified forms: every character of the parser's
/// vocabulary that OpenCC's s2t table writes differently, so 總結, 計劃, 規劃, 謀劃, 要點, 與,
/// 問題, 風險, 工作報告 read as their simplified forms. Sorted by the first.
const TRADITIONAL: [(char, char); 103] = [
    ('來', '来'),
    ('個', '个'),
    ('們', '们'),
    ('側', '侧'),
    ('傳', '传'),
    ('兩', '两'),
    ('劃', '划'),
    ('動', '动'),
    ('務', '务'),
    ('勢', '势'),
    ('匯', '汇'),
    ('區', '区'),
    ('員', '员'),
    ('問', '问'),
    ('圍', '围'),
    ('團', '团'),
    ('堅', '坚'),
    ('報', '报'),
    ('學', '学'),
    ('實', '实'),
    ('寶', '宝'),
    ('將', '将'),
    ('專', '专'),
    ('對', '对'),
    ('層', '层'),
    ('庫', '库'),
    ('廳', '厅'),
    ('強', '强'),
    ('後', '后'),
    ('慮', '虑'),
    ('應', '应'),
    ('戰', '战'),
    ('據', '据'),
    ('擬', '拟'),
    ('於', '于'),
    ('時', '时'),
    ('會', '会'),
    ('構', '构'),
    ('標', '标'),
    ('機', '机'),
    ('歡', '欢'),
    ('況', '况'),
    ('爭', '争'),
    ('當', '当'),
    ('發', '发'),
    ('盤', '盘'),
    ('確', '确'),
    ('筆', '笔'),
    ('範', '范'),
    ('組', '组'),
    ('結', '结'),
    ('經', '经'),
    ('網', '网'),
    ('編', '编'),
    ('縣', '县'),
    ('總', '总'),
    ('績', '绩'),
    ('繞', '绕'),
    ('繼', '继'),
    ('續', '续'),
    ('羣', '群'),
    ('習', '习'),
    ('職', '职'),
    ('與', '与'),
    ('舉', '举'),
    ('著', '着'),
    ('處', '处'),
    ('號', '号'),
    ('衆', '众'),
    ('規', '规'),
    ('訂', '订'),
    ('計', '计'),
    ('設', '设'),
    ('評', '评'),
    ('謀', '谋'),
    ('議', '议'),
    ('貫', '贯'),
    ('輯', '辑'),
    ('辦', '办'),
    ('這', '这'),
    ('進', '进'),
    ('過', '过'),
    ('達', '达'),
    ('選', '选'),
    ('鄉', '乡'),
    ('醫', '医'),
    ('錄', '录'),
    ('錦', '锦'),
    ('鎮', '镇'),
    ('開', '开'),
    ('間', '间'),
    ('關', '关'),
    ('隊', '队'),
    ('階', '阶'),
    ('險', '险'),
    ('難', '难'),
    ('項', '项'),
    ('題', '题'),
    ('顧', '顾'),
    ('風', '风'),
    ('體', '体'),
    ('點', '点'),
    ('黨', '党'),
];

/// The simplified form of a traditional character the parser reads (see [`TRADITIONAL`]);
/// any other character as it is.
///
/// ```
/// use huibian::doc::parse::lexis::fold_script;
/// assert_eq!("總結與計劃".chars().map(fold_script).collect::<String>(), "总结与计划");
/// ```
#[must_use]
pub fn fold_script(c: char) -> char {
    if (c as u32) < 0x4E00 {
        return c;
    }
    TRADITIONAL
        .binary_search_by_key(&c, |&(t, _)| t)
        .map_or(c, |i| TRADITIONAL[i].1)
}

/// A year written in Chinese digits (`二〇二五`, `二零二五`) as a number.
fn han_digit_year(s: &str) -> Option<u32> {
    let mut year = 0;
    let mut count = 0;
    for c in s.chars() {
        let d = match c {
            '〇' | '零' | 'Ｏ' | 'O' | '○' => 0,
            _ => u32::try_from("一二三四五六七八九".chars().position(|h| h == c)? + 1).ok()?,
        };
        year = year * 10 + d;
        count += 1;
    }
    (count == 4).then_some(year)
}

/// The value of a Chinese numeral from 一 (1) to 九十九 (99); `None` for anything else.
///
/// ```
/// use huibian::doc::parse::lexis::han_number;
/// assert_eq!(han_number("十四"), Some(14));
/// assert_eq!(han_number("二十"), Some(20));
/// assert_eq!(han_number("四是"), None);
/// ```
#[must_use]
pub fn han_number(s: &str) -> Option<u32> {
    let digit = |c: char| {
        "〇一二三四五六七八九"
            .chars()
            .position(|d| d == c)
            .map(|p| p as u32)
    };
    let chars: Vec<char> = s.chars().collect();
    match chars.as_slice() {
        [c] if *c == '十' => Some(10),
        [c] => digit(*c).filter(|&d| d > 0),
        ['十', u] => digit(*u).filter(|&d| d > 0).map(|d| 10 + d),
        [t, '十'] => digit(*t).filter(|&d| d > 1).map(|t| t * 10),
        [t, '十', u] => {
            let (t, u) = (digit(*t)?, digit(*u)?);
            (t > 1 && u > 0).then_some(t * 10 + u)
        }
        _ => None,
    }
}

/// `n` in Chinese numerals, as Word's numbering writes them and [`han_number`] reads them
/// back (`十一`, `二十`, `一百零一`).
///
/// ```
/// use huibian::doc::parse::lexis::{han_number, han_numeral};
/// assert_eq!(han_numeral(14), "十四");
/// assert!((1..100).all(|n| han_number(&han_numeral(n)) == Some(n)));
/// ```
#[must_use]
pub fn han_numeral(n: u32) -> String {
    const DIGITS: [&str; 10] = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
    match n {
        0..=9 => DIGITS[n as usize].to_owned(),
        10..=19 => format!(
            "十{}",
            if n > 10 {
                DIGITS[(n % 10) as usize]
            } else {
                ""
            }
        ),
        20..=99 => format!(
            "{}十{}",
            DIGITS[(n / 10) as usize],
            if !n.is_multiple_of(10) {
                DIGITS[(n % 10) as usize]
            } else {
                ""
            }
        ),
        _ => {
            let rest = n % 100;
            let tail = match rest {
                0 => String::new(),
                1..=9 => format!("零{}", DIGITS[rest as usize]),
                10..=19 => format!("一{}", han_numeral(rest)),
                _ => han_numeral(rest),
            };
            format!("{}百{tail}", DIGITS[((n / 100) % 10) as usize])
        }
    }
}

/// Length of the longest prefix of `s` made of Chinese numeral characters (in bytes).
#[must_use]
pub fn han_numeral_prefix(s: &str) -> usize {
    s.char_indices()
        .find(|&(_, c)| !"〇一二三四五六七八九十".contains(c))
        .map_or(s.len(), |(i, _)| i)
}

/// The value of a run of ASCII or full-width digits.
#[must_use]
pub fn digits_value(s: &str) -> Option<u32> {
    let mut v: u32 = 0;
    let mut any = false;
    for c in s.chars() {
        let d = fold_width(c).to_digit(10)?;
        v = v.checked_mul(10)?.checked_add(d)?;
        any = true;
    }
    any.then_some(v)
}

/// Length in bytes of the longest prefix of ASCII or full-width digits.
#[must_use]
pub fn digit_prefix(s: &str) -> usize {
    s.char_indices()
        .find(|&(_, c)| !fold_width(c).is_ascii_digit())
        .map_or(s.len(), |(i, _)| i)
}

/// Length in bytes of the longest suffix of ASCII or full-width digits.
#[must_use]
pub fn digit_suffix(s: &str) -> usize {
    s.len()
        - s.char_indices()
            .rev()
            .find(|&(_, c)| !fold_width(c).is_ascii_digit())
            .map_or(0, |(i, c)| i + c.len_utf8())
}

/// Whether `c` is an opening bracket of either width.
#[must_use]
pub fn is_open_paren(c: char) -> bool {
    matches!(c, '(' | '（')
}

/// Whether `c` is a closing bracket of either width.
#[must_use]
pub fn is_close_paren(c: char) -> bool {
    matches!(c, ')' | '）')
}

/// The normalised form of a title, for comparing a TOC entry with a body line: report markers
/// (`篇一：`, `【第一篇】`, `1.`) dropped, widths folded, white space and quoting punctuation
/// removed, Latin letters lower-cased.
#[must_use]
pub fn title_key(s: &str) -> String {
    let s = strip_report_marker(s.trim()).1;
    s.chars()
        .map(fold_width)
        .filter(|c| {
            !c.is_whitespace()
                && !matches!(
                    c,
                    '“' | '”'
                        | '‘'
                        | '’'
                        | '"'
                        | '\''
                        | '《'
                        | '》'
                        | '〈'
                        | '〉'
                        | '<'
                        | '>'
                        | '「'
                        | '」'
                        | '『'
                        | '』'
                        | '·'
                        | '•'
                        | '、'
                        | ','
                        | '，'
                        | '.'
                        | '。'
                        | ':'
                        | '：'
                        | '-'
                        | '—'
                        | '_'
                )
        })
        .fold(String::with_capacity(s.len()), |mut key, c| {
            // Han characters and CJK punctuation have no case: skip the case tables for them
            // (the costliest step of keying thousands of TOC titles).
            match c {
                '\u{3000}'..='\u{9FFF}' | '\u{F900}'..='\u{FAFF}' => key.push(c),
                c if c.is_ascii() => key.push(c.to_ascii_lowercase()),
                c => key.extend(c.to_lowercase()),
            }
            key
        })
}

/// Splits a leading report marker off a title line: `篇一：`, `【第一篇】`, `第一篇`, `第1篇：`,
/// `（一）`-free. Returns `(marker, rest)`; the marker is empty when there is none.
#[must_use]
pub fn strip_report_marker(s: &str) -> (&str, &str) {
    let t = s.trim_start();
    // 【第一篇】 / [第一篇]
    if let Some(rest) = t.strip_prefix('【').or_else(|| t.strip_prefix('['))
        && let Some(end) = rest.find(['】', ']'])
        && is_piece_counter(&rest[..end])
    {
        let after = &rest[end + rest[end..].chars().next().map_or(0, char::len_utf8)..];
        return split_after_separators(t, t.len() - after.len());
    }
    // 第一篇 / 第1篇
    if let Some(n) = is_piece_counter_prefix(t) {
        return split_after_separators(t, n);
    }
    // 篇一：
    if let Some(rest) = t.strip_prefix('篇') {
        let n = han_numeral_prefix(rest).max(digit_prefix(rest));
        if n > 0 {
            let after = &rest[n..];
            if after.starts_with(['：', ':', '、', ' ', '　', '.', '．']) {
                return split_after_separators(t, t.len() - after.len());
            }
        }
    }
    ("", t)
}

/// `第一篇` / `第12篇` as a whole string.
fn is_piece_counter(s: &str) -> bool {
    is_piece_counter_prefix(s) == Some(s.len())
}

/// Byte length of a leading `第N篇`, if the string starts with one.
fn is_piece_counter_prefix(s: &str) -> Option<usize> {
    let rest = s.strip_prefix('第')?;
    let n = han_numeral_prefix(rest).max(digit_prefix(rest));
    if n == 0 {
        return None;
    }
    rest[n..]
        .starts_with('篇')
        .then(|| '第'.len_utf8() + n + '篇'.len_utf8())
}

fn split_after_separators(t: &str, marker_len: usize) -> (&str, &str) {
    let rest =
        t[marker_len..].trim_start_matches(['：', ':', '、', ' ', '　', '.', '．', '—', '-']);
    (&t[..t.len() - rest.len()], rest)
}

/// Whether the line is a bare report marker (`【第一篇】`, `第一篇`, `篇一`, `篇1`, `范文一`).
#[must_use]
pub fn is_bare_report_marker(s: &str) -> bool {
    let t = s.trim();
    let (marker, rest) = strip_report_marker(t);
    if !marker.is_empty() && rest.is_empty() {
        return true;
    }
    ["篇", "范文"].iter().any(|p| {
        t.strip_prefix(p)
            .is_some_and(|r| !r.is_empty() && han_numeral_prefix(r).max(digit_prefix(r)) == r.len())
    })
}

/// A title spaced out letter by letter (`政 府 工 作 报 告`, `甲 局 2 0 2 3 年 工 作 总 结`) closed
/// up; any other line as it is.
#[must_use]
pub fn close_up(line: &str) -> std::borrow::Cow<'_, str> {
    let mut words = line.split_whitespace();
    let spaced = line.split_whitespace().count() >= 3
        && line.split_whitespace().all(|w| w.chars().count() == 1);
    if spaced {
        std::borrow::Cow::Owned(words.by_ref().collect())
    } else {
        std::borrow::Cow::Borrowed(line)
    }
}

/// The first four-digit year 19xx/20xx written in `s` followed by 年, if any.
pub fn years(s: &str) -> impl Iterator<Item = u32> + '_ {
    s.match_indices('年').filter_map(move |(i, _)| {
        let head = &s[..i];
        let n = digit_suffix(head);
        let digits = &head[head.len() - n..];
        let arabic = (digits.chars().count() == 4)
            .then(|| digits_value(digits))
            .flatten();
        // `二〇二五年`, `二零二四年`: the last four characters before 年.
        let han = || {
            let start = head.char_indices().rev().nth(3).map(|(at, _)| at)?;
            han_digit_year(&head[start..])
        };
        arabic.or_else(han).filter(|y| (1900..2200).contains(y))
    })
}

/// Number of characters in `s`.
#[must_use]
pub fn char_len(s: &str) -> usize {
    s.chars().count()
}

/// Dice coefficient of the character bigrams of two strings.
#[must_use]
pub fn similarity(a: &str, b: &str) -> f64 {
    let grams = |s: &str| {
        let c: Vec<char> = s.chars().collect();
        let mut g: Vec<(char, char)> = c.windows(2).map(|w| (w[0], w[1])).collect();
        g.sort_unstable();
        g
    };
    let (ga, gb) = (grams(a), grams(b));
    if ga.is_empty() || gb.is_empty() {
        return if a == b { 1.0 } else { 0.0 };
    }
    let (mut i, mut j, mut common) = (0, 0, 0usize);
    while i < ga.len() && j < gb.len() {
        match ga[i].cmp(&gb[j]) {
            std::cmp::Ordering::Equal => {
                common += 1;
                i += 1;
                j += 1;
            }
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
        }
    }
    #[allow(clippy::cast_precision_loss)]
    let score = 2.0 * common as f64 / (ga.len() + gb.len()) as f64;
    score
}

/// Whether a line is a page number standing alone: `- 3 -`, `— 12 —`, `第3页`, or (in a
/// hard-wrapped text) a bare `3`.
#[must_use]
pub fn is_page_number(line: &str, wrapped: bool) -> bool {
    let t = line.trim();
    let inner = t.trim_matches(['-', '—', '－', '–', ' ', '　']);
    let (inner, paged) = match inner.strip_prefix('第').and_then(|r| r.strip_suffix('页')) {
        Some(n) => (n, true),
        None => (inner, false),
    };
    let dashed = inner.len() < t.len();
    !inner.is_empty()
        && inner.len() <= 3
        && inner.bytes().all(|b| b.is_ascii_digit())
        && (paged || dashed || wrapped)
}

/// Whether a line could be a website's watermark: short, no sentence in it, and naming a site or
/// a download (`第一范文网 www.diyifanwen.com`, `本文来源于某某文库，仅供参考`).
#[must_use]
pub fn is_watermark_like(line: &str) -> bool {
    const SITE: [&str; 10] = [
        "www.",
        ".com",
        ".cn",
        "http",
        "文库",
        "范文网",
        "下载",
        "转载",
        "仅供参考",
        "版权所有",
    ];
    let t = line.trim();
    // One pass for the words' first characters before any word is looked for: this is asked
    // of every short line.
    (4..=120).contains(&t.len())
        && t.contains(['.', 'h', '文', '范', '下', '转', '仅', '版'])
        && !t.contains('。')
        && SITE.iter().any(|w| t.contains(w))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn traditional_table_sorted_and_years_in_chinese_digits() {
        assert!(TRADITIONAL.windows(2).all(|w| w[0].0 < w[1].0));
        assert_eq!(years("二〇二五年工作安排").collect::<Vec<_>>(), vec![2025]);
        assert_eq!(years("二零二四年計劃").collect::<Vec<_>>(), vec![2024]);
        assert_eq!(
            years("2023年和２０２４年").collect::<Vec<_>>(),
            vec![2023, 2024]
        );
        assert_eq!(years("十年来").count(), 0);
        assert_eq!(years("一二三四五年").count(), 0);
    }

    #[test]
    fn numerals() {
        assert_eq!(han_number("一"), Some(1));
        assert_eq!(han_number("十"), Some(10));
        assert_eq!(han_number("十五"), Some(15));
        assert_eq!(han_number("二十三"), Some(23));
        assert_eq!(han_number("一十"), None);
        assert_eq!(han_number(""), None);
        assert_eq!(digits_value("１２"), Some(12));
    }

    #[test]
    fn keys_fold_width_space_and_markers() {
        assert_eq!(
            title_key(" 篇一：XX局２０２３年 工作总结"),
            title_key("XX局2023年工作总结")
        );
        assert_eq!(
            title_key("【第三篇】“双随机、一公开”总结"),
            "双随机一公开总结"
        );
        assert_ne!(
            title_key("2023年工作总结和2024年工作计划"),
            title_key("2023年工作总结及2024年工作计划")
        );
    }

    #[test]
    fn report_markers() {
        assert_eq!(
            strip_report_marker("篇一：镇2023年工作总结"),
            ("篇一：", "镇2023年工作总结")
        );
        assert_eq!(
            strip_report_marker("【第十二篇】镇总结"),
            ("【第十二篇】", "镇总结")
        );
        assert_eq!(strip_report_marker("第3篇 镇总结"), ("第3篇 ", "镇总结"));
        assert_eq!(strip_report_marker("篇章结构"), ("", "篇章结构"));
        assert!(is_bare_report_marker("【第一篇】"));
        assert!(is_bare_report_marker("篇二"));
        assert!(!is_bare_report_marker("篇章"));
    }

    #[test]
    fn year_scan() {
        assert_eq!(
            years("2023年工作总结和2024年工作计划").collect::<Vec<_>>(),
            vec![2023, 2024]
        );
        assert_eq!(years("12023年").count(), 0);
    }
}
