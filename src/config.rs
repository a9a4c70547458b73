//! One configuration: a TOML file, overridden by environment variables,
//! overridden by command-line flags. Unknown keys in the file are errors.

use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::time::Duration;

use serde::Deserialize;

use crate::account::Lifetimes;
use crate::campaign::Lang;

pub const DEFAULT_ADDR: &str = "127.0.0.1:8080";
/// The database's file name inside the data folder.
pub const DATABASE_FILE: &str = "svoboda.db";
const DEFAULT_REFRESH_MS: u64 = 1000;
/// Megabytes of rendered pages a process keeps (with their compressed forms).
const DEFAULT_PAGE_CACHE_MB: u64 = 32;
/// Peers' directories are fetched every ten minutes.
const DEFAULT_PEERS_FETCH_SECONDS: u64 = 600;
/// Hours a message file of the `directory` transport is kept.
const DEFAULT_MAIL_KEEP_HOURS: u64 = 24;
const DEFAULT_FROM: &str = "Svoboda <noreply@localhost>";

fn hours(h: u64) -> Duration {
    Duration::from_secs(h * 3600)
}

/// The configuration file, `--config FILE` or `SVOBODA_CONFIG`; every key optional.
#[derive(Debug, Default, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FileConfig {
    pub addr: Option<SocketAddr>,
    pub data_dir: Option<PathBuf>,
    pub database_url: Option<String>,
    pub public_url: Option<String>,
    pub mirrors: Option<Vec<String>>,
    pub onion_url: Option<String>,
    pub default_language: Option<Lang>,
    /// The languages the site offers, the first the default.
    pub languages: Option<Vec<Lang>>,
    /// A folder of languages added by files (`xx/main.ftl`…).
    pub locales_dir: Option<PathBuf>,
    /// Organisers' additions to the letter checker's lists (`ru.txt`…).
    pub letters_words_dir: Option<PathBuf>,
    /// Days what a letter says is kept after volunteers marked it sent.
    pub letters_days_after_sent: Option<u64>,
    /// Days a reply is kept after its writer first opened it.
    pub letter_replies_days_after_opened: Option<u64>,
    pub refresh_interval_ms: Option<u64>,
    pub page_cache_mb: Option<u64>,
    /// How often peers' directories are fetched (seconds).
    pub peers_fetch_seconds: Option<u64>,
    pub log_level: Option<LogLevel>,
    pub secret_file: Option<PathBuf>,
    pub mail_transport: Option<MailTransportKind>,
    pub mail_directory: Option<PathBuf>,
    pub mail_directory_keep_hours: Option<u64>,
    pub mail_from: Option<String>,
    pub smtp_host: Option<String>,
    pub smtp_port: Option<u16>,
    pub smtp_tls: Option<SmtpTls>,
    pub smtp_username: Option<String>,
    pub smtp_password: Option<String>,
    pub confirm_link_hours: Option<u64>,
    pub unconfirmed_removal_hours: Option<u64>,
    pub retention_days_after_close: Option<u64>,
    pub sign_per_minute: Option<u32>,
    pub sign_burst: Option<u32>,
    pub min_form_seconds: Option<u64>,
    pub client_ip_header: Option<String>,
    pub trusted_proxies: Option<Vec<ipnet::IpNet>>,
    pub embed_origins: Option<Vec<String>>,
    pub admin_addr: Option<SocketAddr>,
    pub admin_url: Option<String>,
    pub session_idle_minutes: Option<u64>,
    pub session_max_hours: Option<u64>,
    pub key_change_delay_hours: Option<u64>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum MailTransportKind {
    /// Each message as an .eml file (mode 0600) in a folder, deleted after
    /// `mail_directory_keep_hours`: for development and the demo.
    Directory,
    Smtp,
    /// Nothing is sent: mail waits in the outbox until another transport is
    /// configured (maintenance of the mail server, benchmarks).
    Hold,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SmtpTls {
    /// Plain connection upgraded with STARTTLS (port 587); refuses servers without it.
    Starttls,
    /// TLS from the first byte (port 465).
    Tls,
    /// No encryption: only for a relay on the same machine.
    None,
}

/// How mail leaves the instance.
#[derive(Debug, Clone, PartialEq)]
pub enum MailSettings {
    Hold,
    Directory {
        path: PathBuf,
        from: String,
        /// Files older than this are deleted.
        keep: Duration,
        /// Only in `--demo`: links are bearer tokens, logs are read by others.
        log_links: bool,
    },
    Smtp {
        host: String,
        port: u16,
        tls: SmtpTls,
        username: Option<String>,
        password: Option<String>,
        from: String,
    },
}

/// How long letters sent through campaigns are kept.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LetterSettings {
    /// After volunteers marked a letter sent (or not passed on, where the
    /// organisers do not keep those), what it says is deleted.
    pub kept_after_sent: Duration,
    /// After the writer first opened a reply, it is deleted.
    pub replies_kept_after_opened: Duration,
}

impl Default for LetterSettings {
    fn default() -> Self {
        LetterSettings {
            kept_after_sent: hours(24 * 30),
            replies_kept_after_opened: hours(24 * 30),
        }
    }
}

/// The rules of signing an operator may tune.
#[derive(Debug, Clone, PartialEq)]
pub struct PetitionSettings {
    pub secret_file: PathBuf,
    pub confirm_link: Duration,
    pub unconfirmed_removal: Duration,
    pub retention_after_close: Duration,
    pub sign_per_minute: u32,
    pub sign_burst: u32,
    pub min_form: Duration,
    /// Header with the client's address, set by a reverse proxy in front.
    pub client_ip_header: Option<String>,
    /// Peers whose `client_ip_header` is believed; from anyone else it is ignored.
    pub trusted_proxies: Vec<ipnet::IpNet>,
    /// Other sites whose pages may post the signing form (scheme://host[:port]).
    pub embed_origins: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, clap::ValueEnum)]
#[serde(rename_all = "lowercase")]
pub enum LogLevel {
    Error,
    Warn,
    Info,
    Debug,
}

/// Values given on the command line or in the environment (clap reads both).
#[derive(Debug, Default, Clone)]
pub struct Overrides {
    pub addr: Option<SocketAddr>,
    pub database_url: Option<String>,
    pub public_url: Option<String>,
    pub default_language: Option<Lang>,
    /// `--secret-file` or `SVOBODA_SECRET_FILE`.
    pub secret_file: Option<PathBuf>,
    /// `serve --demo`: its own data folder, mail into files, links logged.
    pub demo: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Config {
    pub addr: SocketAddr,
    /// Where the database, the secret and mail files live unless configured
    /// one by one: outside any checkout, owner-only.
    pub data_dir: PathBuf,
    /// Whether `data_dir` is the default one (then it is created on first use).
    pub data_dir_is_default: bool,
    pub demo: bool,
    pub database_url: String,
    /// Base of absolute links (feeds, share links, Open Graph).
    pub public_url: String,
    /// Other names of this instance (`scheme://host[:port]`): a request on
    /// one of them gets links on that name.
    pub mirrors: Vec<String>,
    /// The instance's onion service, named by `Onion-Location`.
    pub onion_url: Option<String>,
    pub default_language: Lang,
    /// The languages pages are offered in, in the language switch's order;
    /// `default_language` is among them.
    pub languages: Vec<Lang>,
    pub refresh_interval: Duration,
    /// Bytes of rendered pages kept in memory (`page_cache_mb`).
    pub page_cache_bytes: u64,
    /// How often peers' directories are fetched (`peers_fetch_seconds`).
    pub peers_fetch_interval: Duration,
    pub log_level: LogLevel,
    pub mail: MailSettings,
    /// `mail_transport = "hold"` was written on purpose (not the default).
    pub mail_hold_chosen: bool,
    pub petitions: PetitionSettings,
    /// The workspace's own listener; when set, the public one does not
    /// serve the workspace at all.
    pub admin_addr: Option<SocketAddr>,
    /// Where organisers open the workspace: `admin_url`, else the plain
    /// http address of `admin_addr`, else `public_url`. Its scheme decides
    /// whether the session cookie is `Secure`.
    pub workspace_url: String,
    /// Organisers' additions to the letter checker's lists.
    pub letters_words_dir: Option<PathBuf>,
    pub letters: LetterSettings,
    pub sessions: Lifetimes,
    /// How long an added organiser key waits before signatures are sealed
    /// to it (other owners can cancel it meanwhile).
    pub key_change_delay: Duration,
}

#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("cannot read the configuration file '{path}': {source}")]
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("the configuration file '{path}' is invalid: {message}")]
    Invalid { path: PathBuf, message: String },
}

impl FileConfig {
    pub fn load(path: &Path) -> Result<Self, ConfigError> {
        let text = std::fs::read_to_string(path).map_err(|source| ConfigError::Read {
            path: path.to_path_buf(),
            source,
        })?;
        let base = path.parent().unwrap_or(Path::new("."));
        Self::parse_in(&text, base).map_err(|message| ConfigError::Invalid {
            path: path.to_path_buf(),
            message,
        })
    }

    pub fn parse(text: &str) -> Result<Self, String> {
        Self::parse_in(text, Path::new("."))
    }

    /// Parses `text`, a relative `locales_dir` taken from `base`.
    fn parse_in(text: &str, base: &Path) -> Result<Self, String> {
        // The languages in locales_dir are loaded first: `languages` and
        // `default_language` may name them.
        let table: toml::Table = toml::from_str(text).map_err(|e| e.to_string())?;
        if let Some(dir) = table.get("locales_dir").and_then(|d| d.as_str()) {
            let dir = base.join(dir);
            crate::i18n::Lang::load_dir(&dir).map_err(|e| format!("locales_dir: {e}"))?;
        }
        let mut config: FileConfig = toml::from_str(text).map_err(|e| e.to_string())?;
        if let Some(dir) = &config.locales_dir {
            config.locales_dir = Some(base.join(dir));
        }
        if let Some(dir) = &config.letters_words_dir {
            let dir = base.join(dir);
            crate::letters::checker::load_lists(Some(&dir))
                .map_err(|e| format!("letters_words_dir: {e}"))?;
            config.letters_words_dir = Some(dir);
        }
        if let Some(languages) = &config.languages {
            if languages.is_empty() {
                return Err("languages: name at least one, the default first".into());
            }
            if let Some((i, twice)) = languages
                .iter()
                .enumerate()
                .find(|(i, l)| languages[..*i].contains(l))
                .map(|(i, l)| (i, *l))
            {
                return Err(format!(
                    "languages: '{twice}' is named twice (at {})",
                    i + 1
                ));
            }
            if let Some(default) = config.default_language
                && !languages.contains(&default)
            {
                return Err(format!(
                    "default_language '{default}' is not among languages: put it first there, or leave default_language out"
                ));
            }
        }
        if let Some(url) = &config.public_url {
            url::Url::parse(url).map_err(|e| format!("public_url '{url}': {e}"))?;
        }
        if let Some(url) = &config.admin_url {
            site_base(url).ok_or_else(|| {
                format!("admin_url: '{url}' is not an address like https://admin.example")
            })?;
            if config.admin_addr.is_none() {
                return Err(
                    "admin_url names the address of admin_addr's listener: set admin_addr too"
                        .into(),
                );
            }
        }
        for mirror in config.mirrors.iter().flatten() {
            site_base(mirror).ok_or_else(|| {
                format!("mirrors: '{mirror}' is not an address like https://mirror.example")
            })?;
        }
        if let Some(onion) = &config.onion_url {
            site_base(onion)
                .filter(|b| b.trim_end_matches('/').ends_with(".onion"))
                .ok_or_else(|| {
                    format!("onion_url: '{onion}' is not an onion address like http://abc….onion")
                })?;
        }
        for origin in config.embed_origins.iter().flatten() {
            normalize_origin(origin).ok_or_else(|| {
                format!("embed_origins: '{origin}' is not an origin like https://partner.example")
            })?;
        }
        Ok(config)
    }
}

/// `scheme://host[:port]` in lower case, without a default port, or `None`
/// when `text` is not an http(s) origin.
pub fn normalize_origin(text: &str) -> Option<String> {
    let url = url::Url::parse(text.trim()).ok()?;
    if !matches!(url.scheme(), "http" | "https") || url.host_str().is_none() {
        return None;
    }
    Some(url.origin().ascii_serialization())
}

/// An http(s) address without path, query or fragment, as `scheme://host[:port]`
/// (the form of `public_url`), or `None`.
pub fn site_base(text: &str) -> Option<String> {
    let url = url::Url::parse(text.trim()).ok()?;
    let bare = url.path() == "/" && url.query().is_none() && url.fragment().is_none();
    if !bare || !matches!(url.scheme(), "http" | "https") || url.host_str().is_none() {
        return None;
    }
    Some(url.origin().ascii_serialization())
}

/// The default data folder: `$XDG_DATA_HOME/svoboda` or
/// `~/.local/share/svoboda` (`svoboda-demo` for the demo), so that the
/// database, the secret and mail never land in a checkout by default.
pub fn default_data_dir(demo: bool) -> PathBuf {
    let name = if demo { "svoboda-demo" } else { "svoboda" };
    let base = std::env::var_os("XDG_DATA_HOME")
        .filter(|v| !v.is_empty())
        .map(PathBuf::from)
        .or_else(|| {
            std::env::var_os("HOME")
                .filter(|v| !v.is_empty())
                .map(|h| PathBuf::from(h).join(".local/share"))
        })
        .unwrap_or_else(|| PathBuf::from("/var/lib"));
    base.join(name)
}

impl Config {
    pub fn resolve(file: FileConfig, over: Overrides) -> Self {
        let data_dir_is_default = file.data_dir.is_none();
        let data_dir = file
            .data_dir
            .clone()
            .unwrap_or_else(|| default_data_dir(over.demo));
        let demo = over.demo;
        let addr = over.addr.or(file.addr).unwrap_or_else(|| {
            DEFAULT_ADDR
                .parse()
                .unwrap_or(SocketAddr::from(([127, 0, 0, 1], 8080)))
        });
        let default_mail = if demo {
            MailTransportKind::Directory
        } else {
            MailTransportKind::Hold
        };
        // Without `languages`, Russian and English; the default is named by
        // default_language, else the first.
        let mut languages = file.languages.clone().unwrap_or(vec![Lang::RU, Lang::EN]);
        let default_language = over
            .default_language
            .or(file.default_language)
            .or(languages.first().copied())
            .unwrap_or(Lang::RU);
        if !languages.contains(&default_language) {
            languages.insert(0, default_language);
        }
        let public_url = over
            .public_url
            .or(file.public_url)
            .unwrap_or_else(|| format!("http://{addr}"))
            .trim_end_matches('/')
            .to_string();
        Config {
            addr,
            database_url: over
                .database_url
                .or(file.database_url)
                .unwrap_or_else(|| format!("sqlite://{}", data_dir.join(DATABASE_FILE).display())),
            mirrors: file
                .mirrors
                .unwrap_or_default()
                .iter()
                .filter_map(|m| site_base(m))
                .collect(),
            onion_url: file.onion_url.as_deref().and_then(site_base),
            default_language,
            languages,
            refresh_interval: Duration::from_millis(
                file.refresh_interval_ms
                    .unwrap_or(DEFAULT_REFRESH_MS)
                    .max(50),
            ),
            page_cache_bytes: file
                .page_cache_mb
                .unwrap_or(DEFAULT_PAGE_CACHE_MB)
                .max(1)
                .saturating_mul(1024 * 1024),
            peers_fetch_interval: Duration::from_secs(
                file.peers_fetch_seconds
                    .unwrap_or(DEFAULT_PEERS_FETCH_SECONDS)
                    .max(5),
            ),
            log_level: file.log_level.unwrap_or(LogLevel::Info),
            mail_hold_chosen: file.mail_transport == Some(MailTransportKind::Hold),
            mail: match file.mail_transport.unwrap_or(default_mail) {
                MailTransportKind::Hold => MailSettings::Hold,
                MailTransportKind::Directory => MailSettings::Directory {
                    path: file.mail_directory.unwrap_or_else(|| data_dir.join("mail")),
                    from: file
                        .mail_from
                        .clone()
                        .unwrap_or_else(|| DEFAULT_FROM.to_string()),
                    keep: hours(
                        file.mail_directory_keep_hours
                            .unwrap_or(DEFAULT_MAIL_KEEP_HOURS),
                    ),
                    log_links: demo,
                },
                MailTransportKind::Smtp => MailSettings::Smtp {
                    host: file.smtp_host.unwrap_or_else(|| "localhost".to_string()),
                    port: file.smtp_port.unwrap_or(587),
                    tls: file.smtp_tls.unwrap_or(SmtpTls::Starttls),
                    username: file.smtp_username,
                    password: std::env::var("SVOBODA_SMTP_PASSWORD")
                        .ok()
                        .or(file.smtp_password),
                    from: file.mail_from.unwrap_or_else(|| DEFAULT_FROM.to_string()),
                },
            },
            petitions: PetitionSettings {
                secret_file: over
                    .secret_file
                    .or(file.secret_file)
                    .unwrap_or_else(|| data_dir.join("svoboda.secret")),
                confirm_link: hours(file.confirm_link_hours.unwrap_or(72)),
                unconfirmed_removal: hours(file.unconfirmed_removal_hours.unwrap_or(168)),
                retention_after_close: hours(24 * file.retention_days_after_close.unwrap_or(183)),
                sign_per_minute: file.sign_per_minute.unwrap_or(6).max(1),
                sign_burst: file.sign_burst.unwrap_or(3).max(1),
                min_form: Duration::from_secs(file.min_form_seconds.unwrap_or(3)),
                client_ip_header: file.client_ip_header.map(|h| h.to_ascii_lowercase()),
                trusted_proxies: file.trusted_proxies.unwrap_or_default(),
                embed_origins: file
                    .embed_origins
                    .unwrap_or_default()
                    .iter()
                    .filter_map(|o| normalize_origin(o))
                    .collect(),
            },
            letters_words_dir: file.letters_words_dir.clone(),
            letters: LetterSettings {
                kept_after_sent: hours(24 * file.letters_days_after_sent.unwrap_or(30)),
                replies_kept_after_opened: hours(
                    24 * file.letter_replies_days_after_opened.unwrap_or(30),
                ),
            },
            workspace_url: match (&file.admin_url, file.admin_addr) {
                (Some(url), _) => url.trim_end_matches('/').to_string(),
                (None, Some(addr)) => format!("http://{addr}"),
                (None, None) => public_url.clone(),
            },
            admin_addr: file.admin_addr,
            public_url,
            sessions: Lifetimes {
                idle: Duration::from_secs(60 * file.session_idle_minutes.unwrap_or(30).max(1)),
                absolute: hours(file.session_max_hours.unwrap_or(12).max(1)),
            },
            key_change_delay: file
                .key_change_delay_hours
                .map_or(crate::campaign::keys::DEFAULT_DELAY, hours),
            data_dir,
            data_dir_is_default,
            demo,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_workspace_is_opened_at_admin_url_else_admin_addr_else_public_url() {
        let resolve = |text: &str| {
            Config::resolve(
                FileConfig::parse(text).expect("valid"),
                Overrides::default(),
            )
            .workspace_url
        };
        let public = "public_url = \"https://svoboda.example\"\n";
        assert_eq!(resolve(public), "https://svoboda.example");
        let apart = format!("{public}admin_addr = \"10.8.0.1:8081\"\n");
        assert_eq!(resolve(&apart), "http://10.8.0.1:8081");
        let proxied = format!("{apart}admin_url = \"https://admin.example/\"\n");
        assert_eq!(resolve(&proxied), "https://admin.example");
        let lone = FileConfig::parse("admin_url = \"https://admin.example\"");
        assert!(lone.is_err_and(|e| e.contains("set admin_addr too")));
    }

    #[test]
    fn documented_example_matches_the_defaults() {
        let file =
            FileConfig::parse(include_str!("../svoboda.example.toml")).expect("example parses");
        let from_example = Config::resolve(file, Overrides::default());
        let defaults = Config::resolve(FileConfig::default(), Overrides::default());
        assert_eq!(from_example, defaults);
    }

    #[test]
    fn typo_in_a_key_is_an_error_naming_it() {
        let err = FileConfig::parse("adress = \"127.0.0.1:1\"").expect_err("unknown key");
        assert!(err.contains("adress"), "{err}");
    }

    #[test]
    fn flags_win_over_file() {
        let file = FileConfig::parse("database_url = \"sqlite://a.db\"\ndefault_language = \"en\"")
            .expect("valid");
        let over = Overrides {
            database_url: Some("sqlite://b.db".into()),
            ..Default::default()
        };
        let config = Config::resolve(file, over);
        assert_eq!(config.database_url, "sqlite://b.db");
        assert_eq!(config.default_language, Lang::EN);
    }

    #[test]
    fn languages_are_offered_in_order_the_first_the_default() {
        let resolve = |text: &str| {
            let config = Config::resolve(
                FileConfig::parse(text).expect("valid"),
                Overrides::default(),
            );
            (config.languages, config.default_language)
        };
        assert_eq!(resolve(""), (vec![Lang::RU, Lang::EN], Lang::RU));
        assert_eq!(
            resolve("languages = [\"be\", \"ru\", \"uk\"]"),
            (vec![Lang::BE, Lang::RU, Lang::UK], Lang::BE)
        );
        assert_eq!(
            resolve("languages = [\"be\", \"ru\"]\ndefault_language = \"ru\""),
            (vec![Lang::BE, Lang::RU], Lang::RU)
        );
        for (text, says) in [
            ("languages = []", "at least one"),
            ("languages = [\"ru\", \"ru\"]", "named twice"),
            (
                "languages = [\"ru\"]\ndefault_language = \"en\"",
                "not among languages",
            ),
            ("languages = [\"ru\", \"de\"]", "unknown language 'de'"),
            (
                "locales_dir = \"/no/such/folder\"",
                "locales_dir: cannot read",
            ),
            (
                "letters_words_dir = \"/no/such/folder\"",
                "letters_words_dir: cannot read",
            ),
        ] {
            let err = FileConfig::parse(text).expect_err(text);
            assert!(err.contains(says), "{text}: {err}");
        }
    }

    #[test]
    fn by_default_nothing_lands_in_the_working_folder_and_no_mail_is_written() {
        let config = Config::resolve(FileConfig::default(), Overrides::default());
        assert!(
            config.data_dir.is_absolute(),
            "{}",
            config.data_dir.display()
        );
        assert!(
            config
                .database_url
                .contains(&*config.data_dir.to_string_lossy())
        );
        assert!(config.petitions.secret_file.starts_with(&config.data_dir));
        assert_eq!(
            config.mail,
            MailSettings::Hold,
            "mail is held unless a transport is chosen"
        );
        let demo = Config::resolve(
            FileConfig::default(),
            Overrides {
                demo: true,
                ..Default::default()
            },
        );
        assert_ne!(
            demo.data_dir, config.data_dir,
            "the demo keeps its own data"
        );
        assert!(matches!(
            demo.mail,
            MailSettings::Directory {
                log_links: true,
                ..
            }
        ));
        let explicit = Config::resolve(
            FileConfig::parse("mail_transport = \"directory\"").expect("valid"),
            Overrides::default(),
        );
        assert!(
            matches!(
                explicit.mail,
                MailSettings::Directory {
                    log_links: false,
                    ..
                }
            ),
            "links are logged only in the demo"
        );
    }

    #[test]
    fn embed_origins_and_trusted_proxies_are_checked() {
        let file = FileConfig::parse(
            "embed_origins = [\"https://Partner.Example:443/path\"]\ntrusted_proxies = [\"10.0.0.0/8\", \"::1/128\"]",
        )
        .expect("valid");
        let config = Config::resolve(file, Overrides::default());
        assert_eq!(
            config.petitions.embed_origins,
            vec!["https://partner.example"]
        );
        assert_eq!(config.petitions.trusted_proxies.len(), 2);
        assert!(FileConfig::parse("embed_origins = [\"partner\"]").is_err());
        assert!(FileConfig::parse("mirrors = [\"https://m.example/path\"]").is_err());
        assert!(FileConfig::parse("onion_url = \"https://not-an-onion.example\"").is_err());
        let file = FileConfig::parse(
            "mirrors = [\"https://Mirror.Example/\"]\nonion_url = \"http://abcdef.onion\"",
        )
        .expect("valid");
        let config = Config::resolve(file, Overrides::default());
        assert_eq!(config.mirrors, vec!["https://mirror.example"]);
        assert_eq!(config.onion_url.as_deref(), Some("http://abcdef.onion"));
        assert!(FileConfig::parse("trusted_proxies = [\"10.0.0.0/33\"]").is_err());
    }
}
