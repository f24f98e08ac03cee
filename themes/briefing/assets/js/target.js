/* An address's target, kept in view while the page above it changes:
   on the pages whose sections are laid out only when they come near the
   view (content-visibility: auto: the bibliography, the claims, the notes
   page), where the browser scrolls to where it estimated the sections
   above the target, and they move it as they are laid out; and on the
   articles, where notes.js takes the sidenotes out of the flow after the
   browser has scrolled to a #note-…, which shortens the page above the
   endnotes. This keeps the target at the top after each such change
   (the body's size changes), until the reader scrolls: with the wheel, a
   key, a finger, the mouse, or anything else that moves the page away
   from where this put the target (a screen reader's browse mode, voice
   control and a magnifier scroll the page without any of those events).
   Not on a reload or a return through the history, where the browser puts
   back where the reader was. */
(function () {
  "use strict";
  var target = null, at = 0, y = 0;
  function aim() {
    try {
      target = location.hash && document.getElementById(decodeURIComponent(location.hash.slice(1)));
    } catch (e) {
      target = null;
    }
    keep();
  }
  function keep() {
    if (!target) return;
    target.scrollIntoView();
    at = target.getBoundingClientRect().top;
    y = scrollY;
  }
  ["wheel", "touchmove", "keydown", "mousedown"].forEach(function (t) {
    addEventListener(t, function () { target = null; }, { passive: true });
  });
  // A scroll that moved the page away from where keep() left it is the
  // reader's; the target moved with the page where it was (the page laid
  // out above it, before the observer could bring it back) is kept, and so
  // is, while the page loads, a scroll that brought the target nearer its
  // place from the same side: the browser's own scroll to the address's
  // target, which it repeats until the page has loaded and can come after
  // this script's first (Chromium's, once the sections around it were laid
  // out, left it 50-290 px down, and was taken for the reader's). After
  // that, or past the target's place, a scroll is the reader's.
  var loading = document.readyState !== "complete";
  addEventListener("load", function () {
    requestAnimationFrame(function () { requestAnimationFrame(function () { loading = false; }); });
  });
  addEventListener("scroll", function () {
    if (!target) return;
    var top = target.getBoundingClientRect().top, margin, off, was;
    if (Math.abs(top - at) <= 2) return;
    margin = parseFloat(getComputedStyle(target).scrollMarginTop) || 0;
    off = top - margin;
    was = at - margin;
    if (Math.abs(scrollY - y) <= 2 || loading && off * was > 0 && Math.abs(off) < Math.abs(was) - 2) keep();
    else target = null;
  }, { passive: true });
  addEventListener("hashchange", aim);
  var nav = window.performance && performance.getEntriesByType && performance.getEntriesByType("navigation")[0];
  if (!nav || nav.type === "navigate") aim();
  if (window.ResizeObserver) new ResizeObserver(keep).observe(document.body);

  // A link of a table that scrolls sideways (the claims by outlet), taking
  // focus partly out of view, at the region's edge or under the claim
  // column that stays at its left: the browser leaves it there; bring it
  // in (the region's scroll-padding keeps it clear of the column). A link
  // in that column is always in view, but the browser scrolls the table
  // to where the column would be without staying, a few px short of its
  // start: the row is shown from its start.
  addEventListener("focusin", function (e) {
    var region = e.target.closest && e.target.closest(".table-scroll");
    if (!region || e.target === region) return;
    if (e.target.closest("tbody th")) region.scrollLeft = 0;
    else e.target.scrollIntoView({ block: "nearest", inline: "nearest" });
  });
})();
