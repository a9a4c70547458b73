//! Where signing's heavy work runs, and how it makes way for readers.
//!
//! Sealing and the mail run on threads at nice 10, which the kernel gives
//! about a tenth of an ordinary thread's share when both want the CPU. The
//! one writer runs at the ordinary priority: a yielding writer only made
//! signing's own requests pile up waiting for it. When a flash crowd reads
//! the pages, the writer makes way by committing at most once per
//! `CROWD_BATCH_INTERVAL`: signatures that arrive meanwhile wait for that
//! one commit, so each signer waits a bounded time and signing as a whole
//! takes a smaller share of the CPU. (Lowering the writer's priority
//! instead left readers less and signers a longer, unbounded tail.)

use std::future::Future;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc::{Sender, channel};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use tokio::runtime::{Builder, Handle, Runtime};
use tokio::task::JoinHandle;

use crate::priority::{YIELDING, set_this_threads_nice};

/// A small runtime of its own threads (the writer's); shut down without
/// waiting when dropped (dropping a runtime may happen inside another one).
pub struct Background {
    handle: Handle,
    /// Taken only by `drop`.
    runtime: Option<Runtime>,
}

impl Background {
    /// `threads` threads named `name`.
    pub fn start(name: &str, threads: usize) -> std::io::Result<Background> {
        let runtime = Builder::new_multi_thread()
            .worker_threads(threads)
            .thread_name(name)
            .enable_all()
            .build()?;
        Ok(Background {
            handle: runtime.handle().clone(),
            runtime: Some(runtime),
        })
    }

    pub fn spawn<F>(&self, future: F) -> JoinHandle<F::Output>
    where
        F: Future + Send + 'static,
        F::Output: Send + 'static,
    {
        self.handle.spawn(future)
    }
}

impl Drop for Background {
    fn drop(&mut self) {
        if let Some(runtime) = self.runtime.take() {
            runtime.shutdown_background();
        }
    }
}

type Task = Box<dyn FnOnce() + Send>;

/// Plain low-priority threads taking closures from one queue, for work that
/// never awaits (sealing). A runtime's parking, timers and wake-ups cost a
/// signature a fifth of its sealing time, and its result had to go back to
/// an HTTP worker only to be passed on to the writer.
pub struct WorkerThreads {
    queue: Sender<Task>,
}

impl WorkerThreads {
    /// `threads` low-priority threads named `name`; they end when this is
    /// dropped, after the tasks already queued.
    pub fn start(name: &str, threads: usize) -> std::io::Result<WorkerThreads> {
        let (queue, tasks) = channel::<Task>();
        let tasks = Arc::new(Mutex::new(tasks));
        for _ in 0..threads.max(1) {
            let tasks = tasks.clone();
            std::thread::Builder::new()
                .name(name.to_string())
                .spawn(move || {
                    set_this_threads_nice(YIELDING);
                    loop {
                        // The lock is held only while waiting for the next task.
                        let next = match tasks.lock() {
                            Ok(tasks) => tasks.recv(),
                            Err(poisoned) => poisoned.into_inner().recv(),
                        };
                        let Ok(task) = next else { return };
                        // A panicking task drops what it owned (its reply
                        // channel, so its caller hears of it); the thread stays.
                        drop(catch_unwind(AssertUnwindSafe(task)));
                    }
                })?;
        }
        Ok(WorkerThreads { queue })
    }

    /// Queues `task`; `false` if the threads have ended.
    pub fn run(&self, task: impl FnOnce() + Send + 'static) -> bool {
        self.queue.send(Box::new(task)).is_ok()
    }
}

/// How many pages readers asked for, counted by the web layer.
#[derive(Default)]
pub struct ReaderLoad {
    pages: AtomicU64,
}

impl ReaderLoad {
    pub fn page_asked(&self) {
        self.pages.fetch_add(1, Ordering::Relaxed);
    }

    fn pages(&self) -> u64 {
        self.pages.load(Ordering::Relaxed)
    }
}

/// Pages per second from which readers are a crowd. Below it, readers use a
/// few per cent of a core and barely notice signing.
const CROWD_PAGES_PER_SECOND: f64 = 500.0;
/// The shortest span the rate of pages is measured over.
const SAMPLE: Duration = Duration::from_millis(250);
/// How long the writer keeps pacing after the crowd was last seen, so that
/// a pause between two waves does not flip it back and forth.
const LINGER: Duration = Duration::from_secs(2);
/// While readers are a crowd, the writer commits at most this often. With
/// 16 signers beside 48 readers on two cores, 15 ms kept readers 0.92 of
/// their rate and signers' p99 near 35 ms (12 ms: 0.87 of the rate; the
/// writer at nice 10, unpaced: 0.85, p99 near 45 ms).
const CROWD_BATCH_INTERVAL: Duration = Duration::from_millis(15);

/// The writer's pacing: it paces its commits while readers are a crowd.
pub struct PaceForReaders {
    readers: Arc<ReaderLoad>,
    sampled_at: Instant,
    sampled_pages: u64,
    crowd_seen: Option<Instant>,
}

impl PaceForReaders {
    pub fn new(readers: Arc<ReaderLoad>) -> Self {
        let sampled_pages = readers.pages();
        PaceForReaders {
            readers,
            sampled_at: Instant::now(),
            sampled_pages,
            crowd_seen: None,
        }
    }

    /// Whether readers are a crowd at `now` (or were, less than `LINGER`
    /// ago): the decision alone, apart from the clock.
    fn crowd(&mut self, now: Instant) -> bool {
        let span = now.saturating_duration_since(self.sampled_at);
        if span >= SAMPLE {
            let pages = self.readers.pages();
            let rate = pages.saturating_sub(self.sampled_pages) as f64 / span.as_secs_f64();
            if rate >= CROWD_PAGES_PER_SECOND {
                self.crowd_seen = Some(now);
            }
            self.sampled_at = now;
            self.sampled_pages = pages;
        }
        self.crowd_seen
            .is_some_and(|seen| now.saturating_duration_since(seen) < LINGER)
    }

    fn interval_at(&mut self, now: Instant) -> Duration {
        if self.crowd(now) {
            CROWD_BATCH_INTERVAL
        } else {
            Duration::ZERO
        }
    }
}

impl crate::store::signatures::Pacing for PaceForReaders {
    fn batch_interval(&mut self) -> Duration {
        self.interval_at(Instant::now())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paces_while_readers_are_a_crowd_and_for_a_while_after() {
        let readers = Arc::new(ReaderLoad::default());
        let mut pacing = PaceForReaders::new(readers.clone());
        let start = pacing.sampled_at;
        let at = |ms: u64| start + Duration::from_millis(ms);
        assert_eq!(pacing.interval_at(at(300)), Duration::ZERO, "no readers");
        // 100 pages in 300 ms: 333 a second, not a crowd.
        (0..100).for_each(|_| readers.page_asked());
        assert_eq!(pacing.interval_at(at(600)), Duration::ZERO);
        // 300 pages in the next 300 ms: a crowd.
        (0..300).for_each(|_| readers.page_asked());
        assert_eq!(pacing.interval_at(at(900)), CROWD_BATCH_INTERVAL);
        // Between samples the decision stands.
        assert_eq!(pacing.interval_at(at(1000)), CROWD_BATCH_INTERVAL);
        // The crowd is gone, but the writer lingers for LINGER.
        assert_eq!(pacing.interval_at(at(1500)), CROWD_BATCH_INTERVAL);
        assert_eq!(pacing.interval_at(at(2800)), CROWD_BATCH_INTERVAL);
        assert_eq!(pacing.interval_at(at(2950)), Duration::ZERO);
    }
}
