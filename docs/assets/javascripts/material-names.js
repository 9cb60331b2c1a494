/* Names for two of Material's own controls that it leaves unnamed (axe-core: aria-dialog-name,
   aria-progressbar-name): the search dialog, and the progress bar of instant navigation, which
   Material adds and removes as pages load. */
(function () {
  "use strict";
  var NAMES = [[".md-search[role=dialog]", "Search"], [".md-progress[role=progressbar]", "Loading page"]];

  function name(root) {
    NAMES.forEach(function (pair) {
      root.querySelectorAll(pair[0]).forEach(function (el) {
        if (!el.hasAttribute("aria-label")) el.setAttribute("aria-label", pair[1]);
      });
    });
  }
  name(document);
  new MutationObserver(function () { name(document); }).observe(document.body, { childList: true, subtree: false });
})();
