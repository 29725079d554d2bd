//! Mounting: the shadow root and its style sheet, reading the deck and
//! options, the message panel for loading and errors, and one widget per host.

use super::events;
use super::storage::Store;
use super::template::{message_markup, set_attr, set_text, Refs};
use super::widget::{ViewOptions, Widget};
use crate::model::app::{App, Settings};
use crate::model::deck::Deck;
use crate::model::json::Value;
use crate::model::locale::{Key, Lang, Strings};
use crate::model::options::MountOptions;
use crate::model::progress::storage_key;
use crate::model::validate::{parse_deck, Issue};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{CssStyleSheet, Element, ShadowRoot, ShadowRootInit, ShadowRootMode};

/// Where a mounted widget lives; emptied by `destroy()`.
pub type Slot = RefCell<Option<Widget>>;

/// Why a mount failed.
pub enum MountError {
    /// The deck broke these rules.
    Deck(Vec<Issue>),
    /// An option is wrong.
    Options(Issue),
    /// The target cannot hold a widget.
    Target(String),
}

impl MountError {
    /// The message for the host's `Error`, e.g.
    /// `invalid deck: facts[3].back: must not be blank (and 2 more)`.
    pub fn message(&self) -> String {
        match self {
            MountError::Deck(issues) => {
                let mut m = String::from("invalid deck: ");
                if let Some(first) = issues.first() {
                    m.push_str(&first.line());
                }
                if issues.len() > 1 {
                    m.push_str(" (and ");
                    m.push_str(&(issues.len() - 1).to_string());
                    m.push_str(" more)");
                }
                m
            }
            MountError::Options(issue) => ["invalid options: ", &issue.line()].concat(),
            MountError::Target(m) => m.clone(),
        }
    }

    /// The path of the first problem, if it has one.
    pub fn path(&self) -> Option<&str> {
        match self {
            MountError::Deck(issues) => issues.first().map(|i| i.path.as_str()),
            MountError::Options(issue) => Some(issue.path.as_str()),
            MountError::Target(_) => None,
        }
    }
}

thread_local! {
    static SHEET: Option<CssStyleSheet> = {
        let sheet = CssStyleSheet::new().ok();
        if let Some(s) = &sheet {
            let _ = s.replace_sync(include_str!(concat!(env!("OUT_DIR"), "/style.min.css")));
        }
        sheet
    };
    /// The widget living in each host, held strongly: a widget lives until
    /// `destroy()`, a new mount into its host, or (for `<fact-cards>`) the
    /// element's removal, never merely until its JS handle is garbage
    /// collected (wasm-bindgen frees an unreachable `FactCards` through a
    /// `FinalizationRegistry`, and `mount(el)` without keeping the result is
    /// the common case). A second mount into a host replaces the first.
    static LIVE: RefCell<Vec<(Element, Rc<Slot>)>> = const { RefCell::new(Vec::new()) };
}

/// The open shadow root of `host` (attached on first use), emptied and
/// styled with the shared constructed sheet.
pub fn shadow_root(host: &Element) -> Result<ShadowRoot, MountError> {
    let root = match host.shadow_root() {
        Some(root) => root,
        None => host.attach_shadow(&ShadowRootInit::new(ShadowRootMode::Open)).map_err(|_| {
            MountError::Target(
                [
                    "mount: cannot render into <",
                    &host.tag_name().to_ascii_lowercase(),
                    ">; use a <div> or <fact-cards>",
                ]
                .concat(),
            )
        })?,
    };
    root.set_text_content(None);
    SHEET.with(|sheet| {
        if let Some(sheet) = sheet {
            root.set_adopted_style_sheets(&js_sys::Array::of1(sheet));
        }
    });
    Ok(root)
}

/// Destroys the widget already in `host`, if any, and forgets it.
pub fn release(host: &Element) {
    let old = LIVE.with(|live| {
        let mut live = live.borrow_mut();
        live.retain(|(_, w)| !matches!(w.try_borrow().as_deref(), Ok(None)));
        let i = live.iter().position(|(h, _)| h == host)?;
        Some(live.swap_remove(i).1)
    });
    if let Some(slot) = old {
        destroy(&slot);
    }
}

/// Remembers that `widget` lives in `host`, unless it is gone already (a host
/// listener mounted into the same host again while this mount still ran).
pub fn register(host: &Element, widget: &Rc<Slot>) {
    if matches!(widget.try_borrow().as_deref(), Ok(Some(_))) {
        LIVE.with(|live| live.borrow_mut().push((host.clone(), widget.clone())));
    }
}

/// Destroys the widget in `slot` and forgets it. Safe to call twice.
pub fn destroy(slot: &Rc<Slot>) {
    LIVE.with(|live| live.borrow_mut().retain(|(_, w)| !Rc::ptr_eq(w, slot)));
    // Taken out first, so that the borrow ends before the widget goes.
    let widget = slot.try_borrow_mut().ok().and_then(|mut w| w.take());
    if let Some(mut widget) = widget {
        widget.destroy();
    }
}

/// Reads a deck given as `undefined`/`null` (the built-in deck), JSON text,
/// or an object.
pub fn read_deck(deck: &JsValue) -> Result<Deck, Vec<Issue>> {
    let value = if deck.is_undefined() || deck.is_null() {
        let builtin = js_sys::JSON::parse(crate::BUILTIN_DECK_JSON).map_err(|_| internal("built-in deck"))?;
        to_value(&builtin)?
    } else if let Some(text) = deck.as_string() {
        match js_sys::JSON::parse(&text) {
            Ok(v) => to_value(&v)?,
            Err(e) => {
                let why = e.dyn_ref::<js_sys::Error>().map(|e| String::from(e.message())).unwrap_or_default();
                return Err(vec![Issue { path: String::new(), message: ["not valid JSON: ", &why].concat() }]);
            }
        }
    } else {
        to_value(deck)?
    };
    parse_deck(value)
}

fn internal(what: &str) -> Vec<Issue> {
    vec![Issue { path: String::new(), message: ["internal error reading the ", what].concat() }]
}

fn to_value(js: &JsValue) -> Result<Value, Vec<Issue>> {
    super::js_value::to_value(js).map_err(|e| vec![Issue { path: e.path, message: e.message }])
}

/// Reads `options`.
pub fn read_options(options: &JsValue) -> Result<MountOptions, MountError> {
    let value = if options.is_undefined() || options.is_null() {
        Value::Null
    } else {
        super::js_value::to_value(options).map_err(|e| {
            let path = if e.path.is_empty() { "options".to_owned() } else { ["options.", &e.path].concat() };
            MountError::Options(Issue { path, message: e.message })
        })?
    };
    MountOptions::from_value(&value).map_err(MountError::Options)
}

/// The UI strings for `host`: the `locale` option, else the nearest `lang`
/// attribute, else English; then the `labels` overrides.
pub fn strings_for(host: &Element, options: &MountOptions) -> Strings {
    let tag = options
        .locale
        .clone()
        .or_else(|| host.closest("[lang]").ok().flatten().and_then(|el| el.get_attribute("lang")));
    let mut strings = Strings::new(tag.as_deref().map(Lang::from_tag).unwrap_or_default());
    for (name, text) in &options.labels {
        strings.set_override(name, text);
    }
    strings
}

/// A seed from the clock and `Math.random`, for mounts without one.
fn random_seed() -> u64 {
    (js_sys::Math::random() * 9_007_199_254_740_991.0) as u64
}

/// Mounts a widget into `host`: everything `mount()` does except the JS
/// handle. On failure the host shows the error and receives `factcards:error`.
pub fn mount(host: &Element, deck: &JsValue, options: &JsValue) -> Result<Rc<Slot>, MountError> {
    release(host);
    let result = try_mount(host, deck, options);
    match &result {
        Ok(widget) => {
            register(host, widget);
            let facts = widget.borrow().as_ref().map_or(0, Widget::fact_count);
            events::emit(host, "factcards:ready", &events::ready(facts).into());
        }
        Err(err) => {
            let opts = read_options(options).unwrap_or_default();
            let strings = strings_for(host, &opts);
            let lines: Vec<String> = match err {
                MountError::Deck(issues) => issues.iter().take(50).map(Issue::line).collect(),
                other => vec![other.message()],
            };
            show_message(host, Message::Error, strings.get(Key::Failed), &lines);
            events::emit(host, "factcards:error", &events::error(&err.message(), err.path()).into());
        }
    }
    result
}

fn try_mount(host: &Element, deck: &JsValue, options: &JsValue) -> Result<Rc<Slot>, MountError> {
    let opts = read_options(options)?;
    let root = shadow_root(host)?;
    let deck = read_deck(deck).map_err(MountError::Deck)?;
    let strings = strings_for(host, &opts);
    let settings = Settings {
        modes: opts.modes,
        seed: opts.seed.unwrap_or_else(random_seed),
        questions: opts.questions,
        answer: opts.answer,
    };
    let store = Store::open(storage_key(&deck), opts.storage);
    let mut app = App::new(deck, settings);
    if let Some(saved) = store.load(app.deck.facts.len()) {
        app.restore(&saved);
    }
    let widget = Widget::mount(host, root, app, ViewOptions { strings, theme: opts.theme, store }).map_err(|e| {
        MountError::Target(["mount: ", &e.as_string().unwrap_or_else(|| "could not render".into())].concat())
    })?;
    Ok(Rc::new(RefCell::new(Some(widget))))
}

/// What a message panel says.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Message {
    /// Loading (a polite status).
    Loading,
    /// An error (an alert).
    Error,
}

/// Replaces the host's content with a loading or error panel.
pub fn show_message(host: &Element, kind: Message, title: &str, lines: &[String]) {
    let Ok(root) = shadow_root(host) else {
        // The host cannot hold a shadow root; say it as text in the host itself.
        host.set_text_content(Some(&[title, " ", &lines.join("; ")].concat()));
        return;
    };
    let Ok(frag) = message_markup() else { return };
    let Ok(r) = Refs::new(&frag) else { return };
    let (panel, head, list) = (r.find(".msg"), r.find(".m-title"), r.find(".m-list"));
    if r.finish().is_err() {
        return;
    }
    match kind {
        Message::Error => set_attr(&panel, "role", "alert"),
        Message::Loading => {
            set_attr(&panel, "role", "status");
            set_attr(&panel, "aria-busy", "true");
        }
    }
    set_text(&head, title);
    if let Some(doc) = super::template::document() {
        for line in lines {
            if let Ok(li) = doc.create_element("li") {
                li.set_text_content(Some(line));
                let _ = list.append_child(&li);
            }
        }
    }
    let _ = root.append_child(&frag);
}
