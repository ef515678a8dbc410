//! HTML output: the `Doc` typeset as A4 pages from a profile (grid lines, characters per line,
//! page numbers), as one standalone printable file and as the preview of `jianghua serve`.
//!
//! Lines and pages are computed here, not by the browser: every line is the profile's grid
//! pitch, body text at the grid's size takes `text width / chars` per character (as the Word
//! output scales it), and a paragraph breaks where the line runs out (closing punctuation hangs,
//! opening brackets move down), so the pages shown are the pages of the grid whatever fonts the
//! browser has. The markup is XHTML-compatible, so it parses as strict XML too.

use super::docx::{text, title};
use crate::doc::{Block, Doc};
use crate::render::profile::{Align, Placement, Profile, RoleStyle};
use std::borrow::Cow;
use std::fmt::Write;

/// Points per millimetre.
const PT_PER_MM: f64 = 72.0 / 25.4;
/// Slack when comparing widths in points.
const EPS: f64 = 0.01;

/// The role a run of text is set in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    Title,
    /// A `——` subtitle on its own line under the title, as the Word output sets it.
    Subtitle,
    Byline,
    Salutation,
    Body,
    Heading(u8),
}

impl Role {
    fn class(self) -> &'static str {
        match self {
            Role::Title => "t",
            Role::Subtitle => "st",
            Role::Byline => "by",
            Role::Salutation => "sa",
            Role::Body => "bd",
            Role::Heading(1) => "h1",
            Role::Heading(2) => "h2",
            Role::Heading(3) => "h3",
            Role::Heading(_) => "h4",
        }
    }

    fn style(self, profile: &Profile) -> Cow<'_, RoleStyle> {
        Cow::Borrowed(match self {
            Role::Title => &profile.title,
            Role::Subtitle => return Cow::Owned(profile.subtitle_style()),
            Role::Byline => &profile.byline,
            Role::Salutation => &profile.salutation,
            Role::Body => &profile.body,
            Role::Heading(0 | 1) => &profile.heading1,
            Role::Heading(2) => &profile.heading2,
            Role::Heading(3) => &profile.heading3,
            Role::Heading(_) => &profile.heading4,
        })
    }

    const ALL: [Role; 9] = [
        Role::Title,
        Role::Subtitle,
        Role::Byline,
        Role::Salutation,
        Role::Body,
        Role::Heading(1),
        Role::Heading(2),
        Role::Heading(3),
        Role::Heading(4),
    ];
}

/// One typeset line: runs of text by role.
#[derive(Debug, Clone, Default)]
struct Line {
    runs: Vec<(Role, String)>,
    /// The paragraph's first line (takes the first-line indent).
    first: bool,
    /// Stretched to the full width (a justified line that is not the paragraph's last).
    justify: bool,
}

/// A piece of a block on one page.
#[derive(Debug, Clone)]
enum Item {
    Lines {
        block: usize,
        role: Role,
        lines: Vec<Line>,
    },
    /// Blank space, in grid lines.
    Gap(f64),
}

/// One page of the layout.
#[derive(Debug, Clone, Default)]
pub struct PageBox {
    items: Vec<Item>,
}

/// Measures of the text block in points.
struct Metrics<'a> {
    profile: &'a Profile,
    width: f64,
    /// Advance of one full-width character at the body size when the grid fixes characters
    /// per line (the body size scaled as `Profile::char_scale_percent` says).
    grid_advance: Option<f64>,
}

impl<'a> Metrics<'a> {
    fn new(profile: &'a Profile) -> Self {
        let page = &profile.page;
        let width = (page.width_mm - page.margin_left_mm - page.margin_right_mm) * PT_PER_MM;
        // the Word output's horizontal scale, so that lines break where Word breaks them
        let grid_advance = profile
            .char_scale_percent()
            .map(|pct| profile.body.size_pt * f64::from(pct) / 100.0);
        Metrics {
            profile,
            width,
            grid_advance,
        }
    }

    /// Advance of a full-width character of `role`.
    fn unit(&self, role: Role) -> f64 {
        let size = role.style(self.profile).size_pt;
        match self.grid_advance {
            Some(a) if (size - self.profile.body.size_pt).abs() < EPS => a,
            _ => size,
        }
    }

    fn advance(&self, c: char, role: Role) -> f64 {
        if is_half_width(c) {
            self.unit(role) / 2.0
        } else {
            self.unit(role)
        }
    }
}

fn is_half_width(c: char) -> bool {
    (c as u32) < 0x1100 && c != '—' && c != '…'
}

/// Characters that may not start a line: they hang at the end of the previous one.
fn no_start(c: char) -> bool {
    "，。、；：？！）」』”’》〉】…—·,.;:?!)".contains(c)
}

/// Characters that may not end a line: they move down to the next one.
fn no_end(c: char) -> bool {
    "（「『“‘《〈【(".contains(c)
}

/// Breaks the runs of one paragraph into lines of the text block's width.
fn break_lines(m: &Metrics, base: Role, runs: &[(Role, String)]) -> Vec<Line> {
    let indent = base.style(m.profile).size_pt * base.style(m.profile).indent_chars;
    let justify = base.style(m.profile).align == Align::Justify;
    // characters with their role; '\n' forces a break
    let chars: Vec<(char, Role)> = runs
        .iter()
        .flat_map(|(role, t)| {
            text::clean(t)
                .chars()
                .map(|c| (c, *role))
                .collect::<Vec<_>>()
        })
        .collect();
    let mut lines: Vec<Vec<(char, Role)>> = vec![Vec::new()];
    let mut forced: Vec<bool> = Vec::new();
    let mut width = 0.0;
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i].0;
        if c == '\n' {
            lines.push(Vec::new());
            forced.push(true);
            width = 0.0;
            i += 1;
            continue;
        }
        // a run of ASCII letters and digits is one unbreakable word
        let mut j = i + 1;
        if c.is_ascii_alphanumeric() {
            while j < chars.len() && chars[j].0.is_ascii_alphanumeric() {
                j += 1;
            }
        }
        let w: f64 = chars[i..j].iter().map(|(c, r)| m.advance(*c, *r)).sum();
        let cap = if lines.len() == 1 {
            m.width - indent
        } else {
            m.width
        };
        let current = lines.last_mut().expect("one line at least");
        if width + w <= cap + EPS || current.is_empty() || (j == i + 1 && no_start(c)) {
            current.extend_from_slice(&chars[i..j]);
            width += w;
            i = j;
            continue;
        }
        // the line is full: an opening bracket at its end moves down with this word
        let mut carry = Vec::new();
        if current.len() > 1 && current.last().is_some_and(|(c, _)| no_end(*c)) {
            carry.push(current.pop().expect("checked"));
        }
        width = carry.iter().map(|(c, r)| m.advance(*c, *r)).sum();
        lines.push(carry);
        forced.push(false);
    }
    forced.push(true);
    let n = lines.len();
    lines
        .into_iter()
        .enumerate()
        .map(|(k, chars)| {
            let mut runs: Vec<(Role, String)> = Vec::new();
            for (c, role) in chars {
                match runs.last_mut() {
                    Some((r, s)) if *r == role => s.push(c),
                    _ => runs.push((role, c.to_string())),
                }
            }
            Line {
                runs,
                first: k == 0,
                justify: justify && k + 1 < n && !forced[k],
            }
        })
        .collect()
}

/// Lays the Doc out on pages of the profile's grid.
pub fn paginate(doc: &Doc, profile: &Profile) -> Vec<PageBox> {
    let m = Metrics::new(profile);
    let per_page = f64::from(profile.grid.lines.max(1));
    // each block as (role, lines, space before, space after, keep with next)
    // the blank line closing the title block goes after the last byline, or after the title
    // (its subtitle) when no byline follows; none between the date and speaker lines
    let title_gap = profile.byline.space_after_lines.max(0.0);
    let mut blocks: Vec<(Role, Vec<Line>, f64, f64, bool)> = Vec::new();
    // the Doc block each typeset block comes from (a subtitle shares its title's)
    let mut origin: Vec<usize> = Vec::new();
    for (i, block) in doc.blocks.iter().enumerate() {
        let next_is_byline = matches!(doc.blocks.get(i + 1), Some(Block::Byline { .. }));
        let (role, runs, keep) = match block {
            Block::Title { text } => {
                let (main, subtitle) = title::split_subtitle(text);
                let mut add = |role: Role, text: &str, last: bool| {
                    let style = role.style(profile);
                    let per_line = (m.width / style.size_pt).floor() as usize;
                    let lines = break_lines(&m, role, &[(role, title::balance(text, per_line))]);
                    let after = if last && !next_is_byline {
                        style.space_after_lines.max(title_gap)
                    } else {
                        style.space_after_lines.max(0.0)
                    };
                    blocks.push((role, lines, style.space_before_lines.max(0.0), after, true));
                    origin.push(i);
                };
                add(Role::Title, main, subtitle.is_none());
                if let Some(sub) = subtitle {
                    add(Role::Subtitle, sub, true);
                }
                continue;
            }
            Block::Byline { text } => (Role::Byline, vec![(Role::Byline, text.clone())], true),
            Block::Salutation { text } => (
                Role::Salutation,
                vec![(Role::Salutation, text.clone())],
                false,
            ),
            Block::Heading(h) => {
                let role = Role::Heading(h.level.clamp(1, 4));
                (role, vec![(role, h.text.clone())], true)
            }
            Block::Paragraph(p) => {
                let mut runs = Vec::new();
                if let Some(lead) = &p.lead {
                    runs.push((Role::Heading(lead.level.clamp(1, 4)), lead.text.clone()));
                }
                runs.push((Role::Body, p.text.clone()));
                (Role::Body, runs, false)
            }
        };
        let style = role.style(profile);
        let lines = break_lines(&m, role, &runs);
        let after = if role == Role::Byline {
            if next_is_byline { 0.0 } else { title_gap }
        } else {
            style.space_after_lines.max(0.0)
        };
        blocks.push((role, lines, style.space_before_lines.max(0.0), after, keep));
        origin.push(i);
    }

    let mut pages = vec![PageBox::default()];
    let mut used = 0.0_f64;
    for (index, (role, lines, before, after, _)) in blocks.iter().enumerate() {
        // keep with next: this block (and a chain of such) plus the next one's first line
        let mut need = 0.0;
        let mut k = index;
        while k < blocks.len() {
            let (_, l, b, a, keep) = &blocks[k];
            if !*keep {
                need += b + 1.0;
                break;
            }
            need += b + l.len() as f64 + a;
            k += 1;
        }
        if blocks[index].4 && used > 0.0 && used + need > per_page + EPS && need <= per_page {
            pages.push(PageBox::default());
            used = 0.0;
        }
        if used > 0.0 && *before > 0.0 {
            if used + before + 1.0 > per_page + EPS {
                pages.push(PageBox::default());
                used = 0.0;
            } else {
                pages
                    .last_mut()
                    .expect("a page")
                    .items
                    .push(Item::Gap(*before));
                used += before;
            }
        }
        let mut rest = &lines[..];
        while !rest.is_empty() {
            if used + 1.0 > per_page + EPS {
                pages.push(PageBox::default());
                used = 0.0;
            }
            let fit = (((per_page - used) + EPS).floor() as usize).clamp(1, rest.len());
            pages.last_mut().expect("a page").items.push(Item::Lines {
                block: origin[index],
                role: *role,
                lines: rest[..fit].to_vec(),
            });
            used += fit as f64;
            rest = &rest[fit..];
        }
        if *after > 0.0 && used + after <= per_page + EPS {
            pages
                .last_mut()
                .expect("a page")
                .items
                .push(Item::Gap(*after));
            used += after;
        }
    }
    pages
}

/// The number of pages the Doc takes with this profile.
pub fn page_count(doc: &Doc, profile: &Profile) -> usize {
    paginate(doc, profile).len()
}

/// Text escaped for HTML/XML content and attribute values.
fn escape(s: &str, out: &mut String) {
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            _ => out.push(c),
        }
    }
}

/// A font name safe inside a CSS string (a profile is user input).
fn css_font(name: &str) -> String {
    name.chars()
        .filter(|c| !matches!(c, '"' | '\\' | '<' | '>' | '{' | '}' | ';') && !c.is_control())
        .collect()
}

/// The font stack of a role: its Latin font, its Chinese font, then fonts most systems have.
fn font_stack(latin: &str, east_asia: &str) -> String {
    let fallback = if east_asia.contains('黑') {
        "\"SimHei\", \"Noto Sans CJK SC\", sans-serif"
    } else if east_asia.contains('楷') {
        "\"KaiTi\", \"STKaiti\", \"AR PL UKai CN\", \"Noto Serif CJK SC\", serif"
    } else {
        "\"FangSong\", \"STFangsong\", \"Noto Serif CJK SC\", serif"
    };
    format!(
        "\"{}\", \"{}\", {fallback}",
        css_font(latin),
        css_font(east_asia)
    )
}

/// The stylesheet of the page view: page boxes on screen, one box per sheet in print.
pub fn stylesheet(profile: &Profile) -> String {
    let m = Metrics::new(profile);
    let p = &profile.page;
    let pitch = profile.grid.line_pitch_pt;
    let mut css = String::new();
    let _ = write!(
        css,
        "@page{{size:{w}mm {h}mm;margin:0}}\n\
         .pages{{display:flex;flex-direction:column;align-items:center;gap:6mm;padding:6mm 0;background:#e4e4e4}}\n\
         .page{{position:relative;box-sizing:border-box;width:{w}mm;height:{h}mm;padding:{t}mm {r}mm {b}mm {l}mm;background:#fff;color:#000;box-shadow:0 1px 4px rgba(0,0,0,.3);overflow:hidden}}\n\
         .page p{{margin:0;padding:0}}\n\
         .ln{{display:block;height:{pitch}pt;line-height:{pitch}pt;white-space:pre;text-align:left}}\n\
         .ln.j{{text-align:justify;text-align-last:justify}}\n\
         .gap{{display:block}}\n\
         .pn{{position:absolute;left:{l}mm;right:{r}mm;bottom:{f}mm;line-height:1;white-space:pre;font-family:{pnf};font-size:{pns}pt}}\n\
         @media print{{html,body{{margin:0;background:none}}.pages{{display:block;padding:0;background:none}}.page{{box-shadow:none;break-after:page}}.page:last-child{{break-after:auto}}}}\n",
        w = p.width_mm,
        h = p.height_mm,
        t = p.margin_top_mm,
        r = p.margin_right_mm,
        b = p.margin_bottom_mm,
        l = p.margin_left_mm,
        f = p.footer_mm,
        pnf = font_stack(
            profile
                .page_number
                .latin_font
                .as_deref()
                .unwrap_or(&profile.latin_font),
            &profile.page_number.font
        ),
        pns = profile.page_number.size_pt,
    );
    let edge = profile.page_number.size_pt * profile.page_number.edge_indent_chars;
    let (odd, even) = match profile.page_number.placement {
        Placement::Outside => ("right", "left"),
        Placement::Center => ("center", "center"),
        Placement::Right => ("right", "right"),
    };
    let _ = writeln!(
        css,
        ".odd .pn{{text-align:{odd};padding:0 {edge}pt}}\n.even .pn{{text-align:{even};padding:0 {edge}pt}}"
    );
    for role in Role::ALL {
        let style = role.style(profile);
        let latin = style.latin_font.as_deref().unwrap_or(&profile.latin_font);
        let spacing = m.unit(role) - style.size_pt;
        let _ = writeln!(
            css,
            ".{c}{{font-family:{f};font-size:{s}pt;font-weight:{wt};letter-spacing:{sp:.3}pt}}",
            c = role.class(),
            f = font_stack(latin, &style.font),
            s = style.size_pt,
            wt = if style.bold { "bold" } else { "normal" },
            sp = spacing,
        );
        let align = match style.align {
            Align::Center => "center",
            Align::Right => "right",
            Align::Left | Align::Justify => "left",
        };
        let _ = writeln!(
            css,
            "p.{c} .ln{{text-align:{align}}}\np.{c} .ln.first{{padding-left:{i}pt}}",
            c = role.class(),
            i = style.size_pt * style.indent_chars,
        );
    }
    css
}

/// The pages as one `<main class="pages">` element.
pub fn pages_html(doc: &Doc, profile: &Profile) -> String {
    let pages = paginate(doc, profile);
    let pitch = profile.grid.line_pitch_pt;
    let mut out = String::with_capacity(doc.plain_text().len() * 2 + 1024);
    let _ = write!(out, "<main class=\"pages\" data-pages=\"{}\">", pages.len());
    for (n, page) in pages.iter().enumerate() {
        let number = n + 1;
        let parity = if number % 2 == 1 { "odd" } else { "even" };
        let _ = write!(
            out,
            "<section class=\"page {parity}\" data-page=\"{number}\">"
        );
        for item in &page.items {
            match item {
                Item::Gap(lines) => {
                    let _ = write!(
                        out,
                        "<div class=\"gap\" style=\"height:{:.2}pt\"></div>",
                        lines * pitch
                    );
                }
                Item::Lines { block, role, lines } => {
                    let _ = write!(out, "<p class=\"{}\" data-b=\"{block}\">", role.class());
                    for line in lines {
                        out.push_str("<span class=\"ln");
                        if line.first {
                            out.push_str(" first");
                        }
                        if line.justify {
                            out.push_str(" j");
                        }
                        out.push_str("\">");
                        for (r, t) in &line.runs {
                            if r == role {
                                escape(t, &mut out);
                            } else {
                                let _ = write!(out, "<span class=\"{}\">", r.class());
                                escape(t, &mut out);
                                out.push_str("</span>");
                            }
                        }
                        out.push_str("</span>");
                    }
                    out.push_str("</p>");
                }
            }
        }
        out.push_str("<div class=\"pn\">");
        escape(
            &profile
                .page_number
                .format
                .replace("{page}", &number.to_string()),
            &mut out,
        );
        out.push_str("</div></section>");
    }
    out.push_str("</main>");
    out
}

/// One standalone, printable HTML file: stylesheet and pages, no external requests.
pub fn write_html(doc: &Doc, profile: &Profile) -> String {
    let mut out = String::new();
    out.push_str("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\"/>\n<meta name=\"viewport\" content=\"width=device-width\"/>\n<title>");
    escape(doc.title().unwrap_or("讲话稿"), &mut out);
    out.push_str("</title>\n<style>\nhtml,body{margin:0}\n");
    out.push_str(&stylesheet(profile));
    out.push_str("</style>\n</head>\n<body>\n");
    out.push_str(&pages_html(doc, profile));
    out.push_str("\n</body>\n</html>\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::doc::Paragraph;

    fn official() -> Profile {
        Profile::builtin("official").unwrap()
    }

    fn body(text: &str) -> Block {
        Block::Paragraph(Paragraph {
            lead: None,
            text: text.to_string(),
            closing: false,
        })
    }

    fn line_texts(lines: &[Line]) -> Vec<String> {
        lines
            .iter()
            .map(|l| l.runs.iter().map(|(_, t)| t.as_str()).collect())
            .collect()
    }

    #[test]
    fn body_lines_hold_28_characters_and_the_first_26() {
        let p = official();
        let m = Metrics::new(&p);
        let text = "字".repeat(26 + 28 + 5);
        let lines = break_lines(&m, Role::Body, &[(Role::Body, text)]);
        let counts: Vec<usize> = line_texts(&lines)
            .iter()
            .map(|t| t.chars().count())
            .collect();
        assert_eq!(counts, [26, 28, 5]);
        assert!(lines[0].justify && lines[1].justify && !lines[2].justify);
    }

    #[test]
    fn closing_punctuation_hangs_and_opening_brackets_move_down() {
        let p = official();
        let m = Metrics::new(&p);
        let text = format!("{}。后", "字".repeat(26));
        let lines = line_texts(&break_lines(&m, Role::Body, &[(Role::Body, text)]));
        assert_eq!(lines[0].chars().count(), 27, "{lines:?}");
        let text = format!("{}（一）", "字".repeat(25));
        let lines = line_texts(&break_lines(&m, Role::Body, &[(Role::Body, text)]));
        assert_eq!(lines, ["字".repeat(25), "（一）".to_string()]);
    }

    #[test]
    fn twenty_two_lines_a_page_with_outside_page_numbers() {
        let p = official();
        // 23 full lines: 22 on page one, one on page two
        let doc = Doc {
            blocks: vec![body(&"字".repeat(26 + 28 * 22))],
        };
        let pages = paginate(&doc, &p);
        assert_eq!(pages.len(), 2);
        let html = pages_html(&doc, &p);
        assert!(html.contains("<section class=\"page odd\" data-page=\"1\">"));
        assert!(html.contains("<section class=\"page even\" data-page=\"2\">"));
        assert!(html.contains("<div class=\"pn\">— 2 —</div>"));
    }

    #[test]
    fn a_heading_never_ends_a_page() {
        let p = official();
        let mut blocks: Vec<Block> = (0..21).map(|_| body("字")).collect();
        blocks.push(Block::Heading(crate::doc::Heading {
            level: 1,
            text: "一、标题".to_string(),
        }));
        blocks.push(body("正文"));
        let pages = paginate(&Doc { blocks }, &p);
        assert_eq!(pages.len(), 2);
        assert_eq!(pages[0].items.len(), 21);
    }

    #[test]
    fn profile_text_cannot_break_out_of_css_or_markup() {
        let mut p = official();
        p.body.font = "x\"}</style><script>".to_string();
        let doc = Doc {
            blocks: vec![body("<b>&")],
        };
        let html = write_html(&doc, &p);
        assert!(!html.contains("<script>"));
        assert!(html.contains("&lt;b&gt;&amp;"));
    }
}
