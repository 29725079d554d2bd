//! The quiz engine: which facts are asked, their wrong options, judging,
//! scoring and retry rounds.
//!
//! A question is multiple choice unless the options say [`AnswerMode::Typed`].
//! Wrong options come, in this order, from the fact's own authored
//! `distractors`, then the backs of other facts of the same kind (same topic
//! first), then the authored distractors of other facts of the same kind,
//! then for numbers, money and dates from [`variants::generate`]. None of them
//! is the same answer ([`AnswerKey::same`]) as the right answer, an `accept`
//! entry or another option: the validator refuses authored distractors by the
//! same test, so every distractor it lets through can be offered.
//!
//! Every choice question of a quiz has the same number of options: 4 when
//! every fact can get 3 wrong options, else 3. A fact that cannot get 2
//! ([`MIN_WRONG`]) is left out of a choice quiz ([`wrong_option_counts`]
//! says which); only when no fact can get them is the quiz typed throughout.
//!
//! Everything is fixed by the seed, and questions are made lazily: making the
//! quiz costs O(facts), making one question O(facts of its kind).

use super::deck::{Deck, Fact, Kind};
use super::progress::{Given, QuizRecord};
use super::rng::{derive_seed, Rng};
use super::text::{is_blank, judge_answer, match_form, AnswerKey, Verdict};
use super::variants;

/// Most options a multiple-choice question offers, the right one included.
pub const MAX_OPTIONS: usize = 4;
/// Fewest wrong options a multiple-choice question offers.
pub const MIN_WRONG: usize = 2;
/// Facts of one kind sampled (with pairwise different backs, and apart with
/// different distractors) to count the wrong options a fact can get.
const SAMPLE: usize = 12;
/// Questions in a round when the options do not say.
pub const DEFAULT_QUESTIONS: usize = 10;

/// How a finished round went, for the summary's one-line message.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Band {
    /// Every answer right.
    Perfect,
    /// At least 70% right.
    High,
    /// At least 40% right.
    Middle,
    /// Fewer.
    Low,
}

impl Band {
    /// The band of `score` right out of `total` (a round of no question is
    /// perfect: nothing was missed).
    pub fn of(score: usize, total: usize) -> Band {
        if score >= total {
            Band::Perfect
        } else if score * 10 >= total * 7 {
            Band::High
        } else if score * 10 >= total * 4 {
            Band::Middle
        } else {
            Band::Low
        }
    }
}

/// How questions are answered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum AnswerMode {
    /// Pick one of up to [`MAX_OPTIONS`] options.
    #[default]
    Choice,
    /// Type the answer.
    Typed,
}

/// How a quiz is made.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuizOptions {
    /// Seed of every random choice; the same seed makes the same quiz.
    pub seed: u64,
    /// Questions per round; `None` (or 0) for [`DEFAULT_QUESTIONS`]. Never
    /// more than the deck has facts.
    pub questions: Option<usize>,
    /// How questions are answered.
    pub answer: AnswerMode,
}

impl Default for QuizOptions {
    fn default() -> Self {
        QuizOptions { seed: 1, questions: None, answer: AnswerMode::Choice }
    }
}

/// How one question is put.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Prompt {
    /// Pick one of `options`; `options[correct]` is the fact's back.
    Choice {
        /// 3 or [`MAX_OPTIONS`] options, the same number in every question
        /// of the quiz, shuffled.
        options: Vec<String>,
        /// Index of the right option.
        correct: usize,
    },
    /// Type the answer.
    Typed,
}

/// One question: the front of fact `fact`, and how to answer it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Question {
    /// Index of the fact in `deck.facts`; its front is the question.
    pub fact: usize,
    /// How it is answered.
    pub prompt: Prompt,
}

/// An answer given to one question.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Answer {
    /// Index of the fact in `deck.facts`.
    pub fact: usize,
    /// What was answered: the option's text, or the typed text.
    pub given: String,
    /// The right answer, the fact's back.
    pub expected: String,
    /// Whether it was right (a near miss counts as right).
    pub correct: bool,
    /// Whether a typed answer was right only as a near miss (see
    /// [`judge_answer`]), so the feedback can show the right spelling.
    pub near: bool,
    /// Index of the option picked, for multiple choice.
    pub choice: Option<usize>,
}

/// A quiz: rounds of questions over facts of one deck.
///
/// The quiz keeps fact indices, not the deck, so the methods that change it
/// take the deck. [`App`](super::app::App) owns the quiz beside its deck and
/// is the one caller of those: it passes its own deck every time and makes
/// each question before a view reads it. A different deck never panics, but
/// questions about facts it lacks are typed and never right.
#[derive(Debug, Clone)]
pub struct Quiz {
    seed: u64,
    mode: AnswerMode,
    /// Wrong options per choice question.
    wrong: usize,
    round: u32,
    /// Facts of the first round, in its order.
    first: Vec<usize>,
    /// Facts of this round, in order.
    order: Vec<usize>,
    /// This round's questions, made on first access.
    questions: Vec<Option<Question>>,
    /// This round's answers; one per question up to `pos`, plus the current.
    answers: Vec<Answer>,
    pos: usize,
    /// Fact indices per kind (in [`Kind::ALL`] order), built on first need.
    by_kind: Vec<Vec<usize>>,
    /// Number of facts `by_kind` was built from.
    indexed: usize,
}

impl Quiz {
    /// A quiz over `deck`: picks `opts.questions` facts (default 10, at most
    /// all that can be asked) by the seed, in a seeded order. In a choice
    /// quiz, facts that cannot get [`MIN_WRONG`] wrong options are left out.
    /// Makes no question yet.
    pub fn new(deck: &Deck, opts: &QuizOptions) -> Quiz {
        let mut mode = opts.answer;
        let mut wrong = MAX_OPTIONS - 1;
        let mut pool = Vec::with_capacity(deck.facts.len());
        for i in 0..deck.facts.len() {
            pool.push(i);
        }
        if mode == AnswerMode::Choice {
            let counts = wrong_option_counts(deck);
            let fit = keep(&pool, &|i| counts.get(i).is_some_and(|&c| c >= MIN_WRONG));
            if fit.is_empty() {
                // Nothing can be multiple choice: ask everything typed.
                mode = AnswerMode::Typed;
            } else {
                // As many as the fewest of them allow (a plain loop).
                for &i in &fit {
                    wrong = wrong.min(counts.get(i).copied().unwrap_or(wrong));
                }
                pool = fit;
            }
        }
        let n = pool.len();
        let len = opts.questions.filter(|&q| q > 0).unwrap_or(DEFAULT_QUESTIONS).min(n);
        let mut rng = Rng::new(opts.seed);
        // A partial Fisher–Yates: the first `len` places get a random sample.
        for i in 0..len {
            let j = i + rng.below(n - i);
            // `pool.swap(i, j)` without its panic path.
            if let Some([first, .., last]) = pool.get_mut(i..=j) {
                std::mem::swap(first, last);
            }
        }
        pool.truncate(len);
        Quiz::at_start(opts.seed, mode, wrong, pool)
    }

    /// A quiz at the start of round 1, over `first` (the questions' facts, in
    /// order).
    fn at_start(seed: u64, mode: AnswerMode, wrong: usize, first: Vec<usize>) -> Quiz {
        let mut quiz = Quiz {
            seed,
            mode,
            wrong,
            round: 0,
            first: first.clone(),
            order: Vec::new(),
            questions: Vec::new(),
            answers: Vec::new(),
            pos: 0,
            by_kind: Vec::new(),
            indexed: 0,
        };
        quiz.start(first, false);
        quiz
    }

    /// Starts the next round over `facts`, reshuffled unless it is round 1.
    fn start(&mut self, mut facts: Vec<usize>, shuffle: bool) {
        self.round = self.round.saturating_add(1);
        if shuffle {
            Rng::new(derive_seed(self.seed, u64::from(self.round))).shuffle(&mut facts);
        }
        // Pushed, not `vec![None; n]`, which would bring `Question`'s clone.
        self.questions.clear();
        for _ in 0..facts.len() {
            self.questions.push(None);
        }
        self.order = facts;
        self.answers.clear();
        self.pos = 0;
    }

    /// Number of questions this round.
    pub fn len(&self) -> usize {
        self.order.len()
    }

    /// Whether this round asks every question of the first round, not only
    /// the mistakes of an earlier one: only such a round makes a best score.
    pub fn is_full_round(&self) -> bool {
        self.order.len() == self.first.len()
    }

    /// True when this round has no question (only for a deck with no facts).
    pub fn is_empty(&self) -> bool {
        self.order.is_empty()
    }

    /// 0-based index of the current question; [`Quiz::len`] when finished.
    pub fn position(&self) -> usize {
        self.pos
    }

    /// The round: 1 for the first, then one more for each retry.
    pub fn round(&self) -> u32 {
        self.round
    }

    /// How questions are answered.
    pub fn mode(&self) -> AnswerMode {
        self.mode
    }

    /// The facts asked this round, in order (indices into `deck.facts`).
    pub fn facts(&self) -> &[usize] {
        &self.order
    }

    /// The current question, made on first access and then kept; `None` when
    /// the round is finished.
    pub fn question(&mut self, deck: &Deck) -> Option<&Question> {
        let fact = *self.order.get(self.pos)?;
        if self.questions.get(self.pos)?.is_none() {
            let q = self.make(deck, fact);
            if let Some(slot) = self.questions.get_mut(self.pos) {
                *slot = Some(q);
            }
        }
        self.current_question()
    }

    /// The current question if it has been made already (by
    /// [`Quiz::question`]); never makes one.
    pub fn current_question(&self) -> Option<&Question> {
        self.questions.get(self.pos)?.as_ref()
    }

    /// Picks option `option` of the current multiple-choice question. `None`
    /// when it is already answered, the round is finished, `option` is out of
    /// range or the question is typed.
    pub fn answer_choice(&mut self, deck: &Deck, option: usize) -> Option<&Answer> {
        if self.current_answer().is_some() {
            return None;
        }
        let q = self.question(deck)?;
        let Prompt::Choice { options, correct } = &q.prompt else {
            return None;
        };
        let given = options.get(option)?.clone();
        let (fact, right) = (q.fact, option == *correct);
        self.record(deck, fact, given, right, Some(option))
    }

    /// Answers the current typed question with `text`, judged against the
    /// back and every `accept` entry with [`judge_answer`]: a near miss counts
    /// as right, except for numbers, money and dates, which must be exact,
    /// and except when `text` is one of the fact's distractors or another
    /// fact's answer ("Iceland" is one letter from "Ireland", and wrong).
    /// `None`, and nothing counted, when `text` is blank, the question is
    /// already answered, the round is finished or the question is multiple
    /// choice.
    pub fn answer_typed(&mut self, deck: &Deck, text: &str) -> Option<&Answer> {
        if self.current_answer().is_some() || is_blank(text) {
            return None;
        }
        let q = self.question(deck)?;
        if q.prompt != Prompt::Typed {
            return None;
        }
        let fact = q.fact;
        let verdict = deck.facts.get(fact).map_or(Verdict::Wrong, |f| {
            let fuzzy = !matches!(f.kind, Kind::Number | Kind::Money | Kind::Date);
            let mut best = Verdict::Wrong;
            for right in std::iter::once(&f.back).chain(&f.accept) {
                match judge_answer(text, right, fuzzy) {
                    Verdict::Exact => return Verdict::Exact,
                    Verdict::Near => best = Verdict::Near,
                    Verdict::Wrong => {}
                }
            }
            let said = match_form(text);
            for d in f.distractors.iter().chain(deck.facts.iter().map(|g| &g.back)) {
                if match_form(d) == said {
                    best = Verdict::Wrong;
                }
            }
            best
        });
        let near = verdict == Verdict::Near;
        self.record(deck, fact, text.trim().to_string(), verdict != Verdict::Wrong, None)?;
        if let Some(a) = self.answers.last_mut() {
            a.near = near;
        }
        self.answers.last()
    }

    fn record(
        &mut self,
        deck: &Deck,
        fact: usize,
        given: String,
        correct: bool,
        choice: Option<usize>,
    ) -> Option<&Answer> {
        let expected = deck.facts.get(fact).map(|f| f.back.clone()).unwrap_or_default();
        self.answers.push(Answer { fact, given, expected, correct, near: false, choice });
        self.answers.last()
    }

    /// The answer to the current question, once given.
    pub fn current_answer(&self) -> Option<&Answer> {
        self.answers.get(self.pos)
    }

    /// Moves on after the current question is answered; past the last one
    /// the round is finished. Returns false, and does nothing, when the
    /// current question is unanswered or the round is finished.
    #[allow(clippy::should_implement_trait)] // the name the view codes against
    pub fn next(&mut self) -> bool {
        if self.pos < self.order.len() && self.answers.len() > self.pos {
            self.pos += 1;
            true
        } else {
            false
        }
    }

    /// True when every question of this round has been answered and passed.
    pub fn is_finished(&self) -> bool {
        self.pos >= self.order.len()
    }

    /// Right answers so far this round.
    pub fn score(&self) -> usize {
        self.answers.iter().filter(|a| a.correct).count()
    }

    /// This round's answers, in question order, for the summary.
    pub fn answers(&self) -> &[Answer] {
        &self.answers
    }

    /// Starts a new round over the facts answered wrong this round, in a new
    /// order. Returns false, and changes nothing, when none was.
    pub fn retry_mistakes(&mut self, deck: &Deck) -> bool {
        let n = deck.facts.len();
        let mut wrong = Vec::new();
        for a in &self.answers {
            if !a.correct && a.fact < n {
                wrong.push(a.fact);
            }
        }
        if wrong.is_empty() {
            return false;
        }
        self.start(wrong, true);
        true
    }

    /// Starts a new round over the first round's facts, in a new order.
    pub fn retry_all(&mut self, deck: &Deck) {
        let n = deck.facts.len();
        let facts = keep(&self.first, &|f| f < n);
        self.start(facts, true);
    }

    /// The round to remember: `None` while nothing is asked or answered
    /// yet (round 1, no answer), when a reload would start the same anyway.
    pub fn saved(&self) -> Option<QuizRecord> {
        if self.round <= 1 && self.answers.is_empty() {
            return None;
        }
        let mut answers = Vec::with_capacity(self.answers.len());
        for a in &self.answers {
            answers.push(match a.choice {
                Some(i) => Given::Choice(i, Some(a.given.clone())),
                None => Given::Typed(a.given.clone()),
            });
        }
        Some(QuizRecord { seed: self.seed, round: self.round, position: self.pos, facts: self.order.clone(), answers })
    }

    /// Rebuilds the round `saved` describes, answering its questions again
    /// as the reader did: the same seed, round and facts make the same
    /// questions, and each answer is judged anew. For a quiz just made (as
    /// [`App::restore`](super::app::App::restore) calls it). Returns false,
    /// with the quiz back at the start of round 1, when the record does not
    /// fit this quiz: another seed, a first round of other facts, a retry of
    /// facts the quiz does not ask (or one twice), an option whose text is
    /// no longer that option's (the deck's distractors changed), an option
    /// or a typed answer where the question is not of that sort, a position
    /// that is not the answers' count or one less.
    pub fn resume(&mut self, deck: &Deck, saved: &QuizRecord) -> bool {
        let facts = &saved.facts;
        let fits = saved.seed == self.seed
            && saved.round > 0
            && !facts.is_empty()
            && if saved.round == 1 {
                *facts == self.first
            } else {
                facts.iter().enumerate().all(|(i, f)| self.first.contains(f) && !facts[..i].contains(f))
            };
        if fits {
            self.round = saved.round - 1;
            self.start(facts.clone(), false);
            let replayed = saved.answers.iter().enumerate().all(|(i, given)| {
                let answered = match given {
                    // The option picked, if its text is still that option's.
                    Given::Choice(option, text) => {
                        self.answer_choice(deck, *option).is_some_and(|a| text.as_ref().is_none_or(|t| a.given == *t))
                    }
                    Given::Typed(text) => self.answer_typed(deck, text).is_some(),
                };
                // Question `i` was passed when the position is beyond it.
                answered && (i >= saved.position || self.next())
            });
            if replayed && self.pos == saved.position {
                return true;
            }
        }
        self.restart();
        false
    }

    /// Back to the start of round 1, as the quiz was made.
    pub fn restart(&mut self) {
        self.round = 0;
        self.start(self.first.clone(), false);
    }

    /// A new quiz at the start of round 1 of this one, as it was made: what
    /// [`Quiz::restart`] gives, without copying this round's questions and
    /// answers.
    pub fn restarted(&self) -> Quiz {
        Quiz::at_start(self.seed, self.mode, self.wrong, self.first.clone())
    }

    /// Makes the question about fact `fact` for this round.
    fn make(&mut self, deck: &Deck, fact: usize) -> Question {
        let typed = Question { fact, prompt: Prompt::Typed };
        let Some(f) = deck.facts.get(fact) else {
            return typed;
        };
        if self.mode == AnswerMode::Typed {
            return typed;
        }
        if self.indexed != deck.facts.len() || self.by_kind.is_empty() {
            self.by_kind.clear();
            for _ in Kind::ALL {
                self.by_kind.push(Vec::new());
            }
            for (i, g) in deck.facts.iter().enumerate() {
                if let Some(list) = self.by_kind.get_mut(g.kind as usize) {
                    list.push(i);
                }
            }
            self.indexed = deck.facts.len();
        }
        let mut rng = Rng::new(derive_seed(derive_seed(self.seed, u64::from(self.round)), fact as u64));
        let same_kind = self.by_kind.get(f.kind as usize).map_or(&[][..], Vec::as_slice);
        let mut options = wrong_options(deck, fact, f, same_kind, self.wrong, &mut rng);
        if options.len() < self.wrong {
            // The random draw can block itself (an option equal to two others
            // in different ways); the fixed order that counted them cannot.
            let samples = kind_samples(deck);
            options = counted_options(deck, fact, f, samples.get(f.kind as usize), self.wrong);
        }
        if options.len() < MIN_WRONG.min(self.wrong) || options.is_empty() {
            return typed;
        }
        rng.shuffle(&mut options);
        let correct = rng.below(options.len() + 1);
        insert(&mut options, correct, f.back.clone());
        Question { fact, prompt: Prompt::Choice { options, correct } }
    }
}

/// `list.insert(at, item)` (`at` at most the length) as a push and swaps
/// down to `at`: no `Vec::insert`, nor its panic path, for this one use.
fn insert(list: &mut Vec<String>, at: usize, item: String) {
    list.push(item);
    for k in (at..list.len() - 1).rev() {
        if let Some([a, b]) = list.get_mut(k..k + 2) {
            std::mem::swap(a, b);
        }
    }
}

/// The entries of `list` for which `test` holds, in order. One loop behind a
/// `dyn` test, so that the wasm carries one copy, not one per caller.
fn keep(list: &[usize], test: &dyn Fn(usize) -> bool) -> Vec<usize> {
    let mut out = Vec::new();
    for &i in list {
        if test(i) {
            out.push(i);
        }
    }
    out
}

/// Up to `limit` wrong options for fact `f` (index `fact`), drawn at random
/// within each source, the sources in order of preference; `same_kind` lists
/// the facts of its kind.
fn wrong_options(deck: &Deck, fact: usize, f: &Fact, same_kind: &[usize], limit: usize, rng: &mut Rng) -> Vec<String> {
    let mut picker = Picker::new(f, limit);
    // One pool, filled by plain loops: each source in its order.
    let mut pool: Vec<&str> = Vec::new();
    for d in &f.distractors {
        pool.push(d);
    }
    picker.draw(&mut pool, rng);
    // The other facts of its kind, by plain loops (no iterator adapters).
    let other = |i: usize| deck.facts.get(i).filter(|_| i != fact);
    for same_topic in [true, false] {
        for &i in same_kind {
            if let Some(g) = other(i).filter(|g| (g.topic == f.topic) == same_topic) {
                pool.push(&g.back);
            }
        }
        picker.draw(&mut pool, rng);
    }
    if !picker.full() {
        for &i in same_kind {
            for d in other(i).map_or(&[][..], |g| &g.distractors) {
                pool.push(d);
            }
        }
        picker.draw(&mut pool, rng);
    }
    picker.vary(f);
    picker.wrong
}

/// Up to `limit` wrong options for fact `f` (index `fact`), in a fixed order:
/// its distractors, the sampled backs and distractors of its kind, variants.
fn counted_options(deck: &Deck, fact: usize, f: &Fact, sample: Option<&KindSample>, limit: usize) -> Vec<String> {
    let mut picker = Picker::new(f, limit);
    for d in &f.distractors {
        picker.offer(d);
    }
    if let Some(sample) = sample {
        for (i, key) in &sample.backs {
            if let (true, Some(g)) = (*i != fact, deck.facts.get(*i)) {
                picker.offer_keyed(&g.back, key);
            }
        }
        for (i, text, key) in &sample.distractors {
            if *i != fact {
                picker.offer_keyed(text, key);
            }
        }
    }
    picker.vary(f);
    picker.wrong
}

/// Facts of one kind with pairwise different backs, and distractors of that
/// kind that differ from each other, each at most [`SAMPLE`], with their keys.
#[derive(Default)]
struct KindSample<'a> {
    backs: Vec<(usize, AnswerKey)>,
    distractors: Vec<(usize, &'a str, AnswerKey)>,
}

/// A [`KindSample`] per kind, in [`Kind::ALL`] order, in one pass.
fn kind_samples(deck: &Deck) -> Vec<KindSample<'_>> {
    let mut samples: Vec<KindSample> = Vec::with_capacity(Kind::ALL.len());
    for _ in Kind::ALL {
        samples.push(KindSample::default());
    }
    for (i, f) in deck.facts.iter().enumerate() {
        let Some(s) = samples.get_mut(f.kind as usize) else { continue };
        if s.backs.len() < SAMPLE {
            let key = AnswerKey::new(&f.back);
            if !s.backs.iter().any(|(_, k)| k.same(&key)) {
                s.backs.push((i, key));
            }
        }
        for d in &f.distractors {
            if s.distractors.len() >= SAMPLE {
                break;
            }
            let key = AnswerKey::new(d);
            if !s.distractors.iter().any(|(_, _, k)| k.same(&key)) {
                s.distractors.push((i, d, key));
            }
        }
    }
    samples
}

/// How many wrong options (at most [`MAX_OPTIONS`] − 1) each fact of `deck`
/// can get, by index. A choice quiz leaves out the facts under [`MIN_WRONG`]
/// and offers as many options as the fewest of the others allow. O(facts).
pub fn wrong_option_counts(deck: &Deck) -> Vec<usize> {
    let samples = kind_samples(deck);
    let mut counts = Vec::with_capacity(deck.facts.len());
    for (i, f) in deck.facts.iter().enumerate() {
        counts.push(counted_options(deck, i, f, samples.get(f.kind as usize), MAX_OPTIONS - 1).len());
    }
    counts
}

/// Collects wrong options, refusing any that matches a right answer or an
/// option already taken.
struct Picker {
    /// The keys of the right answers and of the options.
    taken: Vec<AnswerKey>,
    wrong: Vec<String>,
    limit: usize,
}

impl Picker {
    /// A picker of up to `limit` wrong options for `f`.
    fn new(f: &Fact, limit: usize) -> Picker {
        let mut taken = Vec::with_capacity(1 + f.accept.len());
        taken.push(AnswerKey::new(&f.back));
        for r in &f.accept {
            taken.push(AnswerKey::new(r));
        }
        Picker { taken, wrong: Vec::new(), limit }
    }

    fn full(&self) -> bool {
        self.wrong.len() >= self.limit
    }

    /// Takes `text` as a wrong option if there is room and it is new.
    fn offer(&mut self, text: &str) {
        if !self.full() {
            self.offer_keyed(text, &AnswerKey::new(text));
        }
    }

    /// [`Picker::offer`] with the key of `text` already made.
    fn offer_keyed(&mut self, text: &str, key: &AnswerKey) {
        if self.full() || is_blank(text) {
            return;
        }
        if self.taken.iter().any(|t| t.same(key)) {
            return;
        }
        self.taken.push(key.clone());
        self.wrong.push(text.to_string());
    }

    /// Offers texts from `pool` in a random order until full or none is
    /// left; leaves `pool` empty.
    fn draw(&mut self, pool: &mut Vec<&str>, rng: &mut Rng) {
        while !self.full() {
            let Some(text) = rng.take(pool) else { break };
            self.offer(text);
        }
        pool.clear();
    }

    /// Offers the generated variants of a number, money or date back.
    fn vary(&mut self, f: &Fact) {
        if matches!(f.kind, Kind::Number | Kind::Money | Kind::Date) && !self.full() {
            for v in variants::generate(&f.back, f.kind) {
                self.offer(&v);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fact(front: &str, back: &str, kind: Kind) -> Fact {
        Fact { kind, ..Fact::new(front, front, back) }
    }

    fn deck(facts: Vec<Fact>) -> Deck {
        Deck::new("t", facts)
    }

    #[test]
    fn insert_puts_the_item_where_vec_insert_does() {
        for len in 0..5 {
            for at in 0..=len {
                let list: Vec<String> = (0..len).map(|i| i.to_string()).collect();
                let (mut mine, mut std) = (list.clone(), list);
                insert(&mut mine, at, "x".into());
                std.insert(at, "x".into());
                assert_eq!(mine, std, "{len} {at}");
            }
        }
    }

    #[test]
    fn score_bands_split_at_70_and_40_percent() {
        let bands: Vec<Band> = [10, 9, 7, 6, 4, 3, 0].iter().map(|&s| Band::of(s, 10)).collect();
        use Band::*;
        assert_eq!(bands, [Perfect, High, High, Middle, Middle, Low, Low]);
        assert_eq!((Band::of(2, 3), Band::of(1, 3), Band::of(0, 0)), (Middle, Low, Perfect));
    }

    #[test]
    fn lone_fact_without_number_is_typed() {
        let d = deck(vec![fact("Who?", "Charles Michel", Kind::Person)]);
        let mut q = Quiz::new(&d, &QuizOptions::default());
        assert_eq!(q.len(), 1);
        assert_eq!(q.question(&d).map(|q| q.prompt.clone()), Some(Prompt::Typed));
        assert!(q.answer_choice(&d, 0).is_none());
        assert!(q.answer_typed(&d, "charles  michel").is_some_and(|a| a.correct));
        assert!(q.next());
        assert!(q.is_finished());
        assert!(q.question(&d).is_none());
        assert!(!q.next());
    }

    #[test]
    fn empty_and_foreign_decks_do_not_panic() {
        let empty = deck(Vec::new());
        let mut q = Quiz::new(&empty, &QuizOptions::default());
        assert!(q.is_empty() && q.is_finished());
        assert!(q.question(&empty).is_none());
        assert!(!q.retry_mistakes(&empty));
        q.retry_all(&empty);
        let d = deck(vec![fact("a", "1", Kind::Number), fact("b", "2", Kind::Number)]);
        let mut q = Quiz::new(&d, &QuizOptions::default());
        assert_eq!(q.question(&empty).map(|q| q.prompt.clone()), Some(Prompt::Typed));
        assert!(q.answer_typed(&empty, "1").is_some_and(|a| !a.correct));
    }

    #[test]
    fn restarted_is_the_quiz_restart_gives() {
        let d = deck((1..=12).map(|n| fact(&format!("q{n}"), &(n * 7).to_string(), Kind::Number)).collect());
        let mut q = Quiz::new(&d, &QuizOptions { questions: Some(5), seed: 3, ..QuizOptions::default() });
        for _ in 0..5 {
            let _ = q.answer_choice(&d, 0);
            q.next();
        }
        q.retry_all(&d);
        assert_eq!(q.round(), 2);
        let _ = q.answer_choice(&d, 1);
        let mut fresh = q.restarted();
        q.restart();
        assert_eq!((fresh.round(), fresh.position(), fresh.facts(), fresh.mode()), (1, 0, q.facts(), q.mode()));
        assert!(fresh.answers().is_empty() && q.answers().is_empty());
        while !q.is_finished() {
            assert_eq!(fresh.question(&d).cloned(), q.question(&d).cloned());
            let _ = (fresh.answer_choice(&d, 2), q.answer_choice(&d, 2));
            assert_eq!(fresh.answers(), q.answers());
            assert!(fresh.next() && q.next());
        }
        assert!(fresh.is_finished());
    }
}
