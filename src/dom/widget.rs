//! The mounted widget: one [`Widget`] behind one `Rc`, shared by the JS
//! handle and the registry of live widgets, holds the host, the shadow root,
//! the state and every listener (which hold it weakly).
//!
//! A DOM event becomes a [`Msg`]; [`App::update`] applies it; the views
//! redraw only what the returned [`Dirty`] set names, reading the model;
//! then any `factcards:*` event goes to the host, after every borrow is
//! released, so a host listener may call `destroy()` or `mount()` safely. A
//! message sent while one is being applied (say, by a host's `focusin`
//! listener calling `show()`) waits in a queue and is applied right after.

use super::article::HostArticle;
use super::cards_view;
use super::error::MountError;
use super::events;
use super::listener::Listener;
use super::quiz_view;
use super::registry;
use super::shell;
use super::storage::{Saver, Store};
use super::template::{self, set_attr, set_bool, set_flag, set_hidden, set_text, widget_markup, Slots, R};
use crate::model::app::{App, Dirty, Mode, Modes, Msg};
use crate::model::locale::{Key, Strings};
use crate::model::options::Theme;
use crate::model::study::Mark;
use crate::model::text::parse_int;
use std::cell::{Cell, RefCell};
use std::rc::{Rc, Weak};
use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Element, Event, EventTarget, HtmlElement, ShadowRoot};

/// The model and the views that draw it.
struct State {
    app: App,
    strings: Strings,
    /// The widget's elements.
    el: Slots,
    article: Option<HostArticle>,
}

/// A message waiting to be applied, and whether focus follows it to the tabs.
struct Queued {
    msg: Msg,
    focus_tabs: bool,
}

/// A mounted widget. [`Widget::destroy`] removes every listener and empties
/// the shadow root.
pub struct Widget {
    host: Element,
    root: ShadowRoot,
    /// `None` once destroyed.
    state: RefCell<Option<State>>,
    /// False once destroyed (even while `state` was borrowed then).
    alive: Cell<bool>,
    listeners: Cell<Vec<Listener>>,
    queue: Cell<Vec<Queued>>,
    swipe: Cell<Option<Event>>,
    swallow_click: Cell<bool>,
    saver: Saver,
}

/// Mount-time choices the view needs besides the model.
pub struct ViewOptions {
    /// UI strings.
    pub strings: Strings,
    /// Forced theme.
    pub theme: Theme,
    /// Where progress is remembered.
    pub store: Store,
    /// The host page's article, for "Show in article".
    pub article: Option<HostArticle>,
}

impl Widget {
    /// Renders `app` into the shadow root `root` of `host` and starts listening.
    pub fn mount(host: &Element, root: ShadowRoot, app: App, opts: ViewOptions) -> Result<Rc<Widget>, MountError> {
        let state =
            State::build(app, opts.strings, opts.theme, opts.article, &root).map_err(|e| MountError::dom(&e))?;
        let widget = Rc::new_cyclic(|weak: &Weak<Widget>| {
            let on_idle = weak.clone();
            Widget {
                host: host.clone(),
                root,
                state: RefCell::new(Some(state)),
                alive: Cell::new(true),
                listeners: Cell::new(Vec::new()),
                queue: Cell::new(Vec::new()),
                swipe: Cell::new(None),
                swallow_click: Cell::new(false),
                saver: Saver::new(opts.store, move || {
                    if let Some(w) = on_idle.upgrade() {
                        w.saver.idle_ran();
                        w.save_now();
                    }
                }),
            }
        });
        widget.listeners.set(listen(&widget));
        Ok(widget)
    }

    /// The host element.
    pub fn host(&self) -> &Element {
        &self.host
    }

    /// Whether the widget is still mounted.
    pub fn is_alive(&self) -> bool {
        self.alive.get()
    }

    /// Shows the cards or the quiz (when the mode offers it).
    pub fn show(self: &Rc<Self>, mode: Mode) {
        self.send(Msg::Show(mode), false);
    }

    /// The number of facts in the deck.
    pub fn fact_count(&self) -> usize {
        self.state.try_borrow().ok().and_then(|s| s.as_ref().map(|s| s.app.deck.facts.len())).unwrap_or(0)
    }

    /// Writes pending progress now.
    fn save_now(&self) {
        if !self.saver.is_pending() {
            return;
        }
        if let Ok(state) = self.state.try_borrow() {
            if let Some(state) = state.as_ref() {
                let facts = state.app.deck.facts.len();
                self.saver.flush(|store| state.app.progress_over(|| store.load(facts)));
            }
        }
    }

    /// Saves pending progress, removes every listener and all rendered
    /// content, and forgets the widget. Safe to call twice, and after the
    /// host was mounted again (then it does nothing: the shadow root is the
    /// new widget's).
    pub fn destroy(&self) {
        if !self.alive.replace(false) {
            return;
        }
        registry::forget(self);
        self.save_now();
        self.saver.cancel();
        drop(self.listeners.take());
        drop(self.queue.take());
        self.clear_passage();
        if let Ok(mut state) = self.state.try_borrow_mut() {
            *state = None;
        }
        self.root.set_text_content(None);
    }

    /// Removes the "Show in article" highlight, if this widget has an article.
    fn clear_passage(&self) {
        let Ok(state) = self.state.try_borrow() else { return };
        if let Some(article) = state.as_ref().and_then(|s| s.article.as_ref()) {
            article.clear();
        }
    }

    /// Shows the quote of the fact on view (the turned card, or the answered
    /// question) in the host's article.
    fn show_in_article(&self) {
        let Ok(state) = self.state.try_borrow() else { return };
        let Some(state) = state.as_ref() else { return };
        let Some(article) = &state.article else { return };
        let app = &state.app;
        let fact = match app.mode() {
            Mode::Cards => app.study.current(),
            Mode::Quiz => app.quiz.current_answer().map(|a| a.fact),
        };
        let quote = fact.and_then(|i| app.deck.facts.get(i)).and_then(|f| f.quote.as_deref());
        if let Some(quote) = quote {
            article.show(&self.host, quote, &state.el[R::Live], state.strings.get(Key::ShownInArticle));
        }
    }

    /// Closes the cards' menu if it is open (then focusing its button, if
    /// `focus`); true if it was open.
    fn close_menu(&self, focus: bool) -> bool {
        self.with_slots(|e| {
            let was_open = cards_view::close_menu(e);
            if was_open && focus {
                let _ = e.html(R::More).focus();
            }
            was_open
        })
        .unwrap_or(false)
    }

    /// Calls `f` with the widget's elements, unless the widget is busy or gone.
    fn with_slots<T>(&self, f: impl FnOnce(&Slots) -> T) -> Option<T> {
        let state = self.state.try_borrow().ok()?;
        state.as_ref().map(|s| f(&s.el))
    }

    /// Applies `msg`, or queues it when a message is being applied now.
    fn send(self: &Rc<Self>, msg: Msg, focus_tabs: bool) {
        if !self.is_alive() {
            return;
        }
        // The reader's next action ends a "Show in article" highlight.
        self.clear_passage();
        super::edit(&self.queue, |queue| queue.push(Queued { msg, focus_tabs }));
        if self.state.try_borrow_mut().is_err() {
            // The message being applied drains the queue after it.
            return;
        }
        loop {
            let batch = self.queue.take();
            if batch.is_empty() {
                break;
            }
            for queued in batch {
                if let Some((name, detail)) = self.apply(queued) {
                    events::emit(&self.host, name, &detail);
                }
            }
        }
        // Destroyed by a host's listener while a message was being applied
        // (a `focusin` as the widget moved focus): `destroy` could not read
        // the state then, so the progress is written now.
        if !self.is_alive() {
            self.save_now();
        }
    }

    /// Applies one message, redraws, moves focus; returns the event for the host.
    fn apply(&self, Queued { msg, focus_tabs }: Queued) -> Option<(&'static str, JsValue)> {
        let mut slot = self.state.try_borrow_mut().ok()?;
        let state = slot.as_mut()?;
        let focus = Focus::after(&msg, focus_tabs);
        let up = state.app.update(msg);
        if up.dirty.is_empty() {
            return None;
        }
        state.render(up.dirty);
        state.announce(up.dirty);
        if up.dirty.has(Dirty::RESET) {
            self.saver.clear();
        } else if up.dirty.has(Dirty::SAVE) {
            self.saver.changed();
        }
        if let Some(el) = state.focus_target(focus, || self.root.active_element()) {
            let _ = el.focus();
        }
        up.event.map(|e| events::describe(&e, &state.app))
    }
}

impl State {
    /// Builds the views of `app` into `root`.
    fn build(
        app: App,
        strings: Strings,
        theme: Theme,
        article: Option<HostArticle>,
        root: &ShadowRoot,
    ) -> Result<State, JsValue> {
        let e = widget_markup(root)?;
        let top = &e[R::Root];
        match theme {
            Theme::Dark => set_attr(top, "data-theme", "dark"),
            Theme::Light => set_attr(top, "data-theme", "light"),
            Theme::Auto => {}
        }
        set_attr(top, "lang", strings.lang().tag());
        let title = &e[R::Title];
        set_text(title, &app.deck.title);
        set_attr(title, "lang", &app.deck.language);
        shell::build_tabs(&e, &app, &strings);
        shell::build_credit(&e, &app, &strings);
        let found = article.as_ref().map_or(&[][..], |a| &a.found);
        cards_view::build(&e, found, &app, &strings)?;
        quiz_view::build(&e, &app, &strings);
        let state = State { app, strings, el: e, article };
        state.render(
            Dirty::MODE
                | Dirty::CARD
                | Dirty::TURN
                | Dirty::STUDY
                | Dirty::FILTER
                | Dirty::QUESTION
                | Dirty::ANSWER
                | Dirty::SUMMARY,
        );
        Ok(state)
    }

    fn render(&self, dirty: Dirty) {
        let mode = self.app.mode();
        if dirty.has(Dirty::MODE) {
            let both = self.app.settings.modes == Modes::Both;
            let e = &self.el;
            for (tab, tab_mode) in [(R::TabCards, Mode::Cards), (R::TabQuiz, Mode::Quiz)] {
                let on = tab_mode == mode;
                set_bool(&e[tab], "aria-selected", on);
                set_attr(&e[tab], "tabindex", if on { "0" } else { "-1" });
            }
            set_hidden(&e[R::CardsPanel], mode != Mode::Cards);
            set_hidden(&e[R::QuizPanel], mode != Mode::Quiz);
            if !both {
                for panel in [&e[R::CardsPanel], &e[R::QuizPanel]] {
                    set_flag(panel, "role", false);
                    set_flag(panel, "aria-labelledby", false);
                }
            }
        }
        // Whether each fact's quote is in the host's article.
        let found = self.article.as_ref().map_or(&[][..], |a| &a.found);
        cards_view::render(&self.el, found, &self.app, &self.strings, dirty);
        if let Err(e) = quiz_view::render(&self.el, found, &self.app, &self.strings, dirty) {
            web_sys::console::error_1(&e);
        }
    }

    fn announce(&self, dirty: Dirty) {
        if let Some(text) = cards_view::announcement(&self.app, &self.strings, dirty) {
            set_text(&self.el[R::Live], &text);
        }
    }

    /// The element that should take focus, if focus must move (`active`
    /// gives the element focused now).
    fn focus_target(&self, focus: Focus, active: impl FnOnce() -> Option<Element>) -> Option<&HtmlElement> {
        let e = &self.el;
        match focus {
            Focus::Cards => cards_view::focus_after(e, &self.app, Dirty::STUDY),
            Focus::CardsIfLost => {
                let lost = active().is_none_or(|a| {
                    a.get_attribute("disabled").is_some() || a.closest("[hidden]").ok().flatten().is_some()
                });
                lost.then(|| cards_view::focus_after(e, &self.app, Dirty::STUDY)).flatten()
            }
            Focus::Answer => quiz_view::focus_after(e, &self.app, Dirty::ANSWER),
            Focus::Question => quiz_view::focus_after(e, &self.app, Dirty::QUESTION | Dirty::SUMMARY),
            Focus::Tab(mode) => Some(e.html(if mode == Mode::Cards { R::TabCards } else { R::TabQuiz })),
            Focus::Stay => None,
        }
    }
}

/// Where focus goes after a message, decided before the model takes it.
#[derive(Clone, Copy)]
enum Focus {
    /// Focus stays where it is.
    Stay,
    /// To the card, or the all-known screen, or Undo after a reset.
    Cards,
    /// As `Cards`, but only when the focused control went away (or was
    /// disabled) with the move.
    CardsIfLost,
    /// To the next question's button, or back to the typed answer's box.
    Answer,
    /// To the new question, or the score.
    Question,
    /// To the tab shown.
    Tab(Mode),
}

impl Focus {
    fn after(msg: &Msg, focus_tabs: bool) -> Focus {
        match msg {
            Msg::Mark(_) | Msg::StudyAgain | Msg::ReviewLearning => Focus::Cards,
            // To Undo after a reset (its menu has closed); after an undo, to
            // the card or the all-known screen.
            Msg::Restart | Msg::ResetProgress | Msg::Undo => Focus::Cards,
            Msg::Prev | Msg::Next | Msg::First | Msg::Last => Focus::CardsIfLost,
            Msg::Choose(_) | Msg::Submit(_) => Focus::Answer,
            Msg::NextQuestion | Msg::RetryAll | Msg::RetryMistakes => Focus::Question,
            Msg::Show(mode) if focus_tabs => Focus::Tab(*mode),
            _ => Focus::Stay,
        }
    }
}

/// The message a click on `target` asks for.
fn click_msg(target: &Element) -> Option<Msg> {
    let el = target.closest("[data-msg]").ok()??;
    let action = el.get_attribute("data-msg")?;
    Some(match action.as_str() {
        "tab-cards" => Msg::Show(Mode::Cards),
        "tab-quiz" => Msg::Show(Mode::Quiz),
        "turn" => Msg::Turn,
        "prev" => Msg::Prev,
        "next" => Msg::Next,
        "known" => Msg::Mark(Mark::Known),
        "learning" => Msg::Mark(Mark::Learning),
        "shuffle" => Msg::Shuffle,
        "restart" => Msg::Restart,
        "again" => Msg::StudyAgain,
        "opt" => Msg::Choose(parse_int(&el.get_attribute("data-i")?)?),
        "qnext" => Msg::NextQuestion,
        "retry-mistakes" => Msg::RetryMistakes,
        "retry-all" => Msg::RetryAll,
        "reset" => Msg::ResetProgress,
        "undo" => Msg::Undo,
        "review" => Msg::ReviewLearning,
        "take-quiz" => Msg::Show(Mode::Quiz),
        _ => return None,
    })
}

#[wasm_bindgen(module = "/src/dom/host.min.js")]
extern "C" {
    /// The key of a keydown, or "" while Alt, Ctrl or Meta is held. In JS
    /// (host.js): one import, where web-sys takes five.
    #[wasm_bindgen(js_name = key)]
    fn key_of(e: &Event) -> String;

    /// The swipe from the `pointerdown` `down` to the `pointerup` `up`: -1
    /// to the left, 1 to the right, 0 for none. In JS (host.js): one import,
    /// where web-sys takes four.
    fn swipe(down: &Event, up: &Event) -> i32;
}

/// The message the key `key` pressed on `target` asks for.
fn key_msg(widget: &Widget, key: &str, target: &Element) -> Option<(Msg, bool)> {
    let on_tab = target.get_attribute("role").as_deref() == Some("tab");
    if on_tab {
        // Two tabs: either arrow moves to the other one (wrapping), Home and
        // End to the first and the last.
        let on_cards = target.get_attribute("id").as_deref() == Some("t-cards");
        let mode = match key {
            "ArrowLeft" | "ArrowRight" if on_cards => Mode::Quiz,
            "ArrowLeft" | "ArrowRight" => Mode::Cards,
            "Home" => Mode::Cards,
            "End" => Mode::Quiz,
            _ => return None,
        };
        return Some((Msg::Show(mode), true));
    }
    let on_card = target.get_attribute("data-msg").as_deref() == Some("turn");
    if on_card && (key == "Enter" || key == " ") {
        return Some((Msg::Turn, false));
    }
    let tag = target.tag_name();
    if matches!(tag.as_str(), "INPUT" | "SELECT" | "TEXTAREA") {
        return None;
    }
    let in_cards = widget.state.try_borrow().ok()?.as_ref()?.app.mode() == Mode::Cards;
    if !in_cards {
        return None;
    }
    let msg = match key {
        "ArrowLeft" => Msg::Prev,
        "ArrowRight" => Msg::Next,
        "Home" => Msg::First,
        "End" => Msg::Last,
        _ => return None,
    };
    Some((msg, false))
}

fn target_element(e: &Event) -> Option<Element> {
    e.target()?.dyn_into::<Element>().ok()
}

/// Registers the widget's few delegated listeners on its shadow root, and
/// the page's life-cycle events that must write pending progress.
fn listen(widget: &Rc<Widget>) -> Vec<Listener> {
    let weak = Rc::downgrade(widget);
    let on_target = |target: &EventTarget, kind: &'static str, f: fn(&Rc<Widget>, Event)| {
        let weak: Weak<Widget> = weak.clone();
        Listener::new(target, kind, move |e| {
            if let Some(widget) = weak.upgrade() {
                f(&widget, e);
            }
        })
    };
    let root: &EventTarget = widget.root.as_ref();
    let on = |kind: &'static str, f: fn(&Rc<Widget>, Event)| on_target(root, kind, f);
    let mut listeners = vec![
        on("click", |w, e| {
            if w.swallow_click.replace(false) {
                return;
            }
            let target = target_element(&e);
            if target.as_ref().and_then(|t| t.closest("[data-msg=show-article]").ok().flatten()).is_some() {
                w.show_in_article();
                return;
            }
            let toggle = target.as_ref().and_then(|t| t.closest("[part=more]").ok().flatten()).is_some();
            if toggle {
                w.with_slots(cards_view::toggle_menu);
                return;
            }
            if target.as_ref().is_none_or(|t| t.closest(".menu").ok().flatten().is_none()) {
                w.close_menu(false);
            }
            if let Some(msg) = target.as_ref().and_then(click_msg) {
                // A tab, or "Take the quiz": focus goes to the tab shown.
                let tabs = matches!(msg, Msg::Show(_));
                w.send(msg, tabs);
            }
        }),
        on("keydown", |w, e| {
            // A key's click (Enter on a button) is never a swipe's.
            w.swallow_click.set(false);
            let Some(target) = target_element(&e) else { return };
            let key = key_of(&e);
            if key == "Escape" && w.close_menu(true) {
                e.prevent_default();
                return;
            }
            if let Some((msg, tabs)) = key_msg(w, &key, &target) {
                e.prevent_default();
                w.send(msg, tabs);
            }
        }),
        on("change", |w, e| {
            let Some(target) = target_element(&e) else { return };
            if target.get_attribute("part").as_deref() == Some("filter") {
                // The widget's own <select> (part=filter).
                let value = template::value(&target);
                w.send(Msg::Filter(parse_int(&value)), false);
            }
        }),
        on("submit", |w, e| {
            e.prevent_default();
            let text = w
                .state
                .try_borrow()
                .ok()
                .and_then(|st| st.as_ref().map(|st| template::value(&st.el[R::Input])))
                .unwrap_or_default();
            w.send(Msg::Submit(text), false);
        }),
        on("pointerdown", |w, e| {
            // A touch swipe is followed by no click, so a swallow still
            // pending from the last swipe must not eat the next tap.
            w.swallow_click.set(false);
            let on_card = target_element(&e).and_then(|t| t.closest("[data-msg=turn]").ok().flatten()).is_some();
            w.swipe.set(on_card.then_some(e));
        }),
        on("pointerup", |w, e| {
            let Some(down) = w.swipe.take() else { return };
            let msg = match swipe(&down, &e) {
                -1 => Msg::Next,
                1 => Msg::Prev,
                _ => return,
            };
            w.swallow_click.set(true);
            w.send(msg, false);
        }),
        on("pointercancel", |w, _| drop(w.swipe.take())),
    ];
    // A closing or hidden tab may never be idle again: write now. (On a
    // change to visible there is seldom anything pending.)
    if let Some(window) = super::template::window() {
        listeners.push(on_target(window.as_ref(), "pagehide", |w, _| w.save_now()));
        if let Some(doc) = window.document() {
            listeners.push(on_target(doc.as_ref(), "visibilitychange", |w, _| w.save_now()));
        }
    }
    listeners
}
