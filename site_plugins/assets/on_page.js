// Runs a script's `start` on every page, the one start-up rule the site's scripts share.
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
