//! An event listener that removes itself when dropped.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Event, EventTarget};

/// A listener registered on a target; dropping it deregisters it and frees
/// its closure. The widget handle owns every one of these.
#[must_use = "dropping a Listener removes it at once"]
pub struct Listener {
    target: EventTarget,
    kind: &'static str,
    closure: Closure<dyn Fn(JsValue)>,
}

impl Listener {
    /// Calls `handler` for every `kind` event on `target` until dropped.
    ///
    /// `Fn`, not `FnMut` (handlers keep their state in `Cell`s), and of a
    /// `JsValue`, not an `Event`: every closure of the package that JS calls
    /// with one argument is a `Fn(JsValue)`, so the glue and the wasm carry
    /// one wrapper for them all (the idle callback and the built-in deck's
    /// arrival are the others).
    pub fn new(target: &EventTarget, kind: &'static str, handler: impl Fn(Event) + 'static) -> Listener {
        let closure = Closure::<dyn Fn(JsValue)>::new(move |event: JsValue| handler(event.unchecked_into()));
        // Adding a listener cannot fail for a live target and a function.
        let _ = target.add_event_listener_with_callback(kind, closure.as_ref().unchecked_ref());
        Listener { target: target.clone(), kind, closure }
    }
}

impl Drop for Listener {
    fn drop(&mut self) {
        let _ = self.target.remove_event_listener_with_callback(self.kind, self.closure.as_ref().unchecked_ref());
    }
}
