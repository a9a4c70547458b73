//! Fills a database with N campaigns made from the project's full fixture
//! (`tests/fixtures/full/campaign.toml`, every section of the format), with
//! names in both scripts, statuses, regions, articles, dates and hearings
//! varied, for `scripts/bench-directory`.
//!
//!   cargo run --release --example bench-directory-fixture DATABASE_URL N

use std::time::Instant;

use chrono::{Datelike, Duration, NaiveDate};
use svoboda::campaign::{Campaign, Gender, Lang, Localized, Slug, StatusKind, file};
use svoboda::store::{self, OpenMode, PhotoChange, SaveMode};

const FIXTURE: &str = include_str!("../tests/fixtures/full/campaign.toml");

/// (Russian, English) first names, by gender.
const MEN: &[(&str, &str)] = &[
    ("Алексей", "Alexey"),
    ("Борис", "Boris"),
    ("Виктор", "Viktor"),
    ("Григорий", "Grigory"),
    ("Дмитрий", "Dmitry"),
    ("Евгений", "Evgeny"),
    ("Игорь", "Igor"),
    ("Константин", "Konstantin"),
    ("Лев", "Lev"),
    ("Максим", "Maxim"),
    ("Никита", "Nikita"),
    ("Олег", "Oleg"),
    ("Павел", "Pavel"),
    ("Роман", "Roman"),
    ("Сергей", "Sergey"),
    ("Тимур", "Timur"),
    ("Фёдор", "Fyodor"),
    ("Юрий", "Yury"),
    ("Ярослав", "Yaroslav"),
    ("Эльдар", "Eldar"),
];
const WOMEN: &[(&str, &str)] = &[
    ("Анна", "Anna"),
    ("Вера", "Vera"),
    ("Галина", "Galina"),
    ("Дарья", "Darya"),
    ("Екатерина", "Ekaterina"),
    ("Жанна", "Zhanna"),
    ("Ирина", "Irina"),
    ("Ксения", "Ksenia"),
    ("Людмила", "Lyudmila"),
    ("Мария", "Maria"),
    ("Наталья", "Natalya"),
    ("Ольга", "Olga"),
    ("Полина", "Polina"),
    ("Светлана", "Svetlana"),
    ("Татьяна", "Tatyana"),
    ("Ульяна", "Ulyana"),
    ("Юлия", "Yulia"),
    ("Алёна", "Alyona"),
];
/// (Russian masculine, Russian feminine, English masculine, English feminine).
const SURNAMES: &[(&str, &str, &str, &str)] = &[
    ("Иванов", "Иванова", "Ivanov", "Ivanova"),
    ("Смирнов", "Смирнова", "Smirnov", "Smirnova"),
    ("Кузнецов", "Кузнецова", "Kuznetsov", "Kuznetsova"),
    ("Попов", "Попова", "Popov", "Popova"),
    ("Соколов", "Соколова", "Sokolov", "Sokolova"),
    ("Лебедев", "Лебедева", "Lebedev", "Lebedeva"),
    ("Козлов", "Козлова", "Kozlov", "Kozlova"),
    ("Новиков", "Новикова", "Novikov", "Novikova"),
    ("Морозов", "Морозова", "Morozov", "Morozova"),
    ("Волков", "Волкова", "Volkov", "Volkova"),
    ("Алексеев", "Алексеева", "Alekseev", "Alekseeva"),
    ("Семёнов", "Семёнова", "Semyonov", "Semyonova"),
    ("Егоров", "Егорова", "Egorov", "Egorova"),
    ("Павлов", "Павлова", "Pavlov", "Pavlova"),
    ("Степанов", "Степанова", "Stepanov", "Stepanova"),
    ("Николаев", "Николаева", "Nikolaev", "Nikolaeva"),
    ("Орлов", "Орлова", "Orlov", "Orlova"),
    ("Макаров", "Макарова", "Makarov", "Makarova"),
    ("Захаров", "Захарова", "Zakharov", "Zakharova"),
    ("Зайцев", "Зайцева", "Zaitsev", "Zaitseva"),
    ("Белов", "Белова", "Belov", "Belova"),
    ("Тарасов", "Тарасова", "Tarasov", "Tarasova"),
    ("Шевченко", "Шевченко", "Shevchenko", "Shevchenko"),
    ("Ковальчук", "Ковальчук", "Kovalchuk", "Kovalchuk"),
    ("Меметов", "Меметова", "Memetov", "Memetova"),
    ("Асанов", "Асанова", "Asanov", "Asanova"),
    ("Юсупов", "Юсупова", "Yusupov", "Yusupova"),
    ("Гурьев", "Гурьева", "Guryev", "Guryeva"),
    ("Ёлкин", "Ёлкина", "Yolkin", "Yolkina"),
    ("Чернов", "Чернова", "Chernov", "Chernova"),
];
const REGIONS: &[(&str, &str)] = &[
    ("Москва", "Moscow"),
    ("Санкт-Петербург", "Saint Petersburg"),
    ("Казань", "Kazan"),
    ("Екатеринбург", "Yekaterinburg"),
    ("Новосибирск", "Novosibirsk"),
    ("Краснодар", "Krasnodar"),
    ("Симферополь", "Simferopol"),
    ("Уфа", "Ufa"),
    ("Пермь", "Perm"),
    ("Томск", "Tomsk"),
    ("Калининград", "Kaliningrad"),
    ("Владивосток", "Vladivostok"),
    ("Хабаровск", "Khabarovsk"),
    ("Ижевск", "Izhevsk"),
    ("Минск", "Minsk"),
    ("Гомель", "Gomel"),
];
const ARTICLES: &[&str] = &[
    "280.3", "207.3", "205.2", "275", "282.2", "212", "318", "280.4", "354.1", "284.1",
];

fn text(ru: &str, en: &str) -> Localized {
    Localized::new([(Lang::RU, ru.to_string()), (Lang::EN, en.to_string())])
}

fn campaign(template: &Campaign, i: usize) -> Campaign {
    let mut c = template.clone();
    let woman = i % 3 == 1;
    let surname = SURNAMES[(i / 7) % SURNAMES.len()];
    let (first_ru, first_en) = if woman {
        WOMEN[i % WOMEN.len()]
    } else {
        MEN[i % MEN.len()]
    };
    let (last_ru, last_en) = if woman {
        (surname.1, surname.3)
    } else {
        (surname.0, surname.2)
    };
    c.slug = Slug::parse(&format!("person-{i}")).expect("slug");
    c.person.name = text(
        &format!("{first_ru} {last_ru}"),
        &format!("{first_en} {last_en}"),
    );
    c.person.short_name = Some(text(first_ru, first_en));
    c.person.gender = Some(if woman { Gender::Female } else { Gender::Male });
    let (region_ru, region_en) = REGIONS[(i / 3) % REGIONS.len()];
    c.person.region = Some(text(region_ru, region_en));
    c.person.photo = None;
    let base = NaiveDate::from_ymd_opt(2024, 1, 1).expect("date");
    c.person.born = NaiveDate::from_ymd_opt(
        1960 + (i % 45) as i32,
        1 + (i % 12) as u32,
        1 + (i % 28) as u32,
    );
    c.status.kind = StatusKind::ALL[i % StatusKind::ALL.len()];
    c.updated = base + Duration::days((i * 37 % 700) as i64);
    if let Some(charge) = c.charges.first_mut() {
        charge.article = ARTICLES[i % ARTICLES.len()].to_string();
    }
    // Hearings spread over the year after the tests' fixed date.
    let shift = Duration::days((i % 365) as i64);
    for event in &mut c.timeline {
        event.date += shift;
    }
    if c.status.kind.is_custody() && i.is_multiple_of(5) {
        let release = base + Duration::days(60 + (i % 90) as i64);
        c.status.expected_release = Some(release.with_day(1).unwrap_or(release));
    }
    c
}

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let mut args = std::env::args().skip(1);
    let (Some(url), Some(n)) = (args.next(), args.next()) else {
        eprintln!("usage: bench-directory-fixture DATABASE_URL N");
        std::process::exit(2);
    };
    let n: usize = n.parse().expect("N is a number");
    let template = file::parse(FIXTURE, "campaign.toml", &|_| true).expect("the fixture parses");
    let store = store::connect(&url, OpenMode::CreateIfMissing)
        .await
        .expect("database");
    let started = Instant::now();
    for i in 0..n {
        store
            .save_campaign(
                &campaign(&template, i),
                PhotoChange::Remove,
                SaveMode::Replace,
            )
            .await
            .expect("saved");
    }
    store.close().await;
    eprintln!(
        "{n} campaigns written in {:.1} s",
        started.elapsed().as_secs_f64()
    );
}
