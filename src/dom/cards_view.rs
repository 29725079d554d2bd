//! The flip-card view: draws [`Study`](crate::model::study::Study) state into
//! the cards panel.

use super::template::{
    set_attr, set_bool, set_flag, set_hidden, set_progress, set_text, set_value, the_document, Slots, R,
};
use crate::model::app::{App, Dirty, Modes};
use crate::model::locale::{Key, Strings};
use crate::model::text::{concat, uint_text};
use wasm_bindgen::JsValue;
use web_sys::{Element, HtmlElement};

/// Writes the panel's fixed labels and the topic filter; `found` as for
/// [`render`] (it does not change after the mount).
pub fn build(e: &Slots, found: &[bool], app: &App, s: &Strings) -> Result<(), JsValue> {
    e.label(
        s,
        &[
            (R::FilterLabel, Key::Topic),
            (R::Shuffle, Key::Shuffle),
            (R::Restart, Key::Restart),
            (R::Reset, Key::ResetProgress),
            (R::Hint, Key::TurnHint),
            (R::More, Key::More),
            (R::UndoText, Key::Cleared),
            (R::UndoButton, Key::Undo),
            (R::TakeQuiz, Key::TakeQuiz),
            (R::ResetAll, Key::ResetProgress),
            (R::InArticleButton, Key::ShowInArticle),
            (R::Prev, Key::Prev),
            (R::Next, Key::Next),
            (R::Known, Key::Known),
            (R::Learning, Key::Learning),
            (R::Again, Key::StudyAgain),
        ],
    );
    set_attr(&e[R::CardsProgress], "aria-label", s.get(Key::ProgressLabel));
    e.set_lang(&[R::Front, R::Back, R::Filter], &app.deck.language);
    fill_filter(&e[R::Filter], app, s)?;
    set_hidden(&e[R::FilterRow], app.topics.len() < 2);
    set_hidden(&e[R::TakeQuiz], app.settings.modes != Modes::Both);
    // The "Show in article" line keeps its height while its button is
    // hidden, so the page does not move when a card turns; none at all when
    // no quote of the deck is in the article.
    set_hidden(&e[R::InArticle], !found.contains(&true));
    Ok(())
}

/// Redraws what `dirty` names; `found` tells whether each fact's quote
/// is in the host's article (empty without the `article` option).
pub fn render(e: &Slots, found: &[bool], app: &App, s: &Strings, dirty: Dirty) {
    let study = &app.study;
    if dirty.has(Dirty::CARD | Dirty::STUDY) {
        let complete = study.is_complete();
        set_hidden(&e[R::Study], complete);
        set_hidden(&e[R::Done], !complete);
        let (known, total) = study.progress();
        set_progress(&e[R::CardsProgress], known, total);
        let known_of = s.count(Key::KnownOf, known, total);
        // Read as "3 of 24 known" rather than a bare percentage.
        set_attr(&e[R::CardsProgress], "aria-valuetext", &known_of);
        set_text(&e[R::KnownOf], &known_of);
        set_hidden(&e[R::Position], complete);
        if complete {
            set_text(&e[R::DoneText], &s.count(Key::Complete, 0, total));
            let pile = study.learning_count();
            set_text(&e[R::ReviewLearning], &s.count(Key::ReviewLearning, pile, total));
            set_hidden(&e[R::ReviewLearning], pile == 0);
        }
    }
    if dirty.has(Dirty::CARD) {
        if let Some(fact) = study.current().and_then(|i| app.deck.facts.get(i)) {
            set_text(&e[R::Position], &s.count(Key::Position, study.position() + 1, study.round_len()));
            set_text(&e[R::Topic], fact.topic.as_deref().unwrap_or_default());
            set_text(&e[R::Prompt], &fact.front);
            set_text(&e[R::Answer], &fact.back);
            set_text(&e[R::Detail], fact.detail.as_deref().unwrap_or_default());
            set_hidden(&e[R::Detail], fact.detail.is_none());
            match &fact.quote {
                Some(q) => {
                    set_text(&e[R::QuoteText], q);
                    let credit = app.deck.quote_credit();
                    set_text(&e[R::QuoteCredit], credit.as_deref().unwrap_or_default());
                    set_hidden(&e[R::QuoteCredit], credit.is_none());
                    set_hidden(&e[R::Quote], false);
                }
                None => set_hidden(&e[R::Quote], true),
            }
            match &fact.image {
                Some(img) => {
                    // A validated http(s) or relative URL, set as an attribute value.
                    set_attr(&e[R::Image], "src", &img.src);
                    set_attr(&e[R::Image], "alt", &img.alt);
                    set_hidden(&e[R::Image], false);
                }
                None => {
                    set_flag(&e[R::Image], "src", false);
                    set_hidden(&e[R::Image], true);
                }
            }
            set_flag(&e[R::Prev], "disabled", study.position() == 0);
        }
    }
    if dirty.has(Dirty::CARD | Dirty::TURN) {
        let turned = study.is_turned();
        set_bool(&e[R::Card], "aria-pressed", turned);
        // Classes set as one attribute: the card's markup has only `card`.
        set_attr(&e[R::Card], "class", if turned { "card turned" } else { "card" });
        set_bool(&e[R::Back], "aria-hidden", !turned);
        set_flag(&e[R::Back], "inert", !turned);
        set_bool(&e[R::Front], "aria-hidden", turned);
        set_flag(&e[R::Front], "inert", turned);
        let here = study.current().and_then(|i| found.get(i).copied()).unwrap_or(false);
        set_hidden(&e[R::InArticleButton], !(turned && here));
    }
    if dirty.has(Dirty::CARD | Dirty::TURN | Dirty::UNDO) {
        // One slot under the card: the offer to undo a reset, else the
        // hint before the turn, else the judgement.
        let (turned, undo) = (study.is_turned(), app.can_undo());
        set_hidden(&e[R::Undo], !undo);
        set_hidden(&e[R::Hint], turned || undo);
        set_hidden(&e[R::Known], !turned || undo);
        set_hidden(&e[R::Learning], !turned || undo);
    }
    if dirty.has(Dirty::UNDO) {
        close_menu(e);
    }
    if dirty.has(Dirty::FILTER) {
        let value = study.filter().map(|t| uint_text(t as usize)).unwrap_or_default();
        set_value(&e[R::Filter], &value);
    }
}

/// Opens or closes the menu of Restart and Reset (a disclosure).
pub fn set_menu(e: &Slots, open: bool) {
    set_bool(&e[R::More], "aria-expanded", open);
    set_hidden(&e[R::Menu], !open);
}

/// Closes the menu of Restart and Reset; true if it was open.
pub fn close_menu(e: &Slots) -> bool {
    let open = e[R::Menu].get_attribute("hidden").is_none();
    set_menu(e, false);
    open
}

/// Toggles the menu.
pub fn toggle_menu(e: &Slots) {
    set_menu(e, e[R::Menu].get_attribute("hidden").is_some());
}

/// The text for the live region after a move.
pub fn announcement(app: &App, s: &Strings, dirty: Dirty) -> Option<String> {
    let study = &app.study;
    if dirty.has(Dirty::UNDO) && app.can_undo() {
        return Some(s.get(Key::Cleared).to_owned());
    }
    if study.is_complete() {
        return dirty.has(Dirty::STUDY).then(|| s.count(Key::Complete, 0, study.progress().1));
    }
    let card = s.count(Key::CardOf, study.position() + 1, study.round_len());
    if dirty.has(Dirty::ROUND) {
        let round = s.count(Key::Round, study.round() as usize, study.round_len());
        return Some(concat(&[round.as_str(), ". ", &card]));
    }
    dirty.has(Dirty::CARD).then_some(card)
}

/// Where focus belongs after `dirty`, if the focused control went away.
pub fn focus_after<'e>(e: &'e Slots, app: &App, dirty: Dirty) -> Option<&'e HtmlElement> {
    if app.can_undo() {
        return Some(e.html(R::UndoButton));
    }
    if app.study.is_complete() {
        return dirty.has(Dirty::STUDY).then_some(e.html(R::Again));
    }
    dirty.has(Dirty::STUDY).then_some(e.html(R::Card))
}

/// Fills the topic filter: "All topics" and each topic, with their counts.
fn fill_filter(filter: &Element, app: &App, s: &Strings) -> Result<(), JsValue> {
    let doc = the_document()?;
    let add = |value: &str, label: &str| -> Result<Element, JsValue> {
        let opt = doc.create_element("option")?;
        set_attr(&opt, "value", value);
        opt.set_text_content(Some(label));
        filter.append_child(&opt)?;
        Ok(opt)
    };
    let all = add("", &concat(&[s.get(Key::AllTopics), " (", &uint_text(app.deck.facts.len()), ")"]))?;
    // The widget's own words in a <select> of the deck's language.
    set_attr(&all, "lang", s.lang().tag());
    for (i, (name, count)) in app.topics.iter().enumerate() {
        add(&uint_text(i), &concat(&[name.as_str(), " (", &uint_text(*count), ")"]))?;
    }
    Ok(())
}
