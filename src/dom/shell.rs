//! The parts around the two panels: the tabs and the source credit.

use super::template::{set_attr, set_hidden, set_text, Slots, R};
use crate::model::app::{App, Modes};
use crate::model::locale::{Key, Strings};
use crate::model::text::concat;

/// Labels the Cards and Quiz tabs, hiding the tab list when only one view is
/// offered.
pub fn build_tabs(e: &Slots, app: &App, s: &Strings) {
    let list = &e[R::Tabs];
    set_attr(list, "aria-label", s.get(Key::Modes));
    set_hidden(list, app.settings.modes != Modes::Both);
    e.label(s, &[(R::TabCards, Key::Cards), (R::TabQuiz, Key::Quiz)]);
}

/// Writes the source credit under the widget: publisher, linked when the deck
/// gives an http(s) URL, and the headline.
pub fn build_credit(e: &Slots, app: &App, s: &Strings) {
    let Some(source) = &app.deck.source else { return };
    let name = source.publisher.as_deref().or(source.url.as_deref());
    let Some(name) = name else { return };
    set_text(&e[R::SourceLabel], &concat(&[s.get(Key::Source), s.get(Key::LabelEnd)]));
    let link = &e[R::SourceLink];
    let mut rest = String::new();
    match &source.url {
        // Validated as http or https before it gets here.
        Some(url) => {
            set_text(link, name);
            set_attr(link, "href", url);
        }
        None => {
            set_hidden(link, true);
            rest.push_str(name);
        }
    }
    if let Some(h) = &source.headline {
        rest.push_str(", ");
        rest.push_str(&s.with_name(Key::Headline, h));
    }
    if let Some(a) = &source.author {
        rest.push_str(", ");
        rest.push_str(a);
    }
    if let Some(ed) = &source.editor {
        rest.push(' ');
        rest.push_str(&s.with_name(Key::Edited, ed));
    }
    set_text(&e[R::SourceText], &rest);
    let credit = &e[R::Credit];
    set_attr(credit, "lang", &app.deck.language);
    set_attr(&e[R::SourceLabel], "lang", s.lang().tag());
    set_hidden(credit, false);
}
