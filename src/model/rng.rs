//! The small seeded PRNG behind every shuffle: SplitMix64.
//!
//! SplitMix64 (Steele, Lea and Flood, 2014) is tiny, fast, passes BigCrush
//! and gives every 64-bit seed a good stream, so it needs no separate seeding
//! step. It is not cryptographic, and does not need to be: it only has to make
//! the same quiz from the same seed on every platform.

/// Added to the state at every step (2^64 divided by the golden ratio).
const GOLDEN: u64 = 0x9e37_79b9_7f4a_7c15;

/// The SplitMix64 output function: mixes `z` into a well-spread value.
fn mix(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

/// A seeded SplitMix64 generator.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rng {
    state: u64,
}

impl Rng {
    /// A generator whose stream is fixed by `seed`.
    pub fn new(seed: u64) -> Rng {
        Rng { state: seed }
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.state = self.state.wrapping_add(GOLDEN);
        mix(self.state)
    }

    /// Removes an item of `items` chosen uniformly (the last one takes its
    /// place); `None` when there is none.
    pub fn take<T>(&mut self, items: &mut Vec<T>) -> Option<T> {
        let i = self.below(items.len());
        // Always true when `items` is not empty; it spares swap_remove's
        // panic, and the number formatting of its message, in the wasm.
        (i < items.len()).then(|| items.swap_remove(i))
    }

    /// A uniform number in `0..n`; 0 when `n` is 0.
    ///
    /// Lemire's multiply-and-shift with rejection, so there is no modulo bias.
    pub fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            return 0;
        }
        let n = n as u64;
        let threshold = n.wrapping_neg() % n;
        loop {
            let m = u128::from(self.next_u64()) * u128::from(n);
            if m as u64 >= threshold {
                return (m >> 64) as usize;
            }
        }
    }

    /// Shuffles `items` in place (Fisher–Yates).
    pub fn shuffle<T>(&mut self, items: &mut [T]) {
        for i in (1..items.len()).rev() {
            let j = self.below(i + 1);
            // `items.swap(i, j)` without its panic path (j <= i < len).
            if let Some([first, .., last]) = items.get_mut(j..=i) {
                std::mem::swap(first, last);
            }
        }
    }
}

/// A new seed derived from `seed` and `salt`, e.g. for a retry round or for
/// one question. Different salts give unrelated streams.
pub fn derive_seed(seed: u64, salt: u64) -> u64 {
    mix(seed.wrapping_add(mix(salt.wrapping_add(GOLDEN))).wrapping_add(GOLDEN))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_reference_splitmix64() {
        // Reference outputs of SplitMix64 (Vigna's splitmix64.c) from seed 0.
        let mut r = Rng::new(0);
        assert_eq!(r.next_u64(), 0xe220_a839_7b1d_cdaf);
        assert_eq!(r.next_u64(), 0x6e78_9e6a_a1b9_65f4);
        assert_eq!(r.next_u64(), 0x06c4_5d18_8009_454f);
        assert_eq!(r.next_u64(), 0xf88b_b8a8_724c_81ec);
        // And from seed 1234567.
        let mut r = Rng::new(1_234_567);
        assert_eq!(r.next_u64(), 6_457_827_717_110_365_317);
        assert_eq!(r.next_u64(), 3_203_168_211_198_807_973);
        assert_eq!(r.next_u64(), 9_817_491_932_198_370_423);
    }

    #[test]
    fn take_removes_as_below_and_swap_remove_would() {
        let (mut a, mut b) = (Rng::new(11), Rng::new(11));
        let (mut xs, mut ys): (Vec<u32>, Vec<u32>) = ((0..9).collect(), (0..9).collect());
        while let Some(x) = a.take(&mut xs) {
            assert_eq!(x, ys.swap_remove(b.below(ys.len())));
            assert_eq!(xs, ys);
        }
        assert!(ys.is_empty());
        // An empty list takes nothing and draws no number.
        assert_eq!(a.take(&mut xs), None);
        assert_eq!(a.next_u64(), b.next_u64());
    }

    #[test]
    fn below_is_in_range_and_zero_is_safe() {
        let mut r = Rng::new(7);
        assert_eq!(r.below(0), 0);
        assert_eq!(r.below(1), 0);
        let mut seen = [0u32; 5];
        for _ in 0..5_000 {
            let v = r.below(5);
            assert!(v < 5);
            if let Some(s) = seen.get_mut(v) {
                *s += 1;
            }
        }
        assert!(seen.iter().all(|&c| c > 800), "{seen:?}");
    }

    #[test]
    fn shuffle_is_a_deterministic_permutation() {
        let mut a: Vec<u32> = (0..20).collect();
        let mut b = a.clone();
        Rng::new(42).shuffle(&mut a);
        Rng::new(42).shuffle(&mut b);
        assert_eq!(a, b);
        assert_ne!(a, (0..20).collect::<Vec<_>>());
        let mut sorted = a.clone();
        sorted.sort_unstable();
        assert_eq!(sorted, (0..20).collect::<Vec<_>>());
        let mut empty: [u8; 0] = [];
        Rng::new(1).shuffle(&mut empty);
    }

    #[test]
    fn derived_seeds_differ() {
        assert_ne!(derive_seed(1, 1), derive_seed(1, 2));
        assert_ne!(derive_seed(1, 1), derive_seed(2, 1));
        assert_eq!(derive_seed(9, 3), derive_seed(9, 3));
    }
}
