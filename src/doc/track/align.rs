//! Setting a plan part beside the review written a year later, sentence by sentence.
//!
//! Chinese has no spaces, so a sentence's terms are its pairs of adjacent Han characters
//! (`东山组团` → 东山, 山组, 组团), its numbers with their unit (`93个`) and its Latin words.
//! A term found in many sentences of the two parts (`建设`, `加快`) says little; a rare one (a
//! project's, a road's, a park's name) says much: each term weighs `ln(N / df)`. A plan
//! sentence is set beside the review sentence that shares the most weight with it, provided
//! what they share is specific (a few rare terms, not a run of common ones); a review
//! sentence that shares that much with no plan sentence was "reported, not planned".

use std::collections::HashMap;

use super::passage::{Passage, is_han};
use crate::doc::parse::lexis::{fold_script, fold_width};

/// A plan sentence and the review sentence set beside it.
#[derive(Debug, Clone, PartialEq)]
pub struct Match {
    pub review: Passage,
    /// What they have in common, as phrases of the plan sentence (`东山组团`, `93个`).
    pub shared: Vec<String>,
    /// How much they share, in units of one rare term.
    pub score: f32,
}

/// One plan sentence, and what the next year's review said of it: the review sentence that
/// shares most with it, then any other that reports a part of it the first did not (a plan
/// sentence naming three projects may be answered by two review sentences). Empty: planned,
/// not mentioned a year later.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    pub plan: Passage,
    pub matches: Vec<Match>,
}

/// A plan part beside the review of the same year.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Alignment {
    /// Every plan sentence in order, matched or not.
    pub rows: Vec<Row>,
    /// Review sentences no plan sentence shares enough with, in order.
    pub reported_only: Vec<Passage>,
}

impl Alignment {
    /// The plan sentences set beside a review sentence.
    pub fn pairs(&self) -> impl Iterator<Item = (&Passage, &Match)> {
        self.rows
            .iter()
            .flat_map(|r| r.matches.iter().map(move |m| (&r.plan, m)))
    }

    /// The plan sentences the review does not mention.
    pub fn planned_only(&self) -> impl Iterator<Item = &Passage> {
        self.rows
            .iter()
            .filter(|r| r.matches.is_empty())
            .map(|r| &r.plan)
    }
}

/// Bigrams too common in this kind of writing to tie two sentences together, however rare
/// they happen to be in one short report: verbs of intent and progress, units, measures.
const COMMON: &str = "工作加快推进建设发展全面一步完成实施加强积极重点项目全区全市全县年内今年提升开展不断\
我们坚持落实推动确保实现达到增长亿元万元同比管理服务体系机制深入持续强化提高有效继续认真切实努力进行相关\
各项同时成效取得水平能力经济社会企业群众政府部门单位做好抓好健全完善优化保障促进增强着力大力扎实稳步组织\
制度政策改革创新质量安全规范标准一是二是三是四是五是六是要求目标任务主要今后下一一年全年以上方面情况问题\
万平平方方米万吨公里万人人次万亩投资开工完工竣工投入使用运营主体年底年末力争全力工程城市中心城区\
带动辐射快速升级提档示范特色融合高度重视专项基础设施结构调整";

/// A sentence as its terms are read: width and script folded, the list comma `、` between two
/// names dropped (`东、西外环` is `东西外环`).
struct Folded {
    chars: Vec<char>,
}

impl Folded {
    fn new(text: &str) -> Self {
        let chars = text
            .chars()
            .map(|c| fold_script(fold_width(c)))
            .filter(|&c| c != '、')
            .collect();
        Self { chars }
    }

    /// Its bigrams, each with the index of its first character.
    fn bigrams(&self) -> impl Iterator<Item = (usize, u64)> + '_ {
        self.chars
            .windows(2)
            .enumerate()
            .filter(|(_, w)| is_han(w[0]) && is_han(w[1]))
            .map(|(i, w)| (i, bigram(w[0], w[1])))
    }

    /// Its numbers and Latin words, each with its unit (`93个`, `4S店`).
    fn words(&self) -> Vec<String> {
        let chars = &self.chars;
        let mut words = Vec::new();
        let mut i = 0;
        while i < chars.len() {
            if chars[i].is_ascii_alphanumeric() {
                let start = i;
                while i < chars.len() && (chars[i].is_ascii_alphanumeric() || chars[i] == '.') {
                    i += 1;
                }
                // A number's unit belongs to it: `93个` is not `93亿元`.
                let unit = chars.get(i).copied().filter(|&u| is_han(u));
                let word: String = chars[start..i].iter().chain(unit.iter()).collect();
                if word.chars().count() >= 2 {
                    words.push(word);
                }
            } else {
                i += 1;
            }
        }
        words
    }
}

/// A sentence ready to be compared.
struct Sentence {
    folded: Folded,
    /// Its terms, sorted, each once.
    terms: Vec<u64>,
}

impl Sentence {
    fn new(text: &str) -> Self {
        let folded = Folded::new(text);
        let mut terms: Vec<u64> = folded.bigrams().map(|(_, b)| b).collect();
        terms.extend(folded.words().iter().map(|w| word_term(w)));
        terms.sort_unstable();
        terms.dedup();
        Self { folded, terms }
    }
}

/// What two sentences share, and how telling it is.
#[derive(Default)]
struct Shared {
    /// The shared names and numbers, as the plan sentence writes them.
    phrases: Vec<String>,
    score: f32,
    /// Where the shared names found in no more than a few sentences of either part are, in
    /// the plan sentence's characters.
    specific: Vec<(usize, usize)>,
    /// Enough to set the two side by side: a specific name and a little more, or much.
    enough: bool,
}

/// How often each term is found, over the sentences of both parts.
struct Counts {
    df: HashMap<u64, u32>,
    common: Vec<u64>,
    /// `ln(N / 2)`: the weight of a term found once in each part.
    unit: f32,
    n: f32,
}

impl Counts {
    fn new<'a>(all: impl Iterator<Item = &'a Sentence>) -> Self {
        let mut df: HashMap<u64, u32> = HashMap::new();
        let mut n = 0u32;
        for s in all {
            n += 1;
            for &t in &s.terms {
                *df.entry(t).or_default() += 1;
            }
        }
        let mut common: Vec<u64> = COMMON
            .chars()
            .collect::<Vec<_>>()
            .chunks(2)
            .map(|p| bigram(p[0], p[1]))
            .collect();
        common.sort_unstable();
        let n = n.max(4) as f32;
        Self {
            df,
            common,
            unit: (n / 2.0).ln(),
            n,
        }
    }

    fn df(&self, t: u64) -> u32 {
        self.df.get(&t).copied().unwrap_or(1).max(1)
    }

    /// A term that can tie two sentences: not a common bigram, not in most sentences.
    fn telling(&self, t: u64) -> bool {
        self.common.binary_search(&t).is_err() && (self.df(t) as f32) <= (self.n / 25.0).max(2.0)
    }

    /// What `plan` and `review` share: the runs of bigrams of the plan sentence the review
    /// sentence has too, each as rare as its rarest telling bigram (shown without the common
    /// words at its ends; one inside a name stays: `第三次全国经济普查`); and numbers.
    fn shared(&self, plan: &Sentence, review: &Sentence) -> Shared {
        let has = |b: u64| review.terms.binary_search(&b).is_ok();
        let chars = &plan.folded.chars;
        let mut runs: Vec<Vec<Link>> = Vec::new();
        for (i, b) in plan.folded.bigrams() {
            if !has(b) || FUNCTION.contains(chars[i]) || FUNCTION.contains(chars[i + 1]) {
                continue;
            }
            let link = Link {
                at: i,
                df: self.telling(b).then(|| self.df(b)),
                common: self.common.binary_search(&b).is_ok(),
            };
            match runs.last_mut() {
                Some(run) if run.last().is_some_and(|l| l.at + 1 == i) => run.push(link),
                _ => runs.push(vec![link]),
            }
        }
        let mut shared = Shared::default();
        let mut rare_of_three = 0;
        for run in runs {
            let Some(df) = run.iter().filter_map(|l| l.df).min() else {
                continue;
            };
            let Some(first) = run.iter().position(|l| !l.common) else {
                continue;
            };
            let last = run.iter().rposition(|l| !l.common).unwrap_or(first);
            let (start, end) = (run[first].at, run[last].at + 2);
            let len = run.iter().filter(|l| l.df.is_some()).count() + 1;
            let rarity = (self.n / df as f32).ln() / self.unit;
            // A longer name shared says more (and wins a tie).
            let length = if len >= 3 {
                1.0 + 0.1 * (len - 3).min(5) as f32
            } else {
                0.7
            };
            shared.score += rarity * rarity * length;
            // A rare name of four characters or more ties two sentences; one of three, only
            // with another beside it.
            if df <= 3 && len >= 3 {
                rare_of_three += 1;
                if len >= 4 {
                    shared.specific.push((start, end));
                }
            }
            shared.phrases.push(chars[start..end].iter().collect());
        }
        for w in plan.folded.words() {
            let t = word_term(&w);
            if has(t) && self.telling(t) && !shared.phrases.contains(&w) {
                let df = self.df(t);
                let rarity = (self.n / df as f32).ln() / self.unit;
                shared.score += rarity * rarity;
                // `700万` or `4S店` names a thing; `5个` does not.
                let figures = w.chars().filter(|c| c.is_ascii_alphanumeric()).count();
                if df <= 2 && (figures >= 3 || w.chars().any(|c| c.is_ascii_alphabetic())) {
                    rare_of_three += 2;
                }
                shared.phrases.push(w);
            }
        }
        shared.enough = shared.score >= 2.5
            || (shared.score >= 0.75 && (!shared.specific.is_empty() || rare_of_three >= 2));
        shared
    }
}

/// A bigram of a shared run: where it starts in the plan sentence, how many sentences have it
/// (when it is telling), whether it is a common word.
struct Link {
    at: usize,
    df: Option<u32>,
    common: bool,
}

/// Characters that join names rather than belong to them: a shared run stops at them.
const FUNCTION: &str = "的和及与了是在等对至为把将并或之其";

/// At most this many review sentences are set beside one plan sentence.
const MATCHES: usize = 3;

/// `plan` (the plan part for a year) beside `review` (the review of that year, a year later).
#[must_use]
pub fn align(plan: Vec<Passage>, review: Vec<Passage>) -> Alignment {
    let plan_s: Vec<Sentence> = plan.iter().map(|p| Sentence::new(&p.text)).collect();
    let review_s: Vec<Sentence> = review.iter().map(|p| Sentence::new(&p.text)).collect();
    let counts = Counts::new(plan_s.iter().chain(&review_s));
    let mut mentioned = vec![false; review.len()];
    let mut rows = Vec::with_capacity(plan.len());
    for (passage, ps) in plan.into_iter().zip(&plan_s) {
        let mut candidates: Vec<(usize, Shared)> = Vec::new();
        for (r, rs) in review_s.iter().enumerate() {
            let shared = counts.shared(ps, rs);
            if shared.enough {
                mentioned[r] = true;
                candidates.push((r, shared));
            }
        }
        candidates.sort_by(|a, b| b.1.score.total_cmp(&a.1.score));
        let mut matches: Vec<Match> = Vec::new();
        // The plan sentence's characters the chosen review sentences answer.
        let mut covered: Vec<(usize, usize)> = Vec::new();
        for (r, shared) in candidates {
            // After the best, only one that answers a name of the plan sentence the chosen
            // ones did not touch.
            let untouched =
                |&(s, e): &(usize, usize)| covered.iter().all(|&(a, b)| e <= a || b <= s);
            if !matches.is_empty()
                && (matches.len() >= MATCHES || !shared.specific.iter().any(untouched))
            {
                continue;
            }
            covered.extend(shared.specific.iter().copied());
            matches.push(Match {
                review: review[r].clone(),
                shared: shared.phrases,
                score: shared.score,
            });
        }
        rows.push(Row {
            plan: passage,
            matches,
        });
    }
    let reported_only = review
        .into_iter()
        .zip(mentioned)
        .filter_map(|(p, m)| (!m).then_some(p))
        .collect();
    Alignment {
        rows,
        reported_only,
    }
}

/// Tags a term that is a number or a Latin word rather than a bigram.
const WORD: u64 = 1 << 63;

fn bigram(a: char, b: char) -> u64 {
    (u64::from(a) << 21) | u64::from(b)
}

fn word_term(word: &str) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut h = std::collections::hash_map::DefaultHasher::new();
    word.hash(&mut h);
    WORD | (h.finish() >> 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn passage(line: usize, text: &str) -> Passage {
        Passage {
            line,
            text: text.into(),
            under: None,
        }
    }

    #[test]
    fn a_named_project_ties_a_plan_to_its_report() {
        let plan = vec![
            passage(
                1,
                "全面加快东山组团建设，完成呼伦大街、望城路等9条道路工程。",
            ),
            passage(2, "要继续深化卫生城创建，加强城市卫生清扫保洁工作。"),
            passage(3, "积极发展壮大非公经济，拓展助保贷业务。"),
        ];
        let review = vec![
            passage(10, "东山组团呼伦大街、望城路建成通车。"),
            passage(11, "卫生城创建通过国家复审。"),
            passage(12, "成功举办冬泳、雪地摩托车等系列冰雪赛事。"),
        ];
        let a = align(plan, review);
        let lines: Vec<(usize, Option<usize>)> = a
            .rows
            .iter()
            .map(|r| (r.plan.line, r.matches.first().map(|m| m.review.line)))
            .collect();
        assert_eq!(lines, [(1, Some(10)), (2, Some(11)), (3, None)]);
        assert_eq!(
            a.rows[0].matches.first().map(|m| m.shared.clone()),
            Some(vec!["东山组团".into(), "呼伦大街望城路".into()])
        );
        assert_eq!(
            a.reported_only.iter().map(|p| p.line).collect::<Vec<_>>(),
            [12]
        );
    }
}
