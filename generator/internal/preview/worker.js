// The live preview's shared worker, started by reload.js: one event
// stream for every open page of the preview, where each page would
// otherwise hold its own. A browser keeps at most six connections open to
// one address over HTTP/1.1, so a seventh open page of the preview would
// wait, blank, for one of them to close.
//
// Each page tells the worker the version it shows ({v}), and goes ({bye})
// when it is left. The worker follows the newest version it has heard of
// on the stream /_briefing/events?v=N; when the preview publishes another,
// every page of an older one is told to reload ({reload: true}), and the
// problems of the last save ({problems: [...]}, with published: true when
// they did not hold it back) go to every page.
"use strict";

var pages = []; // {port, v}
var seen = null; // the version followed, as a number
var stream = null;
var problems = [];
var published = false; // the problems are the served version's own

function follow(v) {
  if (stream) {
    stream.close();
  }
  seen = v;
  stream = new EventSource("/_briefing/events?v=" + v);
  stream.onmessage = function (e) {
    // A newer version: the stream ends; follow the new one.
    var n = Number(e.data);
    problems = [];
    published = false;
    follow(n);
    reloadOlder();
  };
  var tell = function (e) {
    problems = JSON.parse(e.data);
    published = e.type === "unpublishable";
    pages.forEach(function (p) {
      p.port.postMessage({problems: problems, published: published});
    });
  };
  stream.addEventListener("problems", tell);
  stream.addEventListener("unpublishable", tell);
}

// reloadOlder tells every page that does not show the followed version
// to reload, and forgets it: a reloaded page comes back on its own.
function reloadOlder() {
  pages = pages.filter(function (p) {
    if (p.v === seen) {
      return true;
    }
    p.port.postMessage({reload: true});
    return false;
  });
}

onconnect = function (e) {
  var port = e.ports[0];
  var page = {port: port, v: null};
  port.onmessage = function (m) {
    if (m.data.bye) {
      pages = pages.filter(function (p) {
        return p !== page;
      });
      return;
    }
    page.v = Number(m.data.v) || 0;
    pages.push(page);
    if (seen === null || page.v > seen) {
      // The first page, or one of a version the stream has not told of
      // yet (or of a preview started again): follow it, and let the
      // server say whether it is the newest.
      follow(page.v);
      reloadOlder();
    } else if (page.v < seen) {
      reloadOlder();
    } else if (problems.length) {
      port.postMessage({problems: problems, published: published});
    }
  };
};
