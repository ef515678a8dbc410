//! Handlebars template elements built from their parts: how the build script reads a compiled
//! template back, and how the built-in templates compiled ahead of time are rebuilt at run time
//! (see `prebuilt.rs`). Nothing here parses template text.
//!
//! Handlebars marks its template types `#[non_exhaustive]`, so they are made through their
//! public constructors and builders; every function returns `None` rather than panicking if
//! one of them refuses, and the caller then compiles the text instead.

use handlebars::JsonValue;
use handlebars::template::{
    BlockParam, DecoratorTemplate, ExpressionSpec, ExpressionSpecBuilder, HelperTemplate,
    Parameter, Subexpression, Template, TemplateElement, TemplateMapping,
};
use std::collections::HashMap;
use std::sync::OnceLock;

/// The parts every expression has: `{{name params… key=value… as |x y|}}`.
pub struct Parts {
    pub name: Parameter,
    pub params: Vec<Parameter>,
    pub hash: HashMap<String, Parameter>,
    pub block_param: Option<BlockParam>,
}

impl Parts {
    fn spec(self) -> Option<ExpressionSpec> {
        let mut builder = ExpressionSpecBuilder::default();
        builder
            .name(self.name)
            .params(self.params)
            .hash(self.hash)
            .omit_pre_ws(false)
            .omit_pro_ws(false);
        if let Some(block_param) = self.block_param {
            builder.block_param(block_param);
        }
        builder.build().ok()
    }
}

/// The `key=value` pairs of an expression.
pub fn hash(pairs: Vec<(&str, Parameter)>) -> HashMap<String, Parameter> {
    pairs.into_iter().map(|(k, v)| (k.to_string(), v)).collect()
}

/// A template: its elements and, for each, the line and column where it starts.
pub fn template(elements: Vec<TemplateElement>, mapping: &[(usize, usize)]) -> Option<Template> {
    let mut template = Template::new();
    template.elements = elements;
    template.mapping = mapping
        .iter()
        .map(|&(line, col)| position(line, col))
        .collect::<Option<_>>()?;
    Some(template)
}

/// A `TemplateMapping` (a tuple struct Handlebars lets nobody else construct): a copy of the
/// one in a one-comment template, moved to the position wanted.
fn position(line: usize, col: usize) -> Option<TemplateMapping> {
    static FIRST: OnceLock<Option<TemplateMapping>> = OnceLock::new();
    let mut mapping = FIRST
        .get_or_init(|| Template::compile("{{!}}").ok()?.mapping.into_iter().next())
        .clone()?;
    mapping.0 = line;
    mapping.1 = col;
    Some(mapping)
}

/// An expression or a block helper (`{{x}}`, `{{#if}}…{{else}}…{{/if}}`).
pub fn helper(
    parts: Parts,
    block: bool,
    chain: bool,
    indent_before_write: bool,
    template: Option<Template>,
    inverse: Option<Template>,
) -> Option<HelperTemplate> {
    let mut helper = HelperTemplate::new(parts.spec()?, block, indent_before_write);
    helper.chain = chain;
    helper.template = template;
    helper.inverse = inverse;
    Some(helper)
}

/// A partial or a decorator (`{{> head}}`, `{{#> opening}}…{{/opening}}`, `{{#*inline}}`).
pub fn decorator(
    parts: Parts,
    indent_before_write: bool,
    template: Option<Template>,
    indent: Option<String>,
) -> Option<DecoratorTemplate> {
    let mut decorator = DecoratorTemplate::new(parts.spec()?, indent_before_write);
    decorator.template = template;
    decorator.indent = indent;
    Some(decorator)
}

/// A subexpression `(helper args…)` holding the element it evaluates.
// the built-in templates have none today; the generated code calls this once one has
#[allow(dead_code)]
pub fn subexpression(element: TemplateElement) -> Subexpression {
    let mut sub = Subexpression::new(Parameter::Name(String::new()), Vec::new(), HashMap::new());
    sub.element = Box::new(element);
    sub
}

/// A literal parameter (`"，"`, `2`, `true`) from its JSON text.
pub fn literal(json: &str) -> Option<Parameter> {
    serde_json::from_str::<JsonValue>(json)
        .ok()
        .map(Parameter::Literal)
}
