package sitecheck

import (
	"cmp"
	"fmt"
	"math"
	"path/filepath"
	"testing"

	"github.com/briefing/annotated/generator/internal/browser"
)

// papers are the paper sizes the print tests lay pages out for, each with
// the width of its printable area in CSS pixels: the paper less
// print.css's 16 mm side margins.
var papers = []struct {
	name  string
	width int
}{{"A4", printable(210)}, {"Letter", printable(215.9)}}

// printable is the width in CSS pixels of the printable area of a paper
// mm millimetres wide.
func printable(mm float64) int { return int(math.Floor((mm - 2*16) * 96 / 25.4)) }

// TestPrintFitsPaper lays every page out for print at the width of the
// printable area of A4 and of Letter paper (the paper less print.css's
// 16 mm side margins) and checks that nothing is cut off: the page is no
// wider than the paper, and no element hides content in a scroll box, which
// paper cannot scroll.
func TestPrintFitsPaper(t *testing.T) {
	b := browser.New(t)
	for _, site := range sites(t) {
		for _, page := range htmlPages(t, site) {
			for _, paper := range papers {
				width := paper.width
				t.Run(fmt.Sprintf("%s/%s", name(page), paper.name), func(t *testing.T) {
					p := b.Open(t, browser.FileURL(page), width, 1000)
					p.Media("print")
					if w := browser.Eval[int](p, `document.documentElement.scrollWidth`); w > width {
						t.Errorf("printed on %s, the page is %d px wide, the paper %d px", paper.name, w, width)
					}
					clipped := browser.Eval[[]string](p, `[...document.querySelectorAll("body *")].filter(e => {
					  const s = getComputedStyle(e);
					  // Visually hidden text (a 1 px clipped box for screen readers) is not print.
					  return s.display !== "none" && s.overflowX !== "visible" && e.clientWidth > 1 && e.scrollWidth > e.clientWidth + 1;
					}).slice(0, 5).map(e => e.tagName.toLowerCase() + (e.className ? "." + [...e.classList].join(".") : "") +
					  " (" + e.scrollWidth + " px in " + e.clientWidth + ")")`)
					for _, c := range clipped {
						t.Errorf("printed on %s, %s: content cut off", paper.name, c)
					}
					// main has no side padding on paper: a numbered list
					// needs room of its own for its numbers, "20." not "0.".
					narrow := browser.Eval[[]string](p, `[...document.querySelectorAll("ol")].filter(ol => {
					  const s = getComputedStyle(ol);
					  return s.display !== "none" && s.listStyleType !== "none" && s.listStylePosition === "outside" &&
					    ol.children.length >= 10 && parseFloat(s.paddingLeft) < 1.8 * parseFloat(s.fontSize);
					}).map(ol => "ol" + (ol.className ? "." + ol.className : "") + " in " + (ol.parentElement.className || ol.parentElement.tagName))`)
					for _, n := range narrow {
						t.Errorf("printed on %s, %s leaves no room for two-digit numbers", paper.name, n)
					}
				})
			}
		}
	}
}

// TestPrintFromWideWindow prints each article as a reader would from a
// wide window, where notes.js has placed the sidenotes and set the
// height they need on the text: on paper the sidenotes are not shown, and
// that height printed blank pages at the end (two of ten).
func TestPrintFromWideWindow(t *testing.T) {
	b := browser.New(t)
	for _, site := range sites(t) {
		for _, page := range articlePages(t, site) {
			t.Run(name(page), func(t *testing.T) {
				p := b.Open(t, browser.FileURL(page), 1400, 900)
				p.Media("print")
				if h := browser.Eval[string](p, `getComputedStyle(document.querySelector(".article .body")).minHeight`); h != "0px" {
					t.Errorf("printed from a wide window, the text keeps a min-height of %s", h)
				}
			})
		}
	}
}

// TestPrintNamesBriefing: every page printed on its own (all but the
// print edition, whose cover names it, and the home page, whose heading
// is the title) starts with the briefing's title, above its own, and
// prints none of the header's links to other pages.
func TestPrintNamesBriefing(t *testing.T) {
	b := browser.New(t)
	for _, site := range sites(t) {
		for _, page := range htmlPages(t, site) {
			if base := filepath.Base(page); base == "handout.html" || base == "404.html" {
				continue
			}
			t.Run(name(page), func(t *testing.T) {
				p := b.Open(t, browser.FileURL(page), 700, 1000)
				p.Media("print")
				if filepath.Base(page) == "index.html" {
					if browser.Eval[bool](p, `document.querySelector(".site-title").getClientRects().length > 0`) {
						t.Error("the home page prints the briefing's title twice, above its heading, which is the title")
					}
					return
				}
				got := browser.Eval[[]string](p, `(() => {
				  const title = document.querySelector(".site-title"), h1 = document.querySelector("main h1");
				  if (!title || !h1) return ["no title or no h1"];
				  const out = [], r = title.getBoundingClientRect();
				  if (r.height === 0 || r.bottom > h1.getBoundingClientRect().top) out.push("the briefing's title is not printed above the page's (" + r.height + " px high)");
				  if (!document.title.endsWith(title.textContent.trim())) out.push("the printed title " + JSON.stringify(title.textContent) + " is not the briefing's: " + document.title);
				  for (const a of document.querySelectorAll(".site-header li a")) if (a.getClientRects().length > 0) out.push("the header's link " + JSON.stringify(a.textContent) + " is printed");
				  return out;
				})()`)
				for _, s := range got {
					t.Error(s)
				}
			})
		}
	}
}

// TestPrintLeavesOutScreenThings checks every page laid out for print:
// nothing that only works on a screen is printed (a form field or button,
// the notes page's links to a passage and to a note, but not its
// verdicts, which link to their definitions), no link is
// underlined (on paper it cannot be followed, and the line runs through
// the underscores of an address written out), and the print edition's
// methodology starts a page of its own, as its claims and sources do.
func TestPrintLeavesOutScreenThings(t *testing.T) {
	b := browser.New(t)
	for _, site := range sites(t) {
		for _, page := range htmlPages(t, site) {
			t.Run(name(page), func(t *testing.T) {
				p := b.Open(t, browser.FileURL(page), 700, 1000)
				p.Media("print")
				for _, s := range browser.Eval[[]string](p, `[...document.querySelectorAll("input, button, select, textarea, .all-notes .note-head a:not(.verdict)")]
				  .filter(e => e.getClientRects().length > 0)
				  .map(e => e.tagName.toLowerCase() + (e.className ? "." + [...e.classList].join(".") : "") + " " + JSON.stringify(e.textContent.trim().slice(0, 30)))`) {
					t.Errorf("printed: %s", s)
				}
				for _, s := range browser.Eval[[]string](p, `[...document.querySelectorAll("a[href]")]
				  .filter(a => a.getClientRects().length > 0 && getComputedStyle(a).textDecorationLine !== "none")
				  .slice(0, 3).map(a => a.getAttribute("href"))`) {
					t.Errorf("printed underlined: the link to %s", s)
				}
				if filepath.Base(page) == "handout.html" {
					for _, id := range []string{"claims", "sources", "methodology"} {
						got := browser.Eval[string](p, fmt.Sprintf(`(() => { const e = document.getElementById(%q); return e ? getComputedStyle(e).breakBefore : ""; })()`, id))
						if got != "page" && got != "" { // "": a briefing without that part
							t.Errorf("the print edition's #%s breaks before it: %q, want a new page", id, got)
						}
					}
				}
			})
		}
	}
}

// hangingIndent measures, in the page, the entries of the lists of sources
// in the part selected by %q that are in the viewport and run to two lines
// or more: for each, how far right of its first line its other lines
// start (the hanging indent, in px), and the entries whose first line does
// not start at the entry's left edge or whose other lines do not all start
// at one place right of it.
const hangingIndent = `new Promise(resolve => requestAnimationFrame(() => requestAnimationFrame(() => {
  const out = {indents: [], problems: []};
  for (const li of document.querySelectorAll(%q)) {
    const box = li.getBoundingClientRect();
    if (box.top < -1 || box.bottom > innerHeight) continue;
    // Lines: the boxes of the entry's text grouped by their middle, each
    // line's start its leftmost box.
    const rects = [], walk = document.createTreeWalker(li, NodeFilter.SHOW_TEXT);
    for (let t = walk.nextNode(); t; t = walk.nextNode()) {
      const range = document.createRange();
      range.selectNodeContents(t);
      rects.push(...[...range.getClientRects()].filter(r => r.width > 0));
    }
    const lines = [];
    for (const r of rects.sort((a, b) => a.top - b.top)) {
      const mid = (r.top + r.bottom) / 2, last = lines[lines.length - 1];
      if (last && mid < last.bottom) last.left = Math.min(last.left, r.left);
      else lines.push({left: r.left, bottom: r.bottom});
    }
    if (lines.length < 2) continue;
    const id = li.id || li.textContent.trim().slice(0, 30);
    if (Math.abs(lines[0].left - box.left) > 1) out.problems.push(id + ": its first line starts " + (lines[0].left - box.left) + " px right of the entry's edge");
    const rest = lines.slice(1).map(l => l.left - lines[0].left);
    if (Math.max(...rest) - Math.min(...rest) > 1) out.problems.push(id + ": its lines after the first start at " + rest.join(", ") + " px right of the first");
    out.indents.push(Math.min(...rest));
  }
  resolve(out);
})))`

// TestHandoutSourcesHang: the print edition's bibliography hangs, as the
// sources page's and an article's sources cited do: each entry's first
// line starts at the list's edge and its other lines one indent right of
// it, the same indent as an article's, on paper (the printable width of A4
// and of Letter) and on a phone's and a wide screen. On screen the entries
// are laid out as they come near the view, so the list is scrolled to
// first.
func TestHandoutSourcesHang(t *testing.T) {
	b := browser.New(t)
	site := sites(t)[0]
	type measured struct {
		Indents  []float64
		Problems []string
	}
	measure := func(t *testing.T, page string, sel string, width int, media string) measured {
		t.Helper()
		// Tall enough to hold three whole entries at 390 px.
		p := b.Open(t, browser.FileURL(filepath.Join(site, page)), width, 1600)
		p.Media(media)
		browser.Eval[bool](p, fmt.Sprintf(`(document.querySelector(%q).scrollIntoView(), true)`, sel))
		m := browser.Eval[measured](p, fmt.Sprintf(hangingIndent, sel))
		if len(m.Indents) < 3 {
			t.Fatalf("%s at %d px (%s): %d entries of two lines or more measured in %s, want 3 at least", page, width, cmp.Or(media, "screen"), len(m.Indents), sel)
		}
		return m
	}
	layouts := []struct {
		name  string
		width int
		media string
	}{{"A4", papers[0].width, "print"}, {"Letter", papers[1].width, "print"}, {"390 px", 390, ""}, {"1280 px", 1280, ""}}
	for _, l := range layouts {
		t.Run(l.name, func(t *testing.T) {
			article := measure(t, "articles/dailywire-latin-america-cable.html", ".cited-sources .bibliography > li", l.width, l.media)
			handout := measure(t, "handout.html", "#sources .bibliography > li", l.width, l.media)
			for _, p := range append(article.Problems, handout.Problems...) {
				t.Error(p)
			}
			want := article.Indents[0]
			if want < 10 {
				t.Fatalf("an article's sources cited hang by %.1f px, want an indent of 10 px at least", want)
			}
			for i, got := range handout.Indents {
				if math.Abs(got-want) > 0.5 {
					t.Errorf("the print edition's entry %d hangs by %.1f px, an article's by %.1f px", i+1, got, want)
				}
			}
		})
	}
}

// TestPrintedSourceNotesApart: on paper a source's note starts on a line
// of its own, below the address, in line with the entry's other lines:
// run on after the address, in black and white only a lighter grey told
// where the address ended, and a student copying it could take the next
// word with it. On screen the link's colour tells them apart.
func TestPrintedSourceNotesApart(t *testing.T) {
	b := browser.New(t)
	p := b.Open(t, browser.FileURL(filepath.Join(sites(t)[0], "sources.html")), papers[0].width, 1600)
	p.Media("print")
	problems := browser.Eval[[]string](p, `(() => {
	  const out = [];
	  let n = 0;
	  for (const note of document.querySelectorAll(".bibliography .ref .ref-note")) {
	    const addr = note.parentElement.querySelector(".ref-addr");
	    if (!addr) continue;
	    n++;
	    // Its first line with any width: the line break that starts it
    // leaves an empty part of it at the end of the address's line.
    const a = [...addr.getClientRects()].pop(), first = [...note.getClientRects()].find(r => r.width > 0);
	    const entry = note.closest("li").getBoundingClientRect();
	    if (first.top < a.bottom - 1) out.push(note.closest("li").id + ": its note runs on after the address");
	    else if (Math.abs(first.left - entry.left) > 40) out.push(note.closest("li").id + ": its note starts " + (first.left - entry.left) + " px in");
	  }
	  if (n < 3) out.push(n + " sources with an address and a note, want 3 at least");
	  return out;
	})()`)
	for _, problem := range problems {
		t.Error(problem)
	}
}
