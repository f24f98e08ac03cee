package sitecheck

import (
	"fmt"
	"path/filepath"
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
