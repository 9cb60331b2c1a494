// Formulas (KaTeX) and diagrams (Mermaid), drawn with the copies served by the site itself.
//
// Runs on every page Material shows, whether opened directly or reached by instant navigation
// (document$), and loads each library only when the page has something for it: mermaid2 adds
// Mermaid to pages holding diagrams from notes when they are opened directly; on pages with
// only generated diagrams, and after an instant navigation (no script of the new page runs),
// the library is loaded here instead.
// - A formula KaTeX cannot parse is shown as its source, marked .katex-error.
// - A diagram Mermaid cannot draw is replaced by its source, in a visible note.
// - Diagrams follow the colour scheme, and are drawn again when the reader switches it.
// - Each node of a generated topic map opens its topic, through the links listed under the map.
(function () {
  "use strict";

  var script = document.currentScript && document.currentScript.src;
  var VENDOR = script ? new URL("../vendor/", script).href : "assets/vendor/";
  var loads = {};
  // Diagrams from notes (div.mermaid, which mermaid2 also sees) and diagrams the site generates.
  var DIAGRAM_SVG = "div.mermaid svg,div.kb-diagram svg";
  var PENDING = "div.mermaid:not([data-processed]),div.kb-diagram:not([data-processed])";
  var DRAWN = "div.mermaid[data-processed],div.kb-diagram[data-processed]";

  function load(url) {
    if (!loads[url]) {
      loads[url] = new Promise(function (resolve, reject) {
        var el = document.createElement("script");
        el.src = url;
        el.onload = resolve;
        el.onerror = function () { reject(new Error("could not load " + url)); };
        document.head.appendChild(el);
      });
    }
    return loads[url];
  }

  function stylesheet(url) {
    if (document.querySelector('link[href$="katex.min.css"]')) return;
    var el = document.createElement("link");
    el.rel = "stylesheet";
    el.href = url;
    document.head.appendChild(el);
  }

  // -- formulas ------------------------------------------------------------------------------

  function renderFormulas() {
    var todo = Array.prototype.slice.call(document.querySelectorAll(".arithmatex:not([data-kb-rendered])"));
    if (!todo.length) return Promise.resolve();
    var ready = Promise.resolve();
    if (typeof katex === "undefined") {
      stylesheet(VENDOR + "katex/katex.min.css");
      ready = load(VENDOR + "katex/katex.min.js");
    }
    return ready.then(function () {
      todo.forEach(function (el) {
        var tex = el.textContent.trim().replace(/^\\[\[(]/, "").replace(/\\[\])]$/, "");
        katex.render(tex, el, { displayMode: el.tagName === "DIV", throwOnError: false, trust: false, strict: "ignore" });
        el.setAttribute("data-kb-rendered", "1");
      });
    });
  }

  // -- diagrams ------------------------------------------------------------------------------

  function scheme() {
    return document.body.getAttribute("data-md-color-scheme") === "slate" ? "dark" : "default";
  }

  function showFailure(div) {
    var note = document.createElement("div");
    note.className = "admonition failure kb-diagram-error";
    var title = document.createElement("p");
    title.className = "admonition-title";
    title.textContent = "This diagram could not be drawn; its source is shown instead";
    var pre = document.createElement("pre");
    pre.textContent = div.getAttribute("data-kb-source") || "";
    note.appendChild(title);
    note.appendChild(pre);
    div.replaceWith(note);
  }

  function wireMap(map) {
    var svg = map.querySelector(DIAGRAM_SVG);
    if (!svg || svg.getAttribute("data-kb-wired")) return;
    var links = {};
    map.querySelectorAll("li a[href]").forEach(function (a) { links[a.textContent.trim()] = a; });
    svg.querySelectorAll("g.node").forEach(function (node) {
      var name = node.textContent.trim();
      var link = links[name];
      if (!link) return;
      // Clicking the listed link lets Material navigate instantly, as any other link on the page.
      var open = function () { link.click(); };
      node.style.cursor = "pointer";
      node.setAttribute("role", "link");
      node.setAttribute("tabindex", "0");
      node.setAttribute("aria-label", "Open " + name);
      node.addEventListener("click", open);
      node.addEventListener("keydown", function (e) { if (e.key === "Enter") open(); });
    });
    svg.setAttribute("data-kb-wired", "1");
  }

  function drawn(div) {
    var svg = div.querySelector("svg");
    return svg && svg.getAttribute("aria-roledescription") !== "error";
  }

  function renderDiagrams() {
    var todo = Array.prototype.slice.call(document.querySelectorAll(PENDING));
    todo.forEach(function (div) {
      if (!div.hasAttribute("data-kb-source")) div.setAttribute("data-kb-source", div.textContent);
    });
    if (!todo.length) return Promise.resolve();
    var ready = typeof mermaid !== "undefined" ? Promise.resolve() : load(VENDOR + "mermaid/mermaid.min.js");
    return ready
      .then(function () {
        mermaid.initialize({ startOnLoad: false, securityLevel: "strict", theme: scheme() });
        return mermaid.run({ nodes: todo, suppressErrors: true });
      })
      .catch(function () { /* each diagram that did not draw is shown as its source below */ })
      .then(function () {
        todo.forEach(function (div) { if (!drawn(div)) showFailure(div); });
        document.querySelectorAll(".kb-map").forEach(wireMap);
      });
  }

  function redrawForScheme() {
    document.querySelectorAll(DRAWN).forEach(function (div) {
      div.removeAttribute("data-processed");
      div.textContent = div.getAttribute("data-kb-source") || "";
    });
    return renderDiagrams();
  }

  // -- every page ----------------------------------------------------------------------------

  function renderPage() {
    document.body.removeAttribute("data-kb-rendered");
    Promise.all([renderFormulas(), renderDiagrams()]).then(
      function () { document.body.setAttribute("data-kb-rendered", "done"); },
      function () { document.body.setAttribute("data-kb-rendered", "failed"); }
    );
  }

  var lastScheme = null;
  new MutationObserver(function () {
    if (scheme() !== lastScheme && lastScheme !== null) redrawForScheme();
    lastScheme = scheme();
  }).observe(document.body, { attributes: true, attributeFilter: ["data-md-color-scheme"] });

  if (typeof document$ !== "undefined" && document$ && typeof document$.subscribe === "function") {
    document$.subscribe(function () { lastScheme = scheme(); renderPage(); });
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", renderPage);
  } else {
    renderPage();
  }
})();
