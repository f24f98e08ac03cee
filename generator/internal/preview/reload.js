// The live preview's reload, added by "generator serve" to the pages it
// serves (never to a built site): the page reloads itself as soon as the
// preview publishes a version newer than its own, the v in this script's
// address. While the last save has problems, the page keeps showing the
// last good version with the problems over it, as the terminal lists them;
// problems that did not hold the save back (new's placeholders, which
// build refuses to publish) show over the save's own version.
//
// The pages share one event stream through a shared worker (worker.js): a
// browser keeps at most six connections open to one address, and a page
// of its own stream each would leave a seventh open page blank. Where
// there is no shared worker (Chrome on Android), a page has its own
// stream, closed while the page is hidden.
(function () {
  "use strict";
  var me = document.currentScript;
  var v = (me ? new URL(me.src).searchParams.get("v") : "0") || "0";

  var shared = null;
  if (window.SharedWorker) {
    try {
      shared = new SharedWorker("/_briefing/worker.js");
    } catch (e) {
      shared = null;
    }
  }
  if (shared) {
    shared.port.onmessage = function (e) {
      if (e.data.reload) {
        location.reload();
      } else if (e.data.problems) {
        show(e.data.problems, e.data.published);
      }
    };
    shared.port.postMessage({v: v});
    addEventListener("pagehide", function () {
      shared.port.postMessage({bye: true});
    });
    addEventListener("pageshow", function (e) {
      if (e.persisted) {
        shared.port.postMessage({v: v}); // back from the history's cache
      }
    });
  } else {
    var events = null;
    var listen = function () {
      events = new EventSource("/_briefing/events?v=" + encodeURIComponent(v));
      events.onmessage = function () {
        events.close();
        location.reload();
      };
      events.addEventListener("problems", function (e) {
        show(JSON.parse(e.data), false);
      });
      events.addEventListener("unpublishable", function (e) {
        show(JSON.parse(e.data), true);
      });
    };
    listen();
    document.addEventListener("visibilitychange", function () {
      if (document.hidden && events) {
        events.close();
        events = null;
      } else if (!document.hidden && !events) {
        listen(); // told at once of a version published meanwhile
      }
    });
  }

  var id = "briefing-preview-problems";

  // show puts lines in a box at the foot of the page, or takes the box
  // away when there are none; published says the page is the save's own
  // version all the same (the problems are new's placeholders).
  function show(lines, published) {
    var old = document.getElementById(id);
    if (old) {
      old.parentNode.removeChild(old);
    }
    if (!lines.length) {
      return;
    }
    var box = document.createElement("section");
    box.id = id;
    box.setAttribute("role", published ? "status" : "alert");
    box.setAttribute("aria-label", published ?
      "Problems that keep build from publishing the site" :
      "Problems in the last save");
    // Not printed: the page printed is the last good build, and the box
    // would cover its foot on every sheet.
    if (!document.getElementById(id + "-print")) {
      var print = document.createElement("style");
      print.id = id + "-print";
      print.textContent = "@media print { #" + id + " { display: none !important; } }";
      document.head.appendChild(print);
    }
    var s = box.style;
    s.position = "fixed";
    s.left = s.right = s.bottom = "0";
    s.zIndex = "2147483647";
    s.maxHeight = "50vh";
    s.overflow = "auto";
    s.margin = "0";
    s.padding = "0.75rem 1rem";
    s.background = published ? "#fff8e6" : "#fff4f2";
    s.color = "#1a1a1a";
    s.borderTop = "3px solid " + (published ? "#8a5a00" : "#b3261e");
    s.boxShadow = "0 -2px 8px rgba(0, 0, 0, 0.2)";
    s.font = "14px/1.4 system-ui, sans-serif";

    var head = document.createElement("p");
    head.style.margin = "0 0 0.5rem";
    head.style.fontWeight = "bold";
    // Of one placeholder as of one, as the terminal says it.
    head.textContent = published ?
      "To replace before build publishes the site: the preview shows it " +
      "as last saved, " + (lines.length === 1 ?
        "this still in it, but build publishes nothing until this is replaced." :
        "these still in it, but build publishes nothing until they are replaced.") :
      v === "0" ?
      "Problems: the preview shows the site once they are fixed and saved." :
      "Problems in the last save: this page shows the last good build " +
      "until they are fixed and saved, and then reloads.";
    var list = document.createElement("pre");
    list.style.margin = "0";
    list.style.whiteSpace = "pre-wrap";
    list.style.overflowWrap = "anywhere";
    list.style.font = "13px/1.45 ui-monospace, monospace";
    list.textContent = lines.join("\n");
    var close = document.createElement("button");
    close.type = "button";
    close.textContent = "Hide";
    close.style.float = "right";
    close.style.font = "inherit";
    close.addEventListener("click", function () {
      box.parentNode.removeChild(box);
    });
    box.appendChild(close);
    box.appendChild(head);
    box.appendChild(list);
    document.body.appendChild(box);
  }
})();
