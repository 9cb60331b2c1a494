// Topic maps: make each node of a generated Mermaid map open its topic, using the
// links listed under the map (the diagram itself stays in Mermaid's strict mode).
(function () {
  function wire(map) {
    var svg = map.querySelector(".mermaid svg");
    if (!svg || map.dataset.kbWired) return !!svg;
    var hrefs = {};
    map.querySelectorAll("li a[href]").forEach(function (a) { hrefs[a.textContent.trim()] = a.href; });
    svg.querySelectorAll("g.node").forEach(function (node) {
      var href = hrefs[node.textContent.trim()];
      if (!href) return;
      node.style.cursor = "pointer";
      node.setAttribute("role", "link");
      node.setAttribute("tabindex", "0");
      node.setAttribute("aria-label", "Open " + node.textContent.trim());
      node.addEventListener("click", function () { window.location.href = href; });
      node.addEventListener("keydown", function (e) { if (e.key === "Enter") window.location.href = href; });
    });
    map.dataset.kbWired = "1";
    return true;
  }
  function start() {
    var maps = Array.prototype.slice.call(document.querySelectorAll(".kb-map"));
    if (!maps.length) return;
    var tries = 0;
    var timer = setInterval(function () {
      tries += 1;
      var done = maps.every(wire);
      if (done || tries > 100) clearInterval(timer);
    }, 100);
  }
  if (typeof document$ !== "undefined") document$.subscribe(start);
  else document.addEventListener("DOMContentLoaded", start);
})();
