//! Remembered progress: what is saved between visits, its text encoding, and
//! the storage key that ties it to one version of one deck.
//!
//! The record is a short line of text, e.g. `fc2|3|1|kl-k|3/4||.rr.`:
//! format, round, the fact on screen (its index; empty when the study is
//! complete), one mark per fact (`k` known, `l` learning, `-` unseen), the
//! best quiz score, the topic filter (its number; empty for all topics) and
//! which facts are in the current round (`r`) or not (`.`). Together these
//! rebuild the very round the reader left, at the same card. Anything that
//! does not decode exactly is ignored, so a corrupt or foreign value can
//! never break a mount.

use super::deck::Deck;
use super::numbering::{fnv1a, FNV_START};
use super::study::Mark;

const MAGIC: &str = "fc2";

/// What is remembered for one deck.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Progress {
    /// Study round number.
    pub round: u32,
    /// Index of the fact on screen; `None` when the study is complete.
    pub current: Option<usize>,
    /// One mark per fact.
    pub marks: Vec<Mark>,
    /// Best quiz result as (score, total), if a quiz was finished:
    /// `0 < total <= facts` and `score <= total`.
    pub best: Option<(usize, usize)>,
    /// The topic filter.
    pub filter: Option<u32>,
    /// One flag per fact: whether it is in the current round.
    pub in_round: Vec<bool>,
}

impl Progress {
    /// The record as one line of text.
    pub fn encode(&self) -> String {
        let mut out = String::with_capacity(self.marks.len() + 32);
        out.push_str(MAGIC);
        out.push('|');
        out.push_str(&self.round.to_string());
        out.push('|');
        if let Some(current) = self.current {
            out.push_str(&current.to_string());
        }
        out.push('|');
        out.extend(self.marks.iter().map(|m| match m {
            Mark::Known => 'k',
            Mark::Learning => 'l',
            Mark::Unseen => '-',
        }));
        out.push('|');
        if let Some((score, total)) = self.best {
            out.push_str(&score.to_string());
            out.push('/');
            out.push_str(&total.to_string());
        }
        out.push('|');
        if let Some(filter) = self.filter {
            out.push_str(&filter.to_string());
        }
        out.push('|');
        out.extend(self.in_round.iter().map(|r| if *r { 'r' } else { '.' }));
        out
    }

    /// Decodes a record for a deck of `facts` facts; `None` when the text is
    /// not a record, or not one for a deck of that size.
    pub fn decode(text: &str, facts: usize) -> Option<Progress> {
        let mut parts = text.split('|');
        if parts.next()? != MAGIC {
            return None;
        }
        let round = parts.next()?.parse().ok()?;
        let current = match parts.next()? {
            "" => None,
            c => Some(c.parse::<usize>().ok().filter(|c| *c < facts)?),
        };
        let marks_text = parts.next()?;
        if marks_text.len() != facts {
            return None;
        }
        let marks = marks_text
            .bytes()
            .map(|b| match b {
                b'k' => Some(Mark::Known),
                b'l' => Some(Mark::Learning),
                b'-' => Some(Mark::Unseen),
                _ => None,
            })
            .collect::<Option<Vec<_>>>()?;
        let best = match parts.next()? {
            "" => None,
            b => {
                let (s, t) = b.split_once('/')?;
                let (s, t) = (s.parse().ok()?, t.parse().ok()?);
                // A round asks at least one question, and at most every fact.
                if s > t || t == 0 || t > facts {
                    return None;
                }
                Some((s, t))
            }
        };
        let filter = match parts.next()? {
            "" => None,
            f => Some(f.parse().ok()?),
        };
        let rounds_text = parts.next()?;
        if rounds_text.len() != facts {
            return None;
        }
        let in_round = rounds_text
            .bytes()
            .map(|b| match b {
                b'r' => Some(true),
                b'.' => Some(false),
                _ => None,
            })
            .collect::<Option<Vec<_>>>()?;
        if parts.next().is_some() {
            return None;
        }
        Some(Progress { round, current, marks, best, filter, in_round })
    }
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
            marks: vec![Mark::Known, Mark::Learning, Mark::Unseen],
            best: Some((2, 3)),
            filter: Some(2),
            in_round: vec![false, true, true],
        };
        assert_eq!(p.encode(), "fc2|3|1|kl-|2/3|2|.rr");
        assert_eq!(Progress::decode(&p.encode(), 3), Some(p));
        assert_eq!(Progress::decode("fc2|1|0|kk|2/2||rr", 2).and_then(|p| p.best), Some((2, 2)));
        let none = Progress { best: None, ..Progress::default() };
        assert_eq!(Progress::decode(&none.encode(), 0), Some(none));
    }

    #[test]
    fn corrupt_records_are_ignored() {
        for bad in [
            "",
            "garbage",
            "fc2|x|0|kk|||rr",
            "fc2|1|0|kx|||rr",
            "fc2|1|0|k|||r",
            "fc2|1|0|kk|9/3||rr",
            "fc2|1|0|kk|||rr|extra",
            "fc1|1|0|kk|",
            "fc2|1|2|kk|||rr",
            "fc2|1|0|kk||x|rr",
            "fc2|1|0|kk|||rx",
            "fc2|1|0|kk|||r",
            // A best of no questions, or of more questions than the deck has.
            "fc2|1|0|kk|0/0||rr",
            "fc2|1|0|kk|3/3||rr",
            "fc2|1|0|kk|1/3||rr",
        ] {
            assert_eq!(Progress::decode(bad, 2), None, "{bad}");
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
