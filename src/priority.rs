//! Thread priorities: work that can wait (sealing, the background
//! checkpoint) runs at a lower one, so that pages come first.

/// The nice value of work that yields: the kernel gives such a thread about
/// a tenth of an ordinary thread's share when both want the CPU.
/// (Nice 19 kept readers faster still, but left signers a p99 over 100 ms.)
pub const YIELDING: i32 = 10;

/// Linux keeps a nice value per thread, and threads inherit their creator's:
/// sets the calling thread's; `false` if the system refused (going back
/// below a raised value needs privilege or `RLIMIT_NICE`).
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
    fn a_thread_yields_alone_and_the_threads_it_starts_inherit_it() {
        let own = || {
            // SAFETY: getpriority only reads the calling thread's nice value.
            unsafe { libc::getpriority(libc::PRIO_PROCESS, 0) }
        };
        let before = own();
        std::thread::spawn(move || {
            assert!(set_this_threads_nice(YIELDING));
            assert_eq!(own(), YIELDING);
            let started = std::thread::spawn(own).join().expect("thread");
            assert_eq!(started, YIELDING, "threads it starts (SQLite's) inherit it");
        })
        .join()
        .expect("thread");
        assert_eq!(own(), before, "only the calling thread yields");
    }
}
