## Interface text, English. Every key here exists in ru/main.ftl too (a test checks).

site-name = Svoboda
skip-to-content = Skip to content
language-switch = Language
footer-privacy = This site loads nothing from other sites and keeps no record of your visit.

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
search-by-name = Search by name
filter-by-status = Status
all-statuses = Any status
apply-filter = Show
reset-filter = Reset
nothing-found = No campaign matches the search.
no-campaigns = There are no campaigns yet.
charge-short = Art. { $article } of the { $code }

## Campaign page
campaign-title = Free { $name }!
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
