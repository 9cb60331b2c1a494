/* Material fetches its whole search index (about 2 MB) on every page load, before anyone searches.
   This script, loaded before Material's bundle (overrides/main.html, block libs), holds that one
   request back until the reader reaches for search: the box focused or clicked, a search shortcut
   (s, f, /), or a ?q= address; the index then loads as Material asked for it. Nothing else changes. */
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
