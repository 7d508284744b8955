// The one search rule every search box on the site uses: the directory's instant filter, the
// kiosk, and the site search (through search_worker.js, which rewrites queries for Material's
// worker). It forgives what visitors type: letters with or without accents, a wrong, missing,
// extra or swapped letter in longer words, and common endings of the page's language (diabetiker,
// revmatisk; diabetic, strokes).
// Synonyms, English keywords and phrase terms are added to the data by the build, in Python.
// Loaded as a page script, in a worker (importScripts) and in the kiosk; it defines TorgetSearch.
(function (root) {
  "use strict";

  // Letters Unicode does not decompose; the build fills in its own table (web/text.py LETTER_FOLDS).
  var FOLDS = /*LETTER_FOLDS*/{};
  var FUZZY_FROM = 5;        // words this long match with one wrong letter ...
  var FUZZY_TWO_FROM = 9;    // ... and this long with two
  var PHRASE_WORD_MIN = 4;   // as search/terms.py: shorter words (til, og, for) are not part of phrase terms
  var STEM_MIN = 4;
  // Common endings by language, longest first; one is taken off a query word to find its stem. The build
  // fills in its table (web/text.py SEARCH_ENDINGS) and the language of the site it writes this file for;
  // the kiosk, which switches language, changes it with useLanguage.
  var ENDINGS = /*SEARCH_ENDINGS*/{};
  var language = /*LANGUAGE*/"nb";

  function fold(text) {
    return String(text).toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "")
      .replace(/./g, function (ch) { return FOLDS[ch] || ch; });
  }

  function words(text) {
    return fold(text).split(/[^a-z0-9]+/).filter(Boolean);
  }

  // How many wrong letters a word of this length may have.
  function budget(word) {
    return word.length >= FUZZY_TWO_FROM ? 2 : word.length >= FUZZY_FROM ? 1 : 0;
  }

  // Optimal string alignment distance (a swap of neighbours counts as one), or max + 1 when larger.
  function distance(a, b, max) {
    if (Math.abs(a.length - b.length) > max) return max + 1;
    var previous2 = [], previous = [], current = [];
    for (var j = 0; j <= b.length; j += 1) previous[j] = j;
    for (var i = 1; i <= a.length; i += 1) {
      current = [i];
      var best = i;
      for (j = 1; j <= b.length; j += 1) {
        var cost = a[i - 1] === b[j - 1] ? 0 : 1;
        var value = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
        if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, previous2[j - 2] + 1);
        current[j] = value;
        if (value < best) best = value;
      }
      if (best > max) return max + 1;
      previous2 = previous;
      previous = current;
    }
    return previous[b.length];
  }

  // The word without one common ending ("diabetiker" -> "diabet"), or the word itself.
  function stem(word) {
    var endings = ENDINGS[language] || [];
    for (var k = 0; k < endings.length; k += 1) {
      var ending = endings[k];
      if (word.length - ending.length >= STEM_MIN && word.slice(-ending.length) === ending) return word.slice(0, -ending.length);
    }
    return word;
  }

  // How a query word meets one word of the data: 3 begins it, 2 its stem begins it, 1 close enough, 0 not.
  function wordMatch(word, token) {
    if (token.indexOf(word) === 0) return 3;
    var base = stem(word);
    if (base !== word && token.indexOf(base) === 0) return 2;
    var allowed = budget(word);
    if (allowed && distance(word, token, allowed) <= allowed) return 1;
    if (base !== word && budget(base) && distance(base, token, budget(base)) <= budget(base)) return 1;
    return 0;
  }

  // Neighbouring words of at least four letters, joined as search/terms.py joins them in the index.
  function phrases(query) {
    var content = words(query).filter(function (word) { return word.length >= PHRASE_WORD_MIN; });
    var pairs = [];
    for (var i = 0; i + 1 < content.length; i += 1) pairs.push(content[i] + "_" + content[i + 1]);
    return pairs;
  }

  // An entry for `filter`: its folded search text and the words in it.
  function entry(text) {
    return { text: text, words: words(text) };
  }

  // How well every query word is found in an entry: 2 all found as typed (inside the text, as the
  // filter always did), 1 some only as an inflection or a near miss, 0 some not at all.
  function grade(queryWords, item) {
    var level = 2;
    for (var i = 0; i < queryWords.length; i += 1) {
      var word = queryWords[i];
      if (item.text.indexOf(word) !== -1) continue;
      var best = 0;
      for (var k = 0; k < item.words.length && best < 3; k += 1) best = Math.max(best, wordMatch(word, item.words[k]));
      if (!best) return 0;
      level = 1;
    }
    return level;
  }

  // The entries a query finds: those matching every word as typed, or, when none does, those that
  // match with inflections and near misses. Returns the matching entries' indexes.
  function filter(query, entries) {
    var queryWords = words(query);
    if (!queryWords.length) return entries.map(function (_, index) { return index; });
    var grades = entries.map(function (item) { return grade(queryWords, item); });
    var top = Math.max.apply(null, grades.concat([0]));
    var found = [];
    grades.forEach(function (value, index) { if (value && value === top) found.push(index); });
    return found;
  }

  // Words of the data, folded, each with the form to show and how often it occurs.
  function vocabulary(texts) {
    var terms = new Map();
    texts.forEach(function (text) {
      String(text).toLowerCase().split(/[^\p{L}\p{N}]+/u).forEach(function (shown) {
        if (shown.length < PHRASE_WORD_MIN) return;
        var key = fold(shown);
        var known = terms.get(key);
        if (known) known.count += 1; else terms.set(key, { shown: shown, count: 1 });
      });
    });
    return terms;
  }

  // "Mente du …?": up to `limit` queries with each unknown word replaced by the closest word of the data.
  function suggest(query, terms, limit) {
    var queryWords = words(query);
    var choices = queryWords.map(function (word) {
      if (terms.has(word)) return [terms.get(word).shown];
      var allowed = Math.max(2, Math.ceil(word.length * 0.4));
      var close = [];
      terms.forEach(function (value, key) {
        if (key.length < 3) return;
        var d = Math.min(distance(word, key, allowed), distance(word, key.slice(0, word.length), allowed) + 1);
        if (d <= allowed) close.push({ shown: value.shown, d: d, count: value.count });
      });
      close.sort(function (a, b) { return a.d - b.d || b.count - a.count; });
      return close.slice(0, limit || 3).map(function (item) { return item.shown; });
    });
    if (choices.some(function (list) { return !list.length; })) choices = choices.filter(function (list) { return list.length; });
    if (!choices.length) return [];
    var found = [];
    for (var n = 0; n < (limit || 3); n += 1) {
      var parts = choices.map(function (list) { return list[Math.min(n, list.length - 1)]; });
      var text = parts.join(" ");
      if (found.indexOf(text) === -1 && fold(text) !== fold(query)) found.push(text);
    }
    return found;
  }

  // The query as lunr syntax for Material's worker: each word as typed and as a beginning (boost 10),
  // its stem as a beginning (4), the word with its wrong letters (1), and phrase terms (30).
  function lunrQuery(query) {
    var clauses = [];
    String(query).trim().split(/\s+/).forEach(function (raw) {
      if (!raw) return;
      if (/^[+-]|[~^*:"]/.test(raw)) { clauses.push(raw); return; }  // the visitor wrote lunr syntax
      var word = raw.toLowerCase().replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, "");
      if (!word) return;
      clauses.push(word + "*^10");
      var base = stem(word);
      if (base !== word) clauses.push(base + "*^4");
      var allowed = budget(word);
      if (allowed) clauses.push(word + "~" + allowed);
      if (base !== word && budget(base)) clauses.push(base + "~" + budget(base));
    });
    phrases(query).forEach(function (pair) { clauses.push(pair + "*^30"); });
    return clauses.join(" ");
  }

  // Stems from now on follow `code`'s endings (none for a language without a list).
  function useLanguage(code) {
    language = code;
  }

  root.TorgetSearch = {
    fold: fold, words: words, budget: budget, distance: distance, stem: stem, wordMatch: wordMatch,
    phrases: phrases, entry: entry, filter: filter, vocabulary: vocabulary, suggest: suggest, lunrQuery: lunrQuery,
    useLanguage: useLanguage,
  };
})(typeof self !== "undefined" ? self : this);
