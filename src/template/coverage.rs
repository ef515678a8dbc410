//! Specs that together take every branch a template can take (`jianghua templates check`):
//! every optional field empty and all filled, every part kind, enumeration and numbering form,
//! four levels of sections, exactly two points after a stock intro.

/// The spec texts, each without its `template = …` line.
pub const SPECS: &[&str] = &[
    // nothing optional
    "title = \"讲话\"\nsalutation = []\ntransition = \"\"\n",
    // everything filled, standard numbering, every kind and enumeration, four levels
    r#"title = "在全县工作会议上的讲话"
date = 2026-01-15
speaker = "张明"
speaker-title = "县委书记"
salutation = ["尊敬的李华同志", "同志们"]
numbering = "standard"
transition = "下面，我讲{n}点意见。"
[opening]
meeting = "全县工作会议"
purpose = "总结工作、部署任务"
just-now = ["李华同志作了讲话"]
comment = "讲得很好。"
paragraphs = ["开场的自由段落。"]
[[parts]]
heading = "肯定成绩"
kind = "achievements"
points = ["甲。", "乙。", "丙。"]
enumeration = "shi"
after = ["成绩来之不易。"]
[[parts]]
heading = "正视问题"
kind = "problems"
points = ["丁。", "戊。", "己。"]
enumeration = "yao"
[[parts]]
heading = "总结经验"
kind = "experience"
points = ["庚。", "辛。", "壬。"]
enumeration = "di"
[[parts]]
heading = "部署任务"
kind = "tasks"
paragraphs = ["要抓好以下工作。"]
[[parts.sections]]
heading = "第二层"
points = ["一点。", "另一点。"]
enumeration = "fangmian"
[[parts.sections.sections]]
heading = "第三层"
points = ["每点一段。", "又一段。"]
enumeration = "list"
[[parts.sections.sections.sections]]
heading = "第四层"
paragraphs = ["最深一层。"]
[[parts]]
paragraphs = ["没有标题的部分。"]
[closing]
call = "抓好落实"
goal = "再创佳绩"
paragraphs = ["结尾的自由段落。"]
"#,
    // half-filled opening and closing; parts with stock intros before two points
    r#"title = "讲话"
[opening]
meeting = "例会"
just-now = ["大家作了汇报"]
[[parts]]
heading = "问题"
kind = "problems"
points = ["甲。", "乙。"]
[[parts]]
heading = "任务"
kind = "tasks"
points = ["丙。", "丁。"]
[closing]
goal = "完成任务"
"#,
    r#"title = "讲话"
[opening]
purpose = "部署工作"
comment = "很好。"
[[parts]]
heading = "成绩"
kind = "achievements"
points = ["甲。", "乙。", "丙。"]
[[parts]]
heading = "经验"
kind = "experience"
points = ["丁。", "戊。"]
"#,
    "title = \"讲话\"\nnumbering = \"di\"\n[[parts]]\nheading = \"甲\"\nparagraphs = [\"正文。\"]\n[[parts]]\nheading = \"乙\"\n",
    "title = \"讲话\"\nnumbering = \"shouxian\"\n[[parts]]\nheading = \"甲\"\nparagraphs = [\"正文。\"]\n[[parts]]\nheading = \"乙\"\n",
    "title = \"讲话\"\nnumbering = \"yao\"\n[[parts]]\nheading = \"甲\"\nparagraphs = [\"正文。\"]\n[[parts]]\nheading = \"乙\"\n",
    "title = \"讲话\"\nnumbering = \"none\"\n[[parts]]\nheading = \"甲\"\nparagraphs = [\"正文。\"]\n",
];
