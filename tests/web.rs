//! Browser unit tests: run in headless Chromium by
//! `wasm-pack test --headless --chrome -- --test web` (see scripts/test.sh).
//! Natively this file compiles to nothing.
#![cfg(target_arch = "wasm32")]

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

// ---------------------------------------------------------------- harness ---

fn document() -> web_sys::Document {
    web_sys::window().expect("a window").document().expect("a document")
}

/// A new empty `<div>` appended to `<body>`. Remove it at the end of the test
/// with `host.remove()` so tests don't see each other's widgets.
fn fresh_host() -> web_sys::Element {
    let doc = document();
    let host = doc.create_element("div").expect("create a div");
    doc.body().expect("a body").append_child(&host).expect("append the host");
    host
}

/// The host's shadow root (the widget attaches an open one).
fn shadow(host: &web_sys::Element) -> web_sys::ShadowRoot {
    host.shadow_root().expect("the widget attached an open shadow root to its host")
}

/// The first element matching `selector` inside the host's shadow root.
fn find(host: &web_sys::Element, selector: &str) -> Option<web_sys::Element> {
    shadow(host).query_selector(selector).expect("a valid selector")
}

/// Mount the widget into `host` with `deck` and `options` (`JsValue::UNDEFINED`
/// for the built-in deck / default options); panics with the error's message.
fn mount_with(host: &web_sys::Element, deck: JsValue, options: JsValue) -> factcards::FactCards {
    let some = |v: JsValue| if v.is_undefined() { None } else { Some(v) };
    factcards::mount(host.clone().into(), some(deck), some(options)).unwrap_or_else(|err| {
        let message = js_sys::Reflect::get(&err, &JsValue::from_str("message")).ok().and_then(|m| m.as_string());
        panic!("mount failed: {}", message.unwrap_or_else(|| format!("{err:?}")))
    })
}

/// Mount the widget with the built-in deck and default options, and wait for
/// `factcards:ready` (the page's first such mount fetches the deck from the
/// package; later ones render before `mount` returns). Panics with the
/// message of a `factcards:error`.
async fn mount_default(host: &web_sys::Element) -> factcards::FactCards {
    let done = js_sys::Promise::new(&mut |resolve, reject| {
        let once = web_sys::AddEventListenerOptions::new();
        once.set_once(true);
        for (name, then) in [("factcards:ready", &resolve), ("factcards:error", &reject)] {
            host.add_event_listener_with_callback_and_add_event_listener_options(name, then, &once)
                .expect("listen for the mount's event");
        }
    });
    let widget = mount_with(host, JsValue::UNDEFINED, JsValue::UNDEFINED);
    if let Err(event) = wasm_bindgen_futures::JsFuture::from(done).await {
        let detail = prop(&event, "detail");
        panic!("factcards:error: {:?}", prop(&detail, "message").as_string());
    }
    widget
}

// ----------------------------------------------------------------- smoke ---

/// A property of a JS object, for assertions.
fn prop(obj: &JsValue, key: &str) -> JsValue {
    js_sys::Reflect::get(obj, &JsValue::from_str(key)).expect("a readable property")
}

#[wasm_bindgen_test]
async fn mount_renders_the_built_in_deck_into_the_shadow_root() {
    // No progress of another test's built-in deck is restored.
    web_sys::window().unwrap().local_storage().unwrap().unwrap().clear().unwrap();
    let builtin = json(factcards::BUILTIN_DECK_JSON);
    let title = prop(&builtin, "title").as_string().expect("a title");
    let facts: js_sys::Array = prop(&builtin, "facts").dyn_into().expect("facts");
    let first_front = prop(&facts.get(0), "front").as_string().expect("a front");
    let n = facts.length();
    assert!(n > 1 && !title.is_empty() && !first_front.is_empty());

    let host = fresh_host();
    let mut widget = mount_default(&host).await;
    assert!(find(&host, r#"[part~="card"]"#).is_some(), "a [part~=card] element inside the shadow root");
    assert_eq!(text(&host, r#"[part~="title"]"#), title, "the deck's title");
    assert_eq!(text(&host, ".prompt"), first_front, "the first fact's front, in deck order");
    assert_eq!(text(&host, r#"[part~="position"]"#), format!("1 / {n}"));
    assert_eq!(text(&host, ".known-of"), format!("0 of {n} known"));
    let tabs: Vec<String> = (0..2)
        .map(|i| shadow(&host).query_selector_all(r#"[role="tab"]"#).unwrap().item(i).unwrap().text_content().unwrap())
        .collect();
    assert_eq!(tabs, ["Cards", "Quiz"]);
    let back = find(&host, r#"[part~="back"]"#).expect("a back");
    assert_eq!(back.get_attribute("aria-hidden").as_deref(), Some("true"), "the card shows its front");
    widget.destroy();
    host.remove();
}

#[wasm_bindgen_test]
async fn destroy_leaves_the_host_empty() {
    let host = fresh_host();
    let mut widget = mount_default(&host).await;
    assert!(shadow(&host).child_nodes().length() > 0, "rendered something");
    widget.destroy();
    assert_eq!(host.child_nodes().length(), 0, "no children left in the host");
    let left = host.shadow_root().map(|root| root.child_nodes().length()).unwrap_or(0);
    assert_eq!(left, 0, "nothing left in the shadow root");
    host.remove();
}

#[wasm_bindgen_test]
fn validate_deck_reports_problems_of_an_empty_object() {
    let deck = js_sys::JSON::parse("{}").expect("valid JSON");
    let problems = factcards::validate_deck(deck, None);
    let problems: js_sys::Array = problems.dyn_into().expect("validate_deck returns a JS array");
    assert!(problems.length() > 0, "{{}} is not a valid deck");
    for problem in problems.iter() {
        for key in ["path", "message"] {
            let value = js_sys::Reflect::get(&problem, &JsValue::from_str(key)).expect("readable property");
            assert!(value.is_string(), "each problem has a string `{key}`");
        }
    }
}

// ------------------------------------------------------------ behaviour ---

fn json(text: &str) -> JsValue {
    js_sys::JSON::parse(text).expect("valid JSON")
}

fn text(host: &web_sys::Element, selector: &str) -> String {
    find(host, selector).and_then(|el| el.text_content()).unwrap_or_default()
}

fn click(host: &web_sys::Element, selector: &str) {
    let el: web_sys::HtmlElement = find(host, selector).expect(selector).dyn_into().expect("an HTML element");
    el.click();
}

const TWO_FACTS: &str = r#"{"version":1,"title":"T","facts":[
  {"id":"a","front":"<b>Q1</b>","back":"A1","kind":"person"},
  {"id":"b","front":"Q2","back":"A2","kind":"person"}]}"#;

/// The smallest deck a choice quiz asks: each fact gets two wrong options.
const THREE_FACTS: &str = r#"{"version":1,"title":"T","facts":[
  {"id":"a","front":"Q1","back":"A1","kind":"person"},
  {"id":"b","front":"Q2","back":"A2","kind":"person"},
  {"id":"c","front":"Q3","back":"A3","kind":"person"}]}"#;

#[wasm_bindgen_test]
fn clicking_the_card_turns_it_and_exposes_the_back() {
    let host = fresh_host();
    let mut widget = mount_with(&host, json(TWO_FACTS), json(r#"{"mode":"cards","storage":false}"#));
    let card = find(&host, r#"[part~="card"]"#).expect("card");
    let back = find(&host, r#"[part~="back"]"#).expect("back");
    assert_eq!(card.get_attribute("aria-pressed").as_deref(), Some("false"));
    assert_eq!(back.get_attribute("aria-hidden").as_deref(), Some("true"));
    assert!(back.has_attribute("inert"));
    click(&host, r#"[part~="card"]"#);
    assert_eq!(card.get_attribute("aria-pressed").as_deref(), Some("true"));
    assert_eq!(back.get_attribute("aria-hidden").as_deref(), Some("false"));
    assert!(!back.has_attribute("inert"));
    assert!(find(&host, r#"[part~="known"]:not([disabled])"#).is_some(), "Got it is available once turned");
    widget.destroy();
    host.remove();
}

#[wasm_bindgen_test]
fn deck_text_stays_text_and_next_moves_on() {
    let host = fresh_host();
    let mut widget = mount_with(&host, json(TWO_FACTS), json(r#"{"mode":"cards","storage":false}"#));
    assert_eq!(text(&host, ".prompt"), "<b>Q1</b>");
    assert!(find(&host, ".prompt b").is_none(), "no element made from deck text");
    assert_eq!(text(&host, r#"[part~="position"]"#), "1 / 2");
    click(&host, r#"[part~="next"][data-msg="next"]"#);
    assert_eq!(text(&host, ".prompt"), "Q2");
    assert_eq!(text(&host, r#"[part~="position"]"#), "2 / 2");
    assert_eq!(text(&host, ".live"), "Card 2 of 2");
    widget.destroy();
    host.remove();
}

#[wasm_bindgen_test]
fn an_invalid_deck_is_an_error_with_its_path_and_an_alert() {
    let host = fresh_host();
    let deck = json(r#"{"version":1,"title":"T","facts":[{"front":"Q","back":"  "}]}"#);
    let err = factcards::mount(host.clone().into(), Some(deck), None).err().expect("an invalid deck fails");
    let message = js_sys::Reflect::get(&err, &JsValue::from_str("message")).unwrap().as_string().unwrap();
    assert_eq!(message, "invalid deck: facts[0].back: must not be blank");
    let alert = find(&host, r#"[role="alert"]"#).expect("the widget shows an alert");
    assert!(alert.text_content().unwrap_or_default().contains("facts[0].back: must not be blank"));
    // The same element takes a good deck afterwards.
    let mut widget = mount_with(&host, json(TWO_FACTS), JsValue::UNDEFINED);
    assert!(find(&host, r#"[role="alert"]"#).is_none());
    assert!(find(&host, r#"[part~="card"]"#).is_some());
    widget.destroy();
    host.remove();
}

#[wasm_bindgen_test]
fn a_bad_option_names_its_path() {
    let host = fresh_host();
    let err = factcards::mount(host.clone().into(), None, Some(json(r#"{"mode":"slides"}"#))).err().expect("fails");
    let message = js_sys::Reflect::get(&err, &JsValue::from_str("message")).unwrap().as_string().unwrap();
    assert!(message.starts_with("invalid options: options.mode: "), "{message}");
    host.remove();
}

#[wasm_bindgen_test]
fn choosing_an_option_judges_it_and_locks_the_others() {
    let host = fresh_host();
    let mut widget = mount_with(&host, json(THREE_FACTS), json(r#"{"mode":"quiz","seed":3,"storage":false}"#));
    let question = text(&host, r#"[part~="question"]"#);
    let right = match question.as_str() {
        "Q1" => "A1",
        "Q2" => "A2",
        "Q3" => "A3",
        other => panic!("unexpected question {other:?}"),
    };
    let options = shadow(&host).query_selector_all(r#"[part~="option"]:not([hidden])"#).unwrap();
    assert_eq!(options.length(), 3, "the right option and the two other facts of the same kind");
    for i in 0..options.length() {
        let option: web_sys::HtmlElement = options.item(i).unwrap().dyn_into().unwrap();
        if option.text_content().unwrap_or_default().starts_with(right) {
            option.click();
        }
    }
    assert_eq!(text(&host, ".verdict"), "Correct");
    for i in 0..options.length() {
        let option: web_sys::Element = options.item(i).unwrap().dyn_into().unwrap();
        assert!(option.has_attribute("disabled"), "options lock after an answer");
    }
    widget.destroy();
    host.remove();
}

// ------------------------------------------------------------ reading JS ---

/// `flatten.js` and its decoder carry every kind of JSON value exactly: text
/// with NULs and control characters, fractions, -0, huge and non-finite
/// numbers, empty keys, deep nesting; and what is not JSON data gets its path.
#[wasm_bindgen_test]
fn a_js_value_is_read_exactly() {
    use factcards::model::json::Value;
    use factcards::test_seam::to_value;
    let read = |text: &str| to_value(&js_sys::JSON::parse(text).expect("valid JSON")).map_err(|e| (e.path, e.message));
    let s = |t: &str| Value::String(t.to_owned());
    let n = Value::Number;
    let obj =
        |members: Vec<(&str, Value)>| Value::Object(members.into_iter().map(|(k, v)| (k.to_owned(), v)).collect());

    let deck = read(factcards::BUILTIN_DECK_JSON).expect("the built-in deck reads");
    let deck = factcards::model::validate::parse_deck(deck).expect("and is valid");
    assert_eq!(deck.facts.len(), 31);

    assert_eq!(
        read(r#"{"a":"x\u0000y\u0001z","\u0000":"\u0001\u0001","b":[1,"",null,true,false],"":{}}"#),
        Ok(obj(vec![
            ("a", s("x\0y\x01z")),
            ("\0", s("\x01\x01")),
            ("b", Value::Array(vec![n(1.0), s(""), Value::Null, Value::Bool(true), Value::Bool(false)])),
            ("", obj(vec![])),
        ]))
    );
    let Ok(Value::Object(numbers)) = read(r#"{"a":1.5,"b":-0,"c":9007199254740993,"d":-12,"e":1e308,"f":5e-324}"#)
    else {
        panic!("numbers read")
    };
    let got: Vec<f64> = numbers.iter().map(|(_, v)| if let Value::Number(x) = v { *x } else { f64::NAN }).collect();
    assert_eq!(got, [1.5, -0.0, 9007199254740993.0, -12.0, 1e308, 5e-324]);
    assert!(got[1].is_sign_negative(), "-0 stays -0");
    assert_eq!(read(r#""Қазақстан «ü» 🇰🇿""#), Ok(s("Қазақстан «ü» 🇰🇿")));
    assert_eq!(read("42"), Ok(n(42.0)));

    let deep = ["[".repeat(33), "1".into(), "]".repeat(33)].concat();
    let path = ["[0]".repeat(32)].concat();
    assert_eq!(read(&deep), Err((path, "nested deeper than 32 levels".to_owned())));

    let obj = js_sys::Object::new();
    js_sys::Reflect::set(&obj, &"u".into(), &JsValue::UNDEFINED).unwrap();
    js_sys::Reflect::set(&obj, &"f".into(), &js_sys::Function::new_no_args("return 1")).unwrap();
    let got = to_value(&obj).map_err(|e| (e.path, e.message));
    assert_eq!(got, Err(("f".to_owned(), "must be JSON data (not a function, symbol or BigInt)".to_owned())));

    // A NUL in a key stays in the error's path.
    let odd = js_sys::JSON::parse(r#"{"a\u0000b":[1]}"#).unwrap();
    let list: js_sys::Array = js_sys::Reflect::get(&odd, &"a\0b".into()).unwrap().unchecked_into();
    list.push(&js_sys::Function::new_no_args("return 1"));
    let got = to_value(&odd).map_err(|e| (e.path, e.message));
    assert_eq!(got, Err(("a\0b[1]".to_owned(), "must be JSON data (not a function, symbol or BigInt)".to_owned())));
}

/// A getter that reads another value through the widget while its own value
/// is being read (a host page calling validateDeck from inside a deck) leaves
/// both readings whole.
#[wasm_bindgen_test]
fn reading_a_value_from_inside_a_getter_of_another() {
    use factcards::model::json::Value;
    use factcards::test_seam::to_value;
    use wasm_bindgen::closure::Closure;
    let inner = js_sys::JSON::parse(r#"{"inner":["x","y"]}"#).unwrap();
    let seen = std::rc::Rc::new(std::cell::RefCell::new(None));
    let seen_in_getter = seen.clone();
    let getter = Closure::<dyn Fn() -> JsValue>::new(move || {
        *seen_in_getter.borrow_mut() = Some(to_value(&inner).map_err(|e| e.message));
        JsValue::from_str("from the getter")
    });
    let outer = js_sys::JSON::parse(r#"{"a":"before"}"#).unwrap();
    let desc = js_sys::Object::new();
    js_sys::Reflect::set(&desc, &"get".into(), getter.as_ref()).unwrap();
    js_sys::Reflect::set(&desc, &"enumerable".into(), &JsValue::TRUE).unwrap();
    let target: &js_sys::Object = outer.unchecked_ref();
    js_sys::Reflect::define_property(target, &"b".into(), &desc).unwrap();
    js_sys::Reflect::set(&outer, &"c".into(), &"after".into()).unwrap();

    let s = |t: &str| Value::String(t.to_owned());
    let got = to_value(&outer).map_err(|e| e.message);
    let want =
        Value::Object(vec![("a".into(), s("before")), ("b".into(), s("from the getter")), ("c".into(), s("after"))]);
    assert_eq!(got, Ok(want));
    let inner_want = Value::Object(vec![("inner".into(), Value::Array(vec![s("x"), s("y")]))]);
    assert_eq!(seen.borrow_mut().take(), Some(Ok(inner_want)));
}

// ------------------------------------------------------------ dispatch ---

/// A message sent while another is being applied (here by a host's
/// `focusin` listener, as focus moves to the card after "Got it") is queued
/// and applied right after, not dropped.
#[wasm_bindgen_test]
fn a_message_sent_during_dispatch_is_applied_after_it() {
    use std::cell::RefCell;
    use std::rc::Rc;
    use wasm_bindgen::closure::Closure;
    let host = fresh_host();
    let widget = Rc::new(RefCell::new(mount_with(&host, json(TWO_FACTS), json(r#"{"storage":false}"#))));
    let sent = Rc::new(std::cell::Cell::new(0));
    let (in_listener, count) = (widget.clone(), sent.clone());
    let on_focus = Closure::<dyn Fn()>::new(move || {
        if count.replace(count.get() + 1) == 0 {
            in_listener.borrow().show("quiz").expect("a known view");
        }
    });
    host.add_event_listener_with_callback("focusin", on_focus.as_ref().unchecked_ref()).unwrap();
    click(&host, r#"[part~="card"]"#);
    click(&host, r#"[part~="known"]"#);
    assert!(sent.get() > 0, "focus moved to the card while \"Got it\" was applied");
    let quiz = find(&host, "#p-quiz").expect("the quiz panel");
    assert!(!quiz.has_attribute("hidden"), "show(\"quiz\") sent during the dispatch took effect");
    assert_eq!(find(&host, "#t-quiz").unwrap().get_attribute("aria-selected").as_deref(), Some("true"));
    host.remove_event_listener_with_callback("focusin", on_focus.as_ref().unchecked_ref()).unwrap();
    widget.borrow_mut().destroy();
    host.remove();
}

// -------------------------------------------------------------- errors ---

fn mount_error(host: &web_sys::Element, deck: Option<JsValue>, options: Option<JsValue>) -> JsValue {
    factcards::mount(host.clone().into(), deck, options).err().expect("the mount fails")
}

/// The thrown Error carries the first problem's `path` as a property too.
#[wasm_bindgen_test]
fn the_thrown_error_carries_its_path() {
    let host = fresh_host();
    let err = mount_error(&host, Some(json(r#"{"version":1,"title":"T","facts":[{"front":"Q","back":" "}]}"#)), None);
    assert!(err.is_instance_of::<js_sys::Error>());
    assert_eq!(prop(&err, "message").as_string().as_deref(), Some("invalid deck: facts[0].back: must not be blank"));
    assert_eq!(prop(&err, "path").as_string().as_deref(), Some("facts[0].back"));
    let err = mount_error(&host, None, Some(json(r#"{"mode":"slides"}"#)));
    assert_eq!(prop(&err, "path").as_string().as_deref(), Some("options.mode"));
    let err = mount_error(&host, Some(JsValue::from_str("{not json")), None);
    assert_eq!(prop(&err, "path").as_string().as_deref(), Some(""), "the deck itself");
    let err = factcards::mount(JsValue::from_str("#no-such-element"), None, None).err().expect("fails");
    assert!(prop(&err, "path").is_null(), "a target error has no path");
    host.remove();
}

/// A DOM call that throws while rendering is a DOM error that keeps the
/// DOMException's name and message, and has no path.
#[wasm_bindgen_test]
fn a_dom_error_keeps_the_exceptions_message() {
    let host = fresh_host();
    // The shared templates are made by the first mount; make them first.
    mount_with(&host, json(TWO_FACTS), json(r#"{"storage":false}"#)).destroy();
    let doc = document();
    let throwing = js_sys::Function::new_no_args("throw new DOMException('the page said no', 'NotSupportedError')");
    js_sys::Reflect::set(&doc, &"createElement".into(), &throwing).unwrap();
    let got = factcards::mount(host.clone().into(), Some(json(TWO_FACTS)), None);
    js_sys::Reflect::delete_property(doc.unchecked_ref::<js_sys::Object>(), &"createElement".into()).unwrap();
    let err = got.err().expect("the mount fails");
    assert_eq!(
        prop(&err, "message").as_string().as_deref(),
        Some("mount: could not render (NotSupportedError: the page said no)")
    );
    assert!(prop(&err, "path").is_null());
    host.remove();
}

// ---------------------------------------------------------- hostile input ---

/// A deck whose arrays share their children, 30 levels deep, would be walked
/// 2^30 times: the reader stops at a million values with an issue instead.
#[wasm_bindgen_test]
fn validate_deck_stops_on_a_shared_reference_graph() {
    let mut level: JsValue = js_sys::Array::of2(&1.into(), &1.into()).into();
    for _ in 0..28 {
        level = js_sys::Array::of2(&level, &level).into();
    }
    let deck = json(r#"{"version":1,"title":"T"}"#);
    js_sys::Reflect::set(&deck, &"facts".into(), &level).unwrap();
    let started = js_sys::Date::now();
    let issues: js_sys::Array = factcards::validate_deck(deck, None).dyn_into().expect("an array");
    let took = js_sys::Date::now() - started;
    assert!(took < 5000.0, "validateDeck returned promptly ({took} ms)");
    assert_eq!(issues.length(), 1);
    let issue = issues.get(0);
    assert_eq!(prop(&issue, "message").as_string().as_deref(), Some("too many values (more than 1000000 in all)"));
    let path = prop(&issue, "path").as_string().unwrap_or_default();
    assert!(path.starts_with("facts[0][0]"), "the path says where the count ran out: {path}");
}

/// JSON text is parsed where it is; its syntax errors keep their message.
#[wasm_bindgen_test]
fn json_text_reads_like_the_object_it_holds() {
    use factcards::test_seam::{json_to_value, to_value};
    let text = r#"{"a":[1,"x\u0000y",null],"b":{"c":-0.5}}"#;
    let from_text = json_to_value(&JsValue::from_str(text)).map_err(|e| e.message);
    assert_eq!(from_text, to_value(&json(text)).map_err(|e| e.message));
    let bad = json_to_value(&JsValue::from_str("{\"a\": ")).expect_err("a syntax error");
    assert_eq!(bad.path, "");
    assert!(bad.message.starts_with("not valid JSON: "), "{}", bad.message);
}

// ------------------------------------------------------------- fallback ---

/// A host with content of its own keeps showing it when a mount fails, and
/// only a mounted widget takes its place.
#[wasm_bindgen_test]
fn a_failed_mount_leaves_the_hosts_own_content_visible() {
    let host = fresh_host();
    let doc = document();
    let fallback = doc.create_element("p").unwrap();
    fallback.set_text_content(Some("The facts, as the page wrote them."));
    host.append_child(&fallback).unwrap();
    let visible = |el: &web_sys::Element| el.dyn_ref::<web_sys::HtmlElement>().unwrap().offset_height() > 0;
    assert!(visible(&fallback));

    mount_error(&host, Some(json(r#"{"version":1,"title":"T","facts":[]}"#)), None);
    assert!(visible(&fallback), "the fallback stays visible after an invalid deck");
    assert!(find(&host, r#"[role="alert"]"#).is_none(), "no alert over the fallback");
    assert!(find(&host, "slot").is_some(), "the shadow root shows the host's content");
    mount_error(&host, Some(json(TWO_FACTS)), Some(json(r#"{"answer":"spoken"}"#)));
    assert!(visible(&fallback), "and after bad options");

    let mut widget = mount_with(&host, json(TWO_FACTS), json(r#"{"storage":false}"#));
    assert!(!visible(&fallback), "a mounted widget takes the fallback's place");
    assert!(find(&host, "slot").is_none());
    widget.destroy();
    host.remove();

    // An inline JSON deck alone is no fallback: the alert shows.
    let host = fresh_host();
    let script = doc.create_element("script").unwrap();
    script.set_attribute("type", "application/json").unwrap();
    script.set_text_content(Some("{}"));
    host.append_child(&script).unwrap();
    mount_error(&host, Some(JsValue::from_str("{}")), None);
    assert!(find(&host, r#"[role="alert"]"#).is_some());
    host.remove();

    // Nor are children that render nothing: the alert shows, not a blank box.
    let host = fresh_host();
    host.set_inner_html("<noscript>Needs JavaScript</noscript><template><p>Later</p></template><style>p {}</style>");
    mount_error(&host, Some(JsValue::from_str("{}")), None);
    assert!(find(&host, r#"[role="alert"]"#).is_some(), "the alert over children that render nothing");
    host.remove();

    // A host that cannot hold a shadow root keeps its own text too.
    let list = doc.create_element("ul").unwrap();
    list.set_inner_html("<li>Static facts.</li>");
    doc.body().unwrap().append_child(&list).unwrap();
    let err = mount_error(&list, None, None);
    let message = prop(&err, "message").as_string().unwrap_or_default();
    assert!(
        message.starts_with("mount: cannot render into <ul>; use a <div> or <fact-cards> (NotSupportedError: "),
        "{message}"
    );
    assert_eq!(list.inner_html(), "<li>Static facts.</li>");
    list.remove();
}

// ------------------------------------------------------------ to JS ---

/// What Rust hands to JS are plain objects (serde-wasm-bindgen, JSON
/// compatible): `null` where there is nothing, never `undefined` or a `Map`.
#[wasm_bindgen_test]
fn event_details_and_issues_are_plain_objects() {
    use std::cell::RefCell;
    use std::rc::Rc;
    use wasm_bindgen::closure::Closure;
    let plain = |v: &JsValue| {
        let object_prototype = js_sys::Object::get_prototype_of(&js_sys::Object::new());
        assert!(object_prototype.is_prototype_of(v), "an object");
        let proto = js_sys::Object::get_prototype_of(v);
        assert_eq!(JsValue::from(proto), JsValue::from(object_prototype), "a plain object, not a Map");
    };
    let issues: js_sys::Array = factcards::validate_deck(json("{}"), None).dyn_into().unwrap();
    plain(&issues.get(0));
    assert_eq!(
        String::from(js_sys::Object::keys(issues.get(0).unchecked_ref::<js_sys::Object>()).join(",")),
        "path,message,severity"
    );

    let host = fresh_host();
    let seen: Rc<RefCell<Vec<(String, JsValue)>>> = Rc::default();
    let log = seen.clone();
    let listener = Closure::<dyn Fn(web_sys::CustomEvent)>::new(move |e: web_sys::CustomEvent| {
        log.borrow_mut().push((e.type_(), e.detail()));
    });
    for name in ["factcards:error", "factcards:ready", "factcards:flip"] {
        host.add_event_listener_with_callback(name, listener.as_ref().unchecked_ref()).unwrap();
    }
    mount_error(&host, Some(JsValue::from_str("[]")), None);
    let mut widget = mount_with(&host, json(TWO_FACTS), json(r#"{"storage":false}"#));
    click(&host, r#"[part~="card"]"#);
    let seen = seen.borrow();
    let names: Vec<&str> = seen.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(names, ["factcards:error", "factcards:ready", "factcards:flip"]);
    for (_, detail) in seen.iter() {
        plain(detail);
    }
    assert_eq!(prop(&seen[0].1, "path").as_string().as_deref(), Some(""));
    assert_eq!(prop(&seen[1].1, "facts").as_f64(), Some(2.0));
    assert_eq!(prop(&seen[2].1, "factId").as_string().as_deref(), Some("a"));
    assert_eq!(prop(&seen[2].1, "side").as_string().as_deref(), Some("back"));
    widget.destroy();
    host.remove();
}

/// Characters of many scripts and kinds: letters, digits, marks,
/// punctuation and symbols, in and out of the blocks the wasm classes itself.
const UNICODE_SAMPLES: &str = "aZ09 _-.,;:!?'\"()[]{}@#$%&*+=<>/\\|~^`\u{a0}\u{aa}\u{ad}\u{b2}\u{b5}\u{bc}\u{d7}\
    αΩάϊ\u{375}\u{37e}\u{387}\u{3f6}ЖжЁё\u{482}\u{483}\u{488}ӘәҚқҢңҰұҮүҺһІі\
    אבג\u{5b0}\u{5be}\u{5f3}ابت\u{60c}\u{61f}\u{640}٠١٩۰۹\u{64b}\u{670}\
    कखग\u{93c}\u{93e}\u{94d}\u{964}०९ক০ஂஅ௧ไก\u{e31}\u{e3f}๑ÅΩ\u{2160}\u{2169}\u{2170}\
    中国字\u{3000}\u{3001}\u{3002}\u{3007}\u{3021}ぁアー\u{30fb}한국\u{3131}\u{ff10}\u{ff21}\u{ff41}\u{ff01}\
    \u{2013}\u{2014}\u{2018}\u{2019}\u{201c}\u{201d}\u{2026}\u{2030}\u{20ac}\u{20b8}\u{20bd}\u{2122}\u{2460}\u{2070}\u{2074}\
    \u{2190}\u{2200}\u{2500}\u{25a0}\u{2600}\u{2713}\u{1f600}\u{1f1f0}\u{10400}\u{1d400}\u{1d7ce}\u{20000}";

/// The wasm asks the browser whether a character outside ASCII, Latin and
/// Cyrillic is a letter or a digit: its answers are std's.
#[wasm_bindgen_test]
fn the_browser_classes_letters_and_digits_as_std_does() {
    use factcards::model::unicode::{is_alphabetic, is_alphanumeric};
    // Latin, Greek, Cyrillic, Armenian, Hebrew and Arabic whole, then samples.
    let blocks = (0..=0x6ff).filter_map(char::from_u32);
    for c in blocks.chain(UNICODE_SAMPLES.chars()) {
        assert_eq!(is_alphabetic(c), c.is_alphabetic(), "is_alphabetic {c:?} U+{:04X}", u32::from(c));
        assert_eq!(is_alphanumeric(c), c.is_alphanumeric(), "is_alphanumeric {c:?} U+{:04X}", u32::from(c));
    }
    // So typed answers in any script are read as before.
    use factcards::model::text::normalize_answer;
    assert_eq!(normalize_answer("中国 — «Токаев»!"), "中国 токаев");
    assert_eq!(normalize_answer("Ⅻ, ٣ and ²"), "ⅻ ٣ and ²");
}
