//! The public site as static files (`svoboda mirror export`), for any
//! static host: a second domain, object storage, a USB stick. Pages are
//! rendered by the application itself, as a static copy (`Site`), so the
//! copy cannot drift from the live site; links become relative. Only what
//! changed is rewritten, and only files of an earlier copy are removed.

pub mod links;

use std::collections::{BTreeSet, HashSet, VecDeque};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use bytes::Bytes;
use tower_service::Service;

use super::AppState;
use super::paths;
use super::site::Site;

/// Lists the files of the copy, so a later export knows what it may remove.
pub const MANIFEST: &str = ".svoboda-copy";

#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    #[error("cannot write '{path}': {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error(
        "'{0}' is not empty and holds no earlier copy (no {MANIFEST} file): choose an empty or new folder"
    )]
    NotACopy(PathBuf),
    #[error("the page {path} answered {status}")]
    Page { path: String, status: StatusCode },
}

/// What an export did.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Report {
    pub files: usize,
    pub written: usize,
    pub removed: usize,
}

/// What an export tells as it goes.
pub enum Progress<'a> {
    Written(&'a str),
    Removed(&'a str),
}

/// Writes the copy into `dir`. `base` is the copy's own address when known
/// (its canonical links then name it), else links name `public_url`.
pub async fn export(
    state: Arc<AppState>,
    dir: &Path,
    base: Option<&str>,
    mut progress: impl FnMut(Progress<'_>),
) -> Result<Report, ExportError> {
    let io = |path: &Path| {
        let path = path.to_path_buf();
        move |source| ExportError::Io { path, source }
    };
    public_dirs(dir, dir).map_err(io(dir))?;
    let before = earlier_copy(dir)?;
    let site = Site::static_copy(&state.sites, base);
    let mut app = crate::app(state.clone());

    let content = state.content();
    let mut queue: VecDeque<String> = VecDeque::new();
    queue.push_back("/".to_string());
    queue.extend(state.languages().iter().map(|l| paths::directory(*l)));
    queue.extend(
        [
            "/robots.txt",
            "/sitemap.xml",
            paths::API_CAMPAIGNS,
            super::public::api::openapi::PATH,
        ]
        .map(str::to_string),
    );
    // The signed directory for peers, when this process holds the key.
    if state.petitions.secret.directory_key().is_some() {
        queue.push_back(super::public::api::directory::PATH.to_string());
    }
    queue.extend(
        (1..=super::public::crawlers::sitemap_file_count(&content, state.languages()))
            .map(super::public::crawlers::sitemap_file_path),
    );
    for c in content.listings() {
        queue.push_back(paths::api_campaign(c.slug.as_str()));
        for &lang in state.languages() {
            queue.push_back(paths::feed(lang, c.slug.as_str()));
            queue.push_back(paths::hearings(lang, c.slug.as_str()));
        }
    }
    drop(content);

    let mut seen: HashSet<String> = queue.iter().cloned().collect();
    let mut produced = BTreeSet::new();
    let mut report = Report::default();
    while let Some(path) = queue.pop_front() {
        let Some(file) = links::file_for(&path) else {
            continue;
        };
        // `/` chooses a language by the browser's; a copy opens in the
        // instance's own.
        let source = if path == "/" {
            paths::directory(state.settings.default_lang)
        } else {
            path.clone()
        };
        let (content_type, body) = fetch(&mut app, &site, &source).await?;
        let body = if content_type.starts_with("text/html") {
            let html = String::from_utf8_lossy(&body);
            if let Some(card) = links::share_card(&html, site.base())
                && seen.insert(card.to_string())
            {
                queue.push_back(card.to_string());
            }
            let rewritten = links::rewrite(&html, |href| {
                let (target_path, fragment) = links::site_link(href)?;
                let target = links::file_for(target_path)?;
                if seen.insert(target_path.to_string()) {
                    queue.push_back(target_path.to_string());
                }
                Some(format!("{}{fragment}", links::relative(&file, &target)))
            });
            Bytes::from(rewritten)
        } else {
            body
        };
        let target = dir.join(&file);
        if std::fs::read(&target).ok().as_deref() != Some(&body[..]) {
            write_atomically(dir, &target, &body)?;
            report.written += 1;
            progress(Progress::Written(&file));
        }
        produced.insert(file);
    }
    for old in before.difference(&produced) {
        let path = dir.join(old);
        match std::fs::remove_file(&path) {
            Ok(()) => {
                report.removed += 1;
                progress(Progress::Removed(old));
            }
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => return Err(io(&path)(e)),
        }
    }
    let manifest: String = produced.iter().map(|f| format!("{f}\n")).collect();
    write_atomically(dir, &dir.join(MANIFEST), manifest.as_bytes())?;
    report.files = produced.len();
    Ok(report)
}

/// The files of the copy already in `dir`; an error when `dir` holds
/// something else, which an export must not mix with or remove.
fn earlier_copy(dir: &Path) -> Result<BTreeSet<String>, ExportError> {
    let manifest = dir.join(MANIFEST);
    match std::fs::read_to_string(&manifest) {
        Ok(text) => Ok(text
            .lines()
            // Only names this exporter could have written are ever removed.
            .filter(|l| links::file_for(&format!("/{l}")).as_deref() == Some(*l))
            .map(str::to_string)
            .collect()),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            let empty = std::fs::read_dir(dir)
                .map_err(|source| ExportError::Io {
                    path: dir.to_path_buf(),
                    source,
                })?
                .next()
                .is_none();
            if empty {
                Ok(BTreeSet::new())
            } else {
                Err(ExportError::NotACopy(dir.to_path_buf()))
            }
        }
        Err(source) => Err(ExportError::Io {
            path: manifest,
            source,
        }),
    }
}

/// A GET of `path` as the static copy `site`: its content type and body.
async fn fetch(
    app: &mut crate::App,
    site: &Site,
    path: &str,
) -> Result<(String, Bytes), ExportError> {
    let mut request = Request::get(path)
        .body(Body::empty())
        .map_err(|_| ExportError::Page {
            path: path.to_string(),
            status: StatusCode::BAD_REQUEST,
        })?;
    request.extensions_mut().insert(site.clone());
    let response = match app.call(request).await {
        Ok(response) => response,
        Err(never) => match never {},
    };
    let status = response.status();
    if status != StatusCode::OK {
        return Err(ExportError::Page {
            path: path.to_string(),
            status,
        });
    }
    let content_type = response
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .to_string();
    let body = axum::body::to_bytes(response.into_body(), usize::MAX)
        .await
        .map_err(|e| ExportError::Io {
            path: PathBuf::from(path),
            source: std::io::Error::other(e.to_string()),
        })?;
    Ok((content_type, body))
}

/// A static copy is public, and the web server that serves it runs as
/// another user: its folders are readable by all, whatever the umask of
/// this process (owner-only, for the secret and the data).
const PUBLIC_DIR: u32 = 0o755;
const PUBLIC_FILE: u32 = 0o644;

/// Creates `dir` (inside the copy's `root`) and makes it and every folder
/// between them readable by all.
fn public_dirs(root: &Path, dir: &Path) -> std::io::Result<()> {
    use std::os::unix::fs::PermissionsExt;
    std::fs::create_dir_all(dir)?;
    for folder in dir.ancestors().take_while(|a| a.starts_with(root)) {
        std::fs::set_permissions(folder, std::fs::Permissions::from_mode(PUBLIC_DIR))?;
    }
    Ok(())
}

/// Replaces `path` whole or not at all: a host serving the folder during an
/// export never serves half a page. Readable by all, like its folders.
fn write_atomically(root: &Path, path: &Path, bytes: &[u8]) -> Result<(), ExportError> {
    use std::os::unix::fs::PermissionsExt;
    let io = |source| ExportError::Io {
        path: path.to_path_buf(),
        source,
    };
    if let Some(parent) = path.parent() {
        public_dirs(root, parent).map_err(io)?;
    }
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let temporary = path.with_file_name(format!(".{name}.partial"));
    std::fs::write(&temporary, bytes).map_err(io)?;
    std::fs::set_permissions(&temporary, std::fs::Permissions::from_mode(PUBLIC_FILE))
        .map_err(io)?;
    std::fs::rename(&temporary, path).map_err(io)
}
