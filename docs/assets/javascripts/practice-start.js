// Starts the practice widgets on the pages that have one: a classic script (so that an offline copy
// opened from disk loads no module, which browsers refuse from file://) that imports practice.js
// (an ES module) and calls its mountAll on every page view, instant navigation included (document$).
(function () {
  "use strict";
  var script = document.currentScript;
  var url = script && script.src ? new URL("practice.js", script.src).href : null;

  function start() {
    var roots = document.querySelectorAll("[data-kb-practice]");
    if (!url || !roots.length) return;
    if (window.location.protocol === "file:") {
      Array.prototype.forEach.call(roots, function (root) {
        var note = root.querySelector(".kb-practice__loading");
        if (note) note.textContent = "The practice widgets work when the site is served over http, not opened from disk.";
      });
      return;
    }
    import(url).then(function (m) { m.mountAll(); });
  }

  if (typeof document$ !== "undefined" && document$ && typeof document$.subscribe === "function") {
    document$.subscribe(start);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
