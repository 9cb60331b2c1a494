// Printing: the "Print" button of the cheatsheets (hidden until this script wires it, so it never
// shows without a handler). Collapsed blocks need nothing here: Material opens them for a print.
// On screen, the blocks of a cheatsheet grid are packed like bricks, so short blocks leave no holes.
// A topic page's "Test yourself" widget prints as the list of its questions and answers, built here
// from the same cards file (card text is data: set with textContent only).
(function () {
  var ROW = 4; // px: the grid-auto-rows of a packed sheet (print.css), the unit of a block's height

  function wireButtons() {
    document.querySelectorAll("button.kb-print").forEach(function (button) {
      if (button.dataset.kbWired) return;
      button.dataset.kbWired = "1";
      button.addEventListener("click", function () { window.print(); });
      button.hidden = false;
    });
  }

  function packBlock(block) {
    var grid = block.parentElement;
    var style = getComputedStyle(grid);
    if (style.display !== "grid") return; // print lays the blocks out in columns instead
    var gap = parseFloat(style.columnGap) || 0;
    block.style.gridRowEnd = "span " + Math.ceil((block.getBoundingClientRect().height + gap) / ROW);
  }

  var resized = typeof ResizeObserver === "undefined" ? null : new ResizeObserver(function (entries) {
    entries.forEach(function (entry) { packBlock(entry.target); });
  });

  function packSheets() {
    if (!resized) return; // without it, heights could go stale: keep the plain grid
    document.querySelectorAll(".kb-sheet").forEach(function (grid) {
      if (grid.classList.contains("kb-packed")) return;
      grid.classList.add("kb-packed");
      Array.prototype.forEach.call(grid.children, function (block) {
        packBlock(block);
        resized.observe(block);
      });
    });
  }

  function text(tag, className, value) {
    var node = document.createElement(tag);
    node.className = className;
    node.textContent = value;
    return node;
  }

  function selfTestItem(card) {
    var item = document.createElement("li");
    item.appendChild(text("p", "kb-selftest__q", card.front));
    var options = Array.isArray(card.options) ? card.options.filter(function (o) { return typeof o === "string"; }) : [];
    if (options.length) {
      var list = document.createElement("ol");
      list.type = "A";
      options.forEach(function (o) { list.appendChild(text("li", "", o)); });
      item.appendChild(list);
    }
    item.appendChild(text("p", "kb-selftest__a", "Answer: " + card.back));
    return item;
  }

  function selfTestLists() {
    document.querySelectorAll(".kb-practice--topic[data-cards][data-topic]").forEach(function (widget) {
      if (widget.dataset.kbPrintList || typeof fetch === "undefined") return;
      widget.dataset.kbPrintList = "1";
      fetch(widget.dataset.cards, { credentials: "same-origin" })
        .then(function (r) { return r.ok ? r.json() : null; })
        .then(function (deck) {
          var cards = (deck && Array.isArray(deck.cards) ? deck.cards : []).filter(function (c) {
            return c && c.topic === widget.dataset.topic && typeof c.front === "string" && typeof c.back === "string";
          });
          if (!cards.length) return;
          var list = document.createElement("ol");
          list.className = "kb-selftest";
          cards.forEach(function (c) { list.appendChild(selfTestItem(c)); });
          widget.parentNode.insertBefore(list, widget.nextSibling);
        })
        .catch(function () {}); // no list to print: the page still prints without it
    });
  }

  function ready() {
    wireButtons();
    packSheets();
    selfTestLists();
  }

  if (typeof document$ !== "undefined") {
    document$.subscribe(ready);
  } else {
    document.addEventListener("DOMContentLoaded", ready);
  }
})();
