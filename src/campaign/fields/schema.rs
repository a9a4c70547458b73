//! Every field of the campaign file, described once, so the workspace can
//! show each part of a campaign as a form and read it back into the file.
//!
//! The description follows `model.rs` key by key; a test loads the demo
//! campaign through every section and checks nothing is lost on the way.

/// What a field holds.
#[derive(Debug)]
pub enum Kind {
    /// One line of text.
    Line,
    /// Several lines kept as written (addresses, account details).
    Lines,
    /// Markdown, previewed on the server.
    Markdown,
    /// `2022-05-11`.
    Date,
    /// `10:00`.
    Time,
    /// A whole number of at least 1.
    Number,
    /// An `http(s)` address.
    Url,
    /// A short identifier in the page's address (`main`, `court-2024`).
    Slug,
    Email,
    /// An organisation of the instance's registry, by id.
    Organisation,
    /// One of these codes.
    Choice(&'static [&'static str]),
    /// Yes or no (`true`/`false` in the file); left unset, the default.
    Flag,
    /// A table of fields; absent when all its fields are empty, unless required.
    Group(&'static [Field]),
    /// An array of tables, each with these fields.
    List(&'static [Field]),
    /// An array of tables of several kinds, told apart by the `kind` key.
    Tagged(&'static [Variant]),
    /// An array of single values.
    Values(&'static Kind),
}

#[derive(Debug)]
pub struct Variant {
    pub code: &'static str,
    pub fields: &'static [Field],
}

#[derive(Debug)]
pub struct Field {
    pub key: &'static str,
    pub kind: Kind,
    /// Text given per language (Russian and English side by side).
    pub localized: bool,
    pub required: bool,
}

/// The key that tells the variants of a [`Kind::Tagged`] list apart.
pub const TAG: &str = "kind";

const fn field(key: &'static str, kind: Kind) -> Field {
    Field {
        key,
        kind,
        localized: false,
        required: false,
    }
}

const fn required(key: &'static str, kind: Kind) -> Field {
    Field {
        key,
        kind,
        localized: false,
        required: true,
    }
}

const fn text(key: &'static str, kind: Kind) -> Field {
    Field {
        key,
        kind,
        localized: true,
        required: false,
    }
}

const fn required_text(key: &'static str, kind: Kind) -> Field {
    Field {
        key,
        kind,
        localized: true,
        required: true,
    }
}

/// One page of the campaign's forms: some of the file's top-level keys.
#[derive(Debug)]
pub struct Section {
    pub id: &'static str,
    pub fields: &'static [Field],
}

pub const STATUS_KINDS: &[&str] = &[
    "pre-trial-detention",
    "house-arrest",
    "ban-on-certain-activities",
    "travel-restriction",
    "sentenced",
    "serving-sentence",
    "released",
    "emigrated",
    "wanted",
    "sentenced-in-absentia",
    "deceased",
    "unknown",
];
pub const GENDERS: &[&str] = &["female", "male"];
pub const LEGAL_CODES: &[&str] = &[
    "criminal-code-rf",
    "administrative-code-rf",
    "criminal-code-by",
    "administrative-code-by",
];
pub const EVENT_KINDS: &[&str] = &[
    "search",
    "detention",
    "charge",
    "transfer",
    "measure-of-restraint",
    "hearing",
    "verdict",
    "appeal",
    "release",
    "other",
];
pub const HELP_KINDS: &[&str] = &["petition", "donate", "letters", "share"];
pub const CHANNEL_KINDS: &[&str] = &[
    "telegram",
    "vk",
    "youtube",
    "instagram",
    "x",
    "website",
    "email",
    "other",
];
pub const CONFIRMATIONS: &[&str] = &["email", "anonymous"];

const PERSON: &[Field] = &[
    required_text("name", Kind::Line),
    text("short_name", Kind::Line),
    field("gender", Kind::Choice(GENDERS)),
    field("born", Kind::Date),
    text("region", Kind::Line),
    required_text("summary", Kind::Markdown),
    text("biography", Kind::Markdown),
    field(
        "links",
        Kind::List(&[
            required_text("title", Kind::Line),
            required("url", Kind::Url),
        ]),
    ),
];

const STATUS: &[Field] = &[
    required("kind", Kind::Choice(STATUS_KINDS)),
    required("since", Kind::Date),
    text("sentence", Kind::Line),
    field("until", Kind::Date),
    field("expected_release", Kind::Date),
    field(
        "facility",
        Kind::Group(&[
            required_text("name", Kind::Line),
            required_text("address", Kind::Lines),
        ]),
    ),
];

const CHARGE: &[Field] = &[
    required("code", Kind::Choice(LEGAL_CODES)),
    required("article", Kind::Line),
    field("part", Kind::Line),
    text("clause", Kind::Line),
    required_text("title", Kind::Line),
    text("max_penalty", Kind::Line),
];

const EVENT: &[Field] = &[
    required("date", Kind::Date),
    field("time", Kind::Time),
    required("kind", Kind::Choice(EVENT_KINDS)),
    required_text("text", Kind::Markdown),
    text("place", Kind::Lines),
    field("source", Kind::Url),
];

const RECOGNITION: &[Field] = &[
    required("by", Kind::Organisation),
    field("date", Kind::Date),
    field("url", Kind::Url),
];

const DONATIONS: &[Variant] = &[
    Variant {
        code: "bank-card",
        fields: &[
            required("number", Kind::Line),
            required_text("bank", Kind::Line),
            field("system", Kind::Line),
            required_text("recipient", Kind::Line),
            text("note", Kind::Line),
            text("risk", Kind::Line),
        ],
    },
    Variant {
        code: "bank-transfer",
        fields: &[
            required_text("details", Kind::Lines),
            required_text("recipient", Kind::Line),
            text("note", Kind::Line),
            text("risk", Kind::Line),
        ],
    },
    Variant {
        code: "crypto",
        fields: &[
            required("currency", Kind::Line),
            field("network", Kind::Line),
            required("address", Kind::Line),
            text("note", Kind::Line),
            text("risk", Kind::Line),
        ],
    },
    Variant {
        code: "link",
        fields: &[
            required_text("title", Kind::Line),
            required("url", Kind::Url),
            text("note", Kind::Line),
            text("risk", Kind::Line),
        ],
    },
];

const HELP: &[Field] = &[
    field("order", Kind::Values(&Kind::Choice(HELP_KINDS))),
    field("donations", Kind::Tagged(DONATIONS)),
    field(
        "letters",
        Kind::Group(&[
            required_text("tips", Kind::Markdown),
            field("can_write", Kind::Flag),
            field("risky", Kind::Flag),
            field("forward", Kind::Flag),
            field("reply_to", Kind::Line),
            field("keep_undelivered", Kind::Flag),
            field("languages", Kind::Values(&Kind::Line)),
            field(
                "services",
                Kind::List(&[
                    required("name", Kind::Line),
                    required("url", Kind::Url),
                    text("cost", Kind::Line),
                ]),
            ),
        ]),
    ),
];

const PETITION: &[Field] = &[
    required("id", Kind::Slug),
    required_text("title", Kind::Line),
    required_text("text", Kind::Markdown),
    text("addressee", Kind::Line),
    field("goal", Kind::Number),
    required("opens", Kind::Date),
    field("closes", Kind::Date),
    field("confirmation", Kind::Choice(CONFIRMATIONS)),
];

const PUBLICATION: &[Field] = &[
    required("date", Kind::Date),
    required_text("outlet", Kind::Line),
    field("organisation", Kind::Organisation),
    required("title", Kind::Line),
    required("url", Kind::Url),
    required("language", Kind::Line),
];

const CHANNEL: &[Field] = &[
    required("kind", Kind::Choice(CHANNEL_KINDS)),
    required("url", Kind::Url),
    text("title", Kind::Line),
];

const UPDATE: &[Field] = &[
    required("id", Kind::Slug),
    required("date", Kind::Date),
    required_text("title", Kind::Line),
    required_text("body", Kind::Markdown),
];

const CONTACT: &[Field] = &[field("email", Kind::Email), field("url", Kind::Url)];

/// The forms of a campaign, in the order the workspace lists them. Together
/// they hold every key of the file except `slug` (fixed), `updated` (set by
/// publishing), `person.photo` (uploaded) and `organisations` (the registry).
pub const SECTIONS: &[Section] = &[
    Section {
        id: "person",
        fields: &[
            text("headline", Kind::Line),
            required("person", Kind::Group(PERSON)),
        ],
    },
    Section {
        id: "status",
        fields: &[required("status", Kind::Group(STATUS))],
    },
    Section {
        id: "charges",
        fields: &[field("charges", Kind::List(CHARGE))],
    },
    Section {
        id: "timeline",
        fields: &[field("timeline", Kind::List(EVENT))],
    },
    Section {
        id: "recognitions",
        fields: &[field("recognitions", Kind::List(RECOGNITION))],
    },
    Section {
        id: "help",
        fields: &[required("help", Kind::Group(HELP))],
    },
    Section {
        id: "petitions",
        fields: &[field("petitions", Kind::List(PETITION))],
    },
    Section {
        id: "publications",
        fields: &[field("publications", Kind::List(PUBLICATION))],
    },
    Section {
        id: "channels",
        fields: &[field("channels", Kind::List(CHANNEL))],
    },
    Section {
        id: "updates",
        fields: &[field("updates", Kind::List(UPDATE))],
    },
    Section {
        id: "contact",
        fields: &[required("contact", Kind::Group(CONTACT))],
    },
];

pub fn section(id: &str) -> Option<&'static Section> {
    SECTIONS.iter().find(|s| s.id == id)
}

/// The translation key of a field's label: its path without indices, as
/// `field-timeline-text`.
pub fn label_key(path_without_indices: &[&str]) -> String {
    let mut key = String::from("field");
    for part in path_without_indices {
        key.push('-');
        key.push_str(&part.replace('_', "-"));
    }
    key
}
