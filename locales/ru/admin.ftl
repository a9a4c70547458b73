# Рабочее место организаторов.
admin-name = Svoboda: рабочее место
admin-nav-label = Рабочее место
admin-nav-campaigns = Кампании
admin-nav-people = Люди
admin-nav-audit = Журнал действий
admin-nav-account = Моя учётная запись
admin-sign-out = Выйти
admin-continue = Дальше
admin-public-site = Открыть публичный сайт

## Вход
admin-sign-in-title = Вход
admin-sign-in = Войти
admin-field-login = Имя для входа
admin-field-password = Пароль
admin-field-code = Код
admin-field-code-hint = Шесть цифр, которые сейчас показывает приложение-аутентификатор, или один из резервных кодов.
admin-sign-in-refused = Имя, пароль или код неверны. Попробуйте ещё раз.
admin-sign-in-wait = Слишком много попыток. Подождите { $minutes } мин. и попробуйте снова.
admin-sign-in-no-account = Учётные записи создаются только по приглашению: попросите ссылку у владельца сайта.

## Приглашения и подключение
admin-invitation-title = Присоединиться к работе
admin-invited-as = Вас приглашают в кампанию «{ $campaign }», роль: { $role }.
admin-invited-as-owner = Вас приглашают владельцем этого сайта: вы будете управлять всеми кампаниями, людьми, которые над ними работают, и настройками.
admin-invitation-steps = Выберите имя для входа и пароль. Затем вы подключите приложение-аутентификатор на телефоне: для входа всегда нужен код из него.
admin-invitation-gone-title = Этим приглашением воспользоваться нельзя
admin-invitation-gone-text = Ссылка уже использована, устарела (она действует 24 часа) или набрана с ошибкой. Попросите у пригласившего новую.
admin-field-login-hint = Буквы, цифры, точки, дефисы и подчёркивания. Настоящее имя не обязательно.
admin-field-new-password = Новый пароль
admin-field-password-hint = Не меньше 10 символов. Несколько не связанных между собой слов легко запомнить и трудно угадать.
admin-field-repeat-password = Новый пароль ещё раз
admin-field-current-password = Текущий пароль
admin-login-empty = Выберите имя для входа.
admin-login-too-long = Не больше 64 символов.
admin-login-characters = Только буквы, цифры, точки, дефисы и подчёркивания, без пробелов.
admin-login-taken = Это имя занято. Выберите другое.
admin-password-too-short = Не меньше { $min } символов.
admin-password-too-long = Не больше 256 символов.
admin-password-common = Этот пароль среди первых, которые пробуют подборщики. Выберите другой.
admin-password-contains-login = Пароль не должен содержать имя для входа.
admin-password-differ = Пароли не совпадают. Введите один и тот же дважды.
admin-password-wrong = Текущий пароль неверен.
admin-enrol-title = Подключите приложение-аутентификатор
admin-enrol-intro = Откройте на телефоне приложение-аутентификатор (например, Aegis, FreeOTP, Google Authenticator или Microsoft Authenticator), добавьте учётную запись и отсканируйте этот код.
admin-enrol-qr-label = QR-код для приложения-аутентификатора
admin-enrol-by-hand = Или введите в приложение этот ключ:
admin-enrol-code = Шестизначный код из приложения
admin-enrol-confirm = Подтвердить
admin-enrol-wrong-code = Код неверен. Проверьте время на телефоне и введите код, который приложение показывает сейчас.
admin-enrol-expired = Этот шаг занял слишком много времени или страница была изменена. Начните заново.
admin-recovery-title = Ваши резервные коды
admin-recovery-intro = Если вы потеряете телефон, каждый из этих кодов один раз заменит код из приложения при входе. Запишите или распечатайте их и храните отдельно от телефона. Они показываются только сейчас.
admin-recovery-saved = Я их сохранил(а): дальше

## Кампании
admin-home-title = Кампании
admin-home-none = Пока у вас нет кампаний для работы. Роли в кампаниях даёт владелец сайта.
admin-campaign-public-page = Открыть публичную страницу
admin-campaign-petitions = Петиции
admin-campaign-no-petitions = У этой кампании нет петиции.
admin-petition = Петиция
admin-petition-state = Состояние
admin-petition-count = Подписей
admin-petition-open = открыта
admin-petition-closed = закрыта
admin-petition-not-yet-open = ещё не открыта

## Роли
admin-role-owner = владелец
admin-role-editor = редактор
admin-role-delivery = передача подписей

## Моя учётная запись
admin-account-title = Моя учётная запись
admin-sessions = Где выполнен вход
admin-session-device = Браузер
admin-session-started = Вход
admin-session-seen = Последняя активность
admin-session-this = этот
admin-session-end = Выйти там
admin-sessions-end-others = Выйти везде, кроме этого
admin-password-change = Сменить пароль
admin-password-changed = Пароль изменён. Все остальные сеансы завершены.
admin-second-factor = Аутентификатор и резервные коды
admin-recovery-left = Неиспользованных резервных кодов:
admin-recovery-renew = Создать новые резервные коды
admin-authenticator-replace = Подключить новое приложение-аутентификатор

## Люди
admin-people-title = Люди
admin-people-invite = Пригласить
admin-field-role = Роль
admin-field-campaign = Кампания
admin-people-invite-button = Создать ссылку-приглашение
admin-people-invitation-made = Передайте эту ссылку человеку по надёжному каналу. Она сработает один раз в течение { $hours } ч.:
admin-people-choose-role = Выберите роль и кампанию для неё.
admin-people-list = Кто здесь работает
admin-people-you = вы
admin-people-revoke = Отозвать
admin-people-grant = Дать роль
admin-people-remove = Удалить учётную запись
admin-people-their-audit = Что делал(а)
admin-people-not-yourself = Нельзя удалить собственную учётную запись.

## Журнал действий
admin-audit-title = Журнал действий
admin-audit-all = все
admin-audit-person = Человек
admin-audit-filter = Показать
admin-audit-empty = Пока ничего не записано.
admin-audit-when = Когда
admin-audit-who = Кто
admin-audit-what = Что
admin-audit-detail = Подробности
admin-audit-older = Более ранние записи
admin-audit-sign-in = вошёл(ла)
admin-audit-sign-in-failed = неудачная попытка входа
admin-audit-sign-in-recovery-code = вошёл(ла) с резервным кодом
admin-audit-sign-out = вышел(ла)
admin-audit-session-ended = завершил(а) сеанс
admin-audit-sessions-ended-all = вышел(ла) везде, кроме одного сеанса
admin-audit-invitation-created = создал(а) приглашение
admin-audit-invitation-accepted = принял(а) приглашение
admin-audit-role-granted = дал(а) роль
admin-audit-role-revoked = отозвал(а) роль
admin-audit-account-removed = удалил(а) учётную запись
admin-audit-password-changed = сменил(а) пароль
admin-audit-authenticator-replaced = подключил(а) новый аутентификатор
admin-audit-recovery-codes-renewed = создал(а) новые резервные коды
admin-audit-export-downloaded = скачал(а) подписи

## Передача подписей
admin-petition-export = Запечатанные подписи
admin-petition-download = Скачать
admin-export-how-title = Как открыть подписи
admin-export-how-intro = Файл запечатан ключом организаторов: без этого ключа его не прочтёт никто, в том числе этот сервер. Откройте его на своём компьютере, где хранится ключ, с помощью Svoboda:
admin-export-how-age = или стандартной программой age, по одной записи:

## Почта
admin-nav-mail = Почта
admin-mail-title = Почта
admin-mail-held = Способ отправки почты не настроен: письма ждут в очереди и не отправляются. Укажите mail_transport = "smtp" в настройках.
admin-mail-directory = Письма записываются файлами в { $path } (для разработки) и не отправляются.
admin-mail-smtp = Письма отправляются через почтовый сервер { $server }.
admin-mail-waiting = Ждут отправки
admin-mail-retrying = Не ушли, ждут новой попытки
admin-mail-given-up = Отброшены (с начала работы)
admin-mail-counts-only = Только числа: рабочее место никогда не показывает, кому письмо.
admin-mail-test = Отправить проверочное письмо
admin-mail-test-address = Адрес
admin-mail-test-button = Отправить сейчас
admin-mail-test-subject = Svoboda: проверочное письмо
admin-mail-test-text = Это проверочное письмо из рабочего места Svoboda: почта с этого сайта доходит до этого ящика.
admin-mail-test-sent = Письмо передано почтовому серверу. Проверьте ящик (и папку «Спам»).
admin-mail-test-failed = Письмо не удалось отправить: { $reason }
admin-audit-mail-tested = отправил(а) проверочное письмо

## Редактирование
admin-edit-title = Редактирование: { $slug }
admin-edit-preview = Посмотреть черновик
admin-edit-history = История
admin-edit-download = Скачать файл кампании
admin-edit-file = Файл кампании
admin-edit-save = Сохранить черновик
admin-edit-saved = Черновик сохранён. Он не виден публике, пока вы его не опубликуете.
admin-edit-unpublished = В черновике есть неопубликованные изменения.
admin-edit-publish = Опубликовать
admin-edit-error-at-field = Строка { $line }, поле «{ $field }»:
admin-edit-error-at = Строка { $line }:
admin-edit-error-field = Поле «{ $field }»:
admin-edit-slug-changed = Slug в файле должен остаться «{ $slug }»: он часть адреса кампании.
admin-edit-demo-key = В organiser_key указан опубликованный демонстрационный ключ: его может скачать кто угодно и прочитать данные подписавших. Укажите свой ключ (svoboda keys generate).
admin-edit-conflict = Пока вы редактировали, кампанию сохранил кто-то другой. Ничего не перезаписано: ниже их версия (−) против вашей (+). Ваш текст сохранён в форме; если сохранить его сейчас, он заменит их версию.
admin-edit-conflict-diff = Их версия против вашей
admin-edit-restored = Версия #{ $id } снова стала черновиком. Опубликуйте её, чтобы она стала публичной.
admin-history-title = История: { $slug }
admin-history-back = Вернуться к редактированию
admin-history-empty = В рабочем месте ещё ничего не сохраняли.
admin-history-revision = Версия
admin-history-published = опубликована
admin-history-from = С
admin-history-to = По
admin-history-compare = Сравнить
admin-history-same = Эти версии одинаковы.
admin-history-restore = Сделать черновиком
admin-campaign-edit = Редактировать
admin-audit-campaign-saved = сохранил(а) черновик
admin-audit-campaign-published = опубликовал(а)
admin-audit-campaign-restored = восстановил(а) версию

## Повторный вход без потери формы
admin-resume-title = Войдите ещё раз
admin-resume-intro = Пока вы работали, сеанс закончился (после 30 минут бездействия или 12 часов всего). Отправленное вами сохранено: войдите ещё раз и отправьте его.
admin-resume-continue-title = Вы снова вошли
admin-resume-continue-text = То, что вы отправили до повторного входа, сохранено. Отправить сейчас?
admin-resume-continue = Отправить

## Фото
admin-photo-label = Новое фото
admin-photo-hint = JPEG, PNG или WebP, до 20 МБ. Место съёмки и данные камеры удаляются; фото появится после публикации.
admin-photo-upload = Загрузить фото
admin-photo-uploaded = Фото готово. Оно станет публичным, когда вы опубликуете кампанию.
admin-photo-missing = Выберите файл с фото.
admin-photo-too-large = Файл больше 20 МБ. Выберите файл поменьше.
admin-photo-too-many-pixels = В изображении больше 50 миллионов пикселей. Выберите изображение поменьше.
admin-photo-unreadable = Этот файл не удаётся прочитать как изображение JPEG, PNG или WebP.
admin-audit-photo-uploaded = загрузил(а) фото

## Новая кампания
admin-new-title = Новая кампания
admin-new-link = Новая кампания
admin-new-intro = Начните с файла кампании, сделанного в другом месте (например, выгруженного из другой Svoboda), или заполните файл ниже. Кампания остаётся черновиком, пока вы её не опубликуете.
admin-new-upload = Файл кампании
admin-new-upload-button = Создать из файла
admin-new-upload-unreadable = Выберите файл кампании (текст TOML).
admin-new-create = Создать черновик
admin-new-slug-taken = Кампания со slug «{ $slug }» уже есть. Выберите другой slug.
admin-home-drafts = Черновики, ещё не опубликованные

## Организации
admin-nav-organisations = Организации
admin-orgs-title = Организации
admin-orgs-intro = Организации, которые упоминают кампании, и ярлыки, которые даёт им российский закон. Страница, где упомянута организация с ярлыком, показывает требуемую законом сноску; изменение здесь сразу видно на всех таких страницах.
admin-orgs-new = Добавить организацию
admin-orgs-edit-title = Организация
admin-orgs-name = Название
admin-orgs-id = Идентификатор
admin-orgs-id-hint = Строчные латинские буквы, цифры и дефисы, например ovd-info; на него ссылаются файлы кампаний.
admin-orgs-id-error = Используйте только строчные латинские буквы, цифры и дефисы.
admin-orgs-id-taken = Организация с таким идентификатором уже есть.
admin-orgs-name-error = Укажите название на обоих языках.
admin-orgs-labels = Юридические ярлыки
admin-orgs-labels-hint = Отметьте каждый ярлык организации и, если известна, дату его присвоения.
admin-orgs-since = с
admin-orgs-date-error = Укажите дату в виде ГГГГ-ММ-ДД или оставьте поле пустым.
admin-orgs-save = Сохранить
admin-label-foreign-agent = «иностранный агент»
admin-label-undesirable = «нежелательная организация»
admin-label-extremist = «экстремистская»
admin-label-terrorist = «террористическая»
admin-audit-organisation-saved = изменил(а) организацию
admin-petition-dates = открыта с { $opens } по { $closes } включительно
admin-petition-opens = открыта с { $opens }, без даты закрытия
admin-keys-title = Ключи организаторов
admin-keys-now = Новые подписи запечатываются для каждого из этих ключей; открыть их может любой из соответствующих секретных ключей:
admin-keys-none = Ключа организаторов ещё нет: петиция без него не принимает подписи.
admin-keys-explain = Храните секретные ключи у разных людей на разных компьютерах: тогда потеря или изъятие одного ноутбука ничего не лишает. Добавленный, заменённый или удалённый ключ действует для подписей с момента публикации; прежние подписи остаются запечатанными для ключей своего времени.
admin-keys-periods = Какие ключи открывают какие подписи
admin-keys-from = С
admin-keys-until = По
admin-keys-sealed-to = Запечатаны для
admin-keys-unrecorded = ключа кампании того времени (не записан)
admin-new-start-title = Начать с имени человека
admin-new-slug = Адрес страницы
admin-new-slug-hint = Латинские буквы, цифры и дефисы: для «boris-romanov» страница будет по адресу /ru/boris-romanov. Потом его не изменить.
admin-new-start = Создать черновик и заполнить
admin-new-from-file = Или из файла кампании
admin-edit-download-bundle = Скачать вместе с фото (.zip)
admin-audit-petition-closed = закрыл(а) петицию
admin-audit-petition-opened = открыл(а) петицию
admin-petition-close-now = Прекратить сбор подписей сейчас
admin-petition-open-now = Принимать подписи с сегодняшнего дня
admin-petition-controls-hint = Публичная страница меняется сразу; черновик, если он есть, получает то же изменение. Сами даты — в разделе «Петиции» в формах.
admin-nav-settings = Настройки
admin-settings-title = Настройки сайта
admin-settings-intro = С какими настройками работает этот сайт. Они хранятся в файле конфигурации на сервере и вступают в силу после перезапуска Svoboda; из браузера их не изменить, чтобы тот, кто завладеет сессией, не смог перенаправить почту, довериться другому прокси или продлить сессии.
admin-settings-notes = Предупреждения при запуске
admin-settings-yes = да
admin-settings-no = нет
admin-settings-hours = { $n } ч
admin-settings-minutes = { $n } мин
admin-settings-days = { $n } дн.
admin-settings-burst = разово до
admin-settings-public-url = Публичный адрес (public_url)
admin-settings-default-language = Язык по умолчанию (default_language)
admin-settings-admin-addr = Рабочее пространство на отдельном адресе (admin_addr)
admin-settings-mail = Почта (mail)
admin-settings-session-idle-minutes = Сессия завершается после бездействия (session_idle_minutes)
admin-settings-session-max-hours = Сессия завершается не позже чем через (session_max_hours)
admin-settings-confirm-link = Ссылки подтверждения действуют (confirm_link_hours)
admin-settings-unconfirmed-removal = Неподтверждённые подписи удаляются через (unconfirmed_removal_hours)
admin-settings-retention-after-close = Данные подписавших хранятся после закрытия петиции (retention_days_after_close)
admin-settings-sign-per-minute = Подписей в минуту с одного адреса (sign_per_minute)
admin-settings-client-ip-header = Заголовок с адресом клиента (client_ip_header)
admin-settings-trusted-proxies = Доверенные прокси (trusted_proxies)
admin-settings-embed-origins = Другие сайты, чьи формы могут подписывать (embed_origins)
