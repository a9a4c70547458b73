//! The command line: thin commands over the library. The doc comments below
//! are the `--help` text.

pub mod admin;
pub mod campaign;
pub mod letters;
pub mod mirror;
pub mod secret;
mod serve;
pub mod signatures;
pub mod updates;

use std::net::SocketAddr;
use std::path::PathBuf;

use clap::{Parser, Subcommand};

use crate::campaign::Lang;
use crate::campaign::file::FileError;
use crate::campaign::photo::PhotoError;
use crate::config::{ConfigError, FileConfig, Overrides};
use crate::store::{self, OpenMode, StoreError};

/// Svoboda: support campaigns for people persecuted for their civic activity.
#[derive(Debug, Parser)]
#[command(name = "svoboda", version)]
pub struct Cli {
    /// Configuration file (TOML); flags and environment variables override it.
    #[arg(long, global = true, env = "SVOBODA_CONFIG")]
    pub config: Option<PathBuf>,
    /// sqlite://PATH (default: svoboda.db in the data folder) or
    /// postgres://USER@HOST/DB.
    #[arg(long, global = true, env = "DATABASE_URL")]
    pub database_url: Option<String>,
    /// The instance secret's file (default: in the data folder). Under
    /// systemd, the credential's path (see deploy/svoboda.service).
    #[arg(long, global = true, env = "SVOBODA_SECRET_FILE")]
    pub secret_file: Option<PathBuf>,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Serve the public site.
    Serve(ServeArgs),
    /// Import, export and list campaigns.
    #[command(subcommand)]
    Campaign(CampaignCommand),
    /// A campaign's news updates.
    #[command(subcommand)]
    Updates(UpdatesCommand),
    /// Organiser keys: signers' data is sealed to the public key.
    #[command(subcommand)]
    Keys(KeysCommand),
    /// Export, decrypt and recount petition signatures.
    #[command(subcommand)]
    Signatures(SignaturesCommand),
    /// Letters sent through campaigns, on a letters volunteer's computer.
    #[command(subcommand)]
    Letters(LettersCommand),
    /// The instance secret (keys the address hashes, signs links).
    #[command(subcommand)]
    Secret(SecretCommand),
    /// Static copies of the public site, for when the site is blocked.
    #[command(subcommand)]
    Mirror(MirrorCommand),
    /// Other groups' instances shown in the directory.
    #[command(subcommand)]
    Peers(PeersCommand),
    /// The organisers' workspace (at /admin): invitations from the shell.
    #[command(subcommand)]
    Admin(AdminCommand),
    /// Write a consistent copy of the SQLite database to FILE, while serving.
    Backup {
        /// A new file; an existing one is never overwritten.
        file: PathBuf,
    },
}

#[derive(Debug, clap::Args)]
pub struct ServeArgs {
    /// Address to listen on (default 127.0.0.1:8080).
    #[arg(long, env = "SVOBODA_ADDR")]
    pub addr: Option<SocketAddr>,
    /// The address people reach the site at, for feeds and share links.
    #[arg(long, env = "SVOBODA_PUBLIC_URL")]
    pub public_url: Option<String>,
    /// Language of `/` when the browser states no supported one (a code:
    /// languages added by files are known once the configuration is read).
    #[arg(long, env = "SVOBODA_DEFAULT_LANGUAGE")]
    pub default_language: Option<String>,
    /// The demo: its own data folder, the demo campaign loaded if missing,
    /// mail written to files and confirmation links logged.
    #[arg(long)]
    pub demo: bool,
}

#[derive(Debug, Subcommand)]
pub enum AdminCommand {
    /// Print a one-time invitation link (valid 24 hours). The first owner
    /// is invited this way; owners invite everyone else in the workspace.
    Invite {
        #[arg(long, value_enum, default_value = "owner")]
        role: AdminRole,
        /// The campaign (slug) of an editor, delivery or letters role.
        #[arg(long)]
        campaign: Option<String>,
        /// The address the link starts with (default: where the server
        /// last started on this database serves the workspace).
        #[arg(long, env = "SVOBODA_PUBLIC_URL")]
        public_url: Option<String>,
        /// The demo's instance (`serve --demo`): its own data folder.
        #[arg(long)]
        demo: bool,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum AdminRole {
    /// Everything: every campaign, people and roles, settings.
    Owner,
    /// A campaign's content, updates and petitions' texts.
    Editor,
    /// Downloads a campaign's sealed signatures; nothing else.
    Delivery,
    /// Downloads a campaign's sealed letters, marks them sent, uploads
    /// replies; nothing else.
    Letters,
}

#[derive(Debug, Subcommand)]
pub enum PeersCommand {
    /// Print this instance's public key, for other groups to add it as a
    /// peer (exchange it with them out of band). It is derived from the
    /// instance secret: it changes when the secret is destroyed.
    Key,
}

#[derive(Debug, Subcommand)]
pub enum SecretCommand {
    /// The panic button: overwrite and remove the secret, empty the outbox,
    /// clear every stored address hash, and write a new secret. After it a
    /// seized disk cannot tell whether an address signed; pending
    /// confirmation and withdrawal links stop working. Restart the server
    /// afterwards.
    Destroy,
    /// Write a new instance secret to FILE (readable by its owner only),
    /// for installs that hand it to the service as a systemd credential.
    /// Refuses to overwrite a file.
    Generate { file: PathBuf },
}

#[derive(Debug, Subcommand)]
pub enum MirrorCommand {
    /// Write the whole public site into DIR as static files with relative
    /// links (every page in every language, updates, feeds, API documents,
    /// photos, CSS), for any static host or a disk opened in a browser.
    /// Run it again to update the copy: only what changed is rewritten.
    /// Petition forms post to public_url.
    Export {
        dir: PathBuf,
        /// The copy's own address, when it will have one: canonical links,
        /// feeds and share links then name it instead of public_url.
        #[arg(long)]
        url: Option<String>,
        /// The live instance, where the copy's forms post.
        #[arg(long, env = "SVOBODA_PUBLIC_URL")]
        public_url: Option<String>,
    },
}

#[derive(Debug, Subcommand)]
pub enum UpdatesCommand {
    /// Add a Telegram channel's posts as updates, from a Telegram Desktop
    /// export ("Export chat history", JSON): formatting as Markdown, links
    /// kept. Posts imported before (update `tg-ID`) are skipped.
    ImportTelegram {
        /// The campaign's slug.
        campaign: String,
        /// The export's result.json.
        file: PathBuf,
        /// The language the channel writes in.
        #[arg(long, default_value = "ru")]
        lang: String,
    },
}

#[derive(Debug, Subcommand)]
pub enum CampaignCommand {
    /// Import a campaign file (TOML); replaces the campaign with the same slug.
    Import {
        /// The campaign file; its photo is looked for next to it.
        file: PathBuf,
    },
    /// Export a campaign as a file.
    Export {
        slug: String,
        /// Write campaign.toml and photo.jpg into this folder instead of
        /// printing the file.
        #[arg(long)]
        out: Option<PathBuf>,
    },
    /// List the campaigns of this instance.
    List,
}

#[derive(Debug, Subcommand)]
pub enum KeysCommand {
    /// Create an organiser key pair on this computer: the identity goes to
    /// FILE (keep it off the server), the public key is printed; an owner
    /// adds it on the campaign's keys page in the workspace (or in the
    /// campaign file's `organiser_keys` for its first import).
    Generate {
        #[arg(long, default_value = "organiser-key.txt")]
        out: PathBuf,
    },
}

#[derive(Debug, Subcommand)]
pub enum SignaturesCommand {
    /// Write a petition's sealed signatures to standard output or a file.
    Export {
        /// CAMPAIGN/PETITION, e.g. boris-romanov/end-the-case.
        petition: String,
        /// A new file (created owner-only) instead of standard output.
        #[arg(long)]
        out: Option<PathBuf>,
    },
    /// On the organisers' computer: open an export and write CSV.
    Decrypt {
        /// The identity file from `svoboda keys generate` (or age-keygen).
        #[arg(long)]
        identity: PathBuf,
        file: PathBuf,
        /// A new file (created owner-only) instead of standard output.
        #[arg(long)]
        out: Option<PathBuf>,
    },
    /// On the organisers' computer: the delivery document (PDF) of an
    /// export: the petition's addressee, title and text, the number of
    /// signatures and the table of signers (confirmed ones), with page
    /// numbers. Likely duplicates (same name and city) and throwaway mail
    /// addresses are reported.
    Pdf {
        #[arg(long)]
        identity: PathBuf,
        file: PathBuf,
        /// The document's language: the addressee's.
        #[arg(long, default_value = "ru")]
        lang: String,
        /// Leave the reported signatures out of the document.
        #[arg(long)]
        exclude_suspect: bool,
        /// A new file (created owner-only) instead of standard output.
        #[arg(long)]
        out: Option<PathBuf>,
    },
    /// Compare every petition's stored count with its signatures and fix drift.
    Recount,
}

#[derive(Debug, Subcommand)]
pub enum LettersCommand {
    /// Print-ready pages (PDF) of an export downloaded from the workspace's
    /// letters page: each letter under the person's full name and the
    /// facility's address, signed as its writer chose, with a reply slip.
    Pdf {
        /// The identity file from `svoboda keys generate` (or age-keygen).
        #[arg(long)]
        identity: PathBuf,
        file: PathBuf,
        /// A new file (created owner-only) instead of standard output.
        #[arg(long)]
        out: Option<PathBuf>,
    },
}

#[derive(Debug, thiserror::Error)]
pub enum CliError {
    #[error(transparent)]
    Config(#[from] ConfigError),
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error(transparent)]
    File(#[from] FileError),
    #[error("{file}: {source}")]
    Photo { file: String, source: PhotoError },
    #[error("{path}: {source}")]
    Io {
        path: String,
        source: std::io::Error,
    },
    #[error(transparent)]
    Demo(#[from] crate::demo::DemoError),
    #[error("{0}")]
    Usage(String),
}

impl CliError {
    pub fn io(path: &std::path::Path, source: std::io::Error) -> Self {
        CliError::Io {
            path: path.display().to_string(),
            source,
        }
    }
}

impl Cli {
    fn file_config(&self) -> Result<FileConfig, CliError> {
        Ok(match &self.config {
            Some(path) => FileConfig::load(path)?,
            None => FileConfig::default(),
        })
    }
}

/// A language named on the command line: one shipped, or added by files in
/// the configuration's `locales_dir` (read by then).
fn language(code: &str) -> Result<Lang, CliError> {
    code.parse::<Lang>()
        .map_err(|e| CliError::Usage(e.to_string()))
}

/// Creates the default data folder, owner-only, on first use.
pub fn ensure_data_dir(config: &crate::config::Config) -> Result<(), CliError> {
    if !config.data_dir_is_default || config.data_dir.is_dir() {
        return Ok(());
    }
    crate::owner_only::create_dir_all(&config.data_dir)
        .map_err(|e| CliError::io(&config.data_dir, e))
}

pub async fn run(cli: Cli) -> Result<(), CliError> {
    let file = cli.file_config()?;
    let mut over = Overrides {
        database_url: cli.database_url.clone(),
        secret_file: cli.secret_file.clone(),
        ..Default::default()
    };
    match cli.command {
        Command::Serve(args) => {
            over.addr = args.addr;
            over.public_url = args.public_url;
            over.default_language = args.default_language.as_deref().map(language).transpose()?;
            over.demo = args.demo;
            let config = crate::config::Config::resolve(file, over);
            serve::run(config).await
        }
        Command::Secret(SecretCommand::Generate { file }) => secret::generate(&file),
        Command::Peers(PeersCommand::Key) => {
            let config = crate::config::Config::resolve(file, over);
            let secret = secret::load_existing(&config.petitions.secret_file)?;
            let key = secret
                .directory_key()
                .ok_or_else(|| CliError::Usage("the directory key cannot be made".into()))?;
            println!("{}", key.public());
            Ok(())
        }
        Command::Secret(SecretCommand::Destroy) => {
            let config = crate::config::Config::resolve(file, over);
            secret::destroy(&config).await
        }
        Command::Campaign(cmd) => {
            let config = crate::config::Config::resolve(file, over);
            ensure_data_dir(&config)?;
            campaign::run(&config, cmd).await
        }
        Command::Updates(UpdatesCommand::ImportTelegram {
            campaign,
            file: export,
            lang,
        }) => {
            let config = crate::config::Config::resolve(file, over);
            updates::import_telegram(&config, &campaign, &export, language(&lang)?).await
        }
        Command::Admin(AdminCommand::Invite {
            role,
            campaign,
            public_url,
            demo,
        }) => {
            over.demo = demo;
            let config = crate::config::Config::resolve(file, over);
            admin::invite(&config, role, campaign, public_url).await
        }
        Command::Mirror(MirrorCommand::Export {
            dir,
            url,
            public_url,
        }) => {
            over.public_url = public_url;
            let config = crate::config::Config::resolve(file, over);
            mirror::export(&config, &dir, url.as_deref()).await
        }
        Command::Keys(KeysCommand::Generate { out }) => signatures::generate(&out),
        Command::Letters(LettersCommand::Pdf {
            identity,
            file,
            out,
        }) => letters::pdf(&identity, &file, out.as_deref()),
        Command::Signatures(cmd) => {
            let config = crate::config::Config::resolve(file, over);
            match cmd {
                SignaturesCommand::Export { petition, out } => {
                    signatures::export(&config, &petition, out.as_deref()).await
                }
                SignaturesCommand::Decrypt {
                    identity,
                    file,
                    out,
                } => signatures::decrypt(&identity, &file, out.as_deref()),
                SignaturesCommand::Pdf {
                    identity,
                    file,
                    lang,
                    exclude_suspect,
                    out,
                } => signatures::pdf(
                    &identity,
                    &file,
                    language(&lang)?,
                    exclude_suspect,
                    out.as_deref(),
                ),
                SignaturesCommand::Recount => signatures::recount(&config).await,
            }
        }
        Command::Backup { file: dest } => {
            let config = crate::config::Config::resolve(file, over);
            let store = store::connect(&config.database_url, OpenMode::MustExist).await?;
            store.backup(&dest).await?;
            store.close().await;
            println!("backup written to {}", dest.display());
            Ok(())
        }
    }
}

/// The log level of the configuration, for `main` to set up logging first.
pub fn log_level(cli: &Cli) -> crate::config::LogLevel {
    cli.file_config()
        .ok()
        .and_then(|f| f.log_level)
        .unwrap_or(crate::config::LogLevel::Info)
}
