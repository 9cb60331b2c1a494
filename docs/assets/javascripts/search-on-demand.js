/* Two fixes to Material's search, loaded before its bundle (overrides/main.html, block libs).
   1. Material fetches its whole search index (about 2 MB) on every page load, before anyone searches:
      that one request is held back until the reader reaches for search (the box focused or clicked, a
      search shortcut s, f or /, or a ?q= address), then sent as Material asked for it.
   2. Material turns every query word into a prefix (to → to*), stop words too, though the index never
      holds them: "speech to text" then ranks "tokens" and "TorchServe" first. Stop words (Lunr's list,
      the one the index was built with) are dropped from a query on its way to the search worker,
      unless the query quotes a phrase, uses Lunr syntax in that word, or is nothing but stop words. */
(function () {
  "use strict";
  var INDEX = /\/search\/search_index\.json$/;
  var held = [];
  var wanted = /[?&]q=/.test(location.search);

  function release() {
    wanted = true;
    held.splice(0).forEach(function (send) { send(); });
  }

  var open = XMLHttpRequest.prototype.open;
  var send = XMLHttpRequest.prototype.send;
  XMLHttpRequest.prototype.open = function (method, url) {
    this.kbIndex = INDEX.test(String(url).split("?")[0]);
    return open.apply(this, arguments);
  };
  XMLHttpRequest.prototype.send = function () {
    var xhr = this, args = arguments;
    if (!xhr.kbIndex || wanted) return send.apply(xhr, args);
    held.push(function () { send.apply(xhr, args); });
  };

  var STOP = new Set(("a able about across after all almost also am among an and any are as at be because been " +
    "but by can cannot could dear did do does either else ever every for from get got had has have he her hers " +
    "him his how however i if in into is it its just least let like likely may me might most must my neither no " +
    "nor not of off often on only or other our own rather said say says she should since so some than that the " +
    "their them then there these they this tis to too twas us wants was we were what when where which while who " +
    "whom why will with would yet you your").split(" "));
  var QUERY = 2; // Material's SearchMessageType.QUERY

  function withoutStopWords(query) {
    if (query.indexOf('"') >= 0) return query;
    var words = query.split(/\s+/).filter(Boolean);
    var kept = words.filter(function (w) { return !STOP.has(w.toLowerCase()); });
    return kept.length ? kept.join(" ") : query;
  }
  window.kbSearchQuery = withoutStopWords; // for the tests

  var post = Worker.prototype.postMessage;
  Worker.prototype.postMessage = function (message) {
    if (message && message.type === QUERY && typeof message.data === "string") {
      var args = Array.prototype.slice.call(arguments);
      args[0] = { type: QUERY, data: withoutStopWords(message.data) };
      return post.apply(this, args);
    }
    return post.apply(this, arguments);
  };

  function isSearchBox(el) {
    return !!(el && el.closest && el.closest("[data-md-component=search], label[for=__search]"));
  }
  document.addEventListener("focusin", function (e) { if (isSearchBox(e.target)) release(); }, true);
  document.addEventListener("pointerdown", function (e) { if (isSearchBox(e.target)) release(); }, true);
  document.addEventListener("change", function (e) {
    if (e.target && e.target.id === "__search" && e.target.checked) release();
  }, true);
  document.addEventListener("keydown", function (e) {
    var el = e.target, typing = el && (el.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(el.tagName));
    if (!typing && !e.ctrlKey && !e.metaKey && !e.altKey && /^[sf\/]$/i.test(e.key)) release();
  }, true);
})();
