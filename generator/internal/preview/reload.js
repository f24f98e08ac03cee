// The live preview's reload, added by "generator serve" to the pages it
// serves (never to a built site): the page reloads itself as soon as the
// preview publishes a version newer than its own, the v in this script's
// address. While the last save has problems, the page keeps showing the
// last good version with the problems over it, as the terminal lists them.
(function () {
  "use strict";
  var me = document.currentScript;
  var v = me ? new URL(me.src).searchParams.get("v") : "0";
  var events = new EventSource("/_briefing/events?v=" + encodeURIComponent(v || "0"));
  events.onmessage = function () {
    events.close();
    location.reload();
  };
  events.addEventListener("problems", function (e) {
    show(JSON.parse(e.data));
  });

  var id = "briefing-preview-problems";

  function show(lines) {
    var old = document.getElementById(id);
    if (old) {
      old.parentNode.removeChild(old);
    }
    if (!lines.length) {
      return;
    }
    var box = document.createElement("section");
    box.id = id;
    box.setAttribute("role", "alert");
    box.setAttribute("aria-label", "Problems in the last save");
    var s = box.style;
    s.position = "fixed";
    s.left = s.right = s.bottom = "0";
    s.zIndex = "2147483647";
    s.maxHeight = "50vh";
    s.overflow = "auto";
    s.margin = "0";
    s.padding = "0.75rem 1rem";
    s.background = "#fff4f2";
    s.color = "#1a1a1a";
    s.borderTop = "3px solid #b3261e";
    s.boxShadow = "0 -2px 8px rgba(0, 0, 0, 0.2)";
    s.font = "14px/1.4 system-ui, sans-serif";

    var head = document.createElement("p");
    head.style.margin = "0 0 0.5rem";
    head.style.fontWeight = "bold";
    head.textContent = "Problems in the last save: this page shows the last good build " +
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
