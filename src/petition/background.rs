//! Where signing's heavy work runs (sealing, the mail, the writer): threads
//! at nice 10, which the kernel gives about a tenth of an ordinary thread's
//! share when both want the CPU. Alone, signing still uses the whole
//! machine; when a flash crowd also reads the pages, the readers come first
//! and signing takes what is left, instead of both slowing down alike.

use std::future::Future;

use tokio::runtime::{Builder, Handle, Runtime};
use tokio::task::JoinHandle;

/// A small runtime of low-priority threads; shut down without waiting when
/// dropped (dropping a runtime may happen inside another one).
pub struct Background {
    handle: Handle,
    /// Taken only by `drop`.
    runtime: Option<Runtime>,
}

impl Background {
    /// `threads` low-priority threads named `name`.
    pub fn start(name: &str, threads: usize) -> std::io::Result<Background> {
        let runtime = Builder::new_multi_thread()
            .worker_threads(threads)
            .thread_name(name)
            .on_thread_start(lower_this_threads_priority)
            .enable_all()
            .build()?;
        Ok(Background {
            handle: runtime.handle().clone(),
            runtime: Some(runtime),
        })
    }

    pub fn handle(&self) -> &Handle {
        &self.handle
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

/// Linux keeps a nice value per thread: this one yields to the others.
/// (Nice 19 kept readers faster still, but left signers a p99 over 100 ms.)
fn lower_this_threads_priority() {
    #[cfg(target_os = "linux")]
    // SAFETY: setpriority only changes the calling thread's scheduling
    // weight; failure leaves it as it was, which is harmless.
    unsafe {
        libc::setpriority(libc::PRIO_PROCESS, 0, 10);
    }
}
