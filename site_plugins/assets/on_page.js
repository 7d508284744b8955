// The rules the site's scripts share: how each starts on a page, and how each reads the JSON the build wrote.
// `torgetOnPage(start)` runs a script's `start` on every page.
// Material's instant navigation swaps pages without reloading and announces each one on document$;
// a page without the theme (the kiosk) starts once, when its document is ready.
window.torgetOnPage = function (start) {
  "use strict";
  if (window.document$ && window.document$.subscribe) {
    window.document$.subscribe(start);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
};

// The JSON file `name` the build wrote next to `script` (hours.json, shifts.json), fetched once per
// page load; the promise gives null when the file cannot be read, so a page without it shows nothing.
window.torgetJson = function (name, script) {
  "use strict";
  var source = new URL(name, script ? script.src : window.location.href).href;
  var loading = null;
  return function () {
    if (!loading) {
      loading = fetch(source, { cache: "no-cache" })
        .then(function (response) { return response.ok ? response.json() : null; })
        .catch(function () { return null; });
    }
    return loading;
  };
};
