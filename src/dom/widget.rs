//! The mounted widget: owns the state, the view and every listener.
//!
//! A DOM event becomes a [`Msg`]; [`App::update`] applies it; the views
//! redraw only what the returned [`Dirty`] set names; then any `factcards:*`
//! event goes to the host, after every borrow is released, so a host
//! listener may call `destroy()` or `mount()` safely.

use super::cards_view::CardsView;
use super::events;
use super::listener::Listener;
use super::quiz_view::QuizView;
use super::shell;
use super::storage::Store;
use super::template::{set_attr, set_hidden, set_text, widget_markup, Refs};
use crate::model::app::{App, Dirty, Mode, Modes, Msg};
use crate::model::locale::{Key, Strings};
use crate::model::options::Theme;
use crate::model::study::Mark;
use std::cell::{Cell, RefCell};
use std::rc::{Rc, Weak};
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Element, Event, HtmlElement, KeyboardEvent, PointerEvent, ShadowRoot};

/// The views of one widget.
struct View {
    tabs: [HtmlElement; 2],
    live: Element,
    cards: CardsView,
    quiz: QuizView,
}

/// State behind the listeners.
struct State {
    app: App,
    strings: Strings,
    view: View,
}

/// Shared between the handle and its listeners (which hold it weakly).
struct Shared {
    host: Element,
    root: ShadowRoot,
    state: RefCell<Option<State>>,
    swipe: Cell<Option<(i32, f64, f64)>>,
    swallow_click: Cell<bool>,
    store: Store,
}

/// A mounted widget. Dropping it, or calling [`Widget::destroy`], removes
/// every listener and empties the host.
pub struct Widget {
    shared: Rc<Shared>,
    listeners: Vec<Listener>,
}

/// Mount-time choices the view needs besides the model.
pub struct ViewOptions {
    /// UI strings.
    pub strings: Strings,
    /// Forced theme.
    pub theme: Theme,
    /// Where progress is remembered.
    pub store: Store,
}

impl Widget {
    /// Renders `app` into the shadow root `root` of `host` and starts listening.
    pub fn mount(host: &Element, root: ShadowRoot, app: App, opts: ViewOptions) -> Result<Widget, JsValue> {
        let strings = opts.strings;
        let frag = widget_markup()?;
        let r = Refs::new(&frag)?;
        let top = r.find(".fc");
        match opts.theme {
            Theme::Dark => set_attr(&top, "data-theme", "dark"),
            Theme::Light => set_attr(&top, "data-theme", "light"),
            Theme::Auto => {}
        }
        set_attr(&top, "lang", strings.lang().tag());
        let title = r.find(".title");
        set_text(&title, &app.deck.title);
        set_attr(&title, "lang", &app.deck.language);
        let tabs = shell::build_tabs(&r, &app, &strings);
        shell::build_credit(&r, &app, &strings);
        set_text(&r.find("[part=reset]"), strings.get(Key::ResetProgress));
        let view = View {
            tabs,
            live: r.find(".live"),
            cards: CardsView::build(&r, &app, &strings)?,
            quiz: QuizView::build(&r, &app, &strings),
        };
        r.finish()?;
        let mut state = State { app, strings, view };
        state.render(
            Dirty::MODE | Dirty::CARD | Dirty::TURN | Dirty::STUDY | Dirty::FILTER | Dirty::QUESTION | Dirty::SUMMARY,
        )?;
        root.append_child(&frag)?;
        let shared = Rc::new(Shared {
            host: host.clone(),
            root,
            state: RefCell::new(Some(state)),
            swipe: Cell::new(None),
            swallow_click: Cell::new(false),
            store: opts.store,
        });
        let listeners = listen(&shared);
        Ok(Widget { shared, listeners })
    }

    /// Shows the cards or the quiz (when the mode offers it).
    pub fn show(&self, mode: Mode) {
        Shared::dispatch(&self.shared, Msg::Show(mode), None);
    }

    /// The number of facts in the deck.
    pub fn fact_count(&self) -> usize {
        self.shared.state.borrow().as_ref().map_or(0, |s| s.app.deck.facts.len())
    }

    /// Removes every listener and all rendered content.
    pub fn destroy(&mut self) {
        self.listeners.clear();
        if let Ok(mut state) = self.shared.state.try_borrow_mut() {
            *state = None;
        }
        self.shared.root.set_text_content(None);
    }
}

impl Drop for Widget {
    fn drop(&mut self) {
        self.destroy();
    }
}

impl State {
    fn render(&mut self, dirty: Dirty) -> Result<(), JsValue> {
        let mode = self.app.mode();
        if dirty.has(Dirty::MODE) {
            let both = self.app.settings.modes == Modes::Both;
            for (tab, tab_mode) in self.view.tabs.iter().zip([Mode::Cards, Mode::Quiz]) {
                let on = tab_mode == mode;
                set_attr(tab, "aria-selected", if on { "true" } else { "false" });
                set_attr(tab, "tabindex", if on { "0" } else { "-1" });
            }
            set_hidden(&self.view.cards.panel, mode != Mode::Cards);
            set_hidden(&self.view.quiz.panel, mode != Mode::Quiz);
            if !both {
                for panel in [&self.view.cards.panel, &self.view.quiz.panel] {
                    let _ = panel.remove_attribute("role");
                    let _ = panel.remove_attribute("aria-labelledby");
                }
            }
        }
        self.view.cards.render(&self.app, &self.strings, dirty);
        self.view.quiz.render(&mut self.app, &self.strings, dirty)?;
        Ok(())
    }

    fn announce(&self, dirty: Dirty) {
        if let Some(text) = self.view.cards.announcement(&self.app, &self.strings, dirty) {
            set_text(&self.view.live, &text);
        }
    }

    /// The element that should take focus after `msg`, if focus must move.
    fn focus_target(&self, msg: &Msg, active: Option<Element>) -> Option<HtmlElement> {
        let cards = &self.view.cards;
        let quiz = &self.view.quiz;
        let lost = active
            .as_ref()
            .is_none_or(|a| a.has_attribute("disabled") || a.closest("[hidden]").ok().flatten().is_some());
        match msg {
            Msg::Mark(_) | Msg::StudyAgain => cards.focus_after(&self.app, Dirty::STUDY).cloned(),
            Msg::Prev | Msg::Next | Msg::First | Msg::Last if lost => {
                cards.focus_after(&self.app, Dirty::STUDY).cloned()
            }
            Msg::Choose(_) | Msg::Submit(_) => quiz.focus_after(&self.app, Dirty::ANSWER).cloned(),
            Msg::NextQuestion | Msg::RetryAll | Msg::RetryMistakes => {
                quiz.focus_after(&self.app, Dirty::QUESTION | Dirty::SUMMARY).cloned()
            }
            Msg::Show(mode) => Some(self.view.tabs[if *mode == Mode::Cards { 0 } else { 1 }].clone()),
            _ => None,
        }
    }
}

impl Shared {
    /// Applies `msg`, redraws, moves focus, then tells the host.
    fn dispatch(this: &Rc<Shared>, msg: Msg, focus_tabs: Option<()>) {
        let event = {
            let Ok(mut slot) = this.state.try_borrow_mut() else { return };
            let Some(state) = slot.as_mut() else { return };
            let up = state.app.update(msg.clone());
            if up.dirty.is_empty() {
                return;
            }
            if let Err(e) = state.render(up.dirty) {
                web_sys::console::error_1(&e);
            }
            state.announce(up.dirty);
            if up.dirty.has(Dirty::RESET) {
                this.store.clear();
            } else if up.dirty.has(Dirty::SAVE) {
                this.store.save(&state.app.progress());
            }
            let moved_tab = matches!(msg, Msg::Show(_)) && focus_tabs.is_some();
            if !matches!(msg, Msg::Show(_)) || moved_tab {
                if let Some(el) = state.focus_target(&msg, this.root.active_element()) {
                    let _ = el.focus();
                }
            }
            up.event.map(|e| events::describe(&e, &state.app))
        };
        if let Some((name, detail)) = event {
            events::emit(&this.host, name, &detail);
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
        "opt" => Msg::Choose(el.get_attribute("data-i")?.parse().ok()?),
        "qnext" => Msg::NextQuestion,
        "retry-mistakes" => Msg::RetryMistakes,
        "retry-all" => Msg::RetryAll,
        "reset" => Msg::ResetProgress,
        _ => return None,
    })
}

/// The message a key press on `target` asks for.
fn key_msg(shared: &Shared, e: &KeyboardEvent, target: &Element) -> Option<(Msg, bool)> {
    if e.alt_key() || e.ctrl_key() || e.meta_key() {
        return None;
    }
    let key = e.key();
    let on_tab = target.get_attribute("role").as_deref() == Some("tab");
    if on_tab {
        // Two tabs: either arrow moves to the other one (wrapping), Home and
        // End to the first and the last.
        let on_cards = target.id() == "t-cards";
        let mode = match key.as_str() {
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
    let in_cards = shared.state.try_borrow().ok()?.as_ref()?.app.mode() == Mode::Cards;
    if !in_cards {
        return None;
    }
    let msg = match key.as_str() {
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

/// Registers the widget's few delegated listeners on its shadow root.
fn listen(shared: &Rc<Shared>) -> Vec<Listener> {
    let root: &web_sys::EventTarget = shared.root.as_ref();
    let weak = Rc::downgrade(shared);
    let on = |kind: &'static str, f: fn(&Rc<Shared>, Event)| {
        let weak: Weak<Shared> = weak.clone();
        Listener::new(root, kind, move |e| {
            if let Some(shared) = weak.upgrade() {
                f(&shared, e);
            }
        })
    };
    vec![
        on("click", |s, e| {
            if s.swallow_click.replace(false) {
                return;
            }
            if let Some(msg) = target_element(&e).as_ref().and_then(click_msg) {
                Shared::dispatch(s, msg, None);
            }
        }),
        on("keydown", |s, e| {
            let Some(target) = target_element(&e) else { return };
            let Some(ke) = e.dyn_ref::<KeyboardEvent>() else { return };
            if let Some((msg, tabs)) = key_msg(s, ke, &target) {
                e.prevent_default();
                Shared::dispatch(s, msg, tabs.then_some(()));
            }
        }),
        on("change", |s, e| {
            let Some(target) = target_element(&e) else { return };
            if target.get_attribute("part").as_deref() == Some("filter") {
                let value = target.dyn_ref::<web_sys::HtmlSelectElement>().map(|s| s.value()).unwrap_or_default();
                Shared::dispatch(s, Msg::Filter(value.parse().ok()), None);
            }
        }),
        on("submit", |s, e| {
            e.prevent_default();
            let text = s
                .state
                .try_borrow()
                .ok()
                .and_then(|st| {
                    st.as_ref()
                        .and_then(|st| st.view.quiz.input.dyn_ref::<web_sys::HtmlInputElement>().map(|i| i.value()))
                })
                .unwrap_or_default();
            Shared::dispatch(s, Msg::Submit(text), None);
        }),
        on("pointerdown", |s, e| {
            // A touch swipe is followed by no click, so a swallow still
            // pending from the last swipe must not eat the next tap.
            s.swallow_click.set(false);
            let Some(pe) = e.dyn_ref::<PointerEvent>() else { return };
            let on_card = target_element(&e).and_then(|t| t.closest("[data-msg=turn]").ok().flatten()).is_some();
            s.swipe.set(on_card.then(|| (pe.pointer_id(), pe.client_x() as f64, pe.client_y() as f64)));
        }),
        on("pointerup", |s, e| {
            let Some(pe) = e.dyn_ref::<PointerEvent>() else { return };
            let Some((id, x, y)) = s.swipe.take() else { return };
            let (dx, dy) = (pe.client_x() as f64 - x, pe.client_y() as f64 - y);
            if id == pe.pointer_id() && dx.abs() > 40.0 && dx.abs() > 1.5 * dy.abs() {
                s.swallow_click.set(true);
                Shared::dispatch(s, if dx < 0.0 { Msg::Next } else { Msg::Prev }, None);
            }
        }),
        on("pointercancel", |s, _| s.swipe.set(None)),
    ]
}
