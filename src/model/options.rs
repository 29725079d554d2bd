//! Mount options, read from the JS object given to `mount` (or from the
//! `<fact-cards>` attributes) and checked with the same care as a deck.

use super::app::Modes;
use super::json::Value;
use super::locale::Key;
use super::quiz::AnswerMode;
use super::text::{concat, join, parse_uint, push_uint};
use super::validate::Issue;

/// Forced colour scheme.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Theme {
    /// Follow `prefers-color-scheme` (the default).
    #[default]
    Auto,
    /// Always light.
    Light,
    /// Always dark.
    Dark,
}

/// Everything `mount` accepts in its `options` argument.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct MountOptions {
    /// "cards", "quiz" or "both".
    pub modes: Modes,
    /// Seed for shuffles and the quiz; `None` picks one at random.
    pub seed: Option<u64>,
    /// Quiz length.
    pub questions: Option<usize>,
    /// "choice" or "typed".
    pub answer: AnswerMode,
    /// UI language tag.
    pub locale: Option<String>,
    /// UI string overrides, by [`Key::name`].
    pub labels: Vec<(String, String)>,
    /// Whether progress is saved to localStorage (default true).
    pub storage: bool,
    /// Light, dark or automatic.
    pub theme: Theme,
    /// CSS selector of the host page's article: cards whose quote it
    /// contains offer "Show in article".
    pub article: Option<String>,
}

/// Every option name, in the order the docs list them. The one list of them:
/// `src/dom/element.js` (its attributes), the d.ts in `src/api.rs` and
/// `docs/api.md` must name exactly these (`tests/api_lists.rs` checks).
pub const NAMES: &[&str] = &["mode", "seed", "questions", "answer", "locale", "labels", "storage", "theme", "article"];

fn issue(path: &str, message: &str) -> Issue {
    Issue::error(if path.is_empty() { "options".to_owned() } else { concat(&["options.", path]) }, message)
}

/// The issue "must be `want`, not <the type of `v`>" at `path`: the one
/// builder of the type errors.
fn not_a(path: &str, want: &str, v: &Value) -> Issue {
    issue(path, &concat(&["must be ", want, ", not ", v.type_name()]))
}

fn one_of(path: &str, v: &Value, allowed: &[&str]) -> Result<usize, Issue> {
    // `one of "a", "b"`, built in place (no list of quoted copies to join).
    let mut want = String::from("one of ");
    for (i, a) in allowed.iter().enumerate() {
        if i > 0 {
            want.push_str(", ");
        }
        want.push('"');
        want.push_str(a);
        want.push('"');
    }
    match v {
        Value::String(s) => {
            allowed.iter().position(|a| a == s).ok_or_else(|| issue(path, &concat(&["must be ", &want])))
        }
        other => Err(not_a(path, &want, other)),
    }
}

/// A string option, trimmed: `None` when blank, an error ("must be `want`")
/// when not a string.
fn text(path: &str, v: &Value, want: &str) -> Result<Option<String>, Issue> {
    match v {
        Value::String(s) => Ok(Some(s.trim()).filter(|t| !t.is_empty()).map(str::to_owned)),
        other => Err(not_a(path, want, other)),
    }
}

fn integer(path: &str, v: &Value, min: f64, max: f64) -> Result<f64, Issue> {
    let n = match v {
        Value::Number(n) => *n,
        // Attributes arrive as text; integers only, so no float parser is needed.
        Value::String(s) => parse_uint(s.trim(), 10).ok_or_else(|| issue(path, "must be a whole number"))? as f64,
        other => return Err(not_a(path, "a whole number", other)),
    };
    if n.fract() != 0.0 || !(min..=max).contains(&n) {
        let mut msg = String::from("must be a whole number from ");
        push_uint(&mut msg, min as u64);
        msg.push_str(" to ");
        push_uint(&mut msg, max as u64);
        return Err(issue(path, &msg));
    }
    Ok(n)
}

impl MountOptions {
    /// Reads options from `value` (`null`/`undefined` give the defaults).
    /// Unknown options and wrong types are errors, reported by path such as
    /// `options.mode`.
    pub fn from_value(value: &Value) -> Result<MountOptions, Issue> {
        let mut out = MountOptions { storage: true, ..MountOptions::default() };
        let members = match value {
            Value::Null => return Ok(out),
            Value::Object(m) => m,
            other => return Err(not_a("", "an object", other)),
        };
        for (key, v) in members {
            if matches!(v, Value::Null) {
                continue;
            }
            match key.as_str() {
                "mode" => {
                    out.modes = match one_of("mode", v, &["cards", "quiz", "both"])? {
                        0 => Modes::Cards,
                        1 => Modes::Quiz,
                        _ => Modes::Both,
                    }
                }
                "seed" => out.seed = Some(integer("seed", v, 0.0, 9_007_199_254_740_991.0)? as u64),
                "questions" => out.questions = Some(integer("questions", v, 1.0, 10_000.0)? as usize),
                "answer" => {
                    out.answer = match one_of("answer", v, &["choice", "typed"])? {
                        0 => AnswerMode::Choice,
                        _ => AnswerMode::Typed,
                    }
                }
                "locale" => {
                    if let Some(t) = text("locale", v, "a language tag such as \"fr\"")? {
                        out.locale = Some(t);
                    }
                }
                "labels" => {
                    let Value::Object(labels) = v else {
                        return Err(not_a("labels", "an object of strings", v));
                    };
                    for (name, text) in labels {
                        let path = concat(&["labels.", name]);
                        if Key::named(name).is_none() {
                            return Err(issue(&path, "is not a label name; see the README for the list"));
                        }
                        match text {
                            Value::String(t) if !t.trim().is_empty() => out.labels.push((name.clone(), t.clone())),
                            Value::String(_) => return Err(issue(&path, "must not be blank")),
                            other => return Err(not_a(&path, "a string", other)),
                        }
                    }
                }
                "storage" => match v {
                    Value::Bool(b) => out.storage = *b,
                    Value::String(s) => out.storage = !matches!(s.as_str(), "off" | "false" | "none"),
                    other => return Err(not_a("storage", "true or false", other)),
                },
                "theme" => {
                    out.theme = match one_of("theme", v, &["auto", "light", "dark"])? {
                        0 => Theme::Auto,
                        1 => Theme::Light,
                        _ => Theme::Dark,
                    }
                }
                "article" => {
                    if let Some(t) = text("article", v, "a CSS selector such as \"#story\"")? {
                        out.article = Some(t);
                    }
                }
                other => {
                    let mut msg = concat(&["unknown option; expected one of ", &join(NAMES, ", ")]);
                    if other.is_empty() {
                        msg = "empty option name".into();
                    }
                    return Err(issue(other, &msg));
                }
            }
        }
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn obj(members: &[(&str, Value)]) -> Value {
        Value::Object(members.iter().map(|(k, v)| (k.to_string(), v.clone())).collect())
    }

    #[test]
    fn defaults_for_null() {
        let o = MountOptions::from_value(&Value::Null).unwrap();
        assert_eq!(o.modes, Modes::Both);
        assert!(o.storage);
        assert_eq!(o.seed, None);
    }

    #[test]
    fn reads_every_option() {
        let o = MountOptions::from_value(&obj(&[
            ("mode", Value::String("quiz".into())),
            ("seed", Value::Number(42.0)),
            ("questions", Value::String("5".into())),
            ("answer", Value::String("typed".into())),
            ("locale", Value::String("fr".into())),
            ("labels", obj(&[("next", Value::String("Onwards".into()))])),
            ("storage", Value::String("off".into())),
            ("theme", Value::String("dark".into())),
            ("article", Value::String(" #story ".into())),
        ]))
        .unwrap();
        assert_eq!(o.modes, Modes::Quiz);
        assert_eq!(o.seed, Some(42));
        assert_eq!(o.questions, Some(5));
        assert_eq!(o.answer, AnswerMode::Typed);
        assert_eq!(o.locale.as_deref(), Some("fr"));
        assert_eq!(o.labels, vec![("next".to_string(), "Onwards".to_string())]);
        assert!(!o.storage);
        assert_eq!(o.theme, Theme::Dark);
        assert_eq!(o.article.as_deref(), Some("#story"));
        let blank = MountOptions::from_value(&obj(&[("article", Value::String(" ".into()))])).unwrap();
        assert_eq!(blank.article, None);
    }

    #[test]
    fn every_error_has_its_path_and_message() {
        let s = |t: &str| Value::String(t.into());
        let cases: Vec<(Value, &str, &str)> = vec![
            (Value::Bool(true), "options", "must be an object, not a boolean"),
            (s("x"), "options", "must be an object, not a string"),
            (obj(&[("mode", Value::Number(1.0))]), "options.mode", r#"must be one of "cards", "quiz", "both", not a number"#),
            (obj(&[("answer", s("x"))]), "options.answer", r#"must be one of "choice", "typed""#),
            (obj(&[("theme", Value::Bool(false))]), "options.theme", r#"must be one of "auto", "light", "dark", not a boolean"#),
            (obj(&[("seed", s("-1"))]), "options.seed", "must be a whole number"),
            (obj(&[("seed", s(" 1.5 "))]), "options.seed", "must be a whole number"),
            (obj(&[("seed", Value::Bool(true))]), "options.seed", "must be a whole number, not a boolean"),
            (obj(&[("questions", s("10001"))]), "options.questions", "must be a whole number from 1 to 10000"),
            (obj(&[("questions", Value::Number(2.5))]), "options.questions", "must be a whole number from 1 to 10000"),
            (obj(&[("locale", Value::Number(1.0))]), "options.locale", r#"must be a language tag such as "fr", not a number"#),
            (obj(&[("labels", s("x"))]), "options.labels", "must be an object of strings, not a string"),
            (obj(&[("labels", obj(&[("nope", s("x"))]))]), "options.labels.nope", "is not a label name; see the README for the list"),
            (obj(&[("labels", obj(&[("next", s(" "))]))]), "options.labels.next", "must not be blank"),
            (obj(&[("labels", obj(&[("next", Value::Number(1.0))]))]), "options.labels.next", "must be a string, not a number"),
            (obj(&[("storage", Value::Number(0.0))]), "options.storage", "must be true or false, not a number"),
            (obj(&[("article", Value::Bool(true))]), "options.article", r##"must be a CSS selector such as "#story", not a boolean"##),
            (obj(&[("colour", Value::Bool(true))]), "options.colour",
                "unknown option; expected one of mode, seed, questions, answer, locale, labels, storage, theme, article"),
            (obj(&[("", Value::Bool(true))]), "options", "empty option name"),
        ];
        for (value, path, message) in cases {
            let e = MountOptions::from_value(&value).expect_err(message);
            assert_eq!((e.path.as_str(), e.message.as_str()), (path, message));
        }
        let o = MountOptions::from_value(&obj(&[("seed", s(" +7 ")), ("locale", s(" ")), ("storage", s("none"))]));
        assert_eq!(o.map(|o| (o.seed, o.locale, o.storage)), Ok((Some(7), None, false)));
    }

    #[test]
    fn names_the_bad_option() {
        let err = |v: Value| MountOptions::from_value(&v).unwrap_err();
        let e = err(obj(&[("mode", Value::String("slides".into()))]));
        assert_eq!(e.path, "options.mode");
        assert_eq!(e.message, r#"must be one of "cards", "quiz", "both""#);
        assert_eq!(err(obj(&[("questions", Value::Number(0.0))])).path, "options.questions");
        assert_eq!(
            err(obj(&[("seed", Value::Number(1.5))])).message,
            "must be a whole number from 0 to 9007199254740991"
        );
        assert_eq!(err(obj(&[("colour", Value::Bool(true))])).path, "options.colour");
        assert_eq!(err(obj(&[("labels", obj(&[("nope", Value::String("x".into()))]))])).path, "options.labels.nope");
        assert_eq!(err(Value::Number(3.0)).path, "options");
        let e = err(obj(&[("article", Value::Bool(true))]));
        assert_eq!(
            (e.path.as_str(), e.message.as_str()),
            ("options.article", r##"must be a CSS selector such as "#story", not a boolean"##)
        );
    }
}
