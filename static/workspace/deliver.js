// The delivery page: opens a petition's sealed export with the organiser's
// identity file, on this device. It counts, saves the CSV that `svoboda
// signatures decrypt` writes, flags doubtful signatures as `svoboda
// signatures pdf` does, and lays out the delivery document for printing.
// The page's policy forbids every connection: nothing read here is sent.
(function () {
  "use strict";
  const tool = document.getElementById("deliver-tool");
  if (!tool || typeof age === "undefined" || typeof SvobodaDeliveryRules === "undefined" ||
    typeof SvobodaSealed === "undefined") return;
  const rules = SvobodaDeliveryRules;
  const { Refusal, identityOf: identityWith, bytesOf, textOf, element } = SvobodaSealed;
  const $ = (id) => document.getElementById(id);
  const lang = document.documentElement.lang;
  const domains = new Set(tool.dataset.disposable.split(" ").filter((d) => d !== ""));
  const MAGIC = "# svoboda signatures v1";
  const TEXT_LINE = "# petition-text ";
  const say = SvobodaSealed.messages($("deliver-messages"), lang);
  const identityOf = (text) => identityWith(text, say("deliver-bad-identity"));

  // The export's lines, read as `petition::export::open` reads them.
  async function open(exportText, identityText, progress) {
    const { decrypter, identity } = identityOf(identityText);
    const opened = { petition: "", text: null, signatures: [], otherKeys: 0, purged: 0 };
    const lines = exportText.split("\n");
    if (lines[lines.length - 1] === "") lines.pop();
    if (!lines.some((l) => l.startsWith(MAGIC))) throw new Refusal(say("deliver-not-an-export"));
    for (let n = 0; n < lines.length; n++) {
      const line = lines[n].replace(/\r$/, "");
      const bad = () => new Refusal(say("deliver-bad-line", { line: n + 1 }));
      if (line.startsWith(MAGIC)) {
        opened.petition = line.slice(MAGIC.length).trim().replace(/^petition=/, "");
        continue;
      }
      if (line.startsWith(TEXT_LINE)) {
        try {
          opened.text = JSON.parse(line.slice(TEXT_LINE.length));
        } catch {
          throw bad();
        }
        continue;
      }
      if (line.startsWith("#") || line.trim() === "") continue;
      const [id, , status, data] = line.split("\t");
      if (data === undefined) throw bad();
      if (data === "") {
        opened.purged++;
        continue;
      }
      let plain;
      try {
        plain = await decrypter.decrypt(bytesOf(data), "text");
      } catch {
        // Sealed before this key was added, or to other organisers' keys
        // only: counted, as the command line does.
        if (!identity.matched) {
          opened.otherKeys++;
          continue;
        }
        throw bad();
      }
      let record;
      try {
        record = JSON.parse(plain);
      } catch {
        throw bad();
      }
      opened.signatures.push({ id, standing: status === "confirmed" ? "confirmed" : "pending", record });
      if (n % 250 === 0) progress(n, lines.length);
    }
    return opened;
  }

  function csvOf(opened) {
    let csv = rules.csvRow(["id", "signed_at", "status", "name", "email", "city", "country", "public"]);
    for (const s of opened.signatures) {
      const r = s.record;
      csv += rules.csvRow([s.id, r.signed_at, s.standing, r.name, r.email || "", r.city || "", r.country || "",
        r.public ? "yes" : "no"]);
    }
    return csv;
  }

  function inLang(map) {
    if (!map) return "";
    if (map[lang] !== undefined) return map[lang];
    const first = Object.keys(map).sort()[0];
    return first === undefined ? "" : map[first];
  }

  function dateOf(signedAt) {
    const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(signedAt || "");
    if (!m) return "";
    return say("date-format", { day: Number(m[3]), month: say("month-" + Number(m[2])), year: m[1] });
  }

  let current = null;

  function confirmed() {
    return current.signatures.filter((s) => s.standing === "confirmed");
  }

  function show() {
    const signatures = confirmed();
    const suspects = rules.screen(signatures.map((s) => s.record), domains);
    const counts = $("deliver-counts");
    counts.replaceChildren();
    const count = (id, n, always) => {
      if (n > 0 || always) counts.append(element("li", say(id, { count: n })));
    };
    count("deliver-count-opened", current.signatures.length, true);
    count("deliver-count-confirmed", signatures.length, true);
    count("deliver-count-pending", current.signatures.length - signatures.length);
    count("deliver-count-other-keys", current.otherKeys);
    count("deliver-count-purged", current.purged);
    count("deliver-count-suspects", suspects.length, true);

    const list = $("deliver-suspects");
    list.replaceChildren();
    for (const s of suspects) {
      const r = signatures[s.index].record;
      const why = s.sameAs !== undefined
        ? say("deliver-suspect-same", { id: signatures[s.sameAs].id })
        : say("deliver-suspect-throwaway", { domain: s.disposable });
      list.append(element("li", `${signatures[s.index].id} (${r.name}, ${r.city || "-"}): ${why}`));
    }
    list.hidden = suspects.length === 0;

    const leftOut = new Set($("deliver-leave-out").checked ? suspects.map((s) => s.index) : []);
    const rows = signatures.filter((_, i) => !leftOut.has(i));
    const doc = $("delivery-document");
    doc.replaceChildren();
    const text = current.text || {};
    const addressee = inLang(text.addressee);
    if (addressee !== "") doc.append(element("p", `${say("pdf-to")}: ${addressee}`, "addressee"));
    doc.append(element("h2", inLang(text.title)));
    for (const p of inLang(text.paragraphs) || []) doc.append(element("p", p));
    doc.append(element("p", say("pdf-signatures", { count: rows.length }), "count"));
    const table = element("table");
    const head = element("tr");
    for (const id of ["pdf-col-number", "pdf-col-name", "pdf-col-city", "pdf-col-country", "pdf-col-date"]) {
      const th = element("th", say(id));
      th.scope = "col";
      head.append(th);
    }
    table.append(element("thead"));
    table.tHead.append(head);
    const body = element("tbody");
    rows.forEach((s, i) => {
      const tr = element("tr");
      for (const cell of [String(i + 1), s.record.name, s.record.city || "", s.record.country || "",
        dateOf(s.record.signed_at)]) {
        tr.append(element("td", cell));
      }
      body.append(tr);
    });
    table.append(body);
    doc.append(table);
    doc.hidden = false;
    $("deliver-result").hidden = false;
  }

  function fail(message) {
    const box = $("deliver-error");
    box.textContent = message;
    box.hidden = false;
  }

  $("deliver-open").addEventListener("click", async () => {
    $("deliver-error").hidden = true;
    $("deliver-result").hidden = true;
    $("delivery-document").hidden = true;
    const status = $("deliver-status");
    const [exportText, identityText] = await Promise.all([textOf($("export-file")), textOf($("identity-file"))]);
    if (exportText === null || identityText === null) {
      fail(say("deliver-choose-both"));
      return;
    }
    try {
      current = await open(exportText, identityText, (n, total) => {
        status.textContent = say("deliver-progress", { done: n, total });
      });
    } catch (e) {
      current = null;
      status.textContent = "";
      if (e instanceof Refusal) fail(e.message);
      else fail(say("deliver-failed", { detail: String(e && e.message) }));
      return;
    }
    status.textContent = say("deliver-done");
    show();
  });

  $("deliver-leave-out").addEventListener("change", () => current && show());
  $("deliver-save-csv").addEventListener("click", () => {
    if (!current) return;
    const name = (current.petition || "petition").replace("/", "-") + "-signatures.csv";
    SvobodaSaveFile(name, csvOf(current), "text/csv;charset=utf-8");
  });
  $("deliver-print").addEventListener("click", () => window.print());
  tool.hidden = false;
  $("deliver-needs-script").hidden = true;
})();
