//! The flip-card study state: which cards are in the round, where the reader
//! is, whether the card is turned, and which facts are known or still being
//! learned.
//!
//! Study goes in Leitner-style rounds. Round 1 holds every card of the current
//! topic filter. When the reader passes the last card of a round, the next
//! round holds the cards not yet marked known. When every card is known, the
//! study is complete until [`Study::study_again`].

use super::rng::{derive_seed, Rng};

/// How the reader has marked a fact.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Mark {
    /// Not marked yet.
    #[default]
    Unseen,
    /// "Got it".
    Known,
    /// "Still learning": comes round again next round.
    Learning,
}

/// Flip-card study state over a deck of `n` facts.
#[derive(Debug, Clone)]
pub struct Study {
    marks: Vec<Mark>,
    /// Facts marked "still learning" at least once since marks were last
    /// cleared (remembered with the marks: `Progress::hard`).
    hard: Vec<bool>,
    topics: Vec<Option<u32>>,
    filter: Option<u32>,
    order: Vec<usize>,
    pos: usize,
    turned: bool,
    round: u32,
    seed: u64,
    shuffles: u64,
    shuffled: bool,
}

impl Study {
    /// A fresh study over facts whose topic numbers are `topics` (one entry per
    /// fact; `None` for a fact without a topic). `seed` drives every shuffle.
    pub fn new(topics: Vec<Option<u32>>, seed: u64) -> Study {
        let (mut marks, mut hard) = (Vec::with_capacity(topics.len()), Vec::with_capacity(topics.len()));
        for _ in &topics {
            marks.push(Mark::Unseen);
            hard.push(false);
        }
        let mut study = Study {
            marks,
            hard,
            topics,
            filter: None,
            order: Vec::new(),
            pos: 0,
            turned: false,
            round: 1,
            seed,
            shuffles: 0,
            shuffled: false,
        };
        study.order = study.pick(&|_| true);
        study
    }

    /// The facts of the filter for which `keep` holds, in deck order. One
    /// loop behind a `dyn` test, so that the wasm carries one collect, not
    /// one per caller.
    fn pick(&self, keep: &dyn Fn(usize) -> bool) -> Vec<usize> {
        let mut out = Vec::new();
        for (i, t) in self.topics.iter().enumerate() {
            if (self.filter.is_none() || *t == self.filter) && keep(i) {
                out.push(i);
            }
        }
        out
    }

    /// The facts of the filter not yet known, in deck order.
    fn not_known(&self) -> Vec<usize> {
        self.pick(&|i| self.marks.get(i) != Some(&Mark::Known))
    }

    /// The facts of the filter marked "still learning" since marks were last
    /// cleared, in deck order.
    fn hard_ones(&self) -> Vec<usize> {
        self.pick(&|i| self.hard.get(i) == Some(&true))
    }

    /// Index of the fact on the current card, or `None` when study is complete.
    pub fn current(&self) -> Option<usize> {
        self.order.get(self.pos).copied()
    }

    /// 0-based position in the round.
    pub fn position(&self) -> usize {
        self.pos
    }

    /// Number of cards in this round.
    pub fn round_len(&self) -> usize {
        self.order.len()
    }

    /// The round number, from 1.
    pub fn round(&self) -> u32 {
        self.round
    }

    /// The cards of this round, as fact indices in order.
    pub fn order(&self) -> &[usize] {
        &self.order
    }

    /// Whether the current card shows its back.
    pub fn is_turned(&self) -> bool {
        self.turned
    }

    /// Whether every card in the filter is known.
    pub fn is_complete(&self) -> bool {
        self.order.is_empty()
    }

    /// The topic number the cards are filtered by, if any.
    pub fn filter(&self) -> Option<u32> {
        self.filter
    }

    /// How the fact `fact` is marked.
    pub fn mark(&self, fact: usize) -> Mark {
        self.marks.get(fact).copied().unwrap_or_default()
    }

    /// Every fact's mark, by fact index.
    pub fn marks(&self) -> &[Mark] {
        &self.marks
    }

    /// One flag per fact: marked still learning at least once since marks
    /// were last cleared (the pile of [`Study::review_learning`]).
    pub fn hard(&self) -> &[bool] {
        &self.hard
    }

    /// (known, total) within the current filter.
    pub fn progress(&self) -> (usize, usize) {
        // One plain loop, no `dyn` test: this is read on every redraw.
        let (mut known, mut total) = (0, 0);
        for (i, t) in self.topics.iter().enumerate() {
            if self.filter.is_none() || *t == self.filter {
                total += 1;
                known += usize::from(self.marks.get(i) == Some(&Mark::Known));
            }
        }
        (known, total)
    }

    /// Turns the current card over (front to back, back to front). Returns
    /// the new turned state, or `None` when there is no card.
    pub fn turn(&mut self) -> Option<bool> {
        self.current()?;
        self.turned = !self.turned;
        Some(self.turned)
    }

    /// Moves to `pos` in this round, showing the front. Returns false when it
    /// is out of range or already there.
    pub fn go_to(&mut self, pos: usize) -> bool {
        if pos >= self.order.len() || (pos == self.pos && !self.turned) {
            return false;
        }
        self.pos = pos;
        self.turned = false;
        true
    }

    /// The previous card; false at the first.
    pub fn prev_card(&mut self) -> bool {
        self.pos > 0 && self.go_to(self.pos - 1)
    }

    /// The next card; past the last card it starts the next round.
    pub fn next_card(&mut self) -> bool {
        if self.order.is_empty() {
            return false;
        }
        if self.pos + 1 < self.order.len() {
            self.go_to(self.pos + 1)
        } else {
            self.next_round();
            true
        }
    }

    /// The first card of the round.
    pub fn first(&mut self) -> bool {
        self.go_to(0)
    }

    /// The last card of the round.
    pub fn last(&mut self) -> bool {
        self.go_to(self.order.len().saturating_sub(1))
    }

    /// Marks the current card, which must be turned, and moves on.
    /// Returns false when there is no turned card to mark.
    pub fn mark_current(&mut self, mark: Mark) -> bool {
        let Some(fact) = self.current() else { return false };
        if !self.turned {
            return false;
        }
        if let Some(m) = self.marks.get_mut(fact) {
            *m = mark;
        }
        if let (Mark::Learning, Some(h)) = (mark, self.hard.get_mut(fact)) {
            *h = true;
        }
        self.next_card()
    }

    /// Starts the next round with the cards of the filter not yet known.
    fn next_round(&mut self) {
        self.order = self.not_known();
        if self.shuffled {
            self.shuffle_order();
        }
        self.round += 1;
        self.pos = 0;
        self.turned = false;
    }

    fn shuffle_order(&mut self) {
        self.shuffles += 1;
        Rng::new(derive_seed(self.seed, self.shuffles)).shuffle(&mut self.order);
    }

    /// Shuffles the cards of this round, reproducibly for the seed: the k-th
    /// shuffle after a restart always gives the same order.
    pub fn shuffle(&mut self) {
        self.shuffled = true;
        self.shuffle_order();
        self.pos = 0;
        self.turned = false;
    }

    /// Shows only the facts with topic number `topic` (`None`: all), from the
    /// first card of a new first round. Marks are kept.
    pub fn set_filter(&mut self, topic: Option<u32>) {
        self.filter = topic;
        self.order = self.pick(&|_| true);
        self.shuffles = 0;
        if self.shuffled {
            self.shuffle_order();
        }
        self.round = 1;
        self.pos = 0;
        self.turned = false;
    }

    /// How many facts of the filter were marked "still learning" at least
    /// once since marks were last cleared: the pile [`Study::review_learning`]
    /// goes over again.
    pub fn learning_count(&self) -> usize {
        self.hard_ones().len()
    }

    /// A first round of just the facts of [`Study::learning_count`], unmarked
    /// again; the other marks are kept. False (and nothing changes) when
    /// there are none.
    pub fn review_learning(&mut self) -> bool {
        let pile = self.hard_ones();
        if pile.is_empty() {
            return false;
        }
        for &i in &pile {
            if let Some(m) = self.marks.get_mut(i) {
                *m = Mark::Unseen;
            }
            if let Some(h) = self.hard.get_mut(i) {
                *h = false;
            }
        }
        self.order = pile;
        if self.shuffled {
            self.shuffle_order();
        }
        self.round = 1;
        self.pos = 0;
        self.turned = false;
        true
    }

    fn clear_marks(&mut self) {
        self.marks.iter_mut().for_each(|m| *m = Mark::Unseen);
        self.hard.iter_mut().for_each(|h| *h = false);
    }

    /// Back to the start: deck order, first round, no marks.
    pub fn restart(&mut self) {
        self.clear_marks();
        self.shuffled = false;
        self.shuffles = 0;
        self.set_filter(self.filter);
    }

    /// After completion: every card again, marks cleared, same filter and
    /// shuffle setting.
    pub fn study_again(&mut self) {
        self.clear_marks();
        self.set_filter(self.filter);
    }

    /// Which facts are in the current round, one flag per fact.
    #[allow(clippy::same_item_push)] // pushed, not `vec![false; n]`: one generic fill less in the wasm
    pub fn in_round(&self) -> Vec<bool> {
        let mut flags = Vec::with_capacity(self.marks.len());
        for _ in &self.marks {
            flags.push(false);
        }
        for &i in &self.order {
            if let Some(f) = flags.get_mut(i) {
                *f = true;
            }
        }
        flags
    }

    /// Restores saved marks and the still-learning pile, the topic filter, the round (its number and its
    /// cards, in deck order) and the card on screen, ignoring anything out of
    /// range. Without round flags (`in_round` of another length), the round is
    /// the cards not yet known.
    pub fn restore(
        &mut self,
        marks: &[Mark],
        hard: &[bool],
        filter: Option<u32>,
        round: u32,
        in_round: &[bool],
        current: Option<usize>,
    ) {
        for (m, saved) in self.marks.iter_mut().zip(marks) {
            *m = *saved;
        }
        // The pile: what the record says, and every card still learning.
        for (i, h) in self.hard.iter_mut().enumerate() {
            *h = hard.get(i) == Some(&true) || self.marks.get(i) == Some(&Mark::Learning);
        }
        let topics_known = filter.is_none_or(|f| self.topics.contains(&Some(f)));
        self.filter = if topics_known { filter } else { None };
        let order = if in_round.len() == self.marks.len() {
            self.pick(&|i| in_round.get(i) == Some(&true))
        } else {
            Vec::new()
        };
        // No flags, or an empty round: the cards not yet known (an empty
        // round means every card is known; if the flags say so wrongly, fall
        // back to those).
        self.order = if order.is_empty() { self.not_known() } else { order };
        self.round = round.max(1);
        self.pos = current.and_then(|c| self.order.iter().position(|&i| i == c)).unwrap_or(0);
        self.turned = false;
        self.shuffled = false;
        self.shuffles = 0;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn study(n: usize) -> Study {
        Study::new(vec![None; n], 7)
    }

    #[test]
    fn walks_and_turns() {
        let mut s = study(3);
        assert_eq!(s.current(), Some(0));
        assert!(!s.prev_card());
        assert_eq!(s.turn(), Some(true));
        assert!(s.next_card());
        assert_eq!((s.current(), s.is_turned()), (Some(1), false));
        assert!(s.last());
        assert_eq!(s.current(), Some(2));
        assert!(s.first());
        assert_eq!(s.current(), Some(0));
        assert!(!s.first(), "already there");
    }

    #[test]
    fn marking_needs_a_turned_card() {
        let mut s = study(2);
        assert!(!s.mark_current(Mark::Known));
        s.turn();
        assert!(s.mark_current(Mark::Known));
        assert_eq!(s.mark(0), Mark::Known);
        assert_eq!(s.current(), Some(1));
        assert_eq!(s.progress(), (1, 2));
    }

    #[test]
    fn learning_cards_come_round_again_until_known() {
        let mut s = study(3);
        for mark in [Mark::Known, Mark::Learning, Mark::Learning] {
            s.turn();
            s.mark_current(mark);
        }
        assert_eq!(s.round(), 2);
        assert_eq!(s.order(), &[1, 2]);
        s.turn();
        s.mark_current(Mark::Known);
        s.turn();
        s.mark_current(Mark::Learning);
        assert_eq!((s.round(), s.order()), (3, &[2][..]));
        s.turn();
        s.mark_current(Mark::Known);
        assert!(s.is_complete());
        assert_eq!(s.current(), None);
        assert_eq!(s.progress(), (3, 3));
        s.study_again();
        assert_eq!((s.round(), s.order(), s.progress()), (1, &[0, 1, 2][..], (0, 3)));
    }

    #[test]
    fn shuffle_is_reproducible_for_a_seed() {
        let mut a = Study::new(vec![None; 20], 42);
        let mut b = Study::new(vec![None; 20], 42);
        let mut c = Study::new(vec![None; 20], 43);
        a.shuffle();
        b.shuffle();
        c.shuffle();
        assert_eq!(a.order(), b.order());
        assert_ne!(a.order(), c.order());
        let mut sorted = a.order().to_vec();
        sorted.sort_unstable();
        assert_eq!(sorted, (0..20).collect::<Vec<_>>());
        a.restart();
        assert_eq!(a.order(), (0..20).collect::<Vec<_>>().as_slice());
    }

    #[test]
    fn topic_filter_limits_the_round_and_progress() {
        let mut s = Study::new(vec![Some(0), Some(1), Some(0), None], 1);
        s.set_filter(Some(0));
        assert_eq!(s.order(), &[0, 2]);
        assert_eq!(s.progress(), (0, 2));
        s.set_filter(None);
        assert_eq!(s.order(), &[0, 1, 2, 3]);
    }

    #[test]
    fn restore_ignores_out_of_range_data() {
        let mut s = study(3);
        s.restore(&[Mark::Known, Mark::Learning, Mark::Unseen, Mark::Known], &[], Some(9), 0, &[true], Some(99));
        assert_eq!(s.order(), &[1, 2]);
        assert_eq!((s.position(), s.round(), s.filter()), (0, 1, None));
    }

    #[test]
    fn restore_resumes_the_same_round_at_the_same_card() {
        // Round 1: fact 0 known, fact 1 learning, on fact 3.
        let mut s = study(5);
        for mark in [Mark::Known, Mark::Learning] {
            s.turn();
            s.mark_current(mark);
        }
        s.next_card();
        let (marks, round, flags, current) = (s.marks().to_vec(), s.round(), s.in_round(), s.current());
        let mut t = study(5);
        t.restore(&marks, s.hard(), None, round, &flags, current);
        assert_eq!((t.order(), t.position(), t.current(), t.round()), (s.order(), 3, Some(3), 1));
        // Round 2 (facts 1..5), fact 1 then marked known: on fact 2, 2 of 4.
        s.last();
        s.next_card();
        s.turn();
        s.mark_current(Mark::Known);
        let mut u = study(5);
        u.restore(s.marks(), s.hard(), None, s.round(), &s.in_round(), s.current());
        assert_eq!((u.order(), u.position(), u.current(), u.round()), (&[1, 2, 3, 4][..], 1, Some(2), 2));
    }

    #[test]
    fn the_still_learning_pile_is_reviewed_alone() {
        let mut s = study(4);
        // 0 known, 1 learning, 2 learning, 3 known; round 2: 1 known, 2 known.
        for mark in [Mark::Known, Mark::Learning, Mark::Learning, Mark::Known, Mark::Known, Mark::Known] {
            s.turn();
            s.mark_current(mark);
        }
        assert!(s.is_complete());
        assert_eq!(s.learning_count(), 2, "facts 1 and 2 took more than one go");
        assert!(s.review_learning());
        assert_eq!((s.order(), s.round(), s.position(), s.is_turned()), (&[1, 2][..], 1, 0, false));
        assert_eq!(s.progress(), (2, 4), "the other marks are kept");
        assert_eq!(s.learning_count(), 0);
        s.turn();
        s.mark_current(Mark::Known);
        s.turn();
        s.mark_current(Mark::Known);
        assert!(s.is_complete());
        assert!(!s.review_learning(), "no pile left: nothing changes");
        assert!(s.is_complete());
        // Clearing the marks clears the pile too.
        let mut t = study(2);
        t.turn();
        t.mark_current(Mark::Learning);
        assert_eq!(t.learning_count(), 1);
        t.study_again();
        assert_eq!(t.learning_count(), 0);
    }

    #[test]
    fn the_pile_counts_within_the_topic_filter() {
        let mut s = Study::new(vec![Some(0), Some(1), Some(0)], 3);
        for _ in 0..3 {
            s.turn();
            s.mark_current(Mark::Learning);
        }
        assert_eq!(s.learning_count(), 3);
        s.set_filter(Some(1));
        assert_eq!(s.learning_count(), 1);
        assert!(s.review_learning());
        assert_eq!(s.order(), &[1]);
    }
}
