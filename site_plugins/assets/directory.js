// Instant filter for the organisation directory. Without JavaScript the page is a plain A–Å list.
// It matches the folded text the build wrote into data-search (names, keywords in both languages,
// synonyms) with the site's one search rule, search_rule.js, which the kiosk shares. Each
// <select data-torget-facet="x"> (theme, umbrella body) keeps the entries whose data-x lists its slug.
(function () {
  "use strict";

  var rule = window.TorgetSearch;
  // The words this script writes, in the page's language (the build puts them on <html>).
  var texts = JSON.parse(document.documentElement.dataset.torgetTexts || "{}");

  function setUp(form) {
    if (form.dataset.torgetReady) return;
    form.dataset.torgetReady = "1";
    var query = form.querySelector("input[type=search]");
    var facets = Array.prototype.slice.call(form.querySelectorAll("select[data-torget-facet]"));
    var count = form.querySelector("[data-torget-count]");
    var root = form.parentElement;
    var groups = root.querySelectorAll("[data-torget-group]");
    var empty = root.querySelector("[data-torget-empty]");
    var suggestions = root.querySelector("[data-torget-suggestions]");
    var items = Array.prototype.slice.call(root.querySelectorAll("[data-search]"));
    var entries = items.map(function (item) { return rule.entry(item.dataset.search); });
    var total = items.length;
    var terms = null;  // the directory's words for "Mente du …?", gathered when first needed

    function suggest(text) {
      if (!terms) terms = rule.vocabulary(items.map(function (item) { return item.textContent + " " + item.dataset.search; }));
      var found = rule.suggest(text, terms, 3);
      suggestions.replaceChildren();
      suggestions.hidden = !found.length;
      if (!found.length) return;
      var around = texts.suggest.split("{words}");
      suggestions.append(around[0]);
      found.forEach(function (word, index) {
        var button = document.createElement("button");
        button.type = "button";
        button.className = "torget-search-help__suggestion";
        button.textContent = word;
        button.addEventListener("click", function () { query.value = word; apply(); query.focus(); });
        if (index) suggestions.append(index === found.length - 1 ? " " + texts.or + " " : ", ");
        suggestions.append(button);
      });
      suggestions.append(around[1]);
    }

    function apply() {
      var inFacets = [];
      items.forEach(function (item, index) {
        var chosen = facets.every(function (facet) {
          var slugs = " " + (item.dataset[facet.dataset.torgetFacet] || "") + " ";
          return !facet.value || slugs.indexOf(" " + facet.value + " ") !== -1;
        });
        if (chosen) inFacets.push(index);
      });
      var shownIndexes = new Set(rule.filter(query.value, inFacets.map(function (index) { return entries[index]; }))
        .map(function (position) { return inFacets[position]; }));
      items.forEach(function (item, index) { item.hidden = !shownIndexes.has(index); });
      groups.forEach(function (group) {
        group.hidden = !group.querySelector("[data-search]:not([hidden])");
      });
      var shown = shownIndexes.size;
      empty.hidden = shown !== 0;
      if (shown === 0) suggest(query.value);
      count.textContent = (shown === total ? texts.all : texts.some)
        .replace("{total}", total).replace("{shown}", shown);
      var params = new URLSearchParams(window.location.search);
      query.value ? params.set("q", query.value) : params.delete("q");
      facets.forEach(function (facet) {
        facet.value ? params.set(facet.name, facet.value) : params.delete(facet.name);
      });
      var search = params.toString();
      history.replaceState(null, "", window.location.pathname + (search ? "?" + search : "") + window.location.hash);
    }

    var initial = new URLSearchParams(window.location.search);
    query.value = initial.get("q") || "";
    facets.forEach(function (facet) {
      if (initial.get(facet.name)) facet.value = initial.get(facet.name);
      facet.addEventListener("change", apply);
    });
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    query.addEventListener("input", apply);
    form.hidden = false;
    apply();
  }

  function start() {
    document.querySelectorAll("[data-torget-filter]").forEach(setUp);
  }

  window.torgetOnPage(start);
})();
