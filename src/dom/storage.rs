//! localStorage for remembered progress. Storage that is missing, throws
//! (sandboxed frames, denied access), is full or holds corrupt data never
//! breaks the widget: it works without memory and warns once per page.

use crate::model::progress::Progress;
use crate::model::text::concat;
use std::cell::Cell;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};

thread_local! {
    static WARNED: Cell<bool> = const { Cell::new(false) };
}

fn warn_once(what: &str, err: Option<&JsValue>) {
    if WARNED.try_with(|w| w.replace(true)).unwrap_or(true) {
        return;
    }
    // The exception as its text (one import, `console.warn` of one value).
    let why = err.map(|e| concat(&[" (", &super::error::js_message(e), ")"])).unwrap_or_default();
    let msg = concat(&["factcards: ", what, "; progress will not be remembered", &why]);
    web_sys::console::warn_1(&JsValue::from_str(&msg));
}

/// The widget's slot in localStorage, if there is a usable one.
pub struct Store {
    key: String,
    storage: Option<web_sys::Storage>,
}

impl Store {
    /// A store under `key`, or a disabled one when `enabled` is false.
    pub fn open(key: String, enabled: bool) -> Store {
        let storage = if enabled {
            match super::template::window().map(|w| w.local_storage()) {
                Some(Ok(Some(s))) => Some(s),
                Some(Err(e)) => {
                    warn_once("localStorage is not available", Some(&e));
                    None
                }
                _ => {
                    warn_once("localStorage is not available", None);
                    None
                }
            }
        } else {
            None
        };
        Store { key, storage }
    }

    /// The saved progress for a deck of `facts` facts, if any is usable.
    pub fn load(&self, facts: usize) -> Option<Progress> {
        let storage = self.storage.as_ref()?;
        let text = match storage.get_item(&self.key) {
            Ok(text) => text?,
            Err(e) => {
                warn_once("could not read localStorage", Some(&e));
                return None;
            }
        };
        let progress = Progress::decode(&text, facts);
        if progress.is_none() {
            warn_once(&concat(&["ignoring unreadable saved progress under ", &self.key]), None);
        }
        progress
    }

    /// Saves `progress`.
    pub fn save(&self, progress: &Progress) {
        if let Some(storage) = &self.storage {
            if let Err(e) = storage.set_item(&self.key, &progress.encode()) {
                warn_once("could not write localStorage (full or denied)", Some(&e));
            }
        }
    }

    /// Forgets the saved progress.
    pub fn clear(&self) {
        if let Some(storage) = &self.storage {
            if let Err(e) = storage.remove_item(&self.key) {
                warn_once("could not clear localStorage", Some(&e));
            }
        }
    }
}

/// A pending write of progress, made once the browser is idle
/// (`requestIdleCallback`, at the latest after a second, or a one-off
/// `setTimeout` where there is none, as in Safari) instead of on every click:
/// the record holds a mark for every fact. The widget also writes it at
/// `pagehide`, when the page's visibility changes and on `destroy()`, so
/// nothing is lost when a tab closes.
pub struct Saver {
    store: Store,
    pending: Cell<bool>,
    /// The callback asked for: its handle, and whether it is a timer.
    scheduled: Cell<Option<(u32, bool)>>,
    /// Runs when the browser is idle; owned here, so it is freed (and the
    /// callback cancelled) with the widget. Of a `JsValue` (the idle
    /// deadline, ignored), like every closure of one argument (see
    /// `Listener::new`).
    callback: Closure<dyn Fn(JsValue)>,
}

/// How long the fallback timer waits where there is no `requestIdleCallback`.
const FALLBACK_DELAY_MS: i32 = 200;
/// The longest a write waits for an idle moment.
const MAX_WAIT_MS: u32 = 1000;

impl Saver {
    /// A saver into `store` whose idle callback runs `on_idle`, which should
    /// call [`Saver::flush`].
    pub fn new(store: Store, on_idle: impl Fn() + 'static) -> Saver {
        Saver {
            store,
            pending: Cell::new(false),
            scheduled: Cell::new(None),
            callback: Closure::new(move |_: JsValue| on_idle()),
        }
    }

    /// Notes that the progress changed and, unless one is asked for
    /// already, asks for the idle callback.
    pub fn changed(&self) {
        if self.store.storage.is_none() {
            return;
        }
        self.pending.set(true);
        if self.scheduled.get().is_some() {
            return;
        }
        let Some(window) = super::template::window() else { return };
        let f: &js_sys::Function = self.callback.as_ref().unchecked_ref();
        // A page that is never idle (or a headless one that draws no frames)
        // still gets its write, after MAX_WAIT_MS. Where there is no
        // `requestIdleCallback`, calling it throws, and a timer is set.
        let options = super::template::object(&[("timeout", &JsValue::from(MAX_WAIT_MS))]);
        let handle = match window.request_idle_callback_with_options(f, options.unchecked_ref()) {
            Ok(handle) => Some((handle, false)),
            Err(_) => window
                .set_timeout_with_callback_and_timeout_and_arguments_0(f, FALLBACK_DELAY_MS)
                .ok()
                .map(|h| (h as u32, true)),
        };
        self.scheduled.set(handle);
    }

    /// Notes that the idle callback ran.
    pub fn idle_ran(&self) {
        self.scheduled.set(None);
    }

    /// Cancels the idle callback, if one is asked for.
    pub fn cancel(&self) {
        let Some((handle, timer)) = self.scheduled.take() else { return };
        if let Some(window) = super::template::window() {
            if timer {
                window.clear_timeout_with_handle(handle as i32);
            } else {
                window.cancel_idle_callback(handle);
            }
        }
    }

    /// Whether a write is pending.
    pub fn is_pending(&self) -> bool {
        self.pending.get()
    }

    /// Writes `progress(store)` now if a write is pending (the store, to
    /// read the record saved now: see `App::progress_over`).
    pub fn flush(&self, progress: impl FnOnce(&Store) -> Progress) {
        self.cancel();
        if self.pending.replace(false) {
            self.store.save(&progress(&self.store));
        }
    }

    /// Forgets the saved progress, and any pending write of it.
    pub fn clear(&self) {
        self.pending.set(false);
        self.store.clear();
    }
}

impl Drop for Saver {
    fn drop(&mut self) {
        // The callback must not run once its closure is freed.
        self.cancel();
    }
}
