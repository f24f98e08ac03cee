/* Notes on article pages: an enhancement of what already works without it
   (markers linking to the endnotes; the sidenotes are shown only with it).
   Wide screens: each sidenote is moved level with its marker; when a note
   would run into the next one, it is shortened (with a link to the whole
   note in the endnotes) rather than pushing the next one down, and where
   the next marker comes before three lines of it would fit, it shows the
   lines there is room for, or only its head (number, kind, verdict), so
   that the notes of a dense passage stay beside it. Clicking a marker (or Enter) brings its note, whole,
   beside it, over the others, and moves focus to it, as following the
   link would; the marker again, Escape or Shift+Tab (focus back to the
   marker), a click elsewhere or focus moving on puts it back; Tab out of
   it goes on from its marker, as if the note stood right after it. The links
   inside a sidenote are Tab stops only while it is brought out so: the
   endnotes hold the same links, and the marker is the way in.
   Narrow screens: each marker becomes a disclosure button that opens its
   note below the paragraph, in place, without moving the page.
   Everywhere: hovering or focusing a marker or a sidenote highlights the
   passage and the note; Escape puts a hovered note back, wherever focus
   is. */
(function () {
  "use strict";
  var doc = document, body = doc.querySelector(".article .body");
  if (!body) return;
  doc.documentElement.classList.add("js");
  var wide = matchMedia("(min-width: 64rem)");
  var notes = body.querySelectorAll(".sidenote");
  var GAP = 12, MIN = 108, LINE = 20;

  function each(list, f) { [].forEach.call(list, f); }
  function topOf(el) { return el.getBoundingClientRect().top; }
  // The element of the same note as el (its marker, its sidenote) whose
  // id starts with prefix.
  function of(prefix, el) { return doc.getElementById(prefix + el.getAttribute("data-note")); }
  function ref(sn) { return of("ref-", sn); }
  // Where a marker's text starts: its box reaches above it by its padding,
  // which is a finger's target on a touch screen.
  function textTop(r) { return topOf(r) + parseFloat(getComputedStyle(r).paddingTop); }
  function side(r) { return of("side-", r); }
  // Sets an attribute to value, or removes it when value is false.
  function attr(el, name, value) {
    if (value) el.setAttribute(name, value);
    else el.removeAttribute(name);
  }
  // The element matching selector that an event came from (its target or
  // one around it), or a false value.
  function near(e, selector) {
    var t = e.target;
    return t.closest && t.closest(selector);
  }

  // Where each line of a note's text ends, from the top of its box.
  function lineEnds(inner) {
    var range = doc.createRange(), top = topOf(inner), ends = [];
    range.selectNodeContents(inner.querySelector(".side-text") || inner);
    each(range.getClientRects(), function (r) { if (r.height) ends.push(r.bottom - top); });
    ends.sort(function (a, b) { return a - b; });
    return ends.filter(function (e, i) { return i === ends.length - 1 || ends[i + 1] - e > 4; });
  }

  // A shortened note ends at the end of a line, never through one, and
  // keeps at least three lines of its text; or, brief, with no room for
  // three before the next marker, what whole lines there is room for, or
  // its head alone, and no link: so the notes of a dense passage stay
  // beside it.
  function clampTo(sn, height, brief) {
    var inner = sn.firstElementChild, list = sn.classList;
    list.add("clamped");
    list.toggle("brief", brief);
    var rest = sn.offsetHeight - inner.offsetHeight; // the link, margins
    var ends = lineEnds(inner), room = height - rest;
    var cut = brief ? inner.querySelector(".side-head").getBoundingClientRect().bottom - topOf(inner) :
      ends[Math.min(2, ends.length - 1)] || room, head = cut;
    ends.forEach(function (e) { if (e <= room && e > cut) cut = e; });
    list.toggle("bare", brief && cut === head);
    inner.style.maxHeight = Math.ceil(cut) + "px";
  }

  // A sidenote's links are Tab stops on a narrow screen, where it opens
  // in place, and on a wide one only while it is pinned. There, too, a
  // screen reader is given the note only while it is pinned: the marker
  // brings it (and the endnotes hold every note), and the text reads
  // straight through, as on a narrow screen, not each note after its
  // paragraph and then again as an endnote.
  function stops(sn, on) {
    each(sn.querySelectorAll("a[href]"), function (a) { a.tabIndex = on ? 0 : -1; });
    attr(sn, "aria-hidden", !on && "true");
  }

  function place() {
    // A note shown whole (hovered, focused or pinned) is measured as its
    // place in the margin has it; it is shown whole again after.
    var whole = body.querySelectorAll(".sidenote.hl");
    each(notes, function (sn) {
      sn.classList.remove("clamped", "brief", "bare", "pinned", "hl");
      stops(sn, !wide.matches);
      sn.style.top = "";
      sn.firstElementChild.style.maxHeight = "";
    });
    if (wide.matches) layOut();
    else {
      body.classList.remove("placed");
      body.style.minHeight = "";
    }
    each(whole, function (sn) { sn.classList.add("hl"); });
  }

  function layOut() {
    body.classList.add("placed");
    var origin = topOf(body), prev = null, prevTop = 0, bottom = -Infinity;
    each(notes, function (sn) {
      var r = ref(sn);
      var want = r ? textTop(r) - origin : bottom + GAP;
      if (prev && want < bottom + GAP) {
        // Shorten only when that gains more than the link it costs.
        var room = want - GAP - prevTop;
        if (room < MIN || room + 3 * LINE < prev.offsetHeight) {
          clampTo(prev, room, room < MIN);
          bottom = prevTop + prev.offsetHeight;
        }
      }
      var top = Math.max(want, bottom + GAP);
      sn.style.top = top + "px";
      prev = sn;
      prevTop = top;
      bottom = top + sn.offsetHeight;
    });
    // Room for the last note: taken away when the text (its height
    // rounded, with the room kept the last time) is clearly taller, and
    // given again when the text, without it, is shorter than the notes.
    // Not taken away only to measure: while the page loads, Chromium
    // scrolls again to the address's #note-… in the text so shortened,
    // and left it far below.
    var style = body.style;
    if (bottom + 1 < body.offsetHeight) style.minHeight = "";
    if (bottom > body.offsetHeight) style.minHeight = bottom + "px";
    if (pinned) pin(pinned);
  }

  // The note brought beside its marker, or null.
  var pinned = null;
  function pin(sn) {
    pinned = sn;
    sn.classList.add("pinned");
    stops(sn, true);
    sn.tabIndex = -1;
    sn.style.top = textTop(ref(sn)) - topOf(body) + "px";
  }
  function unpin() {
    if (drop()) place();
  }
  function drop() {
    if (!pinned) return false;
    pinned.classList.remove("pinned");
    attr(pinned, "tabindex", false);
    stops(pinned, !wide.matches);
    pinned = null;
    return true;
  }

  function markers() {
    each(notes, function (sn) {
      var r = ref(sn);
      if (!r) return;
      var narrow = !wide.matches;
      attr(r, "role", narrow ? "button" : "doc-noteref");
      attr(r, "aria-expanded", narrow && String(sn.classList.contains("open")));
      attr(r, "aria-controls", narrow && sn.id);
    });
  }

  function toggle(r) {
    var sn = side(r);
    if (!sn) return;
    var open = !sn.classList.contains("open"), y = topOf(r);
    sn.classList.toggle("open", open);
    attr(r, "aria-expanded", String(open));
    // The browser's scroll anchoring may pick a node below the note and
    // scroll to keep it still; keep the marker still instead.
    var d = topOf(r) - y;
    if (d) scrollBy(0, d);
  }

  body.addEventListener("click", function (e) {
    var r = near(e, "a.noteref");
    if (!r) return;
    if (!wide.matches) {
      e.preventDefault();
      return toggle(r);
    }
    // A click with a modifier opens the endnote elsewhere, as a link does.
    var sn = side(r), again = sn === pinned;
    if (!sn || e.ctrlKey || e.metaKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    unpin();
    if (!again) {
      pin(sn);
      sn.focus({preventScroll: true});
    }
  });
  body.addEventListener("focusout", function (e) {
    var to = e.relatedTarget;
    if (pinned && to && !pinned.contains(to) && to !== ref(pinned)) unpin();
  });
  doc.addEventListener("click", function (e) {
    if (pinned && !near(e, "a.noteref, .sidenote.pinned")) unpin();
  });
  // Space must not also scroll the page, whether it comes as keydown or,
  // from some tools, as a separate keypress.
  body.addEventListener("keypress", function (e) {
    if (!wide.matches && e.key === " " && e.target.matches("a.noteref")) e.preventDefault();
  });
  body.addEventListener("keydown", function (e) {
    var t = e.target, esc = e.key === "Escape";
    if (wide.matches) {
      // A shortened note shown whole, over the next, while its marker or
      // the note has focus: Escape shortens it again, focus staying put.
      var el = esc && t.closest("a.noteref, .sidenote");
      if (el) lit(el.getAttribute("data-note"), false);
      if (!pinned) return;
      // Escape in the note, or Shift+Tab from the note or its first
      // link, puts it back and focus on its marker. So does Tab from its
      // last link (or from the note, with none), leaving the key to the
      // browser: its Tab then goes on from the marker, as if the note
      // stood right after it, to the paragraph's next marker if it has
      // one, not past them to the next paragraph (the notes stand after
      // their paragraph). Its links are those shown: not the one to its
      // endnote, hidden while it is pinned.
      var links = [].filter.call(pinned.querySelectorAll("a[href]"), function (a) { return a.getClientRects().length; });
      var tab = e.key === "Tab", on = tab && !e.shiftKey && t === (links[links.length - 1] || pinned);
      var back = (esc && pinned.contains(t) || tab && e.shiftKey && (t === pinned || t === links[0]) || on) && ref(pinned);
      if (back) {
        if (!on) e.preventDefault();
        unpin();
        back.focus();
      } else if (esc) unpin();
      return;
    }
    if (e.key === " " && t.matches("a.noteref")) {
      e.preventDefault();
      toggle(t);
    } else if (esc) {
      var open = t.matches("a.noteref") && side(t);
      var sn = open && open.classList.contains("open") ? open : t.closest(".sidenote.open");
      var r = sn && ref(sn);
      if (r) {
        toggle(r);
        r.focus();
      }
    }
  });

  function lit(id, on) {
    each(doc.querySelectorAll('[data-note="' + id + '"]'), function (n) {
      n.classList.toggle("hl", on);
    });
  }
  // The note under the pointer, and one Escape put back while the pointer
  // stays on it: a note shown whole over the next ones on hover can be
  // put back without moving the pointer (WCAG 1.4.13), wherever focus is.
  var hovered = null, dismissed = null;
  function highlight(e) {
    var el = near(e, "a.noteref, .sidenote");
    if (!el) return;
    var id = el.getAttribute("data-note");
    if (e.type === "mouseover") {
      if (id === dismissed) return;
      hovered = id;
    } else if (e.type === "mouseout" && !(e.relatedTarget && el.contains(e.relatedTarget))) {
      hovered = dismissed = null;
    }
    // (A link inside a shortened sidenote is no Tab stop: focus reaches
    // one only in a note brought whole beside its marker.)
    lit(id, e.type === "mouseover" || e.type === "focusin");
  }
  ["mouseover", "mouseout", "focusin", "focusout"].forEach(function (t) {
    body.addEventListener(t, highlight);
  });
  doc.addEventListener("keydown", function (e) {
    if (e.key !== "Escape" || !hovered) return;
    lit(hovered, false);
    dismissed = hovered;
  });

  // The browser scrolls to the address's #note-… before this script
  // moves the sidenotes out of the flow, which shortens the page above
  // the endnotes: target.js, loaded after this script, brings the target
  // back into view after each layout, until the reader scrolls.

  function update() {
    // From wide to narrow the pinned note is hidden, and from narrow to
    // wide an open one is shortened and hidden from screen readers: focus
    // in it goes to its marker, as Escape would take it. Coming back, a
    // note is not pinned again where no key could put it back.
    var f = (doc.activeElement || body).closest(".sidenote"), back = f && ref(f);
    drop();
    markers();
    place();
    if (back) back.focus();
  }
  update();
  wide.addEventListener("change", update);
  if (window.ResizeObserver) {
    var w = body.offsetWidth;
    new ResizeObserver(function () {
      if (body.offsetWidth !== w) {
        w = body.offsetWidth;
        place();
      }
    }).observe(body);
    // The text's blocks change height without the column changing width
    // when the reader's own styles change the spacing of the text (WCAG
    // 1.4.12, a bookmarklet or an extension) or its size: the markers
    // move, and the notes are placed again, once a frame. Placing them
    // changes no block's size (they are out of the flow), so this does not
    // feed itself.
    var heights = new Map(), due = false;
    var blocks = new ResizeObserver(function (entries) {
      var moved = false;
      entries.forEach(function (e) {
        var h = e.target.offsetHeight;
        if (heights.has(e.target) && heights.get(e.target) !== h) moved = true;
        heights.set(e.target, h);
      });
      if (moved && !due) {
        due = true;
        requestAnimationFrame(function () {
          due = false;
          place();
        });
      }
    });
    each(body.children, function (el) {
      if (!el.classList.contains("sidenote")) blocks.observe(el);
    });
  }
  addEventListener("load", place);
})();
