package sitecheck

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/briefing/annotated/generator/internal/browser"
)

// TestLongPagesLayOutLazily checks the pages that grow with the briefing
// (all notes, the claims, the handout, the home page's cards, the
// sources). On screen the browser lays out
// only their sections near the view (content-visibility: auto, which made
// the all-notes page of 1,000 articles ready in a quarter of the time); a
// link to the last section still brings it into view; in print every
// section is laid out.
func TestLongPagesLayOutLazily(t *testing.T) {
	b := browser.New(t)
	for _, c := range []struct {
		page, section, anchor string // the page, its sections, the element in each that a link names ("": none)
	}{
		{"notes.html", ".notes-article", ".notes-article h2"},
		{"claims.html", ".claim", ".claim"},
		{"handout.html", ".handout-article", ".handout-article"},
		{"index.html", ".card", ""},
		{"sources.html", ".bibliography > li", ".bibliography > li"},
	} {
		t.Run(c.page, func(t *testing.T) {
			page := browser.FileURL(filepath.Join(sites(t)[0], c.page)) // the real briefing's
			visibility := func(p *browser.Page) []string {
				return browser.Eval[[]string](p, fmt.Sprintf(`[...document.querySelectorAll(%q)].map(s => getComputedStyle(s).contentVisibility)`, c.section))
			}
			p := b.Open(t, page, 1280, 800)
			got := visibility(p)
			if len(got) < 3 {
				t.Fatalf("%d sections %s, want several", len(got), c.section)
			}
			for i, v := range got {
				if v != "auto" {
					t.Errorf("on screen, section %d: content-visibility %q, want auto", i+1, v)
				}
			}
			if c.anchor != "" {
				last := browser.Eval[string](p, fmt.Sprintf(`[...document.querySelectorAll(%q)].pop().id`, c.anchor))
				if last == "" {
					t.Fatalf("the last %s has no id", c.anchor)
				}
				if inView(p, last) {
					t.Fatalf("#%s is in view before it is linked to: the page is too short to tell", last)
				}
				p = b.Open(t, page+"#"+last, 1280, 800)
				if !inView(p, last) {
					t.Errorf("a link to #%s does not bring it into view", last)
				}
			}
			p.Media("print")
			for i, v := range visibility(p) {
				if v != "visible" {
					t.Errorf("in print, section %d: content-visibility %q, want visible", i+1, v)
				}
			}
		})
	}
}

// TestLongPagesGiveEverything checks that the sections that the long pages
// leave unrendered until they come near the view (above) are still given to
// a screen reader. Its lists of headings and of links, read from the
// accessibility tree of a browser running as it does while a screen reader
// is on, hold every heading of the page, in order and under the name the
// page shows, and as many links as the page shows. Some of each page's
// headings or links are unrendered when the tree is read, or the test would
// prove nothing.
func TestLongPagesGiveEverything(t *testing.T) {
	const page = `(() => {
  const shown = e => e.checkVisibility({visibilityProperty: true}) && !e.closest("[aria-hidden=true]");
  const headings = [...document.querySelectorAll("h1, h2, h3, h4, h5, h6")].filter(shown);
  const links = [...document.querySelectorAll("a[href]")].filter(shown);
  return {
    headings: headings.map(h => {
      const c = h.cloneNode(true);
      c.querySelectorAll("[aria-hidden=true]").forEach(e => e.remove());
      return c.textContent.replace(/\s+/g, " ").trim();
    }),
    links: links.length,
    unrendered: [...headings, ...links].filter(e => !e.checkVisibility({contentVisibilityAuto: true})).length,
  };
})()`
	type shown struct {
		Headings   []string
		Links      int
		Unrendered int
	}
	b := browser.ScreenReader(t)
	for _, name := range []string{"notes.html", "claims.html", "handout.html", "index.html", "sources.html"} {
		t.Run(name, func(t *testing.T) {
			p := b.Open(t, browser.FileURL(filepath.Join(sites(t)[0], name)), 1280, 800)
			want := browser.Eval[shown](p, page)
			if want.Unrendered == 0 {
				t.Fatalf("none of its %d headings and %d links is unrendered: the page is too short to tell", len(want.Headings), want.Links)
			}
			var headings []string
			links := 0
			// A link is given as a link or as one of the roles that ARIA's
			// digital publishing module gives some (a note's marker, the
			// way back to it).
			for _, n := range browser.Nodes(p, "heading", "link", "doc-noteref", "doc-backlink", "doc-biblioref", "doc-glossref") {
				if n.Role != "heading" {
					links++
				} else {
					// The tree gives a heading's text as shown, in capitals
					// where the stylesheet sets them.
					headings = append(headings, n.Name)
				}
			}
			if !strings.EqualFold(strings.Join(headings, "\n"), strings.Join(want.Headings, "\n")) {
				t.Errorf("a screen reader is given %d headings, the page shows %d\ngiven: %q\nshown: %q", len(headings), len(want.Headings), headings, want.Headings)
			}
			if links != want.Links {
				t.Errorf("a screen reader is given %d links, the page shows %d", links, want.Links)
			}
		})
	}
}

// TestListNumbersNotClipped: a section laid out lazily
// (content-visibility: auto) clips what is drawn outside it, and a list's
// numbers are drawn in its left padding: on the all-notes page and the
// print edition on screen, two-digit note numbers showed as ".1." for
// "11.". Each list's padding must hold its widest number, at a phone's
// width and a desktop's.
func TestListNumbersNotClipped(t *testing.T) {
	const widest = `(() => {
	  const out = [];
	  for (const sec of document.querySelectorAll(".notes-article, .handout-article")) {
	    for (const ol of sec.querySelectorAll("ol")) {
	      const items = ol.querySelectorAll(":scope > li");
	      if (!items.length) continue;
	      const li = items[items.length - 1], n = (li.value || items.length) + ".";
	      const c = document.createElement("canvas").getContext("2d"), s = getComputedStyle(li);
	      c.font = s.fontWeight + " " + s.fontSize + " " + s.fontFamily;
	      const need = c.measureText(n + " ").width, room = li.getBoundingClientRect().left - sec.getBoundingClientRect().left;
	      if (room < need) out.push(sec.id + ": " + n + " needs " + need.toFixed(1) + " px, has " + room.toFixed(1));
	    }
	  }
	  return out;
	})()`
	b := browser.New(t)
	for _, name := range []string{"notes.html", "handout.html"} {
		for _, width := range []int{390, 1400} {
			p := b.Open(t, browser.FileURL(filepath.Join(sites(t)[0], name)), width, 800)
			if got := browser.Eval[[]string](p, widest); len(got) > 0 {
				t.Errorf("%s at %d px: list numbers clipped: %q", name, width, got)
			}
		}
	}
}
