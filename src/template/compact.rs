//! Template comments reduced before Handlebars compiles a template (the one rewrite of a
//! template's text) and the leading comment that holds the front matter found: shared by the
//! render and by the build script that prepares the built-in templates ahead of time.

const FRONT_OPEN: &str = "{{!--";
const FRONT_CLOSE: &str = "--}}";

/// The TOML text of a template's front matter (its leading `{{!-- … --}}` comment) and the
/// byte offset where that text starts in `template`; `None` when the template has none.
pub fn front_matter(template: &str) -> Option<(usize, &str)> {
    let trimmed = template.trim_start();
    let body = trimmed.strip_prefix(FRONT_OPEN)?;
    let end = body.find(FRONT_CLOSE)?;
    Some((
        template.len() - trimmed.len() + FRONT_OPEN.len(),
        &body[..end],
    ))
}

/// The template as handed to Handlebars: every comment that ends its line (the leading one
/// with the front matter, the notes above each block) reduced to an empty comment holding only
/// its line breaks. Handlebars' parser works out a line and column for every element by
/// counting from the start of the text, so the comments made up about a quarter of the cost
/// of compiling a built-in template; reduced, they cost nothing. Error positions
/// still match the file: a reduced comment keeps its lines, and nothing follows it on its last
/// line. A template with raw blocks or escaped mustaches is handed over as it is.
pub fn compact_comments(source: &str) -> String {
    if source.contains("{{{{") || source.contains("\\{{") {
        return source.to_string();
    }
    let mut out = String::with_capacity(source.len());
    let mut copied = 0;
    let mut at = 0;
    while let Some(found) = source[at..].find("{{") {
        let open = at + found;
        let rest = &source[open..];
        let (body, close) = if rest.starts_with("{{!--") {
            (5, "--}}")
        } else if rest.starts_with("{{!") {
            (3, "}}")
        } else {
            // another mustache: skip past its end
            let Some(end) = rest[2..].find("}}") else {
                break;
            };
            at = open + 2 + end + 2;
            continue;
        };
        let Some(end) = rest[body..].find(close) else {
            break;
        };
        let after = open + body + end + close.len();
        let tail = &source[after..];
        if tail.is_empty() || tail.starts_with('\n') || tail.starts_with("\r\n") {
            out.push_str(&source[copied..open]);
            out.push_str("{{!");
            let newlines = source[open..after].matches('\n').count();
            out.extend(std::iter::repeat_n('\n', newlines));
            out.push_str("}}");
            copied = after;
        }
        at = after;
    }
    out.push_str(&source[copied..]);
    out
}

#[cfg(test)]
mod tests {
    use super::compact_comments;

    #[test]
    fn a_comment_that_ends_its_line_keeps_only_its_line_breaks() {
        let source = "{{!-- 默认设置\nname = 1 --}}\n甲{{x}}\n  {{! 说明 }}\n乙";
        assert_eq!(compact_comments(source), "{{!\n}}\n甲{{x}}\n  {{!}}\n乙");
    }

    #[test]
    fn a_comment_followed_by_text_on_its_line_is_kept_whole() {
        let source = "{{!-- 说明 --}}甲\n{{x}} {{! 注 }} {{y}}\r\n{{! 末 }}\r\n";
        assert_eq!(
            compact_comments(source),
            "{{!-- 说明 --}}甲\n{{x}} {{! 注 }} {{y}}\r\n{{!}}\r\n"
        );
    }

    #[test]
    fn mustaches_raw_blocks_and_unclosed_comments_are_left_alone() {
        // `{{!` inside a string parameter is not a comment
        let source = "{{join a \"{{! 不是注释 }}\"}}\n";
        assert_eq!(compact_comments(source), source);
        let raw = "{{{{raw}}}}{{! 原样 }}\n{{{{/raw}}}}";
        assert_eq!(compact_comments(raw), raw);
        let unclosed = "{{!-- 没有结尾\n甲";
        assert_eq!(compact_comments(unclosed), unclosed);
    }
}
