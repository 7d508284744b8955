// A thin wrapper around Material's own search worker (its address comes in ?material=, relative to
// the site's root; the build sets it in the page's config). Material's worker does all the
// searching; this only
//   1. rewrites each query into lunr syntax with the shared rule (search_rule.js: beginnings,
//      stems, near misses and phrase terms, each with its weight),
//   2. says which of the visitor's own words a result holds (Material would otherwise list the
//      rewritten words as missing), and
//   3. when nothing is found, sends "Mente du …?" suggestions from the index's own words to the
//      page's search_suggestions.js on a BroadcastChannel.
(function () {
  "use strict";

  var SETUP = 0;
  var QUERY = 2;
  var RESULT = 3;
  var here = self.location.href;
  var siteRoot = new URL("../../", here);
  var material = new URL(new URL(here).searchParams.get("material") || "", siteRoot);
  if (material.origin !== self.location.origin || !/\.js$/.test(material.pathname)) {
    throw new Error("search_worker.js: ?material= must name Material's search worker on this site");
  }

  // Material's worker, lunr and the rule are loaded with the first message, which the page sends once
  // the visitor has opened the search (search_on_demand.js): a page that is only read loads none of them.
  var rule = null;
  var nativeAdd = self.addEventListener.bind(self);
  var nativePost = self.postMessage.bind(self);
  var materialListener = null;
  var pending = [];  // one entry per message handed on; Material answers each in turn
  self.postMessage = function (message) {
    var finish = pending.shift();
    nativePost(finish ? finish(message) : message);
  };

  function start() {
    var nativeImport = self.importScripts.bind(self);
    nativeImport(new URL("search_rule.js", here).href);
    rule = self.TorgetSearch;
    // Material's worker loads lunr's languages relative to its own address, so resolve them from there.
    self.importScripts = function () {
      return nativeImport.apply(self, Array.prototype.map.call(arguments, function (url) {
        return new URL(url, material).href;
      }));
    };
    // Take Material's message listener, to stand between it and the page.
    self.addEventListener = function (type, listener, options) {
      if (type === "message" && !materialListener) materialListener = listener;
      else nativeAdd(type, listener, options);
    };
    nativeImport(material.href);
    self.addEventListener = nativeAdd;
  }

  var channel = typeof BroadcastChannel === "function" ? new BroadcastChannel("torget-search") : null;
  var terms = new Map();
  var themes = new URL("tema/", siteRoot).href;

  function marked(item) {
    var found = [];
    Object.keys(item).forEach(function (field) {
      var value = item[field];
      var texts = Array.isArray(value) ? value : [value];
      texts.forEach(function (text) {
        if (typeof text !== "string") return;
        text.replace(/<mark[^>]*>([\s\S]*?)<\/mark>/g, function (_, word) { found.push.apply(found, rule.words(word)); return ""; });
      });
    });
    return found;
  }

  // Material marks each result with the query words it holds; make those the visitor's words.
  function visitorTerms(item, queryWords) {
    var found = marked(item);
    var result = {};
    queryWords.forEach(function (word) {
      if (word.length < 4) return;
      result[word] = found.some(function (token) { return rule.wordMatch(word, token) > 0; });
    });
    return result;
  }

  function answer(query) {
    return function (message) {
      if (!message || message.type !== RESULT || !message.data) return message;
      var queryWords = rule.words(query);
      message.data.items.forEach(function (group) {
        group.forEach(function (item) { if (item.score > 0) item.terms = visitorTerms(item, queryWords); });
      });
      if (channel) {
        var none = message.data.items.length === 0 && queryWords.length > 0;
        channel.postMessage({ query: query, suggestions: none ? rule.suggest(query, terms, 3) : null, themes: themes });
      }
      return message;
    };
  }

  nativeAdd("message", function (event) {
    var message = event.data;
    if (!rule) start();
    if (!materialListener) return;
    if (message && message.type === SETUP) {
      terms = rule.vocabulary(message.data.docs.map(function (doc) {
        return [doc.title, (doc.text || "").replace(/<[^>]*>/g, " "), doc.keywords || ""].join(" ");
      }));
    }
    if (message && message.type === QUERY && typeof message.data === "string") {
      pending.push(answer(message.data));
      return materialListener({ data: { type: QUERY, data: rule.lunrQuery(message.data) } });
    }
    pending.push(null);
    return materialListener(event);
  });
})();
