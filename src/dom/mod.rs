//! The DOM layer: everything that touches web-sys lives here.
//!
//! - [`mount`]: shadow root, style sheet, reading input, message panels.
//! - [`widget`]: the mounted widget, its listeners and message dispatch.
//! - [`cards_view`] and [`quiz_view`]: draw the model into the two panels.
//! - [`shell`]: tabs and source credit; [`template`]: the fixed markup.
//! - [`events`]: the `factcards:*` events; [`listener`]: RAII listeners.
//! - `element.js`: the `<fact-cards>` custom element (a small JS snippet);
//!   `flatten.js`: hands a deck to [`js_value`] as one UTF-8 buffer.

pub mod cards_view;
pub mod events;
pub mod js_value;
pub mod listener;
pub mod mount;
pub mod quiz_view;
pub mod shell;
pub mod storage;
pub mod template;
pub mod widget;
