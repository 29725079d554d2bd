//! The quiz view: draws [`Quiz`](crate::model::quiz::Quiz) state into the
//! quiz panel.

use super::template::{set_attr, set_flag, set_hidden, set_text, set_value, the_document, Refs};
use crate::model::app::{App, Dirty};
use crate::model::locale::{Key, Strings};
use crate::model::quiz::{Band, Prompt};
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Element, HtmlElement};

/// Handles on the quiz panel's elements.
pub struct QuizView {
    pub panel: Element,
    asking: Element,
    qpos: Element,
    progress: Element,
    question: HtmlElement,
    options: [HtmlElement; 4],
    /// Each option's text, and its tag ("Right answer", "Your answer").
    option_texts: [HtmlElement; 4],
    option_tags: [HtmlElement; 4],
    form: Element,
    pub input: HtmlElement,
    submit: Element,
    feedback: Element,
    verdict: Element,
    detail: Element,
    quote: Element,
    quote_text: Element,
    quote_credit: Element,
    in_article: Element,
    /// Whether each fact's quote is in the host's article (`article` option).
    pub found: Vec<bool>,
    next: HtmlElement,
    summary: Element,
    score_title: HtmlElement,
    best: Element,
    score: Element,
    band: Element,
    review: Element,
    missed_title: Element,
    missed: Element,
    rights: Element,
    rights_title: Element,
    rights_list: Element,
    retry_mistakes: HtmlElement,
}

impl QuizView {
    /// Finds the panel's elements in a fresh skeleton and writes the fixed labels.
    pub fn build(r: &Refs, app: &App, s: &Strings) -> QuizView {
        let [panel, asking, qpos, progress, question, form, input, submit, feedback, verdict, detail, quote, quote_text, quote_credit, in_article, next, summary, score_title, best, score, band, review, missed_title, missed, rights, rights_title, rights_list, retry_mistakes] =
            r.finds(&[
                "#p-quiz",
                ".asking",
                ".qpos",
                ".q-progress",
                "[part=question]",
                "form.typed",
                "[part=input]",
                "[part=submit]",
                "[part=feedback]",
                ".verdict",
                ".qdetail",
                ".qquote",
                ".qquote blockquote",
                ".qquote figcaption",
                ".q-in-article",
                ".qnext",
                ".summary",
                ".score-title",
                "[part=best]",
                "[part=score]",
                ".band",
                "[part=review]",
                ".missed-title",
                ".missed",
                ".rights",
                ".rights > summary",
                ".rights > ol",
                "[data-msg=retry-mistakes]",
            ]);
        let v = QuizView {
            panel,
            asking,
            qpos,
            progress,
            question: question.unchecked_into(),
            options: r.all::<4>("[part=option]"),
            option_texts: r.all::<4>("[part=option] > .t"),
            option_tags: r.all::<4>("[part=option] > .tag"),
            form,
            input: input.unchecked_into(),
            submit,
            feedback,
            verdict,
            detail,
            quote,
            quote_text,
            quote_credit,
            in_article,
            found: Vec::new(),
            next: next.unchecked_into(),
            summary,
            score_title: score_title.unchecked_into(),
            best,
            score,
            band,
            review,
            missed_title,
            missed,
            rights,
            rights_title,
            rights_list,
            retry_mistakes: retry_mistakes.unchecked_into(),
        };
        r.label(
            s,
            &[
                (".l-answer", "", Key::YourAnswer),
                ("[part=submit]", "", Key::Check),
                (".score-title", "", Key::ScoreTitle),
                (".q-in-article button", "", Key::ShowInArticle),
                ("[data-msg=retry-mistakes]", "", Key::RetryMistakes),
                ("[data-msg=retry-all]", "", Key::RetryAll),
                (".q-progress", "aria-label", Key::Quiz),
            ],
        );
        r.set_lang("[part=question],form.typed,[part=feedback],[part=review],[part=option]", &app.deck.language);
        // The widget's own words inside those keep the UI language.
        r.set_lang(
            ".l-answer,[part=submit],.verdict,.missed-title,.rights > summary,[part=option] > .tag",
            s.lang().tag(),
        );
        v
    }

    /// Redraws what `dirty` names.
    pub fn render(&self, app: &App, s: &Strings, dirty: Dirty) -> Result<(), JsValue> {
        let finished = app.quiz.is_finished();
        if dirty.has(Dirty::SUMMARY | Dirty::QUESTION) {
            set_hidden(&self.asking, finished);
            set_hidden(&self.summary, !finished);
        }
        if finished {
            if dirty.has(Dirty::SUMMARY) {
                self.render_summary(app, s)?;
            }
            return Ok(());
        }
        let total = app.quiz.len();
        let pos = app.quiz.position();
        if dirty.has(Dirty::QUESTION) {
            set_text(&self.qpos, &s.count(Key::QuestionOf, pos + 1, total));
            set_attr(&self.progress, "max", &total.max(1).to_string());
            set_attr(&self.progress, "aria-valuemin", "0");
            set_attr(&self.progress, "aria-valuemax", &total.to_string());
            self.set_done(pos);
            let Some(question) = app.quiz.current_question() else { return Ok(()) };
            let fact = question.fact;
            let options: &[String] = match &question.prompt {
                Prompt::Choice { options, .. } => options,
                Prompt::Typed => &[],
            };
            for (i, ((button, label), tag)) in
                self.options.iter().zip(&self.option_texts).zip(&self.option_tags).enumerate()
            {
                let text = options.get(i);
                set_hidden(button, text.is_none());
                set_flag(button, "disabled", false);
                let classes = button.class_list();
                let _ = classes.toggle_with_force("right", false);
                let _ = classes.toggle_with_force("wrong", false);
                set_text(label, text.map(String::as_str).unwrap_or_default());
                set_text(tag, "");
            }
            set_hidden(&self.form, !options.is_empty());
            set_flag(&self.input, "disabled", false);
            set_flag(&self.submit, "disabled", false);
            set_value(&self.input, "");
            if let Some(f) = app.deck.facts.get(fact) {
                set_text(&self.question, &f.front);
            }
            set_text(&self.verdict, "");
            set_text(&self.detail, "");
            set_hidden(&self.quote, true);
            set_hidden(&self.in_article, true);
            set_hidden(&self.next, true);
        }
        if dirty.has(Dirty::ANSWER) {
            self.render_answer(app, s);
        }
        if dirty.has(Dirty::HINT) {
            set_text(&self.verdict, s.get(Key::TypeFirst));
        }
        Ok(())
    }

    fn render_answer(&self, app: &App, s: &Strings) {
        let right = match app.quiz.current_question().map(|q| &q.prompt) {
            Some(Prompt::Choice { correct, .. }) => Some(*correct),
            _ => None,
        };
        let Some(answer) = app.quiz.current_answer() else { return };
        let Some(fact) = app.deck.facts.get(answer.fact) else { return };
        for (i, (button, tag_el)) in self.options.iter().zip(&self.option_tags).enumerate() {
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
            let _ = button.class_list().toggle_with_force(class, true);
            set_text(tag_el, tag);
        }
        // A typed answer locks like the options: the input and its button.
        set_flag(&self.input, "disabled", true);
        set_flag(&self.submit, "disabled", true);
        self.set_done(app.quiz.position() + 1);
        // Words only; style.css adds the ✓ or ✗ icon, hidden from the status
        // region's announcement.
        let verdict = if answer.near {
            s.with_answer(Key::Almost, &answer.expected)
        } else if answer.correct {
            s.get(Key::Correct).to_owned()
        } else {
            s.with_answer(Key::Incorrect, &answer.expected)
        };
        set_text(&self.verdict, &verdict);
        let _ = self.feedback.class_list().toggle_with_force("right", answer.correct);
        set_text(&self.detail, fact.detail.as_deref().unwrap_or_default());
        match &fact.quote {
            Some(q) => {
                set_text(&self.quote_text, q);
                set_text(&self.quote_credit, &app.deck.quote_credit().unwrap_or_default());
                set_hidden(&self.quote, false);
            }
            None => set_hidden(&self.quote, true),
        }
        set_hidden(&self.in_article, !self.found.get(answer.fact).copied().unwrap_or(false));
        let last = app.quiz.position() + 1 >= app.quiz.len();
        set_text(&self.next, s.get(if last { Key::SeeScore } else { Key::NextQuestion }));
        set_hidden(&self.next, false);
    }

    /// Fills the progress bar to `done` questions answered.
    fn set_done(&self, done: usize) {
        let done = done.to_string();
        set_attr(&self.progress, "value", &done);
        set_attr(&self.progress, "aria-valuenow", &done);
    }

    fn render_summary(&self, app: &App, s: &Strings) -> Result<(), JsValue> {
        let quiz = &app.quiz;
        let (score, total) = (quiz.score(), quiz.len());
        set_text(&self.score, &s.count(Key::Score, score, total));
        match app.best {
            Some((score, total)) => set_text(&self.best, &s.count(Key::Best, score, total)),
            None => set_text(&self.best, ""),
        }
        set_hidden(&self.best, app.best.is_none());
        let band = match Band::of(score, total) {
            Band::Perfect => Key::ScorePerfect,
            Band::High => Key::ScoreHigh,
            Band::Middle => Key::ScoreMid,
            Band::Low => Key::ScoreLow,
        };
        set_text(&self.band, s.get(band));
        // The missed answers, each with what was given and what is right;
        // the right ones folded into one disclosure, a line each.
        let doc = the_document()?;
        let ui = s.lang().tag();
        let el = |tag: &str, class: &str, text: &str| -> Result<Element, JsValue> {
            let e = doc.create_element(tag)?;
            if !class.is_empty() {
                let _ = e.class_list().toggle_with_force(class, true);
            }
            set_attr(&e, "dir", "auto");
            e.set_text_content(Some(text));
            Ok(e)
        };
        let labelled = |label: Key, class: &str, text: &str| -> Result<Element, JsValue> {
            let p = el("p", "", "")?;
            let b = el("span", "lbl", &[s.get(label), s.get(Key::LabelEnd), " "].concat())?;
            let _ = b.remove_attribute("dir");
            set_attr(&b, "lang", ui);
            p.append_child(&b)?;
            let t = el("span", class, text)?;
            p.append_child(&t)?;
            Ok(p)
        };
        self.missed.set_text_content(None);
        self.rights_list.set_text_content(None);
        for answer in quiz.answers() {
            let Some(fact) = app.deck.facts.get(answer.fact) else { continue };
            let li = el("li", if answer.correct { "right" } else { "wrong" }, "")?;
            let q = el("p", "rq", &fact.front)?;
            li.append_child(&q)?;
            if answer.correct {
                let a = el("p", "ra", &answer.expected)?;
                li.append_child(&a)?;
                self.rights_list.append_child(&li)?;
            } else {
                let given = if answer.given.trim().is_empty() { s.get(Key::NoAnswer) } else { &answer.given };
                for line in
                    [labelled(Key::YourAnswer, "given", given)?, labelled(Key::RightAnswer, "fix", &answer.expected)?]
                {
                    li.append_child(&line)?;
                }
                self.missed.append_child(&li)?;
            }
        }
        set_text(&self.missed_title, &s.count(Key::Missed, total - score.min(total), total));
        set_hidden(&self.missed_title, score >= total);
        set_text(&self.rights_title, &s.count(Key::AnsweredRight, score, total));
        set_hidden(&self.rights, score == 0);
        set_flag(&self.rights, "open", false);
        set_hidden(&self.review, total == 0);
        // Nothing to retry after a perfect round: Retry all stays alone.
        set_hidden(&self.retry_mistakes, score >= total);
        Ok(())
    }

    /// Where focus belongs after `dirty`.
    pub fn focus_after(&self, app: &App, dirty: Dirty) -> Option<&HtmlElement> {
        if dirty.has(Dirty::SUMMARY) && app.quiz.is_finished() {
            Some(&self.score_title)
        } else if dirty.has(Dirty::QUESTION) {
            Some(&self.question)
        } else if dirty.has(Dirty::ANSWER) {
            // After a blank submit the question stays open: back to the box.
            Some(if app.quiz.current_answer().is_some() { &self.next } else { &self.input })
        } else {
            None
        }
    }
}
