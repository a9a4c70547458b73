## Тэксты інтэрфейсу, беларуская. Кожны ключ ёсць і ў en/main.ftl (гэта правярае тэст).
## Множны лік выбірае PLURAL($n): правілы мовы вылічвае Svoboda (one, few, many, other).

language-name = Беларуская
language-locale = be_BY
site-name = Svoboda
skip-to-content = Перайсці да зместу
language-switch = Мова
not-translated = Яшчэ не перакладзена
footer-privacy = Гэты сайт нічога не загружае з іншых сайтаў і не запісвае вашых наведванняў.
mirrors-intro = Калі гэты адрас заблакаваны, тая ж старонка ёсць тут:
petition-sends-to = Гэтая копія сайта адпраўляе подпіс на { $host }. Калі гэты адрас у вас заблакаваны, падпішыце па адным з адрасоў унізе старонкі.

## Даты
date-format = { $day } { $month } { $year } г.
month-1 = студзеня
month-2 = лютага
month-3 = сакавіка
month-4 = красавіка
month-5 = мая
month-6 = чэрвеня
month-7 = ліпеня
month-8 = жніўня
month-9 = верасня
month-10 = кастрычніка
month-11 = лістапада
month-12 = снежня

## Памылкі
error-back-to-directory = Да ўсіх кампаній
error-not-found-title = Старонку не знойдзена
error-not-found-text = Такой старонкі няма. Магчыма, яна пераехала або ў адрасе памылка.
error-forbidden-title = Няма доступу
error-forbidden-text = Вашаму ўліковаму запісу нельга адкрыць гэтую старонку або зрабіць гэта. Калі гэта трэба, папрасіце ролю ва ўладальніка сайта.
error-unavailable-title = Часова недаступна
error-unavailable-text = Сайт зараз не можа злучыцца з базай даных. Паспрабуйце яшчэ раз праз хвіліну.
error-internal-title = Нешта пайшло не так
error-internal-text = Старонку не атрымалася паказаць. Памылка запісана ў журнал; паспрабуйце пазней.

## Каталог
directory-title = Кампаніі падтрымкі
directory-description = Людзі, якіх пераследуюць за грамадзянскую актыўнасць, і як ім дапамагчы.
campaigns = Кампаніі
help-now = Дапамагчы зараз
upcoming-hearings = Бліжэйшыя пасяджэнні
birthdays = Дні нараджэння ў зняволенні
birthdays-hint = Паштоўка ці ліст на дзень нараджэння вельмі шмат значаць для чалавека за кратамі.
search-by-name = Пошук па імені, рэгіёне або артыкуле
filter-by-status = Статус
all-statuses = Любы статус
apply-filter = Паказаць
reset-filter = Скінуць
nothing-found = Па запыце нічога не знойдзена.
no-campaigns = Кампаній пакуль няма.
directory-title-page = Кампаніі падтрымкі, старонка { $page }
pages-of = Старонка { $page } з { $pages }
pages-label = Старонкі спісу
pages-previous = ← Папярэдняя
pages-next = Наступная →
directory-found = { PLURAL($n) ->
    [one] Знойдзена { $n } кампанія
    [few] Знойдзена { $n } кампаніі
   *[many] Знойдзена { $n } кампаній
}
charge-short = арт. { $article } { $code }

## Старонка кампаніі
# Беларускія імёны Svoboda не скланяе: заклік пабудаваны так, каб імя стаяла ў назоўным склоне.
campaign-title = { $name } мае быць на волі!
campaign-title-plain = { $name } мае быць на волі!
photo-alt = Фота: { $name }
photo-placeholder-alt = Фатаграфіі няма: { $name }
status-since = з { $date }
sentence = Прысуд
next-hearing = Бліжэйшае пасяджэнне
add-to-calendar = Дадаць пасяджэнні ў каляндар
more-hearings-in-calendar = астатнія пасяджэнні — у календары
born = Дата нараджэння
about-person = Пра чалавека
about-case = Пра крымінальную справу
charges-heading = Што інкрымінуюць: { $name }
charge-citation = { $form ->
    [apc] п. «{ $clause }» ч. { $part } арт. { $article } { $code }
    [ap] ч. { $part } арт. { $article } { $code }
    [ac] п. «{ $clause }» арт. { $article } { $code }
   *[a] арт. { $article } { $code }
}
quoted = «{ $text }»
max-penalty = Максімальнае пакаранне
timeline = Храналогія
upcoming = наперадзе
source = крыніца
recognitions = Прызнанне палітвязнем
recognised-by = { $gender ->
    [female] Прызнаная палітвязнем: { $org }
   *[other] Прызнаны палітвязнем: { $org }
}
how-to-help = Як дапамагчы?
donate = Ахвяраваць
risk = Будзьце асцярожныя
letters = Напісаць ліст
letters-address = Лісты і паштоўкі дасылайце на адрас
letters-write = Напісаць ліст і праверыць яго перад адпраўкай
letter-title = Ліст: { $name }
letter-intro = Напішыце ліст тут і націсніце кнопку: старонка адзначыць тое, што цэнзары ў калоніях і СІЗА часта не прапускаюць, палічыць старонкі і пакажа ліст гатовым, каб перапісаць ад рукі, раздрукаваць або ўставіць у сэрвіс электронных лістоў.
letter-nothing-kept = Нічога з набранага не захоўваецца: праверка ідзе, калі вы націскаеце кнопку, і тэкст забываецца, як толькі старонка вярнулася.
letter-guide = Пра што пісаць і пра што не варта
letter-text = Ваш ліст
letter-name = Імя для подпісу (неабавязкова)
letter-name-hint = Дастаткова імя. Пакіньце пустым, каб падпісацца ад рукі як хочаце.
letter-risky = Пісаць гэтаму чалавеку можа быць небяспечна для вас: лісты чытаюць, і лісты ўжо выкарыстоўвалі як доказ супраць тых, хто іх даслаў. Не пішыце нічога, што выдае, хто вы, не падпісвайцеся поўным імем і не пазначайце зваротны адрас.
letter-sign-risky = Усё адно падпісаць імем ніжэй: я разумею рызыку
letter-name-hint-risky = Не трапіць у ліст, пакуль вы не адзначыце поле вышэй.
letter-check = Праверыць ліст
letter-check-title = Што можа не прапусціць цэнзар
letter-findings-none = Нічога з нашых спісаў. Цэнзар можа затрымаць ліст і з іншых прычын: пішыце пра штодзённае.
letter-findings-intro = Лісты з такімі словамі цэнзары часта затрымліваюць; падумайце, як напісаць інакш. Вырашаць вам.
letter-topic-war = вайна
letter-topic-case = крымінальная справа
letter-topic-politics = палітыка
letter-topic-lgbt = ЛГБТ-тэмы
letter-topic-insult = словы пра супрацоўнікаў, якія цэнзары лічаць абразай
letter-topic-foreign-script = словы на мове, якую ўстанова не прапускае
letter-pages = { PLURAL($pages) ->
    [one] Прыкладна { $pages } друкаваная старонка.
    [few] Прыкладна { $pages } друкаваныя старонкі.
   *[many] Прыкладна { $pages } друкаваных старонак.
}
letter-long = Кароткія лісты цэнзура прапускае хутчэй, а сэрвісы электронных лістоў бяруць плату за старонку.
letter-preview = Ліст, якім ён будзе надрукаваны
letter-how-to-send = Раздрукуйце гэтую старонку (надрукуецца толькі ліст) або перапішыце ад рукі і дашліце на адрас уверсе; або ўстаўце тэкст у сэрвіс электронных лістоў.
letter-sends-to = Гэтая копія сайта правярае ліст на { $host }; там нічога не захоўваецца. Калі гэты адрас у вас заблакаваны, адкрыйце адзін з адрасоў унізе старонкі.
letter-empty = Ліст пусты: спачатку напішыце што-небудзь.
letter-too-long = Ліст даўжэйшы за { $max } знакаў: калі ласка, скараціце яго.
letter-unreadable = Не ўдалося прачытаць форму. Паспрабуйце яшчэ раз.
letters-paused = Цяпер лісты не даходзяць: { $name } нейкі час не можа іх атрымліваць. Сачыце за навінамі, каб даведацца, калі гэта зменіцца.
letters-languages = Установа прапускае лісты на мовах: { $languages }. Лісты на іншых мовах не перадаюць.
letters-language = { $code ->
    [ru] руская
    [en] англійская
    [be] беларуская
    [uk] украінская
   *[other] { $code }
}
letters-services = У ўстанову дастаўляюць і платныя сэрвісы электронных лістоў (ліст прыходзіць раздрукаваным, часам хутчэй):
share = Раскажыце іншым
share-link = Спасылка на гэтую старонку
share-text = Падтрымайце: { $name }
publications = Публікацыі
updates = Навіны
all-updates = Усе навіны
feed = Стужка Atom
follow-channels = Сачыце за навінамі:
last-updated = Абноўлена
report-inaccuracy = Паведаміць пра недакладнасць
footnotes = Заўвагі

## Навіны
updates-title = { $name }: навіны
updates-description = Навіны кампаніі падтрымкі: { $name }.
no-updates = Навін пакуль няма.
feed-title = { $name }: навіны
feed-author = Кампанія падтрымкі: { $name }
hearings-calendar-title = { $name }: пасяджэнні

## Статус: плашка на старонцы кампаніі і кароткая пазнака ў спісах
status-banner-pre-trial-detention = { $name } у СІЗА
status-banner-house-arrest = { $name } пад хатнім арыштам
status-banner-ban-on-certain-activities = { $name } пад забаронай пэўных дзеянняў
status-banner-travel-restriction = { $name } пад падпіскай аб нявыездзе
status-banner-sentenced = { $gender ->
    [female] { $name } асуджаная
   *[other] { $name } асуджаны
}
status-banner-serving-sentence = { $name } адбывае пакаранне
status-banner-released = { $name } на волі
status-banner-emigrated = { $gender ->
    [female] { $name } выехала з краіны
   *[other] { $name } выехаў з краіны
}
status-banner-wanted = { $gender ->
    [female] { $name } абвешчаная ў вышук
   *[other] { $name } абвешчаны ў вышук
}
status-banner-sentenced-in-absentia = { $gender ->
    [female] { $name } асуджаная завочна
   *[other] { $name } асуджаны завочна
}
status-banner-deceased = { $gender ->
    [female] { $name } памерла
   *[other] { $name } памёр
}
status-banner-unknown = Цяперашні статус невядомы: { $name }
status-pre-trial-detention = СІЗА
status-house-arrest = Хатні арышт
status-ban-on-certain-activities = Забарона пэўных дзеянняў
status-travel-restriction = Падпіска аб нявыездзе
status-sentenced = Прысуд
status-serving-sentence = Адбывае пакаранне
status-released = На волі
status-emigrated = { $gender ->
    [female] Выехала з краіны
    [male] Выехаў з краіны
   *[other] Выехаў(ла) з краіны
}
status-wanted = У вышуку
status-sentenced-in-absentia = { $gender ->
    [female] Асуджаная завочна
    [male] Асуджаны завочна
   *[other] Асуджаны(ая) завочна
}
status-deceased = { $gender ->
    [female] Памерла
    [male] Памёр
   *[other] Памёр(ла)
}
status-unknown = Невядома

## Кодэксы
code-criminal-code-rf = КК РФ
code-administrative-code-rf = КаАП РФ
code-criminal-code-by = КК Рэспублікі Беларусь
code-administrative-code-by = КаАП Рэспублікі Беларусь

## Падзеі храналогіі
event-search = Ператрус
event-detention = Затрыманне
event-charge = Абвінавачанне
event-transfer = Этапаванне
event-measure-of-restraint = Суд аб меры стрымання
event-hearing = Судовае пасяджэнне
event-verdict = Прысуд
event-appeal = Апеляцыя
event-release = Вызваленне
event-other = Падзея

## Ахвяраванні
donation-bank-card = Банкаўская картка
donation-bank-transfer = Банкаўскі перавод
donation-crypto = Крыптавалюта
donation-link = Анлайн
donation-card-number = Нумар карткі
donation-bank = Банк
donation-recipient = Атрымальнік
donation-details = Рэквізіты
donation-currency = Валюта
donation-network = Сетка
donation-address = Адрас

## Каналы
channel-telegram = Telegram
channel-vk = УКантакце
channel-youtube = YouTube
channel-instagram = Instagram
channel-x = X
channel-website = Сайт
channel-email = Пошта
channel-other = Спасылка

## Прававыя пазнакі: тэкст заўвагі, якога закон Расіі патрабуе побач з гэтымі арганізацыямі
label-foreign-agent = Арганізацыя «{ $name }» унесена Міністэрствам юстыцыі РФ у рэестр замежных агентаў.
label-undesirable = Дзейнасць арганізацыі «{ $name }» прызнана непажаданай на тэрыторыі РФ.
label-extremist = Арганізацыя «{ $name }» прызнана экстрэмісцкай і забаронена ў РФ.
label-terrorist = Арганізацыя «{ $name }» прызнана тэрарыстычнай і забаронена ў РФ.
label-since = з { $date }

## Петыцыі
petition = Петыцыя
petition-sign = Падпісаць петыцыю
petition-read-and-sign = Прачытаць і падпісаць
petition-to = Каму
petition-count = { PLURAL($count) ->
    [one] { $count } подпіс
    [few] { $count } подпісы
   *[many] { $count } подпісаў
}
petition-count-paper = { $count }: { $online } анлайн + { $paper } на паперы
embed-open-petition = Адкрыць петыцыю
petition-goal = Мэта: { $goal }
petition-closed = Петыцыя закрытая. Вынік: { $count }.
petition-not-yet-open = Петыцыя адкрыецца { $date }.
petition-closes = Адкрытая да { $date }.
petition-anonymous-note = Гэтая петыцыя не пытае адрас пошты, таму подпісы пад ёй не правераныя.
petition-chart = Подпісы па днях
petition-chart-label = Подпісы па днях: { $count } на { $date }
petition-signers = Падпісалі адкрыта
petition-signers-none = Пакуль ніхто не захацеў паказаць сваё імя.
petition-newest = Самыя новыя
petition-older = Раней
form-name = Ваша імя
form-email = Пошта
form-email-hint = Мы дашлём спасылку, каб пацвердзіць подпіс. Адрас ніколі не паказваецца і нікому не перадаецца.
form-city = Горад (неабавязкова)
form-country = Краіна (неабавязкова)
form-public = Паказаць маё імя ў спісе тых, хто падпісаў
form-consent = Я прачытаў(ла) паведамленне пра прыватнасць і згодны(ая)
form-honeypot = Пакіньце гэтае поле пустым
form-submit = Падпісаць
form-errors = Калі ласка, выпраўце пазначаныя палі.
form-unreadable = Не атрымалася прачытаць форму. Калі ласка, запоўніце яе яшчэ раз.
form-too-fast = Занадта хутка. Праверце форму і адпраўце яе яшчэ раз.
privacy-title = Паведамленне пра прыватнасць
privacy-text = Вашы імя, адрас пошты, горад і краіна шыфруюцца адразу пры атрыманні ключом, які ёсць толькі ў арганізатараў кампаніі: гэты сервер не можа іх прачытаць, як і той, хто яго канфіскуе. Сервер захоўвае гадзіну подпісу, ці пацверджаны ён, ваша імя — толькі калі вы вырашылі яго паказаць, і, пакуль петыцыя адкрытая, ключавы адбітак адраса, каб подпіс лічыўся адзін раз. Ваш IP-адрас нідзе не запісваецца. Арганізатары выкарыстоўваюць вашы даныя, каб перадаць петыцыю адрасату. У кожным нашым лісце ёсць спасылка, каб адклікаць подпіс і выдаліць яго. Зашыфраваныя даныя выдаляюцца праз { $months } мес. пасля закрыцця петыцыі.
field-error-required = Запоўніце гэтае поле.
field-error-too-long = Не больш за { $max } знакаў.
field-error-invalid-email = Гэта не падобна на адрас пошты.
field-error-consent-required = Каб падпісаць, пагадзіцеся з паведамленнем пра прыватнасць.
sign-check-mail-title = Праверце пошту
sign-check-mail-text = Мы даслалі ліст на пазначаны адрас. Адкрыйце спасылку з яго, каб пацвердзіць подпіс: лічацца толькі пацверджаныя подпісы. Калі ліст не прыйшоў за некалькі хвілін, праверце тэчку «Спам».
sign-counted-title = Дзякуй!
sign-counted-text = Ваш подпіс улічаны.
sign-rate-limited-title = Занадта шмат подпісаў з вашага падключэння
sign-rate-limited-text = Пачакайце хвіліну і паспрабуйце яшчэ раз. Адрас вашага падключэння можа быць агульным для многіх людзей.
sign-closed-title = Петыцыя не прымае подпісы
sign-closed-text = Гэтая петыцыя закрытая або яшчэ не адкрытая.
confirm-title = Пацвердзіце подпіс
confirm-text = Націсніце кнопку, каб пацвердзіць подпіс пад петыцыяй.
confirm-button = Пацвердзіць подпіс
confirm-done = Дзякуй! Ваш подпіс пацверджаны і ўлічаны.
confirm-already = Ваш подпіс ужо быў пацверджаны. Дзякуй!
link-expired = Тэрмін дзеяння спасылкі скончыўся або подпісу больш няма. Вы можаце падпісаць зноў.
link-invalid = Спасылка несапраўдная. Адкрыйце яе дакладна так, як яна прыйшла ў лісце.
withdraw-title = Адклікаць подпіс
withdraw-text = Націсніце кнопку, каб адклікаць подпіс. Ён будзе выдалены разам з усімі вашымі данымі.
withdraw-button = Адклікаць подпіс
withdraw-done = Ваш подпіс адкліканы, даныя выдалены.
withdraw-already = Такога подпісу больш няма: ён ужо адкліканы або выдалены.
link-about = Гэтая спасылка датычыць петыцыі «{ $petition }» у падтрымку: { $name }.
sign-elsewhere-title = Калі ласка, падпішыце тут
sign-elsewhere-text = Подпіс прыйшоў з іншага сайта, таму ён не ўлічаны: чужая старонка магла адправіць яго без вашага ведама. Калі вы хочаце падпісаць, праверце форму ніжэй і націсніце «Падпісаць».
back-to-campaign = Вярнуцца да кампаніі

## Лісты
# Адна нейтральная тэма для ўсіх лістоў пра подпіс: па ёй той, хто чытае скрыню,
# не даведаецца ні петыцыі, ні чалавека.
mail-subject = Пра ваш запыт
mail-confirm-text =
    Добры дзень!

    Нехта, верагодна вы, пазначыў гэты адрас, каб паставіць подпіс на нашым сайце. Каб пацвердзіць подпіс, адкрыйце спасылку і націсніце кнопку; на старонцы сказана, пра што гаворка:
    { $confirm }

    Калі гэта былі не вы, нічога не рабіце: без пацверджання нічога не лічыцца, а запіс выдаляецца праз некалькі дзён.

    Адклікаць подпіс можна ў любы момант:
    { $withdraw }
mail-already-pending-text =
    Добры дзень!

    З гэтага адраса ўжо ставілі подпіс на нашым сайце, але ён яшчэ не пацверджаны. Каб пацвердзіць яго, адкрыйце спасылку і націсніце кнопку:
    { $confirm }

    Адклікаць подпіс:
    { $withdraw }
mail-already-confirmed-text =
    Добры дзень!

    Нехта, верагодна вы, зноў паспрабаваў паставіць подпіс на нашым сайце з гэтага адраса. Ваш подпіс ужо ўлічаны, адзін раз; нічога не змянілася.

    Адклікаць подпіс:
    { $withdraw }
donation-qr = Адсканіруйце тэлефонам, каб не набіраць уручную.
donation-qr-label = QR-код: { $what }
action-sign = Падпісаць
action-donate = Дапамагчы грашыма
action-letter = Напісаць ліст
action-share = Расказаць
status-until = Меру стрымання падоўжылі да { $date }
status-expected-release = Чаканае вызваленне: { $date }
upcoming-releases = Хутка на волю
count-signatures-total = Пацверджаных подпісаў ва ўсіх петыцыях: { $n }
api-unreadable = Не атрымалася прачытаць запыт як подпіс (аб'ект JSON): { $detail }
api-origin-not-allowed = З гэтага сайта нельга адпраўляць подпісы сюды. Падпішыце на старонцы самой петыцыі.
pdf-to = Каму
pdf-signatures = { PLURAL($count) ->
    [one] { $count } подпіс
    [few] { $count } подпісы
   *[many] { $count } подпісаў
}
pdf-col-number = №
pdf-col-name = Імя
pdf-col-city = Горад
pdf-col-country = Краіна
pdf-col-date = Падпісана
pdf-page = Старонка { $page } з { $pages }
api-too-large = Запыт большы, чым можа быць подпіс.
error-too-large-title = Занадта шмат даных адразу
error-too-large-text = Адпраўленае даўжэйшае, чым прымае гэтая старонка. Вярніцеся назад: карацейшы тэкст або меншы файл пройдуць.
peer-group = Вядзе: { $group }
peer-as-of = звесткі на { $date }
letter-rate-limited = Занадта шмат лістоў з вашага падключэння за кароткі час. Ваш ліст ніжэй, як вы яго напісалі: пачакайце хвіліну і дашліце зноў.
letter-elsewhere = Гэты ліст прыйшоў да нас са старонкі іншага сайта, магчыма, без вашага ведама. Нічога не даслана: праверце ліст ніжэй і націсніце «Даслаць» тут, калі хочаце яго даслаць.
letter-return-address-too-long = Зваротны адрас даўжэйшы за 300 знакаў: калі ласка, скараціце яго.
letter-email-invalid = Гэта не падобна на адрас электроннай пошты. Праверце яго або пакіньце поле пустым.
letter-unavailable = Зараз не ўдалося захаваць ліст. Нічога не страчана: ваш тэкст ніжэй. Паспрабуйце яшчэ раз праз некалькі хвілін.
letter-return-address = Зваротны адрас (неабавязкова)
letter-return-address-hint = Друкуецца пад лістом, каб адказ прыйшоў проста вам. Пакіньце пустым, і адказ прыйдзе праз валанцёраў кампаніі.
letter-return-address-hint-risky = Не трапіць у ліст, пакуль вы не адзначыце поле вышэй. Бяспечней пакінуць пустым: адказ прыйдзе праз валанцёраў.
letter-email = Пошта для паведамлення пра адказ (неабавязкова)
letter-email-hint = Ніколі не друкуецца і нікому не паказваецца. Калі прыйдзе адказ, мы дашлём адно кароткае паведамленне без імёнаў і выдалім адрас.
letter-send = Даслаць праз кампанію
letter-send-explain = Дасланы ліст адразу запячатваецца: адкрыць яго могуць толькі валанцёры кампаніі, якія раздрукуюць і дашлюць яго. Вы атрымаеце асабістую спасылку, каб сачыць за лістом і прачытаць адказ.
letter-sent-title = Ваш ліст у дарозе
letter-sent-text = Ліст № { $number } для адрасата «{ $name }» атрыманы. Валанцёры раздрукуюць і дашлюць яго.
letter-sent-keep-title = Захавайце гэтую спасылку
letter-sent-keep-text = Па ёй відаць, дзе ваш ліст, і, калі прыйдзе, адказ. Яна паказана толькі зараз: дадайце яе ў закладкі або скапіюйце ў надзейнае месца. Паказаць яе зноў мы не зможам.
letter-sent-private = Сайт не захоўвае гэтую спасылку: без яе ніхто, і мы таксама, не можа даведацца, што вы пісалі.
letter-sent-notice = Калі прыйдзе адказ, мы дашлём адно кароткае паведамленне на пакінуты адрас і выдалім яго.
mail-letter-reply-subject = Прыйшоў адказ
mail-letter-reply-text =
    Вітаем!

    Прыйшоў адказ на ліст, які вы даслалі праз { $site }. Адкрыйце спасылку, якую захавалі пры адпраўцы, каб прачытаць адказ.

    Ваш адрас цяпер выдалены з сайта; гэта адзінае паведамленне, для якога ён спатрэбіўся.
receipt-title = Ліст № { $number }
receipt-to = Адрасат: { $name }
receipt-received = Атрыманы { $date }.
receipt-state-received = Чакае, калі валанцёры раздрукуюць і дашлюць яго.
receipt-state-sent = Дасланы { $date }.
receipt-state-not-forwarded = Валанцёры не змаглі перадаць гэты ліст. Прычына:
receipt-replies = Адказ
receipt-reply = Прыйшоў { $date }
receipt-reply-alt = Фотаздымак рукапіснага адказу
receipt-reply-deleted = Выдалены праз некаторы час пасля таго, як вы яго адкрылі, як сайт робіць з усімі адказамі.
receipt-private = Гэтую старонку адкрывае толькі гэтая спасылка. Не перадавайце яе: хто яе ведае, бачыць стан ліста і адказ.
letters-pdf-title = Лісты для { $name }
letters-pdf-number = Ліст № { $number }
letters-pdf-return = Зваротны адрас: { $address }
letters-pdf-slip-title = Бланк для адказу · ліст № { $number }
letters-pdf-slip-keep-number = Каб адказаць, напішыце адказ і пазначце нумар ліста { $number }: валанцёры перададуць яго аўтару.
letters-pdf-slip-send-to = Каб адказаць, напішыце адказ на гэтым бланку або на аркушы з нумарам ліста { $number } і дашліце па адрасе: { $address }. Валанцёры перададуць яго аўтару.
letters-pdf-none = У гэтай выгрузцы няма лістоў, якія адкрываюцца гэтым ключом.
write-to-someone = Напісаць таму, каму мала пішуць
write-to-someone-none = Зараз нікому на гэтым сайце нельга напісаць.
letters-forwarded = Там жа яго можна даслаць праз кампанію: валанцёры раздрукуюць і дашлюць яго, а па асабістай спасылцы вы ўбачыце, дзе ліст, і прачытаеце адказ.
