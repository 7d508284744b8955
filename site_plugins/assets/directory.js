// Instant filter for the organisation directory. Without JavaScript the page is a plain A–Å list.
// Matching uses the folded text the build wrote into data-search, so the rule lives in Python.
(function () {
  "use strict";

  function setUp(form) {
    if (form.dataset.torgetReady) return;
    form.dataset.torgetReady = "1";
    var folds = JSON.parse(form.dataset.folds || "{}");
    var query = form.querySelector("input[type=search]");
    var theme = form.querySelector("select");
    var count = form.querySelector("[data-torget-count]");
    var root = form.parentElement;
    var groups = root.querySelectorAll("[data-torget-group]");
    var empty = root.querySelector("[data-torget-empty]");
    var total = root.querySelectorAll("[data-search]").length;

    function fold(text) {
      return text.toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "")
        .replace(/./g, function (ch) { return folds[ch] || ch; });
    }

    function apply() {
      var words = fold(query.value).split(/\s+/).filter(Boolean);
      var slug = theme.value;
      var shown = 0;
      groups.forEach(function (group) {
        var inGroup = 0;
        group.querySelectorAll("[data-search]").forEach(function (item) {
          var text = item.dataset.search;
          var match = words.every(function (w) { return text.indexOf(w) !== -1; }) &&
            (!slug || (" " + item.dataset.categories + " ").indexOf(" " + slug + " ") !== -1);
          item.hidden = !match;
          if (match) inGroup += 1;
        });
        group.hidden = inGroup === 0;
        shown += inGroup;
      });
      empty.hidden = shown !== 0;
      count.textContent = shown === total
        ? "Viser alle " + total + " organisasjonene."
        : "Viser " + shown + " av " + total + " organisasjoner.";
      var params = new URLSearchParams(window.location.search);
      query.value ? params.set("q", query.value) : params.delete("q");
      slug ? params.set("tema", slug) : params.delete("tema");
      var search = params.toString();
      history.replaceState(null, "", window.location.pathname + (search ? "?" + search : "") + window.location.hash);
    }

    var initial = new URLSearchParams(window.location.search);
    query.value = initial.get("q") || "";
    if (initial.get("tema")) theme.value = initial.get("tema");
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    query.addEventListener("input", apply);
    theme.addEventListener("change", apply);
    form.hidden = false;
    apply();
  }

  function start() {
    document.querySelectorAll("[data-torget-filter]").forEach(setUp);
  }

  window.torgetOnPage(start);
})();
