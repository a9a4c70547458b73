## Interface text, English. Every key here exists in ru/main.ftl too (a test checks).
## PLURAL($n) picks plural forms: Svoboda computes each language's rules (one, few, many, other).

language-name = English
language-locale = en_GB
not-translated = Not yet translated

site-name = Svoboda
skip-to-content = Skip to content
language-switch = Language
footer-privacy = This site loads nothing from other sites and keeps no record of your visit.
mirrors-intro = If this address is blocked, the same page is at:
petition-sends-to = This copy of the site sends your signature to { $host }. If that address is blocked for you, sign at one of the addresses at the bottom of the page.

## Dates
date-format = { $month } { $day }, { $year }
month-1 = January
month-2 = February
month-3 = March
month-4 = April
month-5 = May
month-6 = June
month-7 = July
month-8 = August
month-9 = September
month-10 = October
month-11 = November
month-12 = December

## Errors
error-back-to-directory = Go to all campaigns
error-not-found-title = Page not found
error-not-found-text = There is no such page. It may have moved, or the address may be mistyped.
error-forbidden-title = Not allowed
error-forbidden-text = Your account may not open this page or do this. If you need it, ask the owner of this site for the role.
error-unavailable-title = Temporarily unavailable
error-unavailable-text = The site cannot reach its database right now. Please try again in a minute.
error-internal-title = Something went wrong
error-internal-text = The page could not be shown. The error has been logged; please try again later.

## Directory
directory-title = Support campaigns
directory-description = People persecuted for their civic activity, and how to help them.
campaigns = Campaigns
help-now = Help now
upcoming-hearings = Upcoming hearings
birthdays = Birthdays in custody
birthdays-hint = A card or a letter on a birthday means a lot to someone behind bars.
search-by-name = Search by name, region or article
filter-by-status = Status
all-statuses = Any status
apply-filter = Show
reset-filter = Reset
nothing-found = No campaign matches the search.
no-campaigns = There are no campaigns yet.
directory-title-page = Support campaigns, page { $page }
pages-of = Page { $page } of { $pages }
pages-label = Pages of the list
pages-previous = ← Previous
pages-next = Next →
directory-found = { PLURAL($n) ->
    [one] { $n } campaign found
   *[other] { $n } campaigns found
}
charge-short = Art. { $article } of the { $code }

## Campaign page
campaign-title = Free { $name }!
campaign-title-plain = Free { $name }!
photo-alt = Photo: { $name }
photo-placeholder-alt = No photo of { $name }
status-since = since { $date }
sentence = Sentence
next-hearing = Next hearing
add-to-calendar = Add hearings to your calendar
more-hearings-in-calendar = more hearings are listed in the calendar
born = Born
about-person = About
about-case = About the criminal case
charges-heading = What is { $name } charged with?
charge-citation = { $form ->
    [apc] Article { $article }, part { $part }, clause “{ $clause }” of the { $code }
    [ap] Article { $article }, part { $part } of the { $code }
    [ac] Article { $article }, clause “{ $clause }” of the { $code }
   *[a] Article { $article } of the { $code }
}
quoted = “{ $text }”
max-penalty = Maximum penalty
timeline = Timeline
upcoming = upcoming
source = source
recognitions = Recognition as a political prisoner
recognised-by = { $org } recognised { $name } as a political prisoner
how-to-help = How can I help?
donate = Donate
risk = Be careful
letters = Write a letter
letters-address = Letters and postcards go to
letters-write = Write a letter and check it before sending
letter-title = A letter to { $name }
letter-intro = Write your letter here and press the button: the page marks what prison censors often stop, counts the pages and shows the letter ready to copy by hand, print, or paste into an e-letter service.
letter-nothing-kept = Nothing you type is kept: the check runs when you press the button, and the text is forgotten once the page is back.
letter-guide = What to write about, and what not to
letter-text = Your letter
letter-name = First name to sign with (optional)
letter-name-hint = A first name is enough. Leave it empty to sign as you like by hand.
letter-risky = Writing to this person can be dangerous for you: letters are read, and letters have been used as evidence against the people who sent them. Write nothing that tells who you are, do not sign with your full name, and do not give a return address.
letter-sign-risky = Sign with the name below anyway: I understand the risk
letter-name-hint-risky = Left off the letter unless you tick the box above.
letter-check = Check the letter
letter-check-title = What a censor may stop
letter-findings-none = Nothing from our lists. Censors may still stop a letter for other reasons: keep to everyday life.
letter-findings-intro = Censors often hold back letters with these words; consider writing around them. It is your choice.
letter-topic-war = the war
letter-topic-case = the criminal case
letter-topic-politics = politics
letter-topic-lgbt = LGBT topics
letter-topic-insult = words about officials that censors take as insults
letter-topic-foreign-script = words in a language the facility does not let through
letter-pages = { PLURAL($pages) ->
    [one] About { $pages } printed page.
   *[other] About { $pages } printed pages.
}
letter-long = Short letters pass the censor sooner, and e-letter services charge by the page.
letter-preview = The letter as it will be printed
letter-how-to-send = Print this page (only the letter is printed) or copy it by hand, and send it to the address at the top; or paste the text into an e-letter service.
letter-sends-to = This copy of the site has your letter checked at { $host }, which keeps nothing. If that address is blocked for you, use one of the addresses at the bottom of the page.
letter-empty = The letter is empty: write something first.
letter-too-long = The letter is longer than { $max } characters: please shorten it.
letter-unreadable = The form could not be read. Please try again.
letters-paused = { $gender ->
    [female] Letters do not reach { $name } now: she cannot receive them for a while. Follow the news to know when they do again.
    [male] Letters do not reach { $name } now: he cannot receive them for a while. Follow the news to know when they do again.
   *[other] Letters do not reach { $name } now. Follow the news to know when they do again.
}
letters-languages = The facility lets through letters in: { $languages }. Letters in other languages are not passed on.
letters-language = { $code ->
    [ru] Russian
    [en] English
    [be] Belarusian
    [uk] Ukrainian
   *[other] { $code }
}
letters-services = Paid e-letter services deliver to the facility too (the letter arrives printed, sometimes faster):
share = Tell others
share-link = Link to this page
share-text = Support { $name }
publications = Publications
updates = Updates
all-updates = All updates
feed = Atom feed
follow-channels = Follow the news:
last-updated = Last updated
report-inaccuracy = Report an inaccuracy
footnotes = Notes

## Updates
updates-title = { $name }: updates
updates-description = News of the campaign for { $name }.
no-updates = No updates yet.
feed-title = { $name }: updates
feed-author = Campaign for { $name }
hearings-calendar-title = { $name }: hearings

## Status: the banner on the campaign page, and the short label in lists
status-banner-pre-trial-detention = { $name } is in pre-trial detention
status-banner-house-arrest = { $name } is under house arrest
status-banner-ban-on-certain-activities = { $name } is banned from certain activities
status-banner-travel-restriction = { $name } is under a travel restriction
status-banner-sentenced = { $name } has been sentenced
status-banner-serving-sentence = { $name } is serving a sentence
status-banner-released = { $name } is free
status-banner-emigrated = { $name } has left the country
status-banner-wanted = { $name } is on the wanted list
status-banner-sentenced-in-absentia = { $name } has been sentenced in absentia
status-banner-deceased = { $name } has died
status-banner-unknown = The current status of { $name } is unknown
status-pre-trial-detention = Pre-trial detention
status-house-arrest = House arrest
status-ban-on-certain-activities = Ban on certain activities
status-travel-restriction = Travel restriction
status-sentenced = Sentenced
status-serving-sentence = Serving a sentence
status-released = Free
status-emigrated = Left the country
status-wanted = Wanted
status-sentenced-in-absentia = Sentenced in absentia
status-deceased = Deceased
status-unknown = Unknown

## Legal codes
code-criminal-code-rf = Criminal Code of the Russian Federation
code-administrative-code-rf = Code of Administrative Offences of the Russian Federation
code-criminal-code-by = Criminal Code of the Republic of Belarus
code-administrative-code-by = Code of Administrative Offences of the Republic of Belarus

## Timeline events
event-search = Search
event-detention = Detention
event-charge = Charge
event-transfer = Transfer
event-measure-of-restraint = Court decision on the measure of restraint
event-hearing = Hearing
event-verdict = Verdict
event-appeal = Appeal
event-release = Release
event-other = Event

## Donations
donation-bank-card = Bank card
donation-bank-transfer = Bank transfer
donation-crypto = Cryptocurrency
donation-link = Online
donation-card-number = Card number
donation-bank = Bank
donation-recipient = Recipient
donation-details = Details
donation-currency = Currency
donation-network = Network
donation-address = Address

## Channels
channel-telegram = Telegram
channel-vk = VK
channel-youtube = YouTube
channel-instagram = Instagram
channel-x = X
channel-website = Website
channel-email = E-mail
channel-other = Link

## Legal labels: the footnote text the law requires next to these organisations
label-foreign-agent = { $name } is included by the Ministry of Justice of the Russian Federation in the register of foreign agents.
label-undesirable = The activities of { $name } are declared undesirable in the Russian Federation.
label-extremist = { $name } is recognised as extremist and banned in the Russian Federation.
label-terrorist = { $name } is recognised as terrorist and banned in the Russian Federation.
label-since = since { $date }

## Petitions
petition = Petition
petition-sign = Sign the petition
petition-read-and-sign = Read and sign
petition-to = To
petition-count = { PLURAL($count) ->
    [one] { $count } signature
   *[other] { $count } signatures
}
petition-count-paper = { $count }: { $online } online + { $paper } on paper
embed-open-petition = Open the petition
petition-goal = Goal: { $goal }
petition-closed = The petition is closed. Final count: { $count }.
petition-not-yet-open = The petition opens on { $date }.
petition-closes = Open until { $date }.
petition-anonymous-note = This petition asks for no e-mail address, so its signatures are not verified.
petition-chart = Signatures over time
petition-chart-label = Signatures over time: { $count } by { $date }
petition-signers = Signed publicly
petition-signers-none = Nobody has chosen to show their name yet.
petition-newest = Newest
petition-older = Older
form-name = Your name
form-email = E-mail
form-email-hint = We send a link to confirm your signature. The address is never shown and never given to anyone.
form-city = City (optional)
form-country = Country (optional)
form-public = Show my name in the list of signers
form-consent = I have read the privacy notice and agree
form-honeypot = Leave this field empty
form-submit = Sign
form-errors = Please correct the marked fields.
form-unreadable = The form could not be read. Please fill it in again.
form-too-fast = That was very quick. Please check the form and send it again.
privacy-title = Privacy notice
privacy-text = Your name, e-mail address, city and country are encrypted as soon as they arrive, with a key that only the campaign organisers hold: this server cannot read them, and neither could anyone who seized it. The server keeps the hour of signing, whether it is confirmed, your name only if you chose to show it, and, while the petition is open, a keyed fingerprint of your address so that it counts once. Your IP address is never written down. The organisers use your data to deliver the petition. Every e-mail we send has a link to withdraw your signature, which deletes it. The encrypted data is deleted { $months } months after the petition closes.
field-error-required = Please fill this in.
field-error-too-long = Please use at most { $max } characters.
field-error-invalid-email = This does not look like an e-mail address.
field-error-consent-required = Please agree to the privacy notice to sign.
sign-check-mail-title = Check your mailbox
sign-check-mail-text = We have sent a message to the address you gave. Open the link in it to confirm your signature: only confirmed signatures count. If nothing arrives within a few minutes, look in the spam folder.
sign-counted-title = Thank you!
sign-counted-text = Your signature is counted.
sign-rate-limited-title = Too many signatures from your connection
sign-rate-limited-text = Please wait a minute and try again. Many people may share your connection's address.
sign-closed-title = The petition does not take signatures
sign-closed-text = This petition is closed or not open yet.
confirm-title = Confirm your signature
confirm-text = Press the button to confirm your signature under the petition.
confirm-button = Confirm my signature
confirm-done = Thank you! Your signature is confirmed and counted.
confirm-already = Your signature was already confirmed. Thank you!
link-expired = This link has expired or the signature no longer exists. You can sign again.
link-invalid = This link is not valid. Please open the link exactly as it came in the e-mail.
withdraw-title = Withdraw your signature
withdraw-text = Press the button to withdraw your signature. It will be deleted together with all your data.
withdraw-button = Withdraw my signature
withdraw-done = Your signature has been withdrawn and your data deleted.
withdraw-already = There is no such signature any more: it was already withdrawn or removed.
link-about = This link is about the petition "{ $petition }" in support of { $name }.
sign-elsewhere-title = Please sign here
sign-elsewhere-text = Your signature came from another website, so it was not counted: a page elsewhere may have sent it without you knowing. If you do want to sign, check the form below and press Sign.
back-to-campaign = Back to the campaign

## Mail
# One neutral subject for every message of signing: a mailbox reader learns
# no petition and no person from it.
mail-subject = About your request
mail-confirm-text =
    Hello,

    someone, probably you, gave this address to sign on our site. To confirm your signature, open this link and press the button; the page says what it is about:
    { $confirm }

    If it was not you, do nothing: nothing counts without confirmation, and the entry is deleted after a few days.

    To withdraw your signature at any time:
    { $withdraw }
mail-already-pending-text =
    Hello,

    this address has signed on our site before, but the signature is not confirmed yet. To confirm it, open this link and press the button:
    { $confirm }

    To withdraw it:
    { $withdraw }
mail-already-confirmed-text =
    Hello,

    someone, probably you, tried to sign on our site again with this address. Your signature is already counted, once; nothing has changed.

    To withdraw your signature:
    { $withdraw }
donation-qr = Scan with your phone instead of typing.
donation-qr-label = QR code: { $what }
action-sign = Sign
action-donate = Donate
action-letter = Write a letter
action-share = Share
status-until = The measure of restraint runs until { $date }
status-expected-release = Expected release: { $date }
upcoming-releases = Expected releases
count-signatures-total = { PLURAL($n) ->
    [one] { $n } confirmed signature
   *[other] { $n } confirmed signatures
} on all petitions
api-unreadable = The request could not be read as a signature (a JSON object): { $detail }
api-origin-not-allowed = This site may not send signatures here. Please sign on the petition's own page.
pdf-to = To
pdf-signatures = { PLURAL($count) ->
    [one] One signature
   *[other] { $count } signatures
}
pdf-col-number = No.
pdf-col-name = Name
pdf-col-city = City
pdf-col-country = Country
pdf-col-date = Signed
pdf-page = Page { $page } of { $pages }
api-too-large = The request is larger than a signature can be.
error-too-large-title = Too much sent at once
error-too-large-text = What was sent is longer than this page takes. Go back: a shorter text, or a smaller file, will go through.
peer-group = Run by { $group }
peer-as-of = as of { $date }
letter-rate-limited = Too many letters from your connection in a short time. Your letter is below, as you wrote it: wait a minute and send it again.
letter-elsewhere = This letter was sent to us from another site's page, perhaps without your knowing. Nothing was sent: check the letter below and press “Send” here if you want it to go.
letter-return-address-too-long = The return address is longer than 300 characters: please shorten it.
letter-email-invalid = This does not look like an e-mail address. Check it, or leave the field empty.
letter-unavailable = The letter could not be saved just now. Nothing is lost: your text is below. Please try again in a few minutes.
letter-return-address = Return address (optional)
letter-return-address-hint = Printed under the letter, for a reply straight to you. Leave it empty and the reply comes through the campaign's volunteers.
letter-return-address-hint-risky = Left off the letter unless you tick the box above. Safer: leave it empty, the reply comes through the volunteers.
letter-email = E-mail for a reply notice (optional)
letter-email-hint = Never printed or shown to anyone. When a reply arrives we send one short message that names no one, and delete the address.
letter-send = Send through the campaign
letter-send-explain = Sent letters are sealed at once: only the campaign's letter volunteers can open them, to print and post them. You get a private link to follow your letter and read the reply.
letter-sent-title = Your letter is on its way
letter-sent-text = Letter No { $number } to { $name } is received. Volunteers will print it and post it.
letter-sent-keep-title = Keep this link
letter-sent-keep-text = It shows where your letter is and, when it comes, the reply. It is shown only now: bookmark it or copy it somewhere safe. We cannot show it again.
letter-sent-private = The site keeps no copy of this link: without it nobody, we included, can tell that you wrote.
letter-sent-notice = When a reply arrives, we send one short message to the address you left, and delete it.
mail-letter-reply-subject = A reply has arrived
mail-letter-reply-text =
    Hello,

    a reply has arrived to the letter you sent through { $site }. Open the link you kept when you sent it to read the reply.

    Your address has now been deleted from the site; this is the only message it was used for.
receipt-title = Letter No { $number }
receipt-to = To { $name }
receipt-received = Received on { $date }.
receipt-state-received = Waiting for the volunteers to print and post it.
receipt-state-sent = Posted on { $date }.
receipt-state-not-forwarded = The volunteers could not pass this letter on. Their reason:
receipt-replies = Reply
receipt-reply = Arrived on { $date }
receipt-reply-alt = Photo of the handwritten reply
receipt-reply-deleted = Deleted some time after you opened it, as the site does with every reply.
receipt-private = Only this link opens this page. Keep it private: anyone who has it sees the letter's state and the reply.
letters-pdf-title = Letters to { $name }
letters-pdf-number = Letter No { $number }
letters-pdf-return = Return address: { $address }
letters-pdf-slip-title = Reply slip · letter No { $number }
letters-pdf-slip-keep-number = To answer, write your reply and mention letter No { $number }: the volunteers pass it to the writer.
letters-pdf-slip-send-to = To answer, write your reply on this slip or on a sheet with letter No { $number } and send it to: { $address }. The volunteers pass it to the writer.
letters-pdf-none = No letters in this export opened with this key.
write-to-someone = Write to someone who gets few letters
write-to-someone-none = Nobody on this site can receive letters right now.
letters-forwarded = There you can also send it through the campaign: its volunteers print it and post it, and a private link lets you follow it and read the reply.
