package sitecheck

import (
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

// TestPrintLeavesOutScreenThings checks every page laid out for print:
// nothing that only works on a screen is printed (a form field or button,
// the notes page's links to a passage and to a note), no link is
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
				for _, s := range browser.Eval[[]string](p, `[...document.querySelectorAll("input, button, select, textarea, .all-notes .note-head a")]
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
