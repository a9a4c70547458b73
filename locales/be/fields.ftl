# Формы кампаніі ў працоўнай прасторы: раздзелы, подпісы палёў, варыянты
# выбару і што можа быць не так з полем.

form-title = { $section } — { $slug }
form-sections = Часткі кампаніі
form-whole-file = Увесь файл (TOML)
form-required-one-language = (абавязкова хаця б на адной мове)
form-required = (абавязкова)
form-entry = { $list }: запіс { $n }
form-add = Дадаць запіс у раздзел «{ $list }»
form-remove = Выдаліць
form-up = Вышэй
form-down = Ніжэй
form-refresh = Паказаць палі гэтага віду
form-preview-markdown = Паглядзець аформлены тэкст
form-preview-of = Як гэта будзе выглядаць
form-markdown-hint = Афармленне: **тоўсты**, *курсіў*, [тэкст спасылкі](https://…), пусты радок паміж абзацамі, «- » для пункта спісу. Арганізацыя з рэестра: [Мемарыял](org:memorial).
form-problems = Пакуль нічога не захавана: выпраўце, калі ласка, гэтыя палі. Усё ўведзенае захавана ў форме.
form-conflict = Пакуль вы рэдагавалі, кампанію захаваў нехта іншы. Нічога не перазапісана: ніжэй іх версія (−) супраць вашай (+). Вашы даныя засталіся ў форме; калі захаваць зараз, яны заменяць іх версію.
fields-unreadable = Не атрымалася прачытаць кампанію: { $message }
form-edit-in-forms = Рэдагаваць у формах
form-edit-file-intro = Або ўвесь файл кампаніі адразу (TOML), для тых, хто ведае гэты фармат:
form-languages = Мовы побач
form-languages-hint = Якія мовы рэдагаваць побач у палях з тэкстам.
form-languages-apply = Паказаць гэтыя мовы

form-section-person = Чалавек
form-section-status = Статус
form-section-charges = Абвінавачанні
form-section-timeline = Храналогія
form-section-recognitions = Прызнанне
form-section-help = Як дапамагчы
form-section-petitions = Петыцыі
form-section-keys = Ключы арганізатараў
form-section-publications = Публікацыі
form-section-channels = Каналы
form-section-updates = Навіны
form-section-contact = Кантакт

field-person = Чалавек
field-person-name = Поўнае імя
field-person-short-name = Кароткае імя (як старонка звяртаецца да чалавека)
field-person-gender = Пол (для граматыкі)
field-person-gender-female = жаночы
field-person-gender-male = мужчынскі
field-person-born = Дата нараджэння
field-person-region = Рэгіён
field-person-summary = Хто гэта (коратка)
field-person-biography = Біяграфія
field-person-links = Спасылкі пра чалавека
field-person-links-title = Назва
field-person-links-url = Адрас (https://…)

field-status = Статус
field-status-kind = Цяперашні статус
field-status-kind-pre-trial-detention = у СІЗА
field-status-kind-house-arrest = пад хатнім арыштам
field-status-kind-ban-on-certain-activities = забарона пэўных дзеянняў
field-status-kind-travel-restriction = падпіска аб нявыездзе
field-status-kind-sentenced = { $gender ->
    [female] асуджаная
   *[other] асуджаны
}
field-status-kind-serving-sentence = адбывае пакаранне
field-status-kind-released = на волі
field-status-kind-emigrated = { $gender ->
    [female] эмігравала
   *[other] эміграваў
}
field-status-kind-wanted = у вышуку
field-status-kind-sentenced-in-absentia = { $gender ->
    [female] асуджаная завочна
   *[other] асуджаны завочна
}
field-status-kind-deceased = { $gender ->
    [female] памерла
   *[other] памёр
}
field-status-kind-unknown = невядома
field-status-since = З якога чысла
field-status-sentence = Прысуд (напрыклад, 6 гадоў калоніі ўзмоцненага рэжыму)
field-status-facility = Дзе ўтрымліваецца (для лістоў)
field-status-facility-name = Установа
field-status-facility-address = Паштовы адрас

field-charges = Абвінавачанні
field-charges-code = Кодэкс
field-charges-code-criminal-code-rf = Крымінальны кодэкс РФ
field-charges-code-administrative-code-rf = КаАП РФ
field-charges-code-criminal-code-by = Крымінальны кодэкс Беларусі
field-charges-code-administrative-code-by = КаАП Беларусі
field-charges-article = Артыкул
field-charges-part = Частка
field-charges-clause = Пункт
field-charges-title = Пра што артыкул
field-charges-max-penalty = Максімальнае пакаранне

field-timeline = Храналогія
field-timeline-date = Дата
field-timeline-time = Час (мясцовы)
field-timeline-kind = Від падзеі
field-timeline-kind-search = ператрус
field-timeline-kind-detention = затрыманне
field-timeline-kind-charge = абвінавачанне
field-timeline-kind-transfer = этап
field-timeline-kind-measure-of-restraint = мера стрымання
field-timeline-kind-hearing = пасяджэнне
field-timeline-kind-verdict = прысуд
field-timeline-kind-appeal = апеляцыя
field-timeline-kind-release = вызваленне
field-timeline-kind-other = іншае
field-timeline-text = Што здарылася
field-timeline-place = Месца (суд, адрас)
field-timeline-source = Крыніца (https://…)

field-recognitions = Прызнаны палітвязнем
field-recognitions-by = Арганізацыя
field-recognitions-date = Дата
field-recognitions-url = Спасылка на заяву

field-help = Як дапамагчы
field-help-order = Парадак раздзелаў дапамогі
field-help-order-petition = падпісаць петыцыю
field-help-order-donate = дапамагчы грашыма
field-help-order-letters = напісаць ліст
field-help-order-share = расказаць іншым
field-help-donations = Рэквізіты для дапамогі
field-help-donations-kind = Від
field-help-donations-kind-bank-card = банкаўская картка
field-help-donations-kind-bank-transfer = банкаўскі перавод
field-help-donations-kind-crypto = крыптавалюта
field-help-donations-kind-link = спасылка на аплату
field-help-donations-number = Нумар карткі
field-help-donations-bank = Банк
field-help-donations-system = Плацежная сістэма (МИР, Visa…)
field-help-donations-recipient = Атрымальнік
field-help-donations-details = Рэквізіты рахунку
field-help-donations-currency = Валюта
field-help-donations-network = Сетка
field-help-donations-address = Адрас
field-help-donations-title = Назва
field-help-donations-url = Адрас (https://…)
field-help-donations-note = Заўвага
field-help-donations-risk = Папярэджанне пра рызыкі
field-help-letters = Лісты
field-help-letters-tips = Пра што пісаць, пра што не пісаць, як даслаць
field-help-letters-can-write = Лісты цяпер даходзяць (не пазначана: так)
field-help-letters-risky = Пісаць небяспечна для аўтара ліста (не пазначана: так, калі чалавек у Беларусі)
field-help-letters-forward = Лісты можна даслаць праз кампанію: валанцёры раздрукуюць і дашлюць іх (не пазначана: не)
field-help-letters-reply-to = Куды чалавек дасылае адказы (друкуецца на бланку для адказу)
field-help-letters-keep-undelivered = Захоўваць неперададзеныя лісты запячатанымі да вызвалення (не пазначана: так)
field-help-letters-languages = Мовы, на якіх установа прапускае лісты (коды накшталт ru; не пазначана: ru)
field-help-letters-services = Платныя сэрвісы электронных лістоў
field-help-letters-services-name = Назва
field-help-letters-services-url = Адрас
field-help-letters-services-cost = Кошт

field-petitions = Петыцыі
field-petitions-id = Кароткае імя ў адрасе (напрыклад, main)
field-petitions-title = Загаловак
field-petitions-text = Тэкст
field-petitions-addressee = Каму адрасаваная
field-petitions-goal = Мэта (подпісаў)
field-petitions-opens = Адкрываецца
field-petitions-closes = Апошні дзень збору подпісаў
field-petitions-confirmation = Як залічваецца подпіс
field-petitions-confirmation-email = пацверджанне па спасылцы з ліста
field-petitions-confirmation-anonymous = ананімна, без e-mail (не правяраецца)

field-organiser-keys = Адкрытыя ключы арганізатараў (age1…): кожны подпіс запячатваецца для ўсіх, адкрыць яго можа любы з іх

field-publications = Публікацыі
field-publications-date = Дата
field-publications-outlet = Выданне
field-publications-organisation = Выданне з рэестра (дадае яго прававую пазнаку)
field-publications-title = Загаловак (як апублікаваны)
field-publications-url = Адрас (https://…)
field-publications-language = Мова артыкула (ru, en…)

field-channels = Каналы
field-channels-kind = Від
field-channels-kind-telegram = Telegram
field-channels-kind-vk = УКантакце
field-channels-kind-youtube = YouTube
field-channels-kind-instagram = Instagram
field-channels-kind-x = X
field-channels-kind-website = сайт
field-channels-kind-email = e-mail
field-channels-kind-other = іншае
field-channels-url = Адрас
field-channels-title = Назва

field-updates = Навіны
field-updates-id = Кароткае імя ў адрасе
field-updates-date = Дата
field-updates-title = Загаловак
field-updates-body = Тэкст

field-contact = Куды паведаміць пра недакладнасць
field-contact-email = E-mail
field-contact-url = Або вэб-адрас

problem-required = Запоўніце, калі ласка, гэтае поле.
problem-date = Пазначце дату ў выглядзе 2024-05-11.
problem-time = Пазначце час у выглядзе 10:30.
problem-number = Пазначце цэлы лік не меншы за 1.
problem-url = Пазначце адрас, які пачынаецца з https://, http:// або mailto:.
problem-slug = Выкарыстоўвайце ад 1 да 64 малых лацінскіх літар, лічбаў і адзінкавых дэфісаў, напрыклад court-2024.
problem-email = Гэта не адрас электроннай пошты.
problem-choice = Выберыце адзін з варыянтаў.
problem-demo-key = Гэта апублікаваны ключ дэмаверсіі: яго сакрэтную частку можа спампаваць хто заўгодна і прачытаць даныя тых, хто падпісаў. Пазначце свой ключ (svoboda keys generate).

rule-empty = Запоўніце, калі ласка, гэтае поле.
rule-photo-path = Фота павінна быць файлам побач з файлам кампаніі, напрыклад photo.jpg.
rule-photo-format = Фота павінна быць у фармаце JPEG або PNG.
rule-no-contact = Пазначце e-mail або вэб-адрас, куды чытачы могуць паведаміць пра недакладнасць.
rule-not-email = «{ $value }» — не адрас электроннай пошты.
rule-unknown-organisation = Арганізацыі «{ $value }» няма ў рэестры: яе дадае ўладальнік у раздзеле «Арганізацыі».
rule-not-language-code = «{ $value }» — не двухлітарны код мовы накшталт ru або en.
rule-no-organiser-key = Кампаніі з петыцыямі патрэбны хаця б адзін ключ арганізатараў: дадайце яго ў раздзеле «Ключы арганізатараў».
rule-letters-without-key = Лісты, дасланыя праз кампанію, запячатваюцца ключамі арганізатараў: дадайце ключ у раздзеле «Ключы арганізатараў» або адключыце адпраўку праз кампанію ў раздзеле «Дапамога → Лісты».
rule-not-age-key = «{ $value }» — не адкрыты ключ age (age1…).
rule-key-twice = Ключ «{ $value }» пазначаны двойчы.
rule-petition-id-twice = У іншай петыцыі ўжо ёсць кароткае імя «{ $value }».
rule-closes-before-opens = Апошні дзень раней за першы.
rule-goal-below-one = Мэта павінна быць не меншай за 1.
rule-update-id-twice = У іншай навіны ўжо ёсць кароткае імя «{ $value }».
rule-organisation-twice = Арганізацыя «{ $value }» пазначана двойчы.
field-headline = Заклік уверсе старонкі (пуста — «ІМЯ мае быць на волі!»)
field-status-until = Меру стрымання падоўжылі да
field-status-expected-release = Чаканая дата вызвалення
