//! localStorage for remembered progress. Storage that is missing, throws
//! (sandboxed frames, denied access), is full or holds corrupt data never
//! breaks the widget: it works without memory and warns once per page.

use crate::model::progress::Progress;
use std::cell::Cell;
use wasm_bindgen::JsValue;

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
