// The site search's index is fetched when the visitor opens the search, not with every page.
// Material's page script asks for search/search_index.json as it starts (38 KB, a quarter of what a first
// visit to an organisation page downloaded), with an XMLHttpRequest. This script runs before Material's (the
// build puts the site's script first: web/theme_markup.py) and holds that one request back until the
// visitor shows they want to search: the search field gets focus (a tap, a click, Material's `/` and `s`
// keys), the search opens (the phone's search button), or the address carries a query (`?q=`, `?h=`).
// Material says «Initialiserer søk» meanwhile and runs what was typed once the index is in. Every other
// request goes out unchanged. When the index cannot be loaded (offline, and the visitor has not searched
// before, so the offline copy does not hold it), the search says so and links the directory, whose own
// filter works offline (<html data-torget-directory>, the words from data-torget-texts).
(function () {
  "use strict";

  var config = document.getElementById("__config");
  if (!config || !document.forms.namedItem("search") || typeof XMLHttpRequest !== "function") return;
  var base;
  try {
    base = new URL(JSON.parse(config.textContent).base, window.location.href);
  } catch (error) {
    return;
  }
  var index = new URL("search/search_index.json", base).href;
  var held = [];
  var released = false;
  var prototype = XMLHttpRequest.prototype;
  var open = prototype.open;
  var send = prototype.send;

  prototype.open = function (method, url) {
    this.torgetHeld = !released && String(method).toUpperCase() === "GET" &&
      new URL(String(url), window.location.href).href === index;
    return open.apply(this, arguments);
  };
  prototype.send = function () {
    if (this.torgetHeld) {
      this.addEventListener("error", unreachable);
      this.addEventListener("load", function () { if (this.status !== 200) unreachable(); });
    }
    if (this.torgetHeld && !released) {
      held.push([this, arguments]);
      return undefined;
    }
    return send.apply(this, arguments);
  };

  function unreachable() {
    var result = document.querySelector(".md-search-result");
    if (!result || result.querySelector("[data-torget-search-offline]")) return;
    var texts = JSON.parse(document.documentElement.dataset.torgetTexts || "{}");
    var directory = document.documentElement.dataset.torgetDirectory;
    var box = document.createElement("p");
    box.className = "torget-search-help";
    box.setAttribute("data-torget-search-offline", "");
    box.setAttribute("role", "status");
    box.append(texts.search_offline || "");
    if (directory && texts.search_offline_link) {
      var link = document.createElement("a");
      link.href = new URL(directory, base).href;
      link.textContent = texts.search_offline_link;
      box.append(" ", link);
    }
    result.insertBefore(box, result.firstChild);
  }

  function release() {
    if (released) return;
    released = true;
    held.forEach(function (request) { send.apply(request[0], request[1]); });
    held = [];
  }

  var asked = new URL(window.location.href).searchParams;
  if (asked.has("q") || asked.has("h")) {
    release();
    return;
  }
  document.addEventListener("focusin", function (event) {
    if (event.target instanceof Element && event.target.closest("form[name=search]")) release();
  });
  document.addEventListener("change", function (event) {
    if (event.target instanceof HTMLInputElement && event.target.id === "__search" && event.target.checked) release();
  });
})();
