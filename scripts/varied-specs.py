#!/usr/bin/env python3
"""Writes specs that vary everything a spec can vary, for the schema and reader checks.

Every speech type, numbering scheme and enumeration; one to five parts, sections down to the
fourth level; with and without date, speaker, salutation and transition; titles long, short
and with a —— subtitle; text holding XML's special characters, Latin and digits, quotation
marks and dashes. The wording is made up here. Seeded, so every run writes the same files.

    scripts/varied-specs.py OUT_DIR [COUNT=24]
"""

import random
import sys
from pathlib import Path

TEMPLATES = ["review", "promotion", "regular", "mobilization", "article"]
NUMBERINGS = ["standard", "di", "shouxian", "yao", "none"]
ENUMERATIONS = ["shi", "yao", "di", "list"]
KINDS = ["achievements", "problems", "experience", "tasks", "other"]

TITLES = [
    "在全市城乡环境整治推进会上的讲话",
    "在全区数字政府建设暨政务服务改革工作会议上的讲话",
    "凝心聚力 真抓实干——在全县乡村振兴工作会议上的讲话",
    "在市场监管系统“质量月”活动启动仪式上的讲话",
    "在2026年度全省水利工作会议暨防汛抗旱工作部署会上的讲话提纲",
    "讲话",
    "关于推进“放管服”改革的几点思考",
]
HEADINGS = [
    "提高站位，把思想和行动统一到决策部署上来",
    "聚焦重点，扎实推进各项任务落地见效",
    "压实责任，确保工作取得实实在在的成效",
    "坚持问题导向",
    "突出抓好“三个环节”",
    "强化A/B两类项目的跟踪服务",
    "完善R&D投入机制",
]
SENTENCES = [
    "要把这项工作摆在突出位置，主要负责同志亲自抓、分管同志具体抓。",
    "各部门要加强协同配合，形成齐抓共管的工作格局。",
    "全年完成投资12.5亿元，同比增长8.3%，其中5G基站新建320个。",
    "对照“<目标>”和“&清单”逐项销号，做到件件有着落、事事有回音。",
    "要坚持“一张蓝图绘到底”，久久为功，善作善成。",
    "有的单位工作标准不高——满足于一般化，缺乏攻坚克难的劲头……",
    "要用好ISO 9001质量管理体系，推动服务流程再造。",
    "我们既要看到成绩，也要清醒认识到面临的困难和挑战。",
]


def quote(text):
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def array(items):
    return "[" + ", ".join(quote(i) for i in items) + "]"


def sentences(rng, low, high):
    return [rng.choice(SENTENCES) for _ in range(rng.randint(low, high))]


def part(rng, lines, prefix, level, depth):
    lines.append(f"[[{prefix}]]")
    lines.append(f"heading = {quote(rng.choice(HEADINGS))}")
    if level == 1:
        lines.append(f"kind = {quote(rng.choice(KINDS))}")
    shape = rng.choice(["points", "paragraphs", "both", "sections"] if level < depth else ["points", "paragraphs", "both"])
    if shape in ("paragraphs", "both", "sections"):
        lines.append(f"paragraphs = {array(sentences(rng, 1, 2))}")
    if shape in ("points", "both"):
        enumeration = rng.choice(ENUMERATIONS + ["fangmian"])
        count = 2 if enumeration == "fangmian" else rng.randint(2, 5)
        lines.append(f"points = {array(rng.choice(SENTENCES) for _ in range(count))}")
        lines.append(f"enumeration = {quote(enumeration)}")
        if rng.random() < 0.4:
            lines.append(f"after = {array(sentences(rng, 1, 1))}")
    if shape == "sections":
        for _ in range(rng.randint(1, 3)):
            part(rng, lines, prefix + ".sections", level + 1, depth)


def spec(rng, index):
    lines = [f"# 检查用的要素文件 {index}（scripts/varied-specs.py 生成）"]
    lines.append(f"template = {quote(TEMPLATES[index % len(TEMPLATES)])}")
    lines.append(f"title = {quote(rng.choice(TITLES))}")
    if rng.random() < 0.7:
        lines.append(f"date = 2026-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}")
    if rng.random() < 0.5:
        lines.append(f"speaker = {quote(rng.choice(['王建国', '李红', 'Zhang Wei']))}")
        if rng.random() < 0.7:
            lines.append(f"speaker-title = {quote(rng.choice(['市长', '县委副书记、县长', '局党组书记']))}")
    salutation = rng.choice([[], ["同志们"], ["尊敬的各位来宾", "同志们"], ["各位代表"]])
    lines.append(f"salutation = {array(salutation)}")
    numbering = NUMBERINGS[(index // len(TEMPLATES)) % len(NUMBERINGS)]
    lines.append(f"numbering = {quote(numbering)}")
    if rng.random() < 0.3:
        lines.append(f"transition = {quote(rng.choice(['', '下面，我讲{n}个方面的意见。']))}")
    lines.append("[opening]")
    lines.append(f"meeting = {quote('全市重点工作推进会')}")
    if rng.random() < 0.6:
        lines.append(f"purpose = {quote('总结前一段工作，部署下一步任务')}")
    if rng.random() < 0.6:
        lines.append(f"just-now = {array(['几位同志作了交流发言', '市政府领导通报了有关情况'])}")
    if rng.random() < 0.4:
        lines.append(f"paragraphs = {array(sentences(rng, 1, 2))}")
    # "首先，其次" and "一要" number a few parts only
    most = 3 if numbering in ("shouxian", "yao") else 5
    depth = 1 if numbering in ("shouxian", "yao", "none") else rng.randint(1, 4)
    for _ in range(rng.randint(1, most)):
        part(rng, lines, "parts", 1, depth)
    lines.append("[closing]")
    lines.append(f"call = {quote('以更加饱满的热情、更加务实的作风抓好各项工作落实')}")
    if rng.random() < 0.7:
        lines.append(f"goal = {quote('为全市高质量发展作出新的更大贡献')}")
    return "\n".join(lines) + "\n"


def main():
    out = Path(sys.argv[1])
    count = int(sys.argv[2]) if len(sys.argv) > 2 else 24
    out.mkdir(parents=True, exist_ok=True)
    rng = random.Random(9704)
    for i in range(count):
        (out / f"varied-{i:02d}.toml").write_text(spec(rng, i), encoding="utf-8")


if __name__ == "__main__":
    main()
