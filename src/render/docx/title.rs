//! Long titles broken into balanced lines the way a typesetter would (GB/T 9704: 词意完整，
//! 排列对称): never inside a word of the genre's lexicon, a numeral phrase (`二十届四中全会`) or
//! a run of Latin letters and digits; no closing punctuation at a line start and no opening
//! punctuation at a line end; a `——` subtitle split off to its own paragraph.
//!
//! A lexicon rather than a word segmenter: jieba's dictionary (≈350,000 words) would be loaded
//! on every run, while the whole .docx costs about two milliseconds; titles of the genre are
//! built from a few hundred meeting and policy words. Memory is linear in the title's length
//! and time `O(n log n)`: the shortest feasible longest line is found by binary search, each
//! candidate checked greedily.

use aho_corasick::AhoCorasick;
use std::sync::OnceLock;

/// Words a title line may start with: the meeting's name begins here.
#[rustfmt::skip]
const BREAK_BEFORE: &[&str] = &[
    "述职", "评议", "推进会", "工作会", "动员", "部署", "座谈", "表彰", "总结", "暨", "专题", "会议", "上的讲话", "上的发言",
    "讲话提纲", "上的讲话提纲", "上的致辞", "上的报告",
];

/// Characters a title line may end with.
const BREAK_AFTER: &[char] = &['的', '”', '》', '）', '，', '：', '、', '在'];

/// Conjunctions that join two meeting names: they open the second line, never end the first.
const JOINING: &[char] = &['暨', '及', '和', '与'];

/// Punctuation that may not start a line.
#[rustfmt::skip]
const CLOSING: &[char] = &[
    '，', '。', '、', '；', '：', '？', '！', '”', '’', '）', '》', '」', '』', '】', '〕', '〉',
    '…', '—', '·', '%', '％', ',', '.', ';', ':', '?', '!', ')', ']',
];

/// Punctuation that may not end a line.
const OPENING: &[char] = &['“', '‘', '（', '《', '「', '『', '【', '〔', '〈', '(', '['];

/// Words of the genre's titles that must stay on one line.
#[rustfmt::skip]
const LEXICON: &[&str] = &[
    // meetings and their parts
    "会议", "全会", "中全会", "全体会议", "电视电话会议", "视频会议", "扩大会议", "常委会", "常务会议", "常务委员会", "工作会议", "工作会", "座谈会", "推进会", "部署会",
    "动员会", "调度会", "总结会", "表彰会", "评议会", "述职评议会", "汇报会", "报告会", "例会", "联席会议", "大会", "代表大会", "表彰大会",
    "动员大会", "誓师大会", "推进大会", "开幕会", "闭幕会", "开幕式", "闭幕式", "开班式", "结业式", "开学典礼", "毕业典礼", "典礼", "仪式",
    "启动仪式", "揭牌仪式", "研讨班", "培训班", "读书班", "专题班", "学习班", "民主生活会", "组织生活会", "生活会", "中心组", "理论学习中心组",
    "集体学习", "专题学习", "专题研讨", "研讨会", "论坛", "峰会", "年会", "茶话会", "团拜会", "招待会", "纪念会", "座谈", "会上",
    "委员会", "纪律检查委员会", "人民代表大会", "政治协商会议", "党代会", "人代会", "政协", "人大", "党委", "党组", "政府", "机关", "全体",
    "第一次", "第二次", "第三次", "第四次", "第五次",
    // speech kinds
    "讲话", "讲话提纲", "发言", "致辞", "报告", "工作报告", "说明", "提纲", "党课", "讲稿", "宣讲", "动员", "部署", "述职", "评议",
    "表彰", "总结", "纪念", "周年", "暨",
    // policy words
    "体系", "治理", "治理体系", "治理能力", "现代化", "高质量", "发展", "建设", "党建", "基层", "书记", "组织", "工作", "作风",
    "营商环境", "安全生产", "乡村振兴", "全面从严治党", "党风廉政建设", "廉政", "警示教育", "主题教育", "学习教育", "党史", "理论", "精神",
    "思想", "贯彻落实", "深入学习", "学习贯彻", "新时代", "中国特色社会主义", "习近平", "经济", "经济工作", "社会", "文化", "生态", "文明",
    "城市", "农村", "改革", "开放", "创新", "科技", "教育", "人才", "干部", "队伍", "作风建设", "纪律", "监督", "巡视", "巡察",
    "审计", "统计", "信访", "维稳", "稳定", "安全", "应急", "防汛", "消防", "疫情", "防控", "民生", "就业", "招商", "引资",
    "项目", "产业", "企业", "园区", "开发区", "高新区", "共青团", "青年", "妇女", "工会", "统战", "宣传", "思想政治", "意识形态",
    "网络", "全市", "全县", "全区", "全省", "全镇", "全乡", "全国", "全系统", "全行业", "提升年", "攻坚年", "落实年", "活动", "行动",
    "工程", "计划", "规划", "纲要", "方案", "第二阶段", "阶段", "创建", "五星支部", "支部", "换届", "选举", "就职", "任职", "开学",
    "毕业", "新生", "学生", "大学", "学院", "学校", "春节", "新年", "团拜", "环境", "人居环境", "整治",
    "现场", "现场会", "振兴", "庆祝", "退役军人", "双拥", "模范", "科技创新", "人才工作", "生态环境",
    // more policy and administrative words
    "组织部", "宣传部", "统战部", "政法委", "纪委", "监委", "纪委监委", "人民政府", "党校", "研讨", "交流", "经验", "交流会", "推介会", "观摩", "观摩会",
    "誓师", "启动", "调研", "领导干部", "党员干部", "全体党员", "警示", "廉洁", "反腐败", "反腐倡廉", "纪律作风", "营商", "招商引资", "项目建设", "重点项目",
    "重大项目", "民营经济", "实体经济", "数字经济", "数字化", "数字政府", "智慧城市", "文明城市", "卫生城市", "生态文明", "环境保护", "污染防治", "攻坚战", "攻坚",
    "脱贫", "脱贫攻坚", "巩固", "衔接", "乡村", "农业", "农民", "粮食", "食品安全", "防汛抗旱", "森林防火", "社会治理", "基层治理", "平安建设", "法治建设",
    "扫黑除恶", "禁毒", "国家安全", "保密", "统一战线", "民族团结", "宗教", "国防", "老干部", "离退休", "妇联", "残联", "科协", "侨联", "工商联", "新闻",
    "舆论", "文化旅游", "旅游", "体育", "卫生健康", "医疗", "医保", "养老", "社会保障", "住房", "城乡建设", "城市更新", "交通", "水利", "能源", "电力",
    "金融", "财政", "税收", "预算", "国有企业", "改革开放", "深化改革", "高质量发展", "共同富裕",
    "担当作为", "真抓实干", "开局", "收官", "十四五", "十五五", "先进", "劳动模范", "优秀", "共产党员", "党组织", "党支部",
    "两优一先", "建党", "成立", "全会精神", "会议精神", "讲话精神", "重要讲话", "重要指示", "民主", "述责", "述廉", "考核", "测评", "巡视整改", "整改", "反馈",
    "开班", "结业", "辅导", "人民代表", "政协委员", "常委", "书记处", "机关党委", "机关党建", "党风", "政风", "行风", "家风", "清廉", "服务", "管理", "保障",
    "监管", "执法", "司法", "公安", "检察", "法院", "信息化", "现代", "产业链", "供应链", "制造业", "服务业", "招才引智", "双招双引", "开放型", "一体化",
    "协同发展", "区域", "流域", "黄河", "长江", "大湾区", "自贸区", "新区", "示范区", "试验区", "县域", "镇村", "社区", "街道", "乡镇", "村级",
    "集体经济", "合作社", "龙头企业", "市场主体", "民生实事", "为民办实事", "我为群众办实事",
];

/// Characters that count inside a Chinese numeral phrase (`二十届四中全会`, `第十四次`).
#[rustfmt::skip]
const NUMERAL: &[char] = &[
    '〇', '零', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '百', '千', '两',
];

/// Measure words glued to the numeral before them.
#[rustfmt::skip]
const MEASURE: &[char] = &[
    '届', '次', '中', '周', '年', '个', '项', '条', '点', '期', '批', '轮', '月', '日', '号',
];

/// Title length (bytes) from which the lexicon is searched with one automaton.
const AUTOMATON_FROM: usize = 4096;

fn lexicon() -> &'static AhoCorasick {
    static AC: OnceLock<AhoCorasick> = OnceLock::new();
    AC.get_or_init(|| AhoCorasick::new(LEXICON).expect("lexicon builds"))
}

/// Splits a `——` subtitle off the title: `(main, Some("——subtitle"))`. A title that starts
/// with the dash, or has nothing after it, is left whole.
pub fn split_subtitle(title: &str) -> (&str, Option<&str>) {
    match title.find("——") {
        Some(at) if at > 0 => {
            let main = title[..at].trim_end();
            let sub = title[at..].trim();
            if main.is_empty() || sub.trim_start_matches('—').trim().is_empty() {
                (title, None)
            } else {
                (main, Some(sub))
            }
        }
        _ => (title, None),
    }
}

/// How good a break before character `i` is; higher tiers are tried first.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Tier {
    /// Never: splits a Latin word or number.
    Never,
    /// Only when nothing else fits: splits a word or sets punctuation wrongly.
    Last,
    /// Between two characters not known to form a word.
    Plain,
    /// At the edge of a lexicon word.
    Word,
    /// At a phrase boundary of a meeting name (before 述职…, after 的…).
    Phrase,
}

fn tiers(chars: &[char]) -> Vec<Tier> {
    let n = chars.len();
    let mut tier = vec![Tier::Plain; n + 1];
    tier[0] = Tier::Never;
    tier[n] = Tier::Never;
    let text: String = chars.iter().collect();
    // byte offset → char index
    let mut index = vec![0usize; text.len() + 1];
    for (ci, (bi, c)) in text.char_indices().enumerate() {
        index[bi..bi + c.len_utf8()].fill(ci);
    }
    index[text.len()] = n;
    let mut inside = vec![false; n + 1];
    let mut edge = vec![false; n + 1];
    let mut mark = |start: usize, end: usize| {
        let (s, e) = (index[start], index[end]);
        edge[s] = true;
        edge[e] = true;
        for flag in &mut inside[s + 1..e] {
            *flag = true;
        }
    };
    if text.len() < AUTOMATON_FROM {
        // a title of ordinary length: a substring search per word is cheaper than building
        // the automaton (which took a noticeable share of a whole run)
        // a word can only occur where its first character does: a 256-bit filter of the
        // title's characters skips most of the lexicon without setting up a search for it
        let bit = |c: char| (c as usize & 0xff, 1u64 << (c as usize & 0x3f));
        let mut present = [0u64; 4];
        for &c in chars {
            let (slot, mask) = bit(c);
            present[slot >> 6] |= mask;
        }
        for word in LEXICON {
            let Some(first) = word.chars().next() else {
                continue;
            };
            let (slot, mask) = bit(first);
            if present[slot >> 6] & mask == 0 {
                continue;
            }
            for (at, _) in text.match_indices(word) {
                mark(at, at + word.len());
            }
        }
    } else {
        for m in lexicon().find_overlapping_iter(&text) {
            mark(m.start(), m.end());
        }
    }
    for i in 1..n {
        let (a, b) = (chars[i - 1], chars[i]);
        let latin = |c: char| c.is_ascii_alphanumeric() || ('０'..='９').contains(&c);
        tier[i] = if latin(a) && latin(b) {
            Tier::Never
        } else if CLOSING.contains(&b)
            || OPENING.contains(&a)
            || inside[i]
            || (NUMERAL.contains(&a) && (NUMERAL.contains(&b) || MEASURE.contains(&b)))
            || (a == '第' && NUMERAL.contains(&b))
            || JOINING.contains(&a)
        {
            Tier::Last
        } else if BREAK_AFTER.contains(&a)
            || BREAK_BEFORE.iter().any(|w| starts_with(&chars[i..], w))
        {
            Tier::Phrase
        } else if edge[i] {
            Tier::Word
        } else {
            Tier::Plain
        };
    }
    tier
}

fn starts_with(chars: &[char], word: &str) -> bool {
    let mut it = chars.iter();
    word.chars().all(|w| it.next() == Some(&w))
}

/// Greedy breaks with lines of at most `width` characters at `cuts` (ascending break
/// positions), or `None` if that takes more than `lines` lines.
fn greedy(n: usize, cuts: &[usize], width: usize, lines: usize) -> Option<Vec<usize>> {
    let mut breaks = Vec::with_capacity(lines.saturating_sub(1));
    let mut start = 0;
    let mut k = 0;
    while n - start > width {
        // the farthest cut within reach
        while k < cuts.len() && cuts[k] <= start {
            k += 1;
        }
        let mut best = None;
        while k < cuts.len() && cuts[k] - start <= width {
            best = Some(cuts[k]);
            k += 1;
        }
        let at = best?;
        breaks.push(at);
        start = at;
        if breaks.len() >= lines {
            return None;
        }
    }
    Some(breaks)
}

/// The breaks at `cuts` into `lines` lines with the shortest longest line, and that length.
fn balanced(
    n: usize,
    cuts: &[usize],
    per_line: usize,
    lines: usize,
) -> Option<(usize, Vec<usize>)> {
    let (mut lo, mut hi) = (n.div_ceil(lines), per_line);
    let mut found = greedy(n, cuts, hi, lines).map(|b| (hi, b))?;
    while lo < hi {
        let mid = (lo + hi) / 2;
        match greedy(n, cuts, mid, lines) {
            Some(b) => {
                found = (mid, b);
                hi = mid;
            }
            None => lo = mid + 1,
        }
    }
    Some(found)
}

/// The title with `\n` between lines when it is longer than `per_line` characters.
pub fn balance(title: &str, per_line: usize) -> String {
    let chars: Vec<char> = title.chars().collect();
    let n = chars.len();
    if per_line == 0 || n <= per_line || title.contains('\n') {
        return title.to_string();
    }
    let lines = n.div_ceil(per_line);
    let tier = tiers(&chars);
    let cuts_at = |min: Tier| -> Vec<usize> { (1..n).filter(|&i| tier[i] >= min).collect() };
    // the best balance any acceptable break gives, then the best tier within a few characters
    let loosest = balanced(n, &cuts_at(Tier::Plain), per_line, lines);
    let mut chosen = None;
    if let Some((best, _)) = &loosest {
        for (min, slack) in [(Tier::Phrase, 3), (Tier::Word, 1)] {
            if let Some((len, breaks)) = balanced(n, &cuts_at(min), per_line, lines)
                && len <= best + slack
            {
                chosen = Some(breaks);
                break;
            }
        }
    }
    let breaks = chosen
        .or(loosest.map(|(_, b)| b))
        .or_else(|| balanced(n, &cuts_at(Tier::Last), per_line, lines).map(|(_, b)| b))
        .unwrap_or_else(|| (1..lines).map(|k| k * per_line).collect());
    let mut out = String::with_capacity(title.len() + breaks.len());
    let mut next = breaks.iter().peekable();
    for (i, c) in chars.iter().enumerate() {
        if next.peek() == Some(&&i) {
            out.push('\n');
            next.next();
        }
        out.push(*c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::{balance, split_subtitle};

    #[test]
    fn breaks_long_titles_at_phrase_boundaries() {
        assert_eq!(
            balance("在全县党委书记抓基层党建工作述职评议会上的讲话", 20),
            "在全县党委书记抓基层党建工作\n述职评议会上的讲话"
        );
        assert_eq!(
            balance("在全市机关党建“五星支部”创建推进会上的讲话", 20),
            "在全市机关党建“五星支部”\n创建推进会上的讲话"
        );
        assert_eq!(
            balance("在全市“作风建设提升年”活动第二阶段动员部署会上的讲话", 20),
            "在全市“作风建设提升年”\n活动第二阶段动员部署会上的讲话"
        );
    }

    #[test]
    fn never_inside_a_word_or_numeral_phrase() {
        let t = balance(
            "在学习贯彻党的二十届四中全会精神推进国家治理体系建设全体会议上的讲话",
            20,
        );
        for bad in [
            "届\n四",
            "四\n中",
            "中\n全会",
            "体\n系",
            "会\n议",
            "全体\n会",
        ] {
            assert!(!t.contains(bad), "{t}");
        }
    }

    #[test]
    fn punctuation_rules_and_balance() {
        let t = balance(
            "在全区“平安建设”“法治建设”“作风建设”三项重点工作推进会上的讲话",
            20,
        );
        for line in t.lines() {
            assert!(!line.starts_with(['”', '，', '、']), "{t}");
            assert!(!line.ends_with('“'), "{t}");
        }
        let t = balance(
            "在全县二〇二六年第一季度重点项目建设调度例会上的讲话提纲",
            20,
        );
        let lens: Vec<usize> = t.lines().map(|l| l.chars().count()).collect();
        assert!(
            lens.iter().max().unwrap() - lens.iter().min().unwrap() <= 4,
            "{t}"
        );
    }

    #[test]
    fn subtitles_go_on_their_own_line() {
        assert_eq!(
            split_subtitle("守正创新 实干争先——在全县经济工作会议上的讲话"),
            ("守正创新 实干争先", Some("——在全县经济工作会议上的讲话"))
        );
        assert_eq!(split_subtitle("——题记"), ("——题记", None));
        assert_eq!(split_subtitle("标题——"), ("标题——", None));
    }

    #[test]
    fn very_long_titles_with_many_boundaries() {
        let title = vec!["甲"; 200].join("、");
        let lines = balance(&title, 20);
        assert!(lines.lines().all(|l| l.chars().count() <= 20), "{lines}");
        assert_eq!(lines.replace('\n', ""), title);
    }

    #[test]
    fn huge_titles_take_linear_memory() {
        // 1,000,000 characters: the old dynamic programme allocated lines × cuts cells
        let title = "在全县经济工作会议上的讲话".repeat(76_924);
        let lines = balance(&title, 20);
        assert_eq!(lines.replace('\n', ""), title);
        assert!(lines.lines().all(|l| l.chars().count() <= 20));
    }

    #[test]
    fn short_titles_and_titles_without_boundaries() {
        assert_eq!(balance("在全区例会上的讲话", 20), "在全区例会上的讲话");
        let plain = "甲乙丙丁戊己庚辛壬癸甲乙丙丁戊己庚辛壬癸甲乙";
        assert_eq!(
            balance(plain, 20),
            "甲乙丙丁戊己庚辛壬癸甲\n乙丙丁戊己庚辛壬癸甲乙"
        );
        let latin = "A".repeat(45);
        assert_eq!(balance(&latin, 20).replace('\n', ""), latin);
    }
}
