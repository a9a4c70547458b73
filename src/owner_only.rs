//! Files and folders only their owner may read (0600 and 0700), whatever
//! the umask of the process that uses the library: the secret, signers'
//! mail, exports.

use std::fs::{DirBuilder, File, OpenOptions};
use std::path::Path;

/// Creates `path` and its missing parents, owner-only.
pub fn create_dir_all(path: &Path) -> std::io::Result<()> {
    let mut builder = DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::DirBuilderExt;
        builder.mode(0o700);
    }
    builder.create(path)
}

/// Creates a new file, owner-only; an existing one is never overwritten.
pub fn create_new(path: &Path) -> std::io::Result<File> {
    let mut options = OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    options.open(path)
}
