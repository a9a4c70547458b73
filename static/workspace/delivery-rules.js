// The rules the delivery page shares with `svoboda signatures decrypt | pdf`
// (src/petition/csv.rs, src/petition/screening.rs): the same CSV bytes and
// the same doubtful signatures. Both run the vectors of
// tests/fixtures/delivery-rules.json.
(function (global) {
  "use strict";

  // One CSV field: quoted when needed, and neutralised when a spreadsheet
  // would take it for a formula (= + - @, and tab or carriage return).
  function csvField(value) {
    const first = value.charAt(0);
    const neutral = "=+-@\t\r".includes(first) && value !== "" ? "'" + value : value;
    return /[,"\n\r]/.test(neutral) ? '"' + neutral.replace(/"/g, '""') + '"' : neutral;
  }

  function csvRow(fields) {
    return fields.map(csvField).join(",") + "\r\n";
  }

  // Rust's str::to_lowercase and char::is_alphanumeric, as JavaScript says them.
  const NOT_WORD = /[^\p{Alphabetic}\p{N}]+/u;

  // Code point order, as Rust compares strings (JavaScript's default sort
  // compares UTF-16 units, which differs above U+FFFF).
  function byCodePoint(a, b) {
    const x = Array.from(a, (c) => c.codePointAt(0));
    const y = Array.from(b, (c) => c.codePointAt(0));
    for (let i = 0; i < Math.min(x.length, y.length); i++) {
      if (x[i] !== y[i]) return x[i] - y[i];
    }
    return x.length - y.length;
  }

  // A name or city as people write it in different ways: case, ё,
  // punctuation, spacing; a name's words in any order.
  function comparable(text, sortWords) {
    const words = text.toLowerCase().replace(/ё/g, "е").split(NOT_WORD).filter((w) => w !== "");
    if (sortWords) words.sort(byCodePoint);
    return words.join(" ");
  }

  // The throwaway domain of `email` (a Set of domains), if it is at one or
  // a subdomain of one.
  function disposableDomain(email, domains) {
    const at = email.lastIndexOf("@");
    if (at < 0) return null;
    let rest = email.slice(at + 1).trim().replace(/\.+$/, "").toLowerCase();
    for (;;) {
      if (domains.has(rest)) return rest;
      const dot = rest.indexOf(".");
      if (dot < 0) return null;
      rest = rest.slice(dot + 1);
    }
  }

  // Every doubtful signature of `records` ({name, city, email}), in order:
  // for each group of the same name and city all but the first
  // ({index, sameAs}), and every address at a throwaway domain
  // ({index, disposable}).
  function screen(records, domains) {
    const firstOf = new Map();
    const suspects = [];
    records.forEach((r, index) => {
      const name = comparable(r.name, true);
      const key = name + "\u0000" + comparable(r.city || "", false);
      if (name !== "") {
        if (firstOf.has(key)) {
          suspects.push({ index, sameAs: firstOf.get(key) });
          return;
        }
        firstOf.set(key, index);
      }
      const domain = r.email ? disposableDomain(r.email, domains) : null;
      if (domain !== null) suspects.push({ index, disposable: domain });
    });
    return suspects;
  }

  global.SvobodaDeliveryRules = { csvField, csvRow, comparable, disposableDomain, screen };
})(globalThis);
