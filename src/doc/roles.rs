//! The genre's role rules: how numbering markers are written and read, and how a salutation,
//! byline, transition or closing is recognised. Rendering and mining both go through here.

use crate::numerals;
use crate::spec::Kind;
use serde::Serialize;

/// Every numbering form the genre uses, for headings and for inline enumerations.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, serde::Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Form {
    /// `一、`
    Yi,
    /// `（一）` (also read from `(一)`)
    ParenYi,
    /// `1.` (also read from `1．`)
    ArabicDot,
    /// `1、`
    ArabicDun,
    /// `（1）` (also read from `(1)`)
    ParenArabic,
    /// `1）` (also read from `1)`)
    ArabicParen,
    /// `第一，`
    Di,
    /// `首先，` `其次，` `再次，` `最后，`
    Shouxian,
    /// `一要`
    Yao,
    /// `一是`
    Shi,
    /// `一方面，` `另一方面，`
    Fangmian,
    /// No marker at all: headings that are just their text (some samples number nothing).
    Unnumbered,
}

/// The heading form GB/T 9704-2012 prescribes for each level (1-based).
pub const STANDARD_HEADING_FORMS: [Form; 4] =
    [Form::Yi, Form::ParenYi, Form::ArabicDot, Form::ParenArabic];

/// Ordinals of the 首先 form, in order; the last part is always 最后.
const SHOUXIAN: [&str; 3] = ["首先", "其次", "再次"];

/// Why a marker could not be written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MarkerError {
    /// The form has no word for that many items (首先/其次/再次/最后 stops at four).
    TooMany { form: Form, max: usize, got: usize },
    /// 一方面/另一方面 needs exactly two items.
    NotTwo { got: usize },
}

impl Form {
    /// Every form, in the order they are listed to users.
    pub const ALL: [Form; 12] = [
        Form::Yi,
        Form::ParenYi,
        Form::ArabicDot,
        Form::ArabicDun,
        Form::ParenArabic,
        Form::ArabicParen,
        Form::Di,
        Form::Shouxian,
        Form::Yao,
        Form::Shi,
        Form::Fangmian,
        Form::Unnumbered,
    ];

    /// The form with this spec/template name (`paren-yi`); the names are serde's, so specs,
    /// templates and messages cannot disagree.
    pub fn from_name(name: &str) -> Option<Form> {
        use serde::Deserialize;
        use serde::de::IntoDeserializer;
        let de: serde::de::value::StrDeserializer<'_, serde::de::value::Error> =
            name.into_deserializer();
        Form::deserialize(de).ok()
    }

    /// The spec/template name of the form (`paren-yi`).
    pub fn name(self) -> String {
        serde_json::to_value(self)
            .ok()
            .and_then(|v| v.as_str().map(str::to_string))
            .unwrap_or_default()
    }

    /// The Chinese name users see in messages.
    pub fn label(self) -> &'static str {
        match self {
            Form::Yi => "一、",
            Form::ParenYi => "（一）",
            Form::ArabicDot => "1.",
            Form::ArabicDun => "1、",
            Form::ParenArabic => "（1）",
            Form::ArabicParen => "1）",
            Form::Di => "第一，",
            Form::Shouxian => "首先、其次、再次、最后",
            Form::Yao => "一要",
            Form::Shi => "一是",
            Form::Fangmian => "一方面、另一方面",
            Form::Unnumbered => "不编号",
        }
    }

    /// The most items the form can number, if it is limited.
    pub fn max_items(self) -> Option<usize> {
        match self {
            Form::Shouxian => Some(4),
            Form::Fangmian => Some(2),
            _ => None,
        }
    }

    /// Writes the marker for item `n` (1-based) of `total` items.
    pub fn write(self, n: usize, total: usize) -> Result<String, MarkerError> {
        let cn = numerals::cardinal(n as u64);
        Ok(match self {
            Form::Yi => format!("{cn}、"),
            Form::ParenYi => format!("（{cn}）"),
            Form::ArabicDot => format!("{n}."),
            Form::ArabicDun => format!("{n}、"),
            Form::ParenArabic => format!("（{n}）"),
            Form::ArabicParen => format!("{n}）"),
            Form::Di => format!("第{cn}，"),
            Form::Yao => format!("{cn}要"),
            Form::Shi => format!("{cn}是"),
            Form::Unnumbered => String::new(),
            Form::Shouxian => {
                if total > 4 {
                    return Err(MarkerError::TooMany {
                        form: self,
                        max: 4,
                        got: total,
                    });
                }
                if n == total && n > 1 && total > 2 {
                    "最后，".to_string()
                } else {
                    format!("{}，", SHOUXIAN[(n - 1).min(2)])
                }
            }
            Form::Fangmian => {
                if total != 2 {
                    return Err(MarkerError::NotTwo { got: total });
                }
                if n == 1 {
                    "一方面，"
                } else {
                    "另一方面，"
                }
                .to_string()
            }
        })
    }
}

/// A numbering marker read at the start of a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Marker {
    pub form: Form,
    /// 1-based position; for 最后 and 另一方面 the value is 0 ("the last one").
    pub ordinal: u64,
    /// Bytes the marker occupies, trailing punctuation included.
    pub len: usize,
}

fn strip_any<'a>(text: &'a str, prefixes: &[&str]) -> Option<(&'a str, usize)> {
    prefixes
        .iter()
        .find_map(|p| text.strip_prefix(p).map(|rest| (rest, p.len())))
}

/// Reads a heading marker at the very start of `text` (one of the heading forms, or
/// 一要/第一/首先 used as a part heading). Inline enumerations (一是) are not heading markers.
pub fn heading_marker(text: &str) -> Option<Marker> {
    // （一） (一) （1） (1)
    if let Some((rest, open)) = strip_any(text, &["（", "("]) {
        type Parse = fn(&str) -> Option<(u64, usize)>;
        let numbers: [(Parse, Form); 2] = [
            (numerals::parse_prefix, Form::ParenYi),
            (numerals::parse_arabic_prefix, Form::ParenArabic),
        ];
        for (parse, form) in numbers {
            if let Some((n, used)) = parse(rest)
                && let Some((_, close)) = strip_any(&rest[used..], &["）", ")"])
            {
                return Some(Marker {
                    form,
                    ordinal: n,
                    len: open + used + close,
                });
            }
        }
        return None;
    }
    // 1. 1、 1）
    if let Some((n, used)) = numerals::parse_arabic_prefix(text) {
        let after = &text[used..];
        let (form, punct) = if let Some((rest, p)) = strip_any(after, &[".", "．"]) {
            // 1.5万 is a number, not a marker
            if rest.starts_with(|c: char| c.is_ascii_digit()) {
                return None;
            }
            (Form::ArabicDot, p)
        } else if let Some((_, p)) = strip_any(after, &["、"]) {
            (Form::ArabicDun, p)
        } else if let Some((_, p)) = strip_any(after, &["）", ")"]) {
            (Form::ArabicParen, p)
        } else {
            return None;
        };
        if n == 0 || n > 99 {
            return None;
        }
        return Some(Marker {
            form,
            ordinal: n,
            len: used + punct,
        });
    }
    // 第一， 第一、 第一是
    if let Some(rest) = text.strip_prefix('第') {
        let (n, used) = numerals::parse_prefix(rest)?;
        let after = &rest[used..];
        let (_, punct) = strip_any(after, &["，", ",", "、", "是", "要"])?;
        return Some(Marker {
            form: Form::Di,
            ordinal: n,
            len: '第'.len_utf8() + used + punct,
        });
    }
    // 首先， 其次， 再次， 最后，
    for (i, word) in SHOUXIAN.iter().chain(["最后"].iter()).enumerate() {
        if let Some(rest) = text.strip_prefix(word) {
            let punct = strip_any(rest, &["，", ","]).map_or(0, |(_, p)| p);
            if punct == 0 {
                return None;
            }
            return Some(Marker {
                form: Form::Shouxian,
                ordinal: if i == 3 { 0 } else { i as u64 + 1 },
                len: word.len() + punct,
            });
        }
    }
    // 一、 一要 (一是 is an inline enumeration, not a heading)
    let (n, used) = numerals::parse_prefix(text)?;
    let after = &text[used..];
    if let Some((_, p)) = strip_any(after, &["、", "．"]) {
        return Some(Marker {
            form: Form::Yi,
            ordinal: n,
            len: used + p,
        });
    }
    if after.starts_with('要') && n > 0 {
        return Some(Marker {
            form: Form::Yao,
            ordinal: n,
            len: used + '要'.len_utf8(),
        });
    }
    None
}

/// The deepest heading level a speech has (一、 （一） 1. （1））.
pub const MAX_LEVEL: u8 = 4;

/// The most parts at one level, or points in one part, a speech numbers: 九十九 is already far
/// beyond any real speech, and 一〇〇〇〇〇点意见 is not Chinese.
pub const MAX_ITEMS: usize = 99;

/// The most headings (parts and sections at every level) in one speech; real speeches have a
/// few dozen. Bounds the memory a spec can ask for.
pub const MAX_HEADINGS: usize = 999;

/// Assigns levels to headings by the nesting of their numbering forms: a heading whose form
/// is already open is a sibling of that one (and closes everything below it); a new form opens
/// the next level down. `一、` → `（一）` → `1.` gives levels 1, 2, 3 whatever forms are used.
#[derive(Debug, Clone, Default)]
pub struct LevelTracker {
    open: Vec<(Option<Form>, u8)>,
}

impl LevelTracker {
    /// Level of a heading whose level is known (a Markdown `##` heading): it closes everything
    /// at its level and below.
    pub fn fixed(&mut self, text: &str, level: u8) -> u8 {
        self.open.retain(|(_, l)| *l < level);
        self.open
            .push((heading_marker(text).map(|m| m.form), level));
        level
    }

    /// Level of a heading known only by its text (a run-in heading): as [`Self::place`], with a
    /// form too deep to open put at the deepest level.
    pub fn infer(&mut self, text: &str) -> u8 {
        self.place(heading_marker(text).map(|m| m.form))
            .unwrap_or(MAX_LEVEL)
    }

    /// Level of a heading of `form` (None: an unnumbered heading): the level where that form is
    /// already open, closing everything below it, or one level below the innermost open form.
    /// None when that would be deeper than four levels.
    pub fn place(&mut self, form: Option<Form>) -> Option<u8> {
        if let Some(i) = self.open.iter().position(|(f, _)| *f == form) {
            let level = self.open[i].1;
            self.open.truncate(i + 1);
            return Some(level);
        }
        let level = self.open.last().map_or(1, |(_, l)| l + 1);
        if level > MAX_LEVEL {
            return None;
        }
        self.open.push((form, level));
        Some(level)
    }
}

/// An inline enumeration marker (一是 / 一要 / 第一 / 一方面) found inside a paragraph.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct InlineMarker {
    pub marker: Marker,
    /// Byte offset of the marker in the paragraph.
    pub at: usize,
}

/// The heading marker a paragraph opens with, unless the paragraph is an inline enumeration:
/// `第一，…第二，…` or `一要…二要…` in one paragraph are points, not a heading. A heading may
/// still hold an enumeration of its own form that starts again from one (`二要抓好落实。…一要…
/// 二要…`). The one rule for the miner and the checker.
pub fn paragraph_marker(text: &str) -> Option<Marker> {
    let m = heading_marker(text)?;
    if matches!(m.form, Form::Yao | Form::Di)
        && inline_markers(text)
            .iter()
            .find(|i| i.at > 0 && i.marker.form == m.form)
            .is_some_and(|i| i.marker.ordinal == m.ordinal + 1)
    {
        return None;
    }
    Some(m)
}

/// Characters after which a new clause (and so a new enumerated item) may begin.
fn is_clause_break(c: char) -> bool {
    matches!(
        c,
        '。' | '；' | '：' | '！' | '？' | ';' | ':' | '，' | '…' | '\n'
    )
}

/// Finds the inline enumeration markers of a paragraph: `一是…二是…`, `一要…二要…`,
/// `第一，…第二，…`, `一方面…另一方面…`. A marker counts only at the start of the text or of
/// a clause. Items of one form are returned in order of appearance.
pub fn inline_markers(text: &str) -> Vec<InlineMarker> {
    let mut found = Vec::new();
    let mut try_at = |at: usize| {
        if let Some(marker) = inline_marker_at(&text[at..]) {
            found.push(InlineMarker { marker, at });
        }
    };
    let b = text.as_bytes();
    if memchr::memchr3(b';', b':', b'\n', b).is_some() {
        let mut prev: Option<char> = None;
        for (at, c) in text.char_indices() {
            if prev.is_none_or(is_clause_break) {
                try_at(at);
            }
            prev = Some(c);
        }
        return found;
    }
    // without half-width breaks (most paragraphs), a clause starts after a full-width break,
    // found by its lead byte: `。` is E3 80 82, `；：！？，` are EF BC 9B, 9A, 81, 9F, 8C, `…`
    // (a sentence may end in `……` with no `。`) is E2 80 A6
    if !text.is_empty() {
        try_at(0);
    }
    for i in memchr::memchr3_iter(0xE3, 0xEF, 0xE2, b) {
        let wide = matches!(
            b[i..],
            [0xE3, 0x80, 0x82, ..]
                | [0xEF, 0xBC, 0x9B | 0x9A | 0x81 | 0x9F | 0x8C, ..]
                | [0xE2, 0x80, 0xA6, ..]
        );
        if wide && i + 3 < b.len() {
            try_at(i + 3);
        }
    }
    found
}

fn inline_marker_at(rest: &str) -> Option<Marker> {
    for (word, ordinal) in [("一方面", 1), ("另一方面", 0)] {
        if let Some(after) = rest.strip_prefix(word) {
            let punct = strip_any(after, &["，", ","]).map_or(0, |(_, p)| p);
            return Some(Marker {
                form: Form::Fangmian,
                ordinal,
                len: word.len() + punct,
            });
        }
    }
    if let Some(after) = rest.strip_prefix('第') {
        let (n, used) = numerals::parse_prefix(after)?;
        let (_, punct) = strip_any(&after[used..], &["，", ","])?;
        return Some(Marker {
            form: Form::Di,
            ordinal: n,
            len: '第'.len_utf8() + used + punct,
        });
    }
    let (n, used) = numerals::parse_prefix(rest)?;
    if n == 0 || n > 30 {
        return None;
    }
    let after = &rest[used..];
    let form = if after.starts_with('是') {
        Form::Shi
    } else if after.starts_with('要') {
        Form::Yao
    } else {
        return None;
    };
    Some(Marker {
        form,
        ordinal: n,
        len: used + '是'.len_utf8(),
    })
}

/// True when `text` starts with a heading marker (一、 一要) or an inline one (一是 第一，): such a
/// text is a point, never a name or an audience.
fn opens_with_marker(text: &str) -> bool {
    heading_marker(text).is_some() || inline_marker_at(text).is_some()
}

/// True for `同志们：`, `尊敬的李华同志、同志们：` and similar salutations.
pub fn is_salutation(text: &str) -> bool {
    let t = text.trim();
    let ends = t.ends_with('：') || t.ends_with(':');
    let starts = ["同志们", "尊敬的", "各位"]
        .iter()
        .any(|p| t.starts_with(p));
    (ends && starts && t.chars().count() <= 60) || is_audience_salutation(t)
}

/// True for a paragraph that opens the closing: `同志们，……` or `总之，……`.
pub fn opens_closing(text: &str) -> bool {
    let t = text.trim_start();
    ["同志们，", "同志们,", "同志们！", "总之，", "总之,"]
        .iter()
        .any(|p| t.starts_with(p))
}

/// True for a line under the title wrapped in full-width parentheses: a date or a speaker.
pub fn is_byline(text: &str) -> bool {
    let t = text.trim();
    let wrapped =
        (t.starts_with('（') && t.ends_with('）')) || (t.starts_with('(') && t.ends_with(')'));
    (wrapped && t.chars().count() <= 40 && !t.contains('。')) || is_speaker_line(t)
}

/// Offices a speaker line names before the speaker (`…副总裁孙晓红`, `…董事长 魏华山`).
const OFFICES: [&str; 40] = [
    "书记",
    "董事长",
    "总裁",
    "总经理",
    "经理",
    "主任",
    "主席",
    "部长",
    "局长",
    "厅长",
    "处长",
    "科长",
    "市长",
    "县长",
    "区长",
    "省长",
    "州长",
    "镇长",
    "乡长",
    "校长",
    "院长",
    "所长",
    "会长",
    "理事长",
    "秘书长",
    "行长",
    "社长",
    "总监",
    "委员",
    "司令员",
    "政委",
    "馆长",
    "台长",
    "站长",
    "总编辑",
    "总工程师",
    "董事",
    "监事长",
    "常委",
    "组长",
];

/// Surnames a speaker's name may start with: the common single-character ones, then the
/// two-character ones.
const SURNAMES: &str = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝";
const DOUBLE_SURNAMES: [&str; 8] = [
    "欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "令狐", "慕容",
];

/// A speaker line without brackets: an office and the speaker's name, on a short line of its
/// own (`个险分管副总裁孙晓红`, `集团党委书记、董事长 魏华山`, `市委书记　张明`).
pub fn is_speaker_line(text: &str) -> bool {
    speaker_parts(text).is_some()
}

/// The office and the name of a speaker line ([`is_speaker_line`]).
pub fn speaker_parts(text: &str) -> Option<(&str, &str)> {
    let t = text.trim();
    let n = t.chars().count();
    if !(4..=32).contains(&n)
        || t.contains(['。', '！', '？', '，', '；', '：', ':', ',', '“', '《'])
    {
        return None;
    }
    let is_name = |name: &str| {
        let len = name.chars().count();
        name.chars().all(crate::doc::punct::is_han)
            && (2..=4).contains(&len)
            && (DOUBLE_SURNAMES
                .iter()
                .any(|s| name.starts_with(s) && len >= 3)
                || (len <= 3 && name.chars().next().is_some_and(|c| SURNAMES.contains(c))))
    };
    // the name stands after a space, or runs on from the office
    if let Some(at) = t.rfind([' ', '\u{3000}']) {
        let (office, name) = (t[..at].trim_end(), t[at..].trim_start());
        return (is_name(name) && OFFICES.iter().any(|o| office.ends_with(o)))
            .then_some((office, name));
    }
    OFFICES.iter().find_map(|o| {
        let at = t.rfind(o)? + o.len();
        is_name(&t[at..]).then_some((&t[..at], &t[at..]))
    })
}

/// Where the speech title starts in a title line that names its speaker first
/// (`国务委员兼外交部长钱其琛在……纪念会上的讲话`, `市委书记 张明：在……上的讲话`): the byte
/// offset of the `在……` title, when what stands before it is an office and a name.
pub fn speaker_before_title(line: &str) -> Option<usize> {
    let t = line.trim_end();
    if !has_title_ending(t) {
        return None;
    }
    t.match_indices('在').map(|(at, _)| at).find(|&at| {
        let speaker = t[..at].trim_end_matches(['：', ':', ' ', '\u{3000}']);
        at > 0 && could_be_title(&t[at..]) && speaker_parts(speaker).is_some()
    })
}

/// How many parts a transition sentence announces.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Announced {
    /// `讲三点意见`: a definite count.
    Count(u64),
    /// `强调几点意见`: an unspecified number.
    Several,
}

/// Measure phrases after which a transition states its count.
pub const ANNOUNCE_NOUNS: [&str; 9] = [
    "点",
    "个方面",
    "方面",
    "个问题",
    "个重点问题",
    "项工作",
    "项任务",
    "项要求",
    "项",
];

/// Reads the count a transition sentence announces (`下面，我讲三点意见。` → 3,
/// `我强调几点意见` → several). Only sentences that talk about 意见/要求/看法/建议/体会/方面
/// after a verb of speaking count.
pub fn announced_count(text: &str) -> Option<Announced> {
    announced_count_at(text).map(|(a, _)| a)
}

/// As [`announced_count`], with the byte range of the count and its measure word (`三点`).
pub fn announced_count_at(text: &str) -> Option<(Announced, std::ops::Range<usize>)> {
    // the count right after `at`: 几, a Chinese cardinal or digits, then a measure word
    let count_at = |at: usize| -> Option<(Announced, std::ops::Range<usize>)> {
        let rest = &text[at..];
        let (count, used) = if let Some(r) = rest.strip_prefix('几') {
            (Announced::Several, rest.len() - r.len())
        } else if let Some((n, used)) = numerals::parse_prefix(rest) {
            (Announced::Count(n), used)
        } else if let Some((n, used)) = numerals::parse_arabic_prefix(rest) {
            (Announced::Count(n), used)
        } else {
            return None;
        };
        let tail = &rest[used..];
        let noun = ANNOUNCE_NOUNS.iter().find(|n| tail.starts_with(*n))?;
        Some((count, at..at + used + noun.len()))
    };
    let verbs = ["讲", "提", "强调", "谈", "说", "提出", "有", "分享"];
    for verb in verbs {
        for (at, _) in text.match_indices(verb) {
            let mut rest = &text[at + verb.len()..];
            rest = rest.strip_prefix('以').unwrap_or(rest);
            rest = rest.strip_prefix('下').unwrap_or(rest);
            if let Some(found) = count_at(text.len() - rest.len()) {
                return Some(found);
            }
        }
    }
    // 从以下几个方面着手 / 抓好以下四点: a count announced without a verb of speaking
    for (at, _) in text.match_indices("以下") {
        if let Some(found) = count_at(at + "以下".len()) {
            return Some(found);
        }
    }
    None
}

/// Where the body starts after a run-in heading: the heading is the first sentence (ending in
/// `。！？`, not inside quotes or brackets) and more text follows on the same line. `None` means
/// the line is a standalone heading.
pub fn run_in_split(rest: &str) -> Option<usize> {
    let mut depth = 0i32;
    for (i, c) in rest.char_indices() {
        match c {
            '“' | '‘' | '（' | '《' | '(' => depth += 1,
            '”' | '’' | '）' | '》' | ')' => depth = (depth - 1).max(0),
            '。' | '！' | '？' if depth == 0 => {
                let mut end = i + c.len_utf8();
                // keep closing quotes and repeated marks with the heading
                while let Some(n) = rest[end..].chars().next() {
                    if matches!(n, '”' | '’' | '。' | '！' | '？') {
                        end += n.len_utf8();
                    } else {
                        break;
                    }
                }
                return (end < rest.len()).then_some(end);
            }
            _ => {}
        }
    }
    None
}

/// Words a speech title ends with.
const TITLE_ENDINGS: [&str; 9] = [
    "讲话",
    "讲话稿",
    "讲话提纲",
    "提纲",
    "发言",
    "发言稿",
    "致辞",
    "报告",
    "讲话篇",
];

/// True for a line that can be a title: short, no sentence inside, not a salutation, byline or
/// numbered heading.
pub fn could_be_title(text: &str) -> bool {
    let t = text.trim();
    // more than 240 bytes is more than 60 characters: a paragraph, not counted
    if t.len() > 60 * 4 {
        return false;
    }
    let n = t.chars().count();
    (1..=60).contains(&n)
        && !t.contains(['。', '！', '？'])
        && !t.ends_with(['：', ':', '；', '，'])
        && !is_salutation(t)
        && !is_byline(t)
        && heading_marker(t).is_none()
}

/// Where a salutation starts when a title and the salutation were run together on one line
/// (`在全市推进会上的讲话同志们：`): the byte offset of the salutation.
pub fn split_title_salutation(line: &str) -> Option<usize> {
    let t = line.trim_end();
    if !(t.ends_with('：') || t.ends_with(':')) {
        return None;
    }
    ["尊敬的", "各位", "同志们"]
        .iter()
        .filter_map(|w| t.find(w))
        .filter(|&at| at > 0)
        .min()
        .filter(|&at| {
            let (title, rest) = t.split_at(at);
            is_salutation(rest)
                && could_be_title(title)
                && TITLE_ENDINGS.iter().any(|e| title.ends_with(e))
        })
}

/// True for an unnumbered heading line (`旗帜鲜明讲政治，坚决筑牢基层党组织这个战斗堡垒`):
/// short, no sentence-final punctuation, no marker. The caller confirms that there are
/// several such lines, each followed by body text.
pub fn is_unnumbered_heading(text: &str) -> bool {
    let t = text.trim();
    if t.len() > 32 * 4 {
        return false;
    }
    let n = t.chars().count();
    (6..=32).contains(&n)
        && !t.contains(['。', '！', '？', '：', '；', ':', ';'])
        && !t.ends_with(['，', '、'])
        && heading_marker(t).is_none()
        && inline_markers(t).is_empty()
        && !is_salutation(t)
        && !is_byline(t)
        && !opens_closing(t)
}

/// Words that tell a part's kind, by kind; the first found in a heading or first sentence decides.
const KIND_RULES: [(Kind, &[&str]); 3] = [
    (Kind::Experience, &["经验", "启示", "体会", "做法"]),
    (Kind::Problems, &["问题", "不足", "差距", "短板", "薄弱"]),
    (
        Kind::Achievements,
        &[
            "成绩",
            "成效",
            "成果",
            "进展",
            "稳步推进",
            "取得了",
            "开展情况",
            "回顾",
        ],
    ),
];

/// Words of a part that sets tasks, when no word of [`KIND_RULES`] is found.
const TASK_WORDS: [&str; 19] = [
    "下一步",
    "任务",
    "要求",
    "措施",
    "安排",
    "部署",
    "抓好",
    "加强",
    "强化",
    "推进",
    "落实",
    "提升",
    "重点",
    "明确",
    "努力",
    "确保",
    "坚持",
    "突出",
    "扎实",
];

/// Guesses what a part of the body is about from its heading and its first sentence.
pub fn guess_kind(heading: &str, first_sentence: &str) -> Kind {
    use aho_corasick::AhoCorasick;
    // every word of the rules, then the task words, in one automaton: each part's heading and
    // first sentence are read once, not once per word
    static WORDS: std::sync::LazyLock<(AhoCorasick, Vec<usize>)> = std::sync::LazyLock::new(|| {
        let rule_of: Vec<usize> = (0..KIND_RULES.len())
            .flat_map(|r| std::iter::repeat_n(r, KIND_RULES[r].1.len()))
            .collect();
        let words = KIND_RULES
            .iter()
            .flat_map(|(_, w)| w.iter())
            .chain(TASK_WORDS.iter());
        (AhoCorasick::new(words).expect("fixed word list"), rule_of)
    });
    let (finder, rule_of) = &*WORDS;
    // 肯定成绩，正视问题: the word that comes first decides (the earlier rule at one place);
    // tasks only when nothing else fits
    for text in [heading, first_sentence] {
        let mut first: Option<(usize, usize)> = None;
        let mut task = false;
        for m in finder.find_overlapping_iter(text) {
            match rule_of.get(m.pattern().as_usize()) {
                Some(&rule) => {
                    let hit = (m.start(), rule);
                    first = Some(first.map_or(hit, |f| f.min(hit)));
                }
                None => task = true,
            }
        }
        if let Some((_, rule)) = first {
            return KIND_RULES[rule].0;
        }
        if task {
            return Kind::Tasks;
        }
    }
    Kind::Other
}

/// Words by which a stock intro leans on achievements affirmed before it.
const AFTER_AFFIRMING: &[&str] = &["成绩的同时", "成效的同时", "看到成绩", "同时也要看到"];

/// 几 + a measure word: a vague count, which never announces exactly two items.
const VAGUE_COUNTS: &[&str] = &["几点", "几个", "几条", "几项", "几方面", "几件", "几句"];

/// Why a stock intro cannot stand before `points` points (None when it fits): one that says
/// 在肯定成绩的同时 needs a part that affirmed something before it, and 几个/几点 announces
/// three or more.
pub fn intro_misfit(text: &str, points: usize, affirmed_before: bool) -> Option<&'static str> {
    if !affirmed_before && AFTER_AFFIRMING.iter().any(|w| text.contains(w)) {
        return Some("它承接前面肯定的成绩，但前面没有讲成绩的部分");
    }
    if points <= 2 && VAGUE_COUNTS.iter().any(|w| text.contains(w)) {
        return Some("“几”预告的是三点以上，不用来预告一两点");
    }
    None
}

/// Chinese text for a numbering form that cannot number the items it was given.
pub fn marker_error_text(e: &MarkerError) -> String {
    match e {
        MarkerError::TooMany { form, max, got } => format!(
            "“{}”最多只能排{}项，这里有{}项",
            form.label(),
            crate::numerals::cardinal(*max as u64),
            crate::numerals::cardinal(*got as u64)
        ),
        MarkerError::NotTwo { got } => format!(
            "“一方面……另一方面……”只能用于两点，这里有{}点",
            crate::numerals::cardinal(*got as u64)
        ),
    }
}

/// Words that already give a call its subject (让我们…, 各级各部门要…).
const CALL_SUBJECTS: &[&str] = &[
    "让我们",
    "我们",
    "希望",
    "各级",
    "各地",
    "各部门",
    "各单位",
    "大家",
    "全县",
    "全市",
    "全区",
    "全省",
    "全镇",
    "全乡",
    "广大",
    "请",
    "要",
];

/// True when a closing call already has its subject (让我们…, 各级各部门要…).
pub fn has_call_subject(call: &str) -> bool {
    CALL_SUBJECTS.iter().any(|w| call.starts_with(w))
}

/// The text a marker goes before: without a number the writer typed (`一要抓学习`, `一、…`,
/// `（三）…`, `第二，…`, `一是…` — the renderer numbers), and without a word the marker already
/// says: 一要 + 要在……上用力 → 一要在……上用力, keeping words that only start with it (要素,
/// 要求, 是非, 是否). 首先 and 一方面 are the writer's own words and stay, and so is everything
/// when the form is [`Form::Unnumbered`] (the text is all there is).
pub fn after_marker(form: Form, text: &str) -> String {
    let typed = heading_marker(text)
        .or_else(|| inline_marker_at(text))
        .filter(|m| !matches!(m.form, Form::Shouxian | Form::Fangmian) && m.ordinal > 0)
        // an unnumbered heading or list item keeps whatever number its writer gave it
        .filter(|_| form != Form::Unnumbered);
    // a heading that is nothing but its marker (`一是，`) keeps it: it has no other words
    let rest = typed
        .map(|m| text[m.len..].trim_start_matches(['，', ',', '、', '：', ':', ' ', '\u{3000}']));
    let text = match rest {
        Some(rest) if !super::punct::phrase(rest).is_empty() => rest.to_string(),
        _ => text.to_string(),
    };
    let (doubled, words_after): (char, &str) = match form {
        Form::Yao => ('要', "素求点害闻务津员件诀旨领塞职"),
        Form::Shi => ('是', "非否"),
        _ => return text,
    };
    match text.strip_prefix(doubled) {
        Some(rest) if !rest.starts_with(|c: char| words_after.contains(c)) => rest.to_string(),
        _ => text,
    }
}

/// Closing punctuation that ends a run-in heading (written after the `**` in Markdown).
pub fn is_trailing_punct(c: char) -> bool {
    matches!(c, '。' | '，' | '；' | '：' | '！' | '？' | '、') || is_closer(c)
}

/// A closing quote or bracket.
fn is_closer(c: char) -> bool {
    matches!(c, '”' | '’' | '）' | '》' | '」' | '』')
}

/// Where the bold part of a run-in heading's lead ends (`**…**` in Markdown, `lead` in a
/// template): before the punctuation that closes it. A closing quote or bracket followed by
/// that punctuation stays in the bold with the words it closes (`**突出抓好“三个环节”**。`);
/// one that ends the lead is left outside, where Markdown can still close the bold before it.
pub fn run_in_bold_end(lead: &str) -> usize {
    let tail: Vec<(usize, char)> = lead
        .char_indices()
        .rev()
        .take_while(|(_, c)| is_trailing_punct(*c))
        .collect();
    let Some(&(start, _)) = tail.last() else {
        return lead.len();
    };
    // the tail from its first character on; closers at its head stay bold when a mark follows
    let closers = tail.iter().rev().take_while(|(_, c)| is_closer(*c)).count();
    match tail.iter().rev().nth(closers) {
        Some(&(after_closers, _)) if closers > 0 => after_closers,
        _ => start,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_speaker_named_before_the_title_is_split_off() {
        let line = "县委副书记、县长刘建国在全县经济工作会议上的讲话";
        let at = speaker_before_title(line).unwrap();
        assert_eq!(&line[at..], "在全县经济工作会议上的讲话");
        let line = "市委书记 张明：在全市作风建设大会上的讲话";
        assert_eq!(
            &line[speaker_before_title(line).unwrap()..],
            "在全市作风建设大会上的讲话"
        );
        // no office and name before it, or no speech title: nothing to split
        assert_eq!(speaker_before_title("在全县经济工作会议上的讲话"), None);
        assert_eq!(speaker_before_title("全县在经济工作会议上的讲话"), None);
        assert_eq!(speaker_before_title("县长刘建国在全县经济工作会议上"), None);
    }

    fn m(text: &str) -> Option<(Form, u64, usize)> {
        heading_marker(text).map(|m| (m.form, m.ordinal, m.len))
    }

    #[test]
    fn reads_every_heading_form_the_samples_use() {
        assert_eq!(m("一、总体要求"), Some((Form::Yi, 1, 6)));
        assert_eq!(m("十二、其他"), Some((Form::Yi, 12, 9)));
        assert_eq!(m("（三）加强领导"), Some((Form::ParenYi, 3, 9)));
        assert_eq!(m("(三)加强领导"), Some((Form::ParenYi, 3, 5)));
        assert_eq!(m("1.抓好学习"), Some((Form::ArabicDot, 1, 2)));
        assert_eq!(m("2、抓好学习"), Some((Form::ArabicDun, 2, 4)));
        assert_eq!(m("（1）抓好学习"), Some((Form::ParenArabic, 1, 7)));
        assert_eq!(m("(10)抓好学习"), Some((Form::ParenArabic, 10, 4)));
        assert_eq!(m("1）抓好学习"), Some((Form::ArabicParen, 1, 4)));
        assert_eq!(m("第二，抓好学习"), Some((Form::Di, 2, 9)));
        assert_eq!(m("其次，抓好学习"), Some((Form::Shouxian, 2, 9)));
        assert_eq!(m("最后，抓好学习"), Some((Form::Shouxian, 0, 9)));
        assert_eq!(m("三要在落实上有新提高"), Some((Form::Yao, 3, 6)));
        assert_eq!(m("一是抓学习"), None);
        assert_eq!(m("1.5万名党员"), None);
        assert_eq!(m("首先要明确"), None);
        assert_eq!(m("各级党组织"), None);
    }

    #[test]
    fn form_names_round_trip() {
        for form in Form::ALL {
            assert_eq!(Form::from_name(&form.name()), Some(form), "{form:?}");
        }
        assert_eq!(Form::ParenYi.name(), "paren-yi");
        assert_eq!(Form::from_name("nope"), None);
    }

    #[test]
    fn writes_markers_and_reads_them_back() {
        // every heading form that numbers any count (一是 is inline, 首先/一方面 are limited)
        let forms = Form::ALL
            .into_iter()
            .filter(|f| f.max_items().is_none() && !matches!(f, Form::Shi | Form::Unnumbered));
        assert_eq!(forms.clone().count(), 8);
        for form in forms {
            for n in [1, 2, 10, 11, 21] {
                let written = form.write(n, 30).unwrap();
                let read = heading_marker(&format!("{written}加强领导")).unwrap();
                assert_eq!((read.form, read.ordinal), (form, n as u64), "{written}");
                assert_eq!(read.len, written.len());
            }
        }
    }

    #[test]
    fn shouxian_and_fangmian_limits() {
        let four: Vec<_> = (1..=4)
            .map(|n| Form::Shouxian.write(n, 4).unwrap())
            .collect();
        assert_eq!(four, ["首先，", "其次，", "再次，", "最后，"]);
        let three: Vec<_> = (1..=3)
            .map(|n| Form::Shouxian.write(n, 3).unwrap())
            .collect();
        assert_eq!(three, ["首先，", "其次，", "最后，"]);
        let two: Vec<_> = (1..=2)
            .map(|n| Form::Shouxian.write(n, 2).unwrap())
            .collect();
        assert_eq!(two, ["首先，", "其次，"]);
        assert_eq!(
            Form::Shouxian.write(1, 5),
            Err(MarkerError::TooMany {
                form: Form::Shouxian,
                max: 4,
                got: 5
            })
        );
        assert_eq!(Form::Fangmian.write(2, 2).unwrap(), "另一方面，");
        assert_eq!(
            Form::Fangmian.write(1, 3),
            Err(MarkerError::NotTwo { got: 3 })
        );
    }

    #[test]
    fn finds_inline_enumerations_at_clause_starts_only() {
        let text = "成效明显。一是思想认识提高。二是制度更加健全；三是作风明显转变。";
        let got: Vec<_> = inline_markers(text)
            .iter()
            .map(|i| (i.marker.form, i.marker.ordinal))
            .collect();
        assert_eq!(got, [(Form::Shi, 1), (Form::Shi, 2), (Form::Shi, 3)]);
        let text = "一方面要总结经验；另一方面要查找不足。统一是基础。";
        let got: Vec<_> = inline_markers(text)
            .iter()
            .map(|i| (i.marker.form, i.marker.ordinal))
            .collect();
        assert_eq!(got, [(Form::Fangmian, 1), (Form::Fangmian, 0)]);
        // after every clause break, full-width or half-width; none at the very end
        for text in [
            "一是甲，二是乙：三是丙！四是丁？五是戊；六是己。七要庚。第八，辛。",
            "一是甲;二是乙:三是丙\n四是丁，五是戊。一是",
            "讲“一是”。统一是，一是",
        ] {
            let mut want = Vec::new();
            let mut prev: Option<char> = None;
            for (at, c) in text.char_indices() {
                if prev.is_none_or(is_clause_break)
                    && let Some(marker) = inline_marker_at(&text[at..])
                {
                    want.push(InlineMarker { marker, at });
                }
                prev = Some(c);
            }
            assert_eq!(inline_markers(text), want, "{text}");
        }
    }

    #[test]
    fn levels_follow_the_nesting_of_forms() {
        let mut t = LevelTracker::default();
        assert_eq!(t.infer("第一，统一思想。"), 1);
        assert_eq!(t.infer("（一）提高认识。"), 2);
        assert_eq!(t.infer("1.抓学习。"), 3);
        assert_eq!(t.infer("（二）强化责任。"), 2);
        assert_eq!(t.infer("第二，狠抓落实。"), 1);
        let mut t = LevelTracker::default();
        assert_eq!(t.fixed("一、总体要求", 1), 1);
        assert_eq!(t.infer("（一）提高认识。"), 2);
        assert_eq!(t.fixed("二、重点任务", 1), 1);
        assert_eq!(t.infer("（一）抓学习。"), 2);
    }

    #[test]
    fn recognises_salutation_byline_closing() {
        assert!(is_salutation("同志们："));
        assert!(is_salutation("尊敬的李华同志、同志们："));
        assert!(!is_salutation("同志们，今天我们召开会议。"));
        assert!(is_byline("（2026年1月15日）"));
        assert!(is_byline("(市直机关工委杜海瑞)"));
        assert!(!is_byline("（一）加强领导。要把握方向。"));
        assert!(opens_closing("同志们，任务艰巨。"));
        assert!(opens_closing("总之，要抓好落实。"));
        assert!(!opens_closing("同志们："));
    }

    #[test]
    fn reads_announced_counts() {
        assert_eq!(
            announced_count("下面，我讲三点意见。"),
            Some(Announced::Count(3))
        );
        assert_eq!(announced_count("我讲两点意见。"), Some(Announced::Count(2)));
        assert_eq!(
            announced_count("下面，就抓好这项工作，我强调几点意见。"),
            Some(Announced::Several)
        );
        assert_eq!(
            announced_count("我再提四点要求。"),
            Some(Announced::Count(4))
        );
        assert_eq!(announced_count("大家讲得很好。"), None);
        assert_eq!(
            announced_count("将从以下几个方面着手，全面加强建设："),
            Some(Announced::Several)
        );
        assert_eq!(announced_count("抓好以下四点。"), Some(Announced::Count(4)));
        assert_eq!(announced_count("以下内容。"), None);
        let t = "我强调4个问题。";
        let (a, r) = announced_count_at(t).unwrap();
        assert_eq!((a, &t[r]), (Announced::Count(4), "4个问题"));
    }
    #[test]
    fn titles_and_run_together_salutations() {
        assert!(could_be_title("在全县党建工作会议上的讲话"));
        assert!(!could_be_title("同志们："));
        assert!(!could_be_title("一、加强领导"));
        assert!(!could_be_title("今天我们开会。"));
        let line = "在全市推进会上的讲话同志们：";
        let at = split_title_salutation(line).unwrap();
        assert_eq!(&line[..at], "在全市推进会上的讲话");
        let line = "在全县大会上的讲话尊敬的李华同志、同志们：";
        assert_eq!(
            &line[split_title_salutation(line).unwrap()..],
            "尊敬的李华同志、同志们："
        );
        assert_eq!(split_title_salutation("同志们："), None);
        assert_eq!(split_title_salutation("我想对同志们说几句："), None);
    }

    #[test]
    fn unnumbered_headings_and_kinds() {
        use crate::spec::Kind;
        assert!(is_unnumbered_heading("旗帜鲜明讲政治，坚决筑牢战斗堡垒"));
        assert!(!is_unnumbered_heading("要强化政治意识。"));
        assert!(!is_unnumbered_heading("一、加强领导，狠抓落实"));
        assert_eq!(guess_kind("肯定成绩，正视问题", ""), Kind::Achievements);
        assert_eq!(guess_kind("正确认识工作中存在的问题", ""), Kind::Problems);
        assert_eq!(guess_kind("认真总结主要经验", ""), Kind::Experience);
        assert_eq!(guess_kind("扎实推进下一步工作", ""), Kind::Tasks);
        assert_eq!(
            guess_kind("旗帜鲜明讲政治", "今年以来取得明显成效。"),
            Kind::Achievements
        );
        assert_eq!(guess_kind("春风", "花开"), Kind::Other);
        assert_eq!(guess_kind("强化责任落实，确保取得实效", ""), Kind::Tasks);
        // the earliest word decides, the earlier rule at one place: as a search per word does
        let by_words = |text: &str| -> Option<Kind> {
            let hit = KIND_RULES
                .iter()
                .filter_map(|(kind, words)| {
                    let at = words.iter().filter_map(|w| text.find(w)).min()?;
                    Some((at, *kind))
                })
                .min_by_key(|(at, _)| *at);
            match hit {
                Some((_, kind)) => Some(kind),
                None => TASK_WORDS
                    .iter()
                    .any(|w| text.contains(w))
                    .then_some(Kind::Tasks),
            }
        };
        let words: Vec<&str> = KIND_RULES
            .iter()
            .flat_map(|(_, w)| w.iter().copied())
            .chain(TASK_WORDS)
            .collect();
        for a in &words {
            for b in &words {
                for text in [format!("甲{a}{b}"), format!("{a}乙{b}丙")] {
                    let want = by_words(&text).unwrap_or(Kind::Other);
                    assert_eq!(guess_kind(&text, ""), want, "{text}");
                    assert_eq!(guess_kind("春风", &text), want, "{text}");
                }
            }
        }
    }
    #[test]
    fn an_office_and_a_name_on_a_line_is_a_speaker_line() {
        for t in [
            "个险分管副总裁孙晓红",
            "集团党委书记、董事长 魏华山",
            "市委书记　张明",
            "校长欧阳明远",
            "（县委书记　张明）",
        ] {
            assert!(is_byline(t), "{t}");
            assert!(!could_be_title(t), "{t}");
        }
        for t in [
            "学习省委书记讲话",
            "在全县党委书记抓基层党建工作述职评议会上的讲话",
            "董事长致辞",
            "党委书记、董事长",
            "书记张明说，要抓好落实",
            "推动学习的革命 建立专业的团队",
        ] {
            assert!(!is_byline(t), "{t}");
        }
    }

    #[test]
    fn a_run_in_lead_keeps_its_closing_quote_bold() {
        let bold = |t: &'static str| &t[..run_in_bold_end(t)];
        assert_eq!(bold("（一）加强组织领导。"), "（一）加强组织领导");
        assert_eq!(
            bold("第一，突出抓好“三个环节”。"),
            "第一，突出抓好“三个环节”"
        );
        assert_eq!(bold("一是落实《条例》要求；"), "一是落实《条例》要求");
        assert_eq!(
            bold("（二）关于“两个确立”（试行）。"),
            "（二）关于“两个确立”（试行）"
        );
        // nothing after the closer: it goes outside, so that `**` can close before it
        assert_eq!(bold("第二，抓好“三个环节”"), "第二，抓好“三个环节");
        assert_eq!(bold("加强领导"), "加强领导");
        assert_eq!(bold("。"), "");
    }

    #[test]
    fn run_in_headings_end_at_the_first_sentence() {
        let t = "加强领导，强化责任。各党组织要抓好落实。";
        assert_eq!(&t[run_in_split(t).unwrap()..], "各党组织要抓好落实。");
        assert_eq!(run_in_split("加强领导，强化责任。"), None);
        assert_eq!(run_in_split("今年以来党建工作稳步推进"), None);
        let t = "坚持“抓好党建是本职。”不放松。要落实。";
        assert_eq!(&t[run_in_split(t).unwrap()..], "要落实。");
    }
}

// ---- Wider recognition for mining real pages (issue 9): audiences, greetings, closings,
// ---- title endings. Appended; the rules above are unchanged except where they call these.

/// Words that open a vocative (`尊敬的…`, `亲爱的…`, `各位…`).
pub const VOCATIVE_LEADS: [&str; 5] = ["尊敬的", "亲爱的", "各位", "全体", "敬爱的"];

/// Words a vocative ends with: the audience a speech addresses.
pub const AUDIENCE_ENDINGS: [&str; 22] = [
    "们",
    "同志",
    "同学",
    "老师",
    "嘉宾",
    "来宾",
    "代表",
    "家长",
    "校友",
    "朋友",
    "先生",
    "女士",
    "战友",
    "领导",
    "委员",
    "学员",
    "职工",
    "员工",
    "青年",
    "师生",
    "乡亲",
    "各界人士",
];

/// True for one vocative phrase: `同志们`, `尊敬的李市长`, `各位来宾`, `亲爱的2021级新同学`.
pub fn is_vocative(seg: &str) -> bool {
    let n = seg.chars().count();
    (2..=30).contains(&n)
        && !seg.contains([
            '。', '！', '？', '；', '：', '，', '“', '”', '（', '(', '《',
        ])
        && !opens_with_marker(seg)
        && (VOCATIVE_LEADS.iter().any(|l| seg.starts_with(l))
            || (n <= 10
                && !seg.contains('要')
                && AUDIENCE_ENDINGS.iter().any(|e| seg.ends_with(e))))
}

/// Byte length of the run of vocatives at the start of `text`, separated by `，` or `、`
/// (`同学们、老师们`), or 0.
pub fn vocative_run(text: &str) -> usize {
    let mut end = 0;
    let mut at = 0;
    loop {
        let rest = &text[at..];
        let seg_len = rest
            .find(['，', '、', '：', ':', '！', ','])
            .unwrap_or(rest.len());
        if !is_vocative(&rest[..seg_len]) {
            return end;
        }
        end = at + seg_len;
        let Some(sep) = rest[seg_len..].chars().next() else {
            return end;
        };
        if !matches!(sep, '，' | '、' | ',') {
            return end;
        }
        at = end + sep.len_utf8();
    }
}

/// True for a whole salutation line of any audience: vocatives ending in `：`
/// (`同学们、老师们：`, `女士们、先生们：`, `各位代表，同志们：`).
pub fn is_audience_salutation(text: &str) -> bool {
    let t = text.trim();
    let Some(body) = t.strip_suffix(['：', ':']) else {
        return false;
    };
    t.chars().count() <= 60 && !body.is_empty() && vocative_run(body) == body.len()
}

/// The first line of a salutation printed over two lines: vocatives ending in `，`.
pub fn is_salutation_start(text: &str) -> bool {
    let t = text.trim();
    let Some(body) = t.strip_suffix(['，', ',']) else {
        return false;
    };
    t.chars().count() <= 40 && !body.is_empty() && vocative_run(body) == body.len()
}

/// Greetings a speech may open with after (or instead of) its salutation.
pub const GREETINGS: [&str; 5] = ["大家好", "大家上午好", "大家下午好", "大家晚上好", "你们好"];

/// A salutation at the start of a paragraph that goes on (`各位来宾，大家下午好。首先…`,
/// `尊敬的…，各位来宾：今天…`): the byte length of the vocatives.
pub fn leading_salutation(text: &str) -> Option<usize> {
    let run = vocative_run(text);
    if run == 0 {
        return None;
    }
    let rest = &text[run..];
    let rest = rest
        .strip_prefix(['，', ',', '：', ':', '！'])
        .unwrap_or(rest);
    let greets = GREETINGS.iter().any(|g| rest.starts_with(g)) || greeting_len(rest).is_some();
    (greets || text[run..].starts_with(['：', ':'])).then_some(run)
}

/// True for a paragraph that opens a speech with a greeting (`大家好！…`, `上午好！`,
/// `大家早上好！`, `新学期好！`).
pub fn opens_speech(text: &str) -> bool {
    greeting_len(text).is_some()
}

/// Times and occasions a greeting names (`上午好`, `新年好`).
const GREETING_TIMES: [&str; 9] = [
    "早上",
    "上午",
    "中午",
    "下午",
    "晚上",
    "新年",
    "新学期",
    "节日",
    "",
];

/// Byte length of a greeting at the start of `text`: `大家` / `各位` (optional), a time
/// (optional), `好`.
pub fn greeting_len(text: &str) -> Option<usize> {
    let mut rest = text;
    for who in ["大家", "各位", "你们"] {
        if let Some(r) = rest.strip_prefix(who) {
            rest = r;
            break;
        }
    }
    for time in GREETING_TIMES {
        if let Some(r) = rest.strip_prefix(time)
            && let Some(r) = r.strip_prefix('好')
        {
            // a bare 好 needs someone greeted (`大家好`), not `好的`
            if time.is_empty() && rest.len() == text.len() {
                return None;
            }
            return Some(text.len() - r.len());
        }
    }
    None
}

/// True for a short thanks that ends a speech (`谢谢大家！`, `谢谢！`).
pub fn is_thanks(text: &str) -> bool {
    let t = text.trim();
    t.chars().count() <= 14 && (t.starts_with("谢谢") || t.starts_with("感谢大家"))
}

/// True for a stand-alone vocative line inside a speech (`同志们、朋友们！`).
pub fn is_vocative_line(text: &str) -> bool {
    let t = text.trim();
    let Some(body) = t.strip_suffix(['！', '!', '：']) else {
        return false;
    };
    !body.is_empty() && vocative_run(body) == body.len()
}

/// Leads that open a closing paragraph without `同志们，`.
pub const CLOSING_LEADS: [&str; 9] = [
    "总之",
    "总而言之",
    "综上所述",
    "总结上面",
    "总的来说",
    "最后，祝",
    "最后，我",
    "我就讲这些",
    "感谢",
];

/// True for a paragraph that opens a closing: `同志们，…`/`总之，…` as before, a vocative
/// followed by `，`/`！` (`同学们，你们…`, `同志们！明年…`), or another closing lead.
pub fn opens_closing_wide(text: &str) -> bool {
    let t = text.trim_start();
    if opens_closing(t) || CLOSING_LEADS.iter().any(|l| t.starts_with(l)) {
        return true;
    }
    let run = vocative_run(t);
    run > 0 && t[run..].starts_with(['，', '！']) && !t[run..].starts_with("，大家")
}

/// True when a line ends the way a speech title does (`讲话`, `致辞`, `发言`…).
pub fn has_title_ending(text: &str) -> bool {
    let mut t = text.trim().trim_end_matches(['》', '”']);
    // a number after the title in a collection: `……讲话稿（一）`, `……致辞(2)`
    if let Some(open) = t.rfind(['（', '('])
        && t.ends_with(['）', ')'])
        && t[open..].chars().count() <= 5
    {
        t = &t[..open];
    }
    TITLE_ENDINGS.iter().any(|e| t.ends_with(e))
        || ["致词", "贺词", "演讲", "讲话稿", "党课", "说明"]
            .iter()
            .any(|e| t.ends_with(e))
}

/// A speaker's name label glued before the speech (`李明：尊敬的…`): its byte length with
/// the colon, when a salutation follows.
pub fn speaker_label(text: &str) -> Option<usize> {
    let at = text.find(['：', ':'])?;
    let name = &text[..at];
    let n = name.chars().count();
    let colon = text[at..].chars().next()?.len_utf8();
    ((2..=5).contains(&n)
        && name.chars().all(crate::doc::punct::is_han)
        && !opens_with_marker(text)
        && leading_salutation(&text[at + colon..]).is_some())
    .then_some(at + colon)
}

#[cfg(test)]
mod wide_tests {
    use super::*;

    #[test]
    fn audiences() {
        for s in [
            "同学们、老师们：",
            "女士们、先生们：",
            "各位代表，同志们：",
            "共青团员们，青年朋友们，同志们：",
            "尊敬的各位嘉宾、各位家长、各位老师：",
        ] {
            assert!(is_audience_salutation(s), "{s}");
        }
        assert!(!is_audience_salutation("下面我讲几点意见："));
        assert!(is_salutation_start("亲爱的2021级新同学，"));
        assert_eq!(
            leading_salutation("各位教职员工，大家好！"),
            Some("各位教职员工".len())
        );
        assert_eq!(
            speaker_label("李明：各位来宾，大家好。"),
            Some("李明：".len())
        );
        // a point's lead is no name, even when a vocative follows it (found by proptest)
        assert_eq!(speaker_label("一要：领导：。"), None);
        assert_eq!(speaker_label("第一：同志们，要抓落实。"), None);
        assert_eq!(leading_salutation("一是同志们：，。"), None);
        assert_eq!(speaker_label("一是：领导：。"), None);
        assert!(opens_closing_wide("同学们，你们是新时代的一代。"));
        assert!(opens_closing_wide("同志们！明年是关键之年。"));
        assert!(!opens_closing_wide("同学们，大家好。"));
        assert!(is_vocative_line("同志们、朋友们！"));
        for g in ["大家好！", "上午好！", "大家早上好！", "新学期好！"] {
            assert!(opens_speech(g), "{g}");
        }
        assert!(!opens_speech("好的，我们开始。"));
    }
}

/// Modal words a run of parallel paragraphs opens with (`我们要…`, `必须…`).
pub const PARALLEL_MODALS: [&str; 3] = ["要", "必须", "应当"];

/// Occasions beyond the five built-in types, each with the words that name it in a title or
/// an opening and the nearest built-in template (`mine` reports the occasion and uses that).
pub const OCCASIONS: [(&str, &[&str], &str); 13] = [
    ("座谈会", &["座谈会"], "regular"),
    ("开学典礼", &["开学典礼"], "mobilization"),
    ("毕业典礼", &["毕业典礼"], "mobilization"),
    (
        "开班式",
        &["开班式", "开班仪式", "开班典礼"],
        "mobilization",
    ),
    ("表彰会", &["表彰大会", "表彰会", "表彰"], "mobilization"),
    ("党课", &["党课"], "article"),
    ("工作会议", &["工作会议"], "mobilization"),
    (
        "纪念会",
        &["纪念大会", "纪念会", "诞辰", "逝世", "纪念"],
        "mobilization",
    ),
    ("庆祝大会", &["庆祝大会", "庆祝"], "mobilization"),
    ("团拜会", &["团拜会"], "regular"),
    ("开幕式", &["开幕式", "开幕致辞", "开幕"], "mobilization"),
    ("全会", &["全会"], "mobilization"),
    ("致辞", &["致辞", "贺词"], "mobilization"),
];

/// The occasion a title or opening names, if it is one of [`OCCASIONS`]: (name, nearest
/// built-in template).
pub fn occasion(title: &str, opening: &str) -> Option<(&'static str, &'static str)> {
    for text in [title, opening] {
        if let Some((name, _, template)) = OCCASIONS
            .iter()
            .find(|(_, words, _)| words.iter().any(|w| text.contains(w)))
        {
            return Some((name, template));
        }
    }
    None
}

/// Sentences a speech or report ends with (`以上报告，请予评议。`, `谢谢大家！`).
pub const SIGN_OFFS: [&str; 6] = [
    "以上报告",
    "以上发言",
    "以上汇报",
    "请予评议",
    "请审议",
    "我就讲这些",
];

/// True for a speech's last line: a thanks or a sign-off.
pub fn is_sign_off(text: &str) -> bool {
    is_thanks(text) || SIGN_OFFS.iter().any(|s| text.trim_start().starts_with(s))
}

/// Words that name the five built-in speech types in a title (checked first) or in the title
/// and first paragraph, in order: (where, word, template).
pub const TYPE_WORDS: [(bool, &str, &str); 8] = [
    (true, "述职", "review"),
    (true, "评议", "review"),
    (true, "例会", "regular"),
    (true, "推进会", "promotion"),
    (false, "动员", "mobilization"),
    (false, "部署", "mobilization"),
    (false, "述职", "review"),
    (false, "推进", "promotion"),
];
