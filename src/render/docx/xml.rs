//! Writing WordprocessingML text: escaping into a `String` buffer and the namespaces we use.

/// The WordprocessingML main namespace.
pub const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
/// The relationships namespace used by `r:id` attributes.
pub const R: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
/// The XML declaration every part opens with.
pub const DECL: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";

/// Appends `s` escaped for XML character data and attribute values; characters XML 1.0
/// forbids are dropped (callers clean text first; this is the last guard for names).
pub fn push_escaped(out: &mut String, s: &str) {
    let mut start = 0;
    for (i, c) in s.char_indices() {
        let rep = match c {
            '&' => "&amp;",
            '<' => "&lt;",
            '>' => "&gt;",
            '"' => "&quot;",
            '\'' => "&apos;",
            c if super::text::is_forbidden(c) || c == '\r' => "",
            _ => continue,
        };
        out.push_str(&s[start..i]);
        out.push_str(rep);
        start = i + c.len_utf8();
    }
    out.push_str(&s[start..]);
}

/// `s` escaped for XML.
pub fn escape_xml(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    push_escaped(&mut out, s);
    out
}

/// Appends an empty element `<w:{name} w:val="{val}"/>`.
pub fn val(out: &mut String, name: &str, val: impl std::fmt::Display) {
    use std::fmt::Write;
    let _ = write!(out, "<w:{name} w:val=\"{val}\"/>");
}

/// Appends `<w:{name} w:val="…"/>` with an escaped string value.
pub fn val_str(out: &mut String, name: &str, val: &str) {
    out.push_str("<w:");
    out.push_str(name);
    out.push_str(" w:val=\"");
    push_escaped(out, val);
    out.push_str("\"/>");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup_and_drops_controls() {
        assert_eq!(
            escape_xml("黑\u{1}体<&>\"'"),
            "黑体&lt;&amp;&gt;&quot;&apos;"
        );
        let mut s = String::new();
        val_str(&mut s, "rStyle", "a\"b");
        assert_eq!(s, "<w:rStyle w:val=\"a&quot;b\"/>");
    }
}
