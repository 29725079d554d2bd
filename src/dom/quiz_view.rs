//! The quiz view: draws [`Quiz`](crate::model::quiz::Quiz) state into the
//! quiz panel.

use super::template::{set_attr, set_flag, set_hidden, set_progress, set_text, set_value, the_document, Slots, R};
use crate::model::app::{App, Dirty};
use crate::model::locale::{Key, Strings};
use crate::model::quiz::{Band, Prompt};
use crate::model::text::concat;
use wasm_bindgen::JsValue;
use web_sys::{Element, HtmlElement};

/// The options' slots, the options' texts' and their tags'.
const OPTIONS: [R; 4] = [R::Option0, R::Option1, R::Option2, R::Option3];
const TEXTS: [R; 4] = [R::OptionText0, R::OptionText1, R::OptionText2, R::OptionText3];
const TAGS: [R; 4] = [R::OptionTag0, R::OptionTag1, R::OptionTag2, R::OptionTag3];

/// Writes the panel's fixed labels.
pub fn build(e: &Slots, app: &App, s: &Strings) {
    e.label(
        s,
        &[
            (R::TypedLabel, Key::YourAnswer),
            (R::Submit, Key::Check),
            (R::ScoreTitle, Key::ScoreTitle),
            (R::QInArticleButton, Key::ShowInArticle),
            (R::RetryMistakes, Key::RetryMistakes),
            (R::RetryAll, Key::RetryAll),
        ],
    );
    set_attr(&e[R::QProgress], "aria-label", s.get(Key::Quiz));
    e.set_lang(&[R::Question, R::Typed, R::Feedback, R::Review], &app.deck.language);
    e.set_lang(&OPTIONS, &app.deck.language);
    // The widget's own words inside those keep the UI language.
    e.set_lang(&[R::TypedLabel, R::Submit, R::Verdict, R::MissedTitle, R::RightsTitle], s.lang().tag());
    e.set_lang(&TAGS, s.lang().tag());
}

/// Redraws what `dirty` names; `found` tells whether each fact's quote
/// is in the host's article (empty without the `article` option).
pub fn render(e: &Slots, found: &[bool], app: &App, s: &Strings, dirty: Dirty) -> Result<(), JsValue> {
    let finished = app.quiz.is_finished();
    if dirty.has(Dirty::SUMMARY | Dirty::QUESTION) {
        set_hidden(&e[R::Asking], finished);
        set_hidden(&e[R::Summary], !finished);
    }
    if finished {
        if dirty.has(Dirty::SUMMARY) {
            render_summary(e, app, s)?;
        }
        return Ok(());
    }
    let total = app.quiz.len();
    let pos = app.quiz.position();
    if dirty.has(Dirty::QUESTION) {
        set_text(&e[R::QPos], &s.count(Key::QuestionOf, pos + 1, total));
        set_progress(&e[R::QProgress], pos, total);
        let Some(question) = app.quiz.current_question() else { return Ok(()) };
        let fact = question.fact;
        let options: &[String] = match &question.prompt {
            Prompt::Choice { options, .. } => options,
            Prompt::Typed => &[],
        };
        for (i, ((button, label), tag)) in OPTIONS.into_iter().zip(TEXTS).zip(TAGS).enumerate() {
            let (button, label, tag) = (&e[button], &e[label], &e[tag]);
            let text = options.get(i);
            set_hidden(button, text.is_none());
            set_flag(button, "disabled", false);
            // Neither "right" nor "wrong" (an option has no other class).
            set_attr(button, "class", "");
            set_text(label, text.map(String::as_str).unwrap_or_default());
            set_text(tag, "");
        }
        set_hidden(&e[R::Typed], !options.is_empty());
        set_flag(&e[R::Input], "disabled", false);
        set_flag(&e[R::Submit], "disabled", false);
        set_value(&e[R::Input], "");
        if let Some(f) = app.deck.facts.get(fact) {
            set_text(&e[R::Question], &f.front);
        }
        set_text(&e[R::Verdict], "");
        set_attr(&e[R::Feedback], "class", "feedback");
        set_text(&e[R::QDetail], "");
        set_hidden(&e[R::QQuote], true);
        set_hidden(&e[R::QInArticle], true);
        set_hidden(&e[R::QNext], true);
    }
    if dirty.has(Dirty::ANSWER) {
        render_answer(e, found, app, s);
    }
    if dirty.has(Dirty::HINT) {
        // Neither right nor wrong: no ✓ or ✗ (style.css).
        set_attr(&e[R::Feedback], "class", "feedback blank");
        set_text(&e[R::Verdict], s.get(Key::TypeFirst));
    }
    Ok(())
}

fn render_answer(e: &Slots, found: &[bool], app: &App, s: &Strings) {
    let right = match app.quiz.current_question().map(|q| &q.prompt) {
        Some(Prompt::Choice { correct, .. }) => Some(*correct),
        _ => None,
    };
    let Some(answer) = app.quiz.current_answer() else { return };
    let Some(fact) = app.deck.facts.get(answer.fact) else { return };
    for (i, (button, tag_el)) in OPTIONS.into_iter().zip(TAGS).enumerate() {
        let (button, tag_el) = (&e[button], &e[tag_el]);
        set_flag(button, "disabled", true);
        // The mark is words as well as colour; style.css adds a ✓ or ✗
        // icon before them, hidden from assistive technology.
        let (class, tag) = if Some(i) == right {
            ("right", s.get(Key::RightAnswer))
        } else if Some(i) == answer.choice {
            ("wrong", s.get(Key::YourAnswer))
        } else {
            continue;
        };
        set_attr(button, "class", class);
        set_text(tag_el, tag);
    }
    // A typed answer locks like the options: the input and its button.
    set_flag(&e[R::Input], "disabled", true);
    set_flag(&e[R::Submit], "disabled", true);
    set_progress(&e[R::QProgress], app.quiz.position() + 1, app.quiz.len());
    // Words only; style.css adds the ✓ or ✗ icon, hidden from the status
    // region's announcement.
    let verdict = if answer.near {
        s.with_answer(Key::Almost, &answer.expected)
    } else if answer.correct {
        s.get(Key::Correct).to_owned()
    } else {
        s.with_answer(Key::Incorrect, &answer.expected)
    };
    set_text(&e[R::Verdict], &verdict);
    set_attr(&e[R::Feedback], "class", if answer.correct { "feedback right" } else { "feedback" });
    set_text(&e[R::QDetail], fact.detail.as_deref().unwrap_or_default());
    match &fact.quote {
        Some(q) => {
            set_text(&e[R::QQuoteText], q);
            set_text(&e[R::QQuoteCredit], &app.deck.quote_credit().unwrap_or_default());
            set_hidden(&e[R::QQuote], false);
        }
        None => set_hidden(&e[R::QQuote], true),
    }
    set_hidden(&e[R::QInArticle], !found.get(answer.fact).copied().unwrap_or(false));
    let last = app.quiz.position() + 1 >= app.quiz.len();
    set_text(&e[R::QNext], s.get(if last { Key::SeeScore } else { Key::NextQuestion }));
    set_hidden(&e[R::QNext], false);
}

fn render_summary(e: &Slots, app: &App, s: &Strings) -> Result<(), JsValue> {
    let quiz = &app.quiz;
    let (score, total) = (quiz.score(), quiz.len());
    set_text(&e[R::Score], &s.count(Key::Score, score, total));
    match app.best {
        Some((score, total)) => set_text(&e[R::Best], &s.count(Key::Best, score, total)),
        None => set_text(&e[R::Best], ""),
    }
    set_hidden(&e[R::Best], app.best.is_none());
    let band = match Band::of(score, total) {
        Band::Perfect => Key::ScorePerfect,
        Band::High => Key::ScoreHigh,
        Band::Middle => Key::ScoreMid,
        Band::Low => Key::ScoreLow,
    };
    set_text(&e[R::Band], s.get(band));
    // The missed answers, each with what was given and what is right;
    // the right ones folded into one disclosure, a line each.
    let doc = the_document()?;
    let ui = s.lang().tag();
    let el = |tag: &str, class: &str, text: &str| -> Result<Element, JsValue> {
        let node = doc.create_element(tag)?;
        if !class.is_empty() {
            set_attr(&node, "class", class);
        }
        set_attr(&node, "dir", "auto");
        node.set_text_content(Some(text));
        Ok(node)
    };
    let labelled = |label: Key, class: &str, text: &str| -> Result<Element, JsValue> {
        let p = el("p", "", "")?;
        let b = el("span", "lbl", &concat(&[s.get(label), s.get(Key::LabelEnd), " "]))?;
        set_flag(&b, "dir", false);
        set_attr(&b, "lang", ui);
        p.append_child(&b)?;
        let t = el("span", class, text)?;
        p.append_child(&t)?;
        Ok(p)
    };
    e[R::Missed].set_text_content(None);
    e[R::RightsList].set_text_content(None);
    for answer in quiz.answers() {
        let Some(fact) = app.deck.facts.get(answer.fact) else { continue };
        let li = el("li", if answer.correct { "right" } else { "wrong" }, "")?;
        let q = el("p", "rq", &fact.front)?;
        li.append_child(&q)?;
        if answer.correct {
            let a = el("p", "ra", &answer.expected)?;
            li.append_child(&a)?;
            e[R::RightsList].append_child(&li)?;
        } else {
            let given = if answer.given.trim().is_empty() { s.get(Key::NoAnswer) } else { &answer.given };
            for line in
                [labelled(Key::YourAnswer, "given", given)?, labelled(Key::RightAnswer, "fix", &answer.expected)?]
            {
                li.append_child(&line)?;
            }
            e[R::Missed].append_child(&li)?;
        }
    }
    set_text(&e[R::MissedTitle], &s.count(Key::Missed, total - score.min(total), total));
    set_hidden(&e[R::MissedTitle], score >= total);
    set_text(&e[R::RightsTitle], &s.count(Key::AnsweredRight, score, total));
    set_hidden(&e[R::Rights], score == 0);
    set_flag(&e[R::Rights], "open", false);
    set_hidden(&e[R::Review], total == 0);
    // Nothing to retry after a perfect round: Retry all stays alone.
    set_hidden(&e[R::RetryMistakes], score >= total);
    Ok(())
}

/// Where focus belongs after `dirty`.
pub fn focus_after<'e>(e: &'e Slots, app: &App, dirty: Dirty) -> Option<&'e HtmlElement> {
    if dirty.has(Dirty::SUMMARY) && app.quiz.is_finished() {
        Some(e.html(R::ScoreTitle))
    } else if dirty.has(Dirty::QUESTION) {
        Some(e.html(R::Question))
    } else if dirty.has(Dirty::ANSWER) {
        // After a blank submit the question stays open: back to the box.
        Some(e.html(if app.quiz.current_answer().is_some() { R::QNext } else { R::Input }))
    } else {
        None
    }
}
