// Runs the delivery page's rules (static/workspace/delivery-rules.js) on the
// vectors the Rust tests run too (tests/fixtures/delivery-rules.json).
// Usage: node tests/js/delivery-rules.test.cjs   (from the repository root)
"use strict";
const assert = require("node:assert/strict");
const fs = require("node:fs");
const vm = require("node:vm");
const path = require("node:path");

const root = path.join(__dirname, "..", "..");
vm.runInThisContext(fs.readFileSync(path.join(root, "static/workspace/delivery-rules.js"), "utf8"));
const rules = globalThis.SvobodaDeliveryRules;
const vectors = JSON.parse(fs.readFileSync(path.join(root, "tests/fixtures/delivery-rules.json"), "utf8"));
const domains = new Set(
  fs.readFileSync(path.join(root, "data/disposable-domains.txt"), "utf8")
    .split("\n").map((l) => l.trim()).filter((l) => l !== "" && !l.startsWith("#")),
);

let checked = 0;
for (const [value, written] of vectors.csv_fields) {
  assert.equal(rules.csvField(value), written, JSON.stringify(value));
  checked++;
}
for (const [fields, written] of vectors.csv_rows) {
  assert.equal(rules.csvRow(fields), written);
  checked++;
}
for (const [email, domain] of vectors.disposable) {
  assert.equal(rules.disposableDomain(email, domains), domain, email);
  checked++;
}
for (const c of vectors.screening) {
  const expected = c.suspects.map((s) =>
    s.same_as !== undefined ? { index: s.index, sameAs: s.same_as } : { index: s.index, disposable: s.disposable });
  assert.deepEqual(rules.screen(c.records, domains), expected);
  checked++;
}
assert.ok(checked > 20, "the vectors were read");
console.log(`delivery rules: ${checked} vectors agree with Rust's`);
