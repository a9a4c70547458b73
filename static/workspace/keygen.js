// The keys page's "create a key on this device": an organiser key pair is
// made here, the identity file is saved by the browser, and only the public
// key is put into the page's form. The page's policy forbids every
// connection, so the identity cannot leave the device by this script.
(function () {
  "use strict";
  const box = document.getElementById("keygen");
  if (!box || typeof age === "undefined" || typeof SvobodaSaveFile === "undefined") return;
  const button = document.getElementById("keygen-create");
  const done = document.getElementById("keygen-done");
  const shown = document.getElementById("keygen-public");
  box.hidden = false;

  button.addEventListener("click", async () => {
    button.disabled = true;
    try {
      const identity = await age.generateX25519Identity();
      const recipient = await age.identityToRecipient(identity);
      // The layout of age-keygen's files, which `age` and `svoboda` read.
      const created = new Date().toISOString().replace(/\.\d+Z$/, "Z");
      const file = `# created: ${created}\n# public key: ${recipient}\n${identity}\n`;
      SvobodaSaveFile(box.dataset.filename, file, "text/plain");
      shown.textContent = recipient;
      const field = document.getElementById("key");
      if (field) field.value = recipient;
      done.hidden = false;
      done.focus();
    } finally {
      button.disabled = false;
    }
  });
})();
