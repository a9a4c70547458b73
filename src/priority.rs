//! Thread priorities: work that can wait (sealing, checkpoints, a writer
//! facing a crowd of readers) runs at a lower one, so that pages come first.

/// The nice value of work that yields: the kernel gives such a thread about
/// a tenth of an ordinary thread's share when both want the CPU.
/// (Nice 19 kept readers faster still, but left signers a p99 over 100 ms.)
pub const YIELDING: i32 = 10;

/// Linux keeps a nice value per thread, and threads inherit their creator's:
/// sets the calling thread's; `false` if the system refused (lowering it
/// needs privilege or `RLIMIT_NICE`).
pub fn set_this_threads_nice(nice: i32) -> bool {
    #[cfg(target_os = "linux")]
    // SAFETY: setpriority only changes the calling thread's scheduling
    // weight; on failure it leaves it as it was.
    unsafe {
        libc::setpriority(libc::PRIO_PROCESS, 0, nice) == 0
    }
    #[cfg(not(target_os = "linux"))]
    {
        let _ = nice;
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg(target_os = "linux")]
    #[test]
    fn a_thread_yields_and_returns_on_its_own_only() {
        let own = || {
            // SAFETY: getpriority only reads the calling thread's nice value.
            unsafe { libc::getpriority(libc::PRIO_PROCESS, 0) }
        };
        std::thread::spawn(move || {
            let start = own();
            assert!(set_this_threads_nice(YIELDING));
            assert_eq!(own(), YIELDING);
            let other = std::thread::spawn(own).join().expect("thread");
            assert_eq!(other, YIELDING, "threads it starts (SQLite's) inherit it");
            // Back to the ordinary priority needs root or RLIMIT_NICE;
            // refused, the thread keeps yielding.
            if set_this_threads_nice(start) {
                assert_eq!(own(), start);
            } else {
                assert_eq!(own(), YIELDING);
            }
        })
        .join()
        .expect("thread");
    }
}
