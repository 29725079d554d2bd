//! The flip-card view: draws [`Study`](crate::model::study::Study) state into
//! the cards panel.

use super::template::{set_attr, set_bool, set_flag, set_hidden, set_text, set_value, the_document, Refs};
use crate::model::app::{App, Dirty, Modes};
use crate::model::locale::{Key, Strings};
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Element, HtmlElement};

/// Handles on the cards panel's elements.
pub struct CardsView {
    pub panel: Element,
    filter: Element,
    progress: Element,
    known_of: Element,
    study: Element,
    position: Element,
    pub card: HtmlElement,
    front: Element,
    back: Element,
    topic: Element,
    image: Element,
    prompt: Element,
    answer: Element,
    detail: Element,
    quote: Element,
    quote_text: Element,
    quote_credit: Element,
    in_article: Element,
    in_article_button: Element,
    /// Whether each fact's quote is in the host's article (`article` option).
    pub found: Vec<bool>,
    prev: Element,
    known: Element,
    learning: Element,
    hint: Element,
    undo: Element,
    pub undo_button: HtmlElement,
    /// The button that opens the menu of Restart and Reset, and the menu.
    pub more_button: HtmlElement,
    menu: Element,
    done: Element,
    done_text: HtmlElement,
    take_quiz: Element,
    review: Element,
    again: HtmlElement,
}

impl CardsView {
    /// Finds the panel's elements in a fresh skeleton and writes the fixed
    /// labels and the topic filter.
    pub fn build(r: &Refs, app: &App, s: &Strings) -> Result<CardsView, JsValue> {
        let [panel, filter, progress, known_of, study, position, card, front, back, topic, image, prompt, answer, detail, quote, quote_text, quote_credit, in_article, in_article_button, prev, known, learning, hint, undo, undo_button, more_button, menu, done, done_text, take_quiz, review, again] =
            r.finds(&[
                "#p-cards",
                "[part=filter]",
                ".s-progress",
                ".known-of",
                ".study",
                "[part=position]",
                "[part=card]",
                "[part=front]",
                "[part=back]",
                ".front .topic",
                "[part=image]",
                ".prompt",
                ".answer",
                ".back .detail",
                ".back .quote",
                ".back blockquote",
                ".back figcaption",
                ".c-in-article",
                ".c-in-article button",
                "[part=prev]",
                "[part=known]",
                "[part=learning]",
                ".hint",
                ".undo",
                "[part=undo]",
                "[part=more]",
                ".menu",
                "[part=complete]",
                ".done-text",
                "[part=take-quiz]",
                "[part=review-learning]",
                "[part=again]",
            ]);
        let v = CardsView {
            panel,
            filter,
            progress,
            known_of,
            study,
            position,
            card: card.unchecked_into(),
            front,
            back,
            topic,
            image,
            prompt,
            answer,
            detail,
            quote,
            quote_text,
            quote_credit,
            in_article,
            in_article_button,
            found: Vec::new(),
            prev,
            known,
            learning,
            hint,
            undo,
            undo_button: undo_button.unchecked_into(),
            more_button: more_button.unchecked_into(),
            menu,
            done,
            done_text: done_text.unchecked_into(),
            take_quiz,
            review,
            again: again.unchecked_into(),
        };
        r.label(
            s,
            &[
                (".l-topic", "", Key::Topic),
                ("[part=shuffle]", "", Key::Shuffle),
                ("[part=restart]", "", Key::Restart),
                (".hint", "", Key::TurnHint),
                ("[part=more]", "", Key::More),
                (".u-text", "", Key::Cleared),
                ("[part=undo]", "", Key::Undo),
                ("[part=take-quiz]", "", Key::TakeQuiz),
                ("[part=reset-all]", "", Key::ResetProgress),
                (".c-in-article button", "", Key::ShowInArticle),
                ("[part=prev]", "", Key::Prev),
                ("[part=next][data-msg=next]", "", Key::Next),
                ("[part=known]", "", Key::Known),
                ("[part=learning]", "", Key::Learning),
                ("[part=again]", "", Key::StudyAgain),
                (".s-progress", "aria-label", Key::ProgressLabel),
            ],
        );
        r.set_lang("[part=front],[part=back],[part=filter]", &app.deck.language);
        v.fill_filter(app, s)?;
        set_hidden(&r.find(".filter"), app.topics.len() < 2);
        set_hidden(&v.take_quiz, app.settings.modes != Modes::Both);
        Ok(v)
    }

    fn fill_filter(&self, app: &App, s: &Strings) -> Result<(), JsValue> {
        let doc = the_document()?;
        let add = |value: &str, label: &str| -> Result<Element, JsValue> {
            let opt = doc.create_element("option")?;
            set_attr(&opt, "value", value);
            opt.set_text_content(Some(label));
            self.filter.append_child(&opt)?;
            Ok(opt)
        };
        let all = add("", &[s.get(Key::AllTopics), " (", &app.deck.facts.len().to_string(), ")"].concat())?;
        // The widget's own words in a <select> of the deck's language.
        set_attr(&all, "lang", s.lang().tag());
        for (i, (name, count)) in app.topics.iter().enumerate() {
            add(&i.to_string(), &[name.as_str(), " (", &count.to_string(), ")"].concat())?;
        }
        Ok(())
    }

    /// Redraws what `dirty` names.
    pub fn render(&self, app: &App, s: &Strings, dirty: Dirty) {
        let study = &app.study;
        if dirty.has(Dirty::CARD | Dirty::STUDY) {
            let complete = study.is_complete();
            set_hidden(&self.study, complete);
            set_hidden(&self.done, !complete);
            let (known, total) = study.progress();
            set_attr(&self.progress, "max", &total.max(1).to_string());
            set_attr(&self.progress, "value", &known.to_string());
            set_attr(&self.progress, "aria-valuemin", "0");
            set_attr(&self.progress, "aria-valuemax", &total.to_string());
            set_attr(&self.progress, "aria-valuenow", &known.to_string());
            let known_of = s.count(Key::KnownOf, known, total);
            // Read as "3 of 24 known" rather than a bare percentage.
            set_attr(&self.progress, "aria-valuetext", &known_of);
            set_text(&self.known_of, &known_of);
            set_hidden(&self.position, complete);
            if complete {
                set_text(&self.done_text, &s.count(Key::Complete, 0, total));
                let pile = study.learning_count();
                set_text(&self.review, &s.count(Key::ReviewLearning, pile, total));
                set_hidden(&self.review, pile == 0);
            }
        }
        if dirty.has(Dirty::CARD) {
            if let Some(fact) = study.current().and_then(|i| app.deck.facts.get(i)) {
                set_text(&self.position, &s.count(Key::Position, study.position() + 1, study.round_len()));
                set_text(&self.topic, fact.topic.as_deref().unwrap_or_default());
                set_text(&self.prompt, &fact.front);
                set_text(&self.answer, &fact.back);
                set_text(&self.detail, fact.detail.as_deref().unwrap_or_default());
                set_hidden(&self.detail, fact.detail.is_none());
                match &fact.quote {
                    Some(q) => {
                        set_text(&self.quote_text, q);
                        let credit = app.deck.quote_credit();
                        set_text(&self.quote_credit, credit.as_deref().unwrap_or_default());
                        set_hidden(&self.quote_credit, credit.is_none());
                        set_hidden(&self.quote, false);
                    }
                    None => set_hidden(&self.quote, true),
                }
                match &fact.image {
                    Some(img) => {
                        // A validated http(s) or relative URL, set as an attribute value.
                        set_attr(&self.image, "src", &img.src);
                        set_attr(&self.image, "alt", &img.alt);
                        set_hidden(&self.image, false);
                    }
                    None => {
                        let _ = self.image.remove_attribute("src");
                        set_hidden(&self.image, true);
                    }
                }
                set_flag(&self.prev, "disabled", study.position() == 0);
            }
        }
        if dirty.has(Dirty::CARD | Dirty::TURN) {
            let turned = study.is_turned();
            set_bool(&self.card, "aria-pressed", turned);
            let _ = self.card.class_list().toggle_with_force("turned", turned);
            set_bool(&self.back, "aria-hidden", !turned);
            set_flag(&self.back, "inert", !turned);
            set_bool(&self.front, "aria-hidden", turned);
            set_flag(&self.front, "inert", turned);
            let found = study.current().and_then(|i| self.found.get(i).copied()).unwrap_or(false);
            // The line keeps its height while the button is hidden, so the
            // page does not move when a card turns.
            // (None at all when no quote of the deck is in the article.)
            set_hidden(&self.in_article, !self.found.contains(&true));
            set_hidden(&self.in_article_button, !(turned && found));
        }
        if dirty.has(Dirty::CARD | Dirty::TURN | Dirty::UNDO) {
            // One slot under the card: the offer to undo a reset, else the
            // hint before the turn, else the judgement.
            let (turned, undo) = (study.is_turned(), app.can_undo());
            set_hidden(&self.undo, !undo);
            set_hidden(&self.hint, turned || undo);
            set_hidden(&self.known, !turned || undo);
            set_hidden(&self.learning, !turned || undo);
        }
        if dirty.has(Dirty::UNDO) {
            self.close_menu();
        }
        if dirty.has(Dirty::FILTER) {
            let value = study.filter().map(|t| t.to_string()).unwrap_or_default();
            set_value(&self.filter, &value);
        }
    }

    /// Opens or closes the menu of Restart and Reset (a disclosure).
    pub fn set_menu(&self, open: bool) {
        set_bool(&self.more_button, "aria-expanded", open);
        set_hidden(&self.menu, !open);
    }

    /// Closes the menu of Restart and Reset; true if it was open.
    pub fn close_menu(&self) -> bool {
        let open = self.menu.get_attribute("hidden").is_none();
        self.set_menu(false);
        open
    }

    /// Toggles the menu.
    pub fn toggle_menu(&self) {
        self.set_menu(self.menu.get_attribute("hidden").is_some());
    }

    /// The text for the live region after a move.
    pub fn announcement(&self, app: &App, s: &Strings, dirty: Dirty) -> Option<String> {
        let study = &app.study;
        if dirty.has(Dirty::UNDO) && app.can_undo() {
            return Some(s.get(Key::Cleared).to_owned());
        }
        if study.is_complete() {
            return dirty.has(Dirty::STUDY).then(|| s.count(Key::Complete, 0, study.progress().1));
        }
        let card = s.count(Key::CardOf, study.position() + 1, study.round_len());
        if dirty.has(Dirty::ROUND) {
            return Some([s.count(Key::Round, study.round() as usize, study.round_len()), card].join(". "));
        }
        dirty.has(Dirty::CARD).then_some(card)
    }

    /// Where focus belongs after `dirty`, if the focused control went away.
    pub fn focus_after(&self, app: &App, dirty: Dirty) -> Option<&HtmlElement> {
        if app.can_undo() {
            return Some(&self.undo_button);
        }
        if app.study.is_complete() {
            return dirty.has(Dirty::STUDY).then_some(&self.again);
        }
        dirty.has(Dirty::STUDY).then_some(&self.card)
    }
}
