// Opening sealed exports on this device, for the delivery and letters
// pages: the organiser's identity (age X25519) with one key agreement per
// sealing period, and the page's messages in its language. Nothing read
// here leaves the browser: the pages' policy forbids every connection.
var SvobodaSealed = (function () {
  "use strict";

  class Refusal extends Error {}

  // The page's messages, kept in `container`: {name} filled from `vars`;
  // for a message with a count, the form of that count's plural category.
  function messages(container, lang) {
    const plural = new Intl.PluralRules(lang);
    return function say(id, vars = {}) {
      const el = container.querySelector(`[data-id="${id}"]`);
      let text = el.dataset.text;
      if (text === undefined) {
        const category = plural.select(vars.count);
        const sample = ["1", "2", "5"].find((n) => plural.select(Number(n)) === category) || "5";
        text = el.dataset["n" + sample];
      }
      return text.replace(/\{(\w+)\}/g, (whole, name) => (name in vars ? String(vars[name]) : whole));
    };
  }

  // A decrypter for the identity file's text; `identity.matched` says
  // whether the last record was sealed to it at all.
  function identityOf(text, badIdentity) {
    const line = text.split(/\r?\n/).map((l) => l.trim()).find((l) => l.startsWith("AGE-SECRET-KEY-1"));
    if (!line) throw new Refusal(badIdentity);
    const inner = new age.Decrypter();
    try {
      inner.addIdentity(line);
    } catch {
      throw new Refusal(badIdentity);
    }
    const decrypter = new age.Decrypter();
    // Records of one sealing period share their header: one key agreement.
    const known = new Map();
    const identity = {
      matched: false,
      async unwrapFileKey(stanzas) {
        const key = stanzas.map((s) => s.args.join(" ") + "\n" + s.body.join(",")).join("\n");
        if (!known.has(key)) known.set(key, await inner.unwrapFileKey(stanzas));
        const fileKey = known.get(key);
        identity.matched = fileKey !== null;
        return fileKey === null ? null : fileKey.slice();
      },
    };
    decrypter.addIdentity(identity);
    return { decrypter, identity };
  }

  function bytesOf(base64) {
    const raw = atob(base64);
    const bytes = new Uint8Array(raw.length);
    for (let i = 0; i < raw.length; i++) bytes[i] = raw.charCodeAt(i);
    return bytes;
  }

  async function textOf(input) {
    const file = input.files && input.files[0];
    return file ? file.text() : null;
  }

  function element(tag, text, className) {
    const el = document.createElement(tag);
    if (text !== undefined) el.textContent = text;
    if (className) el.className = className;
    return el;
  }

  return { Refusal, messages, identityOf, bytesOf, textOf, element };
})();
