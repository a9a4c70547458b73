## Тексты интерфейса, русский. Каждый ключ есть и в en/main.ftl (это проверяет тест).
## Множественное число выбирает PLURAL($n): правила языка вычисляет Svoboda (one, few, many, other).

language-name = Русский
language-locale = ru_RU
not-translated = Ещё не переведено

site-name = Свобода
skip-to-content = Перейти к содержанию
language-switch = Язык
footer-privacy = Этот сайт ничего не загружает с других сайтов и не записывает ваши посещения.
mirrors-intro = Если этот адрес заблокирован, та же страница есть здесь:
petition-sends-to = Эта копия сайта отправляет подпись на { $host }. Если этот адрес у вас заблокирован, подпишите по одному из адресов внизу страницы.

## Даты
date-format = { $day } { $month } { $year } г.
month-1 = января
month-2 = февраля
month-3 = марта
month-4 = апреля
month-5 = мая
month-6 = июня
month-7 = июля
month-8 = августа
month-9 = сентября
month-10 = октября
month-11 = ноября
month-12 = декабря

## Ошибки
error-back-to-directory = Ко всем кампаниям
error-not-found-title = Страница не найдена
error-not-found-text = Такой страницы нет. Возможно, она переехала или в адресе опечатка.
error-forbidden-title = Нет доступа
error-forbidden-text = Вашей учётной записи нельзя открыть эту страницу или сделать это. Если это нужно, попросите роль у владельца сайта.
error-unavailable-title = Временно недоступно
error-unavailable-text = Сайт сейчас не может связаться с базой данных. Попробуйте ещё раз через минуту.
error-internal-title = Что-то пошло не так
error-internal-text = Страницу не удалось показать. Ошибка записана в журнал; попробуйте позже.

## Каталог
directory-title = Кампании поддержки
directory-description = Люди, которых преследуют за гражданскую активность, и как им помочь.
campaigns = Кампании
help-now = Помочь сейчас
upcoming-hearings = Ближайшие заседания
birthdays = Дни рождения в заключении
birthdays-hint = Открытка или письмо в день рождения очень много значат для человека за решёткой.
search-by-name = Поиск по имени, региону или статье
filter-by-status = Статус
all-statuses = Любой статус
apply-filter = Показать
reset-filter = Сбросить
nothing-found = По запросу ничего не найдено.
no-campaigns = Кампаний пока нет.
directory-title-page = Кампании поддержки, страница { $page }
pages-of = Страница { $page } из { $pages }
pages-label = Страницы списка
pages-previous = ← Предыдущая
pages-next = Следующая →
directory-found = { PLURAL($n) ->
    [one] Найдена { $n } кампания
    [few] Найдено { $n } кампании
   *[many] Найдено { $n } кампаний
}
charge-short = ст. { $article } { $code }

## Страница кампании
campaign-title = Свободу { $dative }!
# Когда имени нет по-русски (оно на другом языке): без склонения.
campaign-title-plain = { $gender ->
    [female] { $name } должна быть на свободе!
   *[other] { $name } должен быть на свободе!
}
photo-alt = Фото: { $name }
photo-placeholder-alt = Фотографии нет: { $name }
status-since = с { $date }
sentence = Приговор
next-hearing = Ближайшее заседание
add-to-calendar = Добавить заседания в календарь
more-hearings-in-calendar = остальные заседания — в календаре
born = Дата рождения
about-person = О человеке
about-case = Об уголовном деле
charges-heading = В чём обвиняется { $name }?
charge-citation = { $form ->
    [apc] п. «{ $clause }» ч. { $part } ст. { $article } { $code }
    [ap] ч. { $part } ст. { $article } { $code }
    [ac] п. «{ $clause }» ст. { $article } { $code }
   *[a] ст. { $article } { $code }
}
quoted = «{ $text }»
max-penalty = Максимальное наказание
timeline = Хронология
upcoming = предстоит
source = источник
recognitions = Признание политическим заключённым
recognised-by = { $gender ->
    [female] Признана политической заключённой: { $org }
   *[other] Признан политическим заключённым: { $org }
}
how-to-help = Как помочь?
donate = Пожертвовать
risk = Будьте осторожны
letters = Написать письмо
letters-address = Письма и открытки отправляйте по адресу
letters-write = Написать письмо и проверить его перед отправкой
letter-title = Письмо { $dative }
letter-intro = Напишите письмо здесь и нажмите кнопку: страница отметит то, что цензоры в колониях и СИЗО часто не пропускают, посчитает страницы и покажет письмо готовым, чтобы переписать от руки, распечатать или вставить в сервис электронных писем.
letter-nothing-kept = Ничего из набранного не сохраняется: проверка идёт, когда вы нажимаете кнопку, и текст забывается, как только страница вернулась.
letter-guide = О чём писать и о чём не стоит
letter-text = Ваше письмо
letter-name = Имя для подписи (необязательно)
letter-name-hint = Достаточно имени. Оставьте пустым, чтобы подписаться от руки как хотите.
letter-risky = Писать этому человеку может быть опасно для вас: письма читают, и письма уже использовали как доказательство против тех, кто их отправил. Не пишите ничего, что выдаёт, кто вы, не подписывайтесь полным именем и не указывайте обратный адрес.
letter-sign-risky = Всё равно подписать именем ниже: я понимаю риск
letter-name-hint-risky = Не попадёт в письмо, пока вы не отметите поле выше.
letter-check = Проверить письмо
letter-check-title = Что может не пропустить цензор
letter-findings-none = Ничего из наших списков. Цензор может задержать письмо и по другим причинам: пишите о повседневном.
letter-findings-intro = Письма с такими словами цензоры часто задерживают; подумайте, как написать иначе. Решать вам.
letter-topic-war = война
letter-topic-case = уголовное дело
letter-topic-politics = политика
letter-topic-lgbt = ЛГБТ-темы
letter-topic-insult = слова о сотрудниках, которые цензоры считают оскорблением
letter-topic-foreign-script = слова на языке, который учреждение не пропускает
letter-pages = { PLURAL($pages) ->
    [one] Примерно { $pages } печатная страница.
    [few] Примерно { $pages } печатные страницы.
   *[many] Примерно { $pages } печатных страниц.
}
letter-long = Короткие письма цензура пропускает быстрее, а сервисы электронных писем берут плату за страницу.
letter-preview = Письмо, каким оно будет напечатано
letter-how-to-send = Распечатайте эту страницу (напечатается только письмо) или перепишите от руки и отправьте по адресу вверху; или вставьте текст в сервис электронных писем.
letter-sends-to = Эта копия сайта проверяет письмо на { $host }; там ничего не сохраняется. Если этот адрес у вас заблокирован, откройте один из адресов внизу страницы.
letter-empty = Письмо пустое: сначала напишите что-нибудь.
letter-too-long = Письмо длиннее { $max } знаков: пожалуйста, сократите его.
letter-unreadable = Не удалось прочитать форму. Попробуйте ещё раз.
letters-paused = Сейчас письма не доходят: { $name } какое-то время не может их получать. Следите за новостями, чтобы узнать, когда это изменится.
letters-languages = Учреждение пропускает письма на языках: { $languages }. Письма на других языках не передают.
letters-language = { $code ->
    [ru] русский
    [en] английский
    [be] белорусский
    [uk] украинский
   *[other] { $code }
}
letters-services = В учреждение доставляют и платные сервисы электронных писем (письмо приходит распечатанным, иногда быстрее):
share = Расскажите другим
share-link = Ссылка на эту страницу
share-text = Поддержите: { $name }
publications = Публикации
updates = Новости
all-updates = Все новости
feed = Лента Atom
follow-channels = Следите за новостями:
last-updated = Обновлено
report-inaccuracy = Сообщить о неточности
footnotes = Примечания

## Новости
updates-title = { $name }: новости
updates-description = Новости кампании поддержки: { $name }.
no-updates = Новостей пока нет.
feed-title = { $name }: новости
feed-author = Кампания поддержки: { $name }
hearings-calendar-title = { $name }: заседания

## Статус: плашка на странице кампании и короткая метка в списках
status-banner-pre-trial-detention = { $name } в СИЗО
status-banner-house-arrest = { $name } под домашним арестом
status-banner-ban-on-certain-activities = { $name } под запретом определённых действий
status-banner-travel-restriction = { $name } под подпиской о невыезде
status-banner-sentenced = { $gender ->
    [female] { $name } осуждена
   *[other] { $name } осуждён
}
status-banner-serving-sentence = { $name } отбывает наказание
status-banner-released = { $name } на свободе
status-banner-emigrated = { $gender ->
    [female] { $name } уехала из страны
   *[other] { $name } уехал из страны
}
status-banner-wanted = { $gender ->
    [female] { $name } объявлена в розыск
   *[other] { $name } объявлен в розыск
}
status-banner-sentenced-in-absentia = { $gender ->
    [female] { $name } осуждена заочно
   *[other] { $name } осуждён заочно
}
status-banner-deceased = { $gender ->
    [female] { $name } умерла
   *[other] { $name } умер
}
status-banner-unknown = Текущий статус неизвестен: { $name }
status-pre-trial-detention = СИЗО
status-house-arrest = Домашний арест
status-ban-on-certain-activities = Запрет определённых действий
status-travel-restriction = Подписка о невыезде
status-sentenced = Приговор
status-serving-sentence = Отбывает наказание
status-released = На свободе
status-emigrated = { $gender ->
    [female] Уехала из страны
    [male] Уехал из страны
   *[other] Уехал(а) из страны
}
status-wanted = В розыске
status-sentenced-in-absentia = { $gender ->
    [female] Осуждена заочно
    [male] Осуждён заочно
   *[other] Осуждён(а) заочно
}
status-deceased = { $gender ->
    [female] Умерла
    [male] Умер
   *[other] Умер(ла)
}
status-unknown = Неизвестно

## Кодексы
code-criminal-code-rf = УК РФ
code-administrative-code-rf = КоАП РФ
code-criminal-code-by = УК Республики Беларусь
code-administrative-code-by = КоАП Республики Беларусь

## События хронологии
event-search = Обыск
event-detention = Задержание
event-charge = Обвинение
event-transfer = Этапирование
event-measure-of-restraint = Суд о мере пресечения
event-hearing = Судебное заседание
event-verdict = Приговор
event-appeal = Апелляция
event-release = Освобождение
event-other = Событие

## Пожертвования
donation-bank-card = Банковская карта
donation-bank-transfer = Банковский перевод
donation-crypto = Криптовалюта
donation-link = Онлайн
donation-card-number = Номер карты
donation-bank = Банк
donation-recipient = Получатель
donation-details = Реквизиты
donation-currency = Валюта
donation-network = Сеть
donation-address = Адрес

## Каналы
channel-telegram = Telegram
channel-vk = ВКонтакте
channel-youtube = YouTube
channel-instagram = Instagram
channel-x = X
channel-website = Сайт
channel-email = Почта
channel-other = Ссылка

## Правовые пометки: текст сноски, которого закон требует рядом с этими организациями
label-foreign-agent = Организация «{ $name }» внесена Министерством юстиции РФ в реестр иностранных агентов.
label-undesirable = Деятельность организации «{ $name }» признана нежелательной на территории РФ.
label-extremist = Организация «{ $name }» признана экстремистской и запрещена в РФ.
label-terrorist = Организация «{ $name }» признана террористической и запрещена в РФ.
label-since = с { $date }

## Петиции
petition = Петиция
petition-sign = Подписать петицию
petition-read-and-sign = Прочитать и подписать
petition-to = Кому
petition-count = { PLURAL($count) ->
    [one] { $count } подпись
    [few] { $count } подписи
   *[many] { $count } подписей
}
petition-count-paper = { $count }: { $online } онлайн + { $paper } на бумаге
embed-open-petition = Открыть петицию
petition-goal = Цель: { $goal }
petition-closed = Петиция закрыта. Итог: { $count }.
petition-not-yet-open = Петиция откроется { $date }.
petition-closes = Открыта до { $date }.
petition-anonymous-note = Эта петиция не спрашивает адрес почты, поэтому подписи под ней не проверены.
petition-chart = Подписи по дням
petition-chart-label = Подписи по дням: { $count } к { $date }
petition-signers = Подписали открыто
petition-signers-none = Пока никто не захотел показать своё имя.
petition-newest = Самые новые
petition-older = Раньше
form-name = Ваше имя
form-email = Почта
form-email-hint = Мы пришлём ссылку для подтверждения подписи. Адрес никогда не показывается и никому не передаётся.
form-city = Город (необязательно)
form-country = Страна (необязательно)
form-public = Показать моё имя в списке подписавших
form-consent = Я прочитал(а) уведомление о приватности и согласен(на)
form-honeypot = Оставьте это поле пустым
form-submit = Подписать
form-errors = Пожалуйста, исправьте отмеченные поля.
form-unreadable = Не удалось прочитать форму. Пожалуйста, заполните её ещё раз.
form-too-fast = Слишком быстро. Проверьте форму и отправьте её ещё раз.
privacy-title = Уведомление о приватности
privacy-text = Ваши имя, адрес почты, город и страна шифруются сразу при получении ключом, который есть только у организаторов кампании: этот сервер не может их прочитать, как и тот, кто его изымет. Сервер хранит час подписи, подтверждена ли она, ваше имя — только если вы решили его показать, и, пока петиция открыта, ключевой отпечаток адреса, чтобы подпись считалась один раз. Ваш IP-адрес нигде не записывается. Организаторы используют ваши данные, чтобы передать петицию адресату. В каждом нашем письме есть ссылка, чтобы отозвать подпись и удалить её. Зашифрованные данные удаляются через { $months } мес. после закрытия петиции.
field-error-required = Заполните это поле.
field-error-too-long = Не больше { $max } символов.
field-error-invalid-email = Это не похоже на адрес почты.
field-error-consent-required = Чтобы подписать, согласитесь с уведомлением о приватности.
sign-check-mail-title = Проверьте почту
sign-check-mail-text = Мы отправили письмо на указанный адрес. Откройте ссылку из него, чтобы подтвердить подпись: считаются только подтверждённые подписи. Если письмо не пришло за несколько минут, проверьте папку «Спам».
sign-counted-title = Спасибо!
sign-counted-text = Ваша подпись учтена.
sign-rate-limited-title = Слишком много подписей с вашего подключения
sign-rate-limited-text = Подождите минуту и попробуйте ещё раз. Адрес вашего подключения может быть общим для многих людей.
sign-closed-title = Петиция не принимает подписи
sign-closed-text = Эта петиция закрыта или ещё не открыта.
confirm-title = Подтвердите подпись
confirm-text = Нажмите кнопку, чтобы подтвердить подпись под петицией.
confirm-button = Подтвердить подпись
confirm-done = Спасибо! Ваша подпись подтверждена и учтена.
confirm-already = Ваша подпись уже была подтверждена. Спасибо!
link-expired = Срок действия ссылки истёк или подписи больше нет. Вы можете подписать заново.
link-invalid = Ссылка недействительна. Откройте её точно так, как она пришла в письме.
withdraw-title = Отозвать подпись
withdraw-text = Нажмите кнопку, чтобы отозвать подпись. Она будет удалена вместе со всеми вашими данными.
withdraw-button = Отозвать подпись
withdraw-done = Ваша подпись отозвана, данные удалены.
withdraw-already = Такой подписи больше нет: она уже отозвана или удалена.
link-about = Эта ссылка относится к петиции «{ $petition }» в поддержку: { $name }.
sign-elsewhere-title = Пожалуйста, подпишите здесь
sign-elsewhere-text = Подпись пришла с другого сайта, поэтому она не учтена: чужая страница могла отправить её без вашего ведома. Если вы хотите подписать, проверьте форму ниже и нажмите «Подписать».
back-to-campaign = Вернуться к кампании

## Письма
# Одна нейтральная тема для всех писем о подписи: по ней читающий ящик не
# узнает ни петицию, ни человека.
mail-subject = О вашем запросе
mail-confirm-text =
    Здравствуйте!

    Кто-то, вероятно вы, указал этот адрес, чтобы поставить подпись на нашем сайте. Чтобы подтвердить подпись, откройте ссылку и нажмите кнопку; на странице сказано, о чём речь:
    { $confirm }

    Если это были не вы, ничего не делайте: без подтверждения ничего не учитывается, а запись удаляется через несколько дней.

    Отозвать подпись можно в любой момент:
    { $withdraw }
mail-already-pending-text =
    Здравствуйте!

    С этого адреса уже ставили подпись на нашем сайте, но она ещё не подтверждена. Чтобы подтвердить её, откройте ссылку и нажмите кнопку:
    { $confirm }

    Отозвать подпись:
    { $withdraw }
mail-already-confirmed-text =
    Здравствуйте!

    Кто-то, вероятно вы, снова попытался поставить подпись на нашем сайте с этого адреса. Ваша подпись уже учтена, один раз; ничего не изменилось.

    Отозвать подпись:
    { $withdraw }
donation-qr = Отсканируйте телефоном, чтобы не набирать вручную.
donation-qr-label = QR-код: { $what }
action-sign = Подписать
action-donate = Помочь деньгами
action-letter = Написать письмо
action-share = Рассказать
status-until = Мера пресечения продлена до { $date }
status-expected-release = Ожидаемое освобождение: { $date }
upcoming-releases = Скоро на свободу
count-signatures-total = Подтверждённых подписей во всех петициях: { $n }
api-unreadable = Не удалось прочитать запрос как подпись (объект JSON): { $detail }
api-origin-not-allowed = С этого сайта нельзя отправлять подписи сюда. Подпишите на странице самой петиции.
pdf-to = Кому
pdf-signatures = { PLURAL($count) ->
    [one] { $count } подпись
    [few] { $count } подписи
   *[many] { $count } подписей
}
pdf-col-number = №
pdf-col-name = Имя
pdf-col-city = Город
pdf-col-country = Страна
pdf-col-date = Подписано
pdf-page = Страница { $page } из { $pages }
api-too-large = Запрос больше, чем может быть подпись.
error-too-large-title = Слишком много данных сразу
error-too-large-text = Отправленное длиннее, чем принимает эта страница. Вернитесь назад: более короткий текст или файл поменьше пройдут.
peer-group = Ведёт: { $group }
peer-as-of = данные на { $date }
letter-rate-limited = Слишком много писем с вашего подключения за короткое время. Ваше письмо ниже, как вы его написали: подождите минуту и отправьте снова.
letter-elsewhere = Это письмо пришло к нам со страницы другого сайта, возможно, без вашего ведома. Ничего не отправлено: проверьте письмо ниже и нажмите «Отправить» здесь, если хотите его отправить.
letter-return-address-too-long = Обратный адрес длиннее 300 знаков: пожалуйста, сократите его.
letter-email-invalid = Это не похоже на адрес электронной почты. Проверьте его или оставьте поле пустым.
letter-unavailable = Сейчас не удалось сохранить письмо. Ничего не потеряно: ваш текст ниже. Попробуйте ещё раз через несколько минут.
letter-return-address = Обратный адрес (необязательно)
letter-return-address-hint = Печатается под письмом, чтобы ответ пришёл прямо вам. Оставьте пустым, и ответ придёт через волонтёров кампании.
letter-return-address-hint-risky = Не попадёт в письмо, пока вы не отметите поле выше. Безопаснее оставить пустым: ответ придёт через волонтёров.
letter-email = Почта для уведомления об ответе (необязательно)
letter-email-hint = Никогда не печатается и никому не показывается. Когда придёт ответ, мы пришлём одно короткое письмо без имён и удалим адрес.
letter-send = Отправить через кампанию
letter-send-explain = Отправленное письмо сразу запечатывается: открыть его могут только волонтёры кампании, которые распечатают и отправят его. Вы получите личную ссылку, чтобы следить за письмом и прочитать ответ.
letter-sent-title = Ваше письмо в пути
letter-sent-text = Письмо № { $number } для адресата «{ $name }» получено. Волонтёры распечатают и отправят его.
letter-sent-keep-title = Сохраните эту ссылку
letter-sent-keep-text = По ней видно, где ваше письмо, и, когда придёт, ответ. Она показана только сейчас: добавьте её в закладки или скопируйте в надёжное место. Показать её снова мы не сможем.
letter-sent-private = Сайт не хранит эту ссылку: без неё никто, и мы тоже, не может узнать, что вы писали.
letter-sent-notice = Когда придёт ответ, мы пришлём одно короткое письмо на оставленный адрес и удалим его.
mail-letter-reply-subject = Пришёл ответ
mail-letter-reply-text =
    Здравствуйте!

    Пришёл ответ на письмо, которое вы отправили через { $site }. Откройте ссылку, которую сохранили при отправке, чтобы прочитать ответ.

    Ваш адрес теперь удалён с сайта; это единственное письмо, для которого он понадобился.
receipt-title = Письмо № { $number }
receipt-to = Адресат: { $name }
receipt-received = Получено { $date }.
receipt-state-received = Ждёт, когда волонтёры распечатают и отправят его.
receipt-state-sent = Отправлено { $date }.
receipt-state-not-forwarded = Волонтёры не смогли передать это письмо. Причина:
receipt-replies = Ответ
receipt-reply = Пришёл { $date }
receipt-reply-alt = Фотография рукописного ответа
receipt-reply-deleted = Удалён через некоторое время после того, как вы его открыли, как сайт делает со всеми ответами.
receipt-private = Эту страницу открывает только эта ссылка. Не передавайте её: кто её знает, видит состояние письма и ответ.
letters-pdf-title = Письма для { $name }
letters-pdf-number = Письмо № { $number }
letters-pdf-return = Обратный адрес: { $address }
letters-pdf-slip-title = Бланк для ответа · письмо № { $number }
letters-pdf-slip-keep-number = Чтобы ответить, напишите ответ и укажите номер письма { $number }: волонтёры передадут его автору.
letters-pdf-slip-send-to = Чтобы ответить, напишите ответ на этом бланке или на листе с номером письма { $number } и отправьте по адресу: { $address }. Волонтёры передадут его автору.
letters-pdf-none = В этой выгрузке нет писем, которые открываются этим ключом.
write-to-someone = Написать тому, кому мало пишут
write-to-someone-none = Сейчас никому на этом сайте нельзя написать.
letters-forwarded = Там же его можно отправить через кампанию: волонтёры распечатают и отправят его, а по личной ссылке вы увидите, где письмо, и прочитаете ответ.
