# Форми кампанії в робочому просторі: розділи, підписи полів, варіанти
# вибору і що може бути не так з полем.

form-title = { $section } — { $slug }
form-sections = Частини кампанії
form-whole-file = Увесь файл (TOML)
form-required-one-language = (обов'язково хоча б однією мовою)
form-required = (обов'язково)
form-entry = { $list }: запис { $n }
form-add = Додати запис до розділу «{ $list }»
form-remove = Видалити
form-up = Вище
form-down = Нижче
form-refresh = Показати поля цього виду
form-preview-markdown = Переглянути оформлений текст
form-preview-of = Як це виглядатиме
form-markdown-hint = Оформлення: **жирний**, *курсив*, [текст посилання](https://…), порожній рядок між абзацами, «- » для пункту списку. Організація з реєстру: [Меморіал](org:memorial).
form-problems = Поки нічого не збережено: виправте, будь ласка, ці поля. Усе введене збережено у формі.
form-conflict = Поки ви редагували, кампанію зберіг хтось інший. Нічого не перезаписано: нижче їхня версія (−) проти вашої (+). Ваші дані залишилися у формі; якщо зберегти зараз, вони замінять їхню версію.
fields-unreadable = Не вдалося прочитати кампанію: { $message }
form-edit-in-forms = Редагувати у формах
form-edit-file-intro = Або весь файл кампанії одразу (TOML), для тих, хто знає цей формат:
form-languages = Мови поруч
form-languages-hint = Які мови редагувати поруч у полях з текстом.
form-languages-apply = Показати ці мови

form-section-person = Людина
form-section-status = Статус
form-section-charges = Обвинувачення
form-section-timeline = Хронологія
form-section-recognitions = Визнання
form-section-help = Як допомогти
form-section-petitions = Петиції
form-section-keys = Ключі організаторів
form-section-publications = Публікації
form-section-channels = Канали
form-section-updates = Новини
form-section-contact = Контакт

field-person = Людина
field-person-name = Повне ім'я
field-person-short-name = Коротке ім'я (як сторінка звертається до людини)
field-person-gender = Стать (для граматики)
field-person-gender-female = жіноча
field-person-gender-male = чоловіча
field-person-born = Дата народження
field-person-region = Регіон
field-person-summary = Хто це (коротко)
field-person-biography = Біографія
field-person-links = Посилання про людину
field-person-links-title = Назва
field-person-links-url = Адреса (https://…)

field-status = Статус
field-status-kind = Поточний статус
field-status-kind-pre-trial-detention = у СІЗО
field-status-kind-house-arrest = під домашнім арештом
field-status-kind-ban-on-certain-activities = заборона певних дій
field-status-kind-travel-restriction = підписка про невиїзд
field-status-kind-sentenced = { $gender ->
    [female] засуджена
   *[other] засуджений
}
field-status-kind-serving-sentence = відбуває покарання
field-status-kind-released = на волі
field-status-kind-emigrated = { $gender ->
    [female] емігрувала
   *[other] емігрував
}
field-status-kind-wanted = у розшуку
field-status-kind-sentenced-in-absentia = { $gender ->
    [female] засуджена заочно
   *[other] засуджений заочно
}
field-status-kind-deceased = { $gender ->
    [female] померла
   *[other] помер
}
field-status-kind-unknown = невідомо
field-status-since = З якого числа
field-status-sentence = Вирок (наприклад, 6 років колонії загального режиму)
field-status-facility = Де утримується (для листів)
field-status-facility-name = Установа
field-status-facility-address = Поштова адреса

field-charges = Обвинувачення
field-charges-code = Кодекс
field-charges-code-criminal-code-rf = Кримінальний кодекс РФ
field-charges-code-administrative-code-rf = КоАП РФ
field-charges-code-criminal-code-by = Кримінальний кодекс Білорусі
field-charges-code-administrative-code-by = КоАП Білорусі
field-charges-article = Стаття
field-charges-part = Частина
field-charges-clause = Пункт
field-charges-title = Про що стаття
field-charges-max-penalty = Максимальне покарання

field-timeline = Хронологія
field-timeline-date = Дата
field-timeline-time = Час (місцевий)
field-timeline-kind = Вид події
field-timeline-kind-search = обшук
field-timeline-kind-detention = затримання
field-timeline-kind-charge = обвинувачення
field-timeline-kind-transfer = етап
field-timeline-kind-measure-of-restraint = запобіжний захід
field-timeline-kind-hearing = засідання
field-timeline-kind-verdict = вирок
field-timeline-kind-appeal = апеляція
field-timeline-kind-release = звільнення
field-timeline-kind-other = інше
field-timeline-text = Що сталося
field-timeline-place = Місце (суд, адреса)
field-timeline-source = Джерело (https://…)

field-recognitions = Визнаний політв'язнем
field-recognitions-by = Організація
field-recognitions-date = Дата
field-recognitions-url = Посилання на заяву

field-help = Як допомогти
field-help-order = Порядок розділів допомоги
field-help-order-petition = підписати петицію
field-help-order-donate = допомогти грошима
field-help-order-letters = написати листа
field-help-order-share = розповісти іншим
field-help-donations = Реквізити для допомоги
field-help-donations-kind = Вид
field-help-donations-kind-bank-card = банківська картка
field-help-donations-kind-bank-transfer = банківський переказ
field-help-donations-kind-crypto = криптовалюта
field-help-donations-kind-link = посилання на оплату
field-help-donations-number = Номер картки
field-help-donations-bank = Банк
field-help-donations-system = Платіжна система (МИР, Visa…)
field-help-donations-recipient = Отримувач
field-help-donations-details = Реквізити рахунку
field-help-donations-currency = Валюта
field-help-donations-network = Мережа
field-help-donations-address = Адреса
field-help-donations-title = Назва
field-help-donations-url = Адреса (https://…)
field-help-donations-note = Примітка
field-help-donations-risk = Попередження про ризики
field-help-letters = Листи
field-help-letters-tips = Про що писати, про що не писати, як надіслати
field-help-letters-can-write = Листи зараз доходять (не вказано: так)
field-help-letters-risky = Писати небезпечно для автора листа (не вказано: так, якщо людина в Білорусі)
field-help-letters-forward = Листи можна надіслати через кампанію: волонтери роздрукують і надішлють їх (не вказано: ні)
field-help-letters-reply-to = Куди людина надсилає відповіді (друкується на бланку для відповіді)
field-help-letters-keep-undelivered = Зберігати непередані листи запечатаними до звільнення (не вказано: так)
field-help-letters-languages = Мови, якими установа пропускає листи (коди на кшталт ru; не вказано: ru)
field-help-letters-services = Платні сервіси електронних листів
field-help-letters-services-name = Назва
field-help-letters-services-url = Адреса
field-help-letters-services-cost = Вартість

field-petitions = Петиції
field-petitions-id = Коротке ім'я в адресі (наприклад, main)
field-petitions-title = Заголовок
field-petitions-text = Текст
field-petitions-addressee = Кому адресована
field-petitions-goal = Мета (підписів)
field-petitions-opens = Відкривається
field-petitions-closes = Останній день збору підписів
field-petitions-confirmation = Як зараховується підпис
field-petitions-confirmation-email = підтвердження за посиланням з листа
field-petitions-confirmation-anonymous = анонімно, без e-mail (не перевіряється)

field-organiser-keys = Відкриті ключі організаторів (age1…): кожен підпис запечатується для всіх, відкрити його може будь-хто з них

field-publications = Публікації
field-publications-date = Дата
field-publications-outlet = Видання
field-publications-organisation = Видання з реєстру (додає його правову позначку)
field-publications-title = Заголовок (як опубліковано)
field-publications-url = Адреса (https://…)
field-publications-language = Мова статті (ru, en…)

field-channels = Канали
field-channels-kind = Вид
field-channels-kind-telegram = Telegram
field-channels-kind-vk = ВКонтакте
field-channels-kind-youtube = YouTube
field-channels-kind-instagram = Instagram
field-channels-kind-x = X
field-channels-kind-website = сайт
field-channels-kind-email = e-mail
field-channels-kind-other = інше
field-channels-url = Адреса
field-channels-title = Назва

field-updates = Новини
field-updates-id = Коротке ім'я в адресі
field-updates-date = Дата
field-updates-title = Заголовок
field-updates-body = Текст

field-contact = Куди повідомити про неточність
field-contact-email = E-mail
field-contact-url = Або вебадреса

problem-required = Заповніть, будь ласка, це поле.
problem-date = Вкажіть дату у вигляді 2024-05-11.
problem-time = Вкажіть час у вигляді 10:30.
problem-number = Вкажіть ціле число не менше за 1.
problem-url = Вкажіть адресу, що починається з https://, http:// або mailto:.
problem-slug = Використовуйте від 1 до 64 малих латинських літер, цифр і поодиноких дефісів, наприклад court-2024.
problem-email = Це не адреса електронної пошти.
problem-choice = Виберіть один з варіантів.
problem-demo-key = Це опублікований ключ демоверсії: його секретну частину може завантажити будь-хто і прочитати дані тих, хто підписав. Вкажіть свій ключ (svoboda keys generate).

rule-empty = Заповніть, будь ласка, це поле.
rule-photo-path = Фото має бути файлом поруч із файлом кампанії, наприклад photo.jpg.
rule-photo-format = Фото має бути у форматі JPEG або PNG.
rule-no-contact = Вкажіть e-mail або вебадресу, куди читачі можуть повідомити про неточність.
rule-not-email = «{ $value }» — не адреса електронної пошти.
rule-unknown-organisation = Організації «{ $value }» немає в реєстрі: її додає власник у розділі «Організації».
rule-not-language-code = «{ $value }» — не дволітерний код мови на кшталт ru або en.
rule-no-organiser-key = Кампанії з петиціями потрібен хоча б один ключ організаторів: додайте його в розділі «Ключі організаторів».
rule-letters-without-key = Листи, надіслані через кампанію, запечатуються ключами організаторів: додайте ключ у розділі «Ключі організаторів» або вимкніть надсилання через кампанію в розділі «Допомога → Листи».
rule-not-age-key = «{ $value }» — не відкритий ключ age (age1…).
rule-key-twice = Ключ «{ $value }» вказано двічі.
rule-petition-id-twice = Інша петиція вже має коротке ім'я «{ $value }».
rule-closes-before-opens = Останній день раніше за перший.
rule-goal-below-one = Мета має бути не меншою за 1.
rule-update-id-twice = Інша новина вже має коротке ім'я «{ $value }».
rule-organisation-twice = Організацію «{ $value }» вказано двічі.
field-headline = Заклик угорі сторінки (порожньо — «ІМ'Я має бути на волі!»)
field-status-until = Запобіжний захід продовжено до
field-status-expected-release = Очікувана дата звільнення
