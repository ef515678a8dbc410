//! A Handlebars template mined from a sample: the sample's fixed phrases (salutation,
//! transition, numbering, enumeration, the closing's opening words) become the template's
//! text and defaults; the specific content stays in the spec that goes with it.

use super::Mined;
use crate::spec::{Enumeration, Numbering, Part, Spec};
use serde::Serialize;

#[derive(Serialize)]
#[serde(rename_all = "kebab-case")]
struct Front<'a> {
    description: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    numbering: Option<Numbering>,
    #[serde(skip_serializing_if = "Option::is_none")]
    enumeration: Option<Enumeration>,
    #[serde(skip_serializing_if = "Option::is_none")]
    transition: Option<&'a str>,
    salutation: &'a [String],
}

/// Words that open the closing and belong to the template rather than the spec.
const CLOSING_LEADS: [&str; 2] = ["同志们，", "总之，"];

fn first_enumeration(parts: &[Part]) -> Option<Enumeration> {
    parts
        .iter()
        .find_map(|p| p.enumeration.or_else(|| first_enumeration(&p.sections)))
}

/// The mined template (`.hbs` text) and the spec that renders the sample with it;
/// `file_name` is the template's file name, which the spec refers to.
pub fn to_template(m: &Mined, file_name: &str) -> (String, Spec) {
    let mut spec = m.spec();
    let title = spec.title.clone();
    let salutation = spec.salutation.take().unwrap_or_default();
    let transition = spec.transition.take().filter(|t| !t.is_empty());
    let numbering = spec.numbering.take();
    let lead = spec.closing.paragraphs.first().and_then(|p| {
        CLOSING_LEADS
            .iter()
            .find(|l| p.starts_with(**l) && p.len() > l.len())
            .copied()
    });
    if let Some(lead) = lead {
        let first = &mut spec.closing.paragraphs[0];
        *first = first[lead.len()..].to_string();
    }
    let front = Front {
        description: format!("从《{title}》提取的模板").replace("--", "—"),
        numbering,
        enumeration: first_enumeration(&spec.parts),
        transition: transition.as_deref(),
        salutation: &salutation,
    };
    let front_toml = toml::to_string(&front)
        .unwrap_or_default()
        .replace("--}}", "—}}");
    let closing = match lead {
        Some(lead) => format!(
            "{{{{#each closing.paragraphs}}}}{{{{#if @first}}}}{lead}{{{{/if}}}}{{{{this}}}}\n\n{{{{/each}}}}"
        ),
        None => "{{#each closing.paragraphs}}{{this}}\n\n{{/each}}".to_string(),
    };
    let hbs = format!(
        "{{{{!--\n{front_toml}--}}}}\n{{{{> head}}}}{{{{#each opening.paragraphs}}}}{{{{this}}}}\n\n{{{{/each}}}}{{{{> body}}}}{closing}"
    );
    spec.template = file_name.to_string();
    (hbs, spec)
}
