// Diagrams, after Mermaid (strict mode) has drawn them:
// - a diagram Mermaid could not parse is replaced by its source, in a visible note;
// - each node of a generated topic map opens its topic, using the links listed under the map.
(function () {
  function keepSources() {
    document.querySelectorAll("div.mermaid").forEach(function (div) {
      if (!div.dataset.kbSource && !div.querySelector("svg")) div.dataset.kbSource = div.textContent;
    });
  }

  function showFailure(div) {
    var note = document.createElement("div");
    note.className = "admonition failure kb-diagram-error";
    var title = document.createElement("p");
    title.className = "admonition-title";
    title.textContent = "This diagram could not be drawn; its source is shown instead";
    var pre = document.createElement("pre");
    pre.textContent = div.dataset.kbSource || "";
    note.appendChild(title);
    note.appendChild(pre);
    div.replaceWith(note);
  }

  function wireMap(map) {
    var svg = map.querySelector(".mermaid svg");
    if (!svg || map.dataset.kbWired) return;
    var hrefs = {};
    map.querySelectorAll("li a[href]").forEach(function (a) { hrefs[a.textContent.trim()] = a.href; });
    svg.querySelectorAll("g.node").forEach(function (node) {
      var name = node.textContent.trim();
      var href = hrefs[name];
      if (!href) return;
      node.style.cursor = "pointer";
      node.setAttribute("role", "link");
      node.setAttribute("tabindex", "0");
      node.setAttribute("aria-label", "Open " + name);
      node.addEventListener("click", function () { window.location.href = href; });
      node.addEventListener("keydown", function (e) { if (e.key === "Enter") window.location.href = href; });
    });
    map.dataset.kbWired = "1";
  }

  function settle() {
    var pending = 0;
    document.querySelectorAll("div.mermaid").forEach(function (div) {
      var svg = div.querySelector("svg");
      if (!svg) { pending += 1; return; }
      if (svg.getAttribute("aria-roledescription") === "error") showFailure(div);
    });
    document.querySelectorAll(".kb-map").forEach(wireMap);
    return pending === 0;
  }

  function start() {
    keepSources();
    if (!document.querySelector("div.mermaid")) return;
    var tries = 0;
    var timer = setInterval(function () {
      tries += 1;
      if (settle() || tries > 150) clearInterval(timer);
    }, 100);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
