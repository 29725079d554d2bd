//! The whole widget's state and the messages that change it.
//!
//! The DOM layer turns each event into a [`Msg`], calls [`App::update`], and
//! redraws only the parts named in the returned [`Dirty`] set. Nothing here
//! knows about the DOM, so all of it is tested natively.

use super::deck::Deck;
use super::numbering::Numbering;
use super::progress::Progress;
use super::quiz::{AnswerMode, Prompt, Quiz, QuizOptions};
use super::study::{Mark, Study};
use super::text::is_blank;

/// Which view is showing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// Flip cards.
    Cards,
    /// The quiz.
    Quiz,
}

/// Which views the widget offers (`mode` option).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Modes {
    /// Cards only.
    Cards,
    /// Quiz only.
    Quiz,
    /// Both, behind tabs (the default).
    #[default]
    Both,
}

impl Modes {
    /// Parses "cards", "quiz" or "both".
    pub fn parse(s: &str) -> Option<Modes> {
        match s {
            "cards" => Some(Modes::Cards),
            "quiz" => Some(Modes::Quiz),
            "both" => Some(Modes::Both),
            _ => None,
        }
    }
}

/// Mount options that the model cares about.
#[derive(Debug, Clone, Default)]
pub struct Settings {
    /// Views offered.
    pub modes: Modes,
    /// Seed for shuffles and the quiz.
    pub seed: u64,
    /// Quiz length; `None` for min(10, facts).
    pub questions: Option<usize>,
    /// Multiple choice or typed answers.
    pub answer: AnswerMode,
}

/// Something the reader did.
#[derive(Debug, Clone, PartialEq)]
pub enum Msg {
    /// Switch to a view.
    Show(Mode),
    /// Turn the card over.
    Turn,
    /// Previous card.
    Prev,
    /// Next card.
    Next,
    /// First card.
    First,
    /// Last card.
    Last,
    /// Mark the turned card and move on.
    Mark(Mark),
    /// Shuffle the round.
    Shuffle,
    /// Filter by topic number (`None`: all topics).
    Filter(Option<u32>),
    /// Start over: deck order, no marks.
    Restart,
    /// After completion, study every card again.
    StudyAgain,
    /// Pick quiz option `i`.
    Choose(usize),
    /// Submit a typed answer.
    Submit(String),
    /// Next quiz question (or the summary after the last).
    NextQuestion,
    /// Quiz again over the questions answered wrong.
    RetryMistakes,
    /// Quiz again over every question.
    RetryAll,
    /// Forget every mark and the best score.
    ResetProgress,
    /// After completion, study again only the cards once marked "still
    /// learning".
    ReviewLearning,
    /// Take back the last [`Msg::Restart`] or [`Msg::ResetProgress`]; offered
    /// until the reader's next action ([`App::can_undo`]).
    Undo,
}

/// Something the host page is told about (a `factcards:*` event).
#[derive(Debug, Clone, PartialEq)]
pub enum Event {
    /// A card was turned; `turned` is true when the back now shows.
    Flip {
        /// Index of the fact.
        fact: usize,
        /// Whether the back now shows.
        turned: bool,
    },
    /// A quiz question was answered.
    Answer {
        /// Index of the fact.
        fact: usize,
        /// Whether it was right.
        correct: bool,
        /// What the reader gave.
        given: String,
        /// The right answer.
        expected: String,
    },
    /// The quiz round is over.
    Complete {
        /// Right answers.
        score: usize,
        /// Questions asked.
        total: usize,
    },
}

/// Which parts of the view a message changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Dirty(u16);

impl Dirty {
    /// Nothing changed.
    pub const NONE: Dirty = Dirty(0);
    /// The shown view (tabs, panels).
    pub const MODE: Dirty = Dirty(1);
    /// Another card (its text, position, announcement).
    pub const CARD: Dirty = Dirty(1 << 1);
    /// The card's turned state.
    pub const TURN: Dirty = Dirty(1 << 2);
    /// Known/learning progress, round, completion.
    pub const STUDY: Dirty = Dirty(1 << 3);
    /// The topic filter.
    pub const FILTER: Dirty = Dirty(1 << 4);
    /// Another quiz question.
    pub const QUESTION: Dirty = Dirty(1 << 5);
    /// The answer to the current question.
    pub const ANSWER: Dirty = Dirty(1 << 6);
    /// The quiz summary.
    pub const SUMMARY: Dirty = Dirty(1 << 7);
    /// The round changed (announce it).
    pub const ROUND: Dirty = Dirty(1 << 8);
    /// Something worth remembering changed (marks, position, best score,
    /// the view, the quiz round).
    pub const SAVE: Dirty = Dirty(1 << 9);
    /// Remembered progress was reset.
    pub const RESET: Dirty = Dirty(1 << 10);
    /// A blank typed answer was submitted: ask for an answer first.
    pub const HINT: Dirty = Dirty(1 << 11);
    /// The offer to undo a reset came or went.
    pub const UNDO: Dirty = Dirty(1 << 12);

    /// Whether any part of `other` is in this set.
    pub fn has(self, other: Dirty) -> bool {
        self.0 & other.0 != 0
    }

    /// Whether nothing changed.
    pub fn is_empty(self) -> bool {
        self.0 == 0
    }
}

impl std::ops::BitOr for Dirty {
    type Output = Dirty;
    fn bitor(self, rhs: Dirty) -> Dirty {
        Dirty(self.0 | rhs.0)
    }
}

impl std::ops::BitOrAssign for Dirty {
    fn bitor_assign(&mut self, rhs: Dirty) {
        self.0 |= rhs.0;
    }
}

/// What one message did.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Update {
    /// Parts to redraw.
    pub dirty: Dirty,
    /// Event for the host page, if any.
    pub event: Option<Event>,
}

/// The widget's state: the deck, the study, the quiz and the shown view.
#[derive(Debug)]
pub struct App {
    /// The validated deck.
    pub deck: Deck,
    /// Topic names in first-seen order, with their fact counts.
    pub topics: Vec<(String, usize)>,
    /// Flip-card state.
    pub study: Study,
    /// Quiz state.
    pub quiz: Quiz,
    /// Options.
    pub settings: Settings,
    /// Best quiz result as (score, total).
    pub best: Option<(usize, usize)>,
    mode: Mode,
    /// What a restart or reset took away, until the next message.
    undo: Option<Box<Undone>>,
}

/// The state a restart or reset replaced, kept for [`Msg::Undo`].
#[derive(Debug)]
struct Undone {
    study: Study,
    best: Option<(usize, usize)>,
    /// The quiz a reset replaced; `None` after a restart, which keeps it.
    quiz: Option<Quiz>,
}

impl App {
    /// A fresh widget state over `deck`.
    pub fn new(deck: Deck, settings: Settings) -> App {
        // Topic numbers in first-seen order, in one pass.
        let mut topics: Vec<(String, usize)> = Vec::new();
        let mut numbers = Numbering::with_capacity(16);
        let mut fact_topics = Vec::with_capacity(deck.facts.len());
        for fact in &deck.facts {
            let number = fact.topic.as_deref().map(|topic| {
                let (n, _) = numbers.number(topic);
                match topics.get_mut(n) {
                    Some((_, count)) => *count += 1,
                    None => topics.push((topic.to_owned(), 1)),
                }
                n as u32
            });
            fact_topics.push(number);
        }
        let study = Study::new(fact_topics, settings.seed);
        let quiz = Quiz::new(
            &deck,
            &QuizOptions { seed: settings.seed, questions: settings.questions, answer: settings.answer },
        );
        let mode = if settings.modes == Modes::Quiz { Mode::Quiz } else { Mode::Cards };
        let mut app = App { deck, topics, study, quiz, settings, best: None, mode, undo: None };
        app.prepare_question();
        app
    }

    /// Makes the current quiz question, if there is one and it is not made
    /// yet, so that views only read it ([`Quiz::current_question`]).
    fn prepare_question(&mut self) {
        let _ = self.quiz.question(&self.deck);
    }

    /// The view showing.
    pub fn mode(&self) -> Mode {
        self.mode
    }

    /// What to remember of this state.
    pub fn progress(&self) -> Progress {
        Progress {
            round: self.study.round(),
            current: self.study.current(),
            marks: self.study.marks().to_vec(),
            hard: self.study.hard().to_vec(),
            best: self.best,
            filter: self.study.filter(),
            in_round: self.study.in_round(),
            quiz_view: self.mode == Mode::Quiz,
            quiz: self.quiz.saved(),
        }
    }

    /// What to remember of this state, written over the record saved now
    /// (by another widget of the same deck on the page, it may be), which
    /// `stored` reads: a widget that shows only the cards keeps the stored
    /// quiz part (best score, quiz round, view), and one that shows only the
    /// quiz the stored cards part (marks, position, rounds, filter) and
    /// view. A widget that shows both writes all of its own, and reads none.
    pub fn progress_over(&self, stored: impl FnOnce() -> Option<Progress>) -> Progress {
        let mine = self.progress();
        if self.settings.modes == Modes::Both {
            return mine;
        }
        let Some(s) = stored() else { return mine };
        if self.settings.modes == Modes::Cards {
            Progress { best: s.best, quiz: s.quiz, quiz_view: s.quiz_view, ..mine }
        } else {
            Progress { best: mine.best, quiz: mine.quiz, ..s }
        }
    }

    /// Restores remembered progress: marks, position, best score, the view
    /// showing and the quiz round in progress. A quiz record that does not
    /// fit this quiz (made with another seed, length or answer mode) is left
    /// out, and the quiz starts afresh.
    pub fn restore(&mut self, saved: &Progress) {
        let s = saved;
        self.study.restore(&s.marks, &s.hard, s.filter, s.round, &s.in_round, s.current);
        self.best = saved.best;
        if saved.quiz_view && self.settings.modes == Modes::Both {
            self.mode = Mode::Quiz;
        }
        if let Some(q) = &saved.quiz {
            self.quiz.resume(&self.deck, q);
        }
        self.prepare_question();
    }

    fn record_best(&mut self, score: usize, total: usize) {
        let better = match self.best {
            None => true,
            // Compare score/total as fractions without division. A best of
            // no questions (restored from an older record) is no best.
            Some((s, t)) => t == 0 || score * t > s * total,
        };
        if better && total > 0 {
            self.best = Some((score, total));
        }
    }

    /// Whether [`Msg::Undo`] would take back a restart or reset now.
    pub fn can_undo(&self) -> bool {
        self.undo.is_some()
    }

    /// Applies `msg` and says what changed. The current quiz question is
    /// made here, never by a view.
    ///
    /// An offer to undo lasts until the next message that changes anything.
    pub fn update(&mut self, msg: Msg) -> Update {
        let offered = self.undo.take();
        let had = offered.is_some();
        let mut up = match (msg, offered) {
            (Msg::Undo, Some(taken)) => {
                let Undone { study, best, quiz } = *taken;
                (self.study, self.best) = (study, best);
                if let Some(quiz) = quiz {
                    self.quiz = quiz;
                }
                Update {
                    dirty: Dirty::CARD
                        | Dirty::TURN
                        | Dirty::STUDY
                        | Dirty::FILTER
                        | Dirty::QUESTION
                        | Dirty::ANSWER
                        | Dirty::SUMMARY
                        | Dirty::SAVE
                        | Dirty::UNDO,
                    event: None,
                }
            }
            (msg, offered) => {
                let up = self.apply(msg);
                if up.dirty.is_empty() {
                    // Nothing happened: the offer stands.
                    self.undo = offered;
                }
                up
            }
        };
        if !up.dirty.is_empty() && (had || self.undo.is_some()) {
            up.dirty |= Dirty::UNDO;
        }
        if up.dirty.has(Dirty::QUESTION) {
            self.prepare_question();
        }
        up
    }

    fn apply(&mut self, msg: Msg) -> Update {
        let mut up = Update::default();
        let study_moved = Dirty::CARD | Dirty::TURN;
        match msg {
            Msg::Show(mode) => {
                let allowed = match self.settings.modes {
                    Modes::Both => true,
                    Modes::Cards => mode == Mode::Cards,
                    Modes::Quiz => mode == Mode::Quiz,
                };
                if allowed && mode != self.mode {
                    self.mode = mode;
                    up.dirty = Dirty::MODE | Dirty::SAVE;
                }
            }
            Msg::Turn => {
                if let (Some(fact), Some(turned)) = (self.study.current(), self.study.turn()) {
                    up.dirty = Dirty::TURN;
                    up.event = Some(Event::Flip { fact, turned });
                }
            }
            Msg::Prev | Msg::Next | Msg::First | Msg::Last => {
                let round = self.study.round();
                let moved = match msg {
                    Msg::Prev => self.study.prev_card(),
                    Msg::Next => self.study.next_card(),
                    Msg::First => self.study.first(),
                    _ => self.study.last(),
                };
                if moved {
                    up.dirty = study_moved;
                    if self.study.round() != round {
                        up.dirty |= Dirty::STUDY | Dirty::ROUND;
                    }
                    up.dirty |= Dirty::SAVE;
                }
            }
            Msg::Mark(mark) => {
                let round = self.study.round();
                if self.study.mark_current(mark) {
                    up.dirty = study_moved | Dirty::STUDY | Dirty::SAVE;
                    if self.study.round() != round {
                        up.dirty |= Dirty::ROUND;
                    }
                }
            }
            Msg::Shuffle => {
                self.study.shuffle();
                up.dirty = study_moved | Dirty::SAVE;
            }
            Msg::Filter(topic) => {
                let topic = topic.filter(|&t| (t as usize) < self.topics.len());
                self.study.set_filter(topic);
                up.dirty = study_moved | Dirty::STUDY | Dirty::FILTER | Dirty::SAVE;
            }
            Msg::Restart => {
                self.undo = Some(Box::new(Undone { study: self.study.clone(), best: self.best, quiz: None }));
                self.study.restart();
                up.dirty = study_moved | Dirty::STUDY | Dirty::FILTER | Dirty::SAVE;
            }
            Msg::StudyAgain => {
                self.study.study_again();
                up.dirty = study_moved | Dirty::STUDY | Dirty::SAVE;
            }
            Msg::ResetProgress => {
                // The old quiz is moved aside, not copied.
                let fresh = self.quiz.restarted();
                let quiz = Some(std::mem::replace(&mut self.quiz, fresh));
                self.undo = Some(Box::new(Undone { study: self.study.clone(), best: self.best, quiz }));
                self.study.restart();
                self.best = None;
                // A widget that shows one view forgets only its part of the
                // record, which another widget of the deck may share: it
                // writes its fresh part over the stored one.
                let forget = if self.settings.modes == Modes::Both { Dirty::RESET } else { Dirty::SAVE };
                up.dirty = study_moved | Dirty::STUDY | Dirty::FILTER | Dirty::QUESTION | Dirty::SUMMARY | forget;
            }
            Msg::ReviewLearning => {
                if self.study.review_learning() {
                    up.dirty = study_moved | Dirty::STUDY | Dirty::ROUND | Dirty::SAVE;
                }
            }
            // Only reached with nothing to undo (see `update`).
            Msg::Undo => {}
            Msg::Choose(i) => {
                if let Some(a) = self.quiz.answer_choice(&self.deck, i) {
                    up.event = Some(answer_event(a));
                    up.dirty = Dirty::ANSWER | Dirty::SAVE;
                }
            }
            Msg::Submit(text) => {
                let open = self.quiz.current_answer().is_none()
                    && matches!(self.quiz.current_question().map(|q| &q.prompt), Some(Prompt::Typed));
                if let Some(a) = self.quiz.answer_typed(&self.deck, &text) {
                    up.event = Some(answer_event(a));
                    up.dirty = Dirty::ANSWER | Dirty::SAVE;
                } else if open && is_blank(&text) {
                    // Counts nothing: the question stays open.
                    up.dirty = Dirty::HINT;
                }
            }
            Msg::NextQuestion => {
                if self.quiz.next() {
                    if self.quiz.is_finished() {
                        let (score, total) = (self.quiz.score(), self.quiz.len());
                        if self.quiz.is_full_round() {
                            self.record_best(score, total);
                        }
                        up.dirty = Dirty::SUMMARY | Dirty::SAVE;
                        up.event = Some(Event::Complete { score, total });
                    } else {
                        up.dirty = Dirty::QUESTION | Dirty::SAVE;
                    }
                }
            }
            Msg::RetryMistakes => {
                if self.quiz.retry_mistakes(&self.deck) {
                    up.dirty = Dirty::QUESTION | Dirty::SUMMARY | Dirty::SAVE;
                }
            }
            Msg::RetryAll => {
                self.quiz.retry_all(&self.deck);
                up.dirty = Dirty::QUESTION | Dirty::SUMMARY | Dirty::SAVE;
            }
        }
        up
    }
}

fn answer_event(a: &super::quiz::Answer) -> Event {
    Event::Answer { fact: a.fact, correct: a.correct, given: a.given.clone(), expected: a.expected.clone() }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::deck::{Fact, Kind};
    use crate::model::progress::{storage_key, Given, QuizRecord};
    use crate::model::quiz::{Prompt, Question};

    fn deck(n: usize) -> Deck {
        let fact = |i: usize| Fact {
            topic: Some(if i.is_multiple_of(2) { "Even" } else { "Odd" }.into()),
            kind: Kind::Person,
            ..Fact::new(format!("f{i}"), format!("Q{i}"), format!("Person {i}"))
        };
        Deck::new("T", (0..n).map(fact).collect())
    }

    fn app(n: usize, modes: Modes) -> App {
        App::new(deck(n), Settings { modes, seed: 5, questions: Some(3), answer: AnswerMode::Choice })
    }

    #[test]
    fn a_blank_submit_asks_for_an_answer_and_counts_nothing() {
        let mut a =
            App::new(deck(3), Settings { modes: Modes::Quiz, seed: 5, questions: Some(3), answer: AnswerMode::Typed });
        let fact = a.quiz.current_question().map(|q| q.fact).expect("a question");
        let up = a.update(Msg::Submit(" \t\n".into()));
        assert_eq!((up.dirty, up.event), (Dirty::HINT, None));
        assert!(a.quiz.current_answer().is_none(), "the question stays open");
        assert_eq!((a.quiz.position(), a.quiz.score()), (0, 0));
        // "Person 1" has 6 letters: one letter off is a near miss, right.
        let typo = format!("Persno {fact}");
        let up = a.update(Msg::Submit(typo.clone()));
        assert_eq!(up.dirty, Dirty::ANSWER | Dirty::SAVE);
        let expected = format!("Person {fact}");
        assert_eq!(up.event, Some(Event::Answer { fact, correct: true, given: typo, expected }));
        assert!(a.quiz.current_answer().is_some_and(|x| x.near));
        assert_eq!(a.quiz.score(), 1);
        // Once answered, a blank submit does nothing.
        assert!(a.update(Msg::Submit(String::new())).dirty.is_empty());
    }

    #[test]
    fn numbers_topics_in_first_seen_order() {
        let a = app(5, Modes::Both);
        assert_eq!(a.topics, vec![("Even".to_string(), 3), ("Odd".to_string(), 2)]);
    }

    #[test]
    fn turning_reports_a_flip_and_marking_moves_on() {
        let mut a = app(3, Modes::Both);
        let up = a.update(Msg::Turn);
        assert_eq!(up.dirty, Dirty::TURN);
        assert_eq!(up.event, Some(Event::Flip { fact: 0, turned: true }));
        let up = a.update(Msg::Mark(Mark::Known));
        assert!(up.dirty.has(Dirty::CARD) && up.dirty.has(Dirty::STUDY));
        assert_eq!(a.study.current(), Some(1));
        assert!(a.update(Msg::Mark(Mark::Known)).dirty.is_empty(), "an unturned card cannot be marked");
    }

    #[test]
    fn passing_the_last_card_starts_a_round() {
        let mut a = app(2, Modes::Both);
        a.update(Msg::Next);
        let up = a.update(Msg::Next);
        assert!(up.dirty.has(Dirty::ROUND));
        assert_eq!(a.study.round(), 2);
    }

    #[test]
    fn mode_switches_respect_the_offered_modes() {
        let mut cards_only = app(2, Modes::Cards);
        assert!(cards_only.update(Msg::Show(Mode::Quiz)).dirty.is_empty());
        let quiz_only = app(2, Modes::Quiz);
        assert_eq!(quiz_only.mode(), Mode::Quiz);
        let mut both = app(2, Modes::Both);
        assert_eq!(both.update(Msg::Show(Mode::Quiz)).dirty, Dirty::MODE | Dirty::SAVE);
        assert_eq!(both.mode(), Mode::Quiz);
    }

    #[test]
    fn a_full_quiz_round_completes_with_the_score() {
        let mut a = app(6, Modes::Quiz);
        let last = play_round(&mut a, &[true, false, true]);
        assert_eq!(last.event, Some(Event::Complete { score: 2, total: 3 }));
        assert_eq!(a.best, Some((2, 3)));
        assert!(a.update(Msg::RetryAll).dirty.has(Dirty::QUESTION));
        assert!(!a.quiz.is_finished());
    }

    #[test]
    fn progress_round_trips_and_resets() {
        let mut a = app(3, Modes::Both);
        a.update(Msg::Turn);
        assert!(a.update(Msg::Mark(Mark::Known)).dirty.has(Dirty::SAVE));
        a.best = Some((2, 3));
        let saved = a.progress();
        let mut b = app(3, Modes::Both);
        b.restore(&saved);
        assert_eq!(b.study.mark(0), Mark::Known);
        assert_eq!(b.best, Some((2, 3)));
        play_round(&mut b, &[true]);
        let up = b.update(Msg::ResetProgress);
        assert!(up.dirty.has(Dirty::RESET) && up.dirty.has(Dirty::QUESTION));
        assert_eq!((b.study.mark(0), b.best), (Mark::Unseen, None));
        assert_eq!((b.quiz.round(), b.quiz.position(), b.progress().quiz), (1, 0, None), "the quiz starts over");
        assert!(b.quiz.current_question().is_some());
    }

    #[test]
    fn a_cards_widget_and_a_quiz_widget_of_one_deck_keep_each_others_progress() {
        let mut cards = app(3, Modes::Cards);
        let mut quiz = app(3, Modes::Quiz);
        // The quiz widget saves a finished round first.
        play_round(&mut quiz, &[true, false, true]);
        let stored = quiz.progress_over(|| None);
        assert_eq!(stored.best, Some((2, 3)));
        // The cards widget, mounted before it, saves a mark over it.
        cards.update(Msg::Turn);
        cards.update(Msg::Mark(Mark::Known));
        let stored = cards.progress_over(|| Some(stored));
        assert_eq!((stored.marks[0], stored.current, stored.best), (Mark::Known, Some(1), Some((2, 3))));
        // And the quiz widget, saving again, keeps that mark.
        quiz.update(Msg::RetryAll);
        let stored = quiz.progress_over(|| Some(stored));
        assert_eq!((stored.marks[0], stored.current, stored.best), (Mark::Known, Some(1), Some((2, 3))));
        assert_eq!(stored.quiz, quiz.progress().quiz, "the quiz part is the quiz widget's");
        // A widget showing both writes all of it, as it has it.
        let both = app(3, Modes::Both);
        assert_eq!(both.progress_over(|| panic!("a widget showing both reads nothing")), both.progress());
        assert_ne!(both.progress(), stored);
    }

    #[test]
    fn a_reset_in_a_one_view_widget_forgets_only_its_part() {
        let mut quiz = app(3, Modes::Quiz);
        play_round(&mut quiz, &[true, false, true]);
        let mut cards = app(3, Modes::Cards);
        cards.update(Msg::Turn);
        cards.update(Msg::Mark(Mark::Known));
        let stored = cards.progress_over(|| Some(quiz.progress_over(|| None)));
        quiz.restore(&stored);
        cards.restore(&stored);
        // The cards widget's reset writes fresh marks over the record, not
        // an empty record that the quiz widget would fill with its copy.
        let up = cards.update(Msg::ResetProgress);
        assert!(up.dirty.has(Dirty::SAVE) && !up.dirty.has(Dirty::RESET));
        let stored = cards.progress_over(|| Some(stored));
        assert_eq!((stored.marks[0], stored.best), (Mark::Unseen, Some((2, 3))), "the quiz's part is kept");
        quiz.update(Msg::RetryAll);
        let stored = quiz.progress_over(|| Some(stored));
        assert_eq!(stored.marks[0], Mark::Unseen, "the reset marks stay reset");
        // And the quiz widget's reset forgets only the quiz's part.
        assert!(!quiz.update(Msg::ResetProgress).dirty.has(Dirty::RESET));
        let stored = quiz.progress_over(|| Some(Progress { marks: vec![Mark::Known; 3], ..stored }));
        assert_eq!((stored.marks[0], stored.best, stored.quiz), (Mark::Known, None, None));
    }

    #[test]
    fn a_round_of_mistakes_makes_no_best_score() {
        let mut a = app(6, Modes::Quiz);
        play_round(&mut a, &[true, false, false]);
        assert_eq!(a.best, Some((1, 3)));
        assert!(a.update(Msg::RetryMistakes).dirty.has(Dirty::QUESTION));
        let last = play_round(&mut a, &[true, true]);
        assert_eq!(last.event, Some(Event::Complete { score: 2, total: 2 }), "the round's own score");
        assert_eq!(a.best, Some((1, 3)), "2 of the 2 missed is not a best of the quiz");
        a.update(Msg::RetryAll);
        play_round(&mut a, &[true, true, false]);
        assert_eq!(a.best, Some((2, 3)));
        // Retrying every question, when all were missed, is a full round.
        let mut b = app(6, Modes::Quiz);
        play_round(&mut b, &[false, false, false]);
        b.update(Msg::RetryMistakes);
        play_round(&mut b, &[true, false, true]);
        assert_eq!(b.best, Some((2, 3)));
    }

    #[test]
    fn a_shuffle_is_saved() {
        let mut a = app(6, Modes::Cards);
        assert!(a.update(Msg::Shuffle).dirty.has(Dirty::SAVE));
    }

    #[test]
    fn a_reset_can_be_undone_until_the_next_action() {
        let mut a = app(3, Modes::Both);
        a.update(Msg::Turn);
        a.update(Msg::Mark(Mark::Known));
        a.best = Some((2, 3));
        assert!(a.update(Msg::Choose(0)).dirty.has(Dirty::ANSWER), "a quiz answer, to be reset");
        assert!(!a.can_undo());
        assert!(a.update(Msg::Undo).dirty.is_empty(), "nothing to undo");
        let up = a.update(Msg::ResetProgress);
        assert!(up.dirty.has(Dirty::RESET) && up.dirty.has(Dirty::UNDO));
        assert!(a.can_undo());
        assert_eq!((a.study.mark(0), a.best), (Mark::Unseen, None));
        // A message that changes nothing leaves the offer standing.
        assert!(a.update(Msg::Mark(Mark::Known)).dirty.is_empty());
        assert!(a.can_undo());
        let up = a.update(Msg::Undo);
        assert!(up.dirty.has(Dirty::SAVE) && up.dirty.has(Dirty::UNDO) && up.dirty.has(Dirty::STUDY));
        assert!(!a.can_undo());
        assert_eq!((a.study.mark(0), a.study.current(), a.best), (Mark::Known, Some(1), Some((2, 3))));
        assert!(a.quiz.current_answer().is_some(), "the quiz round comes back too");
        assert!(a.update(Msg::Undo).dirty.is_empty(), "undone once only");
        // A restart's undo brings the marks back and keeps the quiz as it is.
        a.update(Msg::Restart);
        assert!(a.update(Msg::Undo).dirty.has(Dirty::UNDO));
        assert_eq!(a.study.mark(0), Mark::Known);
        assert!(a.quiz.current_answer().is_some(), "a restart leaves the quiz round alone");
        // Restart too; the next action (a turn) ends the offer.
        a.update(Msg::Restart);
        assert!(a.can_undo());
        let up = a.update(Msg::Turn);
        assert!(up.dirty.has(Dirty::UNDO), "the offer goes away");
        assert!(!a.can_undo());
        assert!(a.update(Msg::Undo).dirty.is_empty());
        assert_eq!(a.study.mark(0), Mark::Unseen);
    }

    #[test]
    fn after_completion_the_still_learning_pile_can_be_reviewed() {
        let mut a = app(2, Modes::Both);
        for mark in [Mark::Learning, Mark::Known, Mark::Known] {
            a.update(Msg::Turn);
            a.update(Msg::Mark(mark));
        }
        assert!(a.study.is_complete());
        assert_eq!(a.study.learning_count(), 1);
        let up = a.update(Msg::ReviewLearning);
        assert!(up.dirty.has(Dirty::CARD) && up.dirty.has(Dirty::ROUND) && up.dirty.has(Dirty::SAVE));
        assert_eq!((a.study.order(), a.study.progress()), (&[0][..], (1, 2)));
        assert!(!up.dirty.has(Dirty::UNDO));
    }

    #[test]
    fn the_best_score_only_improves() {
        let mut a = app(3, Modes::Quiz);
        a.record_best(1, 3);
        a.record_best(0, 3);
        assert_eq!(a.best, Some((1, 3)));
        a.record_best(3, 3);
        assert_eq!(a.best, Some((3, 3)));
    }

    /// Answers every question of the round: right where `right` says so,
    /// else with another option. Returns the last update.
    fn play_round(a: &mut App, right: &[bool]) -> Update {
        let mut last = Update::default();
        for &r in right {
            let Some(Question { prompt: Prompt::Choice { options, correct }, .. }) = a.quiz.question(&a.deck).cloned()
            else {
                panic!("a multiple-choice question");
            };
            let pick = if r { correct } else { (correct + 1) % options.len() };
            assert!(matches!(a.update(Msg::Choose(pick)).event, Some(Event::Answer { correct, .. }) if correct == r));
            assert!(a.update(Msg::Choose(correct)).dirty.is_empty(), "a second answer is ignored");
            last = a.update(Msg::NextQuestion);
        }
        last
    }

    #[test]
    fn a_saved_best_of_no_questions_does_not_block_a_perfect_round() {
        // Saved by an older build: a best of 0/0, which no round could beat.
        let saved = "fc2|1|0|---|0/0||rrr";
        let mut a = app(3, Modes::Quiz);
        if let Some(p) = Progress::decode(saved, 3) {
            a.restore(&p);
        }
        play_round(&mut a, &[true, true, true]);
        assert_eq!(a.best, Some((3, 3)));
        // Restored directly, without the decoder's checks, it is still beaten.
        let mut b = app(3, Modes::Quiz);
        b.restore(&Progress { best: Some((0, 0)), ..b.progress() });
        play_round(&mut b, &[true, true, true]);
        assert_eq!(b.best, Some((3, 3)));
    }

    /// A fresh app over the same deck and settings as `a`, with `a`'s
    /// progress restored through its text record, as a reload does.
    fn reloaded(a: &App) -> App {
        let text = a.progress().encode();
        let saved = Progress::decode(&text, a.deck.facts.len()).expect("the record decodes");
        let mut b = App::new(a.deck.clone(), a.settings.clone());
        b.restore(&saved);
        b
    }

    /// What a reader sees of the quiz: round, position, score, length, and
    /// each answer's fact, text and verdict.
    type QuizState = (u32, usize, usize, usize, Vec<(usize, String, bool)>);

    fn quiz_state(a: &App) -> QuizState {
        let answers = a.quiz.answers().iter().map(|x| (x.fact, x.given.clone(), x.correct)).collect();
        (a.quiz.round(), a.quiz.position(), a.quiz.score(), a.quiz.len(), answers)
    }

    #[test]
    fn the_still_learning_pile_survives_a_reload() {
        let mut a = app(3, Modes::Both);
        // Card 0 still learning, then every card known.
        for mark in [Mark::Learning, Mark::Known, Mark::Known, Mark::Known] {
            a.update(Msg::Turn);
            a.update(Msg::Mark(mark));
        }
        assert_eq!((a.study.progress(), a.study.learning_count()), ((3, 3), 1));
        let mut b = reloaded(&a);
        assert_eq!((b.study.progress(), b.study.learning_count()), ((3, 3), 1), "all known, a pile of one");
        assert!(b.update(Msg::ReviewLearning).dirty.has(Dirty::SAVE));
        assert_eq!(b.study.current(), Some(0), "a round of just that card");
        // Reviewed: no pile is left, and none comes back on the next reload.
        b.update(Msg::Turn);
        b.update(Msg::Mark(Mark::Known));
        assert_eq!(reloaded(&b).study.learning_count(), 0);
    }

    #[test]
    fn a_quiz_in_progress_resumes_at_its_question_with_its_score() {
        let mut a = app(6, Modes::Both);
        a.update(Msg::Show(Mode::Quiz));
        play_round(&mut a, &[true, false]);
        let b = reloaded(&a);
        assert_eq!(quiz_state(&b), quiz_state(&a));
        assert_eq!((b.quiz.position(), b.quiz.score(), b.mode()), (2, 1, Mode::Quiz));
        assert_eq!(b.quiz.current_question(), a.quiz.current_question(), "the same third question, made");
        // Answered but not moved on: the feedback shows again.
        let Some(Question { prompt: Prompt::Choice { correct, .. }, .. }) = a.quiz.current_question().cloned() else {
            panic!("a choice question");
        };
        a.update(Msg::Choose(correct));
        let mut c = reloaded(&a);
        assert_eq!(quiz_state(&c), quiz_state(&a));
        assert!(c.quiz.current_answer().is_some_and(|x| x.correct));
        assert!(c.update(Msg::NextQuestion).dirty.has(Dirty::SAVE));
        assert_eq!(c.quiz.position(), 3);
    }

    #[test]
    fn a_finished_round_resumes_at_its_summary_and_retries_from_there() {
        let mut a = app(6, Modes::Quiz);
        play_round(&mut a, &[true, false, false]);
        let mut b = reloaded(&a);
        assert!(b.quiz.is_finished());
        assert_eq!(quiz_state(&b), quiz_state(&a));
        // Retry mistakes, one answered: that round comes back too.
        assert!(a.update(Msg::RetryMistakes).dirty.has(Dirty::SAVE));
        assert!(b.update(Msg::RetryMistakes).dirty.has(Dirty::SAVE));
        assert_eq!(b.quiz.facts(), a.quiz.facts(), "the same retry, by the seed");
        play_round(&mut a, &[true]);
        let mut c = reloaded(&a);
        assert_eq!(quiz_state(&c), quiz_state(&a));
        assert_eq!((c.quiz.round(), c.quiz.position(), c.quiz.len()), (2, 1, 2));
        assert_eq!(c.quiz.current_question(), a.quiz.current_question());
        let last = play_round(&mut c, &[true]);
        assert_eq!(last.event, Some(Event::Complete { score: 2, total: 2 }));
    }

    #[test]
    fn typed_answers_resume_judged_again() {
        let settings = Settings { modes: Modes::Quiz, seed: 5, questions: Some(3), answer: AnswerMode::Typed };
        let mut a = App::new(deck(4), settings);
        let fact = a.quiz.current_question().map(|q| q.fact).expect("a question");
        a.update(Msg::Submit(format!("Persno {fact}")));
        a.update(Msg::NextQuestion);
        a.update(Msg::Submit("nobody, really; 100% | no".into()));
        let b = reloaded(&a);
        assert_eq!(quiz_state(&b), quiz_state(&a));
        assert!(b.quiz.answers().first().is_some_and(|x| x.near && x.correct), "the near miss is near again");
        assert_eq!(b.quiz.score(), 1);
        // A blank typed answer, which no reader can give, is not taken.
        let mut saved = a.progress();
        if let Some(q) = saved.quiz.as_mut() {
            q.answers = vec![Given::Typed(" ".into())];
            q.position = 1;
        }
        let mut c = App::new(a.deck.clone(), a.settings.clone());
        c.restore(&saved);
        assert_eq!((c.quiz.position(), c.quiz.score()), (0, 0));
    }

    #[test]
    fn a_pick_is_not_replayed_onto_options_that_changed() {
        let with = |names: [&str; 3]| {
            let mut d = deck(4);
            for f in &mut d.facts {
                f.distractors = names.iter().map(|n| n.to_string()).collect();
            }
            d
        };
        let settings = Settings { modes: Modes::Both, seed: 5, questions: Some(3), answer: AnswerMode::Choice };
        let mut a = App::new(with(["Carol", "Dave", "Erin"]), settings.clone());
        a.update(Msg::Turn);
        a.update(Msg::Mark(Mark::Known));
        play_round(&mut a, &[false, true]);
        let saved = Progress::decode(&a.progress().encode(), 4).expect("the record decodes");
        let restored = |deck: Deck| {
            let mut b = App::new(deck, settings.clone());
            b.restore(&saved);
            b
        };
        assert_eq!(quiz_state(&restored(a.deck.clone())), quiz_state(&a), "the same deck replays the picks");
        // Other distractors keep the deck's key (the cards are the same), so
        // the study comes back; the picks would land on other options.
        let changed = with(["Frank", "Grace", "Heidi"]);
        assert_eq!(storage_key(&changed), storage_key(&a.deck));
        let b = restored(changed);
        assert_eq!((b.quiz.round(), b.quiz.position(), b.quiz.answers().len()), (1, 0, 0));
        assert_eq!(b.study.mark(0), Mark::Known, "the study is restored");
    }

    #[test]
    fn a_quiz_record_that_does_not_fit_is_left_out_and_the_rest_restored() {
        let mut a = app(6, Modes::Both);
        a.update(Msg::Turn);
        a.update(Msg::Mark(Mark::Known));
        play_round(&mut a, &[true, false]);
        let saved = a.progress();
        let fresh = |settings: Settings| {
            let mut b = App::new(a.deck.clone(), settings);
            b.restore(&saved);
            b
        };
        let others = [
            Settings { seed: 6, ..a.settings.clone() },
            Settings { questions: Some(4), ..a.settings.clone() },
            Settings { answer: AnswerMode::Typed, ..a.settings.clone() },
        ];
        for settings in others {
            let b = fresh(settings.clone());
            assert_eq!((b.quiz.round(), b.quiz.position(), b.quiz.score()), (1, 0, 0), "{settings:?}");
            assert!(b.quiz.current_question().is_some(), "a first question to show");
            assert_eq!(b.study.mark(0), Mark::Known, "the study is restored");
        }
        // Hand-made records: an option the question lacks, text for a
        // choice, a retry of a fact the quiz never asked, a wrong position.
        let Some(q) = saved.quiz.clone() else { panic!("a quiz record") };
        let outside = (0..6).find(|f| !q.facts.contains(f)).expect("a fact not asked");
        for bad in [
            QuizRecord { answers: vec![Given::Choice(9, None)], position: 1, ..q.clone() },
            QuizRecord { answers: vec![Given::Typed("x".into())], position: 1, ..q.clone() },
            QuizRecord { round: 2, facts: vec![outside], answers: vec![], position: 0, ..q.clone() },
            QuizRecord { position: 3, ..q.clone() },
            QuizRecord { position: 0, ..q.clone() },
            QuizRecord { round: 0, ..q.clone() },
            QuizRecord { round: 2, facts: vec![q.facts[0], q.facts[0]], answers: vec![], position: 0, ..q.clone() },
        ] {
            let mut b = app(6, Modes::Both);
            b.restore(&Progress { quiz: Some(bad.clone()), ..saved.clone() });
            assert_eq!((b.quiz.round(), b.quiz.position(), b.quiz.score()), (1, 0, 0), "{bad:?}");
        }
        // Cards only: the quiz view is not restored.
        let mut c = app(6, Modes::Cards);
        c.restore(&Progress { quiz_view: true, ..saved.clone() });
        assert_eq!(c.mode(), Mode::Cards);
    }

    #[test]
    fn a_quiz_not_started_is_not_recorded() {
        let mut a = app(6, Modes::Both);
        assert_eq!(a.progress().quiz, None);
        a.update(Msg::Show(Mode::Quiz));
        assert!(a.progress().quiz_view && a.progress().quiz.is_none());
        play_round(&mut a, &[true]);
        assert!(a.progress().quiz.is_some());
    }

    #[test]
    fn every_question_is_made_before_a_view_reads_it() {
        let mut a = app(6, Modes::Quiz);
        for _ in 0..3 {
            let q = a.quiz.current_question().expect("the current question is made");
            assert!(matches!(q.prompt, Prompt::Choice { .. }));
            a.update(Msg::Choose(0));
            a.update(Msg::NextQuestion);
        }
        assert!(a.quiz.is_finished() && a.quiz.current_question().is_none());
        a.update(Msg::RetryAll);
        assert!(a.quiz.current_question().is_some(), "a retry round's first question too");
    }

    #[test]
    fn an_out_of_range_topic_shows_every_card() {
        let mut a = app(4, Modes::Both);
        a.update(Msg::Filter(Some(1)));
        assert_eq!(a.study.order(), &[1, 3]);
        a.update(Msg::Filter(Some(9)));
        assert_eq!(a.study.order(), &[0, 1, 2, 3]);
    }
}
