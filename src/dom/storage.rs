//! localStorage for remembered progress. Storage that is missing, throws
//! (sandboxed frames, denied access), is full or holds corrupt data never
//! breaks the widget: it works without memory and warns once per page.

use crate::model::progress::Progress;
use std::cell::Cell;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};

thread_local! {
    static WARNED: Cell<bool> = const { Cell::new(false) };
}

fn warn_once(what: &str, err: Option<&JsValue>) {
    if WARNED.with(|w| w.replace(true)) {
        return;
    }
    let msg = JsValue::from_str(&["factcards: ", what, "; progress will not be remembered"].concat());
    match err {
        Some(e) => web_sys::console::warn_2(&msg, e),
        None => web_sys::console::warn_1(&msg),
    }
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
            match web_sys::window().map(|w| w.local_storage()) {
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
            warn_once(&["ignoring unreadable saved progress under ", &self.key].concat(), None);
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
/// (`requestIdleCallback`, or a one-off `setTimeout` where there is none, as
/// in Safari) instead of on every click: the record holds a mark for every
/// fact. The widget also writes it at `pagehide`, when the page's visibility
/// changes and on `destroy()`, so nothing is lost when a tab closes.
pub struct Saver {
    store: Store,
    pending: Cell<bool>,
    scheduled: Cell<bool>,
}

/// How long the fallback timer waits where there is no `requestIdleCallback`.
const FALLBACK_DELAY_MS: i32 = 200;

impl Saver {
    /// A saver into `store`.
    pub fn new(store: Store) -> Saver {
        Saver { store, pending: Cell::new(false), scheduled: Cell::new(false) }
    }

    /// Notes that the progress changed; unless one is asked for already,
    /// asks for one idle callback that runs `on_idle`, which should call
    /// [`Saver::flush`]. The callback frees itself once it ran; it holds no
    /// more than what `on_idle` captures.
    pub fn changed(&self, on_idle: impl FnOnce() + 'static) {
        if self.store.storage.is_none() {
            return;
        }
        self.pending.set(true);
        if self.scheduled.replace(true) {
            return;
        }
        let Some(window) = web_sys::window() else { return };
        let f: js_sys::Function = Closure::once_into_js(on_idle).unchecked_into();
        // Throws where requestIdleCallback is missing: then a timer.
        if window.request_idle_callback(&f).is_err() {
            let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(&f, FALLBACK_DELAY_MS);
        }
    }

    /// Whether a write is pending.
    pub fn is_pending(&self) -> bool {
        self.pending.get()
    }

    /// Writes `progress()` now if a write is pending.
    pub fn flush(&self, progress: impl FnOnce() -> Progress) {
        if self.pending.replace(false) {
            self.store.save(&progress());
        }
    }

    /// Notes that the idle callback ran.
    pub fn idle_ran(&self) {
        self.scheduled.set(false);
    }

    /// Forgets the saved progress, and any pending write of it.
    pub fn clear(&self) {
        self.pending.set(false);
        self.store.clear();
    }
}
