//! The built-in templates as Handlebars compiled them when jianghua was built (by `build.rs`):
//! registering one of them costs a few microseconds instead of a parse.

use super::construct as c;
// the generated code names what the built-in templates use; block parameters may come
#[allow(unused_imports)]
use handlebars::template::{BlockParam, Parameter as P, Template, TemplateElement as E};
use handlebars::{Path, PathSeg};

/// Rebuilds one compiled template (`None` only if Handlebars refused one of its parts).
type Build = fn() -> Option<Template>;

include!(concat!(env!("OUT_DIR"), "/prebuilt_templates.rs"));

/// The compiled form of `text` under the name `name`, when `text` is exactly a built-in
/// template as handed to Handlebars (after `compact_comments`); `None` for any other text.
pub fn compiled(name: &str, text: &str) -> Option<Template> {
    let (_, build) = PREBUILT.iter().find(|(prebuilt, _)| *prebuilt == text)?;
    let mut template = build()?;
    template.name = Some(name.to_string());
    Some(template)
}

#[cfg(test)]
mod tests {
    use super::{PREBUILT, compiled};
    use crate::template::BUILTIN;
    use crate::template::compact::compact_comments;
    use handlebars::template::Template;

    #[test]
    fn every_built_in_template_is_prebuilt_exactly_as_handlebars_compiles_it() {
        assert_eq!(PREBUILT.len(), BUILTIN.len());
        for (file, source) in BUILTIN {
            let text = compact_comments(source);
            let name = file.trim_end_matches(".hbs");
            let expected = Template::compile_with_name(&text, name.to_string()).unwrap();
            assert_eq!(compiled(name, &text), Some(expected), "{file}");
        }
    }

    #[test]
    fn other_text_is_left_to_handlebars() {
        let (file, source) = BUILTIN[0];
        let text = compact_comments(source);
        assert_eq!(
            compiled("x", &text.replacen('\n', "\n\n", 1)),
            None,
            "{file}"
        );
        assert_eq!(
            compiled("x", source),
            None,
            "{file}: the text before compacting"
        );
    }
}
