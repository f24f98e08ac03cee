/* Search for the briefing. A classic script with no fetch, so that it works
   from file://: the index is search-index.*.js, loaded before this script,
   which sets window.BRIEFING_SEARCH = {kinds, docs: [[kind, title, href, text, L]]},
   L = [lang, titleFrom, titleTo, from, to] where some words are in another
   language than the page's (a German article's, a source's German title).
   Every word of the query must match the start of a word in a passage;
   case, accents, quotation marks, apostrophes and dashes are ignored, and
   a number is found with or without its thousands' commas (7500, 7,500)
   and kept whole with its decimal point (8.8); ss and ß are alike
   (Strasse, Straße). */
(function () {
  "use strict";
  var data = window.BRIEFING_SEARCH, form = document.querySelector("[data-search-page]");
  if (!data || !form) return;
  var input = form.elements.q, status = document.getElementById("search-status"),
    list = document.getElementById("search-results"), folded = null, wordChar = /[\p{L}\p{N}]/u;

  function fold(s) {
    return s.normalize("NFD").replace(/\p{Mn}/gu, "").toLowerCase()
      .replace(/[\u2018\u2019\u201a\u201b\u2032\u02bc`\u00b4]/g, "'")
      .replace(/[\u201c-\u201f\u00ab\u00bb\u2033]/g, '"')
      .replace(/[\u2010-\u2015\u2212]/g, "-");
  }
  // Where term starts a word in s, from position from; -1 if nowhere. A
  // number's digits after its comma or point are not a word of their own:
  // "500" is not found in "7,500", nor "5" in "8.5".
  function find(s, term, from) {
    for (var i = s.indexOf(term, from); i >= 0; i = s.indexOf(term, i + 1))
      if (i === 0 || !wordChar.test(s[i - 1]) && !(/\d/.test(term[0]) && /[.,]/.test(s[i - 1]) && /\d/.test(s[i - 2] || ""))) return i;
    return -1;
  }
  function count(s, term) {
    var n = 0;
    for (var i = find(s, term, 0); i >= 0; i = find(s, term, i + 1)) n++;
    return n;
  }
  // The forms of a query's term to look for: a number of four digits or
  // more as typed and written the other way, with or without commas; a
  // word with each of its ss or ß written either way (the Swiss write ss
  // for ß), so that the forms are found in the text as it is, the marks
  // of the results in their places. Past four of them, as typed.
  function forms(term) {
    var parts = term.split(/ss|ß/);
    if (parts.length > 1 && parts.length < 6) return parts.slice(1).reduce(function (all, p) {
      return [].concat.apply([], all.map(function (s) { return [s + "ss" + p, s + "ß" + p]; }));
    }, [parts[0]]);
    if (!/^\d{4,}$|^\d{1,3}(,\d{3})+$/.test(term)) return [term];
    var digits = term.replace(/,/g, ""), grouped = digits.replace(/\B(?=(\d{3})+$)/g, ",");
    return digits === grouped ? [digits] : [digits, grouped];
  }
  function counted(s, term) {
    return forms(term).reduce(function (n, f) { return n + count(s, f); }, 0);
  }
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text) e.textContent = text;
    return e;
  }
  // Appends text[a, b) to box, in a <tag> when tag is given; the part of it
  // from L[k] to L[k + 1] in a span marked with the language L[0], so that
  // a screen reader reads it in that language.
  function add(box, text, a, b, tag, L, k) {
    var s = L ? Math.max(a, L[k]) : b, e = L ? Math.min(b, L[k + 1]) : b;
    if (s < e) {
      add(box, text, a, s, tag);
      var x = el("span");
      x.lang = L[0];
      box.append(x);
      add(x, text, s, e, tag);
      a = e;
    }
    if (a < b) box.append(tag ? el(tag, "", text.slice(a, b)) : text.slice(a, b));
  }
  // A piece of text around the first match, the terms marked.
  function snippet(text, f, terms, L) {
    var p = el("p", "search-snippet"), at = terms.reduce(function (m, t) {
        var j = find(f, t, 0);
        return j >= 0 && (m < 0 || j < m) ? j : m;
      }, -1), start = Math.max(0, at - 80),
      end = Math.min(text.length, start + 240), s = f.length === text.length;
    var sp = text.indexOf(" ", start);
    if (!s) start = 0; else if (start > 0 && sp >= 0 && sp < at) start = sp + 1;
    if (start > 0) p.append("…");
    for (var i = start; i < end;) {
      var hit = -1, len = 0;
      if (s) terms.forEach(function (t) {
        var j = find(f, t, i);
        if (j >= 0 && j < end && (hit < 0 || j < hit)) { hit = j; len = t.length; }
      });
      if (hit < 0) { add(p, text, i, end, "", L, 3); break; }
      add(p, text, i, hit, "", L, 3);
      add(p, text, hit, hit + len, "mark", L, 3);
      i = hit + len;
    }
    if (end < text.length) p.append("…");
    return p;
  }
  // The status is a live region, read out when it changes: while the
  // reader types it is written once typing pauses, not at every key, where
  // it would talk over the echo of the keys; at once on Enter; and not
  // again when it says the same.
  var said;
  function say(text, now) {
    clearTimeout(said);
    var write = function () { if (status.textContent !== text) status.textContent = text; };
    if (now) write(); else said = setTimeout(write, 800);
  }
  function run(now) {
    // Words, and numbers whole with their commas and decimal points.
    var q = input.value.trim(), terms = fold(q).match(/\p{N}+(?:[.,]\p{N}+)+|[\p{L}\p{N}']+/gu) || [], hits = [];
    list.textContent = "";
    noMore();
    // Only marks, no word to look for ("?", "--"): said so, not silence.
    if (!terms.length) { say(q ? "Type a word or a number to search for." : "", true); return; }
    folded = folded || data.docs.map(function (d) { return [fold(d[1]), fold(d[3])]; });
    data.docs.forEach(function (d, i) {
      var score = 0;
      for (var k = 0; k < terms.length; k++) {
        var t = counted(folded[i][0], terms[k]), b = counted(folded[i][1], terms[k]);
        if (!t && !b) return;
        score += 3 * t + b;
      }
      hits.push([score, i]);
    });
    hits.sort(function (a, b) { return b[0] - a[0] || a[1] - b[1]; });
    // The count alone: how many are listed the button after them says, and
    // "the first 50" would be wrong once it has been pressed.
    say(hits.length ? hits.length + (hits.length === 1 ? " result" : " results") + " for “" + q + "”:" :
      "Nothing found for “" + q + "”.", now);
    shown = { hits: hits, terms: [].concat.apply([], terms.map(forms)), count: 0 };
    show(false);
  }
  // The results PAGE at a time: a button after them shows the next ones
  // and takes focus to the first of them, so that no result is out of a
  // keyboard's or a screen reader's reach.
  var PAGE = 50, shown = null, more = null;
  function show(focus) {
    var next = shown.hits.slice(shown.count, shown.count + PAGE), first = null;
    next.forEach(function (h) {
      var d = data.docs[h[1]], li = el("li"), a = el("a");
      add(a, d[1], 0, d[1].length, "", d[4], 1);
      a.href = d[2];
      li.append(el("p", "search-kind", data.kinds[d[0]]), a, snippet(d[3], folded[h[1]][1], shown.terms, d[4]));
      list.append(li);
      first = first || a;
    });
    shown.count += next.length;
    var left = shown.hits.length - shown.count;
    if (left <= 0) noMore();
    else {
      if (!more) {
        more = el("button", "search-more");
        more.type = "button";
        more.addEventListener("click", function () { show(true); });
        list.after(more);
      }
      more.textContent = "Show " + Math.min(left, PAGE) + " more of " + shown.hits.length;
    }
    if (focus && first) first.focus();
  }
  function noMore() {
    if (more) more.remove();
    more = null;
  }
  var timer;
  input.addEventListener("input", function () { clearTimeout(timer); timer = setTimeout(run, 120); });
  form.addEventListener("submit", function (e) { e.preventDefault(); clearTimeout(timer); run(true); });
  input.value = new URLSearchParams(location.search).get("q") || "";
  status.textContent = "";
  run(true);
})();
