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

/// Words that introduce the purpose after `召开<meeting>，`.
const PURPOSE_LEADS: [&str; 5] = ["主要任务是", "目的是", "就是要", "主要是", "任务是"];

/// Lifts `<今天，我们>召开<meeting>，<主要任务是><purpose>。<rest>` out of the first opening
/// paragraph: the fixed words go into the template, the meeting, purpose and the rest of the
/// paragraph into `opening.meeting`, `opening.purpose` and `opening.comment`. Returns the
/// template text for that paragraph (empty when the opening has another shape).
fn lift_opening(spec: &mut Spec) -> String {
    let Some(first) = spec.opening.paragraphs.first().cloned() else {
        return String::new();
    };
    let Some(at) = first.find("召开") else {
        return String::new();
    };
    let head = &first[..at + "召开".len()];
    let after = &first[head.len()..];
    let Some(comma) = after.find('，') else {
        return String::new();
    };
    let meeting = &after[..comma];
    let rest = &after[comma + '，'.len_utf8()..];
    let Some(lead) = PURPOSE_LEADS.iter().find(|l| rest.starts_with(**l)) else {
        return String::new();
    };
    let rest = &rest[lead.len()..];
    let Some(stop) = rest.find('。') else {
        return String::new();
    };
    let purpose = &rest[..stop];
    let comment = rest[stop + '。'.len_utf8()..].trim();
    let plain = |t: &str| !t.is_empty() && !t.contains(['{', '}', '\\', '。']);
    if !plain(meeting) || !plain(purpose) || head.contains(['{', '}', '\\']) || head.contains('。')
    {
        return String::new();
    }
    spec.opening.meeting = Some(meeting.to_string());
    spec.opening.purpose = Some(purpose.to_string());
    spec.opening.comment = (!comment.is_empty()).then(|| comment.to_string());
    spec.opening.paragraphs.remove(0);
    format!(
        "{head}{{{{opening.meeting}}}}，{lead}{{{{opening.purpose}}}}。{{{{#if opening.comment}}}}{{{{opening.comment}}}}{{{{/if}}}}\n\n"
    )
}

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
    let opening = lift_opening(&mut spec);
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
        "{{{{!--\n{front_toml}--}}}}\n{{{{> head}}}}{opening}{{{{#each opening.paragraphs}}}}{{{{this}}}}\n\n{{{{/each}}}}{{{{> body}}}}{closing}"
    );
    spec.template = file_name.to_string();
    (hbs, spec)
}
