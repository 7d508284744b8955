// "Ingen treff" is never a dead end in the site search: under Material's message this shows the
// closest words of the index ("Mente du …?", computed by search_worker.js) and a way to the themes.
(function () {
  "use strict";

  if (typeof BroadcastChannel !== "function") return;
  var channel = new BroadcastChannel("torget-search");

  function input() {
    return document.querySelector(".md-search__input");
  }

  function searchFor(text) {
    var field = input();
    field.value = text;
    field.focus();
    // Material reads the query on keyup.
    field.dispatchEvent(new KeyboardEvent("keyup", { bubbles: true }));
  }

  function render(message) {
    var result = document.querySelector(".md-search-result");
    var field = input();
    if (!result || !field) return;
    var box = result.querySelector("[data-torget-search-help]");
    if (!message.suggestions || field.value.trim() !== message.query.trim()) {
      if (box) box.remove();
      return;
    }
    if (!box) {
      box = document.createElement("div");
      box.className = "torget-search-help";
      box.setAttribute("data-torget-search-help", "");
      box.setAttribute("aria-live", "polite");
      var meta = result.querySelector(".md-search-result__meta");
      result.insertBefore(box, meta ? meta.nextSibling : result.firstChild);
    }
    box.replaceChildren();
    var texts = JSON.parse(document.documentElement.dataset.torgetTexts || "{}");
    if (message.suggestions.length) {
      var ask = document.createElement("p");
      var around = texts.suggest.split("{words}");
      ask.append(around[0]);
      message.suggestions.forEach(function (text, index) {
        var button = document.createElement("button");
        button.type = "button";
        button.className = "torget-search-help__suggestion";
        button.textContent = text;
        button.addEventListener("click", function () { searchFor(text); });
        if (index) ask.append(index === message.suggestions.length - 1 ? " " + texts.or + " " : ", ");
        ask.append(button);
      });
      ask.append(around[1]);
      box.append(ask);
    }
    var themes = document.createElement("p");
    var link = document.createElement("a");
    link.href = message.themes;
    link.textContent = texts.themes;
    themes.append(link, texts.themes_after);
    box.append(themes);
  }

  channel.addEventListener("message", function (event) { render(event.data); });
})();
