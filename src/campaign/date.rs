//! Dates in campaign files: TOML dates (`2022-05-11`) or ISO strings, so the
//! same types read the file an organiser wrote and the JSON the store keeps.

use chrono::{NaiveDate, NaiveTime};
use serde::{Deserialize, Deserializer};

#[derive(Deserialize)]
#[serde(untagged, expecting = "a date like 2022-05-11")]
enum Repr {
    Text(String),
    Toml(toml::value::Datetime),
}

fn parse<E: serde::de::Error>(repr: Repr) -> Result<NaiveDate, E> {
    let text = match repr {
        Repr::Text(s) => s,
        Repr::Toml(dt) => match (dt.date, dt.time) {
            (Some(_), None) => dt.to_string(),
            _ => {
                return Err(E::custom(format!(
                    "'{dt}' is not a plain date like 2022-05-11"
                )));
            }
        },
    };
    NaiveDate::parse_from_str(&text, "%Y-%m-%d")
        .map_err(|_| E::custom(format!("'{text}' is not a date like 2022-05-11")))
}

pub fn de<'de, D: Deserializer<'de>>(d: D) -> Result<NaiveDate, D::Error> {
    parse(Repr::deserialize(d)?)
}

pub fn de_opt<'de, D: Deserializer<'de>>(d: D) -> Result<Option<NaiveDate>, D::Error> {
    Option::<Repr>::deserialize(d)?.map(parse).transpose()
}

/// A time of day: a TOML local time (`10:00:00`) or a string (`"10:00"`).
pub fn de_time_opt<'de, D: Deserializer<'de>>(d: D) -> Result<Option<NaiveTime>, D::Error> {
    let Some(repr) = Option::<Repr>::deserialize(d)? else {
        return Ok(None);
    };
    let text = match repr {
        Repr::Text(s) => s,
        Repr::Toml(dt) => match (dt.date, dt.time) {
            (None, Some(_)) => dt.to_string(),
            _ => {
                return Err(serde::de::Error::custom(format!(
                    "'{dt}' is not a time of day like 10:00"
                )));
            }
        },
    };
    NaiveTime::parse_from_str(&text, "%H:%M")
        .or_else(|_| NaiveTime::parse_from_str(&text, "%H:%M:%S"))
        .map(Some)
        .map_err(|_| serde::de::Error::custom(format!("'{text}' is not a time of day like 10:00")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Deserialize, Debug)]
    struct W {
        #[serde(deserialize_with = "de")]
        d: NaiveDate,
    }

    #[test]
    fn toml_dates_and_strings_both_read() {
        let a: W = toml::from_str("d = 2022-05-11").expect("toml date");
        let b: W = toml::from_str("d = \"2022-05-11\"").expect("string date");
        let c: W = serde_json::from_str("{\"d\":\"2022-05-11\"}").expect("json date");
        assert_eq!(a.d, b.d);
        assert_eq!(b.d, c.d);
    }

    #[test]
    fn datetimes_and_nonsense_are_refused() {
        assert!(toml::from_str::<W>("d = 2022-05-11T10:00:00").is_err());
        assert!(toml::from_str::<W>("d = \"2022-13-01\"").is_err());
        assert!(toml::from_str::<W>("d = 5").is_err());
    }
}
