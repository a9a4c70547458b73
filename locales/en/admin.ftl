# The organisers' workspace.
admin-name = Svoboda workspace
admin-nav-label = Workspace
admin-nav-campaigns = Campaigns
admin-nav-people = People
admin-nav-audit = Audit log
admin-nav-account = My account
admin-sign-out = Sign out
admin-continue = Continue
admin-public-site = Open the public site

## Signing in
admin-sign-in-title = Sign in
admin-sign-in = Sign in
admin-field-login = Login name
admin-field-password = Password
admin-field-code = Code
admin-field-code-hint = The six digits your authenticator app shows now, or one of your recovery codes.
admin-sign-in-refused = The login name, the password or the code is not right. Please try again.
admin-sign-in-wait = Too many attempts. Please wait { $minutes } min before trying again.
admin-sign-in-no-account = Accounts are made by invitation only: ask the owner of this site for a link.

## Invitations and enrolment
admin-invitation-title = Join the workspace
admin-invited-as = You are invited as { $role } of the campaign “{ $campaign }”.
admin-invited-as-owner = You are invited as an owner of this site: you will manage every campaign, the people who work on them, and the settings.
admin-invitation-steps = Choose a login name and a password. Next, you will set up an authenticator app on your phone: signing in always needs a code from it.
admin-invitation-gone-title = This invitation cannot be used
admin-invitation-gone-text = The link has been used already, has expired (links last 24 hours), or is mistyped. Ask whoever invited you for a new one.
admin-field-login-hint = Letters, digits, dots, dashes and underscores. It need not be your real name.
admin-field-new-password = New password
admin-field-password-hint = At least 10 characters. A few unrelated words are easy to remember and hard to guess.
admin-field-repeat-password = The new password again
admin-field-current-password = Current password
admin-login-empty = Please choose a login name.
admin-login-too-long = Please use at most 64 characters.
admin-login-characters = Please use only letters, digits, dots, dashes and underscores, without spaces.
admin-login-taken = This login name is taken. Please choose another.
admin-password-too-short = Please use at least { $min } characters.
admin-password-too-long = Please use at most 256 characters.
admin-password-common = This password is among the first that guessers try. Please choose another.
admin-password-contains-login = The password must not contain the login name.
admin-password-differ = The two passwords differ. Please type the same one twice.
admin-password-wrong = The current password is not right.
admin-enrol-title = Set up your authenticator app
admin-enrol-intro = Open an authenticator app on your phone (for example Aegis, FreeOTP, Google Authenticator or Microsoft Authenticator), add an account and scan this code.
admin-enrol-qr-label = QR code for the authenticator app
admin-enrol-by-hand = Or type this key into the app:
admin-enrol-code = The six-digit code the app shows
admin-enrol-confirm = Confirm
admin-enrol-wrong-code = This code is not right. Check the phone's time and type the code the app shows now.
admin-enrol-expired = This step took too long or its page was changed. Please start again.
admin-recovery-title = Your recovery codes
admin-recovery-intro = If you lose your phone, each of these codes signs you in once instead of a code from the app. Write them down or print them, and keep them away from the phone. They are shown only now.
admin-recovery-saved = I have saved them: continue

## Campaigns
admin-home-title = Campaigns
admin-home-none = You have no campaign to work on yet. The owner of this site gives roles in campaigns.
admin-campaign-public-page = Open the public page
admin-campaign-petitions = Petitions
admin-campaign-no-petitions = This campaign has no petition.
admin-petition = Petition
admin-petition-state = State
admin-petition-count = Signatures
admin-petition-open = open
admin-petition-closed = closed
admin-petition-not-yet-open = not open yet

## Roles
admin-role-owner = owner
admin-role-editor = editor
admin-role-delivery = delivery

## My account
admin-account-title = My account
admin-sessions = Where I am signed in
admin-session-device = Browser
admin-session-started = Signed in
admin-session-seen = Last active
admin-session-this = this one
admin-session-end = Sign out there
admin-sessions-end-others = Sign out everywhere else
admin-password-change = Change the password
admin-password-changed = The password is changed. Every other session has been signed out.
admin-second-factor = Authenticator and recovery codes
admin-recovery-left = Unused recovery codes:
admin-recovery-renew = Make new recovery codes
admin-authenticator-replace = Set up a new authenticator app

## People
admin-people-title = People
admin-people-invite = Invite someone
admin-field-role = Role
admin-field-campaign = Campaign
admin-people-invite-button = Make an invitation link
admin-people-invitation-made = Send this link to the person over a safe channel. It works once, for { $hours } hours:
admin-people-choose-role = Please choose a role, and a campaign for it.
admin-people-list = Who works here
admin-people-you = you
admin-people-revoke = Take away
admin-people-grant = Give the role
admin-people-remove = Remove the account
admin-people-their-audit = What they did
admin-people-not-yourself = You cannot remove your own account.

## Audit log
admin-audit-title = Audit log
admin-audit-all = all
admin-audit-person = Person
admin-audit-filter = Show
admin-audit-empty = Nothing has been recorded yet.
admin-audit-when = When
admin-audit-who = Who
admin-audit-what = What
admin-audit-detail = Details
admin-audit-older = Older entries
admin-audit-sign-in = signed in
admin-audit-sign-in-failed = failed to sign in
admin-audit-sign-in-recovery-code = signed in with a recovery code
admin-audit-sign-out = signed out
admin-audit-session-ended = ended a session
admin-audit-sessions-ended-all = signed out everywhere else
admin-audit-invitation-created = made an invitation
admin-audit-invitation-accepted = accepted an invitation
admin-audit-role-granted = gave a role
admin-audit-role-revoked = took a role away
admin-audit-account-removed = removed an account
admin-audit-password-changed = changed their password
admin-audit-authenticator-replaced = set up a new authenticator
admin-audit-recovery-codes-renewed = made new recovery codes
admin-audit-export-downloaded = downloaded the signatures

## Delivery
admin-petition-export = Sealed signatures
admin-petition-download = Download
admin-export-how-title = Opening the signatures
admin-export-how-intro = The file is sealed to the organisers' key: nobody without that key can read it, not this server either. Open it on your own computer, where the key is kept, with Svoboda:
admin-export-how-age = or with the stock age tool, one record at a time:

## Mail
admin-nav-mail = Mail
admin-mail-title = Mail
admin-mail-held = No mail transport is configured: messages wait in the outbox and are not sent. Set mail_transport = "smtp" in the configuration.
admin-mail-directory = Messages are written as files into { $path } (for development), not sent.
admin-mail-smtp = Messages are sent through the mail server { $server }.
admin-mail-waiting = Waiting to be sent
admin-mail-retrying = Failed, waiting for another attempt
admin-mail-given-up = Given up (since the start)
admin-mail-counts-only = Counts only: the workspace never shows whom a message is for.
admin-mail-test = Send a test message
admin-mail-test-address = Address
admin-mail-test-button = Send now
admin-mail-test-subject = Svoboda: test message
admin-mail-test-text = This is a test message from the Svoboda workspace: mail from this site reaches this mailbox.
admin-mail-test-sent = The message was handed to the mail server. Check the mailbox (and its spam folder).
admin-mail-test-failed = The message could not be sent: { $reason }
admin-audit-mail-tested = sent a test message

## Editing
admin-edit-title = Editing { $slug }
admin-edit-preview = Preview the draft
admin-edit-history = History
admin-edit-download = Download the campaign file
admin-edit-file = The campaign file
admin-edit-save = Save the draft
admin-edit-saved = The draft is saved. It is not public until you publish it.
admin-edit-unpublished = The draft has changes that are not public yet.
admin-edit-publish = Publish
admin-edit-error-at-field = Line { $line }, field “{ $field }”:
admin-edit-error-at = Line { $line }:
admin-edit-error-field = Field “{ $field }”:
admin-edit-slug-changed = The file's slug must stay “{ $slug }”: it is part of the campaign's address.
admin-edit-demo-key = The organiser_key is the demo's published key, which anyone can download, so anyone could read the signers' data. Put your own key here (svoboda keys generate).
admin-edit-conflict = Someone else saved this campaign while you were editing. Nothing was overwritten: below, their version (−) against yours (+). Your text is kept in the form; saving it now replaces theirs.
admin-edit-conflict-diff = Their version against yours
admin-edit-restored = Revision #{ $id } is the draft again. Publish it to make it public.
admin-history-title = History of { $slug }
admin-history-back = Back to editing
admin-history-empty = Nothing has been saved in the workspace yet.
admin-history-revision = Revision
admin-history-published = published
admin-history-from = From
admin-history-to = To
admin-history-compare = Compare
admin-history-same = The two revisions are the same.
admin-history-restore = Make it the draft
admin-campaign-edit = Edit
admin-audit-campaign-saved = saved a draft
admin-audit-campaign-published = published
admin-audit-campaign-restored = restored a revision

## Signing in again without losing a form
admin-resume-title = Please sign in again
admin-resume-intro = Your session ended (after 30 minutes without activity, or 12 hours in all) while you were working. What you sent is kept: sign in again, then send it on.
admin-resume-continue-title = Signed in again
admin-resume-continue-text = What you sent before signing in again is kept. Send it now?
admin-resume-continue = Send it

## Photo
admin-photo-label = A new photo
admin-photo-hint = JPEG, PNG or WebP, up to 20 MB. Location and camera details are removed; it is shown after publishing.
admin-photo-upload = Upload the photo
admin-photo-uploaded = The photo is ready. It becomes public when you publish.
admin-photo-missing = Please choose a photo file.
admin-photo-too-large = The file is larger than 20 MB. Please choose a smaller one.
admin-photo-too-many-pixels = The image has more than 50 million pixels. Please choose a smaller one.
admin-photo-unreadable = This file is not a JPEG, PNG or WebP image that can be read.
admin-audit-photo-uploaded = uploaded a photo

## New campaign
admin-new-title = New campaign
admin-new-link = New campaign
admin-new-intro = Start from a campaign file made elsewhere (for example exported from another Svoboda), or fill in the file below. The campaign is a draft until you publish it.
admin-new-upload = A campaign file
admin-new-upload-button = Create from the file
admin-new-upload-unreadable = Please choose a campaign file (TOML text).
admin-new-create = Create the draft
admin-new-slug-taken = A campaign with the slug “{ $slug }” exists already. Please choose another slug.
admin-home-drafts = Drafts not yet published

## Organisations
admin-nav-organisations = Organisations
admin-orgs-title = Organisations
admin-orgs-intro = Organisations that campaigns mention, and the labels Russian law gives them. A page that mentions a labelled organisation shows the footnote the law requires; a change here shows on every such page at once.
admin-orgs-new = Add an organisation
admin-orgs-edit-title = Organisation
admin-orgs-name = Name
admin-orgs-id = Identifier
admin-orgs-id-hint = Lower-case Latin letters, digits and dashes, e.g. ovd-info; campaign files refer to it.
admin-orgs-id-error = Please use lower-case Latin letters, digits and dashes only.
admin-orgs-id-taken = An organisation with this identifier exists already.
admin-orgs-name-error = Please give the name in both languages.
admin-orgs-labels = Legal labels
admin-orgs-labels-hint = Tick each label the organisation has, with the date it was given if known.
admin-orgs-since = since
admin-orgs-date-error = Please give the date as YYYY-MM-DD, or leave it empty.
admin-orgs-save = Save
admin-label-foreign-agent = “foreign agent”
admin-label-undesirable = “undesirable organisation”
admin-label-extremist = “extremist”
admin-label-terrorist = “terrorist”
admin-audit-organisation-saved = changed an organisation
admin-petition-dates = opens { $opens }, closes after { $closes }
admin-petition-opens = opens { $opens }, no closing date
admin-keys-title = Organiser keys
admin-keys-now = New signatures are sealed to each of these keys; any one of their identities opens them:
admin-keys-none = No organiser key yet: a petition needs one before it takes signatures.
admin-keys-explain = Keep each identity on a different person's computer: one lost or seized laptop then loses nothing. Adding, replacing or removing a key applies to signatures from the moment it is published; signatures before stay sealed to the keys of their time.
admin-keys-periods = Which keys open which signatures
admin-keys-from = From
admin-keys-until = Until
admin-keys-sealed-to = Sealed to
admin-keys-unrecorded = the campaign's key of that time (not recorded)
admin-new-start-title = Start from the person's name
admin-new-slug = Address of the page
admin-new-slug-hint = Latin letters, digits and hyphens: the page will be at /ru/boris-romanov for “boris-romanov”. It cannot be changed later.
admin-new-start = Create the draft and fill it in
admin-new-from-file = Or from a campaign file
admin-edit-download-bundle = Download with the photo (.zip)
admin-audit-petition-closed = closed a petition
admin-audit-petition-opened = opened a petition
admin-petition-close-now = Stop taking signatures now
admin-petition-open-now = Take signatures from today
admin-petition-controls-hint = This changes the public page at once; a draft in progress gets the same change. The dates themselves are under Petitions in the forms.
admin-nav-settings = Settings
admin-settings-title = Instance settings
admin-settings-intro = What this instance runs with. These settings are kept in the configuration file on the server and take effect when Svoboda restarts; they cannot be changed from the browser, so that someone who takes over a session cannot redirect mail, trust another proxy or lengthen sessions.
admin-settings-notes = Warnings given at start
admin-settings-yes = yes
admin-settings-no = no
admin-settings-hours = { $n } h
admin-settings-minutes = { $n } min
admin-settings-days = { $n } days
admin-settings-burst = burst
admin-settings-public-url = Public address (public_url)
admin-settings-default-language = Default language (default_language)
admin-settings-admin-addr = Workspace on a listener of its own (admin_addr)
admin-settings-mail = Mail (mail)
admin-settings-session-idle-minutes = Session ends after inactivity (session_idle_minutes)
admin-settings-session-max-hours = Session ends at the latest after (session_max_hours)
admin-settings-confirm-link = Confirmation links work for (confirm_link_hours)
admin-settings-unconfirmed-removal = Unconfirmed signatures removed after (unconfirmed_removal_hours)
admin-settings-retention-after-close = Signers' data kept after a petition closes (retention_days_after_close)
admin-settings-sign-per-minute = Signatures per minute per address (sign_per_minute)
admin-settings-client-ip-header = Client address header (client_ip_header)
admin-settings-trusted-proxies = Trusted proxies (trusted_proxies)
admin-settings-embed-origins = Other sites whose forms may sign (embed_origins)
