/* Pages whose sections are laid out only when they come near the view
   (content-visibility: auto: the bibliography, the claims, the notes
   page). An address of one of their entries, from another page or from
   this one, is scrolled to where the browser estimated the sections above
   it, and they move it as they are laid out. This keeps the target at the
   top after each such change, until the reader scrolls. Not on a reload
   or a return through the history, where the browser puts back where the
   reader was. */
(function () {
  "use strict";
  var target = null;
  function aim() {
    try {
      target = location.hash && document.getElementById(decodeURIComponent(location.hash.slice(1)));
    } catch (e) {
      target = null;
    }
    keep();
  }
  function keep() {
    if (target) target.scrollIntoView();
  }
  ["wheel", "touchmove", "keydown", "mousedown"].forEach(function (t) {
    addEventListener(t, function () { target = null; }, { passive: true });
  });
  addEventListener("hashchange", aim);
  var nav = window.performance && performance.getEntriesByType && performance.getEntriesByType("navigation")[0];
  if (!nav || nav.type === "navigate") aim();
  if (window.ResizeObserver) new ResizeObserver(keep).observe(document.body);
})();
