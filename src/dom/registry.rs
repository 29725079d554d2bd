//! The widget living in each host, held strongly: a widget lives until
//! `destroy()`, a new mount into its host, or (for `<fact-cards>`) the
//! element's removal, never merely until its JS handle is garbage collected
//! (wasm-bindgen frees an unreachable `FactCards` through a
//! `FinalizationRegistry`, and `mount(el)` without keeping the result is the
//! common case). A second mount into a host replaces the first.

use super::edit;
use super::widget::Widget;
use std::cell::Cell;
use std::rc::Rc;
use web_sys::Element;

// The thread-locals of src/dom are read with `try_with`, not `with`: the
// wasm never destroys them, and `with`'s panic for that case brings core's
// formatting of its message into the wasm (0.4 KB gzip with all of them).
thread_local! {
    static LIVE: Cell<Vec<Rc<Widget>>> = const { Cell::new(Vec::new()) };
}

/// Destroys the widget living in `host`, if any.
pub fn release(host: &Element) {
    let old = LIVE
        .try_with(|live| {
            edit(live, |live| {
                let i = live.iter().position(|w| w.host() == host)?;
                // Always true; it spares swap_remove's panic (and its number
                // formatting) in the wasm.
                (i < live.len()).then(|| live.swap_remove(i))
            })
        })
        .ok()
        .flatten();
    // Destroyed after the borrow ends: destroy() calls forget().
    if let Some(widget) = old {
        widget.destroy();
    }
}

/// Remembers `widget`, unless it is gone already (a host listener mounted
/// into the same host again while this mount still ran).
pub fn register(widget: &Rc<Widget>) {
    if widget.is_alive() {
        let _ = LIVE.try_with(|live| edit(live, |live| live.push(widget.clone())));
    }
}

/// Forgets `widget` (called by its `destroy()`).
pub fn forget(widget: &Widget) {
    let _ = LIVE.try_with(|live| edit(live, |live| live.retain(|w| !std::ptr::eq(Rc::as_ptr(w), widget))));
}
