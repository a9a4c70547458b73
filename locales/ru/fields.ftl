# Формы кампании в рабочем пространстве: разделы, подписи полей, варианты
# выбора и что может быть не так с полем.

form-title = { $section } — { $slug }
form-sections = Части кампании
form-whole-file = Весь файл (TOML)
form-required-one-language = (обязательно хотя бы на одном языке)
form-required = (обязательно)
form-entry = { $list }: запись { $n }
form-add = Добавить запись в раздел «{ $list }»
form-remove = Удалить
form-up = Выше
form-down = Ниже
form-refresh = Показать поля этого вида
form-preview-markdown = Посмотреть оформленный текст
form-preview-of = Как это будет выглядеть
form-markdown-hint = Оформление: **жирный**, *курсив*, [текст ссылки](https://…), пустая строка между абзацами, «- » для пункта списка. Организация из реестра: [Мемориал](org:memorial).
form-problems = Пока ничего не сохранено: исправьте, пожалуйста, эти поля. Всё введённое сохранено в форме.
form-conflict = Пока вы редактировали, кампанию сохранил кто-то другой. Ничего не перезаписано: ниже их версия (−) против вашей (+). Ваши данные остались в форме; если сохранить сейчас, они заменят их версию.
fields-unreadable = Не удалось прочитать кампанию: { $message }
form-edit-in-forms = Редактировать в формах
form-edit-file-intro = Или весь файл кампании сразу (TOML), для тех, кто знает этот формат:
form-languages = Языки рядом
form-languages-hint = Какие языки редактировать рядом в полях с текстом.
form-languages-apply = Показать эти языки

form-section-person = Человек
form-section-status = Статус
form-section-charges = Обвинения
form-section-timeline = Хронология
form-section-recognitions = Признание
form-section-help = Как помочь
form-section-petitions = Петиции
form-section-keys = Ключи организаторов
form-section-publications = Публикации
form-section-channels = Каналы
form-section-updates = Новости
form-section-contact = Контакт

field-person = Человек
field-person-name = Полное имя
field-person-short-name = Краткое имя (как к человеку обращается страница)
field-person-gender = Пол (для грамматики)
field-person-gender-female = женский
field-person-gender-male = мужской
field-person-born = Дата рождения
field-person-region = Регион
field-person-summary = Кто это (кратко)
field-person-biography = Биография
field-person-links = Ссылки о человеке
field-person-links-title = Название
field-person-links-url = Адрес (https://…)

field-status = Статус
field-status-kind = Текущий статус
field-status-kind-pre-trial-detention = в СИЗО
field-status-kind-house-arrest = под домашним арестом
field-status-kind-ban-on-certain-activities = запрет определённых действий
field-status-kind-travel-restriction = подписка о невыезде
field-status-kind-sentenced = { $gender ->
    [female] осуждена
   *[other] осуждён
}
field-status-kind-serving-sentence = отбывает наказание
field-status-kind-released = на свободе
field-status-kind-emigrated = { $gender ->
    [female] эмигрировала
   *[other] эмигрировал
}
field-status-kind-wanted = в розыске
field-status-kind-sentenced-in-absentia = { $gender ->
    [female] осуждена заочно
   *[other] осуждён заочно
}
field-status-kind-deceased = { $gender ->
    [female] умерла
   *[other] умер
}
field-status-kind-unknown = неизвестно
field-status-since = С какого числа
field-status-sentence = Приговор (например, 6 лет колонии общего режима)
field-status-facility = Где содержится (для писем)
field-status-facility-name = Учреждение
field-status-facility-address = Почтовый адрес

field-charges = Обвинения
field-charges-code = Кодекс
field-charges-code-criminal-code-rf = Уголовный кодекс РФ
field-charges-code-administrative-code-rf = КоАП РФ
field-charges-code-criminal-code-by = Уголовный кодекс Беларуси
field-charges-code-administrative-code-by = КоАП Беларуси
field-charges-article = Статья
field-charges-part = Часть
field-charges-clause = Пункт
field-charges-title = О чём статья
field-charges-max-penalty = Максимальное наказание

field-timeline = Хронология
field-timeline-date = Дата
field-timeline-time = Время (местное)
field-timeline-kind = Вид события
field-timeline-kind-search = обыск
field-timeline-kind-detention = задержание
field-timeline-kind-charge = обвинение
field-timeline-kind-transfer = этап
field-timeline-kind-measure-of-restraint = мера пресечения
field-timeline-kind-hearing = заседание
field-timeline-kind-verdict = приговор
field-timeline-kind-appeal = апелляция
field-timeline-kind-release = освобождение
field-timeline-kind-other = другое
field-timeline-text = Что произошло
field-timeline-place = Место (суд, адрес)
field-timeline-source = Источник (https://…)

field-recognitions = Признан политзаключённым
field-recognitions-by = Организация
field-recognitions-date = Дата
field-recognitions-url = Ссылка на заявление

field-help = Как помочь
field-help-order = Порядок разделов помощи
field-help-order-petition = подписать петицию
field-help-order-donate = помочь деньгами
field-help-order-letters = написать письмо
field-help-order-share = рассказать другим
field-help-donations = Реквизиты для помощи
field-help-donations-kind = Вид
field-help-donations-kind-bank-card = банковская карта
field-help-donations-kind-bank-transfer = банковский перевод
field-help-donations-kind-crypto = криптовалюта
field-help-donations-kind-link = ссылка на оплату
field-help-donations-number = Номер карты
field-help-donations-bank = Банк
field-help-donations-system = Платёжная система (МИР, Visa…)
field-help-donations-recipient = Получатель
field-help-donations-details = Реквизиты счёта
field-help-donations-currency = Валюта
field-help-donations-network = Сеть
field-help-donations-address = Адрес
field-help-donations-title = Название
field-help-donations-url = Адрес (https://…)
field-help-donations-note = Примечание
field-help-donations-risk = Предупреждение о рисках
field-help-letters = Письма
field-help-letters-tips = О чём писать, о чём не писать, как отправить
field-help-letters-can-write = Письма сейчас доходят (не указано: да)
field-help-letters-risky = Писать опасно для автора письма (не указано: да, если человек в Беларуси)
field-help-letters-forward = Письма можно отправить через кампанию: волонтёры распечатают и отправят их (не указано: нет)
field-help-letters-reply-to = Куда человек отправляет ответы (печатается на бланке для ответа)
field-help-letters-keep-undelivered = Хранить непереданные письма запечатанными до освобождения (не указано: да)
field-help-letters-languages = Языки, на которых учреждение пропускает письма (коды вроде ru; не указано: ru)
field-help-letters-services = Платные сервисы электронных писем
field-help-letters-services-name = Название
field-help-letters-services-url = Адрес
field-help-letters-services-cost = Стоимость

field-petitions = Петиции
field-petitions-id = Краткое имя в адресе (например, main)
field-petitions-title = Заголовок
field-petitions-text = Текст
field-petitions-addressee = Кому адресована
field-petitions-goal = Цель (подписей)
field-petitions-opens = Открывается
field-petitions-closes = Последний день сбора подписей
field-petitions-confirmation = Как засчитывается подпись
field-petitions-confirmation-email = подтверждение по ссылке из письма
field-petitions-confirmation-anonymous = анонимно, без e-mail (не проверяется)

field-organiser-keys = Открытые ключи организаторов (age1…): каждая подпись запечатывается для всех, открыть её может любой из них

field-publications = Публикации
field-publications-date = Дата
field-publications-outlet = Издание
field-publications-organisation = Издание из реестра (добавляет его правовую пометку)
field-publications-title = Заголовок (как опубликован)
field-publications-url = Адрес (https://…)
field-publications-language = Язык статьи (ru, en…)

field-channels = Каналы
field-channels-kind = Вид
field-channels-kind-telegram = Telegram
field-channels-kind-vk = ВКонтакте
field-channels-kind-youtube = YouTube
field-channels-kind-instagram = Instagram
field-channels-kind-x = X
field-channels-kind-website = сайт
field-channels-kind-email = e-mail
field-channels-kind-other = другое
field-channels-url = Адрес
field-channels-title = Название

field-updates = Новости
field-updates-id = Краткое имя в адресе
field-updates-date = Дата
field-updates-title = Заголовок
field-updates-body = Текст

field-contact = Куда сообщить о неточности
field-contact-email = E-mail
field-contact-url = Или веб-адрес

problem-required = Заполните, пожалуйста, это поле.
problem-date = Укажите дату в виде 2024-05-11.
problem-time = Укажите время в виде 10:30.
problem-number = Укажите целое число не меньше 1.
problem-url = Укажите адрес, начинающийся с https://, http:// или mailto:.
problem-slug = Используйте от 1 до 64 строчных латинских букв, цифр и одиночных дефисов, например court-2024.
problem-email = Это не адрес электронной почты.
problem-choice = Выберите один из вариантов.
problem-demo-key = Это опубликованный ключ демо-версии: его секретную часть может скачать кто угодно и прочитать данные подписавших. Укажите свой ключ (svoboda keys generate).

rule-empty = Заполните, пожалуйста, это поле.
rule-photo-path = Фото должно быть файлом рядом с файлом кампании, например photo.jpg.
rule-photo-format = Фото должно быть в формате JPEG или PNG.
rule-no-contact = Укажите e-mail или веб-адрес, куда читатели могут сообщить о неточности.
rule-not-email = «{ $value }» — не адрес электронной почты.
rule-unknown-organisation = Организации «{ $value }» нет в реестре: её добавляет владелец в разделе «Организации».
rule-not-language-code = «{ $value }» — не двухбуквенный код языка вроде ru или en.
rule-no-organiser-key = Кампании с петициями нужен хотя бы один ключ организаторов: добавьте его в разделе «Ключи организаторов».
rule-letters-without-key = Письма, отправленные через кампанию, запечатываются ключами организаторов: добавьте ключ в разделе «Ключи организаторов» или отключите отправку через кампанию в разделе «Помощь → Письма».
rule-not-age-key = «{ $value }» — не открытый ключ age (age1…).
rule-key-twice = Ключ «{ $value }» указан дважды.
rule-petition-id-twice = У другой петиции уже есть краткое имя «{ $value }».
rule-closes-before-opens = Последний день раньше первого.
rule-goal-below-one = Цель должна быть не меньше 1.
rule-update-id-twice = У другой новости уже есть краткое имя «{ $value }».
rule-organisation-twice = Организация «{ $value }» указана дважды.
field-headline = Призыв вверху страницы (пусто — «Свободу ИМЯ!»)
field-status-until = Мера пресечения продлена до
field-status-expected-release = Ожидаемая дата освобождения
