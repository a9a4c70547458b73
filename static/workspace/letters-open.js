// The letters page's opener: reads a campaign's sealed letters export with
// the organiser's identity file, on this device, and lays the letters out
// for printing as `svoboda letters pdf` does: each under the person's name
// and the facility's address, signed as its writer chose, with a reply
// slip. The page's policy forbids every connection: nothing read is sent.
(function () {
  "use strict";
  const tool = document.getElementById("letters-tool");
  if (!tool || typeof age === "undefined" || typeof SvobodaSealed === "undefined") return;
  const { Refusal, identityOf, bytesOf, textOf, element } = SvobodaSealed;
  const $ = (id) => document.getElementById(id);
  const say = SvobodaSealed.messages($("letters-messages"), document.documentElement.lang);
  // The printed pages' own words are in the facility's language.
  const print = SvobodaSealed.messages($("letters-print-messages"), tool.dataset.printLang);
  const MAGIC = "# svoboda letters v1";
  const TO_LINE = "# letters-to ";

  // The export's lines, read as `letters::export::open` reads them.
  async function open(exportText, identityText, progress) {
    const { decrypter, identity } = identityOf(identityText, say("letters-open-bad-identity"));
    const opened = { campaign: "", to: {}, letters: [], otherKeys: 0 };
    const lines = exportText.split("\n");
    if (lines[lines.length - 1] === "") lines.pop();
    if (!lines.length || !lines[0].startsWith(MAGIC)) throw new Refusal(say("letters-open-not-an-export"));
    for (let n = 0; n < lines.length; n++) {
      const line = lines[n].replace(/\r$/, "");
      const bad = () => new Refusal(say("letters-open-bad-line", { line: n + 1 }));
      if (line.startsWith(MAGIC)) {
        opened.campaign = line.slice(MAGIC.length).trim().replace(/^campaign=/, "");
        continue;
      }
      if (line.startsWith(TO_LINE)) {
        try {
          opened.to = JSON.parse(line.slice(TO_LINE.length));
        } catch {
          throw bad();
        }
        continue;
      }
      if (line.startsWith("#") || line.trim() === "") continue;
      const [number, , data] = line.split("\t");
      if (data === undefined || !/^\d+$/.test(number)) throw bad();
      let plain;
      try {
        plain = await decrypter.decrypt(bytesOf(data), "text");
      } catch {
        if (!identity.matched) {
          opened.otherKeys++;
          continue;
        }
        throw bad();
      }
      try {
        opened.letters.push({ number, record: JSON.parse(plain) });
      } catch {
        throw bad();
      }
      if (n % 50 === 0) progress(n, lines.length);
    }
    return opened;
  }

  // One letter as printed: only text nodes, whatever the writer typed.
  function letterOf(to, letter) {
    const r = letter.record;
    const section = element("section", undefined, "printed-letter");
    const address = element("address", undefined, "letter-to");
    for (const line of [...String(to.address || "").split("\n"), to.facility, to.name]) {
      if (line && line.trim() !== "") address.append(element("span", line.trim()), element("br"));
    }
    section.append(address);
    section.append(element("p", print("letters-pdf-number", { number: letter.number }), "letter-number"));
    section.append(element("div", r.text, "letter-text"));
    if (r.name) section.append(element("p", r.name, "signature"));
    if (r.return_address) {
      section.append(element("p", print("letters-pdf-return", { address: r.return_address }), "return-address"));
    }
    const slip = element("div", undefined, "reply-slip");
    slip.append(element("p", print("letters-pdf-slip-title", { number: letter.number }), "slip-title"));
    const replyTo = String(to.reply_to || "").trim();
    slip.append(element("p", replyTo === ""
      ? print("letters-pdf-slip-keep-number", { number: letter.number })
      : print("letters-pdf-slip-send-to", { number: letter.number, address: replyTo })));
    section.append(slip);
    return section;
  }

  function show(opened) {
    const counts = $("letters-counts");
    counts.replaceChildren(element("li", say("letters-open-count", { count: opened.letters.length })));
    if (opened.otherKeys > 0) counts.append(element("li", say("letters-open-other-keys", { count: opened.otherKeys })));
    const printed = $("letters-print");
    printed.replaceChildren(...opened.letters.map((l) => letterOf(opened.to, l)));
    printed.hidden = opened.letters.length === 0;
    $("letters-result").hidden = false;
  }

  function fail(message) {
    const box = $("letters-error");
    box.textContent = message;
    box.hidden = false;
  }

  $("letters-open").addEventListener("click", async () => {
    $("letters-error").hidden = true;
    $("letters-result").hidden = true;
    $("letters-print").hidden = true;
    const status = $("letters-status");
    const [exportText, identityText] = await Promise.all([textOf($("export-file")), textOf($("identity-file"))]);
    if (exportText === null || identityText === null) {
      fail(say("letters-open-choose-both"));
      return;
    }
    let opened;
    try {
      opened = await open(exportText, identityText, (n, total) => {
        status.textContent = say("letters-open-progress", { done: n, total });
      });
    } catch (e) {
      status.textContent = "";
      fail(e instanceof Refusal ? e.message : say("letters-open-failed", { detail: String(e && e.message) }));
      return;
    }
    status.textContent = say("letters-open-done");
    show(opened);
  });
  $("letters-print-button").addEventListener("click", () => window.print());
  tool.hidden = false;
  $("letters-needs-script").hidden = true;
})();
