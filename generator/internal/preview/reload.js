// The live preview's reload, added by "generator serve" to the pages it
// serves (never to a built site): the page reloads itself as soon as the
// preview publishes a version newer than its own, the v in this script's
// address.
(function () {
  "use strict";
  var me = document.currentScript;
  var v = me ? new URL(me.src).searchParams.get("v") : "0";
  var events = new EventSource("/_briefing/events?v=" + encodeURIComponent(v || "0"));
  events.onmessage = function () {
    events.close();
    location.reload();
  };
})();
