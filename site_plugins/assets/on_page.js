// The rules the site's scripts share: how each starts on a page, and how each reads the JSON the build wrote.
// `torgetOnPage(start)` runs a script's `start` on every page.
// Material's instant navigation swaps pages without reloading and announces each one on document$;
// a page without the theme (the kiosk) starts once, when its document is ready. The site's scripts run
// before Material's (web/theme_markup.py), when the document is parsed but not yet announced
// (readyState "interactive"): they attach on DOMContentLoaded, by when Material has set up document$.
// A script that comes later attaches on `load`, or at once when the page has loaded.
window.torgetOnPage = function (start) {
  "use strict";
  var attached = false;
  function attach() {
    if (attached) return;
    attached = true;
    if (window.document$ && window.document$.subscribe) {
      window.document$.subscribe(start);
    } else {
      start();
    }
  }
  if (window.document$ && window.document$.subscribe || document.readyState === "complete") {
    attach();
  } else {
    document.addEventListener("DOMContentLoaded", attach);
    window.addEventListener("load", attach);
  }
};

// The JSON file `name` the build wrote next to `script` (hours.json, shifts.json), fetched once per
// page load; the promise gives null when the file cannot be read, so a page without it shows nothing.
// A page that changes language (the kiosk) names the folder of that language's copies in
// <html data-torget-data> and announces it with a "torget:data" event; the scripts then read again.
window.torgetJson = function (name, script) {
  "use strict";
  var here = script ? script.src : window.location.href;
  var loads = {};
  return function () {
    var folder = document.documentElement.dataset.torgetData;
    var source = new URL(name, folder ? new URL(folder, window.location.href).href : here).href;
    if (!loads[source]) {
      loads[source] = fetch(source, { cache: "no-cache" })
        .then(function (response) { return response.ok ? response.json() : null; })
        .catch(function () { return null; });
    }
    return loads[source];
  };
};
