//! Remembered progress: what is saved between visits, its text encoding, and
//! the storage key that ties it to one version of one deck.
//!
//! The record is a short line of text, e.g.
//! `fc3|3|1|kl-k|3/4||.rr.|q|77;2;1;3,0;c2,tParis%2C France`: format, round,
//! the fact on screen (its index; empty when the study is complete), one mark
//! per fact (`k` known, `h` known after being still learning, `l` still
//! learning, `-` unseen: `h` and `l` are the pile "Review the N still
//! learning" goes over), the best quiz score, the
//! topic filter (its number; empty for all topics), which facts are in the
//! current round (`r`) or not (`.`), the view showing (`q` for the quiz,
//! empty for the cards) and the quiz in progress ([`QuizRecord`]; empty when
//! none is). Together these rebuild the very round the reader left, at the
//! same card or question. Records of the previous format, `fc2`, which ends
//! after the round flags, still decode (with the cards showing and no quiz).
//! Anything that does not decode exactly is ignored, so a corrupt or foreign
//! value can never break a mount.

use super::deck::Deck;
use super::numbering::{fnv1a, FNV_START};
use super::study::Mark;
use super::text::{parse_int, parse_uint, push_uint, split_ascii, split_once_ascii};

const MAGIC: &str = "fc3";
/// The previous format: no view and no quiz.
const MAGIC_V2: &str = "fc2";

/// The characters a typed answer cannot hold as they are in a record, and
/// the two hex digits that follow a `%` in their place.
const ESCAPES: [(&str, char); 4] = [("25", '%'), ("7C", '|'), ("2C", ','), ("3B", ';')];

/// One answer given in a quiz round, as the reader gave it: the quiz judges
/// it again when the round is rebuilt, so the record holds no verdict to
/// trust.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Given {
    /// Option `i` of a multiple-choice question, with its text, so that a
    /// deck whose options changed does not replay the pick onto another
    /// (`None` in records of earlier builds, which kept only the number).
    Choice(usize, Option<String>),
    /// A typed answer (never blank).
    Typed(String),
}

/// A quiz round in progress: the seed that made the quiz, the round number,
/// the facts of the round in order, the answers given so far and the
/// question on screen. Encoded as `seed;round;position;facts;answers`, with
/// the facts and the answers comma-separated, an answer as `c`, the option
/// number, `=` and the option's text, or as `t` and the typed text; in texts
/// `%`, `|`, `,` and `;` are written `%25`, `%7C`, `%2C` and `%3B`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuizRecord {
    /// The seed of the quiz.
    pub seed: u64,
    /// The round: 1, then one more for each retry.
    pub round: u32,
    /// The question on screen (0-based); the number of facts once finished.
    /// Either the answers' count (the next question shows) or one less (the
    /// last answer's feedback shows).
    pub position: usize,
    /// The round's facts, in order (indices into the deck's facts).
    pub facts: Vec<usize>,
    /// The answers given so far, in order.
    pub answers: Vec<Given>,
}

/// What is remembered for one deck.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Progress {
    /// Study round number.
    pub round: u32,
    /// Index of the fact on screen; `None` when the study is complete.
    pub current: Option<usize>,
    /// One mark per fact.
    pub marks: Vec<Mark>,
    /// One flag per fact: marked still learning at least once since marks
    /// were last cleared (the pile the all-known screen offers to review).
    pub hard: Vec<bool>,
    /// Best quiz result as (score, total), if a quiz was finished:
    /// `0 < total <= facts` and `score <= total`.
    pub best: Option<(usize, usize)>,
    /// The topic filter.
    pub filter: Option<u32>,
    /// One flag per fact: whether it is in the current round.
    pub in_round: Vec<bool>,
    /// Whether the quiz was showing (rather than the cards).
    pub quiz_view: bool,
    /// The quiz round in progress, if one was started.
    pub quiz: Option<QuizRecord>,
}

impl Progress {
    /// The record as one line of text.
    pub fn encode(&self) -> String {
        let mut out = String::with_capacity(self.marks.len() + 32);
        out.push_str(MAGIC);
        out.push('|');
        push_uint(&mut out, u64::from(self.round));
        out.push('|');
        if let Some(current) = self.current {
            push_uint(&mut out, current as u64);
        }
        out.push('|');
        for (i, m) in self.marks.iter().enumerate() {
            out.push(match m {
                Mark::Known if self.hard.get(i) == Some(&true) => 'h',
                Mark::Known => 'k',
                Mark::Learning => 'l',
                Mark::Unseen => '-',
            });
        }
        out.push('|');
        if let Some((score, total)) = self.best {
            push_uint(&mut out, score as u64);
            out.push('/');
            push_uint(&mut out, total as u64);
        }
        out.push('|');
        if let Some(filter) = self.filter {
            push_uint(&mut out, u64::from(filter));
        }
        out.push('|');
        for &r in &self.in_round {
            out.push(if r { 'r' } else { '.' });
        }
        out.push('|');
        if self.quiz_view {
            out.push('q');
        }
        out.push('|');
        if let Some(q) = &self.quiz {
            q.encode_into(&mut out);
        }
        out
    }

    /// Decodes a record for a deck of `facts` facts; `None` when the text is
    /// not a record, or not one for a deck of that size.
    pub fn decode(text: &str, facts: usize) -> Option<Progress> {
        // The fields first, all of them (nine; seven in `fc2`), so that a
        // record of the wrong shape is turned away in one place.
        let mut fields = [""; 9];
        let mut count = 0;
        for part in split_ascii(text, b'|') {
            *fields.get_mut(count)? = part;
            count += 1;
        }
        let [magic, round, current, marks_text, best, filter, rounds_text, view, quiz] = fields;
        // An `fc2` record has no view and no quiz: those two stay "".
        if !matches!((magic, count), (MAGIC, 9) | (MAGIC_V2, 7)) {
            return None;
        }
        let round = parse_int(round)?;
        let current = match current {
            "" => None,
            c => Some(parse_int::<usize>(c).filter(|c| *c < facts)?),
        };
        if marks_text.len() != facts {
            return None;
        }
        let (mut marks, mut hard) = (Vec::with_capacity(facts), Vec::with_capacity(facts));
        for b in marks_text.bytes() {
            let (mark, was_learning) = match b {
                b'k' => (Mark::Known, false),
                b'h' => (Mark::Known, true),
                b'l' => (Mark::Learning, true),
                b'-' => (Mark::Unseen, false),
                _ => return None,
            };
            marks.push(mark);
            hard.push(was_learning);
        }
        let best = match best {
            "" => None,
            b => {
                let (s, t) = split_once_ascii(b, b'/')?;
                let (s, t) = (parse_int(s)?, parse_int(t)?);
                // A round asks at least one question, and at most every fact.
                if s > t || t == 0 || t > facts {
                    return None;
                }
                Some((s, t))
            }
        };
        let filter = match filter {
            "" => None,
            f => Some(parse_int(f)?),
        };
        if rounds_text.len() != facts {
            return None;
        }
        let mut in_round = Vec::with_capacity(facts);
        for b in rounds_text.bytes() {
            in_round.push(match b {
                b'r' => true,
                b'.' => false,
                _ => return None,
            });
        }
        let quiz_view = match view {
            "" => false,
            "q" => true,
            _ => return None,
        };
        let quiz = match quiz {
            "" => None,
            q => Some(QuizRecord::decode(q, facts)?),
        };
        Some(Progress { round, current, marks, hard, best, filter, in_round, quiz_view, quiz })
    }
}

impl QuizRecord {
    fn encode_into(&self, out: &mut String) {
        for n in [self.seed, u64::from(self.round), self.position as u64] {
            push_uint(out, n);
            out.push(';');
        }
        for (i, f) in self.facts.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            push_uint(out, *f as u64);
        }
        out.push(';');
        for (i, a) in self.answers.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            match a {
                Given::Choice(c, text) => {
                    out.push('c');
                    push_uint(out, *c as u64);
                    if let Some(text) = text {
                        out.push('=');
                        push_escaped(out, text);
                    }
                }
                Given::Typed(text) => {
                    out.push('t');
                    push_escaped(out, text);
                }
            }
        }
    }

    /// Decodes the quiz field of a record for a deck of `facts` facts:
    /// `None` unless it has the five parts, at least one fact, every fact in
    /// range, and no more answers than facts. Whether
    /// it fits the quiz is [`Quiz::resume`](super::quiz::Quiz::resume)'s
    /// to check.
    fn decode(text: &str, facts: usize) -> Option<QuizRecord> {
        let mut parts = split_ascii(text, b';');
        let mut num = || parse_uint(parts.next()?, 10);
        let (seed, round, position) = (num()?, num()?, num()?);
        let mut order = Vec::new();
        for f in split_ascii(parts.next()?, b',') {
            order.push(parse_int::<usize>(f).filter(|&f| f < facts)?);
        }
        let mut answers = Vec::new();
        let list = parts.next()?;
        for a in split_ascii(list, b',').filter(|_| !list.is_empty()) {
            answers.push(if let Some(c) = a.strip_prefix('c') {
                match split_once_ascii(c, b'=') {
                    Some((n, text)) => Given::Choice(parse_int(n)?, Some(unescaped(text)?)),
                    None => Given::Choice(parse_int(c)?, None),
                }
            } else {
                // A blank one fails when it is judged again (Quiz::resume).
                Given::Typed(unescaped(a.strip_prefix('t')?)?)
            });
        }
        if parts.next().is_some() || answers.len() > order.len() {
            return None;
        }
        Some(QuizRecord {
            seed,
            round: u32::try_from(round).ok().filter(|&r| r > 0)?,
            position: usize::try_from(position).ok()?,
            facts: order,
            answers,
        })
    }
}

/// Pushes `text` with each character of [`ESCAPES`] written as its code.
fn push_escaped(out: &mut String, text: &str) {
    for c in text.chars() {
        match ESCAPES.iter().find(|(_, e)| *e == c) {
            Some((code, _)) => {
                out.push('%');
                out.push_str(code);
            }
            None => out.push(c),
        }
    }
}

/// `text` with each code of [`ESCAPES`] read back; `None` for a `%` that
/// starts no code.
fn unescaped(text: &str) -> Option<String> {
    let mut t = String::new();
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        t.push(if c == '%' {
            let (hi, lo) = (chars.next()?, chars.next()?);
            // The codes are two ASCII characters.
            let is_code = |e: &str| e.len() == 2 && e.starts_with(hi) && e.ends_with(lo);
            ESCAPES.iter().find(|(e, _)| is_code(e))?.1
        } else {
            c
        });
    }
    Some(t)
}

/// The localStorage key for `deck`: its id and a hash (FNV-1a, stable
/// across builds and platforms) of its content, so a changed deck starts
/// fresh. E.g. `factcards:tokayev-brussels-2021:9f3a…`.
pub fn storage_key(deck: &Deck) -> String {
    // Each part is followed by a 0xff byte, which UTF-8 never holds, so
    // ("ab", "c") and ("a", "bc") differ.
    let part = |h: u64, text: &str| fnv1a(fnv1a(h, text.as_bytes()), &[0xff]);
    let mut h = part(FNV_START, &deck.title);
    for f in &deck.facts {
        for text in [&f.id, &f.front, &f.back] {
            h = part(h, text);
        }
    }
    let mut key = String::from("factcards:");
    key.push_str(deck.id.as_deref().unwrap_or("deck"));
    key.push(':');
    const HEX: &[u8; 16] = b"0123456789abcdef";
    for shift in (0..16).rev() {
        key.push(char::from(HEX[((h >> (shift * 4)) & 0xf) as usize]));
    }
    key
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::deck::Fact;

    fn deck(backs: &[&str]) -> Deck {
        let facts = backs.iter().enumerate().map(|(i, b)| Fact::new(i.to_string(), "q", *b)).collect();
        Deck { id: Some("d".into()), ..Deck::new("T", facts) }
    }

    #[test]
    fn round_trips() {
        let p = Progress {
            round: 3,
            current: Some(1),
            marks: vec![Mark::Known, Mark::Learning, Mark::Unseen, Mark::Known],
            hard: vec![false, true, false, true],
            best: Some((2, 3)),
            filter: Some(2),
            in_round: vec![false, true, true, false],
            quiz_view: false,
            quiz: None,
        };
        assert_eq!(p.encode(), "fc3|3|1|kl-h|2/3|2|.rr.||");
        assert_eq!(Progress::decode(&p.encode(), 4), Some(p));
        // A card still learning is in the pile whatever the flags say.
        let learning =
            Progress { marks: vec![Mark::Learning], hard: vec![false], in_round: vec![true], ..Progress::default() };
        assert_eq!(Progress::decode(&learning.encode(), 1).map(|p| p.hard), Some(vec![true]));
        assert_eq!(Progress::decode("fc3|1|0|kk|2/2||rr||", 2).and_then(|p| p.best), Some((2, 2)));
        let none = Progress { best: None, ..Progress::default() };
        assert_eq!(Progress::decode(&none.encode(), 0), Some(none));
    }

    #[test]
    fn a_quiz_in_progress_round_trips_with_awkward_typed_text() {
        let quiz = QuizRecord {
            seed: u64::MAX,
            round: 2,
            position: 1,
            facts: vec![2, 0],
            answers: vec![Given::Choice(3, Some("a=b, 5%".into())), Given::Typed("50%|a,b;c %2C".into())],
        };
        let p = Progress {
            round: 1,
            marks: vec![Mark::Unseen; 3],
            hard: vec![false; 3],
            in_round: vec![true; 3],
            quiz_view: true,
            quiz: Some(quiz),
            ..Progress::default()
        };
        let text = p.encode();
        assert_eq!(text, "fc3|1||---|||rrr|q|18446744073709551615;2;1;2,0;c3=a=b%2C 5%25,t50%25%7Ca%2Cb%3Bc %252C");
        assert_eq!(Progress::decode(&text, 3), Some(p));
        // Finished: the position is the answers' count. An option picked
        // by a build that kept only its number.
        let done = "fc3|1||---|||rrr|q|7;1;2;1,0;c0,tx";
        let quiz = Progress::decode(done, 3).and_then(|p| p.quiz);
        assert_eq!(quiz.as_ref().map(|q| q.position), Some(2));
        assert_eq!(quiz.and_then(|q| q.answers.first().cloned()), Some(Given::Choice(0, None)));
        // A bad escape in an option's text, or no number, is a bad record.
        assert_eq!(Progress::decode("fc3|1||---|||rrr|q|7;1;1;1,0;c0=a%2", 3), None);
        assert_eq!(Progress::decode("fc3|1||---|||rrr|q|7;1;1;1,0;c=a", 3), None);
    }

    #[test]
    fn records_of_the_previous_format_still_decode() {
        // Written by builds before the quiz was remembered.
        let p = Progress::decode("fc2|3|1|kl-|2/3|2|.rr", 3).expect("an fc2 record");
        assert_eq!((p.round, p.current, p.best, p.filter), (3, Some(1), Some((2, 3)), Some(2)));
        assert_eq!((p.quiz_view, p.quiz), (false, None));
        // An fc2 record never had the two fields.
        assert_eq!(Progress::decode("fc2|1|0|kk|||rr||", 2), None);
    }

    #[test]
    fn corrupt_quiz_records_are_ignored() {
        for bad in [
            // View and quiz fields missing, or a view that is not "q".
            "fc3|1|0|kk|||rr",
            "fc3|1|0|kk|||rr|x|",
            // Not five parts; a bad number; round 0; a seed beyond u64.
            "fc3|1|0|kk|||rr|q|1;1;0;0",
            "fc3|1|0|kk|||rr|q|x;1;0;0;",
            "fc3|1|0|kk|||rr|q|1;0;0;0;",
            "fc3|1|0|kk|||rr|q|1;1;0;0;;",
            "fc3|1|0|kk|||rr|q|18446744073709551616;1;0;0;",
            "fc3|1|0|kk|||rr|q|1;4294967296;0;0;",
            // A fact out of range (a deck with fewer facts), or none.
            "fc3|1|0|kk|||rr|q|1;1;0;5;",
            "fc3|1|0|kk|||rr|q|1;1;0;;",
            "fc3|1|0|kk|||rr|q|1;1;0;1,,0;",
            // More answers than facts.
            "fc3|1|0|kk|||rr|q|1;1;2;1;c0,c1",
            // Answers of no known sort, a choice with no number.
            "fc3|1|0|kk|||rr|q|1;1;1;1,0;x0",
            "fc3|1|0|kk|||rr|q|1;1;1;1,0;c",
            "fc3|1|0|kk|||rr|q|1;1;1;1,0;c-1",
            "fc3|1|0|kk|||rr|q|1;1;1;1,0;c0,",
        ] {
            assert_eq!(Progress::decode(bad, 2), None, "{bad}");
        }
        // The same record for a deck of three facts decodes, of one does not.
        let ok = "fc3|1|0|kkk|||rrr|q|1;1;1;2,0;c0";
        assert!(Progress::decode(ok, 3).is_some_and(|p| p.quiz.is_some()));
        assert_eq!(Progress::decode("fc3|1|0|k|||r|q|1;1;1;2,0;c0", 1), None);
        // A `%` that starts no escape.
        for odd in ["t5%2", "t%41", "t%"] {
            assert_eq!(Progress::decode(&["fc3|1|0|kk|||rr|q|1;1;1;1,0;", odd].concat(), 2), None, "{odd}");
        }
    }

    #[cfg(not(target_arch = "wasm32"))]
    proptest::proptest! {
        #[test]
        fn any_typed_answer_round_trips(text in "[a%|,;2573BCé中 ]{1,12}") {
            let quiz = QuizRecord { seed: 1, round: 1, position: 1, facts: vec![0], answers: vec![Given::Typed(text)] };
            let p = Progress { marks: vec![Mark::Unseen], hard: vec![false], in_round: vec![true], quiz: Some(quiz), ..Progress::default() };
            proptest::prop_assert_eq!(Progress::decode(&p.encode(), 1), Some(p));
        }
    }

    #[test]
    fn escapes_decode_only_as_written() {
        let typed = |t: &str| {
            let record = ["fc3|1|0|kk|||rr|q|1;1;1;1,0;t", t].concat();
            Progress::decode(&record, 2).and_then(|p| p.quiz).map(|q| q.answers)
        };
        assert_eq!(typed("a%25b%7C%2C%3B"), Some(vec![Given::Typed("a%b|,;".into())]));
        assert_eq!(typed("é%25中"), Some(vec![Given::Typed("é%中".into())]));
        for bad in ["%", "%2", "%2é", "%é5", "%7c", "%41", "a%%25", "%2%25"] {
            assert_eq!(typed(bad), None, "{bad}");
        }
    }

    #[test]
    fn keys_stay_as_saved_by_earlier_builds() {
        assert_eq!(storage_key(&deck(&["x", "y"])), "factcards:d:46cf3cb40eabc304");
    }

    #[test]
    fn key_changes_with_content_not_with_identity() {
        let a = storage_key(&deck(&["x", "y"]));
        assert!(a.starts_with("factcards:d:"));
        assert_eq!(a, storage_key(&deck(&["x", "y"])));
        assert_ne!(a, storage_key(&deck(&["x", "z"])));
        assert_ne!(storage_key(&deck(&["ab", "c"])), storage_key(&deck(&["a", "bc"])));
    }
}
