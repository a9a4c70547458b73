//! "Write to someone": a person who can receive letters now, chosen with a
//! weight that favours those who got the fewest letters through Svoboda
//! in the last 30 days (counts only: nothing about the writers).

use rand::Rng;

/// How far back letters are counted.
pub const WINDOW_DAYS: i64 = 30;

/// One of `candidates` (a name and the letters it got in the window),
/// picked with weight 1 / (1 + letters): someone with no letters is twice
/// as likely as someone with one, eleven times as someone with ten.
pub fn pick<'a, T>(candidates: &'a [(T, u64)], rng: &mut impl Rng) -> Option<&'a T> {
    let weight = |letters: u64| 1.0 / (1.0 + letters as f64);
    let total: f64 = candidates.iter().map(|(_, n)| weight(*n)).sum();
    if candidates.is_empty() || total <= 0.0 {
        return None;
    }
    let mut at = rng.gen_range(0.0..total);
    for (candidate, n) in candidates {
        at -= weight(*n);
        if at < 0.0 {
            return Some(candidate);
        }
    }
    candidates.last().map(|(c, _)| c)
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand::SeedableRng;

    #[test]
    fn those_with_fewer_letters_are_picked_more_often() {
        let candidates = [("none", 0), ("some", 4), ("many", 49)];
        let mut rng = rand::rngs::StdRng::seed_from_u64(7);
        let mut counts = [0u32; 3];
        for _ in 0..30_000 {
            let name = pick(&candidates, &mut rng).expect("someone");
            let i = candidates
                .iter()
                .position(|(n, _)| n == name)
                .expect("known");
            counts[i] += 1;
        }
        // Weights 1, 1/5, 1/50: shares near 82%, 16% and 1.6%.
        assert!(counts[0] > 23_000 && counts[0] < 26_000, "{counts:?}");
        assert!(counts[1] > 4_000 && counts[1] < 5_800, "{counts:?}");
        assert!(counts[2] > 200 && counts[2] < 800, "{counts:?}");
    }

    #[test]
    fn nobody_to_pick_from_is_nobody() {
        let none: [(&str, u64); 0] = [];
        assert!(pick(&none, &mut rand::thread_rng()).is_none());
        assert_eq!(
            pick(&[("only", 1000)], &mut rand::thread_rng()),
            Some(&"only")
        );
    }
}
