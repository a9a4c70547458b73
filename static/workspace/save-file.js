// Saves text as a file on this device, as a download: nothing is sent
// anywhere (the pages that load this forbid every connection).
(function (global) {
  "use strict";
  global.SvobodaSaveFile = function (name, text, type) {
    const url = URL.createObjectURL(new Blob([text], { type }));
    const link = document.createElement("a");
    link.href = url;
    link.download = name;
    link.hidden = true;
    document.body.append(link);
    link.click();
    link.remove();
    // The browser has taken the file by the next task; a minute is ample.
    setTimeout(() => URL.revokeObjectURL(url), 60000);
  };
})(globalThis);
