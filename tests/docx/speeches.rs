//! Speeches built in code for the Word tests, written for these tests in the genre's style.

use jianghua::{Block, Doc, Heading, Paragraph};

fn title(text: &str) -> Block {
    Block::Title { text: text.into() }
}

fn byline(text: &str) -> Block {
    Block::Byline { text: text.into() }
}

fn salutation(text: &str) -> Block {
    Block::Salutation { text: text.into() }
}

fn heading(level: u8, text: &str) -> Block {
    Block::Heading(Heading {
        level,
        text: text.into(),
    })
}

fn para(text: &str) -> Block {
    Block::Paragraph(Paragraph {
        lead: None,
        text: text.into(),
        closing: false,
    })
}

fn lead(level: u8, lead: &str, text: &str) -> Block {
    Block::Paragraph(Paragraph {
        lead: Some(Heading {
            level,
            text: lead.into(),
        }),
        text: text.into(),
        closing: false,
    })
}

fn closing(text: &str) -> Block {
    Block::Paragraph(Paragraph {
        lead: None,
        text: text.into(),
        closing: true,
    })
}

/// A short speech with every role: title, byline, salutation, four heading levels, run-in
/// headings, body and closing.
pub fn progress_meeting() -> Doc {
    Doc {
        blocks: vec![
            title("在全市优化营商环境工作推进会上的讲话"),
            byline("（2026年3月12日）"),
            salutation("同志们："),
            para(
                "今天召开全市优化营商环境工作推进会，主要任务是总结前一阶段工作，分析当前形势，部署下一步任务。刚才，市发展改革委通报了全市营商环境评价情况，三个县区作了交流发言，讲得都很好，我都同意。下面，我讲三点意见。",
            ),
            heading(1, "一、提高站位，切实增强优化营商环境的责任感"),
            para(
                "营商环境就是生产力，就是竞争力。过去一年，全市上下围绕“办事不求人、审批不见面、最多跑一次”的目标，推出了一批务实管用的改革举措，企业开办时间压缩到1个工作日以内，工程建设项目审批时限压减到60天，市场主体总数突破52万户。这些成绩来之不易，是各级各部门共同努力的结果。",
            ),
            lead(
                2,
                "（一）要看到成绩。",
                "一年来，我们在政务服务、要素保障、法治环境等方面下了大功夫，群众和企业的满意度明显提升，在全省营商环境评价中排名前移了5位。",
            ),
            lead(
                2,
                "（二）要正视差距。",
                "同先进地区相比，我们在审批效率、服务意识、政策落实等方面还有不小差距，有的部门“门好进、脸好看”，但“事难办”的问题依然存在。",
            ),
            heading(1, "二、突出重点，全力打好优化营商环境攻坚战"),
            heading(2, "（一）聚焦企业关切，持续深化“放管服”改革"),
            heading(3, "1.推进审批服务标准化"),
            para(
                "各部门要对照权责清单，逐项梳理办事流程，做到同一事项、同一标准、同一编码，坚决杜绝自由裁量、层层加码。",
            ),
            heading(4, "（1）统一办事指南"),
            para("办事指南要写清楚申请材料、办理时限和收费标准，让企业一看就懂、一次办好。"),
            lead(
                3,
                "2.强化要素保障。",
                "土地、资金、人才、用能是企业最关心的问题，要建立重点项目要素保障清单，实行挂图作战、销号管理。",
            ),
            heading(1, "三、压实责任，确保各项任务落地见效"),
            para(
                "各级党委、政府要把优化营商环境作为“一把手”工程，主要负责同志亲自抓、负总责。一是要健全工作机制；二是要加强督查考核；三是要营造良好氛围。",
            ),
            closing(
                "同志们，优化营商环境只有进行时，没有完成时。让我们以更大的决心、更实的举措、更优的服务，奋力开创全市高质量发展新局面！",
            ),
        ],
    }
}

/// Text that Word and XML treat specially, plus control characters that must never reach the XML.
pub fn special_characters() -> Doc {
    Doc {
        blocks: vec![
            title("关于A&B项目<试点>的讲话"),
            byline("（县委书记\t张明）"),
            salutation("尊敬的李华同志、同志们："),
            para("引用\"双引号\"与'单引号'，尖括号<w:t>和&amp;照原样，CDATA 结尾]]>也照原样。"),
            para("制表符\t之后，第一行\n第二行\r\n第三行。"),
            para("控制字符\u{0}\u{1}\u{8}\u{b}\u{c}\u{1b}\u{7f}\u{85}不进入文件。"),
            lead(1, "一、<标题>&“引号”。", "正文\t紧随其后。"),
            para(""),
            para("   前后有空格   "),
        ],
    }
}

/// A speech long enough to fill several pages with body text, for lines-per-page checks.
pub fn long_speech() -> Doc {
    let sentences = [
        "各级各部门要坚持问题导向，把解决企业反映强烈的突出问题作为工作的出发点和落脚点。",
        "要进一步转变作风，主动上门服务，变“企业跑”为“干部跑”，变“坐等审批”为“靠前服务”。",
        "对企业提出的合理诉求，能当场解决的要当场解决，不能当场解决的要限期办结并及时反馈。",
        "要加强跟踪问效，建立健全问题台账，做到件件有着落、事事有回音，切实提高企业获得感。",
        "对工作中推诿扯皮、敷衍塞责的，要严肃追责问责，以铁的纪律保障各项任务落到实处。",
    ];
    let mut blocks = vec![
        title("在全县重点项目建设推进会上的讲话"),
        byline("（2026年4月8日）"),
        salutation("同志们："),
    ];
    for part in 0..3 {
        blocks.push(heading(
            1,
            [
                "一、抓项目就是抓发展",
                "二、抓落实就是抓关键",
                "三、抓作风就是抓保障",
            ][part],
        ));
        for n in 0..6 {
            let text: String = (0..4)
                .map(|i| sentences[(part + n + i) % sentences.len()])
                .collect();
            blocks.push(para(&text));
        }
    }
    blocks.push(closing(
        "同志们，时间不等人，任务不等人。让我们撸起袖子加油干，确保全年目标任务圆满完成！",
    ));
    Doc { blocks }
}

/// A 首先/其次 article: a `——` subtitle, date and speaker lines, standalone sequence headings
/// (as lead-only paragraphs, the form the renderer used, and as headings).
pub fn sequence_article() -> Doc {
    Doc {
        blocks: vec![
            title("以实干担当推动高质量发展——在县委理论学习中心组专题学习会上的发言"),
            byline("（2026年5月20日）"),
            byline("县委副书记　王芳"),
            lead(1, "首先，要在学深悟透上下功夫。", ""),
            para("学习不能浮在面上，要原原本本读原文、逐字逐句悟原理，真正做到学思用贯通。"),
            heading(1, "其次，要在真抓实干上见成效。"),
            para("对照年初确定的目标任务，逐项排查进度，“慢半拍”的要加力，“卡了壳”的要破题……"),
            closing("总之，我们要以钉钉子精神抓好落实，确保各项任务落地见效。"),
        ],
    }
}

/// A speech with no byline: the salutation must not sit right under the title.
pub fn no_byline() -> Doc {
    Doc {
        blocks: vec![
            title("在全区安全生产工作例会上的讲话"),
            salutation("同志们："),
            para("今天的例会，主要是通报上月安全生产情况，部署下一阶段重点工作。"),
        ],
    }
}

/// All fixtures, by name.
pub fn all() -> Vec<(&'static str, Doc)> {
    vec![
        ("progress", progress_meeting()),
        ("sequence", sequence_article()),
        ("no-byline", no_byline()),
        ("special", special_characters()),
        ("long", long_speech()),
    ]
}
