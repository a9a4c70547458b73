// A passkey step: hands the page's challenge to the browser's WebAuthn and
// posts the authenticator's answer back in the page's form. Nothing else:
// the page may connect nowhere, and without this script the step says
// that passkeys need JavaScript.
(function () {
  "use strict";
  const box = document.getElementById("passkey");
  if (!box || !window.PublicKeyCredential || !PublicKeyCredential.parseCreationOptionsFromJSON) return;
  const button = document.getElementById("passkey-go");
  const failed = document.getElementById("passkey-failed");
  box.hidden = false;
  document.getElementById("passkey-needs-script").hidden = true;

  async function go() {
    button.disabled = true;
    failed.hidden = true;
    try {
      const options = JSON.parse(box.dataset.options).publicKey;
      const credential = box.dataset.mode === "create"
        ? await navigator.credentials.create({ publicKey: PublicKeyCredential.parseCreationOptionsFromJSON(options) })
        : await navigator.credentials.get({ publicKey: PublicKeyCredential.parseRequestOptionsFromJSON(options) });
      document.getElementById("passkey-answer").value = JSON.stringify(credential.toJSON());
      document.getElementById("passkey-form").submit();
    } catch {
      // Cancelled, timed out, or no passkey for this name: try again.
      failed.hidden = false;
      button.disabled = false;
    }
  }
  button.addEventListener("click", go);
})();
