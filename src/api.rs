//! The JS surface: `init` (the default export), `mount`, `validateDeck`, the
//! `FactCards` handle and the `<fact-cards>` element.

use crate::dom::builtin::{self, Waiting};
#[cfg(not(feature = "editor"))]
use crate::dom::element;
use crate::dom::error::MountError;
use crate::dom::widget::Widget;
use crate::dom::{input, mount};
use crate::model::app::Mode;
use crate::model::text::concat;
use crate::model::validate::Issue;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use web_sys::Element;

/// The TypeScript declarations of the JS surface, written into
/// `pkg/factcards.d.ts`: the deck, the options, the events, the
/// `<fact-cards>` element, and the exports with their docs. The exports are
/// declared here, not derived by wasm-bindgen, because wasm-bindgen copies an
/// export's doc comment into the shipped glue as well (about 0.8 KB gzip of
/// prose a page would download); their Rust items carry no `///` of their own.
#[wasm_bindgen(typescript_custom_section)]
const TS_TYPES: &'static str = r#"
/** A deck of facts, format version 1 (see docs/deck-format.md). */
export interface Deck {
    version: 1;
    title: string;
    facts: Fact[];
    /** Stable id; saved progress is keyed on it. */
    id?: string;
    /** BCP 47 tag of the deck text; "en" when absent. */
    language?: string;
    description?: string;
    source?: DeckSource;
}

/** Where the facts come from. Every field is optional. */
export interface DeckSource {
    publisher?: string;
    headline?: string;
    /** An absolute http(s) URL. */
    url?: string;
    /** YYYY-MM-DD. */
    published?: string;
    author?: string;
    editor?: string;
}

/** What sort of thing a fact's answer is. */
export type FactKind = "person" | "organization" | "place" | "date" | "number" | "money" | "event" | "document" | "other";

/** One fact: a prompt on the front, its answer on the back. */
export interface Fact {
    front: string;
    back: string;
    /** Unique in the deck; "fact-N" (1-based position) when absent. */
    id?: string;
    topic?: string;
    /** "other" when absent. */
    kind?: FactKind;
    detail?: string;
    quote?: string;
    /** Other answers that count as right. */
    accept?: string[];
    /** Authored wrong options for the quiz. */
    distractors?: string[];
    image?: FactImage;
}

/** A picture for the front of a card, with its required text alternative. */
export interface FactImage {
    src: string;
    alt: string;
}

/**
 * One problem with a deck: where (e.g. "facts[3].back"; "" for the deck itself), what, and how bad.
 * An "error" makes the deck invalid; a "warning" (a fact left out of choice quizzes, a kind
 * with too few options, an answer unlike its kind) never stops a mount.
 */
export interface DeckIssue {
    path: string;
    message: string;
    severity: "error" | "warning";
}

/**
 * The second argument of `validateDeck`. `article`: the plain text of the article the deck was made
 * from (reduce HTML to text first, e.g. with the editor package's `articleText`). A valid deck is then
 * checked against it as `factcards validate --article` checks it: every `quote` must occur in the
 * article, compared with white space, typographic quotes and apostrophes, and dashes normalised; one
 * that does not is an error at `facts[i].quote`. In this package (the reader's widget) that is the
 * whole check, with the message "not in the article". The editor's package (`pkg-editor/`) runs the
 * full check: the message also names the closest passage (`not in the article; closest: "…"`), and a
 * number in a `back`, `accept` entry or `detail` that the article lacks is a warning there.
 */
export interface ValidateOptions {
    article?: string;
}

/** A view of the widget. */
export type ViewName = "cards" | "quiz";

/** Names of the UI strings that `labels` may override. */
export type LabelName =
    | "cards" | "quiz" | "modes" | "prev" | "next" | "turnHint" | "known" | "learning" | "shuffle"
    | "restart" | "topic" | "allTopics" | "progressLabel" | "labelEnd" | "position" | "cardOf" | "round" | "knownOf" | "complete"
    | "studyAgain" | "takeQuiz" | "reviewLearning" | "more" | "cleared" | "undo"
    | "questionOf" | "correct" | "almost" | "typeFirst" | "incorrect" | "yourAnswer" | "rightAnswer" | "check"
    | "nextQuestion" | "seeScore" | "scoreTitle" | "score" | "best" | "scorePerfect" | "scoreHigh" | "scoreMid" | "scoreLow"
    | "missed" | "answeredRight" | "noAnswer" | "retryMistakes" | "retryAll"
    | "source" | "edited" | "headline" | "loading" | "failed" | "resetProgress" | "showInArticle"
    | "shownInArticle";

/** The third argument of `mount`. Every option is optional; unknown names are errors. */
export interface MountOptions {
    /** Which views to offer: "both" (the default) shows "Cards" and "Quiz" tabs. */
    mode?: "cards" | "quiz" | "both";
    /** Seed for the shuffles and the quiz (a whole number); random when absent. */
    seed?: number;
    /** Quiz questions per round (1 to 10000); 10 when absent; never more than the deck has facts. */
    questions?: number;
    /** Multiple choice (the default) or a typed answer. */
    answer?: "choice" | "typed";
    /** UI language (en, fr, ru); the nearest `lang` attribute when absent. */
    locale?: string;
    /** Overrides of single UI strings. */
    labels?: Partial<Record<LabelName, string>>;
    /** Whether progress (cards known, the view, a quiz round in progress) is kept in localStorage (default true). */
    storage?: boolean;
    /** Force a colour scheme; "auto" (the default) follows prefers-color-scheme. */
    theme?: "auto" | "light" | "dark";
    /**
     * CSS selector of the host page's article, such as `#story`. A card whose quote occurs in its text
     * (white space, quotes and dashes normalised; checked at mount) offers "Show in article" on its back
     * and in the quiz feedback: it scrolls to the passage and highlights it with the CSS Custom Highlight
     * API (highlight name "factcards-quote"), changing nothing in the page's DOM, until the reader's next action.
     */
    article?: string;
}

/** `factcards:ready`: the widget rendered a deck of `facts` facts. */
export interface ReadyDetail {
    facts: number;
}

/** `factcards:flip`: a card was turned to `side`. */
export interface FlipDetail {
    factId: string;
    side: "front" | "back";
}

/** `factcards:answer`: a quiz question was answered. */
export interface AnswerDetail {
    factId: string;
    correct: boolean;
    given: string;
    expected: string;
}

/** `factcards:complete`: the quiz ended with `score` right out of `total`. */
export interface CompleteDetail {
    score: number;
    total: number;
}

/** `factcards:error`: the deck, the options, the fetch or the wasm failed. `path` names the first bad field, if any. */
export interface ErrorDetail {
    message: string;
    path: string | null;
}

/** The `Error` that `mount` throws: `path` names the first bad field (`""` for the deck itself), or is `null`. */
export interface MountError extends Error {
    path: string | null;
}

/** The events a host element receives. All bubble and are composed. */
export interface FactCardsEventMap {
    "factcards:ready": CustomEvent<ReadyDetail>;
    "factcards:flip": CustomEvent<FlipDetail>;
    "factcards:answer": CustomEvent<AnswerDetail>;
    "factcards:complete": CustomEvent<CompleteDetail>;
    "factcards:error": CustomEvent<ErrorDetail>;
}

/**
 * The `<fact-cards>` element, defined when the module loads (before `init()`): it fetches `src`
 * while the wasm loads and mounts once it is ready. `loading="lazy"` waits until it nears the viewport.
 */
export interface FactCardsElement extends HTMLElement {
    /** Shows the cards or the quiz (before the widget mounts: when it does). Throws on any other name. */
    show(mode: ViewName): void;
}

declare global {
    interface HTMLElementTagNameMap {
        "fact-cards": FactCardsElement;
    }
    interface HTMLElementEventMap extends FactCardsEventMap {}
}

/** A mounted widget, returned by `mount`. */
export class FactCards {
    private constructor();
    free(): void;
    [Symbol.dispose](): void;
    /**
     * Removes the widget, its listeners and everything it rendered (or
     * cancels a mount waiting for the built-in deck). Safe to call twice.
     */
    destroy(): void;
    /**
     * Shows `"cards"` or `"quiz"` (before the built-in deck has arrived: when
     * the widget mounts). Throws on any other name.
     */
    show(mode: ViewName): void;
}

/**
 * Mounts a widget into `target` (an element, or a CSS selector) with `deck`
 * (an object, JSON text, or nothing for the built-in deck) and `options`.
 * Throws an `Error` naming the first problem of an invalid deck or options,
 * with that problem's `path` (or `null`) as a property. A target holding
 * content of its own keeps showing it; otherwise the problems show inside
 * the widget. The widget stays until `destroy()` or the next mount into the
 * same target, whether or not the returned handle is kept. Without a deck, a
 * mount made before the page has the built-in deck (the first one fetches
 * it) renders when the deck arrives; its handle works at once.
 */
export function mount(target: Element | string, deck?: Deck | string | null, options?: MountOptions | null): FactCards;

/**
 * Every problem with `deck` (an object or JSON text) as `{path, message,
 * severity}`: its errors, or for a valid deck its warnings; an empty array
 * when it is valid and has none. With `{ article }` (the article's plain
 * text), a valid deck is also checked against it, as `factcards validate
 * --article` does: in this package each quote not in the article is an
 * error; the editor's package (the `editor` feature) adds the closest
 * passage and the number warnings. Never throws; bad options are issues at
 * `options...`.
 */
export function validateDeck(deck: unknown, options?: ValidateOptions | null): DeckIssue[];
"#;

/// Runs once when `init()` resolves: hands `mount` to `<fact-cards>`
/// (defined by its JS snippet when the module loaded). `private`: the JS
/// module does not export it, so nothing can run it a second time.
#[wasm_bindgen(start, private)]
fn start() {
    #[cfg(feature = "panic-hook")]
    console_error_panic_hook::set_once();
    // The editor's package (pkg-editor/) has no `<fact-cards>`: the page
    // gets it from the reader's package.
    #[cfg(not(feature = "editor"))]
    if crate::dom::template::window().is_some() {
        connect_element();
    }
}

#[cfg(not(feature = "editor"))]
fn connect_element() {
    // Backs the custom element, which lives as long as the page; created
    // once per page, so forgetting it leaks nothing that would ever be
    // freed.
    let mount_fn =
        Closure::<element::Callback>::new(|host: Element, deck: JsValue, options: JsValue| {
            match mount::mount(&host, &deck, &options) {
                Ok(Some(widget)) => Ok(FactCards { widget: Handle::Mounted(widget) }.into()),
                Ok(None) => Ok(JsValue::UNDEFINED),
                Err(e) => Err(e.to_js()),
            }
        });
    element::connect(mount_fn.as_ref());
    mount_fn.forget();
}

/// A mounted widget, returned by `mount`.
#[wasm_bindgen(skip_typescript)]
pub struct FactCards {
    widget: Handle,
}

/// What a handle controls: a widget, or a mount waiting for the built-in deck.
enum Handle {
    Mounted(Rc<Widget>),
    Waiting(Rc<Waiting>),
}

// Its JS docs are in TS_TYPES; the Rust methods below wrap these.
#[wasm_bindgen]
impl FactCards {
    #[doc(hidden)]
    #[wasm_bindgen(js_name = destroy, skip_typescript, skip_jsdoc)]
    pub fn destroy_js(&mut self) {
        self.destroy();
    }

    #[doc(hidden)]
    #[wasm_bindgen(js_name = show, skip_typescript, skip_jsdoc)]
    pub fn show_js(&self, mode: &str) -> Result<(), JsError> {
        let mode = match mode {
            "cards" => Mode::Cards,
            "quiz" => Mode::Quiz,
            _ => return Err(JsError::new(r#"show: expected "cards" or "quiz""#)),
        };
        match &self.widget {
            Handle::Mounted(widget) => widget.show(mode),
            Handle::Waiting(waiting) => waiting.show(mode),
        }
        Ok(())
    }
}

impl FactCards {
    /// Removes the widget, its listeners and everything it rendered (or
    /// cancels a mount waiting for the built-in deck). Safe to call twice.
    pub fn destroy(&mut self) {
        match &self.widget {
            Handle::Mounted(widget) => widget.destroy(),
            Handle::Waiting(waiting) => waiting.destroy(),
        }
    }

    /// Shows `"cards"` or `"quiz"` (before the built-in deck has arrived: when
    /// the widget mounts). Errs on any other name.
    pub fn show(&self, mode: &str) -> Result<(), JsError> {
        self.show_js(mode)
    }
}

// `mount` in JS (its docs are in TS_TYPES).
#[doc(hidden)]
#[wasm_bindgen(js_name = mount, skip_typescript, skip_jsdoc)]
pub fn mount_js(target: JsValue, deck: JsValue, options: JsValue) -> Result<FactCards, JsValue> {
    let host = resolve_target(&target).map_err(|e| e.to_js())?;
    // No deck: the built-in deck, or `undefined` while it is fetched.
    let deck = Some(deck).filter(|d| !d.is_undefined() && !d.is_null()).or_else(builtin::deck).unwrap_or_default();
    let widget = match mount::mount(&host, &deck, &options).map_err(|e| e.to_js())? {
        Some(widget) => Handle::Mounted(widget),
        None => Handle::Waiting(builtin::wait(&host, options)),
    };
    Ok(FactCards { widget })
}

/// Mounts a widget into `target` with `deck` (`None`: the built-in deck) and
/// `options`: JS's `mount` (documented in TS_TYPES) for Rust callers
/// (tests/web.rs), where `None` is an argument left out. (JS calls
/// `mount_js`, hidden here, whose arguments are plain values: `undefined`
/// and `null` are read in Rust, so the glue passes them as they are.)
pub fn mount(target: JsValue, deck: Option<JsValue>, options: Option<JsValue>) -> Result<FactCards, JsValue> {
    mount_js(target, deck.unwrap_or_default(), options.unwrap_or_default())
}

fn resolve_target(target: &JsValue) -> Result<Element, MountError> {
    use wasm_bindgen::JsCast;
    if let Some(el) = target.dyn_ref::<Element>() {
        return Ok(el.clone());
    }
    if let Some(selector) = target.as_string() {
        let message = match crate::dom::template::document().map(|d| d.query_selector(&selector)) {
            Some(Ok(Some(el))) => return Ok(el),
            Some(Err(e)) => concat(&[
                "mount: \"",
                &selector,
                "\" is not a valid CSS selector (",
                &crate::dom::error::js_message(&e),
                ")",
            ]),
            _ => concat(&["mount: no element matches \"", &selector, "\""]),
        };
        return Err(MountError::Target(message));
    }
    let what = if target.is_null() {
        "null"
    } else if target.is_undefined() {
        "undefined"
    } else {
        "not an element"
    };
    Err(MountError::Target(concat(&["mount: target must be an Element or a CSS selector, got ", what])))
}

// `validateDeck` in JS (its docs are in TS_TYPES).
#[doc(hidden)]
#[wasm_bindgen(js_name = validateDeck, skip_typescript, skip_jsdoc)]
pub fn validate_deck_js(deck: JsValue, options: JsValue) -> JsValue {
    let issues: Vec<Issue> = match validate_options(&options) {
        Err(issue) => vec![issue],
        Ok(article) => match input::read_deck(&deck) {
            Ok(deck) => {
                let mut out = match &article {
                    #[cfg(feature = "editor")]
                    Some(article) => crate::model::article::issues(&deck, article),
                    #[cfg(not(feature = "editor"))]
                    Some(article) => crate::model::quote::missing_quotes(&deck, article),
                    None => Vec::new(),
                };
                out.extend(crate::model::validate::deck_warnings(&deck));
                out
            }
            Err(issues) => issues,
        },
    };
    crate::dom::js_value::to_js(&issues)
}

/// Every problem with `deck`, as `{path, message, severity}` objects: JS's
/// `validateDeck` (documented in TS_TYPES) for Rust callers (tests/web.rs),
/// where `None` is no options.
pub fn validate_deck(deck: JsValue, options: Option<JsValue>) -> JsValue {
    validate_deck_js(deck, options.unwrap_or_default())
}

/// The `article` of `validateDeck`'s options, if given.
fn validate_options(options: &JsValue) -> Result<Option<String>, Issue> {
    use crate::model::json::Value;
    if options.is_undefined() || options.is_null() {
        return Ok(None);
    }
    let value = crate::dom::js_value::to_value(options).map_err(|e| Issue::error("options", e.message))?;
    let Value::Object(members) = value else {
        return Err(Issue::error("options", concat(&["must be an object, not ", value.type_name()])));
    };
    let mut article = None;
    for (key, v) in &members {
        match (key.as_str(), v) {
            ("article", Value::String(text)) => article = Some(text.clone()),
            ("article", Value::Null) => {}
            ("article", other) => {
                return Err(Issue::error(
                    "options.article",
                    concat(&["must be the article's text, a string, not ", other.type_name()]),
                ))
            }
            (other, _) => return Err(Issue::error(concat(&["options.", other]), "unknown option; expected article")),
        }
    }
    Ok(article)
}
