// The phone page a kiosk list QR code opens: shows the organisations named in the address's
// fragment (#slug,slug). The list never leaves the phone: a fragment is not sent to the server.
(function () {
  "use strict";

  function show(root) {
    var wanted = window.location.hash.slice(1).split(",").filter(Boolean);
    var shown = 0;
    root.querySelectorAll("li[data-slug]").forEach(function (item) {
      item.hidden = wanted.indexOf(item.dataset.slug) === -1;
      if (!item.hidden) shown += 1;
    });
    root.querySelector("[data-torget-saved-intro]").hidden = shown === 0;
    root.querySelector("[data-torget-saved-empty]").hidden = shown !== 0;
  }

  function start() {
    document.querySelectorAll("[data-torget-saved-list]").forEach(show);
  }

  window.addEventListener("hashchange", start);
  window.torgetOnPage(start);
})();
