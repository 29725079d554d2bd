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
/// gives an http(s) URL, headline and author, those that it gives (none: no
/// credit).
pub fn build_credit(e: &Slots, app: &App, s: &Strings) {
    let Some(source) = &app.deck.source else { return };
    let link = &e[R::SourceLink];
    // Each part after ", "; without a link, the first one's is cut off.
    let mut rest = String::new();
    let mut part = |text: &str| {
        rest.push_str(", ");
        rest.push_str(text);
    };
    match &source.url {
        // Validated as http or https before it gets here.
        Some(url) => {
            set_text(link, source.publisher.as_deref().unwrap_or(url));
            set_attr(link, "href", url);
        }
        None => {
            set_hidden(link, true);
            if let Some(p) = &source.publisher {
                part(p);
            }
        }
    }
    if let Some(h) = &source.headline {
        part(&s.with_name(Key::Headline, h));
    }
    if let Some(a) = &source.author {
        part(a);
    }
    let skip = if source.url.is_some() { 0 } else { 2 };
    if rest.len() < skip {
        return;
    }
    if let Some(ed) = &source.editor {
        rest.push(' ');
        rest.push_str(&s.with_name(Key::Edited, ed));
    }
    set_text(&e[R::SourceLabel], &concat(&[s.get(Key::Source), s.get(Key::LabelEnd)]));
    set_text(&e[R::SourceText], rest.get(skip..).unwrap_or_default());
    let credit = &e[R::Credit];
    set_attr(credit, "lang", &app.deck.language);
    set_attr(&e[R::SourceLabel], "lang", s.lang().tag());
    set_hidden(credit, false);
}
