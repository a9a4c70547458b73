## Тексти інтерфейсу, українська. Кожен ключ є й у en/main.ftl (це перевіряє тест).
## Множину вибирає PLURAL($n): правила мови обчислює Svoboda (one, few, many, other).

language-name = Українська
language-locale = uk_UA
site-name = Svoboda
skip-to-content = Перейти до змісту
language-switch = Мова
not-translated = Ще не перекладено
footer-privacy = Цей сайт нічого не завантажує з інших сайтів і не записує ваших відвідин.
mirrors-intro = Якщо цю адресу заблоковано, та сама сторінка є тут:
petition-sends-to = Ця копія сайту надсилає підпис на { $host }. Якщо цю адресу у вас заблоковано, підпишіть за однією з адрес унизу сторінки.

## Дати
date-format = { $day } { $month } { $year } р.
month-1 = січня
month-2 = лютого
month-3 = березня
month-4 = квітня
month-5 = травня
month-6 = червня
month-7 = липня
month-8 = серпня
month-9 = вересня
month-10 = жовтня
month-11 = листопада
month-12 = грудня

## Помилки
error-back-to-directory = До всіх кампаній
error-not-found-title = Сторінку не знайдено
error-not-found-text = Такої сторінки немає. Можливо, вона переїхала або в адресі помилка.
error-forbidden-title = Немає доступу
error-forbidden-text = Вашому обліковому запису не можна відкрити цю сторінку або зробити це. Якщо це потрібно, попросіть роль у власника сайту.
error-unavailable-title = Тимчасово недоступно
error-unavailable-text = Сайт зараз не може з'єднатися з базою даних. Спробуйте ще раз за хвилину.
error-internal-title = Щось пішло не так
error-internal-text = Сторінку не вдалося показати. Помилку записано в журнал; спробуйте пізніше.

## Каталог
directory-title = Кампанії підтримки
directory-description = Люди, яких переслідують за громадянську активність, і як їм допомогти.
campaigns = Кампанії
help-now = Допомогти зараз
upcoming-hearings = Найближчі засідання
birthdays = Дні народження в ув'язненні
birthdays-hint = Листівка чи лист на день народження дуже багато важать для людини за ґратами.
search-by-name = Пошук за ім'ям, регіоном або статтею
filter-by-status = Статус
all-statuses = Будь-який статус
apply-filter = Показати
reset-filter = Скинути
nothing-found = За запитом нічого не знайдено.
no-campaigns = Кампаній поки немає.
directory-title-page = Кампанії підтримки, сторінка { $page }
pages-of = Сторінка { $page } з { $pages }
pages-label = Сторінки списку
pages-previous = ← Попередня
pages-next = Наступна →
directory-found = { PLURAL($n) ->
    [one] Знайдено { $n } кампанію
    [few] Знайдено { $n } кампанії
   *[many] Знайдено { $n } кампаній
}
charge-short = ст. { $article } { $code }

## Сторінка кампанії
# Українські імена Svoboda не відмінює: заклик побудовано так, щоб ім'я стояло в називному відмінку.
campaign-title = { $name } має бути на волі!
campaign-title-plain = { $name } має бути на волі!
photo-alt = Фото: { $name }
photo-placeholder-alt = Фотографії немає: { $name }
status-since = з { $date }
sentence = Вирок
next-hearing = Найближче засідання
add-to-calendar = Додати засідання до календаря
more-hearings-in-calendar = решта засідань — у календарі
born = Дата народження
about-person = Про людину
about-case = Про кримінальну справу
charges-heading = Що інкримінують: { $name }
charge-citation = { $form ->
    [apc] п. «{ $clause }» ч. { $part } ст. { $article } { $code }
    [ap] ч. { $part } ст. { $article } { $code }
    [ac] п. «{ $clause }» ст. { $article } { $code }
   *[a] ст. { $article } { $code }
}
quoted = «{ $text }»
max-penalty = Максимальне покарання
timeline = Хронологія
upcoming = попереду
source = джерело
recognitions = Визнання політв'язнем
recognised-by = { $gender ->
    [female] Визнана політв'язнею: { $org }
   *[other] Визнаний політв'язнем: { $org }
}
how-to-help = Як допомогти?
donate = Пожертвувати
risk = Будьте обережні
letters = Написати листа
letters-address = Листи й листівки надсилайте на адресу
letters-write = Написати листа й перевірити його перед відправленням
letter-title = Лист: { $name }
letter-intro = Напишіть листа тут і натисніть кнопку: сторінка позначить те, що цензори в колоніях і СІЗО часто не пропускають, порахує сторінки й покаже листа готовим, щоб переписати від руки, роздрукувати або вставити в сервіс електронних листів.
letter-nothing-kept = Нічого з набраного не зберігається: перевірка йде, коли ви натискаєте кнопку, і текст забувається, щойно сторінка повернулася.
letter-guide = Про що писати і про що не варто
letter-text = Ваш лист
letter-name = Ім'я для підпису (необов'язково)
letter-name-hint = Досить імені. Залиште порожнім, щоб підписатися від руки як хочете.
letter-risky = Писати цій людині може бути небезпечно для вас: листи читають, і листи вже використовували як доказ проти тих, хто їх надіслав. Не пишіть нічого, що видає, хто ви, не підписуйтеся повним ім'ям і не вказуйте зворотну адресу.
letter-sign-risky = Усе одно підписати ім'ям нижче: я розумію ризик
letter-name-hint-risky = Не потрапить у лист, доки ви не позначите поле вище.
letter-check = Перевірити листа
letter-check-title = Що може не пропустити цензор
letter-findings-none = Нічого з наших списків. Цензор може затримати листа й з інших причин: пишіть про повсякденне.
letter-findings-intro = Листи з такими словами цензори часто затримують; подумайте, як написати інакше. Вирішувати вам.
letter-topic-war = війна
letter-topic-case = кримінальна справа
letter-topic-politics = політика
letter-topic-lgbt = ЛГБТ-теми
letter-topic-insult = слова про співробітників, які цензори вважають образою
letter-topic-foreign-script = слова мовою, яку установа не пропускає
letter-pages = { PLURAL($pages) ->
    [one] Приблизно { $pages } друкована сторінка.
    [few] Приблизно { $pages } друковані сторінки.
   *[many] Приблизно { $pages } друкованих сторінок.
}
letter-long = Короткі листи цензура пропускає швидше, а сервіси електронних листів беруть плату за сторінку.
letter-preview = Лист, яким його буде надруковано
letter-how-to-send = Роздрукуйте цю сторінку (надрукується тільки лист) або перепишіть від руки й надішліть на адресу вгорі; або вставте текст у сервіс електронних листів.
letter-sends-to = Ця копія сайту перевіряє листа на { $host }; там нічого не зберігається. Якщо ця адреса у вас заблокована, відкрийте одну з адрес унизу сторінки.
letter-empty = Лист порожній: спершу напишіть щось.
letter-too-long = Лист довший за { $max } знаків: будь ласка, скоротіть його.
letter-unreadable = Не вдалося прочитати форму. Спробуйте ще раз.
letters-paused = Зараз листи не доходять: { $name } якийсь час не може їх отримувати. Стежте за новинами, щоб дізнатися, коли це зміниться.
letters-languages = Установа пропускає листи мовами: { $languages }. Листи іншими мовами не передають.
letters-language = { $code ->
    [ru] російська
    [en] англійська
    [be] білоруська
    [uk] українська
   *[other] { $code }
}
letters-services = До установи доставляють і платні сервіси електронних листів (лист приходить роздрукованим, іноді швидше):
share = Розкажіть іншим
share-link = Посилання на цю сторінку
share-text = Підтримайте: { $name }
publications = Публікації
updates = Новини
all-updates = Усі новини
feed = Стрічка Atom
follow-channels = Стежте за новинами:
last-updated = Оновлено
report-inaccuracy = Повідомити про неточність
footnotes = Примітки

## Новини
updates-title = { $name }: новини
updates-description = Новини кампанії підтримки: { $name }.
no-updates = Новин поки немає.
feed-title = { $name }: новини
feed-author = Кампанія підтримки: { $name }
hearings-calendar-title = { $name }: засідання

## Статус: плашка на сторінці кампанії і коротка мітка в списках
status-banner-pre-trial-detention = { $name } у СІЗО
status-banner-house-arrest = { $name } під домашнім арештом
status-banner-ban-on-certain-activities = { $name } під забороною певних дій
status-banner-travel-restriction = { $name } під підпискою про невиїзд
status-banner-sentenced = { $gender ->
    [female] { $name } засуджена
   *[other] { $name } засуджений
}
status-banner-serving-sentence = { $name } відбуває покарання
status-banner-released = { $name } на волі
status-banner-emigrated = { $gender ->
    [female] { $name } виїхала з країни
   *[other] { $name } виїхав з країни
}
status-banner-wanted = { $gender ->
    [female] { $name } оголошена в розшук
   *[other] { $name } оголошений у розшук
}
status-banner-sentenced-in-absentia = { $gender ->
    [female] { $name } засуджена заочно
   *[other] { $name } засуджений заочно
}
status-banner-deceased = { $gender ->
    [female] { $name } померла
   *[other] { $name } помер
}
status-banner-unknown = Поточний статус невідомий: { $name }
status-pre-trial-detention = СІЗО
status-house-arrest = Домашній арешт
status-ban-on-certain-activities = Заборона певних дій
status-travel-restriction = Підписка про невиїзд
status-sentenced = Вирок
status-serving-sentence = Відбуває покарання
status-released = На волі
status-emigrated = { $gender ->
    [female] Виїхала з країни
    [male] Виїхав з країни
   *[other] Виїхав(ла) з країни
}
status-wanted = У розшуку
status-sentenced-in-absentia = { $gender ->
    [female] Засуджена заочно
    [male] Засуджений заочно
   *[other] Засуджений(а) заочно
}
status-deceased = { $gender ->
    [female] Померла
    [male] Помер
   *[other] Помер(ла)
}
status-unknown = Невідомо

## Кодекси
code-criminal-code-rf = КК РФ
code-administrative-code-rf = КоАП РФ
code-criminal-code-by = КК Республіки Білорусь
code-administrative-code-by = КоАП Республіки Білорусь

## Події хронології
event-search = Обшук
event-detention = Затримання
event-charge = Обвинувачення
event-transfer = Етапування
event-measure-of-restraint = Суд про запобіжний захід
event-hearing = Судове засідання
event-verdict = Вирок
event-appeal = Апеляція
event-release = Звільнення
event-other = Подія

## Пожертви
donation-bank-card = Банківська картка
donation-bank-transfer = Банківський переказ
donation-crypto = Криптовалюта
donation-link = Онлайн
donation-card-number = Номер картки
donation-bank = Банк
donation-recipient = Отримувач
donation-details = Реквізити
donation-currency = Валюта
donation-network = Мережа
donation-address = Адреса

## Канали
channel-telegram = Telegram
channel-vk = ВКонтакте
channel-youtube = YouTube
channel-instagram = Instagram
channel-x = X
channel-website = Сайт
channel-email = Пошта
channel-other = Посилання

## Правові позначки: текст примітки, якого закон Росії вимагає поруч із цими організаціями
label-foreign-agent = Організацію «{ $name }» Міністерство юстиції РФ внесло до реєстру іноземних агентів.
label-undesirable = Діяльність організації «{ $name }» визнано небажаною на території РФ.
label-extremist = Організацію «{ $name }» визнано екстремістською і заборонено в РФ.
label-terrorist = Організацію «{ $name }» визнано терористичною і заборонено в РФ.
label-since = з { $date }

## Петиції
petition = Петиція
petition-sign = Підписати петицію
petition-read-and-sign = Прочитати й підписати
petition-to = Кому
petition-count = { PLURAL($count) ->
    [one] { $count } підпис
    [few] { $count } підписи
   *[many] { $count } підписів
}
petition-count-paper = { $count }: { $online } онлайн + { $paper } на папері
embed-open-petition = Відкрити петицію
petition-goal = Мета: { $goal }
petition-closed = Петицію закрито. Підсумок: { $count }.
petition-not-yet-open = Петиція відкриється { $date }.
petition-closes = Відкрита до { $date }.
petition-anonymous-note = Ця петиція не питає адреси пошти, тому підписи під нею не перевірені.
petition-chart = Підписи за днями
petition-chart-label = Підписи за днями: { $count } на { $date }
petition-signers = Підписали відкрито
petition-signers-none = Поки ніхто не захотів показати своє ім'я.
petition-newest = Найновіші
petition-older = Раніше
form-name = Ваше ім'я
form-email = Пошта
form-email-hint = Ми надішлемо посилання, щоб підтвердити підпис. Адресу ніколи не показуємо й нікому не передаємо.
form-city = Місто (необов'язково)
form-country = Країна (необов'язково)
form-public = Показати моє ім'я у списку тих, хто підписав
form-consent = Я прочитав(ла) повідомлення про приватність і згоден(на)
form-honeypot = Залиште це поле порожнім
form-submit = Підписати
form-errors = Будь ласка, виправте позначені поля.
form-unreadable = Не вдалося прочитати форму. Будь ласка, заповніть її ще раз.
form-too-fast = Занадто швидко. Перевірте форму й надішліть її ще раз.
privacy-title = Повідомлення про приватність
privacy-text = Ваші ім'я, адресу пошти, місто й країну шифруємо одразу після отримання ключем, який мають лише організатори кампанії: цей сервер не може їх прочитати, як і той, хто його вилучить. Сервер зберігає годину підпису, чи підтверджено його, ваше ім'я — лише якщо ви вирішили його показати, і, поки петиція відкрита, ключовий відбиток адреси, щоб підпис рахувався один раз. Вашу IP-адресу ніде не записуємо. Організатори використовують ваші дані, щоб передати петицію адресатові. У кожному нашому листі є посилання, щоб відкликати підпис і видалити його. Зашифровані дані видаляємо через { $months } міс. після закриття петиції.
field-error-required = Заповніть це поле.
field-error-too-long = Не більше ніж { $max } символів.
field-error-invalid-email = Це не схоже на адресу пошти.
field-error-consent-required = Щоб підписати, погодьтеся з повідомленням про приватність.
sign-check-mail-title = Перевірте пошту
sign-check-mail-text = Ми надіслали листа на вказану адресу. Відкрийте посилання з нього, щоб підтвердити підпис: рахуються лише підтверджені підписи. Якщо лист не прийшов за кілька хвилин, перевірте теку «Спам».
sign-counted-title = Дякуємо!
sign-counted-text = Ваш підпис зараховано.
sign-rate-limited-title = Забагато підписів з вашого підключення
sign-rate-limited-text = Зачекайте хвилину і спробуйте ще раз. Адреса вашого підключення може бути спільною для багатьох людей.
sign-closed-title = Петиція не приймає підписів
sign-closed-text = Цю петицію закрито або ще не відкрито.
confirm-title = Підтвердьте підпис
confirm-text = Натисніть кнопку, щоб підтвердити підпис під петицією.
confirm-button = Підтвердити підпис
confirm-done = Дякуємо! Ваш підпис підтверджено й зараховано.
confirm-already = Ваш підпис уже було підтверджено. Дякуємо!
link-expired = Термін дії посилання минув або підпису більше немає. Ви можете підписати знову.
link-invalid = Посилання недійсне. Відкрийте його точно так, як воно прийшло в листі.
withdraw-title = Відкликати підпис
withdraw-text = Натисніть кнопку, щоб відкликати підпис. Його буде видалено разом з усіма вашими даними.
withdraw-button = Відкликати підпис
withdraw-done = Ваш підпис відкликано, дані видалено.
withdraw-already = Такого підпису більше немає: його вже відкликано або видалено.
link-about = Це посилання стосується петиції «{ $petition }» на підтримку: { $name }.
sign-elsewhere-title = Будь ласка, підпишіть тут
sign-elsewhere-text = Підпис прийшов з іншого сайту, тому його не зараховано: чужа сторінка могла надіслати його без вашого відома. Якщо ви хочете підписати, перевірте форму нижче й натисніть «Підписати».
back-to-campaign = Повернутися до кампанії

## Листи
# Одна нейтральна тема для всіх листів про підпис: з неї той, хто читає скриньку,
# не дізнається ні петиції, ні людини.
mail-subject = Про ваш запит
mail-confirm-text =
    Вітаємо!

    Хтось, імовірно ви, вказав цю адресу, щоб поставити підпис на нашому сайті. Щоб підтвердити підпис, відкрийте посилання й натисніть кнопку; на сторінці сказано, про що йдеться:
    { $confirm }

    Якщо це були не ви, нічого не робіть: без підтвердження нічого не рахується, а запис видаляється за кілька днів.

    Відкликати підпис можна будь-коли:
    { $withdraw }
mail-already-pending-text =
    Вітаємо!

    З цієї адреси вже ставили підпис на нашому сайті, але його ще не підтверджено. Щоб підтвердити його, відкрийте посилання й натисніть кнопку:
    { $confirm }

    Відкликати підпис:
    { $withdraw }
mail-already-confirmed-text =
    Вітаємо!

    Хтось, імовірно ви, знову спробував поставити підпис на нашому сайті з цієї адреси. Ваш підпис уже зараховано, один раз; нічого не змінилося.

    Відкликати підпис:
    { $withdraw }
donation-qr = Відскануйте телефоном, щоб не набирати вручну.
donation-qr-label = QR-код: { $what }
action-sign = Підписати
action-donate = Допомогти грошима
action-letter = Написати листа
action-share = Розповісти
status-until = Запобіжний захід продовжено до { $date }
status-expected-release = Очікуване звільнення: { $date }
upcoming-releases = Незабаром на волю
count-signatures-total = Підтверджених підписів в усіх петиціях: { $n }
api-unreadable = Не вдалося прочитати запит як підпис (об'єкт JSON): { $detail }
api-origin-not-allowed = З цього сайту не можна надсилати підписи сюди. Підпишіть на сторінці самої петиції.
pdf-to = Кому
pdf-signatures = { PLURAL($count) ->
    [one] { $count } підпис
    [few] { $count } підписи
   *[many] { $count } підписів
}
pdf-col-number = №
pdf-col-name = Ім'я
pdf-col-city = Місто
pdf-col-country = Країна
pdf-col-date = Підписано
pdf-page = Сторінка { $page } з { $pages }
api-too-large = Запит більший, ніж може бути підпис.
error-too-large-title = Забагато даних одразу
error-too-large-text = Надіслане довше, ніж приймає ця сторінка. Поверніться назад: коротший текст або менший файл пройдуть.
peer-group = Веде: { $group }
peer-as-of = дані на { $date }
letter-rate-limited = Забагато листів з вашого підключення за короткий час. Ваш лист нижче, як ви його написали: зачекайте хвилину й надішліть знову.
letter-elsewhere = Цей лист надійшов до нас зі сторінки іншого сайту, можливо, без вашого відома. Нічого не надіслано: перевірте лист нижче й натисніть «Надіслати» тут, якщо хочете його надіслати.
letter-return-address-too-long = Зворотна адреса довша за 300 знаків: будь ласка, скоротіть її.
letter-email-invalid = Це не схоже на адресу електронної пошти. Перевірте її або залиште поле порожнім.
letter-unavailable = Зараз не вдалося зберегти лист. Нічого не втрачено: ваш текст нижче. Спробуйте ще раз за кілька хвилин.
letter-return-address = Зворотна адреса (необов’язково)
letter-return-address-hint = Друкується під листом, щоб відповідь прийшла прямо вам. Залиште порожнім, і відповідь прийде через волонтерів кампанії.
letter-return-address-hint-risky = Не потрапить у лист, доки ви не позначите поле вище. Безпечніше залишити порожнім: відповідь прийде через волонтерів.
letter-email = Пошта для сповіщення про відповідь (необов’язково)
letter-email-hint = Ніколи не друкується й нікому не показується. Коли прийде відповідь, ми надішлемо один короткий лист без імен і видалимо адресу.
letter-send = Надіслати через кампанію
letter-send-explain = Надісланий лист одразу запечатується: відкрити його можуть лише волонтери кампанії, які роздрукують і надішлють його. Ви отримаєте особисте посилання, щоб стежити за листом і прочитати відповідь.
letter-sent-title = Ваш лист у дорозі
letter-sent-text = Лист № { $number } для адресата «{ $name }» отримано. Волонтери роздрукують і надішлють його.
letter-sent-keep-title = Збережіть це посилання
letter-sent-keep-text = За ним видно, де ваш лист, і, коли прийде, відповідь. Воно показане лише зараз: додайте його до закладок або скопіюйте в надійне місце. Показати його знову ми не зможемо.
letter-sent-private = Сайт не зберігає це посилання: без нього ніхто, і ми теж, не може дізнатися, що ви писали.
letter-sent-notice = Коли прийде відповідь, ми надішлемо один короткий лист на залишену адресу й видалимо її.
mail-letter-reply-subject = Прийшла відповідь
mail-letter-reply-text =
    Вітаємо!

    Прийшла відповідь на лист, який ви надіслали через { $site }. Відкрийте посилання, яке зберегли під час надсилання, щоб прочитати відповідь.

    Вашу адресу тепер видалено із сайту; це єдиний лист, для якого вона знадобилася.
receipt-title = Лист № { $number }
receipt-to = Адресат: { $name }
receipt-received = Отримано { $date }.
receipt-state-received = Чекає, коли волонтери роздрукують і надішлють його.
receipt-state-sent = Надіслано { $date }.
receipt-state-not-forwarded = Волонтери не змогли передати цей лист. Причина:
receipt-replies = Відповідь
receipt-reply = Прийшла { $date }
receipt-reply-alt = Фотографія рукописної відповіді
receipt-reply-deleted = Видалено через деякий час після того, як ви її відкрили, як сайт робить з усіма відповідями.
receipt-private = Цю сторінку відкриває лише це посилання. Не передавайте його: хто його знає, бачить стан листа й відповідь.
letters-pdf-title = Листи для { $name }
letters-pdf-number = Лист № { $number }
letters-pdf-return = Зворотна адреса: { $address }
letters-pdf-slip-title = Бланк для відповіді · лист № { $number }
letters-pdf-slip-keep-number = Щоб відповісти, напишіть відповідь і вкажіть номер листа { $number }: волонтери передадуть її авторові.
letters-pdf-slip-send-to = Щоб відповісти, напишіть відповідь на цьому бланку або на аркуші з номером листа { $number } і надішліть за адресою: { $address }. Волонтери передадуть її авторові.
letters-pdf-none = У цьому вивантаженні немає листів, які відкриваються цим ключем.
write-to-someone = Написати тому, кому мало пишуть
write-to-someone-none = Зараз нікому на цьому сайті не можна написати.
letters-forwarded = Там само його можна надіслати через кампанію: волонтери роздрукують і надішлють його, а за особистим посиланням ви побачите, де лист, і прочитаєте відповідь.
