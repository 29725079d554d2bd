//! Numbers distinct strings in the order they are first seen: a small
//! open-addressing hash table (FNV-1a), with no standard hasher or ordered
//! map in the wasm. Used for repeated fact ids and for topic numbers.

/// Distinct strings seen so far, each with its number (0, 1, 2, … in
/// first-seen order).
pub struct Numbering<'s> {
    /// The distinct strings, by number.
    seen: Vec<&'s str>,
    /// Slots of `number + 1`, 0 for empty; a power of two long.
    table: Vec<u32>,
}

impl<'s> Numbering<'s> {
    /// A numbering for up to `distinct` distinct strings (more still work,
    /// only slower once the table is over half full).
    pub fn with_capacity(distinct: usize) -> Numbering<'s> {
        let slots = (distinct * 2).next_power_of_two().max(16);
        Numbering { seen: Vec::with_capacity(distinct), table: empty_table(slots) }
    }

    /// The number of `s`, and whether this is its first time.
    pub fn number(&mut self, s: &'s str) -> (usize, bool) {
        if self.seen.len() * 2 >= self.table.len() {
            self.grow();
        }
        let mask = self.table.len() - 1;
        let mut slot = fnv1a(FNV_START, s.as_bytes()) as usize & mask;
        loop {
            match self.table.get(slot).copied() {
                Some(0) | None => break,
                Some(held) => {
                    let n = held as usize - 1;
                    if self.seen.get(n) == Some(&s) {
                        return (n, false);
                    }
                }
            }
            slot = (slot + 1) & mask;
        }
        let n = self.seen.len();
        self.seen.push(s);
        if let Some(entry) = self.table.get_mut(slot) {
            *entry = n as u32 + 1;
        }
        (n, true)
    }

    /// Doubles the table and puts every string back.
    fn grow(&mut self) {
        let mask = self.table.len() * 2 - 1;
        self.table = empty_table(mask + 1);
        for (n, s) in self.seen.iter().enumerate() {
            let mut slot = fnv1a(FNV_START, s.as_bytes()) as usize & mask;
            while self.table.get(slot).is_some_and(|&held| held != 0) {
                slot = (slot + 1) & mask;
            }
            if let Some(entry) = self.table.get_mut(slot) {
                *entry = n as u32 + 1;
            }
        }
    }
}

/// A table of `slots` empty slots. Pushed, not `vec![0; n]`: no generic fill
/// in the wasm for this one use.
#[allow(clippy::same_item_push)]
fn empty_table(slots: usize) -> Vec<u32> {
    let mut table = Vec::with_capacity(slots);
    for _ in 0..slots {
        table.push(0);
    }
    table
}

/// The FNV-1a hash of no bytes (its 64-bit offset basis).
pub const FNV_START: u64 = 0xcbf2_9ce4_8422_2325;

/// FNV-1a, 64 bit: `hash` (of the bytes so far; [`FNV_START`] for none)
/// carried on over `bytes`.
pub fn fnv1a(hash: u64, bytes: &[u8]) -> u64 {
    bytes.iter().fold(hash, |h, &b| (h ^ u64::from(b)).wrapping_mul(0x100_0000_01b3))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_in_first_seen_order() {
        let words = ["b", "a", "b", "c", "a", "", ""];
        let mut n = Numbering::with_capacity(2);
        let got: Vec<(usize, bool)> = words.iter().map(|w| n.number(w)).collect();
        assert_eq!(got, [(0, true), (1, true), (0, false), (2, true), (1, false), (3, true), (3, false)]);
    }

    #[test]
    fn many_strings_past_the_capacity() {
        let words: Vec<String> = (0..5000).map(|i| format!("w{}", i % 1234)).collect();
        let mut n = Numbering::with_capacity(10);
        for (i, w) in words.iter().enumerate() {
            assert_eq!(n.number(w), (i % 1234, i < 1234), "{w}");
        }
    }
}
