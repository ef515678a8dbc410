//! Handlebars helpers for the genre: numerals, counting words, ordinal markers, list joining,
//! sentence endings and both date forms.

use crate::doc::roles::Form;
use crate::numerals;
use handlebars::{
    Context, Handlebars, Helper, HelperDef, HelperResult, Output, RenderContext, RenderError,
    RenderErrorReason,
};
use serde_json::Value;

/// A helper that turns its parameters into one piece of text.
type TextHelper = fn(&Helper<'_>) -> Result<String, RenderError>;

fn text_helper(f: TextHelper) -> Box<dyn HelperDef + Send + Sync> {
    Box::new(
        move |h: &Helper<'_>,
              _: &Handlebars<'_>,
              _: &Context,
              _: &mut RenderContext<'_, '_>,
              out: &mut dyn Output|
              -> HelperResult {
            out.write(&f(h)?)?;
            Ok(())
        },
    )
}

/// Registers every helper under its template name.
pub fn register(hbs: &mut Handlebars<'_>) {
    let helpers: [(&str, TextHelper); 7] = [
        ("cn", cn),
        ("count", count),
        ("ordinal", ordinal),
        ("join", join),
        ("sentence", sentence),
        ("date", date),
        ("date-cn", date_cn),
    ];
    for (name, f) in helpers {
        hbs.register_helper(name, text_helper(f));
    }
}

fn param<'a>(h: &'a Helper<'_>, i: usize, helper: &'static str) -> Result<&'a Value, RenderError> {
    h.param(i)
        .map(|p| p.value())
        .ok_or_else(|| RenderErrorReason::ParamNotFoundForIndex(helper, i).into())
}

fn number(v: &Value, helper: &str) -> Result<u64, RenderError> {
    match v {
        Value::Number(n) => n.as_u64(),
        Value::Array(a) => Some(a.len() as u64),
        Value::String(s) => s.parse().ok(),
        _ => None,
    }
    .ok_or_else(|| {
        RenderErrorReason::Other(format!("{helper} 需要一个非负整数，得到的是 {v}")).into()
    })
}

/// `{{cn 3}}` → 三; `{{cn parts}}` counts an array.
fn cn(h: &Helper<'_>) -> Result<String, RenderError> {
    let n = number(param(h, 0, "cn")?, "cn")?;
    Ok(numerals::cardinal(n))
}

/// `{{count 2}}` → 两 (the counting word before 点/个/项).
fn count(h: &Helper<'_>) -> Result<String, RenderError> {
    let n = number(param(h, 0, "count")?, "count")?;
    Ok(numerals::count(n))
}

/// `{{ordinal "shi" @index points}}` → 一是: index is 0-based (as `@index` is); the total is a
/// number or the array being numbered (needed by 首先…最后 and 一方面…另一方面).
fn ordinal(h: &Helper<'_>) -> Result<String, RenderError> {
    let form_name = param(h, 0, "ordinal")?.as_str().unwrap_or_default();
    let form = Form::from_name(form_name).ok_or_else(|| {
        let names: Vec<String> = Form::ALL.iter().map(|f| f.name()).collect();
        RenderErrorReason::Other(format!(
            "ordinal 不认识的编号形式 `{form_name}`（可用：{}）",
            names.join("、")
        ))
    })?;
    let index = number(param(h, 1, "ordinal")?, "ordinal")?;
    let total = match h.param(2) {
        Some(p) => number(p.value(), "ordinal")?,
        None => index + 1,
    };
    let marker = form
        .write(index as usize + 1, total as usize)
        .map_err(|e| RenderErrorReason::Other(crate::render::marker_error_text(&e)))?;
    Ok(marker)
}

/// `{{join list "、"}}`: joins an array of strings (default separator 、).
fn join(h: &Helper<'_>) -> Result<String, RenderError> {
    let list = param(h, 0, "join")?;
    let sep = h.param(1).and_then(|p| p.value().as_str()).unwrap_or("、");
    let items: Vec<String> = match list {
        Value::Array(a) => a
            .iter()
            .map(|v| v.as_str().map_or_else(|| v.to_string(), str::to_string))
            .collect(),
        Value::Null => Vec::new(),
        other => vec![other.as_str().unwrap_or_default().to_string()],
    };
    Ok(super::plain(&items.join(sep)))
}

/// `{{sentence text}}`: the text ending with 。 (kept if it already ends a sentence).
fn sentence(h: &Helper<'_>) -> Result<String, RenderError> {
    let text = param(h, 0, "sentence")?.as_str().unwrap_or_default();
    Ok(super::plain(&crate::doc::punct::sentence(text)))
}

/// Reads `2026-01-15` (the form dates take in the template context).
pub fn parse_date(v: &Value) -> Option<(u64, u64, u64)> {
    let s = v.as_str()?;
    let mut it = s.get(..10)?.split('-').map(|p| p.parse::<u64>().ok());
    let (y, m, d) = (it.next()??, it.next()??, it.next()??);
    ((1..=12).contains(&m) && (1..=31).contains(&d)).then_some((y, m, d))
}

/// `2026年1月15日`.
pub fn date_arabic(y: u64, m: u64, d: u64) -> String {
    format!("{y}年{m}月{d}日")
}

/// `二〇二六年一月十五日`.
pub fn date_chinese(y: u64, m: u64, d: u64) -> String {
    format!(
        "{}年{}月{}日",
        numerals::digits(y),
        numerals::cardinal(m),
        numerals::cardinal(d)
    )
}

fn date_param(h: &Helper<'_>, name: &'static str) -> Result<(u64, u64, u64), RenderError> {
    let v = param(h, 0, name)?;
    parse_date(v).ok_or_else(|| {
        RenderErrorReason::Other(format!("{name} 需要形如 2026-01-15 的日期，得到的是 {v}")).into()
    })
}

/// `{{date date}}` → 2026年1月15日.
fn date(h: &Helper<'_>) -> Result<String, RenderError> {
    let (y, m, d) = date_param(h, "date")?;
    Ok(date_arabic(y, m, d))
}

/// `{{date-cn date}}` → 二〇二六年一月十五日.
fn date_cn(h: &Helper<'_>) -> Result<String, RenderError> {
    let (y, m, d) = date_param(h, "date-cn")?;
    Ok(date_chinese(y, m, d))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn render(template: &str, data: Value) -> Result<String, String> {
        let mut hbs = Handlebars::new();
        hbs.set_strict_mode(true);
        hbs.register_escape_fn(super::super::plain);
        register(&mut hbs);
        hbs.render_template(template, &data)
            .map_err(|e| e.to_string())
    }

    #[test]
    fn numerals_at_the_edges() {
        for (n, want) in [
            (0, "〇"),
            (10, "十"),
            (11, "十一"),
            (20, "二十"),
            (21, "二十一"),
            (99, "九十九"),
            (100, "一百"),
        ] {
            assert_eq!(render("{{cn n}}", json!({"n": n})).unwrap(), want);
        }
        assert_eq!(
            render("{{cn parts}}", json!({"parts": [1, 2, 3]})).unwrap(),
            "三"
        );
    }

    #[test]
    fn counting_word_says_liang_for_two() {
        assert_eq!(render("{{count 2}}点意见", json!({})).unwrap(), "两点意见");
        assert_eq!(render("{{count 12}}点", json!({})).unwrap(), "十二点");
        assert_eq!(render("{{count 20}}个", json!({})).unwrap(), "二十个");
        assert_eq!(render("{{count 0}}", json!({})).unwrap(), "〇");
        assert_eq!(render("{{count 100}}", json!({})).unwrap(), "一百");
    }

    #[test]
    fn ordinals_for_every_form() {
        let t = "{{#each xs}}{{ordinal ../form @index ../xs}}{{/each}}";
        let cases = [
            ("shi", 3, "一是二是三是"),
            ("yao", 2, "一要二要"),
            ("di", 2, "第一，第二，"),
            ("yi", 2, "一、二、"),
            ("paren-yi", 2, "（一）（二）"),
            ("arabic-dot", 2, "1.2."),
            ("paren-arabic", 2, "（1）（2）"),
            ("shouxian", 4, "首先，其次，再次，最后，"),
            ("fangmian", 2, "一方面，另一方面，"),
        ];
        for (form, n, want) in cases {
            let xs: Vec<u32> = (0..n).collect();
            assert_eq!(
                render(t, json!({"form": form, "xs": xs})).unwrap(),
                want,
                "{form}"
            );
        }
        let eleven: Vec<u32> = (0..11).collect();
        let out = render(t, json!({"form": "shi", "xs": eleven})).unwrap();
        assert!(out.ends_with("十是十一是"), "{out}");
        let err = render(t, json!({"form": "fangmian", "xs": [1, 2, 3]})).unwrap_err();
        assert!(err.contains("一方面"), "{err}");
        let err = render(t, json!({"form": "shouxian", "xs": [1, 2, 3, 4, 5]})).unwrap_err();
        assert!(err.contains("四"), "{err}");
    }

    #[test]
    fn join_and_sentence() {
        let data = json!({"xs": ["李华同志", "同志们"], "one": ["甲"], "none": []});
        assert_eq!(
            render("{{join xs}}", data.clone()).unwrap(),
            "李华同志、同志们"
        );
        assert_eq!(
            render("{{join xs \"，\"}}", data.clone()).unwrap(),
            "李华同志，同志们"
        );
        assert_eq!(render("{{join one}}", data.clone()).unwrap(), "甲");
        assert_eq!(render("[{{join none}}]", data).unwrap(), "[]");
        assert_eq!(crate::doc::punct::sentence("抓好落实"), "抓好落实。");
        assert_eq!(crate::doc::punct::sentence("抓好落实，"), "抓好落实。");
        assert_eq!(crate::doc::punct::sentence("抓好落实！"), "抓好落实！");
        assert_eq!(crate::doc::punct::sentence(""), "");
    }

    #[test]
    fn both_date_forms() {
        let data = json!({"d": "2026-01-05"});
        assert_eq!(render("{{date d}}", data.clone()).unwrap(), "2026年1月5日");
        assert_eq!(render("{{date-cn d}}", data).unwrap(), "二〇二六年一月五日");
        assert_eq!(date_chinese(2000, 10, 20), "二〇〇〇年十月二十日");
        assert_eq!(date_chinese(2026, 12, 31), "二〇二六年十二月三十一日");
        assert_eq!(date_arabic(2026, 10, 1), "2026年10月1日");
        assert!(render("{{date d}}", json!({"d": "15/01/2026"})).is_err());
    }
}
